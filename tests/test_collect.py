"""Parallel extraction and the per-article cache: same output whatever the jobs; unchanged articles are
not re-read; a changed article or rule set is."""

from __future__ import annotations

import shutil
from pathlib import Path

from factlint.collect import collect
from helpers import RULES, SEED_ARTICLES


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(SEED_ARTICLES, tmp_path / "articles")
    shutil.copytree(RULES, tmp_path / "claims")
    return tmp_path / "articles", tmp_path / "claims"


def _summary(c):
    return ([(a.id, a.status) for a in c.articles], c.claims, c.mentions)


def test_jobs_give_identical_output_in_corpus_order(tmp_path):
    arts, rules = _copy(tmp_path)
    one = collect([arts], rules, jobs=1)
    two = collect([arts], rules, jobs=2)
    assert _summary(one) == _summary(two)
    assert [a.id for a in two.articles] == sorted(a.id for a in two.articles)


def test_cache_skips_unchanged_articles_and_notices_changes(tmp_path):
    arts, rules = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = collect([arts], rules, cache=cache)
    assert first.cache_hits == 0
    again = collect([arts], rules, cache=cache, jobs=2)
    assert again.cache_hits == 5 and _summary(again) == _summary(first)
    # an edited article is read again, the others come from the cache
    p = arts / "000_8334ef254cd483e5.md"
    p.write_text(p.read_text(encoding="utf-8").replace("hơn 400 nghìn người", "hơn 500 nghìn người"), encoding="utf-8")
    edited = collect([arts], rules, cache=cache)
    assert edited.cache_hits == 4
    assert any("hơn 500 nghìn người" in c for c in edited.claims)
    # a changed rule set invalidates every entry
    (rules / "trade.yaml").write_text((rules / "trade.yaml").read_text(encoding="utf-8") + "\n# edited\n",
                                      encoding="utf-8")
    assert collect([arts], rules, cache=cache).cache_hits == 0


def test_damaged_cache_entry_is_recomputed(tmp_path):
    arts, rules = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = collect([arts], rules, cache=cache)
    for f in cache.rglob("*.pkl"):
        f.write_bytes(b"not a pickle")
    again = collect([arts], rules, cache=cache)
    assert again.cache_hits == 0 and _summary(again) == _summary(first)


def test_duplicates_and_errors_survive_parallel_runs(tmp_path):
    arts, rules = _copy(tmp_path)
    shutil.copy(arts / "001_5793ab1afd7dfe9c.md", arts / "zz_copy.md")
    (arts / "empty.md").write_bytes(b"")
    got = collect([arts, tmp_path / "missing"], rules, jobs=2)
    status = {a.path.split("/")[-1]: a.status for a in got.articles}
    assert status["zz_copy.md"] == "error" and status["empty.md"] == "error" and status["missing"] == "error"
    assert not any(c[1].endswith("zz_copy.md") for c in got.claims)


def test_run_cache_reuses_an_unchanged_run_and_notices_changes(tmp_path):
    from factlint.report import render
    from factlint.suite import run

    arts, rules = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = run([arts], rules, None, cache=cache)
    assert (cache / "runs").is_dir()
    again = run([arts], rules, None, cache=cache)
    assert again.mentions == [] and render("json", again) == render("json", first)  # served from the run cache
    rel = rules / "relations.yaml"
    rel.write_text(rel.read_text(encoding="utf-8").replace("parts: [trade.vn_jp.exports, trade.vn_jp.imports]",
                                                           "parts: [trade.vn_jp.exports]"), encoding="utf-8")
    changed = run([arts], rules, None, cache=cache)
    assert changed.mentions and any(f.code == "FL201" for f in changed.findings)  # recomputed
    p = arts / "003_dad6383fd0be7af4.md"
    p.write_text(p.read_text(encoding="utf-8") + "\nCộng đồng hơn 900 nghìn người Việt Nam tại Nhật Bản năm 2022.\n",
                 encoding="utf-8")
    assert any(f.code == "FL101" for f in run([arts], rules, None, cache=cache).findings)


def test_an_engine_failure_on_one_article_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    import factlint.collect as collect_module
    from factlint.suite import run

    arts, rules = _copy(tmp_path)
    real = collect_module.claim_rows

    def flaky(article, rules=None, reader=None):
        if article.id.startswith("002"):
            raise ValueError("Invalid isoformat string: '--05-01'")
        return real(article, rules, reader)

    monkeypatch.setattr(collect_module, "claim_rows", flaky)
    result = run([arts], rules, None, jobs=1)
    broken = [a for a in result.articles if a.status == "error"]
    assert [a.id for a in broken] == ["002_328294faec285e8a"]
    assert "factlint failed on this article (ValueError" in broken[0].error and broken[0].path in broken[0].error
    assert sum(a.status == "ok" for a in result.articles) == 4
    assert [f.code for f in result.findings if f.code == "FL001"] == ["FL001"]
    assert not any(c.startswith("002") for c in result.claims["article"])


def test_the_engine_hash_follows_its_modules_and_tables(tmp_path):
    import factlint
    from factlint.collect import _engine_source

    engine = tmp_path / "factlint"
    shutil.copytree(Path(factlint.__file__).parent, engine, ignore=shutil.ignore_patterns("__pycache__"))
    first = _engine_source(engine)
    assert first == _engine_source.__wrapped__(engine)  # the same files, the same hash
    (engine / "notes.txt").write_text("not part of the engine", encoding="utf-8")
    assert _engine_source.__wrapped__(engine) == first
    for changed in (engine / "vi" / "lexicon.py", engine / "vi" / "hedges.yaml"):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        edited = _engine_source.__wrapped__(engine)
        assert edited != first
        first = edited


def test_an_unchanged_file_is_not_read_again_for_its_key(tmp_path, monkeypatch):
    import os
    from pathlib import Path as P

    from factlint.collect import corpus_keys
    from factlint.corpus import discover

    arts, _ = _copy(tmp_path)
    memo = tmp_path / "cache" / "stat"
    found = list(discover([arts]))
    old = found[0][0]
    os.utime(old, ns=(old.stat().st_atime_ns, old.stat().st_mtime_ns - 10**10))  # edited long ago
    first = corpus_keys(found, None, "engine", memo=memo)
    read: list[str] = []
    real = P.read_bytes
    monkeypatch.setattr(P, "read_bytes", lambda self: (self.suffix == ".md" and read.append(self.name)) or real(self))
    assert corpus_keys(found, None, "engine", memo=memo) == first
    assert read == []  # size and modification time as recorded: the key recorded then
    old.write_text(old.read_text(encoding="utf-8").replace("400", "500", 1), encoding="utf-8")  # same size
    again = corpus_keys(found, None, "engine", memo=memo)
    assert read == [old.name] and again[str(old)] != first[str(old)]
    read.clear()
    corpus_keys(found, None, "engine", memo=memo)
    assert read == [old.name]  # modified a moment ago: never trusted from the record (it may change again)
    assert corpus_keys(found, None, "other engine", memo=memo) != first  # the record is the engine's


def test_a_cached_run_reads_its_claims_only_when_a_report_needs_them(tmp_path):
    from factlint.report import render
    from factlint.suite import run

    arts, rules = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = run([arts], rules, None, cache=cache)
    again = run([arts], rules, None, cache=cache)
    assert render("json", again) == render("json", first) and render("text", again) == render("text", first)
    assert again._claims is None  # the findings, warnings and counts came without the claims table
    assert again.claims.equals(first.claims) and again.n_claims == len(first.claims)


def test_a_folder_is_resolved_once_and_links_as_before(tmp_path, monkeypatch):
    from pathlib import Path as P

    from factlint.corpus import discover
    from factlint.corpus.files import display_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a" / "sub").mkdir(parents=True)
    for i in range(30):
        (tmp_path / "a" / "sub" / f"{i:02d}.md").write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text("x", encoding="utf-8")
    (tmp_path / "a" / "link.md").symlink_to(outside)
    (tmp_path / "a" / "sub2").symlink_to(tmp_path / "a" / "sub")
    calls = []
    real = P.resolve
    monkeypatch.setattr(P, "resolve", lambda self, *a, **k: calls.append(self) or real(self, *a, **k))
    got = list(discover(["a"]))
    assert len(calls) < 10  # the working folder, the folders and the link, not each file
    monkeypatch.setattr(P, "resolve", real)
    assert [(p, shown) for p, shown, _ in got] == [(p, display_path(p)) for p, _, _ in got]
    shown = dict((p.name, s) for p, s, _ in got if p.name == "link.md")
    assert shown["link.md"] == "a/link.md"  # a link out of the working folder is shown as given
    assert "a/sub/00.md" in {s for _, s, _ in got}
    outside.unlink()


def test_a_folder_gives_the_article_files_the_plain_definition_gives(tmp_path):
    """One scan of the folder lists what rglob and a stat of each file list, in Path order: hidden folders and
    files out, a folder named like an article out, links to files in, broken links out, any case of suffix."""
    from factlint.corpus.files import ARTICLE_SUFFIXES, _article_files

    root = tmp_path / "c"
    for rel in ("a.md", "B.MD", "z/y.txt", "z/x.md", "a b/ç.md", ".hidden/h.md", "z/.h.md", "notes.rst", "z/w.Txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    (root / "folder.md").mkdir()
    (root / "link.md").symlink_to(root / "a.md")
    (root / "broken.md").symlink_to(root / "missing.md")
    skip = len(root.parts)
    plain = sorted(f for f in root.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES
                   and not any(part.startswith(".") for part in f.parts[skip:]) and f.is_file())
    assert sorted((f for f, _ in _article_files(root, [])), key=lambda f: f.parts) == plain
    assert {f.name for f, link in _article_files(root, []) if link} == {"link.md"}
    assert len(plain) == 7


def test_an_unreadable_folder_is_an_error_and_the_others_are_still_read(tmp_path, monkeypatch):
    import os

    from factlint.corpus import files

    (tmp_path / "c" / "ok").mkdir(parents=True)
    (tmp_path / "c" / "ok" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "c" / "locked").mkdir()
    (tmp_path / "c" / "locked" / "b.md").write_text("x", encoding="utf-8")
    scandir = os.scandir

    def denied(path):  # as for a folder of mode 000 (a test run as root reads any folder)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(files.os, "scandir", denied)
    got = [(p.name if p else None, err) for p, _, err in files.discover([tmp_path / "c"])]
    assert got[1] == ("a.md", "") and got[0][0] is None
    assert got[0][1].endswith("locked: folder cannot be read (Permission denied)")
