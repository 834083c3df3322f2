"""Agreement: claims of one metric and period, across articles and within one, must agree as intervals.

Amounts in different currencies are compared in USD at any rate of the period's range, so "hơn 100 tỷ yên"
and "gần 800 triệu USD" agree in 2023. Pairs an order of magnitude apart are left to the magnitude check.
"""

from __future__ import annotations

import pandas as pd

from factlint.checks.common import (
    CheckConfig,
    FxGap,
    FxTable,
    Interval,
    claims_with_metric,
    interval,
    location,
    severity_for_gap,
    span,
)
from factlint.findings import Finding

MAX_RELATED = 10  # related locations quoted per finding (the agreeing claims can number thousands)
NUMERIC_KINDS = ("money", "count", "percent")  # durations are mostly anniversaries: see the dates check


def comparable(group: pd.DataFrame, fx: FxTable, period: str) -> tuple[list[tuple[pd.Series, Interval]], str, list]:
    """Intervals of a group in one unit: native when all share a currency, else USD. Also FX gaps."""
    units = set(group["unit"])
    rows = group.to_dict("records")
    money = set(group["kind"]) == {"money"}
    if not money or len(units) == 1:
        return [(r, interval(r)) for r in rows], (next(iter(units)) if money else ""), []
    out, gaps = [], []
    for r in rows:
        try:
            out.append((r, fx.to_usd(interval(r), r["unit"], period)))
        except FxGap as gap:
            gaps.append((r, gap))
    return out, "USD", gaps


def consensus(items: list[tuple[pd.Series, Interval]]) -> tuple[list, list]:
    """Split items into the largest set sharing one point and the rest, in O(k log k).

    A sweep over the interval ends (an open end leaves before, a closed start enters before a closed end at
    the same point) finds where the most intervals overlap.
    """
    if len(items) == 2 and not items[0][1].meets(items[1][1]):
        # two reports that disagree: the older one stands, the newer one is the finding
        older, newer = sorted(items, key=lambda it: (it[0]["published"], it[0]["article"], it[0]["line"]))
        return [older], [newer]
    events = []
    for i, (_, iv) in enumerate(items):
        events.append((iv.lo, 2 if iv.lo_open else 0, i))
        events.append((iv.hi, -1 if iv.hi_open else 1, i))
    events.sort(key=lambda e: (e[0], e[1]))
    depth = best_depth = 0
    best_at = -1
    for n, (_, kind, _) in enumerate(events):
        depth += 1 if kind in (0, 2) else -1
        if depth > best_depth:
            best_depth, best_at = depth, n
    active: set[int] = set()
    for _, kind, i in events[: best_at + 1]:
        if kind in (0, 2):
            active.add(i)
        else:
            active.discard(i)
    agree = [it for i, it in enumerate(items) if i in active]
    return agree, [it for i, it in enumerate(items) if i not in active]


def check_agreement(df: pd.DataFrame, cfg: CheckConfig, fx: FxTable) -> list[Finding]:
    """Findings for claims of one metric and period that do not agree (FL101) or lack a rate (FL104)."""
    out: list[Finding] = []
    rows = claims_with_metric(df)
    rows = rows[rows["kind"].isin(NUMERIC_KINDS) & (rows["period"] != "") & rows["low"].notna()]
    for (metric, period), group in rows.groupby(["metric", "period"], sort=True):
        items, unit, gaps = comparable(group, fx, period)
        for r, gap in gaps:
            out.append(Finding("FL104", "conversion", "warning", metric,
                               f"{metric} {period}: cannot compare {r['text']!r} with the other currencies: "
                               f"{fx.where(gap.currency)}: {gap}",
                               (location(r),), f"{metric}-{period}", key=f"fx:{gap.currency}:{gap.year}"))
        if len(items) < 2:
            continue
        agree, outliers = consensus(items)
        highest = max(agree, key=lambda it: it[1].hi)
        lowest = min(agree, key=lambda it: it[1].lo)
        for r, iv in outliers:
            nearest = highest if iv.lo >= highest[1].hi else lowest
            gap = iv.gap(nearest[1])
            ref = max(abs(iv.hi), abs(nearest[1].hi))
            lo_v, hi_v = sorted((abs(r["value"] or 0), abs(nearest[0]["value"] or 0)))
            same_unit = r["unit"] == nearest[0]["unit"] or r["kind"] == "count"
            if same_unit and lo_v > 0 and hi_v / lo_v >= cfg.magnitude_factor:
                continue  # a slipped scale word: the magnitude check reports it
            mixed = unit == "USD" and not same_unit
            out.append(Finding(
                "FL102" if mixed else "FL101", "conversion" if mixed else "agreement",
                severity_for_gap(gap, ref, cfg), metric,
                f"{metric} {period}: {r['article']} says {r['text']!r} ({span(iv, unit)}) but "
                f"{nearest[0]['article']} says {nearest[0]['text']!r} ({span(nearest[1], unit)})"
                f"{' at any ' + period + ' exchange rate' if mixed else ''}; gap {span(Interval(gap, gap), unit)}"
                f" ({gap / ref:.1%})",
                (location(r),) + tuple(location(a) for a, _ in agree[:MAX_RELATED]), f"{metric}-{period}",
                key=f"{r['text']}|{nearest[0]['text']}",
                data={"unit": unit, "gap": gap, "agreeing": len(agree)},
            ))
    return out
