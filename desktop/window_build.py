"""The main window's widgets, models and the layout kept between sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter, QStyle,
                               QStackedWidget, QTableView, QToolButton, QVBoxLayout,
                               QWidget)

from core.export.labels import localised
from desktop import settings as keys
from desktop.models import ClauseFilterProxy, ClauseTableModel, NationalOutlineModel, ProvincialOutlineModel
from desktop.outline_view import ElidedLabel, OutlineTreeView
from desktop.side_by_side import DiffPane
from desktop.table_columns import ClauseColumns
from desktop.views import DocumentSlot, ProgressPanel, ReviewPanel, SummaryBar
from desktop.status_style import local_of
from desktop.window_common import FRAME_ALLOWANCE, NATIONAL, PROVINCIAL, SIDE_LABELS, STATUS_FILTERS

# Narrower than this (device-independent pixels: 1366×768 at 150 % is 911), the window opens
# with the outline trees folded away.
NARROW_WINDOW = 1100


class WindowBuild:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

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
        self.national_tree = OutlineTreeView(self.national_model, "nationalTree")
        self.provincial_tree = OutlineTreeView(self.provincial_model, "provincialTree")
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
            # 地方新增 until a comparison names the region (本省新增, 本市新增).
            self.status_filter.addItem(localised(label, local_of(None)))
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
        self.section_label = ElidedLabel()
        self.section_label.setObjectName("sectionFilterLabel")
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
        filters.addWidget(self.count_label)
        # The section a tree click narrowed the table to, on a row of its own while shown: in
        # the filter bar it widened the window past a small screen (1366×768 at 150 %).
        narrowed = QHBoxLayout()
        narrowed.addWidget(self.section_label, 1)
        narrowed.addWidget(self.section_clear)

        self.table = QTableView()
        self.table.setObjectName("clauseTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift+click, Shift+↑↓ and Ctrl+click select several rows, decided together
        # (WindowReview.set_status); the current row still fills the detail pane.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves for the next pane, as everywhere else: a table's own Tab walked its
        # cells (and on to the next row) and a keyboard user could not get out of it.
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClauseTableModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
        # Two lines per row show most of a sentence; the detail pane has the whole of it.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        # The texts get the room: the status column is as wide as a label (a review mark goes
        # on a second line), the opinion column takes a share of what is left. With the
        # status on one line and the opinion stretched as wide as each text, the texts were
        # squeezed to a few characters at 150 % on a small screen.
        self.table_columns = ClauseColumns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # A mouse press makes a row current before it selects it: the review actions, which act
        # on the selected row only, were left disabled after a click (Ctrl+1 did nothing).
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
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
        middle_layout.addLayout(narrowed)
        middle_layout.addWidget(self.table_stack, 1)

        # Detail: the diff pane above the review panel.
        self.diff = DiffPane()
        self.diff.match_chosen.connect(self.choose_match)
        self.diff.carry_requested.connect(self.carry_in_part)
        # The 本条整体 line says an article's verdict after review, as the tree colours it.
        self.diff.set_article_status(self.national_model.status_of,
                                     self.national_model.changed_by_review, self.chosen_sections)
        self.review_panel = ReviewPanel()
        self.review_panel.status_requested.connect(self.set_status)
        self.review_panel.note_submitted.connect(self.set_note)
        self.review_panel.editing_finished.connect(self.table.setFocus)
        self.review_panel.typing_dropped.connect(lambda: self.statusBar().showMessage(
            "已放弃未保存的审核意见；按 F2 回到意见框，再按 Ctrl+Z 可找回。", 8000))
        self.review_panel.history_requested.connect(self.show_history)
        # The other candidates go below the review panel: between the texts and the panel they
        # pushed the opinion box below the fold at 1366×768 and 100 %, where a reviewer reads
        # both texts and writes the opinion on every row and picks another candidate seldom.
        detail = QSplitter(Qt.Orientation.Vertical)
        detail.addWidget(self.diff)
        detail.addWidget(self.review_panel)
        detail.addWidget(self.diff.candidate_box)
        detail.setStretchFactor(0, 1)
        detail.setStretchFactor(1, 0)
        detail.setStretchFactor(2, 0)
        detail.setChildrenCollapsible(False)
        self.detail_splitter = detail
        # On a small screen (1366×768 at 150 %) the detail scrolls rather than pushing the
        # window past the screen's edge.
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setWidget(detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A decision just made lays the pane out again (after Ctrl+6 the opinion box the cursor
        # had been put in went below the fold): the box is kept in view while it is typed in
        # (MainWindow.eventFilter: the review panel moved or resized).
        self.review_panel.installEventFilter(self)
        # It scrolls down, never sideways: narrower than the review buttons need, the pane
        # scrolled sideways and every wrapped line (the reasons) ran past its right edge.
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setMinimumWidth(max(220, detail.minimumSizeHint().width()
                                               + self.style().pixelMetric(
                                                   QStyle.PixelMetric.PM_ScrollBarExtent)))

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(trees)
        main.addWidget(middle)
        main.addWidget(self.detail_scroll)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setStretchFactor(2, 3)
        main.setSizes([290, 860, 450])
        self.main_splitter = main
        self._outline_width = 290
        main.splitterMoved.connect(lambda *_: self.outline_action.setChecked(main.sizes()[0] > 0))

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

    def toggle_outline(self) -> None:
        """Show or hide the outline trees (视图 → 章节目录, F9); the clause table takes their room."""
        sizes = self.main_splitter.sizes()
        if self.outline_action.isChecked() and sizes[0] == 0:
            width = min(self._outline_width, max(sizes[1] // 2, 1))
            self.main_splitter.setSizes([width, sizes[1] - width, sizes[2]])
        elif not self.outline_action.isChecked() and sizes[0] > 0:
            self._outline_width = sizes[0]
            self.main_splitter.setSizes([0, sizes[1] + sizes[0], sizes[2]])

    def fold_outline_when_narrow(self) -> None:
        """On first showing, a window narrower than ``NARROW_WINDOW`` with no layout of the
        user's own folds the outline trees away: at 1366×768 and 150 % three panes left the
        texts a few characters wide. F9 (视图 → 章节目录) brings them back."""
        if self._layout_restored or self.width() >= NARROW_WINDOW or not self.outline_action.isChecked():
            return
        self.outline_action.setChecked(False)
        self.toggle_outline()
        # Said, or a reviewer at 150 % never learns the outline is there.
        self.statusBar().showMessage("窗口较窄，章节目录已收起；按 F9 或“视图 → 章节目录”展开。", 15000)

    def _restore_layout(self) -> None:
        self._fit_to_screen(first=True)
        self._layout_restored = False
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
                self._layout_restored = True
        self.outline_action.setChecked(self.main_splitter.sizes()[0] > 0)
        header = self.settings.layout(keys.TABLE_HEADER)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self.table_columns.apply()

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
