"""The check types.

Each is a pure function from the claims table (or the mentions) and configuration to findings;
:func:`run_checks` runs them all in a fixed order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from factlint.checks.agreement import check_agreement
from factlint.checks.arithmetic import CODES as ARITHMETIC_CODES
from factlint.checks.arithmetic import check_arithmetic
from factlint.checks.common import CheckConfig, FxTable
from factlint.checks.conversions import CODES as CONVERSION_CODES
from factlint.checks.conversions import check_stated_conversions
from factlint.checks.dates import check_anniversaries, check_dates
from factlint.checks.expectations import CODES as EXPECTATION_CODES
from factlint.checks.expectations import check_expectations
from factlint.checks.magnitude import check_magnitude
from factlint.checks.open_comparables import CODES as OPEN_CODES
from factlint.checks.open_comparables import check_open_comparables
from factlint.checks.ranks import check_ranks
from factlint.checks.relations import check_count_lists, check_parts, check_sums
from factlint.checks.restatement import CODES as RESTATEMENT_CODES
from factlint.checks.restatement import check_restatements
from factlint.checks.typos import check_malformed, check_names, check_titles
from factlint.findings import Finding
from factlint.names import Mention

if TYPE_CHECKING:
    import pandera.pandas as pa

# check name (as in checks/test_<name>.py) -> the finding `check` values it covers
SUITES = {
    "corpus": ("corpus",),
    "agreement": ("agreement", "conversion"),
    "conversions": ("stated_conversion",),
    "arithmetic": ("stated_parts", "stated_share", "shares_over_100", "stated_change", "stated_ratio",
                   "restatement"),
    "relations": ("sum", "part_of", "count_list"),
    "ranks": ("rank",),
    "dates": ("anniversary", "date_after_publication", "date_range"),
    "magnitude": ("magnitude",),
    "typos": ("malformed_numeral", "name_variant", "title_variant"),
    "expectations": ("expectation",),
}


def run_checks(df: pd.DataFrame, mentions: list[Mention], cfg: CheckConfig, fx: FxTable,
               schemas: dict[str, pa.DataFrameSchema] | None = None) -> list[Finding]:
    """Every check over the claims table and the mentions, findings in a deterministic order.

    ``schemas`` are the metrics' expectation schemas (:func:`factlint.expectations.build_schemas`).
    """
    findings: list[Finding] = []
    findings += check_agreement(df, cfg, fx)
    findings += check_stated_conversions(df, cfg, fx)
    findings += check_restatements(df, cfg)
    findings += check_arithmetic(df, cfg)
    findings += check_open_comparables(df, cfg, fx)
    findings += check_sums(df, cfg, fx)
    findings += check_parts(df, cfg, fx)
    findings += check_count_lists(df, cfg)
    findings += check_ranks(df, cfg)
    findings += check_anniversaries(df, cfg)
    findings += check_dates(df, cfg)
    findings += check_magnitude(df, cfg)
    findings += check_malformed(df, cfg)
    findings += check_names(mentions, cfg)
    findings += check_titles(mentions, cfg)
    findings += check_expectations(df, schemas or {})
    return findings


# codes declared by the check modules that declare them (code, name, default severity, one-line description)
CODES = {c.code: c for c in (*CONVERSION_CODES, *RESTATEMENT_CODES, *ARITHMETIC_CODES, *OPEN_CODES,
                                    *EXPECTATION_CODES)}

__all__ = ["CODES", "SUITES", "CheckConfig", "FxTable", "run_checks"]
