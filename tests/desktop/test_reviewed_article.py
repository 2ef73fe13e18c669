"""The detail pane's 本条整体 line after review: once a reviewer changes the sentences of a
statute article, the line says the article's verdict after review (core.review.article_status,
as the tree colours it and the reports print it) with the engine's beside it; an undo puts the
engine's verdict back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from core.model import ReviewDecision, Status
from core.review import review
from desktop.models import NationalOutlineModel, build_rows
from desktop.side_by_side import DiffPane
from tests.core.test_nearest import _article, write_pair

from .conftest import compare_pair


def _plain(label) -> str:
    """The label's rich text as a reader sees it."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\xa0", " ")


def test_the_article_line_follows_the_reviewers_judgement_and_its_undo(
        qtbot, make_window, save_path, tmp_path):
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    comparison = window.comparison
    national = _article(comparison.national, "第四条")
    verdict = next(a for a in comparison.articles if a.national == national.id)
    assert verdict.status is Status.MISSING
    items = [f"N{c.id}" for c in national.clauses]
    assert window.select_item(items[1])
    line = _plain(window.diff.gaps)
    assert "本条整体：" in line and " 未覆盖 " in line and "软件判定" not in line

    # Carried in part by the nearest provincial article: both sentences partial.
    qtbot.mouseClick(window.diff.carry_button, Qt.MouseButton.LeftButton)
    assert window.table_model.row_for(items[1]).status is Status.PARTIAL
    line = _plain(window.diff.gaps)
    # It names the carrier the reviewer judged, then the engine's verdict and reason.
    assert " 部分覆盖（人工） ；审核认定对应地方第四条；软件判定未覆盖，理由是：" in line
    assert verdict.reason.text in line
    assert window.national_model.status_of(national.id) is Status.PARTIAL
    # The other sentence of the article says the same.
    assert window.select_item(items[0])
    assert " 部分覆盖（人工） ；审核认定对应地方第四条；软件判定未覆盖，理由是：" in _plain(window.diff.gaps)
    # The summary bar counts the article as partly carried, as the reports do.
    assert "未覆盖 <b>0</b>" in window.summary.text()

    window.undo_action.trigger()
    assert window.select_item(items[1])
    line = _plain(window.diff.gaps)
    assert " 未覆盖 " in line and "人工" not in line and "软件判定" not in line
    assert "审核认定" not in line
    assert window.national_model.status_of(national.id) is Status.MISSING


def test_a_confirmed_sentence_leaves_the_engines_article_verdict(qtbot, tmp_path):
    """The pane and the tree ask the one rule: confirming a sentence (or giving an opinion)
    does not turn the article into its sentences' roll-up."""
    from tests.core.test_reviewed_articles import _compared

    comparison = _compared()
    third = _article(comparison.national, "第三条")
    verdict = next(a for a in comparison.articles if a.national == third.id)
    decisions = [ReviewDecision(f"N{third.clauses[0].id}", note="已核对")]
    rows = {r.item: r for r in build_rows(comparison, *review(comparison, decisions))}
    row = rows[f"N{third.clauses[0].id}"]
    # Its one sentence has the article's verdict.
    assert verdict.status is Status.PARTIAL and row.status is Status.PARTIAL
    model = NationalOutlineModel()
    model.set_comparison(comparison)
    model.set_rows(list(rows.values()))
    pane = DiffPane()
    qtbot.addWidget(pane)
    pane.set_article_status(model.status_of)
    pane.show_row(comparison, row)
    line = _plain(pane.gaps)
    assert " 部分覆盖 " in line and "人工" not in line and "软件判定" not in line
    # Setting the status the engine gave the sentence is no change either.
    decisions.append(ReviewDecision(row.item, status=Status.PARTIAL))
    rows = {r.item: r for r in build_rows(comparison, *review(comparison, decisions))}
    model.update_rows([rows[row.item]])
    pane.show_row(comparison, rows[row.item])
    assert "软件判定" not in _plain(pane.gaps)
    # Finding it carried is: the article rolls up to its one sentence, covered.
    decisions.append(ReviewDecision(row.item, status=Status.COVERED))
    rows = {r.item: r for r in build_rows(comparison, *review(comparison, decisions))}
    model.update_rows([rows[row.item]])
    pane.show_row(comparison, rows[row.item])
    assert " 已覆盖（人工） ；软件判定部分覆盖，理由是：" in _plain(pane.gaps)
    assert model.status_of(third.id) is Status.COVERED
