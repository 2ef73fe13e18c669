"""Stages 4–5: align provincial sections and clauses to national ones and judge coverage.

How it works, in three passes:

1. **Candidates.** Every clause of both texts is tokenised and weighted (core.similarity). For
   each national clause, provincial clauses sharing its most informative tokens are looked up
   in an inverted index — so large documents are not compared all against all — and scored.
2. **Sections.** Each national section's clauses vote, by weight and score, for the provincial
   sections their best candidates lie in; a section is carried by every provincial section that
   wins a fair share of its votes (so merges, splits and moves come out). Votes of child
   sections count for their parents at the parent's level. A section that gets no votes (all
   its sentences dropped or rewritten) is placed by order, between its neighbours' places.
3. **Verdicts.** Candidates are re-ranked with a bonus for lying where the clause's own section
   (or, when it has none, its nearest ancestor) went, so the same sentence repeated in many
   sections goes to the right one. Each provincial clause belongs to the national clause that
   ranks it highest and explains most of it; other national clauses may share it only when
   nearly as strong or when it carries a phrase of theirs its owner lacks (a merged sentence).
   The best remaining candidate is judged covered, partial or missing, and what the match
   lacks is named; a clause nothing carries that no province is expected to carry is set
   apart (core.expected). Every verdict records why (``Reason``). Provincial clauses that
   carry no national clause are additions.

Two statutes are also judged article by article (core.articles), after pass 2: the articles'
many-to-many links replace the vote-based places of the national articles, a sentence two
national articles repeat word for word counts only for the likelier one, and each national
article gets a verdict of its own; its clauses' verdicts stay as evidence.
"""

from __future__ import annotations

import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, replace
from itertools import chain
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz

from core import __version__
from core.articles import (NOTHING_SPECIFIC, ArticleVerdict, PhraseHits, articles, best_sentences,
                           carried_shares, distinctive_phrases, judge_articles, sentence_carriage,
                           sentence_credit, untangle)
from core.coverage import find_gaps, lists_cut, same_sentence
from core.domain import commonness
from core.errors import Cancelled
from core.expected import (beyond_horizon, clause_not_expected, dates_the_text, echo_not_expected, mirrors,
                           national_bodies, repeals_older_text, scoped_elsewhere)
from core.provisions import Provision, provision
from core.leads import ANNOUNCING_REASONS, judge_headings
from core.model import (ALL_BUT_CENTRAL, HEADING_RESTATED, ROWS_TOLD, ROLLUP, STATUS_LABELS, WHOLE_ARTICLE_REASONS, Clause, ClauseFinding, Comparison,
                        Gap, Match, Outline, Reason, Section, SectionAlignment, Status, roll_up)
from core.similarity import (PHRASE_BREAK, PHRASE_MIN_CHARS, Profile, Vocabulary, normalize,
                             phrase_found, score, tokens)

ENGINE = f"duizhao {__version__} align/5"
# Close candidates offered to the reviewer besides a clause's matches.
ALTERNATIVES = 3

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Parameters:
    """Thresholds of the engine. Defaults were tuned on the generated benchmark (`make bench`).

    Attributes:
        covered: a best score at or above this covers the clause (unless a gap makes it partial).
        partial: a best score at or above this (and below ``covered``) is a partial match;
            below it the clause is missing.
        candidates: how many provincial candidates are scored in full per national clause.
        lookup_tokens: how many of a clause's most informative tokens are used for look-up.
        section_share: share of a national section's votes a provincial section needs to be
            aligned with it.
        vote_floor: the best score with which a clause still votes for where its section
            went. Lower than ``partial``: a rewrite too loose to cover a clause still shows
            where its section went (statutes rewritten by a province, article by article).
        context_bonus: ranking bonus for candidates inside the provincial sections aligned with
            the clause's section (or its nearest aligned ancestor).
        match_window: further matches are listed when within this many points of the best.
        claim_margin: a candidate that another national clause claims more strongly by this
            many points (see ``Candidate.claim``) belongs to that clause, unless it carries a
            phrase or the own words of this one that the other lacks (``_merged``).
        piece: a candidate this national clause explains to at least this share
            (``Matcher.explained``) is listed beside the best match whatever its distance from
            it: a long national sentence written as two provincial ones.
        topic: the least whole-text score (``Matcher.section_score``) with which a section
            that no sentence placed goes to a provincial section near where its neighbours went.
        topic_margin: how far that best whole-text score must stand above the next one.
        article_strong: for two statutes (core.articles), the evidence 0–1 with which a
            provincial article carries a national one on its own.
        article_strong_relative: strong evidence links only when it comes to at least this
            share of the best evidence the provincial article has for any national article.
        article_floor: the least evidence with which a provincial article carries a national
            one that is (nearly) the best it has for any national article.
        article_relative: how near that best the evidence must come (a share of it).
        article_row_relative: ... and a provincial article links a national one only when its
            evidence comes to at least this share of the best evidence any provincial article
            linked to that national one has: a weak tail beside the article it went to is where
            some of its words went, not where it went (a sentence that covers one of its
            sentences links whatever).
        article_pair_share: the share of the articles' whole-text similarity that comes from
            what sets them apart within this pair of texts (``pair_similarity``:
            their words of two characters or more and character pairs, a feature every article
            holds weighing nothing); the rest is the matcher's own article similarity. Zero
            leaves the matcher's alone (the bench's plain peers).
        article_far_share, article_far_relative: ... and where a national article is linked to
            several provincial ones, one that stands more than ``article_far_share`` of the
            provincial text away from its best (in articles) links it only when its evidence
            comes to at least ``article_far_relative`` of the best's: a province spreads an
            article over its neighbours, and a weak link far off is a shared topic, not a part
            of it (a sentence that covers one of its sentences links whatever).
        article_sentence_link: a provincial article holding a sentence that scores at least
            this against one of a national article's sentences carries that article when their
            evidence reaches ``article_floor``, even where it renders another national article
            better (行业协会商会应当……: the province's article on the associations carries the
            national one on their services beside the one on their rules). A sentence that
            would cover (``covered``) links them whatever the evidence.
        article_carried_factor: how much the share of a national article's content that a
            provincial article's sentences carry counts as evidence, beside the whole texts'
            similarity.
        article_tie: a provincial sentence that sentences of two national articles match within
            this many points counts only for the article likest its own (``untangle``).
        article_covered: the least share of a national article's content its linked
            provincial articles carry for it to be covered.
        article_phrase_chars: a national article that no evidence links is still carried in
            part by a provincial article in which at least this many characters of its own
            distinctive phrasing stand near-verbatim (``core.articles.distinctive_phrases``).
        article_phrase_commonness: a phrase is distinctive only when one of its words occurs
            in at most this share of the field's documents (``core.domain.commonness``): a
            phrase of formula words alone (依法追究刑事责任) is said by every law.
        article_citation_rank: a national article a provincial one cites by number
            (按照《教师法》第三十九条) is carried by it only when at most this many national
            articles are nearer the citing article: a text made under an earlier version of
            the law cites that version's numbers.
        article_citation_share: ... and only when its evidence comes to at least this share
            of the best evidence the citing article has for any national article.
        article_same_breach: a national penalty article nothing else links goes to the
            provincial penalty article whose breach is likest its own, when its own is the
            likest for that article too and their likeness comes to at least this.
        shortened_list: a national sentence that lists three or more things (……的监测、检测、
            诊断、……等技术工作) is also scored with each list cut to its first member and the
            words after 等 (……的监测技术工作), as a province that condenses the list writes it;
            a match found only so scores at most this — partial, never covered, since what the
            list named is not all there.
        article_nearest, article_nearest_relative: a national article judged missing names
            at most ``article_nearest`` provincial articles nearest it for the reviewer to
            check (the reason's words, ``SectionAlignment.nearest`` and ``runners_up``), the
            runners-up only where their evidence comes to ``article_nearest_relative`` of the
            nearest's. On the real pairs the nearest carries a missing article the gold calls
            carried about half the time, one of the three nearest three times in four.
        merge_own, merge_carried: a provincial clause a stronger claimant owns is shared with
            this one as a reworded merge when the words of this one that no stronger claimant
            has weigh at least ``merge_own`` of it and at least ``merge_carried`` of them stand
            in the provincial clause (``Matcher.own_words_carried``).
        lead_chars: a policy sentence of one phrase and at most this many characters, followed
            by others in its paragraph, is a run-in heading (提升辅助决策能力。) and is judged by
            the sentences it heads when nothing carries it itself (``core.leads``; so is one of
            two short phrases opening its paragraph, 建立……指标体系，发挥导向引领作用。). The
            headings of State Council guidelines run to 17 characters; their shortest task
            sentences of one phrase to 21.
        heading_carries: a policy sentence nothing else carries is carried by a provincial
            heading that restates it (1.全面实施绿色开采，减少……处置量。以煤炭……为重点……: the
            province made the national sentence the heading of its task) when the two, folded,
            are at least this alike (rapidfuzz ratio, 0–100).
    """

    covered: float = 62.0
    partial: float = 39.0
    candidates: int = 12
    lookup_tokens: int = 8
    section_share: float = 0.25
    vote_floor: float = 30.0
    context_bonus: float = 12.0
    match_window: float = 12.0
    claim_margin: float = 10.0
    piece: float = 0.8
    topic: float = 20.0
    topic_margin: float = 4.0
    article_strong: float = 0.25
    article_strong_relative: float = 0.4
    article_floor: float = 0.12
    article_relative: float = 0.9
    article_row_relative: float = 0.3
    article_far_share: float = 0.1
    article_far_relative: float = 0.5
    article_pair_share: float = 0.4
    article_sentence_link: float = 57.0
    article_carried_factor: float = 0.4
    article_tie: float = 3.0
    article_covered: float = 0.5
    article_phrase_chars: int = 8
    article_phrase_commonness: float = 0.05
    article_citation_rank: int = 5
    article_citation_share: float = 0.25
    article_same_breach: float = 0.22
    lead_chars: int = 18
    heading_carries: float = 80.0
    merge_own: float = 0.25
    merge_carried: float = 0.5
    shortened_list: float = 61.9
    article_nearest: int = 3
    article_nearest_relative: float = 0.4

    def items(self) -> tuple[tuple[str, float], ...]:
        """(name, value) pairs, for storing with a result."""
        return tuple((f.name, float(getattr(self, f.name))) for f in fields(self))


# The profile a prepared clause has until the vocabulary of both texts is known.
_NO_PROFILE = Profile(chars="", weights={}, total=1.0)


@dataclass
class PreparedClause:
    """A clause with its tokens and, once both texts' vocabulary is known, its profile."""

    clause: Clause
    words: list[str]
    profile: Profile = _NO_PROFILE
    # A national sentence with its lists cut short (``core.coverage.lists_cut``), when it has
    # any, and the words of the lists' heads (……等技术工作) a rendering of it must keep.
    shortened: Profile | None = None
    heads: frozenset[str] = frozenset()


class Steps:
    """Progress reporting and cancellation for one compare."""

    def __init__(self, total: int, progress: ProgressCallback | None, cancel: CancelCheck | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def advance(self, count: int, message: str) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        self.done = min(self.done + count, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total, message)


def compare_outlines(national: Outline, provincial: Outline, *,
                     parameters: Parameters | None = None,
                     progress: ProgressCallback | None = None,
                     cancel: CancelCheck | None = None,
                     matcher: Matcher | None = None) -> Comparison:
    """Compare a provincial outline with a national one.

    Args:
        national: outline of the national text.
        provincial: outline of the provincial text.
        parameters: engine thresholds (defaults when None).
        progress: called as ``progress(done, total, message)`` while the work goes on.
        cancel: polled between steps; when it returns True, ``Cancelled`` is raised.
        matcher: how candidates are found and scored (TokenMatcher when None).

    Returns:
        The comparison: section alignments, a finding for every national clause, additions.
    """
    parameters = parameters or Parameters()
    national_clauses = national.clauses()
    provincial_clauses = provincial.clauses()
    steps = Steps(2 * len(national_clauses) + len(provincial_clauses) + 1, progress, cancel)

    nat = _prepare(national_clauses, steps, "正在分词：国家文件")
    prov = _prepare(provincial_clauses, steps, "正在分词：地方文件")
    vocabulary = Vocabulary([p.words for p in nat] + [p.words for p in prov],
                            reworded=national.grammar == "policy")
    for prepared in nat + prov:
        prepared.profile = vocabulary.profile(prepared.clause.text, prepared.words)
    for prepared in nat:
        shortened, heads = lists_cut(prepared.clause.text)
        if heads:
            prepared.shortened = vocabulary.profile(shortened, tokens(shortened))
            prepared.heads = frozenset(word for head in heads for word in tokens(head))

    matcher = matcher or TokenMatcher()
    candidates = matcher.candidates(nat, prov, vocabulary, parameters, steps)
    aligned = _align_sections(national, provincial, nat, prov, candidates, parameters, matcher)
    aligned = _fill_by_order(national, provincial, aligned,
                             lambda n, p: _titles_match(n, p, vocabulary, parameters, matcher))
    aligned = _place_by_topic(national, provincial, nat, prov, aligned, vocabulary, parameters,
                              matcher)
    by_article: dict[str, ArticleVerdict] = {}
    offered = candidates
    if _by_article(national, provincial):
        by_article, candidates = _article_verdicts(national, provincial, nat, prov, candidates,
                                                   parameters, matcher)
        aligned.update({section: verdict.provincial for section, verdict in by_article.items()})
    carriers = {section: frozenset(verdict.provincial) for section, verdict in by_article.items()
                if verdict.status in (Status.COVERED, Status.PARTIAL)}
    findings = _verdicts(national, provincial, nat, prov, candidates, aligned, parameters, steps,
                         matcher, offered=offered, carriers=carriers)
    sentences = Counter(f.clause.section for f in findings)
    findings = tuple(_within_article(f, by_article.get(f.clause.section), provincial,
                                     alone=sentences[f.clause.section] == 1) for f in findings)
    findings = judge_headings(findings, parameters.lead_chars,
                              lambda clause: clause_name(provincial, clause),
                              policy=national.grammar == "policy")
    if national.grammar == "policy":
        findings = _carried_by_headings(findings, provincial, parameters)
    carried = {m.clause.id for f in findings for m in f.matches}
    # A provincial purpose or scope article that carries its national counterpart as a whole
    # is no local addition either.
    frame = {a.id for index, a in enumerate(articles(provincial))
             if provision(a.paragraphs, index) in (Provision.PURPOSE, Provision.SCOPE)}
    counterparts = {p for v in by_article.values() if v.reason.code == "counterpart"
                    for p in v.provincial if p in frame}
    # The province's own 施行 sentence is no local addition: it dates the text, adds nothing;
    # nor is the repeal of its older text that follows the date (……同时废止).
    dated = {p.clause.section for p in prov if dates_the_text(p.clause.text)}
    additions = tuple(p.clause for p in prov if p.clause.id not in carried
                      and p.clause.section != "0" and p.clause.section not in counterparts
                      and not dates_the_text(p.clause.text)
                      and not (p.clause.section in dated and repeals_older_text(p.clause.text)))
    by_article = _carried_but_central(by_article, findings, provincial)
    sections = _with_rows_told(_section_results(national, findings, aligned, by_article), findings,
                               by_article)
    warnings = []
    if not provincial_clauses:
        warnings.append("地方文件没有可比对的正文内容，所有国家文件条款均为未覆盖。")
    if national.grammar != provincial.grammar and "plain" not in (national.grammar, provincial.grammar):
        warnings.append("两份文件的编号体例不同（政策文件与法规条文），章节对应仅供参考。")
    steps.advance(1, "对照完成")
    return Comparison(national=national, provincial=provincial, sections=sections,
                      clauses=findings, additions=additions, engine=ENGINE,
                      parameters=parameters.items(), warnings=tuple(warnings))


def _carried_by_headings(findings: Sequence[ClauseFinding], provincial: Outline,
                         parameters: Parameters) -> tuple[ClauseFinding, ...]:
    """Policy sentences left 未覆盖 that a provincial heading restates, carried by it.

    Drafters make a national task the heading of a task of their own (1.全面实施绿色开采，减少
    矿业固体废物产生和贮存处置量。以煤炭……为重点，……): the sentence stands in the provincial
    text, as a heading, which no sentence match sees. A heading that holds it nearly whole
    (``Parameters.heading_carries``) carries it; the reason names the heading. A sentence judged
    by the sentences it heads (``core.leads``) keeps that verdict.
    """
    headings = [(section, normalize(section.title)) for section in provincial.sections
                if section.title and section.id != "0"]
    if not headings:
        return tuple(findings)
    judged = []
    for finding in findings:
        if finding.status is not Status.MISSING or finding.reason.code in ANNOUNCING_REASONS:
            judged.append(finding)
            continue
        text = normalize(finding.clause.text)
        similarity, section = max(((fuzz.ratio(text, title), section) for section, title in headings),
                                  key=operator.itemgetter(0))
        if similarity < parameters.heading_carries:
            judged.append(finding)
            continue
        path = provincial.label_path(section.id)
        judged.append(replace(finding, status=Status.COVERED, score=round(similarity, 1),
                              reason=Reason(HEADING_RESTATED,
                                            f"地方{path}以本句为小标题（“{_excerpt(section.title)}”，"
                                            f"相似度{similarity:.0f}），由该项承接。")))
    return tuple(judged)


def _prepare(clauses: tuple[Clause, ...], steps: Steps, message: str) -> list[PreparedClause]:
    prepared = []
    for index, clause in enumerate(clauses):
        prepared.append(PreparedClause(clause, tokens(clause.text)))
        if index % 64 == 63:
            steps.advance(64, message)
    steps.advance(len(clauses) % 64, message)
    return prepared


_NO_POSTINGS = np.zeros(0, dtype=np.int64)


class TokenMatcher:
    """Finds candidates through an inverted index of informative tokens, then scores them.

    Only provincial clauses that share one of a national clause's most informative tokens are
    scored, so the cost grows with the documents' size, not with its square.
    """

    def candidates(self, nat: list[PreparedClause], prov: list[PreparedClause], vocabulary: Vocabulary,
                   parameters: Parameters, steps: Steps) -> list[list[tuple[float, int]]]:
        """For each national clause, (score, provincial index) pairs, best first."""
        postings: dict[str, list[int]] = defaultdict(list)
        for position, prepared in enumerate(prov):
            for word in prepared.profile.weights:
                if vocabulary.informative(word):
                    postings[word].append(position)
        index = {word: np.array(positions) for word, positions in postings.items()}
        result: list[list[tuple[float, int]]] = []
        for count, prepared in enumerate(nat):
            weights = prepared.profile.weights
            ranked_words = sorted((w for w in weights if vocabulary.informative(w)),
                                  key=lambda w: (-weights[w], w))
            found = self._scored(prepared, ranked_words[:parameters.lookup_tokens], index,
                                 prov, parameters)
            if not found or found[0][0] < parameters.partial:
                # A clause's rarest words are often the very ones the province changed
                # (十九大 → 二十大, or a list of new names dropped): look again with the
                # informative words it does use.
                present = [w for w in ranked_words if w in index][:parameters.lookup_tokens]
                if present != ranked_words[:parameters.lookup_tokens]:
                    again = self._scored(prepared, present, index, prov, parameters)
                    found = sorted(set(found) | set(again), key=lambda pair: (-pair[0], pair[1]))
            result.append(found[:parameters.candidates])
            if count % 32 == 31:
                steps.advance(32, "正在比对条款")
        steps.advance(len(nat) % 32, "正在比对条款")
        return result

    @staticmethod
    def _scored(prepared: PreparedClause, lookup: list[str], index: dict[str, np.ndarray],
                prov: list[PreparedClause], parameters: Parameters) -> list[tuple[float, int]]:
        """(score, provincial index) of the provincial clauses sharing most weight of the
        lookup words, best first."""
        weights = prepared.profile.weights
        shared = np.zeros(len(prov))
        for word in lookup:
            # A word's postings name each clause once: the sums are those of a loop, in order.
            shared[index.get(word, _NO_POSTINGS)] += weights[word]
        sharing = np.flatnonzero(shared)
        # The heaviest first, the earlier clause first among equals.
        best = sharing[np.lexsort((sharing, -shared[sharing]))[:parameters.candidates]].tolist()

        def scored(provincial: Profile) -> float:
            found = score(prepared.profile, provincial)
            if prepared.shortened is not None and prepared.heads <= provincial.weights.keys():
                found = max(found, min(parameters.shortened_list, score(prepared.shortened, provincial)))
            return found

        return sorted(((scored(prov[p].profile), p) for p in best), key=lambda pair: (-pair[0], pair[1]))

    def explained(self, national: PreparedClause, provincial: PreparedClause) -> float:
        """Share of the provincial clause's weighted content the national clause carries.

        A short national item found verbatim inside a long provincial sentence scores as high
        as the national sentence that sentence really renders; this tells the two apart.
        """
        own = national.profile.weights
        weights = provincial.profile.weights
        # map and filter run in C: this is asked of tens of thousands of pairs.
        return sum(map(weights.__getitem__, filter(own.__contains__, weights))) / provincial.profile.total

    def phrases(self, clause: PreparedClause) -> tuple[str, ...]:
        """The clause's comma phrases, normalised."""
        return clause.profile.phrases

    def phrase_found(self, phrase: str, clause: PreparedClause) -> bool:
        """Whether the phrase stands near-verbatim in the clause (as the score reads it)."""
        return phrase_found(phrase, clause.profile)

    def own_words_carried(self, national: PreparedClause, provincial: PreparedClause,
                          stronger: list[PreparedClause], parameters: Parameters) -> bool:
        """Whether the provincial clause carries the national clause's own words: the
        informative words no stronger claimant has, weighing at least ``merge_own`` of the
        clause, of which at least ``merge_carried`` stand in the provincial clause."""
        taken = set().union(*(other.profile.weights.keys() for other in stronger))
        own = {word: weight for word, weight in national.profile.weights.items()
               if len(word) > 1 and word not in taken}
        total = sum(own.values())
        if total < parameters.merge_own * national.profile.total:
            return False
        present = provincial.profile.weights
        return sum(w for word, w in own.items() if word in present) >= parameters.merge_carried * total

    def vote_weight(self, clause: PreparedClause) -> float:
        """How much the clause's vote counts: its weighted content."""
        return clause.profile.total

    def title_score(self, national: str, provincial: str, vocabulary: Vocabulary) -> float:
        """Similarity 0–100 of two section headings, scored like clauses."""
        profiles = [vocabulary.profile(title, tokens(title)) for title in (national, provincial)]
        return score(*profiles)

    def section_score(self, national: list[PreparedClause], provincial: list[PreparedClause],
                      vocabulary: Vocabulary) -> float:
        """Similarity 0–100 of two sections' whole texts, scored like clauses."""
        profiles = [vocabulary.profile("".join(p.clause.text for p in clauses),
                                       [w for p in clauses for w in p.words])
                    for clauses in (national, provincial)]
        return score(*profiles)


    def article_similarity(self, national: list[list[PreparedClause]],
                           provincial: list[list[PreparedClause]]) -> list[list[float]]:
        """Cosine 0–1 of every national article to every provincial one as whole texts.

        Each article is a bag of its informative words and of its character pairs, weighted
        by how few of the two texts' articles hold them (so what every article of a law says
        weighs little) and by the logarithm of their count, and scaled to length one.
        """
        if not national or not provincial:
            return [[0.0] * len(provincial) for _ in national]
        bags = [_article_bag(clauses) for clauses in national + provincial]
        return np.round(_cosines(bags, len(national), idf_floor=1.0), 4).tolist()


# A word that more national articles use is the law's own subject, not one article's.
_FEW_ARTICLES = 2


def _near(clauses: list[PreparedClause]) -> Callable[[str], list[int]]:
    """A look-up of the clauses holding at least half a phrase's character pairs (a cheap
    necessary condition for it to stand there near-verbatim), built on first use."""
    index: dict[str, list[int]] = defaultdict(list)

    def near(phrase: str) -> list[int]:
        if not index:
            for position, prepared in enumerate(clauses):
                chars = prepared.profile.bare + prepared.profile.chars
                for pair in set(map(operator.add, chars, chars[1:])):
                    index[pair].append(position)
        counts: Counter[int] = Counter()
        pairs = {phrase[k:k + 2] for k in range(len(phrase) - 1)}
        for pair in pairs:
            counts.update(index.get(pair, ()))
        return sorted(p for p, n in counts.items() if 2 * n >= len(pairs))
    return near


# Features taken at a time when comparing articles as wholes (see article_similarity).
_FEATURE_BLOCK = 4096


def pair_similarity(national: list[list[PreparedClause]],
                    provincial: list[list[PreparedClause]]) -> np.ndarray:
    """Cosine 0–1 of every national article to every provincial one (their clauses) by what
    sets articles apart within this pair of texts.

    Each article is a bag of its content words of two characters or more and of the pairs of
    Chinese characters that stand side by side in it, weighted by the logarithm of their count
    and by how few of the two texts' articles hold them, with no floor: what every article of
    the pair says weighs nothing, so two articles are alike by the words only they share
    (行业协会商会, 经营自主权).
    """
    if not national or not provincial:
        return np.zeros((len(national), len(provincial)))
    bags: list[dict[str, int]] = []
    for clauses in [*national, *provincial]:
        runs = _HAN_RUN.findall("\n".join(prepared.clause.text for prepared in clauses))
        bag = Counter(["c" + run[k:k + 2] for run in runs for k in range(len(run) - 1)])
        bag.update(["w" + word for prepared in clauses for word in prepared.words
                     if len(word) >= 2 and _WORD.fullmatch(word)])
        bags.append(bag)
    # Single precision: a share of a mixed similarity needs no more, and long statutes compare
    # twice as fast.
    return _cosines(bags, len(national), idf_floor=0.0, dtype=np.float32)


_WORD = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _cosines(bags: list[dict[str, int]], split: int, *, idf_floor: float,
             dtype: type = np.float64) -> np.ndarray:
    """Cosine of each of the first ``split`` bags with each of the others, features weighted
    by the logarithm of their count and by ``log((n + 1) / (df + 1)) + idf_floor`` over all the
    bags (with a floor of 0 a feature every bag holds weighs nothing).

    Only features both sides hold add to a cosine. Those that few articles hold are summed pair
    by pair (``_sparse_part``); the few that many hold go through dense products a block at a
    time (``_dense_part``, in ``dtype``), so two long statutes never need the whole articles ×
    features matrix in memory.
    """
    vocabulary: dict[str, int] = {}
    rows = np.repeat(np.arange(len(bags), dtype=np.int64), [len(bag) for bag in bags])
    columns = np.array([vocabulary.setdefault(feature, len(vocabulary))
                        for feature in chain.from_iterable(bags)], dtype=np.int64)
    counts_list = list(chain.from_iterable(bag.values() for bag in bags))
    documents = np.bincount(columns, minlength=len(vocabulary))
    idf = np.log((len(bags) + 1) / (documents + 1)) + idf_floor
    values = (1.0 + np.log(np.array(counts_list, dtype=float))) * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(bags)))
    norms[norms == 0] = 1.0
    left = rows < split
    right_count = len(bags) - split
    left_df = np.bincount(columns[left], minlength=len(vocabulary))
    right_df = np.bincount(columns[~left], minlength=len(vocabulary))
    # The products a feature adds to the cosines: most features stand in few articles and add
    # few, summed pair by pair; the few that stand in many go through a dense product.
    products = left_df * right_df
    heavy = products * _SPARSE_COST > split * right_count
    cosine = np.zeros((split, right_count))
    _dense_part(cosine, rows, columns, values, left, heavy, split, dtype)
    light = (products > 0) & ~heavy
    _sparse_part(cosine, rows, columns, values, left, light, np.where(light, right_df, 0), split)
    cosine /= np.outer(norms[:split], norms[split:])
    return cosine


# How many times dearer one product summed pair by pair is than one inside a dense product.
_SPARSE_COST = 200
# Pairs summed at a time by ``_sparse_part`` (memory: some 40 bytes each).
_PAIR_BLOCK = 1 << 19


def _dense_part(cosine: np.ndarray, rows: np.ndarray, columns: np.ndarray, values: np.ndarray,
                left: np.ndarray, features: np.ndarray, split: int, dtype: type) -> None:
    """Add to ``cosine`` what the chosen features add, as dense products ``_FEATURE_BLOCK``
    features at a time (so two long statutes never need the whole matrix in memory)."""
    renumbered = np.cumsum(features) - 1
    sides = []
    for side, offset, count in ((left, 0, split), (~left, split, cosine.shape[1])):
        keep = side & features[columns]
        sides.append((count, rows[keep] - offset, renumbered[columns[keep]], values[keep]))
    for start in range(0, int(features.sum()), _FEATURE_BLOCK):
        blocks = []
        for count, rows_, columns_, values_ in sides:
            inside = (columns_ >= start) & (columns_ < start + _FEATURE_BLOCK)
            block: np.ndarray = np.zeros((count, _FEATURE_BLOCK), dtype=dtype)
            block[rows_[inside], columns_[inside] - start] = values_[inside]
            blocks.append(block)
        cosine += blocks[0] @ blocks[1].T


def _sparse_part(cosine: np.ndarray, rows: np.ndarray, columns: np.ndarray, values: np.ndarray,
                 left: np.ndarray, features: np.ndarray, right_df: np.ndarray, split: int) -> None:
    """Add to ``cosine`` what the chosen features add, summing the product of every left
    entry with every right entry of the same feature (``right_df``: each chosen feature's
    right entries, 0 for the others)."""
    right = ~left & features[columns]
    order = np.argsort(columns[right], kind="stable")
    right_rows = rows[right][order] - split
    right_values = values[right][order]
    first_right = np.concatenate(([0], np.cumsum(right_df)[:-1]))
    keep = left & features[columns]
    left_rows, left_columns, left_values = rows[keep], columns[keep], values[keep]
    counts = right_df[left_columns]
    ends = np.cumsum(counts)
    width = cosine.shape[1]
    begin = 0
    while begin < len(counts):
        # As many left entries as make about _PAIR_BLOCK pairs (one at least).
        done = int(ends[begin - 1]) if begin else 0
        stop = max(begin + 1, int(np.searchsorted(ends, done + _PAIR_BLOCK, side="right")))
        chunk = counts[begin:stop]
        entry = np.repeat(np.arange(begin, stop), chunk)
        offset = np.arange(len(entry)) - np.repeat(ends[begin:stop] - chunk - done, chunk)
        partner = first_right[left_columns[entry]] + offset
        cosine += np.bincount(left_rows[entry] * width + right_rows[partner],
                              weights=left_values[entry] * right_values[partner],
                              minlength=cosine.size).reshape(cosine.shape)
        begin = stop


def _article_bag(clauses: list[PreparedClause]) -> dict[str, int]:
    """An article's informative words and character pairs with their counts."""
    bag: dict[str, int] = defaultdict(int)
    for prepared in clauses:
        for word in prepared.words:
            bag["w" + word] += 1
        chars = prepared.profile.chars
        for pair in zip(chars, chars[1:]):
            bag["c" + pair[0] + pair[1]] += 1
    return bag


class Matcher(Protocol):
    """How clauses are compared; the benchmark plugs its baselines in here.

    Everything the engine asks of a comparison goes through the matcher, so a baseline runs
    the engine's thresholds logic on its own reading of the texts, never on Duizhao's tokens.
    """

    def candidates(self, nat: list[PreparedClause], prov: list[PreparedClause], vocabulary: Vocabulary,
                   parameters: Parameters, steps: Steps) -> list[list[tuple[float, int]]]:
        """For each national clause, (score 0–100, provincial index) pairs, best first."""

    def explained(self, national: PreparedClause, provincial: PreparedClause) -> float:
        """Share 0–1 of the provincial clause that the national clause explains (the reverse
        of the score); it decides which national clause a provincial clause belongs to."""

    def phrases(self, clause: PreparedClause) -> tuple[str, ...]:
        """The clause's phrases, the evidence of a merged sentence."""

    def phrase_found(self, phrase: str, clause: PreparedClause) -> bool:
        """Whether a phrase stands near-verbatim in a clause."""

    def own_words_carried(self, national: PreparedClause, provincial: PreparedClause,
                          stronger: list[PreparedClause], parameters: Parameters) -> bool:
        """Whether the provincial clause carries what sets the national clause apart from the
        stronger claimants: a merged sentence the province reworded."""

    def vote_weight(self, clause: PreparedClause) -> float:
        """How much a national clause's vote for where its section went counts."""

    def title_score(self, national: str, provincial: str, vocabulary: Vocabulary) -> float:
        """Similarity 0–100 of two section headings."""

    def section_score(self, national: list[PreparedClause], provincial: list[PreparedClause],
                      vocabulary: Vocabulary) -> float:
        """Similarity 0–100 of two sections' whole texts."""

    def article_similarity(self, national: list[list[PreparedClause]],
                           provincial: list[list[PreparedClause]]) -> list[list[float]]:
        """Similarity 0–1 of every national article to every provincial one (clauses each)."""


def _ancestor_at_level(outline: Outline, section_id: str, level: int) -> str:
    """The section's ancestor at the given level (itself when it is not deeper)."""
    current = outline.section(section_id)
    while current.level > level and current.parent:
        current = outline.section(current.parent)
    return current.id


def _align_sections(national: Outline, provincial: Outline, nat: list[PreparedClause],
                    prov: list[PreparedClause], candidates: list[list[tuple[float, int]]],
                    parameters: Parameters, matcher: Matcher) -> dict[str, tuple[str, ...]]:
    """National section id → aligned provincial section ids, by clause votes.

    A clause votes only with candidates no other national clause claims far more strongly: a
    dropped sentence would otherwise vote for wherever its near-identical siblings stand.
    A provincial sentence that several national ones claim equally well (a statute's
    identical items in two articles) is decided in a second round: its vote goes to the
    clauses whose sections the uncontested votes already aligned with where it stands.
    """
    ranked = _ranked(nat, prov, candidates, parameters, [set()] * len(nat), provincial, matcher)
    claimants = _claimants(ranked)
    ballots = [_ballot(prepared, ranking, claimants, parameters, matcher)
               for prepared, ranking in zip(nat, ranked)]
    contested = {p for p, claims in claimants.items()
                 if sum(1 for claim, _ in claims
                        if claims[0][0] - claim < parameters.claim_margin) > 1}
    first = _tally(national, provincial, nat, prov, [
        [(p, w) for p, w in ballot if p not in contested] for ballot in ballots], parameters)
    places = [_nearest_places(national, first, prepared.clause.section) for prepared in nat]
    rival_placed = {p: _placed_by_rival(p, claimants, places, provincial, prov, parameters)
                    for p in contested}
    kept = []
    for ballot, own_places in zip(ballots, places):
        # A contested vote is dropped when an equal claimant's section went where the
        # provincial sentence stands and this clause's section did not.
        kept.append([(p, w) for p, w in ballot if p not in contested
                     or _within(provincial, prov[p].clause.section, own_places)
                     or not rival_placed[p]])
    return _tally(national, provincial, nat, prov, kept, parameters)


def _nearest_places(national: Outline, aligned: dict[str, tuple[str, ...]],
                    section_id: str) -> set[str]:
    """Where a national section went: its own aligned sections, else its nearest ancestor's."""
    while section_id:
        if aligned.get(section_id):
            return set(aligned[section_id])
        section_id = national.section(section_id).parent if section_id != "0" else ""
    return set()


def _ballot(prepared: PreparedClause, ranking: list[Candidate],
            claimants: dict[int, list[tuple[float, int]]], parameters: Parameters,
            matcher: Matcher) -> list[tuple[int, float]]:
    """(provincial index, weight) votes of one national clause."""
    scored = sorted(((c.score, c.position) for c in ranking
                     if claimants[c.position][0][0] - c.claim < parameters.claim_margin),
                    key=lambda pair: (-pair[0], pair[1]))
    if not scored or scored[0][0] < parameters.vote_floor:
        return []
    best_score = scored[0][0]
    # A sentence found equally well in several places (boilerplate repeated in every part)
    # says little about where its section went: its vote is split among the places.
    tied = [p for s, p in scored if s >= best_score - 1.0]
    weight = matcher.vote_weight(prepared) * best_score / 100.0 / len(tied)
    return [(p, weight) for p in tied]


def _placed_by_rival(position: int, claimants: dict[int, list[tuple[float, int]]],
                     places: list[set[str]], provincial: Outline, prov: list[PreparedClause],
                     parameters: Parameters) -> bool:
    """Whether some equal claimant's section is aligned with where the provincial clause is.

    ``places[i]`` is where national clause i's section went (see ``_nearest_places``).
    """
    top = claimants[position][0][0]
    section = prov[position].clause.section
    return any(_within(provincial, section, places[index])
               for claim, index in claimants[position] if top - claim < parameters.claim_margin)


def _tally(national: Outline, provincial: Outline, nat: list[PreparedClause],
           prov: list[PreparedClause], ballots: list[list[tuple[int, float]]],
           parameters: Parameters) -> dict[str, tuple[str, ...]]:
    """Aligned provincial sections of each national section from its clauses' votes.

    A parent is carried by a place that one of its children alone voted for only when that is
    the parent's strongest place: a single task moved to another part is reported as moved at
    its own level, and does not make its whole part go there too.
    """
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    voters: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for prepared, ballot in zip(nat, ballots):
        for position, weight in ballot:
            target = prov[position].clause.section
            own = prepared.clause.section
            section = national.section(own)
            # The vote counts for the clause's own section and, lifted to each ancestor's
            # level, for every ancestor.
            while True:
                lifted = (_ancestor_at_level(provincial, target, section.level)
                          if target != "0" else "0")
                votes[section.id][lifted] += weight
                voters[section.id][lifted].add(own)
                if not section.parent:
                    break
                section = national.section(section.parent)
    aligned: dict[str, tuple[str, ...]] = {}
    order = {s.id: n for n, s in enumerate(provincial.sections)}
    for section in national.sections:
        received = votes.get(section.id)
        if not received:
            aligned[section.id] = ()
            continue
        total = sum(received.values())
        strongest = max(received.values())
        winners = [p for p, v in received.items() if v >= parameters.section_share * total
                   and (v == strongest or _several_voters(section.id, voters[section.id][p]))]
        aligned[section.id] = tuple(sorted(winners, key=order.__getitem__))
    return aligned


def _several_voters(section_id: str, sources: set[str]) -> bool:
    """Whether votes for a place came from the section's own clauses or from more than one
    of its descendants."""
    return section_id in sources or len(sources) > 1


def _fill_by_order(national: Outline, provincial: Outline, aligned: dict[str, tuple[str, ...]],
                   titles_match: Callable[[Section, Section], bool]) -> dict[str, tuple[str, ...]]:
    """Place national sections no clause placed by where their neighbours went.

    When every sentence of a section was dropped or rewritten beyond recognition, its
    neighbours still say where it stood: a run of such sections goes, in order, to the
    provincial sections between the places of the run's neighbours (or the start or end of
    the part), when there are as many of them, no other national section went there and
    each has no content of its own or the same title.
    """
    filled = dict(aligned)
    taken = {p for places in aligned.values() for p in places}
    parents = dict.fromkeys(s.parent for s in national.sections if s.id != "0")
    for parent in parents:
        siblings = national.children(parent)
        for first, last in _unplaced_runs(siblings, filled):
            before = filled[siblings[first - 1].id] if first > 0 else None
            after = filled[siblings[last + 1].id] if last + 1 < len(siblings) else None
            places = _between(provincial, before, after, last - first + 1)
            if not places or any(p.id in taken for p in places):
                continue
            run = siblings[first:last + 1]
            if any(p.clauses and not titles_match(n, p) for n, p in zip(run, places)):
                continue
            for section, place in zip(run, places):
                filled[section.id] = (place.id,)
                taken.add(place.id)
    return filled


def _place_by_topic(national: Outline, provincial: Outline, nat: list[PreparedClause],
                    prov: list[PreparedClause], aligned: dict[str, tuple[str, ...]],
                    vocabulary: Vocabulary, parameters: Parameters,
                    matcher: Matcher) -> dict[str, tuple[str, ...]]:
    """Place a national section no sentence placed by the topic of its whole text.

    A province often rewrites an article from end to end: no sentence is close enough to
    vote, yet the article treats the same matter (普法责任制 in both). Such a section goes to
    the provincial section, within the part where its neighbours went, whose whole text is
    most alike — when that one stands out from the rest.
    """
    by_section: dict[str, list[PreparedClause]] = defaultdict(list)
    for prepared in prov:
        if prepared.clause.section != "0":
            by_section[prepared.clause.section].append(prepared)
    own: dict[str, list[PreparedClause]] = defaultdict(list)
    for prepared in nat:
        own[prepared.clause.section].append(prepared)
    placed = dict(aligned)
    taken = {p for places in aligned.values() for p in places}
    for section in national.sections:
        if section.id == "0" or aligned.get(section.id) or not own.get(section.id):
            continue
        region = _neighbours_parts(national, provincial, aligned, section)
        choices = [p for p in by_section if p not in taken and _within(provincial, p, region)]
        scored = sorted(((matcher.section_score(own[section.id], by_section[p], vocabulary), p)
                         for p in choices), key=lambda pair: (-pair[0], pair[1]))
        if not scored or scored[0][0] < parameters.topic:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < parameters.topic_margin:
            continue
        placed[section.id] = (scored[0][1],)
        taken.add(scored[0][1])
    return placed


def _neighbours_parts(national: Outline, provincial: Outline, aligned: dict[str, tuple[str, ...]],
                      section: Section) -> set[str]:
    """The provincial parts where the nearest placed siblings before and after a section went."""
    siblings = national.children(section.parent)
    index = next(i for i, s in enumerate(siblings) if s.id == section.id)
    parts: set[str] = set()
    for run in (reversed(siblings[:index]), siblings[index + 1:]):
        for sibling in run:
            if aligned.get(sibling.id):
                parts |= {_ancestor_at_level(provincial, p, 1) for p in aligned[sibling.id]
                          if p != "0"}
                break
    return parts


def _unplaced_runs(siblings: tuple[Section, ...],
                   aligned: dict[str, tuple[str, ...]]) -> list[tuple[int, int]]:
    """(first, last) indices of each run of consecutive siblings aligned with nothing."""
    runs: list[tuple[int, int]] = []
    for index, section in enumerate(siblings):
        if aligned[section.id]:
            continue
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _between(outline: Outline, before: tuple[str, ...] | None, after: tuple[str, ...] | None,
             count: int) -> tuple[Section, ...]:
    """The provincial sections between a run's neighbours' single places, when exactly
    ``count`` of them lie there; a missing neighbour stands for the edge of the part."""
    if before is None and after is None or any(
            places is not None and (len(places) != 1 or places[0] == "0")
            for places in (before, after)):
        return ()
    anchors = [outline.section(places[0]) for places in (before, after) if places is not None]
    if len({a.parent for a in anchors}) != 1:
        return ()
    siblings = outline.children(anchors[0].parent)
    order = [s.id for s in siblings]
    start = order.index(before[0]) if before is not None else -1
    end = order.index(after[0]) if after is not None else len(order)
    return siblings[start + 1:end] if end - start - 1 == count else ()


def _titles_match(national: Section, provincial: Section, vocabulary: Vocabulary,
                  parameters: Parameters, matcher: Matcher) -> bool:
    """Whether two section headings say the same thing."""
    if not national.title or not provincial.title:
        return False
    return matcher.title_score(national.title, provincial.title, vocabulary) >= parameters.covered


def _within(provincial: Outline, section_id: str, roots: set[str]) -> bool:
    current = section_id
    while current:
        if current in roots:
            return True
        if current == "0":
            return False
        current = provincial.section(current).parent
    return False


@dataclass(frozen=True)
class Candidate:
    """A provincial clause scored for one national clause.

    Attributes:
        score: the similarity, as reported.
        rank: the score with the context bonus when the clause lies in an aligned section;
            a national clause's candidates are ranked by it.
        explained: the share 0–1 of the provincial clause that the national one explains
            (``Matcher.explained``).
        position: index of the provincial clause.
    """

    score: float
    rank: float
    explained: float
    position: int

    @property
    def claim(self) -> float:
        """The rank plus ``explained`` in points: a provincial clause belongs to the national
        clause with the highest claim."""
        return self.rank + 100.0 * self.explained


def _ranked(nat: list[PreparedClause], prov: list[PreparedClause],
            candidates: list[list[tuple[float, int]]], parameters: Parameters,
            contexts: list[set[str]], provincial: Outline,
            matcher: Matcher) -> list[list[Candidate]]:
    """Each national clause's candidates, best rank first.

    Args:
        contexts: per national clause, the provincial sections whose clauses get the
            context bonus (empty before sections are aligned).
    """
    result = []
    for prepared, scored, roots in zip(nat, candidates, contexts):
        ranking = []
        for value, position in scored:
            rank = value + _bonus(provincial, prov[position], roots, parameters)
            explained = matcher.explained(prepared, prov[position])
            ranking.append(Candidate(value, rank, explained, position))
        result.append(sorted(ranking, key=_rank_order))
    return result


def _rank_order(candidate: Candidate) -> tuple[float, float, int]:
    """How a national clause's candidates are ordered: by rank; on a tie, the one it explains
    more of first (a sentence said word for word before one that holds its words and more),
    then the earlier."""
    return (-candidate.rank, -candidate.explained, candidate.position)


def _bonus(provincial: Outline, candidate: PreparedClause, roots: set[str],
           parameters: Parameters) -> float:
    """The context bonus of a provincial clause lying under one of the given sections."""
    return parameters.context_bonus if _within(provincial, candidate.clause.section, roots) else 0.0


def _alike(one: PreparedClause, other: PreparedClause, parameters: Parameters) -> bool:
    """Two national sentences so alike that a provincial sentence rendering one proves nothing
    of the other (a law's template repeated in two articles): a dropped one does not share its
    twin's counterpart."""
    return score(one.profile, other.profile) >= parameters.partial


def _claimants(ranked: list[list[Candidate]]) -> dict[int, list[tuple[float, int]]]:
    """Provincial index → (claim, national index) of every national clause claiming it,
    strongest first: the first is the national clause it belongs to."""
    claims: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for index, candidates in enumerate(ranked):
        for candidate in candidates:
            claims[candidate.position].append((candidate.claim, index))
    for listed in claims.values():
        listed.sort(key=lambda pair: (-pair[0], pair[1]))
    return claims


def _merged(national: PreparedClause, provincial: PreparedClause,
            stronger: list[PreparedClause], matcher: Matcher, parameters: Parameters) -> bool:
    """Whether the provincial clause carries what the national one says and no stronger
    claimant does.

    That is what a merged sentence looks like: two national sentences joined into one. Either a
    phrase of it stands there near-verbatim, or — the province having reworded the join — at
    least half of its own content words do (发挥政务新媒体优势，……，做好突发公共事件信息发布和政务舆情
    回应工作 carries both national sentences). A phrase or word another national clause shares
    (a statute's recurring template) proves nothing.
    """
    return any(matcher.phrase_found(phrase, provincial)
               and not any(matcher.phrase_found(phrase, other) for other in stronger)
               for phrase in matcher.phrases(national)) or matcher.own_words_carried(
        national, provincial, stronger, parameters)


def _admissible(index: int, candidates: list[Candidate],
                claimants: dict[int, list[tuple[float, int]]], nat: list[PreparedClause],
                prov: list[PreparedClause], parameters: Parameters,
                matcher: Matcher,
                scores: dict[tuple[int, int], float] | None = None) -> list[Candidate]:
    """The candidates a national clause may keep.

    A provincial clause belongs to the national clause that claims it most strongly. Another
    national clause shares it only when it comes within ``claim_margin`` of that claim, or
    when the provincial sentence carries what it says that no stronger claimant does (a merge,
    ``_merged``). So a dropped statute sentence is not covered by its near-identical sibling in
    another article, which is already accounted for.

    ``scores[(national index, provincial position)]`` is a claimant's score for a provincial
    clause; where given (policy texts), a clause that the provincial one covers at
    least as well as its owner does shares it: a policy that says one thing twice (a timetable
    in its overview and again under the task; 从……仿制药……中遴选试点品种 in the scheme and in
    its rules) is carried twice by the sentence a province writes once. A twin differing in a
    word scores lower, and one differing in a number (每年1月底前 beside 每年2月底前), which the
    score does not read, names a number the provincial clause lacks: neither shares it.
    """
    kept = []
    for candidate in candidates:
        claims = claimants[candidate.position]
        if claims[0][0] - candidate.claim < parameters.claim_margin or (
                scores is not None and candidate.score >= parameters.covered
                and candidate.score >= scores.get((claims[0][1], candidate.position), 0.0)
                and _numbers(nat[index].clause.text) <= _numbers(prov[candidate.position].clause.text)):
            kept.append(candidate)
            continue
        stronger = [nat[other] for claim, other in claims if claim > candidate.claim]
        if _merged(nat[index], prov[candidate.position], stronger, matcher, parameters):
            kept.append(candidate)
    return kept


def _numbers(text: str) -> set[str]:
    """The figures a text writes in digits (2020年起，每年2月底前 → 2020, 2)."""
    return set(re.findall(r"\d+", text))


def _alternatives(ranked: list[Candidate], listed: list[Candidate], prov: list[PreparedClause],
                  parameters: Parameters) -> tuple[Match, ...]:
    """Close candidates left out of the matches (mostly ones another national clause owns).

    A reviewer who judges the engine wrong picks from these; the verdict never counts them. A
    clause with no match and no close candidate is still offered the nearest one, the one its
    reason names, so that the reviewer can read it beside the national text.
    """
    taken = {c.position for c in listed}
    close = [c for c in ranked if c.position not in taken and c.score >= parameters.partial]
    if not listed and not close and ranked and ranked[0].score > 0:
        close = ranked[:1]
    return tuple(Match(prov[c.position].clause, c.score) for c in close)[:ALTERNATIVES]


def _verdicts(national: Outline, provincial: Outline, nat: list[PreparedClause],
              prov: list[PreparedClause], candidates: list[list[tuple[float, int]]],
              aligned: dict[str, tuple[str, ...]], parameters: Parameters, steps: Steps,
              matcher: Matcher, offered: list[list[tuple[float, int]]],
              carriers: dict[str, frozenset[str]] | None = None) -> tuple[ClauseFinding, ...]:
    """Every national clause's finding.

    Args:
        candidates: the candidates a clause may be matched with.
        offered: the candidates its alternatives are drawn from (a superset: a sentence that
            belongs to another article is still offered to the reviewer).
        carriers: for two statutes, national article id → the provincial articles its verdict
            found carrying it (``core.articles``). A sentence of the article may be matched
            with any sentence of those, also one a sentence of another national article owns:
            the articles are linked many-to-many, and the sentences shown under an article are the evidence
            of its verdict (its sentences all 未覆盖 under a 部分覆盖 article, the provincial
            sentences that carry it listed as 本省新增, contradicted the verdict).
    """
    contexts = [_nearest_places(national, aligned, p.clause.section) for p in nat]
    ranked = _ranked(nat, prov, candidates, parameters, contexts, provincial, matcher)
    offered_ranked = ranked if offered is candidates else _ranked(
        nat, prov, offered, parameters, contexts, provincial, matcher)
    claimants = _claimants(ranked)
    # Each claimant's score for each provincial clause, for a policy sentence said twice.
    scores = (None if national.grammar == "statute" else
              {(index, c.position): c.score for index, chosen in enumerate(ranked) for c in chosen})
    judge = _Judge(national, provincial, nat, prov, claimants, parameters, matcher)
    kept = []
    shared_with: dict[int, set[int]] = defaultdict(set)  # national index → provincial positions
    for count in range(len(nat)):
        admissible = _admissible(count, ranked[count], claimants, nat, prov, parameters, matcher,
                                 scores)
        places = carriers.get(nat[count].clause.section) if carriers else None
        if places and not _listed(admissible, parameters):  # only where it would be 未覆盖
            # Shared with another article's sentence, not with a sibling: within one article a
            # dropped item does not ride on its twin's counterpart.
            section = nat[count].clause.section
            have = {c.position for c in admissible}
            shared = [c for c in offered_ranked[count]
                      if c.position not in have and prov[c.position].clause.section in places
                      and all(nat[other].clause.section != section
                              and not _alike(nat[count], nat[other], parameters)
                              for _, other in claimants.get(c.position, ()) if other != count)]
            shared_with[count].update(c.position for c in shared)
            admissible = sorted(admissible + shared, key=_rank_order)
        kept.append(admissible)
        if count % 32 == 31:
            steps.advance(32, "正在判定覆盖情况")
    steps.advance(len(nat) % 32, "正在判定覆盖情况")
    listed = [_listed(candidates_kept, parameters) for candidates_kept in kept]
    yielding = {index for index, chosen in enumerate(listed) if chosen and judge.yields(index)}
    for index, inherited in _inheritance(ranked, listed, parameters, yielding).items():
        have = {c.position for c in kept[index]}
        kept[index] = sorted(kept[index] + [c for c in inherited if c.position not in have],
                             key=_rank_order)
        listed[index] = _listed(kept[index], parameters)
    return tuple(judge.shared(judge.finding(index, admissible, chosen, ranking), index,
                              shared_with.get(index, set()))
                 for index, (admissible, chosen, ranking)
                 in enumerate(zip(kept, listed, offered_ranked)))


def _listed(kept: list[Candidate], parameters: Parameters) -> list[Candidate]:
    """The matches a clause lists: its best admissible candidate, near equals and pieces of
    it (none when the best is below the partial threshold).

    A piece is a provincial sentence made almost wholly of this clause's words: a province
    that writes a long national sentence as two has carried it in both, though each half
    scores far below the whole.
    """
    if not kept or kept[0].score < parameters.partial:
        return []
    best = kept[0].score
    near = [c for c in kept[1:] if c.score >= parameters.partial
            and c.score >= best - parameters.match_window][:2]
    pieces = [c for c in kept[1:] if c not in near and c.score >= parameters.partial
              and c.explained >= parameters.piece][:2]
    return [kept[0]] + near + pieces


def _inheritance(ranked: list[list[Candidate]], listed: list[list[Candidate]],
                 parameters: Parameters, yielding: Collection[int] = frozenset()
                 ) -> dict[int, list[Candidate]]:
    """Provincial clauses their owner does not use, handed to the strongest other claimant.

    Ownership goes to the national clause that claims a provincial one most strongly, but
    that clause may match something better and leave it unused: it would then be reported
    both as an addition and as the other clause's missing counterpart. It goes instead to the
    strongest claimant that would list it.

    So does one that a clause in ``yielding`` lists — a sentence no province is expected to
    carry, whatever the province echoes of it (``_Judge.yields``) — when another clause, one a
    province must carry, renders it at least as well: the introduction's 为贯彻落实党中央、
    国务院……决策部署 does not keep the province's 坚持和加强党对……的全面领导，确保党中央、国务院
    ……决策部署……贯彻落实 from the principle 坚持党的全面领导, and the principle is not 未覆盖.
    The yielding clause still lists it, as an echo shown for reference.

    And so does one that a clause lists beside a match that already covers it: a provincial
    text that keeps both 依照规定办理有关变更登记及机构设置审批手续 (groups kept) and 未按有关规定
    办理变更登记或机构设置审批手续的 (groups put right) renders the second word for word, and its
    rendering of the first goes to the first, though the second holds all its words.
    """
    echoes = {c.position: c.score for index in yielding for c in listed[index]}
    # What a clause lists beside a match that already covers it is open to any other clause it
    # would cover, whoever else lists it: the twin that listed it needs it not, and the province
    # may have merged it with a third (依照规定办理……审批手续 and 按规定参加并通过年检 as 按规定
    # 办理……审批手续，参加并通过年检). A sentence no clause lists as spare is shared no further.
    spare = {c.position for index, chosen in enumerate(listed) if index not in yielding
             and chosen and chosen[0].score >= parameters.covered for c in chosen[1:]}
    used = {c.position for index, chosen in enumerate(listed) if index not in yielding
            for c in chosen} - spare
    heirs: dict[int, tuple[int, Candidate]] = {}  # provincial index → (national index, claim)
    for index, ranking in enumerate(ranked):
        if index in yielding:
            continue
        own = {c.position for c in listed[index]}
        floor = parameters.partial
        if listed[index]:  # a clause with matches takes only what it would list beside them
            floor = max(floor, listed[index][0].score - parameters.match_window)
        for candidate in ranking:
            if (candidate.position in used or candidate.position in own
                    or candidate.score < floor
                    or (candidate.position in spare and candidate.score < parameters.covered)
                    or candidate.score < echoes.get(candidate.position, 0.0)):
                continue
            heir = heirs.get(candidate.position)
            if heir is None or candidate.claim > heir[1].claim:  # ties: the earlier clause
                heirs[candidate.position] = (index, candidate)
    inherited: dict[int, list[Candidate]] = defaultdict(list)
    for position in sorted(heirs):
        index, candidate = heirs[position]
        inherited[index].append(candidate)
    return dict(inherited)


class _Judge:
    """Gives each national clause its verdict and says why, in words a reviewer reads."""

    def __init__(self, national: Outline, provincial: Outline, nat: list[PreparedClause],
                 prov: list[PreparedClause], claimants: dict[int, list[tuple[float, int]]],
                 parameters: Parameters, matcher: Matcher) -> None:
        self.national, self.provincial = national, provincial
        self.nat, self.prov = nat, prov
        self.claimants = claimants
        self._why_not_expected: dict[int, Reason | None] = {}
        self.parameters = parameters
        self.matcher = matcher
        # Each provincial paragraph's sentences (a match's context for find_gaps).
        self.paragraphs: dict[tuple[str, int], list[Clause]] = defaultdict(list)
        for other in prov:
            self.paragraphs[(other.clause.section, other.clause.paragraph)].append(other.clause)
        # Sentences that state no task, or only central organs' duties, are not expected of
        # a province; a statute's articles are judged so as wholes (core.articles).
        self.expects_every_clause = national.grammar == "statute"
        # The bodies the national text sets up for itself act from the centre.
        self.bodies = () if self.expects_every_clause else national_bodies(
            [p.clause.text for p in nat] + [section.title for section in national.sections])
        # A province's rules for its own government after the State Council's: their 国务院 is
        # the province's government, and no sentence is the centre's for naming it.
        self.mirrored = not self.expects_every_clause and mirrors(national.title, provincial.title)

    def finding(self, index: int, kept: list[Candidate], listed: list[Candidate],
                ranking: list[Candidate]) -> ClauseFinding:
        """The verdict on national clause ``index`` from the matches it lists."""
        prepared = self.nat[index]
        parameters = self.parameters
        alternatives = _alternatives(ranking, listed, self.prov, parameters)
        if not listed:
            best = kept[0].score if kept else 0.0
            expected = self._not_expected(index)
            if expected is not None:
                return ClauseFinding(prepared.clause, Status.NOT_EXPECTED, best,
                                     alternatives=alternatives, reason=expected)
            return ClauseFinding(prepared.clause, Status.MISSING, best, alternatives=alternatives,
                                 reason=self._missing_reason(ranking))
        best = listed[0].score
        matches = tuple(Match(self.prov[c.position].clause, c.score) for c in listed)
        matched = [m.clause for m in matches]
        taken = {c.id for c in matched}
        context = [other for c in matched for other in self._same_sentence(c) if other.id not in taken]
        gaps = find_gaps(prepared.clause, prepared.words, matched, topic=self.provincial.title,
                         context=context)
        if gaps:
            status = Status.PARTIAL
            reason = Reason("lost", "对应表述" + "；".join(g.describe() for g in gaps) + "。")
        elif best >= parameters.covered:
            status = Status.COVERED
            reason = Reason("matched", f"由地方{self._name(self.provincial, matches[0].clause)}"
                                       f"承接（相似度{best:.0f}）。")
        else:
            status = Status.PARTIAL
            reason = self._part_reason(prepared, [self.prov[c.position] for c in listed], best)
        expected = self._not_expected(index) if status is Status.PARTIAL else None
        if expected is not None and echo_not_expected(expected, prepared.clause.text,
                                                      self._heading(prepared.clause)):
            # A sentence no province is expected to carry (现提出以下意见, the situation, a central
            # organ's duty) that the province echoes in part is no gap: not expected, with the
            # echo shown beside it.
            echo = (f"地方{self._name(self.provincial, matches[0].clause)}有相近表述"
                    f"（相似度{best:.0f}），仅供参考。")
            return ClauseFinding(prepared.clause, Status.NOT_EXPECTED, best, matches, (),
                                 alternatives, Reason(expected.code, expected.text + echo))
        return ClauseFinding(prepared.clause, status, best, matches, gaps, alternatives, reason)

    def _same_sentence(self, clause: Clause) -> list[Clause]:
        return same_sentence(self.paragraphs.get((clause.section, clause.paragraph), []), clause)

    def shared(self, finding: ClauseFinding, index: int, positions: set[int]) -> ClauseFinding:
        """A sentence matched only through a provincial sentence another national article's
        sentence owns (``_verdicts``'s ``carriers``) is carried in part at most: the province
        wrote one sentence for both, and its article's verdict counts it for the other."""
        if finding.status not in (Status.COVERED, Status.PARTIAL) or not finding.matches or not positions:
            return finding
        first = finding.matches[0].clause
        position = next((p for p in positions if self.prov[p].clause.id == first.id), None)
        if position is None:
            return finding
        owner = self.claimants.get(position)
        named = (f"国家文件{self._name(self.national, self.nat[owner[0][1]].clause)}"
                 if owner else "国家文件的其他条款")
        shared = (f"地方{self._name(self.provincial, first)}（相似度{finding.score:.0f}）主要承接{named}，"
                  "同时涉及本句")
        if finding.status is Status.PARTIAL:
            # What the shared sentence lacks stands as it was; where it comes from is said too.
            return replace(finding, reason=Reason(finding.reason.code,
                                                  f"{shared}。{finding.reason.text}"))
        return replace(finding, status=Status.PARTIAL, reason=Reason(
            "part", f"{shared}；本句的要求是否完整体现请核对。"))

    def yields(self, index: int) -> bool:
        """Whether national clause ``index`` stays not expected of the province whatever the
        province echoes of it (``echo_not_expected``): what it lists goes to a clause a province
        must carry that renders it as well (``_inheritance``). A statute's sentences never yield: its
        articles are judged as wholes (``core.articles``), a central organ's sentence beside
        the local duties it frames."""
        if self.expects_every_clause:
            return False
        reason = self._not_expected(index)
        return reason is not None and echo_not_expected(reason, self.nat[index].clause.text,
                                                        self._heading(self.nat[index].clause))

    def _not_expected(self, index: int) -> Reason | None:
        if index not in self._why_not_expected:
            self._why_not_expected[index] = self._judge_not_expected(index)
        return self._why_not_expected[index]

    def _judge_not_expected(self, index: int) -> Reason | None:
        """Why a policy sentence is not expected of the province, or None. A statute's articles
        are judged as wholes: of its sentences, only one that lays a duty on central organs
        alone (国务院在总理领导下研究、决定和部署……) is set apart, which a reviewer read as a
        gap under an article the province carries."""
        clause = self.nat[index].clause
        if self.expects_every_clause:
            reason = clause_not_expected(clause.text)
            return reason if reason is not None and reason.code == "central" else None
        return (clause_not_expected(clause.text, heading=self._heading(clause),
                                    before=self._sentence_before(index), bodies=self.bodies,
                                    mirrored=self.mirrored)
                or scoped_elsewhere(self._paragraph(clause), clause.text, self.provincial.title)
                or beyond_horizon(clause.text, self.provincial.title))

    def _missing_reason(self, ranking: list[Candidate]) -> Reason:
        if not ranking:
            return Reason("no_candidate", "地方文件中没有与本句用词相近的表述。")
        top = ranking[0]
        clause = self.prov[top.position].clause
        if top.score >= self.parameters.partial:
            claims = self.claimants.get(top.position)
            owner = (f"国家文件{self._name(self.national, self.nat[claims[0][1]].clause)}"
                     if claims else "国家文件的其他条款")
            return Reason("taken", f"最相近的地方表述（{self._name(self.provincial, clause)}，"
                                   f"相似度{top.score:.0f}）承接的是{owner}，本句未见单独体现。")
        return Reason("too_weak", f"最相近的地方表述是{self._name(self.provincial, clause)}"
                                  f"“{_excerpt(clause.text)}”（相似度{top.score:.0f}），"
                                  "内容差别较大，不能认定为承接本句。")

    def _part_reason(self, prepared: PreparedClause, matched: list[PreparedClause],
                     best: float) -> Reason:
        """Partial without a lost term: name the phrases the matches lack, else the score."""
        if prepared.shortened is not None and matched and best > max(
                score(prepared.profile, m.profile) for m in matched) + 0.05:
            # The match was found with the sentence's lists condensed (Parameters.shortened_list).
            heads = "”“".join(lists_cut(prepared.clause.text)[1])
            return Reason("part", f"地方将本句列举的各项概括为“{heads}”等表述，未逐项列明，请核对。")
        absent = [part for part in _phrases(prepared.clause.text)
                  if not any(self.matcher.phrase_found(normalize(part), m) for m in matched)]
        if absent and len(absent) < len(_phrases(prepared.clause.text)):
            shown = "”“".join(_excerpt(part, 20) for part in absent[:2])
            return Reason("part", f"只体现了部分内容，未见“{shown}”。")
        return Reason("weak_match", f"对应表述措辞差异较大（相似度{best:.0f}），"
                                    "是否完整承接本句请核对。")

    def _sentence_before(self, index: int) -> str:
        """The first piece of the sentence national clause ``index`` ends, when the sentence was
        cut at semicolons (……存在各类问题，有的……；有的……；……), else ""."""
        clause, first = self.nat[index].clause, index
        while first > 0:
            before = self.nat[first - 1].clause
            if not (before.section == clause.section and before.paragraph == clause.paragraph
                    and before.text.rstrip().endswith(("；", ";"))):
                break
            first -= 1
        return self.nat[first].clause.text if first < index else ""

    def _paragraph(self, clause: Clause) -> str:
        """The national paragraph a clause stands in, as printed (notes included)."""
        if clause.section == "0":
            return ""
        paragraphs = self.national.section(clause.section).paragraphs
        return paragraphs[clause.paragraph - 1] if 0 < clause.paragraph <= len(paragraphs) else ""

    def _heading(self, clause: Clause) -> str:
        return clause_heading(self.national, clause)

    @staticmethod
    def _name(outline: Outline, clause: Clause) -> str:
        return clause_name(outline, clause)


# What a drafter checks whatever the article's verdict: a weakened binding word (应当 → 可以), a
# quantity or a deadline changed. The generated variants' weakened sentences are found by these.
_SIGNALS = frozenset({"binding", "number", "deadline"})


def _carrying(finding: ClauseFinding, verdict: ArticleVerdict) -> bool:
    """Whether a sentence has a counterpart to show under its article's verdict: a match, or
    a sentence of a carrying article among its alternatives (without one, 部分覆盖 stood beside
    （未找到对应表述）)."""
    return bool(finding.matches) or any(m.clause.section in verdict.provincial
                                        for m in finding.alternatives)


def _signals(finding: ClauseFinding) -> tuple[Gap, ...]:
    """The gaps of a clause that stand whatever its article's verdict (``_SIGNALS``)."""
    return tuple(gap for gap in finding.gaps if gap.kind in _SIGNALS)


def _only_sentence(finding: ClauseFinding, verdict: ArticleVerdict,
                   provincial: Outline) -> ClauseFinding:
    """The only sentence of an article the province carries, judged otherwise than the article
    (本条整体：已覆盖 over its one sentence's 部分覆盖; 部分覆盖 over 未覆盖 — two verdicts on one
    text): it takes the article's, which the real pairs' gold bears out three times in four
    where they differ, and says what the sentence-by-sentence reading found, to check."""
    # Every sentence it was matched with stays its counterpart (dropped, they were listed as
    # the province's additions); with none, the nearest of the carrying articles' sentences
    # among its alternatives (``_carrying``).
    inside = [m for m in finding.alternatives if m.clause.section in verdict.provincial]
    matches = finding.matches or tuple(sorted(inside, key=lambda m: -m.score)[:1])
    others = tuple(m for m in finding.alternatives if m not in matches)
    found = finding.reason.text
    text = (f"{verdict.reason.text.rstrip('。')}（本条只有一句，按整条判定为"
            f"{STATUS_LABELS[verdict.status]}）。逐句比对的提示：{found}"
            + ("" if found.endswith("。") else "。"))
    return ClauseFinding(finding.clause, verdict.status,
                         matches[0].score if matches else finding.score, matches, (), others,
                         Reason(verdict.reason.code, text))


def clause_heading(outline: Outline, clause: Clause) -> str:
    """The title of the section a clause stands in, "前言" for the preamble."""
    return "前言" if clause.section == "0" else outline.section(clause.section).title


def clause_name(outline: Outline, clause: Clause) -> str:
    """How a reviewer names a clause: its section's numbering path and sentence, "二、（三）第2句"."""
    position = clause.id.rsplit("-", 1)[-1]
    path = "前言" if clause.section == "0" else outline.label_path(clause.section)
    return f"{path}第{position}句"


def _phrases(text: str) -> list[str]:
    """The clause's comma phrases as printed, long enough to judge."""
    return [part for part in PHRASE_BREAK.split(text) if len(normalize(part)) >= PHRASE_MIN_CHARS]


def _excerpt(text: str, limit: int = 30) -> str:
    text = text.strip("，。；：、 ")
    return text if len(text) <= limit else text[:limit] + "…"


def _within_article(finding: ClauseFinding, verdict: ArticleVerdict | None,
                    provincial: Outline, *, alone: bool = False) -> ClauseFinding:
    """A clause of an article no provincial article carries shares the article's verdict, and
    so does one of an article that corresponds as a whole (``WHOLE_ARTICLE_REASONS``): carried by its
    counterpart, cited by the province, or taken over with the law's 法律责任. A clause found
    nowhere in an article the province carries says so, with where the article went: the row
    shows what of the article is missing, and does not read as contradicting its verdict.

    The only sentence of an article (``alone``) is the article: it takes the article's verdict
    (``_only_sentence``)."""
    if verdict is None:
        return finding
    whole = verdict.reason.code in WHOLE_ARTICLE_REASONS and finding.status is not Status.COVERED
    if (alone and not whole and verdict.status in (Status.COVERED, Status.PARTIAL)
            and finding.status in (Status.PARTIAL, Status.MISSING)
            and finding.status is not verdict.status and not _signals(finding)
            and _carrying(finding, verdict)):
        return _only_sentence(finding, verdict, provincial)
    if not whole and verdict.status not in (Status.MISSING, Status.NOT_EXPECTED):
        if finding.status is Status.MISSING and verdict.provincial:
            places = "、".join(provincial.section(place).label for place in verdict.provincial)
            return replace(finding, reason=Reason(
                finding.reason.code, f"本条整体对应地方{places}，但其中未见本句的对应表述。{finding.reason.text}"))
        return finding
    return ClauseFinding(finding.clause, verdict.status, finding.score,
                         alternatives=finding.matches + finding.alternatives,
                         reason=verdict.reason)


def _section_results(national: Outline, findings: tuple[ClauseFinding, ...],
                     aligned: dict[str, tuple[str, ...]],
                     by_article: dict[str, ArticleVerdict]) -> tuple[SectionAlignment, ...]:
    """Each national section's places and status: an article's own verdict when statutes are
    judged by article, else the roll-up of its clauses' (or its articles') statuses."""
    by_section: dict[str, list[tuple[Status, float]]] = defaultdict(list)
    nouns: dict[str, set[str]] = defaultdict(set)  # 条 (articles) or 句 (clauses) under a section
    units: list[tuple[str, Status, float, str]] = (
        [(section, v.status, 100.0 * v.coverage, "条") for section, v in by_article.items()]
        + [(f.clause.section, f.status, f.score, "句") for f in findings
           if f.clause.section not in by_article])
    for section_id, status, value, noun in units:
        while True:
            by_section[section_id].append((status, value))
            nouns[section_id].add(noun)
            if section_id == "0":
                break
            section_id = national.section(section_id).parent
            if not section_id:
                break
    results = []
    for section in national.sections:
        own = by_section.get(section.id, [])
        provincial = aligned.get(section.id, ())
        verdict = by_article.get(section.id)
        if verdict is not None:
            results.append(SectionAlignment(section.id, provincial,
                                            round(100.0 * verdict.coverage, 1), verdict.status,
                                            verdict.reason, verdict.nearest,
                                            verdict.runners_up, verdict.near_scores))
            continue
        rolled = roll_up(status for status, _ in own)
        if rolled is not None:
            status = rolled
            mean = round(sum(value for _, value in own) / len(own), 1)
            reason = _rollup_reason([status for status, _ in own], nouns[section.id])
        else:
            status = Status.COVERED if provincial else Status.MISSING
            mean = 0.0
            reason = Reason("", "")
        results.append(SectionAlignment(section.id, provincial, mean, status, reason))
    return tuple(results)


_ROLLUP_ORDER = (Status.COVERED, Status.PARTIAL, Status.MISSING, Status.NOT_EXPECTED)


def _carried_but_central(by_article: dict[str, ArticleVerdict], findings: tuple[ClauseFinding, ...],
                         provincial: Outline) -> dict[str, ArticleVerdict]:
    """The article verdicts, with a partial article 已覆盖 when the province carries every
    sentence of it but those that lay duties on central organs alone (无需地方落实 rows):
    nothing it is expected to carry is missing. Done before the chapters roll their articles
    up, so that a chapter says what its articles say."""
    rows: dict[str, list[ClauseFinding]] = defaultdict(list)
    for finding in findings:
        rows[finding.clause.section].append(finding)
    judged = dict(by_article)
    for section, verdict in by_article.items():
        statuses = {f.status for f in rows.get(section, [])}
        if verdict.status is Status.PARTIAL and statuses == {Status.COVERED, Status.NOT_EXPECTED}:
            labels = "、".join(provincial.section(p).label for p in verdict.provincial)
            judged[section] = replace(verdict, status=Status.COVERED, reason=Reason(
                ALL_BUT_CENTRAL, f"由地方{labels}承接本条中地方应当承接的内容。"))
    return judged


def _with_rows_told(sections: tuple[SectionAlignment, ...], findings: tuple[ClauseFinding, ...],
                    by_article: dict[str, ArticleVerdict]) -> tuple[SectionAlignment, ...]:
    """Carried articles whose sentences are not all carried say which are not.

    An article is judged whole (its content, many-to-many), its sentences one by one: 已覆盖
    with content found for most of it, over a sentence row that says 未覆盖, read as a
    contradiction. The article's reason now names the sentences the rows below show as not
    (fully) carried: 逐句比对，第2句部分覆盖，第3、4句未见对应表述; and one that lays a duty on
    central organs alone, which a province is not expected to carry (第1句只规定中央层面的职责).
    """
    rows: dict[str, list[ClauseFinding]] = defaultdict(list)
    for finding in findings:
        if finding.clause.section in by_article:
            rows[finding.clause.section].append(finding)
    told = []
    for section in sections:
        own = rows.get(section.national, [])
        if section.national in by_article and section.status in (Status.COVERED, Status.PARTIAL) and own:
            said = []
            for status, words in ((Status.PARTIAL, "部分覆盖"), (Status.MISSING, "未见对应表述"),
                                  (Status.NOT_EXPECTED, "只规定中央层面的职责，地方无需承接")):
                numbers = [f.clause.id.rsplit("-", 1)[-1] for f in own if f.status is status]
                if numbers and len(numbers) < len(own):
                    said.append(f"第{'、'.join(numbers)}句{words}")
                elif numbers and status is Status.MISSING:
                    # The share above is of the whole article's content; no sentence of it was
                    # found one to one (约17% … 各句均未见 read as a contradiction).
                    said.append(("未找到与各句一一对应的表述" if len(own) > 1
                                 else "未找到一一对应的表述")
                                + ("，上述比例系按整条内容估算" if "%" in section.reason.text else ""))
                elif numbers and len(own) > 1:
                    # Not 该句 (a reader took it for a sentence named elsewhere).
                    said.append(f"各句均{words}")
                elif numbers and _signals(own[0]):
                    # The only sentence has the article's verdict (_only_sentence) but where
                    # it weakens a binding word or changes a figure: that is what is said, not
                    # 本条唯一的一句部分覆盖 under 本条整体：已覆盖 (two verdicts on one text).
                    said.append("；".join(gap.describe() for gap in _signals(own[0])))
            nothing_found = all(f.status is Status.MISSING for f in own)
            if nothing_found and section.reason.text.rstrip("。").endswith(NOTHING_SPECIFIC):
                said = []  # it says so already: 但本条的具体要求未见对应表述
            text = section.reason.text.rstrip("。")
            if any(f.status in (Status.COVERED, Status.PARTIAL) and f.matches for f in own):
                text = text.removesuffix(NOTHING_SPECIFIC)  # a row shows a counterpart
            if said:
                text += ROWS_TOLD + "，".join(said)
            if text != section.reason.text.rstrip("。"):
                section = replace(section, reason=Reason(section.reason.code, text + "。"))
        told.append(section)
    return tuple(told)


def _rollup_reason(statuses: list[Status], nouns: set[str]) -> Reason:
    """Why a chapter (or a policy's part) has its colour: the verdicts of what it holds
    (本部分共12条：已覆盖8条、部分覆盖3条、未覆盖1条)."""
    noun = "条" if nouns == {"条"} else "句" if nouns == {"句"} else "项"
    counts = [f"{STATUS_LABELS[status]}{statuses.count(status)}{noun}" for status in _ROLLUP_ORDER
              if statuses.count(status)]
    return Reason(ROLLUP, f"本部分共{len(statuses)}{noun}：{'、'.join(counts)}。")


def _by_article(national: Outline, provincial: Outline) -> bool:
    """Whether two texts are judged article by article: both statutes with articles."""
    return (national.grammar == provincial.grammar == "statute"
            and bool(articles(national)) and bool(articles(provincial)))


def _article_verdicts(national: Outline, provincial: Outline, nat: list[PreparedClause],
                      prov: list[PreparedClause], candidates: list[list[tuple[float, int]]],
                      parameters: Parameters, matcher: Matcher
                      ) -> tuple[dict[str, ArticleVerdict], list[list[tuple[float, int]]]]:
    """Verdicts of the national articles (core.articles) from the whole articles' similarity
    and the clause candidates, and the candidates untangled (``core.articles.untangle``) for
    the clause verdicts."""
    nat_articles, prov_articles = articles(national), articles(provincial)
    national_sections = _clauses_by_section(nat)
    provincial_sections = _clauses_by_section(prov)
    similarity = matcher.article_similarity([national_sections[a.id] for a in nat_articles],
                                            [provincial_sections[a.id] for a in prov_articles])
    if parameters.article_pair_share and nat_articles and prov_articles:
        share = parameters.article_pair_share
        similarity = ((1 - share) * np.asarray(similarity, dtype=float)
                      + share * pair_similarity([national_sections[a.id] for a in nat_articles],
                                                [provincial_sections[a.id] for a in prov_articles])
                      ).tolist()
    national_index = {a.id: i for i, a in enumerate(nat_articles)}
    provincial_index = {a.id: j for j, a in enumerate(prov_articles)}
    nat_article = [national_index.get(p.clause.section) for p in nat]
    prov_article = [provincial_index.get(p.clause.section) for p in prov]
    untangled = untangle(nat_article, prov_article, candidates, similarity, parameters.article_tie,
                         [p.profile.chars for p in nat])
    # A central organs' sentence keeps its weight: a province that renders it for its own
    # organs carries it (held-out pairs: with no weight, more articles called 已覆盖 that
    # readers call partial).
    carriage = sentence_carriage(nat_article, [matcher.vote_weight(p) for p in nat], prov_article,
                                 untangled, len(nat_articles),
                                 sentence_credit(parameters.covered, parameters.partial))
    carried = carried_shares(carriage, len(prov_articles))
    sentences = best_sentences(nat_article, prov_article, untangled, len(nat_articles),
                               len(prov_articles))
    hits = _phrase_hits(nat, prov, nat_article, prov_article, len(nat_articles), parameters,
                        matcher)
    return (judge_articles(national, provincial, similarity, carried, sentences, parameters,
                           hits, carriage), untangled)


def _phrase_hits(nat: list[PreparedClause], prov: list[PreparedClause],
                 nat_article: list[int | None], prov_article: list[int | None], count: int,
                 parameters: Parameters, matcher: Matcher) -> PhraseHits:
    """Where each national article's distinctive phrases stand in the provincial articles,
    looked up only for the articles the judge asks about (those nothing else links).

    A phrase is the article's own when no other national article says it near-verbatim, and
    it holds a word rare in the field (``Parameters.article_phrase_commonness``) that few of
    the national articles use — the law's own subject (食品安全 in a food-safety law) is rare
    in the field but says nothing about which article a province kept. Being the article's
    own, it is found with words put in, as policy phrases are (并通过多种途径和方式加强宣传解读
    → 并采取多种途径和方式同步进行宣传解读), both where the province kept it and where another
    national article says it.
    """
    def found(phrase: str, clause: PreparedClause) -> bool:
        return matcher.phrase_found(phrase, replace(clause, profile=replace(clause.profile, reworded=True)))

    own: list[list[str]] = [[] for _ in range(count)]
    printed: dict[str, str] = {}
    words: list[set[str]] = [set() for _ in range(count)]
    for prepared, article in zip(nat, nat_article):
        if article is not None:
            own[article].extend(matcher.phrases(prepared))
            words[article].update(prepared.words)
            for part in PHRASE_BREAK.split(prepared.clause.text):
                printed.setdefault(normalize(part), part.strip())
    used_by: Counter[str] = Counter(w for article_words in words for w in article_words)
    limit = parameters.article_phrase_commonness
    distinctive = distinctive_phrases(
        own, parameters.article_phrase_chars,
        lambda phrase: any(commonness(word) <= limit and used_by[word] <= _FEW_ARTICLES
                           for word in tokens(phrase)))
    near_provincial = _near(prov)
    near_national = _near(nat)

    def said_elsewhere(phrase: str, i: int) -> bool:
        return any(nat_article[k] != i and found(phrase, nat[k]) for k in near_national(phrase))

    def hits(i: int) -> dict[int, list[tuple[str, str]]]:
        kept: dict[int, list[str]] = defaultdict(list)
        for phrase in distinctive(i):
            if said_elsewhere(phrase, i):
                continue
            for position in near_provincial(phrase):
                j = prov_article[position]
                if j is not None and phrase not in kept[j] and found(phrase, prov[position]):
                    kept[j].append(phrase)
        return {j: [(p, printed.get(p, p)) for p in phrases]
                for j, phrases in kept.items() if phrases}
    return hits


def _clauses_by_section(prepared: list[PreparedClause]) -> dict[str, list[PreparedClause]]:
    grouped: dict[str, list[PreparedClause]] = defaultdict(list)
    for clause in prepared:
        grouped[clause.clause.section].append(clause)
    return grouped
