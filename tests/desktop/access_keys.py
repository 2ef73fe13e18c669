"""Access keys of menus and buttons, read without showing anything (a shown menu waits for a
click, and Qt warnings fail tests)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def access_key(text: str) -> str | None:
    """The key Alt (or the key alone, in an open menu) reaches an entry by: the character after
    a single "&" ("打开项目(&O)…" → "O"), None without one."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def menus_under(roots: Iterable[tuple[str, QMenu]]) -> list[tuple[str, list[QAction]]]:
    """(title, entries) of every menu given and every submenu under them, each once."""
    waiting = list(roots)
    seen: set[int] = set()
    menus = []
    while waiting:
        title, menu = waiting.pop()
        if id(menu) in seen:
            continue
        seen.add(id(menu))
        menus.append((title, menu.actions()))
        waiting += [(a.menu().title(), a.menu()) for a in menu.actions() if a.menu() is not None]
    return menus


def keyed_entries(menus: Iterable[tuple[str, list[QAction]]],
                  needs_key: Callable[[QAction], bool] = QAction.isEnabled) -> int:
    """How many entries carry a key, asserting that each entry ``needs_key`` says must have one
    does, and that no two entries of one menu share a key."""
    checked = 0
    for title, actions in menus:
        keys: dict[str, str] = {}
        for action in actions:
            if action.isSeparator() or not action.text():
                continue
            key = access_key(action.text())
            if needs_key(action):
                assert key, f"{title}：“{action.text()}”没有访问键"
            if key:
                assert key not in keys, f"{title}：“{action.text()}”和“{keys[key]}”同用 {key}"
                keys[key] = action.text()
                checked += 1
    return checked
