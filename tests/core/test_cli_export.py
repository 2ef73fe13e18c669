"""`duizhao compare … -o FILE [--report …]` on the real sample pair."""

from __future__ import annotations

import json

import pytest
from docx import Document
from openpyxl import load_workbook

from core.cli import main
from tests.conftest import SAMPLES

NATIONAL = str(SAMPLES / "national-guideline-sample.docx")
PROVINCIAL = str(SAMPLES / "provincial-opinion-sample.docx")


@pytest.mark.parametrize("name", ["清单.docx", "清单.xlsx", "结果.json"])
def test_output_is_written_and_the_summary_still_prints(tmp_path, capsys, name):
    out = tmp_path / name
    assert main(["compare", NATIONAL, PROVINCIAL, "-o", str(out)]) == 0
    assert out.is_file()
    printed = capsys.readouterr().out
    assert "国家文件条款" in printed and str(out) in printed
    if out.suffix == ".docx":
        assert Document(str(out)).paragraphs[0].text.endswith("对照清单")
    elif out.suffix == ".xlsx":
        assert load_workbook(out).sheetnames == ["对照表", "本省新增", "汇总"]
    else:
        assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "duizhao.compare/2"


def test_report_gaps_writes_the_gap_report(tmp_path):
    out = tmp_path / "差距.docx"
    assert main(["compare", NATIONAL, PROVINCIAL, "--output", str(out), "--report", "gaps"]) == 0
    assert Document(str(out)).paragraphs[0].text.endswith("差距分析报告")


@pytest.mark.parametrize("target", ["没有的文件夹/清单.docx", "folder.docx", "清单.pdf"])
def test_a_bad_target_exits_2_with_one_line(tmp_path, capsys, target):
    (tmp_path / "folder.docx").mkdir()
    assert main(["compare", NATIONAL, PROVINCIAL, "-o", str(tmp_path / target)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("错误：") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.docx"]


def test_output_is_written_even_when_the_json_goes_to_stdout(tmp_path, capsys):
    out = tmp_path / "清单.docx"
    assert main(["compare", NATIONAL, PROVINCIAL, "--json", "-", "-o", str(out)]) == 0
    assert out.is_file()
    assert json.loads(capsys.readouterr().out)["schema"] == "duizhao.compare/2"


# -- duizhao export PROJECT -o FILE -----------------------------------------------------------

@pytest.fixture(scope="module")
def reviewed_project(tmp_path_factory):
    """A real project file with three decisions: an override, a chosen match and 不适用."""
    from core import session
    from core.model import ReviewDecision, Status
    from core.project import Project

    path = tmp_path_factory.mktemp("project") / "审核.duizhao"
    comparison = session.compare_documents(national=NATIONAL, provincial=PROVINCIAL)
    with Project.create(path, NATIONAL, PROVINCIAL, comparison) as project:
        findings = project.comparison.clauses
        missing = next(f for f in findings if f.status is Status.MISSING)
        partial = next(f for f in findings if f.status is Status.PARTIAL)
        covered = next(f for f in findings if f.status is Status.COVERED and f.matches)
        project.record(ReviewDecision(f"N{missing.clause.id}", status=Status.COVERED,
                                      note="已在第五部分体现。", reviewer="李审核",
                                      decided_at="2024-05-06T10:00:00+08:00"))
        project.record(ReviewDecision(f"N{partial.clause.id}", not_applicable=True,
                                      reviewer="李审核"))
        project.record(ReviewDecision(f"N{covered.clause.id}", note="=HYPERLINK(\"x\")",
                                      reviewer="李审核"))
    return path, missing, partial, covered


def test_export_of_a_project_applies_every_decision_to_json(reviewed_project, tmp_path, capsys):
    path, missing, partial, covered = reviewed_project
    out = tmp_path / "结果.json"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "审核决定 3 项" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "duizhao.compare/2"
    items = {entry["id"]: entry for entry in data["review"]["items"]}
    assert data["review"]["decisions"] == 3
    assert items[f"N{missing.clause.id}"]["status"] == "covered"
    assert items[f"N{missing.clause.id}"]["engine_status"] == "missing"
    assert items[f"N{missing.clause.id}"]["reviewer"] == "李审核"
    assert items[f"N{partial.clause.id}"]["not_applicable"] is True
    # Row numbers are the checklist's: national clauses in order, then the additions.
    rows = [entry["row"] for entry in data["review"]["items"]]
    assert rows == list(range(1, len(rows) + 1))
    assert len(rows) == len(data["clauses"]) + len(data["additions"])


def test_export_of_a_project_to_word_and_excel_shows_the_decisions(reviewed_project, tmp_path):
    path, missing, partial, _covered = reviewed_project
    docx, xlsx = tmp_path / "清单.docx", tmp_path / "清单.xlsx"
    assert main(["export", str(path), "-o", str(docx)]) == 0
    assert main(["export", str(path), "--output", str(xlsx)]) == 0
    table = Document(str(docx)).tables[1]
    texts = "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert "已在第五部分体现。" in texts and "已覆盖（人工）" in texts
    sheet = load_workbook(xlsx)["对照表"]
    header = [cell.value for cell in sheet[1]]
    status = header.index("对照结果") + 1
    values = [sheet.cell(row=r, column=status).value for r in range(2, sheet.max_row + 1)]
    assert "已覆盖（人工）" in values and "不适用（人工）" in values


def test_export_gaps_report_of_a_project(reviewed_project, tmp_path):
    path, *_ = reviewed_project
    out = tmp_path / "差距.docx"
    assert main(["export", str(path), "-o", str(out), "--report", "gaps"]) == 0
    assert Document(str(out)).paragraphs[0].text.endswith("差距分析报告")


@pytest.mark.parametrize("project", ["没有.duizhao", "清单.docx"])
def test_export_of_a_bad_project_exits_2_with_one_line(tmp_path, capsys, project):
    (tmp_path / "清单.docx").write_bytes(b"PK\x03\x04 not a project")
    assert main(["export", str(tmp_path / project), "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("错误：")
    assert not (tmp_path / "x.json").exists()
