"""The batch window, driven as a user would: from the main window's menu to a pair's review."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from core.compare import load_outline
from core.model import Status
from desktop.batch_view import FIXED_COLUMNS, BatchWindow, open_batch_window
from desktop.status_style import status_style
from tests.desktop.conftest import COMPARE_TIMEOUT_MS, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL
from tests.generator import make_variant


@pytest.fixture
def local_files(tmp_path: Path) -> list[Path]:
    """The sample opinion, a generated 浙江省 opinion and an empty file."""
    generated = tmp_path / "浙江.txt"
    generated.write_text(make_variant(load_outline(SAMPLE_NATIONAL), 7).text.replace("示例省", "浙江省"),
                         encoding="utf-8")
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    return [SAMPLE_PROVINCIAL, generated, empty]


def _run(qtbot, window: BatchWindow, local_files, *, workers: int | None = 1) -> None:
    window.workers = workers
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    assert window.run_button.isEnabled()
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()


def _menu_action(main_window, text: str):
    for action in main_window.menuBar().actions():
        for entry in action.menu().actions():
            if entry.text().startswith(text):
                return entry
    return None


def test_the_main_window_menu_opens_the_batch_window(qtbot, make_window):
    main_window = make_window()
    action = _menu_action(main_window, "批量对照")
    assert action is not None
    action.trigger()
    window = main_window._batch_window
    assert isinstance(window, BatchWindow) and window.isVisible()
    assert open_batch_window(main_window) is window  # a second time raises the same window


def test_the_matrix_is_coloured_labelled_and_sorted_by_missing_count(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    # The real thing: the app has threads, so the pool's workers are spawned.
    _run(qtbot, window, local_files, workers=None)
    batch = window.batch
    proxy, model = window.proxy, window.model
    assert proxy.columnCount() == len(FIXED_COLUMNS) + 3
    counts = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)
    # Equal counts keep the national order (they ran backwards, and changed order on refresh).
    order = [(-counts[row], proxy.mapToSource(proxy.index(row, 0)).row()) for row in range(proxy.rowCount())]
    assert order == sorted(order)
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 0)).row()
        assert counts[row] == batch.missing_count(source)
        for local in (0, 1):
            cell = batch.cells[source][local]
            shown = proxy.index(row, len(FIXED_COLUMNS) + local)
            style = status_style(cell.status)
            assert shown.data() == style.label
            assert shown.data(Qt.ItemDataRole.BackgroundRole) == style.background
    failed = model.headerData(len(FIXED_COLUMNS) + 2, Qt.Orientation.Horizontal)
    assert failed.endswith("无法对照")
    tip = model.headerData(len(FIXED_COLUMNS) + 2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "空的" in tip
    assert "浙江省" in model.headerData(len(FIXED_COLUMNS) + 1, Qt.Orientation.Horizontal)


def test_the_side_pane_shows_the_other_provinces_wording(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    batch = window.batch
    row = next(r for r in range(len(batch.items)) if len(batch.wordings(r)) == 2)
    proxy_row = next(i for i in range(window.proxy.rowCount())
                     if window.proxy.mapToSource(window.proxy.index(i, 0)).row() == row)
    window.table.setCurrentIndex(window.proxy.index(proxy_row, len(FIXED_COLUMNS)))
    text = window.detail.toPlainText()
    own, other = batch.cells[row][0], batch.cells[row][1]
    assert "本地表述" in text and "他省表述（1）" in text
    assert own.wording[:20] in text and other.wording[:20] in text
    # The national sentence heads the pane (and may read as the wordings do): look after it.
    local, others = text.index("本地表述"), text.index("他省表述")
    assert local < text.index(own.wording[:20], local) < others < text.index(other.wording[:20], others)


def test_a_cell_opens_that_pairs_review_and_its_decisions_stay_with_it(qtbot, make_window, local_files):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    index = window.proxy.index(0, len(FIXED_COLUMNS) + 1)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.table.doubleClicked.emit(index)
    project = main_window.project
    assert project is not None and Path(project.path) == window.pair_project_path(1)
    comparison = main_window.comparison
    assert comparison.provincial.title == window.batch.locals[1].title
    # The pair's project holds what the batch computed, not a new comparison.
    assert [f.status for f in comparison.clauses] == [f.status for f in window.batch.locals[1].comparison.clauses]
    item = f"N{comparison.clauses[0].clause.id}"
    main_window.set_note(item, "批量对照中写下的意见")
    assert window.open_pair(1) == window.pair_project_path(1)  # already open: left as it is
    assert main_window.project is project
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(0)
    assert Path(main_window.project.path) == window.pair_project_path(0)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(1)
    assert Path(main_window.project.path) == window.pair_project_path(1)
    assert any(d.note == "批量对照中写下的意见" for d in main_window.project.decisions())


def test_a_failed_column_does_not_open_a_review(qtbot, make_window, local_files, dialogs):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    assert window.open_pair(2) is None
    assert any("空的" in text for text in dialogs.texts("warning"))


def test_a_new_version_of_one_local_text_is_reimported_alone(qtbot, make_window, local_files, tmp_path):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    before = window.batch
    new = tmp_path / "浙江-新版.txt"
    new.write_text(make_variant(load_outline(SAMPLE_NATIONAL), 8).text.replace("示例省", "浙江省"),
                   encoding="utf-8")
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.reimport(1, str(new))
    after = window.batch
    assert after.locals[1].path == str(new) and after.locals[1].comparison is not before.locals[1].comparison
    assert after.locals[0].comparison is before.locals[0].comparison


def test_cancel_leaves_no_result(qtbot, make_window, local_files):
    window = open_batch_window(make_window())
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    window.run_button.click()
    window.cancel()
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.batch is None
    assert window.statusBar().currentMessage() == "已取消。"


def test_closing_the_main_window_closes_its_batch_window_and_stops_its_run(qtbot, make_window, local_files):
    main_window = make_window()
    window = open_batch_window(main_window)
    window.workers = 1
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(p) for p in local_files])
    window.run_button.click()
    assert window.busy
    main_window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.batch is None


def test_the_matrix_is_exported(qtbot, make_window, local_files, tmp_path):
    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    with qtbot.waitSignal(window.exported, timeout=COMPARE_TIMEOUT_MS) as written:
        window.export_to(str(tmp_path / "矩阵.xlsx"))
    book = load_workbook(written.args[0])
    assert book.sheetnames == ["对照矩阵", "汇总", "各地表述"]
    labels = {book["对照矩阵"].cell(row=4, column=6 + i).value for i in range(2)}
    assert labels <= {status_style(s).label for s in Status}


def test_a_reimported_version_keeps_the_review_of_the_previous_one(qtbot, make_window, local_files, tmp_path):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(1)
    item = f"N{main_window.comparison.clauses[0].clause.id}"
    main_window.set_note(item, "旧版本上的审核意见")
    old_pair = window.pair_project_path(1)
    new = tmp_path / "浙江-新版.txt"
    new.write_text(Path(local_files[1]).read_text(encoding="utf-8").replace("。", "。\n", 1),
                   encoding="utf-8")
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.reimport(1, str(new))
    assert "原审核意见沿用" in window.statusBar().currentMessage()
    new_pair = window.pair_project_path(1)
    assert new_pair != old_pair and old_pair.exists()
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(1)
    assert Path(main_window.project.path) == new_pair
    assert main_window.project.provincial_name == new.name
    assert any(d.note == "旧版本上的审核意见" for d in main_window.project.decisions())


def test_a_chain_shows_the_province_own_rows_and_what_the_city_carries(qtbot, make_window, tmp_path, dialogs):
    window = open_batch_window(make_window())
    window.workers = 1
    national = load_outline(SAMPLE_NATIONAL)
    province = tmp_path / "江苏.txt"
    province.write_text(make_variant(national, 3).text.replace("示例省", "江苏省"), encoding="utf-8")
    city = tmp_path / "南京.txt"
    city.write_text(make_variant(load_outline(province), 5).text.replace("示例省", "南京市"), encoding="utf-8")
    window.set_national(str(SAMPLE_NATIONAL))
    window.add_locals([str(province)])
    window.start_chain()  # one local file is not a chain: the user is told what is needed
    assert any("两个地方文件" in text for text in dialogs.texts("information"))
    window.add_locals([str(city)])
    assert window.chain_button.isEnabled()
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.chain_button.click()
    batch = window.batch
    assert batch.kind == "chain" and [local.name for local in batch.locals] == ["江苏省", "南京市"]
    own = [row for row, item in enumerate(batch.items) if item.level == "province"]
    assert own
    row = next(i for i in range(window.proxy.rowCount())
               if window.proxy.mapToSource(window.proxy.index(i, 0)).row() == own[0])
    assert window.proxy.index(row, len(FIXED_COLUMNS)).data() == status_style(Status.ADDED).label
    assert window.proxy.index(row, 0).data().startswith("省 ")
    assert window.statusBar().currentMessage().startswith("逐级对照：")
    assert not window.reimport_button.isEnabled()


def test_a_pairs_review_shows_in_the_matrix_and_in_the_next_run(qtbot, make_window, local_files):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    batch = window.batch
    row = next(r for r, cells in enumerate(batch.cells) if cells[0] is not None
               and cells[0].status is Status.MISSING)
    item = batch.items[row].id
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(0)
    main_window.select_item(item)
    main_window.set_status(Status.COVERED.value)
    assert main_window.project.decision(item).status is Status.COVERED

    # Back in the batch window (it refreshes when activated), without comparing again.
    window.refresh_reviews()
    assert window.batch.cells[row][0].status is Status.COVERED
    assert window.batch.missing_count(row) == batch.missing_count(row) - 1
    column = len(FIXED_COLUMNS)
    assert "审核调整1项" in window.model.headerData(column, Qt.Orientation.Horizontal)
    header = window.table.horizontalHeader()  # the title's new line is not cut off
    qtbot.waitUntil(lambda: header.height() >= header.sizeHint().height())
    assert "经审核调整 1 项" in window.locals_list.item(0).text()
    assert "已按审核意见更新" in window.statusBar().currentMessage()
    shown = window.model.index(row, column)
    assert window.model.data(shown, Qt.ItemDataRole.FontRole).bold()  # the reviewer's, not the engine's
    assert "审核调整后的结果" in window.model.data(shown, Qt.ItemDataRole.ToolTipRole)

    # Undone in the main window: the column is the engine's again, and the status line says so.
    main_window.undo_stack.undo()
    window.refresh_reviews()
    assert window.batch.cells[row][0].status is Status.MISSING and window.batch.locals[0].reviewed == 0
    assert "审核调整已撤销" in window.statusBar().currentMessage()
    main_window.undo_stack.redo()
    window.refresh_reviews()

    # A new run of the same texts keeps the reviewer's verdict.
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()
    assert window.batch.cells[row][0].status is Status.COVERED
    assert "已按审核意见调整" in window.statusBar().currentMessage()


def test_the_unit_of_the_rows_is_chosen_and_remembered(qtbot, make_window, local_files):
    from core import batch as batching

    main_window = make_window()
    window = open_batch_window(main_window)
    assert window.unit == "auto"
    _run(qtbot, window, local_files[:2])
    assert window.batch.unit == batching.CLAUSE  # a guideline: sentence by sentence
    window.set_unit(batching.ARTICLE)
    assert "再次开始批量对照后生效" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.batch_shown, timeout=COMPARE_TIMEOUT_MS):
        window.run_button.click()
    assert window.batch.unit == batching.ARTICLE
    assert "按条对照" in window.national_label.text()
    assert all(item.id == item.section for item in window.batch.items)
    # A new batch window (the next time the app starts) starts from the unit chosen last.
    again = BatchWindow(main_window)
    qtbot.addWidget(again)
    assert again is not window and again.unit == batching.ARTICLE


def test_the_reviewed_item_stays_selected_when_the_matrix_is_refreshed(qtbot, make_window, local_files):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    batch, proxy = window.batch, window.proxy
    # The first missing cell of the first column in the shown order (sorted by 未覆盖数): once
    # it is 已覆盖 its row sorts lower.
    shown, row = next((p, r) for p in range(proxy.rowCount())
                      if (cell := batch.cells[r := proxy.mapToSource(proxy.index(p, 0)).row()][0]) is not None
                      and cell.status is Status.MISSING)
    window.table.setCurrentIndex(proxy.index(shown, len(FIXED_COLUMNS)))
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(0, row)
    main_window.select_item(batch.items[row].id)
    main_window.set_status(Status.COVERED.value)

    window.refresh_reviews()

    current = proxy.mapToSource(window.table.currentIndex())
    assert current.row() == row and window.model.local_index(current.column()) == 0
    assert window.batch.cells[row][0].status is Status.COVERED


def _received(path: Path, window: BatchWindow, column: int, status: Status, note: str) -> tuple[Path, int]:
    """A review project as a province sends it back: made on its own copy of the pair's texts."""
    from core.project import Project

    batch = window.batch
    row = next(r for r, cells in enumerate(batch.cells) if cells[column] is not None
               and cells[column].status is Status.MISSING)
    path.parent.mkdir(parents=True, exist_ok=True)
    national = path.parent / "国家文件.docx"
    national.write_bytes(Path(batch.national.path).read_bytes())
    local = path.parent / Path(batch.locals[column].path).name
    local.write_bytes(Path(batch.locals[column].path).read_bytes())
    with Project.create(path, national, local, batch.locals[column].comparison) as project:
        from core.model import ReviewDecision
        project.record(ReviewDecision(item=batch.items[row].id, status=status, note=note))
    return path, row


def test_review_projects_sent_back_by_the_provinces_show_in_their_columns(qtbot, make_window, local_files,
                                                                         tmp_path, dialogs):
    from core.project import Project

    window = open_batch_window(make_window())
    _run(qtbot, window, local_files)
    received, row = _received(tmp_path / "收件" / "浙江审核.duizhao", window, 1, Status.COVERED, "浙江已落实")
    stranger = tmp_path / "收件" / "别的.duizhao"
    stranger.write_bytes(b"")

    window.import_reviews([str(received), str(stranger)])
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)

    assert window.batch.cells[row][1].status is Status.COVERED and window.batch.locals[1].reviewed == 1
    message = window.statusBar().currentMessage()
    assert f"已导入{window.batch.locals[1].name}的审核项目" in message and "别的.duizhao" in message
    # It is now that pair's review: its cell opens it, with the province's decision.
    with Project.open(window.pair_project_path(1), read_only=True) as project:
        assert project.decision(window.batch.items[row].id).note == "浙江已落实"
    assert received.is_file()  # the file received is left as it was


def test_a_review_kept_here_is_replaced_only_when_the_user_agrees(qtbot, make_window, local_files,
                                                                  tmp_path, dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(0)  # reviewed here first
    ours_row = next(r for r, cells in enumerate(window.batch.cells) if cells[0] is not None
                    and cells[0].status is Status.COVERED)
    main_window.select_item(window.batch.items[ours_row].id)
    main_window.set_status(Status.MISSING.value)
    received, row = _received(tmp_path / "收件" / "示例省.duizhao", window, 0, Status.PARTIAL, "省里的意见")
    ours = window.pair_project_path(0)
    # Open in the main window: not replaced under the reviewer's hands, and said so.
    window.import_reviews([str(received)])
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert "主窗口正在审核" in window.statusBar().currentMessage()
    assert window.batch.cells[row][0].status is Status.MISSING
    main_window.new_comparison()

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kwargs: next(answers)))
    window.import_reviews([str(received)])
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.batch.cells[row][0].status is Status.MISSING  # kept ours
    assert "保留本机原有的审核" in window.statusBar().currentMessage()

    window.import_reviews([str(received)])
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.batch.cells[row][0].status is Status.PARTIAL
    kept = [p for p in ours.parent.iterdir() if "替换前" in p.name]
    assert len(kept) == 1 and kept[0].suffix == ".duizhao"  # ours is kept beside it, not lost


def test_a_pair_only_opened_here_takes_a_received_review_without_asking(qtbot, make_window, local_files,
                                                                       tmp_path, dialogs):
    main_window = make_window()
    window = open_batch_window(main_window)
    _run(qtbot, window, local_files)
    with qtbot.waitSignal(main_window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.open_pair(0)  # its project is made, no decision in it
    main_window.new_comparison()
    received, row = _received(tmp_path / "收件" / "示例省.duizhao", window, 0, Status.PARTIAL, "省里的意见")
    window.import_reviews([str(received), str(window.pair_project_path(0))])
    qtbot.waitUntil(lambda: not window.busy, timeout=COMPARE_TIMEOUT_MS)
    assert not dialogs.texts("question")
    assert window.batch.cells[row][0].status is Status.PARTIAL
    assert not [p for p in window.pair_project_path(0).parent.iterdir() if "替换前" in p.name]
