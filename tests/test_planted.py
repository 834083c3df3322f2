"""Planted errors: copy the seed corpus, plant one inconsistency, and check that the right check reports it
at the right article and line, and that nothing else changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factlint.suite import run
from helpers import RULES, SEED_ACCEPTED, SEED_ARTICLES

ARTICLE = {
    "000": "articles/000_8334ef254cd483e5.md", "001": "articles/001_5793ab1afd7dfe9c.md",
    "002": "articles/002_328294faec285e8a.md", "003": "articles/003_dad6383fd0be7af4.md",
    "004": "articles/004_45cea287ea4876c1.md",
}


def _keys(findings):
    return {(f.code, f.locations[0].path.split("/")[-1], f.locations[0].line, f.key) for f in findings}


@pytest.fixture(scope="module")
def baseline():
    return _keys(run([SEED_ARTICLES], RULES, SEED_ACCEPTED).findings)


def _plant(tmp_path: Path, art: str, old: str, new: str, *, append: bool = False) -> tuple[list, int]:
    """Copy the corpus, edit one article; return the new findings and the line of the edit."""
    shutil.copytree(SEED_ARTICLES, tmp_path / "articles")
    path = tmp_path / ARTICLE[art]
    text = path.read_text(encoding="utf-8")
    if append:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
        line = text.rstrip("\n").count("\n") + 1
    else:
        assert text.count(old) >= 1, old
        line = text[: text.index(old)].count("\n") + 1
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    r = run([tmp_path / "articles"], RULES, SEED_ACCEPTED)
    return r.findings, line


def _only_new(findings, baseline):
    return [f for f in findings if (f.code, f.locations[0].path.split("/")[-1], f.locations[0].line, f.key)
            not in baseline]


PLANTS = [
    # (check code, article, old text, new text, append?) — each a different kind of edit
    ("FL101", "003", "", "Hiện có khoảng 250.000 lao động Việt Nam đang làm việc tại Nhật Bản năm 2023.", True),
    ("FL101", "003", "", "Chính phủ Nhật Bản hỗ trợ cộng đồng hơn 600 nghìn người Việt Nam năm 2022.", True),
    ("FL102", "004", "tương đương gần 800 triệu USD", "tương đương gần 500 triệu USD", False),
    ("FL103", "003", "", "Một bức tranh của họa sĩ Nhật Bản được bán với giá 2 triệu yên (khoảng 2 tỷ đồng).", True),
    ("FL201", "001", "nhập khẩu 23,4 tỷ USD", "nhập khẩu 33,4 tỷ USD", False),
    ("FL202", "004", "điện khí LNG gần 2 tỷ USD", "điện khí LNG gần 5 tỷ USD", False),
    ("FL203", "004", "Thống đốc 05 tỉnh Aichi", "Thống đốc 04 tỉnh Aichi", False),
    ("FL301", "001", "thứ 4 về thương mại", "thứ 6 về thương mại", False),
    ("FL301", "004", "đứng thứ 3 về hợp tác đầu tư", "đứng thứ nhất về hợp tác đầu tư", False),
    ("FL302", "002", "đối tác đầu tư và du lịch thứ 3", "đối tác đầu tư và du lịch thứ 2", False),
    ("FL401", "000", "kỷ niệm 50 năm thiết lập quan hệ ngoại giao trong năm 2023",
     "kỷ niệm 40 năm thiết lập quan hệ ngoại giao trong năm 2023", False),
    ("FL403", "002", "từ ngày 10 - 13/3", "từ ngày 13 - 10/3", False),
    ("FL402", "003", "Chiều 3/9, tại Trụ sở", "Chiều 30/9, tại Trụ sở", False),
    ("FL501", "003", "", "Chính phủ Nhật Bản hỗ trợ cộng đồng hơn 400 triệu người Việt Nam năm 2022.", True),
    ("FL501", "004", "trao đổi hơn 30 văn kiện hợp tác, trị giá gần 3 tỷ USD, trong đó",
     "trao đổi hơn 30 văn kiện hợp tác, trị giá gần 3 triệu USD, trong đó", False),
    ("FL501", "003", "", "Hiện có khoảng 350 lao động Việt Nam đang làm việc tại Nhật Bản năm 2023.", True),
    ("FL601", "000", "hơn 400 nghìn người", "hơn 400 nghìnn người", False),
    ("FL602", "000", "Thủ tướng Nhật Bản Kishida Fumio nhân dịp", "Thủ tướng Nhật Bản Kishidu Fumio nhân dịp", False),
    ("FL603", "004", "nâng cấp quan hệ lên Đối tác chiến lược toàn diện vì hòa bình",
     "nâng cấp quan hệ lên Đối tác chiến lược vì hòa bình", False),
]


@pytest.mark.parametrize(("code", "art", "old", "new", "append"), PLANTS,
                         ids=[f"{p[0]}-{p[1]}-{i}" for i, p in enumerate(PLANTS)])
def test_plant_is_found_where_it_was_planted(tmp_path, baseline, code, art, old, new, append):
    findings, line = _plant(tmp_path, art, old, new, append=append)
    # a slipped scale word also breaks its metric's expected range (FL701), a changed rank its ranking's
    # (FL705): those are test_expectations.py's
    fresh = [f for f in _only_new(findings, baseline) if f.check != "expectation"]
    assert [f.code for f in fresh] == [code], [(f.code, f.message) for f in fresh]
    f = fresh[0]
    assert f.status == "new"
    assert (f.locations[0].path.endswith(ARTICLE[art]), f.locations[0].line) == (True, line), f.message
    # nothing else changes: the accepted seed findings are all still there, still accepted
    assert sum(x.status == "accepted" for x in findings) == 4


def test_changed_founding_date_breaks_every_anniversary(tmp_path, baseline):
    findings, line = _plant(tmp_path, "001", "ngày 21/9/1973", "ngày 21/9/1983")
    fresh = _only_new(findings, baseline)
    assert fresh and {f.code for f in fresh} == {"FL401"}
    assert all((ARTICLE["001"], line) in {(loc.path[-len(ARTICLE["001"]):], loc.line) for loc in f.locations}
               for f in fresh)
    assert {f.locations[0].path[-len(ARTICLE["000"]):] for f in fresh} == {ARTICLE["000"], ARTICLE["002"],
                                                                          ARTICLE["003"]}


def test_clean_corpus_gives_exactly_the_accepted_findings():
    r = run([SEED_ARTICLES], RULES, SEED_ACCEPTED)
    assert not r.stale
    assert sorted((f.code, "articles/" + Path(f.locations[0].path).name, f.status) for f in r.findings) == [
        ("FL601", ARTICLE["001"], "accepted"), ("FL601", ARTICLE["004"], "accepted"),
        ("FL602", ARTICLE["002"], "accepted"), ("FL603", ARTICLE["003"], "accepted"),
    ]
