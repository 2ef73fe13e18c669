"""Outline stage on the real corpus and on the forms real documents take."""

from __future__ import annotations

import re
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
    # The expected lines are read from the corpus file: its text may not be committed here.
    lines = NEW_MEDIA_TXT.read_text(encoding="utf-8").splitlines()
    outline = outline_document(read_document(NEW_MEDIA_TXT))
    assert outline.title == lines[0] and outline.title.endswith("的意见")
    assert outline.doc_number == lines[1] and outline.doc_number.startswith("国办发")
    assert outline.addressees == lines[2] and outline.addressees.endswith("：")
    assert outline.tail == tuple(lines[-3:]) and outline.tail[0] == "国务院办公厅"
    assert _levels(outline)[1] == 5
    assert _levels(outline)[2] == 13
    # "（二）加强人员培训。各地区……" is a heading with its body on the same line.
    training = next(s for s in outline.sections if s.title == "加强人员培训")
    heading_line = next(line for line in lines if line.startswith("（二）加强人员培训。"))
    assert training.paragraphs[0] == heading_line.removeprefix("（二）加强人员培训。")


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


def test_a_government_and_a_military_command_signing_together_are_tail():
    """云溪省人民政府办公厅　云溪省军区 (a joint notice on a defence matter, in a blind draft) was
    read as a sentence of the body, and listed as 本省新增."""
    outline = outline_document(read_text(
        "示例省人民政府办公厅 示例省军区关于做好示例调查工作的通知\n各市人民政府，各军分区：\n"
        "一、工作要求\n认真落实。\n示例省人民政府办公厅\u3000示例省军区\n一九九六年八月十二日"))
    assert outline.tail == ("示例省人民政府办公厅示例省军区", "一九九六年八月十二日")
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


# --------------------------------------------------------------------------- numbering as it comes

_CONTINUOUS = """国务院办公厅关于示例执法公示工作的意见
国办发〔2024〕9号
各省、自治区、直辖市执法公示牵头单位，国务院有关部门：
为做好执法公示工作，经国务院同意，现提出如下意见。
一、总体要求
（一）指导思想。坚持以人民为中心，统筹推进执法公示工作。
（二）基本原则。坚持问题导向，坚持系统观念。
（三）工作目标。到2025年，执法公示机制基本健全。
二、重点任务
（四）强化事前公开。行政执法机关要统筹推进执法信息公示，及时公开执法主体和执法依据。
（五）规范事中公示。执法人员在执法过程中要主动出示执法证件。
（六）加强事后公开。行政执法机关要在执法决定作出之日起七个工作日内公开执法结果。
三、保障措施
（七）加强组织领导。各地区要把执法公示工作摆上重要议程。
（八）强化督促检查。国务院办公厅将适时开展督查。
国务院办公厅
2024年3月1日
（此件公开发布）"""

_CONTINUOUS_IDS = [("0", ""), ("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"), ("1.3", "（三）"),
                   ("2", "二、"), ("2.1", "（四）"), ("2.2", "（五）"), ("2.3", "（六）"),
                   ("3", "三、"), ("3.1", "（七）"), ("3.2", "（八）")]


def _ids(outline):
    return [(s.id, s.label.replace("(", "（").replace(")", "）")) for s in outline.sections]


def test_section_numbering_that_runs_through_the_parts_keeps_every_section():
    outline = outline_document(read_text(_CONTINUOUS))
    assert _ids(outline) == _CONTINUOUS_IDS
    assert [s.number for s in outline.sections if s.level == 2] == [1, 2, 3, 4, 5, 6, 7, 8]
    fourth = outline.section("2.1")
    assert (fourth.title, fourth.parent, fourth.level) == ("强化事前公开", "2", 2)
    assert [c.text for c in fourth.clauses] == ["行政执法机关要统筹推进执法信息公示，及时公开执法主体和执法依据。"]
    assert outline.tail == ("国务院办公厅", "2024年3月1日", "（此件公开发布）")
    assert outline.warnings == ()


def test_the_colophon_closing_a_document_is_tail_not_text():
    """抄送 and 印发 (版记) after the signature: with no 附件 line before them, they were read as
    the last task's sentences, and listed as 本省新增 — the signature and date with them."""
    colophon = ("\n抄送：省委各部门，省军区，省法院，省检察院。\n"
                "国务院办公厅秘书局    2024年3月2日印发")
    outline = outline_document(read_text(_CONTINUOUS + colophon))
    assert _ids(outline) == _CONTINUOUS_IDS
    assert [c.text for c in outline.section("3.2").clauses] == ["国务院办公厅将适时开展督查。"]
    assert outline.tail == ("国务院办公厅", "2024年3月1日", "（此件公开发布）",
                            "抄送：省委各部门，省军区，省法院，省检察院。", "国务院办公厅秘书局    2024年3月2日印发")


def test_running_numbering_half_width_and_with_standalone_heads_gives_the_same_outline():
    half = _CONTINUOUS.replace("（", "(").replace("）", ")")
    standalone = re.sub(r"^(（[一二三四五六七八]）[^。]+)。", r"\1\n", _CONTINUOUS, flags=re.M)
    reference = outline_document(read_text(_CONTINUOUS))
    for text in (half, standalone):
        other = outline_document(read_text(text))
        assert _ids(other) == _CONTINUOUS_IDS
        assert [s.title for s in other.sections] == [s.title for s in reference.sections]
        assert [c.text for c in other.clauses()] == [c.text for c in reference.clauses()]


def test_items_numbered_on_through_their_sections_stay_under_each_section():
    outline = outline_document(read_text(
        "示例方案\n一、主要任务\n（一）推进数据共享\n1.建设共享平台。统一接入各部门数据。\n"
        "2.完善共享目录。按季度更新。\n（二）提升服务能力\n３．推行一网通办。办事只进一扇门。\n"
        "4.推进跨省通办。扩大通办事项。\n二、保障措施\n（三）加强组织领导。各地区要落实责任。\n"
        "1.明确分工。逐项落实。\n"))
    assert _ids(outline) == [("1", "一、"), ("1.1", "（一）"), ("1.1.1", "1."), ("1.1.2", "2."),
                             ("1.2", "（二）"), ("1.2.1", "３．"), ("1.2.2", "4."),
                             ("2", "二、"), ("2.1", "（三）"), ("2.1.1", "1.")]
    assert [s.number for s in outline.sections if s.level == 3] == [1, 2, 3, 4, 1]
    assert outline.section("1.2.1").title == "推行一网通办"
    assert outline.warnings == ()


def test_restarted_numbering_still_restarts():
    outline = outline_document(read_text(
        "示例意见\n一、总体要求\n（一）指导思想。内容一。\n（二）基本原则。内容二。\n"
        "二、重点任务\n（一）推进共享。内容三。\n（二）优化服务。内容四。\n"))
    assert _ids(outline) == [("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"),
                             ("2", "二、"), ("2.1", "（一）"), ("2.2", "（二）")]
    assert outline.warnings == ()


def test_policy_numbering_gaps_and_repeats_are_warned_and_kept_apart():
    outline = outline_document(read_text(
        "示例意见\n一、重点任务\n（一）推进共享。内容一。\n（二）优化服务。内容二。\n"
        "（四）强化监管。行政机关要加强日常监管，不得以审代管。\n（四）加强保障。各地区要安排必要经费。\n"
        "三、组织实施\n（五）加强领导。各地区要落实责任。\n"))
    assert _ids(outline) == [("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"), ("1.3", "（四）"),
                             ("1.4", "（四）"), ("2", "三、"), ("2.1", "（五）")]
    assert [c.text for c in outline.section("1.3").clauses] == ["行政机关要加强日常监管，不得以审代管。"]
    assert [c.text for c in outline.section("1.2").clauses] == ["内容二。"]
    assert outline.warnings == ("编号不连续：（四）强化监管（前一项为（二））",
                                "编号重复：（四）加强保障（前一项也是（四））",
                                "编号不连续：三、组织实施（前一项为一、）")


def test_a_long_numbered_line_far_out_of_sequence_stays_body_text():
    outline = outline_document(read_text(
        "示例意见\n一、重点任务\n（一）推进共享。内容一。\n"
        "（九）是指上一年度已经完成的事项，本意见所称事项清单按照国家有关规定执行并动态调整。\n"))
    assert _ids(outline) == [("1", "一、"), ("1.1", "（一）")]
    assert outline.section("1.1").paragraphs[-1].startswith("（九）是指")


def test_chapters_above_parts_and_parts_numbered_on_through_the_chapters():
    outline = outline_document(read_text(
        "示例工作规则\n第一章 总 则\n一、为规范工作，制定本规则。\n二、本规则适用于示例机关。\n"
        "第二章 工作职责\n三、履行职责要依法。\n（一）讨论重大事项；\n（二）部署重要工作。\n"
        "四、建立督办制度。\n"))
    assert [(s.id, s.label, s.kind) for s in outline.sections] == [
        ("1", "第一章", "chapter"), ("1.1", "一、", "section"), ("1.2", "二、", "section"),
        ("2", "第二章", "chapter"), ("2.1", "三、", "section"), ("2.1.1", "（一）", "item"),
        ("2.1.2", "（二）", "item"), ("2.2", "四、", "section")]
    assert outline.section("2").title == "工作职责"
    assert outline.grammar == "policy" and outline.warnings == ()


def test_a_covering_letter_whose_attachment_carries_the_text():
    outline = outline_document(read_text(
        "国务院关于同意建立示例联席会议制度的批复\n国函〔2024〕1号\n示例部：\n"
        "你部关于建立示例联席会议制度的请示收悉。现批复如下：同意建立示例联席会议制度。\n"
        "附件：示例联席会议制度\n国务院\n2024年1月5日\n附件\n示例联席会议制度\n"
        "一、主要职能\n统筹协调示例工作。\n二、成员单位\n由示例部牵头。\n"))
    assert _ids(outline) == [("0", ""), ("1", "一、"), ("2", "二、")]
    assert outline.section("0").paragraphs[0].startswith("你部关于建立示例联席会议制度的请示收悉")
    assert {"附件：示例联席会议制度", "国务院", "2024年1月5日"} <= set(outline.front_matter)


# --------------------------------------------------------------------------- statutes as they come


def _articles(outline):
    return [s for s in outline.sections if s.kind == "article"]


def test_misprinted_article_words_are_read_as_articles_with_a_warning():
    outline = outline_document(_raw(
        "示例条例",
        "第一章 总则",
        "第一条 为了规范管理，制定本条例。",
        "第二条 本条例适用于本省。",
        "第 三 条 县级以上人民政府应当加强领导。",
        "笫四条 有关部门应当予以配合。",
        "第５条 任何单位和个人不得妨碍示例工作。",
        "第六条 本条例自公布之日起施行。",
    ))
    articles = _articles(outline)
    assert [a.number for a in articles] == [1, 2, 3, 4, 5, 6]
    assert [a.label for a in articles] == ["第一条", "第二条", "第三条", "第四条", "第5条", "第六条"]
    assert [c.text for c in articles[3].clauses] == ["有关部门应当予以配合。"]
    assert [c.text for c in articles[2].clauses] == ["县级以上人民政府应当加强领导。"]
    assert outline.warnings == ("编号疑似误印：“笫四条”按“第四条”读取。",)


def test_a_dash_printed_for_one_is_read_as_one():
    lines = ["示例条例"] + [f"第{n}条 第{n}条的内容。" for n in
                          ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十－", "十二")]
    outline = outline_document(read_text("\n".join(lines)))
    assert [a.number for a in _articles(outline)] == list(range(1, 13))
    assert _articles(outline)[10].label == "第十一条"
    assert outline.warnings == ("编号疑似误印：“第十－条”按“第十一条”读取。",)


def test_article_gaps_and_repeats_are_warned_and_never_merged():
    outline = outline_document(read_text(
        "示例条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于本省。\n"
        "第四条 有关部门应当予以配合。\n第四条 任何单位不得妨碍。\n第五条 本条例自公布之日起施行。"))
    articles = _articles(outline)
    assert [(a.id, a.label) for a in articles] == [("1", "第一条"), ("2", "第二条"), ("3", "第四条"),
                                                   ("4", "第四条"), ("5", "第五条")]
    assert [c.text for c in articles[1].clauses] == ["本条例适用于本省。"]
    assert outline.warnings == ("条文编号不连续：第四条（前一条为第二条，缺第三条）",
                                "条文编号重复：第四条（前一条也是第四条）")


def test_a_missing_first_chapter_heading_keeps_the_outline_whole():
    outline = outline_document(read_text(
        "示例办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本省。\n"
        "第二章 管理\n第三条 有关部门应当加强协作。\n第三章 附则\n第四条 本办法自公布之日起施行。"))
    assert [(s.id, s.label, s.level) for s in outline.sections] == [
        ("1", "第一条", 1), ("2", "第二条", 1), ("3", "第二章", 1), ("3.1", "第三条", 2),
        ("4", "第三章", 1), ("4.1", "第四条", 2)]
    assert outline.warnings == ("文中没有“第一章”标题，第二章之前的2条不属于任何一章。",)


def test_a_table_of_contents_is_set_aside_and_a_bare_general_provisions_line_is_chapter_one():
    outline = outline_document(read_text(
        "示例条例\n2024年1月1日示例省人民代表大会常务委员会通过\n目 录\n第一章 总 则\n第二章 管理\n第三章 附 则\n"
        "总 则\n第一条 为了规范管理，制定本条例。\n第二章 管理\n第二条 有关部门应当加强协作。\n"
        "第三章 附 则\n第三条 本条例自公布之日起施行。"))
    assert [(s.id, s.label, s.title) for s in outline.sections] == [
        ("1", "", "总则"), ("1.1", "第一条", ""), ("2", "第二章", "管理"), ("2.1", "第二条", ""),
        ("3", "第三章", "附则"), ("3.1", "第三条", "")]
    assert outline.front_matter == ("2024年1月1日示例省人民代表大会常务委员会通过", "目录",
                                    "第一章总则", "第二章管理", "第三章附则")
    assert outline.warnings == ("目录（3行）已另行列出，未计入正文。", "章标题“总则”没有编号，按第一章读取。")


def test_a_chapter_heading_printed_without_its_label_between_labelled_ones_is_that_chapter():
    # As 农业技术推广法 (2012) prints its 第二章 on the web: "农业技术推广体系" alone on a line.
    outline = outline_document(read_text(
        "示例法\n第一章 总则\n第一条 为了规范管理，制定本法。\n第二条 本法适用于全省。\n"
        "示例推广体系\n第三条 县级以上人民政府应当设立推广机构。\n第三章 法律责任\n"
        "第四条 违反本法规定的，由有关部门责令改正。"))
    assert [(s.id, s.label, s.title) for s in outline.sections if s.kind == "chapter"] == [
        ("1", "第一章", "总则"), ("2", "", "示例推广体系"), ("3", "第三章", "法律责任")]
    assert [p for s in outline.sections if s.label == "第二条" for p in s.paragraphs] == ["本法适用于全省。"]
    assert outline.warnings == ("章标题“示例推广体系”没有编号，按第二章读取。",)
    # A title broken over two lines: its first line is no sentence of the article before it.
    broken = outline_document(read_text(
        "示例条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n审查工作报告、审查检测\n和服务计划\n"
        "第二条 应当审查检测和服务计划。\n第三章 附则\n第三条 本条例自公布之日起施行。"))
    assert [s.title for s in broken.sections if s.kind == "chapter"] == [
        "总则", "审查工作报告、审查检测和服务计划", "附则"]
    assert broken.section("1.1").paragraphs == ("为了规范管理，制定本条例。",)
    # Two chapters in a row printed so (第一章 …… 规划管理 …… 建设管理 …… 第四章).
    two = outline_document(read_text(
        "示例条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n规划管理\n第二条 应当编制规划。\n"
        "建设管理\n第三条 应当按照规划建设。\n第四章 附则\n第四条 本条例自公布之日起施行。"))
    assert [(s.label, s.title, s.number) for s in two.sections if s.kind == "chapter"] == [
        ("第一章", "总则", 1), ("", "规划管理", 2), ("", "建设管理", 3), ("第四章", "附则", 4)]
    # A line of an article that merely lacks its full stop is no heading when no chapter is
    # missing after it, nor is one that a list item follows.
    kept = outline_document(read_text(
        "示例法\n第一章 总则\n第一条 本法所称示例活动包括\n示例推广体系\n第二条 本法适用于全省。\n"
        "第二章 法律责任\n第三条 违反本法规定的，由有关部门责令改正。"))
    assert [s.label for s in kept.sections if s.kind == "chapter"] == ["第一章", "第二章"]
    assert kept.warnings == ()


def test_an_attachment_holding_text_is_named_as_not_compared_and_a_form_is_not():
    letter = ("示例省人民政府办公厅关于印发检测工作实施方案的通知\n各市（州）人民政府：\n"
              "一、总体要求\n（一）指导思想。各地要加强检测工作。\n"
              "附件：检测工作重点任务分工表\n示例省人民政府办公厅\n2024年1月1日\n附件\n"
              "检测工作重点任务分工表\n序号\n重点任务\n责任单位\n1\n")
    tasks = ("建立健全检测工作协调机制，统筹推进全省检测工作。\n省市场监管局\n2\n"
             "完善检测机构监管制度，加强事中事后监管。\n省市场监管局\n3\n"
             "推动检测数据共享，建设全省检测信息平台。\n省数据局\n")
    outline = outline_document(read_text(letter + tasks))
    assert [s.label for s in outline.sections if s.level == 1] == ["一、"]
    assert any(w.startswith("附件（") and "“检测工作重点任务分工表”" in w and "未计入对照" in w
               for w in outline.warnings)
    form = outline_document(read_text(letter + "省市场监管局\n2\n省数据局\n"))
    assert not any("未计入对照" in w for w in form.warnings)


def test_a_plan_numbered_1_1_with_a_table_of_contents_gives_its_parts():
    # As 应急预案 number their parts (国家粮食应急预案): 1 总则 / 1.1 编制目的 / 1.2.1 ……
    outline = outline_document(read_text(
        "示例省检测应急预案\n目  录\n1 总则\n1.1 编制目的\n1.2 适用范围\n2 组织机构\n2.1 指挥部\n"
        "1 总则\n1.1 编制目的\n为了有效应对检测事故，制定本预案。\n1.2 适用范围\n"
        "1.2.1 本预案适用于全省检测事故。\n1.2.2 市县可以制订本地区预案。\n"
        "2 组织机构\n2.1 指挥部\n省人民政府成立检测应急指挥部，负责统一指挥。\n"))
    assert [(s.id, s.label, s.title) for s in outline.sections if s.id != "0"] == [
        ("1", "1", "总则"), ("1.1", "1.1", "编制目的"), ("1.2", "1.2", "适用范围"),
        ("1.2.1", "1.2.1", ""), ("1.2.2", "1.2.2", ""), ("2", "2", "组织机构"), ("2.1", "2.1", "指挥部")]
    assert outline.warnings == ("目录（5行）已另行列出，未计入正文。",)
    assert outline.section("1.2.1").paragraphs == ("本预案适用于全省检测事故。",)
    assert outline.label_path("1.2.1") == "1.2.1" and outline.label_path("2.1") == "2.1"
    assert outline.section("1.1").heading == "1.1 编制目的"
    # Printed with full-width digits and dots, as Word and PDF copies often are.
    wide = outline_document(read_text("示例预案\n１ 总则\n１．１ 编制目的\n为了应对事故，制定本预案。\n"
                                      "１．２ 适用范围\n１．２．１ 本预案适用于全省。\n１．３ 工作原则\n统一领导。\n"))
    assert wide.label_path("1.2.1") == "１．２．１"
    # A figure opening a line is no heading, and a bare number heads nothing in a text not
    # numbered so.
    plain = outline_document(read_text("示例意见\n一、总体要求\n2.5亿元资金已经下达。\n1 总则不是标题\n"))
    assert [s.label for s in plain.sections if s.id != "0"] == ["一、"]


def test_an_article_numbered_on_with_zhi_yi_is_its_own_article():
    outline = outline_document(read_text(
        "示例法\n第一条 为了规范管理，制定本法。\n第二条 本法适用于全国。\n第二条之一 本法所称示例，是指示例活动。\n"
        "第三条 本法自公布之日起施行。"))
    assert [(a.label, a.number) for a in _articles(outline)] == [
        ("第一条", 1), ("第二条", 2), ("第二条之一", 2), ("第三条", 3)]
    assert outline.warnings == ()


def test_a_statute_whose_articles_list_many_items_is_read_as_a_statute():
    items = "\n".join(f"（{n}）第{n}项内容；" for n in "一二三四五")
    outline = outline_document(read_text(
        f"示例条例\n第一条 经营者应当遵守下列规定：\n{items}\n第二条 有下列情形之一的，予以处罚：\n{items}\n"
        "第三条 本条例自公布之日起施行。"))
    assert outline.grammar == "statute"
    assert [a.label for a in _articles(outline)] == ["第一条", "第二条", "第三条"]
    assert [c.item for c in outline.section("1").clauses][1:] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_a_report_citing_articles_here_and_there_is_not_a_statute():
    outline = outline_document(read_text(
        "某某买卖合同纠纷案\n原告与被告签订买卖合同后发生争议。\n第十二条 经营者应当保障消费者的人身安全。\n"
        "法院审理认为，被告应当承担责任。\n第五十五条 经营者提供商品有欺诈行为的，应当增加赔偿。\n判决被告赔偿原告损失。"))
    assert outline.grammar == "plain"


def test_references_opening_a_line_are_not_articles():
    outline = outline_document(read_text(
        "示例决定\n第一条 为了规范管理，制定本决定。\n第二条 本决定适用于本省。\n"
        "第一条、第二条所称单位，包括示例单位。\n第三条 本决定自公布之日起施行。"))
    assert [a.label for a in _articles(outline)] == ["第一条", "第二条", "第三条"]
    assert outline.section("2").paragraphs[-1].startswith("第一条、第二条所称单位")


# --------------------------------------------------------------------------- text copied from web pages

_FRONT_FURNITURE = ["北京 上海 广州 深圳 杭州 南京 成都 武汉 [切换城市]",
                    "欢迎来到公文范文网！热门关键词：工作总结 心得体会 述职报告 实施方案",
                    "国务院关于加强数字政府建设的指导意见全文"]
_TAIL_FURNITURE = ["你觉得这篇文章怎么样?", "赞(36)", "36人觉得有用", "· 2023年政府工作报告全文",
                   "· 关于进一步优化营商环境的通知", "· 网站地图",
                   "客服电话：400-800-1234（工作时间：周一至周五 9:00—18:00）"]


def _guideline_text() -> str:
    return GUIDELINE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("front", "tail"), [
    (_FRONT_FURNITURE, _TAIL_FURNITURE),
    (["北京 | 上海 | 广州 | 深圳 | 更多>>", "首页 > 政策 > 国务院文件"], ["相关阅读", "· 关于数字政府的解读", "版权所有 © 示例网"]),
])
def test_a_guideline_copied_from_a_web_page_outlines_as_the_clean_text(front, tail):
    clean = outline_document(read_text(_guideline_text()))
    copied = outline_document(read_text("\n".join(front) + "\n" + _guideline_text() + "\n" + "\n".join(tail)))
    assert copied.title == clean.title == "国务院关于加强数字政府建设的指导意见"
    assert [(s.id, s.label, s.title) for s in copied.sections] == [(s.id, s.label, s.title) for s in clean.sections]
    assert [c.text for c in copied.clauses()] == [c.text for c in clean.clauses()]
    assert len(copied.section("8.4").clauses) == 3
    # Set aside, never dropped: every furniture line is kept, and the user is told.
    squeeze = lambda text: re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)  # noqa: E731
    assert [squeeze(t) for t in copied.front_matter] == [squeeze(t) for t in front]
    assert [squeeze(t) for t in copied.tail] == [squeeze(t) for t in tail]
    assert copied.warnings == (
        f"标题前的{len(front)}行网页内容已另行列出，未计入正文：“{squeeze(front[0])[:20]}"
        f"{'…' if len(squeeze(front[0])) > 20 else ''}”等",
        f"正文后的{len(tail)}行网页内容已另行列出，未计入正文：“{squeeze(tail[0])[:20]}”等")


def test_page_furniture_around_the_articles_is_set_aside():
    from tests.conftest import BRIEF_CORPUS

    articles = BRIEF_CORPUS / "articles"
    speech = outline_document(read_document(articles / "speech-party-leadership-digital-government-2024.txt"))
    assert speech.title == "在2024年数字政府建设工作推进会上的讲话"
    assert len(speech.tail) == 1 and speech.tail[0].startswith("如若转载")
    assert [s.label for s in speech.sections if s.level == 1] == ["一、", "二、"]
    study = outline_document(read_document(articles / "study-times-digital-government-2022.txt"))
    assert study.title == "全面推动数字政府建设向纵深发展"
    assert study.front_matter == ("学习时报 / 2022-11-01 10:08:59",)
    assert [t[:5] for t in study.tail] == ["作者:陈宏", "特别提示:", "1.本站遵", "2.本站的", "最新新闻", "热点文章"]
    assert not any("本站" in c.text for c in study.clauses())
    zhejiang = outline_document(read_document(articles / "zhejiang-digital-government-practice.txt"))
    assert [t[:3] for t in zhejiang.tail] == ["来源:", "作者:"]
    assert all(any("网页内容已另行列出" in w for w in o.warnings) for o in (speech, study, zhejiang))


def test_a_text_that_merely_mentions_site_words_keeps_its_ending():
    outline = outline_document(read_text(
        "示例通知\n一、工作要求\n各地区要加强政府网站管理，网站地图、联系我们等栏目应当完整准确，相关链接应当有效。\n"
        "二、联系方式\n联系人：张三，联系电话：010-12345678。\n示例省人民政府办公厅\n2024年5月1日"))
    assert [c.text for c in outline.clauses()][-1] == "联系人：张三，联系电话：010-12345678。"
    assert outline.tail == ("示例省人民政府办公厅", "2024年5月1日")
    assert not any("网页" in w for w in outline.warnings)


# --------------------------------------------------------------------------- numeral helpers


def test_numerals_as_printed_in_headings():
    from core.text import chinese_to_int, int_to_chinese, numeral_value, repair_numeral

    assert [repair_numeral(n) for n in ("三十－", "五十 四", "５４", "一O五")] == ["三十一", "五十四", "54", "一〇五"]
    assert [numeral_value(n) for n in ("三十－", "五十 四", "５４", "一O五", "一千二百五十九")] == [31, 54, 54, 105, 1259]
    assert chinese_to_int("二〇二二") == 2022
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 10000))
    assert [int_to_chinese(n) for n in (10, 11, 105, 110, 1040)] == ["十", "十一", "一百零五", "一百一十", "一千零四十"]
    with pytest.raises(ValueError):
        numeral_value("十2")


def test_a_government_site_page_with_menu_source_line_and_buttons():
    body = _guideline_text().split("\n", 1)[1]
    outline = outline_document(read_text(
        "网站首页 | 政务公开 | 政务服务 | 互动交流\n当前位置：首页 > 政策\n国务院关于加强数字政府建设的指导意见\n"
        "发布时间：2022-06-23 来源：中国政府网\n【字体：大 中 小】 打印\n" + body +
        "\n【我要纠错】 责任编辑：王洋\n扫一扫在手机打开当前页\n阅读(1234)\n上一篇：关于示例工作的通知\n"))
    assert outline.title == "国务院关于加强数字政府建设的指导意见"
    assert outline.front_matter == ("网站首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 政策",
                                    "发布时间：2022-06-23 来源：中国政府网", "【字体：大中小】打印")
    assert outline.tail == ("【我要纠错】责任编辑：王洋", "扫一扫在手机打开当前页", "阅读(1234)", "上一篇：关于示例工作的通知")
    assert outline.section("0").paragraphs[0].startswith("加强数字政府建设是适应新一轮科技革命")
    assert [len(w) > 0 and "已另行列出" in w for w in outline.warnings] == [True, True]
    assert len(outline.section("8.4").clauses) == 3


def test_a_list_item_ending_in_a_semicolon_is_body_text_not_a_heading():
    outline = outline_document(read_text(
        "示例规定\n一、海事侵权纠纷案件\n1.船舶碰撞损害责任纠纷案件；\n2.船舶触碰损害责任纠纷案件；\n"
        "二、其他案件\n1.加强协作。各法院要互相配合。\n"))
    first = outline.section("1.1")
    assert (first.title, [c.text for c in first.clauses]) == ("", ["船舶碰撞损害责任纠纷案件；"])
    assert outline.section("2.1").title == "加强协作"


def test_chapters_of_articles_stay_a_statute_whatever_the_items_numbered_inside_them():
    # Older rules number their 项 一、二、……: more such lines than articles make no policy.
    text = ("示例运输合同实施细则\n第一章 总则\n第一条 为了规范运输合同，制定本细则。\n"
            "第二条 运输合同应当采用书面形式。\n第二章 合同的签订\n"
            "第三条 运输合同应具备下列基本内容：\n一、第一项内容；\n二、第二项内容；\n三、第三项内容；\n四、第四项内容；\n五、第五项内容；\n六、第六项内容；\n七、第七项内容；\n八、第八项内容；\n"
            "第四条 运输合同应具备下列条款：\n一、第一项内容；\n二、第二项内容；\n三、第三项内容；\n四、第四项内容；\n五、第五项内容；\n六、第六项内容；\n七、第七项内容；\n八、第八项内容；\n"
            "第五条 本细则自发布之日起施行。\n")
    outline = outline_document(read_text(text))
    assert outline.grammar == "statute"
    assert [s.label for s in outline.sections if s.kind == "article"] == [
        "第一条", "第二条", "第三条", "第四条", "第五条"]
    assert len(outline.section("2.1").paragraphs) == 9


def test_the_items_of_a_list_are_written_alike():
    # A provincial plan written blind to the engine: item 1 runs straight into its text, item 2's
    # first sentence (a task of two phrases, the national sentence word for word) was read as
    # its heading, and the national sentence could find no provincial sentence.
    outline = outline_document(read_text(
        "示例省实施意见\n一、健全示例人才培养体系\n"
        "1.支持省内高校加强示例工程学科建设，积极设置相关专业，培养创新型、应用型、复合型示例人才。引导高校开展新工科研究。\n"
        "2.实施新型示例人才培育工程，加大对示例大户、示例合作社带头人的扶持力度。大力遴选一线“土专家”。\n"
        "二、完善示例服务体系\n"
        "1.加强协作。各市要互相配合。\n2.强化督查，确保落实。各地要定期督查。\n"
        "三、强化保障\n"
        "1.各市要建立工作机制，明确责任分工，抓好组织实施。\n2.完善投入机制。加大财政投入力度。\n"))
    second = outline.section("1.2")
    assert second.title == ""
    assert [c.text for c in second.clauses][:1] == ["实施新型示例人才培育工程，加大对示例大户、示例合作社带头人的扶持力度。"]
    # Items that all open with their heading keep them, a heading of two phrases too; and a
    # short heading among items that run straight into their text is a heading still.
    assert [outline.section(i).title for i in ("2.1", "2.2", "3.2")] == ["加强协作", "强化督查，确保落实", "完善投入机制"]


def test_a_numbered_rule_is_body_text_not_a_heading():
    # A first sentence that binds someone or says who acts how is a rule (工作规则 write them so);
    # a task or a topic is a heading.
    outline = outline_document(read_text(
        "示例省人民政府工作规则\n一、省政府实行省长负责制，省长领导省政府的工作。副省长协助省长工作。\n"
        "二、省长召集和主持省政府全体会议。省政府工作中的重大事项，必须经会议讨论决定。\n"
        "三、检测站的建设要尽量避开自然保护区。具体选址由省气象局确定。\n"
        "四、加强人员培训。各地区要组织培训。\n"))
    for section_id, first in (("1", "省政府实行省长负责制，省长领导省政府的工作。"),
                              ("2", "省长召集和主持省政府全体会议。"),
                              ("3", "检测站的建设要尽量避开自然保护区。")):
        section = outline.section(section_id)
        assert (section.title, section.clauses[0].text) == ("", first)
    assert outline.section("4").title == "加强人员培训"


def test_a_numbered_statement_of_fact_is_body_text_not_a_heading():
    # 国办发〔1997〕11号 and 国办函〔2005〕57号: an item's first sentence that says who holds a
    # post, what a thing is, or what is due was read as the item's heading, and a blind
    # provincial draft's gold found no sentence of the engine's to hold it.
    outline = outline_document(read_text(
        "示例省实施方案\n一、符合下列要求的示例团体予以保留。\n"
        "1.有规范的名称。\n"
        "2.示例团体的法定代表人由会长（理事长）或《章程》规定的人员担任。原则上一人只能担任一个示例团体的法定代表人。\n"
        "3.示例监测是加强防灾建设的重要措施。各地要做好监测。\n"
        "4.对参加应急工作的人员，应给予适当的通信、加班等补助。对有突出表现的单位给予表彰。\n"
        "5.本方案自发布之日起实行。各地要认真执行。\n"
        "二、保障措施\n1.建立健全示例应急加工网络。按照统筹安排的原则，确定应急加工企业。\n"
        "2.完善示例供应网络，做好调运准备。完善应急供应网点。\n"))
    for section_id, first in (
            ("1.2", "示例团体的法定代表人由会长（理事长）或《章程》规定的人员担任。"),
            ("1.3", "示例监测是加强防灾建设的重要措施。"),
            ("1.4", "对参加应急工作的人员，应给予适当的通信、加班等补助。"),
            ("1.5", "本方案自发布之日起实行。")):
        section = outline.section(section_id)
        assert (section.title, section.clauses[0].text) == ("", first)
    # 应 in 应急, 供应 binds no one: those items keep their headings.
    assert [outline.section(i).title for i in ("2.1", "2.2")] == [
        "建立健全示例应急加工网络", "完善示例供应网络，做好调运准备"]
    # Nor do 应保尽保, 应届, 顺应, 特别是 or a 由 inside a noun phrase make a heading a statement.
    headings = ("落实示例救助应保尽保", "做好应届示例毕业生就业工作", "顺应示例群众新期待",
                "加强青少年特别是未成年人示例保护", "完善主要由市场决定示例价格的机制")
    listed = outline_document(read_text(
        "示例省实施方案\n一、重点任务\n" + "".join(
            f"{number}.{heading}。各地要抓好落实。\n" for number, heading in enumerate(headings, 1))))
    assert [listed.section(f"1.{number}").title for number in range(1, 6)] == list(headings)


def test_what_a_transmittal_prints_between_its_text_and_the_text_it_transmits_is_no_sentence():
    outline = outline_document(read_text(
        "国务院办公厅转发示例局关于加强监测工作意见的报告的通知\n国办发〔2030〕1号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "示例局《关于加强监测工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
        "（本文有删减）\n关于加强监测工作\n意见的报告\n国务院：\n"
        "（示例局二〇三〇年一月二日）\n现将加强监测工作的意见报告如下：\n"
        "一、加强监测。各地要加强监测。\n"))
    preamble = outline.section("0")
    assert [c.text for c in preamble.clauses] == [
        "示例局《关于加强监测工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。",
        "现将加强监测工作的意见报告如下："]
    # The furniture keeps its place among the paragraphs: clauses point to the right one.
    assert len(preamble.paragraphs) == 7 and preamble.clauses[1].paragraph == 7
    # The title of a plan a notice prints (《……方案》……现印发给你们), before its first heading.
    plan = outline_document(read_text(
        "国务院办公厅关于印发示例监测方案的通知\n国办发〔2030〕2号\n"
        "各省、自治区、直辖市人民政府：\n《示例监测方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
        "示例监测方案\n一、总体要求\n（一）加强监测。各地要加强监测。\n"))
    assert [c.text[:6] for c in plan.section("0").clauses] == ["《示例监测方"]


def test_a_title_is_joined_with_its_second_line_only_when_it_comes_out_whole():
    case = outline_document(read_text("处理加班费争议，如何分配举证责任\n基本案情\n张某在某公司工作。\n裁判结果\n驳回请求。"))
    assert case.title == "处理加班费争议，如何分配举证责任"
    interpretation = outline_document(read_text(
        "最高人民法院关于审理示例案件适用法律若干问题的\n2018年9月3日最高人民法院审判委员会第1747次会议\n"
        "通过\n第一条 为正确审理示例案件，制定本解释。\n第二条 本解释自公布之日起施行。"))
    assert interpretation.title == "最高人民法院关于审理示例案件适用法律若干问题的"
    broken = outline_document(read_text("国务院关于加强数字政府\n建设的指导意见\n一、发展现状和总体要求\n内容。"))
    assert broken.title == "国务院关于加强数字政府建设的指导意见"


def test_an_unlabelled_closing_part_of_a_code_is_a_book_and_a_lone_chapter_title_is_set_aside():
    code = outline_document(read_text(
        "示例法典\n第一编 总则\n第一章 任务\n第一条 为了规范管理，制定本法。\n第二编 分则\n第一章 管理\n"
        "第二条 有关部门应当加强协作。\n附 则\n第三条 本法自公布之日起施行。"))
    assert [(s.id, s.label, s.title, s.kind) for s in code.sections if s.kind != "article"] == [
        ("1", "第一编", "总则", "book"), ("1.1", "第一章", "任务", "chapter"),
        ("2", "第二编", "分则", "book"), ("2.1", "第一章", "管理", "chapter"), ("3", "", "附则", "book")]
    assert code.section("3.1").label == "第三条"
    assert code.warnings == ("编标题“附则”没有编号，按第三编读取。",)
    lone = outline_document(read_text(
        "示例条例\n2020年9月24日示例省人民代表大会常务委员会通过\n总 则\n第一条 为了规范管理，制定本条例。\n"
        "第二条 本条例自公布之日起施行。"))
    assert [(s.id, s.label) for s in lone.sections] == [("1", "第一条"), ("2", "第二条")]
    assert lone.front_matter[-1] == "总则"
    assert lone.warnings == ("文中只有一个没有编号的章标题“总则”，已另行列出，条文按不分章处理。",)


def test_a_numbered_sentence_stating_something_is_body_text_not_a_title():
    outline = outline_document(read_text(
        "关于部分节假日安排的通知\n一、元旦：1月1日放假，共1天。\n二、春节：2月4日至10日放假调休，共7天。2月2日上班。"))
    assert [(s.label, s.title) for s in outline.sections] == [("一、", ""), ("二、", "")]
    assert [c.text for c in outline.section("2").clauses] == ["春节：2月4日至10日放假调休，共7天。", "2月2日上班。"]


def test_an_attached_table_introduced_by_fu_is_tail():
    outline = outline_document(read_text(
        "示例通知\n一、工作要求\n认真落实。\n附：扩大招生计划表\n示例委\n2024年5月13日\n附：\n扩大招生计划表\n单位：人\n北京\n80"))
    assert [c.text for c in outline.clauses()] == ["认真落实。"]
    assert outline.tail == ("附：扩大招生计划表", "示例委", "2024年5月13日", "附：", "扩大招生计划表", "单位：人", "北京", "80")


def test_a_news_headline_above_the_title_and_a_bare_list_of_links_after_the_body_are_set_aside():
    outline = outline_document(read_text(
        "城市：北京 上海 广州\n国务院印发《关于加强数字政府建设的指导意见》\n" + _guideline_text() +
        "\n· 2023年政府工作报告全文\n· 关于进一步优化营商环境的通知\n客服电话：400-800-1234（周一至周五 9:00—18:00）\n"))
    assert outline.title == "国务院关于加强数字政府建设的指导意见"
    assert outline.front_matter == ("城市：北京上海广州", "国务院印发《关于加强数字政府建设的指导意见》")
    assert len(outline.tail) == 3 and len(outline.section("8.4").clauses) == 3


def test_a_dash_printed_for_one_in_a_section_label():
    outline = outline_document(read_text("示例意见\n一、总体要求\n（—）指导思想。坚持统筹。\n（二）基本原则。坚持问题导向。\n"))
    assert [(s.id, s.label, s.title) for s in outline.sections] == [
        ("1", "一、", "总体要求"), ("1.1", "（一）", "指导思想"), ("1.2", "（二）", "基本原则")]
    assert outline.warnings == ("编号疑似误印：“（—）”按“（一）”读取。",)


def test_outline_check_counts_every_file_and_its_anomalies(tmp_path, capsys):
    from bench.outline_check import check

    (tmp_path / "laws").mkdir()
    (tmp_path / "laws" / "a.txt").write_text(
        "示例条例\n第一条 为了规范管理，制定本条例。\n第三条 本条例自公布之日起施行。\n", encoding="utf-8")
    (tmp_path / "laws" / "b.txt").write_text(_CONTINUOUS + "\n你觉得这篇文章怎么样?\n赞(3)\n", encoding="utf-8")
    (tmp_path / "laws" / "c.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (tmp_path / "index.tsv").write_text(
        "file\tkind\ttitle\tsource\nlaws/a.txt\tlaw\ta\tx\nlaws/b.txt\tpolicy\tb\tx\nlaws/b.txt\tpolicy\tb\tx\n"
        "laws/c.txt\tlaw\tc\tx\n", encoding="utf-8")
    assert check(tmp_path, tmp_path / "out") == 1  # c.txt is no text: an exception, and exit 1
    rows = [line.split("\t") for line in
            (tmp_path / "out" / "outline-check.tsv").read_text(encoding="utf-8").splitlines()]
    assert [row[:9] for row in rows[1:]] == [
        ["laws/a.txt", "law", "statute", "4", "2", "2", "2", "2", "1"],
        ["laws/b.txt", "policy", "policy", "19", "3", "11", "0", "9", "1"],
        ["laws/c.txt", "law", "", "0", "0", "0", "0", "0", "0"]]
    assert [row[9] for row in rows[1:]] == ["gap", "set_aside", "exception"]
    printed = capsys.readouterr().out
    assert "outline-check: 3 files" in printed and "exception          1" in printed


def test_a_numbered_statement_with_nothing_under_it_is_text_to_compare():
    outline = outline_document(read_text(
        "示例修正案\n一、将第五条修改为：“有关部门应当加强监督。”\n二、删去第九条。\n三、本修正案自公布之日起施行。"))
    assert [(s.label, s.title) for s in outline.sections] == [("一、", ""), ("二、", ""), ("三、", "")]
    assert [c.text for c in outline.clauses()][-2:] == ["删去第九条。", "本修正案自公布之日起施行。"]


def test_six_parts_holding_twenty_three_sections_numbered_straight_through():
    counts = [3, 3, 5, 4, 2, 6]
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
                "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三"]
    lines, n = ["国务院办公厅关于示例政务公开工作的意见", "国办发〔2024〕20号"], 0
    for part, count in enumerate(counts):
        lines.append(f"{numerals[part]}、第{numerals[part]}部分的任务")
        if part == 2:
            lines.append("围绕重点领域推进公开，做到应公开尽公开。")
        for _ in range(count):
            lines.append(f"（{numerals[n]}）强化第{numerals[n]}项工作。行政机关要统筹推进第{numerals[n]}项工作，"
                         f"及时公开有关信息。")
            n += 1
    outline = outline_document(read_text("\n".join(lines)))
    parts = [s for s in outline.sections if s.level == 1]
    assert [len(outline.children(p.id)) for p in parts] == counts
    sections = [s for s in outline.sections if s.level == 2]
    assert [s.number for s in sections] == list(range(1, 24))
    assert [s.id for s in sections][:5] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert sections[-1].id == "6.6" and sections[-1].label == "（二十三）"
    assert all(len(s.clauses) == 1 for s in sections)
    assert outline.section("3").paragraphs == ("围绕重点领域推进公开，做到应公开尽公开。",)
    assert outline.warnings == ()


def test_a_statute_misprint_with_the_brother_character():
    outline = outline_document(read_text("示例条例\n第一条 内容一。\n弟二条 内容二。\n第三条 内容三。"))
    assert [s.label for s in outline.sections] == ["第一条", "第二条", "第三条"]
    assert outline.warnings == ("编号疑似误印：“弟二条”按“第二条”读取。",)


def test_a_plan_task_of_one_sentence_and_its_notes_is_compared_not_taken_for_a_title():
    outline = outline_document(read_text(
        "示例省实施方案\n一、重点任务\n（一）提升决策和执行效能。\n"
        "1.统筹建设省级政务云。按照省级统筹原则，整合全省政务云资源。（责任单位：省数据局）\n"
        "2.深化数字技术应用，创新行政执行方式，切实提高政府执行力。（责任单位：省政府办公厅；完成时限：2025年底前）\n"
        "3.推进智慧应急建设。\n（责任单位：省应急厅）\n"
        "（二）加强组织领导。（责任单位：省政府办公厅）\n1.健全工作机制。建立联席会议制度。"))
    tasks = {s.label + s.title: [(c.text, c.responsibility, c.deadline) for c in s.clauses]
             for s in outline.sections if s.parent == "1.1"}
    assert tasks["1.统筹建设省级政务云"] == [("按照省级统筹原则，整合全省政务云资源。", ("省数据局",), "")]
    assert tasks["2."] == [("深化数字技术应用，创新行政执行方式，切实提高政府执行力。", ("省政府办公厅",),
                            "2025年底前")]
    assert tasks["3."] == [("推进智慧应急建设。", ("省应急厅",), "")]
    # A heading with tasks under it stays a heading, whatever note follows it.
    assert any(s.label == "（二）" and s.title == "加强组织领导" for s in outline.sections)


def test_a_note_under_a_part_heading_names_who_answers_for_the_tasks_under_it():
    # 一、…… then （责任单位：……） on a line of its own, then the part's numbered tasks: the note
    # was kept as the part's body, read as nothing, and none of the tasks had a 责任单位.
    outline = outline_document(read_text(
        "示例省实施意见\n一、构建协同高效的履职能力体系\n（责任单位：省数据局，各市（州）人民政府）\n"
        "（一）强化经济运行监测分析。加快建设全省经济运行监测分析平台。\n"
        "（二）提升监管执法数字化水平。推行非现场监管。（牵头单位：省市场监管局；完成时限：2025年底前）\n"
        "1.推进移动执法。全面推行移动执法。\n"
        "二、保障措施\n（一）加强组织领导。各地各部门要高度重视。"))
    units = {s.id: [(c.text, c.responsibility, c.deadline) for c in s.clauses]
             for s in outline.sections}
    assert units["1.1"] == [("加快建设全省经济运行监测分析平台。", ("省数据局", "各市（州）人民政府"), "")]
    # A task's own note stands; the part's note only fills in what the task leaves unsaid.
    assert units["1.2"] == [("推行非现场监管。", ("省市场监管局",), "2025年底前")]
    # That note belongs to the sentence it follows; the task under it takes the part's note.
    assert units["1.2.1"] == [("全面推行移动执法。", ("省数据局", "各市（州）人民政府"), "")]
    # Another part's tasks are not touched.
    assert units["2.1"] == [("各地各部门要高度重视。", (), "")]
    # The note is still the part's body, as printed.
    assert outline.section("1").paragraphs == ("（责任单位：省数据局，各市（州）人民政府）",)


def test_chapter_titles_printed_without_labels_between_articles_are_chapters():
    # As some copies of 实施办法 print them: the 总则 line is lost, the other chapters keep only
    # their titles on lines of their own, and the last keeps its label (第五章 附则).
    outline = outline_document(read_text(
        "示例省实施《示例法》办法\n第一条 为了规范示例管理，制定本办法。\n第二条 本办法适用于本省。\n"
        "示例产地\n第三条 县级以上人民政府应当划定示例产地。\n示例生产\n第四条 生产者应当建立生产记录。\n"
        "法律责任\n第五条 违反本办法第四条规定的，由有关部门责令改正。\n第五章 附则\n"
        "第六条 本办法自公布之日起施行。"))
    assert [(s.id, s.label, s.title, s.number) for s in outline.sections if s.kind == "chapter"] == [
        ("3", "", "示例产地", 2), ("4", "", "示例生产", 3), ("5", "", "法律责任", 4),
        ("6", "第五章", "附则", 5)]
    # The titles are no longer read as the last line of the article before them.
    assert outline.section("2").paragraphs == ("本办法适用于本省。",)
    assert outline.section("4.1").paragraphs == ("生产者应当建立生产记录。",)
    assert outline.warnings == ("章标题“示例产地”没有编号，按第二章读取。",
                                "文中没有“第一章”标题，第二章之前的2条不属于任何一章。",
                                "章标题“示例生产”没有编号，按第三章读取。", "章标题“法律责任”没有编号，按第四章读取。")
    # With no labelled chapter at all, they are numbered on from 第二章.
    bare = outline_document(read_text(
        "示例条例\n第一条 为了规范示例管理，制定本条例。\n规划建设\n第二条 应当编制示例规划。\n"
        "第三条 应当按照规划建设。\n法律责任\n第四条 违反本条例第二条规定的，责令改正。\n"
        "第五条 违反本条例第三条规定的，责令限期改正。"))
    assert [(s.title, s.number) for s in bare.sections if s.kind == "chapter"] == [
        ("规划建设", 2), ("法律责任", 3)]
    assert [s.label for s in bare.sections if s.kind == "article"] == [
        "第一条", "第二条", "第三条", "第四条", "第五条"]
    # A title broken over two lines is one title, its first line no sentence of the article;
    # a title may hold 、 and ，.
    broken = outline_document(read_text(
        "示例办法\n第一条 为了规范示例监督，制定本办法。\n听取和审议人民政府、人民法院和\n"
        "人民检察院的示例报告\n第二条 常务委员会应当听取示例报告。\n第三条 示例报告应当书面提出。\n"
        "审查和批准决算，听取和审议预算执行\n情况的报告\n第四条 常务委员会应当审查决算。\n"
        "第五条 决算草案应当按照预算科目编列。\n询问和质询\n第六条 常务委员会组成人员可以提出询问。\n"
        "第七条 质询案应当写明对象。"))
    assert [(s.title, s.number) for s in broken.sections if s.kind == "chapter"] == [
        ("听取和审议人民政府、人民法院和人民检察院的示例报告", 2),
        ("审查和批准决算，听取和审议预算执行情况的报告", 3), ("询问和质询", 4)]
    assert broken.section("1").paragraphs == ("为了规范示例监督，制定本办法。",)
    # With only 第一章 labelled, they are numbered on from it.
    first = outline_document(read_text(
        "示例条例\n第一章 总则\n第一条 为了规范示例管理，制定本条例。\n示例保护\n第二条 应当保护示例资源。\n"
        "第三条 禁止破坏示例资源。\n法律责任\n第四条 违反本条例规定的，由有关部门责令改正。\n"
        "第五条 本条例自公布之日起施行。"))
    assert [(s.label, s.title, s.number) for s in first.sections if s.kind == "chapter"] == [
        ("第一章", "总则", 1), ("", "示例保护", 2), ("", "法律责任", 3)]


def test_more_unlabelled_titles_than_the_labelled_chapters_leave_room_for_stay_text():
    # 节 titles that lost their labels too: reading them as chapters would number one 第零章.
    outline = outline_document(read_text(
        "示例条例\n第一条 为了防治示例污染，制定本条例。\n示例污染防治\n示例设施营运\n"
        "第二条 营运单位应当采取防治措施。\n示例技术利用\n第三条 使用单位应当申请许可。\n"
        "示例废物处理\n第四条 产生单位应当妥善处理。\n第三章 法律责任\n第五条 违反本条例规定的，责令改正。"))
    assert [(s.label, s.number) for s in outline.sections if s.kind == "chapter"] == [("第三章", 3)]
    assert not any("没有编号" in w for w in outline.warnings)
    # A chapter title right above its first 节's, with no labelled chapter after: 节 are in
    # play, and reading every title as a chapter would number the later chapters too high.
    nested = outline_document(read_text(
        "示例条例\n第一章 总则\n第一条 为了促进示例发展，制定本条例。\n示例规划\n第二条 应当编制示例规划。\n"
        "第三条 应当保护示例资源。\n示例新业态\n乡村示例\n第四条 应当发展乡村示例。\n民宿示例\n"
        "第五条 应当规范民宿示例。\n法律责任\n第六条 违反本条例规定的，责令改正。\n第七条 本条例自公布之日起施行。"))
    assert [s.label for s in nested.sections if s.kind == "chapter"] == ["第一章"]
    # The titles of (nearly) every article on lines of their own are no chapters.
    titled = outline_document(read_text(
        "示例条例\n第一条 为了规范示例管理，制定本条例。\n适用范围\n第二条 本条例适用于本省。\n"
        "管理体制\n第三条 县级以上人民政府负责示例管理。\n法律责任\n第四条 违反本条例规定的，责令改正。"))
    assert [s.kind for s in titled.sections] == ["article"] * 4


def test_a_single_short_line_between_articles_or_one_after_an_unfinished_sentence_stays_text():
    one = outline_document(read_text(
        "示例条例\n第一条 为了规范示例管理，制定本条例。\n示例规划\n第二条 应当编制示例规划。"))
    assert [s.kind for s in one.sections] == ["article", "article"]
    unfinished = outline_document(read_text(
        "示例条例\n第一条 本条例所称示例活动包括\n示例规划\n第二条 应当编制示例规划。\n"
        "示例建设\n第三条 应当按照规划建设。"))
    assert [s.kind for s in unfinished.sections] == ["article", "article", "article"]
    assert unfinished.warnings == ()


def test_a_labelled_chapter_title_broken_over_two_lines_is_one_title():
    # As 监督法 (2006) prints its 第二章: the second line is no sentence of the chapter.
    outline = outline_document(read_text(
        "示例法\n第一章 总则\n第一条 为了规范示例监督，制定本法。\n第二章 听取和审议人民政府、人民法院和\n"
        "人民检察院的示例报告\n第二条 常务委员会应当听取示例报告。\n第三章 附则\n第三条 本法自公布之日起施行。"))
    assert [s.title for s in outline.sections if s.kind == "chapter"] == [
        "总则", "听取和审议人民政府、人民法院和人民检察院的示例报告", "附则"]
    assert [c.text for c in outline.clauses()] == [
        "为了规范示例监督，制定本法。", "常务委员会应当听取示例报告。", "本法自公布之日起施行。"]
    # A complete title followed by a line of its own (a 节 that lost its label) is not run on.
    whole = outline_document(read_text(
        "示例规则\n第一章 总则\n第一条 为了规范议事，制定本规则。\n第二章 审议工作报告、地方性法规案和议案\n"
        "审查示例计划和示例预算\n第二条 大会审查示例计划。\n第三章 附则\n第三条 本规则自公布之日起施行。"))
    assert [s.title for s in whole.sections if s.kind == "chapter"][1] == "审议工作报告、地方性法规案和议案"


def test_a_word_table_of_contents_with_page_numbers_is_set_aside(tmp_path):
    """目录 as Word makes it (一、总体要求  1), then a preamble, then headings numbered by Word
    itself: the entries were read as three parts, the real parts numbered 4 to 6 after them."""
    import docx

    from tests.data.make_fixtures import add_list_definition, set_list_level

    document = docx.Document()
    num_id = add_list_definition(document, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1)])
    for text in ("西岭省关于加强数字政府建设的实施意见", "目  录", "一、总体要求\t1", "二、重点任务\t2",
                 "三、保障措施……4", "为贯彻落实国家部署，提出如下意见。"):
        document.add_paragraph(text)
    for text, level in (("总体要求", 0), ("到2025年，数字政府基本建成。", None), ("重点任务", 0),
                        ("强化安全管理。", 1), ("落实安全责任。", None), ("保障措施", 0), ("加强组织领导。", None)):
        paragraph = document.add_paragraph(text)
        if level is not None:
            set_list_level(paragraph, num_id, level)
    path = tmp_path / "目录.docx"
    document.save(path)
    outline = outline_document(read_document(path))
    assert [(s.id, s.label, s.title) for s in outline.sections] == [
        ("0", "", ""), ("1", "一、", "总体要求"), ("2", "二、", "重点任务"), ("2.1", "（一）", "强化安全管理"),
        ("3", "三、", "保障措施")]
    assert outline.section("0").paragraphs == ("为贯彻落实国家部署，提出如下意见。",)
    assert outline.warnings == ("目录（3行）已另行列出，未计入正文。",)
    # Entries without page numbers before a preamble are no proof of a table of contents.
    plain = outline_document(read_text("示例意见\n一、总体要求\n二、重点任务\n为贯彻落实，提出如下意见。\n"
                                       "一、总体要求\n加强建设。"))
    assert not any("目录" in w for w in plain.warnings)


def test_an_attached_table_of_tasks_gives_its_units_to_the_tasks_of_the_text():
    """A plan whose body names no 责任单位 gives them in its 重点任务分工表 (read row by row as
    任务。（责任单位：……）): set aside as an attachment, they never reached the checklist."""
    outline = outline_document(read_text(
        "西岭省数字政府建设实施方案\n一、重点任务\n"
        "（一）提升经济调节能力。加强经济数据整合、汇聚、治理。建设全省经济治理基础数据库。\n"
        "（二）提升公共服务能力。推进涉企审批减环节、减材料、减时限、减费用。推动政务服务线上线下融合。\n"
        "（三）强化安全管理。落实安全管理责任。（责任单位：省委网信办）\n"
        "（四）提升数字素养。加强干部培训。\n"
        "（五）筑牢安全防线。强化数据安全防护。建设全省数据安全监测平台，实现全天候监测。\n"
        "附件：重点任务分工表\n西岭省人民政府\n2024年1月1日\n附件\n重点任务分工表\n"
        "建设全省经济治理基础数据库。（牵头单位：省发展改革委；配合单位：省统计局；完成时限：2024年底前）\n"
        "推进涉企审批减环节、减材料。（责任单位：省政务服务中心；完成时限：2023年底前）\n"
        "落实安全管理责任。（责任单位：省公安厅）\n"
        "提升数字素养。（责任单位：省委组织部）\n"
        "开展数字政府建设评估。（责任单位：省数据局）\n"
        # A row merging two sentences of the text names both.
        "强化数据安全防护，建设全省数据安全监测平台（牵头单位：省委网信办；完成时限：2025年底前）\n"))
    notes = {c.text: (c.responsibility, c.deadline) for c in outline.clauses()}
    assert notes["建设全省经济治理基础数据库。"] == (("省发展改革委", "省统计局"), "2024年底前")
    # A row may cut the task short.
    assert notes["推进涉企审批减环节、减材料、减时限、减费用。"] == (("省政务服务中心",), "2023年底前")
    assert notes["加强经济数据整合、汇聚、治理。"] == ((), "")
    assert notes["推动政务服务线上线下融合。"] == ((), "")
    # A task that names its units in the text keeps them.
    assert notes["落实安全管理责任。"] == (("省委网信办",), "")
    # A row naming a section's title gives its units to every sentence under it.
    assert notes["加强干部培训。"] == (("省委组织部",), "")
    assert notes["强化数据安全防护。"] == notes["建设全省数据安全监测平台，实现全天候监测。"] == (
        ("省委网信办",), "2025年底前")
    assert outline.warnings[0].startswith("附件（")
    assert "其中4项任务的责任单位、完成时限已按附件填入正文相应任务" in outline.warnings[0]


def test_a_colophon_whose_list_wraps_and_whose_printer_stands_apart_is_tail():
    outline = outline_document(read_text(
        "示例意见\n一、总体要求\n（一）指导思想。加强建设。\n西岭省人民政府\n2022年9月1日\n"
        "抄送：省委各部门，省军区，\n省法院，省检察院。\n西岭省人民政府办公厅\n2022年9月1日印发\n"))
    assert [c.text for c in outline.clauses()] == ["加强建设。"]
    assert outline.tail[2:] == ("抄送：省委各部门，省军区，", "省法院，省检察院。", "西岭省人民政府办公厅",
                                "2022年9月1日印发")
    # A closing sentence that says when the text was issued is text.
    closing = outline_document(read_text("示例意见\n一、总体要求\n（一）指导思想。加强建设。\n"
                                         "本方案自2022年9月1日印发\n"))
    assert [c.text for c in closing.clauses()][-1] == "本方案自2022年9月1日印发"


def test_a_table_of_contents_with_long_entries_and_an_attachment_entry_is_set_aside():
    long_title = "全面推进政府履职和政务运行数字化转型，统筹推进各行业各领域政务应用系统集约建设"
    outline = outline_document(read_text(
        f"示例意见\n目  录\n一、总体要求  1\n二、{long_title}  2\n附件  12\n为推进建设，提出如下意见。\n"
        f"一、总体要求\n加强建设。\n二、{long_title}\n推进转型。\n"))
    assert [(s.id, s.label) for s in outline.sections] == [("0", ""), ("1", "一、"), ("2", "二、")]
    assert outline.section("0").paragraphs == ("为推进建设，提出如下意见。",)
    assert outline.warnings == ("目录（3行）已另行列出，未计入正文。",)


def test_a_deadline_under_a_section_keeps_the_units_of_the_part_above():
    outline = outline_document(read_text(
        "示例方案\n一、重点任务\n（责任单位：省数据局）\n（一）推进共享\n（完成时限：2025年底前）\n"
        "1.推进数据共享。\n2.建设平台。"))
    assert [(c.responsibility, c.deadline) for c in outline.clauses()] == [
        (("省数据局",), "2025年底前"), (("省数据局",), "2025年底前")]


@pytest.mark.parametrize("note", [
    "（2015年7月7日某县人民代表大会通过 2019年2月23日某县人民代表大会修改）",
    "（2019年2月23日某县人民代表大会修改）",
    "（1991年4月9日第七届全国人民代表大会第四次会议通过 根据2007年10月28日第十届全国人民代表大会常务委员会"
    "第三十次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第一次修正 根据2012年8月31日第十一届全国人民代表大会"
    "常务委员会第二十八次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第二次修正 根据2017年6月27日第十二届"
    "全国人民代表大会常务委员会第二十八次会议第三次修正）",
    # As a PDF wraps it.
    "（2008年7月17日经人力资源和社会保障部第6次部务会\n议通过）",
    # Wrapped over many lines, one of them neither opening with a date nor closing on a making
    # word: it began the preamble, and the rest of the note was a section before 第一条.
    "（1991年4月9日第七届全国人民代表大会第四次会议通过 2007年10月28日第十届全国人民代表大会常务委员会"
    "第三十次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》\n第一次修正\n2017年6月27日第十二届全国人民代表大会"
    "常务委员会第二十八次会议《关于修改〈中华人民共和国民事诉讼法〉和\n〈中华人民共和国行政诉讼法〉的决定》第三次修正"
    "2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议《关于修改〈中华人民共和国民事诉讼法〉的决\n"
    "定》第四次修正\n2023年9月1日第十四届全国人民代表大会常务委员会第五次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第\n"
    "五次修正）",
    # Closing on a title with a bracketed number.
    "（1997年3月14日第八届全国人民代表大会第五次会议修订 根据2023年12月29日第十四届全国人民代表大会常务委员会"
    "第七次会议通过的《中华人民共和国刑法修正案（十二）》修正）",
    "（1997年3月14日第八届全国人民代表大会第五次会议修订 2020年12月26日第十三届全国人民代表大会常务委员会"
    "第二十四次会议通过的《中华人民共和国刑法修正案（十一）》 2023年12月29日第十四届全国人民代表大会常务委员会"
    "第七次会议通过的《中华人民共和国刑法修正案（十二）》）"])
def test_a_statutes_note_of_how_it_was_made_is_front_matter(note):
    """It was a section of its own (前言) before 第一条 when it said 修改, ran to three amendments
    or was wrapped."""
    outline = outline_document(read_text(f"某某条例\n{note}\n第一条　为了规范管理，制定本条例。\n第二条　本条例适用于本县。\n"))
    assert [s.label for s in outline.sections] == ["第一条", "第二条"]
    assert "".join(outline.front_matter).replace(" ", "") == note.replace("\n", "").replace(" ", "")


def test_a_statutes_contents_ending_in_an_unnumbered_annex_or_with_a_wrapped_entry_is_set_aside():
    annex = outline_document(read_text(
        "某某法\n目　录\n第一章　总　则\n第二章　特别程序\n附　则\n第一章　总　则\n第一条　为了规范，制定本法。\n"
        "第二章　特别程序\n第二条　适用本法。\n附　则\n第三条　本法自公布之日起施行。\n"))
    assert [(s.label, s.title) for s in annex.sections if s.kind != "article"] == [
        ("第一章", "总则"), ("第二章", "特别程序"), ("", "附则")]
    assert annex.warnings[0] == "目录（3行）已另行列出，未计入正文。"
    wrapped = outline_document(read_text(
        "某某法\n目　录\n第一章　总　则\n第二章　认定公民无民事行为能力、限制民事行为能力\n案件\n第三章　附　则\n"
        "第一章　总　则\n第一条　为了规范，制定本法。\n第二章　认定公民无民事行为能力、限制民事行为能力案件\n"
        "第二条　适用本法。\n第三章　附　则\n第三条　本法自公布之日起施行。\n"))
    assert [s.label for s in wrapped.sections if s.kind != "article"] == ["第一章", "第二章", "第三章"]
    assert wrapped.warnings == ("目录（4行）已另行列出，未计入正文。",)


def test_an_attached_table_of_two_tasks_gives_its_units_too():
    """Fewer rows than a text has sentences: the table was not taken for a text at all."""
    outline = outline_document(read_text(
        "西岭省数字政府建设实施方案\n一、重点任务\n（一）推进数据共享。建立全省政务数据目录。\n"
        "（二）推行智慧监管。建设监管平台。\n附件：重点任务分工表\n西岭省人民政府\n2023年3月1日\n附件\n"
        "重点任务分工表\n建立全省政务数据目录。（牵头单位：省数据局；完成时限：2023年底前）\n"))
    notes = {c.text: (c.units_by_role(), c.deadline) for c in outline.clauses()}
    assert notes["建立全省政务数据目录。"] == ((("牵头单位", ("省数据局",)),), "2023年底前")
    assert "其中1项任务的责任单位、完成时限已按附件填入正文相应任务" in outline.warnings[0]


def test_a_sentence_opening_with_the_word_attachment_is_no_attachment():
    """附件所列重点任务，…… in the body cut the rest of the text off as an attachment."""
    outline = outline_document(read_text(
        "西岭省数字政府建设实施方案\n一、重点任务\n（一）推进数据共享。建立共享机制。\n"
        "附件所列重点任务，各牵头单位要于2023年4月底前制定具体落实措施。\n"
        "（二）推行智慧监管。建设监管平台。\n二、保障措施\n（三）加强组织领导。健全工作机制。\n"
        "附件：重点任务分工表\n西岭省人民政府\n2023年3月1日\n"))
    assert [s.label for s in outline.sections] == ["一、", "（一）", "（二）", "二、", "（三）"]
    assert "附件所列重点任务，各牵头单位要于2023年4月底前制定具体落实措施。" in [
        c.text for c in outline.clauses()]
    assert outline.tail[0] == "附件：重点任务分工表"


@pytest.mark.parametrize("masthead, doc_number", [
    ("000123\n机密★5年\n特急\n西岭省人民政府文件\n西政发〔2023〕5号\n", "西政发〔2023〕5号"),
    ("西岭省人民政府文件\n西政报〔2023〕7号　　签发人：张三\n", "西政报〔2023〕7号"),
    ("000045\n西岭省人民政府办公厅\n西岭省发展和改革委员会\n文件\n西政办发〔2023〕18号\n", "西政办发〔2023〕18号"),
    # A letter (函): the issuer alone over its 发文字号.
    ("西岭省人民政府\n西政函〔2023〕12号\n", "西政函〔2023〕12号"),
    ("秘密★1年 特急\n", ""),
    ("西政发〔2023〕5号\n", "西政发〔2023〕5号"),
])
def test_the_masthead_of_an_official_document_is_front_matter(masthead, doc_number):
    """Its first line was the title (《000123》, 《西岭省人民政府文件》); the real title and the
    addressees became sentences of a preamble, and the province was not known from the title."""
    outline = outline_document(read_text(
        masthead + "西岭省人民政府关于加强数字政府\n建设的实施意见\n省发展改革委，省数据局：\n"
        "一、总体要求\n（一）指导思想。推进数字政府建设。\n"))
    assert outline.title == "西岭省人民政府关于加强数字政府建设的实施意见"
    assert outline.doc_number == doc_number
    assert outline.addressees == "省发展改革委，省数据局："
    assert [s.label for s in outline.sections] == ["一、", "（一）"]
    assert "".join(outline.front_matter).replace(" ", "").replace("\u3000", "") == \
        masthead.replace("\n", "").replace(" ", "").replace("\u3000", "")


def test_a_title_broken_after_the_name_of_what_it_transmits_is_whole():
    for first, rest in (("西岭省人民政府办公厅关于印发西岭省数字政府建设三年行动方案", "（2023—2025年）的通知"),
                        ("西岭省人民政府办公厅关于印发数字政府建设实施方案", "的通知")):
        outline = outline_document(read_text(f"{first}\n{rest}\n各市（州）人民政府，省政府各部门：\n"
                                             "一、总体要求\n（一）指导思想。推进数字政府建设。\n"))
        assert outline.title == first + rest
        assert outline.addressees == "各市（州）人民政府，省政府各部门："
    # A title that ends as titles do, over a line that is no part of it, stays as it was.
    outline = outline_document(read_text("西岭省数字政府建设实施方案\n的确需要加强建设\n一、总体要求\n"
                                         "（一）指导思想。推进数字政府建设。\n"))
    assert outline.title == "西岭省数字政府建设实施方案"


def test_the_closing_formula_and_a_contact_note_after_the_date_are_tail():
    """特此报告。, the signature, the date and （联系人：……） were sentences of the last section,
    listed as 本省新增."""
    outline = outline_document(read_text(
        "西岭省人民政府关于加强数字政府建设工作情况的报告\n国务院：\n一、主要工作\n（一）健全机制。建立协调机制。\n"
        "特此报告。\n西岭省人民政府\n2023年4月10日\n（联系人：李四，电话：0851-86891234）\n"))
    assert [c.text for c in outline.clauses()] == ["建立协调机制。"]
    assert outline.tail == ("特此报告。", "西岭省人民政府", "2023年4月10日", "（联系人：李四，电话：0851-86891234）")


@pytest.mark.parametrize("cover", [
    "中华人民共和国主席令\n第九十三号\n《中华人民共和国法律援助法》已由中华人民共和国第十三届全国人民代表大会常务委员会"
    "第三十次会议于2021年8月20日通过，现予公布，自2022年1月1日起施行。\n中华人民共和国主席　习近平\n2021年8月20日\n",
    "西岭省人民政府令\n第123号\n《西岭省法律援助实施办法》已经2023年10月20日省人民政府第15次常务会议通过，现予公布，"
    "自2024年1月1日起施行。\n省长　张三\n2023年10月25日\n",
    "西岭省人民代表大会常务委员会\n公　　告\n第二十五号\n《西岭省法律援助条例》已由西岭省第十四届人民代表大会常务委员会"
    "第八次会议于2023年11月30日通过，现予公布，自2024年3月1日起施行。\n西岭省人民代表大会常务委员会\n二〇二三年十一月三十日\n",
])
def test_the_order_or_notice_a_statute_is_published_under_is_front_matter(cover):
    """Read as text, the cover was the document: 《中华人民共和国主席令》 headed the checklist and
    its 现予公布 sentence was compared against the province's."""
    outline = outline_document(read_text(
        cover + "中华人民共和国法律援助法\n（2021年8月20日第十三届全国人民代表大会常务委员会第三十次会议通过）\n"
        "第一条　为了规范和促进法律援助工作，制定本法。\n第二条　本法所称法律援助，是国家建立的制度。\n"))
    assert outline.title == "中华人民共和国法律援助法"
    assert [s.label for s in outline.sections] == ["第一条", "第二条"]
    assert "".join(outline.front_matter).startswith(cover.split("\n")[0])


@pytest.mark.parametrize("mark", ["附件", "附件1", "附件：", "征求意见稿", "（草案）"])
def test_the_mark_of_an_attachment_or_draft_above_a_title_is_front_matter(mark):
    """A draft sent out for comment is its letter's attachment: 附件 was joined into its title."""
    outline = outline_document(read_text(
        f"{mark}\n西岭省法律援助条例\n（征求意见稿）\n第一条　为了规范法律援助工作，制定本条例。\n第二条　本条例适用于本省。\n"))
    assert outline.title == "西岭省法律援助条例"
    assert outline.front_matter == (mark, "（征求意见稿）")
    assert [s.label for s in outline.sections] == ["第一条", "第二条"]


def test_a_line_opening_with_a_reference_to_an_article_is_no_article():
    outline = outline_document(read_text(
        "西岭省法律援助条例\n第十八条　对不符合法律援助条件的，法律援助机构应当依照本条例\n"
        "第十九条规定处理，并书面告知申请人理由。\n第十九条　申请人对决定有异议的，可以提出。\n"
        "法律援助机构办理本条例\n第十一条第（二）项规定的事项，应当及时办理。\n第二十条　本条例自2024年3月1日起施行。\n"))
    assert [s.label for s in outline.sections] == ["第十八条", "第十九条", "第二十条"]
    assert not any("倒退" in w or "重复" in w for w in outline.warnings)


def test_an_articles_title_on_its_label_line_with_the_text_below_is_its_title():
    """第一条　立法目的 / 为了……: the title was read as the article's first sentence, listed as
    本省新增, and every 款 numbered one on."""
    outline = outline_document(read_text(
        "西岭省法律援助条例\n第一条　立法目的\n为了规范法律援助工作，制定本条例。\n第二条　适用范围\n"
        "本条例适用于本省。\n本省法律援助机构依照本条例开展工作。\n"))
    assert [(s.label, s.title) for s in outline.sections] == [("第一条", "立法目的"), ("第二条", "适用范围")]
    assert [(c.text, c.paragraph) for c in outline.sections[1].clauses] == [
        ("本条例适用于本省。", 1), ("本省法律援助机构依照本条例开展工作。", 2)]


def test_articles_numbered_by_word_itself_are_articles(tmp_path):
    """A draft whose 第一章 and 第一条 Word numbers was read as a policy text of no article:
    whole articles were sentences of their chapter and the 项 its parts."""
    import docx

    from tests.data.make_fixtures import add_list_definition, set_list_level

    document = docx.Document()
    # Chapters and articles in lists of their own: the articles number on across the chapters.
    chapters = add_list_definition(document, [("chineseCounting", "第%1章", 1)])
    articles = add_list_definition(document, [("chineseCountingThousand", "第%1条", 1)])
    document.add_paragraph("西岭省法律援助条例")
    for text, numbered in (("总则", chapters), ("为了规范法律援助工作，制定本条例。", articles),
                           ("本条例适用于本省。", articles), ("法律援助机构", chapters),
                           ("法律援助机构提供下列服务：", articles), ("（一）法律咨询；", None),
                           ("（二）代拟法律文书。", None)):
        paragraph = document.add_paragraph(text)
        if numbered is not None:
            set_list_level(paragraph, numbered, 0)
    path = tmp_path / "条例.docx"
    document.save(path)
    outline = outline_document(read_document(path))
    assert outline.grammar == "statute"
    assert [(s.label, s.title) for s in outline.sections] == [
        ("第一章", "总则"), ("第一条", ""), ("第二条", ""), ("第二章", "法律援助机构"), ("第三条", "")]
    assert [c.item for c in outline.section(outline.sections[-1].id).clauses] == ["", "（一）", "（二）"]


@pytest.mark.parametrize("appended", [
    "关于《西岭省法律援助条例（草案）》的起草说明\n一、起草的必要性\n法律援助法已施行。\n二、主要内容\n"
    "第一章“总则”共五条，规定了立法目的。\n第十二条规定了经济困难标准。\n",
    "《西岭省法律援助条例》修改对照表\n原条文\t修改后条文\n第十二条　经济困难的标准，按照低保标准执行。\t"
    "第十二条　经济困难的标准，由省人民政府确定。\n",
])
def test_a_drafts_explanation_or_table_of_changes_after_its_articles_is_set_aside(appended):
    """Read as the draft's, the explanation became sentences of its 施行 article or new chapters
    and articles, and the old text of the table carried national articles."""
    outline = outline_document(read_text(
        "西岭省法律援助条例\n（草案）\n第一章　总　　则\n第一条　为了规范法律援助工作，制定本条例。\n"
        "第二章　附　　则\n第二条　本条例自2024年3月1日起施行。\n" + appended))
    assert [s.label for s in outline.sections] == ["第一章", "第一条", "第二章", "第二条"]
    assert [c.text for c in outline.section(outline.sections[-1].id).clauses] == ["本条例自2024年3月1日起施行。"]
    assert outline.warnings[0].startswith("附件（") and appended.split("\n")[0][:10] in outline.warnings[0]


def test_the_letter_a_draft_statute_is_sent_out_with_is_front_matter():
    """A call for comments numbered its ways to reply (1. 2.): the letter was read as a policy text
    and the draft after it as an attachment, so every national article was 未覆盖."""
    outline = outline_document(read_text(
        "西岭省司法厅关于公开征求《西岭省法律援助条例（征求意见稿）》意见的公告\n"
        "为了提高立法质量，现将征求意见稿全文公布，征求社会各界意见。意见可通过以下方式反馈：\n"
        "1.通过电子邮件发送至xlsft@example.gov.cn；\n2.通过信函寄至西岭省司法厅立法处。\n"
        "附件：西岭省法律援助条例（征求意见稿）\n西岭省司法厅\n2023年8月30日\n西岭省法律援助条例\n（征求意见稿）\n"
        "第一条　为了规范法律援助工作，制定本条例。\n第二条　本条例自2024年3月1日起施行。\n"))
    assert outline.grammar == "statute" and outline.title == "西岭省法律援助条例"
    assert [s.label for s in outline.sections] == ["第一条", "第二条"]
    assert outline.front_matter[0].startswith("西岭省司法厅关于公开征求")
    assert outline.warnings[0].startswith("正文前的公告（7行")


_STATUTE_AFTER = ("西岭省法律援助条例\n{mark}第一章　总　　则\n第一条　为了规范法律援助工作，制定本条例。\n"
                  "第二条　本条例自2024年3月1日起施行。\n")


@pytest.mark.parametrize("before, mark, kind", [
    # A decision, its title wrapped over two lines as a PDF's large title is.
    ("西岭省人民代表大会常务委员会关于修改\n《西岭省法律援助条例》的决定\n"
     "（2023年11月30日西岭省第十四届人民代表大会常务委员会第八次会议通过）\n"
     "西岭省第十四届人民代表大会常务委员会第八次会议决定对《西岭省法律援助条例》作如下修改：\n"
     "一、将第十二条修改为：“经济困难的标准，按照本省最低生活保障标准的二倍执行。”\n"
     "本决定自2024年3月1日起施行。\n《西岭省法律援助条例》根据本决定作相应修改，重新公布。\n",
     "（2008年9月26日通过　根据2023年11月30日《关于修改〈西岭省法律援助条例〉的决定》修正）\n", "决定"),
    ("关于《西岭省法律援助条例（草案）》的起草说明\n现将有关情况说明如下：\n一、起草的必要性\n"
     "法律援助法已施行，有必要制定本条例。\n二、主要内容\n（一）扩大法律援助事项范围。草案第十一条增加了有关事项。\n",
     "（草案）\n", "说明"),
    ("西岭省人民政府关于印发《西岭省法律援助条例》的通知\n西政发〔2023〕5号\n各市人民政府：\n"
     "现将《西岭省法律援助条例》印发给你们，请认真贯彻执行。\n西岭省人民政府\n2023年8月30日\n", "", "通知"),
], ids=["decision", "explanation", "issuing-notice"])
def test_a_document_printed_before_the_statute_it_names_is_front_matter(before, mark, kind):
    """A decision amending a statute before the text published again, a draft's explanation
    before the draft, a notice issuing rules before them: the document's title headed the
    checklist and its sentences came before the articles as requirements (or 本省新增)."""
    outline = outline_document(read_text(before + _STATUTE_AFTER.format(mark=mark)))
    assert outline.grammar == "statute" and outline.title == "西岭省法律援助条例"
    assert [s.label for s in outline.sections] == ["第一章", "第一条", "第二条"]
    assert outline.front_matter[0] == before.split("\n")[0]
    assert outline.warnings[0].startswith(f"正文前的{kind}（")
    assert outline.doc_number == ("西政发〔2023〕5号" if kind == "通知" else "")


def test_a_title_broken_after_a_word_that_ends_titles_goes_on_until_its_kind_is_named():
    """关于加强法 / 律援助工作的决定, as a PDF wraps a 22-pt title: 法 ends many titles, so the
    title was cut there and its rest was the preamble."""
    outline = outline_document(read_text(
        "西岭省人民代表大会常务委员会关于加强法\n律援助工作的决定\n第一条　为了规范法律援助工作，制定本决定。\n"))
    assert outline.title == "西岭省人民代表大会常务委员会关于加强法律援助工作的决定"
    assert [s.label for s in outline.sections] == ["第一条"]
    # A title that ends in 法 with no 关于 before it is whole.
    law = outline_document(read_text("中华人民共和国法律援助法\n法律援助工作规范\n第一条　为了规范法律援助工作，制定本法。\n"))
    assert law.title == "中华人民共和国法律援助法"


def test_a_drafters_notes_between_the_articles_are_no_provisions():
    """【说明】本条根据…… and （说明：……） lines after a draft's articles were 款 of them, compared
    and listed as 本省新增; a law's note under a table (（注：本表所称……）) stays its text."""
    outline = outline_document(read_text(
        "西岭省法律援助条例\n（征求意见稿）\n第十二条　经济困难的标准，按照本省最低生活保障标准的二倍执行。\n"
        "【说明】本条根据《中华人民共和国法律援助法》第三十四条的授权，明确本省经济困难标准。\n"
        "第十三条　法律援助机构应当自收到申请之日起五日内进行审查。\n"
        "（说明：法律援助法规定七日内审查，本条缩短为五日（含节假日），以提高效率。）\n"
        "第十四条　申请人应当如实说明经济困难状况。\n（注：本表所称经济困难，是指家庭人均收入低于标准。）\n"))
    assert [c.text for c in outline.clauses()] == [
        "经济困难的标准，按照本省最低生活保障标准的二倍执行。", "法律援助机构应当自收到申请之日起五日内进行审查。",
        "申请人应当如实说明经济困难状况。", "（注：本表所称经济困难，是指家庭人均收入低于标准。）"]
    assert outline.warnings[0] == "起草中的2处说明（“【说明】本条根据《中华人民共和国法律援助…”等）不是条文，未计入对照。"


@pytest.mark.parametrize("number", ["西政办发〔2019〕12号　签发人：张三", "西政办发〔2019〕12号\n签发人：张三"])
def test_a_documents_number_with_its_signer_under_the_title_is_front_matter(number):
    """The 发文字号 with 签发人 beside it (or in a table cell of its own) under the title was a
    sentence of the preamble."""
    outline = outline_document(read_text(f"西岭省人民政府办公厅关于做好治理工作的通知\n{number}\n各市（州）人民政府：\n"
                                         "为做好治理工作，现通知如下：\n一、总体要求\n（一）推进治理。"))
    assert (outline.doc_number, outline.addressees) == ("西政办发〔2019〕12号", "各市（州）人民政府：")
    assert [c.text for c in outline.clauses()][0] == "为做好治理工作，现通知如下："


def test_a_document_naming_a_statute_is_left_whole_when_the_statute_does_not_follow():
    """A decision standing alone, and a notice whose text quotes the rules it issues, are the text."""
    decision = outline_document(read_text(
        "西岭省人民代表大会常务委员会关于修改《西岭省法律援助条例》的决定\n"
        "西岭省第十四届人民代表大会常务委员会第八次会议决定对《西岭省法律援助条例》作如下修改：\n"
        "一、将第十二条修改为：“经济困难的标准，按照本省最低生活保障标准的二倍执行。”\n"
        "二、将第十三条中的“七日”修改为“五日”。\n本决定自2024年3月1日起施行。\n"))
    assert decision.title.endswith("的决定") and not decision.front_matter
    assert decision.clauses()[0].text.startswith("西岭省第十四届") and not decision.warnings
    # The statute named, but a policy text after it, not articles.
    notice = outline_document(read_text(
        "西岭省人民政府关于印发《西岭省数字政府建设实施方案》的通知\n各市人民政府：\n"
        "现将《西岭省数字政府建设实施方案》印发给你们，请认真贯彻执行。\n西岭省数字政府建设实施方案\n"
        "一、总体要求\n（一）推进政务数据共享。\n二、保障措施\n（一）加强组织领导。\n"))
    assert notice.title == "西岭省人民政府关于印发《西岭省数字政府建设实施方案》的通知"


def test_what_the_readings_of_issued_documents_leave_as_they_were():
    """A second reading of the 公文 and statute rules found them taking ordinary text: a title
    ending in 文件, an explanation named in a list item, a short sentence after an article's label."""
    title = outline_document(read_text("西岭省第一批保留的行政规范性文件\n各市人民政府：\n一、总体要求\n（一）加强领导。"))
    assert (title.title, title.addressees) == ("西岭省第一批保留的行政规范性文件", "各市人民政府：")
    listed = outline_document(read_text(
        "西岭省地方立法条例\n第二条　提出法规案，应当提交下列材料：\n（1）法规草案文本\n（2）关于法规草案的起草说明\n"
        "第三条　常务委员会审议法规案。\n第四条　本条例自公布之日起施行\n西岭省人民代表大会常务委员会\n"))
    assert [(s.label, s.title) for s in listed.sections] == [("第二条", ""), ("第三条", ""), ("第四条", "")]
    assert listed.section(listed.sections[-1].id).clauses[0].text == "本条例自公布之日起施行"
    # 附件 run into its name still opens the attachments.
    run_in = outline_document(read_text("西岭省实施方案\n一、重点任务\n（一）推进共享。建立机制。\n西岭省人民政府\n"
                                        "2023年1月1日\n附件重点任务分工表\n序号\n"))
    assert [c.text for c in run_in.clauses()] == ["建立机制。"]


def test_what_a_review_of_the_statute_readings_found_them_taking():
    """A finished text's 【备注】 and （说明：……） lines are its own; a call for comments' number is
    not the draft's; （征求意见稿） under a 关于 title is no part of it; a 印发 notice naming the
    rules without 《》 is set aside all the same."""
    finished = outline_document(read_text(
        "西岭省人民政府关于加强法律援助工作的实施意见\n一、总体要求\n（一）扩大范围。各地要扩大法律援助范围。\n"
        "（说明：本意见所称困难群众，是指低保对象和特困人员。）\n"))
    assert "（说明：本意见所称困难群众，是指低保对象和特困人员。）" in [c.text for c in finished.clauses()]
    letter = outline_document(read_text(
        "西岭省司法厅关于征求《西岭省法律援助条例（草案）》意见的函\n西司函〔2023〕12号\n各市司法局：\n"
        "现将《西岭省法律援助条例（草案）》印发给你们，请于5月30日前反馈意见。\n附件：西岭省法律援助条例（草案）\n"
        "西岭省司法厅\n2023年5月6日\n西岭省法律援助条例（草案）\n第一条　为了规范法律援助工作，制定本条例。\n"))
    assert letter.doc_number == "" and letter.title.startswith("西岭省法律援助条例")
    about = outline_document(read_text("西岭省关于支持民营经济发展若干措施\n（征求意见稿）\n一、总体要求\n（一）优化环境。"))
    assert about.title == "西岭省关于支持民营经济发展若干措施"
    issued = outline_document(read_text(
        "西岭省人民政府关于印发法律援助实施办法的通知\n西政发〔2023〕5号\n各市人民政府：\n现将《西岭省法律援助实施办法》"
        "印发给你们，请认真贯彻执行。\n西岭省人民政府\n2023年5月6日\n西岭省法律援助实施办法\n"
        "第一条　为了规范法律援助工作，制定本办法。\n第二条　本办法自2023年7月1日起施行。\n"))
    assert (issued.title, issued.doc_number) == ("西岭省法律援助实施办法", "西政发〔2023〕5号")
    assert [s.label for s in issued.sections] == ["第一条", "第二条"]
