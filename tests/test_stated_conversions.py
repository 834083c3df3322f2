"""Stated conversions (FL103, FL105, FL104): detection of the pair, interval edges, bridging, the year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factlint.checks import CODES, CheckConfig, FxTable
from factlint.checks.conversions import check_stated_conversions, is_conversion, stated_pairs, years_of
from factlint.suite import run
from factlint.vi import read_quantities
from helpers import claim, table

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "conversions"
FX = FxTable({"VND": {2019: (23000.0, 23500.0), 2023: (23350.0, 24550.0)},
              "JPY": {2019: (100.0, 110.0), 2023: (127.2, 151.9)}}, "fx.yaml", {"VND": 3, "JPY": 7})
EXACT = CheckConfig(conversion_tolerance=0.0)


def said(sentence: str, published: str = "2019-06-01", period: str = "", **kw: object) -> list:
    """The claims of one sentence as the reader reads them (offsets as in an article that is this sentence)."""
    out = []
    for q in read_quantities(sentence, None):
        out.append(claim("a1", q.text, kind=q.kind, value=q.value, low=q.low, high=q.high, unit=q.unit,
                         lo_open=q.low_open, hi_open=q.high_open, qualifier=q.hedge, metric="", period=period,
                         sentence=sentence, offset=q.start, published=published, **kw))
    return out


def pair(a: str, a_iv: tuple[float, float], a_unit: str, b: str, b_iv: tuple[float, float], b_unit: str,
         sep: str = " (tương đương ", a_open: tuple[bool, bool] = (False, False),
         b_open: tuple[bool, bool] = (False, False), **kw: object) -> list:
    """Two hand-built claims side by side in one sentence: exact intervals for the edges."""
    sentence = f"Dự án {a}{sep}{b})."
    kw.setdefault("published", "2019-06-01")
    kw.setdefault("period", "")
    ca = claim("a1", a, value=a_iv[0], low=a_iv[0], high=a_iv[1], unit=a_unit, lo_open=a_open[0],
               hi_open=a_open[1], metric="", sentence=sentence, offset=6, **kw)
    cb = claim("a1", b, value=b_iv[1], low=b_iv[0], high=b_iv[1], unit=b_unit, lo_open=b_open[0],
               hi_open=b_open[1], metric="", sentence=sentence, offset=6 + len(a) + len(sep), line=1, **kw)
    return [ca, cb]


def codes(claims: list, cfg: CheckConfig = EXACT, fx: FxTable = FX) -> list[str]:
    return [f.code for f in check_stated_conversions(table(*claims), cfg, fx)]


# ---------------------------------------------------------------------------------------------- the pair


@pytest.mark.parametrize("sentence", [
    "Dự án có tổng vốn 15.000 tỷ đồng (tương đương 650 triệu USD).",
    "Nhật Bản cho vay 20 tỷ Yen (180 triệu USD) trong năm nay.",
    "Khoản vay 50 tỷ yên, khoảng 450 triệu USD, được ký hôm qua.",
    "Tổng giá trị đạt hơn 100 tỷ yên (tương đương gần 800 triệu USD), cao nhất.",
    "Mỗi suất học bổng 1 triệu USD (khoảng 23 tỷ đồng).",
    "Gói hỗ trợ 2 tỷ USD, tức 46.000 tỷ đồng.",
    "Doanh thu 10 triệu euro ~ 11 triệu USD.",
    "Khoản vay 5 tỷ yên (Tương đương với 1.000 tỷ đồng).",
    "Giá trị 3 tỷ USD hay 69.000 tỷ đồng.",
])
def test_a_stated_conversion_is_a_pair(sentence):
    got = [(a["unit"], b["unit"]) for a, b in stated_pairs(table(*said(sentence)))]
    assert len(got) == 1 and got[0][0] != got[0][1], got


@pytest.mark.parametrize("sentence", [
    "Xuất khẩu 5 tỷ USD và nhập khẩu 100 tỷ yên.",                     # a list, not a restatement
    "Vốn 1 tỷ USD, 2.000 tỷ đồng vốn đối ứng.",                        # a bare comma without a cue
    "Dự án 500 triệu USD (trong đó 20 tỷ yên vốn ODA).",               # words in the parenthesis
    "Khoản vay 100 tỷ yên (năm 2019) và 800 triệu USD (năm 2020).",    # a year between them
    "Dự án 1 tỷ USD; hạng mục khác 23.000 tỷ đồng.",                   # another clause
    "Thu 20 tỷ đồng (tương đương 40 tỷ đồng năm trước).",              # one currency
    "Vay 20 tỷ yên. Khoảng 180 triệu USD đã giải ngân.",               # two sentences
    "Mỗi ounce có giá 1.252 USD, tương đương 34,29 triệu đồng một lượng.",  # per ounce vs per lượng
    "Giá 2.000 USD (46 triệu đồng/tấn).",                              # a unit only the second has
])
def test_other_neighbours_are_not_a_pair(sentence):
    assert stated_pairs(table(*said(sentence))) == []


def test_cue_and_separator_shapes():
    assert is_conversion(" (", "") and is_conversion(", tương đương ", "") and is_conversion(", ", "khoảng")
    assert not is_conversion(", ", "") and not is_conversion(" ", "hơn") and not is_conversion(" và ", "")
    assert not is_conversion(") (", "")  # the first parenthesis closed: two separate asides
    assert is_conversion(" (", "", ")/người") and not is_conversion(", tương đương ", "", " mỗi tấn")


def test_a_comma_before_three_digits_may_separate_thousands():
    # "57,945 USD" is read 57,945 (decimal comma); the article means 57.945 USD, about 1,3 tỷ đồng in 2019
    assert codes(said("Anh kiếm được 57,945 USD (khoảng 1,3 tỷ đồng).")) == []
    assert codes(said("Anh kiếm được 57,9 USD (khoảng 1,3 tỷ đồng).")) == ["FL103"]
    assert codes(said("Anh kiếm được 57,945 USD (khoảng 3 tỷ đồng).")) == ["FL103"]


# ---------------------------------------------------------------------------------------------- edges


def test_just_inside_and_just_outside_the_rate_range():
    # 23.000 tỷ đồng at 23,000–23,500 VND/USD is 978.7 triệu – 1 tỷ USD
    vnd = ("23.000 tỷ đồng", (23000e9, 23000e9), "VND")
    assert codes(pair(*vnd, "1 tỷ USD", (1e9, 1e9), "USD")) == []                 # the low-rate edge itself
    assert codes(pair(*vnd, "1,001 tỷ USD", (1.001e9, 1.001e9), "USD")) == ["FL103"]
    assert codes(pair(*vnd, "978 triệu USD", (978e6, 978e6), "USD")) == ["FL103"]  # past the high-rate edge
    assert codes(pair(*vnd, "979 triệu USD", (979e6, 979e6), "USD")) == []


def test_tolerance_is_configuration():
    claims = pair("23.000 tỷ đồng", (23000e9, 23000e9), "VND", "1,015 tỷ USD", (1.015e9, 1.015e9), "USD")
    assert codes(claims, CheckConfig(conversion_tolerance=0.02)) == []
    assert codes(claims, CheckConfig(conversion_tolerance=0.01)) == ["FL103"]


def test_open_ends_of_hedges():
    # exactly 23.500 tỷ đồng is 1–1,0217 tỷ USD: "gần 1 tỷ" excludes 1 tỷ, the only point they share
    high = ("23.500 tỷ đồng", (23500e9, 23500e9), "VND")
    out = check_stated_conversions(table(*pair(*high, "gần 1 tỷ USD", (0.9e9, 1e9), "USD", b_open=(False, True))),
                                   EXACT, FX)
    assert [(f.code, f.severity) for f in out] == [("FL103", "warning")]  # a gap of nothing but the open end
    assert codes(pair(*high, "1 tỷ USD", (1e9, 1e9), "USD")) == []
    low = ("23.000 tỷ đồng", (23000e9, 23000e9), "VND")  # 978.7 triệu – 1 tỷ USD: "hơn 1 tỷ" excludes 1 tỷ
    assert codes(pair(*low, "hơn 1 tỷ USD", (1e9, 1.1e9), "USD", b_open=(True, False))) == ["FL103"]


def test_hedged_both_sides():
    yen = ("hơn 100 tỷ yên", (100e9, 110e9), "JPY")
    kw = {"a_open": (True, False), "published": "2023-12-01"}
    assert codes(pair(*yen, "gần 800 triệu USD", (720e6, 800e6), "USD", b_open=(False, True), **kw)) == []
    out = check_stated_conversions(
        table(*pair(*yen, "gần 500 triệu USD", (450e6, 500e6), "USD", b_open=(False, True), **kw)), EXACT, FX)
    assert [(f.code, f.severity) for f in out] == [("FL103", "error")]
    assert (out[0].locations[0].text, out[0].locations[1].text) == ("gần 500 triệu USD", "hơn 100 tỷ yên")


def test_bridging_jpy_through_usd_to_vnd():
    # 1 tỷ yên at 100–110 JPY/USD is 9,09–10 triệu USD, at 23,000–23,500 VND/USD 209–235 tỷ đồng
    yen = ("1 tỷ yên", (1e9, 1e9), "JPY")
    assert codes(pair(*yen, "230 tỷ đồng", (230e9, 230e9), "VND")) == []
    out = check_stated_conversions(table(*pair(*yen, "300 tỷ đồng", (300e9, 300e9), "VND")), EXACT, FX)
    assert [f.code for f in out] == ["FL103"]
    assert "at 2019 rates (100–110 JPY/USD, 23,000–23,500 VND/USD)" in out[0].message
    assert "the article says '300 tỷ đồng'" in out[0].message


def test_prices_per_one_unit_convert_as_their_currency():
    # "16-17 yên/kg (hơn 3.700 đồng/kg)": both per kilogram, so yen to dong at 2019 rates (209–235 đồng a yen)
    assert codes(said("Giá 16-17 yên/kg (tương đương hơn 3.700 đồng/kg).")) == []
    out = check_stated_conversions(table(*said("Giá 16-17 yên/kg (tương đương hơn 6.000 đồng/kg).")), EXACT, FX)
    assert [f.code for f in out] == ["FL103"]
    assert "(100–110 JPY/USD, 23,000–23,500 VND/USD)" in out[0].message
    # a price per kilogram restates no amount, nor a price per tonne one per kilogram
    assert codes(said("Giá 17 yên/kg (tương đương 3,7 triệu đồng/tấn).")) == []


def test_message_carries_the_figures_and_the_arithmetic():
    out = check_stated_conversions(table(*said("Dự án 15.000 tỷ đồng (tương đương 720 triệu USD).")),
                                   CheckConfig(), FX)
    assert [f.code for f in out] == ["FL103"]
    m = out[0].message
    assert m.startswith("'15.000 tỷ đồng' at 2019 rates (23,000–23,500 VND/USD) is 638–653 triệu USD; "
                        "the article says '720 triệu USD' (719–721 triệu USD): off by 54,3 triệu USD (7.5%)")
    assert m.endswith("beyond a 2% tolerance")


# ---------------------------------------------------------------------------------------------- the year


def test_unknown_year_is_info_and_names_the_years_that_fit():
    # 100 tỷ yên is 20.804–23.618 tỷ đồng at 2019 rates, 15.295–19.396 tỷ at 2023 rates
    out = check_stated_conversions(table(*said("Vay 100 tỷ yên (tương đương 23.000 tỷ đồng).", published="")),
                                   CheckConfig(), FX)
    assert [(f.code, f.severity) for f in out] == [("FL105", "info")]
    assert "no year to convert at" in out[0].message and "the rates of 2019 allow it" in out[0].message
    out = check_stated_conversions(table(*said("Vay 100 tỷ yên (tương đương 30.000 tỷ đồng).", published="")),
                                   CheckConfig(), FX)
    assert [f.code for f in out] == ["FL105"] and "no year of the exchange-rate table (2019–2023)" in out[0].message


def test_a_period_from_the_publication_date_alone_is_not_the_claims_own():
    # a rule that fell back on an inferred publication date: no stated date, so no year
    claims = said("Vay 100 tỷ yên (tương đương 23.000 tỷ đồng).", published="", period="2019",
                  period_source="published")
    assert codes(claims) == ["FL105"]


def test_the_claims_own_period_and_the_publication_year_both_count():
    text = "Vay 100 tỷ yên (tương đương 23.000 tỷ đồng)."  # fits 2019 rates, not 2023
    assert codes(said(text, published="2023-05-01")) == ["FL103"]
    assert codes(said(text, published="2023-05-01", period="2019", period_source="stated")) == []
    assert codes(said(text, published="", period="2019", period_source="stated")) == []
    assert codes(said(text, published="", period="2023", period_source="stated")) == ["FL103"]
    # a figure of 2023 converted at the rate of the day in an article of 2019
    assert codes(said(text, published="2019-05-01", period="2023", period_source="stated")) == []
    out = check_stated_conversions(table(*said("Vay 100 tỷ yên (tương đương 30.000 tỷ đồng).",
                                               published="2023-05-01", period="2019", period_source="stated")),
                                   EXACT, FX)
    assert [f.code for f in out] == ["FL103"]
    assert "at 2019 rates (100–110 JPY/USD, 23,000–23,500 VND/USD; the nearest of 2019, 2023)" in out[0].message


def test_a_year_without_a_rate_and_a_currency_without_rates():
    assert codes(said("Vay 100 tỷ yên (tương đương 23.000 tỷ đồng).", published="2021-01-01")) == ["FL104"]
    # a period the table lacks beside a publication year it has: the year it has decides
    text = "Vay 100 tỷ yên (tương đương {} tỷ đồng)."
    assert codes(said(text.format("23.000"), published="2019-01-01", period="2003", period_source="stated")) == []
    assert codes(said(text.format("30.000"), published="2019-01-01", period="2003", period_source="stated")) == [
        "FL103"]
    out = check_stated_conversions(table(*said("Giá 1 triệu bảng Anh (khoảng 1,3 triệu USD).")), EXACT, FX)
    assert [f.code for f in out] == ["FL104"] and "rates.GBP" in out[0].message


def test_a_pair_one_metric_takes_is_left_to_the_agreement_check():
    claims = [c.__class__(**{**c.as_dict(), "metric": "oda.total", "period": "2019"})
              for c in said("Vay 100 tỷ yên (tương đương 30.000 tỷ đồng).")]
    assert codes(claims) == []


# ---------------------------------------------------------------------------------------------- registry, table


def test_codes_are_registered_and_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"FL103", "FL105"} <= set(CODES)
    for c in CODES.values():
        assert c.severity in ("error", "warning", "info") and c.description
        assert re.search(rf"^\| {c.code} \|", readme, re.M), c.code


def test_fx_table_covers_2005_to_2025_and_names_its_source():
    fx = FxTable.load(ROOT / "claims" / "reference" / "fx.yaml")
    for cur in ("VND", "JPY", "EUR", "CNY", "KRW"):
        assert set(range(2005, 2026)) <= set(fx.rates[cur]), cur
    text = (ROOT / "claims" / "reference" / "fx.yaml").read_text(encoding="utf-8")
    assert "State Bank of Vietnam" in text and "H.10" in text and "3 %" in text


# ---------------------------------------------------------------------------------------------- fixture corpus


def test_fixture_corpus_finds_the_planted_conversion_at_its_article_and_line():
    r = run([FIXTURE / "articles"], FIXTURE / "claims", None)
    got = sorted((f.code, f.locations[0].article, f.locations[0].line, f.locations[0].text) for f in r.findings)
    assert got == [("FL103", "c2", 9, "khoảng 1,4 tỷ USD"), ("FL105", "c3", 7, "35.000 tỷ đồng")]


def test_a_conversion_is_read_at_any_rate_from_the_figures_period_to_the_day_of_writing():
    """A sale of 2019 told later is converted at the later day's rate: with no publication date, every year from
    the period to the table's last year counts; a conversion no such year allows is still an error."""
    text = "Vay 100 tỷ yên (tương đương {} tỷ đồng)."
    assert codes(said(text.format("23.000"), published="", period="2019", period_source="stated")) == []
    assert codes(said(text.format("18.000"), published="", period="2019", period_source="stated")) == []  # 2023
    assert codes(said(text.format("50.000"), published="", period="2019", period_source="stated")) == ["FL103"]
    assert years_of({"published": "", "period": "2019", "period_source": "stated"},
                    {"period": "", "period_source": ""}, last=2023) == [2019, 2020, 2021, 2022, 2023]
