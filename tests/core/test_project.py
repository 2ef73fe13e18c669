"""Project files: real SQLite files in tmp_path, real documents from the shared corpus."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
from pathlib import Path

import pytest

from core import session
from core.codec import comparison_to_record
from core.compare import compare_files
from core.errors import Cancelled, ProjectFileError
from core.model import Comparison, ReviewDecision, Status
from core.project import APPLICATION_ID, SCHEMA_VERSION, Project
from core.review import review
from tests.core.project_writer import kill_after
from tests.conftest import LAWS, REPO

NATIONAL = LAWS / "national-optimizing-business-environment-regulation-2019.txt"
SHANGHAI = LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt"


@pytest.fixture(scope="module")
def shanghai(corpus) -> Comparison:
    """The national and Shanghai business-environment statutes compared once (the store never compares)."""
    return compare_files(NATIONAL, SHANGHAI)


@pytest.fixture
def project_path(tmp_path, shanghai) -> Path:
    """A freshly created project of the national and Shanghai business-environment statutes."""
    path = tmp_path / "营商环境对照.duizhao"
    Project.create(path, NATIONAL, SHANGHAI, shanghai).close()
    return path


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def _decisions_for(comparison, count: int) -> list[ReviewDecision]:
    statuses = (Status.COVERED, Status.PARTIAL, Status.MISSING, None)
    decisions = [ReviewDecision(item=f"N{f.clause.id}", status=statuses[i % 4],
                                note=f"审核意见{i}", reviewer="张三")
                 for i, f in enumerate(comparison.clauses[:count])]
    addition = comparison.additions[0]
    decisions.append(ReviewDecision(item=f"P{addition.id}", not_applicable=True,
                                    note="本市特有规定", reviewer="李四",
                                    decided_at="2024-05-01T09:30:00+08:00"))
    return decisions


# ------------------------------------------------------------------ create, record, reopen

def test_create_record_close_open(project_path):
    with Project.open(project_path) as project:
        comparison = project.comparison
        assert comparison.clauses and comparison.additions
        assert project.national_name == NATIONAL.name
        assert project.provincial_name == SHANGHAI.name
        assert project.path == project_path
        for decision in _decisions_for(comparison, 5):
            project.record(decision)
        made = project.decisions()
        # The engine's own result, recomputed, is what was stored.
        assert comparison == compare_files(NATIONAL, SHANGHAI)
    assert [d.item for d in made] == [d.item for d in _decisions_for(comparison, 5)]
    assert all(d.decided_at for d in made)
    assert made[-1].decided_at == "2024-05-01T09:30:00+08:00"
    assert not Path(f"{project_path}-wal").exists()  # closed cleanly: the log is folded in

    with Project.open(project_path) as reopened:
        assert reopened.comparison == comparison
        assert reopened.decisions() == made
        assert reopened.document_bytes("national") == NATIONAL.read_bytes()
        assert reopened.document_bytes("provincial", 1) == SHANGHAI.read_bytes()
        reviewed, additions = review(reopened.comparison, reopened.decisions())
        assert reviewed[0].decision == made[0] and reviewed[0].note == "审核意见0"
        assert additions[0].not_applicable


def test_file_is_a_marked_wal_project(project_path):
    connection = sqlite3.connect(f"{project_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        documents = connection.execute(
            "SELECT role, name, version, sha256, length(content) FROM documents ORDER BY id"
        ).fetchall()
        assert [(r[0], r[1], r[2]) for r in documents] == [
            ("national", NATIONAL.name, 1), ("provincial", SHANGHAI.name, 1)]
        assert documents[0][4] == NATIONAL.stat().st_size
        engine, parameters, current = connection.execute(
            "SELECT engine, parameters, current FROM comparisons").fetchone()
        assert engine.startswith("duizhao") and current == 1
        assert json.loads(parameters)["covered"] > 0
    finally:
        connection.close()


def test_the_given_comparison_is_stored_as_it_is(tmp_path, shanghai):
    comparison = shanghai
    path = tmp_path / "given.duizhao"
    with Project.create(path, NATIONAL, SHANGHAI, comparison) as project:
        assert project.comparison is comparison
    with Project.open(path) as project:
        assert project.comparison == comparison


def test_create_can_be_cancelled_before_anything_is_written(tmp_path, shanghai):
    with pytest.raises(Cancelled):
        Project.create(tmp_path / "a.duizhao", NATIONAL, SHANGHAI, shanghai, cancel=lambda: True)
    calls = []

    def cancel() -> bool:  # stop at the second look: after the documents are read to be stored
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        Project.create(tmp_path / "b.duizhao", NATIONAL, SHANGHAI, shanghai, cancel=cancel)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_comparing_into_a_project_reports_progress_and_can_be_cancelled(tmp_path, corpus):
    """Comparing is the operations layer's (core.session); the store only saves the result."""
    def source(path: Path) -> session.Source:
        return session.Source(str(path), path.name)

    seen = []
    with session.compare_into_project(national=source(NATIONAL), provincial=source(SHANGHAI),
                                      target=tmp_path / "a.duizhao",
                                      progress=lambda done, total, message: seen.append((done, total))):
        pass
    engine = [step for step in seen if step[1]]
    assert engine and engine[-1][0] == engine[-1][1]

    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        session.compare_into_project(national=source(NATIONAL), provincial=source(SHANGHAI),
                                     target=tmp_path / "b.duizhao", cancel=cancel)
    assert not (tmp_path / "b.duizhao").exists()
    assert _siblings(tmp_path / "a.duizhao") == {"a.duizhao"}


def test_record_refuses_items_not_in_the_comparison(project_path):
    with Project.open(project_path) as project:
        with pytest.raises(ValueError):
            project.record(ReviewDecision(item="N999.9-9"))
        with pytest.raises(ValueError):
            project.record(ReviewDecision(item=f"N{project.comparison.clauses[0].clause.id}",
                                          match="P999-1"))
        matched = {m.clause.id for f in project.comparison.clauses for m in f.matches}
        not_addition = next(iter(matched))
        with pytest.raises(ValueError):
            project.record(ReviewDecision(item=f"P{not_addition}"))
        assert project.decisions() == []


# ------------------------------------------------------------------ undo and redo

def test_undo_redo(project_path):
    with Project.open(project_path) as project:
        first, second = (f"N{f.clause.id}" for f in project.comparison.clauses[:2])
        assert project.undo() is None and project.redo() is None
        a1 = ReviewDecision(first, status=Status.COVERED, reviewer="张三", decided_at="t1")
        a2 = ReviewDecision(first, status=Status.MISSING, note="改判", reviewer="张三",
                            decided_at="t2")
        b1 = ReviewDecision(second, not_applicable=True, reviewer="李四", decided_at="t3")
        for decision in (a1, b1, a2):
            project.record(decision)
        assert project.decisions() == [b1, a2]

        assert project.undo() == a2
        assert project.decisions() == [a1, b1]  # a1 back, in the place it was made
        assert project.undo() == b1
        assert project.decisions() == [a1]
        assert project.redo() == b1
        assert project.decisions() == [a1, b1]
        assert project.can_redo
        assert project.undo() == b1
        assert project.undo() == a1
        assert project.decisions() == [] and not project.can_undo
        assert project.undo() is None

        assert project.redo() == a1
        project.record(b1)  # a new edit forgets what could be redone
        assert not project.can_redo and project.redo() is None
        assert project.decisions() == [a1, b1]

        actions = [row["action"] for row in project.history(first)]
        assert actions == ["decide", "decide", "undo", "undo", "redo"]
        undo_a2 = project.history(first)[2]
        assert undo_a2["before"]["status"] == "missing"
        assert undo_a2["after"]["status"] == "covered"

    with Project.open(project_path) as reopened:  # every step was committed
        assert reopened.decisions() == [a1, b1]
        assert not reopened.can_undo


def test_writes_from_several_threads(project_path):
    with Project.open(project_path) as project:
        items = [f"N{f.clause.id}" for f in project.comparison.clauses[:80]]
        errors = []

        def writer(part: list[str]) -> None:
            try:
                for item in part:
                    project.record(ReviewDecision(item, note=item, reviewer="并发"))
                    project.decisions()
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=writer, args=(items[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(d.item for d in project.decisions()) == sorted(items)
    with Project.open(project_path) as reopened:
        assert {d.item: d.note for d in reopened.decisions()} == {i: i for i in items}


# ------------------------------------------------------------------ crash

def test_killed_writer_loses_nothing_it_reported(project_path):
    seen, returncode, stderr = kill_after(project_path, 150, reported=40)
    assert len(seen) == 40, stderr
    assert returncode == -signal.SIGKILL
    assert Path(f"{project_path}-wal").exists()  # killed with its log still open

    with Project.open(project_path) as project:
        notes = {d.item: d.note for d in project.decisions()}
        findings = project.comparison.clauses
        for index in seen:
            assert notes.get(f"N{findings[index].clause.id}") == f"意见 {index}"
        # What survived is exactly a run of whole decisions from the first one on.
        assert len(notes) >= len(seen)
        assert list(notes) == [f"N{f.clause.id}" for f in findings[:len(notes)]]


# ------------------------------------------------------------------ files that are not projects

def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scribbled(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = os.urandom(len(data) - page)  # every page but the first is noise
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["random", "empty", "text", "truncated", "scribbled"])
def test_corrupt_file_is_refused_and_left_alone(project_path, damage):
    if damage == "random":
        project_path.write_bytes(os.urandom(8192))
    elif damage == "empty":
        project_path.write_bytes(b"")
    elif damage == "text":
        project_path.write_text(SHANGHAI.read_text(encoding="utf-8"), encoding="utf-8")
    elif damage == "truncated":
        _truncated(project_path)
    else:
        _scribbled(project_path)
    before = _snapshot(project_path)
    names = _siblings(project_path)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(project_path)
    assert caught.value.message and caught.value.path == str(project_path)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    assert _snapshot(project_path) == before
    assert _siblings(project_path) == names


@pytest.mark.parametrize("wal", [False, True])
def test_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, wal):
    path = tmp_path / "其他程序.duizhao"
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO bookmarks (url) VALUES ('https://www.gov.cn')")
    connection.commit()
    connection.close()
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="不是对照项目"):
        Project.open(path)
    assert _snapshot(path) == before
    assert _siblings(path) == {path.name}  # no -wal or -shm beside it


def test_missing_file(tmp_path):
    with pytest.raises(ProjectFileError, match="找不到"):
        Project.open(tmp_path / "nowhere.duizhao")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("in_log", [False, True])
def test_newer_project_is_refused_and_left_alone(project_path, in_log):
    # in_log: the newer version is still only in the WAL (its writer has not checkpointed),
    # so the file's own header says nothing about it.
    connection = sqlite3.connect(project_path)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                       [str(SCHEMA_VERSION + 1)])
    connection.commit()
    try:
        if not in_log:
            connection.close()
        before = _snapshot(project_path)
        names = _siblings(project_path)
        with pytest.raises(ProjectFileError, match="更高版本的对照创建.*请升级"):
            Project.open(project_path)
        assert _snapshot(project_path) == before
        assert _siblings(project_path) == names
    finally:
        connection.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs file permissions that bind the user (not root)")
def test_read_only_project_is_refused(project_path):
    project_path.chmod(0o444)
    try:
        with pytest.raises(ProjectFileError, match="只读"):
            Project.open(project_path)
    finally:
        project_path.chmod(0o644)


def test_create_refuses_to_overwrite_other_files(tmp_path, shanghai):
    path = tmp_path / "重要文件.duizhao"
    path.write_text("这不是项目文件", encoding="utf-8")
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="另选文件名"):
        Project.create(path, NATIONAL, SHANGHAI, shanghai)
    assert _snapshot(path) == before
    assert _siblings(path) == {path.name}


def test_create_refuses_to_replace_an_open_project(project_path, shanghai):
    with Project.open(project_path) as project:
        with pytest.raises(ProjectFileError, match="正在使用"):
            Project.create(project_path, NATIONAL, SHANGHAI, shanghai)
        assert project.comparison.clauses


def test_create_replaces_an_existing_project(project_path, shanghai):
    with Project.open(project_path) as project:
        project.record(ReviewDecision(f"N{project.comparison.clauses[0].clause.id}", note="旧"))
    with Project.create(project_path, NATIONAL, SHANGHAI, shanghai) as project:
        assert project.decisions() == []
    assert _siblings(project_path) == {project_path.name}


# ------------------------------------------------------------------ migration

V0_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE documents (id INTEGER PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL,
    path TEXT, sha256 TEXT NOT NULL, format TEXT, content BLOB NOT NULL,
    version INTEGER NOT NULL, imported_at TEXT NOT NULL, outline TEXT);
CREATE TABLE comparisons (id INTEGER PRIMARY KEY, engine TEXT NOT NULL, parameters TEXT,
    result TEXT NOT NULL, created_at TEXT NOT NULL, national_document INTEGER,
    provincial_document INTEGER, previous INTEGER, current INTEGER NOT NULL);
CREATE TABLE decisions (id INTEGER PRIMARY KEY, comparison INTEGER NOT NULL, item TEXT NOT NULL,
    status TEXT, not_applicable INTEGER NOT NULL, match TEXT, note TEXT, reviewer TEXT,
    decided_at TEXT, national_text TEXT, provincial_text TEXT, seq INTEGER NOT NULL,
    orphaned INTEGER NOT NULL, orphan_reason TEXT);
CREATE UNIQUE INDEX decisions_live ON decisions(comparison, item) WHERE orphaned = 0;
-- v0's audit trail had no action column: it only ever recorded decisions.
CREATE TABLE audit (id INTEGER PRIMARY KEY, comparison INTEGER NOT NULL, item TEXT NOT NULL,
    before TEXT, after TEXT, who TEXT, at TEXT NOT NULL);
"""


def _write_v0_project(path: Path, comparison) -> ReviewDecision:
    finding = comparison.clauses[0]
    decision = ReviewDecision(f"N{finding.clause.id}", status=Status.COVERED, note="旧版意见",
                              reviewer="王五", decided_at="2023-12-01T10:00:00+08:00")
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.executescript(V0_SCHEMA)
    connection.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    for role, source in (("national", NATIONAL), ("provincial", SHANGHAI)):
        connection.execute(
            "INSERT INTO documents (role, name, path, sha256, format, content, version, "
            "imported_at) VALUES (?, ?, ?, '0', 'txt', ?, 1, '2023-12-01')",
            [role, source.name, str(source), source.read_bytes()])
    connection.execute(
        "INSERT INTO comparisons (engine, parameters, result, created_at, national_document, "
        "provincial_document, current) VALUES (?, '{}', ?, '2023-12-01', 1, 2, 1)",
        [comparison.engine, json.dumps(comparison_to_record(comparison), ensure_ascii=False)])
    connection.execute(
        "INSERT INTO decisions (comparison, item, status, not_applicable, match, note, reviewer, "
        "decided_at, national_text, provincial_text, seq, orphaned) "
        "VALUES (1, ?, 'covered', 0, '', ?, ?, ?, ?, '', 1, 0)",
        [decision.item, decision.note, decision.reviewer, decision.decided_at,
         finding.clause.text])
    connection.execute(
        "INSERT INTO audit (comparison, item, before, after, who, at) VALUES (1, ?, NULL, ?, ?, ?)",
        [decision.item, json.dumps({"item": decision.item, "status": "covered",
                                    "note": decision.note}, ensure_ascii=False),
         decision.reviewer, decision.decided_at])
    connection.commit()
    connection.close()
    return decision


def _columns(path: Path, table: str) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    finally:
        connection.close()


def test_older_project_is_backed_up_then_migrated(tmp_path, corpus):
    comparison = compare_files(NATIONAL, SHANGHAI)
    path = tmp_path / "旧项目.duizhao"
    decision = _write_v0_project(path, comparison)
    original = path.read_bytes()

    with Project.open(path) as project:
        assert project.comparison == comparison
        assert project.decisions() == [decision]
        history = project.history(decision.item)
        assert [row["action"] for row in history] == ["decide"]
        assert history[0]["after"]["note"] == "旧版意见"
        project.record(ReviewDecision(decision.item, status=Status.PARTIAL, reviewer="赵六"))
        assert [row["action"] for row in project.history(decision.item)] == ["decide", "decide"]

    backup = tmp_path / "旧项目.duizhao.bak-v0"
    assert backup.read_bytes() == original
    assert "action" not in _columns(backup, "audit")
    assert "action" in _columns(path, "audit")
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"
    finally:
        connection.close()
    with Project.open(path) as again:  # already current: no second backup
        assert len(again.decisions()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["旧项目.duizhao", "旧项目.duizhao.bak-v0"]


# ------------------------------------------------------------------ re-import

def test_cancelled_reimport_changes_nothing(project_path, tmp_path):
    with Project.open(project_path) as project:
        comparison = project.comparison
        decision = ReviewDecision(f"N{comparison.clauses[0].clause.id}", note="保留")
        project.record(decision)
        with pytest.raises(Cancelled):
            session.reimport(project=project, provincial=SHANGHAI, cancel=lambda: True)
        assert project.comparison is comparison and project.provincial_version == 1
        assert [d.note for d in project.decisions()] == ["保留"]
        assert project.undo().note == "保留"  # the undo stack survives too
    with Project.open(project_path) as reopened:
        assert reopened.comparison == comparison and reopened.provincial_version == 1


def _pick_sentences(comparison, text: str):
    """Clauses of the Shanghai text to delete and to edit, and the decisions' targets."""
    additions = comparison.additions

    def unique(sentence: str) -> bool:
        return text.count(sentence) == 1

    # An addition followed by another addition in the same section (whose id then shifts).
    for index, deleted in enumerate(additions[:-1]):
        follower = additions[index + 1]
        if follower.section == deleted.section and unique(deleted.text) and unique(follower.text):
            break
    else:  # pragma: no cover - the corpus has many
        pytest.fail("no suitable addition to delete")
    untouched_sections = {deleted.section}
    # A long matched sentence elsewhere, to be edited slightly.
    for finding in comparison.clauses:
        if finding.matches:
            edited = finding.matches[0].clause
            if (edited.section not in untouched_sections and len(edited.text) >= 40
                    and unique(edited.text)):
                break
    else:  # pragma: no cover
        pytest.fail("no suitable sentence to edit")
    edited_finding = finding
    others = [f for f in comparison.clauses
              if f.matches and f is not edited_finding
              and f.matches[0].clause.section not in {deleted.section, edited.section}]
    return deleted, follower, edited, edited_finding, others


def test_reimport_carries_decisions_and_keeps_orphans(tmp_path, corpus):
    text = SHANGHAI.read_text(encoding="utf-8")
    v1 = tmp_path / "上海条例-征求意见稿.txt"
    v1.write_text(text, encoding="utf-8")
    path = tmp_path / "重新导入.duizhao"
    project = Project.create(path, NATIONAL, v1, compare_files(NATIONAL, v1))
    comparison = project.comparison
    deleted, follower, edited, edited_finding, others = _pick_sentences(comparison, text)
    kept, dropped_match, only_match = others[0], others[1], others[2]

    decisions = {
        "kept": ReviewDecision(f"N{kept.clause.id}", status=Status.COVERED,
                               match=f"P{kept.matches[0].clause.id}", note="已对应", reviewer="张三"),
        "follower": ReviewDecision(f"P{follower.id}", not_applicable=True, note="本市特色",
                                   reviewer="张三"),
        "deleted": ReviewDecision(f"P{deleted.id}", note="该条应保留", reviewer="张三"),
        "edited": ReviewDecision(f"N{edited_finding.clause.id}", match=f"P{edited.id}",
                                 note="措辞需加强", reviewer="李四"),
        "dropped_match": ReviewDecision(f"N{dropped_match.clause.id}", status=Status.PARTIAL,
                                        match=f"P{deleted.id}", note="部分体现", reviewer="李四"),
        "only_match": ReviewDecision(f"N{only_match.clause.id}", match=f"P{deleted.id}",
                                     reviewer="李四"),
    }
    for decision in decisions.values():
        project.record(decision)
    made = {name: d for name, d in zip(decisions, project.decisions())}

    # v2: one sentence deleted, one sentence slightly edited, everything else unchanged.
    edited_text = edited.text[:-1] + "等" + edited.text[-1]
    v2_text = text.replace(deleted.text, "", 1).replace(edited.text, edited_text, 1)
    assert v2_text != text and deleted.text not in v2_text and edited_text in v2_text
    v2 = tmp_path / "上海条例-送审稿.txt"
    v2.write_text(v2_text, encoding="utf-8")

    steps = []
    report = session.reimport(project=project, provincial=v2, progress=lambda *a: steps.append(a),
                              reviewer="张三")
    assert steps
    new = project.comparison
    assert new is report.comparison and new.national == comparison.national
    assert report.provincial_version == 2 and project.provincial_version == 2
    assert project.provincial_name == v2.name

    carried = {c.before.item: c for c in report.carried}
    assert set(carried) == {made[n].item for n in ("kept", "follower", "edited", "dropped_match")}
    assert carried[made["kept"].item].after == made["kept"]
    assert carried[made["kept"].item].note == ""

    follower_after = carried[made["follower"].item].after
    assert follower_after.item != made["follower"].item  # its section lost a sentence before it
    assert next(a for a in new.additions if f"P{a.id}" == follower_after.item).text == follower.text
    assert follower_after.not_applicable and follower_after.note == "本市特色"

    edited_after = carried[made["edited"].item].after
    new_clause = next(c for c in new.provincial.clauses() if f"P{c.id}" == edited_after.match)
    assert new_clause.text == edited_text

    dropped = carried[made["dropped_match"].item]
    assert dropped.match_dropped and dropped.after.match == ""
    assert dropped.after.status is Status.PARTIAL and dropped.after.note == "部分体现"
    assert report.match_dropped == [dropped] and "已删除" in dropped.note

    assert {d.item for d in report.orphaned} == {made["deleted"].item, made["only_match"].item}
    for orphan in report.orphaned:
        assert "不再适用" in report.reason(orphan)
    assert "删除" in report.reasons[made["deleted"].item]

    live = project.decisions()
    assert {d.item for d in live} == {c.after.item for c in report.carried}
    orphans = project.orphans()
    assert {(o.decision, o.reason) for o in orphans} == {
        (d, report.reason(d)) for d in report.orphaned}
    history = project.history(follower_after.item)
    assert [row["action"] for row in history] == ["decide", "carry-over"]
    assert history[0]["after"]["item"] == made["follower"].item
    for orphan in orphans:  # each orphan's trail sits on the comparison it was made on
        trail = project.history(orphan.decision.item, orphan.comparison)
        assert [row["action"] for row in trail] == ["decide", "orphan"]
        assert trail[-1]["before"] == trail[0]["after"] and trail[-1]["after"] is None
    reviewed, additions = review(new, live)
    assert next(a for a in additions if a.item == follower_after.item).not_applicable
    project.close()

    with Project.open(path) as reopened:
        assert reopened.comparison == new
        assert reopened.decisions() == live
        assert reopened.orphans() == orphans
        assert reopened.document_bytes("provincial", 1) == text.encode("utf-8")
        assert reopened.document_bytes("provincial") == v2_text.encode("utf-8")
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT comparison, item, orphaned FROM decisions ORDER BY id").fetchall()
        actions = [row[0] for row in connection.execute("SELECT action FROM audit ORDER BY id")]
    finally:
        connection.close()
    # Nothing disappears: the first version's six decisions are still there, untouched.
    assert [(r[1], r[2]) for r in rows if r[0] == 1] == [(d.item, 0) for d in made.values()]
    assert sum(1 for r in rows if r[0] == 2) == 6
    assert sum(1 for r in rows if r[0] == 2 and r[2] == 1) == 2
    assert actions.count("carry-over") == 4 and actions.count("orphan") == 2


# ------------------------------------------------------------------ re-checks after a re-import

def _sample_text(tmp_path: Path) -> Path:
    """The sample provincial draft as plain text (its numbering is in the text)."""
    from docx import Document

    paragraphs = Document(str(REPO / "samples" / "provincial-opinion-sample.docx")).paragraphs
    path = tmp_path / "示例省实施意见-第一稿.txt"
    path.write_text("\n".join(p.text for p in paragraphs if p.text.strip()), encoding="utf-8")
    return path


def test_decisions_whose_text_changed_are_marked_for_recheck_not_applied(tmp_path):
    """A verdict on a sentence the new draft deletes or edits is kept, marked 需复核, listed in
    the report, and not applied; one on unchanged text stands; 不适用 alone stands."""
    v1 = _sample_text(tmp_path)
    national = REPO / "samples" / "national-guideline-sample.docx"
    project = Project.create(tmp_path / "复核.duizhao", national, v1, compare_files(national, v1))
    comparison = project.comparison
    text = v1.read_text(encoding="utf-8")
    matched = [f for f in comparison.clauses if f.matches and len(f.matches) == 1
               and text.count(f.matches[0].clause.text) == 1
               and sum(1 for g in comparison.clauses
                       if g.matches and g.matches[0].clause.id == f.matches[0].clause.id) == 1]
    deleted, edited, chosen, unchanged, not_applicable = matched[:5]
    project.record(ReviewDecision(f"N{deleted.clause.id}", status=Status.COVERED, note="已体现"))
    project.record(ReviewDecision(f"N{edited.clause.id}", status=Status.COVERED))
    project.record(ReviewDecision(f"N{chosen.clause.id}", status=Status.COVERED,
                                  match=f"P{chosen.matches[0].clause.id}"))
    project.record(ReviewDecision(f"N{unchanged.clause.id}", status=Status.MISSING, note="不够"))
    project.record(ReviewDecision(f"N{not_applicable.clause.id}", not_applicable=True))
    edited_text = edited.matches[0].clause.text
    chosen_text = chosen.matches[0].clause.text
    v2_text = (text.replace(deleted.matches[0].clause.text, "", 1)
               .replace(edited_text, edited_text[:-1] + "并定期评估" + edited_text[-1], 1)
               .replace(chosen_text, "", 1))
    v2 = tmp_path / "示例省实施意见-第二稿.txt"
    v2.write_text(v2_text, encoding="utf-8")

    report = session.reimport(project=project, provincial=v2)
    rechecked = {c.after.item: c.recheck for c in report.rechecks}
    assert set(rechecked) == {f"N{f.clause.id}" for f in (deleted, edited, chosen)}
    assert "删除" in rechecked[f"N{chosen.clause.id}"]
    assert "改动" in rechecked[f"N{edited.clause.id}"] or "不是原来" in rechecked[f"N{edited.clause.id}"]
    assert project.rechecks() == rechecked
    assert not report.orphaned  # nothing silently lost: every decision is kept

    clauses, _ = review(project.comparison, project.decisions(), project.rechecks())
    by_item = {c.item: c for c in clauses}
    for finding in (deleted, edited, chosen):
        item = by_item[f"N{finding.clause.id}"]
        assert item.recheck and item.status is item.suggested  # not printed as a verdict
    assert by_item[f"N{deleted.clause.id}"].note == "已体现"
    assert by_item[f"N{unchanged.clause.id}"].status is Status.MISSING
    assert not by_item[f"N{unchanged.clause.id}"].recheck
    assert by_item[f"N{not_applicable.clause.id}"].not_applicable

    # Deciding again clears the mark; it survives closing and reopening until then.
    project.record(ReviewDecision(f"N{edited.clause.id}", status=Status.PARTIAL))
    assert f"N{edited.clause.id}" not in project.rechecks()
    project.close()
    with Project.open(tmp_path / "复核.duizhao") as reopened:
        assert set(reopened.rechecks()) == {f"N{deleted.clause.id}", f"N{chosen.clause.id}"}


# ------------------------------------------------------------------ saving a complete file

def test_save_copy_and_checkpoint_leave_complete_single_files(tmp_path):
    """另存为 writes one file that holds every decision (no log beside it); 保存 folds the
    log into the open file, so that copying the file alone loses nothing."""
    path = tmp_path / "原项目.duizhao"
    national = REPO / "samples" / "national-guideline-sample.docx"
    provincial = _sample_text(tmp_path)
    project = Project.create(path, national, provincial, compare_files(national, provincial))
    items = [f"N{f.clause.id}" for f in project.comparison.clauses[:3]]
    for item in items:
        project.record(ReviewDecision(item, status=Status.PARTIAL, note="待补充"))
    assert Path(f"{path}-wal").exists()
    target = tmp_path / "另存" / "送审.duizhao"
    target.parent.mkdir()
    assert project.save_copy(target) == target
    assert sorted(p.name for p in target.parent.iterdir()) == ["送审.duizhao"]
    with Project.open(target) as copy:
        assert [d.item for d in copy.decisions()] == items
    with pytest.raises(ProjectFileError):
        project.save_copy(path)  # the open project itself is never overwritten
    (tmp_path / "别的.docx").write_bytes(b"PK\x03\x04 a document")
    with pytest.raises(ProjectFileError):
        project.save_copy(tmp_path / "别的.docx")
    project.record(ReviewDecision(items[0], status=Status.MISSING))
    project.checkpoint()
    alone = tmp_path / "只拷了主文件.duizhao"
    alone.write_bytes(path.read_bytes())
    with Project.open(alone) as copy:
        assert next(d for d in copy.decisions() if d.item == items[0]).status is Status.MISSING
    project.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
