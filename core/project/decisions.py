"""The decision store: one live decision per item, an audit trail, undo and redo."""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.carry_over import decision_texts
from core.codec import decision_to_record
from core.model import ReviewDecision
from core.project.connection import _Connected
from core.project.rows import _audit_row, _decision, _decision_columns, _json, _now


@dataclass(frozen=True)
class OrphanedDecision:
    """A decision that no longer applies, kept in the project for the reviewer to see.

    Attributes:
        decision: the decision as it was made (its item ids are those of ``comparison``).
        reason: why it no longer applies, in Chinese.
        comparison: id of the comparison it was made on; ``Project.history(item, comparison)``
            gives its trail.
        set_aside_on: id of the comparison (the re-import) on which it stopped applying.
    """

    decision: ReviewDecision
    reason: str
    comparison: int
    set_aside_on: int


class _DecisionStore(_Connected):
    """Decisions on the items of the current comparison, recorded, undone, redone and traced."""

    def decisions(self) -> list[ReviewDecision]:
        """The current decision on each item of the current comparison, in the order made."""
        rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND orphaned = 0 "
                           "ORDER BY seq", [self._comparison_id])
        return [_decision(row) for row in rows]

    def rechecks(self) -> dict[str, str]:
        """Items whose live decision a re-import put in question (需复核), with the reason.

        A decision is to be checked again when the text it was made on changed in the new
        draft; the mark goes when the reviewer decides on the item again.
        """
        rows = self._query("SELECT item, orphan_reason FROM decisions WHERE comparison = ? "
                           "AND orphaned = 0 AND orphan_reason IS NOT NULL "
                           "AND orphan_reason != ''", [self._comparison_id])
        return {row["item"]: row["orphan_reason"] for row in rows}

    def decision(self, item: str) -> ReviewDecision | None:
        """The current decision on one item of the current comparison, None when it has none."""
        row = self._live_row(item)
        return _decision(row) if row is not None else None

    def recheck(self, item: str) -> str:
        """Why the item's decision is to be checked again (需复核, see ``rechecks``), or ""."""
        row = self._live_row(item)
        return (row["orphan_reason"] or "") if row is not None else ""

    def orphans(self) -> list[OrphanedDecision]:
        """Decisions set aside because they no longer applied after a re-import, oldest first."""
        rows = self._query("SELECT d.*, c.previous AS made_on FROM decisions d "
                           "JOIN comparisons c ON c.id = d.comparison "
                           "WHERE d.orphaned = 1 ORDER BY d.id")
        return [OrphanedDecision(_decision(row), row["orphan_reason"] or "", row["made_on"],
                                 row["comparison"]) for row in rows]

    def record(self, decision: ReviewDecision) -> None:
        """Save a decision on an item of the current comparison; committed before returning.

        An empty ``decided_at`` is filled in with the current time.

        Raises:
            ValueError: the item or its chosen match is not in the current comparison.
            ProjectReadOnlyError: the project was opened read-only.
            ProjectSaveError: the decision could not be written (disk full, drive gone …); the
                project is as it was before the call.
        """
        self.record_all([decision])

    def record_all(self, decisions: list[ReviewDecision]) -> None:
        """Save several decisions (on different items) in one transaction: all of them, or
        none when one cannot be written. Each is undone on its own by ``undo``, newest first.

        Raises: as ``record``; the project is as it was before the call when any is raised.
        """
        if not decisions:
            return
        decisions = [decision if decision.decided_at else replace(decision, decided_at=_now())
                     for decision in decisions]
        with self._lock:  # checked and written against one and the same current comparison
            texts = [self._texts(decision) for decision in decisions]  # ValueError before writing
            steps = []
            with self._writing("审核决定未能保存"), self._db.atomic():
                for decision, (national_text, provincial_text) in zip(decisions, texts):
                    before = self._live_row(decision.item)
                    after = {**_decision_columns(decision), "comparison": self._comparison_id,
                             "national_text": national_text, "provincial_text": provincial_text,
                             "seq": self._next_seq(), "orphaned": 0, "orphan_reason": None}
                    self._write_live(decision.item, after)
                    self._audit(decision.item, "decide", before, after, decision.reviewer)
                    steps.append((before, after))
            self._undo.extend(steps)
            if steps:
                self._redo.clear()

    def undo(self, *, reviewer: str = "") -> ReviewDecision | None:
        """Take back the last ``record`` (committed at once).

        Returns:
            The decision that was taken back, or None when there is nothing to undo.
        """
        with self._lock:
            if not self._undo:
                return None
            before, after = self._undo[-1]
            item = after["item"]
            with self._writing("撤销未能保存"), self._db.atomic():
                self._write_live(item, before)
                self._audit(item, "undo", after, before, reviewer or after["reviewer"] or "")
            self._undo.pop()
            self._redo.append((before, after))
            return _decision(after)

    def redo(self, *, reviewer: str = "") -> ReviewDecision | None:
        """Make the last undone ``record`` again (committed at once).

        Returns:
            The decision made again, or None when there is nothing to redo.
        """
        with self._lock:
            if not self._redo:
                return None
            before, after = self._redo[-1]
            item = after["item"]
            with self._writing("重做未能保存"), self._db.atomic():
                self._write_live(item, after)
                self._audit(item, "redo", before, after, reviewer or after["reviewer"] or "")
            self._redo.pop()
            self._undo.append((before, after))
            return _decision(after)

    @property
    def can_undo(self) -> bool:
        """There is a ``record`` to take back."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """There is an undone ``record`` to make again."""
        return bool(self._redo)

    def history(self, item: str, comparison: int | None = None) -> list[dict]:
        """Every change to an item, oldest first, following it back through earlier versions.

        Args:
            item: the item id ("N2.1-3", "P5.4-1") as numbered in ``comparison``.
            comparison: the comparison whose numbering ``item`` uses; the current one when None
                (an orphaned decision names the comparison it was made on).

        Returns:
            Audit rows: id, comparison, item, action (decide/undo/redo/carry-over/orphan),
            before and after (decision dicts or None), who, at. A carry-over row is on the new
            comparison under the new item id; an orphan row on the comparison the decision
            was made on, under its item id there.
        """
        chain: list[dict] = []
        if comparison is None:
            comparison = self._comparison_id
        seen: set[tuple[int, str]] = set()
        while comparison is not None and item and (comparison, item) not in seen:
            seen.add((comparison, item))
            rows = [_audit_row(row) for row in self._query(
                "SELECT * FROM audit WHERE comparison = ? AND item = ? ORDER BY id",
                [comparison, item])]
            chain = rows + chain
            carried = next((r for r in rows if r["action"] == "carry-over" and r["before"]),
                           None)
            previous = self._query_one("SELECT previous FROM comparisons WHERE id = ?",
                                       [comparison])
            if carried is None or previous is None:
                break
            comparison, item = previous[0], carried["before"]["item"]
        return chain

    def _live_row(self, item: str) -> dict | None:
        rows = self._query("SELECT * FROM decisions WHERE comparison = ? AND item = ? "
                           "AND orphaned = 0", [self._comparison_id, item])
        if not rows:
            return None
        row = rows[0]
        del row["id"]
        return row

    def _write_live(self, item: str, row: dict | None) -> None:
        """Make ``row`` the live decision on ``item`` (None: no decision). Inside a transaction."""
        self._db.execute("DELETE FROM decisions WHERE comparison = ? AND item = ? AND orphaned = 0",
                         [self._comparison_id, item])
        if row is not None:
            self._db.table("decisions").insert(row)

    def _audit(self, item: str, action: str, before: dict | None, after: dict | None,
               who: str) -> None:
        self._db.table("audit").insert({
            "comparison": self._comparison_id, "item": item, "action": action,
            "before": _json(decision_to_record(_decision(before))) if before else None,
            "after": _json(decision_to_record(_decision(after))) if after else None,
            "who": who, "at": _now()})

    def _texts(self, decision: ReviewDecision) -> tuple[str, str]:
        """The national and provincial clause texts a decision refers to (kept for re-matching)."""
        return decision_texts(self._comparison, decision)
