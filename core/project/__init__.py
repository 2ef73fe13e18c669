"""A Duizhao project: one SQLite file holding both documents, the comparison and every decision.

The file (extension ``.duizhao``) is written through sqlite-utils in WAL mode with
``synchronous=NORMAL`` once it is open: each decision is committed to the log before ``record``
returns, so a crash of the program loses nothing; a power cut may lose the decisions made since
the log was last synced (保存, closing, or SQLite's own checkpoint every ~1000 pages) but never
damages the file. All writes go through one connection guarded by a lock (the single writer);
other threads may read through the same object.

The store never outlines or compares documents: it is given a ``Comparison`` (made by
``core.session``) and keeps it with the documents' bytes; ``tests/test_architecture.py`` checks
that no module here imports the readers, the outliner or the engine.

The package, by concern (``Project`` is the only class most callers need):

- ``store``: ``Project``, creating and opening a file (checked, migrated); the class is made
  of the next three parts:
- ``connection``: the open file: one connection under one lock, its state, saving, closing;
- ``decisions``: the decision store: live decisions, the audit trail, undo and redo;
- ``reimport``: a new provincial draft's comparison stored, the decisions carried over to it
  (``core.carry_over``, a pure function on values);
- ``schema``: the tables (described there) and the migrations between versions;
- ``check``: checking a file without changing it (corrupt, foreign, newer, tampered);
- ``files``: writing files safely: the writable connection, backups, replacing a file;
- ``lock``: one writer per project, the lock file beside it;
- ``rows``: rows made from values and read back.
"""

from __future__ import annotations

from core.project.decisions import OrphanedDecision
from core.project.files import SUFFIX
from core.project.lock import LOCK_SUFFIX, LockHolder, read_lock
from core.project.reimport import ReimportReport
from core.project.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from core.project.store import Project

__all__ = ["APPLICATION_ID", "LOCK_SUFFIX", "MIGRATIONS", "SCHEMA_VERSION", "SUFFIX", "LockHolder",
           "OrphanedDecision", "Project", "ReimportReport", "read_lock"]
