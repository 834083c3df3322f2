"""Check a hand-labelled development set against the dump it labels: every claim must be found in its article.

    python benchmarks/devset/check_labels.py ../shared/bench/japan_dev.txt.xz [LABELS.yaml ...]

Without label files, every ``labels_*.yaml`` in this folder whose ``dump:`` is the dump's file name is checked.
A claim is found when its ``before + text`` occurs in its article, both normalised the same way (NFC, zero-width
characters removed, runs of whitespace collapsed to one space), at least as many times as the file labels that
same ``before + text`` in that article (a repeated passage is labelled once per occurrence). The fields are
checked too: kind, period_kind, modality and a metric id from the file's ``metrics:`` block (or null). Every
problem is reported with its file and line; the exit status is 1 if there is any. The dump is read article by
article, numbered from 0, exactly as ``../shared/devset/dump.py`` numbers it; no article text is written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import lzma
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"money", "count", "percent", "rank"}
PERIOD_KINDS = {"year", "half", "quarter", "month", "partial", "cumulative", "span", "none"}
MODALITIES = {"actual", "estimate", "forecast", "target", "pledge"}
FIELDS = ("text", "before", "kind", "value", "unit", "subject", "measure", "period", "period_kind", "modality",
          "metric", "note")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normalise(text: str) -> str:
    """NFC, zero-width characters and soft hyphens removed, whitespace runs collapsed to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(ZERO_WIDTH))


def articles(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (number, text) for every article of an ``=====``-separated ``.xz`` dump, numbered from 0."""
    n, buf = 0, []
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.rstrip("\n") == "=====":
                yield n, "".join(buf).strip("\n")
                n, buf = n + 1, []
            else:
                buf.append(line)
    if "".join(buf).strip():
        yield n, "".join(buf).strip("\n")


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line (1-based) under the key ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def check_file(labels: Path, texts: dict[int, str]) -> list[str]:
    """Return one message per problem in one labels file (empty if every claim is found and well formed)."""
    try:
        doc = yaml.load(labels.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        return [f"{labels}: not valid YAML: {e}"]
    if not isinstance(doc, dict) or not isinstance(doc.get("articles"), list):
        return [f"{labels}: no 'articles:' list"]
    metrics = set(doc.get("metrics") or {}) - {"__line__"}
    problems = []
    for art in doc["articles"]:
        where = f"{labels}:{art.get('__line__')}"
        number = art.get("number")
        if number not in texts:
            problems.append(f"{where}: article {number!r} is not in the dump")
            continue
        article = normalise(texts[number])
        wanted: collections.Counter[str] = collections.Counter()
        for claim in art.get("claims") or []:
            at = f"{labels}:{claim.get('__line__')}: article {number}"
            missing = [k for k in FIELDS if k not in claim]
            if missing:
                problems.append(f"{at}: claim {claim.get('text')!r} lacks {', '.join(missing)}")
                continue
            for key, allowed in (("kind", KINDS), ("period_kind", PERIOD_KINDS), ("modality", MODALITIES)):
                if claim[key] not in allowed:
                    problems.append(f"{at}: claim {claim['text']!r} has {key} {claim[key]!r}, not one of "
                                    f"{', '.join(sorted(allowed))}")
            if claim["metric"] is not None and claim["metric"] not in metrics:
                problems.append(f"{at}: claim {claim['text']!r} has metric {claim['metric']!r}, not in 'metrics:'")
            needle = normalise(f"{claim['before']}{claim['text']}")
            wanted[needle] += 1
            found = article.count(needle)
            if found == 0:
                problems.append(f"{at}: before + text not found: {needle!r}")
            elif wanted[needle] > found:
                problems.append(f"{at}: before + text labelled {wanted[needle]} times but found {found}: {needle!r}")
    return problems


def main() -> int:
    """Check the label files given (or this folder's, for the dump) and print every problem."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="the .xz dump the labels locate their articles in")
    ap.add_argument("labels", type=Path, nargs="*", help="label files (default: this folder's, for this dump)")
    args = ap.parse_args()
    files = args.labels or [p for p in sorted(HERE.glob("labels_*.yaml"))
                            if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("dump") == args.dump.name]
    if not files:
        print(f"no labels_*.yaml in {HERE} for {args.dump.name}", file=sys.stderr)
        return 1
    texts = dict(articles(args.dump))
    bad = 0
    for path in files:
        problems = check_file(path, texts)
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        claims = sum(len(a.get("claims") or []) for a in doc.get("articles") or [])
        print(f"{path}: {len(doc.get('articles') or [])} articles, {claims} claims, {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
