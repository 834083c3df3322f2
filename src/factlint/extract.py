"""Articles x rules -> claims.

Every quantity the reader finds, located in the original file and tagged by the claim rules with what it is
about (``metric``, ``period``), and attributed (``subject``, ``measure``, ``period_kind``, ``modality``).
"""

from __future__ import annotations

import bisect
import hashlib
import operator
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

import regex

from factlint.attribute import Places, attribute, with_units
from factlint.corpus import Article
from factlint.quantity import Quantity

if TYPE_CHECKING:
    from factlint.rules import RuleSet
    from factlint.vi.reader import Reader

# A sentence ends after a full stop (with its closing quotes and brackets) before a capital, a digit or an opening
# quote, or at a line break. The pattern starts at the stop itself, not after it (a lookbehind would be tried at
# every character; a character class lets the scan skip ahead): a break that is no line break starts one further.
_SENTENCE_END = regex.compile(r"[.!?…;][\"”’)\]]*[ \t]+(?=[\p{Lu}\d“\"(])|\n+")


@dataclass(frozen=True, slots=True)
class Claim:
    """One row of the claims table (the columns of the ``factlint extract`` contract, then extensions)."""

    article: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    metric: str
    period: str
    subject: str
    sentence: str
    claim_id: str = ""
    published: str = ""
    outlet: str = ""
    direction: str = "exact"
    low_open: bool = False
    high_open: bool = False
    date: str = ""
    malformed: str = ""
    rule: str = ""
    period_source: str = ""
    after: str = ""  # the rest of the sentence after a count (for "05 tỉnh A, B, C…"); empty for other kinds
    offset: int = 0
    subject_key: str = ""
    measure: str = ""
    measure_key: str = ""
    period_kind: str = "none"
    modality: str = "actual"
    caption: bool = False  # the figure is in a photo caption (a headline-like restatement of the body)

    def as_dict(self) -> dict:
        """Return the row as a plain dict."""
        return asdict(self)

    def as_tuple(self) -> tuple:
        """Return the row as a tuple in column order (cheap to pickle between processes)."""
        return _COLUMNS_OF(self)


CLAIM_COLUMNS = [f.name for f in fields(Claim)]
_COLUMNS_OF = operator.attrgetter(*CLAIM_COLUMNS)


def sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans (start, end)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if text[m.start()] == "\n" else m.start() + 1  # the stop ends its sentence
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def claim_id(article: str, q: Quantity, ordinal: int) -> str:
    """A stable id: article, surface text and its ordinal among equal texts (not the offset)."""
    h = hashlib.sha1(f"{article}\x1f{q.text}\x1f{ordinal}".encode()).hexdigest()[:12]
    return f"{article}:{h}"


def extract_article(article: Article, rules: RuleSet | None = None, reader: Reader | None = None) -> list[Claim]:
    """Read the quantities of one article and turn them into claims.

    Args:
        article: A loaded article (``status == "ok"``).
        rules: Claim rules that tag quantities with metric, period and subject; ``None`` leaves them empty.
        reader: The quantity reader (the default configuration when ``None``).

    Returns:
        Claims in text order.

    """
    return [Claim(*row) for row in claim_rows(article, rules, reader)]


def claim_rows(article: Article, rules: RuleSet | None = None, reader: Reader | None = None) -> list[tuple]:
    """The claims of one article as rows of the table (tuples in :data:`CLAIM_COLUMNS` order), in text order.

    What :func:`extract_article` returns, without building a :class:`Claim` for each: a run ships and tables
    rows, and a frozen dataclass is built one field at a time.
    """
    from factlint.vi.reader import read_quantities  # the grammar compiles on first use, not at import
    from factlint.vi.traps import is_caption

    body = article.body
    base = article.body_start
    quantities = read_quantities(body, article.published, reader)
    spans = sentences(body)
    starts = [s for s, _ in spans]
    places = Places(body, spans)
    # relative periods and dates after publication need the stated date: an inferred one is the first date the
    # text happens to give (an undated article's "năm nay" stays unresolved)
    atts = attribute(body, quantities, spans, article.published_stated, places=places)
    quantities = with_units(quantities, atts)
    tags = rules.tag(body, quantities, spans, article, atts, places) if rules is not None else {}
    seen: dict[str, int] = {}
    quoted: dict[int, str] = {}  # one string per sentence, shared by its claims (pickled and held once)
    out = []
    # an inferred date dates the figures (the reader's year, the period fallback) but is not claimed as the
    # article's publication: checks against it would fault the article for a guess
    pub = article.published_stated.isoformat() if article.published_stated else ""
    outlet = article.outlet
    for i, q in enumerate(quantities):
        si = max(bisect.bisect_right(starts, q.start) - 1, 0)
        s0, s1 = spans[si] if spans else (0, len(body))
        if si not in quoted:
            quoted[si] = body[s0:s1].strip()
        line, col, end_line, end_col = article.span(base + q.start, base + q.end)
        n = seen[q.text] = seen.get(q.text, -1) + 1
        att = atts[i]
        metric, period, period_source, rule = tags.get(i, ("", att.period, "stated" if att.period else "", ""))
        out.append((  # the fields of Claim, in order
            article.id, article.path, line, col, end_line, end_col, q.text, q.kind, q.value, q.low, q.high,
            q.unit, q.hedge, metric, period, att.subject, quoted[si],
            claim_id(article.id, q, n), pub, outlet, q.direction, q.low_open, q.high_open, q.date, q.malformed,
            rule, period_source, body[q.end:s1][:200] if q.kind == "count" else "", base + q.start,
            att.subject_key, att.measure, att.measure_key, att.period_kind, att.modality,
            is_caption(body, q.end, s1),
        ))
    return out


def extract_corpus(articles: list[Article], rules: RuleSet | None = None, reader: Reader | None = None
                   ) -> list[Claim]:
    """Claims of every readable article, in corpus order."""
    out: list[Claim] = []
    for art in articles:
        if art.status == "ok":
            out.extend(extract_article(art, rules, reader))
    return out
