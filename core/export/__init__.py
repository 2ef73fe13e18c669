"""Exports of a comparison: the Word checklist and gap report, Excel, and the JSON contract."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from core.errors import ExportError
from core.export.excel import export_excel
from core.export.word import REPORTS, export_word
from core.files import write_text_atomically
from core.model import Comparison, ReviewDecision
from core.serialize import comparison_to_dict

__all__ = ["FORMATS", "REPORTS", "export", "export_excel", "export_json", "export_word"]

FORMATS = (".docx", ".xlsx", ".json")
"""File suffixes ``export`` writes."""


def export_json(comparison: Comparison, path: str | os.PathLike) -> Path:
    """Write the JSON contract (schema duizhao.compare/2) atomically.

    The JSON is the engine's result; reviewer decisions are not part of the contract.
    """
    text = json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    return write_text_atomically(path, text)


def export(comparison: Comparison, path: str | os.PathLike, *, report: str = "checklist",
           decisions: Iterable[ReviewDecision] = ()) -> Path:
    """Write a comparison in the format the file's suffix names (.docx, .xlsx or .json).

    Args:
        comparison: the engine's result.
        path: the target file.
        report: for .docx, "checklist" (起草对照清单) or "gaps" (差距分析报告).
        decisions: reviewer decisions applied to the Word and Excel output.

    Returns:
        The path written.

    Raises:
        ExportError: the suffix is not supported, or the file cannot be written.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return export_word(comparison, path, report=report, decisions=decisions)
    if suffix == ".xlsx":
        return export_excel(comparison, path, decisions=decisions)
    if suffix == ".json":
        return export_json(comparison, path)
    raise ExportError(f"不支持的导出格式：{suffix or '（无扩展名）'}，请使用 .docx、.xlsx 或 .json 文件。",
                      path=str(path))
