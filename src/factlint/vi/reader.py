"""Read every quantity in a Vietnamese text: money, counts, percents, ranks, dates, durations.

The reader makes a few passes with compiled patterns (digit runs, word-led dates, number words, ordinal
words, vague quantities), turns each hit into a :class:`~factlint.quantity.Quantity`, and keeps the
longest non-overlapping hits. It expects NFC text with ordinary spaces (``factlint.corpus`` provides it).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex
import yaml

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx

_L = r"(?<![\p{L}\p{N}])"  # left word boundary
_R = r"(?![\p{L}\p{N}])"  # right word boundary


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first, escaped, spaces made flexible."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


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
        return float(f"{whole}.{frac}"), 0.5 * 10 ** -len(frac)
    if "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            return float(s.replace(".", "")), 0.5
        return float(s), 0.5 * 10 ** -len(parts[1])
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

_CURRENCY_RE = regex.compile(rf"[ \t]*({_alt(lx.CURRENCIES)})(?![\p{{L}}\p{{N}}$])")
_PREFIX_CURRENCY_RE = regex.compile(rf"(?:^|(?<=[\s(]))({_alt(lx.PREFIX_CURRENCIES)})[ \t]?$")
_PERCENT_RE = regex.compile(rf"[ \t]*({_alt(lx.PERCENT)})(?![\p{{L}}\p{{N}}])", regex.I)
_PHYSICAL_RE = regex.compile(rf"[ \t]*({_alt(lx.PHYSICAL)})(?![\p{{L}}\p{{N}}])")
_DURATION_RE = regex.compile(rf"[ \t]+({_alt(lx.DURATIONS)}){_R}", regex.I)
_NOUN_RE = regex.compile(rf"[ \t]+({_alt(lx.NOUNS)}){_R}", regex.I)
_CLOCK_AFTER_RE = regex.compile(r"(?:[:h]\d{2}|h(?!\p{L})|[ \t]+giờ[ \t]+\d)")
_WORD_AFTER_RE = regex.compile(r"[ \t]+(\p{L}+)")
_GLUED_RE = regex.compile(r"\p{L}+")

_UNIT_FOLD = {k.lower(): v for k, v in lx.CURRENCIES.items()}


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    unit: str
    end: int


def _unit_after(text: str, pos: int) -> _Unit | None:
    """The unit right after ``pos``: currency, percent, physical unit, duration or counted noun."""
    if m := _PERCENT_RE.match(text, pos):
        return _Unit("percent", lx.PERCENT.get(m.group(1).lower(), "%"), m.end())
    if m := _CURRENCY_RE.match(text, pos):
        word = regex.sub(r"\s+", " ", m.group(1))
        code = lx.CURRENCIES.get(word) or _UNIT_FOLD.get(word.lower(), "")
        if word == "đ" and pos < len(text) and text[pos] == " ":
            return None  # a lone "đ" after a space is not a currency
        return _Unit("money", code, m.end())
    if m := _PHYSICAL_RE.match(text, pos):
        return _Unit("count", lx.PHYSICAL[regex.sub(r"\s+", " ", m.group(1))], m.end())
    if m := _DURATION_RE.match(text, pos):
        return _Unit("duration", lx.DURATIONS[regex.sub(r"\s+", " ", m.group(1)).lower()], m.end())
    if m := _NOUN_RE.match(text, pos):
        return _Unit("count", lx.NOUNS[regex.sub(r"\s+", " ", m.group(1)).lower()], m.end())
    return None


# ---------------------------------------------------------------------------------------------- patterns

_DIGIT_RUN = regex.compile(r"\d+(?:[.,]\d+)*")
_HEDGE_WORDS = list(load_hedges().hedges) + ["từ"]
_HEDGE_TAIL = regex.compile(rf"{_L}({_alt(_HEDGE_WORDS)})[ \t]+$", regex.I)
_RANGE_SEP = regex.compile(r"[ \t]*(?:[-–—]|đến|tới)[ \t]*(?=\d)", regex.I)
_DATE_RANGE_1 = regex.compile(r"(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_DATE_RANGE_2 = regex.compile(
    r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?[ \t]*[-–][ \t]*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_DATE_DMY = regex.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_DATE_MY = regex.compile(r"(\d{1,2})/(\d{4})(?![\d/])")
_ISO_DATE = regex.compile(r"((?:1[89]|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\d-])")
_YEAR_RANGE = regex.compile(r"((?:1[89]|20)\d{2})[ \t]*[-–][ \t]*((?:1[89]|20)\d{2})(?!\d)")
_TIMESTAMP_AFTER = regex.compile(r"[ \t,]+\d{1,2}:\d{2}")
_WORD_DATE = regex.compile(
    rf"{_L}(?:"
    r"(?P<ng>ngày)[ \t]+(?P<d>\d{1,2})[ \t]+tháng[ \t]+(?P<m>\d{1,2})(?:[ \t]+năm[ \t]+(?P<y>\d{4}))?"
    r"|(?P<th>tháng)[ \t]+(?P<mm>\d{1,2})(?:[ \t]*/[ \t]*(?P<my>\d{4})|[ \t]+năm[ \t]+(?P<my2>\d{4}))?"
    r"|(?P<q>quý)[ \t]+(?P<qn>IV|I{1,3}|[1-4])(?:[ \t]*/[ \t]*(?P<qy>\d{4})|[ \t]+năm[ \t]+(?P<qy2>\d{4}))?"
    r"|(?P<nm>năm)[ \t]+(?P<yr>(?:1[89]|20)\d{2})(?:[ \t]*[-–][ \t]*(?P<yr2>(?:1[89]|20)\d{2}))?"
    rf"){_R}",
    regex.I,
)
_NW_FIRST = "hai|ba|bốn|sáu|bảy|bẩy|tám|chín|mười"
_NW_DIGIT = "một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín"
_NW_ANY = _alt(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ", "rưỡi"])
_UNIT_AHEAD = _alt(list(lx.CURRENCIES) + list(lx.PERCENT) + list(lx.DURATIONS) + list(lx.PHYSICAL) + list(lx.PEOPLE))
_WORD_NUMBER = regex.compile(
    rf"{_L}(?:(?:{_NW_FIRST}|một|năm)(?:[ \t]+(?:{_NW_ANY}))*[ \t]+(?:{_SCALES}|mươi|mười|trăm|linh|lẻ)"
    rf"(?:[ \t]+(?:{_NW_ANY}))*|mười[ \t]+(?:{_NW_DIGIT})(?:[ \t]+(?:{_NW_ANY}))*"
    rf"|(?:{_NW_FIRST})(?=[ \t]+(?:{_UNIT_AHEAD}){_R})){_R}",
    regex.I,
)
_RANK_WORD = regex.compile(
    rf"{_L}(?:(?:đứng[ \t]+)?thứ[ \t]+(?P<o>{_alt(lx.ORDINAL_WORDS)})|(?P<top>hàng[ \t]+đầu|đứng[ \t]+đầu)){_R}",
    regex.I,
)
_VAGUE = regex.compile(
    rf"{_L}(?P<q>{_alt(load_hedges().vague)})[ \t]+(?P<s>chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"
    rf"(?P<s2>(?:[ \t]+(?:nghìn|ngàn|triệu|tỷ|tỉ))*){_R}",
    regex.I,
)
_NAME_PREFIX = regex.compile(
    rf"{_L}(?:{_alt(lx.NAME_PREFIXES)}|(?<!(?:{_alt(lx.NOT_NAME_BEFORE_SO)})[ \t])số)[ \t]+$", regex.I)
_THU_BEFORE = regex.compile(r"(?:(?P<dung>đứng)[ \t]+)?(?P<thu>thứ)[ \t]+$", regex.I)
_ORDINAL_EVENT = regex.compile(rf"{_L}(?:{_alt(lx.ORDINAL_EVENTS)})[ \t]+$", regex.I)
_PREV_WORD = regex.compile(r"(\S+)[ \t]+$")
_WEEKDAY_AFTER = regex.compile(
    r"(?:[ \t]+(?:và|,|hoặc|hay)[ \t]+thứ[ \t]+\S+)*[ \t]*(?:,[ \t]*)?(?:hàng[ \t]+tuần|tuần|ngày[ \t]+\d|\d{1,2}/\d)",
    regex.I)
_ENUM_AFTER = regex.compile(r"[ \t]*[,:]")
_EXT = regex.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|xlsx?|html?|php|aspx?|mp[34]|avi)$", regex.I)
_FUZZY_SCALES = ("nghìn", "ngàn", "triệu", "trăm", "chục")


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


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos
    n = len(text)
    while e < n and not text[e].isspace():
        e += 1
    return s, e


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
        found: list[Quantity] = []
        found += self._word_dates(text, ref_date)
        found += self._digits(text, ref_date)
        found += self._word_numbers(text)
        found += self._rank_words(text)
        found += self._vague(text)
        found.sort(key=lambda q: (q.start, -(q.end - q.start)))
        out: list[Quantity] = []
        last_end = -1
        for q in found:
            if q.start >= last_end:
                out.append(q)
                last_end = q.end
        return out

    def _hedge_before(self, text: str, start: int) -> tuple[str, int]:
        m = _HEDGE_TAIL.search(text, max(0, start - 20), start)
        if m:
            return m.group(1).lower(), m.start()
        return "", start

    def _make_number(self, text: str, start: int, end: int, value: float, half: float, unit: _Unit | None,
                     hedge: str, hstart: int, kind_default: str = "count", malformed: str = "") -> Quantity:
        kind = unit.kind if unit else kind_default
        low, high, direction, lo_open, hi_open = self.interval(value, half, hedge)
        value, low, high = _tidy(value), _tidy(low), _tidy(high)
        if hedge == "từ":
            hedge, direction = "", "exact"
        return Quantity(hstart, end, text[hstart:end], kind, value, low, high, unit.unit if unit else "",
                        hedge, direction, lo_open, hi_open, "", malformed)

    def _word_dates(self, text: str, ref: dt.date | None) -> list[Quantity]:
        out = []
        for m in _WORD_DATE.finditer(text):
            s, e = m.span()
            g = m.groupdict()
            if g["ng"]:
                d, mo = int(g["d"]), int(g["m"])
                y = int(g["y"]) if g["y"] else _infer_year(mo, ref)
                if iso := _iso(y, mo, d):
                    out.append(Quantity(s, e, text[s:e], "date", date=iso))
            elif g["th"]:
                mo = int(g["mm"])
                if not 1 <= mo <= 12:
                    continue
                y = g["my"] or g["my2"]
                if y is None and _DURATION_RE.match(text, s + 0) is None and regex.match(r"\d", text[e:e + 1]):
                    continue
                yy = int(y) if y else _infer_year(mo, ref)
                out.append(Quantity(s, e, text[s:e], "date", date=f"{yy:04d}-{mo:02d}" if yy else f"--{mo:02d}"))
            elif g["q"]:
                qn = lx.ROMAN.get(g["qn"].upper()) or int(g["qn"])
                y = g["qy"] or g["qy2"]
                yy = int(y) if y else (ref.year if ref else 0)
                out.append(Quantity(s, e, text[s:e], "date", date=f"{yy:04d}-Q{qn}" if yy else f"Q{qn}"))
            else:
                y1 = int(g["yr"])
                if g["yr2"]:
                    y2 = int(g["yr2"])
                    out.append(Quantity(s, e, text[s:e], "daterange", float(y1), float(y1), float(y2),
                                        unit="year", date=f"{y1}/{y2}"))
                else:
                    out.append(Quantity(s, e, text[s:e], "year", float(y1), float(y1), float(y1),
                                        unit="year", date=str(y1)))
        return out

    def _digits(self, text: str, ref: dt.date | None) -> list[Quantity]:  # noqa: C901 - one grammar
        out: list[Quantity] = []
        done = 0
        for m in _DIGIT_RUN.finditer(text):
            s = m.start()
            if s < done:
                continue
            prev = text[s - 1] if s else " "
            # -- identifiers glued to letters or hyphenated ("G7", "COVID-19", "LOTUSat-1giai", file names)
            tok_s, tok_e = _token_bounds(text, s)
            token = text[tok_s:tok_e]
            if _EXT.search(token.rstrip(".,;:)\"'”")) or "://" in token or "www." in token or "@" in token:
                done = tok_e
                continue
            glued_before = prev.isalpha() or (prev in "-_" and s >= 2 and text[s - 2].isalnum())
            if glued_before:
                lead = regex.search(r"\p{L}+$", text[max(tok_s, s - 12):s])
                if lead and lead.group().islower() and not lead.group().isascii() and prev.isalpha():
                    e = m.end()
                    out.append(Quantity(lead.start() + max(tok_s, s - 12), e,
                                        text[lead.start() + max(tok_s, s - 12):e], "count",
                                        *(3 * [parse_digits(m.group())[0]]),
                                        malformed=f"digits glued to a word: {text[max(tok_s, s - 12) + lead.start():e]!r}"))
                    done = e
                    continue
                q = self._glued_suffix(text, m, tok_s, "identifier glued to a Vietnamese word")
                if q:
                    out.append(q)
                done = m.end()
                continue
            # -- clock times and bylines
            if _CLOCK_AFTER_RE.match(text, m.end()) and len(m.group()) <= 2:
                done = m.end() + 3
                continue
            # -- enumerators at line start: "1. ", "2) "
            if (s == 0 or text[s - 1] == "\n") and text[m.end():m.end() + 2] in (". ", ") "):
                done = m.end()
                continue
            q = self._dates_at(text, s, ref)
            if q is not None:
                if q.kind == "skip":
                    done = q.end
                    continue
                out.append(q)
                done = q.end
                continue
            q = self._number_at(text, s, m)
            if q is not None:
                done = q.end
                if q.kind != "skip":
                    out.append(q)
            else:
                done = m.end()
        return out

    def _glued_suffix(self, text: str, m: regex.Match, tok_s: int, reason: str) -> Quantity | None:
        g = _GLUED_RE.match(text, m.end())
        if not g:
            return None
        suffix = g.group()
        if suffix.islower() and len(suffix) >= 3 and suffix not in lx.PHYSICAL and suffix not in lx.SCALE_ABBREV:
            s = tok_s
            return Quantity(s, g.end(), text[s:g.end()], "count", *(3 * [parse_digits(m.group())[0]]),
                            malformed=f"{reason}: {text[s:g.end()]!r}")
        return None

    def _dates_at(self, text: str, s: int, ref: dt.date | None) -> Quantity | None:
        if mm := _ISO_DATE.match(text, s):
            y, mo, d = mm.groups()
            iso = _iso(int(y), int(mo), int(d)) if d else f"{y}-{mo}"
            if iso:
                return Quantity(s, mm.end(), mm.group(), "date", date=iso)
        if mm := _DATE_RANGE_2.match(text, s):
            d1, m1, y1, d2, m2, y2 = mm.groups()
            yy2 = int(y2) if y2 else (int(y1) if y1 else _infer_year(int(m2), ref))
            yy1 = int(y1) if y1 else yy2
            a, b = _iso(yy1, int(m1), int(d1)), _iso(yy2, int(m2), int(d2))
            if a and b:
                return Quantity(s, mm.end(), mm.group(), "daterange", date=f"{a}/{b}")
        if mm := _DATE_RANGE_1.match(text, s):
            d1, d2, mo, y = mm.groups()
            yy = int(y) if y else _infer_year(int(mo), ref)
            a, b = _iso(yy, int(mo), int(d1)), _iso(yy, int(mo), int(d2))
            if a and b:
                return Quantity(s, mm.end(), mm.group(), "daterange", date=f"{a}/{b}")
        if mm := _DATE_MY.match(text, s):
            mo, y = int(mm.group(1)), int(mm.group(2))
            if 1 <= mo <= 12:
                return Quantity(s, mm.end(), mm.group(), "date", date=f"{y:04d}-{mo:02d}")
        if mm := _DATE_DMY.match(text, s):
            d, mo, y = mm.groups()
            if _NAME_PREFIX.search(text, max(0, s - 24), s) or self._proper_noun_before(text, s):
                return Quantity(s, mm.end(), "", "skip")
            yy = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else _infer_year(
                int(mo), ref)
            iso = _iso(yy, int(mo), int(d))
            if iso:
                if _TIMESTAMP_AFTER.match(text, mm.end()):  # a byline: "20/12/2023 07:51"
                    return Quantity(s, _TIMESTAMP_AFTER.match(text, mm.end()).end(), "", "skip")
                return Quantity(s, mm.end(), mm.group(), "date", date=iso)
            return Quantity(s, mm.end(), "", "skip")
        if mm := _YEAR_RANGE.match(text, s):
            if not _unit_after(text, mm.end()):
                y1, y2 = int(mm.group(1)), int(mm.group(2))
                return Quantity(s, mm.end(), mm.group(), "daterange", float(y1), float(y1), float(y2),
                                unit="year", date=f"{y1}/{y2}")
        return None

    def _proper_noun_before(self, text: str, s: int) -> bool:
        pm = _PREV_WORD.search(text, max(0, s - 30), s)
        if not pm:
            return False
        w = pm.group(1)
        if any(c.isupper() for c in w[1:]):
            return True  # "UNCLOS 1982", "iPhone 15", "COP 26"
        if not w[:1].isupper() or _sentence_start(text, pm.start(1)):
            return False
        return w.lower() not in ("ngày", "tháng", "năm", "sáng", "chiều", "tối", "trưa", "đêm", "quý", "thứ",
                                 "từ", "đến", "hơn", "gần", "khoảng", "trên", "dưới")

    def _scaled(self, text: str, s: int) -> tuple[float, float, int, bool, str] | None:
        """Parse digits with scale words from ``s``: value, rounding, end, has-scale, malformed."""
        nm = _NUM_RE.match(text, s)
        if not nm:
            return None
        value, half = parse_digits(nm.group())
        end = nm.end()
        has_scale = False
        if am := _ABBREV_RE.match(text, end):  # "5tr", "500k", "2bn" glued to the digits
            if not (am.group(1) == "k" and regex.match(r"[ \t]+vàng", text[am.end():am.end() + 6])):
                mult = lx.SCALE_ABBREV[am.group(1)]
                return value * mult, half * mult, am.end(), True, ""
        mult = 1.0
        while sm := _SCALE_RE.match(text, end):
            w = sm.group(1).lower()
            if w in ("mươi", "chục") and has_scale:
                break
            mult *= lx.SCALE_WORDS[w]
            end, has_scale = sm.end(), True
        value, half = value * mult, half * mult
        if has_scale:
            if hm := _HALF_RE.match(text, end):  # "2 triệu rưỡi"
                value += mult / 2
                end = hm.end()
            while mx := _MIXED_RE.match(text, end):  # "1 tỷ 200 triệu"
                sub = lx.SCALE_WORDS[mx.group(2).lower()]
                if sub >= mult:
                    break
                v2, h2 = parse_digits(mx.group(1))
                value += v2 * sub
                half, mult, end = h2 * sub, sub, mx.end()
        malformed = ""
        if not has_scale and (wm := _WORD_AFTER_RE.match(text, end)):
            w = wm.group(1).lower()
            if w not in lx.NOT_MISSPELT and w not in lx.NOUNS and w not in lx.DURATIONS and any(
                (w.startswith(sc) and len(w) == len(sc) + 1) or (_edit1(w, sc) and w[:3] == sc[:3])
                for sc in _FUZZY_SCALES
            ):
                malformed = f"misspelt scale word {wm.group(1)!r}"
                end = wm.end()
        return value, half, end, has_scale, malformed

    def _number_at(self, text: str, s: int, m: regex.Match) -> Quantity | None:  # noqa: C901
        first = self._scaled(text, s)
        if first is None:
            return None
        value, half, end, has_scale, malformed = first
        # glued letters that are not a unit: "thứ 2i", "12tuổi"
        glued = _GLUED_RE.match(text, end) if not malformed and end == m.end() else None
        unit_glued = _unit_after(text, end) if glued else None
        hedge, hstart = self._hedge_before(text, s)
        thu = _THU_BEFORE.search(text, max(0, s - 12), s)
        if glued and unit_glued is None:
            suffix = glued.group()
            if suffix in ("h", "g", "p") or suffix[:1].isupper() or suffix in ("st", "nd", "rd", "th", "x"):
                return Quantity(s, glued.end(), "", "skip")
            if thu or len(suffix) >= 2 or suffix.islower():
                reason = f"digits glued to letters: {text[s:glued.end()]!r}"
                if thu:
                    st = thu.start()
                    return Quantity(st, glued.end(), text[st:glued.end()], "rank", value, value, value, "rank",
                                    malformed=reason)
                return Quantity(s, glued.end(), text[s:glued.end()], "count", value, value, value,
                                malformed=reason)
        # ranges: "3-5 tỷ USD", "từ 3 đến 5 tỷ"
        second = None
        if rm := _RANGE_SEP.match(text, end):
            sep = rm.group().strip().lower()
            if sep in ("-", "–", "—") or hedge == "từ":
                second = self._scaled(text, rm.end())
        # prefix currency "$5", "US$ 5"
        pre = _PREFIX_CURRENCY_RE.search(text, max(0, s - 4), s)
        if second is not None:
            v2, h2, end2, has2, _ = second
            if has2 and not has_scale:
                mult = v2 / parse_digits(_NUM_RE.match(text, rm.end()).group())[0] if v2 else 1.0
                value, half = value * mult, half * mult
            unit = _unit_after(text, end2)
            if pre and unit is None:
                unit = _Unit("money", lx.PREFIX_CURRENCIES[pre.group(1)], end2)
            st = pre.start() if pre else (hstart if hedge == "từ" else s)
            e = unit.end if unit else end2
            if self._is_name(text, s, unit):
                return Quantity(s, e, "", "skip")
            lo, hi = min(value, v2), max(value, v2)
            return Quantity(st, e, text[st:e], unit.kind if unit else "count", (lo + hi) / 2, lo - 0.0, hi,
                            unit.unit if unit else "", "", "range")
        unit = _unit_after(text, end)
        qstart = hstart if hedge else s
        if pre and (unit is None or unit.kind != "money"):
            unit = _Unit("money", lx.PREFIX_CURRENCIES[pre.group(1)], end)
            hedge, hstart = self._hedge_before(text, pre.start())
            qstart = hstart if hedge else pre.start()
        e = unit.end if unit else end
        if malformed:
            return self._make_number(text, s, end, value, half, None, hedge, hstart if hedge else s,
                                     malformed=malformed)
        # ranks: "thứ 2", "đứng thứ 3"
        if thu and not has_scale:
            st = thu.start()
            if self._weekday(text, st, end) or _ORDINAL_EVENT.search(text, max(0, st - 16), st):
                return Quantity(s, end, "", "skip")
            return Quantity(st, end, text[st:end], "rank", value, value, value, "rank")
        if self._is_name(text, s, unit) and not has_scale:
            return Quantity(s, e, "", "skip")
        # years
        if unit is None and not has_scale and not hedge and regex.fullmatch(r"(?:1[89]|20)\d{2}", m.group()):
            if self._proper_noun_before(text, s):
                return Quantity(s, end, "", "skip")  # "UNCLOS 1982", "Expo 2020"
            y = int(m.group())
            return Quantity(s, end, text[s:end], "year", float(y), float(y), float(y), "year", date=str(y))
        if len(m.group().replace(".", "").replace(",", "")) > 15:
            return Quantity(s, end, "", "skip")
        return self._make_number(text, s, e, value, half, unit, hedge, qstart)

    def _is_name(self, text: str, s: int, unit: _Unit | None) -> bool:
        if unit is not None and unit.kind in ("money", "percent"):
            return False
        if _NAME_PREFIX.search(text, max(0, s - 24), s):
            return True
        return unit is None and self._proper_noun_before(text, s)

    def _weekday(self, text: str, thu_start: int, end: int) -> bool:
        if _WEEKDAY_AFTER.match(text, end):
            return True
        pm = _PREV_WORD.search(text, max(0, thu_start - 12), thu_start)
        return bool(pm and pm.group(1).lower() in lx.WEEKDAY_CONTEXT_BEFORE)

    def _word_numbers(self, text: str) -> list[Quantity]:
        out = []
        for m in _WORD_NUMBER.finditer(text):
            words = regex.split(r"[ \t]+", m.group().lower())
            # a trailing "năm" after "mươi"/"trăm" is a digit; after a scale word it is "year" (a duration)
            if len(words) > 1 and (
                (words[-1] == "năm" and words[-2] not in ("linh", "lẻ"))
                or (words[-1] == "tư" and words[-2] in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ"))
            ):
                words = words[:-1]  # "bảy mươi lăm năm": the last "năm" is "years"
            if _THU_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "thứ Hai tuần trước": a weekday
            try:
                value = words_to_number(words)
            except ValueError:
                continue
            s = m.start()
            e = s + _span_len(m.group(), len(words))
            unit = _unit_after(text, e)
            hedge, hstart = self._hedge_before(text, s)
            out.append(self._make_number(text, s, unit.end if unit else e, value, 0.0, unit, hedge,
                                         hstart if hedge else s))
        return out

    def _rank_words(self, text: str) -> list[Quantity]:
        out = []
        for m in _RANK_WORD.finditer(text):
            s, e = m.span()
            if m.group("top"):
                out.append(Quantity(s, e, m.group(), "rank", 1.0, 1.0, 1.0, "rank"))
                continue
            o = m.group("o")
            if o[:1].isupper() or self._weekday(text, s, e):
                continue  # "thứ Hai": a weekday
            if _ENUM_AFTER.match(text, e) and _sentence_start(text, s):
                continue  # "Thứ hai, ..." enumerates paragraphs
            if _ORDINAL_EVENT.search(text, max(0, s - 16), s):
                continue  # "lần thứ chín"
            v = float(lx.ORDINAL_WORDS[o.lower()])
            out.append(Quantity(s, e, m.group(), "rank", v, v, v, "rank"))
        return out

    def _vague(self, text: str) -> list[Quantity]:
        out = []
        for m in _VAGUE.finditer(text):
            lo_k, hi_k = self.config.vague[m.group("q").lower()]
            mult = lx.SCALE_WORDS[m.group("s").lower()]
            for w in m.group("s2").split():
                mult *= lx.SCALE_WORDS[w.lower()]
            unit = _unit_after(text, m.end())
            e = unit.end if unit else m.end()
            lo, hi = lo_k * mult, hi_k * mult
            out.append(Quantity(m.start(), e, text[m.start():e], unit.kind if unit else "count", lo, lo, hi,
                                unit.unit if unit else "", m.group("q").lower(), "vague", False, True))
        return out


def _tidy(x: float) -> float:
    """Drop binary noise: 440000.00000000006 -> 440000.0 (12 significant digits)."""
    return float(f"{x:.12g}")


def _span_len(surface: str, n_words: int) -> int:
    """Length of the first ``n_words`` words of ``surface``, with the spaces between them."""
    parts = list(regex.finditer(r"\S+", surface))
    return parts[n_words - 1].end()


def _infer_year(month: int, ref: dt.date | None) -> int:
    """Year of a bare day/month: the reference year, or the one before for a month well after it."""
    if ref is None:
        return 0
    return ref.year - 1 if month > ref.month + 2 else ref.year


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
