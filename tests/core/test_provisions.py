"""Articles that correspond by their function in the statute (purpose, scope, liability,
effective date), and wording a province kept from an article it otherwise rewrote."""

from __future__ import annotations

import pytest

from core.align import Parameters, compare_outlines
from core.articles import distinctive_phrases, judge_articles
from core.expected import dates_the_text, repeals_older_text
from core.model import Status
from core.outline import outline_document
from core.provisions import (Provision, cited_articles, cited_chapters, declared_names, law_names, offence, provision,
                             punished_articles, referenced_articles, refers_breaches)
from core.read import read_text


def _outline(text: str):
    return outline_document(read_text(text))


@pytest.mark.parametrize("text, position, kind", [
    ("为了预防和减少水污染事故，保障饮用水安全，制定本法。", 0, Provision.PURPOSE),
    ("为了实施《中华人民共和国水质监测法》，结合本市实际，制定本办法。", 0, Provision.PURPOSE),
    ("根据《中华人民共和国水质监测法》和有关法律、行政法规，结合本省实际，制定本条例。", 0,
     Provision.PURPOSE),
    ("本市行政区域内水质监测及其监督管理活动，适用本办法。", 1, Provision.SCOPE),
    ("违反本条例规定，由县级以上人民政府责令改正，处一万元以上五万元以下罚款。", 40, Provision.LIABILITY),
    ("对违反本办法的行为，法律、行政法规已经规定法律责任的，从其规定。", 40, Provision.LIABILITY),
    ("有关部门及其工作人员有下列情形之一的，依法给予处分：", 40, Provision.LIABILITY),
    ("对违反本办法的行为，招标投标法有明确处罚规定的，按照其规定进行处罚。", 40, Provision.LIABILITY),
    ("未依照本法履行职责的，对直接负责的主管人员依法给予降级、撤职或者开除的处分。", 40,
     Provision.LIABILITY),
    ("本条例自2030年1月1日起施行。", 60, Provision.EFFECTIVE_DATE),
    ("本法所称水质监测，是指对水体的物理、化学和生物指标进行采样、检测和评价的活动。", 5,
     Provision.DEFINITION),
    ("县级以上人民政府应当建立水质监测网络。", 2, Provision.OTHER),
    # A scope article with a body of its own is judged by its body.
    ("本法适用于水质监测活动。水质监测坚持统一规划、分级负责。县级以上人民政府应当建立监测网络。", 1,
     Provision.OTHER),
    # The frame stands at the opening: a later 为了… sentence is an ordinary article.
    ("为了保障监测质量，制定本法规定的技术规范时应当听取专家意见。", 30, Provision.OTHER),
    ("本法适用于水质监测活动。", 1, Provision.SCOPE),
    ("在本市行政区域内开发、利用水资源，应当遵守《中华人民共和国水法》和本办法。", 1, Provision.SCOPE),
    ("本法所称动物，是指家畜家禽和人工饲养的其他动物。本法所称动物产品，是指动物的肉、生皮。"
     "本法所称动物疫病，是指动物传染病。", 2, Provision.DEFINITION),
    ("本法自2008年1月1日起施行。1991年通过的《中华人民共和国外商投资企业和外国企业所得税法》和"
     "1993年发布的《中华人民共和国企业所得税暂行条例》同时废止。", 59, Provision.EFFECTIVE_DATE),
    # Ordinary articles the frame's words also turn up in.
    ("食品生产经营者对其生产经营食品的安全负责，承担社会责任。", 3, Provision.OTHER),
    ("其他合伙人不再执行合伙事务。", 26, Provision.OTHER),
    ("县级以上人民政府应当建立水质监测制度。前款所称监测制度，是指定期采样和检测的制度。", 16, Provision.OTHER),
    ("水质监测机构应当如实记录监测数据。\n违反前款规定的，由生态环境主管部门责令改正。", 12, Provision.OTHER),
    # A sanction listed as an item of something else does not make a liability article.
    ("水质监测机构不得有下列行为：\n（一）篡改监测数据，被责令改正后仍不改正；", 12, Provision.OTHER),
])
def test_the_kind_of_an_article(text, position, kind):
    assert provision(text.split("\n"), position) is kind


NATIONAL = """中华人民共和国水质监测法
第一章 总则
第一条 为了加强水质监测，预防和减少水污染事故，保障人民群众饮用水安全，促进经济社会可持续发展，制定本法。
第二条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据。
第二章 法律责任
第三条 水质监测机构未按照国家标准开展采样和检测，或者未如实记录监测数据，篡改或者伪造监测数据的，由生态环境主管部门责令改正，处十万元以上五十万元以下罚款。
第四条 本法自2030年1月1日起施行。
"""

PROVINCIAL = """示例省水质监测条例
第一章 总则
第一条 为了实施《中华人民共和国水质监测法》，结合本省实际，制定本条例。
第二条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据，并对数据的真实性负责。
第二章 法律责任
第三条 违反本条例第二条规定的，由省生态环境主管部门责令改正，处二十万元以上五十万元以下罚款。
第四条 本条例自2031年3月1日起施行。
"""


def _by_label(result):
    provincial_label = {s.id: s.label for s in result.provincial.sections}
    return {result.national.section(s.national).label: (s, {provincial_label[p] for p in s.provincial})
            for s in result.sections if result.national.section(s.national).kind == "article"}


def test_the_frame_corresponds_by_function():
    result = compare_outlines(_outline(NATIONAL), _outline(PROVINCIAL))
    verdicts = _by_label(result)
    # The purpose articles share hardly a word, yet the provincial one carries the national.
    purpose, places = verdicts["第一条"]
    assert places == {"第一条"} and purpose.status is Status.COVERED
    assert purpose.reason.code == "counterpart" and "立法目的" in purpose.reason.text
    # ... and the provincial purpose article is no local addition.
    assert not any("结合本省实际" in clause.text for clause in result.additions)
    # The fine goes to the provincial article that sets a fine, not to the duty it punishes.
    assert verdicts["第三条"][1] == {"第三条"}
    # The duty itself stays with the duty.
    assert "第二条" in verdicts["第二条"][1]
    # The national effective date is not carried by the province's own.
    effective, places = verdicts["第四条"]
    assert effective.status is Status.NOT_EXPECTED and not places
    # ... and that 施行 sentence is no local addition either.
    assert not any("施行" in clause.text for clause in result.additions)


def test_the_repeal_after_the_provinces_own_date_is_no_local_addition():
    """本条例自……起施行。……通过的《……办法》同时废止。: the repeal of the province's older text was
    listed as 本省新增; a repeal elsewhere in the text still is one."""
    repealed = PROVINCIAL.replace(
        "第四条 本条例自2031年3月1日起施行。",
        "第四条 本条例自2031年3月1日起施行。2005年5月1日示例省人民代表大会常务委员会通过的《示例省水质监测办法》同时废止。")
    result = compare_outlines(_outline(NATIONAL), _outline(repealed))
    assert not any("废止" in clause.text for clause in result.additions)
    elsewhere = repealed.replace("并对数据的真实性负责。", "并对数据的真实性负责。省内原有的监测规程不再执行。")
    result = compare_outlines(_outline(NATIONAL), _outline(elsewhere))
    assert [clause.text for clause in result.additions if "不再执行" in clause.text] == ["省内原有的监测规程不再执行。"]
    assert repeals_older_text("原《示例省水质监测办法》不再执行。")
    assert not repeals_older_text("对违法行为予以废止的决定应当公开。")


def test_a_sentence_dating_its_own_text():
    assert dates_the_text("本条例自2031年3月1日起施行。")
    assert dates_the_text("结合本省实际，本办法自公布之日起施行。")
    assert not dates_the_text("县级以上人民政府应当自收到申请之日起十日内作出决定。")


def test_distinctive_phrases_are_an_articles_own_and_hold_a_content_term():
    phrases = [["持续深化简政放权放管结合优化服务改革", "依法追究刑事责任", "短语"],
               ["依法追究刑事责任", "建立健全营商环境评价体系"]]
    content = {"持续深化简政放权放管结合优化服务改革", "建立健全营商环境评价体系"}
    own = distinctive_phrases(phrases, 8, lambda p: p in content)
    assert own(0) == ["持续深化简政放权放管结合优化服务改革"]
    assert own(1) == ["建立健全营商环境评价体系"]


def test_an_article_only_its_kept_wording_links_is_partial_and_quotes_it():
    national = _outline("国家条例\n第一条 国家持续深化简政放权、放管结合、优化服务改革，降低制度性交易成本。\n"
                        "第二条 国家建立营商环境评价制度。\n")
    provincial = _outline("某省条例\n第一条 本省坚持市场化原则，持续深化简政放权、放管结合、优化服务改革。\n")
    parameters = Parameters()
    kept = "持续深化简政放权放管结合优化服务改革"
    verdicts = judge_articles(
        national, provincial, similarity=[[0.05], [0.02]], carried=[[0.1], [0.0]],
        sentences=[[20.0], [0.0]], parameters=parameters,
        phrase_hits=lambda i: {0: [(kept, "持续深化简政放权、放管结合、优化服务改革")]} if i == 0 else {})
    first, second = (verdicts[a.id] for a in national.sections if a.kind == "article")
    assert first.status is Status.PARTIAL and first.provincial
    assert "持续深化简政放权、放管结合、优化服务改革" in first.reason.text
    assert second.status is Status.MISSING and second.reason.code == "too_weak"
    # Too little kept wording links nothing.
    short = judge_articles(
        national, provincial, similarity=[[0.05], [0.02]], carried=[[0.1], [0.0]],
        sentences=[[20.0], [0.0]], parameters=parameters,
        phrase_hits=lambda i: {0: [("优化服务改革", "优化服务改革")]} if i == 0 else {})
    assert next(iter(short.values())).status is Status.MISSING


def test_penalties_for_one_breach_are_linked_however_the_whole_texts_weigh():
    national = _outline("国家土地法\n第一条 国家保护耕地，严格控制耕地转为非耕地。\n"
                        "第二条 侵占、挪用被征收土地单位的征地补偿费用和其他有关费用，构成犯罪的，依法追究刑事责任；"
                        "尚不构成犯罪的，依法给予处分。\n"
                        "第三条 非法占用耕地建窑、建坟的，由县级以上人民政府自然资源主管部门责令限期改正，可以并处罚款。\n")
    provincial = _outline("示例市土地办法\n第一条 本市保护耕地，严格控制耕地转为非耕地。\n"
                          "第二条 违反本办法规定，截留、侵占或者挪用征地补偿费用的，依法予以追回，并依法给予行政处分；"
                          "构成犯罪的，依法追究刑事责任。\n"
                          "第三条 擅自在耕地上建房、挖砂的，由市规划和自然资源部门责令改正，处以罚款。\n")

    def verdicts(floor):
        # The provincial 第二条 reads, as a whole, far more like the national 第一条 than like any
        # penalty: no link from evidence alone reaches the national 第二条.
        found = judge_articles(national, provincial,
                               similarity=[[0.9, 0.9, 0.0], [0.0, 0.05, 0.05], [0.0, 0.05, 0.1]],
                               carried=[[0.9, 0, 0], [0, 0.05, 0.0], [0, 0.0, 0.1]],
                               sentences=[[90, 0, 0], [0, 20, 10], [0, 10, 30]],
                               parameters=Parameters(article_same_breach=floor))
        return {a.label: found[a.id] for a in national.sections if a.kind == "article"}
    linked = verdicts(Parameters().article_same_breach)
    assert linked["第二条"].status is Status.PARTIAL
    assert [provincial.section(p).label for p in linked["第二条"].provincial] == ["第二条"]
    # Breaches that share little more than 耕地 are not alike enough.
    assert linked["第三条"].status is Status.MISSING
    assert verdicts(1.0)["第二条"].status is Status.MISSING


def test_a_provision_not_expected_is_not_carried_by_shared_formulas():
    national = _outline("中华人民共和国水质监测法\n"
                        "第一条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。\n"
                        "第二条 中国人民解放军和中国人民武装警察部队依照本法和其他有关法律、行政法规、"
                        "军事法规的规定以及中央军事委员会的命令，参加水污染事故的应急处置工作。\n")
    provincial = _outline("示例省水质监测条例\n"
                          "第一条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。\n"
                          "第二条 对违反本条例的行为，本法和其他有关法律、行政法规已经规定法律责任的，"
                          "依照其规定处理；水污染事故的应急处置工作依照有关法律、行政法规的规定执行。\n")
    verdicts = _by_label(compare_outlines(national, provincial))
    military, places = verdicts["第二条"]
    assert military.status is Status.NOT_EXPECTED and not places
    assert military.reason.code == "central"


def test_a_definition_is_carried_only_by_an_article_that_defines():
    national = _outline("中华人民共和国水质监测法\n"
                        "第一条 本法所称水质监测，是指对地表水和地下水的物理、化学和生物指标进行采样、检测和评价的活动。\n"
                        "第二条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。\n")
    uses = _outline("示例省水质监测条例\n"
                    "第一条 本省行政区域内地表水和地下水的水质监测及其监督管理活动，适用本条例。\n"
                    "第二条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。\n")
    defining = _outline("示例省水质监测条例\n"
                        "第一条 本条例所称水质监测，是指对地表水、地下水的物理、化学和生物指标进行采样、检测、评价的活动。\n"
                        "第二条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。\n")
    definition, places = _by_label(compare_outlines(national, uses))["第一条"]
    assert definition.status is Status.MISSING and not places
    definition, places = _by_label(compare_outlines(national, defining))["第一条"]
    assert places == {"第一条"} and definition.status is not Status.MISSING


def test_kept_wording_is_quoted_as_the_national_text_prints_it(corpus):
    import re

    from core.compare import compare_files

    texts = corpus / "real-pairs" / "texts"
    comparison = compare_files(texts / "law_national_youhua_yingshang_huanjing_tiaoli_2019.txt",
                               texts / "law_beijing_youhua_yingshang_huanjing_tiaoli_2020.txt")
    quoting = [a for a in comparison.articles if "沿用了本条的表述" in a.reason.text]
    assert quoting
    for article in quoting:
        national = "".join(comparison.national.section(article.national).paragraphs)
        for quote in re.findall(r"“([^”]+)”", article.reason.text):
            assert quote in national


def test_a_penalty_goes_to_the_provincial_penalty_for_the_same_duty():
    national = _outline(
        "中华人民共和国水质监测法\n"
        "第一条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。\n"
        "第二条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据。\n"
        "第三条 排污单位应当安装污染物排放自动监测设备，并与生态环境主管部门的监控设备联网。\n"
        "第四条 违反本法第二条规定的，由生态环境主管部门责令改正，处十万元以上五十万元以下罚款。\n")
    provincial = _outline(
        "示例省水质监测条例\n"
        "第一条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况。\n"
        "第二条 排污单位应当安装污染物排放自动监测设备，并与生态环境主管部门的监控设备联网。\n"
        "第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，保存原始记录不少于六年。\n"
        "第四条 违反本条例第二条规定的，由县级以上生态环境主管部门责令限期安装，逾期不安装的，处二万元以上五万元以下罚款。\n"
        "第五条 违反本条例第三条规定的，由省生态环境主管部门没收违法所得，吊销其资质证书。\n")
    assert referenced_articles(["违反本条例第三条规定，依照《中华人民共和国行政处罚法》第十二条处理。"]) == {3}
    assert referenced_articles(["违反《消费者权益保护法》第四十一条、第四十二条的规定"]) == set()
    assert referenced_articles(["依照刑法第一百四十四条的规定处罚"]) == set()
    assert referenced_articles(["违反本法第五条至第七条、第九条规定"]) == {5, 6, 7, 9}
    # Only the breach a penalty opens with names the duty it punishes.
    assert punished_articles(["违反本法第二十条规定的，依照本法第一百二十三条处罚。"]) == {20}
    verdicts = _by_label(compare_outlines(national, provincial))
    # 第四条 punishes a breach of 第二条, carried by provincial 第三条, whose breach provincial
    # 第五条 punishes: the two penalties correspond, however differently they sanction it.
    assert "第五条" in verdicts["第四条"][1] and "第四条" not in verdicts["第四条"][1]


def test_an_article_sharing_nothing_has_no_nearest_and_no_provincial_articles_is_no_error():
    national = _outline("国家条例\n第一条 县级以上人民政府应当建立水质监测网络。\n"
                        "第二条 国家建立营商环境评价制度。\n")
    provincial = _outline("某省条例\n第一条 本省加强茶产业溯源。\n")
    verdicts = judge_articles(national, provincial, similarity=[[0.0], [0.0]],
                              carried=[[0.0], [0.0]], sentences=[[0.0], [0.0]],
                              parameters=Parameters())
    assert {v.reason.code for v in verdicts.values()} == {"no_candidate"}
    empty = _outline("某省条例\n本省加强茶产业溯源。\n")
    verdicts = judge_articles(national, empty, similarity=[[], []], carried=[[], []],
                              sentences=[[], []], parameters=Parameters())
    assert all(v.status is Status.MISSING for v in verdicts.values())


def test_the_names_a_province_cites_its_national_statute_by():
    assert law_names("中华人民共和国教师法") == ("中华人民共和国教师法", "教师法")
    assert law_names("中华人民共和国防洪法（2016年修正）") == ("中华人民共和国防洪法", "防洪法")
    assert law_names("优化营商环境条例") == ("优化营商环境条例",)
    assert law_names("") == () and law_names("法") == ()
    names = law_names("中华人民共和国教师法")
    assert cited_articles(["市人民政府应当按照《教师法》第三十九条的规定，接受教师申诉。"], names) == {39}
    assert cited_articles(["符合《中华人民共和国教师法》第十条、第十一条规定的条件"], names) == {10, 11}
    assert cited_articles(["依照《教师法》第三条至第五条执行"], names) == {3, 4, 5}
    # Another law, or the national law's own implementing regulation, is not the statute.
    assert cited_articles(["依照《教师法实施条例》第十条执行；依照《劳动法》第三条执行"], names) == set()
    assert cited_articles(["依照本办法第三条执行"], names) == set()
    # A short form the province declares for the statute is its name too.
    declared = declared_names(["为了实施《中华人民共和国教师法》（以下简称《本法》），制定本办法。"], names)
    assert declared == ("中华人民共和国教师法", "教师法", "本法")
    assert cited_articles(["按照《本法》第三十九条的规定处理"], declared) == {39}
    # Declared and cited without book marks.
    charity = declared_names(["为了实施《中华人民共和国慈善法》（以下简称慈善法），制定本办法。"],
                             law_names("中华人民共和国慈善法"))
    assert "慈善法" in charity and cited_articles(["符合慈善法第九条规定的条件"], charity) == {9}
    assert refers_breaches(["违反本办法规定的，按照慈善法和其他有关法律的规定追究法律责任。"], charity)
    # A two-character name is read only in 《》: 水法 stands inside other words.
    assert cited_articles(["排水法第三条"], law_names("中华人民共和国水法")) == set()


def test_the_chapters_a_province_cites_with_the_matter_it_confines_them_to():
    names = law_names("中华人民共和国候鸟保护法")
    assert cited_chapters(["国家重点保护候鸟的管理，依照《中华人民共和国候鸟保护法》第三章和国家的有关规定执行。"],
                          names) == {3: "国家重点保护候鸟"}
    assert cited_chapters(["依照《候鸟保护法》第三章至第五章的规定执行。"], names) == {3: "", 4: "", 5: ""}
    assert cited_chapters(["本省对候鸟的救护，依照《候鸟保护法》第二章第一节的规定执行。"], names) == {2: "候鸟"}
    assert cited_chapters(["按照《候鸟保护法》第六章、第七章的规定处理。"], names) == {6: "", 7: ""}
    # Who acts is no matter; 本省行政区域内 is no part of one.
    assert cited_chapters(["县级以上人民政府候鸟保护主管部门应当依照《候鸟保护法》第三章的规定履行职责。"],
                          names) == {3: ""}
    assert cited_chapters(["本省行政区域内候鸟及其栖息地的保护，适用《候鸟保护法》第二章。"], names) == {
        2: "候鸟及其栖息地"}
    # Every breach referred to a chapter is confined to no one matter.
    assert cited_chapters(["违反本条例规定的，依照《候鸟保护法》第四章的规定处罚。"], names) == {4: ""}
    # An article cited within its chapter is that article, not the chapter.
    assert cited_chapters(["依照《候鸟保护法》第三章第十一条的规定执行。"], names) == {}
    assert cited_articles(["依照《候鸟保护法》第三章第十一条的规定执行。"], names) == {11}
    # Another law's chapter is not the statute's.
    assert cited_chapters(["依照《中华人民共和国民事诉讼法》第十七章的规定处理。"], names) == {}


def test_a_chapter_the_province_applies_carries_the_articles_on_the_matter_it_names():
    national = _outline(
        "中华人民共和国候鸟保护法\n"
        "第一章 总则\n"
        "第一条 为了保护候鸟及其栖息地，制定本法。\n"
        "第二条 县级以上人民政府应当将候鸟保护经费列入本级财政预算。\n"
        "第二章 候鸟管理\n"
        "第三条 禁止猎捕、杀害国家重点保护候鸟。因科学研究确需猎捕的，应当申请特许猎捕证。\n"
        "第四条 人工繁育国家重点保护候鸟实行许可制度，繁育单位应当建立繁育档案。\n"
        "第五条 猎捕非国家重点保护候鸟的，应当取得狩猎证，并服从猎捕量限额管理。\n"
        "第六条 任何组织和个人将候鸟放生至野外环境，应当选择适合放生地野外生存的当地物种。\n"
        "第三章 附则\n"
        "第七条 本法自2030年1月1日起施行。\n")
    provincial = _outline(
        "示例省候鸟保护条例\n"
        "第一条 为了保护候鸟，根据《中华人民共和国候鸟保护法》，结合本省实际，制定本条例。\n"
        "第二条 县级以上人民政府应当将候鸟保护经费列入本级财政预算。\n"
        "第三条 国家重点保护候鸟的管理，依照《中华人民共和国候鸟保护法》第二章和国家的有关规定执行。\n"
        "第四条 本条例自2031年1月1日起施行。\n")
    verdicts = _by_label(compare_outlines(national, provincial))
    # The articles of that chapter on 国家重点保护候鸟 are carried by the citing article.
    for label in ("第三条", "第四条"):
        verdict, carried_by = verdicts[label]
        assert verdict.status is Status.COVERED and carried_by == {"第三条"}
        assert verdict.reason.code == "cited" and "第二章（候鸟管理）" in verdict.reason.text
    # Those on other birds (非国家重点保护候鸟), or on none in particular, are not.
    for label in ("第五条", "第六条"):
        verdict, _ = verdicts[label]
        assert verdict.reason.code != "cited" and verdict.status is not Status.COVERED


@pytest.mark.parametrize("sentence, refers", [
    ("违反本办法规定，《教师法》和国家有关法律、法规已规定处理的，依照《教师法》的规定处理。", True),
    ("对违反本办法的行为，《中华人民共和国教师法》有明确处罚规定的，按照其规定进行处罚。", True),
    ("违反本办法，依照《教师法》和本办法追究法律责任。", True),
    ("学校和教师违反本办法规定的，由教育行政部门依照《中华人民共和国教师法》的规定给予处罚。", True),
    # A generic referral to laws and regulations names no statute.
    ("违反本办法规定的行为，法律、行政法规已有处罚规定的，从其规定。", False),
    # A particular offence referred to the law is that offence's penalty, not every breach's.
    ("违反《教师法》和本办法规定，体罚学生情节严重的，依照《教师法》的规定处理。", False),
    ("违反本办法第十二条规定的，按照《教师法》的有关规定予以处罚。", False),
    ("违反《教师法》和本办法规定，损坏校舍的，依照治安管理处罚法的有关规定处罚。", False),
    # A particular breach after 本办法 is no breach of the whole text.
    ("违反本办法泄露学生信息，依照《教师法》的规定处理。", False),
    ("违反本办法规定的招生行为，《教师法》已有处罚规定的，依照其规定予以处罚。", True),
    # Referred to one article of the law: that article is cited, not the whole 法律责任.
    ("国家工作人员违反《教师法》和本办法，依照《教师法》第三十七条规定，构成犯罪的，依法追究刑事责任。", False),
])
def test_a_referral_of_every_breach_to_the_national_statute(sentence, refers):
    assert refers_breaches([sentence], law_names("中华人民共和国教师法")) is refers


def test_articles_a_province_cites_or_takes_over_by_referral_are_covered_by_reference():
    national = _outline(
        "中华人民共和国校舍安全法\n"
        "第一章 总则\n"
        "第一条 为了保障校舍安全，保护师生生命安全，制定本法。\n"
        "第二条 学校应当每学期对校舍开展安全检查，发现隐患的，应当及时报告并采取措施消除。\n"
        "第三条 教师对学校侵犯其合法权益的，可以向教育行政部门提出申诉，教育行政部门应当在接到申诉的三十日内作出处理。\n"
        "第四条 县级以上人民政府应当将校舍维修改造经费列入本级财政预算。\n"
        "第二章 法律责任\n"
        "第五条 学校未开展校舍安全检查的，由教育行政部门责令改正，对直接负责的主管人员依法给予处分。\n"
        "第六条 违反本法规定，构成犯罪的，依法追究刑事责任。\n"
        "第七条 本法自2030年1月1日起施行。\n")
    provincial = _outline(
        "示例省实施《中华人民共和国校舍安全法》办法\n"
        "第一条 为了实施《中华人民共和国校舍安全法》，结合本省实际，制定本办法。\n"
        "第二条 学校应当每学期对校舍开展安全检查，并建立校舍安全档案。\n"
        "第三条 县级以上人民政府教育行政部门应当按照《校舍安全法》第三条的规定，受理教师申诉。\n"
        "第四条 省人民政府按照《校舍安全法》第四条的规定，设立校舍安全专项资金。\n"
        "第五条 违反本办法规定，《校舍安全法》已规定法律责任的，依照《校舍安全法》的规定处理。\n"
        "第六条 本办法自2031年1月1日起施行。\n")
    result = compare_outlines(national, provincial)
    by_label = _by_label(result)
    verdicts = {label: s for label, (s, _) in by_label.items()}

    def carried_by(label):
        return by_label[label][1]
    # 第三条 is applied by name: covered, and the reason says it was cited.
    assert verdicts["第三条"].status is Status.COVERED and "第三条" in carried_by("第三条")
    assert verdicts["第三条"].reason.code == "cited"
    assert "援引本条" in verdicts["第三条"].reason.text
    # Every article of the 法律责任 chapter is taken over by the referral, the criminal one too.
    for label in ("第五条", "第六条"):
        assert verdicts[label].status is Status.COVERED and "第五条" in carried_by(label)
        assert verdicts[label].reason.code == "referred"
    # Their sentences share the verdict: the whole article applies, whatever each matches.
    for label in ("第三条", "第五条", "第六条"):
        sentences = [f for f in result.clauses if f.clause.section == verdicts[label].national]
        assert sentences and all(f.status is Status.COVERED for f in sentences)
        assert all(f.reason.code in ("cited", "referred", "matched") for f in sentences)
    # Reports print no share of content for them: they apply as a whole.
    from core.export.labels import article_share
    assert all(article_share(verdicts[label]) is None for label in ("第三条", "第五条", "第六条"))
    # The referral reaches no article outside that chapter, nor the effective date.
    assert "第五条" not in carried_by("第二条") and verdicts["第七条"].status is Status.NOT_EXPECTED


def test_rights_and_duties_granted_by_pointing_to_the_law_as_a_whole_are_carried_in_part():
    national = _outline(
        "中华人民共和国检测消费者权益保护法\n"
        "第一章 总则\n"
        "第一条 为了保护检测消费者的合法权益，制定本法。\n"
        "第二条 经营者为消费者提供检测服务，应当遵守本法。\n"
        "第二章 消费者的权利\n"
        "第三条 消费者在接受检测服务时享有人身、财产安全不受损害的权利。\n"
        "第四条 消费者享有知悉其接受的检测服务的真实情况的权利。\n"
        "第五条 检测机构应当每年向社会公布检测收费标准。\n"
        "第六条 本法自2030年1月1日起施行。\n")
    provincial = _outline(
        "示例省检测消费者权益保护条例\n"
        "第一条 为了保护检测消费者的合法权益，根据《中华人民共和国检测消费者权益保护法》，制定本条例。\n"
        "第二条 消费者享有《中华人民共和国检测消费者权益保护法》等有关法律、法规规定的各项权利。"
        "经营者应当遵守《中华人民共和国检测消费者权益保护法》等有关法律、法规的规定。\n"
        "第三条 本条例自2031年1月1日起施行。\n")
    result = compare_outlines(national, provincial)
    by_label = _by_label(result)
    verdicts = {label: s for label, (s, _) in by_label.items()}
    for label in ("第三条", "第四条"):
        assert verdicts[label].status is Status.PARTIAL, label
        assert verdicts[label].reason.code == "general_reference"
        assert by_label[label][1] == {"第二条"}
    assert "消费者享有《" in verdicts["第三条"].reason.text
    # A provincial article named once in a reason, however many ways it carries the article.
    assert verdicts["第二条"].status is Status.COVERED and verdicts["第二条"].reason.text.count("第二条") == 1
    # The sentences share it; a duty of someone else (检测机构) is no right of the consumer.
    sentences = [f for f in result.clauses if f.clause.section == verdicts["第三条"].national]
    assert all(f.status is Status.PARTIAL for f in sentences)
    assert verdicts["第五条"].status is Status.MISSING


def test_a_citation_of_an_article_renumbered_since_is_no_link():
    # The province cites 第二条 of an earlier version, where it stood for what is now 第四条;
    # today's 第二条 shares nothing with the citing article, which renders 第四条.
    national = _outline(
        "中华人民共和国校舍安全法\n"
        + "".join(f"第{n}条 {body}\n" for n, body in zip("一二三四五六七八", (
            "为了保障校舍安全，保护师生生命安全，制定本法。",
            "国家建立校舍安全信息管理系统，对校舍实行信息化动态管理。",
            "学校应当每学期对校舍开展安全检查，发现隐患的，应当及时报告。",
            "县级以上人民政府应当将校舍维修改造经费列入本级财政预算。",
            "新建校舍应当符合抗震设防标准，由具有资质的单位设计施工。",
            "教育行政部门应当会同住房城乡建设部门开展校舍安全鉴定。",
            "校舍鉴定为危房的，学校应当立即停止使用并设置警示标志。",
            "鼓励社会力量捐资参与校舍建设。"))))
    provincial = _outline(
        "示例省实施《中华人民共和国校舍安全法》办法\n"
        "第一条 县级以上人民政府依照《校舍安全法》第二条的规定，将校舍维修改造经费列入本级财政预算，逐年增加。\n")
    result = compare_outlines(national, provincial)
    verdicts = {label: s for label, (s, _) in _by_label(result).items()}
    assert verdicts["第二条"].reason.code != "cited" and not verdicts["第二条"].provincial
    assert verdicts["第四条"].status is not Status.MISSING


def test_a_penalty_is_read_by_the_breach_it_punishes():
    assert offence(["快递企业未按照要求实行安全监控的，由邮政管理部门责令限期改正，逾期拒不改正的，"
                    "处二万元以上五万元以下罚款。"]) == "快递企业未按照要求实行安全监控的"
    # The sanction starts at its authority, however it escalates; a referral ends the breach.
    assert offence(["违反本法规定，在专门存放地以外的区域倾倒砂石的，由水行政主管部门责令限期清理；"
                    "逾期不清理的，处五万元以下的罚款。"]) == "违反本法规定，在专门存放地以外的区域倾倒砂石的"
    assert offence(["违反本法规定，对强制免疫的动物未按照规定建立免疫档案的，依照《畜牧法》的有关规定处罚。"]) == (
        "违反本法规定，对强制免疫的动物未按照规定建立免疫档案的")
    assert offence(["有下列行为之一的，由邮政管理部门责令改正，处一万元以下罚款：",
                    "（一）擅自停止办理邮政业务的；", "（二）擅自撤销营业场所的。"]) == (
        "有下列行为之一的（一）擅自停止办理邮政业务的；（二）擅自撤销营业场所的。")
    # Penalties that name different breaches with the same sanctions do not correspond.
    national = _outline(
        "中华人民共和国快递安全法\n"
        "第一条 快递企业应当按照国家规定实行安全监控，保存监控记录不少于三十日。\n"
        "第二条 快递企业应当执行收寄验视制度，对禁止寄递的物品不予收寄。\n"
        "第三条 快递企业提供快递服务不符合快递服务标准的，由邮政管理部门责令改正，可以处一万元以下的罚款；"
        "情节严重的，处一万元以上五万元以下的罚款。\n"
        "第四条 快递企业未实行安全监控的，由邮政管理部门责令改正，可以处一万元以下的罚款；"
        "情节严重的，处一万元以上五万元以下的罚款。\n")
    provincial = _outline(
        "示例省快递安全条例\n"
        "第一条 快递企业应当对营业场所和分拣场所实行安全监控，监控记录保存不少于六十日。\n"
        "第二条 快递企业未按照要求实行安全监控的，由省邮政管理部门责令改正，可以处一万元以下的罚款；"
        "情节严重的，处一万元以上五万元以下的罚款。\n")
    verdicts = _by_label(compare_outlines(national, provincial))
    assert "第二条" in verdicts["第四条"][1]
    # 第三条 prints the very sanction sentence 第二条 does (情节严重的，处……罚款), yet punishes
    # another breach.
    assert "第二条" not in verdicts["第三条"][1] and verdicts["第三条"][0].status is Status.MISSING
    # A breach named only by the article it breaks is read through that article's duty.
    national = _outline(
        "中华人民共和国快递安全法\n"
        "第一条 快递企业应当按照国家规定实行安全监控，保存监控记录不少于三十日。\n"
        "第二条 快递企业应当执行收寄验视制度，对禁止寄递的物品不予收寄。\n"
        "第三条 快递企业未执行收寄验视制度的，由邮政管理部门责令改正，处五千元以上三万元以下的罚款。\n"
        "第四条 快递企业未实行安全监控的，由邮政管理部门责令改正，处五千元以上三万元以下的罚款。\n")
    provincial = _outline(
        "示例省快递安全条例\n"
        "第一条 快递企业应当对营业场所和分拣场所实行安全监控，监控记录保存不少于六十日。\n"
        "第二条 违反本条例第一条规定的，由省邮政管理部门责令改正，处五千元以上三万元以下的罚款。\n")
    verdicts = _by_label(compare_outlines(national, provincial))
    assert "第二条" in verdicts["第四条"][1] and "第二条" not in verdicts["第三条"][1]


def test_a_referral_does_not_take_over_how_disputes_are_settled():
    national = _outline(
        "中华人民共和国土地承包法\n"
        "第一章 总则\n"
        "第一条 承包方应当维持土地的农业用途，不得用于非农建设。\n"
        "第二章 争议的解决和法律责任\n"
        "第二条 因土地承包经营发生纠纷的，双方当事人可以通过协商解决，也可以请求村民委员会调解。\n"
        "第三条 承包方违法将承包地用于非农建设的，由县级以上地方人民政府有关主管部门依法予以处罚。\n")
    provincial = _outline(
        "示例省实施《中华人民共和国土地承包法》办法\n"
        "第一条 承包方应当维持承包地的农业用途，不得在承包地上建房。\n"
        "第二条 违反本办法规定的行为，《土地承包法》已有处罚规定的，从其规定。\n")
    verdicts = _by_label(compare_outlines(national, provincial))
    assert verdicts["第三条"][0].reason.code == "referred"
    assert verdicts["第二条"][0].reason.code != "referred" and "第二条" not in verdicts["第二条"][1]


def test_the_region_a_provincial_title_names_as_its_issuer():
    from core.text import issuing_region
    assert issuing_region("北京市实施《中华人民共和国防洪法》办法") == "北京"
    assert issuing_region("内蒙古自治区人民政府关于加强检测工作的实施意见") == "内蒙古"
    assert issuing_region("上海市邮政条例") == "上海"
    assert issuing_region("中共浙江省委 浙江省人民政府关于深化数字政府建设的实施意见") == "浙江"
    # A place named only in the matter of the text is not its issuer.
    assert issuing_region("南海省人民政府关于做好西藏班工作的实施意见") == ""
    assert issuing_region("") == ""


@pytest.mark.parametrize("province, inland", [("北京市", True), ("天津市", False)])
def test_a_duty_of_coastal_governments_is_not_expected_of_an_inland_province(province, inland):
    national = _outline(
        "中华人民共和国防潮法\n"
        "第一条 为了防御风暴潮，制定本法。\n"
        "第二条 受风暴潮威胁的沿海地区的县级以上地方人民政府，应当把防御风暴潮纳入本地区的防洪规划，"
        "加强海堤、挡潮闸和沿海防护林建设。\n"
        "第三条 县级以上地方人民政府应当组织编制防潮应急预案。\n")
    provincial = _outline(
        f"{province}实施《中华人民共和国防潮法》办法\n"
        "第一条 为了实施《中华人民共和国防潮法》，结合本市实际，制定本办法。\n"
        "第二条 区人民政府应当加强河道堤防建设。\n")
    verdicts = {label: s for label, (s, _) in _by_label(compare_outlines(national, provincial)).items()}
    assert (verdicts["第二条"].status is Status.NOT_EXPECTED) is inland
    if inland:
        assert verdicts["第二条"].reason.code == "scope" and "不临海" in verdicts["第二条"].reason.text
    # A duty of every local government stays expected.
    assert verdicts["第三条"].status is not Status.NOT_EXPECTED


@pytest.mark.parametrize("province, without", [("河南省", True), ("云南省", False)])
def test_an_article_on_ethnic_autonomous_areas_is_not_expected_of_a_province_with_none(province,
                                                                                       without):
    national = _outline(
        "中华人民共和国示例资源法\n"
        "第一条 为了合理开发示例资源，制定本法。\n"
        "第二条 国家在民族自治地方开发示例资源，应当照顾民族自治地方的利益。民族自治地方的自治机关"
        "对可以由本地方开发的示例资源，优先合理开发利用。\n"
        "第三条 县级以上地方人民政府应当加强示例资源保护，民族自治地方也应当加强保护。"
        "县级以上地方人民政府应当组织编制保护规划。\n")
    provincial = _outline(
        f"{province}实施《中华人民共和国示例资源法》办法\n"
        "第一条 为了实施《中华人民共和国示例资源法》，结合本省实际，制定本办法。\n"
        "第二条 县级以上人民政府应当加强示例资源的勘查。\n")
    verdicts = {label: s for label, (s, _) in _by_label(compare_outlines(national, provincial)).items()}
    assert (verdicts["第二条"].status is Status.NOT_EXPECTED) is without
    if without:
        assert verdicts["第二条"].reason.text.startswith("本条针对民族自治地方，本地没有民族自治地方")
    # A duty only one of whose sentences names them stays expected.
    assert verdicts["第三条"].status is not Status.NOT_EXPECTED


def test_ethnic_autonomous_areas_named_beside_other_places_stay_expected():
    from core.expected import laid_on_other_places
    assert laid_on_other_places("国家扶持和促进民族自治地方和经济不发达地区发展示例贸易。", "河南") is None
    assert laid_on_other_places("国家加大对革命老区、民族自治地方、边疆地区、贫困地区的示例扶持。", "河南") is None


def test_the_relations_a_national_body_keeps_abroad_are_foreign_affairs():
    from core.expected import article_not_expected
    reason = article_not_expected(
        ["中国示例会根据独立、平等的原则，发展同各国示例会的友好合作关系。"], frozenset())
    assert reason is not None and reason.code == "foreign"
    # What the State only encourages or supports, provinces take up in their own words.
    assert article_not_expected(["国家鼓励开展同各国示例会的交流合作。"], frozenset()) is None
    assert article_not_expected(["国家鼓励示例会发展同各国示例会的友好合作关系。"], frozenset()) is None
    assert article_not_expected(["国家支持地方发展同外国地方政府的友好城市关系。"], frozenset()) is None


def test_a_penalty_for_breaching_duties_no_province_carries_is_not_expected_either():
    national = _outline(
        "中华人民共和国检测试剂法\n"
        "第一条 为了规范检测试剂管理，制定本法。\n"
        "第二条 县级以上地方人民政府应当加强检测试剂质量监管。\n"
        "第三条 从事检测试剂进出口业务的，应当取得进出口许可。\n"
        "第四条 违反本法第三条规定，未经许可进出口检测试剂的，由县级以上人民政府市场监督管理部门没收违法所得，"
        "并处三万元以下罚款。\n"
        "第五条 违反本法第二条规定，未履行监管职责的，对直接负责的主管人员依法给予处分。\n")
    provincial = _outline(
        "北京市实施《中华人民共和国检测试剂法》办法\n"
        "第一条 为了实施《中华人民共和国检测试剂法》，结合本市实际，制定本办法。\n"
        "第二条 区人民政府应当加强检测试剂质量监管。\n")
    verdicts = {label: s for label, (s, _) in _by_label(compare_outlines(national, provincial)).items()}
    assert verdicts["第三条"].status is Status.NOT_EXPECTED
    assert verdicts["第四条"].status is Status.NOT_EXPECTED
    assert "第三条" in verdicts["第四条"].reason.text
    # A penalty for a duty the province is expected to carry stays expected.
    assert verdicts["第五条"].status is not Status.NOT_EXPECTED


def test_a_provincial_article_far_weaker_than_the_best_one_is_not_where_an_article_went():
    national = _outline("国家条例\n第一条 县级以上人民政府应当建立水质监测网络，定期公布监测结果。\n")
    provincial = _outline("某省条例\n第一条 县级以上人民政府应当建立水质监测网络，每季度公布监测结果。\n"
                          "第二条 监测机构应当如实记录监测数据。\n")

    def linked(row_relative):
        verdicts = judge_articles(national, provincial, similarity=[[0.8, 0.2]], carried=[[0.9, 0.0]],
                                  sentences=[[80.0, 20.0]],
                                  parameters=Parameters(article_row_relative=row_relative))
        labels = {s.id: s.label for s in provincial.sections}
        return {labels[p] for p in next(iter(verdicts.values())).provincial}
    # The second article is the best it has (0.2 is all its evidence), but a quarter of the first.
    assert linked(0.0) == {"第一条", "第二条"}
    assert linked(Parameters().article_row_relative) == {"第一条"}


def test_articles_are_alike_within_a_pair_by_the_words_only_they_share():
    from core.align import PreparedClause, pair_similarity
    from core.model import Clause
    from core.similarity import tokens

    def article(*sentences):
        return [PreparedClause(Clause(f"c{k}", "1", text), tokens(text)) for k, text in enumerate(sentences)]
    national = [article("行业协会商会应当加强行业自律，及时反映行业诉求。"),
                article("县级以上人民政府应当加强营商环境建设。")]
    provincial = [article("行业协会商会应当完善自律性管理约束机制，收集并反映会员合理诉求。"),
                  article("县级以上人民政府应当优化政务服务。")]
    cosine = pair_similarity(national, provincial)
    assert cosine.shape == (2, 2)
    # 行业协会商会 and 自律 set the first pair apart; the second shares only what all four say
    # or what two say of different things.
    assert cosine[0, 0] > cosine[0, 1] and cosine[0, 0] > cosine[1, 0]
    assert cosine[0, 0] > 0.1
    # A word every article holds (应当) weighs nothing: two articles sharing only it are not alike.
    only = pair_similarity([article("甲方应当登记。")], [article("乙方应当备案。")])
    assert float(only[0, 0]) == 0.0
    assert pair_similarity([], provincial).shape == (0, 2)


@pytest.mark.parametrize("sparse_cost", [1, 200, 10 ** 9])
def test_article_cosines_summed_pair_by_pair_equal_those_of_the_whole_matrix(monkeypatch, sparse_cost):
    # Features standing in few articles are summed pair by pair, the others in dense blocks;
    # whichever way each goes (all dense, the default split, all pair by pair, in blocks of
    # a few pairs), the cosines are those of the whole articles × features matrix.
    import random

    import numpy as np

    from core import align
    monkeypatch.setattr(align, "_SPARSE_COST", sparse_cost)
    monkeypatch.setattr(align, "_PAIR_BLOCK", 7)
    draw = random.Random(7)
    for _ in range(12):
        count = draw.randint(2, 40)
        split = draw.randint(1, count - 1)
        bags = [{f"f{draw.randint(0, draw.choice([5, 30, 300]))}": draw.randint(1, 4)
                 for _ in range(draw.randint(0, 20))} for _ in range(count)]
        vocabulary = sorted({feature for bag in bags for feature in bag})
        held = np.array([[feature in bag for feature in vocabulary] for bag in bags])
        for floor in (0.0, 1.0):
            idf = np.log((count + 1) / (held.sum(axis=0) + 1)) + floor
            matrix = np.array([[(1 + np.log(bag[f])) * idf[k] if f in bag else 0.0
                                for k, f in enumerate(vocabulary)] for bag in bags])
            norms = np.linalg.norm(matrix, axis=1)
            matrix /= np.where(norms == 0, 1, norms)[:, None]
            expected = matrix[:split] @ matrix[split:].T
            assert np.allclose(align._cosines(bags, split, idf_floor=floor), expected, atol=1e-9)

def test_a_sentence_nearly_covered_links_articles_the_province_renders_another_way_too():
    national = _outline("国家条例\n第一条 行业协会商会应当加强行业自律，规范会员行为。\n"
                        "第二条 行业协会商会应当及时反映行业诉求，为市场主体提供信息咨询服务。\n")
    provincial = _outline("某省条例\n第一条 行业协会商会应当完善自律性管理约束机制，规范会员行为，"
                          "收集并反映会员合理诉求。\n")

    def second(parameters):
        verdicts = judge_articles(national, provincial, similarity=[[0.5], [0.18]],
                                  carried=[[0.9], [0.3]], sentences=[[80.0], [58.0]],
                                  parameters=parameters)
        return [verdicts[a.id] for a in national.sections if a.kind == "article"][1]
    # The provincial article renders the first national one far better (0.5 against 0.18), but
    # a sentence of the second stands there nearly whole: it carries the second in part.
    assert second(Parameters()).status is Status.PARTIAL and second(Parameters()).provincial
    assert second(Parameters(article_sentence_link=200.0)).status is Status.MISSING
