"""Helpers shared by the engine's tests (a plain module: tests/ is on sys.path under pytest)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from factlint.cli import main
from factlint.extract import Claim
from factlint.table import to_frame

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "claims"  # the shipped rules: they are what the seed tests test
# The engine's own copy of the five seed articles and their accepted findings. Tests that pin the seed corpus
# read these, never the repository's articles/ (a newsroom's corpus) or checks/accepted.yaml (its reviews).
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEED_ARTICLES = SEEDS / "articles"
SEED_ACCEPTED = SEEDS / "accepted.yaml"


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


_NOT_THE_REPO = {".git", ".venv", "__pycache__", ".ruff_cache"}  # git's, pip's, Python's and the linter's own


def repo_snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of the clone (not .git, .venv, bytecode, the linter's cache): its size and mtime."""
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _NOT_THE_REPO and not d.endswith(".egg-info")]
        for name in files:
            st = os.stat(os.path.join(folder, name))
            out[os.path.relpath(os.path.join(folder, name), root)] = (st.st_size, st.st_mtime_ns)
    return out


def repo_changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """What happened to the files between two snapshots: ``created x``, ``changed y``, ``removed z``."""
    return ([f"created {p}" for p in sorted(after.keys() - before.keys())]
            + [f"changed {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
            + [f"removed {p}" for p in sorted(before.keys() - after.keys())])
