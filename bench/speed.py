"""Speed and memory: read/outline each sample, compare the sample pair and 4×/16× larger texts."""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from core.compare import compare_files, load_outline
from core.outline import outline_document
from core.read import read_document


def median_seconds(work: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``runs`` warm runs (one untimed run first)."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_memory_mb(work: Callable[[], object]) -> float:
    """Peak Python heap growth while ``work`` runs, in MiB (tracemalloc)."""
    tracemalloc.start()
    try:
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def scaled_copies(national: Path, provincial: Path, factor: int, folder: Path) -> tuple[Path, Path]:
    """Plain-text copies of both documents with their bodies repeated ``factor`` times."""
    paths = []
    for source in (national, provincial):
        outline = load_outline(source)
        lines = [outline.title] + [p for s in outline.sections for p in
                                   ([s.heading] if s.id != "0" else []) + list(s.paragraphs)]
        target = folder / f"{source.stem}-x{factor}.txt"
        target.write_text("\n".join(lines[:1] + lines[1:] * factor) + "\n", encoding="utf-8")
        paths.append(target)
    return paths[0], paths[1]


def read_and_outline(path: Path) -> float:
    """Median seconds to read and outline one file."""
    return median_seconds(lambda: outline_document(read_document(path)))


def compare_scaling(national: Path, provincial: Path, factors=(1, 4, 8)) -> list[tuple[int, int, int, float, float]]:
    """(factor, national clauses, provincial clauses, median seconds, peak MiB) per size."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for factor in factors:
            if factor == 1:
                a, b = national, provincial
            else:
                a, b = scaled_copies(national, provincial, factor, Path(folder))
            result = compare_files(a, b)
            runs = 5 if factor < 16 else 3
            seconds = median_seconds(partial(compare_files, a, b), runs=runs)
            peak = peak_memory_mb(partial(compare_files, a, b))
            rows.append((factor, result.summary.clauses, len(result.provincial.clauses()),
                         seconds, peak))
    return rows
