"""Each check on small hand-built claims tables, edges included."""

from __future__ import annotations

import pytest

from factlint.checks import CheckConfig, FxTable
from factlint.checks.agreement import check_agreement
from factlint.checks.common import Interval
from factlint.checks.dates import check_anniversaries, check_dates
from factlint.checks.magnitude import check_magnitude
from factlint.checks.ranks import check_ranks
from factlint.checks.relations import check_count_lists, check_parts, check_sums, listed_items
from factlint.checks.typos import check_malformed, check_names, check_titles
from factlint.names import Mention
from helpers import claim, table

FX = FxTable({"JPY": {2023: (127.2, 151.9)}}, "fx.yaml")


# ---------------------------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(("a", "b", "meets"), [
    (Interval(45, 50, hi_open=True), Interval(50, 50), False),          # "gần 50" excludes 50
    (Interval(45, 50), Interval(50, 50), True),                          # closed ends touch
    (Interval(50, 55, lo_open=True), Interval(45, 50, hi_open=True), False),
    (Interval(45, 50, hi_open=True), Interval(49.5, 50.5), True),
    (Interval(1, 2), Interval(2.0000001, 3), False),
])
def test_interval_ends(a, b, meets):
    assert a.meets(b) is meets and b.meets(a) is meets


# ---------------------------------------------------------------------------------------------- agreement


def test_agreement_open_end_excludes_the_figure():
    df = table(claim("a1", "gần 50 tỷ USD", value=50e9, low=45e9, high=50e9, hi_open=True),
               claim("a2", "50 tỷ USD", value=50e9, low=50e9, high=50e9, published="2023-12-02"))
    out = check_agreement(df, CheckConfig(), FX)
    assert [(f.code, f.locations[0].article) for f in out] == [("FL101", "a2")]
    assert out[0].severity == "warning"  # a gap of nothing but the open end is small


def test_agreement_converts_prices_per_one_unit_by_their_currency():
    # 2 USD/kg against 290 yên/kg in 2023 (1,91-2,28 USD/kg): one price; against 400 yên/kg: another
    same = table(claim("a1", "2 USD/kg", value=2.0, unit="USD/kg"),
                 claim("a2", "290 yên/kg", value=290.0, unit="JPY/kg", published="2023-12-02"))
    assert check_agreement(same, CheckConfig(), FX) == []
    other = table(claim("a1", "2 USD/kg", value=2.0, unit="USD/kg"),
                  claim("a2", "400 yên/kg", value=400.0, unit="JPY/kg", published="2023-12-02"))
    out = check_agreement(other, CheckConfig(), FX)
    assert [f.code for f in out] == ["FL101"] and "USD/kg" in out[0].message


def test_agreement_closed_ends_agree():
    df = table(claim("a1", "x", value=50e9, low=45e9, high=50e9), claim("a2", "y", value=50e9))
    assert check_agreement(df, CheckConfig(), FX) == []


def test_agreement_zero_tolerance_exact_figures():
    df = table(claim("a1", "24,2 tỷ", value=24.2e9, low=24.15e9, high=24.25e9),
               claim("a2", "24,3 tỷ", value=24.3e9, low=24.25e9, high=24.35e9, published="2024-01-01"))
    assert check_agreement(df, CheckConfig(), FX) == []  # 24,25 belongs to both roundings
    df = table(claim("a1", "24,2 tỷ", value=24.2e9, low=24.2e9, high=24.2e9),
               claim("a2", "24,3 tỷ", value=24.3e9, low=24.3e9, high=24.3e9, published="2024-01-01"))
    out = check_agreement(df, CheckConfig(), FX)
    assert len(out) == 1 and out[0].locations[0].article == "a2" and "gap 100 triệu USD" in out[0].message


def test_agreement_missing_period_is_not_compared():
    df = table(claim("a1", "x", value=1e9, period=""), claim("a2", "y", value=9e9, period=""))
    assert check_agreement(df, CheckConfig(), FX) == []


def test_agreement_one_article_alone_and_within_one_article():
    assert check_agreement(table(claim("a1", "x", value=1e9)), CheckConfig(), FX) == []
    df = table(claim("a1", "x", value=1e9, line=1), claim("a1", "y", value=1.5e9, line=9))
    out = check_agreement(df, CheckConfig(), FX)
    assert len(out) == 1 and out[0].locations[0].line == 9 and out[0].severity == "error"


def test_agreement_majority_stands():
    df = table(claim("a1", "x", value=10), claim("a2", "y", value=10), claim("a3", "z", value=12, published="2020"))
    out = check_agreement(df, CheckConfig(), FX)
    assert [f.locations[0].article for f in out] == ["a3"]


def test_agreement_a_vaguer_third_claim_does_not_hide_a_contradiction():
    # "gần 80" meets "76,1" but not "70": the consensus is {76,1; gần 80}, and 70 against 76,1 alone is 7.9%
    df = table(claim("a1", "70 tỷ USD", value=70e9, low=69.95e9, high=70.05e9),
               claim("a2", "76,1 tỷ USD", value=76.1e9, low=76.05e9, high=76.15e9),
               claim("a3", "gần 80 tỷ USD", value=80e9, low=72e9, high=80e9, hi_open=True))
    out = check_agreement(df, CheckConfig(), FX)
    assert [(f.code, f.severity, f.locations[0].text) for f in out] == [("FL101", "error", "70 tỷ USD")]
    msg = out[0].message
    assert "a2 says '76,1 tỷ USD'" in msg and "a3 says 'gần 80 tỷ USD'" in msg
    assert "largest gap 6 tỷ USD (7.9%), to a2's '76,1 tỷ USD'" in msg
    assert {loc.text for loc in out[0].locations} == {"70 tỷ USD", "76,1 tỷ USD", "gần 80 tỷ USD"}


def test_agreement_names_only_the_claims_that_do_not_meet():
    # "khoảng 75" ([67,5 – 82,5]) meets both 70 and 76,1: it stands with the consensus and is not against either
    df = table(claim("a1", "70 tỷ USD", value=70e9, low=69.95e9, high=70.05e9),
               claim("a2", "khoảng 75 tỷ USD", value=75e9, low=67.5e9, high=82.5e9),
               claim("a3", "76,1 tỷ USD", value=76.1e9, low=76.05e9, high=76.15e9, published="2024-01-01"))
    out = check_agreement(df, CheckConfig(), FX)
    assert len(out) == 1 and out[0].severity == "error"
    assert "khoảng 75" not in out[0].message and "gap 6 tỷ USD (7.9%)" in out[0].message


@pytest.mark.parametrize(("text", "low", "high", "lo_open", "hi_open"), [
    ("gần 50 tỷ USD", 45e9, 50e9, False, True),    # [45, 50): the open end is the only point 50 could share
    ("hơn 50 tỷ USD", 50e9, 55e9, True, False),    # (50, 55]
])
def test_agreement_three_claims_one_open_ended(text, low, high, lo_open, hi_open):
    df = table(claim("a1", text, value=50e9, low=low, high=high, lo_open=lo_open, hi_open=hi_open),
               claim("a2", "50 tỷ USD", value=50e9), claim("a3", "50 tỷ USD", value=50e9))
    out = check_agreement(df, CheckConfig(), FX)
    assert [(f.code, f.severity, f.locations[0].article) for f in out] == [("FL101", "warning", "a1")]
    assert "but a2, a3 say '50 tỷ USD' (50 tỷ USD); gap 0 USD (0.0%)" in out[0].message  # one wording, one phrase
    # the same hedge with a closed end agrees with both
    df = table(claim("a1", text, value=50e9, low=low, high=high),
               claim("a2", "50 tỷ USD", value=50e9), claim("a3", "50 tỷ USD", value=50e9))
    assert check_agreement(df, CheckConfig(), FX) == []


def test_agreement_two_claims_name_the_other_and_their_gap():
    df = table(claim("a1", "50 tỷ USD", value=50e9), claim("a2", "52 tỷ USD", value=52e9, published="2024-01-01"))
    (f,) = check_agreement(df, CheckConfig(), FX)
    assert f.message == "m.x.y 2023: a2 says '52 tỷ USD' (52 tỷ USD) but a1 says '50 tỷ USD' (50 tỷ USD); " \
                        "gap 2 tỷ USD (3.8%)"
    assert f.key == "52 tỷ USD|50 tỷ USD" and f.severity == "warning"


def test_conversion_agrees_at_some_rate_and_reports_a_gap():
    yen = claim("a1", "hơn 100 tỷ yên", value=1e11, low=1e11, high=1.1e11, unit="JPY", lo_open=True)
    usd = claim("a1", "gần 800 triệu USD", value=8e8, low=7.2e8, high=8e8, hi_open=True)
    assert check_agreement(table(yen, usd), CheckConfig(), FX) == []
    usd2 = claim("a1", "gần 500 triệu USD", value=5e8, low=4.5e8, high=5e8, hi_open=True, line=2)
    out = check_agreement(table(yen, usd2), CheckConfig(), FX)
    assert [f.code for f in out] == ["FL102"]


def test_conversion_with_more_reports_names_the_rate_where_it_applies():
    # the planted "tương đương gần 500 triệu USD" beside reports in dollars and in yen: a conversion finding,
    # since no rate of the year maps the yen onto it; the dollar reports disagree plainly
    yen = claim("a1", "hơn 100 tỷ yên", value=1e11, low=1e11, high=1.1e11, unit="JPY", lo_open=True)
    usd = [claim(a, "gần 800 triệu USD", value=8e8, low=7.2e8, high=8e8, hi_open=True) for a in ("a2", "a3")]
    odd = claim("a4", "gần 500 triệu USD", value=5e8, low=4.5e8, high=5e8, hi_open=True)
    (f,) = check_agreement(table(yen, *usd, odd), CheckConfig(), FX)
    assert (f.code, f.severity, f.locations[0].article) == ("FL102", "error", "a4")
    assert "a2, a3 say 'gần 800 triệu USD' ([720 triệu – 800 triệu) USD) and a1 says 'hơn 100 tỷ yên'" in f.message
    assert f.message.count("exchange rate") == 1 and "yên' ((658,328 triệu – 864,78 triệu] USD) at any 2023 " \
                                                       "exchange rate;" in f.message


def test_conversion_without_rate_is_reported():
    yen = claim("a1", "100 tỷ yên", value=1e11, unit="JPY", period="2019")
    usd = claim("a1", "800 triệu USD", value=8e8, period="2019")
    out = check_agreement(table(yen, usd), CheckConfig(), FX)
    assert [f.code for f in out] == ["FL104"] and "2019" in out[0].message


def test_severity_threshold_is_configuration():
    df = table(claim("a1", "x", value=100), claim("a2", "y", value=103, published="2024"))
    assert check_agreement(df, CheckConfig(error_gap=0.05), FX)[0].severity == "warning"
    assert check_agreement(df, CheckConfig(error_gap=0.01), FX)[0].severity == "error"


# ---------------------------------------------------------------------------------------------- relations

SUM = CheckConfig(relations=({"type": "sum", "total": "t.t.total", "parts": ["t.t.a", "t.t.b"]},
                             {"type": "part_of", "part": "t.t.a", "whole": "t.t.total"}))


def test_sum_meets_and_fails():
    total = claim("a1", "gần 50", value=50e9, low=45e9, high=50e9, hi_open=True, metric="t.t.total")
    a = claim("a1", "24,2", value=24.2e9, low=24.15e9, high=24.25e9, metric="t.t.a")
    b = claim("a1", "23,4", value=23.4e9, low=23.35e9, high=23.45e9, metric="t.t.b")
    assert check_sums(table(total, a, b), SUM, FX) == []
    b2 = claim("a1", "33,4", value=33.4e9, low=33.35e9, high=33.45e9, metric="t.t.b")
    out = check_sums(table(total, a, b2), SUM, FX)
    assert [f.code for f in out] == ["FL201"] and len(out[0].locations) == 3


def test_sum_just_inside_and_just_outside_the_total_hedge():
    # "xấp xỉ 50 tỷ" is [47,5; 52,5] (a 5% tolerance); "24,2" + "28,4" reaches 52,5 exactly, "28,5" passes it
    total = claim("a1", "xấp xỉ 50 tỷ USD", value=50e9, low=47.5e9, high=52.5e9, metric="t.t.total")
    a = claim("a1", "24,2 tỷ USD", value=24.2e9, low=24.15e9, high=24.25e9, metric="t.t.a")
    inside = claim("a1", "28,4 tỷ USD", value=28.4e9, low=28.35e9, high=28.45e9, metric="t.t.b")
    assert check_sums(table(total, a, inside), SUM, FX) == []
    outside = claim("a1", "28,5 tỷ USD", value=28.5e9, low=28.45e9, high=28.55e9, metric="t.t.b")
    out = check_sums(table(total, a, outside), SUM, FX)
    assert [(f.code, f.severity) for f in out] == [("FL201", "warning")]
    assert "gap 100 triệu USD" in out[0].message


@pytest.mark.parametrize(("parts", "gap_share", "severity"), [
    ((94.9, 0.0), 0.051, "error"),     # 5,1% of the larger figure: past error_gap
    ((95.1, 0.0), 0.049, "warning"),   # 4,9%: within it
])
def test_sum_severity_at_the_error_gap(parts, gap_share, severity):
    total = claim("a1", "100", value=100, metric="t.t.total")
    out = check_sums(table(total, claim("a1", "x", value=parts[0], metric="t.t.a"),
                           claim("a1", "y", value=parts[1], metric="t.t.b")), SUM, FX)
    assert [(f.code, f.severity) for f in out] == [("FL201", severity)]
    assert out[0].data["gap"] == pytest.approx(100 * gap_share)


@pytest.mark.parametrize(("total", "open_part"), [
    # "ít nhất 50" is [50, 75]; "gần 20" + "30" is [48, 50): the open end keeps 50 out of the sum
    (dict(text="ít nhất 50", value=50, low=50, high=75),
     dict(text="gần 20", value=20, low=18, high=20, hi_open=True)),
    # "tối đa 50" is [25, 50]; "hơn 20" + "30" is (50, 52]
    (dict(text="tối đa 50", value=50, low=25, high=50),
     dict(text="hơn 20", value=20, low=20, high=22, lo_open=True)),
])
def test_sum_parts_with_open_ends(total, open_part):
    t = claim("a1", metric="t.t.total", **total)
    b = claim("a1", "30", value=30, metric="t.t.b")
    out = check_sums(table(t, claim("a1", metric="t.t.a", **open_part), b), SUM, FX)
    assert [(f.code, f.severity) for f in out] == [("FL201", "warning")]  # a gap of nothing but the open end
    closed = {k: v for k, v in open_part.items() if not k.endswith("_open")}
    assert check_sums(table(t, claim("a1", metric="t.t.a", **closed), b), SUM, FX) == []


def test_sum_takes_parts_from_other_articles_and_skips_missing_parts():
    total = claim("a1", "50", value=50, metric="t.t.total")
    a = claim("a2", "20", value=20, metric="t.t.a")
    assert check_sums(table(total, a), SUM, FX) == []  # part b stated nowhere: nothing to check
    b = claim("a3", "20", value=20, metric="t.t.b")
    assert [f.code for f in check_sums(table(total, a, b), SUM, FX)] == ["FL201"]


def test_part_of_whole():
    whole = claim("a1", "3 tỷ", value=3e9, metric="t.t.total")
    assert check_parts(table(whole, claim("a1", "2 tỷ", value=2e9, metric="t.t.a")), SUM, FX) == []
    out = check_parts(table(whole, claim("a1", "5 tỷ", value=5e9, metric="t.t.a")), SUM, FX)
    assert [f.code for f in out] == ["FL202"]


@pytest.mark.parametrize(("after", "n", "introduced"), [
    (" Aichi, Niigata, Yamanashi, Kanagawa và Tochigi.", 5, False), (" Hà Nội, Huế và Cần Thơ", 3, False),
    (" gồm Hà Nội và Huế.", 2, True), (" (Hà Nội và Huế)", 2, True), (": Hà Nội và Huế", 2, True),
    (" công việc chính: (i)", 0, False), (" Aichi, tiếp theo là", 0, False),
])
def test_listed_items(after, n, introduced):
    items, intro = listed_items(after)
    assert len(items) == n
    if n:
        assert intro is introduced


def test_count_list():
    ok = claim("a1", "05 tỉnh", kind="count", value=5, unit="province", metric="",
               after=" Aichi, Niigata, Yamanashi, Kanagawa và Tochigi.")
    assert check_count_lists(table(ok), CheckConfig()) == []
    bad = claim("a1", "04 tỉnh", kind="count", value=4, unit="province", metric="",
                after=" Aichi, Niigata, Yamanashi, Kanagawa và Tochigi.")
    assert [f.code for f in check_count_lists(table(bad), CheckConfig())] == ["FL203"]
    hedged = claim("a1", "hơn 4 tỉnh", kind="count", value=4, unit="province", metric="", qualifier="hơn",
                   after=" Aichi, Niigata, Yamanashi, Kanagawa và Tochigi.")
    assert check_count_lists(table(hedged), CheckConfig()) == []


@pytest.mark.parametrize(("value", "after", "flagged"), [
    (7, " Trung Đông và Bắc Phi đã tạo nên", False),  # two names qualifying the noun, not a list of seven
    (3, " gồm Nhật Bản và Hàn Quốc.", True),  # introduced: a list, one short
    (3, " Nhật Bản, Hàn Quốc và Trung Quốc.", False),
    (4, " Nhật Bản, Hàn Quốc và Trung Quốc.", True),
    (1, " Nhật Bản và Hàn Quốc.", True),  # more names than the count announces
    (4, " Quảng Ninh, Lạng Sơn, Hà Giang, Cao Bằng và Bí thư Khu ủy Quảng Tây", False),  # an office, not a name
])
def test_count_list_needs_a_real_list(value, after, flagged):
    c = claim("a1", f"{value} nước", kind="count", value=value, unit="country", metric="", after=after)
    assert bool(check_count_lists(table(c), CheckConfig())) is flagged


# ---------------------------------------------------------------------------------------------- ranks


def test_rank_changed_and_shared():
    r = dict(kind="rank", unit="rank")
    df = table(claim("a1", "thứ 4", value=4, metric="r.p.trade", **r),
               claim("a2", "thứ 5", value=5, metric="r.p.trade", published="2023-12-20", **r),
               claim("a3", "thứ 4", value=4, metric="r.p.trade", **r))
    out = check_ranks(df, CheckConfig())
    assert [(f.code, f.locations[0].article, f.severity) for f in out] == [("FL301", "a2", "error")]
    shared = table(claim("a1", "thứ 2", value=2, metric="r.p.labour", **r),
                   claim("a1", "thứ 2 ", value=2, metric="r.p.invest", **r),
                   claim("a1", "hàng đầu", value=2, metric="r.other.x", **r))
    out = check_ranks(shared, CheckConfig())
    assert [f.code for f in out] == ["FL302"] and "r.p" in out[0].message


def test_rank_one_article_alone():
    assert check_ranks(table(claim(kind="rank", unit="rank", value=3)), CheckConfig()) == []


# ---------------------------------------------------------------------------------------------- dates

ANN = CheckConfig(relations=({"type": "anniversary", "anniversary": "d.x.ann", "founded": "d.x.founded"},))


def test_anniversary_stated_and_implicit():
    founded = claim("a1", "21/9/1973", kind="date", value=None, unit="", metric="d.x.founded", period="",
                    date="1973-09-21")
    ok = claim("a2", "50 năm", kind="duration", value=50, unit="year", metric="d.x.ann", period="2023",
               period_source="stated")
    bad = claim("a3", "40 năm", kind="duration", value=40, unit="year", metric="d.x.ann", period="2023",
                period_source="stated")
    early = claim("a4", "50 năm", kind="duration", value=50, unit="year", metric="d.x.ann", period="2020",
                  period_source="published", published="2020-05-01")
    later = claim("a5", "50 năm", kind="duration", value=50, unit="year", metric="d.x.ann", period="2024",
                  period_source="published", published="2024-09-03")
    out = check_anniversaries(table(founded, ok, bad, early, later), ANN)
    assert sorted(f.locations[0].article for f in out) == ["a3", "a4"]
    assert check_anniversaries(table(ok, bad), ANN) == []  # no founding date anywhere: nothing to check


def test_dates_after_publication_and_reversed_ranges():
    after = claim("a1", "30/9", kind="date", value=None, unit="", metric="", date="2024-09-30",
                  published="2024-09-03", sentence="Chiều 30/9, hai bên hội đàm.")
    future = claim("a1", "25/12", kind="date", value=None, unit="", metric="", date="2024-12-25",
                   published="2024-09-03", sentence="Hội nghị sẽ diễn ra ngày 25/12.")
    rev = claim("a1", "13 - 10/3", kind="daterange", value=None, unit="", metric="", date="2024-03-13/2024-03-10")
    out = check_dates(table(after, future, rev), CheckConfig())
    assert sorted(f.code for f in out) == ["FL402", "FL403"]
    assert check_dates(table(after), CheckConfig(future_grace_days=30)) == []
    # with no year known, a range that runs backwards crosses a new year ("25/12 - 5/1"): no finding
    yearless = claim("a1", "25/12 - 5/1", kind="daterange", value=None, unit="", metric="", date="--12-25/--01-05")
    assert check_dates(table(yearless), CheckConfig()) == []


# ---------------------------------------------------------------------------------------------- magnitude


def test_magnitude():
    df = table(claim("a1", "400 nghìn", kind="count", value=4e5, unit="person"),
               claim("a2", "410 nghìn", kind="count", value=4.1e5, unit="person"),
               claim("a3", "400 triệu", kind="count", value=4e8, unit="person"))
    out = check_magnitude(df, CheckConfig())
    assert [(f.code, f.locations[0].article) for f in out] == [("FL501", "a3")] and "scale word" in out[0].message
    assert check_magnitude(df, CheckConfig(magnitude_factor=2000)) == []
    assert check_magnitude(table(claim(value=5)), CheckConfig()) == []


# ---------------------------------------------------------------------------------------------- typos


def _m(text, nxt="", prev="", article="a1", kind="name"):
    return Mention(kind, text, prev, nxt, article, f"{article}.md", 1, 1, 1, 2, False)


def test_malformed():
    df = table(claim("a1", "thứ 2i", kind="rank", unit="rank", value=2, malformed="digits glued"), claim())
    assert [f.code for f in check_malformed(df, CheckConfig())] == ["FL601"]


def test_name_variant_blocked_by_neighbour():
    ms = [_m("Komura", "Masahiro")] * 4 + [_m("Komuru", "Masahiro", article="a2")] * 2
    out = check_names(ms, CheckConfig())
    assert [(f.code, f.locations[0].text) for f in out] == [("FL602", "Komuru")]
    # without a shared neighbour the two are never compared
    assert check_names([_m("Komura", "Masahiro")] * 4 + [_m("Komuru", "Taro")] * 2, CheckConfig()) == []


@pytest.mark.parametrize(("rare", "frequent"), [("Khôi", "Khai"), ("Coi", "Chị"), ("Thu", "Thi"),
                                              ("Nam-Ấn", "Nam-Lào")])
def test_two_vietnamese_syllables_are_two_words_not_a_variant(rare, frequent):
    ms = [_m(frequent, "Văn")] * 6 + [_m(rare, "Văn", article="a2")]
    assert check_names(ms, CheckConfig()) == []
    # the same shapes in a name that is not one syllable are still compared
    ms = [_m(frequent + "ra", "Văn")] * 6 + [_m(rare + "ra", "Văn", article="a2")]
    assert [f.code for f in check_names(ms, CheckConfig())] == ["FL602"]


@pytest.mark.parametrize(("rare", "frequent"), [("Tigers", "Tiger"), ("System", "Systems")])
def test_a_plural_is_not_a_variant(rare, frequent):
    ms = [_m(frequent, "Black")] * 6 + [_m(rare, "Black", article="a2")]
    assert check_names(ms, CheckConfig()) == []
    ms = [_m(frequent, "Black")] * 6 + [_m(rare.replace("s", "z"), "Black", article="a2")]
    assert [f.code for f in check_names(ms, CheckConfig())] == ["FL602"]


def test_a_variant_in_many_articles_is_a_name_of_its_own():
    ms = [_m("Lawrence", "Jennifer", article=f"a{i}") for i in range(30)]
    ms += [_m("Laurence", "Jennifer", article=f"b{i}") for i in range(6)]
    assert check_names(ms, CheckConfig()) == []
    assert [f.code for f in check_names(ms, CheckConfig(name_max_articles=6))] == ["FL602"]


def test_short_names_are_not_compared_unless_configured():
    ms = [_m("Rod", "Stewart")] * 6 + [_m("Ron", "Stewart", article="a2")]
    assert check_names(ms, CheckConfig()) == []
    assert [f.code for f in check_names(ms, CheckConfig(name_min_length=3))] == ["FL602"]


@pytest.mark.parametrize("variant", [("Fumio", "", "Kishida"), ("KISHIDA", "Fumio", ""), ("Kíshida", "Fumio", "")])
def test_reordered_case_and_diacritic_copies_are_not_findings(variant):
    text, nxt, prev = variant
    ms = [_m("Kishida", "Fumio")] * 5 + [_m("Fumio", prev="Kishida")] * 5 + [_m(text, nxt, prev)]
    assert check_names(ms, CheckConfig()) == []


def test_titles_are_read_up_to_a_verb_or_punctuation(tmp_path):
    from factlint.corpus import load_article
    from factlint.names import extract_mentions

    path = tmp_path / "a.md"
    path.write_text("Chương trình giao lưu thanh niên Đông Nam Á cũng cho biết sẽ mở rộng. Bộ Kế hoạch và Đầu tư "
                    "đã duyệt. Hai nước nâng quan hệ lên Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng ở "
                    "châu Á. Quỹ bình ổn giá xăng dầu đối với doanh nghiệp.\n", encoding="utf-8")
    titles = [m.text for m in extract_mentions(load_article(path)) if m.kind == "title"]
    assert titles == ["Chương trình giao lưu thanh niên Đông Nam Á", "Kế hoạch và Đầu tư",
                      "Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng ở châu Á", "Quỹ bình ổn giá xăng dầu"]


def test_title_drop():
    full = "Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng ở châu Á"
    ms = [_m(full, kind="title")] * 2 + [_m("Đối tác chiến lược toàn diện vì hòa bình ở châu Á", kind="title")]
    out = check_titles(ms, CheckConfig())
    assert [f.code for f in out] == ["FL603"] and "'và thịnh vượng'" in out[0].message
    truncated = [_m(full, kind="title")] * 2 + [_m("Đối tác chiến lược toàn diện", kind="title")]
    assert check_titles(truncated, CheckConfig()) == []
    synonym = [_m(full, kind="title")] * 2 + [_m(full.replace(" ở ", " tại "), kind="title")]
    assert check_titles(synonym, CheckConfig()) == []
