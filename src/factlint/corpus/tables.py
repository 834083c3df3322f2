"""Articles as rows of a table: JSON Lines, CSV or Parquet, one article a row, columns mapped by name.

A table is read in two steps. :func:`read_table` reads the file into :class:`Row` records (cheap, picklable:
they go to the worker processes) and reports a file that is not what its extension says as one error.
:func:`row_article` turns a record into an :class:`Article`, or into an error that names the file and the row:
a row without text, an unparseable date, a row that is not a JSON object. A claim in a row is located by the
file, the row's id and the line and column inside the row's text.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from factlint.corpus.article import Article, CorpusError, date_missing_published, decode, loading, normalise

FIELDS = ("id", "text", "published", "outlet", "title")
# The columns tried, in order, when a field is not mapped explicitly.
DEFAULT_COLUMNS = {
    "id": ("id",),
    "text": ("text", "content", "body"),
    "published": ("published", "date", "published_at"),
    "outlet": ("outlet", "source"),
    "title": ("title",),
}
_DMY = regex.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


@dataclass(frozen=True)
class Columns:
    """Which column holds which field of an article; ``None`` tries :data:`DEFAULT_COLUMNS` in order."""

    id: str | None = None
    text: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None

    def resolve(self, present: Iterable[str], where: str) -> dict[str, str]:
        """Map each field to a column of the table (fields with no column are left out).

        Args:
            present: The table's column names.
            where: The file, for messages.

        Raises:
            CorpusError: A column given explicitly is not in the table, or the table has no text column.
        """
        present = list(present)
        out = {}
        for name in FIELDS:
            given = getattr(self, name)
            if given is not None:
                if given not in present:
                    raise CorpusError(f"{where}: no column {given!r} for the {name} (--{name}-column); "
                                      f"the columns are: {', '.join(map(str, present)) or 'none'}")
                out[name] = given
            else:
                found = next((c for c in DEFAULT_COLUMNS[name] if c in present), None)
                if found is not None:
                    out[name] = found
        if "text" not in out:
            raise CorpusError(f"{where}: no text column (tried {', '.join(DEFAULT_COLUMNS['text'])}; "
                              f"name it with --text-column); the columns are: {', '.join(map(str, present)) or 'none'}")
        return out


BY_DEFAULT = Columns()


@dataclass
class Row:
    """One record of a table as read: its place in the file and its mapped fields (or why it is unreadable)."""

    path: str
    row: int
    line: int
    values: dict[str, object] = field(default_factory=dict)
    error: str = ""

    @property
    def where(self) -> str:
        """``data.jsonl: row 3 (line 4, id 'a3')``."""
        line = f"line {self.line}, " if self.line else ""
        ident = self.values.get("id")
        ident = f"id {str(ident)!r}" if ident not in (None, "") else "no id"
        return f"{self.path}: row {self.row} ({line}{ident})"


def read_table(path: Path, shown: str, columns: Columns = BY_DEFAULT, encoding: str | None = None) -> list[Row]:
    """Read a JSONL, CSV or Parquet table into records.

    Args:
        path: The file.
        shown: The path as shown in messages and locations.
        columns: The column mapping.
        encoding: Fallback codec for a JSONL or CSV file that is not UTF-8.

    Returns:
        One :class:`Row` per record, in file order.

    Raises:
        CorpusError: The file cannot be read as the format its extension names, or lacks a mapped column.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _parquet(path, shown, columns)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    text, _ = decode(data, shown, encoding)
    if not text.strip():
        raise CorpusError(f"{shown}: empty file")
    return _csv(text, shown, columns) if suffix == ".csv" else _jsonl(text, shown, columns)


def _jsonl(text: str, shown: str, columns: Columns) -> list[Row]:
    rows: list[Row] = []
    parsed = 0
    mapping: dict[str, str] | None = None
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        row = Row(shown, len(rows) + 1, n)
        rows.append(row)
        try:
            obj = json.loads(line)
        except ValueError as exc:
            row.error = f"{row.where}: not valid JSON: {getattr(exc, 'msg', exc)} (column {getattr(exc, 'colno', 1)})"
            continue
        if not isinstance(obj, dict):
            row.error = f"{row.where}: not a JSON object but {type(obj).__name__}; a row is one article"
            continue
        parsed += 1
        if mapping is None:
            mapping = columns.resolve(obj, shown)
        row.values = {name: obj.get(col) for name, col in mapping.items()}
    if not parsed:
        first = rows[0].error.split(": ", 2)[-1] if rows else "no records"
        raise CorpusError(f"{shown}:1: not JSON Lines (one JSON object a line): {first}")
    return rows


def _csv(text: str, shown: str, columns: Columns) -> list[Row]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CorpusError(f"{shown}:1: not CSV: {exc}") from None
    mapping = columns.resolve(header, shown)
    index = {name: header.index(col) for name, col in mapping.items()}
    rows: list[Row] = []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append(Row(shown, len(rows) + 1, start, error=f"{shown}: row {len(rows) + 1} (line {start}): "
                                                                f"not CSV: {exc}"))
            break  # the reader cannot resynchronise after a broken record
        if not any(cell.strip() for cell in record):
            start = reader.line_num + 1
            continue
        row = Row(shown, len(rows) + 1, start)
        rows.append(row)
        if len(record) != len(header):
            row.values = {name: record[i] for name, i in index.items() if name == "id" and i < len(record)}
            row.error = (f"{row.where}: {len(record)} fields where the header has {len(header)} "
                         "(an unquoted comma or line break in a cell?)")
        else:
            row.values = {name: record[i] for name, i in index.items()}
        start = reader.line_num + 1
    return rows


@dataclass(frozen=True)
class RowGroup:
    """A row group of a Parquet table, read by itself (on a Dask worker) into the rows it holds."""

    path: str  # the file
    shown: str  # the path as shown
    index: int  # its number in the file
    first: int  # how many rows of the table come before it
    mapping: tuple[tuple[str, str], ...]  # (field, column)


def _parquet(path: Path, shown: str, columns: Columns) -> list[Row]:
    return [row for group in parquet_groups(path, shown, columns) for row in read_group(group)]


def parquet_groups(path: Path, shown: str, columns: Columns = BY_DEFAULT) -> list[RowGroup]:
    """The row groups of a Parquet table, from its footer alone (the rows are not read).

    Raises:
        CorpusError: The file is not Parquet, or lacks a mapped column.
    """
    with _parquet_errors(shown) as pq:
        table = pq.ParquetFile(path)
        mapping = tuple(columns.resolve(table.schema_arrow.names, shown).items())
        out, first = [], 0
        for i in range(table.num_row_groups):
            out.append(RowGroup(str(path), shown, i, first, mapping))
            first += table.metadata.row_group(i).num_rows
        return out


def read_group(group: RowGroup) -> list[Row]:
    """The records of one row group, numbered as rows of the whole table.

    Raises:
        CorpusError: The file cannot be read.
    """
    mapping = dict(group.mapping)
    with _parquet_errors(group.shown) as pq:
        table = pq.ParquetFile(group.path).read_row_group(group.index, columns=list(dict.fromkeys(mapping.values())))
        return [Row(group.shown, group.first + k, 0, {name: rec[col] for name, col in mapping.items()})
                for k, rec in enumerate(table.to_pylist(), start=1)]


@contextlib.contextmanager
def _parquet_errors(shown: str) -> Iterator:
    """``pyarrow.parquet``; what goes wrong reading the file becomes a :class:`CorpusError` naming it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError(f"{shown}: reading Parquet needs pyarrow: pip install 'factlint[parquet]'") from None
    try:
        yield pq
    except CorpusError:
        raise
    except OSError as exc:
        raise CorpusError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow's errors for a broken file vary by version
        raise CorpusError(f"{shown}: not a Parquet file ({type(exc).__name__}: {exc})") from None


def parse_date(value: object) -> dt.date | None:
    """A publication date from a cell: a date, an ISO date or date-time (its own local date), or DD/MM/YYYY.

    Raises:
        ValueError: The cell holds something else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r}")
    m = _DMY.fullmatch(value)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return dt.datetime.fromisoformat(value.strip()).date()


def row_article(row: Row) -> Article:
    """The article of one record; a record that cannot be an article carries the error, naming file and row."""
    values = row.values
    ident = values.get("id")
    art = Article(path=row.path, id=str(ident) if ident not in (None, "") else f"{Path(row.path).stem}-{row.row}",
                  row=row.row, row_line=row.line)
    with loading(art, row.where, "row", "table"):
        if row.error:
            raise CorpusError(row.error)
        if "id" in values and ident in (None, ""):
            raise CorpusError(f"{row.where}: no id")
        text = values.get("text")
        if not isinstance(text, str) or not text.strip():
            what = "no text" if text in (None, "") or isinstance(text, str) else f"text is not a string ({text!r})"
            raise CorpusError(f"{row.where}: {what}")
        try:
            published = parse_date(values.get("published"))
        except ValueError:
            raise CorpusError(f"{row.where}: 'published' is not a date (YYYY-MM-DD, an ISO date-time or "
                              f"DD/MM/YYYY): {values.get('published')!r}") from None
        art.text, art._line_starts, art._colmaps = normalise(text)
        art.meta = {k: v for k, v in values.items() if k in ("id", "title", "outlet") and v not in (None, "")}
        art.meta["published"] = published
        if published is None:
            date_missing_published(art, art.ref)
    return art
