"""Outline tree views that keep a section's number (第十一条, （三）) readable; an eliding label."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyle,
                               QStyleOptionViewItem, QTreeView)

from desktop.model_common import SWATCH_SIZE
from desktop.outline_tree import OutlineModel

# The tree never asks for more than this share of the screen's width to fit its numbers: a
# deeply nested item (4. under （二） under 三、) may elide, its tooltip has the whole name.
MAX_SCREEN_SHARE = 0.25
ELLIPSIS = "…"


class OutlineTreeView(QTreeView):
    """A tree over an OutlineModel whose name column always holds its sections' numbers.

    Qt elides a row's name at the right, so the title goes first and the number stays, as long
    as the column holds the number and "…". ``fit_numbers`` makes the view's least width (which
    the window's splitter honours) hold that for every section, after each new comparison; the
    name column stretches over the rest, so nothing scrolls sideways. When the pane is too
    narrow for the count column as well (1366×768 at 150 %), that column steps aside: the
    swatch and background keep the colour, and the tooltip gives the value and the full name.
    """

    def __init__(self, model: OutlineModel, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One character per level, not Qt's 20 px: on a small screen (1366×768 at 150 %) an
        # article two levels down showed "第…" instead of 第十一条.
        self.setIndentation(max(12, self.fontMetrics().horizontalAdvance("第")))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The count column holds short values ("100%", "12 条"): a fixed width that fits them.
        # ResizeToContents would measure every section again on each change of one (7 ms for a
        # statute's tree, on every decision click).
        title = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        width = max(header.fontMetrics().horizontalAdvance(title),
                    self.fontMetrics().horizontalAdvance("100%"),
                    self.fontMetrics().horizontalAdvance("999 条")) + 4 * self.style().pixelMetric(
                        QStyle.PixelMetric.PM_HeaderMargin)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, width)
        # Qt's default reserves 16 px beside the text for a 12 px swatch.
        self.setIconSize(QSize(SWATCH_SIZE, SWATCH_SIZE))
        self._count_width = width
        self._numbers_width = 0
        model.modelReset.connect(self.fit_numbers)
        self.fit_numbers()

    def number_width(self, index: QModelIndex) -> int:
        """Width the name column needs to show this row's number and an ellipsis, from the
        column's left edge: indentation, colour swatch, margins and text."""
        model = self.model()
        assert isinstance(model, OutlineModel)
        section = model.section_at(index)
        if section is None:
            return 0
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = self.indentation() * (depth + (1 if self.rootIsDecorated() else 0))
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if section.label and name.startswith(section.label):
            number = section.label
        elif section.id == "0":
            number = name  # （前言）
        else:
            number = name[:1]  # an unnumbered paragraph: its opening, then "…"
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.text = number if number == name else number + ELLIPSIS
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            if not option.decorationSize.isValid() or option.decorationSize.isEmpty():
                extent = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
                option.decorationSize = QSize(extent, extent)
        cell = self.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option,
                                             QSize(), self)
        return indent + cell.width()

    def numbers_width(self) -> int:
        """The widest ``number_width`` over every section, folded or not."""
        model = self.model()
        widest, pending = 0, [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                widest = max(widest, self.number_width(index))
                pending.append(index)
        return widest

    def fit_numbers(self) -> None:
        """Set the view's least width so the name column holds every section's number."""
        needed = self.numbers_width()
        screen = self.screen()
        if screen is not None:
            needed = min(needed, int(screen.availableGeometry().width() * MAX_SCREEN_SHARE))
        self._numbers_width = needed
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setMinimumWidth(needed + scroll_bar + 2 * self.frameWidth())
        self._place_count_column()

    def _place_count_column(self) -> None:
        """Show the count column when the names keep their numbers beside it, else hide it."""
        fits = self.viewport().width() >= self._numbers_width + self._count_width
        header = self.header()
        if fits == header.isSectionHidden(1):
            header.setSectionHidden(1, not fits)
            if fits:
                header.resizeSection(1, self._count_width)

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self._place_count_column()
        return handled


class ElidedLabel(QLabel):
    """A one-line label that shrinks to a few characters, eliding in the middle ("国家文件章节：
    …第十一条" keeps which side and which article) or where ``mode`` says, with its whole text
    as tooltip."""

    def __init__(self, parent=None, *, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._full = text
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def text(self) -> str:  # type: ignore[override]
        return self._full

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left()
                     + margins.right() + 2, self.fontMetrics().height() + margins.top()
                     + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("第" * 4)),
                     hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode,
                                              self.contentsRect().width())
        if shown != super().text():
            super().setText(shown)
