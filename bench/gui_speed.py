"""How the desktop app feels: start-up, compare to results on screen, and the GUI staying live."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
TICK_MS = 10
TIMEOUT_S = 120.0

# Run in a fresh interpreter: prints the wall-clock time at which the window was first exposed.
_LAUNCH_PROBE = """
import sys, time
from desktop.app import create_application
from desktop.main_window import MainWindow
from desktop.settings import Settings
app = create_application()
window = MainWindow(Settings(sys.argv[1]), remember_layout=False, headless=True)
window.show()
while not window.windowHandle() or not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print(time.time())
window.close()
"""


def _launch_seconds(folder: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               DUIZHAO_DATA_DIR=str(folder / "data"))
    started = time.time()
    result = subprocess.run([sys.executable, "-c", _LAUNCH_PROBE, str(folder / "launch.ini")],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                            check=True)
    return float(result.stdout.strip().splitlines()[-1]) - started


def _compare_once(window, target: Path) -> tuple[float, float]:
    """Click 开始对照 and wait until the result is on screen; (seconds, longest tick gap in ms)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    window.ask_project_path = lambda default: target
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    window.project_shown.connect(loop.quit)
    window.task_finished.connect(loop.quit)
    QTimer.singleShot(int(TIMEOUT_S * 1000), loop.quit)
    clock.start()
    ticker.start()
    window.compare_button.click()
    if window.busy:
        loop.exec()
    # "Shown": the window has painted the new rows.
    window.repaint()
    seconds = clock.nsecsElapsed() / 1e9
    ticker.stop()
    window.project_shown.disconnect(loop.quit)
    window.task_finished.disconnect(loop.quit)
    if window.project is None:
        raise RuntimeError("the compare did not produce a project")
    return seconds, max(gaps, default=seconds * 1000)


def gui_timings() -> dict[str, float]:
    """Measure the app on the sample pair (offscreen unless a display is set); prints nothing.

    Returns:
        launch_to_window_s: a new process (interpreter, imports, window) until its window shows.
        first_compare_to_results_s: click 开始对照 → results painted, first compare in the process
            (includes loading jieba's dictionary).
        compare_to_results_s: the same, warm.
        longest_event_loop_block_ms: the longest gap between ticks of a 10 ms QTimer during
            both compares (how long the window was ever unresponsive).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="duizhao-gui-bench-") as name:
        folder = Path(name)
        launch = _launch_seconds(folder)
        previous = os.environ.get("DUIZHAO_DATA_DIR")
        os.environ["DUIZHAO_DATA_DIR"] = str(folder / "data")  # pasted text, logs: not the user's
        try:
            first, warm, block = _compare_twice(folder)
        finally:
            if previous is None:
                os.environ.pop("DUIZHAO_DATA_DIR", None)
            else:
                os.environ["DUIZHAO_DATA_DIR"] = previous
    return {
        "launch_to_window_s": launch,
        "first_compare_to_results_s": first,
        "compare_to_results_s": warm,
        "longest_event_loop_block_ms": block,
    }


def _compare_twice(folder: Path) -> tuple[float, float, float]:
    """The first (cold) and a second (warm) compare of the sample pair in one window."""
    from desktop.app import create_application
    from desktop.main_window import NATIONAL, PROVINCIAL, MainWindow
    from desktop.settings import Settings

    create_application()
    window = MainWindow(Settings(folder / "bench.ini"), remember_layout=False, headless=True)
    window.resize(1500, 920)
    window.show()
    window.set_document_file(NATIONAL, str(SAMPLES / "national-guideline-sample.docx"))
    window.set_document_file(PROVINCIAL, str(SAMPLES / "provincial-opinion-sample.docx"))
    try:
        first, first_block = _compare_once(window, folder / "first.duizhao")
        window.new_comparison()
        window.set_document_file(NATIONAL, str(SAMPLES / "national-guideline-sample.docx"))
        window.set_document_file(PROVINCIAL, str(SAMPLES / "provincial-opinion-sample.docx"))
        warm, warm_block = _compare_once(window, folder / "warm.duizhao")
    finally:
        if window.project is not None:
            window.project.close()
            window.project = None
        window.close()
        window.deleteLater()
    return first, warm, max(first_block, warm_block)
