"""Small dialogs: paste text, settings, the reviewer's name, decisions a re-import left behind,
an item's history, the notes on how the documents were read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFormLayout, QFrame, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QTableView,
                               QVBoxLayout, QWidget)

from core.model import Comparison, ReviewDecision
from desktop.models import DecisionListModel, HistoryModel, describe_item
from desktop.settings import REOPEN_LAST_PROJECT, REVIEWER, Settings


def _ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """确定 / 取消 buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# The most characters of a pasted document's name (3 bytes each, well inside a file name's 255).
PASTED_NAME_CHARS = 60


class PasteTextDialog(QDialog):
    """Paste a document's text (e.g. copied from a web page or a draft) as one side."""

    def __init__(self, side_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"粘贴{side_label}文本")
        self.resize(720, 520)
        self.name = QLineEdit(f"粘贴的{side_label}")
        # The name becomes the kept file's: a whole title pasted here (300 字) could not be
        # saved, and the message blamed the data folder.
        self.name.setMaxLength(PASTED_NAME_CHARS)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("把文件全文粘贴到这里（保留“一、”“（一）”等编号，以便识别章节）")
        buttons = _ok_cancel_buttons(self)
        form = QFormLayout()
        form.addRow("名称：", self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def document_name(self) -> str:
        return self.name.text().strip() or "粘贴的文本"

    def document_text(self) -> str:
        return self.text.toPlainText()


class SettingsDialog(QDialog):
    """设置: the reviewer's name and start-up behaviour."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("设置")
        self._settings = settings
        self.reviewer = QLineEdit(settings.get(REVIEWER))
        self.reviewer.setPlaceholderText("记录在每条审核意见中")
        self.reopen = QCheckBox("启动时打开上次的项目")
        self.reopen.setChecked(settings.get(REOPEN_LAST_PROJECT))
        self.clear_recent = QPushButton("清空“最近文件”列表")
        self.clear_recent.clicked.connect(self._clear_recent)
        buttons = _ok_cancel_buttons(self)
        form = QFormLayout()
        form.addRow("审核人姓名：", self.reviewer)
        form.addRow("", self.reopen)
        form.addRow("", self.clear_recent)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _clear_recent(self) -> None:
        self._settings.clear_recent()
        self.clear_recent.setEnabled(False)

    def accept(self) -> None:
        self._settings.set(REVIEWER, self.reviewer.text().strip())
        self._settings.set(REOPEN_LAST_PROJECT, self.reopen.isChecked())
        super().accept()


def ask_reviewer_name(parent: QWidget | None) -> str | None:
    """Ask who is reviewing (once); None when the user declines."""
    name, ok = QInputDialog.getText(
        parent, "审核人", "请输入您的姓名，它将记录在每条审核意见中\n（以后可在“编辑 → 设置”中修改）：")
    return name.strip() if ok else None


class OrphanedDecisionsDialog(QDialog):
    """After 导入新版地方文件: decisions whose ground changed (kept, marked 需复核) and decisions
    that no longer match any item (set aside), for the reviewer to look at again."""

    def __init__(self, decisions: Sequence[ReviewDecision], carried: int,
                 texts: dict[str, str] | None = None, parent: QWidget | None = None, *,
                 reasons: Sequence[str] = (), rechecks: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入新版地方文件")
        self.resize(880, 420)
        orphaned = len(decisions) - rechecks
        parts = [f"已沿用 {carried - rechecks} 条审核意见。"]
        if rechecks:
            parts.append(f"{rechecks} 条审核意见所依据的地方文件表述在新版中已改动或删除，"
                         "已标为“需复核”（可在“对照结果”中筛选“需复核”），结论暂不计入导出。")
        if orphaned:
            parts.append(f"{orphaned} 条审核意见在新版文件中找不到对应条目，未能沿用，请对照新版重新审核。")
        summary = QLabel("".join(parts))
        summary.setWordWrap(True)
        self.model = DecisionListModel(decisions, texts, self, reasons=reasons)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DecisionListModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DecisionListModel.COL_REASON, QHeaderView.ResizeMode.Stretch)
        buttons = _close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    @classmethod
    def from_report(cls, report, previous: Comparison, parent: QWidget | None = None
                    ) -> OrphanedDecisionsDialog:
        """The dialog for a ``ReimportReport``: re-checks first (named on the new version),
        then the decisions set aside (named on the version they were made on)."""
        decisions, texts, reasons = [], {}, []
        for carried in report.rechecks:
            decisions.append(carried.after)
            texts[carried.after.item] = describe_item(report.comparison, carried.after.item)
            reasons.append("需复核：" + carried.recheck)
        for decision in report.orphaned:
            decisions.append(decision)
            texts.setdefault(decision.item, describe_item(previous, decision.item))
            reasons.append("未能沿用：" + report.reason(decision))
        return cls(decisions, len(report.carried), texts, parent, reasons=reasons,
                   rechecks=len(report.rechecks))


def _close_button(dialog: QDialog) -> QDialogButtonBox:
    """A 关闭 button wired to the dialog's reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
    buttons.rejected.connect(dialog.reject)
    return buttons


class HistoryDialog(QDialog):
    """审核 → 修改记录: every change made to one item, oldest first."""

    def __init__(self, item_label: str, entries: Sequence[dict], parent: QWidget | None = None, *,
                 comparison: Comparison | None = None, comparison_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("修改记录")
        self.resize(900, 360)
        summary = QLabel(f"{item_label}\n" + (f"共 {len(entries)} 次修改，按时间先后排列。" if entries
                                               else "尚未审核，沿用系统判断。"))
        summary.setWordWrap(True)
        self.model = HistoryModel(entries, self, comparison=comparison,
                                  comparison_id=comparison_id)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.COL_BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.COL_AFTER, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(_close_button(self))


class NoticesDialog(QDialog):
    """提示: how the documents were read — numbering gaps, misprints read as numbering, web-page
    lines and tables of contents set aside, the lines before and after each body."""

    def __init__(self, notices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("读取与对照提示")
        self.resize(900, 420)
        summary = QLabel(f"共 {len(notices)} 条。以下内容未计入比对的正文，或提醒核对原文编号；"
                         "如有误，请修改原文后重新对照。")
        summary.setWordWrap(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(["位置", "内容"])
        for where, note in notices:
            cells = [QStandardItem(where), QStandardItem(note)]
            for cell in cells:
                cell.setEditable(False)
                cell.setToolTip(note)
            self.model.appendRow(cells)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(_close_button(self))


class ShortcutsDialog(QDialog):
    """帮助 → 快捷键."""

    ROWS = (
        ("F8 或 J", "下一处差距（未覆盖、部分覆盖）"),
        ("Shift+F8 或 K", "上一处差距"),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", "标为 已覆盖 / 部分覆盖 / 未覆盖"),
        ("Ctrl+4", "标为 不适用（再按一次取消）"),
        ("Ctrl+5", "标为 无需地方落实（中央职责、国家层面事项、施行日期、背景叙述）"),
        ("Ctrl+6", "认定由右侧所示的相近地方条文部分承接（系统判为未覆盖的条；默认最相近的一条，"
                   "可用其下箭头换看其次相近的）"),
        ("Ctrl+Shift+6", "认定由其他地方条文部分承接：从地方文件的全部条文中选出承接本条的一条"
                         "（系统判为未覆盖的条；承接条文不在系统列出的相近条文中时使用）"),
        ("Alt+Left / Alt+Right", "换看更相近 / 其次相近的地方条文（系统判为未覆盖的条）"),
        ("Ctrl+0", "确认系统判断"),
        ("Shift+单击 / Shift+↑↓ / Ctrl+单击", "选择多条：审核结果和审核意见用于全部所选条目，Ctrl+Z 一次撤销"),
        ("F2 或 Ctrl+E", "填写审核意见；Ctrl+Enter 保存，Esc 取消修改；都返回对照表"),
        ("Ctrl+S / Ctrl+Shift+S", "保存 / 另存为"),
        ("Ctrl+Shift+E", "导出 Word 对照清单"),
        ("Ctrl+N / Ctrl+O", "新建对照 / 打开项目"),
        ("Ctrl+H", "查看所选条目的修改记录"),
        ("Ctrl+Z", "撤销"),
        ("Ctrl+Shift+Z 或 Ctrl+Y", "重做"),
        ("Ctrl+F", "搜索"),
        ("Ctrl+G", "只看差距"),
        ("F5", "开始对照"),
        ("Esc（对照进行中）", "取消正在进行的对照"),
        ("Ctrl+Shift+X", "交换国家文件和地方文件（选反了时）"),
        ("F9", "显示或隐藏章节目录"),
        ("F5（批量对照窗口中）", "开始批量对照"),
        ("Enter（批量对照的矩阵中）", "打开所选单元格那个地方文件的逐条审核"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("快捷键")
        text = "".join(f"<tr><td style='padding-right:24px'><b>{k}</b></td><td>{v}</td></tr>"
                       for k, v in self.ROWS)
        label = QLabel(f"<table cellspacing=4>{text}</table>")
        label.setTextFormat(Qt.TextFormat.RichText)
        # Scrolled when taller than the screen: at 150 % on 1366×768 the list stood 519 px
        # high on 512, its 关闭 button at the edge.
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(label.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        room = screen.availableGeometry().height() if screen is not None else 600
        scroll.setMaximumHeight(min(label.sizeHint().height() + 4, room - 120))
        buttons = _close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)


def ask_choice(parent: QWidget, title: str, text: str, informative: str,
               accept: tuple[str, str], destructive: tuple[str, str]) -> str:
    """A question with two named ways on and 取消: the key of the button pressed ("cancel" for
    取消 or the window closed). ``accept`` (label, key) is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(informative)
    first = box.addButton(accept[0], QMessageBox.ButtonRole.AcceptRole)
    second = box.addButton(destructive[0], QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(first)
    box.exec()
    clicked = box.clickedButton()
    return accept[1] if clicked is first else destructive[1] if clicked is second else "cancel"


def offer_exported(parent: QWidget, path: Path) -> QMessageBox:
    """After an export: a box saying where the file went, offering to open it or its folder
    (shown without blocking; returned so the caller can keep it)."""
    box = QMessageBox(QMessageBox.Icon.Information, "导出完成",
                      f"已导出：{path.name}", QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(str(path.parent))
    open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_file)

    def clicked(button) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
