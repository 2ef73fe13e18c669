"""Reading .docx (and .doc/.wps through LibreOffice): order, tables, styles, Word numbering."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from core.read import read_document
from core.read.numerals import chinese_counting, format_number
from tests.conftest import DATA
from tests.data.make_fixtures import abstract_id_of, add_list_definition, set_list_level

requires_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def _read(document, tmp_path, name="doc.docx"):
    path = tmp_path / name
    document.save(path)
    return read_document(path)


def test_body_paragraphs_and_table_cells_come_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("表格前的段落。")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "任务（横向合并）"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "推进数据共享"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "省数据局（纵向合并）"
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "优化政务服务"
    document.add_paragraph("表格后的段落。")

    paragraphs = _read(document, tmp_path).paragraphs

    assert [p.text for p in paragraphs] == [
        "表格前的段落。", "序号", "任务（横向合并）", "1", "推进数据共享", "省数据局（纵向合并）",
        "2", "优化政务服务", "表格后的段落。",
    ]
    assert [p.in_table for p in paragraphs] == [False] + [True] * 7 + [False]


def test_a_table_of_tasks_is_read_row_by_row_each_task_with_its_note(tmp_path):
    """重点任务分工表: every cell was a paragraph, so 序号, the headers, the numbers and the units
    became sentences (listed as 本省新增) and the tasks had no 责任单位."""
    from core.outline import outline_document

    document = docx.Document()
    document.add_paragraph("西岭省数字政府建设实施方案")
    document.add_paragraph("一、重点任务分工")
    document.add_paragraph("各牵头单位要细化工作措施。")
    rows = [("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
            ("1", "加强经济数据整合，强化经济监测预警", "省发展改革委", "省统计局", "2024年底前"),
            ("2", "推进智慧应急建设", "省应急厅", "省通信管理局", "2025年底前"),
            ("3", "优化完善应急指挥通信网络", "", "", "")]
    table = document.add_table(rows=len(rows) + 1, cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # A heading row across the table, and unit and deadline cells merged down two rows.
    table.cell(4, 0).merge(table.cell(4, 4)).text = "二、保障措施"
    for column in (2, 3, 4):
        table.cell(2, column).merge(table.cell(3, column))
    table.cell(1, 1).add_paragraph("建设全省经济治理基础数据库。")
    document.add_paragraph("表格后的段落。")

    paragraphs = _read(document, tmp_path).paragraphs
    assert [p.text for p in paragraphs[3:7]] == [
        "加强经济数据整合，强化经济监测预警。建设全省经济治理基础数据库。"
        "（牵头单位：省发展改革委；配合单位：省统计局；完成时限：2024年底前）",
        "推进智慧应急建设。（牵头单位：省应急厅；配合单位：省通信管理局；完成时限：2025年底前）",
        "优化完善应急指挥通信网络。（牵头单位：省应急厅；配合单位：省通信管理局；完成时限：2025年底前）",
        "二、保障措施"]
    assert all(p.in_table for p in paragraphs[3:7]) and paragraphs[7].text == "表格后的段落。"
    tasks = [(c.text, c.responsibility, c.deadline)
             for c in outline_document(_read(document, tmp_path)).section("1").clauses]
    assert tasks[1:] == [
        ("加强经济数据整合，强化经济监测预警。", ("省发展改革委", "省统计局"), "2024年底前"),
        ("建设全省经济治理基础数据库。", ("省发展改革委", "省统计局"), "2024年底前"),
        ("推进智慧应急建设。", ("省应急厅", "省通信管理局"), "2025年底前"),
        ("优化完善应急指挥通信网络。", ("省应急厅", "省通信管理局"), "2025年底前")]


def test_a_table_of_tasks_keeps_every_text_but_its_numbers_and_headers():
    """A second reading found columns of no known kind, headings in the 序号 column and a second
    header row thrown away, text and all."""
    from core.read.task_table import Cell, task_rows

    project = [[Cell("序号", 0), Cell("项目名称", 1), Cell("建设内容", 2), Cell("责任单位", 3)],
               [Cell("1", 0), Cell("省一体化政务服务平台", 1), Cell("建设省级平台", 2), Cell("省数据局", 3)]]
    assert task_rows(project) == ["省一体化政务服务平台。建设省级平台。（责任单位：省数据局）"]
    # A table of indicators is no table of tasks (its 2025年目标 is no task): read cell by cell.
    assert task_rows([[Cell("指标名称", 0), Cell("2025年目标", 1), Cell("责任单位", 2)],
                      [Cell("政务服务事项网上可办率", 0), Cell("95%", 1), Cell("省数据局", 2)]]) is None
    headed = [[Cell("序号", 0), Cell("重点任务", 1), Cell("责任单位", 2), Cell("完成时限", 3)],
              [Cell("一、强化数字基础设施", 0), Cell("", 3)],
              [Cell("1", 0), Cell("推进以下工作：", 1), Cell("省数据局", 2), Cell("长期", 3)]]
    assert task_rows(headed) == ["一、强化数字基础设施", "推进以下工作：（责任单位：省数据局；完成时限：长期）"]
    two_headers = [[Cell("序号", 0), Cell("重点任务", 1), Cell("责任单位", 2)],
                   [Cell("", 0, continued=True), Cell("", 1, continued=True), Cell("牵头单位", 2),
                    Cell("配合单位", 3)],
                   [Cell("1", 0), Cell("推进数据共享", 1), Cell("省数据局", 2), Cell("省公安厅", 3)]]
    assert task_rows(two_headers) == ["推进数据共享。（牵头单位：省数据局；配合单位：省公安厅）"]
    # Headers as drafters also word them: 牵头责任单位, 协办单位, 时限要求, 推进时限, 完成期限; the
    # leader in charge (牵头省领导) is no unit and no words of the task.
    for deadline in ("时限要求", "推进时限", "完成期限"):
        worded = [[Cell("重点任务", 0), Cell("牵头省领导", 1), Cell("牵头责任单位", 2), Cell("协办单位", 3),
                   Cell(deadline, 4)],
                  [Cell("推进数据共享", 0), Cell("张三", 1), Cell("省数据局", 2), Cell("省公安厅", 3),
                   Cell("2023年底前", 4)]]
        assert task_rows(worded) == ["推进数据共享。（牵头单位：省数据局；配合单位：省公安厅；完成时限：2023年底前）"]


def test_nested_tables_and_content_controls_are_read(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "外层单元格"
    cell.add_table(rows=1, cols=1).cell(0, 0).text = "内层单元格"
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p>'
            "</w:sdtContent></w:sdt>"
        ),
    )
    texts = [(p.text, p.in_table) for p in _read(document, tmp_path).paragraphs]
    assert texts == [("外层单元格", True), ("内层单元格", True), ("内容控件中的段落", False)]


def test_heading_styles_and_outline_levels(tmp_path):
    document = docx.Document()
    document.add_heading("一级标题", level=1)
    document.add_heading("二级标题", level=2)
    chinese_heading = document.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("按样式名识别的三级标题", style=chinese_heading)
    derived = document.styles.add_style("Custom Part", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = document.styles["Heading 2"]
    document.add_paragraph("继承二级大纲级别", style=derived)
    direct = document.add_paragraph("段落直接设置大纲级别")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    document.add_paragraph("正文")

    paragraphs = _read(document, tmp_path).paragraphs

    assert [(p.style, p.outline_level) for p in paragraphs] == [
        ("Heading 1", 0), ("Heading 2", 1), ("标题 3", 2), ("Custom Part", 1), ("Normal", 0), ("Normal", None),
    ]


def test_bold_needs_every_run_bold_through_run_character_or_paragraph_style(tmp_path):
    document = docx.Document()
    document.add_paragraph().add_run("全部加粗").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("部分").bold = True
    mixed.add_run("加粗")
    strong = document.styles.add_style("Strong Words", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    document.add_paragraph().add_run("字符样式加粗", style=strong)
    bold_paragraph_style = document.styles.add_style("Bold Paragraph", WD_STYLE_TYPE.PARAGRAPH)
    bold_paragraph_style.font.bold = True
    document.add_paragraph("段落样式加粗", style=bold_paragraph_style)
    overridden = document.add_paragraph(style=bold_paragraph_style)
    overridden.add_run("样式加粗但")
    overridden.add_run("此处取消").bold = False
    spaces = document.add_paragraph()
    spaces.add_run("  ")  # a run with only spaces does not decide
    spaces.add_run("空白不计").bold = True

    bold = [p.bold for p in _read(document, tmp_path).paragraphs]

    assert bold == [True, False, True, True, False, True]


def test_centered_from_paragraph_or_style(tmp_path):
    document = docx.Document()
    document.add_paragraph("居中标题").alignment = WD_ALIGN_PARAGRAPH.CENTER
    centered_style = document.styles.add_style("Centered", WD_STYLE_TYPE.PARAGRAPH)
    centered_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("样式居中", style=centered_style)
    document.add_paragraph("样式居中但段落左对齐", style=centered_style).alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.add_paragraph("两端对齐").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    assert [p.centered for p in _read(document, tmp_path).paragraphs] == [True, True, False, False]


def test_whitespace_is_cleaned_but_punctuation_width_is_kept(tmp_path):
    document = docx.Document()
    document.add_paragraph("\u3000\u3000一、总体要求\u00a0 ")
    document.add_paragraph("国 务 院 办 公 厅")
    document.add_paragraph("(一)指导思想, 坚持 open data 原则")
    document.add_paragraph("\u200b\u3000 ")  # only invisible characters: dropped
    assert [p.text for p in _read(document, tmp_path).paragraphs] == [
        "一、总体要求", "国务院办公厅", "(一)指导思想, 坚持 open data 原则",
    ]


def test_tracked_insertions_count_and_deletions_do_not(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("加强")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>统筹</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>协同</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run("推进")
    hidden = paragraph.add_run("隐藏文字")
    hidden._r.get_or_add_rPr().append(parse_xml(f'<w:vanish {nsdecls("w")}/>'))
    assert [p.text for p in _read(document, tmp_path).paragraphs] == ["加强协同推进"]


def _numbered_document():
    document = docx.Document()
    num_id = add_list_definition(
        document, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1)]
    )
    return document, num_id


def _add(document, text, num_id=None, level=0):
    paragraph = document.add_paragraph(text)
    if num_id is not None:
        set_list_level(paragraph, num_id, level)
    return paragraph


def test_word_numbering_labels_are_computed_and_restart_under_a_new_part(tmp_path):
    document, num_id = _numbered_document()
    _add(document, "标题")
    _add(document, "总体要求", num_id, 0)
    _add(document, "指导思想。", num_id, 1)
    _add(document, "正文段落，没有编号。")
    _add(document, "工作目标。", num_id, 1)
    _add(document, "坚持正确导向。", num_id, 2)
    _add(document, "坚持需求引领。", num_id, 2)
    _add(document, "基本原则。", num_id, 1)
    _add(document, "坚持创新发展。", num_id, 2)
    _add(document, "明确工作职责", num_id, 0)
    _add(document, "开设整合。", num_id, 1)
    _add(document, "内容保障。", num_id, 1)

    paragraphs = _read(document, tmp_path).paragraphs

    assert [(p.numbering, p.text) for p in paragraphs] == [
        ("", "标题"),
        ("一、", "总体要求"),
        ("（一）", "指导思想。"),
        ("", "正文段落，没有编号。"),
        ("（二）", "工作目标。"),
        ("1.", "坚持正确导向。"),
        ("2.", "坚持需求引领。"),
        ("（三）", "基本原则。"),
        ("1.", "坚持创新发展。"),  # level 2 restarts under a new level-1 item
        ("二、", "明确工作职责"),
        ("（一）", "开设整合。"),  # level 1 restarts under a new level-0 item
        ("（二）", "内容保障。"),
    ]


def test_chinese_counting_goes_past_ten_and_twenty(tmp_path):
    document, num_id = _numbered_document()
    for number in range(1, 24):
        _add(document, f"第{number}部分", num_id, 0)
    labels = [p.numbering for p in _read(document, tmp_path).paragraphs]
    assert labels[:3] == ["一、", "二、", "三、"]
    assert labels[9:12] == ["十、", "十一、", "十二、"]
    assert labels[19:23] == ["二十、", "二十一、", "二十二、", "二十三、"]


def test_empty_numbered_paragraphs_still_advance_the_counter(tmp_path):
    document, num_id = _numbered_document()
    _add(document, "第一部分", num_id, 0)
    _add(document, "", num_id, 0)  # Word shows "二、" before an empty line
    _add(document, "第三部分", num_id, 0)
    assert [p.numbering for p in _read(document, tmp_path).paragraphs] == ["一、", "三、"]


def test_a_numbered_paragraph_deleted_with_changes_tracked_takes_no_number(tmp_path):
    """Its text was left out, but it still took （二）, so the next item read （三） and the
    outline warned of a gap the reader never sees."""
    document, num_id = _numbered_document()
    _add(document, "重点任务", num_id, 0)
    _add(document, "强化安全管理责任。", num_id, 1)
    deleted = _add(document, "", num_id, 1)
    deleted._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>推进社会治理数字化。</w:delText></w:r></w:del>"))
    deleted._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {nsdecls("w")}><w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'))
    _add(document, "提升安全保障能力。", num_id, 1)
    assert [(p.numbering, p.text) for p in _read(document, tmp_path).paragraphs] == [
        ("一、", "重点任务"), ("（一）", "强化安全管理责任。"), ("（二）", "提升安全保障能力。")]


def test_start_override_restarts_a_list_and_lists_of_one_definition_continue(tmp_path):
    document, num_id = _numbered_document()
    abstract = abstract_id_of(document, num_id)
    continued = add_list_definition(document, [], abstract_id=abstract)
    restarted = add_list_definition(document, [], abstract_id=abstract, start_overrides={0: 5})
    _add(document, "甲", num_id, 0)
    _add(document, "乙", continued, 0)
    _add(document, "丙", restarted, 0)
    _add(document, "丁", restarted, 0)
    assert [p.numbering for p in _read(document, tmp_path).paragraphs] == ["一、", "二、", "五、", "六、"]


def test_numbering_through_the_paragraph_style(tmp_path):
    document, num_id = _numbered_document()
    style = document.styles.add_style("Part Heading", WD_STYLE_TYPE.PARAGRAPH)
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id
    document.add_paragraph("总体要求", style=style)
    document.add_paragraph("主要任务", style=style)
    off = document.add_paragraph("编号被段落关闭", style=style)
    set_list_level(off, 0, 0)  # numId 0 switches the style's numbering off
    assert [p.numbering for p in _read(document, tmp_path).paragraphs] == ["一、", "二、", ""]


def test_number_formats_and_multi_level_text(tmp_path):
    document = docx.Document()
    formats = [
        ("decimalEnclosedCircle", "%1"), ("decimalEnclosedCircleChinese", "%1"), ("chineseLegalSimplified", "%1、"),
        ("ideographTraditional", "%1、"), ("decimalFullWidth", "%1．"), ("upperRoman", "%1."),
        ("lowerLetter", "%1)"), ("upperLetter", "%1."), ("lowerRoman", "(%1)"), ("bullet", "\u2022"),
        ("none", ""), ("chineseCountingThousand", "第%1条"),
    ]
    for fmt, text in formats:
        num_id = add_list_definition(document, [(fmt, text, 12)])
        _add(document, f"{fmt} 格式", num_id, 0)
    outline = add_list_definition(document, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)])
    _add(document, "第一层", outline, 0)
    _add(document, "第二层", outline, 1)
    _add(document, "第二层", outline, 1)
    legal = add_list_definition(document, [("chineseCounting", "%1、", 2), ("decimal", "%1.%2", 1)])
    legal_level = document.part.numbering_part.element.findall(qn("w:abstractNum"))[-1].findall(qn("w:lvl"))[1]
    legal_level.insert(0, parse_xml(f'<w:isLgl {nsdecls("w")}/>'))
    _add(document, "中文编号", legal, 0)
    _add(document, "法律式编号", legal, 1)

    labels = [p.numbering for p in _read(document, tmp_path).paragraphs]

    assert labels == [
        "⑫", "⑫", "壹拾贰、", "乙、", "１２．", "XII.", "l)", "L.", "(xii)", "", "", "第十二条",
        "1.", "1.1", "1.2", "二、", "2.1",
    ]


def test_level_restart_zero_never_restarts(tmp_path):
    document, num_id = _numbered_document()
    level = document.part.numbering_part.element.findall(qn("w:abstractNum"))[-1].findall(qn("w:lvl"))[1]
    level.find(qn("w:numFmt")).addprevious(parse_xml(f'<w:lvlRestart {nsdecls("w")} w:val="0"/>'))
    _add(document, "甲", num_id, 0)
    _add(document, "乙", num_id, 1)
    _add(document, "丙", num_id, 0)
    _add(document, "丁", num_id, 1)
    assert [p.numbering for p in _read(document, tmp_path).paragraphs] == ["一、", "（一）", "二、", "（二）"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (45, "四十五"),
     (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1000, "一千"), (1010, "一千零一十")],
)
def test_chinese_counting_numerals(value, expected):
    assert chinese_counting(value) == expected


def test_legal_and_circled_numerals():
    assert chinese_counting(21, legal=True) == "贰拾壹"
    assert [format_number(n, "decimalEnclosedCircle") for n in (1, 20, 21, 50, 51)] == ["①", "⑳", "㉑", "㊿", "51"]


def test_policy_fixture_labels_come_from_word_numbering_not_text():
    document = read_document(DATA / "policy-autonum.docx")
    numbered = [p for p in document.paragraphs if p.numbering]
    assert [p.numbering for p in numbered] == ["一、", "（一）", "（二）", "（三）", "1.", "2.", "3.", "4.", "二、"]
    assert numbered[0].text == "发展现状和总体要求"
    assert not any(p.text.startswith(("一、", "（一）", "1.")) for p in document.paragraphs)


@pytest.mark.soffice
@requires_soffice
def test_doc_is_converted_by_libreoffice_and_read_as_docx():
    document = read_document(DATA / "old-format.doc")
    assert document.format == "doc"
    assert document.path == str(DATA / "old-format.doc")
    assert [p.text for p in document.paragraphs] == [
        "关于开展测试工作的通知", "一、总体要求", "（一）工作目标。按期完成旧版文档格式的读取测试。",
    ]
    assert document.paragraphs[0].centered


@pytest.mark.soffice
@requires_soffice
def test_wps_file_goes_the_same_way(tmp_path):
    # WPS Office saves .wps files in the Word 97 binary format.
    wps = tmp_path / "通知（WPS 保存）.WPS"
    shutil.copyfile(DATA / "old-format.doc", wps)
    document = read_document(wps)
    assert document.format == "wps"
    assert document.paragraphs[1].text == "一、总体要求"


def test_doc_that_is_really_a_docx_needs_no_libreoffice(tmp_path, monkeypatch):
    disguised = tmp_path / "really-docx.doc"
    shutil.copyfile(DATA / "policy-typed.docx", disguised)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice to be found
    document = read_document(disguised)
    assert document.format == "doc"
    assert document.paragraphs[0].text.startswith("国务院关于")


def test_placeholders_name_levels_as_word_does(tmp_path):
    # In w:lvlText, %1 is always the level-0 counter: "（%1）" on level 1 repeats the parent's
    # number, exactly as Word draws it. A level shows its own counter with %2, %3 …
    document = docx.Document()
    num_id = add_list_definition(document, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%1）", 1)])
    _add(document, "总体要求", num_id, 0)
    _add(document, "指导思想", num_id, 1)
    _add(document, "工作目标", num_id, 1)
    assert [p.numbering for p in _read(document, tmp_path).paragraphs] == ["一、", "（一）", "（一）"]


def test_built_in_list_styles(tmp_path):
    document = docx.Document()
    for text in ("甲", "乙", "丙"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("要点", style="List Bullet")
    assert [(p.numbering, p.style) for p in _read(document, tmp_path).paragraphs] == [
        ("1.", "List Number"), ("2.", "List Number"), ("3.", "List Number"), ("", "List Bullet"),
    ]


def test_line_breaks_that_end_a_sentence_or_open_an_item_start_a_paragraph(tmp_path):
    """A statute typed with Shift+Enter between its 款 and 项 lost them all (……服务：（一）法律咨询；
    was one sentence); a title broken over two lines still reads as one."""
    document = docx.Document()
    title = document.add_paragraph()
    title.add_run("西岭省人民政府关于加强数字政府")
    title.add_run().add_break()
    title.add_run("建设的实施意见")
    article = document.add_paragraph()
    for number, line in enumerate(("第三条　法律援助机构提供下列服务：", "（一）法律咨询；", "（二）代拟法律文书。",
                                   "法律援助机构应当公示服务事项。")):
        if number:
            article.add_run().add_break()
        article.add_run(line)
    paragraphs = _read(document, tmp_path).paragraphs
    assert [p.text for p in paragraphs] == [
        "西岭省人民政府关于加强数字政府建设的实施意见", "第三条法律援助机构提供下列服务：", "（一）法律咨询；",
        "（二）代拟法律文书。", "法律援助机构应当公示服务事项。"]


def test_a_line_break_after_a_colon_joins_an_unnumbered_line(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("各地要做到以下两点：")
    paragraph.add_run().add_break()
    paragraph.add_run("一是加强领导，二是抓好落实。")
    assert [p.text for p in _read(document, tmp_path).paragraphs] == [
        "各地要做到以下两点：一是加强领导，二是抓好落实。"]


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _text_box_run(*paragraphs: str) -> object:
    """A run holding a text box as Word 2010+ saves one: the drawing (mc:Choice) and, for older
    readers, the same box again as VML (mc:Fallback)."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="{_MC}" '
        f'xmlns:wps="{_WPS}"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{body}'
        f'</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent>'
        f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_is_read_once_after_the_paragraph_it_is_anchored_in(tmp_path):
    """A 专栏 drawn in a text box was left out of the .docx (its PDF read it): the tasks in it were
    never compared."""
    document = docx.Document()
    document.add_paragraph("（一）推进数据共享。建立全省政务数据目录。")
    anchor = document.add_paragraph("（二）建设重点工程。")
    anchor._p.append(_text_box_run("专栏1　数字政府重点工程", "1.建设全省一体化政务大数据体系。"))
    # A box anchored in an empty paragraph, and one in a deleted run, which Word does not show.
    document.add_paragraph()._p.append(_text_box_run("2.建设省级政务云平台。"))
    deleted = document.add_paragraph("（三）强化保障。")
    deleted._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z"/>'))
    deleted._p[-1].append(_text_box_run("已删除的专栏。"))
    assert [p.text for p in _read(document, tmp_path).paragraphs] == [
        "（一）推进数据共享。建立全省政务数据目录。", "（二）建设重点工程。", "专栏1　数字政府重点工程",
        "1.建设全省一体化政务大数据体系。", "2.建设省级政务云平台。", "（三）强化保障。"]
