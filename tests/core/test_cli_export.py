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
