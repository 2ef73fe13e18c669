"""Word .docx: body paragraphs and table cells with style, outline level and Word numbering."""

from __future__ import annotations

import re

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from core.errors import DocumentReadError, EmptyDocumentError, EncryptedDocumentError
from core.model import Paragraph, RawDocument
from core.read.container import (
    CFB_MAGIC,
    EMPTY_ZIP_MAGIC,
    ZIP_MAGIC,
    check_zip_safe,
    inspect_compound_file,
)
from core.read.layout import starts_with_numbering
from core.read.limits import TextBudget
from core.read.normalize import normalize_paragraph_text
from core.read.task_table import Cell, task_rows
from core.read.unwrap import WARNING as UNWRAP_WARNING, unwrapped
from core.read.word_numbering import WordNumbering
from core.read.word_styles import StyleSheet, heading_level_from_name, on_off, paragraph_properties

_P, _R, _TBL, _TR, _TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
# Containers whose runs are part of the paragraph's visible text. Deleted and moved-away text
# (w:del, w:moveFrom) is deliberately left out, and so are drawings: a text box's own paragraphs
# are read after the paragraph it is anchored in (``_BodyWalker.text_boxes``).
_INLINE_CONTAINERS = frozenset(
    qn(f"w:{tag}")
    for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "moveTo", "dir", "bdo")
)
# Block-level wrappers that may hold paragraphs, tables, rows or cells.
_BLOCK_WRAPPERS = frozenset((_SDT, _SDT_CONTENT, _CUSTOM_XML, qn("w:ins"), qn("w:moveTo")))
_ALT_CHUNK = qn("w:altChunk")
_TEXT_BOX = qn("w:txbxContent")
# Where a text box is not shown: the copy Word keeps for older readers (mc:Fallback, the same box
# again as VML) and deleted or moved-away runs.
_NOT_SHOWN = frozenset(("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
                        qn("w:del"), qn("w:moveFrom")))
ALT_CHUNK_WARNING = (
    "文档中有 {count} 处嵌入的其他格式内容（altChunk，常见于由网页或其他程序生成的文档），"
    "本程序无法读取，这部分文字未参加对照。请在 Word 或 WPS 中打开后“另存为” .docx 再对照。"
)

OLD_DOC_MESSAGE = (
    "这是旧版 Word 文档（.doc 格式），只是扩展名为 .docx。"
    "请在 Word 或 WPS 中“另存为” .docx 后再打开，或将扩展名改为 .doc 后打开（需要安装 LibreOffice）。"
)
ENCRYPTED_MESSAGE = "文档已加密（设置了打开密码），无法读取。请先在 Word 或 WPS 中取消密码，保存后再打开。"
BROKEN_DOCX_MESSAGE = "文件已损坏或不是 Word 文档（.docx），无法读取。"


def _mark_deleted(p_pr) -> bool:
    """Whether a paragraph's mark is a tracked deletion (w:pPr/w:rPr/w:del)."""
    r_pr = p_pr.find(qn("w:rPr")) if p_pr is not None else None
    return r_pr is not None and r_pr.find(qn("w:del")) is not None


def _looks_like_text(head: bytes) -> bool:
    """A quick test for a text file wearing a .docx name: a UTF-16 BOM, or UTF-8/GB18030 bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            # The sample may stop inside a multi-byte character; that alone is not an error.
            if exc.reason == "unexpected end of data" and exc.start >= len(head) - 3:
                return True
    return False


def check_word_container(path: str, max_bytes: int) -> None:
    """Makes sure a file is a readable .docx zip before python-docx opens it.

    Raises:
        EmptyDocumentError: the file is empty.
        EncryptedDocumentError: an Office file protected by a password.
        DocumentReadError: an old .doc, a text file, or anything that is not a sound zip.
        DocumentTooLargeError: a zip bomb.
    """
    with open(path, "rb") as stream:
        head = stream.read(4096)
    if not head:
        raise EmptyDocumentError("文件是空的（0 字节），没有任何内容。", path=path)
    if head.startswith(CFB_MAGIC):
        with open(path, "rb") as stream:
            data = stream.read()
        try:
            compound = inspect_compound_file(data)
        except ValueError as exc:
            raise DocumentReadError(BROKEN_DOCX_MESSAGE, path=path) from exc
        if compound.encrypted_package or compound.word_encrypted:
            raise EncryptedDocumentError(ENCRYPTED_MESSAGE, path=path)
        raise DocumentReadError(OLD_DOC_MESSAGE, path=path)
    if not head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        if _looks_like_text(head):
            raise DocumentReadError(
                "扩展名是 .docx，但文件内容是纯文本，不是 Word 文档。请将扩展名改为 .txt 后再打开。", path=path
            )
        raise DocumentReadError(BROKEN_DOCX_MESSAGE, path=path)
    check_zip_safe(path, max_bytes)


def _part_element(document, reltype: str):
    """The root element of a part related to the main document (styles, numbering), or None."""
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part.element if hasattr(rel.target_part, "element") else None
    return None


def _runs(container):
    """The w:r elements of a paragraph in reading order, through hyperlinks, insertions, fields."""
    for child in container:
        if child.tag == _R:
            yield child
        elif child.tag in _INLINE_CONTAINERS:
            yield from _runs(child)


def _run_text(run) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
    return "".join(parts)


# Where a line of a paragraph ends its sentence or list lead-in (……。 / ……：).
_LINE_END = re.compile(r"[。；！？;][”’」』）)]*$")


def _broken_lines(text: str) -> list[str]:
    """A paragraph's text split where a line break (Shift+Enter) ends a sentence or comes before
    a numbered line: drafters break a statute's 款 and 项 so (……服务：↵（一）法律咨询；↵（二）……);
    not after a colon before an unnumbered line (以下两点：↵一是……; 联系人：↵张三).
    A break inside a sentence (a title broken over two lines) joins the lines, as before."""
    lines = text.split("\n")
    pieces = [lines[0]]
    for line in lines[1:]:
        if _LINE_END.search(pieces[-1].strip()) or starts_with_numbering(line):
            pieces.append(line)
        else:
            pieces[-1] += "\n" + line
    return pieces


class _BodyWalker:
    """Walks the document body in order and turns paragraphs into Paragraph values."""

    def __init__(self, document, path: str) -> None:
        self.styles = StyleSheet(_part_element(document, RT.STYLES))
        self.numbering = WordNumbering(_part_element(document, RT.NUMBERING), self.styles)
        self.paragraphs: list[Paragraph] = []
        self.budget = TextBudget(path)
        self.alt_chunks = 0

    def blocks(self, parent, in_table: bool) -> None:
        for child in parent:
            if child.tag == _P:
                self.paragraph(child, in_table)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag in _BLOCK_WRAPPERS:
                self.blocks(child, in_table)
            elif child.tag == _ALT_CHUNK:
                self.alt_chunks += 1

    def _children(self, parent, tag: str):
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in _BLOCK_WRAPPERS:
                yield from self._children(child, tag)

    def table(self, table) -> None:
        """A table's cells in reading order, each paragraph of theirs a paragraph; a table of
        tasks (重点任务分工表) as its rows instead, each one task with its note
        (``core.read.task_table``)."""
        start = len(self.paragraphs)
        rows: list[list[Cell]] = []
        for row in self._children(table, _TR):
            cells: list[Cell] = []
            column = 0
            for cell in self._children(row, _TC):
                tc_pr = cell.find(qn("w:tcPr"))
                span = 1
                if tc_pr is not None:
                    grid_span = tc_pr.find(qn("w:gridSpan"))
                    if grid_span is not None and (grid_span.get(qn("w:val")) or "").isdigit():
                        span = max(1, int(grid_span.get(qn("w:val"))))
                    # A cell that continues a vertical (or old-style horizontal) merge repeats
                    # nothing Word shows: its content, if any, is hidden under the merged cell.
                    v_merge = tc_pr.find(qn("w:vMerge"))
                    h_merge = tc_pr.find(qn("w:hMerge"))
                    if v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue":
                        cells.append(Cell("", column, continued=True))
                        column += span
                        continue
                    if h_merge is not None and h_merge.get(qn("w:val"), "continue") == "continue":
                        column += span
                        continue
                before = len(self.paragraphs)
                self.blocks(cell, in_table=True)
                cells.append(Cell("\n".join(p.numbering + p.text for p in self.paragraphs[before:]),
                                  column))
                column += span
            rows.append(cells)
        tasks = task_rows(rows)
        if tasks is not None:
            self.paragraphs[start:] = [Paragraph(text=text, in_table=True) for text in tasks]

    def paragraph(self, element, in_table: bool) -> None:
        """A paragraph, then the paragraphs of the text boxes anchored in it (a 专栏 or a 版头
        drawn in a box), as a PDF of the document reads them: left out, their text was lost."""
        self._paragraph(element, in_table)
        for box in self._text_boxes(element):
            self.blocks(box, in_table)

    @staticmethod
    def _text_boxes(element):
        """The text boxes anchored in a paragraph, each once: not the copy in mc:Fallback, not
        one in deleted runs, not one inside another box (read with that box)."""
        for box in element.iter(_TEXT_BOX):
            ancestor = box.getparent()
            while ancestor is not None and ancestor is not element:
                if ancestor.tag in _NOT_SHOWN or ancestor.tag == _TEXT_BOX:
                    break
                ancestor = ancestor.getparent()
            else:
                yield box

    def _paragraph(self, element, in_table: bool) -> None:
        p_pr = element.find(qn("w:pPr"))
        direct = paragraph_properties(p_pr)
        style_element = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
        style_id = style_element.get(qn("w:val")) if style_element is not None else None
        if self.styles.get(style_id) is None:
            style_id = self.styles.default_paragraph_style

        texts = []
        all_bold = True
        any_text = False
        for run in _runs(element):
            r_pr = run.find(qn("w:rPr"))
            if r_pr is not None and on_off(r_pr.find(qn("w:vanish"))):
                continue  # hidden text is neither shown nor printed
            text = _run_text(run)
            texts.append(text)
            if text.strip():
                any_text = True
                all_bold = all_bold and self._run_bold(r_pr, style_id)
        pieces = [normalize_paragraph_text(piece) for piece in _broken_lines("".join(texts))]
        text = pieces[0] if pieces else ""
        if not text and _mark_deleted(p_pr):
            # A paragraph deleted whole with changes tracked is gone from the text as accepted,
            # and from its numbering: the next item is （二）, not （三）.
            return
        # An empty numbered paragraph still takes its number, as Word counts it.
        label = self._numbering_label(direct, style_id)
        if not text:
            return
        self.budget.add(text)  # stops a huge document before it is all in memory

        outline_level = direct["outline_level"]
        if outline_level is None:
            outline_level = self.styles.inherited(style_id, "outline_level")
        if outline_level is None:
            outline_level = heading_level_from_name(self.styles.name(style_id))
        if outline_level == -1:
            outline_level = None  # w:outlineLvl 9: explicitly body text
        centered = direct["centered"]
        if centered is None:
            centered = bool(self.styles.inherited(style_id, "centered"))
        self.paragraphs.append(
            Paragraph(
                text=text,
                style=self.styles.name(style_id),
                outline_level=outline_level,
                numbering=label,
                bold=any_text and all_bold,
                centered=centered,
                in_table=in_table,
            )
        )
        for piece in pieces[1:]:
            if piece:
                self.budget.add(piece)
                self.paragraphs.append(Paragraph(text=piece, style=self.styles.name(style_id),
                                                 bold=any_text and all_bold, centered=centered,
                                                 in_table=in_table))

    def _run_bold(self, r_pr, paragraph_style_id: str | None) -> bool:
        if r_pr is not None:
            bold = on_off(r_pr.find(qn("w:b")))
            if bold is not None:
                return bold
            r_style = r_pr.find(qn("w:rStyle"))
            if r_style is not None:
                bold = self.styles.inherited(r_style.get(qn("w:val")), "bold")
                if bold is not None:
                    return bold
        bold = self.styles.inherited(paragraph_style_id, "bold")
        if bold is not None:
            return bold
        return self.styles.default_bold

    def _numbering_label(self, direct: dict, style_id: str | None) -> str:
        """The Word-generated label, from numPr on the paragraph or on its style chain."""
        num_id = direct["num_id"]
        ilvl = direct["ilvl"]
        if num_id is None:
            num_id = self.styles.inherited(style_id, "num_id")
            if ilvl is None:
                ilvl = self.styles.inherited(style_id, "ilvl")
        if not num_id:
            return ""  # no list, or w:numId 0: numbering switched off on this paragraph
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, style_id) or 0
        return self.numbering.next_label(num_id, ilvl)


def read_docx(path: str, *, max_bytes: int) -> RawDocument:
    """Reads a .docx file into paragraphs (body and table cells, in document order).

    Args:
        path: the .docx file.
        max_bytes: the size limit, used to bound what the zip may unpack to.

    Returns:
        The document with format "docx".

    Raises:
        DocumentReadError: (or a subclass) the file is not a readable .docx.
    """
    check_word_container(path, max_bytes)
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … for bad packages
        raise DocumentReadError(BROKEN_DOCX_MESSAGE, path=path) from exc
    walker = _BodyWalker(document, path)
    walker.blocks(document.element.body, in_table=False)
    paragraphs, joins = unwrapped(tuple(walker.paragraphs))
    warnings: tuple[str, ...] = (ALT_CHUNK_WARNING.format(count=walker.alt_chunks),) if walker.alt_chunks else ()
    warnings += (UNWRAP_WARNING.format(count=joins),) if joins else ()
    if not walker.paragraphs:
        if walker.alt_chunks:
            raise DocumentReadError(warnings[0], path=path)
        raise EmptyDocumentError("文档中没有任何文字。", path=path)
    return RawDocument(path=path, format="docx", paragraphs=paragraphs, warnings=warnings)
