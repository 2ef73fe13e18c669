"""The batch window: one national text against many local ones, as a coloured matrix with 他省表述."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QMainWindow, QMenu, QMessageBox, QPushButton, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from core import batch as batching
from core import session
from core.errors import DuizhaoError
from core.files import same_document
from core.model import national_id
from core.project import SUFFIX, Project
from desktop.batch_inputs import DOCUMENT_FILTER, BatchInputs
from desktop.batch_matrix import FIXED_COLUMNS, SORT_ROLE, MatrixModel, wording_html
from desktop.batch_pairs import (adopt_review, carry_pair_review, pair_project_path, reviewed_here,
                                 with_pair_reviews)
from desktop.dialogs import offer_exported
from desktop.errors import report_unexpected
from desktop.frozen_table import FrozenColumnsTable
from desktop.settings import BATCH_UNIT
from desktop.views import ProgressPanel
from desktop.window_common import FRAME_ALLOWANCE, text_menu
from desktop.worker import Task

# The unit choices: shown text, core.batch's unit, tip.
UNITS = (("自动（法规按条，其他按句）", "auto", "法律法规按条对照，政策文件按句对照"),
         ("按条（政策文件按段）", batching.ARTICLE, "一行是国家文件的一条；没有“第N条”的文件，一行是一个编号段落"),
         ("按句", batching.CLAUSE, "一行是国家文件的一句"))

# The window's size where the screen has room for it.
PREFERRED_SIZE = (1200, 720)
# The matrix's export types, each with its extension.
EXPORT_FILTERS = {"Excel (*.xlsx)": ".xlsx", "Word (*.docx)": ".docx", "JSON (*.json)": ".json"}


class BatchWindow(BatchInputs, QMainWindow):
    """Choose a national text and many local ones, compare them all, read the matrix.

    Signals:
        batch_shown: a batch result is on screen (after a run or a re-import).
        pair_opened(str): a pair's project file was opened in the main window.
        exported(str): the matrix was written to this file.
    """

    batch_shown = Signal()
    pair_opened = Signal(str)
    exported = Signal(str)

    def __init__(self, main_window=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("批量对照 — 一个国家文件对多个地方文件")
        self.main_window = main_window
        self.national: str = ""
        self.local_files: list[str] = []
        self.workers: int | None = None  # all cores (core.batch decides how to start them)
        self.task: Task | None = None
        self._opened: set[int] = set()  # columns whose pair's review was opened from here
        self.export_dialog: QMessageBox | None = None
        self.model = MatrixModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        # Files and folders dragged from the file manager, as on the main window (a drop here
        # did nothing): on the national line they are the national text, elsewhere local ones.
        self.setAcceptDrops(True)
        self._update_state()

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.national_label = QLabel("国家文件：（未选择）")
        self.national_label.setToolTip("可以把国家文件拖到这一行；拖到窗口其他地方的文件和文件夹作为地方文件")
        self.locals_label = QLabel("地方文件：0 个")
        # The local texts themselves, numbered in the order compared (a chain's 1 is the
        # province): only a count was shown, so a wrong file could be neither seen nor taken
        # out but by 清空地方文件 and choosing all the others again.
        self.locals_list = QListWidget()
        self.locals_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.locals_list.setMaximumHeight(int(self.locals_list.fontMetrics().lineSpacing() * 3.5)
                                          + 2 * self.locals_list.frameWidth())
        self.locals_list.itemSelectionChanged.connect(self._update_state)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.locals_list, self.remove_selected_locals,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.remove_button = QPushButton("移除所选(&R)")
        self.remove_button.setToolTip("从地方文件中移除列表里选中的文件（Delete）")
        self.remove_button.clicked.connect(self.remove_selected_locals)
        # What a row is: the CLI's --unit, here too (a national guideline could not be read by
        # its numbered parts, nor a statute sentence by sentence).
        self.unit_label = QLabel("对照单位(&U)：")
        self.unit_box = QComboBox()
        for text, unit, tip in UNITS:
            self.unit_box.addItem(text, unit)
            self.unit_box.setItemData(self.unit_box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.unit_label.setBuddy(self.unit_box)
        self.unit_box.setToolTip("矩阵的一行是国家文件的一条还是一句；下次对照时生效")
        if self.main_window is not None:
            self.set_unit(self.main_window.settings.get(BATCH_UNIT))
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        # Access keys, Chinese style, as on the main window's menu items: the window has no
        # menu, so its buttons are what Alt reaches (one key each within the window; the texts
        # quoted elsewhere, 移除所选 and 选择国家文件…, are the labels without them).
        self.national_button = QPushButton("选择国家文件(&G)…")
        self.national_button.clicked.connect(self.choose_national)
        self.add_button = QPushButton("添加地方文件(&D)…")
        self.add_button.clicked.connect(self.choose_locals)
        self.folder_button = QPushButton("添加文件夹(&F)…")
        self.folder_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton("清空地方文件(&C)")
        self.clear_button.clicked.connect(self.ask_clear_locals)
        self.run_button = QPushButton("开始批量对照(&B)")
        self.run_button.clicked.connect(self.start)
        # F5 as 开始对照 in the main window (here it did nothing).
        self.run_button.setToolTip("对照国家文件与列表中的每个地方文件（F5）")
        QShortcut(QKeySequence("F5"), self, self.start)
        self.chain_button = QPushButton("逐级对照(&Z)")
        self.chain_button.setToolTip("国家文件 → 省级文件 → 市级文件：地方文件列表中第1个为省级文件，第2个为市级文件")
        self.chain_button.clicked.connect(self.start_chain)
        self.reimport_button = QPushButton("导入新版本(&I)…")
        self.reimport_button.setToolTip("导入所选地方文件的新版本：只对照这一个文件，原有审核意见沿用到新版本")
        self.reimport_button.clicked.connect(self.choose_reimport)
        # National staff gather the provinces' reviews: each goes to the column whose texts it
        # compares, as `duizhao batch --review` does.
        self.reviews_button = QPushButton("导入审核项目(&V)…")
        self.reviews_button.setToolTip("导入各地发回的审核项目（.duizhao）：按其对照的文本归入对应的一列，"
                                       "矩阵显示审核后的结论")
        self.reviews_button.clicked.connect(self.choose_reviews)
        self.export_button = QPushButton("导出矩阵(&E)…")
        self.export_button.clicked.connect(self.choose_export)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self.cancel)

        # The item and its counts stay in view while twenty provinces' columns scroll by.
        self.table = FrozenColumnsTable(len(FIXED_COLUMNS))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(78)
        header.setMinimumHeight(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        # Enter opens the cell's pair as a double-click does: a keyboard user had no way to a
        # pair's review. Tab leaves the matrix for the side pane and the buttons (it walked
        # the cells, row after row, and never got out).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._enter_opens,
                      context=Qt.ShortcutContext.WidgetShortcut)
        self.table.setTabKeyNavigation(False)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._detail_menu)
        self.hint = QLabel("双击某个单元格（或选中后按 Enter），打开该地方文件与国家文件的逐条审核。点击列标题排序"
                           "（“未覆盖数”：多少个地方文件未覆盖该项）。")
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        for widget in (self.national_button, self.add_button, self.folder_button, self.clear_button,
                       self.run_button, self.chain_button, self.export_button):
            top.addWidget(widget)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        labels = QVBoxLayout()
        labels.addWidget(self.national_label)
        count_row = QHBoxLayout()
        count_row.addWidget(self.locals_label)
        count_row.addWidget(self.remove_button)
        count_row.addSpacing(16)
        count_row.addWidget(self.unit_label)
        count_row.addWidget(self.unit_box)
        count_row.addStretch(1)
        # What comes back after a run: a province's new draft, the reviews the provinces made
        # (on the first row they pushed the window wider than a 1366×768 screen at 150 %).
        back_row = QHBoxLayout()
        back_row.addWidget(self.reimport_button)
        back_row.addWidget(self.reviews_button)
        back_row.addStretch(1)
        labels.addLayout(count_row)
        labels.addLayout(back_row)
        labels.addStretch(1)
        inputs = QHBoxLayout()
        inputs.addLayout(labels)
        inputs.addWidget(self.locals_list, 1)
        layout.addLayout(inputs)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        self.setCentralWidget(central)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """The preferred size where it fits, else the screen's available area, frame included,
        centred. (A fixed 1200×720 ran off a 1366×768 screen at 150 % — about 910×512 — and
        off it at 100 % under a taskbar: the side pane, the status bar with the run's outcome
        and the matrix's horizontal scroll bar could not be reached.)"""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        frame_width, frame_height = FRAME_ALLOWANCE
        width = min(PREFERRED_SIZE[0], max(available.width() - frame_width, 320))
        height = min(PREFERRED_SIZE[1], max(available.height() - frame_height, 240))
        self.resize(width, height)
        self.move(available.left() + max((available.width() - width - frame_width) // 2, 0),
                  available.top() + max((available.height() - height - frame_height) // 2, 0))

    # ------------------------------------------------------------------ running
    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def start(self) -> None:
        """Compare the national text with every local one, off the GUI thread."""
        if self.busy or not self.national or not self.local_files:
            return
        national, files, workers, unit = self.national, list(self.local_files), self.workers, self.unit

        def work(progress, cancel):
            batch = batching.compare_many(national, files, unit=unit, workers=workers,
                                          progress=progress, cancel=cancel)
            # Pairs reviewed before (in their own projects) show their verdicts after review.
            return with_pair_reviews(batch)

        self._run(work, f"正在对照 {len(files)} 个地方文件…", self._show_reviewed)

    def start_chain(self) -> None:
        """National → province → city: the first local file is the province's, the second the city's."""
        if self.busy or not self.national:
            return
        if len(self.local_files) != 2:
            QMessageBox.information(self, "逐级对照", "逐级对照需要两个地方文件：第1个为省级文件，第2个为市级文件。"
                                    f"当前有 {len(self.local_files)} 个。")
            return
        national, (province, city), workers, unit = self.national, self.local_files, self.workers, self.unit

        def work(progress, cancel):
            batch = batching.compare_chain(national, province, city, unit=unit, workers=workers,
                                           progress=progress, cancel=cancel)
            return with_pair_reviews(batch)

        self._run(work, "正在逐级对照：国家文件 → 省级文件 → 市级文件…", self._show_reviewed)

    def _run(self, work, message: str, on_result=None, *, title: str = "批量对照",
             cancellable: bool = True) -> None:
        self.task = Task(work, self)
        self.task.progressed.connect(self.progress.update_progress)
        self.task.succeeded.connect(on_result or self.show_batch)
        self.task.failed.connect(lambda error: self._failed(error, title))
        self.task.cancelled.connect(lambda: self.statusBar().showMessage("已取消。", 6000))
        self.task.finished.connect(self._ended)
        self.progress.start(message)
        self.progress.cancel_button.setEnabled(cancellable)
        self.task.start()
        self._update_state()

    def cancel(self) -> None:
        if self.busy:
            self.progress.cancelling()
            self.task.cancel()

    def _ended(self) -> None:
        self.progress.stop()
        self._update_state()

    def _failed(self, error: BaseException, title: str = "批量对照") -> None:
        if isinstance(error, DuizhaoError):
            text = error.message
            if error.path and self.national and same_document(error.path, self.national):
                # Which of the many files failed: the national one stops the whole batch.
                text = f"国家文件无法读取：{text}"
            if error.path:
                text += f"\n\n文件：{error.path}"
            QMessageBox.warning(self, title, text)
        else:
            # Logged with its traceback; the user reads what happened, not a Python class name.
            report_unexpected(self, error, getattr(error, "__traceback_text__", ""))

    def show_batch(self, batch: batching.Batch) -> None:
        """Put a result on screen, sorted by how many local texts miss each item."""
        self.model.set_batch(batch)
        self.national = self.national or batch.national.path
        self.national_label.setText(f"国家文件：{batch.national.title or Path(batch.national.path).name}"
                                    f"（按{'条' if batch.unit == batching.ARTICLE else '句'}对照 "
                                    f"{sum(item.level == 'national' for item in batch.items)} 项）")
        self.local_files = [local.path for local in batch.locals]
        self._show_locals()
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setColumnWidth(0, 170)
        for column in (1, 2):
            self.table.setColumnWidth(column, 72)
        failed = [local for local in batch.locals if not local.ok]
        note = f"，{len(failed)} 个无法对照（原因见地方文件列表）" if failed else ""
        message = f"已对照 {len(batch.locals) - len(failed)} 个地方文件{note}。"
        if batch.kind == "chain" and not failed:
            message = f"逐级对照：{batching.chain_wording(batch)}（含部分覆盖）。"
        self.statusBar().showMessage(message)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, len(FIXED_COLUMNS) if batch.locals else 0))
        self._update_state()
        # The keys work on the matrix at once (arrows, Enter), as on the main window's table
        # after 开始对照: the button pressed was disabled while the batch ran, and focus was lost.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.batch_shown.emit()

    def _show_new(self, batch: batching.Batch) -> None:
        """Show the result of a new run: its columns are other ones than the pairs opened
        before (kept until the run succeeds: a cancelled run leaves the matrix as it was)."""
        self._opened.clear()
        self.show_batch(batch)

    def _show_reviewed(self, outcome: tuple[batching.Batch, tuple[str, ...]]) -> None:
        """Show a batch over which the pairs' reviews were laid, and say which could not be."""
        batch, notes = outcome
        self._show_new(batch)
        reviewed = [local for local in batch.locals if local.reviewed]
        if reviewed or notes:
            said = [self.statusBar().currentMessage().rstrip("。")]
            if reviewed:
                said.append(f"{'、'.join(local.name for local in reviewed)}已按审核意见调整")
            self.statusBar().showMessage("；".join(said + list(notes)).rstrip("。") + "。")

    def refresh_reviews(self) -> None:
        """Lay the latest decisions of the pairs opened from here over their columns (a reviewer
        came back from the main window), without comparing anything again."""
        if self.batch is None or self.busy or not self._opened:
            return
        batch, notes = with_pair_reviews(self.batch, sorted(self._opened))
        if batch.cells != self.batch.cells or [c.reviewed for c in batch.locals] != [
                c.reviewed for c in self.batch.locals]:
            # The same item and text stay selected: the matrix is sorted (by 未覆盖数), so the
            # row just reviewed moves, and the proxy's row number would name another item.
            current = self.proxy.mapToSource(self.table.currentIndex())
            before = {i: self.batch.locals[i].reviewed for i in self._opened}
            self.model.set_batch(batch)
            if current.isValid():
                shown = self.proxy.mapFromSource(self.model.index(current.row(), current.column()))
                self.table.setCurrentIndex(shown)
                self.table.scrollTo(shown)  # its row may have sorted out of sight
                self._current_changed(shown, QModelIndex())  # the side pane shows the review
            self._show_locals()
            names = "、".join(batch.locals[i].name for i in sorted(self._opened) if batch.locals[i].reviewed)
            undone = "、".join(batch.locals[i].name for i in sorted(self._opened)
                               if before[i] and not batch.locals[i].reviewed)
            said = (f"已按审核意见更新{names}。" if names else "") + (f"{undone}的审核调整已撤销。" if undone else "")
            self.statusBar().showMessage((said or "已按审核意见更新矩阵。") + "".join(notes), 8000)
        elif notes:
            self.statusBar().showMessage("".join(notes), 8000)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_reviews()

    @property
    def batch(self) -> batching.Batch | None:
        return self.model.batch

    @property
    def unit(self) -> str:
        """The unit chosen for the next run: "auto", ARTICLE or CLAUSE (core.batch)."""
        return self.unit_box.currentData()

    def set_unit(self, unit: str) -> None:
        """Choose the unit of the next run ("auto", ARTICLE or CLAUSE)."""
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(unit), 0))

    def _unit_chosen(self) -> None:
        if self.main_window is not None:
            self.main_window.settings.set(BATCH_UNIT, self.unit)
        if self.batch is not None:
            shown = "条" if self.batch.unit == batching.ARTICLE else "句"
            self.statusBar().showMessage(f"对照单位已改为“{self.unit_box.currentText()}”，"
                                         f"再次开始批量对照后生效（当前矩阵按{shown}）。", 8000)

    # ------------------------------------------------------------------ reading the matrix
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.batch is None or not current.isValid():
            self.detail.clear()
            return
        source = self.proxy.mapToSource(current)
        self.detail.setHtml(wording_html(self.batch, source.row(),
                                         self.model.local_index(source.column())))
        self._update_state()

    def selected_local(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.local_index(self.proxy.mapToSource(index).column())

    def _detail_menu(self, point: QPoint) -> None:
        self.detail_menu(point).popup(self.detail.viewport().mapToGlobal(point))

    def detail_menu(self, point: QPoint) -> QMenu:
        """The side pane's right-click menu at ``point`` (of its viewport): Qt's own (复制, 全选),
        with an access key on each entry (``window_common.text_menu``)."""
        return text_menu(self.detail, point)

    def _double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        local = self.model.local_index(source.column())
        if local is not None:
            self.open_pair(local, source.row())

    def _enter_opens(self) -> None:
        local = self.selected_local()
        if local is not None:
            self.open_pair(local, self.proxy.mapToSource(self.table.currentIndex()).row())

    def _review_item(self, row: int | None) -> str | None:
        """The main window's row for a matrix row: the clause, or an article's first clause."""
        batch = self.batch
        if batch is None or row is None or not 0 <= row < len(batch.items):
            return None
        item = batch.items[row]
        if item.level != "national":
            return None  # a chain's province-own row: not an item of the national text
        if batch.unit != batching.ARTICLE:
            return item.id
        try:
            clauses = batch.national.section(item.section).clauses
        except KeyError:
            return None
        return national_id(clauses[0].id) if clauses else None

    def pair_project_path(self, local: int) -> Path:
        """Where the review of one pair is kept (see ``pair_project_path``)."""
        assert self.batch is not None
        return pair_project_path(self.batch, local)

    def open_pair(self, local: int, row: int | None = None) -> Path | None:
        """Open one pair's review in the main window; its decisions are kept in its own project.

        The first time, the pair's project is made from the batch's comparison (nothing is
        recomputed); afterwards the same project is opened, with the decisions made in it.
        With ``row`` (a matrix row), the review opens on that item (it opened on the first
        row, whichever cell was double-clicked).
        """
        batch = self.batch
        if batch is None or self.main_window is None:
            return None
        if self.main_window.busy:
            # A double-click did nothing, and nothing said why.
            self.statusBar().showMessage("主窗口正在处理（对照、导入或导出），完成后再打开该组对照的审核。", 10000)
            return None
        column = batch.locals[local]
        if not column.ok:
            QMessageBox.warning(self, "批量对照", f"{column.name}：{column.error}")
            return None
        target = self.pair_project_path(local)
        self._opened.add(local)
        current = getattr(self.main_window, "project", None)
        item = self._review_item(row)
        if current is not None and Path(current.path).resolve() == target.resolve():
            if item is not None:
                self.main_window.select_item(item)
            _bring_to_front(self.main_window)  # already open there, with its decisions
            self.pair_opened.emit(str(target))
            return target
        try:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                Project.create(target, batch.national.path, column.path, column.comparison).close()
        except (DuizhaoError, OSError) as error:
            QMessageBox.warning(self, "批量对照", f"无法保存该组对照的审核项目：{error}")
            return None
        if item is not None:
            self._select_when_shown(target, item)
        self.main_window.open_project(target)
        _bring_to_front(self.main_window)
        self.pair_opened.emit(str(target))
        return target

    def _select_when_shown(self, target: Path, item: str) -> None:
        """Select ``item`` once the main window shows ``target`` (it opens in the background;
        should it show something else first, a failed or declined open, nothing is selected)."""
        main = self.main_window

        def shown() -> None:
            main.project_shown.disconnect(shown)
            project = main.project
            if project is not None and Path(project.path).resolve() == target.resolve():
                main.select_item(item)

        main.project_shown.connect(shown)

    # ------------------------------------------------------------------ re-import, export
    def choose_reimport(self) -> None:
        local = self.selected_local()
        if local is None or self.batch is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, f"选择{self.batch.locals[local].name}的新版本",
            str(Path(self.batch.locals[local].path).parent), DOCUMENT_FILTER)  # where the old one was
        if path:
            self.reimport(local, path)

    def reimport(self, local: int, path: str) -> None:
        """Compare a new version of one local text; the other columns are kept as they are.

        When the previous version's pair was reviewed, the review goes to the new version too.
        """
        if self.busy or self.batch is None:
            return
        batch = self.batch
        # A wrong pick in the file dialog: the national text itself became a 覆盖 100% column,
        # another column's text a second copy of that column.
        if same_document(path, batch.national.path):
            QMessageBox.warning(self, "导入新版本", f"“{Path(path).name}”是国家文件本身（或其副本），不是"
                                f"{batch.locals[local].name}的新版本。请选择地方文件的新版本。")
            return
        other = next((column for i, column in enumerate(batch.locals)
                      if i != local and column.path and same_document(path, column.path)), None)
        if other is not None:
            QMessageBox.warning(self, "导入新版本", f"“{Path(path).name}”已是{other.name}一列的地方文件，"
                                f"不是{batch.locals[local].name}的新版本。")
            return
        old = self.pair_project_path(local)

        def work(progress, cancel):
            updated = batching.replace_local(batch, local, path)
            note = ""
            if old.exists() and updated.locals[local].ok:
                # The previous pair may be open in the main window: it is only read, and copied.
                note = carry_pair_review(old, pair_project_path(updated, local), path, cancel)
            # The matrix is rebuilt from the engine's results: the reviews go over it again.
            updated, notes = with_pair_reviews(updated)
            return updated, "；".join([note, *notes]).strip("；").rstrip("。")

        def done(outcome) -> None:
            updated, note = outcome
            if not updated.locals[local].ok:
                # A new version that cannot be read must not take the place of the column the
                # reviewer has (it became a 无法对照 column and the previous result was gone).
                QMessageBox.warning(self, "导入新版本",
                                    f"新版本“{Path(path).name}”无法对照：{updated.locals[local].error}"
                                    f"\n\n{batch.locals[local].name}一列仍是原来版本的对照结果。")
                return
            self.show_batch(updated)
            if note:
                self.statusBar().showMessage(f"已对照新版本。{note}。", 10000)

        self._run(work, f"正在对照新版本：{Path(path).name}…", done)

    def choose_reviews(self) -> None:
        if self.batch is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "导入各地发回的审核项目（可多选）", self.start_folder(),
                                                f"对照项目 (*{SUFFIX})")
        if paths:
            self._remember_folder(paths[0])
            self.import_reviews(paths)

    def import_reviews(self, paths: list[str]) -> None:
        """Make review projects received from the provinces their pairs' reviews.

        Each goes to the column whose texts it compares (``core.batch.review_projects``, read
        off the GUI thread); a pair reviewed here already is replaced only when the user
        agrees, and its review is kept beside it (``adopt_review``). The matrix then shows them.
        """
        if self.busy or self.batch is None:
            return
        batch = self.batch

        def work(progress, cancel):
            return batching.review_projects(batch, paths)

        def done(outcome) -> None:
            if self.batch is not batch:
                return  # a new run showed meanwhile: its columns are other ones
            chosen, notes = outcome
            notes = list(notes)
            current = getattr(self.main_window, "project", None)
            for local in [i for i in chosen if current is not None
                          and Path(current.path).resolve() == self.pair_project_path(i).resolve()]:
                notes.append(f"{Path(chosen.pop(local)).name}：主窗口正在审核{batch.locals[local].name}这一组，"
                             "请先关闭该项目后再导入。")
            for local in [i for i in chosen
                          if Path(chosen[i]).resolve() == self.pair_project_path(i).resolve()]:
                notes.append(f"{Path(chosen.pop(local)).name}：已是{batch.locals[local].name}这一组的审核项目。")
            ours = [i for i in sorted(chosen) if reviewed_here(self.pair_project_path(i))]
            if ours:
                names = "、".join(batch.locals[i].name for i in ours)
                answer = QMessageBox.question(
                    self, "导入审核项目",
                    f"{names}在本机已有审核意见。用收到的审核项目替换吗？\n\n本机原有的审核另存为"
                    f"“…-替换前-日期.duizhao”，与各组对照的审核项目放在一起"
                    f"（{self.pair_project_path(ours[0]).parent}），不会丢失。",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    for local in ours:
                        notes.append(f"{Path(chosen.pop(local)).name}：{batch.locals[local].name}保留本机原有的审核。")
            adopted = []
            for local, source in sorted(chosen.items()):
                try:
                    adopt_review(batch, local, Path(source))
                    adopted.append(local)
                except (DuizhaoError, OSError) as error:
                    message = error.message if isinstance(error, DuizhaoError) else str(error)
                    notes.append(f"{Path(source).name}：无法保存为该组对照的审核（{message}）")
            self._opened.update(adopted)
            reviewed, unused = with_pair_reviews(batch, adopted)
            if adopted:
                self.model.set_batch(reviewed)
                self._show_locals()
            names = "、".join(reviewed.locals[i].name for i in adopted)
            said = [f"已导入{names}的审核项目" if adopted else "没有导入审核项目", *notes, *unused]
            text = "；".join(note.rstrip("。") for note in said) + "。"
            self.statusBar().showMessage(text, 15000)
            if not adopted:
                QMessageBox.information(self, "导入审核项目", "\n".join(n.rstrip("。") + "。" for n in said[1:])
                                        or "没有导入审核项目。")

        self._run(work, f"正在读取 {len(paths)} 个审核项目…", done, title="导入审核项目",
                  cancellable=False)

    def choose_export(self) -> None:
        if self.batch is None:
            return
        default = f"{session.name_stem(self.batch.national.title, '国家文件')}-对照矩阵.xlsx"
        folder = self.start_folder()
        if self.main_window is not None and not (Path(folder).is_dir() and os.access(folder, os.W_OK)):
            # The inputs' folder may be read-only (a shared drive, a disc) or gone since.
            folder = str(self.main_window.documents_dir())
        path, chosen = QFileDialog.getSaveFileName(
            self, "导出对照矩阵", str(Path(folder) / default), ";;".join(EXPORT_FILTERS))
        if path:
            if Path(path).suffix.lower() not in EXPORT_FILTERS.values():
                # A name typed without its extension: the chosen type's, as the main window does.
                path += EXPORT_FILTERS.get(chosen, ".xlsx")
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the matrix in the background; ``exported`` tells where it went.

        (Written on the window's thread, twenty provinces' Word report froze the window for
        seconds with nothing on screen.)"""
        from core.export.matrix import export_matrix

        if self.busy or self.batch is None:
            return
        batch = self.batch

        def done(written) -> None:
            self._remember_folder(Path(written).parent)
            self.statusBar().showMessage(f"已导出：{written}", 8000)
            if not getattr(self.main_window, "headless", False):
                # Where it went, and a way to it, as the main window's exports offer (only a
                # status line said it, for eight seconds).
                self.export_dialog = offer_exported(self, Path(written))
            self.exported.emit(str(written))

        # A file half written cannot be taken back: the export runs to its end.
        self._run(lambda progress, cancel: export_matrix(batch, path), f"正在导出：{Path(path).name}…",
                  done, title="导出对照矩阵", cancellable=False)

    def _update_state(self) -> None:
        busy = self.busy
        self.unit_box.setEnabled(not busy)
        for button in (self.national_button, self.add_button, self.folder_button, self.clear_button):
            button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and bool(self.locals_list.selectedItems()))
        self.run_button.setEnabled(not busy and bool(self.national) and bool(self.local_files))
        self.chain_button.setEnabled(not busy and bool(self.national) and len(self.local_files) == 2)
        self.export_button.setEnabled(not busy and self.batch is not None)
        self.reimport_button.setEnabled(not busy and self.batch is not None and self.batch.kind == "batch"
                                        and self.selected_local() is not None)
        self.reviews_button.setEnabled(not busy and self.batch is not None
                                       and any(local.ok for local in self.batch.locals))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.busy:
            self.task.cancel()
        super().closeEvent(event)


def _bring_to_front(window: QWidget) -> None:
    # Windowless platforms (offscreen: tests, screenshots) have no stacking to change.
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()


def open_batch_window(main_window) -> BatchWindow:
    """The main window's hook: show (or raise) its batch window."""
    window = getattr(main_window, "_batch_window", None)
    if window is None:
        window = BatchWindow(main_window, main_window)
        window.setWindowFlag(Qt.WindowType.Window, True)
        main_window._batch_window = window
    window.show()
    _bring_to_front(window)
    return window
