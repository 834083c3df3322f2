"""Relations declared in ``claims/relations.yaml``.

Totals and their parts, parts and their wholes; and a count against the list of names that follows it ("05
tỉnh Aichi, Niigata, …").
"""

from __future__ import annotations

import pandas as pd
import regex

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

RELATION_TYPES = ("sum", "part_of", "anniversary")

_NAME = r"\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*)*"
# After "và", an office begins a new phrase, not the list's last name: "4 tỉnh A, B, C, D và Bí thư Khu ủy …"
_OFFICES = (r"(?:Tổng Bí thư|Bí thư|Chủ tịch|Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Tổng thống|Đại sứ|"
            r"Thống đốc|Giám đốc)\b")
_LIST = regex.compile(rf"^[ \t]*(?P<intro>(?:\((?:gồm|là)?[ \t]*)?(?:gồm[ \t]+|là[ \t]+|:[ \t]*)?)"
                      rf"(?P<items>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*"
                      rf"(?:[ \t]*,?[ \t]+(?:và|cùng)[ \t]+(?!{_OFFICES}){_NAME}))(?![ \t]*,[ \t]*\p{{Ll}})")
_SPLIT = regex.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+(?:và|cùng)[ \t]+")


def _in_usd(row: dict, iv: Interval, unit: str, fx: FxTable, period: str) -> Interval:
    return iv if row["unit"] == unit else fx.to_usd(iv, row["unit"], period)


class _Index:
    """Tagged claims by (metric, period) and by (metric, period, article), built once per check."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.by_period: dict[tuple[str, str], list[dict]] = {}
        self.by_article: dict[tuple[str, str, str], list[dict]] = {}
        for row in claims_with_metric(df).to_dict("records"):
            if row["period"]:
                self.by_period.setdefault((row["metric"], row["period"]), []).append(row)
                self.by_article.setdefault((row["metric"], row["period"], row["article"]), []).append(row)

    def pick(self, metric: str, period: str, article: str) -> list[dict]:
        """The claims of ``metric`` in ``period`` from ``article`` if it has some, else from every article."""
        return self.by_article.get((metric, period, article)) or self.by_period.get((metric, period), [])


def check_sums(df: pd.DataFrame, cfg: CheckConfig, fx: FxTable) -> list[Finding]:
    """A total must meet the sum of its parts (FL201)."""
    out: list[Finding] = []
    index = _Index(df)
    for rel in cfg.relations:
        if rel.get("type") != "sum":
            continue
        total_m, parts_m = rel["total"], list(rel["parts"])
        for (metric, period), totals in sorted(index.by_period.items()):
            if metric != total_m:
                continue
            for t in totals:
                parts = [index.pick(pm, period, t["article"]) for pm in parts_m]
                if not all(parts):
                    continue  # a part is not stated anywhere for this period: nothing to check
                parts = [p[0] for p in parts]
                unit = t["unit"] if all(p["unit"] == t["unit"] for p in parts) else "USD"
                try:
                    total_iv = _in_usd(t, interval(t), unit, fx, period)
                    sum_iv = Interval(0.0, 0.0)
                    for p in parts:
                        sum_iv = sum_iv + _in_usd(p, interval(p), unit, fx, period)
                except FxGap:
                    continue
                if total_iv.meets(sum_iv):
                    continue
                gap = total_iv.gap(sum_iv)
                terms = " + ".join(repr(p["text"]) for p in parts)
                out.append(Finding(
                    "FL201", "sum", severity_for_gap(gap, max(abs(total_iv.hi), abs(sum_iv.hi)), cfg), total_m,
                    f"{total_m} {period}: total {t['text']!r} ({span(total_iv, unit)}) does not match the sum of its "
                    f"parts {terms} = {span(sum_iv, unit)}; gap {span(Interval(gap, gap), unit)}",
                    (location(t),) + tuple(location(p) for p in parts), f"{total_m}-{period}",
                    key=f"{t['text']}|{terms}", data={"unit": unit, "gap": gap},
                ))
    return out


def check_parts(df: pd.DataFrame, cfg: CheckConfig, fx: FxTable) -> list[Finding]:
    """A part cannot exceed its whole (FL202)."""
    out: list[Finding] = []
    index = _Index(df)
    for rel in cfg.relations:
        if rel.get("type") != "part_of":
            continue
        part_m, whole_m = rel["part"], rel["whole"]
        for (metric, period), parts in sorted(index.by_period.items()):
            if metric != part_m:
                continue
            for p in parts:
                wholes = index.pick(whole_m, period, p["article"])
                if not wholes:
                    continue
                w = wholes[0]
                unit = p["unit"] if p["unit"] == w["unit"] else "USD"
                try:
                    piv = _in_usd(p, interval(p), unit, fx, period)
                    wiv = _in_usd(w, interval(w), unit, fx, period)
                except FxGap:
                    continue
                if piv.lo <= wiv.hi or (piv.lo == wiv.hi and not (piv.lo_open or wiv.hi_open)):
                    continue
                gap = piv.lo - wiv.hi
                out.append(Finding(
                    "FL202", "part_of", severity_for_gap(gap, abs(piv.hi), cfg), part_m,
                    f"{part_m} {period}: the part {p['text']!r} ({span(piv, unit)}) exceeds its whole "
                    f"{whole_m} {w['text']!r} ({span(wiv, unit)}) by {span(Interval(gap, gap), unit)}",
                    (location(p), location(w)), f"{part_m}-{period}", key=f"{p['text']}|{w['text']}",
                ))
    return out


def listed_items(after: str) -> tuple[list[str], bool]:
    """The names listed right after a count, and whether a word or sign introduces them.

    " Aichi, Niigata và Tochigi." -> three names; " (gồm Aichi và Niigata)" -> two, introduced.
    """
    m = _LIST.match(after)
    if not m:
        return [], False
    return [x for x in _SPLIT.split(m.group("items")) if x], bool(m.group("intro").strip())


def check_count_lists(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """A count followed by a list of names must match the number of names (FL203)."""
    out: list[Finding] = []
    rows = df[(df["kind"] == "count") & (df["qualifier"] == "") & (df["direction"] == "exact")
              & (df["unit"] != "") & (df["malformed"] == "")]
    for r in rows.to_dict("records"):
        items, introduced = listed_items(r["after"])
        if len(items) < 2 or r["value"] != int(r["value"]) or r["value"] == len(items):
            continue
        if len(items) == 2 and r["value"] > 2 and not introduced:
            continue  # "7 nước Trung Đông và Bắc Phi": two names after a larger count qualify the noun
        out.append(Finding(
            "FL203", "count_list", "error", r["metric"],
            f"{r['article']}: {r['text']!r} announces {int(r['value'])} but {len(items)} are listed: "
            f"{', '.join(items)}",
            (location(r),), r["article"], key=f"{r['text']}|{'|'.join(items)}",
        ))
    return out
