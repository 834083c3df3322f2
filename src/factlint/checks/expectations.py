"""Expectations: each failure case of a metric's schema (:mod:`factlint.expectations`) becomes a finding.

Row checks give one finding per claim; period checks one per pair of periods (``monotonic``, ``max_change``) or
per period and rank (``unique_rank``), with every claim involved as a location. The message names the
expectation's rule file, line and key; the fingerprint does not (editing the rule file moves no finding).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from factlint.checks.common import amount, location
from factlint.checks.conversions import Code
from factlint.findings import Finding

if TYPE_CHECKING:
    import pandera.pandas as pa

CHECK = "expectation"
CODES = (
    Code("FL701", "expect_range", "error", "a figure lies outside the range its metric expects (`expect.range`)"),
    Code("FL702", "expect_monotonic", "error",
         "a stock falls (or a declining series rises) from one period to the next (`expect.monotonic`)"),
    Code("FL703", "expect_max_change", "warning",
         "a figure changes more from one year to the next than its metric expects (`expect.max_change`)"),
    Code("FL704", "expect_integer", "warning", "a figure its metric expects to be whole is not (`expect.integer`)"),
    Code("FL705", "expect_unique_rank", "warning",
         "two categories of one ranking share a rank in a period (`expect.unique_rank`)"),
    Code("FL706", "expect_units", "warning", "a figure in a unit its metric does not expect (`expect.units`)"),
)
_BY_TYPE = {c.name.removeprefix("expect_"): c for c in CODES}
MAX_LOCATIONS = 12


def figure(x: float, unit: str = "") -> str:
    """A bound or figure as a reader writes it: 2000000 -> "2.000.000", 4.5e10 -> "45 tỷ USD"."""
    if abs(x) >= 1e9 or abs(x - round(x)) > 1e-9:
        return amount(x, unit)
    return f"{x:,.0f}".replace(",", ".") + (f" {unit}" if unit else "")


def check_expectations(df: pd.DataFrame, schemas: dict[str, pa.DataFrameSchema]) -> list[Finding]:
    """Validate the claims table against the metric schemas; one finding per failure case."""
    if not schemas:
        return []
    from factlint.expectations import change_breaks, monotonic_breaks, ranking, shared_ranks, validate  # pandera

    out: list[Finding] = []
    seen_ranks: set[tuple[str, str, float]] = set()
    records: dict = {}  # row label -> the row as a dict, read once (``df.loc`` per row is slow)

    def rec(r: object) -> dict:
        if r not in records:
            records[r] = df.loc[r].to_dict()
        return records[r]

    for fail in validate(df, schemas):
        code, where, metric = _BY_TYPE[fail.type], fail.stats["where"], fail.metric
        records.update(df.loc[[r for r in fail.rows if r not in records]].to_dict("index"))

        def finding(message: str, rows: list, key: str, code: Code = code, metric: str = metric) -> Finding:
            locs = tuple(location(rec(r)) for r in rows[:MAX_LOCATIONS])
            return Finding(code.code, CHECK, code.severity, metric, message, locs, metric, key=key)

        if fail.type in ("range", "integer", "units"):
            for r in fail.rows:
                row = rec(r)
                what = _row_message(fail.type, fail.stats, row)
                out.append(finding(f"{metric} {row['period'] or '(no period)'}: {row['text']!r} {what} ({where})",
                                   [r], f"{fail.type}|{row['period']}"))
        elif fail.type == "monotonic":
            direction = fail.stats["direction"]
            for b in monotonic_breaks(df, metric, direction):
                verb = "falls below" if direction == "non_decreasing" else "rises above"
                out.append(finding(
                    f"{metric} {b.after}: {_quote(rec, b.after_rows)} {verb} {b.before}'s {_quote(rec, b.before_rows)}"
                    f", but the metric is expected {direction.replace('_', '-')} ({where})",
                    [*b.after_rows, *b.before_rows], f"monotonic|{b.unit}|{b.before}|{b.after}"))
        elif fail.type == "max_change":
            limit = fail.stats["max_change"]
            for b in change_breaks(df, metric, limit):
                out.append(finding(
                    f"{metric} {b.after}: {_quote(rec, b.after_rows)} against {b.before}'s "
                    f"{_quote(rec, b.before_rows)} is a change of at least {b.change:.0%}, above the expected "
                    f"{limit:.0%} a year ({where})",
                    [*b.after_rows, *b.before_rows], f"max_change|{b.unit}|{b.before}|{b.after}"))
        elif fail.type == "unique_rank":
            for period, value, mine, others in shared_ranks(df, metric):
                group = (ranking(metric), period, value)
                if group in seen_ranks:  # the other category's schema reported it already
                    continue
                seen_ranks.add(group)
                names = sorted({metric, *(rec(r)["metric"] for r in others)})
                out.append(finding(
                    f"{ranking(metric)} {period}: {', '.join(names)} all rank {int(value)} "
                    f"({_quote(rec, mine + others)}), but no two categories of the ranking share a rank ({where})",
                    [*mine, *others], f"unique_rank|{period}|{int(value)}|{'|'.join(names)}"))
    return list({f.fingerprint: f for f in out}.values())  # two rules of one metric may declare one expectation


def _row_message(kind: str, stats: dict, row: dict) -> str:
    if kind == "range":
        unit = stats["unit"] or ""
        if stats["min_value"] is not None and row["high"] < stats["min_value"] + 1e-9 * max(stats["min_value"], 1):
            return f"is below the expected minimum {figure(stats['min_value'], unit)}"
        return f"is above the expected maximum {figure(stats['max_value'], unit)}"
    if kind == "integer":
        return f"is {row['value']:g}, but the metric is expected to be a whole number"
    return f"is in {row['unit'] or '(no unit)'}, not one of the expected units {', '.join(stats['units'])}"


def _quote(rec: Callable[[object], dict], rows: tuple | list, n: int = 3) -> str:
    texts = list(dict.fromkeys(f"{rec(r)['text']!r} ({rec(r)['article']})" for r in rows))
    return ", ".join(texts[:n]) + (f" and {len(texts) - n} more" if len(texts) > n else "")
