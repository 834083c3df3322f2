"""Property tests: numbers written the ways Vietnamese news writes them are read back exactly."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.vi import read_quantities

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _group_words(n: int, leading: bool) -> list[str]:
    """Read a 0..999 group: "hai trăm linh năm", "ba mươi mốt", "mười lăm"."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if h or not leading:
        out += [DIGITS[h], "trăm"]
    if t == 0:
        if u and out:
            out.append("linh")
    elif t == 1:
        out.append("mười")
    else:
        out += [DIGITS[t], "mươi"]
    if u:
        if u == 1 and t >= 2:
            out.append("mốt")
        elif u == 5 and t >= 1:
            out.append("lăm")
        elif u == 4 and t >= 2:
            out.append("tư")
        else:
            out.append(DIGITS[u])
    return out


# the written style: "mươi" always, "linh", "nghìn", "tỷ", a leading one said ("một nghìn")
PLAIN = {"colloquial": False, "linh": "linh", "nghìn": "nghìn", "tỷ": "tỷ", "bare": False}


def to_words(n: int) -> str:
    """Vietnamese reading of an integer 2 <= n < 10**15 ("một nghìn không trăm linh một tỷ")."""
    return spoken(n, PLAIN)


def to_digits(x: Decimal) -> str:
    """Vietnamese digits: dots between thousands, comma before decimals ("1.234.567,89")."""
    whole, _, frac = f"{x:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


def _read_one(text: str):
    got = read_quantities(text)
    assert len(got) == 1, f"{text!r} -> {got}"
    return got[0]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False))
def test_digits_with_separators(x):
    q = _read_one(f"có {to_digits(x)} người")
    assert math.isclose(q.value, float(x), rel_tol=1e-12, abs_tol=1e-9)
    assert q.unit == "person"


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.001"), max_value=999, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from([("nghìn", 1e3), ("ngàn", 1e3), ("vạn", 1e4), ("triệu", 1e6), ("tỷ", 1e9), ("tỉ", 1e9),
                     ("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("trăm", 1e2), ("chục", 10)]),
    st.sampled_from([("USD", "USD"), ("đồng", "VND"), ("yên", "JPY"), ("euro", "EUR"), ("nhân dân tệ", "CNY")]),
)
def test_digits_with_scale_word(x, scale, currency):
    word, mult = scale
    q = _read_one(f"đạt {to_digits(x.normalize())} {word} {currency[0]}")
    assert math.isclose(q.value, float(x) * mult, rel_tol=1e-12)
    assert (q.kind, q.unit) == ("money", currency[1])
    assert q.low <= q.value <= q.high


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=2, max_value=10**15 - 1))
def test_words(n):
    text = f"{to_words(n)} người"
    q = _read_one(text)
    assert q.value == n, text
    assert q.unit == "person"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from([("tỷ", "triệu", 1e9, 1e6), ("triệu", "nghìn", 1e6, 1e3), ("tỷ", "nghìn", 1e9, 1e3),
                        ("nghìn", "trăm", 1e3, 1e2)]))
def test_mixed(a, b, scales):
    hi, lo, mh, ml = scales
    if lo == "trăm" and b > 9:
        b = b % 9 + 1
    q = _read_one(f"{a} {hi} {b} {lo} đồng")
    assert q.value == a * mh + b * ml
    assert q.unit == "VND"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("nghìn", 1e3), ("triệu", 1e6), ("tỷ", 1e9)]))
def test_half(a, scale):
    q = _read_one(f"{a} {scale[0]} rưỡi người")
    assert q.value == a * scale[1] + scale[1] / 2


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=1, max_value=10**6, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from(["gần", "hơn", "khoảng", "trên", "ngót", "xấp xỉ", "lên tới", "ít nhất"]))
def test_hedged_interval_contains_or_bounds_value(x, hedge):
    q = _read_one(f"{hedge} {to_digits(x)} tấn")
    assert q.hedge == hedge
    assert q.low <= q.value <= q.high
    assert q.low < q.high


_ALPHABET = st.sampled_from(list("0123456789.,/-–:%$ \n()") + ["tỷ", "triệu", "nghìn", "USD", "yên", "thứ", "hai",
                                                                 "mươi", "năm", "ngày", "tháng", "quý", "gần", "hơn",
                                                                 "hàng", "đầu", "người", "a", "Đ", "\u00a0", "k", "h"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_crashes_and_spans_are_inside(text):
    got = read_quantities(text)
    last = 0
    for q in got:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        assert text[q.start:q.end] == q.text
        last = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode(text):
    for q in read_quantities(text):
        assert text[q.start:q.end] == q.text


# -- the spoken forms: colloquial tens, truncated scales, "linh"/"lẻ", "ngàn"/"tỉ", decimals and years in words
AFTER_TEN = {1: "mốt", 4: "tư", 5: "lăm"}


@st.composite
def styles(draw) -> dict:
    """How a speaker says a number: tens with or without "mươi", "linh" or "lẻ", "nghìn" or "ngàn", "tỷ" or "tỉ"."""
    return {"colloquial": draw(st.booleans()), "linh": draw(st.sampled_from(["linh", "lẻ"])),
            "nghìn": draw(st.sampled_from(["nghìn", "ngàn"])), "tỷ": draw(st.sampled_from(["tỷ", "tỉ"])),
            "bare": draw(st.booleans())}


def _spoken_group(n: int, leading: bool, style: dict) -> list[str]:
    """A 0..999 group as said: "bảy mốt" (71) for "bảy mươi mốt".

    Only with the unit digit's after-ten form ("mốt", "tư", "lăm"): "hai ba người" is two or three persons, and "năm
    tư" a fourth year.
    """
    h, t, u = n // 100, n // 10 % 10, n % 10
    colloquial = style["colloquial"] and t >= 2 and u in AFTER_TEN and (t, u) != (5, 4)
    if not colloquial:
        return [w.replace("linh", style["linh"]) for w in _group_words(n, leading)]
    out = [DIGITS[h], "trăm"] if h or not leading else []
    return [*out, DIGITS[t], AFTER_TEN.get(u, DIGITS[u])]


def spoken(n: int, style: dict) -> str:
    """Vietnamese reading of 0 <= n <= 10**15 in a speaker's style (see :func:`styles`)."""
    if n == 0:
        return "không"
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        head = spoken(high, style) if high > 1 else "một"
        return " ".join(w for w in (head, style["tỷ"], _spoken_below_billion(low, style)) if w)
    return _spoken_below_billion(n, style)


def _spoken_below_billion(n: int, style: dict) -> str:
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        if groups[i]:
            words += _spoken_group(groups[i], not words, style)
            words += [style["nghìn"], "triệu"][i - 1:i] if i else []
    return " ".join(words)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), styles())
def test_spoken_words_round_trip(n, style):
    text = f"ghi nhận {spoken(n, style)} người"  # "ghi nhận": a zero or a one counts ("ghi nhận không người")
    q = _read_one(text)
    assert (q.value, q.unit) == (n, "person"), text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from([(2, "trăm"), (3, "nghìn"), (6, "triệu"), (9, "tỷ")]),
       st.integers(min_value=1, max_value=9), styles())
def test_truncated_scales_round_trip(a, scale, d, style):
    """ "năm nghìn hai" (5,200), "hai triệu tư" (2.4 million), "ba trăm rưỡi" (350), "nghìn mốt" (1,100)."""
    k, word = scale
    a = a % 9 + 1 if k == 2 else a  # hundreds are counted up to nine ("ba trăm"), then in thousands
    word = {"nghìn": style["nghìn"], "tỷ": style["tỷ"]}.get(word, word)
    head = "" if a == 1 and style["bare"] else spoken(a, style)  # "nghìn hai": the one is implied
    tail = {1: "mốt", 4: "tư", 5: "rưỡi"}.get(d, DIGITS[d])
    text = f"có {head} {word} {tail} người".replace("  ", " ")
    q = _read_one(text)
    assert (q.value, q.unit) == (a * 10**k + d * 10 ** (k - 1), "person"), text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999),
       st.integers(min_value=0, max_value=2), st.booleans(), st.sampled_from(["phẩy", "chấm"]), styles())
def test_decimals_in_words_round_trip(whole, frac, zeros, digit_by_digit, mark, style):
    """ "ba phẩy bảy", "không phẩy không năm", "hai phẩy ba mươi hai" (2,32: the digits after the mark as written)."""
    written = "0" * zeros + str(frac)
    said = (" ".join(DIGITS[int(c)] for c in written) if digit_by_digit
            else " ".join(["không"] * zeros + [spoken(frac, {**style, "colloquial": False})]))
    text = f"đạt {spoken(whole, style)} {mark} {said} tấn"
    q = _read_one(text)
    assert q.unit == "t", text
    assert math.isclose(q.value, float(f"{whole}.{written}"), rel_tol=1e-12), text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1000, max_value=2999), st.booleans(), st.booleans())
def test_years_in_words_round_trip(year, digit_by_digit, lam):
    """Years digit by digit ("năm hai không hai ba", "lăm" for a five after a digit) and in full words."""
    if digit_by_digit:
        said = [DIGITS[int(c)] for c in str(year)]
        said = [("lăm" if lam and w == "năm" and i and said[i - 1] != "không" else w) for i, w in enumerate(said)]
        words = " ".join(said)
    else:
        words = to_words(year)
    text = f"Năm {words}, kinh tế tăng trưởng."
    q = _read_one(text)
    assert (q.kind, q.value, q.date) == ("year", year, str(year)), text
