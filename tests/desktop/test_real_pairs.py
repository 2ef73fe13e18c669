"""The window on real statute pairs of the shared corpus, as a provincial reviewer uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from core.model import WHOLE_ARTICLE_REASONS, Status, national_id
from desktop.main_window import NATIONAL, PROVINCIAL
from desktop.models import CandidateModel, MatchRole, ProvincialSectionRole

from .conftest import COMPARE_TIMEOUT_MS, REPO, compare_pair

DATA = REPO / "tests" / "data"

pytestmark = pytest.mark.needs_corpus


@pytest.fixture
def teachers_law(corpus: Path) -> tuple[Path, Path]:
    """教师法 and 北京市实施《教师法》办法: articles cited, referred and carried by counterparts."""
    laws = corpus / "domain" / "laws"
    return laws / "国家-教师法(2009-08-27).txt", laws / "北京-北京市实施《教师法》办法.txt"


def test_a_sentence_carried_with_its_whole_article_lists_the_carrying_article(
        qtbot, make_window, save_path, teachers_law):
    window = make_window()
    compare_pair(qtbot, window, *teachers_law)
    comparison = window.comparison
    articles = {a.national: a for a in comparison.articles}
    whole = [f for f in comparison.clauses if f.reason.code in WHOLE_ARTICLE_REASONS
             and articles[f.clause.section].provincial]
    # The pair has sentences carried by reference with no sentence of their own to match
    # (at most the nearest sentence offered as an alternative): the carrying article was not
    # among their candidates.
    assert {f.reason.code for f in whole} >= {"cited", "referred"}
    assert any(not f.matches for f in whole)
    for finding in whole:
        item = national_id(finding.clause.id)
        assert window.select_item(item)
        candidates = window.diff.candidates
        carrying = articles[finding.clause.section].provincial
        assert window.diff.candidate_box.isVisibleTo(window.diff)
        assert candidates.rowCount() == len(carrying) + len(finding.matches) + len(finding.alternatives)
        for position, section_id in enumerate(carrying):
            index = candidates.index(position, CandidateModel.COL_SCORE)
            section = comparison.provincial.section(section_id)
            assert candidates.is_whole(index)
            assert not candidates.is_alternative(index)
            assert index.data() == CandidateModel.WHOLE_LABEL
            assert index.siblingAtColumn(CandidateModel.COL_WHERE).data().endswith(section.label)
            assert index.siblingAtColumn(CandidateModel.COL_TEXT).data() == "".join(section.paragraphs)
            assert index.data(ProvincialSectionRole) == section_id
            # Read, not chosen: an article is no one-sentence match.
            assert index.data(MatchRole) == ""
        # The sentences the engine offers follow, as before.
        for position, match in enumerate(finding.matches + finding.alternatives, start=len(carrying)):
            index = candidates.index(position, CandidateModel.COL_TEXT)
            assert index.data() == match.clause.text
        assert window.diff.choose_button.isEnabled() == bool(finding.matches or finding.alternatives)


def test_double_clicking_a_carrying_article_records_no_decision(qtbot, make_window, save_path,
                                                                 teachers_law):
    window = make_window()
    compare_pair(qtbot, window, *teachers_law)
    comparison = window.comparison
    articles = {a.national: a for a in comparison.articles}
    finding = next(f for f in comparison.clauses if f.reason.code == "referred"
                   and articles[f.clause.section].provincial)
    item = national_id(finding.clause.id)
    assert window.select_item(item)
    view = window.diff.candidate_view
    index = window.diff.candidates.index(0, CandidateModel.COL_TEXT)
    view.doubleClicked.emit(index)
    assert window.table_model.row_for(item).decision is None
    assert window.project.history(item) == []


def _decided(window) -> dict[str, object]:
    return {row.item: row.decision for row in window.table_model.rows() if row.decision is not None}


def _unnumbered(tmp_path: Path) -> Path:
    """A note with no numbered articles: not an implementing text of a statute."""
    path = tmp_path / "无编号的说明.txt"
    path.write_text("关于做好教师工作的几点想法\n\n教师是立教之本、兴教之源。我们要尊重教师，关心教师。\n"
                    "各单位应当重视这项工作，认真研究，抓好落实。\n", encoding="utf-8")
    return path


def test_an_unnumbered_text_is_not_taken_as_a_new_draft_of_a_statutes_implementing_text_unasked(
        qtbot, make_window, save_path, dialogs, teachers_law, tmp_path, monkeypatch):
    window = make_window()
    compare_pair(qtbot, window, *teachers_law)
    row = next(r for r in window.table_model.rows() if not r.is_addition)
    assert window.select_item(row.item)
    window.set_status("confirm")
    before = _decided(window)
    name = window.project.provincial_name
    plain = _unnumbered(tmp_path)
    assert window.set_document_file(PROVINCIAL, str(plain))
    with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
    # Asked first; the answer here is no (the captured dialog answers OK, not 是).
    asked = dialogs.texts("question")
    assert len(asked) == 1 and plain.name in asked[0] and "没有识别到条款编号" in asked[0]
    assert window.project.provincial_name == name
    assert window.project.comparison.provincial.grammar == "statute"
    assert window.slots[PROVINCIAL].name.text() == name
    assert _decided(window) == before
    assert window.project.history(row.item)  # the decision is in the file, as it was
    # Asked again and answered 是: the text is imported, the decision carried over.
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    assert window.set_document_file(PROVINCIAL, str(plain))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()
    assert window.project.comparison.provincial.grammar == "plain"
    assert window.slots[PROVINCIAL].name.text() == plain.name
    assert row.item in _decided(window)


def test_a_new_comparison_of_a_statute_with_an_unnumbered_text_says_so(
        qtbot, make_window, save_path, dialogs, teachers_law, tmp_path):
    window = make_window()
    plain = _unnumbered(tmp_path)
    compare_pair(qtbot, window, teachers_law[0], plain)
    told = dialogs.texts("information")
    assert len(told) == 1 and "地方文件" in told[0] and plain.name in told[0]
    assert "没有识别到条款编号" in told[0]
    # A statute pair says nothing.
    dialogs.shown.clear()
    compare_pair(qtbot, window, *teachers_law)
    assert dialogs.texts("information") == []


@pytest.mark.parametrize("bad", ["empty", "encrypted"])
def test_an_unreadable_file_leaves_the_open_project_and_both_sides_as_they_were(
        qtbot, make_window, save_path, dialogs, teachers_law, tmp_path, bad):
    window = make_window()
    compare_pair(qtbot, window, *teachers_law)
    row = next(r for r in window.table_model.rows() if not r.is_addition)
    assert window.select_item(row.item)
    window.set_status(Status.PARTIAL.value)
    before, project = _decided(window), window.project.path
    names = {side: window.slots[side].name.text() for side in (NATIONAL, PROVINCIAL)}
    if bad == "empty":
        path = tmp_path / "空文件.txt"
        path.write_bytes(b"")
    else:
        path = DATA / "encrypted.docx"
    # As a new draft of the provincial text (a re-import), then as a new national text.
    for side in (PROVINCIAL, NATIONAL):
        dialogs.shown.clear()
        assert window.set_document_file(side, str(path))
        with qtbot.waitSignal(window.task_finished, timeout=COMPARE_TIMEOUT_MS):
            window.compare_button.click()
        warned = dialogs.texts("warning")
        assert len(warned) == 1
        assert ("文件是空的" if bad == "empty" else "文档已加密") in warned[0]
        assert "Traceback" not in warned[0]
        assert dialogs.texts("critical") == []
        # Nothing lost, and the sides name the documents the table shows.
        assert window.project.path == project
        assert _decided(window) == before
        assert {s: window.slots[s].name.text() for s in (NATIONAL, PROVINCIAL)} == names


def test_the_summary_of_a_statute_counts_reviewed_sentences_in_sentences(
        qtbot, make_window, save_path, teachers_law):
    window = make_window()
    compare_pair(qtbot, window, *teachers_law)
    rows = window.table_model.rows()
    row = next(r for r in rows if not r.is_addition)
    assert window.select_item(row.item)
    window.set_status("confirm")
    text = window.summary.text()
    # Articles are 条, sentences 句: the reviewed count is of sentences and additions.
    assert f"逐句 <b>{sum(1 for r in rows if not r.is_addition)}</b> 句" in text
    assert f"已审核 <b>1</b> / {len(rows)} 句" in text
    assert f"/ {len(rows)} 条" not in text
