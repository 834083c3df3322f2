"""Read a corpus into claims and mentions: in parallel processes, with a cache of unchanged articles.

Each article's result is keyed by the hash of its bytes, its displayed path, the encoding fallback and the
fingerprint of the rule set and reader configuration; an unchanged article is not read again. Results come
back in corpus order whatever the number of processes, so output is deterministic.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from factlint import __version__
from factlint.config import hedge_config
from factlint.corpus import (
    BY_DEFAULT,
    Article,
    Columns,
    CorpusError,
    Row,
    discover,
    is_table,
    load_article,
    mark_duplicates,
    read_table,
    row_article,
)
from factlint.extract import claim_rows
from factlint.names import Mention, extract_mentions
from factlint.rules import RuleError, RuleSet, load_rules
from factlint.vi.hedges import HedgeConfig

if TYPE_CHECKING:
    from factlint.vi.reader import Reader

CACHE_DIR = Path(".factlint_cache")
RACY_NS = 2_000_000_000  # a file modified this recently (ns) may change again within its mtime's tick


@dataclass
class Collected:
    """Articles (without their text), their claims and their mentions, in corpus order."""

    articles: list[Article]
    claims: list[tuple]  # Claim field tuples, in column order (see Claim.as_tuple)
    mentions: list[Mention]
    cache_hits: int = 0


def engine_fingerprint(rules: RuleSet | None, hedges: HedgeConfig | None = None) -> str:
    """What a cached result depends on besides the article: rules, hedge tolerances, the engine's code and tables."""
    tuned = repr(sorted(hedges.hedges.items())) if hedges is not None else ""
    key = f"{__version__}/{rules.fingerprint if rules else ''}/{tuned}/{_engine_source()}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


@functools.cache
def _engine_source(root: Path = Path(__file__).parent) -> str:
    """A hash of factlint's modules and tables: an edited reader or lexicon is a new engine, cache and all."""
    h = hashlib.sha256()
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.yaml")]):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------- one article

_RULES: RuleSet | None = None
_READER: Reader | None = None


def reader_for(hedges: HedgeConfig | None) -> Reader:
    """The quantity reader (imported here: a run that reads only cached claims never compiles its grammar)."""
    from factlint.vi.reader import Reader

    return Reader(hedges)


def _init(rules_dir: str | None, hedges: HedgeConfig | None) -> None:
    global _RULES, _READER
    _RULES = load_rules([rules_dir]) if rules_dir else None
    _READER = reader_for(hedges)


def article_key(data: bytes, shown: str, encoding: str | None, engine: str) -> str:
    """The cache key of one article: its bytes, how it is shown, the encoding fallback, the engine."""
    return hashlib.sha256(data + f"\0{shown}\0{encoding}\0{engine}".encode()).hexdigest()


def _cache_file(cache: Path, key: str) -> Path:
    return cache / key[:2] / f"{key}.pkl"


def cached(cache: Path, key: str) -> tuple | None:
    """A cache entry, or ``None`` when absent or unreadable."""
    try:
        return pickle.loads(_cache_file(cache, key).read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is recomputed, whatever broke it
        return None


def has(cache: Path, key: str) -> bool:
    """Whether the cache holds an entry for ``key`` (without reading it)."""
    return _cache_file(cache, key).is_file()


def store(cache: Path, key: str, value: object) -> None:
    """Write a cache entry atomically (a crash never leaves half an entry)."""
    target = _cache_file(cache, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:  # streamed: a whole run's table is never held twice in memory
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(target)


def extract_all(art: Article, rules: RuleSet | None, reader: Reader | None = None
                ) -> tuple[list[tuple], list[Mention]]:
    """Claims (as field tuples) and mentions of one loaded article.

    A failure of the engine on one article makes that article an error that names it, and the run goes on;
    a rule that runs too long (:class:`RuleError`) stops the run, as a broken rule file does.
    """
    if art.status != "ok":
        return [], []
    try:
        return claim_rows(art, rules, reader), extract_mentions(art)
    except RuleError:
        raise
    except Exception as exc:  # noqa: BLE001 - one article must not sink the corpus; it is reported instead
        art.status = "error"
        art.error = (f"{art.where}: factlint failed on this article ({type(exc).__name__}: {exc}); "
                     "the rest of the corpus was read; please report this article")
        return [], []


def row_key(row: Row, encoding: str | None, engine: str) -> str:
    """The cache key of one table row: its file, its fields and the engine (not its place in the file)."""
    fields = json.dumps(row.values, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(f"{row.path}\0{fields}\0{encoding}\0{engine}".encode()).hexdigest()


def _one(job: tuple, keep_text: bool = False) -> tuple[Article, list[tuple], list[Mention]]:
    """Load and extract one article: ``(path, shown, encoding)`` for a file, ``(row,)`` for a table row."""
    if len(job) == 1:
        art = row_article(job[0])
    else:
        path, shown, encoding = job
        art = load_article(Path(path), shown, encoding)
    claims, mentions = extract_all(art, _RULES, _READER)
    if keep_text:
        return art, claims, mentions
    light = replace(art, text="")  # the text is not needed downstream; do not ship it between processes
    light._line_starts, light._colmaps = [], {}
    return light, claims, mentions


def _one_with_text(job: tuple) -> tuple[Article, list[tuple], list[Mention]]:
    return _one(job, keep_text=True)


def extract_jobs(todo: list[tuple], rules: RuleSet | None, rules_dir: Path | None, hedges: HedgeConfig, jobs: int,
                 progress: Callable[[Iterable], Iterable] | None = None, keep_text: bool = False) -> Iterator[tuple]:
    """Load and extract each job of :func:`units` (in ``jobs`` processes), yielding results in order.

    Each result is ``(article, claims, mentions)``; the article keeps its text only with ``keep_text``.
    """
    fn = _one_with_text if keep_text else _one
    if jobs <= 1 or len(todo) < 2:
        global _RULES, _READER
        _RULES, _READER = rules, reader_for(hedges)
        stream: Iterable = map(fn, todo)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init,
                                   initargs=(str(rules_dir) if rules_dir else None, hedges))
        stream = pool.map(fn, todo, chunksize=max(1, min(64, len(todo) // (jobs * 8) or 1)))
    try:
        yield from (progress(_Sized(stream, len(todo))) if progress else stream)
    finally:
        if pool is not None:
            pool.shutdown()


# ---------------------------------------------------------------------------------------------- the corpus


def units(found: list[tuple[Path | None, str, str]], encoding: str | None, columns: Columns = BY_DEFAULT
          ) -> list[Article | tuple]:
    """What is read, in corpus order: a job per file or table row, an error entry per bad path or table.

    A job is ``(path, shown, encoding)`` for a file and ``(row,)`` for a row of a table (tables are read
    here, in this process; their rows are extracted in the workers).
    """
    out: list[Article | tuple] = []
    for p, shown, err in found:
        if p is None:
            out.append(Article(path=shown, id=shown, status="error", error=err))
        elif is_table(shown):
            try:
                out += [(row,) for row in read_table(p, shown, columns, encoding)]
            except CorpusError as exc:
                out.append(Article(path=shown, id=shown, status="error", error=str(exc)))
        else:
            out.append((str(p), shown, encoding))
    return out


def collect(paths: Iterable[str | Path], rules_dir: Path | None, encoding: str | None = None, jobs: int = 1,
            cache: Path | None = None, progress: Callable[[Iterable], Iterable] | None = None,
            keys: dict[str, str] | None = None, columns: Columns = BY_DEFAULT) -> Collected:
    """Claims and mentions of every article under ``paths``.

    Cached articles are loaded in this process; only the others go to the worker processes.

    Args:
        paths: Article files, folders, or tables (JSONL, CSV, Parquet: one article a row).
        rules_dir: The claim rules (``None``: quantities only).
        encoding: Fallback codec for files that are not UTF-8.
        jobs: Worker processes (1: in this process).
        cache: Cache folder (``None``: no cache).
        progress: Wraps the stream of finished articles (a progress bar on a terminal).
        keys: Cache keys by path, when the caller has computed them already (:func:`corpus_keys`).
        columns: Which column of a table holds which field.

    Raises:
        RuleError: A rule file is broken, or a pattern runs too long.
        ConfigError: The rules' ``config.yaml`` is broken.
    """
    rules = load_rules([rules_dir]) if rules_dir is not None else None  # fail early, in this process
    hedges = hedge_config(rules_dir)
    found = list(discover(paths))
    engine = engine_fingerprint(rules, hedges) if cache is not None else ""
    if cache is not None and keys is None:
        keys = corpus_keys(found, encoding, engine, columns, memo=cache / "stat")
    work = units(found, encoding, columns)
    key_of: dict[int, str] = {}
    if cache is not None:
        for i, u in enumerate(work):
            if isinstance(u, tuple):
                key = row_key(u[0], encoding, engine) if len(u) == 1 else (keys or {}).get(u[0])
                if key:
                    key_of[i] = key
    results: dict[int, tuple] = {}
    for i, key in key_of.items():
        hit = cached(cache, key)
        if hit is not None:
            results[i] = hit
    todo = [i for i, u in enumerate(work) if isinstance(u, tuple) and i not in results]
    hits = len(results)
    if todo:
        for i, res in zip(todo, extract_jobs([work[i] for i in todo], rules, rules_dir, hedges, jobs, progress),
                          strict=True):
            results[i] = res
            if i in key_of and (len(work[i]) == 3 or res[0].status == "ok"):  # a row's error names its place
                store(cache, key_of[i], res)
    got: list[tuple[Article, list[tuple], list[Mention]]] = []
    for i, u in enumerate(work):
        if isinstance(u, Article):
            got.append((u, [], []))
            continue
        art, claims, mentions = results[i]
        if len(u) == 1:  # a cached row may have moved in its table
            art.row, art.row_line = u[0].row, u[0].line
        got.append((art, claims, mentions))
    mark_duplicates([art for art, _, _ in got])
    out = Collected([], [], [], cache_hits=hits)
    for art, claims, mentions in got:
        out.articles.append(art)
        if art.status == "ok":  # a duplicate id keeps none of its claims
            out.claims += claims
            out.mentions += mentions
    return out


def corpus_keys(found: list[tuple[Path | None, str, str]], encoding: str | None, engine: str,
                columns: Columns = BY_DEFAULT, memo: Path | None = None) -> dict[str, str]:
    """The cache key of every readable file, by path (reading and hashing is far cheaper than extracting).

    A table's key covers its column mapping as well. With ``memo`` (a folder of the cache), a file whose size
    and modification time are those of the last run is not read again: its key is the one recorded then (as
    ``factlint index`` does). A file modified within :data:`RACY_NS` of being recorded is never recorded, so an
    edit in the same clock tick as a run cannot hide behind an unchanged modification time.
    """
    tag = hashlib.sha256(f"{engine}\0{encoding}\0{columns!r}".encode()).hexdigest()[:16]
    known: dict[str, tuple[int, int, str]] = (cached(memo, tag) or {}) if memo is not None else {}
    now = time.time_ns()
    keys, seen = {}, {}
    for p, shown, _ in found:
        if p is None:
            continue
        try:
            st = p.stat()
        except OSError:
            continue  # the article itself will report the error
        stat = (st.st_size, st.st_mtime_ns)
        hit = known.get(shown)
        if hit is not None and hit[:2] == stat:
            keys[str(p)] = hit[2]
            seen[shown] = hit
            continue
        try:
            data = p.read_bytes()
        except OSError:
            continue
        if is_table(shown):
            data += repr(columns).encode()
        keys[str(p)] = article_key(data, shown, encoding, engine)
        if now - st.st_mtime_ns > RACY_NS:
            seen[shown] = (*stat, keys[str(p)])
    if memo is not None and seen != known:
        store(memo, tag, seen)
    return keys


class _Sized:
    """An iterator with a length, for progress bars."""

    def __init__(self, it: Iterable, n: int) -> None:
        self.it, self.n = iter(it), n

    def __iter__(self):  # noqa: ANN204
        return self.it

    def __len__(self) -> int:
        return self.n
