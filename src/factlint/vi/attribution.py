"""The Vietnamese cue words attribution uses, gathered in one place for ``factlint.attribute``.

Another language is a sibling package offering the same names.
"""

from factlint.vi.measures import (
    FLOWS,
    GENERIC,
    MONEY,
    NARROWER,
    NATIONAL_BY_DEFAULT,
    PARTNER_FLOW,
    PEOPLE,
    PERCENT_ONLY,
    RELATIONAL,
    SOURCED,
    TRADE,
    VAGUE_HEADS,
    Measure,
    continues,
    field_after,
    measures,
    possessed,
)
from factlint.vi.modality import cues as modality_cues
from factlint.vi.modality import governs
from factlint.vi.periods import PeriodMention, day_periods, own_gap, periods, year_to_date
from factlint.vi.subjects import (
    NATIONAL_KEY,
    NATIONAL_NAME,
    WHOLE_NATION,
    Party,
    bilateral_cue,
    is_source,
    pair_key,
    parties,
    possessor,
    role,
    topic_shift,
)

__all__ = [
    "FLOWS",
    "GENERIC",
    "MONEY",
    "NARROWER",
    "NATIONAL_BY_DEFAULT",
    "NATIONAL_KEY",
    "NATIONAL_NAME",
    "PEOPLE",
    "PARTNER_FLOW",
    "PERCENT_ONLY",
    "RELATIONAL",
    "SOURCED",
    "TRADE",
    "VAGUE_HEADS",
    "WHOLE_NATION",
    "Measure",
    "Party",
    "PeriodMention",
    "bilateral_cue",
    "continues",
    "field_after",
    "governs",
    "is_source",
    "day_periods",
    "measures",
    "modality_cues",
    "own_gap",
    "pair_key",
    "parties",
    "periods",
    "possessed",
    "possessor",
    "role",
    "topic_shift",
    "year_to_date",
]
