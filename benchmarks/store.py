"""The claims store and re-runs on real news: index, re-index, a draft against the store, cold and cached checks.

    python benchmarks/store.py ../shared/bench/news_vi.txt.xz --mb 200 [--jobs 2] [--out FILE] [--corpus DIR]
                               [--baseline PYTHON]

The dump's articles are written one file each to a temporary folder (as ``real_news.py`` does). Timed, each in
a fresh process: ``factlint index`` (first), ``factlint index`` again with nothing changed, the same after one
article changed, ``factlint check DRAFT.md --against STORE`` for a draft (one of the dump's articles, with a
digit changed), then ``factlint check`` over the archive without a cache (cold) and again (cached). Peak memory
is the largest resident set among the command's processes (GNU ``time``). The load average before each command
says whether the machine was shared. With ``--baseline PYTHON`` (the interpreter of another checkout, e.g. the
commit before a change), each command is run with it too, right after, in a store of its own: before and after
under the same load. Writes ``benchmarks/results_store.md`` (or ``--out``).
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


def timed(args: list[str], cwd: Path, python: bool = False, interpreter: str = sys.executable
          ) -> tuple[float, float, str]:
    """Seconds, peak resident MB (the largest of the command's processes, GNU time) and stderr of a command.

    What it said ends with the load average of the minute before it started.
    """
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    preamble = "import sys; from pathlib import Path; "
    command = ([interpreter, "-c", preamble + args[0]] if python
               else [interpreter, "-c", "from factlint.cli import main; main()", *args])
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
    ap.add_argument("--baseline", default=None, metavar="PYTHON",
                    help="also time each command with this interpreter (another checkout's), right after")
    args = ap.parse_args()
    texts = [] if args.corpus else dump_articles(args.dump, args.mb)
    rules = ["--rules", str(ROOT / "claims")]
    jobs = ["--jobs", str(args.jobs)]
    sides = {"after": sys.executable, **({"before": args.baseline} if args.baseline else {})}
    rows: list[tuple[str, dict[str, tuple[float, float, str]]]] = []
    sizes = {}
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
        for side in sides:  # each side its own store and cache, on the one corpus
            (work / side).mkdir()
            (work / side / "archive").symlink_to(corpus.resolve())
            (work / side / "draft.md").write_text(texts[200].replace("2", "3", 1), encoding="utf-8")

        def step(name: str, command: list[str], python: bool = False) -> None:
            rows.append((name, {side: timed(command, work / side, python, py) for side, py in sides.items()}))

        # extraction to the store alone (store.index: no summary), for the memory of streaming extraction
        step("store.index (extraction only)",
             [f"from factlint.store import index; print(index(['archive'], Path({str(ROOT / 'claims')!r}), "
              f"Path('.factlint-x'), jobs={args.jobs}), file=sys.stderr)"], python=True)
        step("index (first, with the summary)", ["index", "archive", *rules, *jobs])
        for side in sides:
            files = [p for p in (work / side / ".factlint").rglob("*") if p.is_file()]
            sizes[side] = (sum(p.stat().st_size for p in files),
                           {d: sum(p.stat().st_size for p in files if p.relative_to(work / side / ".factlint").parts[0]
                                   == d) for d in ("claims", "mentions", "texts")})
        step("index (nothing changed)", ["index", "archive", *rules, *jobs])
        victim = corpus / "00100.md"
        before = victim.read_text(encoding="utf-8")
        victim.write_text(before + "\nNăm 2023, kim ngạch thương mại đạt 5 tỷ USD.\n", encoding="utf-8")
        try:
            step("index (one article changed)", ["index", "archive", *rules, *jobs])
        finally:
            victim.write_text(before, encoding="utf-8")  # the corpus as it was (a --corpus folder is not ours)
        against = ["check", "draft.md", "--against", ".factlint", *rules, "--format", "json", "--fail-on", "never",
                   "--jobs", "1"]
        step("check draft.md --against .factlint", against)
        step("check draft.md --against .factlint (again)", against)
        full = ["check", "archive", *rules, *jobs, "--format", "json", "--fail-on", "never", "-o", "findings.json"]
        step("check archive (cold: no cache yet)", full)
        step("check archive (cached re-run)", full)
    head = "| command | time | peak memory |" + (" before: time | before: peak |" if args.baseline else "")
    lines = [
        "# The claims store on real news", "",
        f"Command: `python benchmarks/store.py {' '.join(sys.argv[1:])}`  ",
        f"{len(texts):,} articles, {mb:.0f} MB of text; each command in a fresh process, `--jobs {args.jobs}`."
        + (" \"before\" is the baseline interpreter's checkout, run right after each command." if args.baseline
           else ""), "",
        head + " what it said |", "| --- | ---: | ---: |" + (" ---: | ---: |" if args.baseline else "") + " --- |",
        *(f"| `{name}` | " + " | ".join(f"{got[side][0]:.1f} s | {got[side][1]:,.0f} MB" for side in sides)
          + f" | {got['after'][2]} |" for name, got in rows), "",
        *(f"Cached re-run / cold run ({side}): {rows[-1][1][side][0] / rows[-2][1][side][0]:.1%}." for side in sides),
        "",
        *(f"Store size on disk ({side}): {size / 1e6:.1f} MB (claims {parts['claims'] / 1e6:.1f} MB, mentions "
          f"{parts['mentions'] / 1e6:.1f} MB, texts {parts['texts'] / 1e6:.1f} MB, the rest (manifest, summary, "
          f"names) {(size - sum(parts.values())) / 1e6:.1f} MB)." for side, (size, parts) in sizes.items()),
        "",
        "Peak memory is the largest resident set among the command's processes (GNU `time -f %M`).",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
