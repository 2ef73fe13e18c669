"""Where bundled resources live, from a checkout, an editable install or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


SAMPLE_NATIONAL = "national-guideline-sample.docx"
SAMPLE_PROVINCIAL = "provincial-opinion-sample.docx"


@cache
def resources_dir() -> Path:
    """The `resources/` folder: beside the frozen program, or at the top of the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources/ not found next to the program")


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("dictionary", "policy_terms.txt")``."""
    return resources_dir().joinpath(*parts)


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a bundled UTF-8 text resource."""
    text = resource(*parts).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def samples_dir() -> Path:
    """The bundled sample pair's folder: ``samples/`` inside a frozen build, else in the checkout.

    The self test and the desktop app's first run both open the pair from here.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "samples" if frozen else Path(__file__).resolve().parent.parent / "samples"
