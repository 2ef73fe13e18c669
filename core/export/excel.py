"""The checklist as an Excel workbook: 对照表, 本省新增 and 汇总 sheets, filterable and colour-coded."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.export import labels
from core.files import write_atomically
from core.model import Comparison, ReviewDecision
from core.review import ReviewedAddition, ReviewedClause, review

FONT = "宋体"
HEADER_FONT = "黑体"
SIZE = 11

CLAUSE_COLUMNS = (("序号", 6), ("国家文件章节", 16), ("国家文件条款", 60), ("本省对应章节", 14),
                  ("本省对应表述", 55), ("对照结果", 11), ("相似度", 8), ("差距", 30),
                  ("审核意见", 30), ("已处理", 8))
ADDITION_COLUMNS = (("序号", 6), ("本省章节", 16), ("本省新增内容", 80), ("责任单位", 30),
                    ("时限", 16), ("对照结果", 11), ("审核意见", 30))

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRED = Alignment(wrap_text=True, horizontal="center", vertical="center")
_BODY = Font(name=FONT, size=SIZE)
_HEADER = Font(name=HEADER_FONT, size=SIZE, bold=True)


def _fill(hex_colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=hex_colour, end_color=hex_colour)


def _header(sheet, columns: Sequence[tuple[str, int]]) -> None:
    """Bold shaded header row, frozen, with an auto-filter over the whole table."""
    for index, (name, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font, cell.fill, cell.alignment, cell.border = (
            _HEADER, _fill(labels.HEADER_FILL), _CENTRED, _BORDER)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _body_row(sheet, row: int, values: Sequence[object]) -> None:
    for index, value in enumerate(values, start=1):
        if isinstance(value, str):
            value = labels.printable(value)
        cell = sheet.cell(row=row, column=index, value=value)
        cell.font, cell.alignment, cell.border = _BODY, _WRAP, _BORDER


def _status(cell, label: str, key: str) -> None:
    cell.value = label
    cell.fill = _fill(labels.FILLS[key])
    cell.alignment = _CENTRED
    cell.font = _HEADER


def _rich_national(item: ReviewedClause, gaps) -> CellRichText | str:
    """The national text with lacking words red and bold, weakened words bold and underlined."""
    text = labels.national_text(item)
    if not gaps:
        return labels.printable(text)
    plain = InlineFont(rFont=FONT, sz=SIZE)
    gap = InlineFont(rFont=FONT, sz=SIZE, b=True, color=labels.GAP_COLOR)
    binding = InlineFont(rFont=FONT, sz=SIZE, b=True, u="single")
    fonts = {"": plain, labels.GAP_MARK: gap, labels.BINDING_MARK: binding}
    return CellRichText([TextBlock(fonts[mark], labels.printable(piece))
                         for piece, mark in labels.marked_segments(text, gaps)])


def _note(decision: ReviewDecision | None, note: str) -> str:
    if note and decision is not None and decision.reviewer:
        return f"{note}（{decision.reviewer}）"
    return note


def _clause_sheet(sheet, comparison: Comparison, clauses: Sequence[ReviewedClause]) -> None:
    _header(sheet, CLAUSE_COLUMNS)
    done = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    sheet.add_data_validation(done)
    national = labels.SectionIndex(comparison.national)
    provincial = labels.SectionIndex(comparison.provincial)
    for row, item in enumerate(clauses, start=2):
        clause = item.finding.clause
        match = item.match.clause if item.match is not None else None
        gaps = labels.shown_gaps(item)
        shown = item.match is not None and item.match.score > 0
        score = round(item.match.score, 1) if shown else None
        _body_row(sheet, row, [
            row - 1, national.name(clause.section), _rich_national(item, gaps),
            provincial.path(match.section) if match else "",
            match.text if match else "（未找到对应表述）", None, score,
            labels.describe_gaps(gaps), _note(item.decision, item.note), None])
        sheet.cell(row=row, column=1).alignment = _CENTRED
        sheet.cell(row=row, column=7).alignment = _CENTRED
        _status(sheet.cell(row=row, column=6), labels.clause_label(item), labels.clause_key(item))
    if clauses:
        done.add(f"J2:J{len(clauses) + 1}")
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(CLAUSE_COLUMNS))}{len(clauses) + 1}"


def _addition_sheet(sheet, comparison: Comparison, additions: Sequence[ReviewedAddition]) -> None:
    _header(sheet, ADDITION_COLUMNS)
    provincial = labels.SectionIndex(comparison.provincial)
    for row, item in enumerate(additions, start=2):
        clause = item.clause
        _body_row(sheet, row, [
            row - 1, provincial.name(clause.section), clause.text,
            "、".join(clause.responsibility), clause.deadline, None,
            _note(item.decision, item.note)])
        sheet.cell(row=row, column=1).alignment = _CENTRED
        _status(sheet.cell(row=row, column=6), labels.addition_label(item),
                labels.addition_key(item))
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ADDITION_COLUMNS))}{len(additions) + 1}"


def _summary_sheet(sheet, comparison: Comparison, clauses: Sequence[ReviewedClause],
                   additions: Sequence[ReviewedAddition], today: datetime.date) -> None:
    national = comparison.national.title or Path(comparison.national.path).stem
    provincial = comparison.provincial.title or Path(comparison.provincial.path).stem
    sheet["A1"] = labels.printable(f"《{national}》与《{provincial}》对照清单")
    sheet["A1"].font = Font(name=HEADER_FONT, size=14, bold=True)
    sheet["A2"] = f"生成日期：{labels.format_date(today)}"
    sheet["A2"].font = _BODY
    header = ["国家文件部分", "条款数"]
    for key in labels.TALLY_KEYS:
        header += [labels.LABELS[key], "占比"]
    for index, name in enumerate(header, start=1):
        cell = sheet.cell(row=4, column=index, value=name)
        cell.font, cell.alignment, cell.border = _HEADER, _CENTRED, _BORDER
        key = labels.TALLY_KEYS[(index - 3) // 2] if index >= 3 else None
        cell.fill = _fill(labels.FILLS[key] if key else labels.HEADER_FILL)
    row = 5
    for tally in labels.tallies(comparison, clauses):
        values: list[object] = [tally.name, tally.total]
        for key in labels.TALLY_KEYS:
            values += [tally.counts[key], tally.percent(key) / 100]
        _body_row(sheet, row, values)
        for column in range(2, len(header) + 1):
            cell = sheet.cell(row=row, column=column)
            cell.alignment = _CENTRED
            if column >= 4 and column % 2 == 0:
                cell.number_format = "0.0%"
        if tally.name == "合计":
            for column in range(1, len(header) + 1):
                sheet.cell(row=row, column=column).font = _HEADER
        row += 1
    sheet.cell(row=row + 1, column=1, value=f"本省新增内容：{len(additions)}条").font = _BODY
    sheet.column_dimensions["A"].width = 44
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 10
    sheet.freeze_panes = "A5"


def export_excel(comparison: Comparison, path: str | os.PathLike, *,
                 decisions: Iterable[ReviewDecision] = (),
                 today: datetime.date | None = None) -> Path:
    """Write the checklist as an .xlsx workbook (sheets 对照表, 本省新增, 汇总).

    Args:
        comparison: the engine's result, rendered as it is (never recomputed).
        path: the target file; written atomically.
        decisions: reviewer decisions; they override statuses and fill 审核意见.
        today: the date printed on the 汇总 sheet (default: today).

    Returns:
        The path written.

    Raises:
        ExportError: the file cannot be written.
    """
    clauses, additions = review(comparison, tuple(decisions))
    workbook = Workbook()
    table = workbook.active
    table.title = "对照表"
    _clause_sheet(table, comparison, clauses)
    _addition_sheet(workbook.create_sheet("本省新增"), comparison, additions)
    _summary_sheet(workbook.create_sheet("汇总"), comparison, clauses, additions,
                   today or datetime.date.today())
    return write_atomically(path, lambda temporary: workbook.save(str(temporary)))
