"""Arithmetic an article states about itself: parts and their total, shares, changes and ratios.

No rule is needed: the structure of one sentence says how its figures relate, and the cue words come from the
locale (``factlint.vi.arithmetic``).

- Parts (FL204): "tổng kim ngạch 50 tỷ USD, trong đó xuất khẩu 24 tỷ USD và nhập khẩu 33 tỷ USD": the parts
  after "trong đó" / "gồm" (same kind and unit as the total right before the cue) must not add up to more than
  the total; when they are exports and imports of a trade total, they must add up to it. A sum written out
  ("7 + 12 = 21 người", "21 người, gồm 7 + 12 người") must meet its total.
- Shares (FL205): "297,4 triệu USD, chiếm 20,9% tổng vốn FDI": the figure over the whole, when the whole is
  stated in the same paragraph (same unit, the measure named after the percentage, same period), must meet the
  share. Shares of one whole in one sentence (FL206) must not add up to more than 100%.
- Changes (FL207): "từ 2 tỷ USD lên 3 tỷ USD, tăng 50%", "đạt 3 tỷ USD, tăng 50% so với 2 tỷ USD": the
  later figure over the earlier one must meet the stated change.
- Ratios (FL208): "3 tỷ USD, gấp 3 lần 1 tỷ USD", "từ 1 tỷ USD lên 3 tỷ USD, gấp 3 lần".

Every comparison is an interval test: the figures carry their rounding and hedges, and the computed figure is
widened by ``arithmetic_tolerance``. Precision comes first: a sentence whose structure is not clear is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import regex

from factlint.checks.common import YEAR, CheckConfig, Interval, interval, location, severity_for_gap, widen
from factlint.checks.conversions import Code, figures
from factlint.findings import Finding
from factlint.vi import arithmetic as cues
from factlint.vi.comparable import FUNCTION_SYLLABLES
from factlint.vi.conversion import PER_UNIT_WORDS
from factlint.vi.measures import measures

CODES = (
    Code("FL204", "stated_parts", "error",
         "the parts listed after a total ('trong đó', 'gồm') add up to more than it (or, for exports and imports, "
         "do not add up to it)"),
    Code("FL205", "stated_share", "error",
         "a figure is not the share of its whole that the article states ('chiếm P%'), the whole stated nearby"),
    Code("FL206", "shares_over_100", "error", "shares of one whole in one sentence add up to more than 100%"),
    Code("FL207", "stated_change", "error",
         "a change ('tăng P%', 'giảm P%') does not fit the earlier and later figures the sentence states"),
    Code("FL208", "stated_ratio", "error", "a ratio ('gấp N lần') does not fit the two figures the sentence states"),
)
FIGURE_KINDS = ("money", "count")
MAX_GAP = 60  # characters between a figure and the cue that links it to the next


def _words(ws: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(ws, key=len, reverse=True))


def _cue(ws: tuple[str, ...] | list[str]) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_words(ws)})(?![\p{{L}}\p{{N}}])", regex.I)


_PART = _cue(cues.PART_CUES)
_SHARE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_words(cues.SHARE_CUES)})\s*$", regex.I)
_CHANGE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:(?P<rise>{_words(cues.RISE_CUES)})|(?P<fall>"
                               rf"{_words(cues.FALL_CUES)}))\s*$", regex.I)
_CHANGE_ANY = _cue(cues.RISE_CUES + cues.FALL_CUES + cues.VERSUS_CUES + cues.COMPARE_WORDS)
_FROM_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_words(cues.FROM_CUES)})\s*$", regex.I)
_TO_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_words(cues.TO_CUES)})\s*$", regex.I)
_VERSUS_AFTER = regex.compile(rf"^\s*(?:{_words(cues.VERSUS_CUES)})\s*$", regex.I)
_POINTS_AFTER = regex.compile(rf"^\s*(?:{_words(cues.POINTS)})(?![\p{{L}}])", regex.I)
_RATIO = regex.compile(rf"(?<![\p{{L}}])(?P<rise>(?:{_words(cues.RISE_CUES)})\s+)?{cues.RATIO_CUE}\s+"
                       rf"(?:(?P<word>{_words(list(cues.RATIO_WORDS))})(?![\p{{L}}])(?:\s+{cues.RATIO_TIMES})?"
                       rf"|(?P<num>[\d.,]+(?:\s*[-–]\s*[\d.,]+)?)\s*{cues.RATIO_TIMES})(?![\p{{L}}])", regex.I)
_PER = regex.compile(rf"^\s*(?:/|(?:{_words(PER_UNIT_WORDS)})\s)", regex.I)
_RUN_SEP = regex.compile(rf"^\s*(?:,|(?:,\s*)?(?:{_words(cues.AND_WORDS)}))\s*$", regex.I)
_PARTS_END = _cue(cues.PARTS_END)
_SHARE_ANY = _cue(cues.SHARE_CUES)
_THRESHOLD = regex.compile(rf"^\s*(?:{_words(cues.THRESHOLD_AFTER)})(?!\p{{L}})", regex.I)
_OWN_NOUN = regex.compile(rf"\p{{L}}+$(?<!(?<!\p{{L}})(?:{_words(cues.SCALE_WORDS)}))", regex.I)
_AND_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{_words(cues.AND_WORDS)})\s+(?:\p{{L}}+\s+){{0,3}}$", regex.I)
_SHARE_AFTER = regex.compile(rf"^\s*[(,]?\s*(?:{_words(cues.SHARE_CUES)})(?!\p{{L}})", regex.I)
_WHOLE = regex.compile(rf"^\s*(?:{_words(cues.WHOLE_WORDS)})\s+", regex.I)
_FROM_TEXT = regex.compile(rf"^\s*(?:{_words(cues.FROM_CUES)})(?!\p{{L}})", regex.I)
MAX_FIRST = 40  # characters from a part cue to the first part ("trong đó xuất khẩu đạt 24 tỷ USD")
_EXHAUSTIVE = {"trade": frozenset({"exports", "imports"})}  # a total and the measures that make it up


@dataclass(frozen=True)
class Placed:
    """A claim and where it lies in its sentence."""

    row: dict
    start: int
    end: int


def _place(rows: list[dict]) -> list[Placed] | None:
    """Claims of one sentence with their spans in it (``None`` when the sentence text does not hold them)."""
    sent, first = rows[0]["sentence"], rows[0]
    i = sent.find(first["text"])
    while i >= 0:
        spans = [(i + r["offset"] - first["offset"], r) for r in rows]
        if all(sent.startswith(r["text"], s) for s, r in spans):
            return [Placed(r, s, s + len(r["text"])) for s, r in spans]
        i = sent.find(first["text"], i + 1)
    return None


# every cue word, lower-cased, none inside another: a cheap test for sentences worth reading
_CUE_WORDS = tuple(sorted({w.lower() for w in (*cues.PART_CUES, *cues.SHARE_CUES, *cues.RISE_CUES, *cues.FALL_CUES,
                                                cues.RATIO_CUE)}))
_CUE_WORDS = tuple(w for w in _CUE_WORDS if not any(o != w and o in w for o in _CUE_WORDS)) + ("+",)
_PLUS = regex.compile(r"^[ \t]*\+[ \t]*$")
_EQUALS = regex.compile(r"^[ \t]*=[ \t]*$")


def sentences_with_cues(df: pd.DataFrame) -> list[list[Placed]]:
    """The placed claims of every sentence that holds a cue and at least two figures, in corpus order."""
    if df.empty:
        return []
    d = df[df["kind"].isin(["money", "count", "percent"]) & df["low"].notna()]
    d = d[d.duplicated(["article", "line", "sentence"], keep=False)]  # two figures at least
    hit = {s for s in pd.unique(d["sentence"]) if any(w in s.lower() for w in _CUE_WORDS)}
    d = d[d["sentence"].isin(hit)].sort_values(["article", "offset"], kind="stable")
    out: list[list[Placed]] = []
    group: list[dict] = []
    for r in [*d.to_dict("records"), None]:
        if group and (r is None or (r["article"], r["line"], r["sentence"]) != (
                group[0]["article"], group[0]["line"], group[0]["sentence"])):
            placed = _place(group) if len(group) >= 2 else None
            if placed is not None:
                out.append(placed)
            group = []
        if r is not None:
            group.append(r)
    return out


def _same(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a["unit"] == b["unit"] and a["unit"] != ""


def _ratio(a: Interval, b: Interval) -> Interval | None:
    """``a / b`` for positive intervals (``None`` when ``b`` may be zero)."""
    if b.lo <= 0 or a.lo < 0:
        return None
    return Interval(a.lo / b.hi, a.hi / b.lo)


def _pct(iv: Interval) -> str:
    lo, hi = iv.lo, iv.hi
    return f"{lo:.1f}%".replace(".", ",") if abs(hi - lo) < 0.05 else f"{lo:.1f}–{hi:.1f}%".replace(".", ",")


def _finding(code: str, check: str, gap: float, ref: float, cfg: CheckConfig, msg: str, rows: list[dict],
             data: dict | None = None) -> Finding:
    return Finding(code, check, severity_for_gap(gap, ref, cfg), "", msg, tuple(location(r) for r in rows),
                   rows[0]["article"], key="|".join(r["text"] for r in rows), data=data or {})


# ---------------------------------------------------------------------------------------------- parts


def _depths(sent: str) -> list[int]:
    """The bracket depth at each character of ``sent`` ("(" and "[" open, ")" and "]" close)."""
    out, d = [], 0
    for ch in sent:
        if ch in ")]":
            d = max(0, d - 1)
        out.append(d)
        if ch in "([":
            d += 1
    return out


def _counted(p: Placed) -> bool:
    """A money figure, or a count that names what it counts ("77 chiếc", not "417.335 tỷ" or "2")."""
    return p.row["kind"] == "money" or bool(_OWN_NOUN.search(p.row["text"]))


def _total_before(placed: list[Placed], cue_start: int, sent: str, depth: list[int]) -> Placed | None:
    """The figure right before a part cue: the nearest money or count, nothing of its kind and unit between."""
    before = [p for p in placed if p.end <= cue_start and p.row["kind"] in FIGURE_KINDS]
    if not before:
        return None
    t = before[-1]
    if cue_start - t.end > MAX_GAP or not t.row["unit"] or not _counted(t) or depth[t.start] > depth[cue_start]:
        return None
    if _CHANGE_BEFORE.search(sent[max(0, t.start - 25):t.start]) or _FROM_TEXT.match(t.row["text"]) \
            or _THRESHOLD.match(sent[t.end:]):
        return None  # a change or a threshold, not a total
    if _CHANGE_ANY.search(sent[t.end:cue_start]) or ";" in sent[t.end:cue_start]:
        return None
    return t


def _parts_after(placed: list[Placed], total: Placed, cue_end: int, sent: str, depth: list[int]) -> list[Placed]:
    """The figures of the total's kind and unit listed after its cue, at the cue's bracket depth.

    The list ends at a ';', a closing bracket, a new part cue, a word that starts something else ("chưa kể",
    "… người khác"), another quantity, or a long gap; a change, a comparison or a price among the parts makes
    the structure unclear and gives no list.
    """
    parts: list[Placed] = []
    level = depth[cue_end - 1]
    last = cue_end
    for p in placed:
        if p.start < cue_end:
            continue
        between = sent[last:p.start]
        if ";" in between or min(depth[last:p.start + 1]) < level or _PART.search(between) \
                or _PARTS_END.search(between) or len(between) > (MAX_FIRST if not parts else MAX_GAP):
            break
        if depth[p.start] > level:
            continue  # "4 ca … tại Hà Nội (1), Hưng Yên (2)": a breakdown of a part, not a part
        if not _same(p.row, total.row) or not _counted(p):
            if p.row["kind"] in FIGURE_KINDS:
                break  # another quantity in the list: the list ends
            continue
        if _CHANGE_BEFORE.search(sent[max(0, p.start - 25):p.start]) or _CHANGE_ANY.search(between) \
                or _PER.match(sent[p.end:p.end + 12]):
            return []  # a change, a comparison or a price per unit among the parts: not a plain list of parts
        if _PARTS_END.match(sent[p.end:].lstrip()):
            break  # "59 người khác": others, not a part
        parts.append(p)
        last = p.end
    return parts


def _written_sums(placed: list[Placed], sent: str, depth: list[int], t: float, cfg: CheckConfig) -> list[Finding]:
    """"7 + 12 = 21 người", "21 người, gồm 7 + 12 người": a sum written out must meet its total (FL204)."""
    out: list[Finding] = []
    i = 0
    while i < len(placed):
        run = [placed[i]]
        while i + len(run) < len(placed) and _PLUS.match(sent[run[-1].end:placed[i + len(run)].start]):
            run.append(placed[i + len(run)])
        i += len(run)
        if len(run) < 2 or any(p.row["kind"] != run[-1].row["kind"] for p in run):
            continue
        after = [p for p in placed if p.start >= run[-1].end]
        total = None
        if after and _EQUALS.match(sent[run[-1].end:after[0].start]):
            total = after[0]
        else:
            cue = None
            for m in _PART.finditer(sent, 0, run[0].start):
                cue = m
            if cue is not None and not sent[cue.end():run[0].start].strip(" \t:("):
                total = _total_before(placed, cue.start(), sent, depth)
        if total is None or total.row["kind"] != run[-1].row["kind"] or not total.row["unit"]:
            continue
        if any(p.row["unit"] not in ("", total.row["unit"]) for p in run):
            continue
        tiv, s = widen(interval(total.row), t), Interval(0.0, 0.0)
        for p in run:
            s = s + interval(p.row)
        if tiv.meets(s):
            continue
        gap = tiv.gap(s)
        unit = total.row["unit"]
        terms = " + ".join(repr(p.row["text"]) for p in run)
        out.append(_finding(
            "FL204", "stated_parts", gap, max(abs(tiv.hi), abs(s.hi)), cfg,
            f"the sum written out {terms} = {figures(s, unit)} does not meet the total {total.row['text']!r} "
            f"({figures(interval(total.row), unit)})", [total.row] + [p.row for p in run],
            {"unit": unit, "gap": gap}))
    return out


def check_stated_parts(df: pd.DataFrame, cfg: CheckConfig, placed_sentences: list[list[Placed]] | None = None
                       ) -> list[Finding]:
    """Parts listed after a total that add up to more than it (FL204).

    At least two parts must be listed, and the list is taken to end where its running sum first meets the
    total ("28.000 tấn, trong đó 23.000 tấn …, 5.000 tấn … và đã xuất khẩu 4.520 tấn": the third is not a part).
    """
    out: list[Finding] = []
    t = cfg.arithmetic_tolerance
    ruled = {r["total"] for r in cfg.relations if r.get("type") == "sum"}
    for placed in sentences_with_cues(df) if placed_sentences is None else placed_sentences:
        sent = placed[0].row["sentence"]
        depth = _depths(sent)
        out += _written_sums(placed, sent, depth, t, cfg)
        for m in _PART.finditer(sent):
            total = _total_before(placed, m.start(), sent, depth)
            if total is None:
                continue
            parts = _parts_after(placed, total, m.end(), sent, depth)
            if len(parts) < 2 or total.row["metric"] in ruled:
                continue  # a total whose parts a relation declares: the sum check compares them (FL201)
            tiv = interval(total.row)
            wide = widen(tiv, t)
            keys = frozenset(p.row["measure_key"] for p in parts)
            exhaustive = len(parts) == 2 and _EXHAUSTIVE.get(total.row["measure_key"]) == keys
            s, sums = Interval(0.0, 0.0), []
            for p in parts:
                s = s + interval(p.row)
                sums.append(s)
            above = not wide.meets(s) and s.lo >= wide.hi
            if any(wide.meets(x) for x in sums[1:]) or (not exhaustive and not above):
                continue
            if total.row["kind"] == "count" and not _AND_BEFORE.search(sent[parts[-2].end:parts[-1].start]):
                continue  # counted categories listed without "A, B và C" often overlap ("18 dự án du lịch, 11 …")
            gap = wide.gap(s)
            terms = " + ".join(repr(p.row["text"]) for p in parts)
            unit = total.row["unit"]
            what = "add up to more than" if above else "do not add up to"
            out.append(_finding(
                "FL204", "stated_parts", gap, max(tiv.hi, s.hi), cfg,
                f"the parts {terms} = {figures(s, unit)} {what} the total {total.row['text']!r} "
                f"({figures(tiv, unit)}) stated before {m.group()!r}", [total.row] + [p.row for p in parts],
                {"unit": unit, "gap": gap}))
            break
    return out


# ---------------------------------------------------------------------------------------------- shares


def _share_percents(placed: list[Placed], sent: str) -> list[Placed]:
    """Percentages that are shares: right after "chiếm", or listed right after such a one ("40%, 35% và 25%")."""
    out: list[Placed] = []
    prev: Placed | None = None
    for p in placed:
        if p.row["kind"] != "percent" or _POINTS_AFTER.match(sent[p.end:]):
            prev = None if p.row["kind"] != "percent" else prev
            continue
        if _SHARE_BEFORE.search(sent[max(0, p.start - 30):p.start]) or (
                prev is not None and prev in out and _RUN_SEP.match(sent[prev.end:p.start])):
            out.append(p)
        prev = p
    return out


def _runs(shares: list[Placed], sent: str) -> list[list[Placed]]:
    """Shares grouped by their cue: "chiếm lần lượt 40%, 35% và 25%" is one run of three."""
    runs: list[list[Placed]] = []
    for p in shares:
        if runs and _RUN_SEP.match(sent[runs[-1][-1].end:p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _named_whole(sent: str, p: Placed) -> tuple[str, object | None]:
    """The text after a share (its link word left out) and the measure it names first, if any."""
    after = _WHOLE.sub("", sent[p.end:p.end + 60], count=1)
    return after, next((m for m in measures(after) if m.start <= 8 and m.key), None)


def _whole_key(sent: str, p: Placed) -> str:
    """The measure named right after a share ("20,9% tổng vốn FDI" -> fdi), or empty."""
    found = _named_whole(sent, p)[1]
    return found.key if found else ""


# the named whole ends at a punctuation mark, a link or a verb ("… tổng vốn FDI và tăng mạnh", "… nhưng chỉ …")
_QUALIFIER_END = regex.compile(r"[,.;:()]|(?<!\p{L})(?:và|nhưng|song|còn|trong khi|tăng|giảm|đạt|là|với|đóng góp|"
                               r"tạo ra|chiếm|so)(?!\p{L})")
# words that qualify no whole: the whole country, the area ("tổng vốn FDI cả nước", "trên địa bàn")
_QUALIFIER_NONE = regex.compile(
    r"(?<!\p{L})(?:của[ \t]+)?(?:cả[ \t]+nước|toàn[ \t]+quốc|trên[ \t]+địa[ \t]+bàn)(?!\p{L})")
QUALIFIER_WORDS = 2  # words of the named whole after its head that the whole's own sentence must name too


def _whole_qualifier(sent: str, p: Placed) -> list[str]:
    """The first words that qualify the whole named after a share, beyond its head.

    "chiếm gần 60% số DN FDI đang hoạt động" -> ["fdi", "đang"]: a whole of all enterprises is not that whole.
    """
    after, found = _named_whole(sent, p)
    if found is None:
        return []
    tail = after[found.end:]
    stop = _QUALIFIER_END.search(tail)
    tail = _QUALIFIER_NONE.sub(" ", tail[:stop.start() if stop else len(tail)])
    words = [w.lower() for w in regex.findall(r"\p{L}+", tail)]
    return [w for w in words if w not in FUNCTION_SYLLABLES][:QUALIFIER_WORDS]


def _names_all(sentence: str, words: list[str]) -> bool:
    """Whether ``sentence`` has each of ``words`` as a whole syllable."""
    low = sentence.lower()
    return all(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", low) for w in words)


def check_shares(df: pd.DataFrame, cfg: CheckConfig, placed_sentences: list[list[Placed]] | None = None
                 ) -> list[Finding]:
    """A figure that is not the share of its whole the article states (FL205); shares over 100% (FL206)."""
    out: list[Finding] = []
    t = cfg.arithmetic_tolerance
    wholes: dict[tuple, list[dict]] = {}
    order: dict[tuple, int] = {}  # (article, line, sentence) -> its place among the sentences with figures
    sentences = sentences_with_cues(df) if placed_sentences is None else placed_sentences
    arts = {p[0].row["article"] for p in sentences if any(_SHARE_ANY.search(q.row["sentence"]) for q in p[:1])}
    d = df[df["kind"].isin(FIGURE_KINDS) & df["low"].notna() & df["article"].isin(arts)].sort_values(
        ["article", "offset"], kind="stable")
    for r in d.to_dict("records"):
        para = (r["article"], r["line"])
        order.setdefault((*para, r["sentence"]), len(order))  # sentences in corpus order
        if r["measure_key"]:
            wholes.setdefault((*para, r["measure_key"], r["unit"]), []).append(r)
    for placed in sentences:
        sent = placed[0].row["sentence"]
        shares = _share_percents(placed, sent)
        runs = _runs(shares, sent)
        keys = [_whole_key(sent, r[-1]) for r in runs]
        if len(shares) >= 2 and (len(runs) == 1 or (len(set(keys)) == 1 and keys[0])):
            total = Interval(0.0, 0.0)
            for p in shares:
                total = total + interval(p.row)
            if total.lo > 100 * (1 + t):
                out.append(_finding(
                    "FL206", "shares_over_100", total.lo - 100, total.lo, cfg,
                    f"shares of one whole add up to more than 100%: "
                    f"{' + '.join(repr(p.row['text']) for p in shares)} = {_pct(total)}", [p.row for p in shares]))
        for p in shares:
            key = _whole_key(sent, p)
            cue = _SHARE_BEFORE.search(sent[max(0, p.start - 30):p.start])
            if not key or cue is None:
                continue
            cue_start = max(0, p.start - 30) + cue.start()
            before = [q for q in placed if q.end <= cue_start]
            if not before or before[-1].row["kind"] not in FIGURE_KINDS or not before[-1].row["unit"]:
                continue
            a = before[-1]
            if _CHANGE_BEFORE.search(sent[max(0, a.start - 25):a.start]):
                continue  # "tăng hơn 9,62 tỷ USD, chiếm 60,5%": the share is the total's, not the change's
            if a.row["measure_key"] != key:
                continue  # "xuất khẩu 9,7 tỷ USD (chiếm 7,9% tổng kim ngạch)": which whole is not clear
            if cue_start - a.end > MAX_GAP // 2 or _CHANGE_ANY.search(sent[a.end:cue_start]):
                continue
            aiv = interval(a.row)
            here = order[(a.row["article"], a.row["line"], sent)]
            qualifier = _whole_qualifier(sent, p)
            cands = [w for w in wholes.get((a.row["article"], a.row["line"], key, a.row["unit"]), [])
                     if w["offset"] < a.row["offset"] and w["value"] > a.row["value"]
                     and not _SHARE_AFTER.match(w["sentence"][w["sentence"].find(w["text"]) + len(w["text"]):])
                     and here - order[(w["article"], w["line"], w["sentence"])] <= 1
                     and (w["period"] == a.row["period"] or not w["period"] or not a.row["period"])
                     and _names_all(w["sentence"], qualifier)]
            if not cands:
                continue
            piv = interval(p.row)
            results = []
            for w in cands:
                r = _ratio(aiv, interval(w))
                if r is None:
                    break
                r = widen(Interval(r.lo * 100, r.hi * 100), t)
                results.append((r.gap(piv), r, w))
            if len(results) < len(cands) or any(r.meets(piv) for _, r, _ in results):
                continue
            gap, r, w = min(results, key=lambda x: x[0])
            out.append(_finding(
                "FL205", "stated_share", gap, max(r.hi, piv.hi), cfg,
                f"{a.row['text']!r} of {w['text']!r} is {_pct(Interval(r.lo / (1 - t), r.hi / (1 + t)))}; the "
                f"article says it is {p.row['text']!r}", [p.row, a.row, w], {"gap": gap}))
    return out


# ---------------------------------------------------------------------------------------------- changes


def _from_to(placed: list[Placed], sent: str) -> tuple[Placed, Placed] | None:
    """The one "từ A lên B" pair of the sentence (same kind and unit), or ``None``."""
    pairs = []
    for i, a in enumerate(placed):
        if a.row["kind"] not in FIGURE_KINDS or not _FROM_BEFORE.search(sent[max(0, a.start - 12):a.start]):
            continue
        b = next((q for q in placed[i + 1:] if q.row["kind"] in FIGURE_KINDS), None)
        if b is None or not _same(a.row, b.row) or b.start - a.end > MAX_GAP:
            continue
        if _TO_BEFORE.search(sent[a.end:b.start]) and not _CHANGE_ANY.search(sent[a.end:b.start].replace(
                _TO_BEFORE.search(sent[a.end:b.start]).group(), "")):
            pairs.append((a, b))
    return pairs[0] if len(pairs) == 1 else None


def _governs(p: Placed, pair: tuple[Placed, Placed], sent: str) -> bool:
    """Whether a change percentage belongs to a pair: right after its later figure, or right before "từ"."""
    a, b = sorted(pair, key=lambda x: x.start)
    return 0 <= p.start - b.end <= MAX_GAP // 2 or (0 <= a.start - p.end <= 15 and bool(
        _FROM_BEFORE.search(sent[p.end:a.start])))


def _change_percents(placed: list[Placed], sent: str) -> list[tuple[Placed, bool]]:
    """Percentages right after "tăng"/"giảm" (not points), each with whether it is a fall."""
    out = []
    for p in placed:
        if p.row["kind"] != "percent" or _POINTS_AFTER.match(sent[p.end:]):
            continue
        m = _CHANGE_BEFORE.search(sent[max(0, p.start - 20):p.start])
        if m:
            out.append((p, bool(m.group("fall"))))
    return out


_OF_AFTER = regex.compile(rf"^\s*(?:(?:{_words(cues.RATIO_OF)})\s+)?$", regex.I)


def _ratio_pair(placed: list[Placed], sent: str, m: regex.Match, pair: tuple[Placed, Placed] | None
                ) -> tuple[Placed, Placed] | None:
    """(smaller, larger) of a "gấp N lần": "từ A lên B, gấp N lần", or "B gấp N lần (so với) A"."""
    if pair is not None and 0 <= m.start() - pair[1].end <= MAX_GAP:
        return pair
    before = [q for q in placed if q.end <= m.start() and q.row["kind"] in FIGURE_KINDS]
    after = [q for q in placed if q.start >= m.end() and q.row["kind"] in FIGURE_KINDS]
    if not before or not after or not _same(before[-1].row, after[0].row):
        return None
    b, a = before[-1], after[0]
    gap_before = sent[b.end:m.start()]
    if len(gap_before) > 25 or _CHANGE_ANY.search(gap_before) or not _OF_AFTER.match(sent[m.end():a.start]):
        return None
    return a, b


_YEAR_BACK = regex.compile(
    rf"^\s*{cues.VERSUS}\s+(?:(?:{_words(cues.YEAR_BACK_CUES)})(?!\p{{L}})(?!\s+(?:{cues.YEAR_WORD}\s+)?\d)"
    rf"|(?:{cues.SAME_PERIOD}\s+)?(?:{cues.YEAR_WORD}\s+)?(?P<year>(?:19|20)\d\d)(?!\d))", regex.I)
_SAME = ("article", "kind", "unit", "measure_key", "subject_key", "modality", "period_kind")


def _year_back_index(df: pd.DataFrame, sentences: list[list[Placed]]) -> dict[tuple, list[dict]]:
    """Attributed figures with a stated period, by what they are, in the articles that state a change."""
    arts = {p[0].row["article"] for p in sentences if cues.VERSUS in p[0].row["sentence"].lower()}
    d = df[df["article"].isin(arts) & df["kind"].isin(FIGURE_KINDS) & (df["measure_key"] != "")
           & (df["period"] != "") & (df["period_source"] == "stated") & df["low"].notna()]
    out: dict[tuple, list[dict]] = {}
    for r in d.to_dict("records"):
        out.setdefault((*(r[k] for k in _SAME), r["period"]), []).append(r)
    return out


def _before_in_sentence(r: dict, n: int) -> str:
    """Up to ``n`` characters of a claim's sentence before it (empty when its text is not found)."""
    i = r["sentence"].find(r["text"])
    return r["sentence"][max(0, i - n):i] if i >= 0 else ""


def _stated_earlier(b: Placed, earlier: dict[tuple, list[dict]], year: str | None = None
                    ) -> tuple[Placed, Placed] | None:
    """The figure of the same measure, subject and modality one year before ``b``'s period, stated once.

    Periods are attributed, and attribution errs: the earlier figure must be in the same paragraph, with the
    same measure phrase, and its year written in its sentence just before it ("năm 2015 đạt 3.453 tỷ đồng").

    ``year`` is the year the change is stated against ("so với năm 2018"); it must be the year before ``b``'s.
    """
    r = b.row
    if not r["measure_key"] or not r["period"] or r.get("period_source") != "stated" or not YEAR.search(r["period"]):
        return None
    if year is not None and {int(y) for y in YEAR.findall(r["period"])} != {int(year) + 1}:
        return None
    back = YEAR.sub(lambda m: str(int(m.group()) - 1), r["period"])
    years = set(YEAR.findall(back))
    cands = [e for e in earlier.get((*(r[k] for k in _SAME), back), [])
             if e["offset"] != r["offset"] and e["line"] == r["line"] and e["measure"] == r["measure"]
             and years & set(YEAR.findall(_before_in_sentence(e, 80)))]
    if not cands or not all(interval(x).meets(interval(y)) for x in cands for y in cands):
        return None  # not stated, or stated as several figures: which one is meant is unclear
    return Placed(cands[0], -1, -1), b


def _growth(later: Interval, earlier: Interval, t: float) -> Interval | None:
    r = _ratio(later, earlier)
    return None if r is None else widen(r, t)


_DOT_DECIMAL = regex.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])[ \t]*(?:nghìn|ngàn|triệu|tỷ|tỉ)")


def _readings(row: pd.Series | dict) -> list[Interval]:
    """The figure's interval, and a thousandth of it when a dot before a scale word may be a decimal point."""
    iv = interval(row)
    if _DOT_DECIMAL.search(str(row["text"])):
        return [iv, iv.scale(1e-3, 1e-3)]
    return [iv]


def check_changes(df: pd.DataFrame, cfg: CheckConfig, placed_sentences: list[list[Placed]] | None = None
                  ) -> list[Finding]:
    """Changes (FL207) and ratios (FL208) that do not fit the earlier and later figures stated with them."""
    out: list[Finding] = []
    t = cfg.arithmetic_tolerance
    sentences = sentences_with_cues(df) if placed_sentences is None else placed_sentences
    earlier = _year_back_index(df, sentences)
    for placed in sentences:
        sent = placed[0].row["sentence"]
        changes = _change_percents(placed, sent)
        pair = _from_to(placed, sent)
        if pair is not None and (len(changes) != 1 or not _governs(changes[0][0], pair, sent)):
            changes = []  # the change stated is not this pair's
        if pair is None and len(changes) == 1:  # "đạt B, tăng P% so với A"
            p, _ = changes[0]
            before = [q for q in placed if q.end <= p.start and q.row["kind"] in FIGURE_KINDS]
            after = [q for q in placed if q.start >= p.end]
            if before and after and _same(before[-1].row, after[0].row) \
                    and _VERSUS_AFTER.match(sent[p.end:after[0].start]) \
                    and p.start - before[-1].end <= MAX_GAP // 2:
                pair = (after[0], before[-1])
            elif before and p.start - before[-1].end <= MAX_GAP // 2 and (back := _YEAR_BACK.match(sent[p.end:])):
                # "đạt B, tăng P% so với cùng kỳ" / "so với năm 2018": the figure of B's measure a year back
                pair = _stated_earlier(before[-1], earlier, back.group("year"))
        if pair is not None and len(changes) == 1:
            a, b = pair
            p, fall = changes[0]
            g = _growth(interval(b.row), interval(a.row), t)
            # "1.039 triệu tấn" may be an English decimal point (1,039 million): any reading that fits will do
            other = [_growth(ib, ia, t) for ib in _readings(b.row) for ia in _readings(a.row)]
            # a fall stated between figures that rose an order of magnitude (or a rise between figures that fell one),
            # however read, pairs two quantities, not one before and after ("hơn 68 tỷ đồng" … "2.899,6 tỷ đồng")
            misread = all(x is None or (x.lo >= cfg.magnitude_factor if fall else x.hi <= 1 / cfg.magnitude_factor)
                          for x in [g, *other])
            if g is not None and not misread:
                piv = interval(p.row)
                stated = Interval(1 - piv.hi / 100, 1 - piv.lo / 100) if fall else Interval(1 + piv.lo / 100,
                                                                                             1 + piv.hi / 100)
                if not g.meets(stated) and not any(x is not None and x.meets(stated) for x in other):
                    exact = _growth(interval(b.row), interval(a.row), 0.0)
                    change = Interval((1 - exact.hi) * 100, (1 - exact.lo) * 100) if fall else \
                        Interval((exact.lo - 1) * 100, (exact.hi - 1) * 100)
                    word = "a fall" if fall else "a rise"
                    gap = g.gap(stated)
                    out.append(_finding(
                        "FL207", "stated_change", gap, max(g.hi, stated.hi), cfg,
                        f"from {a.row['text']!r} to {b.row['text']!r} is {word} of {_pct(change)}; the article "
                        f"says {p.row['text']!r}", [p.row, a.row, b.row], {"gap": gap}))
        for m in _RATIO.finditer(sent):
            if m.group("word"):
                n = cues.RATIO_WORDS[m.group("word").lower()]
                half = 0.25 if n % 1 else 0.5  # the rounding the reader gives a bare "3"
                niv = Interval(n - half, n + half)
            else:
                ns = [q for q in placed if q.start >= m.start("num") and q.end <= m.end("num") + 1]
                if len(ns) != 1:
                    continue
                niv = interval(ns[0].row)
            if m.group("rise"):
                niv = Interval(niv.lo, niv.hi + 1)  # "tăng gấp 3 lần" is read as ×3 and as ×4
            ab = _ratio_pair(placed, sent, m, pair)
            if ab is None:
                continue
            a, b = ab
            g = _growth(interval(b.row), interval(a.row), t)
            if g is None or g.meets(niv):
                continue
            exact = _ratio(interval(b.row), interval(a.row))
            gap = g.gap(niv)
            out.append(_finding(
                "FL208", "stated_ratio", gap, max(g.hi, niv.hi), cfg,
                f"{b.row['text']!r} is {figures(exact, '×').rstrip(' ×')} times {a.row['text']!r}; the article "
                f"says {m.group().strip()!r}", [b.row, a.row], {"gap": gap}))
    return out


def check_arithmetic(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Every stated-arithmetic finding of the claims table (FL204–FL208), in a deterministic order."""
    placed = sentences_with_cues(df)
    return check_stated_parts(df, cfg, placed) + check_shares(df, cfg, placed) + check_changes(df, cfg, placed)
