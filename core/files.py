"""Writing output files safely: a temporary name in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.errors import ExportError


def write_atomically(target: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place.

    A failure never leaves a half-written target; an existing target stays as it was.

    Raises:
        ExportError: the folder does not exist, or the target cannot be written or replaced.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"保存位置不存在：{folder}", path=str(target))
    if target.is_dir():
        raise ExportError("保存目标是一个文件夹，请指定文件名。", path=str(target))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix,
                                             dir=folder)
        os.close(handle)
    except OSError as error:
        raise ExportError("无法在该位置写入文件，请检查文件夹权限或另选保存位置。",
                          path=str(target)) from error
    temporary_path = Path(temporary)
    try:
        write(temporary_path)
        if target.exists() and not os.access(target, os.W_OK):
            raise ExportError("目标文件为只读，无法覆盖。请另存为其他文件名。", path=str(target))
        os.replace(temporary_path, target)
    except PermissionError as error:
        raise ExportError("目标文件正被其他程序占用或没有写入权限，请关闭该文件后重试。",
                          path=str(target)) from error
    except OSError as error:
        raise ExportError(f"写入文件失败：{error.strerror or error}", path=str(target)) from error
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


def refuse_input_as_output(target: str | os.PathLike, inputs) -> None:
    """Refuse to write ``target`` when it is one of ``inputs`` (the documents being compared).

    Raises:
        ExportError: the target is an input file; nothing has been written.
    """
    for source in inputs:
        if source and same_file(target, source):
            raise ExportError("保存位置就是正在对照的原文件，保存会覆盖原文件。请另选一个文件名。",
                              path=str(target))
