"""Nothing is skipped without a word: an article without front matter, and a figure of a ruled metric that no
comparison takes because it has no period, are warnings in the text and JSON output and counted and listed in
the reports."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest

from factlint.report import render
from factlint.suite import run, uncompared
from helpers import ROOT, claim, invoke_in, table

TINY_RULES = ROOT / "tests" / "fixtures" / "tiny" / "claims"


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(TINY_RULES, tmp_path / "claims")
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "dated.md").write_text("---\nid: dated\npublished: 2023-05-02\n---\n"
                                   "Kim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt gần 50 tỷ USD.\n",
                                   encoding="utf-8")
    # no front matter, no date anywhere: its figures have no period, so no comparison takes them
    (arts / "bare.md").write_text("Kim ngạch thương mại Việt Nam - Nhật Bản đạt 52 tỷ USD, trong đó xuất khẩu "
                                  "24,2 tỷ USD.\n", encoding="utf-8")
    return tmp_path


def test_uncompared_are_the_figures_of_ruled_metrics_without_a_period():
    df = table(claim("a", "50 tỷ USD", metric="trade.x", period=""),
               claim("a", "30 %", kind="percent", unit="%", metric="share.x", period=""),
               claim("b", "52 tỷ USD", metric="trade.x", period="2022"),  # compared
               claim("b", "60 tỷ USD", metric="", period=""),  # no rule took it: not a ruled metric
               claim("c", "21/9/1973", kind="date", value=None, unit="", metric="founded.x", period=""))  # a date
    assert [(u.location.article, u.location.text, u.metric, u.reason) for u in uncompared(df)] == [
        ("a", "50 tỷ USD", "trade.x", "no period"), ("a", "30 %", "share.x", "no period")]


def test_the_run_gives_each_article_its_warnings(project):
    r = run([project / "articles"], project / "claims", None)
    assert [(u.location.path.split("/")[-1], u.location.text) for u in r.uncompared] == [
        ("bare.md", "52 tỷ USD"), ("bare.md", "24,2 tỷ USD")]
    bare = next(p for p in r.warnings if p.endswith("bare.md"))
    assert r.warnings[bare][0] == f"{bare}:1: no front matter (a '---' block with id, outlet, published, title); " \
                                  "the id is the file name"
    assert r.warnings[bare][-1] == (f"{bare}: 2 claims of ruled metrics not compared: no period ('52 tỷ USD' line "
                                    "1, trade.vn_jp.total; '24,2 tỷ USD' line 1, trade.vn_jp.exports)")
    assert r.warnings[next(p for p in r.warnings if p.endswith("dated.md"))] == []


def test_text_and_json_show_the_warnings(project):
    res = invoke_in(project, "check", "--no-cache")
    assert res.exit_code == 0, res.output
    assert "warning: articles/bare.md:1: no front matter" in res.output
    assert "warning: articles/bare.md: 2 claims of ruled metrics not compared: no period" in res.output
    assert "; 2 claims of ruled metrics not compared: no period" in res.output.splitlines()[-1]
    doc = json.loads(invoke_in(project, "check", "--no-cache", "--format", "json").stdout)
    warnings = {a["id"]: a["warnings"] for a in doc["articles"]}
    assert warnings["dated"] == [] and len(warnings["bare"]) == 3  # and: no 'published' date
    assert "no front matter" in warnings["bare"][0] and "not compared: no period" in warnings["bare"][-1]
    assert set(doc["articles"][0]) >= {"id", "path", "status", "error", "warnings"}


def test_the_reports_count_and_list_the_claims_not_compared(project, monkeypatch):
    monkeypatch.chdir(project)
    r = run(["articles"], project / "claims", None)
    md = render("markdown", r)
    assert "**2 claims of ruled metrics not compared: no period**" in md
    section = md[md.index("## Claims not compared"):]
    row = next(x for x in section.splitlines() if "52 tỷ USD" in x)
    assert [c.strip() for c in row.strip("|").split("|")] == ["articles/bare.md:1", "trade.vn_jp.total", "52 tỷ USD",
                                                               "no period"]
    assert "articles/bare.md:1: no front matter" in md[md.index("## Warnings"):]

    page = render("html", r)
    assert "2 claims of ruled metrics not compared: no period" in page

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.cells, self.section = [], ""

        def handle_starttag(self, tag, attrs):
            if tag == "h2":
                self.section = dict(attrs).get("id", "")

        def handle_data(self, data):
            if self.section == "not-compared" and data.strip():
                self.cells.append(data)

    p = Cells()
    p.feed(page)
    assert ["articles/bare.md:1", "trade.vn_jp.exports", "24,2 tỷ USD", "no period"] == p.cells[-4:]


def test_a_clean_corpus_has_no_such_section(project):
    (project / "articles" / "bare.md").unlink()
    r = run([project / "articles"], project / "claims", None)
    assert r.uncompared == [] and "Claims not compared" not in render("markdown", r)
    assert "not compared" not in render("text", r) and "not compared" not in render("html", r)


def test_a_terminal_shows_the_first_warnings_and_counts_the_rest():
    from factlint.report.text import MAX_WARNINGS, shown_warnings

    lines = shown_warnings([f"a{i}.md:1: no front matter" for i in range(MAX_WARNINGS + 7)])
    assert len(lines) == MAX_WARNINGS + 1 and lines[0] == "warning: a0.md:1: no front matter"
    assert "7 more" in lines[-1] and "--format json" in lines[-1]
    assert shown_warnings(["x"]) == ["warning: x"]
