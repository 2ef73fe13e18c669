"""A table whose first columns stay in place while the others scroll sideways (Qt's frozen-column
pattern: a second view over the left edge, sharing the model, the selection and the rows)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenColumnsTable(QTableView):
    """A QTableView whose first ``frozen`` columns do not scroll horizontally.

    The frozen part is drawn by ``self.frozen``, a view laid over the left edge: same model,
    same selection model, rows scrolled together, column widths and sort indicator kept equal.
    It never takes the keyboard focus: the keys stay with this table.
    """

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self.frozen = QTableView(self)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # By pixel: scrolled by whole columns, the first one past the frozen ones lay under them.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.setWordWrap(False)
        # Its titles are the ones the user sees: a frozen column is widened by dragging there.
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_column_resized)
        self.frozen.setStyleSheet("QTableView { border: none; }")
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        # Clicking a frozen column's title sorts as clicking the table's own would.
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_title_clicked)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        # The frozen cells answer the mouse as the table's own (a double-click on them too).
        self.frozen.doubleClicked.connect(self.doubleClicked)

    # ------------------------------------------------------------------ model and layout
    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._columns_changed)
            model.columnsInserted.connect(self._columns_changed)
            model.columnsRemoved.connect(self._columns_changed)
            model.layoutChanged.connect(self._columns_changed)
        self._columns_changed()

    def setSelectionMode(self, mode) -> None:  # noqa: N802 - Qt's name
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setSelectionBehavior(self, behavior) -> None:  # noqa: N802 - Qt's name
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def _columns_changed(self, *_args) -> None:
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        for column in range(columns):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self.frozen.horizontalHeader().setMinimumHeight(self.horizontalHeader().minimumHeight())
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.setVisible(columns > self.frozen_count)
        self._place_frozen()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self._place_frozen()

    def _frozen_column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count and self.columnWidth(column) != new:
            self.setColumnWidth(column, new)

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    def frozen_width(self) -> int:
        """The width of the frozen columns."""
        return sum(self.columnWidth(c) for c in range(self.frozen_count) if not self.isColumnHidden(c))

    def _place_frozen(self) -> None:
        frame = self.frameWidth()
        self.frozen.setGeometry(self.verticalHeader().width() + frame, frame, self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place_frozen()

    # ------------------------------------------------------------------ sorting
    def _frozen_title_clicked(self, column: int) -> None:
        header = self.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        self.sortByColumn(column, order)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        frozen = self.frozen.horizontalHeader()
        frozen.setSortIndicatorShown(column < self.frozen_count)
        frozen.setSortIndicator(column, order)

    # ------------------------------------------------------------------ scrolling
    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        scroll = self.horizontalScrollBar()
        before = scroll.value()
        super().scrollTo(index, hint)
        if not index.isValid():
            return
        if index.column() < self.frozen_count:
            scroll.setValue(before)  # always in view: only its row is scrolled to
            return
        # A cell reached with the keys or chosen in code must not lie under the frozen columns.
        hidden = self.frozen_width() - self.visualRect(index).left()
        if hidden > 0:
            scroll.setValue(scroll.value() - hidden)
