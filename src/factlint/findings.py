"""Findings and locations as plain data; stable fingerprints; the accepted-findings file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from factlint.config import parse_yaml
from factlint.corpus.article import source_ref

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: an article and a span in its original file (1-based)."""

    article: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    sentence: str = ""

    @property
    def source(self) -> str:
        """The file, or ``file#id`` when the article is a row of a table (the line is then inside its text)."""
        return source_ref(self.path, self.article)


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy.

    Attributes:
        code: Stable code (``FL101``); codes are fields, never parsed out of messages.
        check: The check type that raised it (``agreement``, ``sum``, ``rank``…).
        severity: ``error``, ``warning`` or ``info``.
        metric: The metric concerned (empty for typos).
        message: Both sides and the difference, in words.
        locations: Every location involved; the first is the primary one.
        case: The test case it belongs to (``metric-period``, or an article id for typos).
        key: What identifies the finding apart from positions (used for the fingerprint).
        status: ``new`` or ``accepted``.
        reason: Why it was accepted (from the accepted-findings file).
        data: Extra figures for reports (intervals, the gap), never needed to understand the message.
    """

    code: str
    check: str
    severity: str
    metric: str
    message: str
    locations: tuple[Location, ...]
    case: str
    key: str = ""
    status: str = "new"
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def fingerprint(self) -> str:
        """A hash of code, metric, case, key and the quoted texts: stable when unrelated lines move."""
        parts = [self.code, self.metric, self.case, self.key]
        parts += sorted(f"{loc.article}\x1f{loc.text}" for loc in self.locations)
        return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Accepted:
    """A reviewed finding that is known and accepted."""

    fingerprint: str
    reason: str
    code: str = ""
    check: str = ""
    case: str = ""
    note: str = ""
    line: int = 0


class AcceptedError(Exception):
    """A broken accepted-findings file (names the file, line and key)."""


def load_accepted(path: Path | None) -> list[Accepted]:
    """Read ``checks/accepted.yaml`` (an absent file means nothing is accepted).

    Raises:
        AcceptedError: Malformed YAML, an entry without fingerprint or reason, an unknown key.
    """
    if path is None or not path.exists():
        return []
    root, data = parse_yaml(path, AcceptedError)
    if root is None:
        return []
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise AcceptedError(f"{path}:1: accepted: expected a list of entries under 'accepted:'")
    seq = next((v for k, v in root.value if k.value == "accepted"), None)
    out = []
    allowed = {"fingerprint", "reason", "code", "check", "case", "note"}
    for i, entry in enumerate(entries):
        line = seq.value[i].start_mark.line + 1 if seq is not None else 1
        if not isinstance(entry, dict):
            raise AcceptedError(f"{path}:{line}: accepted[{i}]: expected a mapping")
        unknown = set(entry) - allowed
        if unknown:
            raise AcceptedError(f"{path}:{line}: accepted[{i}].{sorted(unknown)[0]}: unknown key")
        for key in ("fingerprint", "reason"):
            if entry.get(key) is None or not str(entry[key]).strip():
                raise AcceptedError(f"{path}:{line}: accepted[{i}].{key}: required")
        # the fingerprint as written: YAML would read "0012…" as the number 12
        raw = next(v.value for k, v in seq.value[i].value if k.value == "fingerprint") if seq is not None else None
        out.append(Accepted(str(raw or entry["fingerprint"]), str(entry["reason"]), str(entry.get("code", "")),
                            str(entry.get("check", "")), str(entry.get("case", "")), str(entry.get("note", "")),
                            line))
    return out


def apply_accepted(findings: list[Finding], accepted: list[Accepted]) -> tuple[list[Finding], list[Accepted]]:
    """Mark accepted findings; return all findings and the accepted entries that matched nothing (stale)."""
    by_fp = {a.fingerprint: a for a in accepted}
    used = set()
    out = []
    for f in findings:
        a = by_fp.get(f.fingerprint)
        if a is not None:
            used.add(a.fingerprint)
            f = replace(f, status="accepted", reason=a.reason)
        out.append(f)
    return out, [a for a in accepted if a.fingerprint not in used]


def accepted_entries(findings: list[Finding]) -> str:
    """YAML entries for ``--update-accepted``: one per new finding, with a reason to fill in."""
    items = []
    for f in findings:
        loc = f.locations[0] if f.locations else None
        where = f"{loc.path}:{loc.line} {loc.text!r}" if loc else ""
        items.append({"fingerprint": f.fingerprint, "code": f.code, "check": f.check, "case": f.case,
                      "note": f"{where} — {f.message}"[:300], "reason": "TODO: say why this is acceptable"})
    return yaml.safe_dump({"accepted": items}, allow_unicode=True, sort_keys=False, width=110)
