"""Writing project files: the writable connection, backups, replacing a file safely, save errors."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from core.errors import ProjectFileError, ProjectSaveError
from core.project.check import _SQLITE_MAGIC, _pending_log, _read_only, _sqlite_header
from core.project.lock import LockHolder, _host, _locked_error, _lock_path, _ProjectLock, _user, read_lock
from core.project.schema import APPLICATION_ID

SUFFIX = ".duizhao"

# Projects open in this process: ``create`` must not replace a file under an open connection.
_open_paths: Counter[Path] = Counter()
_open_paths_lock = threading.Lock()


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


def _write_into_place(target: Path, fill: Callable[[Path], None], what: str) -> None:
    """Write a whole project file with ``fill(temporary)`` under a temporary name beside
    ``target``, then rename it into place: a crash leaves the old file or the new, never half.

    A stale log beside the target would be replayed into the new file, so it goes first; the
    temporary file and any log SQLite left beside it are removed whatever happens.

    Raises:
        ProjectSaveError: the file cannot be written (``what`` says what was being done).
    """
    folder = target.parent if str(target.parent) else Path(".")
    # A short name: the target's own may already be near the file system's limit.
    temporary = folder / f".duizhao-{uuid.uuid4().hex[:12]}.tmp"
    try:
        fill(temporary)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}{suffix}").unlink()
        os.replace(temporary, target)
        _sync_folder(folder)
    except (OSError, sqlite3.Error) as error:
        raise _save_error(error, target, what) from error
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{temporary}{suffix}").unlink()


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
