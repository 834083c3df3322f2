"""Magnitude.

One metric reported an order of magnitude away from its other reports (a slipped scale word, "nghìn" for
"triệu", "triệu" for "tỷ") - FL501.
"""

from __future__ import annotations

import math
import statistics

import pandas as pd

from factlint.checks.common import CheckConfig, claims_with_metric, location
from factlint.findings import Finding

_NUMERIC = ("money", "count", "percent")
_WORDS = {3: "nghìn", 6: "triệu", 9: "tỷ"}


def check_magnitude(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Claims whose value is ``magnitude_factor`` times away from the median of the other claims of the metric."""
    out: list[Finding] = []
    rows = claims_with_metric(df)
    rows = rows[rows["kind"].isin(_NUMERIC) & (rows["value"] > 0)]
    family = rows["unit"].where(rows["kind"] != "count", "count")  # "người" and "lao động" are both counts
    for (metric, unit), everyone in rows.groupby([rows["metric"], family], sort=True):
        if len(everyone) < 2:
            continue
        values = sorted(everyone["value"])
        overall = statistics.median(values)
        group = everyone
        if len(values) == 2:  # two reports: flag once, at the newer one (later published, then later in text)
            newer = everyone.sort_values(["published", "article", "line"]).iloc[1]
            group = everyone[everyone["claim_id"] == newer["claim_id"]]
        for r in group.to_dict("records"):
            if len(values) >= 3:
                others, median = values, overall  # the median of three or more is robust to one odd report
            else:
                others = list(values)
                others.remove(r["value"])
                median = statistics.median(others)
            ratio = r["value"] / median
            if 1 / cfg.magnitude_factor < ratio < cfg.magnitude_factor:
                continue
            # a report is the odd one out only if it is alone on its side of the median
            side = [v for v in values if (v >= r["value"] if ratio > 1 else v <= r["value"])]
            if len(side) > len(values) / 2:
                continue
            power = round(math.log10(ratio))
            hint = ""
            if abs(power) in (3, 6):
                hint = " - a slipped scale word?"
            ref = everyone[everyone["value"] == min(others, key=lambda v: abs(math.log10(v / median)))].iloc[0]
            out.append(Finding(
                "FL501", "magnitude", "error", metric,
                f"{metric}: {r['article']} reports {r['text']!r} ({r['period'] or 'no period'}), about 10^{power} "
                f"times the other reports (median {median:g} {unit}, e.g. {ref['text']!r} in {ref['article']})"
                + hint,
                (location(r), location(ref)), f"{metric}-{r['period']}", key=f"{r['text']}|{power}",
            ))
    return out
