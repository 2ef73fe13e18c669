"""The one worker helper: result, error, cancellation and progress come back by signal."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from core.errors import Cancelled, DocumentReadError
from desktop.worker import Task


def test_result_and_progress_arrive_in_the_gui_thread(qtbot):
    gui = threading.get_ident()

    def work(progress, cancel):
        for done in range(1, 4):
            progress(done, 3, "步骤")
        return threading.get_ident()

    results, progress = [], []
    task = Task(work)
    task.succeeded.connect(results.append)
    task.progressed.connect(lambda d, t, m: progress.append((d, t, threading.get_ident())))
    task.start()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0] != gui
    assert progress[-1][:2] == (3, 3) and all(p[2] == gui for p in progress)
    assert not task.running


def test_errors_come_back_with_their_trace(qtbot):
    def work(progress, cancel):
        raise DocumentReadError("无法读取文件。", path="x.docx")

    errors = []
    task = Task(work)
    task.failed.connect(errors.append)
    task.start()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], DocumentReadError)
    assert "DocumentReadError" in errors[0].__traceback_text__


def test_cancel_stops_work_at_its_next_check(qtbot):
    started = threading.Event()

    def work(progress, cancel):
        started.set()
        while not cancel():
            time.sleep(0.005)
        raise Cancelled()

    task = Task(work)
    outcomes = []
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    task.succeeded.connect(lambda r: outcomes.append("result"))
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert outcomes == ["cancelled"]


def test_a_task_whose_owner_is_gone_drops_its_outcome(qtbot):
    """A window closed while its work runs: the late result must not reach a deleted task."""
    release = threading.Event()
    finished = threading.Event()

    def work(progress, cancel):
        release.wait(5)
        progress(1, 1, "完成")
        finished.set()
        return "late result"

    owner = QObject()
    task = Task(work, owner)
    results = []
    task.succeeded.connect(results.append)
    task.start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(task), timeout=5000)
    release.set()
    assert finished.wait(5)
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # the queued outcome is delivered, and dropped, here
    assert results == []
