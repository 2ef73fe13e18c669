"""Old Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice, then read as .docx.

Only OLE2 compound files (the container of Word 97–2003 and WPS binaries) are handed to
LibreOffice. Anything else wearing a .doc/.wps name — HTML, flat ODT, RTF, images — is refused
with its own message: LibreOffice would fetch the remote stylesheets and images such files name.
The conversion runs in a fresh profile with linked content and macros off and, where the OS
allows it, in a network namespace of its own, so it cannot open a connection.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from core.errors import (
    ConverterMissingError,
    DocumentReadError,
    DuizhaoError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from core.model import RawDocument
from core.read.container import CFB_MAGIC, EMPTY_ZIP_MAGIC, ZIP_MAGIC, inspect_compound_file
from core.read.word import ENCRYPTED_MESSAGE, read_docx

CONVERT_TIMEOUT_SECONDS = 45  # part of the 60 s any accepted input may take
CONVERTER_MISSING_MESSAGE = (
    "读取 .doc / .wps 文件需要安装 LibreOffice（免费办公软件），本机未找到。"
    "也可以在 Word 或 WPS 中将文件“另存为” .docx 格式后再打开。"
)
_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_CANDIDATE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"

# A fresh profile's settings: no linked content (images, stylesheets) from untrusted documents,
# links never updated on loading, and macros never run. The list of trusted locations is empty,
# so every document is untrusted. LibreOffice 7.4 still tries to fetch a picture a .doc links
# to (INCLUDEPICTURE): the network namespace is what stops that connection.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc">\
<prop oor:name="CrashReport" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Load">\
<prop oor:name="UpdateDocMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">\
<prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
</oor:items>
"""

SAVE_AS_DOCX = "请在 Word 或 WPS 中“另存为” .docx 后再打开。"
# What a file that is not an OLE2 compound file really is, by its first bytes.
_DISGUISES = (
    ((b"\x89PNG\r\n\x1a\n",), "PNG 图片"),
    ((b"\xff\xd8\xff",), "JPEG 图片"),
    ((b"GIF87a", b"GIF89a"), "GIF 图片"),
    ((b"BM",), "BMP 图片"),
    ((b"II*\x00", b"MM\x00*"), "TIFF 图片"),
    ((b"%PDF-",), "PDF 文件"),
    ((b"{\\rtf",), "RTF 格式文档"),
    ((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b"), "压缩包"),
    ((b"MZ", b"\x7fELF"), "可执行程序"),
)
_MARKUP_HINTS = (b"<html", b"<!doctype", b"<?xml", b"<office:document", b"<body", b"<head",
                 b"<meta", b"<w:document", b"<?mso-application")


def describe_disguise(data: bytes) -> str | None:
    """What a non-OLE file named .doc/.wps really is ("PNG 图片", "网页或 XML 文件" …), or None."""
    for magics, name in _DISGUISES:
        if data.startswith(magics):
            return name
    head = data[:4096].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower().replace(b"\x00", b"")
    if any(hint in head for hint in _MARKUP_HINTS) or head.startswith(b"<"):
        return "网页（HTML）或 XML 文件"
    return None


def not_a_word_binary_message(data: bytes, extension: str) -> str:
    """The message for a .doc/.wps file that is not an OLE2 Word/WPS document."""
    what = describe_disguise(data)
    shown = extension or ".doc"
    if what is None:
        return (f"扩展名是 {shown}，但文件内容不是 Word 或 WPS 文档（可能已损坏，或是其他格式改了扩展名），"
                f"无法读取。{SAVE_AS_DOCX}")
    return (f"扩展名是 {shown}，但文件内容实际是{what}，不是 Word 或 WPS 文档，无法读取。"
            f"如果这是正文，{SAVE_AS_DOCX}")


_network_isolation: list[str] | None = None


def network_isolation_prefix() -> list[str]:
    """The command prefix that runs a program without network access, or [] where impossible.

    Linux: ``unshare -n`` (as root) or ``unshare -rn`` (an unprivileged user namespace), when
    either works on this system. Elsewhere the profile's settings are the only guard.
    """
    global _network_isolation
    if _network_isolation is not None:
        return _network_isolation
    _network_isolation = []
    unshare = shutil.which("unshare") if sys.platform.startswith("linux") else None
    if unshare:
        for flags in ("-n", "-rn"):
            try:
                probe = subprocess.run([unshare, flags, "true"], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       timeout=10, check=False)
            except (OSError, subprocess.SubprocessError):
                continue
            if probe.returncode == 0:
                _network_isolation = [unshare, flags]
                break
    return _network_isolation


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
    if not data.startswith(CFB_MAGIC):
        # Only OLE2 Word/WPS binaries go to LibreOffice: HTML, flat ODT or RTF would be
        # converted too, fetching what they link to.
        raise UnsupportedFormatError(not_a_word_binary_message(data, suffix), path=path)
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
    elif "Workbook" in compound.streams or "Book" in compound.streams:
        raise UnsupportedFormatError(f"这是 Excel 表格文件，不是 Word 或 WPS 文档，无法读取。{SAVE_AS_DOCX}",
                                     path=path)
    elif "PowerPoint Document" in compound.streams:
        raise UnsupportedFormatError(f"这是 PowerPoint 演示文稿，不是 Word 或 WPS 文档，无法读取。{SAVE_AS_DOCX}",
                                     path=path)

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
        (work / "profile" / "user").mkdir(parents=True)
        (work / "profile" / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        env = dict(os.environ, HOME=str(work / "home"))
        for proxy in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"):
            env.pop(proxy, None)
            env.pop(proxy.upper(), None)
        command = [
            *network_isolation_prefix(),
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
        try:
            document = read_docx(str(converted), max_bytes=max_bytes)
        except DuizhaoError as exc:
            # The converted file is a temporary one that is about to be removed: name the
            # user's file, and say what went wrong without the .docx reader's wording.
            if isinstance(exc, EmptyDocumentError):
                raise EmptyDocumentError("文档中没有任何文字。", path=path) from exc
            message = exc.message.replace("（.docx）", "").replace(".docx", "转换后的文档")
            raise type(exc)(message, path=path) from exc
    return RawDocument(path=path, format=format_name, paragraphs=document.paragraphs, warnings=document.warnings)
