"""Starting the desktop app: the QApplication, the error hook, `duizhao app` and `--screenshot`."""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from collections import Counter
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor, QFont, QIcon, QImage
from PySide6.QtWidgets import QApplication

from core.model import Status
from core.resources import resource
from desktop import errors
from desktop.main_window import MainWindow
from desktop.settings import APP_NAME, Settings
from desktop.side_by_side import NATIONAL_MARK, PROVINCIAL_MARK
from desktop.status_style import status_style

# Fonts tried in order for the interface (Windows, UOS/Kylin, other Linux, macOS).
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "PingFang SC"]
SCREENSHOT_TIMEOUT_MS = 120_000
# How often (seconds) a thread running Python must offer the interpreter to the others.
GUI_SWITCH_INTERVAL_S = 0.001


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, set up once: names, a Chinese UI font, Qt's own Chinese strings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("对照")
    app.setWindowIcon(QIcon(str(resource("icons", "duizhao.png"))))
    app.setDesktopFileName("duizhao")  # matches duizhao.desktop: taskbar icon on Wayland
    font = QFont(app.font())
    font.setFamilies(UI_FONTS + font.families())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    install_translations(app)
    # Loading the dictionaries and comparing run Python on worker threads; with the
    # interpreter's default 5 ms switch interval the window waited up to 150–700 ms for its
    # turn (measured by `make bench`). 1 ms keeps it under ~80 ms at no measurable cost.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    return app


# Strings of Qt's own file dialog that qtbase_zh_CN.qm (Qt 6) leaves in English on Linux,
# where Qt draws the dialog itself: (context, source, disambiguation) → Chinese.
QT_GAPS = {
    ("QFileDialog", "&Look in:", None): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:", None): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): "文件夹",
    ("QAbstractFileIconProvider", "Folder", None): "文件夹",
    ("QAbstractFileIconProvider", "Drive", None): "驱动器",
}


class _QtGaps(QTranslator):
    """Chinese for the few Qt strings the shipped translation lacks."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return QT_GAPS.get((context, source, disambiguation or None), "")

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication) -> None:
    """Qt's own dialogs (file dialog, message box buttons) in Simplified Chinese.

    Dates and numbers in those dialogs follow the Chinese locale too, whatever the system's.
    """
    if getattr(app, "_duizhao_translator", None) is not None:
        return
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(chinese)
    gaps = _QtGaps(app)
    app.installTranslator(gaps)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(chinese, "qtbase", "_", folder):
        # Installed last, asked first; the gaps answer what it leaves untranslated.
        app.installTranslator(translator)
    app._duizhao_translator = translator
    app._duizhao_gaps = gaps


# Libraries Qt's xcb platform plugin loads that a bare Debian/UOS/Kylin install may lack,
# with the package that brings each (Debian 12 names).
XCB_LIBRARIES = (("xcb-cursor", "libxcb-cursor0"), ("xcb-icccm", "libxcb-icccm4"),
                 ("xcb-keysyms", "libxcb-keysyms1"))


def missing_system_packages() -> list[str]:
    """Packages to install before the window can open on X11 (Linux only; [] elsewhere)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    return [package for library, package in XCB_LIBRARIES if ctypes.util.find_library(library) is None]


def no_display() -> bool:
    """On Linux, nothing to show a window on: X11 asked for (or left to Qt) and no display set."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False
    return not os.environ.get("DISPLAY") and not (not platform and os.environ.get("WAYLAND_DISPLAY"))


def run(files: Sequence[str] = (), *, screenshot: str | None = None) -> int:
    """Run the app on given files (two documents, or one project); returns the exit code."""
    missing = missing_system_packages()
    if missing:
        # Qt's own message here is an English plugin error followed by an abort.
        print(f"错误：缺少图形界面所需的系统组件 {'、'.join(missing)}。请先安装："
              f"sudo apt-get install {' '.join(missing)}", file=sys.stderr)
        return 2
    if no_display():
        # Qt would abort with English lines and a wrong hint (libxcb-cursor0, installed).
        print("错误：没有可用的图形显示（未设置 DISPLAY），无法打开窗口。请在桌面环境中启动对照；"
              "在终端中可使用 duizhao compare 等命令。", file=sys.stderr)
        return 2
    errors.setup_logging()
    app = create_application()
    if screenshot:
        return take_screenshot(Path(screenshot))
    sys.excepthook = errors.excepthook
    window = MainWindow(Settings())
    window.show()
    QTimer.singleShot(0, lambda: window.start(files))
    return app.exec()


def take_screenshot(target: Path, *, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> int:
    """Open on the sample pair in a throwaway profile, wait for the result, save the window as PNG.

    Returns 0 when the PNG was written, 1 otherwise.
    """
    with tempfile.TemporaryDirectory(prefix="duizhao-shot-") as folder:
        window = MainWindow(Settings(Path(folder) / "settings.ini"), remember_layout=False,
                            headless=True)
        window.show()
        loop = QEventLoop()
        outcome: list[bool] = []
        window.project_shown.connect(lambda: (outcome.append(True), loop.quit()))
        window.task_finished.connect(lambda: QTimer.singleShot(0, loop.quit))
        QTimer.singleShot(timeout_ms, loop.quit)
        window.open_sample(Path(folder))
        if not outcome:
            loop.exec()
        saved = False
        if outcome:
            # Show a partly covered clause: its detail has the most to see.
            partial = next((r for r in window.table_model.rows()
                            if r.status is Status.PARTIAL and r.provincial_text), None)
            if partial is not None:
                window.select_item(partial.item)
            # Let the layout settle (column widths, the selected row's detail) before grabbing.
            settle = QEventLoop()
            QTimer.singleShot(300, settle.quit)
            settle.exec()
            window.statusBar().clearMessage()
            settle = QEventLoop()
            QTimer.singleShot(50, settle.quit)
            settle.exec()
            target.parent.mkdir(parents=True, exist_ok=True)
            saved = palette_image(window.grab().toImage()).save(str(target), "PNG", 0)
        else:
            print("对照：示例对照没有在限定时间内完成，未能截图。", file=sys.stderr)
        window.close()
        window.deleteLater()
        return 0 if saved else 1


def palette_image(image: QImage) -> QImage:
    """A 256-colour copy of a screenshot: crisp text at a fraction of the size.

    The palette is every status colour (small swatches must keep their hue) and then the
    colours used most; no dithering, so flat areas stay flat.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pinned = [QColor(mark).rgb() for mark in (NATIONAL_MARK, PROVINCIAL_MARK)]
    for status in (*Status, None):
        style = status_style(status, not_applicable=status is None)
        pinned += [style.background.rgb(), style.foreground.rgb(), style.accent.rgb()]
    table = list(dict.fromkeys(pinned))
    pixels = Counter(memoryview(image.constBits()).cast("I"))
    for colour, _count in pixels.most_common(256):
        if len(table) >= 256:
            break
        if colour not in table:
            table.append(colour)
    return image.convertToFormat(QImage.Format.Format_Indexed8, table,
                                 Qt.ImageConversionFlag.ThresholdDither)


def run_from_cli(args: argparse.Namespace) -> int:
    """Handler of `duizhao app` (core.cli imports this module by name)."""
    return run(args.files, screenshot=args.screenshot)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``python -m desktop.app [FILE …] [--screenshot PNG]``."""
    parser = argparse.ArgumentParser(prog="duizhao app", description="对照桌面程序")
    parser.add_argument("files", nargs="*")
    parser.add_argument("--screenshot", metavar="PNG")
    return run_from_cli(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
