"""Old Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice, then read as .docx."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from core.errors import ConverterMissingError, DocumentReadError, EmptyDocumentError, EncryptedDocumentError
from core.model import RawDocument
from core.read.container import CFB_MAGIC, EMPTY_ZIP_MAGIC, ZIP_MAGIC, inspect_compound_file
from core.read.word import ENCRYPTED_MESSAGE, read_docx

CONVERT_TIMEOUT_SECONDS = 120
CONVERTER_MISSING_MESSAGE = (
    "读取 .doc / .wps 文件需要安装 LibreOffice（免费办公软件），本机未找到。"
    "也可以在 Word 或 WPS 中将文件“另存为” .docx 格式后再打开。"
)
_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_CANDIDATE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> str | None:
    """The LibreOffice executable: soffice or libreoffice on PATH, or the usual install place."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = _WINDOWS_CANDIDATES if sys.platform == "win32" else (_MAC_CANDIDATE,)
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return None


def _run_converter(command: list[str], env: dict[str, str], path: str) -> None:
    """Runs soffice with a time limit, killing it and its children when the limit passes."""
    options: dict = {}
    if os.name == "posix":
        options["start_new_session"] = True  # a process group of our own, to kill soffice.bin too
    elif sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NO_WINDOW
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, **options
    )
    try:
        process.wait(timeout=CONVERT_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        if os.name == "posix":
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            process.kill()
        process.wait()
        raise DocumentReadError(
            f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT_SECONDS} 秒），请在 Word 或 WPS 中另存为 .docx 后再打开。",
            path=path,
        ) from exc


def read_legacy_word(path: str, *, format_name: str, max_bytes: int) -> RawDocument:
    """Reads a .doc or .wps file through LibreOffice.

    A file that is really a .docx (a zip) is read directly, without LibreOffice. The conversion
    runs in a temporary directory (with its own HOME and LibreOffice profile, so an open
    LibreOffice window is not disturbed) that is always removed.

    Args:
        path: the .doc or .wps file.
        format_name: "doc" or "wps", kept in the result.
        max_bytes: the size limit, passed on to the .docx reader.

    Raises:
        ConverterMissingError: LibreOffice is not installed.
        EncryptedDocumentError: the document is password-protected.
        DocumentReadError: the conversion failed or timed out.
    """
    with open(path, "rb") as stream:
        data = stream.read()
    if not data.strip():
        raise EmptyDocumentError("文件是空的，没有任何内容。", path=path)
    suffix = Path(path).suffix.lower()
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        document = read_docx(path, max_bytes=max_bytes)
        return RawDocument(path=path, format=format_name, paragraphs=document.paragraphs, warnings=document.warnings)
    if data.startswith(CFB_MAGIC):
        try:
            compound = inspect_compound_file(data)
        except ValueError as exc:
            raise DocumentReadError("文件已损坏，无法读取。", path=path) from exc
        if compound.encrypted_package or compound.word_encrypted:
            raise EncryptedDocumentError(ENCRYPTED_MESSAGE, path=path)
        if "WordDocument" in compound.streams:
            # WPS saves Word-compatible binaries; naming them .doc keeps LibreOffice from trying
            # its Microsoft Works filter first.
            suffix = ".doc"

    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissingError(CONVERTER_MISSING_MESSAGE, path=path)
    with tempfile.TemporaryDirectory(prefix="duizhao-convert-") as workdir:
        work = Path(workdir)
        # An ASCII copy: the output name is predictable and odd characters in the user's file
        # name cannot confuse the command line.
        source = work / f"source{suffix or '.doc'}"
        source.write_bytes(data)
        (work / "home").mkdir()
        env = dict(os.environ, HOME=str(work / "home"))
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault",
            "--convert-to", "docx", "--outdir", str(work / "out"), str(source),
        ]
        _run_converter(command, env, path)
        converted = work / "out" / "source.docx"
        if not converted.is_file():
            raise DocumentReadError(
                "LibreOffice 无法转换此文件，文件可能已损坏。请在 Word 或 WPS 中另存为 .docx 后再打开。", path=path
            )
        document = read_docx(str(converted), max_bytes=max_bytes)
    return RawDocument(path=path, format=format_name, paragraphs=document.paragraphs, warnings=document.warnings)
