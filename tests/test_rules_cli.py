"""``factlint rules test`` says why an expected claim did not come out; ``factlint rules explain`` takes the
context an ``article:`` gate needs and prints a reason shared by many quantities once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

RULES = """\
rules:
  - metric: trade.vn_jp.exports
    description: Viet Nam's exports to Japan.
    kind: money
    unit: [USD]
    require:
      - {pattern: 'xuất khẩu sang', where: before, within: 40}
    article: ['Nhật Bản']
    examples:
      - text: {text}
        published: 2024-01-15
        claims: [{claim}]
  - metric: trade.vn.exports_world
    description: Viet Nam's exports to the world.
    kind: money
    unit: [USD]
    priority: 1
    require:
      - {pattern: 'tổng kim ngạch xuất khẩu', where: before, within: 60}
    examples:
      - text: Tổng kim ngạch xuất khẩu năm 2023 đạt 355,5 tỷ USD.
        claims: [{metric: trade.vn.exports_world, value: 3.555e+11}]
"""


def _rules(tmp_path: Path, text: str = "Năm 2023, Việt Nam xuất khẩu sang Nhật Bản 23,3 tỷ USD.",
           claim: str = "{metric: trade.vn_jp.exports, value: 2.33e+10, period: '2023'}") -> Path:
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / "trade.yaml").write_text(RULES.replace("{text}", text).replace("{claim}", claim), encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str]:
    got = CliRunner().invoke(main, list(args))
    return got.exit_code, got.output


def test_passing_examples(tmp_path):
    code, out = _run("rules", "test", "--rules", str(_rules(tmp_path)))
    assert code == 0 and "2 passed, 0 failed" in out


@pytest.mark.parametrize(("text", "claim", "why"), [
    # the cue is missing: "xuất sang" drops "khẩu"
    ("Năm 2023, Việt Nam xuất sang Nhật Bản 23,3 tỷ USD.", None,
     "why: '23,3 tỷ USD': {src}:rules[0]:trade.vn_jp.exports: no /xuất khẩu sang/ before within 40 in the sentence"),
    # the article gate: the sentence names no Japan, and the example has no context
    ("Năm 2023, Việt Nam xuất khẩu sang thị trường này 23,3 tỷ USD.", None,
     "why: '23,3 tỷ USD': {src}:rules[0]:trade.vn_jp.exports: article does not mention /Nhật Bản/"),
    # a more specific rule (higher priority) takes the figure
    ("Tổng kim ngạch xuất khẩu sang Nhật Bản năm 2023 đạt 23,3 tỷ USD.", None,
     "why: '23,3 tỷ USD' was taken by {src}:rules[1]:trade.vn.exports_world"),
    # the figure comes out, but with another period than the author expected
    ("Năm 2022, Việt Nam xuất khẩu sang Nhật Bản 23,3 tỷ USD.", None,
     "why: '23,3 tỷ USD' came out as trade.vn_jp.exports with value 23300000000.0, unit USD, period 2022 (stated)"),
    # no quantity has the expected value: the reader's quantities are listed
    ("Năm 2023, Việt Nam xuất khẩu sang Nhật Bản 23,8 tỷ USD.", None,
     "why: no quantity reads as 23300000000.0; the reader found 'Năm 2023' (year 2023.0), '23,8 tỷ USD'"),
])
def test_rules_test_says_why_an_expected_claim_is_missing(tmp_path, text, claim, why):
    folder = _rules(tmp_path, text, *([claim] if claim else []))
    code, out = _run("rules", "test", "--rules", str(folder))
    assert code == 1 and "1 passed, 1 failed" in out
    src = next(ln for ln in out.splitlines() if ln.startswith("FAIL ")).split()[1].split("::")[0]
    assert why.format(src=src) in out, out


def _article(tmp_path: Path) -> Path:
    art = tmp_path / "a.md"
    art.write_text(textwrap.dedent("""\
        ---
        id: a
        published: 2023-12-20
        ---
        Quan hệ thương mại Việt Nam - Nhật Bản tiếp tục tăng trưởng.
        """), encoding="utf-8")
    return art


SENTENCE = "Năm nay, xuất khẩu sang thị trường này ước đạt 24 tỷ USD."


def test_explain_context_and_article_satisfy_the_article_gate(tmp_path):
    folder = _rules(tmp_path)
    _, bare = _run("rules", "explain", "--rules", str(folder), SENTENCE)
    assert "-> no rule" in bare and "article does not mention /Nhật Bản/" in bare
    _, ctx = _run("rules", "explain", "--rules", str(folder), "--published", "2024-02-01",
                  "--context", "Việt Nam và Nhật Bản.", SENTENCE)
    assert "-> trade.vn_jp.exports (period 2024, stated)" in ctx  # "Năm nay" of the publication date
    assert "'Nhật Bản'" not in ctx  # the context's own words are read but not listed as quantities
    _, art = _run("rules", "explain", "--rules", str(folder), "--article", str(_article(tmp_path)), SENTENCE)
    assert "-> trade.vn_jp.exports (period 2023, stated)" in art  # "Năm nay": the date comes from the front matter


def test_explain_prints_a_shared_reason_once(tmp_path):
    folder = _rules(tmp_path)
    sentence = ("Xuất khẩu sang Hàn Quốc đạt 24 tỷ USD, sang Trung Quốc 61 tỷ USD, sang Hoa Kỳ 97 tỷ USD "
                "và sang EU 46 tỷ USD.")
    code, out = _run("rules", "explain", "--rules", str(folder), sentence)
    assert code == 0
    assert out.count("article does not mention /Nhật Bản/") == 1, out
    assert "for '24 tỷ USD', '61 tỷ USD', '97 tỷ USD', '46 tỷ USD':" in out
    assert out.count("-> no rule") == 4


def test_explain_bad_date_is_a_usage_error(tmp_path):
    code, out = _run("rules", "explain", "--rules", str(_rules(tmp_path)), "--published", "2024-02-30", SENTENCE)
    assert code == 2 and "--published" in out


def _readme_rules_section() -> str:
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return text.split("## Claim rules", 1)[1].split("\n## ", 1)[0]


def test_readme_rule_example_loads_and_passes(tmp_path):
    from factlint.rules import iter_examples, load_rules, run_example

    block = _readme_rules_section().split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "readme.yaml").write_text(block, encoding="utf-8")
    rules = load_rules([tmp_path])
    results = {test_id: run_example(rules, lr, ex)[0] for test_id, lr, ex in iter_examples(rules)}
    assert len(results) >= 3 and not any(results.values()), results
    example_keys = {k for lr in rules.rules for ex in lr.rule.examples for k in ex.model_fields_set}
    assert {"published", "context"} <= example_keys  # the README shows both in use


def test_readme_lists_every_rule_key():
    from factlint.rules import Cue, Example, ExpectedClaim, Period, Rule, RuleFile

    section = _readme_rules_section()
    for model in (RuleFile, Rule, Cue, Period, Example, ExpectedClaim):
        missing = [k for k in model.model_fields
                   if not any(form in section for form in (f"`{k}`", f"`{k}:`", f"{{{k},", f" {k},", f" {k}}}"))]
        assert missing == [], (model.__name__, missing)
