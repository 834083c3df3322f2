"""The terminal format: a summary line and a table of findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex
from tabulate import tabulate

from factlint.report import formatter

if TYPE_CHECKING:
    from factlint.suite import Run


def printable(s: str) -> str:
    r"""Control characters (a terminal's escape sequences) from an article shown as ``\x1b``, never sent raw."""
    return regex.sub(r"\p{Cc}", lambda m: f"\\x{ord(m.group()):02x}", s)


def summary(run: Run) -> str:
    """"5 articles (0 unreadable), 104 claims, 4 findings: 0 new, 4 accepted"."""
    bad = sum(a.status != "ok" for a in run.articles)
    new = len(run.new)
    from factlint.suite import uncompared_count

    skipped = f"; {uncompared_count(run.uncompared)}" if run.uncompared else ""
    return (f"{len(run.articles)} articles ({bad} unreadable), {run.n_claims} claims, "
            f"{len(run.findings)} findings: {new} new, {len(run.findings) - new} accepted{skipped}")


@formatter("text")
def to_text(run: Run) -> str:
    """Findings as a table, new first, then unreadable articles and stale accepted entries."""
    rows, opened = [], []
    for f in sorted(run.findings, key=lambda f: (f.status != "new", f.locations[0].source, f.locations[0].line)):
        loc = f.locations[0]
        row = [printable(f"{loc.source}:{loc.line}:{loc.column}"), f.severity, f.status, f.code, printable(f.message)]
        (opened if f.check == "open_comparable" else rows).append(row)
    out = []
    if rows:
        out.append(tabulate(rows, headers=["where", "severity", "status", "code", "message"], tablefmt="simple",
                            maxcolwidths=[None, None, None, None, 90]))
    if opened:  # figures no rule takes: a section of their own
        out.append("open comparables (no rule):")
        out.append(tabulate(opened, headers=["where", "severity", "status", "code", "message"], tablefmt="simple",
                            maxcolwidths=[None, None, None, None, 90]))
    for s in run.stale:
        out.append(printable(f"stale accepted entry (line {s.line}): {s.fingerprint} matches no finding any more "
                             f"({s.reason})"))
    out += [printable(line) for line in shown_warnings([w for ws in run.warnings.values() for w in ws])]
    out.append(summary(run))
    return "\n".join(out) + "\n"


MAX_WARNINGS = 20  # a terminal shows this many; an archive of thousands of bare files would bury the findings


def shown_warnings(warnings: list[str], limit: int = MAX_WARNINGS) -> list[str]:
    """The warning lines a terminal shows: the first ``limit``, then how many more (all are in the JSON)."""
    out = [f"warning: {w}" for w in warnings[:limit]]
    if len(warnings) > limit:
        out.append(f"warning: … and {len(warnings) - limit} more (every article's warnings are in --format json)")
    return out
