"""Fixtures for the desktop tests: an isolated profile, the real sample pair, a driven window."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from core.compare import compare_files  # noqa: E402
from desktop.main_window import NATIONAL, PROVINCIAL, MainWindow  # noqa: E402
from desktop.settings import REVIEWER, Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SAMPLE_NATIONAL = REPO / "samples" / "national-guideline-sample.docx"
SAMPLE_PROVINCIAL = REPO / "samples" / "provincial-opinion-sample.docx"
# Real texts that came with the brief, committed in tests/data/corpus: a national guideline and
# a provincial article about digital government.
CORPUS_NATIONAL = REPO / "tests" / "data" / "corpus" / "national-guideline-digital-government-2022.txt"
CORPUS_PROVINCIAL = REPO / "tests" / "data" / "corpus" / "articles" / "zhejiang-digital-government-practice.txt"
COMPARE_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def sample_comparison():
    """The sample pair compared once, for model tests."""
    return compare_files(SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)


@pytest.fixture
def cjk_font(qapp):
    """Skips a test that measures the layout of Chinese text where no font has Chinese glyphs
    (every office PC has one; a bare Linux machine may not: Debian's fonts-noto-cjk)."""
    from PySide6.QtGui import QFontDatabase
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no font with Simplified Chinese glyphs installed (fonts-noto-cjk): the "
                    "layout measured here is that of Chinese glyphs")


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every desktop test runs with the QApplication, whichever test a worker runs first: a
    model's colour squares are pixmaps, and a pixmap made without one aborts the process."""
    return qapp


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder and documents folder."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(folder))
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr("desktop.main_window.user_documents_dir", lambda: documents)
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a throwaway INI file, with a reviewer name so nobody is asked."""
    store = Settings(tmp_path / "settings.ini")
    store.set(REVIEWER, "测试审核人")
    return store


class Dialogs:
    """Message boxes captured instead of shown (a modal box would block the test)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.earlier_answer = "new"

    def capture(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind is None or k == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    captured = Dialogs()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(captured.capture(kind)))

    def earlier_review(window, earlier):
        # Two files compared again: a box of its own (custom buttons). Answered as before it
        # was asked (a new project); a test of the question sets its own answer.
        captured.shown.append(("earlier", "对照", str(earlier.path)))
        return captured.earlier_answer
    captured.earlier_answer = "new"
    monkeypatch.setattr(MainWindow, "ask_earlier_review", earlier_review)
    return captured


@pytest.fixture
def save_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Answer every save dialog with a file in tmp_path (named after what is asked for)."""
    answers: list[str] = []

    def answer(parent, caption, suggested, file_filter="", *args, **kwargs):
        target = tmp_path / "out" / Path(suggested).name
        target.parent.mkdir(exist_ok=True)
        number = 2
        while target.exists():  # like a user, pick a name not taken in the test's folder
            target = target.with_name(f"{Path(suggested).stem}-{number}{Path(suggested).suffix}")
            number += 1
        answers.append(str(target))
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return answers


@pytest.fixture
def make_window(qtbot, settings: Settings, dialogs: Dialogs):
    """Build shown main windows that are closed at the end of the test."""
    windows: list[MainWindow] = []

    def make(store: Settings | None = None) -> MainWindow:
        window = MainWindow(store or settings, remember_layout=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.busy:
            window.cancel_task()
            qtbot.waitUntil(lambda w=window: not w.busy, timeout=COMPARE_TIMEOUT_MS)
        if window.project is not None:
            window.project.close()


def compare_pair(qtbot, window: MainWindow, national: Path, provincial: Path) -> None:
    """Load both documents, press 开始对照 and wait for the result (the save dialog is patched)."""
    assert window.set_document_file(NATIONAL, str(national))
    assert window.set_document_file(PROVINCIAL, str(provincial))
    with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
        window.compare_button.click()


def compare_with_table_keys(qtbot, window: MainWindow) -> None:
    """Compare the sample pair and give the clause table the keys, as a keyboard user starts."""
    compare_pair(qtbot, window, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)


def open_opinion_box(qtbot, window: MainWindow):
    """Compare the sample pair, give the clause table the keys and open the opinion box of the
    current row with F2, as a keyboard user does; the row's item and the box."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    compare_with_table_keys(qtbot, window)
    item = window.current_row().item
    note = window.review_panel.note
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(note.hasFocus)
    return item, note


@contextmanager
def read_only_project(qtbot, make_window, path: Path, comparison, monkeypatch: pytest.MonkeyPatch):
    """A project another window holds open for writing, opened here with 只读打开: this window
    and the holder's project."""
    from core.project import Project

    Project.create(path, SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, comparison).close()
    with Project.open(path) as holder:
        window = make_window()
        monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
            b for b in box.buttons() if b.text() == "只读打开").click())
        with qtbot.waitSignal(window.project_shown, timeout=COMPARE_TIMEOUT_MS):
            window.open_project(path)
        assert window.project.read_only
        yield window, holder
