"""Entry script of the frozen windowed program `duizhao-app`: the desktop app.

The file association passes a `.duizhao` project (or two documents) as arguments.
"""

import os
import sys


def _give_streams_somewhere() -> None:
    # A windowed program on Windows starts with sys.stdout and sys.stderr set to None; a library
    # writing to them (a warning, a progress line) would raise. Point them at the null device.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


if __name__ == "__main__":
    _give_streams_somewhere()
    from core import frozen

    frozen.enable_workers()  # a batch's spawned workers re-run this script
    from desktop.app import main

    sys.exit(main(sys.argv[1:]))
