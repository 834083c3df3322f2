"""The reader's unit names come from CLDR: every CLDR unit name and symbol we claim to read is read."""

from __future__ import annotations

import pytest
from babel.units import get_unit_name

from factlint.vi import lexicon as lx
from factlint.vi import read_quantities

_FORMS = sorted((form, uid, symbol) for uid, symbol in lx.CLDR_UNITS.items() for length in ("long", "short")
                if (form := get_unit_name(uid, length=length, locale="vi")))


def _read(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in read_quantities(text)]


def test_cldr_gives_names_for_the_units_we_claim() -> None:
    assert len(_FORMS) >= 2 * len(lx.CLDR_UNITS) - 6  # a few units have a symbol and no long name
    assert {"kilômét", "héc-ta", "kilôgam", "mililít", "kilôoát giờ", "km", "ha", "kWh"} <= {f for f, _, _ in _FORMS}


@pytest.mark.parametrize(("form", "uid", "symbol"), _FORMS)
def test_every_cldr_unit_name_we_claim_is_read(form: str, uid: str, symbol: str) -> None:
    assert _read(f"Công suất đạt 25 {form}.") == [(25.0, symbol)], uid
    if any(c.islower() for c in form) and len(form) > 4:  # a name, read in a headline's capitals too
        assert _read(f"CÔNG SUẤT ĐẠT 25 {form.upper()}.") == [(25.0, symbol)], uid


def test_hand_tables_keep_only_what_cldr_lacks() -> None:
    cldr = lx.cldr_units()
    assert not set(lx.PHYSICAL_NOT_IN_CLDR) & set(cldr)
    assert not {" ".join(s) for s in lx.TRANSLITERATED_UNITS} & set(cldr)


@pytest.mark.parametrize(("syllables", "symbol"), sorted(lx.TRANSLITERATED_UNITS.items()))
def test_transliterated_units_are_read_with_spaces_or_hyphens(syllables: tuple[str, ...], symbol: str) -> None:
    for sep in (" ", "-"):
        assert _read(f"đạt 12 {sep.join(syllables)} trong năm") == [(12.0, symbol)]
