"""Search cue patterns over parts of a text only, and only where they can start.

Attribution reads the sentences around figures, not whole articles, and tries a costly pattern (hundreds of names,
lookbehinds) only at the words it can start with: one pass over the words builds an index of where each word is.
The pass is one stdlib ``re`` scan for the words some caller asked for (a trie of them, over the lower-cased text),
so Python sees only those words, not every word.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import compress

import regex

from factlint.vi.tokens import _trie

_WORD = re.compile(r"\w+")
DIGIT = "#"  # the key, in a set of first words, that stands for any word starting with a digit

_known: frozenset[str] = frozenset()  # every first word asked for so far: the words the index keeps
_registered: set[frozenset[str]] = set()


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


def word_index(text: str, spans: tuple[tuple[int, int], ...] | None,
               keep: frozenset[str]) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text`` (or of ``spans``, in order) that are in ``keep`` (lower-cased), and where they start.

    Returns:
        The kept words (lower-cased) and their offsets, in text order, and the offsets of the words starting with a
        digit (``#`` in ``keep``; empty otherwise). A word cut by a span's edge is indexed as cut.

    """
    words: list[str] = []
    at: list[int] = []
    digits: list[int] = []
    finder = _finder(keep)
    for s, e in spans if spans is not None else ((0, len(text)),):
        part = text[s:e]
        low = part.lower()  # the whole part at once: each word lower-cased, wherever that keeps every length
        if finder is None or len(low) != len(part):
            for m in _WORD.finditer(text, s, e):  # one word at a time
                w = m.group()
                if w[0].isdigit():
                    if DIGIT in keep:
                        digits.append(m.start())
                elif (w := w.lower()) in keep:
                    words.append(w)
                    at.append(m.start())
            continue
        for m in finder.finditer(low):
            w = m.group()
            if w[0].isdigit():
                digits.append(s + m.start())
            else:
                words.append(w)
                at.append(s + m.start())
    return words, at, digits


@functools.cache
def _finder(keep: frozenset[str]) -> re.Pattern | None:
    """One pattern for the words in ``keep`` standing alone, and for a digit starting a word when ``#`` is in it.

    ``None`` when a word holds a sigma (lower-cased by its context, so not the same alone and in a text).
    """
    if any("σ" in w or "ς" in w for w in keep):
        return None
    alts = []
    if words := [w for w in keep if _WORD.fullmatch(w) and not w[0].isdigit()]:  # what the word split can give
        alts.append(_trie(words) + r"(?!\w)")
    if DIGIT in keep:
        alts.append(rf"[\d{_other_digits()}]")
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")") if alts else re.compile(r"(?!)")


@functools.cache
def _other_digits() -> str:
    """The characters that are digits but not decimal digits (``"²".isdigit()``), escaped for a character class."""
    return "".join(re.escape(c) for c in map(chr, range(sys.maxunicode + 1)) if c.isdigit() and not c.isdecimal())


@functools.lru_cache(maxsize=4)
def _index(text: str, spans: tuple[tuple[int, int], ...] | None,
           keep: frozenset[str]) -> tuple[list[str], list[int], list[int]]:
    return word_index(text, spans, keep)


def starts(first: Iterable[str], text: str, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets, in order, of the words of ``text`` (or of ``spans``) that are in ``first`` (lower-cased)."""
    global _known
    first = first if isinstance(first, frozenset) else frozenset(first)
    if first not in _registered:  # a new set of first words: the index keeps them too from now on
        _registered.add(first)
        _known = _known | first
    words, at, digits = _index(text, tuple(spans) if spans is not None else None, _known)
    out = list(compress(at, map(first.__contains__, words)))
    return sorted(out + digits if DIGIT in first else out)


def scan_at(pattern: regex.Pattern, first: Iterable[str], text: str,
            spans: list[tuple[int, int]] | None = None) -> list[regex.Match]:
    """Matches of ``pattern`` tried only at the words in ``first`` (the words a match can start with)."""
    return match_at(pattern, text, starts(first, text, spans), spans)


def match_at(pattern: regex.Pattern, text: str, positions: list[int],
             spans: list[tuple[int, int]] | None = None) -> list[regex.Match]:
    """Matches of ``pattern`` tried at ``positions`` (in order) only, none overlapping the one before.

    A match ends within the span (of ``spans``, sorted) that its position lies in.
    """
    out: list[regex.Match] = []
    last, n = -1, len(text)
    match = pattern.match
    j, k = -1, len(spans) if spans is not None else 0  # spans[j]: the last span starting at or before the position
    end = n
    for pos in positions:
        if pos < last:
            continue
        if k:
            while j + 1 < k and spans[j + 1][0] <= pos:
                j += 1
            end = spans[j][1] if j >= 0 else n
        m = match(text, pos, end)
        if m is not None and m.end() > pos:
            last = m.end()
            out.append(m)
    return out
