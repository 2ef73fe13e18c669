"""Storing a new provincial draft: its comparison, and the decisions carried over to it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from core.carry_over import CarriedDecision, StoredDecision, carry_over
from core.codec import decision_to_record
from core.model import Comparison, ReviewDecision
from core.project.connection import _Connected
from core.project.rows import _comparison_row, _decision, _document_row, _json, _now


@dataclass
class ReimportReport:
    """What happened to the reviewer's decisions when a new provincial draft was imported.

    Attributes:
        comparison: the new current comparison.
        provincial_version: version number of the imported provincial document.
        carried: decisions that still apply, re-pointed to the new version.
        orphaned: decisions that no longer apply (kept in the project, flagged).
        reasons: why each orphaned decision no longer applies, by its item id, in Chinese.
    """

    comparison: Comparison
    provincial_version: int
    carried: list[CarriedDecision] = field(default_factory=list)
    orphaned: list[ReviewDecision] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def match_dropped(self) -> list[CarriedDecision]:
        """Carried decisions whose chosen provincial match had to be removed."""
        return [c for c in self.carried if c.match_dropped]

    @property
    def rechecks(self) -> list[CarriedDecision]:
        """Carried decisions whose ground changed: kept, marked 需复核, not applied as verdicts."""
        return [c for c in self.carried if c.recheck]

    def reason(self, decision: ReviewDecision) -> str:
        """The Chinese reason an orphaned decision no longer applies."""
        return self.reasons[decision.item]


class _Reimport(_Connected):
    """A new version of the provincial draft (compared by the caller) stored, decisions carried over."""

    def add_provincial_version(self, path: str | os.PathLike, comparison: Comparison, *,
                               reviewer: str = "") -> ReimportReport:
        """Store a new version of the provincial draft, compared, and carry the decisions over.

        ``comparison`` compares the stored national outline with the draft at ``path``; the
        store never compares (``core.session.reimport`` compares, with the stored engine
        parameters, then calls this). What becomes of each decision is the pure function
        ``core.carry_over.carry_over``: carried (re-pointed, some marked 需复核), or kept in the
        project flagged as orphaned with a reason. Everything is written in one transaction; the
        undo and redo stacks start afresh.

        Raises:
            DocumentReadError: the draft's file cannot be read to be stored.
            ProjectReadOnlyError: the project was opened read-only.
        """
        self._check_can_write()
        provincial = comparison.provincial
        with self._lock:
            version = (self._query_value(
                "SELECT MAX(version) FROM documents WHERE role = 'provincial'") or 0) + 1
            document = _document_row("provincial", path, provincial, version)
            national_document = self._query_value(
                "SELECT national_document FROM comparisons WHERE id = ?", [self._comparison_id])
            rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND orphaned = 0 "
                               "ORDER BY seq", [self._comparison_id])
            outcome = carry_over([StoredDecision(_decision(row), row["national_text"] or "",
                                                 row["provincial_text"] or "",
                                                 row["orphan_reason"] or "") for row in rows],
                                 comparison)
            report = ReimportReport(
                comparison=comparison, provincial_version=version, carried=outcome.carried,
                orphaned=[o.decision for o in outcome.orphaned],
                reasons={o.decision.item: o.reason for o in outcome.orphaned})
            plan = []
            for position, result in outcome.steps:
                old_row = rows[position]
                new_row = {k: v for k, v in old_row.items() if k != "id"}
                if isinstance(result, CarriedDecision):
                    new_row.update(item=result.after.item, match=result.after.match,
                                   provincial_text=result.provincial_text,
                                   orphan_reason=result.recheck or None)
                    plan.append((old_row, new_row, "carry-over"))
                else:
                    new_row.update(orphaned=1, orphan_reason=result.reason)
                    plan.append((old_row, new_row, "orphan"))
            with self._db.atomic():
                provincial_id = self._db.table("documents").insert(document).last_pk
                self._db.execute("UPDATE comparisons SET current = 0 WHERE current = 1")
                new_id = self._db.table("comparisons").insert(_comparison_row(
                    comparison, national_document, provincial_id, self._comparison_id)).last_pk
                for old_row, new_row, action in plan:
                    new_row.update(comparison=new_id)
                    self._db.table("decisions").insert(new_row)
                    # An orphan keeps the numbering of the comparison it was made on.
                    self._db.table("audit").insert({
                        "comparison": new_id if action == "carry-over" else self._comparison_id,
                        "item": new_row["item"], "action": action,
                        "before": _json(decision_to_record(_decision(old_row))),
                        "after": (_json(decision_to_record(_decision(new_row)))
                                  if action == "carry-over" else None),
                        "who": reviewer, "at": _now()})
            self._comparison = comparison
            self._undo.clear()
            self._redo.clear()
            self._load_current()
            return report
