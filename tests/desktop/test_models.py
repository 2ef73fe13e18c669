"""The item models over a real comparison of the sample pair, checked by qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.model import ReviewDecision, Status
from desktop.models import (GAP_FILTER, CandidateModel, ClauseFilterProxy, ClauseTableModel,
                            DecisionListModel, HistoryModel, NationalOutlineModel, ProvincialOutlineModel,
                            SectionIdRole, StatusRole)
from desktop.side_by_side import diff_html
from desktop.status_style import status_style


def _first(comparison, status):
    return next(f for f in comparison.clauses if f.status is status)


def test_clause_table_model_passes_modeltester(qtmodeltester, sample_comparison):
    model = ClauseTableModel()
    missing = _first(sample_comparison, Status.MISSING)
    model.set_comparison(sample_comparison, [
        ReviewDecision(item=f"N{missing.clause.id}", status=Status.COVERED, note="已在别处体现")])
    qtmodeltester.check(model)
    assert model.rowCount() == len(sample_comparison.clauses) + len(sample_comparison.additions)
    row = model.row_for(f"N{missing.clause.id}")
    assert row.status is Status.COVERED and row.engine_status is Status.MISSING
    assert model.index_for(row.item, ClauseTableModel.COL_STATUS).data() == "已覆盖（改判）"
    assert model.index_for(row.item, ClauseTableModel.COL_NOTE).data() == "已在别处体现"


def test_a_sentence_nothing_is_expected_of_says_so_in_the_provincial_cell(sample_comparison):
    """As the reports say it: 无需地方落实 beside （未找到对应表述） read as a gap."""
    model = ClauseTableModel()
    background = next(f for f in sample_comparison.clauses
                      if f.status is Status.NOT_EXPECTED and not f.matches)
    missing = _first(sample_comparison, Status.MISSING)
    model.set_comparison(sample_comparison)
    cell = model.index_for(f"N{background.clause.id}", ClauseTableModel.COL_PROVINCIAL)
    assert cell.data() == "（无需地方承接）"
    assert model.index_for(f"N{missing.clause.id}", ClauseTableModel.COL_PROVINCIAL).data() == (
        "（未找到对应表述）")
    # Judged a gap by the reviewer, it is a sentence with no match again.
    model.set_decisions([ReviewDecision(item=f"N{background.clause.id}", status=Status.MISSING)])
    assert model.index_for(f"N{background.clause.id}",
                           ClauseTableModel.COL_PROVINCIAL).data() == "（未找到对应表述）"


def test_empty_models_pass_modeltester(qtmodeltester):
    for model in (ClauseTableModel(), NationalOutlineModel(), ProvincialOutlineModel(),
                  CandidateModel(), DecisionListModel(), HistoryModel()):
        qtmodeltester.check(model)


def test_set_decisions_signals_only_changed_rows(qtbot, sample_comparison):
    model = ClauseTableModel()
    model.set_comparison(sample_comparison)
    item = f"N{sample_comparison.clauses[3].clause.id}"
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append((top.row(), bottom.row())))
    model.set_decisions([ReviewDecision(item=item, not_applicable=True)])
    assert changed == [(3, 3)]
    assert model.row_for(item).not_applicable


def test_filter_proxy_gaps_search_and_sections(qtmodeltester, sample_comparison):
    model = ClauseTableModel()
    model.set_comparison(sample_comparison)
    proxy = ClauseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    summary = sample_comparison.summary
    proxy.set_statuses(GAP_FILTER)
    assert proxy.rowCount() == summary.missing + summary.partial
    assert {proxy.index(r, 0).data(StatusRole) for r in range(proxy.rowCount())} == {
        "missing", "partial"}
    proxy.set_statuses(None)
    proxy.set_search("网络安全")
    assert 0 < proxy.rowCount() < model.rowCount()
    proxy.set_search("")
    section = sample_comparison.clauses[-1].clause.section
    proxy.set_sections(national=[section])
    assert proxy.rowCount() == sum(1 for f in sample_comparison.clauses if f.clause.section == section)
    proxy.sort(ClauseTableModel.COL_SCORE)
    qtmodeltester.check(proxy)


def test_outline_models_pass_modeltester(qtmodeltester, sample_comparison):
    national = NationalOutlineModel()
    national.set_comparison(sample_comparison)
    table = ClauseTableModel()
    table.set_comparison(sample_comparison)
    national.set_rows(table.rows())
    qtmodeltester.check(national)
    provincial = ProvincialOutlineModel()
    provincial.set_comparison(sample_comparison)
    qtmodeltester.check(provincial)
    # A nested section is found again through its index, and its coverage is a percentage.
    child = next(s for s in sample_comparison.national.sections if s.parent)
    index = national.index_for_section(child.id)
    assert index.data(SectionIdRole) == child.id
    assert national.parent(index).data(SectionIdRole) == child.parent
    assert national.index_for_section(child.id, 1).data().endswith("%") or \
        national.index_for_section(child.id, 1).data() == "—"
    # Sections holding additions say how many sentences, as the summary counts them (条 read as
    # articles in a statute's tree: 第四条 … 9 条).
    added = sample_comparison.additions[0].section
    count = sum(1 for c in sample_comparison.additions if c.section == added)
    assert provincial.index_for_section(added, 1).data() == f"{count} 句"
    assert provincial.index_for_section(added, 0).data(Qt.ItemDataRole.ToolTipRole).endswith(
        f"{count} 句")


def test_candidate_and_decision_models_pass_modeltester(qtmodeltester, sample_comparison):
    finding = max(sample_comparison.clauses, key=lambda f: len(f.matches))
    candidates = CandidateModel()
    candidates.set_candidates(sample_comparison.provincial, finding.matches,
                              f"P{finding.matches[0].clause.id}")
    qtmodeltester.check(candidates)
    assert candidates.index(0, CandidateModel.COL_SCORE).data().endswith("（当前）")
    decisions = DecisionListModel([ReviewDecision(item="N1.1-1", status=Status.MISSING, note="缺",
                                                  reviewer="张三", decided_at="2024-05-01T10:00:00")])
    qtmodeltester.check(decisions)
    assert decisions.index(0, DecisionListModel.COL_RESULT).data() == "改为“未覆盖”"


def test_diff_marks_what_differs_character_by_character():
    left, right = diff_html("全面推进一网通办", "探索推进一网通办<改>")
    assert "全面" in left and 'background-color' in left
    assert left.endswith("推进一网通办")
    assert "探索" in right and "&lt;改&gt;" in right


def test_diff_does_not_mark_a_half_width_comma_against_a_full_width_one():
    left, right = diff_html("推进数据共享，强化安全保障（2025年）", "推进数据共享,强化安全保障(2025年)")
    assert "background-color" not in left and "background-color" not in right
    # What is shown is each text as written.
    assert right == "推进数据共享,强化安全保障(2025年)" and "，" in left


def test_every_status_has_a_chinese_label():
    assert [status_style(s).label for s in Status] == ["已覆盖", "部分覆盖", "未覆盖", "本省新增",
                                                        "无需地方落实"]
    assert status_style(Status.MISSING, not_applicable=True).label == "不适用"


def test_national_section_colours_follow_the_review(sample_comparison):
    section = next(a.national for a in sample_comparison.sections if a.status is Status.MISSING
                   and sample_comparison.national.section(a.national).clauses)
    items = [f"N{c.id}" for c in sample_comparison.national.section(section).clauses]
    table, outline = ClauseTableModel(), NationalOutlineModel()
    table.set_comparison(sample_comparison)
    outline.set_comparison(sample_comparison)
    outline.set_rows(table.rows())
    assert outline.status_of(section) is Status.MISSING
    table.set_decisions([ReviewDecision(item=item, status=Status.COVERED) for item in items])
    outline.set_rows(table.rows())
    assert outline.status_of(section) is Status.COVERED
    table.set_decisions([ReviewDecision(item=items[0], status=Status.PARTIAL)])
    outline.set_rows(table.rows())
    assert outline.status_of(section) is Status.PARTIAL
    table.set_decisions([ReviewDecision(item=item, not_applicable=True) for item in items])
    outline.set_rows(table.rows())
    assert outline.status_of(section) is None


def test_statute_rows_cite_article_paragraph_and_item():
    """The app names a statute's clause as the reports do: 第十一条第二款第三项."""
    from core.review import review
    from desktop.models import build_rows
    from tests.core.test_export_word import statute_comparison

    comparison = statute_comparison()
    rows = build_rows(comparison, *review(comparison, []))
    assert [r.national_where for r in rows] == [
        "第一章第十一条第一款", "第一章第十一条第二款第一项", "第一章第十一条第二款第三项"]


def test_a_row_carried_by_reference_names_the_article_in_its_provincial_cell():
    from core.align import compare_outlines
    from core.outline import outline_document
    from core.read import read_text
    from tests.core.test_export_statutes import CITING_NATIONAL, CITING_PROVINCIAL

    comparison = compare_outlines(outline_document(read_text(CITING_NATIONAL)),
                                  outline_document(read_text(CITING_PROVINCIAL)))
    model = ClauseTableModel()
    model.set_comparison(comparison)
    number = next(k for k in range(model.rowCount())
                  if "未开展校舍安全检查" in model.index(k, ClauseTableModel.COL_NATIONAL).data())
    shown = model.index(number, ClauseTableModel.COL_PROVINCIAL).data()
    assert shown == "（按条整体对应：地方第三条）“违反本办法规定，《校舍安全法》已规定法律责任的，依照《校舍安全法》的规定处理。”"
    assert model.index(number, ClauseTableModel.COL_STATUS).data() == "已覆盖"


def test_an_addition_chosen_as_a_counterpart_says_so_and_stops_when_the_choice_goes(
        qtbot, sample_comparison):
    """As the reports, which no longer list it among the additions."""
    model = ClauseTableModel()
    missing = _first(sample_comparison, Status.MISSING)
    addition = f"P{sample_comparison.additions[0].id}"
    national = f"N{missing.clause.id}"
    chosen = ReviewDecision(national, status=Status.PARTIAL, match=addition)
    model.set_comparison(sample_comparison, [chosen])
    number = model.row_for(national).number
    status = model.index_for(addition, ClauseTableModel.COL_STATUS)
    assert status.data() == "本省新增（已作对应表述）"
    assert f"序号 {number} 的对应表述" in status.data(Qt.ItemDataRole.ToolTipRole)
    # The choice undone on the national row alone: the addition's row is told too.
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.row()))
    model.update_item(national, None)
    assert model.index_for(addition, ClauseTableModel.COL_STATUS).data() == "本省新增"
    assert status.row() in changed
    model.update_item(national, chosen)
    assert model.index_for(addition, ClauseTableModel.COL_STATUS).data() == "本省新增（已作对应表述）"
    # Decided on as an addition (an opinion, 不适用), it is listed as one, with that decision.
    model.update_item(addition, ReviewDecision(addition, note="本省特色做法"))
    assert "已作对应表述" not in model.index_for(addition, ClauseTableModel.COL_STATUS).data()
