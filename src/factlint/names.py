"""Mentions of names and titles, the raw material of the typo checks.

Extract stage, beside the claims: capitalised name tokens with their neighbours ("Komura Masahiro"), and
partnership or programme titles ("Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng …").
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

import regex

from factlint.corpus import Article

_TOKEN = regex.compile(r"\b\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*\b")
_TITLE = regex.compile(
    r"\b(?:Quan hệ [Đđ]ối tác|Đối tác)(?: [\p{Ll}\p{Lu}][\p{L}\-]*)+?"
    r"(?=[ \t]+(?:với|giữa|của|nhân|và hai|được|vừa|mà|từ khi|sau khi)\b|[\"”“,.;:()\n]|$)"
)
# Words that may replace each other inside a title without making it another title.
TITLE_SYNONYMS = {"tại": "ở", "hoà": "hòa", "toà": "tòa"}


def fold(s: str) -> str:
    """Lower-case, strip diacritics (đ -> d): the key under which case and accent variants are one name."""
    nfd = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Mention:
    """A name token or a title at a place in an article."""

    kind: str  # "name" or "title"
    text: str
    prev: str  # for names: the capitalised token before (or "")
    next: str  # for names: the capitalised token after (or "")
    article: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    sentence_start: bool
    sentence: str = ""


def extract_mentions(article: Article) -> list[Mention]:
    """Name tokens (not sentence-initial words standing alone) and titles of one article."""
    from factlint.extract import sentences

    body, base = article.body, article.body_start
    spans = sentences(body)
    starts = [a for a, _ in spans]
    out: list[Mention] = []
    toks = list(_TOKEN.finditer(body))
    for i, m in enumerate(toks):
        prev = toks[i - 1].group() if i and body[toks[i - 1].end():m.start()] == " " else ""
        nxt = toks[i + 1].group() if i + 1 < len(toks) and body[m.end():toks[i + 1].start()] == " " else ""
        j = m.start() - 1
        while j >= 0 and body[j] in " \t\"“(":
            j -= 1
        initial = j < 0 or body[j] in ".!?\n:;…"
        out.append(_mention("name", m, prev, nxt, article, base, initial, _sentence(body, spans, starts, m.start())))
    for m in _TITLE.finditer(body):
        out.append(_mention("title", m, "", "", article, base, False, _sentence(body, spans, starts, m.start())))
    return out


def _sentence(body: str, spans: list[tuple[int, int]], starts: list[int], pos: int) -> str:
    i = max(bisect.bisect_right(starts, pos) - 1, 0)
    return body[spans[i][0]:spans[i][1]].strip() if spans else ""


def _mention(kind: str, m: regex.Match, prev: str, nxt: str, article: Article, base: int, initial: bool,
             sentence: str) -> Mention:
    line, col = article.position(base + m.start())
    end_line, end_col = article.position(base + m.end())
    return Mention(kind, m.group(), prev, nxt, article.id, article.path, line, col, end_line, end_col, initial,
                   sentence)


def title_words(title: str) -> tuple[str, ...]:
    """A title as comparable words: lower-case, "quan hệ" dropped, synonyms unified ("tại" = "ở")."""
    words = title.lower().replace("“", "").replace("”", "").split()
    if words[:2] == ["quan", "hệ"]:
        words = words[2:]
    return tuple(TITLE_SYNONYMS.get(w, w) for w in words)
