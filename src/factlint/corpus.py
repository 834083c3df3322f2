"""Find and load articles: decode, normalise, parse front matter, keep a map back to the original file.

Every path given ends up as an :class:`Article`, either ``status="ok"`` or ``status="error"`` with a
message naming the file (and line where there is one). Nothing is skipped silently.
"""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

ARTICLE_SUFFIXES = (".md", ".txt", ".markdown")
# Spaces that become an ordinary space, and invisible characters that are dropped.
SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t")
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_NEEDS_WORK = regex.compile(r"[^\x00-\x7f]")
_ODD = regex.compile("[" + "".join(sorted(SPACES | INVISIBLE)) + "]")
_FULL_DATE = regex.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)|(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_YAML_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, where an impossible date ("2024-02-30") is a YAML error at its line, not a crash."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a date ({exc})",
                                                node.start_mark) from None


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class CorpusError(Exception):
    """A problem with one article; the message names the file and, where known, the line."""


@dataclass
class Article:
    r"""One article: its metadata, normalised text and the map back to the original file.

    Attributes:
        path: The path as given (POSIX form, relative where possible).
        id: Front-matter ``id``, else the file stem.
        status: ``ok`` or ``error``.
        error: Why the article could not be read (empty when ``ok``).
        warnings: Things worth knowing that did not stop the read (an inferred date, an encoding).
        meta: The front matter.
        text: The whole file, NFC-normalised, spaces unified, line ends ``\\n``.
        body_start: Offset in ``text`` where the body (after the front matter) begins.

    """

    path: str
    id: str
    status: str = "ok"
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    text: str = ""
    body_start: int = 0
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


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    """Parse YAML front matter between ``---`` lines; return it and the body offset."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        raise CorpusError(f"{path}:1: front matter opened with '---' is never closed")
    block = text[4 : end + 1]
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader) or {}  # noqa: S506 - a safe loader, in C when available
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise CorpusError(f"{path}:{line}: broken front matter: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{path}:2: front matter must be a mapping of keys, got {type(meta).__name__}")
    body = end + 4
    if text[body : body + 1] == "\n":
        body += 1
    return meta, body


def _key_line(text: str, key: str) -> int:
    """The line of a top-level front-matter key (1 when it is not found)."""
    m = regex.search(rf"(?m)^{regex.escape(key)}\s*:", text)
    return text[: m.start()].count("\n") + 1 if m else 1


def _coerce_date(value: object, where: str) -> dt.date | None:
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


def load_article(path: Path, display: str | None = None, encoding: str | None = None) -> Article:
    """Read one article file; never raises for bad content (the article carries the error)."""
    shown = display or path.as_posix()
    art = Article(path=shown, id=path.stem)
    try:
        data = path.read_bytes()
    except OSError as exc:
        art.status, art.error = "error", f"{shown}: cannot read: {exc.strerror or exc}"
        return art
    try:
        raw, warnings = decode(data, shown, encoding)
        art.warnings += warnings
        if not raw.strip():
            raise CorpusError(f"{shown}: empty file")
        art.text, art._line_starts, art._colmaps = normalise(raw)
        meta, art.body_start = _front_matter(art.text, shown)
        if not art.text.startswith("---\n"):
            art.warnings.append(f"{shown}:1: no front matter (a '---' block with id, outlet, published, title); "
                                "the id is the file name")
        art.meta = meta
        if meta.get("id") not in (None, ""):
            art.id = str(meta["id"])
        where = f"{shown}:{_key_line(art.text[: art.body_start], 'published')}"
        meta["published"] = _coerce_date(meta.get("published"), where)
        if meta["published"] is None:
            inferred = infer_published(art.body)
            if inferred:
                meta["published"], meta["published_inferred"] = inferred, True
                art.warnings.append(f"{shown}: no 'published' date; inferred {inferred} from the text")
            else:
                art.warnings.append(f"{shown}: no 'published' date and none found in the text")
    except CorpusError as exc:
        art.status, art.error = "error", str(exc)
    except Exception as exc:  # noqa: BLE001 - whatever breaks on one article is that article's error
        art.status, art.error = "error", (f"{shown}: factlint failed to load this article "
                                          f"({type(exc).__name__}: {exc}); the rest of the corpus was read")
    return art


def display_path(path: Path) -> str:
    """A path as shown in output: relative to the working folder when below it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path | None, str, str]]:
    """Expand paths into article files: ``(path, display, error)``; a bad path yields an error entry."""
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield None, display_path(p), f"{display_path(p)}: directory holds no articles (*.md, *.txt)"
            for f in files:
                yield f, display_path(f), ""
        elif p.is_file():
            yield p, display_path(p), ""
        else:
            yield None, p.as_posix(), f"{p.as_posix()}: no such file or directory"


def load_corpus(paths: Iterable[str | Path], encoding: str | None = None) -> list[Article]:
    """Load every article under ``paths``; duplicate ids and bad paths become error entries.

    Args:
        paths: Files or directories.
        encoding: Fallback codec for files that are not UTF-8.

    Returns:
        One :class:`Article` per file (or per bad path), in a deterministic order.

    """
    out: list[Article] = []
    for path, shown, error in discover(paths):
        if path is None:
            out.append(Article(path=shown, id=shown, status="error", error=error))
        else:
            out.append(load_article(path, shown, encoding))
    mark_duplicates(out)
    return out


def mark_duplicates(articles: list[Article]) -> set[tuple[str, str]]:
    """Turn every readable article whose id was already used into an error; return their (id, path)."""
    seen: dict[str, str] = {}
    marked = set()
    for art in articles:
        if art.status != "ok":
            continue
        if art.id in seen:
            art.status = "error"
            art.error = f"{art.path}: duplicate id {art.id!r} (already used by {seen[art.id]})"
            marked.add((art.id, art.path))
        else:
            seen[art.id] = art.path
    return marked
