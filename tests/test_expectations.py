"""Expectations per metric (``expect:`` in claim rules): each type at its edges, broken entries, the pandera
schemas' YAML round trip, ``factlint schema export``, and one planted error per type on a copy of the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandera.pandas as pa
import pytest
import yaml

from factlint.checks.expectations import check_expectations
from factlint.expectations import TYPES, build_schemas, export, load_schemas, validate
from factlint.findings import accepted_entries
from factlint.report import render
from factlint.rules import RuleError, load_rules
from factlint.suite import cases, run
from helpers import RULES, SEED_ACCEPTED, SEED_ARTICLES, claim, invoke_in, table

pytest_plugins = ["pytester"]

RULE = """\
rules:
  - metric: m.x.{name}
    description: A test metric.
    kind: {kind}
    unit: {units}
    require:
      - {{pattern: 'số liệu', where: before, within: 30}}
    expect:
{expect}
    examples:
      - text: Năm 2023 số liệu là 5 người.
"""


def schemas(tmp_path: Path, expect: str, kind: str = "count", units: str = "[person]",
            name: str = "y") -> dict[str, pa.DataFrameSchema]:
    """The schemas of one rule ``m.x.NAME`` whose ``expect:`` block is ``expect`` (indented by the caller)."""
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(RULE.format(name=name, kind=kind, units=units, expect=expect),
                                         encoding="utf-8")
    return build_schemas(load_rules([folder]))


def c(value: float, period: str = "2023", low: float | None = None, high: float | None = None, **kw: object):
    return claim(text=kw.pop("text", f"{value:g}"), kind=kw.pop("kind", "count"), value=value, low=low,
                 high=high, unit=kw.pop("unit", "person"), metric=kw.pop("metric", "m.x.y"), period=period, **kw)


def codes(sch: dict, *claims) -> list[str]:
    return [f.code for f in check_expectations(table(*claims), sch)]


# ---------------------------------------------------------------------------------------------- range


RANGE = "      range: {min: 100, max: 200}"


@pytest.mark.parametrize(("value", "low", "high", "lo_open", "hi_open", "want"), [
    (200, None, None, False, False, []),                 # the bound itself
    (199, None, None, False, False, []),                 # just inside
    (201, None, None, False, False, ["FL701"]),          # just outside
    (200, 200, 220, True, False, ["FL701"]),             # "hơn 200": (200, 220] lies wholly above
    (220, 198, 220, False, False, []),                   # "khoảng 220" reaching down into the range
    (100, None, None, False, False, []),                 # the lower bound
    (99, None, None, False, False, ["FL701"]),
    (100, 90, 100, False, True, ["FL701"]),              # "gần 100": [90, 100) lies wholly below
])
def test_range_edges(tmp_path, value, low, high, lo_open, hi_open, want):
    sch = schemas(tmp_path, RANGE)
    assert codes(sch, c(value, low=low, high=high, lo_open=lo_open, hi_open=hi_open)) == want


def test_range_message_names_the_figure_the_bound_and_the_rule_entry(tmp_path):
    sch = schemas(tmp_path, "      range: {min: 100000, max: 2000000}")
    (f,) = check_expectations(table(c(3_500_000, text="3.500.000 người")), sch)
    assert f.message.startswith("m.x.y 2023: '3.500.000 người' is above the expected maximum 2.000.000 (")
    assert f.message.endswith("y.yaml:9 expect.range)")
    assert (f.severity, f.check, f.case, f.locations[0].text) == ("error", "expectation", "m.x.y", "3.500.000 người")


def test_range_per_period_and_unit(tmp_path):
    sch = schemas(tmp_path, "      range:\n        - {unit: USD, max: 100, period: [2023]}", kind="money",
                  units="[USD, VND]")
    money = {"kind": "money"}
    assert codes(sch, c(150, unit="USD", **money)) == ["FL701"]
    assert codes(sch, c(150, unit="VND", **money)) == []            # another unit: not held to the bounds
    assert codes(sch, c(150, period="2022", unit="USD", **money)) == []  # another period


def test_range_skips_claims_without_a_value_and_of_other_metrics(tmp_path):
    sch = schemas(tmp_path, RANGE)
    assert codes(sch, c(float("nan")), c(5000, metric="m.x.other")) == []


# ---------------------------------------------------------------------------------------------- integer, units


@pytest.mark.parametrize(("value", "want"), [(5.0, []), (5.5, ["FL704"]), (4.5e10, []), (450000.5, ["FL704"])])
def test_integer(tmp_path, value, want):
    assert codes(schemas(tmp_path, "      integer: true"), c(value)) == want


def test_integer_range_is_whole_when_its_ends_are(tmp_path):
    sch = schemas(tmp_path, "      integer: true")
    # "3-4 người" is [3, 4], its midpoint 3.5; "3,5-4 người" has a fractional end
    assert codes(sch, c(3.5, low=3, high=4, direction="range")) == []
    assert codes(sch, c(3.75, low=3.5, high=4, direction="range")) == ["FL704"]
    # a hedge widens the interval to fractional ends: the figure as written is what counts
    assert codes(sch, c(350, low=315, high=385.5, direction="around")) == []


@pytest.mark.parametrize(("unit", "want"), [("person", []), ("", []), ("enterprise", ["FL706"])])
def test_units(tmp_path, unit, want):
    sch = schemas(tmp_path, "      units: [person, '']", units="[]")
    assert codes(sch, c(5, unit=unit)) == want


# ---------------------------------------------------------------------------------------------- monotonic


MONO = "      monotonic: non_decreasing"


def test_monotonic_equal_is_not_a_fall_and_one_less_is(tmp_path):
    sch = schemas(tmp_path, MONO)
    assert codes(sch, c(100, "2022", article="a1"), c(100, "2023", article="a2")) == []
    got = check_expectations(table(c(100, "2022", article="a1"), c(99, "2023", article="a2")), sch)
    assert [f.code for f in got] == ["FL702"]
    assert [loc.article for loc in got[0].locations] == ["a2", "a1"]  # the later figure first, then the earlier


def test_monotonic_skips_over_a_missing_period_and_orders_dates(tmp_path):
    sch = schemas(tmp_path, MONO)
    assert codes(sch, c(100, "2021"), c(90, "2024", article="a2")) == ["FL702"]
    # a stock at a date sorts by that date: 2022 (end of year) before 31/5/2023
    assert codes(sch, c(100, "2022"), c(90, "≤2023-05-31", article="a2")) == ["FL702"]
    assert codes(sch, c(100, "≤2023-05-31"), c(90, "2022", article="a2")) == []


def test_monotonic_single_claim_quarters_and_disagreeing_periods(tmp_path):
    sch = schemas(tmp_path, MONO)
    assert codes(sch, c(100)) == []
    assert codes(sch, c(100, "2023-Q1"), c(50, "2023-Q2")) == []  # quarters date no stock
    # 2022 says 100 and 80 (FL101's business); 2023's 90 falls below neither envelope
    assert codes(sch, c(100, "2022"), c(80, "2022", article="a2"), c(90, "2023", article="a3")) == []


def test_monotonic_non_increasing(tmp_path):
    sch = schemas(tmp_path, "      monotonic: non_increasing")
    assert codes(sch, c(100, "2022"), c(101, "2023", article="a2")) == ["FL702"]
    assert codes(sch, c(100, "2022"), c(99, "2023", article="a2")) == []


# ---------------------------------------------------------------------------------------------- max_change


CHANGE = "      max_change: 0.5"


@pytest.mark.parametrize(("before", "after", "want"), [
    (100, 150, []), (100, 151, ["FL703"]),  # up: the bound itself, just outside
    (100, 50, []), (100, 49, ["FL703"]),    # down: a half of the earlier figure
])
def test_max_change_edges(tmp_path, before, after, want):
    assert codes(schemas(tmp_path, CHANGE), c(before, "2022"), c(after, "2023", article="a2")) == want


def test_max_change_reads_intervals_and_compares_only_consecutive_years_of_one_unit(tmp_path):
    sch = schemas(tmp_path, CHANGE)
    # "gần 160" is [144, 160): a change of 44 % at least
    assert codes(sch, c(100, "2022"), c(160, "2023", low=144, high=160, hi_open=True, article="a2")) == []
    assert codes(sch, c(100, "2021"), c(300, "2023", article="a2")) == []   # a missing year: no comparison
    assert codes(sch, c(100, "2022"), c(300, "2023", unit="worker", article="a2")) == []  # other units
    assert codes(sch, c(100, "2022")) == []
    (f,) = check_expectations(table(c(100, "2022"), c(300, "2023", article="a2")), sch)
    assert "change of at least 200%" in f.message and "expected 50% a year" in f.message


# ---------------------------------------------------------------------------------------------- unique_rank


def rank_schemas(tmp_path: Path) -> dict:
    out = schemas(tmp_path, "      unique_rank: true", kind="rank", units="[]", name="oda")
    out.update(schemas(tmp_path, "      unique_rank: true", kind="rank", units="[]", name="trade"))
    return out


def r(value: int, metric: str, period: str = "2023", article: str = "a1"):
    return c(value, period, kind="rank", unit="rank", metric=metric, article=article, text=f"thứ {value}")


def test_unique_rank_two_categories_sharing_a_rank_are_one_finding(tmp_path):
    sch = rank_schemas(tmp_path)
    got = check_expectations(table(r(1, "m.x.oda"), r(1, "m.x.trade", article="a2")), sch)
    assert [f.code for f in got] == ["FL705"]
    assert sorted(loc.article for loc in got[0].locations) == ["a1", "a2"]


def test_unique_rank_edges(tmp_path):
    sch = rank_schemas(tmp_path)
    assert codes(sch, r(1, "m.x.oda"), r(2, "m.x.trade")) == []
    assert codes(sch, r(1, "m.x.oda", "2023"), r(1, "m.x.trade", "2024")) == []  # other periods
    assert codes(sch, r(1, "m.x.oda"), r(1, "m.x.oda", article="a2")) == []  # one category, said twice
    assert codes(sch, r(1, "m.x.oda")) == []
    assert codes(sch, r(1, "m.x.oda"), r(1, "m.other.trade")) == []  # another ranking
    assert codes(sch, r(1, "m.x.oda"), r(1, "m.x.trade")) == []  # one article: FL302's, not reported twice
    assert codes(sch, r(1, "m.x.oda"), r(1, "m.x.trade"), r(1, "m.x.trade", article="a2")) == ["FL705"]
    # a1 gives oda and trade first place (FL302's pair); a2 gives it oda: only a1's trade against a2's oda is FL705's
    got = check_expectations(table(r(1, "m.x.oda"), r(1, "m.x.trade"), r(1, "m.x.oda", article="a2")), sch)
    assert [f.code for f in got] == ["FL705"]
    assert sorted((loc.article, loc.text) for loc in got[0].locations) == [("a1", "thứ 1"), ("a2", "thứ 1")]


def test_a_shared_rank_inside_one_article_is_reported_once(tmp_path):
    """FL302 (one article, any period) and FL705 (one period, across articles) never report the same pair."""
    from factlint.checks.common import CheckConfig
    from factlint.checks.ranks import check_ranks

    sch = rank_schemas(tmp_path)
    one = table(r(2, "m.x.oda"), r(2, "m.x.trade"))
    assert [f.code for f in check_ranks(one, CheckConfig())] == ["FL302"]
    assert check_expectations(one, sch) == []


# ---------------------------------------------------------------------------------------------- broken entries


@pytest.mark.parametrize(("expect", "line", "says"), [
    ("      rang: {min: 1}", 9, "rules.0.expect.rang: unknown key; did you mean 'range'?"),
    ("      range: {min: 5, max: 1}", 9, "rules.0.expect.range.0: min 5 is above max 1"),
    ("      range: {mni: 5}", 9, "rules.0.expect.range.0.mni: unknown key; did you mean 'min'?"),
    ("      integer: true\n      monotonic: up", 10, "rules.0.expect.monotonic: Input should be 'non_decreasing'"),
    ("      integer: true\n      unique_rank: true", 10, "rules.0.expect.unique_rank: only a rank has one"),
    ("      max_change: -1", 9, "rules.0.expect.max_change: Input should be greater than 0"),
])
def test_a_broken_entry_names_file_line_and_key(tmp_path, expect, line, says):
    with pytest.raises(RuleError) as err:
        schemas(tmp_path, expect)
    assert f"y.yaml:{line}: {says}" in str(err.value), str(err.value)


def test_money_bounds_need_their_currency(tmp_path):
    with pytest.raises(RuleError, match=r"y.yaml:9: rules.0.expect.range: the rule takes several currencies"):
        schemas(tmp_path, "      range: {max: 5}", kind="money", units="[USD, JPY]")
    with pytest.raises(RuleError, match=r"y.yaml:11: rules.0.expect.range\[1\]: unit 'VND' is not one the rule"):
        schemas(tmp_path, "      range:\n        - {unit: USD, max: 5}\n        - {unit: VND, max: 5}", kind="money",
                units="[USD, JPY]")


# ---------------------------------------------------------------------------------------------- schemas, export


def test_shipped_rules_build_a_schema_per_metric_with_registered_checks():
    sch = build_schemas(load_rules([RULES]))
    assert "people.vn_in_jp.community" in sch and "trade.vn_jp.total" in sch
    every = {c.name for s in sch.values() for c in s.checks}
    assert every == {f"expect_{t}" for t in TYPES}
    for s in sch.values():
        for check in s.checks:
            assert check.statistics["where"].startswith("claims/") and " expect." in check.statistics["where"]


def _roundtrip_claims():
    return table(c(3e6, "2022", metric="people.vn_in_jp.community"),
                 c(2.0e10, "2022", kind="money", unit="USD", metric="trade.vn_jp.total"),
                 c(4.0e10, "2023", kind="money", unit="USD", metric="trade.vn_jp.total", article="a2"),
                 r(1, "rank.jp_partner.oda"), r(1, "rank.jp_partner.trade", article="a2"),
                 c(50, "2023", kind="duration", unit="year", metric="relations.vn_jp.anniversary"),
                 c(45, "2024", kind="duration", unit="year", metric="relations.vn_jp.anniversary", article="a3"))


def test_schemas_round_trip_through_yaml_with_their_checks():
    sch = build_schemas(load_rules([RULES]))
    back = load_schemas(export(sch))
    assert list(back) == list(sch)
    for metric, s in sch.items():
        assert [(c.name, c.statistics) for c in back[metric].checks] == [(c.name, c.statistics) for c in s.checks]
        # pandera's own reader, one document at a time
        assert pa.DataFrameSchema.from_yaml(s.to_yaml()) == s
    df = _roundtrip_claims()
    got = [(f.metric, f.type, f.rows) for f in validate(df, sch)]
    assert got == [(f.metric, f.type, f.rows) for f in validate(df, back)]
    assert {t for _, t, _ in got} == {"range", "max_change", "unique_rank", "monotonic"}


def test_schema_export_writes_the_schemas(tmp_path):
    shutil.copytree(RULES, tmp_path / "claims")
    got = invoke_in(tmp_path, "schema", "export", "-o", "out/schemas.yaml")
    assert got.exit_code == 0, got.output
    back = load_schemas((tmp_path / "out" / "schemas.yaml").read_text(encoding="utf-8"))
    assert back.keys() == build_schemas(load_rules([RULES])).keys()
    docs = list(yaml.safe_load_all((tmp_path / "out" / "schemas.yaml").read_text(encoding="utf-8")))
    assert all(d["checks"] for d in docs)
    stdout = invoke_in(tmp_path, "schema", "export")
    assert stdout.exit_code == 0 and stdout.output.startswith("---\nschema_type: dataframe")


def test_schema_export_with_a_broken_rule_is_a_usage_error(tmp_path):
    schemas(tmp_path, "      integer: true")
    path = tmp_path / "claims" / "y.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("integer: true", "integr: true"), encoding="utf-8")
    got = invoke_in(tmp_path, "schema", "export")
    assert got.exit_code == 2 and "y.yaml:9: rules.0.expect.integr: unknown key; did you mean 'integer'?" in got.output


# ---------------------------------------------------------------------------------------------- planted errors


ART = {"000": "000_8334ef254cd483e5.md", "001": "001_5793ab1afd7dfe9c.md", "002": "002_328294faec285e8a.md",
       "003": "003_dad6383fd0be7af4.md", "004": "004_45cea287ea4876c1.md"}
PLANTS = [
    # (code, article, old, new): the only expectation finding the edit may bring, at the edited line
    ("FL701", "000", "hơn 400 nghìn người", "hơn 4 triệu người"),  # a slipped scale word
    ("FL702", "003", "nhân dịp kỷ niệm 50 năm", "nhân dịp kỷ niệm 45 năm"),  # 2024's anniversary below 2023's
    ("FL703", "001", "gần 50 tỷ USD", "gần 20 tỷ USD"),  # 2022's trade, against an added 2023 (below)
    ("FL704", "004", "khoảng 350.000 người", "khoảng 350.000,5 người"),  # a decimal comma after the thousands
    ("FL705", "004", "đứng thứ 3 về hợp tác đầu tư", "đứng thứ nhất về hợp tác đầu tư"),  # ODA's place in 2023
    ("FL706", "000", "hơn 400 nghìn người", "hơn 40 nghìn doanh nghiệp"),  # a business community
]
TRADE_2023 = "\n\nNăm 2023, kim ngạch thương mại song phương Việt Nam - Nhật Bản đạt 44,9 tỷ USD.\n"


def _seed_project(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(SEED_ARTICLES, tmp_path / "articles")
    shutil.copytree(RULES, tmp_path / "claims")
    return tmp_path / "articles", tmp_path / "claims"


def test_seeds_break_no_expectation():
    r = run([SEED_ARTICLES], RULES, SEED_ACCEPTED)
    assert [f for f in r.findings if f.check == "expectation"] == []


@pytest.mark.parametrize(("code", "art", "old", "new"), PLANTS, ids=[p[0] for p in PLANTS])
def test_planted_error_is_found_where_it_was_planted(tmp_path, code, art, old, new):
    articles, rules = _seed_project(tmp_path)
    path = articles / ART[art]
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    text = text.replace(old, new, 1)
    if code == "FL703":
        text += TRADE_2023
    if code == "FL706":  # the community rule takes enterprises too here: its expectation says people only
        labour = rules / "labour.yaml"
        text_ = labour.read_text(encoding="utf-8")
        community = text_.index("metric: people.vn_in_jp.community")
        head, rule = text_[:community], text_[community:]
        rule = rule.replace('    unit: [person, ""]\n', '    unit: [person, "", enterprise]\n', 1)
        rule = rule.replace("    measure: [community, people]\n", "    measure: [community, people, enterprises]\n", 1)
        labour.write_text(head + rule, "utf-8")
    path.write_text(text, encoding="utf-8")
    got = [f for f in run([articles], rules, SEED_ACCEPTED).findings if f.check == "expectation"]
    assert [f.code for f in got] == [code], [(f.code, f.message) for f in got]
    assert any(loc.path.endswith(ART[art]) and loc.line == line for loc in got[0].locations), got[0].locations


# ---------------------------------------------------------------------------------------------- through the run


def test_findings_are_accepted_stay_accepted_when_the_rule_file_moves_and_reach_every_format(tmp_path):
    articles, rules = _seed_project(tmp_path)
    path = articles / ART["000"]
    path.write_text(path.read_text(encoding="utf-8").replace("hơn 400 nghìn người", "hơn 4 triệu người"), "utf-8")
    first = run([articles], rules, None)
    (f,) = [x for x in first.findings if x.check == "expectation"]
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(accepted_entries(first.findings), encoding="utf-8")
    labour = rules / "labour.yaml"  # the rule file moves: the message's line changes, the fingerprint does not
    before = labour.read_text(encoding="utf-8")
    community = before.index("metric: people.vn_in_jp.community")
    range_line = before[: before.index("      range:", community)].count("\n") + 1
    labour.write_text("# moved\n\n" + before, encoding="utf-8")
    again = run([articles], rules, accepted)
    (g,) = [x for x in again.findings if x.check == "expectation"]
    assert (g.fingerprint, g.status) == (f.fingerprint, "accepted") and g.message != f.message
    assert f"labour.yaml:{range_line + 2} expect.range" in g.message
    for fmt in ("text", "markdown", "html", "json", "sarif", "github"):  # github annotates new findings only
        assert "FL701" in render(fmt, first), fmt
        assert ("FL701" in render(fmt, again)) == (fmt != "github"), fmt
    (shown,) = [x for x in json.loads(render("json", again))["findings"] if x["code"] == "FL701"]
    assert shown["status"] == "accepted"
    sarif = json.loads(render("sarif", again))
    rule = next(x for x in sarif["runs"][0]["tool"]["driver"]["rules"] if x["id"] == "FL701")
    assert "range" in rule["shortDescription"]["text"]


def test_the_check_suite_has_one_case_per_metric_schema(tmp_path):
    r = run([SEED_ARTICLES], RULES, SEED_ACCEPTED)
    ids = [c.id for c in cases(r, "expectations")]
    assert ids == sorted(build_schemas(load_rules([RULES])))
    assert all(not c.findings for c in cases(r, "expectations"))


# ---------------------------------------------------------------------------------------------- the check suite


SUITE_RULES = """\
rules:
  - metric: trade.total
    description: Total trade.
    kind: money
    unit: [USD]
    require:
      - {pattern: 'kim ngạch', where: before, within: 60}
    expect:
      range: {max: 1.5e+11}
    examples:
      - text: Năm 2022, kim ngạch thương mại đạt 50 tỷ USD.
  - metric: people.community
    description: The community.
    kind: count
    unit: [person]
    require:
      - {pattern: 'cộng đồng', where: before, within: 30}
    expect:
      integer: true
    examples:
      - text: Năm 2022, cộng đồng 400.000 người.
"""


def test_pytest_runs_one_item_per_metric_schema_and_an_accepted_failure_as_strict_xfail(pytester):
    pytester.makeini("[pytest]\n")
    for folder in ("articles", "claims", "checks"):
        (pytester.path / folder).mkdir()
    (pytester.path / "articles" / "a1.md").write_text(
        "---\nid: a1\npublished: 2023-05-02\n---\nNăm 2022, kim ngạch thương mại hai nước đạt 500 tỷ USD.\n"
        "Năm 2022, cộng đồng 400.000 người Việt Nam tại Nhật Bản.\n", encoding="utf-8")
    (pytester.path / "claims" / "topics.yaml").write_text(SUITE_RULES, encoding="utf-8")
    shutil.copy(Path(__file__).resolve().parents[1] / "checks" / "test_expectations.py", pytester.path / "checks")
    args = ("--factlint-reports=", "--import-mode=importlib", "-p", "no:randomly")

    res = pytester.runpytest("checks", "-k", "community", *args)  # one metric's item alone
    assert res.parseoutcomes() == {"passed": 1, "deselected": 1}, res.stdout.str()
    res = pytester.runpytest("checks", "-k", "trade", *args)
    assert res.parseoutcomes() == {"failed": 1, "deselected": 1}, res.stdout.str()
    assert "FL701" in res.stdout.str() and "topics.yaml:9 expect.range" in res.stdout.str()

    got = invoke_in(pytester.path, "check", "--no-cache", "--fail-on", "never", "--update-accepted")
    assert got.exit_code == 0, got.output
    res = pytester.runpytest("checks", *args)
    assert res.ret == 0 and res.parseoutcomes() == {"passed": 2, "xfailed": 1}, res.stdout.str()
