"""Shared pattern helpers of the quantity reader: word boundaries, anchored matching, the words around a position."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

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


def _trie(words: Iterable[str]) -> str:
    """Like :func:`_alt` (the longest word that lets the match go on wins), as a trie: one branch a first letter.

    A long alternation (CLDR's currency names) is tried word by word at every position; the trie fails at once.
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else regex.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer word first, the shorter if it must

    return f"(?:{emit(root)})"


def _alt_ci(words: Iterable[str]) -> str:
    """Like :func:`_alt`, matching each word as written, lower-cased, or with a capital first letter.

    Cheaper than the ``IGNORECASE`` flag, which slows every scan over Vietnamese text.
    """
    forms = set()
    for w in words:
        forms |= {w, w.lower(), w[:1].upper() + w[1:]}
    return _alt(forms)




_SPACES = regex.compile(r"\s+")
_SP = r"[ \t]+"
_LETTER_AFTER = regex.compile(r"[ \t]+\p{L}")
_WORD_AFTER_RE = regex.compile(r"[ \t]+(\p{L}+)")
_GLUED_RE = regex.compile(r"\p{L}+")


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



@functools.cache
def _last_words(table: frozenset[str]) -> frozenset[str]:
    """The last word of every phrase in ``table`` (a cheap first test for :func:`_phrase_before`)."""
    return frozenset(p.split()[-1] for p in table)



def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;…"
