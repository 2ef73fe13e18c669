"""The app's settings over QSettings: every key declared once with its type and default.

User preferences (reviewer name, recent files …) live under ``preferences/``; window geometry and
layout live apart under ``window/`` so that resetting one never touches the other.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

APP_NAME = "Duizhao"
RECENT_LIMIT = 10
PROJECT_SUFFIX = ".duizhao"


@dataclass(frozen=True)
class Key(Generic[T]):
    """A user preference: its name under ``preferences/``, its type and its default."""

    name: str
    type: type
    default: T


@dataclass(frozen=True)
class WindowKey:
    """A piece of window layout (geometry, dock and splitter state) kept under ``window/``."""

    name: str


@dataclass(frozen=True)
class RecentFile:
    """An entry of the 最近文件 menu: a project, or a document and the side it was opened as."""

    kind: str  # "project", "national" or "provincial"
    path: str


REVIEWER = Key[str]("reviewer", str, "")
RECENT_FILES = Key[list]("recent_files", list, [])
LAST_FOLDER = Key[str]("last_folder", str, "")
SAVE_FOLDER = Key[str]("save_folder", str, "")  # where 另存为 last put a project
REOPEN_LAST_PROJECT = Key[bool]("reopen_last_project", bool, True)
BATCH_UNIT = Key[str]("batch_unit", str, "auto")  # the batch window's 对照单位

GEOMETRY = WindowKey("geometry")
WINDOW_STATE = WindowKey("state")
MAIN_SPLITTER = WindowKey("main_splitter")
SIDE_SPLITTER = WindowKey("side_splitter")
DETAIL_SPLITTER = WindowKey("detail_splitter")
TABLE_HEADER = WindowKey("table_header")


def user_data_dir() -> Path:
    """Where the app keeps its log and the sample project (``DUIZHAO_DATA_DIR`` overrides)."""
    override = os.environ.get("DUIZHAO_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_documents_dir() -> Path:
    """The default folder of the file dialogs: the user's Documents folder, or the home folder
    where there is none (a fresh UOS/Kylin account has no ~/Documents until a file manager
    makes it, and a dialog given a folder that does not exist opens the program's working
    folder: /opt/duizhao)."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class Settings:
    """Typed access to the app's QSettings.

    Args:
        path: an INI file to use instead of the user's settings (tests, screenshots).
    """

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        if path is None:
            self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                    APP_NAME, APP_NAME)
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        """Where the settings are stored."""
        return self._store.fileName()

    def get(self, key: Key[T]) -> T:
        """The stored value of a preference, or its default when absent or unreadable."""
        raw = self._store.value(f"preferences/{key.name}")
        if raw is None:
            return _copy(key.default)
        try:
            if key.type is bool:
                return (raw.lower() in ("true", "1", "yes")) if isinstance(raw, str) else bool(raw)
            if key.type is list:
                value = json.loads(raw) if isinstance(raw, str) else raw
                return list(value) if isinstance(value, list) else _copy(key.default)
            return key.type(raw)
        except (TypeError, ValueError):
            return _copy(key.default)

    def set(self, key: Key[T], value: T) -> None:
        """Store a preference (lists as JSON, so one-element lists survive the INI format).

        Other Settings objects of the process see it at once; Qt's event loop writes it to disk
        shortly after (each write costs ~15 ms, too much to pay several times in one click),
        and the window writes everything when it closes.
        """
        if key.type is list:
            self._store.setValue(f"preferences/{key.name}", json.dumps(list(value), ensure_ascii=False))
        else:
            self._store.setValue(f"preferences/{key.name}", value)

    def layout(self, key: WindowKey) -> QByteArray | None:
        """Saved window geometry or state, or None."""
        value = self._store.value(f"window/{key.name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, key: WindowKey, value: QByteArray) -> None:
        """Save window geometry or state."""
        self._store.setValue(f"window/{key.name}", value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    def recent_files(self) -> list[RecentFile]:
        """The 最近文件 entries, newest first (entries whose file is gone are kept until opened)."""
        entries = []
        for entry in self.get(RECENT_FILES):
            if isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry):
                entries.append(RecentFile(entry[0], entry[1]))
        return entries

    def add_recent(self, kind: str, path: str | os.PathLike) -> None:
        """Put a file at the top of 最近文件."""
        path = str(Path(path).resolve())
        entries = [e for e in self.recent_files() if not (e.kind == kind and e.path == path)]
        entries.insert(0, RecentFile(kind, path))
        self.set(RECENT_FILES, [[e.kind, e.path] for e in entries[:RECENT_LIMIT]])

    def remove_recent(self, path: str) -> None:
        """Drop a file from 最近文件 (e.g. when it no longer exists)."""
        self.set(RECENT_FILES, [[e.kind, e.path] for e in self.recent_files() if e.path != path])

    def clear_recent(self) -> None:
        """Empty 最近文件."""
        self.set(RECENT_FILES, [])


def _copy(value):
    return list(value) if isinstance(value, list) else value
