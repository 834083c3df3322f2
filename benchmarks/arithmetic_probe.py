"""The stated-arithmetic checks (FL106, FL204–FL208) over real news: what they find and what they read.

    python benchmarks/arithmetic_probe.py ../shared/bench/news_vi.txt.xz --mb 200 [--samples 30]

Reads the dump like ``real_news.py`` (one temporary file an article, the rules in ``claims/``), builds the claims
table once, and runs the checks twice: with the configured tolerance (the findings), and with a tolerance of
-50 %, which turns every structure the checks read (a total and its parts, a share and its whole, a change and
its two figures, a ratio, a headline and its body figure) into a finding, so that a reader can judge how well
the structures are read, not only whether they disagree. Prints counts and samples (seeded); writes nothing
into the repository.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import dump_articles  # noqa: E402

from factlint.checks.arithmetic import check_arithmetic  # noqa: E402
from factlint.checks.common import CheckConfig  # noqa: E402
from factlint.checks.restatement import check_restatements  # noqa: E402
from factlint.suite import run  # noqa: E402

PROBE = -0.5  # a tolerance below zero: no structure agrees, every one read is shown


def _sample(findings: list, n: int, seed: int) -> list[str]:
    by_code = collections.defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    rng = random.Random(seed)
    lines = []
    for code, fs in sorted(by_code.items()):
        lines.append(f"{code}: {len(fs)}")
        for f in rng.sample(fs, min(n, len(fs))):
            lines.append(f"  - {f.locations[0].article}:{f.locations[0].line} {f.message[:200]}")
            lines.append(f"    {f.locations[0].sentence[:300]}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", type=Path)
    ap.add_argument("--mb", type=float, default=30)
    ap.add_argument("--samples", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    texts = dump_articles(args.dump, args.mb)
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:05d}.md").write_text(text, encoding="utf-8")
        df = run([tmp], ROOT / "claims", None, jobs=args.jobs).claims
    cfg = CheckConfig.load(ROOT / "claims")
    t0 = time.perf_counter()
    found = check_restatements(df, cfg) + check_arithmetic(df, cfg)
    seconds = time.perf_counter() - t0
    probe_cfg = CheckConfig(arithmetic_tolerance=PROBE)
    read = check_restatements(df, probe_cfg) + check_arithmetic(df, probe_cfg)
    print(f"{len(texts):,} articles, {len(df):,} claims; the checks took {seconds:.1f} s")
    print("Findings at the configured tolerance:")
    print("\n".join(_sample(found, args.samples, args.seed)) or "  none")
    print(f"Structures read (tolerance {PROBE:.0%}):")
    print("\n".join(_sample(read, args.samples, args.seed)) or "  none")


if __name__ == "__main__":
    main()
