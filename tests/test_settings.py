"""Project settings in [tool.factlint] of pyproject.toml: read, overridden by the command line, checked."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from factlint.config import ConfigError
from factlint.settings import load_settings
from helpers import invoke_in

TINY = Path(__file__).parent / "fixtures" / "tiny"
TRADE = "Năm 2022, kim ngạch thương mại Việt Nam - Nhật Bản đạt {} tỷ USD."
ROWS = [{"slug": "a", "ngay": "2023-05-02", "noi_dung": TRADE.format(50)},
        {"slug": "b", "ngay": "2023-06-02", "noi_dung": TRADE.format(52)}]


def _project(tmp_path: Path, settings: str) -> Path:
    shutil.copytree(TINY / "claims", tmp_path / "luat")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cms.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS),
                                                 encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "desk"\n\n[tool.factlint]\n{settings}',
                                             encoding="utf-8")
    return tmp_path


SETTINGS = '''paths = ["data/cms.jsonl"]
rules = "luat"
accepted = "reviewed.yaml"
fail-on = "warning"
jobs = 1
id-column = "slug"
text-column = "noi_dung"
published-column = "ngay"
'''


def test_settings_are_read_and_the_command_line_overrides_them(tmp_path):
    root = _project(tmp_path, SETTINGS)
    res = invoke_in(root, "check", "--no-cache", "--format", "json")
    assert res.exit_code == 1, res.output  # a 4 % gap is a warning, and fail-on is warning
    doc = json.loads(res.stdout)
    assert [(a["id"], a["path"], a["status"]) for a in doc["articles"]] == [("a", "data/cms.jsonl", "ok"),
                                                                              ("b", "data/cms.jsonl", "ok")]
    assert [f["severity"] for f in doc["findings"] if f["code"] == "FL101"] == ["warning"]
    assert invoke_in(root, "check", "--no-cache", "--fail-on", "error").exit_code == 0
    # the accepted file named in the settings is where --update-accepted writes
    invoke_in(root, "check", "--no-cache", "--update-accepted")
    assert "fingerprint" in (root / "reviewed.yaml").read_text(encoding="utf-8")
    assert invoke_in(root, "check", "--no-cache").exit_code == 0
    # a column given on the command line wins over the settings
    res = invoke_in(root, "extract", "--no-cache", "--text-column", "slug", "--format", "csv")
    assert res.exit_code == 0 and res.stdout.splitlines()[1:] == []


def test_paths_in_the_settings_are_relative_to_the_pyproject_folder(tmp_path):
    root = _project(tmp_path, SETTINGS)
    (root / "sub").mkdir()
    res = invoke_in(root / "sub", "extract", "--no-cache", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    assert {json.loads(line)["path"] for line in res.stdout.splitlines()} == {"../data/cms.jsonl"}


def test_an_unknown_key_is_an_error_naming_the_file_line_and_key_with_the_nearest_one(tmp_path):
    root = _project(tmp_path, 'rules = "luat"\nfail_on = "warning"\n')
    res = invoke_in(root, "check", "--no-cache")
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        "error: pyproject.toml:6: tool.factlint.fail_on: unknown key; did you mean `fail-on`? (known: accepted, "
        "encoding, fail-on, id-column, jobs, outlet-column, paths, published-column, rules, text-column, "
        "title-column)")
    root = _project(tmp_path / "b", 'jobs = "4"\n')
    res = invoke_in(root, "extract", "--no-cache")
    assert res.exit_code == 2
    assert res.stderr.strip() == "error: pyproject.toml:5: tool.factlint.jobs: expected a whole number of at " \
                                 "least 1, got '4'"


def test_a_pyproject_without_the_table_means_no_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    got = load_settings(tmp_path / "pyproject.toml")
    assert (got.paths, got.rules, got.fail_on, got.jobs, got.columns) == (None, None, None, None, {})
    (tmp_path / "pyproject.toml").write_text("[tool.factlint\n", encoding="utf-8")
    try:
        load_settings(tmp_path / "pyproject.toml")
    except ConfigError as exc:
        assert str(exc).startswith(f"{os.path.relpath(tmp_path / 'pyproject.toml')}: malformed TOML: ")
    else:
        raise AssertionError("a broken pyproject.toml must be an error")
