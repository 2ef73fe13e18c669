"""Exports of a comparison: the Word checklist and gap report, Excel, and the JSON contract."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ExportError
from core.files import refuse_input_as_output, write_text_atomically
from core.model import Comparison, ReviewDecision, provincial_id
from core.review import chosen_counterparts, review, review_articles
from core.serialize import comparison_to_dict

if TYPE_CHECKING:
    from core.export.excel import export_excel
    from core.export.word import REPORTS, export_word

__all__ = ["FORMATS", "REPORTS", "export", "export_excel", "export_json", "export_word",
           "review_to_dict"]

# The Word and Excel writers (python-docx, openpyxl: ~100 ms of imports) load when first used:
# a JSON export, the CLI's compare and the app's start need neither.
_LAZY = {"export_word": "core.export.word", "REPORTS": "core.export.word",
         "export_excel": "core.export.excel"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

FORMATS = (".docx", ".xlsx", ".json")
"""File suffixes ``export`` writes."""


def review_to_dict(comparison: Comparison, decisions: Iterable[ReviewDecision],
                   rechecks: Mapping[str, str] | None = None) -> dict:
    """The ``review`` object of an exported project: every item as it reads after review.

    Each entry has the item id and the row number (``row``) that the Word and Excel reports
    and the app show, the status after review beside the engine's, the shown match and its
    score, and the decision (who, when, note; ``recheck`` when a re-import put it in question).
    Two statutes compared article by article add ``articles``: each national article's verdict
    after review (``core.review.review_articles``; "not_applicable" when every sentence of it
    is) beside the engine's, and whether a reviewer's change to its sentences decided it.
    """
    clauses, additions = review(comparison, tuple(decisions), rechecks)
    items = []
    for item in clauses:
        decision = item.decision
        items.append({
            "id": item.item, "row": item.number, "status": item.status.value,
            "engine_status": item.finding.status.value, "not_applicable": item.not_applicable,
            "match": provincial_id(item.match.clause.id) if item.match is not None else None,
            "score": None if item.shown_score is None else round(item.shown_score, 1),
            "gaps": [{"kind": g.kind, "national": g.national, "provincial": g.provincial}
                     for g in item.gaps],
            "reason": {"code": item.finding.reason.code, "text": item.finding.reason.text},
            "reviewed": decision is not None, "recheck": item.recheck, "note": item.note,
            "reviewer": decision.reviewer if decision else "",
            "decided_at": decision.decided_at if decision else ""})
    # As the reports: an addition a reviewer chose as a row's counterpart names those rows.
    taken = chosen_counterparts(clauses, additions)[1]
    for addition in additions:
        decision = addition.decision
        items.append({
            "id": addition.item, "row": addition.number, "status": "addition",
            "engine_status": "addition", "not_applicable": addition.not_applicable,
            "counterpart_of": list(taken.get(addition.item, ())),
            "reviewed": decision is not None, "recheck": addition.recheck,
            "note": addition.note, "reviewer": decision.reviewer if decision else "",
            "decided_at": decision.decided_at if decision else ""})
    result = {"decisions": sum(1 for entry in items if entry["reviewed"]), "items": items}
    articles = review_articles(comparison, clauses)
    if articles:
        result["articles"] = [
            {"national": article.national,
             "status": article.status.value if article.status is not None else "not_applicable",
             "engine_status": article.engine_status.value, "reviewed": article.reviewed}
            for article in articles]
    return result


def export_json(comparison: Comparison, path: str | os.PathLike, *,
                decisions: Iterable[ReviewDecision] | None = None,
                rechecks: Mapping[str, str] | None = None) -> Path:
    """Write the JSON contract (schema duizhao.compare/2) atomically.

    The contract is the engine's result. With ``decisions`` (an exported project) a ``review``
    object is added beside it (``review_to_dict``); the engine's fields stay as they were.
    """
    refuse_input_as_output(path, (comparison.national.path, comparison.provincial.path))
    data = comparison_to_dict(comparison)
    if decisions is not None:
        data["review"] = review_to_dict(comparison, decisions, rechecks)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_text_atomically(path, text)


def export(comparison: Comparison, path: str | os.PathLike, *, report: str = "checklist",
           decisions: Iterable[ReviewDecision] | None = None,
           rechecks: Mapping[str, str] | None = None, author: str | None = None) -> Path:
    """Write a comparison in the format the file's suffix names (.docx, .xlsx or .json).

    Args:
        comparison: the engine's result.
        path: the target file.
        report: for .docx, "checklist" (起草对照清单) or "gaps" (差距分析报告).
        decisions: reviewer decisions, applied to every format (None: the engine's result
            alone; the JSON then has no ``review`` object).
        rechecks: items whose decision a re-import put in question, with the reason.
        author: the author property of a .docx/.xlsx (default: the latest decision's reviewer).

    Returns:
        The path written.

    Raises:
        ExportError: the suffix is not supported, or the file cannot be written.
    """
    # Never write over one of the documents the result was made from.
    refuse_input_as_output(path, (comparison.national.path, comparison.provincial.path))
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from core.export.word import export_word

        return export_word(comparison, path, report=report, decisions=decisions or (),
                           rechecks=rechecks, author=author)
    if suffix == ".xlsx":
        from core.export.excel import export_excel

        return export_excel(comparison, path, decisions=decisions or (), rechecks=rechecks,
                            author=author)
    if suffix == ".json":
        return export_json(comparison, path, decisions=decisions, rechecks=rechecks)
    raise ExportError(f"不支持的导出格式：{suffix or '（无扩展名）'}，请使用 .docx、.xlsx 或 .json 文件。",
                      path=str(path))
