"""The claims store: the claims table and name mentions of an archive as a Parquet dataset, kept up to date.

Layout (``.factlint/`` by default)::

    manifest.pkl                         the articles in corpus order (id, path, status, warnings, key), by column
    claims/bucket=NN/part.parquet        the claims table (the ``extract`` columns, plus ``entry`` and ``seq``)
    mentions/bucket=NN/part.parquet      the name and title mentions the typo checks compare
    texts/bucket=NN/part.parquet         each article's normalised text, for the sentence a finding quotes
    summary.pkl, summary/part-NN.pkl     what the archive alone gives drafts checked against it (``suite``)
    names.sqlite, open.parquet           the archive's name index and open claims, read a few keys at a time

An article's rows live in one bucket (a hash of its path and id), so :func:`index` replaces a changed
article's claims by rewriting its bucket alone. An unchanged file (same size and modification time) is not
read again; a changed one is hashed, and only articles whose bytes (or row fields) changed are extracted; an
article no longer in the corpus leaves. DuckDB, pandas and Spark read ``claims/`` as it is (Hive partitions).

:func:`load` reads the archive back for ``factlint check DRAFT --against .factlint/``: the claims, mentions and
articles of the archive without reading its text, in the order a full run would have them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from factlint.collect import article_key, engine_fingerprint, extract_jobs, row_key, units
from factlint.config import hedge_config
from factlint.corpus import BY_DEFAULT, Article, Columns, discover, is_table
from factlint.extract import CLAIM_COLUMNS, Claim
from factlint.names import Mention
from factlint.rules import RuleSet, load_rules

if TYPE_CHECKING:
    from factlint.checks.common import CheckConfig
    from factlint.checks.typos import NameIndex

STORE_DIR = Path(".factlint")
VERSION = 2
MANIFEST = "manifest.pkl"
BUCKETS = 64
TABLES = ("claims", "mentions", "texts")
_MENTION_COLUMNS = list(Mention._fields)
COLUMNS = {"claims": ["entry", *CLAIM_COLUMNS, "seq"], "mentions": ["entry", *_MENTION_COLUMNS, "seq"],
           "texts": ["entry", "text"]}


class StoreError(Exception):
    """A store that cannot be used (missing, from another engine or rule set); the message says what to run."""


@dataclass
class Entry:
    """One article of the archive as the manifest keeps it."""

    entry: str  # unique key of its rows in the tables: ``file`` or ``file#id`` (``@n`` for a repeated one)
    key: str  # the hash of what it was extracted from
    source: str  # the file or table it came from
    article: Article

    @property
    def bucket(self) -> int:
        """Where its rows live."""
        return _bucket_of(self.entry)


def _bucket_of(entry: str) -> int:
    return int(hashlib.sha1(entry.encode()).hexdigest()[:8], 16) % BUCKETS


@dataclass
class Archive:
    """What :func:`load` reads back: articles in corpus order, with their claims (in a frame) and mentions."""

    entries: list[Entry]
    claims: pd.DataFrame
    mentions: pd.DataFrame
    root: Path
    stats: dict[str, int] = field(default_factory=dict)

    def texts(self, entries: Iterable[str]) -> dict[str, str]:
        """The stored text of the given entries (reads only their buckets)."""
        return _texts(self.root, {e.entry: e for e in self.entries}, set(entries))


# ---------------------------------------------------------------------------------------------- manifest


_FIELDS = ("entry", "key", "source", "id", "path", "status", "error", "warnings", "meta", "body_start", "row",
           "row_line")


def _meta(a: Article) -> dict:
    meta = {k: a.meta[k] for k in ("title", "outlet") if a.meta.get(k) not in (None, "")}
    if a.published is not None:
        meta["published"] = a.published
    if a.meta.get("published_inferred"):
        meta["published_inferred"] = True
    return meta


def _columns(entries: list[Entry]) -> dict[str, list]:
    """The manifest's articles, a list per field (pickled by column: read back without parsing JSON)."""
    rows = [(e.entry, e.key, e.source, a.id, a.path, a.status, a.error, a.warnings, _meta(a), a.body_start, a.row,
             a.row_line) for e in entries for a in (e.article,)]
    return {name: list(col) for name, col in zip(_FIELDS, zip(*rows, strict=True) if rows else [()] * len(_FIELDS),
                                                  strict=True)}


def read_manifest(root: Path) -> dict | None:
    """The store's manifest: ``version``, ``engine``, ``generation``, ``sources`` and the ``articles`` by column.

    ``None`` when there is none, or it cannot be read.
    """
    import pickle

    try:
        got = pickle.loads((root / MANIFEST).read_bytes())
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: indexed again
        return None
    return got if isinstance(got, dict) and got.get("version") == VERSION else None


def _entries(manifest: dict) -> list[Entry]:
    cols = manifest["articles"]
    return [Entry(entry, key, source, Article(path=path, id=id_, status=status, error=error, warnings=list(warnings),
                                              meta={**meta}, body_start=body_start, row=row, row_line=row_line))
            for entry, key, source, id_, path, status, error, warnings, meta, body_start, row, row_line
            in zip(*(cols[f] for f in _FIELDS), strict=True)]


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    tmp.replace(path)


def _bucket_file(root: Path, table: str, bucket: int) -> Path:
    return root / table / f"bucket={bucket:02d}" / "part.parquet"


# ---------------------------------------------------------------------------------------------- index


def _stat(p: Path) -> list[int]:
    st = p.stat()
    return [st.st_size, st.st_mtime_ns]


def index(paths: list[str | Path], rules_dir: Path | None, root: Path = STORE_DIR, encoding: str | None = None,
          jobs: int = 1, columns: Columns = BY_DEFAULT, progress: Callable[[Iterable], Iterable] | None = None,
          extract: Callable[..., Iterable[tuple]] = extract_jobs) -> dict[str, int]:
    """Bring the store at ``root`` up to date with the corpus under ``paths``.

    ``extract`` reads and extracts the articles to (re)index, as :func:`factlint.collect.extract_jobs` (the
    default, in ``jobs`` processes) or on a Dask cluster (:func:`factlint.scale.extract_jobs`).

    Returns:
        Counts: ``articles``, ``unchanged``, ``added``, ``changed``, ``removed``, ``claims`` written.

    Raises:
        RuleError: A rule file is broken.
        ConfigError: The rules' ``config.yaml`` is broken.
    """
    rules = load_rules([rules_dir]) if rules_dir is not None else None
    hedges = hedge_config(rules_dir)
    engine = f"{engine_fingerprint(rules, hedges)}/{columns!r}/{encoding}"
    old = read_manifest(root)
    if old is None or old.get("engine") != engine:
        old = {"articles": _columns([]), "sources": {}}
        for table in (*TABLES, PARTS):  # another engine's rows: start again
            shutil.rmtree(root / table, ignore_errors=True)
        (root / "manifest.json").unlink(missing_ok=True)  # a store of factlint before the pickled manifest
    old_entries = _entries(old)
    by_entry = {e.entry: e for e in old_entries}
    by_source: dict[str, list[Entry]] = {}
    for e in old_entries:
        by_source.setdefault(e.source, []).append(e)
    found = list(discover(paths))
    sources: dict[str, list[int]] = {}
    plan: list[Entry | tuple] = []  # a kept entry, or (source, key, job) to extract
    for p, shown, err in found:
        if p is None:
            plan.append(Entry(shown, "", shown, Article(path=shown, id=shown, status="error", error=err)))
            continue
        stat = _stat(p)
        sources[shown] = stat
        if old["sources"].get(shown) == stat and shown in by_source:
            plan += by_source[shown]  # not read again
            continue
        for u in units([(p, shown, err)], encoding, columns):
            if isinstance(u, Article):
                plan.append(Entry(shown, "", shown, u))
            elif len(u) == 1:
                plan.append((shown, row_key(u[0], encoding, engine), u))
            else:
                try:
                    key = article_key(p.read_bytes(), shown, encoding, engine)
                except OSError:
                    key = ""  # extracting it reports why it cannot be read
                plan.append((shown, key, u))
    # entry names: the article's place, and @n for the n-th repeat of one
    seen: dict[str, int] = {}
    final: list[Entry | tuple] = []
    todo: list[tuple[int, str, str, tuple]] = []
    for item in plan:
        if isinstance(item, Entry):
            final.append(item)
            continue
        source, key, job = item
        ref = f"{source}#{job[0].values.get('id') or job[0].row}" if len(job) == 1 else source
        n = seen.get(ref, 0)
        seen[ref] = n + 1
        name = ref if n == 0 else f"{ref}@{n}"
        kept = by_entry.get(name)
        if kept is not None and kept.key == key:
            if len(job) == 1:  # it may have moved in its table
                kept.article.row, kept.article.row_line = job[0].row, job[0].line
            final.append(kept)
        else:
            todo.append((len(final), name, key, job))
            final.append(item)
    entries: list[Entry] = final  # type: ignore[assignment]
    now = {e.entry for e in final if isinstance(e, Entry)} | {t[1] for t in todo}
    replaced = {t[1] for t in todo}
    gone = {name for name in by_entry if name not in now}
    touched = {_bucket_of(t[1]) for t in todo} | {by_entry[name].bucket for name in gone | (replaced & set(by_entry))}
    written = 0
    out = _Buckets(root, touched, gone | replaced)
    try:
        results = extract([t[3] for t in todo], rules, rules_dir, hedges, jobs, progress, keep_text=True)
        for (pos, name, key, _job), (art, claims, mentions) in zip(todo, results, strict=True):
            e = Entry(name, key, final[pos][0], art)
            final[pos] = e
            if art.status == "ok":  # streamed to the bucket files: the claims of the corpus are never all held
                b = e.bucket
                out.add("claims", b, [(name, *c, i) for i, c in enumerate(claims)])
                out.add("mentions", b, [(name, *m, i) for i, m in enumerate(mentions)])
                out.add("texts", b, [(name, art.text)], size=len(art.text))
                written += len(claims)
            art.text, art._line_starts, art._colmaps = "", [], {}
    except BaseException:
        out.abort()
        raise
    out.close()
    manifest = {"version": VERSION, "engine": engine, "generation": old.get("generation", ""), "sources": sources,
                "articles": _columns(entries)}
    if todo or gone or manifest != old:  # else nothing changed: the store (and what was computed from it) stands
        import pickle

        manifest["generation"] = uuid.uuid4().hex
        _write_atomic(root / MANIFEST,
                      lambda tmp: tmp.write_bytes(pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL)))
    return {"articles": len(entries), "unchanged": len(entries) - len(todo),
            "added": len(replaced - set(by_entry)), "changed": len(replaced & set(by_entry)), "removed": len(gone),
            "claims": written}


_ARROW_TYPES = {"str": "string", "int": "int64", "float | None": "float64", "bool": "bool"}


def _schema(table: str):  # noqa: ANN202 - a pyarrow schema (pyarrow is imported only when a store is written)
    import pyarrow as pa

    types = {"entry": "string", "seq": "int64", "text": "string"}
    if table == "claims":
        types |= {f.name: _ARROW_TYPES[str(f.type)] for f in fields(Claim)}
    elif table == "mentions":
        types |= {name: _ARROW_TYPES[getattr(t, "__forward_arg__", t)] for name, t in Mention.__annotations__.items()}
    return pa.schema([(c, pa.type_for_alias(types[c])) for c in COLUMNS[table]])


class _Buckets:
    """The rewritten bucket files of one :func:`index` run, written as rows come (a bounded buffer between).

    Each touched bucket file is written anew beside the old one: first the old file's rows that stay, then the
    new rows in row groups; :meth:`close` puts the new files in place (a bucket left empty is removed).
    """

    HOLD_ROWS = 200_000  # rows buffered (all tables) before they are written out
    HOLD_BYTES = 64_000_000  # text buffered before it is written out

    def __init__(self, root: Path, touched: set[int], drop: set[str]) -> None:
        self.root, self.touched = root, touched
        self.writers: dict[tuple[str, int], tuple] = {}
        self.buffers: dict[tuple[str, int], list[tuple]] = {}
        self.rows = self.bytes = 0
        for table in TABLES:
            for b in sorted(touched):
                path = _bucket_file(root, table, b)
                if path.exists():
                    prev = pd.read_parquet(path)
                    prev = prev[~prev["entry"].isin(drop)]
                    if len(prev):
                        self._write(table, b, prev)

    def add(self, table: str, bucket: int, rows: list[tuple], size: int = 0) -> None:
        """Buffer the rows of one article; write the buffers out when they hold too much."""
        if rows:
            self.buffers.setdefault((table, bucket), []).extend(rows)
            self.rows += len(rows)
            self.bytes += size
        if self.rows >= self.HOLD_ROWS or self.bytes >= self.HOLD_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write every buffer out as a row group of its bucket file."""
        for (table, b), rows in sorted(self.buffers.items()):
            self._write(table, b, pd.DataFrame.from_records(rows, columns=COLUMNS[table]))
        self.buffers, self.rows, self.bytes = {}, 0, 0

    def _write(self, table: str, bucket: int, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        key = (table, bucket)
        if key not in self.writers:
            path = _bucket_file(self.root, table, bucket)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            self.writers[key] = (pq.ParquetWriter(tmp, _schema(table), compression="zstd"), tmp, path)
        schema = _schema(table)
        self.writers[key][0].write_table(pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False))

    def close(self) -> None:
        """Write what is left and put the new bucket files in place."""
        self.flush()
        for writer, tmp, path in self.writers.values():
            writer.close()
            tmp.replace(path)
        for table in TABLES:
            for b in self.touched:
                path = _bucket_file(self.root, table, b)
                if (table, b) not in self.writers and path.exists():
                    path.unlink()  # every row of the bucket left

    def abort(self) -> None:
        """Leave the store as it was: the new files are dropped."""
        for writer, tmp, _ in self.writers.values():
            writer.close()
            tmp.unlink(missing_ok=True)


def frame(table: str, name: str, items: list[tuple]) -> pd.DataFrame:
    """The stored rows of one article's claims or mentions (``entry`` first, ``seq`` last)."""
    return pd.DataFrame.from_records([(name, *x, i) for i, x in enumerate(items)], columns=COLUMNS[table])


# ---------------------------------------------------------------------------------------------- load


def check_engine(root: Path, rules_dir: Path | None, encoding: str | None, columns: Columns,
                 rules: RuleSet | None = None) -> dict:
    """The store's manifest, when it was indexed by this engine with these rules (``rules``: already loaded).

    Raises:
        StoreError: No store at ``root``, or one indexed with other rules, settings or another factlint.
    """
    manifest = read_manifest(root)
    if manifest is None:
        raise StoreError(f"{root}: no claims store here; run `factlint index` first")
    if rules is None and rules_dir is not None:
        rules = load_rules([rules_dir])
    engine = f"{engine_fingerprint(rules, hedge_config(rules_dir))}/{columns!r}/{encoding}"
    if manifest.get("engine") != engine:
        raise StoreError(f"{root}: the store was indexed with other rules, settings or another factlint; "
                         "run `factlint index` again")
    return manifest


def read_table(root: Path, table: str) -> pd.DataFrame:
    """Every stored row of ``table`` (claims, mentions, texts), bucket by bucket."""
    df = _read_all(root, table)
    return pd.DataFrame(columns=COLUMNS[table]) if df is None else df


def bucket_rows(root: Path, table: str, bucket: int) -> pd.DataFrame:
    """The stored rows of one bucket of ``table`` (none when the bucket is empty)."""
    path = _bucket_file(root, table, bucket)
    return pd.read_parquet(path) if path.exists() else pd.DataFrame(columns=COLUMNS[table])


def entries_of(manifest: dict) -> list[Entry]:
    """The articles of a manifest, in corpus order (new objects at each call)."""
    return _entries(manifest)


def entry_rows(root: Path, entries: Iterable[Entry], table: str = "claims") -> pd.DataFrame:
    """The stored rows of the given entries (reads only their buckets)."""
    names = {e.entry for e in entries}
    parts = []
    for b in sorted({_bucket_of(n) for n in names}):
        path = _bucket_file(root, table, b)
        if path.exists():
            df = pd.read_parquet(path)
            parts.append(df[df["entry"].isin(names)])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS[table])


# ---------------------------------------------------------------------------------------------- summary

SUMMARY = "summary.pkl"
OPEN_ROWS = "open.parquet"


@dataclass
class Summary:
    """What the archive alone gives, kept for drafts checked against it (see ``suite.run_against``)."""

    key: tuple[str, str]  # the manifest's generation and the check configuration it was computed with
    status: dict[str, str]  # each entry's status once duplicates are marked
    per_article: dict[str, list]  # the findings of each article's own checks, by article (file or file#id)
    open: dict[str, list]  # the findings of the open groups, by group (see :func:`open_group`)
    counts: dict[str, int]  # claims by entry
    uncompared: dict[str, list]  # claims not compared, by entry
    tagged: pd.DataFrame  # the claims with a metric (with entry and seq), in corpus order
    names: list[tuple[str, object]]  # the archive's name-variant findings, by block (see :func:`write_names`)
    titles: pd.DataFrame  # the title mentions (with entry and seq, and their group: ``suite.title_group``)
    title_findings: dict[str, list]  # the findings of the titles, by group
    context: dict[tuple, str]  # the sentence quoted at (article, line, text) by the names and titles' findings


def open_group(subjects: Iterable[str], measures: Iterable[str]) -> list[str]:
    """The key under which open claims are kept together: subject and measure."""
    return [f"{s}\x1f{m}" for s, m in zip(subjects, measures, strict=True)]


def read_summary(root: Path, manifest: dict, config: str) -> Summary | None:
    """The summary of this indexing of the archive with this check configuration, if one was written."""
    import pickle

    try:
        got = pickle.loads((root / SUMMARY).read_bytes())
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: computed again
        return None
    if not isinstance(got, Summary) or got.key != (manifest.get("generation", ""), config):
        return None
    try:
        names = NameStore(root)
    except Exception:  # noqa: BLE001 - absent or damaged: computed again
        return None
    names.close()
    return got if names.key == got.key else None


def write_summary(root: Path, summary: Summary, open_rows: pd.DataFrame) -> None:
    """Write the summary and the open claims (sorted by group, in small row groups: read a group at a time)."""
    import pickle

    rows = open_rows.assign(group=open_group(open_rows["subject_key"], open_rows["measure_key"]))
    rows = rows.sort_values("group", kind="stable").reset_index(drop=True)
    _write_atomic(root / OPEN_ROWS, lambda tmp: rows.to_parquet(tmp, index=False, compression="zstd",
                                                                row_group_size=2000))
    _write_atomic(root / SUMMARY, lambda tmp: tmp.write_bytes(pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)))


PARTS = "summary"  # what a few buckets give the summary, kept while they do not change: summary/part-NN.pkl


def part_key(root: Path, buckets: Iterable[int], entries: list[str], config: str) -> str:
    """What a part of the summary depends on.

    Its bucket files, its (readable) articles in corpus order, the check configuration.
    """
    h = hashlib.sha256(config.encode())
    for b in buckets:
        for table in ("claims", "mentions"):
            path = _bucket_file(root, table, b)
            h.update(f"{table}{b}:{_stat(path) if path.exists() else '-'}\n".encode())
    for e in entries:
        h.update(e.encode() + b"\0")
    return h.hexdigest()


def read_part(root: Path, first: int, key: str) -> dict | None:
    """The part of the summary from bucket ``first`` on, if it was computed for ``key``."""
    import pickle

    try:
        got_key, part = pickle.loads((root / PARTS / f"part-{first:02d}.pkl").read_bytes())
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: computed again
        return None
    return part if got_key == key else None


def write_part(root: Path, first: int, key: str, part: dict) -> None:
    """Keep a part of the summary for the next one."""
    import pickle

    _write_atomic(root / PARTS / f"part-{first:02d}.pkl",
                  lambda tmp: tmp.write_bytes(pickle.dumps((key, part), protocol=pickle.HIGHEST_PROTOCOL)))


def open_rows(root: Path, groups: set[str]) -> pd.DataFrame:
    """The archive's open claims of the given groups (only the row groups that hold them are read)."""
    if not groups:
        return pd.DataFrame(columns=COLUMNS["claims"])
    return pd.read_parquet(root / OPEN_ROWS, filters=[("group", "in", sorted(groups))]).drop(columns="group")


NAMES = "names.sqlite"
_BATCH = 500  # keys a query asks for at once
_json = functools.partial(json.dumps, ensure_ascii=False)


def write_names(root: Path, key: tuple[str, str], index: NameIndex, reported: dict[str, str],
                cfg: CheckConfig) -> None:
    """Keep the archive's name index keyed by name and by block, so a draft reads only the names it touches.

    ``key`` is the summary's (:class:`Summary`); ``reported`` gives the block at which the archive's run reported
    each rare name. Besides each name's counts, articles and first mentions and each block's names, the store
    keeps for each name the blocks where it might pair with another (:func:`factlint.checks.typos.might_pair`,
    spelling alone), one of the two in few enough articles to be a rare variant: the only blocks where a draft
    added after the archive can change a finding by changing its counts.
    """
    import pickle
    import sqlite3

    from factlint.checks.typos import might_pair

    dump = functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
    reach = max(1, cfg.name_max_distance)
    # drafts only add articles: a name in more than name_max_articles cannot become a rare variant
    rare = {k for k, arts in index.articles.items() if len(arts) <= cfg.name_max_articles}
    pairs = []
    for nb, tokens in index.blocks.items():
        if len(tokens) < 2 or rare.isdisjoint(tokens):
            continue
        alike: dict[tuple[str, int], list[str]] = {}  # by initial and length, as the check compares them
        for t in tokens:
            alike.setdefault((t[0], len(t)), []).append(t)
        kept: set[str] = set()
        for a in rare.intersection(tokens):
            for b in (b for n in range(len(a) - reach, len(a) + reach + 1) for b in alike.get((a[0], n), ())):
                if might_pair(a, b, cfg):
                    kept |= {a, b}
        pairs += [(t, nb) for t in sorted(kept)]

    def write(tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        with contextlib.closing(sqlite3.connect(tmp)) as db, db:
            db.executescript("CREATE TABLE names (key TEXT PRIMARY KEY, count INTEGER, articles TEXT, first BLOB, "
                             "reported TEXT); CREATE TABLE blocks (nb TEXT PRIMARY KEY, tokens TEXT); "
                             "CREATE TABLE pairs (key TEXT, nb TEXT); CREATE TABLE summary (key TEXT);")
            db.execute("INSERT INTO summary VALUES (?)", ("\0".join(key),))
            db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)",
                           ((k, n, _json(list(index.articles[k])), dump(index.first[k]), reported.get(k))
                            for k, n in index.counts.items()))
            db.executemany("INSERT INTO blocks VALUES (?, ?)", ((nb, _json(list(t))) for nb, t in index.blocks.items()))
            db.executemany("INSERT INTO pairs VALUES (?, ?)", pairs)
            db.execute("CREATE INDEX pairs_key ON pairs (key)")

    _write_atomic(root / NAMES, write)


class NameStore:
    """The archive's name index as :func:`write_names` keeps it, read a few names or blocks at a time."""

    def __init__(self, root: Path) -> None:
        import sqlite3

        self.db = sqlite3.connect(f"{(root / NAMES).resolve().as_uri()}?mode=ro", uri=True)
        try:
            self.key = tuple(self.db.execute("SELECT key FROM summary").fetchone()[0].split("\0"))
        except (sqlite3.Error, TypeError):
            self.key = ()

    def _rows(self, sql: str, keys: Iterable[str]) -> list[tuple]:
        keys = sorted(set(keys))
        out = []
        for i in range(0, len(keys), _BATCH):
            part = keys[i:i + _BATCH]
            out += self.db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        return out

    def names(self, keys: Iterable[str]) -> dict[str, tuple[int, list[str], str | None]]:
        """Count, articles and the block that reported it (or ``None``), of each name stored."""
        sql = "SELECT key, count, articles, reported FROM names WHERE key IN ({})"
        return {k: (n, json.loads(a), r) for k, n, a, r in self._rows(sql, keys)}

    def first(self, key: str) -> list[Mention]:
        """The first mentions of a stored name (none for another)."""
        import pickle

        row = self.db.execute("SELECT first FROM names WHERE key = ?", (key,)).fetchone()
        return pickle.loads(row[0]) if row else []

    def blocks(self, nbs: Iterable[str]) -> dict[str, list[str]]:
        """The names of each stored block."""
        return {nb: json.loads(t) for nb, t in self._rows("SELECT * FROM blocks WHERE nb IN ({})", nbs)}

    def pair_blocks(self, keys: Iterable[str]) -> set[str]:
        """The blocks where one of ``keys`` might pair with another name."""
        return {nb for _, nb in self._rows("SELECT * FROM pairs WHERE key IN ({})", keys)}

    def close(self) -> None:
        """Let go of the file."""
        self.db.close()


def _read_all(root: Path, table: str) -> pd.DataFrame | None:
    import pyarrow.parquet as pq

    files = sorted((root / table).glob("bucket=*/part.parquet"))
    if not files:
        return None
    return pq.ParquetDataset([f.as_posix() for f in files]).read(use_threads=True).to_pandas()


def load(root: Path, manifest: dict) -> Archive:
    """The archive's articles (in corpus order), claims and mentions (in bucket order: see :func:`in_order`)."""
    out = [_read_all(root, table) for table in ("claims", "mentions")]
    out = [pd.DataFrame(columns=COLUMNS[t]) if df is None else df for t, df in zip(("claims", "mentions"), out,
                                                                                      strict=True)]
    return Archive(_entries(manifest), out[0], out[1], root)


def in_order(frames: list[pd.DataFrame], order: dict[str, int]) -> pd.DataFrame:
    """Stored rows of the entries in ``order`` (entry -> place), in corpus order; other entries left out."""
    df = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    place = df["entry"].map(order).fillna(-1).to_numpy()
    keep = np.flatnonzero(place >= 0)
    idx = keep[np.lexsort((df["seq"].to_numpy()[keep], place[keep]))]
    return df.take(idx).reset_index(drop=True)


def _texts(root: Path, entries: dict[str, Entry], wanted: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for b in sorted({entries[w].bucket for w in wanted if w in entries}):
        path = _bucket_file(root, "texts", b)
        if path.exists():
            df = pd.read_parquet(path)
            df = df[df["entry"].isin(wanted)]
            out |= dict(zip(df["entry"], df["text"], strict=True))
    return out


def mentions_of(df: pd.DataFrame) -> list[Mention]:
    """Mentions back from their stored frame."""
    cols = [df[c].tolist() for c in _MENTION_COLUMNS]
    make = tuple.__new__
    return [make(Mention, row) for row in zip(*cols, strict=True)]


def is_store(path: str | Path) -> bool:
    """Whether ``path`` holds a claims store."""
    return (Path(path) / MANIFEST).is_file()


__all__ = ["STORE_DIR", "Archive", "Entry", "StoreError", "check_engine", "index", "is_store", "is_table", "load",
           "mentions_of"]
