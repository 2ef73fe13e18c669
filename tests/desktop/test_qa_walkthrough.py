"""Defects a user met walking through the app (QA pass): each fixed here with its test."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from core.compare import load_outline
from core.project import Project
from desktop.batch_view import open_batch_window
from desktop.dialogs import PasteTextDialog
from desktop.window_common import NATIONAL, PROVINCIAL
from tests.generator import make_variant

from .conftest import (COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair,
                       read_only_project)


def test_the_progress_step_is_readable_beside_its_bar(qtbot, make_window):
    window = make_window()
    window.statusBar().showMessage("已选择地方文件：law_beijing_shishi_tufa_shijian_yingdui_fa_banfa_2008.txt")
    step = "正在载入词典（首次使用需要几秒钟）…"
    window.progress.start(step)
    qtbot.waitUntil(lambda: window.progress.isVisible())
    message, bar = window.progress.message, window.progress.bar
    # The step had no width of its own and the bar was drawn over it: one glyph showed.
    assert message.geometry().right() < bar.geometry().left()
    assert message.width() >= message.fontMetrics().horizontalAdvance("正在载入词典")
    assert message.text() == step


def test_a_folder_given_as_a_document_is_called_a_folder(qtbot, make_window, dialogs, tmp_path):
    folder = tmp_path / "各省文件"
    folder.mkdir()
    window = make_window()
    window.open_dropped([str(folder)])
    assert window.choices[NATIONAL] is None
    [text] = dialogs.texts("warning")
    assert "文件夹" in text and "找不到" not in text


def _variant(tmp_path, name: str, seed: int, base=None):
    path = tmp_path / f"{name}.txt"
    outline = load_outline(base or SAMPLE_NATIONAL)
    path.write_text(make_variant(outline, seed).text.replace("示例省", name), encoding="utf-8")
    return path


def test_a_chain_counts_only_the_national_items_in_its_heading(qtbot, make_window, tmp_path):
    window = open_batch_window(make_window())
    window.workers = 1
    province = _variant(tmp_path, "江苏省", 3)
    city = _variant(tmp_path, "南京市", 5, base=province)
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(province), str(city)])
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.chain_button.click()
    items = window.batch.items
    national = sum(item.level == "national" for item in items)
    assert national < len(items)  # the province's own rows are there too
    # The heading said 按句对照 N 项 with the province's own rows counted as the nation's.
    assert f"对照 {national} 项" in window.national_label.text()


def test_a_matrix_name_typed_without_extension_gets_the_chosen_type(qtbot, make_window, tmp_path,
                                                                    monkeypatch, dialogs):


    window = open_batch_window(make_window())
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(_variant(tmp_path, "浙江省", 7))])
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()
    typed = tmp_path / "各省矩阵"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(typed), "Word (*.docx)")))
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS):  # written in the background
        window.choose_export()
    assert not dialogs.texts()  # was: 不支持的导出格式：（无扩展名）
    assert typed.with_suffix(".docx").stat().st_size > 0


def test_an_unexpected_batch_failure_is_logged_not_named(qtbot, make_window, dialogs, caplog):
    window = open_batch_window(make_window())
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(SAMPLE_NATIONAL)])

    def broken(progress, cancel):
        return {}["no such key"]  # a bug in the work, as a user would meet one

    window._run(broken, "正在对照…")
    qtbot.waitUntil(lambda: not window.busy and bool(dialogs.texts("critical")), timeout=10_000)
    [text] = dialogs.texts("critical")
    # Was "批量对照时出错：KeyError", and nothing in the log to send to support.
    assert "KeyError" not in text and "日志" in text
    assert any("KeyError" in record.getMessage() for record in caplog.records)


def test_a_long_file_name_still_makes_a_project_and_an_export_name(qtbot, make_window, tmp_path,
                                                                   save_path, dialogs):


    # 83 汉字: 249 bytes, a legal name; with .duizhao it was 257 and no project could be made
    # ("无法创建项目文件夹，请检查用户数据文件夹是否可写").
    provincial = tmp_path / ("示例省关于贯彻落实数字政府建设指导意见的实施意见" * 4)[:83]
    provincial = provincial.with_suffix(".docx")
    shutil.copy(SAMPLE_PROVINCIAL, provincial)
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, provincial)
    assert not dialogs.texts()
    assert len(window.project.path.name.encode()) <= 255
    window.choose_export("checklist")
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert not dialogs.texts("warning")
    [written] = save_path
    assert len(Path(written).name.encode()) <= 255 and Path(written).stat().st_size > 0


def test_a_pasted_document_with_a_whole_title_as_its_name_is_kept(qtbot, make_window, dialogs):
    window = make_window()
    dialog = PasteTextDialog("地方文件", window)
    dialog.name.selectAll()
    dialog.name.insert("示例省人民政府关于贯彻落实国务院加强数字政府建设指导意见的实施意见" * 8)  # a paste
    dialog.text.setPlainText("一、总体要求\n（一）加强组织领导。各地要建立工作机制。")
    dialog.done(QDialog.DialogCode.Accepted)
    # Was: 无法保存粘贴的文本，请检查用户数据文件夹是否可写 (the name made the file name too long).
    assert window.set_document_text(PROVINCIAL, dialog.document_text(), dialog.document_name())
    assert not dialogs.texts()
    assert Path(window.choices[PROVINCIAL].path).is_file()


def _click_when_asked(qtbot, label: str, seen: list[str], before=None) -> None:
    """Answer the next modal question box by its button labelled ``label``, as a user would
    (``before()`` runs while the box is open, just before the click)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        if before is not None:
            before()
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(50, answer)


def _region_text(tmp_path, region: str):
    path = tmp_path / f"{region}实施意见.txt"
    text = make_variant(load_outline(SAMPLE_NATIONAL), 4).text
    path.write_text(text.replace("示例省", region), encoding="utf-8")
    return path


def test_another_regions_text_chosen_with_a_project_open_is_not_taken_as_its_new_draft(
        qtbot, make_window, tmp_path, save_path):

    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    row = next(r for r in window.table_model.rows() if r.is_gap)
    assert window.select_item(row.item)
    window.set_status("covered")
    first = window.project
    first_path, first_name = first.path, first.provincial_name
    other = _region_text(tmp_path, "广东省")
    # National staff go on to the next province: choose its text, press 开始对照. It was
    # imported into the open project as 示例省's second version, the decisions carried over.
    assert window.set_document_file(PROVINCIAL, str(other))
    seen: list[str] = []
    _click_when_asked(qtbot, "新建对照", seen)
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
    assert len(seen) == 1 and "是广东省的文件" in seen[0] and "是示例省的" in seen[0]
    assert window.project.path != first_path and window.project.provincial_name == other.name
    assert not window.project.decisions()
    with Project.open(first_path, read_only=True) as kept:
        assert kept.provincial_version == 1 and kept.provincial_name == first_name
        assert [d.item for d in kept.decisions()] == [row.item]


def test_a_real_new_draft_is_still_imported_without_a_question(qtbot, make_window, tmp_path,
                                                               save_path):

    window = make_window()
    draft = _region_text(tmp_path, "江西省")
    compare_pair(qtbot, window, SAMPLE_NATIONAL, draft)
    second = tmp_path / "江西省实施意见（第二稿）.txt"
    second.write_text(draft.read_text(encoding="utf-8").replace("加强", "切实加强", 3), encoding="utf-8")
    assert window.set_document_file(PROVINCIAL, str(second))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
    assert window.project.provincial_version == 2


def test_no_display_is_one_chinese_line_not_a_qt_abort(monkeypatch, capsys):
    from desktop import app as desktop_app

    monkeypatch.setattr(desktop_app.sys, "platform", "linux")
    monkeypatch.setattr(desktop_app, "missing_system_packages", lambda: [])
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    # Was: Qt's "could not connect to display … libxcb-cursor0 is needed" and exit 134.
    assert desktop_app.run([]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：") and "DISPLAY" in err and "\n" not in err
    monkeypatch.setenv("DISPLAY", ":0")
    assert not desktop_app.no_display()
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not desktop_app.no_display()


def test_a_project_opened_read_only_offers_no_decisions(qtbot, make_window, tmp_path,
                                                       sample_comparison, monkeypatch, dialogs):
    path = tmp_path / "他人正在审核.duizhao"
    with read_only_project(qtbot, make_window, path, sample_comparison, monkeypatch) as (window, holder):
        assert window.select_item(next(r for r in window.table_model.rows() if r.is_gap).item)
        panel = window.review_panel
        # Every decision button was live: a click asked for a name, then said 只读.
        assert not any(button.isEnabled() for button in panel.buttons.values())
        assert not window.status_actions["covered"].isEnabled()
        assert not window.confirm_action.isEnabled() and not window.note_action.isEnabled()
        assert panel.note.isReadOnly() and not panel.save_button.isEnabled()
        assert panel.history_button.isEnabled() and window.history_action.isEnabled()
        window.status_actions["covered"].trigger()
        assert not dialogs.texts() and not window.project.decisions()
        assert holder.decisions() == []
    window.new_comparison()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(path)  # now free: decisions can be made again
    assert window.select_item(next(r for r in window.table_model.rows() if r.is_gap).item)
    assert not window.project.read_only and window.review_panel.buttons["covered"].isEnabled()
    assert not window.review_panel.note.isReadOnly()


def test_the_text_columns_sort_in_document_order(qtbot, make_window, tmp_path):
    from PySide6.QtCore import Qt

    from desktop.clause_table import ClauseTableModel

    # A statute of twelve articles and its province's, which moves the twelfth to the front:
    # sorted by their text, 第十条…第十二条 came before 第二条 (the numerals' code points).
    national = tmp_path / "国家条例.txt"
    provincial = tmp_path / "某省实施办法.txt"
    topics = ["水资源保护", "河道管理", "防汛抗旱", "水土保持", "农田灌溉", "城乡供水",
              "节约用水", "水价管理", "取水许可", "排污监管", "水文监测", "水利工程"]
    numerals = "一二三四五六七八九十"

    def number(n: int) -> str:
        return numerals[n - 1] if n <= 10 else "十" + numerals[n - 11]

    national.write_text("国家水事条例\n" + "\n".join(
        f"第{number(i)}条 县级以上人民政府应当加强{topic}工作，建立{topic}责任制度。"
        for i, topic in enumerate(topics, 1)), encoding="utf-8")
    order = [topics[-1], *topics[:-1]]
    provincial.write_text("某省水事条例实施办法\n" + "\n".join(
        f"第{number(i)}条 各级人民政府应当加强{topic}工作，建立{topic}责任制度。"
        for i, topic in enumerate(order, 1)), encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    model = window.proxy

    def column(col: int) -> list[str]:
        return [model.index(r, col).data() for r in range(model.rowCount())]

    window.table.sortByColumn(ClauseTableModel.COL_NATIONAL, Qt.SortOrder.AscendingOrder)
    numbers = [int(n) for n in column(ClauseTableModel.COL_NUMBER)]
    assert numbers == sorted(numbers)
    window.table.sortByColumn(ClauseTableModel.COL_PROVINCIAL, Qt.SortOrder.AscendingOrder)
    shown = [text for text, status in zip(column(ClauseTableModel.COL_PROVINCIAL),
                                          column(ClauseTableModel.COL_STATUS))
             if status.startswith("已覆盖")]
    assert len(shown) == 12
    assert [next(t for t in topics if t in text) for text in shown] == order


def test_a_running_task_shows_its_step_alone_in_the_status_bar(qtbot, make_window):
    window = make_window()
    assert window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    assert window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    assert window.statusBar().currentMessage().startswith("已选择地方文件")
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
        # "已选择地方文件：…tiaoli_2 正在分词：地方文件" ran the two together.
        assert window.busy and window.statusBar().currentMessage() == ""


def test_the_batch_file_dialogs_open_in_the_documents_folder(qtbot, make_window, monkeypatch,
                                                            tmp_path):
    asked: list[str] = []

    def open_one(parent, caption, folder="", *args, **kwargs):
        asked.append(folder)
        return "", ""

    def open_many(parent, caption, folder="", *args, **kwargs):
        asked.append(folder)
        return [], ""

    def open_folder(parent, caption, folder="", *args, **kwargs):
        asked.append(folder)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_many))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(open_folder))
    window = open_batch_window(make_window())
    window.choose_national()
    window.choose_locals()
    window.choose_folder()
    # Each opened in the working folder ("" — /opt/duizhao, or System32 from the start menu).
    documents = tmp_path / "documents"
    assert asked == [str(documents)] * 3


def test_a_local_texts_new_version_is_looked_for_beside_the_old_one(qtbot, make_window,
                                                                    monkeypatch, tmp_path):
    window = open_batch_window(make_window())
    window.workers = 1
    drafts = tmp_path / "各省来稿"
    drafts.mkdir()
    local = _variant(drafts, "浙江省", 7)
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(local)])
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()
    window.table.setCurrentIndex(window.proxy.index(0, 3))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda parent, caption, folder="", *args, **kwargs: (asked.append(folder), ("", ""))[1]))
    window.choose_reimport()
    assert asked == [str(drafts)]


def test_a_folder_with_nothing_to_compare_says_so(qtbot, make_window, monkeypatch, tmp_path,
                                                 dialogs):
    folder = tmp_path / "各省来稿"
    (folder / "广东省").mkdir(parents=True)  # the drafts one level down, as often filed
    _variant(folder / "广东省", "广东省", 3)
    (folder / "说明.png").write_bytes(b"\x89PNG\r\n")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))
    window = open_batch_window(make_window())
    window.choose_folder()
    # Nothing was added and nothing was said.
    assert window.local_files == []
    [text] = dialogs.texts("information")
    assert "各省来稿" in text and "子文件夹" in text
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder / "广东省")))
    window.choose_folder()
    assert len(window.local_files) == 1 and len(dialogs.texts("information")) == 1


def test_a_sections_own_sentences_sort_before_those_of_the_sections_below_it():
    from desktop.clause_table import _document_order

    items = ["P1.1-2", "P1-3", "P1.10-1", "P1.2-1", "P2-1", "P1-1"]
    assert sorted(items, key=_document_order) == ["P1-1", "P1-3", "P1.1-2", "P1.2-1", "P1.10-1", "P2-1"]


def test_a_new_version_confirmed_after_the_question_is_the_text_asked_about(
        qtbot, make_window, tmp_path, save_path):

    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    other = _region_text(tmp_path, "广东省")
    assert window.set_document_file(PROVINCIAL, str(other))
    seen: list[str] = []
    # The file is saved over while the question is open: what is imported is what was asked.
    _click_when_asked(qtbot, "作为新版本导入", seen, before=lambda: other.write_text(
        "另一份无关文件\n一、总则\n（一）本文件与原文件无关。\n", encoding="utf-8"))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
    qtbot.waitUntil(lambda: window.project.provincial_version == 2, timeout=COMPARE_TIMEOUT_MS)
    assert len(seen) == 1
    assert window.project.comparison.provincial.title.startswith("广东省")
