"""Single-file web pages (.mht, .mhtml): a page saved whole by a browser (IE, 360, Edge, Chrome:
“网页，单个文件”) or by Word (“单个文件网页”), a MIME message whose first HTML part is the page.

The page is read as a saved .html page is (``core.read.webpage``); its pictures and styles, the
message's other parts, are left aside. Python's ``email`` package reads the MIME structure and
undoes the transfer encoding (quoted-printable, base64).
"""

from __future__ import annotations

import codecs
import email.parser
import email.policy
import email.utils
import re

from core.errors import DocumentReadError
from core.model import RawDocument
from core.read.webpage import GB_ALIASES, LATIN_CHARSETS as _LATIN_CHARSETS, read_html

_HTML_START = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
NOT_MHTML_MESSAGE = ("文件不是有效的单个文件网页（.mht），其中没有网页内容。"
                     "请在浏览器中重新打开原网页，另存为“网页，仅 HTML”（.html）后再对照。")


def read_mhtml(path: str, data: bytes) -> RawDocument:
    """Reads the page of a single-file web page.

    Args:
        path: the file name, kept in the result.
        data: the file's bytes.

    Returns:
        The page's main text, as ``read_html`` gives it (format "html").

    Raises:
        DocumentReadError: the file holds no HTML page (or what ``read_html`` raises).
    """
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
    page = _page_part(message)
    if page is None:
        if _HTML_START.search(data[:4096]):
            return read_html(path, data, frames=False)  # a plain page given the .mht name
        raise DocumentReadError(NOT_MHTML_MESSAGE, path=path)
    body = page.get_payload(decode=True) or b""
    charset = page.get_content_charset()
    if charset and charset.lower() not in _LATIN_CHARSETS:
        try:
            # Decoded here with the part's own charset, handed on as UTF-8 with its mark, so a
            # <meta charset> the browser left unchanged does not decode it a second time.
            codec = "gb18030" if charset.lower() in GB_ALIASES else charset
            body = codecs.BOM_UTF8 + body.decode(codec).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # left to the page's declaration or to detection
    # Labelled Latin-1 (often wrongly, for a Chinese page): left to the page reader's checks.
    return read_html(path, body, frames=False)


def _page_part(message):
    """The page: the part the message names as its start (multipart/related's ``start``) or
    else its first text/html part; None when there is none."""
    parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    start = message.get_param("start") if message.is_multipart() else None
    if start:
        start = str(email.utils.collapse_rfc2231_value(start)).strip()  # start*=utf-8''…
        named = [part for part in parts if str(part.get("Content-ID", "")).strip() == start]
        parts = named + parts
    return parts[0] if parts else None
