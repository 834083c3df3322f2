"""Word tables of the Vietnamese quantity grammar: numerals, scales, units, nouns.

Tables only; the reader (``factlint.vi.reader``) compiles them into patterns.
"""

from __future__ import annotations

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
FILLER_WORDS = frozenset({"linh", "lẻ"})
HALF_WORD = "rưỡi"

ORDINAL_WORDS: dict[str, int] = {
    "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}
ROMAN: dict[str, int] = {"I": 1, "II": 2, "III": 3, "IV": 4}

# Currencies: surface form -> ISO 4217. Matched case-sensitively except where listed lower-case.
CURRENCIES: dict[str, str] = {
    "USD": "USD", "US$": "USD", "US $": "USD", "$": "USD", "đô la Mỹ": "USD", "đô-la Mỹ": "USD",
    "đô la": "USD", "đôla": "USD", "Đô la Mỹ": "USD", "đô": "USD", "dollar": "USD",
    "yên Nhật": "JPY", "Yên Nhật": "JPY", "yên": "JPY", "Yên": "JPY", "JPY": "JPY", "yen": "JPY", "Yen": "JPY",
    "¥": "JPY",
    "đồng": "VND", "VND": "VND", "VNĐ": "VND", "vnđ": "VND", "vnd": "VND", "Đồng": "VND", "đ": "VND",
    "euro": "EUR", "Euro": "EUR", "EUR": "EUR", "€": "EUR",
    "nhân dân tệ": "CNY", "Nhân dân tệ": "CNY", "NDT": "CNY", "NDT.": "CNY", "CNY": "CNY", "tệ": "CNY",
    "won": "KRW", "Won": "KRW", "KRW": "KRW",
    "bảng Anh": "GBP", "GBP": "GBP", "£": "GBP", "baht": "THB", "bạt": "THB", "THB": "THB",
    "rupee": "INR", "rúp": "RUB", "ruble": "RUB", "SGD": "SGD", "đô la Singapore": "SGD",
    "AUD": "AUD", "đô la Úc": "AUD", "CAD": "CAD", "CHF": "CHF", "franc": "CHF",
}
PREFIX_CURRENCIES: dict[str, str] = {"US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

PERCENT: dict[str, str] = {"%": "%", "phần trăm": "%", "điểm phần trăm": "pp", "điểm %": "pp"}

# Physical units -> normalised symbol.
PHYSICAL: dict[str, str] = {
    "tấn": "t", "tạ": "quintal", "kg": "kg", "ki-lô-gam": "kg", "kilogam": "kg", "gram": "g", "gam": "g",
    "g": "g", "mg": "mg", "ha": "ha", "hecta": "ha", "héc-ta": "ha", "héc ta": "ha", "km²": "km2",
    "km2": "km2", "km": "km", "ki-lô-mét": "km", "cây số": "km", "m²": "m2", "m2": "m2", "m³": "m3",
    "m3": "m3", "mét vuông": "m2", "mét khối": "m3", "mét": "m", "m": "m", "cm": "cm", "mm": "mm",
    "MW": "MW", "GW": "GW", "kW": "kW", "KW": "kW", "kWh": "kWh", "KWh": "kWh", "MWh": "MWh",
    "GWh": "GWh", "TWh": "TWh", "lít": "l", "l": "l", "ml": "ml", "thùng": "barrel", "TEU": "TEU",
    "MB": "MB", "GB": "GB", "TB": "TB", "độ C": "°C", "°C": "°C", "độ": "degree",
}

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
