"""The ``factlint`` command: ``extract``, ``check`` and ``rules``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tabulate import tabulate

from factlint.corpus import load_corpus
from factlint.extract import extract_corpus
from factlint.rules import RuleError, RuleSet, iter_examples, load_rules, run_example
from factlint.table import to_frame

CONTRACT = ["article", "path", "line", "column", "end_line", "end_column", "text", "kind", "value", "low",
            "high", "unit", "qualifier", "metric", "period", "subject", "sentence"]


def _default(path: str) -> list[str]:
    return [path] if Path(path).exists() else []


def _paths(paths: tuple[str, ...]) -> list[str]:
    if paths:
        return list(paths)
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
def extract(paths: tuple[str, ...], rules_dir: str | None, fmt: str, output: str | None, encoding: str | None) -> None:
    """Print one row per claim found in PATHS (default: articles/).

    csv, jsonl and parquet carry the contract's columns first, then claim_id, published, outlet, direction,
    low_open, high_open, date, malformed, rule and offset.
    """
    articles = load_corpus(_paths(paths), encoding=encoding)
    rules = _load_rules(rules_dir)
    for art in articles:
        for w in art.warnings:
            click.echo(f"warning: {w}", err=True)
        if art.status != "ok":
            click.echo(f"error: {art.error}", err=True)
    try:
        df = to_frame(extract_corpus(articles, rules)).drop(columns=["offset"])
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
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


@rules.command("explain")
@click.argument("sentence")
@click.option("--rules", "rules_dir", type=click.Path(), default=None, help="Rule folder (default claims/).")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for years of bare dates.")
@click.option("--all", "show_all", is_flag=True, help="Also list rules that do not take the kind at all.")
def rules_explain(sentence: str, rules_dir: str | None, published: str | None, show_all: bool) -> None:
    """Show every quantity in SENTENCE and which rule took it, or why each rule did not."""
    import datetime as dt

    from factlint.extract import sentences
    from factlint.rules import find_period
    from factlint.vi import read_quantities

    rs = _load_rules(rules_dir)
    if rs is None:
        raise click.UsageError("no claims/ folder and no --rules given")
    pub = dt.date.fromisoformat(published) if published else None
    qs = read_quantities(sentence, pub)
    spans = sentences(sentence)
    by_id = {lr.id: lr for lr in rs.rules}
    for i, d in enumerate(rs.decide(sentence, qs, spans)):
        q = d.quantity
        click.echo(f"{q.text!r}: {q.kind} {q.value} {q.unit} {q.date}".rstrip())
        if d.winner:
            period, source = find_period(by_id[d.winner].rule.period, sentence, qs, i, spans, pub)
            click.echo(f"  -> {by_id[d.winner].rule.metric} (period {period or '-'}, {source}) by {d.winner}")
        else:
            click.echo("  -> no rule")
        for rid, why in d.reasons.items():
            if show_all or not why.startswith("kind "):
                click.echo(f"     {rid}: {why}")
