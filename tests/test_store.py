"""The claims store: `factlint index` (incremental) and `factlint check DRAFT --against .factlint/`, whose
findings are those of a full run over the archive with the draft in it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from factlint.report import render
from factlint.store import index
from factlint.suite import run, run_against
from helpers import RULES, SEED_ARTICLES, invoke_in

pytest.importorskip("pyarrow")


@pytest.fixture()
def archive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEED_ARTICLES, "archive")
    return Path("archive")


def _json(r) -> dict:
    return json.loads(render("json", r))


def test_a_new_draft_against_the_store_finds_what_a_full_run_finds(archive):
    draft = Path("draft.md")
    last = sorted(archive.glob("*.md"))[-1]
    shutil.move(last, draft)
    index([archive], RULES, Path(".factlint"))
    full = run([archive, draft], RULES, None)
    against = run_against(Path(".factlint"), [draft], RULES, None)
    assert full.findings and _json(against) == _json(full)
    assert against.claims.equals(full.claims)


def test_a_changed_article_against_the_store_replaces_its_archived_self(archive):
    index([archive], RULES, Path(".factlint"))
    first = sorted(archive.glob("*.md"))[0]
    text = first.read_text(encoding="utf-8")
    changed = text.replace("tỷ USD", "triệu USD", 1)
    assert changed != text
    first.write_text(changed, encoding="utf-8")
    full = run([archive], RULES, None)
    against = run_against(Path(".factlint"), [first], RULES, None)
    assert _json(against) == _json(full)
    assert against.claims.equals(full.claims)
    assert not full.claims.equals(run_against(Path(".factlint"), [], RULES, None).claims)  # the store is older


def test_index_is_incremental_and_ends_as_a_fresh_index_would(archive, monkeypatch):
    store = Path(".factlint")
    got = index([archive], RULES, store)
    n = got["articles"]
    assert (got["added"], got["unchanged"]) == (n, 0)
    assert index([archive], RULES, store) == {"articles": n, "unchanged": n, "added": 0, "changed": 0,
                                              "removed": 0, "claims": 0}
    files = sorted(archive.glob("*.md"))
    before = {p: p.stat().st_mtime_ns for p in store.rglob("*.parquet")}
    files[0].write_text(files[0].read_text(encoding="utf-8").replace("tỷ USD", "triệu USD", 1), encoding="utf-8")
    got = index([archive], RULES, store)
    assert (got["changed"], got["unchanged"]) == (1, n - 1)
    rewritten = [p for p in store.rglob("*.parquet") if before.get(p) != p.stat().st_mtime_ns]
    assert 1 <= len(rewritten) <= 3  # its bucket of claims, mentions and texts, no other
    files[1].unlink()
    shutil.copy(files[2], archive / "zz-copy.md")  # a copy: a duplicate id
    got = index([archive], RULES, store)
    assert (got["removed"], got["added"]) == (1, 1)
    claims = pd.read_parquet(store / "claims")
    assert files[1].as_posix() not in set(claims["path"])
    fresh = Path("fresh")
    index([archive], RULES, fresh)
    key = ["entry", "seq"]
    a = pd.read_parquet(store / "claims").drop(columns="bucket").sort_values(key).reset_index(drop=True)
    b = pd.read_parquet(fresh / "claims").drop(columns="bucket").sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert _json(run_against(store, [], RULES, None)) == _json(run([archive], RULES, None))


def test_the_cli_indexes_and_checks_a_draft_against_the_store(archive, tmp_path):
    draft = Path("draft.md")
    shutil.move(sorted(archive.glob("*.md"))[-1], draft)
    res = invoke_in(tmp_path, "index", "archive", "--rules", str(RULES), "--jobs", "2")
    assert res.exit_code == 0, res.output
    assert "articles (4 added, 0 changed, 0 removed, 0 unchanged)" in res.stderr
    res = invoke_in(tmp_path, "check", "draft.md", "--against", ".factlint", "--rules", str(RULES), "--format",
                    "json", "--fail-on", "never")
    full = invoke_in(tmp_path, "check", "archive", "draft.md", "--rules", str(RULES), "--format", "json",
                     "--fail-on", "never", "--no-cache")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == json.loads(full.stdout)
    other = tmp_path / "other-rules"
    shutil.copytree(RULES, other)
    (other / "rankings.yaml").unlink()  # another rule set extracts other claims
    res = invoke_in(tmp_path, "check", "draft.md", "--against", ".factlint", "--rules", str(other))
    assert res.exit_code == 2
    assert "the store was indexed with other rules" in res.stderr


def test_a_table_archive_is_indexed_row_by_row(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [{"id": f"r{i}", "published": "2023-05-02",
             "text": f"Năm 2022, kim ngạch thương mại Việt Nam - Nhật Bản đạt {50 + i} tỷ USD."} for i in range(4)]

    def write(rs: list[dict]) -> None:
        Path("cms.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), encoding="utf-8")

    write(rows)
    store = Path(".factlint")
    assert index(["cms.jsonl"], RULES, store)["added"] == 4
    rows[1]["text"] = rows[1]["text"].replace("51", "61")
    write([rows[3], rows[0], rows[1]])  # r3 moved up, r1 changed, r2 removed
    got = index(["cms.jsonl"], RULES, store)
    assert (got["unchanged"], got["changed"], got["removed"], got["added"]) == (2, 1, 1, 0)
    full = run(["cms.jsonl"], RULES, None)
    against = run_against(store, [], RULES, None)
    assert [(a.id, a.row, a.row_line) for a in against.articles] == [("r3", 1, 1), ("r0", 2, 2), ("r1", 3, 3)]
    assert _json(against) == _json(full) and any(f.code == "FL101" for f in full.findings)
    assert against.claims.equals(full.claims)


def test_index_streams_claims_to_the_buckets_instead_of_holding_them(archive, monkeypatch):
    from factlint import store as store_mod

    index([archive], RULES, Path("whole"))
    held: list[int] = []
    add = store_mod._Buckets.add

    def spy(self, table, bucket, rows, size=0):
        add(self, table, bucket, rows, size)
        held.append(self.rows)

    monkeypatch.setattr(store_mod._Buckets, "HOLD_ROWS", 40)
    monkeypatch.setattr(store_mod._Buckets, "add", spy)
    got = index([archive], RULES, Path("streamed"))
    assert got["claims"] > 100 and max(held) < 40  # never more than the limit held: written out as they come
    assert held.count(0) >= 3  # written out several times along the way, not once at the end
    key = ["entry", "seq"]
    for table in ("claims", "mentions", "texts"):
        a = pd.read_parquet(Path("whole") / table).sort_values(key[:1] if table == "texts" else key)
        b = pd.read_parquet(Path("streamed") / table).sort_values(key[:1] if table == "texts" else key)
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    assert _json(run_against(Path("streamed"), [], RULES, None)) == _json(run([archive], RULES, None))
