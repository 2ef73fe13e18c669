"""Defects met in a second QA pass (keyboard-only review, unlabelled chapters): each fixed with its test."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from desktop.dialogs import ShortcutsDialog
from desktop.window_common import text_menu
from tests.desktop.access_keys import keyed_entries, menus_under

from .conftest import (COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair,
                       compare_with_table_keys, open_opinion_box,
                       read_only_project)


def test_the_table_takes_the_keys_once_a_comparison_is_shown(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.compare_button.setFocus()  # as a click on 开始对照 leaves it
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    # ↓ did nothing: focus was on no widget (or a button) until the reviewer tabbed to the table.
    qtbot.waitUntil(window.table.hasFocus)
    before = window.table.currentIndex().row()
    assert before >= 0  # on the first gap
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == before + 1


def test_ctrl_enter_saves_the_opinion_and_gives_the_keys_back_to_the_table(qtbot, make_window):
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    note.insertPlainText("应补充监测要求")  # Chinese comes through an input method
    QTest.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.table.hasFocus)
    # J, the next gap, went into the opinion box ("应补充监测要求j") and was saved with it
    # when the reviewer moved on.
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_J)
    assert window.current_row().item != item
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_K)
    assert window.current_row().item == item
    assert window.table_model.row_for(item).note == "应补充监测要求"
    assert window.project.decision(item).note == "应补充监测要求"


def test_f2_scrolls_the_opinion_box_into_view_on_a_small_screen(qtbot, make_window):
    window = make_window()
    window.resize(911, 470)  # 1366×768 at 150 %, less a taskbar
    compare_with_table_keys(qtbot, window)
    qtbot.wait(100)  # the detail pane's wrapped reasons settle their height
    note = window.review_panel.note
    viewport = window.detail_scroll.viewport()

    def shown_height() -> int:
        top = note.mapTo(viewport, note.rect().topLeft()).y()
        return min(top + note.height(), viewport.height()) - max(top, 0)

    assert shown_height() < note.height()  # the case at hand: the box is below the fold
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    assert shown_height() == note.height()


# Invented statutes: the provincial one prints its chapter titles without their 第N章 labels,
# as 河南省实施《农产品质量安全法》办法 does.
NATIONAL_LAW = """中华人民共和国水质监测法
第一章 总则
第一条 为了加强水质监测，保障饮用水安全，维护公众健康，制定本法。
第二条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。
第二章 监测
第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据。
第四条 县级以上人民政府应当将水质监测经费列入本级财政预算。
第三章 附则
第五条 本法自2030年1月1日起施行。
"""
PROVINCIAL_LAW = """示例省实施《中华人民共和国水质监测法》办法
第一条 为了实施《中华人民共和国水质监测法》，结合本省实际，制定本办法。
第二条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。
水质监测
第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据。
第四条 县级以上人民政府应当将水质监测经费列入本级财政预算，保障设备更新。
附则
第五条 本办法自2031年3月1日起施行。
"""


def test_a_chapter_printed_without_its_label_says_which_it_was_read_as(qtbot, make_window,
                                                                        tmp_path):
    national = tmp_path / "水质监测法.txt"
    provincial = tmp_path / "示例省实施办法.txt"
    national.write_text(NATIONAL_LAW, encoding="utf-8")
    provincial.write_text(PROVINCIAL_LAW, encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    model = window.provincial_model
    names = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        names[index.data(Qt.ItemDataRole.DisplayRole)] = index.data(Qt.ItemDataRole.ToolTipRole)
    # The tree shows the title as printed; the 提示 said 按第二章读取 and nothing in the tree
    # said which chapter that was.
    assert "水质监测" in names and "原文未标章号，按第二章读取" in names["水质监测"]
    assert "原文未标章号" not in names["第一条"]


def test_tab_leaves_the_clause_table_and_the_candidate_list(qtbot, make_window):
    window = make_window()
    compare_with_table_keys(qtbot, window)
    item = window.current_row().item
    # Tab walked the table's cells and on down the rows: the detail pane, the candidates and
    # the review buttons could not be reached without the mouse.
    reached = []
    for _ in range(30):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.append(window.focusWidget())
        if window.focusWidget() is window.review_panel.buttons["confirm"]:
            break
    assert window.diff.candidate_view in reached
    assert window.focusWidget() is window.review_panel.buttons["confirm"]
    assert window.current_row().item == item  # the reviewer's place was kept


def test_the_shortcuts_list_names_every_key_of_the_window(qtbot, make_window):
    window = make_window()
    listed = {key for keys, _ in ShortcutsDialog.ROWS for key in re.split(r"\s*(?:/|或)\s*", keys)}
    assert {"F8", "J", "Ctrl+Shift+Z", "Ctrl+Y", "F5"} <= listed
    missing = set()
    for action in window.findChildren(QAction):
        if action is window.quit_action:
            continue  # the platform's own key (Ctrl+Q, Alt+F4), not the app's
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if key not in listed:
                missing.add(key)
    # 导出 Word 对照清单 (Ctrl+Shift+E), 新建对照 and 打开项目 were in the menus only.
    assert missing == set()


def test_the_save_opinion_button_says_what_it_does_and_its_key(qtbot, make_window):
    window = make_window()
    panel = window.review_panel
    tip = panel.save_button.toolTip()
    assert "保存审核意见" in tip and "Ctrl+Enter" in tip
    assert "Ctrl+Enter" in panel.note.placeholderText()


def test_a_text_with_only_its_title_is_said_to_have_nothing_to_compare(qtbot, make_window, dialogs,
                                                                      tmp_path):
    title_only = tmp_path / "只有标题.txt"
    title_only.write_text("示例省实施办法\n", encoding="utf-8")
    law = tmp_path / "水质监测法.txt"
    law.write_text(NATIONAL_LAW, encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, title_only, law)
    # "对照完成" over an empty table and 尚无对照结果, with nothing said of why.
    [text] = dialogs.texts()
    assert "国家文件“只有标题.txt”中除标题外没有可以对照的正文" in text and "对照结果为空" in text
    dialogs.shown.clear()
    window.new_comparison()
    compare_pair(qtbot, window, law, title_only)
    [text] = dialogs.texts()
    assert "地方文件“只有标题.txt”中除标题外没有可以对照的正文" in text and "均为未覆盖" in text


def test_ctrl_n_from_the_opinion_box_keeps_the_opinion_typed(qtbot, make_window):
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    path = window.project.path
    note.insertPlainText("本省应明确牵头部门")
    QTest.keyClick(note, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # 新建对照
    assert window.project is None
    # The opinion was dropped with the project: the key left the box no focus to lose.
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(path)
    assert window.project.decision(item).note == "本省应明确牵头部门"


def test_enter_on_a_candidate_chooses_it(qtbot, make_window):
    window = make_window()
    compare_with_table_keys(qtbot, window)
    for _ in range(window.proxy.rowCount()):
        if window.diff.candidates.offers_choice():
            break
        QTest.keyClick(window.table, Qt.Key.Key_J)
    assert window.diff.candidates.offers_choice()
    item = window.current_row().item
    view = window.diff.candidate_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Down)
    chosen = view.currentIndex()
    assert chosen.isValid()
    # Enter did nothing: only a double-click, or going back to the button before the list.
    QTest.keyClick(view, Qt.Key.Key_Return)
    decision = window.table_model.row_for(item).decision
    assert decision is not None and decision.match
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.table_model.row_for(item).decision is None


def test_a_read_only_project_takes_no_candidate_by_double_click(qtbot, make_window, tmp_path,
                                                                sample_comparison, monkeypatch,
                                                                dialogs):
    with read_only_project(qtbot, make_window, tmp_path / "他人正在审核.duizhao", sample_comparison,
                           monkeypatch) as (window, holder):
        row = next(r for r in window.table_model.rows()
                   if window.select_item(r.item) and window.diff.candidates.rowCount())
        view = window.diff.candidate_view
        index = window.diff.candidates.index(0, 0)
        view.doubleClicked.emit(index)
        view.setCurrentIndex(index)
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_Return)
        # The button was off, but a double-click still decided: a box said the project was 只读.
        assert dialogs.texts() == [] and window.project.decisions() == []
        assert holder.decisions() == [] and window.table_model.row_for(row.item).decision is None


def test_an_export_is_not_suggested_into_a_folder_that_is_gone(qtbot, make_window, monkeypatch,
                                                              tmp_path, save_path):
    from pathlib import Path

    from desktop import settings as keys
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    documents = tmp_path / "我的文档"
    documents.mkdir()
    monkeypatch.setattr(window, "documents_dir", lambda: documents)
    suggested: list[str] = []
    monkeypatch.setattr("desktop.window_projects.QFileDialog.getSaveFileName",
                        lambda parent, caption, path, file_filter="": (suggested.append(path), ("", ""))[1])
    window.settings.set(keys.LAST_FOLDER, str(tmp_path / "已拔出的U盘"))
    window.choose_export("checklist")
    assert suggested and Path(suggested[0]).parent == documents


def test_the_toolbar_keeps_short_undo_and_redo_buttons_after_a_decision(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.select_item(next(r for r in window.table_model.rows() if r.is_gap).item)
    window.status_actions["covered"].trigger()
    assert window.undo_action.text().startswith("撤销") and len(window.undo_action.text()) > 2
    toolbar = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "mainToolBar")
    assert toolbar.widgetForAction(window.undo_action).text() == "撤销"
    window.undo_action.trigger()
    assert toolbar.widgetForAction(window.redo_action).text() == "重做"


def test_a_row_clicked_with_the_mouse_takes_the_review_keys(qtbot, make_window):
    """A mouse press makes a row current before it selects it: the review actions, which act on
    the selected row, stayed disabled after a click, and Ctrl+1 recorded nothing."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    index = window.proxy.index(6, 1)
    window.table.scrollTo(index)
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.table.visualRect(index).center())
    row = window.review_row()
    assert row is not None and window.table.currentIndex().row() == 6
    assert window.confirm_action.isEnabled() and window.note_action.isEnabled()
    covered = next(a for key, a in window.status_actions.items() if key == "covered")
    assert covered.isEnabled()
    covered.trigger()
    assert window.project.decision(row.item).status.value == "covered"


def test_the_shortcuts_list_fits_a_small_screen_at_150_percent(qtbot, monkeypatch):
    """At 150 % on 1366×768 the list stood 519 px high on 512, its 关闭 button at the edge: it
    scrolls within the screen's height now."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 894, 472))
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.sizeHint().height() <= 472 - 40


def test_every_menu_entry_has_an_access_key_of_its_own(qtbot, make_window, settings, save_path):
    """The menus had access keys (文件(&F)), their entries none: a keyboard user opened 文件 with
    Alt+F and then walked it with the arrow keys. Every entry of every menu of the window gets a
    key, none shared within a menu. Menus are read, never shown (a shown menu waits for a click)."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    settings.add_recent("national", SAMPLE_NATIONAL)
    settings.add_recent("provincial", SAMPLE_PROVINCIAL)
    window._fill_recent_menu()  # as when 最近文件 opens
    roots = [(a.menu().title(), a.menu()) for a in window.menuBar().actions()]
    roots += [("导出按钮", window.export_button.menu()),
              ("右键菜单", window.row_menu(window.table.visualRect(window.proxy.index(0, 1)).center()))]
    # The detail pane's text boxes: Qt's own 复制 and 全选, with keys (全选 had none).
    for box in (window.diff.national, window.diff.provincial):
        assert box.text.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
        roots.append((box.title.text(), text_menu(box.text, box.text.viewport().rect().center())))
    menus = [("菜单栏", window.menuBar().actions()), *menus_under(roots)]
    checked = keyed_entries(menus, lambda action: action.isEnabled() or action.parent() is window)
    assert len(menus) >= 8 and checked >= 40  # 文件 … 帮助, 最近文件, 导出, a row's menu
    # The keys stay in the menus: the toolbar, the 只看差距 button and the tooltips show none.
    toolbar = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "mainToolBar")
    for action in toolbar.actions():
        shown = toolbar.widgetForAction(action)
        if shown is not None and not action.isSeparator():
            assert "&" not in shown.text() and not re.search(r"\([A-Z0-9]\)", shown.text()), shown.text()
    assert window.gap_button.text() == "只看差距"
    for action in window.findChildren(QAction):
        assert "(&" not in action.toolTip(), action.toolTip()
    # Shortcuts kept beside the keys.
    assert window.open_project_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.status_actions["covered"].shortcut() == QKeySequence("Ctrl+1")
