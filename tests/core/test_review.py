"""core.review: decisions laid over a real comparison, and a chosen match assessed anew."""

from __future__ import annotations

import pytest

from core.align import Parameters
from core.compare import compare_files
from core.coverage import find_gaps
from core.model import ReviewDecision, Status
from core.review import assess, review
from core.similarity import tokens
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def comparison():
    return compare_files(SAMPLES / "national-guideline-sample.docx",
                         SAMPLES / "provincial-opinion-sample.docx")


def test_assessing_the_engines_own_match_gives_the_engines_verdict(comparison):
    """The scoring a chosen match gets is the engine's: on the engine's own single matches it
    reproduces every score, status and gap."""
    single = [f for f in comparison.clauses if len(f.matches) == 1]
    assert len(single) > 50
    for finding in single:
        result = assess(comparison, finding.clause, finding.matches[0].clause)
        assert (result.score, result.status, result.gaps) == (
            finding.score, finding.status, finding.gaps), finding.clause.id


def test_choosing_another_match_recomputes_score_status_and_gaps(comparison):
    """A row follows the text the reviewer chose: no more 未覆盖 / 0 beside a real match."""
    missing = next(f for f in comparison.clauses
                   if f.status is Status.MISSING and not f.matches)
    # The provincial sentence that scores best for it, whoever the engine gave it to.
    chosen = max(comparison.provincial.clauses(),
                 key=lambda c: assess(comparison, missing.clause, c).score)
    expected = assess(comparison, missing.clause, chosen)
    assert expected.score > 0
    decision = ReviewDecision(f"N{missing.clause.id}", match=f"P{chosen.id}")
    clauses, _ = review(comparison, [decision])
    item = next(c for c in clauses if c.finding is missing)
    assert item.match.clause == chosen and item.match_changed
    assert item.score == expected.score == item.match.score
    assert item.status is item.suggested is expected.status
    # Gaps are named for a text that carries the clause at least in part, as the engine does.
    lacking = find_gaps(missing.clause, tokens(missing.clause.text), [chosen])
    assert item.gaps == (() if item.status is Status.MISSING else lacking)
    thresholds = Parameters()
    if item.score < thresholds.partial:
        assert item.status is Status.MISSING
    elif item.score >= thresholds.covered and not item.gaps:
        assert item.status is Status.COVERED
    else:
        assert item.status is Status.PARTIAL


def test_a_status_the_reviewer_sets_outranks_the_suggestion(comparison):
    covered = next(f for f in comparison.clauses if f.status is Status.COVERED)
    other = next(c for c in comparison.provincial.clauses()
                 if c.id != covered.matches[0].clause.id)
    decisions = [ReviewDecision(f"N{covered.clause.id}", match=f"P{other.id}",
                                status=Status.COVERED)]
    item = next(c for c in review(comparison, decisions)[0] if c.finding is covered)
    assert item.status is Status.COVERED and item.overridden
    assert item.suggested is assess(comparison, covered.clause, other).status


def test_row_numbers_run_through_clauses_then_additions(comparison):
    clauses, additions = review(comparison, [])
    assert [c.number for c in clauses] == list(range(1, len(clauses) + 1))
    assert [a.number for a in additions] == list(
        range(len(clauses) + 1, len(clauses) + len(additions) + 1))


def test_a_task_read_as_a_description_scores_as_the_engine_would_judge_its_echo():
    """A reviewer who gives a task the engine read as a description (……尚未达标的……, set apart
    as 无需地方落实 while nothing carried it) a provincial sentence carrying it in part gets
    部分覆盖, as the engine judges such an echo (core.expected.echo_not_expected)."""
    from core.align import compare_outlines
    from core.outline import outline_document
    from core.read import read_text

    national = outline_document(read_text(
        "示例指导意见\n一、重点任务\n（一）加强督导。加大督促指导力度。"
        "对检测合格率尚未达标的城市，加大督促指导力度，定期通报进展。\n"))
    provincial = outline_document(read_text("示例省实施意见\n一、重点任务\n（一）加强督导。加大督促指导力度。\n"))
    result = compare_outlines(national, provincial)
    task = next(f for f in result.clauses if f.clause.text.startswith("对检测合格率"))
    assert task.status is Status.NOT_EXPECTED and task.reason.code == "no_task"
    chosen = next(c for c in provincial.clauses() if c.text.startswith("加大督促"))
    assert assess(result, task.clause, chosen).status is Status.PARTIAL
