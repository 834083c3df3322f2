"""An article: its metadata, its normalised text and the map back to where it was written.

Shared by the two ways a corpus is given: files in folders (:mod:`factlint.corpus.files`) and table rows
(:mod:`factlint.corpus.tables`).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
# Spaces that become an ordinary space, and invisible characters that are dropped.
SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t")
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_NEEDS_WORK = regex.compile(r"[^\x00-\x7f]")
_ODD = regex.compile("[" + "".join(sorted(SPACES | INVISIBLE)) + "]")
_FULL_DATE = regex.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)|(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def is_table(path: str) -> bool:
    """Whether ``path`` names a table of articles (JSONL, CSV, Parquet: one article a row)."""
    return path.lower().endswith(TABLE_SUFFIXES)


def source_ref(path: str, article: str) -> str:
    """Where an article lives, as shown: its file, or ``file#id`` for a row of a table."""
    return f"{path}#{article}" if is_table(path) else path


class CorpusError(Exception):
    """A problem with one article; the message names the file and, where known, the line."""


@dataclass
class Article:
    r"""One article: its metadata, normalised text and the map back to the original file or table row.

    Attributes:
        path: The path as given (POSIX form, relative where possible); for a table row, the table's file.
        id: Front-matter ``id``, else the file stem; for a table row, its id column.
        status: ``ok`` or ``error``.
        error: Why the article could not be read (empty when ``ok``).
        warnings: Things worth knowing that did not stop the read (an inferred date, an encoding).
        meta: The front matter.
        text: The whole file, NFC-normalised, spaces unified, line ends ``\\n``.
        body_start: Offset in ``text`` where the body (after the front matter) begins.
        row: For a table row, its 1-based number among the table's records (0 for a file).
        row_line: For a table row, the line of the file where its record starts (0 for a file, or a Parquet
            table, which has no lines); positions (:meth:`position`) are inside the row's text.

    """

    path: str
    id: str
    status: str = "ok"
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    text: str = ""
    body_start: int = 0
    row: int = 0
    row_line: int = 0
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _colmaps: dict[int, list[int]] = field(default_factory=dict, repr=False)

    @property
    def published(self) -> dt.date | None:
        """Publication date from the front matter (or inferred), if any."""
        value = self.meta.get("published")
        return value if isinstance(value, dt.date) else None

    @property
    def published_stated(self) -> dt.date | None:
        """The publication date as the front matter states it (``None`` when missing or only inferred)."""
        return None if self.meta.get("published_inferred") else self.published

    @property
    def ref(self) -> str:
        """Where the article lives, as shown: its file, or ``file#id`` for a table row."""
        return source_ref(self.path, self.id)

    @property
    def where(self) -> str:
        """How messages name the article: its file, or ``file: row N (line L, id 'x')`` for a table row."""
        if not self.row:
            return self.path
        line = f"line {self.row_line}, " if self.row_line else ""
        return f"{self.path}: row {self.row} ({line}id {self.id!r})"

    @property
    def outlet(self) -> str:
        """The outlet named in the front matter, or empty."""
        return str(self.meta.get("outlet") or "")

    @property
    def body(self) -> str:
        """The normalised body, after the front matter."""
        return self.text[self.body_start :]

    def position(self, offset: int) -> tuple[int, int]:
        """Map an offset in :attr:`text` to a 1-based (line, column) in the original file."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, self._column(i, offset - self._line_starts[i]) + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Map offsets ``start``..``end`` of :attr:`text` to (line, column, end line, end column), 1-based."""
        i = bisect.bisect_right(self._line_starts, start) - 1
        if i + 1 < len(self._line_starts) and end >= self._line_starts[i + 1]:
            return self.position(start) + self.position(end)  # the span crosses a line end
        line_start = self._line_starts[i]
        return i + 1, self._column(i, start - line_start) + 1, i + 1, self._column(i, end - line_start) + 1

    def _column(self, i: int, col: int) -> int:
        """Column ``col`` of normalised line ``i`` in the original line (0-based)."""
        cmap = self._colmaps.get(i)
        return col if cmap is None else cmap[min(col, len(cmap) - 1)]


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or a forced ``encoding``.

    Args:
        data: The file's bytes.
        path: For messages.
        encoding: A codec to use when the bytes are not UTF-8/UTF-16 (e.g. ``cp1258``).

    Returns:
        The text and any warnings.

    Raises:
        CorpusError: The bytes are binary or not valid in any accepted encoding.

    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: invalid UTF-16 at byte {exc.start}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise CorpusError(f"{path}: looks binary (NUL bytes), not an article")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if encoding:
            try:
                return data.decode(encoding), [f"{path}: not UTF-8; decoded as {encoding}"]
            except (UnicodeDecodeError, LookupError) as exc2:
                raise CorpusError(f"{path}: cannot decode as {encoding}: {exc2}") from None
        raise CorpusError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save as UTF-8 or pass --encoding (e.g. cp1258)"
        ) from None


def _normalise_line(line: str) -> tuple[str, list[int] | None]:
    """NFC-normalise one line, unify spaces, drop invisibles; return the column map when it changed."""
    if not _NEEDS_WORK.search(line):
        return line, None
    if unicodedata.is_normalized("NFC", line) and not _ODD.search(line):
        return line, None
    out: list[str] = []
    cmap: list[int] = []
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        seg = line[i:j]
        if seg in INVISIBLE:
            i = j
            continue
        seg = " " if seg in SPACES else unicodedata.normalize("NFC", seg)
        out.append(seg)
        cmap.extend([i] * len(seg))
        i = j
    cmap.append(n)
    return "".join(out), cmap


def normalise(raw: str) -> tuple[str, list[int], dict[int, list[int]]]:
    r"""Normalise a decoded file: line ends to ``\n``, NFC, spaces; return text, line starts, column maps."""
    lines = regex.split(r"\r\n|\r|\n", raw)
    parts: list[str] = []
    starts: list[int] = []
    colmaps: dict[int, list[int]] = {}
    pos = 0
    for i, line in enumerate(lines):
        norm, cmap = _normalise_line(line)
        if cmap is not None:
            colmaps[i] = cmap
        starts.append(pos)
        parts.append(norm)
        pos += len(norm) + 1
    return "\n".join(parts), starts, colmaps




def coerce_date(value: object, where: str) -> dt.date | None:
    """The front matter's ``published`` as a date (``None`` when empty); ``where`` names the file and line."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CorpusError(f"{where}: front matter 'published' is not a date (YYYY-MM-DD): {value!r}") from None


@contextlib.contextmanager
def loading(art: Article, where: str, what: str, rest: str) -> Iterator[None]:
    """Whatever breaks while loading one article (or row) is that article's error, and the run goes on.

    Args:
        art: The article being loaded: it carries the error.
        where: Its place for the message (``file`` or ``file:row``).
        what: What it is ("article", "row").
        rest: What is read all the same ("corpus", "table").
    """
    try:
        yield
    except CorpusError as exc:
        art.status, art.error = "error", str(exc)
    except Exception as exc:  # noqa: BLE001 - whatever breaks on one article is that article's error
        art.status, art.error = "error", (f"{where}: factlint failed to load this {what} "
                                          f"({type(exc).__name__}: {exc}); the rest of the {rest} was read")


def date_missing_published(art: Article, where: str) -> None:
    """Give an article with no ``published`` date one inferred from its text, and say so in its warnings."""
    inferred = infer_published(art.body)
    if inferred:
        art.meta["published"], art.meta["published_inferred"] = inferred, True
        art.warnings.append(f"{where}: no 'published' date; inferred {inferred} from the text")
    else:
        art.warnings.append(f"{where}: no 'published' date and none found in the text")


def infer_published(body: str) -> dt.date | None:
    """The first full date written in the text (``20/12/2023`` or ``2023-12-20``), if any."""
    for m in _FULL_DATE.finditer(body[:5000]):
        try:
            if m.group(1):
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        except ValueError:
            continue
    return None


def mark_duplicates(articles: list[Article]) -> set[tuple[str, str]]:
    """Turn every readable article whose id was already used into an error; return their (id, path)."""
    seen: dict[str, str] = {}
    marked = set()
    for art in articles:
        if art.status != "ok":
            continue
        if art.id in seen:
            art.status = "error"
            art.error = f"{art.where}: duplicate id {art.id!r} (already used by {seen[art.id]})"
            marked.add((art.id, art.path))
        else:
            seen[art.id] = art.where
    return marked
