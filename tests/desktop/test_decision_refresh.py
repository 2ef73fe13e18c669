"""A decision click updates what it changed: its row and the sections it rolls up into, no reset.

Every test opens a real project file made from the sample pair and decides through the review
panel's buttons, as a reviewer does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from core import session
from core.model import Status
from core.project import Project
from core.review import rolled_up_sections
from desktop import clause_table
from desktop.models import NOT_APPLICABLE, ClauseTableModel, NationalOutlineModel, SectionIdRole
from desktop.status_style import status_style
from tests.desktop.conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL


class Signals:
    """What a model told its views: changed rows, and any reset or layout change."""

    def __init__(self, model) -> None:
        self.model = model
        self.changed: list[tuple[int, int, object]] = []
        self.resets = 0
        self.layouts = 0
        model.dataChanged.connect(
            lambda top, bottom, roles=(): self.changed.append((top.row(), bottom.row(), top.parent())))
        model.modelAboutToBeReset.connect(self._reset)
        model.layoutAboutToBeChanged.connect(self._layout)

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self, *args) -> None:
        self.layouts += 1

    def clear(self) -> None:
        self.changed.clear()
        self.resets = self.layouts = 0

    def rows(self) -> list[tuple[int, int]]:
        return [(top, bottom) for top, bottom, _ in self.changed]

    def sections(self) -> set[str]:
        """Outline models: the section ids of the signalled rows."""
        return {self.model.index(top, 0, parent).data(SectionIdRole)
                for top, _bottom, parent in self.changed}


@pytest.fixture
def project_file(tmp_path: Path, sample_comparison) -> Path:
    path = tmp_path / "审核.duizhao"
    Project.create(path, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, sample_comparison).close()
    return path


@pytest.fixture
def window(qtbot, make_window, project_file):
    window = make_window()
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_project(project_file)
    window.status_filter.setCurrentIndex(0)  # every row shown
    return window


def _stored(path: Path, item: str):
    """The decision on ``item`` as the project file holds it, read by a second connection."""
    with session.open_to_read(path=path) as reader:
        return reader.decision(item)


def _missing_row(window, skip: int = 0):
    """A national clause the engine found missing, in a nested section."""
    national = window.comparison.national
    rows = [r for r in window.table_model.rows()
            if not r.is_addition and r.status is Status.MISSING and r.decision is None
            and len(rolled_up_sections(national, r.national_section)) > 1]
    return rows[skip]


def _click(qtbot, window, key: str) -> None:
    qtbot.mouseClick(window.review_panel.buttons[key], Qt.MouseButton.LeftButton)


def test_a_decision_click_signals_its_row_and_sections_only(qtbot, window, project_file,
                                                           monkeypatch):
    row = _missing_row(window)
    assert window.select_item(row.item)
    number = window.table_model.index_for(row.item).row()
    table, outline = Signals(window.table_model), Signals(window.national_model)
    whole_reviews = []
    real_review = clause_table.review
    monkeypatch.setattr(clause_table, "review", lambda *args, **kwargs: (
        whole_reviews.append(args), real_review(*args, **kwargs))[1])

    _click(qtbot, window, Status.COVERED.value)

    assert whole_reviews == []  # the comparison is not reviewed again as a whole
    assert table.rows() == [(number, number)] and table.resets == 0 and table.layouts == 0
    assert outline.resets == 0 and outline.changed
    assert outline.sections() <= set(rolled_up_sections(window.comparison.national,
                                                         row.national_section))
    shown = window.table_model.index_for(row.item, ClauseTableModel.COL_STATUS)
    assert shown.data() == "已覆盖（改判）"
    assert shown.data(Qt.ItemDataRole.BackgroundRole) == status_style(Status.COVERED).background
    assert _stored(project_file, row.item).status is Status.COVERED


def test_an_opinion_and_a_confirmation_signal_their_row_only(qtbot, window, project_file):
    row = _missing_row(window, skip=1)
    assert window.select_item(row.item)
    number = window.table_model.index_for(row.item).row()
    table = Signals(window.table_model)

    _click(qtbot, window, "confirm")
    window.review_panel.note.setPlainText("本省已在其他文件中部署")
    window.review_panel.submit_note()

    assert table.rows() == [(number, number), (number, number)] and table.resets == 0
    assert window.table_model.index_for(row.item, ClauseTableModel.COL_NOTE).data() == \
        "本省已在其他文件中部署"
    assert window.table_model.index_for(row.item, ClauseTableModel.COL_STATUS).data() == \
        "未覆盖（已确认）"
    stored = _stored(project_file, row.item)
    assert stored.note == "本省已在其他文件中部署" and stored.status is None


def test_undo_and_redo_restore_the_row_the_file_and_the_outline(qtbot, window, project_file):
    row = _missing_row(window)
    assert window.select_item(row.item)
    number = window.table_model.index_for(row.item).row()
    national = window.comparison.national
    top = rolled_up_sections(national, row.national_section)[-1]
    colour_before = window.national_model.status_of(top)
    _click(qtbot, window, NOT_APPLICABLE)
    assert window.table_model.row_for(row.item).not_applicable
    table, outline = Signals(window.table_model), Signals(window.national_model)

    window.undo_stack.undo()
    assert table.rows() == [(number, number)] and table.resets == outline.resets == 0
    assert window.table_model.row_for(row.item) == row
    assert _stored(project_file, row.item) is None
    assert window.national_model.status_of(top) == colour_before

    table.clear()
    window.undo_stack.redo()
    assert table.rows() == [(number, number)] and table.resets == 0
    assert window.table_model.row_for(row.item).not_applicable
    assert _stored(project_file, row.item).not_applicable


def test_sections_counted_after_clicks_match_a_count_from_scratch(qtbot, window):
    """The outline recounted a section at a time says what counting every row again says."""
    for key in (Status.COVERED.value, Status.PARTIAL.value, NOT_APPLICABLE, Status.COVERED.value):
        row = _missing_row(window)  # the first one not decided yet
        assert window.select_item(row.item)
        _click(qtbot, window, key)
    window.undo_stack.undo()
    fresh = NationalOutlineModel()
    fresh.set_comparison(window.comparison)
    fresh.set_rows(window.table_model.rows())
    for section in window.comparison.national.sections:
        if window.national_model.index_for_section(section.id).isValid():
            assert window.national_model.status_of(section.id) == fresh.status_of(section.id), section.id
            for column in (0, 1):
                assert (window.national_model.index_for_section(section.id, column).data()
                        == fresh.index_for_section(section.id, column).data())


def test_decisions_are_written_without_waiting_for_the_disk(window):
    """The project's connection keeps the write-ahead log and does not fsync each commit
    (synchronous=NORMAL): a click never waits for the disk."""
    connection = window.project._connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_the_outline_count_columns_fit_their_values_without_measuring_every_section(window):
    """A section's count changing must not make the tree measure all its sections again
    (ResizeToContents: 7 ms a click on a statute); the fixed column still fits what it shows."""
    for tree in (window.national_tree, window.provincial_tree):
        header = tree.header()
        assert header.sectionResizeMode(1) is QHeaderView.ResizeMode.Fixed
        model = tree.model()
        shown = [model.index_for_section(s.id, 1).data() or "" for s in model.outline.sections
                 if model.index_for_section(s.id, 1).isValid()]
        widest = max(tree.fontMetrics().horizontalAdvance(text) for text in [*shown, "100%"])
        assert tree.columnWidth(1) > widest
        assert tree.columnWidth(1) > header.fontMetrics().horizontalAdvance(
            model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
