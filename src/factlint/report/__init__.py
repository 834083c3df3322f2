"""Formatters: each a function from a run's findings (and the data they cite) to text.

Formatters never compute findings; checks never format. Register a new one with :func:`formatter`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.corpus import Article
    from factlint.suite import Run

FORMATTERS: dict[str, Callable[[Run], str]] = {}


def formatter(name: str) -> Callable[[Callable[[Run], str]], Callable[[Run], str]]:
    """Register a formatter under ``name`` (the value of ``--format``)."""
    def deco(fn: Callable[[Run], str]) -> Callable[[Run], str]:
        FORMATTERS[name] = fn
        return fn
    return deco


def table_rows(run: Run) -> dict[tuple[str, str], Article]:
    """The articles that are rows of a table, by (file, id): where each row's record sits in its file."""
    out: dict[tuple[str, str], Article] = {}
    for a in run.articles:
        if a.row:
            out.setdefault((a.path, a.id), a)  # of a duplicate id, the row that was read
    return out


def render(name: str, run: Run) -> str:
    """Render ``run`` with the formatter registered as ``name``."""
    return FORMATTERS[name](run)


from factlint.report import html, machine, markdown, sarif, text  # noqa: E402,F401  - registers the formatters

__all__ = ["FORMATTERS", "formatter", "render", "table_rows"]

