"""Mentions of names and titles, the raw material of the typo checks.

Extract stage, beside the claims: capitalised name tokens with their neighbours ("Komura Masahiro"), and
partnership, programme, plan, fund and agreement titles ("Đối tác chiến lược toàn diện vì hòa bình và thịnh
vượng …", "Chương trình giao lưu thanh niên …"), each ending before a verb, a linking word or punctuation.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

import regex

from factlint.corpus import Article

_TOKEN = r"\b\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*\b"
_RUN = regex.compile(rf"{_TOKEN}(?: {_TOKEN})+")  # name tokens one space apart ("Komura Masahiro")
TITLE_HEADS = ("Quan hệ [Đđ]ối tác", "Đối tác", "Chương trình", "Sáng kiến", "Hiệp định", "Quỹ", "Kế hoạch",
               "Chiến lược")
_TITLE = regex.compile(
    r"\b(?:" + "|".join(TITLE_HEADS) + r")(?: [\p{Ll}\p{Lu}][\p{L}\-]*)+?"
    r"(?=[ \t]+(?:với|đối với|giữa|của|nhân|và hai|được|vừa|mà|từ khi|sau khi|cũng|cho biết|đã|sẽ|đang|là|nhằm|này|do|"
    r"theo)\b|[\"”“,.;:()\n]|$)"
)
# Words that may replace each other inside a title without making it another title.
TITLE_SYNONYMS = {"tại": "ở", "hoà": "hòa", "toà": "tòa"}


class Mention(NamedTuple):
    """A name token or a title at a place in an article (a NamedTuple: cheap to ship between processes)."""

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


def extract_mentions(article: Article) -> list[Mention]:
    """Name tokens that stand beside another capitalised token, and titles, of one article."""
    body, base = article.body, article.body_start
    out: list[Mention] = []
    # a capitalised word standing alone is not compared (see checks.typos.check_names): only runs of two or more
    # name tokens one space apart are visited; each token's neighbours are the tokens beside it in its run
    for run in _RUN.finditer(body):
        names = run.group().split(" ")
        at = run.start()
        j = at - 1
        while j >= 0 and body[j] in " \t\"“(":
            j -= 1
        initial = j < 0 or body[j] in ".!?\n:;…"
        for k, name in enumerate(names):
            prev = sys.intern(names[k - 1]) if k else ""
            nxt = sys.intern(names[k + 1]) if k + 1 < len(names) else ""
            out.append(_mention("name", name, at, prev, nxt, article, base, initial and not k))
            at += len(name) + 1
    for m in _TITLE.finditer(body):
        out.append(_mention("title", m.group(), m.start(), "", "", article, base, False))
    return out


def _mention(kind: str, text: str, start: int, prev: str, nxt: str, article: Article, base: int,
             initial: bool) -> Mention:
    return Mention(kind, sys.intern(text), prev, nxt, article.id, article.path,
                   *article.span(base + start, base + start + len(text)), initial)


def sentence_at(article: Article, line: int, text: str) -> str:
    """The sentence of ``article`` on ``line`` (1-based, original file) that contains ``text``."""
    from factlint.extract import sentences

    lines = article.text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    src = lines[line - 1]
    for a, b in sentences(src):
        if text in src[a:b]:
            return src[a:b].strip()
    return src.strip()


def title_words(title: str) -> tuple[str, ...]:
    """A title as comparable words: lower-case, "quan hệ" dropped, synonyms unified ("tại" = "ở")."""
    words = title.lower().replace("“", "").replace("”", "").split()
    if words[:2] == ["quan", "hệ"]:
        words = words[2:]
    return tuple(TITLE_SYNONYMS.get(w, w) for w in words)
