"""Dates.

Anniversaries against the founding date (FL401), events dated after publication (FL402), and date ranges in
the wrong order (FL403).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import regex

from factlint.checks.common import CheckConfig, claims_with_metric, location
from factlint.findings import Finding

_FUTURE = regex.compile(r"\b(sẽ|sắp|dự kiến|dự định|kế hoạch|tới đây|sắp tới|chuẩn bị|hẹn)\b", regex.I)


def _start(date: str) -> dt.date | None:
    first = date.split("/")[0]
    try:
        if len(first) == 10:
            return dt.date.fromisoformat(first)
        if len(first) == 7 and first[4] == "-":
            return dt.date(int(first[:4]), int(first[5:7]), 1)
    except ValueError:
        return None
    return None


def check_anniversaries(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """An anniversary ("kỷ niệm N năm") must agree with the founding date stated in the corpus."""
    out: list[Finding] = []
    tagged = claims_with_metric(df)
    for rel in cfg.relations:
        if rel.get("type") != "anniversary":
            continue
        founded = tagged[tagged["metric"] == rel["founded"]]
        years = sorted({d[:4] for d in founded["date"] if d[:4].isdigit()})
        if len(years) != 1:
            continue  # no founding date in the corpus (or several: the agreement of dates is another matter)
        year = int(years[0])
        ref = founded.iloc[0]
        for a in tagged[tagged["metric"] == rel["anniversary"]].to_dict("records"):
            n = int(a["value"])
            if a["period_source"] == "stated":
                expected = year + n
                if int(a["period"]) == expected:
                    continue
                msg = (f"{a['article']}: {a['text']!r} in {a['period']} does not fit the founding in {year} "
                       f"({ref['text']!r}, {ref['article']}): the {n}th anniversary is in {expected}")
            else:
                pub = int(a["published"][:4]) if a["published"] else None
                if pub is None or n <= pub - year + 1:
                    continue
                msg = (f"{a['article']} (published {a['published']}): {a['text']!r} is impossible before "
                       f"{year + n}, {n} years after the founding in {year} ({ref['text']!r}, {ref['article']})")
            out.append(Finding("FL401", "anniversary", "error", a["metric"], msg, (location(a), location(ref)),
                               f"{a['metric']}-{a['period']}", key=f"{a['text']}|{year}"))
    return out


def check_dates(df: pd.DataFrame, cfg: CheckConfig) -> list[Finding]:
    """Events dated after the article's publication, and reversed date ranges."""
    out: list[Finding] = []
    for r in df[df["kind"].isin(["date", "daterange"]) & (df["date"] != "")].to_dict("records"):
        parts = r["date"].split("/")
        # without a year, "25/12 - 5/1" crosses a new year: only a range with its year can be reversed
        if r["kind"] == "daterange" and len(parts) == 2 and parts[0] > parts[1] and not parts[1].startswith("--"):
            out.append(Finding("FL403", "date_range", "error", r["metric"],
                               f"{r['article']}: the range {r['text']!r} ends ({parts[1]}) before it starts "
                               f"({parts[0]})", (location(r),), r["article"], key=r["text"]))
            continue
        start = _start(r["date"])
        if start is None or not r["published"]:
            continue
        pub = dt.date.fromisoformat(r["published"])
        if (start - pub).days > cfg.future_grace_days and not _FUTURE.search(r["sentence"]):
            out.append(Finding("FL402", "date_after_publication", "warning", r["metric"],
                               f"{r['article']}: {r['text']!r} ({start}) is after the article's publication "
                               f"({pub}) and the sentence does not speak of the future",
                               (location(r),), r["article"], key=r["text"]))
    return out
