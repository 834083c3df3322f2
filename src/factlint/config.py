"""``claims/config.yaml``: the project's settings, beside its rules.

Two top-level keys, both optional: ``checks`` (the thresholds of the checks, see
:class:`factlint.checks.common.CheckConfig`) and ``hedges`` (tolerances of hedge words, over the packaged
``factlint/vi/hedges.yaml``). Any other key is an error that names the file, the line and the key, and suggests
the nearest valid one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

import yaml

from factlint.vi.hedges import HedgeConfig, load_hedges

CONFIG_FILE = "config.yaml"
CONFIG_KEYS = ("checks", "hedges")
HEDGE_KEYS = ("direction", "tolerance")


class ConfigError(Exception):
    """A broken configuration, relations or reference file (names the file, line and key)."""


def parse_yaml(path: Path, error: type[Exception] = ConfigError) -> tuple[yaml.Node | None, object]:
    """A YAML file's node tree (for the line of each key) and its data.

    Args:
        path: The file.
        error: The exception class raised for malformed YAML (its message names the file and the line).
    """
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.compose(text), yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(f"{path}:{mark.line + 1 if mark else 1}: malformed YAML: "
                    f"{getattr(exc, 'problem', exc)}") from None


def load_yaml(path: Path) -> tuple[dict, dict[str, int]]:
    """Load a YAML mapping and the line of each key of every mapping (flattened by key name).

    Raises:
        ConfigError: Malformed YAML, or not a mapping.
    """
    node, data = parse_yaml(path)
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping")
    lines: dict[str, int] = {}

    def walk(n: yaml.Node) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                lines.setdefault(k.value, k.start_mark.line + 1)
                walk(v)
        elif isinstance(n, yaml.SequenceNode):
            for v in n.value:
                walk(v)

    if node is not None:
        walk(node)
    return data, lines


def nearest(key: object, known: Iterable[str]) -> str | None:
    """The known key closest to a misspelt one ("did you mean …?"), or None when none is close."""
    near = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
    return near[0] if near else None


def unknown_key(where: str, key: object, known: Iterable[str], parent: str = "", what: str = "unknown key"
                ) -> ConfigError:
    """``where: parent.key: unknown key; did you mean `near`? (known: …)``."""
    known = sorted(known)
    near = nearest(key, known)
    hint = f"; did you mean `{near}`?" if near else ""
    return ConfigError(f"{where}: {parent}{key}: {what}{hint} (known: {', '.join(known)})")


def read_config(rules_dir: Path | None) -> tuple[dict, dict[str, int], Path | None]:
    """The settings in ``rules_dir/config.yaml`` (empty when there is none), the line of each key, the file.

    Raises:
        ConfigError: Malformed YAML, or a top-level key that is not one of :data:`CONFIG_KEYS`.
    """
    path = rules_dir / CONFIG_FILE if rules_dir is not None else None
    if path is None or not path.exists():
        return {}, {}, None
    data, lines = load_yaml(path)
    for key in data:
        if key not in CONFIG_KEYS:
            raise unknown_key(f"{path}:{lines.get(str(key), 1)}", key, CONFIG_KEYS)
    return data, lines, path


def hedge_config(rules_dir: Path | None) -> HedgeConfig:
    """The hedge tolerances: the packaged ones, with the ``hedges:`` of ``config.yaml`` over them.

    An entry may give ``direction``, ``tolerance`` or both (``gần: {tolerance: 0.05}``); only hedge words the
    reader knows can be tuned.

    Raises:
        ConfigError: An unknown hedge word or key, a bad direction, a tolerance outside [0, 1].
    """
    data, lines, path = read_config(rules_dir)
    given = data.get("hedges")
    if not given:
        return load_hedges()
    if not isinstance(given, dict):
        raise ConfigError(f"{path}:{lines.get('hedges', 1)}: hedges: expected a mapping of hedge words")
    defaults = {w: {"direction": d, "tolerance": t} for w, (d, t) in load_hedges().hedges.items()}
    merged = {}
    for word, spec in given.items():
        where = f"{path}:{lines.get(str(word), 1)}"
        if str(word).lower() not in defaults:
            raise unknown_key(where, word, defaults, "hedges.", "unknown hedge word")
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: hedges.{word}: expected {{direction: …, tolerance: …}}, got {spec!r}")
        for key in spec:
            if key not in HEDGE_KEYS:
                raise unknown_key(where, key, HEDGE_KEYS, f"hedges.{word}.")
        merged[str(word).lower()] = {**defaults[str(word).lower()], **spec}
    try:
        return load_hedges(overrides={"hedges": merged})
    except ValueError as exc:  # names the word; find its line
        word = next((w for w in given if repr(str(w).lower()) in str(exc)), "")
        raise ConfigError(f"{path}:{lines.get(str(word), 1)}: hedges.{word}: {str(exc).split(': ', 1)[-1]}") from None
