"""Two statutes in the Word and Excel reports: the articles judged whole are counted, their
sentences are counted as 句, and an article's reason is not repeated on each of its rows."""

from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from core.align import compare_outlines
from core.export import export_excel, export_word, labels
from core.model import Status
from core.outline import outline_document
from core.read import read_text
from tests.core.test_export_word import TODAY, data_rows, tables_by_header

# Invented statutes: the provincial purpose article words its purpose its own way, the funding
# article is dropped, and the national effective date is the province's own.
NATIONAL = """中华人民共和国水质监测法
第一章 总则
第一条 为了加强水质监测，保障饮用水安全，维护公众健康，制定本法。
第二条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。
第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据。
第四条 县级以上人民政府应当将水质监测经费列入本级财政预算，保障监测设备更新和人员培训。
第二章 附则
第五条 本法自2030年1月1日起施行。
"""
PROVINCIAL = """示例省实施《中华人民共和国水质监测法》办法
第一章 总则
第一条 为了实施《中华人民共和国水质监测法》，结合本省实际，制定本办法。
第二条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。
第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据。
第四条 本办法自2031年3月1日起施行。
"""


def statutes():
    """The two invented statutes compared (article by article)."""
    return compare_outlines(outline_document(read_text(NATIONAL)),
                            outline_document(read_text(PROVINCIAL)))


def _verdicts(comparison):
    return {a.national: a for a in comparison.articles}


def test_the_word_overview_counts_articles_and_then_sentences(tmp_path):
    comparison = statutes()
    summary = comparison.article_summary
    assert summary is not None and summary.not_expected >= 1
    document = Document(str(export_word(comparison, tmp_path / "法规.docx", today=TODAY)))
    overview = next(p.text for p in document.paragraphs if "为基准" in p.text)
    expected = summary.covered + summary.partial + summary.missing
    assert (f"国家文件共{summary.clauses}条，按条整体判断：无需地方落实{summary.not_expected}条；"
            f"在需地方落实的{expected}条中，已覆盖{summary.covered}条"
            f"（{100.0 * summary.covered / expected:.1f}%）") in overview
    # The sentences are 句, so that 条 keeps meaning an article.
    clauses = comparison.summary
    assert f"逐句对照：国家文件条文共分解为{clauses.clauses}句" in overview
    assert f"本省文件另有新增内容{clauses.additions}句" in overview
    # The table of figures counts the articles too, as the overview does first: its 合计 row
    # gives the same numbers (it counted sentences under an overview that counted articles).
    table = tables_by_header(document)["条数"]
    assert "句数" not in tables_by_header(document)
    total = [cell.text for cell in table.rows[1].cells]
    assert total[0] == "合计" and total[1] == str(summary.clauses)
    assert total[2].startswith(str(summary.covered))


def test_a_policy_overview_still_counts_its_items_as_tiao(tmp_path):
    from tests.core.test_export_word import small_comparison

    document = Document(str(export_word(small_comparison(), tmp_path / "政策.docx", today=TODAY)))
    overview = next(p.text for p in document.paragraphs if "为基准" in p.text)
    assert "按条整体判断" not in overview and "国家文件共分解为" in overview
    assert "条款数" in tables_by_header(document)


def test_an_article_reason_is_given_once_in_its_heading_row(tmp_path):
    comparison = statutes()
    date = next(a for a in comparison.articles if a.reason.code == "effective_date")
    path = export_word(comparison, tmp_path / "法规.docx", today=TODAY)
    table = tables_by_header(Document(str(path)))["国家文件条款"]
    headings = [row.cells[0].text for row in table.rows if "本条整体" in row.cells[0].text]
    assert any(date.reason.text in text for text in headings)
    rows = data_rows(table)
    date_rows = [row for row in rows if "本法自2030年1月1日起施行" in row.cells[1].text]
    assert date_rows and all(date.reason.text not in row.cells[5].text for row in date_rows)
    assert all(row.cells[3].text == labels.LABELS[Status.NOT_EXPECTED.value] for row in date_rows)
    # The purpose article's sentence shares its counterpart verdict: said once, in the heading.
    verdicts = _verdicts(comparison)
    assert verdicts["1.1"].reason.code == "counterpart"
    purpose_row = next(row for row in rows if "为了加强水质监测" in row.cells[1].text)
    assert verdicts["1.1"].reason.text not in purpose_row.cells[5].text


def test_the_workbook_shows_no_share_where_none_was_measured(tmp_path):
    comparison = statutes()
    verdicts = _verdicts(comparison)
    workbook = load_workbook(export_excel(comparison, tmp_path / "法规.xlsx", today=TODAY))
    rows = {row[0]: row for row in workbook["按条对照"].iter_rows(min_row=2, values_only=True)}
    # Purpose articles correspond by function: the engine's placeholder share is not printed.
    assert verdicts["1.1"].reason.code == "counterpart" and rows["第一章第一条"][5] == "—"
    assert rows["第二章第五条"][3] == "无需地方落实" and rows["第二章第五条"][5] == "—"
    # Whole percents, as the reason gives them (a cell once read 0.7959999999999999).
    assert rows["第一章第二条"][5] == round(verdicts["1.2"].score / 100.0, 2)
    assert all(share == "—" or round(share, 2) == share for *_, share, _ in rows.values())
    assert rows["第一章第四条"][3] == "未覆盖" and rows["第一章第四条"][5] == 0.0
    summary = workbook["汇总"]
    assert summary["B4"].value == "条数" and summary["A5"].value == "合计"
    assert summary["B5"].value == len(comparison.articles)
    lines = [cell.value for cell in summary["A"] if isinstance(cell.value, str)]
    assert "按条对照（软件结果）：" + labels.article_summary_text(comparison) in lines
    sentences = next(line for line in lines if line.startswith("逐句对照："))
    assert f"共{comparison.summary.clauses}句" in sentences
    assert f"本省新增内容：{comparison.summary.additions}句" in lines


# The province cites one national article and refers every breach to the law.
CITING_NATIONAL = """中华人民共和国校舍安全法
第一章 总则
第一条 学校应当每学期对校舍开展安全检查，发现隐患的，应当及时报告并采取措施消除。
第二条 教师对学校侵犯其合法权益的，可以向教育行政部门提出申诉，教育行政部门应当在接到申诉的三十日内作出处理。
第二章 法律责任
第三条 学校未开展校舍安全检查的，由教育行政部门责令改正，对直接负责的主管人员依法给予处分。
"""
CITING_PROVINCIAL = """示例省实施《中华人民共和国校舍安全法》办法
第一条 学校应当每学期对校舍开展安全检查，并建立校舍安全档案。
第二条 县级以上人民政府教育行政部门应当按照《校舍安全法》第二条的规定，受理教师申诉。
第三条 违反本办法规定，《校舍安全法》已规定法律责任的，依照《校舍安全法》的规定处理。
"""


def test_a_sentence_of_an_article_carried_by_reference_names_the_article_that_carries_it(tmp_path):
    comparison = compare_outlines(outline_document(read_text(CITING_NATIONAL)),
                                  outline_document(read_text(CITING_PROVINCIAL)))
    verdicts = _verdicts(comparison)
    assert verdicts["2.1"].reason.code == "referred" and verdicts["1.2"].reason.code == "cited"
    index = labels.SectionIndex.national(comparison)
    # Where it stands and what it says: a bare label read as a placeholder.
    carrying = "（按条整体对应：地方第三条）“违反本办法规定，《校舍安全法》已规定法律责任的，依照《校舍安全法》的规定处理。”"
    assert index.no_match("2.1") == carrying
    assert index.no_match("1.1") == labels.NO_MATCH
    table = tables_by_header(Document(str(export_word(comparison, tmp_path / "法规.docx",
                                                      today=TODAY))))["国家文件条款"]
    penalty = next(row for row in data_rows(table) if "未开展校舍安全检查" in row.cells[1].text)
    assert penalty.cells[2].text == carrying
    assert penalty.cells[3].text == labels.LABELS[Status.COVERED.value]
    workbook = load_workbook(export_excel(comparison, tmp_path / "法规.xlsx", today=TODAY))
    sheet = workbook.worksheets[0]
    cells = [row for row in sheet.iter_rows(min_row=2, values_only=True)
             if row[2] and "未开展校舍安全检查" in str(row[2])]
    assert cells and cells[0][3] == carrying


def test_a_provincial_title_naming_the_law_nests_its_marks(tmp_path):
    comparison = compare_outlines(outline_document(read_text(CITING_NATIONAL)),
                                  outline_document(read_text(CITING_PROVINCIAL)))
    document = Document(str(export_word(comparison, tmp_path / "法规.docx", today=TODAY)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "《示例省实施〈中华人民共和国校舍安全法〉办法》" in text and "《示例省实施《" not in text


def test_a_partial_article_with_no_measured_share_shows_none(tmp_path):
    """An article judged partial because the province kept its wording, while none of its
    sentences is carried, printed 内容体现 0% beside 部分覆盖; it prints — as its reason gives no
    share. A missing article still shows its 0%."""
    from dataclasses import replace

    from core.model import Reason

    comparison = statutes()
    kept = Reason("part", "地方第二条沿用了本条的表述（“水质监测经费”），只承接了部分内容，"
                          "其余要求未见对应表述。")
    sections = tuple(replace(a, status=Status.PARTIAL, score=0.0, provincial=("1.2",), reason=kept)
                     if a.national == "1.4" else a for a in comparison.sections)
    comparison = replace(comparison, sections=sections)
    workbook = load_workbook(export_excel(comparison, tmp_path / "法规.xlsx", today=TODAY))
    rows = {row[0]: row for row in workbook["按条对照"].iter_rows(min_row=2, values_only=True)}
    assert rows["第一章第四条"][3] == "部分覆盖" and rows["第一章第四条"][5] == "—"
    assert rows["第一章第四条"][6] == kept.text
    missing = [row for row in rows.values() if row[3] == "未覆盖"]
    assert all(row[5] == 0.0 for row in missing)


@pytest.mark.parametrize("title, word", [
    ("北京市优化营商环境条例", "本市"), ("广东省优化营商环境条例", "本省"), ("内蒙古自治区实施办法", "本自治区"),
    ("东营市湿地保护条例", "本市"), ("中共浙江省委 浙江省人民政府关于加强数字政府建设的实施意见", "本省"),
    ("深圳经济特区优化营商环境条例", "本经济特区"), ("", "本省")])
def test_a_report_calls_the_local_region_as_its_text_does(title, word):
    assert labels.local_word(title) == word


def test_a_municipalitys_report_says_benshi(tmp_path):
    """A Beijing report read 本省对应表述, 本省新增 (in Word and Excel)."""
    from core.align import compare_outlines
    from tests.core.test_articles import SHARING_NATIONAL, SHARING_PROVINCIAL, _outline

    result = compare_outlines(_outline(SHARING_NATIONAL), _outline(SHARING_PROVINCIAL.replace("江南省", "江南市").replace("本省", "本市")))
    assert result.additions
    document = Document(str(export_word(result, tmp_path / "市.docx", today=TODAY)))
    text = "\n".join([p.text for p in document.paragraphs] + [cell.text for table in document.tables
                                                              for row in table.rows for cell in row.cells])
    assert "本省" not in text and "本市对应表述" in text and "三、本市新增内容" in text and "本市新增" in text
    workbook = load_workbook(export_excel(result, tmp_path / "市.xlsx", today=TODAY))
    assert "本市新增" in workbook.sheetnames
    cells = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value]
    assert not any("本省" in c for c in cells) and any("本市对应表述" == c for c in cells)


# 第四条 has two sentences and no provincial counterpart; 第二条's second sentence is not carried.
NATIONAL_TWO_SENTENCES = NATIONAL.replace(
    "保障监测设备更新和人员培训。",
    "保障监测设备更新和人员培训。监测经费不得挪作他用，审计机关应当定期审计经费使用情况。")


def _gap_rows(document):
    table = tables_by_header(document)["国家文件条款"]
    return [row for row in table.rows[1:] if row.cells[0]._tc is not row.cells[-1]._tc]


def test_the_gap_report_gives_an_articles_unfound_sentences_one_row(tmp_path):
    comparison = compare_outlines(outline_document(read_text(NATIONAL_TWO_SENTENCES)),
                                  outline_document(read_text(PROVINCIAL)))
    assert _verdicts(comparison)["1.4"].status is Status.MISSING
    from core.review import review
    clauses, _additions = review(comparison, ())
    funding = [item for item in clauses if item.finding.clause.section == "1.4"]
    assert len(funding) == 2 and all(labels.unfound(item) for item in funding)
    document = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                        today=TODAY)))
    rows = _gap_rows(document)
    shared = [row for row in rows if "列入本级财政预算" in row.cells[1].text]
    assert len(shared) == 1
    row = shared[0]
    # The numbers as a range; both sentences, the article cited once.
    assert row.cells[0].text.split("\n") == [str(funding[0].number), "至", str(funding[1].number)]
    assert row.cells[1].text.count("第一章第四条") == 1 and "审计机关应当定期审计" in row.cells[1].text
    assert row.cells[2].text == labels.NO_MATCH
    assert row.cells[3].text == labels.LABELS[Status.MISSING.value]
    assert row.cells[4].text == "本省文件未作相应规定。"
    # The article's reason stands once, in its heading row, not on the shared row.
    assert row.cells[5].text == ""
    assert any(_verdicts(comparison)["1.4"].reason.text in r.cells[0].text
               for r in tables_by_header(document)["国家文件条款"].rows)
    # The checklist keeps a row per sentence.
    checklist = Document(str(export_word(comparison, tmp_path / "清单.docx", today=TODAY)))
    assert len([r for r in data_rows(tables_by_header(checklist)["国家文件条款"])
                if "监测经费" in r.cells[1].text]) == 2


def test_a_reviewed_sentence_keeps_its_own_row_in_the_gap_report(tmp_path):
    from core.model import ReviewDecision
    comparison = compare_outlines(outline_document(read_text(NATIONAL_TWO_SENTENCES)),
                                  outline_document(read_text(PROVINCIAL)))
    decision = ReviewDecision("N1.4-2", status=Status.MISSING, note="经费条款须补充",
                              reviewer="审核人", decided_at="2026-12-02T10:00:00")
    document = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                        decisions=[decision], today=TODAY)))
    rows = [row for row in _gap_rows(document) if "经费" in row.cells[1].text]
    assert len(rows) == 2
    assert "\n" not in rows[0].cells[0].text and "经费条款须补充" in rows[1].cells[5].text


def test_policy_gap_rows_stay_one_a_sentence():
    from tests.core.test_export_word import small_comparison
    from core.review import review, review_articles
    comparison = small_comparison()
    clauses, _additions = review(comparison, ())
    assert not review_articles(comparison, clauses)
    assert labels.gap_units(clauses, ()) == [(item,) for item in clauses]


# 第二条 goes on with two sentences the province leaves out of the article that carries it.
NATIONAL_LONGER_SECOND = NATIONAL.replace(
    "定期公布饮用水水源地水质状况。",
    "定期公布饮用水水源地水质状况。水质监测站点应当配备备用电源和应急采样设备。"
    "跨行政区域河流交界断面的水质监测，由上一级人民政府生态环境主管部门组织实施。")


def test_unfound_sentences_of_a_carried_article_name_the_article_that_carries_it(tmp_path):
    comparison = compare_outlines(outline_document(read_text(NATIONAL_LONGER_SECOND)),
                                  outline_document(read_text(PROVINCIAL)))
    article = _verdicts(comparison)["1.2"]
    assert article.status in (Status.PARTIAL, Status.COVERED) and article.provincial
    document = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                        today=TODAY)))
    row = next(row for row in _gap_rows(document) if "备用电源" in row.cells[1].text)
    assert "交界断面" in row.cells[1].text and row.cells[1].text.count("第一章第二条") == 1
    carrier = comparison.provincial.section(article.provincial[0]).label
    # Not "未找到对应表述" under a heading that names the provincial article carrying it.
    assert row.cells[2].text.startswith(f"（按条对应：本省{carrier}）“")
    assert row.cells[4].text == f"本省{carrier}未作相应规定。"
    assert "对照清单" in row.cells[5].text


LISTED_NATIONAL = """中华人民共和国水质监测法
第一条 为了加强水质监测，保障饮用水安全，制定本法。
第二条 县级以上人民政府应当采取下列措施加强水质监测：
（一）建立覆盖饮用水水源地的水质监测网络；
（二）定期向社会公布饮用水水源地水质状况；
（三）组织开展水质监测人员业务培训；
（四）为监测站点配备应急采样设备。
水质监测机构应当如实记录监测数据。监测数据应当保存十年以上。
第三条 本法自2030年1月1日起施行。
"""
LISTED_PROVINCIAL = """示例省水质监测办法
第一条 为了实施《中华人民共和国水质监测法》，结合本省实际，制定本办法。
第二条 县级以上人民政府应当定期向社会公布饮用水水源地水质状况。
第三条 本办法自2031年3月1日起施行。
"""


def test_a_carried_item_splits_the_unfound_rows_and_each_kuan_and_item_is_named_once(tmp_path):
    """Item （二） is carried; the lead-in and （一） share a row, （三）（四） and the second 款
    another: in 序号 order, the 款 named once, an item by its own （三）, not 第三项 too."""
    from core.review import review, review_articles
    comparison = compare_outlines(outline_document(read_text(LISTED_NATIONAL)),
                                  outline_document(read_text(LISTED_PROVINCIAL)))
    clauses, _additions = review(comparison, ())
    by_text = {item.finding.clause.text[:3]: item for item in clauses}
    assert by_text["（二）"].status is Status.COVERED
    units = labels.gap_units([item for item in clauses if item.status is not Status.COVERED],
                             review_articles(comparison, clauses))
    numbered = [[item.number for item in unit] for unit in units]
    lead, first, third = by_text["县级以"].number, by_text["（一）"].number, by_text["（三）"].number
    assert [lead, first] in numbered
    assert [third, third + 1, third + 2, third + 3] in numbered
    document = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                        today=TODAY)))
    rows = {row.cells[0].text: row for row in _gap_rows(document)}
    later = rows[f"{third}\n至\n{third + 3}"].cells[1].text.split("\n")
    assert later == ["第二条第一款 （三）组织开展水质监测人员业务培训；",
                     "（四）为监测站点配备应急采样设备。",
                     "第二款 水质监测机构应当如实记录监测数据。监测数据应当保存十年以上。"]
    assert rows[f"{lead}\n至\n{first}"].cells[1].text.split("\n")[1] == "（一）建立覆盖饮用水水源地的水质监测网络；"
    numbers = [int(text.split("\n")[0]) for text in rows]
    assert numbers == sorted(numbers)


def test_a_preamble_sentence_keeps_its_reason_in_the_gap_report(tmp_path):
    national = LISTED_NATIONAL.replace("中华人民共和国水质监测法\n",
                                       "中华人民共和国水质监测法\n国家把饮用水水质监测作为公共卫生的基础工作。\n")
    comparison = compare_outlines(outline_document(read_text(national)),
                                  outline_document(read_text(LISTED_PROVINCIAL)))
    preamble = next(f for f in comparison.clauses if "公共卫生的基础工作" in f.clause.text)
    assert preamble.clause.section not in {a.national for a in comparison.articles}
    document = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                        today=TODAY)))
    assert preamble.status is Status.MISSING and preamble.clause.section == "0"
    rows = [row for row in _gap_rows(document) if "公共卫生的基础工作" in row.cells[1].text]
    # Its reason (the nearest unlike sentence) on a row of its own: no heading row gives one.
    assert len(rows) == 1 and rows[0].cells[5].text == preamble.reason.text


PROVINCIAL_WITH_ADDITIONS = PROVINCIAL.replace(
    "每季度公布饮用水水源地水质状况。",
    "每季度公布饮用水水源地水质状况。农村集中供水工程应当纳入监测网络并优先安排采样。").replace(
    "第四条 本办法自2031年3月1日起施行。",
    "第四条 省人民政府设立水质监测专家咨询委员会，为重大监测事项提供论证意见。\n"
    "第五条 本办法自2031年3月1日起施行。")


def test_the_gap_report_counts_the_additions_inside_carrying_articles(tmp_path):
    from core.model import ReviewDecision
    comparison = compare_outlines(outline_document(read_text(NATIONAL)),
                                  outline_document(read_text(PROVINCIAL_WITH_ADDITIONS)))
    texts = {a.text[:6]: a for a in comparison.additions}
    inside, standalone = texts["农村集中供水"], texts["省人民政府设"]
    assert comparison.addition_context(inside) and not comparison.addition_context(standalone)
    gaps = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps", today=TODAY)))
    listed = tables_by_header(gaps)["本省新增内容"]
    assert any("专家咨询委员会" in row.cells[1].text for row in listed.rows)
    assert not any("农村集中供水" in row.cells[1].text for row in listed.rows)
    said = next(p.text for p in gaps.paragraphs if "补充或改写" in p.text)
    assert said.startswith("另有1句位于承接国家文件条文的本省条文中（第二条）") and "对照清单" in said
    # The checklist lists it, and so does the gap report once a reviewer has decided on it.
    checklist = Document(str(export_word(comparison, tmp_path / "清单.docx", today=TODAY)))
    assert any("农村集中供水" in row.cells[1].text
               for row in tables_by_header(checklist)["本省新增内容"].rows)
    decided = ReviewDecision(f"P{inside.id}", note="属本省细化规定", reviewer="审核人",
                             decided_at="2026-12-02T10:00:00")
    gaps = Document(str(export_word(comparison, tmp_path / "差距2.docx", report="gaps",
                                    decisions=[decided], today=TODAY)))
    assert any("农村集中供水" in row.cells[1].text
               for row in tables_by_header(gaps)["本省新增内容"].rows)
    assert not any("补充或改写" in p.text for p in gaps.paragraphs)
