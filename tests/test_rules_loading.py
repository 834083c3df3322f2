"""Broken rule files: every error names the file, the line and the key; patterns cannot hang a run."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from factlint.rules import RuleError, load_rules

GOOD_RULE = """\
rules:
  - metric: trade.vn_jp.total
    description: Total trade.
    kind: money
    require:
      - {pattern: 'kim ngạch', where: before, within: 80}
    examples:
      - text: Kim ngạch năm 2022 đạt 50 tỷ USD.
        claims: [{metric: trade.vn_jp.total, value: 5.0e+10}]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def _error(tmp_path: Path) -> str:
    with pytest.raises(RuleError) as exc:
        load_rules([tmp_path])
    return str(exc.value)


def test_good_file_loads(tmp_path):
    _write(tmp_path, "trade.yaml", GOOD_RULE)
    assert len(load_rules([tmp_path])) == 1


def test_malformed_yaml_names_file_and_line(tmp_path):
    _write(tmp_path, "bad.yaml", GOOD_RULE.replace("    kind: money\n", "    kind: [money\n"))
    msg = _error(tmp_path)
    assert msg.startswith(f"{tmp_path / 'bad.yaml'}:") or "bad.yaml:" in msg
    assert "malformed YAML" in msg
    line = int(msg.split("bad.yaml:")[1].split(":")[0])
    assert 5 <= line <= 7


def test_unknown_key(tmp_path):
    _write(tmp_path, "t.yaml", GOOD_RULE.replace("    kind: money\n", "    kind: money\n    colour: blue\n"))
    msg = _error(tmp_path)
    assert "t.yaml:5: rules.0.colour: unknown key" in msg


@pytest.mark.parametrize(("old", "new", "line", "where", "hint"), [
    ("    require:\n", "    requires:\n", 5, "rules.0.requires", "did you mean 'require'?"),
    ("where: before", "were: before", 6, "rules.0.require.0.were", "did you mean 'where'?"),
    ("    kind: money\n", "    kind: money\n    period: {sorce: published}\n", 5, "rules.0.period.sorce",
     "did you mean 'source'?"),
    ("value: 5.0e+10}", "value: 5.0e+10, perod: '2022'}", 9, "rules.0.examples.0.claims.0.perod",
     "did you mean 'period'?"),
    ("rules:\n", "rule: []\nrules:\n", 1, "rule", "did you mean 'rules'?"),
    ("    kind: money\n", "    kind: money\n    colour: blue\n", 5, "rules.0.colour", "(valid: metric, description,"),
])
def test_unknown_key_suggests_the_nearest_valid_one(tmp_path, old, new, line, where, hint):
    _write(tmp_path, "t.yaml", GOOD_RULE.replace(old, new, 1))
    msg = _error(tmp_path)
    assert f"t.yaml:{line}: {where}: unknown key" in msg and hint in msg


@pytest.mark.parametrize(("pattern", "caret"), [
    ("kim (ngạch", "kim ("),                 # the group opened at "(" is never closed
    ("(kim) (ngạch|đạt (năm)", "(kim) ("),    # the outer group of two is the open one
    ("kim [ngạch", "kim ["),                 # an unterminated set points at its "["
    ("kim [(] (ngạch", "kim [(] ("),         # a "(" inside a set opens no group
    ("kim) ngạch", "kim)"),                  # a stray ")" is where the engine says
])
def test_pattern_error_points_at_the_open_group(tmp_path, pattern, caret):
    """The caret stands under the last character of ``caret`` (a prefix of the pattern)."""
    _write(tmp_path, "t.yaml", GOOD_RULE.replace("'kim ngạch'", repr(pattern)))
    msg = _error(tmp_path)
    assert "t.yaml:6: rules.0.require.0.pattern: pattern does not compile" in msg
    lines = msg.splitlines()
    shown = next(i for i, ln in enumerate(lines) if ln.strip() == pattern)
    col = lines[shown].index(pattern) + len(caret) - 1
    assert lines[shown + 1] == " " * col + "^", (lines[shown], lines[shown + 1])


def test_wrong_type(tmp_path):
    _write(tmp_path, "t.yaml", GOOD_RULE.replace("within: 80", "within: far"))
    msg = _error(tmp_path)
    assert "t.yaml:6: rules.0.require.0.within:" in msg and "integer" in msg


def test_unknown_kind(tmp_path):
    _write(tmp_path, "t.yaml", GOOD_RULE.replace("kind: money", "kind: wealth"))
    assert "t.yaml:4: rules.0.kind.0:" in _error(tmp_path)


def test_pattern_that_does_not_compile(tmp_path):
    _write(tmp_path, "t.yaml", GOOD_RULE.replace("'kim ngạch'", "'kim (ngạch'"))
    msg = _error(tmp_path)
    assert "t.yaml:6: rules.0.require.0.pattern: pattern does not compile" in msg


def test_missing_examples(tmp_path):
    text = GOOD_RULE.split("    examples:")[0]
    _write(tmp_path, "t.yaml", text)
    assert "t.yaml:2: rules.0.examples: Field required" in _error(tmp_path)


def test_conflicting_metric(tmp_path):
    _write(tmp_path, "a.yaml", GOOD_RULE)
    _write(tmp_path, "b.yaml", GOOD_RULE.replace("kind: money", "kind: count"))
    msg = _error(tmp_path)
    assert "b.yaml: rules[0].metric: 'trade.vn_jp.total' is also defined by" in msg and "a.yaml" in msg


def test_every_broken_file_is_reported_at_once(tmp_path):
    _write(tmp_path, "a.yaml", GOOD_RULE.replace("kind: money", "kind: wealth"))
    _write(tmp_path, "b.yaml", GOOD_RULE.replace("within: 80", "within: far"))
    msg = _error(tmp_path)
    assert "a.yaml:4" in msg and "b.yaml:6" in msg


def test_catastrophic_pattern_is_bounded(tmp_path):
    from factlint.extract import sentences
    from factlint.vi import read_quantities

    _write(tmp_path, "t.yaml", GOOD_RULE.replace("'kim ngạch'", "'(a|aa)+b'").replace("within: 80", "within: 2000"))
    rs = load_rules([tmp_path])
    text = "a" * 40 + "! kim ngạch đạt 50 tỷ USD"
    t0 = time.perf_counter()
    with pytest.raises(RuleError, match=r"t.yaml.*took longer than"):
        rs.tag(text, read_quantities(text), sentences(text))
    assert time.perf_counter() - t0 < 5


def test_missing_folder(tmp_path):
    with pytest.raises(RuleError, match="no such rule file or folder"):
        load_rules([tmp_path / "nope"])


def test_every_shipped_rule_is_anchored_to_japan():
    """The shipped rules are about Viet Nam and Japan: each needs Japan (or the pair Viet Nam - Japan) as the
    attributed subject, Japan in its measure, in its article or in a required cue, and no article pattern may take
    "cập nhật" or "Chủ nhật" (update, Sunday) for Japan."""
    import regex

    rules = load_rules([Path(__file__).resolve().parents[1] / "claims"])
    japan = ("Nhật Bản\x1fJP", "Việt Nam – Nhật Bản\x1fVN+JP")
    korea = ("Hàn Quốc\x1fKR", "Việt Nam – Hàn Quốc\x1fVN+KR")
    for lr in rules.rules:
        japan_subject = lr.rule.subject and all(
            p == "(none)" or (any(regex.search(p, s) for s in japan) and not any(regex.search(p, s) for s in korea))
            for p in lr.rule.subject)
        japan_measure = any("Nhật" in p for p in lr.rule.measure)  # "Việt Nam đón … lượt khách Nhật Bản"
        japan_article = any("Nhật" in p.pattern for p in lr.article)
        assert japan_subject or japan_measure or japan_article or any("Nhật" in cue.pattern for cue, _ in lr.require), \
            lr.id
        if "(none)" in lr.rule.subject:  # a figure with no named party is taken only in an article about Japan
            assert lr.article, lr.id
        for pat in lr.article:
            assert not pat.search("Bảng giá cập nhật ngày Chủ nhật, CẬP NHẬT"), (lr.id, pat.pattern)
