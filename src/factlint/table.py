"""The claims table: claims as a pandas DataFrame with fixed columns and dtypes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from factlint.extract import CLAIM_COLUMNS, Claim

_FLOATS = ("value", "low", "high")
_INTS = ("line", "column", "end_line", "end_column", "offset")
_BOOLS = ("low_open", "high_open", "caption")
_ADDED = {"caption": False}  # extensions of the contract, with the value a table written before them means


def to_frame(claims: Iterable[Claim | tuple]) -> pd.DataFrame:
    """Build the claims table: one row per claim (a :class:`Claim` or its field tuple), contract columns first."""
    rows = [c if isinstance(c, tuple) else c.as_tuple() for c in claims]
    return typed(pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS))


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """The claims table's columns, in order, with their dtypes (for a table read back from a store)."""
    if list(df.columns) != CLAIM_COLUMNS:
        df = df.copy()
        for col in (c for c in _ADDED if c not in df.columns):
            df[col] = _ADDED[col]  # a table written before the column was added to the contract
        df = df[CLAIM_COLUMNS]
    for col in _FLOATS:
        df[col] = df[col].astype("float64")
    for col in _INTS:
        df[col] = df[col].astype("int64")
    for col in _BOOLS:
        df[col] = df[col].astype("bool")
    for col in CLAIM_COLUMNS:
        if col not in _FLOATS + _INTS + _BOOLS:
            df[col] = df[col].astype("object").fillna("").astype(str)
    return df
