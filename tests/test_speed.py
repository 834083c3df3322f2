"""The fast paths of extraction give what the plain definitions give.

Each fast path (a pattern rewritten to scan faster, work skipped where it cannot find anything) is compared
with the straightforward definition it replaces, on hand-written cases with their traps and on generated text.
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import rules as rules_mod
from factlint.attribute import Places, attribute
from factlint.corpus import Article, load_article, normalise
from factlint.extract import CLAIM_COLUMNS, Claim, claim_rows, extract_article, sentences
from factlint.names import Mention, extract_mentions
from factlint.rules import load_rules
from factlint.vi import lexicon as lx
from factlint.vi import numerals, periods, read_quantities, subjects
from factlint.vi.scan import DIGIT, match_at, scan_at, starts, word_index
from factlint.vi.tokens import _GLUED_RE, _WORD_AFTER_RE

# The plain definition: a break after a full stop (and closing quotes) before a capital, digit or opening quote,
# or a run of line breaks.
_PLAIN_SENTENCE_END = regex.compile(r"(?<=[.!?…;])[\"”’)\]]*[ \t]+(?=[\p{Lu}\d“\"(])|\n+")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PLAIN_SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def test_sentences_cases() -> None:
    # the closing quote after the stop goes with the break; "2." before a small letter ends nothing
    text = "Ông nói: “Đạt 5 tỷ USD.” Năm 2019 tăng. 24,2 tỷ… Đó là\n\nthứ 2. chưa hết"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Ông nói: “Đạt 5 tỷ USD.", "Năm 2019 tăng.", "24,2 tỷ…", "Đó là", "thứ 2. chưa hết"]
    assert sentences("") == []
    assert sentences("\n\nA. B") == [(2, 4), (5, 6)]
    assert sentences("Hết.. (Ảnh) x") == [(0, 5), (6, 13)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list(".!?…;\"”’)] \t\nAaĐđ1(“,"), max_size=40))
def test_sentences_match_the_plain_definition(text: str) -> None:
    assert sentences(text) == _plain_sentences(text)


_PLAIN_WORD = re.compile(r"\w+")


def _plain_word_index(text: str, spans: list[tuple[int, int]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for s, e in spans:
        for m in _PLAIN_WORD.finditer(text, s, e):
            w = m.group()
            out.setdefault(DIGIT if w[0].isdigit() else w.lower(), []).append(m.start())
    return out


_WORDS = ["Năm", "năm", "2019", "²3", "Nhật", "NHẬT", "tư", "_x", "İstanbul", "ΣΑΣ", "đầu", "x1"]


_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", ", ", "-", "\n", "", "“"])), max_size=12)


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Every other part of ``text`` cut at ``cuts``: spans with gaps, words cut at their edges."""
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    return list(itertools.pairwise(bounds))[::2]


def _assert_starts_keep_every_match(text: str, cuts: list[int], cases: list[tuple]) -> None:
    """Each pattern matched at its fast start positions finds what it finds at every one of its first words.

    Over the whole text and over spans with gaps. ``cases``: (pattern, starts(text, spans), first words).
    """
    for spans in (_spans(text, cuts), None):
        for pattern, fast_starts, first_words in cases:
            fast = match_at(pattern, text, fast_starts(text, spans), spans)
            plain = scan_at(pattern, first_words, text, spans)
            assert [m.span() for m in fast] == [m.span() for m in plain]


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.lists(st.integers(0, 60), max_size=6),
       st.sets(st.sampled_from([w.lower() for w in _WORDS] + [DIGIT, "tp.hcm", "2019"])))
def test_word_index_matches_the_plain_one(pieces: list[tuple[str, str]], cuts: list[int], keep: set[str]) -> None:
    # "İstanbul" grows when lower-cased and "σας" lower-cases by context: both take the word-by-word path;
    # "tp.hcm" and "2019" can never be words of the index
    text = "".join(w + sep for w, sep in pieces)
    for spans in (_spans(text, cuts), [(0, len(text))]):
        index = _plain_word_index(text, spans)
        words, at, digits = word_index(text, tuple(spans), frozenset(keep))
        expected = sorted((p, w) for w in keep - {DIGIT} for p in index.get(w, []))
        assert list(zip(at, words, strict=True)) == expected
        assert digits == (index.get(DIGIT, []) if DIGIT in keep else [])


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.lists(st.integers(0, 60), max_size=6),
       st.sets(st.sampled_from(["năm", "nhật", "tư", "đầu", DIGIT])))
def test_starts_match_the_plain_word_index(pieces: list[tuple[str, str]], cuts: list[int], first: set[str]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    for spans in (_spans(text, cuts), None):
        index = _plain_word_index(text, spans or [(0, len(text))])
        assert starts(first, text, spans) == sorted(p for w in first for p in index.get(w, []))


_PATTERN = regex.compile(r"(?i:năm|nhật)(?:[ \t]+\w+)*")  # runs on past its first word: a span's end stops it


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.lists(st.integers(0, 60), max_size=6))
def test_scan_at_matches_within_each_span(pieces: list[tuple[str, str]], cuts: list[int]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    spans = _spans(text, cuts)
    expected, last = [], -1
    for s, e in spans:  # the plain definition: every start word of each span, matched up to the span's end
        for m in _PLAIN_WORD.finditer(text, s, e):
            if m.group().lower() in ("năm", "nhật") and m.start() >= last:
                hit = _PATTERN.match(text, m.start(), e)
                if hit is not None:
                    expected.append(hit.span())
                    last = hit.end()
    assert [m.span() for m in scan_at(_PATTERN, {"năm", "nhật"}, text, spans)] == expected


_PLAIN_TOKEN = regex.compile(r"\b\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*\b")


def _plain_names(article: Article) -> list[Mention]:
    """Every name token, kept when a name token stands one space before or after it."""
    body, out = article.body, []
    toks = list(_PLAIN_TOKEN.finditer(body))
    for i, m in enumerate(toks):
        prev = toks[i - 1].group() if i and body[toks[i - 1].end():m.start()] == " " else ""
        nxt = toks[i + 1].group() if i + 1 < len(toks) and body[m.end():toks[i + 1].start()] == " " else ""
        if prev or nxt:
            j = m.start() - 1
            while j >= 0 and body[j] in " \t\"“(":
                j -= 1
            out.append(Mention("name", m.group(), prev, nxt, article.id, article.path,
                               *article.span(m.start(), m.end()), j < 0 or body[j] in ".!?\n:;…"))
    return out


_NAME_WORDS = ["Komura", "Masahiro", "Bà-Rịa", "Vũng-tàu", "Nhật", "ĐÀ", "Nẵng", "Ab-", "McDonald", "x", "đi", "A"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAME_WORDS),
                          st.sampled_from([" ", "  ", ". ", "\n", "-", "“", " (", "\u00a0"])), max_size=14))
def test_name_mentions_match_the_plain_token_walk(pieces: list[tuple[str, str]]) -> None:
    text, starts_, colmaps = normalise("".join(w + sep for w, sep in pieces))
    article = Article(path="a.md", id="a", text=text, _line_starts=starts_, _colmaps=colmaps)
    assert [m for m in extract_mentions(article) if m.kind == "name"] == _plain_names(article)


def test_cheap_tests_skip_only_what_the_patterns_cannot_start_with() -> None:
    # the reader tries a pattern after a figure only when the next character can start it: every ASCII character
    # the cheap test turns away, before any continuation, gives no match
    tails = [*lx.SCALE_WORDS, *lx.SCALE_ABBREV, *(w.upper() for w in lx.SCALE_WORDS), "abc", " tỷ", "\ttriệu", ""]
    for c in map(chr, range(128)):
        for tail in tails:
            text = c + tail
            if c not in numerals._ABBREV_LEAD:
                assert numerals._ABBREV_RE.match(text) is None, text
            if c not in numerals._SCALE_LEAD:
                assert numerals._SCALE_RE.match(text) is None, text
            if c not in " \t":
                assert _WORD_AFTER_RE.match(text) is None, text
            if not c.isalpha():
                assert _GLUED_RE.match(text) is None, text



_PARTY_WORDS = ["Trung Quốc", "trung", "TRUNG", "Nhật Bản", "nhật", "Nhật", "nước Anh", "Nước Anh", "nước", "Hàn",
                "hàn", "Việt", "việt", "Việt Nam", "VN", "vn", "Ngành", "ngành", "NGÀNH", "Lĩnh vực", "lĩnh vực",
                "dệt may", "TP.HCM", "tp", "Tp.HCM", "Hà Nội", "hà", "EU", "Eu", "Mỹ", "mỹ", "Mỹ Tho", "Bà Rịa",
                "bà", "Đức", "đức", "cả nước", "Cả nước", "CẢ NƯỚC", "Xin-ga-po", "xin", "2019", "đạt"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PARTY_WORDS), st.sampled_from([" ", " – ", " và ", ", ", "\n", "-"])),
                max_size=12), st.lists(st.integers(0, 80), max_size=6))
def test_party_starts_drop_only_what_the_party_patterns_cannot_match(pieces: list[tuple[str, str]],
                                                                     cuts: list[int]) -> None:
    # the plain definition tries both patterns at every first word in any case ("trung", "NHẬT", "nước")
    text = "".join(w + sep for w, sep in pieces)
    _assert_starts_keep_every_match(text, cuts, [(p, subjects._party_starts, subjects._first_words())
                                                 for p in (subjects._pair_re(), subjects._party_re())])


def test_party_starts_keep_names_as_written_and_sector_heads_in_any_case() -> None:
    text = "trung tâm Trung Quốc, nước ta và NGÀNH dệt may; nhật ký Nhật"
    kept = [text[p:p + 5] for p in subjects._party_starts(text, None)]
    assert kept == ["Trung", "nước ", "NGÀNH", "Nhật"]


_NAME_PIECES = ["Hàn", "Hàn Quốc", "Hàn  Quốc", "Nhật", "Nhật Bản", "Bản", "Việt", "Việt Nam", "Trung Quốc", "Mỹ",
                "Mỹ Tho", "Anh", "Ai Cập", "Cộng hòa", "TP.HCM", "Hà Nội", "Nội", "ngành", "dệt may", "Toyota", "Úc",
                "Xin-ga-po", "Hoa Kỳ", "Kỳ", "ASEAN", "EU", "JICA", "ADB", "Đài Loan", "Đài", "VN"]


@functools.cache
def _plain_party_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """The plain definition: the names, provinces and pair names as one alternation, longest first."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(subjects, "_trie", subjects._alt)
        return subjects._pair_re.__wrapped__(), subjects._party_re.__wrapped__()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAME_PIECES), st.sampled_from([" ", " – ", "-", "–", " và ", ", ", "\n"])),
                max_size=10))
def test_party_names_as_a_trie_match_as_the_alternation_does(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    fast = (subjects._pair_re(), subjects._party_re())
    for f, p in zip(fast, _plain_party_patterns(), strict=True):
        assert f.pattern != p.pattern
        for pos in range(len(text)):
            got, want = f.match(text, pos), p.match(text, pos)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


_CLAIMS = Path(__file__).resolve().parents[1] / "claims"
_RULE_TEXTS = [
    "Kim ngạch thương mại Việt Nam – Nhật Bản đạt 39,9 tỷ USD năm 2019, tăng 5,2%.",
    "Nhật Bản là nhà tài trợ ODA lớn nhất, với 2,6 tỷ USD vốn vay. Hàn Quốc đứng thứ 2 về vốn FDI.",
    "Tính đến 20/6/2019, Nhật Bản có 4.332 dự án còn hiệu lực với tổng vốn đăng ký 58 tỷ USD.",
    "Khoảng 1,2 triệu lượt khách Nhật đến Việt Nam; JICA cam kết 120 tỷ yên cho tuyến metro số 1.",
]


def test_rule_searches_remembered_per_figure_give_the_unremembered_verdicts(monkeypatch) -> None:
    # the plain definition: every rule searches the figure's surface, subject and measure itself
    rules = load_rules([_CLAIMS])
    searched: list[tuple[str, str]] = []
    compile_ = rules_mod._compile

    class Counting:
        def __init__(self, pattern: str) -> None:
            self.pattern, self.compiled = pattern, compile_(pattern)

        def search(self, text: str, **kwargs: object) -> object:
            searched.append((self.pattern, text))
            return self.compiled.search(text, **kwargs)

    monkeypatch.setattr(rules_mod, "_compile", Counting)
    winners = []
    for text in _RULE_TEXTS:
        qs = read_quantities(text)
        spans = sentences(text)
        places = Places(text, spans)
        atts = attribute(text, qs, spans, None, places=places)
        searched.clear()
        decisions = rules.decide(text, qs, spans, places=places, attributions=atts)
        assert len(searched) == len(set(searched))  # each pattern searched once in each figure's text
        for q, att, d in zip(qs, atts, decisions, strict=True):
            sent, clause = places.at(q.start)
            for lr in rules._by_kind.get(q.kind, ()):
                dist, reason = rules.judge(lr, text, q, sent, clause, text, None, att)
                assert d.reasons[lr.id] == reason or (dist >= 0 and d.reasons[lr.id].startswith("matches"))
        winners += [d.winner for d in decisions if d.winner]
    assert winners  # the texts exercise matching rules, not only rejections


_PERIOD_WORDS = ["2019", "2016", "1995", "1949", "2050", "20", "19", "5", "05", "12", "123", "²3", "tháng", "Tháng",
                 "THÁNG", "thàng", "năm", "đầu", "qua", "vừa", "cuối", "-", "–", "đến", "giai đoạn", "từ", "Từ",
                 "nửa", "sáu", "quý", "II", "trong", "nay", "tính", "/"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PERIOD_WORDS), st.sampled_from([" ", "", "\t", ", ", "/", "\n"])),
                max_size=12), st.lists(st.integers(0, 80), max_size=6))
def test_period_starts_drop_only_numbers_that_cannot_lead_the_phrase(pieces: list[tuple[str, str]],
                                                                    cuts: list[int]) -> None:
    # the plain definition tries each kind's pattern at every one of its first words, every number included
    text = "".join(w + sep for w, sep in pieces)
    cases = [(p, functools.partial(periods._starts, kind), periods._FIRST_WORDS[kind]) for kind, p in periods._PATTERNS]
    _assert_starts_keep_every_match(text, cuts, cases)


def test_period_starts_turn_away_figures_that_lead_no_span_or_part_of_a_year() -> None:
    text = "Đạt 250 tỷ, 5 tháng đầu năm, 2016-2020, 12 THÁNG qua, 1,5 triệu"
    # "năm" (five) is a number word: the words are all kept
    assert [text[p:p + 2] for p in periods._starts("partial", text, None)] == ["5 ", "nă", "12"]
    assert [text[p:p + 4] for p in periods._starts("span", text, None)] == ["năm,", "2016", "2020"]


def test_claim_rows_hold_each_field_in_its_column(tmp_path) -> None:
    # rows are built by position: each value must sit under its own column name
    path = tmp_path / "a.md"
    path.write_text("---\nid: a1\noutlet: Báo A\npublished: 2020-03-05\ntitle: T\n---\n"
                    "Dòng đầu.\nNăm 2019, kim ngạch thương mại Việt Nam – Nhật Bản ước đạt gần 40 tỷ USD.\n"
                    "Khoảng 350.000 người Việt Nam đang sống tại Nhật Bản.\n", encoding="utf-8")
    art = load_article(path)
    rows = claim_rows(art, load_rules([_CLAIMS]))
    assert [Claim(*r) for r in rows] == extract_article(art, load_rules([_CLAIMS]))
    money, count = (dict(zip(CLAIM_COLUMNS, r, strict=True)) for r in rows if r[CLAIM_COLUMNS.index("kind")] != "year")
    assert {k: money[k] for k in ("article", "path", "line", "column", "end_column", "text", "kind", "value", "unit",
                                  "qualifier", "direction", "high_open", "metric", "period", "subject_key",
                                  "modality", "published", "outlet", "after", "period_kind")} == {
        "article": "a1", "path": str(path), "line": 8, "column": 60, "end_column": 73, "text": "gần 40 tỷ USD",
        "kind": "money", "value": 4e10, "unit": "USD", "qualifier": "gần", "direction": "below", "high_open": True,
        "metric": "trade.vn_jp.total", "period": "2019", "subject_key": "VN+JP", "modality": "estimate",
        "published": "2020-03-05", "outlet": "Báo A", "after": "", "period_kind": "year"}
    assert money["offset"] == art.text.index("gần 40") and money["claim_id"].startswith("a1:")
    assert money["sentence"].startswith("Năm 2019") and money["measure_key"] and money["low"] < money["high"]
    assert count["text"] == "Khoảng 350.000 người" and count["after"].startswith(" Việt Nam đang sống")
    assert (count["kind"], count["unit"], count["line"], count["end_line"]) == ("count", "person", 9, 9)
