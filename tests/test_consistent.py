"""'Checked and consistent': the metrics compared that agree, computed once per run, shown by the reports."""

from __future__ import annotations

import json
from pathlib import Path

from factlint.checks.common import location
from factlint.checks.consistent import Consistent, consistent_metrics
from factlint.findings import Finding
from factlint.report import render
from factlint.suite import run
from helpers import claim, table

TOTAL = "trade.vn_jp.total"


def _finding(metric: str, *rows) -> Finding:
    return Finding("FL101", "agreement", "error", metric, "m", tuple(location(r) for r in rows), f"{metric}-2023")


def test_a_metric_compared_across_articles_with_no_finding_is_consistent():
    df = table(claim("a1", "gần 50 tỷ USD", value=5e10, low=4.5e10, metric=TOTAL),
               claim("a2", "49,6 tỷ USD", value=4.96e10, metric=TOTAL),
               claim("a2", "khoảng 50 tỷ USD", value=5e10, low=4.5e10, high=5.5e10, metric=TOTAL, line=3),
               claim("a1", "thứ 4", kind="rank", value=4, unit="", metric="rank.jp_partner.trade"),
               claim("a3", "thứ tư", kind="rank", value=4, unit="", metric="rank.jp_partner.trade"))
    assert consistent_metrics(df, []) == [Consistent("rank.jp_partner.trade", ("2023",), 2, 2),
                                          Consistent(TOTAL, ("2023",), 3, 2)]


def test_what_was_not_compared_is_not_listed():
    df = table(claim("a1", "gần 50 tỷ USD", value=5e10, metric=TOTAL),  # alone in its period
               claim("a2", "45 tỷ USD", value=4.5e10, metric=TOTAL, period="2019"),
               claim("a1", "21,6 tỷ USD", value=2.16e10, metric="trade.vn_jp.imports", period=""),  # no period:
               claim("a2", "21,6 tỷ USD", value=2.16e10, metric="trade.vn_jp.imports", period=""),  # never compared
               claim("a1", "21/9/1973", kind="date", value=None, unit="", metric="relations.vn_jp.founded"),
               claim("a2", "21/9/1973", kind="date", value=None, unit="", metric="relations.vn_jp.founded"),
               claim("a1", "2 tỷ USD", value=2e9, metric=""), claim("a2", "2 tỷ USD", value=2e9, metric=""))
    assert consistent_metrics(df, []) == []


def test_a_metric_a_finding_names_or_quotes_is_not_consistent():
    parts = [claim("a1", "24,2 tỷ USD", value=2.42e10, metric="trade.vn_jp.exports"),
             claim("a2", "24,2 tỷ USD", value=2.42e10, metric="trade.vn_jp.exports", line=2)]
    totals = [claim("a1", "gần 50 tỷ USD", value=5e10, low=4.5e10, metric=TOTAL, line=3),
              claim("a2", "khoảng 60 tỷ USD", value=6e10, low=5.4e10, high=6.6e10, metric=TOTAL, line=4)]
    df = table(*parts, *totals)
    rows = df.to_dict("records")
    assert [c.metric for c in consistent_metrics(df, [])] == ["trade.vn_jp.exports", TOTAL]
    assert [c.metric for c in consistent_metrics(df, [_finding(TOTAL, rows[3], rows[2])])] == ["trade.vn_jp.exports"]
    # a sum that fails quotes its parts: they are not listed as consistent either
    assert consistent_metrics(df, [_finding(TOTAL, rows[3], rows[0])]) == []


def test_reports_show_what_was_checked_and_agrees(tmp_path, monkeypatch):
    root = Path(__file__).resolve().parent / "fixtures" / "tiny"
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "trade.yaml").write_text((root / "claims" / "trade.yaml").read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    (tmp_path / "articles").mkdir()
    for name, figure in (("a", "gần 50 tỷ USD"), ("b", "49,6 tỷ USD"), ("c", "khoảng 50 tỷ USD")):
        (tmp_path / "articles" / f"{name}.md").write_text(
            f"---\nid: {name}\npublished: 2023-05-02\n---\nKim ngạch thương mại Việt Nam - Nhật Bản năm 2022 đạt "
            f"{figure}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cached = tmp_path / "cache"
    r = run(["articles"], Path("claims"), None, cache=cached)
    assert r.findings == [] and r.consistent == [Consistent(TOTAL, ("2022",), 3, 3)]
    assert run(["articles"], Path("claims"), None, cache=cached).consistent == r.consistent, "a cached run too"
    md = render("markdown", r)
    section = md[md.index("## Checked and consistent"):]
    assert "| trade.vn_jp.total |      2022 |        3 |          3 |" in section.split("##")[1]
    page = render("html", r)
    assert "<tr><td>trade.vn_jp.total</td><td>2022</td><td>3</td><td>3</td></tr>" in page
    doc = json.loads(render("json", r))
    assert doc["consistent"] == [{"metric": TOTAL, "periods": ["2022"], "claims": 3, "articles": 3}]
    assert {"version", "articles", "claims", "findings", "stale_accepted"} <= set(doc), "the contract's keys stay"
