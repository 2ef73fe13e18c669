"""The small things of a first day's work: titles, tooltips, filters, buttons that stay put,
what follows an export, 最近文件, Qt's own dialogs in Chinese, missing system libraries."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from core.model import Status
from desktop import app as desktop_app
from desktop import settings as keys
from desktop.main_window import NATIONAL, PROVINCIAL, STATUS_FILTERS
from desktop.models import SectionIdRole

from .conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair


def test_title_names_the_project_once(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    title = window.windowTitle()
    assert title.count("对照") == 1 and Path(window.project.path).stem in title


def test_toolbar_tooltips_say_more_than_the_label(qtbot, make_window):
    window = make_window()
    toolbar = window.findChild(QToolBar)
    for action in toolbar.actions():
        if action.isSeparator() or not action.text():
            continue
        assert action.toolTip() != action.text(), action.text()


def test_every_filter_entry_shows_whole_and_unreviewed_rows_can_be_listed(qtbot, make_window,
                                                                          save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    combo = window.status_filter
    widest = max(combo.fontMetrics().horizontalAdvance(label) for label, _ in STATUS_FILTERS)
    assert combo.width() >= widest
    labels = [label for label, _ in STATUS_FILTERS]
    assert {"未审核", "需复核", "无需地方落实"} <= set(labels)
    window.set_status(Status.COVERED.value)
    decided = window.current_row().item
    combo.setCurrentIndex(labels.index("未审核"))
    shown = {window.table_model.row_at(window.proxy.mapToSource(window.proxy.index(r, 0))).item
             for r in range(window.proxy.rowCount())}
    assert decided not in shown and len(shown) == window.table_model.rowCount() - 1
    combo.setCurrentIndex(labels.index("无需地方落实"))
    assert window.proxy.rowCount() == sum(1 for r in window.table_model.rows()
                                          if r.status is Status.NOT_EXPECTED)


def test_review_buttons_stay_put_after_a_decision(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    buttons = window.review_panel.buttons
    before = {key: button.geometry() for key, button in buttons.items()}
    for key in (Status.PARTIAL.value, Status.NOT_EXPECTED.value, "not_applicable"):
        window.set_status(key)
        qtbot.wait(10)
        assert {k: b.geometry() for k, b in buttons.items()} == before, key
    assert buttons["not_applicable"].isChecked()


def test_an_export_offers_to_open_the_file_or_its_folder(qtbot, make_window, save_path,
                                                        monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    target = Path(window.project.path).parent / "清单.docx"
    window.export_to("checklist", target)
    qtbot.waitUntil(lambda: window.export_dialog is not None, timeout=COMPARE_TIMEOUT_MS)
    box = window.export_dialog
    assert box.isVisible() and target.name in box.text()
    names = {button.text(): button for button in box.buttons()}
    assert {"打开文件", "打开所在文件夹", "关闭"} <= set(names)
    names["打开所在文件夹"].click()
    assert opened == [str(target.parent)]
    window.export_to("checklist", target)
    qtbot.waitUntil(lambda: window.export_dialog is not box, timeout=COMPARE_TIMEOUT_MS)
    [b for b in window.export_dialog.buttons() if b.text() == "打开文件"][0].click()
    assert opened[-1] == str(target)
    assert QUrl.fromLocalFile(str(target)).isLocalFile()


def test_recent_files_leave_out_what_failed_to_open_or_is_gone(qtbot, make_window, settings,
                                                               tmp_path, dialogs):
    broken = tmp_path / "坏的.duizhao"
    broken.write_bytes(b"not a project at all, just bytes" * 10)
    gone = tmp_path / "已删除.docx"
    gone.write_bytes(b"x")
    settings.add_recent("national", gone)
    gone.unlink()
    window = make_window()
    settings.add_recent("project", broken)
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(broken)
    assert dialogs.shown  # the failure is reported
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert not any("坏的" in t or "已删除" in t for t in texts)
    assert all(Path(e.path).name not in ("坏的.duizhao", "已删除.docx")
               for e in settings.recent_files())


def test_qt_dialogs_speak_chinese(qapp):
    desktop_app.install_translations(qapp)
    for context, source in (("QFileDialog", "&Look in:"), ("QFileDialog", "Files of &type:"),
                            ("QPlatformTheme", "Cancel")):
        translated = QCoreApplication.translate(context, source)
        assert translated != source and any("\u4e00" <= ch <= "\u9fff" for ch in translated)
    assert QMessageBox is not None


def test_missing_xcb_libraries_are_named_with_the_command_to_install(monkeypatch, capsys):
    monkeypatch.setattr(desktop_app.sys, "platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(desktop_app.ctypes.util, "find_library",
                        lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert desktop_app.missing_system_packages() == ["libxcb-cursor0"]
    assert desktop_app.run([]) == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor0" in err and "apt-get install libxcb-cursor0" in err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert desktop_app.missing_system_packages() == []


@pytest.mark.parametrize("key", [keys.SAVE_FOLDER])
def test_new_settings_keys_have_defaults(settings, key):
    assert settings.get(key) == ""


def test_ctrl_5_marks_a_clause_not_expected_and_the_detail_gives_the_reason(qtbot, make_window,
                                                                            save_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    row = next(r for r in window.table_model.rows()
               if not r.is_addition and r.status is Status.MISSING and r.reason)
    assert window.select_item(row.item)
    assert row.reason in window.diff.gaps.text()
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    QTest.keyClick(window.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    after = window.table_model.row_for(row.item)
    assert after.status is Status.NOT_EXPECTED and after.decision is not None
    assert window.review_panel.buttons[Status.NOT_EXPECTED.value].isChecked()
    assert "无需地方落实" in window.summary.text()


def test_lines_set_aside_and_numbering_notes_are_one_click_away(qtbot, make_window, tmp_path,
                                                                monkeypatch):
    from desktop.dialogs import NoticesDialog

    national = tmp_path / "national.txt"
    national.write_text("示例水质监测办法\n第一条 县级以上人民政府应当建立水质监测网络。\n"
                        "第三条 监测机构应当如实记录监测数据。\n", encoding="utf-8")
    provincial = tmp_path / "provincial.txt"
    provincial.write_text("示例省水质监测办法\n第一条 县级以上人民政府应当建立覆盖城乡的水质监测网络。\n"
                          "第二条 监测机构应当如实记录监测数据。\n（此件公开发布）\n", encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    button = window.notices_button
    assert button.isVisible() and button.text().startswith("提示（")
    shown = []
    monkeypatch.setattr(NoticesDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    button.click()
    rows = [(shown[0].model.item(r, 0).text(), shown[0].model.item(r, 1).text())
            for r in range(shown[0].model.rowCount())]
    assert any(where == "国家文件" and "第三条" in note for where, note in rows)
    assert ("地方文件·正文后", "（此件公开发布）") in rows
    assert button.text() == f"提示（{len(rows)}）"


def test_a_decision_does_not_widen_the_detail_pane(qtbot, make_window, save_path, cjk_font):
    """"reviewer 审核于 date" wraps: on one line it made the review panel wider than the detail
    pane's place at 150 %, which cut every text of the pane off on its right."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.goto_gap(+1)
    panel = window.review_panel
    undecided = panel.minimumSizeHint().width()
    window.settings.set(keys.REVIEWER, "省司法厅立法一处审核人")
    window.set_status(Status.COVERED.value)
    assert window.current_row().decision is not None
    assert panel.info.text().startswith("省司法厅立法一处审核人 审核于")
    qtbot.wait(50)  # the layouts take the new text in
    assert panel.info.fontMetrics().horizontalAdvance(panel.info.text()) > undecided
    assert panel.minimumSizeHint().width() <= undecided


def test_a_responsibility_note_closes_the_text_inside_its_box(qtbot, make_window, save_path,
                                                              tmp_path):
    """The 责任单位 line stood in a label of its own under the text box; in a short pane (150 %)
    it was drawn over the text. It now closes the text, in the same scrolling box."""
    national = tmp_path / "national.txt"
    national.write_text("示例指导意见\n一、重点任务\n（一）完善检测体系。\n"
                        "建立健全检测服务网络，定期开展检测能力评估。（市场监管总局、工业和信息化部等负责）\n",
                        encoding="utf-8")
    provincial = tmp_path / "provincial.txt"
    provincial.write_text("示例省实施意见\n一、重点任务\n（一）完善检测体系。\n"
                          "建立健全全省检测服务网络，定期开展检测能力评估。\n", encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    row = next(r for r in window.table_model.rows() if not r.is_addition)
    assert window.select_item(row.item)
    box = window.diff.national
    assert box.text.toPlainText().rstrip().endswith("责任单位：市场监管总局、工业和信息化部")
    assert not any("责任单位" in label.text() for label in box.findChildren(QLabel))


def test_the_side_by_side_view_names_which_units_lead_and_which_support(qtbot, make_window, tmp_path):
    national = tmp_path / "national.txt"
    national.write_text("示例指导意见\n一、重点任务\n（一）完善检测体系。\n"
                        "建立健全检测服务网络，定期开展检测能力评估。\n", encoding="utf-8")
    provincial = tmp_path / "provincial.txt"
    provincial.write_text("示例省实施意见\n一、重点任务\n（一）完善检测体系。\n"
                          "建立健全全省检测服务网络，定期开展检测能力评估。（省市场监管局牵头，省工业和信息化厅配合；"
                          "2025年底前完成）\n", encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    row = next(r for r in window.table_model.rows() if not r.is_addition)
    assert window.select_item(row.item)
    last = window.diff.provincial.text.toPlainText().rstrip().splitlines()[-1].split()
    assert last == ["牵头单位：省市场监管局", "配合单位：省工业和信息化厅", "时限：2025年底前完成"]


def test_the_file_dialogs_open_in_the_home_folder_when_there_is_no_documents_folder(tmp_path, monkeypatch):
    """A fresh UOS/Kylin account has no ~/Documents: the save dialog opened in the program's
    working folder (a dialog given a folder that does not exist does)."""
    import platformdirs

    from desktop import settings

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "没有的文档"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert settings.user_documents_dir() == tmp_path
    (tmp_path / "没有的文档").mkdir()
    assert settings.user_documents_dir() == tmp_path / "没有的文档"


def test_a_narrow_window_opens_with_the_outline_folded_and_f9_brings_it_back(qtbot, settings):
    """1366×768 at 150 % is 911 pixels wide: three panes left the texts a few characters wide."""
    from desktop.main_window import MainWindow

    window = MainWindow(settings, remember_layout=False)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    sizes = window.main_splitter.sizes()
    assert sizes[0] == 0 and not window.outline_action.isChecked()
    assert "F9" in window.statusBar().currentMessage()  # said: it was folded out of sight
    window.outline_action.trigger()  # F9
    assert window.main_splitter.sizes()[0] > 0 and window.outline_action.isChecked()
    window.outline_action.trigger()
    assert window.main_splitter.sizes()[0] == 0
    assert window.main_splitter.sizes()[1] > sizes[1] - 1  # the table took the room

    wide = MainWindow(settings, remember_layout=False)
    qtbot.addWidget(wide)
    wide.resize(1400, 900)
    wide.show()
    qtbot.waitExposed(wide)
    assert wide.main_splitter.sizes()[0] > 0 and wide.outline_action.isChecked()


def _compare_sample_again(qtbot, window, dialogs, answer: str) -> None:
    """Load the sample pair again and press 开始对照, answering the earlier-review question."""
    dialogs.earlier_answer = answer
    window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()


def test_comparing_the_same_two_files_again_offers_the_earlier_review(qtbot, make_window, dialogs):
    """开始对照 on two files compared before made one more project (名（2）…) and the decisions
    stayed in the first, out of sight."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first = window.project.path
    row = next(r for r in window.table_model.rows() if r.status is Status.MISSING)
    window.select_item(row.item)
    window.set_status(Status.COVERED.value)
    window.new_comparison()

    _compare_sample_again(qtbot, window, dialogs, "open")
    assert [kind for kind, *_ in dialogs.shown].count("earlier") == 1
    assert window.project.path == first and window.project.decision(row.item).status is Status.COVERED
    assert len(list(first.parent.glob("*.duizhao"))) == 1

    # 重新对照 makes a project of its own, as before.
    window.new_comparison()
    dialogs.earlier_answer = "new"
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.project.path != first and window.project.decision(row.item) is None


def test_a_project_saved_elsewhere_is_the_earlier_review_offered(qtbot, make_window, dialogs,
                                                                  save_path):
    """After 另存为 the review goes on in the copy; comparing the same two files again offered
    the stale project left in the app's folder, without the decisions made since."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    in_app_folder = window.project.path
    first, second = [r for r in window.table_model.rows() if r.status is Status.MISSING][:2]
    window.select_item(first.item)
    window.set_status(Status.COVERED.value)
    assert window.save_project_as()
    copy = window.project.path
    assert copy != in_app_folder and Path(save_path[-1]) == copy
    window.select_item(second.item)
    window.set_status(Status.COVERED.value)
    window.new_comparison()

    _compare_sample_again(qtbot, window, dialogs, "open")
    assert [entry for entry in dialogs.shown if entry[0] == "earlier"] == [
        ("earlier", "对照", str(copy))]
    assert window.project.path == copy
    assert window.project.decision(second.item).status is Status.COVERED


def test_a_headless_window_compares_the_same_files_again_without_asking(qtbot, settings, dialogs):
    """The bench compares the sample pair twice in one window: a question box hung it."""
    from desktop.main_window import MainWindow

    window = MainWindow(settings, remember_layout=False, headless=True)
    qtbot.addWidget(window)
    window.show()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first = window.project.path
    window.new_comparison()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.project.path != first
    assert not [kind for kind, *_ in dialogs.shown if kind == "earlier"]


def test_a_choice_question_answers_with_the_key_of_the_button_pressed(qtbot, make_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs import ask_choice

    window = make_window()
    answers = []
    for label in ("重新对照", "取消", None):
        def press(label=label):
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(10, press)
                return
            if label is None:
                box.defaultButton().click()
            else:
                next(b for b in box.buttons() if b.text() == label).click()
        QTimer.singleShot(10, press)
        answers.append(ask_choice(window, "对照", "这两份文件已经对照过。", "说明", ("打开已有项目", "open"),
                                  ("重新对照", "new")))
    assert answers == ["new", "cancel", "open"]


def test_a_city_text_is_called_本市_in_the_labels_as_in_the_reports(qtbot, make_window, save_path,
                                                                   tmp_path):
    """A Beijing or a city's text calls itself 本市: the app's labels say 本市新增 and
    本市对应表述, as the Word and Excel reports do (core.export.labels.local_word)."""
    from docx import Document

    from desktop.models import StatusRole

    paragraphs = [p.text.replace("示例省", "示例市").replace("全省", "全市")
                  for p in Document(str(SAMPLE_PROVINCIAL)).paragraphs if p.text.strip()]
    city = tmp_path / "示例市实施意见.txt"
    city.write_text("\n".join(paragraphs), encoding="utf-8")
    window = make_window()
    model = window.table_model
    # Before a comparison names the region: 地方.
    assert model.headerData(model.COL_PROVINCIAL, Qt.Orientation.Horizontal) == "地方对应表述"
    assert "地方新增" in [window.status_filter.itemText(i) for i in range(window.status_filter.count())]
    compare_pair(qtbot, window, SAMPLE_NATIONAL, city)
    assert model.headerData(model.COL_PROVINCIAL, Qt.Orientation.Horizontal) == "本市对应表述"
    filters = [window.status_filter.itemText(i) for i in range(window.status_filter.count())]
    assert "本市新增" in filters and "本省新增" not in filters
    assert window.provincial_model.headerData(1, Qt.Orientation.Horizontal) == "本市新增"
    assert "本市新增" in window.summary.text() and "本省" not in window.summary.text()
    added = next(r for r in range(model.rowCount())
                 if model.index(r, 0).data(StatusRole) == Status.ADDED.value)
    assert model.index(added, model.COL_STATUS).data() == "本市新增"
    window.table.setCurrentIndex(window.proxy.mapFromSource(model.index(added, 0)))
    assert window.diff.provincial.title.text() == "<b>本市对应表述</b>"
    assert "本市新增内容" in window.diff.national.text.toPlainText()

    # Back on a province's text, the labels say 本省 again.
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert model.headerData(model.COL_PROVINCIAL, Qt.Orientation.Horizontal) == "本省对应表述"
    assert "本省新增" in [window.status_filter.itemText(i) for i in range(window.status_filter.count())]


def test_another_row_opens_the_detail_pane_at_its_top(qtbot, make_window, save_path):
    """Scrolled down to the opinion box for one row, the pane hid the next row's verdict and
    reason (a small screen, 150 %)."""
    window = make_window()
    window.resize(900, 500)
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.goto_gap(+1)
    bar = window.detail_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    assert window.goto_gap(+1)
    assert bar.value() == 0


def test_a_decision_and_its_undo_are_said_in_the_status_bar(qtbot, make_window, save_path):
    """The stale 对照完成，项目已保存 stood there after Ctrl+1 and Ctrl+Z."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    assert window.goto_gap(+1)
    number = window.current_row().number
    window.set_status(Status.COVERED.value)
    assert window.statusBar().currentMessage().startswith(f"标为“已覆盖”（序号 {number}）：已保存")
    window.undo_review()
    assert window.statusBar().currentMessage().startswith("已撤销：")
    window.redo_review()
    assert window.statusBar().currentMessage().startswith("已重做：")


def test_an_empty_table_says_what_narrows_it(qtbot, make_window, save_path):
    """A search with no hit showed an empty table, with no hint that 只看差距 narrowed it too."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.set_gap_filter(True)
    window.search.setText("没有这样的词语")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    window._update_count()
    assert "没有符合搜索、筛选条件的条目" in window.count_label.text()
    window.national_tree.setCurrentIndex(window.national_model.index(1, 0))
    window._filter_sections(NATIONAL, window.national_model.index(1, 0).data(SectionIdRole))
    section = window.comparison.national.section(window.national_model.index(1, 0).data(SectionIdRole))
    assert section.title in window.section_label.text()


def test_a_right_click_on_a_row_offers_the_review_actions(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    index = window.proxy.index(3, 1)
    point = window.table.visualRect(index).center()
    menu = window.row_menu(point)
    assert window.table.currentIndex().row() == 3
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "标为“已覆盖”(&1)" in texts and "填写审核意见(&E)" in texts
    assert not any(t.startswith("上一处差距") for t in texts)
    covered = next(a for a in menu.actions() if a.text() == "标为“已覆盖”(&1)")
    assert covered.isEnabled()
    covered.trigger()
    assert window.current_row().decision is not None
    menu.close()


def test_a_status_key_on_an_addition_says_it_takes_only_confirm_and_not_applicable(
        qtbot, make_window, dialogs):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    addition = next(r for r in window.table_model.rows() if r.is_addition)
    assert window.select_item(addition.item)
    window.statusBar().showMessage("取消“不适用”（序号 49）：已保存")  # the last thing said
    window.set_status(Status.NOT_EXPECTED.value)  # Ctrl+5
    assert window.table_model.row_for(addition.item).decision is None
    assert window.statusBar().currentMessage() == "本省新增内容只能确认或标为“不适用”，未改动。"


def test_clearing_a_search_that_found_nothing_goes_back_to_the_reviewers_row(qtbot, make_window,
                                                                              dialogs):
    """序号 33, a search with no match (显示 0 / …), the search cleared: the selection jumped to
    序号 1, and the reviewer's place was lost."""
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    rows = window.table_model.rows()
    place = rows[len(rows) // 2]
    assert window.select_item(place.item)
    window.search.setText("zzzz")
    assert window.proxy.rowCount() == 0 and window.current_row() is None
    window.search.setText("")
    assert window.current_row() is not None and window.current_row().item == place.item
    # In another comparison the place is its own, not the one left in the last.
    window.new_comparison()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    shown = window.current_row()
    assert shown is not None and shown.item != place.item
    window.search.setText("zzzz")
    window.search.setText("")
    assert window.current_row().item == shown.item
