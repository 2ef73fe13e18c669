"""Entry script of the frozen console program `duizhao` (the CLI, including --selftest)."""

import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main())
