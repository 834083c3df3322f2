"""Write a synthetic corpus of N MB built from the seed articles, varying figures, years and dates.

    python benchmarks/make_corpus.py --mb 50 --out benchmarks/corpus/50mb

Each output article is a seed body with its digits re-drawn (same shape: "24,2" stays d,d; "85.000" stays
dd.ddd), so every grammar path of the reader is exercised at a realistic density of figures.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
_DIGITS = regex.compile(r"\d")


def _seeds(articles: Path) -> list[tuple[str, str]]:
    out = []
    for p in sorted(articles.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4) + 5
        out.append((text[:end], text[end:]))
    return out


def vary(body: str, rng: random.Random) -> str:
    """Re-draw every digit except the first of a run (keeps years plausible and shapes intact)."""
    def redraw(m: regex.Match) -> str:
        prev = body[m.start() - 1] if m.start() else " "
        return m.group() if not prev.isdigit() else str(rng.randrange(10))
    return _DIGITS.sub(redraw, body)


def make_corpus(out: Path, mb: float, seed: int = 7, articles: Path = ROOT / "articles") -> int:
    """Write articles under ``out`` until they total ``mb`` megabytes; return how many were written."""
    rng = random.Random(seed)
    seeds = _seeds(articles)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    target, size, n = int(mb * 1_000_000), 0, 0
    while size < target:
        front, body = seeds[n % len(seeds)]
        front = regex.sub(r"(?m)^id: .*$", f"id: gen{n:07d}", front)
        data = (front + vary(body, rng)).encode("utf-8")
        sub = out / f"{n // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"gen{n:07d}.md").write_bytes(data)
        size += len(data)
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus" / "50mb")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    n = make_corpus(args.out, args.mb, args.seed)
    print(f"wrote {n} articles ({args.mb} MB) to {args.out}")


if __name__ == "__main__":
    main()
