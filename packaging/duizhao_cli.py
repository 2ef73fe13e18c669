"""Entry script of the frozen console program `duizhao` (the CLI, including --selftest)."""

import subprocess
import sys
from pathlib import Path

from core import frozen


def _run_window(arguments: list[str]) -> int:
    """`duizhao app …`: the windowed program beside this one opens the window.

    This program is built without Qt's start-up hook (build.spec), so that every other command
    starts without loading Qt; duizhao-app takes the same arguments as `duizhao app`.
    """
    name = "duizhao-app.exe" if sys.platform == "win32" else "duizhao-app"
    return subprocess.call([str(Path(sys.executable).with_name(name)), *arguments])


if __name__ == "__main__":
    frozen.enable_workers()  # a batch's spawned workers re-run this script
    if sys.argv[1:2] == ["app"]:
        sys.exit(_run_window(sys.argv[2:]))
    from core.cli import main

    sys.exit(main())
