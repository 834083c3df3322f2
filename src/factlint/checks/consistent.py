"""What was compared and agrees: the metrics a report lists as checked and consistent, beside the findings.

An editor learns what was checked, not only what failed. Computed here, once per run, so that the formatters
only render it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from factlint.checks.agreement import NUMERIC_KINDS
from factlint.checks.common import claims_with_metric
from factlint.findings import Finding

COMPARED_KINDS = (*NUMERIC_KINDS, "rank")  # what the agreement and rank checks compare across a period


@dataclass(frozen=True)
class Consistent:
    """A metric whose claims were compared and agree.

    Attributes:
        metric: The metric id.
        periods: The periods in which two or more of its claims were compared.
        claims: How many claims were compared.
        articles: How many articles they come from.
    """

    metric: str
    periods: tuple[str, ...]
    claims: int
    articles: int


def consistent_metrics(claims: pd.DataFrame, findings: Iterable[Finding]) -> list[Consistent]:
    """Every metric with two or more claims of one period compared, and no finding about it.

    A finding is about a metric when it names the metric or quotes one of its claims (a part in a sum that
    fails is not listed as consistent). Claims without a period are never compared, so they do not count.

    Args:
        claims: The claims table of the run.
        findings: Every finding of the run, accepted ones included.

    Returns:
        The consistent metrics, sorted by metric.
    """
    findings = list(findings)
    tagged = claims_with_metric(claims)
    cited = {(loc.path, loc.line, loc.column) for f in findings for loc in f.locations}
    quoted = pd.MultiIndex.from_frame(tagged[["path", "line", "column"]]).isin(list(cited))
    flagged = {f.metric for f in findings if f.metric} | set(tagged.loc[quoted, "metric"])
    rows = tagged[tagged["kind"].isin(COMPARED_KINDS) & (tagged["period"] != "") & tagged["low"].notna()]
    rows = rows[rows.groupby(["metric", "period"])["metric"].transform("size") >= 2]
    return [Consistent(metric, tuple(sorted(set(group["period"]))), len(group), int(group["article"].nunique()))
            for metric, group in rows.groupby("metric", sort=True) if metric not in flagged]
