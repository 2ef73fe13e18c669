"""The main window's actions, menus and toolbar, and which of them are enabled."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton

from core import __version__
from core.model import Status
from core.review import can_carry
from desktop.batch_view import open_batch_window
from desktop.dialogs import SettingsDialog, ShortcutsDialog
from desktop.models import NOT_APPLICABLE
from desktop.undo import take_over
from desktop.status_style import local_of
from desktop.window_common import (EXPORT_TIPS, EXPORTS, NATIONAL, PROVINCIAL, plain_label, set_tooltip,
                                   with_access_key)

# The access keys of the export entries, in the 文件 menu and under the 导出 button.
EXPORT_KEYS = {"checklist": "E", "gaps": "R", "xlsx": "X", "json": "J"}


class WindowActions:
    """Part of MainWindow (desktop.main_window); uses its attributes."""

    def _action(self, text: str, slot: Callable, shortcuts: Sequence[str | QKeySequence] = (),
                tip: str = "", name: str = "") -> QAction:
        action = QAction(text, self)
        # The toolbar shows the label without its access key: Qt drops the "&", not the
        # "(&O)" of a Chinese label ("打开项目(O)").
        action.setIconText(plain_label(text))
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        # A tooltip says what the label does not: what the action does, and its key.
        set_tooltip(action, tip)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a("新建对照(&N)", self.new_comparison, [QKeySequence.StandardKey.New],
                            "清空当前对照，重新选择两份文件")
        self.open_national_action = a("选择国家文件(&G)…", lambda: self.choose_document(NATIONAL),
                                      tip="打开国家文件（指导意见等）")
        self.open_provincial_action = a("选择地方文件(&D)…", lambda: self.choose_document(PROVINCIAL),
                                        tip="打开地方文件（实施意见、实施方案等）")
        self.paste_national_action = a("粘贴国家文件文本(&P)…", lambda: self.paste_document(NATIONAL))
        self.paste_provincial_action = a("粘贴地方文件文本(&T)…", lambda: self.paste_document(PROVINCIAL))
        self.swap_action = a("交换两侧(&W)", self.swap_documents, ["Ctrl+Shift+X"],
                             "国家文件和地方文件选反了：交换两侧后重新对照")
        self.compare_action = a("开始对照(&C)", self.start_compare, ["F5"], "对照两份文件")
        self.open_project_action = a("打开项目(&O)…", self.choose_project, [QKeySequence.StandardKey.Open],
                                     "打开保存的对照项目（.duizhao）")
        self.save_action = a("保存(&S)", self.save_project, [QKeySequence.StandardKey.Save],
                             "把项目保存为一个完整的文件（审核决定随时自动保存）")
        self.save_as_action = a("另存为(&A)…", self.save_project_as, ["Ctrl+Shift+S"],
                                "把项目另存到指定位置，之后在新位置上继续工作")
        self.reimport_action = a("导入新版地方文件(&I)…", self.choose_reimport,
                                 tip="用新版地方文件重新对照，沿用已有的审核意见")
        self.export_actions = {kind: a(with_access_key(label, EXPORT_KEYS[kind]),
                                       lambda k=kind: self.choose_export(k), name=f"export_{kind}")
                               for kind, (label, *_rest) in EXPORTS.items()}
        self.export_actions["checklist"].setShortcut(QKeySequence("Ctrl+Shift+E"))
        for kind, tip in EXPORT_TIPS.items():
            self.export_actions[kind].setStatusTip(tip)
            set_tooltip(self.export_actions[kind], tip)
        self.quit_action = a("退出(&Q)", self.close, [QKeySequence.StandardKey.Quit])

        self.undo_action = self.undo_stack.createUndoAction(self, "撤销(&U)")
        take_over(self.undo_action, self.undo_review)  # an opinion being typed is saved first
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "重做(&R)")
        take_over(self.redo_action, self.redo_review)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        # QUndoStack's actions rename themselves after each decision ("撤销 标为…（序号 7）"): the
        # menu shows that, the toolbar keeps a short name (at 150 % the long one pushed the gap
        # buttons into the » overflow), and the tooltips name what would be undone and the key.
        self.undo_action.setIconText("撤销")
        self.redo_action.setIconText("重做")
        self.undo_stack.indexChanged.connect(self._undo_tooltips)
        self.undo_stack.cleanChanged.connect(self._undo_tooltips)
        self._undo_tooltips()
        self.outline_action = a("章节目录(&O)", self.toggle_outline, ["F9"],
                                "显示或隐藏左侧的章节目录（小屏幕上让对照表宽一些）")
        self.outline_action.setCheckable(True)
        self.outline_action.setChecked(True)
        self.find_action = a("搜索(&F)", self._focus_search, [QKeySequence.StandardKey.Find])
        self.settings_action = a("设置(&S)…", self.open_settings)

        self.next_gap_action = a("下一处差距(&N)", lambda: self.goto_gap(+1), ["F8", "J"],
                                 "跳到下一条未覆盖或部分覆盖的条款")
        self.previous_gap_action = a("上一处差距(&P)", lambda: self.goto_gap(-1), ["Shift+F8", "K"],
                                     "跳到上一条未覆盖或部分覆盖的条款")
        self.confirm_action = a("确认系统判断(&0)", lambda: self.set_status("confirm"), ["Ctrl+0"])
        self.status_actions = {
            Status.COVERED.value: a("标为“已覆盖”(&1)", lambda: self.set_status(Status.COVERED.value), ["Ctrl+1"]),
            Status.PARTIAL.value: a("标为“部分覆盖”(&2)", lambda: self.set_status(Status.PARTIAL.value), ["Ctrl+2"]),
            Status.MISSING.value: a("标为“未覆盖”(&3)", lambda: self.set_status(Status.MISSING.value), ["Ctrl+3"]),
            NOT_APPLICABLE: a("标为“不适用”(&4)", lambda: self.set_status(NOT_APPLICABLE), ["Ctrl+4"]),
            Status.NOT_EXPECTED.value: a("标为“无需地方落实”(&5)",
                                         lambda: self.set_status(Status.NOT_EXPECTED.value),
                                         ["Ctrl+5"]),
        }
        self.carry_action = a("认定由相近条文部分承接(&6)", self.carry_selected, ["Ctrl+6"],
                              "系统判为未覆盖的条：认定右侧所示的地方相近条文（默认为最相近的一条，"
                              "可用其下的箭头换看其次相近的）部分承接了它"
                              "（记为“部分覆盖”，以该条中最相近的一句为对应表述）")
        self.choose_carrier_action = a(
            "认定由其他地方条文部分承接(&7)…", self.choose_carrier, ["Ctrl+Shift+6"],
            "系统判为未覆盖的条：从地方文件的全部条文中选出承接它的一条（系统只列出最相近的几条），"
            "记为“部分覆盖”，以该条中最相近的一句为对应表述")
        # The arrows under 最相近的地方条文, from the keyboard.
        self.next_near_action = a("下一个相近条文(&X)", lambda: self.diff.page_near(1), ["Alt+Right"],
                                  "系统判为未覆盖的条：右侧换看其次相近的地方条文")
        self.previous_near_action = a("上一个相近条文(&Z)", lambda: self.diff.page_near(-1),
                                      ["Alt+Left"], "系统判为未覆盖的条：右侧换回更相近的地方条文")
        self.note_action = a("填写审核意见(&E)", self.edit_note, ["F2", "Ctrl+E"])
        self.history_action = a("修改记录(&H)…", self.show_history, ["Ctrl+H"],
                                "所选条目的每一次审核、撤销和重做：谁、何时、改了什么")
        self.gap_filter_action = QAction("只看差距(&G)", self)
        self.gap_filter_action.setIconText("只看差距")  # the button beside the filter box
        self.gap_filter_action.setCheckable(True)
        self.gap_filter_action.setShortcut(QKeySequence("Ctrl+G"))
        self.gap_filter_action.setToolTip("只显示未覆盖和部分覆盖的条款（Ctrl+G）")
        self.gap_filter_action.toggled.connect(self._gap_filter_toggled)
        self.addAction(self.gap_filter_action)
        self.gap_button.setDefaultAction(self.gap_filter_action)
        self.gap_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.shortcuts_action = a("快捷键(&K)", lambda: ShortcutsDialog(self).exec())
        self.about_action = a("关于对照(&A)", self._about)

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
        file_menu.addAction(self.swap_action)
        file_menu.addAction(self.compare_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_project_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        self.recent_menu = file_menu.addMenu("最近文件(&F)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.reimport_action)
        file_menu.addAction("批量对照（一个国家文件对多个地方文件）(&B)…", lambda: open_batch_window(self))
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
        review_menu.addAction(self.carry_action)
        review_menu.addAction(self.choose_carrier_action)
        review_menu.addAction(self.next_near_action)
        review_menu.addAction(self.previous_near_action)
        review_menu.addSeparator()
        review_menu.addAction(self.note_action)
        review_menu.addAction(self.history_action)
        # A right click on a row offers what the 审核 menu does for it.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.review_menu = review_menu
        self.table.customContextMenuRequested.connect(self._row_menu)

        view_menu = bar.addMenu("视图(&V)")
        view_menu.addAction(self.outline_action)

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # The exports share one button with a menu: two long 导出… labels pushed 上一处/下一处差距
        # into the » overflow at 150 %.
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText("导出")
        self.export_button.setToolTip("导出 Word 对照清单、差距分析报告、Excel 或 JSON"
                                      "（Ctrl+Shift+E 直接导出 Word 对照清单）")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        for action in self.export_actions.values():
            export_menu.addAction(action)
        self.export_button.setMenu(export_menu)
        for action in (self.new_action, self.open_project_action, None,
                       self.open_national_action, self.open_provincial_action, self.compare_action,
                       None, self.export_button, None,
                       self.undo_action, self.redo_action, None, self.previous_gap_action,
                       self.next_gap_action):
            if action is None:
                toolbar.addSeparator()
            elif isinstance(action, QToolButton):
                toolbar.addWidget(action)
            else:
                toolbar.addAction(action)

    def _row_menu(self, point) -> None:
        menu = self.row_menu(point)
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(point))

    def row_menu(self, point) -> QMenu | None:
        """The 审核 menu for the row at ``point`` (of the table's viewport), which becomes the
        selected one first; None off the rows. A row among several selected becomes the current
        one and the selection stays: the menu acts on them all, as the 审核 menu does."""
        index = self.table.indexAt(point)
        if not index.isValid():
            return None
        selection = self.table.selectionModel()
        if selection.isRowSelected(index.row()) and len(selection.selectedRows()) > 1:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            # Not selectRow: with several rows allowed, it extends the selection while Qt
            # believes Shift is held.
            self._select(index.siblingAtColumn(0))
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.review_menu.actions():
            if action not in (self.next_gap_action, self.previous_gap_action):
                menu.addAction(action)
        self._update_state()
        return menu

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
        self.swap_action.setEnabled(any(self.choices.values()) and not busy)
        for slot in self.slots.values():
            slot.setEnabled(not busy)
        self.reimport_action.setEnabled(has_project and not busy)
        self.save_action.setEnabled(has_project and not busy)
        self.save_as_action.setEnabled(has_project and not busy)
        for action in self.export_actions.values():
            action.setEnabled(has_project and not busy)
        self.export_button.setEnabled(has_project and not busy)
        row = self.review_row()
        read_only = has_project and self.project.read_only
        self.review_panel.set_read_only(read_only)
        can_review = has_project and not busy and row is not None and not read_only
        self.confirm_action.setEnabled(can_review)
        for key, action in self.status_actions.items():
            action.setEnabled(can_review and (key == NOT_APPLICABLE or not row.is_addition))
        # Several rows selected: the review panel says that a decision goes to them all.
        together = self.review_rows() if can_review else []
        self.review_panel.set_selected(len(together), self.row_unit(),
                                       additions=sum(row.is_addition for row in together),
                                       local=local_of(self.comparison))
        # 部分承接 judges the current row's whole article, whatever else is selected.
        self.carry_action.setEnabled(can_review and self.diff.nearest is not None)
        # Any article: for every sentence of an article judged missing (core says which).
        self.choose_carrier_action.setEnabled(
            can_review and not row.is_addition and self.comparison is not None
            and can_carry(self.comparison, row.item))
        for action in (self.next_near_action, self.previous_near_action):
            action.setEnabled(can_review and self.diff.pages_near())
        self.note_action.setEnabled(can_review)
        self.history_action.setEnabled(has_project and not busy and row is not None)
        for action in (self.next_gap_action, self.previous_gap_action):
            action.setEnabled(self.comparison is not None and not busy)
        self.review_panel.setEnabled(has_project and not busy)
        self.diff.choose_button.setEnabled(can_review and self.diff.candidates.offers_choice())
        self.diff.carry_button.setEnabled(can_review)
        if busy or self.unsaved:
            # Undo works on what the file holds: not while decisions wait to be written.
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
        else:
            self.undo_action.setEnabled(self.undo_stack.canUndo())
            self.redo_action.setEnabled(self.undo_stack.canRedo())
