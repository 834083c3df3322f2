"""The Vietnamese syllable shape: real words against slips of the keyboard, units and labels."""

import pytest

from factlint.vi.syllable import fold, is_syllable, is_vietnamese_word


@pytest.mark.parametrize("word", ["ngành", "giai", "người", "Khôi", "khuya", "quyết", "Nguyễn", "thanh", "ôi",
                                  "chụp", "triêu", "nghiêng", "oán", "yêu"])
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["nghìnn", "triệuu", "Komuru", "Theresa", "mins", "mAh", "kV", "oC", "gr", "xxx",
                                  "update", "Kishida", ""])
def test_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(("word", "expected"), [
    ("giờ", True), ("tuổi", True), ("con", True), ("giai", True), ("sàn", True),
    ("a", False), ("i", False), ("gr", False), ("mAh", False), ("xxx", False), ("berlinetta", False),
    ("Giờ", False), ("ḅp", False),
])
def test_glued_letters_read_as_a_vietnamese_word(word, expected):
    assert is_vietnamese_word(word) is expected


def test_fold():
    assert fold("Đường Nguyễn") == "duong nguyen"
