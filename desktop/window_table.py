"""The main window's clause table, outline trees and filters: showing, selecting, navigating."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTreeView

from core.compare import notices
from core.export.labels import localised
from core.model import Comparison, ReviewDecision
from core.review import rolled_up_sections
from desktop.dialogs import NoticesDialog
from desktop.models import GAP_FILTER, ClauseRow, NotApplicableRole, SectionIdRole, StatusRole, location
from desktop.status_style import local_of
from desktop.window_common import GAP_FILTER_INDEX, NATIONAL, PROVINCIAL, SIDE_LABELS, STATUS_FILTERS


class WindowTable:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

    @property
    def comparison(self) -> Comparison | None:
        return self.table_model.comparison

    def _show_comparison(self, comparison: Comparison | None, decisions: Sequence[ReviewDecision],
                         rechecks: dict[str, str] | None = None) -> None:
        self.proxy.set_sections(None, None)
        self.section_label.clear()
        self._last_item = ""  # a place in another comparison is none in this one
        self.table_model.set_comparison(comparison, decisions, rechecks, self.unsaved)
        self.national_model.set_comparison(comparison)
        self.provincial_model.set_comparison(comparison)
        # The filter names the additions as the labels do (本市新增 for a Beijing text).
        for position, (label, _) in enumerate(STATUS_FILTERS):
            self.status_filter.setItemText(position, localised(label, local_of(comparison)))
        self._decisions_changed()
        self.table_stack.setCurrentIndex(1 if comparison else 0)
        for tree in (self.national_tree, self.provincial_tree):
            tree.expandToDepth(0)
        self.diff.show_row(None, None)
        self.review_panel.set_row(None)
        self._update_count()
        found = notices(comparison) if comparison is not None else []
        self.notices_button.setText(f"提示（{len(found)}）")
        self.notices_button.setVisible(bool(found))
        if comparison is not None:
            self.goto_gap(+1)
            # The keys work on the table at once (↑↓, PgDn, Home): after 开始对照 (F5 or the
            # button, disabled while it ran) or 打开项目, focus was nowhere, or on a button.
            if not isinstance(QApplication.focusWidget(), QLineEdit):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_notices(self) -> None:
        """提示: how the documents were read and what was set aside."""
        if self.comparison is not None:
            NoticesDialog(notices(self.comparison), self).exec()

    def _decisions_changed(self) -> None:
        self.national_model.set_rows(self.table_model.rows())
        self._show_summary()

    def _show_summary(self) -> None:
        self.provincial_model.set_taken(self.table_model.taken_items())
        self.summary.set_rows(self.table_model.rows(), self.national_model.article_counts(),
                              local_of(self.comparison), taken=self.table_model.taken_count())

    def _reviewed(self, item: str) -> None:
        """After an undo or redo: refresh, and show the item it changed when it is visible."""
        self._refresh_items([item], follow=item)

    def _refresh_items(self, items: Iterable[str], follow: str = "") -> None:
        """Show the decisions now on these items (just decided, undone or redone, saved at
        last), keeping the reviewer's place.

        Only these items are reviewed again and only their rows signalled (dataChanged, never
        a reset of the table); the outline recounts only the sections they roll up into.
        """
        if self.project is None:
            return
        current = self.current_row()
        current_position = self.table.currentIndex().row()
        if current is not None:
            # The row just decided stays in place until the reviewer moves on (its opinion is
            # typed next), and so do the rows selected with it (decided together, their
            # opinion is typed next too); the filters hide them then.
            self.proxy.keep(current.item, *(row.item for row in self.review_rows()))
        changed = []
        for item in dict.fromkeys(items):
            decision, recheck = self._shown_decision(item)
            row = self.table_model.update_item(item, decision, recheck, unsaved=item in self.unsaved)
            if row is not None:
                changed.append(row)
        if changed:
            self.national_model.update_rows(changed)
            self._show_summary()
        target = self.proxy.mapFromSource(self.table_model.index_for(follow)) if follow else QModelIndex()
        if not target.isValid() and current is not None:
            target = self.proxy.mapFromSource(self.table_model.index_for(current.item))
        if not target.isValid() and self.proxy.rowCount():
            # The current row is hidden (the decided one is kept shown, ``proxy.keep``; an
            # undo may follow a row a filter hides): the row now at its place.
            target = self.proxy.index(min(max(current_position, 0), self.proxy.rowCount() - 1), 0)
        if target.isValid() and target != self.table.currentIndex().siblingAtColumn(0):
            self._select(target)
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        row = self.current_row()
        self.diff.show_row(self.comparison, row)
        self.review_panel.set_row(row)
        self._update_state()

    def current_row(self) -> ClauseRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.table_model.row_at(self.proxy.mapToSource(index))

    def review_row(self) -> ClauseRow | None:
        """The row review shortcuts act on: the selected row the table shows, else None.

        A row a search or filter has hidden, or a current row left unselected, is never
        decided on by a key press the reviewer cannot see the target of.
        """
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.current_row()

    def review_rows(self) -> list[ClauseRow]:
        """The rows review actions act on, in document order: every selected row the table
        shows, when the current row is one of them (``review_row``); else none.

        Rows a filter hides are never among them: the table's selection holds shown rows only.
        """
        if self.review_row() is None:
            return []
        sources = sorted((self.proxy.mapToSource(index)
                          for index in self.table.selectionModel().selectedRows()),
                         key=lambda index: index.row())
        return [row for row in map(self.table_model.row_at, sources) if row is not None]

    def chosen_sections(self, article: str) -> list[str]:
        """The provincial sections of the counterparts a reviewer chose for the sentences of a
        statute article (not those marked 不适用): what ``core.review.chosen_carriers`` names."""
        if self.comparison is None:
            return []
        national = self.comparison.national
        return [row.provincial_section for row in self.table_model.rows()
                if row.match_changed and not row.not_applicable and not row.is_addition
                and row.provincial_section
                and article in rolled_up_sections(national, row.national_section)]

    def row_unit(self) -> str:
        """What a row is counted in: a statute's rows are sentences (句), as the summary bar
        counts them; 条 is an article. A policy's rows are 条."""
        return "句" if self.comparison is not None and self.comparison.articles else "条"

    def _select(self, index: QModelIndex) -> None:
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_item(self, item: str) -> bool:
        """Select a row by item id ("N2.1-3"); False when it is filtered out or unknown."""
        index = self.proxy.mapFromSource(self.table_model.index_for(item))
        if index.isValid():
            self._select(index)
            return True
        return False

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()
        row = self.current_row()
        if row is not None:
            self._last_item = row.item  # the reviewer's place, for when a search shows nothing
        if self.proxy.kept() and (row is None or row.item not in self.proxy.kept()):
            # Once the selection has settled: the rows must not change under the signal.
            QTimer.singleShot(0, self.proxy, self.proxy.release)
        self.diff.show_row(self.comparison, row)
        self.review_panel.set_row(row)
        if current.row() != previous.row():
            # Another row opens at its top, where its verdict and reason are: scrolled down to
            # the opinion box for the last row, the pane hid them.
            self.detail_scroll.verticalScrollBar().setValue(0)
        if row is not None:
            self._syncing = True
            try:
                self._select_section(self.national_tree, self.national_model, row.national_section)
                self._select_section(self.provincial_tree, self.provincial_model, row.provincial_section)
            finally:
                self._syncing = False
        self._update_state()

    def _select_section(self, tree: QTreeView, model, section_id: str) -> None:
        index = model.index_for_section(section_id) if section_id else QModelIndex()
        if index.isValid():
            tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            tree.scrollTo(index)
        else:
            tree.selectionModel().clearSelection()

    def _national_section_clicked(self, index: QModelIndex, *_ignored) -> None:
        if self._syncing or not index.isValid():
            return
        section_id = index.siblingAtColumn(0).data(SectionIdRole)
        self._filter_sections(NATIONAL, section_id)

    def _provincial_section_clicked(self, index: QModelIndex, *_ignored) -> None:
        if self._syncing or not index.isValid():
            return
        section_id = index.siblingAtColumn(0).data(SectionIdRole)
        self._filter_sections(PROVINCIAL, section_id)

    def _filter_sections(self, side: str, section_id: str) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        if side == NATIONAL:
            ids = self.national_model.subtree(section_id)
            self.proxy.set_sections(national=ids)
            where = location(comparison.national, section_id)
        else:
            ids = self.provincial_model.subtree(section_id)
            self.proxy.set_sections(provincial=ids)
            where = location(comparison.provincial, section_id)
        # Where and what: 二、 alone said nothing of which part the table now shows.
        outline = comparison.national if side == NATIONAL else comparison.provincial
        try:
            title = outline.section(section_id).title
        except KeyError:
            title = ""
        shown = f"{where} {title}" if title and title not in where else where
        self.section_label.setText(f"{SIDE_LABELS[side]}章节：{shown}")
        self._update_count()
        current = self.current_row()
        if current is None or self.proxy.mapFromSource(self.table_model.index_for(current.item)).row() < 0:
            if self.proxy.rowCount():
                self._syncing = True
                try:
                    self.table.selectionModel().setCurrentIndex(
                        self.proxy.index(0, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                finally:
                    self._syncing = False
                self._refresh_detail()
        self.table.scrollTo(self.table.currentIndex())

    def clear_section_filter(self) -> None:
        self.proxy.set_sections(None, None)
        self.section_label.clear()
        for tree in (self.national_tree, self.provincial_tree):
            tree.selectionModel().clearSelection()
        self._update_count()
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _status_filter_changed(self, position: int) -> None:
        self.proxy.set_statuses(STATUS_FILTERS[position][1])
        self.gap_filter_action.blockSignals(True)
        self.gap_filter_action.setChecked(position == GAP_FILTER_INDEX)
        self.gap_filter_action.blockSignals(False)
        self._update_count()
        self._keep_selection_visible()

    def _gap_filter_toggled(self, checked: bool) -> None:
        self.status_filter.setCurrentIndex(GAP_FILTER_INDEX if checked else 0)

    def set_gap_filter(self, on: bool) -> None:
        """只看差距 on or off."""
        self.gap_filter_action.setChecked(on)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        self._keep_selection_visible()

    def _keep_selection_visible(self) -> None:
        """After a filter or search: the row in the detail pane is one the table shows, selected.

        The row that was current may be hidden now; then the nearest shown row is selected, or,
        when nothing is shown, the detail pane empties (and review keys do nothing).
        """
        current = self.table.currentIndex()
        if current.isValid():
            if not self.table.selectionModel().isRowSelected(current.row()):
                self._select(current.siblingAtColumn(0))
            self.table.scrollTo(current)
        elif self.proxy.rowCount() and not self.select_item(self._last_item):
            # A search that found nothing, cleared: back to the row the reviewer was on, not
            # to the first one.
            self._select(self.proxy.index(0, 0))
        if self.review_row() is None:
            self.diff.show_row(None, None)
            self.review_panel.set_row(None)
        elif self.review_row().item != self.review_panel.item:
            self._refresh_detail()
        self._update_state()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self, *_args) -> None:
        total = self.table_model.rowCount()
        shown = self.proxy.rowCount()
        unit = self.row_unit()
        text = f"显示 {shown} / {total} {unit}" if total else ""
        if total and not shown:
            # An empty table says why: the search, the filter or the chosen section narrows it.
            narrowing = [what for what, on in (("搜索", bool(self.search.text())),
                                               ("筛选", self.status_filter.currentIndex() != 0),
                                               ("章节", self.proxy.section_filter_active())) if on]
            text += "（没有符合" + "、".join(narrowing) + "条件的条目）" if narrowing else ""
        self.count_label.setText(text)
        active = self.proxy.section_filter_active()
        self.section_label.setVisible(active)
        self.section_clear.setVisible(active)

    def goto_gap(self, step: int) -> bool:
        """Select the next (step +1) or previous (-1) gap among the shown rows, wrapping around."""
        count = self.proxy.rowCount()
        if count == 0:
            return False
        current = self.table.currentIndex().row()
        start = current if current >= 0 else (-1 if step > 0 else count)
        for offset in range(1, count + 1):
            row = (start + step * offset) % count
            index = self.proxy.index(row, 0)
            if index.data(StatusRole) in GAP_FILTER and not index.data(NotApplicableRole):
                self._select(index)
                return True
        self.statusBar().showMessage("当前显示的条目中没有差距（未覆盖、部分覆盖）。", 5000)
        return False
