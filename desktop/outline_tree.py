"""A Qt tree model over an outline's sections, the ground of both outline trees."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from core.model import Outline, Section
from desktop.model_common import Index, column_title


@dataclass(frozen=True)
class _Node:
    section: Section
    parent: int          # position of the parent node, -1 at the top
    row: int             # row under the parent


class OutlineModel(QAbstractItemModel):
    """A tree over an outline's sections; subclasses say what each column shows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._outline: Outline | None = None
        self._nodes: list[_Node] = []
        self._children: dict[int, list[int]] = {-1: []}
        self._position: dict[str, int] = {}

    @property
    def outline(self) -> Outline | None:
        return self._outline

    def _set_outline(self, outline: Outline | None) -> None:
        self._outline = outline
        self._nodes, self._children, self._position = [], {-1: []}, {}
        if outline is None:
            return
        for section in outline.sections:
            if section.id == "0" and not section.clauses:
                continue
            parent = self._position.get(section.parent, -1) if section.parent else -1
            siblings = self._children.setdefault(parent, [])
            position = len(self._nodes)
            self._nodes.append(_Node(section, parent, len(siblings)))
            siblings.append(position)
            self._children[position] = []
            self._position[section.id] = position

    def section_at(self, index: Index) -> Section | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()].section

    def index_for_section(self, section_id: str, column: int = 0) -> QModelIndex:
        position = self._position.get(section_id)
        if position is None:
            return QModelIndex()
        return self.createIndex(self._nodes[position].row, column, id=position)

    def subtree(self, section_id: str) -> list[str]:
        """The section's id and every descendant's."""
        position = self._position.get(section_id)
        if position is None:
            return []
        ids, stack = [], [position]
        while stack:
            current = stack.pop()
            ids.append(self._nodes[current].section.id)
            stack.extend(self._children.get(current, ()))
        return ids

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        key = parent.internalId() if parent.isValid() else -1
        children = self._children.get(key, [])
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, id=children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent].row, 0, id=parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children.get(parent.internalId(), ()))
        return len(self._children.get(-1, ()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
