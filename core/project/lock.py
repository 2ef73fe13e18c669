"""One writer per project: the lock file ``<project>.lock`` beside it, naming who holds it."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sys
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import ProjectFileError, ProjectLockedError, ProjectReadOnlyError
from core.project.rows import _now

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
