"""The main window's review panel wiring: decisions, their undo labels, and decisions not yet saved."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox

from core import session
from core.errors import DuizhaoError, ProjectSaveError
from core.model import ReviewDecision
from core.review import carry_choices, near_articles
from desktop import settings as keys
from desktop.dialogs import HistoryDialog, ask_reviewer_name
from desktop.models import ClauseRow, describe_item
from desktop.undo import record, record_together

# More selected rows than this are decided at once only after a question (a stray Ctrl+A
# followed by Ctrl+1 would decide every row).
ASK_OVER = 20


class WindowReview:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

    def _reviewer(self) -> str:
        name = self.settings.get(keys.REVIEWER)
        if not name and not self._asked_reviewer:
            self._asked_reviewer = True
            answer = ask_reviewer_name(self)
            if answer:
                self.settings.set(keys.REVIEWER, answer)
                name = answer
        return name

    def _decide(self, row: ClauseRow, make: Callable[..., session.Edit], **values) -> None:
        """Make one edit with a session function (``make(item=, current=, reviewer=, **values)``)
        and save it after the decisions still waiting, as its own undo step."""
        self._decide_together([row], lambda reviewer: session.Together(
            (make(item=row.item, current=row.decision, reviewer=reviewer, **values),), "",
            self.row_unit()))

    def _tell_saved(self, error: DuizhaoError | None, had_unsaved: bool, told: str,
                    timeout: int) -> None:
        """Say what became of decisions just made (``told``): saved, or why not."""
        if error is None:
            self.statusBar().showMessage(f"{told}：已保存；Ctrl+Z 撤销。", timeout)
        elif isinstance(error, ProjectSaveError) and had_unsaved:
            # Said once in a box already; the row and the summary keep saying it.
            self.statusBar().showMessage(f"{error.message} 有 {len(self.unsaved)} 条审核决定尚未保存。",
                                         10000)
        else:
            self._error(self._unsaved_error(error))

    def _selected(self, rows: list[ClauseRow]) -> list[session.Selected]:
        """Rows as core's several-item operations take them: each item with its decision."""
        return [(row.item, row.decision) for row in rows]

    def _decide_together(self, rows: list[ClauseRow], plan: Callable[[str], session.Together], *,
                         ask: bool = True) -> None:
        """Save the edits a core operation makes on selected rows (``plan(reviewer)``, a
        ``session.Together``) as one undo step, after the decisions still waiting; one edit
        alone is its own step, named for it (标为“已覆盖”（序号 3）).

        Args:
            rows: the selected rows (for their 序号).
            plan: the core operation, given the reviewer's name (asked for once, and only when
                some row is to change and the reviewer said 确定).
            ask: more than ``ASK_OVER`` edits are made only once the reviewer says so (not in
                a headless window).
        """
        if self.project is None or self.busy or self.project.read_only:
            return
        together = plan("")
        edits, left = together.edits, together.left
        if not edits:
            if left:
                self.statusBar().showMessage(f"{left.removeprefix('另 ')}。", 8000)
            return
        numbers = {row.item: row.number for row in rows}
        count, unit, doing = len(edits), together.unit, together.doing
        verb = "将" if doing.startswith("标为") else "对"
        if ask and count > ASK_OVER and not self.headless and not self.ask_decide_together(
                f"{verb}所选 {count} {unit}全部{doing}" + (f"（{left}）" if left else "") + "，确定吗？"):
            return
        together = plan(self._reviewer())
        had_unsaved = bool(self.unsaved)
        error = self._record_together(together, numbers)
        if count == 1 and not left:
            edit = edits[0]
            told = f"{edit.label}（序号 {numbers.get(edit.decision.item, '')}）"
        else:
            told = f"已{verb} {count} {unit}{doing}" + (f"（{left}）" if left else "")
        self._tell_saved(error, had_unsaved,
                         ("之前未保存的审核决定已全部保存；" if had_unsaved else "") + told,
                         6000 if count == 1 else 8000)

    def _record_together(self, together: session.Together, numbers: dict[str, int]
                         ) -> DuizhaoError | None:
        """Save the decisions still waiting (each its own undo step), then ``together``'s in
        one transaction as one undo step (``desktop.undo.record_together``); refresh the rows.

        When the project cannot write them (ProjectSaveError), none is saved: they wait as
        unsaved decisions, saved later each on its own. Returns the error, None when saved."""
        items = [edit.decision.item for edit in together.edits]
        touched = [*self.unsaved, *items]
        texts = [f"{edit.label}（序号 {numbers.get(item, '')}）"
                 for edit, item in zip(together.edits, items)]
        try:
            for item in items:
                self.unsaved.pop(item, None)  # a newer decision replaces its unsaved one
            error = self._save_unsaved()
            if error is None:
                try:
                    record_together(self.undo_stack, self.project, together, texts, self._reviewed)
                except ProjectSaveError as failed:
                    self._save_error = error = failed
                except DuizhaoError as refused:  # opened read-only: nothing is kept
                    error, texts = refused, []
            if error is not None:  # these wait after any still waiting
                for edit, text in zip(together.edits, texts):
                    self.unsaved[edit.decision.item] = (edit.decision, text)
        finally:
            self._refresh_items(touched)  # whatever became of them, the rows say it
        return error

    def ask_decide_together(self, question: str) -> bool:
        """Before deciding many selected rows at once: True when the reviewer says 确定."""
        box = QMessageBox(QMessageBox.Icon.Question, "审核所选条目", question, parent=self)
        box.setInformativeText("可按 Ctrl+Z 一次撤销。")
        ok = box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(ok)
        box.setEscapeButton(cancel)
        box.setObjectName("decideTogetherDialog")
        box.exec()
        return box.clickedButton() is ok

    def _shown_decision(self, item: str) -> tuple[ReviewDecision | None, str]:
        """An item's decision as shown, with why it is to be checked again (需复核) or "":
        the unsaved one when there is one (a new decision: nothing to re-check), else the
        project's."""
        if item in self.unsaved:
            return self.unsaved[item][0], ""
        if self.project is None:
            return None, ""
        return self.project.decision(item), self.project.recheck(item)

    def _shown_decisions(self) -> list[ReviewDecision]:
        """The project's decisions with the unsaved ones in their place (those win)."""
        decisions = {d.item: d for d in self.project.decisions()} if self.project else {}
        for item, (decision, _text) in self.unsaved.items():
            decisions.pop(item, None)
            decisions[item] = decision
        return list(decisions.values())

    def _save_unsaved(self) -> DuizhaoError | None:
        """Write the waiting decisions, oldest first, until one fails; returns that error.

        A decision the project refuses for good (opened read-only) is dropped with its error;
        one it could not write (ProjectSaveError) stays, with those after it.
        """
        while self.unsaved and self.project is not None:
            item, (decision, text) = next(iter(self.unsaved.items()))
            try:
                record(self.undo_stack, self.project, decision, text,
                       self._reviewed)
            except ProjectSaveError as error:
                self._save_error = error
                return error
            except DuizhaoError as error:
                del self.unsaved[item]
                return error
            del self.unsaved[item]
        if self.project is None:
            self.unsaved.clear()
        self._save_error = None
        return None

    def _unsaved_error(self, error: DuizhaoError) -> DuizhaoError:
        """The error, told with what became of the decisions when some are still waiting."""
        if not isinstance(error, ProjectSaveError) or not self.unsaved:
            return error
        return ProjectSaveError(
            f"{error.message}\n\n{len(self.unsaved)} 条审核决定尚未保存：仍显示在表格中并标为“未保存”，"
            "下次审核、保存（Ctrl+S）或关闭时会再次保存。", path=error.path)

    def retry_unsaved(self, *, announce: bool = False) -> bool:
        """Try again to write the unsaved decisions; True when none is left.

        ``announce``: say the outcome (a box on failure, the status bar on success)."""
        if not self.unsaved:
            return True
        waiting = list(self.unsaved)
        error = self._save_unsaved()
        self._refresh_items(waiting)
        if error is not None and announce:
            self._error(self._unsaved_error(error))
        elif error is None and announce:
            self.statusBar().showMessage("未保存的审核决定已全部保存。", 8000)
        return not self.unsaved

    def ask_unsaved(self) -> str:
        """What to do with decisions that could not be saved: "retry", "save_as", "discard"
        or "cancel" (the box's 取消, or Esc)."""
        reason = self._save_error.message if self._save_error is not None else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "审核决定未保存",
                          f"有 {len(self.unsaved)} 条审核决定未能保存到项目文件。"
                          + (f"\n\n{reason}" if reason else ""), parent=self)
        box.setInformativeText("重试保存：再次写入项目文件；另存为：连同这些决定保存到别处；"
                               "放弃：不保存这些决定。")
        buttons = {box.addButton("重试保存", QMessageBox.ButtonRole.AcceptRole): "retry",
                   box.addButton("另存为…", QMessageBox.ButtonRole.ActionRole): "save_as",
                   box.addButton("放弃", QMessageBox.ButtonRole.DestructiveRole): "discard"}
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.setObjectName("unsavedDialog")
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def settle_unsaved(self) -> bool:
        """Before the project is put away: save what could not be saved, or ask
        (重试保存 / 另存为 / 放弃). False when the user cancels: the project stays."""
        # An opinion being typed first: Ctrl+N from the box put the project away and the
        # typing with it (a key, unlike a menu or a dialog, takes no focus from the box).
        self.commit_typing()
        if not self.unsaved:
            return True
        if self.retry_unsaved():
            return True
        while self.unsaved:
            if self.headless:
                print(f"对照：{len(self.unsaved)} 条审核决定未能保存：{self._save_error}",
                      file=sys.stderr)
                return True
            choice = self.ask_unsaved()
            if choice == "retry":
                self.retry_unsaved()
            elif choice == "save_as":
                self.save_project_as()
            elif choice == "discard":
                discarded = list(self.unsaved)
                self.unsaved.clear()
                self._save_error = None
                self._refresh_items(discarded)
            else:
                return False
        return True

    def set_status(self, key: str) -> None:
        """Review the selected row: "confirm", a Status value, or "not_applicable" (toggles).

        With several rows selected, every one of them as core's ``session.decide_together``
        says (不适用 on or off as the current row's toggle; statuses skip the additions), as one
        undo step."""
        self.commit_typing()  # an opinion being typed is saved first, not thrown away
        row = self.review_row()
        if row is None or self.comparison is None:
            return
        rows = self.review_rows() or [row]
        selected = self._selected(rows)
        self._decide_together(rows, lambda reviewer: session.decide_together(
            comparison=self.comparison, selected=selected, current=row.item, key=key,
            reviewer=reviewer))

    def set_note(self, item: str, text: str) -> None:
        """Save an opinion on an item; on every selected row when the item is one of several
        selected (the review panel says so while they are), as one undo step."""
        row = self.table_model.row_for(item)
        if row is None:
            return
        if self.busy or self.project is None or self.project.read_only:
            # Not saved now: the box keeps the text as typed and unsaved (saved when it is
            # left again), rather than calling it saved and losing it.
            self.review_panel.note_not_saved(item, row.note)
            return
        rows = self.review_rows()
        if len(rows) > 1 and any(selected.item == item for selected in rows):
            # No question however many: the opinion is typed under the line saying where it
            # goes, and a box popping up as the editor lost focus would swallow the click
            # (core never replaces another row's own opinion).
            selected = self._selected(rows)
            self._decide_together(rows, lambda reviewer: session.note_together(
                comparison=self.comparison, selected=selected, current=item, note=text,
                reviewer=reviewer), ask=False)
        elif text != row.note:
            self._decide(row, session.set_note, note=text)

    def choose_match(self, item: str, match: str) -> None:
        row = self.table_model.row_for(item)
        if row is not None and match:
            self._decide(row, session.choose_match, match=match)

    def carry_selected(self) -> None:
        """Ctrl+6: the selected sentence's article is carried in part by the near article the
        detail pane shows (the nearest, unless the reviewer paged to a next nearest)."""
        row = self.review_row()
        if row is not None:
            shown = self.diff.nearest
            self.carry_in_part(row.item, shown.id if shown is not None else None)

    def choose_carrier(self) -> None:
        """Ctrl+Shift+6: record any provincial article the reviewer found as carrying in part
        the current row's article (judged missing) — the engine offers the nearest three only,
        and the carrier a reviewer finds by searching may be none of them."""
        row = self.review_row()
        if row is None or self.comparison is None or self.project is None or self.busy:
            return
        choices = carry_choices(self.comparison, row.item)
        if not choices:
            self.statusBar().showMessage("只有系统判为未覆盖的条，可以认定由地方条文部分承接。", 8000)
            return
        near = len(near_articles(self.comparison, row.item))
        labels = [f"{section.label}{'（相近）' if position < near else ''}　"
                  f"{section.clauses[0].text[:28] if section.clauses else ''}"
                  for position, section in enumerate(choices)]
        chosen = self.ask_carrier(labels)
        if chosen is not None:
            self.carry_in_part(row.item, choices[chosen].id)

    def ask_carrier(self, labels: list[str]) -> int | None:
        """Which of the provincial articles ``labels`` describe carries the article; None when
        the reviewer cancels. The box takes typing (第六十三条, or words of the article): the
        first article whose label starts with, else holds, what is typed."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("认定部分承接")
        dialog.setLabelText("承接本条的地方条文（可输入条号或文字查找）：")
        dialog.setComboBoxItems(labels)
        dialog.setComboBoxEditable(True)
        dialog.setOkButtonText("认定部分承接")
        dialog.setCancelButtonText("取消")
        if not dialog.exec():
            return None
        typed = dialog.textValue().strip()
        index = matching_label(labels, typed)
        if index is None:
            self.statusBar().showMessage(f"地方文件中没有与“{typed}”相符的条文，未作认定。", 8000)
        return index

    def carry_in_part(self, item: str, article_id: str | None = None) -> None:
        """Record that a provincial article near the item's article (judged missing) carries
        it in part — ``article_id``, or the nearest when None: the item and the article's other
        missing sentences (undecided, selected, or carried by a near article before) become
        部分覆盖, each with its nearest sentence of that article as the counterpart
        (``core.review.carried_in_part``), in one undo step; then the opinion editor opens."""
        if self.project is None or self.busy or self.comparison is None:
            return
        self.commit_typing()  # an opinion being typed is saved first, not thrown away
        planned = session.carry_together(
            comparison=self.comparison, item=item, article_id=article_id,
            decisions={row.item: row.decision for row in self.table_model.rows()
                       if row.decision is not None},
            selected=[row.item for row in self.review_rows()], reviewer=self._reviewer())
        if planned is None:
            return
        article, together = planned
        rows = [row for row in map(self.table_model.row_for,
                                   (edit.decision.item for edit in together.edits))
                if row is not None]
        had_unsaved = bool(self.unsaved)
        error = self._record_together(together, {row.item: row.number for row in rows})
        self.select_item(item)
        if error is not None:
            self._tell_saved(error, had_unsaved, "", 8000)
            return
        self.statusBar().showMessage(
            f"已记为由地方{article.label}部分承接（{len(together.edits)} 句）。可填写审核意见；"
            "Ctrl+Z 撤销。", 8000)
        # As F2 does: on a small screen the box is below the fold, and the cursor went there
        # unseen.
        self.edit_note()

    def commit_typing(self) -> None:
        """Save the opinion being typed in the review panel, as leaving the editor does."""
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()

    def undo_review(self) -> None:
        """撤销 (the menu, the toolbar, Ctrl+Z outside the editor): an opinion being typed is
        saved first and is then what the undo takes back, as an editor's undo takes back the
        typing first (redo brings it back).

        Left pending, the undo took back the decision before it, and the opinion was saved
        on the row change the undo makes — pushed on the stack while it was undoing, which
        deletes the command being undone (a crash, or a lost redo)."""
        self.commit_typing()
        done = self.undo_stack.undoText()
        self.undo_stack.undo()
        if done:
            self.statusBar().showMessage(f"已撤销：{done}；Ctrl+Y 重做。", 6000)

    def redo_review(self) -> None:
        """重做: an opinion being typed is saved first, as for 撤销; like typing in an editor,
        that new decision ends what there was to redo."""
        self.commit_typing()
        again = self.undo_stack.redoText()
        self.undo_stack.redo()
        if again:
            self.statusBar().showMessage(f"已重做：{again}。", 6000)

    def edit_note(self) -> None:
        if self.review_row() is not None:
            self.review_panel.begin_note()
            # On a small screen the box is below the fold of the detail pane: F2 put the
            # cursor there and the reviewer typed without seeing a character. The whole box is
            # scrolled into view (ensureWidgetVisible shows only the caret's line of a text box),
            # now and once the pane is laid out again (a decision just made changes its height:
            # after Ctrl+6 the box went below the fold).
            self._show_note_box()

    def _show_note_box(self) -> None:
        """Scroll the detail pane to the opinion box (also each time the review panel moves
        while the box has the cursor: MainWindow.eventFilter)."""
        note = self.review_panel.note
        middle = note.mapTo(self.detail_scroll.widget(), note.rect().center())
        self.detail_scroll.ensureVisible(middle.x(), middle.y(), 0, note.height() // 2 + 8)

    def show_history(self) -> None:
        """Show the selected item's audit trail from the project."""
        row = self.review_row()
        if row is None or self.project is None:
            return
        label = f"序号 {row.number}　{describe_item(self.comparison, row.item)}"
        self.history_dialog = HistoryDialog(label, self.project.history(row.item), self,
                                            comparison=self.project.comparison,
                                            comparison_id=self.project.comparison_id)
        self.history_dialog.open()


def matching_label(labels: list[str], typed: str) -> int | None:
    """The label a typed text picks: the one it is, else the first it opens (第六十三条), else
    the first holding it (words of the article); None for nothing typed or nothing found."""
    typed = typed.strip()
    if not typed:
        return None
    for found in (lambda label: label == typed, lambda label: label.startswith(typed),
                  lambda label: typed in label):
        index = next((n for n, label in enumerate(labels) if found(label)), None)
        if index is not None:
            return index
    return None
