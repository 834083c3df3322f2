"""Read every quantity in a Vietnamese text: money, counts, percents, ranks, dates, durations.

The reader makes a few passes with compiled patterns (digit runs, word-led dates, number words, ordinal
words, vague quantities), turns each hit into a :class:`~factlint.quantity.Quantity`, and keeps the
longest non-overlapping hits. It expects NFC text with ordinary spaces (``factlint.corpus`` provides it).

This module holds the passes; the grammar is split the way it reads, one module a part:
:mod:`~factlint.vi.numerals` (digits, scale words, numbers in words), :mod:`~factlint.vi.units` (currencies,
percent, physical units, durations, counted nouns), :mod:`~factlint.vi.dates` (dates and periods),
:mod:`~factlint.vi.ranks` (ordinals, superlatives, titles), :mod:`~factlint.vi.traps` (names, identifiers,
clock times, glued digits), :mod:`~factlint.vi.hedges` (hedge tolerances) and :mod:`~factlint.vi.tokens`
(the shared pattern helpers). The word tables they compile are in :mod:`~factlint.vi.lexicon`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import regex

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx
from factlint.vi.dates import (
    _DATE_WORDS,
    _DAY_WORDS,
    _WORD_DATE_AT,
    _YEAR_TOKEN,
    MONTH_WORDS,
    _dates_at,
    _day_dot,
    _word_date,
    words_date_at,
)
from factlint.vi.hedges import _HEDGES, HedgeConfig, load_hedges
from factlint.vi.numerals import (
    _DIGIT_RUN,
    _HALF_RE,
    _NUM_RE,
    _NUMBER_WORDS,
    _RANGE_SEP,
    _VAGUE_AT,
    _WORD_NUMBER_AT,
    BARE_SCALES,
    DECIMAL_MARKS,
    _number_words,
    _scaled,
    _span_len,
    _tidy,
    parse_digits,
    words_to_decimal,
    words_to_number,
    zero_one,
)
from factlint.vi.ranks import (
    _NUMBER_ONE_AT,
    _RANK_AT,
    _TITLE_AT,
    _event_before,
    _number_one,
    _rank_lead,
    _rank_word,
    _superlative,
    _thu_start,
    _title,
    _top,
    _weekday,
)
from factlint.vi.syllable import is_vietnamese_word
from factlint.vi.tokens import (
    _GLUED_RE,
    _LETTER_AFTER,
    _SPACES,
    _at,
    _phrase_before,
    _sentence_start,
    _trie,
    _words_before,
)
from factlint.vi.traps import (
    _CLOCK_AFTER_RE,
    _EXT,
    _PLAIN_AFTER,
    _PLAIN_BEFORE,
    _glued_before,
    _is_name,
    _proper_noun_before,
    _token_bounds,
    furniture_end,
)
from factlint.vi.units import UNIT_TRIGGER_WORDS, _prefix_currency, _Unit, _unit_after

# Word-led quantities are found from cheap literal triggers (the stdlib ``re`` scans a literal alternation
# several times faster than a pattern of word alternatives), then parsed with anchored patterns.
_NUMBER_WORD_LIST = ["hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín"]
_TRIGGER = re.compile(_trie(["thứ", "Thứ", "đầu", "mươi", "mười", "Mười", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ",
                             "tỉ", "chục", "quý", "Quý", "nhất", "nhì", "số 1", "số một", "quán quân", "Quán quân",
                             "á quân", "Á quân", "phẩy", "chấm"]).replace(r"\s+", " "))  # a trie: one branch a letter
# A lone digit word counts only before a unit ("ba ngày", "tám người", "năm người"), not in "hai nước", or as a ten
# said with its unit digit ("bảy mốt", "sáu tư", "chín lăm").
_UNIT_WORDS = list(lx.CURRENCIES) + list(lx.PERCENT) + list(lx.DURATIONS) + list(lx.PEOPLE) + UNIT_TRIGGER_WORDS
# A number word before a unit or an after-ten digit; "năm" before a unit that is no time, a spoken year; a date in
# words ("mồng hai tháng chín", "tháng tư"); "không"/"một" before a counted noun, "một … rưỡi". The first letters
# first: most positions fail at once.
_LONE_TRIGGER = re.compile(
    r"\b(?=[BCHKMNSTbchkmnst])(?:"
    r"(?:" + "|".join(w for x in _NUMBER_WORD_LIST for w in (x, x.capitalize())) + r") (?=(?:mốt|tư|lăm|nhăm)\b|"
    + "|".join(re.escape(u) for u in sorted(set(_UNIT_WORDS), key=len, reverse=True)) + r")"
    r"|\b[Nn]ăm (?=" + "|".join(re.escape(u) for u in sorted({*lx.PEOPLE, *lx.CURRENCIES, *UNIT_TRIGGER_WORDS}, key=len,
                                                               reverse=True))
    + r"|(?:mốt|lăm|nhăm)\b|(?:một|hai) )"
    r"|\b(?:[Nn]gày|[Mm]ồng|[Mm]ùng) (?=(?:mồng |mùng )?(?:\w+ ){1,4}tháng )"
    r"|\b[Tt]háng (?=(?:" + "|".join(MONTH_WORDS) + r")\b)"
    r"|\b(?:[Kk]hông|[Mm]ột) (?=" + "|".join(sorted(lx.NOUNS, key=len, reverse=True)) + r"|(?:\S+ ){1,3}?rưỡi\b))"
)


def _lone_triggers(text: str) -> list[re.Match]:
    """The lone number words before a unit, a date in words, a zero or one before a counted noun."""
    return list(_LONE_TRIGGER.finditer(text))




_UNIT_RANGE_SEP = regex.compile(r"[ \t]*(?:(?P<dash>[-–—])|đến|tới)[ \t]*(?P<sign>US\$|\$)?(?P<n>)(?=\d)")


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
        if unit is not None and unit.factor != 1:
            value, half = value * unit.factor, half * unit.factor  # a sub-unit: "50 cent" is 0.5 USD
        if unit is not None and half in (0.0, 0.5) and value == int(value) and unit.kind != "percent" and (
                hm := _at(_HALF_RE, text, end)):
            value, end = value + 0.5, hm.end()  # "hai tiếng rưỡi" (2.5 hours), "một mét rưỡi"
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
        if lone := _lone_triggers(text):
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
                    q, end = _rank_word(text, m), m.end()
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
            elif w in ("không", "một"):
                if zo := zero_one(text, p, w):
                    hedge, hstart = self._hedge_before(text, p)
                    q = self._make_number(text, p, zo[1].end, zo[0], 0.5, zo[1], hedge, hstart)
            elif w == "quý":
                if m := _at(_WORD_DATE_AT, text, p):
                    q, end = _word_date(text, m, ref), m.end()
            elif w in lx.SCALE_WORDS and p >= 2 and text[p - 2].isdigit():
                continue  # "50 tỷ": the digit pass reads it
            else:
                start = p
                if w in lx.SCALE_WORDS or w in DECIMAL_MARKS:  # walk back to the first number word: "một trăm"
                    for word, at in _words_before(text, p, 8):
                        if word.lower() not in _NUMBER_WORDS or text[at - 4 : at - 1].lower() == "thứ":
                            break  # "thứ Bảy hai trăm người": the weekday is no part of the number
                        start = at
                    before = _words_before(text, start, 1)
                    if before and before[0][0][-1:].isdigit():
                        continue
                    if before and (m := _at(_VAGUE_AT, text, before[0][1])):
                        q, end = self._vague(text, m), m.end()
                if q is None and (wd := words_date_at(text, start, ref)) is not None:
                    end = wd.end  # "mồng hai tháng chín", "năm hai không hai ba"; a lunar date is skipped
                    if wd.kind == "skip":
                        done = max(done, end)
                        continue
                    q = wd
                if q is None and (m := _at(_WORD_NUMBER_AT, text, start)):
                    if text[start - 4 : start - 1].lower() == "thứ":
                        done = m.end()
                        continue  # "thứ bốn tuần trước" (for "thứ Tư"): a weekday, no ordinal word
                    q = self._word_number(text, m)
                    end = q.end if q is not None else m.end()  # "mười năm | hai tháng": the rest is read again
            if q is not None:
                out.append(q)
                end = max(end, q.end)
            done = max(done, end)
        return out

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
            if (skip := furniture_end(text, s, e)) is not None:
                done = skip  # share buttons, counters, bylines, gallery counters, photo credits
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
                    q = _glued_before(text, m, tok_s, prev)
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
            words = _words_before(text, s)  # the nearest first: the lead word, and the words a number reads
            lead = words[:1] if prev == " " else []
            if lead and lead[0][0].lower() in _DATE_WORDS:
                if (wm := _at(_WORD_DATE_AT, text, lead[0][1])) and wm.end() > s:
                    q = _word_date(text, wm, ref)
                    if q is not None:
                        if q.kind != "skip":
                            out.append(q)
                        done = wm.end()
                        continue
            if lead and lead[0][0].lower() in _DAY_WORDS and (nxt == "-" or "." in m.group()) and (
                    q := _day_dot(text, s, ref)):
                out.append(q)  # "chiều 16.5", "tối 7-5": a day and month written with a dot or a dash
                done = q.end
                continue
            if nxt in "/-–" or (nxt == " " and text[e + 1 : e + 2] in "-–") or e - s == 4:
                q = _dates_at(text, s, ref)
                if q is not None:
                    if q.kind != "skip":
                        out.append(q)
                    done = q.end
                    continue
            q = self._number_at(text, s, m, words)
            if q is not None:
                done = q.end
                if q.kind != "skip":
                    out.append(q)
            else:
                done = e
        return out

    def _number_at(self, text: str, s: int, m: regex.Match,  # noqa: C901
                   words: list[tuple[str, int]]) -> Quantity | None:
        first = _scaled(text, s)
        if first is None:
            return None
        value, half, end, has_scale, malformed = first
        # glued letters that are not a unit: "thứ 2i", "12tuổi" (an ASCII character that is no letter is no start)
        after = text[end : end + 1]
        glued = _at(_GLUED_RE, text, end) if not malformed and end == m.end() and (
            after.isalpha() or not after.isascii()) else None
        unit_glued = _unit_after(text, end) if glued else None
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
                second = _scaled(text, rm.end())
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
            if _is_name(text, words, unit):
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
        if unit is not None and not malformed and (r := self._unit_range(text, unit, value, hedge)):
            lo, hi, end2 = r  # "20$-30$", "10 USD - 15 USD", "từ 2 triệu đồng đến 3 triệu đồng"
            st = pre[1] if pre else (hstart if hedge == "từ" else s)
            return Quantity(st, end2, text[st:end2], unit.kind, (lo + hi) / 2, lo, hi, unit.unit, "", "range")
        if malformed:
            return self._make_number(text, s, end, value, half, None, hedge, hstart if hedge else s,
                                     malformed=malformed)
        # ranks: "thứ 2", "đứng thứ 3"
        if thu >= 0 and not has_scale:
            if _weekday(text, thu, end) or _event_before(text, thu):
                return Quantity(s, end, "", "skip")
            return Quantity(thu, end, text[thu:end], "rank", value, value, value, "rank")
        if _is_name(text, words, unit) and not has_scale:
            return Quantity(s, e, "", "skip")
        # years
        if unit is None and not has_scale and not hedge and _YEAR_TOKEN.fullmatch(m.group()):
            if _proper_noun_before(text, words):
                return Quantity(s, end, "", "skip")  # "UNCLOS 1982", "Expo 2020"
            y = int(m.group())
            return Quantity(s, end, text[s:end], "year", float(y), float(y), float(y), "year", date=str(y))
        if len(m.group().split(",")[0].replace(".", "")) > 16:
            return Quantity(s, end, "", "skip")
        return self._make_number(text, s, e, value, half, unit, hedge, qstart)

    def _unit_range(self, text: str, unit: _Unit, value: float, hedge: str) -> tuple[float, float, int] | None:
        """``(low, high, end)`` of a range whose second figure repeats the unit of the first, or ``None``."""
        rm = _at(_UNIT_RANGE_SEP, text, unit.end)
        if rm is None or not (rm.group("dash") or hedge == "từ"):
            return None
        second = _scaled(text, rm.end("n"))
        if second is None:
            return None
        unit2 = _unit_after(text, second[2])
        if unit2 is None and rm.group("sign"):
            unit2 = _Unit("money", lx.PREFIX_CURRENCIES[rm.group("sign")], second[2])
        if unit2 is None or (unit2.kind, unit2.unit) != (unit.kind, unit.unit):
            return None
        v2 = second[0] * unit2.factor
        return min(value * unit.factor, v2), max(value * unit.factor, v2), unit2.end

    def _word_number(self, text: str, m: regex.Match) -> Quantity | None:
        s = m.start()
        words = _SPACES.split(m.group().lower())
        implied = words[0] in BARE_SCALES
        if implied:
            before = _words_before(text, s, 2)
            if _phrase_before(before, lx.NOT_BARE_SCALE_AFTER)[0] or (
                    m.group()[:1].isupper() and not _sentence_start(text, s)) or any(
                    w[-1:].isdigit() for w, _ in before) or text[s - 1 : s] == "(" or words[1:2] == words[:1]:
                return None  # "phần trăm", "nhiều tỷ", "tỷ tỷ"; "Bà Triệu" (a name); "5 nghìm tỷ"; "(triệu đồng)"
            words = ["một", *words]
            if before and before[0][0].lower() == "nửa":
                words, s = ["không", "phẩy", "năm", *words[1:]], before[0][1]  # "nửa tỷ đồng": half a billion
        words = _number_words(words)
        if not words:
            return None
        if len(words) > 1 and (
            (words[-1] == "năm" and words[-2] not in ("linh", "lẻ", *DECIMAL_MARKS)
             and not (any(w in DECIMAL_MARKS for w in words)
                      and (words[-2] == "không" or _unit_after(text, m.end()))))  # "hai phẩy ba năm tấn": 2,35
            or (words[-1] == "tư" and words[-2] in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ")
                and _at(_LETTER_AFTER, text, m.end()) and not _unit_after(text, m.end()))
        ):
            words = words[:-1]  # "bảy mươi lăm năm": the last "năm" means "years"; "hai tỷ tư nhân": "tư" begins a word
        half = 0.0
        try:
            if any(w in DECIMAL_MARKS for w in words):
                value, half = words_to_decimal(words)
            else:
                value = words_to_number(words)
        except ValueError:
            return None
        e = m.start() + _span_len(m.group(), len(words) - implied - 2 * (s != m.start()))
        unit = _unit_after(text, e)
        hedge, hstart = self._hedge_before(text, s)
        return self._make_number(text, s, unit.end if unit else e, value, half, unit, hedge, hstart)

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



@functools.cache
def default_reader() -> Reader:
    """The reader with the packaged configuration, built once."""
    return Reader()


def read_quantities(text: str, ref_date: dt.date | None = None, reader: Reader | None = None) -> list[Quantity]:
    """Find every quantity in ``text`` (see :meth:`Reader.read`)."""
    return (reader or default_reader()).read(text, ref_date)


__all__ = ["HedgeConfig", "Reader", "load_hedges", "parse_digits", "read_quantities", "words_to_number"]
