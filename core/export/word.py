"""The Word drafting checklist (起草对照清单) and gap report (差距分析报告), typeset after GB/T 9704."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from core.errors import ExportError
from core.export import labels
from core.files import write_atomically
from core.model import Comparison, ReviewDecision, Status
from core.review import ReviewedAddition, ReviewedClause, review

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

GREY = "595959"
CHECKBOX = "□"  # U+25A1 is in GB2312, so every 仿宋/宋体 face prints it (☐ U+2610 is not)


# -- low-level formatting ---------------------------------------------------------------------

def _set_fonts(r_pr, east_asia: str) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)


def _run(paragraph, text: str, *, font: str = BODY_FONT, size=TABLE_SIZE, bold: bool = False,
         color: str | None = None, underline: bool = False):
    """Add a run with the East Asian and Latin font names set on it (Word and WPS honour both)."""
    run = paragraph.add_run(text)
    _set_fonts(run._element.get_or_add_rPr(), font)
    run.font.size = size
    if bold:
        run.font.bold = True
    if underline:
        run.font.underline = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
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
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(outline_level))
        paragraph._p.get_or_add_pPr().append(outline)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_properties(row, *, header: bool = False) -> None:
    """Rows never split across pages; the header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _page(section, *, landscape: bool) -> None:
    """A4; GB/T 9704 margins in portrait, narrower side margins for the landscape tables."""
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
    section.footer_distance = Mm(12)


def _page_number_footer(section) -> None:
    """"— 1 —" centred at the foot: a PAGE field between em dashes."""
    paragraph = section.footer.paragraphs[0]
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER)
    _run(paragraph, "— ", font=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                       ("end", None)):
        run = _run(paragraph, "", font=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
    _run(paragraph, " —", font=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)


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


# -- text blocks ------------------------------------------------------------------------------

def _title(document, text: str) -> None:
    paragraph = document.add_paragraph()
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36), before=Pt(0), after=Pt(12))
    _run(paragraph, text, font=TITLE_FONT, size=TITLE_SIZE)


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
    width: Emu


def _cell_paragraph(cell, *, align=None):
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
    _format(paragraph, align=align)
    return paragraph


def _table(document, columns: Sequence[_Column]):
    """A fixed-layout grid table with a repeating header row.

    LibreOffice ignores cell widths unless the layout is fixed and the grid columns carry them,
    so both are set (and every cell gets its width as it is made).
    """
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid_column, column in zip(table.columns, columns):
        grid_column.width = column.width
    header = table.rows[0]
    _row_properties(header, header=True)
    for cell, column in zip(header.cells, columns):
        cell.width = column.width
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _shade(cell, labels.HEADER_FILL)
        paragraph = _cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(paragraph, column.header, font=HEADING1_FONT, size=TABLE_HEADER_SIZE)
    return table


def _data_row(table, columns: Sequence[_Column]):
    row = table.add_row()
    _row_properties(row)
    cells = row.cells
    for cell, column in zip(cells, columns):
        cell.width = column.width
    return cells


def _section_row(table, columns: Sequence[_Column], text: str) -> None:
    """A heading row spanning the table, kept with the row that follows it."""
    row = table.add_row()
    _row_properties(row)
    cells = row.cells
    merged = cells[0].merge(cells[-1])
    merged.width = Emu(sum(column.width for column in columns))
    _shade(merged, labels.SECTION_FILL)
    paragraph = merged.paragraphs[0]
    _format(paragraph, keep_next=True)
    _run(paragraph, text, font=HEADING1_FONT, size=TABLE_SIZE)


def _status_cell(cell, label: str, key: str) -> None:
    _shade(cell, labels.FILLS[key])
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = _cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER)
    _run(paragraph, label, font=HEADING1_FONT, size=TABLE_SIZE)


def _centred_cell(cell, text: str) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _run(_cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER), text)


def _national_cell(cell, comparison: Comparison, item: ReviewedClause) -> None:
    clause = item.finding.clause
    paragraph = _cell_paragraph(cell)
    _run(paragraph, labels.label_path(comparison.national, clause.section) + " ",
         font=HEADING1_FONT)
    for piece, mark in labels.marked_segments(labels.national_text(item), labels.shown_gaps(item)):
        if mark == labels.GAP_MARK:
            _run(paragraph, piece, bold=True, color=labels.GAP_COLOR)
        elif mark == labels.BINDING_MARK:
            _run(paragraph, piece, bold=True, underline=True)
        else:
            _run(paragraph, piece)
    if clause.responsibility:
        note = labels.metadata_text(clause.responsibility, "")
        _run(_cell_paragraph(cell), note, color=GREY)


def _provincial_cell(cell, comparison: Comparison, item: ReviewedClause, *,
                     with_gaps: bool) -> None:
    paragraph = _cell_paragraph(cell)
    if item.match is None:
        _run(paragraph, "（未找到对应表述）", color=GREY)
        return
    clause = item.match.clause
    _run(paragraph, labels.label_path(comparison.provincial, clause.section) + " ",
         font=HEADING1_FONT)
    _run(paragraph, clause.text)
    note = labels.metadata_text(clause.responsibility, clause.deadline)
    if note:
        _run(_cell_paragraph(cell), note, color=GREY)
    gaps = labels.shown_gaps(item)
    if with_gaps and gaps:
        gap_paragraph = _cell_paragraph(cell)
        _run(gap_paragraph, "差距：", font=HEADING1_FONT, color=labels.GAP_COLOR)
        _run(gap_paragraph, labels.describe_gaps(gaps))


def _note_text(decision: ReviewDecision | None, note: str) -> str:
    if not note:
        return ""
    if decision is not None and decision.reviewer:
        return f"{note}（{decision.reviewer}）"
    return note


def _note_cell(cell, decision: ReviewDecision | None, note: str) -> None:
    text = _note_text(decision, note)
    if text:
        _run(_cell_paragraph(cell), text)


# Landscape A4 with 25 mm side margins leaves 247 mm for a table.
CHECKLIST_COLUMNS = (
    _Column("序号", Mm(12)), _Column("国家文件条款", Mm(81)), _Column("本省对应表述", Mm(72)),
    _Column("对照结果", Mm(20)), _Column("相似度", Mm(15)), _Column("审核意见", Mm(32)),
    _Column("已处理", Mm(15)),
)
GAP_COLUMNS = (
    _Column("序号", Mm(12)), _Column("国家文件条款", Mm(82)), _Column("本省对应表述", Mm(66)),
    _Column("对照结果", Mm(20)), _Column("缺失内容", Mm(38)), _Column("审核意见", Mm(29)),
)
ADDITION_COLUMNS = (
    _Column("序号", Mm(12)), _Column("本省新增内容", Mm(155)), _Column("对照结果", Mm(20)),
    _Column("审核意见", Mm(45)), _Column("已处理", Mm(15)),
)
ADDITION_COLUMNS_PLAIN = (
    _Column("序号", Mm(12)), _Column("本省新增内容", Mm(170)), _Column("对照结果", Mm(20)),
    _Column("审核意见", Mm(45)),
)
# Portrait A4 with GB/T 9704 margins leaves 156 mm.
SUMMARY_COLUMNS = (
    _Column("国家文件部分", Mm(56)), _Column("条款数", Mm(16)), _Column("已覆盖", Mm(21)),
    _Column("部分覆盖", Mm(21)), _Column("未覆盖", Mm(21)), _Column("不适用", Mm(21)),
)


def _grouped(comparison: Comparison, items: Iterable[ReviewedClause]):
    """(section name or None, item): the name comes with the first item of each section run."""
    current = None
    for item in items:
        section = item.finding.clause.section
        if section != current:
            current = section
            yield labels.section_name(comparison.national, section), item
        else:
            yield None, item


def _checklist_table(document, comparison: Comparison, clauses: Sequence[ReviewedClause]) -> None:
    table = _table(document, CHECKLIST_COLUMNS)
    for number, (heading, item) in enumerate(_grouped(comparison, clauses), start=1):
        if heading is not None:
            _section_row(table, CHECKLIST_COLUMNS, heading)
        cells = _data_row(table, CHECKLIST_COLUMNS)
        _centred_cell(cells[0], str(number))
        _national_cell(cells[1], comparison, item)
        _provincial_cell(cells[2], comparison, item, with_gaps=True)
        _status_cell(cells[3], labels.clause_label(item), labels.clause_key(item))
        _centred_cell(cells[4], labels.score_text(item))
        _note_cell(cells[5], item.decision, item.note)
        _centred_cell(cells[6], CHECKBOX)


def _gap_lines(item: ReviewedClause) -> list[str]:
    gaps = labels.shown_gaps(item)
    if gaps:
        return [gap.describe() for gap in gaps]
    if item.status is Status.MISSING:
        return ["本省文件未见对应表述"]
    return ["对应表述不完整，请核对"]


def _gap_table(document, comparison: Comparison, items: Sequence[ReviewedClause]) -> None:
    table = _table(document, GAP_COLUMNS)
    for number, (heading, item) in enumerate(_grouped(comparison, items), start=1):
        if heading is not None:
            _section_row(table, GAP_COLUMNS, heading)
        cells = _data_row(table, GAP_COLUMNS)
        _centred_cell(cells[0], str(number))
        _national_cell(cells[1], comparison, item)
        _provincial_cell(cells[2], comparison, item, with_gaps=False)
        _status_cell(cells[3], labels.clause_label(item), labels.clause_key(item))
        for line in _gap_lines(item):
            _run(_cell_paragraph(cells[4]), line)
        _note_cell(cells[5], item.decision, item.note)


def _additions_table(document, comparison: Comparison, additions: Sequence[ReviewedAddition], *,
                     checkbox: bool) -> None:
    columns = ADDITION_COLUMNS if checkbox else ADDITION_COLUMNS_PLAIN
    table = _table(document, columns)
    for number, item in enumerate(additions, start=1):
        cells = _data_row(table, columns)
        _centred_cell(cells[0], str(number))
        clause = item.clause
        paragraph = _cell_paragraph(cells[1])
        _run(paragraph, labels.label_path(comparison.provincial, clause.section) + " ",
             font=HEADING1_FONT)
        _run(paragraph, clause.text)
        note = labels.metadata_text(clause.responsibility, clause.deadline)
        if note:
            _run(_cell_paragraph(cells[1]), note, color=GREY)
        _status_cell(cells[2], labels.addition_label(item), labels.addition_key(item))
        _note_cell(cells[3], item.decision, item.note)
        if checkbox:
            _centred_cell(cells[4], CHECKBOX)


def _summary_table(document, comparison: Comparison, clauses: Sequence[ReviewedClause]) -> None:
    table = _table(document, SUMMARY_COLUMNS)
    for cell, key in zip(table.rows[0].cells[2:], labels.TALLY_KEYS):
        _shade_replace(cell, labels.FILLS[key])
    for index, tally in enumerate(labels.tallies(comparison, clauses)):
        cells = _data_row(table, SUMMARY_COLUMNS)
        font = HEADING1_FONT if index == 0 else BODY_FONT
        _run(_cell_paragraph(cells[0]), tally.name, font=font)
        cells[1].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _run(_cell_paragraph(cells[1], align=WD_ALIGN_PARAGRAPH.CENTER), str(tally.total), font=font)
        for cell, key in zip(cells[2:], labels.TALLY_KEYS):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            # Count and share on two lines: "79（43.4%）" does not fit a narrow portrait column.
            _run(_cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER),
                 str(tally.counts[key]), font=font)
            _run(_cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER),
                 f"{tally.percent(key):.1f}%", font=font, color=GREY)


def _shade_replace(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    _shade(cell, fill)


# -- the report -------------------------------------------------------------------------------

def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "0%"


def _title_text(comparison: Comparison, report: str) -> str:
    national = comparison.national.title or Path(comparison.national.path).stem or "国家文件"
    provincial = comparison.provincial.title or Path(comparison.provincial.path).stem or "本省文件"
    return f"《{national}》与《{provincial}》{REPORTS[report]}"


def _overview(document, comparison: Comparison, clauses: Sequence[ReviewedClause],
              additions: Sequence[ReviewedAddition], report: str) -> None:
    national, provincial = comparison.national, comparison.provincial
    overall = labels.tallies(comparison, clauses)[0]
    counts, total = overall.counts, overall.total
    number = f"（{national.doc_number}）" if national.doc_number else ""
    text = (f"本{REPORTS[report]}以《{national.title or '国家文件'}》{number}为基准，"
            f"逐条对照《{provincial.title or '本省文件'}》。国家文件共分解为{total}条，其中"
            f"已覆盖{counts[Status.COVERED.value]}条（{_percent(counts[Status.COVERED.value], total)}），"
            f"部分覆盖{counts[Status.PARTIAL.value]}条（{_percent(counts[Status.PARTIAL.value], total)}），"
            f"未覆盖{counts[Status.MISSING.value]}条（{_percent(counts[Status.MISSING.value], total)}）")
    if counts[labels.NOT_APPLICABLE]:
        text += f"，经审核不适用{counts[labels.NOT_APPLICABLE]}条"
    text += f"；本省文件另有新增内容{len(additions)}条。"
    _body(document, text)
    reviewed = sum(1 for item in clauses if item.decision is not None) + sum(
        1 for item in additions if item.decision is not None)
    if reviewed:
        _body(document, f"已有{reviewed}项经人工审核，审核人员调整的对照结果标注“{labels.OVERRIDE_MARK}”。")
    _heading2(document, "（一）对照结果统计")
    _summary_table(document, comparison, clauses)
    _heading2(document, "（二）说明")
    _body(document, "对照结果由软件按文本相似度自动生成，供起草和审核参考，以审核意见为准。"
                    "“相似度”为0—100的文本相似程度，不代表内容等同。")
    _body(document, "国家文件条款中红色加粗的文字，是本省对应表述中未体现的关键词、数量指标或时限；"
                    "加粗并加下划线的文字，是本省表述约束力度减弱之处。")
    for warning in comparison.warnings:
        _body(document, f"提示：{warning}")


def _build(comparison: Comparison, report: str, decisions: Iterable[ReviewDecision],
           today: datetime.date):
    clauses, additions = review(comparison, decisions)
    document = Document()
    _document_defaults(document)
    cover = document.sections[0]
    _page(cover, landscape=False)
    _page_number_footer(cover)
    _title(document, _title_text(comparison, report))
    date = document.add_paragraph()
    _format(date, align=WD_ALIGN_PARAGRAPH.CENTER, line=BODY_LINE, exact=True, after=Pt(14))
    _run(date, f"（{labels.format_date(today)}）", font=HEADING2_FONT, size=BODY_SIZE)
    _heading1(document, "一、总体情况")
    _overview(document, comparison, clauses, additions, report)

    tables = document.add_section(WD_SECTION.NEW_PAGE)
    _page(tables, landscape=True)
    if report == "checklist":
        _heading1(document, "二、逐条对照表")
        _checklist_table(document, comparison, clauses)
    else:
        _heading1(document, "二、未覆盖和部分覆盖的条款")
        open_items = [item for item in clauses if not item.not_applicable
                      and item.status in (Status.MISSING, Status.PARTIAL)]
        if open_items:
            _gap_table(document, comparison, open_items)
        else:
            _body(document, "国家文件各条款在本省文件中均已覆盖。")
    _heading1(document, "三、本省新增内容", page_break=True)
    if additions:
        _additions_table(document, comparison, additions, checkbox=report == "checklist")
    else:
        _body(document, "本省文件未见国家文件以外的新增内容。")
    return document


def export_word(comparison: Comparison, path: str | os.PathLike, *, report: str = "checklist",
                decisions: Iterable[ReviewDecision] = (),
                today: datetime.date | None = None) -> Path:
    """Write the drafting checklist or the gap report of a comparison as a .docx file.

    Args:
        comparison: the engine's result, rendered as it is (never recomputed).
        path: the target file; written atomically.
        report: "checklist" (起草对照清单, every national clause) or "gaps" (差距分析报告, only
            missing and partial clauses, then the additions).
        decisions: reviewer decisions; they override statuses and fill 审核意见.
        today: the date printed under the title (default: today).

    Returns:
        The path written.

    Raises:
        ExportError: unknown report kind, or the file cannot be written.
    """
    if report not in REPORTS:
        raise ExportError(f"未知的报告类型：{report}（可选 checklist 或 gaps）", path=str(path))
    document = _build(comparison, report, tuple(decisions), today or datetime.date.today())
    return write_atomically(path, lambda temporary: document.save(str(temporary)))
