"""Numbers that are no claims: names, identifiers, clock times, digits glued to words.

"Quận 1", "iPhone 15", file names, URLs, "G7", "20h30", "đoạn2024".
"""

from __future__ import annotations

import regex

from factlint.quantity import Quantity
from factlint.vi import lexicon as lx
from factlint.vi.numerals import parse_digits
from factlint.vi.syllable import is_vietnamese_word
from factlint.vi.tokens import _GLUED_RE, _alt, _alt_ci, _at, _phrase_before, _sentence_start
from factlint.vi.units import _Unit

_CLOCK_AFTER_RE = regex.compile(r"(?:[:h]\d{2}|h(?!\p{L})|[ \t]+giờ[ \t]+\d)")


_NAME_PREFIXES = frozenset(lx.NAME_PREFIXES)
_NOT_NAME_BEFORE_SO = frozenset(lx.NOT_NAME_BEFORE_SO)


_NOT_PROPER = frozenset(("ngày", "tháng", "năm", "sáng", "chiều", "tối", "trưa", "đêm", "quý", "thứ", "từ", "đến",
                         "hơn", "gần", "khoảng", "trên", "dưới"))


_EXT = regex.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|xlsx?|html?|php|aspx?|mp[34]|avi)$", regex.I)
_PLAIN_BEFORE = frozenset(" \n\t(\"“'‘[")
_PLAIN_AFTER = frozenset(" \n\t,.;:)\"”’%…]!?")


_NON_SPACE = regex.compile(r"\S*")
_LETTERS_END = regex.compile(r"\p{L}+$")


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    """The whitespace-delimited token around ``pos``."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos), text.rfind("\t", 0, pos)) + 1
    return start, _at(_NON_SPACE, text, pos).end()


def _glued_before(text: str, m: regex.Match, tok_s: int, prev: str) -> Quantity | None:
    """Digits glued after letters: a name ("G7") or, after a Vietnamese word, a typo ("đoạn2024")."""
    s, e = m.span()
    w0 = max(tok_s, s - 12)
    lead = _LETTERS_END.search(text[w0:s])
    if lead and prev.isalpha() and not lead.group().isascii() and is_vietnamese_word(lead.group()):
        st = w0 + lead.start()
        v = parse_digits(m.group())[0]
        return Quantity(st, e, text[st:e], "count", v, v, v, malformed=f"digits glued to a word: {text[st:e]!r}")
    return _glued_suffix(text, m, tok_s, "identifier glued to a Vietnamese word")

def _glued_suffix(text: str, m: regex.Match, tok_s: int, reason: str) -> Quantity | None:
    g = _at(_GLUED_RE, text, m.end())
    if not g:
        return None
    suffix = g.group()
    if is_vietnamese_word(suffix) and suffix not in lx.PHYSICAL and suffix not in lx.SCALE_ABBREV:
        s = tok_s
        return Quantity(s, g.end(), text[s:g.end()], "count", *(3 * [parse_digits(m.group())[0]]),
                        malformed=f"{reason}: {text[s:g.end()]!r}")
    return None


def _proper_noun_before(text: str, words: list[tuple[str, int]]) -> bool:
    """Whether the word before is a name ("COP 26", "iPhone 15", "Nghi Sơn 2"), not a sentence start."""
    if not words:
        return False
    w, at = words[0]
    if any(c.isupper() for c in w[1:]):
        return True
    if not w[:1].isupper() or _sentence_start(text, at):
        return False
    return w.lower() not in _NOT_PROPER

def _name_before(words: list[tuple[str, int]]) -> bool:
    """Whether the words before make the number part of a name ("Quận 1", "tuyến số 1", "Điều 5")."""
    if _phrase_before(words, _NAME_PREFIXES)[0]:
        return True
    return bool(words) and words[0][0].lower() == "số" and (
        len(words) < 2 or words[1][0].lower() not in _NOT_NAME_BEFORE_SO)


def _is_name(text: str, words: list[tuple[str, int]], unit: _Unit | None) -> bool:
    if unit is not None and unit.kind in ("money", "percent"):
        return False
    if _name_before(words):
        return True
    return unit is None and _proper_noun_before(text, words)


# Page furniture: share buttons and counters ("Chia sẻ 12", "12 bình luận"), bylines ("Thứ Hai, 20/11/2023, 07:51
# (GMT+7)"), gallery counters ("Ảnh 1/5") and photo credits ("Ảnh: VTV24"). Only short lines are looked at: the
# same words inside a sentence ("video đạt 2 triệu lượt xem") may be a claim.
_FURNITURE_LINE_MAX = 120
_COUNTER_LABELS = _alt_ci(["chia sẻ", "bình luận", "thích", "lượt xem", "lượt thích", "lượt chia sẻ", "lượt đọc",
                           "like", "share", "tweet", "lưu", "theo dõi", "facebook", "zalo", "twitter", "email"])
_COUNTED_FURNITURE = _alt(["bình luận", "ảnh", "lượt thích", "lượt chia sẻ", "lượt xem", "chia sẻ", "video"])
_COUNT = r"\(?\d[\d.,]*\)?"
_COUNTER_LINE = regex.compile(
    rf"[ \t(]*{_COUNTER_LABELS}[ \t]*:?[ \t]*(?:(?:\p{{Lu}}\p{{L}}*[ \t]*:?[ \t]*)?{_COUNT}[ \t]*)+[ \t)]*"
    rf"|[ \t(]*\d[\d.,]*[ \t]+{_COUNTED_FURNITURE}[ \t)]*")
_BYLINE_LINE = regex.compile(
    r"[ \t]*(?:(?:thứ[ \t]+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ[ \t]+nhật|cập[ \t]+nhật|đăng|lúc|ngày"
    r"|\(?(?:GMT|UTC)[+-]\d{1,2}\)?|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}[:h]\d{2}(?::\d{2})?|[|,\-–:])[ \t]*)+", regex.I)
_BYLINE_CLOCK = regex.compile(r"\d[:h]\d\d|GMT|UTC")
_GALLERY_BEFORE = regex.compile(r"[ \t(]*(?:Ảnh|Hình|Video|Clip)[ \t]+")
_GALLERY_AFTER = regex.compile(r"(?:/\d+)?[ \t]*(?=[:)]|$)")
# a photo credit's label, in any case ("Ảnh", "ảnh", "ẢNH", "Ảnh minh họa", "Hình", "Nguồn ảnh", "Đồ họa")
_ILLUSTRATION = r"minh[ \t]+h(?:oạ|ọa)"
_CREDIT_LABEL = rf"(?i:(?:ảnh|hình|nguồn[ \t]+ảnh|đồ[ \t]+h(?:oạ|ọa))(?:[ \t]+{_ILLUSTRATION})?)"
_CREDIT_BEFORE = regex.compile(rf"(?:^|\()[ \t]*(?:{_CREDIT_LABEL}|Nguồn)[ \t]*:[^()\n:]*$")  # not "Video: <title>"


# A photo caption is the sentence a photo credit follows: "Xuất khẩu tăng mạnh. Ảnh: TTXVN", "Lễ ký kết - Ảnh: VGP",
# "… trong 5 tháng (Ảnh minh họa)". The credit opens with its label and a colon, or is "(Ảnh minh họa)" alone.
_PHOTO_CREDIT = regex.compile(
    rf"[ \t]*[-–(|]?[ \t]*(?:{_CREDIT_LABEL}[ \t]*:|(?i:ảnh)[ \t]+{_ILLUSTRATION}(?!\p{{L}}))")
_CREDIT_INSIDE = regex.compile(rf"[ \t](?:[-–|][ \t]*|\([ \t]*){_CREDIT_LABEL}[ \t]*[:)]")


def is_caption(text: str, end: int, sentence_end: int) -> bool:
    """Whether the figure ending at ``end`` is in a photo caption.

    It is when a photo credit follows it in its sentence, or opens the next one.

    Args:
        text: The text.
        end: Where the figure ends.
        sentence_end: Where its sentence ends.
    """
    return bool(_CREDIT_INSIDE.search(text, end, sentence_end) or _PHOTO_CREDIT.match(text, sentence_end))


def furniture_end(text: str, s: int, e: int) -> int | None:
    """Where to resume when the digits at ``s:e`` are page furniture, not a claim; ``None`` when they are not.

    Args:
        text: The text.
        s: Where the digits start.
        e: Where they end.
    """
    ls = text.rfind("\n", max(0, s - _FURNITURE_LINE_MAX), s) + 1
    le = text.find("\n", e, e + _FURNITURE_LINE_MAX + 1)
    le = len(text) if le < 0 and len(text) - e <= _FURNITURE_LINE_MAX else le
    if (ls == 0 and s > _FURNITURE_LINE_MAX) or le < 0 or le - ls > _FURNITURE_LINE_MAX:
        return None  # a long line: a paragraph, no furniture
    line = text[ls:le]
    if _COUNTER_LINE.fullmatch(line) or (_BYLINE_LINE.fullmatch(line) and _BYLINE_CLOCK.search(line)):
        return le
    if _GALLERY_BEFORE.fullmatch(text, ls, s) and (g := _at(_GALLERY_AFTER, text, e)) and g.end() <= le:
        return g.end()  # "Ảnh 1/5", "Ảnh 3: Lễ ký kết"
    if _CREDIT_BEFORE.search(text, ls, s):
        return e  # "Ảnh: VTV24", "(Ảnh: Báo Lao Động 2023)"
    return None
