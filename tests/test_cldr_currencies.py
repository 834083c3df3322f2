"""The reader's currencies come from CLDR: every currency in use that CLDR names in Vietnamese is read."""

from __future__ import annotations

import pytest
import regex
from babel import Locale

from factlint.vi import lexicon as lx
from factlint.vi import read_quantities
from factlint.vi.tokens import _alt, _trie

_VI = Locale("vi")
_CODES = sorted(set(lx.cldr_currencies().values()))


def _money(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in read_quantities(text) if q.kind == "money"]


def test_cldr_gives_the_currencies_in_use() -> None:
    # every currency legal tender today that CLDR names; the common ones are among them, withdrawn ones are not
    assert len(_CODES) > 140
    assert {"USD", "EUR", "JPY", "CNY", "KRW", "VND", "THB", "LAK", "KHR", "IDR", "INR", "MYR"} <= set(_CODES)
    assert not {"DEM", "FRF", "ITL", "XAU", "XAG", "XXX"} & set(_CODES)  # the Mark, gold ("Vàng"), "no currency"


@pytest.mark.parametrize("code", _CODES)
def test_every_cldr_currency_name_is_read(code: str) -> None:
    name = _VI.currencies[code]
    for form in (name, name[:1].lower() + name[1:]):  # as CLDR writes it, and inside a sentence
        assert _money(f"Giá bán là 5 triệu {form}.") == [(5e6, code)], form


@pytest.mark.parametrize("symbol, code", sorted(lx.cldr_symbols().items()))
def test_cldr_symbols_are_read_after_the_figure(symbol: str, code: str) -> None:
    assert _money(f"Giá bán là 5 triệu {symbol}.") == [(5e6, code)]


@pytest.mark.parametrize("text, want", [
    ("Giá khởi điểm 32.5 triệu IDR.", (32.5e6, "IDR")),  # a code CLDR gives, the hand table lacked
    ("Đặt cọc 1.000 Bảng Anh.", (1000.0, "GBP")),  # CLDR's capitalised name
    ("Giá vé HK$ 500.", (500.0, "HKD")),  # CLDR's symbol written before the figure
    ("Bán được 3 tỷ yên.", (3e9, "JPY")),  # the bare name: from the hand table, which CLDR lacks
])
def test_cldr_and_hand_forms(text: str, want: tuple[float, str]) -> None:
    assert _money(text) == [want]


@pytest.mark.parametrize("text", ["Lọt vào 5 TOP đầu bảng.", "Có 3 ALL trong danh sách.", "Gửi 2 SOS liên tiếp."])
def test_codes_that_are_words_are_not_money(text: str) -> None:
    assert _money(text) == []


def test_hand_table_keeps_only_what_cldr_lacks() -> None:
    assert not set(lx.CURRENCIES_NOT_IN_CLDR) & set(lx.cldr_currencies())


def test_the_currency_trie_matches_as_the_alternation_does() -> None:
    forms = list(lx.CURRENCIES)
    trie, alt = regex.compile(_trie(forms) + r"(?![\p{L}\p{N}$])"), regex.compile(_alt(forms) + r"(?![\p{L}\p{N}$])")
    for form in forms:
        for text in (form, f"{form}.", f"{form} Mỹ", form.replace(" ", "  "), f"{form}x", form[:-1]):
            a, t = alt.match(text), trie.match(text)
            assert (a and a.group()) == (t and t.group()), text
