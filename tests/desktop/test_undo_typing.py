"""撤销 and 重做 from the menu or the toolbar while an opinion is being typed: as in any editor, the
typing is committed first; an undo then takes it back (redo brings it back) and the decision
made before it stays; no decision is saved behind the stack's back, which crashed a redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.model import Status

from .conftest import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair


def _two_items(window) -> tuple[str, str]:
    rows = [row for row in window.table_model.rows()
            if not row.is_addition and row.status is Status.MISSING]
    assert len(rows) >= 2
    return rows[0].item, rows[1].item


def _type_opinion(qtbot, window, item: str, text: str) -> None:
    assert window.select_item(item)
    window.edit_note()
    qtbot.waitUntil(window.review_panel.note.hasFocus)
    QTest.keyClicks(window.review_panel.note, text)
    assert window.review_panel.note_dirty()


def test_undo_while_typing_takes_back_the_typing_first(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first, second = _two_items(window)
    assert window.select_item(first)
    QTest.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(first).status is Status.COVERED
    _type_opinion(qtbot, window, second, "todo")

    # 编辑 → 撤销 (or the toolbar's button, which leaves the focus in the editor).
    window.undo_action.trigger()
    # The earlier decision stands; the opinion was saved, then taken back.
    assert window.table_model.row_for(first).status is Status.COVERED
    assert window.table_model.row_for(second).decision is None
    assert [d.item for d in window.project.decisions()] == [first]
    assert window.review_panel.item == second and window.review_panel.note.toPlainText() == ""
    assert not window.review_panel.note_dirty()
    # Moving on saves nothing behind the undo's back.
    assert window.select_item(first)
    assert [d.item for d in window.project.decisions()] == [first]
    # Redo brings the opinion back; a second undo takes back the earlier decision.
    assert window.undo_stack.canRedo()
    window.redo_action.trigger()
    assert window.table_model.row_for(second).note == "todo"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.project.decisions() == []
    assert window.table_model.row_for(first).status is Status.MISSING


def test_undo_with_nothing_typed_undoes_the_last_decision(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first, second = _two_items(window)
    for item in (first, second):
        assert window.select_item(item)
        QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.undo_action.trigger()
    assert [d.item for d in window.project.decisions()] == [first]
    assert window.undo_stack.canRedo()


def test_redo_while_typing_saves_the_typing_which_ends_the_redo(qtbot, make_window, save_path):
    """Redo with an opinion pending crashed the app: the row change the redo makes saved the
    opinion, pushed on the stack while it was redoing, which deleted the command being redone.
    The opinion is now saved first; like typing in an editor, it ends what there was to redo."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first, second = _two_items(window)
    assert window.select_item(first)
    QTest.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.undo_action.trigger()
    assert window.undo_stack.canRedo()
    _type_opinion(qtbot, window, second, "todo")
    window.redo_action.trigger()
    assert window.table_model.row_for(second).note == "todo"
    assert not window.review_panel.note_dirty()
    assert [d.item for d in window.project.decisions()] == [second]
    assert window.table_model.row_for(first).decision is None
    assert not window.undo_stack.canRedo() and not window.redo_action.isEnabled()
    # One undo takes the opinion back.
    window.undo_action.trigger()
    assert window.project.decisions() == []


def _typed_then_dropped(qtbot, window) -> tuple[str, str]:
    """Compare the sample, type "todo" as the first missing row's opinion and press Esc; the
    two missing rows' items."""
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first, second = _two_items(window)
    _type_opinion(qtbot, window, first, "todo")
    QTest.keyClick(window.review_panel.note, Qt.Key.Key_Escape)
    return first, second


def test_esc_drops_the_typing_says_so_and_the_editors_undo_brings_it_back(qtbot, make_window,
                                                                           save_path):
    """Esc threw a typed opinion away silently, and for good (setPlainText emptied the editor's
    undo history)."""
    window = make_window()
    first, _second = _typed_then_dropped(qtbot, window)
    note = window.review_panel.note
    assert note.toPlainText() == "" and not window.review_panel.note_dirty()
    assert window.table_model.row_for(first).decision is None
    assert "已放弃未保存的审核意见" in window.statusBar().currentMessage()
    # F2, then the editor's own Ctrl+Z: the typing is back, to be saved on leaving the box.
    window.edit_note()
    qtbot.waitUntil(note.hasFocus)
    QTest.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "todo" and window.review_panel.note_dirty()
    window.commit_typing()
    assert window.table_model.row_for(first).note == "todo"


def test_typing_dropped_on_one_row_is_not_brought_back_on_another(qtbot, make_window, save_path):
    window = make_window()
    _first, second = _typed_then_dropped(qtbot, window)
    note = window.review_panel.note
    assert window.select_item(second)
    window.edit_note()
    qtbot.waitUntil(note.hasFocus)
    QTest.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == ""
    window.commit_typing()
    assert window.table_model.row_for(second).decision is None
