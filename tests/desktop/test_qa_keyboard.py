"""Defects a keyboard-only reviewer met (second QA pass): each fixed here with its test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .conftest import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair


def test_the_table_takes_the_keys_once_a_comparison_is_shown(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.compare_button.setFocus()  # as a click on 开始对照 leaves it
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    # ↓ did nothing: focus was on no widget (or a button) until the reviewer tabbed to the table.
    qtbot.waitUntil(window.table.hasFocus)
    before = window.table.currentIndex().row()
    assert before >= 0  # on the first gap
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == before + 1


def test_ctrl_enter_saves_the_opinion_and_gives_the_keys_back_to_the_table(qtbot, make_window):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    item = window.current_row().item
    note = window.review_panel.note
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    note.insertPlainText("应补充监测要求")  # Chinese comes through an input method
    QTest.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.table.hasFocus)
    # J, the next gap, went into the opinion box ("应补充监测要求j") and was saved with it
    # when the reviewer moved on.
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_J)
    assert window.current_row().item != item
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_K)
    assert window.current_row().item == item
    assert window.table_model.row_for(item).note == "应补充监测要求"
    assert window.project.decision(item).note == "应补充监测要求"


def test_f2_scrolls_the_opinion_box_into_view_on_a_small_screen(qtbot, make_window):
    window = make_window()
    window.resize(911, 470)  # 1366×768 at 150 %, less a taskbar
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.wait(100)  # the detail pane's wrapped reasons settle their height
    note = window.review_panel.note
    viewport = window.detail_scroll.viewport()

    def shown_height() -> int:
        top = note.mapTo(viewport, note.rect().topLeft()).y()
        return min(top + note.height(), viewport.height()) - max(top, 0)

    assert shown_height() < note.height()  # the case at hand: the box is below the fold
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    assert shown_height() == note.height()
