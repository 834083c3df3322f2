"""Bad articles, bad rules, nothing lost: each case gives correct claims or a clear error naming the file."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.corpus import load_article, load_corpus
from factlint.extract import extract_article
from helpers import RULES, SEED_ACCEPTED, SEED_ARTICLES

SEED = SEED_ARTICLES / "001_5793ab1afd7dfe9c.md"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _claims(path: Path):
    art = load_article(path)
    assert art.status == "ok", art.error
    return [(c.text, c.kind, c.value, c.unit, c.date, c.malformed) for c in extract_article(art)]


SEED_CLAIMS = _claims(SEED)


def _with_id(text: str, new_id: str) -> str:
    return text.replace("id: 001_5793ab1afd7dfe9c", f"id: {new_id}")


def _assert_positions(path: Path, raw_text: str) -> None:
    """Every claim's line/column points at its text in the original file (after NFC of that slice)."""
    lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for c in extract_article(load_article(path)):
        line = lines[c.line - 1]
        assert c.line == c.end_line
        got = unicodedata.normalize("NFC", line[c.column - 1 : c.end_column - 1])
        for ch in ("\u00a0", "\u2009", "\u202f"):
            got = got.replace(ch, " ")
        assert got.replace("\u200b", "") == c.text, (c.text, c.line, c.column)


# ---------------------------------------------------------------------------------------------- encodings


def test_utf8_with_bom(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(b"\xef\xbb\xbf" + _with_id(SEED_TEXT, "bom").encode())
    assert _claims(p) == SEED_CLAIMS
    assert load_article(p).id == "bom"


def test_utf16(tmp_path):
    p = tmp_path / "u16.md"
    p.write_bytes(_with_id(SEED_TEXT, "u16").encode("utf-16"))
    assert _claims(p) == SEED_CLAIMS


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese legacy files have it: precomposed base letters, combining tone marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            for k in range(len(marks), -1, -1):  # compose as much as the code page has
                head = unicodedata.normalize("NFC", base + "".join(marks[:k]))
                try:
                    out += head.encode("cp1258") + "".join(marks[k:]).encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
    return out


@pytest.mark.parametrize(("codec", "body", "money"), [
    ("cp1258", "Kim ngạch đạt 50 tỷ USD, tăng mạnh", 5e10),
    ("cp1252", "Doanh thu 50 USD, café crème", 50.0),
])
def test_legacy_codepage_is_an_error_unless_asked(tmp_path, codec, body, money):
    p = tmp_path / f"{codec}.md"
    data = f"---\nid: {codec}\n---\n{body}\n"
    p.write_bytes(to_cp1258(data) if codec == "cp1258" else data.encode(codec))
    art = load_article(p)
    assert art.status == "error"
    assert art.error.startswith(f"{p.as_posix()}:4: not valid UTF-8") and "--encoding" in art.error
    forced = load_article(p, encoding=codec)
    assert forced.status == "ok" and any("decoded as" in w for w in forced.warnings)
    assert [c.value for c in extract_article(forced) if c.kind == "money"] == [money]
    assert unicodedata.normalize("NFC", body) in forced.body


def test_nfd_gives_exactly_the_claims_of_its_nfc_twin(tmp_path):
    p = tmp_path / "nfd.md"
    raw = unicodedata.normalize("NFD", SEED_TEXT)
    p.write_text(raw, encoding="utf-8")
    assert _claims(p) == SEED_CLAIMS
    _assert_positions(p, raw)


def test_odd_spaces_inside_and_around_numbers(tmp_path):
    raw = ("---\nid: sp\npublished: 2023-01-01\n---\n"
           "Đạt\u00a0gần\u00a050\u00a0tỷ\u2009USD, xuất khẩu\u202f24,2\u200b tỷ USD và\u200b 23,4 tỷ\u00a0USD.\n")
    p = tmp_path / "sp.md"
    p.write_text(raw, encoding="utf-8")
    assert [(c.text, c.value, c.unit) for c in extract_article(load_article(p))] == [
        ("gần 50 tỷ USD", 5e10, "USD"), ("24,2 tỷ USD", 2.42e10, "USD"), ("23,4 tỷ USD", 2.34e10, "USD")]
    _assert_positions(p, raw)


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_crlf_and_lone_cr(tmp_path, eol):
    raw = _with_id(SEED_TEXT, "eol").replace("\n", eol)
    p = tmp_path / "eol.md"
    p.write_bytes(raw.encode())
    assert _claims(p) == SEED_CLAIMS
    _assert_positions(p, raw)
    assert [c.line for c in extract_article(load_article(p))] == [c.line for c in extract_article(load_article(SEED))]


# ---------------------------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.md", b"", "empty file"),
    ("blank.md", b"  \n\n", "empty file"),
    ("binary.md", bytes(range(256)) * 4, "looks binary"),
    ("broken.md", b"---\nid: [oops\npublished: 2023\n---\nx\n", ":3: broken front matter"),
    ("unclosed.md", b"---\nid: x\nbody without the closing line\n",
     ":1: front matter opened with '---' is never closed"),
    ("list.md", b"---\n- a\n- b\n---\nx\n", ":2: front matter must be a mapping"),
    ("baddate.md", b"---\npublished: yesterday\n---\nx\n", ":2: front matter 'published' is not a date"),
    ("feb30.md", b"---\nid: x\npublished: 2024-02-30\n---\nx\n", ":3: broken front matter: '2024-02-30' is not a date"),
    ("m13.md", b"---\npublished: 2024-13-01\nid: x\n---\nx\n", ":2: broken front matter: '2024-13-01' is not a date"),
    ("quoted.md", b"---\nid: x\n\npublished: '2024-02-30'\n---\nx\n", ":4: front matter 'published' is not a date"),
])
def test_bad_file_is_a_clear_per_article_error(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    art = load_article(p)
    assert art.status == "error"
    assert art.error.startswith(p.as_posix()) and message in art.error


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-01"])
def test_an_impossible_date_is_that_articles_error_and_the_run_goes_on(tmp_path, date):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bad.md").write_text(f"---\nid: bad\npublished: {date}\n---\nKim ngạch 50 tỷ USD.\n",
                                           encoding="utf-8")
    (tmp_path / "a" / "good.md").write_text("---\nid: good\npublished: 2024-03-01\n---\nKim ngạch 50 tỷ USD.\n",
                                            encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(tmp_path / "a"), "--format", "json", "--no-cache"])
    assert res.exit_code == 1 and not isinstance(res.exception, ValueError), res.output
    doc = json.loads(res.stdout)
    assert [(a["id"], a["status"]) for a in doc["articles"]] == [("bad", "error"), ("good", "ok")]
    assert doc["claims"] == 1  # the good article was read
    (fl001,) = [f for f in doc["findings"] if f["code"] == "FL001"]
    assert fl001["locations"][0]["path"].endswith("bad.md") and fl001["locations"][0]["line"] == 3
    assert f"bad.md:3: broken front matter: '{date}' is not a date" in fl001["message"]


def test_any_exception_while_loading_is_that_articles_error(tmp_path, monkeypatch):
    import factlint.corpus.files

    real = factlint.corpus.files.normalise

    def explode(raw):
        if "boom" in raw:
            raise RuntimeError("the normaliser broke")
        return real(raw)

    monkeypatch.setattr(factlint.corpus.files, "normalise", explode)
    (tmp_path / "boom.md").write_text("---\nid: boom\n---\nboom 50 tỷ USD\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("---\nid: fine\npublished: 2024-03-01\n---\n50 tỷ USD\n", encoding="utf-8")
    from factlint.suite import run

    r = run([tmp_path], None, None)
    assert [(a.id, a.status) for a in r.articles] == [("boom", "error"), ("fine", "ok")]
    assert "boom.md: factlint failed to load this article (RuntimeError: the normaliser broke)" in r.articles[0].error
    assert [(f.code, f.locations[0].path.split("/")[-1]) for f in r.findings] == [("FL001", "boom.md")]
    assert len(r.claims) == 1


def test_missing_and_empty_front_matter_still_give_claims(tmp_path):
    (tmp_path / "nofm.md").write_text("Ngày 3/9/2023, kim ngạch đạt 50 tỷ USD.\n", encoding="utf-8")
    (tmp_path / "emptyfm.md").write_text("---\n---\nKim ngạch đạt 50 tỷ USD.\n", encoding="utf-8")
    no, empty = load_corpus([tmp_path])[1], load_corpus([tmp_path])[0]
    assert no.status == empty.status == "ok"
    assert no.id == "nofm" and str(no.published) == "2023-09-03" and "inferred" in no.warnings[1]
    assert no.warnings[0].endswith("nofm.md:1: no front matter (a '---' block with id, outlet, published, title); "
                                   "the id is the file name")
    assert empty.published is None and "none found" in empty.warnings[0]
    assert [c.value for c in extract_article(no) if c.kind == "money"] == [5e10]


@pytest.mark.parametrize(("front", "flagged"), [("", False), ("---\npublished: 2015-03-01\n---\n", True)])
def test_an_inferred_publication_date_is_no_ground_for_a_date_finding(tmp_path, front, flagged):
    """The first date in a text is often not the publication date: only a stated one bounds the events."""
    (tmp_path / "a.md").write_text(front + "Ngày 1/3/2015 dự án khởi công. Tháng 3/2020 dự án hoàn thành.\n",
                                   encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"])
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert ("FL402" in codes) is flagged, result.stdout


def test_duplicate_ids_missing_paths_and_empty_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "empty").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "one.md")
    shutil.copy(SEED, tmp_path / "a" / "two.md")
    arts = load_corpus([tmp_path / "a", tmp_path / "empty", tmp_path / "nope"])
    assert [a.status for a in arts] == ["ok", "error", "error", "error"]
    assert "duplicate id '001_5793ab1afd7dfe9c'" in arts[1].error and "one.md" in arts[1].error
    assert "holds no articles" in arts[2].error
    assert "no such file or directory" in arts[3].error


@pytest.mark.slow
def test_fifty_megabyte_article(tmp_path):
    body = SEED_TEXT.split("---\n", 2)[2]
    p = tmp_path / "big.md"
    p.write_text("---\nid: big\npublished: 2023-11-27\n---\n" + body * (50_000_000 // len(body.encode()) + 1),
                 encoding="utf-8")
    art = load_article(p)
    claims = extract_article(art)
    assert len([c for c in claims if c.text == "gần 50 tỷ USD"]) == 50_000_000 // len(body.encode()) + 1


# ---------------------------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_an_error(tmp_path, data):
    p = tmp_path / "x.md"
    p.write_bytes(data)
    arts = load_corpus([p])
    assert len(arts) == 1
    a = arts[0]
    assert a.status in ("ok", "error") and (a.status == "ok") == (a.error == "")
    if a.status == "ok":
        for c in extract_article(a):
            assert 1 <= c.line <= len(data.splitlines()) + 1 and c.column >= 1


_VI = st.lists(st.sampled_from(list("aăâeêioôơuưyđĐ0123456789 .,/-%\n\r\t\u00a0\u200b") + [
    "tỷ", "triệu", "nghìn", "USD", "yên", "gần", "hơn", "thứ", "năm", "ngày", "tháng", "\u0301", "\u0323"]),
    max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_VI)
def test_nfc_and_nfd_twins_are_identical_and_positions_stay_in_the_file(tmp_path, text):
    nfc, nfd = tmp_path / "nfc.md", tmp_path / "nfd.md"
    nfc.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    a, b = load_article(nfc), load_article(nfd)
    assert a.status == b.status
    if a.status != "ok":
        return
    ca, cb = extract_article(a), extract_article(b)
    assert [(c.text, c.kind, c.value, c.unit) for c in ca] == [(c.text, c.kind, c.value, c.unit) for c in cb]
    raw = unicodedata.normalize("NFD", text)
    n_lines = len(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for c in cb:
        assert 1 <= c.line <= c.end_line <= n_lines and c.column >= 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_VI.map(lambda t: unicodedata.normalize("NFD", t)), st.data())
def test_span_maps_like_two_positions(tmp_path, text, data):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    art = load_article(path)
    if art.status != "ok" or not art.text:
        return
    start = data.draw(st.integers(0, len(art.text)))
    end = data.draw(st.integers(start, len(art.text)))
    assert art.span(start, end) == art.position(start) + art.position(end)


# ---------------------------------------------------------------------------------------------- end to end


def _bad_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEED_ARTICLES, folder)
    (folder / "bom.md").write_bytes(b"\xef\xbb\xbf" + _with_id(SEED_TEXT, "bom-copy").encode())
    (folder / "u16.md").write_bytes(_with_id(SEED_TEXT, "u16-copy").encode("utf-16"))
    (folder / "cp.md").write_bytes(to_cp1258("---\nid: cp\n---\nKim ngạch 50 tỷ\n"))
    (folder / "nfd.md").write_text(unicodedata.normalize("NFD", _with_id(SEED_TEXT, "nfd-copy")), encoding="utf-8")
    (folder / "crlf.md").write_bytes(_with_id(SEED_TEXT, "crlf-copy").replace("\n", "\r\n").encode())
    (folder / "empty.md").write_bytes(b"")
    (folder / "binary.md").write_bytes(bytes(range(256)))
    (folder / "broken.md").write_text("---\nid: [\n---\nx\n", encoding="utf-8")
    (folder / "dup.md").write_text(SEED_TEXT, encoding="utf-8")
    return folder


def test_end_to_end_every_file_is_accounted_for(tmp_path, monkeypatch):
    folder = _bad_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--rules", str(RULES),
                                    "--accepted", str(SEED_ACCEPTED)])
    assert res.exit_code == 1, res.output  # the unreadable files are new errors
    doc = json.loads(res.output[res.output.index("{"):])
    paths = {Path(a["path"]).name: a["status"] for a in doc["articles"]}
    on_disk = {p.name for p in folder.iterdir()}
    assert set(paths) == on_disk
    assert {n for n, s in paths.items() if s == "error"} == {"cp.md", "empty.md", "binary.md", "broken.md",
                                                            paths_dup(doc)}
    unread = [f for f in doc["findings"] if f["code"] == "FL001"]
    assert len(unread) == 5
    seed_findings = sorted((f["code"], Path(f["locations"][0]["path"]).name, f["status"]) for f in doc["findings"]
                           if Path(f["locations"][0]["path"]).name.startswith("00"))
    assert seed_findings == [("FL601", "001_5793ab1afd7dfe9c.md", "accepted"),
                             ("FL601", "004_45cea287ea4876c1.md", "accepted"),
                             ("FL602", "002_328294faec285e8a.md", "accepted"),
                             ("FL603", "003_dad6383fd0be7af4.md", "accepted")]


def paths_dup(doc) -> str:
    dups = [Path(a["path"]).name for a in doc["articles"] if "duplicate id" in a["error"]]
    assert len(dups) == 1
    return dups[0]


# ---------------------------------------------------------------------------------------------- configuration


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(SEED_ARTICLES, tmp_path / "articles")
    shutil.copytree(RULES, tmp_path / "claims")
    (tmp_path / "checks").mkdir()
    shutil.copy(SEED_ACCEPTED, tmp_path / "checks" / "accepted.yaml")
    return tmp_path


def _run_check(project: Path, *args: str):
    from helpers import invoke_in

    return invoke_in(project, "check", *args)


def test_relation_naming_an_undefined_metric(project):
    rel = project / "claims" / "relations.yaml"
    rel.write_text(rel.read_text(encoding="utf-8").replace("parts: [trade.vn_jp.exports", "parts: [trade.vn_jp.export"),
                   encoding="utf-8")
    res = _run_check(project)
    assert res.exit_code == 2
    assert "relations.yaml:5: relations[0].parts: metric 'trade.vn_jp.export' is defined by no rule" in res.output


@pytest.mark.parametrize(("text", "message"), [
    ("checks:\n  error_gap: [1\n", "config.yaml:3: malformed YAML"),
    ("checks:\n  error_gaps: 0.1\n", "config.yaml:2: checks.error_gaps: unknown key"),
    ("checks:\n  magnitude_factor: big\n", "config.yaml:2: checks.magnitude_factor: expected a float"),
])
def test_broken_check_configuration(project, text, message):
    (project / "claims" / "config.yaml").write_text(text, encoding="utf-8")
    res = _run_check(project)
    assert res.exit_code == 2 and message in res.output


def test_exchange_rate_gap_for_a_year_in_use(project):
    fx = project / "claims" / "reference" / "fx.yaml"
    fx.write_text(fx.read_text(encoding="utf-8").replace("    2023: [127.2, 151.9]\n", ""), encoding="utf-8")
    res = _run_check(project, "--fail-on", "warning")
    assert res.exit_code == 1
    assert "FL104" in res.output and "fx.yaml:" in res.output and "rates.JPY" in res.output
    assert "no JPY per USD rate for 2023" in res.output.replace("\n", " ").replace("  ", " ")


def test_bad_exchange_rate_value(project):
    fx = project / "claims" / "reference" / "fx.yaml"
    fx.write_text(fx.read_text(encoding="utf-8").replace("2023: [127.2, 151.9]", "2023: [151.9]"), encoding="utf-8")
    res = _run_check(project)
    assert res.exit_code == 2 and "rates.JPY.2023: expected [low, high]" in res.output


def test_accepted_entry_that_matches_nothing(project):
    acc = project / "checks" / "accepted.yaml"
    acc.write_text(acc.read_text(encoding="utf-8") + "- fingerprint: 0000000000000000\n  reason: fixed long ago\n",
                   encoding="utf-8")
    res = _run_check(project)
    assert res.exit_code == 0
    assert "checks/accepted.yaml:" in res.output and "0000000000000000 matches no finding" in res.output


@pytest.mark.parametrize(("text", "message"), [
    ("accepted: [\n", "accepted.yaml:2: malformed YAML"),
    ("accepted:\n- fingerprint: abc\n", "accepted.yaml:2: accepted[0].reason: required"),
    ("accepted:\n- fingerprint: abc\n  reason: x\n  colour: red\n", "accepted.yaml:2: accepted[0].colour: unknown key"),
])
def test_broken_accepted_file(project, text, message):
    (project / "checks" / "accepted.yaml").write_text(text, encoding="utf-8")
    res = _run_check(project)
    assert res.exit_code == 2 and message in res.output
