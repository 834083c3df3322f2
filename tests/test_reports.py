"""The reports: a golden Markdown report, the HTML structure, SARIF validity, the JSON contract, exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factlint.report import render
from factlint.suite import run

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
# the official schema, beside a clone of the project or beside its worktrees (never needed: the test skips)
SARIF_SCHEMA = next((p / "shared" / "schemas" / "sarif-schema-2.1.0.json" for p in (ROOT.parent, ROOT.parent.parent)
                     if (p / "shared" / "schemas" / "sarif-schema-2.1.0.json").exists()), None)


@pytest.fixture()
def tiny(monkeypatch):
    monkeypatch.chdir(TINY)
    return run(["articles"], Path("claims"), Path("accepted.yaml"))


def test_markdown_golden(tiny):
    got = render("markdown", tiny)
    golden = TINY / "discrepancies.md"
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_reports_have_no_run_specific_noise(tiny, tmp_path):
    from factlint.report.files import write_reports

    first = {p.name: p.read_bytes() for p in write_reports(tiny, tmp_path / "a")}
    again = run(["articles"], Path("claims"), Path("accepted.yaml"))
    second = {p.name: p.read_bytes() for p in write_reports(again, tmp_path / "b")}
    assert first == second
    for name, data in first.items():
        text = data.decode("utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, name


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_structure(tiny):
    page = render("html", tiny)
    p = _Collect()
    p.feed(page)
    tags = p.tags
    plots = [a for t, a in tags if t == "figure" and "plot" in a.get("class", "")]
    disagreeing = sorted({f.metric for f in tiny.findings if f.check in ("agreement", "sum")})
    assert [a["data-metric"] for a in plots] == disagreeing
    assert sum(t == "svg" for t, _ in tags) == len(plots)
    ids = {a["id"] for t, a in tags if "id" in a}
    for f in tiny.findings:
        assert f"f-{f.fingerprint}" in ids
    anchors = [a["href"] for t, a in tags if "href" in a]
    assert anchors and all(h.startswith("#") for h in anchors)
    assert all(h[1:] in ids for h in anchors), "every link points at a quoted location on the page"
    for t, a in tags:
        for key in ("src", "href", "xlink:href"):
            assert not str(a.get(key, "#")).startswith(("http:", "https:", "//")), (t, a)
    assert "<mark>khoảng 60 tỷ USD</mark>" in page
    assert {a["data-kind"] for t, a in tags if t == "input"} == {"severity", "check", "status"}


def test_interval_plot_draws_one_axis_per_unit_with_figures_as_written():
    import re

    from factlint.report.html import interval_plot
    from helpers import claim, table

    df = table(claim("a1", "hơn 100 tỷ yên", value=1e11, unit="JPY", metric="oda.jp_vn.total"),
               claim("a2", "gần 800 triệu USD", value=8e8, unit="USD", metric="oda.jp_vn.total"))
    texts = re.findall(r"<!-- (.*?) -->", interval_plot(df, "oda.jp_vn.total", set()))  # matplotlib's text notes
    assert [t for t in texts if t.startswith("oda.")] == ["oda.jp_vn.total (JPY)", "oda.jp_vn.total (USD)"]
    assert "100 tỷ" in texts and "800 triệu" in texts


_BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
# Run after the page's own script: untick one filter of each kind, record which findings stay visible.
_PROBE = """<script>
try {
  const seen = {};
  document.querySelectorAll('.filters input').forEach(function(i){
    i.checked = false; i.dispatchEvent(new Event('change'));
    seen[i.dataset.kind + ':' + i.value] = Array.from(document.querySelectorAll('.finding'))
      .filter(function(f){ return getComputedStyle(f).display !== 'none'; }).map(function(f){ return f.id; });
    i.checked = true; i.dispatchEvent(new Event('change'));
  });
  const svg = document.querySelector('figure.plot svg').getBoundingClientRect();
  seen['svg'] = [String(Math.round(svg.width)), String(Math.round(svg.height))];
  document.body.setAttribute('data-probe', JSON.stringify(seen));
} catch (e) { document.body.setAttribute('data-probe-error', String(e)); }
</script>"""


@pytest.mark.skipif(_BROWSER is None, reason="no headless Chromium on this machine (apt install chromium)")
def test_html_renders_and_filters_in_a_headless_browser(tiny, tmp_path):
    import re
    import subprocess
    from html import unescape

    page = tmp_path / "report.html"
    page.write_text(render("html", tiny).replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run([_BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert 'data-probe-error="' not in dom, dom[:2000]
    seen = json.loads(unescape(re.search(r'data-probe="([^"]*)"', dom).group(1)))
    width, height = (int(x) for x in seen.pop("svg"))
    assert width > 100 and height > 50, "the interval plot is laid out"
    for key, visible in seen.items():
        kind, value = key.split(":", 1)  # severity, check or status: attributes of a finding
        expected = [f"f-{f.fingerprint}" for f in tiny.findings if getattr(f, kind) != value]
        assert sorted(visible) == sorted(expected), key


def test_sarif_model_and_schema(tiny):
    from sarif_pydantic import Sarif

    doc = json.loads(render("sarif", tiny))
    log = Sarif.model_validate(doc)
    results = log.runs[0].results
    assert len(results) == len(tiny.findings)
    first = next(r for r in results if r.rule_id == "FL101")
    region = first.locations[0].physical_location.region
    assert (region.start_line, region.start_column) == (8, 56)
    assert first.related_locations and first.related_locations[0].physical_location.artifact_location.uri == \
        "articles/a1.md"
    suppressed = [r["ruleId"] for r in doc["runs"][0]["results"] if r.get("suppressions")]
    assert suppressed == ["FL601"]
    _assert_schema_valid_sarif(doc)


def _assert_schema_valid_sarif(doc: dict) -> None:
    """Validate against the official SARIF 2.1.0 schema, or skip when it is not beside this clone."""
    if SARIF_SCHEMA is None:
        pytest.skip("the official SARIF schema (../shared) is not beside this clone")
    import jsonschema

    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_json_contract(tiny):
    doc = json.loads(render("json", tiny))
    assert doc["version"] == 1 and doc["claims"] == len(tiny.claims)
    assert [a["id"] for a in doc["articles"]] == ["a1", "a2", "a3"]
    assert set(doc["articles"][0]) >= {"id", "path", "status", "error"}
    for f in doc["findings"]:
        assert set(f) >= {"code", "check", "severity", "status", "metric", "message", "fingerprint", "locations"}
        assert f["severity"] in ("error", "warning", "info") and f["status"] in ("new", "accepted")
        for loc in f["locations"]:
            assert set(loc) == {"article", "path", "line", "column", "end_line", "end_column", "text"}


def test_json_report_is_written_as_the_standard_encoder_writes_it(tiny):
    """The fast encoder gives the standard library's bytes (indent 2, UTF-8 as written) for a report and for the
    values a report holds: non-ASCII text, quotes and controls, integers, floats, None, nested lists."""
    from factlint.report.machine import dumps

    text = render("json", tiny)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    doc = {"s": "Nhật Bản “gần 50 tỷ USD”\t\n\u2028 \\ \"", "i": [0, -3, 10**15], "f": [0.5, 2.7e9, 0.0001, 123.456],
           "n": None, "b": [True, False], "e": [], "d": {}, "nested": [{"a": [1, {"b": "ư"}]}]}
    assert dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    tiny_and_huge = [1e-7, 2.5e18]  # in exponent form only the exponent's spelling differs ("1e-7", "1e-07")
    assert json.loads(dumps(tiny_and_huge)) == tiny_and_huge


def test_github_annotations(tiny):
    lines = render("github", tiny).splitlines()
    assert len(lines) == len(tiny.new)
    assert lines[0].startswith("::error file=articles/a2.md,line=8,col=56,")


# ---------------------------------------------------------------------------------------------- exit codes


def _check(args, cwd):
    from helpers import invoke_in

    return invoke_in(cwd, "check", *args)


@pytest.fixture()
def corpus_dir(tmp_path):
    shutil.copytree(TINY / "claims", tmp_path / "claims")
    (tmp_path / "articles").mkdir()
    return tmp_path


def _article(folder: Path, name: str, body: str) -> None:
    (folder / "articles" / name).write_text(f"---\nid: {name[:-3]}\npublished: 2023-05-02\n---\n{body}\n",
                                           encoding="utf-8")


def test_exit_0_without_findings(corpus_dir):
    _article(corpus_dir, "a.md", "Kim ngạch thương mại năm 2022 đạt 50 tỷ USD.")
    res = _check([], corpus_dir)
    assert res.exit_code == 0, res.output


def test_exit_0_with_only_accepted_findings_even_failing_on_warnings(tmp_path):
    from helpers import RULES, SEED_ACCEPTED, SEED_ARTICLES

    res = _check([str(SEED_ARTICLES), "--rules", str(RULES), "--accepted", str(SEED_ACCEPTED), "--fail-on", "warning"],
                 tmp_path)
    assert res.exit_code == 0, res.output
    assert "0 new, 4 accepted" in res.output


def test_exit_1_on_new_warning_with_fail_on_warning(corpus_dir):
    _article(corpus_dir, "a.md", "Ông Komura Masahiro, ông Komura Masahiro và ông Komuru Masahiro.")
    assert _check([], corpus_dir).exit_code == 0
    res = _check(["--fail-on", "warning"], corpus_dir)
    assert res.exit_code == 1 and "FL602" in res.output


def test_exit_1_on_new_error(corpus_dir):
    _article(corpus_dir, "a.md", "Kim ngạch thương mại năm 2022 đạt 50 tỷ USD.")
    _article(corpus_dir, "b.md", "Kim ngạch thương mại năm 2022 đạt 70 tỷ USD.")
    res = _check([], corpus_dir)
    assert res.exit_code == 1 and "FL101" in res.output
    assert _check(["--fail-on", "never"], corpus_dir).exit_code == 0


def test_exit_2_on_broken_rule_file(corpus_dir):
    _article(corpus_dir, "a.md", "Kim ngạch thương mại năm 2022 đạt 50 tỷ USD.")
    (corpus_dir / "claims" / "broken.yaml").write_text("rules:\n  - metric: x.y\n    colour: red\n", encoding="utf-8")
    res = _check([], corpus_dir)
    assert res.exit_code == 2
    assert "broken.yaml:3: rules.0.colour: unknown key" in res.output


def test_update_accepted_then_clean(corpus_dir):
    _article(corpus_dir, "a.md", "Kim ngạch thương mại năm 2022 đạt 50 tỷ USD.")
    _article(corpus_dir, "b.md", "Kim ngạch thương mại năm 2022 đạt 70 tỷ USD.")
    assert _check(["--update-accepted"], corpus_dir).exit_code == 1
    accepted = (corpus_dir / "checks" / "accepted.yaml").read_text(encoding="utf-8")
    assert "FL101" in accepted and "reason: 'TODO" in accepted
    assert _check([], corpus_dir).exit_code == 0


# ------------------------------------------------------------------------------------------- hostile input

# What a CMS export can put in an id, an outlet, a title, a rule's description and an article's body. Each
# payload would run script (or draw a link) if a report passed it through unescaped.
_HOSTILE_ID = 'a" onmouseover="alert(1)'
_HOSTILE_ID2 = "<svg onload=alert(2)>"
_HOSTILE_OUTLET = "<img src=x onerror=alert(3)> | [bấm vào](javascript:alert(4))"
_HOSTILE_TITLE = "</title><script>alert(5)</script>"
_HOSTILE_BODY = '<a href="javascript:alert(6)">xem</a> <b onclick="alert(7)">*đậm*</b> `mã` <!-- -->'
_HOSTILE_FILE = "<img src=x onerror=alert(8)>.md"
_HOSTILE_TAGS = ("<svg", "<img", "<script", "</title", "<a ", "<b ", "<!--", "<i>")


def _front(id_: str, outlet: str, published: str) -> str:
    return (f"---\nid: {json.dumps(id_)}\noutlet: {json.dumps(outlet)}\npublished: {published}\n"
            f"title: {json.dumps(_HOSTILE_TITLE)}\n---\n")


@pytest.fixture()
def hostile(tmp_path, monkeypatch):
    """A corpus whose every free-text field is hostile, with findings that quote all of them."""
    shutil.copytree(TINY / "claims", tmp_path / "claims")
    rules = tmp_path / "claims" / "trade.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "description: Total trade.", "description: '<script>alert(9)</script> Total trade.'"), encoding="utf-8")
    art = tmp_path / "articles"
    art.mkdir()
    (art / "h1.md").write_text(
        _front(_HOSTILE_ID, _HOSTILE_OUTLET, "2023-05-02")
        + f"Kim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt gần 50 tỷ USD {_HOSTILE_BODY}.\n\n"
        f"Ông Komura Masahiro và ông Komura Masahiro gặp nhau {_HOSTILE_BODY}.\n", encoding="utf-8")
    (art / "h2.md").write_text(
        _front(_HOSTILE_ID2, "Báo | Hai", "2023-06-10")
        + f"Năm 2022, kim ngạch thương mại Việt Nam - Nhật Bản đạt khoảng 70 tỷ USD {_HOSTILE_BODY}.\n\n"
        f"Thứ trưởng Komuru Masahiro đứng thứ 2i trong danh sách {_HOSTILE_BODY}.\n", encoding="utf-8")
    (art / "h3.md").write_text(_front("\x1b[2J\x1b[31mxoá màn hình", "x", "2023-06-11")
                               + "Kim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt 85 tỷ USD.\n", encoding="utf-8")
    (art / _HOSTILE_FILE).write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00")
    (tmp_path / "accepted.yaml").write_text(
        f"accepted:\n  - fingerprint: '0000000000000000'\n    reason: {json.dumps(_HOSTILE_BODY)}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run(["articles"], Path("claims"), Path("accepted.yaml"))
    # the payloads reach the findings: the test is void otherwise
    messages = " ".join(f.message for f in r.findings)
    assert _HOSTILE_ID in messages and _HOSTILE_ID2 in messages and _HOSTILE_FILE in messages
    assert {"FL001", "FL101", "FL601", "FL602"} <= {f.code for f in r.findings}
    assert any(_HOSTILE_BODY in loc.sentence for f in r.findings for loc in f.locations)
    assert r.stale
    return r


class _Page(HTMLParser):
    """Every element, its attributes, every script's text and the visible text of a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def test_hostile_text_runs_in_no_format(hostile):
    from importlib.resources import files

    from sarif_pydantic import Sarif

    from factlint.report import FORMATTERS

    seen = set()

    page = _Page()
    page.feed(render("html", hostile))
    page.close()
    seen.add("html")
    own_script = (files("factlint.report") / "templates" / "report.js").read_text(encoding="utf-8")
    assert [s.strip() for s in page.scripts] == [own_script.strip()], "the page's one script, nothing else"
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name, value)
            assert "javascript:" not in (value or "").lower().replace(" ", ""), (tag, name, value)
            if name == "id":
                assert re.fullmatch(r"[A-Za-z][\w.-]*", value), value  # hashes, never the text itself
        assert tag not in ("img", "iframe", "object", "embed", "a") or dict(attrs).get("href", "#").startswith("#")
    shown = "".join(page.text)
    for payload in (_HOSTILE_ID, _HOSTILE_ID2, _HOSTILE_FILE, _HOSTILE_OUTLET, _HOSTILE_BODY):
        assert payload in shown, f"{payload!r} is shown as text"

    md = render("markdown", hostile)
    seen.add("markdown")
    for tag in _HOSTILE_TAGS:
        assert tag not in md, tag
    assert not re.search(r"(?<!\\)\]\(", md), "no link or image from the input"
    assert "&lt;svg onload=alert(2)&gt;" in md and "\\](javascript:alert(4))" in md
    assert "\x1b" not in md
    table_rows = [line for line in md.splitlines() if line.startswith("|")]
    assert any("Báo \\| Hai" in line for line in table_rows)
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in rows}) <= 1, block

    doc = json.loads(render("json", hostile))
    seen.add("json")
    assert {a["id"] for a in doc["articles"]} >= {_HOSTILE_ID, _HOSTILE_ID2}, "JSON keeps the text as it is"

    sarif = json.loads(render("sarif", hostile))
    seen.add("sarif")
    Sarif.model_validate(sarif)

    text = render("text", hostile)
    seen.add("text")
    assert "\x1b" not in text and "\\x1b[2J" in text

    gh = render("github", hostile)
    seen.add("github")
    assert len(gh.splitlines()) == len(hostile.new) and all(x.startswith("::") for x in gh.splitlines())
    assert "\x1b" not in gh and "\\x1b[2J" in gh

    assert seen == set(FORMATTERS), "a new format joins this test"
    _assert_schema_valid_sarif(sarif)


# ---------------------------------------------------------------------------------------------- the report


def _svg_notes(svg: str) -> list[str]:
    return re.findall(r"<!-- (.*?) -->", svg)  # matplotlib writes every text it draws as a comment


def test_rank_plot_has_whole_number_ticks_and_the_disagreeing_rank_in_red():
    from factlint.report.html import interval_plot
    from helpers import claim, table

    df = table(claim("a1", "thứ 3", kind="rank", value=3, unit="", metric="rank.jp_partner.trade"),
               claim("a2", "thứ 4", kind="rank", value=4, unit="", metric="rank.jp_partner.trade"),
               claim("a3", "thứ tư", kind="rank", value=4, unit="", metric="rank.jp_partner.trade"))
    flagged = interval_plot(df, "rank.jp_partner.trade", {("a1.md", 1, 1)})
    ticks = [t for t in _svg_notes(flagged) if re.fullmatch(r"[\d,]+", t)]
    assert ticks and all(t.isdigit() for t in ticks), ticks
    # a rank is a point, not a bar: its marker carries the colour, red for the one that disagrees
    assert flagged.count("fill: #c62828") == 1 and flagged.count("fill: #2e7d32") == 2
    calm = interval_plot(df, "rank.jp_partner.trade", set())
    assert "fill: #c62828" not in calm and calm.count("fill: #2e7d32") == 3


def test_plot_labels_tell_articles_with_a_long_common_prefix_apart():
    from factlint.report.html import interval_plot, short_labels
    from helpers import claim, table

    ids = ["bao-dien-tu-2024-03-thuong-mai-a", "bao-dien-tu-2024-03-thuong-mai-b", "vnx-0001"]
    assert short_labels(ids) == {ids[0]: ids[0], ids[1]: ids[1], "vnx-0001": "vnx-0001"}
    assert short_labels(["bao-dien-tu-2024-03-x", "tin-ngan-2024-03-05-y"]) == {
        "bao-dien-tu-2024-03-x": "bao-dien-tu-…", "tin-ngan-2024-03-05-y": "tin-ngan-202…"}
    df = table(*(claim(a, "gần 50 tỷ USD", value=5e10, low=4.5e10, metric="trade.vn_jp.total") for a in ids))
    labels = [t for t in _svg_notes(interval_plot(df, "trade.vn_jp.total", set())) if ": gần 50" in t]
    assert len(labels) == 3 and len(set(labels)) == 3, labels


def test_quoted_locations_list_each_place_once_without_repeating_its_quote(tiny):
    page = render("html", tiny)
    index = page[page.index("<h2>Quoted locations</h2>"):page.index("<h2>Articles that could not be read</h2>")]
    assert "<blockquote>" not in index and "<mark>" not in index
    cited = [loc for f in tiny.findings for loc in f.locations]
    places = {(loc.path, loc.line, loc.column) for loc in cited}
    assert index.count("<li id=") == len(places) < len(cited)
    assert page.count("<mark>") == page.count("<blockquote>") == len(cited), "each quote once, in its finding"
    p = _Collect()
    p.feed(index)
    backlinks = [a["href"] for t, a in p.tags if t == "a"]
    assert sorted(set(backlinks)) == sorted({f"#f-{f.fingerprint}" for f in tiny.findings})


# before anything else on the page: a payload that runs calls this alert and marks the page
_TRAP = ("<script>window.alert = function (n) { document.documentElement.setAttribute('data-pwned', String(n)); };"
         "</script>")
# after the page: every element is hovered, clicked and focused, so that any handler an article smuggled in runs
_FIRE = """<script>
document.querySelectorAll('body *').forEach(function (el) {
  ['mouseover', 'click', 'focus'].forEach(function (t) { el.dispatchEvent(new Event(t)); });
});
</script>"""


@pytest.mark.skipif(_BROWSER is None, reason="no headless Chromium on this machine (apt install chromium)")
def test_hostile_text_runs_no_script_in_a_headless_browser(hostile, tmp_path):
    import subprocess

    page = tmp_path / "hostile.html"
    html = render("html", hostile)
    page.write_text(html.replace("<head>", "<head>" + _TRAP, 1).replace("</body>", _FIRE + "</body>"),
                    encoding="utf-8")
    dom = subprocess.run([_BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout
    assert "factlint discrepancy report" in dom and _HOSTILE_ID2.replace("<", "&lt;").replace(">", "&gt;") in dom
    assert not re.search(r'data-pwned="[^"]*"', dom), "a payload ran"


def test_a_file_name_that_is_not_utf8_still_gives_json(tmp_path, monkeypatch):
    """orjson refuses the undecodable bytes of such a name; the report falls back to the standard encoder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    name = os.fsdecode(b"b\xe0i.md")
    (tmp_path / "c" / name).write_text("Bài viết không có số liệu.\n", encoding="utf-8")
    doc = json.loads(render("json", run(["c"], None, None)))
    assert [a["path"] for a in doc["articles"]] == [f"c/{name}"]
