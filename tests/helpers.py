"""Helpers shared by the engine's tests (a plain module: tests/ is on sys.path under pytest)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from factlint.cli import main
from factlint.extract import Claim
from factlint.table import to_frame


def invoke_in(folder: Path, *args: str) -> Result:
    """Run ``factlint ARGS`` with ``folder`` as the working folder."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def claim(article: str = "a1", text: str = "x", kind: str = "money", value: float | None = 1.0,
          low: float | None = None, high: float | None = None, unit: str = "USD", metric: str = "m.x.y",
          period: str = "2023", lo_open: bool = False, hi_open: bool = False, **kw: object) -> Claim:
    """A claims-table row for hand-built tables (defaults for every column a check does not look at)."""
    base = dict(article=article, path=f"{article}.md", line=kw.pop("line", 1), column=1, end_line=1, end_column=2,
                text=text, kind=kind, value=value, low=value if low is None else low,
                high=value if high is None else high, unit=unit, qualifier=kw.pop("qualifier", ""), metric=metric,
                period=period, subject="", sentence=kw.pop("sentence", text), claim_id=f"{article}:{text}",
                published=kw.pop("published", "2023-12-01"), low_open=lo_open, high_open=hi_open)
    base.update(kw)
    return Claim(**base)


def table(*claims: Claim):  # noqa: ANN201 - a DataFrame
    """The claims table of ``claims``."""
    return to_frame(list(claims))
