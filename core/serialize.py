"""Plain-dict forms of core values for the JSON contract (DESIGN.md)."""

from __future__ import annotations

from core.model import Clause, Comparison, Outline, Section, national_id, provincial_id

OUTLINE_SCHEMA = "duizhao.outline/1"


def section_to_dict(section: Section) -> dict:
    """The SECTION object of the contract: id, label, title, level."""
    return {"id": section.id, "label": section.label, "title": section.title,
            "level": section.level}


def clause_to_dict(clause: Clause) -> dict:
    """A clause with its metadata."""
    return {"id": clause.id, "section": clause.section, "text": clause.text,
            "item": clause.item, "lead_in": clause.lead_in, "responsibility": list(clause.responsibility),
            "lead_units": list(clause.lead_units), "support_units": list(clause.support_units),
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


COMPARE_SCHEMA = "duizhao.compare/2"


def _document(outline: Outline) -> dict:
    return {"path": outline.path, "title": outline.title,
            "sections": [section_to_dict(s) for s in outline.sections]}


def _article_counts(comparison: Comparison) -> dict:
    """``{"articles": {...}}`` — national articles per status — when two statutes were compared
    article by article, else nothing."""
    counts = comparison.article_summary
    if counts is None:
        return {}
    return {"articles": {"articles": counts.clauses, "covered": counts.covered,
                         "partial": counts.partial, "missing": counts.missing,
                         "not_expected": counts.not_expected}}


def comparison_to_dict(comparison: Comparison) -> dict:
    """The JSON contract of `duizhao compare --json` (schema duizhao.compare/2).

    Beyond the contract's fields each clause carries ``gaps`` (what its match lacks) and
    ``reason`` (``{"code", "text"}``: why its status was reached). Version 2 added the status
    ``not_expected`` (无需地方落实), the clause ``reason``, a section's ``reason`` (the verdict of a
    statute's article judged as a whole), ``summary.not_expected`` and, for two statutes,
    ``summary.articles`` (national articles per status). A section's ``nearest`` (added within
    version 2, all earlier fields unchanged) is, for a missing statute article, the id of the
    provincial article nearest it — the one its reason names, too weak to carry it — else null;
    its ``runners_up`` (added later within version 2) are the ids of the next nearest articles
    its reason names after that one, nearest first ([] for any other section), and its
    ``near_scores`` (added later still) their similarity, 0–1, the nearest's first ([] when
    none is named).
    Within version 2 too, a section not judged as a whole (a chapter, a policy's part) has the
    reason code ``rollup`` and a text counting what it holds (本部分共12条：已覆盖8条、……);
    its reason was empty before.
    """
    summary = comparison.summary
    return {
        "schema": COMPARE_SCHEMA,
        "engine": comparison.engine,
        "national": _document(comparison.national),
        "provincial": _document(comparison.provincial),
        "sections": [{"national": s.national, "provincial": list(s.provincial),
                      "score": s.score, "status": s.status.value,
                      "reason": {"code": s.reason.code, "text": s.reason.text},
                      "nearest": s.nearest, "runners_up": list(s.runners_up),
                      "near_scores": list(s.near_scores)}
                     for s in comparison.sections],
        "clauses": [{
            "id": national_id(f.clause.id), "section": f.clause.section, "text": f.clause.text,
            "status": f.status.value, "score": f.score,
            "matches": [{"id": provincial_id(m.clause.id), "section": m.clause.section,
                         "text": m.clause.text, "score": m.score} for m in f.matches],
            "gaps": [{"kind": g.kind, "national": g.national, "provincial": g.provincial}
                     for g in f.gaps],
            "alternatives": [{"id": provincial_id(m.clause.id), "section": m.clause.section,
                              "text": m.clause.text, "score": m.score} for m in f.alternatives],
            "reason": {"code": f.reason.code, "text": f.reason.text},
        } for f in comparison.clauses],
        "additions": [{"id": provincial_id(c.id), "section": c.section, "text": c.text,
                       "within": [a.national for a in comparison.carried_through(c.section)]}
                      for c in comparison.additions],
        "summary": {"clauses": summary.clauses, "covered": summary.covered,
                    "partial": summary.partial, "missing": summary.missing,
                    "not_expected": summary.not_expected, "additions": summary.additions}
                   | _article_counts(comparison),
        "warnings": list(comparison.warnings),
    }
