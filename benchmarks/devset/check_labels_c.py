"""Check a hand-labelled development set against its dump: every ``before + text`` must occur in its article.

    python benchmarks/devset/check_labels_c.py benchmarks/devset/labels_partners_c.yaml \
        [--dump ../shared/bench/news_vi.txt.xz]

Articles are numbered as ``../shared/devset/dump.py`` numbers them (separated by ``=====`` lines, surrounding blank
lines stripped). Both sides are compared after NFC, with zero-width characters removed and whitespace collapsed to
one space, so the dump's NFD text and line breaks do not matter. The field values are checked too (kind, period
kind, modality, metric id). Prints one line per problem, naming the file, article and claim; exits 1 if any.
"""

from __future__ import annotations

import argparse
import lzma
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BENCHES = [ROOT.parent / "shared" / "bench", ROOT.parent.parent / "shared" / "bench"]  # clone, or a worktree
KINDS = {"money", "count", "percent", "rank"}
PERIOD_KINDS = {"year", "quarter", "month", "partial", "cumulative", "span", "none"}
MODALITIES = {"actual", "estimate", "forecast", "target", "pledge"}
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def normalise(text: str) -> str:
    """NFC, zero-width characters removed, runs of whitespace collapsed to one space, ends stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(ZERO_WIDTH)).strip()


def articles(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (number, text) for every article of a dump, numbered from 0 as ``dump.py`` does."""
    n, buf = 0, []
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.rstrip("\n") == "=====":
                yield n, "".join(buf).strip("\n")
                n, buf = n + 1, []
            else:
                buf.append(line)
    if "".join(buf).strip():
        yield n, "".join(buf).strip("\n")


def problems(labels: dict, texts: dict[int, str], where: str) -> list[str]:
    """List what is wrong with one labels file, given the normalised text of its articles."""
    out = []
    metrics = set(labels.get("metrics") or {})
    for art in labels.get("articles") or []:
        number = art.get("number")
        if number not in texts:
            out.append(f"{where}: article {number}: not in the dump")
            continue
        doc = texts[number]
        for i, claim in enumerate(art.get("claims") or [], 1):
            at = f"{where}: article {number}, claim {i} ({claim.get('text')!r})"
            needle = normalise(str(claim.get("before", "")) + str(claim.get("text", "")))
            if not claim.get("text") or needle not in doc:
                out.append(f"{at}: before + text not found in the article")
            for key, allowed in (("kind", KINDS), ("period_kind", PERIOD_KINDS), ("modality", MODALITIES)):
                if claim.get(key) not in allowed:
                    out.append(f"{at}: {key} {claim.get(key)!r} is not one of {sorted(allowed)}")
            if claim.get("metric") is not None and claim["metric"] not in metrics:
                out.append(f"{at}: metric {claim['metric']!r} is not listed under metrics:")
    return out


def main() -> None:
    """Check the labels files given on the command line; exit 1 if anything is wrong."""
    ap = argparse.ArgumentParser()
    ap.add_argument("labels", type=Path, nargs="+")
    ap.add_argument("--dump", type=Path, help="the dump (default: ../shared/bench/<the file's dump:>, "
                    "looked for beside the clone and beside its worktree folder)")
    args = ap.parse_args()
    found = []
    for path in args.labels:
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        dump = args.dump or next((b / labels["dump"] for b in BENCHES if (b / labels["dump"]).exists()),
                                 BENCHES[0] / labels["dump"])
        if not dump.exists():
            sys.exit(f"{path}: dump {dump} not found; give it with --dump")
        wanted = {a["number"] for a in labels["articles"]}
        texts = {n: normalise(t) for n, t in articles(dump) if n in wanted}
        found += problems(labels, texts, str(path))
        claims = sum(len(a.get("claims") or []) for a in labels["articles"])
        print(f"{path}: {len(labels['articles'])} articles, {claims} claims checked against {dump}")
    for line in found:
        print(line)
    print("all found" if not found else f"{len(found)} problem(s)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
