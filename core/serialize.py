"""Plain-dict forms of core values for the JSON contract (DESIGN.md)."""

from __future__ import annotations

from core.model import Clause, Outline, Section

OUTLINE_SCHEMA = "duizhao.outline/1"


def section_to_dict(section: Section) -> dict:
    """The SECTION object of the contract: id, label, title, level."""
    return {"id": section.id, "label": section.label, "title": section.title,
            "level": section.level}


def clause_to_dict(clause: Clause) -> dict:
    """A clause with its metadata."""
    return {"id": clause.id, "section": clause.section, "text": clause.text,
            "item": clause.item, "responsibility": list(clause.responsibility),
            "deadline": clause.deadline, "targets": list(clause.targets)}


def outline_to_dict(outline: Outline) -> dict:
    """`duizhao outline --json`: the contract's SECTION objects, each with its clauses."""
    return {
        "schema": OUTLINE_SCHEMA,
        "path": outline.path,
        "title": outline.title,
        "doc_number": outline.doc_number,
        "addressees": outline.addressees,
        "grammar": outline.grammar,
        "front_matter": list(outline.front_matter),
        "tail": list(outline.tail),
        "warnings": list(outline.warnings),
        "sections": [section_to_dict(s) | {"clauses": [clause_to_dict(c) for c in s.clauses]}
                     for s in outline.sections],
    }
