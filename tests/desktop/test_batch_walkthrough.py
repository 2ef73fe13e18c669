"""The batch window walked through as national staff checking many provinces would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.window_common import FRAME_ALLOWANCE

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
