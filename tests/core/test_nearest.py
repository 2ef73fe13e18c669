"""A statute article judged missing names its nearest provincial article as data: in the verdict,
the JSON, a stored project; and judging "that article carries it in part" records 部分覆盖 with a
sentence of it as the counterpart, kept in the project and the Word and Excel reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from core import session
from core.codec import comparison_from_record, comparison_to_record
from core.compare import compare_files
from core.export import export_excel, export_word
from core.model import Status, national_id, parse_item_id, provincial_id
from core.project import Project
from core.review import carried_in_part, nearest_article, review
from core.serialize import comparison_to_dict

# Invented statutes. National 第四条 (a unified market, production factors flowing freely) is
# rendered by no provincial article; the province's own 第四条 (reform of how factors are
# allocated) is the nearest, too far from it for the engine to count it as carrying it.
NATIONAL = """优化营商环境条例
第一章 总则
第一条 为了持续优化营商环境，保护市场主体合法权益，制定本条例。
第二条 县级以上人民政府应当加强对优化营商环境工作的组织领导，完善优化营商环境的政策措施，建立健全统筹推进、督促落实优化营商环境工作的相关机制。
第三条 国家建立和完善以市场主体和社会公众满意度为导向的营商环境评价体系，发挥营商环境评价对优化营商环境的引领和督促作用。
第四条 国家加快建立统一开放、竞争有序的现代市场体系，依法促进各类生产要素自由流动。任何单位不得以备案、注册、年检等形式变相设定准入障碍。
第二章 市场主体保护
第五条 市场主体应当遵守法律法规，恪守社会公德和商业道德，诚实守信、公平竞争，履行安全、质量、劳动者权益保护、消费者权益保护等方面的法定义务。
第六条 政府及其有关部门应当依法保护市场主体的经营自主权、财产权和其他合法权益，保护企业经营者人身和财产安全。
第三章 附则
第七条 本条例自2030年1月1日起施行。
"""
PROVINCIAL = """示例省优化营商环境条例
第一章 总则
第一条 为了持续优化营商环境，保护市场主体合法权益，结合本省实际，制定本条例。
第二条 县级以上人民政府应当加强对优化营商环境工作的组织领导，建立健全优化营商环境工作协调机制，研究解决重大问题。
第三条 省人民政府建立优化营商环境议事协调机制，组建专家咨询委员会，定期听取市场主体和社会公众的意见建议。
第四条 本省推进要素市场化配置改革，破除土地、劳动力、资本、技术、数据等要素流动的体制障碍。
第五条 市场主体应当遵守法律法规，恪守社会公德和商业道德，诚实守信、公平竞争，履行安全、质量、劳动者权益保护、消费者权益保护等方面的法定义务。
第六条 政府及其有关部门应当依法保护市场主体的经营自主权、财产权和其他合法权益，保护企业经营者人身和财产安全。
第七条 本条例自2031年3月1日起施行。
"""


def write_pair(folder: Path, kind: str) -> tuple[Path, Path]:
    """The two statutes as .txt or .docx files (one paragraph a line)."""
    paths = []
    for name, text in (("国家条例", NATIONAL), ("示例省条例", PROVINCIAL)):
        path = folder / f"{name}.{kind}"
        if kind == "txt":
            path.write_text(text, encoding="utf-8")
        else:
            document = Document()
            for line in text.splitlines():
                document.add_paragraph(line)
            document.save(str(path))
        paths.append(path)
    return paths[0], paths[1]


def _article(outline, label: str):
    return next(s for s in outline.sections if s.kind == "article" and s.label == label)


@pytest.fixture(scope="module", params=["txt", "docx"])
def compared(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    national, provincial = write_pair(folder, request.param)
    return compare_files(national, provincial), folder


def test_a_missing_article_names_its_nearest_provincial_article_as_data(compared):
    comparison, _ = compared
    verdicts = {a.national: a for a in comparison.articles}
    missing = verdicts[_article(comparison.national, "第四条").id]
    nearest = _article(comparison.provincial, "第四条")
    assert missing.status is Status.MISSING and missing.reason.code == "too_weak"
    assert missing.provincial == ()
    assert missing.nearest == nearest.id
    # The data and the reason's words name the same article, and the reason quotes how it
    # opens, so that a printed report shows what the candidate says.
    assert f"最相近的是{nearest.label}“" in missing.reason.text
    assert "".join(nearest.paragraphs)[:12] in missing.reason.text
    # No other article names one: the carried ones are linked, the effective date is not
    # expected of a province.
    assert [a.national for a in comparison.articles if a.nearest] == [missing.national]


def test_the_json_and_the_stored_comparison_keep_the_nearest_article(compared):
    comparison, _ = compared
    data = json.loads(json.dumps(comparison_to_dict(comparison), ensure_ascii=False))
    by_id = {s["national"]: s for s in data["sections"]}
    missing = _article(comparison.national, "第四条").id
    assert by_id[missing]["nearest"] == _article(comparison.provincial, "第四条").id
    assert by_id[missing]["status"] == "missing"
    assert all(s["nearest"] is None for key, s in by_id.items() if key != missing)
    # The contract's earlier fields are all still there.
    assert set(data["sections"][0]) == {"national", "provincial", "score", "status", "reason",
                                        "nearest", "runners_up", "near_scores"}
    assert all(s["runners_up"] == [] for s in data["sections"])
    again = comparison_from_record(json.loads(json.dumps(comparison_to_record(comparison))))
    assert again.sections == comparison.sections


def test_a_comparison_stored_before_nearest_was_kept_reads_without_it(compared):
    comparison, _ = compared
    record = comparison_to_record(comparison)
    for section in record["sections"]:
        del section["nearest"]
    old = comparison_from_record(record)
    assert all(s.nearest is None for s in old.sections)
    item = national_id(next(f for f in comparison.clauses
                            if f.clause.section == _article(comparison.national, "第四条").id
                            ).clause.id)
    assert nearest_article(old, item) is None and carried_in_part(old, item) is None


def test_judging_the_nearest_article_a_partial_carrier_is_kept_and_exported(compared, tmp_path):
    comparison, folder = compared
    national_article = _article(comparison.national, "第四条")
    carrier = _article(comparison.provincial, "第四条")
    item = national_id(next(f for f in comparison.clauses
                            if f.clause.section == national_article.id).clause.id)
    assert nearest_article(comparison, item) == carrier
    plan = carried_in_part(comparison, item)
    assert plan is not None and plan[0] == carrier
    assert [entry[0] for entry in plan[1]] == [national_id(c.id) for c in national_article.clauses]
    # Each sentence goes to a sentence of the nearest article.
    assert all(parse_item_id(match).clause.rsplit("-", 1)[0] == carrier.id for _, match in plan[1])
    # A sentence of an article that is carried offers none.
    carried = national_id(_article(comparison.national, "第五条").clauses[0].id)
    assert nearest_article(comparison, carried) is None and carried_in_part(comparison, carried) is None

    path = tmp_path / "项目.duizhao"
    national, provincial = (folder / f"国家条例{Path(comparison.national.path).suffix}",
                            folder / f"示例省条例{Path(comparison.provincial.path).suffix}")
    with Project.create(path, national, provincial, comparison) as project:
        for own, match in plan[1]:
            edit = session.carry_in_part(item=own, current=project.decision(own), match=match,
                                         article=carrier.label, reviewer="审核人")
            assert edit.label == f"认定由地方{carrier.label}部分承接"
            session.record(project=project, edit=edit)
        session.record(project=project, edit=session.set_note(
            item=item, current=project.decision(item), note="由地方第四条部分承接", reviewer="审核人"))
    with Project.open(path) as project:
        stored = project.comparison
        assert stored.sections == comparison.sections
        decisions = project.decisions()
    reviewed = {r.item: r for r in review(stored, decisions)[0]}
    for own, match in plan[1]:
        row = reviewed[own]
        assert row.status is Status.PARTIAL and row.decision is not None
        assert row.match is not None and provincial_id(row.match.clause.id) == match
    assert reviewed[item].note == "由地方第四条部分承接"

    national_text = reviewed[item].finding.clause.text
    shown = reviewed[item].match.clause.text
    carrier_where = "第一章" + carrier.label
    workbook = load_workbook(export_excel(stored, tmp_path / "清单.xlsx", decisions=decisions))
    lines = [[str(c.value) for c in row if c.value is not None]
             for sheet in workbook.worksheets for row in sheet.iter_rows()]
    # The 对照表 row: the national sentence, the chosen sentence with its place, the
    # reviewer's status and opinion.
    found = [cells for cells in lines if national_text in cells
             and f"{carrier_where} {shown}" in cells]
    assert found and "部分覆盖（人工）" in found[0]
    assert any(cell.startswith("由地方第四条部分承接（审核人") for cell in found[0])
    document = Document(str(export_word(stored, tmp_path / "清单.docx", decisions=decisions)))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    found = [row for row in rows if any(national_text in text for text in row)
             and any(shown in text for text in row)]
    assert found and any("部分覆盖" in text for text in found[0])
    assert any("由地方第四条部分承接" in text for text in found[0])
