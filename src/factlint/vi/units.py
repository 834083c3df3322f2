"""Units after a figure (currencies, percent, physical units, durations, counted nouns) and currency signs before it.

The tables are in :mod:`factlint.vi.lexicon`; this module compiles them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factlint.vi import lexicon as lx
from factlint.vi.tokens import _R, _SPACES, _alt, _alt_ci, _at, _trie

_UNIT_RE = regex.compile(
    rf"[ \t]*(?:(?P<pct>{_alt_ci(lx.PERCENT)})(?![\p{{L}}\p{{N}}])"
    rf"|(?P<cur>{_trie(lx.CURRENCIES)})(?![\p{{L}}\p{{N}}$])"
    rf"|(?P<phys>{_alt(lx.PHYSICAL)})(?![\p{{L}}\p{{N}}]))"
    rf"|[ \t]+(?:(?P<dur>{_alt_ci(lx.DURATIONS)})|(?P<noun>{_alt_ci(lx.NOUNS)})){_R}"
)


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
