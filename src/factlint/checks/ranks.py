"""Ranks.

A ranking category keeps one rank across the articles of a period (FL301), and within one ranking in one
article two categories do not share a rank (FL302).
"""

from __future__ import annotations

import pandas as pd

from factlint.checks.agreement import MAX_RELATED
from factlint.checks.common import CheckConfig, claims_with_metric, few, location
from factlint.findings import Finding


def _family(metric: str) -> str:
    return metric.rsplit(".", 1)[0]


def check_ranks(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Findings for changed ranks and shared ranks."""
    out: list[Finding] = []
    ranks = claims_with_metric(df)
    ranks = ranks[ranks["kind"] == "rank"]
    history = {m: g["value"].value_counts() for m, g in ranks.groupby("metric")}
    for (metric, period), group in ranks.groupby(["metric", "period"], sort=True):
        if group["value"].nunique() < 2:
            continue
        # the reference is the rank most articles of the period give; ties go to the rank the category has
        # most often in every period, then to the better rank
        counts = group["value"].value_counts()
        ref_value = sorted(counts.index, key=lambda v: (-counts[v], -history[metric].get(v, 0), v))[0]
        ref = group[group["value"] == ref_value]
        for r in group[group["value"] != ref_value].to_dict("records"):
            out.append(Finding(
                "FL301", "rank", "error", metric,
                f"{metric} {period}: {r['article']} ranks it {int(r['value'])} ({r['text']!r}) where "
                f"{few(ref['article'])} rank it {int(ref_value)} ({ref.iloc[0]['text']!r})",
                (location(r),) + tuple(location(x) for x in ref.head(MAX_RELATED).to_dict("records")),
                f"{metric}-{period}",
                key=f"{r['text']}|{int(ref_value)}",
            ))
    shared: dict[tuple[str, float, str], list] = {}
    for row in ranks.itertuples(index=False):
        shared.setdefault((row.article, row.value, _family(row.metric)), []).append(row)
    for (article, value, family), rows in sorted(shared.items()):
        metrics = sorted({x.metric for x in rows})
        if len(metrics) < 2:
            continue
        out.append(Finding(
            "FL302", "rank", "warning", metrics[0],
            f"{article}: {', '.join(metrics)} all rank {int(value)} in the {family} ranking "
            f"({', '.join(repr(x.text) for x in rows)})",
            tuple(location(x) for x in rows), f"{family}-{article}", key="|".join(metrics),
        ))
    return out
