"""The benchmark's variant generator: its truth must describe the text it writes."""

from __future__ import annotations

import pytest

from core.compare import load_outline
from core.outline import outline_document
from core.read import read_text
from tests.conftest import GUIDELINE, LAWS
from tests.generator import make_variant


@pytest.mark.parametrize("path", [GUIDELINE, LAWS / "national-emergency-response-law-2007.txt"])
def test_truth_matches_the_generated_text(corpus, path):
    national = load_outline(path)
    variant = make_variant(national, seed=3)
    assert make_variant(national, seed=3).text == variant.text
    assert make_variant(national, seed=4).text != variant.text
    provincial = outline_document(read_text(variant.text))
    assert provincial.grammar == national.grammar

    body = {c.id for c in national.clauses() if c.section != "0"}
    assert set(variant.truth.clause_status) == body
    assert set(variant.truth.clause_status.values()) <= {"covered", "partial", "missing"}
    assert variant.truth.weakened <= {i for i, s in variant.truth.clause_status.items() if s == "partial"}

    provincial_ids = {s.id for s in provincial.sections}
    assert {p for _, p in variant.truth.section_pairs} <= provincial_ids
    clause_texts = {c.text for c in provincial.clauses()}
    added = [t for t, origins in variant.truth.provincial_origin.items() if "" in origins]
    assert added and all(t in clause_texts for t in added)
