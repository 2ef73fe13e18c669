"""`duizhao --selftest` on the real sample pair, from the checkout and as a frozen build sees it."""

from __future__ import annotations

import shutil
import sys

import pytest

from core import cli
from core.compare import compare_files
from core.export import export_word
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir
from core.selftest import SelftestError, _check_checklist, run_selftest
from tests.conftest import DATA, SAMPLES


def test_samples_dir_is_the_checkout_samples_when_not_frozen():
    assert samples_dir() == SAMPLES
    assert (samples_dir() / SAMPLE_NATIONAL).is_file()
    assert (samples_dir() / SAMPLE_PROVINCIAL).is_file()


@pytest.mark.slow
def test_selftest_counts_are_the_comparisons_and_the_export_holds_every_row():
    result = run_selftest()
    summary = compare_files(SAMPLES / SAMPLE_NATIONAL, SAMPLES / SAMPLE_PROVINCIAL).summary
    assert (result.clauses, result.covered, result.partial, result.missing, result.additions) == (
        summary.clauses, summary.covered, summary.partial, summary.missing, summary.additions)
    assert result.exported_rows == summary.clauses + summary.additions
    assert result.seconds > 0


def test_cli_selftest_prints_one_chinese_line_and_exits_0(capsys):
    assert cli.main(["--selftest"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("自检通过：")
    assert "条" in lines[0] and "秒" in lines[0]
    assert err == ""


@pytest.fixture
def frozen_at(monkeypatch):
    """Pretend to be a frozen build unpacked in a folder (PyInstaller sets sys._MEIPASS)."""
    def freeze(folder):
        monkeypatch.setattr(sys, "_MEIPASS", str(folder), raising=False)
    return freeze


def test_frozen_selftest_finds_the_samples_inside_the_bundle(tmp_path, frozen_at):
    bundle = tmp_path / "bundle"
    (bundle / "samples").mkdir(parents=True)
    for name in (SAMPLE_NATIONAL, SAMPLE_PROVINCIAL):
        shutil.copy(SAMPLES / name, bundle / "samples" / name)
    frozen_at(bundle)
    assert samples_dir() == bundle / "samples"
    assert run_selftest().clauses > 0


def test_frozen_build_without_samples_fails_with_one_line(tmp_path, frozen_at, capsys):
    frozen_at(tmp_path)
    assert cli.main(["--selftest"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("自检失败：未找到示例文件")


def test_a_broken_sample_fails_with_one_line(tmp_path, frozen_at, capsys):
    (tmp_path / "samples").mkdir()
    shutil.copy(SAMPLES / SAMPLE_NATIONAL, tmp_path / "samples" / SAMPLE_NATIONAL)
    (tmp_path / "samples" / SAMPLE_PROVINCIAL).write_bytes(b"PK\x03\x04 not really a zip")
    frozen_at(tmp_path)
    assert cli.main(["--selftest"]) == 1
    _out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1 and err.startswith("自检失败：")


def test_run_selftest_raises_for_an_empty_folder(tmp_path):
    with pytest.raises(SelftestError) as raised:
        run_selftest(tmp_path)
    assert raised.value.exit_code == 1


def test_checklist_check_rejects_an_export_missing_rows(tmp_path):
    comparison = compare_files(SAMPLES / SAMPLE_NATIONAL, SAMPLES / SAMPLE_PROVINCIAL)
    gaps_only = export_word(comparison, tmp_path / "差距.docx", report="gaps")
    with pytest.raises(SelftestError, match="对照表有"):
        _check_checklist(gaps_only, comparison)
    with pytest.raises(SelftestError, match="无法打开"):
        _check_checklist(DATA / "encrypted.docx", comparison)


def test_selftest_and_a_subcommand_together_are_refused(capsys):
    with pytest.raises(SystemExit) as raised:
        cli.main(["--selftest", "outline", str(SAMPLES / SAMPLE_NATIONAL)])
    assert raised.value.code == 2


def test_no_subcommand_and_no_selftest_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as raised:
        cli.main([])
    assert raised.value.code == 2
    assert "子命令" in capsys.readouterr().err
