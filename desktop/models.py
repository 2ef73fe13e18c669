"""Qt item models over a reviewed comparison, moved to desktop/clause_table.py (split follows)."""

from desktop.clause_table import *  # noqa: F403
