"""What the main window's parts share: the two sides, filters, exports, the chosen documents."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTextEdit

from core import session
from core.model import Outline, Status
from core.read import SUPPORTED_EXTENSIONS
from desktop.models import GAP_FILTER, NOT_APPLICABLE, RECHECK, UNREVIEWED
from desktop.settings import user_data_dir

NATIONAL, PROVINCIAL = "national", "provincial"
FRAME_ALLOWANCE = (16, 40)  # width, height of a usual window frame (title bar and borders)
LOADING_DICTIONARY = session.LOADING_DICTIONARY
SAVING_PROJECT = session.SAVING_PROJECT
name_stem = session.name_stem


def projects_dir() -> Path:
    """Where a new comparison is kept until the user saves it elsewhere (另存为)."""
    return user_data_dir() / "项目"


def in_app_folder(path: str | os.PathLike) -> bool:
    """The project lives in the app's own data folder (new, or the sample), not where the
    user chose to keep it."""
    try:
        Path(path).resolve().relative_to(user_data_dir().resolve())
    except ValueError:
        return False
    return True


SIDE_LABELS = {NATIONAL: "国家文件", PROVINCIAL: "地方文件"}

# (label, filter keys or None for all) for the status filter box.
STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("全部", None),
    ("只看差距", GAP_FILTER),
    ("未覆盖", frozenset({Status.MISSING.value})),
    ("部分覆盖", frozenset({Status.PARTIAL.value})),
    ("已覆盖", frozenset({Status.COVERED.value})),
    ("无需地方落实", frozenset({Status.NOT_EXPECTED.value})),
    ("本省新增", frozenset({Status.ADDED.value})),
    ("不适用", frozenset({NOT_APPLICABLE})),
    ("未审核", frozenset({UNREVIEWED})),
    ("需复核", frozenset({RECHECK})),
)
GAP_FILTER_INDEX = 1

EXPORT_TIPS = {
    "checklist": "逐条对照表连同审核意见，导出为可直接印发的 Word 起草对照清单",
    "gaps": "只列未覆盖和部分覆盖的条款及地方新增内容",
    "xlsx": "导出为可筛选、可打印的 Excel 工作簿",
    "json": "导出为供程序处理的 JSON 数据",
}


def with_access_key(label: str, key: str) -> str:
    """A menu label with its access key, as Chinese menus write it: before the ellipsis
    ("导出 Excel…", "X" → "导出 Excel(&X)…")."""
    stem = label.rstrip("…")
    return f"{stem}(&{key}){label[len(stem):]}"


# Qt's own text-box menu (复制, 全选) gives 全选 no access key in Chinese.
STANDARD_MENU_KEYS = {"全选": "A", "Select All": "A"}


def text_menu(text: QTextEdit, point: QPoint) -> QMenu:
    """A read-only text box's right-click menu at ``point`` (of its viewport): Qt's own (复制,
    全选), with an access key on each entry (全选 had none); deleted once closed."""
    scrolled = QPoint(text.horizontalScrollBar().value(), text.verticalScrollBar().value())
    menu = text.createStandardContextMenu(point + scrolled)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for action in menu.actions():
        label, tab, keys = action.text().partition("\t")
        if "&" not in label and label in STANDARD_MENU_KEYS:
            action.setText(with_access_key(label, STANDARD_MENU_KEYS[label]) + tab + keys)
    return menu


def give_text_menu(text: QTextEdit) -> None:
    """Have a text box show ``text_menu`` on a right click."""
    text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    text.customContextMenuRequested.connect(
        lambda point: text_menu(text, point).popup(text.viewport().mapToGlobal(point)))


def plain_label(text: str) -> str:
    """A menu label as a toolbar button or a tooltip shows it: without its access key and
    ellipsis ("打开项目(&O)…" → "打开项目")."""
    return re.sub(r"&(.)", r"\1", re.sub(r"\(&[^&]\)", "", text)).rstrip("…").strip()


def set_tooltip(action: QAction, tip: str) -> None:
    """Set a tooltip of the tip (or, without one, nothing beyond the label) and the shortcut."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = tip or plain_label(action.text())
    action.setToolTip(f"{text}（{shortcut}）" if shortcut else text)


EXPORTS = {
    "checklist": ("导出 Word 对照清单…", "起草对照清单", ".docx", "Word 文档 (*.docx)"),
    "gaps": ("导出差距分析报告（Word）…", "差距分析报告", ".docx", "Word 文档 (*.docx)"),
    "xlsx": ("导出 Excel…", "对照结果", ".xlsx", "Excel 工作簿 (*.xlsx)"),
    "json": ("导出 JSON…", "对照结果", ".json", "JSON 文件 (*.json)"),
}


@dataclass(frozen=True)
class DocumentChoice:
    """A document chosen for one side: a file, or pasted text kept in a file of the data folder.

    ``in_project`` marks the document the open project was made from.
    """

    path: str
    name: str
    pasted: str | None = None
    in_project: bool = False

    @property
    def source(self) -> session.Source:
        return session.Source(self.path, self.name, self.pasted)

    def outline(self) -> Outline:
        return self.source.outline()


def document_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"文档 ({patterns});;所有文件 (*)"


