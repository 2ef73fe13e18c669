"""Item ids ("N…" national, "P…" provincial): spelled and taken apart in core.model only."""

from __future__ import annotations

import pytest

from core.compare import compare_files
from core.model import (ItemId, ReviewDecision, Status, is_provincial_item, national_id,
                        parse_item_id, provincial_id)
from core.review import review, review_item, rolled_up_sections
from core.serialize import comparison_to_dict
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def comparison():
    return compare_files(SAMPLES / "national-guideline-sample.docx",
                         SAMPLES / "provincial-opinion-sample.docx")


def test_ids_are_spelled_and_taken_apart_in_one_place():
    assert national_id("2.1-3") == "N2.1-3"
    assert provincial_id("5.4-1") == "P5.4-1"
    assert parse_item_id("N2.1-3") == ItemId(provincial=False, clause="2.1-3")
    assert parse_item_id("P5.4-1") == ItemId(provincial=True, clause="5.4-1")
    assert parse_item_id("N2.1-3").national and not parse_item_id("P5.4-1").national
    assert str(parse_item_id("P0-2")) == "P0-2"
    assert is_provincial_item("P5.4-1") and not is_provincial_item("N5.4-1")
    assert not is_provincial_item("P") and not is_provincial_item("")


@pytest.mark.parametrize("text", ["", "N", "P", "X2.1-3", "2.1-3", "n2.1-3"])
def test_anything_else_is_not_an_item_id(text):
    with pytest.raises(ValueError):
        parse_item_id(text)
    assert not is_provincial_item(text)


def test_every_id_the_json_gives_names_a_clause_of_its_side(comparison):
    """The ids written for scripts parse back to the clause they were made from."""
    data = comparison_to_dict(comparison)
    national = {c.id for c in comparison.national.clauses()}
    provincial = {c.id for c in comparison.provincial.clauses()}
    ids = [c["id"] for c in data["clauses"]]
    matches = [m["id"] for c in data["clauses"] for m in c["matches"]]
    additions = [a["id"] for a in data["additions"]]
    assert ids and matches and additions
    for text in ids:
        parsed = parse_item_id(text)
        assert parsed.national and parsed.clause in national
    for text in matches + additions:
        parsed = parse_item_id(text)
        assert parsed.provincial and parsed.clause in provincial


def test_one_item_reviewed_alone_is_what_the_whole_review_gives(comparison):
    """review_item (a decision click) gives the very row review (opening a project) gives,
    decided or not, with a chosen match, 不适用 and a pending re-check."""
    findings = comparison.clauses
    matched = next(f for f in findings if f.matches)
    other = next(c for c in comparison.provincial.clauses() if c.id != matched.matches[0].clause.id)
    decisions = [
        ReviewDecision(item=national_id(matched.clause.id), status=Status.PARTIAL, note="意见"),
        ReviewDecision(item=national_id(matched.clause.id), match=provincial_id(other.id)),
        ReviewDecision(item=national_id(findings[3].clause.id), not_applicable=True),
        ReviewDecision(item=national_id(findings[5].clause.id), status=Status.COVERED),
        ReviewDecision(item=provincial_id(comparison.additions[0].id), note="本省特色"),
    ]
    rechecks = {national_id(findings[5].clause.id): "对应表述在新稿中有改动"}
    clauses, additions = review(comparison, decisions, rechecks)
    latest = {d.item: d for d in decisions}
    for whole in (*clauses, *additions):
        alone = review_item(comparison, whole.item, latest.get(whole.item),
                            rechecks.get(whole.item, ""))
        assert alone == whole, whole.item
    assert review_item(comparison, national_id(matched.clause.id),
                       latest[national_id(matched.clause.id)]).match_changed
    # The re-check holds the decided status back, as in the whole review.
    assert review_item(comparison, national_id(findings[5].clause.id), latest[
        national_id(findings[5].clause.id)], "改动").status is findings[5].status
    with pytest.raises(KeyError):
        review_item(comparison, "N99.99-99", None)


def test_a_clause_rolls_up_into_its_section_and_those_above(comparison):
    national = comparison.national
    nested = next(s for s in national.sections if s.parent and national.section(s.parent).parent)
    chain = rolled_up_sections(national, nested.id)
    assert chain[0] == nested.id and chain[1] == nested.parent
    assert chain[2] == national.section(nested.parent).parent
    assert national.section(chain[-1]).parent == ""
    assert rolled_up_sections(national, "no-such-section") == []
