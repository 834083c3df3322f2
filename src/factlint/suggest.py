"""Rule drafts for recurring open groups: ``factlint rules suggest``.

An open group (``factlint.checks.open_comparables``) seen in enough articles is a quantity the corpus keeps
reporting without a rule. Each becomes a draft rule bound to attribution (``subject:``, ``measure:``,
``period_kind:``, ``modality:``), with positive examples quoted from the corpus (their value and period as
extracted) and negative examples from a near-miss group (the same measure of another subject, or another
measure of the same subject). Every example is run through the drafts before it is written: only examples that
pass as written are kept, and a draft left without a positive and a negative example is not written.
"""

from __future__ import annotations

import math
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import regex
import yaml

from factlint.checks.open_comparables import open_claims
from factlint.rules import RuleSet, load_rules, run_example

MAX_POSITIVE = 3  # positive examples kept per draft
MAX_NEGATIVE = 2  # negative examples kept per draft
MAX_TRIED = 8  # candidate sentences tried per draft and side
DRAFT_SLACK = 2.0  # a drafted range runs from the smallest figure seen over this to the largest times this


@dataclass(frozen=True)
class Draft:
    """One drafted rule: the rule as a mapping, and where its examples were quoted from."""

    rule: dict
    articles: int
    sources: tuple[str, ...]


def _slug(text: str) -> str:
    """"VN:Đà Nẵng" -> "vn_da_nang" (a metric id segment)."""
    flat = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    flat = "".join(c for c in flat if not unicodedata.combining(c))
    return regex.sub(r"[^a-z0-9]+", "_", flat.lower()).strip("_") or "any"


def key_pattern(key: str) -> str:
    """A ``subject:``/``measure:`` pattern that takes exactly the attributed key (after the written form)."""
    return rf"\x1f(?-i:{regex.escape(key, special_only=True, literal_spaces=True)})$"


def _example(row: dict, claims: list[dict] | None) -> dict:
    ex: dict = {"text": row["sentence"]}
    if row["published"]:
        ex["published"] = row["published"]
    ex["claims"] = claims if claims is not None else []
    return ex


def _expected(row: dict, metric: str) -> dict:
    return {"metric": metric, "value": float(row["value"]), "unit": row["unit"], "period": row["period"],
            "text": row["text"]}


def _drafts(d: pd.DataFrame, min_articles: int) -> list[tuple[dict, pd.DataFrame, pd.DataFrame, int]]:
    """(rule without examples, positive candidates, negative candidates, articles) per recurring group."""
    out = []
    keys = ["subject_key", "measure_key", "kind", "period_kind", "modality"]
    used: set[str] = set()
    for (subject, measure, kind, period_kind, modality), g in d.groupby(keys, sort=True):
        n = g["article"].nunique()
        if n < min_articles:
            continue
        metric = f"{_slug(measure)}.{_slug(subject)}.{period_kind}" + ("" if modality == "actual" else f"_{modality}")
        if metric in used:  # the same measure counted and priced ("tấn" and "USD" of imports): one rule each
            metric = f"{metric}_{kind}"
        used.add(metric)
        first = g.iloc[0]
        rule = {
            "metric": metric,
            "description": f"{first['measure'] or measure} of {first['subject'] or subject}, by {period_kind} "
                           f"({modality}); drafted from {n} articles",
            "kind": kind,
            "unit": sorted(set(g["unit"])),
            "subject": [key_pattern(subject)],
            "measure": [key_pattern(measure)],
            "period_kind": [period_kind],
            "modality": [modality],
        }
        expect = draft_expect(g, period_kind)
        if expect:
            rule["expect"] = expect
        near = d[(d["kind"] == kind) & (((d["measure_key"] == measure) & (d["subject_key"] != subject))
                                         | ((d["subject_key"] == subject) & (d["measure_key"] != measure)))]
        positives = g.drop_duplicates("article").head(MAX_TRIED)
        negatives = near.drop_duplicates("sentence").head(MAX_TRIED)
        out.append((rule, positives, negatives, n))
    return out


def draft_expect(g: pd.DataFrame, period_kind: str) -> dict:
    """Expectations drafted from the figures a group was seen with, for a person to review.

    A ``range`` from half the smallest to twice the largest figure (in the most common unit), and ``monotonic``
    for a stock whose figures never fell over its dates.
    """
    seen = g.dropna(subset=["value"])
    if seen.empty:
        return {}
    unit = seen["unit"].mode().iloc[0]
    values = seen[seen["unit"] == unit]
    lo, hi = float(values["value"].min()), float(values["value"].max())
    bounds: dict = {"min": _round(lo / DRAFT_SLACK, math.floor), "max": _round(hi * DRAFT_SLACK, math.ceil)}
    if unit == "%" and hi <= 100:
        bounds["max"] = min(bounds["max"], 100.0)
    if g["unit"].nunique() > 1 or g["kind"].iloc[0] == "money":
        bounds["unit"] = unit
    out: dict = {"range": [bounds]}
    by_date = values.groupby("period")["value"].median().sort_index()
    if period_kind == "cumulative" and len(by_date) >= 2 and by_date.is_monotonic_increasing:
        out["monotonic"] = "non_decreasing"
    return out


def _round(x: float, way: Callable[[float], int]) -> float:
    """Two significant figures, rounded outward (``way``): a drafted bound is an order of magnitude."""
    if x == 0:
        return 0.0
    scale = 10 ** (math.floor(math.log10(abs(x))) - 1)
    return float(way(x / scale) * scale)


def _load(rules: list[dict], beside: Path | None) -> RuleSet:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "drafts.yaml"
        path.write_text(yaml.safe_dump({"rules": rules}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_rules([path] + ([beside] if beside is not None else []))


def suggest(claims: pd.DataFrame, min_articles: int = 3, beside: Path | None = None) -> list[Draft]:
    """Drafts for the open groups of ``claims`` seen in at least ``min_articles`` articles.

    Args:
        claims: The claims table (claims a rule took are not open and are left out).
        min_articles: How many articles must report a group for it to be drafted.
        beside: The rules the drafts will join (``claims/``): examples are run with them, so that a draft's
            examples still pass once it is moved there.

    Returns:
        One draft per recurring group whose examples pass as written, in group order.
    """
    found = _drafts(open_claims(claims), min_articles)
    if not found:
        return []
    # every candidate example, run through all drafts at once: an example passes only if no other draft takes it
    trial = []
    for rule, pos, neg, _ in found:
        examples = [_example(r, [_expected(r, rule["metric"])]) for r in pos.to_dict("records")]
        examples += [_example(r, []) for r in neg.to_dict("records")]
        trial.append({**rule, "examples": examples or [{"text": "-", "claims": []}]})
    rs = _load(trial, beside)
    out = []
    for lr, (rule, pos, neg, n) in zip(rs.rules[:len(found)], found, strict=True):
        keep, sources = [], []
        for row, ex in zip(list(pos.to_dict("records")) + list(neg.to_dict("records")), lr.rule.examples,
                           strict=False):
            problems, got = run_example(rs, lr, ex)
            positive = bool(ex.claims)
            if positive and problems and got:  # more figures of the metric than the one expected: list them all
                want = [{"metric": rule["metric"], "value": float(v), "unit": u, "period": p, "text": t}
                        for t, _, v, u, p in got if v is not None]
                ex = ex.model_copy(update={"claims": [type(ex.claims[0])(**w) for w in want]})
                problems, _ = run_example(rs, lr, ex)
                if not any(w["text"] == row["text"] and w["period"] == row["period"] for w in want):
                    continue
            if problems:
                continue
            if sum(1 for k in keep if bool(k["claims"]) == positive) >= (MAX_POSITIVE if positive else MAX_NEGATIVE):
                continue
            keep.append(ex.model_dump(mode="json", exclude_defaults=True)
                        | ({"claims": []} if not positive else {}))
            sources.append(f"{row['path']}:{row['line']}")
        if any(k["claims"] for k in keep) and any(not k["claims"] for k in keep):
            out.append(Draft({**rule, "examples": keep}, n, tuple(sources)))
    return out


def drafts_yaml(drafts: list[Draft]) -> str:
    """The drafts as a rule file, each rule headed by a comment naming where its examples come from."""
    lines = ["# Rule drafts written by `factlint rules suggest`: review each (metric id, description, patterns,",
             "# examples), then move it into a file of claims/ and run `pytest -k <metric>`.",
             "description: Drafted rules for recurring open groups.", "rules:"]
    for d in drafts:
        lines.append(f"  # {d.articles} articles; examples from {', '.join(d.sources)}")
        if "expect" in d.rule:
            lines.append("  # expect: a DRAFT from the figures seen (range: half the smallest to twice the largest);"
                         " set the bounds from what you know")
        body = yaml.safe_dump([d.rule], allow_unicode=True, sort_keys=False, width=110)
        lines += ["  " + x if x else x for x in body.splitlines()]
    if not drafts:
        lines[-1] = "rules: []"
    return "\n".join(lines) + "\n"
