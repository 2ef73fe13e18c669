"""Stage 6: reviewer decisions laid over a comparison, giving what each item finally says.

The comparison itself is never changed; views and exports read the reviewed items. A match the
reviewer chooses is assessed here (score, gaps, the status the engine's thresholds give it), with
the engine's own scoring functions, so that a row follows the text it now shows.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from core.align import Parameters, clause_heading
from core.coverage import find_gaps, same_sentence
from core.expected import echo_not_expected
from core.leads import ANNOUNCING_REASONS
from core.model import (HEADING_RESTATED, ROWS_TOLD, Clause, ClauseFinding, Comparison, Gap, Match, Outline, ReviewDecision,
                        Section, SectionAlignment, Status, national_id, parse_item_id, provincial_id, roll_up)
from core.similarity import Vocabulary, score, tokens


@dataclass(frozen=True)
class Assessment:
    """How well one provincial text carries a national clause, by the engine's measures.

    Attributes:
        score: similarity 0–100.
        status: covered, partial or missing by the comparison's thresholds and the gaps.
        gaps: what the provincial text lacks of the national clause.
    """

    score: float
    status: Status
    gaps: tuple[Gap, ...]


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
        number: the row number shared by every report, the app and the JSON (1-based, national
            clauses first in document order, then the additions).
        score: the shown match's similarity (0 without a match).
        gaps: what the shown match lacks.
        suggested: the status the engine's thresholds give the shown match: the engine's status
            unless the reviewer chose another match.
        recheck: why the decision must be checked again after a re-import (需复核), "" when
            it stands. A decision to re-check is not applied as a verdict.
    """

    finding: ClauseFinding
    status: Status
    match: Match | None
    not_applicable: bool
    note: str
    decision: ReviewDecision | None
    number: int = 0
    score: float = 0.0
    gaps: tuple[Gap, ...] = ()
    suggested: Status | None = None
    recheck: str = ""

    @property
    def item(self) -> str:
        """The item id, "N…"."""
        return national_id(self.finding.clause.id)

    @property
    def match_changed(self) -> bool:
        """The reviewer chose a counterpart other than the engine's best match."""
        if self.match is None:
            return False
        return not self.finding.matches or self.match.clause.id != self.finding.matches[0].clause.id

    @property
    def shown_score(self) -> float | None:
        """The similarity every report and the app show: the shown match's, or for a sentence
        a provincial heading restates (``heading_restated``: no sentence match) the heading's
        while it reads carried; None with neither."""
        if self.match is not None and self.score > 0:
            return self.score
        if (self.match is None and self.finding.reason.code == HEADING_RESTATED
                and self.finding.score > 0 and self.status in (Status.COVERED, Status.PARTIAL)):
            return self.finding.score
        return None

    @property
    def overridden(self) -> bool:
        """The reviewer changed the engine's status or match."""
        return self.status is not self.finding.status or self.match_changed

    @property
    def decided_on(self) -> str:
        """The date of the decision (YYYY-MM-DD), "" when none."""
        return self.decision.decided_at[:10] if self.decision is not None else ""


@dataclass(frozen=True)
class ReviewedAddition:
    """A provincial addition with the reviewer's decision applied."""

    clause: Clause
    not_applicable: bool
    note: str
    decision: ReviewDecision | None
    number: int = 0
    recheck: str = ""

    @property
    def item(self) -> str:
        """The item id, "P…"."""
        return provincial_id(self.clause.id)

    @property
    def decided_on(self) -> str:
        """The date of the decision (YYYY-MM-DD), "" when none."""
        return self.decision.decided_at[:10] if self.decision is not None else ""


def _provincial_clause(comparison: Comparison, item: str) -> Clause | None:
    try:
        parsed = parse_item_id(item)
    except ValueError:
        return None
    if not parsed.provincial:
        return None
    clause_id = parsed.clause
    for clause in comparison.provincial.clauses():
        if clause.id == clause_id:
            return clause
    return None


def parameters_of(comparison: Comparison) -> Parameters:
    """The engine thresholds a comparison was made with (defaults for names it lacks)."""
    defaults = Parameters()
    known = {f.name for f in fields(Parameters)}
    values = {name: type(getattr(defaults, name))(value)
              for name, value in comparison.parameters if name in known}
    return Parameters(**values)


# One vocabulary per comparison: building it tokenises both texts (a few hundred ms), and a
# reviewer choosing matches one after another should not pay that each time.
_vocabularies: dict[int, tuple[weakref.ref, Vocabulary]] = {}
_vocabularies_lock = threading.Lock()


def _vocabulary(comparison: Comparison) -> Vocabulary:
    key = id(comparison)
    with _vocabularies_lock:
        cached = _vocabularies.get(key)
        if cached is not None and cached[0]() is comparison:
            return cached[1]
    clauses = comparison.national.clauses() + comparison.provincial.clauses()
    vocabulary = Vocabulary([tokens(c.text) for c in clauses],
                            reworded=comparison.national.grammar == "policy")
    with _vocabularies_lock:
        for stale in [k for k, (ref, _) in _vocabularies.items() if ref() is None]:
            del _vocabularies[stale]
        _vocabularies[key] = (weakref.ref(comparison), vocabulary)
    return vocabulary


def assess(comparison: Comparison, national: Clause, provincial: Clause) -> Assessment:
    """Score a provincial clause against a national one as the engine would.

    The similarity is ``core.similarity.score`` over the comparison's vocabulary, the gaps are
    ``core.coverage.find_gaps``, and the status follows the comparison's thresholds: covered at
    or above ``covered`` without gaps, partial at or above ``partial``, missing below — and,
    as the engine judges it (``core.expected.echo_not_expected``), a sentence the engine found
    not expected of a province stays so when the match carries it only in part (its echo of
    现提出以下意见 is no gap).
    """
    vocabulary = _vocabulary(comparison)
    national_words = tokens(national.text)
    similarity = score(vocabulary.profile(national.text, national_words),
                       vocabulary.profile(provincial.text, tokens(provincial.text)))
    parameters = parameters_of(comparison)
    if similarity < parameters.partial:
        return Assessment(similarity, Status.MISSING, ())
    # As the engine reads a match: with the other pieces of its sentence (find_gaps).
    context = same_sentence(comparison.provincial.clauses(), provincial)
    gaps = find_gaps(national, national_words, [provincial], topic=comparison.provincial.title,
                     context=context)
    status = Status.COVERED if similarity >= parameters.covered and not gaps else Status.PARTIAL
    engine = next((f for f in comparison.clauses if f.clause.id == national.id), None)
    if (status is Status.PARTIAL and comparison.national.grammar != "statute" and engine is not None
            and engine.status is Status.NOT_EXPECTED and echo_not_expected(
                engine.reason, national.text, clause_heading(comparison.national, national))):
        return Assessment(similarity, Status.NOT_EXPECTED, ())
    return Assessment(similarity, status, gaps)


def _chosen(comparison: Comparison, finding: ClauseFinding, match_id: str) -> Match | None:
    """The chosen provincial clause as a match, scored against the national clause."""
    listed = next((m for m in finding.matches if provincial_id(m.clause.id) == match_id), None)
    if listed is not None:
        return listed
    clause = _provincial_clause(comparison, match_id)
    return Match(clause, 0.0) if clause is not None else None


def review(comparison: Comparison, decisions: Iterable[ReviewDecision],
           rechecks: Mapping[str, str] | None = None
           ) -> tuple[tuple[ReviewedClause, ...], tuple[ReviewedAddition, ...]]:
    """Apply decisions (the latest per item wins) to every national clause and addition.

    Args:
        comparison: the engine's result.
        decisions: reviewer decisions in the order they were made.
        rechecks: items whose decision must be checked again after a re-import, with the
            reason (``Project.rechecks()``). Their status is not applied: the row shows what the
            engine finds on the new text, and keeps the chosen match, 不适用 and the note.

    Returns:
        The reviewed national clauses in document order, then the reviewed additions.
    """
    rechecks = rechecks or {}
    latest = {entry.item: entry for entry in decisions}  # the last decision on an item counts
    clauses = []
    for number, finding in enumerate(comparison.clauses, start=1):
        item = national_id(finding.clause.id)
        clauses.append(_review_clause(comparison, finding, number, latest.get(item),
                                      rechecks.get(item, "")))
    additions = []
    for number, clause in enumerate(comparison.additions, start=len(clauses) + 1):
        item = provincial_id(clause.id)
        additions.append(_review_addition(clause, number, latest.get(item),
                                          rechecks.get(item, "")))
    return tuple(clauses), tuple(additions)


def review_item(comparison: Comparison, item: str, decision: ReviewDecision | None,
                recheck: str = "") -> ReviewedClause | ReviewedAddition:
    """One item reviewed exactly as ``review`` reviews it, without reviewing the others.

    What a decision click needs: the item's decision changed, nothing else did.

    Args:
        item: a national clause ("N…") or a provincial addition ("P…") of ``comparison``.
        decision: the item's current decision, None when it has none.
        recheck: why the decision is to be checked again (``Project.rechecks()``), or "".

    Raises:
        KeyError: ``item`` is not a national clause or an addition of ``comparison``.
    """
    position = _item_positions(comparison).get(item)
    if position is None:
        raise KeyError(item)
    if position < len(comparison.clauses):
        return _review_clause(comparison, comparison.clauses[position], position + 1, decision,
                              recheck)
    addition = comparison.additions[position - len(comparison.clauses)]
    return _review_addition(addition, position + 1, decision, recheck)


def _review_clause(comparison: Comparison, finding: ClauseFinding, number: int,
                   decision: ReviewDecision | None, recheck: str) -> ReviewedClause:
    recheck = recheck if decision is not None else ""
    match = finding.matches[0] if finding.matches else None
    shown_score, gaps, suggested = finding.score if match else 0.0, finding.gaps, finding.status
    if decision is not None and decision.match:
        chosen = _chosen(comparison, finding, decision.match)
        if chosen in finding.matches and finding.reason.code in ANNOUNCING_REASONS:
            # A heading is carried by the sentences it announces, not by its own words: another
            # of those sentences keeps its verdict and shows that sentence's own score.
            match, shown_score = chosen, chosen.score
        elif chosen is not None and (match is None or chosen.clause.id != match.clause.id):
            assessment = assess(comparison, finding.clause, chosen.clause)
            match = Match(chosen.clause, assessment.score)
            shown_score, gaps, suggested = assessment.score, assessment.gaps, assessment.status
    status = suggested
    if decision is not None and decision.status is not None and not recheck:
        status = decision.status
    return ReviewedClause(
        finding=finding, status=status, match=match,
        not_applicable=bool(decision and decision.not_applicable),
        note=decision.note if decision else "", decision=decision, number=number,
        score=shown_score, gaps=gaps, suggested=suggested, recheck=recheck)


def chosen_counterparts(clauses: Iterable[ReviewedClause], additions: Sequence[ReviewedAddition]
                        ) -> tuple[tuple[ReviewedAddition, ...], dict[str, tuple[int, ...]]]:
    """(the additions still additions, the others by item → the 序号 of the national rows
    whose counterpart a reviewer chose them as): a provincial sentence a reviewer records as
    carrying a national one (改用所选表述, 认定部分承接), found 已覆盖 or 部分覆盖, and has no
    decision of its own as an addition, is no local addition — the reports listed it both as
    that row's counterpart and as 本省新增, with "本句在国家文件该条中未见对应表述" beside it."""
    chosen = counterparts_chosen(
        (item.number, item.decision, provincial_id(item.match.clause.id) if item.match else "",
         item.status, item.not_applicable) for item in clauses)
    # One the reviewer decided on as an addition (不适用, an opinion) stays listed with that.
    taken = {addition.item: chosen[addition.item] for addition in additions
             if addition.item in chosen and addition.decision is None}
    return tuple(addition for addition in additions if addition.item not in taken), taken


def counterparts_chosen(rows: Iterable[tuple[int, ReviewDecision | None, str, Status, bool]]
                        ) -> dict[str, tuple[int, ...]]:
    """Provincial item ("P…") → the 序号 of the national rows a reviewer chose it as the
    counterpart of, found 已覆盖 or 部分覆盖 and not 不适用; from each national row's (序号,
    decision, shown counterpart's item, status, 不适用) — as the reports and the app's table
    both have them."""
    chosen: dict[str, list[int]] = {}
    for number, decision, match, status, not_applicable in rows:
        if (decision is not None and decision.match and match and not not_applicable
                and status in (Status.COVERED, Status.PARTIAL)):
            chosen.setdefault(match, []).append(number)
    return {item: tuple(numbers) for item, numbers in chosen.items()}


def _review_addition(clause: Clause, number: int, decision: ReviewDecision | None,
                     recheck: str) -> ReviewedAddition:
    return ReviewedAddition(clause, bool(decision and decision.not_applicable),
                            decision.note if decision else "", decision, number,
                            recheck if decision is not None else "")


# Where each item stands in a comparison (national clauses, then additions), per comparison:
# a decision click looks its item up instead of walking every clause.
_positions: dict[int, tuple[weakref.ref, dict[str, int]]] = {}


def _item_positions(comparison: Comparison) -> dict[str, int]:
    key = id(comparison)
    with _vocabularies_lock:
        cached = _positions.get(key)
        if cached is not None and cached[0]() is comparison:
            return cached[1]
    positions = {national_id(f.clause.id): n for n, f in enumerate(comparison.clauses)}
    positions.update((provincial_id(c.id), n)
                     for n, c in enumerate(comparison.additions, start=len(comparison.clauses)))
    with _vocabularies_lock:
        for stale in [k for k, (ref, _) in _positions.items() if ref() is None]:
            del _positions[stale]
        _positions[key] = (weakref.ref(comparison), positions)
    return positions


# ---------------------------------------------------------------- the nearest article
# A statute article judged missing names the provincial article nearest it
# (``SectionAlignment.nearest``) and the next nearest (``runners_up``): too weak for the engine,
# but often a thematic carrier a reader sees at once. These say what the reviewer reads beside
# the article and what judging "that article carries it in part" records.

def _missing_article(comparison: Comparison, item: str, *, named: bool = True
                     ) -> SectionAlignment | None:
    """The verdict of the statute article a national clause ("N…") stands in, when that article
    was judged missing and (``named``) names its nearest provincial article; else None."""
    position = _item_positions(comparison).get(item)
    if position is None or position >= len(comparison.clauses):
        return None
    chain = rolled_up_sections(comparison.national, comparison.clauses[position].clause.section)
    alignment = next((a for a in comparison.articles if a.national in chain), None)
    if alignment is None or alignment.status is not Status.MISSING or (named and not alignment.nearest):
        return None
    return alignment


def _provincial_article(comparison: Comparison, section_id: str) -> Section | None:
    """A provincial statute article with sentences, by its section id; None for anything else."""
    try:
        section = comparison.provincial.section(section_id)
    except KeyError:
        return None
    return section if _may_carry(section) else None


def _may_carry(section: Section) -> bool:
    """Whether a provincial section may be recorded as a carrier: an article with sentences."""
    return section.kind == "article" and bool(section.clauses)


def nearest_article(comparison: Comparison, item: str) -> Section | None:
    """For a national clause ("N…") of a statute article judged missing, the provincial article
    nearest its article; None for any other clause."""
    near = near_articles(comparison, item)
    return near[0] if near else None


def near_articles(comparison: Comparison, item: str) -> tuple[Section, ...]:
    """For a national clause ("N…") of a statute article judged missing, the provincial articles
    its article's reason names, nearest first (``nearest``, then ``runners_up``, each once); ()
    for any other clause, and when the nearest is not in the provincial outline (a runner-up
    is never shown as the nearest the reason names)."""
    alignment = _missing_article(comparison, item)
    if alignment is None or alignment.nearest is None:
        return ()
    found: list[Section] = []
    for section_id in dict.fromkeys((alignment.nearest, *alignment.runners_up)):
        try:
            found.append(comparison.provincial.section(section_id))
        except KeyError:
            if not found:
                return ()
    return tuple(found)


def near_scores(comparison: Comparison, item: str) -> dict[str, float]:
    """The similarity (0–1) of each provincial article ``near_articles`` names for a clause,
    by section id, as the article's reason prints them (×100); {} when none is named, or the
    comparison was stored before the scores were kept."""
    alignment = _missing_article(comparison, item)
    if alignment is None or alignment.nearest is None:
        return {}
    named = (alignment.nearest, *alignment.runners_up)
    if len(alignment.near_scores) != len(named):
        return {}
    scores: dict[str, float] = {}
    for section_id, similarity in zip(named, alignment.near_scores):
        scores.setdefault(section_id, similarity)
    return scores


def carry_choices(comparison: Comparison, item: str) -> tuple[Section, ...]:
    """The provincial articles a reviewer may record as carrying in part the article of a
    national clause judged missing (``carried_in_part``): those its reason names, nearest
    first, then every other provincial article in document order; () for a clause whose
    article is not judged missing."""
    if not can_carry(comparison, item):
        return ()
    near = near_articles(comparison, item)
    named = {article.id for article in near}
    return near + tuple(section for section in comparison.provincial.sections
                        if section.id not in named and _may_carry(section))


def can_carry(comparison: Comparison, item: str) -> bool:
    """Whether a provincial article may be recorded as carrying in part the article of a
    national clause ("N…"): its article was judged missing (asked on every row change, so
    without listing the articles as ``carry_choices`` does)."""
    return _missing_article(comparison, item, named=False) is not None


def carrier_sentence(comparison: Comparison, national: Clause, article: Section) -> Clause | None:
    """The sentence of a provincial article that carries a national clause best by the engine's
    score (``assess``; the first of equals), None when the article has no sentence."""
    best: tuple[float, Clause] | None = None
    for clause in article.clauses:
        value = assess(comparison, national, clause).score
        if best is None or value > best[0]:
            best = (value, clause)
    return best[1] if best is not None else None


def _carried_by(comparison: Comparison, decision: ReviewDecision, articles: set[str]) -> bool:
    """The decision records one of these provincial articles as a partial carrier: 部分覆盖
    with a sentence of it chosen as the counterpart."""
    if decision.status is not Status.PARTIAL or not decision.match or decision.not_applicable:
        return False
    clause = _provincial_clause(comparison, decision.match)
    return clause is not None and _article_of(comparison.provincial, clause.section) in articles


def carried_in_part(comparison: Comparison, item: str,
                    decided: Iterable[str] | Mapping[str, ReviewDecision] = (),
                    article_id: str | None = None
                    ) -> tuple[Section, tuple[tuple[str, str], ...]] | None:
    """What the reviewer's judgement "that near article carries this article in part" records.

    Args:
        item: a national clause ("N…") of an article judged missing.
        decided: items that already have a decision: sentences of the article other than
            ``item`` keep theirs. Given as item → decision, a sentence whose decision records
            one of the near articles as carrier (an earlier such judgement) is judged again:
            a reviewer who changes their mind moves the whole article, not one sentence.
        article_id: the provincial article that carries it: one the reason names
            (``near_articles``) or any other the reviewer found (a carrier the engine did not
            offer: 河南 第六十三条 for the national 第六十六条); the nearest when None. None is
            returned for an id that is no provincial article.

    Returns:
        That provincial article and, for ``item`` and every other sentence of its article
        that shares the article's missing verdict and has no decision, the item with the
        sentence of that article to show as its counterpart ("P…"), in document order; None
        when the clause's article is not missing, or names no such article.
    """
    alignment, near = _missing_article(comparison, item, named=False), near_articles(comparison, item)
    article = next((a for a in near if article_id in (None, a.id)), None)
    if article is None and article_id is not None:
        article = _provincial_article(comparison, article_id)
    if alignment is None or article is None:
        return None
    national_article = alignment.national
    if isinstance(decided, Mapping):
        near_ids = {a.id for a in near} | {article.id}
        decided = [own for own, decision in decided.items()
                   if not _carried_by(comparison, decision, near_ids)]
    skip = set(decided) - {item}
    chosen = []
    for finding in comparison.clauses:
        own = national_id(finding.clause.id)
        if own in skip or national_article not in rolled_up_sections(
                comparison.national, finding.clause.section):
            continue
        if own != item and finding.status is not Status.MISSING:
            continue
        sentence = carrier_sentence(comparison, finding.clause, article)
        if sentence is not None:
            chosen.append((own, provincial_id(sentence.id)))
    return (article, tuple(chosen)) if chosen else None


# ---------------------------------------------------------------- review rules
# The app and every export ask these, so a screen and a printed report never disagree.

def counts_as_gap(status: Status, not_applicable: bool) -> bool:
    """An item is a gap (只看差距, the gap report, 下一处差距) when it applies and is missing or
    partial after review."""
    return not not_applicable and status in (Status.MISSING, Status.PARTIAL)


def shown_gaps(item: ReviewedClause) -> tuple[Gap, ...]:
    """The gaps the app and the reports list for a clause: what its shown match lacks, while
    the clause stays partial after review — none once the reviewer marks it 已覆盖 or 不适用."""
    if item.not_applicable or item.status is not Status.PARTIAL or item.match is None:
        return ()
    return item.gaps


def section_status(clauses: Iterable[tuple[Status, bool]], engine: Status | None
                   ) -> Status | None:
    """A national section's colour after review, from its clauses' (status, 不适用) in its subtree.

    不适用 clauses are left out of the roll-up (``core.model.roll_up``); a section with no
    clauses at all keeps the engine's verdict ``engine``; one whose clauses are all 不适用
    has none.
    """
    found = list(clauses)
    if not found:
        return engine
    return roll_up(status for status, not_applicable in found if not not_applicable)


def rolled_up_sections(outline: Outline, section_id: str) -> list[str]:
    """The national sections whose reviewed colour a clause of ``section_id`` counts in: the
    section itself and each section above it, innermost first. A decision on the clause
    changes the roll-up (``section_status``) of these sections and of no other."""
    chain: list[str] = []
    current = section_id
    while current and current not in chain:
        try:
            section = outline.section(current)
        except KeyError:
            break
        chain.append(current)
        current = section.parent or ""
    return chain


# ---------------------------------------------------------------- a statute article after review
# Two statutes are judged article by article (``Comparison.articles``) and sentence by sentence;
# the reviewer decides sentences. An article's verdict after review is asked here, by the app's
# tree, its detail pane, its summary and every export, so that no report prints an article as
# the engine judged it beside the sentences a reviewer settled otherwise.

def changed_by_review(item: ReviewedClause) -> bool:
    """A reviewer changed what the clause says: its status is not the engine's, or it is 不适用.

    A decision that confirms the engine's status, or only adds an opinion, changes nothing."""
    return item.not_applicable or item.status is not item.finding.status


def article_status(clauses: Iterable[tuple[Status, bool, bool, bool]], engine: Status
                   ) -> Status | None:
    """A statute article's verdict after review, from its sentences' (status after review,
    不适用, ``changed_by_review``, has a reviewer's decision).

    The engine's verdict on the article as a whole ``engine`` stands until a reviewer changes
    one of its sentences; from then on the article rolls up its sentences' reviewed statuses
    the way any section does (``section_status``: 不适用 ones left out, None when all are). A
    sentence no reviewer has decided on counts as carried at least as well as the engine
    judged the whole article: the article's evidence (a provincial article that carries it
    in its own words, a reference to it) may reach further than the sentence's own match, and
    marking another sentence 不适用 must not turn a carried article 未覆盖. A sentence the
    reviewer confirmed keeps the status confirmed.
    """
    found = list(clauses)
    if not any(changed for _status, _not_applicable, changed, _decided in found):
        return engine
    return section_status(((status if decided else _at_least(status, engine), not_applicable)
                           for status, not_applicable, _changed, decided in found), engine)


# How well a status says a requirement is carried, for ``_at_least``.
_CARRIED_RANK = {Status.MISSING: 0, Status.PARTIAL: 1, Status.COVERED: 2}


def _at_least(status: Status, engine: Status) -> Status:
    """``status``, or the engine's article verdict where that says the article is carried
    better (a sentence not expected keeps its own status)."""
    if status in _CARRIED_RANK and engine in _CARRIED_RANK and _CARRIED_RANK[engine] > _CARRIED_RANK[status]:
        return engine
    return status


@dataclass(frozen=True)
class ReviewedArticle:
    """A statute article's verdict with the reviewer's decisions on its sentences applied.

    Attributes:
        alignment: the engine's verdict on the article as a whole, unchanged.
        status: the verdict after review (``article_status``); None when every sentence of it
            was marked 不适用.
        reviewed: a reviewer changed one of its sentences, so ``status`` is rolled up from them.
        changed: how many of its sentences a reviewer changed.
        chosen: the provincial articles (section ids, in document order) in which a reviewer
            chose its sentences' counterparts, other than those the engine linked it to: the
            carrier of an article judged missing (认定由地方第五十八条部分承接), or a match
            chosen instead.
        chosen_text: what the reports say of them: "审核认定对应地方第五十八条", or "".
        reviewed_share: once ``reviewed``, the share of it carried after review
            (``reviewed_share``), as the app's outline shows it; None otherwise, or when none
            of its sentences is to be carried.
    """

    alignment: SectionAlignment
    status: Status | None
    reviewed: bool = False
    changed: int = 0
    chosen: tuple[str, ...] = ()
    chosen_text: str = ""
    reviewed_share: float | None = None

    @property
    def national(self) -> str:
        """The national article's section id."""
        return self.alignment.national

    @property
    def engine_status(self) -> Status:
        """The engine's verdict on the article as a whole."""
        return self.alignment.status

    @property
    def overridden(self) -> bool:
        """The verdict after review is not the engine's."""
        return self.status is not self.alignment.status

    @property
    def reason_text(self) -> str:
        """The engine's reason for the article, without what it says of the sentence rows
        (``ROWS_TOLD``) once a reviewer changed one of them: it would contradict the row
        beside it (第3句未见对应表述 over a row marked 已覆盖（人工）)."""
        text = self.alignment.reason.text
        if self.changed and ROWS_TOLD in text:
            text = text.split(ROWS_TOLD)[0] + "；其中的句子经审核调整，见各句。"
        return text


def review_articles(comparison: Comparison, clauses: Iterable[ReviewedClause]
                    ) -> tuple[ReviewedArticle, ...]:
    """Every statute article judged as a whole (``Comparison.articles``), in order, with its
    verdict after review (``article_status``) from ``clauses``, the reviewed national clauses
    ``review`` gives; empty when the texts were not compared article by article."""
    judged = comparison.articles
    if not judged:
        return ()
    own: dict[str, list[tuple[Status, bool, bool, bool]]] = {a.national: [] for a in judged}
    chosen: dict[str, list[str]] = {a.national: [] for a in judged}
    for item in clauses:
        entry = (item.status, item.not_applicable, changed_by_review(item), item.decision is not None)
        for section_id in rolled_up_sections(comparison.national, item.finding.clause.section):
            if section_id in own:
                own[section_id].append(entry)
                if item.match is not None and item.match_changed and not item.not_applicable:
                    chosen[section_id].append(item.match.clause.section)
    reviewed = []
    for alignment in judged:
        entries = own[alignment.national]
        changed = sum(1 for _status, _not_applicable, was_changed, _decided in entries if was_changed)
        others, said = chosen_carriers(comparison, alignment, chosen[alignment.national])
        share = reviewed_share((status, not_applicable)
                               for status, not_applicable, _changed, _decided in entries)
        share = share if changed else None
        reviewed.append(ReviewedArticle(alignment, article_status(entries, alignment.status),
                                        reviewed=bool(changed), changed=changed, chosen=others,
                                        chosen_text=said, reviewed_share=share))
    return tuple(reviewed)


# A sentence a reviewer judges 部分覆盖 counts as half carried in an article's share after
# review: the engine credits a partial match with half to all of a sentence
# (``core.articles.sentence_credit``), and an article carried in part read 0% beside 部分覆盖.
PARTIAL_SENTENCE_CREDIT = 0.5
REVIEWED_SHARE_RULE = "经审核的句子：已覆盖计 1，部分覆盖计一半 ÷ 适用句子"


def reviewed_share(sentences: Iterable[tuple[Status, bool]]) -> float | None:
    """The share of an article carried after review, from its sentences' statuses and
    不适用 marks: 已覆盖 counts 1, 部分覆盖 ``PARTIAL_SENTENCE_CREDIT``, 未覆盖 0, over the
    sentences to be carried (not 不适用, not 无需地方落实); None when there are none."""
    credit = {Status.COVERED: 1.0, Status.PARTIAL: PARTIAL_SENTENCE_CREDIT, Status.MISSING: 0.0}
    carried = [credit[status] for status, not_applicable in sentences
               if not not_applicable and status in credit]
    return sum(carried) / len(carried) if carried else None


def chosen_carriers(comparison: Comparison, alignment: SectionAlignment, sections: Iterable[str]
                    ) -> tuple[tuple[str, ...], str]:
    """The provincial articles a reviewer chose counterparts in for a national article's
    sentences, beyond those the engine linked it to, and what the reports say of them
    (``ReviewedArticle.chosen``, ``chosen_text``).

    Args:
        alignment: the engine's verdict on the national article.
        sections: the provincial sections of the counterparts the reviewer chose for its
            sentences (not those of sentences marked 不适用).
    """
    articles = {_article_of(comparison.provincial, section) for section in sections}
    others: tuple[str, ...] = tuple(a for a in articles if a is not None and a not in alignment.provincial)
    if len(others) > 1:
        others = tuple(sorted(others, key=_document_order(comparison.provincial)))
    labels = "、".join(comparison.provincial.section(a).label for a in others)
    return others, (f"审核认定对应地方{labels}" if others else "")


def _article_of(outline: Outline, section_id: str) -> str | None:
    """The article (条) a section stands in, itself included; None outside any article."""
    current = section_id
    while current:
        section = outline.section(current)
        if section.kind == "article":
            return section.id
        current = section.parent
    return None


def _document_order(outline: Outline) -> Callable[[str], int]:
    positions = {section.id: number for number, section in enumerate(outline.sections)}
    return lambda section_id: positions.get(section_id, len(positions))
