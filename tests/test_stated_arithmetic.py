"""Arithmetic an article states about itself (FL204–FL208) and headline restatements (FL106).

Sentences go through the whole reader and attribution; the interval edges use hand-built claims whose
intervals are exact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factlint.checks import CODES, CheckConfig
from factlint.checks.arithmetic import check_arithmetic, check_changes, check_shares, check_stated_parts
from factlint.checks.restatement import check_restatements
from factlint.corpus import load_article
from factlint.extract import extract_article
from factlint.suite import run
from factlint.table import to_frame
from helpers import claim, table

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "arithmetic"
EXACT = CheckConfig(arithmetic_tolerance=0.0)
NEW = ("FL106", "FL204", "FL205", "FL206", "FL207", "FL208")


def read(tmp_path: Path, body: str, published: str | None = "2023-12-20") -> object:
    """The claims table of one article; ``published=None`` writes it without front matter (line 1: headline)."""
    path = tmp_path / "a1.md"
    front = f"---\nid: a1\noutlet: Báo\npublished: {published}\ntitle: Tin\n---\n" if published else ""
    path.write_text(front + body + "\n", encoding="utf-8")
    return to_frame(extract_article(load_article(path)))


DEFAULT = CheckConfig()


def found(df: object, cfg: CheckConfig = DEFAULT) -> list[tuple[str, str]]:
    return [(f.code, f.locations[0].text) for f in check_restatements(df, cfg) + check_arithmetic(df, cfg)]


# ---------------------------------------------------------------------------------------------- whole sentences


@pytest.mark.parametrize(("body", "expected"), [
    # parts: more than the total; exports and imports short of a trade total; consistent lists
    ("Năm 2022, tổng kim ngạch thương mại hai nước đạt 50 tỷ USD, trong đó xuất khẩu đạt 24,2 tỷ USD và nhập khẩu "
     "đạt 33,4 tỷ USD.", [("FL204", "50 tỷ USD")]),
    ("Năm 2021, kim ngạch thương mại hai nước đạt 40 tỷ USD, trong đó xuất khẩu đạt 20 tỷ USD và nhập khẩu đạt "
     "10 tỷ USD.", [("FL204", "40 tỷ USD")]),
    ("Thành phố đang có 142 tuyến xe buýt, trong đó có 107 tuyến xe buýt có trợ giá và 35 tuyến xe buýt không "
     "trợ giá.", []),
    ("Toàn hệ thống đã thực hiện 829 cuộc kiểm tra (bao gồm 721 cuộc theo kế hoạch và 108 cuộc đột xuất) tại 870 "
     "đơn vị.", []),
    # a breakdown of a part in brackets is not a list of parts
    ("Việt Nam thêm 4 ca mắc mới, trong đó có 3 ca ghi nhận trong nước tại Hà Nội (1), Hưng Yên (2) và 1 ca được "
     "cách ly ngay sau khi nhập cảnh.", []),
    # others after the parts, a list that ends where it reaches its total, categories that overlap
    ("Vụ tấn công làm ít nhất 22 người thiệt mạng, trong đó có cả trẻ em, và 59 người khác bị thương.", []),
    ("Năm 2016, tỉnh chế biến sâu được 28.000 tấn, trong đó có 23.000 tấn cà phê bột, 5.000 tấn cà phê hòa tan và "
     "đã xuất khẩu 4.520 tấn cà phê hòa tan.", []),
    ("Thành phố cấp phép cho 25 dự án, trong đó có 18 dự án về du lịch, 11 dự án có xây dựng cơ sở lưu trú.", []),
    ("Mỗi ngày có hơn 30.000 lượt xe ra vào sân bay, trong đó có 22.000 lượt ôtô và khoảng 7.000 lượt xe máy, chưa "
     "kể lượng xe của hơn 10.000 nhân viên.", []),
    # a sum written out: against the total after "=", or the total before its part cue
    ("Đoàn có 21 người, gồm 7 + 12 người của hai tỉnh.", [("FL204", "21 người")]),
    ("Đoàn có 19 người, gồm 7 + 12 người của hai tỉnh.", []),
    ("Đoàn gồm 7 + 12 = 21 người.", [("FL204", "21 người")]),
    ("Đoàn gồm 7 + 12 = 19 người.", []),
    ("Đội bóng thắng 2 + 1 trận và thua 21 trận.", []),  # no total for the sum
    # shares: of a whole stated just before; a sibling share is not the whole
    ("Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD. Trong đó vốn FDI vào bất động sản đạt 3 tỷ USD, chiếm 25% tổng vốn "
     "FDI.", [("FL205", "25%")]),
    ("Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD. Trong đó vốn FDI vào bất động sản đạt 3 tỷ USD, chiếm 15% tổng vốn "
     "FDI.", []),
    ("Năm 2017, vốn đầu tư vào bất động sản đạt 52,68 tỷ USD (chiếm 17,4% tổng vốn đầu tư), vốn đầu tư vào điện "
     "đạt 12,92 tỷ USD (chiếm 4,26% tổng vốn đầu tư).", []),
    # the whole named after the share is qualified ("số DN FDI đang hoạt động"): a whole without the qualifier
    # (all enterprises fined) is not it; one that names it is
    ("Cục Thuế đã xử phạt gần 7.500 DN vi phạm. Tổng cục Thuế rà soát 5.531 DN FDI, chiếm khoảng gần 60% số DN FDI "
     "đang hoạt động.", []),
    ("Cả nước có 10.000 DN FDI đang hoạt động. Tổng cục Thuế rà soát 5.531 DN FDI, chiếm khoảng 80% số DN FDI "
     "đang hoạt động.", [("FL205", "khoảng 80%")]),
    # the named whole ends before a link or a verb, and "cả nước" qualifies no whole
    ("Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD. Trong đó vốn FDI vào bất động sản đạt 3 tỷ USD, chiếm 25% tổng vốn "
     "FDI và tăng mạnh so với năm trước.", [("FL205", "25%")]),
    ("Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD. Trong đó vốn FDI vào bất động sản đạt 3 tỷ USD, chiếm 25% tổng vốn "
     "FDI cả nước.", [("FL205", "25%")]),
    ("Ba thị trường này lần lượt chiếm 45%, 35% và 30% tổng vốn.", [("FL206", "45%")]),
    ("Ba thị trường này lần lượt chiếm 45%, 35% và 20% tổng vốn.", []),
    # two wholes: 99% of firms, 70% of an industry
    ("Các doanh nghiệp nhỏ chiếm khoảng 99% và chiếm tới 70% ngành công nghiệp phụ trợ.", []),
    # changes: from-to, versus, a fall; a change of another figure; points
    ("Doanh thu tăng 50% từ mức 2,4 tỷ đồng năm 2015 lên mức 4,8 tỷ đồng năm 2016.", [("FL207", "50%")]),
    ("Doanh thu tăng 100% từ mức 2,4 tỷ đồng năm 2015 lên mức 4,8 tỷ đồng năm 2016.", []),
    ("Năm 2023, kim ngạch xuất khẩu đạt 3,6 tỷ USD, tăng 20% so với 2,4 tỷ USD của năm 2022.", [("FL207", "20%")]),
    ("Năm 2023, kim ngạch xuất khẩu đạt 3,6 tỷ USD, giảm 10% so với 4,5 tỷ USD của năm 2022.", [("FL207", "10%")]),
    ("Năm 2023, kim ngạch xuất khẩu đạt 3,6 tỷ USD, giảm 20% so với 4,5 tỷ USD của năm 2022.", []),
    ("Doanh thu tài chính giảm 66,7%, còn 1 tỷ đồng trong khi chi phí tài chính tăng vọt từ mức gần 1 tỷ đồng lên "
     "31,3 tỷ đồng.", []),
    ("Tỷ lệ hộ nghèo giảm 2 điểm phần trăm, từ 12,4 tỷ đồng xuống 11,2 tỷ đồng.", []),
    # a fall between figures that rose an order of magnitude pairs two quantities; a large stated rise still counts
    ("Năm 2018, lợi nhuận giảm 6,7%, từ hơn 68 tỷ đồng lên 2.899,6 tỷ đồng.", []),
    ("Doanh thu tăng 500% từ mức 100 tỷ đồng năm 2015 lên mức 1.000 tỷ đồng năm 2016.", [("FL207", "500%")]),
    ("Doanh thu tăng 900% từ mức 100 tỷ đồng năm 2015 lên mức 1.000 tỷ đồng năm 2016.", []),
    # "1.039 triệu tấn" written with an English decimal point (1,039 million): the reading that fits decides
    ("Năm 2018, sản lượng đạt 1.319.761 tấn, tăng 26,9% so với 1.039 triệu tấn của năm 2017.", []),
    ("Năm 2018, sản lượng đạt 1.319.761 tấn, tăng 60% so với 1.039 triệu tấn của năm 2017.", [("FL207", "60%")]),
    # a change against the same period a year back, the earlier figure stated in the paragraph with its year
    ("Năm 2018, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 18,8 tỷ USD. Năm 2019, kim ngạch xuất khẩu của "
     "Việt Nam sang Nhật Bản đạt 20,4 tỷ USD, tăng 12,5% so với cùng kỳ năm trước.", [("FL207", "12,5%")]),
    ("Năm 2018, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 18,8 tỷ USD. Năm 2019, kim ngạch xuất khẩu của "
     "Việt Nam sang Nhật Bản đạt 20,4 tỷ USD, tăng 8,5% so với cùng kỳ năm trước.", []),
    ("Năm 2018, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 18,8 tỷ USD. Năm 2019, kim ngạch xuất khẩu của "
     "Việt Nam sang Nhật Bản đạt 20,4 tỷ USD, tăng 12,5% so với năm 2018.", [("FL207", "12,5%")]),
    ("Năm 2018, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 18,8 tỷ USD. Năm 2019, kim ngạch xuất khẩu của "
     "Việt Nam sang Nhật Bản đạt 20,4 tỷ USD, tăng 12,5% so với năm 2017.", []),  # another span
    ("Năm 2018, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 18,8 tỷ USD.\n\nNăm 2019, kim ngạch xuất khẩu "
     "của Việt Nam sang Nhật Bản đạt 20,4 tỷ USD, tăng 12,5% so với cùng kỳ năm trước.", []),  # another paragraph
    # a share after a change amount is the total's share
    ("Kim ngạch nhập khẩu của khối này đạt 43,99 tỷ USD, tăng 28%, tương ứng tăng 9,62 tỷ USD, chiếm 60,5% tổng "
     "kim ngạch nhập khẩu của cả nước.", []),
    # ratios: "gấp N lần" reads N with a bare figure's rounding; "tăng gấp N lần" is ×N or ×(N+1)
    ("Năm 2023, số du học sinh đạt 1,6 triệu người, gấp 5 lần so với 180.000 người của năm 2013.",
     [("FL208", "1,6 triệu người")]),
    ("Năm 2023, số du học sinh đạt 1,6 triệu người, cao gấp 9 lần so với con số 180.000 người của năm 2013.", []),
    ("Số lao động đạt 1,28 triệu người, gấp đôi so với 680.000 người năm 2012.", []),
    ("Số lao động đạt 2,04 triệu người, gấp đôi so với 680.000 người năm 2012.", [("FL208", "2,04 triệu người")]),
    ("Doanh thu tăng gấp 3 lần, từ 1,2 tỷ đồng lên 4,5 tỷ đồng.", []),
])
def test_stated_arithmetic_in_a_sentence(tmp_path, body, expected):
    assert found(read(tmp_path, body)) == expected


HEADLINE_BODY = ("Năm 2023, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 9,6 tỷ USD.\n\n"
                 "Hai bên cũng thảo luận về hợp tác lao động.")


@pytest.mark.parametrize(("headline", "expected"), [
    ("Xuất khẩu của Việt Nam sang Nhật Bản năm 2023 đạt gần 10 tỷ USD", []),
    ("Xuất khẩu của Việt Nam sang Nhật Bản năm 2023 đạt 9,6 tỷ USD", []),
    ("Xuất khẩu của Việt Nam sang Nhật Bản năm 2023 đạt trên 15 tỷ USD", [("FL106", "trên 15 tỷ USD")]),
    ("Xuất khẩu của Việt Nam sang Nhật Bản năm 2022 đạt trên 15 tỷ USD", []),  # another year: another figure
])
def test_headline_against_its_body(tmp_path, headline, expected):
    assert found(read(tmp_path, f"{headline}\n{HEADLINE_BODY}", published=None)) == expected


def test_a_headline_figure_said_in_the_body_under_another_measure_is_restated(tmp_path):
    body = ("Xuất khẩu của Việt Nam sang Nhật Bản năm 2023 đạt trên 15 tỷ USD\n"
            "Năm 2023, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 9,6 tỷ USD.\n"
            "Tính cả dịch vụ, con số là 15,2 tỷ USD.")
    assert found(read(tmp_path, body, published=None)) == []


CAPTION_BODY = ("Xuất khẩu sang Nhật Bản tiếp tục tăng.\n\n{caption}\n\n"
                "Trong 5 tháng đầu năm 2023, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 9,6 tỷ USD.")


@pytest.mark.parametrize(("caption", "is_caption", "expected"), [
    # a caption is a sentence a photo credit follows, in any of the shapes news pages give it
    ("Kim ngạch xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD. Ảnh: TTXVN", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD - Ảnh: VGP", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD (Ảnh minh họa)", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD (ảnh: TTXVN)", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD. ẢNH: TTXVN", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD (Đồ họa: Vietnam+)", True,
     [("FL106", "trên 150 tỷ USD")]),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt gần 10 tỷ USD. Ảnh: TTXVN", True, []),  # the body's, rounded
    # the same sentence with no credit is body text: two body figures are not a restatement of each other
    ("Kim ngạch xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD.", False, []),
    # "ảnh hưởng" is no credit, nor a credit on the next line
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD, ảnh hưởng: lớn.", False, []),
    ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 tỷ USD.\nẢnh: TTXVN", False, []),
    # a product's figure in a caption is not the body's total restated
    ("Xuất khẩu thủy sản sang Nhật Bản 5 tháng đầu năm 2023 đạt 500 triệu USD. Ảnh: TTXVN", True, []),
])
def test_a_photo_caption_against_its_body(tmp_path, caption, is_caption, expected):
    df = read(tmp_path, CAPTION_BODY.format(caption=caption))
    assert found(df) == expected
    first = caption.split("\n")[0]
    flags = df[df["sentence"].map(lambda s: s in first or first.startswith(s))]["caption"]
    assert len(flags) and set(flags) == {is_caption}  # every figure of the caption line, and there are some


def test_a_percentage_in_a_caption_is_no_restatement_of_the_bodys(tmp_path):
    """Beside a flow a percentage is its change or share ("hoàn thành 60% kế hoạch", "tăng 10,2%"), not the flow."""
    body = ("Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt 9,6 tỷ USD, hoàn thành 60% kế hoạch. Ảnh: TTXVN\n\n"
            "Trong 5 tháng đầu năm 2023, kim ngạch xuất khẩu của Việt Nam sang Nhật Bản đạt 9,6 tỷ USD, tăng 10,2%.")
    assert found(read(tmp_path, body)) == []


def test_a_caption_finding_says_it_is_a_caption(tmp_path):
    df = read(tmp_path, CAPTION_BODY.format(caption="Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 "
                                                    "tỷ USD. Ảnh: TTXVN"))
    (f,) = check_restatements(df, DEFAULT)
    assert f.message.startswith("a photo caption says 'trên 150 tỷ USD'")
    assert [loc.text for loc in f.locations] == ["trên 150 tỷ USD", "9,6 tỷ USD"]


# ---------------------------------------------------------------------------------------------- interval edges


def built(sentence: str, *figures: tuple, **kw: object) -> list:
    """Hand-built claims of one sentence: (text, kind, low, high, unit, measure_key[, low_open, high_open])."""
    out, cursor = [], 0
    for text, kind, lo, hi, unit, key, *opens in figures:
        at = sentence.index(text, cursor)
        cursor = at + len(text)
        lo_open, hi_open = (opens + [False, False])[:2]
        out.append(claim("a1", text, kind=kind, value=hi, low=lo, high=hi, unit=unit, measure_key=key,
                         lo_open=lo_open, hi_open=hi_open, metric="", period="2023", sentence=sentence, offset=at,
                         **kw))
    return out


PARTS = "Vốn đạt 10 tỷ USD, trong đó vốn A 6 tỷ USD và vốn B {b} tỷ USD."


@pytest.mark.parametrize(("b_hi", "tol", "codes"), [
    (4.0, 0.0, []),                    # 6 + 4 = 10: meets
    (4.2, 0.02, []),                   # 10.2 is the widened total's edge
    (4.3, 0.02, ["FL204"]),            # 10.3 beyond it
    (4.01, 0.0, ["FL204"]),
])
def test_parts_edges(b_hi, tol, codes):
    s = PARTS.format(b=b_hi)
    claims = built(s, ("10 tỷ USD", "money", 1e10, 1e10, "USD", "capital"),
                   ("6 tỷ USD", "money", 6e9, 6e9, "USD", "capital"),
                   (f"{b_hi} tỷ USD", "money", b_hi * 1e9, b_hi * 1e9, "USD", "capital"))
    assert [f.code for f in check_stated_parts(table(*claims), CheckConfig(arithmetic_tolerance=tol))] == codes


def test_parts_of_an_open_total_meet_only_inside_it():
    # "gần 10 tỷ USD" is [9, 10): parts of exactly 10 do not meet it without tolerance
    s = "Vốn đạt gần 10 tỷ USD, trong đó vốn A 6 tỷ USD và vốn B 4 tỷ USD."
    total = ("gần 10 tỷ USD", "money", 9e9, 1e10, "USD", "capital", False, True)
    parts = (("6 tỷ USD", "money", 6e9, 6e9, "USD", "capital"), ("4 tỷ USD", "money", 4e9, 4e9, "USD", "capital"))
    assert [f.code for f in check_stated_parts(table(*built(s, total, *parts)), EXACT)] == ["FL204"]
    closed = total[:6] + (False, False)
    assert check_stated_parts(table(*built(s, closed, *parts)), EXACT) == []


SHARE = "Tổng vốn FDI đạt 20 tỷ USD, vốn FDI vào A đạt 3 tỷ USD, chiếm {p} tổng vốn FDI."


@pytest.mark.parametrize(("p", "lo", "hi", "hi_open", "codes"), [
    ("15%", 15.0, 15.0, False, []),
    ("gần 15%", 13.5, 15.0, True, ["FL205"]),   # 3/20 is exactly 15: outside [13.5, 15)
    ("hơn 14%", 14.0, 15.0, False, []),
    ("16%", 16.0, 16.0, False, ["FL205"]),
])
def test_share_edges(p, lo, hi, hi_open, codes):
    s = SHARE.format(p=p)
    claims = built(s, ("20 tỷ USD", "money", 2e10, 2e10, "USD", "fdi"), ("3 tỷ USD", "money", 3e9, 3e9, "USD", "fdi"),
                   (p, "percent", lo, hi, "%", "", False, hi_open), line=3)
    assert [f.code for f in check_shares(table(*claims), EXACT)] == codes


CHANGE = "Xuất khẩu đạt 3 tỷ USD, tăng {p} so với 2 tỷ USD."


@pytest.mark.parametrize(("p", "lo", "hi", "codes"), [
    ("50%", 50.0, 50.0, []),
    ("49%", 49.0, 49.0, ["FL207"]),
    ("49,5–50,5%", 49.5, 50.5, []),
])
def test_change_edges(p, lo, hi, codes):
    s = CHANGE.format(p=p)
    claims = built(s, ("3 tỷ USD", "money", 3e9, 3e9, "USD", "exports"), (p, "percent", lo, hi, "%", "exports"),
                   ("2 tỷ USD", "money", 2e9, 2e9, "USD", "exports"))
    assert [f.code for f in check_changes(table(*claims), EXACT)] == codes


@pytest.mark.parametrize(("n", "lo", "hi", "codes"), [
    ("3", 2.5, 3.5, []),
    ("4", 3.5, 4.5, ["FL208"]),   # 6 / 2 = 3
])
def test_ratio_edges(n, lo, hi, codes):
    s = f"Năm nay đạt 6 tỷ USD, gấp {n} lần so với 2 tỷ USD."
    claims = built(s, ("6 tỷ USD", "money", 6e9, 6e9, "USD", ""), (n, "count", lo, hi, "", ""),
                   ("2 tỷ USD", "money", 2e9, 2e9, "USD", ""))
    assert [f.code for f in check_changes(table(*claims), EXACT)] == codes


def test_messages_carry_the_figures_and_the_arithmetic(tmp_path):
    df = read(tmp_path, "Năm 2023, kim ngạch xuất khẩu đạt 3,6 tỷ USD, tăng 20% so với 2,4 tỷ USD của năm 2022.")
    (f,) = check_arithmetic(df, CheckConfig())
    assert "'2,4 tỷ USD'" in f.message and "'3,6 tỷ USD'" in f.message and "44,9–55,3%" in f.message
    assert "'20%'" in f.message and f.severity == "error"


# ---------------------------------------------------------------------------------------------- registry, corpus


def test_codes_are_registered_and_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(NEW) <= set(CODES)
    for code in NEW:
        assert re.search(rf"^\| {code} \|", readme, re.M), code


def test_fixture_corpus_finds_each_planted_error_at_its_article_and_line():
    r = run([FIXTURE / "articles"], FIXTURE / "claims", None)
    got = sorted((f.code, f.locations[0].article, f.locations[0].line, f.locations[0].text) for f in r.findings)
    assert got == [
        ("FL106", "h1", 1, "hơn 12 tỷ USD"),
        ("FL204", "p1", 7, "18,5 tỷ USD"),
        ("FL205", "p1", 9, "35,5%"),
        ("FL206", "p2", 9, "52%"),
        ("FL207", "p2", 7, "22,5%"),
        ("FL208", "p2", 11, "1,5 triệu người"),
    ]


def test_a_total_whose_parts_a_relation_declares_is_left_to_the_sum_check(tmp_path):
    df = read(tmp_path, "Năm 2022, tổng kim ngạch thương mại hai nước đạt 50 tỷ USD, trong đó xuất khẩu đạt 24,2 tỷ "
                        "USD và nhập khẩu đạt 33,4 tỷ USD.")
    df.loc[df["text"] == "50 tỷ USD", "metric"] = "trade.total"
    relations = ({"type": "sum", "total": "trade.total", "parts": ["trade.exports", "trade.imports"]},)
    assert check_stated_parts(df, CheckConfig(relations=relations)) == []
    assert [f.code for f in check_stated_parts(df, CheckConfig())] == ["FL204"]


def test_a_claims_table_from_before_captions_reads_as_having_none(tmp_path):
    """A table written before the ``caption`` column (an old export, a user's CSV) is typed and checked as before."""
    from factlint.table import typed

    df = read(tmp_path, CAPTION_BODY.format(caption="Xuất khẩu sang Nhật Bản 5 tháng đầu năm 2023 đạt trên 150 "
                                                    "tỷ USD. Ảnh: TTXVN"))
    old = df.drop(columns=["caption"])
    assert check_restatements(old, DEFAULT) == []  # no caption known: two body figures
    assert typed(old)["caption"].tolist() == [False] * len(old)
