"""Review rules the app and the exports share: what counts as a gap, which gaps show, section colour."""

from __future__ import annotations

from core.compare import compare_files
from core.export import labels
from core.model import ReviewDecision, Status
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir
from core.review import counts_as_gap, review, section_status, shown_gaps


def test_counts_as_gap():
    assert counts_as_gap(Status.MISSING, False) and counts_as_gap(Status.PARTIAL, False)
    assert not counts_as_gap(Status.PARTIAL, True)
    for status in (Status.COVERED, Status.NOT_EXPECTED, Status.ADDED):
        assert not counts_as_gap(status, False)


def test_shown_gaps_follow_the_reviewed_status():
    comparison = compare_files(samples_dir() / SAMPLE_NATIONAL, samples_dir() / SAMPLE_PROVINCIAL)
    finding = next(f for f in comparison.clauses if f.status is Status.PARTIAL and f.gaps)
    item = f"N{finding.clause.id}"
    for decision, expected in ((None, finding.gaps),
                               (ReviewDecision(item=item, status=Status.COVERED), ()),
                               (ReviewDecision(item=item, status=Status.MISSING), ()),
                               (ReviewDecision(item=item, not_applicable=True), ()),
                               (ReviewDecision(item=item, note="请补充"), finding.gaps)):
        clauses, _ = review(comparison, [decision] if decision else [])
        (reviewed,) = [c for c in clauses if c.item == item]
        assert shown_gaps(reviewed) == expected
        # The measure itself stays, for the JSON and the score: only what is listed changes.
        assert reviewed.gaps == finding.gaps
    # The reports' label for a gap agrees with the rule.
    assert "部分覆盖" in labels.clause_label(reviewed)


def test_section_status_rolls_up_reviewed_clauses():
    assert section_status([], Status.MISSING) is Status.MISSING  # no clauses: the engine's verdict
    assert section_status([], None) is None
    assert section_status([(Status.COVERED, False), (Status.COVERED, False)], None) is Status.COVERED
    assert section_status([(Status.COVERED, False), (Status.MISSING, False)],
                          Status.COVERED) is Status.PARTIAL
    # 不适用 clauses are left out; all of them 不适用 leaves no colour.
    assert section_status([(Status.COVERED, False), (Status.MISSING, True)],
                          Status.PARTIAL) is Status.COVERED
    assert section_status([(Status.MISSING, True)], Status.MISSING) is None
    assert section_status([(Status.NOT_EXPECTED, False)], None) is Status.NOT_EXPECTED
