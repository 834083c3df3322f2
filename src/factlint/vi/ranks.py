"""Ranks: "thứ 2", "thứ ba", "đứng đầu", "lớn nhất", "số 1", "quán quân", and the weekdays and events they are not."""

from __future__ import annotations

import regex

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx
from factlint.vi.dates import _DATE_WORDS, _YEAR_TOKEN
from factlint.vi.hedges import _HEDGES
from factlint.vi.tokens import (
    _R,
    _SP,
    _SPACES,
    _WORD_AFTER_RE,
    _alt,
    _alt_ci,
    _at,
    _phrase_before,
    _sentence_start,
    _words_before,
)

_RANK_AT = regex.compile(rf"{_alt_ci(['thứ'])}{_SP}(?P<o>{_alt_ci(lx.ORDINAL_WORDS)}){_R}")
_TOP_AT = regex.compile(rf"{_alt_ci(['hàng', 'đứng', 'dẫn'])}{_SP}đầu{_R}")
_NUMBER_ONE_AT = regex.compile(
    rf"số{_SP}(?:1(?![\p{{L}}\p{{N}}]|[.,/-]\p{{N}}|/)|một{_R}(?![ \t]+{_alt(lx.SCALE_WORDS)}{_R}))")
_TITLE_AT = regex.compile(rf"{_alt_ci(lx.RANK_TITLES)}{_R}")
_RANK_LEADS = frozenset(("đứng", *lx.RANK_ADJECTIVES))
# A party noun among the words before a superlative (not "xuyên quốc gia"); "nước" (also "water") only right after
# the copula: "là nước xuất khẩu gạo lớn nhất", not "nước chanh hủy hoại răng nhiều nhất".
_PARTY = regex.compile(rf"(?<!\S)(?<!xuyên )(?:{_alt(w for w in lx.RANKED_PARTIES if w != 'nước')})(?!\S)")
# After a superlative: "lớn nhất nhì" (one of the two largest), "nhất" in a word ("nhất định"), a record ("cao
# nhất từ trước đến nay", "lớn nhất trong 10 năm"), a bound on a figure ("nhiều nhất 2 sản phẩm", "cao nhất là 5%",
# "nhanh nhất có thể").
_NOT_RANK_AFTER = regex.compile(
    r"[ \t]*,?[ \t]*nhì(?!\p{L})|[ \t]+(?:định|trí|quán|thiết|thời|loạt|mực)(?!\p{L})"
    r"|[ \t]+(?:từ[ \t]+trước[ \t]+(?:đến|tới)[ \t]+nay|(?:trong[ \t]+)?lịch[ \t]+sử|kể[ \t]+từ|từ[ \t]+(?:năm|khi|đầu)"
    r"|trong[ \t]+(?:vòng[ \t]+)?(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|mấy|vài)[ \t]+"
    r"(?:năm|tháng|tuần|ngày|thập|quý)|kỷ[ \t]+lục|(?:nhiều|vài|mấy)[ \t]+năm|có[ \t]+thể)(?!\p{L})"
    rf"|(?:[ \t]*(?:là|:|chỉ|{_alt(_HEDGES)}))*[ \t]*(?:\d|(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười)[ \t])", regex.I)


_ORDINAL_EVENTS = frozenset(lx.ORDINAL_EVENTS)
_WEEKDAY_BEFORE = frozenset(lx.WEEKDAY_CONTEXT_BEFORE)


_WEEKDAY_AFTER = regex.compile(
    r"(?:[ \t]+(?:và|,|hoặc|hay)[ \t]+thứ[ \t]+\S+)*[ \t]*(?:,[ \t]*)?(?:hàng[ \t]+tuần|tuần|ngày[ \t]+\d|\d{1,2}/\d)",
    regex.I)
_ENUM_AFTER = regex.compile(r"[ \t]*[,:]")


def _weekday(text: str, thu_start: int, end: int) -> bool:
    if _at(_WEEKDAY_AFTER, text, end):
        return True
    words = _words_before(text, thu_start, 1)
    return bool(words) and words[0][0].lower() in _WEEKDAY_BEFORE


def _rank_word(text: str, m: regex.Match) -> Quantity | None:
    s, e = m.span()
    o = m.group("o")
    if o[:1].isupper() or _weekday(text, s, e):
        return None  # "thứ Hai": a weekday
    if _at(_ENUM_AFTER, text, e) and _sentence_start(text, s):
        return None  # "Thứ hai, ..." enumerates paragraphs
    if _event_before(text, s):
        return None  # "lần thứ chín"
    v = float(lx.ORDINAL_WORDS[o.lower()])
    return Quantity(s, e, m.group(), "rank", v, v, v, "rank")


def _thu_start(words: list[tuple[str, int]]) -> int:
    """Offset of "thứ" (or "đứng thứ", "lớn thứ") right before a number, or -1."""
    if not words or words[0][0].lower() != "thứ":
        return -1
    st = _rank_lead(words[1:])
    return st if st >= 0 else words[0][1]


def _rank_lead(words: list[tuple[str, int]]) -> int:
    """Offset of "đứng" or a size adjective ("lớn", "đông dân") among ``words`` before "thứ", or -1."""
    if len(words) > 1 and f"{words[1][0]} {words[0][0]}".lower() in _RANK_LEADS:
        return words[1][1]
    if words and words[0][0].lower() in _RANK_LEADS:
        return words[0][1]
    return -1


def _np_before(text: str, s: int, k: int = 8) -> list[str]:
    """Up to ``k`` words of the clause before ``s``, nearest first, stopping at a dash, the copula "là" or "đạt".

    The copula itself is kept as the last word: a superlative's noun phrase follows it.
    """
    out = []
    for w, _ in _words_before(text, s, k):
        if w in ("-", "–", "—"):
            break  # an apposition: "Sơn Đoòng - hang động lớn nhất"
        out.append(w)
        if w.lower() in ("là", "đạt"):
            break
    return out


def _one_of_several(words: list[str]) -> bool:
    """Whether the words before a rank-1 phrase make it one of several ("một trong những", "các", "top 10")."""
    for i, w in enumerate(words):
        low = w.lower()
        if low in _SEVERAL_WORDS or w in _SEVERAL_NUMBERS:
            return True
        if w.isdecimal() and int(w) >= 2 and not _YEAR_TOKEN.fullmatch(w) and (
                i + 1 == len(words) or words[i + 1].lower() not in _DATE_WORDS) and (
                i == 0 or words[i - 1].lower() not in _NOT_COUNTED):
            return True  # "5 thị trường", not "năm 2017", "40 năm qua", "18 tuổi"
    phrase = f" {' '.join(reversed(words)).lower()} "
    return any(f" {p} " in phrase for p in lx.SEVERAL_PHRASES)


_NOT_COUNTED = frozenset((*lx.DURATIONS, "tuổi", "%"))
_SEVERAL_WORDS = frozenset(lx.SEVERAL_WORDS)
_SEVERAL_NUMBERS = frozenset(lx.SEVERAL_NUMBERS)
_RANK = ("rank", 1.0, 1.0, 1.0, "rank")


def _top(text: str, p: int) -> Quantity | None:
    """Rank 1 for "hàng đầu", "đứng đầu", "dẫn đầu" ending with "đầu" at ``p``, unless a head, a leader or several.

    "người đứng đầu" and "đứng đầu Bộ Tài chính" name the head of a body; "dẫn đầu đoàn", "do ông A dẫn đầu",
    "dẫn đầu bởi Mỹ" and "sự dẫn đầu" lead a group; "các doanh nghiệp hàng đầu" are several.
    """
    words = _words_before(text, p, 1)
    if not words or not (m := _at(_TOP_AT, text, words[0][1])) or m.end() != p + 3:
        return None
    lead, st = words[0][0].lower(), words[0][1]
    before = _np_before(text, st, 12)
    first = before[0].lower() if before else ""
    after = f"{_words_after(text, m.end(), 2)} "
    if lead != "hàng" and (first == "người" or any(after.startswith(f"{b} ") for b in _HEADED)):
        return None
    if lead == "dẫn" and (first == "sự" or "do" in before or any(after.startswith(f"{g} ") for g in _LED)):
        return None
    if _one_of_several(before[:8]):
        return None
    return Quantity(st, m.end(), m.group(), *_RANK)


_HEADED = frozenset(lx.HEADED_BODIES)
_LED = frozenset((*lx.LED_GROUPS, "bởi"))


def _words_after(text: str, e: int, k: int) -> str:
    """Up to ``k`` words after ``e`` in the clause, lower-cased and joined by one space."""
    m = _at(_WORDS_AFTER, text, e)
    return " ".join(m.group().lower().split()[:k]) if m else ""


_WORDS_AFTER = regex.compile(r"(?:[ \t]+[\p{L}\p{N}]+){1,3}")


def _superlative(text: str, p: int, w: str) -> Quantity | None:
    """Rank 1 (2) for "lớn nhất" ("đông dân nhì") at ``p`` after a party noun, and for "đứng nhất" ("đứng nhì").

    After any other noun a superlative is a record or a judgement ("cơn bão lớn nhất", "mức cao nhất").
    """
    words = _words_before(text, p, 2)
    st = _rank_lead(words)
    if st < 0:
        return None
    e = p + len(w)
    if _at(_NOT_RANK_AFTER, text, e):
        return None
    before = _np_before(text, st, 9)
    head = " ".join(reversed(before)).lower()
    if text[st:p].lower().strip() != "đứng" and not _PARTY.search(head) and not head.startswith("là nước "):
        return None  # "đứng nhất" ranks by itself; "lớn nhất" only after a party noun
    if _one_of_several(before):
        return None
    v = float(lx.SUPERLATIVES[w])
    return Quantity(st, e, text[st:e], "rank", v, v, v, "rank")


def _number_one(text: str, p: int, m: regex.Match) -> Quantity | None:
    """Rank 1 for "số 1"/"số một" at ``p`` after a party noun ("đối tác số 1") or a ranking verb ("đứng số 1").

    Not after any other word ("tuyến số 1", "Nhà máy số 1"), nor an address ("là số 1 Tràng Tiền").
    """
    before = _np_before(text, p)
    if not before:
        return None
    two = f"{before[1]} {before[0]}".lower() if len(before) > 1 else ""
    if before[0].lower() in _RANK_VERBS or two in _RANK_VERBS:
        nxt = _at(_WORD_AFTER_RE, text, m.end())
        if nxt and nxt.group(1)[:1].isupper():
            return None
    elif not _PARTY.search(" ".join(reversed(before[:4])).lower()) or any(w.istitle() for w in before[:3]):
        return None  # not "Tổng công ty Xây dựng số 1"
    if _one_of_several(before):
        return None
    return Quantity(p, m.end(), m.group(), *_RANK)


_RANK_VERBS = frozenset(lx.RANK_VERBS)


def _title(text: str, m: regex.Match) -> Quantity | None:
    """Rank 1 for "quán quân", 2 for "á quân", unless one of several ("các quán quân")."""
    if _one_of_several(_np_before(text, m.start())):
        return None
    v = float(lx.RANK_TITLES[_SPACES.sub(" ", m.group()).lower()])
    return Quantity(m.start(), m.end(), m.group(), "rank", v, v, v, "rank")


def _event_before(text: str, thu: int) -> bool:
    """Whether "thứ" at ``thu`` numbers an event ("lần thứ 9", "khóa thứ 15") rather than a rank."""
    return bool(_phrase_before(_words_before(text, thu, 2), _ORDINAL_EVENTS)[0])
