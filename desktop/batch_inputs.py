"""The batch window's inputs: the national text and the list of local ones — chosen in file
dialogs, dropped from the file manager, taken out again."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox

from core import batch as batching
from core.errors import DuizhaoError
from core.files import same_document
from core.read import SUPPORTED_EXTENSIONS
from desktop.settings import LAST_FOLDER
from desktop.views import dropped_paths

DOCUMENT_FILTER = "文档 (" + " ".join(f"*{e}" for e in SUPPORTED_EXTENSIONS) + ")"


class BatchInputs:
    """Part of BatchWindow (desktop.batch_view); uses its attributes."""

    def start_folder(self) -> str:
        """Where the file dialogs open: the main window's last folder, else the Documents folder.
        ("" opened the program's working folder: /opt/duizhao, or System32 from the start menu.)"""
        main = self.main_window
        if main is None:
            return ""
        return main.settings.get(LAST_FOLDER) or str(main.documents_dir())

    def _remember_folder(self, path: str | Path) -> None:
        """The next dialog opens where this choice was made (each 添加地方文件… went back to
        Documents, one province after another)."""
        if self.main_window is not None:
            self.main_window.settings.set(LAST_FOLDER, str(Path(path).resolve()))

    def choose_national(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择国家文件", self.start_folder(), DOCUMENT_FILTER)
        if path:
            self._remember_folder(Path(path).parent)
            self.set_national(path)

    def choose_locals(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择地方文件（可多选）", self.start_folder(), DOCUMENT_FILTER)
        if paths:
            self._remember_folder(Path(paths[0]).parent)
            self.add_locals(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放地方文件的文件夹", self.start_folder())
        if folder:
            self._remember_folder(folder)
        if folder and not self.add_locals([folder]) and not batching.expand_inputs([folder]):
            # Nothing happened on screen: say why (subfolders are not searched). A folder whose
            # files were all listed already, or the national one, is said in the status bar.
            QMessageBox.information(
                self, "添加文件夹",
                f"文件夹“{Path(folder).name}”中没有可以对照的文件（只查找该文件夹本身，不含其中的子文件夹）。"
                f"\n\n支持的格式：{'、'.join(SUPPORTED_EXTENSIONS)}。")

    def set_national(self, path: str) -> None:
        self.national = str(path)
        self.national_label.setText(f"国家文件：{Path(path).name}")
        kept = [p for p in self.local_files if not same_document(p, self.national)]
        if len(kept) != len(self.local_files):
            # It was compared with itself: it leaves the local texts, and the user is told.
            self.local_files = kept
            self._show_locals()
            self.statusBar().showMessage(f"“{Path(path).name}”已从地方文件中移除：它是国家文件本身（或其副本）。", 10000)
        self._update_state()

    def add_locals(self, specs: Sequence[str]) -> int:
        """Add files, folders or glob patterns to the local texts; returns how many were new.

        The national file itself and files already listed are left out, and the status bar
        says so (they were dropped without a word, and the count went down at the run)."""
        before = len(self.local_files)
        national = repeated = 0
        for path in batching.expand_inputs(specs):
            if self.national and same_document(path, self.national):
                national += 1
            elif any(same_document(path, listed) for listed in self.local_files):
                repeated += 1
            else:
                self.local_files.append(str(path))
        self._show_locals()
        added = len(self.local_files) - before
        skipped = ([f"国家文件本身或其副本 {national} 个"] if national else []) + (
            [f"已在列表中（或内容相同）的 {repeated} 个"] if repeated else [])
        if skipped:
            self.statusBar().showMessage(f"已添加地方文件 {added} 个；未添加：{'，'.join(skipped)}。", 10000)
        self._update_state()
        return added

    def ask_clear_locals(self) -> None:
        """清空地方文件, asked first when there are several: twenty files chosen one dialog after
        another went with one click on the button beside 开始批量对照, with no way back."""
        if len(self.local_files) > 1:
            answer = QMessageBox.question(
                self, "清空地方文件",
                f"从列表中移除全部 {len(self.local_files)} 个地方文件吗？文件本身不会被删除。\n\n"
                "只移除其中几个：在列表中选中它们，点“移除所选”或按 Delete。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.clear_locals()

    def clear_locals(self) -> None:
        self.local_files.clear()
        self._show_locals()
        self._update_state()

    def remove_selected_locals(self) -> None:
        """Take the local texts selected in the list out of the batch (not while it runs)."""
        if self.busy:
            return
        chosen = {item.data(Qt.ItemDataRole.UserRole) for item in self.locals_list.selectedItems()}
        if chosen:
            self.local_files = [p for p in self.local_files if p not in chosen]
            self._show_locals()
            self._update_state()

    def _show_locals(self) -> None:
        self.locals_label.setText(f"地方文件：{len(self.local_files)} 个")
        self.locals_list.clear()
        # The last run's unreadable files say so here too, beside their names.
        errors = {local.path: local.error for local in self.batch.locals if not local.ok} if self.batch else {}
        reviewed = {local.path: local.reviewed for local in self.batch.locals} if self.batch else {}
        for number, path in enumerate(self.local_files, start=1):
            error = errors.get(path, "")
            note = (f"　—　无法对照：{error}" if error
                    else f"　—　经审核调整 {reviewed[path]} 项" if reviewed.get(path) else "")
            item = QListWidgetItem(f"{number}. {Path(path).name}{note}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.locals_list.addItem(item)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if dropped_paths(event) and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = dropped_paths(event)
        if not paths or self.busy:
            return
        event.acceptProposedAction()
        target = self.childAt(event.position().toPoint())
        if target in (self.national_label, self.national_button) and Path(paths[0]).is_file():
            self.set_national(paths[0])
            paths = paths[1:]
        if paths:
            try:
                self.add_locals(paths)
            except DuizhaoError as error:
                QMessageBox.warning(self, "添加地方文件", str(error))
                return
        if not self.national:
            self.statusBar().showMessage("已添加地方文件。国家文件请用“选择国家文件…”指定，"
                                         "或把它拖到“国家文件”一行。", 10000)


