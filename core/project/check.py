"""Checking a project file without changing it: its header, schema objects and stored values.

A file is checked before anything can write to it: its header is read as plain bytes, and only a
file that carries Duizhao's ``application_id`` is ever handed to SQLite, first read-only. A
corrupt, foreign or newer file raises ``ProjectFileError`` and is left exactly as it was; an older
one is copied to ``<name>.bak-v<old>`` and then migrated.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.codec import CodecError, comparison_from_record, decision_from_record
from core.errors import ProjectFileError
from core.model import Comparison, parse_item_id
from core.project.rows import _decision
from core.project.schema import _ACTIONS, _COLUMNS, _INDEXES, _TABLES, APPLICATION_ID, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"

_MESSAGE_NOT_FOUND = "找不到项目文件。"
_MESSAGE_NOT_PROJECT = "该文件不是对照项目文件（可能已损坏，或并非本程序保存的文件），文件未作任何改动。"
_MESSAGE_FOREIGN = "该文件是其他程序的数据库，不是对照项目文件，文件未作任何改动。"
_MESSAGE_CORRUPT = "项目文件已损坏，无法打开；文件未作任何改动，请使用备份副本。"
_MESSAGE_TAMPERED = ("项目文件中含有不属于对照项目的内容（触发器、视图或未知的表），可能被人改动过，"
                     "为安全起见不予打开；文件未作任何改动。")
_MESSAGE_READ_ONLY_LOG = ("项目文件旁有尚未合并的日志文件（-wal），而项目所在的位置是只读的，无法读取其中"
                          "最近保存的审核决定。请把项目文件连同同名的 -wal 文件一起复制到可写的位置后再打开。")


def _sqlite_header(path: Path) -> bytes:
    """The 100-byte SQLite header, read as plain bytes (the file is not opened by SQLite)."""
    try:
        if not path.exists():
            raise ProjectFileError(_MESSAGE_NOT_FOUND, path=str(path))
        if path.is_dir():
            raise ProjectFileError("这是一个文件夹，不是对照项目文件。", path=str(path))
        with open(path, "rb") as handle:
            return handle.read(100)
    except OSError as error:
        raise ProjectFileError("无法读取项目文件，请检查文件权限。", path=str(path)) from error


def _header_version(path: Path, header: bytes) -> int:
    """Check the header of a would-be project; its schema version as the header records it."""
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise ProjectFileError(_MESSAGE_NOT_PROJECT, path=str(path))
    if int.from_bytes(header[68:72], "big", signed=True) != APPLICATION_ID:
        raise ProjectFileError(_MESSAGE_FOREIGN, path=str(path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The header's page count is trustworthy only when its "valid-for" counter is current.
    if header[24:28] == header[92:96] and pages and path.stat().st_size < pages * page_size:
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
    return int.from_bytes(header[60:64], "big", signed=True)


def _newer(path: Path, version: int) -> ProjectFileError:
    return ProjectFileError(
        f"该项目由更高版本的对照创建（项目格式第 {version} 版，本程序只支持到第 {SCHEMA_VERSION} 版），"
        "请升级对照后再打开；文件未作任何改动。", path=str(path))


def _pending_log(path: Path) -> bool:
    """A log beside the file may hold committed changes not yet in the file itself."""
    found = False
    for suffix in ("-wal", "-journal"):
        try:
            found = found or os.path.lexists(f"{path}{suffix}")
        except (OSError, ValueError):  # a name the file system cannot hold cannot be there
            pass
    return found


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that cannot change the file.

    Without a ``-wal`` (or ``-journal``) file beside it the whole database is in the main file,
    and ``immutable=1`` reads it without creating ``-shm``/``-wal`` files; otherwise SQLite must
    read the log too (after a crash, the last committed decisions are there).
    """
    uri = path.resolve().as_uri() + ("?mode=ro" if _pending_log(path) else "?mode=ro&immutable=1")
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        yield connection
    finally:
        connection.close()


def _check_schema_objects(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file holding schema objects Duizhao never makes: triggers and views run code
    on every save; unknown tables and indexes mean the file was made or changed by someone else.
    """
    for kind, name, table in connection.execute("SELECT type, name, tbl_name FROM sqlite_master"):
        if kind == "table" and (name in _TABLES or name.startswith("sqlite_")):
            continue
        if kind == "index" and table in _TABLES and (
                name in _INDEXES or name.startswith("sqlite_autoindex_")):
            continue
        raise ProjectFileError(_MESSAGE_TAMPERED, path=str(path))
    if version != SCHEMA_VERSION:
        return  # an older file is checked again, column by column, after its migration
    for table, expected in _COLUMNS.items():
        columns = connection.execute(f"PRAGMA table_xinfo({table})").fetchall()
        # table_xinfo's last field is "hidden": non-zero for generated (computed) columns.
        if {c[1] for c in columns} != expected or any(c[6] for c in columns):
            raise ProjectFileError(_MESSAGE_TAMPERED, path=str(path))


def _text(value: Any, *, empty: bool = True) -> None:
    if not (value is None and empty) and not isinstance(value, str):
        raise TypeError(f"not text: {value!r}")


def _check_rows(connection: sqlite3.Connection) -> None:
    """Every stored value must read back as Duizhao wrote it (raises ValueError/TypeError/KeyError)."""
    connection.row_factory = sqlite3.Row
    try:
        for row in connection.execute("SELECT id, role, name, version, content FROM documents"):
            if row["role"] not in ("national", "provincial") or not isinstance(row["version"], int):
                raise ValueError("bad document row")
            _text(row["name"], empty=False)
            if not isinstance(row["content"], bytes):
                raise TypeError("document content is not bytes")
        for row in connection.execute("SELECT * FROM comparisons"):
            if row["current"] not in (0, 1) or not isinstance(row["id"], int):
                raise ValueError("bad comparison row")
            _text(row["result"], empty=False)
            if row["parameters"] is not None and not isinstance(json.loads(row["parameters"]), dict):
                raise TypeError("parameters are not an object")
        for row in connection.execute("SELECT * FROM decisions"):
            record = dict(row)
            _text(record["item"], empty=False)
            parse_item_id(record["item"])  # ValueError when it is not "N…"/"P…"
            for column in ("status", "match", "note", "reviewer", "decided_at", "national_text",
                           "provincial_text", "orphan_reason"):
                _text(record[column])
            for column in ("comparison", "seq"):
                if not isinstance(record[column], int):
                    raise TypeError(f"{column} is not a number")
            if record["not_applicable"] not in (0, 1) or record["orphaned"] not in (0, 1):
                raise ValueError("bad flag")
            _decision(record)
        for row in connection.execute("SELECT item, action, before, after, who, at FROM audit"):
            if row["action"] not in _ACTIONS:
                raise ValueError("unknown audit action")
            _text(row["item"], empty=False)
            _text(row["who"])
            for column in ("before", "after"):
                if row[column] is not None:
                    record = json.loads(row[column])
                    if not isinstance(record, dict):
                        raise TypeError("audit value is not an object")
                    decision_from_record(record)
    finally:
        connection.row_factory = None


def _inspect(path: Path) -> tuple[int, dict | None]:
    """Check a project file without changing it.

    Returns:
        Its schema version and, when that is the current one, the current comparison's record.

    Raises:
        ProjectFileError: missing, unreadable, corrupt, foreign or newer.
    """
    header_version = _header_version(path, _sqlite_header(path))
    if header_version > SCHEMA_VERSION:
        raise _newer(path, header_version)
    try:
        with _read_only(path) as connection:
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise ProjectFileError(_MESSAGE_FOREIGN, path=str(path))
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" not in tables:
                raise ProjectFileError(_MESSAGE_NOT_PROJECT, path=str(path))
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _newer(path, version)
            _check_schema_objects(connection, path, version)
            meta = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if meta is None or str(meta[0]) != str(version):
                raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
            if version < SCHEMA_VERSION:
                return version, None
            if not set(_TABLES) <= tables:
                raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
            row = connection.execute(
                "SELECT result FROM comparisons WHERE current = 1 ORDER BY id DESC").fetchone()
            if row is None:
                raise ProjectFileError("项目文件中没有对照结果，文件可能已损坏。", path=str(path))
            _check_rows(connection)
            record = json.loads(row[0])
            if not isinstance(record, dict):
                raise TypeError("the stored result is not an object")
            return version, record
    except sqlite3.DatabaseError as error:
        if _pending_log(path) and not _folder_writable(path):
            raise ProjectFileError(_MESSAGE_READ_ONLY_LOG, path=str(path)) from error
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path)) from error
    except (ValueError, TypeError, KeyError) as error:  # a stored value Duizhao never wrote
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path)) from error


def _folder_writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK)


def _decode_comparison(path: Path, record: dict | None) -> Comparison:
    """The stored comparison; anything that does not decode is a damaged project."""
    if record is None:
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
    try:
        comparison = comparison_from_record(record)
        # The engine runs with them again on re-import (core.review.parameters_of).
        if not all(math.isfinite(value) for _, value in comparison.parameters):
            raise ValueError("an engine parameter is not a finite number")
        return comparison
    except (CodecError, ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path)) from error
