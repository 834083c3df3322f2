"""The language-neutral result of reading a quantity: a frozen dataclass."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("money", "count", "percent", "rank", "date", "daterange", "year", "duration")
DIRECTIONS = ("exact", "below", "above", "around", "at_most", "at_least", "range", "vague")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity found in a text.

    Attributes:
        start: Offset of the first character in the (normalised) text.
        end: Offset one past the last character.
        text: Surface text as written, hedge included.
        kind: One of ``KINDS``.
        value: The stated figure in base units (10 tỷ USD -> 1e10); ``None`` for dates.
        low: Lower end of the interval the figure stands for.
        high: Upper end of the interval.
        unit: ISO 4217 code for money, ``%``/``pp`` for percent, a normalised noun otherwise.
        hedge: The hedge word as written (lower-cased), e.g. ``gần``; empty when none.
        direction: How the hedge shapes the interval, one of ``DIRECTIONS``.
        low_open: Whether ``low`` itself is excluded ("hơn 100" excludes 100).
        high_open: Whether ``high`` itself is excluded ("gần 50" excludes 50).
        date: ISO date, month (``2023-11``), quarter (``2023-Q3``), year, or ``a/b`` for ranges.
        malformed: Why the token is malformed ("digits glued to letters"), or empty.

    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    hedge: str = ""
    direction: str = "exact"
    low_open: bool = False
    high_open: bool = False
    date: str = ""
    malformed: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict."""
        return asdict(self)
