"""Extract throughput, stage by stage, beside a plain ``regex`` digit scan over the same text, in one run.

    python benchmarks/bench_extract.py --mb 50 [--real ../shared/bench/news_vi.txt.xz] [--repeat 3]

Writes ``benchmarks/results_extract.md``. Every stage runs over the same in-memory articles; the corpus is
built by ``make_corpus.py`` (and, with ``--real``, the real news dump is read too). The stages are those
``factlint check`` runs per article: decode and normalise, read quantities, split sentences, tag with the
``claims/`` rules, collect name mentions; "extract" is the whole per-article work of a run (``collect.extract_all``:
the claims as table rows, and the mentions).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

from factlint.collect import extract_all
from factlint.corpus import Article, load_corpus, normalise
from factlint.extract import sentences
from factlint.names import extract_mentions
from factlint.rules import load_rules
from factlint.vi import read_quantities

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import dump_articles, make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DIGITS = regex.compile(r"\d+")
STAGES = ["normalise", "read quantities", "sentences", "tag with rules", "name mentions", "extract (all)"]


def _time(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.process_time()  # CPU seconds: steadier than the clock on a shared machine
        fn()
        runs.append(time.process_time() - t0)
    return statistics.median(runs)


def measure(raws: list[str], arts: list[Article], repeat: int) -> dict:
    """Seconds per stage (medians) and the digit scan over the same bodies."""
    rules = load_rules([ROOT / "claims"])
    bodies = [a.body for a in arts]
    mb = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
    read = [read_quantities(a.body, a.published) for a in arts]
    spans = [sentences(b) for b in bodies]
    stages: dict[str, Callable[[], object]] = {
        "normalise": lambda: [normalise(r) for r in raws],
        "read quantities": lambda: [read_quantities(a.body, a.published) for a in arts],
        "sentences": lambda: [sentences(b) for b in bodies],
        "tag with rules": lambda: [rules.tag(a.body, q, s, a) for a, q, s in zip(arts, read, spans, strict=True)],
        "name mentions": lambda: [extract_mentions(a) for a in arts],
        "extract (all)": lambda: [extract_all(a, rules) for a in arts],
    }
    return {"mb": mb, "digit_runs": sum(len(DIGITS.findall(b)) for b in bodies),
            "quantities": sum(len(q) for q in read),
            "scan_s": _time(lambda: [DIGITS.findall(b) for b in bodies], repeat),
            "stages": {name: _time(fn, repeat) for name, fn in stages.items()}}


def real_articles(path: Path, limit_mb: float) -> tuple[list[str], list[Article]]:
    """The first ``limit_mb`` MB of the real news dump as articles (no front matter; no publication date)."""
    raws, arts = dump_articles(path, limit_mb), []
    for i, text in enumerate(raws):
        norm, starts, cmaps = normalise(text)
        arts.append(Article(path=f"news/{i}", id=f"news-{i}", text=norm, _line_starts=starts, _colmaps=cmaps))
    return raws, arts


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
    arts = [a for a in load_corpus([corpus]) if a.status == "ok"]
    rows = [("synthetic (seeds, digits re-drawn)", measure([a.text for a in arts], arts, args.repeat))]
    if args.real and args.real.exists():
        rows.append((f"real news ({args.real.name}, its first {args.real_mb:g} MB of text)",
                     measure(*real_articles(args.real, args.real_mb), args.repeat)))
    cmd = "python benchmarks/bench_extract.py " + " ".join(sys.argv[1:])
    lines = [
        "# Extract throughput, stage by stage, vs a plain digit scan", "",
        f"Command: `{cmd}`  ", f"Machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}; one process, CPU time (process_time), "
        f"medians of {args.repeat} runs. "
        "Each cell: MB/s, and the stage's throughput as a fraction of the digit scan's.", "",
        "| corpus | MB | digit runs | quantities | digit scan MB/s | " + " | ".join(STAGES) + " |",
        "| --- | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in STAGES) + " |",
    ]
    for name, r in rows:
        cells = [f"{r['mb'] / r['stages'][st]:.1f} (1/{r['stages'][st] / r['scan_s']:.0f})" for st in STAGES]
        lines.append(f"| {name} | {r['mb']:.1f} | {r['digit_runs']:,} | {r['quantities']:,} | "
                     f"{r['mb'] / r['scan_s']:.0f} | " + " | ".join(cells) + " |")
    out = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "results_extract.md").write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
