"""Outline stage on the real corpus and on the forms real documents take."""

from __future__ import annotations

from collections import Counter

import pytest

from core.model import Paragraph, RawDocument
from core.outline import outline_document
from core.read import read_document, read_text
from tests.conftest import GUIDELINE, LAWS, NEW_MEDIA_HTML, NEW_MEDIA_TXT


def _levels(outline):
    return Counter(s.level for s in outline.sections if s.id != "0")


def _raw(*paragraphs: Paragraph | str) -> RawDocument:
    return RawDocument(path="", format="text", paragraphs=tuple(
        p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs))


def test_guideline_has_8_parts_31_sections_3_items_with_exact_titles():
    outline = outline_document(read_document(GUIDELINE))
    assert outline.grammar == "policy"
    assert outline.title == "国务院关于加强数字政府建设的指导意见"
    assert _levels(outline) == {1: 8, 2: 31, 3: 3}
    lines = GUIDELINE.read_text(encoding="utf-8").splitlines()
    part_lines = [line for line in lines if line[:2] in {f"{n}、" for n in "一二三四五六七八"}]
    parts = [s for s in outline.sections if s.level == 1]
    assert [s.heading for s in parts] == part_lines
    sections = [s for s in outline.sections if s.level == 2]
    section_lines = [line for line in lines if line.startswith("(") and ")" in line[:5]]
    assert [f"{s.label}{s.title}。" for s in sections] == section_lines
    items = [s.title for s in outline.sections if s.level == 3]
    assert items == ["指导思想", "基本原则", "主要目标"]
    assert [s.id for s in outline.sections if s.level == 3] == ["1.2.1", "1.2.2", "1.2.3"]
    # Parts 二 to 八 each open with a lead paragraph before their first section.
    assert outline.section("2").paragraphs[0].startswith("全面推进政府履职和政务运行数字化转型")


def test_guideline_preamble_is_kept_apart():
    outline = outline_document(read_document(GUIDELINE))
    preamble = outline.section("0")
    assert preamble.kind == "preamble"
    assert preamble.paragraphs[0].startswith("加强数字政府建设是适应新一轮科技革命")
    assert all(not s.paragraphs or "现提出以下意见" not in s.paragraphs[0]
               for s in outline.sections if s.id != "0")


@pytest.mark.parametrize(("name", "chapters", "articles"), [
    ("national-optimizing-business-environment-regulation-2019.txt", 7, 72),
    ("shanghai-optimizing-business-environment-regulation-2020.txt", 8, 80),
    ("national-emergency-response-law-2007.txt", 7, 70),
    ("shanghai-emergency-response-law-implementing-measures-2018.txt", 7, 46),
])
def test_statutes_give_exact_chapter_and_article_counts(corpus, name, chapters, articles):
    outline = outline_document(read_document(LAWS / name))
    assert outline.grammar == "statute"
    kinds = Counter(s.kind for s in outline.sections)
    assert kinds["chapter"] == chapters
    assert kinds["article"] == articles
    numbers = [s.number for s in outline.sections if s.kind == "article"]
    assert numbers == list(range(1, articles + 1))
    assert outline.warnings == ()
    # Promulgation lines are front matter, not a preamble.
    assert "0" not in {s.id for s in outline.sections}
    assert outline.front_matter and "通过" in outline.front_matter[0]


def test_statute_chapter_titles_and_article_ids(corpus):
    outline = outline_document(read_document(LAWS / "national-emergency-response-law-2007.txt"))
    chapters = [s for s in outline.sections if s.kind == "chapter"]
    assert [c.heading for c in chapters][:3] == ["第一章总则", "第二章预防与应急准备", "第三章监测与预警"]
    assert chapters[0].title == "总则"
    first = outline.section("1.1")
    assert (first.label, first.kind, first.level) == ("第一条", "article", 2)
    # Articles are numbered on across chapters while ids are positions inside the chapter.
    second_chapter_first = outline.children(chapters[1].id)[0]
    assert second_chapter_first.id == "2.1"
    assert second_chapter_first.number > 1


def test_statute_paragraphs_and_items():
    outline = outline_document(_raw(
        "示例条例",
        "第一章 总则",
        "第一条 为了规范管理，制定本条例。",
        "第二条 县级以上人民政府应当履行下列职责：",
        "（一）制定规划；",
        "（二）组织实施。",
        "有关部门应当予以配合。",
        "第三条 本条例自公布之日起施行。",
    ))
    article = outline.section("1.2")
    assert [c.text for c in article.clauses] == [
        "县级以上人民政府应当履行下列职责：", "（一）制定规划；", "（二）组织实施。", "有关部门应当予以配合。"]
    assert [(c.paragraph, c.item) for c in article.clauses] == [(1, ""), (1, "（一）"), (1, "（二）"), (2, "")]


def test_articles_before_the_first_chapter_are_found():
    outline = outline_document(_raw(
        "某某办法",
        "第一条 为了规范管理，制定本办法。",
        "第二条 本办法适用于本省。",
        "第一章 一般规定",
        "第三条 有关部门应当加强协作。",
    ))
    articles = [s for s in outline.sections if s.kind == "article"]
    assert [a.number for a in articles] == [1, 2, 3]
    assert [a.level for a in articles] == [1, 1, 2]


def test_new_media_policy_front_matter_tail_and_sections(corpus):
    outline = outline_document(read_document(NEW_MEDIA_TXT))
    assert outline.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert outline.doc_number == "国办发〔2018〕123号"
    assert outline.addressees == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert outline.tail == ("国务院办公厅", "2018年12月7日", "（此件公开发布）")
    assert _levels(outline)[1] == 5
    assert _levels(outline)[2] == 13
    # "（二）加强人员培训。各地区……" is a heading with its body on the same line.
    training = next(s for s in outline.sections if s.title == "加强人员培训")
    assert training.paragraphs[0].startswith("各地区、各部门要将政务新媒体工作纳入")


def test_gov_cn_html_gives_the_same_outline_as_its_text(corpus):
    from_txt = outline_document(read_document(NEW_MEDIA_TXT))
    from_html = outline_document(read_document(NEW_MEDIA_HTML))
    assert from_html.title == from_txt.title
    assert from_html.doc_number == from_txt.doc_number
    assert from_html.tail == from_txt.tail
    assert [(s.id, s.label, s.title, s.level) for s in from_html.sections] == \
        [(s.id, s.label, s.title, s.level) for s in from_txt.sections]
    assert [c.text for c in from_html.clauses()] == [c.text for c in from_txt.clauses()]


def test_word_generated_labels_make_headings():
    outline = outline_document(_raw(
        "示例意见",
        Paragraph("总体要求", numbering="一、"),
        Paragraph("指导思想。", numbering="（一）"),
        "坚持以人民为中心。",
        Paragraph("重点任务", numbering="二、"),
        Paragraph("推进数据共享。建设共享平台。", numbering="（一）"),
    ))
    assert [(s.id, s.label, s.title) for s in outline.sections] == [
        ("1", "一、", "总体要求"), ("1.1", "（一）", "指导思想"),
        ("2", "二、", "重点任务"), ("2.1", "（一）", "推进数据共享")]
    assert [c.text for c in outline.section("2.1").clauses] == ["建设共享平台。"]


def test_heading_styles_without_numbers_make_headings():
    outline = outline_document(_raw(
        "示例方案",
        Paragraph("工作目标", outline_level=0),
        "到2025年，基本建成一体化平台。",
        Paragraph("主要任务", outline_level=0),
        Paragraph("数据共享", outline_level=1),
        "推进数据共享。",
    ))
    assert [(s.id, s.title, s.level) for s in outline.sections] == [
        ("1", "工作目标", 1), ("2", "主要任务", 1), ("2.1", "数据共享", 2)]


def test_full_and_half_width_numbering_nest_alike():
    half = outline_document(read_text("标题\n一、总体要求\n(一)指导思想。\n1. 坚持统筹。内容。\n(1)细项。\n①要点。"))
    full = outline_document(read_text("标题\n一、总体要求\n（一）指导思想。\n１．坚持统筹。内容。\n（1）细项。\n①要点。"))
    assert [s.level for s in half.sections] == [1, 2, 3, 4, 5]
    assert [(s.id, s.level, s.title) for s in full.sections] == \
        [(s.id, s.level, s.title) for s in half.sections]


def test_inline_heads_are_items_of_their_paragraph():
    outline = outline_document(read_text(
        "标题\n一、主要任务\n围绕三个方面推进。一是加强统筹，完善机制；二是强化协同。三是抓好落实。"))
    clauses = outline.section("1").clauses
    assert [c.item for c in clauses] == ["", "一是", "二是", "三是"]


def test_a_document_without_numbering_is_split_into_paragraphs_and_says_so():
    outline = outline_document(read_text("关于某事的说明\n第一段内容。\n第二段内容。\n第三段内容。"))
    assert outline.grammar == "plain"
    assert [s.kind for s in outline.sections] == ["paragraph"] * 3
    assert any("未识别到编号" in w for w in outline.warnings)


def test_numbering_in_body_text_that_does_not_continue_is_not_a_heading():
    outline = outline_document(read_text(
        "标题\n一、总体要求\n内容。\n二、主要任务\n5. 这是正文中引用的第五点，不应当成为新的章节标题，因为它没有从1开始编号并且很长。"))
    assert [s.label for s in outline.sections] == ["一、", "二、"]


def test_attachments_and_signature_are_tail():
    outline = outline_document(read_text(
        "某某通知\n各市人民政府：\n一、工作要求\n认真落实。\n示例省人民政府\n2023年3月1日\n（此件主动公开）\n附件：1. 任务清单\n任务一"))
    assert outline.tail == ("示例省人民政府", "2023年3月1日", "（此件主动公开）", "附件：1. 任务清单", "任务一")
    assert outline.addressees == "各市人民政府："
    assert [c.text for c in outline.clauses()] == ["认真落实。"]


@pytest.mark.parametrize("name", ["policy-autonum.docx", "policy.pdf", "policy-gb18030.txt",
                                  "policy.html"])
def test_one_document_in_five_forms_gives_the_same_outline(name):
    from tests.conftest import DATA

    reference = outline_document(read_document(DATA / "policy-typed.docx"))
    other = outline_document(read_document(DATA / name))
    assert reference.grammar == "policy" and len(reference.sections) > 5
    assert (other.title, other.doc_number, other.addressees, other.tail) == \
        (reference.title, reference.doc_number, reference.addressees, reference.tail)
    assert [(s.id, s.label.replace("(", "（").replace(")", "）"), s.title, s.level)
            for s in other.sections] == \
        [(s.id, s.label, s.title, s.level) for s in reference.sections]
    assert [c.text for c in other.clauses()] == [c.text for c in reference.clauses()]
