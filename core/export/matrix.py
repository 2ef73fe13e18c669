"""The batch matrix (national items × local texts) and 各地表述 to Excel, Word or JSON.

Labels and colours come from core.export.labels, as in every other report. Both printable:
landscape A4, fitted to the page width, header rows repeated on every page.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from pathlib import Path

from core.batch import (CHAIN_SHARES, STATUS_ORDER, Batch, Cell, batch_to_dict, chain_summary,
                        chain_wording, share_text)
from core.errors import ExportError
from core.export import labels
from core.files import write_atomically, write_text_atomically
from core.model import Status
from core.text import book_title

FORMATS = (".xlsx", ".docx", ".json")

FONT = "宋体"
HEADER_FONT = "黑体"
FAILED_FILL = "F2F2F2"
DOCX_LOCALS_PER_TABLE = 8
"""Local columns per Word table: more do not fit a landscape A4 page with readable labels."""


def wording_title(batch: Batch) -> str:
    """The title of the part that lists the local texts' wording item by item: 各地表述 for
    several (a Beijing-only matrix read 他省表述, of one 市), 地方表述 for one."""
    return "各地表述" if len(batch.locals) > 1 else "地方表述"


def title(batch: Batch) -> str:
    """The report's title."""
    name = batch.national.title or Path(batch.national.path).stem
    if batch.kind == "chain":
        return f"{book_title(name)}逐级落实对照表"
    return f"{book_title(name)}地方落实情况对照矩阵"


def _unit_name(batch: Batch) -> str:
    return "条" if batch.unit == "article" else "句"


def _cell_text(cell: Cell | None) -> tuple[str, str]:
    """(label, fill) of a matrix cell."""
    if cell is None:
        return "—", FAILED_FILL
    # （审）: what the reviewer decided, not the engine (不适用 is the reviewer's word).
    return cell.label + ("（审）" if cell.reviewed else ""), labels.FILLS[cell.status.value]


def _excerpt(text: str, limit: int = 60) -> str:
    """The start of a long national text, for the matrix (the full text is in 各地表述)."""
    return text if len(text) <= limit else text[:limit] + "……"


def _summary_rows(batch: Batch) -> list[tuple[str, list[object]]]:
    """Per-local summary rows: (row name, one value per local)."""
    summaries = [batch.summary(i) for i in range(len(batch.locals))]
    rows: list[tuple[str, list[object]]] = []
    for status in STATUS_ORDER:
        rows.append((labels.LABELS[status.value],
                     [s.counts.get(status, 0) if s else "—" for s in summaries]))
    rows.append(("覆盖率（含部分覆盖）", [round(s.carried_percent, 1) if s else "—" for s in summaries]))
    rows.append(("已覆盖占比", [round(s.covered_percent, 1) if s else "—" for s in summaries]))
    rows.append(("地方新增（句）", [s.additions if s else "—" for s in summaries]))
    if batch.reviewed:
        # The cells a reviewer's decisions in the pair's review changed (Batch.with_review).
        rows.append(("经审核调整（项）", [local.reviewed if s else "—"
                                           for local, s in zip(batch.locals, summaries)]))
    rows.append(("文件问题", [local.error for local in batch.locals]))
    return rows


def _wording_rows(batch: Batch) -> list[tuple[int, str, str, Cell]]:
    """(row, item label, local name, cell) for every cell that carries local wording."""
    found = []
    for row, item in enumerate(batch.items):
        for local, cell in batch.wordings(row):
            found.append((row, item.label, local.name, cell))
    return found


# --- Excel ------------------------------------------------------------------------------------


def export_matrix_excel(batch: Batch, path: str | os.PathLike, *,
                        today: datetime.date | None = None) -> Path:
    """Write the matrix workbook: 对照矩阵, 汇总 and 各地表述 (地方表述 for one) sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, horizontal="center", vertical="center")
    body, bold = Font(name=FONT, size=10), Font(name=HEADER_FONT, size=10, bold=True)
    fills: dict[str, PatternFill] = {}

    def fill(colour: str) -> PatternFill:
        if colour not in fills:
            fills[colour] = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        return fills[colour]

    def put(sheet, row: int, column: int, value, *, font=body, align=wrap, colour=None):
        if isinstance(value, str):
            value = labels.printable(value)
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text that looks like a formula stays text
        cell.font, cell.alignment, cell.border = font, align, border
        if colour:
            cell.fill = fill(colour)
        return cell

    def printable_sheet(sheet, title_rows: str, columns: int) -> None:
        setup = sheet.page_setup
        setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = title_rows
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
        sheet.print_area = f"A1:{get_column_letter(columns)}{sheet.max_row}"

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "对照矩阵"
    unit = _unit_name(batch)
    names = [local.name for local in batch.locals]
    fixed = ["序号", f"国家文件（按{unit}）", "内容", "未覆盖数", "部分覆盖数"]
    widths = [6, 16, 40, 8, 8]
    header = fixed + names
    put(sheet, 1, 1, title(batch), font=Font(name=HEADER_FONT, size=14, bold=True), align=Alignment())
    put(sheet, 2, 1, f"生成日期：{labels.format_date(today or datetime.date.today())}；"
        f"地方文件 {len(batch.locals)} 个；“未覆盖数”为未覆盖该{unit}的地方文件数。"
        + ("标“（审）”的为审核人员调整后的结果。" if batch.reviewed else ""),
        align=Alignment())
    for column, name in enumerate(header, start=1):
        put(sheet, 3, column, name.replace("（", "\n（"), font=bold, align=centred,
            colour=labels.HEADER_FILL)
    sheet.row_dimensions[3].height = 30
    local_width = 13 if batch.reviewed else 9  # 已覆盖（审）
    for column, width in enumerate(widths + [local_width] * len(names), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = 4
    for index, item in enumerate(batch.items):
        put(sheet, row, 1, index + 1, align=centred)
        put(sheet, row, 2, item.label)
        put(sheet, row, 3, item.text)
        put(sheet, row, 4, batch.missing_count(index), align=centred)
        put(sheet, row, 5, batch.count(index, Status.PARTIAL), align=centred)
        for column, cell in enumerate(batch.cells[index], start=len(fixed) + 1):
            text, colour = _cell_text(cell)
            put(sheet, row, column, text, align=centred, colour=colour)
        lines = max(1, -(-len(item.text) // 22), -(-len(item.label) // 8))
        sheet.row_dimensions[row].height = min(13 * lines + 4, 409)
        row += 1
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(header))}{row - 1}"
    for name, values in _summary_rows(batch):
        put(sheet, row, 2, name, font=bold, colour=labels.SECTION_FILL)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(fixed))
        for column, value in enumerate(values, start=len(fixed) + 1):
            put(sheet, row, column, value, align=centred)
            if isinstance(value, float):
                sheet.cell(row=row, column=column).number_format = '0.0"%"'
        row += 1
    sheet.freeze_panes = sheet.cell(row=4, column=len(fixed) + 1)
    printable_sheet(sheet, "3:3", len(header))
    sheet.print_title_cols = "A:B"

    summary = workbook.create_sheet("汇总")
    reviewed = batch.reviewed
    columns = ["地方文件", "标题", f"{unit}数"] + [labels.LABELS[s.value] for s in STATUS_ORDER] + [
        "覆盖率（含部分覆盖）", "已覆盖占比", "地方新增（句）", *(["经审核调整（项）"] if reviewed else []),
        "文件问题"]
    for column, name in enumerate(columns, start=1):
        put(summary, 1, column, name, font=bold, align=centred, colour=labels.HEADER_FILL)
        summary.column_dimensions[get_column_letter(column)].width = (
            {1: 14, 2: 36, len(columns): 40}.get(column, 11))
    for index, local in enumerate(batch.locals):
        stats = batch.summary(index)
        entries: list[object] = [local.name, local.title or Path(local.path).name]
        if stats is None:
            entries += ["—"] * (len(columns) - 3) + [local.error]
        else:
            entries += [stats.items] + [stats.counts.get(s, 0) for s in STATUS_ORDER] + [
                round(stats.carried_percent, 1), round(stats.covered_percent, 1), stats.additions,
                *([local.reviewed] if reviewed else []), ""]
        for column, value in enumerate(entries, start=1):
            cell = put(summary, index + 2, column, value, align=wrap if column in (2, len(columns)) else centred)
            if isinstance(value, float):
                cell.number_format = '0.0"%"'
    if batch.kind == "chain":
        shares = chain_summary(batch)
        base = len(batch.locals) + 3
        for offset, (key, name) in enumerate(CHAIN_SHARES):
            put(summary, base + offset, 1, name, font=bold)
            summary.merge_cells(start_row=base + offset, start_column=1, end_row=base + offset, end_column=2)
            put(summary, base + offset, 3, share_text(shares[key]), align=centred)
    summary.freeze_panes = "B2"
    printable_sheet(summary, "1:1", len(columns))

    wording = workbook.create_sheet(wording_title(batch))
    wording_columns = [("序号", 6), (f"国家文件（按{unit}）", 16), ("国家文件内容", 40), ("地方文件", 12),
                       ("对照结果", 10), ("地方对应条款", 14), ("地方表述", 60), ("原因", 30)]
    for column, (name, width) in enumerate(wording_columns, start=1):
        put(wording, 1, column, name, font=bold, align=centred, colour=labels.HEADER_FILL)
        wording.column_dimensions[get_column_letter(column)].width = width
    row = 2
    for index, label, local_name, cell in _wording_rows(batch):
        text, colour = _cell_text(cell)
        put(wording, row, 1, index + 1, align=centred)
        put(wording, row, 2, label)
        put(wording, row, 3, batch.items[index].text)
        put(wording, row, 4, local_name, align=centred)
        put(wording, row, 5, text, align=centred, colour=colour)
        put(wording, row, 6, cell.where)
        put(wording, row, 7, cell.wording)
        put(wording, row, 8, cell.reason.text)
        row += 1
    wording.auto_filter.ref = f"A1:H{max(row - 1, 1)}"
    wording.freeze_panes = "A2"
    printable_sheet(wording, "1:1", len(wording_columns))
    return write_atomically(path, lambda temporary: workbook.save(str(temporary)))


# --- Word -------------------------------------------------------------------------------------


def export_matrix_word(batch: Batch, path: str | os.PathLike, *,
                       today: datetime.date | None = None) -> Path:
    """Write the matrix as a landscape Word report: matrix tables, summary, 各地表述."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin = section.bottom_margin = Mm(15)
    usable = 297 - 30
    properties = document.core_properties
    properties.title, properties.author = title(batch), ""
    properties.comments = ""
    now = datetime.datetime.now()
    properties.created = properties.modified = now

    def fonts(run, face: str) -> None:
        run.font.name = face
        r_pr = run._element.get_or_add_rPr()
        r_fonts = r_pr.find(qn("w:rFonts"))
        if r_fonts is None:
            r_fonts = OxmlElement("w:rFonts")
            r_pr.insert(0, r_fonts)
        r_fonts.set(qn("w:eastAsia"), face)

    def write(paragraph, text: str, *, face: str = FONT, size: float = 9, bold: bool = False):
        run = paragraph.add_run(labels.printable(text))
        fonts(run, face)
        run.font.size, run.font.bold = Pt(size), bold
        return run

    def shade(cell, colour: str) -> None:
        properties = cell._tc.get_or_add_tcPr()
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), colour)
        properties.append(shading)

    def table(widths_mm: Sequence[float], header: Sequence[str]):
        grid = document.add_table(rows=1, cols=len(widths_mm))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        for column, width in zip(grid.columns, widths_mm):
            column.width = Mm(width)  # the grid LibreOffice and WPS lay the table out by
        row = grid.rows[0]
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
        for cell, name, width in zip(row.cells, header, widths_mm):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            write(paragraph, name, face=HEADER_FONT, bold=True)
            shade(cell, labels.HEADER_FILL)
        return grid

    def add_row(grid, values: Sequence[object], widths_mm: Sequence[float],
                colours: Sequence[str | None] = (), centre: Sequence[bool] = ()):
        row = grid.add_row()
        for index, (cell, value, width) in enumerate(zip(row.cells, values, widths_mm)):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            if index < len(centre) and centre[index]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            write(paragraph, str(value))
            colour = colours[index] if index < len(colours) else None
            if colour:
                shade(cell, colour)
        return row

    # Page numbers (第 1 页 / 共 26 页): a printed matrix of many pages had none.
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("第 ", "PAGE", " 页 / 共 ", "NUMPAGES", " 页"):
        if piece.isupper():
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), f" {piece} ")
            number = write(footer, "1")  # shown until the field is updated, in the footer's font
            footer._p.remove(number._element)
            field.append(number._element)
            footer._p.append(field)
        else:
            write(footer, piece)

    def keep_together(row, *, with_next: bool = False) -> None:
        """A row is not split over two pages; with ``with_next`` it stays with the row after
        it (a national item's heading row with the first province's wording)."""
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if with_next:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write(heading, title(batch), face=HEADER_FONT, size=16, bold=True)
    unit = _unit_name(batch)
    note = document.add_paragraph()
    write(note, f"生成日期：{labels.format_date(today or datetime.date.today())}；地方文件 "
          f"{len(batch.locals)} 个；国家文件按{unit}列出 {len(batch.items)} 项；"
          f"“未覆盖数”为未覆盖该{unit}的地方文件数。"
          + ("标“（审）”的为审核人员调整后的结果。" if batch.reviewed else ""),
          size=10)

    groups = [list(range(start, min(start + DOCX_LOCALS_PER_TABLE, len(batch.locals))))
              for start in range(0, len(batch.locals), DOCX_LOCALS_PER_TABLE)]
    for number, group in enumerate(groups, start=1):
        if len(groups) > 1:
            write(document.add_paragraph(), f"对照矩阵（{number}/{len(groups)}）", face=HEADER_FONT,
                  size=12, bold=True)
        fixed = [10, 34, 0, 14]  # 八、（三） 第3句 on one line
        local_width = 17
        fixed[2] = usable - sum(fixed) - local_width * len(group)
        widths = fixed + [local_width] * len(group)
        # The bracket starts its own line: the narrow column otherwise broke inside it (国家文件（按/句）).
        grid = table(widths, ["序号", f"国家文件\n（按{unit}）", "内容", "未覆盖数",
                              *[batch.locals[i].name.replace("（", "\n（") for i in group]])
        for index, item in enumerate(batch.items):
            cells = [_cell_text(batch.cells[index][i]) for i in group]
            add_row(grid, [str(index + 1), item.label, _excerpt(item.text),
                           str(batch.missing_count(index)),
                           *[text for text, _ in cells]], widths,
                    colours=[None] * 4 + [colour for _, colour in cells],
                    centre=[True, False, False, True] + [True] * len(group))
        for name, values in _summary_rows(batch):
            shown = [values[i] for i in group]
            if name == "文件问题" and not any(shown):
                continue
            shown = [f"{v:.1f}%" if isinstance(v, float) else str(v) for v in shown]
            row = add_row(grid, ["", name, "", "", *shown], widths,
                          colours=[labels.SECTION_FILL] * 4, centre=[False] * 4 + [True] * len(group))
            merged = row.cells[1].merge(row.cells[3])
            merged.paragraphs[0].text = ""
            write(merged.paragraphs[0], name, face=HEADER_FONT, bold=True)
            for extra in merged.paragraphs[1:]:
                extra._element.getparent().remove(extra._element)

    if batch.kind == "chain":
        paragraph = document.add_paragraph()
        write(paragraph, f"逐级落实：{chain_wording(batch)}（均含部分覆盖，不计无需地方落实）。", size=10)

    write(document.add_paragraph(), wording_title(batch), face=HEADER_FONT, size=12, bold=True)
    widths = [24, 20, 30, usable - 74]
    grid = table(widths, ["地方文件", "对照结果", "地方对应条款", "地方表述"])
    for index, item in enumerate(batch.items):
        found = batch.wordings(index)
        if not found:
            continue
        row = add_row(grid, [f"{index + 1}. {item.label}　{item.text}", "", "", ""], widths,
                      colours=[labels.SECTION_FILL] * 4)
        merged = row.cells[0].merge(row.cells[3])
        for extra in merged.paragraphs[1:]:
            extra._element.getparent().remove(extra._element)
        keep_together(row, with_next=True)
        for local, cell in found:
            text, colour = _cell_text(cell)
            keep_together(add_row(grid, [local.name, text, cell.where, cell.wording], widths,
                                  colours=[None, colour], centre=[True, True]))
    return write_atomically(path, lambda temporary: document.save(str(temporary)))


# --- JSON and dispatch ------------------------------------------------------------------------


def export_matrix_json(batch: Batch, path: str | os.PathLike) -> Path:
    """Write the matrix as JSON (schema duizhao.batch/1)."""
    return write_text_atomically(path, json.dumps(batch_to_dict(batch), ensure_ascii=False,
                                                  indent=2) + "\n")


def export_matrix(batch: Batch, path: str | os.PathLike, *,
                  today: datetime.date | None = None) -> Path:
    """Write the matrix in the format the suffix names (.xlsx, .docx or .json).

    Raises:
        ExportError: the suffix is not supported, or the file cannot be written.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return export_matrix_excel(batch, path, today=today)
    if suffix == ".docx":
        return export_matrix_word(batch, path, today=today)
    if suffix == ".json":
        return export_matrix_json(batch, path)
    raise ExportError(f"不支持的导出格式：{suffix or '（无扩展名）'}，请使用 .xlsx、.docx 或 .json 文件。",
                      path=str(path))
