"""The clause table's column widths: the two texts get the room, the status and opinion columns
only what they need."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from core.model import Status
from desktop.clause_table import ClauseTableModel
from desktop.status_style import status_style

# What a reviewed row adds to its status label (desktop.clause_table: "部分覆盖（已确认）").
STATUS_SUFFIXES = ("（已确认）", "（改判）", "（需复核）", "（未保存）")
# The opinion column's share of the room the three text columns divide (national, provincial,
# opinion: 2 : 2 : 1). Equal thirds gave a mostly empty opinion column as much room as each text.
NOTE_SHARE = 0.2
CELL_PADDING = 14  # the cell's margins on both sides, and a little air
LINE_SEPARATOR = "\u2028"


class StatusDelegate(QStyledItemDelegate):
    """Draws a reviewed status on two lines, label above its mark ("部分覆盖" / "（已确认）"):
    the column is then as wide as the longest label, not label and mark side by side."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if "（" in text and not text.startswith("（"):
            # The style lays the text out with QTextLayout: a line separator breaks, "\n" not.
            option.text = text.replace("（", LINE_SEPARATOR + "（", 1)


def status_width(table: QTableView) -> int:
    """The least width showing every status label, and every review mark, on a line of its own."""
    metrics = table.fontMetrics()
    labels = [status_style(status).label for status in Status] + [status_style(None).label]
    header = metrics.horizontalAdvance(ClauseTableModel.HEADERS[ClauseTableModel.COL_STATUS])
    widest = max(metrics.horizontalAdvance(text) for text in (*labels, *STATUS_SUFFIXES))
    return max(widest, header) + CELL_PADDING


def note_minimum(table: QTableView) -> int:
    return table.fontMetrics().horizontalAdvance(
        ClauseTableModel.HEADERS[ClauseTableModel.COL_NOTE]) + CELL_PADDING


class ClauseColumns(QObject):
    """Keeps the clause table's columns sized as the table's width changes.

    序号, 相似度 and 对照结果 keep their least widths; 国家文件条款 and 本省对应表述 stretch;
    审核意见 takes ``NOTE_SHARE`` of the rest (at least its title), re-set when the table is
    resized (a width the user dragged it to holds until then).
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.delegate = StatusDelegate(table)
        table.setItemDelegateForColumn(ClauseTableModel.COL_STATUS, self.delegate)
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        """Set the columns' resize modes and least widths (again after a saved header state was
        restored: a state saved by an earlier version stretched the opinion column)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ClauseTableModel.COL_NATIONAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ClauseTableModel.COL_PROVINCIAL, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ClauseTableModel.COL_NUMBER, metrics.horizontalAdvance("序号") + 28)
        header.resizeSection(ClauseTableModel.COL_SCORE, metrics.horizontalAdvance("相似度") + 16)
        header.resizeSection(ClauseTableModel.COL_STATUS, status_width(self.table))
        self.fit()

    def fit(self) -> None:
        """Give the opinion column its share of the room left by the fixed columns."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(column) for column in
                    (ClauseTableModel.COL_NUMBER, ClauseTableModel.COL_SCORE, ClauseTableModel.COL_STATUS))
        room = self.table.viewport().width() - fixed
        header.resizeSection(ClauseTableModel.COL_NOTE,
                             max(note_minimum(self.table), int(room * NOTE_SHARE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Events reach the viewport while the table is being destroyed: the table is looked at
        # only on a resize, and only while it is still there.
        if (event.type() == QEvent.Type.Resize and watched is self.viewport
                and shiboken6.isValid(self.table)):
            self.fit()
        return super().eventFilter(watched, event)
