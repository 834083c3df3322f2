"""Read a corpus into claims and mentions: in parallel processes, with a cache of unchanged articles.

Each article's result is keyed by the hash of its bytes, its displayed path, the encoding fallback and the
fingerprint of the rule set and reader configuration; an unchanged article is not read again. Results come
back in corpus order whatever the number of processes, so output is deterministic.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from factlint import __version__
from factlint.corpus import Article, discover, load_article, mark_duplicates
from factlint.extract import CLAIM_COLUMNS, extract_article
from factlint.names import Mention, extract_mentions
from factlint.rules import RuleSet, load_rules

CACHE_DIR = Path(".factlint_cache")
CACHE_FORMAT = "2"  # bump when the cached objects change shape
_ARTICLE, _PATH = CLAIM_COLUMNS.index("article"), CLAIM_COLUMNS.index("path")


@dataclass
class Collected:
    """Articles (without their text), their claims and their mentions, in corpus order."""

    articles: list[Article]
    claims: list[tuple]  # Claim field tuples, in column order (see Claim.as_tuple)
    mentions: list[Mention]
    cache_hits: int = 0


def engine_fingerprint(rules: RuleSet | None) -> str:
    """What a cached result depends on besides the article: rules, reader configuration, version."""
    hedges = resources.files("factlint.vi").joinpath("hedges.yaml").read_bytes()
    key = f"{__version__}/{CACHE_FORMAT}/{rules.fingerprint if rules else ''}".encode()
    h = hashlib.sha256(key + hedges)
    return h.hexdigest()[:16]


# ---------------------------------------------------------------------------------------------- one article

_RULES: RuleSet | None = None


def _init(rules_dir: str | None) -> None:
    global _RULES
    _RULES = load_rules([rules_dir]) if rules_dir else None


def _one(job: tuple[str, str, str | None, str | None, str]) -> tuple[Article, list[tuple], list[Mention], bool]:
    """Load and extract one article (or take it from the cache)."""
    path, shown, encoding, cache_dir, engine = job
    key = None
    if cache_dir:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = None
        if data is not None:
            key = hashlib.sha256(data + f"\0{shown}\0{encoding}\0{engine}".encode()).hexdigest()
            hit = Path(cache_dir) / key[:2] / f"{key}.pkl"
            if hit.exists():
                try:
                    art, claims, mentions = pickle.loads(hit.read_bytes())
                    return art, claims, mentions, True
                except Exception:  # noqa: BLE001 - a damaged or foreign entry is recomputed, whatever broke it
                    pass
    art = load_article(Path(path), shown, encoding)
    claims: list[tuple] = []
    mentions: list[Mention] = []
    if art.status == "ok":
        claims = [c.as_tuple() for c in extract_article(art, _RULES)]
        mentions = extract_mentions(art)
    light = replace(art, text="")  # the text is not needed downstream; do not ship it between processes
    light._line_starts, light._colmaps = [], {}
    if key is not None:
        target = Path(cache_dir) / key[:2] / f"{key}.pkl"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps((light, claims, mentions), protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(target)
    return light, claims, mentions, False


# ---------------------------------------------------------------------------------------------- the corpus


def collect(paths: Iterable[str | Path], rules_dir: Path | None, encoding: str | None = None, jobs: int = 1,
            cache: Path | None = None, progress: Callable[[Iterable], Iterable] | None = None) -> Collected:
    """Claims and mentions of every article under ``paths``.

    Args:
        paths: Article files or folders.
        rules_dir: The claim rules (``None``: quantities only).
        encoding: Fallback codec for files that are not UTF-8.
        jobs: Worker processes (1: in this process).
        cache: Cache folder (``None``: no cache).
        progress: Wraps the stream of finished articles (a progress bar on a terminal).

    Raises:
        RuleError: A rule file is broken, or a pattern runs too long.
    """
    rules = load_rules([rules_dir]) if rules_dir is not None else None  # fail early, in this process
    engine = engine_fingerprint(rules)
    found = list(discover(paths))
    jobs_list = [(str(p), shown, encoding, str(cache) if cache else None, engine) for p, shown, err in found if p]
    if jobs <= 1 or len(jobs_list) < 2:
        global _RULES
        _RULES = rules
        results: Iterable = map(_one, jobs_list)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init,
                                   initargs=(str(rules_dir) if rules_dir else None,))
        results = pool.map(_one, jobs_list, chunksize=max(1, min(64, len(jobs_list) // (jobs * 8) or 1)))
    out = Collected([], [], [])
    try:
        stream = iter(results)
        wrapped = progress(_Sized(stream, len(jobs_list))) if progress else stream
        done = iter(wrapped)
        for p, shown, err in found:
            if p is None:
                out.articles.append(Article(path=shown, id=shown, status="error", error=err))
                continue
            art, claims, mentions, hit = next(done)
            out.articles.append(art)
            out.claims += claims
            out.mentions += mentions
            out.cache_hits += hit
    finally:
        if pool is not None:
            pool.shutdown()
    dup = mark_duplicates(out.articles)
    if dup:
        out.claims = [c for c in out.claims if (c[_ARTICLE], c[_PATH]) not in dup]
        out.mentions = [m for m in out.mentions if (m.article, m.path) not in dup]
    return out


class _Sized:
    """An iterator with a length, for progress bars."""

    def __init__(self, it: Iterable, n: int) -> None:
        self.it, self.n = iter(it), n

    def __iter__(self):  # noqa: ANN204
        return self.it

    def __len__(self) -> int:
        return self.n
