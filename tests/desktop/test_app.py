"""`duizhao app --screenshot`, the settings module and the cli entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QByteArray

from core.cli import build_parser
from desktop import app as app_module
from desktop import settings as keys
from desktop.app import create_application
from desktop.dialogs import SettingsDialog
from desktop.settings import Settings

from .conftest import REPO


@pytest.mark.slow
def test_screenshot_writes_a_png(tmp_path):
    target = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUIZHAO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", "import sys; from core.cli import main; sys.exit(main())",
                             "app", "--screenshot", str(target)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_cli_parses_the_app_command():
    args = build_parser().parse_args(["app", "a.docx", "b.docx"])
    assert args.files == ["a.docx", "b.docx"] and args.screenshot is None
    assert build_parser().parse_args(["app", "--screenshot", "x.png"]).screenshot == "x.png"


def test_settings_keep_types_and_defaults(tmp_path):
    store = Settings(tmp_path / "s.ini")
    assert store.get(keys.REVIEWER) == "" and store.get(keys.REOPEN_LAST_PROJECT) is True
    store.set(keys.REOPEN_LAST_PROJECT, False)
    store.add_recent("project", tmp_path / "a.duizhao")
    store.set_layout(keys.GEOMETRY, QByteArray(b"\x01\x02"))
    again = Settings(tmp_path / "s.ini")
    assert again.get(keys.REOPEN_LAST_PROJECT) is False
    assert [(r.kind, Path(r.path).name) for r in again.recent_files()] == [("project", "a.duizhao")]
    assert again.layout(keys.GEOMETRY) == QByteArray(b"\x01\x02")
    for number in range(15):
        again.add_recent("national", tmp_path / f"{number}.docx")
    assert len(again.recent_files()) == keys.RECENT_LIMIT
    assert Path(again.recent_files()[0].path).name == "14.docx"


def test_settings_reach_the_disk_without_an_explicit_sync(qtbot, tmp_path):
    """set() leaves the write to Qt's event loop; it must still happen, soon."""
    path = tmp_path / "s.ini"
    store = Settings(path)  # kept alive: its destructor would write the file anyway
    store.set(keys.REVIEWER, "张审核")
    qtbot.waitUntil(lambda: path.is_file() and "张审核" in path.read_text(encoding="utf-8"),
                    timeout=5000)


def test_settings_dialog_edits_the_reviewer(qtbot, tmp_path):
    store = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("  李四 ")
    dialog.reopen.setChecked(False)
    dialog.accept()
    assert store.get(keys.REVIEWER) == "李四"
    assert store.get(keys.REOPEN_LAST_PROJECT) is False


def test_the_binding_cannot_drain_none_or_true():
    """PySide6 6.12.0 on CPython 3.11 loses a reference to None per void call (bool_dealloc /
    none_dealloc aborts after a few thousand clicks); importing desktop must guard against it."""
    from PySide6.QtCore import QObject

    from desktop import qtcompat

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("probe")
    drained = before - sys.getrefcount(None)
    assert drained < 1000 or sys.getrefcount(None) > 2 ** 39
    assert qtcompat.GUARDED == (drained >= 1000 and sys.version_info < (3, 12))


def test_the_application_lets_the_window_thread_in_often(qapp):
    """A compare on a worker must not keep the window waiting for the interpreter for long."""
    create_application()
    assert sys.getswitchinterval() <= app_module.GUI_SWITCH_INTERVAL_S
