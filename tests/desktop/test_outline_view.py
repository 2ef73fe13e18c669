"""The outline trees on a small screen: every section's number readable, the whole name in the
tooltip, nothing scrolling sideways, and a click on a row leaving the window inside the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem, QTreeView

from desktop.main_window import MainWindow
from tests.desktop.conftest import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair

# 1366×768 at 150 % leaves about 910×512 logical pixels; the window, its frame aside. Logical
# pixels are what the layout and the fonts are measured in, so the offscreen platform at this
# size lays the window out as that screen does.
SMALL = (894, 472)
ROOMY = (1400, 900)


def _rows(tree: QTreeView) -> list[QModelIndex]:
    model, found, pending = tree.model(), [], [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index)
            pending.append(index)
    return found


def _painted_name(tree: QTreeView, index: QModelIndex) -> str:
    """The name as Qt paints it in the row's cell: elided to the text area the style leaves
    beside the indentation and the swatch (QCommonStyle's item layout)."""
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(index)  # the cell, indentation already taken off
    option.font = tree.font()
    option.fontMetrics = tree.fontMetrics()
    option.text = index.data(Qt.ItemDataRole.DisplayRole)
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        size = tree.iconSize()
        if not size.isValid():
            extent = tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, tree)
            size = QSize(extent, extent)
        option.decorationSize = size
    text_rect = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    return tree.fontMetrics().elidedText(option.text, Qt.TextElideMode.ElideRight,
                                         text_rect.width() - 2 * margin)


def _unreadable_numbers(window: MainWindow) -> list[str]:
    """Rows of both trees whose printed number (一、 （三） 第十一条) the cell cuts."""
    cut = []
    for tree in (window.national_tree, window.provincial_tree):
        tree.expandAll()
        model = tree.model()
        assert tree.header().length() <= tree.viewport().width(), "the tree scrolls sideways"
        for index in _rows(tree):
            section = model.section_at(index)
            number = section.label or index.data()
            if not _painted_name(tree, index).startswith(number):
                cut.append(f"{tree.objectName()}: {index.data()} → {_painted_name(tree, index)}")
    return cut


def _small(qtbot, window: MainWindow) -> None:
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() <= SMALL[0])
    qtbot.wait(50)  # the splitters lay their panes out again


def test_numbers_stay_readable_at_1366x768_150_percent(qtbot, make_window, save_path, cjk_font):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    _small(qtbot, window)
    assert window.width() <= SMALL[0]
    assert _unreadable_numbers(window) == []
    tree, model = window.national_tree, window.national_model
    # The names are long: many of them are elided, after their number.
    long = [i for i in _rows(tree) if _painted_name(tree, i) != i.data()]
    assert len(long) >= 5
    # Too narrow for the coverage column as well: it steps aside, and every row's tooltip has
    # the whole name and the coverage value.
    assert tree.header().isSectionHidden(model.COL_COVERAGE)
    for index in long:
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines()[0] == index.data()
        value = index.siblingAtColumn(model.COL_COVERAGE).data()
        if value != "—":
            assert f"覆盖率 {value} = " in tip
    provincial = window.provincial_tree
    for index in _rows(provincial):
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines()[0] == index.data()

    # On a larger window the column is back, at its own width.
    window.resize(*ROOMY)
    qtbot.waitUntil(lambda: not tree.header().isSectionHidden(model.COL_COVERAGE))
    assert tree.header().sectionSize(model.COL_COVERAGE) > tree.fontMetrics().horizontalAdvance("100%")
    assert _unreadable_numbers(window) == []


def test_a_click_on_a_tree_row_keeps_the_window_on_a_small_screen(qtbot, make_window, save_path):
    """The section a click narrows the table to is named on a row of its own, elided in the
    middle; in the filter bar it widened the window to 1137 px of a 911 px screen."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    _small(qtbot, window)
    tree = window.national_tree
    rows = _rows(tree)
    # The row named by the longest path: a section two or three levels down.
    place = {i: window.national_model.outline.label_path(window.national_model.section_at(i).id)
             for i in rows}
    deepest = max(rows, key=lambda i: len(place[i]))
    # A click, as the user makes it: the row may already be current (the first difference's).
    tree.setCurrentIndex(deepest)
    tree.clicked.emit(deepest)
    label = window.section_label
    qtbot.waitUntil(label.isVisible)
    assert window.proxy.section_filter_active()
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= SMALL[0]
    assert window.width() <= SMALL[0]
    full = label.text()
    # Where and what: the path, then the section's title.
    title = window.national_model.section_at(deepest).title
    assert full == label.toolTip() == f"国家文件章节：{place[deepest]}" + (f" {title}" if title else "")
    shown = QLabel.text(label)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert shown == full or ("…" in shown and shown[:2] == full[:2] and shown[-1] == full[-1])

    # Narrower than the whole path: the middle goes, the side and the last level stay.
    label.resize(label.fontMetrics().horizontalAdvance(full) // 2, label.height())
    shown = QLabel.text(label)
    assert "…" in shown and shown.startswith("国家") and shown.endswith(full[-2:])

    window.clear_section_filter()
    assert not label.isVisible() and label.text() == label.toolTip() == ""


def test_statute_articles_keep_their_numbers(qtbot, make_window, save_path, corpus: Path):
    """A real statute pair (第四十四条 two levels down, beside a swatch) at the small size."""
    texts = corpus / "real-pairs" / "texts"
    window = make_window()
    compare_pair(qtbot, window, texts / "law_national_youhua_yingshang_huanjing_tiaoli_2019.txt",
                 texts / "law_beijing_youhua_yingshang_huanjing_tiaoli_2020.txt")
    _small(qtbot, window)
    assert _unreadable_numbers(window) == []
    assert window.minimumSizeHint().width() <= SMALL[0]
