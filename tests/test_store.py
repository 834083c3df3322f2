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
    store = Path("a store #1? 100%")  # (its name index is opened by URI)
    index([archive], RULES, store)
    full = run([archive, draft], RULES, None)
    against = run_against(store, [draft], RULES, None)
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


OPEN = Path(__file__).parent / "fixtures" / "open"


def _same_as_a_full_run(archive: Path, drafts: list[Path], rules: Path, store: Path = Path(".factlint")):
    """The drafts against the store give the JSON (and claims) of a full run over the archive with them in it."""
    got = run_against(store, drafts, rules, None)
    full = run([archive, *[d for d in drafts if d.parent != archive]], rules, None)
    assert _json(got) == _json(full)
    assert got.claims.equals(full.claims)
    return full


def _codes(r) -> list[str]:
    return [f.code for f in r.findings]


def test_drafts_join_change_and_leave_an_open_group_as_a_full_run_would(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(OPEN / "articles", "archive")
    rules = OPEN / "claims"
    o3 = Path("archive/o3.md")
    shutil.move(o3, "o3.md")
    index([Path("archive")], rules, Path(".factlint"))
    assert "FL107" not in _codes(run([Path("archive")], rules, None))
    # joins: Đà Nẵng's 2019 visitors, 4,3 million where two articles say 8,7 million
    assert "FL107" in _codes(_same_as_a_full_run(Path("archive"), [Path("o3.md")], rules))
    shutil.move("o3.md", o3)
    index([Path("archive")], rules, Path(".factlint"))
    text = o3.read_text(encoding="utf-8")
    o3.write_text(text.replace("4,3 triệu", "8,7 triệu"), encoding="utf-8")  # changes: now it agrees
    assert "FL107" not in _codes(_same_as_a_full_run(Path("archive"), [o3], rules))
    o3.write_text(text.replace("Năm 2019, Đà Nẵng đón 4,3 triệu lượt khách du lịch, tăng 12% so với năm 2018.",
                               "Đà Nẵng cũng mở thêm nhiều điểm đến mới."), encoding="utf-8")  # leaves the group
    assert "FL107" not in _codes(_same_as_a_full_run(Path("archive"), [o3], rules))
    o3.write_text(text, encoding="utf-8")
    assert "FL107" in _codes(_same_as_a_full_run(Path("archive"), [o3], rules))  # as indexed


def _names_article(i: int, name: str) -> str:
    return (f"---\nid: n{i}\noutlet: Báo Quốc tế\npublished: 2023-05-0{i % 9 + 1}\ntitle: Làm việc với Nhật Bản\n---\n"
            f"Sáng nay, Đại sứ Nhật Bản {name} Masahiro đã có buổi làm việc với lãnh đạo tỉnh Quảng Ninh.\n\n"
            f"Đại sứ {name} Masahiro cho biết năm 2022 kim ngạch thương mại hai nước đạt gần 50 tỷ USD.\n")


def test_a_draft_that_misspells_a_name_or_mends_one_finds_what_a_full_run_finds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    archive = Path("archive")
    archive.mkdir()
    for i in range(4):
        (archive / f"n{i}.md").write_text(_names_article(i, "Komura"), encoding="utf-8")
    index([archive], RULES, Path(".factlint"))
    draft = Path("draft.md")
    draft.write_text(_names_article(7, "Komuru"), encoding="utf-8")  # a new article misspells the name
    full = _same_as_a_full_run(archive, [draft], RULES)
    assert [f.key for f in full.findings if f.code == "FL602"] == ["komuru|komura"]
    shutil.copy(draft, archive / "n7.md")
    index([archive], RULES, Path(".factlint"))
    assert "FL602" in _codes(run_against(Path(".factlint"), [], RULES, None))
    mended = archive / "n7.md"
    mended.write_text(_names_article(7, "Komura"), encoding="utf-8")  # the archived misspelling is mended
    assert "FL602" not in _codes(_same_as_a_full_run(archive, [mended], RULES))
    index([archive], RULES, Path(".factlint"))
    again = archive / "n0.md"  # an archived article misspells it now: the names it had leave, its new ones come
    again.write_text(_names_article(0, "Komuru"), encoding="utf-8")
    _same_as_a_full_run(archive, [again], RULES)


def test_a_draft_that_makes_an_archived_article_a_duplicate_is_checked_with_the_whole_archive(archive):
    index([archive], RULES, Path(".factlint"))
    first, last = sorted(archive.glob("*.md"))[0], sorted(archive.glob("*.md"))[-1]
    last_id = next(line for line in last.read_text(encoding="utf-8").splitlines() if line.startswith("id:"))
    text = first.read_text(encoding="utf-8")
    own_id = next(line for line in text.splitlines() if line.startswith("id:"))
    first.write_text(text.replace(own_id, last_id, 1), encoding="utf-8")  # takes the id of a later article
    full = _same_as_a_full_run(archive, [first], RULES)
    assert "FL001" in _codes(full)  # the later article is now the duplicate


def test_the_stored_findings_follow_the_check_configuration(archive, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    draft = Path("draft.md")
    shutil.move(sorted(archive.glob("*.md"))[-1], draft)
    index([archive], rules, Path(".factlint"))
    _same_as_a_full_run(archive, [draft], rules)
    assert (Path(".factlint") / "summary.pkl").is_file()  # what the archive alone gives, kept for the next draft
    rel = rules / "relations.yaml"
    rel.write_text(rel.read_text(encoding="utf-8").replace("parts: [trade.vn_jp.exports, trade.vn_jp.imports]",
                                                           "parts: [trade.vn_jp.exports]"), encoding="utf-8")
    assert "FL201" in _codes(_same_as_a_full_run(archive, [draft], rules))


def test_a_new_draft_reads_neither_the_archives_claims_nor_its_mentions(archive, monkeypatch):
    from factlint import store as store_mod

    draft = Path("draft.md")
    shutil.move(sorted(archive.glob("*.md"))[-1], draft)
    index([archive], RULES, Path(".factlint"))
    first = run_against(Path(".factlint"), [draft], RULES, None)  # the first reads the archive and keeps its summary
    read: list[str] = []
    real = store_mod._read_all
    monkeypatch.setattr(store_mod, "_read_all", lambda root, table: read.append(table) or real(root, table))
    again = run_against(Path(".factlint"), [draft], RULES, None)
    assert _json(again) == _json(first) == _json(run([archive, draft], RULES, None))
    assert read == []  # the stored findings, tagged claims, open groups and name index stood in for them
    claims = again.claims
    assert read == ["claims"] and claims.equals(run([archive, draft], RULES, None).claims)  # when asked for


def test_what_the_archive_alone_gives_is_kept_until_the_archive_changes(tmp_path, monkeypatch):
    from factlint import store as store_mod
    from factlint.suite import _config_key, prepare_against

    monkeypatch.chdir(tmp_path)
    archive = Path("archive")
    archive.mkdir()
    for i in range(5):
        (archive / f"n{i}.md").write_text(_names_article(i, "Komuru" if i == 4 else "Komura"), encoding="utf-8")
    store = Path(".factlint")
    index([archive], RULES, store)
    prepare_against(store, RULES)

    def summary():
        return store_mod.read_summary(store, store_mod.read_manifest(store), _config_key(RULES))

    assert summary() is not None
    index([archive], RULES, store)  # nothing changed
    assert summary() is not None
    draft = Path("draft.md")
    draft.write_text(_names_article(8, "Komura"), encoding="utf-8")
    read: list[set] = []
    real = store_mod._texts
    monkeypatch.setattr(store_mod, "_texts", lambda root, entries, wanted: read.append(wanted) or real(root, entries,
                                                                                                        wanted))
    full = _same_as_a_full_run(archive, [draft], RULES)
    assert "FL602" in _codes(full) and all(x.sentence for f in full.findings for x in f.locations)
    assert read == []  # the archive's names were quoted in their sentences before: no stored text read again
    (archive / "n1.md").write_text(_names_article(1, "Komura") + "\nNăm 2023, hai nước ký thêm 3 thỏa thuận.\n",
                                   encoding="utf-8")
    index([archive], RULES, store)
    assert summary() is None  # the archive changed


NEAR = ["Masahiro", "Hiroshi", "Yuki", "Taro", "Kenji", "Akira", "Daisuke", "Haruto", "Sota", "Ren", "Kaito",
        "Minato", "Yamato", "Riku"]
# frequent spellings and their rare variants (one or two edits), and Vietnamese syllables (never variants)
FAMILIES = [["Komura"] * 6 + ["Komuru", "Komira", "Kumura"], ["Nakamura"] * 5 + ["Nakamure", "Nakamora", "Komura"],
            ["Suzuki"] * 4 + ["Suzuky", "Sazuki"], ["Watanabe"] * 3 + ["Watanabi"], ["Nguyễn"] * 3 + ["Nguyên"]]


def _mention(rng, article: str, line: int):
    """A name beside one or two of its family's neighbours (the families' neighbours overlap)."""
    from factlint.names import Mention

    i = rng.randrange(len(FAMILIES))
    text, near = rng.choice(FAMILIES[i]), NEAR[3 * i:3 * i + 4]
    prev, nxt = rng.choice([*near, ""]), rng.choice(near)
    return Mention("name", text, prev, nxt, article, f"{article}.md", line, 1, line, 1 + len(text), False)


def test_a_new_drafts_name_variants_are_the_whole_index_s_reading_only_the_blocks_it_can_change(tmp_path):
    import random

    from factlint import store as store_mod
    from factlint.checks import CheckConfig
    from factlint.checks.typos import NameIndex, check_names
    from factlint.suite import _names_against, names_by_block, ordered

    rng = random.Random(7)
    cfg = CheckConfig(name_max_articles=3)
    archive = [_mention(rng, f"a{i // 3}", i) for i in range(150)]
    index = NameIndex.of(archive)
    by_block, reported = names_by_block(index, cfg)
    assert by_block and ordered([f for _, f in by_block]) == ordered(check_names(archive, cfg))
    store_mod.write_names(tmp_path, ("g", "c"), index, reported, cfg)
    read: list[str] = []
    blocks = store_mod.NameStore.blocks
    changed = 0
    for k in range(40):
        draft = [_mention(rng, f"d{k}-{j // 4}", 1000 + j) for j in range(rng.randint(1, 4))]
        read.clear()
        store_mod.NameStore.blocks = lambda self, nbs: read.extend(nbs) or blocks(self, nbs)
        try:
            got = _names_against(tmp_path, by_block, draft, cfg)
        finally:
            store_mod.NameStore.blocks = blocks
        full = check_names(archive + draft, cfg)
        assert ordered(got) == ordered(full)
        changed += ordered(full) != ordered([f for _, f in by_block])
        assert len(set(read)) < len(index.blocks)  # never the whole index
    assert changed >= 10  # the drafts do make and mend variants


def test_a_rare_name_a_draft_reports_earlier_leaves_the_block_that_reported_it(tmp_path):
    from factlint import store as store_mod
    from factlint.checks import CheckConfig
    from factlint.checks.typos import NameIndex, check_names
    from factlint.names import Mention
    from factlint.suite import _names_against, names_by_block, ordered

    def m(text: str, nb: str, article: str) -> Mention:
        return Mention("name", text, nb, "", article, f"{article}.md", 1, 1, 1, 7, False)

    cfg = CheckConfig()
    archive = [m("Komuru", "Alpha", "a1"), m("Komuru", "Zeta", "a2"), *(m("Kemuru", "Zeta", f"k{i}") for i in range(3)),
               *(m("Komura", "Beta", f"b{i}") for i in range(3))]
    index = NameIndex.of(archive)
    by_block, reported = names_by_block(index, cfg)
    assert [(nb, f.key) for nb, f in by_block] == [("zeta", "komuru|kemuru")]
    store_mod.write_names(tmp_path, ("g", "c"), index, reported, cfg)
    draft = [m("Komura", "Alpha", "d1")]  # now Komuru is Komura's variant beside Alpha, which comes first
    got = _names_against(tmp_path, by_block, draft, cfg)
    assert [f.key for f in got] == ["komuru|komura"]
    assert ordered(got) == ordered(check_names(archive + draft, cfg))


def test_a_draft_that_drops_words_from_a_title_or_mends_one_finds_what_a_full_run_finds(archive):
    index([archive], RULES, Path(".factlint"))
    short = sorted(archive.glob("003_*.md"))[0]
    text = short.read_text(encoding="utf-8")
    draft = Path("draft.md")  # a new article drops "và thịnh vượng" too
    draft.write_text(text.replace("id: ", "id: x", 1), encoding="utf-8")
    full = _same_as_a_full_run(archive, [draft], RULES)
    assert [len(f.locations) for f in full.findings if f.code == "FL603"] == [3]
    short.write_text(text.replace("vì hòa bình ở châu Á", "vì hòa bình và thịnh vượng ở châu Á"), encoding="utf-8")
    assert "FL603" not in _codes(_same_as_a_full_run(archive, [short], RULES))  # the archived one is mended
    short.write_text(text.replace("Đối tác chiến lược toàn diện vì hòa bình ở châu Á", "quan hệ tốt đẹp"),
                     encoding="utf-8")
    assert "FL603" not in _codes(_same_as_a_full_run(archive, [short], RULES))  # or leaves the group


def test_the_summary_reads_the_store_a_few_buckets_at_a_time_never_the_whole_table(archive, monkeypatch):
    from factlint import store as store_mod
    from factlint import suite as suite_mod

    draft = Path("draft.md")
    shutil.move(sorted(archive.glob("*.md"))[-1], draft)
    index([archive], RULES, Path(".factlint"))
    whole: list[str] = []
    real_all, real_bucket, real_part = store_mod._read_all, store_mod.bucket_rows, suite_mod._bucket_summary
    monkeypatch.setattr(store_mod, "_read_all", lambda root, table: whole.append(table) or real_all(root, table))
    held: list[set] = []

    def part(root, buckets, *args):
        held.append(set())
        return real_part(root, buckets, *args)

    def bucket(root, table, b):
        held[-1].add(b)
        return real_bucket(root, table, b)

    monkeypatch.setattr(store_mod, "bucket_rows", bucket)
    monkeypatch.setattr(suite_mod, "_bucket_summary", part)
    suite_mod.prepare_against(Path(".factlint"), RULES)
    assert whole == [] and len(held) > 1 and max(map(len, held)) <= suite_mod.SUMMARY_BUCKETS
    assert _json(run_against(Path(".factlint"), [draft], RULES, None)) == _json(run([archive, draft], RULES, None))


def test_after_one_article_changed_the_summary_redoes_only_the_buckets_that_hold_it(archive, monkeypatch):
    from factlint import store as store_mod
    from factlint import suite as suite_mod

    store = Path(".factlint")
    index([archive], RULES, store)
    suite_mod.prepare_against(store, RULES)
    changed = sorted(archive.glob("*.md"))[1]
    changed.write_text(changed.read_text(encoding="utf-8").replace("tỷ USD", "triệu USD", 1), encoding="utf-8")
    index([archive], RULES, store)
    redone: list[range] = []
    real = suite_mod._bucket_summary
    monkeypatch.setattr(suite_mod, "_bucket_summary", lambda root, buckets, *a: redone.append(buckets) or real(
        root, buckets, *a))
    suite_mod.prepare_against(store, RULES)
    assert [store_mod._bucket_of(changed.as_posix()) in b for b in redone] == [True]
    assert _json(run_against(store, [], RULES, None)) == _json(run([archive], RULES, None))


def test_the_name_index_of_a_corpus_is_the_merge_of_its_parts_indexes():
    import random

    from factlint.checks import CheckConfig
    from factlint.checks.typos import MAX_LOCATIONS, NameIndex, check_names

    rng = random.Random(3)
    corpus = [_mention(rng, f"a{i // 3}", i) for i in range(400)]
    cuts = sorted(rng.sample(range(1, len(corpus)), 5))
    parts = [corpus[a:b] for a, b in zip([0, *cuts], [*cuts, len(corpus)], strict=True)]
    rng.shuffle(parts)  # the parts come in any order: the places put their first mentions back in corpus order
    at = {id(m): i for i, m in enumerate(corpus)}
    merged = NameIndex.merged((index, {k: [at[id(m)] for m in ms] for k, ms in index.first.items()})
                              for index in map(NameIndex.of, parts))
    whole = NameIndex.of(corpus)
    assert merged.counts == whole.counts and merged.first == whole.first
    assert max(map(len, whole.first.values())) == MAX_LOCATIONS  # first mentions were cut
    assert {k: set(v) for k, v in merged.articles.items()} == {k: set(v) for k, v in whole.articles.items()}
    assert {k: set(v) for k, v in merged.blocks.items()} == {k: set(v) for k, v in whole.blocks.items()}
    cfg = CheckConfig(name_max_articles=30)
    assert check_names(merged, cfg) == check_names(whole, cfg) != []


def test_a_draft_that_replaces_an_archived_article_reads_only_the_mentions_of_its_part(tmp_path, monkeypatch):
    from factlint import store as store_mod

    monkeypatch.chdir(tmp_path)
    archive = Path("archive")
    archive.mkdir()
    for i in range(12):
        (archive / f"n{i}.md").write_text(_names_article(i, "Komura"), encoding="utf-8")
    index([archive], RULES, Path(".factlint"))
    run_against(Path(".factlint"), [], RULES, None)  # the summary and its parts
    whole: list[str] = []
    buckets: list[int] = []
    real_all, real_bucket = store_mod._read_all, store_mod.bucket_rows
    monkeypatch.setattr(store_mod, "_read_all", lambda root, table: whole.append(table) or real_all(root, table))
    monkeypatch.setattr(store_mod, "bucket_rows", lambda root, table, b: buckets.append(b) or real_bucket(root, table,
                                                                                                            b))
    again = archive / "n3.md"  # an archived article misspells the name now
    again.write_text(_names_article(3, "Komuru"), encoding="utf-8")
    full = _same_as_a_full_run(archive, [again], RULES)
    assert [f.key for f in full.findings if f.code == "FL602"] == ["komuru|komura"]
    assert "mentions" not in whole
    part = store_mod._bucket_of(again.as_posix()) // 8
    assert buckets and {b // 8 for b in buckets} == {part}  # the buckets of its part, no other
