"""Open comparables: figures no rule takes, of one subject, measure, unit, period and modality, across articles.

Attribution gives every figure whose it is (``subject_key``), of what (``measure_key``), when (``period``) and
how stated (``modality``). Figures that no rule took are grouped by those four and the unit; a group reported
by at least two articles whose intervals do not meet is an ``info`` finding (FL107). Nothing is compared that
attribution does not pin down, so the grouping is conservative:

- a subject and a measure must both be attributed; a measure too generic to name a quantity on its own
  ("giá", "giá trị", "vốn", "thị trường") is left out (:data:`GENERIC_MEASURES`);
- the period must be one of :data:`PERIOD_KINDS`: a year, a quarter, a month, a part of a year from January,
  or a stock to a date. A span ("2016-2020": a total, an average or the ends?) and no period are left out, and
  since the period string carries its kind, a stock to a date never meets a flow over a year;
- a percentage only where the measure is itself one (a rate, a share, growth, inflation: :data:`PERCENT_MEASURES`);
  "tăng 10%" beside "xuất khẩu" is a change, not exports;
- a figure that is the base of a comparison ("cao hơn so với mức tăng trưởng 2,93%") is left out: the period and
  modality of its sentence are the other figure's;
- a count needs a unit (a bare number may count anything); amounts of different currencies meet when some
  exchange rate of the period's year maps one onto the other (``FxTable``), and are left apart when the table
  lacks the year;
- an article that gives two figures of one group that do not meet does not say which is the figure: its
  figures stay out of that group (attribution cannot tell its parts apart);
- two figures are one quantity only when their sentences say the same thing around them: the topic words
  (:func:`similarity` of their word pairs, dates, scale words and links left out) must overlap by
  :data:`MIN_SIMILARITY`. "xuất khẩu dầu thô … kim ngạch đạt 2,357 tỷ USD" and "xuất khẩu tôm … đạt kim
  ngạch 3,15 tỷ USD" share a subject, a measure and a year, not a quantity;
- a measure phrase that names a product ("xuất khẩu gỗ", "xuất khẩu gạo của cả nước") groups only with the same
  product (:func:`factlint.vi.comparable.product`): the wood exports of a year are not its shrimp exports;
- figures an order of magnitude apart are two quantities (a product's exports beside the whole country's),
  not one reported differently: the magnitude factor of the configuration separates them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import regex

from factlint.checks.agreement import consensus
from factlint.checks.common import (
    CheckConfig,
    FxGap,
    FxTable,
    Interval,
    currency,
    few,
    interval,
    location,
    per_unit,
    span,
)
from factlint.checks.conversions import Code
from factlint.findings import Finding
from factlint.vi.comparable import FUNCTION_SYLLABLES, is_comparison_base, product

CHECK = "open_comparable"
CODES = (
    Code("FL107", CHECK, "info",
         "figures no rule takes, of one subject, measure, unit, period and modality, disagree across articles"),
)

NUMERIC_KINDS = ("money", "count", "percent")
PERIOD_KINDS = frozenset({"year", "quarter", "month", "partial", "cumulative"})
# measures whose figure is a percentage of its own; any other percentage is a change or a share of something
PERCENT_MEASURES = frozenset({"share", "market_share", "growth", "inflation"})
# measures a statistics office or a ministry reports for a party as a whole: one figure per subject and period.
# Others ("doanh thu", "sản lượng", "dự án", "diện tích", "giá") name a quantity only with the words around
# them (whose revenue, output of what), which attribution does not key.
AGGREGATE_MEASURES = frozenset({
    "trade", "exports", "imports", "trade_balance", "fdi", "oda", "visitors", "students", "trainees", "community",
    "gdp", "growth", "population", "inflation", "budget_revenue", "budget_spending", "public_debt", "debt",
    "disbursement", "market_share", "share"})
MIN_SIMILARITY = 0.25  # Dice overlap of two sentences' topic word pairs (0: none shared, 1: the same words)
MAX_CLAIMS = 10  # claims quoted per finding


@dataclass(frozen=True)
class Group:
    """What one open group's figures share: whose, of what, in which unit, when, how stated."""

    subject_key: str
    measure_key: str
    unit: str
    period: str
    modality: str
    product: str = ""

    @property
    def label(self) -> str:
        """"JP · exports · USD · 2019 · actual", with the product after the measure when there is one."""
        measure = f"{self.measure_key} ({self.product})" if self.product else self.measure_key
        return " · ".join((self.subject_key, measure, self.unit, self.period, self.modality))

    @property
    def case(self) -> str:
        """The finding's case: the group, stable across runs."""
        measure = f"{self.measure_key}:{self.product}" if self.product else self.measure_key
        return f"open:{self.subject_key}|{measure}|{self.unit}|{self.period}|{self.modality}"


def open_claims(df: pd.DataFrame) -> pd.DataFrame:
    """The claims that may be compared without a rule (see the module docstring), with ``dim`` and ``product``.

    ``dim`` is the unit dimension: ``money`` for every currency (converted by exchange rate), ``money/kg`` for
    prices per one unit, else the unit.
    """
    if df.empty:
        return df.assign(dim=pd.Series(dtype=str), product=pd.Series(dtype=str))
    d = df[(df["metric"] == "") & df["kind"].isin(NUMERIC_KINDS) & df["low"].notna()
           & (df["subject_key"] != "") & df["measure_key"].isin(AGGREGATE_MEASURES)
           & df["period_kind"].isin(PERIOD_KINDS) & (df["period"] != "") & (df["unit"] != "")]
    d = d[(d["kind"] != "percent") | d["measure_key"].isin(PERCENT_MEASURES)]
    d = d[(d["kind"] == "percent") | ~d["measure_key"].isin(PERCENT_MEASURES)]
    d = d[pd.Series([not is_comparison_base(s, t) for s, t in zip(d["sentence"], d["text"], strict=True)],
                    index=d.index, dtype=bool)]
    money = "money" + d["unit"].map(lambda u: f"/{per_unit(u)}" if per_unit(u) else "")  # "money/kg": a price
    return d.assign(dim=d["unit"].where(d["kind"] != "money", money), product=d["measure"].map(product))


def _in_unit(rows: list[dict], fx: FxTable, period: str) -> tuple[list[tuple[dict, Interval]], str]:
    """The rows' intervals in one unit: their own when they share it, else USD; rows without a rate dropped."""
    units = {r["unit"] for r in rows}
    if len(units) == 1:
        return [(r, interval(r)) for r in rows], next(iter(units))
    out = []
    per = per_unit(next(iter(units)))  # one per-unit in a group: its dimension says so ("money/kg")
    for r in rows:
        try:
            out.append((r, fx.to_usd(interval(r), currency(r["unit"]), period.lstrip("≤"))))
        except FxGap:
            continue
    return out, f"USD/{per}" if per else "USD"


def _unambiguous(items: list[tuple[dict, Interval]]) -> list[tuple[dict, Interval]]:
    """Drop every article whose own figures of the group do not all meet (it names two quantities alike)."""
    by: dict[str, list[Interval]] = {}
    for r, iv in items:
        by.setdefault(r["article"], []).append(iv)
    torn = {a for a, ivs in by.items() if any(not x.meets(y) for i, x in enumerate(ivs) for y in ivs[i + 1:])}
    return [(r, iv) for r, iv in items if r["article"] not in torn]


_WORD = regex.compile(r"\p{L}+")


def topic_pairs(sentence: str) -> frozenset[tuple[str, str]]:
    """The pairs of neighbouring topic words of a sentence (lower-cased; numbers and function words dropped)."""
    words = [w for w in (m.group().lower() for m in _WORD.finditer(sentence)) if w not in FUNCTION_SYLLABLES]
    return frozenset(zip(words, words[1:], strict=False))


def similarity(a: str, b: str) -> float:
    """Dice overlap of the topic word pairs of two sentences: 0 when they share none, 1 when they are alike."""
    pa, pb = topic_pairs(a), topic_pairs(b)
    return 2 * len(pa & pb) / (len(pa) + len(pb)) if pa and pb else 0.0


def _magnitude_apart(a: Interval, b: Interval, factor: float) -> bool:
    """Whether two intervals (in one unit) lie ``factor`` times apart or more (or one of them is zero)."""
    lo, hi = sorted((abs(a.lo + a.hi) / 2, abs(b.lo + b.hi) / 2))
    return lo == 0 or hi / lo >= factor


def group_claims(items: list[tuple[dict, Interval]], unit: str) -> list[dict]:
    """The rows a report shows side by side for a group (figure, interval in ``unit``, where), in article order."""
    rows = []
    for r, iv in sorted(items, key=lambda it: (it[0]["article"], it[0]["line"], it[0]["column"])):
        rows.append({"article": r["article"], "outlet": r["outlet"], "published": r["published"],
                     "period": r["period"], "text": r["text"], "interval": span(iv, unit), "path": r["path"],
                     "line": int(r["line"]), "column": int(r["column"]), "value": iv.lo if iv.lo == iv.hi else
                     (iv.lo + iv.hi) / 2, "low": iv.lo, "high": iv.hi, "unit": unit, "kind": r["kind"]})
    return rows


def check_open_comparables(df: pd.DataFrame, cfg: CheckConfig, fx: FxTable) -> list[Finding]:
    """Findings (FL107, info) for open groups that at least two articles report with intervals that do not meet.

    Args:
        df: The claims table.
        cfg: Thresholds (``magnitude_factor`` separates two quantities from one reported differently).
        fx: Exchange rates, for amounts of one group in different currencies.
    """
    out: list[Finding] = []
    d = open_claims(df)
    keys = ["subject_key", "measure_key", "product", "dim", "period", "modality"]
    for (subject, measure, goods, dim, period, modality), g in d.groupby(keys, sort=True):
        if g["article"].nunique() < 2:
            continue
        items, unit = _in_unit(g.to_dict("records"), fx, period)
        items = _unambiguous(items)
        if len({r["article"] for r, _ in items}) < 2:
            continue
        group = Group(subject, measure, unit if dim.startswith("money") else dim, period, modality, goods)
        agree, outliers = consensus(items)
        against_all = []
        for r, iv in outliers:
            against = [(a, a_iv) for a, a_iv in agree if a["article"] != r["article"] and not iv.meets(a_iv)
                       and not _magnitude_apart(iv, a_iv, cfg.magnitude_factor)
                       and similarity(r["sentence"], a["sentence"]) >= MIN_SIMILARITY]
            if against:
                against_all.append((r, iv, against))
        if not against_all:
            continue
        r, iv, against = max(against_all, key=lambda x: max(iv_.gap(x[1]) for _, iv_ in x[2]))
        said = [f"{a['article']} says {a['text']!r} ({span(a_iv, unit)})" for a, a_iv in against[:MAX_CLAIMS]]
        more = f" and {len(against) - MAX_CLAIMS} more" if len(against) > MAX_CLAIMS else ""
        odd = few({x[0]["article"] for x in against_all})
        message = (f"no rule: {r['subject'] or subject} · {r['measure']} ({measure}) · {period} · {modality}: "
                   f"{r['article']} says {r['text']!r} ({span(iv, unit)}) but {'; '.join(said)}{more}"
                   + (f" (figures of {odd} stand apart)" if len(against_all) > 1 else ""))
        flagged = {(x[0]["path"], int(x[0]["line"]), int(x[0]["column"])) for x in against_all}
        named = [r] + [a for a, _ in against] + [x[0] for x in against_all if x[0] is not r]
        seen, locs = set(), []
        for c in named:
            if id(c) not in seen:
                seen.add(id(c))
                locs.append(location(c))
        out.append(Finding(
            "FL107", CHECK, "info", "", message, tuple(locs[:MAX_CLAIMS + 1]), group.case,
            key="|".join([r["text"]] + sorted({a["text"] for a, _ in against})),
            data={"group": group.label, "unit": unit, "claims": group_claims(items, unit),
                  "flagged": sorted(flagged)},
        ))
    return out
