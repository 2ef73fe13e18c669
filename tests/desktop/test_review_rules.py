"""The app and the Word export follow the same review rules (core.review) for one clause."""

from __future__ import annotations

import html
from pathlib import Path

from docx import Document

from core.model import Status
from desktop.main_window import MainWindow

from .conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, compare_pair


def _word_cell(qtbot, window: MainWindow, number: int, out: Path) -> str:
    """The 地方文件对应表述 cell of row ``number`` in a freshly exported checklist."""
    window.last_export = None
    window.export_to("checklist", out)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=COMPARE_TIMEOUT_MS)
    rows = [row for table in Document(str(out)).tables for row in table.rows
            if row.cells[0].text.strip() == str(number)]
    assert len(rows) == 1
    return rows[0].cells[2].text


def test_a_clause_marked_covered_lists_no_gaps_on_screen_nor_in_word(qtbot, make_window, save_path):
    window = make_window()
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    finding = next(f for f in window.comparison.clauses
                   if f.status is Status.PARTIAL and f.gaps and f.matches)
    item = f"N{finding.clause.id}"
    number = window.table_model.row_for(item).number
    folder = Path(window.project.path).parent

    # As the engine left it: both list the same gaps.
    assert window.select_item(item)
    on_screen = window.diff.gaps.text()
    in_word = _word_cell(qtbot, window, number, folder / "之前.docx")
    assert "差距：" in on_screen and "差距：" in in_word
    for gap in finding.gaps:
        assert html.escape(gap.describe()) in on_screen and gap.describe() in in_word

    # The reviewer marks it 已覆盖: neither lists gaps any more.
    window.set_status(Status.COVERED.value)
    assert window.table_model.row_for(item).status is Status.COVERED
    assert window.select_item(item)
    on_screen = window.diff.gaps.text()
    in_word = _word_cell(qtbot, window, number, folder / "之后.docx")
    assert "差距：" not in on_screen and "差距：" not in in_word
    assert window.table_model.row_for(item).shown_gaps == ()
    assert not window.table_model.row_for(item).is_gap
