"""``Project``: creating and opening a project file (migrating an older one), composed of its parts."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from core import __version__
from core.errors import Cancelled, ProjectFileError, ProjectReadOnlyError
from core.model import Comparison
from core.project.check import _decode_comparison, _folder_writable, _inspect, _pending_log
from core.project.decisions import _DecisionStore
from core.project.files import (_check_name_length, _check_writable, _refuse_to_overwrite, _save_error,
                                _writable_connection, _write_backup, _write_into_place)
from core.project.lock import _ProjectLock
from core.project.reimport import _Reimport
from core.project.rows import _comparison_row, _document_row, _now
from core.project.schema import _create_schema, _set_version, APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


class Project(_DecisionStore, _Reimport):
    """An open project file. Use ``Project.create`` or ``Project.open``; close it when done."""
    # -------------------------------------------------------- opening and creating

    @classmethod
    def create(cls, path: str | os.PathLike, national: str | os.PathLike,
               provincial: str | os.PathLike, comparison: Comparison, *,
               cancel: Callable[[], bool] | None = None) -> Project:
        """Save two documents and their comparison as a new project file.

        The store never compares: ``comparison`` is made by the caller (``core.session.
        compare_into_project`` for the app and the CLI) and stored as it is. The project is
        built under a temporary name beside ``path`` and renamed into place, so no half-made
        project is ever left behind. An existing Duizhao project (or an empty file) at ``path``
        is replaced; any other existing file is refused.

        Args:
            path: the project file to write (``.duizhao``).
            national: the national document's file (its bytes are stored).
            provincial: the provincial document's file.
            comparison: the comparison of the two.
            cancel: returns True to stop; ``Cancelled`` is raised and nothing is written.

        Raises:
            ProjectFileError: ``path`` is a file that is not a Duizhao project, or cannot be
                written.
            DocumentReadError: a document's file cannot be read to be stored.
            Cancelled: the caller cancelled.
        """
        path = Path(path)
        try:
            _refuse_to_overwrite(path)
        except OSError as error:  # a name too long for the file system, a folder gone …
            raise _save_error(error, path, "无法保存项目文件") from error
        lock = _ProjectLock.acquire(path)  # nobody else may open it while it is being replaced
        try:
            return cls._create_locked(path, lock, national, provincial, comparison, cancel=cancel)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _create_locked(cls, path: Path, lock: _ProjectLock, national, provincial,
                       comparison: Comparison, *, cancel: Callable[[], bool] | None) -> Project:
        _check_cancel(cancel)
        national_row = _document_row("national", national, comparison.national, 1)
        provincial_row = _document_row("provincial", provincial, comparison.provincial, 1)
        _check_cancel(cancel)


        def fill(temporary: Path) -> None:
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                # application_id and user_version go into the main file before WAL is turned
                # on, so even a project that was never checkpointed is recognised by its header.
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = FULL")
                db = sqlite_utils.Database(connection, execute_plugins=False)
                with db.atomic():
                    _create_schema(db)
                    db.table("meta").insert_all([
                        {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                        {"key": "application", "value": "duizhao"},
                        {"key": "created_at", "value": _now()},
                        {"key": "created_with", "value": __version__},
                    ])
                    national_id = db.table("documents").insert(national_row).last_pk
                    provincial_id = db.table("documents").insert(provincial_row).last_pk
                    db.table("comparisons").insert(_comparison_row(comparison, national_id,
                                                                   provincial_id, None))
            finally:
                connection.close()
        _write_into_place(path, fill, "无法保存项目文件")
        return cls._connect(path, comparison, lock)

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False) -> Project:
        """Open a project file, migrating it first when it comes from an older version.

        The stored comparison is used as it is (never recomputed). A project is open for
        writing in one place at a time: the opener takes the lock file ``<project>.lock``
        beside it, which names the computer, user, process and time; a lock left by a process
        that has ended on this computer is taken over.

        Args:
            path: the project file.
            read_only: open without the lock, for viewing; every change is then refused with
                ``ProjectReadOnlyError`` (and by SQLite itself). The last to close the file,
                reader or writer, folds the log in: no ``-wal``/``-shm`` is left beside it.

        Raises:
            ProjectLockedError: opened for writing elsewhere (``holder`` says where); it may be
                opened with ``read_only=True``.
            ProjectReadOnlyError: the project's folder cannot be written; open it read-only.
            ProjectFileError: the file is missing, corrupt, not a Duizhao project, holds schema
                objects Duizhao never makes, or is from a newer version of Duizhao. The file is
                then left exactly as it was.
        """
        path = Path(path)
        version, record = _inspect(path)
        if read_only:
            if version < SCHEMA_VERSION:
                raise ProjectReadOnlyError("该项目由旧版本的对照保存，需要升级后才能打开，只读方式无法升级；"
                                           "请以修改方式打开一次。", path=str(path))
            return cls._connect_read_only(path, _decode_comparison(path, record))
        _check_name_length(path)
        lock = _ProjectLock.acquire(path)
        try:
            if version < SCHEMA_VERSION:
                _check_writable(path)  # refuse a read-only file before backing it up
                _write_backup(path, version)
                cls._migrate(path, version)
                version, record = _inspect(path)
            return cls._connect(path, _decode_comparison(path, record), lock)
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def _migrate(path: Path, version: int) -> None:
        connection = _writable_connection(path)
        try:
            db = sqlite_utils.Database(connection, execute_plugins=False)
            while version < SCHEMA_VERSION:
                with db.atomic():
                    MIGRATIONS[version](db)
                    _set_version(db, version + 1)
                version += 1
        except sqlite3.Error as error:
            raise ProjectFileError("项目文件升级失败；升级前的备份副本保存在项目文件旁。",
                                   path=str(path)) from error
        finally:
            connection.close()

    @classmethod
    def _connect(cls, path: Path, comparison: Comparison, lock: _ProjectLock) -> Project:
        connection = _writable_connection(path)
        try:
            return cls(path, connection, comparison, lock=lock)
        except BaseException:
            connection.close()
            raise

    @classmethod
    def _connect_read_only(cls, path: Path, comparison: Comparison) -> Project:
        connection = None
        try:
            connection = _reading_connection(path)
            return cls(path, connection, comparison, read_only=True)
        except sqlite3.Error as error:
            if connection is not None:
                connection.close()
            raise ProjectFileError("无法以只读方式打开项目文件。", path=str(path)) from error
        except BaseException:
            if connection is not None:
                connection.close()
            raise

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _reading_connection(path: Path) -> sqlite3.Connection:
    """A connection that reads the project and refuses every write, and leaves no file behind.

    Reading a WAL database makes SQLite create ``-wal`` and ``-shm`` files beside it; only a
    connection that may write removes them when it closes last (folding the log in first, under
    SQLite's own locks, so a writer open elsewhere keeps its log). A ``mode=ro`` connection never
    can: the user found both files beside the project after every export. So where the file and
    its folder are writable the connection is opened read-write, made ``query_only`` before
    anything is read; SQLite refuses any write through it ("attempt to write a readonly
    database"), and ``Project`` refuses writes before they reach it.

    Where nothing can be written and no log is pending, nobody can be writing either (the app
    refuses to open such a file for writing): the file is read as it is (``immutable``), which
    makes no ``-shm``/``-wal`` (on a read-only drive they could not be made at all). Otherwise,
    a pending log on a read-only place, ``mode=ro`` reads the log.
    """
    writable = _folder_writable(path) and os.access(path, os.W_OK)
    if writable:
        uri = path.resolve().as_uri() + "?mode=rw"
    elif not _pending_log(path):
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    else:
        uri = path.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None,
                                 timeout=10)
    try:
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
