"""Run the whole check suite over real news and record what it reports: a robustness and precision probe.

    python benchmarks/real_news.py ../shared/bench/news_vi.txt.xz --mb 40 [--samples 12]

The dump's articles (separated by ``=====`` lines, NFD, zero-width spaces and all, no front matter) are
written one file each to a temporary folder and checked with ``factlint check --format json``. Writes
``benchmarks/results_real_news.md``: articles read and failed, claims, findings by code, the time, the
claims the rules tagged with a metric, and a few findings of each code drawn at random (seeded), for a reader
to judge by eye. The articles themselves are never copied into the repository.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import dump_articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", type=Path)
    ap.add_argument("--mb", type=float, default=30, help="MB of text to read (past the end: the whole dump)")
    ap.add_argument("--samples", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results_real_news.md",
                    help="results file; its first section is replaced, the sections after it are kept")
    args = ap.parse_args()
    texts = dump_articles(args.dump, args.mb)
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:05d}.md").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        cmd = [sys.executable, "-c", "from factlint.cli import main; main()", "check", tmp, "--format", "json",
               "--no-cache", "--jobs", str(args.jobs), "--rules", str(ROOT / "claims"),
               "--accepted", str(ROOT / "checks" / "accepted.yaml")]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest process, in MB
        table = Path(tmp) / "claims.csv"  # untimed: which claims the rules tagged, for the precision of the rules
        subprocess.run([*cmd[:3], "extract", tmp, "--format", "csv", "-o", str(table), "--no-cache",
                        "--jobs", str(args.jobs), "--rules", str(ROOT / "claims")], cwd=ROOT, check=True,
                       capture_output=True)
        with table.open(encoding="utf-8", newline="") as fh:
            tagged = collections.Counter(row["metric"] for row in csv.DictReader(fh) if row["metric"])
        expect_seconds = _time_expectations(table)
    if out.returncode == 2:
        sys.exit(out.stderr)
    report = json.loads(out.stdout)
    status = collections.Counter(a["status"] for a in report["articles"])
    by_code = collections.defaultdict(list)
    for f in report["findings"]:
        by_code[f["code"]].append(f)
    rng = random.Random(0)
    lines = [
        "# The check suite over real news", "",
        f"Command: `python benchmarks/real_news.py {' '.join(sys.argv[1:])}`  ",
        f"{len(texts):,} articles ({sum(len(t.encode()) for t in texts) / 1e6:.0f} MB of text from the dump), "
        f"read {status['ok']:,}, unreadable "
        f"{status['error']:,}; {report['claims']:,} claims; {len(report['findings']):,} findings; "
        f"`factlint check --jobs {args.jobs}` took {seconds:.1f} s (wall); its largest process peaked at "
        f"{peak_mb:,.0f} MB.", "",
        "| code | findings |", "| --- | ---: |",
        *(f"| {code} | {len(fs):,} |" for code, fs in sorted(by_code.items())), "",
        f"Claims the rules tagged with a metric: {sum(tagged.values()):,}"
        + (f" ({', '.join(f'{m} {n}' for m, n in sorted(tagged.items()))})." if tagged else "."), "",
        f"Up to {args.samples} findings of each code, drawn at random:", "",
    ]
    expected = [f for f in report["findings"] if f["check"] == "expectation"]
    lines += [
        "## Expectations (FL701-FL706)", "",
        f"{len(expected):,} expectation findings; validating the claims table against the metrics' schemas took "
        f"{expect_seconds:.2f} s ({expect_seconds / seconds:.1%} of the end-to-end run).", "",
        *(f"- {f['code']} {f['message'][:300]}" for f in (expected if len(expected) < 30
                                                            else rng.sample(expected, 30))), "",
    ]
    for code, fs in sorted(by_code.items()):
        lines.append(f"## {code}")
        lines.append("")
        lines += [f"- {f['message'][:240]}" for f in rng.sample(fs, min(args.samples, len(fs)))]
        lines.append("")
    text = "\n".join(lines)
    out = args.output
    if out.exists():  # other probes add sections of their own below this one: keep them
        old = out.read_text(encoding="utf-8")
        rest = old.find("\n# ", 1)
        text = text.rstrip("\n") + "\n\n" + (old[rest + 1:] if rest >= 0 else "")
    out.write_text(text, encoding="utf-8")
    print(text)


def _time_expectations(table: Path) -> float:
    """Seconds to validate the extracted claims table against every metric's expectation schema (median of 3)."""
    import pandas as pd

    from factlint.checks.expectations import check_expectations
    from factlint.expectations import build_schemas
    from factlint.rules import load_rules

    df = pd.read_csv(table, keep_default_na=False, na_values={c: [""] for c in ("value", "low", "high")})
    rules = load_rules([ROOT / "claims"])  # loaded by the run anyway
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        check_expectations(df, build_schemas(rules))
        times.append(time.perf_counter() - t0)
    return sorted(times)[1]


if __name__ == "__main__":
    main()
