"""Rows of a project's tables made from values (documents, comparisons, decisions) and read back."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from core.codec import comparison_to_record, decision_from_record, outline_to_record
from core.errors import DocumentReadError
from core.model import Comparison, Outline, ReviewDecision


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _document_row(role: str, source: str | os.PathLike, outline: Outline, version: int) -> dict:
    source = Path(source)
    try:
        content = source.read_bytes()
    except OSError as error:
        raise DocumentReadError("无法读取文件，请确认文件存在且未被占用。",
                                path=str(source)) from error
    return {"role": role, "name": source.name, "path": str(source.resolve()),
            "sha256": hashlib.sha256(content).hexdigest(),
            "format": outline.format or source.suffix.lstrip(".").lower(), "content": content,
            "version": version, "imported_at": _now(),
            "outline": json.dumps(outline_to_record(outline), ensure_ascii=False)}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _comparison_row(comparison: Comparison, national_id: int | None, provincial_id: int | None,
                    previous: int | None) -> dict:
    """A comparisons row; the document ids are sqlite-utils' ``last_pk`` (typed Optional, always set here)."""
    return {"engine": comparison.engine,
            "parameters": _json(dict(comparison.parameters)),
            "result": _json(comparison_to_record(comparison)),
            "created_at": _now(), "national_document": national_id,
            "provincial_document": provincial_id, "previous": previous, "current": 1}


def _decision_columns(decision: ReviewDecision) -> dict:
    return {"item": decision.item,
            "status": decision.status.value if decision.status is not None else None,
            "not_applicable": int(decision.not_applicable), "match": decision.match,
            "note": decision.note, "reviewer": decision.reviewer,
            "decided_at": decision.decided_at}


def _decision(row: dict) -> ReviewDecision:
    return decision_from_record({**row, "not_applicable": bool(row["not_applicable"])})


def _audit_row(row: dict) -> dict:
    return {**row, "before": json.loads(row["before"]) if row["before"] else None,
            "after": json.loads(row["after"]) if row["after"] else None}
