"""Every territory CLDR names in Vietnamese is read as a party, by its whole name and by each part news writes alone."""

from __future__ import annotations

import pytest
from babel import Locale

from factlint.vi.subjects import parties

TERRITORIES = {code: name for code, name in Locale("vi").territories.items()
               if len(code) == 2 and code.isalpha() and code not in {"ZZ", "QO", "EZ", "UN", "XA", "XB", "XK"}}


@pytest.mark.parametrize("code", sorted(TERRITORIES))
def test_every_cldr_territory_is_read_by_its_name(code):
    name = TERRITORIES[code]
    got = parties(f"Kim ngạch thương mại với {name} tăng mạnh.")
    assert any(p.key == code for p in got), (name, [(p.text, p.key) for p in got])


@pytest.mark.parametrize(("written", "code"), [
    ("Myanmar", "MM"), ("Miến Điện", "MM"),  # CLDR: "Myanmar (Miến Điện)"
    ("Hồng Kông", "HK"),  # CLDR: "Đặc khu Hành chính Hồng Kông, Trung Quốc"
])
def test_each_part_of_a_compound_cldr_name_is_read_alone(written, code):
    got = parties(f"Kim ngạch thương mại Việt Nam - {written} đạt 85 triệu USD.")
    assert [p.key for p in got] == [f"VN+{code}"]
