"""`factlint check --jobs 2` against `factlint check --dask` (a LocalCluster of 2 workers) on the same corpus.

    python benchmarks/dask_scale.py ../shared/bench/news_vi.txt.xz [--mb 1000] [--record]

The dump's articles are written one file each to a temporary folder (as benchmarks/real_news.py does), then
checked twice with `--format json --no-cache`: on one machine with 2 processes, and on Dask. Each run's wall
time and the peak memory (VmHWM) of every process it starts are read from /proc every 0.2 s; the two JSON
outputs must be byte for byte the same. `--record` writes the table into the "Dask" section of
benchmarks/results.md (replacing the section when it is there).
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

SECTION = "## Dask: `--jobs 2` against `--dask` (LocalCluster, 2 workers)"


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _hwm(pid: int) -> tuple[int, str] | None:
    """Peak resident memory (kB) and a short name of the process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return kb, cmd


def _role(pid: int, main: int, cmd: str) -> str:
    if pid == main:
        return "factlint (client)"
    if "resource_tracker" in cmd:
        return "resource tracker"
    if "spawn_main" in cmd or "forkserver" in cmd:
        return "worker (spawned)"
    return "worker (forked)"


def measure(cmd: list[str]) -> tuple[float, int, dict[int, tuple[str, int]]]:
    """Run ``cmd``; its wall time, exit code and each process's peak memory in MB (by pid: role, MB)."""
    t0 = time.perf_counter()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
    peaks: dict[int, tuple[str, int]] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            got = _hwm(pid)
            if got is not None and got[1]:  # an exiting process has no command line left
                kb, name = got
                peaks[pid] = (_role(pid, proc.pid, name), max(kb // 1024, peaks.get(pid, ("", 0))[1]))
        time.sleep(0.2)
    seconds = time.perf_counter() - t0
    log.seek(0)
    err = log.read().decode(errors="replace")
    for line in err.splitlines():
        if "estart" in line or "emory" in line or "rror" in line:
            print(f"  stderr: {line[:200]}")
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    return seconds, proc.returncode, peaks


def _summary(peaks: dict[int, tuple[str, int]]) -> str:
    by: dict[str, list[int]] = {}
    for role, mb in peaks.values():
        if mb >= 16:  # not a process caught between fork and exec
            by.setdefault(role, []).append(mb)
    return "; ".join(f"{role}: {', '.join(f'{mb:,}' for mb in sorted(mbs, reverse=True))} MB"
                     for role, mbs in sorted(by.items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", type=Path)
    ap.add_argument("--mb", type=float, default=1000, help="MB of text to read (past the end: the whole dump)")
    ap.add_argument("--record", action="store_true", help="write the results into benchmarks/results.md")
    args = ap.parse_args()
    texts = dump_articles(args.dump, args.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:05d}.md").write_text(text, encoding="utf-8")
        base = [sys.executable, "-c", "from factlint.cli import main; main()", "check", tmp, "--format", "json",
                "--no-cache", "--fail-on", "never", "--rules", str(ROOT / "claims"),
                "--accepted", str(ROOT / "checks" / "accepted.yaml"), "--jobs", "2"]
        runs = {}
        for name, extra in (("--jobs 2", []), ("--dask", ["--dask"])):
            out = Path(tmp) / f"{name.strip('-').replace(' ', '')}.json"
            runs[name] = (*measure([*base, "-o", str(out), *extra]), out)
            print(f"{name}: {runs[name][0]:.1f} s; {_summary(runs[name][2])}", flush=True)
        same = runs["--jobs 2"][3].read_bytes() == runs["--dask"][3].read_bytes()
        findings = runs["--jobs 2"][3].read_text(encoding="utf-8").count('"fingerprint"')
    load = max(load, os.getloadavg()[0])
    print(f"same JSON: {same}")
    lines = [SECTION, "",
             f"`python benchmarks/dask_scale.py {args.dump.name} --mb {args.mb:g} --record`: {len(texts):,} articles "
             f"({mb:.0f} MB of text) of the real news dump, `factlint check --format json --no-cache --jobs 2`, "
             f"without and with `--dask` (a LocalCluster of 2 worker processes, one thread each); 2 cores. "
             f"Load average during the runs up to {load:.1f}: "
             + ("the machine was shared with other runs, so the times are slower than on an idle one."
                if load > 2.5 else "the machine was otherwise idle."), "",
             "| run | time | peak memory per process (VmHWM) |", "| --- | --- | --- |"]
    for name, (seconds, _, peaks, _) in runs.items():
        lines.append(f"| `{name}` | {seconds:.1f} s | {_summary(peaks)} |")
    verdict = "byte for byte the same" if same else "DIFFERENT"
    lines += ["", f"The JSON of the two runs ({findings:,} findings) is {verdict}. The processes: with `--jobs 2` "
              "the command reads the rules, extracts nothing itself, holds every claim and runs the checks; its two "
              "forked workers extract. With `--dask` the command reads no article and runs no check, but gathers "
              "the claims table at the end for the reports (as one machine does); the two Dask workers extract, "
              "hold the claims partitions, shuffle them by metric family and open group and run the checks, and "
              "one of them compares the corpus's name mentions.", ""]
    text = "\n".join(lines)
    print(text)
    if args.record:
        results = ROOT / "benchmarks" / "results.md"
        old = results.read_text(encoding="utf-8")
        if SECTION in old:
            head, _, rest = old.partition(SECTION)
            nxt = rest.find("\n## ")
            old = head + (rest[nxt + 1:] if nxt >= 0 else "")
        results.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
