"""The claims table's pandera schema: validated lazily, failures returned as a readable table."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import regex
from pandera.typing import Series
from tabulate import tabulate

from factlint.quantity import DIRECTIONS, KINDS
from factlint.vi import lexicon as lx
from factlint.vi.modality import MODALITIES
from factlint.vi.periods import KINDS as PERIOD_KINDS
from factlint.vi.reader import load_hedges

CURRENCY_CODES = sorted(set(lx.CURRENCIES.values()))
UNITS = sorted(
    {""} | set(CURRENCY_CODES) | set(lx.PERCENT.values()) | set(lx.PHYSICAL.values()) | set(lx.DURATIONS.values())
    | set(lx.NOUNS.values()) | {"rank", "year", "h"}
)
_UNIT_ALT = "|".join(regex.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u)
# a unit, or one per others: "USD/t", "VND/person/month" (the reader's compound units)
UNIT_PATTERN = rf"^$|^(?:{_UNIT_ALT})(?:/(?:{_UNIT_ALT}))*$"
HEDGES = sorted({""} | set(load_hedges().hedges) | set(load_hedges().vague))
_DAY = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
# a year, month or day; a quarter or half; months from January ("2019-M01..05"); cumulative to a date; a span of
# years ("2014/2016") or of days ("2019-09-29/2019-10-21")
PERIOD = (rf"^$|^{_DAY}$|^\d{{4}}-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])\.\.(0[1-9]|1[0-2]))$|^≤{_DAY}$"
          r"|^\d{4}/\d{4}$|^\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d$")
PERCENT_RANGE = (-1000.0, 100000.0)


class ClaimsSchema(pa.DataFrameModel):
    """One row per claim: the ``factlint extract`` contract and its extensions."""

    article: Series[str] = pa.Field(str_length={"min_value": 1})
    path: Series[str] = pa.Field(str_length={"min_value": 1})
    line: Series[int] = pa.Field(ge=1)
    column: Series[int] = pa.Field(ge=1)
    end_line: Series[int] = pa.Field(ge=1)
    end_column: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=list(KINDS))
    value: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    unit: Series[str] = pa.Field(str_matches=UNIT_PATTERN)
    qualifier: Series[str] = pa.Field(isin=HEDGES)
    metric: Series[str] = pa.Field(str_matches=r"^$|^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    period: Series[str] = pa.Field(str_matches=PERIOD)
    subject: Series[str]
    sentence: Series[str]
    claim_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    published: Series[str] = pa.Field(str_matches=r"^$|^\d{4}-\d{2}-\d{2}$")
    outlet: Series[str]
    direction: Series[str] = pa.Field(isin=list(DIRECTIONS))
    date: Series[str]
    malformed: Series[str]
    subject_key: Series[str]
    measure: Series[str]
    measure_key: Series[str]
    period_kind: Series[str] = pa.Field(isin=list(PERIOD_KINDS))
    modality: Series[str] = pa.Field(isin=list(MODALITIES))
    caption: Series[bool]

    class Config:
        strict = False
        coerce = False

    @pa.dataframe_check(error="low <= value <= high")
    @classmethod
    def interval_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        """The figure lies inside its own interval (ranges use their midpoint)."""
        has = df["value"].notna() & df["low"].notna() & df["high"].notna()
        return ~has | ((df["low"] <= df["value"] + 1e-9) & (df["value"] <= df["high"] + 1e-9))

    @pa.dataframe_check(error="money and counts are >= 0")
    @classmethod
    def non_negative(cls, df: pd.DataFrame) -> Series[bool]:
        """Amounts of money and counts are never negative."""
        amount = df["kind"].isin(["money", "count", "duration", "rank"])
        return ~amount | df["low"].isna() | (df["low"] >= 0)

    @pa.dataframe_check(error=f"percent within {PERCENT_RANGE}")
    @classmethod
    def percent_sane(cls, df: pd.DataFrame) -> Series[bool]:
        """A percent between -1000 and 100000 (a 1000-fold rise is still plausible news)."""
        pct = df["kind"] == "percent"
        return ~pct | df["value"].between(*PERCENT_RANGE)

    @pa.dataframe_check(error="money has an ISO 4217 currency")
    @classmethod
    def money_has_currency(cls, df: pd.DataFrame) -> Series[bool]:
        """Every money claim names its currency."""
        return (df["kind"] != "money") | df["unit"].astype(str).str.split("/").str[0].isin(CURRENCY_CODES)


def validate(df: pd.DataFrame, articles: set[str] | None = None) -> pd.DataFrame:
    """Validate the claims table lazily; return the failure cases (empty when valid).

    Args:
        df: The claims table.
        articles: Ids of the articles in the corpus; every claim's article must be one of them.

    Returns:
        One row per failure: ``claim_id``, ``article``, ``text``, ``column``, ``check``, ``value``.

    """
    rows = []
    try:
        ClaimsSchema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        seen = set()
        for _, f in exc.failure_cases.iterrows():
            idx = f.get("index")
            rec = df.loc[idx] if idx is not None and not pd.isna(idx) and idx in df.index else None
            row_check = f["schema_context"] == "DataFrameSchema"  # a check over the whole row
            key = (idx, str(f["check"])) if row_check else None
            if key is not None:
                if key in seen:
                    continue
                seen.add(key)
            rows.append({
                "claim_id": rec["claim_id"] if rec is not None else "",
                "article": rec["article"] if rec is not None else "",
                "text": rec["text"] if rec is not None else "",
                "column": "(row)" if row_check or not isinstance(f["column"], str) else f["column"],
                "check": _short(str(f["check"])),
                "value": "" if row_check else f["failure_case"],
            })
    if articles is not None:
        for _, rec in df[~df["article"].isin(articles)].iterrows():
            rows.append({"claim_id": rec["claim_id"], "article": rec["article"], "text": rec["text"],
                         "column": "article", "check": "article in corpus", "value": rec["article"]})
    return pd.DataFrame(rows, columns=["claim_id", "article", "text", "column", "check", "value"])


def render_failures(failures: pd.DataFrame) -> str:
    """The failure table as text, for terminals and test output."""
    if failures.empty:
        return "claims table: valid"
    return tabulate(failures.values.tolist(), headers=list(failures.columns), tablefmt="simple")


def _short(check: str) -> str:
    """``isin(['', '%', …])`` is long; keep the check's name and the start of its argument."""
    return check if len(check) <= 48 else check[:45] + "…"
