"""Articles as files in folders: find them, decode, normalise, parse front matter.

Every path given ends up as an :class:`Article`, either ``status="ok"`` or ``status="error"`` with a
message naming the file (and line where there is one). Nothing is skipped silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
import yaml

from factlint.corpus.article import (
    Article,
    CorpusError,
    coerce_date,
    date_missing_published,
    decode,
    loading,
    normalise,
)

ARTICLE_SUFFIXES = (".md", ".txt", ".markdown")

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


def load_article(path: Path, display: str | None = None, encoding: str | None = None) -> Article:
    """Read one article file; never raises for bad content (the article carries the error)."""
    shown = display or path.as_posix()
    art = Article(path=shown, id=path.stem)
    try:
        data = path.read_bytes()
    except OSError as exc:
        art.status, art.error = "error", f"{shown}: cannot read: {exc.strerror or exc}"
        return art
    with loading(art, shown, "article", "corpus"):
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
        meta["published"] = coerce_date(meta.get("published"), where)
        if meta["published"] is None:
            date_missing_published(art, shown)
    return art


def display_path(path: Path, cwd: Path | None = None, resolved_dirs: dict[Path, Path] | None = None,
                 link: bool | None = None) -> str:
    """A path as shown in output: relative to the working folder when below it, else as given.

    ``cwd`` (the resolved working folder) and ``resolved_dirs`` (folders resolved so far) spare a folder of
    thousands of files resolving the same parents again for each (a file that is a link is resolved alone);
    ``link`` says whether ``path`` is a link when the caller knows (from a folder scan), sparing a stat.
    """
    cwd = cwd or Path.cwd().resolve()
    if resolved_dirs is None or (path.is_symlink() if link is None else link):
        real = path.resolve()
    else:
        parent = resolved_dirs.get(path.parent)
        if parent is None:
            parent = resolved_dirs[path.parent] = path.parent.resolve()
        real = parent / path.name
    try:
        return real.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _article_files(folder: Path, unreadable: list[tuple[Path, str]]) -> Iterator[tuple[Path, bool]]:
    """``(file, is_link)`` for the article files below ``folder``, hidden folders and files left out.

    One scan of each folder (the entries' types come with it): no stat a file, but a link's. A folder that cannot
    be read is added to ``unreadable`` with the reason, and the others are still listed.
    """
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError as e:
            unreadable.append((here, e.strerror or str(e)))
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                todo.append(Path(e.path))
            elif os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES:
                link = e.is_symlink()
                if e.is_file():  # a link to a file is one, a broken link or a link to a folder not
                    yield Path(e.path), link


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path | None, str, str]]:
    """Expand paths into article files: ``(path, display, error)``; a bad path yields an error entry."""
    for p in map(Path, paths):
        if p.is_dir():
            unreadable: list[tuple[Path, str]] = []
            files = sorted(_article_files(p, unreadable), key=lambda f: f[0].parts)  # Path's own order
            for folder, why in sorted(unreadable):
                yield None, display_path(folder), f"{display_path(folder)}: folder cannot be read ({why})"
            if not files:
                yield None, display_path(p), f"{display_path(p)}: directory holds no articles (*.md, *.txt)"
            cwd, resolved_dirs = Path.cwd().resolve(), {}
            for f, link in files:
                yield f, display_path(f, cwd, resolved_dirs, link), ""
        elif p.is_file():
            yield p, display_path(p), ""
        else:
            yield None, p.as_posix(), f"{p.as_posix()}: no such file or directory"
