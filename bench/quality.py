"""Alignment quality: Duizhao against difflib and plain rapidfuzz on the same generated data."""

from __future__ import annotations

import difflib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from core.align import Parameters, PreparedClause, Steps, compare_outlines
from core.model import Comparison, Outline, Status
from core.outline import outline_document
from core.read import read_document, read_text
from core.similarity import PHRASE_BREAK, PHRASE_MATCH, PHRASE_MIN_CHARS, Vocabulary
from tests.generator import Truth, make_variant




class RawStringMatcher:
    """Baseline: every national clause against every provincial clause on the raw strings.

    It answers every question the engine asks with its own scorer on the raw text: the
    candidates' scores, how much of a provincial clause a national one explains, whether a
    phrase stands in a clause, how much a clause's vote weighs and how alike two headings are.
    So the baseline shares Duizhao's thresholds logic but none of its tokenisation.
    """

    def __init__(self, name: str, matrix, matched, partial) -> None:
        """Args:
            name: the name printed in the figures.
            matrix: all-pairs similarity 0–100 of two lists of strings.
            matched: how many characters of the second string the scorer's alignment of the
                two strings matches.
            partial: similarity 0–100 of the shorter string to its best window in the longer.
        """
        self.name = name
        self._matrix = matrix
        self._matched = matched
        self._partial = partial

    def candidates(self, nat: list[PreparedClause], prov: list[PreparedClause],
                   vocabulary: Vocabulary, parameters: Parameters,
                   steps: Steps) -> list[list[tuple[float, int]]]:
        national = [p.clause.text for p in nat]
        provincial = [p.clause.text for p in prov]
        if not provincial:
            return [[] for _ in national]
        matrix = self._matrix(national, provincial)
        result = []
        for row in matrix:
            best = sorted(range(len(provincial)), key=lambda j: (-row[j], j))[:parameters.candidates]
            result.append([(round(float(row[j]), 1), j) for j in best])
        return result

    def explained(self, national: PreparedClause, provincial: PreparedClause) -> float:
        text = provincial.clause.text
        return self._matched(national.clause.text, text) / len(text) if text else 0.0

    def phrases(self, clause: PreparedClause) -> tuple[str, ...]:
        return tuple(part for part in PHRASE_BREAK.split(clause.clause.text)
                     if len(part) >= PHRASE_MIN_CHARS)

    def phrase_found(self, phrase: str, clause: PreparedClause) -> bool:
        return self._partial(phrase, clause.clause.text) >= PHRASE_MATCH

    def own_words_carried(self, national: PreparedClause, provincial: PreparedClause,
                          stronger: list[PreparedClause], parameters: Parameters) -> bool:
        # A raw-string baseline has no words: it recognises a merge by its phrases alone.
        return False

    def vote_weight(self, clause: PreparedClause) -> float:
        return float(len(clause.clause.text))

    def title_score(self, national: str, provincial: str, vocabulary: Vocabulary) -> float:
        return float(self._matrix([national], [provincial])[0][0])

    def section_score(self, national: list[PreparedClause], provincial: list[PreparedClause],
                      vocabulary: Vocabulary) -> float:
        return self.title_score("".join(p.clause.text for p in national),
                                "".join(p.clause.text for p in provincial), vocabulary)


    def article_similarity(self, national: list[list[PreparedClause]],
                           provincial: list[list[PreparedClause]]) -> list[list[float]]:
        if not national or not provincial:
            return [[0.0] * len(provincial) for _ in national]
        texts = [["".join(p.clause.text for p in clauses) for clauses in side]
                 for side in (national, provincial)]
        return [[float(v) / 100.0 for v in row] for row in self._matrix(*texts)]


def rapidfuzz_matrix(national: list[str], provincial: list[str]):
    """Plain rapidfuzz: fuzz.ratio on the raw strings, all pairs."""
    return process.cdist(national, provincial, scorer=fuzz.ratio, workers=-1)


def rapidfuzz_matched(a: str, b: str) -> int:
    """Characters matched by the longest common subsequence, the alignment fuzz.ratio scores."""
    return LCSseq.similarity(a, b)


def difflib_matrix(national: list[str], provincial: list[str]):
    """difflib.SequenceMatcher ratio on the raw strings, all pairs."""
    rows = []
    for a in national:
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(a)
        row = []
        for b in provincial:
            matcher.set_seq1(b)
            row.append(100.0 * matcher.ratio())
        rows.append(row)
    return rows


def difflib_matched(a: str, b: str) -> int:
    """Characters in SequenceMatcher's matching blocks, the alignment its ratio scores."""
    blocks = difflib.SequenceMatcher(None, b, a, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks)


def difflib_partial(short: str, long: str) -> float:
    """The classic difflib partial ratio (fuzzywuzzy's): the best SequenceMatcher ratio of the
    shorter string against the windows of the longer that its matching blocks point at."""
    if len(short) > len(long):
        short, long = long, short
    if not short:
        return 0.0
    best = 0.0
    blocks = difflib.SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    for block in blocks:
        start = max(block.b - block.a, 0)
        window = long[start:start + len(short)]
        best = max(best, difflib.SequenceMatcher(None, short, window, autojunk=False).ratio())
    return 100.0 * best


@dataclass
class Tally:
    """Counts from which precision and recall are computed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, actual: set) -> None:
        self.tp += len(predicted & actual)
        self.fp += len(predicted - actual)
        self.fn += len(actual - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Quality figures of one matcher over a set of generated variants."""

    missing: Tally = field(default_factory=Tally)
    additions: Tally = field(default_factory=Tally)
    sections: Tally = field(default_factory=Tally)
    weakened_found: int = 0
    weakened_total: int = 0
    not_expected: int = 0
    seconds: float = 0.0

    @property
    def weakened_recall(self) -> float:
        return self.weakened_found / self.weakened_total if self.weakened_total else 1.0


def score_variant(comparison: Comparison, provincial: Outline, truth: Truth, scores: Scores) -> None:
    """Add one comparison's agreement with its truth to the running scores."""
    # A dropped sentence the engine calls not expected of a province (a duty of central organs
    # only, the 施行日期, a sentence stating no task) is set apart, as the real pairs' gold
    # sets n/a articles apart; how many is counted, so a rule that misfires shows.
    not_expected = {f.clause.id for f in comparison.clauses if f.status is Status.NOT_EXPECTED}
    scores.not_expected += len(not_expected & set(truth.clause_status))
    judged_clauses = set(truth.clause_status) - not_expected
    predicted_missing = {f.clause.id for f in comparison.clauses
                         if f.status is Status.MISSING and f.clause.id in judged_clauses}
    actual_missing = {cid for cid, status in truth.clause_status.items()
                      if status == "missing" and cid in judged_clauses}
    scores.missing.add(predicted_missing, actual_missing)
    partial = {f.clause.id for f in comparison.clauses if f.status is Status.PARTIAL}
    # A weakened sentence stating no task (……逐步建设仍存在一些突出问题) is set apart likewise.
    weakened = truth.weakened & judged_clauses
    scores.weakened_found += len(weakened & partial)
    scores.weakened_total += len(weakened)
    origins = {text: list(ids) for text, ids in truth.provincial_origin.items()}
    actual_additions, predicted = set(), {c.id for c in comparison.additions}
    for clause in provincial.clauses():
        if clause.section == "0":
            continue
        queue = origins.get(clause.text)
        origin = queue.pop(0) if queue else None
        if origin == "":
            actual_additions.add(clause.id)
    scores.additions.add(predicted, actual_additions)
    judged = {n for n, _ in truth.section_pairs} | {
        cid.rsplit("-", 1)[0] for cid, status in truth.clause_status.items()}
    predicted_pairs = {(s.national, p) for s in comparison.sections if s.national in judged
                       for p in s.provincial}
    scores.sections.add(predicted_pairs, truth.section_pairs)


MATCHERS = {
    "duizhao": None,
    "rapidfuzz-raw": RawStringMatcher("rapidfuzz-raw", rapidfuzz_matrix, rapidfuzz_matched,
                                      fuzz.partial_ratio),
    "difflib": RawStringMatcher("difflib", difflib_matrix, difflib_matched, difflib_partial),
}


def generated_benchmark(national_paths: list[Path], seeds: range) -> dict[str, Scores]:
    """Run every matcher over every national text and seed."""
    results = {name: Scores() for name in MATCHERS}
    for path in national_paths:
        national = outline_document(read_document(path))
        for seed in seeds:
            variant = make_variant(national, seed)
            provincial = outline_document(read_text(variant.text, name=f"{path.stem}-{seed}"))
            for name, matcher in MATCHERS.items():
                started = time.perf_counter()
                comparison = compare_outlines(national, provincial, matcher=matcher)
                results[name].seconds += time.perf_counter() - started
                score_variant(comparison, provincial, variant.truth, results[name])
    return results


def article_alignment(national_path: Path, provincial_path: Path, gold_path: Path) -> dict[str, Tally]:
    """Article-pair precision/recall against the hand annotation, for every matcher."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    national = outline_document(read_document(national_path))
    provincial = outline_document(read_document(provincial_path))
    article_number = {s.id: s.number for s in national.sections if s.kind == "article"}
    provincial_number = {s.id: s.number for s in provincial.sections if s.kind == "article"}
    actual = {(n, int(p)) for p, ns in gold["alignment"].items() for n in ns}
    result = {}
    for name, matcher in MATCHERS.items():
        comparison = compare_outlines(national, provincial, matcher=matcher)
        predicted = {(article_number[s.national], provincial_number[p])
                     for s in comparison.sections if s.national in article_number
                     for p in s.provincial if p in provincial_number}
        tally = Tally()
        tally.add(predicted, actual)
        result[name] = tally
    return result


def sample_pair(national_path: Path, provincial_path: Path, truth_path: Path) -> dict[str, tuple[Tally, Tally]]:
    """Missing-clause and addition tallies on the hand-written sample pair, for every matcher.

    The sample's truth lists whole omissions and additions; its part 一 is condensed by design
    and not judged, nor is the preamble. The additions are the added sentences and every
    sentence of the added sections. An omitted sentence the engine calls not expected of a
    province (研究设立全国……技术组织: a central body) is set apart, as the real pairs' gold sets
    n/a articles apart and the generated benchmark its not-expected sentences.
    """
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    omitted = {o["text"] for o in truth["omitted"]}
    added = ([a["text"] for a in truth["added"]]
             + [text for section in truth["added_sections"] for text in section["texts"]])
    national = outline_document(read_document(national_path))
    provincial = outline_document(read_document(provincial_path))
    result = {}
    for name, matcher in MATCHERS.items():
        comparison = compare_outlines(national, provincial, matcher=matcher)
        judged = [f for f in comparison.clauses
                  if f.clause.section != "0" and not f.clause.section.startswith("1.")
                  and f.status is not Status.NOT_EXPECTED]
        missing = Tally()
        missing.add({f.clause.text for f in judged if f.status is Status.MISSING},
                    {f.clause.text for f in judged if f.clause.text in omitted})
        additions = Tally()
        found = [c.text for c in comparison.additions]
        additions.tp = sum(any(t in c or c in t for c in found) for t in added)
        additions.fn = len(added) - additions.tp
        additions.fp = sum(not any(t in c or c in t for t in added) for c in found)
        result[name] = (missing, additions)
    return result
