"""A project open for writing elsewhere: the window says where and offers 只读打开."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from core.project import Project
from tests.desktop.conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL


@pytest.fixture
def held_project(tmp_path, sample_comparison):
    """A project held open for writing, as another window of this process would."""
    path = tmp_path / "被占用的项目.duizhao"
    Project.create(path, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, sample_comparison).close()
    holder = Project.open(path)
    yield path
    holder.close()


def _answer_with(monkeypatch, label: str) -> list[str]:
    """Answer the next message box by pressing the button named ``label``; its text is kept."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == label).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_a_locked_project_can_be_opened_read_only(qtbot, make_window, held_project, monkeypatch):
    window = make_window()
    shown = _answer_with(monkeypatch, "只读打开")
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(held_project)
    assert shown and "另一个窗口" in shown[0] and "只读" in shown[0]
    assert window.project.read_only
    assert "只读" in window.windowTitle()


def test_cancel_leaves_the_window_as_it_was(qtbot, make_window, held_project, monkeypatch):
    window = make_window()
    shown = _answer_with(monkeypatch, "取消")
    window.open_project(held_project)
    qtbot.waitUntil(lambda: bool(shown) and not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.project is None


def test_a_batch_pair_review_is_carried_while_its_project_is_open(held_project, tmp_path):
    from desktop.batch_view import carry_pair_review

    new = tmp_path / "新版.duizhao"
    note = carry_pair_review(held_project, new, str(SAMPLE_PROVINCIAL))
    assert "沿用" in note
    with Project.open(new) as project:
        assert project.comparison.clauses
