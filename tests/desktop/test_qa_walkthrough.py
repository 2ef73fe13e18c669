"""Defects a user met walking through the app (QA pass): each fixed here with its test."""

from __future__ import annotations

from desktop.window_common import NATIONAL


def test_the_progress_step_is_readable_beside_its_bar(qtbot, make_window):
    window = make_window()
    window.statusBar().showMessage("已选择地方文件：law_beijing_shishi_tufa_shijian_yingdui_fa_banfa_2008.txt")
    step = "正在载入词典（首次使用需要几秒钟）…"
    window.progress.start(step)
    qtbot.waitUntil(lambda: window.progress.isVisible())
    message, bar = window.progress.message, window.progress.bar
    # The step had no width of its own and the bar was drawn over it: one glyph showed.
    assert message.geometry().right() < bar.geometry().left()
    assert message.width() >= message.fontMetrics().horizontalAdvance("正在载入词典")
    assert message.text() == step


def test_a_folder_given_as_a_document_is_called_a_folder(qtbot, make_window, dialogs, tmp_path):
    folder = tmp_path / "各省文件"
    folder.mkdir()
    window = make_window()
    window.open_dropped([str(folder)])
    assert window.choices[NATIONAL] is None
    [text] = dialogs.texts("warning")
    assert "文件夹" in text and "找不到" not in text
