"""The HTML discrepancy report: one self-contained file (inline CSS, SVG plots, a few lines of script).

No network, no CDN: it opens from a file on a laptop on a plane.
"""

from __future__ import annotations

import html
import io
from typing import TYPE_CHECKING

import pandas as pd

from factlint.checks.common import amount
from factlint.report import formatter
from factlint.report.markdown import TYPO_CHECKS, claim_rows
from factlint.report.text import summary

if TYPE_CHECKING:
    from factlint.findings import Finding, Location
    from factlint.suite import Run

PLOTTED_CHECKS = ("agreement", "conversion", "sum", "part_of", "magnitude", "rank")

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
 padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}h3{margin-top:1.6rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;
 text-align:left;vertical-align:top}th{background:#f5f5f7}
.finding{border-left:4px solid #999;padding:.4rem .8rem;margin:.6rem 0;background:#fafafa}
.sev-error{border-color:#c62828}.sev-warning{border-color:#ef8f00}.sev-info{border-color:#1565c0}
.status-accepted{opacity:.75}.tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:.6rem;
 background:#eee;margin-right:.3rem}mark{background:#ffe08a;padding:0 .1rem}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:2px solid #ccc;color:#333}
.filters label{margin-right:1rem}.hidden{display:none}figure{margin:.5rem 0}
"""

_SCRIPT = """
function applyFilters(){
  const on = {};
  document.querySelectorAll('.filters input').forEach(function(i){ on[i.dataset.kind + ':' + i.value] = i.checked; });
  document.querySelectorAll('.finding').forEach(function(f){
    const show = on['severity:' + f.dataset.severity] && on['check:' + f.dataset.check]
      && on['status:' + f.dataset.status];
    f.classList.toggle('hidden', !show);
  });
}
document.querySelectorAll('.filters input').forEach(function(i){ i.addEventListener('change', applyFilters); });
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _loc_id(loc: Location) -> str:
    return f"loc-{loc.article}-{loc.line}-{loc.column}"


def _marked(loc: Location) -> str:
    sentence = loc.sentence or loc.text
    i = sentence.find(loc.text) if loc.text else -1
    if i < 0:
        return _e(sentence)
    return f"{_e(sentence[:i])}<mark>{_e(loc.text)}</mark>{_e(sentence[i + len(loc.text):])}"


def interval_plot(claims: pd.DataFrame, metric: str, flagged: set[tuple[str, str]]) -> str:
    """An inline SVG: every article's interval for ``metric``, the disagreeing ones in red.

    One axis per unit (yen and dollars are not drawn on one scale), ticks written as in the text ("50 tỷ").
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    rows = claims[(claims["metric"] == metric) & claims["low"].notna()].sort_values(["period", "article", "line"])
    if rows.empty:
        return ""
    plt.rcParams["svg.hashsalt"] = "factlint"
    groups = [(unit, rows[rows["unit"] == unit]) for unit in sorted(set(rows["unit"]))]
    fig, axes = plt.subplots(len(groups), 1, squeeze=False,
                             figsize=(7.5, sum(0.45 * len(g) + 0.9 for _, g in groups)),
                             height_ratios=[len(g) + 2 for _, g in groups])
    for ax, (unit, group) in zip(axes[:, 0], groups, strict=True):
        labels = []
        for y, (_, r) in enumerate(group.iterrows()):
            color = "#c62828" if (r["article"], r["text"]) in flagged else "#2e7d32"
            ax.plot([float(r["low"]), float(r["high"])], [y, y], color=color, linewidth=6, solid_capstyle="butt")
            ax.plot([r["value"]], [y], marker="|", color="black", markersize=12)
            labels.append(f"{r['article'][:12]} {r['period']}: {r['text']}")
        ax.set_yticks(range(len(group)), labels=labels, fontsize=8)
        ax.set_ylim(-0.7, len(group) - 0.3)
        ax.set_xlabel(f"{metric} ({unit or 'value'})", fontsize=8)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: amount(x)))
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _finding(f: Finding) -> str:
    locs = "".join(
        f'<li><a href="#{_loc_id(loc)}">{_e(loc.path)}:{loc.line}:{loc.column}</a>'
        f"<blockquote>{_marked(loc)}</blockquote></li>" for loc in f.locations)
    reason = f"<p>Accepted because: {_e(f.reason)}</p>" if f.reason else ""
    return (f'<div class="finding sev-{f.severity} status-{f.status}" data-severity="{f.severity}" '
            f'data-check="{_e(f.check)}" data-status="{f.status}" id="f-{f.fingerprint}">'
            f'<p><span class="tag">{f.severity}</span><span class="tag">{_e(f.code)} {_e(f.check)}</span>'
            f'<span class="tag">{f.status}</span> {_e(f.message)}</p>{reason}<ul>{locs}</ul></div>')


def _filters(run: Run) -> str:
    groups = {"severity": sorted({f.severity for f in run.findings}), "check": sorted({f.check for f in run.findings}),
              "status": sorted({f.status for f in run.findings})}
    out = ['<div class="filters">']
    for kind, values in groups.items():
        out.append(f"<p><strong>{kind}</strong>: ")
        out += [f'<label><input type="checkbox" data-kind="{kind}" value="{_e(v)}" checked> {_e(v)}</label>'
                for v in values]
        out.append("</p>")
    out.append("</div>")
    return "".join(out)


def _claims_table(rows: list[list]) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("article", "outlet", "published", "period", "figure", "interval",
                                              "where"))
    body = "".join("<tr>" + "".join(f"<td>{_e(str(c).strip('`'))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _skipped(run: Run) -> list[str]:
    """The claims no check compared, and every article's warnings (nothing when there are none)."""
    out = []
    if run.uncompared:
        rows = "".join(f"<tr><td><code>{_e(u.location.path)}:{u.location.line}</code></td><td>{_e(u.metric)}</td>"
                       f"<td>{_e(u.location.text)}</td><td>{_e(u.reason)}</td></tr>" for u in run.uncompared)
        out.append('<h2 id="not-compared">Claims not compared</h2><table><tr><th>where</th><th>metric</th>'
                   f"<th>figure</th><th>why</th></tr>{rows}</table>")
    warned = [w for ws in run.warnings.values() for w in ws]
    if warned:
        out.append('<h2 id="warnings">Warnings</h2><ul>' + "".join(f"<li>{_e(w)}</li>" for w in warned) + "</ul>")
    return out


@formatter("html")
def to_html(run: Run) -> str:
    """Summary, filters, a plot and a claims table per disagreeing metric, every finding with its quotes."""
    parts = ['<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>factlint discrepancy report</title><style>{_CSS}</style></head><body>",
             "<h1>factlint discrepancy report</h1>", f"<p>{_e(summary(run))}</p>"]
    if run.findings:
        parts.append(_filters(run))
    metric_findings = [f for f in run.findings if f.metric and f.check in PLOTTED_CHECKS]
    parts.append("<h2>Findings by metric</h2>")
    if not metric_findings:
        parts.append("<p>No figure disagrees.</p>")
    for metric in sorted({f.metric for f in metric_findings}):
        mine = [f for f in metric_findings if f.metric == metric]
        flagged = {(f.locations[0].article, f.locations[0].text) for f in mine}
        parts.append(f'<section class="metric" id="m-{_e(metric)}"><h3>{_e(metric)}</h3>')
        parts.append(f'<figure class="plot" data-metric="{_e(metric)}">{interval_plot(run.claims, metric, flagged)}'
                     f"<figcaption>Every claim of {_e(metric)} as an interval; red: disagreeing.</figcaption>"
                     "</figure>")
        parts.append(_claims_table(claim_rows(run.claims, metric)))
        parts += [_finding(f) for f in mine]
        parts.append("</section>")
    other = [f for f in run.findings if f not in metric_findings and f.check not in TYPO_CHECKS]
    if other:
        parts.append("<h2>Other findings</h2>")
        parts += [_finding(f) for f in other]
    parts.append("<h2>Typos and name variants</h2>")
    typos = [f for f in run.findings if f.check in TYPO_CHECKS]
    parts += [_finding(f) for f in typos] or ["<p>None.</p>"]
    parts.append("<h2>Quoted locations</h2><ul>")
    seen = set()
    for f in run.findings:
        for loc in f.locations:
            if _loc_id(loc) in seen:
                continue
            seen.add(_loc_id(loc))
            parts.append(f'<li id="{_loc_id(loc)}"><code>{_e(loc.path)}:{loc.line}:{loc.column}</code> '
                         f"{_marked(loc)}</li>")
    parts.append("</ul><h2>Articles that could not be read</h2>")
    bad = [a for a in run.articles if a.status != "ok"]
    parts += [f"<p><code>{_e(a.path)}</code>: {_e(a.error)}</p>" for a in bad] or ["<p>None.</p>"]
    parts += _skipped(run)
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
