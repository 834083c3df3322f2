"""Hedge words ("gần", "hơn") and vague quantifiers ("hàng", "vài"): their tolerances, from ``hedges.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class HedgeConfig:
    """Tolerances of hedge words and the bounds of vague quantifiers.

    Attributes:
        hedges: hedge word -> (direction, tolerance).
        vague: quantifier ("hàng", "vài") -> (low multiple, high multiple) of the scale word after it.

    """

    hedges: dict[str, tuple[str, float]]
    vague: dict[str, tuple[float, float]]


def load_hedges(path: str | Path | None = None, overrides: dict | None = None) -> HedgeConfig:
    """Load hedge tolerances from YAML (the packaged ``hedges.yaml`` by default).

    Args:
        path: A YAML file with ``hedges:`` and ``vague:`` mappings.
        overrides: A mapping of the same shape whose entries replace the loaded ones.

    Returns:
        The configuration.

    Raises:
        ValueError: An entry lacks ``direction``/``tolerance`` or names an unknown direction.

    """
    if path is None:
        data = yaml.safe_load(resources.files("factlint.vi").joinpath("hedges.yaml").read_text("utf-8"))
    else:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    for key in ("hedges", "vague"):
        data.setdefault(key, {}).update((overrides or {}).get(key, {}))
    hedges = {}
    for word, spec in data["hedges"].items():
        if not isinstance(spec, dict) or spec.get("direction") not in {"below", "above", "around", "at_most",
                                                                      "at_least"}:
            raise ValueError(f"hedge {word!r}: needs direction below|above|around|at_most|at_least")
        tol = spec.get("tolerance")
        if not isinstance(tol, int | float) or not 0 <= tol <= 1:
            raise ValueError(f"hedge {word!r}: tolerance must be a number in [0, 1], got {tol!r}")
        hedges[word.lower()] = (spec["direction"], float(tol))
    vague = {w.lower(): (float(s["low"]), float(s["high"])) for w, s in data["vague"].items()}
    return HedgeConfig(hedges, vague)


_HEDGES = frozenset(list(load_hedges().hedges) + ["từ"])
