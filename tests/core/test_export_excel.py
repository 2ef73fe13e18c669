"""The Excel workbook, written to a real .xlsx file and read back with openpyxl."""

from __future__ import annotations

import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText

from core.compare import compare_files
from core.errors import ExportError
from core.export import export_excel, labels
from core.model import ReviewDecision, Status
from tests.conftest import SAMPLES
from tests.core.test_export_word import leftovers, small_comparison

TODAY = datetime.date(2024, 5, 6)


@pytest.fixture(scope="module")
def sample_comparison():
    return compare_files(SAMPLES / "national-guideline-sample.docx",
                         SAMPLES / "provincial-opinion-sample.docx")


@pytest.fixture(scope="module")
def sample_workbook(sample_comparison, tmp_path_factory):
    path = tmp_path_factory.mktemp("excel") / "清单.xlsx"
    assert export_excel(sample_comparison, path, today=TODAY) == path
    return load_workbook(path, rich_text=True)


def fill(cell) -> str:
    return cell.fill.start_color.rgb[-6:]


def header(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def test_three_sheets_in_order(sample_workbook):
    assert sample_workbook.sheetnames == ["对照表", "本省新增", "汇总"]


def test_clause_rows_match_the_clauses_one_for_one(sample_comparison, sample_workbook):
    sheet = sample_workbook["对照表"]
    columns = header(sheet)
    text, status = columns.index("国家文件条款") + 1, columns.index("对照结果") + 1
    assert sheet.max_row == 1 + len(sample_comparison.clauses)
    for row, finding in enumerate(sample_comparison.clauses, start=2):
        assert sheet.cell(row=row, column=1).value == row - 1
        assert str(sheet.cell(row=row, column=text).value).startswith(finding.clause.text)
        cell = sheet.cell(row=row, column=status)
        assert cell.value == labels.LABELS[finding.status.value]
        assert fill(cell) == labels.FILLS[finding.status.value]


def test_header_is_frozen_filtered_and_columns_sized(sample_comparison, sample_workbook):
    for sheet in (sample_workbook["对照表"], sample_workbook["本省新增"]):
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert all(sheet.column_dimensions[c.column_letter].width >= 6 for c in sheet[1])
    sheet = sample_workbook["对照表"]
    assert sheet.column_dimensions["C"].width >= 40
    assert sheet.cell(row=2, column=3).alignment.wrap_text


def test_additions_sheet_lists_every_addition(sample_comparison, sample_workbook):
    sheet = sample_workbook["本省新增"]
    assert sheet.max_row == 1 + len(sample_comparison.additions)
    texts = [sheet.cell(row=r, column=3).value for r in range(2, sheet.max_row + 1)]
    assert texts == [c.text for c in sample_comparison.additions]
    assert all(fill(sheet.cell(row=r, column=6)) == labels.FILLS[Status.ADDED.value]
               for r in range(2, sheet.max_row + 1))


def test_summary_sheet_counts_and_shares(sample_comparison, sample_workbook):
    sheet = sample_workbook["汇总"]
    summary = sample_comparison.summary
    assert sample_comparison.national.title in sheet["A1"].value
    assert sheet["A2"].value.endswith("2024年5月6日")
    # Shares are of what is expected of the province; 无需地方落实 has no share of it.
    expected = summary.covered + summary.partial + summary.missing
    assert [c.value for c in sheet[5]][:4] == ["合计", summary.clauses, summary.covered,
                                               pytest.approx(summary.covered / expected)]
    assert sheet.cell(row=5, column=4).number_format == "0.0%"
    header = [c.value for c in sheet[4]]
    assert header[8:10] == ["无需地方落实", "占比"] and sheet.cell(row=5, column=10).value is None


def test_lacking_words_are_rich_text_and_decisions_apply(tmp_path):
    decisions = [ReviewDecision("N2-1", status=Status.COVERED, note="已体现。", reviewer="李审核"),
                 ReviewDecision("N0-1", not_applicable=True)]
    path = export_excel(small_comparison(), tmp_path / "small.xlsx", decisions=decisions)
    sheet = load_workbook(path, rich_text=True)["对照表"]
    columns = header(sheet)
    status, note = columns.index("对照结果") + 1, columns.index("审核意见") + 1
    rich = sheet.cell(row=3, column=3).value
    assert isinstance(rich, CellRichText)
    bold = {block.text for block in rich if not isinstance(block, str) and block.font.b}
    assert {"一网通办", "90%", "全面推进"} <= bold
    assert "约束减弱：全面推进→逐步推进" in sheet.cell(row=3, column=columns.index("差距") + 1).value
    assert sheet.cell(row=5, column=status).value == "已覆盖" + labels.OVERRIDE_MARK
    assert fill(sheet.cell(row=5, column=status)) == labels.FILLS[Status.COVERED.value]
    assert sheet.cell(row=5, column=note).value == "已体现。（李审核）"
    assert sheet.cell(row=2, column=status).value.startswith("不适用")
    assert fill(sheet.cell(row=2, column=status)) == labels.FILLS[labels.NOT_APPLICABLE]


def test_a_folder_as_target_gives_an_export_error(tmp_path):
    target = tmp_path / "清单.xlsx"
    target.mkdir()
    with pytest.raises(ExportError):
        export_excel(small_comparison(), target)
    assert leftovers(tmp_path) == []


# -- printing ---------------------------------------------------------------------------------

def test_every_sheet_prints_landscape_a4_one_page_wide_with_titles_and_page_numbers(
        sample_workbook):
    for sheet in sample_workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert sample_workbook["对照表"].print_title_rows == "$1:$1"
    assert sample_workbook["本省新增"].print_title_rows == "$1:$1"
    assert sample_workbook["汇总"].print_title_rows == "$4:$4"


def test_row_heights_hold_the_wrapped_clause(sample_comparison, sample_workbook):
    sheet = sample_workbook["对照表"]
    width = sheet.column_dimensions["C"].width
    for row, finding in enumerate(sample_comparison.clauses, start=2):
        height = sheet.row_dimensions[row].height
        assert height is not None
        # A CJK character takes two width units: the clause needs at least this many lines.
        lines = -(-2 * len(finding.clause.text) // int(width))
        assert height >= lines * 14, (row, height, lines)


def test_similarity_is_the_whole_number_word_prints(sample_comparison, sample_workbook):
    sheet = sample_workbook["对照表"]
    column = header(sheet).index("相似度") + 1
    for row, finding in enumerate(sample_comparison.clauses, start=2):
        value = sheet.cell(row=row, column=column).value
        if finding.matches:
            assert value == int(finding.matches[0].score + 0.5)
            assert isinstance(value, int)


@pytest.mark.parametrize("text", ["=1+1", "+86 10 1234", "-SUM(A1:A2)", "@cmd", "=HYPERLINK(\"x\")"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path, text):
    comparison = small_comparison()
    decisions = [ReviewDecision("N2-1", note=text), ReviewDecision("P2-1", note=text)]
    path = export_excel(comparison, tmp_path / "注入.xlsx", decisions=decisions)
    workbook = load_workbook(path)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    notes = [cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith(text)]
    assert len(notes) == 2 and all(cell.data_type == "s" for cell in notes)
    assert all(cell.quotePrefix for cell in notes)


def test_reviewed_rows_are_ticked_and_carry_the_decision_date(tmp_path):
    decisions = [ReviewDecision("N2-1", status=Status.COVERED, note="已体现。", reviewer="李审核",
                                decided_at="2024-05-06T09:30:00+08:00")]
    path = export_excel(small_comparison(), tmp_path / "审核.xlsx", decisions=decisions)
    sheet = load_workbook(path)["对照表"]
    columns = header(sheet)
    done, note = columns.index("已处理") + 1, columns.index("审核意见") + 1
    assert sheet.cell(row=5, column=done).value == labels.DONE_MARK
    assert sheet.cell(row=4, column=done).value == labels.OPEN_MARK
    assert sheet.cell(row=5, column=note).value == "已体现。（李审核，2024年5月6日）"


def test_workbook_properties_name_the_report_and_its_reviewer(tmp_path):
    decisions = [ReviewDecision("N2-1", status=Status.COVERED, reviewer="李审核")]
    path = export_excel(small_comparison(), tmp_path / "属性.xlsx", decisions=decisions)
    properties = load_workbook(path).properties
    assert properties.title == "《国家政务服务指导意见》与《示例省实施意见》对照清单"
    assert properties.creator == "李审核" and properties.creator != "openpyxl"
    assert properties.created.year >= 2024


def test_status_labels_and_citations_fit_their_columns_on_one_line(tmp_path):
    """A label marked 人工 or 需复核 wrapped its closing bracket onto a line of its own at 11
    units, and 第一章第三条第一款 its last character; each now fits on one line (a CJK
    character is two units, with one unit of padding each side)."""
    from core.export.excel import _display_width
    from tests.core.test_export_word import statute_comparison

    comparison = small_comparison()
    decisions = [ReviewDecision("N1.1-1", status=Status.COVERED, reviewer="李审核"),
                 ReviewDecision("N2-1", not_applicable=True), ReviewDecision("P2-1", note="保留。")]
    rechecks = {"N1.1-2": "原对应表述在新稿中已删除。"}
    decisions.append(ReviewDecision("N1.1-2", status=Status.PARTIAL))
    workbook = load_workbook(export_excel(comparison, tmp_path / "审核.xlsx", decisions=decisions,
                                          rechecks=rechecks))
    labels_seen = set()
    for name in ("对照表", "本省新增"):
        sheet = workbook[name]
        column = header(sheet).index("对照结果") + 1
        width = sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width
        for row in range(2, sheet.max_row + 1):
            label = sheet.cell(row=row, column=column).value
            labels_seen.add(label)
            assert _display_width(label) + 2 <= width, (name, label, width)
    assert {"已覆盖（人工）", "不适用（人工）", "已覆盖（需复核）", "本省新增"} <= labels_seen
    # A label too long for the column ("无需地方落实（人工）") breaks before its mark.
    decisions = [ReviewDecision("N2-1", status=Status.NOT_EXPECTED)]
    sheet = load_workbook(export_excel(comparison, tmp_path / "无需.xlsx",
                                       decisions=decisions))["对照表"]
    label = sheet.cell(row=5, column=5).value
    assert label == "无需地方落实\n" + labels.OVERRIDE_MARK
    assert all(_display_width(line) + 2 <= width for line in label.split("\n"))
    sheet = load_workbook(export_excel(statute_comparison(), tmp_path / "法规.xlsx"))["对照表"]
    width = sheet.column_dimensions["B"].width
    assert sheet["B2"].value == "第一章第十一条第一款"
    assert _display_width(sheet["B2"].value) + 2 <= width


def test_every_header_fits_its_column_on_one_line(sample_workbook, tmp_path):
    """The header rows keep one line's height: 无需地方落实 (12 units) in a 10-unit column of the
    汇总 sheet, 相似度 and 已处理 in 7, were cut off. Each header now fits its column."""
    from core.export.excel import _display_width
    from tests.core.test_export_statutes import statutes

    workbooks = [sample_workbook,
                 load_workbook(export_excel(statutes(), tmp_path / "法规.xlsx", today=TODAY))]
    checked = set()
    for workbook in workbooks:
        for sheet in workbook:
            row = 4 if sheet.title == "汇总" else 1
            for cell in sheet[row]:
                if cell.value is None:
                    continue
                width = sheet.column_dimensions[cell.column_letter].width
                assert _display_width(cell.value) + 2 <= width, (sheet.title, cell.value, width)
                checked.add(cell.value)
    assert {"无需地方落实", "相似度", "已处理", "内容体现", "条数", "条款数"} <= checked


def test_the_similarity_header_says_what_the_figure_measures(sample_workbook):
    sheet = sample_workbook["对照表"]
    cell = sheet.cell(row=1, column=header(sheet).index("相似度") + 1)
    assert cell.comment is not None
    assert "100表示要点词语都已出现，不表示文字相同" in cell.comment.text


def test_a_sentence_a_reviewer_chose_as_a_counterpart_is_no_addition_in_the_reports(
        sample_comparison, tmp_path):
    """The reports listed a provincial sentence both as a row's counterpart (审核认定) and as
    本省新增, saying beside it that it had no counterpart in the national text."""
    from docx import Document

    from core.export import export_word
    from core.review import chosen_counterparts, review

    missing = next(f for f in sample_comparison.clauses if f.status is Status.MISSING)
    addition = sample_comparison.additions[0]
    item = f"P{addition.id}"
    decision = ReviewDecision(f"N{missing.clause.id}", status=Status.PARTIAL, match=item)
    clauses, additions = review(sample_comparison, [decision])
    kept, taken = chosen_counterparts(clauses, additions)
    number = next(c.number for c in clauses if c.item == decision.item)
    assert taken == {item: (number,)} and [a.item for a in kept] == [a.item for a in additions[1:]]
    # Marked 未覆盖 or 不适用 after all, the sentence is an addition again; so is one the
    # reviewer decided on as an addition (its opinion stays in the reports).
    for undone in ([ReviewDecision(decision.item, status=Status.MISSING, match=item)],
                   [ReviewDecision(decision.item, match=item, not_applicable=True)],
                   [decision, ReviewDecision(item, note="本省特色做法")]):
        assert chosen_counterparts(*review(sample_comparison, undone))[1] == {}
    # The JSON export names the rows it answers.
    from core.export import review_to_dict
    entry = next(e for e in review_to_dict(sample_comparison, [decision])["items"] if e["id"] == item)
    assert entry["counterpart_of"] == [number]

    sheet = load_workbook(export_excel(sample_comparison, tmp_path / "清单.xlsx",
                                       decisions=[decision], today=TODAY))
    listed = [row[1] for row in sheet["本省新增"].iter_rows(min_row=2, values_only=True)]
    assert addition.text not in "".join(str(cell) for cell in listed)
    assert len(listed) == len(sample_comparison.additions) - 1
    summary = [str(row[0]) for row in sheet["汇总"].iter_rows(values_only=True) if row[0]]
    assert any("另有1条经审核认定为国家文件条款的对应表述，不再列为新增" in text for text in summary)
    document = Document(str(export_word(sample_comparison, tmp_path / "清单.docx",
                                       decisions=[decision], today=TODAY)))
    assert "另有1条经审核认定为国家文件条款的对应表述，不再列为新增" in "".join(
        p.text for p in document.paragraphs)


def test_a_counterpart_cell_names_who_answers_for_it_and_by_when(sample_comparison, sample_workbook):
    """As the Word checklist does: the 对照表 gave the provincial text without its 责任单位."""
    sheet = sample_workbook["对照表"]
    column = header(sheet).index("本省对应表述") + 1
    noted = [(row, finding.matches[0].clause) for row, finding in enumerate(sample_comparison.clauses, start=2)
             if finding.matches and finding.matches[0].clause.responsibility]
    assert noted, "the sample's provincial text names units"
    for row, match in noted:
        value = str(sheet.cell(row=row, column=column).value)
        assert value.endswith("\n" + labels.metadata_text(match))
        assert match.text in value
