"""The pytest plugin itself, run on a tiny newsroom project built in a temporary folder (pytester)."""

from __future__ import annotations

from factlint.findings import load_accepted
from helpers import invoke_in

pytest_plugins = ["pytester"]

FRONT = "---\nid: {id}\noutlet: Báo {id}\npublished: {published}\nlanguage: vi\ntitle: Thương mại\n---\n"
A1 = "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD.\n\nNhật Bản đứng thứ 2i về hợp tác lao động. " \
     "Hội nghị khai mạc lúc 12giờ.\n"
A2 = "Năm 2022, kim ngạch thương mại hai nước đạt 60 tỷ USD.\n"
RULES = """\
rules:
  - metric: trade.total
    description: Total trade.
    kind: money
    require:
      - {pattern: 'kim ngạch', where: before, within: 60}
    examples:
      - text: Năm 2022, kim ngạch thương mại đạt 50 tỷ USD.
        claims: [{metric: trade.total, value: 5.0e+10, period: "2022"}]
"""
SUITE = """\
import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("{suite}")


def test_{suite}(case):
    assert_no_findings(case)
"""


# in-process runs: the project's own checks/test_*.py modules of the same names may be imported already
ARGS = ("--factlint-reports=", "--import-mode=importlib")


def _project(pytester, a1: str = A1, a2: str = A2) -> None:
    pytester.makeini("[pytest]\n")
    (pytester.path / "articles").mkdir(exist_ok=True)
    (pytester.path / "claims").mkdir(exist_ok=True)
    (pytester.path / "checks").mkdir(exist_ok=True)
    (pytester.path / "articles" / "a1.md").write_text(FRONT.format(id="a1", published="2023-05-02") + a1,
                                                       encoding="utf-8")
    (pytester.path / "articles" / "a2.md").write_text(FRONT.format(id="a2", published="2023-06-10") + a2,
                                                       encoding="utf-8")
    (pytester.path / "claims" / "trade.yaml").write_text(RULES, encoding="utf-8")
    for suite in ("agreement", "typos"):
        (pytester.path / "checks" / f"test_{suite}.py").write_text(SUITE.format(suite=suite), encoding="utf-8")


def test_accepted_findings_pass_and_a_stale_entry_fails_the_check_suite(pytester):
    _project(pytester)
    got = invoke_in(pytester.path, "check", "--no-cache", "--fail-on", "never", "--update-accepted")
    assert got.exit_code == 0, got.output
    accepted_file = pytester.path / "checks" / "accepted.yaml"
    entries = load_accepted(accepted_file)
    assert sorted(e.code for e in entries) == ["FL101", "FL601", "FL601"]

    # every finding accepted: the suite passes, each accepted case a strict xfail
    res = pytester.runpytest("checks", *ARGS)
    assert res.ret == 0, res.stdout.str()
    assert res.parseoutcomes().get("xfailed") == 2 and "failed" not in res.parseoutcomes()

    # the articles are fixed (the 60 and the '2i' go), the entries stay: both stale entries fail the suite,
    # though the typo case of a1 still xfails on its other accepted finding ('12giờ')
    _project(pytester, a1=A1.replace("thứ 2i", "thứ 2"), a2=A2.replace("60", "50"))
    res = pytester.runpytest("checks", *ARGS)
    out = res.stdout.str()
    assert res.ret == 1, out
    assert res.parseoutcomes().get("failed") == 2 and res.parseoutcomes().get("xfailed") == 1, out
    stale = [e for e in entries if e.code == "FL101" or "2i" in e.note]
    assert len(stale) == 2
    for e in stale:
        assert f"checks/accepted.yaml:{e.line}: accepted entry {e.fingerprint}" in out
        assert "remove the entry" in out
    kept = next(e for e in entries if "12giờ" in e.note)
    assert kept.fingerprint not in out


def test_a_broken_accepted_file_is_a_failing_item_naming_its_line(pytester):
    _project(pytester)
    (pytester.path / "checks" / "accepted.yaml").write_text("accepted:\n  - fingerprint: abc\n", encoding="utf-8")
    res = pytester.runpytest("checks/accepted.yaml", *ARGS)
    assert res.ret == 1
    res.stdout.fnmatch_lines(["*accepted.yaml:2: accepted[[]0[]].reason: required*"])
