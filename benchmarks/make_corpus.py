"""Write a synthetic corpus of N MB built from the seed articles, with a known number of planted errors.

    python benchmarks/make_corpus.py --mb 40 --out benchmarks/corpus/40mb

Each article is a seed shifted by k years (every year in it, its publication date and the "kỷ niệm N năm"
anniversary move together, so the figures of one period still agree), with the Japanese prime minister's
name and some wording varied. One article in ``--plant-every`` gets one planted inconsistency; the list is
written to ``plants.json`` beside the articles so that a benchmark can say how many it found.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import shutil
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
# seeds are 2022-2024; a year either way keeps "hơn 100 tỷ yên ≈ gần 800 triệu USD" true at that year's rates
SHIFTS = (-1, 0, 1)
LEADERS = [("Kishida", "Fumio"), ("Ishiba", "Shigeru"), ("Suga", "Yoshihide"), ("Kono", "Taro"),
           ("Hayashi", "Yoshimasa")]
WORDING = [("Kim ngạch thương mại song phương", "Kim ngạch thương mại hai chiều"),
           ("xuất khẩu sang Nhật Bản", "xuất khẩu sang thị trường Nhật Bản"),
           ("bày tỏ hài lòng", "hài lòng"), ("nhất trí", "thống nhất")]
# (seed prefix, old, new, expected finding code)
PLANTS = [
    ("001", "nhập khẩu 23,4 tỷ USD", "nhập khẩu 33,4 tỷ USD", "FL201"),
    ("004", "tương đương gần 800 triệu USD", "tương đương gần 500 triệu USD", "FL102"),
    ("000", "cộng đồng hơn 400 nghìn người", "cộng đồng hơn 600 nghìn người", "FL101"),
    ("002", "đối tác thương mại thứ 4", "đối tác thương mại thứ 6", "FL301"),
    ("004", "Thống đốc 05 tỉnh Aichi", "Thống đốc 04 tỉnh Aichi", "FL203"),
]
_YEAR = regex.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")
_ANNIV = regex.compile(r"(kỷ niệm )50( năm)")


def _seeds(articles: Path) -> list[tuple[str, str, str]]:
    out = []
    for p in sorted(articles.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4) + 5
        out.append((p.stem[:3], text[:end], text[end:]))
    return out


def vary(front: str, body: str, k: int, rng: random.Random, ident: str) -> tuple[str, str]:
    """Shift years by ``k``, rename the prime minister, vary wording."""
    body = _YEAR.sub(lambda m: str(int(m.group(1)) + k), body)
    body = _ANNIV.sub(lambda m: f"{m.group(1)}{50 + k}{m.group(2)}", body)
    family, given = rng.choice(LEADERS)
    body = body.replace("Kishida", family).replace("Fumio", given)
    for a, b in WORDING:
        if rng.random() < 0.5:
            body = body.replace(a, b)
    front = regex.sub(r"(?m)^id: .*$", f"id: {ident}", front)
    front = regex.sub(r"(?m)^published: (\d{4})", lambda m: f"published: {int(m.group(1)) + k}", front)
    return front, body


def dump_articles(path: Path, mb: float) -> list[str]:
    """The articles in the first ``mb`` MB of text of an xz news dump (articles separated by ``=====`` lines).

    An article cut by the limit is left out; a limit past the end reads the whole dump.
    """
    limit = int(mb * 1_000_000)
    with lzma.open(path, "rb") as fh:
        data = fh.read(limit)
    pieces = data.decode("utf-8", errors="ignore").split("\n=====\n")  # "ignore": a character cut at the limit
    if len(data) == limit or not pieces[-1].strip():
        pieces.pop()  # cut by the limit, or the empty piece after the dump's last separator
    return pieces


def make_corpus(out: Path, mb: float, seed: int = 7, plant_every: int = 250,
                articles: Path = ROOT / "articles") -> tuple[int, list[dict]]:
    """Write articles under ``out`` until they total ``mb`` megabytes; return the count and the plants."""
    rng = random.Random(seed)
    seeds = _seeds(articles)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    target, size, n = int(mb * 1_000_000), 0, 0
    plants: list[dict] = []
    while size < target:
        prefix, front, body = seeds[n % len(seeds)]
        ident = f"gen{n:07d}"
        k = SHIFTS[(n // len(seeds)) % len(SHIFTS)]
        front, body = vary(front, body, k, rng, ident)
        if n % plant_every == plant_every - 1:
            options = [p for p in PLANTS if p[0] == prefix and p[1] in body]
            if options:
                _, old, new, code = options[(n // plant_every) % len(options)]
                body = body.replace(old, new, 1)
                line = (front + body[: body.index(new)]).count("\n") + 1
                plants.append({"article": ident, "code": code, "line": line})
        data = (front + body).encode("utf-8")
        sub = out / f"{n // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{ident}.md").write_bytes(data)
        size += len(data)
        n += 1
    (out.parent / f"{out.name}.plants.json").write_text(json.dumps(plants, indent=1), encoding="utf-8")
    return n, plants


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=40)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--plant-every", type=int, default=250)
    args = ap.parse_args()
    out = args.out or ROOT / "benchmarks" / "corpus" / f"{args.mb:g}mb"
    n, plants = make_corpus(out, args.mb, args.seed, args.plant_every)
    print(f"wrote {n} articles ({args.mb} MB) to {out}, {len(plants)} planted errors")


if __name__ == "__main__":
    main()
