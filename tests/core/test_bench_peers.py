"""The TF-IDF peer of the real-pair bench, and the 已覆盖 precision the bench prints beside the
shared scorer's figures."""

from __future__ import annotations

import re
from types import SimpleNamespace

from bench.real_pairs import covered_precision
from bench.tfidf_peer import Thresholds, decide, similarity, tfidf_peer
from core.outline import outline_document
from core.read import read_text

NATIONAL = outline_document(read_text(
    "中华人民共和国水质监测法\n"
    "第一条 为了加强水质监测，保障饮用水安全，制定本法。\n"
    "第二条 县级以上地方人民政府应当建立饮用水水源地水质监测网络，定期公布监测结果。\n"
    "第三条 渔业船舶应当配备救生衣和救生筏，并定期检验。\n"))
PROVINCIAL = outline_document(read_text(
    "示例省水质监测条例\n"
    "第一条 为了加强水质监测，保障饮用水安全，结合本省实际，制定本条例。\n"
    "第二条 县级以上人民政府应当建立饮用水水源地水质监测网络，每季度公布监测结果。\n"))


def _numbers(doc: dict) -> dict[str, int]:
    """Section id → article number, as the shared scorer reads them (article_ids)."""
    numerals = "一二三四五六七八九"
    return {str(s["id"]): numerals.index(m.group(1)) + 1 for s in doc["sections"]
            if (m := re.search(r"第([一二三四五六七八九])条", s["label"] or ""))}


def test_the_peer_links_articles_by_their_shared_words_and_leaves_the_rest_missing():
    cosine = similarity(NATIONAL, PROVINCIAL)
    assert cosine.shape == (3, 2)
    assert cosine[1].argmax() == 1 and cosine[1, 1] > cosine[2].max()
    result = tfidf_peer(NATIONAL, PROVINCIAL)
    number = _numbers(result["national"])
    by_article = {number[s["national"]]: s for s in result["sections"]}
    assert by_article[2]["status"] == "covered" and len(by_article[2]["provincial"]) == 1
    assert by_article[3]["status"] == "missing" and by_article[3]["provincial"] == []
    # Stricter thresholds call the reworded article partial, and its best link stays.
    strict = decide(NATIONAL, PROVINCIAL, cosine, Thresholds(link=0.1, relative=0.9, covered=0.99,
                                                               partial=0.1))
    assert {number[s["national"]]: s["status"] for s in strict["sections"]}[2] == "partial"


def test_covered_precision_charges_articles_called_covered_that_the_gold_does_not():
    result = tfidf_peer(NATIONAL, PROVINCIAL)
    scorer = SimpleNamespace(article_ids=_numbers)
    for section in result["sections"]:
        section["status"] = "covered"
    gold = {"national_coverage": {"1": "n/a", "2": "covered", "3": "missing"}}
    # Articles 2 and 3 are judged (1 is n/a): one of the two is right.
    assert covered_precision(scorer, result, gold) == 0.5
    for section in result["sections"]:
        section["status"] = "missing"
    assert covered_precision(scorer, result, gold) is None


def test_named_carriers_count_false_flags_whose_named_articles_include_a_carrier():
    from bench.real_pairs import named_carriers

    scorer = SimpleNamespace(article_ids=_numbers)
    result = tfidf_peer(NATIONAL, PROVINCIAL)
    # The peer names no nearest article: nothing to count.
    assert named_carriers(scorer, result, {}) == {}
    ids = {number: id_ for id_, number in _numbers(result["provincial"]).items()}
    for section in result["sections"]:
        section.update(status="missing", nearest=ids[2], runners_up=[ids[1]])
    gold = {"national_coverage": {"1": "covered", "2": "partial", "3": "missing"},
            "provincial_to_national": {"1": [1], "2": [2]}}
    # National 1 and 2 are flagged falsely (3 is a real gap): 2's carrier is named first,
    # 1's only second.
    assert named_carriers(scorer, result, gold) == {"near_count": 2, "near_first": 1,
                                                    "near_any": 2}
