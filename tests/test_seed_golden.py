"""Golden test: the claims each metric gives on the seed corpus (article, value, unit, period)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from factlint.corpus import load_corpus
from factlint.extract import extract_corpus
from factlint.rules import load_rules
from helpers import RULES, SEED_ARTICLES

GOLDEN = {
    "trade.vn_jp.total": [("001", 5e10, "USD", "2022")],
    "trade.vn_jp.exports": [("001", 2.42e10, "USD", "2022")],
    "trade.vn_jp.imports": [("001", 2.34e10, "USD", "2022")],
    "oda.jp_vn.total": [("004", 1e11, "JPY", "2023"), ("004", 8e8, "USD", "2023")],
    "oda.jp_vn.notes": [("004", 2e8, "USD", "2023")],
    "people.vn_in_jp.community": [("000", 4e5, "person", "2022")],
    "labour.vn_in_jp.workers": [("004", 3.5e5, "person", "2023")],
    "rank.jp_overall.economic": [("001", 1, "rank", "2023"), ("002", 1, "rank", "2024"), ("004", 1, "rank", "2023")],
    "rank.jp_partner.oda": [("001", 1, "rank", "2023"), ("002", 1, "rank", "2024")],
    "rank.jp_partner.labour": [("001", 2, "rank", "2023"), ("002", 2, "rank", "2024"), ("004", 2, "rank", "2023")],
    "rank.jp_partner.investment": [("001", 3, "rank", "2023"), ("002", 3, "rank", "2024"), ("004", 3, "rank", "2023")],
    "rank.jp_partner.trade": [("001", 4, "rank", "2023"), ("002", 4, "rank", "2024"), ("004", 4, "rank", "2023")],
    "relations.vn_jp.founded": [("001", None, "", "")],
    "relations.vn_jp.anniversary": [("000", 50, "year", "2023"), ("000", 50, "year", "2022"),
                                    ("002", 50, "year", "2023"), ("003", 50, "year", "2024")],
    "relations.asean_jp.anniversary": [("000", 50, "year", "2022"), ("004", 50, "year", "2023"),
                                       ("004", 50, "year", "2023"), ("004", 50, "year", "2023")],
    "fund.asean_jp.people_exchange": [("004", 4e10, "JPY", "2023")],
    "fund.asean_jp.research_exchange": [("004", 1.5e10, "JPY", "2023")],
    "fund.asean_jp.public_private": [("004", 3.5e10, "USD", "2023")],
    "fund.jp.climate_cop26": [("000", 1e10, "USD", "2022")],
    "cooperation.vn_jp.documents_count": [("004", 30, "document", "2023"), ("004", 30, "document", "2023")],
    "cooperation.vn_jp.documents_value": [("004", 3e9, "USD", "2023"), ("004", 3e9, "USD", "2023")],
    "investment.jp_vn.certificates": [("004", 2e9, "USD", "2023")],
}


@pytest.fixture(scope="module")
def by_metric():
    claims = extract_corpus(load_corpus([SEED_ARTICLES]), load_rules([RULES]))
    out = defaultdict(list)
    for c in claims:
        if c.metric:
            out[c.metric].append((c.article[:3], c.value, c.unit, c.period))
    return out


def test_no_metric_beyond_the_golden_list(by_metric):
    assert sorted(by_metric) == sorted(GOLDEN)


@pytest.mark.parametrize("metric", sorted(GOLDEN))
def test_golden(by_metric, metric):
    got = [(a, None if v != v else v, u, p) for a, v, u, p in by_metric[metric]]
    assert got == GOLDEN[metric]
