"""Dates and periods the reader finds in a text.

"13/11", "2023-05", "ngày 5 tháng 3", "quý II/2023", "năm 2020-2022", ranges of days and years.

(Attribution's period phrases, "cùng kỳ năm trước", are in :mod:`factlint.vi.periods`.)
"""

from __future__ import annotations

import datetime as dt

import regex

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx
from factlint.vi.numerals import _SCALE_RE, words_to_number
from factlint.vi.tokens import _R, _SP, _alt, _alt_ci, _at, _words_before
from factlint.vi.traps import _name_before, _proper_noun_before
from factlint.vi.units import _unit_after

_DATE_RANGE_1 = regex.compile(r"(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_DATE_RANGE_2 = regex.compile(
    r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?[ \t]*[-–][ \t]*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_DATE_DMY = regex.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_DATE_MY = regex.compile(r"(\d{1,2})/(\d{4})(?![\d/])")
_ISO_DATE = regex.compile(r"((?:1[89]|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\d-])")
_YEAR_RANGE = regex.compile(r"((?:1[89]|20)\d{2})[ \t]*[-–][ \t]*((?:1[89]|20)\d{2})(?!\d)")
_TIMESTAMP_AFTER = regex.compile(r"[ \t,]+\d{1,2}:\d{2}")
_MONTH_TURN_DAYS = 10  # "30-1/5" crosses into May; "13-10/3" (25 days) is a reversed range
_ARITHMETIC_AFTER = regex.compile(r"[ \t]*(?:[+*×=]|[-–/][ \t]*\d)")


_YEAR_AFTER = r"(?:[ \t]*/[ \t]*(?P<{0}>\d{{4}})|[ \t]+năm[ \t]+(?P<{0}2>\d{{4}}))?"
_WORD_DATE_AT = regex.compile(
    rf"(?P<ng>{_alt_ci(['ngày'])}){_SP}(?P<d>\d{{1,2}}){_SP}tháng{_SP}(?P<m>\d{{1,2}})"
    rf"(?:{_SP}năm{_SP}(?P<y>\d{{4}}))?"
    rf"|(?P<th>{_alt_ci(['tháng'])}){_SP}(?P<mm>\d{{1,2}})" + _YEAR_AFTER.format("my")
    + rf"|(?P<q>{_alt_ci(['quý'])}){_SP}(?P<qn>IV|I{{1,3}}|[1-4])" + _YEAR_AFTER.format("qy")
    + rf"|(?P<nm>{_alt_ci(['năm'])}){_SP}(?P<yr>(?:1[89]|20)\d{{2}})"
    rf"(?:[ \t]*[-–][ \t]*(?P<yr2>(?:1[89]|20)\d{{2}}))?"
)
_DATE_WORDS = frozenset(("ngày", "tháng", "năm", "quý"))
# Words for a day or a part of it, after which "16.5" and "7-5" are dates, not a decimal or a range.
_DAY_WORDS = frozenset(("ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya"))
_DAY_DOT = regex.compile(r"(\d{1,2})[.-](\d{1,2})(?:[.-]((?:19|20)\d{2}))?(?![\d/]|[.,-]\d)")


_YEAR_TOKEN = regex.compile(r"(?:1[89]|20)\d{2}")


def _word_date(text: str, m: regex.Match, ref: dt.date | None) -> Quantity | None:
    s, e = m.span()
    g = m.groupdict()
    if (g["ng"] or g["th"]) and _lunar(text, s, e):
        return Quantity(s, e, "", "skip")  # "ngày 15 tháng 7 âm lịch", "rằm tháng 7": a lunar date
    if g["ng"]:
        d, mo = int(g["d"]), int(g["m"])
        y = int(g["y"]) if g["y"] else _infer_year(mo, ref)
        iso = _iso(y, mo, d)
        return Quantity(s, e, text[s:e], "date", date=iso) if iso else None
    if g["th"]:
        mo = int(g["mm"])
        if not 1 <= mo <= 12:
            return None
        y = g["my"] or g["my2"]
        yy = int(y) if y else _infer_year(mo, ref)
        return Quantity(s, e, text[s:e], "date", date=f"{yy:04d}-{mo:02d}" if yy else f"--{mo:02d}")
    if g["q"]:
        qn = lx.ROMAN.get(g["qn"].upper()) or int(g["qn"])
        y = g["qy"] or g["qy2"]
        yy = int(y) if y else (ref.year if ref else 0)
        return Quantity(s, e, text[s:e], "date", date=f"{yy:04d}-Q{qn}" if yy else f"Q{qn}")
    y1 = int(g["yr"])
    if g["yr2"]:
        y2 = int(g["yr2"])
        return Quantity(s, e, text[s:e], "daterange", float(y1), float(y1), float(y2), unit="year",
                        date=f"{y1}/{y2}")
    return Quantity(s, e, text[s:e], "year", float(y1), float(y1), float(y1), unit="year", date=str(y1))


def _day_dot(text: str, s: int, ref: dt.date | None) -> Quantity | None:
    """A date after a day word written with dots or dashes ("16.5", "7-5-2017"), if it is a valid one."""
    mm = _at(_DAY_DOT, text, s)
    if not mm or _at(_SCALE_RE, text, mm.end()) or _unit_after(text, mm.end()):
        return None  # "ngày 3.5 triệu", "3-5 tỷ": amounts
    d, mo, y = mm.groups()
    iso = _iso(int(y) if y else _infer_year(int(mo), ref), int(mo), int(d))
    return Quantity(s, mm.end(), mm.group(), "date", date=iso) if iso else None


def _dates_at(text: str, s: int, ref: dt.date | None) -> Quantity | None:
    if mm := _at(_ISO_DATE, text, s):
        y, mo, d = mm.groups()
        iso = _iso(int(y), int(mo), int(d)) if d else f"{y}-{mo}"
        if iso:
            return Quantity(s, mm.end(), mm.group(), "date", date=iso)
    if mm := _at(_DATE_RANGE_2, text, s):
        d1, m1, y1, d2, m2, y2 = mm.groups()
        yy2 = int(y2) if y2 else (int(y1) if y1 else _infer_year(int(m2), ref))
        yy1 = int(y1) if y1 else yy2
        if yy1 and not y1 and (int(m1), int(d1)) > (int(m2), int(d2)):
            yy1 -= 1  # "25/12 - 5/1": the range crosses the new year
        a, b = _iso(yy1, int(m1), int(d1)), _iso(yy2, int(m2), int(d2))
        if a and b:
            return Quantity(s, mm.end(), mm.group(), "daterange", date=f"{a}/{b}")
    if mm := _at(_DATE_RANGE_1, text, s):
        d1, d2, mo, y = mm.groups()
        yy = int(y) if y else _infer_year(int(mo), ref)
        a, b = _iso(yy, int(mo), int(d1)), _iso(yy, int(mo), int(d2))
        if b and int(d1) > int(d2):  # "30-1/5": 30 April to 1 May, when that is a span of days, not a slip
            m1 = int(mo) - 1 or 12
            y1 = (yy - (m1 == 12)) if yy else 0
            start = _iso(y1 or 2000, m1, int(d1))  # a leap year stands in for an unknown one
            end = _iso(yy or 2000 + (m1 == 12), int(mo), int(d2))
            if start and end and _days(start, end) <= _MONTH_TURN_DAYS:
                a = _iso(y1, m1, int(d1))
        if a and b:
            return Quantity(s, mm.end(), mm.group(), "daterange", date=f"{a}/{b}")
    if mm := _at(_DATE_MY, text, s):
        mo, y = int(mm.group(1)), int(mm.group(2))
        if 1 <= mo <= 12:
            return Quantity(s, mm.end(), mm.group(), "date", date=f"{y:04d}-{mo:02d}")
    if mm := _at(_DATE_DMY, text, s):
        d, mo, y = mm.groups()
        words = _words_before(text, s)
        if _name_before(words) or _proper_noun_before(text, words):
            return Quantity(s, mm.end(), "", "skip")
        yy = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else _infer_year(
            int(mo), ref)
        iso = _iso(yy, int(mo), int(d))
        if iso:
            if _at(_TIMESTAMP_AFTER, text, mm.end()):  # a byline: "20/12/2023 07:51"
                return Quantity(s, _at(_TIMESTAMP_AFTER, text, mm.end()).end(), "", "skip")
            return Quantity(s, mm.end(), mm.group(), "date", date=iso)
        return Quantity(s, mm.end(), "", "skip")
    if mm := _at(_YEAR_RANGE, text, s):
        if _at(_ARITHMETIC_AFTER, text, mm.end()):
            return Quantity(s, mm.end(), "", "skip")  # "2017-1983+1 = 35": a sum, not a range
        if not _unit_after(text, mm.end()):
            y1, y2 = int(mm.group(1)), int(mm.group(2))
            return Quantity(s, mm.end(), mm.group(), "daterange", float(y1), float(y1), float(y2),
                            unit="year", date=f"{y1}/{y2}")
    return None


def _infer_year(month: int, ref: dt.date | None) -> int:
    """Year of a bare day/month: the reference year, or the one before for a month well after it."""
    if ref is None:
        return 0
    return ref.year - 1 if month > ref.month + 2 else ref.year


def _days(start: str, end: str) -> int:
    """Days from one ISO date to another."""
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _iso(y: int, m: int, d: int) -> str:
    """ISO date, ``--MM-DD`` when the year is unknown, or empty when the date does not exist."""
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    if y == 0:
        return f"--{m:02d}-{d:02d}"
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


# -- dates and years in words ------------------------------------------------------------------------------------
# "ngày mười lăm tháng tám năm một chín bốn lăm", "mồng hai tháng chín", "mười chín tháng năm", "tháng tư", "năm hai
# không hai ba". A year in words is read digit by digit ("một chín bốn lăm") or in full ("hai nghìn không trăm hai
# mươi tư"). The lunar months ("tháng giêng", "tháng chạp") give no Gregorian date.
_YEAR_DIGITS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
                "bẩy": 7, "tám": 8, "chín": 9}
_YD = _alt(_YEAR_DIGITS)
_NW = _alt(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ"])
_YEAR_IN_WORDS = (rf"(?:(?P<yd>(?:một|hai)(?:{_SP}{_YD}){{3}}){_R}(?![ \t]+{_YD}{_R})"
                  rf"|(?P<yw>(?:một|hai){_SP}(?:nghìn|ngàn)(?:{_SP}{_NW})*){_R}|(?P<yn>(?:1[89]|20)\d{{2}})(?!\d))")
MONTH_WORDS: dict[str, int] = {
    "mười một": 11, "mười hai": 12, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "giêng": 0, "chạp": 0,  # 0: a lunar month
}
_DAY_WORDS_ALT = _alt(["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín",
                       "mười", "mươi"])
_WORDS_DATE_AT = regex.compile(
    rf"(?:(?P<pre>{_alt_ci(['ngày'])}(?:{_SP}(?:mồng|mùng))?|{_alt_ci(['mồng', 'mùng'])}){_SP})?"
    rf"(?P<d>{_DAY_WORDS_ALT}(?:{_SP}{_DAY_WORDS_ALT})*|\d{{1,2}}){_SP}tháng{_SP}"
    rf"(?P<m>{_alt(MONTH_WORDS)}|\d{{1,2}}){_R}(?:{_SP}năm{_SP}{_YEAR_IN_WORDS})?"
)
_MONTH_AT = regex.compile(rf"{_alt_ci(['tháng'])}{_SP}(?P<m>{_alt(MONTH_WORDS)}){_R}(?:{_SP}năm{_SP}{_YEAR_IN_WORDS})?")
_YEAR_AT = regex.compile(rf"{_alt_ci(['năm'])}{_SP}{_YEAR_IN_WORDS}")
_DIGIT_WORD_AFTER = regex.compile(
    rf"[ \t]+{_alt(['một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'mươi'])}{_R}")
_LUNAR_AFTER = regex.compile(rf"[ \t]+{_alt_ci(lx.LUNAR_AFTER)}{_R}")
_CLAUSE_END = regex.compile(r"[ \t]*(?:[,.;:!?)\n…]|$)")
_NUMBER_WORD_AFTER = regex.compile(rf"[ \t]+(?:{_DAY_WORDS_ALT}|không|nay|ngoái|trước|sau|qua|tới|đó|học){_R}")
# Words before "tháng" that make it a count of months, not a month's name ("mỗi tháng một lần").
# "ngày tháng năm" is "the date" (day, month and year), no month.
_MONTHS_COUNTED_AFTER = frozenset(("mỗi", "hàng", "hằng", "từng", "các", "những", "nửa", "cả", "mấy", "vài", "ngày"))


def _lunar(text: str, s: int, e: int) -> bool:
    """Whether the date at ``s:e`` is a lunar one: "rằm tháng bảy", "mồng năm tháng năm âm lịch"."""
    before = _words_before(text, s, 1)
    return bool(before and before[0][0].lower() in lx.LUNAR_BEFORE) or bool(_at(_LUNAR_AFTER, text, e))


def _year_in_words(g: dict) -> int | None:
    """The year of a match of ``_YEAR_IN_WORDS``, or ``None`` when it is none (or no year was written)."""
    if g.get("yn"):
        return int(g["yn"])
    if g.get("yd"):
        return int("".join(str(_YEAR_DIGITS[w]) for w in g["yd"].split()))
    if g.get("yw"):
        try:
            y = words_to_number(g["yw"].split())
        except ValueError:
            return None
        return int(y) if y == int(y) and 1000 <= y < 3000 else None
    return None


def _number_in_words(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    try:
        v = words_to_number(s.split())
    except ValueError:
        return None
    return int(v) if v == int(v) else None


def words_date_at(text: str, pos: int, ref: dt.date | None) -> Quantity | None:
    """A date, month or year written (partly) in words at ``pos``, a ``skip`` for a lunar or impossible one, or None.

    Args:
        text: The text.
        pos: Where a number word, "ngày", "mồng"/"mùng", "tháng" or "năm" begins.
        ref: The publication date, for the year of a day and month without one.
    """
    if m := _at(_WORDS_DATE_AT, text, pos):
        g = m.groupdict()
        if g["d"].isdigit() and g["m"].isdigit():
            return None  # "ngày 3 tháng 9": the digit pass reads it
        year_written = bool(g["yd"] or g["yw"] or g["yn"])
        if not g["pre"] and not year_written and not _at(_CLAUSE_END, text, m.end()):
            return None  # "sáu tháng năm nay" (six months of this year), "hai tháng tư" (two Aprils?)
        if not year_written and (nw := _at(_DIGIT_WORD_AFTER, text, m.end())):
            return Quantity(m.start(), nw.end(), "", "skip")  # "ngày mười lăm tháng mười ba": no such month
        d, mo = _number_in_words(g["d"]), (int(g["m"]) if g["m"].isdigit() else MONTH_WORDS[g["m"]])
        if mo == 0 or d is None or _lunar(text, m.start(), m.end()):
            return Quantity(m.start(), m.end(), "", "skip")  # "mùng một tháng giêng": a lunar date
        y = _year_in_words(g) if year_written else _infer_year(mo, ref)
        iso = _iso(y or 0, mo, d) if y is not None else ""
        if not iso:
            return Quantity(m.start(), m.end(), "", "skip")  # "ngày mười lăm tháng mười ba"
        return Quantity(m.start(), m.end(), text[m.start():m.end()], "date", date=iso)
    if m := _at(_MONTH_AT, text, pos):
        before = _words_before(text, pos, 1)
        if _lunar(text, m.start(), m.end()):
            return Quantity(m.start(), m.end(), "", "skip")  # "rằm tháng bảy", "tháng ba âm lịch": lunar
        if before and (before[0][0].lower() in _MONTHS_COUNTED_AFTER or before[0][0][-1:].isdigit()
                       or before[0][0].lower() in _YEAR_DIGITS or before[0][0].lower() in ("mười", "mươi")):
            return None  # "mỗi tháng một lần", "hai tháng tư"
        g = m.groupdict()
        mo = MONTH_WORDS[m.group("m")]
        year_written = bool(g["yd"] or g["yw"] or g["yn"])
        if mo == 0:
            return Quantity(m.start(), m.end(), "", "skip")
        if not year_written and (_at(_NUMBER_WORD_AFTER, text, m.end()) or (
                m.group("m") == "năm" and not _at(_CLAUSE_END, text, m.end()))):
            return None  # "tháng năm nay", "tháng một lần"; "tháng năm" (May) only with a year or at a clause end
        y = _year_in_words(g) if year_written else _infer_year(mo, ref)
        if y is None:
            return None
        return Quantity(m.start(), m.end(), text[m.start():m.end()], "date",
                        date=f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}")
    if m := _at(_YEAR_AT, text, pos):
        y = _year_in_words(m.groupdict())
        if y is None or m.group("yn"):
            return None  # "năm 2023": the digit pass reads it
        return Quantity(m.start(), m.end(), text[m.start():m.end()], "year", float(y), float(y), float(y),
                        unit="year", date=str(y))
    return None
