"""The claims store and re-runs on real news: index, re-index, a draft against the store, cold and cached checks.

    python benchmarks/store.py ../shared/bench/news_vi.txt.xz --mb 200 [--jobs 2] [--out FILE] [--corpus DIR]

The dump's articles are written one file each to a temporary folder (as ``real_news.py`` does). Timed, each in
a fresh process: ``factlint index`` (first), ``factlint index`` again with nothing changed, the same after one
article changed, ``factlint check DRAFT.md --against STORE`` for a draft (one of the dump's articles, with a
digit changed), then ``factlint check`` over the archive without a cache (cold) and again (cached). Peak memory
is the largest resident set among the command's processes (GNU ``time``). The load average before each command
says whether the machine was shared. Writes ``benchmarks/results_store.md`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import dump_articles  # noqa: E402

FACTLINT = [sys.executable, "-c", "from factlint.cli import main; main()"]


def timed(args: list[str], cwd: Path, python: bool = False) -> tuple[float, float, str]:
    """Seconds, peak resident MB (the largest of the command's processes, GNU time) and stderr of a command.

    What it said ends with the load average of the minute before it started.
    """
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    preamble = "import sys; from pathlib import Path; "
    command = [sys.executable, "-c", preamble + args[0]] if python else [*FACTLINT, *args]
    out = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M", *command], capture_output=True, text=True,
                         cwd=cwd, check=False)
    seconds = time.perf_counter() - t0
    if out.returncode == 2:
        sys.exit(out.stderr)
    said = [line for line in out.stderr.strip().splitlines() if not line.startswith("peak-kb ")]
    peak = next(int(line.split()[1]) for line in out.stderr.splitlines() if line.startswith("peak-kb "))
    return seconds, peak / 1024, (said[-1] if said else "") + f" (load {load:.1f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", type=Path)
    ap.add_argument("--mb", type=float, default=30, help="MB of text to read (past the end: the whole dump)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results_store.md")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="a folder that holds the dump's articles already (one file each), used in place")
    args = ap.parse_args()
    texts = [] if args.corpus else dump_articles(args.dump, args.mb)
    rules = ["--rules", str(ROOT / "claims")]
    jobs = ["--jobs", str(args.jobs)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "archive"
        if args.corpus:
            corpus.symlink_to(args.corpus.resolve())
            texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))]
        else:
            corpus.mkdir()
            for i, text in enumerate(texts):
                (corpus / f"{i:05d}.md").write_text(text, encoding="utf-8")
        mb = sum(len(t.encode()) for t in texts) / 1e6
        # extraction to the store alone (store.index: no summary), for the memory of streaming extraction
        rows.append(("store.index (extraction only)",
                     *timed([f"from factlint.store import index; print(index(['archive'], "
                             f"Path({str(ROOT / 'claims')!r}), Path('.factlint-x'), jobs={args.jobs}), "
                             "file=sys.stderr)"], work, python=True)))
        rows.append(("index (first, with the summary)", *timed(["index", "archive", *rules, *jobs], work)))
        size = sum(p.stat().st_size for p in (work / ".factlint").rglob("*") if p.is_file())
        parts = {d: sum(p.stat().st_size for p in (work / ".factlint" / d).rglob("*.parquet"))
                 for d in ("claims", "mentions", "texts")}
        parts["summary"] = sum((work / ".factlint" / f).stat().st_size for f in ("summary.pkl", "open.parquet"))
        manifest = (work / ".factlint" / "manifest.json").stat().st_size
        rows.append(("index (nothing changed)", *timed(["index", "archive", *rules, *jobs], work)))
        victim = corpus / "00100.md"
        victim.write_text(victim.read_text(encoding="utf-8") + "\nNăm 2023, kim ngạch thương mại đạt 5 tỷ USD.\n",
                          encoding="utf-8")
        rows.append(("index (one article changed)", *timed(["index", "archive", *rules, *jobs], work)))
        draft = work / "draft.md"
        draft.write_text(texts[200].replace("2", "3", 1), encoding="utf-8")
        against = ["check", "draft.md", "--against", ".factlint", *rules, "--format", "json", "--fail-on", "never",
                   "--jobs", "1"]
        rows.append(("check draft.md --against .factlint", *timed(against, work)))
        rows.append(("check draft.md --against .factlint (again)", *timed(against, work)))
        full = ["check", "archive", *rules, *jobs, "--format", "json", "--fail-on", "never", "-o", "findings.json"]
        rows.append(("check archive (cold: no cache yet)", *timed(full, work)))
        rows.append(("check archive (cached re-run)", *timed(full, work)))
    lines = [
        "# The claims store on real news", "",
        f"Command: `python benchmarks/store.py {' '.join(sys.argv[1:])}`  ",
        f"{len(texts):,} articles, {mb:.0f} MB of text; each command in a fresh process, `--jobs {args.jobs}`.", "",
        "| command | time | peak memory | what it said |", "| --- | ---: | ---: | --- |",
        *(f"| `{name}` | {s:.1f} s | {m:,.0f} MB | {said} |"
          for name, s, m, said in rows), "",
        f"Cached re-run / cold run: {rows[-1][1] / rows[-2][1]:.1%}.", "",
        f"Store size on disk: {size / 1e6:.1f} MB (claims {parts['claims'] / 1e6:.1f} MB, mentions "
        f"{parts['mentions'] / 1e6:.1f} MB, texts {parts['texts'] / 1e6:.1f} MB, manifest {manifest / 1e6:.1f} MB, "
        f"summary {parts['summary'] / 1e6:.1f} MB).",
        "",
        "Peak memory is the largest resident set among the command's processes (GNU `time -f %M`).",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
