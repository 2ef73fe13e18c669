"""Helpers of the hostile suite: run the CLI in-process, and prove files were left untouched."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.cli import main

requires_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                      reason="LibreOffice (soffice) is not installed")
requires_strace = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")

GOOD_NATIONAL = (
    "关于推进测试工作的指导意见\n"
    "一、总体要求\n"
    "（一）指导思想。坚持统筹推进，全面提升数据治理能力。\n"
    "（二）工作目标。到2025年，建成全国一体化政务数据平台。\n"
    "二、重点任务\n"
    "（一）加强数据共享。各地区各部门要依法依规共享政务数据。\n"
)
GOOD_PROVINCIAL = (
    "关于推进测试工作的实施意见\n"
    "一、总体要求\n"
    "（一）指导思想。坚持统筹推进，全面提升本省数据治理能力。\n"
    "二、重点任务\n"
    "（一）加强数据共享。各市县各部门要依法依规共享政务数据。\n"
    "（二）建设本省数据中心。2024年底前完成。\n"
)


@dataclass
class CliResult:
    """What one `duizhao` run printed and returned."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run `duizhao ARGS…` in this process; an exception escaping main fails the test."""

    def run(*args: str | os.PathLike) -> CliResult:
        capsys.readouterr()
        code = main([os.fspath(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def good_pair(tmp_path) -> tuple[Path, Path]:
    """A small national / provincial pair of valid .txt files."""
    national = tmp_path / "国家.txt"
    provincial = tmp_path / "本省.txt"
    national.write_text(GOOD_NATIONAL, encoding="utf-8")
    provincial.write_text(GOOD_PROVINCIAL, encoding="utf-8")
    return national, provincial


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and mode."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_refused(result: CliResult, *fragments: str) -> None:
    """Exit code 2, one line on stderr naming every fragment, no traceback."""
    assert result.code == 2, result
    assert "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("错误：")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
