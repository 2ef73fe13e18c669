"""Qt item models over a reviewed comparison: the clause table, both outline trees, candidates."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from core.codec import decision_from_record
from core.model import (Comparison, Gap, Match, Outline, ReviewDecision, Section,
                        SectionAlignment, Status, is_provincial_item, parse_item_id,
                        provincial_id, roll_up)
from core.export.labels import SectionIndex, citation
from core.review import (ReviewedAddition, ReviewedClause, counts_as_gap, review, review_item,
                         rolled_up_sections, section_status, shown_gaps)
from desktop.status_style import status_style

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

NOT_APPLICABLE = "not_applicable"
UNREVIEWED = "unreviewed"  # filter key: rows without a decision
RECHECK = "recheck"        # filter key: decisions a re-import put in question (需复核)
GAP_FILTER = frozenset({Status.MISSING.value, Status.PARTIAL.value})
STATUS_ORDER = {Status.MISSING: 0, Status.PARTIAL: 1, Status.COVERED: 2, Status.NOT_EXPECTED: 3,
                Status.ADDED: 4}


def filter_key(status: Status | str, not_applicable: bool) -> str:
    """The key a row is filtered by: the status value, or "not_applicable"."""
    return NOT_APPLICABLE if not_applicable else Status(status).value


def swatch(color: QColor, size: int = 12) -> QIcon:
    """A small square of colour, for trees and legends."""
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


def section_name(outline: Outline, section: Section) -> str:
    """A section as a tree shows it."""
    if section.id == "0":
        return "（前言）"
    return section.heading or section.label or section.id


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


@dataclass(frozen=True)
class ClauseRow:
    """One row of the clause table: a national clause, or a provincial addition."""

    item: str
    number: int
    national_section: str
    national_text: str
    national_where: str
    provincial_section: str
    provincial_text: str
    provincial_where: str
    score: float | None
    status: Status
    engine_status: Status
    not_applicable: bool
    note: str
    decision: ReviewDecision | None
    overridden: bool
    recheck: str = ""
    reason: str = ""
    match_changed: bool = False
    gaps: tuple[Gap, ...] = ()
    # The gaps listed beside the row (core.review.shown_gaps): the same the reports list.
    shown_gaps: tuple[Gap, ...] = ()
    match_item: str = ""
    # The decision shown could not be written to the project yet (disk full …): it is held in
    # memory and saved again later.
    unsaved: bool = False

    @property
    def is_addition(self) -> bool:
        return is_provincial_item(self.item)

    @property
    def is_gap(self) -> bool:
        return counts_as_gap(self.status, self.not_applicable)


def build_rows(comparison: Comparison, clauses: Sequence[ReviewedClause],
               additions: Sequence[ReviewedAddition]) -> list[ClauseRow]:
    """Rows for the table from the reviewed items (national clauses first, then additions)."""
    sections = SectionIndex(comparison.national)
    return [build_row(comparison, reviewed, sections) for reviewed in (*clauses, *additions)]


def build_row(comparison: Comparison, reviewed: ReviewedClause | ReviewedAddition,
              sections: SectionIndex) -> ClauseRow:
    """The table row of one reviewed item; ``sections`` indexes the national outline."""
    national, provincial = comparison.national, comparison.provincial
    if isinstance(reviewed, ReviewedAddition):
        clause = reviewed.clause
        return ClauseRow(
            item=reviewed.item, number=reviewed.number, national_section="", national_text="",
            national_where="", provincial_section=clause.section, provincial_text=clause.text,
            provincial_where=location(provincial, clause.section), score=None,
            status=Status.ADDED, engine_status=Status.ADDED,
            not_applicable=reviewed.not_applicable, note=reviewed.note,
            decision=reviewed.decision, overridden=False, recheck=reviewed.recheck)
    clause = reviewed.finding.clause
    match = reviewed.match
    # A statute's clause is cited as readers cite it: 第十一条第二款第三项.
    where = (citation(national, sections, clause) if national.grammar == "statute"
             else location(national, clause.section))
    return ClauseRow(
        item=reviewed.item, number=reviewed.number, national_section=clause.section,
        national_text=clause.text, national_where=where,
        provincial_section=match.clause.section if match else "",
        provincial_text=match.clause.text if match else "",
        provincial_where=location(provincial, match.clause.section) if match else "",
        score=reviewed.score if match else None, status=reviewed.status,
        engine_status=reviewed.finding.status, not_applicable=reviewed.not_applicable,
        note=reviewed.note, decision=reviewed.decision, overridden=reviewed.overridden,
        recheck=reviewed.recheck, reason=reviewed.finding.reason.text,
        match_changed=reviewed.match_changed, gaps=reviewed.gaps,
        shown_gaps=shown_gaps(reviewed),
        match_item=provincial_id(match.clause.id) if match else "")


def _column_title(headers: Sequence[str], section: int, orientation: Qt.Orientation,
                  role: int) -> str | None:
    """A model's horizontal header text, the same for tables and trees."""
    if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(headers)):
        return headers[section]
    return None


class _FlatTableModel(QAbstractTableModel):
    """A read-only table of rows under fixed ``HEADERS``: columns, headers and flags in one place."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return _column_title(self.HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ClauseTableModel(_FlatTableModel):
    """The clause table: 序号, 国家文件条款, 本省对应表述, 相似度, 对照结果, 审核意见.

    Holds the comparison and the reviewer's decisions; ``set_decisions`` re-applies them all
    (core.review does the work) and signals only the rows that changed; ``update_item``
    re-reviews one item after a decision on it (a click, an undo) and signals its row alone.
    """

    COL_NUMBER, COL_NATIONAL, COL_PROVINCIAL, COL_SCORE, COL_STATUS, COL_NOTE = range(6)
    HEADERS = ("序号", "国家文件条款", "本省对应表述", "相似度", "对照结果", "审核意见")

    decisions_applied = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._sections: SectionIndex | None = None
        self._rows: list[ClauseRow] = []
        self._row_of: dict[str, int] = {}

    # -- content -------------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(self, comparison: Comparison | None,
                       decisions: Iterable[ReviewDecision] = (),
                       rechecks: Mapping[str, str] | None = None,
                       unsaved: Collection[str] = ()) -> None:
        """Show a new comparison (or nothing) with its decisions (and pending re-checks);
        ``unsaved`` names the items whose decision is not in the project file yet."""
        self.beginResetModel()
        self._comparison = comparison
        self._sections = SectionIndex(comparison.national) if comparison is not None else None
        if comparison is None:
            self._rows = []
        else:
            self._rows = _mark_unsaved(
                build_rows(comparison, *review(comparison, decisions, rechecks)), unsaved)
        self._row_of = {row.item: number for number, row in enumerate(self._rows)}
        self.endResetModel()
        self.decisions_applied.emit()

    def set_decisions(self, decisions: Iterable[ReviewDecision],
                      rechecks: Mapping[str, str] | None = None,
                      unsaved: Collection[str] = ()) -> None:
        """Apply the reviewer's decisions again; rows that changed are signalled."""
        if self._comparison is None:
            return
        rows = _mark_unsaved(
            build_rows(self._comparison, *review(self._comparison, decisions, rechecks)), unsaved)
        old, self._rows = self._rows, rows
        for number, (before, after) in enumerate(zip(old, rows)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0),
                                      self.index(number, len(self.HEADERS) - 1))
        self.decisions_applied.emit()

    def update_item(self, item: str, decision: ReviewDecision | None, recheck: str = "",
                    unsaved: bool = False) -> ClauseRow | None:
        """Show an item's decision (None: it has none) after it changed: only this item is
        reviewed again (core.review.review_item) and only its row signalled.

        Args:
            recheck: why the decision is to be checked again (需复核), or "".
            unsaved: the decision is not in the project file yet.

        Returns:
            The item's new row when it changed, else None (also for an unknown item).
        """
        number = self._row_of.get(item)
        if self._comparison is None or self._sections is None or number is None:
            return None
        row = build_row(self._comparison, review_item(self._comparison, item, decision, recheck),
                        self._sections)
        if unsaved and row.decision is not None:
            row = replace(row, unsaved=True)
        if row == self._rows[number]:
            return None
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.HEADERS) - 1))
        self.decisions_applied.emit()
        return row

    def rows(self) -> list[ClauseRow]:
        """Every row, in document order."""
        return list(self._rows)

    def row_for(self, item: str) -> ClauseRow | None:
        number = self._row_of.get(item)
        return None if number is None else self._rows[number]

    def index_for(self, item: str, column: int = 0) -> QModelIndex:
        number = self._row_of.get(item)
        return QModelIndex() if number is None else self.index(number, column)

    def row_at(self, index: Index) -> ClauseRow | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return _HEADER_TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.COL_STATUS:
            return status_style(row.status, not_applicable=row.not_applicable).background
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return status_style(row.status, not_applicable=row.not_applicable).foreground
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == self.COL_PROVINCIAL and not row.provincial_text)
                or (column == self.COL_NATIONAL and row.is_addition)):
            return _MUTED
        if role == Qt.ItemDataRole.ForegroundRole and row.unsaved and column in (
                self.COL_NUMBER, self.COL_NOTE):
            return _UNSAVED
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_NUMBER, self.COL_SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return row.item
        if role == StatusRole:
            return row.status.value
        if role == NotApplicableRole:
            return row.not_applicable
        if role == SectionRole:
            return row.national_section
        if role == ProvincialSectionRole:
            return row.provincial_section
        if role == ReviewedRole:
            return row.decision is not None
        if role == RecheckRole:
            return row.recheck
        if role == UnsavedRole:
            return row.unsaved
        if role == SearchRole:
            return "\n".join((row.item, row.national_where, row.national_text,
                              row.provincial_where, row.provincial_text, row.note))
        if role == SortRole:
            return self._sort_key(row, column)
        return None

    def _display(self, row: ClauseRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return str(row.number)
        if column == self.COL_NATIONAL:
            if row.is_addition:
                return "—"
            return f"{row.national_where} {row.national_text}"
        if column == self.COL_PROVINCIAL:
            if not row.provincial_text:
                return "（未找到对应表述）"
            return f"{row.provincial_where} {row.provincial_text}"
        if column == self.COL_SCORE:
            return "—" if row.score is None else f"{row.score:.0f}"
        if column == self.COL_STATUS:
            label = status_style(row.status, not_applicable=row.not_applicable).label
            if row.decision is None:
                return label
            if row.unsaved:
                return f"{label}（未保存）"
            if row.recheck:
                return f"{label}（需复核）"
            return f"{label}（{'改判' if row.overridden or row.not_applicable else '已确认'}）"
        if column == self.COL_NOTE:
            return row.note.replace("\n", " ")
        return ""

    def _tooltip(self, row: ClauseRow, column: int) -> str | None:
        if column == self.COL_NATIONAL and not row.is_addition:
            return f"{row.item}　{row.national_where}\n{row.national_text}"
        if column == self.COL_PROVINCIAL and row.provincial_text:
            return f"{row.provincial_where}\n{row.provincial_text}"
        if column == self.COL_STATUS:
            engine = status_style(row.engine_status).label
            why = f"\n{row.reason}" if row.reason and not row.match_changed else ""
            if row.decision is None:
                return f"系统判断：{engine}（未审核）{why}"
            if row.unsaved:
                final = status_style(row.status, not_applicable=row.not_applicable).label
                return f"系统判断：{engine}{why}\n审核结果：{final}\n{UNSAVED_TIP}"
            if row.recheck:
                return f"系统判断：{engine}{why}\n需复核：{row.recheck}"
            decision = row.decision
            who = "，".join(x for x in (decision.reviewer, decision.decided_at[:16].replace("T", " ")) if x)
            final = status_style(row.status, not_applicable=row.not_applicable).label
            return f"系统判断：{engine}{why}\n审核结果：{final}" + (f"（{who}）" if who else "")
        if column == self.COL_NOTE and row.note:
            return row.note
        return None

    def _sort_key(self, row: ClauseRow, column: int):
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_NATIONAL:
            return row.national_where + row.national_text
        if column == self.COL_PROVINCIAL:
            return row.provincial_where + row.provincial_text
        if column == self.COL_SCORE:
            return -1.0 if row.score is None else float(row.score)
        if column == self.COL_STATUS:
            return (4 if row.not_applicable else STATUS_ORDER[row.status]) * 100000 + row.number
        return row.note


_MUTED = QColor("#888888")
_UNSAVED = QColor("#b71c1c")
UNSAVED_TIP = "未保存：这条审核决定还没有写入项目文件，下次审核、保存（Ctrl+S）或关闭时会再次保存。"


def _mark_unsaved(rows: list[ClauseRow], unsaved: Collection[str]) -> list[ClauseRow]:
    """The rows, those of ``unsaved`` items marked so."""
    if not unsaved:
        return rows
    return [replace(row, unsaved=True) if row.item in unsaved and row.decision is not None else row
            for row in rows]

_HEADER_TIPS = (
    "按国家文件顺序编号（本省新增内容排在最后）",
    "国家文件中的一句要求，前面是所在章节编号",
    "地方文件中与之最接近的表述",
    "0–100，越高越接近",
    "已覆盖 / 部分覆盖 / 未覆盖 / 本省新增；括号里是审核情况",
    "审核人填写的审核意见",
)


class ClauseFilterProxy(QSortFilterProxyModel):
    """Filters the clause table by status, search text and the sections selected in the trees."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[str] | None = None
        self._search = ""
        self._national_sections: frozenset[str] | None = None
        self._provincial_sections: frozenset[str] | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        """Show only rows with these filter keys (Status values, "not_applicable"); None: all."""
        self.beginFilterChange()
        self._statuses = None if statuses is None else frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def statuses(self) -> frozenset[str] | None:
        return self._statuses

    def set_search(self, text: str) -> None:
        """Show only rows whose texts, location, id or note contain every word of ``text``."""
        self.beginFilterChange()
        self._search = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_sections(self, national: Iterable[str] | None = None,
                     provincial: Iterable[str] | None = None) -> None:
        """Show only rows in these national / provincial sections (None: no restriction)."""
        self.beginFilterChange()
        self._national_sections = None if national is None else frozenset(national)
        self._provincial_sections = None if provincial is None else frozenset(provincial)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def section_filter_active(self) -> bool:
        return self._national_sections is not None or self._provincial_sections is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._statuses is not None:
            key = filter_key(index.data(StatusRole), index.data(NotApplicableRole))
            reviewed = index.data(ReviewedRole)
            wanted = (key in self._statuses
                      or (UNREVIEWED in self._statuses and not reviewed)
                      or (RECHECK in self._statuses and bool(index.data(RecheckRole))))
            if not wanted:
                return False
        if self._national_sections is not None or self._provincial_sections is not None:
            inside = (self._national_sections is not None
                      and index.data(SectionRole) in self._national_sections) or (
                self._provincial_sections is not None
                and index.data(ProvincialSectionRole) in self._provincial_sections)
            if not inside:
                return False
        if self._search:
            haystack = index.data(SearchRole).casefold()
            return all(word.casefold() in haystack for word in self._search.split())
        return True


@dataclass(frozen=True)
class _Node:
    section: Section
    parent: int          # position of the parent node, -1 at the top
    row: int             # row under the parent


class _OutlineModel(QAbstractItemModel):
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
        return _column_title(self.HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class _Tally:
    covered: int = 0
    partial: int = 0
    missing: int = 0
    not_expected: int = 0
    not_applicable: int = 0
    additions: int = 0

    @property
    def applicable(self) -> int:
        return self.covered + self.partial + self.missing


class NationalOutlineModel(_OutlineModel):
    """The national outline: each section coloured by its coverage, with the share covered.

    Both follow the review: a section's colour rolls up its clauses' reviewed statuses
    (不适用 ones left out), the way the engine rolls up its own. A statute compared article by
    article is shown by article, as the engine judged it: an article keeps its own verdict (and
    its share of content carried) until a reviewer changes the status of one of its sentences,
    and a chapter rolls up its articles and counts them.
    """

    COL_SECTION, COL_COVERAGE = range(2)
    HEADERS = ("国家文件章节", "覆盖率")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._engine_status: dict[str, Status] = {}
        self._status: dict[str, Status | None] = {}
        self._tally: dict[str, _Tally] = {}
        # Each section's own clauses (not its subsections'), by item: (status, 不适用, whether
        # a reviewer changed the engine's status).
        self._direct: dict[str, dict[str, tuple[Status, bool, bool]]] = {}
        # A statute's articles judged as wholes (empty for a policy text).
        self._articles: dict[str, SectionAlignment] = {}
        # Per article: its shown share of content carried, None for "—".
        self._share: dict[str, float | None] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._set_outline(comparison.national if comparison else None)
        self._engine_status = ({a.national: a.status for a in comparison.sections}
                               if comparison else {})
        self._articles = {a.national: a for a in comparison.articles} if comparison else {}
        self._status = dict(self._engine_status)
        self._tally = {}
        self._direct = {}
        self._share = {}
        self.endResetModel()

    def article(self, section_id: str) -> SectionAlignment | None:
        """The engine's verdict on a statute article judged as a whole, None for other sections."""
        return self._articles.get(section_id)

    def set_rows(self, rows: Sequence[ClauseRow]) -> None:
        """Recount coverage per section from the (reviewed) table rows."""
        self._direct = {}
        for row in rows:
            if not row.is_addition:
                self._direct.setdefault(row.national_section, {})[row.item] = _direct_entry(row)
        for node in self._nodes:
            self._tally[node.section.id], self._status[node.section.id] = self._count(
                node.section.id)
        if self._nodes:
            self._emit_all_changed(QModelIndex())

    def update_rows(self, rows: Iterable[ClauseRow]) -> None:
        """Recount after these rows changed (a decision, an undo): only the sections they roll
        up into (core.review.rolled_up_sections) are counted again, and only those whose
        colour or count changed are signalled."""
        if self._outline is None:
            return
        affected: dict[str, None] = {}
        for row in rows:
            if row.is_addition:
                continue
            self._direct.setdefault(row.national_section, {})[row.item] = _direct_entry(row)
            affected.update(dict.fromkeys(rolled_up_sections(self._outline, row.national_section)))
        for section_id in affected:  # innermost first: an article before its chapter
            if section_id not in self._position:
                continue
            share = self._share.get(section_id)
            counted = self._count(section_id)
            if (counted != (self._tally.get(section_id), self._status.get(section_id))
                    or share != self._share.get(section_id)):
                self._tally[section_id], self._status[section_id] = counted
                self.dataChanged.emit(self.index_for_section(section_id, 0),
                                      self.index_for_section(section_id, len(self.HEADERS) - 1))

    def _count(self, section_id: str) -> tuple[_Tally, Status | None]:
        """A section's clause counts and reviewed colour (core.review.section_status) over its
        subtree; for a statute's article or a section holding articles, see ``_count_articles``."""
        if self._articles:
            return self._count_articles(section_id)
        counts = {"covered": 0, "partial": 0, "missing": 0, "not_expected": 0, "not_applicable": 0}
        reviewed = []
        for inner in self.subtree(section_id):
            for status, not_applicable, _changed in self._direct.get(inner, {}).values():
                counts["not_applicable" if not_applicable else status.value] += 1
                reviewed.append((status, not_applicable))
        return _Tally(**counts), section_status(reviewed, self._engine_status.get(section_id))

    def _count_articles(self, section_id: str) -> tuple[_Tally, Status | None]:
        """Counts and colour of a statute compared by article.

        An article: its clause counts; its colour the engine's verdict on it as a whole until a
        reviewer changes a sentence's status (then its reviewed sentences rolled up), and its
        share the content the engine found carried (none where the articles correspond by
        function, or nothing is expected). A chapter: its articles counted by their colour,
        and rolled up.
        """
        article = self._articles.get(section_id)
        if article is not None:
            clauses = [entry for inner in self.subtree(section_id)
                       for entry in self._direct.get(inner, {}).values()]
            counts = {"covered": 0, "partial": 0, "missing": 0, "not_expected": 0,
                      "not_applicable": 0}
            for status, not_applicable, _changed in clauses:
                counts["not_applicable" if not_applicable else status.value] += 1
            if any(changed for _status, _not_applicable, changed in clauses):
                self._share[section_id] = None
                return _Tally(**counts), section_status(
                    [(status, not_applicable) for status, not_applicable, _ in clauses],
                    article.status)
            shown = (article.status in (Status.COVERED, Status.PARTIAL, Status.MISSING)
                     and article.reason.code != COUNTERPART)
            self._share[section_id] = article.score / 100.0 if shown else None
            return _Tally(**counts), article.status
        counts = {"covered": 0, "partial": 0, "missing": 0, "not_expected": 0, "not_applicable": 0}
        statuses = []
        for inner in self.subtree(section_id):
            if inner == section_id or inner not in self._articles:
                for status, not_applicable, _changed in self._direct.get(inner, {}).values():
                    if not not_applicable:
                        statuses.append(status)
                continue
            status = self._count_articles(inner)[1]
            if status is None:
                counts["not_applicable"] += 1
            else:
                counts[status.value] += 1
                statuses.append(status)
        if not statuses and not counts["not_applicable"]:
            return _Tally(**counts), self._engine_status.get(section_id)
        return _Tally(**counts), roll_up(statuses)

    def article_counts(self) -> dict[Status | None, int] | None:
        """A statute's articles per shown colour (None: all its sentences 不适用), None for a
        text not compared article by article."""
        if not self._articles:
            return None
        counts: dict[Status | None, int] = {}
        for section_id in self._articles:
            status = self._status.get(section_id)
            counts[status] = counts.get(status, 0) + 1
        return counts

    def share(self, section_id: str) -> float | None:
        """The coverage column's value for a section: an article's share of content carried,
        else covered ÷ applicable of what it counts; None for "—"."""
        if section_id in self._articles:
            return self._share.get(section_id)
        tally = self._tally.get(section_id, _Tally())
        return tally.covered / tally.applicable if tally.applicable else None

    def _emit_all_changed(self, parent: QModelIndex) -> None:
        count = self.rowCount(parent)
        if count == 0:
            return
        self.dataChanged.emit(self.index(0, 0, parent),
                              self.index(count - 1, len(self.HEADERS) - 1, parent))
        for row in range(count):
            self._emit_all_changed(self.index(row, 0, parent))

    def status_of(self, section_id: str) -> Status | None:
        return self._status.get(section_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        section = self.section_at(index)
        if section is None:
            return None
        status = self._status.get(section.id)
        tally = self._tally.get(section.id, _Tally())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SECTION:
                return section_name(self._outline, section)
            share = self.share(section.id)
            return "—" if share is None else f"{100 * share:.0f}%"
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_SECTION and status:
            return swatch(status_style(status).accent)
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return status_style(status).background
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COVERAGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [section_name(self._outline, section)]
            article = self._articles.get(section.id)
            if article is not None:
                lines.append(f"本条整体：{status_style(article.status).label}。{article.reason.text}")
                if status != article.status:
                    lines.append(f"经审核：{status_style(status).label if status else '不适用'}")
            elif self._articles and (tally.applicable or tally.not_applicable or tally.not_expected):
                if status:
                    lines.append(f"本章节：{status_style(status).label}")
                lines.append(f"条文：已覆盖 {tally.covered}，部分覆盖 {tally.partial}，"
                             f"未覆盖 {tally.missing}"
                             + (f"，无需地方落实 {tally.not_expected}" if tally.not_expected else "")
                             + (f"，不适用 {tally.not_applicable}" if tally.not_applicable else ""))
                lines.append("覆盖率 = 已覆盖条文 ÷ 适用条文")
                return "\n".join(lines)
            elif status:
                lines.append(f"本章节：{status_style(status).label}")
            if tally.applicable or tally.not_applicable or tally.not_expected:
                lines.append(f"条款：已覆盖 {tally.covered}，部分覆盖 {tally.partial}，"
                             f"未覆盖 {tally.missing}"
                             + (f"，无需地方落实 {tally.not_expected}" if tally.not_expected else "")
                             + (f"，不适用 {tally.not_applicable}" if tally.not_applicable else ""))
                lines.append("覆盖率 = 本条内容得到体现的比例" if article is not None
                             else "覆盖率 = 已覆盖条款 ÷ 适用条款")
            return "\n".join(lines)
        if role in (SectionIdRole, SectionRole):
            return section.id
        if role == StatusRole:
            return status.value if status else None
        return None


COUNTERPART = "counterpart"
"""The reason code of an article covered by the provincial article of the same function (its
purpose or scope article), whatever their wording: no share of content is measured."""


def _direct_entry(row: ClauseRow) -> tuple[Status, bool, bool]:
    """A clause as the national tree counts it: (status, 不适用, a reviewer changed the status)."""
    return row.status, row.not_applicable, row.not_applicable or row.status is not row.engine_status


class ProvincialOutlineModel(_OutlineModel):
    """The provincial outline, sections with 本省新增 content marked."""

    COL_SECTION, COL_ADDITIONS = range(2)
    HEADERS = ("地方文件章节", "本省新增")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._direct: dict[str, int] = {}
        self._total: dict[str, int] = {}
        self._carries: dict[str, list[str]] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._set_outline(comparison.provincial if comparison else None)
        self._direct, self._total, self._carries = {}, {}, {}
        if comparison is not None:
            for clause in comparison.additions:
                self._direct[clause.section] = self._direct.get(clause.section, 0) + 1
            for node in self._nodes:
                self._total[node.section.id] = sum(self._direct.get(s, 0)
                                                   for s in self.subtree(node.section.id))
            for alignment in comparison.sections:
                for provincial in alignment.provincial:
                    self._carries.setdefault(provincial, []).append(
                        location(comparison.national, alignment.national))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        section = self.section_at(index)
        if section is None:
            return None
        column = index.column()
        direct = self._direct.get(section.id, 0)
        total = self._total.get(section.id, 0)
        added = status_style(Status.ADDED)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SECTION:
                return section_name(self._outline, section)
            return f"{total} 条" if total else ""
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_SECTION and direct:
            return swatch(added.accent)
        if role == Qt.ItemDataRole.BackgroundRole and direct:
            return added.background
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ADDITIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [section_name(self._outline, section)]
            carries = self._carries.get(section.id)
            lines.append("对应国家文件：" + "、".join(carries) if carries else "未对应国家文件章节")
            if total:
                lines.append(f"本省新增 {total} 条" + (f"（本节 {direct} 条）" if direct != total else ""))
            return "\n".join(lines)
        if role in (SectionIdRole, ProvincialSectionRole):
            return section.id
        return None


class CandidateModel(_FlatTableModel):
    """The provincial candidates for one national clause: its matches, best first, then the
    close clauses the engine gave to other national clauses; the shown one is marked."""

    COL_SCORE, COL_WHERE, COL_TEXT = range(3)
    HEADERS = ("相似度", "位置", "候选表述")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._provincial: Outline | None = None
        self._matches: tuple[Match, ...] = ()
        self._alternatives = 0
        self._chosen = ""

    def set_candidates(self, provincial: Outline | None, matches: Sequence[Match], chosen: str,
                       alternatives: Sequence[Match] = ()) -> None:
        """Show these matches, then the alternatives; ``chosen`` is the provincial item id
        currently shown ("P…")."""
        self.beginResetModel()
        self._provincial = provincial
        self._matches = tuple(matches) + tuple(alternatives)
        self._alternatives = len(alternatives)
        self._chosen = chosen
        self.endResetModel()

    def offers_choice(self) -> bool:
        """Some candidate other than the one shown can be chosen."""
        return any(provincial_id(m.clause.id) != self._chosen for m in self._matches)

    def is_alternative(self, index: Index) -> bool:
        """The row is a clause the engine gave to another national clause."""
        return index.isValid() and index.row() >= len(self._matches) - self._alternatives

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def match_at(self, index: Index) -> Match | None:
        if not index.isValid() or index.row() >= len(self._matches):
            return None
        return self._matches[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        match = self.match_at(index)
        if match is None:
            return None
        chosen = provincial_id(match.clause.id) == self._chosen
        alternative = self.is_alternative(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SCORE:
                return f"{match.score:.0f}" + ("（当前）" if chosen else "（他条）" if alternative else "")
            if column == self.COL_WHERE:
                return location(self._provincial, match.clause.section) if self._provincial else ""
            return match.clause.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if alternative:
                return f"系统已将这句对应到国家文件的其他条款；如判断有误，可改选。\n{match.clause.text}"
            return match.clause.text
        if role == Qt.ItemDataRole.ForegroundRole and alternative and not chosen:
            return QColor("#666666")
        if role == Qt.ItemDataRole.FontRole and chosen:
            font = QFont()
            font.setBold(True)
            return font
        if role == MatchRole:
            return provincial_id(match.clause.id)
        if role == ProvincialSectionRole:
            return match.clause.section
        return None


class DecisionListModel(_FlatTableModel):
    """A read-only list of review decisions: the ones a re-import put in question or could not
    carry over, each with where its item is, what it says and why it is listed."""

    COL_ITEM, COL_RESULT, COL_NOTE, COL_REVIEWER, COL_WHEN, COL_REASON = range(6)
    HEADERS = ("条目", "原审核结果", "审核意见", "审核人", "时间", "原因")

    def __init__(self, decisions: Sequence[ReviewDecision] = (), texts: dict[str, str] | None = None,
                 parent=None, *, reasons: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._decisions = tuple(decisions)
        self._texts = dict(texts or {})
        self._reasons = tuple(reasons)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._decisions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._decisions):
            return None
        decision = self._decisions[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_ITEM:
                return self._texts.get(decision.item, "") or decision.item
            if column == self.COL_RESULT:
                return decision_label(decision)
            if column == self.COL_NOTE:
                return decision.note
            if column == self.COL_REVIEWER:
                return decision.reviewer
            if column == self.COL_REASON:
                return self._reasons[index.row()] if index.row() < len(self._reasons) else ""
            return decision.decided_at[:16].replace("T", " ")
        if role == ItemRole:
            return decision.item
        return None


class HistoryModel(_FlatTableModel):
    """One item's audit trail from the project, oldest first: who changed what, and when."""

    COL_WHEN, COL_ACTION, COL_REVIEWER, COL_BEFORE, COL_AFTER = range(5)
    HEADERS = ("时间", "操作", "审核人", "修改前", "修改后")
    ACTIONS = {"decide": "审核", "undo": "撤销", "redo": "重做",
               "carry-over": "沿用到新版文件", "orphan": "新版文件中无对应条目"}

    def __init__(self, entries: Sequence[dict] = (), parent=None, *,
                 comparison: Comparison | None = None, comparison_id: int | None = None) -> None:
        """``comparison`` (the project's current one, row id ``comparison_id``) names the
        provincial sentences a decision chose; entries of earlier versions name them by place."""
        super().__init__(parent)
        self._entries = tuple(entries)
        self._comparison = comparison
        self._comparison_id = comparison_id

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def _match_text(self, entry: dict, match: str) -> str:
        if entry.get("comparison") == self._comparison_id and self._comparison is not None:
            return describe_item(self._comparison, match, limit=40)
        return "旧版地方文件中的一句"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == self.COL_WHEN:
            return entry["at"][:19].replace("T", " ")
        if column == self.COL_ACTION:
            return self.ACTIONS.get(entry["action"], entry["action"])
        if column == self.COL_REVIEWER:
            return entry["who"] or ""
        record = entry["before" if column == self.COL_BEFORE else "after"]
        if record is None:
            return "（系统判断）"
        decision = decision_from_record(record)
        label = decision_label(decision)
        if decision.match:
            label += f"：{self._match_text(entry, decision.match)}"
        return f"{label}；意见：{decision.note}" if decision.note else label


def decision_label(decision: ReviewDecision) -> str:
    """What a decision says, in words: 改为“未覆盖” / 不适用 / 确认 / 改选对应表述."""
    parts = []
    if decision.not_applicable:
        parts.append("不适用")
    elif decision.status is not None:
        parts.append(f"改为“{status_style(decision.status).label}”")
    if decision.match:
        parts.append("改选对应表述")
    return "，".join(parts) or "确认系统判断"
