"""SARIF 2.1.0: each finding a result on the article's line and column, other locations as related ones.

A claim in a row of a table (JSONL, CSV, Parquet) points at the row's record in the file (``region.startLine``;
line 1 in Parquet, which has no lines), names the row as a logical location (``file#id``) and gives the line
and column inside the row's text in the location's message and ``properties.textRegion``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from factlint import __version__
from factlint.checks import CODES as REGISTERED
from factlint.report import formatter, table_rows

if TYPE_CHECKING:
    from factlint.corpus import Article
    from factlint.findings import Finding, Location
    from factlint.suite import Run

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
CODES = {
    "FL001": "Article could not be read", "FL101": "Figures of one metric and period disagree",
    "FL102": "Amounts in two currencies disagree at every exchange rate of the period",
    "FL104": "No exchange rate for a currency and year", "FL201": "A total does not match the sum of its parts",
    "FL202": "A part exceeds its whole", "FL203": "A count does not match the list that follows it",
    "FL301": "A ranking category changes rank", "FL302": "Two categories of one ranking share a rank",
    "FL401": "An anniversary does not fit the founding date", "FL402": "An event is dated after publication",
    "FL403": "A date range ends before it starts", "FL501": "A figure is an order of magnitude off",
    "FL601": "Malformed numeral", "FL602": "Rare spelling of a name", "FL603": "A title drops words",
} | {c.code: c.description[:1].upper() + c.description[1:] for c in REGISTERED.values()}


def _physical(loc: Location, rows: dict[tuple[str, str], Article]) -> dict:
    """A location in a file; in a row of a table, the row's record, its id and the region inside its text."""
    row = rows.get((loc.path, loc.article))
    if row is not None:
        return {
            "physicalLocation": {"artifactLocation": {"uri": loc.path, "uriBaseId": "SRCROOT"},
                                 "region": {"startLine": row.row_line or 1}},
            "logicalLocations": [{"name": loc.article, "fullyQualifiedName": loc.source, "kind": "object"}],
            "message": {"text": f"row {row.row}, id {loc.article!r}: line {loc.line}, column {loc.column} of its "
                                f"text: {loc.text}"},
            "properties": {"row": row.row, "id": loc.article, "textRegion": {
                "startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
                "endColumn": loc.end_column, "snippet": loc.text}},
        }
    region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
              "endColumn": loc.end_column}
    if loc.text:
        region["snippet"] = {"text": loc.text}
    return {"physicalLocation": {"artifactLocation": {"uri": loc.path, "uriBaseId": "SRCROOT"}, "region": region}}


def _result(f: Finding, rule_index: dict[str, int], rows: dict[tuple[str, str], Article]) -> dict:
    primary, *related = f.locations
    res = {
        "ruleId": f.code, "ruleIndex": rule_index[f.code], "level": LEVELS[f.severity],
        "message": {"text": f.message}, "locations": [_physical(primary, rows)],
        "partialFingerprints": {"factlint/v1": f.fingerprint},
        "properties": {"check": f.check, "metric": f.metric, "case": f.case, "status": f.status},
    }
    if related:
        res["relatedLocations"] = [
            {"id": i + 1, **_physical(loc, rows), "message": {"text": f"{loc.article}: {loc.text}"}}
            for i, loc in enumerate(related)
        ]
    if f.status == "accepted":
        res["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.reason}]
    return res


@formatter("sarif")
def to_sarif(run: Run) -> str:
    """A SARIF 2.1.0 log with one run; accepted findings carry an external suppression."""
    codes = sorted({f.code for f in run.findings})
    rule_index = {c: i for i, c in enumerate(codes)}
    rows = table_rows(run)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint", "version": __version__,
                "informationUri": "https://github.com/factlint/factlint",
                "rules": [{"id": c, "name": c, "shortDescription": {"text": CODES.get(c, c)}} for c in codes],
            }},
            "originalUriBaseIds": {"SRCROOT": {"description": {"text": "the repository root"}}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, rule_index, rows) for f in run.findings],
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
