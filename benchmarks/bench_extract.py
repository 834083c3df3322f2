"""Extract throughput beside a plain ``regex`` digit scan over the same text, measured in one run.

    python benchmarks/bench_extract.py --mb 50 [--real ../shared/bench/news_vi.txt.xz] [--repeat 3]

Writes ``benchmarks/results_extract.md``. Both sides run over the same in-memory normalised article
texts; the corpus is built by ``make_corpus.py`` (and, with ``--real``, the real news dump is read too).
"""

from __future__ import annotations

import argparse
import lzma
import platform
import statistics
import sys
import time
from pathlib import Path

import regex

from factlint.corpus import load_corpus, normalise
from factlint.vi import read_quantities

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DIGITS = regex.compile(r"\d+")


def _time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def measure(texts: list[tuple[str, object]], repeat: int) -> dict:
    mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    n_digits = sum(len(DIGITS.findall(t)) for t, _ in texts)
    scan = _time(lambda: [DIGITS.findall(t) for t, _ in texts], repeat)
    count = [0]

    def run() -> None:
        count[0] = sum(len(read_quantities(t, ref)) for t, ref in texts)

    ext = _time(run, repeat)
    return {"mb": mb, "digit_runs": n_digits, "quantities": count[0], "scan_s": scan, "extract_s": ext,
            "scan_mbs": mb / scan, "extract_mbs": mb / ext, "ratio": scan / ext}


def real_texts(path: Path, limit_mb: float) -> list[tuple[str, object]]:
    raw = lzma.open(path, "rt", encoding="utf-8").read(int(limit_mb * 1_000_000))
    out = []
    for art in raw.split("\n=====\n"):
        text, _, _ = normalise(art)
        out.append((text, None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--real", type=Path, default=None)
    ap.add_argument("--real-mb", type=float, default=50)
    args = ap.parse_args()
    corpus = ROOT / "benchmarks" / "corpus" / f"{args.mb:g}mb"
    if not corpus.exists():
        make_corpus(corpus, args.mb)
    arts = load_corpus([corpus])
    texts = [(a.body, a.published) for a in arts if a.status == "ok"]
    rows = [("synthetic (seeds, digits re-drawn)", measure(texts, args.repeat))]
    if args.real and args.real.exists():
        rows.append((f"real news ({args.real.name}, first {args.real_mb:g} MB, NFC)",
                     measure(real_texts(args.real, args.real_mb), args.repeat)))
    cmd = "python benchmarks/bench_extract.py " + " ".join(sys.argv[1:])
    lines = [
        "# Extract throughput vs a plain digit scan", "",
        f"Command: `{cmd}`  ", f"Machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}; one process, medians of {args.repeat} runs.", "",
        "| corpus | MB | digit runs | quantities | digit scan MB/s | extract MB/s | extract / scan |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows:
        lines.append(f"| {name} | {r['mb']:.1f} | {r['digit_runs']:,} | {r['quantities']:,} | "
                     f"{r['scan_mbs']:.1f} | {r['extract_mbs']:.2f} | 1/{1 / r['ratio']:.1f} |")
    out = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "results_extract.md").write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
