"""Claim rules: load and validate ``claims/*.yaml`` and tag quantities with metric, period and subject.

A rule names a metric and says which quantities it takes (kind, unit, hedges) and what context must and
must not surround them (patterns before/after the figure, within a distance, in its clause or sentence).
Rule files are validated on load; every problem names the file, the line and the key.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from factlint.attribute import NONE, Attribution, Places, attribute, with_units
from factlint.config import nearest
from factlint.corpus import display_path
from factlint.quantity import KINDS, Quantity
from factlint.vi.modality import MODALITIES
from factlint.vi.periods import KINDS as PERIOD_KINDS

if TYPE_CHECKING:
    from factlint.corpus import Article

NO_ATTRIBUTION = "(none)"  # in a rule's subject or measure list: a figure with none attributed is taken too
PATTERN_TIMEOUT = 0.05  # seconds per pattern search: no rule can hang a run
_REFERENCE_YEAR = regex.compile(r"(?:kể từ|từ|sau|trước|so với)[ \t]+$", regex.I)


class RuleError(Exception):
    """A broken rule file: the message names the file, the line and the key."""


# ---------------------------------------------------------------------------------------------- schema


def _valid_pattern(pattern: str) -> str:
    """Return ``pattern`` if it compiles (as rules compile it), else raise a ValueError saying why and where.

    The message quotes the pattern with a caret under the fault: for a group or set left open, under the
    bracket that opened it, not at the end of the pattern where the regex engine noticed.
    """
    try:
        regex.compile(pattern, regex.I | regex.V1)
    except regex.error as exc:
        pos, what = exc.pos, exc.msg
        opened = _unclosed(pattern)
        if opened is not None and exc.msg in ("missing )", "unterminated character set"):
            pos = opened
            what = f"{exc.msg}: the {'group' if pattern[opened] == '(' else 'set'} opened here is never closed"
        elif pos is not None:
            what = f"{exc.msg} at position {pos}"
        where = f"\n    {pattern}\n    {' ' * pos}^" if pos is not None else ""
        raise ValueError(f"pattern does not compile: {what}{where}") from None
    return pattern


def _unclosed(pattern: str) -> int | None:
    """Position of the ``(`` or ``[`` that is never closed (the innermost open group), if any."""
    groups: list[int] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            start, depth, i = i, 1, i + 1
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)  # "[]a]": a leading "]" is a member
            while i < n and depth:
                if pattern[i] == "\\":
                    i += 1
                elif pattern[i] == "[":
                    depth += 1  # V1 nested sets, [[:alpha:]]
                elif pattern[i] == "]":
                    depth -= 1
                i += 1
            if depth:
                return start
            continue
        if c == "(":
            groups.append(i)
        elif c == ")" and groups:
            groups.pop()
        i += 1
    return groups[-1] if groups else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cue(_Strict):
    """A pattern that must (``require``) or must not (``exclude``) surround the figure."""

    pattern: str
    where: Literal["before", "after", "around"] = "around"
    within: Annotated[int, Field(ge=0, le=2000)] = 150
    scope: Literal["clause", "sentence"] = "sentence"

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        return _valid_pattern(v)


class Period(_Strict):
    """How a claim's period is found: ``nearest`` year/date, the ``published`` year, ``none``, or ``fixed``."""

    source: Literal["nearest", "published", "none", "fixed"] = "nearest"
    value: str | None = None
    # ``year``: a stock compared year by year ("tính đến 31/5/2023" and "năm 2023" are one period, 2023)
    granularity: Literal["exact", "year"] = "exact"

    @model_validator(mode="after")
    def _fixed_has_value(self) -> Period:
        if self.source == "fixed" and not self.value:
            raise ValueError("period source 'fixed' needs a value")
        return self


class ExpectedClaim(_Strict):
    """What an example sentence must give."""

    metric: str
    value: float | None = None
    unit: str | None = None
    period: str | None = None
    text: str | None = None


class Example(_Strict):
    """A sentence with the claims it must give (an empty list: it must give none for this rule)."""

    text: str
    published: dt.date | None = None
    context: str = ""
    claims: list[ExpectedClaim] = []


class Range(_Strict):
    """``expect.range``: the figures lie between ``min`` and ``max`` (in ``unit``), in ``period`` or in every one."""

    min: float | None = None
    max: float | None = None
    unit: str | None = None  # the unit of the bounds; claims in another unit are not held to them
    period: list[str] = []  # the periods the bounds hold for (none: every period)

    @field_validator("period", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [str(v)] if isinstance(v, str | int) else [str(p) for p in v] if isinstance(v, list) else v

    @model_validator(mode="after")
    def _bounded(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("a range needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self


class Expect(_Strict):
    """``expect:``: what a metric's figures may be (each entry a pandera check, :mod:`factlint.expectations`)."""

    range: list[Range] = []
    monotonic: Literal["non_decreasing", "non_increasing"] | None = None  # a stock over its periods
    max_change: Annotated[float, Field(gt=0)] | None = None  # largest relative change, consecutive periods
    integer: bool = False  # a whole number
    unique_rank: bool = False  # no other category of its ranking (``rank.who.*``) shares its rank in a period
    units: list[str] = []  # the units its figures may have
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)  # key (``range[1]``) -> line in the rule file

    @field_validator("range", "units", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict | str) else v

    @property
    def lines(self) -> dict[str, int]:
        """The line of each entry in its rule file (``range[0]``, ``monotonic``…)."""
        return self._lines


class Rule(_Strict):
    """One claim rule."""

    metric: Annotated[str, Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
    description: str
    kind: list[Literal[KINDS]]  # type: ignore[valid-type]
    unit: list[str] = []
    hedges: list[str] | None = None
    surface: str | None = None  # a pattern the figure as written must match ("hàng đầu")
    require: list[Cue] = []
    exclude: list[Cue] = []
    article: list[str] = []
    period: Period = Period()
    subject: list[str] = []  # patterns the attributed subject (as written, or its key: JP, VN+JP) must match
    measure: list[str] = []  # patterns the attributed measure (as written, or its key: trade, fdi) must match
    period_kind: list[Literal[PERIOD_KINDS]] = []  # type: ignore[valid-type]
    modality: list[Literal[MODALITIES]] = []  # type: ignore[valid-type]
    priority: int = 0
    expect: Expect = Field(default_factory=Expect)
    examples: Annotated[list[Example], Field(min_length=1)]

    @field_validator("kind", "unit", "subject", "measure", "period_kind", "modality", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @field_validator("article", "surface", "subject", "measure")
    @classmethod
    def _article_compiles(cls, v: list[str] | str | None) -> list[str] | str | None:
        for p in [v] if isinstance(v, str) else v or []:
            _valid_pattern(p)
        return v


class RuleFile(_Strict):
    """A ``claims/*.yaml`` file."""

    description: str = ""
    definitions: dict[str, Any] = {}  # free-form: a place for YAML anchors (&name) that rules reuse (*name)
    rules: list[Rule]


# ---------------------------------------------------------------------------------------------- loading


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key and sequence item."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return _Lined(mapping, lines, node.start_mark.line + 1)


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list:
    seq = _LinedList(loader.construct_sequence(node, deep=True))
    seq.lines = [item.start_mark.line + 1 for item in node.value]
    return seq


class _Lined(dict):
    def __init__(self, data: dict, lines: dict, line: int) -> None:
        super().__init__(data)
        self.lines, self.line = lines, line


class _LinedList(list):
    lines: list[int]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _line_of(data: Any, loc: tuple) -> int:
    """The line of the deepest key along ``loc`` in the loaded YAML."""
    line = getattr(data, "line", 1)
    node = data
    for key in loc:
        if isinstance(node, _Lined) and key in node:
            line = node.lines.get(key, line)
            node = node[key]
        elif isinstance(node, _LinedList) and isinstance(key, int) and key < len(node):
            line = node.lines[key]
            node = node[key]
        else:
            break
    return line


def load_rule_file(path: Path) -> RuleFile:
    """Load and validate one rule file.

    Raises:
        RuleError: Malformed YAML, unknown keys, wrong types, patterns that do not compile.

    """
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RuleError(f"{path}:{line}: malformed YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}:1: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file is a mapping with a 'rules:' list")
    try:
        rf = RuleFile.model_validate(data)
    except ValidationError as exc:
        msgs = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            key = ".".join(str(p) for p in loc if not str(p).startswith("function-")) or "(top)"
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = _unknown_key(loc)
            msgs.append(f"{path}:{_line_of(data, loc)}: {key}: {msg}")
        raise RuleError("\n".join(msgs)) from None
    msgs = []
    for i, rule in enumerate(rf.rules):
        where = ("rules", i, "expect")
        rule.expect._lines = {k: _line_of(data, (*where, *_key_path(k))) for k in _expect_keys(rule.expect)}
        msgs += [f"{path}:{_line_of(data, (*where, *_key_path(key)))}: rules.{i}.expect.{key}: {msg}"
                 for key, msg in _expect_problems(rule)]
    if msgs:
        raise RuleError("\n".join(msgs))
    return rf


def _key_path(key: str) -> tuple:
    """``range[1]`` -> ``("range", 1)``."""
    name, _, index = key.rstrip("]").partition("[")
    return (name, int(index)) if index else (name,)


def _expect_keys(e: Expect) -> list[str]:
    """The entries an ``expect:`` block declares (``range`` or ``range[0]``, ``range[1]``; ``monotonic``…)."""
    keys = ["range"] if len(e.range) == 1 else [f"range[{i}]" for i in range(len(e.range))]
    return keys + [k for k in ("monotonic", "max_change", "integer", "unique_rank", "units") if getattr(e, k)]


def _expect_problems(rule: Rule) -> list[tuple[str, str]]:
    """Expectations that do not fit their rule: (key, what is wrong)."""
    e, out = rule.expect, []
    for i, r in enumerate(e.range):
        key = "range" if len(e.range) == 1 else f"range[{i}]"
        if r.unit is None and "money" in rule.kind and len(rule.unit) != 1:
            taken = f"several currencies ({', '.join(rule.unit)})" if rule.unit else "any currency"
            out.append((key, f"the rule takes {taken}: say which the bounds are in with `unit`"))
        elif r.unit is not None and rule.unit and r.unit not in rule.unit:
            out.append((key, f"unit {r.unit!r} is not one the rule takes ({', '.join(rule.unit)})"))
    if e.unique_rank and rule.kind != ["rank"]:
        out.append(("unique_rank", f"only a rank has one (the rule's kind is {', '.join(rule.kind)})"))
    numeric = set(rule.kind) & {"money", "count", "percent", "rank", "duration"}
    for key in ("monotonic", "max_change", "integer"):
        if getattr(e, key) and not numeric:
            out.append((key, f"needs figures (the rule's kind is {', '.join(rule.kind)})"))
    return out


def _unknown_key(loc: tuple) -> str:
    """'unknown key' with the nearest valid key at that place (or the list of them when none is near)."""
    model: Any = RuleFile
    for step in loc[:-1]:  # walk the schema down to the mapping that holds the unknown key
        if isinstance(step, str) and isinstance(model, type) and issubclass(model, BaseModel):
            model = model.model_fields[step].annotation if step in model.model_fields else None
        while typing.get_origin(model) in (Annotated, list, typing.Union, types.UnionType):
            model = next((a for a in typing.get_args(model) if a is not type(None)), None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return "unknown key"
    valid = list(model.model_fields)
    near = nearest(loc[-1], valid)
    return f"unknown key; did you mean {near!r}?" if near else f"unknown key (valid: {', '.join(valid)})"


# ---------------------------------------------------------------------------------------------- tagging


@dataclass
class Decision:
    """Why each rule did or did not take a quantity (for ``rules explain``)."""

    quantity: Quantity
    winner: str = ""
    attribution: Attribution = NONE
    reasons: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule with compiled patterns and its origin."""

    rule: Rule
    source: str
    index: int
    require: tuple[tuple[Cue, regex.Pattern], ...]
    exclude: tuple[tuple[Cue, regex.Pattern], ...]
    article: tuple[regex.Pattern, ...]

    @functools.cached_property
    def id(self) -> str:
        """``file:rules[i]:metric``: which rule, in which file."""
        return f"{self.source}:rules[{self.index}]:{self.rule.metric}"


@functools.cache
def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.I | regex.V1)


def _found(pattern: str, text: str, seen: dict[tuple[str, str], bool] | None) -> bool:
    """Whether ``pattern`` (a rule's, compiled as rules are) is found in ``text``, remembered in ``seen``.

    Many rules ask the same of one figure (22 rules want the subject ``(?-i:JP)``): each pair is searched once.
    """
    if seen is None:
        return _compile(pattern).search(text, timeout=PATTERN_TIMEOUT) is not None
    found = seen.get((pattern, text))
    if found is None:
        found = seen[pattern, text] = _compile(pattern).search(text, timeout=PATTERN_TIMEOUT) is not None
    return found


def _first(pat: regex.Pattern, text: str, source: str) -> bool:
    try:
        return pat.search(text, timeout=PATTERN_TIMEOUT * 20) is not None
    except TimeoutError:
        raise RuleError(f"{source}: pattern {pat.pattern!r} took too long over the article") from None


class RuleSet:
    """All loaded rules; :meth:`tag` assigns metrics to an article's quantities."""

    def __init__(self, rules: list[LoadedRule]) -> None:
        """Wrap loaded rules (use :func:`load_rules` to read a folder)."""
        self.rules = rules
        self.fingerprint = ""
        self._by_kind: dict[str, list[LoadedRule]] = {}
        for lr in rules:
            for kind in lr.rule.kind:
                self._by_kind.setdefault(kind, []).append(lr)

    def __len__(self) -> int:
        return len(self.rules)

    def _cue_distance(self, lr: LoadedRule, cue: Cue, pat: regex.Pattern, text: str, q: Quantity,
                      scope: tuple[int, int]) -> int | None:
        """Characters between ``q`` and the nearest match of ``pat`` on the cue's side, if within reach."""
        lo, hi = scope
        best = None
        try:
            if cue.where in ("before", "around"):
                last = None
                for last in pat.finditer(text, max(lo, q.start - cue.within - 200), q.start,  # noqa: B007
                                         timeout=PATTERN_TIMEOUT):
                    pass  # matches come in order and do not overlap: the last one ends nearest
                if last is not None and q.start - last.end() <= cue.within:
                    best = q.start - last.end()
            if cue.where in ("after", "around"):
                m = pat.search(text, q.end, min(hi, q.end + cue.within + 200), timeout=PATTERN_TIMEOUT)
                if m is not None and m.start() - q.end <= cue.within and (best is None or m.start() - q.end < best):
                    best = m.start() - q.end
        except TimeoutError:
            raise RuleError(f"{lr.source}: pattern {pat.pattern!r} took longer than {PATTERN_TIMEOUT}s "
                            "(catastrophic backtracking?)") from None
        return best

    def judge(self, lr: LoadedRule, text: str, q: Quantity, sentence: tuple[int, int], clause: tuple[int, int],
              article_text: str, mentions: dict[str, bool] | None = None,
              att: Attribution = NONE, seen: dict[tuple[str, str], bool] | None = None) -> tuple[int, str]:
        """Score how well ``lr`` fits ``q``: (distance of its farthest required cue, "") or (-1, reason).

        ``seen`` remembers the searches of the figure's surface, subject and measure across the rules of a text.
        """
        r = lr.rule
        if q.kind not in r.kind:
            return -1, f"kind {q.kind} not in {r.kind}"
        if r.unit and q.unit not in r.unit:
            return -1, f"unit {q.unit or '(none)'} not in {r.unit}"
        if r.hedges is not None and q.hedge and q.hedge not in r.hedges:
            return -1, f"hedge {q.hedge!r} not allowed"
        if r.surface is not None and not _found(r.surface, q.text, seen):
            return -1, f"figure {q.text!r} does not match /{r.surface}/"
        if r.modality and att.modality not in r.modality:
            return -1, f"modality {att.modality} not in {r.modality}"
        if r.period_kind and att.period_kind not in r.period_kind:
            return -1, f"period kind {att.period_kind} not in {r.period_kind}"
        for name, pats, written, key in (("subject", r.subject, att.subject, att.subject_key),
                                         ("measure", r.measure, att.measure, att.measure_key)):
            if pats and not (not key and NO_ATTRIBUTION in pats) and not any(
                    p != NO_ATTRIBUTION and _found(p, f"{written}\x1f{key}", seen) for p in pats):
                return -1, f"{name} {written or '(none)'!r} [{key or '-'}] does not match {pats}"
        for pat in lr.article:
            if mentions is None or pat.pattern not in mentions:
                found = _first(pat, article_text, lr.source)
                if mentions is not None:
                    mentions[pat.pattern] = found
            else:
                found = mentions[pat.pattern]
            if not found:
                return -1, f"article does not mention /{pat.pattern}/"
        worst = 0
        for cue, pat in lr.require:
            scope = clause if cue.scope == "clause" else sentence
            d = self._cue_distance(lr, cue, pat, text, q, scope)
            if d is None:
                return -1, f"no /{cue.pattern}/ {cue.where} within {cue.within} in the {cue.scope}"
            worst = max(worst, d)
        for cue, pat in lr.exclude:
            scope = clause if cue.scope == "clause" else sentence
            if self._cue_distance(lr, cue, pat, text, q, scope) is not None:
                return -1, f"excluded by /{cue.pattern}/ {cue.where} in the {cue.scope}"
        return worst, ""

    def decide(self, text: str, quantities: list[Quantity], spans: list[tuple[int, int]],
               article_text: str | None = None, places: Places | None = None,
               explain: bool = True, attributions: list[Attribution] | None = None,
               published: dt.date | None = None) -> list[Decision]:
        """For each quantity, the winning rule (if any) and, when ``explain``, every rule's reason."""
        places = places or Places(text, spans)
        if attributions is None:
            attributions = attribute(text, quantities, spans, published, places=places)
        article_text = text if article_text is None else article_text
        mentions: dict[str, bool] = {}  # article-level patterns, searched once per article
        seen: dict[tuple[str, str], bool] = {}  # a figure's surface, subject, measure: searched once per pattern
        out = []
        for q, att in zip(quantities, attributions, strict=True):
            d = Decision(q, attribution=att)
            sent, clause = places.at(q.start)
            best: tuple | None = None
            for lr in self._by_kind.get(q.kind, ()):
                if not explain and lr.rule.unit and q.unit not in lr.rule.unit:
                    continue
                dist, reason = self.judge(lr, text, q, sent, clause, article_text, mentions, att, seen)
                if dist < 0:
                    if explain:
                        d.reasons[lr.id] = reason
                    continue
                key = (-lr.rule.priority, dist, -len(lr.require), lr.rule.metric, lr.id)
                d.reasons[lr.id] = f"matches (priority {lr.rule.priority}, farthest cue {dist} chars)"
                if best is None or key < best[0]:
                    best = (key, lr)
            if best is not None:
                d.winner = best[1].id
                for rid in d.reasons:
                    if rid != d.winner and d.reasons[rid].startswith("matches"):
                        d.reasons[rid] += f"; loses to {d.winner} (more specific: higher priority, nearer cue)"
            out.append(d)
        return out

    def tag(self, text: str, quantities: list[Quantity], spans: list[tuple[int, int]],
            article: Article | None = None, attributions: list[Attribution] | None = None,
            places: Places | None = None, article_text: str | None = None) -> dict[int, tuple[str, str, str, str]]:
        """Tag quantities: index -> (metric, period, period source, rule id).

        The period is the attributed one when the rule looks for the ``nearest`` and attribution found one,
        else the rule's own (a year in the sentence, the publication year, a fixed value).
        """
        published = article.published if article is not None else None
        by_id = {lr.id: lr for lr in self.rules}
        out = {}
        places = places or Places(text, spans)
        if attributions is None:
            attributions = attribute(text, quantities, spans, published, places=places)
        decisions = self.decide(text, quantities, spans, article_text, places=places, explain=False,
                                attributions=attributions)
        q_starts = [q.start for q in quantities]
        for i, d in enumerate(decisions):
            if d.winner:
                lr = by_id[d.winner]
                att = attributions[i]
                if lr.rule.period.source == "nearest" and att.period:
                    period, source = att.period, "stated"
                    if lr.rule.period.granularity == "year":
                        period = period.lstrip("≤")[:4]
                else:
                    period, source = find_period(lr.rule.period, text, quantities, i, spans, published, q_starts,
                                                 places)
                out[i] = (lr.rule.metric, period, source, lr.id)
        return out


def find_period(spec: Period, text: str, quantities: list[Quantity], i: int, spans: list[tuple[int, int]],
                published: dt.date | None, q_starts: list[int] | None = None,
                places: Places | None = None) -> tuple[str, str]:
    """The period of quantity ``i`` and where it came from.

    The nearest year or date in its clause, else its sentence (earlier ones first), else the publication
    year — or as the rule fixes it. The source is ``stated``, ``published``, ``fixed`` or ``none``.
    """
    if spec.source == "fixed":
        return spec.value or "", "fixed"
    if spec.source == "none":
        return "", "none"
    pub = str(published.year) if published else ""
    if spec.source == "published":
        return pub, "published"
    q = quantities[i]
    sent, clause = (places or Places(text, spans)).at(q.start)
    starts = q_starts if q_starts is not None else [c.start for c in quantities]  # sorted by position
    nearby = quantities[bisect.bisect_left(starts, sent[0]):bisect.bisect_left(starts, sent[1] + 1)]
    for lo, hi in (clause, sent):
        cands = [c for c in nearby if c.kind in ("year", "date") and lo <= c.start < hi and c is not q
                 and c.date[:4].isdigit() and not _REFERENCE_YEAR.search(text[max(0, c.start - 12):c.start])]
        before = [c for c in cands if c.end <= q.start]
        after = [c for c in cands if c.start >= q.end]
        if before:
            return before[-1].date[:4], "stated"
        if after:
            return after[0].date[:4], "stated"
    return pub, "published"


def load_rules(paths: Iterable[str | Path]) -> RuleSet:
    """Load every ``*.yaml`` rule file under ``paths`` (``reference/`` and ``relations.yaml`` excepted).

    Raises:
        RuleError: Any file is broken, or two rules define one metric in conflicting ways.

    """
    import hashlib

    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.glob("*.yaml") if f.name not in NON_RULE_FILES)
        elif p.is_file():
            files.append(p)
        else:
            raise RuleError(f"{p}: no such rule file or folder")
    loaded: list[LoadedRule] = []
    errors: list[str] = []
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
        try:
            rf = load_rule_file(Path(display_path(f)))
        except RuleError as exc:
            errors.append(str(exc))
            continue
        src = display_path(f)
        for i, r in enumerate(rf.rules):
            loaded.append(LoadedRule(r, src, i, tuple((c, _compile(c.pattern)) for c in r.require),
                                     tuple((c, _compile(c.pattern)) for c in r.exclude),
                                     tuple(_compile(p) for p in r.article)))
    errors += _conflicts(loaded)
    if errors:
        raise RuleError("\n".join(errors))
    rs = RuleSet(loaded)
    rs.fingerprint = digest.hexdigest()[:16]
    return rs


NON_RULE_FILES = frozenset({"relations.yaml", "config.yaml"})


def _conflicts(rules: list[LoadedRule]) -> list[str]:
    """Two rules for one metric must agree on kind and unit family."""
    first: dict[str, LoadedRule] = {}
    out = []
    for lr in rules:
        other = first.setdefault(lr.rule.metric, lr)
        if other is lr:
            continue
        if set(other.rule.kind) != set(lr.rule.kind) or (
            other.rule.unit and lr.rule.unit and not set(other.rule.unit) & set(lr.rule.unit)
        ):
            out.append(f"{lr.source}: rules[{lr.index}].metric: {lr.rule.metric!r} is also defined by "
                       f"{other.source} rules[{other.index}] with kind {other.rule.kind} unit {other.rule.unit}, "
                       f"here kind {lr.rule.kind} unit {lr.rule.unit}")
    return out


# ---------------------------------------------------------------------------------------------- examples


def read_attributed(body: str, published: dt.date | None, stated: dt.date | None | bool = True
                    ) -> tuple[list[Quantity], list[tuple[int, int]], list[Attribution]]:
    """Read and attribute a text as extraction does: (quantities with attributed units, sentences, attributions).

    ``published`` dates bare dates; attribution resolves relative periods against ``stated``, the date the article
    states (``True``: ``published`` itself; ``None`` for an article whose date was only inferred from its text).
    """
    from factlint.extract import sentences
    from factlint.vi import read_quantities

    qs = read_quantities(body, published)
    spans = sentences(body)
    atts = attribute(body, qs, spans, published if stated is True else stated)
    return with_units(qs, atts), spans, atts


def run_example(rules: RuleSet, lr: LoadedRule, example: Example) -> tuple[list[str], list[tuple]]:
    """Run one rule example through the whole rule set.

    Returns:
        The problems (empty when the example passes) and what came out for the rule's metric
        as ``(text, metric, value, unit, period)`` tuples.

    """
    body = (example.context + "\n\n" if example.context else "") + example.text
    offset = len(body) - len(example.text)
    quantities, spans, atts = read_attributed(body, example.published)

    class _Art:
        published = example.published

    tags = rules.tag(body, quantities, spans, _Art(), atts)  # type: ignore[arg-type]
    metric = lr.rule.metric
    got = [(quantities[i].text, m, quantities[i].value, quantities[i].unit, p)
           for i, (m, p, *_) in sorted(tags.items()) if m == metric and quantities[i].start >= offset]
    problems = []
    expected = [c for c in example.claims if c.metric == metric]
    others = [c for c in example.claims if c.metric != metric]
    missing = []
    remaining = list(got)
    for exp in expected:
        hit = next((g for g in remaining if _matches(exp, g)), None)
        if hit is None:
            missing.append(exp)
        else:
            remaining.remove(hit)
    all_got = {(quantities[i].text, m, quantities[i].value, p) for i, (m, p, *_) in tags.items()}
    for exp in others:  # claims of other metrics the example also asserts
        if not any(m == exp.metric and (exp.value is None or _close(v, exp.value))
                   and (exp.period is None or p == exp.period) for _, m, v, p in all_got):
            missing.append(exp)
    if missing:
        decisions = rules.decide(body, quantities, spans, attributions=atts)
        for exp in missing:
            problems.append(f"expected {exp.model_dump(exclude_none=True)}"
                            + "".join(f"\n    why: {w}" for w in _why_missing(rules, exp, quantities, decisions,
                                                                             tags, offset)))
    for g in remaining:
        problems.append(f"unexpected claim {g}")
    return problems, got


def _why_missing(rules: RuleSet, exp: ExpectedClaim, quantities: list[Quantity], decisions: list[Decision],
                 tags: dict[int, tuple], offset: int) -> list[str]:
    """Why an expected claim did not come out: the ``rules explain`` reason for each quantity it could be."""
    cands = [i for i, q in enumerate(quantities) if q.start >= offset
             and (exp.text is None or q.text == exp.text) and (exp.value is None or _close(q.value, exp.value))]
    if not cands:
        read = ", ".join(f"{q.text!r} ({q.kind} {q.value})" for q in quantities if q.start >= offset) or "nothing"
        return [f"no quantity reads as {exp.text or exp.value!r}; the reader found {read}"]
    ids = {lr.id for lr in rules.rules if lr.rule.metric == exp.metric}
    out = []
    for i in cands:
        q, d = quantities[i], decisions[i]
        if i in tags and tags[i][0] == exp.metric:
            out.append(f"{q.text!r} came out as {exp.metric} with value {q.value}, unit {q.unit or '-'}, "
                       f"period {tags[i][1] or '-'} ({tags[i][2]})")
            continue
        if d.winner and d.winner not in ids:
            out.append(f"{q.text!r} was taken by {d.winner}")
        out += [f"{q.text!r}: {rid}: {why}" for rid, why in d.reasons.items() if rid in ids]
        if not ids:
            out.append(f"no rule defines {exp.metric}")
    return out


def explain(rules: RuleSet, sentence: str, *, context: str = "", article_text: str | None = None,
            published: dt.date | None = None, show_all: bool = False,
            stated: dt.date | None | bool = True) -> list[str]:
    """Every quantity of ``sentence``, the rule that took it and why the others did not (``rules explain``).

    Args:
        rules: The rule set.
        sentence: The text to explain.
        context: Text read before the sentence, as a rule example's ``context`` (its quantities are not shown).
        article_text: The article ``article:`` gates search; the context and sentence when ``None``.
        published: The publication date (years of bare dates, the period fallback).
        show_all: Also list rules that do not take the quantity's kind at all.
        stated: The date the article states, for relative periods (``True``: ``published``).

    Returns:
        Lines of text. A reason that several quantities share (an article gate, a unit) is printed once, under
        the list of the quantities it applies to.

    """
    body = (context + "\n\n" if context else "") + sentence
    offset = len(body) - len(sentence)
    qs, spans, atts = read_attributed(body, published, stated)
    text = body if article_text is None else article_text + "\n\n" + body
    rows = [(i, d) for i, d in enumerate(rules.decide(body, qs, spans, article_text=text, attributions=atts))
            if qs[i].start >= offset]
    shown = {i: {rid: why for rid, why in d.reasons.items() if show_all or not why.startswith("kind ")}
             for i, d in rows}
    seen: dict[tuple[str, str], list[int]] = {}
    for i, reasons in shown.items():
        for pair in reasons.items():
            seen.setdefault(pair, []).append(i)
    shared = {pair for pair, where in seen.items() if len(where) > 1}
    class _Art:
        pass

    _Art.published = published  # type: ignore[attr-defined]
    tags = rules.tag(body, qs, spans, _Art(), atts, article_text=text)  # type: ignore[arg-type]
    out = []
    for i, d in rows:
        q, a = d.quantity, atts[i]
        out.append(f"{q.text!r}: {q.kind} {q.value} {q.unit} {q.date}".rstrip())
        if a.why or a.measure:
            out.append(f"  subject {a.subject or '-'} [{a.subject_key or '-'}], measure {a.measure or '-'} "
                       f"[{a.measure_key or '-'}], period {a.period or '-'} ({a.period_kind}), {a.modality}")
            out.append(f"  because {a.why}" if a.why else "  because nothing names a party, period or modality")
        if d.winner:
            metric, period, source, _ = tags[i]
            out.append(f"  -> {metric} (period {period or '-'}, {source}) by {d.winner}")
        else:
            out.append("  -> no rule")
        out += _grouped({(rid, why) for rid, why in shown[i].items() if (rid, why) not in shared}, "     ")
    by_quantities: dict[tuple[int, ...], set[tuple[str, str]]] = {}
    for pair in shared:
        by_quantities.setdefault(tuple(seen[pair]), set()).add(pair)
    for where, pairs in sorted(by_quantities.items()):
        out.append(f"for {', '.join(repr(qs[i].text) for i in where)}:")
        out += _grouped(pairs, "     ")
    return out


def _grouped(pairs: set[tuple[str, str]], indent: str) -> list[str]:
    """``rule, rule: reason`` lines, one per distinct reason, in the order of the rules."""
    by_why: dict[str, list[str]] = {}
    for rid, why in sorted(pairs):
        by_why.setdefault(why, []).append(rid)
    return [f"{indent}{', '.join(rids)}: {why}" for why, rids in by_why.items()]


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _matches(exp: ExpectedClaim, got: tuple) -> bool:
    text, metric, value, unit, period = got
    return (metric == exp.metric and (exp.value is None or _close(value, exp.value))
            and (exp.unit is None or unit == exp.unit) and (exp.period is None or period == exp.period)
            and (exp.text is None or text == exp.text))


def iter_examples(rules: RuleSet) -> Iterable[tuple[str, LoadedRule, Example]]:
    """Every example as ``(test id, rule, example)``, ids like ``claims/trade.yaml::trade.vn_jp.total::2``."""
    counters: dict[tuple[str, str], int] = {}
    for lr in rules.rules:
        for ex in lr.rule.examples:
            key = (lr.source, lr.rule.metric)
            n = counters[key] = counters.get(key, -1) + 1
            yield f"{lr.source}::{lr.rule.metric}::{n}", lr, ex
