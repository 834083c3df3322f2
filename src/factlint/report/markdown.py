"""The Markdown discrepancy report (``reports/discrepancies.md``), for editors.

Ids, outlets, paths, sentences and reasons are untrusted text (they come from articles and CMS exports):
every one goes through :func:`md`, so that a Markdown viewer shows them as written and runs none of them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd
import regex
from tabulate import tabulate

from factlint.checks.common import Interval, span
from factlint.report import formatter
from factlint.report.text import printable

if TYPE_CHECKING:
    from factlint.findings import Finding
    from factlint.suite import Run

TYPO_CHECKS = ("malformed_numeral", "name_variant", "title_variant")
OPEN_CHECK = "open_comparable"  # figures no rule takes, grouped by attribution: their own section
CLAIM_HEADERS = ("article", "outlet", "published", "period", "figure", "interval", "where")

# HTML's three are entities; backslashed: Markdown's inline syntax (emphasis, code, strike-through, table
# cells), the "](" that makes a link or an image, and an underscore unless it sits inside a word ("vn_jp")
_MD_SPECIAL = regex.compile(r"[\\`*|~]|\](?=\()|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md(text: object) -> str:
    """Untrusted text for a Markdown cell or line: HTML and Markdown syntax escaped, line breaks as spaces."""
    s = regex.sub(r"[&<>]", lambda m: _HTML[m.group()], str(text))
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(), s)
    return printable(regex.sub(r"[\r\n\u2028\u2029]+", " ", s))


def _table(rows: list[list], headers: list[str] | tuple[str, ...]) -> str:
    return tabulate([[c if isinstance(c, int | float) else md(c) for c in r] for r in rows], headers=list(headers),
                    tablefmt="github")


def mark(sentence: str, text: str) -> str:
    """The sentence with the figure in bold (the first occurrence), escaped."""
    i = sentence.find(text)
    if i < 0 or not text:
        return md(sentence)
    return f"{md(sentence[:i])}**{md(text)}**{md(sentence[i + len(text):])}"


def claim_rows(claims: pd.DataFrame, metric: str) -> list[list]:
    """Every claim of a metric, side by side: article, outlet, published, period, figure, interval, where."""
    rows = []
    for _, c in claims[claims["metric"] == metric].sort_values(["period", "article", "line"]).iterrows():
        if pd.notna(c["low"]):
            iv = span(Interval(c["low"], c["high"], bool(c["low_open"]), bool(c["high_open"])), c["unit"])
        else:
            iv = c["date"]
        rows.append([c["article"], c["outlet"] or "–", c["published"] or "–", c["period"] or "–", c["text"], iv,
                     f"{c['path']}:{c['line']}"])
    return rows


def open_rows(f: Finding) -> list[list]:
    """An open comparable's claims side by side, as the check recorded them (same columns as a metric's)."""
    return [[c["article"], c["outlet"] or "–", c["published"] or "–", c["period"] or "–", c["text"], c["interval"],
             f"{c['path']}:{c['line']}"] for c in f.data.get("claims", [])]


def _open_section(run: Run) -> list[str]:
    """Open comparables: a table and the finding per group (nothing when there are none)."""
    found = [f for f in run.findings if f.check == OPEN_CHECK]
    if not found:
        return []
    out = ["## Open comparables (no rule)", "",
           "Figures no rule takes, of one subject, measure, unit, period and modality, that disagree across "
           "articles (info; `--fail-on info` fails on them).", ""]
    for f in found:
        out += [f"### {md(f.data.get('group', f.case))}", "", _table(open_rows(f), CLAIM_HEADERS), ""]
        out += _finding_block(f)
        out.append("")
    return out


def _finding_block(f: Finding) -> list[str]:
    out = [f"- **{f.severity} {f.code}** ({f.check}, {f.status}): {md(f.message)}"]
    if f.reason:
        out.append(f"  - accepted because: {md(f.reason)}")
    for loc in f.locations:
        quote = mark(loc.sentence, loc.text) if loc.sentence else f"**{md(loc.text)}**"
        out.append(f"  - {md(loc.source)}:{loc.line}:{loc.column} — {quote}")
    return out


@formatter("markdown")
def to_markdown(run: Run) -> str:
    """Summary, a section per metric with a finding, what was checked and agrees, typos, accepted, unreadable."""
    ok = [a for a in run.articles if a.status == "ok"]
    lines = ["# factlint discrepancy report", ""]
    lines += ["## Summary", "",
              _table([["articles read", len(ok)], ["articles unreadable", len(run.articles) - len(ok)],
                      ["claims", run.n_claims], ["claims with a metric", int((run.claims["metric"] != "").sum())],
                      ["findings", len(run.findings)], ["new findings", len(run.new)]], ["", "count"]), ""]
    if run.uncompared:
        from factlint.suite import uncompared_count

        lines += [f"**{uncompared_count(run.uncompared)}** (listed under \"Claims not compared\").", ""]
    by = Counter((f.severity, f.check, f.status) for f in run.findings)
    if by:
        lines += [_table([[s, c, st, n] for (s, c, st), n in sorted(by.items())],
                         ["severity", "check", "status", "findings"]), ""]
    metric_findings = [f for f in run.findings if f.metric and f.check not in TYPO_CHECKS and f.check != "corpus"]
    lines += ["## Findings by metric", ""]
    if not metric_findings:
        lines += ["No figure disagrees.", ""]
    for metric in sorted({f.metric for f in metric_findings}):
        lines += [f"### {md(metric)}", "", _table(claim_rows(run.claims, metric), CLAIM_HEADERS), ""]
        for f in metric_findings:
            if f.metric == metric:
                lines += _finding_block(f)
        lines.append("")
    lines += _open_section(run)
    lines += ["## Checked and consistent", ""]
    if run.consistent:
        lines += ["Metrics whose claims were compared within a period and agree.", "",
                  _table([[c.metric, ", ".join(c.periods), c.claims, c.articles] for c in run.consistent],
                         ["metric", "periods", "claims", "articles"]), ""]
    else:
        lines += ["None.", ""]
    typos = [f for f in run.findings if f.check in TYPO_CHECKS]
    lines += ["## Typos and name variants", ""]
    lines += [x for f in typos for x in _finding_block(f)] or ["None."]
    lines.append("")
    accepted = [f for f in run.findings if f.status == "accepted"]
    lines += ["## Accepted findings", ""]
    if accepted:
        lines += [_table([[f.code, f.check, f"{f.locations[0].source}:{f.locations[0].line}", f.fingerprint,
                           f.reason] for f in accepted], ["code", "check", "where", "fingerprint", "reason"])]
    else:
        lines.append("None.")
    if run.stale:
        lines += ["", "Stale entries (they match no finding any more; remove them):", ""]
        lines += [f"- line {a.line}: {md(a.fingerprint)} — {md(a.reason)}" for a in run.stale]
    lines += ["", "## Articles that could not be read", ""]
    bad = [a for a in run.articles if a.status != "ok"]
    lines += [f"- {md(a.path)}: {md(a.error)}" for a in bad] or ["None."]
    lines += _skipped(run)
    return "\n".join(lines) + "\n"


def _skipped(run: Run) -> list[str]:
    """The claims no check compared, and every article's warnings (nothing when there are none)."""
    out = []
    if run.uncompared:
        out += ["", "## Claims not compared", "", _table(
            [[f"{u.location.source}:{u.location.line}", u.metric, u.location.text, u.reason]
             for u in run.uncompared], ["where", "metric", "figure", "why"])]
    warned = [w for ws in run.warnings.values() for w in ws]
    if warned:
        out += ["", "## Warnings", ""] + [f"- {md(w)}" for w in warned]
    return out
