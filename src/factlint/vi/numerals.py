"""Numerals: digit tokens, scale words ("triệu", "tỷ", "5tr"), numbers in words, vague quantities, ranges."""

from __future__ import annotations

import itertools

import regex

from factlint.vi import lexicon as lx
from factlint.vi.hedges import load_hedges
from factlint.vi.syllable import is_syllable
from factlint.vi.tokens import _R, _SP, _WORD_AFTER_RE, _alt, _alt_ci, _at, _phrase_before, _words_before
from factlint.vi.units import MEASURE_AHEAD, OTHER_UNITS_AHEAD, OTHER_UNITS_AHEAD_NOT_TIME, _Unit, _unit_after

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\d+\.\d+(?![.\d])|\d+"
_SCALES = _alt(list(lx.SCALE_WORDS))
_NUM_RE = regex.compile(_NUM)
_SCALE_RE = regex.compile(rf"[ \t]*({_SCALES}){_R}", regex.I)
_ABBREV_RE = regex.compile(rf"({_alt(lx.SCALE_ABBREV)}){_R}")
_HALF_RE = regex.compile(rf"[ \t]+{lx.HALF_WORD}{_R}", regex.I)
_MIXED_RE = regex.compile(rf"[ \t]+({_NUM})[ \t]*({_SCALES}){_R}", regex.I)
# What the character after a figure must be for the patterns above to match there (a cheap test first).
_SCALE_LEAD = frozenset(" \t" + "".join(w[0].lower() + w[0].upper() for w in lx.SCALE_WORDS))
_ABBREV_LEAD = frozenset(w[0] for w in lx.SCALE_ABBREV)


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


# The unit digit as said after a ten, never alone: "bảy mốt" (71), "sáu tư" (64), "chín lăm" (95).
AFTER_TEN = ("mốt", "tư", "lăm", "nhăm")
_TENS_DIGITS = frozenset(("hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín"))
# Digits that may follow a scale for its next lower place ("trăm hai" 120, "trăm mốt" 110); not "một" ("trăm một" is
# 101, said loosely for "trăm linh một").
_TRUNCATED = frozenset((*_TENS_DIGITS, "tư", "mốt"))
# Scales a number may begin with, its "một" implied: "nghìn người", "trăm tỷ", "tỷ rưỡi", "triệu tư".
BARE_SCALES = ("chục", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ")  # not "vạn": "vạn người mê" is an idiom
DECIMAL_MARKS = ("phẩy", "chấm")
_DECIMAL_SCALES = frozenset(("nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"))


def words_to_decimal(words: list[str]) -> tuple[float, float]:
    """Value and rounding of a number in words with a decimal mark ("phẩy", "chấm").

    The words after the mark are the digits as written: "ba phẩy bảy" is 3.7, "không phẩy không năm" 0.05,
    "mười hai chấm tám" 12.8, "hai phẩy ba mươi hai" 2.32; a scale at the end multiplies ("hai phẩy năm tỷ").

    Args:
        words: Lower-cased number words with one decimal mark.

    Returns:
        The value and half the unit of its last written digit.

    Raises:
        ValueError: A part is not a number, or nothing follows the mark.

    """
    i = next(i for i, w in enumerate(words) if w in DECIMAL_MARKS)
    whole, frac = words[:i], words[i + 1 :]
    mult = 1.0
    while frac and frac[-1] in _DECIMAL_SCALES:
        mult *= lx.SCALE_WORDS[frac.pop()]
    if not frac or not whole:
        raise ValueError(f"not a decimal: {' '.join(words)!r}")
    if all(w in lx.DIGIT_WORDS and lx.DIGIT_WORDS[w] < 10 for w in frac):
        digits = "".join(str(lx.DIGIT_WORDS[w]) for w in frac)  # "không năm": 05
    else:
        zeros = len(frac) - len(rest := list(itertools.dropwhile("không".__eq__, frac)))
        digits = "0" * zeros + str(int(words_to_number(rest)))  # "ba mươi hai": 32
    n = words_to_number(whole)
    if n != int(n):
        raise ValueError(f"not a decimal: {' '.join(words)!r}")
    return float(f"{int(n)}.{digits}") * mult, 0.5 * 10 ** -len(digits) * mult


def _number_words(words: list[str]) -> list[str]:
    """The words of a number in words, without the words after it.

    "mười năm hai tháng" is "mười" (ten years; fifteen is "mười lăm"); a number never ends in "linh"/"lẻ" ("hai
    linh mục" is two priests): then none.
    """
    for i in range(1, len(words)):
        if words[i] == "năm" and words[i - 1] in ("mười", "mươi"):
            words = words[:i]
            break
    return [] if words and words[-1] in lx.FILLER_WORDS else words


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
    if (len(tokens) >= 2 and isinstance(tokens[-2], str) and lx.SCALE_WORDS.get(tokens[-2], 0) >= 100
            and tokens[-1] in _TRUNCATED):
        # a truncated scale: the digit after "trăm"/"nghìn"/"triệu"/"tỷ" counts the next lower place, "năm nghìn
        # hai" is 5,200 and "hai triệu tư" 2.4 million ("năm nghìn linh hai" is 5,002)
        return words_to_number(tokens[:-1]) + lx.DIGIT_WORDS[tokens[-1]] * lx.SCALE_WORDS[tokens[-2]] / 10
    toks = [t for t in tokens if t not in lx.FILLER_WORDS]
    if not toks:
        return 0.0
    best, best_i = 0.0, -1
    for i, t in enumerate(tokens):  # split the words as said: a filler keeps "trăm linh hai" from truncating
        if isinstance(t, str) and t in lx.SCALE_WORDS and lx.SCALE_WORDS[t] >= best:
            best, best_i = lx.SCALE_WORDS[t], i
    if best_i < 0:
        if len(toks) == 2 and toks[1] in AFTER_TEN and toks[0] in _TENS_DIGITS:
            return lx.DIGIT_WORDS[toks[0]] * 10 + lx.DIGIT_WORDS[toks[1]]  # "bảy mốt" 71, "chín lăm" 95
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
    left, right = tokens[:best_i], tokens[best_i + 1 :]
    lval = words_to_number(left) if left else 1.0
    if right == [lx.HALF_WORD]:
        return lval * best + best / 2
    if best == 10 and right and isinstance(right[0], str) and right[0] in ("tư", "mốt", "lăm", "nhăm"):
        pass  # "hai mươi tư": the unit digit follows as usual
    return lval * best + words_to_number(right)


_DIGIT_RUN = regex.compile(r"\d+(?:[.,]\d+)*")
_RANGE_SEP = regex.compile(r"[ \t]*(?:[-–—]|đến|tới)[ \t]*(?=\d)", regex.I)


_NW_FIRST = _alt_ci(["hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười"])
_NW_DIGIT = _alt(["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín"])
_NW_ANY = _alt(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ", "rưỡi"])
_NW_MULT = _alt(list(lx.SCALE_WORDS) + ["mười", "linh", "lẻ"])
# The unit tables are long: the pattern below defines them once ("(?&measure)") and calls them where they are needed.
_DEFINE = rf"(?(DEFINE)(?P<measure>{MEASURE_AHEAD})(?P<noun>{_alt_ci(lx.NOUNS)}))"
_UNIT_AHEAD = rf"(?:(?&measure)|{OTHER_UNITS_AHEAD})"
_UNIT_AHEAD_NOT_TIME = rf"(?:(?&measure)|{OTHER_UNITS_AHEAD_NOT_TIME})"


_NW_TENS = _alt_ci(["hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín"])
# A bare scale counts where a unit or another scale follows ("nghìn người", "trăm tỷ"), not in "tỷ lệ", "triệu tập".
_BARE_TAIL = rf"(?:{_SP}(?:{_alt(['mốt', 'hai', 'ba', 'bốn', 'tư', 'sáu', 'bảy', 'bẩy', 'tám', 'chín'])}))?"
_BIG_SCALES = _alt(["trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"])
# "tư" after a ten only where no word follows that it begins ("hai tư người", not "hai tư thế", "ba tư bản").
_TU_ALONE = rf"tư(?=[ \t]*(?:[^\p{{L}}\p{{N}} \t]|$)|[ \t]+(?:{_UNIT_AHEAD}|(?&noun)|{_BIG_SCALES}){_R})"
_WORD_NUMBER_AT = regex.compile(
    rf"{_DEFINE}(?:{_alt_ci(lx.DIGIT_WORDS)}(?:{_SP}{_NW_ANY})*{_SP}{_alt(DECIMAL_MARKS)}{_SP}{_NW_ANY}(?:{_SP}{_NW_ANY})*"
    rf"|{_NW_TENS}{_SP}(?:{_alt(['mốt', 'lăm', 'nhăm'])}|{_TU_ALONE})(?:{_SP}{_NW_ANY})*"
    rf"|{_alt_ci(['trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ'])}{_SP}rưỡi(?:{_SP}{_NW_ANY})*"
    rf"|{_alt_ci(BARE_SCALES)}(?:{_SP}{_BIG_SCALES})*{_BARE_TAIL}(?=[ \t]+(?:{_UNIT_AHEAD}|(?&noun)){_R})"
    rf"|{_alt_ci(BARE_SCALES)}(?:{_SP}{_BIG_SCALES})+"
    rf"|{_alt_ci(['năm'])}{_SP}{_alt(['mốt', 'lăm', 'nhăm'])}(?:{_SP}{_NW_ANY})*"
    rf"|(?:{_NW_FIRST}|{_alt_ci(['một', 'năm'])})(?:{_SP}{_NW_ANY})*{_SP}{_NW_MULT}(?:{_SP}{_NW_ANY})*"
    rf"|{_alt_ci(['mười'])}{_SP}{_NW_DIGIT}(?:{_SP}{_NW_ANY})*"
    rf"|{_NW_FIRST}(?=[ \t]+{_UNIT_AHEAD}{_R})|{_alt_ci(['năm'])}(?=[ \t]+{_UNIT_AHEAD_NOT_TIME}{_R})){_R}"
)
_NUMBER_WORDS = frozenset(list(lx.DIGIT_WORDS) + list(lx.SCALE_WORDS) + ["linh", "lẻ", "rưỡi"])
_VAGUE_AT = regex.compile(
    rf"(?P<vq>{_alt_ci(load_hedges().vague)}){_SP}(?P<vs>chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"
    rf"(?P<vs2>(?:{_SP}(?:nghìn|ngàn|triệu|tỷ|tỉ))*){_R}"
)


_FUZZY_SCALES = ("nghìn", "ngàn", "triệu", "trăm", "chục")


def _edit1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are exactly one insertion, deletion or substitution apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _scaled(text: str, s: int) -> tuple[float, float, int, bool, str] | None:
    """Parse digits with scale words from ``s``: value, rounding, end, has-scale, malformed."""
    nm = _at(_NUM_RE, text, s)
    if not nm:
        return None
    value, half = parse_digits(nm.group())
    end = nm.end()
    has_scale = False
    if text[end : end + 1] == lx.DOLLAR_THOUSAND and "$" in (text[end + 1 : end + 2], text[s - 1 : s]):
        return value * 1e3, half * 1e3, end + 1, True, ""  # "5K$", "$5K"
    after = text[end : end + 1]
    if after in _ABBREV_LEAD and (am := _at(_ABBREV_RE, text, end)):  # "5tr", "500k", "2bn" glued to the digits
        if not (am.group(1) == "k" and text[am.end() : am.end() + 5].strip() == "vàng"):
            mult = lx.SCALE_ABBREV[am.group(1)]
            return value * mult, half * mult, am.end(), True, ""
    mult = 1.0
    while (after in _SCALE_LEAD or not after.isascii()) and (sm := _at(_SCALE_RE, text, end)):
        w = sm.group(1).lower()
        if w in ("mươi", "chục") and has_scale:
            break
        mult *= lx.SCALE_WORDS[w]
        end, has_scale = sm.end(), True
        after = text[end : end + 1]
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
    if not has_scale and after in (" ", "\t") and (wm := _at(_WORD_AFTER_RE, text, end)):
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


def _tidy(x: float) -> float:
    """Drop binary noise: 440000.00000000006 -> 440000.0 (15 significant digits)."""
    return float(f"{x:.15g}")


def _span_len(surface: str, n_words: int) -> int:
    """Length of the first ``n_words`` words of ``surface``, with the spaces between them."""
    parts = list(regex.finditer(r"\S+", surface))
    return parts[n_words - 1].end()


_NOUN_UNITS = frozenset(lx.NOUNS.values()) - {lx.NOUNS[c] for c in lx.CLASSIFIERS}
_NAO_AFTER = regex.compile(r"(?:[ \t]+\p{L}+){0,3}?[ \t]+nào(?!\p{L})")
_RELATION_AFTER = regex.compile(rf"[ \t]+{_alt(lx.PERSON_RELATIONS)}{_R}")


def zero_one(text: str, p: int, word: str) -> tuple[float, _Unit] | None:
    """``(0 or 1, the unit)`` when "không"/"một" at ``p`` counts what follows it, else ``None``.

    "ghi nhận không ca mắc mới", "không doanh nghiệp nào", "chỉ có một dự án"; not "không lao động" (does not work),
    "một số", "là một đối tác", "có một người bạn" (see :data:`~factlint.vi.lexicon.ONE_BEFORE`).
    """
    words = _words_before(text, p)
    counted = _phrase_before(words, lx.ONE_BEFORE if word == "một" else lx.ZERO_BEFORE)[0]
    half = word == "một" and "rưỡi" in text[p : p + 40]
    if not (counted or half or (word == "không" and "nào" in text[p : p + 60])):
        return None  # most "một" and "không": the article and "not"
    unit = _unit_after(text, p + len(word))
    if unit is not None and half and unit.kind != "percent" and _at(_HALF_RE, text, unit.end):
        return 1.0, unit  # "một mét rưỡi", "một tiếng rưỡi": one and a half, no article
    if unit is None or unit.kind != "count" or unit.unit not in _NOUN_UNITS:
        return None
    if word == "một":
        if not counted or (unit.unit == "person" and _at(_RELATION_AFTER, text, unit.end)) or _at(
                _NAO_AFTER, text, unit.end):
            return None  # "còn một chiếc nào" (not a single one) is none
        return 1.0, unit
    if counted or _at(_NAO_AFTER, text, unit.end):
        return 0.0, unit
    return None
