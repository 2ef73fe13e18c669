"""Whether a frozen (PyInstaller) program may start worker processes: a light module its entry
scripts import first, before anything heavy is loaded."""

from __future__ import annotations

import multiprocessing

_workers_ready = False


def enable_workers() -> None:
    """Called at the start of a frozen entry script's ``__main__``: a spawned worker re-runs the
    entry script, and ``multiprocessing.freeze_support()`` turns that run into the worker."""
    global _workers_ready
    multiprocessing.freeze_support()
    _workers_ready = True


def workers_ready() -> bool:
    """Whether ``enable_workers`` was called in this process."""
    return _workers_ready
