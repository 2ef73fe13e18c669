"""Clause splitting and the metadata lifted out of sentences."""

from __future__ import annotations

import pytest

from core.clauses import build_clauses, heading_note, split_sentences, with_heading_note


def test_sentences_split_after_stops_and_semicolons_keeping_closing_quotes():
    text = "推行“一网通办。”强化协同；完善机制！是否可行？余下"
    assert [s for _, s in split_sentences(text)] == ["推行“一网通办。”", "强化协同；", "完善机制！", "是否可行？", "余下"]


def test_responsibility_note_with_nested_brackets_and_deadline_applies_to_its_task():
    clauses = build_clauses("2.1", (
        "推进政务数据共享。建设一体化平台。（责任单位：省发展改革委、省数据局，各市（州）人民政府；2024年底前完成）"
        "强化安全保障。（牵头单位：省委网信办）",))
    assert [c.text for c in clauses] == ["推进政务数据共享。", "建设一体化平台。", "强化安全保障。"]
    assert clauses[0].responsibility == ("省发展改革委", "省数据局", "各市（州）人民政府")
    assert clauses[1].deadline == "2024年底前完成"
    assert clauses[2].responsibility == ("省委网信办",)
    assert clauses[2].deadline == ""
    assert [c.id for c in clauses] == ["2.1-1", "2.1-2", "2.1-3"]


def test_standalone_deadline_notes_are_metadata():
    clauses = build_clauses("3", ("建立考核机制。（长期坚持）", "完成平台迁移。（2023年6月底前）"))
    assert [(c.text, c.deadline) for c in clauses] == [
        ("建立考核机制。", "长期坚持"), ("完成平台迁移。", "2023年6月底前")]


def test_quantified_targets_stay_in_text_and_are_listed():
    [clause] = build_clauses("1", ("到2025年，政务服务事项网上可办率达到90%以上，办理时限压减至3个工作日。",))
    assert "到2025年" in clause.text
    assert clause.targets == ("到2025年", "90%", "3个工作日")
    # A deadline written 年年底, a sum of money, an age, a span of years written 以内 (blind
    # drafts lost each and read 已覆盖: 2020年年底前 dropped, 5000元以上的资金 → 必要的资金,
    # 年龄一般不超过70周岁 → 符合有关规定, 五年以内 → 较近).
    for text, target in (("经批准，2020年年底前重点检测企业可免缴国有资本收益。", "2020年年底前"),
                         ("检测社团还应有固定的联络地点、5000元以上的资金。", "5000元"),
                         ("负责人年龄一般不超过70周岁。", "70周岁"),
                         ("对距法定退休年龄五年以内的人员，可以提前离岗。", "五年以内")):
        [clause] = build_clauses("1", (text,))
        assert clause.targets == (target,), text


def test_note_without_a_full_stop_before_it_still_attaches():
    [clause] = build_clauses("1", ("建设示例政务通（责任单位：省数据局）",))
    assert (clause.text, clause.responsibility) == ("建设示例政务通", ("省数据局",))


def test_items_of_a_statute_keep_the_sentence_that_opens_their_list():
    paragraphs = ("发生突发事件后，县级以上人民政府应当采取下列措施：",
                  "（一）组织营救和救治受害人员；",
                  "（二）迅速控制危险源，标明危险区域。",
                  "有关单位应当予以配合。",
                  "（一）不属于任何清单的项；")
    clauses = build_clauses("3", paragraphs, statute=True)
    lead_in, first, second, after, stray = clauses
    assert lead_in.lead_in == "" and not lead_in.item
    assert first.lead_in == second.lead_in == "发生突发事件后，县级以上人民政府应当采取下列措施："
    assert (first.paragraph, second.paragraph) == (1, 1)
    # A 款 that does not end in a colon opens no list: the item after it has no lead-in.
    assert after.lead_in == "" and stray.item == "（一）" and stray.lead_in == ""
    # Policy text is not read as 款 and 项.
    assert all(c.lead_in == "" for c in build_clauses("3", paragraphs))


def test_a_title_holding_a_title_takes_the_inner_marks():
    from core.text import book_title
    assert book_title("北京市实施《中华人民共和国教师法》办法") == "《北京市实施〈中华人民共和国教师法〉办法》"
    assert book_title("优化营商环境条例") == "《优化营商环境条例》"


def test_the_state_councils_own_notes_name_who_is_responsible():
    clauses = build_clauses("1", (
        "鼓励退役运动员投身体育竞赛表演产业。（体育总局、教育部负责）重视和鼓励新型转播技术的应用。"
        "（国家发展改革委、财政部等按职责分工负责）",
        "加快推进项目审批。（教育部牵头，各有关部门按职责分工负责）",
        "各地要加强监管（由县级人民政府负责）。",
        # Long lists of units, 牵头负责, and the first note's reading instruction.
        "推动检测装备产业升级。（工业和信息化部、发展改革委、科技部、农业农村部等负责。列第一位者为牵头单位，下同）",
        "拓展国际合作。（商务部、国资委、国际发展合作署、人民银行、银保监会、民航局、海关总署等负责）",
        "健全协调机制。（农业农村部、工业和信息化部牵头负责）",
        # 负责部门 with where the measure applies.
        "下放检测机构审批权限。（负责部门：市场监管总局、商务部；适用范围：所有试验区，以下除标注外适用范围均为所有试验区）",
        "支持开展检测结果互认。（负责部门：市场监管总局，适用范围：河南试验区）"))
    assert [(c.text, c.responsibility) for c in clauses[4:]] == [
        ("推动检测装备产业升级。", ("工业和信息化部", "发展改革委", "科技部", "农业农村部")),
        ("拓展国际合作。", ("商务部", "国资委", "国际发展合作署", "人民银行", "银保监会", "民航局", "海关总署")),
        ("健全协调机制。", ("农业农村部", "工业和信息化部")),
        ("下放检测机构审批权限。", ("市场监管总局", "商务部")),
        ("支持开展检测结果互认。", ("市场监管总局",)),
    ]
    assert [(c.text, c.responsibility) for c in clauses[:4]] == [
        ("鼓励退役运动员投身体育竞赛表演产业。", ("体育总局", "教育部")),
        ("重视和鼓励新型转播技术的应用。", ("国家发展改革委", "财政部")),
        ("加快推进项目审批。", ("教育部", "各有关部门")),
        # A bracket inside a sentence is its text, not a note.
        ("各地要加强监管（由县级人民政府负责）。", ()),
    ]


def test_the_departments_that_guide_a_pilot_are_a_note_after_a_task_or_at_the_head_of_one():
    clauses = build_clauses("1", (
        "统筹检测发展与固体废物管理。组织开展调查评估。（生态环境部指导，试点城市政府负责落实。"
        "以下均需试点城市政府落实，不再列出）",
        "（工业和信息化部、商务部、生态环境部指导）以铅酸蓄电池为重点，落实生产者责任延伸制度。",
        "推动公共机构无纸化办公。(国家发展改革委、市场监管总局、国管局指导)",
        "推广增值税一般纳税人资格试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）",
        # A long list of guiding departments is a note all the same.
        "集成检测试点示范政策。（国家发展改革委、生态环境部、财政部、工业和信息化部、住房城乡建设部、自然资源部、"
        "商务部、农业农村部、国家统计局、国家卫生健康委指导）"))
    assert [(c.text, c.responsibility) for c in clauses] == [
        ("统筹检测发展与固体废物管理。", ("生态环境部", "试点城市政府")),
        ("组织开展调查评估。", ("生态环境部", "试点城市政府")),
        ("以铅酸蓄电池为重点，落实生产者责任延伸制度。", ("工业和信息化部", "商务部", "生态环境部")),
        ("推动公共机构无纸化办公。", ("国家发展改革委", "市场监管总局", "国管局")),
        ("推广增值税一般纳税人资格试点。", ("税务总局", "财政部", "海关总署")),
        ("集成检测试点示范政策。", ("国家发展改革委", "生态环境部", "财政部", "工业和信息化部", "住房城乡建设部",
                                 "自然资源部", "商务部", "农业农村部", "国家统计局", "国家卫生健康委")),
    ]



def test_a_second_role_in_one_note_names_no_unit():
    """（牵头单位：省委网信办；配合单位：省公安厅、省数据局）: 配合单位 stood in the Excel 责任单位
    column as a unit of its own (配合单位：省公安厅)."""
    [clause] = build_clauses("1", ("开展网络安全实战攻防演练。（牵头单位：省委网信办；配合单位：省公安厅、省数据局）",))
    assert clause.responsibility == ("省委网信办", "省公安厅", "省数据局")


def test_a_note_on_a_line_of_its_own_applies_to_the_task_paragraphs_before_it():
    # As provincial 实施意见 set them: the task's paragraphs, then the note alone on a line.
    clauses = build_clauses("2.1", (
        "推进政务云集约建设。各市（州）原则上不再新建政务云平台。",
        "2023年底前，省直部门非涉密业务系统全部迁移上云。",
        "（责任单位：省数据局，各市（州）人民政府）",
        "提升电子政务外网支撑能力。（2024年底前完成）",
        "统筹建立跨网数据传输机制。",
        "（责任单位：省数据局、省通信管理局）",
    ))
    assert [c.responsibility for c in clauses] == [
        ("省数据局", "各市（州）人民政府")] * 3 + [("省数据局", "省通信管理局")] * 2
    # A deadline after a sentence does not end the task the later note names units for.
    assert [c.deadline for c in clauses] == ["", "", "", "2024年底前完成", ""]
    # The note line holds no clause, and keeps its place in the numbering of paragraphs.
    assert [c.paragraph for c in clauses] == [1, 1, 2, 4, 5]


def test_a_note_line_read_from_a_document_reaches_the_clauses(tmp_path):
    from core.compare import load_outline
    path = tmp_path / "实施意见.txt"
    path.write_text("关于加强数字政府建设的实施意见\n一、主要任务\n（一）推进政务云集约建设。\n"
                    "建立全省政务云资源统一调度机制，加强资源管理和调度。\n"
                    "（责任单位：省数据局，各市（州）人民政府）\n"
                    "（二）提升网络支撑能力。\n推动电子政务外网向乡镇延伸。\n"
                    "（责任单位：省通信管理局）\n", encoding="utf-8")
    outline = load_outline(path)
    noted = {c.text: c.responsibility for s in outline.sections for c in s.clauses}
    assert noted["建立全省政务云资源统一调度机制，加强资源管理和调度。"] == (
        "省数据局", "各市（州）人民政府")
    assert noted["推动电子政务外网向乡镇延伸。"] == ("省通信管理局",)


def test_a_note_line_without_brackets_is_a_note_not_a_sentence(tmp_path):
    from core.compare import load_outline
    path = tmp_path / "实施方案.txt"
    path.write_text("示例省数字政府建设实施方案\n一、主要任务\n（一）推进政务云集约建设。\n"
                    "建立全省政务云资源统一调度机制。\n责任单位：省数据局，各市（州）人民政府\n"
                    "（二）强化安全保障。\n健全网络安全责任制。\n"
                    "牵头单位：省委网信办；配合单位：省公安厅。完成时限：2025年底前\n",
                    encoding="utf-8")
    clauses = [c for s in load_outline(path).sections for c in s.clauses]
    # Read as sentences, the lines stood in the comparison as the province's own additions.
    assert [c.text for c in clauses] == ["建立全省政务云资源统一调度机制。", "健全网络安全责任制。"]
    assert [(c.responsibility, c.deadline) for c in clauses] == [
        (("省数据局", "各市（州）人民政府"), ""), (("省委网信办", "省公安厅"), "2025年底前")]
    # A sentence that only opens with such words is no note line.
    [kept] = build_clauses("1", ("负责部门：各级人民政府应当明确本地区的检测机构，并向社会公布。",))
    assert kept.text.startswith("负责部门：") and kept.responsibility == ()


def test_a_numbered_task_followed_only_by_a_note_line_is_a_task_with_its_units(tmp_path):
    from core.compare import load_outline
    path = tmp_path / "实施方案.txt"
    path.write_text("示例省数字政府建设实施方案\n一、主要任务\n"
                    "1.深化数字技术应用，推进政务数据共享。\n责任单位：省政府办公厅、省数据局\n"
                    "2.强化安全保障，健全网络安全责任制。\n（责任单位：省委网信办）\n", encoding="utf-8")
    clauses = [c for s in load_outline(path).sections for c in s.clauses]
    assert [(c.text, c.responsibility) for c in clauses] == [
        ("深化数字技术应用，推进政务数据共享。", ("省政府办公厅", "省数据局")),
        ("强化安全保障，健全网络安全责任制。", ("省委网信办",))]


@pytest.mark.parametrize("note, units, deadline", [
    ("（省数据局牵头，各市（州）人民政府负责落实）", ("省数据局", "各市（州）人民政府"), ""),
    ("（省数据局负责，2024年底前完成）", ("省数据局",), "2024年底前完成"),
    ("【责任单位：省数据局】", ("省数据局",), ""),
    ("（省数据局等部门，2024年底前）", ("省数据局",), "2024年底前"),
    ("（公安部、交通运输部、空管委办公室负责）", ("公安部", "交通运输部", "空管委办公室"), ""),
    # Units a walk through real drafts found read as a sentence of their own (本省新增) and the
    # task left with none: bodies (省残联, 总队, 海关, 军区, 企业), the places that carry a task
    # with the brackets in their names, the part played after a unit of several words.
    ("（省政务服务中心牵头，省残联配合）", ("省政务服务中心", "省残联"), ""),
    ("（省民政厅牵头，各市（州）、县（市、区）人民政府负责）",
     ("省民政厅", "各市（州）", "县（市、区）人民政府"), ""),
    ("（省市场监管局牵头，省直有关部门配合，各县（市、区）落实）",
     ("省市场监管局", "省直有关部门", "各县（市、区）"), ""),
    ("（省数据局、省国资委、省属国有企业负责）", ("省数据局", "省国资委", "省属国有企业"), ""),
    ("（省应急厅牵头，省消防救援总队、西岭海关、省军区配合）",
     ("省应急厅", "省消防救援总队", "西岭海关", "省军区"), ""),
    ("（责任单位：省数据局，各市（州）政府按职责分工落实）", ("省数据局", "各市（州）政府"), ""),
    ("[责任单位：省数据局]", ("省数据局",), ""),
    # Deadlines in the forms plans give them: the whole of it is the deadline, none of it a unit.
    ("（责任单位：省政府办公厅、省机关事务管理局；完成时限：2023年12月31日前）",
     ("省政府办公厅", "省机关事务管理局"), "2023年12月31日前"),
    ("（责任单位：省政府办公厅；完成时限：2023—2025年）", ("省政府办公厅",), "2023—2025年"),
    ("（责任单位：省政府办公厅；完成时限：2024年第三季度）", ("省政府办公厅",), "2024年第三季度"),
    ("（责任单位：省政府办公厅；完成时限：每年）", ("省政府办公厅",), "每年"),
    ("（责任单位：省政府办公厅；完成时限：2025年底前完成并长期坚持）", ("省政府办公厅",),
     "2025年底前完成并长期坚持"),
    ("（省数据局牵头；完成时限：2024年第三季度）", ("省数据局",), "2024年第三季度"),
    # Two notes side by side are one: the deadline of the second was lost.
    ("（责任单位：省科技厅）（完成时限：2025年底前）", ("省科技厅",), "2025年底前"),
    ("（责任单位：省科技厅） （完成时限：2025年底前）", ("省科技厅",), "2025年底前"),
    # A deadline in words, as a table of tasks gives it: it was read as a unit.
    ("（牵头单位：省数据局；完成时限：长期）", ("省数据局",), "长期"),
    ("（牵头单位：省数据局；完成时限：2024年起）", ("省数据局",), "2024年起"),
    # Bodies that name a kind as readily as a unit, when the note says the part they play.
    ("（乡镇、街道负责）", ("乡镇", "街道"), ""),
])
def test_notes_in_the_other_forms_drafters_write_them(note, units, deadline):
    clauses = build_clauses("1", (f"推进政务数据共享。{note}建设一体化平台。",))
    assert [c.text for c in clauses] == ["推进政务数据共享。", "建设一体化平台。"]
    assert (clauses[0].responsibility, clauses[0].deadline) == (units, deadline)
    assert clauses[1].responsibility == ()


@pytest.mark.parametrize("aside", ["（以下简称省数据局）", "（国办发〔2022〕14号）", "（一）", "（试行）",
                                   "（省数据局牵头", "（含各市（州））", "（重点企业）", "（金融机构）",
                                   "（乡镇、街道）"])
def test_an_aside_in_brackets_after_a_sentence_is_no_note(aside):
    clauses = build_clauses("1", (f"推进政务数据共享。{aside}",))
    assert all(c.responsibility == () for c in clauses)
    assert "".join(c.text for c in clauses) == f"推进政务数据共享。{aside}"


@pytest.mark.parametrize("line", ["牵头单位：省数据局。具体工作由各市负责推进。",
                                  "责任单位：省数据局，各市县政府要抓好落实。",
                                  "时间节点：2023年底前，完成省级平台建设；2025年底前，全面建成一体化平台。"])
def test_a_line_that_opens_as_a_note_and_says_more_stays_text(line):
    """Taken for a note, its sentences went into the 责任单位 column, or came out bracketed."""
    clauses = build_clauses("1", ("推进数据共享。", line))
    assert "".join(c.text for c in clauses[1:]) == line
    assert all(c.responsibility == () for c in clauses)


def test_a_note_line_ends_its_task_and_the_next_note_line_joins_it():
    clauses = build_clauses("1", ("任务一。", "完成时限：2024年底前", "任务二。", "责任单位：省公安厅"))
    assert [(c.responsibility, c.deadline) for c in clauses] == [
        ((), "2024年底前"), (("省公安厅",), "")]
    clauses = build_clauses("1", ("任务一。", "责任单位：省数据局", "完成时限：2024年底前", "任务二。"))
    assert [(c.responsibility, c.deadline) for c in clauses] == [
        (("省数据局",), "2024年底前"), ((), "")]


def test_a_second_note_line_adds_its_units_to_the_first():
    """牵头单位 on one line and 配合单位 on the next: the 配合单位 were dropped."""
    clauses = build_clauses("1", ("建立全省政务数据目录。", "牵头单位：省数据局", "配合单位：省公安厅、省财政厅",
                                  "完成时限：2024年12月31日前", "任务二。"))
    assert [(c.responsibility, c.deadline) for c in clauses] == [
        (("省数据局", "省公安厅", "省财政厅"), "2024年12月31日前"), ((), "")]
    # A unit list with brackets in it, on a line of its own, is a note too.
    clauses = build_clauses("1", ("建设平台。", "责任单位：省数据局，各市（州）、县（市、区）人民政府"))
    assert [c.responsibility for c in clauses] == [("省数据局", "各市（州）", "县（市、区）人民政府")]


def test_a_note_heading_a_paragraph_assigns_every_sentence_of_it():
    """As a run-in heading leaves it (2. 推行智慧监管。（责任单位：省市场监管局）加强……。大力推行……。):
    only the first sentence had the unit."""
    clauses = build_clauses("1", ("（责任单位：省市场监管局）加强监管。大力推行“互联网+监管”。", "另一项任务。"))
    assert [(c.text, c.responsibility) for c in clauses] == [
        ("加强监管。", ("省市场监管局",)), ("大力推行“互联网+监管”。", ("省市场监管局",)),
        ("另一项任务。", ())]


def test_a_period_in_a_title_is_no_deadline():
    text = "编制《示例新区总体规划（2018—2035年）》，报省政府批准。"
    clauses = build_clauses("1", (text,))
    assert [(c.text, c.deadline) for c in clauses] == [(text, "")]


@pytest.mark.parametrize("text", ["“十四五”时期（2021—2025年），全省推进数字政府建设。",
                                  "落实国土空间规划（2021—2035年）要求，推进建设。",
                                  "深入贯彻《指导意见》（2022年6月6日）精神，推进建设。"])
def test_a_period_or_a_date_in_brackets_inside_a_sentence_is_text(text):
    clauses = build_clauses("1", (text,))
    assert [(c.text, c.deadline) for c in clauses] == [(text, "")]


def test_a_note_line_before_a_sections_first_sentence_assigns_its_body():
    """（一）推进共享 / （责任单位：省数据局） / 推进数据共享。……: the note was dropped."""
    clauses = build_clauses("1", ("（责任单位：省数据局）", "推进数据共享。建设平台。（责任单位：省公安厅）",
                                  "完善制度。"))
    assert [c.responsibility for c in clauses] == [("省公安厅",), ("省公安厅",), ("省数据局",)]


def test_a_note_line_after_a_paragraph_ending_in_a_note_adds_to_it():
    clauses = build_clauses("1", ("推进改革。（牵头单位：省数据局）", "（配合单位：省公安厅）", "下一项任务。"))
    assert [c.responsibility for c in clauses] == [("省数据局", "省公安厅"), ()]


@pytest.mark.parametrize("note, lead, support, others", [
    # The forms drafters give the parts in: labelled, said after a unit, after a run of units,
    # in brackets after a unit, as the State Council's 列第一位者为牵头单位.
    ("（牵头单位：省委网信办；配合单位：省公安厅、省数据局）", ("省委网信办",), ("省公安厅", "省数据局"), ()),
    ("（省数据局牵头，省公安厅、省财政厅配合）", ("省数据局",), ("省公安厅", "省财政厅"), ()),
    ("（省发展改革委、省财政厅牵头，各市（州）人民政府负责落实）", ("省发展改革委", "省财政厅"), (),
     ("各市（州）人民政府",)),
    ("（责任单位：省发展改革委（牵头）、省财政厅）", ("省发展改革委",), (), ("省财政厅",)),
    ("（主办单位：省数据局；协办单位：省公安厅；完成时限：2025年底前）", ("省数据局",), ("省公安厅",), ()),
    ("（省数据局牵头负责，2024年底前完成）", ("省数据局",), (), ()),
    ("（国家发展改革委、财政部等按职责分工负责。列第一位者为牵头单位，下同）", ("国家发展改革委",), (),
     ("财政部",)),
    ("（国家发展改革委、财政部负责，排在首位的部门为牵头部门）", ("国家发展改革委",), (), ("财政部",)),
    ("（省数据局会同省公安厅等部门负责）", ("省数据局",), ("省公安厅",), ()),
    ("（省数据局牵头组织实施）", ("省数据局",), (), ()),
    # Side by side, each in its brackets.
    ("（省数据局牵头）（省公安厅配合）", ("省数据局",), ("省公安厅",), ()),
    # Units named so: 室, 党校, 供销社, 学校.
    ("（省政府督查室牵头，省委党校、省供销社、各高等学校配合）", ("省政府督查室",),
     ("省委党校", "省供销社", "各高等学校"), ()),
    # No part named: 责任单位 only.
    ("（责任单位：省数据局、省公安厅）", (), (), ("省数据局", "省公安厅")),
    ("（交通运输部、财政部负责）", (), (), ("交通运输部", "财政部")),
])
def test_a_note_says_which_units_lead_and_which_support(note, lead, support, others):
    [clause] = build_clauses("1", ("推进政务数据共享。" + note,))
    assert clause.text == "推进政务数据共享。"
    assert clause.lead_units == lead and clause.support_units == support
    assert set(clause.responsibility) == set(lead + support + others)
    # 牵头单位 first, 配合单位, then the units named with no part (as these notes name them).
    expected = tuple((label, units) for label, units in (
        ("牵头单位", lead), ("配合单位", support), ("责任单位", others)) if units)
    assert clause.units_by_role() == expected


@pytest.mark.parametrize("note, by_role", [
    # A part in brackets is its unit's own, not the run's before it.
    ("（责任单位：省数据局、省公安厅（配合））", (("责任单位", ("省数据局",)), ("配合单位", ("省公安厅",)))),
    ("（责任单位：省财政厅、省发展改革委（牵头））", (("责任单位", ("省财政厅",)), ("牵头单位", ("省发展改革委",)))),
    # The groups in the order the note names them.
    ("（责任单位：省数据局；配合单位：省公安厅）", (("责任单位", ("省数据局",)), ("配合单位", ("省公安厅",)))),
    ("（省数据局负责，省公安厅配合）", (("责任单位", ("省数据局",)), ("配合单位", ("省公安厅",)))),
])
def test_a_part_is_given_as_the_note_gives_it(note, by_role):
    [clause] = build_clauses("1", ("推进政务数据共享。" + note,))
    assert clause.units_by_role() == by_role

def test_note_lines_give_their_parts_and_a_heading_note_passes_them_on():
    [clause] = build_clauses("1", ("推进政务数据共享。", "牵头单位：省数据局", "配合单位：省公安厅"))
    assert clause.units_by_role() == (("牵头单位", ("省数据局",)), ("配合单位", ("省公安厅",)))
    # Before the section's first sentence too (配合单位 was dropped).
    [clause] = build_clauses("1", ("牵头单位：省数据局", "配合单位：省公安厅", "推进政务数据共享。"))
    assert clause.units_by_role() == (("牵头单位", ("省数据局",)), ("配合单位", ("省公安厅",)))
    # A unit that leads is not also printed among those that support.
    [clause] = build_clauses("1", ("推进政务数据共享。（省数据局牵头）", "（配合单位：省数据局、省公安厅）"))
    assert clause.units_by_role() == (("牵头单位", ("省数据局",)), ("配合单位", ("省公安厅",)))
    note = heading_note(("（牵头单位：省数据局）", "（配合单位：省公安厅；完成时限：长期）"))
    [under] = with_heading_note(build_clauses("1.1", ("推进政务数据共享。",)), note)
    assert (under.lead_units, under.support_units, under.deadline) == (("省数据局",), ("省公安厅",), "长期")
    # A task naming its own units keeps them, and their parts, whole.
    [own] = with_heading_note(build_clauses("1.1", ("推进政务数据共享。（省财政厅负责）",)), note)
    assert own.units_by_role() == (("责任单位", ("省财政厅",)),)


def test_the_state_councils_first_note_names_the_lead_of_every_note_after_it(tmp_path):
    from core.compare import load_outline
    path = tmp_path / "意见.txt"
    path.write_text("国务院关于加快推进农业机械化的意见\n各省、自治区、直辖市人民政府：\n"
                    "一、总体要求\n（一）加强科研。推进科研创新。（农业农村部、财政部负责）"
                    "开展技术攻关。（工业和信息化部、科技部等负责。列第一位者为牵头单位，下同）\n"
                    "二、重点任务\n（二）完善体系。加强装备研发。（工业和信息化部、科技部负责）"
                    "强化口岸监管。（海关总署负责）\n（三）推进应用。推广先进装备。（农业农村部、财政部等负责）\n"
                    "（四）强化监管。加强质量监管。（市场监管总局牵头，农业农村部配合）\n", encoding="utf-8")
    clauses = {c.text: c for s in load_outline(path).sections for c in s.clauses}
    assert clauses["开展技术攻关。"].lead_units == ("工业和信息化部",)
    assert clauses["加强装备研发。"].lead_units == ("工业和信息化部",)
    assert clauses["推广先进装备。"].lead_units == ("农业农村部",)
    # A note before it says nothing of leads, nor does a note naming one unit; one naming its
    # parts keeps them.
    assert clauses["推进科研创新。"].lead_units == ()
    assert clauses["强化口岸监管。"].units_by_role() == (("责任单位", ("海关总署",)),)
    assert clauses["加强质量监管。"].units_by_role() == (("牵头单位", ("市场监管总局",)),
                                                     ("配合单位", ("农业农村部",)))


def test_the_items_under_an_item_of_a_statute_belong_to_it():
    """目 (1. 2.) under a 项 that opens a list were read as 款 of their own: every later 款 moved
    on, and the 项 after them lost its lead-in (cited 第四款 3.……)."""
    clauses = build_clauses("3", ("法律援助机构提供下列服务：", "（一）法律咨询；", "（二）代理下列案件：",
                                  "1.民事案件；", "2.行政案件；", "（三）其他服务。", "法律援助机构应当公示服务事项。"),
                            statute=True)
    assert [(c.paragraph, c.item) for c in clauses] == [
        (1, ""), (1, "（一）"), (1, "（二）"), (1, "（二）"), (1, "（二）"), (1, "（三）"), (2, "")]
    assert clauses[5].lead_in == "法律援助机构提供下列服务："
    # A numbered 款 after a 项 that opens no list stays a 款.
    plain = build_clauses("4", ("有下列情形之一的，不予援助：", "（一）已经获得援助的。", "1.本款所称援助，是指法律援助。"),
                          statute=True)
    assert [(c.paragraph, c.item) for c in plain] == [(1, ""), (1, "（一）"), (2, "")]
