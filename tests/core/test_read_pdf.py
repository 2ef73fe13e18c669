"""PDF text layers: running headers and page numbers removed, lines joined back into paragraphs."""

from __future__ import annotations

import os
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest

from core.errors import NoTextLayerError
from core.read import read_document
from core.read.normalize import normalize_paragraph_text
from core.read.layout import is_page_number_line, starts_with_numbering
from tests.conftest import DATA
from tests.data.make_fixtures import block_paragraph_texts, policy_lines


def test_policy_pdf_gives_back_the_paragraphs_of_the_word_file():
    # policy.pdf was printed by LibreOffice from policy-typed.docx: first-line indents, a running
    # header, "— 1 —" page numbers, paragraphs across page breaks, lines that end in 。 mid-paragraph.
    document = read_document(DATA / "policy.pdf")
    texts = [p.text for p in document.paragraphs]
    assert document.format == "pdf"
    assert texts == policy_lines()
    assert not any("节选" in text or "—" in text for text in texts)
    assert document.warnings == ()


def test_title_is_centered_and_bold_and_part_headings_bold():
    paragraphs = read_document(DATA / "policy.pdf").paragraphs
    assert paragraphs[0].centered and paragraphs[0].bold
    assert paragraphs[1].centered and not paragraphs[1].bold  # 文号
    assert [p.text for p in paragraphs if p.bold] == [
        paragraphs[0].text, "一、发展现状和总体要求", "二、构建协同高效的政府数字化履职能力体系",
    ]
    assert not any(p.centered for p in paragraphs[2:])


def test_block_paragraphs_without_indent_and_page_x_of_y_footers():
    # No first-line indent, space between paragraphs, a right-aligned running header, a
    # "第 1 页 共 3 页" footer, and repetitive body text at the page edges that must be kept.
    document = read_document(DATA / "block-paragraphs.pdf")
    assert [p.text for p in document.paragraphs] == [normalize_paragraph_text(t) for t in block_paragraph_texts()]


def test_a_scanned_page_in_a_text_pdf_is_named_in_a_warning(tmp_path):
    mixed = pdfium.PdfDocument.new()
    for source, pages in (("policy.pdf", [0, 1]), ("scanned.pdf", [0])):
        with_pages = pdfium.PdfDocument(DATA / source)
        mixed.import_pages(with_pages, pages)
        with_pages.close()
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    mixed.close()

    document = read_document(path)

    assert document.paragraphs[0].text == policy_lines()[0]
    assert len(document.warnings) == 1
    assert "第 3 页" in document.warnings[0] and "文字识别" in document.warnings[0]


def test_a_pdf_that_is_only_a_scan_has_no_text_layer():
    with pytest.raises(NoTextLayerError) as caught:
        read_document(DATA / "scanned.pdf")
    assert "无文字层，请先进行文字识别" in caught.value.message


@pytest.mark.parametrize(
    "line",
    ["— 3 —", "- 3 -", "—3—", "－ 12 －", "3", "第3页", "第 3 页", "第 3 页 共 10 页", "第3页，共10页", "共10页 第3页",
     "3/10", "Page 3", "page 3 of 10"],
)
def test_page_number_lines(line):
    assert is_page_number_line(line)


@pytest.mark.parametrize("line", ["2018年12月7日", "3.坚持创新发展。", "第三条", "（3）", "一、总体要求", "第3章"])
def test_lines_that_are_not_page_numbers(line):
    assert not is_page_number_line(line)


@pytest.mark.parametrize(
    "line",
    ["一、总体要求", "十二、附则", "（一）指导思想。", "(二)工作目标", "1.坚持正确导向", "2．坚持", "3、加强", "（1）细项",
     "(2)细项", "①要点", "⑳要点", "第一章 总则", "第十二条 本办法", "第3条"],
)
def test_numbering_markers_start_a_paragraph(line):
    assert starts_with_numbering(line)


@pytest.mark.parametrize("line", ["2018年12月7日", "1.5倍以上", "一是加强统筹", "各地区各部门", "第三方平台"])
def test_ordinary_line_starts(line):
    assert not starts_with_numbering(line)


def _line(text, left, right, bottom, page=1):
    """A printed line of a 16-pt draft as LibreOffice sets it (points, heights up the page)."""
    from core.read.layout import Line

    return Line(text, left, right, bottom + 15, bottom, 16.0, False, page)


def test_a_line_wrapped_mid_sentence_onto_a_numbering_start_goes_on():
    """Geometry as LibreOffice set a draft (16 pt, paragraphs indented two characters): the line
    broke after 统, so the next began 一、动态管理…… and was read as a new part 一、 (and 五、保障措施
    then warned of a gap)."""
    from core.read.layout import paragraphs_of

    lines = [_line("（一）深化数据高效共享。", 122, 278, 342),
             _line("充分发挥政务数据共享协调机制作用。建立全省标准统", 122, 506, 322),
             _line("一、动态管理的政务数据目录，实行一数一源一标准。以", 90, 507, 299),
             _line("应用场景为牵引，建立健全政务数据供需对接机制。", 90, 490, 279),
             _line("五、保障措施", 122, 230, 250),
             _line("各地各部门要高度重视数字政府建设工作，加强统筹协调，", 122, 522, 229),
             _line("一体推进各项任务。", 90, 250, 208)]
    assert [p.text for p in paragraphs_of(lines)] == [
        "（一）深化数据高效共享。",
        "充分发挥政务数据共享协调机制作用。建立全省标准统一、动态管理的政务数据目录，实行一数一源一标准。"
        "以应用场景为牵引，建立健全政务数据供需对接机制。",
        "五、保障措施",
        "各地各部门要高度重视数字政府建设工作，加强统筹协调，一体推进各项任务。"]


def test_footnote_marks_and_the_footnotes_they_point_to_are_not_text():
    """Geometry as LibreOffice set a draft with a footnote: the raised 9-pt 1 was glued into the
    sentence (……14号）1精神), the note at the page's foot became a sentence of the section the
    page ended in, and split the note of a task that went on over the page."""
    from core.read.layout import paragraphs_of, remove_footnotes
    from core.read.pdf import _drop_reference_marks

    chars = list("号）1精神，")
    boxes = [(267, 281, 553, 539, 16, False, 0), (283, 297, 554, 539, 16, False, 1),
             (299, 304, 554, 547, 9, False, 2), (305, 320, 554, 539, 16, False, 3),
             (321, 336, 554, 539, 16, False, 4), (337, 342, 544, 539, 16, False, 5)]
    assert _drop_reference_marks(chars, boxes) == ["1"]
    assert "".join(chars) == "号）精神，" and len(boxes) == 5
    # An ordinary figure at the baseline stays, whatever its size.
    digits = list("到2025年")
    level = [(100 + 10 * i, 109 + 10 * i, 550, 539, 12 if ch.isdigit() else 16, False, i)
             for i, ch in enumerate(digits)]
    assert _drop_reference_marks(digits, level) == [] and "".join(digits) == "到2025年"
    # Nor a power after a letter (新增绿地100万m²), nor the number opening a footnote's own line.
    for text, raised_at in (("绿地100万m2以上", 8), ("1“一网通办”指依托", 0)):
        chars = list(text)
        boxes = [(10 * i, 10 * i + 9, 550, 547 if i == raised_at else 539, 6 if i == raised_at else 9, False, i)
                 for i in range(len(chars))]
        assert _drop_reference_marks(chars, boxes) == [] and "".join(chars) == text

    pages = [[_line("（四）加快推进数字机关建设。", 122, 304, 188, 1),
              _line("加快一体化协同办公体系建设，推动机关内部服务事项线", 122, 522, 168, 1),
              _line("上集成化办理，不断提高机关运行效能。（责任单位：省政府", 90, 522, 146, 1),
              _line("1 “一网通办”指依托一体化政务服务平台，实现政务服务事项", 90, 522, 94, 1),
              _line("网上办理。", 90, 170, 74, 1)],
             [_line("办公厅、省机关事务管理局）", 90, 504, 702, 2),
              _line("三、构建数字政府安全保障体系", 122, 318, 660, 2)]]
    unmarked = [list(lines) for lines in pages]
    remove_footnotes(unmarked, [set(), set()])
    assert unmarked == pages  # no mark in the text: nothing at the foot is taken for a note
    remove_footnotes(pages, [{"1"}, set()])
    assert [p.text for p in paragraphs_of([line for lines in pages for line in lines])] == [
        "（四）加快推进数字机关建设。",
        "加快一体化协同办公体系建设，推动机关内部服务事项线上集成化办理，不断提高机关运行效能。"
        "（责任单位：省政府办公厅、省机关事务管理局）",
        "三、构建数字政府安全保障体系"]


def test_a_full_line_ending_in_a_note_is_no_wrap_before_a_heading():
    """A full line ending in a bracket or a mark is the end of its paragraph, even in an indented
    document and before a heading set at the left margin."""
    from core.read.layout import paragraphs_of

    lines = [_line("加强数据治理，建立全省标准统一、动态管理的政务数据", 122, 522, 342),
             _line("目录，实行一数一源。（责任单位：省数据局、省发展改革委）", 90, 522, 322),
             _line("二、保障措施", 90, 200, 299),
             _line("各地要高度重视数字政府建设工作，加强统筹协调，一体推", 122, 522, 279),
             _line("进各项任务。", 90, 190, 258)]
    assert [p.text for p in paragraphs_of(lines)] == [
        "加强数据治理，建立全省标准统一、动态管理的政务数据目录，实行一数一源。（责任单位：省数据局、省发展改革委）",
        "二、保障措施", "各地要高度重视数字政府建设工作，加强统筹协调，一体推进各项任务。"]


@pytest.mark.parametrize("line", ["第二百三十二条的规定定罪从重处罚。", "（二）项规定的，由有关部门责令改正。",
                                  "第三章规定的措施。"])
def test_a_reference_a_wrapped_line_begins_with_starts_no_paragraph(line):
    """第二百三十四条、 / 第二百三十二条的规定…… in a PDF of a law: the wrapped line became a 款 of its own."""
    assert not starts_with_numbering(line)


def test_a_heading_printed_without_a_space_still_starts_a_paragraph():
    assert starts_with_numbering("第三章规划管理") and starts_with_numbering("（二）规范管理")


def test_quotation_marks_drawn_after_a_lines_text_are_put_back_in_place():
    """Geometry as LibreOffice set 精准“画像”，……加强“双随机、一公 on one line: the marks, in a
    fallback font, are drawn after the Chinese text, and came out 加强双随机、一公“”“."""
    from core.read.pdf import _GENERATED_SPACE, _in_visual_order

    text = "精准画像，加强双随机、一公"
    chars, boxes = [], []
    for place, char in enumerate(text):
        left = 90 + 16 * place + (16 if place >= 2 else 0) + (16 if place >= 4 else 0) + (16 if place >= 7 else 0)
        boxes.append((left, left + 16, 566, 550, 16, False, len(chars)))
        chars.append(char)
    for left in (122, 170, 234):  # “ before 画, ” after 像, “ before 双
        chars.append(_GENERATED_SPACE)  # pdfium's space for the jump back along the line
        boxes.append((left, left + 16, 564, 550.5, 16, False, len(chars)))
        chars.append("“" if left != 170 else "”")
    _in_visual_order(chars, boxes)
    assert "".join(chars).replace(_GENERATED_SPACE, "") == "精准“画像”，加强“双随机、一公"
    assert [chars[box[6]] for box in boxes] == [c for c in chars if c != _GENERATED_SPACE]
    assert [box[0] for box in boxes] == sorted(box[0] for box in boxes)

    # Two lines pdfium ran together are left as they came: sorting would interleave them.
    chars = list("第一行第二行")
    boxes = [(100 + 16 * (i % 3), 116 + 16 * (i % 3), 566 - 24 * (i // 3), 550 - 24 * (i // 3), 16, False, i)
             for i in range(6)]
    _in_visual_order(chars, boxes)
    assert "".join(chars) == "第一行第二行"
    # Nor text drawn over text (a seal over the signature), nor a line turned over (right to left).
    for text, lefts in (("西岭省人民政府印章", [100, 116, 132, 148, 164, 180, 108, 124, 140]),
                        ("政府人民省岭西", [196, 180, 164, 148, 132, 116, 100])):
        chars = list(text)
        boxes = [(left, left + 16, 566, 550, 16, False, i) for i, left in enumerate(lefts)]
        _in_visual_order(chars, boxes)
        assert "".join(chars) == text


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_libreoffice_pdf_keeps_its_quotation_marks_in_place(tmp_path):
    """A draft saved as PDF by LibreOffice, its “” set in a Western font: read, the marks were
    out of place (平台一网“”通办枢纽作用)."""
    import docx

    document = docx.Document()
    document.add_paragraph("充分发挥省一体化政务服务平台“一网通办”枢纽作用，推动政务服务线上线下标准统一。")
    document.add_paragraph("以数字技术助推深化“证照分离”改革，实行“一数一源一标准”。")
    document.save(tmp_path / "draft.docx")
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "draft.docx")], env=dict(os.environ, HOME=str(tmp_path)),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=True)
    text = "".join(p.text for p in read_document(tmp_path / "draft.pdf").paragraphs)
    assert "平台“一网通办”枢纽作用" in text
    assert "深化“证照分离”改革，实行“一数一源一标准”。" in text


def test_a_ruled_table_is_read_cell_by_cell_with_its_merged_cells():
    """The grid a table's borders draw gives its cells; a border missing between two cells
    merges them (a unit cell down two rows, a heading across the table)."""
    from core.read.layout import join_lines
    from core.read.pdf_tables import Grid, _Rule

    columns, rows = [0.0, 100.0, 200.0, 300.0], [400.0, 380.0, 360.0, 340.0, 320.0]
    rules = [_Rule(False, x, 320.0, 400.0) for x in (0.0, 300.0)]
    rules += [_Rule(False, x, 320.0, 380.0) for x in (100.0, 200.0)]  # no border in the heading row
    rules += [_Rule(True, y, 0.0, 300.0) for y in (400.0, 380.0, 360.0, 320.0)]
    # The unit column's cell runs down rows 3 and 4: no border under it.
    rules += [_Rule(True, 340.0, 0.0, 100.0), _Rule(True, 340.0, 200.0, 300.0)]
    grid = Grid(columns, rows, rules)
    for row, column, text in ((0, 1, "一、数据共享"), (1, 0, "重点任务"), (1, 1, "牵头单位"), (1, 2, "完成时限"),
                              (2, 0, "建立共享"), (2, 1, "省数据局"), (3, 0, "推进开放"),
                              (3, 2, "2024年"), (3, 2, "底前")):
        grid.add(row, column, text)
        grid.break_line(row, column)
    assert grid.cell_at(150.0, 330.0) == (3, 1) and grid.cell_at(350.0, 330.0) is None
    table = grid.table_rows(join_lines)
    assert [[(c.text, c.column, c.continued) for c in row] for row in table] == [
        [("一、数据共享", 0, False)],
        [("重点任务", 0, False), ("牵头单位", 1, False), ("完成时限", 2, False)],
        [("建立共享", 0, False), ("省数据局", 1, False), ("", 2, False)],
        [("推进开放", 0, False), ("", 1, True), ("2024年底前", 2, False)]]


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_task_table_in_a_pdf_reads_as_it_does_in_word(tmp_path):
    """Read line by line, a 分工表 in a PDF came out as cell fragments (序号重点任务牵头单位…1建立全省
    标准 / 统一、动态管) and its tasks had no units; it now reads as the Word file's table does,
    merged cells and a table going on over a page without its header again."""
    import docx

    from core.compare import load_outline

    document = docx.Document()
    for line in ("西岭省数字政府建设实施方案", "一、重点任务", "（一）推进数据共享。建立全省政务数据目录。",
                 "（二）推行智慧监管。构建新型监管机制。", "（三）强化考核。定期通报工作进展。"):
        document.add_paragraph(line)
    tasks = [("建立全省政务数据目录", "省数据局", "2023年底前"), ("构建新型监管机制", "省市场监管局", "2024年底前"),
             ("定期通报工作进展", "省政府督查室", "2024年底前")]
    table = document.add_table(rows=1 + len(tasks), cols=4)
    table.style = "Table Grid"
    for column, name in enumerate(("序号", "重点任务", "牵头单位", "完成时限")):
        table.cell(0, column).text = name
    for row, (task, unit, deadline) in enumerate(tasks, start=1):
        table.cell(row, 0).text = str(row)
        table.cell(row, 1).text = task
        table.cell(row, 2).text = unit
        table.cell(row, 3).text = deadline
    table.cell(2, 3).merge(table.cell(3, 3))  # one deadline for the last two tasks
    table.cell(2, 3).text = "2024年底前"
    document.save(tmp_path / "方案.docx")
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "方案.docx")], env=dict(os.environ, HOME=str(tmp_path)),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=True)
    paragraphs = read_document(tmp_path / "方案.pdf").paragraphs
    assert [p.text for p in paragraphs if p.in_table] == [
        "建立全省政务数据目录。（牵头单位：省数据局；完成时限：2023年底前）",
        "构建新型监管机制。（牵头单位：省市场监管局；完成时限：2024年底前）",
        "定期通报工作进展。（牵头单位：省政府督查室；完成时限：2024年底前）"]
    word, pdf = load_outline(tmp_path / "方案.docx"), load_outline(tmp_path / "方案.pdf")
    assert [(c.text, c.units_by_role(), c.deadline) for c in pdf.clauses()] == \
        [(c.text, c.units_by_role(), c.deadline) for c in word.clauses()]


def test_a_title_set_larger_than_the_note_under_it_is_a_paragraph_of_its_own():
    """A 22-pt title filling the line, then the 16-pt making note: they were joined into one
    paragraph and the note became the title's end (……条例（2023年11月30日……通过）)."""
    from dataclasses import replace

    from core.read.layout import paragraphs_of

    title = replace(_line("西岭省法律援助和司法救助衔接工作条例", 92, 503, 740), size=22.0, top=762)
    lines = [title, _line("（2023年11月30日西岭省第十四届人民代表大会常务委", 92, 504, 700),
             _line("员会第八次会议通过）", 92, 260, 680),
             _line("第一条为了规范和促进法律援助工作，保障公民和有关当事人的合法权益，维护", 92, 504, 640),
             _line("社会公平正义，制定本条例。", 92, 320, 620)]
    assert [p.text for p in paragraphs_of(lines)] == [
        "西岭省法律援助和司法救助衔接工作条例", "（2023年11月30日西岭省第十四届人民代表大会常务委员会第八次会议通过）",
        "第一条为了规范和促进法律援助工作，保障公民和有关当事人的合法权益，维护社会公平正义，制定本条例。"]


def test_a_text_box_drawn_last_above_the_text_is_read_first():
    """A 版头 in a text box (西岭省人民政府文件) comes last from pdfium, after the page number:
    it was read as a sentence of the body, and the page number stayed in the text."""
    from core.read.layout import in_reading_order, remove_running_lines

    page = [_line("西政发〔2023〕5号", 200, 380, 593), _line("西岭省人民政府关于加强数字政府", 150, 450, 519),
            _line("一、总体要求", 90, 200, 396), _line("— 1 —", 280, 320, 35),
            _line("西岭省人民政府文件", 150, 450, 685)]
    pages = [page]
    in_reading_order(pages)
    remove_running_lines(pages)
    assert [line.text for line in pages[0]] == ["西岭省人民政府文件", "西政发〔2023〕5号", "西岭省人民政府关于加强数字政府",
                                                "一、总体要求"]
    # Lines drawn last that are not above all the text (a footer drawn first) stay where they are.
    footer_first = [_line("第 1 页", 280, 320, 22), _line("标题", 150, 450, 544), _line("正文", 90, 500, 500),
                    _line("生成日期：2026年12月3日", 90, 300, 533)]
    in_reading_order([footer_first])
    assert [line.text for line in footer_first] == ["第 1 页", "标题", "正文", "生成日期：2026年12月3日"]


def test_a_running_header_set_small_is_dropped_though_body_lines_stand_far_apart():
    """A header of the 公报 the statute is printed in (11 pt, 40 pt above 16-pt text whose
    paragraphs stand 31 pt apart) was kept: it became the title's first words and a sentence of
    an article on every page."""
    from core.read.layout import Line, remove_running_lines

    def page(number: int) -> list[Line]:
        header = Line("西岭省人民代表大会常务委员会公报2023年第8号", 90, 400, 755, 744, 11.0, False, number)
        body = [Line(f"第{number}页第{i}段正文，法律援助机构应当依法开展工作。", 90, 500, 704 - 31 * i + 15,
                     704 - 31 * i, 16.0, False, number) for i in range(12)]
        return [header, *body]

    pages = [page(1), page(2), page(3)]
    remove_running_lines(pages)
    assert all("公报" not in line.text for lines in pages for line in lines)
    assert [len(lines) for lines in pages] == [12, 12, 12]


def test_a_boxed_column_drawn_as_a_table_keeps_its_paragraphs():
    """A 专栏 drawn as a ruled table, its cell holding （一）…… and （二）……: read as one paragraph,
    （二） was lost and （三） warned of a gap."""
    from core.read.pdf import _cell_lines_joined

    text = ""
    for line in ("（一）加强领导。各地要建立", "工作机制。", "（二）抓好落实。各地要", "细化措施。"):
        text = _cell_lines_joined(text, line) if text else line
    assert text.split("\n") == ["（一）加强领导。各地要建立工作机制。", "（二）抓好落实。各地要细化措施。"]
