"""Search cue patterns over parts of a text only, and only where they can start.

Attribution reads the sentences around figures, not whole articles, and tries a costly pattern (hundreds of names,
lookbehinds) only at the words it can start with: one pass over the words builds an index of where each word is.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

import regex

_WORD = re.compile(r"\w+")
DIGIT = "#"  # the key, in a set of first words, that stands for any word starting with a digit


def scan(pattern: regex.Pattern, text: str, spans: list[tuple[int, int]] | None = None,
         **kwargs: object) -> Iterator[regex.Match]:
    """``pattern.finditer`` over ``text``, or over each of ``spans`` (sorted, not overlapping) when given.

    Lookbehinds still see the text before a span, so a match at a span's start is judged as in the whole text.
    """
    if spans is None:
        yield from pattern.finditer(text, **kwargs)
        return
    for start, end in spans:
        yield from pattern.finditer(text, start, end, **kwargs)


@functools.lru_cache(maxsize=4)
def word_index(text: str, spans: tuple[tuple[int, int], ...] | None) -> dict[str, list[int]]:
    """Where each lower-cased word of ``text`` (or of ``spans``) starts; words starting with a digit under ``#``."""
    out: dict[str, list[int]] = {}
    for s, e in spans if spans is not None else ((0, len(text)),):
        for m in _WORD.finditer(text, s, e):
            w = m.group()
            out.setdefault(DIGIT if w[0].isdigit() else w.lower(), []).append(m.start())
    return out


def starts(first: Iterable[str], text: str, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets, in order, of the words of ``text`` (or of ``spans``) that are in ``first`` (lower-cased)."""
    index = word_index(text, tuple(spans) if spans is not None else None)
    return sorted(p for w in index.keys() & set(first) for p in index[w])


def scan_at(pattern: regex.Pattern, first: Iterable[str], text: str,
            spans: list[tuple[int, int]] | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` tried only at the words in ``first`` (the words a match can start with)."""
    yield from match_at(pattern, text, starts(first, text, spans), spans)


def match_at(pattern: regex.Pattern, text: str, positions: list[int],
             spans: list[tuple[int, int]] | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` tried at ``positions`` only, none overlapping the one before."""
    last = -1
    for pos in positions:
        if pos < last:
            continue
        m = pattern.match(text, pos, _end_of(spans, pos, len(text)))
        if m is not None and m.end() > pos:
            last = m.end()
            yield m


def _end_of(spans: list[tuple[int, int]] | None, pos: int, default: int) -> int:
    if spans is None:
        return default
    i = bisect.bisect_right(spans, (pos, default)) - 1
    return spans[i][1] if i >= 0 else default
