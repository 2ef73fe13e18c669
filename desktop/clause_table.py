"""The clause table: a row per national clause or provincial addition, and its Qt model."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from core.export.labels import NO_MATCH, SIMILARITY_MEANING, SectionIndex, citation, localised, reason_text
from core.model import (Comparison, Gap, ReviewDecision, Status, is_provincial_item,
                        provincial_id)
from core.review import (ReviewedAddition, ReviewedClause, counterparts_chosen, counts_as_gap,
                         review, review_item, shown_gaps)
from desktop.model_common import (FlatTableModel, Index, ItemRole, NotApplicableRole,
                                  ProvincialSectionRole, RecheckRole, ReviewedRole, SearchRole,
                                  SectionRole, SortRole, StatusRole, UnsavedRole, location)
from desktop.status_style import STATUS_ORDER, local_of, status_style




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
    # What the provincial cell says when the row has no match (core.export.labels: NO_MATCH, or
    # the provincial article its article corresponds to as a whole).
    no_match: str = NO_MATCH
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
    sections = SectionIndex.national(comparison)
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
        score=reviewed.shown_score, status=reviewed.status,
        engine_status=reviewed.finding.status, not_applicable=reviewed.not_applicable,
        note=reviewed.note, decision=reviewed.decision, overridden=reviewed.overridden,
        # A verdict the reviewer changed: the engine's reason is named as the engine's.
        recheck=reviewed.recheck,
        reason=(reason_text(reviewed) if reviewed.overridden and not reviewed.match_changed
                else reviewed.finding.reason.text),
        match_changed=reviewed.match_changed, gaps=reviewed.gaps,
        shown_gaps=shown_gaps(reviewed),
        match_item=provincial_id(match.clause.id) if match else "",
        no_match=sections.empty_counterpart(reviewed))


class ClauseTableModel(FlatTableModel):
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
        # Additions a reviewer chose as a national row's counterpart → those rows' 序号
        # (core.review.counterparts_chosen): the reports no longer list them as 本省新增.
        self._taken: dict[str, tuple[int, ...]] = {}
        # How the local text calls its region, in the headers and status labels (本市新增).
        self._local = local_of(None)

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
        self._local = local_of(comparison)
        self._sections = SectionIndex.national(comparison) if comparison is not None else None
        if comparison is None:
            self._rows = []
        else:
            self._rows = _mark_unsaved(
                build_rows(comparison, *review(comparison, decisions, rechecks)), unsaved)
        self._row_of = {row.item: number for number, row in enumerate(self._rows)}
        self._taken = self._counterparts()
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
        self._retake()
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
        if not row.is_addition:
            self._retake()
        self.decisions_applied.emit()
        return row

    def counterpart_of(self, item: str) -> tuple[int, ...]:
        """The 序号 of the national rows a reviewer chose an addition as the counterpart of,
        while the addition has no decision of its own (the reports then no longer list it:
        core.review.chosen_counterparts)."""
        row = self.row_for(item)
        return self._taken.get(item, ()) if row is not None and row.decision is None else ()

    def taken_count(self) -> int:
        """How many additions are a national row's chosen counterpart (``counterpart_of``): the
        reports count them apart from 本省新增, and so does the summary bar."""
        return len(self.taken_items())

    def taken_items(self) -> list[str]:
        """The items of the additions counted by ``taken_count``."""
        return [row.item for row in self._rows if row.is_addition and self.counterpart_of(row.item)]

    def _counterparts(self) -> dict[str, tuple[int, ...]]:
        return counterparts_chosen((row.number, row.decision, row.match_item, row.status,
                                    row.not_applicable)
                                   for row in self._rows if not row.is_addition)

    def _retake(self) -> None:
        """Recount the additions chosen as counterparts; signal the rows whose mark changed."""
        taken = self._counterparts()
        changed = {item for item in set(taken) | set(self._taken)
                   if taken.get(item) != self._taken.get(item)}
        self._taken = taken
        for item in changed:
            number = self._row_of.get(item)
            if number is not None:
                self.dataChanged.emit(self.index(number, 0),
                                      self.index(number, len(self.HEADERS) - 1))

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
                return localised(self.HEADERS[section], self._local)
            if role == Qt.ItemDataRole.ToolTipRole:
                return localised(_HEADER_TIPS[section], self._local)
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
            return self._style(row.status, row.not_applicable).background
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return self._style(row.status, row.not_applicable).foreground
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

    def _style(self, status: Status, not_applicable: bool = False):
        return status_style(status, not_applicable=not_applicable, local=self._local)

    def _display(self, row: ClauseRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return str(row.number)
        if column == self.COL_NATIONAL:
            if row.is_addition:
                return "—"
            return f"{row.national_where} {row.national_text}"
        if column == self.COL_PROVINCIAL:
            if not row.provincial_text:
                return row.no_match
            return f"{row.provincial_where} {row.provincial_text}"
        if column == self.COL_SCORE:
            return "—" if row.score is None else f"{row.score:.0f}"
        if column == self.COL_STATUS:
            label = self._style(row.status, row.not_applicable).label
            if row.is_addition and self.counterpart_of(row.item):
                return f"{label}（已作对应表述）"
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
        if column == self.COL_STATUS and row.is_addition and self.counterpart_of(row.item):
            numbers = "、".join(str(n) for n in self.counterpart_of(row.item))
            return (f"审核人员已将本句认定为序号 {numbers} 的对应表述；"
                    "导出的报告不再将其列为新增内容。")
        if column == self.COL_STATUS:
            engine = self._style(row.engine_status).label
            why = f"\n{row.reason}" if row.reason and not row.match_changed else ""
            if row.decision is None:
                return f"系统判断：{engine}（未审核）{why}"
            if row.unsaved:
                final = self._style(row.status, row.not_applicable).label
                return f"系统判断：{engine}{why}\n审核结果：{final}\n{UNSAVED_TIP}"
            if row.recheck:
                return f"系统判断：{engine}{why}\n需复核：{row.recheck}"
            decision = row.decision
            who = "，".join(x for x in (decision.reviewer, decision.decided_at[:16].replace("T", " ")) if x)
            final = self._style(row.status, row.not_applicable).label
            return f"系统判断：{engine}{why}\n审核结果：{final}" + (f"（{who}）" if who else "")
        if column == self.COL_NOTE and row.note:
            return row.note
        return None

    def _sort_key(self, row: ClauseRow, column: int):
        if column == self.COL_NUMBER:
            return row.number
        # The text columns sort in their document's order. By their text they sorted by the
        # code points of the numerals: 第一章第十条 before 第一章第二条, 第一百条 before 第三条.
        if column == self.COL_NATIONAL:
            return row.number
        if column == self.COL_PROVINCIAL:
            provincial = row.item if row.is_addition else row.match_item
            # Rows without a provincial text last, in national order among themselves. A string
            # (numbers padded): the proxy compares plain values, not Python tuples.
            return "".join(f"{number:07d}." for number in (
                *(_document_order(provincial) if provincial else (_NO_PROVINCIAL,)), row.number))
        if column == self.COL_SCORE:
            return -1.0 if row.score is None else float(row.score)
        if column == self.COL_STATUS:
            return (4 if row.not_applicable else STATUS_ORDER[row.status]) * 100000 + row.number
        return row.note


_NO_PROVINCIAL = 9_999_999


def _document_order(item: str) -> tuple[int, ...]:
    """Where an item's clause stands in its document: its section's numbers, 0, then the
    sentence's ("P1.10-2" → 1, 10, 0, 2), so a section's own sentences come before those of
    the sections below it ("P1-3" before "P1.1-2")."""
    section, _, sentence = item.partition("-")
    return (*(int(number) for number in re.findall(r"\d+", section)), 0,
            *(int(number) for number in re.findall(r"\d+", sentence)))


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
    SIMILARITY_MEANING.format(local="本省").removeprefix("“相似度”为"),
    "已覆盖 / 部分覆盖 / 未覆盖 / 本省新增；括号里是审核情况",
    "审核人填写的审核意见",
)
