"""Full disks, read-only drives, long names and file modes: typed messages, nothing lost."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from core.compare import compare_files
from core.errors import ExportError, ProjectFileError, ProjectReadOnlyError, ProjectSaveError
from core.export import export
from core.model import ReviewDecision, Status
from core.project import Project
from tests.conftest import REPO
from tests.hostile.conftest import assert_refused, snapshot


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 600 KB tmpfs (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    if not _mount_tmpfs(mount, "600k"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill a file system up to the last byte; returns the filler, to be removed to free space."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(descriptor, b"\0" * size) == size:
                    pass
            except OSError:
                continue
    finally:
        os.close(descriptor)
    return filler


def _decisions(project: Project, count: int, note: str = "意见") -> list[ReviewDecision]:
    findings = project.comparison.clauses
    return [ReviewDecision(item=f"N{findings[i % len(findings)].clause.id}", status=Status.MISSING,
                           note=f"{note}{i}", reviewer="审核人") for i in range(count)]


def test_a_full_disk_while_saving_a_decision_is_typed_and_loses_nothing(small_disk, good_pair):
    path = small_disk / "项目.duizhao"
    Project.create(path, *good_pair, compare_files(*good_pair)).close()
    project = Project.open(path)
    acknowledged: dict[str, str] = {}
    for decision in _decisions(project, 2):
        project.record(decision)
        acknowledged[decision.item] = decision.note
    filler = _fill(small_disk)
    failed = None
    for decision in _decisions(project, 50, note="长意见" * 2000):
        try:
            project.record(decision)
        except ProjectSaveError as error:
            failed = error
            break
        acknowledged[decision.item] = decision.note
    assert failed is not None, "the disk never filled up"
    assert "磁盘空间已满" in failed.message or "无法写入磁盘" in failed.message
    filler.unlink()
    project.close()
    with Project.open(path) as again:  # every acknowledged decision, nothing else
        assert {d.item: d.note for d in again.decisions()} == acknowledged


def test_an_export_onto_a_full_disk_leaves_the_old_file(small_disk, good_pair):
    comparison = compare_files(*good_pair)
    target = small_disk / "清单.docx"
    target.write_bytes(b"old export")
    filler = _fill(small_disk)
    with pytest.raises(ExportError, match="磁盘空间已满"):
        export(comparison, target)
    assert target.read_bytes() == b"old export"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "清单.docx"]
    filler.unlink()


@pytest.fixture
def read_only_copy(tmp_path, good_pair):
    """A project copied with its -wal (and without -shm) to a tmpfs then made read-only."""
    source = tmp_path / "项目.duizhao"
    Project.create(source, *good_pair, compare_files(*good_pair)).close()
    project = Project.open(source)
    project.record(_decisions(project, 1)[0])
    mount = tmp_path / "cdrom"
    if not _mount_tmpfs(mount, "4m"):
        project.close()
        pytest.skip("cannot mount a tmpfs here (needs root)")
    shutil.copyfile(source, mount / source.name)
    shutil.copyfile(f"{source}-wal", mount / f"{source.name}-wal")
    project.close()
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    yield mount / source.name
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_log_on_a_read_only_drive_is_not_called_damaged(read_only_copy):
    before = snapshot(read_only_copy.parent)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(read_only_copy)
    assert "只读" in caught.value.message and "-wal" in caught.value.message
    assert "损坏" not in caught.value.message
    assert snapshot(read_only_copy.parent) == before


def test_a_project_on_a_read_only_drive_offers_read_only(tmp_path, good_pair):
    mount = tmp_path / "ro"
    if not _mount_tmpfs(mount, "4m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        Project.create(mount / "p.duizhao", *good_pair, compare_files(*good_pair)).close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        with pytest.raises(ProjectReadOnlyError, match="只读"):
            Project.open(mount / "p.duizhao")
        with Project.open(mount / "p.duizhao", read_only=True) as project:
            assert project.comparison.clauses
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


FSIZE_SAVER = """
import resource, signal, sys
from core.errors import ProjectSaveError
from core.model import ReviewDecision, Status
from core.project import Project
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
project = Project.open(sys.argv[1])
item = "N" + project.comparison.clauses[0].clause.id
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
try:
    for i in range(200):
        project.record(ReviewDecision(item=item, status=Status.MISSING, note="长" * 20000 + str(i)))
except ProjectSaveError as error:
    print("typed:", error.message)
"""


def test_a_file_size_limit_while_saving_is_typed(tmp_path, good_pair):
    path = tmp_path / "项目.duizhao"
    Project.create(path, *good_pair, compare_files(*good_pair)).close()
    limit = path.stat().st_size + 200_000
    result = subprocess.run([sys.executable, "-c", FSIZE_SAVER, str(path), str(limit)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("typed:"), result.stdout + result.stderr
    assert "磁盘" in result.stdout
    with Project.open(path) as project:  # still a sound project
        assert project.comparison.clauses


# ------------------------------------------------------------------ names and modes

def test_an_output_name_too_long_for_the_file_system(tmp_path, good_pair, cli):
    target = tmp_path / ("国" * 84 + ".docx")  # 257 bytes in UTF-8
    before = snapshot(tmp_path)
    assert_refused(cli("compare", *good_pair, "-o", target), "文件名过长")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("length", [82, 83])
def test_an_output_name_just_within_the_limit_is_written(length, tmp_path, good_pair, cli):
    target = tmp_path / ("国" * length + ".docx")
    result = cli("compare", *good_pair, "-o", target)
    assert result.code == 0, result.err
    assert target.is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_project_name_too_long_is_typed(tmp_path, good_pair):
    with pytest.raises(ProjectFileError):
        Project.create(tmp_path / ("国" * 84 + ".duizhao"), *good_pair, compare_files(*good_pair))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in good_pair)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exports_get_the_mode_the_umask_gives(mask, mode, tmp_path, good_pair):
    comparison = compare_files(*good_pair)
    existing = tmp_path / "清单.docx"
    existing.write_bytes(b"old")
    os.chmod(existing, 0o640)
    old = os.umask(mask)
    try:
        for name in ("清单.docx", "新.xlsx", "结果.json"):
            export(comparison, tmp_path / name)
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name
    finally:
        os.umask(old)


def test_an_export_into_a_read_only_folder_is_typed(tmp_path, good_pair, cli):
    mount = tmp_path / "ro"
    if not _mount_tmpfs(mount, "1m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        assert_refused(cli("compare", *good_pair, "-o", mount / "清单.docx"), "只读")
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
