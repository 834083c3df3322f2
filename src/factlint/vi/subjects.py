"""Whose figure it is: the parties Vietnamese news names, and the words that give them a role.

Country and territory names come from CLDR (``babel.Locale("vi").territories``). The hand-written tables below
keep only what CLDR lacks; each entry says why.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex
from babel import Locale

from factlint.vi.scan import match_at, scan_at, starts
from factlint.vi.tokens import _L as _LC
from factlint.vi.tokens import _R as _RC
from factlint.vi.tokens import _alt, _trie

NATIONAL_KEY = "VN"

# Short and colloquial forms news uses; CLDR has only the full names ("Nhật Bản", "Hoa Kỳ", "Hàn Quốc").
# Bare forms that are also common words or names ("Anh", "Trung", "Hàn", "Đức") are deliberately absent:
# CLDR's full names and the compounds below cover them.
SHORT_NAMES: dict[str, str] = {
    "Nhật": "JP",  # "hàng Nhật", "sang Nhật"; case-sensitive, so not "cập nhật", "Chủ nhật"
    "Mỹ": "US",  # CLDR says "Hoa Kỳ"; news says "Mỹ" as often
    "Úc": "AU",  # CLDR says "Australia"
    "nước Anh": "GB", "Anh Quốc": "GB",  # CLDR says "Vương quốc Anh"; bare "Anh" is a pronoun and a given name
    "nước Đức": "DE", "CHLB Đức": "DE",  # bare "Đức" is also a given name: taken only where not part of a name
    "Trung Quốc đại lục": "CN", "Hồng Kông": "HK", "Hong Kong": "HK",  # CLDR: "Đặc khu Hành chính Hồng Kông…"
    "Hàn": "KR",  # "Việt – Hàn", "hàng Hàn"; only where not followed by another capitalised word (a name)
    "Liên minh châu Âu": "EU", "Liên minh Châu Âu": "EU", "EU": "EU",  # CLDR's capitalisation differs
    "Xin-ga-po": "SG",  # a transliteration CLDR lacks
    # capitals standing for their governments ("Tokyo cam kết …"); CLDR names cities only in time-zone data
    "Tokyo": "JP", "Washington": "US", "Bắc Kinh": "CN", "Seoul": "KR", "Mát-xcơ-va": "RU", "Moscow": "RU",
}
# International organisations and agencies (not territories, so not in CLDR), with the country behind a
# national agency: a rule about Japan's ODA takes JICA's figures.
ORGANISATIONS: dict[str, str] = {
    "JICA": "JP", "JBIC": "JP", "JETRO": "JP", "KOICA": "KR", "KEXIM": "KR", "USAID": "US",
    "ADB": "org:ADB", "Ngân hàng Phát triển châu Á": "org:ADB", "Ngân hàng Phát triển Châu Á": "org:ADB",
    "WB": "org:WB", "World Bank": "org:WB", "Ngân hàng Thế giới": "org:WB", "IMF": "org:IMF",
    "Quỹ Tiền tệ Quốc tế": "org:IMF", "ASEAN": "org:ASEAN", "APEC": "org:APEC", "WTO": "org:WTO",
    "Liên hợp quốc": "org:UN", "Liên Hợp Quốc": "org:UN", "LHQ": "org:UN", "UNDP": "org:UN", "UNICEF": "org:UN",
    "OECD": "org:OECD", "CPTPP": "org:CPTPP", "RCEP": "org:RCEP",
    # the central bank: a bank by its head, an institution of the nation, not a company
    "Ngân hàng Nhà nước": "org:SBV", "NHNN": "org:SBV",
}
NATIONAL_NAME = "Việt Nam"  # how a pair's subject names the nation ("Việt Nam – Nhật Bản")
WHOLE_NATION = "cả nước"  # how a figure of the whole country is named when no party is
# The national total ("cả nước" and the country itself, when it is the subject).
# (bare "Việt" only inside a pair: "Việt – Nhật")
NATIONAL = ("cả nước", "Cả nước", "toàn quốc", "Toàn quốc", "nước ta", "Việt Nam", "VN")
# Provinces and cities: CLDR has no subdivision names in Vietnamese.
PROVINCES = (
    "Hà Nội", "TP.HCM", "TP HCM", "TPHCM", "TP. HCM", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh",
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Bắc Ninh", "Bắc Giang", "Bình Dương", "Đồng Nai", "Long An",
    "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Vĩnh Phúc", "Thái Nguyên",
    "Thanh Hóa", "Thanh Hoá", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Thừa Thiên - Huế",
    "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Khánh Hoà", "Ninh Thuận", "Bình Thuận",
    "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Tiền Giang", "Bến Tre",
    "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
    "Cà Mau", "Hà Nam", "Nam Định", "Thái Bình", "Ninh Bình", "Hòa Bình", "Hoà Bình", "Sơn La", "Điện Biên",
    "Lai Châu", "Lào Cai", "Yên Bái", "Phú Thọ", "Hà Giang", "Tuyên Quang", "Cao Bằng", "Bắc Kạn", "Lạng Sơn",
)
# Sectors: the figure of an industry ("ngành chế biến, chế tạo đứng đầu với 6,4 tỷ USD").
SECTOR_HEADS = ("ngành", "lĩnh vực")
# Heads of a company's name: "Công ty TNHH Aeon Việt Nam", "Tập đoàn Samsung", "hãng Toyota". A company named so
# is the figure's owner: its sales, imports or projects are not its country's ("Tập đoàn Aeon nhập khẩu 200 triệu
# USD hàng Việt Nam" is Aeon's, not Viet Nam – Japan trade).
COMPANY_HEADS = ("công ty", "tổng công ty", "tập đoàn", "hãng", "ngân hàng")
COMPANY_FORMS = ("TNHH", "MTV", "CP", "cổ phần", "Cổ phần", "trách nhiệm hữu hạn", "Trách nhiệm hữu hạn",
                 "một thành viên", "Một thành viên", "liên doanh", "Liên doanh")
# Words right before a party that make it the partner of the figure, not its owner:
# "xuất khẩu sang Nhật Bản", "đầu tư vào Việt Nam", "nhập khẩu từ Hàn Quốc", "hợp tác với Mỹ".
PARTNER_MARKERS = ("sang", "vào", "tới", "đến", "từ", "với", "tại", "ở", "cho", "đối với", "so với", "trên",
                   "trong", "về", "qua", "ngoài", "dẫn đầu", "đứng đầu", "sau", "trước")
# Words that may sit between a marker and the party ("sang thị trường Nhật Bản", "tại các nước ASEAN").
PARTNER_FILLERS = ("thị trường", "các nước", "nước", "các", "khu vực", "người", "phía", "quốc gia", "lãnh thổ",
                   "thị trường các nước")
POSSESSIVE = ("của",)
# "của X" after one of these names X as the other side of a relation, not as the figure's owner:
# "Nhật Bản là đối tác thương mại lớn thứ 4 của Việt Nam".
RELATIONAL_NOUNS = ("đối tác", "nhà đầu tư", "nhà tài trợ", "thị trường", "điểm đến", "bạn hàng", "nguồn",
                    "nhà cung cấp", "khách hàng", "quốc gia", "nước")
# A figure of the pair: "giữa hai nước", "thương mại song phương", "hai chiều".
BILATERAL_CUES = ("hai nước", "song phương", "hai chiều", "giữa hai", "hai bên", "Việt Nam và")
# Words that point back to the last country named: "nhập khẩu từ thị trường này", "nước này".
ANAPHORA = ("thị trường này", "nước này", "quốc gia này", "thị trường trên", "nước bạn", "đất nước này")
PAIR_JOINERS = (r"[ \t]*[-–—][ \t]*", r"[ \t]+và[ \t]+")


@dataclass(frozen=True, slots=True)
class Party:
    """A party named in the text."""

    start: int
    end: int
    text: str
    key: str
    kind: str  # country, org, national, province, sector, pair




@functools.cache
def _names() -> dict[str, str]:
    """Surface name -> key: CLDR's Vietnamese territory names first, then the tables above."""
    out: dict[str, str] = {}
    for code, name in Locale("vi").territories.items():
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "QO", "EZ", "UN", "XA", "XB", "XK"}:
            out[name] = code
            if "," in name:  # "Đặc khu Hành chính Hồng Kông, Trung Quốc": the part before the comma
                out[name.split(",")[0]] = code
            if "(" in name:  # "Myanmar (Miến Điện)": news writes either name alone
                outer, inner = name.split("(", 1)
                for part in (outer.strip(), inner.rstrip(")").strip()):
                    if part[:1].isupper() and len(part) > 4:
                        out[part] = code
    out.update(SHORT_NAMES)
    out.update(ORGANISATIONS)
    for n in NATIONAL:
        out[n] = NATIONAL_KEY
    return out




@functools.cache
def _party_re() -> regex.Pattern:
    names = _names()
    short = [n for n in names if n in SHORT_NAMES and len(n) <= 4]  # "Mỹ", "Hàn", "Úc", "Nhật"
    full = [n for n in names if n not in short]
    # a name is not a party when it continues a longer capitalised name that follows another word ("Nguyễn Minh
    # Đức", "Tập đoàn Toyota Nhật Bản"; "Hàng Nhật" opening a sentence is fine); a short name is not one when a
    # capitalised word follows it ("Mỹ Tho", "Hàn Mặc Tử")
    inside_name = r"(?<!\p{L}[ \t]\p{Lu}\p{Ll}+[ \t])"
    name = (rf"{inside_name}(?:(?P<name>{_trie(full)}){_RC}"
            rf"|(?P<name>{_trie(short)}){_RC}(?![ \t]\p{{Lu}}\p{{Ll}}))")
    prov = rf"(?P<prov>{_trie(list(PROVINCES))}){_RC}"
    # a sector's name ends at a verb, a link or a modality cue ("ngành nông nghiệp ước đạt …")
    not_sector = (r"(?:đạt|là|có|với|chiếm|tăng|giảm|đứng|dẫn|và|hai|các|của|này|đó|liên|chức|khác|nào|trên|tại|"
                  r"xuất|nhập|thu|được|đã|sẽ|đang|vẫn|tiếp|cả|trong|năm|tháng|quý|ước|dự|theo|so|hiện|khoảng|gần|"
                  r"hơn|lên|sau|trước|thì|mà|nhưng|cho|từ|đến|tới|vào|ở|bị|nên)")
    word = rf"(?!{not_sector}{_RC})\p{{Ll}}+"
    sector = rf"(?P<sector>(?i:{_alt(list(SECTOR_HEADS))})[ \t]+{word}(?:(?:[ \t]+|,[ \t]+){word}){{0,4}})"
    # a company's name opens with a capital and may go on in lower case ("Chứng khoán SSI", "Dệt may miền Nam"); it
    # ends at a verb or a link (the sector stop words) and is cut back to its last capitalised word
    cap = r"\p{Lu}[\p{L}\d&.+-]*"
    known = rf"(?:{_trie(full + short)}|{_trie(list(PROVINCES))}){_RC}(?![ \t]+\p{{Lu}})"  # "công ty Nhật Bản"
    company = (rf"(?i:{_alt(list(COMPANY_HEADS))})(?:[ \t]+{_alt(list(COMPANY_FORMS))})*"
               rf"[ \t]+(?!{known})(?P<company>{cap}(?:[ \t]+(?:{cap}|{word})){{0,7}})")
    return regex.compile(rf"{_LC}(?:{prov}|{name}|{sector}|{company}){_RC}")


@functools.cache
def _first_words() -> frozenset[str]:
    """The first word (lower-cased) of every name, province, sector head and pair: where a party can start."""
    names = list(_names()) + list(PROVINCES) + list(SECTOR_HEADS) + list(COMPANY_HEADS) + ["Việt"]
    return frozenset(regex.match(r"\w+", n).group().lower() for n in names)  # "TP.HCM" starts with "tp"


@functools.cache
def _pair_re() -> regex.Pattern:
    names = list(_names())
    n = _trie(names + ["Việt"])  # as written (no IGNORECASE): the trie matches what the alternation does
    joiner = "|".join(PAIR_JOINERS)
    return regex.compile(rf"{_LC}(?P<a>{n})(?:{joiner})(?P<b>{n}){_RC}")


@functools.cache
def _written_first() -> re.Pattern:
    """The first word of every name, province and pair as written: the party and pair patterns match it so."""
    names = list(_names()) + list(PROVINCES) + ["Việt"]
    words = {regex.match(r"\w+", n).group() for n in names}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_SECTOR_FIRST = frozenset(h.split()[0].lower() for h in SECTOR_HEADS + COMPANY_HEADS)  # heads match in any case


def _party_starts(text: str, spans: list[tuple[int, int]] | None) -> list[int]:
    """Where a party or a pair can start: the first words of :func:`_first_words`, less the lower-cased forms.

    The index lower-cases every word; the names match only as written, so "nước", "trung", "hàn" (of "nước Anh",
    "Trung Quốc", "Hàn") are dropped unless a sector head ("ngành", "lĩnh vực", in any case) starts there.
    """
    at = starts(_first_words(), text, spans)
    sectors = set(starts(_SECTOR_FIRST, text, spans))
    written = _written_first().match
    return [p for p in at if written(text, p) or p in sectors]


def parties(text: str, spans: list[tuple[int, int]] | None = None) -> list[Party]:
    """Every party named in ``text``, pairs ("Việt Nam – Nhật Bản", "Việt – Nhật") as one, in text order."""
    names = _names()
    out: list[Party] = []
    taken: list[tuple[int, int]] = []
    at = _party_starts(text, spans)
    for m in match_at(_pair_re(), text, at, spans):
        ka, kb = names.get(_one_spaced(m["a"]), NATIONAL_KEY), names.get(_one_spaced(m["b"]), NATIONAL_KEY)
        if ka != kb:
            out.append(Party(m.start(), m.end(), m.group(), pair_key(ka, kb), "pair"))
            taken.append((m.start(), m.end()))
    for m in match_at(_party_re(), text, at, spans):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m["prov"]:
            out.append(Party(m.start(), m.end(), m.group(), "VN:" + _one_spaced(m["prov"]), "province"))
        elif m["company"]:  # "công ty Nhật Bản" is a country's companies, not one: the lookahead leaves it
            end = m.start("company") + _LAST_CAPITAL.match(m["company"]).end()
            if not _is_source(text, m.start(), end):
                out.append(Party(m.start(), end, text[m.start():end], "co:" + _one_spaced(text[m.start("company"):end]),
                                 "company"))
        elif m["sector"]:
            name = _SECTOR_HEAD_RE.sub("", m["sector"]).replace(",", "").lower()
            out.append(Party(m.start(), m.end(), m.group().rstrip(", "), "sector:" + " ".join(name.split()), "sector"))
        else:
            key = names[_one_spaced(m["name"])]
            kind = "national" if key == NATIONAL_KEY else ("org" if key.startswith("org:") else "country")
            out.append(Party(m.start(), m.end(), m.group(), key, kind))
    out.sort(key=lambda p: p.start)
    out = [p for i, p in enumerate(out) if not (i and _GLOSS_RE.fullmatch(text, out[i - 1].end, p.start))]
    return _resolve_anaphora(text, out, spans)


_LAST_CAPITAL = regex.compile(r".*\p{Lu}[\p{L}\d&.+-]*")  # a name up to its last capitalised word
# A company that speaks or is quoted is the figure's source, not its owner: "Theo hãng Reuters, …", "ông X, Giám
# đốc Công ty Hoa Sen, cho biết …", "hãng tin AFP", "Công ty Nielsen dự báo …".
_SOURCE_BEFORE = regex.compile(
    r"(?i:(?:theo|giám đốc|chủ tịch|tổng giám đốc|phó giám đốc|đại diện|nhân viên|công nhân|lãnh đạo|"
    r"phát ngôn viên|chuyên gia|người phát ngôn)[ \t]+(?:của[ \t]+)?)$")
_SOURCE_HEAD = regex.compile(r"(?i:hãng[ \t]+(?:tin|thông[ \t]+tấn))")
_SOURCE_AFTER = regex.compile(
    r"[ \t]*,?[ \t]*(?:cho[ \t]+biết|cho[ \t]+hay|nói|thông[ \t]+báo|công[ \t]+bố|dự[ \t]+báo|ước[ \t]+tính|"
    r"nhận[ \t]+định|đánh[ \t]+giá|khẳng[ \t]+định|tiết[ \t]+lộ)(?!\p{L})")


def _is_source(text: str, start: int, end: int) -> bool:
    """Whether the company named at ``start:end`` is quoted or speaks: the figure's source, not its owner."""
    return bool(_SOURCE_BEFORE.search(text[max(0, start - 30):start]) or _SOURCE_HEAD.match(text, start)
                or _SOURCE_AFTER.match(text, end))


_POSSESSOR = regex.compile(r"(?i:của)[ \t]+$")


def possessor(text: str, start: int) -> bool:
    """Whether the party named at ``start`` possesses the phrase before it ("xuất khẩu của Việt Nam")."""
    return _POSSESSOR.search(text[max(0, start - 8):start]) is not None


_GLOSS_RE = regex.compile(r"[ \t]*\([ \t]*")  # "Hồng Kông (Trung Quốc)": the bracket glosses the party before it


_ANAPHOR_RE = regex.compile(rf"{_LC}(?:{_alt(list(ANAPHORA))}){_RC}", regex.I)
_ANAPHOR_FIRST = frozenset(a.split()[0] for a in ANAPHORA)


def _resolve_anaphora(text: str, found: list[Party], spans: list[tuple[int, int]] | None) -> list[Party]:
    """Add "thị trường này" and the like as the last foreign country named before them."""
    out = list(found)
    for m in scan_at(_ANAPHOR_RE, _ANAPHOR_FIRST, text, spans):
        prior = [p for p in found if p.end <= m.start() and p.key != NATIONAL_KEY
                 and (p.kind == "country" or (p.kind == "pair" and p.key.startswith(NATIONAL_KEY + "+")))]
        if prior:  # the country itself, or the other side of a pair with Viet Nam
            key = prior[-1].key.removeprefix(NATIONAL_KEY + "+")
            out.append(Party(m.start(), m.end(), m.group(), key, "country"))
    out.sort(key=lambda p: p.start)
    return out


_SECTOR_HEAD_RE = regex.compile(rf"^(?:{_alt(list(SECTOR_HEADS))})[ \t]+", regex.I)


def _one_spaced(name: str) -> str:
    """A name as the tables write it: a line break or double space inside it read as one space."""
    return " ".join(name.split())


def pair_key(a: str, b: str) -> str:
    """The key of a pair of parties: Viet Nam first, then the other ("VN+JP"); else sorted."""
    if b == NATIONAL_KEY:
        a, b = b, a
    if a != NATIONAL_KEY and a > b:
        a, b = b, a
    return f"{a}+{b}"


_MARKER_RE = regex.compile(
    rf"{_LC}(?P<m>{_alt(list(PARTNER_MARKERS) + list(POSSESSIVE))})[ \t]+(?:(?:{_alt(list(PARTNER_FILLERS))})[ \t]+)?$",
    regex.I,
)
# "nhà tài trợ song phương" is a kind of donor, not a figure of a pair
_BILATERAL_RE = regex.compile(rf"{_LC}(?<!(?:tài trợ|viện trợ|ODA|vay)[ \t]+)(?:{_alt(list(BILATERAL_CUES))}){_RC}",
                              regex.I)


_RELATIONAL_RE = regex.compile(rf"{_LC}(?:{_alt(list(RELATIONAL_NOUNS))}){_RC}[^,;:.()]*$", regex.I)


_MARKET_RE = regex.compile(r"(?<![\p{L}])thị trường[ \t]+(?:các[ \t]+nước[ \t]+)?$", regex.I)


def role(text: str, party: Party) -> str:
    """How a party stands to the figures after it in its sentence.

    ``partner`` after "sang", "vào", "từ"…, "đối tác … của", or as a market ("thị trường Nhật Bản");
    ``possessor`` after "của"; else ``agent``. A sector is never a partner: "đầu tư vào lĩnh vực bất động sản
    đạt 1,7 tỷ USD" is the sector's figure.
    """
    if party.kind == "sector":
        return "agent"
    m = _MARKER_RE.search(text, max(0, party.start - 40), party.start)
    if m is None:
        if party.kind == "country" and _MARKET_RE.search(text, max(0, party.start - 30), party.start):
            return "partner"
        return "agent"
    if m["m"].lower() not in POSSESSIVE:
        return "partner"
    if _RELATIONAL_RE.search(text, max(0, m.start() - 50), m.start()):
        return "partner"
    return "possessor"


_SOURCE_RE = regex.compile(rf"{_LC}từ[ \t]+(?:(?:{_alt(list(PARTNER_FILLERS))})[ \t]+)?$", regex.I)


def is_source(text: str, party: Party) -> bool:
    """Whether the party is named as where something comes from ("vốn đầu tư từ Nhật Bản")."""
    return _SOURCE_RE.search(text, max(0, party.start - 30), party.start) is not None


def bilateral_cue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says the figure is the pair's ("hai nước", "song phương", "hai chiều")."""
    return _BILATERAL_RE.search(text, start, end) is not None


# Sentence openers that turn to another topic: a figure after one does not take the previous sentence's subject
# ("Trung Quốc đứng thứ nhất … Trong khi đó, khối lượng gạo xuất khẩu tháng 4 ước đạt 573.000 tấn").
_TOPIC_SHIFT = regex.compile(r"[\s\"'“”(\-–—•*]*(?:trong khi đó|ngược lại|mặt khác|còn|về phía|ở chiều ngược lại)"
                             r"(?!\p{L})", regex.I)


# A place below the nation ("TP", "quận 2", "huyện", "tỉnh này"): a figure near it with no party named is the
# place's, not the nation's ("Hiện TP có 18.000 DN, tổng thu ngân sách năm 2016 đạt gần 20.000 tỉ đồng").
# Not a place: "tỉnh táo" (alert), "thức tỉnh" (awaken), "xã hội" (society); nor a venue ("tại TP.HCM", "ở Hà Nội":
# where something was said, not whose figure it is).
_LOCALITY = regex.compile(
    r"(?<!\p{L})(?<!(?i:tại|ở|thức)[ \t]+)"
    r"(?:(?i:tỉnh(?![ \t]+(?:táo|ngộ|giấc|rượu|bơ))|thành phố|quận|huyện|thị xã|phường)|TP|xã(?![ \t]+hội))(?!\p{L})")
_VENUE_BEFORE = regex.compile(r"(?i:tại|ở)[ \t]+$")


def local(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` speaks of a place below the nation (a province, a city, a district)."""
    return _LOCALITY.search(text, start, end) is not None


def venue(text: str, party_start: int) -> bool:
    """Whether the party named at ``party_start`` is where something happens ("tại Hà Nội"), not an owner."""
    return _VENUE_BEFORE.search(text[max(0, party_start - 6):party_start]) is not None


def topic_shift(text: str, sentence_start: int) -> bool:
    """Whether the sentence at ``sentence_start`` opens with a turn to another topic ("Trong khi đó, …")."""
    return _TOPIC_SHIFT.match(text, sentence_start) is not None
