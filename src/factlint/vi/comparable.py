"""The words two sentences may share without saying the same thing: dates, links, scale words, hedges.

Open comparables (``factlint.checks.open_comparables``) take two figures for one quantity only when their
sentences share the words around them; these syllables carry no topic, so they are left out of that test.
"""

FUNCTION_SYLLABLES = frozenset(
    "năm tháng quý ngày đầu cuối so với cùng kỳ đạt tăng giảm của và là trong đã các những được có tỷ tỉ triệu "
    "nghìn ngàn usd đồng đô la mỹ khoảng gần hơn trên dưới ước tính đến hết lên xuống mức tới từ này đó cho theo "
    "khi sau trước nay ở tại".split())
