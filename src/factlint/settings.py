"""Project settings in ``[tool.factlint]`` of ``pyproject.toml``, as ruff and pytest read theirs.

The nearest ``pyproject.toml`` from the working folder up is read; paths in it are relative to its folder.
The command line overrides every setting. An unknown key, or a value of the wrong type, is an error that names
the file, the line and the key (and suggests the nearest valid key)::

    [tool.factlint]
    paths = ["articles", "exports/cms.jsonl"]
    rules = "claims"
    accepted = "checks/accepted.yaml"
    fail-on = "warning"
    jobs = 4
    encoding = "cp1258"
    text-column = "noi_dung"
    id-column = "slug"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from factlint.config import ConfigError, unknown_key
from factlint.corpus.tables import DEFAULT_COLUMNS, Columns

FAIL_ON = ("error", "warning", "info", "never")
_PATH_KEYS = ("rules", "accepted")
_STRING_KEYS = ("encoding", *(f"{name}-column" for name in DEFAULT_COLUMNS))
KEYS = ("paths", *_PATH_KEYS, "fail-on", "jobs", *_STRING_KEYS)


@dataclass(frozen=True)
class Settings:
    """The settings of ``[tool.factlint]`` (``None``: not set), paths made relative to the working folder."""

    paths: list[str] | None = None
    rules: str | None = None
    accepted: str | None = None
    fail_on: str | None = None
    jobs: int | None = None
    encoding: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    source: Path | None = None

    def column_mapping(self, given: dict[str, str | None]) -> Columns:
        """The column mapping: each field given on the command line, else set here, else the defaults."""
        return Columns(**{name: given.get(name) or self.columns.get(name) for name in DEFAULT_COLUMNS})


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (default: the working folder) or a folder above it."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file():
            return folder / "pyproject.toml"
    return None


def _line(text: str, key: str) -> int:
    """The line of ``key = …`` in the ``[tool.factlint]`` table (1 when it is not found)."""
    m = regex.search(r"(?m)^\[tool\.factlint\]\s*$", text)
    start = m.end() if m else 0
    k = regex.compile(rf"(?m)^\s*[\"']?{regex.escape(key)}[\"']?\s*=").search(text, start)
    return text[: k.start()].count("\n") + 1 if k else (text[:start].count("\n") + 1 if m else 1)


def load_settings(path: Path | None = None) -> Settings:
    """Read ``[tool.factlint]`` from ``path`` (default: :func:`find_pyproject`); empty settings when absent.

    Raises:
        ConfigError: Malformed TOML, an unknown key, or a value of the wrong type (file, line and key named).
    """
    path = path or find_pyproject()
    if path is None:
        return Settings()
    text = path.read_text(encoding="utf-8")
    shown = os.path.relpath(path) if path.is_absolute() else path.as_posix()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: malformed TOML: {exc}") from None
    table = data.get("tool", {}).get("factlint")
    if table is None:
        return Settings(source=path)
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}:{_line(text, 'factlint')}: tool.factlint: expected a table")
    root = path.parent

    def where(key: str) -> str:
        return f"{shown}:{_line(text, key)}"

    def rel(value: str) -> str:
        p = Path(value)
        return os.path.relpath(p if p.is_absolute() else root / p)

    def string(key: str) -> str:
        value = table[key]
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where(key)}: tool.factlint.{key}: expected a string, got {value!r}")
        return value

    out: dict = {"source": path, "columns": {}}
    for key in table:
        if key not in KEYS:
            raise unknown_key(where(key), key, KEYS, "tool.factlint.")
        if key == "paths":
            value = table[key]
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise ConfigError(f"{where(key)}: tool.factlint.paths: expected a list of paths, got {table[key]!r}")
            out["paths"] = [rel(v) for v in value]
        elif key in _PATH_KEYS:
            out[key] = rel(string(key))
        elif key == "fail-on":
            if table[key] not in FAIL_ON:
                raise ConfigError(f"{where(key)}: tool.factlint.fail-on: expected one of {', '.join(FAIL_ON)}, "
                                  f"got {table[key]!r}")
            out["fail_on"] = table[key]
        elif key == "jobs":
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where(key)}: tool.factlint.jobs: expected a whole number of at least 1, "
                                  f"got {value!r}")
            out["jobs"] = value
        elif key == "encoding":
            out["encoding"] = string(key)
        else:
            out["columns"][key.removesuffix("-column")] = string(key)
    return Settings(**out)
