"""An open project file: one connection under one lock; its state, queries, saving and closing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from core.errors import ProjectFileError, ProjectReadOnlyError
from core.model import Comparison
from core.project.check import _MESSAGE_CORRUPT
from core.project.files import (_open_paths, _open_paths_lock, _refuse_to_overwrite, _save_error,
                                _write_into_place)
from core.project.lock import _ProjectLock


class _Connected:
    """The state and plumbing every part of ``Project`` shares (see ``core.project.store``)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, comparison: Comparison, *,
                 lock: _ProjectLock | None = None, read_only: bool = False) -> None:
        """Internal: wraps an open, checked connection (read-write under ``lock``, or read-only)."""
        self._path = path
        self._file_lock = lock
        self._read_only_mode = read_only
        self._connection = connection
        self._db = sqlite_utils.Database(connection, execute_plugins=False)
        self._lock = threading.RLock()
        self._comparison = comparison
        # (before, after) rows of each recorded decision: no row before a first decision.
        self._undo: list[tuple[dict | None, dict]] = []
        self._redo: list[tuple[dict | None, dict]] = []
        self._closed = False
        self._load_current()
        with _open_paths_lock:
            _open_paths[path.resolve()] += 1

    @property
    def read_only(self) -> bool:
        """Opened read-only: decisions are shown but cannot be changed."""
        return self._read_only_mode

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Around a write: refused when read-only; SQLite's and the OS's errors become typed."""
        self._check_can_write()
        try:
            yield
        except (sqlite3.Error, OSError) as error:
            raise _save_error(error, self._path, what) from error

    def check_writable(self) -> None:
        """Raise ProjectReadOnlyError when the project was opened read-only (before long work)."""
        self._check_can_write()

    def _check_can_write(self) -> None:
        if self._read_only_mode:
            raise ProjectReadOnlyError("项目以只读方式打开，不能保存审核决定；请关闭后以修改方式重新打开。",
                                       path=str(self._path))

    # -------------------------------------------------------- state

    def _load_current(self) -> None:
        row = self._query_one(
            "SELECT c.id, n.name, p.name, p.version FROM comparisons c "
            "JOIN documents n ON n.id = c.national_document "
            "JOIN documents p ON p.id = c.provincial_document "
            "WHERE c.current = 1 ORDER BY c.id DESC")
        if row is None:
            raise ProjectFileError(_MESSAGE_CORRUPT, path=str(self._path))
        self._comparison_id, self._national_name, self._provincial_name, \
            self._provincial_version = row

    @property
    def path(self) -> Path:
        """The project file."""
        return self._path

    @property
    def comparison(self) -> Comparison:
        """The current comparison, as stored."""
        return self._comparison

    @property
    def comparison_id(self) -> int:
        """Row id of the current comparison."""
        return self._comparison_id

    @property
    def national_name(self) -> str:
        """File name of the national document."""
        return self._national_name

    @property
    def provincial_name(self) -> str:
        """File name of the current provincial document."""
        return self._provincial_name

    @property
    def provincial_version(self) -> int:
        """Version number of the current provincial document (1 for the first import)."""
        return self._provincial_version

    def document_bytes(self, role: str, version: int | None = None) -> bytes:
        """The raw bytes of a stored document ("national"/"provincial"; latest when no version)."""
        sql = "SELECT content FROM documents WHERE role = ?"
        params: list[Any] = [role]
        if version is not None:
            sql += " AND version = ?"
            params.append(version)
        row = self._query_one(sql + " ORDER BY version DESC", params)
        if row is None:
            raise KeyError((role, version))
        return row[0]

    # -------------------------------------------------------- saving

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the project file (保存): the file alone, copied or
        mailed as it is, then holds every decision."""
        with self._lock:
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def save_copy(self, target: str | os.PathLike) -> Path:
        """Write the whole project, log included, as one complete file at ``target`` (另存为).

        The copy is made under a temporary name beside ``target`` and renamed into place; an
        existing Duizhao project (or empty file) there is replaced, any other file refused.
        This project stays open on its own file.

        Raises:
            ProjectFileError: ``target`` is another kind of file, an open project, or cannot
                be written.
        """
        target = Path(target)
        try:
            _refuse_to_overwrite(target)
        except OSError as error:  # a name too long for the file system, a folder gone …
            raise _save_error(error, target, "无法另存项目文件") from error

        def fill(temporary: Path) -> None:
            destination = sqlite3.connect(temporary)
            try:
                with self._lock:
                    self._connection.backup(destination)
                # One self-contained file: no log beside it to lose in a copy.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        _write_into_place(target, fill, "无法另存项目文件")
        return target

    # -------------------------------------------------------- closing

    def close(self) -> None:
        """Close the file (the log is folded into it); further calls do nothing."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._connection.close()
                if self._file_lock is not None:
                    self._file_lock.release()
                with _open_paths_lock:
                    _open_paths[self._path.resolve()] -= 1
                    if _open_paths[self._path.resolve()] <= 0:
                        del _open_paths[self._path.resolve()]

    # -------------------------------------------------------- internals

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict]:
        with self._lock:
            return list(self._db.query(sql, params or []))

    def _query_one(self, sql: str, params: list[Any] | None = None) -> tuple | None:
        with self._lock:
            return self._connection.execute(sql, params or []).fetchone()

    def _query_value(self, sql: str, params: list[Any] | None = None) -> Any:
        """The first column of a query that always yields a row (an aggregate, the open comparison)."""
        row = self._query_one(sql, params)
        assert row is not None, sql
        return row[0]

    def _next_seq(self) -> int:
        return (self._query_value("SELECT MAX(seq) FROM decisions") or 0) + 1
