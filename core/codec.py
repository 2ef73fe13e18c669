"""Lossless plain-dict forms of core values, for storing results in a project file.

Unlike ``core.serialize`` (the public JSON contract, which leaves details out), every field of
every value is kept, so ``comparison_from_record(comparison_to_record(c)) == c``. Records hold
only dicts, lists, strings, numbers, booleans and None, so ``json.dumps`` takes them as they are.
A record carries ``"codec": CODEC_VERSION``; a later version of the codec must keep reading
records of the earlier ones.
"""

from __future__ import annotations

from typing import Any

from core.model import (Clause, ClauseFinding, Comparison, Gap, Match, Outline, Reason,
                        ReviewDecision, Section, SectionAlignment, Status)

CODEC_VERSION = 1


class CodecError(ValueError):
    """A record that cannot be turned back into a value (wrong shape or unknown version)."""


def clause_to_record(clause: Clause) -> dict[str, Any]:
    """Every field of a clause."""
    return {"id": clause.id, "section": clause.section, "text": clause.text,
            "paragraph": clause.paragraph, "item": clause.item, "lead_in": clause.lead_in,
            "responsibility": list(clause.responsibility), "deadline": clause.deadline,
            "targets": list(clause.targets), "lead_units": list(clause.lead_units),
            "support_units": list(clause.support_units)}


def clause_from_record(record: dict[str, Any]) -> Clause:
    """The clause a ``clause_to_record`` dict came from."""
    return Clause(id=record["id"], section=record["section"], text=record["text"],
                  paragraph=int(record.get("paragraph", 1)), item=record.get("item", ""),
                  lead_in=record.get("lead_in", ""),
                  responsibility=tuple(record.get("responsibility", ())),
                  deadline=record.get("deadline", ""), targets=tuple(record.get("targets", ())),
                  lead_units=tuple(record.get("lead_units", ())),
                  support_units=tuple(record.get("support_units", ())))


def section_to_record(section: Section) -> dict[str, Any]:
    """Every field of a section, its clauses included."""
    return {"id": section.id, "label": section.label, "title": section.title,
            "level": section.level, "kind": section.kind, "number": section.number,
            "parent": section.parent, "paragraphs": list(section.paragraphs),
            "clauses": [clause_to_record(c) for c in section.clauses]}


def section_from_record(record: dict[str, Any]) -> Section:
    """The section a ``section_to_record`` dict came from."""
    return Section(id=record["id"], label=record["label"], title=record["title"],
                   level=int(record["level"]), kind=record["kind"],
                   number=int(record.get("number", 0)), parent=record.get("parent", ""),
                   paragraphs=tuple(record.get("paragraphs", ())),
                   clauses=tuple(clause_from_record(c) for c in record.get("clauses", ())))


def outline_to_record(outline: Outline) -> dict[str, Any]:
    """Every field of an outline: front matter, all sections with their clauses, tail."""
    return {"path": outline.path, "format": outline.format, "grammar": outline.grammar,
            "title": outline.title, "doc_number": outline.doc_number,
            "addressees": outline.addressees, "front_matter": list(outline.front_matter),
            "sections": [section_to_record(s) for s in outline.sections],
            "tail": list(outline.tail), "warnings": list(outline.warnings)}


def outline_from_record(record: dict[str, Any]) -> Outline:
    """The outline an ``outline_to_record`` dict came from."""
    return Outline(path=record["path"], format=record["format"], grammar=record["grammar"],
                   title=record["title"], doc_number=record.get("doc_number", ""),
                   addressees=record.get("addressees", ""),
                   front_matter=tuple(record.get("front_matter", ())),
                   sections=tuple(section_from_record(s) for s in record.get("sections", ())),
                   tail=tuple(record.get("tail", ())),
                   warnings=tuple(record.get("warnings", ())))


def _gap_to_record(gap: Gap) -> dict[str, Any]:
    return {"kind": gap.kind, "national": gap.national, "provincial": gap.provincial}


def _gap_from_record(record: dict[str, Any]) -> Gap:
    return Gap(kind=record["kind"], national=record["national"],
               provincial=record.get("provincial", ""))


def _match_to_record(match: Match) -> dict[str, Any]:
    return {"clause": clause_to_record(match.clause), "score": match.score}


def _match_from_record(record: dict[str, Any]) -> Match:
    return Match(clause=clause_from_record(record["clause"]), score=float(record["score"]))


def finding_to_record(finding: ClauseFinding) -> dict[str, Any]:
    """A national clause's finding with its matches and gaps."""
    return {"clause": clause_to_record(finding.clause), "status": finding.status.value,
            "score": finding.score, "matches": [_match_to_record(m) for m in finding.matches],
            "gaps": [_gap_to_record(g) for g in finding.gaps],
            "alternatives": [_match_to_record(m) for m in finding.alternatives],
            "reason": {"code": finding.reason.code, "text": finding.reason.text}}


def finding_from_record(record: dict[str, Any]) -> ClauseFinding:
    """The finding a ``finding_to_record`` dict came from."""
    return ClauseFinding(clause=clause_from_record(record["clause"]),
                         status=Status(record["status"]), score=float(record["score"]),
                         matches=tuple(_match_from_record(m) for m in record.get("matches", ())),
                         gaps=tuple(_gap_from_record(g) for g in record.get("gaps", ())),
                         alternatives=tuple(_match_from_record(m)
                                            for m in record.get("alternatives", ())),
                         reason=Reason(**record.get("reason", {"code": "", "text": ""})))


def _alignment_to_record(alignment: SectionAlignment) -> dict[str, Any]:
    return {"national": alignment.national, "provincial": list(alignment.provincial),
            "score": alignment.score, "status": alignment.status.value,
            "reason": {"code": alignment.reason.code, "text": alignment.reason.text},
            "nearest": alignment.nearest, "runners_up": list(alignment.runners_up),
            "near_scores": list(alignment.near_scores)}


def _alignment_from_record(record: dict[str, Any]) -> SectionAlignment:
    # (A comparison stored before ``nearest``, ``runners_up`` or ``near_scores`` was kept
    # has none.)
    return SectionAlignment(national=record["national"], provincial=tuple(record["provincial"]),
                            score=float(record["score"]), status=Status(record["status"]),
                            reason=Reason(**record.get("reason", {"code": "", "text": ""})),
                            nearest=record.get("nearest"),
                            runners_up=tuple(record.get("runners_up", ())),
                            near_scores=tuple(map(float, record.get("near_scores", ()))))


def comparison_to_record(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as a JSON-able dict: both outlines, findings, additions, engine.

    Args:
        comparison: the engine's result.

    Returns:
        A dict of plain values with ``"codec": CODEC_VERSION``.
    """
    return {
        "codec": CODEC_VERSION,
        "engine": comparison.engine,
        "parameters": [[name, value] for name, value in comparison.parameters],
        "warnings": list(comparison.warnings),
        "national": outline_to_record(comparison.national),
        "provincial": outline_to_record(comparison.provincial),
        "sections": [_alignment_to_record(s) for s in comparison.sections],
        "clauses": [finding_to_record(f) for f in comparison.clauses],
        "additions": [clause_to_record(c) for c in comparison.additions],
    }


def comparison_from_record(record: dict[str, Any]) -> Comparison:
    """The comparison a ``comparison_to_record`` dict came from, equal to it field by field.

    Raises:
        CodecError: the record is of a newer codec version or not a comparison record.
    """
    version = record.get("codec") if isinstance(record, dict) else None
    if not isinstance(version, int) or version < 1:
        raise CodecError("not a comparison record")
    if version > CODEC_VERSION:
        raise CodecError(f"comparison record of codec {version}, newer than {CODEC_VERSION}")
    try:
        return Comparison(
            national=outline_from_record(record["national"]),
            provincial=outline_from_record(record["provincial"]),
            sections=tuple(_alignment_from_record(s) for s in record["sections"]),
            clauses=tuple(finding_from_record(f) for f in record["clauses"]),
            additions=tuple(clause_from_record(c) for c in record["additions"]),
            engine=record["engine"],
            parameters=tuple((str(name), float(value)) for name, value in record["parameters"]),
            warnings=tuple(record.get("warnings", ())))
    except (KeyError, TypeError, ValueError) as error:
        raise CodecError(f"malformed comparison record: {error!r}") from error


def decision_to_record(decision: ReviewDecision) -> dict[str, Any]:
    """Every field of a review decision."""
    return {"item": decision.item,
            "status": decision.status.value if decision.status is not None else None,
            "not_applicable": decision.not_applicable, "match": decision.match,
            "note": decision.note, "reviewer": decision.reviewer,
            "decided_at": decision.decided_at}


def decision_from_record(record: dict[str, Any]) -> ReviewDecision:
    """The decision a ``decision_to_record`` dict came from."""
    status = record.get("status")
    return ReviewDecision(item=record["item"],
                          status=Status(status) if status is not None else None,
                          not_applicable=bool(record.get("not_applicable", False)),
                          match=record.get("match", "") or "", note=record.get("note", "") or "",
                          reviewer=record.get("reviewer", "") or "",
                          decided_at=record.get("decided_at", "") or "")
