"""`duizhao compare … -o FILE [--report …]` on the real sample pair."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from docx import Document
from openpyxl import load_workbook

from core.cli import main
from tests.core.project_writer import kill_after
from tests.conftest import LAWS, REPO, SAMPLES

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


@pytest.mark.parametrize(("argv", "said"), [
    (["compare"], "缺少参数：国家文件、地方文件"),
    (["compare", NATIONAL], "缺少参数：地方文件"),
    (["compare", NATIONAL, PROVINCIAL, "--json"], "参数 --json 后面缺少取值"),
    (["compare", NATIONAL, PROVINCIAL, "--bogus"], "无法识别的参数：--bogus"),
    (["batch", NATIONAL, PROVINCIAL, "--workers", "两个"], "参数 --workers 的取值“两个”无效"),
    (["batch", NATIONAL, PROVINCIAL, "--unit", "章"], "可选：auto、article、clause"),
    (["frob"], "未知的子命令“frob”，可选：outline、compare、export、batch、app"),
])
def test_a_wrong_command_line_is_told_in_one_chinese_line(capsys, argv, said):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("错误：") and said in err


def test_a_batch_pattern_that_matches_nothing_exits_2_with_one_line(tmp_path, capsys):
    out = tmp_path / "矩阵.xlsx"
    assert main(["batch", NATIONAL, str(tmp_path / "没有" / "*.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "通配符没有匹配到任何文件" in err
    assert not out.exists()


def test_output_is_written_even_when_the_json_goes_to_stdout(tmp_path, capsys):
    out = tmp_path / "清单.docx"
    assert main(["compare", NATIONAL, PROVINCIAL, "--json", "-", "-o", str(out)]) == 0
    assert out.is_file()
    assert json.loads(capsys.readouterr().out)["schema"] == "duizhao.compare/2"


def _printed_counts(tmp_path, capsys, national: str, provincial: str) -> tuple[list[str], dict]:
    """The summary lines `duizhao compare` prints, and the counts its JSON gives."""
    out = tmp_path / "结果.json"
    assert main(["compare", national, provincial, "--json", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    return lines, json.loads(out.read_text(encoding="utf-8"))["summary"]


def _expected_line(noun: str, counts: dict, total: int, unit: str) -> str:
    """Shares of what is expected of the province: 无需地方落实 is set apart first."""
    expected = counts["covered"] + counts["partial"] + counts["missing"]

    def share(key: str) -> str:
        return f"{100.0 * counts[key] / expected:.1f}%"

    line = f"{noun} {total} {unit}："
    if counts["not_expected"]:
        line += f"无需地方落实{counts['not_expected']}{unit}；在需地方落实的{expected}{unit}中，"
    return line + (f"已覆盖{counts['covered']}{unit}（{share('covered')}），"
                   f"部分覆盖{counts['partial']}{unit}（{share('partial')}），"
                   f"未覆盖{counts['missing']}{unit}（{share('missing')}）")


def test_the_summary_of_a_policy_counts_clauses_in_one_unit(tmp_path, capsys):
    lines, summary = _printed_counts(tmp_path, capsys, NATIONAL, PROVINCIAL)
    assert "articles" not in summary
    line = next(text for text in lines if text.startswith("国家文件条款"))
    # Every number carries 条, as in the app's summary bar: no 句 beside 条 in one sentence.
    assert line == (_expected_line("国家文件条款", summary, summary["clauses"], "条")
                    + f"；本省新增 {summary['additions']} 条")
    assert "句" not in line


def test_the_summary_of_a_statute_counts_articles_in_articles_and_sentences_in_sentences(
        tmp_path, capsys, corpus):
    national = str(LAWS / "national-optimizing-business-environment-regulation-2019.txt")
    provincial = str(LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt")
    lines, summary = _printed_counts(tmp_path, capsys, national, provincial)
    articles = summary["articles"]
    by_article = next(text for text in lines if text.startswith("国家文件按条对照"))
    assert by_article == (_expected_line("国家文件按条对照，共", articles, articles["articles"], "条")
                          + "（逐句明细见导出的清单）")
    by_sentence = next(text for text in lines if text.startswith("国家文件逐句对照"))
    # A city's regulation calls itself 本市, as the reports and the app call it.
    assert by_sentence == (_expected_line("国家文件逐句对照，共", summary, summary["clauses"], "句")
                           + f"；本市新增 {summary['additions']} 句")
    assert "条" not in by_sentence


def test_the_listing_names_clauses_as_a_reviewer_does_and_the_json_keeps_its_ids(tmp_path,
                                                                                  capsys):
    from core import session
    from core.align import clause_name
    from core.model import Status

    out = tmp_path / "结果.json"
    assert main(["compare", NATIONAL, PROVINCIAL, "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    comparison = session.compare_documents(national=NATIONAL, provincial=PROVINCIAL)
    listed = [f for f in comparison.clauses if f.status in (Status.MISSING, Status.PARTIAL)]
    names = []
    for finding in listed:
        name = clause_name(comparison.national, finding.clause)
        assert f"\n  {name}：{finding.clause.text}\n" in printed
        names.append(name)
        if finding.matches:
            match = clause_name(comparison.provincial, finding.matches[0].clause)
            assert f"\n      对应 {match}（相似度 {finding.score:.1f}）：" in printed
            names.append(match)
    # Section numbering and sentence, the preamble by name: "一、（一）第5句", "前言第2句".
    assert names and all(re.fullmatch(r"(前言|\S+?)第\d+句", name) for name in names)
    preamble = next(f for f in comparison.clauses if f.clause.section == "0")
    assert clause_name(comparison.national, preamble.clause).startswith("前言第")
    # The ids of the JSON ("N1.1-5", "P0-2") are for programs; the reader never sees them.
    assert not re.search(r"[NP]\d+(\.\d+)*-\d+", printed)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {c["id"] for c in data["clauses"]} == {f"N{f.clause.id}" for f in comparison.clauses}
    assert all(m["id"].startswith("P") for c in data["clauses"] for m in c["matches"])


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


# -- what an export leaves beside the project -------------------------------------------------

def _names(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _new_project(folder, decisions: int):
    """A project of the sample pair in ``folder`` with ``decisions`` decisions recorded by the
    project writer the crash test uses, in a process of its own (as the app would)."""
    from core import session
    from core.project import Project

    path = folder / "审核.duizhao"
    comparison = session.compare_documents(national=NATIONAL, provincial=PROVINCIAL)
    Project.create(path, NATIONAL, PROVINCIAL, comparison).close()
    done = subprocess.run([sys.executable, "-m", "tests.core.project_writer", str(path),
                           str(decisions)], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [word for i in range(decisions) for word in ("ok", str(i))]
    return path


def _exported_notes(path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {item["id"]: item["note"] for item in data["review"]["items"] if item.get("note")}


@pytest.mark.parametrize("target", ["清单.docx", "结果.json"])
def test_an_export_leaves_only_the_project_and_the_export(tmp_path, capsys, target):
    folder = tmp_path / "项目"
    folder.mkdir()
    path = _new_project(folder, 4)
    assert _names(folder) == {path.name}
    assert main(["export", str(path), "-o", str(folder / target)]) == 0
    assert "审核决定 4 项" in capsys.readouterr().out
    # No -wal or -shm beside the project: the reader leaves nothing behind.
    assert _names(folder) == {path.name, target}


def test_an_export_while_the_project_is_open_for_writing_keeps_every_decision(tmp_path, capsys):
    from core.model import ReviewDecision, Status
    from core.project import LOCK_SUFFIX, Project

    folder = tmp_path / "项目"
    folder.mkdir()
    path = _new_project(folder, 2)
    out = tmp_path / "结果.json"
    with Project.open(path) as project:
        clauses = project.comparison.clauses
        project.record(ReviewDecision(f"N{clauses[2].clause.id}", status=Status.MISSING,
                                      note="导出前", reviewer="审核人"))
        assert main(["export", str(path), "-o", str(out)]) == 0
        assert "审核决定 3 项" in capsys.readouterr().out
        # The app's log is left to the app: it goes on writing after the export.
        assert {f"{path.name}-wal", f"{path.name}{LOCK_SUFFIX}"} <= _names(folder)
        project.record(ReviewDecision(f"N{clauses[3].clause.id}", status=Status.COVERED,
                                      note="导出后", reviewer="审核人"))
    assert _exported_notes(out)[f"N{clauses[2].clause.id}"] == "导出前"
    assert _names(folder) == {path.name}
    with Project.open(path) as reopened:
        notes = {d.item: d.note for d in reopened.decisions()}
    assert notes == {f"N{clauses[0].clause.id}": "意见 0", f"N{clauses[1].clause.id}": "意见 1",
                     f"N{clauses[2].clause.id}": "导出前", f"N{clauses[3].clause.id}": "导出后"}
    assert _names(folder) == {path.name}


def test_an_export_after_a_killed_writer_reads_its_log_and_folds_it_in(tmp_path, capsys):
    from core.project import LOCK_SUFFIX, Project

    folder = tmp_path / "项目"
    folder.mkdir()
    path = _new_project(folder, 0)
    seen, _, _ = kill_after(path, 200, reported=20)
    assert len(seen) == 20
    assert f"{path.name}-wal" in _names(folder)  # killed with its decisions in the log
    out = tmp_path / "结果.json"
    assert main(["export", str(path), "-o", str(out)]) == 0
    capsys.readouterr()
    exported = _exported_notes(out)
    # The lock file of the killed writer stays until the app takes it over; the log is folded
    # into the project, and nothing it held is lost.
    assert _names(folder) == {path.name, f"{path.name}{LOCK_SUFFIX}"}
    with Project.open(path) as reopened:
        findings = reopened.comparison.clauses
        notes = {d.item: d.note for d in reopened.decisions()}
    assert notes == exported
    for index in seen:
        assert notes[f"N{findings[index].clause.id}"] == f"意见 {index}"


def test_an_unexpected_failure_is_one_chinese_line_and_its_trace_goes_to_a_file(tmp_path, capsys,
                                                                                 monkeypatch):
    import tempfile

    import core.cli as cli

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_cmd_outline", broken)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    assert main(["outline", NATIONAL]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("错误：程序内部出错")
    assert "Traceback" not in err
    [kept] = tmp_path.glob("duizhao-error-*.log")
    assert "RuntimeError: boom" in kept.read_text(encoding="utf-8") and str(kept) in err


def test_a_provincial_statute_whose_last_article_is_empty_is_compared(tmp_path, capsys):
    national = tmp_path / "数据法.txt"
    national.write_text("数据法\n第一条　为了规范数据工作，制定本法。\n"
                        "第二条　县级以上人民政府应当加强数据工作，建立数据管理制度。\n", encoding="utf-8")
    draft = tmp_path / "某省数据条例.txt"
    draft.write_text("某省数据条例\n第一条　为了规范数据工作，制定本条例。\n"
                     "第二条　县级以上人民政府应当加强数据工作。\n第三条　。\n", encoding="utf-8")
    assert main(["compare", str(national), str(draft)]) == 0
    assert "按条对照，共 2 条" in capsys.readouterr().out


def test_the_same_text_on_both_sides_exits_2_with_one_line(tmp_path, capsys):
    """The same file chosen twice compared as 已覆盖 100% and told nothing; a copy of it too."""
    copy = tmp_path / "副本.docx"
    copy.write_bytes(SAMPLES.joinpath("national-guideline-sample.docx").read_bytes())
    for provincial in (NATIONAL, str(copy)):
        assert main(["compare", NATIONAL, provincial, "--json", str(tmp_path / "r.json")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "内容完全相同" in err[0]
    assert not (tmp_path / "r.json").exists()


def small_statute(path, title: str, duty: str, dated: str):
    """A two-article statute written to ``path``: a duty, then its 施行 date."""
    path.write_text(f"{title}\n第一条 {duty}\n第二条 本{title[-2:]}自{dated}起施行。", encoding="utf-8")
    return path


def test_files_given_the_wrong_way_round_are_said_on_stderr(tmp_path, capsys):
    national = small_statute(tmp_path / "示例条例.txt", "中华人民共和国示例条例",
                             "县级以上地方人民政府应当加强示例工作。", "2025年1月1日")
    local = small_statute(tmp_path / "北京市示例办法.txt", "北京市示例条例实施办法",
                          "本市各级人民政府应当加强示例工作。", "2026年1月1日")
    said = []
    for pair in ((local, national), (national, local)):
        assert main(["compare", *map(str, pair), "--json", str(tmp_path / "r.json")]) == 0
        said.append("可能写反了顺序" in capsys.readouterr().err)
    assert said == [True, False]
    # A province's text against a city's (逐级对照) is never questioned (second reading).
    province = small_statute(tmp_path / "广东省示例条例.txt", "广东省示例条例",
                             "县级以上人民政府应当加强示例工作。", "2026年1月1日")
    city = small_statute(tmp_path / "广州市示例办法.txt", "广州市示例条例实施办法",
                         "本市各级人民政府应当加强示例工作。", "2027年1月1日")
    assert main(["compare", str(province), str(city), "--json", str(tmp_path / "r.json")]) == 0
    assert "写反" not in capsys.readouterr().err
