"""Run-in headings of policy paragraphs are judged by the sentences they head (core.leads)."""

from __future__ import annotations

import pytest

from core.align import Parameters, compare_outlines
from core.leads import headed_sentences
from core.model import ReviewDecision, Status
from core.outline import outline_document
from core.read import read_text
from core.review import review

NATIONAL = """国务院关于加强示例工作的指导意见
一、构建数字化履职能力体系
（一）提升数字化决策和执行水平。
提升辅助决策能力。建立健全大数据辅助科学决策机制，统筹推进决策信息资源系统建设，全面提升政府决策科学化水平。提升行政执行能力。深化数字技术应用，创新行政执行方式，切实提高政府执行力。
（二）提升生态环境保护数字化水平。
提高自然资源利用效率。构建精准感知、智慧管控的协同治理体系，完善自然资源三维立体一张图。推动绿色低碳转型。加快构建碳排放智能监测和动态核算体系，服务保障碳达峰、碳中和目标顺利实现。
二、强化安全保障
（一）落实安全管理责任。
各地区各部门按照职责分工，统筹做好数字政府建设安全和保密工作，构建全方位、多层级、一体化安全防护体系。
"""

# The province carries the substance of every task but writes none of the headings; of the
# ecology paragraph it keeps the first task only.
PROVINCIAL = """示例省关于加强示例工作的实施方案
一、重点任务
（一）提升决策和执行效能。
1.建立健全大数据辅助科学决策机制，统筹推进全省决策信息资源系统建设，全面提升政府决策科学化水平。（责任单位：省数据局）
2.深化数字技术应用，创新行政执行方式，切实提高政府执行力。（责任单位：省政府办公厅）
（二）推进生态环境治理数字化。
构建精准感知、智慧管控的协同治理体系，完善全省自然资源三维立体一张图。
二、保障措施
各市、省直各部门按照职责分工，统筹做好数字政府建设安全和保密工作，构建全方位、多层级、一体化安全防护体系。
"""


def _findings(national: str, provincial: str):
    result = compare_outlines(outline_document(read_text(national)),
                              outline_document(read_text(provincial)))
    return {f.clause.text: f for f in result.clauses}


def test_a_heading_is_a_short_single_phrase_sentence_followed_by_others_in_its_paragraph():
    clauses = outline_document(read_text(NATIONAL)).clauses()
    heads = {clauses[head].text: [clauses[i].text[:6] for i in group]
             for head, group in headed_sentences(clauses, Parameters().lead_chars).items()}
    assert heads == {
        "提升辅助决策能力。": ["建立健全大数"],
        "提升行政执行能力。": ["深化数字技术"],
        "提高自然资源利用效率。": ["构建精准感知"],
        "推动绿色低碳转型。": ["加快构建碳排"],
    }
    # A sentence of several phrases, or the last of its paragraph, heads nothing.
    assert not any(text.startswith("各地区各部门") for text in heads)


def test_the_ordinal_of_a_point_is_no_part_of_its_heading():
    clauses = outline_document(read_text(
        "国务院关于加强示例工作的通知\n一、强化监测责任\n"
        "一是落实水质监测安全管理责任制。各地要明确监测责任，层层签订责任书。"
        "二是健全水质监测法规和规章制度。各地要制定配套实施办法。\n")).clauses()
    heads = {clauses[head].text: [clauses[i].text[:4] for i in group]
             for head, group in headed_sentences(clauses, Parameters().lead_chars).items()}
    assert heads == {"一是落实水质监测安全管理责任制。": ["各地要明"],
                     "二是健全水质监测法规和规章制度。": ["各地要制"]}


def test_a_heading_whose_tasks_are_carried_is_covered_and_names_where():
    findings = _findings(NATIONAL, PROVINCIAL)
    heading = findings["提升辅助决策能力。"]
    assert heading.status is Status.COVERED
    assert heading.reason.code == "heading"
    assert "一、（一）1." in heading.reason.text and "已覆盖" in heading.reason.text
    assert [m.clause.text[:6] for m in heading.matches] == ["建立健全大数"]
    assert heading.score == heading.matches[0].score > 90
    assert findings["提升行政执行能力。"].status is Status.COVERED


def test_a_heading_whose_tasks_are_all_dropped_stays_missing():
    findings = _findings(NATIONAL, PROVINCIAL)
    assert findings["加快构建碳排放智能监测和动态核算体系，服务保障碳达峰、碳中和目标顺利实现。"].status \
        is Status.MISSING
    dropped = findings["推动绿色低碳转型。"]
    assert dropped.status is Status.MISSING and dropped.reason.code != "heading"
    assert findings["提高自然资源利用效率。"].status is Status.COVERED


def test_a_heading_whose_tasks_are_mostly_dropped_is_partial():
    national = NATIONAL.replace("提高自然资源利用效率。构建精准感知",
                                "提高自然资源利用效率。强化大气、水、土壤数据资源综合开发利用。"
                                "推进重点流域区域协同治理，提升生态环境承载力。构建精准感知")
    heading = _findings(national, PROVINCIAL)["提高自然资源利用效率。"]
    assert heading.status is Status.PARTIAL
    assert heading.reason.code == "heading" and "其后3句中1句" in heading.reason.text


def test_a_heading_whose_tasks_are_half_carried_is_covered_the_rest_listed_apart():
    national = NATIONAL.replace("提高自然资源利用效率。构建精准感知",
                                "提高自然资源利用效率。强化大气、水、土壤数据资源综合开发利用。构建精准感知")
    findings = _findings(national, PROVINCIAL)
    heading = findings["提高自然资源利用效率。"]
    assert heading.status is Status.COVERED and "其余各句另列" in heading.reason.text
    assert findings["强化大气、水、土壤数据资源综合开发利用。"].status is Status.MISSING


def test_a_heading_the_province_writes_keeps_its_own_match():
    provincial = PROVINCIAL.replace("1.建立健全", "1.提升决策能力。提升辅助决策能力。建立健全")
    heading = _findings(NATIONAL, provincial)["提升辅助决策能力。"]
    assert heading.status is Status.COVERED and heading.reason.code == "matched"


def test_statute_sentences_are_not_read_as_headings():
    national = """中华人民共和国示例法
第一条 国家实行档案分级管理。档案馆应当建立科学的管理制度，便于对档案的利用。
第二条 本法自2020年1月1日起施行。
"""
    provincial = """示例省实施《中华人民共和国示例法》办法
第一条 档案馆应当建立科学的管理制度，便于对档案的利用。
第二条 本办法自2021年1月1日起施行。
"""
    result = compare_outlines(outline_document(read_text(national)),
                              outline_document(read_text(provincial)))
    assert not any(f.reason.code == "heading" for f in result.clauses)


def test_a_statute_list_opening_is_judged_by_its_items():
    national = """中华人民共和国示例法
第一条 教师享有下列权利：
（一）进行教育教学活动，开展教育教学改革和实验；
（二）从事科学研究、学术交流，参加专业的学术团体；
（三）参加进修或者其他方式的培训。
第二条 学校有下列行为之一的，由教育行政部门责令改正：
（一）克扣教师工资的；
（二）拒绝教师参加培训的。
"""
    provincial = """示例省实施《中华人民共和国示例法》办法
第一条 教师依法进行教育教学活动，开展教育教学改革和实验。
第二条 教师依法从事科学研究、学术交流，参加专业的学术团体。
第三条 学校不得克扣教师工资，不得拒绝教师参加培训。
"""
    result = compare_outlines(outline_document(read_text(national)),
                              outline_document(read_text(provincial)))
    findings = {f.clause.text: f for f in result.clauses}
    opening = findings["教师享有下列权利："]
    assert opening.status is Status.COVERED and opening.reason.code == "list"
    assert "其后3项中2项由地方第一条第1句、第二条第1句承接" in opening.reason.text
    assert findings["（三）参加进修或者其他方式的培训。"].status is Status.MISSING
    # An opening that names who acts and what follows is judged on its own words.
    assert findings["学校有下列行为之一的，由教育行政部门责令改正："].reason.code != "list"


def test_a_reviewer_choosing_another_sentence_a_heading_takes_over_keeps_its_verdict():
    national = NATIONAL.replace("提升辅助决策能力。建立健全大数据辅助科学决策机制，统筹推进决策信息资源系统建设，全面提升政府决策科学化水平。",
                                "提升辅助决策能力。建立健全大数据辅助科学决策机制。统筹推进决策信息资源系统建设。")
    provincial = PROVINCIAL.replace(
        "1.建立健全大数据辅助科学决策机制，统筹推进全省决策信息资源系统建设，全面提升政府决策科学化水平。",
        "1.完善决策支撑。建立健全大数据辅助科学决策机制。统筹推进全省决策信息资源系统建设。")
    result = compare_outlines(outline_document(read_text(national)),
                              outline_document(read_text(provincial)))
    heading = next(f for f in result.clauses if f.clause.text == "提升辅助决策能力。")
    assert heading.reason.code == "heading" and len(heading.matches) == 2
    second = heading.matches[1]
    reviewed = review(result, [ReviewDecision(f"N{heading.clause.id}", match=f"P{second.clause.id}")])
    row = next(r for r in reviewed[0] if r.finding is heading)
    assert row.suggested is Status.COVERED and row.status is Status.COVERED
    assert row.match.clause.id == second.clause.id and row.score == second.score


@pytest.mark.parametrize("paragraph", [
    # A short task in the middle of a paragraph of tasks.
    "各地要完善药款结算制度，按时结算药款。严查医疗机构不按时结算药款问题。医保基金在总额预算的基础上提前预付。",
    # A short task closed by its own note.
    "鼓励退役运动员投身体育竞赛表演产业。（体育总局、教育部负责）重视和鼓励新型转播技术的应用。",
    # A short opening sentence that shares nothing with what follows.
    "严查医疗机构不按时结算药款问题。完善城乡居民医保制度，提高筹资标准。",
    # Where a body sits, and whom a text encourages, said in two phrases: tasks.
    "监测协调委办公室设在生态环境部，承担协调委的日常工作。办公室主任由生态环境部负责同志担任。",
    "鼓励各类媒体播出监测节目，普及水质安全知识。支持开展监测开放日活动。",
    # A rule bound by 应 or 可以 (国办函〔2005〕57号: its two phrases read as the heading of the
    # reward rule after it, and the allowance was 无需地方落实 with the rewards).
    "对参加监测工作的人员，应给予适当的通信、加班等补助。对有突出表现的监测人员给予表彰和奖励。",
    "对参加监测工作的人员，可以给予适当的通信补助。对有突出表现的监测人员给予表彰和奖励。",
    # A short sentence that names whom it encourages, among tasks, in one phrase too (国办发
    # 〔2018〕128号: it and the short task after it were read as a series of headings, and taken
    # as carried with the tasks after them).
    "强化对试点城市固体废物利用工作的督导检查。鼓励试点城市制定相关地方性法规和规章。"
    "依法严厉打击各类固体废物非法转移、倾倒行为。加强固体废物集散地综合整治。"
    "对固体废物监管责任落实不到位的，依纪依法严肃追究责任。",
])
def test_short_tasks_are_not_taken_for_headings(paragraph):
    clauses = outline_document(read_text("示例意见\n一、重点任务\n（一）示例。\n" + paragraph)).clauses()
    assert headed_sentences(clauses, Parameters().lead_chars) == {}


def test_a_heading_closed_by_the_note_of_the_task_it_heads_is_still_a_heading():
    clauses = outline_document(read_text(
        "示例方案\n一、主要任务\n（一）强化检测安全管控。\n筑牢检测源头防线。新建检测项目，严格落实检测评价要求。"
        "（生态环境部指导）夯实检测过程基础。建立检测台账制度，推动检测数据联网。（生态环境部、工业和信息化部指导）\n"
        )).clauses()
    heads = {clauses[head].text for head in headed_sentences(clauses, Parameters().lead_chars)}
    assert heads == {"筑牢检测源头防线。", "夯实检测过程基础。"}


def test_a_heading_that_announces_only_what_no_province_carries_is_not_expected_either():
    national = NATIONAL.replace("二、强化安全保障",
                                "二、营造良好数字生态\n（一）深化国际交流。\n深化国际合作。积极参与数字化发展国际规则制定，"
                                "促进跨境信息共享和数字技术合作。\n三、强化安全保障")
    findings = _findings(national, PROVINCIAL)
    heading = findings["深化国际合作。"]
    assert heading.status is Status.NOT_EXPECTED and heading.reason.code == "central"
    assert heading.reason.text.startswith("本句引出的各句无需地方落实")


def test_principles_each_in_a_paragraph_of_their_own_are_a_series_of_headings():
    national = """示例指导意见
一、总体要求
（一）基本原则。
坚持问题导向。从检测服务发展面临的实际问题出发，加快推进检测机构改革。
坚持市场驱动。遵循检测服务发展规律，以体制机制创新激发市场主体活力。
坚持因地制宜。立足各地特色资源和功能定位，发挥比较优势，明确发展重点。
"""
    clauses = outline_document(read_text(national)).clauses()
    heads = {clauses[head].text for head in headed_sentences(clauses, Parameters().lead_chars)}
    # 坚持因地制宜 shares no word with its sentence, but stands in the series.
    assert heads == {"坚持问题导向。", "坚持市场驱动。", "坚持因地制宜。"}
    # A rule opening a paragraph of the series is judged on its own words.
    ruled = outline_document(read_text(national + "严禁层层加码。各地不得擅自提高检测标准。\n")).clauses()
    assert "严禁层层加码。" not in {ruled[h].text for h in headed_sentences(ruled, Parameters().lead_chars)}
    # Alone in its section, such a principle is no heading.
    alone = outline_document(read_text("示例指导意见\n一、总体要求\n（一）基本原则。\n"
                                       "坚持因地制宜。立足各地特色资源和功能定位，发挥比较优势。\n")).clauses()
    assert headed_sentences(alone, Parameters().lead_chars) == {}


def test_a_heading_of_two_phrases_opening_its_paragraph_is_judged_by_what_it_heads():
    national = ("示例工作方案\n二、主要任务\n（一）强化顶层设计，发挥政府指导作用。\n"
                "建立检测指标体系，发挥导向引领作用。2024年底前，研究建立以检测覆盖率为核心的指标体系，"
                "指导试点城市开展检测工作。\n"
                "各地要完善检测结算制度，按时结算检测费用。严查检测机构不按时结算问题。\n")
    provincial = ("示例省实施方案\n二、主要任务\n（一）强化顶层设计。\n"
                  "1. 建立指标体系。2024年底前，研究建立以检测覆盖率为核心的指标体系，指导各市开展检测工作。\n")
    findings = _findings(national, provincial)
    heading = findings["建立检测指标体系，发挥导向引领作用。"]
    assert heading.status is Status.COVERED and heading.reason.code == "heading"
    # Two phrases that name who must act are a task, judged on their own.
    task = findings["各地要完善检测结算制度，按时结算检测费用。"]
    assert task.status is Status.MISSING and task.reason.code != "heading"


def test_a_heading_of_two_phrases_may_hold_应_inside_a_word():
    # 顺应, 应保尽保 bind no one: such two-phrase headings still head their paragraph.
    for heading in ("顺应监测发展趋势，提升监测服务质量。", "落实监测应保尽保，兜牢监测民生底线。"):
        clauses = outline_document(read_text(
            "示例意见\n一、重点任务\n（一）示例。\n" + heading + "推动监测数据共享。推广监测服务。\n")).clauses()
        heads = headed_sentences(clauses, Parameters().lead_chars)
        assert [clauses[h].text for h in heads] == [heading], heading


def test_a_heading_of_two_phrases_heads_its_whole_paragraph():
    clauses = outline_document(read_text(
        "示例意见\n一、重点任务\n（一）示例。\n"
        "以绿色生活方式为引领，促进监测废物减量。推动公共机构无纸化办公。推广绿色办公用品。\n")).clauses()
    heads = headed_sentences(clauses, Parameters().lead_chars)
    texts = {clauses[h].text: [clauses[i].text for i in group] for h, group in heads.items()}
    assert list(texts) == ["以绿色生活方式为引领，促进监测废物减量。"]
    assert texts["以绿色生活方式为引领，促进监测废物减量。"] == ["推动公共机构无纸化办公。", "推广绿色办公用品。"]
