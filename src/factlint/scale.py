"""``--dask``: the pipeline on a Dask cluster, with the same claims and findings as one machine.

A ``LocalCluster`` of worker processes by default, or the scheduler at an address (``tcp://host:8786``). The
rules are loaded here and sent to the workers; the workers read the corpus's files at their absolute paths (on
a cluster of several machines, a shared filesystem).

1. Extraction maps over partitions of the corpus: groups of files, of table rows, or of a Parquet table's row
   groups, in corpus order; a worker reads its files and row groups itself (the client reads a Parquet
   table's footer only). Each partition's claims stay on the worker that read them; the client gets the
   articles (without their text).
2. Ids used twice are marked in the client, as on one machine; their claims leave the partitions. The
   partitions make the claims Dask DataFrame, validated against :class:`factlint.schema.ClaimsSchema` by
   pandera, partition by partition; a failure is a warning with its failure cases, and the run goes on.
3. The checks that read one article at a time (stated conversions, arithmetic, restatements, count lists,
   dates, malformed numerals) run on each partition.
4. The claims that are compared across articles are shuffled by group so that no worker holds the whole
   table: ruled claims by metric family (metrics tied by a relation or a ranking go together), each checked
   per metric and period; unruled claims by open group (subject, measure, unit, period, modality).
5. Name and title variants compare mentions across the corpus: each partition indexes its names (counts,
   articles, neighbour blocks, first mentions), and one worker checks the merged index and the titles.

Each check emits its findings in an order of its own (by metric and period, by article id, in corpus order…);
:data:`LOCAL` and :data:`GROUPED` say which, and the findings of the partitions and groups are merged back into
it, so that every report, JSON included, is byte for byte the one machine's.

Dask is the optional extra ``factlint[dask]``; nothing on the single-machine path imports this module.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from factlint.checks import arithmetic, dates, relations
from factlint.checks.agreement import check_agreement
from factlint.checks.arithmetic import sentences_with_cues
from factlint.checks.conversions import check_stated_conversions
from factlint.checks.expectations import check_expectations
from factlint.checks.magnitude import check_magnitude
from factlint.checks.open_comparables import check_open_comparables, open_claims
from factlint.checks.ranks import check_ranks
from factlint.checks.restatement import check_restatements
from factlint.checks.typos import check_malformed, check_names, check_titles
from factlint.collect import extract_all, units
from factlint.config import hedge_config
from factlint.corpus import BY_DEFAULT, Article, Columns, discover, load_article, mark_duplicates, row_article
from factlint.corpus.article import CorpusError
from factlint.corpus.tables import RowGroup, parquet_groups, read_group
from factlint.extract import CLAIM_COLUMNS
from factlint.findings import Finding
from factlint.rules import load_rules

EXTRA = "factlint[dask]"
PARTITION_ARTICLES = 500  # articles per extraction partition at most (a few seconds of work)
CONNECT_TIMEOUT = 20  # seconds to reach a scheduler
_ADDRESS = re.compile(r"^[a-z][a-z0-9+]*://\S+$|^[\w.-]+:\d+$")


class DaskMissing(RuntimeError):
    """``--dask`` without Dask installed."""


class NoScheduler(RuntimeError):
    """No scheduler answers at the address ``--dask`` names."""


def require() -> None:
    """Import Dask and distributed, or say which extra to install.

    Raises:
        DaskMissing: Dask or distributed is not installed.
    """
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskMissing(f"--dask needs Dask: pip install '{EXTRA}' ({exc})") from exc


def is_address(value: str) -> bool:
    """Whether ``value`` is a scheduler address (``tcp://host:8786``, ``host:8786``)."""
    return bool(_ADDRESS.match(value))


@contextlib.contextmanager
def client(address: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: of a new ``LocalCluster`` (``workers`` processes), or of the scheduler at ``address``.

    Raises:
        DaskMissing: Dask is not installed.
        NoScheduler: No scheduler answers at ``address``.
    """
    require()
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(_CONFIG):
        if address:
            try:
                c = Client(address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise NoScheduler(f"--dask {address}: no Dask scheduler answers there ({exc})") from exc
            with c:
                yield c
            return
        with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as c:
            yield c


# object columns stay Python strings (as on one machine); shuffles go through tasks, not Arrow
_CONFIG = {"dataframe.convert-string": False, "dataframe.shuffle.method": "tasks"}


# ---------------------------------------------------------------------------------------------- on a worker


@dataclasses.dataclass(frozen=True)
class Setup:
    """What the workers need, loaded in the client and sent to each worker once (so a worker needs no rules)."""

    key: str  # one per run: a worker builds its reader and schemas once per run
    rules: Any  # RuleSet | None
    hedges: Any  # HedgeConfig
    cfg: Any = None  # CheckConfig (None: extraction only)
    fx: Any = None  # FxTable


def setup(rules_dir: Path | None, rules: Any = None, hedges: Any = None) -> Setup:
    """The :class:`Setup` of the rules in ``rules_dir`` (``rules`` and ``hedges``: already loaded).

    Raises:
        RuleError: A rule file is broken.
        ConfigError: The rules' ``config.yaml`` is broken.
    """
    from factlint.checks import CheckConfig, FxTable

    if rules is None and rules_dir is not None:
        rules = load_rules([rules_dir])
    cfg = CheckConfig.load(rules_dir, {lr.rule.metric for lr in rules.rules} if rules is not None else None)
    fx = FxTable.load(rules_dir / "reference" / "fx.yaml" if rules_dir is not None else None)
    return Setup(uuid.uuid4().hex, rules, hedge_config(rules_dir) if hedges is None else hedges, cfg, fx)


_BUILT: dict[str, dict[str, Any]] = {}


def _engine(s: Setup) -> dict[str, Any]:
    """The rules, a reader, the check configuration and the expectation schemas of ``s``, built once per worker."""
    if s.key not in _BUILT:
        from factlint.expectations import build_schemas
        from factlint.vi import Reader

        _BUILT.clear()  # the previous run's
        _BUILT[s.key] = {"rules": s.rules, "reader": Reader(s.hedges), "cfg": s.cfg, "fx": s.fx,
                         "schemas": build_schemas(s.rules) if s.rules is not None else {}}
    return _BUILT[s.key]


def _article(job: tuple) -> Article:
    return row_article(job[0]) if len(job) == 1 else load_article(Path(job[0]), job[1], job[2])


def _articles(job: tuple | RowGroup) -> list[Article]:
    """The articles of a job: a file, a table row, or a Parquet row group's rows (read here)."""
    if not isinstance(job, RowGroup):
        return [_article(job)]
    try:
        return [row_article(row) for row in read_group(job)]
    except CorpusError as exc:  # its footer read, its rows do not
        return [Article(path=job.shown, id=job.shown, status="error", error=str(exc))]


def _extract(part: int, jobs: list[Article | tuple], engine: Setup) -> dict[str, Any]:
    """Read and extract one partition: its articles (without text), claims (a frame) and mentions."""
    e = _engine(engine)
    articles, rows, mentions = [], [], []
    for job in jobs:
        if isinstance(job, Article):  # a path or table that could not be read
            articles.append(job)
            mentions.append([])
            continue
        for art in _articles(job):
            claims, found = extract_all(art, e["rules"], e["reader"])
            art = dataclasses.replace(art, text="")
            art._line_starts, art._colmaps = [], {}
            rows += [(*c, len(articles)) for c in claims]
            articles.append(art)
            mentions.append(found)
    df = pd.DataFrame.from_records(rows, columns=[*CLAIM_COLUMNS, "_art"])
    df.insert(len(df.columns), "_pos", (part << 32) + pd.RangeIndex(len(df)))
    return {"articles": articles, "claims": df, "mentions": mentions, "metrics": set(df["metric"]) - {""}}


def _kept(got: dict[str, Any], dropped: frozenset[int]) -> pd.DataFrame:
    """The partition's claims without those of articles marked as duplicates, typed as on one machine."""
    from factlint.table import typed

    df = got["claims"]
    df = df[~df["_art"].isin(dropped)] if dropped else df
    return pd.concat([typed(df), df[["_pos"]]], axis=1)


def _local(df: pd.DataFrame, engine: Setup) -> list[tuple[str, Any, Finding]]:
    """The article-local checks of one partition: ``(check, order key, finding)``."""
    e = _engine(engine)
    df = df.drop(columns="_pos").reset_index(drop=True)
    placed = sentences_with_cues(df)
    return [(name, f.locations[0].article if order == "article" else "", f)
            for name, (fn, order) in LOCAL.items() for f in fn(df, e, placed)]


def _grouped(df: pd.DataFrame, engine: Setup, ties: dict[str, list[int]]) -> list[tuple[str, Any, Finding]]:
    """The checks across articles, group by group of one shuffled partition: ``(check, order key, finding)``."""
    e = _engine(engine)
    out = []
    for group, g in df.groupby("_group", sort=False):
        g = g.sort_values("_pos").drop(columns=["_group", "_pos"]).reset_index(drop=True)
        if group.startswith("o\x1f"):
            key = tuple(group.split("\x1f")[1:])
            out += [("open", key, f) for f in check_open_comparables(g, e["cfg"], e["fx"])]
            continue
        for name, (fn, order) in GROUPED.items():
            if order == "relation":
                for n in ties.get(group, []):
                    cfg = dataclasses.replace(e["cfg"], relations=(e["cfg"].relations[n],))
                    out += [(name, (n,), f) for f in fn(g, {**e, "cfg": cfg})]
            else:
                out += [(name, order(f, g), f) for f in fn(g, e)]
    return out


def _typos(parts: list[tuple], engine: Setup) -> list[Finding]:
    """Name and title variants of every kept article, from the partitions' name indexes and titles."""
    from factlint.checks.typos import NameIndex

    e = _engine(engine)
    index = NameIndex.merged((names, places) for names, places, _ in parts)
    return check_names(index, e["cfg"]) + check_titles([m for _, _, titles in parts for m in titles], e["cfg"])


# ---------------------------------------------------------------------------------------------- the checks


def _by_metric_period(f: Finding, g: pd.DataFrame) -> tuple:
    """Checks that go by metric, then period: the case is ``metric-period``."""
    return (f.metric, f.case)


def _by_metric(f: Finding, g: pd.DataFrame) -> tuple:
    """Checks that go by metric, then in the order of its claims."""
    return (f.metric,)


def _rank_order(f: Finding, g: pd.DataFrame) -> tuple:
    """FL301 by metric and period; then FL302 by article, rank and ranking."""
    if f.code == "FL301":
        return (0, f.metric, f.case, 0.0, "")
    loc = f.locations[0]
    value = g.loc[(g["path"] == loc.path) & (g["line"] == loc.line) & (g["column"] == loc.column), "value"]
    return (1, loc.article, "", float(value.iloc[0]), f.case[: -len(loc.article) - 1])


def _expectations(g: pd.DataFrame, e: dict) -> list[Finding]:
    mine = set(g["metric"])
    return check_expectations(g, {m: s for m, s in e["schemas"].items() if m in mine})


# the checks that read one article at a time, run on a partition (claims, engine, placed sentences), and the
# order of their findings: "article" by article id (the check sorts its claims so), "corpus" in corpus order
LOCAL: dict[str, tuple[Callable, str]] = {
    "conversions": (lambda df, e, placed: check_stated_conversions(df, e["cfg"], e["fx"]), "article"),
    "restatements": (lambda df, e, placed: check_restatements(df, e["cfg"]), "corpus"),
    "stated_parts": (lambda df, e, placed: arithmetic.check_stated_parts(df, e["cfg"], placed), "article"),
    "shares": (lambda df, e, placed: arithmetic.check_shares(df, e["cfg"], placed), "article"),
    "changes": (lambda df, e, placed: arithmetic.check_changes(df, e["cfg"], placed), "article"),
    "count_lists": (lambda df, e, placed: relations.check_count_lists(df, e["cfg"]), "corpus"),
    "dates": (lambda df, e, placed: dates.check_dates(df, e["cfg"]), "corpus"),
    "malformed": (lambda df, e, placed: check_malformed(df, e["cfg"]), "corpus"),
}
# the checks across articles, run on a metric family's claims, and the key that orders their findings, or
# "relation": run once per relation of the family, its findings in the order of the relations
GROUPED: dict[str, tuple[Callable, Any]] = {
    "agreement": (lambda g, e: check_agreement(g, e["cfg"], e["fx"]), _by_metric_period),
    "sums": (lambda g, e: relations.check_sums(g, e["cfg"], e["fx"]), "relation"),
    "parts": (lambda g, e: relations.check_parts(g, e["cfg"], e["fx"]), "relation"),
    "ranks": (lambda g, e: check_ranks(g, e["cfg"]), _rank_order),
    "anniversaries": (lambda g, e: dates.check_anniversaries(g, e["cfg"]), "relation"),
    "magnitude": (lambda g, e: check_magnitude(g, e["cfg"]), _by_metric),
    "expectations": (_expectations, _by_metric),
}
# as factlint.checks.run_checks runs them ("open": open comparables, on an open group's claims)
RUN_ORDER = ("agreement", "conversions", "restatements", "stated_parts", "shares", "changes", "open", "sums",
             "parts", "count_lists", "ranks", "anniversaries", "dates", "magnitude", "malformed", "typos",
             "expectations")


def _merge(found: list[tuple[str, Any, Finding]], typos: list[Finding]) -> list[Finding]:
    """Every finding in :func:`factlint.checks.run_checks`' order, from ``(check, order key, finding)``."""
    by: dict[str, list[tuple[Any, Finding]]] = {name: [] for name in RUN_ORDER}
    for name, key, f in found:
        by[name].append((key, f))
    out = {name: [f for _, f in sorted(items, key=lambda kf: kf[0])] for name, items in by.items()}  # stable
    out["typos"] = typos
    out["expectations"] = list({f.fingerprint: f for f in out["expectations"]}.values())  # declared by two rules
    return [f for name in RUN_ORDER for f in out[name]]


# ---------------------------------------------------------------------------------------------- the client


def _families(metrics: set[str], rels: tuple[dict, ...]) -> tuple[dict[str, str], dict[str, list[int]]]:
    """Each metric's group (metrics a relation ties, or one ranking's categories, go together); relations by group."""
    from factlint.expectations import ranking

    parent = {m: m for m in metrics}

    def find(m: str) -> str:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    for m in metrics:
        prefix = ranking(m) + "."
        for other in metrics:
            if other.startswith(prefix):
                union(m, other)
    tied = []
    for rel in rels:
        names = [rel.get(k) for k in ("total", "part", "whole", "founded", "anniversary")] + list(rel.get("parts", []))
        names = [n for n in names if n in parent]
        tied.append(names)
        for n in names[1:]:
            union(names[0], n)
    group = {m: "m\x1f" + find(m) for m in metrics}
    by_group: dict[str, list[int]] = {}
    for n, names in enumerate(tied):
        if names:
            by_group.setdefault(group[names[0]], []).append(n)
    return group, by_group


def _with_group(df: pd.DataFrame, group: dict[str, str]) -> pd.DataFrame:
    """The claims a check across articles reads, with their group: ruled ones by family, open ones by open group."""
    ruled = df[df["metric"] != ""]
    ruled = ruled.assign(_group=ruled["metric"].map(group))
    opened = open_claims(df)
    keys = opened[["subject_key", "measure_key", "dim", "period", "modality"]].astype(str)
    opened = opened.drop(columns="dim").assign(_group="o\x1f" + keys.agg("\x1f".join, axis=1) if len(keys) else "")
    return pd.concat([ruled, opened])


def _split(work: list, workers: int) -> list[list]:
    """Partitions of the corpus in order: at most PARTITION_ARTICLES each, a few per worker at least."""
    if not work:
        return []
    n = max(math.ceil(len(work) / PARTITION_ARTICLES), min(len(work), 2 * workers))
    size = math.ceil(len(work) / n)
    return [work[i:i + size] for i in range(0, len(work), size)]


@dataclasses.dataclass
class Extracted:
    """The corpus read on the cluster: articles in corpus order, the claims partitions, the raw results."""

    articles: list[Article]
    claims: Any  # dask.dataframe.DataFrame
    mentions: list  # futures of each partition's name and title mentions
    metrics: set[str]
    setup: Setup
    engine: Any  # the future of ``setup``, on every worker
    invalid: str  # what fails the claims schema ("" when the table is valid)


def extract(c: Any, paths: list[str | Path], rules_dir: Path | None, encoding: str | None = None,
            columns: Columns = BY_DEFAULT) -> Extracted:
    """Read and extract the corpus on the cluster of client ``c``; the claims as a validated Dask DataFrame.

    Raises:
        RuleError: A rule file is broken.
        ConfigError: The rules' ``config.yaml`` is broken.
    """
    import dask.dataframe as dd
    from dask import delayed

    ready = setup(rules_dir)
    engine = c.scatter(ready, broadcast=True)
    work = [_absolute(u) for u in _units(list(discover(paths)), encoding, columns)]
    workers = max(1, len(c.scheduler_info().get("workers", {})))
    parts = [c.submit(_extract, i, chunk, engine, pure=False) for i, chunk in enumerate(_split(work, workers))]
    summaries = c.gather([c.submit(_summary, p) for p in parts])
    articles = [a for arts, _ in summaries for a in arts]
    was = [a.status for a in articles]
    mark_duplicates(articles)  # a later article with a used id keeps none of its claims, as on one machine
    dropped, metrics, i = [], set(), 0
    for arts, found in summaries:
        dropped.append(frozenset(n for n in range(len(arts)) if was[i + n] != articles[i + n].status))
        metrics |= found
        i += len(arts)
    meta = _kept({"claims": pd.DataFrame(columns=[*CLAIM_COLUMNS, "_art", "_pos"])}, frozenset()).iloc[:0]
    with _dask_config():
        claims = dd.from_delayed([delayed(_kept)(p, d) for p, d in zip(parts, dropped, strict=True)]
                                 or [delayed(meta.copy)()], meta=meta, verify_meta=False).persist()
    mentions = [c.submit(_mentions, p, d, i) for i, (p, d) in enumerate(zip(parts, dropped, strict=True))]
    return Extracted(articles, claims, mentions, metrics, ready, engine, _invalid(claims))


def _invalid(claims: Any, shown: int = 20) -> str:
    """What fails the claims schema ("" when the table is valid), the first ``shown`` failures as a table.

    Pandera validates each partition of the Dask DataFrame lazily, as :func:`factlint.schema.validate` does the
    whole table on one machine; the failure cases come back as rows, not as a worker's exception, and the run
    goes on.
    """
    from factlint.schema import render_failures, validate

    meta = validate(claims._meta.drop(columns="_pos", errors="ignore"))
    with _dask_config():
        failures = claims.map_partitions(lambda df: validate(df.drop(columns="_pos", errors="ignore")),
                                         meta=meta).compute()
    if failures.empty:
        return ""
    more = f"\n… and {len(failures) - shown} more" if len(failures) > shown else ""
    return f"{len(failures)} failures\n{render_failures(failures.head(shown))}{more}"


def _mentions(got: dict[str, Any], dropped: frozenset[int], part: int) -> tuple:
    """What the name and title checks compare of a partition.

    The index of its names (with the places of their first mentions: the partition, the place in it), its titles.
    """
    from factlint.checks.typos import NameIndex

    kept = [m for i, ms in enumerate(got["mentions"]) if i not in dropped and got["articles"][i].status == "ok"
            for m in ms]
    names = [m for m in kept if m.kind == "name" and (m.prev or m.next)]
    index = NameIndex.of(names)
    at = {id(m): (part, k) for k, m in enumerate(names)}
    return index, {k: [at[id(m)] for m in ms] for k, ms in index.first.items()}, [m for m in kept if m.kind == "title"]


def _units(found: list[tuple[Path | None, str, str]], encoding: str | None, columns: Columns
           ) -> list[Article | tuple | RowGroup]:
    """The jobs of :func:`factlint.collect.units`, but a Parquet table's rows are left to the workers.

    Its footer is read here (a broken file is one error, as on one machine); each row group is a job.
    """
    out: list[Article | tuple | RowGroup] = []
    for p, shown, err in found:
        if p is not None and shown.lower().endswith(".parquet"):
            try:
                out += parquet_groups(p.resolve(), shown, columns)
            except CorpusError as exc:
                out.append(Article(path=shown, id=shown, status="error", error=str(exc)))
        else:
            out += units([(p, shown, err)], encoding, columns)
    return out


def _absolute(job: Article | tuple) -> Article | tuple:
    """A file's job with its absolute path: a worker may run in another folder (its shown path stays)."""
    return (str(Path(job[0]).resolve()), *job[1:]) if isinstance(job, tuple) and len(job) == 3 else job


def _summary(got: dict[str, Any]) -> tuple[list[Article], set[str]]:
    return got["articles"], got["metrics"]


@contextlib.contextmanager
def _dask_config() -> Iterator[None]:
    import dask

    with dask.config.set(_CONFIG):
        yield


def claims_frame(x: Extracted) -> pd.DataFrame:
    """The claims table in the client, as one machine builds it."""
    with _dask_config():
        df = x.claims.compute()
    return df.drop(columns="_pos").reset_index(drop=True)


def run(c: Any, paths: list[str | Path], rules_dir: Path | None, accepted: Path | None,
        encoding: str | None = None, columns: Columns = BY_DEFAULT, warn: Callable[[str], None] | None = None) -> Any:
    """:func:`factlint.suite.run` on the cluster of client ``c``: the same :class:`~factlint.suite.Run`.

    ``warn`` is told when the claims fail their schema (the run goes on, as on one machine).

    Raises:
        RuleError, ConfigError, AcceptedError: As :func:`factlint.suite.run`.
    """
    from dask import delayed

    from factlint.checks.consistent import consistent_metrics
    from factlint.findings import apply_accepted, load_accepted
    from factlint.suite import Run, ordered, unreadable, with_context

    accepted_list = load_accepted(accepted)
    x = extract(c, paths, rules_dir, encoding, columns)
    if x.invalid and warn is not None:
        warn(f"the claims fail their schema: {x.invalid}")
    group, ties = _families(x.metrics, x.setup.cfg.relations)
    with _dask_config():
        local = x.claims.to_delayed()
        grouped = x.claims.map_partitions(_with_group, group, meta=_with_group(x.claims._meta, {}))
        grouped = grouped.shuffle(on="_group", npartitions=max(1, x.claims.npartitions)).to_delayed()
        tasks = ([delayed(_local)(p, x.engine) for p in local], [delayed(_grouped)(p, x.engine, ties)
                                                                   for p in grouped],
                 delayed(_typos)(x.mentions, x.engine))
        got_local, got_grouped, typos = c.compute(tasks, sync=True)
        df = claims_frame(x)
    found = [x for part in [*got_local, *got_grouped] for x in part]
    raw = unreadable(x.articles) + ordered(with_context(_merge(found, typos), x.articles, encoding, columns))
    findings, stale = apply_accepted(raw, accepted_list)
    return Run(x.articles, df, [], findings, stale, x.setup.rules, x.setup.cfg, consistent_metrics(df, findings))


def _jobs(jobs: list[tuple], engine: Setup, keep_text: bool) -> list[tuple]:
    """Read and extract one partition of :func:`factlint.collect.units` jobs: ``(article, claims, mentions)`` each."""
    e = _engine(engine)
    out = []
    for job in jobs:
        art = _article(job)
        claims, mentions = extract_all(art, e["rules"], e["reader"])
        if not keep_text:
            art = dataclasses.replace(art, text="")
            art._line_starts, art._colmaps = [], {}
        out.append((art, claims, mentions))
    return out


def extract_jobs(c: Any) -> Callable[..., Iterator[tuple]]:
    """:func:`factlint.collect.extract_jobs` on the cluster of client ``c`` (for :func:`factlint.store.index`).

    The jobs are split into partitions that the workers read and extract; the results come back in order, a
    partition at a time, so the client never holds more than the partitions still to write.
    """

    def run(todo: list[tuple], rules: Any, rules_dir: Path | None, hedges: Any, jobs: int,
            progress: Callable | None = None, keep_text: bool = False) -> Iterator[tuple]:
        engine = c.scatter(setup(rules_dir, rules, hedges), broadcast=True)
        todo = [_absolute(job) for job in todo]
        workers = max(1, len(c.scheduler_info().get("workers", {})))
        futures = [c.submit(_jobs, chunk, engine, keep_text, pure=False) for chunk in _split(todo, workers)]
        for f in futures:
            yield from f.result()
            f.release()
    return run


def invalid_store(root: Path) -> str:
    """What fails the claims schema in a store's claims, read as a Dask DataFrame ("" when valid)."""
    import dask.dataframe as dd

    from factlint.table import typed

    if not list((root / "claims").glob("bucket=*/part.parquet")):
        return ""
    with _dask_config():
        claims = dd.read_parquet(str(root / "claims"), columns=list(CLAIM_COLUMNS))
        return _invalid(claims.map_partitions(typed, meta=typed(claims._meta)))


__all__ = ["EXTRA", "DaskMissing", "Extracted", "NoScheduler", "claims_frame", "client", "extract", "extract_jobs",
           "invalid_store", "is_address", "require", "run"]
