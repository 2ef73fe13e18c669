"""PDF with a text layer: lines per page, running headers and page numbers removed, lines re-joined."""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.errors import DocumentReadError, DocumentTooLargeError, EncryptedDocumentError, NoTextLayerError
from core.read.limits import MAX_CHARACTERS, MAX_PDF_PAGES, too_many_characters
from core.model import Paragraph, RawDocument
from core.read.normalize import is_cjk, normalize_paragraph_text

NO_TEXT_LAYER_MESSAGE = "这个 PDF 无文字层，请先进行文字识别（OCR），或改用 Word 原文件。"

# Page-number lines, matched after removing all whitespace: "— 3 —", "- 3 -", "—3—", "3",
# "第3页", "第 3 页 共 10 页", "共10页 第3页", "3/10", "Page 3 of 10".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－―─~～_·•]*\d{1,4}[-—–－―─~～_·•]*"
    r"|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?"
    r"|共\d{1,4}页[,，/]?第\d{1,4}页"
    r"|\d{1,4}/\d{1,4}"
    r"|(?:page)?\d{1,4}(?:of\d{1,4})?)$",
    re.IGNORECASE,
)
# The start of a numbered heading or item: 一、 （一） (一) 1. 1． 1、 （1） ① 第X章 第X条 …
_NUMBERING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+、"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,3}[.．、](?!\d)"
    r"|[（(]\d{1,3}[）)]"
    r"|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u2487]"
    r"|第[一二三四五六七八九十百千零〇\d]+[编章节条部分])"
)
# Punctuation that ends a sentence or introduces what follows; closing quotes and brackets
# after it count too ("……意见。”").
_TERMINAL_RE = re.compile(r"[。！？：；.!?:;…][”’」』》〉)）\]】]*$")
_BOLD_FONT_RE = re.compile(r"bold|heavy|black|semibold|demibold|[-,]w[6-9]\b", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
_GENERATED_SPACE = "\x00"  # a placeholder: NUL never comes out of a text layer as text


@dataclass
class _Line:
    """One text line of a page, with the geometry the paragraph joiner needs (PDF points)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int


def is_page_number_line(text: str) -> bool:
    """Whether a line is only a page number ("— 3 —", "第 3 页 共 10 页", "3")."""
    return _PAGE_NUMBER_RE.match(re.sub(r"\s+", "", text)) is not None


def starts_with_numbering(text: str) -> bool:
    """Whether a line begins with an official numbering marker (一、 （一） 1. ① 第三条)."""
    return _NUMBERING_START_RE.match(text.lstrip()) is not None


def _page_lines(page, page_number: int) -> tuple[list[_Line], int, int]:
    """The page's lines in pdfium's reading order, plus counts of characters and unmapped ones."""
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        lines: list[_Line] = []
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float, float, bool]] = []
        rect = pdfium_c.FS_RECTF()
        font_name = ctypes.create_string_buffer(256)
        font_flags = ctypes.c_int()
        unmapped = 0
        real_chars = 0

        def flush() -> None:
            # Keep a space pdfium generated only between two Latin words: next to Chinese it
            # stands for the gap LibreOffice and Word leave around Latin text, not a typed space.
            for position, char in enumerate(chars):
                if char == _GENERATED_SPACE:
                    before = chars[position - 1] if position else ""
                    after = chars[position + 1] if position + 1 < len(chars) else ""
                    keep = before and after and not is_cjk(before) and not is_cjk(after)
                    chars[position] = " " if keep else ""
            text = "".join(chars)
            if text.strip() and boxes:
                lines.append(
                    _Line(
                        text=text,
                        left=min(b[0] for b in boxes),
                        right=max(b[1] for b in boxes),
                        top=max(b[2] for b in boxes),
                        bottom=min(b[3] for b in boxes),
                        size=statistics.median(b[4] for b in boxes),
                        bold=all(b[5] for b in boxes),
                        page=page_number,
                    )
                )
            chars.clear()
            boxes.clear()

        index = 0
        while index < count:
            code = pdfium_c.FPDFText_GetUnicode(handle, index)
            generated = pdfium_c.FPDFText_IsGenerated(handle, index) == 1
            current = index
            index += 1
            if 0xD800 <= code <= 0xDBFF and index < count:
                low = pdfium_c.FPDFText_GetUnicode(handle, index)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 1
            char = chr(code) if code else ""
            if char in ("\r", "\n"):
                flush()
                continue
            if generated:
                # Spaces pdfium inserts for wide gaps: LibreOffice and Word leave such gaps
                # between Chinese and Latin text, where no space was typed.
                if char == " ":
                    chars.append(_GENERATED_SPACE)
                continue
            if not char:
                unmapped += 1
                continue
            real_chars += 1
            if pdfium_c.FPDFText_HasUnicodeMapError(handle, current) == 1:
                unmapped += 1
            if char.isspace():
                chars.append(char)
                continue
            pdfium_c.FPDFText_GetLooseCharBox(handle, current, ctypes.byref(rect))
            size = pdfium_c.FPDFText_GetFontSize(handle, current) or abs(rect.top - rect.bottom)
            pdfium_c.FPDFText_GetFontInfo(handle, current, font_name, len(font_name), ctypes.byref(font_flags))
            weight = pdfium_c.FPDFText_GetFontWeight(handle, current)
            bold = (
                weight >= 600
                or bool(font_flags.value & _FORCE_BOLD_FLAG)
                or _BOLD_FONT_RE.search(font_name.value.decode("latin-1")) is not None
            )
            chars.append(char)
            boxes.append((rect.left, rect.right, rect.top, rect.bottom, size, bold))
        flush()
        return lines, real_chars, unmapped
    finally:
        textpage.close()


def _edge_key(text: str) -> str:
    """A header/footer line with digits masked, so "第3页" and "第4页" compare equal."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _line_pitch(lines: list[_Line]) -> float:
    """The usual distance between the baselines of consecutive lines on a page (0 if unknown)."""
    pitches = [
        a.bottom - b.bottom
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 < a.bottom - b.bottom < 4 * max(a.size, 1)
    ]
    return statistics.median(pitches) if pitches else 0.0


def _remove_running_lines(pages: list[list[_Line]]) -> None:
    """Drops page numbers and running headers/footers, in place.

    A running line repeats, digits aside, among the first or last three lines of most pages,
    at the same height on each, and stands apart from the body by more than a line's pitch:
    body text that happens to repeat fails one of these.
    """
    with_text = [lines for lines in pages if lines]
    threshold = max(2, (len(with_text) + 1) // 2)
    pitch = _line_pitch([line for lines in with_text for line in lines])

    def apart(line: _Line, neighbour: _Line | None) -> bool:
        return neighbour is None or not pitch or abs(line.bottom - neighbour.bottom) > 1.5 * pitch

    def running_keys(top: bool) -> set[str]:
        heights: dict[str, list[float]] = {}
        for lines in with_text:
            ordered = lines if top else lines[::-1]
            candidates: dict[str, _Line] = {}
            for position, line in enumerate(ordered[:3]):
                inner = ordered[position + 1] if position + 1 < len(ordered) else None
                if apart(line, inner):
                    candidates.setdefault(_edge_key(line.text), line)
            for key, line in candidates.items():
                heights.setdefault(key, []).append(line.bottom)
        keys = set()
        for key, values in heights.items():
            middle = statistics.median(values)
            if sum(abs(value - middle) <= 3 for value in values) >= threshold:
                keys.add(key)
        return keys

    running_top = running_keys(top=True)
    running_bottom = running_keys(top=False)
    for lines in pages:
        # Up to three lines at each edge: a header, a rule of text, a page number.
        for _ in range(3):
            if lines and (is_page_number_line(lines[0].text) or _edge_key(lines[0].text) in running_top):
                lines.pop(0)
        for _ in range(3):
            if lines and (is_page_number_line(lines[-1].text) or _edge_key(lines[-1].text) in running_bottom):
                lines.pop()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


class _Layout:
    """The text block of the document: its left and right edges and the usual line pitch."""

    def __init__(self, lines: list[_Line]) -> None:
        self.right = _percentile([line.right for line in lines], 0.9)
        self.left = _percentile([line.left for line in lines], 0.1)
        self.pitch = _line_pitch(lines)
        # How this document marks a new paragraph: a first-line indent, extra space, or neither
        # (then a sentence-final punctuation mark at the line end is the only hint left).
        starts = [b for a, b in zip(lines, lines[1:]) if not self.is_full(a)]
        self.indented = bool(starts) and sum(self.is_indented(b) for b in starts) >= 0.5 * len(starts)
        gaps_after_short = [
            a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and not self.is_full(a)
        ]
        self.spaced = bool(gaps_after_short) and self.pitch > 0 and (
            statistics.median(gaps_after_short) > 1.3 * self.pitch
        )

    def is_full(self, line: _Line) -> bool:
        """The line runs from (near) the left edge to the right edge: the paragraph may go on."""
        em = max(line.size, 1.0)
        return line.left <= self.left + 3 * em and line.right >= self.right - 2 * em

    def is_indented(self, line: _Line) -> bool:
        """The line starts right of the text block's left edge (first-line indent, centring)."""
        return line.left > self.left + 1.0 * max(line.size, 1.0)

    def ends_paragraph(self, line: _Line, following: _Line) -> bool:
        """Whether a paragraph ends after this line, given the line that follows it."""
        if not self.is_full(line):
            return True  # clearly shorter than the usual line: the paragraph's last line
        if starts_with_numbering(following.text):
            return True
        if self.is_indented(following):
            return True  # continuation lines start at the left edge
        if line.page == following.page and self.pitch and line.bottom - following.bottom > 1.4 * self.pitch:
            return True
        if _TERMINAL_RE.search(line.text.rstrip()):
            # A full line that happens to end a sentence usually goes on when the document marks
            # its paragraphs by indent or spacing, which were checked above.
            return not (self.indented or self.spaced)
        return False


def _join(left: str, right: str) -> str:
    """Joins two lines of one paragraph: CJK without a space, Latin words with one."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        return left[:-1] + right  # a word hyphenated at the line end
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    return f"{left} {right}"


def _paragraphs(lines: list[_Line]) -> list[Paragraph]:
    if not lines:
        return []
    layout = _Layout(lines)
    paragraphs: list[Paragraph] = []
    current: list[_Line] = []

    def flush() -> None:
        if not current:
            return
        text = current[0].text
        for line in current[1:]:
            text = _join(text, line.text)
        text = normalize_paragraph_text(text)
        if text:
            # Centred: equal margins on both sides, and not flush with the edges as justified
            # body lines are (a centred title may nearly fill the line).
            centered = all(
                abs((line.left - layout.left) - (layout.right - line.right)) < max(line.size, 1.0)
                and line.left - layout.left > 0.25 * max(line.size, 1.0)
                for line in current
            )
            paragraphs.append(Paragraph(text=text, bold=all(line.bold for line in current), centered=centered))
        current.clear()

    for line, following in zip(lines, lines[1:] + [None]):
        current.append(line)
        if following is None or layout.ends_paragraph(line, following):
            flush()
    flush()
    return paragraphs


def _declares_encryption(path: str) -> bool:
    """Whether the file names an encryption dictionary (a PDF needing a password has one)."""
    try:
        with open(path, "rb") as stream:
            return b"/Encrypt" in stream.read()
    except OSError:
        return False


def read_pdf(path: str) -> RawDocument:
    """Reads the text layer of a PDF into paragraphs.

    Args:
        path: the PDF file.

    Returns:
        The document with format "pdf"; warnings name pages without text.

    Raises:
        EncryptedDocumentError: the PDF needs a password to open.
        NoTextLayerError: no page has any text (a scan).
        DocumentReadError: the file is not a readable PDF.
    """
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        # PDFium's last error is global and outlives a failed load: after an encrypted file, a
        # broken one would still say "password". Only a file with an /Encrypt entry is encrypted.
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD and _declares_encryption(path):
            raise EncryptedDocumentError(
                "PDF 文件已加密（设置了打开密码），无法读取。请先取消密码后再打开。", path=path
            ) from exc
        raise DocumentReadError("PDF 文件已损坏或不是有效的 PDF，无法读取。", path=path) from exc
    try:
        page_count = len(document)
        if page_count == 0:
            raise DocumentReadError("PDF 文件中没有任何页面。", path=path)
        if page_count > MAX_PDF_PAGES:
            raise DocumentTooLargeError(
                f"PDF 文件页数过多（{page_count:,} 页），超过 {MAX_PDF_PAGES:,} 页的上限。"
                "请删去与对照无关的部分或拆分文件后再对照。", path=path)
        pages: list[list[_Line]] = []
        total_chars = 0
        total_unmapped = 0
        for number in range(page_count):
            page = document[number]
            try:
                lines, real_chars, unmapped = _page_lines(page, number + 1)
            finally:
                page.close()
            pages.append(lines)
            total_chars += real_chars
            total_unmapped += unmapped
            if total_chars > 2 * MAX_CHARACTERS:  # headers and page numbers included: generous
                raise too_many_characters(path, total_chars)
    finally:
        document.close()

    empty_pages = [str(number + 1) for number, lines in enumerate(pages) if not lines]
    if len(empty_pages) == len(pages):
        raise NoTextLayerError(NO_TEXT_LAYER_MESSAGE, path=path)
    _remove_running_lines(pages)
    paragraphs = _paragraphs([line for lines in pages for line in lines])
    if not paragraphs:
        raise NoTextLayerError(NO_TEXT_LAYER_MESSAGE, path=path)
    warnings = []
    if empty_pages:
        warnings.append(
            f"第 {'、'.join(empty_pages)} 页没有文字层（可能是扫描页），这些页的内容未能读取，请先进行文字识别。"
        )
    if total_chars and total_unmapped > 0.05 * total_chars:
        warnings.append("PDF 中部分文字缺少编码信息，提取出的文字可能有误，请与原文核对。")
    return RawDocument(path=path, format="pdf", paragraphs=tuple(paragraphs), warnings=tuple(warnings))
