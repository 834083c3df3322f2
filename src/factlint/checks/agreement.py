"""Agreement: claims of one metric and period, across articles and within one, must agree as intervals.

Amounts in different currencies are compared in USD at any rate of the period's range, so "hơn 100 tỷ yên"
and "gần 800 triệu USD" agree in 2023. Pairs an order of magnitude apart are left to the magnitude check.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from factlint.checks.common import (
    CheckConfig,
    FxGap,
    FxTable,
    Interval,
    claims_with_metric,
    currency,
    few,
    interval,
    location,
    per_unit,
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
    per = {per_unit(u) for u in units}
    suffix = f"/{next(iter(per))}" if len(per) == 1 and "" not in per else ""  # prices per one unit: "VND/kg"
    for r in rows:
        try:
            out.append((r, fx.to_usd(interval(r), currency(r["unit"]) if suffix else r["unit"], period)))
        except FxGap as gap:
            gaps.append((r, gap))
    return out, "USD" + suffix, gaps


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


class _Against(NamedTuple):
    """A claim of the consensus that an outlier does not meet."""

    row: dict
    iv: Interval
    gap: float
    ref: float  # the larger figure of the pair: the gap's share is taken of it
    same_unit: bool

    @property
    def share(self) -> float:
        return self.gap / self.ref if self.ref > 0 else math.inf


def _disagreement(metric: str, period: str, unit: str, r: dict, iv: Interval, agree: list,
                  cfg: CheckConfig) -> Finding | None:
    """The finding for an outlier: every agreeing claim it does not meet, its severity from the largest gap.

    A vaguer claim of the consensus that the outlier meets is not against it ("gần 80" hides neither "70" nor
    "76,1"). Pairs an order of magnitude apart are left to the magnitude check; an outlier with nothing left
    against it is no finding.
    """
    against = []
    for a, a_iv in agree:
        if iv.meets(a_iv):
            continue
        lo_v, hi_v = sorted((abs(r["value"] or 0), abs(a["value"] or 0)))
        same_unit = r["unit"] == a["unit"] or r["kind"] == "count"
        if same_unit and lo_v > 0 and hi_v / lo_v >= cfg.magnitude_factor:
            continue  # a slipped scale word: the magnitude check reports it
        against.append(_Against(a, a_iv, iv.gap(a_iv), max(abs(iv.hi), abs(a_iv.hi)), same_unit))
    if not against:
        return None
    against.sort(key=lambda x: (x.share, x.gap), reverse=True)  # stable: ties keep the consensus order
    worst = against[0]
    # a conversion finding when another currency disagrees at every rate of the period
    mixed = unit == "USD" and not all(x.same_unit for x in against)
    said: dict[tuple[str, str], list[str]] = {}  # one phrase per wording: a thousand copies are one line
    for x in against:
        rate = "" if x.same_unit or unit != "USD" else f" at any {period} exchange rate"
        said.setdefault((x.row["text"], f"{span(x.iv, unit)}){rate}"), []).append(x.row["article"])
    others = " and ".join(f"{few(arts)} {'says' if len(set(arts)) == 1 else 'say'} {text!r} ({where}"
                          for (text, where), arts in list(said.items())[:MAX_RELATED])
    if len(said) > MAX_RELATED:
        others += f" and {len(said) - MAX_RELATED} more figures"
    gap = f"gap {span(Interval(worst.gap, worst.gap), unit)} ({worst.share:.1%})"
    if len(said) > 1:
        gap = f"largest {gap}, to {worst.row['article']}'s {worst.row['text']!r}"
    named = {id(x.row) for x in against}
    related = [x.row for x in against] + [c for c, _ in agree if id(c) not in named]
    return Finding(
        "FL102" if mixed else "FL101", "conversion" if mixed else "agreement",
        severity_for_gap(worst.gap, worst.ref, cfg), metric,
        f"{metric} {period}: {r['article']} says {r['text']!r} ({span(iv, unit)}) but {others}; {gap}",
        (location(r),) + tuple(location(c) for c in related[:MAX_RELATED]), f"{metric}-{period}",
        key="|".join([r["text"]] + sorted({x.row["text"] for x in against})),
        data={"unit": unit, "gap": worst.gap, "agreeing": len(agree), "against": len(against)},
    )


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
        for r, iv in outliers:
            f = _disagreement(metric, period, unit, r, iv, agree, cfg)
            if f is not None:
                out.append(f)
    return out
