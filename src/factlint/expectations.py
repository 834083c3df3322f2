"""Per-metric expectations: one pandera ``DataFrameSchema`` per metric, built from the rules' ``expect:`` blocks.

A desk knows what a metric's figures may be: a range, a stock that never falls, a largest change from one year
to the next, a whole number, a rank no other category of its ranking shares, the units it comes in. Each
``expect:`` entry becomes a pandera check registered with :func:`pandera.extensions.register_check_method`, so
the schemas serialise with ``to_yaml()`` and load back with their checks intact (``factlint schema export``).

Row checks (``range``, ``integer``, ``units``) judge one claim; period checks (``monotonic``, ``max_change``,
``unique_rank``) group the metric's claims by period. A claim is an interval ("gần 50 tỷ" is [45, 50)): it is out
of range only when the whole interval is, and a period check compares the envelopes of the periods' claims, so
that a disagreement inside one period (FL101's business) never passes for a change between periods.

Every check takes the tagged claims table (the rows with a metric) and returns one boolean per row, ``False`` for
the rows of its metric that break it; the pure functions :func:`monotonic_breaks`, :func:`change_breaks` and
:func:`shared_ranks` say which periods and claims, for the checks and for the findings alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
import pandera.pandas as pa
import yaml
from pandera import extensions

if TYPE_CHECKING:
    from factlint.rules import RuleSet

TYPES = ("range", "monotonic", "max_change", "integer", "unique_rank", "units")
EPS = 1e-9
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^≤?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
COLUMNS = {"metric": str, "period": str, "unit": str, "text": str, "value": float, "low": float, "high": float,
           "low_open": bool, "high_open": bool, "direction": str}


# ---------------------------------------------------------------------------------------------- the checks


def _mine(df: pd.DataFrame, metric: str) -> pd.Series:
    return df["metric"] == metric


def _below(df: pd.DataFrame, bound: float) -> pd.Series:
    """The whole interval lies below ``bound``."""
    tol = EPS * max(abs(bound), 1.0)
    return (df["high"] < bound - tol) | ((df["high"] - bound).abs() <= tol) & df["high_open"] & (df["low"] < bound)


def _above(df: pd.DataFrame, bound: float) -> pd.Series:
    """The whole interval lies above ``bound``."""
    tol = EPS * max(abs(bound), 1.0)
    return (df["low"] > bound + tol) | ((df["low"] - bound).abs() <= tol) & df["low_open"] & (df["high"] > bound)


def range_breaks(df: pd.DataFrame, metric: str, min_value: float | None, max_value: float | None,
                 unit: str | None, periods: list[str]) -> tuple[pd.Series, pd.Series]:
    """Rows of ``metric`` wholly below ``min_value`` and rows wholly above ``max_value`` (two masks)."""
    rows = _mine(df, metric) & df["value"].notna()
    if unit is not None:
        rows &= df["unit"] == unit
    if periods:
        rows &= df["period"].isin(periods)
    false = pd.Series(False, index=df.index)
    below = rows & _below(df, min_value) if min_value is not None else false
    above = rows & _above(df, max_value) if max_value is not None else false
    return below, above


@extensions.register_check_method(statistics=["metric", "min_value", "max_value", "unit", "periods", "where"],
                                  check_type="vectorized")
def expect_range(df: pd.DataFrame, *, metric: str, min_value: float | None, max_value: float | None,
                 unit: str | None, periods: list[str], where: str) -> pd.Series:
    """The metric's figures (in ``unit``, in ``periods``) lie between ``min_value`` and ``max_value``."""
    below, above = range_breaks(df, metric, min_value, max_value, unit, periods)
    return ~(below | above)


def _fractional(v: pd.Series) -> pd.Series:
    return v.notna() & ((v - v.round()).abs() > EPS * v.abs().clip(lower=1.0))


@extensions.register_check_method(statistics=["metric", "where"], check_type="vectorized")
def expect_integer(df: pd.DataFrame, *, metric: str, where: str) -> pd.Series:
    """The metric's figures are whole numbers: the figure as written, or both ends of a range ("3-4" is whole)."""
    ranged = df["direction"] == "range"
    broken = (~ranged & _fractional(df["value"])) | (ranged & (_fractional(df["low"]) | _fractional(df["high"])))
    return ~(_mine(df, metric) & broken)


@extensions.register_check_method(statistics=["metric", "units", "where"], check_type="vectorized")
def expect_units(df: pd.DataFrame, *, metric: str, units: list[str], where: str) -> pd.Series:
    """The metric's figures come in one of ``units``."""
    return ~(_mine(df, metric) & ~df["unit"].isin(units))


def period_end(period: str) -> str | None:
    """A sortable end of a period that dates a stock ("2023" -> "2023-12-31", "≤2023-05-31"), else ``None``.

    Quarters, parts of a year and spans do not date a stock: they are left out of ``monotonic``.
    """
    m = _DATE.match(period)
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '12'}-{m.group(3) or '31'}"


@dataclass(frozen=True)
class Break:
    """Two periods of one metric and unit whose figures break an expectation; row labels of each side."""

    unit: str
    before: str
    after: str
    before_rows: tuple
    after_rows: tuple
    change: float = 0.0  # the smallest relative change the two periods' claims allow (``max_change``)


def _envelopes(df: pd.DataFrame, metric: str, key: Any) -> list[tuple[str, list[tuple[Any, str, float, float, list]]]]:
    """Per unit, the metric's periods in order: (sort key, period label, lowest low, highest high, rows)."""
    rows = df[_mine(df, metric) & df["value"].notna()]
    out = []
    for unit, g in rows.groupby("unit", sort=True):
        keys = g["period"].map(key)
        g = g[keys.notna()]
        periods = []
        for k, pg in g.groupby(keys[keys.notna()], sort=True):
            label = "/".join(sorted(set(pg["period"])))
            periods.append((k, label, float(pg["low"].min()), float(pg["high"].max()), list(pg.index)))
        out.append((unit, periods))
    return out


def monotonic_breaks(df: pd.DataFrame, metric: str, direction: str) -> list[Break]:
    """Consecutive dated periods of ``metric`` whose figures break ``direction``.

    ``non_decreasing`` breaks where every figure of the later period falls below every figure of the earlier one,
    ``non_increasing`` where every one rises above; a missing period is skipped over.
    """
    out = []
    for unit, periods in _envelopes(df, metric, period_end):
        for (_, p0, lo0, hi0, r0), (_, p1, lo1, hi1, r1) in zip(periods, periods[1:], strict=False):
            tol = EPS * max(abs(lo0), abs(hi0), 1.0)
            broke = hi1 < lo0 - tol if direction == "non_decreasing" else lo1 > hi0 + tol
            if broke:
                out.append(Break(unit, p0, p1, tuple(r0), tuple(r1)))
    return out


def change_breaks(df: pd.DataFrame, metric: str, max_change: float) -> list[Break]:
    """Consecutive years of ``metric`` whose figures differ by more than ``max_change`` of the earlier year's.

    The change is the smallest the claims' intervals allow; a missing year is no comparison.
    """
    out = []
    for unit, periods in _envelopes(df, metric, lambda p: int(p) if _YEAR.match(p) else None):
        for (y0, p0, lo0, hi0, r0), (y1, p1, lo1, hi1, r1) in zip(periods, periods[1:], strict=False):
            if y1 != y0 + 1:
                continue
            if lo1 > hi0 and hi0 > 0:
                change = (lo1 - hi0) / hi0
            elif hi1 < lo0 and lo0 > 0:
                change = (lo0 - hi1) / lo0
            else:
                continue
            if change > max_change + EPS:
                out.append(Break(unit, p0, p1, tuple(r0), tuple(r1), change))
    return out


def ranking(metric: str) -> str:
    """The ranking a rank metric is a category of: ``rank.jp_partner.oda`` -> ``rank.jp_partner``."""
    return metric.rsplit(".", 1)[0]


def shared_ranks(df: pd.DataFrame, metric: str) -> list[tuple[str, float, tuple, tuple]]:
    """Ranks another category of the metric's ranking has too, in one period, as said in several articles.

    Two categories sharing a rank inside one article are FL302's (it needs no period and no ``expect:``), so a
    shared rank is counted here only between claims of two articles, and only those claims are its: the two codes
    never report the same pair.

    Returns:
        ``(period, rank, rows of metric, rows of the other categories)`` tuples.
    """
    family = df["metric"].str.startswith(ranking(metric) + ".") & df["value"].notna() & (df["period"] != "")
    rows = df[family]
    out = []
    for (period, value), g in rows.groupby(["period", "value"], sort=True):
        mine, others = g[g["metric"] == metric], g[g["metric"] != metric]
        # only pairs of claims from two articles: a pair inside one article is FL302's
        mine_arts, other_arts = set(mine["article"]), set(others["article"])
        mine = mine[[bool(other_arts - {a}) for a in mine["article"]]]
        others = others[[bool(mine_arts - {a}) for a in others["article"]]]
        if len(mine) and len(others):
            out.append((str(period), float(value), tuple(mine.index), tuple(others.index)))
    return out


def _flag(df: pd.DataFrame, labels: list) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    ok[labels] = False
    return ok


@extensions.register_check_method(statistics=["metric", "direction", "where"], check_type="vectorized")
def expect_monotonic(df: pd.DataFrame, *, metric: str, direction: str, where: str) -> pd.Series:
    """The metric never falls (``non_decreasing``) or never rises (``non_increasing``) from a period to the next."""
    return _flag(df, [r for b in monotonic_breaks(df, metric, direction) for r in b.after_rows])


@extensions.register_check_method(statistics=["metric", "max_change", "where"], check_type="vectorized")
def expect_max_change(df: pd.DataFrame, *, metric: str, max_change: float, where: str) -> pd.Series:
    """The metric changes by at most ``max_change`` (a share of the earlier figure) from a year to the next."""
    return _flag(df, [r for b in change_breaks(df, metric, max_change) for r in b.after_rows])


@extensions.register_check_method(statistics=["metric", "where"], check_type="vectorized")
def expect_unique_rank(df: pd.DataFrame, *, metric: str, where: str) -> pd.Series:
    """No other category of the metric's ranking has its rank in the same period."""
    return _flag(df, [r for _, _, mine, _ in shared_ranks(df, metric) for r in mine])


# ---------------------------------------------------------------------------------------------- the schemas


def _check(kind: str, metric: str, where: str, **stats: Any) -> pa.Check:
    fn = getattr(pa.Check, f"expect_{kind}")
    return fn(metric=metric, where=where, error=f"{kind} ({where})", **stats)


def build_schemas(rules: RuleSet) -> dict[str, pa.DataFrameSchema]:
    """One ``DataFrameSchema`` per metric whose rules declare ``expect:``, named after the metric.

    Each check carries ``where`` (``claims/labour.yaml:40 expect.range[0]``), the rule entry it comes from.
    """
    checks: dict[str, list[pa.Check]] = {}
    for lr in rules.rules:
        e, metric = lr.rule.expect, lr.rule.metric
        lines = e.lines

        def where(key: str, lr: Any = lr, lines: dict = lines) -> str:
            return f"{lr.source}:{lines.get(key, 1)} expect.{key}"

        mine = []
        for i, r in enumerate(e.range):
            key = "range" if len(e.range) == 1 else f"range[{i}]"
            mine.append(_check("range", metric, where(key), min_value=r.min, max_value=r.max,
                               unit=r.unit, periods=list(r.period)))
        if e.monotonic:
            mine.append(_check("monotonic", metric, where("monotonic"), direction=e.monotonic))
        if e.max_change is not None:
            mine.append(_check("max_change", metric, where("max_change"), max_change=e.max_change))
        if e.integer:
            mine.append(_check("integer", metric, where("integer")))
        if e.unique_rank:
            mine.append(_check("unique_rank", metric, where("unique_rank")))
        if e.units:
            mine.append(_check("units", metric, where("units"), units=list(e.units)))
        if mine:
            checks.setdefault(metric, []).extend(mine)
    return {m: pa.DataFrameSchema({c: pa.Column(t, nullable=t is float) for c, t in COLUMNS.items()},
                                  checks=cs, name=m, strict=False, coerce=False)
            for m, cs in sorted(checks.items())}


@dataclass(frozen=True)
class Failure:
    """A failed expectation: its metric, type, statistics (``where`` and the bounds) and the failing rows."""

    metric: str
    type: str
    stats: dict[str, Any]
    rows: tuple


def validate(df: pd.DataFrame, schemas: dict[str, pa.DataFrameSchema]) -> list[Failure]:
    """Validate the claims table against every metric's schema, lazily; the failures in schema order.

    Args:
        df: The claims table (only the rows with a metric are looked at).
        schemas: From :func:`build_schemas` or :func:`load_schemas`.
    """
    if not schemas:
        return []
    # only the columns the checks read: pandera reshapes every column of every failing row into its failure cases
    tagged = df.loc[df["metric"] != "", list(COLUMNS)]
    out = []
    for metric, schema in schemas.items():
        try:
            schema.validate(tagged, lazy=True)
        except pa.errors.SchemaErrors as exc:
            fc = exc.failure_cases
            fc = fc[fc["schema_context"] == "DataFrameSchema"]
            for number, g in fc.groupby("check_number", sort=True):
                check = schema.checks[int(number)]
                kind = check.name.removeprefix("expect_")
                rows = tuple(dict.fromkeys(int(i) for i in g["index"] if not pd.isna(i)))
                out.append(Failure(metric, kind, dict(check.statistics), rows))
    return out


def export(schemas: dict[str, pa.DataFrameSchema]) -> str:
    """Every schema as YAML, one document per metric (``factlint schema export``)."""
    return "".join(f"---\n{s.to_yaml()}" for s in schemas.values())


def load_schemas(text: str) -> dict[str, pa.DataFrameSchema]:
    """Read what :func:`export` wrote back into schemas, the expectation checks intact."""
    out = {}
    for doc in yaml.safe_load_all(text):
        if doc:
            schema = pa.DataFrameSchema.from_yaml(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
            out[schema.name] = schema
    return out
