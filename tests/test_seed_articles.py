"""The reader on the seed corpus: every money amount, count of people, rank and full date, and no
quantity out of names and identifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.corpus import load_corpus
from factlint.extract import extract_article
from helpers import SEED_ARTICLES

PEOPLE = {"person", "worker", "trainee", "student"}


@pytest.fixture(scope="module")
def claims():
    arts = load_corpus([SEED_ARTICLES])
    assert [a.status for a in arts] == ["ok"] * 5
    return {a.id[:3]: extract_article(a) for a in arts}


def _money(cs):
    return [(c.text, c.value, c.unit) for c in cs if c.kind == "money"]


def test_money(claims):
    assert _money(claims["000"]) == [("10 tỷ USD", 1e10, "USD")]
    assert _money(claims["001"]) == [("gần 50 tỷ USD", 5e10, "USD"), ("24,2 tỷ USD", 2.42e10, "USD"),
                                     ("23,4 tỷ USD", 2.34e10, "USD")]
    assert _money(claims["002"]) == []
    assert _money(claims["003"]) == []
    assert _money(claims["004"]) == [
        ("40 tỷ Yên", 4e10, "JPY"), ("15 tỷ Yên", 1.5e10, "JPY"), ("35 tỷ USD", 3.5e10, "USD"),
        ("gần 3 tỷ USD", 3e9, "USD"), ("gần 3 tỷ USD", 3e9, "USD"), ("gần 2 tỷ USD", 2e9, "USD"),
        ("hơn 200 triệu USD", 2e8, "USD"), ("hơn 100 tỷ yên", 1e11, "JPY"), ("gần 800 triệu USD", 8e8, "USD"),
        ("khoảng 10 tỷ USD", 1e10, "USD"),
    ]


def test_people(claims):
    got = {k: [(c.text, c.value) for c in cs if c.unit in PEOPLE] for k, cs in claims.items()}
    assert got["000"] == [("hơn 400 nghìn người", 4e5)]
    # "dự kiến khoảng 85.000" has no noun of its own: attribution gives it its measure's ("số lượng lao động")
    assert got["004"] == [("dự kiến khoảng 85.000", 85000), ("khoảng 350.000 người", 3.5e5)]
    assert all(not got[k] for k in ("001", "002", "003"))
    lab = [c for c in claims["004"] if c.text == "dự kiến khoảng 85.000"]
    assert len(lab) == 1 and lab[0].unit == "worker" and lab[0].modality == "forecast"


def test_ranks(claims):
    ranks = {k: [(c.text, c.value, bool(c.malformed)) for c in cs if c.kind == "rank"] for k, cs in claims.items()}
    assert ranks["001"] == [("hàng đầu", 1, False), ("đứng thứ nhất", 1, False), ("thứ hai", 2, False),
                            ("thứ ba", 3, False), ("thứ 4", 4, False)]
    assert ranks["002"] == [("hàng đầu", 1, False), ("đứng thứ nhất", 1, False), ("thứ 2", 2, False),
                            ("thứ 3", 3, False), ("thứ 4", 4, False)]
    assert ("đứng thứ 2i", 2, True) in ranks["004"]
    assert ("đứng thứ 3", 3, False) in ranks["004"] and ("đứng thứ 4", 4, False) in ranks["004"]
    # "Thứ hai, chuyến công tác …" enumerates paragraphs; "lần thứ 9" numbers an event
    assert not any(c.text.lower().startswith("thứ") and c.line > 60 and c.malformed == "" and c.value == 2
                   for c in claims["004"] if c.kind == "rank" and c.sentence.startswith("Thứ hai"))
    assert ranks["003"] == []


def test_dates(claims):
    dates = {k: [(c.text, c.date) for c in cs if c.kind in ("date", "daterange")] for k, cs in claims.items()}
    assert ("13/11", "2022-11-13") in dates["000"]
    assert ("21/9/1973", "1973-09-21") in dates["001"]
    assert ("27-30/11", "2023-11-27/2023-11-30") in dates["001"]
    assert ("10 - 13/3", "2024-03-10/2024-03-13") in dates["002"]
    assert ("15-18/12/2023", "2023-12-15/2023-12-18") in dates["004"]
    assert ("19/12", "2023-12-19") in dates["004"]
    assert ("3/9", "2024-09-03") in dates["003"]


@pytest.mark.parametrize("identifier", ["COP 26", "Công viên 23/9", "Quận 1", "COVID-19", "G7", "số 1",
                                        "cơ sở 2", "50-nam-asean-nhat-ban.jpg", "20/12/2023 07:51",
                                        "lần thứ 9", "lần thứ 40 - 41", "Thứ hai,", "Thứ ba,", "Thứ tư,"])
def test_identifiers_give_nothing(claims, identifier):
    hits = 0
    for cs in claims.values():
        if not cs:
            continue
        text = Path(cs[0].path).read_text(encoding="utf-8")
        for start in (i for i in range(len(text)) if text.startswith(identifier, i)):
            hits += 1
            end = start + len(identifier)
            overlapping = [c.text for c in cs if c.offset < end and c.offset + len(c.text) > start]
            assert overlapping == [], f"{identifier!r} gave {overlapping}"
    assert hits, f"{identifier!r} does not occur in the seed corpus"


def test_positions_point_into_the_file(claims):
    for cs in claims.values():
        for c in cs:
            line = Path(c.path).read_text(encoding="utf-8").split("\n")[c.line - 1]
            assert line[c.column - 1 : c.column - 1 + len(c.text)] == c.text
