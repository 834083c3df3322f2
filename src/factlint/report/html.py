"""The HTML discrepancy report: one self-contained file (inline CSS, SVG plots, a few lines of script).

No network, no CDN: it opens from a file on a laptop on a plane. Article text, ids, outlets and paths are
untrusted (they come from CMS exports), so the page is a Jinja2 template with autoescape
(``templates/report.html.j2``) and anchor ids are hashes, never the text they point at.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from os.path import commonprefix
from typing import TYPE_CHECKING

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from factlint.checks.common import amount
from factlint.report import formatter
from factlint.report.markdown import CLAIM_HEADERS, OPEN_CHECK, TYPO_CHECKS, claim_rows, open_rows
from factlint.report.text import printable, summary

if TYPE_CHECKING:
    from factlint.findings import Finding, Location
    from factlint.suite import Run

PLOTTED_CHECKS = ("agreement", "conversion", "sum", "part_of", "magnitude", "rank")
LABEL_PREFIX = 12  # article ids in plot labels are cut to this many characters, or as many as tell them apart


@cache
def _template() -> Template:
    env = Environment(loader=PackageLoader("factlint.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template("report.html.j2")


def anchor(prefix: str, *parts: object) -> str:
    """An HTML id from a hash of ``parts``: safe and stable whatever the text it stands for."""
    key = "\0".join(map(str, parts)).encode()
    return f"{prefix}-{hashlib.sha1(key).hexdigest()[:12]}"


def _loc_id(loc: Location) -> str:
    return anchor("loc", loc.source, loc.line, loc.column)


def _where(loc: Location) -> str:
    return f"{loc.source}:{loc.line}:{loc.column}"


def _quote(loc: Location) -> dict[str, str]:
    """The quoted sentence in three parts, the figure to mark in the middle."""
    sentence = loc.sentence or loc.text
    i = sentence.find(loc.text) if loc.text else -1
    if i < 0:
        return {"before": sentence, "mark": "", "after": ""}
    return {"before": sentence[:i], "mark": loc.text, "after": sentence[i + len(loc.text):]}


def short_labels(ids: list[str], keep: int = LABEL_PREFIX) -> dict[str, str]:
    """Each id cut to ``keep`` characters, or longer until no other id shares the prefix ("…" when cut)."""
    out = {}
    uniq = sorted(set(ids))
    for i, a in enumerate(uniq):  # in sorted order the longest prefix shared with another id is with a neighbour
        n = max([keep] + [len(commonprefix([a, b])) + 1 for b in uniq[max(i - 1, 0):i] + uniq[i + 1:i + 2]])
        out[a] = a if n >= len(a) else a[:n] + "…"
    return out


def interval_plot(claims: pd.DataFrame, metric: str, flagged: set[tuple[str, int, int]]) -> str:
    """An inline SVG: every article's interval for ``metric``, the disagreeing ones in red.

    One axis per unit (yen and dollars are not drawn on one scale), ticks written as in the text ("50 tỷ"),
    whole-number ticks for ranks.

    Args:
        claims: The claims table.
        metric: The metric to draw.
        flagged: The claims that disagree, as ``(path, line, column)``.
    """
    rows = claims[(claims["metric"] == metric) & claims["low"].notna()].sort_values(["period", "article", "line"])
    return rows_plot(rows, metric, flagged)


def rows_plot(rows: pd.DataFrame, label: str, flagged: set[tuple[str, int, int]]) -> str:
    """The SVG of :func:`interval_plot` for given rows, the axis named ``label``.

    Args:
        rows: ``article, period, text, low, high, value, unit, kind, path, line, column`` of each claim drawn.
        label: What the axis measures (a metric, an open group).
        flagged: The claims that disagree, as ``(path, line, column)``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if rows.empty:
        return ""
    plt.rcParams["svg.hashsalt"] = "factlint"
    plt.rcParams["svg.fonttype"] = "path"  # text as glyph outlines: no article text in the markup but comments
    labels = short_labels(list(rows["article"]))
    groups = [(unit, rows[rows["unit"] == unit]) for unit in sorted(set(rows["unit"]))]
    fig, axes = plt.subplots(len(groups), 1, squeeze=False,
                             figsize=(7.5, sum(0.45 * len(g) + 0.9 for _, g in groups)),
                             height_ratios=[len(g) + 2 for _, g in groups])
    for ax, (unit, group) in zip(axes[:, 0], groups, strict=True):
        ys = range(len(group))
        colors = ["#c62828" if key in flagged else "#2e7d32"
                  for key in zip(group["path"], group["line"], group["column"], strict=True)]
        ax.hlines(ys, group["low"].astype(float), group["high"].astype(float), colors=colors, linewidth=6,
                  capstyle="butt")
        # a point claim (a rank, an exact figure) has no bar to colour: its marker carries the colour
        ax.scatter(group["value"].astype(float), ys, c=colors, marker="D", edgecolors="black", s=36, zorder=3)
        ax.set_yticks(ys, labels=[printable(f"{labels[a]} {p}: {t}")
                                  for a, p, t in zip(group["article"], group["period"], group["text"], strict=True)],
                      fontsize=8)
        ax.set_ylim(-0.7, len(group) - 0.3)
        ax.set_xlabel(f"{label} ({unit or 'value'})", fontsize=8)
        if set(group["kind"]) == {"rank"}:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlim(group["low"].min() - 0.5, group["high"].max() + 0.5)  # no rank on the frame
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: amount(x)))
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _finding(f: Finding) -> dict:
    return {"id": f"f-{f.fingerprint}", "severity": f.severity, "status": f.status, "check": f.check,
            "code": f.code, "message": f.message, "reason": f.reason,
            "locations": [{"id": _loc_id(loc), "where": _where(loc), "quote": _quote(loc)} for loc in f.locations]}


def _locations(findings: list[Finding]) -> list[dict]:
    """Every quoted location once, in file order, with the findings that cite it."""
    by: dict[tuple[str, int, int], dict] = {}
    for f in findings:
        for loc in f.locations:
            entry = by.setdefault((loc.source, loc.line, loc.column),
                                  {"id": _loc_id(loc), "where": _where(loc), "cited_by": []})
            if (f.code, f"f-{f.fingerprint}") not in entry["cited_by"]:
                entry["cited_by"].append((f.code, f"f-{f.fingerprint}"))
    return [by[k] for k in sorted(by)]


@formatter("html")
def to_html(run: Run) -> str:
    """Summary, filters, a plot and a claims table per disagreeing metric, every finding with its quotes."""
    metric_findings = [f for f in run.findings if f.metric and f.check in PLOTTED_CHECKS]
    metrics = []
    for metric in sorted({f.metric for f in metric_findings}):
        mine = [f for f in metric_findings if f.metric == metric]
        flagged = {(f.locations[0].path, f.locations[0].line, f.locations[0].column) for f in mine}
        metrics.append({"metric": metric, "id": anchor("m", metric),
                        "plot": Markup(interval_plot(run.claims, metric, flagged)),  # matplotlib's SVG, text escaped
                        "claims": claim_rows(run.claims, metric), "findings": [_finding(f) for f in mine]})
    opened = [f for f in run.findings if f.check == OPEN_CHECK]
    groups = [{"metric": f.data.get("group", f.case), "id": anchor("o", f.case),
               "plot": Markup(rows_plot(pd.DataFrame(f.data.get("claims", [])), f.data.get("group", f.case),
                                        {tuple(x) for x in f.data.get("flagged", [])})),  # matplotlib's SVG
               "claims": open_rows(f), "findings": [_finding(f)]} for f in opened]
    filters = [(kind, sorted({getattr(f, kind) for f in run.findings})) for kind in ("severity", "check", "status")]
    return _template().render(
        summary=summary(run), filters=filters if run.findings else [], metrics=metrics, claim_headers=CLAIM_HEADERS,
        groups=groups,
        consistent=run.consistent,
        other=[_finding(f) for f in run.findings
               if f not in metric_findings and f.check not in TYPO_CHECKS and f.check != OPEN_CHECK],
        typos=[_finding(f) for f in run.findings if f.check in TYPO_CHECKS],
        locations=_locations(run.findings), unreadable=[a for a in run.articles if a.status != "ok"],
        uncompared=run.uncompared, warnings=[w for ws in run.warnings.values() for w in ws])
