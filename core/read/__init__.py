"""Readers, pipeline stage 1: a file or pasted text to a RawDocument of paragraphs."""

from __future__ import annotations

import os
import stat

from core.errors import (
    DocumentReadError,
    DocumentTooLargeError,
    DuizhaoError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from core.model import RawDocument
from core.read.limits import check_paragraphs

# Each reader is imported by the branch that uses it: its library (python-docx and lxml,
# pypdfium2, charset-normalizer, BeautifulSoup) loads only for a file of its format.

__all__ = ["MAX_BYTES", "SUPPORTED_EXTENSIONS", "read_document", "read_text"]

MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_EXTENSIONS = (".docx", ".doc", ".wps", ".pdf", ".ofd", ".txt", ".html", ".htm", ".mht", ".mhtml")
_SUPPORTED_DESCRIPTION = ("Word（.docx、.doc）、WPS（.wps）、PDF（.pdf）、OFD（.ofd）、纯文本（.txt）、"
                          "网页（.html、.htm、单个文件网页 .mht）")


def _stat(path: str) -> os.stat_result:
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise DocumentReadError("找不到文件，请确认文件存在且没有被移动或删除。", path=path) from exc
    except PermissionError as exc:
        raise DocumentReadError("无法读取文件：没有访问权限。", path=path) from exc
    except (OSError, ValueError) as exc:
        raise DocumentReadError("无法读取文件：路径无效或无法访问。", path=path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DocumentReadError("无法读取：这是一个文件夹，不是文件。", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise DocumentReadError("无法读取：这不是普通文件。", path=path)
    return info


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def read_document(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Reads a document file into paragraphs, choosing the reader by extension.

    Args:
        path: a .docx, .doc, .wps, .pdf, .ofd, .txt, .html, .htm, .mht or .mhtml file (extension
            case-insensitive).
        max_bytes: files larger than this are refused before they are read.

    Returns:
        The paragraphs in reading order with what formatting tells, the encoding for text
        formats, and Chinese warnings for the user.

    Raises:
        DocumentReadError: or one of its subclasses, with a Chinese message, for every file
            that cannot be read — missing, unreadable, empty, too large, encrypted, broken,
            of an unsupported format, a PDF without text layer, or a .doc without LibreOffice.
    """
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    info = _stat(path)
    extension = os.path.splitext(path)[1].lower()
    if extension not in SUPPORTED_EXTENSIONS:
        shown = f"“{extension}”" if extension else "没有扩展名的"
        raise UnsupportedFormatError(f"不支持{shown}文件。支持的格式：{_SUPPORTED_DESCRIPTION}。", path=path)
    if info.st_size > max_bytes:
        raise DocumentTooLargeError(
            f"文件过大（{info.st_size / 1024 / 1024:.1f} MB），超过 {max_bytes / 1024 / 1024:g} MB 的上限。",
            path=path,
        )
    if info.st_size == 0:
        raise EmptyDocumentError("文件是空的（0 字节），没有任何内容。", path=path)
    try:
        if extension == ".docx":
            from core.read.word import read_docx

            document = read_docx(path, max_bytes=max_bytes)
        elif extension == ".pdf":
            from core.read.pdf import read_pdf

            document = read_pdf(path)
        elif extension == ".ofd":
            from core.read.ofd import read_ofd

            document = read_ofd(path, max_bytes=max_bytes)
        elif extension == ".txt":
            from core.read.plaintext import read_txt

            document = read_txt(path, _read_bytes(path))
        elif extension in (".html", ".htm"):
            from core.read.webpage import read_html

            document = read_html(path, _read_bytes(path))
        elif extension in (".mht", ".mhtml"):
            from core.read.mhtml import read_mhtml

            document = read_mhtml(path, _read_bytes(path))
        else:
            from core.read.libreoffice import read_legacy_word

            document = read_legacy_word(path, format_name=extension[1:], max_bytes=max_bytes)
        check_paragraphs(document.paragraphs, path)  # every format: what the comparison can take
        return document
    except (DuizhaoError, ImportError):  # ImportError: a broken installation, not a broken file
        raise
    except PermissionError as exc:
        raise DocumentReadError("无法读取文件：没有读取权限。", path=path) from exc
    except MemoryError as exc:
        raise DocumentTooLargeError("文件内容过多，内存不足，无法读取。", path=path) from exc
    except OSError as exc:
        raise DocumentReadError("无法读取文件：读取时出错，文件可能正被其他程序占用或已损坏。", path=path) from exc
    except Exception as exc:  # a parser's own exception for a malformed file must not escape
        raise DocumentReadError("无法读取文件：文件已损坏或格式异常。", path=path) from exc


def read_text(text: str, name: str = "") -> RawDocument:
    """Reads pasted text: one paragraph per line, cleaned like a .txt file.

    Args:
        text: the pasted text.
        name: a name to show for it (kept as RawDocument.path).

    Returns:
        The document with format "text".

    Raises:
        EmptyDocumentError: the text is empty or only whitespace.
        DocumentTooLargeError: more text than the limits in core.read.limits.
    """
    from core.read.plaintext import read_pasted

    document = read_pasted(text, name)
    check_paragraphs(document.paragraphs, None)
    return document
