"""An article the engine judged missing, settled by a reviewer: the nearest provincial article read
beside it, recorded as a partial carrier in one action (one undo step), kept on reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from core.model import Status, national_id, parse_item_id
from desktop.models import CandidateModel, MatchRole, ProvincialSectionRole
from tests.core.test_nearest import _article, write_pair

from .conftest import COMPARE_TIMEOUT_MS, compare_pair


def _missing_article(window):
    comparison = window.comparison
    national = _article(comparison.national, "第四条")
    carrier = _article(comparison.provincial, "第四条")
    verdict = next(a for a in comparison.articles if a.national == national.id)
    assert verdict.status is Status.MISSING and verdict.nearest == carrier.id
    return national, carrier, [national_id(c.id) for c in national.clauses]


def test_the_nearest_article_is_shown_and_offered_beside_a_missing_article(
        qtbot, make_window, save_path, tmp_path):
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    national, carrier, items = _missing_article(window)
    assert len(items) == 2
    assert window.select_item(items[1])
    diff = window.diff
    text = "".join(carrier.paragraphs)
    # Its text where the provincial counterpart would be, under its own title and place.
    assert diff.nearest == carrier
    assert diff.provincial.text.toPlainText() == text
    assert "最相近的地方条文" in diff.provincial.title.text()
    assert f"{carrier.label}（相似度 " in diff.provincial.where.text()
    assert diff.carry_button.isVisibleTo(diff) and diff.carry_button.isEnabled()
    assert diff.carry_button.text() == f"认定由{carrier.label}部分承接"
    assert window.carry_action.isEnabled()
    # And first in the candidates, chosen like any of them.
    index = diff.candidates.index(0, CandidateModel.COL_SCORE)
    assert diff.candidates.is_nearest(index) and index.data().endswith(
        f"（{CandidateModel.NEAREST_LABEL}）")
    assert index.siblingAtColumn(CandidateModel.COL_TEXT).data() == text
    assert index.data(ProvincialSectionRole) == carrier.id and index.data(MatchRole) == ""
    assert diff.choose_button.isEnabled()

    # A sentence of an article that is carried offers nothing of the kind.
    assert window.select_item(national_id(_article(window.comparison.national, "第五条").clauses[0].id))
    assert diff.nearest is None and not diff.carry_button.isVisibleTo(diff)
    assert not window.carry_action.isEnabled()
    assert not diff.candidates.is_nearest(diff.candidates.index(0, 0))


def test_choosing_the_nearest_article_records_a_partial_carrier_kept_on_reopening(
        qtbot, make_window, save_path, tmp_path):
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    national, carrier, items = _missing_article(window)
    assert window.select_item(items[1])
    before = window.summary.text()
    assert "未覆盖 <b>1</b>" in before

    # One action: double-click the nearest article in the candidates.
    diff = window.diff
    diff.candidate_view.doubleClicked.emit(diff.candidates.index(0, CandidateModel.COL_TEXT))
    for item in items:
        row = window.table_model.row_for(item)
        assert row.status is Status.PARTIAL and row.decision is not None
        assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == carrier.id
        assert row.provincial_text in "".join(carrier.paragraphs)
    assert [d.item for d in window.project.decisions()] == items
    # The article now counts as partly carried; the selected sentence stays selected.
    assert "未覆盖 <b>0</b>" in window.summary.text()
    assert window.current_row().item == items[1]
    assert window.undo_stack.undoText() == f"认定由地方{carrier.label}部分承接（2 句）"

    # One undo step takes back the whole judgement, one redo makes it again.
    window.undo_action.trigger()
    assert all(window.table_model.row_for(item).decision is None for item in items)
    assert window.project.decisions() == []
    window.redo_action.trigger()
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)

    # The opinion; Ctrl+6 again on the sentence keeps it.
    window.set_note(items[1], "地方第四条部分承接要素流动的要求")
    assert window.select_item(items[1])
    window.carry_action.trigger()
    assert window.table_model.row_for(items[1]).note == "地方第四条部分承接要素流动的要求"

    project_path = Path(window.project.path)
    window.project.close()
    window.project = None
    again = make_window()
    with qtbot.waitSignal(again.project_shown, timeout=COMPARE_TIMEOUT_MS):
        again.open_project(project_path)
    for item in items:
        row = again.table_model.row_for(item)
        assert row.status is Status.PARTIAL
        assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == carrier.id
    assert again.table_model.row_for(items[1]).note == "地方第四条部分承接要素流动的要求"
    # The stored comparison still names the nearest article.
    assert next(a for a in again.comparison.articles
                if a.national == national.id).nearest == carrier.id


def test_the_button_and_ctrl_6_record_the_same_judgement(qtbot, make_window, save_path, tmp_path):
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "docx"))
    _national, carrier, items = _missing_article(window)
    assert window.select_item(items[0])
    qtbot.mouseClick(window.diff.carry_button, Qt.MouseButton.LeftButton)
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)
    # Once carried, the sentence shows its chosen counterpart, and no more the offer.
    assert not window.diff.carry_button.isVisibleTo(window.diff)
    assert window.diff.provincial.text.toPlainText() in "".join(carrier.paragraphs)
    window.undo_action.trigger()
    assert window.select_item(items[0])
    qtbot.keyClick(window.table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert all(window.table_model.row_for(item).status is Status.PARTIAL for item in items)


def _runner_up_window(qtbot, make_window, tmp_path):
    """A pair whose national 第四条 is missing, its nearest provincial article 第四条 and the
    runner-up 第五条: the window on the article's first sentence, with the article's sentences
    (their items), the nearest and the runner-up."""
    from tests.core.test_runners_up import write_pair as write_pair_with_runner_up

    window = make_window()
    compare_pair(qtbot, window, *write_pair_with_runner_up(tmp_path))
    comparison = window.comparison
    national = _article(comparison.national, "第四条")
    nearest, clearing = (_article(comparison.provincial, label) for label in ("第四条", "第五条"))
    items = [national_id(c.id) for c in national.clauses]
    assert window.select_item(items[0])
    return window, national, items, nearest, clearing


def test_a_runner_up_is_listed_after_the_nearest_and_chosen_as_the_carrier(
        qtbot, make_window, save_path, tmp_path):
    window, national, items, nearest, clearing = _runner_up_window(qtbot, make_window, tmp_path)
    comparison = window.comparison
    diff = window.diff
    # The nearest beside the sentence and on the button, the runner-up next in the candidates.
    assert diff.nearest == nearest and diff.carry_button.text() == f"认定由{nearest.label}部分承接"
    rows = [diff.candidates.index(row, CandidateModel.COL_SCORE) for row in range(2)]
    # Each with the similarity its article's reason prints.
    scores = [f"{score * 100:.0f}" for score in next(
        a for a in comparison.articles if a.national == national.id).near_scores]
    assert [index.data() for index in rows] == [f"{scores[0]}（{CandidateModel.NEAREST_LABEL}）",
                                                f"{scores[1]}（{CandidateModel.RUNNER_UP_LABEL}）"]
    assert all(diff.candidates.is_nearest(index) for index in rows)
    assert rows[1].data(ProvincialSectionRole) == clearing.id
    assert "较相近" in rows[1].data(Qt.ItemDataRole.ToolTipRole)

    # Double-clicking the runner-up records it, not the nearest, as the partial carrier.
    diff.candidate_view.doubleClicked.emit(rows[1].siblingAtColumn(CandidateModel.COL_TEXT))
    for item in items:
        row = window.table_model.row_for(item)
        assert row.status is Status.PARTIAL
        assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == clearing.id
    assert window.undo_stack.undoText() == f"认定由地方{clearing.label}部分承接（{len(items)} 句）"

    # Changing their mind, the reviewer double-clicks the nearest article: the whole article
    # moves to it, not the one sentence.
    nearest_row = diff.candidates.index(0, CandidateModel.COL_TEXT)
    assert diff.candidates.is_nearest(nearest_row)
    diff.candidate_view.doubleClicked.emit(nearest_row)
    for item in items:
        row = window.table_model.row_for(item)
        assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == nearest.id
    assert window.undo_stack.undoText() == f"认定由地方{nearest.label}部分承接（{len(items)} 句）"
    # The 本条整体 line names the carrier the reviewer judged, as the reports do.
    assert f"审核认定对应地方{nearest.label}" in diff.gaps.text()
    window.undo_action.trigger()
    assert window.select_item(items[0])
    assert f"审核认定对应地方{clearing.label}" in diff.gaps.text()
    window.undo_action.trigger()
    assert window.select_item(items[0])
    assert "审核认定" not in diff.gaps.text()


def test_the_next_nearest_article_is_read_in_the_same_box_and_ctrl_6_carries_the_one_shown(
        qtbot, make_window, save_path, tmp_path):
    from PySide6.QtTest import QTest

    window, national, items, nearest, clearing = _runner_up_window(qtbot, make_window, tmp_path)
    comparison = window.comparison
    diff = window.diff
    scores = next(a for a in comparison.articles if a.national == national.id).near_scores
    assert diff.near_next.isVisibleTo(diff) and diff.near_count.text() == "1/2"
    assert not diff.near_previous.isEnabled() and diff.near_next.isEnabled()
    assert diff.provincial.where.text().endswith(f"（相似度 {scores[0] * 100:.0f}）")
    # The arrow shows the runner-up where the nearest was; button and Ctrl+6 now name it.
    qtbot.mouseClick(diff.near_next, Qt.MouseButton.LeftButton)
    assert diff.nearest == clearing and diff.near_count.text() == "2/2"
    assert "较相近的地方条文" in diff.provincial.title.text()
    assert diff.provincial.text.toPlainText() == "".join(clearing.paragraphs)
    assert diff.provincial.where.text().endswith(f"（相似度 {scores[1] * 100:.0f}）")
    assert not diff.near_next.isEnabled() and diff.near_previous.isEnabled()
    assert diff.carry_button.text() == f"认定由{clearing.label}部分承接"
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    for item in items:
        row = window.table_model.row_for(item)
        assert row.status is Status.PARTIAL
        assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == clearing.id
    # Carried, the sentence offers no carry and no arrows.
    assert window.select_item(items[0])
    assert diff.nearest is None and not diff.near_next.isVisibleTo(diff)
    # Nor does any other row after one that offered them (the arrows stayed beside an addition).
    window.undo_action.trigger()
    assert window.select_item(items[0]) and diff.near_next.isVisibleTo(diff)
    addition = next(row for row in window.table_model.rows() if row.is_addition)
    assert window.select_item(addition.item)
    assert not any(widget.isVisibleTo(diff)
                   for widget in (diff.near_previous, diff.near_count, diff.near_next))


def test_the_article_paged_to_stays_shown_when_its_row_is_redrawn_and_is_the_one_carried(
        qtbot, make_window, save_path, tmp_path):
    """Saving an opinion redrew the pane at the nearest, and the carry button then recorded the
    nearest, not the article the reviewer was reading and had named in the opinion."""
    window, _national, items, _nearest, clearing = _runner_up_window(qtbot, make_window, tmp_path)
    diff = window.diff
    qtbot.mouseClick(diff.near_next, Qt.MouseButton.LeftButton)
    window.set_note(items[0], "第五条已部分落实")  # the row is redrawn
    assert diff.nearest == clearing and diff.near_count.text() == "2/2"
    qtbot.mouseClick(diff.carry_button, Qt.MouseButton.LeftButton)
    row = window.table_model.row_for(items[0])
    assert parse_item_id(row.decision.match).clause.rsplit("-", 1)[0] == clearing.id
    assert row.note == "第五条已部分落实"


def test_a_sentence_marked_not_applicable_is_offered_no_carry(qtbot, make_window, save_path,
                                                              tmp_path):
    """Its carry would have taken the 不适用 mark off without a word."""
    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    national = _article(window.comparison.national, "第四条")
    item = national_id(national.clauses[0].id)
    assert window.select_item(item) and window.diff.nearest is not None
    window.set_status("not_applicable")
    assert window.table_model.row_for(item).not_applicable
    assert window.diff.nearest is None and not window.carry_action.isEnabled()
    assert not window.diff.carry_button.isVisibleTo(window.diff)
    # Nor by a double-click on the nearest among the candidates.
    index = window.diff.candidates.index(0, CandidateModel.COL_TEXT)
    if window.diff.candidates.is_nearest(index):
        window.diff.candidate_view.doubleClicked.emit(index)
    assert window.table_model.row_for(item).not_applicable


def test_alt_arrows_page_the_near_articles_from_the_table(qtbot, make_window, save_path, tmp_path):
    from PySide6.QtTest import QTest

    window, _national, items, nearest, clearing = _runner_up_window(qtbot, make_window, tmp_path)
    window.activateWindow()
    window.table.setFocus()
    assert window.next_near_action.isEnabled() and window.previous_near_action.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.diff.nearest == clearing and window.diff.near_count.text() == "2/2"
    QTest.keyClick(window.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # the last
    assert window.diff.nearest == clearing
    QTest.keyClick(window.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.diff.nearest == nearest
    # A row with no near articles to page offers neither.
    carried = next(row for row in window.table_model.rows() if row.status is Status.COVERED)
    assert window.select_item(carried.item)
    assert not window.next_near_action.isEnabled() and not window.previous_near_action.isEnabled()


def test_the_choose_button_says_it_judges_the_article_when_a_near_article_is_selected(
        qtbot, make_window, save_path, tmp_path):
    """改用所选表述 on a near article recorded the whole article as carried, as it did not say."""
    from PySide6.QtCore import QItemSelectionModel

    window, _national, _items, _nearest, clearing = _runner_up_window(qtbot, make_window, tmp_path)
    diff = window.diff
    select = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    diff.candidate_view.selectionModel().setCurrentIndex(diff.candidates.index(1, 0), select)
    assert diff.choose_button.text() == "认定部分承接"
    assert diff.choose_button.toolTip().startswith(f"认定由{clearing.label}部分承接")
    # The list's sentence (a close clause the engine gave to another national one): a match.
    sentence = diff.candidates.index(2, 0)
    assert not diff.candidates.is_whole(sentence)
    diff.candidate_view.selectionModel().setCurrentIndex(sentence, select)
    assert diff.choose_button.text() == "改用所选表述"
    # Another row shown: the button's own words again.
    covered = next(row for row in window.table_model.rows() if row.status is Status.COVERED)
    assert window.select_item(covered.item)
    assert diff.choose_button.text() == "改用所选表述"


def test_any_provincial_article_may_be_recorded_as_the_carrier(qtbot, make_window, save_path,
                                                                tmp_path, monkeypatch):
    """河南 第六十六条's carrier (地方第六十三条) was none of the three near articles offered,
    and nothing let the reviewer record it: only 部分覆盖 with no counterpart."""
    from desktop.main_window import MainWindow

    window = make_window()
    compare_pair(qtbot, window, *write_pair(tmp_path, "txt"))
    _national, carrier, items = _missing_article(window)
    assert window.select_item(items[1])
    assert window.choose_carrier_action.isEnabled()
    offered: list[list[str]] = []

    def ask(self, labels):
        offered.append(labels)
        return len(labels) - 1  # the last article of the provincial text
    monkeypatch.setattr(MainWindow, "ask_carrier", ask)
    window.choose_carrier_action.trigger()
    [labels] = offered
    # The near articles first, marked, then every other article.
    assert labels[0].startswith(f"{carrier.label}（相近）")
    last = [s for s in window.comparison.provincial.sections if s.kind == "article"][-1]
    assert labels[-1].startswith(last.label) and len(labels) == len(
        [s for s in window.comparison.provincial.sections if s.kind == "article" and s.clauses])
    for item in items:
        row = window.table_model.row_for(item)
        assert row.status is Status.PARTIAL
        assert parse_item_id(row.match_item).clause.rsplit("-", 1)[0] == last.id
    window.undo_action.trigger()
    assert all(window.table_model.row_for(item).decision is None for item in items)
    # A row whose article is carried offers no such choice.
    carried = next(r for r in window.table_model.rows()
                   if not r.is_addition and r.status is Status.COVERED)
    assert window.select_item(carried.item)
    assert not window.choose_carrier_action.isEnabled()


def test_the_carrier_typed_in_the_list_is_found_by_its_number_or_words():
    from desktop.window_review import matching_label

    labels = ["第五十五条（相近）　完善和细化知识产权制度", "第六十三条　建立健全纠纷多元化解机制",
              "第六十三条之一　示例"]
    assert matching_label(labels, labels[1]) == 1
    assert matching_label(labels, "第六十三条") == 1
    assert matching_label(labels, "纠纷多元") == 1
    assert matching_label(labels, "第九十九条") is None and matching_label(labels, " ") is None
