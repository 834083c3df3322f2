"""One run of the whole pipeline: corpus -> claims -> checks -> findings with their accepted status.

Shared by the ``factlint check`` command and the pytest plugin, so both see exactly the same findings.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import regex

from factlint.checks import SUITES, CheckConfig, FxTable, run_checks
from factlint.checks.agreement import NUMERIC_KINDS
from factlint.checks.common import location
from factlint.checks.consistent import Consistent, consistent_metrics
from factlint.checks.open_comparables import open_claims
from factlint.checks.typos import MAX_LOCATIONS, NameIndex, block_names, check_names, check_titles, might_pair
from factlint.collect import (
    cached,
    collect,
    corpus_keys,
    engine_fingerprint,
    extract_all,
    has,
    reader_for,
    store,
)
from factlint.config import hedge_config
from factlint.corpus import BY_DEFAULT, Article, Columns, discover, is_table, load_article, load_table, source_ref
from factlint.findings import Accepted, Finding, Location, apply_accepted, load_accepted
from factlint.names import Mention, sentence_at, title_words
from factlint.rules import RuleSet, load_rules
from factlint.table import to_frame


@dataclass
class Run:
    """Everything a run produced."""

    articles: list[Article]
    claims: pd.DataFrame
    mentions: list[Mention]
    findings: list[Finding]
    stale: list[Accepted] = field(default_factory=list)
    rules: RuleSet | None = None
    config: CheckConfig = field(default_factory=CheckConfig)
    consistent: list[Consistent] = field(default_factory=list)

    @property
    def new(self) -> list[Finding]:
        """Findings not in the accepted file."""
        return [f for f in self.findings if f.status == "new"]

    @property
    def n_claims(self) -> int:
        """How many claims the run has."""
        return len(self.claims)

    @functools.cached_property
    def uncompared(self) -> list[Uncompared]:
        """Claims of ruled metrics that no comparison takes (see :func:`uncompared`)."""
        return uncompared(self.claims)

    @functools.cached_property
    def warnings(self) -> dict[str, list[str]]:
        """Each article's warnings, by path (``file#id`` for a row of a table).

        From reading it, then for its claims that were not compared.
        """
        out = {a.ref: list(a.warnings) for a in self.articles}
        mine: dict[str, list[Uncompared]] = {}
        for u in self.uncompared:
            mine.setdefault(source_ref(u.location.path, u.location.article), []).append(u)
        for path, items in mine.items():
            out.setdefault(path, []).append(uncompared_warning(path, items))
        return out


class StoredRun(Run):
    """A run read back from disk whose claims table is read on first use only: most reports never need it.

    The count of claims and the claims not compared (each article's warnings) are stored beside it.
    """

    def __init__(self, load_claims: Callable[[], pd.DataFrame], n_claims: int, uncompared: list[Uncompared],
                 *args: object, **kwargs: object) -> None:
        self._load, self._claims, self._n = load_claims, None, n_claims
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.__dict__["uncompared"] = uncompared

    @property  # type: ignore[override]
    def claims(self) -> pd.DataFrame:
        """The claims table, read when first asked for."""
        if self._claims is None:
            self._claims = self._load()
        return self._claims

    @claims.setter
    def claims(self, value: pd.DataFrame | None) -> None:
        self._claims = value

    @property
    def n_claims(self) -> int:
        """How many claims the run has (without reading the table)."""
        return self._n


@dataclass(frozen=True)
class Uncompared:
    """A claim of a ruled metric that the checks leave out, and why: shown, never dropped without a word."""

    location: Location
    metric: str
    reason: str


def uncompared(claims: pd.DataFrame) -> list[Uncompared]:
    """Figures (money, counts, percentages) of ruled metrics without a period: no comparison can take them."""
    rows = claims[(claims["metric"] != "") & claims["kind"].isin(NUMERIC_KINDS) & (claims["period"] == "")]
    return [Uncompared(location(r), r.metric, "no period") for r in rows.itertuples(index=False)]


def uncompared_count(items: list[Uncompared]) -> str:
    """"7 claims of ruled metrics not compared: no period"."""
    reasons = ", ".join(sorted({u.reason for u in items}))
    return f"{len(items)} claim{'' if len(items) == 1 else 's'} of ruled metrics not compared: {reasons}"


def uncompared_warning(path: str, items: list[Uncompared], shown: int = 5) -> str:
    """One article's warning: "a.md: 2 claims of ruled metrics not compared: no period ('50 tỷ USD' line 3 …)"."""
    listed = "; ".join(f"{u.location.text!r} line {u.location.line}, {u.metric}" for u in items[:shown])
    more = f"; and {len(items) - shown} more" if len(items) > shown else ""
    return f"{path}: {uncompared_count(items)} ({listed}{more})"


@dataclass(frozen=True)
class Case:
    """One test item of the check suite: a suite, a case id and its findings."""

    suite: str
    id: str
    findings: tuple[Finding, ...]


def run(paths: list[str | Path], rules_dir: Path | None, accepted: Path | None, encoding: str | None = None,
        articles: list[Article] | None = None, progress: Callable[[Iterable], Iterable] | None = None,
        jobs: int = 1, cache: Path | None = None, columns: Columns = BY_DEFAULT) -> Run:
    """Run the pipeline over ``paths`` with the rules in ``rules_dir`` and the accepted-findings file.

    Args:
        paths: Article files or folders.
        rules_dir: The claim rules (with ``relations.yaml``, ``config.yaml``, ``reference/fx.yaml``).
        accepted: The accepted-findings file (may not exist).
        encoding: Fallback codec for articles that are not UTF-8.
        articles: Already loaded articles (``paths`` is then ignored).
        progress: Wraps the article loop (a progress bar on a terminal).
        jobs: Worker processes for reading and extraction.
        cache: Folder of the per-article cache (``None``: no cache).
        columns: Which column of a table (JSONL, CSV, Parquet) holds which field of an article.
    """
    rules = load_rules([rules_dir]) if rules_dir is not None else None
    cfg = CheckConfig.load(rules_dir, {lr.rule.metric for lr in rules.rules} if rules is not None else None)
    fx = FxTable.load(rules_dir / "reference" / "fx.yaml" if rules_dir is not None else None)
    hedges = hedge_config(rules_dir)
    accepted_list = load_accepted(accepted)
    keys = run_key = None
    if articles is None and cache is not None:
        found = list(discover(paths))
        keys = corpus_keys(found, encoding, engine_fingerprint(rules, hedges), columns, memo=cache / "stat")
        run_key = _run_key(found, keys, rules_dir)
        hit = cached(cache / "runs", run_key) if has(cache / "runs", f"{run_key}-claims") else None
        if hit is not None:  # nothing changed: the findings of the last run stand, its claims are read on use
            arts, raw, consistent, not_compared, n_claims = hit
            findings, stale = apply_accepted(raw, accepted_list)
            return StoredRun(functools.partial(_cached_claims, cache / "runs", run_key), n_claims, not_compared,
                             arts, None, [], findings, stale, rules, cfg, consistent)
    with _gc_paused():
        return _compute(paths, rules_dir, encoding, articles, progress, jobs, cache, keys, run_key, rules, cfg, fx,
                        accepted_list, hedges, columns)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic tuples are built.

    Its full collections walk the whole heap again and again, which made a run grow faster than the corpus.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _compute(paths, rules_dir, encoding, articles, progress, jobs, cache, keys, run_key, rules, cfg, fx,  # noqa: ANN001
             accepted_list, hedges, columns) -> Run:
    """The uncached part of :func:`run`."""
    if articles is None:
        got = collect(paths, rules_dir, encoding, jobs=jobs, cache=cache, progress=progress, keys=keys,
                      columns=columns)
        arts, claims, mentions = got.articles, got.claims, got.mentions
    else:
        arts, claims, mentions = articles, [], []
        reader = reader_for(hedges)
        for a in articles:
            got_claims, got_mentions = extract_all(a, rules, reader)
            claims += got_claims
            mentions += got_mentions
    df = to_frame(claims)
    schemas = _schemas(rules)
    raw = unreadable(arts) + ordered(with_context(run_checks(df, mentions, cfg, fx, schemas), arts, encoding, columns))
    findings, stale = apply_accepted(raw, accepted_list)
    done = Run(arts, df, mentions, findings, stale, rules, cfg, consistent_metrics(df, findings))
    if run_key is not None:  # the claims apart: a re-run that reports findings only never reads them
        store(cache / "runs", f"{run_key}-claims", df)
        store(cache / "runs", run_key, (arts, raw, done.consistent, done.uncompared, len(df)))
    return done


def _cached_claims(cache: Path, run_key: str) -> pd.DataFrame:
    df = cached(cache, f"{run_key}-claims")
    if df is None:
        raise RuntimeError(f"{cache}: the claims of a cached run are gone; run again with --no-cache")
    return df


def ordered(findings: list[Finding]) -> list[Finding]:
    """The checks' findings in one order however they were computed (a whole run, or drafts against a store).

    By code, then the places they point at, then what they say. (Unreadable articles come first, in corpus order.)
    """
    def key(f: Finding) -> tuple:
        places = [(x.path, x.line, x.column, x.end_line, x.end_column, x.article, x.text) for x in f.locations]
        return f.code, places, f.fingerprint, f.message, f.severity

    return sorted(findings, key=key)


def _run_key(found: list, keys: dict[str, str], rules_dir: Path | None) -> str:
    """What a whole run depends on: every article's key, the paths that failed, the check configuration."""
    h = hashlib.sha256()
    for p, shown, err in found:
        h.update(f"{shown}\0{keys.get(str(p), err)}\n".encode())
    if rules_dir is not None:
        for name in ("relations.yaml", "config.yaml", "reference/fx.yaml"):
            f = rules_dir / name
            h.update(f.read_bytes() if f.exists() else b"-")
    return h.hexdigest()


def with_context(findings: list[Finding], articles: list[Article], encoding: str | None,
                 columns: Columns = BY_DEFAULT, texts: Callable[[set[str]], dict[str, str]] | None = None
                 ) -> list[Finding]:
    """Give locations without a quoted sentence (names, titles) the sentence around them.

    Mentions travel without their sentences (most are never cited); the few articles that findings cite are
    read again here (a table once for all its cited rows), or taken from ``texts`` (refs to their stored text).
    """
    need = {source_ref(loc.path, loc.article) for f in findings for loc in f.locations if not loc.sentence and loc.text}
    if not need:
        return findings
    by_ref = {a.ref: a for a in articles if a.status == "ok" and a.ref in need}
    loaded = {r: a for r, a in by_ref.items() if a.text}
    if texts is not None:
        for r, text in texts({r for r in by_ref if r not in loaded}).items():
            loaded[r] = replace(by_ref[r], text=text)
    for path in sorted({a.path for r, a in by_ref.items() if r not in loaded}):
        if is_table(path):
            for a in load_table(Path(path), path, columns, encoding):
                if a.ref in by_ref:
                    loaded.setdefault(a.ref, a)  # a later row of a duplicate id is not the article
        else:
            loaded[path] = load_article(Path(path), path, encoding)
    out = []
    for f in findings:
        locs = []
        for loc in f.locations:
            art = loaded.get(source_ref(loc.path, loc.article))
            if not loc.sentence and loc.text and art is not None and art.status == "ok":
                loc = replace(loc, sentence=sentence_at(art, loc.line, loc.text))
            locs.append(loc)
        out.append(replace(f, locations=tuple(locs)))
    return out


def unreadable(articles: list[Article]) -> list[Finding]:
    """An error finding (FL001) for every article that could not be read, at the line its error names."""
    out = []
    for a in articles:
        if a.status == "ok":
            continue
        m = regex.match(r"[^:]+:(\d+):", a.error)
        line = int(m.group(1)) if m else 1
        # the key leaves out the path, the line and every other number ("at offset 52"): they move with the text
        key = regex.sub(r"\d+", "#", a.error.split(": ", 1)[-1])
        out.append(Finding("FL001", "corpus", "error", "", a.error, (Location(a.id, a.path, line, 1, line, 1, ""),),
                           a.id, key=key))
    return out


def cases(r: Run, suite: str) -> list[Case]:
    """The test cases of one suite: every group the suite looks at, and those with findings."""
    checks = SUITES[suite]
    mine = [f for f in r.findings if f.check in checks]
    ids: set[str] = {f.case for f in mine}
    df = r.claims
    tagged = df[df["metric"] != ""]
    if suite in ("agreement", "magnitude"):
        num = tagged[tagged["kind"].isin(["money", "count", "percent"]) & (tagged["period"] != "")]
        ids |= {f"{m}-{p}" for m, p in zip(num["metric"], num["period"], strict=True)}
    elif suite == "ranks":
        rk = tagged[tagged["kind"] == "rank"]
        ids |= {f"{m}-{p}" for m, p in zip(rk["metric"], rk["period"], strict=True)}
    elif suite == "expectations":  # one case per metric schema, findings or not
        ids |= set(_schemas(r.rules))
    elif suite == "relations":
        ids |= {f"{m}-{p}" for m, p in zip(tagged["metric"], tagged["period"], strict=True)
                if any(m in (rel.get("total"), rel.get("part")) for rel in r.config.relations)}
        ids |= {a.id for a in r.articles if a.status == "ok"}
    else:
        ids |= {a.id for a in r.articles if a.status == "ok"}
    return [Case(suite, i, tuple(f for f in mine if f.case == i)) for i in sorted(ids)]


# What each check's findings depend on, for checking drafts against a store (see :func:`run_against`).
# Checks of one article's own claims: an archived article's findings stand until the article is replaced.
PER_ARTICLE = frozenset({"stated_conversion", "restatement", "stated_parts", "stated_share", "shares_over_100",
                         "stated_change", "stated_ratio", "count_list", "date_after_publication", "date_range",
                         "malformed_numeral"})
# Checks of open groups (no rule): a group's findings stand until a draft joins or leaves it.
OPEN = frozenset({"open_comparable"})
# Checks of the names and titles of the whole corpus, checked again with every draft.
MENTIONS = frozenset({"name_variant", "title_variant"})
# Every other check compares the claims of ruled metrics (tagged claims), which are checked again with every draft.


def run_against(store_root: Path, drafts: list[str | Path], rules_dir: Path | None, accepted: Path | None,
                encoding: str | None = None, jobs: int = 1, columns: Columns = BY_DEFAULT,
                progress: Callable[[Iterable], Iterable] | None = None) -> Run:
    """Check ``drafts`` against the archive in the claims store, without reading the archive's text.

    The findings are those of a full run over the archive with the drafts in it: a draft that is an article of
    the archive (same file, or same table row) takes its place, a new one comes after the archive.

    What the archive alone gives is kept in the store (:func:`summarize`, written on first use): the findings of
    each article's own checks and of each open group, each article's claim count and warnings, the tagged
    claims and the mentions. Only what a draft can change is checked again: the drafts' own claims, the open
    groups they (or the articles they replace) belong to, the tagged claims and the mentions.

    Raises:
        StoreError: No store, or one indexed with other rules or settings.
    """
    with _gc_paused():  # tens of thousands of articles built from the manifest
        return _run_against(store_root, drafts, rules_dir, accepted, encoding, jobs, columns, progress)


def _run_against(store_root: Path, drafts: list[str | Path], rules_dir: Path | None, accepted: Path | None,  # noqa: PLR0913
                 encoding: str | None, jobs: int, columns: Columns,
                 progress: Callable[[Iterable], Iterable] | None) -> Run:
    """:func:`run_against`, the garbage collector paused."""
    from factlint import store
    from factlint.collect import extract_jobs, units
    from factlint.corpus import mark_duplicates
    from factlint.table import typed

    rules = load_rules([rules_dir]) if rules_dir is not None else None
    manifest = store.check_engine(store_root, rules_dir, encoding, columns, rules)
    cfg = CheckConfig.load(rules_dir, {lr.rule.metric for lr in rules.rules} if rules is not None else None)
    fx = FxTable.load(rules_dir / "reference" / "fx.yaml" if rules_dir is not None else None)
    hedges = hedge_config(rules_dir)
    accepted_list = load_accepted(accepted)
    work = units(list(discover(drafts)), encoding, columns)
    jobs_list = [u for u in work if isinstance(u, tuple)]
    done = iter(extract_jobs(jobs_list, rules, rules_dir, hedges, jobs, progress, keep_text=True))
    drafted = [(u, [], []) if isinstance(u, Article) else next(done) for u in work]
    summary = store.read_summary(store_root, manifest, _config_key(rules_dir))
    if summary is None:
        gc.enable()  # (a whole archive is read: its garbage is collected)
        try:
            summary = summarize(store_root, rules_dir, encoding, columns, manifest, cfg, fx)
        finally:
            gc.disable()
    entries = store.entries_of(manifest)
    slots: list = list(entries)
    place = {}
    for i, e in enumerate(entries):
        place.setdefault(e.article.ref, i)
    replaced = set()
    for got in drafted:
        i = place.get(got[0].ref)
        if i is not None and i not in replaced:
            replaced.add(i)
            slots[i] = got
        else:
            slots.append(got)
    arts = [s.article if isinstance(s, store.Entry) else s[0] for s in slots]
    mark_duplicates(arts)
    gone = {entries[i].entry for i in replaced}
    if any(a.status != summary.status.get(e.entry) for e, a in zip(entries, arts, strict=False) if e.entry not in gone):
        # a draft's id turns an archived article into a duplicate, or frees one: check the whole archive again
        return _against_all(store_root, manifest, slots, arts, rules, cfg, fx, _schemas(rules), accepted_list, encoding,
                            columns)
    order, new_claims, new_mentions = _slot_rows(slots, arts)
    mine_rows = store.in_order(new_claims or [store.frame("claims", "", [])], order)  # with entry and seq
    mine = typed(mine_rows)
    entry_of = {e.article.ref: e.entry for e in entries}
    texts = store.Archive(entries, pd.DataFrame(), pd.DataFrame(), store_root).texts

    def checked(found: list[Finding]) -> list[Finding]:
        return with_context(found, arts, encoding, columns,
                            texts=lambda refs: _by_ref(texts(entry_of[r] for r in refs if r in entry_of), entry_of))

    kept = {e.entry for e in entries if e.entry not in gone}
    # each article's own checks: the archive's stand, the drafts' are run
    found = [f for ref, fs in summary.per_article.items() if entry_of.get(ref) in kept for f in fs]
    if len(mine):
        found += checked([f for f in run_checks(mine, [], cfg, fx, {}) if f.check in PER_ARTICLE])
    # ruled metrics: every tagged claim, the drafts' with them
    tagged = typed(store.in_order([summary.tagged, mine_rows[mine_rows["metric"] != ""]], order))
    if len(tagged):  # (no claim of a ruled metric: nothing to compare)
        found += checked([f for f in run_checks(tagged, [], cfg, fx, _schemas(rules))  # as a full run
                          if f.check not in PER_ARTICLE | OPEN | MENTIONS])
    # open groups: those a draft joins or leaves are checked again, the others' findings stand
    groups = _open_groups(mine) | _open_groups(typed(store.entry_rows(store_root, [entries[i] for i in replaced])))
    found += [f for g, fs in summary.open.items() if g not in groups for f in fs]
    near = typed(store.in_order([store.open_rows(store_root, groups), mine_rows], order))
    found += checked([f for f in run_checks(near, [], cfg, fx, {}) if f.check in OPEN])
    # names and titles: the whole corpus's (the archive's names indexed once, the drafts' added after them)
    mine_mentions = store.mentions_of(store.in_order(new_mentions or [store.frame("mentions", "", [])], order))
    if replaced:  # an archived article leaves: its names leave the index, which is merged again from the parts
        names = check_names(_names_replacing(store_root, entries, summary.status, gone, order, new_mentions,
                                             _config_key(rules_dir)), cfg)
    else:
        names = _names_against(store_root, summary.names, mine_mentions, cfg)
    # titles: the groups (first words) a draft joins or leaves are checked again, the others' findings stand
    near_titles = summary.titles[summary.titles["entry"].isin(gone)]
    groups = {title_group(m.text) for m in mine_mentions if m.kind == "title"} | set(near_titles["group"])
    titles = store.in_order([summary.titles[summary.titles["group"].isin(groups)].drop(columns="group"),
                             *new_mentions], order)
    titles = [m for m in store.mentions_of(titles) if m.kind == "title" and title_group(m.text) in groups]
    titled = [f for g, fs in summary.title_findings.items() if g not in groups for f in fs] + check_titles(titles, cfg)
    drafted_refs = {a.ref for s, a in zip(slots, arts, strict=True) if not isinstance(s, store.Entry)}
    found += checked(_in_context(names + titled, summary.context, drafted_refs))
    raw = unreadable(arts) + ordered(found)
    findings, stale = apply_accepted(raw, accepted_list)
    n_claims = sum(summary.counts.get(e, 0) for e in kept) + len(mine)
    theirs = {}
    for u in uncompared(mine):
        theirs.setdefault(source_ref(u.location.path, u.location.article), []).append(u)
    not_compared = [u for s, a in zip(slots, arts, strict=True) for u in (
        summary.uncompared.get(s.entry, []) if isinstance(s, store.Entry) else theirs.get(a.ref, []))]
    return StoredRun(functools.partial(_all_claims, store_root, [*new_claims], order), n_claims, not_compared,
                     arts, None, mine_mentions, findings, stale, rules, cfg, consistent_metrics(tagged, findings))


def _in_context(findings: list[Finding], context: dict[tuple, str], drafted: set[str]) -> list[Finding]:
    """Give locations the sentences an earlier run quoted at the same place of the same (not drafted) article."""
    out = []
    for f in findings:
        locs = tuple(replace(x, sentence=context.get((ref, x.line, x.text), ""))
                     if not x.sentence and (ref := source_ref(x.path, x.article)) not in drafted else x
                     for x in f.locations)
        out.append(replace(f, locations=locs) if locs != f.locations else f)
    return out


def names_by_block(index: NameIndex, cfg: CheckConfig) -> tuple[list[tuple[str, Finding]], dict[str, str]]:
    """The name variants of ``index`` as :func:`check_names` finds them, with their block; where each was reported."""
    by_block, reported = [], {}
    found: set[str] = set()
    for nb, tokens in sorted(index.blocks.items()):
        for f in block_names(index, nb, tokens, cfg, found):
            by_block.append((nb, f))
            reported[f.key.split("|")[0]] = nb
    return by_block, reported


def title_group(title: str) -> str:
    """The titles :func:`check_titles` compares with each other share their first three words (as it reads them)."""
    return "\x1f".join(title_words(title)[:3])


def _names_replacing(store_root: Path, entries: list, status: dict[str, str], gone: set[str],  # noqa: PLR0913
                     order: dict[str, int], drafted: list[pd.DataFrame], config: str) -> NameIndex:
    """The name index of the archive with drafts in it that replace some of its articles, from the summary's parts.

    The parts that hold a replaced article are indexed again without it (from their buckets), the others are
    taken as the summary kept them; the drafts' names come in at their places.
    """
    from factlint import store

    readable: dict[int, list[str]] = {}  # as the summary keyed its parts
    for e in entries:
        if status.get(e.entry) == "ok":
            readable.setdefault(e.bucket // SUMMARY_BUCKETS, []).append(e.entry)
    redo = {store._bucket_of(e) // SUMMARY_BUCKETS for e in gone}
    parts = []
    for b in range(0, store.BUCKETS, SUMMARY_BUCKETS):
        buckets = range(b, b + SUMMARY_BUCKETS)
        key = store.part_key(store_root, buckets, readable.get(b // SUMMARY_BUCKETS, []), config)
        part = None if b // SUMMARY_BUCKETS in redo else store.read_part(store_root, b, key)
        if part is None:
            index, at = _name_part(store.in_order([store.bucket_rows(store_root, "mentions", x) for x in buckets],
                                                  order))
        else:
            index, at = part["names"], part["first"]
        parts.append((index, {k: [(order[e], i) for e, i in places] for k, places in at.items()}))
    index, at = _name_part(store.in_order(drafted or [store.frame("mentions", "", [])], order))
    parts.append((index, {k: [(order[e], i) for e, i in places] for k, places in at.items()}))
    return NameIndex.merged(parts)


def _name_part(mentions: pd.DataFrame) -> tuple[NameIndex, dict[str, list[tuple[str, int]]]]:
    """The name index of stored mention rows (in corpus order), and where its first mentions sit (entry, seq)."""
    from factlint import store

    named = mentions[(mentions["kind"] == "name") & ((mentions["prev"] != "") | (mentions["next"] != ""))]
    found = store.mentions_of(named)
    index = NameIndex.of(found)
    at = {id(m): (e, i) for m, e, i in zip(found, named["entry"], named["seq"], strict=True)}
    return index, {k: [at[id(m)] for m in ms] for k, ms in index.first.items()}


def _names_against(store_root: Path, archive: list[tuple[str, Finding]], mine: list[Mention],
                   cfg: CheckConfig) -> list[Finding]:
    """The name variants of the archive with new drafts after it, reading only the names the drafts touch.

    The archive's findings (``archive``, by block) stand but in the blocks a draft changes: where it brings a
    name that might pair with one there, or changes the counts of a name that might pair there. Those blocks
    are checked again in their order; when one reports other rare names than the archive's run did, the blocks
    after it where those names might pair are checked again too (a rare name is reported once).
    """
    import heapq

    from factlint import store

    added = NameIndex.of(mine)
    if not added.counts:
        return [f for _, f in archive]
    ns = store.NameStore(store_root)
    view, reported_at = NameIndex(), {}

    class First(dict):  # a name's first mentions, read when the check asks for them
        def __missing__(self, k: str) -> list[Mention]:
            self[k] = (ns.first(k) + added.first.get(k, []))[:MAX_LOCATIONS]
            return self[k]

    view.first = First()

    def load(keys: Iterable[str]) -> None:
        missing = {k for k in keys if k not in view.counts}
        stored = ns.names(missing)
        for k in missing:
            n, arts, at = stored.get(k, (0, [], None))
            view.counts[k] = n + added.counts.get(k, 0)
            view.articles[k] = dict.fromkeys(arts) | added.articles.get(k, {})
            reported_at[k] = at

    stored_blocks = ns.blocks(added.blocks)
    todo = ns.pair_blocks(added.counts)
    for nb, tokens in added.blocks.items():
        have = stored_blocks.get(nb, [])
        new = [t for t in tokens if t not in set(have)]
        if any(might_pair(a, b, cfg) or might_pair(b, a, cfg) for a in new for b in [*have, *tokens]):
            todo.add(nb)
    stored_blocks |= ns.blocks(todo - set(stored_blocks))
    heap = sorted(todo)
    redone: dict[str, list[Finding]] = {}
    moved: dict[str, str | None] = {}  # rare names reported elsewhere than in the archive's run: where now
    while heap:
        nb = heapq.heappop(heap)
        if nb in redone:
            continue
        if nb not in stored_blocks:
            stored_blocks |= ns.blocks([nb])
        tokens = list(dict.fromkeys([*stored_blocks.get(nb, []), *added.blocks.get(nb, {})]))
        load(tokens)
        at = {t: moved[t] if t in moved else reported_at[t] for t in tokens}
        was = {t for t, b in at.items() if b is not None and b < nb}
        before = set(was)
        redone[nb] = block_names(view, nb, tokens, cfg, was)
        for t in tokens:
            now = t in was and t not in before
            if t in moved:
                if now:
                    moved[t] = nb
            elif now != (reported_at[t] == nb):  # the first difference: where it is reported may move on
                moved[t] = nb if now else None
                for b in ns.pair_blocks([t]):
                    if b > nb:
                        heapq.heappush(heap, b)
    ns.close()
    return [f for nb, f in archive if nb not in redone] + [f for fs in redone.values() for f in fs]


def _open_groups(df: pd.DataFrame) -> set[str]:
    from factlint import store

    d = open_claims(df)
    return set(store.open_group(d["subject_key"], d["measure_key"]))


def _all_claims(store_root: Path, new_claims: list[pd.DataFrame], order: dict[str, int]) -> pd.DataFrame:
    """The claims of the archive with the drafts in it, in corpus order (read when a report needs them)."""
    from factlint import store
    from factlint.table import typed

    return typed(store.in_order([store.read_table(store_root, "claims"), *new_claims], order))


def _slot_rows(slots: list, arts: list[Article]) -> tuple[dict[str, int], list, list]:
    """The corpus order of archive entries and drafts, and the drafts' claim and mention rows under their names.

    An unreadable article's place is -1: its rows are left out.
    """
    from factlint import store

    order: dict[str, int] = {}
    claims, mentions = [], []
    for i, s in enumerate(slots):
        name = s.entry if isinstance(s, store.Entry) else f"\0draft{i}"
        order[name] = i if arts[i].status == "ok" else -1
        if not isinstance(s, store.Entry):
            claims.append(store.frame("claims", name, s[1]))
            mentions.append(store.frame("mentions", name, s[2]))
    return order, claims, mentions


def _against_all(store_root: Path, manifest: dict, slots: list, arts: list[Article], rules: RuleSet | None,  # noqa: PLR0913
                 cfg: CheckConfig, fx: FxTable, schemas: dict, accepted_list: list[Accepted], encoding: str | None,
                 columns: Columns) -> Run:
    """Drafts against the whole archive, every check run again over all of it.

    For drafts that change which archived articles count (a duplicate id made or undone).
    """
    from factlint import store
    from factlint.table import typed

    entries = store.entries_of(manifest)
    order, new_claims, new_mentions = _slot_rows(slots, arts)
    claims = [store.read_table(store_root, "claims"), *new_claims]
    mentions = [store.read_table(store_root, "mentions"), *new_mentions]
    df = typed(store.in_order(claims, order))  # a replaced entry has no place: its stored rows are left out
    found_mentions = store.mentions_of(store.in_order(mentions, order))
    entry_of = {e.article.ref: e.entry for e in entries}
    texts = store.Archive(entries, pd.DataFrame(), pd.DataFrame(), store_root).texts
    raw = unreadable(arts) + ordered(with_context(
        run_checks(df, found_mentions, cfg, fx, schemas), arts, encoding, columns,
        texts=lambda refs: _by_ref(texts(entry_of[r] for r in refs if r in entry_of), entry_of)))
    findings, stale = apply_accepted(raw, accepted_list)
    return Run(arts, df, found_mentions, findings, stale, rules, cfg, consistent_metrics(df, findings))


def summarize(store_root: Path, rules_dir: Path | None, encoding: str | None, columns: Columns, manifest: dict,
              cfg: CheckConfig, fx: FxTable):  # noqa: ANN201 - store.Summary
    """Check the stored archive alone and keep in the store what drafts checked against it reuse.

    Written beside the manifest, for this indexing of the archive and this check configuration.
    """
    from factlint import store
    from factlint.corpus import mark_duplicates
    from factlint.table import typed

    entries = store.entries_of(manifest)
    arts = [e.article for e in entries]
    mark_duplicates(arts)
    order = {e.entry: i if a.status == "ok" else -1 for i, (e, a) in enumerate(zip(entries, arts, strict=True))}
    # a few buckets at a time: no more than those buckets' claims and mentions are held at once
    own: list[Finding] = []
    tagged, near, titles, counts, not_compared = [], [], [], {}, {}
    names = []
    config = _config_key(rules_dir)
    readable: dict[int, list[str]] = {}  # the readable articles of each part, in corpus order
    for e in entries:
        if order[e.entry] >= 0:
            readable.setdefault(e.bucket // SUMMARY_BUCKETS, []).append(e.entry)
    for b in range(0, store.BUCKETS, SUMMARY_BUCKETS):
        buckets = range(b, b + SUMMARY_BUCKETS)
        # what these buckets gave the last summary stands while their files and their articles' order do
        key = store.part_key(store_root, buckets, readable.get(b // SUMMARY_BUCKETS, []), config)
        part = store.read_part(store_root, b, key)
        if part is None:
            part = _bucket_summary(store_root, buckets, order, cfg, fx)
            store.write_part(store_root, b, key, part)
        own += part["per_article"]
        tagged.append(part["tagged"])
        near.append(part["open"])
        titles.append(part["titles"])
        counts |= part["counts"]
        for e, u in part["uncompared"]:
            not_compared.setdefault(e, []).append(u)
        names.append((part["names"], {k: [(order[e], i) for e, i in at] for k, at in part["first"].items()}))
    names = NameIndex.merged(names)
    entry_of = {e.article.ref: e.entry for e in entries}
    texts = store.Archive(entries, pd.DataFrame(), pd.DataFrame(), store_root).texts
    by_block, reported = names_by_block(names, cfg)
    titles_df = store.in_order(titles, order)
    titled = check_titles(store.mentions_of(titles_df), cfg)
    open_rows = store.in_order(near, order)
    opened = [f for f in run_checks(typed(open_rows), [], cfg, fx, {}) if f.check in OPEN]
    raw = with_context(own + opened + [f for _, f in by_block] + titled, arts, encoding, columns,
                       texts=lambda refs: _by_ref(texts(entry_of[r] for r in refs if r in entry_of), entry_of))
    group_at = dict(zip(zip(open_rows["path"], open_rows["line"], open_rows["column"], strict=True),
                        store.open_group(open_rows["subject_key"], open_rows["measure_key"]), strict=True))
    per_article: dict[str, list[Finding]] = {}
    open_: dict[str, list[Finding]] = {}
    for f in raw:
        loc = f.locations[0]
        if f.check in PER_ARTICLE:
            per_article.setdefault(source_ref(loc.path, loc.article), []).append(f)
        elif f.check in OPEN:
            open_.setdefault(group_at[(loc.path, loc.line, loc.column)], []).append(f)
    context = {(source_ref(x.path, x.article), x.line, x.text): x.sentence
               for f in raw if f.check in MENTIONS for x in f.locations if x.sentence}
    title_findings: dict[str, list[Finding]] = {}
    for f in titled:
        title_findings.setdefault(title_group(f.locations[0].text), []).append(f)
    summary = store.Summary(
        key=(manifest.get("generation", ""), config),
        status={e.entry: a.status for e, a in zip(entries, arts, strict=True)},
        per_article=per_article, open=open_, counts=counts, uncompared=not_compared,
        tagged=store.in_order(tagged, order), names=by_block,
        titles=titles_df.assign(group=[title_group(t) for t in titles_df["text"]]), title_findings=title_findings,
        context=context)
    store.write_names(store_root, summary.key, names, reported, cfg)
    store.write_summary(store_root, summary, open_rows)
    return summary


SUMMARY_BUCKETS = 8  # buckets of the store summarized at once (of 64)


def _bucket_summary(store_root: Path, buckets: Iterable[int], order: dict[str, int], cfg: CheckConfig,
                    fx: FxTable) -> dict:
    """What some buckets of the store give the summary.

    Its articles' own findings, their claims to compare (ruled and open), claim counts and claims not compared,
    its name index (with where each first mention sits: entry and place in it) and titles.
    """
    from factlint import store
    from factlint.table import typed

    rows = store.in_order([store.bucket_rows(store_root, "claims", b) for b in buckets], order)
    df = typed(rows)
    mask = (df["metric"] != "") & df["kind"].isin(NUMERIC_KINDS) & (df["period"] == "")
    mentions = store.in_order([store.bucket_rows(store_root, "mentions", b) for b in buckets], order)
    index, first = _name_part(mentions)
    return {"per_article": [f for f in run_checks(df, [], cfg, fx, {}) if f.check in PER_ARTICLE] if len(df) else [],
            "tagged": rows[rows["metric"] != ""], "open": rows.loc[open_claims(df).index],
            "counts": rows["entry"].value_counts().to_dict(),
            "uncompared": list(zip(rows.loc[mask, "entry"], uncompared(df), strict=True)),
            "names": index, "first": first,
            "titles": mentions[mentions["kind"] == "title"]}


def prepare_against(store_root: Path, rules_dir: Path | None, encoding: str | None = None,
                    columns: Columns = BY_DEFAULT) -> None:
    """Check the stored archive alone once, so that the first draft checked against it is as quick as the next.

    Raises:
        StoreError: No store, or one indexed with other rules or settings.
    """
    from factlint import store

    rules = load_rules([rules_dir]) if rules_dir is not None else None
    manifest = store.check_engine(store_root, rules_dir, encoding, columns, rules)
    if store.read_summary(store_root, manifest, _config_key(rules_dir)) is None:
        cfg = CheckConfig.load(rules_dir, {lr.rule.metric for lr in rules.rules} if rules is not None else None)
        fx = FxTable.load(rules_dir / "reference" / "fx.yaml" if rules_dir is not None else None)
        summarize(store_root, rules_dir, encoding, columns, manifest, cfg, fx)


def _schemas(rules: RuleSet | None) -> dict:
    """The metrics' expectation schemas (pandera is imported when first needed)."""
    if rules is None:
        return {}
    from factlint.expectations import build_schemas

    return build_schemas(rules)


def _config_key(rules_dir: Path | None) -> str:
    """What the checks read besides the claims: relations, thresholds, exchange rates."""
    h = hashlib.sha256()
    if rules_dir is not None:
        for name in ("relations.yaml", "config.yaml", "reference/fx.yaml"):
            f = rules_dir / name
            h.update(f.read_bytes() if f.exists() else b"-")
    return h.hexdigest()


def _by_ref(texts: dict[str, str], entry_of: dict[str, str]) -> dict[str, str]:
    ref_of = {v: k for k, v in entry_of.items()}
    return {ref_of[e]: t for e, t in texts.items()}
