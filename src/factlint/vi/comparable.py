"""What two figures of one measure must also share to be one quantity: the topic words and the product.

Open comparables (``factlint.checks.open_comparables``) take two figures for one quantity only when their
sentences share the words around them; :data:`FUNCTION_SYLLABLES` carry no topic, so they are left out of that
test. And a measure phrase may name a product ("xuất khẩu gỗ", "xuất khẩu gạo của cả nước"): :func:`product`
gives those words, and two figures of one measure are one quantity only when they name the same product or none.
"""

import regex

from factlint.vi.measures import HEADS
from factlint.vi.periods import COMPARISON
from factlint.vi.tokens import _L, _R, _alt

FUNCTION_SYLLABLES = frozenset(
    "năm tháng quý ngày đầu cuối so với cùng kỳ đạt tăng giảm của và là trong đã các những được có tỷ tỉ triệu "
    "nghìn ngàn usd đồng đô la mỹ khoảng gần hơn trên dưới ước tính đến hết lên xuống mức tới từ này đó cho theo "
    "khi sau trước nay ở tại".split())

# Where the product words of a measure phrase end: a partner, a possessor, a place, a link to the figure.
_PRODUCT_END = regex.compile(
    rf"{_L}(?:sang|của|với|giữa|từ|vào|đến|tới|tại|ở|trong|đạt|là|lên|tăng|giảm|chiếm|ước|năm|tháng|quý|so|cả nước"
    rf"|hai chiều|song phương|Việt Nam|nước ta){_R}|[,;:.()\d]", regex.I)
_HEAD = regex.compile(rf"{_L}{_alt(HEADS)}{_R}", regex.I)
_FILLERS = frozenset({"các", "loại", "mặt", "hàng", "nhóm", "tổng", "trị", "giá", "mới"})
# goods and services as a whole name no product: "kim ngạch xuất khẩu hàng hóa" is the country's exports
_ALL_GOODS = regex.compile(r"hàng[ \t]+ho[áa]|hàng[ \t]+hóa|dịch[ \t]+vụ", regex.I)


def product(phrase: str) -> str:
    """The product words of a measure phrase, lower-cased, its head words and fillers left out.

    "tổng kim ngạch xuất khẩu gỗ và sản phẩm gỗ của Việt Nam" -> "gỗ và sản phẩm gỗ"; "giá trị xuất khẩu hàng rau
    quả" -> "rau quả"; "lượng khách quốc tế đến Việt Nam", "kim ngạch xuất khẩu hàng hóa và dịch vụ" and "kim ngạch
    thương mại giữa hai nước" -> "".
    """
    first = _HEAD.search(phrase)
    start = first.end() if first else 0
    stop = _PRODUCT_END.search(phrase, start)
    end = stop.start() if stop else len(phrase)
    covered = [(m.start(), m.end()) for m in _HEAD.finditer(phrase, 0, end, overlapped=True)]
    words = [(m.group().lower(), m.start()) for m in regex.finditer(r"\S+", _ALL_GOODS.sub(" ", phrase[:end]))]
    kept = " ".join(w for w, at in words if w not in _FILLERS and not any(s <= at < e for s, e in covered))
    return regex.sub(r"^(?:và )+|(?: và)+$|^và$", "", kept)  # a link left by words taken out ("… và dịch vụ")


# A figure that is the base of a comparison ("cao hơn nhiều so với mức tăng trưởng 2,93%", "gấp đôi so với 1,2
# tỷ USD"): its sentence's period and modality are the other figure's, so it is never grouped.
_BASE_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{COMPARISON})(?:[ \t]+\p{{L}}+){{0,4}}[ \t]+$", regex.I)


def is_comparison_base(sentence: str, figure: str) -> bool:
    """Whether ``figure`` (as written, a whole number: not "3 tỷ" of "13 tỷ") is the base of a comparison."""
    at = next((m.start() for m in regex.finditer(rf"(?<![\d.,]){regex.escape(figure)}", sentence)), -1)
    return at > 0 and _BASE_BEFORE.search(sentence, max(0, at - 40), at) is not None
