"""How the app tells the user something went wrong: Chinese dialogs, and a log for the unexpected."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import DuizhaoError
from desktop.settings import user_data_dir

APP_TITLE = "对照"
log = logging.getLogger("duizhao.desktop")


def log_file() -> Path:
    """The app's log file, in the user data folder."""
    return user_data_dir() / "logs" / "duizhao.log"


def setup_logging() -> Path | None:
    """Log warnings and errors of the app to a rotating file; returns its path (None if unwritable)."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("duizhao")
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    else:
        handler.close()
    root.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, error: DuizhaoError, *, title: str = APP_TITLE) -> None:
    """Show a user error (unreadable file, bad project …) as its Chinese message."""
    text = error.message
    if error.path:
        text += f"\n\n文件：{error.path}"
    QMessageBox.warning(parent, title, text)


def report_unexpected(parent: QWidget | None, error: BaseException, trace: str = "") -> None:
    """Log an unexpected exception with its traceback and apologise, without showing the trace."""
    trace = trace or "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error: %s\n%s", error, trace)
    path = log_file()
    QMessageBox.critical(
        parent, APP_TITLE,
        "很抱歉，程序遇到了意外问题，刚才的操作没有完成。\n"
        "已保存的对照项目和审核意见不受影响，您可以继续使用。\n\n"
        f"问题详情已记录在日志文件中，如需技术支持请提供该文件：\n{path}")


def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook for the app: user errors as their message, anything else logged politely."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    parent = QApplication.activeWindow() if QApplication.instance() else None
    if isinstance(error, DuizhaoError):
        show_error(parent, error)
        return
    text = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is None:
        log.error("unexpected error: %s\n%s", error, text)
        sys.__excepthook__(kind, error, trace)
        return
    report_unexpected(parent, error, text)
