"""Read every quantity in a Vietnamese text: money, counts, percents, ranks, dates, durations.

The reader makes a few passes with compiled patterns (digit runs, word-led dates, number words, ordinal
words, vague quantities), turns each hit into a :class:`~factlint.quantity.Quantity`, and keeps the
longest non-overlapping hits. It expects NFC text with ordinary spaces (``factlint.corpus`` provides it).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex
import yaml

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx
from factlint.vi.syllable import is_syllable, is_vietnamese_word

_L = r"(?<![\p{L}\p{N}])"  # left word boundary
_R = r"(?![\p{L}\p{N}])"  # right word boundary


_WINDOW = 256  # no quantity is longer: every anchored match looks at most this far


def _at(pattern: regex.Pattern, text: str, pos: int) -> regex.Match | None:
    """``pattern.match(text, pos)`` within a bounded window.

    The ``regex`` module may scan the whole rest of the string for a pattern's required literal before it
    matches at ``pos``; on a 50 MB article that is 0.1 s per call. The window keeps each match O(1).
    """
    return pattern.match(text, pos, pos + _WINDOW)


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first, escaped, spaces made flexible."""
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return f"(?:{body})"


def _alt_ci(words: Iterable[str]) -> str:
    """Like :func:`_alt`, matching each word as written, lower-cased, or with a capital first letter.

    Cheaper than the ``IGNORECASE`` flag, which slows every scan over Vietnamese text.
    """
    forms = set()
    for w in words:
        forms |= {w, w.lower(), w[:1].upper() + w[1:]}
    return _alt(forms)


# ---------------------------------------------------------------------------------------------- config


@dataclass(frozen=True)
class HedgeConfig:
    """Tolerances of hedge words and the bounds of vague quantifiers.

    Attributes:
        hedges: hedge word -> (direction, tolerance).
        vague: quantifier ("hàng", "vài") -> (low multiple, high multiple) of the scale word after it.

    """

    hedges: dict[str, tuple[str, float]]
    vague: dict[str, tuple[float, float]]


def load_hedges(path: str | Path | None = None, overrides: dict | None = None) -> HedgeConfig:
    """Load hedge tolerances from YAML (the packaged ``hedges.yaml`` by default).

    Args:
        path: A YAML file with ``hedges:`` and ``vague:`` mappings.
        overrides: A mapping of the same shape whose entries replace the loaded ones.

    Returns:
        The configuration.

    Raises:
        ValueError: An entry lacks ``direction``/``tolerance`` or names an unknown direction.

    """
    if path is None:
        data = yaml.safe_load(resources.files("factlint.vi").joinpath("hedges.yaml").read_text("utf-8"))
    else:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    for key in ("hedges", "vague"):
        data.setdefault(key, {}).update((overrides or {}).get(key, {}))
    hedges = {}
    for word, spec in data["hedges"].items():
        if not isinstance(spec, dict) or spec.get("direction") not in {"below", "above", "around", "at_most",
                                                                      "at_least"}:
            raise ValueError(f"hedge {word!r}: needs direction below|above|around|at_most|at_least")
        tol = spec.get("tolerance")
        if not isinstance(tol, int | float) or not 0 <= tol <= 1:
            raise ValueError(f"hedge {word!r}: tolerance must be a number in [0, 1], got {tol!r}")
        hedges[word.lower()] = (spec["direction"], float(tol))
    vague = {w.lower(): (float(s["low"]), float(s["high"])) for w, s in data["vague"].items()}
    return HedgeConfig(hedges, vague)


# ---------------------------------------------------------------------------------------------- numbers

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\d+\.\d+(?![.\d])|\d+"
_SCALES = _alt(list(lx.SCALE_WORDS))
_NUM_RE = regex.compile(_NUM)
_SCALE_RE = regex.compile(rf"[ \t]*({_SCALES}){_R}", regex.I)
_ABBREV_RE = regex.compile(rf"({_alt(lx.SCALE_ABBREV)}){_R}")
_HALF_RE = regex.compile(rf"[ \t]+{lx.HALF_WORD}{_R}", regex.I)
_MIXED_RE = regex.compile(rf"[ \t]+({_NUM})[ \t]*({_SCALES}){_R}", regex.I)


def parse_digits(s: str) -> tuple[float, float]:
    """Parse a digit token in Vietnamese (or unambiguous English) notation.

    Args:
        s: ``85.000``, ``1.234,5``, ``24,2``, ``3.9``, ``05``.

    Returns:
        The value and half the unit of its last written digit (its rounding).

    """
    if "," in s:
        whole, frac = s.replace(".", "").split(",", 1)
        if "," in frac:
            return parse_digits(_NUM_RE.match(s).group())  # "1,2,3": a list, read the head
        return float(f"{whole}.{frac}"), 0.5 * 10 ** -len(frac)
    if "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            return float(s.replace(".", "")), 0.5
        if len(parts) == 2:
            return float(s), 0.5 * 10 ** -len(parts[1])
        return parse_digits(_NUM_RE.match(s).group())  # "10.65012.035": read the well-formed head
    return float(s), 0.5


def words_to_number(tokens: list[str | float]) -> float:
    """Value of a sequence of number words and digit values, e.g. ``["hai", "mươi", "lăm", "nghìn"]``.

    The largest multiplier splits the sequence: left part x multiplier + right part, recursively, so
    "một nghìn tỷ" is 10^12 and "1 tỷ 200 triệu" is 1.2 x 10^9. "rưỡi" after a multiplier adds half of it.

    Args:
        tokens: Lower-cased words from ``DIGIT_WORDS``/``SCALE_WORDS``/"linh"/"rưỡi", or numbers.

    Returns:
        The number.

    Raises:
        ValueError: A token is not a number word.

    """
    toks = [t for t in tokens if t not in lx.FILLER_WORDS]
    if not toks:
        return 0.0
    best, best_i = 0.0, -1
    for i, t in enumerate(toks):
        if isinstance(t, str) and t in lx.SCALE_WORDS and lx.SCALE_WORDS[t] >= best:
            best, best_i = lx.SCALE_WORDS[t], i
    if best_i < 0:
        total = 0.0
        for t in toks:
            if isinstance(t, float | int):
                total += t
            elif t in lx.DIGIT_WORDS:
                total += lx.DIGIT_WORDS[t]
            elif t == lx.HALF_WORD:
                total += 0.5
            else:
                raise ValueError(f"not a number word: {t!r}")
        return total
    left, right = toks[:best_i], toks[best_i + 1 :]
    lval = words_to_number(left) if left else 1.0
    if right == [lx.HALF_WORD]:
        return lval * best + best / 2
    if best == 10 and right and isinstance(right[0], str) and right[0] in ("tư", "mốt", "lăm", "nhăm"):
        pass  # "hai mươi tư": the unit digit follows as usual
    return lval * best + words_to_number(right)


# ---------------------------------------------------------------------------------------------- units

_UNIT_RE = regex.compile(
    rf"[ \t]*(?:(?P<pct>{_alt_ci(lx.PERCENT)})(?![\p{{L}}\p{{N}}])"
    rf"|(?P<cur>{_alt(lx.CURRENCIES)})(?![\p{{L}}\p{{N}}$])"
    rf"|(?P<phys>{_alt(lx.PHYSICAL)})(?![\p{{L}}\p{{N}}]))"
    rf"|[ \t]+(?:(?P<dur>{_alt_ci(lx.DURATIONS)})|(?P<noun>{_alt_ci(lx.NOUNS)})){_R}"
)
_CLOCK_AFTER_RE = regex.compile(r"(?:[:h]\d{2}|h(?!\p{L})|[ \t]+giờ[ \t]+\d)")
_WORD_AFTER_RE = regex.compile(r"[ \t]+(\p{L}+)")
_GLUED_RE = regex.compile(r"\p{L}+")
_SPACES = regex.compile(r"\s+")

_UNIT_FOLD = {k.lower(): v for k, v in lx.CURRENCIES.items()}
_PERCENT_FOLD = {k.lower(): v for k, v in lx.PERCENT.items()}


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    unit: str
    end: int


def _unit_after(text: str, pos: int) -> _Unit | None:
    """The unit right after ``pos``: currency, percent, physical unit, duration or counted noun."""
    m = _at(_UNIT_RE, text, pos)
    if m is None:
        return None
    kind = m.lastgroup
    word = _SPACES.sub(" ", m.group(kind))
    if kind == "pct":
        return _Unit("percent", _PERCENT_FOLD[word.lower()], m.end())
    if kind == "cur":
        if word == "đ" and text[pos : pos + 1] == " ":
            return None  # a lone "đ" after a space is not a currency
        return _Unit("money", lx.CURRENCIES.get(word) or _UNIT_FOLD[word.lower()], m.end())
    if kind == "phys":
        return _Unit("count", lx.PHYSICAL[word], m.end())
    if kind == "dur":
        return _Unit("duration", lx.DURATIONS[word.lower()], m.end())
    return _Unit("count", lx.NOUNS[word.lower()], m.end())


# ---------------------------------------------------------------------------------------------- patterns

_DIGIT_RUN = regex.compile(r"\d+(?:[.,]\d+)*")
_HEDGES = frozenset(list(load_hedges().hedges) + ["từ"])
_RANGE_SEP = regex.compile(r"[ \t]*(?:[-–—]|đến|tới)[ \t]*(?=\d)", regex.I)
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

# Word-led quantities are found from cheap literal triggers (the stdlib ``re`` scans a literal alternation
# several times faster than a pattern of word alternatives), then parsed with anchored patterns.
_NUMBER_WORD_LIST = ["hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín"]
_TRIGGER = re.compile(r"thứ|Thứ|đầu|mươi|mười|Mười|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|chục|quý|Quý"
                      r"|nhất|nhì|số 1|số một|quán quân|Quán quân|á quân|Á quân")
# A lone digit word counts only before a unit ("ba ngày", "tám người", "năm người"), not in "hai nước".
_UNIT_WORDS = list(lx.CURRENCIES) + list(lx.PERCENT) + list(lx.DURATIONS) + list(lx.PEOPLE)
_LONE_TRIGGER = re.compile(
    r"\b(?:" + "|".join(w for x in _NUMBER_WORD_LIST for w in (x, x.capitalize())) + r") (?="
    + "|".join(re.escape(u) for u in sorted(set(_UNIT_WORDS), key=len, reverse=True)) + r")"
    r"|\b[Nn]ăm (?=" + "|".join(lx.PEOPLE) + r")"
)
_NW_FIRST = _alt_ci(["hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười"])
_NW_DIGIT = _alt(["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín"])
_NW_ANY = _alt(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ", "rưỡi"])
_NW_MULT = _alt(list(lx.SCALE_WORDS) + ["mười", "linh", "lẻ"])
_UNIT_AHEAD = _alt_ci(list(lx.CURRENCIES) + list(lx.PERCENT) + list(lx.DURATIONS) + list(lx.PHYSICAL)
                      + list(lx.PEOPLE))
_SP = r"[ \t]+"
_WORD_NUMBER_AT = regex.compile(
    rf"(?:(?:{_NW_FIRST}|{_alt_ci(['một', 'năm'])})(?:{_SP}{_NW_ANY})*{_SP}{_NW_MULT}(?:{_SP}{_NW_ANY})*"
    rf"|{_alt_ci(['mười'])}{_SP}{_NW_DIGIT}(?:{_SP}{_NW_ANY})*"
    rf"|{_NW_FIRST}(?=[ \t]+{_UNIT_AHEAD}{_R})|{_alt_ci(['năm'])}(?=[ \t]+{_alt(lx.PEOPLE)}{_R})){_R}"
)
_NUMBER_WORDS = frozenset(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ", "rưỡi"])
_VAGUE_AT = regex.compile(
    rf"(?P<vq>{_alt_ci(load_hedges().vague)}){_SP}(?P<vs>chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"
    rf"(?P<vs2>(?:{_SP}(?:nghìn|ngàn|triệu|tỷ|tỉ))*){_R}"
)
_RANK_AT = regex.compile(rf"{_alt_ci(['thứ'])}{_SP}(?P<o>{_alt_ci(lx.ORDINAL_WORDS)}){_R}")
_TOP_AT = regex.compile(rf"{_alt_ci(['hàng', 'đứng', 'dẫn'])}{_SP}đầu{_R}")
_NUMBER_ONE_AT = regex.compile(
    rf"số{_SP}(?:1(?![\p{{L}}\p{{N}}]|[.,/-]\p{{N}}|/)|một{_R}(?![ \t]+{_alt(lx.SCALE_WORDS)}{_R}))")
_TITLE_AT = regex.compile(rf"{_alt_ci(lx.RANK_TITLES)}{_R}")
_RANK_LEADS = frozenset(("đứng", *lx.RANK_ADJECTIVES))
# A party noun among the words before a superlative (not "xuyên quốc gia"); "nước" (also "water") only right after
# the copula: "là nước xuất khẩu gạo lớn nhất", not "nước chanh hủy hoại răng nhiều nhất".
_PARTY = regex.compile(rf"(?<!\S)(?<!xuyên )(?:{_alt(w for w in lx.RANKED_PARTIES if w != 'nước')})(?!\S)")
# After a superlative: "lớn nhất nhì" (one of the two largest), "nhất" in a word ("nhất định"), a record ("cao
# nhất từ trước đến nay", "lớn nhất trong 10 năm"), a bound on a figure ("nhiều nhất 2 sản phẩm", "cao nhất là 5%",
# "nhanh nhất có thể").
_NOT_RANK_AFTER = regex.compile(
    r"[ \t]*,?[ \t]*nhì(?!\p{L})|[ \t]+(?:định|trí|quán|thiết|thời|loạt|mực)(?!\p{L})"
    r"|[ \t]+(?:từ[ \t]+trước[ \t]+(?:đến|tới)[ \t]+nay|(?:trong[ \t]+)?lịch[ \t]+sử|kể[ \t]+từ|từ[ \t]+(?:năm|khi|đầu)"
    r"|trong[ \t]+(?:vòng[ \t]+)?(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|mấy|vài)[ \t]+"
    r"(?:năm|tháng|tuần|ngày|thập|quý)|kỷ[ \t]+lục|(?:nhiều|vài|mấy)[ \t]+năm|có[ \t]+thể)(?!\p{L})"
    rf"|(?:[ \t]*(?:là|:|chỉ|{_alt(_HEDGES)}))*[ \t]*(?:\d|(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười)[ \t])", regex.I)
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
_NAME_PREFIXES = frozenset(lx.NAME_PREFIXES)
_ORDINAL_EVENTS = frozenset(lx.ORDINAL_EVENTS)
_NOT_NAME_BEFORE_SO = frozenset(lx.NOT_NAME_BEFORE_SO)
_WEEKDAY_BEFORE = frozenset(lx.WEEKDAY_CONTEXT_BEFORE)
_NOT_PROPER = frozenset(("ngày", "tháng", "năm", "sáng", "chiều", "tối", "trưa", "đêm", "quý", "thứ", "từ", "đến",
                         "hơn", "gần", "khoảng", "trên", "dưới"))
_OPENERS = "(\"“‘'["


def _words_before(text: str, s: int, k: int = 3) -> list[tuple[str, int]]:
    """Up to ``k`` space-separated words before ``s`` on its line, nearest first, with their offsets.

    Leading opening punctuation is stripped ("(gần" -> "gần"); the walk stops at a line break or at a word
    that ends in punctuation (a clause boundary).
    """
    out: list[tuple[str, int]] = []
    end = s
    for _ in range(k):
        j = end
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == end or j == 0 or text[j - 1] in _CLAUSE_END:
            break
        i = max(text.rfind(" ", 0, j), text.rfind("\n", max(0, j - 64), j), text.rfind("\t", max(0, j - 64), j)) + 1
        while i < j and text[i] in _OPENERS:
            i += 1
        out.append((text[i:j], i))
        end = i
        if i > 0 and text[i - 1] not in " \t":
            break
    return out


_CLAUSE_END = frozenset(".,;:!?)\n\"”")


def _phrase_before(words: list[tuple[str, int]], table: frozenset[str]) -> tuple[str, int]:
    """The longest run of the nearest words (up to 3) that is in ``table``: (phrase, start) or ("", -1)."""
    if not words or words[0][0].lower() not in _last_words(table):
        return "", -1
    for n in range(min(3, len(words)), 0, -1):
        phrase = " ".join(w for w, _ in reversed(words[:n])).lower()
        if phrase in table:
            return phrase, words[n - 1][1]
    return "", -1


_WEEKDAY_AFTER = regex.compile(
    r"(?:[ \t]+(?:và|,|hoặc|hay)[ \t]+thứ[ \t]+\S+)*[ \t]*(?:,[ \t]*)?(?:hàng[ \t]+tuần|tuần|ngày[ \t]+\d|\d{1,2}/\d)",
    regex.I)
_ENUM_AFTER = regex.compile(r"[ \t]*[,:]")
_EXT = regex.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|xlsx?|html?|php|aspx?|mp[34]|avi)$", regex.I)
_PLAIN_BEFORE = frozenset(" \n\t(\"“'‘[")
_PLAIN_AFTER = frozenset(" \n\t,.;:)\"”’%…]!?")
_FUZZY_SCALES = ("nghìn", "ngàn", "triệu", "trăm", "chục")


@functools.cache
def _last_words(table: frozenset[str]) -> frozenset[str]:
    """The last word of every phrase in ``table`` (a cheap first test for :func:`_phrase_before`)."""
    return frozenset(p.split()[-1] for p in table)


def _edit1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are exactly one insertion, deletion or substitution apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;…"


_NON_SPACE = regex.compile(r"\S*")
_LETTERS_END = regex.compile(r"\p{L}+$")
_YEAR_TOKEN = regex.compile(r"(?:1[89]|20)\d{2}")


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    """The whitespace-delimited token around ``pos``."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos), text.rfind("\t", 0, pos)) + 1
    return start, _at(_NON_SPACE, text, pos).end()


# ---------------------------------------------------------------------------------------------- reader


class Reader:
    """A configured reader. ``Reader().read(text, ref_date)`` returns the quantities in ``text``."""

    def __init__(self, config: HedgeConfig | None = None) -> None:
        """Create a reader with hedge tolerances from ``config`` (the packaged defaults if ``None``)."""
        self.config = config or load_hedges()

    # -- interval arithmetic -------------------------------------------------------------------------

    def interval(self, value: float, half: float, hedge: str) -> tuple[float, float, str, bool, bool]:
        """Return ``(low, high, direction, low_open, high_open)`` for a stated figure and its hedge."""
        spec = self.config.hedges.get(hedge.lower()) if hedge else None
        if spec is None:
            return max(value - half, 0.0) if value >= 0 else value - half, value + half, "exact", False, False
        direction, t = spec
        v = value
        if direction == "below":
            return v * (1 - t), v, direction, False, True
        if direction == "above":
            return v, v * (1 + t), direction, True, False
        if direction == "around":
            return v * (1 - t), v * (1 + t), direction, False, False
        if direction == "at_most":
            return v * (1 - t), v, direction, False, False
        return v, v * (1 + t), direction, False, False

    # -- passes --------------------------------------------------------------------------------------

    def read(self, text: str, ref_date: dt.date | None = None) -> list[Quantity]:
        """Find every quantity in ``text``.

        Args:
            text: NFC text with ordinary spaces.
            ref_date: The publication date; the year of a bare day/month ("13/11") comes from it.

        Returns:
            Quantities sorted by position, non-overlapping, malformed tokens included and flagged.

        """
        found = self._words(text, ref_date) + self._digits(text, ref_date)
        found.sort(key=lambda q: (q.start, -(q.end - q.start)))
        out: list[Quantity] = []
        last_end = -1
        for q in found:
            if q.start >= last_end:
                out.append(q)
                last_end = q.end
        return out

    def _hedge_before(self, text: str, start: int, words: list[tuple[str, int]] | None = None) -> tuple[str, int]:
        """The hedge right before ``start`` ("gần", "lên tới") and where it begins, or ("", start)."""
        hedge, at = _phrase_before(_words_before(text, start) if words is None else words, _HEDGES)
        return (hedge, at) if hedge else ("", start)

    def _make_number(self, text: str, start: int, end: int, value: float, half: float, unit: _Unit | None,
                     hedge: str, hstart: int, kind_default: str = "count", malformed: str = "") -> Quantity:
        kind = unit.kind if unit else kind_default
        low, high, direction, lo_open, hi_open = self.interval(value, half, hedge)
        value, low, high = _tidy(value), _tidy(low), _tidy(high)
        if hedge == "từ":
            hedge, direction = "", "exact"
        return Quantity(hstart, end, text[hstart:end], kind, value, low, high, unit.unit if unit else "",
                        hedge, direction, lo_open, hi_open, "", malformed)

    def _words(self, text: str, ref: dt.date | None) -> list[Quantity]:
        """The word-led pass: ordinal ranks, "hàng đầu", quarters, vague and worded numbers."""
        out: list[Quantity] = []
        done = 0
        triggers = list(_TRIGGER.finditer(text))
        if lone := list(_LONE_TRIGGER.finditer(text)):
            triggers = sorted(triggers + lone, key=lambda t: t.start())
        for t in triggers:
            p = t.start()
            w = t.group().rstrip().lower()
            wend = p + len(w)
            if p < done or (p and text[p - 1].isalnum()) or text[wend : wend + 1].isalnum():
                continue
            q: Quantity | None = None
            end = wend
            if w == "thứ":
                if m := _at(_RANK_AT, text, p):
                    q, end = self._rank_word(text, m), m.end()
                    st = _rank_lead(_words_before(text, p, 3))
                    if q is not None and st >= 0:
                        q = Quantity(st, q.end, text[st:q.end], "rank", q.value, q.low, q.high, "rank")
            elif w == "đầu":
                q = _top(text, p)
            elif w in lx.SUPERLATIVES:
                q = _superlative(text, p, w)
            elif w.startswith("số"):
                if m := _at(_NUMBER_ONE_AT, text, p):
                    q, end = _number_one(text, p, m), m.end()
            elif w.endswith("quân"):
                if m := _at(_TITLE_AT, text, p):
                    q, end = _title(text, m), m.end()
            elif w == "quý":
                if m := _at(_WORD_DATE_AT, text, p):
                    q, end = self._word_date(text, m, ref), m.end()
            elif w in lx.SCALE_WORDS and p >= 2 and text[p - 2].isdigit():
                continue  # "50 tỷ": the digit pass reads it
            else:
                start = p
                if w in lx.SCALE_WORDS:  # walk back to the first number word: "một trăm", "hàng nghìn"
                    for word, at in _words_before(text, p, 8):
                        if word.lower() not in _NUMBER_WORDS or text[at - 4 : at - 1].lower() == "thứ":
                            break  # "thứ Bảy hai trăm người": the weekday is no part of the number
                        start = at
                    before = _words_before(text, start, 1)
                    if before and before[0][0][-1:].isdigit():
                        continue
                    if before and (m := _at(_VAGUE_AT, text, before[0][1])):
                        q, end = self._vague(text, m), m.end()
                if q is None and (m := _at(_WORD_NUMBER_AT, text, start)):
                    if text[start - 4 : start - 1].lower() == "thứ":
                        done = m.end()
                        continue  # "thứ bốn tuần trước" (for "thứ Tư"): a weekday, no ordinal word
                    q, end = self._word_number(text, m), m.end()
            if q is not None:
                out.append(q)
                end = max(end, q.end)
            done = max(done, end)
        return out

    def _word_date(self, text: str, m: regex.Match, ref: dt.date | None) -> Quantity | None:
        s, e = m.span()
        g = m.groupdict()
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

    def _digits(self, text: str, ref: dt.date | None) -> list[Quantity]:
        out: list[Quantity] = []
        done = 0
        n = len(text)
        for m in _DIGIT_RUN.finditer(text):
            s, e = m.span()
            if s < done:
                continue
            if not m.group().replace(".", "").replace(",", "").isdecimal():
                done = e  # digits of a script newer than this Python's Unicode tables: no numeral of ours
                continue
            prev = text[s - 1] if s else " "
            nxt = text[e] if e < n else " "
            # -- identifiers: file names, URLs, "G7", "COVID-19", "LOTUSat-1giai"
            if prev not in _PLAIN_BEFORE or nxt not in _PLAIN_AFTER:
                tok_s, tok_e = _token_bounds(text, s)
                token = text[tok_s:tok_e]
                if _EXT.search(token.rstrip(".,;:)\"'”")) or "://" in token or "www." in token or "@" in token:
                    done = tok_e
                    continue
                if prev.isalpha() or (prev in "-_" and s >= 2 and text[s - 2].isalnum()):
                    q = self._glued_before(text, m, tok_s, prev)
                    if q is not None:
                        out.append(q)
                    done = max(e, q.end) if q is not None else e
                    continue
            # -- clock times ("07:51", "20h30", "9 giờ 30") and enumerators at line start ("1. ")
            if (nxt in ":h" or nxt == " " and text[e + 1 : e + 4] == "giờ") and e - s <= 2 and \
                    _at(_CLOCK_AFTER_RE, text, e):
                done = e + 3
                continue
            if (s == 0 or prev == "\n") and text[e : e + 2] in (". ", ") "):
                done = e
                continue
            lead = _words_before(text, s, 1) if prev == " " else []
            if lead and lead[0][0].lower() in _DATE_WORDS:
                if (wm := _at(_WORD_DATE_AT, text, lead[0][1])) and wm.end() > s:
                    q = self._word_date(text, wm, ref)
                    if q is not None:
                        out.append(q)
                        done = wm.end()
                        continue
            if lead and lead[0][0].lower() in _DAY_WORDS and (nxt == "-" or "." in m.group()) and (
                    q := self._day_dot(text, s, ref)):
                out.append(q)  # "chiều 16.5", "tối 7-5": a day and month written with a dot or a dash
                done = q.end
                continue
            if nxt in "/-–" or (nxt == " " and text[e + 1 : e + 2] in "-–") or e - s == 4:
                q = self._dates_at(text, s, ref)
                if q is not None:
                    if q.kind != "skip":
                        out.append(q)
                    done = q.end
                    continue
            q = self._number_at(text, s, m)
            if q is not None:
                done = q.end
                if q.kind != "skip":
                    out.append(q)
            else:
                done = e
        return out

    def _glued_before(self, text: str, m: regex.Match, tok_s: int, prev: str) -> Quantity | None:
        """Digits glued after letters: a name ("G7") or, after a Vietnamese word, a typo ("đoạn2024")."""
        s, e = m.span()
        w0 = max(tok_s, s - 12)
        lead = _LETTERS_END.search(text[w0:s])
        if lead and prev.isalpha() and not lead.group().isascii() and is_vietnamese_word(lead.group()):
            st = w0 + lead.start()
            v = parse_digits(m.group())[0]
            return Quantity(st, e, text[st:e], "count", v, v, v, malformed=f"digits glued to a word: {text[st:e]!r}")
        return self._glued_suffix(text, m, tok_s, "identifier glued to a Vietnamese word")

    def _glued_suffix(self, text: str, m: regex.Match, tok_s: int, reason: str) -> Quantity | None:
        g = _at(_GLUED_RE, text, m.end())
        if not g:
            return None
        suffix = g.group()
        if is_vietnamese_word(suffix) and suffix not in lx.PHYSICAL and suffix not in lx.SCALE_ABBREV:
            s = tok_s
            return Quantity(s, g.end(), text[s:g.end()], "count", *(3 * [parse_digits(m.group())[0]]),
                            malformed=f"{reason}: {text[s:g.end()]!r}")
        return None

    @staticmethod
    def _day_dot(text: str, s: int, ref: dt.date | None) -> Quantity | None:
        """A date after a day word written with dots or dashes ("16.5", "7-5-2017"), if it is a valid one."""
        mm = _at(_DAY_DOT, text, s)
        if not mm or _at(_SCALE_RE, text, mm.end()) or _unit_after(text, mm.end()):
            return None  # "ngày 3.5 triệu", "3-5 tỷ": amounts
        d, mo, y = mm.groups()
        iso = _iso(int(y) if y else _infer_year(int(mo), ref), int(mo), int(d))
        return Quantity(s, mm.end(), mm.group(), "date", date=iso) if iso else None

    def _dates_at(self, text: str, s: int, ref: dt.date | None) -> Quantity | None:
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
            if self._name_before(words) or self._proper_noun_before(text, words):
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

    @staticmethod
    def _proper_noun_before(text: str, words: list[tuple[str, int]]) -> bool:
        """Whether the word before is a name ("COP 26", "iPhone 15", "Nghi Sơn 2"), not a sentence start."""
        if not words:
            return False
        w, at = words[0]
        if any(c.isupper() for c in w[1:]):
            return True
        if not w[:1].isupper() or _sentence_start(text, at):
            return False
        return w.lower() not in _NOT_PROPER

    @staticmethod
    def _name_before(words: list[tuple[str, int]]) -> bool:
        """Whether the words before make the number part of a name ("Quận 1", "tuyến số 1", "Điều 5")."""
        if _phrase_before(words, _NAME_PREFIXES)[0]:
            return True
        return bool(words) and words[0][0].lower() == "số" and (
            len(words) < 2 or words[1][0].lower() not in _NOT_NAME_BEFORE_SO)

    def _scaled(self, text: str, s: int) -> tuple[float, float, int, bool, str] | None:
        """Parse digits with scale words from ``s``: value, rounding, end, has-scale, malformed."""
        nm = _at(_NUM_RE, text, s)
        if not nm:
            return None
        value, half = parse_digits(nm.group())
        end = nm.end()
        has_scale = False
        if am := _at(_ABBREV_RE, text, end):  # "5tr", "500k", "2bn" glued to the digits
            if not (am.group(1) == "k" and text[am.end() : am.end() + 5].strip() == "vàng"):
                mult = lx.SCALE_ABBREV[am.group(1)]
                return value * mult, half * mult, am.end(), True, ""
        mult = 1.0
        while sm := _at(_SCALE_RE, text, end):
            w = sm.group(1).lower()
            if w in ("mươi", "chục") and has_scale:
                break
            mult *= lx.SCALE_WORDS[w]
            end, has_scale = sm.end(), True
        value, half = value * mult, half * mult
        if has_scale:
            if hm := _at(_HALF_RE, text, end):  # "2 triệu rưỡi"
                value += mult / 2
                end = hm.end()
            while mx := _at(_MIXED_RE, text, end):  # "1 tỷ 200 triệu"
                sub = lx.SCALE_WORDS[mx.group(2).lower()]
                if sub >= mult:
                    break
                v2, h2 = parse_digits(mx.group(1))
                value += v2 * sub
                half, mult, end = h2 * sub, sub, mx.end()
        malformed = ""
        if not has_scale and (wm := _at(_WORD_AFTER_RE, text, end)):
            w = wm.group(1).lower()
            known = w in lx.NOT_MISSPELT or w in lx.NOUNS or w in lx.DURATIONS
            # a near miss of a scale word that is no word at all ("nghìnn"), or a word in a scale word's
            # place, before a currency, people or a scale ("12 triêu người", "5 nghìm tỷ"); a real word is
            # left alone ("20 ngành", "19 ngành lĩnh vực", "chụp")
            if w[:2] in ("ng", "tr", "ch") and not known and any(
                (w.startswith(sc) and len(w) == len(sc) + 1) or (_edit1(w, sc) and w[:3] == sc[:3])
                for sc in _FUZZY_SCALES
            ) and (not is_syllable(w) or _at(_SCALE_RE, text, wm.end()) or (
                (u := _unit_after(text, wm.end())) is not None and (u.kind == "money" or u.unit == "person"))):
                malformed = f"misspelt scale word {wm.group(1)!r}"
                end = wm.end()
        return value, half, end, has_scale, malformed

    def _number_at(self, text: str, s: int, m: regex.Match) -> Quantity | None:  # noqa: C901
        first = self._scaled(text, s)
        if first is None:
            return None
        value, half, end, has_scale, malformed = first
        # glued letters that are not a unit: "thứ 2i", "12tuổi"
        glued = _at(_GLUED_RE, text, end) if not malformed and end == m.end() else None
        unit_glued = _unit_after(text, end) if glued else None
        words = _words_before(text, s)
        hedge, hstart = self._hedge_before(text, s, words)
        thu = _thu_start(words)
        if glued and unit_glued is None:
            # a rank takes no letters ("thứ 2i"), and a Vietnamese word wants its space ("12tuổi", "5con");
            # other letters are a unit, a label or a model ("250gr", "240mAh", "Điều 5a", "0912xxx")
            suffix = glued.group()
            reason = f"digits glued to letters: {text[s:glued.end()]!r}"
            if thu >= 0 and suffix not in ("st", "nd", "rd", "th") and not suffix[:1].isupper():
                return Quantity(thu, glued.end(), text[thu:glued.end()], "rank", value, value, value, "rank",
                                malformed=reason)
            if is_vietnamese_word(suffix):
                return Quantity(s, glued.end(), text[s:glued.end()], "count", value, value, value,
                                malformed=reason)
            return Quantity(s, glued.end(), "", "skip")
        # ranges: "3-5 tỷ USD", "từ 3 đến 5 tỷ"
        second = None
        if rm := _at(_RANGE_SEP, text, end):
            sep = rm.group().strip().lower()
            if sep in ("-", "–", "—") or hedge == "từ":
                second = self._scaled(text, rm.end())
        pre = _prefix_currency(text, s)  # "$5", "US$ 5"
        if second is not None:
            v2, h2, end2, has2, _ = second
            if has2 and not has_scale:
                mult = v2 / parse_digits(_at(_NUM_RE, text, rm.end()).group())[0] if v2 else 1.0
                value, half = value * mult, half * mult
            unit = _unit_after(text, end2)
            if pre and unit is None:
                unit = _Unit("money", pre[0], end2)
            st = pre[1] if pre else (hstart if hedge == "từ" else s)
            e = unit.end if unit else end2
            if self._is_name(text, words, unit):
                return Quantity(s, e, "", "skip")
            if value > v2 and hedge != "từ" and unit is None and not (has_scale or has2):
                return Quantity(s, e, "", "skip")  # "thắng 3-0": a score, not a range
            lo, hi = min(value, v2), max(value, v2)
            return Quantity(st, e, text[st:e], unit.kind if unit else "count", (lo + hi) / 2, lo - 0.0, hi,
                            unit.unit if unit else "", "", "range")
        unit = _unit_after(text, end)
        qstart = hstart if hedge else s
        if pre and (unit is None or unit.kind != "money"):
            unit = _Unit("money", pre[0], end)
            hedge, hstart = self._hedge_before(text, pre[1])
            qstart = hstart if hedge else pre[1]
        e = unit.end if unit else end
        if malformed:
            return self._make_number(text, s, end, value, half, None, hedge, hstart if hedge else s,
                                     malformed=malformed)
        # ranks: "thứ 2", "đứng thứ 3"
        if thu >= 0 and not has_scale:
            if self._weekday(text, thu, end) or _event_before(text, thu):
                return Quantity(s, end, "", "skip")
            return Quantity(thu, end, text[thu:end], "rank", value, value, value, "rank")
        if self._is_name(text, words, unit) and not has_scale:
            return Quantity(s, e, "", "skip")
        # years
        if unit is None and not has_scale and not hedge and _YEAR_TOKEN.fullmatch(m.group()):
            if self._proper_noun_before(text, words):
                return Quantity(s, end, "", "skip")  # "UNCLOS 1982", "Expo 2020"
            y = int(m.group())
            return Quantity(s, end, text[s:end], "year", float(y), float(y), float(y), "year", date=str(y))
        if len(m.group().split(",")[0].replace(".", "")) > 16:
            return Quantity(s, end, "", "skip")
        return self._make_number(text, s, e, value, half, unit, hedge, qstart)

    def _is_name(self, text: str, words: list[tuple[str, int]], unit: _Unit | None) -> bool:
        if unit is not None and unit.kind in ("money", "percent"):
            return False
        if self._name_before(words):
            return True
        return unit is None and self._proper_noun_before(text, words)

    def _weekday(self, text: str, thu_start: int, end: int) -> bool:
        if _at(_WEEKDAY_AFTER, text, end):
            return True
        words = _words_before(text, thu_start, 1)
        return bool(words) and words[0][0].lower() in _WEEKDAY_BEFORE

    def _word_number(self, text: str, m: regex.Match) -> Quantity | None:
        s = m.start()
        words = _SPACES.split(m.group().lower())
        if len(words) > 1 and (
            (words[-1] == "năm" and words[-2] not in ("linh", "lẻ"))
            or (words[-1] == "tư" and words[-2] in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ"))
        ):
            words = words[:-1]  # "bảy mươi lăm năm": the last "năm" means "years"
        try:
            value = words_to_number(words)
        except ValueError:
            return None
        e = s + _span_len(m.group(), len(words))
        unit = _unit_after(text, e)
        hedge, hstart = self._hedge_before(text, s)
        return self._make_number(text, s, unit.end if unit else e, value, 0.0, unit, hedge, hstart)

    def _rank_word(self, text: str, m: regex.Match) -> Quantity | None:
        s, e = m.span()
        o = m.group("o")
        if o[:1].isupper() or self._weekday(text, s, e):
            return None  # "thứ Hai": a weekday
        if _at(_ENUM_AFTER, text, e) and _sentence_start(text, s):
            return None  # "Thứ hai, ..." enumerates paragraphs
        if _event_before(text, s):
            return None  # "lần thứ chín"
        v = float(lx.ORDINAL_WORDS[o.lower()])
        return Quantity(s, e, m.group(), "rank", v, v, v, "rank")

    def _vague(self, text: str, m: regex.Match) -> Quantity:
        lo_k, hi_k = self.config.vague[m.group("vq").lower()]
        mult = lx.SCALE_WORDS[m.group("vs").lower()]
        for w in m.group("vs2").split():
            mult *= lx.SCALE_WORDS[w.lower()]
        unit = _unit_after(text, m.end())
        e = unit.end if unit else m.end()
        lo, hi = lo_k * mult, hi_k * mult
        return Quantity(m.start(), e, text[m.start():e], unit.kind if unit else "count", lo, lo, hi,
                        unit.unit if unit else "", m.group("vq").lower(), "vague", False, True)


def _thu_start(words: list[tuple[str, int]]) -> int:
    """Offset of "thứ" (or "đứng thứ", "lớn thứ") right before a number, or -1."""
    if not words or words[0][0].lower() != "thứ":
        return -1
    st = _rank_lead(words[1:])
    return st if st >= 0 else words[0][1]


def _rank_lead(words: list[tuple[str, int]]) -> int:
    """Offset of "đứng" or a size adjective ("lớn", "đông dân") among ``words`` before "thứ", or -1."""
    if len(words) > 1 and f"{words[1][0]} {words[0][0]}".lower() in _RANK_LEADS:
        return words[1][1]
    if words and words[0][0].lower() in _RANK_LEADS:
        return words[0][1]
    return -1


def _np_before(text: str, s: int, k: int = 8) -> list[str]:
    """Up to ``k`` words of the clause before ``s``, nearest first, stopping at a dash, the copula "là" or "đạt".

    The copula itself is kept as the last word: a superlative's noun phrase follows it.
    """
    out = []
    for w, _ in _words_before(text, s, k):
        if w in ("-", "–", "—"):
            break  # an apposition: "Sơn Đoòng - hang động lớn nhất"
        out.append(w)
        if w.lower() in ("là", "đạt"):
            break
    return out


def _one_of_several(words: list[str]) -> bool:
    """Whether the words before a rank-1 phrase make it one of several ("một trong những", "các", "top 10")."""
    for i, w in enumerate(words):
        low = w.lower()
        if low in _SEVERAL_WORDS or w in _SEVERAL_NUMBERS:
            return True
        if w.isdecimal() and int(w) >= 2 and not _YEAR_TOKEN.fullmatch(w) and (
                i + 1 == len(words) or words[i + 1].lower() not in _DATE_WORDS) and (
                i == 0 or words[i - 1].lower() not in _NOT_COUNTED):
            return True  # "5 thị trường", not "năm 2017", "40 năm qua", "18 tuổi"
    phrase = f" {' '.join(reversed(words)).lower()} "
    return any(f" {p} " in phrase for p in lx.SEVERAL_PHRASES)


_NOT_COUNTED = frozenset((*lx.DURATIONS, "tuổi", "%"))
_SEVERAL_WORDS = frozenset(lx.SEVERAL_WORDS)
_SEVERAL_NUMBERS = frozenset(lx.SEVERAL_NUMBERS)
_RANK = ("rank", 1.0, 1.0, 1.0, "rank")


def _top(text: str, p: int) -> Quantity | None:
    """Rank 1 for "hàng đầu", "đứng đầu", "dẫn đầu" ending with "đầu" at ``p``, unless a head, a leader or several.

    "người đứng đầu" and "đứng đầu Bộ Tài chính" name the head of a body; "dẫn đầu đoàn", "do ông A dẫn đầu",
    "dẫn đầu bởi Mỹ" and "sự dẫn đầu" lead a group; "các doanh nghiệp hàng đầu" are several.
    """
    words = _words_before(text, p, 1)
    if not words or not (m := _at(_TOP_AT, text, words[0][1])) or m.end() != p + 3:
        return None
    lead, st = words[0][0].lower(), words[0][1]
    before = _np_before(text, st, 12)
    first = before[0].lower() if before else ""
    after = f"{_words_after(text, m.end(), 2)} "
    if lead != "hàng" and (first == "người" or any(after.startswith(f"{b} ") for b in _HEADED)):
        return None
    if lead == "dẫn" and (first == "sự" or "do" in before or any(after.startswith(f"{g} ") for g in _LED)):
        return None
    if _one_of_several(before[:8]):
        return None
    return Quantity(st, m.end(), m.group(), *_RANK)


_HEADED = frozenset(lx.HEADED_BODIES)
_LED = frozenset((*lx.LED_GROUPS, "bởi"))


def _words_after(text: str, e: int, k: int) -> str:
    """Up to ``k`` words after ``e`` in the clause, lower-cased and joined by one space."""
    m = _at(_WORDS_AFTER, text, e)
    return " ".join(m.group().lower().split()[:k]) if m else ""


_WORDS_AFTER = regex.compile(r"(?:[ \t]+[\p{L}\p{N}]+){1,3}")


def _superlative(text: str, p: int, w: str) -> Quantity | None:
    """Rank 1 (2) for "lớn nhất" ("đông dân nhì") at ``p`` after a party noun, and for "đứng nhất" ("đứng nhì").

    After any other noun a superlative is a record or a judgement ("cơn bão lớn nhất", "mức cao nhất").
    """
    words = _words_before(text, p, 2)
    st = _rank_lead(words)
    if st < 0:
        return None
    e = p + len(w)
    if _at(_NOT_RANK_AFTER, text, e):
        return None
    before = _np_before(text, st, 9)
    head = " ".join(reversed(before)).lower()
    if text[st:p].lower().strip() != "đứng" and not _PARTY.search(head) and not head.startswith("là nước "):
        return None  # "đứng nhất" ranks by itself; "lớn nhất" only after a party noun
    if _one_of_several(before):
        return None
    v = float(lx.SUPERLATIVES[w])
    return Quantity(st, e, text[st:e], "rank", v, v, v, "rank")


def _number_one(text: str, p: int, m: regex.Match) -> Quantity | None:
    """Rank 1 for "số 1"/"số một" at ``p`` after a party noun ("đối tác số 1") or a ranking verb ("đứng số 1").

    Not after any other word ("tuyến số 1", "Nhà máy số 1"), nor an address ("là số 1 Tràng Tiền").
    """
    before = _np_before(text, p)
    if not before:
        return None
    two = f"{before[1]} {before[0]}".lower() if len(before) > 1 else ""
    if before[0].lower() in _RANK_VERBS or two in _RANK_VERBS:
        nxt = _at(_WORD_AFTER_RE, text, m.end())
        if nxt and nxt.group(1)[:1].isupper():
            return None
    elif not _PARTY.search(" ".join(reversed(before[:4])).lower()) or any(w.istitle() for w in before[:3]):
        return None  # not "Tổng công ty Xây dựng số 1"
    if _one_of_several(before):
        return None
    return Quantity(p, m.end(), m.group(), *_RANK)


_RANK_VERBS = frozenset(lx.RANK_VERBS)


def _title(text: str, m: regex.Match) -> Quantity | None:
    """Rank 1 for "quán quân", 2 for "á quân", unless one of several ("các quán quân")."""
    if _one_of_several(_np_before(text, m.start())):
        return None
    v = float(lx.RANK_TITLES[_SPACES.sub(" ", m.group()).lower()])
    return Quantity(m.start(), m.end(), m.group(), "rank", v, v, v, "rank")


def _event_before(text: str, thu: int) -> bool:
    """Whether "thứ" at ``thu`` numbers an event ("lần thứ 9", "khóa thứ 15") rather than a rank."""
    return bool(_phrase_before(_words_before(text, thu, 2), _ORDINAL_EVENTS)[0])


def _prefix_currency(text: str, s: int) -> tuple[str, int] | None:
    """A currency sign or code written before the digits ("$5", "US$ 5", "USD 5"): (ISO code, start)."""
    j = s - 1 if s and text[s - 1] == " " else s
    for sign, code in _PREFIX_CURRENCY_ITEMS:
        i = j - len(sign)
        if i >= 0 and text.startswith(sign, i) and (i == 0 or text[i - 1] in " \t\n(\"“"):
            if sign == "USD" and j == s:
                continue  # "USD5" is not a way of writing amounts
            return code, i
    return None


_PREFIX_CURRENCY_ITEMS = sorted(lx.PREFIX_CURRENCIES.items(), key=lambda kv: -len(kv[0]))


def _tidy(x: float) -> float:
    """Drop binary noise: 440000.00000000006 -> 440000.0 (15 significant digits)."""
    return float(f"{x:.15g}")


def _span_len(surface: str, n_words: int) -> int:
    """Length of the first ``n_words`` words of ``surface``, with the spaces between them."""
    parts = list(regex.finditer(r"\S+", surface))
    return parts[n_words - 1].end()


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


@functools.cache
def default_reader() -> Reader:
    """The reader with the packaged configuration, built once."""
    return Reader()


def read_quantities(text: str, ref_date: dt.date | None = None, reader: Reader | None = None) -> list[Quantity]:
    """Find every quantity in ``text`` (see :meth:`Reader.read`)."""
    return (reader or default_reader()).read(text, ref_date)


__all__ = ["HedgeConfig", "Reader", "load_hedges", "parse_digits", "read_quantities", "words_to_number"]
