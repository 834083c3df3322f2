"""The engine's tests stand on their own copy of the seeds: a newsroom's corpus in articles/ (and its reviews in
checks/accepted.yaml) never turns `make test` red, and a test run writes nothing into the clone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from factlint.corpus import load_corpus
from helpers import ROOT, RULES, SEED_ACCEPTED, SEED_ARTICLES, repo_changes, repo_snapshot

NEWSROOM_ARTICLE = """---
id: hq-2022
outlet: Báo Ba
published: 2023-02-01
---
Năm 2022, kim ngạch thương mại Việt Nam - Nhật Bản đạt 70 tỷ USD, theo Tổng cục Hải quan.
Nhật Bản là đối tác thương mại lớn thứ 3 của Việt Nam.
"""

# the tests that pin the seed corpus: its reading, its golden metrics, its table, its accepted findings
SEED_PINNED = [
    "tests/test_seed_articles.py", "tests/test_seed_golden.py", "tests/test_schema.py",
    "tests/test_planted.py::test_clean_corpus_gives_exactly_the_accepted_findings",
    "tests/test_reports.py::test_exit_0_with_only_accepted_findings_even_failing_on_warnings",
    "tests/test_hardening.py::test_end_to_end_every_file_is_accounted_for",
    "tests/test_collect.py::test_cache_skips_unchanged_articles_and_notices_changes",
]


def _pytest(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_no_engine_test_reads_the_repositorys_corpus_or_reviews():
    corpus = re.compile(r"""ROOT\s*/\s*["']articles|ROOT\s*/\s*["']checks["']\s*/\s*["']accepted|chdir\(ROOT\)""")
    offenders = [f"{p.name}:{n}: {line.strip()}" for p in sorted((ROOT / "tests").glob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if corpus.search(line)]
    assert offenders == []


def test_the_fixture_copy_is_the_five_seeds_with_their_accepted_findings():
    arts = load_corpus([SEED_ARTICLES])
    assert [a.status for a in arts] == ["ok"] * 5
    assert sorted(a.id[:3] for a in arts) == ["000", "001", "002", "003", "004"]
    assert SEED_ACCEPTED.read_text(encoding="utf-8").count("- fingerprint:") == 4


def test_seed_pinned_tests_pass_beside_a_newsrooms_corpus(tmp_path):
    """A clone whose articles/ holds only the newsroom's own article and whose accepted file holds its reviews."""
    clone = tmp_path / "clone"
    clone.mkdir()
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("tests", "claims"):
        shutil.copytree(ROOT / name, clone / name, ignore=ignore)
    for name in ("pyproject.toml", "conftest.py"):
        shutil.copy(ROOT / name, clone / name)
    (clone / "articles").mkdir()
    (clone / "articles" / "hq-2022.md").write_text(NEWSROOM_ARTICLE, encoding="utf-8")
    (clone / "checks").mkdir()
    (clone / "checks" / "accepted.yaml").write_text(
        "accepted:\n- fingerprint: 0123456789abcdef\n  reason: reviewed by the desk\n", encoding="utf-8")
    res = _pytest(clone, *SEED_PINNED)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert re.search(r"\b\d{2,} passed", res.stdout), res.stdout[-500:]


def test_the_check_suite_passes_over_the_seed_fixture(tmp_path):
    """checks/ is the corpus suite of `make check`; over the seeds it gives exactly their accepted findings."""
    shutil.copytree(ROOT / "checks", tmp_path / "checks", ignore=shutil.ignore_patterns("__pycache__", "*.yaml"))
    res = _pytest(tmp_path, "checks", "--rootdir", str(tmp_path), "-p", "no:cacheprovider",
                  "--articles", str(SEED_ARTICLES), "--rules", str(RULES), "--accepted", str(SEED_ACCEPTED),
                  "--factlint-reports", str(tmp_path / "reports"))
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "4 xfailed" in res.stdout and "5 articles (0 unreadable)" in res.stdout
    assert (tmp_path / "reports" / "findings.json").is_file()


def test_repo_changes_name_every_created_changed_and_removed_file(tmp_path):
    (tmp_path / "kept.txt").write_text("a", encoding="utf-8")
    (tmp_path / "gone.txt").write_text("a", encoding="utf-8")
    (tmp_path / "edited.txt").write_text("a", encoding="utf-8")
    before = repo_snapshot(tmp_path)
    (tmp_path / "gone.txt").unlink()
    (tmp_path / "edited.txt").write_text("ab", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "findings.json").write_text("{}", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"")
    assert repo_changes(before, repo_snapshot(tmp_path)) == [
        "created reports/findings.json", "changed edited.txt", "removed gone.txt"]
