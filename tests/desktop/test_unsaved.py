"""A decision the project cannot write (a full disk mid-session) stays on screen, marked 未保存."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from core.model import Comparison, Status
from core.project import Project
from desktop.models import ClauseTableModel, UnsavedRole
from tests.desktop.conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL
from tests.hostile.test_durability import _fill, _mount_tmpfs


@pytest.fixture
def disk(tmp_path):
    """A small tmpfs of its own, to be filled up while a project on it is open (root only)."""
    mount = tmp_path / "disk"
    if not _mount_tmpfs(mount, "8m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def open_on_disk(qtbot, make_window, disk: Path, comparison: Comparison):
    """A real project of the sample pair (``comparison``) on the small disk, open in a shown window."""
    path = disk / "审核项目.duizhao"
    Project.create(path, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, comparison).close()
    window = make_window()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(path)
    return window, path


def gap_items(window, count: int) -> list[str]:
    items = [row.item for row in window.table_model.rows() if row.status is Status.MISSING]
    assert len(items) >= count
    return items[:count]


def status_text(window, item: str) -> str:
    return window.table_model.index_for(item, ClauseTableModel.COL_STATUS).data()


def decide(window, item: str, status: Status, note: str = "") -> None:
    assert window.select_item(item)
    QTest.keyClick(window.table, Qt.Key.Key_1 if status is Status.COVERED else Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier)
    if note:
        window.set_note(item, note)


def answer_unsaved(*labels: str) -> list[str]:
    """Click the 未保存 question's buttons in turn as it comes up; returns the texts it showed."""
    answers, seen = list(labels), []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "unsavedDialog":
            seen.append(box.text())
            label = answers.pop(0)
            next(button for button in box.buttons() if button.text() == label).click()
        if answers:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_a_decision_on_a_full_disk_stays_marked_unsaved_until_saved(qtbot, make_window, dialogs,
                                                                   disk, sample_comparison):
    window, path = open_on_disk(qtbot, make_window, disk, sample_comparison)
    first, second, third = gap_items(window, 3)
    decide(window, first, Status.COVERED)
    assert dialogs.shown == []

    filler = _fill(disk)
    decide(window, second, Status.PARTIAL, note="已在第五部分部署")
    # Said once, with what became of the decision.
    assert len(dialogs.texts("warning")) == 1
    message = dialogs.texts("warning")[0]
    assert "磁盘空间已满" in message or "无法写入磁盘" in message
    assert "未保存" in message and "sqlite" not in message.lower()
    # The decision is on its row as chosen, marked, and nowhere in the file yet.
    row = window.table_model.row_for(second)
    assert row.status is Status.PARTIAL and row.note == "已在第五部分部署" and row.unsaved
    assert status_text(window, second) == "部分覆盖（未保存）"
    assert window.table_model.index_for(second).data(UnsavedRole) is True
    assert window.review_panel.item == second and not window.review_panel.unsaved_label.isHidden()
    assert "未保存 <b>1</b>" in window.summary.text()
    assert not window.undo_action.isEnabled()
    assert {d.item for d in window.project.decisions()} == {first}
    assert status_text(window, first) == "已覆盖（改判）"

    # The next decision tries again, fails again: both wait, no second box.
    decide(window, third, Status.COVERED)
    assert len(dialogs.texts("warning")) == 1
    assert "2 条审核决定尚未保存" in window.statusBar().currentMessage()
    assert window.table_model.row_for(third).unsaved and window.table_model.row_for(second).unsaved
    assert "未保存 <b>2</b>" in window.summary.text()
    assert window.select_item(first) and window.review_panel.unsaved_label.isHidden()

    # 保存 (Ctrl+S) on the full disk says so; both still wait.
    QTest.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs.texts("warning")) == 2
    assert "2 条审核决定尚未保存" in dialogs.texts("warning")[1]
    assert len(window.unsaved) == 2

    # Space again: 保存 (Ctrl+S) writes both, the marks go, undo is back.
    filler.unlink()
    QTest.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.unsaved == {}
    assert not any(row.unsaved for row in window.table_model.rows())
    assert status_text(window, second) == "部分覆盖（改判）"
    assert "未保存" not in window.summary.text()
    assert window.undo_action.isEnabled()
    assert len(dialogs.texts("warning")) == 2
    assert window.statusBar().currentMessage().startswith("已保存")
    window.project.close()
    window.project = None
    with Project.open(path) as again:
        saved = {d.item: d for d in again.decisions()}
    assert set(saved) == {first, second, third}
    assert saved[second].status is Status.PARTIAL and saved[second].note == "已在第五部分部署"
    assert saved[third].status is Status.COVERED


def test_closing_with_unsaved_decisions_asks_and_save_as_keeps_them(qtbot, make_window, dialogs,
                                                                   disk, save_path, sample_comparison):
    window, path = open_on_disk(qtbot, make_window, disk, sample_comparison)
    first, second = gap_items(window, 2)
    decide(window, first, Status.COVERED)
    _fill(disk)
    decide(window, second, Status.PARTIAL, note="待补充")
    assert window.table_model.row_for(second).unsaved

    # 取消 keeps the window and the decision.
    seen = answer_unsaved("取消")
    window.close()
    assert seen and "1 条审核决定未能保存" in seen[0]
    assert window.isVisible() and window.table_model.row_for(second).unsaved

    # 重试保存 on the still full disk asks again; 另存为 puts everything elsewhere and closes.
    seen = answer_unsaved("重试保存", "另存为…")
    window.close()
    assert len(seen) == 2
    assert not window.isVisible()
    assert len(save_path) == 1
    with Project.open(save_path[0]) as copy:
        saved = {d.item: d for d in copy.decisions()}
    assert set(saved) == {first, second}
    assert saved[second].status is Status.PARTIAL and saved[second].note == "待补充"


def test_closing_and_discarding_unsaved_decisions(qtbot, make_window, dialogs, disk,
                                                  sample_comparison):
    window, path = open_on_disk(qtbot, make_window, disk, sample_comparison)
    first, second = gap_items(window, 2)
    decide(window, first, Status.COVERED)
    filler = _fill(disk)
    decide(window, second, Status.PARTIAL)
    # Putting the project away (新建对照) asks too; 取消 keeps it and the decision.
    seen = answer_unsaved("取消")
    window.new_comparison()
    assert len(seen) == 1
    assert window.project is not None and window.table_model.row_for(second).unsaved
    seen = answer_unsaved("放弃")
    window.close()
    assert len(seen) == 1 and not window.isVisible()
    filler.unlink()
    with Project.open(path) as again:
        assert {d.item for d in again.decisions()} == {first}
