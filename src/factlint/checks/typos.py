"""Typos.

Malformed numerals from the reader (FL601), rare spellings of a name (FL602), and titles that drop words from
their usual form (FL603).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz.distance import Levenshtein

from factlint.checks.common import CheckConfig, few, location
from factlint.findings import Finding, Location
from factlint.names import Mention, title_words
from factlint.vi.syllable import fold, is_syllable

MAX_LOCATIONS = 20  # quoted occurrences of one variant (a corpus can repeat it thousands of times)


def check_malformed(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Every malformed numeral the reader flagged ("thứ 2i", "LOTUSat-1giai", "400 nghìnn")."""
    return [
        Finding("FL601", "malformed_numeral", "warning", r["metric"],
                f"{r['article']}: malformed numeral {r['text']!r}: {r['malformed']}",
                (location(r),), r["article"], key=r["text"])
        for r in df[df["malformed"] != ""].to_dict("records")
    ]


def _loc(m: Mention) -> Location:
    return Location(m.article, m.path, m.line, m.column, m.end_line, m.end_column, m.text)


def _syllables(token: str) -> bool:
    """Whether a name token is Vietnamese syllables only ("Khôi", "Nam-Lào")."""
    return all(is_syllable(part) for part in token.split("-"))


@dataclass
class NameIndex:
    """What the name check compares, by folded name: counts, articles, first mentions, and neighbour blocks.

    Built from the mentions of a corpus in order; :meth:`add` takes more mentions after them (drafts after an
    archive), so a stored index is extended instead of being built again from every mention.
    """

    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, list[Mention]] = field(default_factory=dict)  # the first MAX_LOCATIONS mentions
    articles: dict[str, dict[str, None]] = field(default_factory=dict)
    blocks: dict[str, dict[str, None]] = field(default_factory=dict)  # folded neighbour -> the names beside it

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> NameIndex:
        """The index of ``mentions`` (in corpus order)."""
        index = cls()
        index.add(mentions)
        return index

    @classmethod
    def merged(cls, parts: Iterable[tuple[NameIndex, dict[str, list[tuple]]]]) -> NameIndex:
        """The index of a corpus from the indexes of its parts, each with where its first mentions sit.

        A part is an index and, for each name, the places of its first mentions (any sortable key in corpus
        order: a partition and a place in it); a name's first mentions are the earliest of every part's.
        """
        index, firsts = cls(), {}
        for part, places in parts:
            for k, n in part.counts.items():
                index.counts[k] = index.counts.get(k, 0) + n
                index.articles.setdefault(k, {}).update(part.articles[k])
                firsts.setdefault(k, []).extend(zip(places[k], part.first[k], strict=True))
            for nb, tokens in part.blocks.items():
                index.blocks.setdefault(nb, {}).update(tokens)
        index.first = {k: [m for _, m in sorted(v, key=lambda x: x[0])[:MAX_LOCATIONS]] for k, v in firsts.items()}
        return index

    def add(self, mentions: Iterable[Mention]) -> None:
        """Take ``mentions`` as coming after those already taken; only names beside another name count."""
        counts, first, articles, blocks = self.counts, self.first, self.articles, self.blocks
        for m in mentions:
            if m.kind != "name" or not (m.prev or m.next):
                continue
            key = fold(m.text)
            n = counts.get(key, 0)
            counts[key] = n + 1
            if n < MAX_LOCATIONS:
                first.setdefault(key, []).append(m)
            articles.setdefault(key, {})[m.article] = None
            for nb in (m.prev, m.next):
                if nb:
                    blocks.setdefault(fold(nb), {})[key] = None


def check_names(mentions: list[Mention] | NameIndex, cfg: CheckConfig) -> list[Finding]:
    """Rare name tokens a small edit away from a frequent one that shares a neighbour.

    "Komuru Masahiro" beside "Komura Masahiro".

    Candidates are blocked by a shared neighbour token, so tokens are never compared all against all;
    case, diacritics and word order are not variants (folded keys, neighbours on either side). Two
    Vietnamese syllables are never variants of each other: one letter apart, they are two words or two
    given names ("Khôi" / "Khai", "Thu" / "Thi", "Nam-Ấn" / "Nam-Lào").
    """
    index = mentions if isinstance(mentions, NameIndex) else NameIndex.of(mentions)
    out: list[Finding] = []
    reported: set[str] = set()
    for nb, tokens in sorted(index.blocks.items()):
        out += block_names(index, nb, tokens, cfg, reported)
    return out


def block_names(index: NameIndex, nb: str, tokens: Iterable[str], cfg: CheckConfig,
                reported: set[str]) -> list[Finding]:
    """The name variants of one neighbour block (``nb``: the shared neighbour), as :func:`check_names` finds them.

    ``index`` needs the counts, articles and first mentions of ``tokens`` only; ``reported`` holds the rare names
    reported by the blocks before this one (a rare name is reported once) and takes those reported here.
    """
    counts, first = index.counts, index.first
    tokens = list(tokens)
    if len(tokens) < 2:
        return []
    out: list[Finding] = []
    reach = max(1, cfg.name_max_distance)  # the most a variant's length may differ
    alike: dict[tuple[str, int], list[str]] = defaultdict(list)  # by initial and length
    for t in tokens:
        alike[t[0], len(t)].append(t)
    for rare in sorted(tokens):
        if rare in reported or len(rare) < cfg.name_min_length:
            continue  # short names are mostly two names
        if len(index.articles[rare]) > cfg.name_max_articles:
            continue
        # a different initial is a different name ("Lan" / "Ban"); a length apart is no edit away
        near = sorted(t for n in range(len(rare) - reach, len(rare) + reach + 1)
                      for t in alike.get((rare[0], n), ()))
        for freq in near:
            if rare == freq or counts[freq] < cfg.name_min_ratio * counts[rare]:
                continue
            if not might_pair(rare, freq, cfg):
                continue
            if _syllables(first[rare][0].text) and _syllables(first[freq][0].text):
                continue
            reported.add(rare)
            rare_m, freq_m = first[rare], first[freq]
            out.append(Finding(
                "FL602", "name_variant", "warning", "",
                f"name {rare_m[0].text!r} ({counts[rare]}x, {few(index.articles[rare])}) "
                f"looks like a misspelling of {freq_m[0].text!r} ({counts[freq]}x), seen beside the same "
                f"name {nb!r}",
                tuple(_loc(m) for m in rare_m[:MAX_LOCATIONS]) + (_loc(freq_m[0]),), rare_m[0].article,
                key=f"{rare}|{freq}",
            ))
            break
    return out


def might_pair(rare: str, freq: str, cfg: CheckConfig) -> bool:
    """Whether ``rare`` can be reported as a variant of ``freq`` whatever their counts (spelling alone)."""
    if rare == freq or rare[0] != freq[0] or len(rare) < cfg.name_min_length:
        return False
    if rare.rstrip("s") == freq.rstrip("s"):
        return False  # a trailing "s" is a plural ("Tigers")
    limit = 1 if len(freq) <= 6 else cfg.name_max_distance
    return abs(len(rare) - len(freq)) <= limit and Levenshtein.distance(rare, freq) <= limit


def check_titles(mentions: list[Mention], cfg: CheckConfig) -> list[Finding]:
    """A title that drops a short run of words from inside its more frequent form (FL603)."""
    titles = [m for m in mentions if m.kind == "title"]
    counts = Counter(title_words(m.text) for m in titles)
    by_prefix: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for t in counts:
        by_prefix[t[:3]].append(t)
    out: list[Finding] = []
    for group in by_prefix.values():
        for short in group:
            for full in group:
                if len(full) - len(short) < 1 or len(full) - len(short) > cfg.title_max_drop:
                    continue
                if counts[full] <= counts[short]:
                    continue
                drop = _dropped_run(full, short)
                if drop is None:
                    continue
                short_m = [m for m in titles if title_words(m.text) == short]
                full_m = [m for m in titles if title_words(m.text) == full]
                out.append(Finding(
                    "FL603", "title_variant", "warning", "",
                    f"title {short_m[0].text!r} ({few(m.article for m in short_m)}) drops "
                    f"{' '.join(drop)!r} from {full_m[0].text!r}, as written {len(full_m)}x in "
                    f"{few(m.article for m in full_m)}",
                    tuple(_loc(m) for m in short_m[:MAX_LOCATIONS]) + (_loc(full_m[0]),), short_m[0].article,
                    key=f"{' '.join(short)}|{' '.join(drop)}",
                ))
    return out


def _dropped_run(full: tuple[str, ...], short: tuple[str, ...]) -> tuple[str, ...] | None:
    """The contiguous run of words that ``short`` drops from inside ``full`` (not at its end), if any."""
    k = len(full) - len(short)
    for i in range(1, len(short)):
        if full[:i] == short[:i] and full[i + k:] == short[i:]:
            return full[i:i + k]
    return None
