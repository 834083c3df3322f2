"""Write the report files of a run into a folder (``reports/``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factlint.report import FORMATTERS

if TYPE_CHECKING:
    from factlint.suite import Run

REPORT_FILES = {"discrepancies.md": "markdown", "discrepancies.html": "html", "findings.json": "json"}


def write_reports(run: Run, folder: Path) -> list[Path]:
    """Write discrepancies.md/.html, findings.json and claims.csv; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, fmt in REPORT_FILES.items():
        if fmt in FORMATTERS:
            p = folder / name
            p.write_text(FORMATTERS[fmt](run), encoding="utf-8")
            written.append(p)
    p = folder / "claims.csv"
    run.claims.drop(columns=["offset"]).to_csv(p, index=False, lineterminator="\n")
    written.append(p)
    return written
