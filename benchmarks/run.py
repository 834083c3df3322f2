"""Corpus-scale benchmark: extraction throughput beside a digit scan, check time, memory, end-to-end time.

    .venv/bin/python benchmarks/run.py                    # 10, 40 and 160 MB corpora
    .venv/bin/python benchmarks/run.py --sizes 10 --quick # a smoke run

For every size it builds a synthetic corpus (``make_corpus.py``, with planted errors) and measures, each in
a fresh process so that peak memory is that run's own:

- extraction (read, decode, normalise, read quantities, tag with the rules, names) with ``--jobs 1`` and
  ``--jobs 2``, beside a plain ``regex`` digit-run scan over the same decoded texts (MB/s and the ratio);
- the checks alone, against the number of claims;
- ``factlint check --jobs 2`` end to end with an empty cache, then again over the unchanged corpus (cache);
- how many of the planted errors were reported at the planted article.

Writes ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "benchmarks" / "corpus"
PY = sys.executable


def measure_extract(corpus: Path, jobs: int) -> dict:
    """In this process: collect with ``jobs`` workers, the digit scan, and the checks."""
    import regex

    from factlint.checks import CheckConfig, FxTable, run_checks
    from factlint.collect import collect
    from factlint.corpus import decode, discover
    from factlint.table import to_frame

    files = [p for p, _, _ in discover([corpus]) if p]
    mb = sum(p.stat().st_size for p in files) / 1e6
    texts = [decode(p.read_bytes(), str(p))[0] for p in files]
    digits = regex.compile(r"\d+")
    t0 = time.perf_counter()
    runs = sum(len(digits.findall(t)) for t in texts)
    scan = time.perf_counter() - t0
    del texts
    t0 = time.perf_counter()
    got = collect([corpus], ROOT / "claims", jobs=jobs, cache=None)
    extract = time.perf_counter() - t0
    df = to_frame(got.claims)
    cfg = CheckConfig.load(ROOT / "claims")
    fx = FxTable.load(ROOT / "claims" / "reference" / "fx.yaml")
    t0 = time.perf_counter()
    findings = run_checks(df, got.mentions, cfg, fx)
    check = time.perf_counter() - t0
    return {"mb": mb, "articles": len(files), "digit_runs": runs, "scan_s": scan, "extract_s": extract,
            "claims": len(df), "mentions": len(got.mentions), "check_s": check, "findings": len(findings),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _child(args: list[str]) -> dict:
    out = subprocess.run([PY, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def end_to_end(corpus: Path, plants: list[dict]) -> dict:
    """``factlint check --jobs 2`` twice in a scratch folder: cold (empty cache), then warm."""
    work = Path(tempfile.mkdtemp(prefix="fl-bench-"))
    (work / "articles").symlink_to(corpus)
    (work / "claims").symlink_to(ROOT / "claims")
    exe = str(Path(PY).parent / "factlint")
    res = {}
    for label in ("cold", "warm"):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        proc = subprocess.run([exe, "check", "--jobs", "2", "--format", "json", "-o", "findings.json",
                               "--fail-on", "never"], cwd=work, capture_output=True, text=True)
        res[f"{label}_s"] = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        res[f"{label}_peak_mb"] = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    doc = json.loads((work / "findings.json").read_text(encoding="utf-8"))
    found = {(f["locations"][0]["article"], f["code"]) for f in doc["findings"]}
    res["planted"] = len(plants)
    res["planted_found"] = sum((p["article"], p["code"]) in found for p in plants)
    res["findings"] = len(doc["findings"])
    shutil.rmtree(work)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 40, 160])
    ap.add_argument("--measure", choices=["extract"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="skip the --jobs 1 extraction run")
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure_extract(args.corpus, args.jobs)))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from make_corpus import make_corpus

    rows = []
    for size in args.sizes:
        corpus = CORPORA / f"{size:g}mb"
        manifest = CORPORA / f"{size:g}mb.plants.json"
        if not corpus.exists() or not manifest.exists():
            make_corpus(corpus, size)
        plants = json.loads(manifest.read_text(encoding="utf-8"))
        row = {"size": size}
        for jobs in ((2,) if args.quick else (1, 2)):
            row[f"j{jobs}"] = _child(["--measure", "extract", "--corpus", str(corpus), "--jobs", str(jobs)])
        row["e2e"] = end_to_end(corpus, plants)
        rows.append(row)
        print(json.dumps(row), flush=True)
    write_results(rows, " ".join(sys.argv[1:]))


def write_results(rows: list[dict], argv: str) -> None:
    """``benchmarks/results.md``: the command, the machine, the figures."""
    lines = ["# Corpus-scale benchmark", "",
             f"Command: `.venv/bin/python benchmarks/run.py {argv}`".replace("  ", " ").rstrip() + "  ",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
             f"{platform.python_version()}, {platform.system()}. Each figure is one run (the machine is noisy; "
             "ratios are taken within a run).", "",
             "Extraction = read + decode + normalise + read quantities + tag with `claims/` rules + collect name "
             "mentions. Digit scan = `regex.findall(r\"\\d+\")` over the same decoded texts.", "",
             "| corpus | articles | claims | digit scan MB/s | extract MB/s, 1 job | ratio | extract MB/s, 2 jobs "
             "| ratio | checks s | peak MB (extract+checks, 2 jobs) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        j2 = r["j2"]
        j1 = r.get("j1")
        scan = j2["mb"] / j2["scan_s"]
        e1 = f"{j1['mb'] / j1['extract_s']:.2f} | 1/{(j1['mb'] / j1['scan_s']) / (j1['mb'] / j1['extract_s']):.0f}" \
            if j1 else "– | –"
        lines.append(f"| {j2['mb']:.0f} MB | {j2['articles']:,} | {j2['claims']:,} | {scan:.0f} | {e1} | "
                     f"{j2['mb'] / j2['extract_s']:.2f} | 1/{scan / (j2['mb'] / j2['extract_s']):.0f} | "
                     f"{j2['check_s']:.1f} | {j2['peak_mb']:.0f} |")
    lines += ["", "| corpus | `factlint check --jobs 2`, cold s | warm s (cache) | warm / cold | peak MB | "
              "planted errors found | findings |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        e = r["e2e"]
        lines.append(f"| {r['j2']['mb']:.0f} MB | {e['cold_s']:.1f} | {e['warm_s']:.1f} | "
                     f"{e['warm_s'] / e['cold_s']:.0%} | {max(e['cold_peak_mb'], e['warm_peak_mb']):.0f} | "
                     f"{e['planted_found']}/{e['planted']} | {e['findings']:,} |")
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        lines += ["", f"Growth from {a['j2']['mb']:.0f} MB to {b['j2']['mb']:.0f} MB "
                  f"({b['j2']['mb'] / a['j2']['mb']:.1f}x the text): end-to-end cold time "
                  f"{b['e2e']['cold_s'] / a['e2e']['cold_s']:.2f}x, checks "
                  f"{b['j2']['check_s'] / max(a['j2']['check_s'], 1e-9):.2f}x for "
                  f"{b['j2']['claims'] / a['j2']['claims']:.2f}x the claims."]
    lines += ["", "Raw figures:", "", "```json", *[json.dumps(r) for r in rows], "```"]
    out = ROOT / "benchmarks" / "results.md"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if "\n## " in old:  # sections other benchmarks recorded (store and re-runs…) stay
        lines += ["", old[old.index("\n## ") + 1:].rstrip("\n")]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
