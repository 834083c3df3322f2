"""The development-set label checker finds ``before + text`` through NFD, zero-width spaces and line breaks."""

from __future__ import annotations

import importlib.util
import lzma
import unicodedata
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "devset" / "check_labels_c.py"
spec = importlib.util.spec_from_file_location("check_labels_c", SCRIPT)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def _labels(before: str, text: str, **extra: object) -> dict:
    claim = {"text": text, "before": before, "kind": "money", "period_kind": "year", "modality": "actual",
             "metric": None, **extra}
    return {"metrics": {"trade.vn_jp.total": "…"}, "articles": [{"number": 1, "claims": [claim]}]}


def _texts(tmp_path: Path) -> dict[int, str]:
    dump = tmp_path / "dump.txt.xz"
    second = "Kim ngạch thương mại\u200b song phương\nđạt 72 tỷ USD."
    with lzma.open(dump, "wt", encoding="utf-8") as fh:
        fh.write("Bài một\n=====\n\n" + unicodedata.normalize("NFD", second) + "\n\n=====\nBài ba\n")
    return {n: check.normalise(t) for n, t in check.articles(dump)}


def test_numbering_and_normalisation_find_the_claim(tmp_path: Path) -> None:
    texts = _texts(tmp_path)
    assert sorted(texts) == [0, 1, 2]
    assert check.problems(_labels("thương mại song phương đạt ", "72 tỷ USD"), texts, "f.yaml") == []


def test_a_claim_not_in_its_article_is_named(tmp_path: Path) -> None:
    found = check.problems(_labels("song phương đạt ", "27 tỷ USD"), _texts(tmp_path), "f.yaml")
    assert found == ["f.yaml: article 1, claim 1 ('27 tỷ USD'): before + text not found in the article"]


def test_bad_field_values_are_reported(tmp_path: Path) -> None:
    labels = _labels("đạt ", "72 tỷ USD", modality="hope", metric="trade.vn_kr.total")
    found = check.problems(labels, _texts(tmp_path), "f.yaml")
    assert len(found) == 2
    assert "modality 'hope'" in found[0] and "metric 'trade.vn_kr.total'" in found[1]
