"""Filtering the clause table: the filter keys, and the proxy that filters by status, text and section."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSortFilterProxyModel

from core.model import Status
from desktop.model_common import (Index, ItemRole, NotApplicableRole, ProvincialSectionRole,
                                  RecheckRole, ReviewedRole, SearchRole, SectionRole, SortRole,
                                  StatusRole)


NOT_APPLICABLE = "not_applicable"
UNREVIEWED = "unreviewed"  # filter key: rows without a decision
RECHECK = "recheck"        # filter key: decisions a re-import put in question (需复核)
GAP_FILTER = frozenset({Status.MISSING.value, Status.PARTIAL.value})


def filter_key(status: Status | str, not_applicable: bool) -> str:
    """The key a row is filtered by: the status value, or "not_applicable"."""
    return NOT_APPLICABLE if not_applicable else Status(status).value


class ClauseFilterProxy(QSortFilterProxyModel):
    """Filters the clause table by status, search text and the sections selected in the trees."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[str] | None = None
        self._search = ""
        self._national_sections: frozenset[str] | None = None
        self._provincial_sections: frozenset[str] | None = None
        self._kept: frozenset[str] = frozenset()
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def keep(self, *items: str) -> None:
        """Keep these rows shown whatever the filters say, until ``release``: the rows a
        reviewer just decided stay where they are. Under 只看差距 a row marked 已覆盖 left the
        table, the next one took its place, and the opinion typed next went to that row; rows
        decided together left the selection, and the opinion went to one of them."""
        self._kept = frozenset(items)

    def kept(self) -> frozenset[str]:
        return self._kept

    def release(self) -> None:
        """Let the filters hide the kept rows again (the reviewer moved to another row)."""
        if self._kept:
            self.beginFilterChange()
            self._kept = frozenset()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        """Show only rows with these filter keys (Status values, "not_applicable"); None: all."""
        self.beginFilterChange()
        self._kept = frozenset()
        self._statuses = None if statuses is None else frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def statuses(self) -> frozenset[str] | None:
        return self._statuses

    def set_search(self, text: str) -> None:
        """Show only rows whose texts, location, id or note contain every word of ``text``."""
        self.beginFilterChange()
        self._kept = frozenset()
        self._search = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_sections(self, national: Iterable[str] | None = None,
                     provincial: Iterable[str] | None = None) -> None:
        """Show only rows in these national / provincial sections (None: no restriction)."""
        self.beginFilterChange()
        self._kept = frozenset()
        self._national_sections = None if national is None else frozenset(national)
        self._provincial_sections = None if provincial is None else frozenset(provincial)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def section_filter_active(self) -> bool:
        return self._national_sections is not None or self._provincial_sections is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._kept and index.data(ItemRole) in self._kept:
            return True
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
