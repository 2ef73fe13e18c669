"""A pair's review laid over its batch column: the matrix shows what the reviewer decided."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from core import batch as batching
from core import session
from core.cli import main
from core.export.matrix import export_matrix
from core.model import ReviewDecision, Status, national_id
from core.project import Project
from tests.conftest import SAMPLES
from tests.core.test_batch import LOCAL_STATUTE, STATUTE

NATIONAL = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL = SAMPLES / "provincial-opinion-sample.docx"


@pytest.fixture(scope="module")
def guideline_batch() -> batching.Batch:
    return batching.compare_many(NATIONAL, [PROVINCIAL], workers=1)


def _row(batch: batching.Batch, status: Status) -> int:
    return next(row for row, cell in enumerate(batch.column(0)) if cell is not None and cell.status is status)


def _project(path: Path, national: Path, local: Path, batch: batching.Batch,
             decisions: list[ReviewDecision]) -> Path:
    with Project.create(path, national, local, batch.locals[0].comparison) as project:
        for decision in decisions:
            project.record(decision)
    return path


def test_a_reviewed_pair_shows_its_decisions_in_the_matrix(guideline_batch, tmp_path):
    batch = guideline_batch
    missing, partial, covered = (_row(batch, Status.MISSING), _row(batch, Status.PARTIAL),
                                 _row(batch, Status.COVERED))
    before = batch.summary(0)
    project = _project(tmp_path / "pair.duizhao", NATIONAL, PROVINCIAL, batch, [
        ReviewDecision(item=batch.items[missing].id, status=Status.COVERED, note="第十二条已写明"),
        ReviewDecision(item=batch.items[partial].id, not_applicable=True, note="本省无此职能"),
        # An opinion that confirms the engine changes no cell.
        ReviewDecision(item=batch.items[covered].id, note="同意"),
    ])

    reviewed, notes = batching.with_pair_reviews(batch, {0: project})

    assert notes == ()
    assert reviewed.locals[0].reviewed == 2
    cell = reviewed.cells[missing][0]
    assert cell.status is Status.COVERED and cell.reason.code == "review" and cell.reviewed
    assert "审核改为已覆盖" in cell.reason.text and "第十二条已写明" in cell.reason.text
    assert "引擎原判：未覆盖" in cell.reason.text  # the engine's word, set apart
    marked = reviewed.cells[partial][0]
    assert marked.status is Status.NOT_EXPECTED and marked.not_applicable and marked.label == "不适用"
    # An opinion on a verdict that stands is shown, and changes nothing else.
    opinion = reviewed.cells[covered][0]
    assert opinion.status is Status.COVERED and not opinion.reviewed
    assert opinion.reason.text.startswith("审核意见：同意")
    after = reviewed.summary(0)
    assert after.counts[Status.MISSING] == before.counts[Status.MISSING] - 1
    assert after.counts[Status.NOT_EXPECTED] == before.counts[Status.NOT_EXPECTED] + 1
    assert reviewed.missing_count(missing) == batch.missing_count(missing) - 1
    # Every other cell is the engine's, and the batch given is left as it was.
    unchanged = [row for row in range(len(batch.items)) if row not in (missing, partial, covered)]
    assert all(reviewed.cells[row][0] == batch.cells[row][0] for row in unchanged)
    assert batch.locals[0].reviewed == 0 and batch.cells[missing][0].status is Status.MISSING
    # Applied twice, it is the same: the column is rebuilt from the engine's cells each time.
    again, _ = batching.with_pair_reviews(reviewed, {0: project})
    assert again.cells == reviewed.cells and again.locals[0].reviewed == 2


def test_the_exports_count_the_reviewed_cells(guideline_batch, tmp_path):
    batch = guideline_batch
    missing = _row(batch, Status.MISSING)
    project = _project(tmp_path / "pair.duizhao", NATIONAL, PROVINCIAL, batch, [
        ReviewDecision(item=batch.items[missing].id, status=Status.PARTIAL)])
    reviewed, _ = batching.with_pair_reviews(batch, {0: project})

    data = json.loads(export_matrix(reviewed, tmp_path / "m.json").read_text(encoding="utf-8"))
    assert data["locals"][0]["reviewed"] == 1
    assert data["items"][missing]["cells"][0]["status"] == "partial"
    sheet = load_workbook(export_matrix(reviewed, tmp_path / "m.xlsx"))["对照矩阵"]
    names = [row[1] for row in sheet.iter_rows(values_only=True)]
    row = names.index("经审核调整（项）")
    assert list(sheet.iter_rows(values_only=True))[row][-1] == 1
    # The reviewer's verdict is marked in its cell, and the note says what the mark means.
    assert sheet.cell(row=4 + missing, column=6).value == "部分覆盖（审）"
    assert "（审）" in sheet.cell(row=2, column=1).value
    document = Document(str(export_matrix(reviewed, tmp_path / "m.docx")))
    assert "部分覆盖（审）" in [cell.text for cell in document.tables[0].rows[1 + missing].cells]
    # A matrix nobody reviewed has no such row.
    plain = load_workbook(export_matrix(batch, tmp_path / "plain.xlsx"))["对照矩阵"]
    assert "经审核调整（项）" not in [row[1] for row in plain.iter_rows(values_only=True)]


def test_a_statute_article_takes_its_verdict_after_review(tmp_path):
    (tmp_path / "national.txt").write_text(STATUTE, encoding="utf-8")
    (tmp_path / "local.txt").write_text(LOCAL_STATUTE, encoding="utf-8")
    batch = batching.compare_many(tmp_path / "national.txt", [tmp_path / "local.txt"], workers=1)
    assert batch.unit == batching.ARTICLE
    comparison = batch.locals[0].comparison
    row = next(r for r, cell in enumerate(batch.column(0)) if cell.status is not Status.COVERED)
    sentences = [f for f in comparison.clauses if f.clause.section == batch.items[row].section]
    project = _project(tmp_path / "pair.duizhao", tmp_path / "national.txt", tmp_path / "local.txt",
                       batch, [ReviewDecision(item=national_id(f.clause.id), status=Status.COVERED,
                                              note="已在第四条落实") for f in sentences])

    reviewed, notes = batching.with_pair_reviews(batch, {0: project})

    assert notes == ()
    cell = reviewed.cells[row][0]
    assert cell.status is Status.COVERED
    assert cell.reason.code == "review" and "已在第四条落实" in cell.reason.text
    assert reviewed.locals[0].reviewed == 1


def test_a_review_of_another_version_is_left_aside_and_named(guideline_batch, tmp_path):
    (tmp_path / "national.txt").write_text(STATUTE, encoding="utf-8")
    (tmp_path / "old.txt").write_text(LOCAL_STATUTE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(LOCAL_STATUTE.replace("每三年", "每两年"), encoding="utf-8")
    old = batching.compare_many(tmp_path / "national.txt", [tmp_path / "old.txt"], workers=1)
    new = batching.compare_many(tmp_path / "national.txt", [tmp_path / "new.txt"], workers=1)
    project = _project(tmp_path / "pair.duizhao", tmp_path / "national.txt", tmp_path / "old.txt", old,
                       [ReviewDecision(item=national_id(old.locals[0].comparison.clauses[0].clause.id),
                                       status=Status.MISSING)])
    missing_file = tmp_path / "nobody-reviewed.duizhao"

    reviewed, notes = batching.with_pair_reviews(new, {0: project})
    assert reviewed.cells == new.cells and reviewed.locals[0].reviewed == 0
    assert len(notes) == 1 and notes[0].startswith(new.locals[0].name) and "未采用" in notes[0]
    # A pair nobody reviewed (no project yet) is no note.
    assert batching.with_pair_reviews(new, {0: missing_file}) == (new, ())


def test_a_broken_project_is_named_not_raised(guideline_batch, tmp_path):
    broken = tmp_path / "broken.duizhao"
    broken.write_bytes(b"not a project at all" * 100)
    reviewed, notes = batching.with_pair_reviews(guideline_batch, {0: broken})
    assert reviewed is guideline_batch
    assert len(notes) == 1 and notes[0].startswith(guideline_batch.locals[0].name)


def test_a_paragraph_row_rolls_up_all_its_sentences_after_review(tmp_path):
    """按条 on a guideline: a row is a numbered paragraph with no article verdict of its own;
    changing one sentence must not decide the whole paragraph."""
    batch = batching.compare_many(NATIONAL, [PROVINCIAL], workers=1, unit=batching.ARTICLE)
    comparison = batch.locals[0].comparison
    assert not comparison.articles
    row, sentences = next((row, found) for row, item in enumerate(batch.items)
                          if len(found := [f for f in comparison.clauses if f.clause.section == item.section]) >= 3
                          and sum(f.status is Status.MISSING for f in found) >= 2
                          and any(f.status is Status.COVERED for f in found))
    missing = next(f for f in sentences if f.status is Status.MISSING)
    covered = next(f for f in sentences if f.status is Status.COVERED)
    project = _project(tmp_path / "pair.duizhao", NATIONAL, PROVINCIAL, batch, [
        ReviewDecision(item=national_id(missing.clause.id), status=Status.COVERED),
        ReviewDecision(item=national_id(covered.clause.id), not_applicable=True)])

    reviewed, _ = batching.with_pair_reviews(batch, {0: project})

    # Other sentences are still missing: the paragraph is carried in part, as the app shows it.
    assert reviewed.cells[row][0].status is Status.PARTIAL
    assert "经审核（2句）" in reviewed.cells[row][0].reason.text
    # Its verdict stands, so it is not counted (nor marked) as adjusted by the review.
    assert not reviewed.cells[row][0].reviewed and reviewed.locals[0].reviewed == 0


def test_a_column_whose_review_no_longer_applies_goes_back_to_the_engine(tmp_path):
    (tmp_path / "national.txt").write_text(STATUTE, encoding="utf-8")
    (tmp_path / "local.txt").write_text(LOCAL_STATUTE, encoding="utf-8")
    batch = batching.compare_many(tmp_path / "national.txt", [tmp_path / "local.txt"], workers=1,
                                  unit=batching.CLAUSE)
    first = national_id(batch.locals[0].comparison.clauses[0].clause.id)
    project = _project(tmp_path / "pair.duizhao", tmp_path / "national.txt", tmp_path / "local.txt", batch,
                       [ReviewDecision(item=first, status=Status.MISSING, note="表述不同")])
    reviewed, _ = batching.with_pair_reviews(batch, {0: project})
    assert reviewed.locals[0].reviewed == 1

    # A new draft imported into the pair's project: its review is of another text now.
    (tmp_path / "draft2.txt").write_text(LOCAL_STATUTE.replace("每三年", "每两年"), encoding="utf-8")
    with Project.open(project) as opened:
        session.reimport(project=opened, provincial=str(tmp_path / "draft2.txt"))
    again, notes = batching.with_pair_reviews(reviewed, {0: project})
    assert again.locals[0].reviewed == 0 and again.cells == batch.cells
    assert len(notes) == 1 and "未采用" in notes[0]
    # ... and a project put away since: the engine's cells, no note.
    assert batching.with_pair_reviews(reviewed, {0: tmp_path / "gone.duizhao"})[0].cells == batch.cells
    # An opinion alone goes with its project too.
    opinion = _project(tmp_path / "opinion.duizhao", tmp_path / "national.txt", tmp_path / "local.txt",
                       batch, [ReviewDecision(item=first, note="请再核对")])
    noted, _ = batching.with_pair_reviews(batch, {0: opinion})
    assert noted.cells != batch.cells and noted.locals[0].reviewed == 0
    assert batching.with_pair_reviews(noted, {0: tmp_path / "gone.duizhao"})[0].cells == batch.cells


def test_a_decision_to_recheck_says_so_in_the_cell(tmp_path):
    (tmp_path / "national.txt").write_text(STATUTE, encoding="utf-8")
    (tmp_path / "old.txt").write_text(LOCAL_STATUTE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(LOCAL_STATUTE.replace("保护工作所需资金由本级财政安排", "保护工作经费另行规定"),
                                      encoding="utf-8")
    old = batching.compare_many(tmp_path / "national.txt", [tmp_path / "old.txt"], workers=1,
                                unit=batching.CLAUSE)
    # The sentence whose local counterpart the new draft rewrites (第三条: 资金 → 经费).
    target = next(f for f in old.locals[0].comparison.clauses
                  if f.matches and "本级财政安排" in f.matches[0].clause.text)
    project = _project(tmp_path / "pair.duizhao", tmp_path / "national.txt", tmp_path / "old.txt", old,
                       [ReviewDecision(item=national_id(target.clause.id), not_applicable=True, note="省级不设")])
    with Project.open(project) as opened:
        session.reimport(project=opened, provincial=str(tmp_path / "new.txt"))
        rechecks = opened.rechecks()
    new = batching.compare_many(tmp_path / "national.txt", [tmp_path / "new.txt"], workers=1,
                                unit=batching.CLAUSE)
    reviewed, notes = batching.with_pair_reviews(new, {0: project})
    assert notes == ()
    item = national_id(target.clause.id)
    assert item in rechecks  # its counterpart changed in the new draft
    row = next(r for r, i in enumerate(new.items) if i.id == item)
    cell = reviewed.cells[row][0]
    # 不适用 stays applied, as in the pair's review, and the cell says it is to be checked again.
    assert cell.status is Status.NOT_EXPECTED
    assert "需复核" in cell.reason.text and "省级不设" in cell.reason.text


def test_a_chain_column_shows_its_pairs_review_on_the_national_rows(tmp_path):
    from core.compare import load_outline
    from tests.generator import make_variant

    national = load_outline(NATIONAL)
    province = tmp_path / "province.txt"
    province.write_text(make_variant(national, 3).text.replace("示例省", "江苏省"), encoding="utf-8")
    city = tmp_path / "city.txt"
    city.write_text(make_variant(load_outline(province), 5).text.replace("示例省", "南京市"), encoding="utf-8")
    chain = batching.compare_chain(NATIONAL, province, city, workers=1)
    row = _row(chain, Status.MISSING)
    assert chain.items[row].level == "national"
    project = _project(tmp_path / "pair.duizhao", NATIONAL, province, chain,
                       [ReviewDecision(item=chain.items[row].id, status=Status.COVERED)])

    reviewed, notes = batching.with_pair_reviews(chain, {0: project})

    assert notes == () and reviewed.kind == "chain"
    assert reviewed.cells[row][0].status is Status.COVERED and reviewed.locals[0].reviewed == 1
    # The province's own rows (what the city carries of them) are left as they were.
    own = [r for r, item in enumerate(chain.items) if item.level == "province"]
    assert own and all(reviewed.cells[r] == chain.cells[r] for r in own)
    before, after = batching.chain_summary(chain), batching.chain_summary(reviewed)
    assert after["province_of_national"] > before["province_of_national"]


def _statute_files(folder: Path) -> tuple[Path, Path, Path]:
    """The test statute, a local one, and a second province's version of it, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    national, first, second = folder / "national.txt", folder / "江南.txt", folder / "江北.txt"
    national.write_text(STATUTE, encoding="utf-8")
    first.write_text(LOCAL_STATUTE, encoding="utf-8")
    second.write_text(LOCAL_STATUTE.replace("江南省", "江北省").replace("每三年", "每四年"), encoding="utf-8")
    return national, first, second


def _not_covered_row(batch: batching.Batch, column: int) -> int:
    return next(r for r, cell in enumerate(batch.column(column)) if cell.status is not Status.COVERED)


def test_review_projects_go_to_the_columns_whose_texts_they_compare(tmp_path):
    national, first, second = _statute_files(tmp_path / "here")
    batch = batching.compare_many(national, [first, second], workers=1, unit=batching.CLAUSE)
    # The reviewers worked on copies kept elsewhere, and named their projects as they liked.
    there = _statute_files(tmp_path / "reviewer")
    elsewhere = batching.compare_many(there[0], [there[1], there[2]], workers=1, unit=batching.CLAUSE)
    folder = tmp_path / "收到的审核项目"
    folder.mkdir()
    row = _not_covered_row(batch, 1)
    decision = ReviewDecision(item=batch.items[row].id, status=Status.COVERED, note="已落实")
    for name, column in (("江北审核.duizhao", 1), ("江北再审.duizhao", 1)):
        with Project.create(folder / name, there[0], there[column + 1],
                            elsewhere.locals[column].comparison) as project:
            project.record(decision)
    # A review of another draft of 江南's text: left aside, and said so.
    (tmp_path / "old").mkdir()
    old_draft = tmp_path / "old" / "江南.txt"
    old_draft.write_text(LOCAL_STATUTE.replace("每三年", "每两年"), encoding="utf-8")
    old = batching.compare_many(national, [old_draft], workers=1, unit=batching.CLAUSE)
    with Project.create(folder / "江南旧稿.duizhao", national, old_draft, old.locals[0].comparison):
        pass
    (folder / "损坏.duizhao").write_bytes(b"not a project" * 50)
    (folder / "说明.txt").write_text("不是项目文件", encoding="utf-8")

    projects, notes = batching.review_projects(batch, [folder, tmp_path / "没有.duizhao"])

    assert projects == {1: folder / "江北再审.duizhao"}  # sorted: 江北再审 before 江北审核
    assert len(notes) == 4
    assert any(n.startswith("江北审核.duizhao：") and "已有审核项目" in n for n in notes)
    assert any(n.startswith("江南旧稿.duizhao：") and "另一稿" in n and batch.locals[0].name in n
               for n in notes)
    assert any(n.startswith("损坏.duizhao：") for n in notes)
    assert "没有.duizhao：找不到该审核项目文件。" in notes
    reviewed, unused = batching.with_pair_reviews(batch, projects)
    assert unused == () and reviewed.cells[row][1].status is Status.COVERED
    assert reviewed.locals[1].reviewed == 1 and reviewed.locals[0].reviewed == 0
    # A project given twice (itself and its folder) is one review; a pattern the shell left
    # as it is (Windows cmd) is expanded; an empty folder is named.
    (tmp_path / "空的").mkdir()
    again, said = batching.review_projects(batch, [folder / "江北再审.duizhao", folder, tmp_path / "空的"])
    assert again == projects and not any("江北再审.duizhao：" in n for n in said)
    assert any(n.startswith("空的：") for n in said)
    matched, _ = batching.review_projects(batch, [str(folder / "江北*.duizhao")])
    assert matched == projects


def test_cli_batch_shows_the_reviews_it_is_given(tmp_path, capsys):
    national, first, second = _statute_files(tmp_path)
    batch = batching.compare_many(national, [first, second], workers=1, unit=batching.CLAUSE)
    row = _not_covered_row(batch, 0)
    with Project.create(tmp_path / "江南.duizhao", national, first, batch.locals[0].comparison) as project:
        project.record(ReviewDecision(item=batch.items[row].id, status=Status.COVERED))
    (tmp_path / "坏.duizhao").write_bytes(b"")
    out = tmp_path / "矩阵.json"

    code = main(["batch", str(national), str(first), str(second), "--review", str(tmp_path / "江南.duizhao"),
                 "--review", str(tmp_path / "坏.duizhao"), "--json", str(out), "--workers", "1", "--unit", "clause"])

    assert code == 0
    printed = capsys.readouterr().out
    name = batch.locals[0].name
    assert "（经审核调整 1 项）" in next(line for line in printed.splitlines() if f"{name}：" in line)
    assert "未采用审核项目 坏.duizhao：" in printed
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [local["reviewed"] for local in written["locals"]] == [1, 0]
