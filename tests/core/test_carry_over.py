"""The re-import carry-over as a pure function: decisions, old and new comparisons, no file."""

from __future__ import annotations

import pytest

from core import carry_over as co
from core.align import compare_outlines
from core.model import Comparison, ReviewDecision, Status
from core.outline import outline_document
from core.read import read_text

NATIONAL = """关于加强示例工作的意见
一、总体要求
（一）建立健全示例工作协调机制，明确各部门职责分工。
（二）加强示例数据共享，推动跨部门数据互联互通。
（三）完善示例工作考核评价制度，定期通报工作进展。
"""
HEADER = "示例省关于加强示例工作的实施意见\n一、总体要求\n"
COORDINATION = "（一）建立健全全省示例工作协调机制，明确省直各部门职责分工。\n"
SHARING = "（二）加强全省示例数据共享，推动省市县数据互联互通。\n"
SHARING_EDITED = "（二）加强全省示例数据共享，推动省市县三级数据互联互通。\n"
FUND = "（三）设立示例省专项资金，每年安排一千万元支持基层示范点建设。\n"
TRAINING = "（四）组织开展示例工作培训，每年轮训基层工作人员一次。\n"
FIRST_DRAFT = HEADER + COORDINATION + SHARING + FUND + TRAINING


def _compare(provincial: str) -> Comparison:
    return compare_outlines(outline_document(read_text(NATIONAL, "国家.txt")),
                            outline_document(read_text(provincial, "本省.txt")))


@pytest.fixture(scope="module")
def old() -> Comparison:
    comparison = _compare(FIRST_DRAFT)
    # What the tests below rest on: the first two clauses matched, the third not, two additions.
    assert [len(f.matches) > 0 for f in comparison.clauses] == [True, True, False]
    assert [a.text for a in comparison.additions] == [FUND[3:].strip(), TRAINING[3:].strip()]
    return comparison


def _items(comparison: Comparison) -> tuple[str, str, str, str, str]:
    coordination, sharing, evaluation = (f"N{f.clause.id}" for f in comparison.clauses)
    fund, training = (f"P{a.id}" for a in comparison.additions)
    return coordination, sharing, evaluation, fund, training


def _outcomes(result: co.CarryOver) -> dict[str, co.CarriedDecision | co.Orphan]:
    return {outcome.decision.item if isinstance(outcome, co.Orphan) else outcome.before.item: outcome
            for _, outcome in result.steps}


def test_an_unchanged_draft_carries_everything_as_it_stands(old):
    coordination, sharing, _evaluation, fund, _training = _items(old)
    decisions = [co.stored(old, ReviewDecision(item=coordination, status=Status.PARTIAL)),
                 co.stored(old, ReviewDecision(item=sharing, note="已落实")),
                 co.stored(old, ReviewDecision(item=fund, note="本省特色"))]
    result = co.carry_over(decisions, _compare(FIRST_DRAFT))
    assert result.orphaned == [] and result.rechecks == []
    assert [c.after for c in result.carried] == [d.decision for d in decisions]
    assert [position for position, _ in result.steps] == [0, 1, 2]


def test_an_edited_counterpart_puts_a_verdict_in_question_but_not_a_bare_not_applicable(old):
    coordination, sharing, _evaluation, _fund, _training = _items(old)
    new = _compare(HEADER + COORDINATION + SHARING_EDITED + FUND + TRAINING)
    verdict = co.stored(old, ReviewDecision(item=sharing, status=Status.COVERED))
    result = co.carry_over([verdict], new)
    (carried,) = result.rechecks
    assert carried.recheck == co.RECHECK_EDITED
    assert carried.provincial_text == SHARING_EDITED[3:].strip()
    # 不适用 alone does not rest on the provincial wording.
    bare = co.stored(old, ReviewDecision(item=sharing, not_applicable=True))
    assert co.carry_over([bare], new).rechecks == []
    # A re-check still pending from an earlier re-import stays until the reviewer decides.
    pending = co.StoredDecision(ReviewDecision(item=coordination, status=Status.COVERED),
                                old.clauses[0].clause.text, COORDINATION[3:].strip(), "旧的复核原因")
    assert co.carry_over([pending], new).carried[0].recheck == "旧的复核原因"


def test_a_counterpart_gone_asks_for_a_recheck(old):
    _coordination, sharing, _evaluation, _fund, _training = _items(old)
    new = _compare(HEADER + COORDINATION + FUND + TRAINING)
    result = co.carry_over([co.stored(old, ReviewDecision(item=sharing, status=Status.COVERED))], new)
    assert [c.recheck for c in result.carried] == [co.RECHECK_GONE]


def test_deleted_and_renumbered_additions(old):
    _coordination, _sharing, _evaluation, fund, training = _items(old)
    new = _compare(HEADER + COORDINATION + SHARING + TRAINING.replace("（四）", "（三）"))
    result = co.carry_over([co.stored(old, ReviewDecision(item=fund, note="资金")),
                            co.stored(old, ReviewDecision(item=training, note="培训"))], new)
    outcomes = _outcomes(result)
    assert isinstance(outcomes[fund], co.Orphan)
    assert outcomes[fund].reason == "该本省新增条款在新稿中已删除或大幅改写，此审核决定不再适用。"
    moved = outcomes[training]
    assert isinstance(moved, co.CarriedDecision)
    assert moved.after.item == f"P{new.additions[0].id}" != training
    assert moved.note == f"条款编号由{training}变为{moved.after.item}。" and not moved.recheck


def test_a_changed_national_clause_and_an_unknown_item_are_orphaned(old):
    coordination, *_ = _items(old)
    changed = co.StoredDecision(ReviewDecision(item=coordination, status=Status.MISSING),
                                "另一段国家条文", COORDINATION[3:].strip())
    unknown = co.StoredDecision(ReviewDecision(item="X1", note="?"), "", "")
    result = co.carry_over([changed, unknown], _compare(FIRST_DRAFT))
    assert [o.reason for o in result.orphaned] == [
        "国家文件中已找不到该条款（编号或文字已改变），此审核决定不再适用。",
        "无法识别的条款编号，此审核决定不再适用。"]
    assert result.carried == []


def test_a_chosen_match_follows_its_text_or_is_dropped(old):
    _coordination, _sharing, evaluation, fund, training = _items(old)
    # The reviewer showed the training addition as the counterpart of the evaluation clause.
    chose = co.stored(old, ReviewDecision(item=evaluation, match=training, status=Status.PARTIAL))
    only_match = co.stored(old, ReviewDecision(item=evaluation, match=fund))
    renumbered = _compare(HEADER + COORDINATION + SHARING + TRAINING.replace("（四）", "（三）"))
    (moved,) = co.carry_over([chose], renumbered).carried
    assert moved.after.match != training and moved.after.match.startswith("P")
    assert moved.note.startswith("所选对应条款在新稿中的编号由") and not moved.recheck
    gone = _compare(HEADER + COORDINATION + SHARING)
    result = co.carry_over([chose, only_match], gone)
    (dropped,) = result.carried
    assert dropped.match_dropped and dropped.after.match == "" and dropped.recheck
    assert dropped.after.status is Status.PARTIAL
    assert [o.decision for o in result.orphaned] == [only_match.decision]


def test_decision_texts_refuse_items_not_in_the_comparison(old):
    coordination, *_ = _items(old)
    assert co.decision_texts(old, ReviewDecision(item=coordination)) == (
        old.clauses[0].clause.text, COORDINATION[3:].strip())
    for decision in (ReviewDecision(item="N9-9"), ReviewDecision(item="P9-9"),
                     ReviewDecision(item=coordination, match="P9-9"), ReviewDecision(item="Z1")):
        with pytest.raises(ValueError):
            co.decision_texts(old, decision)
