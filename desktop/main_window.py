"""The main window: choose two documents, compare them, review the findings, export."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import (QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QThreadPool,
                            QTimer, QUrl, Signal)
from PySide6.QtGui import (QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent,
                           QGuiApplication,
                           QKeySequence, QShowEvent, QUndoStack)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox,
                               QPushButton, QScrollArea, QSplitter, QStackedWidget, QTableView,
                               QToolButton, QTreeView, QVBoxLayout, QWidget)

from core import __version__
from core import session
from core.compare import notices, prepare
from core.errors import (DocumentReadError, DuizhaoError, ProjectFileError, ProjectLockedError,
                         ProjectReadOnlyError, ProjectSaveError)
from core.model import Comparison, Outline, ReviewDecision, Status
from core.project import SUFFIX, Project
from core.read import SUPPORTED_EXTENSIONS
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir
from desktop import settings as keys
from desktop.dialogs import (HistoryDialog, NoticesDialog, OrphanedDecisionsDialog, PasteTextDialog,
                             SettingsDialog, ShortcutsDialog, ask_reviewer_name)
from desktop.errors import report_unexpected, show_error
from desktop.models import (GAP_FILTER, NOT_APPLICABLE, RECHECK, UNREVIEWED, ClauseFilterProxy,
                            ClauseRow, describe_item,
                            ClauseTableModel, NationalOutlineModel, NotApplicableRole,
                            ProvincialOutlineModel, SectionIdRole, StatusRole, location)
from desktop.settings import Settings, user_data_dir, user_documents_dir
from desktop.side_by_side import DiffPane
from desktop.batch_view import open_batch_window
from desktop.undo import record
from desktop.views import DocumentSlot, ProgressPanel, ReviewPanel, SummaryBar, dropped_paths
from desktop.worker import Task

NATIONAL, PROVINCIAL = "national", "provincial"
FRAME_ALLOWANCE = (16, 40)
LOADING_DICTIONARY = session.LOADING_DICTIONARY
SAVING_PROJECT = session.SAVING_PROJECT


def projects_dir() -> Path:
    """Where a new comparison is kept until the user saves it elsewhere (另存为)."""
    return user_data_dir() / "项目"


def in_app_folder(path: str | os.PathLike) -> bool:
    """The project lives in the app's own data folder (new, or the sample), not where the
    user chose to keep it."""
    try:
        Path(path).resolve().relative_to(user_data_dir().resolve())
    except ValueError:
        return False
    return True  # width, height of a usual window frame (title bar and borders)
SIDE_LABELS = {NATIONAL: "国家文件", PROVINCIAL: "地方文件"}

# (label, filter keys or None for all) for the status filter box.
STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("全部", None),
    ("只看差距", GAP_FILTER),
    ("未覆盖", frozenset({Status.MISSING.value})),
    ("部分覆盖", frozenset({Status.PARTIAL.value})),
    ("已覆盖", frozenset({Status.COVERED.value})),
    ("无需地方落实", frozenset({Status.NOT_EXPECTED.value})),
    ("本省新增", frozenset({Status.ADDED.value})),
    ("不适用", frozenset({NOT_APPLICABLE})),
    ("未审核", frozenset({UNREVIEWED})),
    ("需复核", frozenset({RECHECK})),
)
GAP_FILTER_INDEX = 1

EXPORT_TIPS = {
    "checklist": "逐条对照表连同审核意见，导出为可直接印发的 Word 起草对照清单",
    "gaps": "只列未覆盖和部分覆盖的条款及本省新增内容",
    "xlsx": "导出为可筛选、可打印的 Excel 工作簿",
    "json": "导出为供程序处理的 JSON 数据",
}


def _tooltip(action: QAction, tip: str) -> None:
    """Set a tooltip of the tip (or, without one, nothing beyond the label) and the shortcut."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = tip or action.text().rstrip("…")
    action.setToolTip(f"{text}（{shortcut}）" if shortcut else text)


EXPORTS = {
    "checklist": ("导出 Word 对照清单…", "起草对照清单", ".docx", "Word 文档 (*.docx)"),
    "gaps": ("导出差距分析报告（Word）…", "差距分析报告", ".docx", "Word 文档 (*.docx)"),
    "xlsx": ("导出 Excel…", "对照结果", ".xlsx", "Excel 工作簿 (*.xlsx)"),
    "json": ("导出 JSON…", "对照结果", ".json", "JSON 文件 (*.json)"),
}


@dataclass(frozen=True)
class DocumentChoice:
    """A document chosen for one side: a file, or pasted text kept in a file of the data folder.

    ``in_project`` marks the document the open project was made from.
    """

    path: str
    name: str
    pasted: str | None = None
    in_project: bool = False

    @property
    def source(self) -> session.Source:
        return session.Source(self.path, self.name, self.pasted)

    def outline(self) -> Outline:
        return self.source.outline()


def _document_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"文档 ({patterns});;所有文件 (*)"


class MainWindow(QMainWindow):
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
        # The row selected for the reviewer when the reviewed one left the filter: the next
        # "next gap" starts here instead of skipping it.
        self._advanced_to = ""
        self.undo_stack = QUndoStack(self)
        # Decisions the project could not write (disk full, drive gone …), by item, oldest
        # first, each with its undo label: shown as made, marked 未保存, saved again later.
        self.unsaved: dict[str, tuple[ReviewDecision, str]] = {}
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

    # ================================================================ construction
    def _build_models(self) -> None:
        self.table_model = ClauseTableModel(self)
        self.proxy = ClauseFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.national_model = NationalOutlineModel(self)
        self.provincial_model = ProvincialOutlineModel(self)

    def _build_widgets(self) -> None:
        # Document slots and the compare button.
        self.slots = {side: DocumentSlot(label) for side, label in SIDE_LABELS.items()}
        for side, slot in self.slots.items():
            slot.open_requested.connect(lambda s=side: self.choose_document(s))
            slot.paste_requested.connect(lambda s=side: self.paste_document(s))
            slot.file_dropped.connect(lambda path, s=side: self.set_document_file(s, path))
        self.compare_button = QPushButton("开始对照")
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setToolTip("对照两份文件（F5）")
        self.compare_button.clicked.connect(self.start_compare)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self.cancel_task)
        documents = QHBoxLayout()
        documents.addWidget(self.slots[NATIONAL], 1)
        documents.addWidget(self.slots[PROVINCIAL], 1)
        documents.addWidget(self.compare_button)

        self.summary = SummaryBar()

        # Outline trees.
        self.national_tree = self._tree(self.national_model, "nationalTree")
        self.provincial_tree = self._tree(self.provincial_model, "provincialTree")
        self.national_tree.selectionModel().currentChanged.connect(self._national_section_clicked)
        self.provincial_tree.selectionModel().currentChanged.connect(self._provincial_section_clicked)
        self.national_tree.clicked.connect(self._national_section_clicked)
        self.provincial_tree.clicked.connect(self._provincial_section_clicked)
        trees = QSplitter(Qt.Orientation.Vertical)
        trees.addWidget(self.national_tree)
        trees.addWidget(self.provincial_tree)
        trees.setStretchFactor(0, 3)
        trees.setStretchFactor(1, 2)
        self.side_splitter = trees

        # Filter bar and the clause table.
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        for label, _ in STATUS_FILTERS:
            self.status_filter.addItem(label)
        # As wide as its longest entry: a cut entry ("只看差距（未") says nothing.
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.setToolTip("按对照结果筛选；“只看差距”为未覆盖和部分覆盖（Ctrl+G）")
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        self.gap_button = QToolButton()
        self.gap_button.setObjectName("gapButton")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("搜索条款、对应表述或审核意见（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(100)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)  # Esc goes back to the table
        self.section_label = QLabel()
        self.section_label.setStyleSheet("color:#163f7a")
        self.section_clear = QToolButton()
        self.section_clear.setText("显示全部章节")
        self.section_clear.clicked.connect(self.clear_section_filter)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#555")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("对照结果："))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.gap_button)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.section_label)
        filters.addWidget(self.section_clear)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("clauseTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClauseTableModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
        # Two lines per row show most of a sentence; the detail pane has the whole of it.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ClauseTableModel.COL_NATIONAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ClauseTableModel.COL_PROVINCIAL, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        header.resizeSection(ClauseTableModel.COL_NUMBER, metrics.horizontalAdvance("序号") + 28)
        header.resizeSection(ClauseTableModel.COL_SCORE, metrics.horizontalAdvance("相似度") + 16)
        header.resizeSection(ClauseTableModel.COL_STATUS, metrics.horizontalAdvance("部分覆盖（已确认）") + 12)
        # The opinion column shares the room with the two texts: fixed, it squeezed them to
        # a few characters on a small screen.
        header.setSectionResizeMode(ClauseTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.doubleClicked.connect(lambda _: self.edit_note())
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.empty_hint = QLabel(
            "<div style='font-size:13pt; color:#555'>"
            "<p><b>选择国家文件和地方文件，然后点击“开始对照”。</b></p>"
            "<p>可以点击上方的“选择文件…”，也可以把文件拖到窗口中，或粘贴文本。</p>"
            "<p>支持 Word（.docx .doc）、WPS、PDF、纯文本和网页文件。</p></div>")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.empty_hint)
        self.table_stack.addWidget(self.table)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(filters)
        middle_layout.addWidget(self.table_stack, 1)

        # Detail: the diff pane above the review panel.
        self.diff = DiffPane()
        self.diff.match_chosen.connect(self.choose_match)
        self.review_panel = ReviewPanel()
        self.review_panel.status_requested.connect(self.set_status)
        self.review_panel.note_submitted.connect(self.set_note)
        self.review_panel.editing_finished.connect(self.table.setFocus)
        self.review_panel.history_requested.connect(self.show_history)
        detail = QSplitter(Qt.Orientation.Vertical)
        detail.addWidget(self.diff)
        detail.addWidget(self.review_panel)
        detail.setStretchFactor(0, 1)
        detail.setStretchFactor(1, 0)
        detail.setChildrenCollapsible(False)
        self.detail_splitter = detail
        # On a small screen (1366×768 at 150 %) the detail scrolls rather than pushing the
        # window past the screen's edge.
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setWidget(detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setMinimumWidth(220)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(trees)
        main.addWidget(middle)
        main.addWidget(self.detail_scroll)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setStretchFactor(2, 3)
        main.setSizes([290, 860, 450])
        self.main_splitter = main

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(documents)
        layout.addWidget(self.summary)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        # Progress sits in the status bar: beside the document slots it widened the window
        # past a small screen while a compare ran.
        self.statusBar().addPermanentWidget(self.progress)
        # How the documents were read (gaps, misprints, web-page lines set aside): never
        # dropped silently, one click away.
        self.notices_button = QToolButton()
        self.notices_button.setObjectName("noticesButton")
        self.notices_button.setAutoRaise(True)
        self.notices_button.setToolTip("查看读取与对照提示：编号不连续、误印、移出正文的网页内容等")
        self.notices_button.clicked.connect(self.show_notices)
        self.notices_button.hide()
        self.statusBar().addPermanentWidget(self.notices_button)

    def _tree(self, model, name: str) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName(name)
        tree.setModel(model)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _action(self, text: str, slot: Callable, shortcuts: Sequence[str | QKeySequence] = (),
                tip: str = "", name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        # A tooltip says what the label does not: what the action does, and its key.
        _tooltip(action, tip)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a("新建对照", self.new_comparison, [QKeySequence.StandardKey.New],
                            "清空当前对照，重新选择两份文件")
        self.open_national_action = a("选择国家文件…", lambda: self.choose_document(NATIONAL),
                                      tip="打开国家文件（指导意见等）")
        self.open_provincial_action = a("选择地方文件…", lambda: self.choose_document(PROVINCIAL),
                                        tip="打开地方文件（实施意见、实施方案等）")
        self.paste_national_action = a("粘贴国家文件文本…", lambda: self.paste_document(NATIONAL))
        self.paste_provincial_action = a("粘贴地方文件文本…", lambda: self.paste_document(PROVINCIAL))
        self.compare_action = a("开始对照", self.start_compare, ["F5"], "对照两份文件")
        self.open_project_action = a("打开项目…", self.choose_project, [QKeySequence.StandardKey.Open],
                                     "打开保存的对照项目（.duizhao）")
        self.save_action = a("保存", self.save_project, [QKeySequence.StandardKey.Save],
                             "把项目保存为一个完整的文件（审核决定随时自动保存）")
        self.save_as_action = a("另存为…", self.save_project_as, ["Ctrl+Shift+S"],
                                "把项目另存到指定位置，之后在新位置上继续工作")
        self.reimport_action = a("导入新版地方文件…", self.choose_reimport,
                                 tip="用新版地方文件重新对照，沿用已有的审核意见")
        self.export_actions = {kind: a(label, lambda k=kind: self.choose_export(k), name=f"export_{kind}")
                               for kind, (label, *_rest) in EXPORTS.items()}
        self.export_actions["checklist"].setShortcut(QKeySequence("Ctrl+Shift+E"))
        for kind, tip in EXPORT_TIPS.items():
            self.export_actions[kind].setStatusTip(tip)
            _tooltip(self.export_actions[kind], tip)
        self.quit_action = a("退出", self.close, [QKeySequence.StandardKey.Quit])

        self.undo_action = self.undo_stack.createUndoAction(self, "撤销")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "重做")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        # QUndoStack's actions rename themselves after each decision ("撤销 标为…"): their
        # tooltips follow, naming what would be undone and the key.
        self.undo_stack.indexChanged.connect(self._undo_tooltips)
        self.undo_stack.cleanChanged.connect(self._undo_tooltips)
        self._undo_tooltips()
        self.find_action = a("搜索", self._focus_search, [QKeySequence.StandardKey.Find])
        self.settings_action = a("设置…", self.open_settings)

        self.next_gap_action = a("下一处差距", lambda: self.goto_gap(+1), ["F8", "J"],
                                 "跳到下一条未覆盖或部分覆盖的条款")
        self.previous_gap_action = a("上一处差距", lambda: self.goto_gap(-1), ["Shift+F8", "K"],
                                     "跳到上一条未覆盖或部分覆盖的条款")
        self.confirm_action = a("确认系统判断", lambda: self.set_status("confirm"), ["Ctrl+0"])
        self.status_actions = {
            Status.COVERED.value: a("标为“已覆盖”", lambda: self.set_status(Status.COVERED.value), ["Ctrl+1"]),
            Status.PARTIAL.value: a("标为“部分覆盖”", lambda: self.set_status(Status.PARTIAL.value), ["Ctrl+2"]),
            Status.MISSING.value: a("标为“未覆盖”", lambda: self.set_status(Status.MISSING.value), ["Ctrl+3"]),
            NOT_APPLICABLE: a("标为“不适用”", lambda: self.set_status(NOT_APPLICABLE), ["Ctrl+4"]),
            Status.NOT_EXPECTED.value: a("标为“无需地方落实”",
                                         lambda: self.set_status(Status.NOT_EXPECTED.value),
                                         ["Ctrl+5"]),
        }
        self.note_action = a("填写审核意见", self.edit_note, ["F2", "Ctrl+E"])
        self.history_action = a("修改记录…", self.show_history, ["Ctrl+H"],
                                "所选条目的每一次审核、撤销和重做：谁、何时、改了什么")
        self.gap_filter_action = QAction("只看差距", self)
        self.gap_filter_action.setCheckable(True)
        self.gap_filter_action.setShortcut(QKeySequence("Ctrl+G"))
        self.gap_filter_action.setToolTip("只显示未覆盖和部分覆盖的条款（Ctrl+G）")
        self.gap_filter_action.toggled.connect(self._gap_filter_toggled)
        self.addAction(self.gap_filter_action)
        self.gap_button.setDefaultAction(self.gap_filter_action)
        self.gap_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.shortcuts_action = a("快捷键", lambda: ShortcutsDialog(self).exec())
        self.about_action = a("关于对照", self._about)

    def _undo_tooltips(self, *_args) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setToolTip(f"撤销上一次审核{('：' + undo) if undo else ''}（Ctrl+Z）")
        self.redo_action.setToolTip(f"重做刚撤销的审核{('：' + redo) if redo else ''}（Ctrl+Y）")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_national_action)
        file_menu.addAction(self.open_provincial_action)
        file_menu.addAction(self.paste_national_action)
        file_menu.addAction(self.paste_provincial_action)
        file_menu.addAction(self.compare_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_project_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        self.recent_menu = file_menu.addMenu("最近文件")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.reimport_action)
        file_menu.addAction("批量对照（一个国家文件对多个地方文件）…", lambda: open_batch_window(self))
        file_menu.addSeparator()
        for action in self.export_actions.values():
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.gap_filter_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        review_menu = bar.addMenu("审核(&R)")
        review_menu.addAction(self.next_gap_action)
        review_menu.addAction(self.previous_gap_action)
        review_menu.addSeparator()
        review_menu.addAction(self.confirm_action)
        for action in self.status_actions.values():
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.note_action)
        review_menu.addAction(self.history_action)

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_project_action, None,
                       self.open_national_action, self.open_provincial_action, self.compare_action,
                       None, self.export_actions["checklist"], self.export_actions["gaps"], None,
                       self.undo_action, self.redo_action, None, self.previous_gap_action,
                       self.next_gap_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    def _restore_layout(self) -> None:
        self._fit_to_screen(first=True)
        if not self.remember_layout:
            return
        geometry = self.settings.layout(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Saved on a larger screen (or before scaling was raised): keep it on this one.
            self._fit_to_screen()
        state = self.settings.layout(keys.WINDOW_STATE)
        if state is not None:
            self.restoreState(state)
        for key, splitter in ((keys.MAIN_SPLITTER, self.main_splitter),
                              (keys.SIDE_SPLITTER, self.side_splitter),
                              (keys.DETAIL_SPLITTER, self.detail_splitter)):
            value = self.settings.layout(key)
            if value is not None:
                splitter.restoreState(value)
        header = self.settings.layout(keys.TABLE_HEADER)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def _fit_to_screen(self, *, first: bool = False) -> None:
        """Keep the whole window, frame included, on the screen's available area.

        The first size is the preferred 1500×920 where it fits, else the available area; a
        restored geometry larger than the screen, or off it, is brought back inside.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        # The frame is not known before the window is shown: leave room for a usual one.
        frame_width, frame_height = FRAME_ALLOWANCE
        width_limit = max(available.width() - frame_width, 320)
        height_limit = max(available.height() - frame_height, 240)
        self.setMinimumSize(min(self.minimumWidth(), width_limit),
                            min(self.minimumHeight(), height_limit))
        if first:
            width, height = min(1500, width_limit), min(920, height_limit)
        else:
            width, height = min(self.width(), width_limit), min(self.height(), height_limit)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), available.left()), available.right() - width - frame_width + 1)
        y = min(max(self.y(), available.top()), available.bottom() - height - frame_height + 1)
        if first:
            x = available.left() + (available.width() - width - frame_width) // 2
            y = available.top() + (available.height() - height - frame_height) // 2
        self.move(max(x, available.left()), max(y, available.top()))

    def _save_layout(self) -> None:
        if not self.remember_layout:
            return
        self.settings.set_layout(keys.GEOMETRY, self.saveGeometry())
        self.settings.set_layout(keys.WINDOW_STATE, self.saveState())
        self.settings.set_layout(keys.MAIN_SPLITTER, self.main_splitter.saveState())
        self.settings.set_layout(keys.SIDE_SPLITTER, self.side_splitter.saveState())
        self.settings.set_layout(keys.DETAIL_SPLITTER, self.detail_splitter.saveState())
        self.settings.set_layout(keys.TABLE_HEADER, self.table.horizontalHeader().saveState())
        self.settings.sync()

    # ================================================================ start-up
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

    # ================================================================ documents
    def _set_choice(self, side: str, choice: DocumentChoice | None) -> None:
        self.choices[side] = choice
        self.slots[side].set_document(choice.name if choice else "")
        self._update_state()

    def choose_document(self, side: str) -> None:
        folder = self.settings.get(keys.LAST_FOLDER) or str(user_documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, f"选择{SIDE_LABELS[side]}", folder, _document_filter())
        if path:
            self.set_document_file(side, path)

    def set_document_file(self, side: str, path: str) -> bool:
        """Take a file as one side; unreadable files are reported at once. Returns success."""
        path = str(path)
        if path.lower().endswith(SUFFIX):
            self.open_project(path)
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

    # ================================================================ compare
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
        try:
            for side in (NATIONAL, PROVINCIAL):
                self._put_on_disk(side)
        except OSError:
            self._error(DuizhaoError("无法从项目中取出原文件，请检查用户数据文件夹是否可写。"))
            return
        # No question before the work: the files are read and compared first, into a project
        # in the app's own folder; 保存 / 另存为 put it where the user wants it.
        try:
            target = session.free_project_path(folder=projects_dir(), stem=Path(provincial.name).stem)
        except OSError:
            self._error(DuizhaoError("无法创建项目文件夹，请检查用户数据文件夹是否可写。",
                                     path=str(projects_dir())))
            return
        self._compare_into(target)

    def _put_on_disk(self, side: str) -> None:
        """A document known only from the open project is written out, so it can be read again."""
        choice = self.choices[side]
        if choice is None or choice.path or self.project is None:
            return
        target = session.extract_document(project=self.project, side=side, name=choice.name,
                                          folder=user_data_dir() / "项目中的文件")
        self.choices[side] = replace(choice, path=str(target))

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
        folder = (Path(self.settings.get(keys.SAVE_FOLDER) or user_documents_dir())
                  if in_app_folder(current) else current.parent)
        target = self.ask_project_path(folder / current.name)
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

    def _compare_into(self, target: Path) -> None:
        if not self.settle_unsaved():
            return
        national, provincial = self.choices[NATIONAL], self.choices[PROVINCIAL]
        assert national is not None and provincial is not None

        def work(progress, cancel) -> Project:
            return session.compare_into_project(national=national.source,
                                                provincial=provincial.source, target=target,
                                                progress=progress, cancel=cancel)

        self._run(work, "正在对照…", self._compared)

    def _compared(self, project: Project) -> None:
        self._set_project(project)
        self.statusBar().showMessage(f"对照完成，项目已保存：{project.path}", 8000)

    # ================================================================ projects
    def choose_project(self) -> None:
        folder = self.settings.get(keys.LAST_FOLDER) or str(user_documents_dir())
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
        folder = self.settings.get(keys.LAST_FOLDER) or str(user_documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, "导入新版地方文件", folder, _document_filter())
        if path:
            self.reimport(path)

    def reimport(self, path: str) -> None:
        """Compare a new provincial draft within the open project, carrying decisions over."""
        project = self.project
        if project is None or self.busy or not self.settle_unsaved():
            return
        reviewer = self.settings.get(keys.REVIEWER)
        old_comparison = project.comparison

        def work(progress, cancel):
            return session.reimport(project=project, provincial=path, reviewer=reviewer,
                                    progress=progress, cancel=cancel)

        def done(report) -> None:
            self.settings.add_recent(PROVINCIAL, path)
            self._set_project(project)
            if report.orphaned or report.rechecks:
                self.orphan_dialog = OrphanedDecisionsDialog.from_report(
                    report, old_comparison, self)
                self.orphan_dialog.open()
            self.statusBar().showMessage(session.reimport_summary(report), 10000)

        self._run(work, "正在导入新版地方文件…", done)

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
        for entry in entries:
            action = self.recent_menu.addAction(f"{kinds.get(entry.kind, '')}：{Path(entry.path).name}")
            action.setToolTip(entry.path)
            action.setStatusTip(entry.path)
            action.triggered.connect(lambda checked=False, e=entry: self.open_recent(e.kind, e.path))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("清空列表", self.settings.clear_recent)

    def open_recent(self, kind: str, path: str) -> None:
        if not Path(path).is_file():
            self.settings.remove_recent(path)
            self._error(DuizhaoError("文件已不存在，已从“最近文件”中移除。", path=path))
            return
        if kind == "project":
            self.open_project(path)
        else:
            self.set_document_file(kind if kind in SIDE_LABELS else NATIONAL, path)

    # ================================================================ export
    def choose_export(self, kind: str) -> None:
        if self.project is None:
            return
        label, title, suffix, file_filter = EXPORTS[kind]
        stem = Path(self.project.provincial_name).stem
        folder = self.settings.get(keys.LAST_FOLDER) or str(Path(self.project.path).parent)
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
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成",
                          f"已导出：{path.name}", QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(str(path.parent))
        open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_file)

        def clicked(button) -> None:
            if button is open_file:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(clicked)
        self.export_dialog = box
        box.open()

    # ================================================================ background work
    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _run(self, work, message: str, on_result: Callable, *,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        task = Task(work, self)  # parented: never freed while the pool may still hold it
        task.progressed.connect(self.progress.update_progress)
        task.succeeded.connect(on_result)
        task.failed.connect(on_error or self._task_failed)
        task.cancelled.connect(lambda: self.statusBar().showMessage("已取消。", 5000))
        task.finished.connect(self._task_ended)
        self.task = task
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

    # ================================================================ showing a comparison
    @property
    def comparison(self) -> Comparison | None:
        return self.table_model.comparison

    def _show_comparison(self, comparison: Comparison | None, decisions: Sequence[ReviewDecision],
                         rechecks: dict[str, str] | None = None) -> None:
        self.proxy.set_sections(None, None)
        self.section_label.clear()
        self.table_model.set_comparison(comparison, decisions, rechecks, self.unsaved)
        self.national_model.set_comparison(comparison)
        self.provincial_model.set_comparison(comparison)
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

    def show_notices(self) -> None:
        """提示: how the documents were read and what was set aside."""
        if self.comparison is not None:
            NoticesDialog(notices(self.comparison), self).exec()

    def _decisions_changed(self) -> None:
        rows = self.table_model.rows()
        self.national_model.set_rows(rows)
        self.summary.set_rows(rows)

    def _reviewed(self, item: str) -> None:
        """After an undo or redo: refresh, and show the item it changed when it is visible."""
        self._refresh_decisions(follow=item)

    def _refresh_decisions(self, follow: str = "") -> None:
        """Re-apply the project's decisions to every view, keeping the reviewer's place."""
        if self.project is None:
            return
        current = self.current_row()
        current_position = self.table.currentIndex().row()
        self.table_model.set_decisions(self._shown_decisions(), self.project.rechecks(), self.unsaved)
        self._decisions_changed()
        target = self.proxy.mapFromSource(self.table_model.index_for(follow)) if follow else QModelIndex()
        if not target.isValid() and current is not None:
            target = self.proxy.mapFromSource(self.table_model.index_for(current.item))
        if not target.isValid() and self.proxy.rowCount():
            # The row left the filter (e.g. a gap marked covered): go on with the one after it.
            target = self.proxy.index(min(max(current_position, 0), self.proxy.rowCount() - 1), 0)
        moved_on = target.isValid() and current is not None and \
            self.table_model.row_at(self.proxy.mapToSource(target)).item != current.item and not follow
        if target.isValid() and target != self.table.currentIndex().siblingAtColumn(0):
            self._select(target)
        if moved_on:
            self._advanced_to = self.table_model.row_at(self.proxy.mapToSource(target)).item
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
        self._advanced_to = ""
        if self.review_panel.note_dirty():
            self.review_panel.submit_note()
        row = self.current_row()
        self.diff.show_row(self.comparison, row)
        self.review_panel.set_row(row)
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
        self.section_label.setText(f"{SIDE_LABELS[side]}章节：{where}")
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

    # ================================================================ filters
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
        elif self.proxy.rowCount():
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
        self.count_label.setText(f"显示 {shown} / {total} 条" if total else "")
        active = self.proxy.section_filter_active()
        self.section_label.setVisible(active)
        self.section_clear.setVisible(active)

    # ================================================================ review
    def goto_gap(self, step: int) -> bool:
        """Select the next (step +1) or previous (-1) gap among the shown rows, wrapping around."""
        count = self.proxy.rowCount()
        if count == 0:
            return False
        landed = self.current_row()
        if step > 0 and landed is not None and landed.item == self._advanced_to and landed.is_gap:
            self._advanced_to = ""
            return True
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
        """Make an edit with a session function (``make(item=, current=, reviewer=, **values)``),
        then save it after the decisions still waiting."""
        if self.project is None or self.busy:
            return
        edit = make(item=row.item, current=row.decision, reviewer=self._reviewer(), **values)
        decision, text = edit.decision, edit.label
        had_unsaved = bool(self.unsaved)
        # Saved after those still waiting, in the order made; a newer decision on an item
        # replaces its unsaved one.
        self.unsaved.pop(row.item, None)
        self.unsaved[row.item] = (decision, f"{text}（第 {row.number} 条）")
        error = self._save_unsaved()
        self._refresh_decisions()
        if error is None:
            if had_unsaved:
                self.statusBar().showMessage("之前未保存的审核决定已全部保存。", 8000)
        elif isinstance(error, ProjectSaveError) and had_unsaved:
            # Said once in a box already; the row and the summary keep saying it.
            self.statusBar().showMessage(f"{error.message} 有 {len(self.unsaved)} 条审核决定尚未保存。",
                                         10000)
        else:
            self._error(self._unsaved_error(error))

    # ================================================================ unsaved decisions
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
                record(self.undo_stack, self.project, decision, text, self._reviewed)
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
        error = self._save_unsaved()
        self._refresh_decisions()
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
                self.unsaved.clear()
                self._save_error = None
                self._refresh_decisions()
            else:
                return False
        return True

    def set_status(self, key: str) -> None:
        """Review the selected row: "confirm", a Status value, or "not_applicable" (toggles)."""
        row = self.review_row()
        if row is None:
            return
        if key == "confirm":
            self._decide(row, session.confirm)
        elif key == NOT_APPLICABLE:
            self._decide(row, session.set_not_applicable, on=not row.not_applicable)
        elif not row.is_addition:
            self._decide(row, session.set_status, status=Status(key))

    def set_note(self, item: str, text: str) -> None:
        row = self.table_model.row_for(item)
        if row is not None and text != row.note:
            self._decide(row, session.set_note, note=text)

    def choose_match(self, item: str, match: str) -> None:
        row = self.table_model.row_for(item)
        if row is not None and match:
            self._decide(row, session.choose_match, match=match)

    def edit_note(self) -> None:
        if self.review_row() is not None:
            self.review_panel.begin_note()

    # ================================================================ misc
    def show_history(self) -> None:
        """Show the selected item's audit trail from the project."""
        row = self.review_row()
        if row is None or self.project is None:
            return
        label = f"第 {row.number} 条　{describe_item(self.comparison, row.item)}"
        self.history_dialog = HistoryDialog(label, self.project.history(row.item), self,
                                            comparison=self.project.comparison,
                                            comparison_id=self.project.comparison_id)
        self.history_dialog.open()

    def open_settings(self) -> None:
        SettingsDialog(self.settings, self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, "关于对照",
                          f"<p><b>对照</b> {__version__}</p><p>国家文件与地方实施文件逐条对照的起草辅助工具。</p>"
                          "<p>全部处理都在本机完成，文件内容不会发送到任何地方。</p>")

    def _update_state(self) -> None:
        busy = self.busy
        has_project = self.project is not None
        both = all(self.choices.values())
        self.compare_button.setEnabled(both and not busy)
        self.compare_action.setEnabled(both and not busy)
        for action in (self.new_action, self.open_project_action, self.open_national_action,
                       self.open_provincial_action, self.paste_national_action,
                       self.paste_provincial_action):
            action.setEnabled(not busy)
        for slot in self.slots.values():
            slot.setEnabled(not busy)
        self.reimport_action.setEnabled(has_project and not busy)
        self.save_action.setEnabled(has_project and not busy)
        self.save_as_action.setEnabled(has_project and not busy)
        for action in self.export_actions.values():
            action.setEnabled(has_project and not busy)
        row = self.review_row()
        can_review = has_project and not busy and row is not None
        self.confirm_action.setEnabled(can_review)
        for key, action in self.status_actions.items():
            action.setEnabled(can_review and (key == NOT_APPLICABLE or not row.is_addition))
        self.note_action.setEnabled(can_review)
        self.history_action.setEnabled(can_review)
        for action in (self.next_gap_action, self.previous_gap_action):
            action.setEnabled(self.comparison is not None)
        self.review_panel.setEnabled(has_project and not busy)
        self.diff.choose_button.setEnabled(can_review and self.diff.candidates.offers_choice())
        if busy or self.unsaved:
            # Undo works on what the file holds: not while decisions wait to be written.
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
        else:
            self.undo_action.setEnabled(self.undo_stack.canUndo())
            self.redo_action.setEnabled(self.undo_stack.canRedo())

    # ================================================================ events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event) and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.warm_up is None and self.windowHandle() is not None:
            self.warm_up = Task(lambda _progress, _cancel: prepare(), self)
            self.windowHandle().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            # Esc leaves the search box (the filter stays) for the rows it found.
            self._keep_selection_visible()
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
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
        self._save_layout()
        if self.project is not None:
            self.project.close()
        super().closeEvent(event)


