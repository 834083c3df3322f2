"""Find and load articles: files in folders (:mod:`.files`) and rows of tables (:mod:`.tables`).

Every path given ends up as :class:`Article` entries, ``status="ok"`` or ``status="error"`` with a message
naming the file (and line or row where there is one). Nothing is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factlint.corpus.article import (
    INVISIBLE,
    SPACES,
    TABLE_SUFFIXES,
    Article,
    CorpusError,
    decode,
    infer_published,
    is_table,
    mark_duplicates,
    normalise,
    source_ref,
)
from factlint.corpus.files import ARTICLE_SUFFIXES, discover, display_path, load_article
from factlint.corpus.tables import BY_DEFAULT, Columns, Row, read_table, row_article

__all__ = ["ARTICLE_SUFFIXES", "BY_DEFAULT", "INVISIBLE", "SPACES", "TABLE_SUFFIXES", "Article", "Columns",
           "CorpusError", "Row", "decode", "discover", "display_path", "infer_published", "is_table", "load_article",
           "load_corpus", "load_table", "mark_duplicates", "normalise", "read_table", "row_article", "source_ref"]


def load_table(path: Path, shown: str, columns: Columns = BY_DEFAULT, encoding: str | None = None) -> list[Article]:
    """Every row of a table as an article; a file that cannot be read as a table is one error entry."""
    try:
        rows = read_table(path, shown, columns, encoding)
    except CorpusError as exc:
        return [Article(path=shown, id=shown, status="error", error=str(exc))]
    return [row_article(r) for r in rows]


def load_corpus(paths: Iterable[str | Path], encoding: str | None = None, columns: Columns = BY_DEFAULT
                ) -> list[Article]:
    """Load every article under ``paths``; duplicate ids and bad paths become error entries.

    Args:
        paths: Files, folders, or tables (``.jsonl``, ``.csv``, ``.parquet``: one article a row).
        encoding: Fallback codec for files that are not UTF-8.
        columns: Which column of a table holds which field.

    Returns:
        One :class:`Article` per file, table row or bad path, in a deterministic order.

    """
    out: list[Article] = []
    for path, shown, error in discover(paths):
        if path is None:
            out.append(Article(path=shown, id=shown, status="error", error=error))
        elif is_table(shown):
            out += load_table(path, shown, columns, encoding)
        else:
            out.append(load_article(path, shown, encoding))
    mark_duplicates(out)
    return out
