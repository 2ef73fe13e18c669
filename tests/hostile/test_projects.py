"""Project files: one writer at a time, crafted files refused untouched, failed saves typed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import session
from core.compare import compare_files
from core.errors import ProjectFileError, ProjectLockedError, ProjectReadOnlyError
from core.model import ReviewDecision, Status
from core.project import Project, read_lock
from tests.conftest import REPO
from tests.hostile.conftest import snapshot


@pytest.fixture
def project_path(tmp_path, good_pair) -> Path:
    path = tmp_path / "项目.duizhao"
    Project.create(path, *good_pair, compare_files(*good_pair)).close()
    return path


def _decision(project: Project, note: str = "意见") -> ReviewDecision:
    item = f"N{project.comparison.clauses[0].clause.id}"
    return ReviewDecision(item=item, status=Status.PARTIAL, note=note, reviewer="审核人")


HOLDER = """
import sys, time
from core.project import Project
project = Project.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
project.close()
"""


@pytest.fixture
def held(project_path):
    """Another process holding the project open for writing until the test ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(project_path)], cwd=REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "open"
    yield process
    process.communicate("\n", timeout=30)


def test_a_second_opener_is_told_who_has_the_project(project_path, held):
    with pytest.raises(ProjectLockedError) as caught:
        Project.open(project_path)
    holder = caught.value.holder
    assert holder.pid == held.pid
    assert holder.host and holder.since
    message = caught.value.message
    assert str(held.pid) in message and holder.host in message and "只读" in message


def test_the_second_opener_may_read_but_not_write(project_path, held):
    before = snapshot(project_path.parent)
    with Project.open(project_path, read_only=True) as project:
        assert project.read_only
        assert project.comparison.clauses
        with pytest.raises(ProjectReadOnlyError):
            project.record(_decision(project))
        with pytest.raises(ProjectReadOnlyError):
            session.reimport(project=project, provincial=project_path.parent / "本省.txt")
        with pytest.raises(ProjectReadOnlyError):  # the store refuses too, whoever calls it
            project.add_provincial_version(project_path.parent / "本省.txt", project.comparison)
    after = snapshot(project_path.parent)
    assert after[project_path.name] == before[project_path.name]


def test_a_lock_left_by_a_killed_process_is_taken_over(project_path):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(project_path)], cwd=REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "open"
    process.kill()
    process.communicate(timeout=30)
    assert read_lock(project_path).pid == process.pid  # the lock file outlived its process
    with Project.open(project_path) as project:
        project.record(_decision(project))
        assert read_lock(project_path).pid == os.getpid()
    assert read_lock(project_path) is None  # closing removes it


def test_two_windows_of_one_process_cannot_both_write(project_path):
    with Project.open(project_path) as first:
        with pytest.raises(ProjectLockedError, match="另一个窗口"):
            Project.open(project_path)
        first.record(_decision(first))
    with Project.open(project_path) as again:
        assert len(again.decisions()) == 1


def _write_lock(project_path: Path, **fields) -> None:
    data = {"application": "duizhao", "host": "其他电脑-PC07", "user": "张三", "pid": 1,
            "since": "2026-11-30T09:15:00+08:00", "started": "", "token": "x"}
    data.update(fields)
    Path(f"{project_path}.lock").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_lock_from_another_computer_is_respected(project_path):
    _write_lock(project_path)
    with pytest.raises(ProjectLockedError) as caught:
        Project.open(project_path)
    assert "其他电脑-PC07" in caught.value.message and "张三" in caught.value.message
    assert "2026-11-30 09:15" in caught.value.message


def test_a_garbled_lock_is_respected_while_fresh_and_taken_over_when_old(project_path):
    lock = Path(f"{project_path}.lock")
    lock.write_bytes(b"\x00garbage")
    with pytest.raises(ProjectLockedError):
        Project.open(project_path)
    old = time.time() - 3600
    os.utime(lock, (old, old))
    Project.open(project_path).close()
    assert not lock.exists()


def test_create_refuses_to_replace_a_project_open_elsewhere(project_path, held, good_pair):
    before = snapshot(project_path.parent)
    with pytest.raises(ProjectLockedError):
        Project.create(project_path, *good_pair, compare_files(*good_pair))
    assert snapshot(project_path.parent) == before


# ------------------------------------------------------------------ crafted files

CRAFTS = {
    "trigger rewriting notes": "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN "
                               "UPDATE decisions SET note = 'x'; END",
    "trigger never returning": "CREATE TRIGGER t BEFORE INSERT ON audit BEGIN SELECT count(*) FROM "
                               "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                               "SELECT x FROM c); END",
    "view": "CREATE VIEW v AS SELECT * FROM decisions",
    "unknown table": "CREATE TABLE extra(x)",
    "unknown index": "CREATE INDEX extra_index ON decisions(note)",
    "extra column": "ALTER TABLE decisions ADD COLUMN extra TEXT",
    "generated column": "ALTER TABLE decisions ADD COLUMN g TEXT GENERATED ALWAYS AS (note || 'x') VIRTUAL",
}


def _craft(path: Path, *statements: str, params=()) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement, params if "?" in statement else ())
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


@pytest.mark.parametrize("craft", sorted(CRAFTS))
def test_schema_objects_that_are_not_ours_are_refused_untouched(craft, project_path, cli):
    _craft(project_path, CRAFTS[craft])
    before = snapshot(project_path.parent)
    with pytest.raises(ProjectFileError, match="不属于对照项目"):
        Project.open(project_path)
    with pytest.raises(ProjectFileError, match="不属于对照项目"):
        Project.open(project_path, read_only=True)
    assert snapshot(project_path.parent) == before


BAD_VALUES = {
    "unknown status": "UPDATE decisions SET status = 'maybe'",
    "item not an id": "UPDATE decisions SET item = 'X1'",
    "note is a blob": "UPDATE decisions SET note = x'00ff'",
    "flag out of range": "UPDATE decisions SET not_applicable = 7",
    "audit action unknown": "UPDATE audit SET action = 'rewrite'",
    "audit value not JSON": "UPDATE audit SET after = '{not json'",
    "audit value a list": "UPDATE audit SET after = '[1, 2]'",
    "audit status unknown": "UPDATE audit SET after = '{\"item\": \"N1\", \"status\": \"maybe\"}'",
    "result a list": "UPDATE comparisons SET result = '[]'",
    "result not JSON": "UPDATE comparisons SET result = 'garbage'",
    "result missing fields": "UPDATE comparisons SET result = '{\"schema\": 1}'",
    "parameters not JSON": "UPDATE comparisons SET parameters = 'x'",
    "document role unknown": "UPDATE documents SET role = 'other'",
    "document content text": "UPDATE documents SET content = 'text'",
    "current flag odd": "UPDATE comparisons SET current = 5",
}


@pytest.mark.parametrize("bad", sorted(BAD_VALUES))
def test_values_duizhao_never_writes_give_the_damaged_message(bad, project_path):
    with Project.open(project_path) as project:
        project.record(_decision(project))
    _craft(project_path, BAD_VALUES[bad])
    before = snapshot(project_path.parent)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(project_path)
    assert type(caught.value) is ProjectFileError
    assert "损坏" in caught.value.message or "不是对照项目" in caught.value.message
    assert snapshot(project_path.parent) == before


def test_a_parameter_of_the_wrong_kind_is_damage_not_a_value_error(project_path):
    connection = sqlite3.connect(project_path)
    record = json.loads(connection.execute("SELECT result FROM comparisons").fetchone()[0])
    connection.close()
    parameters = record.get("parameters")
    if isinstance(parameters, dict) and parameters:
        name = next(iter(parameters))
        parameters[name] = "not a number"
    elif isinstance(parameters, list) and parameters:
        parameters[0] = [parameters[0][0], "not a number"]
    else:
        pytest.skip("the stored result carries no parameters")
    _craft(project_path, "UPDATE comparisons SET result = ?", params=(json.dumps(record),))
    before = snapshot(project_path.parent)
    with pytest.raises(ProjectFileError, match="损坏"):
        Project.open(project_path)
    assert snapshot(project_path.parent) == before


@pytest.mark.parametrize("name", ["candidates", "covered"])  # an int and a float threshold
@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_parameter_that_is_not_a_finite_number_is_damage(name, value, project_path):
    """JSON reads Infinity and NaN; a project never holds them (an int threshold once raised
    OverflowError past the typed error)."""
    connection = sqlite3.connect(project_path)
    record = json.loads(connection.execute("SELECT result FROM comparisons").fetchone()[0])
    connection.close()
    parameters = dict(record["parameters"])
    assert name in parameters
    parameters[name] = value
    record["parameters"] = [[key, number] for key, number in parameters.items()]
    _craft(project_path, "UPDATE comparisons SET result = ?", params=(json.dumps(record),))
    before = snapshot(project_path.parent)
    with pytest.raises(ProjectFileError, match="损坏"):
        Project.open(project_path)
    with pytest.raises(ProjectFileError, match="损坏"):
        Project.open(project_path, read_only=True)
    assert snapshot(project_path.parent) == before


def test_save_as_onto_a_project_open_elsewhere_is_refused(project_path, held, tmp_path, good_pair):
    other = tmp_path / "另一个.duizhao"
    Project.create(other, *good_pair, compare_files(*good_pair)).close()
    before = snapshot(project_path.parent)
    with Project.open(other) as project:
        with pytest.raises(ProjectLockedError):
            project.save_copy(project_path)
    after = snapshot(project_path.parent)
    assert after[project_path.name] == before[project_path.name]


def test_save_as_with_a_name_too_long_is_typed(project_path):
    with Project.open(project_path) as project:
        for length in (84, 80):  # 80 fits the file system, but not with "-journal" after it
            with pytest.raises(ProjectFileError, match="文件名过长"):
                project.save_copy(project_path.parent / ("国" * length + ".duizhao"))
        target = project_path.parent / ("国" * 79 + ".duizhao")
        project.save_copy(target)  # fits, although a temporary name after it would not have
    with Project.open(target) as copy:
        assert copy.comparison.clauses


def test_exporting_a_project_open_in_the_app_still_works(project_path, held, cli):
    target = project_path.parent / "清单.docx"
    result = cli("export", project_path, "-o", target)
    assert result.code == 0, result.err
    assert target.is_file()
