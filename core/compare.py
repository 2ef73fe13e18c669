"""The public entry points of the engine: read, outline and compare two documents."""

from __future__ import annotations

import os

from core.align import CancelCheck, Parameters, ProgressCallback, compare_outlines
from core.model import Comparison, Outline
from core.outline import outline_document
from core.read import read_document
from core.similarity import prepare as _prepare_similarity


def prepare() -> None:
    """Load the dictionaries every comparison needs (~0.5 s once per process).

    Thread-safe and instant after the first call. The desktop app calls it on a worker thread
    at start-up, so the user's first comparison does not wait for it.
    """
    _prepare_similarity()


def load_outline(path: str | os.PathLike) -> Outline:
    """Read a file and build its outline (raises a DocumentReadError subclass on bad input)."""
    return outline_document(read_document(path))


def compare_files(national: str | os.PathLike, provincial: str | os.PathLike, *,
                  parameters: Parameters | None = None,
                  progress: ProgressCallback | None = None,
                  cancel: CancelCheck | None = None) -> Comparison:
    """Read both files and compare the provincial one with the national one.

    Args:
        national: path of the national document.
        provincial: path of the provincial document.
        parameters: engine thresholds.
        progress: ``progress(done, total, message)`` callback.
        cancel: returns True to stop; ``core.errors.Cancelled`` is then raised.

    Returns:
        The comparison result every view and export renders.
    """
    return compare_outlines(load_outline(national), load_outline(provincial),
                            parameters=parameters, progress=progress, cancel=cancel)


def notices(comparison: Comparison) -> list[tuple[str, str]]:
    """What the user should know about how the texts were read and compared, as (where, note):
    the comparison's warnings, then each document's (numbering gaps, misprints read as
    numbering, web-page lines and tables of contents set aside), then the lines each outline
    set aside before and after the body — shown, never silently dropped."""
    found = [("对照", warning) for warning in comparison.warnings]
    for where, outline in (("国家文件", comparison.national), ("地方文件", comparison.provincial)):
        found += [(where, warning) for warning in outline.warnings]
    for where, outline in (("国家文件", comparison.national), ("地方文件", comparison.provincial)):
        found += [(f"{where}·正文前", line) for line in outline.front_matter]
        found += [(f"{where}·正文后", line) for line in outline.tail]
    return found
