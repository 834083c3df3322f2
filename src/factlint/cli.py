"""The ``factlint`` command: ``extract``, ``check`` and ``rules``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tabulate import tabulate

from factlint.corpus import load_corpus
from factlint.extract import extract_corpus
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
    df = to_frame(extract_corpus(articles, rules)).drop(columns=["offset"])
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


def _load_rules(rules_dir: str | None):  # noqa: ANN202 - replaced once rules exist
    return None
