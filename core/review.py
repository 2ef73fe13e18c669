"""Stage 6: reviewer decisions laid over a comparison, giving what each item finally says.

The comparison itself is never changed; views and exports read the reviewed items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.model import Clause, ClauseFinding, Comparison, Match, ReviewDecision, Status


@dataclass(frozen=True)
class ReviewedClause:
    """A national clause's finding with the reviewer's decision applied.

    Attributes:
        finding: the engine's finding, unchanged.
        status: the status after review.
        match: the provincial clause shown as its counterpart (the reviewer's choice first).
        not_applicable: marked 不适用.
        note: the reviewer's opinion, "" when none.
        decision: the decision applied, or None.
    """

    finding: ClauseFinding
    status: Status
    match: Match | None
    not_applicable: bool
    note: str
    decision: ReviewDecision | None

    @property
    def item(self) -> str:
        """The item id, "N…"."""
        return f"N{self.finding.clause.id}"

    @property
    def overridden(self) -> bool:
        """The reviewer changed the engine's status or match."""
        return self.status is not self.finding.status or (
            self.match is not None and bool(self.finding.matches)
            and self.match.clause.id != self.finding.matches[0].clause.id)


@dataclass(frozen=True)
class ReviewedAddition:
    """A provincial addition with the reviewer's decision applied."""

    clause: Clause
    not_applicable: bool
    note: str
    decision: ReviewDecision | None

    @property
    def item(self) -> str:
        """The item id, "P…"."""
        return f"P{self.clause.id}"


def _provincial_clause(comparison: Comparison, item: str) -> Clause | None:
    clause_id = item[1:] if item.startswith("P") else item
    for clause in comparison.provincial.clauses():
        if clause.id == clause_id:
            return clause
    return None


def review(comparison: Comparison, decisions: Iterable[ReviewDecision]
           ) -> tuple[tuple[ReviewedClause, ...], tuple[ReviewedAddition, ...]]:
    """Apply decisions (the latest per item wins) to every national clause and addition.

    Args:
        comparison: the engine's result.
        decisions: reviewer decisions in the order they were made.

    Returns:
        The reviewed national clauses in document order, then the reviewed additions.
    """
    latest: dict[str, ReviewDecision] = {}
    for decision in decisions:
        latest[decision.item] = decision
    clauses = []
    for finding in comparison.clauses:
        decision = latest.get(f"N{finding.clause.id}")
        status = finding.status
        match = finding.matches[0] if finding.matches else None
        if decision is not None:
            status = decision.status or status
            if decision.match:
                chosen = next((m for m in finding.matches if f"P{m.clause.id}" == decision.match), None)
                if chosen is None:
                    clause = _provincial_clause(comparison, decision.match)
                    chosen = Match(clause, 0.0) if clause is not None else None
                match = chosen or match
        clauses.append(ReviewedClause(
            finding=finding, status=status, match=match,
            not_applicable=bool(decision and decision.not_applicable),
            note=decision.note if decision else "", decision=decision))
    additions = []
    for clause in comparison.additions:
        decision = latest.get(f"P{clause.id}")
        additions.append(ReviewedAddition(clause, bool(decision and decision.not_applicable),
                                          decision.note if decision else "", decision))
    return tuple(clauses), tuple(additions)
