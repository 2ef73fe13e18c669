"""Widgets of the main window: document slots, the review panel, the summary bar, progress."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (QDragEnterEvent, QDropEvent, QFont, QFontMetrics, QKeySequence, QShortcut,
                           QTextCursor)
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit,
                               QProgressBar, QPushButton, QSizePolicy, QToolButton, QVBoxLayout,
                               QWidget)

from core.model import Status
from desktop.models import UNSAVED_TIP, ClauseRow
from desktop.outline_view import ElidedLabel
from desktop.status_style import status_style


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """Local file paths carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class DocumentSlot(QFrame):
    """One side of the comparison: which document is loaded, with open and paste buttons.

    Files dropped on it are loaded as this side.
    """

    open_requested = Signal()
    paste_requested = Signal()
    file_dropped = Signal(str)

    def __init__(self, side_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._title = QLabel(f"<b>{side_label}</b>")
        # Elided in the middle, keeping the end: a name cut at the box's edge read as another
        # file's (law_national_youhua_yir).
        self.name = ElidedLabel()
        self.name.setMinimumWidth(40)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = QToolButton()
        self.open_button.setText("选择文件…")
        self.open_button.clicked.connect(self.open_requested)
        self.paste_button = QToolButton()
        self.paste_button.setText("粘贴文本…")
        self.paste_button.clicked.connect(self.paste_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self._title)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.paste_button)
        self.set_document("")

    def set_document(self, name: str) -> None:
        """Show the loaded document's name ("" when none)."""
        if name:
            self.name.setText(name)  # the whole name is its tooltip
            self.name.setStyleSheet("")
        else:
            self.name.setText("未选择（可把文件拖到这里）")
            self.name.setStyleSheet("color:#888")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if len(dropped_paths(event)) == 1:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if len(paths) == 1:
            event.acceptProposedAction()
            self.file_dropped.emit(paths[0])


class ProgressPanel(QWidget):
    """Progress of the running job, with its cancel button; hidden when nothing runs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A long step name must not widen the window past a small screen: it is elided. (An
        # Ignored size policy let the layout give it no width, and the bar hid the step.)
        self.message = ElidedLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(100)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.setToolTip("取消正在进行的工作（Esc）")
        self.cancel_button.clicked.connect(self.cancel_requested)
        # Esc cancels too while work runs (the panel is shown only then), wherever the focus is
        # in the window but in a box whose own Esc it is (the search box takes it first).
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                 context=Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.cancel_button.click)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, message: str) -> None:
        self.message.setText(message)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._escape.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, message: str) -> None:
        """Show a step; ``total`` 0 means a step of unknown length (a busy bar, no percentage)."""
        if total <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if message:
            self.message.setText(message)

    def cancelling(self) -> None:
        self.message.setText("正在取消…")
        self.cancel_button.setEnabled(False)
        self._escape.setEnabled(False)

    def stop(self) -> None:
        self._escape.setEnabled(False)
        self.hide()


class _NoteEdit(QPlainTextEdit):
    """The opinion editor: Ctrl+Enter submits, Esc cancels the edit and hands focus back.

    Undo and redo keys belong to the editor while it has focus: they never reach the window's
    撤销 (which would take back a decision, and the opinion with it).
    """

    submitted = Signal()
    escaped = Signal()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or _is_key(event, "Ctrl+Y") or _is_key(event, "Ctrl+Shift+Z")):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            if self.document().isUndoAvailable():
                self.undo()
            return
        if (event.matches(QKeySequence.StandardKey.Redo) or _is_key(event, "Ctrl+Y")
                or _is_key(event, "Ctrl+Shift+Z")):
            if self.document().isRedoAvailable():
                self.redo()
            return
        super().keyPressEvent(event)


def _is_key(event, sequence: str) -> bool:
    """The key event is this key combination."""
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(QKeySequence(sequence)) == QKeySequence.SequenceMatch.ExactMatch


REVIEW_BUTTONS = (
    ("confirm", "确认", "Ctrl+0"),
    (Status.COVERED.value, "已覆盖", "Ctrl+1"),
    (Status.PARTIAL.value, "部分覆盖", "Ctrl+2"),
    (Status.MISSING.value, "未覆盖", "Ctrl+3"),
    ("not_applicable", "不适用", "Ctrl+4"),
    (Status.NOT_EXPECTED.value, "无需地方落实", "Ctrl+5"),
)
"""(key, label, shortcut) of the review buttons, in the order they are laid out."""

# What each button does beyond its label (a tooltip that only repeats the label says nothing).
REVIEW_TIPS = {
    Status.COVERED.value: "地方文件已完整体现本条要求",
    Status.PARTIAL.value: "地方文件只体现了本条的一部分，或约束力减弱",
    Status.MISSING.value: "地方文件没有体现本条要求",
    "not_applicable": "本条不适用于本地，不计入统计；再按一次取消",
    Status.NOT_EXPECTED.value: "本条属中央国家机关职责、国家层面事项（外交、司法、刑事责任等）、施行日期或背景叙述，地方无需逐句落实",
}


class ReviewPanel(QFrame):
    """Buttons to confirm or change a finding, and the 审核意见 editor for the selected item.

    Signals:
        status_requested(key): "confirm", a Status value, or "not_applicable".
        note_submitted(item, text): the opinion for an item was edited.
        editing_finished(): the editor gave focus back (Esc).
        typing_dropped(): Esc dropped what was typed since the opinion was saved.
        history_requested(): 修改记录 was clicked.
    """

    status_requested = Signal(str)
    note_submitted = Signal(str, str)
    editing_finished = Signal()
    typing_dropped = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._item = ""
        self._saved_note = ""
        self._row: ClauseRow | None = None
        # A project opened read-only: decisions cannot be saved, so none can be made here (the
        # buttons asked for the reviewer's name, then said the project was read-only).
        self._read_only = False
        title = QLabel("<b>审核</b>")
        self.info = QLabel()
        self.info.setStyleSheet("color:#555")
        # Wraps (审核于 on a line of its own) rather than widening the panel: once an item was
        # decided, "reviewer 审核于 date time" made the detail pane wider than its place at
        # 150 % and cut off every text on its right.
        self.info.setWordWrap(True)
        # The decision shown could not be written to the project yet (disk full …).
        self.unsaved_label = QLabel("未保存")
        self.unsaved_label.setObjectName("unsavedMark")
        self.unsaved_label.setStyleSheet("color:#ffffff; background:#b71c1c; font-weight:bold;"
                                         " padding:0 4px")
        self.unsaved_label.setToolTip(UNSAVED_TIP)
        self.unsaved_label.hide()
        # Several rows selected in the table: said above the buttons, which then decide them all.
        # Wrapped, never widening the panel past the detail pane on a small screen.
        self.selection_hint = QLabel()
        self.selection_hint.setObjectName("selectionHint")
        self.selection_hint.setWordWrap(True)
        self.selection_hint.setStyleSheet("color:#163f7a")
        self.selection_hint.setToolTip("在对照表中单击一条（不按 Shift 或 Ctrl）即只选这一条；"
                                       "Ctrl+Z 一次撤销对全部所选条目的审核")
        self.selection_hint.hide()
        self.buttons: dict[str, QPushButton] = {}
        # Three to a row in a grid of equal columns: the panel fits a narrow window, and a
        # button turning bold when checked cannot push its neighbours along (each is at least
        # as wide as its label in bold). Not each as wide as the widest label: three of those
        # made the panel wider than the detail pane on a small screen at 150 %.
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(4)
        buttons.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for position, (key, label, shortcut) in enumerate(REVIEW_BUTTONS):
            button = QPushButton(label)
            button.setObjectName(f"review_{key}")
            button.setToolTip("确认系统给出的对照结果" if key == "confirm" else REVIEW_TIPS.get(key, ""))
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(label) + 20)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if shortcut:
                button.setToolTip(f"{button.toolTip()}（{shortcut}）")
            if key != "confirm":
                button.setCheckable(True)
                style = status_style(Status(key) if key != "not_applicable" else None,
                                     not_applicable=key == "not_applicable")
                button.setStyleSheet(f"QPushButton:checked {{ background:{style.background.name()};"
                                     f" color:{style.foreground.name()}; font-weight:bold; }}")
            button.clicked.connect(lambda _=False, k=key: self.status_requested.emit(k))
            self.buttons[key] = button
            buttons.addWidget(button, position // 3, position % 3)
        for column in range(3):
            buttons.setColumnStretch(column, 1)
        self.note = _NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("审核意见（F2 或 Ctrl+E 开始填写，Ctrl+Enter 保存，Esc 取消，离开即自动保存）")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.submitted.connect(self._submit_and_leave)
        self.note.escaped.connect(self._escape)
        self.note.installEventFilter(self)
        self.save_button = QPushButton("保存意见")
        # Named as the placeholder and 快捷键 name it (the tooltip was a bare "Ctrl+Return").
        self.save_button.setToolTip("保存审核意见并返回对照表（Ctrl+Enter）")
        self.save_button.clicked.connect(self.submit_note)
        self.history_button = QPushButton("修改记录")
        self.history_button.setObjectName("review_history")
        self.history_button.setToolTip("所选条目的每一次审核、撤销和重做（Ctrl+H）")
        self.history_button.setFlat(True)
        self.history_button.clicked.connect(self.history_requested)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.unsaved_label)
        header.addWidget(self.info, 1)
        header.addWidget(self.history_button)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(header)
        layout.addWidget(self.selection_hint)
        layout.addLayout(buttons)
        layout.addLayout(note_row)
        self.set_row(None)

    @property
    def item(self) -> str:
        return self._item

    def set_row(self, row: ClauseRow | None) -> None:
        """Show the review state of a row (None disables the panel)."""
        moved = (row.item if row else "") != self._item
        self._item = row.item if row else ""
        self._row = row
        enabled = row is not None and not self._read_only
        for key, button in self.buttons.items():
            applies = enabled and (not row.is_addition or key in ("confirm", "not_applicable"))
            button.setEnabled(applies)
            if button.isCheckable():
                checked = False
                if row is not None and row.decision is not None:
                    if key == "not_applicable":
                        checked = row.not_applicable
                    else:
                        checked = not row.not_applicable and row.status.value == key
                button.setChecked(checked)
        # Read-only, an opinion can still be read and copied, not changed.
        self.note.setEnabled(row is not None)
        self.note.setReadOnly(self._read_only)
        self.save_button.setEnabled(enabled)
        self.history_button.setEnabled(row is not None)
        note = row.note if row else ""
        self._saved_note = note
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)
        if moved:
            # Another row's box: the editor's Ctrl+Z must not bring back what was typed (and
            # dropped with Esc) on the last one, to be saved on this one.
            self.note.document().clearUndoRedoStacks()
        if row is None:
            self.info.setText("")
        elif row.decision is None:
            self.info.setText("尚未审核（只读打开，不能修改）" if self._read_only else "尚未审核")
        else:
            when = row.decision.decided_at[:16].replace("T", " ")
            who = row.decision.reviewer or "审核人"
            self.info.setText(f"{who} 审核于 {when}" if when else f"{who} 已审核")
        self.unsaved_label.setVisible(row is not None and row.unsaved)

    def set_selected(self, count: int, unit: str = "条", *, additions: int = 0,
                     local: str = "本省") -> None:
        """Say that ``count`` selected rows are decided together (nothing said below 2), and
        how many of them are additions (本省新增), which take only 确认 and 不适用."""
        if count > 1:
            told = f"已选 {count} {unit}：审核结果和审核意见将用于全部所选条目"
            if additions:
                told += f"（其中{local}新增 {additions} {unit}只能确认或标为“不适用”）"
            self.selection_hint.setText(told)
        self.selection_hint.setVisible(count > 1)

    def set_read_only(self, read_only: bool) -> None:
        """Offer decisions, or only show them (a project opened read-only)."""
        if read_only != self._read_only:
            self._read_only = read_only
            self.set_row(self._row)

    def note_dirty(self) -> bool:
        return bool(self._item) and self.note.toPlainText() != self._saved_note

    def submit_note(self) -> None:
        """Hand the edited opinion on, when it changed."""
        if self.note_dirty():
            item, text = self._item, self.note.toPlainText()
            self._saved_note = text
            self.note_submitted.emit(item, text)
            # Saved, the text is the editor's new baseline: Ctrl+Z must not type it away. Refused
            # (note_not_saved, called back before emit returns), the typing keeps its undo steps.
            if self._item == item and self._saved_note == text:
                self.note.document().clearUndoRedoStacks()

    def note_not_saved(self, item: str, saved: str) -> None:
        """The window could not save the opinion just handed on for ``item``: ``saved`` is
        again the baseline, so the box's text stays unsaved (note_dirty) and is handed on
        again when the box is next left or the project put away."""
        if item == self._item:
            self._saved_note = saved

    def _submit_and_leave(self) -> None:
        # Ctrl+Enter saves and hands the keys back to the table: left in the box, the next J
        # or K (下一处/上一处差距) was typed into the saved opinion, and saved with it.
        self.submit_note()
        self.editing_finished.emit()

    def begin_note(self) -> None:
        """Put the cursor in the opinion editor (F2 / Ctrl+E)."""
        if self.note.isEnabled():
            self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.note.moveCursor(QTextCursor.MoveOperation.End)

    def cancel_note(self) -> bool:
        """Put back the saved opinion, dropping what was typed since, as one edit the editor's
        Ctrl+Z takes back (setPlainText emptied its undo history: the typing was gone for
        good). Whether anything was dropped."""
        if self.note.toPlainText() == self._saved_note:
            return False
        cursor = self.note.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(self._saved_note)
        return True

    def _escape(self) -> None:
        # Esc cancels, as in every dialog: what was typed is dropped, not saved — and said so.
        dropped = self.cancel_note()
        self.editing_finished.emit()
        if dropped:
            self.typing_dropped.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.submit_note()
        return super().eventFilter(watched, event)


class SummaryBar(QLabel):
    """Counts and shares per status over all national clauses, after review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setObjectName("summaryBar")
        self.setWordWrap(True)  # wraps on a narrow window instead of widening it
        self.set_rows(())

    def set_rows(self, rows: Sequence[ClauseRow],
                 articles: Mapping[Status | None, int] | None = None, local: str = "本省",
                 taken: int = 0) -> None:
        """Show the counts of these rows; ``articles``: a statute's articles per reviewed colour
        (None: 不适用), counted first, as the command line and the reports count them;
        ``local``: how the local text calls its region (本市新增); ``taken``: how many of the
        additions a reviewer chose as a national row's counterpart — counted apart, as the
        reports count them."""
        national = [r for r in rows if not r.is_addition]
        if not national:
            self.setText('<span style="color:#777">尚无对照结果</span>')
            return
        counts = {Status.COVERED: 0, Status.PARTIAL: 0, Status.MISSING: 0}
        not_expected = not_applicable = 0
        for row in national:
            if row.not_applicable:
                not_applicable += 1
            elif row.status is Status.NOT_EXPECTED:
                not_expected += 1
            else:
                counts[row.status] += 1
        # Shares are of the clauses a province is expected to carry.
        applicable = sum(counts.values())
        additions = sum(1 for r in rows if r.is_addition) - taken
        reviewed = sum(1 for r in rows if r.decision is not None)
        rechecks = sum(1 for r in rows if r.recheck)
        unsaved = sum(1 for r in rows if r.unsaved)
        parts = []
        # A statute: its articles first; its sentences are then 句, so that 条 keeps
        # meaning an article.
        unit = "条"
        if articles:
            # Shares of the articles expected of the province, as the reports give them.
            expected = sum(articles.get(s, 0) for s in (Status.COVERED, Status.PARTIAL, Status.MISSING))

            def share(status: Status | None) -> str:
                if status not in (Status.COVERED, Status.PARTIAL, Status.MISSING) or not expected:
                    return ""
                return f"（{100 * articles.get(status, 0) / expected:.0f}%）"
            judged = "，".join(f"{status_style(status, not_applicable=status is None).label} "
                              f"<b>{articles.get(status, 0)}</b>{share(status)}"
                              for status in (Status.COVERED, Status.PARTIAL, Status.MISSING,
                                             Status.NOT_EXPECTED, None)
                              if articles.get(status) or status in (Status.COVERED,
                                                                     Status.PARTIAL,
                                                                     Status.MISSING))
            parts.append(f"按条 <b>{sum(articles.values())}</b> 条：{judged}")
            unit = "句"
            parts.append(f"逐句 <b>{len(national)}</b> 句")
        else:
            parts.append(f"国家文件条款 <b>{len(national)}</b> 条")
        for status, count in counts.items():
            parts.append(_chip(status_style(status), count,
                               f"（{100 * count / applicable:.0f}%）" if applicable else "", unit))
        if not_expected:
            parts.append(_chip(status_style(Status.NOT_EXPECTED), not_expected, "", unit))
        if not_applicable:
            parts.append(_chip(status_style(None, not_applicable=True), not_applicable, "", unit))
        parts.append(_chip(status_style(Status.ADDED, local=local), additions,
                           f"（另有 {taken} {unit}已作对应表述）" if taken else "", unit))
        # Reviewed items are sentences too (and provincial additions): the same unit as the
        # counts before them, never 条 beside a statute's articles.
        parts.append(f"已审核 <b>{reviewed}</b> / {len(rows)} {unit}")
        if rechecks:
            parts.append(f'<span style="color:#8e1b1b">需复核 <b>{rechecks}</b> {unit}</span>')
        if unsaved:
            parts.append(f'<span style="color:#ffffff;background-color:#b71c1c">&nbsp;未保存 '
                         f'<b>{unsaved}</b> {unit}&nbsp;</span>')
        # A narrow window wraps between the counts, never inside one (已审核 0 / ↵ 192 条,
        # 部分覆 ↵ 盖): Qt breaks between any two Chinese characters.
        self._readable = "&nbsp;&nbsp;&nbsp;&nbsp;".join(parts)
        super().setText("&nbsp;&nbsp;&nbsp; ".join(_unbroken(part) for part in parts))

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._readable = text
        super().setText(text)

    def text(self) -> str:  # type: ignore[override]
        """The summary as written, without what keeps each count on one line."""
        return self._readable


# An HTML tag, an entity, or one character of a count's text.
_TOKEN = re.compile(r"<[^>]*>|&[a-z]+;|.", re.DOTALL)


def _unbroken(text: str) -> str:
    """A count the summary bar never wraps inside: a word joiner between every two of its
    characters (Qt honours it; white-space:nowrap it does not, inside a line). A count of
    several (按条 72 条：已覆盖 17…) may wrap after its commas, never inside one of them."""
    pieces = []
    for piece in text.split("，"):
        out, seen = [], False
        for token in _TOKEN.findall(piece):
            if token.startswith("<") and token.endswith(">"):
                out.append(token)
                continue
            if seen:
                out.append(_JOINED)
            out.append("&nbsp;" if token == " " else token)
            seen = True
        pieces.append("".join(out))
    return "，".join(pieces)


def _chip(style, count: int, share: str, unit: str = "条") -> str:
    return (f'<span style="background-color:{style.background.name()};color:{style.foreground.name()}">'
            f'&nbsp;{style.label}&nbsp;</span>&nbsp;<b>{count}</b> {unit}{share}')


# A word joiner: no line break between the characters it stands between (28 句 ↵ （15%）).
_JOINED = "\u2060"


def short_name(path: str) -> str:
    """A file's name for labels."""
    return Path(path).name if path else ""
