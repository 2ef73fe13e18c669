"""Several rows of the clause table selected and decided at once, as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from core.model import Status, national_id
from desktop.dialogs import ShortcutsDialog
from desktop.main_window import MainWindow
from tests.core.test_nearest import _article, write_pair

from .conftest import compare_pair, compare_with_table_keys, read_only_project

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _shown_row(window: MainWindow, position: int):
    return window.table_model.row_at(window.proxy.mapToSource(window.proxy.index(position, 0)))


def _click_row(qtbot, window: MainWindow, position: int,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Click a shown row of the table (scrolled into view first), as a reviewer does."""
    index = window.proxy.index(position, 1)
    window.table.scrollTo(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     window.table.visualRect(index).center())


def _decided(window: MainWindow) -> dict[str, object]:
    return {decision.item: decision for decision in window.project.decisions()}


@pytest.fixture
def window(qtbot, make_window, save_path) -> MainWindow:
    """The sample pair compared, the table with the keys, on its first gap."""
    window = make_window()
    compare_with_table_keys(qtbot, window)
    return window


@pytest.fixture
def answer_box(monkeypatch: pytest.MonkeyPatch):
    """Answer every custom message box with the button named; the questions asked."""
    asked: list[str] = []
    answer = {"button": "取消"}

    def press(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer["button"]).click()

    monkeypatch.setattr(QMessageBox, "exec", press)
    return asked, answer


def test_three_rows_shift_clicked_are_decided_by_a_button_as_one_undo_step(qtbot, window):
    first = window.table.currentIndex().row()
    _click_row(qtbot, window, first)
    _click_row(qtbot, window, first + 2, SHIFT)
    chosen = [_shown_row(window, position) for position in range(first, first + 3)]
    assert [row.item for row in window.review_rows()] == [row.item for row in chosen]
    current = window.current_row().item
    assert current == chosen[-1].item  # the row clicked last fills the detail pane
    hint = window.review_panel.selection_hint
    assert hint.isVisible() and hint.wordWrap()
    assert hint.text() == "已选 3 条：审核结果和审核意见将用于全部所选条目"

    qtbot.mouseClick(window.review_panel.buttons[Status.COVERED.value], Qt.MouseButton.LeftButton)

    decided = _decided(window)
    assert set(decided) == {row.item for row in chosen}
    assert all(d.status is Status.COVERED and d.reviewer == "测试审核人" for d in decided.values())
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "标为“已覆盖”（3 条）"
    assert window.statusBar().currentMessage() == "已将 3 条标为“已覆盖”：已保存；Ctrl+Z 撤销。"
    assert window.current_row().item == current

    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert window.project.decisions() == []
    assert all(window.table_model.row_for(row.item).decision is None for row in chosen)
    QTest.keyClick(window.table, Qt.Key.Key_Y, CTRL)
    assert set(_decided(window)) == {row.item for row in chosen}
    assert all(window.table_model.row_for(row.item).status is Status.COVERED for row in chosen)


def test_shift_arrows_select_rows_and_ctrl_4_sets_them_all_as_the_current_row_toggles(
        qtbot, window):
    first = window.table.currentIndex().row()
    single = _shown_row(window, first + 1)
    _click_row(qtbot, window, first + 1)
    QTest.keyClick(window.table, Qt.Key.Key_4, CTRL)  # one row: as ever
    assert window.table_model.row_for(single.item).not_applicable
    assert window.undo_stack.undoText() == f"标为“不适用”（序号 {single.number}）"
    assert not window.review_panel.selection_hint.isVisible()

    _click_row(qtbot, window, first)
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    items = [_shown_row(window, position).item for position in range(first, first + 3)]
    assert [row.item for row in window.review_rows()] == items
    assert not window.current_row().not_applicable  # the current row's toggle turns it on
    before = _decided(window)[single.item]
    QTest.keyClick(window.table, Qt.Key.Key_4, CTRL)
    assert all(window.table_model.row_for(item).not_applicable for item in items)
    # The row already 不适用 is left as it was, and said to be.
    assert window.undo_stack.undoText() == "标为“不适用”（2 条）"
    assert _decided(window)[single.item] == before
    assert window.statusBar().currentMessage() == (
        "已将 2 条标为“不适用”（另 1 条已标为“不适用”，未改动）：已保存；Ctrl+Z 撤销。")
    QTest.keyClick(window.table, Qt.Key.Key_4, CTRL)  # and now off, for all of them
    assert not any(window.table_model.row_for(item).not_applicable for item in items)
    assert window.undo_stack.undoText() == "取消“不适用”（3 条）"
    assert window.statusBar().currentMessage() == "已对 3 条取消“不适用”：已保存；Ctrl+Z 撤销。"


def test_an_opinion_saved_with_two_rows_selected_lands_on_both(qtbot, window):
    first = window.table.currentIndex().row()
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    items = [_shown_row(window, position).item for position in (first, first + 1)]
    assert window.review_panel.selection_hint.text().startswith("已选 2 条")
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    note = window.review_panel.note
    qtbot.waitUntil(note.hasFocus)
    # Chinese arrives through an input method; QTest can only type ASCII keys.
    note.insertPlainText("两条一并处理")
    QTest.keyClick(note, Qt.Key.Key_Return, CTRL)
    assert [window.table_model.row_for(item).note for item in items] == ["两条一并处理"] * 2
    assert set(_decided(window)) == set(items)
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "审核意见（2 条）"
    qtbot.waitUntil(window.table.hasFocus)
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert [window.table_model.row_for(item).note for item in items] == ["", ""]


def test_more_than_20_rows_are_decided_only_once_the_reviewer_says_so(qtbot, window, answer_box):
    asked, answer = answer_box
    _click_row(qtbot, window, 0)
    _click_row(qtbot, window, 24, SHIFT)
    items = [_shown_row(window, position).item for position in range(25)]
    assert len(window.review_rows()) == 25

    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert asked == ["将所选 25 条全部标为“已覆盖”，确定吗？"]
    assert window.project.decisions() == [] and window.undo_stack.count() == 0

    answer["button"] = "确定"
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert len(asked) == 2
    assert set(_decided(window)) == set(items)
    assert window.undo_stack.count() == 1

    window.headless = True  # nobody to ask: decided at once
    QTest.keyClick(window.table, Qt.Key.Key_2, CTRL)
    assert len(asked) == 2
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)
    assert window.undo_stack.count() == 2


def test_twenty_rows_are_decided_without_a_question(qtbot, window, answer_box):
    asked, _answer = answer_box
    _click_row(qtbot, window, 0)
    _click_row(qtbot, window, 19, SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_0, CTRL)
    assert asked == [] and len(window.project.decisions()) == 20
    assert window.statusBar().currentMessage() == "已对 20 条确认系统判断：已保存；Ctrl+Z 撤销。"


def test_rows_a_filter_hides_are_not_decided(qtbot, window):
    rows = [_shown_row(window, position) for position in range(window.proxy.rowCount())]
    gaps = [position for position, row in enumerate(rows) if row.is_gap and not row.is_addition]
    other = next(position for position in range(gaps[0] + 1, len(rows))
                 if not rows[position].is_gap and not rows[position].is_addition)
    last = next(position for position in gaps if position > other)
    _click_row(qtbot, window, gaps[0])
    _click_row(qtbot, window, other, CTRL)
    _click_row(qtbot, window, last, CTRL)
    assert len(window.review_rows()) == 3
    window.set_gap_filter(True)  # hides the row that is no gap
    assert [row.item for row in window.review_rows()] == [rows[gaps[0]].item, rows[last].item]
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert set(_decided(window)) == {rows[gaps[0]].item, rows[last].item}
    assert window.table_model.row_for(rows[other].item).decision is None


def test_a_right_click_inside_a_selection_keeps_it_and_its_menu_decides_every_row(qtbot, window):
    first = window.table.currentIndex().row()
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    items = [_shown_row(window, position).item for position in range(first, first + 3)]
    menu = window.row_menu(window.table.visualRect(window.proxy.index(first + 1, 1)).center())
    assert window.current_row().item == items[1]
    assert [row.item for row in window.review_rows()] == items
    partial = next(a for a in menu.actions() if a.text() == "标为“部分覆盖”(&2)")
    partial.trigger()
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)
    assert window.undo_stack.count() == 1
    menu.close()
    # Outside the selection the clicked row alone is selected, as before.
    menu = window.row_menu(window.table.visualRect(window.proxy.index(first + 4, 1)).center())
    assert [row.item for row in window.review_rows()] == [_shown_row(window, first + 4).item]
    menu.close()


def test_additions_in_a_selection_take_only_confirm_and_not_applicable(qtbot, window):
    additions = next(position for position in range(window.proxy.rowCount())
                     if _shown_row(window, position).is_addition)
    positions = range(additions - 2, additions + 2)
    items = [_shown_row(window, position).item for position in positions]
    _click_row(qtbot, window, positions[-1])
    _click_row(qtbot, window, positions[0], SHIFT)  # the current row: a national clause
    assert not window.current_row().is_addition and len(window.review_rows()) == 4
    assert window.review_panel.selection_hint.text() == (
        "已选 4 条：审核结果和审核意见将用于全部所选条目（其中本省新增 2 条只能确认或标为“不适用”）")
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert set(_decided(window)) == set(items[:2])
    assert window.undo_stack.undoText() == "标为“已覆盖”（2 条）"
    assert "（另 2 条为本省新增内容，只能确认或标为“不适用”，未改动）" in window.statusBar().currentMessage()
    QTest.keyClick(window.table, Qt.Key.Key_0, CTRL)  # 确认 takes them all
    assert set(_decided(window)) == set(items)

    _click_row(qtbot, window, positions[0])
    _click_row(qtbot, window, positions[-1], SHIFT)  # now the current row is an addition
    assert window.current_row().is_addition
    assert not window.status_actions[Status.COVERED.value].isEnabled()
    count = window.undo_stack.count()
    window.set_status(Status.COVERED.value)
    assert window.undo_stack.count() == count


def test_a_statute_counts_sentences_and_carries_its_article_with_its_sentences_selected(
        qtbot, make_window, save_path, tmp_path):
    """Ctrl+6 judges the current row's whole article: with the article's sentences selected it
    did nothing, and said nothing."""
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    national = _article(window.comparison.national, "第四条")
    carrier = _article(window.comparison.provincial, "第四条")
    items = [national_id(clause.id) for clause in national.clauses]
    assert window.select_item(items[0]) and window.carry_action.isEnabled()
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    assert [row.item for row in window.review_rows()] == items
    assert window.review_panel.selection_hint.text().startswith("已选 2 句：")
    assert window.carry_action.isEnabled() and window.diff.carry_button.isEnabled()
    assert window.status_actions[Status.COVERED.value].isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_3, CTRL)
    assert window.undo_stack.undoText() == "标为“未覆盖”（2 句）"
    # Marked 未覆盖 by the reviewer, the sentences are still offered to a carrier; Ctrl+6
    # records it for both.
    QTest.keyClick(window.table, Qt.Key.Key_6, CTRL)
    assert window.undo_stack.undoText() == f"认定由地方{carrier.label}部分承接（2 句）"
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)
    # A sentence the reviewer marked 已覆盖 is judged: no carrier is offered beside it.
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert not window.diff.carry_button.isVisibleTo(window.diff)


def test_a_read_only_project_decides_no_selected_rows(qtbot, make_window, tmp_path,
                                                      sample_comparison, monkeypatch, dialogs):
    path = tmp_path / "他人正在审核.duizhao"
    with read_only_project(qtbot, make_window, path, sample_comparison, monkeypatch) as (window, holder):
        window.table.setFocus()
        _click_row(qtbot, window, 3)
        _click_row(qtbot, window, 6, SHIFT)
        assert not window.review_panel.selection_hint.isVisible()
        window.set_status(Status.COVERED.value)
        window.set_note(window.current_row().item, "不该保存")
        assert not dialogs.texts() and not window.project.decisions() and holder.decisions() == []


def test_the_shortcuts_list_says_how_to_select_several_rows(qtbot):
    assert any("Shift+单击" in keys and "Shift+↑↓" in keys and "所选条目" in what
               for keys, what in ShortcutsDialog.ROWS)


def test_rows_decided_together_stay_shown_under_a_filter_and_take_the_opinion_typed_next(
        qtbot, window):
    """Under 只看差距 the rows marked 已覆盖 together left the table but the current one; the
    selection fell to it, and the opinion typed next went to it alone."""
    window.set_gap_filter(True)
    first = window.table.currentIndex().row()
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    items = [_shown_row(window, position).item for position in range(first, first + 3)]
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    assert [row.item for row in window.review_rows()] == items
    window.set_note(window.current_row().item, "三条已由其他条款覆盖")
    assert [window.table_model.row_for(item).note for item in items] == ["三条已由其他条款覆盖"] * 3
    # Moving on lets the filter hide them.
    QTest.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not window.proxy.kept())
    shown = {_shown_row(window, position).item for position in range(window.proxy.rowCount())}
    assert not shown & set(items)


def test_an_opinion_for_several_rows_never_replaces_another_rows_own(qtbot, window):
    first = window.table.currentIndex().row()
    items = [_shown_row(window, position).item for position in range(first, first + 3)]
    window.set_note(items[1], "这一条有自己的意见")
    _click_row(qtbot, window, first)
    _click_row(qtbot, window, first + 2, SHIFT)
    window.set_note(window.current_row().item, "一并说明")
    assert [window.table_model.row_for(item).note for item in items] == [
        "一并说明", "这一条有自己的意见", "一并说明"]
    assert window.undo_stack.undoText() == "审核意见（2 条）"
    assert "另 1 条已有各自的审核意见，未改动" in window.statusBar().currentMessage()
    # Cleared the same way: the rows that had it lose it, the other keeps its own.
    window.set_note(window.current_row().item, "")
    assert [window.table_model.row_for(item).note for item in items] == [
        "", "这一条有自己的意见", ""]
    assert window.statusBar().currentMessage().startswith("已对 2 条删除审核意见")


def test_rows_decided_together_that_cannot_be_saved_all_wait_and_are_saved_later(
        qtbot, window, dialogs):
    import sqlite3

    first = window.table.currentIndex().row()
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    items = [_shown_row(window, position).item for position in range(first, first + 3)]
    # A real SQLite failure on the second row's write, from a trigger another connection adds.
    with sqlite3.connect(window.project.path) as other:
        other.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON decisions "
                      f"WHEN NEW.item = '{items[1]}' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    QTest.keyClick(window.table, Qt.Key.Key_1, CTRL)
    # None was saved, not even the first: all three wait (shown 未保存), nothing to undo.
    assert not _decided(window)
    assert window.undo_stack.count() == 0
    assert [window.table_model.row_for(item).unsaved for item in items] == [True, True, True]
    assert any("未能保存" in text for text in dialogs.texts())
    with sqlite3.connect(window.project.path) as other:
        other.execute("DROP TRIGGER refuse")
    # Saved at last, each is its own step; nothing is lost.
    assert window.retry_unsaved()
    assert set(_decided(window)) == set(items)
