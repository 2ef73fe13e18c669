"""The clause table's columns on a small window: the texts get the room, not the status column."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem

from core.model import Status
from desktop import settings as keys
from desktop.main_window import MainWindow
from desktop.models import ClauseTableModel
from desktop.status_style import status_style
from desktop.table_columns import LINE_SEPARATOR, NOTE_SHARE, STATUS_SUFFIXES, note_minimum

from .conftest import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair

# 1366×768 at 150 %: the screen a small office laptop gives the window, in device-independent
# pixels, less the task bar.
SMALL = (911, 482)


def _widths(window: MainWindow) -> list[int]:
    header = window.table.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def _decide_some(window: MainWindow) -> list[str]:
    """Confirm one row and overrule another: the status cells then carry their review marks."""
    rows = [row for row in window.table_model.rows() if not row.is_addition]
    decided = []
    for row, key in ((rows[0], "confirm"), (rows[1], Status.NOT_EXPECTED.value)):
        assert window.select_item(row.item)
        window.set_status(key)
        decided.append(row.item)
    return decided


def test_the_text_columns_get_the_room_on_a_small_window(qtbot, make_window, save_path):
    window = make_window()
    window.resize(*SMALL)
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    decided = _decide_some(window)
    qtbot.waitUntil(lambda: window.table.viewport().width() < 700)
    widths = _widths(window)
    metrics = window.table.fontMetrics()
    status = widths[ClauseTableModel.COL_STATUS]
    # No longer as wide as a label and its mark on one line ("部分覆盖（已确认）") …
    assert status < metrics.horizontalAdvance("部分覆盖（已确认）") + 12
    # … but every label and every mark fits on a line of its own.
    for text in [status_style(s).label for s in Status] + [status_style(None).label, *STATUS_SUFFIXES]:
        assert metrics.horizontalAdvance(text) <= status - 8, text
    # The two texts share what is left, the opinion column a fifth of it (at least its title).
    national, provincial = widths[ClauseTableModel.COL_NATIONAL], widths[ClauseTableModel.COL_PROVINCIAL]
    note = widths[ClauseTableModel.COL_NOTE]
    fixed = widths[ClauseTableModel.COL_NUMBER] + widths[ClauseTableModel.COL_SCORE] + status
    room = window.table.viewport().width() - fixed
    assert note == max(note_minimum(window.table), int(room * NOTE_SHARE))
    assert abs(national - provincial) <= 1
    assert national + provincial + note == room
    assert national > note and national > status
    # A reviewed row's status is drawn with its mark on the second line.
    delegate = window.table.itemDelegateForColumn(ClauseTableModel.COL_STATUS)
    for item in decided:
        index = window.proxy.mapFromSource(window.table_model.index_for(item, ClauseTableModel.COL_STATUS))
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        label, mark = option.text.split(LINE_SEPARATOR)
        assert f"{label}{mark}" == index.data()
        assert mark in STATUS_SUFFIXES
    # An unreviewed row's status is drawn as it reads.
    plain = next(r for r in window.table_model.rows() if r.decision is None)
    index = window.proxy.mapFromSource(window.table_model.index_for(plain.item, ClauseTableModel.COL_STATUS))
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, index)
    assert option.text == index.data()
    # Wider, the texts widen and the opinion column keeps its share.
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: _widths(window)[ClauseTableModel.COL_NATIONAL] > national + 100)
    wide = _widths(window)
    room = window.table.viewport().width() - fixed
    assert wide[ClauseTableModel.COL_NOTE] == max(note_minimum(window.table), int(room * NOTE_SHARE))
    assert wide[ClauseTableModel.COL_STATUS] == status


def test_a_header_saved_by_an_earlier_version_does_not_stretch_the_opinion_column(
        qtbot, settings, tmp_path, dialogs):
    # Earlier versions stretched the opinion column as wide as each text and kept that in the
    # saved header state, which is restored at start.
    first = MainWindow(settings)
    qtbot.addWidget(first)
    header = first.table.horizontalHeader()
    header.setSectionResizeMode(ClauseTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(ClauseTableModel.COL_STATUS, 300)
    settings.set_layout(keys.TABLE_HEADER, header.saveState())
    first.close()

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    assert header.sectionResizeMode(ClauseTableModel.COL_NOTE) == QHeaderView.ResizeMode.Interactive
    assert header.sectionResizeMode(ClauseTableModel.COL_NATIONAL) == QHeaderView.ResizeMode.Stretch
    assert header.sectionSize(ClauseTableModel.COL_STATUS) < 300
    assert header.sectionSize(ClauseTableModel.COL_NATIONAL) > header.sectionSize(ClauseTableModel.COL_NOTE)
    window.close()
