"""A statute article judged missing names, after its nearest provincial article, the next nearest
(``runners_up``): in its reason, the JSON and a stored project; and the reviewer can judge any of
them its partial carrier. On the real pairs the nearest article carries a missing article the
gold calls carried about half the time, one of the three nearest three times in four."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.codec import comparison_from_record, comparison_to_record
from core.compare import compare_files
from core.model import Status, national_id, parse_item_id
from core.review import carried_in_part, near_articles, nearest_article
from core.serialize import comparison_to_dict
from tests.core.test_nearest import NATIONAL, PROVINCIAL, _article

# The invented provincial statute of test_nearest with one more article after its 第四条: on
# clearing rules that hinder a unified market, near the national 第四条 (a unified market, no
# disguised barriers to entry) but nearer it than any other article only after 第四条.
CLEARING = "各级人民政府应当清理妨碍统一市场的规定，不得设置不合理的准入条件。"
PROVINCIAL_WITH_CLEARING = (
    PROVINCIAL.replace("第七条 本条例自", "第八条 本条例自")
    .replace("第六条 政府及其有关部门", "第七条 政府及其有关部门")
    .replace("第五条 市场主体应当遵守", f"第五条 {CLEARING}\n第六条 市场主体应当遵守"))


def write_pair(folder: Path) -> tuple[Path, Path]:
    national, provincial = folder / "国家条例.txt", folder / "示例省条例.txt"
    national.write_text(NATIONAL, encoding="utf-8")
    provincial.write_text(PROVINCIAL_WITH_CLEARING, encoding="utf-8")
    return national, provincial


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    return compare_files(*write_pair(tmp_path_factory.mktemp("pair")))


def _missing(comparison):
    national = _article(comparison.national, "第四条")
    verdict = next(a for a in comparison.articles if a.national == national.id)
    return national, verdict


def test_a_missing_article_names_the_next_nearest_articles_after_the_nearest(compared):
    _national, verdict = _missing(compared)
    nearest, clearing = (_article(compared.provincial, label) for label in ("第四条", "第五条"))
    assert verdict.status is Status.MISSING and verdict.reason.code == "too_weak"
    assert verdict.nearest == nearest.id and verdict.runners_up == (clearing.id,)
    # The reason names them in that order, each with its similarity.
    text = verdict.reason.text
    assert text.index("最相近的是第四条“") < text.index("，其次是第五条，相似度")
    assert text.endswith("内容差别较大，不能认定为承接）。")
    # No other article names any: the carried ones are linked, the effective date is not
    # expected of a province.
    assert [a.national for a in compared.articles if a.runners_up] == [verdict.national]


def test_the_json_and_the_stored_comparison_keep_the_runners_up(compared):
    _national, verdict = _missing(compared)
    data = json.loads(json.dumps(comparison_to_dict(compared), ensure_ascii=False))
    by_id = {s["national"]: s for s in data["sections"]}
    assert by_id[verdict.national]["runners_up"] == [_article(compared.provincial, "第五条").id]
    assert all(s["runners_up"] == [] for key, s in by_id.items() if key != verdict.national)
    again = comparison_from_record(json.loads(json.dumps(comparison_to_record(compared))))
    assert again.sections == compared.sections
    # A comparison stored before runners-up were kept reads with none, its nearest kept.
    record = comparison_to_record(compared)
    for section in record["sections"]:
        del section["runners_up"]
    old = comparison_from_record(record)
    assert all(s.runners_up == () for s in old.sections)
    item = national_id(_missing(old)[0].clauses[0].id)
    assert [a.label for a in near_articles(old, item)] == ["第四条"]


def test_the_similarities_the_reason_prints_are_kept_beside_the_articles_it_names(compared):
    _national, verdict = _missing(compared)
    assert len(verdict.near_scores) == 2 and verdict.near_scores[0] >= verdict.near_scores[1] > 0
    printed = [f"{score * 100:.0f}" for score in verdict.near_scores]
    assert f"相似度{printed[0]}，其次是第五条，相似度{printed[1]}；" in verdict.reason.text
    data = comparison_to_dict(compared)
    by_id = {s["national"]: s for s in data["sections"]}
    assert by_id[verdict.national]["near_scores"] == list(verdict.near_scores)
    assert all(s["near_scores"] == [] for key, s in by_id.items() if key != verdict.national)
    record = comparison_to_record(compared)
    for section in record["sections"]:
        del section["near_scores"]  # stored before they were kept
    assert all(s.near_scores == () for s in comparison_from_record(record).sections)


def test_the_reviewer_may_judge_a_runner_up_the_partial_carrier(compared):
    national, verdict = _missing(compared)
    nearest, clearing = (_article(compared.provincial, label) for label in ("第四条", "第五条"))
    items = [national_id(c.id) for c in national.clauses]
    assert near_articles(compared, items[1]) == (nearest, clearing)
    assert nearest_article(compared, items[1]) == nearest
    # The nearest by default, as before; the runner-up when named.
    assert carried_in_part(compared, items[1])[0] == nearest
    article, chosen = carried_in_part(compared, items[1], article_id=clearing.id)
    assert article == clearing
    assert [own for own, _ in chosen] == items
    assert all(parse_item_id(match).clause.rsplit("-", 1)[0] == clearing.id for _, match in chosen)
    # An article the reason does not name may be chosen too: the reviewer found it (河南
    # 第六十三条 carries the national 第六十六条, and the engine offered three others).
    other = _article(compared.provincial, "第六条")
    article, chosen = carried_in_part(compared, items[1], article_id=other.id)
    assert article == other and [own for own, _ in chosen] == items
    assert all(parse_item_id(match).clause.rsplit("-", 1)[0] == other.id for _, match in chosen)
    # No section that is not a provincial article, and no article for a carried one.
    assert carried_in_part(compared, items[1], article_id="no-such-section") is None
    chapter = compared.provincial.sections[0]
    assert chapter.kind == "chapter"
    assert carried_in_part(compared, items[1], article_id=chapter.id) is None
    carried = national_id(_article(compared.national, "第五条").clauses[0].id)
    assert near_articles(compared, carried) == ()
    assert carried_in_part(compared, carried, article_id=other.id) is None
    # What the app offers to choose from: the near articles first, then every other article.
    from core.review import carry_choices
    choices = carry_choices(compared, items[1])
    assert choices[:len(near_articles(compared, items[1]))] == near_articles(compared, items[1])
    assert {c.id for c in choices} == {s.id for s in compared.provincial.sections
                                        if s.kind == "article" and s.clauses}
    assert carry_choices(compared, carried) == ()
    from core.review import can_carry
    assert can_carry(compared, items[1]) and not can_carry(compared, carried)


def test_the_nearest_articles_are_at_most_three_and_none_far_weaker_than_the_first():
    import numpy as np

    from core.align import Parameters
    from core.articles import _nearest

    parameters = Parameters()
    assert (parameters.article_nearest, parameters.article_nearest_relative) == (3, 0.4)
    # Nearest first; the fourth is cut, however close; one under 40 % of the nearest is left out.
    assert _nearest(np.array([0.1, 0.3, 0.2, 0.25, 0.22]), parameters) == [1, 3, 4]
    assert _nearest(np.array([0.3, 0.11, 0.13]), parameters) == [0, 2]
    # Nothing shared with any article, or no provincial article at all: none named.
    assert _nearest(np.zeros(4), parameters) == []
    assert _nearest(np.zeros(0), parameters) == []
    # Equal evidence: the earlier article first, as the reader meets them.
    assert _nearest(np.array([0.2, 0.2, 0.0]), parameters) == [0, 1]


def test_a_nearest_article_not_in_the_outline_or_named_twice_is_never_shown_wrongly(compared):
    from dataclasses import replace

    national, verdict = _missing(compared)
    item = national_id(national.clauses[0].id)
    clearing = _article(compared.provincial, "第五条")

    def with_names(nearest, runners_up):
        sections = tuple(replace(s, nearest=nearest, runners_up=runners_up)
                         if s.national == verdict.national else s for s in compared.sections)
        return replace(compared, sections=sections)

    # A stored nearest that is not in the provincial outline: no runner-up stands in for it.
    gone = with_names("9.99", (clearing.id,))
    assert near_articles(gone, item) == () and carried_in_part(gone, item) is None
    # The nearest named again among the runners-up is listed once.
    twice = with_names(verdict.nearest, (verdict.nearest, clearing.id))
    assert [a.label for a in near_articles(twice, item)] == ["第四条", "第五条"]


def _carry_decisions(comparison, item, article):
    """The decisions recording ``article`` as the partial carrier of the item's article."""
    from core import session

    plan = carried_in_part(comparison, item, article_id=article.id)
    return {own: session.carry_in_part(item=own, current=None, match=match, article=article.label,
                                       reviewer="审核人").decision for own, match in plan[1]}


def test_a_reviewer_who_changes_their_mind_moves_the_whole_article(compared):
    """Carried by 第五条, then by 第四条 from one sentence: only that sentence moved, and the
    article stood split between two carriers."""
    from core import session

    national, _verdict = _missing(compared)
    nearest, clearing = (_article(compared.provincial, label) for label in ("第四条", "第五条"))
    items = [national_id(c.id) for c in national.clauses]
    decisions = _carry_decisions(compared, items[0], clearing)
    assert set(decisions) == set(items)
    article, chosen = carried_in_part(compared, items[1], decisions, nearest.id)
    assert article == nearest and [own for own, _ in chosen] == items
    # A decision of another kind is the reviewer's own and stays.
    decisions[items[0]] = session.set_status(item=items[0], current=None, status=Status.COVERED,
                                             reviewer="审核人").decision
    _article_, chosen = carried_in_part(compared, items[1], decisions, nearest.id)
    assert [own for own, _ in chosen] == items[1:]


def test_the_reports_name_the_article_a_reviewer_judged_the_carrier(compared, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from core.export import export_excel, export_word
    from core.review import review, review_articles

    national, verdict = _missing(compared)
    clearing = _article(compared.provincial, "第五条")
    decisions = list(_carry_decisions(compared, national_id(national.clauses[0].id), clearing).values())
    articles = {a.national: a for a in review_articles(compared, review(compared, decisions)[0])}
    reviewed = articles[verdict.national]
    assert reviewed.status is Status.PARTIAL and reviewed.chosen == (clearing.id,)
    assert reviewed.chosen_text == "审核认定对应地方第五条"
    # Articles whose counterparts nobody chose name none.
    assert all(not a.chosen for key, a in articles.items() if key != verdict.national)

    said = "本条整体：部分覆盖（人工）；审核认定对应地方第五条；软件判定未覆盖，理由是："
    document = Document(str(export_word(compared, tmp_path / "清单.docx", decisions=decisions)))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert any(said in text for text in cells)
    workbook = load_workbook(export_excel(compared, tmp_path / "清单.xlsx", decisions=decisions))
    rows = [[cell.value for cell in row] for sheet in workbook.worksheets for row in sheet.iter_rows()]
    assert any("第一章第四条" in str(row[0]) and "第一章第五条（审核认定）" in str(row[2]) for row in rows)


def test_the_excel_article_share_after_review_is_the_apps(compared, tmp_path):
    """已覆盖（人工） stood beside the engine's share, 0, in the 按条对照 sheet while the app's
    outline said 100%."""
    from openpyxl import load_workbook

    from core import session
    from core.export import export_excel
    from core.review import review, review_articles

    national, verdict = _missing(compared)
    decisions = [session.set_status(item=national_id(c.id), current=None, status=Status.COVERED,
                                    reviewer="审核人").decision for c in national.clauses]
    articles = {a.national: a for a in review_articles(compared, review(compared, decisions)[0])}
    assert articles[verdict.national].reviewed_share == 1.0
    # An article no reviewer changed has none: its share is the engine's.
    assert all(a.reviewed_share is None for key, a in articles.items() if key != verdict.national)
    workbook = load_workbook(export_excel(compared, tmp_path / "清单.xlsx", decisions=decisions))
    row = next(r for r in workbook["按条对照"].iter_rows(min_row=2, values_only=True)
               if r[0] == "第一章第四条")
    assert row[4] == "已覆盖（人工）" and row[5] == 1


def test_an_article_a_reviewer_judged_carried_in_part_is_half_carried_not_0(compared, tmp_path):
    """部分覆盖（人工） stood beside 0 in the outline and the 按条对照 sheet: a partial sentence
    counted as nothing carried."""
    from openpyxl import load_workbook

    from core import session
    from core.export import export_excel
    from core.review import review, review_articles, reviewed_share

    national, verdict = _missing(compared)
    items = [national_id(c.id) for c in national.clauses]
    article, chosen = carried_in_part(compared, items[0], {})
    decisions = [session.carry_in_part(item=own, current=None, match=match, article=article.label,
                                       reviewer="审核人").decision for own, match in chosen]
    articles = {a.national: a for a in review_articles(compared, review(compared, decisions)[0])}
    assert articles[verdict.national].status is Status.PARTIAL
    assert articles[verdict.national].reviewed_share == 0.5
    workbook = load_workbook(export_excel(compared, tmp_path / "清单.xlsx", decisions=decisions))
    row = next(r for r in workbook["按条对照"].iter_rows(min_row=2, values_only=True)
               if r[0] == "第一章第四条")
    assert row[4] == "部分覆盖（人工）" and row[5] == 0.5
    # Covered counts whole, missing nothing, 不适用 and 无需地方落实 not at all.
    assert reviewed_share([(Status.COVERED, False), (Status.MISSING, False),
                           (Status.PARTIAL, False), (Status.COVERED, True),
                           (Status.NOT_EXPECTED, False)]) == 0.5
    assert reviewed_share([(Status.NOT_EXPECTED, False)]) is None


def test_carry_together_keeps_sentences_decided_before_unless_selected(compared):
    from core import session
    from core.model import ReviewDecision

    national, _verdict = _missing(compared)
    items = [national_id(c.id) for c in national.clauses]
    assert len(items) >= 2
    marked = {items[1]: ReviewDecision(items[1], status=Status.COVERED, note="已在别处落实")}
    article, together = session.carry_together(comparison=compared, item=items[0],
                                               decisions=marked, reviewer="审核人")
    assert article.label == "第四条" and together.doing == "认定由地方第四条部分承接"
    assert [edit.decision.item for edit in together.edits] == [items[0], *items[2:]]
    # Selected for the judgement, the marked sentence is carried too, its opinion kept.
    _article_again, chosen = session.carry_together(comparison=compared, item=items[0],
                                                    decisions=marked, selected=[items[1]],
                                                    reviewer="审核人")
    carried = {edit.decision.item: edit.decision for edit in chosen.edits}
    assert set(carried) == set(items) and carried[items[1]].note == "已在别处落实"
    assert all(d.status is Status.PARTIAL and d.reviewer == "审核人" for d in carried.values())
    assert chosen.label == f"认定由地方第四条部分承接（{len(items)} 句）"
