"""The main window's two document sides and 开始对照 (a new project, or a re-import)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import session
from core.errors import DuizhaoError
from core.project import SUFFIX, Project
from core.read import SUPPORTED_EXTENSIONS
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir
from desktop import settings as keys
from desktop.dialogs import PasteTextDialog, ask_choice
from desktop.settings import user_data_dir
from desktop.window_common import (NATIONAL, PROVINCIAL, SIDE_LABELS, DocumentChoice, document_filter,
                                   projects_dir)


class WindowDocuments:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

    def start(self, files: Sequence[str] = ()) -> None:
        """What the window opens on: given files, else the last project, else the sample pair."""
        files = [str(f) for f in files]
        if len(files) == 1 and files[0].lower().endswith(SUFFIX):
            self.open_project(files[0])
        elif len(files) == 1:
            self.set_document_file(NATIONAL, files[0])
        elif len(files) == 2:
            if self.set_document_file(NATIONAL, files[0]) and self.set_document_file(PROVINCIAL, files[1]):
                self.start_compare()
        elif files:
            QMessageBox.information(self, "对照", "请给出两份文件（国家文件、地方文件），或一个对照项目文件。")
        else:
            recent = self.settings.recent_files()
            if not recent:
                self.open_sample()
                return
            last = next((r for r in recent if r.kind == "project"), None)
            if (self.settings.get(keys.REOPEN_LAST_PROJECT) and last is not None
                    and Path(last.path).is_file()):
                self.open_project(last.path)

    def open_sample(self, folder: Path | None = None) -> None:
        """Open the bundled sample pair, compared, as a project in the data folder."""
        samples = samples_dir()
        national, provincial = samples / SAMPLE_NATIONAL, samples / SAMPLE_PROVINCIAL
        if not (national.is_file() and provincial.is_file()):
            self.statusBar().showMessage("未找到示例文件，请选择两份文件开始对照。", 8000)
            return
        target = (folder or user_data_dir() / "示例") / f"示例{SUFFIX}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.statusBar().showMessage("无法创建示例项目，请选择两份文件开始对照。", 8000)
            return
        self._set_choice(NATIONAL, DocumentChoice(str(national), national.name))
        self._set_choice(PROVINCIAL, DocumentChoice(str(provincial), provincial.name))
        if target.is_file():
            self.open_project(target, fallback=lambda: self._compare_into(target))
        else:
            self._compare_into(target)

    def _set_choice(self, side: str, choice: DocumentChoice | None) -> None:
        self.choices[side] = choice
        self.slots[side].set_document(choice.name if choice else "")
        self._update_state()

    def swap_documents(self) -> None:
        """Put the national side's document on the provincial side and the other way round (two
        files chosen the wrong way); then 开始对照 compares them anew."""
        # A document known only from the open project is written out first, from its own side
        # of the project.
        if not self._both_on_disk():
            return
        national, provincial = self.choices[NATIONAL], self.choices[PROVINCIAL]
        self._set_choice(NATIONAL, replace(provincial, in_project=False) if provincial else None)
        self._set_choice(PROVINCIAL, replace(national, in_project=False) if national else None)
        self.statusBar().showMessage("已交换国家文件和地方文件，请按“开始对照”（F5）重新对照。", 8000)

    def choose_document(self, side: str) -> None:
        folder = self.settings.get(keys.LAST_FOLDER) or str(self.documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, f"选择{SIDE_LABELS[side]}", folder, document_filter())
        if path:
            self.set_document_file(side, path)

    def set_document_file(self, side: str, path: str) -> bool:
        """Take a file as one side; unreadable files are reported at once. Returns success."""
        path = str(path)
        if path.lower().endswith(SUFFIX):
            self.open_project(path)
            return False
        if Path(path).is_dir():
            # A folder dropped or given by mistake: "找不到文件" would send the user looking.
            self._error(DuizhaoError("这是一个文件夹，不是文件。请选择文件夹中的一份文件。", path=path))
            return False
        if not Path(path).is_file():
            self._error(DuizhaoError("找不到文件，请确认文件存在且没有被移动或删除。", path=path))
            self.settings.remove_recent(path)
            return False
        if Path(path).suffix.lower() not in SUPPORTED_EXTENSIONS:
            supported = "、".join(SUPPORTED_EXTENSIONS)
            self._error(DuizhaoError(f"不支持“{Path(path).suffix or '无扩展名'}”文件。支持的格式：{supported}。",
                                          path=path))
            return False
        self._set_choice(side, DocumentChoice(str(Path(path).resolve()), Path(path).name))
        self.settings.set(keys.LAST_FOLDER, str(Path(path).resolve().parent))
        self.settings.add_recent(side, path)
        self.statusBar().showMessage(f"已选择{SIDE_LABELS[side]}：{Path(path).name}", 5000)
        return True

    def restore_side(self, side: str) -> None:
        """Show the open project's document on this side again (nothing when none is open)."""
        if self.project is None:
            self._set_choice(side, None)
        else:
            name = self.project.national_name if side == NATIONAL else self.project.provincial_name
            self._set_choice(side, DocumentChoice("", name, in_project=True))

    def drop_unreadable(self, path: str) -> None:
        """A chosen file could not be read: its side shows again what the table shows (the
        open project's document), not the name of a file that was never compared."""
        try:
            failed = Path(path).resolve()
        except OSError:
            return
        for side, choice in self.choices.items():
            if choice is not None and choice.path and choice.pasted is None \
                    and Path(choice.path).resolve() == failed:
                self.restore_side(side)

    def paste_document(self, side: str) -> None:
        dialog = PasteTextDialog(SIDE_LABELS[side], self)
        if dialog.exec():
            self.set_document_text(side, dialog.document_text(), dialog.document_name())

    def set_document_text(self, side: str, text: str, name: str) -> bool:
        """Take pasted text as one side (kept as a UTF-8 file so the project can store it)."""
        folder = user_data_dir() / "粘贴的文本"
        try:
            target = session.keep_pasted_text(text=text, name=name, folder=folder)
        except DuizhaoError as error:
            self._error(error)
            return False
        except OSError:
            self._error(DuizhaoError("无法保存粘贴的文本，请检查用户数据文件夹是否可写。", path=str(folder)))
            return False
        self._set_choice(side, DocumentChoice(str(target), name, pasted=text))
        return True

    def start_compare(self) -> None:
        """Compare the chosen documents into a project (a new one, or the open one re-imported)."""
        if self.busy:
            return
        national, provincial = self.choices[NATIONAL], self.choices[PROVINCIAL]
        if national is None or provincial is None:
            missing = "、".join(SIDE_LABELS[s] for s in (NATIONAL, PROVINCIAL) if self.choices[s] is None)
            QMessageBox.information(self, "对照", f"请先选择{missing}。")
            return
        kind = session.compare_kind(project_open=self.project is not None,
                                    national_in_project=national.in_project,
                                    provincial_in_project=provincial.in_project,
                                    provincial_pasted=provincial.pasted is not None)
        if kind == "unchanged":
            self.statusBar().showMessage("当前项目已是这两份文件的对照结果。", 6000)
            return
        if kind == "reimport":
            self.reimport(provincial.path)
            return
        self.compare_new()

    def ask_earlier_review(self, earlier: session.EarlierReview) -> str:
        """These two files were compared before, in ``earlier``: "open" it, compare them "new"
        into a project of their own, or "cancel"."""
        return ask_choice(self, "对照", f"这两份文件已经对照过：项目“{earlier.path.stem}”"
                          f"（{earlier.modified:%Y-%m-%d %H:%M}，审核决定 {earlier.decisions} 项）。",
                          "“打开已有项目”接着原来的审核继续；“重新对照”另建一个项目，原项目不变。",
                          ("打开已有项目", "open"), ("重新对照", "new"))

    def compare_new(self) -> None:
        """Compare the chosen documents into a new project in the app's folder."""
        provincial = self.choices[PROVINCIAL]
        assert provincial is not None
        if not self._both_on_disk():
            return
        national = self.choices[NATIONAL]
        assert national is not None
        # The same two files compared before: go on with that review (its decisions were left
        # in an earlier project while a new one was made beside it: 名（2）, 名（3）…).
        # (A headless window — screenshots, the bench — asks nothing: it compares anew.)
        earlier = None if self.headless else session.earlier_review(
            folder=projects_dir(), national=national.path, provincial=provincial.path,
            also=[entry.path for entry in self.settings.recent_files() if entry.kind == "project"])
        if earlier is not None:
            answer = self.ask_earlier_review(earlier)
            if answer == "open":
                self.open_project(earlier.path)
                return
            if answer == "cancel":
                return
        # No question before the work: the files are read and compared first, into a project
        # in the app's own folder, named once the provincial text is read (by its title when
        # its file name says nothing in Chinese); 保存 / 另存为 put it where the user wants it.
        try:
            projects_dir().mkdir(parents=True, exist_ok=True)
        except OSError:
            self._error(DuizhaoError("无法创建项目文件夹，请检查用户数据文件夹是否可写。",
                                     path=str(projects_dir())))
            return
        self._compare_into(folder=projects_dir())

    def _both_on_disk(self) -> bool:
        """Write out the documents known only from the open project (``_put_on_disk``); False,
        with the error shown, when that fails."""
        try:
            for side in (NATIONAL, PROVINCIAL):
                self._put_on_disk(side)
        except OSError:
            self._error(DuizhaoError("无法从项目中取出原文件，请检查用户数据文件夹是否可写。"))
            return False
        return True

    def _put_on_disk(self, side: str) -> None:
        """A document known only from the open project is written out, so it can be read again."""
        choice = self.choices[side]
        if choice is None or choice.path or self.project is None:
            return
        target = session.extract_document(project=self.project, side=side, name=choice.name,
                                          folder=user_data_dir() / "项目中的文件")
        self.choices[side] = replace(choice, path=str(target))

    def _compare_into(self, target: Path | None = None, *, folder: Path | None = None) -> None:
        """Compare the chosen documents into a new project at ``target``, or in ``folder``
        named from the provincial text (``session.compare_into_project``)."""
        if not self.settle_unsaved():
            return
        national, provincial = self.choices[NATIONAL], self.choices[PROVINCIAL]
        assert national is not None and provincial is not None

        def work(progress, cancel) -> Project:
            return session.compare_into_project(national=national.source,
                                                provincial=provincial.source, target=target,
                                                folder=folder, progress=progress, cancel=cancel)

        self._run(work, "正在对照…", self._compared)

    def _compared(self, project: Project) -> None:
        self._set_project(project)
        self.statusBar().showMessage(f"对照完成，项目已保存：{project.path}", 8000)
        self.warn_unnumbered(project)

    def warn_unnumbered(self, project: Project) -> None:
        """Say so when one side of a statute pair has no numbered articles: read by paragraph,
        it is most likely the wrong file, and its verdicts say little; and when a side holds
        nothing but its title (the national one first: then nothing was compared at all)."""
        comparison = project.comparison
        if session.sides_swapped(comparison.national, comparison.provincial):
            text = (f"国家文件一侧的“{project.national_name}”像是地方文件，地方文件一侧的"
                    f"“{project.provincial_name}”像是国家文件，两侧可能选反了。\n\n"
                    "如果选反了，请用“文件 → 交换两侧”（Ctrl+Shift+X）后重新对照。")
            if self.headless:
                print(f"对照：{text}", file=sys.stderr)
            else:
                QMessageBox.information(self, "对照", text)
        sides = ((NATIONAL, project.national_name, comparison.national),
                 (PROVINCIAL, project.provincial_name, comparison.provincial))
        statutes = any(outline.grammar == "statute" for _, _, outline in sides)
        national_empty = not comparison.national.clauses()
        for side, name, outline in sides:
            if side == PROVINCIAL and national_empty:
                break
            if not outline.clauses():
                # Only a title: "对照完成" over an empty table (or every national clause
                # 未覆盖) said nothing of why.
                result = ("对照结果为空" if side == NATIONAL else "国家文件各条均为未覆盖")
                text = (f"{SIDE_LABELS[side]}“{name}”中除标题外没有可以对照的正文，{result}。"
                        "\n\n请检查是否选错了文件，重新选择后再对照。")
            elif statutes and outline.grammar == "plain":
                text = (f"{SIDE_LABELS[side]}“{name}”中没有识别到条款编号（第一条、第二条……或一、（一）……），"
                        "已按自然段逐段对照，结果仅供参考。\n\n如果选错了文件，请重新选择后再对照。")
            else:
                continue
            if self.headless:
                print(f"对照：{text}", file=sys.stderr)
            else:
                QMessageBox.information(self, "对照", text)

    def open_dropped(self, paths: Sequence[str]) -> None:
        """Files dropped on the window: a project opens; documents fill the sides."""
        projects = [p for p in paths if p.lower().endswith(SUFFIX)]
        if projects:
            self.open_project(projects[0])
            return
        if len(paths) >= 2:
            first, second = paths[0], paths[1]
            # A name that says it is national goes national, whatever the drop order.
            if any(word in Path(second).name for word in ("国务院", "国发", "国办", "national")) and not any(
                    word in Path(first).name for word in ("国务院", "国发", "国办", "national")):
                first, second = second, first
            if self.set_document_file(NATIONAL, first) and self.set_document_file(PROVINCIAL, second):
                self.start_compare()
            return
        self.set_document_file(NATIONAL if self.choices[NATIONAL] is None else PROVINCIAL, paths[0])
