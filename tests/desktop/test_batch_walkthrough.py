"""The batch window walked through as national staff checking many provinces would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.compare import load_outline
from desktop.batch_view import FIXED_COLUMNS, BatchWindow, open_batch_window
from desktop.main_window import NATIONAL, PROVINCIAL
from desktop.window_common import FRAME_ALLOWANCE
from tests.desktop.access_keys import access_key, keyed_entries, menus_under
from tests.desktop.conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL
from tests.generator import make_variant

REPO = Path(__file__).resolve().parents[2]

_MEASURE = """
import json
from desktop.app import create_application
app = create_application()
from desktop.batch_view import BatchWindow
window = BatchWindow()
window.show()
app.processEvents()
available, geometry = window.screen().availableGeometry(), window.geometry()
print(json.dumps({"available": [available.x(), available.y(), available.width(), available.height()],
                  "window": [geometry.x(), geometry.y(), geometry.width(), geometry.height()]}))
"""


def test_the_batch_window_fits_a_1366x768_screen_at_150_percent(tmp_path):
    """1366×768 at 150 % leaves about 910×512 logical pixels: the batch window opens inside,
    with room for its frame, so its side pane and status bar can be reached."""
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366,
                                                "height": 768, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}", "QT_SCALE_FACTOR": "1.5",
           "DUIZHAO_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", _MEASURE], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    left, top, width, height = measured["available"]
    x, y, w, h = measured["window"]
    assert width < 1000 and height < 600  # the scaled screen, as the user has it
    frame_width, frame_height = FRAME_ALLOWANCE
    assert w + frame_width <= width and h + frame_height <= height
    assert left <= x and x + w <= left + width and top <= y and y + h <= top + height


@pytest.fixture
def local_files(tmp_path: Path) -> list[Path]:
    """The sample opinion and a generated 浙江省 opinion, as files."""
    generated = tmp_path / "浙江.txt"
    generated.write_text(make_variant(load_outline(SAMPLE_NATIONAL), 7).text.replace("示例省", "浙江省"),
                         encoding="utf-8")
    return [SAMPLE_PROVINCIAL, generated]


def _run(qtbot, window: BatchWindow, local_files) -> None:
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()


def _matrix_has_the_keys(qtbot, window: BatchWindow) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)


def test_enter_on_a_cell_opens_that_pairs_review(qtbot, make_window, local_files):
    """A keyboard user walks the matrix with the arrows and opens a pair with Enter."""
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    _matrix_has_the_keys(qtbot, window)
    QTest.keyClick(window.table, Qt.Key.Key_Right)  # from the first local column to the second
    assert window.selected_local() == 1
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert Path(main_window.project.path) == window.pair_project_path(1)


def test_tab_leaves_the_matrix(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    _matrix_has_the_keys(qtbot, window)
    current = window.table.currentIndex()
    QTest.keyClick(window.table, Qt.Key.Key_Tab)
    assert not window.table.hasFocus()
    assert window.table.currentIndex() == current


def test_a_new_version_that_cannot_be_read_keeps_the_column_it_was_meant_to_replace(
        qtbot, make_window, local_files, tmp_path, dialogs):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    before = window.batch
    files = list(window.local_files)
    empty = tmp_path / "浙江-新版.txt"
    empty.write_bytes(b"")
    window.reimport(1, str(empty))
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert any("浙江-新版.txt" in text and "空的" in text and "原来版本" in text
               for text in dialogs.texts("warning"))
    assert window.batch is before  # the column and its result are as they were
    assert window.batch.locals[1].ok and window.local_files == files
    header = window.model.headerData(len(FIXED_COLUMNS) + 1, Qt.Orientation.Horizontal)
    assert header.startswith("浙江省") and "无法对照" not in header


def test_two_texts_of_one_region_are_told_apart_by_their_column_tips(qtbot, make_window, tmp_path):
    """Two versions of one province's text (a .txt and its Word copy, a draft and the final):
    the columns are numbered, and each one's tip names its file."""
    national = load_outline(SAMPLE_NATIONAL)
    draft, final = tmp_path / "征求意见稿" / "浙江.txt", tmp_path / "定稿" / "浙江.txt"
    for seed, path in ((7, draft), (8, final)):
        path.parent.mkdir()
        path.write_text(make_variant(national, seed).text.replace("示例省", "浙江省"), encoding="utf-8")
    window = open_batch_window(make_window())
    _run(qtbot, window, [draft, final])
    names = [local.name for local in window.batch.locals]
    assert names[0] != names[1] and all(name.startswith("浙江省") for name in names)
    for local, path in enumerate((draft, final)):
        tip = window.model.headerData(len(FIXED_COLUMNS) + local, Qt.Orientation.Horizontal,
                                      Qt.ItemDataRole.ToolTipRole)
        assert str(path) in tip


def test_the_national_file_and_a_repeated_one_are_not_added_as_local_texts(qtbot, make_window, local_files):
    """Picking the whole folder, the national file among them, or a file twice: the list holds
    each local text once and never the national one, and the status bar says what was left out."""
    window = open_batch_window(make_window())
    window.set_national(str(SAMPLE_NATIONAL))
    assert window.add_locals([str(SAMPLE_NATIONAL), str(local_files[0])]) == 1
    assert window.local_files == [str(local_files[0])]
    assert "国家文件本身或其副本 1 个" in window.statusBar().currentMessage()
    assert window.add_locals([str(local_files[0]), str(local_files[1])]) == 1
    assert "已在列表中（或内容相同）的 1 个" in window.statusBar().currentMessage()
    assert window.locals_label.text() == "地方文件：2 个"


def test_copies_of_the_national_file_and_of_a_listed_one_are_not_added(qtbot, make_window, local_files,
                                                                       tmp_path):
    """A copy of the national text saved among the drafts was compared as a 覆盖 100% province;
    a draft saved twice under two names made two columns of one text."""
    window = open_batch_window(make_window())
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(local_files[0])])
    national_copy, draft_copy = tmp_path / "国家文件（备份）.docx", tmp_path / "另存.txt"
    national_copy.write_bytes(SAMPLE_NATIONAL.read_bytes())
    draft_copy.write_bytes(Path(local_files[0]).read_bytes())
    assert window.add_locals([str(national_copy), str(draft_copy)]) == 0
    message = window.statusBar().currentMessage()
    assert "国家文件本身或其副本 1 个" in message and "已在列表中（或内容相同）的 1 个" in message
    assert window.local_files == [str(local_files[0])]


def test_a_local_text_chosen_as_the_national_one_leaves_the_local_texts(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    window.add_locals([str(p) for p in local_files])
    window.set_national(str(local_files[1]))
    assert window.local_files == [str(local_files[0])]
    assert window.locals_label.text() == "地方文件：1 个"
    assert "它是国家文件本身" in window.statusBar().currentMessage()


def test_the_file_dialogs_open_where_the_last_file_was_chosen(qtbot, make_window, monkeypatch, tmp_path):
    """National staff pick the national law in one folder, then the provinces one dialog after
    another in another folder: each dialog opens where the last choice was made."""
    national_folder, provinces = tmp_path / "国家", tmp_path / "各省"
    national_folder.mkdir()
    provinces.mkdir()
    national = national_folder / "国家.docx"
    national.write_bytes(SAMPLE_NATIONAL.read_bytes())
    texts = []
    for seed, name in ((7, "浙江.txt"), (8, "江苏.txt")):
        texts.append(provinces / name)
        texts[-1].write_text(make_variant(load_outline(SAMPLE_NATIONAL), seed).text, encoding="utf-8")
    window = open_batch_window(make_window())
    opened_in: list[str] = []
    answers = iter([(str(national), ""), ([str(texts[0])], ""), ([str(texts[1])], "")])

    def dialog(parent, caption, folder, file_filter=""):
        opened_in.append(folder)
        return next(answers)

    monkeypatch.setattr("desktop.batch_inputs.QFileDialog.getOpenFileName", dialog)
    monkeypatch.setattr("desktop.batch_inputs.QFileDialog.getOpenFileNames", dialog)
    window.choose_national()
    window.choose_locals()
    window.choose_locals()
    assert [Path(folder) for folder in opened_in[1:]] == [national_folder, provinces]
    assert window.local_files == [str(t) for t in texts]


def test_the_matrix_export_is_not_suggested_into_a_folder_that_is_gone(qtbot, make_window, local_files,
                                                                       monkeypatch, tmp_path):
    from desktop.settings import LAST_FOLDER

    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    suggested: list[str] = []
    monkeypatch.setattr("desktop.batch_view.QFileDialog.getSaveFileName",
                        lambda parent, caption, path, file_filter="": (suggested.append(path), ("", ""))[1])
    main_window.settings.set(LAST_FOLDER, str(tmp_path / "已拔出的U盘"))
    window.choose_export()
    assert suggested and Path(suggested[0]).parent == main_window.documents_dir()
    (tmp_path / "导出").mkdir()
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS):
        window.export_to(str(tmp_path / "导出" / "矩阵.xlsx"))
    assert (tmp_path / "导出" / "矩阵.xlsx").is_file()
    window.choose_export()
    assert Path(suggested[-1]).parent == tmp_path / "导出"  # the next export goes where this one went


def test_a_pair_asked_for_while_the_main_window_compares_says_why_it_waits(qtbot, make_window, local_files):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    assert main_window.set_document_file(NATIONAL, str(SAMPLE_NATIONAL))
    assert main_window.set_document_file(PROVINCIAL, str(SAMPLE_PROVINCIAL))
    main_window.compare_button.click()
    assert main_window.busy
    assert window.open_pair(1) is None
    assert "主窗口正在处理" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not main_window.busy, timeout=COMPARE_TIMEOUT_MS)


def test_the_matrix_is_written_in_the_background_and_a_failure_is_told(qtbot, make_window, local_files,
                                                                       tmp_path, dialogs):
    """Twenty provinces' Word report takes seconds: the window stays live, says what it does and
    takes no other work meanwhile; a failure comes as a box titled with what failed."""
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    target = tmp_path / "矩阵.docx"
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS) as written:
        window.export_to(str(target))
        assert window.busy and window.progress.isVisibleTo(window)
        assert "矩阵.docx" in window.progress.message.text()
        assert not window.export_button.isEnabled() and not window.run_button.isEnabled()
    assert written.args == [str(target)] and target.is_file()
    assert window.statusBar().currentMessage() == f"已导出：{target}"
    folder = tmp_path / "已有文件夹.xlsx"
    folder.mkdir()
    window.export_to(str(folder))
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert [(title, "文件夹" in text) for kind, title, text in dialogs.shown] == [("导出对照矩阵", True)]


def test_the_local_texts_are_listed_in_order_and_one_is_taken_out_with_delete(qtbot, make_window, tmp_path):
    """A wrong file among many is seen and taken out alone (only a count was shown, and 清空地方文件
    took all of them); the numbers are the order compared, a chain's 1 the province."""
    texts = []
    for seed, name in ((7, "浙江.txt"), (8, "误选的文件.txt"), (9, "江苏.txt")):
        texts.append(tmp_path / name)
        texts[-1].write_text(make_variant(load_outline(SAMPLE_NATIONAL), seed).text, encoding="utf-8")
    window = open_batch_window(make_window())
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(t) for t in texts])
    shown = [window.locals_list.item(row).text() for row in range(window.locals_list.count())]
    assert shown == ["1. 浙江.txt", "2. 误选的文件.txt", "3. 江苏.txt"]
    assert not window.remove_button.isEnabled()
    window.locals_list.item(1).setSelected(True)
    assert window.remove_button.isEnabled()
    window.activateWindow()
    window.locals_list.setFocus()
    qtbot.waitUntil(window.locals_list.hasFocus)
    QTest.keyClick(window.locals_list, Qt.Key.Key_Delete)
    assert window.local_files == [str(texts[0]), str(texts[2])]
    assert [window.locals_list.item(row).text() for row in range(2)] == ["1. 浙江.txt", "2. 江苏.txt"]
    assert window.locals_label.text() == "地方文件：2 个" and window.chain_button.isEnabled()
    window.locals_list.item(0).setSelected(True)
    window.remove_button.click()
    assert window.local_files == [str(texts[2])] and window.locals_list.count() == 1


def _proxy_row(window: BatchWindow, row: int) -> int:
    return next(i for i in range(window.proxy.rowCount())
                if window.proxy.mapToSource(window.proxy.index(i, 0)).row() == row)


def test_a_double_clicked_cell_opens_the_review_on_its_item(qtbot, make_window, local_files):
    """The reviewer double-clicks 浙江省's cell of one clause: the pair's review opens on that
    clause, not on the first one; asked again with the pair open, it moves there."""
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    batch = window.batch
    rows = [len(batch.items) // 2, len(batch.items) - 1]
    index = window.proxy.index(_proxy_row(window, rows[0]), len(FIXED_COLUMNS) + 1)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.table.doubleClicked.emit(index)
    assert main_window.current_row().item == batch.items[rows[0]].id
    window.table.doubleClicked.emit(window.proxy.index(_proxy_row(window, rows[1]), len(FIXED_COLUMNS) + 1))
    assert main_window.current_row().item == batch.items[rows[1]].id


NATIONAL_STATUTE = """示例管理条例

第一章 总则

第一条 为了规范示例事务的管理，保障当事人的合法权益，制定本条例。

第二条 本条例适用于在中华人民共和国境内从事示例活动的单位和个人。

第二章 管理

第三条 县级以上人民政府应当加强对示例工作的领导，将示例工作纳入国民经济和社会发展规划。

第四条 示例单位应当建立健全内部管理制度，定期开展安全检查，及时消除隐患。

第五条 任何单位和个人不得伪造、变造示例证明文件。

第三章 附则

第六条 本条例自2030年1月1日起施行。
"""

PROVINCIAL_STATUTE = """浙江省示例管理条例实施办法

第一条 为了实施《示例管理条例》，规范本省示例事务的管理，结合本省实际，制定本办法。

第二条 本办法适用于本省行政区域内从事示例活动的单位和个人。

第三条 示例单位应当建立健全内部管理制度，每季度开展一次安全检查，及时消除隐患。

第四条 本办法自2031年1月1日起施行。
"""


def test_a_statutes_cell_opens_the_review_on_the_articles_first_sentence(qtbot, make_window, tmp_path):
    national, provincial = tmp_path / "示例管理条例.txt", tmp_path / "浙江实施办法.txt"
    national.write_text(NATIONAL_STATUTE, encoding="utf-8")
    provincial.write_text(PROVINCIAL_STATUTE, encoding="utf-8")
    main_window = make_window()
    window = open_batch_window(main_window)
    window.workers = 1
    window.set_national(str(national))
    window.add_locals([str(provincial)])
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()
    batch = window.batch
    row = next(r for r, item in enumerate(batch.items) if item.label.endswith("第四条"))
    window.table.setCurrentIndex(window.proxy.index(_proxy_row(window, row), len(FIXED_COLUMNS)))
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_Return)
    first = batch.national.section(batch.items[row].section).clauses[0]
    assert main_window.current_row().item == f"N{first.id}"
    assert main_window.current_row().item != main_window.table_model.rows()[0].item


def test_the_item_and_its_counts_stay_in_view_while_many_provinces_scroll_by(qtbot, make_window, tmp_path):
    """Twelve provinces do not fit beside the items: scrolled to the last province, the item
    column and its counts are still at the left; a cell reached with the arrow keys is never
    under them; clicking the item column's title sorts by it as the table's own title did."""
    national = load_outline(SAMPLE_NATIONAL)
    texts = []
    for seed in range(12):
        texts.append(tmp_path / f"省{seed:02d}.txt")
        texts[-1].write_text(make_variant(national, seed).text, encoding="utf-8")
    window = open_batch_window(make_window())
    window.resize(900, 600)
    _run(qtbot, window, texts)
    table, frozen = window.table, window.table.frozen
    scroll = table.horizontalScrollBar()
    assert scroll.maximum() > 0  # the provinces do not fit: the matrix scrolls sideways
    scroll.setValue(scroll.maximum())
    row = table.rowAt(table.viewport().height() // 2)
    assert table.visualRect(window.proxy.index(row, 0)).right() < 0  # the table's own went by
    left = table.viewport().mapTo(window, QPoint(4, table.rowViewportPosition(row) + 4))
    under = window.childAt(left)
    assert under is frozen.viewport()
    assert frozen.indexAt(frozen.viewport().mapFrom(window, left)) == window.proxy.index(row, 0)
    for column in range(len(FIXED_COLUMNS)):
        assert frozen.columnWidth(column) == table.columnWidth(column)
    # The keys walk back to the first province: it comes out from under the frozen columns.
    last = window.proxy.columnCount() - 1
    table.setCurrentIndex(window.proxy.index(row, last))
    _matrix_has_the_keys(qtbot, window)
    for _ in range(last - len(FIXED_COLUMNS)):
        QTest.keyClick(table, Qt.Key.Key_Left)
        assert table.visualRect(table.currentIndex()).left() >= table.frozen_width()
    assert window.selected_local() == 0
    header = frozen.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2))
    labels = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert labels == [item.label for item in window.batch.items]  # the national text's order


def _drop(window: BatchWindow, paths, widget) -> None:
    """Drop files from the file manager over ``widget`` of the batch window."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    # Delivered as Qt delivers it: to the innermost widget under the pointer, passed up to
    # the first one that takes it.
    under = window.childAt(widget.mapTo(window, widget.rect().center()))
    where = under.mapFrom(widget, widget.rect().center())
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(under, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(under, drop)


def test_files_dragged_from_the_file_manager_are_taken(qtbot, make_window, tmp_path):
    """The provinces' files dropped on the window are the local texts, a folder's too; the
    national file dropped on its line is the national text."""
    national = load_outline(SAMPLE_NATIONAL)
    folder = tmp_path / "各省"
    folder.mkdir()
    for seed, name in ((7, "浙江.txt"), (8, "江苏.txt"), (9, "安徽.txt")):
        (folder / name).write_text(make_variant(national, seed).text, encoding="utf-8")
    window = open_batch_window(make_window())
    _drop(window, [folder / "浙江.txt", folder / "江苏.txt"], window.table)
    assert window.local_files == [str(folder / "浙江.txt"), str(folder / "江苏.txt")]
    assert "选择国家文件" in window.statusBar().currentMessage()  # the national one is still wanted
    _drop(window, [SAMPLE_NATIONAL], window.national_label)
    assert window.national == str(SAMPLE_NATIONAL) and len(window.local_files) == 2
    _drop(window, [folder], window.detail)
    assert sorted(window.local_files) == sorted(str(p) for p in folder.iterdir())
    assert window.run_button.isEnabled()


def test_an_exported_matrix_is_offered_to_open_or_its_folder(qtbot, make_window, local_files, tmp_path,
                                                             monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    target = tmp_path / "对照矩阵.docx"
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS):
        window.export_to(str(target))
    box = window.export_dialog
    assert box is not None and box.isVisible() and target.name in box.text()
    buttons = {button.text(): button for button in box.buttons()}
    buttons["打开所在文件夹"].click()
    assert opened == [str(tmp_path)]
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS):
        window.export_to(str(target))
    [b for b in window.export_dialog.buttons() if b.text() == "打开文件"][0].click()
    assert opened[-1] == str(target)


def test_a_national_file_that_cannot_be_read_is_named_as_the_national_one(qtbot, make_window, local_files,
                                                                           tmp_path, dialogs):
    """Among twenty files, the box says it is the national text that stopped the batch."""
    empty = tmp_path / "国家文件.txt"
    empty.write_bytes(b"")
    window = open_batch_window(make_window())
    window.workers = 1
    window.set_national(str(empty))
    window.add_locals([str(p) for p in local_files])
    window.run_button.click()
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    [text] = dialogs.texts("warning")
    assert text.startswith("国家文件无法读取：") and "空的" in text and f"文件：{empty}" in text
    assert window.batch is None and window.local_files == [str(p) for p in local_files]


def test_clearing_many_local_texts_is_asked_first(qtbot, make_window, local_files, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window = open_batch_window(make_window())
    window.add_locals([str(p) for p in local_files])
    window.clear_button.click()
    assert "全部 2 个地方文件" in asked[0] and len(window.local_files) == 2  # cancelled: kept
    window.clear_button.click()
    assert window.local_files == [] and window.locals_list.count() == 0
    window.add_locals([str(local_files[0])])
    window.clear_button.click()  # one file: nothing to lose that is not chosen again at once
    assert window.local_files == [] and len(asked) == 2


def test_f5_starts_the_batch_as_it_starts_a_comparison_in_the_main_window(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    _matrix_has_the_keys(qtbot, window)
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_F5)
    assert [local.path for local in window.batch.locals] == [str(p) for p in local_files]


def test_the_national_text_or_another_column_is_not_taken_as_a_new_version(qtbot, make_window, local_files,
                                                                           dialogs):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    before = window.batch
    window.reimport(1, str(SAMPLE_NATIONAL))
    window.reimport(1, str(local_files[0]))
    assert not window.busy and window.batch is before
    national, other = dialogs.texts("warning")
    assert "国家文件本身" in national and "浙江省" in national
    assert f"已是{before.locals[0].name}一列" in other


def test_the_item_column_is_still_widened_by_dragging_its_title(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    table, header = window.table, window.table.frozen.horizontalHeader()
    before = table.columnWidth(0)
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + 60, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    assert table.columnWidth(0) == window.table.frozen.columnWidth(0) > before
    assert table.frozen.width() == table.frozen_width()


def test_a_folder_holding_only_the_national_file_says_so_not_that_it_is_empty(qtbot, make_window, tmp_path,
                                                                               monkeypatch, dialogs):
    folder = tmp_path / "国家"
    folder.mkdir()
    national = folder / "国家.docx"
    national.write_bytes(SAMPLE_NATIONAL.read_bytes())
    monkeypatch.setattr("desktop.batch_inputs.QFileDialog.getExistingDirectory",
                        lambda *args, **kwargs: str(folder))
    window = open_batch_window(make_window())
    window.set_national(str(national))
    window.choose_folder()
    assert dialogs.texts() == []  # was: 文件夹“国家”中没有可以对照的文件
    assert "国家文件本身或其副本 1 个" in window.statusBar().currentMessage()
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    monkeypatch.setattr("desktop.batch_inputs.QFileDialog.getExistingDirectory",
                        lambda *args, **kwargs: str(empty))
    window.choose_folder()
    assert any("没有可以对照的文件" in text for text in dialogs.texts("information"))


def test_after_the_batch_the_keys_work_on_the_matrix(qtbot, make_window, local_files):
    """Tab to 开始批量对照, Space, then the arrows and Enter: no click to reach the matrix."""
    main_window = make_window()
    window = open_batch_window(main_window)
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    window.activateWindow()
    window.run_button.setFocus()
    qtbot.waitUntil(window.run_button.hasFocus)
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.run_button, Qt.Key.Key_Space)
    qtbot.waitUntil(window.table.hasFocus)
    QTest.keyClick(window.table, Qt.Key.Key_Right)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert Path(main_window.project.path) == window.pair_project_path(1)


def test_the_list_says_which_files_could_not_be_compared(qtbot, make_window, local_files, tmp_path):
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    window = open_batch_window(make_window())
    _run(qtbot, window, [*local_files, empty])
    shown = [window.locals_list.item(row).text() for row in range(window.locals_list.count())]
    assert shown[2].startswith("3. 空白.txt") and "无法对照" in shown[2] and "空的" in shown[2]
    assert all("无法对照" not in text for text in shown[:2])
    assert window.statusBar().currentMessage() == "已对照 2 个地方文件，1 个无法对照（原因见地方文件列表）。"


def test_every_menu_entry_and_button_of_the_batch_window_has_an_access_key_of_its_own(
        qtbot, make_window, local_files, dialogs):
    """The main window's menu items got access keys (选择国家文件(&G)…); the batch window's
    buttons had none, nor the 全选 of its side pane's right-click menu. Every menu of the window
    (the menu bar's, a button's, the side pane's) is read, never shown (a shown menu waits for a
    click): each enabled entry has a key, none shared within a menu; the buttons and the label of
    对照单位 share Alt's keys across the window, so none is shared there."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

    from desktop.window_common import plain_label

    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    roots = [(a.menu().title(), a.menu()) for a in window.menuBar().actions() if a.menu() is not None]
    roots.append(("右侧窗格的右键菜单", window.detail_menu(window.detail.viewport().rect().center())))
    roots += [(button.text(), button.menu()) for button in window.findChildren(QPushButton)
              if button.menu() is not None]
    roots += [(menu.title(), menu) for menu in window.findChildren(QMenu)]
    checked = keyed_entries([("菜单栏", window.menuBar().actions()), *menus_under(roots)])
    assert checked >= 2  # the side pane's 复制 and 全选 at least
    # The buttons (the progress panel's 取消 is the main window's too, and shown only while a
    # task runs) and 对照单位, whose key goes to its box.
    own = [w for w in (*window.findChildren(QPushButton), *window.findChildren(QLabel))
           if w.text() and not window.progress.isAncestorOf(w)
           and (isinstance(w, QPushButton) or w.buddy() is not None)]
    assert len(own) >= 11
    keys = {}
    for widget in own:
        key = access_key(widget.text())
        assert key, f"“{widget.text()}”没有访问键"
        assert key not in keys, f"“{widget.text()}”和“{keys[key]}”同用 {key}"
        keys[key] = widget.text()
    assert window.unit_label.buddy() is window.unit_box
    # The keys stay on the buttons: tooltips show none, and a button quoted elsewhere is quoted
    # by its label without it.
    for widget in window.findChildren(QWidget):
        assert "(&" not in widget.toolTip(), widget.toolTip()
    window.clear_button.click()  # two files: asked first (answered as not Yes: kept)
    [asked] = dialogs.texts("question")
    assert f"“{plain_label(window.remove_button.text())}”" in asked  # 点“移除所选”或按 Delete
    # Shortcuts kept beside the keys, and a key does what its button does.
    shortcuts = {shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
                 for shortcut in window.findChildren(QShortcut)}
    assert {"F5", "Del"} <= shortcuts
    with qtbot.waitActive(window):
        window.activateWindow()
    window.locals_list.item(0).setSelected(True)
    window.locals_list.setFocus()
    qtbot.waitUntil(window.locals_list.hasFocus)
    QTest.keyClick(window.locals_list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 移除所选(&R)
    qtbot.waitUntil(lambda: len(window.local_files) == 1)  # a button's key clicks it animated
    assert Path(window.local_files[0]).name == local_files[1].name
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # 对照单位(&U)
    assert window.unit_box.hasFocus()
