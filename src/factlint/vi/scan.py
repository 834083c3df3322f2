"""Search a pattern over parts of a text only: attribution reads the sentences around figures, not whole articles."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

import regex

_WORD = re.compile(r"\w+")


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
def words(text: str, spans: tuple[tuple[int, int], ...] | None) -> list[tuple[int, str]]:
    """(start, lower-cased word) of every word of ``text`` (or of ``spans``): computed once for the cue tables."""
    parts = spans if spans is not None else ((0, len(text)),)
    return [(m.start(), m.group().lower()) for s, e in parts for m in _WORD.finditer(text, s, e)]


def scan_at(pattern: regex.Pattern, first: Callable[[str], bool], text: str,
            spans: list[tuple[int, int]] | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` tried only at the words for which ``first`` says a match can start there.

    For a costly pattern (hundreds of names, lookbehinds) that can start at few words ("a capital letter", "a
    head noun"). Matches do not overlap: a word inside the last match is not tried.
    """
    yield from match_at(pattern, text, starts(first, text, spans), spans)


def starts(first: Callable[[str], bool], text: str, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets of the words of ``text`` (or of ``spans``) for which ``first(char, lower-cased word)`` holds."""
    return [pos for pos, word in words(text, tuple(spans) if spans is not None else None) if first(text[pos], word)]


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
