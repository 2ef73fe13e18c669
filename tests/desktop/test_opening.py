"""Ways in: files on the command line, drag and drop, recent files, changing one side, the reviewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from core.model import Status
from desktop import settings as keys
from desktop.main_window import NATIONAL, PROVINCIAL
from desktop.settings import Settings

from .conftest import (COMPARE_TIMEOUT_MS, CORPUS_NATIONAL, SAMPLE_NATIONAL,
                       SAMPLE_PROVINCIAL, compare_pair)


def test_files_given_on_the_command_line(qtbot, make_window, save_path):
    window = make_window()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start([str(SAMPLE_NATIONAL), str(SAMPLE_PROVINCIAL)])
    project = Path(window.project.path)
    assert save_path == []  # nothing is asked before the files are compared
    assert project.is_file()
    window.project.close()
    window.project = None
    again = make_window()
    with qtbot.waitSignal(again.project_shown, timeout=COMPARE_TIMEOUT_MS):
        again.start([str(project)])
    assert again.choices[PROVINCIAL].name == SAMPLE_PROVINCIAL.name


def test_dropping_a_file_on_a_side(qtbot, make_window):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE_PROVINCIAL))])
    slot = window.slots[PROVINCIAL]
    where = QPointF(5, 5)
    # Qt declares the enter event's position a QPoint and the drop event's a QPointF.
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(slot, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(slot, drop)
    assert window.choices[PROVINCIAL].name == SAMPLE_PROVINCIAL.name
    assert window.choices[NATIONAL] is None and not window.compare_button.isEnabled()


def test_dropping_two_files_on_the_window_compares_them(qtbot, make_window, save_path):
    window = make_window()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_dropped([str(SAMPLE_NATIONAL), str(SAMPLE_PROVINCIAL)])
    assert window.choices[NATIONAL].name == SAMPLE_NATIONAL.name


def test_recent_files_menu_reopens_a_project(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    path = window.project.path
    window.new_comparison()
    assert window.project is None and window.table_stack.currentIndex() == 0
    window._fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if "项目：" in a.text()]
    assert actions and actions[0].toolTip() == str(Path(path).resolve())
    assert actions[0].text().startswith("&1 项目：")  # numbered: its access key
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        actions[0].trigger()
    assert Path(window.project.path) == Path(path)


def test_a_new_national_file_against_the_project_provincial_makes_a_new_project(
        qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    first = Path(window.project.path)
    assert window.set_document_file(NATIONAL, str(CORPUS_NATIONAL))
    save_path.clear()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start_compare()
    assert window.comparison.national.format == "txt"
    assert Path(window.project.path) != first and first.is_file()
    assert window.choices[PROVINCIAL].name == SAMPLE_PROVINCIAL.name


@pytest.mark.slow
def test_dropping_a_new_provincial_draft_reimports_it(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    gap = next(r for r in window.table_model.rows() if r.is_gap)
    assert window.select_item(gap.item)
    window.set_status(Status.COVERED.value)
    window.open_dropped([str(SAMPLE_PROVINCIAL)])  # a single file replaces the provincial side
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.start_compare()
    assert window.project.provincial_version == 2
    assert window.table_model.row_for(gap.item).status is Status.COVERED


def test_the_reviewer_is_asked_once(qtbot, make_window, save_path, monkeypatch, tmp_path):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return "王五", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    store = Settings(tmp_path / "nobody.ini")
    window = make_window(store)
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.set_status(Status.MISSING.value)
    window.goto_gap(+1)
    window.set_status(Status.PARTIAL.value)
    assert len(asked) == 1
    assert store.get(keys.REVIEWER) == "王五"
    assert {d.reviewer for d in window.project.decisions()} == {"王五"}


def test_window_layout_is_remembered_apart_from_preferences(qtbot, dialogs, tmp_path):
    from desktop.main_window import MainWindow

    store = Settings(tmp_path / "layout.ini")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(900, 580)
    window.show()
    window.close()
    assert store.layout(keys.GEOMETRY) is not None and store.layout(keys.MAIN_SPLITTER) is not None
    again = MainWindow(store)
    qtbot.addWidget(again)
    # Restored, not the default 1500×920 (offscreen clamps the restored width to its 800×600).
    assert again.size().width() < 1500
    text = Path(store.file_name).read_text(encoding="utf-8")
    assert "[window]" in text


def test_dictionaries_load_on_a_worker_once_the_window_is_on_screen(qtbot, make_window):
    window = make_window()
    assert window.warm_up is not None and not window.warm_up.running  # waits for the expose
    with qtbot.waitSignal(window.warm_up.succeeded, timeout=COMPARE_TIMEOUT_MS):
        pass
    assert window.windowHandle().isExposed()
