"""The Word drafting checklist (起草对照清单) and gap report (差距分析报告), typeset after GB/T 9704."""

from __future__ import annotations

import copy
import datetime
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt

from core import __version__
from core.errors import ExportError
from core.export import labels
from core.files import write_atomically
from core.model import Comparison, ReviewDecision, Status
from core.review import (ReviewedAddition, ReviewedArticle, ReviewedClause, chosen_counterparts,
                         counts_as_gap, review, review_articles, shown_gaps)
from core.text import book_title

REPORTS = {"checklist": "对照清单", "gaps": "差距分析报告"}
"""Report kinds and the word that ends each title."""

# Fonts after GB/T 9704. Machines without 方正小标宋简体 (most outside government offices) fall
# back through Word's/WPS's font substitution, usually to 黑体 or 宋体; the name is kept so that
# offices which have the font get the standard title face.
TITLE_FONT = "方正小标宋简体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

TITLE_SIZE = Pt(22)      # 二号
BODY_SIZE = Pt(16)       # 三号
TABLE_SIZE = Pt(10.5)    # 五号
TABLE_HEADER_SIZE = Pt(10.5)
PAGE_NUMBER_SIZE = Pt(14)  # 四号
BODY_LINE = Pt(28)       # fixed line pitch of the body: 22 lines on a page
BODY_SPACING = -5        # character spacing of body text in twentieths of a point (-0.25 pt)
CHARACTER = Pt(16)       # one character of body text: the inset of a page number
NUMBER_LINE = Pt(15)     # line height of the page number paragraph
NUMBER_GAP = Mm(7)       # GB/T 9704 §7.5: the dash line sits 7 mm below the text block

GREY = "595959"


# -- low-level formatting ---------------------------------------------------------------------
# Runs, cell paragraphs and rows are made from small cached property elements copied into place:
# going through python-docx's proxies for every property made a 3,000-row checklist take 20 s.

def _set_fonts(r_pr, east_asia: str, latin: str = LATIN_FONT) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


@functools.cache
def _run_properties(font: str, half_points: int, bold: bool, color: str | None,
                    underline: bool, latin: str = LATIN_FONT, spacing: int = 0):
    """A w:rPr template, children in schema order (rFonts, b, color, spacing, sz, szCs, u)."""
    r_pr = OxmlElement("w:rPr")
    _set_fonts(r_pr, font, latin)
    if bold:
        r_pr.append(OxmlElement("w:b"))
        r_pr.append(OxmlElement("w:bCs"))
    if color:
        r_pr.append(_element("w:color", val=color))
    if spacing:
        r_pr.append(_element("w:spacing", val=str(spacing)))
    r_pr.append(_element("w:sz", val=str(half_points)))
    r_pr.append(_element("w:szCs", val=str(half_points)))
    if underline:
        r_pr.append(_element("w:u", val="single"))
    return r_pr


def _run(paragraph, text: str, *, font: str = BODY_FONT, size=TABLE_SIZE, bold: bool = False,
         color: str | None = None, underline: bool = False, latin: str = LATIN_FONT):
    """Add a run with the East Asian and Latin font names set on it (Word and WPS honour both).

    ``paragraph`` is a python-docx Paragraph or a bare w:p element; returns the w:r element.
    """
    p = getattr(paragraph, "_p", paragraph)
    run = OxmlElement("w:r")
    # Body-size text is set 0.25 pt tighter: 28 characters of 三号 then fill the 156 mm line as
    # the GB/T 9704 grid has it (16 pt characters alone fit 27).
    spacing = BODY_SPACING if size == BODY_SIZE else 0
    run.append(copy.deepcopy(_run_properties(font, round(size.pt * 2), bold, color, underline,
                                             latin, spacing)))
    if text:
        text_element = OxmlElement("w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = labels.printable(text)
        run.append(text_element)
    p.append(run)
    return run


def _format(paragraph, *, align=None, line=None, exact: bool = False, before=Pt(0),
            after=Pt(0), first_indent=None, keep_next: bool = False, outline_level=None) -> None:
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if line is not None:
        fmt.line_spacing = line
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY if exact else WD_LINE_SPACING.AT_LEAST
    else:
        fmt.line_spacing = 1.0
    fmt.space_before = before
    fmt.space_after = after
    if first_indent is not None:
        fmt.first_line_indent = first_indent
    if keep_next:
        fmt.keep_with_next = True
    if outline_level is not None:
        paragraph._p.get_or_add_pPr().append(_element("w:outlineLvl", val=str(outline_level)))


@functools.cache
def _cell_paragraph_properties(align: str | None, keep_next: bool):
    """A w:pPr template for table text: single spacing, nothing before or after."""
    p_pr = OxmlElement("w:pPr")
    if keep_next:
        p_pr.append(OxmlElement("w:keepNext"))
    p_pr.append(_element("w:spacing", before="0", after="0", line="240", lineRule="auto"))
    if align:
        p_pr.append(_element("w:jc", val=align))
    return p_pr


def _twips(length) -> str:
    return str(round(length / 635))


# A row of more lines than this (about a third of a landscape page) may split across pages.
_SPLIT_LINES = 10


class _Row:
    """A table row being filled: its cells' w:tc elements, appended to the table when done.

    A row is kept from splitting across pages unless it is very tall; a header row repeats on
    each page.
    """

    def __init__(self, table, columns: Sequence[_Column], *, header: bool = False,
                 spanning: bool = False) -> None:
        self._table = table
        self._tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        self._tr.append(tr_pr)
        widths = [sum(c.width for c in columns)] if spanning else [c.width for c in columns]
        self.cells = []
        for width in widths:
            tc = OxmlElement("w:tc")
            tc_pr = OxmlElement("w:tcPr")
            tc_pr.append(_element("w:tcW", w=_twips(width), type="dxa"))
            if spanning:
                tc_pr.append(_element("w:gridSpan", val=str(len(columns))))
            tc.append(tc_pr)
            self._tr.append(tc)
            self.cells.append(tc)

    def paragraph(self, index: int, *, align: str | None = None, keep_next: bool = False):
        """A new paragraph at the end of a cell (a w:p element)."""
        p = OxmlElement("w:p")
        p.append(copy.deepcopy(_cell_paragraph_properties(align, keep_next)))
        self.cells[index].append(p)
        return p

    def shade(self, index: int, fill: str) -> None:
        tc_pr = self.cells[index][0]
        for old in tc_pr.findall(qn("w:shd")):
            tc_pr.remove(old)
        shading = _element("w:shd", val="clear", color="auto", fill=fill)
        v_align = tc_pr.find(qn("w:vAlign"))
        if v_align is None:
            tc_pr.append(shading)
        else:
            v_align.addprevious(shading)

    def centre_vertically(self, index: int) -> None:
        self.cells[index][0].append(_element("w:vAlign", val="center"))

    def done(self) -> None:
        """Give every empty cell its required paragraph and add the row to the table.

        A row too tall to move whole without leaving most of a page empty may split: kept
        whole, one long reason pushed it to the next page under two short rows."""
        for tc in self.cells:
            if tc.find(qn("w:p")) is None:
                tc.append(OxmlElement("w:p"))
        if self._lines() > _SPLIT_LINES:
            tr_pr = self._tr[0]
            for kept in tr_pr.findall(qn("w:cantSplit")):
                tr_pr.remove(kept)
        self._table._tbl.append(self._tr)

    def _lines(self) -> int:
        """Roughly how many lines the tallest cell takes: its paragraphs' characters over the
        characters one line of its width holds (a CJK character is as wide as the font is high)."""
        per_line_twips = TABLE_SIZE.pt * 20
        tallest = 0
        for tc in self.cells:
            width = int(tc[0].find(qn("w:tcW")).get(qn("w:w")))
            per_line = max(1, int(width / per_line_twips) - 1)
            lines = sum(max(1, -(-sum(len(t.text or "") for t in p.iter(qn("w:t"))) // per_line))
                        for p in tc.iter(qn("w:p")))
            tallest = max(tallest, lines)
        return tallest


def _page(section, *, landscape: bool) -> None:
    """A4; GB/T 9704 margins in portrait, narrower side margins for the landscape tables.

    The footer distance puts the page number's line 7 mm below the text block (§7.5).
    """
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.left_margin, section.right_margin = Mm(25), Mm(25)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Emu(section.bottom_margin - NUMBER_GAP - NUMBER_LINE)


def _page_number(paragraph, *, odd: bool | None) -> None:
    """"— 1 —" in 4号 half-width 宋体 digits: right with a one-character inset on odd pages,
    left with the same inset on even pages (GB/T 9704 §7.5); ``odd`` None: at the left, as a
    landscape table page has it (§8)."""
    right = odd is True
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT,
            line=NUMBER_LINE, exact=True)
    if right:
        paragraph.paragraph_format.right_indent = CHARACTER
    else:
        paragraph.paragraph_format.left_indent = CHARACTER
    font = functools.partial(_run, font=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE,
                             latin=PAGE_NUMBER_FONT)
    font(paragraph, "— ")
    field = (_element("w:fldChar", fldCharType="begin"), "instr",
             _element("w:fldChar", fldCharType="separate"), "1",
             _element("w:fldChar", fldCharType="end"))
    for part in field:
        if part == "1":  # the number shown until the field is updated
            font(paragraph, "1")
            continue
        run = font(paragraph, "")
        if part == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run.append(instruction)
        else:
            run.append(part)
    font(paragraph, " —")


def _page_number_footer(section) -> None:
    """Odd and even page footers with the page number at the outer side."""
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _table_page_numbers(section) -> None:
    """Page numbers of landscape table pages after GB/T 9704 §8: odd pages at the table's
    lower left, even pages at its upper left, 7 mm from the text block."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    section.even_page_header.is_linked_to_previous = False
    _page_number(section.footer.paragraphs[0], odd=None)
    _page_number(section.even_page_header.paragraphs[0], odd=None)
    section.header_distance = Emu(section.top_margin - NUMBER_GAP - NUMBER_LINE)


def _document_defaults(document) -> None:
    """Body font for text without direct formatting (and for new paragraphs Word/WPS create)."""
    styles = document.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr, BODY_FONT)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)


def _zh_cn_base(document) -> None:
    """Replace what python-docx's template says of itself: a Japanese East Asian base (theme
    fonts ＭＳ 明朝/ＭＳ ゴシック, so that Word's heading styles showed MS Gothic), Word 2010
    compatibility mode (兼容模式 in Word 2016+), and its Mac Word application properties."""
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    document.settings.odd_and_even_pages_header_footer = True
    for style in document.styles:
        r_pr = style.element.rPr
        fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
        if fonts is not None and any(name.endswith("Theme") for name in map(str, fonts.keys())):
            heading = style.name.startswith(("Heading", "Title"))
            _set_fonts(r_pr, HEADING1_FONT if heading else BODY_FONT)
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name.startswith("/word/theme/"):
            part._blob = _theme_zh_cn(part.blob)
        elif name == "/word/fontTable.xml":
            part._blob = re.sub(r'<w:font w:name="ＭＳ [^"]*">.*?</w:font>', "",
                                part.blob.decode("utf-8"), flags=re.S).encode("utf-8")
        elif name == "/docProps/app.xml":
            part._blob = _APP_XML.encode("utf-8")


_APP_XML = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>0</TotalTime>'
            f"<Application>Duizhao {__version__}</Application><DocSecurity>0</DocSecurity>"
            "<ScaleCrop>false</ScaleCrop><SharedDoc>false</SharedDoc>"
            "<HyperlinksChanged>false</HyperlinksChanged><LinksUpToDate>false</LinksUpToDate>"
            "</Properties>")


def _theme_zh_cn(blob: bytes) -> bytes:
    """The theme with 黑体/宋体 as its East Asian heading/body fonts and no Japanese entries."""
    text = blob.decode("utf-8")
    text = re.sub(r'<a:font script="Jpan" typeface="[^"]*"/>', "", text)
    major, minor = text.find("<a:majorFont>"), text.find("<a:minorFont>")
    if 0 <= major < minor:
        head, body = text[:minor], text[minor:]
        head = head.replace('<a:ea typeface=""/>', f'<a:ea typeface="{HEADING1_FONT}"/>', 1)
        body = body.replace('<a:ea typeface=""/>', '<a:ea typeface="宋体"/>', 1)
        text = head + body
    return text.encode("utf-8")


def _properties(document, title: str, author: str, now: datetime.datetime) -> None:
    """Core properties of the report itself: its title, the reviewer, the time it was made."""
    properties = document.core_properties
    properties.title = title
    properties.subject = ""
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = "zh-CN"
    properties.revision = 1
    properties.created = now
    properties.modified = now


# -- text blocks ------------------------------------------------------------------------------

TITLE_LINE_CHARACTERS = 20
"""二号 characters on a portrait line of 156 mm."""


def _title_lines(text: str, national: str) -> list[str]:
    """The title in lines broken where its words allow: after "与" that follows the national
    document's name (else before it), not wherever the line runs out ("……营商环/境条例》")."""
    if len(text) <= TITLE_LINE_CHARACTERS or not text.startswith(national + "与"):
        return [text]
    if len(national) + 1 <= TITLE_LINE_CHARACTERS:
        return [national + "与", text[len(national) + 1:]]
    return [national, text[len(national):]]


def _title(document, text: str, national: str = "") -> None:
    """The title in 二号 小标宋, centred; broken after the national document's name when the
    whole does not fit one line (GB/T 9704 §7.3.1: 回行时要做到词意完整)."""
    paragraph = document.add_paragraph()
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36), before=Pt(0), after=Pt(12))
    for index, line in enumerate(_title_lines(text, national) if national else [text]):
        run = _run(paragraph, "", font=TITLE_FONT, size=TITLE_SIZE)
        if index:
            run.append(OxmlElement("w:br"))
        text_element = OxmlElement("w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = labels.printable(line)
        run.append(text_element)


def _heading1(document, text: str, *, page_break: bool = False) -> None:
    paragraph = document.add_paragraph()
    _format(paragraph, line=BODY_LINE, exact=True, first_indent=Pt(32), keep_next=True,
            outline_level=0)
    paragraph.paragraph_format.page_break_before = page_break
    _run(paragraph, text, font=HEADING1_FONT, size=BODY_SIZE)


def _heading2(document, text: str) -> None:
    paragraph = document.add_paragraph()
    _format(paragraph, line=BODY_LINE, exact=True, first_indent=Pt(32), keep_next=True,
            outline_level=1)
    _run(paragraph, text, font=HEADING2_FONT, size=BODY_SIZE)


def _body(document, text: str) -> None:
    paragraph = document.add_paragraph()
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY, line=BODY_LINE, exact=True,
            first_indent=Pt(32))
    _run(paragraph, text, size=BODY_SIZE)


# -- tables -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Column:
    header: str
    width: Length


CENTRE, LEFT = "center", None


def _table(document, columns: Sequence[_Column], local: str = "本省"):
    """A fixed-layout grid table with a repeating header row.

    LibreOffice ignores cell widths unless the layout is fixed and the grid columns carry them,
    so both are set, and every cell gets its width as it is made.
    """
    table = document.add_table(rows=0, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid_column, column in zip(table.columns, columns):
        grid_column.width = column.width
    header = _Row(table, columns, header=True)
    for index, column in enumerate(columns):
        header.centre_vertically(index)
        header.shade(index, labels.HEADER_FILL)
        _run(header.paragraph(index, align=CENTRE), labels.localised(column.header, local),
             font=HEADING1_FONT, size=TABLE_HEADER_SIZE)
    header.done()
    return table


def _section_row(table, columns: Sequence[_Column], text: str, verdict: str = "") -> None:
    """A heading row spanning the table, kept with the row that follows it; a statute's
    article judged as a whole carries its verdict after its name."""
    row = _Row(table, columns, spanning=True)
    row.shade(0, labels.SECTION_FILL)
    paragraph = row.paragraph(0, keep_next=True)
    _run(paragraph, text, font=HEADING1_FONT)
    if verdict:
        _run(paragraph, "　" + verdict, color=GREY)
    row.done()


def _status_cell(row: _Row, index: int, label: str, key: str) -> None:
    row.centre_vertically(index)
    row.shade(index, labels.FILLS[key])
    _run(row.paragraph(index, align=CENTRE), label, font=HEADING1_FONT)


def _centred_cell(row: _Row, index: int, text: str) -> None:
    row.centre_vertically(index)
    _run(row.paragraph(index, align=CENTRE), text)


def _national_cell(row: _Row, index: int, outline, sections: labels.SectionIndex,
                   item: ReviewedClause) -> None:
    clause = item.finding.clause
    paragraph = row.paragraph(index)
    _run(paragraph, labels.citation(outline, sections, clause) + " ", font=HEADING1_FONT)
    for piece, mark in labels.marked_segments(labels.national_text(item),
                                              shown_gaps(item)):
        if mark == labels.GAP_MARK:
            _run(paragraph, piece, bold=True, color=labels.GAP_COLOR)
        elif mark == labels.BINDING_MARK:
            _run(paragraph, piece, bold=True, underline=True)
        else:
            _run(paragraph, piece)
    if clause.responsibility:
        _run(row.paragraph(index), labels.metadata_text(clause, deadline=False), color=GREY)


def _provincial_cell(row: _Row, index: int, outline, sections: labels.SectionIndex,
                     item: ReviewedClause, *, with_gaps: bool, empty: str) -> None:
    paragraph = row.paragraph(index)
    if item.match is None:
        _run(paragraph, empty, color=GREY)
        return
    clause = item.match.clause
    # Cited as the national side is: a statute's paragraph and item, not just its article.
    _run(paragraph, labels.citation(outline, sections, clause) + " ", font=HEADING1_FONT)
    _run(paragraph, clause.text)
    note = labels.metadata_text(clause)
    if note:
        _run(row.paragraph(index), note, color=GREY)
    gaps = shown_gaps(item)
    if with_gaps and gaps:
        gap_paragraph = row.paragraph(index)
        _run(gap_paragraph, "差距：", font=HEADING1_FONT, color=labels.GAP_COLOR)
        _run(gap_paragraph, labels.describe_gaps(gaps))


def _note_cell(row: _Row, index: int, item: ReviewedClause | ReviewedAddition, *,
               reason: bool = False, said: str = "") -> None:
    """说明及审核意见: the reason for the verdict (grey), then the reviewer's opinion, who and when.
    ``said``: the reason the article's heading row gives, not repeated on each of its rows."""
    if reason and isinstance(item, ReviewedClause):
        why = labels.reason_text(item)
        if why == said:
            why = ""
        if why and not item.recheck and (item.status is not Status.COVERED or item.overridden):
            _run(row.paragraph(index), why, color=GREY)
    for line in labels.note_text(item).splitlines():
        _run(row.paragraph(index), line, bold=line.startswith("需复核"))


# Landscape A4 with 25 mm side margins leaves 247 mm for a table.
CHECKLIST_COLUMNS = (
    _Column("序号", Mm(12)), _Column("国家文件条款", Mm(72)), _Column("本省对应表述", Mm(64)),
    _Column("对照结果", Mm(20)), _Column("相似度", Mm(15)), _Column("说明及审核意见", Mm(49)),
    _Column("已处理", Mm(15)),
)
GAP_COLUMNS = (
    _Column("序号", Mm(12)), _Column("国家文件条款", Mm(74)), _Column("本省对应表述", Mm(60)),
    _Column("对照结果", Mm(20)), _Column("缺失内容", Mm(34)), _Column("说明及审核意见", Mm(47)),
)
ADDITION_COLUMNS = (
    _Column("序号", Mm(12)), _Column("本省新增内容", Mm(155)), _Column("对照结果", Mm(20)),
    _Column("审核意见", Mm(45)), _Column("已处理", Mm(15)),
)
ADDITION_COLUMNS_PLAIN = (
    _Column("序号", Mm(12)), _Column("本省新增内容", Mm(170)), _Column("对照结果", Mm(20)),
    _Column("审核意见", Mm(45)),
)
# Portrait A4 with GB/T 9704 margins leaves 156 mm. 条款数 needs 16 mm: at 14 mm its last
# character wrapped onto a line of its own.
SUMMARY_COLUMNS = (
    _Column("国家文件部分", Mm(40)), _Column("条款数", Mm(16)), _Column("已覆盖", Mm(20)),
    _Column("部分覆盖", Mm(20)), _Column("未覆盖", Mm(20)), _Column("无需地方落实", Mm(20)),
    _Column("不适用", Mm(20)),
)


def _clause_rows(table, columns: Sequence[_Column], sections: labels.SectionIndex,
                 units: Iterable[tuple[ReviewedClause, ...]], articles: Sequence[ReviewedArticle]):
    """(row, unit) per unit of items sharing a row (``labels.gap_units``), with a heading row
    before each new section; a statute article's heading row gives its verdict after review
    (``articles``), and the engine's beside it when the two differ."""
    verdicts = {article.national: labels.article_verdict(article) for article in articles}
    current = None
    for unit in units:
        section = unit[0].finding.clause.section
        if section != current:
            current = section
            _section_row(table, columns, sections.name(section), verdicts.get(section, ""))
        row = _Row(table, columns)
        yield row, unit
        row.done()


def _article_reasons(comparison: Comparison) -> dict[str, str]:
    """National article id → the reason its heading row gives."""
    return {article.national: article.reason.text for article in comparison.articles}


def _checklist_table(document, comparison: Comparison, clauses: Sequence[ReviewedClause],
                     articles: Sequence[ReviewedArticle]) -> None:
    table = _table(document, CHECKLIST_COLUMNS, labels.local_word(comparison.provincial.title))
    national = labels.SectionIndex.national(comparison)
    provincial = labels.SectionIndex(comparison.provincial)
    said = _article_reasons(comparison)
    for row, (item,) in _clause_rows(table, CHECKLIST_COLUMNS, national,
                                     [(item,) for item in clauses], articles):
        _centred_cell(row, 0, str(item.number))
        _national_cell(row, 1, comparison.national, national, item)
        _provincial_cell(row, 2, comparison.provincial, provincial, item, with_gaps=True,
                         empty=national.empty_counterpart(item))
        _status_cell(row, 3, labels.clause_label(item), labels.clause_key(item))
        _centred_cell(row, 4, labels.score_text(item))
        # The gaps printed under the provincial text are not listed again as the reason.
        repeated = not item.overridden and labels.repeats_gaps(item.finding.reason.text, shown_gaps(item))
        _note_cell(row, 5, item, reason=not repeated, said=said.get(item.finding.clause.section, ""))
        _centred_cell(row, 6, labels.done_mark(item))


def _gap_lines(item: ReviewedClause, local: str = "本省") -> list[str]:
    """缺失内容: the gaps found, else a sentence that agrees with the provincial cell beside it
    (a row showing a counterpart never says none was found)."""
    gaps = shown_gaps(item)
    if gaps:
        return [gap.describe() for gap in gaps]
    if item.status is Status.MISSING:
        if item.match is not None:
            return [f"所列{local}表述未体现本条要求。"]
        return [f"{local}文件未见对应表述。"]
    # What the engine found lacking (只体现了部分内容，未见“……”), not a sentence every row repeats.
    return [_gap_reason(item) or "对应表述不完整，请核对。"]


def _gap_reason(item: ReviewedClause) -> str:
    """The reason of a partial row without named gaps, when it says what is lacking; "" else."""
    if item.status is not Status.PARTIAL or item.overridden or item.recheck:
        return ""
    return labels.reason_text(item)


def _gap_table(document, comparison: Comparison, items: Sequence[ReviewedClause],
               articles: Sequence[ReviewedArticle]) -> None:
    local = labels.local_word(comparison.provincial.title)
    table = _table(document, GAP_COLUMNS, local)
    national = labels.SectionIndex.national(comparison)
    provincial = labels.SectionIndex(comparison.provincial)
    said = _article_reasons(comparison)
    judged = {article.national for article in articles}
    for row, unit in _clause_rows(table, GAP_COLUMNS, national,
                                  labels.gap_units(items, articles), articles):
        item = unit[0]
        # A sentence outside the articles (a preamble) keeps its reason on a row of its own.
        if item.finding.clause.section in judged and labels.unfound(item):
            _unfound_row(row, comparison.national, national, unit, local)
            continue
        _centred_cell(row, 0, str(item.number))
        _national_cell(row, 1, comparison.national, national, item)
        _provincial_cell(row, 2, comparison.provincial, provincial, item, with_gaps=False,
                         empty=national.empty_counterpart(item))
        _status_cell(row, 3, labels.clause_label(item), labels.clause_key(item))
        for line in _gap_lines(item, local):
            _run(row.paragraph(4), line)
        # A reason already given as the missing content is not printed again beside it:
        # 缺少关键词“市场主体” stood in both columns.
        gaps = shown_gaps(item)
        given = ((_gap_reason(item) and not gaps)
                 or (not item.overridden and labels.repeats_gaps(item.finding.reason.text, gaps)))
        _note_cell(row, 5, item, reason=not given, said=said.get(item.finding.clause.section, ""))


_PARAGRAPH_CITED = re.compile(r"^第[一二三四五六七八九十百]+款")
_ITEM_CITED = re.compile(r"第[^第]+项$")


def _unfound_row(row: _Row, outline, sections: labels.SectionIndex,
                 unit: Sequence[ReviewedClause], local: str) -> None:
    """One row for consecutive sentences of a statute article with no counterpart: their
    numbers, their text with each 款 named once, and the provincial articles carrying the
    article (the heading row above gives its verdict and reason). Each sentence's nearest
    unlike sentence is left to the checklist, under the same 序号."""
    row.centre_vertically(0)
    numbers = [str(unit[0].number)] + (["至", str(unit[-1].number)] if len(unit) > 1 else [])
    for number in numbers:
        _run(row.paragraph(0, align=CENTRE), number)
    section = unit[0].finding.clause.section
    article = sections.path(section)
    paragraph, last = None, None
    for item in unit:
        clause = item.finding.clause
        # A 款 is one paragraph and an item (项) one line, each named once: the article on the
        # first line, then only what changes (第二款, 第（三）项).
        if (paragraph is None or last is None or clause.paragraph != last.paragraph
                or clause.item != last.item):
            paragraph = row.paragraph(1)
            cited = labels.citation(outline, sections, clause)
            if last is not None:
                cited = cited.removeprefix(article)
                if last.paragraph == clause.paragraph:
                    cited = _PARAGRAPH_CITED.sub("", cited)
            # An item whose text opens with its own numbering (（三）……) is not named twice.
            if clause.item and clause.text.lstrip().startswith(clause.item.strip()):
                cited = _ITEM_CITED.sub("", cited)
            if cited:
                _run(paragraph, cited + " ", font=HEADING1_FONT)
        _run(paragraph, labels.national_text(item))
        last = clause
    carriers, opening = sections.carriers(section)
    if carriers:
        _run(row.paragraph(2), f"（按条对应：{local}{carriers}）{opening}", color=GREY)
        _run(row.paragraph(4), f"{local}{carriers}未作相应规定。")
        _run(row.paragraph(5), f"{'各句' if len(unit) > 1 else '本句'}最相近的地方表述见对照清单"
                               "（序号相同）。", color=GREY)
    else:
        counterpart = sections.empty_counterpart(unit[0])
        _run(row.paragraph(2), counterpart, color=GREY)
        whole = counterpart != labels.NO_MATCH
        _run(row.paragraph(4), f"{local}{'所对应条文' if whole else '文件'}未作相应规定。")
    _status_cell(row, 3, labels.clause_label(unit[0]), labels.clause_key(unit[0]))


def _additions_table(document, comparison: Comparison, additions: Sequence[ReviewedAddition],
                     articles: Sequence[ReviewedArticle], *, checkbox: bool) -> None:
    columns = ADDITION_COLUMNS if checkbox else ADDITION_COLUMNS_PLAIN
    local = labels.local_word(comparison.provincial.title)
    table = _table(document, columns, local)
    provincial = labels.SectionIndex(comparison.provincial)
    verdicts = labels.verdicts_after_review(articles)
    for item in additions:
        row = _Row(table, columns)
        _centred_cell(row, 0, str(item.number))
        clause = item.clause
        paragraph = row.paragraph(1)
        _run(paragraph, labels.citation(comparison.provincial, provincial, clause) + " ",
             font=HEADING1_FONT)
        _run(paragraph, clause.text)
        note = labels.metadata_text(clause)
        if note:
            _run(row.paragraph(1), note, color=GREY)
        context = comparison.addition_context(clause, verdicts)
        if context:  # it stands in an article that carries national ones: no addition as a whole
            _run(row.paragraph(1), context, color=GREY)
        _status_cell(row, 2, labels.localised(labels.addition_label(item), local), labels.addition_key(item))
        _note_cell(row, 3, item)
        if checkbox:
            _centred_cell(row, 4, labels.done_mark(item))
        row.done()


def _summary_table(document, comparison: Comparison, clauses: Sequence[ReviewedClause],
                   articles: Sequence[ReviewedArticle]) -> None:
    # Two statutes are judged by article: the table counts articles (条数), as the overview
    # does first; their sentences are counted in the overview's words.
    columns = (SUMMARY_COLUMNS if not articles else
               (SUMMARY_COLUMNS[0], _Column("条数", SUMMARY_COLUMNS[1].width), *SUMMARY_COLUMNS[2:]))
    table = _table(document, columns)
    header = table._tbl.tr_lst[0]
    for tc, key in zip(header.tc_lst[2:], labels.TALLY_KEYS):
        tc_pr = tc[0]
        tc_pr.find(qn("w:shd")).set(qn("w:fill"), labels.FILLS[key])
    for index, tally in enumerate(labels.tallies(comparison, clauses, articles)):
        row = _Row(table, SUMMARY_COLUMNS)
        font = HEADING1_FONT if index == 0 else BODY_FONT
        _run(row.paragraph(0), tally.name, font=font)
        row.centre_vertically(1)
        _run(row.paragraph(1, align=CENTRE), str(tally.total), font=font)
        for column, key in enumerate(labels.TALLY_KEYS, start=2):
            row.centre_vertically(column)
            # Count and share on two lines: "79（43.4%）" does not fit a narrow portrait column.
            # Shares are of what is expected of the province (labels.Tally.percent).
            _run(row.paragraph(column, align=CENTRE), str(tally.counts[key]), font=font)
            share = tally.percent(key)
            if share is not None:
                _run(row.paragraph(column, align=CENTRE), f"{share:.1f}%", font=font, color=GREY)
        row.done()


# -- the report -------------------------------------------------------------------------------


def _national_name(comparison: Comparison) -> str:
    """The national document as the title names it, in book-title marks."""
    return book_title(comparison.national.title or Path(comparison.national.path).stem
                      or "国家文件")


def _title_text(comparison: Comparison, report: str) -> str:
    provincial = comparison.provincial.title or Path(comparison.provincial.path).stem or "本省文件"
    return f"{_national_name(comparison)}与{book_title(provincial)}{REPORTS[report]}"


def _overview(document, comparison: Comparison, clauses: Sequence[ReviewedClause],
              additions: Sequence[ReviewedAddition], articles: Sequence[ReviewedArticle],
              report: str, *, taken: int = 0) -> None:
    national, provincial = comparison.national, comparison.provincial
    overall = labels.tallies(comparison, clauses)[0]
    counts, total = overall.counts, overall.total
    number = f"（{national.doc_number}）" if national.doc_number else ""
    # Two statutes are judged article by article first; their sentences are then counted as
    # 句, so that "条" keeps meaning an article.
    by_article = labels.article_summary_text(comparison, articles)
    unit = "句" if by_article else "条"
    local = labels.local_word(provincial.title)
    text = (f"本{REPORTS[report]}以{book_title(national.title or '国家文件')}{number}为基准，"
            f"逐条对照{book_title(provincial.title or '本省文件')}。")
    if by_article:
        text += by_article + f"逐句对照：国家文件条文共分解为{total}句，其中"
    else:
        text += f"国家文件共分解为{total}条，其中"
    text += labels.expected_shares(counts, unit)
    text += f"；{local}文件另有新增内容{len(additions)}{unit}"
    # The sentences a reviewer recorded as counterparts are no additions (the app marks them
    # 已作对应表述 among the engine's): the count says why it is smaller.
    text += (f"（另有{taken}{unit}经审核认定为国家文件条款的对应表述，不再列为新增）。" if taken
             else "。")
    _body(document, text)
    reviewed = sum(1 for item in clauses if item.decision is not None) + sum(
        1 for item in additions if item.decision is not None)
    if reviewed:
        _body(document, f"已有{reviewed}项经人工审核，审核人员调整的对照结果标注“{labels.OVERRIDE_MARK}”。"
                        + ("审核人员改判了某条中的句子时，该条的整体结果按各句审核结果汇总，"
                           f"标注“{labels.OVERRIDE_MARK}”并注明软件判定。" if by_article else ""))
    _heading2(document, "（一）对照结果统计（按条）" if articles else "（一）对照结果统计")
    _summary_table(document, comparison, clauses, articles)
    _heading2(document, "（二）说明")
    _body(document, "对照结果由软件按文本相似度自动生成，供起草和审核参考，以审核意见为准。"
                    + labels.SIMILARITY_MEANING.format(local=local))
    _body(document, f"国家文件条款中红色加粗的文字，是{local}对应表述中未体现的关键词、数量指标或时限；"
                    f"加粗并加下划线的文字，是{local}表述约束力度减弱之处。")
    # What core.expected sets apart, no more: it said 定义、罚则 too, and the table beside it
    # called a definition and penalties 未覆盖.
    _body(document, "“无需地方落实”指只规定中央国家机关职责、国家层面事项（外交、司法、刑事责任等）、"
                    "施行日期、形势背景和超出地方文件规划期的目标等地方文件无需逐句承接的内容。"
                    "“说明及审核意见”栏先列判断理由，再列审核意见、审核人和日期；"
                    "“序号”在对照清单、差距分析报告、Excel 表和软件中一致。")
    rechecks = sum(1 for item in clauses if item.recheck)
    if rechecks:
        _body(document, f"有{rechecks}条审核结论所依据的地方文件表述已在新稿中改动或删除，"
                        f"标注“{labels.RECHECK_MARK}”，原结论不作为对照结果，待重新审核。")
    for warning in comparison.warnings:
        _body(document, f"提示：{warning}")


def _build(comparison: Comparison, report: str, decisions: Sequence[ReviewDecision],
           today: datetime.date, rechecks: Mapping[str, str] | None = None,
           author: str | None = None):
    clauses, additions = review(comparison, decisions, rechecks)
    additions, taken = chosen_counterparts(clauses, additions)
    articles = review_articles(comparison, clauses)
    document = Document()
    _zh_cn_base(document)
    _properties(document, _title_text(comparison, report),
                labels.report_author(decisions) if author is None else author,
                datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None))
    _document_defaults(document)
    cover = document.sections[0]
    _page(cover, landscape=False)
    _page_number_footer(cover)
    _title(document, _title_text(comparison, report), _national_name(comparison))
    date = document.add_paragraph()
    _format(date, align=WD_ALIGN_PARAGRAPH.CENTER, line=BODY_LINE, exact=True, after=Pt(14))
    _run(date, f"（{labels.format_date(today)}）", font=HEADING2_FONT, size=BODY_SIZE)
    _heading1(document, "一、总体情况")
    _overview(document, comparison, clauses, additions, articles, report, taken=len(taken))
    local = labels.local_word(comparison.provincial.title)

    tables = document.add_section(WD_SECTION.NEW_PAGE)
    _page(tables, landscape=True)
    _table_page_numbers(tables)
    if report == "checklist":
        _heading1(document, "二、逐条对照表")
        _checklist_table(document, comparison, clauses, articles)
    else:
        _heading1(document, "二、未覆盖和部分覆盖的条款")
        open_items = [item for item in clauses if counts_as_gap(item.status, item.not_applicable)]
        if open_items and articles:
            # A statute's articles are judged whole; its rows are sentences, and a sentence an
            # article called 已覆盖 does not carry is listed too (it read as a mistake).
            _body(document, "下表按条列出未覆盖和部分覆盖的内容：各条的整体结果和理由见其标题行，"
                            "条内相邻的未见对应表述的句子合为一行，部分覆盖的句子逐句列出；"
                            "整体已覆盖的条文中未完整体现的句子也一并列出，供核对。")
        if open_items:
            _gap_table(document, comparison, open_items, articles)
        else:
            _body(document, f"国家文件各条款在{local}文件中均已覆盖。")
    _heading1(document, f"三、{local}新增内容", page_break=True)
    shown: Sequence[ReviewedAddition] = additions
    within: Sequence[ReviewedAddition] = ()
    if report == "gaps":
        shown, within = _additions_in_carrying_articles(comparison, additions, articles)
    if shown:
        _additions_table(document, comparison, shown, articles, checkbox=report == "checklist")
    elif not within:
        _body(document, f"{local}文件未见国家文件以外的新增内容。")
    if within:
        where = list(dict.fromkeys(comparison.provincial.section(item.clause.section).label
                                   for item in within))
        named = "、".join(where[:5]) + (f"等{len(where)}条" if len(where) > 5 else "")
        _body(document, f"{'另有' if shown else ''}{len(within)}句位于承接国家文件条文的{local}条文中"
                        f"（{named}），是对国家规定的补充或改写，本报告不逐句列出，见对照清单的“{local}新增内容”部分。")
    return document


def _additions_in_carrying_articles(comparison: Comparison, additions: Sequence[ReviewedAddition],
                                    articles: Sequence[ReviewedArticle]
                                    ) -> tuple[list[ReviewedAddition], list[ReviewedAddition]]:
    """(additions the gap report lists, those it only counts): a sentence standing in a
    provincial article that carries national ones (``Comparison.addition_context``) and that
    no reviewer has decided on elaborates what it carries. Listed one by one, they made 21 of a
    statute gap report's 54 pages."""
    verdicts = labels.verdicts_after_review(articles)
    shown: list[ReviewedAddition] = []
    within: list[ReviewedAddition] = []
    for item in additions:
        undecided = item.decision is None and not item.recheck
        carried = bool(comparison.addition_context(item.clause, verdicts))
        (within if undecided and carried else shown).append(item)
    return shown, within


def export_word(comparison: Comparison, path: str | os.PathLike, *, report: str = "checklist",
                decisions: Iterable[ReviewDecision] = (),
                rechecks: Mapping[str, str] | None = None,
                today: datetime.date | None = None, author: str | None = None) -> Path:
    """Write the drafting checklist or the gap report of a comparison as a .docx file.

    Args:
        comparison: the engine's result, rendered as it is (never recomputed).
        path: the target file; written atomically.
        report: "checklist" (起草对照清单, every national clause) or "gaps" (差距分析报告, only
            missing and partial clauses, then the additions).
        decisions: reviewer decisions; they override statuses and fill 审核意见.
        rechecks: items whose decision a re-import put in question (``Project.rechecks()``).
        today: the date printed under the title (default: today).
        author: the document's author property (default: the reviewer of the latest
            decision, or none).

    Returns:
        The path written.

    Raises:
        ExportError: unknown report kind, or the file cannot be written.
    """
    if report not in REPORTS:
        raise ExportError(f"未知的报告类型：{report}（可选 checklist 或 gaps）", path=str(path))
    document = _build(comparison, report, tuple(decisions), today or datetime.date.today(),
                      rechecks, author)
    return write_atomically(path, lambda temporary: document.save(str(temporary)))
