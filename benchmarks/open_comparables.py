"""Open comparables (FL107) over a claims table: how many findings each similarity threshold gives, for reading.

    factlint extract DIR --format csv -o claims.csv --no-cache --jobs 2
    python benchmarks/open_comparables.py claims.csv [--thresholds 0.1,0.15,0.2,0.25] [--samples 50]

For each threshold of :data:`factlint.checks.open_comparables.MIN_SIMILARITY`, the number of findings; then
every finding at the lowest threshold (up to ``--samples``, drawn at random, seeded) with the similarity of its
closest pair and the two sentences, the figure in [[brackets]], for a reader to judge whether the two figures
are one quantity reported differently. Prints; writes nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

import factlint.checks.open_comparables as oc
from factlint.checks.common import CheckConfig, FxTable

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path) -> pd.DataFrame:
    """The claims table of a ``factlint extract --format csv`` file."""
    df = pd.read_csv(path, keep_default_na=False, low_memory=False, dtype=str)
    for c in ("value", "low", "high"):
        df[c] = pd.to_numeric(df[c], errors="coerce")
    for c in ("line", "column", "end_line", "end_column"):
        df[c] = df[c].astype(int)
    for c in ("low_open", "high_open"):
        df[c] = df[c] == "True"
    return df


def quote(loc) -> str:  # noqa: ANN001 - a Location
    s, i = loc.sentence, loc.sentence.find(loc.text)
    j = i + len(loc.text)
    return f"[{loc.article}:{loc.line}] …{s[max(0, i - 160):i]}[[{loc.text}]]{s[j:j + 60]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("claims", type=Path)
    ap.add_argument("--thresholds", default="0.1,0.15,0.2,0.25")
    ap.add_argument("--samples", type=int, default=50)
    args = ap.parse_args()
    df = load(args.claims)
    fx = FxTable.load(ROOT / "claims" / "reference" / "fx.yaml")
    print(f"{len(df):,} claims; {len(oc.open_claims(df)):,} open claims the grouping keeps")
    found = {}
    for t in sorted(float(x) for x in args.thresholds.split(",")):
        oc.MIN_SIMILARITY = t
        t0 = time.perf_counter()
        found[t] = oc.check_open_comparables(df, CheckConfig(), fx)
        print(f"MIN_SIMILARITY {t:.2f}: {len(found[t])} findings ({time.perf_counter() - t0:.2f} s)")
    lowest = found[min(found)]
    rows = []
    for f in random.Random(0).sample(lowest, min(args.samples, len(lowest))):
        primary, *rest = f.locations
        best = max(rest, key=lambda o: oc.similarity(primary.sentence, o.sentence))
        rows.append((oc.similarity(primary.sentence, best.sentence), f, primary, best))
    for s, f, primary, best in sorted(rows, key=lambda r: -r[0]):
        print(f"\n{s:.2f} {f.data['group']}\n  {quote(primary)}\n  {quote(best)}")


if __name__ == "__main__":
    main()
