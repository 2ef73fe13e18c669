"""The outline trees: national sections coloured by reviewed coverage, provincial ones by additions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

from core.export.labels import article_share, localised
from core.model import ROWS_TOLD, Clause, Comparison, SectionAlignment, Status, provincial_id, roll_up
from core.review import (REVIEWED_SHARE_RULE, article_status, reviewed_share, rolled_up_sections,
                         section_status)
from desktop.clause_table import ClauseRow
from desktop.model_common import (Index, ProvincialSectionRole, SectionIdRole, SectionRole,
                                  StatusRole, blank_swatch, location, section_name, swatch,
                                  unlabelled_note)
from desktop.outline_tree import OutlineModel
from desktop.status_style import local_of, status_style


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


class NationalOutlineModel(OutlineModel):
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
        self._direct: dict[str, dict[str, tuple[Status, bool, bool, bool]]] = {}
        # A statute's articles judged as wholes (empty for a policy text).
        self._articles: dict[str, SectionAlignment] = {}
        # Per article: its shown share of content carried, None for "—"; the articles whose
        # share is of their sentences covered after review instead.
        self._share: dict[str, float | None] = {}
        self._reviewed_share: set[str] = set()

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
        self._reviewed_share = set()
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
            for status, not_applicable, _changed, _decided in self._direct.get(inner, {}).values():
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
            for status, not_applicable, _changed, _decided in clauses:
                counts["not_applicable" if not_applicable else status.value] += 1
            if any(changed for _status, _not_applicable, changed, _decided in clauses):
                # The engine's share of content no longer stands beside the reviewed verdict:
                # the share of its sentences covered after review does ("—" hid all progress).
                self._share[section_id] = reviewed_share(
                    (status, not_applicable) for status, not_applicable, _changed, _decided in clauses)
                self._reviewed_share.add(section_id)
                return _Tally(**counts), article_status(clauses, article.status)
            self._reviewed_share.discard(section_id)
            # As the reports print it: none where none was measured (a partial article linked
            # by its wording alone read 0% beside 部分覆盖).
            self._share[section_id] = article_share(article)
            return _Tally(**counts), article.status
        counts = {"covered": 0, "partial": 0, "missing": 0, "not_expected": 0, "not_applicable": 0}
        statuses = []
        for inner in self.subtree(section_id):
            if inner == section_id or inner not in self._articles:
                for status, not_applicable, _changed, _decided in self._direct.get(inner, {}).values():
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

    def changed_by_review(self, section_id: str) -> bool:
        """Whether a reviewer changed one of a statute article's sentences."""
        return section_id in self._reviewed_share

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
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_SECTION:
            return swatch(status_style(status).accent) if status else blank_swatch()
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return status_style(status).background
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COVERAGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The coverage column's value is said here too: on a narrow pane the column steps
            # aside (desktop.outline_view).
            shown = self.share(section.id)
            rate = "覆盖率" + ("" if shown is None else f" {100 * shown:.0f}%") + " = "
            lines = [section_name(self._outline, section)]
            if unlabelled_note(section):
                lines.append(unlabelled_note(section))
            article = self._articles.get(section.id)
            if article is not None:
                # What it says of the sentence rows is for the table (it may be stale after review).
                said = article.reason.text.split(ROWS_TOLD)[0].rstrip("。") + "。"
                lines.append(f"本条整体：{status_style(article.status).label}。{said}")
                if status != article.status:
                    lines.append(f"经审核：{status_style(status).label if status else '不适用'}")
            elif self._articles and (tally.applicable or tally.not_applicable or tally.not_expected):
                if status:
                    lines.append(f"本章节：{status_style(status).label}")
                lines.append(f"条文：已覆盖 {tally.covered}，部分覆盖 {tally.partial}，"
                             f"未覆盖 {tally.missing}"
                             + (f"，无需地方落实 {tally.not_expected}" if tally.not_expected else "")
                             + (f"，不适用 {tally.not_applicable}" if tally.not_applicable else ""))
                lines.append(rate + "已覆盖条文 ÷ 适用条文")
                return "\n".join(lines)
            elif status:
                lines.append(f"本章节：{status_style(status).label}")
            if tally.applicable or tally.not_applicable or tally.not_expected:
                lines.append(f"条款：已覆盖 {tally.covered}，部分覆盖 {tally.partial}，"
                             f"未覆盖 {tally.missing}"
                             + (f"，无需地方落实 {tally.not_expected}" if tally.not_expected else "")
                             + (f"，不适用 {tally.not_applicable}" if tally.not_applicable else ""))
                lines.append(rate + (REVIEWED_SHARE_RULE if section.id in self._reviewed_share
                                     else "本条内容得到体现的比例" if article is not None
                                     else "已覆盖条款 ÷ 适用条款"))
            return "\n".join(lines)
        if role in (SectionIdRole, SectionRole):
            return section.id
        if role == StatusRole:
            return status.value if status else None
        return None


def _direct_entry(row: ClauseRow) -> tuple[Status, bool, bool, bool]:
    """A clause as the national tree counts it: (status, 不适用, a reviewer changed the status,
    a reviewer decided on it)."""
    return (row.status, row.not_applicable, row.not_applicable or row.status is not row.engine_status,
            row.decision is not None)


class ProvincialOutlineModel(OutlineModel):
    """The provincial outline, sections with 本省新增 content marked."""

    COL_SECTION, COL_ADDITIONS = range(2)
    HEADERS = ("地方文件章节", "本省新增")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._additions: list[Clause] = []
        self._direct: dict[str, int] = {}
        self._total: dict[str, int] = {}
        self._carries: dict[str, list[str]] = {}
        self._local = local_of(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._local = local_of(comparison)
        self._set_outline(comparison.provincial if comparison else None)
        self._additions = list(comparison.additions) if comparison is not None else []
        self._count_additions(frozenset())
        self._carries = {}
        if comparison is not None:
            for alignment in comparison.sections:
                for provincial in alignment.provincial:
                    self._carries.setdefault(provincial, []).append(
                        location(comparison.national, alignment.national))
        self.endResetModel()

    def set_taken(self, taken: Iterable[str]) -> None:
        """The additions (their items, core.model.provincial_id) a reviewer chose as a national row's counterpart:
        the reports no longer list them as 本省新增, the summary bar counts them apart, and so
        does the tree now; the sections whose count changed are signalled."""
        before = dict(self._total)
        self._count_additions(frozenset(taken))
        for node in self._nodes:
            if self._total.get(node.section.id, 0) != before.get(node.section.id, 0):
                self.dataChanged.emit(self.index_for_section(node.section.id, self.COL_SECTION),
                                      self.index_for_section(node.section.id, self.COL_ADDITIONS))

    def _count_additions(self, taken: frozenset[str]) -> None:
        self._direct, self._total = {}, {}
        for clause in self._additions:
            if provincial_id(clause.id) not in taken:
                self._direct[clause.section] = self._direct.get(clause.section, 0) + 1
        for node in self._nodes:
            self._total[node.section.id] = sum(self._direct.get(s, 0)
                                               for s in self.subtree(node.section.id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        section = self.section_at(index)
        if section is None:
            return None
        column = index.column()
        direct = self._direct.get(section.id, 0)
        total = self._total.get(section.id, 0)
        added = status_style(Status.ADDED, local=self._local)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SECTION:
                return section_name(self._outline, section)
            # Additions are sentences, counted as the summary and the reports count them.
            return f"{total} 句" if total else ""
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_SECTION:
            return swatch(added.accent) if direct else blank_swatch()
        if role == Qt.ItemDataRole.BackgroundRole and direct:
            return added.background
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ADDITIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [section_name(self._outline, section)]
            if unlabelled_note(section):
                lines.append(unlabelled_note(section))
            carries = self._carries.get(section.id)
            lines.append("对应国家文件：" + "、".join(carries) if carries else "未对应国家文件章节")
            if total:
                lines.append(f"{added.label} {total} 句" + (f"（本节 {direct} 句）" if direct != total else ""))
            return "\n".join(lines)
        if role in (SectionIdRole, ProvincialSectionRole):
            return section.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        title = super().headerData(section, orientation, role)
        return localised(title, self._local) if isinstance(title, str) else title
