"""The real main window driven end to end: compare, filter, review, undo, reopen, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from core import session
from core.model import Status
from desktop.main_window import NATIONAL, PROVINCIAL, MainWindow, projects_dir
from desktop.models import ClauseTableModel, DecisionListModel, HistoryModel, ItemRole, SectionIdRole
from desktop.status_style import status_style
from desktop.settings import REVIEWER, Settings

from .conftest import (COMPARE_TIMEOUT_MS, CORPUS_NATIONAL, CORPUS_PROVINCIAL,
                       SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair, compare_with_table_keys,
                       open_opinion_box)


def _shown_statuses(window: MainWindow) -> set[str]:
    proxy = window.proxy
    return {window.table_model.row_at(proxy.mapToSource(proxy.index(r, 0))).status.value
            for r in range(proxy.rowCount())}


def test_compare_filter_review_undo_redo_reopen_and_export(qtbot, make_window, save_path, dialogs):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    project_path = Path(window.project.path)
    assert project_path.is_file() and project_path.suffix == ".duizhao"
    # Kept in the app's folder under the provincial text's title: the sample's file name
    # (provincial-opinion-sample.docx) says nothing in Chinese.
    assert project_path.parent == projects_dir()
    assert project_path.stem == session.document_stem(SAMPLE_PROVINCIAL.name,
                                                      window.comparison.provincial.title)
    assert "示例省" in project_path.stem
    assert window.table_model.rowCount() > 100
    assert "已覆盖" in window.summary.text()

    # 只看差距: one click leaves missing and partial clauses only.
    window.gap_button.click()
    assert window.gap_filter_action.isChecked()
    assert _shown_statuses(window) == {"missing", "partial"}
    summary = window.comparison.summary
    assert window.proxy.rowCount() == summary.missing + summary.partial

    # Review the selected gap: mark it covered, then write an opinion.
    window.table.setFocus()
    assert window.goto_gap(+1)
    row = window.current_row()
    item = row.item
    assert row.status in (Status.MISSING, Status.PARTIAL)
    window.set_status(Status.COVERED.value)
    reviewed = window.table_model.row_for(item)
    assert reviewed.status is Status.COVERED and reviewed.decision.reviewer == "测试审核人"
    # It stays selected and shown until the reviewer moves on: the opinion typed next is its
    # own (it went to the next gap, which then read as reviewed). F8 moves on, and the filter
    # hides it then.
    assert window.current_row().item == item
    shown = window.proxy.rowCount()
    assert window.goto_gap(+1)
    following = window.current_row().item
    assert following != item
    qtbot.waitUntil(lambda: window.proxy.rowCount() == shown - 1)
    assert window.table_model.row_for(following).decision is None
    assert not window.select_item(item)  # hidden by 只看差距 now
    window.set_gap_filter(False)
    assert window.select_item(item)
    window.set_note(item, "省里已在第五部分另行部署")
    assert window.table_model.row_for(item).note == "省里已在第五部分另行部署"
    assert [d.item for d in window.project.decisions()] == [item]

    # Undo the note, then the status; redo both.
    window.undo_action.trigger()
    assert window.table_model.row_for(item).note == ""
    assert window.table_model.row_for(item).status is Status.COVERED
    window.undo_action.trigger()
    assert window.table_model.row_for(item).decision is None
    assert window.project.decisions() == []
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.table_model.row_for(item).note == "省里已在第五部分另行部署"
    assert window.table_model.row_for(item).status is Status.COVERED

    # Export the checklist to Word (decisions applied) and read it back.
    out = Path(window.project.path).parent / "清单.docx"
    window.export_to("checklist", out)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=COMPARE_TIMEOUT_MS)
    document = Document(str(out))
    cells = [cell.text for table in document.tables for r in table.rows for cell in r.cells]
    assert any("省里已在第五部分另行部署" in text for text in cells)
    assert dialogs.shown == []

    # Reopen the project in a new window: the decision is there, nothing recomputed.
    window.project.close()
    window.project = None
    again = make_window()
    with qtbot.waitSignal(again.project_shown, timeout=COMPARE_TIMEOUT_MS):
        again.open_project(project_path)
    row = again.table_model.row_for(item)
    assert row.status is Status.COVERED and row.note == "省里已在第五部分另行部署"
    assert "已审核 <b>1</b>" in again.summary.text()


def test_history_shows_every_change_to_an_item(qtbot, make_window, save_path, qtmodeltester):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.goto_gap(+1)
    item = window.current_row().item
    window.set_status(Status.COVERED.value)
    assert window.select_item(item)
    window.set_note(item, "已在第五部分部署")
    window.undo_action.trigger()
    assert window.select_item(item)
    window.review_panel.history_button.click()
    dialog = window.history_dialog
    row = window.table_model.row_for(item)
    heading = dialog.findChild(QLabel).text()
    # Named as a reader finds it, by place, sentence and words; never by the internal id.
    assert dialog.isVisible() and item not in heading
    assert row.national_where in heading and row.national_text[:20] in heading
    # 序号, not "第 N 条", which beside a statute's 第七章第七十条 reads as an article.
    assert f"序号 {row.number}" in heading and f"第 {row.number} 条" not in heading
    qtmodeltester.check(dialog.model)
    model = dialog.model
    texts = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert [t[HistoryModel.COL_ACTION] for t in texts] == ["审核", "审核", "撤销"]
    assert {t[HistoryModel.COL_REVIEWER] for t in texts} == {"测试审核人"}
    assert texts[0][HistoryModel.COL_BEFORE] == "（系统判断）"
    assert texts[0][HistoryModel.COL_AFTER] == "改为“已覆盖”"
    assert texts[1][HistoryModel.COL_AFTER] == "改为“已覆盖”；意见：已在第五部分部署"
    assert texts[2][HistoryModel.COL_AFTER] == "改为“已覆盖”"
    dialog.close()
    # A chosen sentence is named by place and words too.
    other = next(c for c in window.comparison.provincial.clauses()
                 if c.text != row.provincial_text)
    window.choose_match(item, f"P{other.id}")
    assert window.select_item(item)
    window.show_history()
    last = window.history_dialog.model.index(window.history_dialog.model.rowCount() - 1,
                                             HistoryModel.COL_AFTER).data()
    assert f"P{other.id}" not in last and other.text[:15] in last and "句" in last
    window.history_dialog.close()


@pytest.mark.parametrize("kind,suffix", [("gaps", ".docx"), ("xlsx", ".xlsx"), ("json", ".json")])
def test_other_exports_write_their_files(qtbot, make_window, save_path, dialogs, kind, suffix):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.choose_export(kind)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=COMPARE_TIMEOUT_MS)
    assert window.last_export.suffix == suffix and window.last_export.stat().st_size > 0
    assert dialogs.shown == []


def test_keyboard_only_review(qtbot, make_window, save_path):
    window = make_window()
    compare_with_table_keys(qtbot, window)
    QTest.keyClick(window.table, Qt.Key.Key_J)
    first = window.current_row()
    assert first.is_gap
    QTest.keyClick(window.table, Qt.Key.Key_F8)
    second = window.current_row()
    assert second.is_gap and second.number > first.number
    QTest.keyClick(window.table, Qt.Key.Key_K)
    assert window.current_row().item == first.item
    QTest.keyClick(window.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first.item).status is Status.MISSING
    assert window.table_model.row_for(first.item).decision is not None
    QTest.keyClick(window.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first.item).not_applicable
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(window.review_panel.note.hasFocus)
    # Chinese arrives through an input method; QTest can only type ASCII keys.
    window.review_panel.note.insertPlainText("不适用于本省")
    QTest.keyClick(window.review_panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first.item).note == "不适用于本省"
    QTest.keyClick(window.review_panel.note, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.table.hasFocus)
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first.item).note == ""
    QTest.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first.item).note == "不适用于本省"
    QTest.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.table_model.row_for(first.item).note == "不适用于本省"  # nothing left to redo
    QTest.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    row = window.table_model.row_for(first.item)
    assert row.status is Status.COVERED and not row.not_applicable and row.note == "不适用于本省"


def test_keys_in_the_opinion_box_never_lose_an_opinion(qtbot, make_window, save_path):
    """Ctrl+Z in the box undoes typing only (not the decision that holds the opinion), and
    Esc cancels an edit instead of saving it."""
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    QTest.keyClicks(note, "first")
    QTest.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(item).note == "first"
    decisions = window.project.decisions()
    # Nothing typed since: Ctrl+Z in the box does nothing, above all not 撤销 the opinion.
    QTest.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "first" and window.project.decisions() == decisions
    QTest.keyClicks(note, " more")
    QTest.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() != "first more" and window.project.decisions() == decisions
    QTest.keyClicks(note, "zzz")
    QTest.keyClick(note, Qt.Key.Key_Escape)  # cancels: the saved opinion comes back
    qtbot.waitUntil(window.table.hasFocus)
    assert note.toPlainText() == "first"
    assert window.table_model.row_for(item).note == "first"
    assert window.project.decisions() == decisions


def test_esc_leaves_the_search_and_keys_act_only_on_a_shown_selected_row(qtbot, make_window,
                                                                         save_path):
    window = make_window()
    compare_with_table_keys(qtbot, window)
    before = window.current_row().item
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)
    QTest.keyClicks(window.search, "zzzz-no-such-text")
    assert window.proxy.rowCount() == 0
    QTest.keyClick(window.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.project.decisions() == []  # the hidden row was not decided on
    assert window.review_panel.item == ""
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.table.hasFocus)
    window.search.clear()
    # A search that hides the current row: the shown, selected row is the one decided on.
    shown = next(r for r in window.table_model.rows() if r.item != before and not r.is_addition)
    window.search.setText(shown.national_text)
    assert window.proxy.rowCount() >= 1
    target = window.review_row()
    assert target is not None and target.item != before
    assert window.review_panel.item == target.item
    QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert [d.item for d in window.project.decisions()] == [target.item]
    assert window.table_model.row_for(before).decision is None


def test_note_is_saved_when_focus_leaves(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    item = window.current_row().item
    window.edit_note()
    qtbot.waitUntil(window.review_panel.note.hasFocus)
    QTest.keyClicks(window.review_panel.note, "todo ")
    window.review_panel.note.insertPlainText("待办")
    window.goto_gap(+1)  # moving on saves what was typed
    assert window.table_model.row_for(item).note == "todo 待办"
    assert window.current_row().item != item


def test_choosing_another_candidate_match(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    finding = next(f for f in window.comparison.clauses if f.matches and f.alternatives)
    offered = finding.matches + finding.alternatives
    assert window.select_item(f"N{finding.clause.id}")
    assert window.diff.candidates.rowCount() == len(offered)
    assert window.diff.candidates.is_alternative(window.diff.candidates.index(len(offered) - 1, 0))
    window.diff.candidate_view.selectRow(1)
    window.diff.choose_button.click()
    row = window.table_model.row_for(f"N{finding.clause.id}")
    assert row.provincial_text == offered[1].clause.text
    assert window.table_model.index_for(row.item, ClauseTableModel.COL_STATUS).data().endswith("（改判）")
    window.undo_action.trigger()
    assert window.table_model.row_for(row.item).provincial_text == finding.matches[0].clause.text


def test_the_summary_counts_an_addition_chosen_as_a_counterpart_apart(qtbot, make_window, save_path):
    """As the reports do: chosen as a national row's counterpart, the sentence is no longer
    counted among 本省新增; the bar says how many were taken so, and undo gives it back."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    additions = len(window.comparison.additions)
    assert f"本省新增&nbsp;</span>&nbsp;<b>{additions}</b>" in window.summary.text()
    finding = next(f for f in window.comparison.clauses if f.status is Status.MISSING)
    addition = f"P{window.comparison.additions[0].id}"
    assert window.select_item(f"N{finding.clause.id}")
    window.choose_match(f"N{finding.clause.id}", addition)
    window.set_status(Status.PARTIAL.value)  # the reviewer's verdict: carried in part by it
    assert window.table_model.row_for(f"N{finding.clause.id}").status is Status.PARTIAL
    text = window.summary.text()
    assert f"本省新增&nbsp;</span>&nbsp;<b>{additions - 1}</b>" in text
    assert "另有 1 条已作对应表述" in text
    # The provincial tree counts it apart too, in its section and the parts above.
    tree = window.provincial_model
    section = window.comparison.additions[0].section
    own = sum(1 for clause in window.comparison.additions if clause.section == section)
    shown = tree.index_for_section(section, tree.COL_ADDITIONS)
    assert shown.data() == (f"{own - 1} 句" if own > 1 else "")
    assert sum(_tree_count(tree, top) for top in _top_sections(tree)) == additions - 1
    window.undo_action.trigger()  # the verdict
    window.undo_action.trigger()  # the choice
    assert f"本省新增&nbsp;</span>&nbsp;<b>{additions}</b>" in window.summary.text()
    assert "已作对应表述" not in window.summary.text()
    assert shown.data() == f"{own} 句"
    assert sum(_tree_count(tree, top) for top in _top_sections(tree)) == additions


def _top_sections(tree) -> list[str]:
    return [tree.section_at(tree.index(row, 0)).id for row in range(tree.rowCount())]


def _tree_count(tree, section_id: str) -> int:
    text = tree.index_for_section(section_id, tree.COL_ADDITIONS).data()
    return int(text.split()[0]) if text else 0


def test_a_chosen_match_brings_its_own_score_status_and_gaps(qtbot, make_window, save_path):
    """Choosing another sentence is not a label change: the row's similarity, suggested status
    and gaps are those of the chosen text, in the table, the detail pane and the summary."""
    from core.review import assess

    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    finding = next(f for f in window.comparison.clauses
                   if f.alternatives and f.status is not Status.COVERED)
    chosen = finding.alternatives[0].clause
    expected = assess(window.comparison, finding.clause, chosen)
    item = f"N{finding.clause.id}"
    assert window.select_item(item)
    position = len(finding.matches)  # the first alternative follows the engine's matches
    window.diff.candidate_view.selectRow(position)
    window.diff.choose_button.click()
    row = window.table_model.row_for(item)
    assert row.provincial_text == chosen.text and row.match_changed
    assert row.score == expected.score and row.status is expected.status
    assert row.gaps == expected.gaps
    score_cell = window.table_model.index_for(item, ClauseTableModel.COL_SCORE).data()
    assert score_cell == f"{expected.score:.0f}"
    assert f"相似度 {expected.score:.0f}" in window.diff.heading.text()
    assert "已改选对应表述" in window.diff.gaps.text()
    assert "整条要求在地方文件中未体现" not in window.diff.gaps.text()


def test_views_keep_in_step(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    comparison = window.comparison
    # Selecting a clause selects its section in both trees.
    finding = next(f for f in comparison.clauses if f.matches and "." in f.clause.section)
    assert window.select_item(f"N{finding.clause.id}")
    assert window.national_tree.currentIndex().data(SectionIdRole) == finding.clause.section
    assert window.provincial_tree.currentIndex().data(SectionIdRole) == finding.matches[0].clause.section
    # Clicking a section filters the table to it.
    section = comparison.national.sections[1]
    index = window.national_model.index_for_section(section.id)
    rect = window.national_tree.visualRect(index)
    QTest.mouseClick(window.national_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ids = set(window.national_model.subtree(section.id))
    shown = {window.table_model.row_at(window.proxy.mapToSource(window.proxy.index(r, 0))).national_section
             for r in range(window.proxy.rowCount())}
    assert shown and shown <= ids
    assert window.section_label.isVisible()
    window.clear_section_filter()
    assert window.proxy.rowCount() == window.table_model.rowCount()
    # The search box narrows the table.
    window.search.setText("一网通办")
    assert 0 < window.proxy.rowCount() < window.table_model.rowCount()


def test_first_start_opens_the_sample_then_reopens_the_last_project(qtbot, make_window, tmp_path):
    store = Settings(tmp_path / "first.ini")
    store.set(REVIEWER, "测试审核人")
    window = make_window(store)
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start()
    assert window.comparison is not None and window.project is not None
    assert window.choices[NATIONAL].name == SAMPLE_NATIONAL.name
    assert store.recent_files()[0].kind == "project"
    path = Path(window.project.path)
    window.project.close()
    window.project = None
    second = make_window(store)
    with qtbot.waitSignal(second.project_shown, timeout=COMPARE_TIMEOUT_MS):
        second.start()
    assert Path(second.project.path) == path


def test_pasted_provincial_text_and_corpus_pair(qtbot, make_window, save_path):
    window = make_window()
    assert window.set_document_file(NATIONAL, str(CORPUS_NATIONAL))
    text = CORPUS_PROVINCIAL.read_text(encoding="utf-8")
    assert window.set_document_text(PROVINCIAL, text, "浙江省数字政府实践（粘贴）")
    assert window.slots[PROVINCIAL].name.text() == "浙江省数字政府实践（粘贴）"
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start_compare()
    assert window.comparison.provincial.format == "text"
    assert window.table_model.rowCount() > 0


def test_cancel_stops_the_compare(qtbot, make_window, save_path, data_dir):
    window = make_window()
    window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    window.start_compare()
    assert window.busy and window.progress.isVisible()
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window.progress.cancel_button.click()
    assert window.project is None and window.comparison is None
    assert window.statusBar().currentMessage() == "已取消。"
    assert not window.progress.isVisible() and window.compare_button.isEnabled()
    assert save_path == []  # nothing was asked before the work
    projects = data_dir / "项目"
    assert not projects.exists() or not list(projects.iterdir())  # no project file left behind


def test_reimport_lists_decisions_left_behind(qtbot, make_window, save_path, qtmodeltester):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    addition = next(r for r in window.table_model.rows() if r.is_addition)
    assert window.select_item(addition.item)
    window.set_note(addition.item, "本省特色做法")
    gap = next(r for r in window.table_model.rows() if r.is_gap)
    assert window.select_item(gap.item)
    window.set_status(Status.COVERED.value)
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.reimport(str(CORPUS_PROVINCIAL))
    assert window.project.provincial_version == 2
    dialog = window.orphan_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    listed = {dialog.model.index(r, 0).data(ItemRole): dialog.model.index(
        r, DecisionListModel.COL_REASON).data() for r in range(dialog.model.rowCount())}
    assert listed[addition.item].startswith("未能沿用")
    # Items are named by place and words, not by internal ids.
    assert all(not dialog.model.index(r, 0).data().startswith(("N", "P"))
               for r in range(dialog.model.rowCount()))
    dialog.close()
    row = window.table_model.row_for(gap.item)
    # The new draft is another text: the verdict on the old sentence is kept but not applied.
    assert listed[gap.item].startswith("需复核") and row.recheck
    assert row.status is row.engine_status or row.not_applicable
    assert window.table_model.index_for(gap.item, ClauseTableModel.COL_STATUS).data().endswith(
        "（需复核）")
    assert not window.undo_action.isEnabled()


def test_marking_a_gap_in_the_gap_view_then_next_does_not_skip_one(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.set_gap_filter(True)
    window.table.setFocus()
    assert window.goto_gap(+1)
    gaps = [window.table_model.row_at(window.proxy.mapToSource(window.proxy.index(r, 0))).item
            for r in range(window.proxy.rowCount())]
    first = window.current_row().item
    at = gaps.index(first)
    QTest.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first).status is Status.COVERED
    assert window.current_row().item == first  # kept in place for its opinion
    QTest.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_row().item == gaps[at + 1]  # J goes on to the next, skipping none
    qtbot.waitUntil(lambda: window.proxy.rowCount() == len(gaps) - 1)  # and the first leaves
    QTest.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_row().item == gaps[at + 2]


def test_an_opinion_typed_after_a_decision_in_the_gap_view_goes_to_the_row_decided(
        qtbot, make_window, save_path):
    """Under 只看差距, 已覆盖 took the row out of the table and the next gap in its place; the
    opinion typed next was saved on that next row, which then read as reviewed."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.set_gap_filter(True)
    window.table.setFocus()
    assert window.goto_gap(+1)
    decided = window.current_row().item
    following = window.table_model.row_at(window.proxy.mapToSource(
        window.proxy.index(window.table.currentIndex().row() + 1, 0))).item
    window.set_status(Status.COVERED.value)
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(window.review_panel.note.hasFocus)
    # Chinese arrives through an input method; QTest can only type ASCII keys.
    window.review_panel.note.insertPlainText("已在第五部分部署")
    QTest.keyClick(window.review_panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(decided).note == "已在第五部分部署"
    assert window.table_model.row_for(following).decision is None
    assert [d.item for d in window.project.decisions()] == [decided]


# -- the window on a small screen ---------------------------------------------------------------

def _inside(window, available) -> bool:
    frame = window.frameGeometry()
    return (frame.width() <= available.width() and frame.height() <= available.height()
            and available.contains(window.geometry()))


def test_first_size_and_a_restored_geometry_fit_the_screen(qtbot, settings):
    """A first start, and a geometry saved on a larger screen (2247×1379, as 150 % scaling
    left it), both open inside the available area of this one."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    available = window.screen().availableGeometry()
    assert _inside(window, available)
    window.resize(2247, 1379)
    window.move(available.left() + 300, available.top() + 200)
    window.close()  # saves the layout
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert _inside(again, again.screen().availableGeometry())


def test_the_window_can_shrink_to_1366x768_at_150_percent(qtbot, make_window, save_path):
    """1366×768 at 150 % leaves about 910×512 logical pixels: the window's least size, with a
    comparison shown and a compare running, fits inside with room for a frame."""
    window = make_window()
    assert window.minimumSizeHint().width() <= 910 - 16
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    least = window.minimumSizeHint()
    assert least.width() <= 910 - 16 and least.height() <= 512 - 40, least
    window.resize(894, 472)
    assert window.width() <= 894 and window.height() <= 472
    # The review buttons and the opinion box stay reachable: inside the scrolling detail pane.
    assert window.detail_scroll.widget().isAncestorOf(window.review_panel)


def test_progress_never_says_done_over_an_empty_table(qtbot, make_window, save_path):
    """The dictionary load is named, and after the engine's "对照完成" the bar keeps saying
    what is still going on (saving, building the table) until the result is on screen."""
    window = make_window()
    steps: list[tuple[int, int, str, int]] = []
    window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    window.compare_button.click()
    window.task.progressed.connect(
        lambda done, total, message: steps.append(
            (done, total, message, window.table_model.rowCount())))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        pass
    assert steps, "no progress reported"
    # Whatever the engine said last, the bar's last word before the table is the saving step.
    assert steps[-1][2] == "正在保存项目并显示结果…" and steps[-1][1] == 0
    finished = [s for s in steps if s[2] == "对照完成"]
    assert all(rows == 0 for *_rest, rows in finished)
    assert window.table_model.rowCount() > 0
    qtbot.waitUntil(lambda: not window.progress.isVisible())


# -- saving -------------------------------------------------------------------------------------

def _sidecars(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


def test_compare_asks_nothing_then_save_as_leaves_one_complete_file(qtbot, make_window,
                                                                    save_path, tmp_path):
    """开始对照 reads and compares without asking; 保存 (Ctrl+S) on a new project asks where
    (Documents, not the inputs' folder); the copy is one file holding every decision."""
    from core.project import Project

    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert save_path == []
    first = Path(window.project.path)
    item = window.current_row().item
    window.set_status(Status.MISSING.value)
    window.set_note(item, "需补充")
    window.activateWindow()
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(save_path) == 1
    saved = Path(save_path[0])
    assert saved.parent != SAMPLE_PROVINCIAL.parent
    assert Path(window.project.path) == saved and saved.is_file()
    # A copy of the file alone (as mailed or put on a share) has every decision.
    copy = tmp_path / "副本.duizhao"
    copy.write_bytes(saved.read_bytes())
    with Project.open(copy) as reopened:
        decision = next(d for d in reopened.decisions() if d.item == item)
        assert decision.status is Status.MISSING and decision.note == "需补充"
    assert first.is_file()  # the app's own copy is left as it was
    # On a project the user placed, Ctrl+S just folds the log in: no question asked.
    window.set_note(item, "需补充数据共享内容")
    QTest.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(save_path) == 1 and window.statusBar().currentMessage().startswith("已保存")
    copy.write_bytes(saved.read_bytes())
    with Project.open(copy) as reopened:
        assert next(d for d in reopened.decisions() if d.item == item).note == "需补充数据共享内容"


def test_closing_the_window_leaves_one_complete_file(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    path = Path(window.project.path)
    window.set_status(Status.COVERED.value)
    assert _sidecars(path)  # while open: the file plus its log
    window.close()
    window.project = None
    assert _sidecars(path) == []


def test_a_confirmation_in_the_history_names_the_status_confirmed(qtbot, make_window, save_path):
    """修改后：确认系统判断 named no status."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.goto_gap(+1)
    row = window.current_row()
    window.set_status("confirm")
    assert window.select_item(row.item)
    window.review_panel.history_button.click()
    model = window.history_dialog.model
    label = status_style(row.engine_status).label
    assert model.index(0, HistoryModel.COL_AFTER).data() == f"确认系统判断（{label}）"
    window.history_dialog.close()


def test_exports_and_a_saved_copy_are_named_from_the_title_of_an_ascii_named_file(
        qtbot, make_window, save_path, dialogs, tmp_path):
    """law_beijing_…_2020.txt gave 起草对照清单 a name its reader could not tell apart."""
    provincial = tmp_path / "draft_v2.docx"
    provincial.write_bytes(Path(SAMPLE_PROVINCIAL).read_bytes())
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, provincial)
    title = window.comparison.provincial.title
    assert title and not title.isascii()
    window.choose_export("checklist")
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=COMPARE_TIMEOUT_MS)
    assert Path(save_path[-1]).name.startswith(title[:20])
    assert window.save_project_as()
    assert Path(save_path[-1]).name.startswith(title[:20]) and save_path[-1].endswith(".duizhao")
    assert dialogs.shown == []


def test_esc_cancels_the_compare_wherever_the_focus_is(qtbot, make_window, save_path, data_dir):
    from PySide6.QtTest import QTest

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    assert "Esc" in window.progress.cancel_button.toolTip()
    window.start_compare()
    assert window.busy and window.progress.isVisible()
    # Esc in the search box leaves the box, as ever: the work goes on.
    window.search.setFocus()
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.busy and window.progress.cancel_button.isEnabled()
    window.table.setFocus()
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_Escape)
    assert window.project is None and window.statusBar().currentMessage() == "已取消。"
    # Nothing runs now: Esc is the window's own again (the search box's, the opinion's).
    assert not window.progress._escape.isEnabled()


def test_a_status_key_pressed_while_typing_an_opinion_saves_the_opinion_first(qtbot, make_window,
                                                                             save_path):
    """Ctrl+1 in the opinion box set the status and threw the typed opinion away."""
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    QTest.keyClicks(note, "see article 2")
    QTest.keyClick(note, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    row = window.table_model.row_for(item)
    assert row.status is Status.COVERED and row.note == "see article 2"
    assert window.project.decision(item).note == "see article 2"
