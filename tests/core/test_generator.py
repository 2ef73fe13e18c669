"""The benchmark's variant generator: its truth must describe the text it writes."""

from __future__ import annotations

import pytest

from core.compare import load_outline
from core.outline import outline_document
from core.read import read_text
from tests.conftest import GUIDELINE, LAWS
from tests.generator import make_variant


STATUTE = pytest.param(LAWS / "national-emergency-response-law-2007.txt", marks=pytest.mark.needs_corpus)


@pytest.mark.parametrize("path", [GUIDELINE, STATUTE])
def test_truth_matches_the_generated_text(path):
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


@pytest.mark.parametrize("path", [GUIDELINE, STATUTE])
def test_every_section_pair_has_evidence_in_the_text(path):
    # A pair is only truth when something of the national section is in the provincial one: a
    # sentence it carried there or, in a policy text, its heading. No section is left empty.
    national = load_outline(path)
    statute = national.grammar == "statute"
    for seed in range(5):
        variant = make_variant(national, seed)
        provincial = outline_document(read_text(variant.text))
        origin = {}
        for text, ids in variant.truth.provincial_origin.items():
            for national_id in ids:
                origin.setdefault(text, set()).add(national_id)
        for national_id, provincial_id in variant.truth.section_pairs:
            section = provincial.section(provincial_id)
            carried = {i.rsplit("-", 1)[0] for c in section.clauses for i in origin.get(c.text, ())}
            titled = not statute and section.title == national.section(national_id).title
            assert national_id in carried or titled or section.level == 1, (seed, national_id)
        assert all(s.clauses or s.level == 1 or provincial.children(s.id)
                   for s in provincial.sections if s.id != "0"), seed


def test_sentences_end_whole_and_split_sentences_keep_their_origin():
    national = load_outline(GUIDELINE)
    split = 0
    for seed in range(10):
        variant = make_variant(national, seed)
        for text in variant.truth.provincial_origin:
            assert text.endswith(("。", "；", "！", "？")), text
        counts = {}
        for ids in variant.truth.provincial_origin.values():
            for national_id in ids:
                counts[national_id] = counts.get(national_id, 0) + 1
        split += sum(1 for national_id, n in counts.items() if national_id and n == 2)
    assert split > 0  # some national sentences were written as two, both recorded


def test_a_policy_variant_hedges_some_weakened_sentences_and_the_engine_flags_them():
    from core.align import compare_outlines
    from core.expected import clause_not_expected
    from core.model import Status
    from tests.generator import HEDGES

    national = load_outline(GUIDELINE)
    texts = {c.id: c.text for c in national.clauses()}
    hedged = 0
    for seed in range(6):
        variant = make_variant(national, seed)
        statuses = {f.clause.id: f.status for f in
                    compare_outlines(national, outline_document(read_text(variant.text))).clauses}
        for text, origins in variant.truth.provincial_origin.items():
            for national_id in set(origins) & variant.truth.weakened:
                # A hedged description (……仍存在一些突出问题) asks nothing either way: no gap.
                if clause_not_expected(texts[national_id]) is not None:
                    continue
                if any(h in text and h not in texts[national_id] for h in HEDGES):
                    hedged += 1
                    assert statuses[national_id] is Status.PARTIAL, (seed, text)
    assert hedged >= 3


def test_responsibility_notes_come_in_the_forms_drafters_use_and_are_read_as_notes():
    national = load_outline(GUIDELINE)
    texts = [make_variant(national, seed=seed).text for seed in range(4)]
    lines = [line for text in texts for line in text.splitlines()]
    # After the task, on a line of its own in brackets, and on a line of its own without.
    assert any("。（责任单位：" in line for line in lines)
    assert any(line.startswith("（责任单位：") for line in lines)
    assert any(line.startswith("责任单位：") for line in lines)
    for text in texts:
        clauses = outline_document(read_text(text)).clauses()
        assert not any("责任单位" in c.text for c in clauses)
        noted = sum(text.count(form) for form in ("（责任单位：", "\n责任单位："))
        assert noted and sum(1 for c in clauses if c.responsibility) >= noted
