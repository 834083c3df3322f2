"""Stated conversions: an amount restated in another currency must fit an exchange rate of its year.

"15.000 tỷ đồng (tương đương 650 triệu USD)", "20 tỷ yên (180 triệu USD)", "50 tỷ yên, khoảng 450 triệu USD":
two money claims of different currencies, next to each other in one sentence, the second in parentheses or
after a conversion cue (the cue words come from the locale, ``factlint.vi.conversion``), with nothing else
between them. No rule is needed. The first amount is converted at every rate of its year's range
(``claims/reference/fx.yaml``, bridged through USD), widened by ``conversion_tolerance``; the pair agrees when
that meets the second amount's interval (its hedge and rounding included).

The years are the claims' own period and the stated publication year (a figure of an earlier year is often
converted at the rate of the day); without either, the pair is reported at ``info`` as an unknown period with
the years whose rates would allow it, never checked against a guessed year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import regex

from factlint.checks.common import (
    YEAR,
    CheckConfig,
    FxGap,
    FxTable,
    Interval,
    currency,
    interval,
    location,
    per_unit,
    scale,
    severity_for_gap,
    widen,
)
from factlint.findings import Finding
from factlint.vi.conversion import CONVERSION_CUES, CONVERSION_HEDGES, PER_UNIT_WORDS

CHECK = "stated_conversion"


@dataclass(frozen=True)
class Code:
    """A finding code as its check declares it; the reports read these, and a test holds the README's table to them."""

    code: str
    name: str
    severity: str
    description: str


CODES = (
    Code("FL103", "stated_conversion", "error",
         "an amount restated in another currency fits no exchange rate of its year"),
    Code("FL105", "stated_conversion_unknown_period", "info",
         "an amount restated in another currency has no year to convert at (the years that would fit are named)"),
)

# the text between two amounts: separators, symbols and cue words, nothing else
_CUE = "|".join(regex.escape(c) for c in sorted(CONVERSION_CUES, key=len, reverse=True))
_SEP = r"[\s,:(\[~≈=]"
_BETWEEN = regex.compile(rf"{_SEP}*(?:(?:{_CUE})(?!\w){_SEP}*)*", regex.IGNORECASE)
_HAS_CUE = regex.compile(rf"(?<!\w)(?:{_CUE})(?!\w)|[(\[~≈=]", regex.IGNORECASE)
# a second amount priced per unit ("34,29 triệu đồng một lượng", "46 triệu đồng/tấn") is another quantity
_PER = "|".join(regex.escape(w) for w in sorted(PER_UNIT_WORDS, key=len, reverse=True))
_PER_UNIT = regex.compile(rf"\s*(?:/\s*\w|(?:{_PER})\s+\w)", regex.IGNORECASE)
# "57,945 USD", "1,176 triệu Euro": a comma before three digits reads as a decimal or, English style, thousands
_COMMA_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d.,])")
MAX_BETWEEN = 60  # characters: a cue phrase and its punctuation


def is_conversion(between: str, second_hedge: str, after: str = "") -> bool:
    """Whether the text between two amounts (and the second's hedge) says the second restates the first.

    Args:
        between: The text from the end of the first amount to the start of the second.
        second_hedge: The hedge word of the second amount ("khoảng"), lower-cased, or empty.
        after: The sentence after the second amount: a unit only the second is priced in ("một lượng",
            "/tấn") makes it another quantity.
    """
    if len(between) > MAX_BETWEEN or not _BETWEEN.fullmatch(between) or _PER_UNIT.match(after):
        return False
    return bool(_HAS_CUE.search(between)) or second_hedge in CONVERSION_HEDGES


def _around(a: dict, b: dict) -> tuple[str, str] | None:
    """The sentence text between claim ``a`` and the claim ``b`` after it, and after ``b``; ``None`` if lost."""
    gap = b["offset"] - a["offset"] - len(a["text"])
    if gap < 0 or gap > MAX_BETWEEN:
        return None
    sent, ta, tb = a["sentence"], a["text"], b["text"]
    i = sent.find(ta)
    while i >= 0:
        j = i + len(ta) + gap
        if sent.startswith(tb, j):
            return sent[i + len(ta):j], sent[j + len(tb):j + len(tb) + 40]
        i = sent.find(ta, i + 1)
    return None


def stated_pairs(df: pd.DataFrame) -> list[tuple[dict, dict]]:
    """Adjacent money claims of two currencies in one sentence that state a conversion, in corpus order."""
    if df.empty:
        return []
    d = df[df["kind"] == "money"].sort_values(["article", "offset"], kind="stable")  # others fail `between`
    art, sent, unit, low = (d[c].to_numpy() for c in ("article", "sentence", "unit", "low"))
    per = np.array([per_unit(u) for u in unit], dtype=object)  # "USD/t" (per tonne) restates no amount
    cand = ((art[:-1] == art[1:]) & (sent[:-1] == sent[1:]) & (unit[:-1] != unit[1:]) & (per[:-1] == per[1:])
            & ~pd.isna(low[:-1]) & ~pd.isna(low[1:])).nonzero()[0]
    idx = sorted(set(cand) | {i + 1 for i in cand})
    rec = dict(zip(idx, d.iloc[idx].to_dict("records"), strict=True))
    out = []
    for i in cand:
        a, b = rec[i], rec[i + 1]
        got = _around(a, b)
        if got is not None and is_conversion(got[0], b["qualifier"].lower(), got[1]):
            out.append((a, b))
    return out


def readings(r: dict) -> list[Interval]:
    """The intervals an amount may stand for: as read, and ×1000 when a comma may separate thousands."""
    iv = interval(r)
    return [iv, iv.scale(1000, 1000)] if _COMMA_THOUSANDS.search(r["text"]) else [iv]


def years_of(a: dict, b: dict, last: int | None = None) -> list[int]:
    """The years to convert at; ``[]`` when neither a period nor a stated publication date gives one.

    A conversion is written on the day of writing, which is at or after the figure's own period: a sale of 2006
    told in an article of 2017 is converted at 2017's rates. So the years run from the earliest year of the claims'
    periods to the stated publication year or, with none stated, to ``last`` (the table's last year): a range the
    text allows, never a guess. With only a publication date, it is that year.
    """
    pub = [int(y) for y in YEAR.findall(a.get("published", "")[:4])]
    own: list[int] = []
    for r in (a, b):
        if r["period"] and r.get("period_source", "") != "published":
            own += [int(y) for y in YEAR.findall(r["period"])]
    if not own:
        return pub
    end = pub[0] if pub else (last if last is not None else max(own))
    years = [*own, end]  # a forecast for a later year, converted on an earlier day, runs backwards: both ends count
    return list(range(min(years), max(years) + 1))


def convert(iv: Interval, src: str, dst: str, year: int, fx: FxTable) -> Interval:
    """``iv`` in ``src`` converted to ``dst`` at any rate of ``year`` (bridged through USD).

    Both may be prices per one unit ("EUR/kg" to "VND/kg"): the unit they are per is the same on both sides.

    Raises:
        FxGap: The table has no rate for one of the currencies in that year.
    """
    usd = fx.to_usd(iv, currency(src), str(year))
    low, high = fx.rate(currency(dst), str(year))
    return usd.scale(low, high)


def figures(iv: Interval, unit: str) -> str:
    """An interval in Vietnamese news style, three digits, one scale word: "641–650 triệu USD".

    The ends are rounded outward, so the words never claim a narrower range than the arithmetic.
    """
    top = max(abs(iv.lo), abs(iv.hi))
    k, word = scale(top)
    word = f" {word}" if word else ""
    digits = max(0, 2 - math.floor(math.log10(top / k))) if top > 0 else 0
    q = 10 ** digits

    def num(x: float) -> str:
        return f"{x:.{digits}f}".replace(".", ",")

    if iv.hi - iv.lo <= 1e-9 * max(top, 1.0):
        return f"{num(round(iv.lo / k, digits))}{word} {unit}"
    return f"{num(math.floor(iv.lo / k * q) / q)}–{num(math.ceil(iv.hi / k * q) / q)}{word} {unit}"


def _rate(x: float) -> str:
    return f"{x:,.0f}" if x >= 1000 else f"{x:.4g}"


def _rates(src: str, dst: str, year: int, fx: FxTable) -> str:
    parts = []
    for cur in (currency(src), currency(dst)):
        if cur != "USD":
            lo, hi = fx.rate(cur, str(year))
            parts.append(f"{_rate(lo)}–{_rate(hi)} {cur}/USD")
    return ", ".join(parts)


def _years_text(years: list[int]) -> str:
    """[2009, 2010, 2011, 2014] -> "2009–2011, 2014"."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def table_years(a: dict, b: dict, fx: FxTable) -> list[int]:
    """The years for which the table has a rate for both currencies (empty when one is missing)."""
    curs = [c for c in (currency(a["unit"]), currency(b["unit"])) if c != "USD"]
    return sorted(set.intersection(*(set(fx.rates.get(c, {})) for c in curs))) if curs else []


def fits(a: dict, b: dict, year: int, fx: FxTable, tol: float) -> bool:
    """Whether some rate of ``year`` (within ``tol``) maps a reading of ``a`` onto a reading of ``b``.

    Raises:
        FxGap: The table has no rate for one of the currencies in that year.
    """
    return any(widen(convert(ia, a["unit"], b["unit"], year, fx), tol).meets(ib)
               for ia in readings(a) for ib in readings(b))


def fitting_years(a: dict, b: dict, fx: FxTable, tol: float) -> list[int]:
    """Every year of the table whose rates let ``a`` be restated as ``b``."""
    return [y for y in table_years(a, b, fx) if fits(a, b, y, fx, tol)]


def check_stated_conversions(df: pd.DataFrame, cfg: CheckConfig, fx: FxTable) -> list[Finding]:
    """Findings for the stated conversions of the claims table.

    FL103 for one that no rate of its year allows, FL105 for one without a year, FL104 for a currency the
    exchange-rate table lacks in that year.
    """
    out: list[Finding] = []
    tol = cfg.conversion_tolerance
    for a, b in stated_pairs(df):
        if a["metric"] and a["metric"] == b["metric"] and a["period"] == b["period"]:
            continue  # one metric's claims: the agreement check compares them (FL102)
        locs = (location(b), location(a))
        case, key = a["article"], f"{a['text']}|{b['text']}"
        pair = f"{a['text']!r} restated as {b['text']!r}"
        years = years_of(a, b, last=max((y for r in fx.rates.values() for y in r), default=None))
        if not years:
            allow = fitting_years(a, b, fx, tol)
            known = table_years(a, b, fx)
            lacks = [c for c in (currency(a["unit"]), currency(b["unit"])) if c != "USD" and c not in fx.rates]
            if lacks:
                verdict = f"the exchange-rate table has no {lacks[0]} rates"
            elif allow:
                verdict = f"the rates of {_years_text(allow)} allow it"
            else:
                verdict = (f"no year of the exchange-rate table ({known[0]}–{known[-1]}) allows it" if known
                           else "the exchange-rate table has no year for both currencies")
            out.append(Finding("FL105", CHECK, "info", "",
                               f"{pair}: no year to convert at (no period of its own, no stated publication "
                               f"date); {verdict}", locs, case, key=key, data={"years": allow}))
            continue
        checked, gaps, agree = [], [], False
        for y in years:
            try:
                agree = fits(a, b, y, fx, tol)
            except FxGap as gap:
                gaps.append(gap)
                continue
            if agree:
                break
            checked.append(y)
        if agree:
            continue
        if not checked:
            gap = gaps[0]
            out.append(Finding("FL104", CHECK, "warning", "",
                               f"{pair}: cannot check the stated conversion: {fx.where(gap.currency)}: {gap}",
                               locs, case, key=f"fx:{gap.currency}:{gap.year}|{key}"))
            continue
        years = checked
        biv = interval(b)
        results = [(y, widen(convert(interval(a), a["unit"], b["unit"], y, fx), tol)) for y in years]
        year, iv = min(results, key=lambda r: r[1].gap(biv))
        gap = iv.gap(biv)
        ref = max(abs(iv.hi), abs(biv.hi))
        exact = convert(interval(a), a["unit"], b["unit"], year, fx)
        nearest = "" if len(years) == 1 else f"; the nearest of {_years_text(years)}"
        out.append(Finding(
            "FL103", CHECK, severity_for_gap(gap, ref, cfg), "",
            f"{a['text']!r} at {year} rates ({_rates(a['unit'], b['unit'], year, fx)}{nearest}) is "
            f"{figures(exact, b['unit'])}; the article says {b['text']!r} ({figures(biv, b['unit'])}): "
            f"off by {figures(Interval(gap, gap), b['unit'])} ({gap / ref:.1%}) beyond a {tol:.0%} tolerance",
            locs, case, key=key, data={"unit": b["unit"], "gap": gap, "year": year},
        ))
    return out
