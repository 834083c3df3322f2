"""The reports: a golden Markdown report, the HTML structure, SARIF validity, the JSON contract, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factlint.report import render
from factlint.suite import run

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


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
    if not SARIF_SCHEMA.exists():
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
