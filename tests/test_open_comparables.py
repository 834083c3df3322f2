"""Open comparables (FL107) and `factlint rules suggest`: grouping, interval edges, the fixture corpus, drafts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from factlint.checks import CODES, CheckConfig, FxTable
from factlint.checks.open_comparables import check_open_comparables, open_claims, similarity
from factlint.report import render
from factlint.rules import iter_examples, load_rules, run_example
from factlint.suggest import drafts_yaml, key_pattern, suggest
from factlint.suite import run
from factlint.vi.comparable import is_comparison_base, product
from helpers import SEED_ACCEPTED, SEED_ARTICLES, claim, invoke_in, table

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "open"
FX = FxTable({"VND": {2019: (23000.0, 23500.0)}}, "fx.yaml", {"VND": 3})
SENTENCE = "Năm 2019, Đà Nẵng đón {} lượt khách du lịch, tăng 12% so với năm 2018."


def visitors(article: str, lo: float, hi: float | None = None, lo_open: bool = False, hi_open: bool = False,
             **kw: object):
    """A claim no rule took: Đà Nẵng's visitors in 2019 (overrides for the field under test)."""
    hi = lo if hi is None else hi
    text = str(kw.pop("text", f"{lo:g} lượt khách"))
    fields = dict(kind="count", unit="visitor", metric="", period="2019", subject="Đà Nẵng",
                  subject_key="VN:Đà Nẵng", measure="lượt khách du lịch", measure_key="visitors",
                  period_kind="year", modality="actual", sentence=SENTENCE.format(f"{lo:g}"),
                  published=kw.pop("published", "2020-01-06"))
    fields.update(kw)
    return claim(article, text, value=lo, low=lo, high=hi, lo_open=lo_open, hi_open=hi_open,
                 **fields)


def found(*claims, fx: FxTable = FX) -> list:
    return check_open_comparables(table(*claims), CheckConfig(), fx)


# ---------------------------------------------------------------------------------------------- interval edges


def test_two_articles_whose_intervals_do_not_meet_are_a_finding():
    (f,) = found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, published="2020-02-03"))
    assert (f.code, f.severity, f.check, f.metric) == ("FL107", "info", "open_comparable", "")
    assert f.locations[0].article == "a2"  # the later report is the odd one out
    assert f.data["group"] == "VN:Đà Nẵng · visitors · visitor · 2019 · actual"
    assert [c["article"] for c in f.data["claims"]] == ["a1", "a2"]


def test_intervals_that_touch_at_closed_ends_agree():
    assert found(visitors("a1", 8.0e6, 8.5e6), visitors("a2", 8.5e6, 9.0e6)) == []


def test_an_open_end_at_the_touching_point_disagrees():
    # "gần 8,5 triệu" is [7,65; 8,5): it does not reach 8,5 triệu
    assert [f.code for f in found(visitors("a1", 7.65e6, 8.5e6, hi_open=True), visitors("a2", 8.5e6))] == ["FL107"]


def test_one_article_is_no_comparison():
    assert found(visitors("a1", 8.7e6), visitors("a1", 4.3e6, line=3)) == []


def test_an_article_with_two_disagreeing_figures_of_the_group_is_left_out():
    # a1 names two quantities alike (attribution cannot tell them apart); a2 alone is no comparison
    got = found(visitors("a1", 8.7e6), visitors("a1", 2.1e6, line=3), visitors("a2", 4.3e6))
    assert got == []


def test_figures_an_order_of_magnitude_apart_are_two_quantities():
    assert found(visitors("a1", 8.7e6), visitors("a2", 8.7e5)) == []


def test_sentences_that_share_no_topic_are_not_one_quantity():
    other = "Theo Cảng vụ, năm 2019 cảng Tiên Sa tiếp nhận 4,3 triệu lượt khách tàu biển quốc tế."
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, sentence=other)) == []
    assert similarity(SENTENCE.format("8,7 triệu"), SENTENCE.format("4,3 triệu")) == 1.0
    assert similarity(SENTENCE, other) < 0.25


# ---------------------------------------------------------------------------------------------- grouping


@pytest.mark.parametrize(("field", "value"), [
    ("metric", "tourism.danang.visitors"),  # a rule took it: the agreement check compares it
    ("subject_key", ""), ("measure_key", ""),
    ("measure_key", "revenue"),  # whose revenue? a head that names no quantity by itself
    ("period_kind", "none"), ("period_kind", "span"),
    ("unit", ""),  # a bare count may count anything
])
def test_a_figure_attribution_does_not_pin_down_is_not_open(field, value):
    rows = table(visitors("a1", 8.7e6, **{field: value}))
    assert open_claims(rows).empty


def test_groups_split_by_subject_period_modality_and_unit():
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, subject_key="VN:Quảng Nam")) == []
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, period="2019-H1", period_kind="partial")) == []
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, modality="target")) == []
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, unit="person")) == []


def test_a_product_named_in_the_measure_groups_only_with_the_same_product():
    sentence = "Năm 2019, {} của Đà Nẵng đạt {} tỷ USD, tăng 12% so với năm 2018."

    def exports(article: str, value: float, measure: str):  # noqa: ANN202
        return visitors(article, value, kind="money", unit="USD", measure=measure, measure_key="exports",
                        sentence=sentence.format(measure, f"{value / 1e9:g}"))

    wood, shrimp = "kim ngạch xuất khẩu gỗ", "xuất khẩu tôm sang 90 thị trường"
    assert found(exports("a1", 7e9, wood), exports("a2", 3.15e9, shrimp)) == []
    assert found(exports("a1", 7e9, wood), exports("a2", 3.15e9, "kim ngạch xuất khẩu")) == []
    same = found(exports("a1", 7e9, wood), exports("a2", 3.15e9, "tổng kim ngạch xuất khẩu gỗ của Việt Nam"))
    assert [f.code for f in same] == ["FL107"] and "exports (gỗ)" in same[0].data["group"]


@pytest.mark.parametrize(("phrase", "goods"), [
    ("tổng kim ngạch xuất khẩu gỗ và sản phẩm gỗ của Việt Nam", "gỗ và sản phẩm gỗ"),
    ("giá trị xuất khẩu hàng rau quả", "rau quả"),
    ("xuất khẩu gạo của cả nước", "gạo"),
    ("kim ngạch thương mại hai chiều giữa Moskva", ""),
    ("lượng khách quốc tế đến Việt Nam", ""),  # two heads ("lượng khách", "khách quốc tế") and a partner
    ("Kim ngạch xuất khẩu điện thoại", "điện thoại"),
    ("kim ngạch xuất khẩu", ""),
    ("kim ngạch xuất khẩu hàng hóa", ""), ("kim ngạch xuất khẩu hàng hoá và dịch vụ", ""),  # the whole, not a product
    ("vốn FDI đăng ký mới", "đăng ký"),  # registered, not disbursed
])
def test_the_product_of_a_measure_phrase(phrase, goods):
    assert product(phrase) == goods


def test_the_base_of_a_comparison_is_not_open():
    base = "Năm 2019, Đà Nẵng đón 9 triệu lượt khách, cao hơn nhiều so với mức 4,3 triệu lượt khách của năm 2015."
    assert open_claims(table(visitors("a1", 4.3e6, text="4,3 triệu lượt khách", sentence=base))).empty
    assert not open_claims(table(visitors("a1", 9e6, text="9 triệu lượt khách", sentence=base))).empty
    assert is_comparison_base("tăng 5% so với 1,2 tỷ USD", "1,2 tỷ USD")
    assert not is_comparison_base("So với năm trước, xuất khẩu đạt 1,2 tỷ USD", "1,2 tỷ USD")
    assert not is_comparison_base("Xuất khẩu bằng đường biển đạt 1,2 tỷ USD", "1,2 tỷ USD")  # "bằng": by
    # the figure as a whole number: "3 tỷ USD" is not the tail of "13 tỷ USD"
    assert is_comparison_base("Năm nay đạt 13 tỷ USD, tăng so với 3 tỷ USD", "3 tỷ USD")
    assert not is_comparison_base("Năm nay đạt 3 tỷ USD, tăng so với 13 tỷ USD", "3 tỷ USD")


def test_a_stock_to_a_date_is_never_compared_with_a_year():
    assert found(visitors("a1", 8.7e6), visitors("a2", 4.3e6, period="≤2019-12-31", period_kind="cumulative")) == []


def test_a_percentage_is_open_only_when_the_measure_is_one():
    change = dict(kind="percent", unit="%")
    assert open_claims(table(visitors("a1", 12, **change))).empty  # "tăng 12%" beside visitors: a change
    growth = table(visitors("a1", 7.0, kind="percent", unit="%", measure_key="growth"))
    assert len(open_claims(growth)) == 1


def test_currencies_meet_through_the_exchange_rate_of_the_year():
    kw = dict(kind="money", measure_key="trade", subject_key="VN+CZ", measure="kim ngạch thương mại")
    usd = visitors("a1", 1.0e9, unit="USD", **kw)
    same = visitors("a2", 23.2e12, unit="VND", **kw)  # 23.200 tỷ đồng at 23.000–23.500 VND/USD: ~1 tỷ USD
    far = visitors("a2", 11.6e12, unit="VND", **kw)
    assert found(usd, same) == []
    assert [f.code for f in found(usd, far)] == ["FL107"]
    assert found(usd, far, fx=FxTable()) == []  # no rate for the year: not compared


def test_prices_per_one_unit_meet_by_their_currency_and_only_per_the_same_unit():
    kw = dict(kind="money", measure_key="exports", subject_key="VN", measure="xuất khẩu gạo")  # its price a tonne
    usd = visitors("a1", 400.0, unit="USD/t", **kw)
    same = visitors("a2", 9.28e6, unit="VND/t", **kw)  # 9,28 triệu đồng a tonne at 23.000–23.500: ~400 USD
    far = visitors("a2", 18.5e6, unit="VND/t", **kw)
    per_kg = visitors("a2", 18.5e3, unit="VND/kg", **kw)
    assert found(usd, same) == []
    assert [f.code for f in found(usd, far)] == ["FL107"]
    assert found(usd, per_kg) == []  # a price per kilogram is not grouped with one per tonne


# ---------------------------------------------------------------------------------------------- registry


def test_code_is_registered_and_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    c = CODES["FL107"]
    assert (c.name, c.severity) == ("open_comparable", "info")
    assert re.search(r"^\| FL107 \|", readme, re.M)
    assert "factlint rules suggest" in readme


# ---------------------------------------------------------------------------------------------- fixture corpus


def test_fixture_corpus_finds_the_planted_disagreement_at_its_article_and_line():
    r = run([FIXTURE / "articles"], FIXTURE / "claims", None)
    got = [(f.code, f.locations[0].article, f.locations[0].line, f.locations[0].text) for f in r.findings]
    assert got == [("FL107", "o3", 12, "4,3 triệu lượt khách")]


def test_fail_on_info_fails_and_the_default_does_not(tmp_path):
    args = ["check", str(FIXTURE / "articles"), "--rules", str(FIXTURE / "claims"), "--no-cache",
            "--accepted", str(tmp_path / "none.yaml"), "--format", "json"]
    default = invoke_in(tmp_path, *args)
    assert default.exit_code == 0, default.output
    doc = json.loads(default.output)
    assert [f["code"] for f in doc["findings"]] == ["FL107"]
    (group,) = doc["open_comparables"]
    assert [c["article"] for c in group["claims"]] == ["o1", "o2", "o3"]
    assert invoke_in(tmp_path, *args, "--fail-on", "info").exit_code == 1


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_every_report_shows_open_comparables_in_their_own_section(fmt):
    out = render(fmt, run([FIXTURE / "articles"], FIXTURE / "claims", None))
    assert "Open comparables (no rule)" in out or "open comparables (no rule):" in out
    assert "o3.md:12" in out
    if fmt in ("markdown", "html"):  # the side-by-side table: every claim of the group, with where it is
        assert all(f"o{i}.md:" in out for i in (1, 2, 3))
    if fmt == "html":
        assert '<section class="metric open"' in out and "<svg" in out.split('id="open-comparables"')[1]


def test_seeds_give_no_new_finding_but_info():
    r = run([SEED_ARTICLES], ROOT / "claims", SEED_ACCEPTED)
    assert [f.code for f in r.new if f.severity != "info"] == []


# ---------------------------------------------------------------------------------------------- rules suggest


def test_key_pattern_takes_the_key_only():
    import regex

    pat = regex.compile(key_pattern("VN:Đà Nẵng"), regex.I)
    assert pat.search("Đà Nẵng\x1fVN:Đà Nẵng")
    assert not pat.search("Đà Nẵng\x1fvn:đà nẵng")  # keys are case-sensitive
    assert not pat.search("Việt Nam – Đà Nẵng\x1fVN+VN:Đà Nẵng x")


def test_suggested_drafts_load_and_their_examples_pass_as_written(tmp_path):
    got = invoke_in(tmp_path, "rules", "suggest", str(FIXTURE / "articles"), "--rules", str(FIXTURE / "claims"),
                    "--no-cache", "--min-articles", "3", "-o", "drafts.yaml")
    assert got.exit_code == 0, got.output
    path = tmp_path / "drafts.yaml"
    rs = load_rules([path])
    (lr,) = rs.rules
    rule = lr.rule
    assert (rule.metric, rule.kind, rule.unit) == ("visitors.vn_da_nang.year", ["count"], ["visitor"])
    assert rule.period_kind == ["year"] and rule.modality == ["actual"]
    positives = [ex for ex in rule.examples if ex.claims]
    negatives = [ex for ex in rule.examples if not ex.claims]
    assert {(c.value, c.period) for ex in positives for c in ex.claims} == {(8.7e6, "2019"), (4.3e6, "2019")}
    assert negatives and all("Quảng Nam" in ex.text for ex in negatives)  # the near miss: another subject
    for _, lr_, ex in iter_examples(rs):
        assert run_example(rs, lr_, ex)[0] == [], ex.text
    # and beside the rules the corpus already has: moved into claims/, they still pass
    moved = tmp_path / "claims"
    moved.mkdir()
    (moved / "rules.yaml").write_text((FIXTURE / "claims" / "rules.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    (moved / "tourism.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke_in(tmp_path, "rules", "test", "--rules", str(moved)).exit_code == 0


def test_a_group_in_fewer_articles_is_not_drafted():
    df = run([FIXTURE / "articles"], FIXTURE / "claims", None).claims
    assert suggest(df, min_articles=4) == []
    assert yaml.safe_load(drafts_yaml([])) == {"description": "Drafted rules for recurring open groups.",
                                               "rules": []}


def test_once_the_drafts_are_rules_the_group_is_no_longer_open(tmp_path):
    rules = tmp_path / "claims"
    rules.mkdir()
    (rules / "rules.yaml").write_text((FIXTURE / "claims" / "rules.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    df = run([FIXTURE / "articles"], FIXTURE / "claims", None).claims
    (rules / "tourism.yaml").write_text(drafts_yaml(suggest(df, 3)), encoding="utf-8")
    r = run([FIXTURE / "articles"], rules, None)
    # the rule takes the figures: the agreement check now reports the planted one, as an error
    assert [(f.code, f.metric, f.locations[0].article) for f in r.findings] == \
        [("FL101", "visitors.vn_da_nang.year", "o3")]


def test_a_measure_counted_and_priced_gets_two_drafts(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i, (tons, usd) in enumerate([("5,2", "1,1"), ("5,3", "1,2"), ("5,1", "1,3")]):
        (articles / f"a{i}.md").write_text(
            f"---\nid: a{i}\noutlet: Báo {i}\npublished: 2020-0{i + 1}-10\nlanguage: vi\ntitle: Tin\n---\n"
            f"Năm 2019, Trung Quốc nhập khẩu {tons} triệu tấn thép.\n\n"
            f"Năm 2019, Trung Quốc nhập khẩu {usd} tỷ USD gạo.\n\n"
            + ("Năm 2019, Ấn Độ nhập khẩu 3 triệu tấn thép.\n\nNăm 2019, Ấn Độ nhập khẩu 2 tỷ USD gạo.\n" if i == 0
               else ""), encoding="utf-8")
    drafts = suggest(run([articles], FIXTURE / "claims", None).claims, 3)
    assert sorted((d.rule["metric"], d.rule["kind"]) for d in drafts) == [
        ("imports.cn.year", "count"), ("imports.cn.year_money", "money")]
    path = tmp_path / "drafts.yaml"
    path.write_text(drafts_yaml(drafts), encoding="utf-8")
    rs = load_rules([path])
    assert all(run_example(rs, lr, ex)[0] == [] for _, lr, ex in iter_examples(rs))


def test_examples_are_run_beside_the_rules_the_drafts_will_join(tmp_path):
    df = run([FIXTURE / "articles"], FIXTURE / "claims", None).claims
    alone = [ex["text"] for d in suggest(df, 3) for ex in d.rule["examples"]]
    assert any("Sở Du lịch" in t for t in alone)
    beside = tmp_path / "claims"
    beside.mkdir()
    (beside / "tourism.yaml").write_text("""\
rules:
  - metric: tourism.danang.department
    description: Visitors to Da Nang as its tourism department counts them.
    kind: count
    require:
      - {pattern: 'Sở Du lịch', where: before, within: 60}
    priority: 5
    examples:
      - text: Theo Sở Du lịch thành phố, năm 2019 Đà Nẵng đón 8,7 triệu lượt khách du lịch.
        claims: [{metric: tourism.danang.department, value: 8.7e+6, period: "2019"}]
""", encoding="utf-8")
    drafts = suggest(df, 3, beside)
    texts = [ex["text"] for d in drafts for ex in d.rule["examples"]]
    assert drafts and not any("Sở Du lịch" in t for t in texts)  # the department's rule takes that sentence
    both = tmp_path / "both"
    both.mkdir()
    (both / "tourism.yaml").write_text((beside / "tourism.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (both / "drafts.yaml").write_text(drafts_yaml(drafts), encoding="utf-8")
    rs = load_rules([both])
    assert all(run_example(rs, lr, ex)[0] == [] for _, lr, ex in iter_examples(rs))


def test_drafts_propose_a_range_around_the_figures_seen_marked_as_a_draft():
    df = run([FIXTURE / "articles"], FIXTURE / "claims", None).claims
    (draft,) = suggest(df, 3)
    (bounds,) = draft.rule["expect"]["range"]
    assert bounds["min"] <= 4.3e6 / 2 * 1.01 and bounds["max"] >= 8.7e6 * 2 * 0.99  # the figures seen, x1/2 and x2
    assert bounds["min"] > 0 and bounds["max"] < 1e8
    assert "DRAFT" in drafts_yaml([draft])


def test_a_drafted_stock_that_never_fell_is_expected_not_to_fall():
    import pandas as pd

    from factlint.suggest import draft_expect

    g = pd.DataFrame({"value": [100.0, 120.0, 150.0], "unit": ["project"] * 3, "kind": ["count"] * 3,
                      "period": ["≤2019-12-31", "≤2020-12-31", "≤2021-12-31"]})
    assert draft_expect(g, "cumulative")["monotonic"] == "non_decreasing"
    assert "monotonic" not in draft_expect(g.assign(value=[150.0, 120.0, 100.0]), "cumulative")
    assert "monotonic" not in draft_expect(g, "year")  # a flow may fall
