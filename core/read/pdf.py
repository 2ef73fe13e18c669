"""PDF with a text layer: lines per page, running headers and page numbers removed, lines re-joined."""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.errors import DocumentReadError, DocumentTooLargeError, EncryptedDocumentError, NoTextLayerError
from core.model import RawDocument
from core.read.layout import (Line, in_reading_order, join_lines, paragraphs_of, remove_footnotes,
                               remove_running_lines, starts_with_numbering)
from core.read.limits import MAX_CHARACTERS, MAX_PDF_PAGES, too_many_characters
from core.read.normalize import is_cjk
from core.read.pdf_tables import Grid, page_grids
from core.read.task_table import Cell, header_roles, task_rows

NO_TEXT_LAYER_MESSAGE = "这个 PDF 无文字层，请先进行文字识别（OCR），或改用 Word 原文件。"
_BOLD_FONT_RE = re.compile(r"bold|heavy|black|semibold|demibold|[-,]w[6-9]\b", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
_GENERATED_SPACE = "\x00"  # a placeholder: NUL never comes out of a text layer as text


class _TableHeader:
    """The header row of the last task table read, for its rows on the next page when the
    header is not printed again there."""

    def __init__(self) -> None:
        self.cells: list[Cell] | None = None
        self.columns: list[float] = []


def _page_lines(page, page_number: int,
                header: _TableHeader | None = None) -> tuple[list[Line], int, int, set[str]]:
    """The page's lines in pdfium's reading order — a ruled table's rows or cells each one line
    (``core.read.pdf_tables``) — counts of characters and of unmapped ones, and the footnote
    reference marks taken out of its lines (``_drop_reference_marks``)."""
    grids = page_grids(page)
    in_cell: tuple[Grid, int, int] | None = None  # the cell the last character went to
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        lines: list[Line] = []
        chars: list[str] = []
        # left, right, top, bottom, font size, bold, and the character's place in ``chars``.
        boxes: list[tuple[float, float, float, float, float, bool, int]] = []
        rect = pdfium_c.FS_RECTF()
        font_name = ctypes.create_string_buffer(256)
        font_flags = ctypes.c_int()
        unmapped = 0
        real_chars = 0
        marks: set[str] = set()

        def flush() -> None:
            _in_visual_order(chars, boxes)
            _resolve_generated_spaces(chars)
            marks.update(_drop_reference_marks(chars, boxes))
            text = "".join(chars)
            if text.strip() and boxes:
                lines.append(
                    Line(
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
                if in_cell is not None:
                    in_cell[0].break_line(in_cell[1], in_cell[2])
                    in_cell = None
                continue
            if in_cell is not None and (generated or char.isspace()):
                if char == " ":
                    in_cell[0].add(in_cell[1], in_cell[2], _GENERATED_SPACE if generated else " ")
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
            place = _cell_of(grids, (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2)
            if place is not None:
                grid, row, column = place
                if grid.first_line < 0:
                    grid.first_line = len(lines)
                grid.add(row, column, char)
                in_cell = place
                continue
            in_cell = None
            size = pdfium_c.FPDFText_GetFontSize(handle, current) or abs(rect.top - rect.bottom)
            pdfium_c.FPDFText_GetFontInfo(handle, current, font_name, len(font_name), ctypes.byref(font_flags))
            weight = pdfium_c.FPDFText_GetFontWeight(handle, current)
            bold = (
                weight >= 600
                or bool(font_flags.value & _FORCE_BOLD_FLAG)
                or _BOLD_FONT_RE.search(font_name.value.decode("latin-1")) is not None
            )
            boxes.append((rect.left, rect.right, rect.top, rect.bottom, size, bold, len(chars)))
            chars.append(char)
        flush()
        _insert_tables(lines, grids, page_number, header or _TableHeader())
        return lines, real_chars, unmapped, marks
    finally:
        textpage.close()


def _cell_lines_joined(text: str, line: str) -> str:
    """A cell's next line joined to its text: a new paragraph (after a line ending its sentence,
    or a numbered line) on a line of its own, a wrapped line run on."""
    if _SENTENCE_END.search(text.rstrip()) or starts_with_numbering(line):
        return f"{text}\n{line}"
    return join_lines(text, line)


_SENTENCE_END = re.compile(r"[。！？；;!?][”’」』）)]*$")


def _resolve_generated_spaces(chars: list[str]) -> None:
    """Keep, in place, a space pdfium generated only between two Latin words: next to Chinese it
    stands for the gap LibreOffice and Word leave around Latin text, not a typed space (a space
    dropped leaves "" in its place, so the characters keep their positions)."""
    for position, char in enumerate(chars):
        if char == _GENERATED_SPACE:
            before = chars[position - 1] if position else ""
            after = chars[position + 1] if position + 1 < len(chars) else ""
            keep = before and after and not is_cjk(before) and not is_cjk(after)
            chars[position] = " " if keep else ""


def _resolved_spaces(text: str) -> str:
    """A table cell's text with its generated spaces resolved as a line's are."""
    chars = list(text)
    _resolve_generated_spaces(chars)
    return "".join(chars)


def _cell_of(grids: list[Grid], x: float, y: float) -> tuple[Grid, int, int] | None:
    for grid in grids:
        cell = grid.cell_at(x, y)
        if cell is not None:
            return grid, cell[0], cell[1]
    return None


def _insert_tables(lines: list[Line], grids: list[Grid], page_number: int, header: _TableHeader) -> None:
    """Each table with text where it stands among the page's lines: a task table one line a
    row (its task, then its note), as a Word table's rows are read; any other table one line a
    cell. A task table going on from the page before without its header printed again takes
    that header."""
    size = statistics.median([line.size for line in lines]) if lines else 10.0
    for grid in sorted((g for g in grids if g.cells), key=lambda g: g.first_line, reverse=True):
        rows = [[replace(cell, text=_resolved_spaces(cell.text)) for cell in row]
                for row in grid.table_rows(_cell_lines_joined)]
        if (rows and header.cells is not None and header_roles(rows[0]) is None
                and len(header.columns) == len(grid.columns)
                and all(abs(a - b) <= 3 for a, b in zip(header.columns, grid.columns))):
            rows = [header.cells] + rows
        tasks = task_rows(rows)
        if tasks is not None:
            # The header row (below any caption across the table) heads the pages after.
            header.cells = next(row for row in rows if header_roles(row) is not None)
            header.columns = grid.columns
            texts = tasks
        else:
            # Any other table a line a paragraph of each cell (a 专栏 box: （一）…… / （二）……).
            texts = [text for row in rows for cell in row if not cell.continued
                     for text in cell.text.split("\n") if text.strip()]
        table = [Line(text=text, left=grid.columns[0], right=grid.columns[-1], top=grid.rows[0],
                      bottom=grid.rows[-1], size=size, bold=False, page=page_number, in_table=True)
                 for text in texts]
        lines[grid.first_line:grid.first_line] = table

def _in_visual_order(chars: list[str], boxes: list[tuple]) -> None:
    """Put a line's characters, in place, in the order they stand on it, left to right, where
    pdfium gives the order they were drawn in: LibreOffice draws the quotation marks it sets in
    a fallback font (DejaVu Sans) after the line's Chinese text, so 加强“双随机、一公开”监管 came
    out 加强双随机、一公“”“ / 开监管…”. Only a line whose characters share one band across it and
    stand apart along it is reordered (never two lines pdfium ran together, nor text drawn over
    text); a character without a box (a space) stays after the one it followed."""
    if len(boxes) < 2:
        return
    size = statistics.median(box[4] for box in boxes)
    steps = [later[0] - earlier[0] for earlier, later in zip(boxes, boxes[1:])]
    back = sum(1 for step in steps if step < -0.5 * size)
    # Nothing out of place; or a line that runs right to left (turned over), not drawn out of order.
    if not back or back * 2 > len(steps):
        return
    centres = [(box[2] + box[3]) / 2 for box in boxes]
    if max(centres) - min(centres) > 0.6 * size:
        return
    spans = sorted((box[0], box[1]) for box in boxes)
    if any(earlier[1] - later[0] > 0.3 * size for earlier, later in zip(spans, spans[1:])):
        return  # characters drawn over one another (a seal over a signature): no one order
    boxed = {box[6]: box for box in boxes}
    unboxed: list[str] = []  # before the first boxed character
    groups: list[tuple[tuple, list[str]]] = []  # a boxed character and the unboxed ones after it
    for place, char in enumerate(chars):
        if place in boxed:
            groups.append((boxed[place], [char]))
        else:
            (groups[-1][1] if groups else unboxed).append(char)
    groups.sort(key=lambda group: group[0][0])
    chars[:] = unboxed
    boxes.clear()
    for box, group in groups:
        boxes.append(box[:6] + (len(chars),))
        chars.extend(group)


def _drop_reference_marks(chars: list[str], boxes: list[tuple]) -> list[str]:
    """Blank, in place, the footnote reference marks of a line, digits set small and raised
    (（国发〔2022〕14号）¹精神), and return them (¹² is one mark, 12). Read as text, the 1 was
    glued into the sentence (……14号）1精神)."""
    if len(boxes) < 4:
        return []
    size = statistics.median(box[4] for box in boxes)
    baseline = statistics.median(box[3] for box in boxes)
    kept: list[tuple] = []
    marks: list[str] = []
    last = -2
    for number, box in enumerate(boxes):
        place = box[6]
        before = chars[place - 1] if place else ""
        # Not the line's first character (a footnote opens with its number, the mark that finds
        # it: remove_footnotes), nor a power after a letter or figure (100万m², 10³).
        raised = (number > 0 and (place == last + 1 or not (before.isascii() and before.isalnum())))
        if raised and chars[place] in _MARKS and box[4] < 0.75 * size and box[3] > baseline + 0.2 * size:
            if place == last + 1 and marks:
                marks[-1] += chars[place]
            else:
                marks.append(chars[place])
            chars[place] = ""
            last = place
        else:
            kept.append(box)
    boxes[:] = kept
    return marks


# What a footnote's reference mark is set in.
_MARKS = frozenset("0123456789*＊")


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
        pages: list[list[Line]] = []
        marks: list[set[str]] = []
        rotated: list[bool] = []  # a turned page's heights do not run down the page as read
        header = _TableHeader()
        total_chars = 0
        total_unmapped = 0
        for number in range(page_count):
            page = document[number]
            rotated.append(page.get_rotation() % 180 != 0)
            try:
                lines, real_chars, unmapped, page_marks = _page_lines(page, number + 1, header)
            finally:
                page.close()
            pages.append(lines)
            marks.append(page_marks)
            total_chars += real_chars
            total_unmapped += unmapped
            if total_chars > 2 * MAX_CHARACTERS:  # headers and page numbers included: generous
                raise too_many_characters(path, total_chars)
    finally:
        document.close()

    empty_pages = [str(number + 1) for number, lines in enumerate(pages) if not lines]
    if len(empty_pages) == len(pages):
        raise NoTextLayerError(NO_TEXT_LAYER_MESSAGE, path=path)
    in_reading_order([lines for lines, turned in zip(pages, rotated) if not turned])
    remove_running_lines(pages)
    remove_footnotes(pages, marks)
    paragraphs = paragraphs_of([line for lines in pages for line in lines])
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
