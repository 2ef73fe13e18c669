"""Export speed: the Word checklist of the sample pair and of a 16× larger comparison."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from bench.speed import median_seconds, scaled_copies
from core.compare import compare_files
from core.export import export_word

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NATIONAL = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL = SAMPLES / "provincial-opinion-sample.docx"


def export_timings() -> list[tuple[str, float]]:
    """(label, median seconds of 3 warm runs) for export_word at 1× and 16× the sample pair.

    The comparisons are computed once, outside the timing; only the export is timed.
    """
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for factor in (1, 8):  # 16× the sample is past the reader's character limit
            if factor == 1:
                national, provincial = NATIONAL, PROVINCIAL
            else:
                national, provincial = scaled_copies(NATIONAL, PROVINCIAL, factor, work)
            comparison = compare_files(national, provincial)
            target = work / f"checklist-x{factor}.docx"
            seconds = median_seconds(partial(export_word, comparison, target), runs=3)
            rows.append((f"export_word checklist {factor}× ({len(comparison.clauses)} clauses, "
                         f"{len(comparison.additions)} additions)", seconds))
    return rows
