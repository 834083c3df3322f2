"""Cue words of a stated currency conversion: "15.000 tỷ đồng (tương đương 650 triệu USD)".

Tables only; the language-neutral check (``factlint.checks.conversions``) compiles them. A cue stands between
the two amounts ("50 tỷ yên, tức 450 triệu USD") or is the hedge of the second ("50 tỷ yên, khoảng 450 triệu
USD": the reader keeps "khoảng" inside the second amount's text). Matched case-insensitively, longest first.
"""

from __future__ import annotations

# Words between two amounts that restate the first in another currency.
CONVERSION_CUES: tuple[str, ...] = (
    "tương đương với", "tương đương khoảng", "tương đương", "tương ứng với", "tương ứng",
    "tức là", "tức", "hay", "quy đổi ra", "quy đổi thành", "quy đổi", "quy ra", "đổi ra", "trị giá",
    "theo tỷ giá hiện nay", "theo tỷ giá hiện tại", "theo tỷ giá hiện hành", "theo tỷ giá",
    "theo tỉ giá hiện nay", "theo tỉ giá hiện tại", "theo tỉ giá hiện hành", "theo tỉ giá",
    "khoảng", "vào khoảng", "chừng", "xấp xỉ", "ước tính", "ước khoảng", "ước", "cỡ",
)

# Hedges of the second amount that make it a restatement of the first even after a bare comma.
CONVERSION_HEDGES: frozenset[str] = frozenset({
    "khoảng", "chừng", "xấp xỉ", "ước", "ước tính", "ước khoảng", "dự kiến khoảng",
})

# Words after the second amount that price it per unit ("34,29 triệu đồng một lượng", "mỗi tấn"): when only the
# second carries one, the two are different quantities (an ounce price beside a price per lượng), not a conversion.
PER_UNIT_WORDS: tuple[str, ...] = ("một", "mỗi", "trên một", "cho một", "cho mỗi")
