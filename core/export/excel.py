"""The checklist as an Excel workbook: 对照表, 本省新增 and 汇总 sheets, filterable, colour-coded and
set up to print (landscape A4, one page wide, header rows repeated, page numbers)."""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.export import labels
from core.files import write_atomically
from core.model import Comparison, ReviewDecision
from core.review import (ReviewedAddition, ReviewedArticle, ReviewedClause, chosen_counterparts,
                         review, review_articles, shown_gaps)
from core.text import book_title

FONT = "宋体"
HEADER_FONT = "黑体"
SIZE = 11
LINE_HEIGHT = 14.5  # points per wrapped line of 11 pt 宋体

# A status column holds a label with its mark on one line ("部分覆盖（需复核）", 18 units): at
# 11 units "已覆盖（人工）" printed its closing bracket on a line of its own. 国家文件章节 holds a
# ten-character citation ("第一章第十一条第一款").
STATUS_WIDTH = 20
CLAUSE_COLUMNS = (("序号", 6), ("国家文件章节", 22), ("国家文件条款", 48), ("本省对应表述", 44),
                  ("对照结果", STATUS_WIDTH), ("相似度", 7), ("差距", 24), ("说明", 24),
                  ("审核意见", 26), ("已处理", 7))
# 软件结果 is the engine's verdict on the article as a whole, and 说明 says why; 审核结果 is the
# verdict after the reviewer's decisions on its sentences (core.review.review_articles), marked
# （人工） where it is not the engine's, as a clause's 对照结果 is. The two stand side by side, so
# that a reviewer reads what changed without scrolling past the 说明.
ARTICLE_COLUMNS = (("国家文件条文", 16), ("条文内容", 60), ("本省承接条文", 22),
                   ("软件结果", STATUS_WIDTH), ("审核结果", STATUS_WIDTH), ("内容体现", 9),
                   ("说明", 60))
ADDITION_COLUMNS = (("序号", 6), ("本省章节", 22), ("本省新增内容", 70), ("责任单位", 24),
                    ("时限", 14), ("对照结果", STATUS_WIDTH), ("说明", 30), ("审核意见", 30),
                    ("已处理", 7))

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRED = Alignment(wrap_text=True, horizontal="center", vertical="center")
_BODY = Font(name=FONT, size=SIZE)
_HEADER = Font(name=HEADER_FONT, size=SIZE, bold=True)
# A value starting with one of these is a formula to a spreadsheet program (or to one that
# re-reads the file as CSV); a text from a source document must stay text.
_FORMULA_STARTS = ("=", "+", "-", "@")


def _fill(hex_colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=hex_colour, end_color=hex_colour)


def _set(cell, value: object) -> None:
    """Put a value in a cell; every string is stored as text, never as a formula."""
    if isinstance(value, str):
        value = labels.printable(value)
        cell.value = value
        cell.data_type = "s"  # openpyxl takes a leading "=" for a formula otherwise
        if value.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True  # and editing the cell in Excel keeps it text
    else:
        cell.value = value


def _display_width(text: str) -> int:
    """Width of a text in column units: a CJK character is two, ASCII one."""
    return sum(1 if ord(char) < 0x1100 else 2 for char in text)


def _header_width(name: str, width: float) -> float:
    """A column's width, at least its header's on one line: a header row keeps one line's
    height, so a header that wrapped (无需地方落实 at 10 units) was cut off."""
    return max(width, _display_width(name) + 2)


def _lines(value: object, width: float) -> int:
    """Lines a wrapped cell of this column width needs."""
    text = str(value) if value is not None else ""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_display_width(part) / usable)) for part in text.split("\n"))


def _fit_height(sheet, row: int, columns: Sequence[tuple[str, int]]) -> None:
    """Set a row's height to what its wrapped text needs: Excel and LibreOffice do not grow a
    row written by a program, so without this each row prints one line of its clause."""
    lines = max(_lines(sheet.cell(row=row, column=index).value, width)
                for index, (_, width) in enumerate(columns, start=1))
    sheet.row_dimensions[row].height = min(lines * LINE_HEIGHT + 4, 409)


def _printable_page(sheet, *, title_rows: str | None = "1:1") -> None:
    """Landscape A4, all columns on one page width, header rows on every page, page numbers."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.7
    sheet.page_margins.footer = 0.3
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.font = FONT
    sheet.oddFooter.center.size = 9


def _header(sheet, columns: Sequence[tuple[str, int]], local: str = "本省") -> None:
    """Bold shaded header row, frozen, with an auto-filter over the whole table (本省 as the
    local text calls its region: ``labels.local_word``)."""
    for index, (name, width) in enumerate(columns, start=1):
        name = labels.localised(name, local)
        cell = sheet.cell(row=1, column=index)
        _set(cell, name)
        cell.font, cell.fill, cell.alignment, cell.border = (
            _HEADER, _fill(labels.HEADER_FILL), _CENTRED, _BORDER)
        if name == "相似度":
            # What the figure measures, where the reader meets it (a 100 beside reworded text).
            cell.comment = Comment(labels.SIMILARITY_MEANING.format(local=local), "对照",
                                   width=280, height=100)
        sheet.column_dimensions[get_column_letter(index)].width = _header_width(name, width)
    sheet.freeze_panes = "A2"
    _printable_page(sheet)


def _body_row(sheet, row: int, values: Sequence[object]) -> None:
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=index)
        _set(cell, value)
        cell.font, cell.alignment, cell.border = _BODY, _WRAP, _BORDER


def _status(cell, label: str, key: str) -> None:
    """A status label, coloured; one too long for the column ("无需地方落实（需复核）") breaks
    before its mark rather than wherever the line runs out."""
    if _display_width(label) + 2 > STATUS_WIDTH and "（" in label:
        label = "\n（".join(label.rsplit("（", 1))
    _set(cell, label)
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


def _clause_sheet(sheet, comparison: Comparison, clauses: Sequence[ReviewedClause]) -> None:
    _header(sheet, CLAUSE_COLUMNS, labels.local_word(comparison.provincial.title))
    done = DataValidation(type="list", formula1='"√,□"', allow_blank=True)
    sheet.add_data_validation(done)
    national = labels.SectionIndex.national(comparison)
    provincial = labels.SectionIndex(comparison.provincial)
    for row, item in enumerate(clauses, start=2):
        clause = item.finding.clause
        match = item.match.clause if item.match is not None else None
        gaps = shown_gaps(item)
        counterpart = (f"{labels.citation(comparison.provincial, provincial, match)} {match.text}"
                       if match else national.empty_counterpart(item))
        if match is not None and (note := labels.metadata_text(match)):
            # Who answers for it and by when, under the text, as the Word checklist gives them.
            counterpart += f"\n{note}"
        _body_row(sheet, row, [
            item.number, labels.citation(comparison.national, national, clause),
            _rich_national(item, gaps), counterpart, None, labels.score_value(item),
            labels.describe_gaps(gaps), labels.reason_text(item), labels.note_text(item),
            labels.done_mark(item)])
        for column in (1, 6, 10):
            sheet.cell(row=row, column=column).alignment = _CENTRED
        sheet.cell(row=row, column=6).number_format = "0"
        _status(sheet.cell(row=row, column=5), labels.clause_label(item), labels.clause_key(item))
        _fit_height(sheet, row, CLAUSE_COLUMNS)
        # The national cell holds rich text, which _lines cannot measure through str().
        lines = _lines(labels.national_text(item), CLAUSE_COLUMNS[2][1])
        height = lines * LINE_HEIGHT + 4
        if height > (sheet.row_dimensions[row].height or 0):
            sheet.row_dimensions[row].height = min(height, 409)
    if clauses:
        done.add(f"J2:J{len(clauses) + 1}")
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(CLAUSE_COLUMNS))}{len(clauses) + 1}"


def _article_sheet(sheet, comparison: Comparison, articles: Sequence[ReviewedArticle]) -> None:
    """Two statutes: every national article judged as a whole, with why, and its verdict after
    review (the 对照表 sheet has its sentences)."""
    _header(sheet, ARTICLE_COLUMNS, labels.local_word(comparison.provincial.title))
    national, provincial = comparison.national, comparison.provincial
    for row, reviewed in enumerate(articles, start=2):
        article = reviewed.alignment
        section = national.section(article.national)
        carried = "、".join([provincial.label_path(p) for p in article.provincial]
                           + [f"{provincial.label_path(p)}（审核认定）" for p in reviewed.chosen]) or "—"
        # After review, the share of its sentences carried as the reviewer left them, as the
        # app's outline shows it: the engine's content share read 0 beside 已覆盖（人工）.
        share = reviewed.reviewed_share if reviewed.reviewed else labels.article_share(article)
        _body_row(sheet, row, [national.label_path(section.id), labels.printable(
            "".join(section.paragraphs)), carried, None, None, "—" if share is None else share,
            labels.printable(reviewed.reason_text)])
        _status(sheet.cell(row=row, column=4), labels.LABELS[article.status.value],
                article.status.value)
        _status(sheet.cell(row=row, column=5), labels.article_label(reviewed),
                labels.article_key(reviewed))
        sheet.cell(row=row, column=6).number_format = "0%"
        sheet.cell(row=row, column=6).alignment = _CENTRED
        _fit_height(sheet, row, ARTICLE_COLUMNS)
    sheet.auto_filter.ref = (f"A1:{get_column_letter(len(ARTICLE_COLUMNS))}"
                             f"{len(articles) + 1}")


def _provincial_place(comparison: Comparison, sections: labels.SectionIndex, clause) -> str:
    """Where an addition stands: a statute's article with its paragraph and item (several
    sentences of one article were indistinguishable), a policy text's numbering and title."""
    if comparison.provincial.grammar == "statute":
        return labels.citation(comparison.provincial, sections, clause)
    return sections.name(clause.section)


def _addition_sheet(sheet, comparison: Comparison, additions: Sequence[ReviewedAddition],
                    articles: Sequence[ReviewedArticle]) -> None:
    local = labels.local_word(comparison.provincial.title)
    _header(sheet, ADDITION_COLUMNS, local)
    provincial = labels.SectionIndex(comparison.provincial)
    verdicts = labels.verdicts_after_review(articles)
    for row, item in enumerate(additions, start=2):
        clause = item.clause
        _body_row(sheet, row, [
            item.number, _provincial_place(comparison, provincial, clause), clause.text,
            labels.units_text(clause), clause.deadline, None,
            comparison.addition_context(clause, verdicts), labels.note_text(item),
            labels.done_mark(item)])
        for column in (1, 9):
            sheet.cell(row=row, column=column).alignment = _CENTRED
        _status(sheet.cell(row=row, column=6), labels.localised(labels.addition_label(item), local),
                labels.addition_key(item))
        _fit_height(sheet, row, ADDITION_COLUMNS)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ADDITION_COLUMNS))}{len(additions) + 1}"


def _summary_sheet(sheet, comparison: Comparison, clauses: Sequence[ReviewedClause],
                   additions: Sequence[ReviewedAddition], articles: Sequence[ReviewedArticle],
                   today: datetime.date, *, taken: int = 0) -> None:
    national = comparison.national.title or Path(comparison.national.path).stem
    provincial = comparison.provincial.title or Path(comparison.provincial.path).stem
    _set(sheet["A1"], f"{book_title(national)}与{book_title(provincial)}对照清单")
    sheet["A1"].font = Font(name=HEADER_FONT, size=14, bold=True)
    _set(sheet["A2"], f"生成日期：{labels.format_date(today)}")
    sheet["A2"].font = _BODY
    header = ["国家文件部分", "条数" if articles else "条款数"]
    for key in labels.TALLY_KEYS:
        header += [labels.LABELS[key], "占比"]
    for index, name in enumerate(header, start=1):
        cell = sheet.cell(row=4, column=index)
        _set(cell, name)
        cell.font, cell.alignment, cell.border = _HEADER, _CENTRED, _BORDER
        fill = labels.FILLS[labels.TALLY_KEYS[(index - 3) // 2]] if index >= 3 else labels.HEADER_FILL
        cell.fill = _fill(fill)
    row = 5
    for tally in labels.tallies(comparison, clauses, articles):
        values: list[object] = [tally.name, tally.total]
        for key in labels.TALLY_KEYS:
            share = tally.percent(key)  # of what is expected of the province; None: set apart
            values += [tally.counts[key], None if share is None else share / 100]
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
    by_article = labels.article_summary_text(comparison)
    unit = "句" if by_article else "条"
    _set(sheet.cell(row=row + 1, column=1),
         f"{labels.local_word(comparison.provincial.title)}新增内容：{len(additions)}{unit}"
         + (f"（另有{taken}{unit}经审核认定为国家文件条款的对应表述，不再列为新增）" if taken else ""))
    sheet.cell(row=row + 1, column=1).font = _BODY
    if by_article:
        # Two statutes: the table above counts the articles by their verdicts after review
        # (sheet 按条对照); the engine's count is given here too, as the command line and the
        # Word overview give it.
        _set(sheet.cell(row=row + 2, column=1), "按条对照（软件结果）：" + by_article)
        sheet.cell(row=row + 2, column=1).font = _BODY
        next_row = row + 3
        if any(article.overridden for article in articles):
            # The reviewer changed some articles' verdicts through their sentences: what the
            # 按条对照 sheet's 审核结果 column counts.
            _set(sheet.cell(row=next_row, column=1), "按条对照（审核结果）："
                 + labels.article_summary_text(comparison, articles))
            sheet.cell(row=next_row, column=1).font = _BODY
            next_row += 1
        # The sentences (sheet 对照表), counted as the Word overview counts them after the articles.
        sentences = labels.tallies(comparison, clauses)[0]
        _set(sheet.cell(row=next_row, column=1), f"逐句对照：共{sentences.total}句，" + "，".join(
            f"{labels.LABELS[key]}{sentences.counts[key]}句" for key in labels.TALLY_KEYS
            if sentences.counts[key]) + "。")
        sheet.cell(row=next_row, column=1).font = _BODY
    sheet.column_dimensions["A"].width = 44
    for index in range(2, len(header) + 1):
        name = sheet.cell(row=4, column=index).value
        sheet.column_dimensions[get_column_letter(index)].width = _header_width(name, 10)
    sheet.freeze_panes = "A5"
    _printable_page(sheet, title_rows="4:4")


def export_excel(comparison: Comparison, path: str | os.PathLike, *,
                 decisions: Iterable[ReviewDecision] = (),
                 rechecks: Mapping[str, str] | None = None,
                 today: datetime.date | None = None, author: str | None = None) -> Path:
    """Write the checklist as an .xlsx workbook (sheets 对照表, 本省新增, 汇总).

    Args:
        comparison: the engine's result, rendered as it is (never recomputed).
        path: the target file; written atomically.
        decisions: reviewer decisions; they override statuses and fill 审核意见.
        rechecks: items whose decision a re-import put in question (``Project.rechecks()``).
        today: the date printed on the 汇总 sheet (default: today).
        author: the workbook's creator property (default: the latest decision's reviewer).

    Returns:
        The path written.

    Raises:
        ExportError: the file cannot be written.
    """
    decisions = tuple(decisions)
    workbook = Workbook()
    national = comparison.national.title or Path(comparison.national.path).stem
    provincial = comparison.provincial.title or Path(comparison.provincial.path).stem
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    workbook.properties.title = labels.printable(f"{book_title(national)}与{book_title(provincial)}对照清单")
    workbook.properties.creator = labels.report_author(decisions) if author is None else author
    workbook.properties.lastModifiedBy = workbook.properties.creator
    workbook.properties.created = workbook.properties.modified = now
    workbook.properties.language = "zh-CN"
    clauses, additions = review(comparison, decisions, rechecks)
    additions, taken = chosen_counterparts(clauses, additions)
    table = workbook.active
    table.title = "对照表"
    _clause_sheet(table, comparison, clauses)
    articles = review_articles(comparison, clauses)
    if articles:
        _article_sheet(workbook.create_sheet("按条对照"), comparison, articles)
    _addition_sheet(workbook.create_sheet(labels.localised("本省新增", labels.local_word(comparison.provincial.title))),
                    comparison, additions, articles)
    _summary_sheet(workbook.create_sheet("汇总"), comparison, clauses, additions, articles,
                   today or datetime.date.today(), taken=len(taken))
    return write_atomically(path, lambda temporary: workbook.save(str(temporary)))
