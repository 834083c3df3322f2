"""Typos.

Malformed numerals from the reader (FL601), rare spellings of a name (FL602), and titles that drop words from
their usual form (FL603).
"""

from __future__ import annotations

from collections import Counter, defaultdict

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


def check_names(mentions: list[Mention], cfg: CheckConfig) -> list[Finding]:
    """Rare name tokens a small edit away from a frequent one that shares a neighbour.

    "Komuru Masahiro" beside "Komura Masahiro".

    Candidates are blocked by a shared neighbour token, so tokens are never compared all against all;
    case, diacritics and word order are not variants (folded keys, neighbours on either side). Two
    Vietnamese syllables are never variants of each other: one letter apart, they are two words or two
    given names ("Khôi" / "Khai", "Thu" / "Thi", "Nam-Ấn" / "Nam-Lào").
    """
    names = [m for m in mentions if m.kind == "name" and (m.prev or m.next)]
    by_key: dict[str, list[Mention]] = defaultdict(list)
    blocks: dict[str, set[str]] = defaultdict(set)
    for m in names:
        key = fold(m.text)
        by_key[key].append(m)
        for nb in (m.prev, m.next):
            if nb:
                blocks[fold(nb)].add(key)
    counts = {k: len(v) for k, v in by_key.items()}
    n_articles = {k: len({m.article for m in v}) for k, v in by_key.items()}
    out: list[Finding] = []
    reported: set[str] = set()
    for nb, tokens in sorted(blocks.items()):
        if len(tokens) < 2:
            continue
        for rare in sorted(tokens):
            for freq in sorted(tokens):
                if rare == freq or rare in reported or counts[freq] < cfg.name_min_ratio * counts[rare]:
                    continue
                if len(rare) < cfg.name_min_length or rare.rstrip("s") == freq.rstrip("s"):
                    continue  # short names are mostly two names; a trailing "s" is a plural ("Tigers")
                if n_articles[rare] > cfg.name_max_articles:
                    continue
                limit = 1 if len(freq) <= 6 else cfg.name_max_distance
                if abs(len(rare) - len(freq)) > limit or Levenshtein.distance(rare, freq) > limit:
                    continue
                if rare[0] != freq[0]:
                    continue  # a different initial is a different name ("Lan" / "Ban")
                if _syllables(by_key[rare][0].text) and _syllables(by_key[freq][0].text):
                    continue
                reported.add(rare)
                rare_m, freq_m = by_key[rare], by_key[freq]
                out.append(Finding(
                    "FL602", "name_variant", "warning", "",
                    f"name {rare_m[0].text!r} ({len(rare_m)}x, {few(m.article for m in rare_m)}) "
                    f"looks like a misspelling of {freq_m[0].text!r} ({len(freq_m)}x), seen beside the same "
                    f"name {nb!r}",
                    tuple(_loc(m) for m in rare_m[:MAX_LOCATIONS]) + (_loc(freq_m[0]),), rare_m[0].article,
                    key=f"{rare}|{freq}",
                ))
    return out


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
