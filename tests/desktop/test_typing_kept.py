"""An opinion being typed is never lost to background work: an export started from the
keyboard (Ctrl+Shift+E leaves the focus in the box) writes it, and an opinion handed on while
the window is busy stays typed and unsaved until it can be saved."""

from __future__ import annotations

import threading
from pathlib import Path

from docx import Document

from .conftest import COMPARE_TIMEOUT_MS, open_opinion_box


def _cells(path: Path) -> list[str]:
    document = Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_an_export_started_while_typing_writes_the_opinion(qtbot, make_window):
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    note.insertPlainText("请补充牵头部门和完成时限")
    assert window.review_panel.note_dirty() and note.hasFocus()

    out = Path(window.project.path).parent / "清单.docx"
    window.export_to("checklist", out)  # what 导出 Word does once the file is chosen
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=COMPARE_TIMEOUT_MS)

    # Before: the box was disabled as the export began, handed the text to a busy window,
    # called it saved, and the export and the project went without it.
    assert any("请补充牵头部门和完成时限" in text for text in _cells(out))
    assert window.project.decision(item).note == "请补充牵头部门和完成时限"
    assert not window.review_panel.note_dirty()


def test_an_opinion_handed_on_while_busy_stays_unsaved_and_is_saved_after(qtbot, make_window):
    window = make_window()
    item, note = open_opinion_box(qtbot, window)
    note.insertPlainText("先写的")
    release = threading.Event()
    window._run(lambda progress, cancel: release.wait(30), "正在导出…", lambda _: None)
    # Starting the work saved what was typed.
    assert window.project.decision(item).note == "先写的"
    assert window.busy

    note.insertPlainText("，后写的")  # as a drop or a script might while the work runs
    window.review_panel.submit_note()
    # Refused while busy: not saved, and not called saved either.
    assert window.project.decision(item).note == "先写的"
    assert window.review_panel.note_dirty()
    # Nor did the refusal take the typing's undo steps: Ctrl+Z still takes back ，后写的.
    assert note.document().isUndoAvailable()

    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        release.set()
    window.commit_typing()
    assert window.project.decision(item).note == "先写的，后写的"
    assert not window.review_panel.note_dirty()
    # Saved, the text is the baseline Ctrl+Z no longer types away.
    assert not note.document().isUndoAvailable()
