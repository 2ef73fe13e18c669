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
