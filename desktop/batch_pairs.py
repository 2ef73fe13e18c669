"""One review project per batch pair: where it is kept, and giving a new local version its review."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from core import batch as batching
from core import session
from core.project import SUFFIX, Project
from desktop.settings import user_data_dir


def pair_project_path(batch: batching.Batch, local: int) -> Path:
    """Where the review of one pair is kept: one project per national file × local file."""
    national, path = Path(batch.national.path).resolve(), Path(batch.locals[local].path).resolve()
    digest = hashlib.sha256(f"{national}\n{path}".encode()).hexdigest()[:12]
    return user_data_dir() / "批量对照" / f"{session.name_stem(path.name)}-{digest}{SUFFIX}"


def with_pair_reviews(batch: batching.Batch, columns=None) -> tuple[batching.Batch, tuple[str, ...]]:
    """The batch with the pairs reviewed in their projects showing their verdicts after review
    (``core.batch.with_pair_reviews``), for every column or only ``columns``; with a note per
    project that could not be used."""
    chosen = range(len(batch.locals)) if columns is None else columns
    return batching.with_pair_reviews(batch, {index: pair_project_path(batch, index) for index in chosen
                                              if batch.locals[index].ok})


def carry_pair_review(old: Path, new: Path, path: str, cancel=None) -> str:
    """Give a new version of a local text the review of its previous version.

    The previous pair's project is copied to the new pair's place and the new version imported
    into the copy (decisions carried over as 导入新版地方文件 does); the previous project stays
    as it was, for the previous version. Returns a note for the status bar.
    """
    with Project.open(old, read_only=True) as previous:  # only copied: it may be open elsewhere
        previous.save_copy(new)
    with Project.open(new) as project:
        report = session.reimport(project=project, provincial=path, cancel=cancel)
    note = f"原审核意见沿用 {len(report.carried)} 条"
    if report.orphaned:
        note += f"，{len(report.orphaned)} 条不再适用"
    return note


def backup_path(path: Path) -> Path:
    """Where a pair's review is kept when a received one takes its place: beside it, dated."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-替换前-{stamp}{SUFFIX}")
    count = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-替换前-{stamp}-{count}{SUFFIX}")
        count += 1
    return candidate


def reviewed_here(path: Path) -> bool:
    """Whether a pair's project holds decisions (one only opened from the matrix holds none)."""
    if not path.exists():
        return False
    try:
        with Project.open(path, read_only=True) as project:
            return bool(project.decisions())
    except Exception:  # noqa: BLE001 - unreadable: treated as holding a review, so it is kept
        return True


def adopt_review(batch: batching.Batch, local: int, source: Path) -> Path | None:
    """Make a review project received from a province (matched to column ``local`` by
    ``core.batch.review_projects``) that pair's review: copied to the pair's place, so that the
    matrix shows it and its cell opens it. A review already kept there is first moved aside
    (``backup_path``), never lost; returns where, or None when there was none.

    Raises:
        ProjectFileError: the pair's project cannot be written (open in the main window, a
            folder that cannot be written).
    """
    target = pair_project_path(batch, local)
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = None
    if reviewed_here(target):  # a project holding no decision is replaced without a copy
        kept = backup_path(target)
        with Project.open(target, read_only=True) as previous:
            previous.save_copy(kept)
    try:
        with Project.open(source, read_only=True) as received:
            received.save_copy(target)
    except BaseException:
        if kept is not None:
            kept.unlink(missing_ok=True)  # the review it copies is still in its place
        raise
    return kept
