"""The one way the app runs long work off the GUI thread: a QRunnable on the global QThreadPool.

The work is a plain function ``work(progress, cancel)`` (the same callables core's long jobs
accept); its result, error, cancellation and progress come back to the GUI thread by signal.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.errors import Cancelled

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], Any]

# Progress from the engine comes per clause; more than ~20 updates a second only costs the GUI.
PROGRESS_INTERVAL = 0.05


class _Relay(QObject):
    """Lives in the GUI thread: signals emitted by the worker reach its slots queued.

    The task may be gone by the time an outcome arrives (its parent window was closed while
    the work ran); the outcome then has no one to go to and is dropped.
    """

    progress_posted = Signal(int, int, str)
    result_posted = Signal(object)
    error_posted = Signal(object)
    cancel_posted = Signal()

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.progress_posted.connect(self._on_progress)
        self.result_posted.connect(self._on_result)
        self.error_posted.connect(self._on_error)
        self.cancel_posted.connect(self._on_cancel)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if not shiboken6.isValid(self._task):
            return
        self._task.progressed.emit(done, total, message)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if not shiboken6.isValid(self._task):
            return
        self._task.finish()
        self._task.succeeded.emit(result)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        if not shiboken6.isValid(self._task):
            return
        self._task.finish()
        self._task.failed.emit(error)

    @Slot()
    def _on_cancel(self) -> None:
        if not shiboken6.isValid(self._task):
            return
        self._task.finish()
        self._task.cancelled.emit()


class Task(QObject):
    """A piece of work on the thread pool. Connect to its signals, then call ``start()``.

    Signals (all delivered in the GUI thread):
        progressed(done, total, message): throttled progress.
        succeeded(result): the work's return value.
        failed(error): the exception it raised (``error.__traceback_text__`` holds the trace).
        cancelled(): the work stopped at the cancel flag (raised ``core.errors.Cancelled``).
        finished(): after any of the three outcomes.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._running = False
        self._last_progress = 0.0
        self._runnable = QRunnable.create(self._run)
        self._runnable.setAutoDelete(False)

    @property
    def running(self) -> bool:
        """Started and not yet finished."""
        return self._running

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the work on the pool (the global one by default)."""
        self._running = True
        (pool or QThreadPool.globalInstance()).start(self._runnable)

    def cancel(self) -> None:
        """Ask the work to stop at its next cancel check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """The cancel flag, as core's ``cancel`` callables expect it."""
        return self._cancel.is_set()

    def finish(self) -> None:
        self._running = False
        self.finished.emit()

    def _progress(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self._relay.progress_posted.emit(done, total, message)

    def _run(self) -> None:
        try:
            result = self._work(self._progress, self.is_cancelled)
        except Cancelled:
            self._relay.cancel_posted.emit()
        except BaseException as error:  # noqa: BLE001 — every failure must reach the GUI
            error.__traceback_text__ = traceback.format_exc()
            self._relay.error_posted.emit(error)
        else:
            if self._cancel.is_set():
                self._relay.cancel_posted.emit()
            else:
                self._relay.result_posted.emit(result)
