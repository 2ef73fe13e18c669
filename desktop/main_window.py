"""The main window: choose two documents, compare them, review the findings, export.

The window is assembled from parts by concern (desktop/window_*.py): widgets and layout, actions
and menus, the two document sides, project files, the table and its filters, the review panel.
What the user does goes through core.session; this module keeps the window's state, its
background work and its events.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from core.compare import prepare
from core.errors import DocumentReadError, DuizhaoError, ProjectFileError
from core.model import ReviewDecision
from core.project import Project
from desktop.dialogs import HistoryDialog, OrphanedDecisionsDialog
from desktop.errors import report_unexpected, show_error
from desktop.settings import Settings, user_documents_dir
from desktop.views import dropped_paths
from desktop.window_actions import WindowActions
from desktop.window_build import WindowBuild
from desktop.window_common import (NATIONAL, PROVINCIAL, SIDE_LABELS, STATUS_FILTERS,
                                   DocumentChoice, in_app_folder, projects_dir)
from desktop.window_documents import WindowDocuments
from desktop.window_projects import WindowProjects
from desktop.window_review import WindowReview
from desktop.window_table import WindowTable
from desktop.worker import Task

# Names the window's users import from here.
__all__ = ["NATIONAL", "PROVINCIAL", "SIDE_LABELS", "STATUS_FILTERS", "DocumentChoice", "MainWindow",
           "in_app_folder", "projects_dir"]


class MainWindow(WindowBuild, WindowActions, WindowDocuments, WindowProjects, WindowTable, WindowReview,
                 QMainWindow):
    """The Duizhao window.

    Signals:
        project_shown(): a project's comparison is on screen (after compare, open or re-import).
        task_finished(): background work ended, however it ended.
    """

    project_shown = Signal()
    task_finished = Signal()

    def __init__(self, settings: Settings, *, remember_layout: bool = True,
                 headless: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.remember_layout = remember_layout
        self.headless = headless
        self.project: Project | None = None
        self.choices: dict[str, DocumentChoice | None] = {NATIONAL: None, PROVINCIAL: None}
        self.task: Task | None = None
        self.last_export: Path | None = None
        self.export_dialog: QMessageBox | None = None
        self.orphan_dialog: OrphanedDecisionsDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self._asked_reviewer = False
        self._syncing = False
        self.undo_stack = QUndoStack(self)
        # Decisions the project could not write (disk full, drive gone …), by item, oldest
        # first, each with its undo label: shown as made, marked 未保存, saved again later.
        self.unsaved: dict[str, tuple[ReviewDecision, str]] = {}
        self._last_item = ""  # the item of the row last shown (window_table)
        self._save_error: DuizhaoError | None = None
        # Loads the dictionaries once the window is on screen (see eventFilter).
        self.warm_up: Task | None = None
        self.setWindowTitle("对照")
        self.setAcceptDrops(True)
        self._build_models()
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._restore_layout()
        self._update_count()
        self._update_state()

    def documents_dir(self) -> Path:
        """Where file dialogs start when no folder was used before: the user's Documents."""
        return user_documents_dir()

    # ================================================================ background work
    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _run(self, work, message: str, on_result: Callable, *,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        # The review panel is disabled while work runs: an opinion being typed is saved
        # first, not handed to a window that refuses to save while it is busy.
        self.commit_typing()
        task = Task(work, self)  # parented: never freed while the pool may still hold it
        task.progressed.connect(self.progress.update_progress)
        task.succeeded.connect(on_result)
        task.failed.connect(on_error or self._task_failed)
        task.cancelled.connect(lambda: self.statusBar().showMessage("已取消。", 5000))
        task.finished.connect(self._task_ended)
        self.task = task
        # The step shows beside the bar; a message left from before ran into it, cut.
        self.statusBar().clearMessage()
        self.progress.start(message)
        task.start()
        self._update_state()

    def cancel_task(self) -> None:
        if self.busy:
            self.task.cancel()
            self.progress.cancelling()

    def _task_ended(self) -> None:
        self.progress.stop()
        self._update_state()
        self.task_finished.emit()

    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, (DocumentReadError, ProjectFileError)) and error.path:
            # A file that could not be read or opened is not offered again under 最近文件.
            self.settings.remove_recent(str(error.path))
            self.settings.remove_recent(str(Path(error.path).resolve()))
            if isinstance(error, DocumentReadError):
                self.drop_unreadable(str(error.path))
        if isinstance(error, DuizhaoError):
            self._error(error)
        elif self.headless:
            print(getattr(error, "__traceback_text__", repr(error)), file=sys.stderr)
        else:
            report_unexpected(self, error, getattr(error, "__traceback_text__", ""))

    def _error(self, error: DuizhaoError) -> None:
        """A user error: a dialog with its Chinese message (stderr when headless)."""
        if self.headless:
            print(f"对照：{error}", file=sys.stderr)
        else:
            show_error(self, error)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event) and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.warm_up is None:
            self.fold_outline_when_narrow()  # the first showing, at the size it has
        if self.warm_up is None and self.windowHandle() is not None:
            self.warm_up = Task(lambda _progress, _cancel: prepare(), self)
            self.windowHandle().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.ShortcutOverride
                and event.key() == Qt.Key.Key_Escape):
            # The search box's Esc is its own, not the progress panel's 取消 (a long comparison
            # was thrown away by leaving the search box while it ran).
            event.accept()
            return True
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            # Esc leaves the search box (the filter stays) for the rows it found.
            self._keep_selection_visible()
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if (watched is getattr(self, "review_panel", None)
                and event.type() in (QEvent.Type.Move, QEvent.Type.Resize)
                and self.review_panel.note.hasFocus()):
            # Laid out again while the opinion is typed (a decision just made): keep the box in
            # view.
            QTimer.singleShot(0, self, self._show_note_box)  # not after the window is gone
        if (event.type() == QEvent.Type.Expose and watched is self.windowHandle()
                and watched.isExposed()):
            # The window is on screen: the dictionaries now load on a worker while the user
            # looks at it, so the first comparison starts at once. Started earlier, the load
            # would delay the window itself. A failure here is ignored: that comparison will
            # meet the same error and report it.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.warm_up, self.warm_up.start)
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()
        if self.busy:
            self.task.cancel()
            QThreadPool.globalInstance().waitForDone(5000)
        if self.unsaved and not self.settle_unsaved():
            event.ignore()
            return
        # The batch window opens pairs in this window: it goes with it (a running batch stops,
        # and is waited for as this window's own work is).
        batch = getattr(self, "_batch_window", None)
        if batch is not None:
            batch.close()
            if batch.busy:
                QThreadPool.globalInstance().waitForDone(5000)
        self._save_layout()
        if self.project is not None:
            self.project.close()
        super().closeEvent(event)
