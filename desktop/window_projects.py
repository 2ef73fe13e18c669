"""The main window's project files: open, save, save as, re-import, recent files and export."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import session
from core.errors import DuizhaoError, ProjectLockedError, ProjectReadOnlyError
from core.model import Outline
from core.project import SUFFIX, Project
from desktop import settings as keys
from desktop.dialogs import OrphanedDecisionsDialog, ask_choice, offer_exported
from desktop.window_common import (EXPORTS, NATIONAL, PROVINCIAL, SIDE_LABELS, DocumentChoice,
                                   document_filter, in_app_folder)


class WindowProjects:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

    def ask_project_path(self, default: Path, title: str = "另存为") -> Path | None:
        """Where to save the project (a save dialog); None when the user cancels."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(default), f"对照项目 (*{SUFFIX})")
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == SUFFIX else target.with_name(target.name + SUFFIX)

    def save_project(self) -> bool:
        """保存 (Ctrl+S): decisions are saved as they are made; this folds the log into the file
        so that the file alone is complete. A project never saved by the user asks where."""
        if self.project is None or self.busy:
            return False
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()
        if in_app_folder(self.project.path):
            return self.save_project_as()
        if self.unsaved and not self.retry_unsaved(announce=True):
            return False
        try:
            self.project.checkpoint()
        except sqlite3.Error:
            self._error(DuizhaoError("保存失败，请检查项目文件所在位置是否可写。",
                                     path=str(self.project.path)))
            return False
        self.statusBar().showMessage(f"已保存：{self.project.path}", 8000)
        return True

    def save_project_as(self) -> bool:
        """另存为 (Ctrl+Shift+S): one complete project file at a place the user picks, which
        then stays open; the suggestion is the Documents folder, never the inputs' folder."""
        if self.project is None or self.busy:
            return False
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()
        current = Path(self.project.path)
        folder = (Path(self.settings.get(keys.SAVE_FOLDER) or self.documents_dir())
                  if in_app_folder(current) else current.parent)
        # A project in the app's own folder is named from the provincial file; the copy the
        # user keeps is offered the document's own name (its title for law_beijing_….txt).
        name = (session.document_stem(self.project.provincial_name,
                                      self.project.comparison.provincial.title) + current.suffix
                if in_app_folder(current) else current.name)
        target = self.ask_project_path(folder / name)
        if target is None:
            return False
        if target.resolve() == current.resolve():
            return self.save_project() if not in_app_folder(current) else False
        try:
            self.project.save_copy(target)
            saved = Project.open(target)
        except DuizhaoError as error:
            self._error(error)
            return False
        self.settings.set(keys.SAVE_FOLDER, str(target.resolve().parent))
        self._set_project(saved)
        # Decisions the old file could not take go into the copy.
        if self.unsaved and not self.retry_unsaved(announce=True):
            return False
        self.statusBar().showMessage(f"已另存为：{target}", 8000)
        return True

    def choose_project(self) -> None:
        folder = self.settings.get(keys.LAST_FOLDER) or str(self.documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, "打开对照项目", folder,
                                              f"对照项目 (*{SUFFIX});;所有文件 (*)")
        if path:
            self.open_project(path)

    def open_project(self, path: str | os.PathLike, *, fallback: Callable[[], None] | None = None) -> None:
        """Open a project file in the background; a bad file is reported (or ``fallback`` runs)."""
        if self.busy or not self.settle_unsaved():
            return
        path = Path(path)

        def failed(error: BaseException) -> None:
            if isinstance(error, (ProjectLockedError, ProjectReadOnlyError)) and not self.headless:
                # Open elsewhere, or on a read-only drive: say where, and offer to look only.
                if self.ask_read_only(error):
                    self._run(lambda progress, cancel: Project.open(path, read_only=True),
                              "正在以只读方式打开项目…", self._set_project)
            elif fallback is not None and isinstance(error, DuizhaoError):
                fallback()
            else:
                self._task_failed(error)
                if isinstance(error, DuizhaoError):
                    self.settings.remove_recent(str(path.resolve()))

        self._run(lambda progress, cancel: Project.open(path), "正在打开项目…", self._set_project,
                  on_error=failed)

    def ask_read_only(self, error: DuizhaoError) -> bool:
        """Tell why the project cannot be changed here; True when the user picks 只读打开."""
        box = QMessageBox(QMessageBox.Icon.Information, "项目无法修改", str(error), parent=self)
        read_only = box.addButton("只读打开", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is read_only

    def _set_project(self, project: Project) -> None:
        """Show a project. Unsaved decisions stay only when it is a copy of the one shown
        (另存为); every other way here settles them first (settle_unsaved)."""
        if self.project is not None and self.project is not project:
            self.project.close()
        self.project = project
        self.undo_stack.clear()
        self.settings.add_recent("project", project.path)
        if not in_app_folder(project.path):
            self.settings.set(keys.LAST_FOLDER, str(Path(project.path).resolve().parent))
        self.choices[NATIONAL] = DocumentChoice("", project.national_name, in_project=True)
        self.choices[PROVINCIAL] = DocumentChoice("", project.provincial_name, in_project=True)
        for side in (NATIONAL, PROVINCIAL):
            self.slots[side].set_document(self.choices[side].name)
        self._show_comparison(project.comparison, self._shown_decisions(), project.rechecks())
        self.setWindowTitle(f"{Path(project.path).stem}{'（只读）' if project.read_only else ''} — 对照")
        self._update_state()
        self.project_shown.emit()

    def new_comparison(self) -> None:
        """Put the open project away and start from two empty sides."""
        if self.busy or not self.settle_unsaved():
            return
        if self.project is not None:
            self.project.close()
            self.project = None
        self.undo_stack.clear()
        for side in (NATIONAL, PROVINCIAL):
            self._set_choice(side, None)
        self._show_comparison(None, ())
        self.setWindowTitle("对照")
        self._update_state()

    def choose_reimport(self) -> None:
        if self.project is None:
            return
        folder = self.settings.get(keys.LAST_FOLDER) or str(self.documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, "导入新版地方文件", folder, document_filter())
        if path:
            self.reimport(path)

    def reimport(self, path: str, *, confirmed: Outline | None = None) -> None:
        """Compare a new provincial draft within the open project, carrying decisions over.

        The project's provincial document is replaced in the file, so a file that looks like
        another text (session.other_text_reason: no numbering for a statute's implementing text,
        another region's title, other numbering) is read first and imported only when the user
        says so: ``confirmed`` is then the outline the user was asked about, the one compared
        (not the file read again); for another region's text 新建对照 is offered first."""
        project = self.project
        if project is None or self.busy or not self.settle_unsaved():
            return
        reviewer = self.settings.get(keys.REVIEWER)
        old_comparison = project.comparison

        def work(progress, cancel):
            outline = confirmed
            if outline is None:
                outline = session.Source(path, Path(path).name).outline()
                reason = session.other_text_reason(old_comparison, outline)
                if reason:
                    return reason, outline  # asked first, on the window's thread
            return session.reimport(project=project, provincial=path, reviewer=reviewer,
                                    progress=progress, cancel=cancel, outline=outline)

        def done(report) -> None:
            if isinstance(report, tuple):
                reason, outline = report
                answer = (("import" if self.ask_plain_reimport(path) else "cancel")
                          if reason == session.PLAIN_TEXT else self.ask_other_text(path, reason))
                if answer == "import":
                    self.reimport(path, confirmed=outline)
                elif answer == "new":
                    self._set_choice(PROVINCIAL, DocumentChoice(str(Path(path).resolve()), Path(path).name))
                    self.compare_new()
                else:
                    self.restore_side(PROVINCIAL)
                    self.statusBar().showMessage("已取消导入，项目中的地方文件未改变。", 8000)
                return
            self.settings.add_recent(PROVINCIAL, path)
            self._set_project(project)
            if report.orphaned or report.rechecks:
                self.orphan_dialog = OrphanedDecisionsDialog.from_report(
                    report, old_comparison, self)
                self.orphan_dialog.open()
            self.statusBar().showMessage(session.reimport_summary(report), 10000)

        self._run(work, "正在导入新版地方文件…", done)

    def ask_other_text(self, path: str, reason: str) -> str:
        """The file offered as a new version is another region's text, or numbered another
        way: "new" (compare it in a project of its own), "import" or "cancel"."""
        project = self.project
        current = project.provincial_name if project is not None else ""
        name = Path(path).name
        if reason == session.OTHER_NUMBERING:
            why = (f"所选文件“{name}”的编号方式与项目中地方文件“{current}”不同"
                   "（一种为第一条、第二条……，另一种为一、（一）……），")
        else:
            own = session.region_of_title(project.comparison.provincial.title) if project is not None else ""
            why = f"所选文件“{name}”是{reason}的文件，而项目中的地方文件“{current}”是{own}的，"
        return ask_choice(self, "导入新版地方文件", why + "不像它的新版本，可能选错了文件。",
                          "“新建对照”把所选文件与国家文件另行对照，本项目不变；"
                          "“作为新版本导入”替换本项目中的地方文件，审核意见按新文本沿用。",
                          ("新建对照", "new"), ("作为新版本导入", "import"))

    def ask_plain_reimport(self, path: str) -> bool:
        """The new provincial file has no numbered articles: import it all the same?"""
        project = self.project
        current = project.provincial_name if project is not None else ""
        answer = QMessageBox.question(
            self, "导入新版地方文件",
            f"所选文件“{Path(path).name}”中没有识别到条款编号（第一条、第二条……或一、（一）……），"
            f"不像项目中地方文件“{current}”的新版本，可能选错了文件。\n\n"
            "导入后，项目中的地方文件将被替换为这份文件，并按段落重新对照；"
            "审核意见按新文本沿用，找不到依据的标为“需复核”。仍要导入吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        entries = []
        for entry in self.settings.recent_files():
            if Path(entry.path).is_file():
                entries.append(entry)
            else:  # moved or deleted since: not offered again
                self.settings.remove_recent(entry.path)
        if not entries:
            action = self.recent_menu.addAction("（无）")
            action.setEnabled(False)
            return
        kinds = {"project": "项目", NATIONAL: "国家文件", PROVINCIAL: "地方文件"}
        for number, entry in enumerate(entries, start=1):
            # Numbered as access keys (1 … 9, then 0), as office programs number recent files.
            label = f"{kinds.get(entry.kind, '')}：{Path(entry.path).name}".replace("&", "&&")
            key = f"&{number % 10} " if number <= 10 else ""
            action = self.recent_menu.addAction(f"{key}{label}")
            action.setToolTip(entry.path)
            action.setStatusTip(entry.path)
            action.triggered.connect(lambda checked=False, e=entry: self.open_recent(e.kind, e.path))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("清空列表(&C)", self.settings.clear_recent)

    def open_recent(self, kind: str, path: str) -> None:
        if not Path(path).is_file():
            self.settings.remove_recent(path)
            self._error(DuizhaoError("文件已不存在，已从“最近文件”中移除。", path=path))
            return
        if kind == "project":
            self.open_project(path)
        else:
            self.set_document_file(kind if kind in SIDE_LABELS else NATIONAL, path)

    def choose_export(self, kind: str) -> None:
        if self.project is None:
            return
        label, title, suffix, file_filter = EXPORTS[kind]
        stem = session.document_stem(self.project.provincial_name,
                                     self.project.comparison.provincial.title)
        folder = self.settings.get(keys.LAST_FOLDER) or str(Path(self.project.path).parent)
        if not (Path(folder).is_dir() and os.access(folder, os.W_OK)):
            # The inputs' folder may be read-only (a shared drive, a disc) or gone since.
            folder = str(self.documents_dir())
        path, _ = QFileDialog.getSaveFileName(self, label.rstrip("…"), str(Path(folder) / f"{stem}-{title}{suffix}"),
                                              file_filter)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str | os.PathLike) -> None:
        """Write the reviewed comparison to a file in the background."""
        if self.project is None or self.busy:
            return
        # An opinion being typed goes into the file: Ctrl+Shift+E from the box left it
        # typed and unsaved, and the box, disabled while the export ran, then lost it.
        self.commit_typing()
        project = self.project
        decisions = project.decisions()  # read here, not while the reviewer goes on deciding
        author = self.settings.get(keys.REVIEWER) or None
        report = "gaps" if kind == "gaps" else "checklist"

        def done(exported: session.Exported) -> None:
            written = exported.path
            self.last_export = written
            self.settings.set(keys.LAST_FOLDER, str(written.parent))
            self.statusBar().showMessage(f"已导出：{written}", 10000)
            self._offer_exported(written)

        self._run(lambda progress, cancel: session.export_project(
                      project=project, path=path, report=report, author=author,
                      decisions=decisions),
                  "正在导出…", done)

    def _offer_exported(self, path: Path) -> None:
        """After an export: say where the file went and offer to open it or its folder."""
        if self.headless:
            return
        self.export_dialog = offer_exported(self, path)
