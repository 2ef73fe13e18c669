"""Plain text: .txt files in UTF-8 / UTF-16 / GB18030 and text pasted into the app."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from core.errors import DocumentReadError, EmptyDocumentError
from core.model import Paragraph, RawDocument
from core.read.limits import MAX_CHARACTERS, check_raw_text, too_many_characters
from core.read.normalize import CJK_CHAR_RE, normalize_paragraph_text
from core.read.unwrap import WARNING as UNWRAP_WARNING, unwrapped

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85")
NOT_TEXT_MESSAGE = "这不是文本文件（内容是二进制数据或编码无法识别），无法读取。"


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with how it was decoded.

    Attributes:
        text: the decoded text, BOM removed.
        encoding: the codec name used ("utf-8", "utf-8-sig", "utf-16-le", "gb18030" …).
        warnings: Chinese notes when the encoding was guessed rather than proven.
    """

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _is_plausible(text: str, *, strict: bool = False) -> bool:
    """Whether decoded text looks like human text rather than decoded binary.

    Args:
        text: the decoded text.
        strict: require the text to be almost all ASCII or CJK (used for a UTF-16 guess without
            BOM, where random bytes decode to assigned but meaningless code points).
    """
    sample = text[:200_000]
    if not sample:
        return True
    if "\x00" in sample:
        return False
    controls = 0
    odd = 0  # private use, unassigned, surrogates, C1 controls: never in real documents
    ascii_or_cjk = 0
    for char in sample:
        code = ord(char)
        if code < 0x80:
            if code < 0x20 or code == 0x7F:
                if char not in _ALLOWED_CONTROLS:
                    controls += 1
                    continue
            ascii_or_cjk += 1
        elif CJK_CHAR_RE.match(char):
            ascii_or_cjk += 1
        elif unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs") and char not in _ALLOWED_CONTROLS:
            odd += 1
    size = len(sample)
    if controls > max(2, size // 500) or odd > max(2, size // 200):
        return False
    if strict:
        return ascii_or_cjk >= 0.9 * size
    return True


def _gb2312_share(text: str) -> float:
    """The share of ideographs that are in GB2312, the set everyday Simplified text uses.

    Bytes of other encodings (UTF-8 with a damaged byte, Big5) often decode as GB18030 without
    error but land mostly on rare characters, which this exposes.
    """
    ideographs = [c for c in text[:200_000] if "\u4e00" <= c <= "\u9fff"]
    if not ideographs:
        return 1.0
    common = 0
    for char in ideographs:
        try:
            char.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(ideographs)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec to try when NUL bytes sit only at odd (LE) or even (BE) positions."""
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # ASCII characters (line breaks, digits) put their NUL on one side; a few ideographs such
    # as 一 (U+4E00) put one on the other, so the pattern needs to be dominant, not pure.
    if odd >= 2 and even * 4 <= odd:
        return "utf-16-le"
    if even >= 2 and odd * 4 <= even:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_text_bytes(data: bytes, *, path: str | None = None) -> DecodedText:
    """Decodes the bytes of a text file, refusing anything that is not text.

    Order: a BOM; UTF-16 without BOM when the NUL pattern shows it; UTF-8 strict; GB18030
    strict; then charset-normalizer. Every result must look like text; a guess that was not
    proven by a strict decode comes with a warning.

    Args:
        data: the file's bytes.
        path: the file, for error messages.

    Returns:
        The decoded text and the encoding name.

    Raises:
        DocumentReadError: the bytes are not text in any encoding we can trust.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is not None and _is_plausible(text):
                return DecodedText(text, encoding)
            raise DocumentReadError(NOT_TEXT_MESSAGE, path=path)

    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        text = _strict(data, utf16) if utf16 else None
        if utf16 and text is not None and _is_plausible(text, strict=True):
            return DecodedText(text, utf16)
        # NUL bytes in anything but UTF-16/32 mean binary data.
        raise DocumentReadError(NOT_TEXT_MESSAGE, path=path)

    text = _strict(data, "utf-8")
    if text is not None:
        if _is_plausible(text):
            return DecodedText(text, "utf-8")
        raise DocumentReadError(NOT_TEXT_MESSAGE, path=path)

    text = _strict(data, "gb18030")
    if text is not None and _is_plausible(text) and _gb2312_share(text) >= 0.8:
        return DecodedText(text, "gb18030")

    # UTF-8 damaged in a few places (a truncated download, a bad copy) is still UTF-8.
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    if damaged <= max(4, len(lenient) // 200) and _is_plausible(lenient):
        return DecodedText(
            lenient,
            "utf-8",
            (f"文件中有 {damaged} 处无法识别的字符（已显示为 �），请核对原文。",),
        )

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = codecs.lookup(best.encoding).name
        text = _strict(data, encoding)
        if text is not None and _is_plausible(text):
            return DecodedText(
                text,
                encoding,
                (f"未能确定文件编码，已按 {encoding} 读取；如出现乱码，请将文件另存为 UTF-8 编码后重试。",),
            )
    raise DocumentReadError(NOT_TEXT_MESSAGE, path=path)


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Splits text into paragraphs at every line break (\\r\\n, \\r, \\n, U+2028/2029 …).

    Args:
        text: decoded or pasted text.

    Returns:
        The non-empty lines as paragraphs, cleaned.
    """
    paragraphs = []
    for line in text.splitlines():
        cleaned = normalize_paragraph_text(line)
        if cleaned:
            paragraphs.append(Paragraph(text=cleaned))
    return tuple(paragraphs)


def read_txt(path: str, data: bytes) -> RawDocument:
    """Reads a .txt file's bytes into paragraphs, one per line.

    Args:
        path: the file name, kept in the result.
        data: the file's content.

    Raises:
        EmptyDocumentError: nothing but whitespace.
        DocumentReadError: not a text file.
    """
    if len(data) > 16 * MAX_CHARACTERS:
        # Even as UTF-32 these bytes hold four times the text the limit allows: refused unread.
        raise too_many_characters(path, None)
    decoded = decode_text_bytes(data, path=path)
    check_raw_text(decoded.text, path)
    paragraphs, joins = unwrapped(split_paragraphs(decoded.text))
    if not paragraphs:
        raise EmptyDocumentError("文件中没有任何文字（空文件或只有空白）。", path=path)
    return RawDocument(
        path=path,
        format="txt",
        paragraphs=paragraphs,
        encoding=decoded.encoding,
        warnings=decoded.warnings + ((UNWRAP_WARNING.format(count=joins),) if joins else ()),
    )


def read_pasted(text: str, name: str = "") -> RawDocument:
    """Reads pasted text the same way as a .txt file.

    Raises:
        EmptyDocumentError: the text is empty or only whitespace.
        DocumentTooLargeError: far more text than the limits allow.
    """
    check_raw_text(text, None)
    paragraphs, joins = unwrapped(split_paragraphs(text))
    if not paragraphs:
        raise EmptyDocumentError("粘贴的文本为空，请先粘贴文件内容。")
    return RawDocument(path=name, format="text", paragraphs=paragraphs,
                       warnings=(UNWRAP_WARNING.format(count=joins),) if joins else ())
