"""Small hand-built newsroom projects, one per finding code, run through the whole pipeline.

- Fingerprints: accept every finding, then move the lines of every article (a paragraph and blank lines
  inserted above the text): every finding must stay accepted, and no accepted entry go stale.
- Agreement end to end: a vaguer third report does not hide a contradiction between two others.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.findings import accepted_entries
from factlint.report.sarif import CODES
from factlint.suite import run
from helpers import invoke_in

RULES = """\
rules:
  - metric: trade.total
    description: Two-way trade in a year.
    kind: money
    require:
      - {pattern: 'kim ngạch', where: before, within: 60}
    exclude:
      - {pattern: 'xuất khẩu|nhập khẩu', where: before, within: 15}
    expect:
      range: {unit: USD, max: 1.5e+11}
      max_change: 0.5
    examples:
      - text: Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD.
        claims: [{metric: trade.total, value: 5.0e+10, period: "2022"}]
  - metric: trade.exports
    description: Exports in a year.
    kind: money
    require:
      - {pattern: 'xuất khẩu', where: before, within: 15}
    examples:
      - text: Năm 2022, Việt Nam xuất khẩu 24,2 tỷ USD.
        claims: [{metric: trade.exports, value: 2.42e+10, period: "2022"}]
  - metric: trade.imports
    description: Imports in a year.
    kind: money
    require:
      - {pattern: 'nhập khẩu', where: before, within: 15}
    examples:
      - text: Năm 2022, Việt Nam nhập khẩu 23,4 tỷ USD.
        claims: [{metric: trade.imports, value: 2.34e+10, period: "2022"}]
  - metric: oda.total
    description: ODA in a year, in yen or in dollars.
    kind: money
    unit: [JPY, USD]
    require:
      - {pattern: 'ODA', where: before, within: 80}
    examples:
      - text: Năm 2023, vốn ODA đạt hơn 100 tỷ yên.
        claims: [{metric: oda.total, value: 1.0e+11, period: "2023"}]
  - metric: fdi.total
    description: Registered FDI in a year.
    kind: money
    require:
      - {pattern: 'vốn FDI', where: before, within: 20}
    examples:
      - text: Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD.
        claims: [{metric: fdi.total, value: 2.0e+10, period: "2023"}]
  - metric: fdi.manufacturing
    description: Registered FDI in manufacturing in a year.
    kind: money
    require:
      - {pattern: 'chế biến', where: before, within: 30}
    examples:
      - text: Năm 2023, ngành chế biến, chế tạo thu hút 15 tỷ USD.
        claims: [{metric: fdi.manufacturing, value: 1.5e+10, period: "2023"}]
  - metric: people.community
    description: The Vietnamese community in Japan (any unit taken; the expectation says which).
    kind: count
    require:
      - {pattern: 'cộng đồng', where: before, within: 30}
    expect:
      integer: true
      units: [person]
    examples:
      - text: Năm 2023, cộng đồng khoảng 520.000 người Việt Nam tại Nhật Bản ngày càng lớn mạnh.
        claims: [{metric: people.community, value: 5.2e+5, period: "2023"}]
  - metric: rank.partner.oda
    description: Japan's rank among ODA donors.
    kind: rank
    require:
      - {pattern: 'ODA', where: after, within: 30}
    period: {source: published}
    expect: {unique_rank: true}
    examples:
      - text: Nhật Bản đứng thứ nhất về ODA.
        published: 2023-11-27
        claims: [{metric: rank.partner.oda, value: 1, period: "2023"}]
  - metric: rank.partner.trade
    description: Japan's rank among trade partners.
    kind: rank
    require:
      - {pattern: 'thương mại', where: after, within: 30}
    period: {source: published}
    examples:
      - text: Nhật Bản đứng thứ 4 về thương mại.
        published: 2023-11-27
        claims: [{metric: rank.partner.trade, value: 4, period: "2023"}]
  - metric: relations.founded
    description: The date diplomatic relations were established.
    kind: date
    require:
      - {pattern: 'thiết lập quan hệ ngoại giao', where: before, within: 40}
    period: {source: none}
    examples:
      - text: Hai nước thiết lập quan hệ ngoại giao vào ngày 21/9/1973.
        claims: [{metric: relations.founded, text: 21/9/1973}]
  - metric: relations.anniversary
    description: An anniversary of diplomatic relations.
    kind: duration
    unit: [year]
    require:
      - {pattern: 'kỷ niệm', where: before, within: 2}
    expect: {monotonic: non_decreasing}
    examples:
      - text: Năm 2023 là dịp kỷ niệm 50 năm quan hệ hai nước.
        claims: [{metric: relations.anniversary, value: 50, period: "2023"}]
"""
RELATIONS = """\
relations:
  - {type: sum, total: trade.total, parts: [trade.exports, trade.imports]}
  - {type: part_of, part: fdi.manufacturing, whole: fdi.total}
  - {type: anniversary, anniversary: relations.anniversary, founded: relations.founded}
"""
FX = "rates:\n  JPY:\n    2023: [127.2, 151.9]\n"  # no 2019 rate: FL104

TITLE = "Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng ở châu Á"
# finding code -> {article id: (published, body)}; a body in bytes is written as is
CORPORA: dict[str, dict[str, tuple[str | None, str | bytes]]] = {
    # a paragraph pasted from a Windows-1258 page into a UTF-8 file: not valid UTF-8 "at offset N"
    "FL001": {"a1": ("2023-05-02", "Kim ngạch thương mại tăng.\n".encode() + "Giá cao.".encode("cp1258"))},
    "FL101": {"a1": ("2023-05-02", "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD."),
              "a2": ("2023-06-10", "Năm 2022, kim ngạch thương mại hai nước đạt 60 tỷ USD.")},
    "FL102": {"a1": ("2024-01-15", "Năm 2023, vốn ODA của Nhật Bản đạt hơn 100 tỷ yên, tương đương gần 500 triệu "
                                   "USD.")},
    "FL103": {"a1": ("2024-01-15", "Năm 2023, công ty mua lại nhà máy với giá 100 tỷ yên (tương đương 200 triệu "
                                   "USD).")},
    "FL105": {"a1": ("", "Công ty mua lại nhà máy với giá 100 tỷ yên (tương đương 900 triệu USD).")},  # no date
    "FL104": {"a1": ("2020-01-15", "Năm 2019, vốn ODA của Nhật Bản đạt 100 tỷ yên, tương đương 900 triệu USD.")},
    # no front matter (published None): the first line is the headline
    "FL106": {"a1": (None, "Xuất khẩu của Việt Nam sang Nhật Bản năm 2023 đạt trên 15 tỷ USD\nNăm 2023, kim ngạch "
                           "xuất khẩu của Việt Nam sang Nhật Bản đạt 9,6 tỷ USD.")},
    "FL204": {"a1": ("2023-05-02", "Năm 2022, tổng vốn đạt 50 tỷ USD, trong đó vốn nhà nước 24,2 tỷ USD và vốn tư "
                                   "nhân 33,4 tỷ USD.")},
    "FL205": {"a1": ("2024-01-15", "Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD. Trong đó vốn FDI vào bất động sản đạt "
                                   "3 tỷ USD, chiếm 25% tổng vốn FDI.")},
    "FL206": {"a1": ("2024-01-15", "Ba thị trường này lần lượt chiếm 45%, 35% và 30% tổng vốn.")},
    "FL207": {"a1": ("2024-01-15", "Năm 2023, kim ngạch xuất khẩu đạt 3,6 tỷ USD, tăng 20% so với 2,4 tỷ USD của "
                                   "năm 2022.")},
    "FL208": {"a1": ("2024-01-15", "Năm 2023, số du học sinh đạt 1,6 triệu người, gấp 5 lần so với 180.000 người "
                                   "của năm 2013.")},
    # figures no rule takes (the rules here know no visitors): Đà Nẵng's visitors in 2019, told twice
    "FL107": {"a1": ("2020-01-06", "Năm 2019, Đà Nẵng đón 8,7 triệu lượt khách du lịch."),
              "a2": ("2020-02-03", "Năm 2019, Đà Nẵng đón 4,3 triệu lượt khách du lịch.")},
    "FL201": {"a1": ("2023-05-02", "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD, trong đó Việt Nam xuất "
                                   "khẩu 24,2 tỷ USD và nhập khẩu 33,4 tỷ USD.")},
    "FL202": {"a1": ("2024-01-15", "Năm 2023, vốn FDI đăng ký đạt 20 tỷ USD, trong đó ngành chế biến, chế tạo thu "
                                   "hút 25 tỷ USD.")},
    "FL203": {"a1": ("2023-05-02", "Đoàn đã làm việc với Thống đốc 05 tỉnh Aichi, Niigata, Yamanashi và Kanagawa.")},
    "FL301": {"a1": ("2023-05-02", "Nhật Bản đứng thứ 4 về thương mại."),
              "a2": ("2023-06-10", "Nhật Bản đứng thứ 4 về thương mại."),
              "a3": ("2023-07-01", "Nhật Bản đứng thứ 5 về thương mại.")},
    "FL302": {"a1": ("2023-05-02", "Nhật Bản đứng thứ nhất về ODA, thứ nhất về thương mại.")},
    "FL401": {"a1": ("2023-06-01", "Hai nước thiết lập quan hệ ngoại giao vào ngày 21/9/1973. Năm 2023, hai nước "
                                   "tổ chức kỷ niệm 40 năm quan hệ.")},
    "FL402": {"a1": ("2023-09-01", "Chiều 30/9, tại Hà Nội, hai bên đã ký biên bản ghi nhớ.")},
    "FL403": {"a1": ("2024-02-01", "Hội chợ đã diễn ra từ ngày 13 - 10/3/2024 tại Hà Nội.")},
    "FL501": {"a1": ("2022-05-02", "Năm 2021, kim ngạch thương mại hai nước đạt 48 tỷ USD."),
              "a2": ("2023-05-02", "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD."),
              "a3": ("2024-05-02", "Năm 2023, kim ngạch thương mại hai nước đạt 45 triệu USD.")},
    "FL601": {"a1": ("2023-05-02", "Hội nghị khai mạc lúc 12giờ tại Hà Nội.")},
    "FL701": {"a1": ("2023-05-02", "Năm 2022, kim ngạch thương mại hai nước đạt 500 tỷ USD.")},
    "FL702": {"a1": ("2023-05-02", "Năm 2023, hai nước tổ chức kỷ niệm 50 năm quan hệ."),
              "a2": ("2024-05-02", "Năm 2024, hai nước tổ chức kỷ niệm 45 năm quan hệ.")},
    "FL703": {"a1": ("2023-05-02", "Năm 2022, kim ngạch thương mại hai nước đạt 50 tỷ USD."),
              "a2": ("2024-05-02", "Năm 2023, kim ngạch thương mại hai nước đạt 80 tỷ USD.")},
    # "450.000,5": a decimal comma typed after the thousands
    "FL704": {"a1": ("2023-05-02", "Năm 2023, cộng đồng 450.000,5 người Việt Nam tại Nhật Bản ngày càng lớn mạnh.")},
    "FL705": {"a1": ("2023-05-02", "Nhật Bản đứng thứ nhất về ODA."),
              "a2": ("2023-06-10", "Nhật Bản đứng thứ nhất về thương mại.")},
    # a business community taken as the community of people
    "FL706": {"a1": ("2023-05-02", "Năm 2023, cộng đồng 2.000 doanh nghiệp Việt Nam tại Nhật Bản tăng nhanh.")},
    "FL602": {"a1": ("2023-05-02", "Thứ trưởng Komura Masahiro đón đoàn. Ông Komura Masahiro cho biết hai bên sẽ "
                                   "hợp tác. Ông Komura Masahiro cảm ơn đoàn."),
              "a2": ("2023-06-10", "Thứ trưởng Komuru Masahiro tiếp đoàn.")},
    "FL603": {"a1": ("2023-05-02", f"Hai nước nâng quan hệ lên {TITLE}."),
              "a2": ("2023-06-10", f"Năm 2023, hai nước đã nâng cấp quan hệ lên {TITLE}."),
              "a3": ("2023-07-01", "Hai nước là Đối tác chiến lược toàn diện vì hòa bình ở châu Á.")},
}
# inserted between the front matter and the text: every line of the text moves down by SHIFT
PREFACE = "\nBài viết đã được cập nhật.\n\n\n".encode()
SHIFT = PREFACE.count(b"\n")


def _project(folder: Path, articles: dict[str, tuple[str | None, str | bytes]]) -> Path:
    """Write the rules and ``articles`` under ``folder``; return the articles folder."""
    (folder / "claims" / "reference").mkdir(parents=True)
    (folder / "claims" / "topics.yaml").write_text(RULES, encoding="utf-8")
    (folder / "claims" / "relations.yaml").write_text(RELATIONS, encoding="utf-8")
    (folder / "claims" / "reference" / "fx.yaml").write_text(FX, encoding="utf-8")
    (folder / "articles").mkdir()
    for aid, (published, body) in articles.items():
        date = f"published: {published}\n" if published else ""
        front = "" if published is None else f"---\nid: {aid}\noutlet: Báo {aid}\n{date}language: vi\ntitle: Tin\n---\n"
        raw = body if isinstance(body, bytes) else body.encode("utf-8")
        (folder / "articles" / f"{aid}.md").write_bytes(front.encode("utf-8") + raw + b"\n")
    return folder / "articles"


def test_every_finding_code_has_a_corpus():
    assert set(CORPORA) == set(CODES)


@pytest.mark.parametrize("code", sorted(CORPORA))
def test_accepted_findings_stay_accepted_when_lines_move(tmp_path, code):
    articles = _project(tmp_path, CORPORA[code])
    first = run([articles], tmp_path / "claims", None)
    assert code in {f.code for f in first.findings}, [(f.code, f.message) for f in first.findings]
    accepted = tmp_path / "checks" / "accepted.yaml"
    accepted.parent.mkdir()
    accepted.write_text(accepted_entries(first.findings), encoding="utf-8")

    for path in articles.iterdir():
        raw = path.read_bytes()
        # after the front matter, or after the headline of an article without one
        head, sep, body = raw.partition(b"\n---\n") if raw.startswith(b"---\n") else raw.partition(b"\n")
        path.write_bytes(head + sep + PREFACE + body)
    moved = run([articles], tmp_path / "claims", accepted)

    assert [(f.code, f.status) for f in moved.findings] == [(f.code, "accepted") for f in first.findings], \
        [(f.code, f.status, f.message) for f in moved.findings]
    assert moved.stale == []
    # the lines did move: every location is SHIFT lines further down, but a headline (line 1) stays on top
    before = sorted((f.fingerprint, loc.line) for f in first.findings for loc in f.locations)
    after = sorted((f.fingerprint, loc.line - SHIFT if loc.line > 1 else 1) for f in moved.findings
                   for loc in f.locations)
    assert after == before


def test_a_vaguer_third_report_does_not_hide_a_contradiction(tmp_path):
    # "gần 80 tỷ USD" ([72, 80) tỷ) meets "76,1 tỷ USD" but not "70 tỷ USD"; 70 against 76,1 is an error
    _project(tmp_path, {
        "a1": ("2024-02-01", "Năm 2023, kim ngạch thương mại hai nước đạt 70 tỷ USD."),
        "a2": ("2024-02-05", "Năm 2023, kim ngạch thương mại hai nước đạt 76,1 tỷ USD."),
        "a3": ("2024-02-09", "Năm 2023, kim ngạch thương mại hai nước đạt gần 80 tỷ USD."),
    })
    got = invoke_in(tmp_path, "check", "--no-cache", "--format", "json")
    assert got.exit_code == 1, got.output  # a new error: the run fails
    (f,) = json.loads(got.output)["findings"]
    assert (f["code"], f["severity"], f["locations"][0]["text"]) == ("FL101", "error", "70 tỷ USD")
    assert "a2 says '76,1 tỷ USD'" in f["message"] and "a3 says 'gần 80 tỷ USD'" in f["message"]
