"""Word tables of the Vietnamese quantity grammar: numerals, scales, units, nouns.

Tables only (the currencies and the physical units come from CLDR through Babel, plus what CLDR lacks, each entry
saying why); the reader (``factlint.vi.reader`` and the grammar modules beside it) compiles them into patterns.
"""

from __future__ import annotations

import datetime

from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies
from babel.units import get_unit_name

# Digit words. "mốt", "tư", "lăm"/"nhăm" are the forms used after "mươi".
DIGIT_WORDS: dict[str, int] = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}
# Multipliers, written in words or abbreviated after digits.
SCALE_WORDS: dict[str, float] = {
    "mươi": 10, "chục": 10, "trăm": 100, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4,
    "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
}
# Abbreviated scales accepted only right after digits ("5tr", "500k", "$2bn").
SCALE_ABBREV: dict[str, float] = {"tr": 1e6, "k": 1e3, "bn": 1e9, "ty": 1e9}
# "K" for a thousand only beside a dollar sign ("5K$", "$5K"): alone it is a resolution or a race ("4K", "chạy 5K").
DOLLAR_THOUSAND = "K"
FILLER_WORDS = frozenset({"linh", "lẻ"})
HALF_WORD = "rưỡi"

ORDINAL_WORDS: dict[str, int] = {
    "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}
# Ranks without "thứ" (README, "Claim rules"). A rank-1 claim places one party first among others: a superlative
# of a size adjective after a party noun ("nhà đầu tư lớn nhất"), "số 1"/"số một" after a party noun or a ranking
# verb, "dẫn đầu", "đứng đầu", "hàng đầu", a title ("quán quân"). A rank word after an adjective keeps it: "lớn thứ
# hai", "lớn nhì".
RANK_ADJECTIVES = ("lớn", "nhiều", "đông", "đông dân", "cao", "thấp", "mạnh", "nhỏ", "nhanh")
SUPERLATIVES: dict[str, int] = {"nhất": 1, "nhì": 2}
RANK_TITLES: dict[str, int] = {"quán quân": 1, "á quân": 2}
# Heads of the noun phrases that name a party ranked among others ("đối tác thương mại lớn nhất"); a superlative
# after any other head ("cơn bão lớn nhất", "mức cao nhất", "khó khăn lớn nhất") is a record or a judgement.
RANKED_PARTIES = (
    "đối tác", "bạn hàng", "nhà đầu tư", "chủ đầu tư", "nhà tài trợ", "nhà cung cấp", "nhà cung ứng",
    "nhà xuất khẩu", "nhà nhập khẩu", "nhà sản xuất", "nhà bán lẻ", "nhà mạng", "thị trường", "quốc gia", "nước",
    "nền kinh tế", "vùng lãnh thổ", "địa phương", "tỉnh", "thành phố", "doanh nghiệp", "công ty", "tập đoàn",
    "ngân hàng", "hãng", "thương hiệu", "khách hàng", "cổ đông", "chủ nợ", "điểm đến", "nguồn cung",
)
# Words before "số 1" that rank ("đứng số 1", "là số một"), where no party noun is needed.
RANK_VERBS = ("là", "đứng", "xếp", "hạng", "vị trí", "ngôi", "ngôi vị")
# Words that make a rank one of several: "một trong những … lớn nhất", "các nước dẫn đầu", "top 10".
SEVERAL_WORDS = ("những", "các", "top", "vài", "mấy", "nhóm")
SEVERAL_PHRASES = ("một trong", "một số", "số ít", "nằm trong", "lọt vào")
# Numbers words that count several ("hai nền kinh tế lớn nhất"); not "năm" (also "year") nor "tư" (in "đầu tư").
SEVERAL_NUMBERS = ("hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi", "chục", "trăm")
# After "đứng đầu", a body it heads ("đứng đầu Bộ Tài chính"); after "dẫn đầu", a group it leads ("dẫn đầu đoàn";
# "dẫn đầu bởi Mỹ", led by, too).
HEADED_BODIES = ("bộ", "chính phủ", "nhà nước", "đảng", "cơ quan", "tổ chức", "đơn vị", "chính quyền", "ủy ban",
                 "uỷ ban", "ban", "ngành", "sở", "viện", "hội")
LED_GROUPS = ("đoàn", "phái đoàn", "đội", "nhóm", "cuộc", "đợt", "chuyến", "lực lượng", "quân", "liên quân",
              "xu hướng", "trào lưu")
ROMAN: dict[str, int] = {"I": 1, "II": 2, "III": 3, "IV": 4}

# Currencies: surface form -> ISO 4217, matched case-sensitively. CLDR (through Babel) gives the Vietnamese name
# and symbol of every currency in use, and its ISO code; :data:`CURRENCIES_NOT_IN_CLDR` adds what news writes and
# CLDR lacks. ``CURRENCIES`` is the two together.
_CLDR_TENDER_ON = datetime.date(2025, 1, 1)  # a fixed day, so that the table does not move with the day of the run
# ISO codes that are also words written in capitals ("TOP 10", "ALL", "SOS", "AMD", "PHP"): read by name only.
CODES_NOT_READ = frozenset({"ALL", "AMD", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "PHP", "SOS", "TOP",
                            "TRY"})


def _cldr_tender() -> tuple[Locale, list[str]]:
    """CLDR's Vietnamese locale and the ISO codes of the currencies legal tender somewhere that it names."""
    vi = Locale("vi")
    tender = {code for territory in get_global("territory_currencies")
              for code in get_territory_currencies(territory, _CLDR_TENDER_ON, tender=True)}
    return vi, sorted(tender & set(vi.currencies))


def cldr_symbols() -> dict[str, str]:
    """Symbol -> ISO code of the currencies in use whose CLDR symbol is not their code ("US$", "HK$", "₩")."""
    vi, codes = _cldr_tender()
    symbols = {code: vi.currency_symbols.get(code, code).replace("\u202f", " ") for code in codes}
    return {symbol: code for code, symbol in symbols.items() if symbol != code}


def cldr_currencies() -> dict[str, str]:
    """Surface forms -> ISO code of the currencies legal tender somewhere, from CLDR's Vietnamese locale.

    Each currency gives its display name as CLDR writes it ("Đô la Mỹ", "Bảng Anh") and with a lower-case first
    letter, as running text writes it ("đô la Mỹ", "bảng Anh"); its symbol ("US$", "HK$", "₩"); and its ISO code
    (except :data:`CODES_NOT_READ`).
    """
    vi, codes = _cldr_tender()
    out: dict[str, str] = {}
    for code in codes:
        name = vi.currencies[code]
        out[name] = out[name[:1].lower() + name[1:]] = code
        if code not in CODES_NOT_READ:
            out[code] = code
    return {**out, **cldr_symbols()}


# What CLDR lacks, each with why: bare names without the country, which news writes once the currency is known
# ("50 triệu yên"); spellings and romanisations; Vietnamese abbreviations; everyday country names.
CURRENCIES_NOT_IN_CLDR: dict[str, str] = {
    "US $": "USD",  # CLDR's "US$" written with a space
    "$": "USD",  # CLDR's vi symbol is "US$"; Vietnamese news writes a bare "$" for the US dollar
    "đô-la Mỹ": "USD", "đô la": "USD", "đôla": "USD",  # hyphenated, glued, bare "đô la"
    "đô": "USD", "dollar": "USD",  # colloquial "đô"; the English word
    "yên": "JPY", "Yên": "JPY", "yen": "JPY", "Yen": "JPY", "YEN": "JPY", "YÊN": "JPY",  # bare; romanised; capitals
    "đồng": "VND", "Đồng": "VND", "đ": "VND",  # bare "đồng" and its sign "đ" (CLDR has "Đồng Việt Nam", "₫")
    "VNĐ": "VND", "vnđ": "VND", "vnd": "VND",  # the code with Vietnamese "Đ"; lower-case
    "NDT": "CNY", "NDT.": "CNY", "tệ": "CNY",  # Vietnamese abbreviation of "nhân dân tệ"; colloquial "tệ"
    "won": "KRW", "Won": "KRW",  # bare (CLDR: "Won Hàn Quốc")
    "baht": "THB", "bạt": "THB",  # bare, romanised and Vietnamese (CLDR: "Bạt Thái Lan")
    "rupee": "INR", "rúp": "RUB", "ruble": "RUB",  # bare (CLDR: "Rupee Ấn Độ", "Rúp Nga")
    "đô la Úc": "AUD",  # "Úc", the everyday name of Australia (CLDR: "Đô la Australia")
    "franc": "CHF",  # bare: the franc in Vietnamese news is the Swiss one
    "ơ rô": "EUR", "ơ-rô": "EUR",  # "euro" as said (CLDR: "Euro")
    "usd": "USD", "Usd": "USD", "Vnđ": "VND", "Vnd": "VND",  # codes in lower or title case, as some news writes them
}
# Sub-units (CLDR names none): surface form -> (ISO code, its part of the unit). "xu" and "hào" are the đồng's hundredth
# and tenth (still said of small sums); "cent" and "xu Mỹ" the US dollar's hundredth.
CURRENCY_SUBUNITS: dict[str, tuple[str, float]] = {
    "xu": ("VND", 0.01), "hào": ("VND", 0.1), "cent": ("USD", 0.01), "xu Mỹ": ("USD", 0.01), "cent Mỹ": ("USD", 0.01),
}
CURRENCIES: dict[str, str] = {**cldr_currencies(), **CURRENCIES_NOT_IN_CLDR}
# Written before the digits ("$5", "US$ 5", "HK$ 2"): CLDR's symbols with a sign in them, the bare "$" and "USD".
PREFIX_CURRENCIES: dict[str, str] = {
    **{s: c for s, c in cldr_symbols().items() if not s.replace(" ", "").isalpha()}, "$": "USD", "USD": "USD",
}

PERCENT: dict[str, str] = {"%": "%", "phần trăm": "%", "điểm phần trăm": "pp", "điểm %": "pp"}

# Physical units: surface form -> the symbol the claims table uses. CLDR (through Babel) gives the Vietnamese name
# and the symbol of each unit of :data:`CLDR_UNITS` ("kilômét", "héc-ta", "mililít", "kilôoát giờ"; "km", "ha",
# "mL"); :data:`PHYSICAL_NOT_IN_CLDR` adds what news writes and CLDR lacks. ``PHYSICAL`` is the two together. A
# name is read in any capitalisation ("Tấn", "TẤN"); a symbol as written, or as :data:`UNIT_SYMBOL_CASES` allows.
CLDR_UNITS: dict[str, str] = {
    "length-kilometer": "km", "length-meter": "m", "length-centimeter": "cm", "length-millimeter": "mm",
    "length-nautical-mile": "nmi", "area-hectare": "ha", "area-square-kilometer": "km2", "area-square-meter": "m2",
    "mass-kilogram": "kg", "mass-gram": "g", "mass-milligram": "mg", "mass-ounce": "oz",
    "volume-liter": "l", "volume-milliliter": "ml", "volume-cubic-meter": "m3", "volume-barrel": "barrel",
    "power-watt": "W", "power-kilowatt": "kW", "power-megawatt": "MW", "power-gigawatt": "GW",
    "energy-kilowatt-hour": "kWh", "speed-kilometer-per-hour": "km/h",
    "temperature-celsius": "°C", "temperature-fahrenheit": "°F", "temperature-generic": "degree",
    "digital-megabyte": "MB", "digital-gigabyte": "GB", "digital-terabyte": "TB",
}


def cldr_units() -> dict[str, str]:
    """Surface form -> symbol of the units of :data:`CLDR_UNITS`: CLDR's Vietnamese name and its symbol."""
    out: dict[str, str] = {}
    for uid, symbol in CLDR_UNITS.items():
        for length in ("long", "short"):
            form = get_unit_name(uid, length=length, locale="vi")
            if form:
                out[form.replace("\u202f", " ")] = symbol
    return out


# What CLDR lacks, each with why.
PHYSICAL_NOT_IN_CLDR: dict[str, str] = {
    # "tấn" is CLDR's US short ton; in Vietnamese it is the metric tonne (CLDR: "tấn hệ mét"); "tạ" is 100 kg
    "tấn": "t", "tạ": "quintal",
    # spellings news uses beside CLDR's ("kilôgam", "héc-ta", "kilômét"), and the English words
    "ki-lô-gam": "kg", "kilogam": "kg", "gram": "g", "hecta": "ha", "héc ta": "ha", "hécta": "ha",
    "ki-lô-mét": "km", "kilomet": "km", "ounce": "oz",
    # symbols in plain ASCII or another case than CLDR's ("m2" for "m²", "ml" for "mL", "KW" for "kW")
    "km2": "km2", "m2": "m2", "m3": "m3", "ml": "ml", "KW": "kW", "KWh": "kWh",
    # units CLDR has no Vietnamese name for
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "TEU": "TEU",
    # colloquial: "cây số" (km), "ký"/"kí" (south) and "cân" (north) for a kilogram, "lạng" (100 g), "độ xê" (°C)
    "cây số": "km", "ký": "kg", "kí": "kg", "cân": "kg", "lạng": "hg", "độ xê": "°C",
}
# Units said syllable by syllable, as speech and some news write a loan word ("ki lô mét", "mi-li-lít"); CLDR writes
# them as one word ("kilômét"). Each is read with spaces or hyphens between the syllables.
TRANSLITERATED_UNITS: dict[tuple[str, ...], str] = {
    ("ki", "lô", "mét"): "km", ("ki", "lô", "mét", "vuông"): "km2", ("ki", "lô", "gam"): "kg", ("ki", "lô"): "kg",
    ("mi", "li", "mét"): "mm", ("xen", "ti", "mét"): "cm", ("mi", "li", "lít"): "ml", ("mi", "li", "gam"): "mg",
    ("ki", "lô", "oát"): "kW", ("ki", "lô", "oát", "giờ"): "kWh", ("mê", "ga", "oát"): "MW", ("gi", "ga", "oát"): "GW",
    ("héc", "ta"): "ha",
}
# Words that make a unit word part of another word after a figure: "năm ký kết" (the year of signing), "ba cân
# bằng" (three balances), "hai đô thị" (two cities), "ba xu hướng" (three trends).
NOT_UNIT_BEFORE: dict[str, tuple[str, ...]] = {
    "ký": ("kết", "hợp", "tên", "duyệt", "sự", "giả", "ức", "túc", "hiệu", "gửi", "nhận", "thác", "cam", "sinh"),
    "kí": ("kết", "hợp", "tên", "duyệt", "sự", "giả", "ức", "túc", "hiệu", "gửi", "nhận", "thác", "cam", "sinh"),
    "cân": ("nhắc", "bằng", "đối", "đo", "điện", "nặng", "sức", "xứng", "đồng hồ"),
    "lạng": ("lách", "Sơn"),
    "đô": ("thị", "đốc", "vật", "hộ", "thành", "trưởng", "con"),
    "xu": ("hướng", "thế", "nịnh", "chiêng"),
    "hào": ("hứng", "phóng", "quang", "hoa", "kiệt", "khí", "nhoáng", "lũy", "luỹ", "sảng"),
}
# Symbols that are read in other cases too, where that is unambiguous ("20 KG", "10 Km"); not "G" ("5G" is a network),
# "M" (mega or million), "ML" (CLDR's megalitre).
UNIT_SYMBOL_CASES: dict[str, str] = {"KG": "kg", "Kg": "kg", "KM": "km", "Km": "km", "MM": "mm", "CM": "cm"}
# Unit names read only as written, never capitalised: they also begin capitalised words ("Độ thoáng gầm", "Ký túc
# xá", "Đô thị", "Xu hướng", "Hào quang").
UNITS_AS_WRITTEN = frozenset({"độ", "ký", "kí", "cân", "lạng", "đô", "xu", "hào"})


def physical_units() -> dict[str, str]:
    """Every physical unit form read: CLDR's, the hand table's, the transliterations with spaces or hyphens."""
    out = {**cldr_units(), **PHYSICAL_NOT_IN_CLDR, **UNIT_SYMBOL_CASES}
    for syllables, symbol in TRANSLITERATED_UNITS.items():
        out[" ".join(syllables)] = out["-".join(syllables)] = symbol
    return out


PHYSICAL: dict[str, str] = physical_units()

# Time units: after a number they make a duration ("4 ngày", "50 năm").
DURATIONS: dict[str, str] = {
    "thế kỷ": "century", "thập kỷ": "decade", "thập niên": "decade", "năm": "year", "tháng": "month",
    "tuần": "week", "ngày": "day", "giờ": "hour", "tiếng": "hour", "phút": "minute", "giây": "second",
    "quý": "quarter",
}

# Counted nouns -> normalised unit. Multi-syllable nouns first so that the longest wins.
NOUNS: dict[str, str] = {
    "người": "person", "nhân khẩu": "person", "công dân": "person", "người dân": "person",
    "lao động": "worker", "người lao động": "worker", "công nhân": "worker",
    # news abbreviations ("30.000 LĐ", "800 NLĐ", "271 DN"): no dictionary has them
    "lđ": "worker", "nlđ": "worker", "dn": "enterprise", "LĐ": "worker", "NLĐ": "worker", "DN": "enterprise",
    "tu nghiệp sinh": "trainee", "thực tập sinh": "trainee", "du học sinh": "student",
    "sinh viên": "student", "học sinh": "pupil", "học viên": "student", "bệnh nhân": "patient",
    "ca": "case", "ca mắc": "case", "ca nhiễm": "case", "trường hợp": "case", "nạn nhân": "victim",
    "doanh nghiệp": "enterprise", "công ty": "company", "tập đoàn": "group", "nhà đầu tư": "investor",
    "dự án": "project", "hoạt động": "activity", "văn kiện": "document", "văn bản": "document",
    "thỏa thuận": "agreement", "thoả thuận": "agreement", "hiệp định": "agreement",
    "công hàm": "diplomatic_note", "giấy chứng nhận": "certificate", "bản ghi nhớ": "memorandum",
    "tỉnh": "province", "thành phố": "city", "địa phương": "locality", "quốc gia": "country",
    "nước": "country", "đoàn": "delegation", "cặp": "pair", "đối tác": "partner",
    "tọa đàm": "seminar", "toạ đàm": "seminar", "hội nghị": "conference", "diễn đàn": "forum",
    "cuộc": "event", "lượt": "visit", "lượt khách": "visitor", "khách": "visitor",
    "chương trình": "programme", "lĩnh vực": "field", "bài học": "lesson", "phương hướng": "direction",
    "hộ": "household", "hộ dân": "household", "căn hộ": "apartment", "xã": "commune", "huyện": "district",
    "chiếc": "item", "con": "head", "cây": "tree", "máy": "machine", "xe": "vehicle",
    "vụ": "case", "thành viên": "member", "đại biểu": "delegate",
    "trường": "school", "bệnh viện": "hospital", "nhà máy": "factory", "tuyến": "line",
    "kết nối": "connection", "khối": "block", "sản phẩm": "product", "mặt hàng": "product",
}

# Words before a bare scale that keep it from counting one: "phần trăm" (percent), "nhiều tỷ đồng" (many billions),
# "đơn vị tỷ đồng" (the unit), "dự án nghìn tỷ" (a size class), "tiền triệu" (idiom), "tỷ tỷ" (elder sister).
NOT_BARE_SCALE_AFTER = frozenset(("phần", "nhiều", "đơn vị", "dự án", "tiền", "tỷ", "tỉ", "triệu", "nghìn", "ngàn"))
# Words for a lunar date: "rằm tháng bảy" (the full moon of the seventh lunar month), "tháng ba âm lịch".
LUNAR_BEFORE = frozenset(("rằm",))
LUNAR_AFTER = ("âm lịch", "âm")
# Words before "không" (zero) and "một" (one) that make them a count of the noun after, not "not" and "a":
# "ghi nhận không ca mắc mới", "chỉ có một dự án"; "không" also counts with "nào" after the noun ("không doanh
# nghiệp nào"). Anywhere else "một" is the article ("một doanh nghiệp cho biết", "là một đối tác").
ZERO_BEFORE = frozenset(("ghi nhận", "ghi nhận thêm", "thêm"))
ONE_BEFORE = frozenset(("chỉ", "chỉ có", "chỉ còn", "thêm", "ghi nhận", "ghi nhận thêm", "duy nhất", "đúng",
                        "có đúng", "mới có"))  # not a bare "còn": "còn một người …" is "while one …"
# Classifiers that head compound nouns ("một con đường" a road, "chiếc xe", "cây bút", "cuộc sống"): after "không" and
# "một" they count nothing.
CLASSIFIERS = ("con", "cây", "chiếc", "cuộc", "khối", "máy", "xe")
# After "một người", a word that makes "người" part of a relation ("một người bạn"), not a count of persons.
PERSON_RELATIONS = ("bạn", "thân", "quen", "yêu", "nhà", "con", "anh", "chị", "em", "cha", "mẹ", "vợ", "chồng")
PEOPLE = tuple(k for k, v in NOUNS.items() if v in {"person", "worker", "trainee", "student", "pupil", "patient"})
# Nouns before "thứ N" that number an event, not a rank ("lần thứ 9", "khóa thứ 15").
ORDINAL_EVENTS = ("lần", "khóa", "khoá", "kỳ", "phiên", "đợt", "vòng", "mùa", "nhiệm kỳ", "lượt")
# Words before a number that make it part of a name or identifier, not a claim.
NAME_PREFIXES = (
    "quận", "phường", "công viên", "đường", "phố", "ngõ", "hẻm", "ngách", "khu", "tòa", "toà",
    "tầng", "phòng", "tuyến", "mã", "điều", "khoản", "nghị định", "thông tư", "quyết định", "chỉ thị",
    "luật", "cầu", "bến", "lô", "quốc lộ", "tỉnh lộ", "ql", "km", "cơ sở", "khóa", "khoá", "lớp",
    "đội", "tổ", "ấp", "thôn", "xóm", "kênh", "sư đoàn", "trung đoàn", "tiểu đoàn", "lữ đoàn",
    "nhà máy", "tổ máy", "cổng", "ga", "nhà ga", "sân", "lần thứ", "bảng", "mẫu", "phiên bản",
    "chương", "mục", "trang", "hình", "bảng số", "biển số", "cửa", "lối",
)
# "số N" is a name ("tuyến số 1") unless "số" ends one of these words ("dân số", "tổng số").
NOT_NAME_BEFORE_SO = ("dân", "tổng", "con", "chỉ", "hệ", "đa", "thiểu", "phần", "những", "một", "các", "với")
# Words after which a following "thứ N" is a weekday.
WEEKDAY_CONTEXT_BEFORE = ("vào", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "ngày", "từ", "đến", "các", "mỗi")

# Known words that sit after numbers and merely look like misspelt scale words.
NOT_MISSPELT = frozenset({"ngày", "ngàn", "tỉnh", "trăm", "tháng", "tấn", "trận", "triều", "chúc", "chuc"})
