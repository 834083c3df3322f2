"""Attribution as data: every case in tests/attribution/cases.yaml is one test item.

A case is a text (with an optional ``published`` date and a ``context``: the paragraph before it), a figure of
that text chosen by its surface text as the reader gives it (``nth`` picks among equal texts, from 1), and the
fields attribution must give it: any of ``subject_key``, ``measure_key``, ``period``, ``period_kind``,
``modality`` and ``unit`` (the unit of the claim: the reader's, else the one taken from the measure).
A case the code gets wrong today carries ``xfail: "<why>"`` and runs as a strict xfail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex
import yaml

from factlint.attribute import attribute
from factlint.extract import sentences
from factlint.schema import PERIOD
from factlint.vi import read_quantities
from factlint.vi.measures import HEADS
from factlint.vi.modality import MODALITIES
from factlint.vi.periods import KINDS

CASES_FILE = Path(__file__).parent / "attribution" / "cases.yaml"
FIELDS = ("subject_key", "measure_key", "period", "period_kind", "modality", "unit")
KEYS = {"text", "figure", "nth", "published", "context", "xfail", "note", *FIELDS}
_PERIOD = regex.compile(PERIOD)  # the claims schema's: a case expects only what the table accepts
_SUBJECT = regex.compile(r"[A-Z]{2}(?:\+[A-Z]{2})?|org:[A-Z]+|VN:\p{Lu}.*|sector:\p{Ll}.*|co:\p{Lu}.*")


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (a second section of the same name would hide the first)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for k, _ in node.value:
            key = self.construct_object(k, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice", k.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def _load() -> list[tuple[str, dict]]:
    with CASES_FILE.open(encoding="utf-8") as f:  # a file, so that an error names it
        data = yaml.load(f, Loader=_StrictLoader)
    return [(f"{section}-{i}", case) for section, cases in data.items() for i, case in enumerate(cases)]


CASES = _load()


def _params(cases: list[tuple[str, dict]]) -> list:
    out = []
    for cid, case in cases:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=cid, marks=marks))
    return out


def _figure(case: dict):
    """(quantity, attribution) of the case's figure, read in its text after the context paragraph."""
    context, text, pub = case.get("context", ""), case["text"], case.get("published")
    body = f"{context}\n{text}" if context else text
    qs = read_quantities(body, pub)
    atts = attribute(body, qs, sentences(body), pub)
    offset = len(context) + 1 if context else 0
    found = [(q, a) for q, a in zip(qs, atts, strict=True) if q.start >= offset and q.text == case["figure"]]
    shown = [q.text for q in qs if q.start >= offset]
    nth = case.get("nth", 1)
    assert len(found) >= nth, f"figure {case['figure']!r} (#{nth}) not read in {text!r}; read: {shown}"
    assert nth > 1 or len(found) == 1, f"figure {case['figure']!r} read {len(found)} times: give nth"
    return found[nth - 1]


def test_enough_cases():
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", [pytest.param(c, id=i) for i, c in CASES])
def test_case_well_formed(case):
    """Every case (xfail or not) names a figure the reader finds, and expects values of the right shape."""
    assert set(case) <= KEYS, f"unknown keys {set(case) - KEYS}"
    assert "text" in case and "figure" in case, "a case needs text and figure"
    assert any(f in case for f in FIELDS), "a case expects at least one field"
    pub = case.get("published")
    assert pub is None or isinstance(pub, dt.date), f"published {pub!r} is not a date"
    assert _PERIOD.fullmatch(str(case.get("period", ""))), f"period {case.get('period')!r} is not a period string"
    assert case.get("period_kind", "none") in KINDS
    assert case.get("modality", "actual") in MODALITIES
    assert case.get("measure_key", "trade") in set(HEADS.values()) | {""}  # "": no measure at all
    assert "subject_key" not in case or case["subject_key"] == "" or _SUBJECT.fullmatch(case["subject_key"])
    _figure(case)


@pytest.mark.parametrize("case", _params(CASES))
def test_attribution(case):
    q, att = _figure(case)
    got = {"subject_key": att.subject_key, "measure_key": att.measure_key, "period": att.period,
           "period_kind": att.period_kind, "modality": att.modality, "unit": q.unit or att.unit}
    wrong = {f: (got[f], case[f]) for f in FIELDS if f in case and str(got[f]) != str(case[f])}
    assert not wrong, f"{case['text']!r} [{case['figure']}]: " + "; ".join(
        f"{f}={have!r}, want {want!r}" for f, (have, want) in wrong.items()) + f" ({att.why})"


def test_an_inferred_publication_date_resolves_no_relative_period(tmp_path):
    """An undated article's first written date dates its bare dates, never its "năm nay" or a forecast.

    The date a text happens to give first (here a date of 1995) is no publication date: "năm nay" stays unresolved
    and a figure of 2016 is not made a forecast for coming after it.
    """
    from factlint.corpus import load_article
    from factlint.extract import extract_article

    path = tmp_path / "a.txt"
    path.write_text("Quan hệ hai nước được bình thường hóa ngày 12/7/1995.\n\nKim ngạch thương mại giữa hai nước "
                    "tăng từ 1,5 tỷ USD năm 2001 lên 52 tỷ USD năm 2016. Năm nay, xuất khẩu đạt 30 tỷ USD.\n",
                    encoding="utf-8")
    art = load_article(path)
    assert art.published is not None and art.published_stated is None  # inferred from the text
    got = {c.text: (c.period, c.modality) for c in extract_article(art)}
    assert got["52 tỷ USD"] == ("2016", "actual")
    assert got["30 tỷ USD"][0] == ""
