"""Machine formats: the JSON contract, GitHub workflow annotations."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import orjson

from factlint.report import formatter, table_rows
from factlint.report.text import printable

if TYPE_CHECKING:
    from factlint.corpus import Article
    from factlint.findings import Finding
    from factlint.suite import Run

_LOC_KEYS = ("article", "path", "line", "column", "end_line", "end_column", "text")


def finding_dict(f: Finding) -> dict:
    """A finding as in the JSON contract."""
    return {
        "code": f.code, "check": f.check, "severity": f.severity, "status": f.status, "metric": f.metric,
        "message": f.message, "fingerprint": f.fingerprint, "case": f.case, "reason": f.reason,
        "locations": [{k: v for k, v in asdict(loc).items() if k in _LOC_KEYS} for loc in f.locations],
    }


def _article(run: Run, a: Article) -> dict:
    """An entry of ``articles``; a row of a table adds ``row`` (its number) and ``row_line`` (0 in Parquet)."""
    out = {"id": a.id, "path": a.path, "status": a.status, "error": a.error,
           "warnings": run.warnings.get(a.ref, []) if a.status == "ok" else list(a.warnings)}
    if a.row:
        out |= {"row": a.row, "row_line": a.row_line}
    return out


@formatter("json")
def to_json(run: Run) -> str:
    """``{"version": 1, "articles": [...], "claims": N, "findings": [...], "consistent": [...]}``.

    ``consistent`` lists the metrics compared that agree: ``{"metric", "periods", "claims", "articles"}``;
    ``open_comparables`` each open group with a finding: ``{"fingerprint", "group", "claims"}``, its claims side by
    side (article, period, text, interval, path, line…).
    """
    doc = {
        "version": 1,
        "articles": [_article(run, a) for a in run.articles],
        "claims": int(run.n_claims),
        "findings": [finding_dict(f) for f in run.findings],
        "stale_accepted": [{"fingerprint": a.fingerprint, "reason": a.reason, "line": a.line} for a in run.stale],
        "consistent": [{"metric": c.metric, "periods": list(c.periods), "claims": c.claims, "articles": c.articles}
                       for c in run.consistent],
        "open_comparables": [{"fingerprint": f.fingerprint, "group": f.data.get("group", f.case),
                              "claims": f.data.get("claims", [])}
                             for f in run.findings if f.check == "open_comparable"],
    }
    return dumps(doc)


def dumps(doc: object) -> str:
    """``doc`` as indented JSON, UTF-8 text as written (the standard encoder's ``indent=2, ensure_ascii=False``).

    orjson writes the standard library's bytes for what a report holds (strings, integers, floats; tested), about
    ten times faster on a large corpus; a float below 1e-4 spells its exponent otherwise (``1e-7``). What orjson
    refuses (a file name that is not UTF-8, a key that is not a string) falls back to the standard encoder.
    """
    try:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY).decode() + "\n"
    except TypeError:
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape(s: str, prop: bool = False) -> str:
    s = printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


@formatter("github")
def to_github(run: Run) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per new finding.

    A finding in a row of a table is annotated on the line where the row's record starts (on the file alone
    for Parquet, which has no lines); the message begins with the row's id and the line and column inside
    its text.
    """
    level = {"error": "error", "warning": "warning", "info": "notice"}
    rows = table_rows(run)
    lines = []
    for f in run.new:
        loc = f.locations[0]
        title = f"title={_escape(f.code + ' ' + f.check, True)}"
        row = rows.get((loc.path, loc.article))
        if row is None:
            props = (f"file={_escape(loc.path, True)},line={loc.line},col={loc.column},endLine={loc.end_line},"
                     f"endColumn={loc.end_column},{title}")
            message = f.message
        else:
            props = f"file={_escape(loc.path, True)},{f'line={row.row_line},' if row.row_line else ''}{title}"
            message = f"{loc.source}:{loc.line}:{loc.column}: {f.message}"
        lines.append(f"::{level[f.severity]} {props}::{_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
