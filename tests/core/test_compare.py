"""The compare engine on real documents and on the inputs that break naive matchers."""

from __future__ import annotations

import json

import pytest

from core.align import compare_outlines
from core.cli import main
from core.clauses import find_targets
from core.compare import compare_files, load_outline
from core.coverage import binding_gaps, find_gaps, list_members, lists_cut
from core.errors import Cancelled
from core.model import Clause, Status
from core.outline import outline_document
from core.read import read_text
from core.similarity import Vocabulary, normalize, phrase_found, score, tokens
from tests.conftest import DATA, GUIDELINE, LAWS, NEW_MEDIA_TXT, SAMPLES

NATIONAL_SAMPLE = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL_SAMPLE = SAMPLES / "provincial-opinion-sample.docx"


def _outline(text: str):
    return outline_document(read_text(text))


def test_a_document_compared_with_itself_is_all_covered_without_additions():
    outline = load_outline(GUIDELINE)
    result = compare_outlines(outline, outline)
    assert {f.status for f in result.clauses} == {Status.COVERED}
    assert result.additions == ()
    assert all(s.status is Status.COVERED for s in result.sections)


def test_an_empty_provincial_text_leaves_everything_missing_with_a_warning(corpus):
    result = compare_outlines(load_outline(NEW_MEDIA_TXT), _outline("示例省实施意见"))
    # Every task is missing; the background (significance, achievements, problems), the
    # introducing sentence and the State Council office's own checks are not expected.
    statuses = [f.status for f in result.clauses]
    assert set(statuses) == {Status.MISSING, Status.NOT_EXPECTED}
    assert [f.reason.code for f in result.clauses if f.status is Status.NOT_EXPECTED] == [
        "no_task"] * 4 + ["central"]
    assert all(f.reason.code == "no_candidate" for f in result.clauses if f.status is Status.MISSING)
    assert any("没有可比对的正文" in w for w in result.warnings)


def test_unrelated_documents_give_no_spurious_covered_matches(corpus):
    result = compare_outlines(load_outline(LAWS / "national-emergency-response-law-2007.txt"),
                              load_outline(NEW_MEDIA_TXT))
    assert result.summary.covered == 0
    assert result.summary.missing >= 0.9 * result.summary.clauses


def test_a_policy_against_a_statute_runs_and_warns(corpus):
    result = compare_outlines(load_outline(GUIDELINE),
                              load_outline(LAWS / "national-optimizing-business-environment-regulation-2019.txt"))
    assert len(result.clauses) == len(load_outline(GUIDELINE).clauses())
    assert any("编号体例不同" in w for w in result.warnings)


def test_a_sentence_repeated_in_many_sections_is_matched_inside_the_aligned_section():
    repeated = "各地区各部门要加强组织领导，抓好贯彻落实。"
    national = _outline(
        "国家意见\n一、数据共享\n建立全国一体化数据共享交换平台，实现政务数据按需共享。" + repeated +
        "\n二、电子证照\n推进电子证照跨地区互认，实现证照信息“一次采集、多方复用”。" + repeated +
        "\n三、政务公开\n建设统一的政策文件库，推行政策智能推送服务。" + repeated)
    provincial = _outline(
        "示例省实施意见\n一、电子证照\n推进电子证照跨地区互认，实现证照信息“一次采集、多方复用”。" + repeated +
        "\n二、数据共享\n建立全省一体化数据共享交换平台，实现政务数据按需共享。" + repeated +
        "\n三、政务公开\n建设统一的政策文件库，推行政策智能推送服务。" + repeated)
    result = compare_outlines(national, provincial)
    by_id = {f.clause.id: f for f in result.clauses}
    # National 一 (数据共享) is provincial 二; its repeated sentence must come from there.
    assert by_id["1-2"].matches[0].clause.section == "2"
    assert by_id["2-2"].matches[0].clause.section == "1"
    assert by_id["3-2"].matches[0].clause.section == "3"
    sections = {s.national: s.provincial for s in result.sections}
    assert sections == {"1": ("2",), "2": ("1",), "3": ("3",)}
    assert result.additions == ()


def test_a_section_rewritten_beyond_recognition_is_placed_between_its_neighbours():
    national = _outline(
        "国家意见\n一、主要任务\n（一）推进数据共享。建立全国一体化数据共享交换平台，实现政务数据按需共享。\n"
        "（二）加强电子证照应用。推进电子证照跨地区互认，实现证照信息“一次采集、多方复用”。\n"
        "（三）深化政务公开。建设统一的政策文件库，推行政策智能推送服务。")
    provincial = _outline(
        "示例省实施意见\n一、主要任务\n（一）推进数据共享。建立全省一体化数据共享交换平台，实现政务数据按需共享。\n"
        "（二）加强电子证照应用。依托“示例通”开设证照专区，群众办事免于提交实体证件。\n"
        "（三）深化政务公开。建设统一的政策文件库，推行政策智能推送服务。")
    result = compare_outlines(national, provincial)
    sections = {s.national: s.provincial for s in result.sections}
    assert sections["1.2"] == ("1.2",)
    assert result.clauses[1].status is Status.MISSING


def test_shanghai_regulation_articles_align_with_the_national_ones_they_rewrite(corpus):
    # Shanghai rewrites most national articles freely: a sentence too loose to count as
    # covering its national one still shows where its article went.
    gold = json.loads((DATA / "shanghai-obe-article-alignment.json").read_text(encoding="utf-8"))
    national = load_outline(LAWS / "national-optimizing-business-environment-regulation-2019.txt")
    provincial = load_outline(LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt")
    national_number, provincial_number = (
        {s.id: s.number for s in outline.sections if s.kind == "article"}
        for outline in (national, provincial))
    result = compare_outlines(national, provincial)
    predicted = {(national_number[s.national], provincial_number[p]) for s in result.sections
                 if s.national in national_number for p in s.provincial if p in provincial_number}
    actual = {(n, int(p)) for p, ns in gold["alignment"].items() for n in ns}
    # Articles are linked many to many (a provincial article carries every national one it
    # renders), while this older annotation pairs them nearly one to one: recall is the figure
    # that matters here; the real pairs in `make bench` score links against gold made for it.
    assert len(predicted & actual) >= 0.75 * len(actual)
    assert len(predicted & actual) >= 0.75 * len(predicted)


def test_an_article_rewritten_end_to_end_is_placed_by_its_topic(corpus):
    # National article 67 (法治宣传教育, 普法责任制) and Shanghai's article 76 share no sentence
    # close enough to vote, but treat the same matter in the same chapter; its clauses stay
    # missing, since none of them is carried — but for the only sentence of an article, which
    # has the article's verdict.
    national = load_outline(LAWS / "national-optimizing-business-environment-regulation-2019.txt")
    provincial = load_outline(LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt")
    result = compare_outlines(national, provincial)
    article = next(s for s in national.sections if s.kind == "article" and s.number == 67)
    place = next(s.provincial for s in result.sections if s.national == article.id)
    assert [provincial.section(p).number for p in place] == [76]
    own = [f for f in result.clauses if f.clause.section == article.id]
    verdict = next(s.status for s in result.sections if s.national == article.id)
    assert all(f.status is (verdict if len(own) == 1 else Status.MISSING) for f in own)


def test_localisation_and_punctuation_width_do_not_lower_a_score():
    national = "全国一体化政务服务平台要实现“一网通办”,国务院各部门要加强协同。"
    provincial = "全省一体化政务服务平台要实现“一网通办”，省直各部门要加强协同。"
    words_n, words_p = tokens(national), tokens(provincial)
    vocabulary = Vocabulary([words_n, words_p])
    assert score(vocabulary.profile(national, words_n), vocabulary.profile(provincial, words_p)) == 100.0
    # 各地 is written as the province's cities and counties.
    national = "各地要参照建立相应工作机制，加强监测工作协调。"
    provincial = "各市（州）、县（市、区）人民政府要参照建立相应工作机制，加强监测工作协调。"
    words_n, words_p = tokens(national), tokens(provincial)
    vocabulary = Vocabulary([words_n, words_p])
    assert score(vocabulary.profile(national, words_n), vocabulary.profile(provincial, words_p)) == 100.0
    # ... and as its cities alone, in full-width brackets as printed: a province that kept the
    # phrase and added its own measures carries the sentence at least in part (it scored 34,
    # 未覆盖, in a plan written blind to the engine).
    assert normalize("各市（州）") == normalize("各市(州)") == normalize("各地")
    national = "指导各地优化示例学校布局结构，科学配置并做大做强示例教育资源。"
    provincial = ("指导各市（州）优化示例学校布局结构，通过撤销、合并、转型等方式整合规模小、条件差的学校，"
                  "到2022年全省示例学校调整到180所左右。")
    words_n, words_p = tokens(national), tokens(provincial)
    vocabulary = Vocabulary([words_n, words_p])
    assert score(vocabulary.profile(national, words_n), vocabulary.profile(provincial, words_p)) >= 50
    # The provinces as national texts name them, and the province as it names itself: a law's
    # 省、自治区、直辖市人民政府 is a provincial rule's 省人民政府, a policy's 各省（区、市） its
    # 各市（州）. They left 自治区, 直辖 and 区市 behind as words the province never writes.
    assert normalize("省、自治区、直辖市人民政府应当") == normalize("省人民政府应当")
    assert normalize("各省（区、市）人民政府要") == normalize("各市（州）人民政府要")
    assert normalize("各省、自治区、直辖市要") == normalize("各地要")
    assert normalize("首先要启动本省（区、市）粮食应急预案") == normalize("首先要启动本省粮食应急预案")
    # Rules a province mirrors name its heads of government where the nation names its own.
    national = "副总理、国务委员协助总理工作。"
    provincial = "副省长、省长助理协助省长工作。"
    words_n, words_p = tokens(national), tokens(provincial)
    vocabulary = Vocabulary([words_n, words_p])
    assert score(vocabulary.profile(national, words_n), vocabulary.profile(provincial, words_p)) == 100.0


def test_generic_words_do_not_carry_a_match():
    national = _outline("国家意见\n一、任务\n加强数据安全管理，推进政务数据分类分级保护。")
    provincial = _outline("示例省意见\n一、任务\n加强组织领导，推进工作体系建设，强化统筹协调。")
    result = compare_outlines(national, provincial)
    assert result.clauses[0].status is Status.MISSING
    assert len(result.additions) == 1


def test_weakened_binding_words_and_dropped_terms_make_a_partial_with_reasons():
    national = _outline("国家意见\n一、任务\n确保2025年底前全面推进“一网通办”，政务服务事项网上可办率达到90%。")
    provincial = _outline("示例省意见\n一、任务\n力争逐步推进政务服务网上办理，政务服务事项网上可办率达到80%。")
    [finding] = compare_outlines(national, provincial).clauses
    assert finding.status is Status.PARTIAL
    described = {g.describe() for g in finding.gaps}
    assert "缺少关键词“一网通办”" in described
    assert "缺少数量指标“90%”" in described
    assert "约束减弱：确保→力争" in described


@pytest.mark.parametrize(("national", "provincial", "weakened"), [
    # The weaker form already stands elsewhere in the national sentence.
    ("各地区可以在国家规定的采样频次之上增加抽检次数，并应当向社会公开；",
     "各地区可以在本省规定的采样频次之上增加抽检次数，并可以向社会公开；", "约束减弱：应当→可以"),
    # The strong word occurs twice and only one occurrence is weakened.
    ("全面落实总体国家安全观，全面构建安全防护体系。", "逐步落实总体国家安全观，全面构建安全防护体系。",
     "约束减弱：全面→逐步"),
    ("国家加快建立布点合理、运行有序的水质监测网络。", "本省有序建立布点合理、运行有序的水质监测网络。",
     "约束减弱：加快→有序"),
])
def test_a_weakened_occurrence_is_found_when_the_words_also_stand_elsewhere(national, provincial,
                                                                            weakened):
    assert [g.describe() for g in binding_gaps(national, provincial)] == [weakened]
    assert binding_gaps(national, national) == []


def test_a_task_moved_to_another_part_is_still_found():
    national = _outline("国家意见\n一、服务\n推行政务服务事项集成化办理，推广“免申即享”服务方式。\n"
                        "二、安全\n建立数字政府安全评估和重大事件处置机制。")
    provincial = _outline("示例省意见\n一、安全\n建立数字政府安全评估和重大事件处置机制。"
                          "推行政务服务事项集成化办理，推广“免申即享”服务方式。\n二、服务\n建设示例政务通移动端。")
    result = compare_outlines(national, provincial)
    assert [f.status for f in result.clauses] == [Status.COVERED, Status.COVERED]
    assert result.clauses[0].matches[0].clause.section == "1"


def test_a_dropped_statute_sentence_is_not_covered_by_its_sibling_in_another_article():
    # Statutes repeat a template across articles; the province dropped it from 第一条 only.
    national = _outline(
        "国家条例\n第一章 总则\n"
        "第一条 教育行政部门应当建立校车使用档案。在国家规定的校车安全检验周期内，各地区应当组织开展一次全面排查。\n"
        "第二条 公安交通管理部门应当公布校车通行线路。在国家规定的驾驶人审验周期内，各地区应当组织开展一次全面排查。\n"
        "第三条 校车服务提供者应当配备随车照管人员。在国家规定的照管人员培训周期内，各地区应当组织开展一次全面排查。")
    provincial = _outline(
        "示例省条例实施办法\n第一章 总则\n"
        "第一条 省教育行政部门应当建立校车使用档案。\n"
        "第二条 公安交通管理部门应当公布校车通行线路。在国家规定的驾驶人审验周期内，各地区应当组织开展一次全面排查。\n"
        "第三条 校车服务提供者应当配备随车照管人员。在国家规定的照管人员培训周期内，各地区应当组织开展一次全面排查。")
    result = compare_outlines(national, provincial)
    status = {f.clause.id: f.status for f in result.clauses}
    assert status["1.1-2"] is Status.MISSING
    assert status["1.2-2"] is Status.COVERED and status["1.3-2"] is Status.COVERED
    assert result.additions == ()
    # The siblings are offered to the reviewer as alternatives, not counted as coverage.
    dropped = next(f for f in result.clauses if f.clause.id == "1.1-2")
    assert dropped.matches == ()
    assert {m.clause.id for m in dropped.alternatives} == {"1.2-2", "1.3-2"}


def test_a_dropped_short_item_is_not_covered_by_a_long_sentence_that_quotes_it():
    # 第二条's item (二) also stands inside 第一条's long sentence; the province dropped the item.
    first = ("农贸市场开办单位应当在醒目位置公示摊位租金、管理费用等信息，为入场经营者提供整洁、有序的经营场所，"
             "不得强迫入场经营者购买指定的计量器具，不得巧立名目收取额外费用。")
    third = "第三条 本条例自公布之日起施行。"
    national = _outline(
        "国家条例\n第一章 总则\n第一条 " + first + "\n"
        "第二条 农贸市场开办者有下列情形之一的，市场监管部门应当责令改正：（一）未在醒目位置公示摊位租金、管理费用等信息；"
        "（二）强迫入场经营者购买指定的计量器具；（三）向入场经营者收取额外费用。\n" + third)
    provincial = _outline(
        "示例省实施办法\n第一章 总则\n第一条 " + first + "\n"
        "第二条 农贸市场开办者有下列情形之一的，市场监管部门应当责令改正：（一）未在醒目位置公示摊位租金、管理费用等信息；"
        "（二）向入场经营者收取额外费用。\n" + third)
    result = compare_outlines(national, provincial)
    by_text = {f.clause.text: f.status for f in result.clauses}
    assert by_text["（二）强迫入场经营者购买指定的计量器具；"] is Status.MISSING
    assert by_text[first] is Status.COVERED


def test_a_dropped_item_is_not_covered_through_a_sentence_that_renders_its_twin():
    # The province runs 第一条's items into its head, one clause carrying two national ones;
    # 第二条's near-identical item (一) was dropped and must not ride on that merged clause.
    national = _outline(
        "国家法\n第一章 法律责任\n"
        "第一条 有下列情形之一的，视情节轻重对负有责任的领导人员和具体经办人员依法给予处分：\n"
        "（一）未按规定组织校车安全检查的；\n"
        "（二）迟报、漏报或者隐瞒校车交通事故情况的。\n"
        "第二条 承运校车的单位有下列情形之一的，教育部门应当责令暂停运营：\n"
        "（一）未按规定组织校车安全检查，造成学生人身伤害或者重大财产损失的；\n"
        "（二）未及时排除已经发现的校车车辆安全隐患，造成学生人身伤害或者重大财产损失的。\n"
        "第三条 本法自公布之日起施行。")
    provincial = _outline(
        "示例省实施办法\n第一章 法律责任\n"
        "第一条 有下列情形之一的，视情节轻重对负有责任的领导人员和具体经办人员依法给予处分："
        "（一）未按规定组织校车安全检查的；"
        "（二）迟报、漏报或者隐瞒校车交通事故情况的。\n"
        "第二条 承运校车的单位有下列情形之一的，教育部门应当责令暂停运营："
        "（一）未及时排除已经发现的校车车辆安全隐患，造成学生人身伤害或者重大财产损失的。\n"
        "第三条 本办法自公布之日起施行。")
    result = compare_outlines(national, provincial)
    status = {(f.clause.section, f.clause.item): f.status for f in result.clauses}
    assert status[("1.2", "（一）")] is Status.MISSING
    assert status[("1.1", "（一）")] is not Status.MISSING


def test_a_dropped_item_identical_to_one_in_another_article_leaves_the_alignment_alone():
    twin = "未经法定程序，要求供水单位购买指定的检测仪器、参加收费培训、缴纳各类押金或者承担类似费用；"
    first = ("第一条 负责供水审批的工作人员存在下列行为之一的，视情节给予处分：\n"
             "（一）擅自设定取水审批条件，妨碍供水单位日常制水和输配水作业的；\n（二）" + twin + "\n"
             "（三）拒不兑现与供水单位签订的特许经营协议中约定的补贴和价格调整的。\n")
    second_head = "第二条 水质检测机构、供水行业协会有下列情形之一的，由县级供水管理部门责令改正，并予以通报：\n"
    second_rest = ("（一）擅自开展收费排名、星级评定等活动；\n"
                   "（二）强制供水单位加入或者阻挠其退出供水行业协会等社会组织；\n")
    last = "第三条 本条例自公布之日起施行。"
    national = _outline("国家条例\n第一章 法律责任\n" + first + second_head + second_rest
                        + "（三）" + twin + "\n" + last)
    provincial = _outline("示例省实施办法\n第一章 法律责任\n" + first + second_head + second_rest + last)
    result = compare_outlines(national, provincial)
    # Article by article, the provincial 第一条 (which holds the twin word for word) may be
    # linked too; the dropped item itself is still reported missing.
    assert "1.2" in {s.national: s.provincial for s in result.sections}["1.2"]
    twins = [f for f in result.clauses if twin in f.clause.text]
    assert [(f.clause.section, f.status) for f in twins] == [("1.1", Status.COVERED),
                                                             ("1.2", Status.MISSING)]


def test_one_provincial_sentence_carrying_two_national_ones_covers_both():
    national = _outline("国家意见\n一、服务\n推行政务服务事项集成化办理，推广“免申即享”服务方式。"
                        "建立政务服务“好差评”制度，实现差评整改闭环管理。")
    provincial = _outline("示例省意见\n一、服务\n推行政务服务事项集成化办理，推广“免申即享”服务方式，"
                          "建立政务服务“好差评”制度，实现差评整改闭环管理。")
    result = compare_outlines(national, provincial)
    assert all(f.status is not Status.MISSING for f in result.clauses)
    assert {f.matches[0].clause.id for f in result.clauses} == {"1-1"}


def test_a_national_sentence_written_as_two_is_carried_by_both_halves():
    national = _outline("国家意见\n一、经济\n加强覆盖经济运行全周期的统计监测和综合分析能力，强化经济趋势研判，"
                        "助力跨周期政策设计，提高逆周期调节能力。建立政务服务“好差评”制度。")
    provincial = _outline("示例省意见\n一、经济\n强化覆盖经济运行全周期的统计监测和综合分析能力，"
                          "强化经济趋势研判。助力跨周期政策设计，提高逆周期调节能力。"
                          "建立政务服务“好差评”制度。")
    result = compare_outlines(national, provincial)
    finding = result.clauses[0]
    assert finding.status is not Status.MISSING
    assert {m.clause.id for m in finding.matches} == {"1-1", "1-2"}
    assert result.additions == ()


def test_one_task_moved_to_another_part_does_not_take_its_part_along():
    national = _outline("国家意见\n一、服务\n（一）集成办理。推行政务服务事项集成化办理，推广“免申即享”服务方式。\n"
                        "（二）好差评。建立政务服务“好差评”制度，实现差评整改闭环管理。\n"
                        "（三）移动办理。推动更多政务服务事项掌上办、指尖办。\n"
                        "二、安全\n（一）评估。建立数字政府安全评估和重大事件处置机制。")
    provincial = _outline("示例省意见\n一、服务\n（一）集成办理。推行政务服务事项集成化办理，推广“免申即享”服务方式。\n"
                          "（二）移动办理。推动更多政务服务事项掌上办、指尖办。\n"
                          "二、安全\n（一）评估。建立数字政府安全评估和重大事件处置机制。\n"
                          "（二）好差评。建立政务服务“好差评”制度，实现差评整改闭环管理。")
    result = compare_outlines(national, provincial)
    places = {s.national: s.provincial for s in result.sections}
    assert places["1.2"] == ("2.2",)
    assert places["1"] == ("1",)
    assert places["2"] == ("2",)


def test_sample_pair_finds_the_omissions_recorded_in_its_truth():
    truth = json.loads((SAMPLES / "provincial-opinion-sample.truth.json").read_text(encoding="utf-8"))
    omitted = {o["text"] for o in truth["omitted"]}
    result = compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)
    missing = {f.clause.text for f in result.clauses if f.status is Status.MISSING}
    assert len(omitted & missing) >= 0.85 * len(omitted)
    added = {a["text"] for a in truth["added"]}
    found = {c.text for c in result.additions}
    assert sum(any(t in c or c in t for c in found) for t in added) >= 0.8 * len(added)


def test_a_clause_its_owner_leaves_unused_goes_to_the_next_claimant():
    # N8-1 (a long sentence on the Party's leadership) claims P8.1-1 most strongly but matches
    # P8-1; P8.1-1 is the province's rewording of N8.1-1 and must not end up both an
    # addition and N8.1-1's missing counterpart.
    result = compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)
    finding = next(f for f in result.clauses if f.clause.id == "8.1-1")
    # 加强党中央对……集中统一领导 is the centre's: the province's echo of it is shown, no gap.
    assert finding.status is Status.NOT_EXPECTED and "有相近表述" in finding.reason.text
    assert [m.clause.id for m in finding.matches] == ["8.1-1"]
    assert "8.1-1" not in {c.id for c in result.additions}
    used = {m.clause.id for f in result.clauses for m in f.matches}
    assert not used & {c.id for c in result.additions}


def test_a_clause_carried_in_full_leaves_its_second_match_to_a_clause_with_none():
    # 国办发〔1997〕11号 asks groups it keeps to 依照规定办理有关变更登记及机构设置审批手续, and
    # puts right those 未按有关规定办理变更登记或机构设置审批手续的. A blind draft carries both.
    # The second, matched word for word, also claimed the first's counterpart most strongly
    # (its words all stand there), listed both, and the first read 未覆盖.
    national = _outline(
        "示例通知\n一、符合下列要求的示例团体予以保留。\n1.有规范的名称和固定的住所。\n"
        "2.依照规定办理有关变更登记及机构设置审批手续。\n"
        "二、对存在下列问题的示例团体要进行整改。\n1.未依照章程开展业务活动的；\n"
        "2.未按有关规定办理变更登记或机构设置审批手续的；\n")
    provincial = _outline(
        "示例省通知\n一、保留的示例团体应当符合下列要求：\n1.有规范的名称和固定的住所；\n"
        "2.按规定办理变更登记及机构设置审批手续，参加并通过年检；\n"
        "二、存在下列问题的示例团体要进行整改：\n1.未依照章程开展业务活动的；\n"
        "2.未按有关规定办理变更登记或机构设置审批手续的；\n")
    by_text = {f.clause.text: f for f in compare_outlines(national, provincial).clauses}
    kept = by_text["依照规定办理有关变更登记及机构设置审批手续。"]
    assert kept.status is not Status.MISSING
    assert [m.clause.text for m in kept.matches] == ["按规定办理变更登记及机构设置审批手续，参加并通过年检；"]
    put_right = by_text["未按有关规定办理变更登记或机构设置审批手续的；"]
    assert put_right.status is Status.COVERED
    assert put_right.matches[0].clause.text == "未按有关规定办理变更登记或机构设置审批手续的；"


def test_a_sentence_no_province_carries_takes_no_provincial_sentence_from_one_it_must():
    # 东川 (bench/policy, written blind to the engine) renders the principle 坚持党的全面领导。 as
    # 坚持和加强党对数字政府建设的全面领导，确保党中央、国务院关于……决策部署……贯彻落实。 The
    # introduction 为贯彻落实党中央、国务院关于……重大决策部署，现提出以下意见。 claimed that sentence
    # more strongly and kept it, though it is itself not expected of a province: the principle
    # read 未覆盖, and so did 八、's first sentence, to which the sentence then went unused.
    from bench.policy_pairs import POLICY
    result = compare_files(NATIONAL_SAMPLE, POLICY / "dongchuan-plan.txt")
    by_text = {f.clause.text: f for f in result.clauses}
    principle = by_text["坚持党的全面领导。"]
    assert principle.status is not Status.MISSING
    assert principle.matches and principle.matches[0].clause.text.startswith("坚持和加强党对数字政府建设的全面领导")
    introduction = next(f for text, f in by_text.items() if text.startswith("为贯彻落实党中央"))
    # The introduction still shows the province's echo of it, for reference only.
    assert introduction.status is Status.NOT_EXPECTED and "仅供参考" in introduction.reason.text


def test_a_sentence_the_province_made_the_heading_of_its_task_is_carried_by_that_heading(tmp_path):
    # A plan written blind to the engine made national sentences the headings of its tasks
    # (1.全面实施绿色开采，减少……处置量。以煤炭……为重点……): no sentence match sees a heading,
    # and both read 未覆盖.
    national = _outline("国家示例方案\n一、主要任务\n（一）推动示例绿色生产。"
                        "全面实施绿色示例开采，减少示例固体废物产生和贮存处置量。"
                        "以煤炭、有色金属等行业为重点，推广充填示例技术。"
                        "严格控制示例增量，逐步解决示例固体废物历史遗留问题。"
                        "建立示例废物台账制度，定期向社会公开。")
    provincial = _outline("示例省实施方案\n一、主要任务\n（一）推动示例绿色生产\n"
                          "1.全面实施绿色示例开采，减少示例固体废物产生和贮存处置量。"
                          "以煤炭、有色金属等行业为重点，推广充填示例技术，鼓励企业采用示例工艺。\n"
                          "2.严格控制示例增量，逐步解决示例固体废物历史遗留问题。"
                          "全面摸底调查示例堆存场所，2020年底前完成整治。\n")
    result = compare_outlines(national, provincial)
    by_text = {f.clause.text[:6]: f for f in result.clauses}
    for opening in ("全面实施绿色", "严格控制示例"):
        finding = by_text[opening]
        assert finding.status is Status.COVERED and finding.reason.code == "heading_restated", opening
        assert "小标题" in finding.reason.text and "一、（一）" in finding.reason.text
    # A sentence the province dropped stays 未覆盖.
    assert by_text["建立示例废物"].status is Status.MISSING
    # The checklist's provincial cell names and quotes the heading, not 未找到对应表述 beside
    # 已覆盖.
    from docx import Document
    from core.export import export_word
    document = Document(str(export_word(result, tmp_path / "清单.docx")))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    row = next(r for r in rows if any(c.startswith("一、（一）全面实施绿色") or "全面实施绿色示例开采" in c[:20] for c in r[1:2]))
    assert "以本句为小标题" in row[2] and "未找到" not in row[2] and "已覆盖" in row
    # Its similarity column gives the heading's figure, not — beside 已覆盖.
    assert row[4] == "100"
    # ... as the review JSON does.
    from core.export import review_to_dict
    reviewed = review_to_dict(result, ())
    restated = next(i for i in reviewed["items"] if i.get("reason", {}).get("code") == "heading_restated")
    assert restated["score"] == 100.0
    from openpyxl import load_workbook
    from core.export import export_excel
    sheet = load_workbook(export_excel(result, tmp_path / "清单.xlsx")).worksheets[0]
    header = next(r for r in sheet.iter_rows(values_only=True) if "相似度" in r)
    excel_row = next(r for r in sheet.iter_rows(values_only=True)
                     if any(isinstance(c, str) and "以本句为小标题" in c for c in r))
    assert excel_row[header.index("相似度")] == 100
    # ... and so does its cell in a matrix of provinces.
    from core.batch import cells_for, national_items
    items = national_items(national, "clause")
    cell = cells_for(result, items, "clause")[next(i for i, item in enumerate(items)
                                                    if item.text.startswith("全面实施绿色"))]
    assert cell is not None and "以本句为小标题" in cell.wording


def test_a_province_s_rules_for_its_own_government_carry_what_the_state_council_s_say_of_it():
    # A blind draft of 北原省人民政府工作规则 after 《国务院工作规则》 (国发〔2004〕18号): every
    # sentence on 国务院, 总理 or its general office read 无需地方落实 — there they stand for the
    # province's government, governor and office, and the province's rules restate them.
    national = ("国务院关于印发《国务院工作规则》的通知\n一、国务院常务会议由总理、副总理、国务委员、秘书长组成，"
                "由总理召集和主持。国务院全体会议的组织工作由国务院办公厅负责，文件和议题于会前送达与会同志。\n"
                "二、国务院要自觉接受全国人大及其常委会的监督，向其报告工作。\n")
    provincial = ("北原省人民政府关于印发《北原省人民政府工作规则》的通知\n一、省政府常务会议由省长、副省长、秘书长组成，"
                  "由省长召集和主持。省政府全体会议的组织工作由省政府办公厅负责。\n"
                  "二、省政府要自觉接受省人大及其常委会的监督，向其报告工作。\n")
    by_text = {f.clause.text[:8]: f for f in compare_outlines(_outline(national), _outline(provincial)).clauses}
    for opening in ("国务院常务会议由", "国务院全体会议的", "国务院要自觉接受"):
        assert by_text[opening].status in (Status.COVERED, Status.PARTIAL), opening
    # 国务委员, which the province has no counterpart of, is told lost as any list member is.
    assert [g.national for g in by_text["国务院常务会议由"].gaps] == ["国务委员"]
    # An ordinary implementing opinion on a State Council text still leaves those to the centre.
    opinion = provincial.replace("关于印发《北原省人民政府工作规则》的通知", "关于贯彻国务院工作规则的实施意见")
    findings = compare_outlines(_outline(national), _outline(opinion)).clauses
    assert any(f.status is Status.NOT_EXPECTED and f.reason.code == "central" for f in findings)


def test_a_clause_whose_rarest_words_the_province_changed_still_finds_its_match():
    # The province's 指导思想 updates 十九大 to 二十大 and drops 伟大旗帜: the national
    # sentence's most informative words are all gone, the rest of it is there.
    result = compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)
    finding = next(f for f in result.clauses if f.clause.id == "1.2.1-1")
    assert finding.status is not Status.MISSING
    assert finding.matches[0].clause.id == "1.1-1"
    assert "1.1-1" not in {c.id for c in result.additions}


def test_a_clause_whose_rare_words_lead_elsewhere_still_finds_the_sentence_with_its_phrase():
    # N2.4-10 starts with “多卡合一”、“多码合一” and ends with 兜底性; the province kept only
    # 推进基本公共服务数字化应用, joined to another sentence. The rare words lead to other
    # clauses, none close enough: the clause looks again with the words the province uses.
    result = compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)
    finding = next(f for f in result.clauses if f.clause.id == "2.4-10")
    assert finding.status is Status.PARTIAL
    assert [m.clause.id for m in finding.matches] == ["2.4-9"]


def test_json_contract_and_byte_for_byte_determinism(tmp_path, corpus, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    national = str(LAWS / "national-optimizing-business-environment-regulation-2019.txt")
    provincial = str(LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt")
    assert main(["compare", national, provincial, "--json", str(first)]) == 0
    assert main(["compare", national, provincial, "--json", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["schema"] == "duizhao.compare/2"
    assert set(data["national"]) >= {"path", "title", "sections"}
    assert set(data["national"]["sections"][0]) == {"id", "label", "title", "level"}
    clause = data["clauses"][0]
    assert set(clause) >= {"id", "section", "text", "status", "score", "matches"}
    assert clause["id"].startswith("N") and clause["status"] in {
        "covered", "partial", "missing", "not_expected"}
    assert all(c["reason"]["code"] and c["reason"]["text"] for c in data["clauses"])
    assert all(m["id"].startswith("P") for c in data["clauses"] for m in c["matches"])
    assert len(data["clauses"]) == len(load_outline(national).clauses())
    summary = data["summary"]
    assert summary["clauses"] == (summary["covered"] + summary["partial"] + summary["missing"]
                                  + summary["not_expected"])
    assert summary["additions"] == len(data["additions"])
    out = capsys.readouterr().out
    assert "国家文件逐句对照" in out and "【未覆盖】" in out


def test_progress_is_reported_and_cancel_stops_the_work(corpus):
    national, provincial = load_outline(GUIDELINE), load_outline(NEW_MEDIA_TXT)
    seen = []
    compare_outlines(national, provincial, progress=lambda done, total, message: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        compare_outlines(national, provincial, cancel=cancel)


def test_cli_reports_unreadable_input_in_one_line(tmp_path, capsys):
    bad = tmp_path / "x.xyz"
    bad.write_text("abc", encoding="utf-8")
    assert main(["compare", str(bad), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误：")


def test_a_phrase_with_an_inserted_place_word_is_still_carried():
    """The sample renders 全面构建经济治理基础数据库 as 全面构建全省经济治理基础数据库, merged
    into the sentence before: the national sentence is carried in part, not missing."""
    result = compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE)
    finding = next(f for f in result.clauses if f.clause.text.startswith("全面构建经济治理基础数据库"))
    assert finding.status is Status.PARTIAL
    assert "全面构建全省经济治理基础数据库" in finding.matches[0].clause.text
    vocabulary = Vocabulary([])
    national = vocabulary.profile("全面构建经济治理基础数据库。", [])
    provincial = vocabulary.profile("加强经济数据治理，全面构建全省经济治理基础数据库。", [])
    assert phrase_found(national.phrases[0], provincial)
    unrelated = vocabulary.profile("全面构建全省政务服务基础数据库。", [])
    assert not phrase_found(national.phrases[0], unrelated)


@pytest.mark.parametrize("pair", [
    (NATIONAL_SAMPLE, PROVINCIAL_SAMPLE),
    pytest.param((LAWS / "national-emergency-response-law-2007.txt",
                  LAWS / "shanghai-emergency-response-law-implementing-measures-2018.txt"),
                 marks=pytest.mark.needs_corpus)])
def test_the_phrase_prefilter_never_turns_away_a_phrase_partial_ratio_accepts(monkeypatch, pair):
    # _may_match is only a shortcut: on every national phrase against every provincial
    # sentence, phrase_found answers as it does without it. The statute pair has short
    # provincial items that stand whole inside a longer national phrase.
    import core.similarity as similarity

    national, provincial = (load_outline(path) for path in pair)
    texts = [c.text for c in national.clauses()] + [c.text for c in provincial.clauses()]
    vocabulary = Vocabulary(tokens(t) for t in texts)
    phrases = [p for c in national.clauses()
               for p in vocabulary.profile(c.text, tokens(c.text)).phrases]
    profiles = [vocabulary.profile(c.text, tokens(c.text)) for c in provincial.clauses()]
    with_filter = [[phrase_found(p, q) for q in profiles] for p in phrases]
    monkeypatch.setattr(similarity, "_may_match", lambda *args: True)
    without = [[phrase_found(p, q) for q in profiles] for p in phrases]
    assert with_filter == without
    assert any(any(row) for row in with_filter)


def test_a_short_clause_standing_whole_inside_a_longer_phrase_counts_as_found():
    text = "数字政府建设统筹"
    profile = Vocabulary([tokens(text)]).profile(text, tokens(text))
    assert phrase_found("加强数字政府建设统筹协调", profile)


def test_a_reworded_merge_of_two_policy_sentences_carries_both():
    # The province joins 二、（七）'s two sentences into one and rewords the second: no phrase
    # of it stands verbatim, but its own words (突发公共事件, 舆情, 回应) do.
    national = _outline(
        "国务院关于加强示例工作的指导意见\n一、提升政务公开水平\n（一）发挥政务新媒体优势做好政策传播。\n"
        "积极构建政务新媒体矩阵体系，形成整体联动、同频共振的政策信息传播格局。"
        "依托政务新媒体做好突发公共事件信息发布和政务舆情回应工作。")
    provincial = _outline(
        "示例省实施意见\n一、提升政务公开水平\n（一）做好政策传播。\n"
        "构建全省政务新媒体矩阵体系，形成整体联动、同频共振的政策信息传播格局，"
        "做好突发公共事件信息发布和舆情回应。")
    findings = {f.clause.text[:6]: f for f in compare_outlines(national, provincial).clauses}
    assert findings["积极构建政务"].status is Status.COVERED
    merged = findings["依托政务新媒"]
    assert merged.status in (Status.COVERED, Status.PARTIAL) and merged.reason.code != "taken"
    assert [m.clause.text[:6] for m in merged.matches] == ["构建全省政务"]


def test_a_missing_sentence_offers_the_reviewer_the_nearest_sentence_its_reason_names():
    national = _outline("国务院关于加强示例工作的指导意见\n一、重点任务\n（一）加强数据治理。\n"
                        "建立健全数据治理制度和标准体系，加强数据汇聚融合、共享开放和开发利用，促进数据依法有序流动。")
    provincial = _outline("示例省实施意见\n一、重点任务\n（一）加强数据治理。\n"
                          "制定全省数据分类分级标准，开展数据质量专项治理。")
    finding = compare_outlines(national, provincial).clauses[0]
    assert finding.status is Status.MISSING and finding.reason.code == "too_weak"
    assert [m.clause.text for m in finding.alternatives] == ["制定全省数据分类分级标准，开展数据质量专项治理。"]
    assert 0 < finding.alternatives[0].score < 39 and "一、（一）第1句" in finding.reason.text


def test_a_term_the_provincial_title_names_is_not_lost_where_a_sentence_leaves_it_out():
    national = _outline("国务院关于加强数字政府建设的指导意见\n一、强化安全保障\n（一）加强安全防护。\n"
                        "建立健全动态监控、主动防御、协同响应的数字政府安全技术保障体系。"
                        "充分发挥“一网通办”枢纽作用，推动政务服务线上线下标准统一。")
    provincial = ("{title}\n一、强化安全保障\n（一）加强安全防护。\n"
                  "建立健全动态监控、主动防御、协同响应的安全技术保障体系，强化日常监测。"
                  "充分发挥省政务服务平台枢纽作用，推动政务服务线上线下标准统一。")
    about = compare_outlines(national, _outline(provincial.format(title="示例省加强数字政府建设实施方案")))
    assert [f.status for f in about.clauses] == [Status.COVERED, Status.PARTIAL]
    assert "一网通办" in about.clauses[1].reason.text
    other = compare_outlines(national, _outline(provincial.format(title="示例省加强网络安全工作实施方案")))
    assert other.clauses[0].status is Status.PARTIAL and "数字政府" in other.clauses[0].reason.text


@pytest.mark.parametrize("national, provincial, change", [
    ("定期开展网络安全、保密和密码应用检查。", "适时开展网络安全、保密和密码应用检查。", ("定期", "适时")),
    ("确保政务数据真实、准确、完整。", "不断提升政务数据真实性、准确性和完整性。", ("确保", "不断")),
    ("对发现的问题及时予以通报。", "对发现的问题适时予以通报。", ("及时", "适时")),
    ("率先复制推广检测改革试点经验。", "适时复制推广检测改革试点经验。", ("率先", "适时")),
    ("对信用良好的检测机构直接赋予最高信用等级。", "对信用良好的检测机构给予较高信用等级。", ("最高", "较高")),
    ("打造具有全球影响力的检测中心。", "打造具有较强影响力的检测中心。", ("全球", "较强")),
])
def test_the_ways_drafters_soften_a_requirement_are_weakenings(national, provincial, change):
    gaps = binding_gaps(national, provincial)
    assert [(g.kind, g.national, g.provincial) for g in gaps] == [("binding", *change)]


def test_dropping_full_coverage_is_a_lost_target():
    national = _outline("国务院关于示例工作的指导意见\n一、重点任务\n（一）推进电子化。\n"
                        "开展各级非税收入收缴相关平台建设，推动非税收入收缴电子化全覆盖。")
    provincial = _outline("示例省实施意见\n一、重点任务\n（一）推进电子化。\n"
                          "开展各级非税收入收缴相关平台建设，推动非税收入收缴电子化。")
    finding = compare_outlines(national, provincial).clauses[0]
    assert finding.clause.targets == ("全覆盖",)
    assert finding.status is Status.PARTIAL and "缺少指标“全覆盖”" in finding.reason.text
    # Said another way it is kept; weakened, it is told once.
    kept = find_gaps(finding.clause, tokens(finding.clause.text),
                     [Clause("P1-1", "1", "推动非税收入收缴电子化，覆盖全部缴款场景。")])
    assert kept == ()
    weakened = find_gaps(finding.clause, tokens(finding.clause.text),
                         [Clause("P1-1", "1", "推动非税收入收缴电子化基本覆盖。")])
    assert [(g.kind, g.national, g.provincial) for g in weakened] == [("binding", "全覆盖", "基本覆盖")]


def test_an_encouragement_the_province_adds_is_no_weakening():
    assert binding_gaps("加强养老服务设施建设。", "加快养老服务设施建设，鼓励社会力量参与。") == []
    assert binding_gaps("推进政务数据共享。", "深化政务数据共享，探索数据授权运营。") == []


def test_a_policy_phrase_with_words_put_in_is_carried_a_statute_phrase_is_not():
    national, provincial = ("成立数字政府建设专家委员会，引导高校和科研机构设置数字政府相关专业。",
                            "成立省数字政府建设专家咨询委员会，为重大决策提供智力支撑。")
    policy = Vocabulary([tokens(national), tokens(provincial)], reworded=True)
    statute = Vocabulary([tokens(national), tokens(provincial)])
    phrase = normalize("成立数字政府建设专家委员会")
    assert phrase_found(phrase, policy.profile(provincial, tokens(provincial)))
    assert not phrase_found(phrase, statute.profile(provincial, tokens(provincial)))
    # The words must stand in order and close together.
    scattered = "成立工作专班，推进数字政府建设，组建由高校专家组成的咨询委员会。"
    assert not phrase_found(phrase, policy.profile(scattered, tokens(scattered)))
    assert score(policy.profile(national, tokens(national)),
                 policy.profile(provincial, tokens(provincial))) >= 39


def test_a_short_policy_phrase_with_one_word_put_in_is_carried():
    # 国办发〔2018〕123号: 做准做精做细解读工作 written 三是做准做精做细政策解读工作 scored 33 (未覆盖);
    # the phrase has two content words, too few for the reading of a reworded phrase, and
    # partial_ratio's window loses the end 政策 pushed out.
    national = "做准做精做细解读工作，注重运用生动活泼、通俗易懂的语言提升解读效果。"
    provincial = "三是做准做精做细政策解读工作。"
    policy = Vocabulary([tokens(national), tokens(provincial)], reworded=True)
    statute = Vocabulary([tokens(national), tokens(provincial)])
    phrase = normalize("做准做精做细解读工作")
    assert phrase_found(phrase, policy.profile(provincial, tokens(provincial)))
    assert not phrase_found(phrase, statute.profile(provincial, tokens(provincial)))
    assert score(policy.profile(national, tokens(national)),
                 policy.profile(provincial, tokens(provincial))) >= 39
    # One word put in, not a phrase of its own.
    other = "三是做准做精做细各项政策法规的解读工作。"
    assert not phrase_found(phrase, policy.profile(other, tokens(other)))
    # ... and no negation: 依法不予追究刑事责任 says the opposite of 依法追究刑事责任.
    for negated in ("对其依法不予追究刑事责任。", "依法不公开政府信息。"):
        profile = policy.profile(negated, tokens(negated))
        for kept in ("依法追究刑事责任", "依法公开政府信息"):
            assert not phrase_found(normalize(kept), profile), (kept, negated)


def test_a_deadline_brought_forward_is_kept_one_put_back_or_dropped_is_lost():
    goal = Clause("N1-1", "1", "到2022年，建成全省统一的政务新媒体矩阵。", targets=("到2022年",))
    words = tokens(goal.text)
    sooner = find_gaps(goal, words, [Clause("P1-1", "1", "到2021年底，建成全省统一的政务新媒体矩阵。")])
    assert sooner == ()
    before = find_gaps(goal, words, [Clause("P1-1", "1", "2021年6月底前建成全省统一的政务新媒体矩阵。")])
    assert before == ()
    later = find_gaps(goal, words, [Clause("P1-1", "1", "到2024年，建成全省统一的政务新媒体矩阵。")])
    assert [(g.kind, g.national) for g in later] == [("number", "到2022年")]
    dropped = find_gaps(goal, words, [Clause("P1-1", "1", "建成全省统一的政务新媒体矩阵。")])
    assert [(g.kind, g.national) for g in dropped] == [("number", "到2022年")]
    # A milestone brought forward while the goal is put back; a year in the past.
    slipped = find_gaps(goal, words, [Clause("P1-1", "1", "2020年底前完成试点，到2025年建成全省统一的政务新媒体矩阵。")])
    assert [(g.kind, g.national) for g in slipped] == [("number", "到2022年")]
    past = find_gaps(goal, words, [Clause("P1-1", "1", "落实国务院于2018年作出的部署，建成全省统一的政务新媒体矩阵。")])
    assert [(g.kind, g.national) for g in past] == [("number", "到2022年")]
    noted = Clause("N2-1", "2", "完成账号清理整合。", deadline="2019年底前")
    assert find_gaps(noted, tokens(noted.text), [Clause("P2-1", "2", "2019年9月底前完成账号清理整合。")]) == ()
    assert find_gaps(noted, tokens(noted.text), [Clause("P2-1", "2", "2020年底前完成账号清理整合。")]) != ()



def _lost(national: str, provincial: str) -> list[tuple[str, str]]:
    """(kind, national) of the gaps a provincial sentence leaves in a national one, the national
    sentence's targets read as the engine reads them."""
    clause = Clause("N1-1", "1", national, targets=find_targets(national))
    return [(g.kind, g.national) for g in find_gaps(clause, tokens(national),
                                                      [Clause("P1-1", "1", provincial)])]

def test_a_deadline_or_a_start_written_into_the_sentence_is_kept_or_lost():
    deadline = "2019年3月底前，全部检测机构纳入满意度调查平台。"
    assert _lost(deadline, "全省检测机构全部纳入满意度调查平台。") == [("number", "2019年3月底前")]
    assert _lost(deadline, "2019年3月底前，全省检测机构全部纳入满意度调查平台。") == []
    assert _lost(deadline, "2018年底前，全省检测机构全部纳入满意度调查平台。") == []
    start = "公开招聘检测人员，2020年起基本不再从应届毕业生中招聘。"
    assert _lost(start, "公开招聘检测人员。") == [("number", "2020年起")]
    # Written 年年底, kept or brought forward; a sum and a span of years lost in other words.
    waived = "经省级人民政府批准，2020年年底前重点检测企业可免缴国有资本收益。"
    assert _lost(waived, "经省人民政府批准，重点检测企业可免缴国有资本收益。") == [("number", "2020年年底前")]
    assert _lost(waived, "经省人民政府批准，2020年6月底前重点检测企业可免缴国有资本收益。") == []
    funds = "检测社团还应有固定的联络地点、5000元以上的资金和兼职工作人员。"
    assert _lost(funds, "检测社团还应有固定的联络地点、必要的资金和兼职工作人员。") == [("number", "5000元")]
    assert _lost(funds, "检测社团还应有固定的联络地点、5000元以上的资金和兼职工作人员。") == []
    leave = "对距法定退休年龄五年以内的检测人员，本人申请，可以提前离岗。"
    assert _lost(leave, "对距法定退休年龄较近的检测人员，本人申请，可以提前离岗。") == [("number", "五年以内")]
    assert _lost(start, "公开招聘检测人员，自2020年起不再从应届毕业生中招聘。") == []
    # The day written out is the same deadline; a date that only qualifies a thing is no target.
    assert _lost(deadline, "2019年3月31日前，全省检测机构全部纳入满意度调查平台。") == []
    assert find_targets("2000年以前建成的检测站纳入改造。") == () and find_targets("2020年前后完成。") == ()
    # A deadline set for a task the nation only starts is no loss.
    assert _lost("从2019年开始，探索建立检测人员学习账号。", "2020年底前建立检测人员学习账号。") == []
    # To the month: a deadline put back within its year is lost; half a year is six months.
    assert _lost(deadline, "2019年6月底前，全省检测机构全部纳入满意度调查平台。") == [("number", "2019年3月底前")]
    assert _lost(deadline, "2019年2月底前，全省检测机构全部纳入满意度调查平台。") == []
    half = "2019年上半年，试点城市政府印发检测实施方案。"
    assert _lost(half, "2019年9月底前，各试点城市政府印发检测实施方案。") == [("number", "2019年上半年")]
    assert _lost(half, "2019年5月底前，各试点城市政府印发检测实施方案。") == []


def test_a_hedge_set_before_a_national_verb_weakens_it():
    gaps = binding_gaps("编制高端检测装备技术路线图，引导智能装备加快发展。",
                        "适时编制全省检测装备技术路线图，引导智能装备加快发展。")
    assert [(g.kind, g.national, g.provincial) for g in gaps] == [("binding", "编制", "适时编制")]
    gaps = binding_gaps("重点支持山区开展农田改造。", "鼓励有条件的地方开展农田改造。")
    assert [(g.national, g.provincial) for g in gaps] == [("开展", "鼓励有条件的地方开展")]
    # A hedge before a verb of the province's own, or one the national text already has.
    assert binding_gaps("加强检测装备质量监管。", "加强检测装备质量监管，逐步扩大抽检范围。") == []
    assert binding_gaps("逐步推行检测服务外包。", "逐步推行检测服务外包。") == []
    # A national sentence already soft, a stronger provincial rule, a hedge before no verb, a
    # verb the province also keeps unhedged.
    assert binding_gaps("国家鼓励检测机构建立质量追溯制度。", "检测机构应当逐步建立质量追溯制度。") == []
    # A hedge before a phrase shows the phrase, not two characters of it.
    gaps = binding_gaps("推进检测服务向乡镇延伸。", "推进检测服务逐步向乡镇延伸。")
    assert [(g.national, g.provincial) for g in gaps] == [("向乡镇延伸", "逐步向乡镇延伸")]
    # Two hedges stacked before a phrase (国办发〔2019〕4号 in a blind draft: 对不同类别医疗机构
    # 设置…… → 逐步探索对不同类别医疗机构设置……, 已覆盖 at 84), or before a verb.
    gaps = binding_gaps("结合实际，对不同类别检测机构设置不同指标和权重。",
                        "结合实际，逐步探索对不同类别检测机构设置不同指标和权重。")
    assert [g.provincial for g in gaps] == ["逐步探索对不同类别检测机构设…"]
    gaps = binding_gaps("编制检测装备路线图。", "逐步探索编制检测装备路线图。")
    assert [(g.national, g.provincial) for g in gaps] == [("编制", "逐步探索编制")]
    assert binding_gaps("逐步探索编制检测装备路线图。", "逐步探索编制检测装备路线图。") == []
    # The nation's own hedge, kept.
    assert binding_gaps("推动普通高校转型，鼓励有条件的普通高校开办应用专业。",
                        "推动普通高校转型，鼓励有条件的普通高校开办应用专业，积极开展试点。") == []
    assert binding_gaps("推动建立检测协作机制。", "推动建立检测协作机制，逐步建立省际会商制度。") == []
    assert binding_gaps("稳步推进检测服务外包。", "逐步推进检测服务外包。") == []


def test_a_task_left_to_those_who_can_or_only_basically_reached_is_weakened():
    def told(national, provincial):
        return [(g.national, g.provincial) for g in binding_gaps(national, provincial)]
    # 有条件的……可以: the places or units, perhaps a subject after a comma, then the task.
    assert told("科学配置执法职责，相对集中行政处罚权，推进综合执法试点。",
                "科学配置执法职责，有条件的市（州）可以开展相对集中行政处罚权和综合执法试点。") == [
        ("开展相对集中行政处罚…", "有条件的市（州）可以开展相对集中行政处罚…")]
    assert told("检测基金在总额预算的基础上，按不低于采购金额的30%提前预付给检测机构。",
                "有条件的统筹地区，检测基金可在总额预算的基础上，按不低于采购金额的30%提前预付给检测机构。") == [
        ("在总额预算的基础上", "有条件的统筹地区，检测基金可在总额预算的基础上")]
    # The nation's own condition, however worded; the phrase also kept plainly in another
    # sentence; a task of the province's own for those who can; 许可 is no 可.
    assert told("鼓励有条件的地方推进综合执法试点。", "有条件的市（州）可以推进综合执法试点。") == []
    assert told("在具备条件的地区推进综合执法试点。", "有条件的市（州）可以推进综合执法试点。") == []
    assert told("推进相对集中行政许可权改革试点。", "有条件的区人民政府，探索实施相对集中行政许可权改革试点。") == []
    # 应当 → 可以 is told once, not again as a condition.
    assert told("各市应当开展综合执法试点。", "有条件的市可以开展综合执法试点。") == [("应当", "可以")]
    assert told("推进综合执法试点。", "推进综合执法试点。有条件的市（州）可以推进综合执法试点。") == []
    assert told("推进综合执法试点。", "推进综合执法试点，有条件的市（州）可以建立执法协作机制。") == []
    # 基本 before a result the nation sets in full; not the nation's own 基本, nor 基本 as an
    # adjective (基本公共服务).
    assert told("推动检测体系覆盖各级各类检测机构。", "推动检测体系基本覆盖各级各类检测机构。") == [("覆盖", "基本覆盖")]
    assert told("到2022年，建成全省统一的检测平台。", "到2022年，基本建成全省统一的检测平台。") == [("建成", "基本建成")]
    assert told("到2022年，基本建成全省统一的检测平台。", "到2022年，基本建成全省统一的检测平台。") == []
    assert told("提升公共检测服务水平。", "提升基本公共检测服务水平。") == []


def test_a_hedge_before_a_light_verb_a_phrase_or_a_goal_weakens_the_task_it_names():
    def told(national, provincial):
        return [(g.national, g.provincial) for g in binding_gaps(national, provincial)]
    # The task after a light verb, whatever verb the nation set before it.
    assert told("制定考核办法，加强督促检查，纳入绩效评估。",
                "制定考核办法，适时开展督促检查，纳入绩效评估。") == [("督促检查", "适时开展督促检查")]
    assert told("对整改不到位的地区进行通报。", "对整改不到位的地区视情予以通报。") == [("通报", "视情予以通报")]
    assert told("加大检测新产品补贴试点力度。", "适时开展检测新产品补贴试点。") == [
        ("检测新产品补贴试点", "适时开展检测新产品补贴试点")]
    # What the nation only permits, the province may encourage.
    assert told("允许园区创新推出与国际接轨的检测服务举措。", "鼓励检测机构在园区创新推出与国际接轨的检测服务举措。") == []
    # The nation's own light verb and task, meant for some, with a hedge put before them.
    assert told("支持在有条件的园区开展检测数据证券化试点。", "鼓励有条件的园区探索开展检测数据证券化试点。") == [
        ("开展", "探索开展")]
    assert told("支持在有条件的园区探索开展检测数据证券化试点。", "鼓励有条件的园区探索开展检测数据证券化试点。") == []
    # A hedge before a prepositional phrase that renders a national one.
    assert told("县级机构要与本地区融媒体中心建立协调机制。",
                "各县机构要逐步与县级融媒体中心建立协调机制。") == [
        ("与县级融媒体中心建立…", "逐步与县级融媒体中心建立…")]
    # 力争, 争取, 探索 and 适当 before a firm national verb.
    assert told("到2020年，基本建立检测考核体系。", "到2020年，力争基本建立检测考核体系。") == [("基本", "力争基本")]
    assert told("开展本科层次检测教育试点。", "积极争取开展本科层次检测教育试点。") == [("开展", "积极争取开展")]
    assert told("推进检测数据共享。", "探索推进检测数据共享。") == [("推进", "探索推进")]
    assert told("重点考核业务规模，降低或取消利润考核要求。", "重点考核业务规模，适当降低利润考核要求。") == [
        ("降低", "适当降低")]
    # 鼓励 before the subject of a national duty; 不得低于 → 力争达到.
    assert told("根据考核结果，医院调整完善内部分配方案，推动医院科学管理。",
                "鼓励医院根据考核结果，调整完善内部分配方案，推动医院科学管理。") == [
        ("医院根据考核结果", "鼓励医院根据考核结果")]
    assert told("检测机构按照规范开展检测。", "鼓励检测机构按照规范开展检测。") == [
        ("检测机构按照规范开展…", "鼓励检测机构按照规范开展…")]
    # 应当 → 鼓励 is told once, by the table.
    assert told("检测机构应当按照规范开展检测。", "鼓励检测机构按照规范开展检测。") == [("应当", "鼓励")]
    assert told("国家鼓励检测机构按照规范开展检测。", "鼓励检测机构按照规范开展检测。") == []
    # 鼓励 joined to the verb after it promotes as well (it read 约束减弱：和促进外商投资).
    assert told("国家积极促进外商投资。", "本市鼓励和促进外商投资。") == []
    assert told("各地要支持企业开展研发。", "鼓励、支持企业开展研发。") == []
    assert told("其中单户担保金额的占比不得低于50%。", "其中单户担保金额的占比力争达到50%。") == [
        ("不得低于", "力争达到")]
    # 争取 before what the province seeks from above; a light verb before a task of its own; the
    # nation's own 力争.
    assert told("推进部门业务系统与地方数据平台双向共享。",
                "积极争取国务院部门业务系统数据回流，推动与省级数据平台双向共享。") == []
    assert told("推进公共数据、社会数据融合应用。", "探索开展社会数据统采共用，推进公共数据与社会数据融合应用。") == []
    assert told("到2020年，力争基本建立检测考核体系。", "到2020年，力争基本建立检测考核体系。") == []
    # The national phrase kept as it is, a softer task of the province's own beside it.
    for national, provincial in (
            ("到2020年，实现乡镇检测站全覆盖。", "到2020年，实现乡镇检测站全覆盖，力争实现村级检测点全覆盖。"),
            ("建立健全检测人员培训制度。", "建立健全检测人员培训制度，探索建立检测人员培训补贴制度。"),
            ("支持企业开展检测技术改造。", "支持企业开展检测技术改造，鼓励企业开展检测技术创新。"),
            ("加强农村检测站养护，建立检测站养护长效机制。",
             "加强农村检测站养护，建立检测站养护长效机制，鼓励社会资本参与农村检测站养护。")):
        assert told(national, provincial) == [], provincial


def test_a_sentence_not_expected_of_a_province_that_it_echoes_in_part_is_no_gap():
    national = _outline("示例指导意见\n为贯彻落实党中央、国务院关于加强检测工作的重大决策部署，现提出以下意见。\n"
                        "一、总体要求\n（一）发展目标。\n检测机构覆盖率达到70%，检测服务取得明显进展。\n"
                        "二、重点任务\n（一）完善检测制度。各地要及时修订检测管理制度。\n")
    provincial = _outline("示例省实施意见\n为深入贯彻落实国务院关于检测工作的部署，结合我省实际，现提出如下实施意见。\n"
                          "一、总体要求\n（一）发展目标。\n全省检测机构覆盖率达到60%，检测服务取得进展。\n"
                          "二、重点任务\n（一）完善检测制度。各地要及时修订检测管理制度。\n")
    findings = {f.clause.text[:6]: f for f in compare_outlines(national, provincial).clauses}
    echoed = findings["为贯彻落实党"]
    assert echoed.status is Status.NOT_EXPECTED and echoed.matches and echoed.reason.code == "no_task"
    assert "有相近表述" in echoed.reason.text and echoed.reason.text.startswith("本句是引出正文的行文用语，")
    assert "、现" not in echoed.reason.text  # no list of patterns a reviewer reads as workings
    from core.expected import clause_not_expected
    for formula in ("经国务院同意，现将调整后的检测激励措施及组织实施等事项通知如下：", "现就有关事项通知如下：",
                    "现通知如下："):
        assert clause_not_expected(formula).code == "no_task"
    # A task whose words read as a description (……尚未达标的……) that the province carries in
    # part stays a gap.
    task = compare_outlines(
        _outline("示例指导意见\n一、重点任务\n（一）加强督导。对检测合格率尚未达标的城市，加大督促指导力度，"
                 "定期通报工作进展情况，限期整改到位。\n"),
        _outline("示例省实施意见\n一、重点任务\n（一）加强督导。对检测合格率尚未达标的城市，加大指导力度。\n"))
    weakened = next(f for f in task.clauses if f.clause.text.startswith("对检测合格率"))
    assert weakened.status is Status.PARTIAL
    # A goal is a task, however it is worded (……取得明显进展): the lost 70% is a gap.
    goal = findings["检测机构覆盖"]
    assert goal.status is Status.PARTIAL and [g.national for g in goal.gaps] == ["70%"]


def test_the_rest_of_a_description_cut_at_semicolons_asks_nothing_either():
    national = _outline("示例指导意见\n近年来，各地检测工作取得积极进展。但在落实过程中还不同程度存在各类问题，"
                        "有的单位没有及时修订检测制度；有的检测经费仍然由相关机构管理；"
                        "检测成果转化还受到相关规定的约束等。为推动检测工作，现提出以下意见。\n"
                        "一、重点任务\n（一）完善检测制度。各地要及时修订检测管理制度。\n")
    result = compare_outlines(national, _outline("示例省实施意见\n一、重点任务\n"
                                                 "（一）完善检测制度。各地要及时修订检测管理制度。\n"))
    statuses = {f.clause.text[:8]: f.status for f in result.clauses}
    assert statuses["有的检测经费仍然"] is Status.NOT_EXPECTED
    assert statuses["检测成果转化还受"] is Status.NOT_EXPECTED
    assert statuses["各地要及时修订检"] is Status.COVERED


@pytest.mark.parametrize("sentence", [
    "国家加强边境地区建设，县级以上人民政府应当采取措施保障边民检测服务。",
    "县级以上人民政府应当支持边境贸易检测，边境地区人民政府可以设立检测点。",
    "沿海地区和内陆地区的县级以上人民政府应当加强水质检测工作。",
    "沿海县级以上人民政府应当划定检测区。任何单位和个人不得在检测区内排污。",
])
def test_a_duty_beside_coastal_or_border_places_stays_expected_of_an_inland_province(sentence):
    from core.expected import laid_on_other_places
    assert laid_on_other_places(sentence, "北京") is None


@pytest.mark.parametrize("national, kept, scoped, elsewhere, place, named", [
    # A measure its note limits to other places.
    ("（一）下放检测机构审批权限。（负责部门：市场监管总局；适用范围：所有试验区）\n"
     "（二）支持郑州检测中心开展国际互认。（负责部门：市场监管总局，适用范围：河南试验区）\n",
     "下放检测机构审批权限。", "支持郑州检测中心开展国际互认。", "南海省", "河南省", "河南试验区"),
    # A duty a named region's own organ carries.
    ("（一）设立联合检测办公室。由上海市检测事务管理所承担联合检测办公室日常工作。下放检测机构审批权限。\n",
     "下放检测机构审批权限。", "由上海市检测事务管理所承担联合检测办公室日常工作。", "南海省", "上海市", "上海"),
    # A duty laid on coastal or border governments, of a province without coast or border (a
    # province the title does not name, like 南海省, is not known to lack them).
    ("（一）下放检测机构审批权限。\n（二）沿海地区县级以上人民政府要加强海水检测站点建设。\n",
     "下放检测机构审批权限。", "沿海地区县级以上人民政府要加强海水检测站点建设。", "河南省", "福建省", "沿海"),
    ("（一）下放检测机构审批权限。\n（二）边境地区各级人民政府应当建立口岸检测协作机制。\n",
     "下放检测机构审批权限。", "边境地区各级人民政府应当建立口岸检测协作机制。", "四川省", "云南省", "边境"),
])
def test_a_measure_for_other_places_is_not_expected_of_this_province(national, kept, scoped, elsewhere, place,
                                                                    named):
    national = _outline(f"示例若干措施\n一、推进检测便利化\n{national}")
    for province, expected in ((elsewhere, Status.NOT_EXPECTED), (place, Status.MISSING)):
        provincial = _outline(f"{province}人民政府关于检测便利化的实施意见\n一、推进检测便利化\n（一）{kept}\n")
        statuses = {f.clause.text: f for f in compare_outlines(national, provincial).clauses}
        assert statuses[kept].status is Status.COVERED
        assert statuses[scoped].status is expected, province
        if expected is Status.NOT_EXPECTED:
            assert statuses[scoped].reason.code == "scope" and named in statuses[scoped].reason.text


@pytest.mark.parametrize("title, expected", [
    ("示例省检测服务三年行动计划（2023—2025年）", Status.NOT_EXPECTED),
    ("示例省“十四五”检测服务发展规划", Status.NOT_EXPECTED),
    # A plan whose period reaches the goal's year, or a text with no period, is expected to.
    ("示例省检测服务行动方案（2023-2035年）", Status.MISSING),
    ("示例省人民政府关于加强检测服务的实施意见", Status.MISSING),
])
def test_a_goal_beyond_the_period_of_a_provincial_plan_is_not_expected_of_it(title, expected):
    national = _outline("示例指导意见\n一、总体要求\n（一）工作目标。\n到2025年，检测机构覆盖率达到70%。"
                        "到2035年，现代检测服务体系全面建成，检测服务水平显著提升。\n"
                        "二、重点任务\n（一）完善检测制度。各地要及时修订检测管理制度。\n")
    provincial = _outline(f"{title}\n一、工作目标\n到2025年，全省检测机构覆盖率达到70%。\n"
                          "二、重点任务\n（一）完善检测制度。各地要及时修订检测管理制度。\n")
    findings = {f.clause.text[:7]: f for f in compare_outlines(national, provincial).clauses}
    vision = findings["到2035年，"]
    assert vision.status is expected, title
    if expected is Status.NOT_EXPECTED:
        assert vision.reason.code == "horizon" and "至2025年" in vision.reason.text
    # A goal within the period stays one the plan must carry.
    assert findings["到2025年，"].status is Status.COVERED


def test_a_plans_period_is_read_from_its_title():
    from core.expected import beyond_horizon, plan_end
    assert plan_end("南屏省数字政府建设三年行动计划（2023—2025年）（征求意见稿）") == 2025
    assert plan_end("某省“十五五”数字经济发展规划") == 2030
    assert plan_end("某市数字政府建设工作要点（2024年）") is None
    # A later horizon the title names is the plan's (second reading).
    assert plan_end("湖南省国民经济和社会发展第十四个五年规划和2035年远景目标纲要") is None
    assert plan_end("某省“十四五”规划和2035年远景目标纲要") == 2035
    assert plan_end("某省数字政府建设规划（2021—2025年）及2035年远景目标") == 2035
    # A sentence that also sets a goal within the period is the plan's to carry.
    plan = "某省数字政府建设实施方案（2023-2025年）"
    assert beyond_horizon("到2025年，平台基本建成；到2035年，体系更加完善。", plan) is None
    assert beyond_horizon("力争到2030年，体系全面建成。", plan).code == "horizon"


def test_a_list_the_province_shortens_loses_the_members_it_leaves_out():
    national = "对不按规定开展检测的机构，在年度考核、资金奖补、等级评审、定点资格、负责人考核中予以体现。"
    assert _lost(national, "对不按规定开展检测的机构，在年度考核、资金奖补、等级评审、负责人考核中予以体现。") \
        == [("item", "定点资格")]
    assert _lost(national, "对不按规定开展检测的机构，在年度考核、资金奖补、等级评审、定点资格、负责人考核中"
                          "予以体现。") == []
    # Members closed by 等, and the first one after the words leading into the list.
    fees = "不得以保证金、承诺费、咨询费、注册费等名义收取费用。"
    assert _lost(fees, "不得以保证金、承诺费、咨询费等名义收取费用。") == [("item", "注册费")]
    centres = "支持国家检测创新中心、国家计量研究中心、新型检测机构等在园区发展。"
    assert _lost(centres, "支持国家计量研究中心、新型检测机构等在园区发展。") == [("item", "国家检测创新中心")]
    # The first member after what qualifies it with 的; the member before the 和 that closes a list.
    needs = "满足检测企业的设备采购、项目建设、工程承包、技术引进等融资需求。"
    assert _lost(needs, "满足检测企业的设备采购、项目建设等融资需求。") == [("item", "工程承包"), ("item", "技术引进")]
    fields = "水质检测、土壤检测、噪声检测和大气检测能力明显提升。"
    assert _lost(fields, "水质检测、土壤检测和大气检测能力明显提升。") == [("item", "噪声检测")]
    assert _lost(fields, "水质检测、土壤检测、噪声检测和大气检测能力明显提升。") == []
    # Two members joined by 和 within one; a member with a word put in is kept.
    events = "发生重大检测事故、群体性不明原因疾病、重大食物中毒和职业中毒等突发事件。"
    assert _lost(events, "发生重大检测事故、重大食物中毒等突发事件。") == [
        ("item", "群体性不明原因疾病"), ("item", "职业中毒")]
    report = "对本地区试点情况、主要做法和成效、存在的问题及建议等进行总结。"
    assert _lost(report, "对本地区本部门试点情况、主要做法和成效、存在的问题及建议等进行总结。") == []
    # Members that share their last words, written with them once.
    open_ = "深入推进决策公开、执行公开、管理公开、服务公开、结果公开。"
    assert _lost(open_, "深入推进决策、执行、管理、服务、结果公开。") == []
    assert _lost(open_, "深入推进决策、执行、结果公开。") == [("item", "管理公开"), ("item", "服务公开")]
    # ... and where only some members share them (国办发〔2018〕114号, in a blind draft: 灭火、举高、
    # 专勤、战勤保障消防车和消防摩托车 read 缺少列举项“灭火消防车”).
    vehicles = "主要包括灭火检测车、举高检测车、专勤检测车、战勤保障检测车、检测摩托车、应急指挥车等。"
    assert _lost(vehicles, "主要包括灭火、举高、专勤、战勤保障检测车和检测摩托车、应急指挥车等。") == []
    assert _lost(vehicles, "主要包括灭火、举高、战勤保障检测车和检测摩托车、应急指挥车等。") == [
        ("item", "专勤检测车")]
    # ... but a stem standing elsewhere is no member kept (环境 in 改善环境质量).
    kinds = "开展安全管理、质量管理、环境管理等工作。"
    assert _lost(kinds, "开展安全管理、质量管理等工作，改善环境质量。") == [("item", "环境管理")]
    assert _lost(kinds, "开展安全、质量和环境管理等工作。") == []
    # 及 and 和 inside a word join nothing (涉及, 谦和), and two lists run together are not one.
    assert _lost("问题主要涉及住房、退耕还林项目、公路、水利设施建设等方面。",
                 "问题主要涉及住房、退耕还林项目、公路、水利设施建设等方面。") == []
    assert list_members("设区的市级以上人民政府和检测事故易发、多发地区的人民政府应当建立应急物资、"
                        "生活必需品和应急处置装备的储备制度。") == []
    # A member lightly reworded is kept; a list replaced by other words is no shortened list.
    assert _lost(fees, "不得以保证金、承诺费、咨询服务费、注册费等名义收取费用。") == []
    assert _lost(fees, "严禁违规收取任何费用。") == []


def test_a_list_the_province_condenses_is_carried_in_part():
    assert lists_cut("检测中心承担水质的监测、检测、诊断、流行病学调查以及其他预防、控制等技术工作。") == (
        "检测中心承担水质的监测技术工作。", ("技术工作",))
    # No 等, no head: a list a sentence does not close is left as it is.
    assert lists_cut("构建工业、农业、生活领域资源循环利用体系。")[1] == ()
    national = _outline("国家条例\n一、任务\n检测中心承担水质的监测、检测、诊断、流行病学调查、疫情报告以及其他"
                        "预防、控制等技术工作。\n")
    provincial = _outline("示例省办法\n一、任务\n本市检测中心依法承担相关技术工作。\n"
                          "二、其他\n加强人员培训。\n")
    [finding] = compare_outlines(national, provincial).clauses
    assert finding.status is Status.PARTIAL and finding.matches
    assert finding.reason.code == "part" and "技术工作" in finding.reason.text
    # Without the list's head (技术工作) a rendering is no condensed list.
    other = _outline("示例省办法\n一、任务\n检测中心负责水质监测设备的采购。\n")
    [finding] = compare_outlines(national, other).clauses
    assert finding.status is Status.MISSING


def test_a_lower_frequency_loses_the_national_target():
    monthly = "监测工作会议一般每月召开三次，如有需要可临时召开。"
    assert _lost(monthly, "全省监测工作会议一般每月召开两次，如有需要可临时召开。") == [("number", "每月召开三次")]
    assert _lost(monthly, "全省监测工作会议一般每月召开三次，如有需要可临时召开。") == []
    assert _lost(monthly, "全省监测工作会议一般每周召开一次，如有需要可临时召开。") == []
    every_other = "监测专题讲座一般两个月安排一次。"
    assert ("number", "两个月安排一次") in _lost(every_other, "全省监测专题讲座适时安排。")
    assert _lost("监测情况每季度通报一次。", "全省监测情况每月通报一次。") == []
    assert _lost("监测情况每季度通报一次。", "全省监测情况每半年通报一次。") == [("number", "每季度通报一次")]


def test_a_stricter_share_keeps_the_national_target():
    floor = "到2020年，检测设备综合利用率达到85%以上。"
    assert _lost(floor, "到2020年，全省检测设备综合利用率达到86%以上。") == []
    assert _lost(floor, "到2020年，全省检测设备综合利用率达到80%以上。") == [("number", "85%")]
    ceiling = "到2020年，检测不合格率控制在5%以内。"
    assert _lost(ceiling, "到2020年，全省检测不合格率控制在4%以内。") == []
    assert _lost(ceiling, "到2020年，全省检测不合格率控制在8%以内。") == [("number", "5%")]
    assert _lost("检测合格率不低于90%。", "全省检测合格率不低于95%。") == []
    assert _lost("检测不合格率不超过5%。", "全省检测不合格率不超过3%。") == []
    # Only a share of the same measure counts.
    assert _lost(floor, "到2020年，检测设备无害化处理率达到100%，综合利用率达到80%以上。") == [("number", "85%")]
    # A share that says neither floor nor ceiling must stand as it is.
    assert _lost("检测费用的30%用于设备更新。", "检测费用的40%用于设备更新。") == [("number", "30%")]


def test_the_slogans_a_provincial_guiding_thought_leaves_out_are_no_lost_terms():
    national = ("以习近平新时代中国特色社会主义思想为指导，统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局，"
                "确保检测工作取得实效。")
    clause = Clause("N1-1", "1", national)
    kept = find_gaps(clause, tokens(national), [Clause("P1-1", "1", "以习近平新时代中国特色社会主义思想为指导，"
                                                                     "确保全省检测工作取得实效。")])
    assert kept == ()
    # Its binding words still count.
    weakened = find_gaps(clause, tokens(national), [Clause("P1-1", "1", "以习近平新时代中国特色社会主义思想为指导，"
                                                                         "力争全省检测工作取得实效。")])
    assert [g.kind for g in weakened] == ["binding"]


def test_a_lost_target_year_is_told_as_a_date():
    """缺少数量指标“到2035年” read as a quantity lost; a year is a 时限."""
    from core.model import Gap

    assert Gap("number", "到2035年").describe() == "缺少时限“到2035年”"
    assert Gap("number", "2025年底前").describe() == "缺少时限“2025年底前”"
    assert Gap("number", "90%").describe() == "缺少数量指标“90%”"
    assert Gap("number", "3个工作日").describe() == "缺少数量指标“3个工作日”"


def test_a_task_put_under_鼓励_is_told_by_the_national_words_before_it():
    """约束减弱：非涉密业务专网向电子…→鼓励非涉密业务专网向电子… showed two cut halves; the
    national words before the task against 鼓励 read as the other weakenings do."""
    gaps = binding_gaps("有序推进非涉密业务专网向电子政务外网整合迁移，各地区各部门原则上不再新建业务专网。",
                        "鼓励非涉密业务专网向电子政务外网整合迁移。")
    assert [g.describe() for g in gaps] == ["约束减弱：有序推进→鼓励"]
    # Never a cut word before the task (保障供应链 → 应链, 支持社会组织 → 组织): the task then.
    for national, provincial in (("保障供应链产业链稳定畅通。", "鼓励产业链稳定畅通。"),
                                 ("支持社会组织参与社区治理。", "鼓励社会组织参与社区治理。"),
                                 ("根据需要建立工作专班。", "鼓励建立工作专班。")):
        [gap] = binding_gaps(national, provincial)
        assert gap.provincial == "鼓励" + gap.national and gap.national in national


def test_a_demand_made_a_permission_is_a_weakening():
    """各地区各部门要建立健全…… → 可结合实际建立健全……: the sample's one weakening the engine let
    pass as 已覆盖 (要 is no word of the weakening table: 重要, 需要, 要求 are none)."""
    gaps = binding_gaps("各地区各部门要建立健全数字政府建设领导协调机制，强化统筹规划。",
                        "各市（州）、省直各部门可结合实际建立健全数字政府建设领导协调机制。")
    assert [g.describe() for g in gaps] == ["约束减弱：要→可结合实际"]
    # Not 要 inside a word, nor a 可 inside one, nor a demand the province keeps.
    assert binding_gaps("要加强数据安全。", "加强数据安全，推动可持续发展。") == []
    assert binding_gaps("重要数据要加密存储。", "重要数据要加密存储，可以采用国产密码。") == []
    assert binding_gaps("加强重要数据保护。", "可以加强重要数据保护。") == []
    # A 可 inside a word of the province's (second reading): 可再生, 可复制可推广, 可支配; and a
    # demand kept in other words (需要).
    assert binding_gaps("各地区要加快发展清洁能源。", "加快发展风电、光伏等可再生能源。") == []
    assert binding_gaps("要及时总结推广典型经验。", "及时总结可复制可推广的典型经验。") == []
    assert binding_gaps("要持续提高城乡居民收入。", "持续提高人均可支配收入。") == []
    assert binding_gaps("要建立健全协调机制。", "需要建立健全协调机制，可以设立办公室。") == []
    # A sentence that keeps a demand in one phrase and makes another optional (a plan written
    # blind to the engine: ……要清理整合，确属无力维护的要坚决关停 → ……要清理整合，确属无力维护的
    # 可予以关停, 已覆盖 at 91).
    gaps = binding_gaps("对利用率低的示例账号要清理整合，确属无力维护的要坚决关停。",
                        "对利用率低的示例账号要清理整合，确属无力维护的可予以关停。")
    assert [g.describe() for g in gaps] == ["约束减弱：要→可"]
    assert binding_gaps("对利用率低的示例账号要清理整合，确属无力维护的要坚决关停。",
                        "对利用率低的示例账号要清理整合，确属无力维护的要予以关停，可以合并运营。") == []
    assert binding_gaps("各地要建立工作机制，要推动示例产业可持续发展。",
                        "各地要建立工作机制，推动示例产业可持续发展。") == []
    # 应 made a permission, before another word than the verb (国办发〔2018〕124号 in a blind
    # draft: ……联动指标应同时选取…… → ……联动指标可选取……, 已覆盖 at 100); 应 inside a word
    # (适应, 应急) is no demand.
    gaps = binding_gaps("完善工资与效益联动机制，联动指标应同时选取反映检测效益和经济效益的指标。",
                        "完善工资与效益联动机制，联动指标可选取反映检测效益和经济效益的指标。")
    assert [g.describe() for g in gaps] == ["约束减弱：应→可"]
    assert binding_gaps("加快适应检测需求，完善应急检测机制。", "加快适应检测需求，可完善应急检测机制。") == []
    assert binding_gaps("联动指标应同时选取检测效益指标。", "联动指标应选取检测效益指标，可以增设经济效益指标。") == []


def test_what_the_nation_asks_a_province_only_recommends_is_a_weakening():
    """全国性会议应尽可能采用电视电话会…… → 全省性会议提倡采用电视电话会议……: 提倡 leaves it to
    the subject's choice, as 鼓励 does (a blind draft of a province's work rules read 已覆盖)."""
    gaps = binding_gaps("全国性会议应尽可能采用电视电话会等快捷、节俭的形式召开。",
                        "全省性会议提倡采用电视电话会议等快捷、节俭的形式召开。")
    assert [g.describe() for g in gaps] == ["约束减弱：应尽可能→提倡"]
    # Urgency lost (a blind draft on 国办发〔1996〕2号: 要尽早组织开展…… → 要积极组织开展……).
    gaps = binding_gaps("各地要尽早组织开展检测宣传教育活动。", "各市（州）要积极组织开展检测宣传教育活动。")
    assert [g.describe() for g in gaps] == ["约束减弱：尽早→积极"]
    assert binding_gaps("要尽快制定检测预案，积极开展演练。", "要尽快制定检测预案，积极开展演练。") == []
    # The nation's own 提倡 asks no more than the province's.
    assert binding_gaps("提倡采用电视电话会等形式召开会议。", "提倡采用电视电话会议等形式召开会议。") == []


def test_a_sentence_whose_condition_is_lost_does_not_score_100():
    """没有依据的，不得作为办理行政审批的条件 scored 100 beside a provincial sentence that keeps
    only its long phrase: a short condition ending in 的 is part of what a score measures."""
    national = "没有依据的，不得作为办理行政审批的条件。"
    provincial = "有关政府部门不得将目录以外的中介服务事项作为办理行政审批的条件。"
    words_n, words_p = tokens(national), tokens(provincial)
    vocabulary = Vocabulary([words_n, words_p])
    assert score(vocabulary.profile(national, words_n), vocabulary.profile(provincial, words_p)) < 90
    # Kept with its condition, it scores 100, with a clause added too (second reading).
    for kept in ("没有依据的，不得作为办理行政审批的条件。",
                 "没有依据的，不得作为办理行政审批的条件，不得收取任何费用。"):
        words_k = tokens(kept)
        assert score(vocabulary.profile(national, words_n), vocabulary.profile(kept, words_k)) == 100.0


def test_a_policy_that_says_one_thing_twice_is_carried_by_the_sentence_a_province_writes_once():
    """国办发〔2019〕2号 names how pilot drugs are chosen in its scheme and again under its rules;
    a blind draft wrote it once, and the second read 未覆盖 (承接的是国家文件一、（一）). A twin
    differing in a date (每年1月底前 beside 每年2月底前), which the score does not read, is no
    repetition: it stays 未覆盖."""
    national = _outline("国务院办公厅关于示例检测试点工作的通知\n各省、自治区、直辖市人民政府：\n一、总体要求\n"
                        "从通过能力验证的检测机构中遴选试点机构，开展检测结果互认试点。\n二、试点内容\n"
                        "（一）试点机构。\n从通过能力验证的检测机构中遴选试点机构。\n（二）互认范围。\n"
                        "试点城市之间互认检测报告，不得重复检测。\n")
    provincial = _outline("示例省人民政府办公厅关于示例检测试点工作的实施方案\n各市（州）人民政府：\n一、总体要求\n"
                          "从通过能力验证的检测机构中遴选试点机构，开展检测结果互认试点。\n二、试点内容\n"
                          "试点城市之间互认检测报告，不得重复检测。\n")
    assert [f.status for f in compare_outlines(national, provincial).clauses] == [Status.COVERED] * 3
    national = _outline("国务院办公厅关于示例检测考核工作的意见\n各省、自治区、直辖市人民政府：\n一、考核程序\n"
                        "（一）机构自查\n各检测机构于2019年9月底前完成自查，将自查数据上传至国家检测信息系统。"
                        "2020年起，每年1月底前完成上述工作。\n（二）省级考核\n各省份于2019年11月底前完成对辖区内"
                        "检测机构的考核，考核结果反馈检测机构。2020年起，每年2月底前完成上述工作。\n")
    provincial = _outline("示例省人民政府办公厅关于示例检测考核工作的实施方案\n各市（州）人民政府：\n一、考核程序\n"
                          "（一）机构自查\n各检测机构于2019年9月20日前完成自查，将自查数据上传至国家和省检测信息系统。\n"
                          "（二）省级考核\n省检测中心于2019年11月底前完成对全省检测机构的考核，考核结果反馈检测机构。"
                          "2020年起，每年2月底前完成上述工作。\n")
    statuses = {f.clause.text: f.status for f in compare_outlines(national, provincial).clauses}
    assert statuses["2020年起，每年1月底前完成上述工作。"] is Status.MISSING
    assert statuses["2020年起，每年2月底前完成上述工作。"] is Status.COVERED

