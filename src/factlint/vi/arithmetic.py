"""Cue words of the arithmetic an article states about itself: parts, shares, changes and ratios.

Tables only; the language-neutral checks (``factlint.checks.arithmetic``) compile them. Matched
case-insensitively, as whole words, longest first.
"""

from __future__ import annotations

# Between a total and its first part: "50 tỷ USD, trong đó xuất khẩu 24 tỷ USD", "10 người, gồm 6 …".
PART_CUES: tuple[str, ...] = ("trong đó", "trong số đó", "trong số này", "bao gồm", "gồm có", "gồm")

# After a list of parts, words that start something else: "…, chưa kể 10.000 nhân viên", "59 người khác".
PARTS_END: tuple[str, ...] = ("chưa kể", "ngoài ra", "còn lại", "bên cạnh đó", "cùng với", "khác")

# After a figure, words that make it a threshold, not a total: "từ 100 triệu USD trở lên".
THRESHOLD_AFTER: tuple[str, ...] = ("trở lên", "trở xuống", "trở đi")

# Scale words: a count written "417.335 tỷ" carries no counted noun of its own.
SCALE_WORDS: tuple[str, ...] = ("nghìn", "ngàn", "vạn", "trăm", "triệu", "tỷ", "tỉ")

# Before a percentage that is a share of a whole: "297 triệu USD, chiếm 20,9% tổng vốn FDI".
SHARE_CUES: tuple[str, ...] = ("chiếm", "chiếm tỷ trọng", "chiếm tỉ trọng", "chiếm tỷ lệ", "chiếm tỉ lệ",
                               "lần lượt chiếm", "chiếm lần lượt", "chiếm tới", "chiếm đến", "chiếm khoảng")

# Words for "the whole of" before the measure a share is of: "chiếm 20,9% tổng vốn FDI" is a share of FDI.
WHOLE_WORDS: tuple[str, ...] = ("tổng số", "tổng cộng", "tổng", "toàn bộ")

# Before a change: "tăng 12%", "giảm 3,5%" (a hedge after them belongs to the figure: "tăng hơn 30%").
RISE_CUES: tuple[str, ...] = ("tăng", "tăng thêm", "tăng trưởng", "tăng lên", "cao hơn", "nhiều hơn")
FALL_CUES: tuple[str, ...] = ("giảm", "giảm đi", "sụt giảm", "sụt", "thấp hơn", "ít hơn")

# "từ A lên B" / "từ A xuống B": the earlier and the later figure of one change, in one sentence.
FROM_CUES: tuple[str, ...] = ("từ", "từ mức")
TO_CUES: tuple[str, ...] = ("lên", "lên mức", "tăng lên", "lên tới", "lên đến", "xuống", "xuống mức",
                            "giảm xuống", "giảm còn", "còn")

# Words joining the last item of a list ("A, B và C"), and words of comparison that make a figure no part.
AND_WORDS: tuple[str, ...] = ("và", "cùng")
COMPARE_WORDS: tuple[str, ...] = ("gấp", "bằng", "hơn")

# "so với A": the figure a change is measured against, stated right after.
VERSUS_CUES: tuple[str, ...] = ("so với", "so với mức", "so với con số", "so với cùng kỳ là", "so với năm trước là")

# Between "gấp N lần" and the figure it multiplies: "gấp 3 lần so với mức 2 tỷ USD".
RATIO_OF: tuple[str, ...] = ("so với", "so với mức", "so với con số", "mức", "con số")
VERSUS = "so với"
SAME_PERIOD = "cùng kỳ"
YEAR_WORD = "năm"

# "so với cùng kỳ", "so với năm trước": the change is against the same period one year back.
YEAR_BACK_CUES: tuple[str, ...] = ("cùng kỳ", "năm trước", "năm ngoái", "cùng kì")

# "A gấp 3 lần B", "gấp đôi": a ratio. Number words after "gấp" that are the ratio itself.
RATIO_CUE = "gấp"
RATIO_TIMES = "lần"
RATIO_WORDS: dict[str, float] = {"đôi": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0, "năm": 5.0, "mười": 10.0}

# A change in percentage points is not a relative change: "tăng 2 điểm phần trăm".
POINTS: tuple[str, ...] = ("điểm phần trăm", "điểm %", "điểm")
