"""The one place where a coverage status becomes a colour and a Chinese label in the app."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from core.export.labels import local_word, localised
from core.model import Comparison, Status


@dataclass(frozen=True)
class StatusStyle:
    """How a status looks: its label, a pale background for cells and a strong colour for marks."""

    label: str
    background: QColor
    foreground: QColor
    accent: QColor


# Pale fills keep black text readable; the accents are for swatches, bars and highlighted text.
_STYLES: dict[Status | None, tuple[str, str, str, str]] = {
    Status.COVERED: ("已覆盖", "#dff3e3", "#1b5e20", "#2e9d48"),
    Status.PARTIAL: ("部分覆盖", "#fff1c9", "#7a5200", "#e0a000"),
    Status.MISSING: ("未覆盖", "#fbdcdc", "#8e1b1b", "#d64545"),
    Status.ADDED: ("本省新增", "#dde9fb", "#163f7a", "#3d7bd9"),
    Status.NOT_EXPECTED: ("无需地方落实", "#f2f2f2", "#555555", "#b0b0b0"),
    None: ("不适用", "#ececec", "#555555", "#9a9a9a"),
}


def status_style(status: Status | None, *, not_applicable: bool = False,
                 local: str = "本省") -> StatusStyle:
    """Label and colours for a status; ``not_applicable`` (or a None status) gives 不适用;
    ``local``: how the local text calls its region (本市新增 for a Beijing text)."""
    key = None if not_applicable else status
    label, background, foreground, accent = _STYLES[key]
    return StatusStyle(localised(label, local), QColor(background), QColor(foreground),
                       QColor(accent))


def local_of(comparison: Comparison | None) -> str:
    """How the shown comparison's local text calls its region (本省, 本市, 本自治区…), as the
    reports call it: the app's labels (本省新增, 本省对应表述) say the same; 地方 (地方新增,
    地方对应表述) before a comparison, whatever the local text will be."""
    return local_word(comparison.provincial.title) if comparison is not None else "地方"


# Sorting by status puts the gaps first: missing, partial, covered, not expected, added.
STATUS_ORDER = {Status.MISSING: 0, Status.PARTIAL: 1, Status.COVERED: 2, Status.NOT_EXPECTED: 3,
                Status.ADDED: 4}
