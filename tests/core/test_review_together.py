"""Several selected items reviewed at once: which of them an action takes (core's rules, the
same for the app and any other caller), and their decisions written in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core import session
from core.errors import ProjectSaveError
from core.model import ReviewDecision, Status
from core.project import Project
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir

NATIONAL = samples_dir() / SAMPLE_NATIONAL
PROVINCIAL = samples_dir() / SAMPLE_PROVINCIAL


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("together") / "示例.duizhao"
    session.compare_into_project(national=session.Source(str(NATIONAL), NATIONAL.name),
                                 provincial=session.Source(str(PROVINCIAL), PROVINCIAL.name),
                                 target=target).close()
    return target


@pytest.fixture
def project(made, tmp_path):
    copy = tmp_path / made.name
    copy.write_bytes(made.read_bytes())
    with Project.open(copy) as opened:
        yield opened


def _items(project: Project) -> tuple[list[str], list[str]]:
    """Three national items and two additions of the sample comparison."""
    comparison = project.comparison
    national = [f"N{finding.clause.id}" for finding in comparison.clauses[:3]]
    added = [f"P{clause.id}" for clause in comparison.additions[:2]]
    assert len(national) == 3 and len(added) == 2
    return national, added


def test_a_status_goes_to_the_national_items_and_the_additions_are_said_to_be_left(project):
    national, added = _items(project)
    together = session.decide_together(
        comparison=project.comparison, selected=[(item, None) for item in national + added],
        current=national[0], key=Status.COVERED.value, reviewer="张三")
    assert [edit.decision.item for edit in together.edits] == national
    assert all(edit.decision.status is Status.COVERED for edit in together.edits)
    assert together.label == "标为“已覆盖”（3 条）"
    assert together.left == "另 2 条为本省新增内容，只能确认或标为“不适用”，未改动"
    # Asked on an addition, a status is set on none, and that is said (Ctrl+5 on an addition
    # said nothing, the last message standing as if it had applied).
    on_addition = session.decide_together(
        comparison=project.comparison, selected=[(item, None) for item in national + added],
        current=added[0], key=Status.COVERED.value, reviewer="张三")
    assert on_addition.edits == ()
    assert on_addition.left == "本省新增内容只能确认或标为“不适用”，未改动"


def test_a_key_pressed_again_on_a_row_already_so_changes_nothing_and_says_so(project):
    """Recorded, it was an undo step that changed nothing but the time."""
    national, added = _items(project)
    confirmed = ReviewDecision(item=national[0], reviewer="李四", decided_at="2026-01-01T09:00:00+08:00")
    covered = ReviewDecision(item=national[1], status=Status.COVERED, note="见第三条")
    again = session.decide_together(comparison=project.comparison, selected=[(national[0], confirmed)],
                                    current=national[0], key="confirm", reviewer="张三")
    assert again.edits == () and again.left == "本条已确认系统判断，未改动"
    twice = session.decide_together(comparison=project.comparison,
                                    selected=[(national[0], confirmed), (national[2], ReviewDecision(item=national[2]))],
                                    current=national[0], key="confirm", reviewer="张三")
    assert twice.edits == () and twice.left == "所选 2 条均已确认系统判断，未改动"
    selected = [(national[0], confirmed), (national[1], covered), (national[2], None)]
    status = session.decide_together(comparison=project.comparison, selected=selected,
                                     current=national[1], key=Status.COVERED.value, reviewer="张三")
    assert [edit.decision.item for edit in status.edits] == [national[0], national[2]]
    assert status.left == "另 1 条已标为“已覆盖”，未改动"
    # Confirming a row whose status the reviewer set is a change (the status goes), as is
    # confirming one never reviewed (it counts as reviewed).
    confirm = session.decide_together(comparison=project.comparison, selected=selected + [(added[0], None)],
                                      current=national[0], key="confirm", reviewer="张三")
    assert [edit.decision.item for edit in confirm.edits] == [national[1], national[2], added[0]]
    assert confirm.edits[0].decision.status is None and confirm.edits[0].decision.note == "见第三条"
    assert confirm.left == "另 1 条已确认系统判断，未改动"


def test_not_applicable_follows_the_current_items_toggle_and_leaves_those_already_so(project):
    national, added = _items(project)
    marked = ReviewDecision(item=national[1], not_applicable=True)
    selected = [(national[0], None), (national[1], marked), (added[0], None)]
    on = session.decide_together(comparison=project.comparison, selected=selected,
                                 current=national[0], key="not_applicable", reviewer="张三")
    assert [edit.decision.item for edit in on.edits] == [national[0], added[0]]
    assert all(edit.decision.not_applicable for edit in on.edits)
    assert on.doing == "标为“不适用”" and on.left == "另 1 条已标为“不适用”，未改动"
    # From a row already 不适用, the mark comes off the rows that have it.
    off = session.decide_together(comparison=project.comparison, selected=selected,
                                  current=national[1], key="not_applicable", reviewer="张三")
    assert [edit.decision.item for edit in off.edits] == [national[1]]
    assert off.doing == "取消“不适用”" and off.left == "另 2 条未标为“不适用”，未改动"


def test_an_opinion_never_replaces_another_items_own(project):
    national, _added = _items(project)
    selected = [(national[0], ReviewDecision(item=national[0], note="旧意见")),
                (national[1], None),
                (national[2], ReviewDecision(item=national[2], note="本条已在第五条落实"))]
    together = session.note_together(comparison=project.comparison, selected=selected,
                                     current=national[0], note="新意见", reviewer="张三")
    assert [edit.decision.item for edit in together.edits] == national[:2]
    assert all(edit.decision.note == "新意见" for edit in together.edits)
    assert together.doing == "填写审核意见"
    assert together.left == "另 1 条已有各自的审核意见，未改动"


def test_decisions_made_together_are_saved_all_or_none_and_each_undone(project):
    national, _added = _items(project)
    together = session.decide_together(
        comparison=project.comparison, selected=[(item, None) for item in national],
        current=national[0], key=Status.MISSING.value, reviewer="张三")
    # A real SQLite failure on the second write, from a trigger another connection adds.
    with sqlite3.connect(project.path) as other:
        other.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON decisions "
                      f"WHEN NEW.item = '{national[1]}' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(ProjectSaveError):
        session.record_together(project=project, together=together)
    assert project.decisions() == [] and not project.can_undo  # the first was not kept either
    with sqlite3.connect(project.path) as other:
        other.execute("DROP TRIGGER refuse")
    saved = session.record_together(project=project, together=together)
    assert [decision.item for decision in project.decisions()] == national == [
        decision.item for decision in saved]
    assert session.undo(project=project).item == national[2]  # newest first, one at a time
    assert {decision.item for decision in project.decisions()} == set(national[:2])
