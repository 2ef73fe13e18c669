"""Shared ground of the item models: custom roles, display helpers and a read-only table base."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from core.model import Comparison, Outline, Section, parse_item_id
from core.text import int_to_chinese


Index = QModelIndex | QPersistentModelIndex

# Custom roles shared by the models; views and the filter proxy read data through these.
ItemRole = Qt.ItemDataRole.UserRole + 1          # "N2.1-3" / "P5.4-1"
StatusRole = Qt.ItemDataRole.UserRole + 2        # effective status value (after review): "missing" …
NotApplicableRole = Qt.ItemDataRole.UserRole + 3  # bool
SectionRole = Qt.ItemDataRole.UserRole + 4       # national section id ("" for additions)
ProvincialSectionRole = Qt.ItemDataRole.UserRole + 5  # provincial section id of the match / addition
SortRole = Qt.ItemDataRole.UserRole + 6
SearchRole = Qt.ItemDataRole.UserRole + 7        # every text of the row, for the search box
ReviewedRole = Qt.ItemDataRole.UserRole + 8      # bool: a reviewer decided on this row
SectionIdRole = Qt.ItemDataRole.UserRole + 9     # outline trees: the section's id
MatchRole = Qt.ItemDataRole.UserRole + 10        # candidates: the provincial item id "P…"
RecheckRole = Qt.ItemDataRole.UserRole + 11      # why a decision is to be checked again, or ""
UnsavedRole = Qt.ItemDataRole.UserRole + 12      # bool: the decision shown is not in the file yet


SWATCH_SIZE = 12  # side of the colour squares, in pixels


def swatch(color: QColor, size: int = SWATCH_SIZE) -> QIcon:
    """A small square of colour, for trees and legends."""
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


def blank_swatch(size: int = SWATCH_SIZE) -> QIcon:
    """A square as wide as a swatch with nothing in it: rows without a colour keep their names
    in line with the rows that have one (a flat list of articles must not look nested)."""
    return swatch(QColor(0, 0, 0, 0), size)


def section_name(outline: Outline, section: Section) -> str:
    """A section as a tree shows it: a statute's 章/节 with a space before its title
    (第二章 市场主体保护), a policy's label run into its title (（一）发展现状)."""
    if section.id == "0":
        return "（前言）"
    if section.title and section.label.endswith(("编", "章", "节", "条")):
        return f"{section.label} {section.title}"
    return section.heading or section.label or section.id


def unlabelled_note(section: Section) -> str:
    """What a tooltip says of a chapter printed without its 第N章 label (read as the Nth, as
    the 提示 say), else "": the tree shows its title only, as printed."""
    if section.kind == "chapter" and not section.label and section.number > 0:
        return f"原文未标章号，按第{int_to_chinese(section.number)}章读取"
    return ""


def location(outline: Outline, section_id: str) -> str:
    """Label path of a section for display, "前言" for the preamble."""
    try:
        return outline.label_path(section_id) or "前言"
    except KeyError:
        return ""


def describe_item(comparison: Comparison | None, item: str, *, limit: int = 60) -> str:
    """An item as a reader finds it: 二、（三） 第2句　text… (national N…, provincial P…).

    Internal ids ("N2.2-1") are for scripts; people look items up by place and words.
    """
    try:
        parsed = parse_item_id(item)
    except ValueError:
        return item
    if comparison is None:
        return item
    outline = comparison.provincial if parsed.provincial else comparison.national
    clause = next((c for c in outline.clauses() if c.id == parsed.clause), None)
    if clause is None:
        return item
    where = location(outline, clause.section) or "前言"
    position = parsed.clause.rsplit("-", 1)[-1]
    side = "地方文件" if parsed.provincial else "国家文件"
    text = clause.text if len(clause.text) <= limit else clause.text[:limit] + "…"
    return f"{side}{where} 第{position}句　{text}"


def column_title(headers: Sequence[str], section: int, orientation: Qt.Orientation,
                  role: int) -> str | None:
    """A model's horizontal header text, the same for tables and trees."""
    if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(headers)):
        return headers[section]
    return None


class FlatTableModel(QAbstractTableModel):
    """A read-only table of rows under fixed ``HEADERS``: columns, headers and flags in one place."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
