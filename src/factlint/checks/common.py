"""Shared pieces of the checks: configuration, intervals, exchange rates, locations, figures in words."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import regex
import yaml

from factlint.config import ConfigError, read_config, unknown_key
from factlint.config import load_yaml as _load_yaml
from factlint.findings import Location

EPS = 1e-9


# ---------------------------------------------------------------------------------------------- config


@dataclass(frozen=True)
class CheckConfig:
    """Thresholds of the checks; override any of them under ``checks:`` in ``claims/config.yaml``.

    Attributes:
        error_gap: A disagreement whose gap exceeds this share of the larger figure is an error, else a warning.
        magnitude_factor: Reports of one metric this many times apart are a slipped scale word.
        future_grace_days: An event may be dated this many days after publication without a finding.
        name_min_ratio: A name variant is "rare" when the frequent form occurs at least this many times as often.
        name_max_distance: Largest edit distance between a rare variant and its frequent form.
        name_min_length: Shorter name tokens are not compared: one letter apart, short names are mostly
            two names ("Ron" / "Rod", "Gas" / "Ga"), not a slip.
        name_max_articles: A variant written in more articles than this is a name of its own or a house
            style ("Biden" beside "Biên", "Laurence" beside "Lawrence"), not a slip.
        title_max_drop: Largest run of words a title variant may drop from the frequent title.
        conversion_tolerance: A stated conversion ("15.000 tỷ đồng (650 triệu USD)") may miss the exchange-rate
            range of its year by this share of the converted figure (journalists round rates and figures).
        arithmetic_tolerance: Arithmetic an article states about itself (parts and their total, a share, a
            change, a ratio, a headline against its body) may miss by this share of the computed figure, beyond
            the rounding and hedges of the figures themselves.
    """

    error_gap: float = 0.05
    magnitude_factor: float = 8.0
    future_grace_days: int = 0
    name_min_ratio: float = 1.5
    name_max_distance: int = 2
    name_min_length: int = 5
    name_max_articles: int = 5
    title_max_drop: int = 3
    conversion_tolerance: float = 0.02
    arithmetic_tolerance: float = 0.02
    relations: tuple[dict[str, Any], ...] = ()

    @classmethod
    def load(cls, rules_dir: Path | None, metrics: set[str] | None = None) -> CheckConfig:
        """Read ``config.yaml`` and ``relations.yaml`` beside the rules (both optional).

        Args:
            rules_dir: The claim rules folder.
            metrics: The metrics the rules define; a relation naming another metric is an error.

        Raises:
            ConfigError: Malformed YAML, an unknown key, a wrong type, a relation naming an undefined metric.
        """
        if rules_dir is None:
            return cls()
        kw: dict[str, Any] = {}
        data, lines, cfg = read_config(rules_dir)
        if cfg is not None:
            checks = data.get("checks") or {}
            if not isinstance(checks, dict):
                raise ConfigError(f"{cfg}:{lines.get('checks', 1)}: checks: expected a mapping of thresholds")
            known = {f for f in cls.__dataclass_fields__ if f != "relations"}
            for key, value in checks.items():
                if key not in known:
                    raise unknown_key(f"{cfg}:{lines.get(key, 1)}", key, known, "checks.")
                want = type(getattr(cls, key))
                if not isinstance(value, int | float) or isinstance(value, bool) or (want is int and
                                                                                     not isinstance(value, int)):
                    raise ConfigError(f"{cfg}:{lines.get(key, 1)}: checks.{key}: expected a {want.__name__}, "
                                      f"got {value!r}")
                kw[key] = value
        rel = rules_dir / "relations.yaml"
        if rel.exists():
            kw["relations"] = _relations(rel, metrics)
        return cls(**kw)


_RELATION_KEYS = {"sum": ("total", "parts"), "part_of": ("part", "whole"), "anniversary": ("anniversary", "founded")}


def _relations(path: Path, metrics: set[str] | None) -> tuple[dict[str, Any], ...]:
    data, _ = _load_yaml(path)
    root = yaml.compose(path.read_text(encoding="utf-8"))
    seq = next((v for k, v in root.value if k.value == "relations"), None) if root is not None else None
    rels = data.get("relations") or []
    if not isinstance(rels, list):
        raise ConfigError(f"{path}:1: relations: expected a list")
    for i, rel in enumerate(rels):
        line = seq.value[i].start_mark.line + 1 if seq is not None else 1
        if not isinstance(rel, dict) or rel.get("type") not in _RELATION_KEYS:
            raise ConfigError(f"{path}:{line}: relations[{i}].type: expected one of {', '.join(_RELATION_KEYS)}")
        need = _RELATION_KEYS[rel["type"]]
        for key in set(rel) - {"type", *need}:
            raise ConfigError(f"{path}:{line}: relations[{i}].{key}: unknown key for a {rel['type']} relation")
        for key in need:
            if key not in rel:
                raise ConfigError(f"{path}:{line}: relations[{i}].{key}: required")
            names = rel[key] if isinstance(rel[key], list) else [rel[key]]
            for name in names:
                if metrics is not None and name not in metrics:
                    raise ConfigError(f"{path}:{line}: relations[{i}].{key}: metric {name!r} is defined by no rule")
    return tuple(rels)


# ---------------------------------------------------------------------------------------------- intervals


@dataclass(frozen=True, slots=True)
class Interval:
    """``[lo, hi]`` with open ends where a hedge excludes the figure itself."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one point."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        tol = EPS * max(abs(lo), abs(hi), 1.0)
        if lo < hi - tol:
            return True
        if abs(lo - hi) <= tol:
            lo_open = (self.lo_open and abs(self.lo - lo) <= tol) or (other.lo_open and abs(other.lo - lo) <= tol)
            hi_open = (self.hi_open and abs(self.hi - hi) <= tol) or (other.hi_open and abs(other.hi - hi) <= tol)
            return not (lo_open or hi_open)
        return False

    def gap(self, other: Interval) -> float:
        """Distance between the intervals (0 when they meet)."""
        return 0.0 if self.meets(other) else max(self.lo, other.lo) - min(self.hi, other.hi)

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval."""
        tol = EPS * max(abs(x), 1.0)
        above = x > self.lo + tol or (not self.lo_open and abs(x - self.lo) <= tol)
        below = x < self.hi - tol or (not self.hi_open and abs(x - self.hi) <= tol)
        return above and below

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, self.lo_open or other.lo_open,
                        self.hi_open or other.hi_open)

    def scale(self, lo_k: float, hi_k: float) -> Interval:
        """Multiply by a factor known only to lie in ``[lo_k, hi_k]`` (both positive)."""
        return Interval(self.lo * lo_k, self.hi * hi_k, self.lo_open, self.hi_open)


def widen(iv: Interval, t: float) -> Interval:
    """``iv`` widened by the share ``t`` on each side, its open ends kept."""
    return Interval(iv.lo * (1 - t), iv.hi * (1 + t), iv.lo_open, iv.hi_open)


# a four-digit year of the last century or this one
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def interval(row: pd.Series | dict) -> Interval:
    """The interval a claims-table row (or its dict) stands for."""
    return Interval(float(row["low"]), float(row["high"]), bool(row["low_open"]), bool(row["high_open"]))


# ---------------------------------------------------------------------------------------------- exchange rates


def currency(unit: str) -> str:
    """The currency of a money unit: a price per one unit ("EUR/kg") converts as its currency does."""
    return unit.partition("/")[0]


def per_unit(unit: str) -> str:
    """What a money unit is per ("kg" of "EUR/kg"), empty for an amount."""
    return unit.partition("/")[2]


class FxGap(Exception):
    """No exchange rate for a currency in a year."""

    def __init__(self, currency: str, year: str) -> None:
        super().__init__(f"no {currency} per USD rate for {year}")
        self.currency, self.year = currency, year


@dataclass(frozen=True)
class FxTable:
    """Yearly ranges of currency units per US dollar (``claims/reference/fx.yaml``)."""

    rates: dict[str, dict[int, tuple[float, float]]] = field(default_factory=dict)
    source: str = ""

    lines: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> FxTable:
        """Read the table; an absent file gives an empty table.

        Raises:
            ConfigError: Malformed YAML or a rate that is not a [low, high] pair of positive numbers.
        """
        if path is None or not path.exists():
            return cls()
        data, lines = _load_yaml(path)
        rates: dict[str, dict[int, tuple[float, float]]] = {}
        for cur, years in (data.get("rates") or {}).items():
            rates[cur] = {}
            for y, r in (years or {}).items():
                ok = isinstance(r, list) and len(r) == 2 and all(isinstance(x, int | float) and x > 0 for x in r)
                if not ok or r[0] > r[1]:
                    raise ConfigError(f"{path}:{lines.get(cur, 1)}: rates.{cur}.{y}: expected [low, high] "
                                      f"units per USD, got {r!r}")
                rates[cur][int(y)] = (float(r[0]), float(r[1]))
        return cls(rates, path.as_posix(), lines)

    def where(self, currency: str) -> str:
        """``file:line: rates.CUR`` for messages about a currency's row."""
        return f"{self.source or 'exchange-rate table'}:{self.lines.get(currency, 1)}: rates.{currency}"

    def to_usd(self, iv: Interval, currency: str, year: str) -> Interval:
        """Convert an amount interval to USD at any rate of that year's range.

        Raises:
            FxGap: The table has no rate for ``currency`` in ``year``.
        """
        if currency == "USD":
            return iv
        low, high = self.rate(currency, year)
        return iv.scale(1 / high, 1 / low)

    def rate(self, currency: str, year: str) -> tuple[float, float]:
        """The ``(low, high)`` units of ``currency`` per USD in ``year`` (``(1, 1)`` for USD).

        Raises:
            FxGap: The table has no rate for ``currency`` in ``year``.
        """
        if currency == "USD":
            return 1.0, 1.0
        try:
            return self.rates[currency][int(year[:4])]
        except (KeyError, ValueError):
            raise FxGap(currency, year[:4] or "(no period)") from None


# ---------------------------------------------------------------------------------------------- presentation


def location(row: pd.Series | tuple) -> Location:
    """The location of a claims-table row (a Series, or a named tuple from ``itertuples``)."""
    if hasattr(row, "_asdict"):
        row = row._asdict()
    return Location(row["article"], row["path"], int(row["line"]), int(row["column"]), int(row["end_line"]),
                    int(row["end_column"]), row["text"], row.get("sentence", ""))


_SCALES = ((1e12, "nghìn tỷ"), (1e9, "tỷ"), (1e6, "triệu"), (1e3, "nghìn"))


def scale(x: float) -> tuple[float, str]:
    """The factor and Vietnamese scale word a figure is written with: 4.5e10 -> (1e9, "tỷ"); 12 -> (1.0, "")."""
    return next(((k, word) for k, word in _SCALES if abs(x) >= k), (1.0, ""))


def amount(x: float, unit: str = "") -> str:
    """A figure in Vietnamese news style: 4.5e10 -> "45 tỷ"."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    k, word = scale(x)
    return " ".join(p for p in (_num(x / k), word, unit) if p)


def _num(x: float) -> str:
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def span(iv: Interval, unit: str = "") -> str:
    """An interval in words: "[45 – 50) tỷ USD"."""
    if abs(iv.hi - iv.lo) <= EPS * max(abs(iv.hi), 1):
        return amount(iv.lo, unit)
    left = "(" if iv.lo_open else "["
    right = ")" if iv.hi_open else "]"
    return f"{left}{amount(iv.lo)} – {amount(iv.hi)}{right}{(' ' + unit) if unit else ''}"


def few(articles: Iterable[str], n: int = 5) -> str:
    """"a1, a2, a3" or "a1, a2, a3, a4, a5 and 12 more"."""
    names = sorted(set(articles))
    return ", ".join(names[:n]) + (f" and {len(names) - n} more" if len(names) > n else "")


def severity_for_gap(gap: float, reference: float, cfg: CheckConfig) -> str:
    """``warning`` for a small excess, ``error`` for a large one (share of the larger figure)."""
    return "warning" if reference > 0 and gap / reference <= cfg.error_gap else "error"


def claims_with_metric(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that a rule tagged with a metric."""
    return df[df["metric"] != ""]
