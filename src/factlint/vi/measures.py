"""What a figure measures: the head nouns of Vietnamese news figures and where their phrase ends."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factlint.vi.lexicon import NOUNS
from factlint.vi.scan import scan_at
from factlint.vi.tokens import _L, _R, _alt

# Head noun phrase -> measure key. Longer phrases win ("kim ngạch xuất khẩu" over "kim ngạch").
HEADS: dict[str, str] = {
    "kim ngạch thương mại": "trade", "kim ngạch xuất nhập khẩu": "trade", "thương mại song phương": "trade",
    "thương mại hai chiều": "trade", "kim ngạch thương mại song phương": "trade", "tổng kim ngạch": "trade",
    "kim ngạch xuất khẩu": "exports", "xuất nhập khẩu": "trade", "xuất khẩu": "exports",
    "kim ngạch nhập khẩu": "imports",
    "nhập khẩu": "imports", "kim ngạch": "trade", "thặng dư thương mại": "trade_balance",
    "xuất siêu": "trade_balance", "nhập siêu": "trade_balance", "cán cân thương mại": "trade_balance",
    "vốn đầu tư trực tiếp": "fdi", "vốn FDI": "fdi", "FDI": "fdi", "đầu tư trực tiếp nước ngoài": "fdi",
    "vốn đầu tư": "investment", "tổng vốn đầu tư": "investment", "vốn đăng ký": "investment",
    "tổng vốn đăng ký": "investment", "vốn": "capital", "tổng vốn": "capital", "tổng mức đầu tư": "project_cost",
    "vốn điều chỉnh": "investment_adjusted", "vốn góp": "investment_contributed", "vốn giải ngân": "disbursement",
    "giải ngân": "disbursement", "ODA": "oda", "vốn ODA": "oda", "viện trợ": "aid", "vốn vay": "loan",
    "khoản vay": "loan", "viện trợ không hoàn lại": "grant", "nợ công": "public_debt", "nợ nước ngoài": "debt",
    "lượng khách": "visitors", "lượt khách": "visitors", "khách du lịch": "visitors", "du khách": "visitors",
    "khách quốc tế": "visitors", "lượt": "visits",
    "du học sinh": "students", "sinh viên": "students", "thực tập sinh": "trainees",
    "tu nghiệp sinh": "trainees", "lao động": "workers", "người lao động": "workers", "LĐ": "workers",
    "NLĐ": "workers", "DN": "enterprises",
    "cộng đồng người Việt": "community", "người Việt": "community", "kiều bào": "community",
    "dự án": "projects", "doanh nghiệp": "enterprises", "doanh thu": "revenue", "lợi nhuận": "profit",
    "giá trị": "value", "giá": "price", "đầu tư": "investment", "thương mại": "trade",
    "tổng kim ngạch xuất khẩu": "exports", "tổng kim ngạch nhập khẩu": "imports",
    "tổng kim ngạch xuất nhập khẩu": "trade", "số người Việt": "community", "sản lượng": "output",
    "tăng trưởng": "growth", "GDP": "gdp",
    "dân số": "population", "tỷ lệ": "rate", "tỉ lệ": "rate", "tỷ trọng": "share", "tỉ trọng": "share",
    "thị phần": "market_share", "ngân sách": "budget", "chi phí": "cost", "lương": "wage", "thu nhập": "income",
    "thu ngân sách": "budget_revenue", "chi ngân sách": "budget_spending", "lạm phát": "inflation",
    "bội chi": "budget_deficit", "bội chi ngân sách": "budget_deficit",
    "đối tác thương mại": "trade_partner", "nhà đầu tư": "investor", "nhà tài trợ": "donor",
    "thị trường": "market", "điểm đến": "destination", "nguồn khách": "visitor_source",
    "số ca mắc": "cases", "ca mắc": "cases", "số người": "people", "diện tích": "area", "công suất": "capacity",
}
# Measures that are flows over a period: counted "to" a date they mean the year so far ("tính đến 20/6,
# kim ngạch xuất khẩu đạt …" is January to June), unless the text says "lũy kế" (a stock since a start).
FLOWS = frozenset({"trade", "exports", "imports", "trade_balance", "fdi", "investment", "disbursement", "visitors",
                   "visits", "revenue", "output", "projects", "oda", "budget_revenue", "budget_spending", "loan"})
# Measures counted in money: a bare figure of one takes the currency of the sentence's money figure before it
# ("tổng kim ngạch đạt 18,5 tỷ USD, trong đó xuất khẩu đạt 9,7 tỷ").
MONEY = frozenset({"trade", "exports", "imports", "trade_balance", "fdi", "investment", "capital", "oda", "aid",
                   "loan", "grant", "revenue", "profit", "value", "budget", "cost", "disbursement", "project_cost"})
# Trade between two parties: a foreign country's figure in a sentence that names Viet Nam is the pair's.
TRADE = frozenset({"trade", "exports", "imports", "trade_balance"})
# Economic aggregates that, with no party named, are the nation's ("cả nước"): how Vietnamese news writes them.
NATIONAL_BY_DEFAULT = frozenset({"trade", "exports", "imports", "trade_balance", "fdi", "gdp", "public_debt",
                                 "budget", "budget_revenue", "budget_spending", "inflation"})
# Measures that are ratios: a money figure is never one ("nhóm hàng có kim ngạch tăng trưởng cao … (355 triệu
# USD" is of the exports before them).
PERCENT_ONLY = frozenset({"growth", "rate", "share", "market_share", "inflation"})
# Heads too vague to say which of their family they are: "kim ngạch" after "kim ngạch xuất khẩu" is exports.
VAGUE_HEADS = frozenset({"kim ngạch"})
NARROWER = {"trade": frozenset({"exports", "imports"})}
PARTNER_FLOW = "trade"  # the family a market's or a partner's money figure narrows in ("thị trường Nhật Bản … 13 tỷ")
_POSSESSED = regex.compile(r"[ \t]+của(?!\p{L})", regex.I)


def possessed(text: str, head_end: int) -> bool:
    """Whether the head ending at ``head_end`` is followed by its possessor ("kim ngạch của khu vực FDI")."""
    return _POSSESSED.match(text, head_end) is not None
# Where a measure's phrase ends: a verb or preposition that links it to its figure.
_STOP = regex.compile(
    r"(?<![\p{L}])(?:đạt|là|lên|lên tới|lên đến|tăng|giảm|chiếm|với|khoảng|gần|hơn|trên|dưới|có|ước|ở mức|"
    r"vào khoảng|trị giá|đứng|xếp|dẫn|trong|năm|tháng|quý|tính|so|từ|khi|thì|mà|được|đã|sẽ|vẫn|còn|cũng|khiến|"
    r"nhưng|và|hay|hoặc|lớn|đông|nhiều|cao|thấp|mạnh|thứ|nhất|nhì|hàng|số|mới|này|đó|tại|ở)(?![\p{L}])"
    r"|[,;:.()\d]", regex.I)
_HEAD_RE = regex.compile(rf"{_L}{_alt(HEADS)}{_R}", regex.I)
_HEAD_KEYS = {h.lower(): k for h, k in HEADS.items()}  # heads are matched in any case ("Kim ngạch", "ODA")
_NOUNS = {k.lower(): v for k, v in NOUNS.items()}
_HEAD_FIRST = frozenset(h.split()[0].lower() for h in HEADS)  # where a head can start: its first word
_MAX_TAIL = 40  # characters of qualifier kept after the head ("xuất khẩu sang Nhật Bản")


# Heads that say what kind of thing is ranked or related, not what a money figure measures ("thị trường xuất
# khẩu lớn nhất … với 47,5 tỷ USD" measures exports), and heads too generic to govern a more specific one after
# them ("tổng vốn ODA" measures ODA).
RELATIONAL = frozenset({"market", "trade_partner", "investor", "donor", "destination", "visitor_source"})
GENERIC = frozenset({"capital", "value", "price"})
# The unit a bare count of a measure takes when the head noun is not itself a counted noun.
KEY_UNITS = {"community": "person", "people": "person", "visitors": "visitor", "students": "student",
             "trainees": "trainee", "workers": "worker", "projects": "project", "enterprises": "enterprise"}
# "thị trường" after a partner marker names the partner ("sang thị trường Nhật Bản"), not what is measured.
_MARKET_AFTER_MARKER = regex.compile(r"(?:sang|từ|vào|tới|đến|tại|ở|với)[ \t]+(?:các[ \t]+)?$", regex.I)


_WORTH_BEFORE = regex.compile(r"trị[ \t]+$", regex.I)
# Bare "đầu tư" measures only as the field of a rank or relation ("đối tác đầu tư và du lịch thứ 3"); bare
# "thương mại" is trade unless it qualifies a noun ("xe thương mại", "ngân hàng thương mại").
_QUALIFIED = regex.compile(r"(?:xe|ngân hàng|trung tâm|khu|dịch vụ|nhà ở|căn hộ|tàu|mặt bằng|văn phòng|sàn|hãng|"
                           r"phòng|cảng|tranh chấp|vi phạm|gian lận|bí mật|tên|thương hiệu|hàng|nhà|tòa nhà)[ \t]+$",
                           regex.I)
_FIELD_BEFORE = regex.compile(r"(?:về|lĩnh vực|hợp tác|đối tác|và)[ \t]+$", regex.I)
# Counts of people whose nationality and host make them the pair's ("lao động Việt Nam tại Nhật Bản").
PEOPLE = frozenset({"visitors", "workers", "students", "trainees", "community"})
# Money that comes from its source: "vốn đầu tư từ Nhật Bản" is the investor's.
SOURCED = frozenset({"investment", "fdi", "capital", "oda", "loan", "aid", "grant"})


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure phrase: where its head is, the phrase as written, its key, and a unit for bare counts."""

    start: int
    end: int
    text: str
    key: str
    unit: str

    @property
    def phrase_end(self) -> int:
        """Where the measure's phrase ends (its head and qualifiers)."""
        return self.start + len(self.text)


_TURN_BEFORE = regex.compile(r"(?<!\p{L})lần[ \t]+$", regex.I)


def measures(text: str, spans: list[tuple[int, int]] | None = None) -> list[Measure]:
    """Every measure head of ``text`` with the phrase it starts, in order."""
    out = []
    for m in scan_at(_HEAD_RE, _HEAD_FIRST, text, spans):
        head = " ".join(m.group().split())
        if head.lower() == "thị trường" and _MARKET_AFTER_MARKER.search(text, max(0, m.start() - 12), m.start()):
            continue
        if head.lower() == "giá" and _WORTH_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "trị giá" (worth) links a figure to what it prices
        if head.lower() == "lượt" and _TURN_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "lần lượt" (in turn) counts nothing
        if head.lower() == "đầu tư" and not _FIELD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # bare "đầu tư" names a field ("thứ 3 về đầu tư"); elsewhere it is the verb
        if head.lower() == "thương mại" and _QUALIFIED.search(text, max(0, m.start() - 20), m.start()):
            continue  # "xe thương mại" (vans), "ngân hàng thương mại": an adjective, not trade
        stop = _STOP.search(text, m.end(), m.end() + _MAX_TAIL)
        # the qualifier after the head runs to the first linking word, but a preposition of direction is kept
        # with its object ("xuất khẩu sang Nhật Bản"): only a word that ends the phrase stops it
        end = stop.start() if stop else min(len(text), m.end() + _MAX_TAIL)
        phrase = text[m.start():end].strip()
        key = _HEAD_KEYS[head.lower()]
        out.append(Measure(m.start(), m.end(), phrase, key, _NOUNS.get(head.lower(), "") or KEY_UNITS.get(key, "")))
    return out


# "thứ 2 về hợp tác lao động", "thứ nhất về cung cấp viện trợ ODA": up to two words before the field's head
# and where: "đứng đầu ASEAN về kim ngạch xuất khẩu", "thứ hai khu vực châu Âu về …" (capitalised names only)
_FIELD_AFTER = regex.compile(r"(?:[ \t]+(?:khu vực|châu|tại|ở))?(?:[ \t]+(?-i:\p{Lu})\p{L}*){0,3}"
                             r"[ \t]*(?:về|trong|ở|lĩnh vực|về lĩnh vực|trong lĩnh vực)[ \t]+(?:\p{L}+[ \t]+){0,2}",
                             regex.I)


def field_after(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, between a rank and a measure, says what the rank is in ("thứ 2 về …")."""
    return _FIELD_AFTER.fullmatch(text, start, end) is not None


# Words that go on with the list of the sentence before: its figures measure what that sentence's did
# ("Các nhóm hàng kế tiếp là: dệt may 258 triệu USD", "Tiếp theo là Hàn Quốc với 7 tỷ USD").
_CONTINUES = regex.compile(rf"{_L}(?:tiếp theo|kế tiếp|kế đến|tiếp đến|sau đó là|theo sau|lần lượt|trong đó){_R}",
                           regex.I)


def continues(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a sentence up to a figure) goes on with the list of the sentence before."""
    return _CONTINUES.search(text, start, end) is not None
