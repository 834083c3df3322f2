"""The fast paths of extraction give what the plain definitions give.

Each fast path (a pattern rewritten to scan faster, work skipped where it cannot find anything) is compared
with the straightforward definition it replaces, on hand-written cases with their traps and on generated text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract import sentences

# The plain definition: a break after a full stop (and closing quotes) before a capital, digit or opening quote,
# or a run of line breaks.
_PLAIN_SENTENCE_END = regex.compile(r"(?<=[.!?…;])[\"”’)\]]*[ \t]+(?=[\p{Lu}\d“\"(])|\n+")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PLAIN_SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def test_sentences_cases() -> None:
    # the closing quote after the stop goes with the break; "2." before a small letter ends nothing
    text = "Ông nói: “Đạt 5 tỷ USD.” Năm 2019 tăng. 24,2 tỷ… Đó là\n\nthứ 2. chưa hết"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Ông nói: “Đạt 5 tỷ USD.", "Năm 2019 tăng.", "24,2 tỷ…", "Đó là", "thứ 2. chưa hết"]
    assert sentences("") == []
    assert sentences("\n\nA. B") == [(2, 4), (5, 6)]
    assert sentences("Hết.. (Ảnh) x") == [(0, 5), (6, 13)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list(".!?…;\"”’)] \t\nAaĐđ1(“,"), max_size=40))
def test_sentences_match_the_plain_definition(text: str) -> None:
    assert sentences(text) == _plain_sentences(text)
