"""Whether a figure is achieved, estimated, planned, aimed at or promised: the cue words of Vietnamese news."""

from __future__ import annotations

import regex

from factlint.vi.scan import scan_at
from factlint.vi.tokens import _L, _R, _alt

MODALITIES = ("actual", "estimate", "forecast", "target", "pledge")

# Cue -> modality. A cue governs the figures after it in its clause (see factlint.attribute).
CUES: dict[str, str] = {
    "ước": "estimate", "ước tính": "estimate", "ước đạt": "estimate", "ước khoảng": "estimate",
    "ước chừng": "estimate", "theo ước tính": "estimate", "sơ bộ": "estimate",
    "dự kiến": "forecast", "dự báo": "forecast", "kế hoạch": "forecast", "theo kế hoạch": "forecast",
    "sẽ": "forecast", "sắp": "forecast", "trù tính": "forecast", "dự tính": "forecast", "có thể đạt": "forecast",
    # "có thể" before a verb of reaching or moving a figure: a possibility, not a result ("có thể lên tới 64,8% GDP",
    # "mỗi năm có thể đưa thêm hơn 100.000 người"); an assumption is a forecast's premise ("với giả định … 6,7%")
    "có thể lên": "forecast", "có thể lên tới": "forecast", "có thể lên đến": "forecast", "có thể tăng": "forecast",
    "có thể giảm": "forecast", "có thể vượt": "forecast", "có thể chạm": "forecast", "có thể đưa": "forecast",
    "có thể thu hút": "forecast", "giả định": "forecast", "giả thiết": "forecast",
    "mục tiêu": "target", "phấn đấu": "target", "chỉ tiêu": "target", "hướng tới": "target",
    "nhằm đạt": "target", "đặt ra": "target",
    "cam kết": "pledge", "hứa": "pledge", "tuyên bố sẽ": "pledge", "kỳ vọng": "forecast", "hy vọng": "forecast",
}
# A cue inside these is no cue: "hiệp ước" (a treaty), "vượt kế hoạch" / "so với kế hoạch" (an achieved figure
# measured against the plan), "vốn cam kết" (committed capital, an achieved figure), "sẽ" in "sẽ không".
_NOT_A_CUE = regex.compile(
    rf"{_L}(?:hiệp|công|quy|điều|mong|ao|nguyện|mơ)[ \t]+ước{_R}|{_L}ước[ \t]+(?:mơ|muốn|nguyện|vọng|ao|mong){_R}"
    rf"|(?-i:Kế hoạch)[ \t]*(?:và|-|–|&)[ \t]*(?-i:[ĐđD]ầu tư|[ĐD]ẦU TƯ)"  # the ministry, however its "đầu tư" is cased
    rf"|(?:vượt|so với|hoàn thành|đạt|bằng|kế)[ \t]+(?:\p{{L}}+[ \t]+)?(?:kế hoạch|chỉ tiêu|mục tiêu){_R}"
    rf"|(?:vốn|ODA|FDI|vay|viện trợ)(?:[ \t]+\p{{Lu}}\p{{L}}*){{0,3}}[ \t]+cam kết{_R}",
    regex.I,
)
_CUE_RE = regex.compile(rf"{_L}{_alt(CUES)}{_R}", regex.I)


_ACTUAL_BETWEEN = regex.compile(rf"{_L}đã{_R}|[;)]")  # "đã" (done), a new clause, a closed bracket


_CUE_FIRST = frozenset(c.split()[0] for c in CUES)


def governs(text: str, cue_end: int, figure_start: int) -> bool:
    """Whether a cue still governs a figure after it: not across ";" nor past "đã" (done: an achieved figure)."""
    return _ACTUAL_BETWEEN.search(text, cue_end, figure_start) is None


def cues(text: str, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Every modality cue of ``text``: (start, end, modality), in order."""
    out = []
    for m in scan_at(_CUE_RE, _CUE_FIRST, text, spans):
        # a cue inside a phrase that is no cue ("hiệp ước", "vượt kế hoạch", "Bộ Kế hoạch và Đầu tư")
        if any(b.start() <= m.start() < b.end() for b in _NOT_A_CUE.finditer(text, max(0, m.start() - 30),
                                                                              min(len(text), m.end() + 30))):
            continue
        out.append((m.start(), m.end(), CUES[" ".join(m.group().lower().split())]))
    return out
