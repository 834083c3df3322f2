"""claims/config.yaml: its `hedges:` override reaches the claims' intervals (cache and all), and every key it
does not know is an error naming the file, the line and the key, with the nearest valid key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factlint.config import ConfigError, hedge_config
from factlint.suite import run
from helpers import ROOT, invoke_in

TINY_RULES = ROOT / "tests" / "fixtures" / "tiny" / "claims"


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(TINY_RULES, tmp_path / "claims")
    (tmp_path / "articles").mkdir()
    for name, figure in (("a", "gần 50 tỷ USD"), ("b", "46 tỷ USD")):
        (tmp_path / "articles" / f"{name}.md").write_text(
            f"---\nid: {name}\npublished: 2023-05-02\n---\n"
            f"Kim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt {figure}.\n", encoding="utf-8")
    return tmp_path


def _config(project: Path, text: str) -> None:
    (project / "claims" / "config.yaml").write_text(text, encoding="utf-8")


def _interval(project: Path, text: str, **kw) -> tuple[float, float, bool, bool]:
    df = run([project / "articles"], project / "claims", None, **kw).claims
    row = df[df["text"] == text].iloc[0]
    return row["low"], row["high"], bool(row["low_open"]), bool(row["high_open"])


def test_a_hedge_override_changes_the_interval_of_a_claim(project):
    assert _interval(project, "gần 50 tỷ USD") == (4.5e10, 5e10, False, True)  # the packaged 10 %
    _config(project, "hedges:\n  gần: {tolerance: 0.05}\n")
    assert _interval(project, "gần 50 tỷ USD") == (4.75e10, 5e10, False, True)
    _config(project, "hedges:\n  gần: {direction: around, tolerance: 0.2}\n")
    assert _interval(project, "gần 50 tỷ USD") == (4e10, 6e10, False, False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_cache_follows_the_hedge_override(project, jobs):
    cache = project / "cache"
    assert _interval(project, "gần 50 tỷ USD", cache=cache, jobs=jobs)[0] == 4.5e10
    _config(project, "hedges:\n  gần: {tolerance: 0.05}\n")
    assert _interval(project, "gần 50 tỷ USD", cache=cache, jobs=jobs)[0] == 4.75e10


def test_a_tighter_hedge_turns_agreement_into_a_finding(project):
    args = ("check", "--format", "json", "--no-cache", "--fail-on", "warning")
    res = invoke_in(project, *args)
    assert res.exit_code == 0 and json.loads(res.stdout)["findings"] == []  # 46 lies in [45, 50)
    _config(project, "hedges:\n  gần: {tolerance: 0.05}\n")
    res = invoke_in(project, *args)  # [47.5, 50) misses 46
    assert res.exit_code == 1 and [f["code"] for f in json.loads(res.stdout)["findings"]] == ["FL101"]


@pytest.mark.parametrize(("text", "message"), [
    ("checks:\n  error_gap: 0.1\nchekcs:\n  error_gap: 0.2\n",
     "config.yaml:3: chekcs: unknown key; did you mean `checks`? (known: checks, hedges)"),
    ("hedge:\n  gần: {tolerance: 0.05}\n", "config.yaml:1: hedge: unknown key; did you mean `hedges`?"),
    ("checks:\n  error_gaps: 0.1\n", "config.yaml:2: checks.error_gaps: unknown key; did you mean `error_gap`?"),
    ("checks: [0.1]\n", "config.yaml:1: checks: expected a mapping"),
    ("hedges:\n  gân: {tolerance: 0.05}\n", "config.yaml:2: hedges.gân: unknown hedge word; did you mean `gần`?"),
    ("hedges:\n  gần: {tolerence: 0.05}\n",
     "config.yaml:2: hedges.gần.tolerence: unknown key; did you mean `tolerance`? (known: direction, tolerance)"),
    ("hedges:\n  khoảng: {tolerance: 0.1}\n  gần: {tolerance: 5}\n",
     "config.yaml:3: hedges.gần: tolerance must be a number in [0, 1], got 5"),
    ("hedges:\n  gần: {direction: sideways}\n", "config.yaml:2: hedges.gần: needs direction below|above|"),
    ("hedges:\n  gần: 0.05\n", "config.yaml:2: hedges.gần: expected {direction: …, tolerance: …}, got 0.05"),
    ("hedges: [gần]\n", "config.yaml:1: hedges: expected a mapping of hedge words"),
])
def test_a_broken_setting_is_a_configuration_error(project, text, message):
    _config(project, text)
    with pytest.raises(ConfigError) as exc:
        run([project / "articles"], project / "claims", None)
    assert message in str(exc.value)
    for command in ("check", "extract"):
        res = invoke_in(project, command, "--no-cache")
        assert res.exit_code == 2 and message in res.output, (command, res.output)


def test_no_config_is_the_packaged_hedges(tmp_path):
    assert hedge_config(tmp_path).hedges["gần"] == ("below", 0.1)
    assert hedge_config(None).hedges["hơn"] == ("above", 0.1)
