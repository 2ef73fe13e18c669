"""A Duizhao project: one SQLite file holding both documents, the comparison and every decision.

The file (extension ``.duizhao``) is written through sqlite-utils in WAL mode with
``synchronous=NORMAL`` once it is open: each decision is committed to the log before ``record``
returns, so a crash of the program loses nothing; a power cut may lose the decisions made since
the log was last synced (保存, closing, or SQLite's own checkpoint every ~1000 pages) but never
damages the file. All writes go through one connection guarded by a lock (the single writer);
other threads may read through the same object.

A file is checked before anything can write to it: its header is read as plain bytes, and only a
file that carries Duizhao's ``application_id`` is ever handed to SQLite, first read-only. A
corrupt, foreign or newer file raises ``ProjectFileError`` and is left exactly as it was; an older
one is copied to ``<name>.bak-v<old>`` and then migrated.

Schema (version 1)::

    meta(key PK, value)                        schema_version, application, created_at, created_with
    documents(id PK, role, name, path, sha256, format, content BLOB, version, imported_at,
              outline JSON)                    role national/provincial; each import a new version
    comparisons(id PK, engine, parameters JSON, result JSON (core.codec), created_at,
                national_document, provincial_document, previous, current)
    decisions(id PK, comparison, item, status, not_applicable, match, note, reviewer, decided_at,
              national_text, provincial_text, seq, orphaned, orphan_reason)
              provincial_text: the chosen match's text, else the engine's counterpart's when the
              decision was made; orphan_reason: on an orphaned row why it no longer applies, on
              a live row carried over a re-import why it must be checked again (需复核)
    audit(id PK, comparison, item, action, before JSON, after JSON, who, at)
              action decide/undo/redo/carry-over/orphan
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from core import __version__
from core.align import CancelCheck, Parameters, ProgressCallback, compare_outlines
from core.carry_over import CarriedDecision, StoredDecision, carry_over, decision_texts
from core.codec import (CodecError, comparison_from_record, comparison_to_record,
                        decision_from_record, decision_to_record, outline_to_record)
from core.compare import load_outline
from core.errors import (Cancelled, DocumentReadError, ProjectFileError, ProjectLockedError,
                         ProjectReadOnlyError, ProjectSaveError)
from core.model import Comparison, Outline, ReviewDecision, parse_item_id

SUFFIX = ".duizhao"
APPLICATION_ID = 0x44555A48  # "DUZH": marks a SQLite file as a Duizhao project
SCHEMA_VERSION = 1

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Projects open in this process: ``create`` must not replace a file under an open connection.
_open_paths: Counter[Path] = Counter()
_open_paths_lock = threading.Lock()
_TABLES = ("meta", "documents", "comparisons", "decisions", "audit")

_MESSAGE_NOT_FOUND = "找不到项目文件。"
_MESSAGE_NOT_PROJECT = "该文件不是对照项目文件（可能已损坏，或并非本程序保存的文件），文件未作任何改动。"
_MESSAGE_FOREIGN = "该文件是其他程序的数据库，不是对照项目文件，文件未作任何改动。"
_MESSAGE_CORRUPT = "项目文件已损坏，无法打开；文件未作任何改动，请使用备份副本。"
_MESSAGE_TAMPERED = ("项目文件中含有不属于对照项目的内容（触发器、视图或未知的表），可能被人改动过，"
                     "为安全起见不予打开；文件未作任何改动。")
_MESSAGE_READ_ONLY_LOG = ("项目文件旁有尚未合并的日志文件（-wal），而项目所在的位置是只读的，无法读取其中"
                          "最近保存的审核决定。请把项目文件连同同名的 -wal 文件一起复制到可写的位置后再打开。")
# The schema objects a Duizhao project holds (besides SQLite's own sqlite_* objects).
_INDEXES = frozenset(("decisions_live", "audit_item", "documents_role"))
_COLUMNS = {
    "meta": {"key", "value"},
    "documents": {"id", "role", "name", "path", "sha256", "format", "content", "version",
                  "imported_at", "outline"},
    "comparisons": {"id", "engine", "parameters", "result", "created_at", "national_document",
                    "provincial_document", "previous", "current"},
    "decisions": {"id", "comparison", "item", "status", "not_applicable", "match", "note",
                  "reviewer", "decided_at", "national_text", "provincial_text", "seq", "orphaned",
                  "orphan_reason"},
    "audit": {"id", "comparison", "item", "action", "before", "after", "who", "at"},
}
_ACTIONS = frozenset(("decide", "undo", "redo", "carry-over", "orphan"))


# ---------------------------------------------------------------- report values

@dataclass(frozen=True)
class OrphanedDecision:
    """A decision that no longer applies, kept in the project for the reviewer to see.

    Attributes:
        decision: the decision as it was made (its item ids are those of ``comparison``).
        reason: why it no longer applies, in Chinese.
        comparison: id of the comparison it was made on; ``Project.history(item, comparison)``
            gives its trail.
        set_aside_on: id of the comparison (the re-import) on which it stopped applying.
    """

    decision: ReviewDecision
    reason: str
    comparison: int
    set_aside_on: int


@dataclass
class ReimportReport:
    """What happened to the reviewer's decisions when a new provincial draft was imported.

    Attributes:
        comparison: the new current comparison.
        provincial_version: version number of the imported provincial document.
        carried: decisions that still apply, re-pointed to the new version.
        orphaned: decisions that no longer apply (kept in the project, flagged).
        reasons: why each orphaned decision no longer applies, by its item id, in Chinese.
    """

    comparison: Comparison
    provincial_version: int
    carried: list[CarriedDecision] = field(default_factory=list)
    orphaned: list[ReviewDecision] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def match_dropped(self) -> list[CarriedDecision]:
        """Carried decisions whose chosen provincial match had to be removed."""
        return [c for c in self.carried if c.match_dropped]

    @property
    def rechecks(self) -> list[CarriedDecision]:
        """Carried decisions whose ground changed: kept, marked 需复核, not applied as verdicts."""
        return [c for c in self.carried if c.recheck]

    def reason(self, decision: ReviewDecision) -> str:
        """The Chinese reason an orphaned decision no longer applies."""
        return self.reasons[decision.item]


# ---------------------------------------------------------------- schema and migrations

def _create_schema(db: sqlite_utils.Database) -> None:
    """Tables of the current schema version, in an empty database."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("documents").create({
        "id": int, "role": str, "name": str, "path": str, "sha256": str, "format": str,
        "content": bytes, "version": int, "imported_at": str, "outline": str,
    }, pk="id", not_null={"role", "name", "sha256", "content", "version", "imported_at"})
    db.table("comparisons").create({
        "id": int, "engine": str, "parameters": str, "result": str, "created_at": str,
        "national_document": int, "provincial_document": int, "previous": int, "current": int,
    }, pk="id", not_null={"engine", "result", "created_at", "current"},
        foreign_keys=[("national_document", "documents", "id"),
                      ("provincial_document", "documents", "id"),
                      ("previous", "comparisons", "id")])
    db.table("decisions").create({
        "id": int, "comparison": int, "item": str, "status": str, "not_applicable": int,
        "match": str, "note": str, "reviewer": str, "decided_at": str, "national_text": str,
        "provincial_text": str, "seq": int, "orphaned": int, "orphan_reason": str,
    }, pk="id", not_null={"comparison", "item", "not_applicable", "seq", "orphaned"},
        foreign_keys=[("comparison", "comparisons", "id")])
    db.table("audit").create({
        "id": int, "comparison": int, "item": str, "action": str, "before": str, "after": str,
        "who": str, "at": str,
    }, pk="id", not_null={"comparison", "item", "action", "at"},
        foreign_keys=[("comparison", "comparisons", "id")])
    # One live decision per item of a comparison; orphaned rows may share the item id.
    db.execute("CREATE UNIQUE INDEX decisions_live ON decisions(comparison, item) "
               "WHERE orphaned = 0")
    db.execute("CREATE INDEX audit_item ON audit(item, comparison)")
    db.execute("CREATE INDEX documents_role ON documents(role, version)")


def _migrate_v0(db: sqlite_utils.Database) -> None:
    """v0 → v1: the audit trail names its action (v0 only recorded decisions)."""
    db.table("audit").add_column("action", str, not_null_default="decide")


# MIGRATIONS[v] turns a version-v database into version v + 1, inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {0: _migrate_v0}


def _set_version(db: sqlite_utils.Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")
    db.table("meta").upsert({"key": "schema_version", "value": str(version)}, pk="key")


# ---------------------------------------------------------------- checking a file

def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


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


def _backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}-{counter}")
        counter += 1
    return candidate


def _write_backup(path: Path, version: int) -> Path:
    """A consistent copy of an older project (log included), written before it is migrated."""
    target = _backup_path(path, version)
    try:
        if _pending_log(path):
            # Committed changes may still be in the log: let SQLite copy the whole database.
            with _read_only(path) as source:
                destination = sqlite3.connect(target)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
        else:
            shutil.copy2(path, target)  # the file as it was, byte for byte
        with open(target, "rb+") as written:  # on the disk before the original is changed
            os.fsync(written.fileno())
        _sync_folder(target.parent if str(target.parent) else Path("."))
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise ProjectFileError("无法在项目文件旁写入备份副本，项目未升级、未作任何改动。",
                               path=str(path)) from error
    return target


# ---------------------------------------------------------------- one writer per project

LOCK_SUFFIX = ".lock"
_STALE_UNREADABLE_SECONDS = 30  # a lock file still empty or garbled after this was left by a crash
_writers: set[Path] = set()  # projects this process holds open for writing
_writers_lock = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    """Who has a project open for writing, as written in its lock file beside it.

    Attributes:
        host: the computer's name.
        user: the user's login name.
        pid: the process id on that computer.
        since: when it was opened (ISO 8601, local time with offset).
        started: the process's start time as the OS counts it ("" where unknown): tells a live
            process from a later one that was given the same pid.
        token: a random value naming this one opening.
    """

    host: str
    user: str
    pid: int
    since: str
    started: str = ""
    token: str = ""

    def describe(self) -> str:
        """In Chinese: 用户 张三 在计算机 PC-01 上（进程 1234），自 2026-11-30 09:15 起."""
        since = self.since.replace("T", " ")[:16]
        return f"用户 {self.user or '（未知）'} 在计算机 {self.host or '（未知）'} 上（进程 {self.pid}），自 {since} 起"


def _host() -> str:
    # platform.node() names the computer without importing a network module (the program
    # imports none: tests/test_offline.py).
    return platform.node()


def _user() -> str:
    import getpass
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return os.environ.get("USERNAME", "")


def _process_started(pid: int) -> str:
    """The start time of a process as /proc gives it (Linux), else ""."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields_after_name = handle.read().rsplit(b")", 1)[1].split()
        return fields_after_name[19].decode()  # field 22: starttime, in clock ticks since boot
    except (OSError, IndexError):
        return ""


def _process_alive(pid: int, started: str) -> bool:
    """Whether the process that wrote a lock on this computer is still running."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows (as os.name == "nt", in the form mypy reads)
        import ctypes
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive
    except OSError:
        return False
    now = _process_started(pid)
    return not (started and now and now != started)  # the pid was given to a later process


def _lock_path(path: Path) -> Path:
    return Path(f"{path}{LOCK_SUFFIX}")


def read_lock(path: str | os.PathLike) -> LockHolder | None:
    """The holder named in a project's lock file, or None (no lock file, or not readable as one)."""
    try:
        data = json.loads(_lock_path(Path(path)).read_text(encoding="utf-8"))
        return LockHolder(host=str(data["host"]), user=str(data.get("user", "")), pid=int(data["pid"]),
                          since=str(data.get("since", "")), started=str(data.get("started", "")),
                          token=str(data.get("token", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _locked_error(path: Path, holder: LockHolder | None, here: bool) -> ProjectLockedError:
    if here:
        where = "本程序的另一个窗口中"
    elif holder is not None:
        where = holder.describe()
    else:
        where = "别处（锁文件无法读取）"
    return ProjectLockedError(
        f"该项目已在{where}打开并可以修改。为免审核决定互相覆盖，一个项目同一时间只能在一处修改；"
        "可以只读打开查看，或请对方关闭项目后再打开。", path=str(path), holder=holder)


class _ProjectLock:
    """The lock file ``<project>.lock``: created exclusively, removed on close.

    A lock left by a process that is gone (same computer, pid not running, or running but
    started later) is taken over; a lock from another computer is always respected.
    """

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder

    @classmethod
    def acquire(cls, project: Path) -> _ProjectLock:
        """Take the lock for ``project``.

        Raises:
            ProjectLockedError: another process (or another window here) holds it.
            ProjectFileError: the lock file cannot be created (a read-only folder).
        """
        lock = _lock_path(project)
        key = project.resolve()
        with _writers_lock:
            if key in _writers:
                raise _locked_error(project, read_lock(project), here=True)
        holder = LockHolder(host=_host(), user=_user(), pid=os.getpid(), since=_now(),
                            started=_process_started(os.getpid()), token=uuid.uuid4().hex)
        for _ in range(5):
            try:
                descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if not cls._stale(lock, holder):
                    raise _locked_error(project, read_lock(project), here=False) from None
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            except OSError as error:
                raise _unwritable_folder(project) from error
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump({"application": "duizhao", "host": holder.host, "user": holder.user,
                               "pid": holder.pid, "since": holder.since, "started": holder.started,
                               "token": holder.token}, handle, ensure_ascii=False)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as error:
                with contextlib.suppress(OSError):
                    lock.unlink()
                raise _unwritable_folder(project) from error
            with _writers_lock:
                _writers.add(key)
            return cls(lock, holder)
        raise _locked_error(project, read_lock(project), here=False)

    @staticmethod
    def _stale(lock: Path, me: LockHolder) -> bool:
        """Whether an existing lock file was left by a process that no longer has the project."""
        holder = read_lock(lock.with_suffix(""))
        if holder is None:  # being written this instant, or garbled by a crash
            try:
                age = datetime.now().timestamp() - lock.stat().st_mtime
            except FileNotFoundError:
                return True
            return age > _STALE_UNREADABLE_SECONDS
        if holder.host != me.host:
            return False  # another computer: its processes cannot be seen from here
        if holder.pid == me.pid:
            return True  # this process, and not in _writers: left by an earlier opening here
        return not _process_alive(holder.pid, holder.started)

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        with _writers_lock:
            _writers.discard(self.path.with_suffix("").resolve())
        current = read_lock(self.path.with_suffix(""))
        if current is not None and current.token == self.holder.token:
            with contextlib.suppress(OSError):
                self.path.unlink()


def _unwritable_folder(path: Path) -> ProjectFileError:
    return ProjectReadOnlyError(
        "项目文件所在的文件夹不可写（只读的磁盘、光盘或共享文件夹），无法以修改方式打开；"
        "可以只读打开查看，或复制到可写的位置后再打开。", path=str(path))


# ---------------------------------------------------------------- documents

def _document_row(role: str, source: str | os.PathLike, outline: Outline, version: int) -> dict:
    source = Path(source)
    try:
        content = source.read_bytes()
    except OSError as error:
        raise DocumentReadError("无法读取文件，请确认文件存在且未被占用。",
                                path=str(source)) from error
    return {"role": role, "name": source.name, "path": str(source.resolve()),
            "sha256": hashlib.sha256(content).hexdigest(),
            "format": outline.format or source.suffix.lstrip(".").lower(), "content": content,
            "version": version, "imported_at": _now(),
            "outline": json.dumps(outline_to_record(outline), ensure_ascii=False)}


def _parameters(comparison: Comparison) -> Parameters:
    """The engine parameters a stored comparison was made with (unknown names are ignored)."""
    defaults = Parameters()
    known = {f.name for f in fields(Parameters)}
    values = {name: type(getattr(defaults, name))(value)
              for name, value in comparison.parameters if name in known}
    return Parameters(**values)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


# ---------------------------------------------------------------- the project

class Project:
    """An open project file. Use ``Project.create`` or ``Project.open``; close it when done."""

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

    # -------------------------------------------------------- opening and creating

    @classmethod
    def create(cls, path: str | os.PathLike, national: str | os.PathLike,
               provincial: str | os.PathLike, comparison: Comparison | None = None, *,
               progress: ProgressCallback | None = None,
               cancel: CancelCheck | None = None) -> Project:
        """Read and compare two documents and save everything as a new project file.

        The project is built under a temporary name beside ``path`` and renamed into place, so
        no half-made project is ever left behind. An existing Duizhao project (or an empty file)
        at ``path`` is replaced; any other existing file is refused.

        Args:
            path: the project file to write (``.duizhao``).
            national: the national document.
            provincial: the provincial document.
            comparison: a comparison of the two made already (stored as it is); compared here
                when None.
            progress: ``progress(done, total, message)`` while comparing.
            cancel: returns True to stop; ``Cancelled`` is raised and nothing is written.

        Raises:
            ProjectFileError: ``path`` is a file that is not a Duizhao project, or cannot be
                written.
            DocumentReadError: a document cannot be read.
            Cancelled: the caller cancelled.
        """
        path = Path(path)
        try:
            _refuse_to_overwrite(path)
        except OSError as error:  # a name too long for the file system, a folder gone …
            raise _save_error(error, path, "无法保存项目文件") from error
        lock = _ProjectLock.acquire(path)  # nobody else may open it while it is being replaced
        try:
            return cls._create_locked(path, lock, national, provincial, comparison,
                                      progress=progress, cancel=cancel)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _create_locked(cls, path: Path, lock: _ProjectLock, national, provincial,
                       comparison: Comparison | None, *, progress, cancel) -> Project:
        _check_cancel(cancel)
        if comparison is None:
            national_outline = load_outline(national)
            _check_cancel(cancel)
            provincial_outline = load_outline(provincial)
            comparison = compare_outlines(national_outline, provincial_outline,
                                          progress=progress, cancel=cancel)
        national_row = _document_row("national", national, comparison.national, 1)
        provincial_row = _document_row("provincial", provincial, comparison.provincial, 1)
        _check_cancel(cancel)

        folder = path.parent if str(path.parent) else Path(".")
        # A short name: the project's own name may already be near the file system's limit.
        temporary = folder / f".duizhao-{uuid.uuid4().hex[:12]}.tmp"
        try:
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
            for suffix in ("-wal", "-shm"):
                # A stale log beside the target would be replayed into the new file.
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").unlink()
            os.replace(temporary, path)
            _sync_folder(folder)
        except (OSError, sqlite3.Error) as error:
            raise _save_error(error, path, "无法保存项目文件") from error
        finally:
            for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
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
                ``ProjectReadOnlyError``.

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
        # On a read-only drive without a log nobody can be writing: read the file as it is
        # (WAL mode would otherwise need a -shm file it cannot create there).
        still = not _pending_log(path) and not _folder_writable(path)
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if still else "?mode=ro")
        connection = None
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                         isolation_level=None, timeout=10)
            return cls(path, connection, comparison, read_only=True)
        except sqlite3.Error as error:
            if connection is not None:
                connection.close()
            raise ProjectFileError("无法以只读方式打开项目文件。", path=str(path)) from error
        except BaseException:
            if connection is not None:
                connection.close()
            raise

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

    # -------------------------------------------------------- decisions

    def decisions(self) -> list[ReviewDecision]:
        """The current decision on each item of the current comparison, in the order made."""
        rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND orphaned = 0 "
                           "ORDER BY seq", [self._comparison_id])
        return [_decision(row) for row in rows]

    def rechecks(self) -> dict[str, str]:
        """Items whose live decision a re-import put in question (需复核), with the reason.

        A decision is to be checked again when the text it was made on changed in the new
        draft; the mark goes when the reviewer decides on the item again.
        """
        rows = self._query("SELECT item, orphan_reason FROM decisions WHERE comparison = ? "
                           "AND orphaned = 0 AND orphan_reason IS NOT NULL "
                           "AND orphan_reason != ''", [self._comparison_id])
        return {row["item"]: row["orphan_reason"] for row in rows}

    def decision(self, item: str) -> ReviewDecision | None:
        """The current decision on one item of the current comparison, None when it has none."""
        row = self._live_row(item)
        return _decision(row) if row is not None else None

    def recheck(self, item: str) -> str:
        """Why the item's decision is to be checked again (需复核, see ``rechecks``), or ""."""
        row = self._live_row(item)
        return (row["orphan_reason"] or "") if row is not None else ""

    def orphans(self) -> list[OrphanedDecision]:
        """Decisions set aside because they no longer applied after a re-import, oldest first."""
        rows = self._query("SELECT d.*, c.previous AS made_on FROM decisions d "
                           "JOIN comparisons c ON c.id = d.comparison "
                           "WHERE d.orphaned = 1 ORDER BY d.id")
        return [OrphanedDecision(_decision(row), row["orphan_reason"] or "", row["made_on"],
                                 row["comparison"]) for row in rows]

    def record(self, decision: ReviewDecision) -> None:
        """Save a decision on an item of the current comparison; committed before returning.

        An empty ``decided_at`` is filled in with the current time.

        Raises:
            ValueError: the item or its chosen match is not in the current comparison.
            ProjectReadOnlyError: the project was opened read-only.
            ProjectSaveError: the decision could not be written (disk full, drive gone …); the
                project is as it was before the call.
        """
        if not decision.decided_at:
            decision = replace(decision, decided_at=_now())
        with self._lock:  # checked and written against one and the same current comparison
            national_text, provincial_text = self._texts(decision)
            before = self._live_row(decision.item)
            after = {**_decision_columns(decision), "comparison": self._comparison_id,
                     "national_text": national_text, "provincial_text": provincial_text,
                     "seq": self._next_seq(), "orphaned": 0, "orphan_reason": None}
            with self._writing("审核决定未能保存"), self._db.atomic():
                self._write_live(decision.item, after)
                self._audit(decision.item, "decide", before, after, decision.reviewer)
            self._undo.append((before, after))
            self._redo.clear()

    def undo(self, *, reviewer: str = "") -> ReviewDecision | None:
        """Take back the last ``record`` (committed at once).

        Returns:
            The decision that was taken back, or None when there is nothing to undo.
        """
        with self._lock:
            if not self._undo:
                return None
            before, after = self._undo[-1]
            item = after["item"]
            with self._writing("撤销未能保存"), self._db.atomic():
                self._write_live(item, before)
                self._audit(item, "undo", after, before, reviewer or after["reviewer"] or "")
            self._undo.pop()
            self._redo.append((before, after))
            return _decision(after)

    def redo(self, *, reviewer: str = "") -> ReviewDecision | None:
        """Make the last undone ``record`` again (committed at once).

        Returns:
            The decision made again, or None when there is nothing to redo.
        """
        with self._lock:
            if not self._redo:
                return None
            before, after = self._redo[-1]
            item = after["item"]
            with self._writing("重做未能保存"), self._db.atomic():
                self._write_live(item, after)
                self._audit(item, "redo", before, after, reviewer or after["reviewer"] or "")
            self._redo.pop()
            self._undo.append((before, after))
            return _decision(after)

    @property
    def can_undo(self) -> bool:
        """There is a ``record`` to take back."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """There is an undone ``record`` to make again."""
        return bool(self._redo)

    def history(self, item: str, comparison: int | None = None) -> list[dict]:
        """Every change to an item, oldest first, following it back through earlier versions.

        Args:
            item: the item id ("N2.1-3", "P5.4-1") as numbered in ``comparison``.
            comparison: the comparison whose numbering ``item`` uses; the current one when None
                (an orphaned decision names the comparison it was made on).

        Returns:
            Audit rows: id, comparison, item, action (decide/undo/redo/carry-over/orphan),
            before and after (decision dicts or None), who, at. A carry-over row is on the new
            comparison under the new item id; an orphan row on the comparison the decision
            was made on, under its item id there.
        """
        chain: list[dict] = []
        if comparison is None:
            comparison = self._comparison_id
        seen: set[tuple[int, str]] = set()
        while comparison is not None and item and (comparison, item) not in seen:
            seen.add((comparison, item))
            rows = [_audit_row(row) for row in self._query(
                "SELECT * FROM audit WHERE comparison = ? AND item = ? ORDER BY id",
                [comparison, item])]
            chain = rows + chain
            carried = next((r for r in rows if r["action"] == "carry-over" and r["before"]),
                           None)
            previous = self._query_one("SELECT previous FROM comparisons WHERE id = ?",
                                       [comparison])
            if carried is None or previous is None:
                break
            comparison, item = previous[0], carried["before"]["item"]
        return chain

    # -------------------------------------------------------- re-import

    def reimport_provincial(self, path: str | os.PathLike, *,
                            progress: ProgressCallback | None = None,
                            cancel: CancelCheck | None = None,
                            reviewer: str = "") -> ReimportReport:
        """Compare a new version of the provincial draft and store it (``add_provincial_version``).

        The stored national outline is compared with the new draft using the stored engine
        parameters. ``core.session.reimport`` is the same action for the app and the CLI.

        Raises:
            DocumentReadError: the new draft cannot be read.
            Cancelled: the caller cancelled; the project is unchanged.
        """
        self._check_can_write()
        _check_cancel(cancel)
        old = self._comparison
        comparison = compare_outlines(old.national, load_outline(path), parameters=_parameters(old),
                                      progress=progress, cancel=cancel)
        _check_cancel(cancel)
        return self.add_provincial_version(path, comparison, reviewer=reviewer)

    def add_provincial_version(self, path: str | os.PathLike, comparison: Comparison, *,
                               reviewer: str = "") -> ReimportReport:
        """Store a new version of the provincial draft, compared, and carry the decisions over.

        ``comparison`` compares the stored national outline with the draft at ``path``. What
        becomes of each decision is ``core.carry_over.carry_over``: carried (re-pointed, some
        marked 需复核), or kept in the project flagged as orphaned with a reason. Everything is
        written in one transaction; the undo and redo stacks start afresh.

        Raises:
            DocumentReadError: the draft's file cannot be read to be stored.
            ProjectReadOnlyError: the project was opened read-only.
        """
        self._check_can_write()
        provincial = comparison.provincial
        with self._lock:
            version = (self._query_value(
                "SELECT MAX(version) FROM documents WHERE role = 'provincial'") or 0) + 1
            document = _document_row("provincial", path, provincial, version)
            national_document = self._query_value(
                "SELECT national_document FROM comparisons WHERE id = ?", [self._comparison_id])
            rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND orphaned = 0 "
                               "ORDER BY seq", [self._comparison_id])
            outcome = carry_over([StoredDecision(_decision(row), row["national_text"] or "",
                                                 row["provincial_text"] or "",
                                                 row["orphan_reason"] or "") for row in rows],
                                 comparison)
            report = ReimportReport(
                comparison=comparison, provincial_version=version, carried=outcome.carried,
                orphaned=[o.decision for o in outcome.orphaned],
                reasons={o.decision.item: o.reason for o in outcome.orphaned})
            plan = []
            for position, result in outcome.steps:
                old_row = rows[position]
                new_row = {k: v for k, v in old_row.items() if k != "id"}
                if isinstance(result, CarriedDecision):
                    new_row.update(item=result.after.item, match=result.after.match,
                                   provincial_text=result.provincial_text,
                                   orphan_reason=result.recheck or None)
                    plan.append((old_row, new_row, "carry-over"))
                else:
                    new_row.update(orphaned=1, orphan_reason=result.reason)
                    plan.append((old_row, new_row, "orphan"))
            with self._db.atomic():
                provincial_id = self._db.table("documents").insert(document).last_pk
                self._db.execute("UPDATE comparisons SET current = 0 WHERE current = 1")
                new_id = self._db.table("comparisons").insert(_comparison_row(
                    comparison, national_document, provincial_id, self._comparison_id)).last_pk
                for old_row, new_row, action in plan:
                    new_row.update(comparison=new_id)
                    self._db.table("decisions").insert(new_row)
                    # An orphan keeps the numbering of the comparison it was made on.
                    self._db.table("audit").insert({
                        "comparison": new_id if action == "carry-over" else self._comparison_id,
                        "item": new_row["item"], "action": action,
                        "before": _json(decision_to_record(_decision(old_row))),
                        "after": (_json(decision_to_record(_decision(new_row)))
                                  if action == "carry-over" else None),
                        "who": reviewer, "at": _now()})
            self._comparison = comparison
            self._undo.clear()
            self._redo.clear()
            self._load_current()
            return report

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
        folder = target.parent if str(target.parent) else Path(".")
        # A short name: the target's own may already be near the file system's limit.
        temporary = folder / f".duizhao-{uuid.uuid4().hex[:12]}.tmp"
        try:
            destination = sqlite3.connect(temporary)
            try:
                with self._lock:
                    self._connection.backup(destination)
                # One self-contained file: no log beside it to lose in a copy.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{target}{suffix}").unlink()
            os.replace(temporary, target)
            _sync_folder(folder)
        except (OSError, sqlite3.Error) as error:
            raise _save_error(error, target, "无法另存项目文件") from error
        finally:
            for leftover in (temporary, Path(f"{temporary}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
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

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

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

    def _live_row(self, item: str) -> dict | None:
        rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND item = ? "
                           "AND orphaned = 0", [self._comparison_id, item])
        if not rows:
            return None
        row = rows[0]
        del row["id"]
        return row

    def _write_live(self, item: str, row: dict | None) -> None:
        """Make ``row`` the live decision on ``item`` (None: no decision). Inside a transaction."""
        self._db.execute("DELETE FROM decisions WHERE comparison = ? AND item = ? AND orphaned = 0",
                         [self._comparison_id, item])
        if row is not None:
            self._db.table("decisions").insert(row)

    def _audit(self, item: str, action: str, before: dict | None, after: dict | None,
               who: str) -> None:
        self._db.table("audit").insert({
            "comparison": self._comparison_id, "item": item, "action": action,
            "before": _json(decision_to_record(_decision(before))) if before else None,
            "after": _json(decision_to_record(_decision(after))) if after else None,
            "who": who, "at": _now()})

    def _texts(self, decision: ReviewDecision) -> tuple[str, str]:
        """The national and provincial clause texts a decision refers to (kept for re-matching)."""
        return decision_texts(self._comparison, decision)


# ---------------------------------------------------------------- helpers

def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return 255


def _check_name_length(path: Path) -> None:
    """SQLite keeps ``<name>-journal`` and ``<name>-wal`` beside a project: refuse a project
    name with no room left for them, rather than fail later with "unable to open"."""
    folder = path.parent if str(path.parent) else Path(".")
    limit = _name_max(folder)
    size = len(os.fsencode(path.name)) + len("-journal")
    if size > limit:
        room = (limit - len("-journal") - len(os.fsencode(path.suffix))) // 3
        raise ProjectFileError(
            f"项目文件名过长（系统允许的文件名最多 {limit} 字节，项目还需在文件名后加上“-journal”），"
            f"请改用较短的文件名（约 {room} 个汉字以内）。", path=str(path))


def _refuse_to_overwrite(path: Path) -> None:
    """Refuse a target that exists and is anything but a Duizhao project or an empty file."""
    _check_name_length(path)
    if path.is_dir():
        raise ProjectFileError("保存目标是一个文件夹，请指定项目文件名。", path=str(path))
    with _open_paths_lock:
        if _open_paths.get(path.resolve(), 0) > 0:
            raise ProjectFileError("该项目正在使用中，请先关闭后再覆盖。", path=str(path))
    lock = _lock_path(path)
    if lock.exists():
        me = LockHolder(host=_host(), user=_user(), pid=os.getpid(), since="")
        if not _ProjectLock._stale(lock, me):  # open for writing in another process
            raise _locked_error(path, read_lock(path), here=False)
    if not path.exists() or path.stat().st_size == 0:
        return
    header = _sqlite_header(path)
    if (len(header) < 100 or not header.startswith(_SQLITE_MAGIC)
            or int.from_bytes(header[68:72], "big", signed=True) != APPLICATION_ID):
        raise ProjectFileError("该位置已有一个不是对照项目的文件，为免覆盖其内容，请另选文件名。",
                               path=str(path))


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise ProjectFileError("项目文件是只读的，无法保存审核决定；请复制到可写的位置后再打开。",
                               path=str(path))


def _writable_connection(path: Path) -> sqlite3.Connection:
    _check_writable(path)
    connection = None
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                     timeout=10)
        connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL, not FULL: a decision is written on the GUI thread as the reviewer clicks, and
        # FULL waits for an fsync of the log on every commit: 0.5 ms a decision on the build
        # machine's cached disk, but an fsync takes tens of ms on a spinning disk, a USB stick or
        # a network share, every click a visibly stuck window. With WAL,
        # NORMAL still writes each commit to the log before returning (a crash of the program
        # loses nothing) and keeps the file consistent on a power cut; what a power cut can
        # take is the last few decisions before the next sync (保存, close, or a checkpoint,
        # which syncs). For a drafting aid whose reviewer can redo a few clicks, that is the
        # better trade than a window that stalls on every click.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        raise ProjectFileError("无法以写入方式打开项目文件（可能正被其他程序占用）。",
                               path=str(path)) from error
    return connection


def _decode_comparison(path: Path, record: dict | None) -> Comparison:
    """The stored comparison; anything that does not decode is a damaged project."""
    if record is None:
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path))
    try:
        comparison = comparison_from_record(record)
        _parameters(comparison)  # used on re-import: must hold values of the right kinds
        return comparison
    except (CodecError, ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        raise ProjectFileError(_MESSAGE_CORRUPT, path=str(path)) from error


def _save_error(error: BaseException, path: Path, what: str) -> ProjectSaveError:
    """A typed, Chinese error for a failed write, by what the OS or SQLite reported."""
    import errno
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    number = getattr(error, "errno", None)
    if primary == 13 or number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):  # SQLITE_FULL
        reason = "磁盘空间已满（或超出了磁盘配额）。请清理磁盘空间后重试"
    elif number == errno.EFBIG or code == 778:  # SQLITE_IOERR_WRITE: also a file-size limit
        reason = "无法写入磁盘（磁盘空间已满，或文件超出了允许的大小）。请清理磁盘空间后重试"
    elif number == errno.ENAMETOOLONG:
        reason = "文件名过长，超出了系统允许的长度。请改用较短的文件名"
    elif primary == 8 or number == errno.EROFS:  # SQLITE_READONLY
        reason = "项目文件或所在的磁盘是只读的。请复制到可写的位置后再打开"
    elif primary in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        reason = "项目文件正被其他程序占用。请稍后重试"
    elif primary == 10 or number == errno.EIO:  # SQLITE_IOERR
        reason = "读写磁盘出错（移动硬盘、U 盘或网络驱动器可能已断开）。请检查后重试"
    elif isinstance(error, PermissionError) or number == errno.EACCES or primary == 23:
        reason = "没有写入权限。请检查文件夹权限或另选保存位置"
    else:
        reason = "请检查保存位置是否可写、磁盘空间是否充足后重试"
    return ProjectSaveError(f"{what}：{reason}。", path=str(path))


def _comparison_row(comparison: Comparison, national_id: int | None, provincial_id: int | None,
                    previous: int | None) -> dict:
    """A comparisons row; the document ids are sqlite-utils' ``last_pk`` (typed Optional, always set here)."""
    return {"engine": comparison.engine,
            "parameters": _json(dict(comparison.parameters)),
            "result": _json(comparison_to_record(comparison)),
            "created_at": _now(), "national_document": national_id,
            "provincial_document": provincial_id, "previous": previous, "current": 1}


def _decision_columns(decision: ReviewDecision) -> dict:
    return {"item": decision.item,
            "status": decision.status.value if decision.status is not None else None,
            "not_applicable": int(decision.not_applicable), "match": decision.match,
            "note": decision.note, "reviewer": decision.reviewer,
            "decided_at": decision.decided_at}


def _decision(row: dict) -> ReviewDecision:
    return decision_from_record({**row, "not_applicable": bool(row["not_applicable"])})


def _audit_row(row: dict) -> dict:
    return {**row, "before": json.loads(row["before"]) if row["before"] else None,
            "after": json.loads(row["after"]) if row["after"] else None}
