"""``--dask``: on a LocalCluster of two worker processes, the same claims, findings and store as one machine.

One cluster serves the module (starting one takes seconds). Each corpus is split into several partitions (a
few articles each), so the merge of the partitions' and groups' findings back into the one machine's order is
what the byte-for-byte comparisons test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from factlint.collect import collect
from factlint.report import render
from factlint.suite import run
from factlint.table import to_frame
from helpers import ROOT, RULES, SEED_ACCEPTED, SEED_ARTICLES, invoke_in

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
scale = pytest.importorskip("factlint.scale")

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
            distributed.Client(cl) as c:
        yield c


def _every_code(folder: Path) -> tuple[list[Path], Path, None]:
    """One corpus holding the small corpus of every finding code (tests/test_small_corpora.py), with its rules.

    The files are named in the reverse order of the ids in their front matter: the checks that sort by article
    id and those that keep the corpus order give two orders.
    """
    import test_small_corpora as small

    merged = {f"{code}_{aid}": body for code, arts in small.CORPORA.items() for aid, body in arts.items()}
    articles = small._project(folder, merged)
    for n, path in enumerate(sorted(articles.iterdir(), reverse=True)):
        path.rename(articles / f"{n:03d}_{path.name}")
    return [articles], folder / "claims", None


def _table(folder: Path) -> tuple[list[Path], Path, None]:
    """A JSONL export beside files: rows that disagree, a duplicate id (its figure must not count), a bad row."""
    rows = [{"id": "r1", "published": "2023-05-02", "text": "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD."},
            {"id": "r2", "published": "2023-06-10", "text": "Năm 2022, kim ngạch thương mại hai nước đạt 60 tỷ USD."},
            {"id": "r1", "published": "2023-07-01", "text": "Năm 2022, kim ngạch thương mại hai nước đạt 90 tỷ USD."},
            {"id": "r3", "published": "2023-07-01", "text": ""}]
    (folder / "cms.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return [folder / "cms.jsonl", FIXTURES / "tiny" / "articles"], FIXTURES / "tiny" / "claims", None


CORPORA = {
    "seeds": lambda _: ([SEED_ARTICLES], RULES, SEED_ACCEPTED),
    **{name: (lambda _, name=name: ([FIXTURES / name / "articles"], FIXTURES / name / "claims", None))
       for name in ("tiny", "arithmetic", "conversions", "open")},
    "every_code": _every_code,
    "table": _table,
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_check_json_is_the_single_machine_run_byte_for_byte(client, tmp_path, monkeypatch, corpus):
    monkeypatch.setattr(scale, "PARTITION_ARTICLES", 2)  # findings of one check come from many partitions
    paths, rules, accepted = CORPORA[corpus](tmp_path)
    one = run(paths, rules, accepted, jobs=1)
    got = scale.run(client, paths, rules, accepted)
    assert one.findings, "a corpus without findings would compare nothing"
    assert render("json", got) == render("json", one)
    assert render("markdown", got) == render("markdown", one)


def test_the_every_code_corpus_reaches_the_checks_of_every_stage(client, tmp_path):
    paths, rules, _ = _every_code(tmp_path)
    codes = {f.code for f in scale.run(client, paths, rules, None).findings}
    # article-local (FL103, FL106, FL204-FL208, FL203, FL402, FL403, FL601), grouped by metric family (FL101,
    # FL201, FL202, FL301, FL302, FL401, FL501, FL701, FL704-FL706), open groups (FL107), mentions (FL602, FL603)
    assert {"FL103", "FL106", "FL204", "FL205", "FL207", "FL203", "FL402", "FL403", "FL601", "FL101", "FL201",
            "FL202", "FL301", "FL302", "FL401", "FL501", "FL701", "FL704", "FL705", "FL706", "FL107", "FL602",
            "FL603"} <= codes


def test_a_duplicate_row_keeps_none_of_its_claims(client, tmp_path):
    paths, rules, _ = _table(tmp_path)
    x = scale.extract(client, paths, rules)
    df = scale.claims_frame(x)
    money = df[df["path"].str.endswith("cms.jsonl") & (df["kind"] == "money")]
    assert sorted(money["value"]) == [5e10, 6e10]  # not the 90 of the second r1
    assert [a.status for a in x.articles[:4]] == ["ok", "ok", "error", "error"]


@pytest.mark.parametrize("corpus", ["seeds", "table"])
def test_extract_gives_the_same_claims_table(client, tmp_path, corpus):
    paths, rules, _ = CORPORA[corpus](tmp_path)
    x = scale.extract(client, paths, rules)
    assert x.invalid == ""
    pd.testing.assert_frame_equal(scale.claims_frame(x), to_frame(collect(paths, rules).claims))


def test_a_claim_that_fails_the_schema_is_reported_by_pandera_on_dask(client, tmp_path):
    paths, rules, _ = CORPORA["seeds"](tmp_path)
    x = scale.extract(client, paths, rules)
    broken = x.claims.assign(kind="weight")  # not a kind of the contract
    said = scale._invalid(broken)
    assert said.startswith(f"{len(scale.claims_frame(x))} failures\n") and "weight" in said


def test_cli_check_and_extract_at_a_scheduler_address(client, tmp_path):
    address = client.scheduler.address
    for args in (["check", str(SEED_ARTICLES), "--rules", str(RULES), "--accepted", str(SEED_ACCEPTED),
                  "--format", "json", "--fail-on", "never"],
                 ["extract", str(SEED_ARTICLES), "--rules", str(RULES), "--format", "csv"]):
        one = invoke_in(tmp_path, *args, "--no-cache")
        got = invoke_in(tmp_path, *args, "--dask", address)
        assert (got.exit_code, got.stdout) == (one.exit_code, one.stdout), got.output
    assert not (tmp_path / ".factlint_cache").exists()


def test_index_on_dask_writes_the_same_store(client, tmp_path):
    from factlint.store import index

    paths, rules, _ = _every_code(tmp_path / "corpus")
    one = index(paths, rules, tmp_path / "one")
    got = index(paths, rules, tmp_path / "dask", extract=scale.extract_jobs(client))
    assert got == one
    from factlint.store import read_manifest

    manifests = [read_manifest(tmp_path / d) for d in ("dask", "one")]
    for m in manifests:  # a fresh id each time a store changes, whoever wrote it
        assert len(m.pop("generation")) == 32
    assert manifests[0] == manifests[1]
    for table in ("claims", "mentions", "texts"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask" / table),
                                      pd.read_parquet(tmp_path / "one" / table))
    assert scale.invalid_store(tmp_path / "dask") == ""


def test_a_path_after_dask_is_not_taken_for_an_address(tmp_path):
    got = invoke_in(tmp_path, "check", "--dask", "articles/")
    assert got.exit_code == 2
    assert "not a scheduler address" in got.output and "--dask=local" in got.output


def test_an_address_where_no_scheduler_answers_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 1)
    got = invoke_in(tmp_path, "check", str(SEED_ARTICLES), "--rules", str(RULES), "--dask", "tcp://127.0.0.1:9")
    assert got.exit_code == 2, got.output
    assert "--dask tcp://127.0.0.1:9: no Dask scheduler answers there" in got.output


def test_without_dask_the_flag_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra has
    for cmd in ("check", "extract", "index"):
        got = invoke_in(tmp_path, cmd, str(SEED_ARTICLES), "--rules", str(RULES), "--dask")
        assert got.exit_code == 2, got.output
        assert "pip install 'factlint[dask]'" in got.output


def test_the_single_machine_path_never_imports_dask(tmp_path):
    code = ("import sys; from factlint.cli import main\n"
            f"main(['check', {str(SEED_ARTICLES)!r}, '--rules', {str(RULES)!r}, '--no-cache', '--jobs', '1',"
            " '--fail-on', 'never', '--format', 'json', '-o', 'out.json'], standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'factlint')"
            " and (m.startswith('dask') or m.startswith('distributed') or m == 'factlint.scale')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert (tmp_path / "out.json").exists()


def test_a_parquet_tables_rows_are_read_by_the_workers_a_row_group_each(client, tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": f"r{i}", "published": "2023-05-02",
             "text": f"Năm 2022, kim ngạch thương mại hai nước đạt {50 + i} tỷ USD."} for i in range(7)]
    rows[3]["id"] = "r1"  # a duplicate id, in another row group than the first r1
    rows[5]["text"] = ""  # a row with no text
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "cms.parquet", row_group_size=2)
    (tmp_path / "broken.parquet").write_text("not parquet", encoding="utf-8")
    paths = [tmp_path / "cms.parquet", tmp_path / "broken.parquet", FIXTURES / "tiny" / "articles"]
    rules = FIXTURES / "tiny" / "claims"
    one = run(paths, rules, None, jobs=1)
    from factlint.corpus import tables

    for module in (scale, tables):  # (the workers, other processes, read them)
        monkeypatch.setattr(module, "read_group", lambda group: pytest.fail("the client read a row group"))
    got = scale.run(client, paths, rules, None)
    assert "FL101" in {f.code for f in one.findings}
    assert [a.row for a in got.articles[:7]] == list(range(1, 8))
    assert render("json", got) == render("json", one)
