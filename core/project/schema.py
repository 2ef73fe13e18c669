"""The project file's schema: its tables, the objects it may hold, and the migrations between versions.

Schema (version 1)::

    meta(key PK, value)                        schema_version, application, created_at, created_with
    documents(id PK, role, name, path, sha256, format, content BLOB, version, imported_at,
              outline JSON)                    role national/provincial; each import a new version
    comparisons(id PK, engine, parameters JSON, result JSON (core.codec), created_at,
                national_document, provincial_document, previous, current)
    decisions(id PK, comparison, item, status, not_applicable, match, note, reviewer, decided_at,
              national_text, provincial_text, seq, orphaned, orphan_reason)
              provincial_text: the chosen match's text, else the engine's counterpart's when the
              decision was made; orphan_reason: on an orphaned row why it no longer applies, on
              a live row carried over a re-import why it must be checked again (需复核)
    audit(id PK, comparison, item, action, before JSON, after JSON, who, at)
              action decide/undo/redo/carry-over/orphan
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

APPLICATION_ID = 0x44555A48  # "DUZH": marks a SQLite file as a Duizhao project
SCHEMA_VERSION = 1

_TABLES = ("meta", "documents", "comparisons", "decisions", "audit")
# The schema objects a Duizhao project holds (besides SQLite's own sqlite_* objects).
_INDEXES = frozenset(("decisions_live", "audit_item", "documents_role"))
_COLUMNS = {
    "meta": {"key", "value"},
    "documents": {"id", "role", "name", "path", "sha256", "format", "content", "version",
                  "imported_at", "outline"},
    "comparisons": {"id", "engine", "parameters", "result", "created_at", "national_document",
                    "provincial_document", "previous", "current"},
    "decisions": {"id", "comparison", "item", "status", "not_applicable", "match", "note",
                  "reviewer", "decided_at", "national_text", "provincial_text", "seq", "orphaned",
                  "orphan_reason"},
    "audit": {"id", "comparison", "item", "action", "before", "after", "who", "at"},
}
_ACTIONS = frozenset(("decide", "undo", "redo", "carry-over", "orphan"))


def _create_schema(db: sqlite_utils.Database) -> None:
    """Tables of the current schema version, in an empty database."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("documents").create({
        "id": int, "role": str, "name": str, "path": str, "sha256": str, "format": str,
        "content": bytes, "version": int, "imported_at": str, "outline": str,
    }, pk="id", not_null={"role", "name", "sha256", "content", "version", "imported_at"})
    db.table("comparisons").create({
        "id": int, "engine": str, "parameters": str, "result": str, "created_at": str,
        "national_document": int, "provincial_document": int, "previous": int, "current": int,
    }, pk="id", not_null={"engine", "result", "created_at", "current"},
        foreign_keys=[("national_document", "documents", "id"),
                      ("provincial_document", "documents", "id"),
                      ("previous", "comparisons", "id")])
    db.table("decisions").create({
        "id": int, "comparison": int, "item": str, "status": str, "not_applicable": int,
        "match": str, "note": str, "reviewer": str, "decided_at": str, "national_text": str,
        "provincial_text": str, "seq": int, "orphaned": int, "orphan_reason": str,
    }, pk="id", not_null={"comparison", "item", "not_applicable", "seq", "orphaned"},
        foreign_keys=[("comparison", "comparisons", "id")])
    db.table("audit").create({
        "id": int, "comparison": int, "item": str, "action": str, "before": str, "after": str,
        "who": str, "at": str,
    }, pk="id", not_null={"comparison", "item", "action", "at"},
        foreign_keys=[("comparison", "comparisons", "id")])
    # One live decision per item of a comparison; orphaned rows may share the item id.
    db.execute("CREATE UNIQUE INDEX decisions_live ON decisions(comparison, item) "
               "WHERE orphaned = 0")
    db.execute("CREATE INDEX audit_item ON audit(item, comparison)")
    db.execute("CREATE INDEX documents_role ON documents(role, version)")


def _migrate_v0(db: sqlite_utils.Database) -> None:
    """v0 → v1: the audit trail names its action (v0 only recorded decisions)."""
    db.table("audit").add_column("action", str, not_null_default="decide")


# MIGRATIONS[v] turns a version-v database into version v + 1, inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {0: _migrate_v0}


def _set_version(db: sqlite_utils.Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")
    db.table("meta").upsert({"key": "schema_version", "value": str(version)}, pk="key")
