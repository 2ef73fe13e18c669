"""Errors a user can meet become Chinese dialogs; unexpected ones are logged and apologised for."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from desktop import errors
from desktop.main_window import NATIONAL, PROVINCIAL

from tests.core.test_cli_export import small_statute

from .conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, compare_pair


def test_a_broken_document_shows_its_message(qtbot, make_window, dialogs, save_path, tmp_path):
    broken = tmp_path / "损坏的实施意见.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip file")
    kind, title, text = _refused(qtbot, make_window(), dialogs, SAMPLE_NATIONAL, broken)
    assert kind == "warning" and title == "对照"
    assert str(broken) in text and "Traceback" not in text


def _refused(qtbot, window, dialogs, national, provincial) -> tuple[str, str, str]:
    """Compare two files the app refuses: the one dialog shown (kind, title, text); no project."""
    assert window.set_document_file(NATIONAL, str(national))
    assert window.set_document_file(PROVINCIAL, str(provincial))
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window.start_compare()
    assert len(dialogs.shown) == 1 and window.project is None
    return dialogs.shown[0]


def test_an_unsupported_file_is_refused_at_once(make_window, dialogs, tmp_path):
    sheet = tmp_path / "数据.xlsx"
    sheet.write_bytes(b"not a document")
    window = make_window()
    assert not window.set_document_file(NATIONAL, str(sheet))
    assert "不支持" in dialogs.texts("warning")[0]
    assert window.choices[NATIONAL] is None


def test_a_foreign_project_file_is_reported_and_left_alone(qtbot, make_window, dialogs, tmp_path):
    foreign = tmp_path / "别的数据库.duizhao"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t(x)")
    connection.commit()
    connection.close()
    before = foreign.read_bytes()
    window = make_window()
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(foreign)
    assert "不是对照项目文件" in dialogs.texts("warning")[0]
    assert foreign.read_bytes() == before
    assert window.project is None


def test_empty_pasted_text_is_refused(make_window, dialogs):
    window = make_window()
    assert not window.set_document_text(PROVINCIAL, "  \n ", "空白")
    assert dialogs.texts("warning")


def test_unexpected_errors_are_logged_and_shown_politely(qtbot, make_window, dialogs, data_dir):
    window = make_window()

    def work(progress, cancel):
        raise RuntimeError("boom from the engine")

    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window._run(work, "测试", lambda result: None)
    text = dialogs.texts("critical")[0]
    assert "很抱歉" in text and "boom" not in text and "Traceback" not in text
    errors.setup_logging()
    try:
        errors.report_unexpected(window, RuntimeError("boom again"))
    finally:
        for handler in list(errors.logging.getLogger("duizhao").handlers):
            handler.close()
            errors.logging.getLogger("duizhao").removeHandler(handler)
    log = Path(data_dir) / "logs" / "duizhao.log"
    assert "boom again" in log.read_text(encoding="utf-8")


def test_excepthook_turns_exceptions_into_dialogs(make_window, dialogs):
    make_window()
    try:
        raise ValueError("internal detail")
    except ValueError:
        errors.excepthook(*sys.exc_info())
    assert "很抱歉" in dialogs.texts("critical")[0]
    from core.errors import ExportError
    errors.excepthook(ExportError, ExportError("目标文件为只读，无法覆盖。"), None)
    assert dialogs.texts("warning") == ["目标文件为只读，无法覆盖。"]


def test_the_same_file_on_both_sides_is_refused_with_a_reason(qtbot, make_window, dialogs, save_path):
    """It compared as 已覆盖 100% and told nothing."""
    kind, _title, text = _refused(qtbot, make_window(), dialogs, SAMPLE_NATIONAL, SAMPLE_NATIONAL)
    assert kind == "warning" and "内容完全相同" in text


def test_files_chosen_the_wrong_way_round_are_said_and_swapped_in_one_step(
        qtbot, make_window, dialogs, save_path, tmp_path, monkeypatch):
    """The Beijing text as the national one compared silently, labelled 本省对应表述."""
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: said.append(text))
    national = small_statute(tmp_path / "国务院示例条例.txt", "中华人民共和国示例条例",
                             "县级以上地方人民政府应当加强示例工作。", "2025年1月1日")
    local = small_statute(tmp_path / "北京市示例办法.txt", "北京市示例条例实施办法",
                          "本市各级人民政府应当加强示例工作。", "2026年1月1日")
    window = make_window()
    compare_pair(qtbot, window, local, national)
    assert any("两侧可能选反了" in text for text in said)
    window.swap_action.trigger()
    assert window.choices[NATIONAL].name == "国务院示例条例.txt"
    assert window.choices[PROVINCIAL].name == "北京市示例办法.txt"
    said.clear()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start_compare()
    assert not any("选反" in text for text in said)
    assert window.comparison.national.title == "中华人民共和国示例条例"
