"""A figure and its own restatement: the headline or a photo caption against the body of the same article.

"Xuất khẩu sang Nhật Bản đạt gần 10 tỷ USD" in the headline and "xuất khẩu … đạt 9,6 tỷ USD" in the body are
one figure said twice: their intervals must meet. Only the flows a headline sums up (trade, exports, FDI,
visitors, revenue…: ``factlint.vi.measures.FLOWS``) of a named subject are compared: a price or a count in a
headline is too often another item's than the body's. The headline is the article's first line when it has no
front matter (the shape of news dumps and scraped pages); a caption is a sentence a photo credit follows
(``caption`` in the claims table), read like a headline: a summary of what the body states. A body figure
restates the headline's when both have the same kind, unit, measure key (and product: "xuất khẩu thủy sản" is
not "xuất khẩu"), subject key and modality, and the same period (a headline without one is of the publication
year: a body figure of another year is another figure). The headline is faulted (FL106) only when the body states
that figure, always alike (its claims meet each other), and no body figure of the same kind and unit meets the
headline's within ``arithmetic_tolerance``.
"""

from __future__ import annotations

import pandas as pd

from factlint.checks.common import CheckConfig, Interval, interval, location, severity_for_gap, widen
from factlint.checks.conversions import Code, figures
from factlint.findings import Finding
from factlint.vi.comparable import product
from factlint.vi.measures import FLOWS

CODES = (
    Code("FL106", "restatement", "error",
         "a headline or caption figure does not meet the body's figure of the same subject, measure and period"),
)
KINDS = ("money", "count")  # a percentage beside a flow is its change or share, never the flow itself
KEYS = ("kind", "unit", "measure_key", "subject_key", "modality")


def _same_period(h: dict, b: dict) -> bool:
    """A headline figure without a period is of the publication year: a body figure of another year is not it."""
    if h["period"]:
        return b["period"] == h["period"]
    return not b["period"] or bool(h["published"]) and b["period"].startswith(h["published"][:4])


def check_restatements(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Headline figures that the body states otherwise (FL106)."""
    if df.empty:
        return []
    d = df[df["kind"].isin(KINDS) & df["low"].notna() & df["measure_key"].isin(FLOWS) & (df["subject_key"] != "")
           & (df["unit"] != "")]
    caption = df["caption"] if "caption" in df else pd.Series(False, index=df.index)  # a table from before it
    summary = (d["line"] == 1) | caption[d.index]
    heads = d[summary]
    if heads.empty:
        return []
    arts = set(heads["article"])
    body = d[d["article"].isin(arts) & ~summary]
    index: dict[tuple, list[dict]] = {}
    same_unit: dict[tuple, list[Interval]] = {}
    for r in body.to_dict("records"):
        index.setdefault((r["article"], *(r[k] for k in KEYS), product(r["measure"])), []).append(r)
    told = df[df["article"].isin(arts) & (df["line"] > 1) & ~caption & df["low"].notna()]
    for r in told.to_dict("records"):
        same_unit.setdefault((r["article"], r["kind"], r["unit"]), []).append(interval(r))
    out: list[Finding] = []
    t = cfg.arithmetic_tolerance
    for h in heads.to_dict("records"):
        key = (h["article"], *(h[k] for k in KEYS), product(h["measure"]))  # shrimp exports are not exports
        cands = [b for b in index.get(key, []) if _same_period(h, b)]
        if not cands:
            continue
        hiv = widen(interval(h), t)
        if any(hiv.meets(iv) for iv in same_unit.get((h["article"], h["kind"], h["unit"]), [])):
            continue  # the body states the headline's figure somewhere, whatever it is attributed to
        if len({b["period"] for b in cands}) > 1 or not all(
                interval(a).meets(interval(b)) for a in cands for b in cands):
            continue  # the body states several figures of this measure: which one the headline restates is unclear
        b = cands[0]
        biv = interval(b)
        gap = hiv.gap(biv)
        unit = h["unit"]
        period = f" ({b['period']})" if b["period"] else ""
        out.append(Finding(
            "FL106", "restatement", severity_for_gap(gap, max(abs(hiv.hi), abs(biv.hi)), cfg), "",
            f"{'the headline' if h['line'] == 1 else 'a photo caption'} says {h['text']!r} "
            f"({figures(interval(h), unit)}); the body says {b['text']!r} "
            f"({figures(biv, unit)}) of the same {b['measure'] or b['measure_key']!r}{period}: off by "
            f"{figures(Interval(gap, gap), unit)} beyond a {t:.0%} tolerance",
            (location(h), location(b)), h["article"], key=f"{h['text']}|{b['text']}", data={"gap": gap}))
    return out
