"""Units after a figure (currencies, percent, physical units, durations, counted nouns) and currency signs before it.

The tables are in :mod:`factlint.vi.lexicon`; this module compiles them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factlint.vi import lexicon as lx
from factlint.vi.tokens import _R, _SPACES, _alt, _alt_ci, _at, _trie


def _cased(forms: dict[str, str], min_len: int = 2) -> dict[str, str]:
    """The forms with every name also in lower case, capitalised, title case and capitals ("Tấn", "ĐÔ LA").

    A name is a form with a lower-case letter, of ``min_len`` characters or more or not in ASCII; symbols and codes
    stay as written ("m3" is no "M3", a car).
    """
    out = dict(forms)
    for form, value in forms.items():
        name = len(form) >= min_len or not form.isascii()
        if len(form) > 1 and name and any(c.islower() for c in form) and form not in lx.UNITS_AS_WRITTEN:
            for variant in (form.lower(), form[:1].upper() + form[1:], form.title(), form.upper()):
                out.setdefault(variant, value)
    return out


def _guarded(forms: Iterable[str]) -> str:
    """An alternation of unit forms, each not followed by a word that makes it part of another ("đô thị")."""
    plain = [f for f in forms if f.lower() not in lx.NOT_UNIT_BEFORE]
    guarded = [rf"{regex.escape(f)}(?![ \t]+{_alt_ci(lx.NOT_UNIT_BEFORE[f.lower()])}{_R})"
               for f in forms if f.lower() in lx.NOT_UNIT_BEFORE]
    return f"(?:{'|'.join([_trie(plain), *sorted(guarded, key=len, reverse=True)])})"


_CURRENCY_FORMS = _cased(lx.CURRENCIES)
_SUBUNIT_FORMS = _cased({k: k for k in lx.CURRENCY_SUBUNITS})
_PHYSICAL_FORMS = _cased(lx.PHYSICAL, min_len=5)
# The money and measures a number in words may stand before ("hai đô", "ba tấn"), with the same guards; with percent,
# durations and persons, any unit ("năm phần trăm", "ba ngày", "tám người").
MEASURE_AHEAD = rf"(?:{_guarded(_CURRENCY_FORMS)}|{_guarded(_PHYSICAL_FORMS)}|{_guarded(_SUBUNIT_FORMS)})"
OTHER_UNITS_AHEAD = _alt_ci(list(lx.PERCENT) + list(lx.DURATIONS) + list(lx.PEOPLE))
# Without the time units, for "năm" (five, or "year": "năm tháng" is years and months, "năm tấn" five tonnes).
OTHER_UNITS_AHEAD_NOT_TIME = _alt_ci(list(lx.PERCENT) + list(lx.PEOPLE))
# The words that may start such a unit, for the reader's cheap trigger.
UNIT_TRIGGER_WORDS = sorted({f for f in (*_PHYSICAL_FORMS, *_SUBUNIT_FORMS) if not f.isascii() or len(f) > 4})
_UNIT_RE = regex.compile(
    rf"[ \t]*(?:(?P<pct>{_alt(_cased(lx.PERCENT))})(?![\p{{L}}\p{{N}}])"
    rf"|(?P<sub>{_guarded(_SUBUNIT_FORMS)})(?![\p{{L}}\p{{N}}])"
    rf"|(?P<cur>{_guarded(_CURRENCY_FORMS)})(?![\p{{L}}\p{{N}}$])"
    rf"|(?P<phys>{_guarded(_PHYSICAL_FORMS)})(?![\p{{L}}\p{{N}}]))"
    rf"|[ \t]+(?:(?P<dur>{_alt_ci(lx.DURATIONS)})|(?P<noun>{_alt_ci(lx.NOUNS)})){_R}"
)
# A price per currency is written with its code ("23.000 đồng/USD"); "200 bảng Anh/đồng" is per coin.
_CODES = sorted({c for c in lx.CURRENCIES.values() if c in lx.CURRENCIES})
# "per": "USD/tấn", "km/h", "đồng/người/tháng"; said "trên", "mỗi" or "một" before a measure ("ki lô mét trên giờ",
# "đô mỗi tấn", "đồng một ki lô gam")
_PER_RE = regex.compile(r"[ \t]*/[ \t]*|[ \t]+(?:trên|mỗi|một)[ \t]+")
_PER_SYMBOLS = {"hour": "h", "h": "h", "giờ": "h"}
_DENOMINATOR_RE = regex.compile(
    rf"(?:(?P<phys>{_guarded(_PHYSICAL_FORMS)})|(?P<dur>{_alt_ci(lx.DURATIONS)})|(?P<cur>{_alt(_CODES)})"
    rf"|(?P<noun>{_alt_ci(lx.NOUNS)})|(?P<h>h)){_R}"
)


_UNIT_FOLD = {k.lower(): v for k, v in _CURRENCY_FORMS.items()}
_PHYSICAL_FOLD = {**{k.lower(): v for k, v in _PHYSICAL_FORMS.items()}, **_PHYSICAL_FORMS}
_PERCENT_FOLD = {k.lower(): v for k, v in lx.PERCENT.items()}
_SUBUNIT_FOLD = {k.lower(): v for k, v in lx.CURRENCY_SUBUNITS.items()}


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    unit: str
    end: int
    factor: float = 1.0  # a sub-unit's part of its currency ("50 cent" is 0.5 USD)


def _denominator(m: regex.Match) -> str:
    kind = m.lastgroup
    word = _SPACES.sub(" ", m.group(kind))
    if kind == "phys":
        return _PHYSICAL_FOLD[word] if word in _PHYSICAL_FOLD else _PHYSICAL_FOLD[word.lower()]
    if kind == "dur":
        unit = lx.DURATIONS[word.lower()]
        return _PER_SYMBOLS.get(unit, unit)
    if kind == "cur":
        return lx.CURRENCIES[word]
    if kind == "noun":
        return lx.NOUNS[word.lower()]
    return "h"


def _per(text: str, unit: _Unit) -> _Unit:
    """The unit with what it is per, if a "/" or "trên"/"mỗi" and a unit follow ("USD/tấn", "km/h")."""
    end, name = unit.end, unit.unit
    while (pm := _at(_PER_RE, text, end)) and (dm := _at(_DENOMINATOR_RE, text, pm.end())):
        if pm.group().strip() != "/" and (dm.lastgroup in ("h", "cur", "noun")
                                   or (dm.lastgroup == "dur" and unit.kind == "money")):
            break  # said, "per" takes a measure: "đô mỗi tấn", "ki lô mét trên giờ"; "10 tỷ USD mỗi năm" is a flow
        name, end = f"{name}/{_denominator(dm)}", dm.end()
    return _Unit(unit.kind, name, end, unit.factor) if end != unit.end else unit


def _unit_after(text: str, pos: int) -> _Unit | None:
    """The unit right after ``pos``: currency, percent, physical unit, duration or counted noun."""
    m = _at(_UNIT_RE, text, pos)
    if m is None:
        return None
    kind = m.lastgroup
    word = _SPACES.sub(" ", m.group(kind))
    if kind == "pct":
        return _Unit("percent", _PERCENT_FOLD[word.lower()], m.end())
    if kind == "sub":
        code, factor = _SUBUNIT_FOLD[word.lower()]
        return _per(text, _Unit("money", code, m.end(), factor))
    if kind == "cur":
        if word == "đ" and text[pos : pos + 1] == " ":
            return None  # a lone "đ" after a space is not a currency
        return _per(text, _Unit("money", lx.CURRENCIES.get(word) or _UNIT_FOLD[word.lower()], m.end()))
    if kind == "phys":
        return _per(text, _Unit("count", _PHYSICAL_FOLD.get(word) or _PHYSICAL_FOLD[word.lower()], m.end()))
    if kind == "dur":
        return _Unit("duration", lx.DURATIONS[word.lower()], m.end())
    return _Unit("count", lx.NOUNS[word.lower()], m.end())


def _prefix_currency(text: str, s: int) -> tuple[str, int] | None:
    """A currency sign or code written before the digits ("$5", "US$ 5", "USD 5"): (ISO code, start)."""
    j = s - 1 if s and text[s - 1] == " " else s
    if not j or text[j - 1] not in _PREFIX_LAST_CHARS:
        return None  # most figures: no sign ends right before them
    for sign, code in _PREFIX_CURRENCY_ITEMS:
        i = j - len(sign)
        if i >= 0 and text.startswith(sign, i) and (i == 0 or text[i - 1] in " \t\n(\"“"):
            if sign == "USD" and j == s:
                continue  # "USD5" is not a way of writing amounts
            return code, i
    return None


_PREFIX_CURRENCY_ITEMS = sorted(lx.PREFIX_CURRENCIES.items(), key=lambda kv: -len(kv[0]))
_PREFIX_LAST_CHARS = frozenset(sign[-1] for sign in lx.PREFIX_CURRENCIES)
