"""The Vietnamese locale: the quantity grammar (numerals, scales, units, hedges, ranges, ranks, dates).

The reader is imported on first use (PEP 562): its grammar compiles a few hundred patterns, which a run that only
reads cached claims, or a module that only needs the cue words, never uses.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["HedgeConfig", "Reader", "load_hedges", "parse_digits", "read_quantities", "words_to_number"]


_HOME = {"HedgeConfig": "factlint.vi.hedges", "load_hedges": "factlint.vi.hedges"}  # no grammar needed for these


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the reader exports
    if name in __all__:
        return getattr(importlib.import_module(_HOME.get(name, "factlint.vi.reader")), name)
    raise AttributeError(f"module 'factlint.vi' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
