"""What becomes of review decisions when a new provincial draft is compared: a pure function on values.

A decision is kept with the texts it was made on (the national clause, and the provincial text
shown beside it). On the new comparison it is carried over (re-pointed to the same or a
near-identical text), carried but marked 需复核 (the provincial text it rested on changed), or
orphaned with a reason. ``core.project`` stores the outcome; nothing here touches a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from core.model import (Clause, Comparison, ItemId, ReviewDecision, is_provincial_item,
                        parse_item_id, provincial_id)

NEAR_IDENTICAL = 95.0  # rapidfuzz ratio at or above which a rewritten sentence is the same clause
EDITED = 70.0  # ratio at or above which a changed counterpart reads as the same sentence edited

RECHECK_GONE = "原对应表述在新稿中已删除或大幅改写，原审核结论需复核。"
RECHECK_EDITED = "对应表述在新稿中有改动，请核对原审核结论。"
RECHECK_OTHER = "新稿中与本条对应的表述已不是原来那一句，请核对原审核结论。"
RECHECK_NEW = "原先没有对应表述，新稿中出现了对应表述，请核对原审核结论。"


@dataclass(frozen=True)
class StoredDecision:
    """A live decision with the texts it was made on.

    Attributes:
        decision: the decision (item ids of the comparison it was made on).
        national_text: the national clause's text ("" for an addition, "P…").
        provincial_text: the chosen match's text, else the engine's counterpart shown beside
            the clause, else the addition's text ("" when there was none).
        recheck: a 需复核 reason still pending from an earlier re-import, "" when none.
    """

    decision: ReviewDecision
    national_text: str
    provincial_text: str
    recheck: str = ""


@dataclass(frozen=True)
class CarriedDecision:
    """A decision carried over to a new provincial version.

    Attributes:
        before: the decision as it was on the previous version.
        after: the same decision on the new version (item and match re-pointed).
        note: what changed, in Chinese ("" when it applies unchanged).
        match_dropped: the chosen provincial match is gone from the new version and was removed.
        recheck: why the decision must be checked again (需复核): the provincial text it was
            made on changed or is gone; "" when it applies as it stands.
        provincial_text: the provincial text the decision now rests on in the new version.
    """

    before: ReviewDecision
    after: ReviewDecision
    note: str = ""
    match_dropped: bool = False
    recheck: str = ""
    provincial_text: str = ""


@dataclass(frozen=True)
class Orphan:
    """A decision that no longer applies to the new version.

    Attributes:
        decision: the decision as it was made.
        reason: why it no longer applies, in Chinese.
    """

    decision: ReviewDecision
    reason: str


@dataclass(frozen=True)
class CarryOver:
    """The outcome for each decision, in the order they were settled.

    Attributes:
        steps: (position of the decision in the input, its outcome).
    """

    steps: tuple[tuple[int, CarriedDecision | Orphan], ...]

    @property
    def carried(self) -> list[CarriedDecision]:
        """Decisions that still apply (some marked 需复核)."""
        return [o for _, o in self.steps if isinstance(o, CarriedDecision)]

    @property
    def rechecks(self) -> list[CarriedDecision]:
        """Carried decisions whose ground changed: kept, not applied as verdicts."""
        return [c for c in self.carried if c.recheck]

    @property
    def orphaned(self) -> list[Orphan]:
        """Decisions that no longer apply."""
        return [o for _, o in self.steps if isinstance(o, Orphan)]


def find_clause(clauses: Sequence[Clause], clause_id: str) -> Clause | None:
    """The clause with this id, None when there is none."""
    return next((c for c in clauses if c.id == clause_id), None)


def decision_texts(comparison: Comparison, decision: ReviewDecision) -> tuple[str, str]:
    """The national and provincial texts a decision on ``comparison`` rests on.

    Raises:
        ValueError: the item or its chosen match is not in the comparison.
    """
    provincial = ""
    if decision.match:
        match = _parsed(decision.match)
        clause = (find_clause(comparison.provincial.clauses(), match.clause)
                  if match is not None and match.provincial else None)
        if clause is None:
            raise ValueError(f"match {decision.match!r} is not a provincial clause")
        provincial = clause.text
    item = _parsed(decision.item)
    if item is not None and item.national:
        finding = next((f for f in comparison.clauses if f.clause.id == item.clause), None)
        if finding is None:
            raise ValueError(f"item {decision.item!r} is not a national clause")
        if not decision.match and finding.matches:
            # The text the reviewer saw beside the clause: a re-import tells by it whether
            # the decision's ground changed.
            provincial = finding.matches[0].clause.text
        return finding.clause.text, provincial
    if item is not None and item.provincial:
        addition = find_clause(comparison.additions, item.clause)
        if addition is None:
            raise ValueError(f"item {decision.item!r} is not a provincial addition")
        return "", addition.text
    raise ValueError(f"item {decision.item!r} is neither N… nor P…")


def stored(comparison: Comparison, decision: ReviewDecision, recheck: str = "") -> StoredDecision:
    """A decision made on ``comparison``, with the texts it rests on there."""
    national_text, provincial_text = decision_texts(comparison, decision)
    return StoredDecision(decision, national_text, provincial_text, recheck)


def _same_text(text: str, candidates: Sequence[Clause], prefer_id: str,
               taken: AbstractSet[str] = frozenset()) -> Clause | None:
    """The candidate with this text (the one keeping ``prefer_id`` first), else the most similar
    one at or above NEAR_IDENTICAL; clauses whose ids are in ``taken`` are passed over."""
    if not text:
        return None
    free = [c for c in candidates if c.id not in taken]
    exact = [c for c in free if c.text == text]
    if exact:
        return next((c for c in exact if c.id == prefer_id), exact[0])
    best, best_score = None, 0.0
    for clause in free:
        similarity = fuzz.ratio(text, clause.text)
        if similarity >= NEAR_IDENTICAL and similarity > best_score:
            best, best_score = clause, similarity
    return best


def _parsed(item: str) -> ItemId | None:
    """The item id taken apart (core.model.parse_item_id), None when it is not one."""
    try:
        return parse_item_id(item)
    except ValueError:
        return None


def _judged_on_text(decision: ReviewDecision) -> bool:
    """A decision whose verdict rests on the provincial text: a status, a confirmation or a note.

    不适用 alone says the national clause does not apply to the province, whatever its draft says.
    """
    return decision.status is not None or bool(decision.note) or not decision.not_applicable


def carry_over(decisions: Sequence[StoredDecision], comparison: Comparison) -> CarryOver:
    """Settle what each live decision becomes on the new comparison.

    A decision on a national item keeps applying while that clause (same id and text) exists;
    its chosen provincial match is re-pointed to the clause with the same or a near-identical
    text (rapidfuzz ratio ≥ NEAR_IDENTICAL), or dropped. A decision on an addition moves to the
    addition with the same or near-identical text. A carried decision whose provincial text
    changed (its chosen match rewritten or gone, or, without a chosen match, the engine's
    counterpart now another or an edited text) is marked 需复核 with the reason; a pending
    re-check stays until the reviewer decides again. Every other decision is orphaned.

    Args:
        decisions: the live decisions in the order they were made.
        comparison: the new comparison.
    """
    shown = {f.clause.id: (f.matches[0].clause.text if f.matches else "")
             for f in comparison.clauses}
    national = {f.clause.id: f.clause for f in comparison.clauses}
    provincial_clauses = comparison.provincial.clauses()
    additions = comparison.additions
    taken: set[str] = set()
    steps: list[tuple[int, CarriedDecision | Orphan]] = []

    def orphan(position: int, reason: str) -> None:
        steps.append((position, Orphan(decisions[position].decision, reason)))

    def carry(position: int, item: str, match: str, provincial_text: str, note: str,
              dropped: bool, recheck: str = "") -> None:
        before = decisions[position]
        after = replace(before.decision, item=item, match=match)
        steps.append((position, CarriedDecision(before.decision, after, note, dropped,
                                                recheck or before.recheck, provincial_text)))

    # Exact texts are placed before near-identical ones, so a rewrite cannot take the place of
    # a clause that kept its wording.
    def placed_later(position: int) -> bool:
        entry = decisions[position]
        return is_provincial_item(entry.decision.item) and not any(
            c.text == entry.provincial_text for c in additions)

    for position in sorted(range(len(decisions)), key=lambda p: (placed_later(p), p)):
        entry = decisions[position]
        decision, item, old_text = entry.decision, entry.decision.item, entry.provincial_text
        parsed = _parsed(item)
        if parsed is not None and parsed.national:
            clause = national.get(parsed.clause)
            if clause is None or clause.text != entry.national_text:
                orphan(position, "国家文件中已找不到该条款（编号或文字已改变），此审核决定不再适用。")
                continue
            if not decision.match:
                now = shown[clause.id]
                recheck = ""
                if now != old_text and _judged_on_text(decision):
                    if not now:
                        recheck = RECHECK_GONE
                    elif not old_text:
                        recheck = RECHECK_NEW
                    elif fuzz.ratio(now, old_text) >= EDITED:
                        recheck = RECHECK_EDITED
                    else:
                        recheck = RECHECK_OTHER
                carry(position, item, "", now, "", False, recheck)
                continue
            match = _parsed(decision.match)
            target = _same_text(old_text, provincial_clauses, match.clause if match else "")
            if target is not None:
                new_match = provincial_id(target.id)
                note = "" if new_match == decision.match else (
                    f"所选对应条款在新稿中的编号由{decision.match}变为{new_match}。")
                edited = target.text != old_text and _judged_on_text(decision)
                carry(position, item, new_match, target.text, note, False,
                      RECHECK_EDITED if edited else "")
            elif decision.status is None and not decision.not_applicable and not decision.note:
                # Only the chosen match made this decision; without it nothing of it is left.
                orphan(position, f"所选对应条款{decision.match}在新稿中已删除或大幅改写，"
                                 "此审核决定不再适用。")
            else:
                carry(position, item, "", "",
                      f"所选对应条款{decision.match}在新稿中已删除或大幅改写，已取消所选对应，"
                      "审核结论和意见保留待复核。", True,
                      f"所选对应表述{decision.match}在新稿中已删除或大幅改写，原审核结论需复核。"
                      if _judged_on_text(decision) else "")
        elif parsed is not None and parsed.provincial:
            target = _same_text(old_text, additions, parsed.clause, taken)
            if target is not None:
                taken.add(target.id)
                new_item = provincial_id(target.id)
                note = "" if new_item == item else f"条款编号由{item}变为{new_item}。"
                edited = target.text != old_text and bool(decision.note)
                carry(position, new_item, decision.match or "", target.text, note, False,
                      RECHECK_EDITED if edited else "")
            elif _same_text(old_text, provincial_clauses, parsed.clause):
                orphan(position, "该条款在新稿中已与国家文件条款对应，不再列为本省新增，此审核决定不再适用。")
            else:
                orphan(position, "该本省新增条款在新稿中已删除或大幅改写，此审核决定不再适用。")
        else:
            orphan(position, "无法识别的条款编号，此审核决定不再适用。")
    return CarryOver(tuple(steps))
