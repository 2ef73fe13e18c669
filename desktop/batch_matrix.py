"""The batch matrix as a Qt table model, and the side pane's wording of one item across local texts."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from core import batch as batching
from core.model import Status
from desktop.status_style import STATUS_ORDER, status_style

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = ("国家文件条款", "未覆盖数", "部分覆盖数")


class MatrixModel(QAbstractTableModel):
    """Rows: national items; columns: the item, its 未覆盖/部分覆盖 counts, then one per local text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch: batching.Batch | None = None

    def set_batch(self, batch: batching.Batch | None) -> None:
        self.beginResetModel()
        self.batch = batch
        self.endResetModel()
        if self.columnCount():
            # The header keeps its height through a reset: a title that grew a line (审核调整)
            # was cut off.
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.batch is None else len(self.batch.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.batch is None:
            return 0
        return len(FIXED_COLUMNS) + len(self.batch.locals)

    def local_index(self, column: int) -> int | None:
        """The local text a column shows, None for the fixed columns."""
        return column - len(FIXED_COLUMNS) if column >= len(FIXED_COLUMNS) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.batch is None or orientation != Qt.Orientation.Horizontal:
            return None
        local = self.local_index(section)
        if local is None:
            return FIXED_COLUMNS[section] if role == Qt.ItemDataRole.DisplayRole else None
        column = self.batch.locals[local]
        summary = self.batch.summary(local)
        if role == Qt.ItemDataRole.DisplayRole:
            name = column.name.replace("（", "\n（")  # 北京市 / （2024）: columns stay narrow
            if summary is None:
                return f"{name}\n无法对照"
            reviewed = f"\n审核调整{column.reviewed}项" if column.reviewed else ""
            return f"{name}\n覆盖 {summary.carried_percent:.0f}%{reviewed}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if summary is None:
                return f"{column.title or column.path}\n{column.error}"
            counts = "，".join(f"{status_style(s).label} {summary.counts.get(s, 0)}"
                              for s in batching.STATUS_ORDER)
            # The file too: two versions of one region's text are told apart only by it
            # (北京市（1） and 北京市（2） named the same title).
            reviewed = f"\n经审核调整 {column.reviewed} 项（按该组对照的审核意见）" if column.reviewed else ""
            return (f"{column.title}\n文件：{column.path}\n{counts}\n"
                    f"覆盖率（含部分覆盖）{summary.carried_percent:.1f}%，已覆盖占比 {summary.covered_percent:.1f}%"
                    f"{reviewed}")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.batch is None:
            return None
        row, column = index.row(), index.column()
        item = self.batch.items[row]
        local = self.local_index(column)
        if local is None:
            if column == 0:
                if role == Qt.ItemDataRole.DisplayRole:
                    return item.label
                if role == Qt.ItemDataRole.ToolTipRole:
                    return item.text
                if role == SORT_ROLE:
                    return row
                return None
            status = Status.MISSING if column == 1 else Status.PARTIAL
            count = self.batch.count(row, status)
            if role == Qt.ItemDataRole.DisplayRole:
                return count
            if role == SORT_ROLE:
                # Equal counts keep the national order (the most missed first, then 一、二、…),
                # the same before and after a review refreshes the matrix.
                return count * 100000 + len(self.batch.items) - row
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        cell = self.batch.cells[row][local]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if cell is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "—"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.batch.locals[local].error
            if role == SORT_ROLE:
                return 9
            return None
        style = status_style(cell.status, not_applicable=cell.not_applicable)
        if role == Qt.ItemDataRole.DisplayRole:
            return style.label
        if role == Qt.ItemDataRole.BackgroundRole:
            return style.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.foreground
        if role == Qt.ItemDataRole.FontRole and cell.reviewed:
            font = QFont()
            font.setBold(True)  # the reviewer's verdict, not the engine's
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            where = f"（{cell.where}）" if cell.where else ""
            reviewed = "（审核调整后的结果）" if cell.reviewed else ""
            return f"{style.label}{where}{reviewed}\n{cell.reason.text}"
        if role == SORT_ROLE:
            return STATUS_ORDER.get(cell.status, 5)
        return None


def wording_html(batch: batching.Batch, row: int, column: int | None = None) -> str:
    """The side pane: the national item, the chosen local text's wording, then 他省表述."""
    item = batch.items[row]
    parts = [f"<h3>{html.escape(item.label)}</h3><p>{html.escape(item.text)}</p>"]

    def entry(local: batching.Local, cell: batching.Cell) -> str:
        style = status_style(cell.status, not_applicable=cell.not_applicable)
        where = f" {html.escape(cell.where)}" if cell.where else ""
        if cell.wording:
            wording = html.escape(cell.wording)
        elif cell.reviewed and cell.status in (Status.COVERED, Status.PARTIAL):
            wording = "（审核认定承接，未指定对应表述）"
        elif cell.status is Status.NOT_EXPECTED:
            wording = "（无需地方落实）" if not cell.not_applicable else "（审核认定不适用）"
        else:
            wording = "（未找到对应表述）"
        reviewed = "（审）" if cell.reviewed else ""
        return (f"<p><b>{html.escape(local.name)}</b>{where} "
                f"<span style='background:{style.background.name()};color:{style.foreground.name()}'>"
                f"&nbsp;{style.label}{reviewed}&nbsp;</span><br>{wording}<br>"
                f"<small style='color:#666'>{html.escape(cell.reason.text)}</small></p>")

    if column is not None:
        local, cell = batch.locals[column], batch.cells[row][column]
        parts.append("<h4>本地表述</h4>")
        parts.append(entry(local, cell) if cell is not None
                     else f"<p><b>{html.escape(local.name)}</b>：{html.escape(local.error)}</p>")
    others = batch.wordings(row, exclude=column)
    parts.append(f"<h4>他省表述（{len(others)}）</h4>")
    if not others:
        parts.append("<p>其他地方文件都没有对应表述。</p>")
    parts += [entry(local, cell) for local, cell in others]
    return "".join(parts)
