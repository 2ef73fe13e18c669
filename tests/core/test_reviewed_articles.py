"""A statute article after review: the engine's verdict on the whole article stands until a
reviewer changes one of its sentences, then it rolls up its sentences' reviewed statuses; the
Word and Excel reports and the JSON print that verdict beside the engine's, so that a reviewed
report never lists an article as missing above the sentences a reviewer found carried."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from core import session
from core.align import compare_outlines
from core.compare import compare_files
from core.export import export, export_excel, export_json, export_word, labels
from core.model import ReviewDecision, Status, national_id
from core.outline import outline_document
from core.project import Project
from core.read import read_text
from core.review import (article_status, carried_in_part, review, review_articles,
                         section_status)
from tests.core.test_export_word import TODAY, tables_by_header
from tests.core.test_nearest import NATIONAL, PROVINCIAL


def _compared():
    return compare_outlines(outline_document(read_text(NATIONAL)),
                            outline_document(read_text(PROVINCIAL)))


def _articles(comparison, decisions=()):
    clauses, _ = review(comparison, decisions)
    return {article.national: article for article in review_articles(comparison, clauses)}


def _engine_as_this_test_reads_it(comparison) -> None:
    """The engine's verdicts the tests below build on: 第三条 partial, and its one sentence with
    it (found nowhere one to one, it takes its article's verdict), 第四条 missing with two
    missing sentences, 第五条 covered, 第七条 not expected."""
    verdicts = {a.national: a.status for a in comparison.articles}
    sentences = {national_id(f.clause.id): f.status for f in comparison.clauses}
    assert verdicts["1.3"] is Status.PARTIAL and sentences["N1.3-1"] is Status.PARTIAL
    only = next(f for f in comparison.clauses if f.clause.id == "1.3-1")
    assert "本条只有一句，按整条判定为部分覆盖" in only.reason.text
    assert verdicts["1.4"] is Status.MISSING
    assert sentences["N1.4-1"] is sentences["N1.4-2"] is Status.MISSING
    assert verdicts["2.1"] is Status.COVERED and sentences["N2.1-1"] is Status.COVERED
    assert verdicts["3.1"] is Status.NOT_EXPECTED


# 第四条 carried in part (one of its two sentences), 第五条's only sentence found missing,
# 第七条 (the effective date) marked 不适用, and 第三条's sentence confirmed with an opinion.
DECISIONS = (
    ReviewDecision("N1.3-1", note="已核对", reviewer="审核人", decided_at="2026-11-30T10:00:00"),
    ReviewDecision("N1.4-1", status=Status.PARTIAL, reviewer="审核人",
                   decided_at="2026-11-30T10:01:00"),
    ReviewDecision("N2.1-1", status=Status.MISSING, reviewer="审核人",
                   decided_at="2026-11-30T10:02:00"),
    ReviewDecision("N3.1-1", not_applicable=True, reviewer="审核人",
                   decided_at="2026-11-30T10:03:00"),
)


def test_an_article_keeps_the_engines_verdict_until_a_reviewer_changes_a_sentence():
    comparison = _compared()
    _engine_as_this_test_reads_it(comparison)
    untouched = _articles(comparison)
    assert all(a.status is a.engine_status and not a.reviewed and not a.overridden
               for a in untouched.values())
    reviewed = _articles(comparison, DECISIONS)
    # Confirming a sentence (with an opinion) changes nothing: 第三条 stays partial.
    assert reviewed["1.3"].status is Status.PARTIAL and not reviewed["1.3"].reviewed
    # One sentence of 第四条 found carried in part, the other still missing: partial.
    assert reviewed["1.4"].status is Status.PARTIAL and reviewed["1.4"].reviewed
    assert reviewed["1.4"].changed == 1 and reviewed["1.4"].overridden
    assert reviewed["2.1"].status is Status.MISSING and reviewed["2.1"].overridden
    # Every sentence 不适用: the article has no verdict left.
    assert reviewed["3.1"].status is None and reviewed["3.1"].overridden
    # Articles no decision touches keep the engine's verdict.
    assert reviewed["1.1"].status is Status.COVERED and not reviewed["1.1"].reviewed


def test_a_changed_article_rolls_up_as_any_reviewed_section_does():
    """The one roll-up (core.review.section_status) for an article a reviewer changed."""
    cases = [[(Status.PARTIAL, False, True, True), (Status.MISSING, False, False, False)],
             [(Status.COVERED, False, True, True), (Status.COVERED, False, False, False)],
             [(Status.MISSING, True, True, True), (Status.COVERED, False, False, False)],
             [(Status.MISSING, True, True, True)]]
    for entries in cases:
        assert article_status(entries, Status.MISSING) is section_status(
            [(status, not_applicable) for status, not_applicable, *_ in entries], Status.MISSING)
    # Unchanged sentences: the engine's verdict on the whole, whatever they roll up to.
    assert article_status([(Status.MISSING, False, False, False)], Status.PARTIAL) is Status.PARTIAL
    # Once one is changed, a sentence no reviewer decided on counts as carried at least as well
    # as the engine judged the whole article: marking the other 不适用 keeps it carried.
    assert article_status([(Status.MISSING, False, False, False), (Status.PARTIAL, True, True, True)],
                          Status.COVERED) is Status.COVERED
    assert article_status([(Status.MISSING, False, False, False), (Status.MISSING, False, True, True)],
                          Status.COVERED) is Status.PARTIAL
    # ... one carried better than the whole keeps its own status, and one the reviewer
    # confirmed as 未覆盖 stays so.
    assert article_status([(Status.COVERED, False, False, False), (Status.MISSING, True, True, True)],
                          Status.PARTIAL) is Status.COVERED
    assert article_status([(Status.MISSING, False, False, True), (Status.COVERED, True, True, True)],
                          Status.COVERED) is Status.MISSING
    assert article_status([], Status.NOT_EXPECTED) is Status.NOT_EXPECTED


def _heading(table, label: str) -> str:
    return next(row.cells[0].text for row in table.rows
                if row.cells[0].text.startswith(label) and "本条整体" in row.cells[0].text)


def test_the_word_reports_print_the_reviewed_article_verdict_and_the_engines(tmp_path):
    comparison = _compared()
    _engine_as_this_test_reads_it(comparison)
    verdicts = {a.national: a for a in comparison.articles}
    document = Document(str(export_word(comparison, tmp_path / "清单.docx", decisions=DECISIONS,
                                        today=TODAY)))
    table = tables_by_header(document)["国家文件条款"]
    fourth = _heading(table, "第一章第四条")
    assert fourth.split("　", 1)[1] == (f"本条整体：部分覆盖（人工）；软件判定未覆盖，理由是："
                                       f"{verdicts['1.4'].reason.text}")
    assert "本条整体：未覆盖（人工）；软件判定已覆盖" in _heading(table, "第二章第五条")
    assert "本条整体：不适用（人工）；软件判定无需地方落实" in _heading(table, "第三章第七条")
    third = _heading(table, "第一章第三条")
    assert "本条整体：部分覆盖。" in third and "人工" not in third and "软件判定" not in third
    # The overview counts articles as reviewed, and says how many a reviewer changed.
    overview = next(p.text for p in document.paragraphs if "为基准" in p.text)
    total = len(comparison.articles)
    # Shares are of the articles expected of the province: 不适用 is set apart first.
    assert (f"国家文件共{total}条，按条整体判断：经审核不适用1条；在需地方落实的{total - 1}条中，"
            f"已覆盖3条（{300 / (total - 1):.1f}%），部分覆盖2条（{200 / (total - 1):.1f}%），"
            f"未覆盖1条（{100 / (total - 1):.1f}%）；以上共有3条的整体结果经审核调整。") in overview
    assert "按条整体判断为软件结果" not in "".join(p.text for p in document.paragraphs)
    # The gap report's heading rows say the same.
    gaps = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps",
                                    decisions=DECISIONS, today=TODAY)))
    fourth = _heading(tables_by_header(gaps)["国家文件条款"], "第一章第四条")
    assert "本条整体：部分覆盖（人工）；软件判定未覆盖" in fourth


def test_the_workbook_shows_the_engines_and_the_reviewed_article_verdicts(tmp_path):
    comparison = _compared()
    _engine_as_this_test_reads_it(comparison)
    workbook = load_workbook(export_excel(comparison, tmp_path / "清单.xlsx",
                                          decisions=DECISIONS, today=TODAY))
    sheet = workbook["按条对照"]
    header = [cell.value for cell in sheet[1]]
    assert header[3] == "软件结果" and header[4] == "审核结果"
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["第一章第四条"][3] == "未覆盖" and rows["第一章第四条"][4] == "部分覆盖（人工）"
    assert rows["第二章第五条"][3] == "已覆盖" and rows["第二章第五条"][4] == "未覆盖（人工）"
    assert rows["第三章第七条"][4] == "不适用（人工）"
    assert rows["第一章第三条"][3] == rows["第一章第三条"][4] == "部分覆盖"
    # The reviewed cell is coloured as its verdict reads.
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert cells["第一章第四条"][4].fill.start_color.rgb.endswith(labels.FILLS["partial"])
    assert cells["第一章第四条"][3].fill.start_color.rgb.endswith(labels.FILLS["missing"])
    assert sheet.auto_filter.ref == f"A1:G{len(comparison.articles) + 1}"
    lines = [cell.value for cell in workbook["汇总"]["A"] if isinstance(cell.value, str)]
    assert "按条对照（软件结果）：" + labels.article_summary_text(comparison) in lines
    reviewed = next(line for line in lines if line.startswith("按条对照（审核结果）："))
    assert "部分覆盖2条" in reviewed and "未覆盖1条" in reviewed and "经审核不适用1条" in reviewed


def test_an_unreviewed_workbook_repeats_the_engines_verdict_unmarked(tmp_path):
    comparison = _compared()
    workbook = load_workbook(export(comparison, tmp_path / "清单.xlsx"))
    rows = list(workbook["按条对照"].iter_rows(min_row=2, values_only=True))
    assert rows and all(row[4] == row[3] for row in rows)
    lines = [cell.value for cell in workbook["汇总"]["A"] if isinstance(cell.value, str)]
    assert not any(line.startswith("按条对照（审核结果）") for line in lines)


def test_the_json_review_gives_each_article_after_review(tmp_path):
    comparison = _compared()
    data = json.loads(Path(export_json(comparison, tmp_path / "r.json",
                                       decisions=DECISIONS)).read_text(encoding="utf-8"))
    articles = {entry["national"]: entry for entry in data["review"]["articles"]}
    assert articles["1.4"] == {"national": "1.4", "status": "partial",
                               "engine_status": "missing", "reviewed": True}
    assert articles["3.1"]["status"] == "not_applicable"
    assert articles["1.3"] == {"national": "1.3", "status": "partial",
                               "engine_status": "partial", "reviewed": False}
    # The engine's own fields are as they were.
    assert data["sections"] == json.loads(Path(export_json(
        comparison, tmp_path / "engine.json")).read_text(encoding="utf-8"))["sections"]


def test_a_real_article_carried_in_part_reads_so_in_every_report(corpus: Path, tmp_path: Path):
    """优化营商环境条例 and 北京市优化营商环境条例: the reviewer judges the article the engine
    found missing carried in part by its nearest Beijing article, in a saved project; the
    exported Word and Excel files say 部分覆盖（人工） at article level, beside the engine's 未覆盖."""
    texts = corpus / "real-pairs" / "texts"
    national = texts / "law_national_youhua_yingshang_huanjing_tiaoli_2019.txt"
    provincial = texts / "law_beijing_youhua_yingshang_huanjing_tiaoli_2020.txt"
    comparison = compare_files(national, provincial)
    article = next(a for a in comparison.articles if a.status is Status.MISSING and a.nearest
                   and len(comparison.national.section(a.national).clauses) > 1)
    where = comparison.national.label_path(article.national)
    first = national_id(comparison.national.section(article.national).clauses[0].id)
    carrier, plan = carried_in_part(comparison, first)
    path = tmp_path / "营商.duizhao"
    with Project.create(path, national, provincial, comparison) as project:
        for item, match in plan:
            session.record(project=project, edit=session.carry_in_part(
                item=item, current=project.decision(item), match=match, article=carrier.label,
                reviewer="审核人"))
    with Project.open(path) as project:
        docx = session.export_project(project=project, path=tmp_path / "清单.docx").path
        xlsx = session.export_project(project=project, path=tmp_path / "清单.xlsx").path
    heading = _heading(tables_by_header(Document(str(docx)))["国家文件条款"], where)
    assert f"本条整体：部分覆盖（人工）；审核认定对应地方{carrier.label}；软件判定未覆盖，理由是：" in heading
    rows = {row[0]: row for row in load_workbook(xlsx)["按条对照"].iter_rows(
        min_row=2, values_only=True)}
    assert rows[where][3] == "未覆盖" and rows[where][4] == "部分覆盖（人工）"
    assert rows[where][2] == f"{comparison.provincial.label_path(carrier.id)}（审核认定）"
    # Every other article reads as the engine judged it.
    changed = [name for name, row in rows.items() if row[4] != row[3]]
    assert changed == [where]
