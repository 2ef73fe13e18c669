"""Writing output files safely: a temporary name in the same folder, then an atomic rename."""

from __future__ import annotations

import errno
import filecmp
import gc
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from core.errors import ExportError


def _umask() -> int:
    """The process's umask: read from /proc where there is one, else set and put back at once."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems (network shares) cannot sync a folder; the file itself is synced
    finally:
        os.close(descriptor)


def _write_error(error: OSError, target: Path) -> ExportError:
    """A Chinese message for what the OS said when writing ``target`` failed."""
    number = error.errno
    if number == errno.ENAMETOOLONG:
        size = len(os.fsencode(target.name))
        return ExportError(f"文件名过长（{size} 字节；多数系统最多允许 255 字节，一个汉字占 3 字节，约 85 个汉字），"
                           "请改用较短的文件名或保存位置。", path=str(target))
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ExportError("磁盘空间已满，文件未能保存；原有文件未作改动。请清理磁盘空间或另选保存位置。",
                           path=str(target))
    if number == errno.EROFS:
        return ExportError("保存位置是只读的（只读磁盘或光盘），请另选保存位置。", path=str(target))
    if isinstance(error, PermissionError) or number == errno.EACCES:
        return ExportError("目标文件正被其他程序占用或没有写入权限，请关闭该文件后重试。", path=str(target))
    return ExportError(f"写入文件失败：{error.strerror or error}", path=str(target))


def _release_quietly(error: BaseException) -> None:
    """Let go of what a failed writer left open, without its complaints reaching the user.

    A zip writer that met a full disk still holds its file; when it is collected its __del__
    tries to finish the zip, fails again and prints a traceback on stderr. Clearing the failed
    frames collects it here, with that report silenced.
    """
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        traceback.clear_frames(error.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def write_atomically(target: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place.

    A failure never leaves a half-written target; an existing target stays as it was. The file
    is synced to the disk before the rename (and the folder after it), and gets the permissions
    the user's umask gives a new file, whatever the file it replaces had.

    Raises:
        ExportError: the folder does not exist, the name is too long, the disk is full, or the
            target cannot be written or replaced.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise ExportError(f"保存位置不存在：{folder}", path=str(target))
        if target.is_dir():
            raise ExportError("保存目标是一个文件夹，请指定文件名。", path=str(target))
    except OSError as error:  # a name too long even to look at
        raise _write_error(error, target) from error
    try:
        # A short temporary name: the target's own may be near the file system's limit.
        handle, temporary = tempfile.mkstemp(prefix=".duizhao-", suffix=f".tmp{target.suffix[:16]}",
                                             dir=folder)
        os.close(handle)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EROFS, errno.ENAMETOOLONG):
            raise _write_error(error, target) from error
        raise ExportError("无法在该位置写入文件，请检查文件夹权限或另选保存位置。",
                          path=str(target)) from error
    temporary_path = Path(temporary)
    try:
        write(temporary_path)
        with open(temporary_path, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary_path, 0o666 & ~_umask())
        if target.exists() and not os.access(target, os.W_OK):
            raise ExportError("目标文件为只读，无法覆盖。请另存为其他文件名。", path=str(target))
        os.replace(temporary_path, target)
        _sync_folder(folder)
    except OSError as error:
        _release_quietly(error)
        raise _write_error(error, target) from error
    finally:
        if temporary_path.exists():
            temporary_path.unlink()
    return target


def write_text_atomically(target: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to ``target`` atomically (see write_atomically)."""
    return write_atomically(target, lambda path: path.write_text(text, encoding="utf-8"))


def same_file(first: str | os.PathLike, second: str | os.PathLike) -> bool:
    """Whether two paths name the same file: through symlinks, hard links and letter case.

    An existing pair is compared by device and inode (``os.path.samefile``), which also sees
    through case-insensitive file systems; otherwise by the resolved, case-normalised paths.
    """
    try:
        if os.path.exists(first) and os.path.exists(second):
            return os.path.samefile(first, second)
    except (OSError, ValueError):
        pass
    try:
        return (os.path.normcase(os.path.realpath(first)) == os.path.normcase(os.path.realpath(second)))
    except (OSError, ValueError):
        return False


def same_document(first: str | os.PathLike, second: str | os.PathLike) -> bool:
    """Whether two paths hold one document: the same file, or a byte-for-byte copy of it.

    A copy of the national text saved among the provinces' drafts is the national text, and a
    draft copied into two folders is one draft; comparing either again would only add a column
    that says nothing new.
    """
    if same_file(first, second):
        return True
    try:
        return (os.path.isfile(first) and os.path.isfile(second)
                and os.path.getsize(first) == os.path.getsize(second)
                and filecmp.cmp(first, second, shallow=False))
    except (OSError, ValueError):
        return False


def refuse_input_as_output(target: str | os.PathLike, inputs) -> None:
    """Refuse to write ``target`` when it is one of ``inputs`` (the documents being compared).

    Raises:
        ExportError: the target is an input file; nothing has been written.
    """
    for source in inputs:
        if source and same_file(target, source):
            raise ExportError("保存位置就是正在对照的原文件，保存会覆盖原文件。请另选一个文件名。",
                              path=str(target))
