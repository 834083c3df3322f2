"""The grammar as data: every case in tests/grammar/cases.yaml is one test item."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from factlint.vi import read_quantities

CASES_FILE = Path(__file__).parent / "grammar" / "cases.yaml"
DEFAULT_REF = dt.date(2024, 3, 12)
NUMERIC = {"v", "lo", "hi"}
FIELDS = {"t": "text", "k": "kind", "v": "value", "u": "unit", "h": "hedge", "dir": "direction", "lo": "low",
          "hi": "high", "d": "date", "low_open": "low_open", "high_open": "high_open"}


def _cases():
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    for section, cases in data.items():
        for i, case in enumerate(cases):
            text, expected, *rest = case
            options = rest[0] if rest else {}
            ref = options.get("ref", DEFAULT_REF)
            marks = [pytest.mark.xfail(strict=True, reason=options["xfail"])] if "xfail" in options else []
            yield pytest.param(text, expected, ref, id=f"{section}-{i}", marks=marks)


def test_enough_cases():
    assert len(list(_cases())) >= 850  # 509 before issue 14's spoken grammar


@pytest.mark.parametrize(("text", "expected", "ref"), list(_cases()))
def test_grammar(text, expected, ref):
    got = read_quantities(text, ref)
    shown = [(q.text, q.kind, q.value, q.unit, q.hedge, q.date, q.malformed) for q in got]
    assert len(got) == len(expected), f"{text!r}: expected {len(expected)} quantities, got {shown}"
    for q, exp in zip(got, expected, strict=True):
        for key, want in exp.items():
            if key == "m":
                assert bool(q.malformed) == want, f"{text!r}: malformed={q.malformed!r}, want {want}"
                continue
            have = getattr(q, FIELDS[key])
            if isinstance(want, bool):  # low_open / high_open: whether the interval excludes that end
                assert have is want, f"{text!r}: {FIELDS[key]}={have!r}, want {want}; got {shown}"
                continue
            if key in NUMERIC and isinstance(want, str):
                want = float(want)  # YAML reads "2.42e10" (no sign in the exponent) as a string
            if isinstance(want, int | float) and not isinstance(want, bool):
                assert have is not None and math.isclose(have, want, rel_tol=1e-9, abs_tol=1e-9), (
                    f"{text!r}: {FIELDS[key]}={have!r}, want {want!r}; got {shown}")
            else:
                assert str(have) == str(want), f"{text!r}: {FIELDS[key]}={have!r}, want {want!r}; got {shown}"
