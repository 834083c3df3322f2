"""The claims table's pandera schema: broken tables give exactly the expected failure rows."""

from __future__ import annotations

import pytest

from factlint.corpus import load_corpus
from factlint.extract import extract_corpus
from factlint.rules import load_rules
from factlint.schema import render_failures, validate
from factlint.table import to_frame
from helpers import RULES, SEED_ARTICLES


@pytest.fixture(scope="module")
def table():
    arts = load_corpus([SEED_ARTICLES])
    return to_frame(extract_corpus(arts, load_rules([RULES]))), {a.id for a in arts}


def _row(df, text):
    idx = df.index[df["text"] == text]
    assert len(idx) >= 1, text
    return idx[0]


def test_seed_table_is_valid(table):
    df, ids = table
    failures = validate(df, ids)
    assert failures.empty, render_failures(failures)


def test_negative_amount(table):
    df, ids = table
    df = df.copy()
    i = _row(df, "10 tỷ USD")
    df.loc[i, ["value", "low", "high"]] = [-1e10, -1.05e10, -0.95e10]
    f = validate(df, ids)
    assert f[["claim_id", "text", "check"]].values.tolist() == [
        [df.loc[i, "claim_id"], "10 tỷ USD", "money and counts are >= 0"]]


def test_low_above_high(table):
    df, ids = table
    df = df.copy()
    i = _row(df, "gần 50 tỷ USD")
    df.loc[i, "low"] = 6e10
    f = validate(df, ids)
    assert f[["claim_id", "text", "check"]].values.tolist() == [
        [df.loc[i, "claim_id"], "gần 50 tỷ USD", "low <= value <= high"]]


def test_unknown_unit(table):
    df, ids = table
    df = df.copy()
    i = _row(df, "khoảng 350.000 người")
    df.loc[i, "unit"] = "furlong"
    f = validate(df, ids)
    assert f[["text", "column", "value"]].values.tolist() == [["khoảng 350.000 người", "unit", "furlong"]]
    assert f.loc[0, "check"].startswith("str_matches(")


def test_compound_units_are_valid_and_their_parts_checked(table):
    df, ids = table
    df = df.copy()
    i, j, k = _row(df, "10 tỷ USD"), _row(df, "khoảng 350.000 người"), _row(df, "35 tỷ USD")
    df.loc[i, "unit"] = "USD/t"  # "500 USD/tấn": a price per tonne
    df.loc[j, "unit"] = "person/furlong"
    df.loc[k, "unit"] = "t/USD"  # money must be a currency per something
    f = validate(df, ids)
    assert sorted(f[["text", "column", "value"]].values.tolist()) == [
        ["35 tỷ USD", "(row)", ""], ["khoảng 350.000 người", "unit", "person/furlong"]]


def test_the_days_of_an_event_are_a_period_and_a_malformed_one_is_not(table):
    df, ids = table
    df = df.copy()
    i, j, k = _row(df, "10 tỷ USD"), _row(df, "khoảng 350.000 người"), _row(df, "35 tỷ USD")
    df.loc[i, ["period", "period_kind"]] = ["2018-09-29/2018-10-21", "day"]  # "từ 29/9 - 21/10/2018"
    df.loc[j, ["period", "period_kind"]] = ["2019-05-16", "day"]
    df.loc[k, "period"] = "2018-09-29/2018"
    f = validate(df, ids)
    assert f[["text", "column"]].values.tolist() == [["35 tỷ USD", "period"]]


def test_duplicate_id(table):
    df, ids = table
    df = df.copy()
    a, b = _row(df, "24,2 tỷ USD"), _row(df, "23,4 tỷ USD")
    df.loc[b, "claim_id"] = df.loc[a, "claim_id"]
    f = validate(df, ids)
    assert sorted(f[["text", "column", "check"]].values.tolist()) == [
        ["23,4 tỷ USD", "claim_id", "field_uniqueness"], ["24,2 tỷ USD", "claim_id", "field_uniqueness"]]


def test_money_without_currency_and_bad_period_and_unknown_article(table):
    df, ids = table
    df = df.copy()
    i, j = _row(df, "35 tỷ USD"), _row(df, "40 tỷ Yên")
    df.loc[i, "unit"] = "t"
    df.loc[j, "period"] = "năm ngoái"
    df.loc[j, "article"] = "ghost"
    f = validate(df, ids)
    got = sorted(f[["text", "column", "check"]].values.tolist())
    assert got == sorted([["35 tỷ USD", "(row)", "money has an ISO 4217 currency"],
                          ["40 tỷ Yên", "period", f.loc[f["column"] == "period", "check"].iloc[0]],
                          ["40 tỷ Yên", "article", "article in corpus"]])
    assert f.loc[f["column"] == "period", "check"].iloc[0].startswith("str_matches")


def test_render_names_claim_column_check_and_text(table):
    df, ids = table
    df = df.copy()
    df.loc[_row(df, "10 tỷ USD"), "qualifier"] = "suýt soát"
    out = render_failures(validate(df, ids))
    assert "10 tỷ USD" in out and "qualifier" in out and "suýt soát" in out and "claim_id" in out
