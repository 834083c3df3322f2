"""Corpora given as tables (JSONL, CSV, Parquet; one article a row): the same claims and findings as files,
located by file, row id and line and column inside the row's text; bad rows and bad files as FL001."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from factlint.corpus import Columns, load_article, load_corpus
from factlint.report import render
from factlint.suite import run
from helpers import RULES, SEED_ARTICLES, invoke_in

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TINY = Path(__file__).parent / "fixtures" / "tiny"


def _records(folder: Path) -> list[dict]:
    """The articles of a folder as table records: front matter fields plus the body as text."""
    out = []
    for p in sorted(folder.glob("*.md")):
        art = load_article(p)
        out.append({"id": art.id, "title": art.meta.get("title", ""), "outlet": art.outlet,
                    "published": art.published.isoformat() if art.published else "", "text": art.body})
    return out


def _write(records: list[dict], path: Path) -> Path:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(records[0]))
            w.writeheader()
            w.writerows(records)
    else:
        pq.write_table(pa.Table.from_pylist(records), path)
    return path


def _at(text: str, line: int, column: int, end_column: int) -> str:
    return text.split("\n")[line - 1][column - 1 : end_column - 1]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_table_of_the_seeds_gives_the_folders_claims_and_findings(suffix, tmp_path):
    records = _records(SEED_ARTICLES)
    table = _write(records, tmp_path / f"seeds{suffix}")
    files = run([SEED_ARTICLES], RULES, None)
    rows = run([table], RULES, None)
    assert [a.status for a in rows.articles] == ["ok"] * len(records)
    assert [a.row for a in rows.articles] == list(range(1, len(records) + 1))
    same = ["article", "text", "kind", "value", "low", "high", "unit", "metric", "period", "subject", "sentence"]
    assert rows.claims[same].equals(files.claims[same])
    assert set(rows.claims["path"]) == {table.as_posix()}
    # every claim is located inside its row's text
    text = {r["id"]: r["text"] for r in records}
    one_line = rows.claims[rows.claims["line"] == rows.claims["end_line"]]
    assert len(one_line) > 100
    for c in one_line.itertuples():
        assert _at(text[c.article], c.line, c.column, c.end_column) == c.text
    assert [(f.code, f.fingerprint) for f in rows.findings] == [(f.code, f.fingerprint) for f in files.findings]
    assert rows.findings, "the seeds have findings"


def test_rows_are_located_by_file_id_and_line_inside_the_text_in_every_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    records = [
        {"id": "a", "published": "2023-05-02",
         "text": "Mở đầu.\nKim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt gần 50 tỷ USD."},
        {"id": "b", "published": "02/06/2023",
         "text": "Năm 2022, kim ngạch thương mại Việt Nam - Nhật Bản đạt 39 tỷ USD."},
    ]
    _write(records, Path("t.csv"))
    r = run(["t.csv"], TINY / "claims", None)
    f = next(f for f in r.findings if f.code == "FL101")
    loc = {loc.article: loc for loc in f.locations}
    assert (loc["a"].path, loc["a"].line, loc["a"].text) == ("t.csv", 2, "gần 50 tỷ USD")
    assert loc["a"].source == "t.csv#a"
    first = f.locations[0]
    assert f"{first.source}:{first.line}:{first.column}" in render("text", r)
    assert "t.csv#a:2:" in render("markdown", r)
    doc = json.loads(render("json", r))
    assert [(a["id"], a["row"], a["row_line"]) for a in doc["articles"]] == [("a", 1, 2), ("b", 2, 4)]
    sarif = json.loads(render("sarif", r))
    res = next(x for x in sarif["runs"][0]["results"] if x["ruleId"] == "FL101")
    where = res["locations"][0]
    row = 1 if where["logicalLocations"][0]["name"] == "a" else 2
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "t.csv"
    assert where["physicalLocation"]["region"]["startLine"] == {1: 2, 2: 4}[row]
    assert where["logicalLocations"][0]["fullyQualifiedName"] in ("t.csv#a", "t.csv#b")
    from sarif_pydantic import Sarif

    from test_reports import _assert_schema_valid_sarif

    Sarif.model_validate(sarif)
    gh = [line for line in render("github", r).splitlines() if "FL101" in line]
    assert gh and all(line.split(" ", 1)[1].startswith("file=t.csv,line=") for line in gh)
    assert any("::t.csv#a:2:" in line or "::t.csv#b:1:" in line for line in gh)
    _assert_schema_valid_sarif(sarif)


def test_a_parquet_row_has_no_file_line_and_github_annotates_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write([{"id": "a", "published": "2023-05-02", "text": "Kim ngạch thương mại năm 2022 đạt gần 50 tỷ USD."},
            {"id": "b", "published": "2023-06-02", "text": "Kim ngạch thương mại năm 2022 đạt 39 tỷ USD."}],
           Path("t.parquet"))
    r = run(["t.parquet"], TINY / "claims", None)
    assert [(a.row, a.row_line) for a in r.articles] == [(1, 0), (2, 0)]
    gh = [line for line in render("github", r).splitlines() if "FL101" in line]
    assert gh and all(",line=" not in line.split("::")[1] and "file=t.parquet," in line for line in gh)


def test_bad_rows_and_bad_files_are_each_an_fl001_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = "Kim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt 50 tỷ USD."
    lines = [
        {"id": "ok1", "published": "2023-05-02", "text": good},
        {"id": "empty", "published": "2023-05-02", "text": "   "},
        {"id": "ok1", "published": "2023-05-03", "text": good},
        {"id": "baddate", "published": "30/02/2023", "text": good},
        {"id": "notext", "published": "2023-05-02"},
    ]
    Path("t.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines[:3])
                               + "\n{\"id\": \"broken\", \"text\": \n"
                               + "\n".join(json.dumps(x, ensure_ascii=False) for x in lines[3:]) + "\n",
                               encoding="utf-8")
    Path("fake.parquet").write_text("id,text\n1,hello\n", encoding="utf-8")
    Path("bin.csv").write_bytes(b"\x00\x01\x02binary" * 20)
    Path("json.csv").write_text('{"id": "x", "text": "50 tỷ USD"}\n', encoding="utf-8")
    (Path("articles")).mkdir()
    Path("articles/f.md").write_text(f"---\nid: f\npublished: 2023-05-02\n---\n{good}\n", encoding="utf-8")
    res = invoke_in(tmp_path, "check", "t.jsonl", "fake.parquet", "bin.csv", "json.csv", "articles",
                    "--rules", str(TINY / "claims"), "--format", "json", "--no-cache", "--fail-on", "never")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    arts = [(a["path"], a.get("row"), a["status"]) for a in doc["articles"]]
    assert arts == [("t.jsonl", 1, "ok"), ("t.jsonl", 2, "error"), ("t.jsonl", 3, "error"), ("t.jsonl", 4, "error"),
                    ("t.jsonl", 5, "error"), ("t.jsonl", 6, "error"), ("fake.parquet", None, "error"),
                    ("bin.csv", None, "error"), ("json.csv", None, "error"), ("articles/f.md", None, "ok")]
    errors = [a["error"] for a in doc["articles"] if a["status"] == "error"]
    assert errors[0] == "t.jsonl: row 2 (line 2, id 'empty'): no text"
    assert errors[1] == "t.jsonl: row 3 (line 3, id 'ok1'): duplicate id 'ok1' (already used by t.jsonl: row 1 " \
                        "(line 1, id 'ok1'))"
    assert errors[2].startswith("t.jsonl: row 4 (line 4, no id): not valid JSON: ")
    assert errors[3] == ("t.jsonl: row 5 (line 5, id 'baddate'): 'published' is not a date (YYYY-MM-DD, an ISO "
                         "date-time or DD/MM/YYYY): '30/02/2023'")
    assert errors[4] == "t.jsonl: row 6 (line 6, id 'notext'): no text"
    assert errors[5].startswith("fake.parquet: not a Parquet file")
    assert errors[6].startswith("bin.csv: looks binary")
    assert errors[7].startswith("json.csv: no text column (tried text, content, body; name it with --text-column)")
    fl001 = [f for f in doc["findings"] if f["code"] == "FL001"]
    assert [f["message"] for f in fl001] == errors
    claims = run(["t.jsonl", "fake.parquet", "bin.csv", "json.csv", "articles"], TINY / "claims", None).claims
    assert doc["claims"] == len(claims) > 0
    assert set(zip(claims["article"], claims["path"], strict=True)) == {("ok1", "t.jsonl"), ("f", "articles/f.md")}


def test_columns_are_mapped_by_name_and_a_missing_one_names_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write([{"slug": "x1", "noi_dung": "Năm 2022 đạt 50 tỷ USD.", "ngay": "2023-05-02T08:30:00+07:00",
             "bao": "Báo Một"}], Path("t.jsonl"))
    cols = Columns(id="slug", text="noi_dung", published="ngay", outlet="bao")
    [art] = load_corpus(["t.jsonl"], columns=cols)
    assert (art.status, art.id, art.outlet, str(art.published)) == ("ok", "x1", "Báo Một", "2023-05-02")
    [bad] = load_corpus(["t.jsonl"], columns=Columns(text="body_vi"))
    assert bad.status == "error"
    assert bad.error == ("t.jsonl: no column 'body_vi' for the text (--text-column); the columns are: slug, "
                         "noi_dung, ngay, bao")
    res = invoke_in(tmp_path, "extract", "t.jsonl", "--text-column", "noi_dung", "--id-column", "slug",
                    "--format", "jsonl", "--no-cache")
    assert res.exit_code == 0, res.output
    [row] = [r for r in map(json.loads, res.stdout.splitlines()) if r["kind"] == "money"]
    assert (row["article"], row["path"], row["line"], row["column"], row["text"]) == ("x1", "t.jsonl", 1, 14,
                                                                                      "50 tỷ USD")


def test_a_csv_cell_over_several_lines_keeps_the_records_file_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,text\nr1,"Dòng một.\nNăm 2022 đạt 50 tỷ USD."\nr2,"Năm 2023 đạt 60 tỷ USD."\n',
                    encoding="utf-8")
    arts = load_corpus([path])
    assert [(a.id, a.row, a.row_line) for a in arts] == [("r1", 1, 2), ("r2", 2, 4)]
    assert arts[0].position(arts[0].text.index("50")) == (2, 14)


def test_a_cached_table_row_that_moved_keeps_its_new_place(tmp_path):
    rows = [{"id": "a", "published": "2023-05-02", "text": "Năm 2022 đạt 50 tỷ USD."},
            {"id": "b", "published": "2023-05-02", "text": "Năm 2022 đạt 51 tỷ USD."}]
    from factlint.collect import collect

    _write(rows, tmp_path / "t.jsonl")
    collect([tmp_path / "t.jsonl"], None, cache=tmp_path / "cache")
    _write(rows[::-1], tmp_path / "t.jsonl")
    got = collect([tmp_path / "t.jsonl"], None, cache=tmp_path / "cache")
    assert got.cache_hits == 2
    assert [(a.id, a.row, a.row_line) for a in got.articles] == [("b", 1, 1), ("a", 2, 2)]
