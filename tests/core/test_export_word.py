"""The Word checklist and gap report, written to real .docx files and read back with python-docx."""

from __future__ import annotations

import datetime
import json
import os
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core.compare import compare_files
from core.errors import ExportError
from core.export import export, export_word, labels
from core.model import (Clause, ClauseFinding, Comparison, Gap, Match, Outline, ReviewDecision,
                        Section, Status)
from core.review import review
from tests.conftest import SAMPLES

NATIONAL_SAMPLE = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL_SAMPLE = SAMPLES / "provincial-opinion-sample.docx"
TODAY = datetime.date(2024, 5, 6)


# -- a small comparison built by hand, so that every status, gap and decision is known ----------

def small_comparison() -> Comparison:
    """Two short documents and a verdict on each national clause, as the engine would return."""
    n_pre = Clause("0-1", "0", "为加快推进政务服务改革，现提出以下意见。")
    n_goal = Clause("1.1-1", "1.1", "到2025年，全面推进“一网通办”，网上可办率达到90%以上。",
                    targets=("到2025年", "90%"))
    n_task = Clause("1.1-2", "1.1", "建立健全政务数据共享协调机制。")
    n_duty = Clause("2-1", "2", "完成省级政务云平台迁移。", deadline="2024年底前")
    national = Outline(
        path="national.docx", format="docx", grammar="policy", title="国家政务服务指导意见",
        doc_number="国发〔2022〕14号",
        sections=(
            Section("0", "", "", 0, "preamble", clauses=(n_pre,)),
            Section("1", "一、", "总体要求", 1, "part", number=1),
            Section("1.1", "（一）", "主要目标", 2, "section", number=1, parent="1",
                    clauses=(n_goal, n_task)),
            Section("2", "二、", "重点任务", 1, "part", number=2, clauses=(n_duty,)),
        ))
    p_goal = Clause("1-1", "1", "到2025年，逐步推进政务服务网上办理。")
    p_task = Clause("1-2", "1", "建立健全政务数据共享协调机制。",
                    responsibility=("省数据局",), deadline="长期坚持")
    p_extra = Clause("2-1", "2", "建设全省统一的政务服务移动端。", responsibility=("省政务服务中心",))
    provincial = Outline(
        path="provincial.docx", format="docx", grammar="policy", title="示例省实施意见",
        sections=(
            Section("1", "一、", "工作目标", 1, "part", number=1, clauses=(p_goal, p_task)),
            Section("2", "二、", "创新举措", 1, "part", number=2, clauses=(p_extra,)),
        ))
    findings = (
        ClauseFinding(n_pre, Status.MISSING, 0.0),
        ClauseFinding(n_goal, Status.PARTIAL, 61.0, (Match(p_goal, 61.0),),
                      (Gap("term", "一网通办"), Gap("number", "90%"),
                       Gap("binding", "全面推进", "逐步推进"))),
        ClauseFinding(n_task, Status.COVERED, 100.0, (Match(p_task, 100.0),)),
        ClauseFinding(n_duty, Status.MISSING, 0.0),
    )
    return Comparison(national, provincial, (), findings, (p_extra,), engine="test")


# -- reading a written .docx back ---------------------------------------------------------------

def tables_by_header(document) -> dict[str, object]:
    """Tables keyed by the text of their second header cell (国家文件条款, 本省新增内容 …)."""
    return {table.rows[0].cells[1].text: table for table in document.tables}


def is_data_row(row) -> bool:
    """Data rows start with their number; section heading rows are one merged cell."""
    return row.cells[0].text.isdigit() and row.cells[0]._tc is not row.cells[-1]._tc


def data_rows(table) -> list:
    return [row for row in table.rows[1:] if is_data_row(row)]


def shading(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def runs_with(cell, text: str) -> list:
    return [run for p in cell.paragraphs for run in p.runs if text in run.text]


@pytest.fixture(scope="module")
def sample_comparison() -> Comparison:
    return compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)


@pytest.fixture(scope="module")
def sample_checklist(sample_comparison, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "清单.docx"
    assert export_word(sample_comparison, path, today=TODAY) == path
    return Document(str(path))


@pytest.fixture(scope="module")
def sample_gaps(sample_comparison, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "差距.docx"
    export_word(sample_comparison, path, report="gaps", today=TODAY)
    return Document(str(path))


# -- the checklist on the real sample pair -----------------------------------------------------

def test_checklist_rows_match_the_clauses_one_for_one(sample_comparison, sample_checklist):
    rows = data_rows(tables_by_header(sample_checklist)["国家文件条款"])
    findings = sample_comparison.clauses
    assert len(rows) == len(findings)
    for number, (row, finding) in enumerate(zip(rows, findings), start=1):
        cells = row.cells
        assert cells[0].text == str(number)
        assert finding.clause.text in cells[1].text
        assert cells[3].text == labels.LABELS[finding.status.value]
        assert shading(cells[3]) == labels.FILLS[finding.status.value]
        if finding.matches:
            assert finding.matches[0].clause.text in cells[2].text


def test_checklist_groups_rows_under_section_heading_rows(sample_comparison, sample_checklist):
    table = tables_by_header(sample_checklist)["国家文件条款"]
    headings = [row.cells[0].text for row in table.rows[1:] if not is_data_row(row)]
    sections = list(dict.fromkeys(f.clause.section for f in sample_comparison.clauses))
    assert headings == [labels.section_name(sample_comparison.national, s) for s in sections]
    assert headings[0] == "前言"


def test_title_names_both_documents_and_the_date(sample_comparison, sample_checklist):
    texts = [p.text for p in sample_checklist.paragraphs]
    national, provincial = sample_comparison.national.title, sample_comparison.provincial.title
    # The national name fills the first line, so the break comes before 与.
    assert texts[0] == f"《{national}》\n与《{provincial}》对照清单"
    assert "2024年5月6日" in texts[1]


def test_summary_counts_every_status_overall_and_per_part(sample_comparison, sample_checklist):
    table = tables_by_header(sample_checklist)["条款数"]
    first = table.rows[1].cells
    summary = sample_comparison.summary
    assert first[0].text == "合计" and first[1].text == str(summary.clauses)
    assert first[2].text.startswith(str(summary.covered))
    assert first[4].text.startswith(str(summary.missing))
    parts = {labels.top_level(sample_comparison.national, f.clause.section)
             for f in sample_comparison.clauses}
    assert len(table.rows) == 2 + len(parts)
    assert sum(int(row.cells[1].text) for row in table.rows[2:]) == summary.clauses


def test_east_asian_font_is_set_on_every_run(sample_checklist):
    body = sample_checklist.element.body
    footer = sample_checklist.sections[0].footer._element
    runs = body.findall(".//" + qn("w:r")) + footer.findall(".//" + qn("w:r"))
    assert runs
    for run in runs:
        fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia"))
        # Page numbers are half-width 宋体 digits (GB/T 9704 §7.5); other Latin text Times.
        assert fonts.get(qn("w:ascii")) in ("Times New Roman", "宋体")


def test_cover_is_portrait_and_the_tables_are_landscape_a4(sample_checklist):
    sections = sample_checklist.sections
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    assert sections[0].page_height > sections[0].page_width
    landscape = [s for s in sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert landscape and all(s.page_width > s.page_height for s in landscape)
    assert round(landscape[0].page_width.mm) == 297 and round(landscape[0].page_height.mm) == 210


def test_header_row_repeats_and_rows_do_not_split(sample_checklist):
    for table in sample_checklist.tables:
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            short = max(len(cell.text) for cell in row.cells) < 150
            assert not short or row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a_very_tall_row_may_split_across_pages(tmp_path):
    """Kept whole, a row of a long article left most of a page empty before it."""
    from core.align import compare_outlines
    from core.outline import outline_document
    from core.read import read_text

    long_item = "，".join(f"第{n}项示例工作应当按照规定的程序和标准组织实施并定期向社会公布进展情况" for n in range(1, 40))
    national = outline_document(read_text("示例意见\n一、任务\n" + long_item + "。\n二、保障\n加强组织领导。"))
    provincial = outline_document(read_text("示例省意见\n一、任务\n" + long_item + "。\n二、保障\n加强组织领导。"))
    document = Document(str(export_word(compare_outlines(national, provincial), tmp_path / "长.docx")))
    rows = data_rows(tables_by_header(document)["国家文件条款"])
    tall = [row for row in rows if max(len(cell.text) for cell in row.cells) > 1000]
    short = [row for row in rows if max(len(cell.text) for cell in row.cells) < 100]
    assert tall and all(row._tr.trPr.find(qn("w:cantSplit")) is None for row in tall)
    assert short and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in short)


def test_column_widths_are_fixed_on_the_grid_and_every_cell(sample_checklist):
    table = tables_by_header(sample_checklist)["国家文件条款"]
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    grid = [column.width for column in table.columns]
    assert all(grid)
    for row in data_rows(table)[:20]:
        assert [cell.width for cell in row.cells] == grid


def test_page_numbers_follow_gb_t_9704(sample_checklist):
    """4号 half-width 宋体 digits between dashes, odd pages right and even pages left, each with
    a one-character inset, the line 7 mm below the text block (§7.5)."""
    assert sample_checklist.settings.odd_and_even_pages_header_footer
    for footer, side in ((sample_checklist.sections[0].footer, "right"),
                         (sample_checklist.sections[0].even_page_footer, "left")):
        instructions = [i.text for i in footer._element.iter(qn("w:instrText"))]
        assert any(i.strip() == "PAGE" for i in instructions)
        paragraph = footer.paragraphs[0]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.alignment == (WD_ALIGN_PARAGRAPH.RIGHT if side == "right"
                                       else WD_ALIGN_PARAGRAPH.LEFT)
        inset = (paragraph.paragraph_format.right_indent if side == "right"
                 else paragraph.paragraph_format.left_indent)
        assert inset == Pt(16)
        for run in paragraph.runs:
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:ascii")) == "宋体" and fonts.get(qn("w:eastAsia")) == "宋体"
            assert run.font.size == Pt(14)
    for section in sample_checklist.sections:
        line = sample_checklist.sections[0].footer.paragraphs[0].paragraph_format.line_spacing
        below_text = section.bottom_margin - section.footer_distance - line
        assert abs(below_text - Mm(7)) < Mm(0.1)


def test_document_properties_name_the_report_and_its_reviewer(tmp_path):
    decisions = [ReviewDecision("N2-1", status=Status.COVERED, reviewer="李审核")]
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    path = export_word(small_comparison(), tmp_path / "属性.docx", decisions=decisions)
    properties = Document(str(path)).core_properties
    assert properties.title == "《国家政务服务指导意见》与《示例省实施意见》对照清单"
    assert properties.author == "李审核" and properties.last_modified_by == "李审核"
    assert properties.comments == "" and "python-docx" not in properties.comments
    assert properties.created >= before and properties.modified >= before
    assert properties.language == "zh-CN"
    anonymous = Document(str(export_word(small_comparison(), tmp_path / "无名.docx"))).core_properties
    assert anonymous.author == ""


def test_no_template_remnants_japanese_fonts_or_compatibility_mode(tmp_path):
    path = export_word(small_comparison(), tmp_path / "模板.docx")
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name).decode("utf-8") for name in package.namelist()
                 if name.endswith(".xml")}
    everything = "".join(parts.values())
    for remnant in ("python-docx", "ＭＳ 明朝", "ＭＳ ゴシック", 'script="Jpan"', "ja-JP",
                    "Macintosh", "2013-12-23"):
        assert remnant not in everything, remnant
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' \
        in parts["word/settings.xml"]
    theme = parts["word/theme/theme1.xml"]
    assert '<a:ea typeface="黑体"/>' in theme and '<a:ea typeface="宋体"/>' in theme


def test_body_text_holds_28_characters_a_line(sample_checklist):
    """三号 characters set 0.25 pt tighter fit 28 to the 156 mm line of GB/T 9704."""
    section = sample_checklist.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    body = [p for p in sample_checklist.paragraphs if p.runs and p.runs[0].font.size == Pt(16)]
    assert body
    for paragraph in body:
        for run in paragraph.runs:
            spacing = run._r.rPr.find(qn("w:spacing"))
            pitch = Pt(16) + Pt(int(spacing.get(qn("w:val"))) / 20)
            assert 28 * pitch <= width < 29 * pitch


def test_checklist_ends_with_the_additions_table(sample_comparison, sample_checklist):
    table = tables_by_header(sample_checklist)["本省新增内容"]
    rows = data_rows(table)
    assert len(rows) == len(sample_comparison.additions)
    for row, clause in zip(rows, sample_comparison.additions):
        assert clause.text in row.cells[1].text
        assert row.cells[2].text == "本省新增"
        assert shading(row.cells[2]) == labels.FILLS[Status.ADDED.value]


def test_gap_report_lists_only_items_not_covered(sample_comparison, sample_gaps):
    rows = data_rows(tables_by_header(sample_gaps)["国家文件条款"])
    open_findings = [f for f in sample_comparison.clauses
                     if f.status in (Status.MISSING, Status.PARTIAL)]
    assert len(rows) == len(open_findings)
    for row, finding in zip(rows, open_findings):
        assert finding.clause.text in row.cells[1].text
        assert row.cells[3].text in ("未覆盖", "部分覆盖")
        if finding.gaps:
            assert finding.gaps[0].describe() in row.cells[4].text
    assert sample_gaps.paragraphs[0].text.endswith("差距分析报告")
    additions = data_rows(tables_by_header(sample_gaps)["本省新增内容"])
    assert len(additions) == len(sample_comparison.additions)
    # 缺失内容 says what is lacking where no term was named (only the gaps' column said
    # "对应表述不完整，请核对。", 26 times), and the reason is not printed again beside it.
    told = [(row, f) for row, f in zip(rows, open_findings)
            if f.status is Status.PARTIAL and not f.gaps and f.reason.code == "part"]
    assert told
    for row, finding in told:
        assert row.cells[4].text == finding.reason.text
        assert finding.reason.text not in row.cells[5].text


# -- the hand-built comparison: marks, decisions, rendering as given -----------------------------

def test_lacking_words_are_bold_and_red_and_weakened_words_underlined(tmp_path):
    path = export_word(small_comparison(), tmp_path / "small.docx", today=TODAY)
    row = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])[1]
    national = row.cells[1]
    for word in ("一网通办", "90%"):
        marked = runs_with(national, word)
        assert marked and all(r.bold and str(r.font.color.rgb) == labels.GAP_COLOR for r in marked)
    strong = runs_with(national, "全面推进")
    assert strong and all(r.bold and r.underline for r in strong)
    plain = runs_with(national, "网上可办率")
    assert plain and not any(r.bold for r in plain)
    assert "差距：" in row.cells[2].text and "约束减弱：全面推进→逐步推进" in row.cells[2].text


def test_a_deadline_split_off_as_metadata_is_printed_with_the_clause(tmp_path):
    comparison = small_comparison()
    finding = comparison.clauses[3]
    gapped = ClauseFinding(finding.clause, Status.PARTIAL, 50.0,
                           (Match(comparison.provincial.clauses()[0], 50.0),),
                           (Gap("deadline", "2024年底前"),))
    comparison = Comparison(comparison.national, comparison.provincial, (),
                            comparison.clauses[:3] + (gapped,), comparison.additions, "test")
    path = export_word(comparison, tmp_path / "deadline.docx", today=TODAY)
    row = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])[3]
    assert "完成省级政务云平台迁移。（2024年底前）" in row.cells[1].text
    assert all(r.bold for r in runs_with(row.cells[1], "2024年底前"))


def test_statuses_are_rendered_as_given_not_recomputed(tmp_path):
    comparison = small_comparison()
    # An identical match the engine itself would call covered, handed in as missing.
    comparison = Comparison(comparison.national, comparison.provincial, (),
                            comparison.clauses[:2] + (ClauseFinding(
                                comparison.clauses[2].clause, Status.MISSING, 100.0,
                                comparison.clauses[2].matches),) + comparison.clauses[3:],
                            comparison.additions, "test")
    path = export_word(comparison, tmp_path / "given.docx", today=TODAY)
    row = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])[2]
    assert row.cells[3].text == "未覆盖"


def test_decisions_override_statuses_and_fill_the_review_column(tmp_path):
    comparison = small_comparison()
    decisions = [
        ReviewDecision("N2-1", status=Status.COVERED, note="已在第三部分体现。", reviewer="李审核"),
        ReviewDecision("N0-1", not_applicable=True, note="前言无需对应。"),
        ReviewDecision("N1.1-2", note="表述一致。"),
        ReviewDecision("P2-1", note="属本省特色举措，保留。"),
    ]
    path = export_word(comparison, tmp_path / "reviewed.docx", decisions=decisions, today=TODAY)
    document = Document(str(path))
    rows = data_rows(tables_by_header(document)["国家文件条款"])
    assert rows[3].cells[3].text == "已覆盖" + labels.OVERRIDE_MARK
    assert shading(rows[3].cells[3]) == labels.FILLS[Status.COVERED.value]
    # The engine's verdict the reviewer set aside is named as such, then the opinion.
    assert rows[3].cells[5].text == "软件原判为未覆盖。\n已在第三部分体现。（李审核）"
    assert rows[0].cells[3].text.startswith("不适用")
    assert shading(rows[0].cells[3]) == labels.FILLS[labels.NOT_APPLICABLE]
    assert rows[2].cells[3].text == "已覆盖" and rows[2].cells[5].text == "表述一致。"
    addition = data_rows(tables_by_header(document)["本省新增内容"])[0]
    assert addition.cells[3].text == "属本省特色举措，保留。"
    summary = tables_by_header(document)["条款数"].rows[1].cells
    assert [c.text.split("\n")[0] for c in summary[1:]] == ["4", "2", "1", "0", "0", "1"]


def test_gap_report_follows_the_decisions(tmp_path):
    decisions = [ReviewDecision("N2-1", status=Status.COVERED),
                 ReviewDecision("N0-1", not_applicable=True)]
    path = export_word(small_comparison(), tmp_path / "gaps.docx", report="gaps",
                       decisions=decisions, today=TODAY)
    document = Document(str(path))
    rows = data_rows(tables_by_header(document)["国家文件条款"])
    assert [row.cells[3].text for row in rows] == ["部分覆盖"]
    assert "缺少关键词“一网通办”" in rows[0].cells[4].text
    assert len(data_rows(tables_by_header(document)["本省新增内容"])) == 1


def test_gap_report_without_open_items_says_so(tmp_path):
    decisions = [ReviewDecision(f"N{f.clause.id}", status=Status.COVERED)
                 for f in small_comparison().clauses]
    path = export_word(small_comparison(), tmp_path / "none.docx", report="gaps",
                       decisions=decisions, today=TODAY)
    document = Document(str(path))
    assert "国家文件条款" not in tables_by_header(document)
    assert any("均已覆盖" in p.text for p in document.paragraphs)


def test_reviewed_items_match_what_review_returns(tmp_path):
    comparison = small_comparison()
    decisions = [ReviewDecision("N1.1-1", match="P1-2")]
    clauses, _ = review(comparison, decisions)
    path = export_word(comparison, tmp_path / "match.docx", decisions=decisions, today=TODAY)
    row = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])[1]
    assert clauses[1].match.clause.text in row.cells[2].text
    # The engine's gaps belong to its own match, so they are not marked against the reviewer's.
    assert "差距" not in row.cells[2].text


def test_control_characters_from_a_source_file_do_not_abort_the_export(tmp_path):
    comparison = small_comparison()
    odd = Clause("1.1-2", "1.1", "建立健全\x0b政务数据\x0c共享协调机制。")
    findings = comparison.clauses[:2] + (ClauseFinding(odd, Status.MISSING, 0.0),) \
        + comparison.clauses[3:]
    comparison = Comparison(comparison.national, comparison.provincial, (), findings,
                            comparison.additions, "test")
    row = data_rows(tables_by_header(Document(str(export_word(
        comparison, tmp_path / "odd.docx", today=TODAY))))["国家文件条款"])[2]
    assert "建立健全政务数据共享协调机制。" in row.cells[1].text
    assert export(comparison, tmp_path / "odd.xlsx").is_file()


# -- errors ------------------------------------------------------------------------------------

def leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def is_chinese(message: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in message)


def test_a_missing_folder_gives_a_chinese_export_error(tmp_path):
    with pytest.raises(ExportError) as error:
        export_word(small_comparison(), tmp_path / "没有这个文件夹" / "清单.docx")
    assert is_chinese(error.value.message)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_gives_an_export_error_and_no_temporary_file(tmp_path):
    target = tmp_path / "清单.docx"
    target.mkdir()
    with pytest.raises(ExportError) as error:
        export_word(small_comparison(), target)
    assert is_chinese(error.value.message)
    assert leftovers(tmp_path) == []


def test_a_file_as_parent_folder_gives_an_export_error(tmp_path):
    parent = tmp_path / "普通文件"
    parent.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError) as error:
        export_word(small_comparison(), parent / "清单.docx")
    assert is_chinese(error.value.message)
    assert leftovers(tmp_path) == []


def test_a_read_only_target_is_kept_and_gives_an_export_error(tmp_path):
    target = tmp_path / "清单.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    if os.access(target, os.W_OK):
        pytest.skip("running as a user (root) who can write read-only files")
    with pytest.raises(ExportError) as error:
        export_word(small_comparison(), target)
    assert is_chinese(error.value.message)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_an_existing_target_is_replaced_whole(tmp_path):
    target = tmp_path / "清单.docx"
    target.write_bytes(b"old")
    export_word(small_comparison(), target, today=TODAY)
    assert Document(str(target)).paragraphs[0].text.endswith("对照清单")
    assert leftovers(tmp_path) == []


def test_an_unknown_report_or_suffix_is_refused(tmp_path):
    with pytest.raises(ExportError):
        export_word(small_comparison(), tmp_path / "x.docx", report="memo")
    with pytest.raises(ExportError) as error:
        export(small_comparison(), tmp_path / "x.pdf")
    assert "不支持的导出格式" in error.value.message
    assert list(tmp_path.iterdir()) == []


def test_export_dispatches_on_the_suffix(tmp_path):
    comparison = small_comparison()
    docx_path = export(comparison, tmp_path / "a.DOCX", report="gaps")
    assert Document(str(docx_path)).paragraphs[0].text.endswith("差距分析报告")
    data = json.loads(export(comparison, tmp_path / "a.json").read_text(encoding="utf-8"))
    assert data["schema"] == "duizhao.compare/2"
    assert [c["status"] for c in data["clauses"]] == ["missing", "partial", "covered", "missing"]
    assert export(comparison, tmp_path / "a.xlsx").stat().st_size > 0


# -- reviewer work and row ids shared by every report --------------------------------------------

def test_gap_report_keeps_the_checklist_row_numbers(sample_comparison, sample_checklist,
                                                     sample_gaps):
    numbers = {row.cells[1].text: row.cells[0].text
               for row in data_rows(tables_by_header(sample_checklist)["国家文件条款"])}
    gap_rows = data_rows(tables_by_header(sample_gaps)["国家文件条款"])
    assert gap_rows and [row.cells[0].text for row in gap_rows] != [
        str(n) for n in range(1, len(gap_rows) + 1)]
    for row in gap_rows:
        assert numbers[row.cells[1].text] == row.cells[0].text
    # The additions go on from the last national clause, in both reports.
    first = data_rows(tables_by_header(sample_gaps)["本省新增内容"])[0].cells[0].text
    assert first == str(len(sample_comparison.clauses) + 1)


def test_reviewed_rows_are_ticked_dated_and_a_chosen_match_is_marked(tmp_path):
    decisions = [
        ReviewDecision("N2-1", note="属本省职责。", reviewer="李审核",
                       decided_at="2024-05-06T10:00:00+08:00"),
        # The reviewer points the goal clause at the task sentence instead.
        ReviewDecision("N1.1-1", match="P1-2", reviewer="李审核",
                       decided_at="2024-05-07T10:00:00+08:00"),
    ]
    path = export_word(small_comparison(), tmp_path / "审核.docx", decisions=decisions, today=TODAY)
    rows = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])
    assert [row.cells[6].text for row in rows] == [labels.OPEN_MARK, labels.DONE_MARK,
                                                   labels.OPEN_MARK, labels.DONE_MARK]
    assert "属本省职责。（李审核，2024年5月6日）" in rows[3].cells[5].text
    assert rows[1].cells[3].text.endswith(labels.OVERRIDE_MARK)
    assert "建立健全政务数据共享协调机制" in rows[1].cells[2].text
    assert "（李审核，2024年5月7日）" in rows[1].cells[5].text


def statute_comparison() -> Comparison:
    """A statute whose article has two paragraphs (款), the second with items (项)."""
    first = Clause("1.1-1", "1.1", "县级以上人民政府应当加强政务数据管理。", paragraph=1)
    second = Clause("1.1-2", "1.1", "建立政务数据目录。", paragraph=2, item="（一）")
    third = Clause("1.1-3", "1.1", "推进政务数据共享。", paragraph=2, item="（三）")
    national = Outline(
        path="law.docx", format="docx", grammar="statute", title="数据条例",
        sections=(Section("1", "第一章", "总则", 1, "chapter", number=1),
                  Section("1.1", "第十一条", "", 2, "article", number=11, parent="1",
                          clauses=(first, second, third))))
    provincial = Outline(path="p.docx", format="docx", grammar="statute", title="实施办法")
    findings = tuple(ClauseFinding(c, Status.MISSING, 0.0) for c in (first, second, third))
    return Comparison(national, provincial, (), findings, (), engine="test")


def test_statute_rows_cite_article_paragraph_and_item(tmp_path):
    path = export_word(statute_comparison(), tmp_path / "法规.docx", today=TODAY)
    rows = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])
    cited = [row.cells[1].text.split(" ")[0] for row in rows]
    assert cited == ["第一章第十一条第一款", "第一章第十一条第二款第一项", "第一章第十一条第二款第三项"]


def test_a_decision_to_recheck_is_not_printed_as_a_verdict(tmp_path):
    """After a re-import deleted the sentence a verdict rested on, the row shows the engine's
    finding marked 需复核, with the reason and the earlier verdict quoted as such."""
    decisions = [ReviewDecision("N2-1", status=Status.COVERED, note="已体现。", reviewer="李审核"),
                 ReviewDecision("P2-1", note="保留。")]
    rechecks = {"N2-1": "原对应表述在新稿中已删除或大幅改写，原审核结论需复核。",
                "P2-1": "对应表述在新稿中有改动，请核对原审核结论。"}
    path = export_word(small_comparison(), tmp_path / "复核.docx", decisions=decisions,
                       rechecks=rechecks, today=TODAY)
    row = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])[3]
    assert row.cells[3].text == "未覆盖" + labels.RECHECK_MARK
    assert shading(row.cells[3]) == labels.FILLS[Status.MISSING.value]
    note = row.cells[5].text
    assert "需复核：原对应表述在新稿中已删除" in note and "原审核结论：已覆盖" in note
    assert "原审核意见：已体现。" in note
    assert row.cells[6].text == labels.OPEN_MARK
    addition = data_rows(tables_by_header(Document(str(path)))["本省新增内容"])[0]
    assert addition.cells[2].text == "本省新增" + labels.RECHECK_MARK
    assert "需复核：对应表述在新稿中有改动" in addition.cells[3].text
    workbook = export(small_comparison(), tmp_path / "复核.xlsx", decisions=decisions,
                      rechecks=rechecks)
    from openpyxl import load_workbook
    sheet = load_workbook(workbook)["对照表"]
    assert sheet.cell(row=5, column=5).value == "未覆盖" + labels.RECHECK_MARK


def test_not_expected_and_the_reason_are_shown_apart_from_missing(tmp_path):
    """无需地方落实 has its own label, colour and tally; the reason sentence is printed with
    the row in Word and in its own Excel column."""
    from dataclasses import replace

    from core.model import Reason
    from openpyxl import load_workbook

    base = small_comparison()
    central = Reason("central", "本句规定的是中央部门职责，地方文件无需承接。")
    missing = Reason("no_candidate", "地方文件中没有与本句用词相近的表述。")
    clauses = (replace(base.clauses[0], status=Status.NOT_EXPECTED, reason=central),
               *base.clauses[1:3], replace(base.clauses[3], reason=missing))
    comparison = replace(base, clauses=clauses)
    path = export_word(comparison, tmp_path / "无需.docx", today=TODAY)
    document = Document(str(path))
    rows = data_rows(tables_by_header(document)["国家文件条款"])
    assert rows[0].cells[3].text == "无需地方落实"
    assert shading(rows[0].cells[3]) == labels.FILLS[Status.NOT_EXPECTED.value]
    assert central.text in rows[0].cells[5].text
    assert missing.text in rows[3].cells[5].text and rows[3].cells[3].text == "未覆盖"
    summary = tables_by_header(document)["条款数"]
    header = [cell.text for cell in summary.rows[0].cells]
    overall = [cell.text for cell in summary.rows[1].cells]
    assert overall[header.index("无需地方落实")].startswith("1")
    assert overall[header.index("未覆盖")].startswith("1")
    workbook = load_workbook(export(comparison, tmp_path / "无需.xlsx"))
    sheet = workbook["对照表"]
    columns = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=columns.index("对照结果") + 1).value == "无需地方落实"
    assert sheet.cell(row=2, column=columns.index("说明") + 1).value == central.text
    assert sheet.cell(row=5, column=columns.index("说明") + 1).value == missing.text
    tally = workbook["汇总"]
    assert "无需地方落实" in [cell.value for cell in tally[4]]


def test_landscape_table_pages_number_at_the_left_as_gb_t_9704_section_8(sample_checklist):
    """Odd table pages at the lower left, even ones at the upper left, 7 mm from the text."""
    tables = sample_checklist.sections[1]
    odd = tables.footer
    even = tables.even_page_header
    assert not odd.is_linked_to_previous and not even.is_linked_to_previous
    for part in (odd, even):
        paragraph = part.paragraphs[0]
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert any(i.text.strip() == "PAGE" for i in part._element.iter(qn("w:instrText")))
    assert not list(tables.even_page_footer._element.iter(qn("w:instrText")))
    line = odd.paragraphs[0].paragraph_format.line_spacing
    assert abs(tables.bottom_margin - tables.footer_distance - line - Mm(7)) < Mm(0.1)
    assert abs(tables.top_margin - tables.header_distance - line - Mm(7)) < Mm(0.1)


def _header_lines(document, table) -> list[tuple[str, list[int]]]:
    """Each header cell's text and the characters per line it wraps into, from the grid width
    less the table style's cell margins and the header's font size."""
    style = document.styles[table.style.name].element
    margins = style.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    inset = sum(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right"))
    result = []
    for cell, column in zip(table.rows[0].cells, table.columns):
        size = next(run.font.size for run in cell.paragraphs[0].runs)
        per_line = int((column.width.twips - inset) / (size.pt * 20))
        text = cell.text
        result.append((text, [len(text[i:i + per_line]) for i in range(0, len(text), per_line)]))
    return result


@pytest.mark.parametrize("name", ["sample_checklist", "sample_gaps"])
def test_no_header_leaves_one_character_alone_on_a_line(name, request):
    """条款数 in a 14 mm column wrapped as 条款/数: a header may wrap, but into whole pairs."""
    document = request.getfixturevalue(name)
    assert len(document.tables) >= 3
    for table in document.tables:
        for text, lines in _header_lines(document, table):
            assert lines and min(lines) >= 2, (text, lines)


def statute_pair() -> Comparison:
    """Two statutes: the national article's sentence is carried by the second paragraph (款) of a
    provincial article whose first paragraph is an addition."""
    national_clause = Clause("1.1-1", "1.1", "县级以上人民政府应当建立政务数据目录。", paragraph=1)
    national = Outline(
        path="law.docx", format="docx", grammar="statute", title="数据条例",
        sections=(Section("1", "第一章", "总则", 1, "chapter", number=1),
                  Section("1.1", "第十一条", "", 2, "article", number=11, parent="1",
                          clauses=(national_clause,))))
    added = Clause("1.3-1", "1.3", "市人民政府设立政务数据专家委员会。", paragraph=1)
    carried = Clause("1.3-2", "1.3", "区人民政府应当建立政务数据目录。", paragraph=2)
    provincial = Outline(
        path="p.docx", format="docx", grammar="statute", title="实施办法",
        sections=(Section("1", "第一章", "总则", 1, "chapter", number=1),
                  Section("1.3", "第三条", "", 2, "article", number=3, parent="1",
                          clauses=(added, carried))))
    finding = ClauseFinding(national_clause, Status.COVERED, 90.0, (Match(carried, 90.0),))
    return Comparison(national, provincial, (), (finding,), (added,), engine="test")


def test_provincial_statute_text_is_cited_with_its_paragraph(tmp_path):
    """Two sentences of one provincial article were both printed as 第一章第三条; the
    counterpart and the addition now name their paragraph, as the national side does."""
    from openpyxl import load_workbook

    comparison = statute_pair()
    tables = tables_by_header(Document(str(export_word(comparison, tmp_path / "法规.docx",
                                                       today=TODAY))))
    row = data_rows(tables["国家文件条款"])[0]
    assert row.cells[2].text.startswith("第一章第三条第二款 区人民政府")
    addition = data_rows(tables["本省新增内容"])[0]
    assert addition.cells[1].text.startswith("第一章第三条第一款 市人民政府")
    workbook = load_workbook(export(comparison, tmp_path / "法规.xlsx"))
    assert workbook["对照表"]["D2"].value.startswith("第一章第三条第二款 区人民政府")
    assert workbook["本省新增"]["B2"].value == "第一章第三条第一款"


def test_a_clause_nothing_is_expected_of_is_not_reported_as_not_found(tmp_path):
    """The provincial cell of a 无需地方落实 row said 未找到对应表述, which a reviewer reads as a
    shortfall; it says 无需地方承接, and follows the status a reviewer sets."""
    from dataclasses import replace

    from openpyxl import load_workbook

    base = small_comparison()
    clauses = (replace(base.clauses[0], status=Status.NOT_EXPECTED), *base.clauses[1:])
    comparison = replace(base, clauses=clauses)
    # The reviewer finds the preamble is to be carried after all, and the duty is central.
    decisions = [ReviewDecision("N0-1", status=Status.MISSING),
                 ReviewDecision("N2-1", status=Status.NOT_EXPECTED)]
    for given, first, last in (((), labels.NOT_EXPECTED_MATCH, labels.NO_MATCH),
                               (decisions, labels.NO_MATCH, labels.NOT_EXPECTED_MATCH)):
        path = export_word(comparison, tmp_path / "无需.docx", decisions=given, today=TODAY)
        rows = data_rows(tables_by_header(Document(str(path)))["国家文件条款"])
        assert [rows[0].cells[2].text, rows[3].cells[2].text] == [first, last]
        sheet = load_workbook(export(comparison, tmp_path / "无需.xlsx", decisions=given))["对照表"]
        assert [sheet["D2"].value, sheet["D5"].value] == [first, last]
    assert labels.NOT_EXPECTED_MATCH == "（无需地方承接）"


def test_gap_report_never_says_none_was_found_beside_a_counterpart(tmp_path):
    """A row a reviewer set to 未覆盖 while it shows a counterpart said 本省文件未见对应表述
    beside that counterpart; each fallback line agrees with the row and is a sentence."""
    decisions = [ReviewDecision("N1.1-2", status=Status.MISSING, reviewer="李审核")]
    path = export_word(small_comparison(), tmp_path / "差距.docx", report="gaps",
                       decisions=decisions, today=TODAY)
    rows = {row.cells[0].text: row
            for row in data_rows(tables_by_header(Document(str(path)))["国家文件条款"])}
    shown = rows["3"]
    assert shown.cells[2].text.startswith("一、 建立健全政务数据共享协调机制。")
    assert shown.cells[4].text == "所列本省表述未体现本条要求。"
    assert rows["4"].cells[2].text == labels.NO_MATCH
    assert rows["4"].cells[4].text == "本省文件未见对应表述。"


def test_a_long_title_breaks_after_the_national_name_not_inside_a_word(tmp_path):
    """《优化营商环境条例》与《北京市优化营商环境条例》对照清单 broke as ……营商环/境条例》; it
    breaks after 与 (GB/T 9704 §7.3.1: 回行时要做到词意完整), and a short title stays whole."""
    from dataclasses import replace

    base = small_comparison()
    for national, provincial, expected in (
            ("优化营商环境条例", "北京市优化营商环境条例",
             "《优化营商环境条例》与\n《北京市优化营商环境条例》对照清单"),
            ("数据条例", "实施办法", "《数据条例》与《实施办法》对照清单")):
        comparison = replace(base, national=replace(base.national, title=national),
                             provincial=replace(base.provincial, title=provincial))
        document = Document(str(export_word(comparison, tmp_path / "标题.docx", today=TODAY)))
        title = document.paragraphs[0]
        assert title.text == expected
        assert document.core_properties.title == expected.replace("\n", "")
        assert all(run.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
                   for run in title.runs)


def test_the_overview_defines_not_expected_as_the_engine_sets_it_apart(sample_checklist):
    """It said 定义、罚则: a definition and penalty articles called 未覆盖 beside it read as errors."""
    said = next(p.text for p in sample_checklist.paragraphs if "“无需地方落实”指" in p.text)
    assert "定义" not in said and "罚则" not in said and "中央国家机关职责" in said


def test_a_reason_that_only_lists_the_gaps_shown_is_not_printed_again(sample_comparison, sample_checklist):
    """差距：缺少关键词“数字经济” under the provincial text, and 对应表述缺少关键词“数字经济” beside it."""
    from core.export.labels import repeats_gaps

    rows = data_rows(tables_by_header(sample_checklist)["国家文件条款"])
    lost = [(row, f) for row, f in zip(rows, sample_comparison.clauses) if f.reason.code == "lost"]
    assert any(repeats_gaps(f.reason.text, f.gaps) for _, f in lost)
    for row, finding in lost:
        if repeats_gaps(finding.reason.text, finding.gaps):
            assert "差距：" in row.cells[2].text and finding.reason.text not in row.cells[5].text
    assert not repeats_gaps("只体现了部分内容，未见“加快建设”。", lost[0][1].gaps)


def test_the_gap_report_gives_a_lost_key_term_once(sample_comparison, sample_gaps):
    """缺少关键词“市场主体” in 缺失内容 and 对应表述缺少关键词“市场主体”。 in 说明 beside it."""
    from core.export.labels import repeats_gaps

    repeated = {f.clause.text for f in sample_comparison.clauses
                if f.reason.code == "lost" and repeats_gaps(f.reason.text, f.gaps)}
    assert repeated
    rows = [row for row in data_rows(tables_by_header(sample_gaps)["国家文件条款"])
            if any(text in row.cells[1].text for text in repeated)]
    assert rows
    for row in rows:
        assert row.cells[4].text and "对应表述缺少" not in row.cells[5].text


def test_the_report_says_a_similarity_of_100_is_no_identical_wording(sample_comparison,
                                                                       sample_checklist):
    # The sample has them: a provincial sentence that has every key word of the national one,
    # and says more or says it otherwise, scores 100.
    assert any(f.matches and f.matches[0].score >= 99.5 and f.matches[0].clause.text != f.clause.text
               for f in sample_comparison.clauses)
    texts = "".join(p.text for p in sample_checklist.paragraphs)
    assert "“文本相似程度" not in texts
    assert "100表示要点词语都已出现，不表示文字相同" in texts
    assert "国家文件条款的要点词语在本省表述中出现的程度" in texts


def test_the_reports_name_which_units_lead_and_which_support(tmp_path):
    """A draft's note (省数据局牵头，省公安厅配合) reaches the checklist, the Excel workbook and the
    JSON as it says it, not as one 责任单位 list."""
    import openpyxl

    from core.compare import compare_files
    from core.export.excel import export_excel
    from core.serialize import outline_to_dict
    national = tmp_path / "国家.docx"
    document = Document()
    for line in ("关于加强数字政府建设的指导意见", "一、主要任务", "（一）推进政务数据共享。建立健全政务数据共享协调机制。"):
        document.add_paragraph(line)
    document.save(str(national))
    provincial = tmp_path / "本省.docx"
    document = Document()
    for line in ("关于加强数字政府建设的实施意见", "一、主要任务",
                 "（一）推进政务数据共享。建立健全政务数据共享协调机制。（省数据局牵头，省公安厅配合；2025年底前完成）",
                 "（二）建设政务服务移动端。建设全省统一的政务服务移动端。（牵头单位：省政务服务中心；配合单位：各市（州）人民政府）"):
        document.add_paragraph(line)
    document.save(str(provincial))
    comparison = compare_files(national, provincial)

    word = Document(str(export_word(comparison, tmp_path / "清单.docx", today=TODAY)))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "（牵头单位：省数据局；配合单位：省公安厅；时限：2025年底前完成）" in text
    assert "（牵头单位：省政务服务中心；配合单位：各市（州）人民政府）" in text
    assert "责任单位：省数据局、省公安厅" not in text

    book = openpyxl.load_workbook(export_excel(comparison, tmp_path / "清单.xlsx", today=TODAY))
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert any(c.endswith("（牵头单位：省数据局；配合单位：省公安厅；时限：2025年底前完成）") for c in cells)
    # The 本省新增 sheet's 责任单位 column names the parts too.
    assert "牵头单位：省政务服务中心；配合单位：各市（州）人民政府" in cells

    clauses = [c for s in outline_to_dict(comparison.provincial)["sections"] for c in s["clauses"]]
    noted = next(c for c in clauses if c["lead_units"])
    assert (noted["responsibility"], noted["lead_units"], noted["support_units"]) == (
        ["省数据局", "省公安厅"], ["省数据局"], ["省公安厅"])
