"""Entry script of the frozen console program `duizhao` (the CLI, including --selftest)."""

import sys

from core import frozen

if __name__ == "__main__":
    frozen.enable_workers()  # a batch's spawned workers re-run this script
    from core.cli import main

    sys.exit(main())
