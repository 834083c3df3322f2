"""When a figure holds: the period phrases of Vietnamese news, resolved against the publication date.

Period strings (the claims table's ``period`` column and the development labels use the same):
``2019`` (year), ``2019-Q2`` (quarter), ``2019-05`` (month), ``2019-H1`` / ``2019-M01..05`` (part of a year,
from January), ``≤2019-05-31`` / ``≤2019-05`` (cumulative to a date), ``2014/2016`` (a span of years),
``2019-05-16`` or ``2019-09-29/2019-10-21`` (the day or days of an event: a signing, a fair, an accident; kind
``day``, taken from the reader's dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import regex

from factlint.vi.lexicon import DIGIT_WORDS
from factlint.vi.scan import DIGIT, match_at, scan_at, starts
from factlint.vi.tokens import _L, _R

KINDS = ("year", "quarter", "month", "partial", "cumulative", "span", "day", "none")

_Y = r"(?:19[5-9]\d|20[0-4]\d)"
_YEAR_TAIL = rf"(?:[ \t]*/[ \t]*|[ \t]+(?:của[ \t]+)?năm[ \t]+|[ \t]+)(?P<y>{_Y}){_R}"
_COUNT = r"\d{1,2}|mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "một": 1, "hai": 2, "ba": 3,
          "bốn": 4, "tư": 4}
# The words that open the base of a comparison ("so với năm 2018", "so năm 2015", "gần bằng … năm 2016"); a bare
# "bằng" is also "by" ("xuất khẩu bằng đường biển năm 2019"), so it counts only as "gần bằng" or "bằng với".
COMPARISON = r"so với|so|gần bằng|bằng với"
# A period after one of these is the base of a comparison or a starting point, not the figure's own period.
REFERENCE_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?:(?:{COMPARISON})[ \t]+(?:\p{{L}}+[ \t]+){{0,4}}"  # "so với cùng thời điểm này năm 2016"
    r"|(?:cùng kỳ|kể từ|bắt đầu từ|từ|sau|trước|hơn|như)[ \t]+(?:\p{L}+[ \t]+)?)$", regex.I)
REFERENCE_REACH = 40  # characters before a period phrase searched for a comparison cue

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    # cumulative: "tính đến 31/5/2019", "lũy kế đến hết tháng 5/2019", "tính từ năm 1992 đến nay", "hiện có"
    ("cumulative", regex.compile(
        rf"{_L}(?:(?:(?P<stock>lũy kế|luỹ kế|cộng dồn)(?P<since>[ \t]+từ[ \t].{{0,40}}?)?(?:[ \t]+(?:đến|tới))?"
        rf"(?:[ \t]+hết)?"
        rf"|tính(?P<since>[ \t]+từ[ \t].{{0,40}}?)?[ \t]+(?:đến|tới)(?:[ \t]+hết)?|tính[ \t]+hết|(?:đến|tới)[ \t]+hết"
        rf"|(?:đến|tới)(?=[ \t]+cuối[ \t]+năm[ \t]+{_Y})"
        rf"|(?<!(?:đến|tới|tính)[ \t]+)hết(?=[ \t]+(?:tháng|năm|ngày|quý)))"
        rf"(?:[ \t]+(?:ngày[ \t]+(?P<d>\d{{1,2}})[ \t]*/[ \t]*(?P<m>\d{{1,2}})(?:[ \t]*/[ \t]*(?P<y>{_Y}))?"
        rf"|(?P<d>\d{{1,2}})[ \t]*/[ \t]*(?P<m>\d{{1,2}})(?:[ \t]*/[ \t]*(?P<y>{_Y}))?"
        rf"|tháng[ \t]+(?P<m>\d{{1,2}})(?:{_YEAR_TAIL})?"
        rf"|(?:cuối[ \t]+|hết[ \t]+)?năm[ \t]+(?P<ye>{_Y})"
        rf"|(?P<now>nay|hiện nay|hiện tại|thời điểm (?:này|hiện tại))))?"
        rf"|(?<!(?:trước|đầu năm)[ \t]+)(?:đến|tới)[ \t]+nay|hiện (?:có|nay|đang|vẫn)){_R}", regex.I)),
    # span: "giai đoạn 2016-2020", "từ năm 2014 đến năm 2016", "2014 – 2016"
    ("span", regex.compile(
        rf"{_L}(?:(?:giai đoạn|thời kỳ|trong)[ \t]+)?(?:từ[ \t]+)?(?:năm[ \t]+)?(?P<a>{_Y})[ \t]*"
        rf"(?:[-–—]|đến|tới)[ \t]*(?:năm[ \t]+)?(?P<b>{_Y}){_R}", regex.I)),
    # part of a year from January: "5 tháng đầu năm 2019", "sáu tháng đầu năm", "9 tháng năm 2019", "nửa đầu năm"
    ("partial", regex.compile(
        rf"{_L}(?:(?P<n>{_COUNT})[ \t]+tháng(?:[ \t]+đầu(?:[ \t]+tiên)?)?(?:[ \t]+(?:của[ \t]+)?năm(?:[ \t]+nay)?)"
        rf"|(?P<n>{_COUNT})[ \t]+tháng(?:[ \t]+đầu)?(?:[ \t]*/[ \t]*|[ \t]+(?:năm[ \t]+)?)(?P<y>{_Y})(?=[\s,.;:)]|$)"
        rf"|(?P<past>{_COUNT})[ \t]+tháng[ \t]+(?:vừa[ \t]+)?qua"
        rf"|(?P<half>nửa đầu|nửa cuối)[ \t]+năm"
        rf"|(?P<last>{_COUNT})[ \t]+tháng[ \t]+cuối[ \t]+năm"
        rf"|(?P<ytd>từ đầu năm)(?:[ \t]+(?:đến|tới)[ \t]+nay)?)"
        rf"(?:{_YEAR_TAIL})?{_R}", regex.I)),
    # a run of months: "tháng 1-5/2019", "từ tháng 1 đến tháng 5/2019", "tháng 3 đến tháng 6 năm 2019"
    ("months", regex.compile(
        rf"{_L}(?:từ[ \t]+)?tháng[ \t]+(?P<m1>1[0-2]|0?[1-9])[ \t]*(?:[-–]|đến|tới)[ \t]*(?:tháng[ \t]+)?"
        rf"(?P<m2>1[0-2]|0?[1-9])(?:{_YEAR_TAIL})?{_R}(?![ \t]*/[ \t]*\d)", regex.I)),
    ("quarter", regex.compile(
        rf"{_L}quý[ \t]+(?P<q>IV|III|II|I|[1-4]|một|hai|ba|bốn|tư)(?:{_YEAR_TAIL})?{_R}", regex.I)),
    ("month", regex.compile(rf"{_L}tháng[ \t]+(?P<m>1[0-2]|0?[1-9])(?:{_YEAR_TAIL})?{_R}(?![ \t]*/[ \t]*\d)"
                            rf"|{_L}(?P<prev>tháng trước|tháng vừa qua){_R}", regex.I)),
    ("year", regex.compile(
        rf"{_L}(?:(?:trong|vào|của|cuối|đầu|hết|giữa|tài khóa|tài khoá)[ \t]+)?năm[ \t]+(?:tài[ \t]+kh(?:oá|óa)[ \t]+)?"
        rf"(?P<y>{_Y}){_R}"
        rf"|{_L}(?<!\d[ \t]{{1,3}})"
        rf"(?P<rel>năm nay|năm ngoái|năm trước|năm rồi|năm qua|năm vừa qua|năm tới|năm sau|năm kế tiếp)"
        rf"{_R}", regex.I)),
]
# Where each kind of period phrase can start: its possible first words (DIGIT for a number).
_NUMBER_WORDS = "một hai ba bốn năm sáu bảy tám chín mười mươi"
_FIRST_WORDS = {
    "cumulative": set("lũy luỹ cộng tính đến tới hết hiện".split()),
    "span": set(f"giai thời trong từ năm {DIGIT}".split()),
    "partial": set(f"nửa từ {DIGIT} {_NUMBER_WORDS}".split()),
    "months": {"từ", "tháng"},
    "quarter": {"quý"},
    "month": {"tháng"},
    "year": set("trong vào của cuối đầu hết giữa tài năm".split()),
}

# What follows where a phrase of these kinds starts with a number: a year ("2016-2020") for a span, one or two
# digits and "tháng" for part of a year ("5 tháng đầu năm"). A cheap test of it turns most figures away before the
# pattern is tried at them.
_DIGIT_LED = {"span": re.compile(r"19|20"), "partial": re.compile(r"\d\d?[ \t]+[Tt][Hh]")}
_WORD_LED = {kind: frozenset(_FIRST_WORDS[kind] - {DIGIT}) for kind in _DIGIT_LED}
_DIGITS = frozenset({DIGIT})


def _starts(kind: str, text: str, spans: list[tuple[int, int]] | None) -> list[int]:
    """Where a phrase of ``kind`` can start: its first words, less the numbers that cannot lead it."""
    test = _DIGIT_LED.get(kind)
    if test is None:
        return starts(_FIRST_WORDS[kind], text, spans)
    digits = [p for p in starts(_DIGITS, text, spans) if test.match(text, p)]
    return sorted(starts(_WORD_LED[kind], text, spans) + digits)


# A stock, not a flow, even when counted "to" a date: "24.000 dự án còn hiệu lực"
_STOCK_CUE = regex.compile(r"còn hiệu lực|lũy kế|luỹ kế", regex.I)


_COMPARISON_BASE = regex.compile(rf"{_L}cùng kỳ(?:[ \t]+(?:năm[ \t]+(?:trước|ngoái|{_Y})|{_Y}))?{_R}", regex.I)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period phrase: where it is, what it resolves to, and whether it is a comparison base."""

    start: int
    end: int
    text: str
    period: str
    kind: str
    reference: bool
    weak: bool = False  # "hiện có", "hiện nay": the publication date, unless the sentence states a period
    stock: bool = False  # "lũy kế", "tính từ năm 1988 đến …": a stock since a start, never a year-to-date flow


def _count(word: str) -> int:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("mười một", "mười hai"):
        return 11 if w.endswith("một") else 12
    return int(DIGIT_WORDS.get(w, 0))


def _partial(year: int | None, first: int, last: int) -> str:
    if year is None:
        return ""
    if (first, last) == (1, 12):
        return str(year)
    if first == last:
        return f"{year}-{first:02d}"
    if (first, last) in ((1, 6), (7, 12)):
        return f"{year}-H{1 if first == 1 else 2}"
    if last - first == 2 and first % 3 == 1:
        return f"{year}-Q{(first + 2) // 3}"
    return f"{year}-M{first:02d}..{last:02d}"


def _year_of_month(month: int, pub: dt.date | None) -> int | None:
    """The year of a month named without one: the publication's, or the year before for a month after it."""
    if pub is None:
        return None
    return pub.year - 1 if month > pub.month else pub.year


def _relative(word: str, pub: dt.date | None) -> int | None:
    if pub is None:
        return None
    w = word.lower()
    if w == "năm nay":
        return pub.year
    if w in ("năm ngoái", "năm trước", "năm rồi"):
        return pub.year - 1
    if w in ("năm qua", "năm vừa qua"):  # the year just ended early in a year, the current one late in it
        return pub.year - 1 if pub.month <= 6 else pub.year
    return pub.year + 1


def _resolve(kind: str, m: regex.Match, pub: dt.date | None) -> tuple[str, str]:
    """(period, kind) for one match; an empty period when it cannot be resolved."""
    year = int(m["y"]) if m.groupdict().get("y") else None
    if kind == "cumulative":
        d, mo = m.groupdict().get("d"), m.groupdict().get("m")
        if m.groupdict().get("ye"):
            return f"≤{m['ye']}-12-31", kind
        y = year or (pub.year if pub else None)
        if mo and y and 1 <= int(mo) <= 12:
            if d and 1 <= int(d) <= 31:
                return f"≤{y}-{int(mo):02d}-{int(d):02d}", kind
            return f"≤{y}-{int(mo):02d}", kind
        return (f"≤{pub.isoformat()}" if pub else ""), kind
    if kind == "span":
        a, b = int(m["a"]), int(m["b"])
        return (f"{a}/{b}" if a < b else ""), kind
    if kind == "partial":
        y = year or (pub.year if pub else None)
        if m["half"]:
            return _partial(y, 1, 6) if "đầu" in m["half"].lower() else _partial(y, 7, 12), kind
        if m["last"]:
            n = _count(m["last"])
            return (_partial(y, 13 - n, 12) if 1 <= n <= 12 else ""), kind
        if m["past"]:  # "6 tháng qua" in early July: the year so far; any other span of months is not one
            n = _count(m["past"])
            if pub is None or year or n not in (pub.month - 1, pub.month):
                return "", kind
            return _partial(pub.year, 1, n), kind
        if m["ytd"]:
            if pub is None or (year and year != pub.year):
                return "", kind
            return _partial(pub.year, 1, pub.month), kind
        n = _count(m["n"])
        return (_partial(y, 1, n) if 1 <= n <= 12 else ""), kind
    if kind == "quarter":
        q = _ROMAN[m["q"].lower()]
        y = year or _year_of_month(3 * q - 2, pub)
        return (f"{y}-Q{q}" if y else ""), kind
    if kind == "months":
        first, last = int(m["m1"]), int(m["m2"])
        y = year or _year_of_month(first, pub)
        return (_partial(y, first, last) if y and first < last else ""), "partial"
    if kind == "month":
        if m["prev"]:
            if pub is None:
                return "", kind
            return (f"{pub.year - 1}-12" if pub.month == 1 else f"{pub.year}-{pub.month - 1:02d}"), kind
        y = year or _year_of_month(int(m["m"]), pub)
        return (f"{y}-{int(m['m']):02d}" if y else ""), kind
    if m["rel"]:
        y = _relative(m["rel"], pub)
        return (str(y) if y else ""), "year"
    return str(year), "year"


def is_reference(text: str, start: int) -> bool:
    """Whether the period phrase at ``start`` is the base of a comparison ("so với năm 2018", "so năm 2015")."""
    return REFERENCE_BEFORE.search(text, max(0, start - REFERENCE_REACH), start) is not None


def periods(text: str, published: dt.date | None, spans: list[tuple[int, int]] | None = None) -> list[PeriodMention]:
    """Every period phrase of ``text`` in order; overlapping phrases keep the first kind that matched."""
    out: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in match_at(pat, text, _starts(kind, text, spans), spans):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            period, k = _resolve(kind, m, published)
            ref = is_reference(text, m.start()) and kind != "cumulative"
            weak = kind == "cumulative" and (m.group().lower().startswith("hiện") or (
                bool(m.groupdict().get("stock")) and not (m.groupdict().get("m") or m.groupdict().get("ye"))))
            stock = kind == "cumulative" and (weak or bool(m.groupdict().get("stock") or m.groupdict().get("since"))
                                              or _STOCK_CUE.search(text, m.end(), m.end() + 80) is not None)
            out.append(PeriodMention(m.start(), m.end(), m.group(), period, k if period else "none", ref, weak, stock))
            taken.append((m.start(), m.end()))
    for m in scan_at(_COMPARISON_BASE, {"cùng"}, text, spans):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            out.append(PeriodMention(m.start(), m.end(), m.group(), "", "none", True))
        else:  # "cùng kỳ năm 2018": the year inside is a comparison base
            out = [p if not (m.start() <= p.start < m.end()) else PeriodMention(
                p.start, p.end, p.text, p.period, p.kind, True) for p in out]
    out.sort(key=lambda p: p.start)
    return out


_DAY = regex.compile(r"\d{4}-\d\d-\d\d(?:/\d{4}-\d\d-\d\d)?")


def day_periods(text: str, dates: list[tuple[int, int, str]]) -> list[PeriodMention]:
    """The days of events as periods (kind ``day``), from the reader's dates ``(start, end, iso)``.

    "ngày 16/5" is ``2019-05-16``, "từ 29/9 - 21/10/2019" is ``2019-09-29/2019-10-21``. A month ("tháng 5/2019")
    is not a day.

    A day is ``weak``: a figure takes it only when its sentence states no other period ("Ngày 16/5, Tổng cục
    Thống kê cho biết 4 tháng đầu năm …" is the four months).
    """
    out = []
    for start, end, iso in dates:
        if _DAY.fullmatch(iso):
            span = "/" in iso  # "từ 29/9 - 21/10": "từ" opens the span, it is no comparison's base
            out.append(PeriodMention(start, end, text[start:end], iso, "day", not span and is_reference(text, start),
                                     weak=True))
    return out


# What may stand between a figure and a period phrase that is its own ("5 tỷ USD trong năm 2016", "đạt 6,2% năm
# 2016"): nothing but these words. "6,2% và dự kiến năm 2017" and "5,91%, năm 2016 đạt …" name another's period.
_OWN_GAP = regex.compile(r"[ \t]*(?:(?:trong|vào|của|cho|cả|tính|đến|tới|hết|riêng)[ \t]+)*", regex.I)


def own_gap(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, between a figure and a period phrase after it, ties the period to the figure."""
    return _OWN_GAP.fullmatch(text, start, end) is not None


def year_to_date(period: str) -> str:
    """A flow counted "to" a date ("tính đến 20/6/2017" of exports) is the part of its year up to that month."""
    m = regex.fullmatch(r"≤(\d{4})-(\d{2})(?:-\d{2})?", period)
    if m is None:
        return period if not period.startswith("≤") else ""
    return _partial(int(m[1]), 1, int(m[2]))
