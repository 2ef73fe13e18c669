"""PDF text layers: running headers and page numbers removed, lines joined back into paragraphs."""

from __future__ import annotations

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


def test_a_line_wrapped_mid_sentence_onto_a_numbering_start_goes_on():
    """Geometry as LibreOffice set a draft (16 pt, paragraphs indented two characters): the line
    broke after 统, so the next began 一、动态管理…… and was read as a new part 一、 (and 五、保障措施
    then warned of a gap)."""
    from core.read.layout import Line, paragraphs_of

    def line(text, left, right, bottom):
        return Line(text, left, right, bottom + 15, bottom, 16.0, False, 1)

    lines = [line("（一）深化数据高效共享。", 122, 278, 342),
             line("充分发挥政务数据共享协调机制作用。建立全省标准统", 122, 506, 322),
             line("一、动态管理的政务数据目录，实行一数一源一标准。以", 90, 507, 299),
             line("应用场景为牵引，建立健全政务数据供需对接机制。", 90, 490, 279),
             line("五、保障措施", 122, 230, 250),
             line("各地各部门要高度重视数字政府建设工作，加强统筹协调，", 122, 522, 229),
             line("一体推进各项任务。", 90, 250, 208)]
    assert [p.text for p in paragraphs_of(lines)] == [
        "（一）深化数据高效共享。",
        "充分发挥政务数据共享协调机制作用。建立全省标准统一、动态管理的政务数据目录，实行一数一源一标准。"
        "以应用场景为牵引，建立健全政务数据供需对接机制。",
        "五、保障措施",
        "各地各部门要高度重视数字政府建设工作，加强统筹协调，一体推进各项任务。"]
