"""An export is never written over one of the documents being compared."""

from __future__ import annotations

import os

import docx
import pytest

from core.compare import compare_files
from core.errors import ExportError
from core.export import export, export_json
from tests.hostile.conftest import GOOD_NATIONAL, GOOD_PROVINCIAL, assert_refused, snapshot


@pytest.fixture
def docx_pair(tmp_path):
    paths = []
    for name, text in (("n.docx", GOOD_NATIONAL), ("p.docx", GOOD_PROVINCIAL)):
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        document.save(tmp_path / name)
        paths.append(tmp_path / name)
    return paths


def _targets(tmp_path, national, provincial):
    (tmp_path / "sub").mkdir()
    os.symlink(national, tmp_path / "link.docx")
    os.link(provincial, tmp_path / "hard.docx")
    return {
        "output is national": ["-o", national],
        "output is provincial": ["-o", provincial],
        "json is provincial": ["--json", provincial],
        "json is national": ["--json", national],
        "relative with ..": ["-o", tmp_path / "sub" / ".." / "n.docx"],
        "symlink to national": ["-o", tmp_path / "link.docx"],
        "hard link to provincial": ["--json", tmp_path / "hard.docx"],
    }


@pytest.mark.parametrize("case", ["output is national", "output is provincial", "json is provincial",
                                  "json is national", "relative with ..", "symlink to national",
                                  "hard link to provincial"])
def test_compare_refuses_an_output_that_is_an_input(case, tmp_path, docx_pair, cli):
    national, provincial = docx_pair
    arguments = _targets(tmp_path, national, provincial)[case]
    before = snapshot(tmp_path)
    result = cli("compare", national, provincial, *arguments)
    assert_refused(result, "覆盖原文件")
    assert snapshot(tmp_path) == before


def test_compare_refuses_an_input_reached_through_the_working_directory(tmp_path, docx_pair, cli,
                                                                        monkeypatch):
    national, provincial = docx_pair
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    assert_refused(cli("compare", national, "p.docx", "-o", "./p.docx"), "覆盖原文件")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("writer", [export, export_json])
def test_the_export_api_refuses_an_input_as_target(writer, tmp_path, docx_pair):
    national, provincial = docx_pair
    comparison = compare_files(national, provincial)
    before = snapshot(tmp_path)
    for target in (national, provincial):
        with pytest.raises(ExportError, match="覆盖原文件"):
            writer(comparison, target)
    assert snapshot(tmp_path) == before


def test_a_different_output_is_still_written(tmp_path, docx_pair, cli):
    national, provincial = docx_pair
    result = cli("compare", national, provincial, "-o", tmp_path / "清单.docx", "--json", tmp_path / "r.json")
    assert result.code == 0, result.err
    assert (tmp_path / "清单.docx").stat().st_size > 0 and (tmp_path / "r.json").stat().st_size > 0
