"""The ``factlint`` command: ``extract``, ``check`` and ``rules``."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from tabulate import tabulate

from factlint.collect import CACHE_DIR, collect
from factlint.config import ConfigError
from factlint.corpus.tables import DEFAULT_COLUMNS
from factlint.report import FORMATTERS, render
from factlint.report.files import write_reports
from factlint.report.text import shown_warnings
from factlint.rules import RuleError, RuleSet, iter_examples, load_rules, run_example
from factlint.settings import Settings, load_settings
from factlint.table import to_frame


def _progress(items: list) -> Iterable:
    """A progress bar on stderr for long runs on a terminal; silent otherwise."""
    if len(items) < 200 or not sys.stderr.isatty():
        return items
    return _bar(items)


def _bar(items: list) -> Iterator:
    with click.progressbar(items, label="reading articles", file=sys.stderr) as bar:
        yield from bar


def _paths(paths: tuple[str, ...], settings: Settings) -> list[str]:
    if paths:
        return list(paths)
    if settings.paths:
        return settings.paths
    if Path("articles").is_dir():
        return ["articles"]
    raise click.UsageError("no PATH given and no articles/ folder here")


def _write(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            click.echo(text, nl=False)
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        Path(output).write_bytes(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


def column_options(fn: Callable) -> Callable:
    """The options that map a table's columns (JSONL, CSV, Parquet: one article a row) to an article's fields."""
    for name, defaults in reversed(DEFAULT_COLUMNS.items()):
        fn = click.option(f"--{name}-column", f"{name}_column", default=None, metavar="NAME",
                          help=f"Table column of the article's {name} (default: {' or '.join(defaults)}).")(fn)
    return fn


def _given_columns(kwargs: dict) -> dict[str, str | None]:
    return {name: kwargs.get(f"{name}_column") for name in DEFAULT_COLUMNS}


def dask_option(fn: Callable) -> Callable:
    """``--dask [ADDRESS]``: run on Dask, a local cluster or the scheduler at ADDRESS (``factlint.scale``)."""
    return click.option("--dask", "dask_address", is_flag=False, flag_value="local", default=None,
                        metavar="[ADDRESS]",
                        help="Run on Dask: a LocalCluster of --jobs worker processes, or the scheduler at ADDRESS "
                             "(tcp://host:8786). Needs factlint[dask].")(fn)


@contextlib.contextmanager
def _cluster(address: str, workers: int) -> Iterator[Any]:
    """The Dask client ``--dask`` asks for; without Dask, or without a scheduler there, an error (exit 2)."""
    from factlint import scale

    if address != "local" and not scale.is_address(address):
        raise click.UsageError(f"--dask {address!r}: not a scheduler address (tcp://host:8786); for a local cluster "
                               "write --dask after the paths, or --dask=local")
    try:
        with scale.client(None if address == "local" else address, workers) as c:
            yield c
    except (scale.DaskMissing, scale.NoScheduler) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _settings() -> Settings:
    """``[tool.factlint]`` of the nearest pyproject.toml; a broken one is a configuration error (exit 2)."""
    try:
        return load_settings()
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def _rules_path(rules_dir: str | None, settings: Settings) -> Path | None:
    folder = rules_dir or settings.rules
    return Path(folder) if folder else (Path("claims") if Path("claims").is_dir() else None)


@click.group()
@click.version_option(package_name="factlint")
def main() -> None:
    """factlint: pull every quantitative claim out of a news corpus and check that the figures agree."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Claim rules folder (default claims/).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write here instead of stdout.")
@click.option("--encoding", default=None, help="Codec for articles that are not UTF-8 (e.g. cp1258).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: the cores).")
@click.option("--no-cache", is_flag=True, help=f"Re-read every article; do not use {CACHE_DIR}/.")
@dask_option
@column_options
def extract(paths: tuple[str, ...], rules_dir: str | None, fmt: str, output: str | None, encoding: str | None,
            jobs: int | None, no_cache: bool, dask_address: str | None, **columns: str | None) -> None:
    """Print one row per claim found in PATHS (default: articles/): folders, files, or tables.

    A table (.jsonl, .csv, .parquet) holds an article a row; its claims are located by the file (path),
    the row's id (article) and the line and column inside the row's text.

    csv, jsonl and parquet carry the contract's columns first, then claim_id, published, outlet, direction,
    low_open, high_open, date, malformed, rule and offset.
    """
    from factlint.checks.common import CheckConfig

    settings = _settings()
    rules_path = _rules_path(rules_dir, settings)
    try:
        CheckConfig.load(rules_path)  # the whole config.yaml is checked, not only the part extraction reads
        workers = jobs or settings.jobs or os.cpu_count() or 1
        mapping = settings.column_mapping(_given_columns(columns))
        if dask_address is not None:
            from factlint import scale

            with _cluster(dask_address, workers) as c:
                got = scale.extract(c, _paths(paths, settings), rules_path, encoding or settings.encoding, mapping)
                articles, frame = got.articles, scale.claims_frame(got)
            if got.invalid:
                _warn(f"the claims fail their schema: {got.invalid}")
        else:
            got = collect(_paths(paths, settings), rules_path, encoding or settings.encoding, jobs=workers,
                          cache=None if no_cache else CACHE_DIR, progress=_progress, columns=mapping)
            articles, frame = got.articles, to_frame(got.claims)
    except (RuleError, ConfigError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for line in shown_warnings([w for art in articles for w in art.warnings]):
        click.echo(line, err=True)
    for art in articles:
        if art.status != "ok":
            click.echo(f"error: {art.error}", err=True)
    df = frame.drop(columns=["offset"])
    if fmt == "csv":
        _write(df.to_csv(index=False, lineterminator="\n"), output)
    elif fmt == "jsonl":
        _write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in df.to_dict("records")), output)
    elif fmt == "parquet":
        if output is None:
            raise click.UsageError("--format parquet needs -o FILE")
        df.to_parquet(output, index=False)
    else:
        cols = ["article", "line", "column", "text", "kind", "value", "unit", "date", "qualifier", "metric", "period",
                "malformed"]
        _write(tabulate(df[cols].values.tolist(), headers=cols, tablefmt="simple") + "\n", output)
    if any(a.status != "ok" for a in articles):
        sys.exit(1)


@main.command("index")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Claim rules folder (default claims/).")
@click.option("--store", "store_dir", type=click.Path(), default=".factlint", show_default=True,
              help="The claims store to create or update.")
@click.option("--encoding", default=None, help="Codec for articles that are not UTF-8 (e.g. cp1258).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: the cores).")
@dask_option
@column_options
def index_cmd(paths: tuple[str, ...], rules_dir: str | None, store_dir: str, encoding: str | None,
              jobs: int | None, dask_address: str | None, **columns: str | None) -> None:
    """Write the claims of PATHS (default: articles/) to a Parquet claims store, or bring it up to date.

    Unchanged articles are not read again, changed ones replace their rows, removed ones leave. Check drafts
    against it with `factlint check DRAFT.md --against .factlint/`.
    """
    from factlint.store import index

    settings = _settings()
    rules_path = _rules_path(rules_dir, settings)
    try:
        from factlint.checks.common import CheckConfig

        CheckConfig.load(rules_path)
        workers = jobs or settings.jobs or os.cpu_count() or 1
        mapping = settings.column_mapping(_given_columns(columns))
        with contextlib.ExitStack() as stack:
            kw: dict[str, Any] = {}
            if dask_address is not None:
                from factlint import scale

                kw["extract"] = scale.extract_jobs(stack.enter_context(_cluster(dask_address, workers)))
            got = index(_paths(paths, settings), rules_path, Path(store_dir), encoding=encoding or settings.encoding,
                        jobs=workers, columns=mapping, progress=_progress, **kw)
            if dask_address is not None:
                invalid = scale.invalid_store(Path(store_dir))
                if invalid:
                    _warn(f"{store_dir}: the stored claims fail their schema: {invalid}")
        from factlint.suite import prepare_against

        prepare_against(Path(store_dir), rules_path, encoding or settings.encoding, mapping)  # drafts check quickly
    except (RuleError, ConfigError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{store_dir}: {got['articles']} articles ({got['added']} added, {got['changed']} changed, "
               f"{got['removed']} removed, {got['unchanged']} unchanged); {got['claims']} claims written", err=True)


def _load_rules(rules_dir: str | None) -> RuleSet | None:
    """Load the rule set (``claims/`` by default when it exists); a broken file is a usage error (exit 2)."""
    folder = rules_dir or ("claims" if Path("claims").is_dir() else None)
    if folder is None:
        return None
    try:
        return load_rules([folder])
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Claim rules folder (default claims/).")
@click.option("--accepted", type=click.Path(), default=None,
              help="Accepted findings (default checks/accepted.yaml when it exists).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None, help="Write here instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a new finding is at least this severe (default: error).")
@click.option("--reports", "reports_dir", type=click.Path(), default=None,
              help="Also write discrepancies.md/.html, findings.json and claims.csv into this folder.")
@click.option("--update-accepted", is_flag=True,
              help="Append every new finding to the accepted file, with a reason to fill in, for review.")
@click.option("--encoding", default=None, help="Codec for articles that are not UTF-8 (e.g. cp1258).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: the cores).")
@click.option("--no-cache", is_flag=True, help=f"Re-read every article; do not use {CACHE_DIR}/.")
@click.option("--against", "against", type=click.Path(), default=None, metavar="STORE",
              help="Check PATHS (drafts) against the archive in this claims store (see `factlint index`).")
@dask_option
@column_options
def check(paths: tuple[str, ...], rules_dir: str | None, accepted: str | None, fmt: str, output: str | None,
          fail_on: str | None, reports_dir: str | None, update_accepted: bool, encoding: str | None, jobs: int | None,
          no_cache: bool, against: str | None, dask_address: str | None, **columns: str | None) -> None:
    """Check the claims of PATHS (default: articles/) and report what does not add up.

    PATHS are folders, files, or tables (.jsonl, .csv, .parquet) of articles, one a row. With --against
    .factlint/, PATHS are new or changed articles, checked against the stored archive without reading it:
    the findings are those of a full run over the archive with them in it.

    Exit status: 0 when no new finding is at or above --fail-on, 1 when one is, 2 for a usage or
    configuration error (a broken rule file, a broken accepted file).
    """
    from factlint.findings import SEVERITY_RANK, AcceptedError, accepted_entries
    from factlint.store import StoreError
    from factlint.suite import run as run_suite
    from factlint.suite import run_against

    settings = _settings()
    rules_path = _rules_path(rules_dir, settings)
    accepted_path = Path(accepted or settings.accepted or "checks/accepted.yaml")
    fail_on = fail_on or settings.fail_on or "error"
    mapping = settings.column_mapping(_given_columns(columns))
    workers = jobs or settings.jobs or os.cpu_count() or 1
    try:
        if against is not None:
            if not paths:
                raise click.UsageError("--against needs the drafts to check as PATHS")
            if dask_address is not None:
                raise click.UsageError("--against reads the store in this process: leave out --dask")
            result = run_against(Path(against), list(paths), rules_path, accepted_path,
                                 encoding=encoding or settings.encoding, jobs=workers, columns=mapping)
        elif dask_address is not None:
            from factlint import scale

            with _cluster(dask_address, workers) as c:
                result = scale.run(c, _paths(paths, settings), rules_path, accepted_path,
                                   encoding=encoding or settings.encoding, columns=mapping, warn=_warn)
        else:
            result = run_suite(_paths(paths, settings), rules_path, accepted_path,
                               encoding=encoding or settings.encoding, progress=_progress, jobs=workers,
                               cache=None if no_cache else CACHE_DIR, columns=mapping)
    except (RuleError, AcceptedError, ConfigError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    gc.freeze()  # the run's objects live to the end: collections while reporting need not walk them again
    _write(render(fmt, result), output)
    if reports_dir:
        write_reports(result, Path(reports_dir))
    if update_accepted and result.new:
        block = accepted_entries(result.new).split("\n", 1)[1]  # drop the "accepted:" header
        if not accepted_path.exists():
            accepted_path.parent.mkdir(parents=True, exist_ok=True)
            accepted_path.write_text("accepted:\n", encoding="utf-8")
        with accepted_path.open("a", encoding="utf-8") as fh:
            fh.write(block)
        click.echo(f"appended {len(result.new)} entries to {accepted_path}: fill in each reason", err=True)
    for s in result.stale:
        click.echo(f"warning: {accepted_path}:{s.line}: accepted entry {s.fingerprint} matches no finding",
                   err=True)
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in result.new):
        sys.exit(1)


@main.group()
def rules() -> None:
    """Test and debug claim rules."""


@rules.command("test")
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Rule folder (default claims/).")
def rules_test(files: tuple[str, ...], rules_dir: str | None) -> None:
    """Run the examples of the rules in FILES (default: every rule file) without pytest."""
    rs = _load_rules(rules_dir)
    if rs is None:
        raise click.UsageError("no claims/ folder and no --rules given")
    wanted = {Path(f).resolve() for f in files}
    failed = total = 0
    for test_id, lr, ex in iter_examples(rs):
        if wanted and Path(lr.source).resolve() not in wanted:
            continue
        total += 1
        problems, got = run_example(rs, lr, ex)
        if problems:
            failed += 1
            click.echo(f"FAIL {test_id}\n  sentence: {ex.text}")
            for pr in problems:
                click.echo(f"  {pr}")
            click.echo(f"  came out for {lr.rule.metric}: {got or 'nothing'}")
    click.echo(f"{total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@rules.command("suggest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Claim rules folder (default claims/).")
@click.option("--min-articles", type=click.IntRange(min=2), default=3, show_default=True,
              help="Draft a group only when this many articles report it.")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write here instead of stdout.")
@click.option("--encoding", default=None, help="Codec for articles that are not UTF-8 (e.g. cp1258).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: the cores).")
@click.option("--no-cache", is_flag=True, help=f"Re-read every article; do not use {CACHE_DIR}/.")
def rules_suggest(paths: tuple[str, ...], rules_dir: str | None, min_articles: int, output: str | None,
                  encoding: str | None, jobs: int | None, no_cache: bool) -> None:
    """Write YAML rule drafts for the open groups (figures no rule takes) that recur in PATHS.

    Each draft binds to attribution (subject, measure, period kind, modality) and carries examples quoted from
    the corpus that pass as written. Review them, move them into claims/, run `pytest -k <metric>`.
    """
    from factlint.suggest import drafts_yaml, suggest

    settings = _settings()
    rules_path = _rules_path(rules_dir, settings)
    try:
        got = collect(_paths(paths, settings), rules_path, encoding or settings.encoding,
                      jobs=jobs or settings.jobs or os.cpu_count() or 1, cache=None if no_cache else CACHE_DIR,
                      progress=_progress, columns=settings.column_mapping({}))
    except (RuleError, ConfigError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for art in got.articles:
        if art.status != "ok":
            click.echo(f"error: {art.error}", err=True)
    drafts = suggest(to_frame(got.claims), min_articles, rules_path)
    _write(drafts_yaml(drafts), output)
    click.echo(f"{len(drafts)} rule draft{'' if len(drafts) == 1 else 's'} written"
               + (f" to {output}" if output else ""), err=True)


@rules.command("explain")
@click.argument("sentence")
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Rule folder (default claims/).")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for years of bare dates.")
@click.option("--context", default="", help="Text read before SENTENCE, as a rule example's context.")
@click.option("--article", "article_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An article file: its text satisfies article: gates, its front matter gives the date.")
@click.option("--all", "show_all", is_flag=True, help="Also list rules that do not take the kind at all.")
def rules_explain(sentence: str, rules_dir: str | None, published: str | None, context: str,
                  article_path: str | None, show_all: bool) -> None:
    """Show every quantity in SENTENCE and which rule took it, or why each rule did not."""
    import datetime as dt

    from factlint.corpus import load_article
    from factlint.rules import explain

    rs = _load_rules(rules_dir)
    if rs is None:
        raise click.UsageError("no claims/ folder and no --rules given")
    try:
        pub = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise click.BadParameter(f"{published!r} is not a date YYYY-MM-DD", param_hint="--published") from None
    article_text, stated = None, True
    if article_path:
        art = load_article(Path(article_path))
        if art.status != "ok":
            raise click.UsageError(art.error)
        article_text, stated = art.body, True if pub else art.published_stated  # as extraction reads the article
        pub = pub or art.published
    for line in explain(rs, sentence, context=context, article_text=article_text, published=pub,
                        show_all=show_all, stated=stated):
        click.echo(line)


@main.group()
def schema() -> None:
    """The pandera schemas factlint validates with."""


@schema.command("export")
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Rule folder (default claims/).")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write here instead of stdout.")
def schema_export(rules_dir: str | None, output: str | None) -> None:
    """Write each metric's expectation schema (its rules' `expect:` blocks) as pandera YAML, one document each.

    Read them back with ``factlint.expectations.load_schemas`` (or ``pandera.DataFrameSchema.from_yaml`` after
    importing ``factlint.expectations``, which registers the checks).
    """
    from factlint.expectations import build_schemas, export

    rs = _load_rules(rules_dir)
    if rs is None:
        raise click.UsageError("no claims/ folder and no --rules given")
    _write(export(build_schemas(rs)), output)
