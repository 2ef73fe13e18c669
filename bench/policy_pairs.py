"""Hand-written provincial policy texts with sentence gold (bench/policy/): Duizhao beside the
plain rapidfuzz peer.

Each pair is a provincial 实施意见 / 实施方案 for 国发〔2022〕14号, written by a drafter who never
saw the engine, the way drafting staff write: parts regrouped, sentences condensed, merged,
weakened, trimmed, local tasks added. Its gold (``*.gold.json``, schema
``duizhao.policy-gold/1``) gives every national sentence a status — covered, partial, missing or
not_expected — and lists the provincial sentences that are local additions. No threshold is
fitted on them. Their errors were read, though: those of 西岭 and 东川 led to the rules for
run-in headings and reworded merges (``core.leads``, ``Matcher.own_words_carried``); 南屏 was
written after those rules were set, and is the cleanest measure of them.

The national text is the bundled sample (``samples/national-guideline-sample.docx``): the same
guideline, typeset; sentences are matched to the engine's clauses by their characters with
width and punctuation folded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.align import compare_outlines
from core.model import Comparison, Outline, Status
from core.outline import outline_document
from core.read import read_document
from core.text import fold_width

REPO = Path(__file__).resolve().parent.parent
POLICY = REPO / "bench" / "policy"
NATIONAL = REPO / "samples" / "national-guideline-sample.docx"

_NOT_TEXT = re.compile(r"[\s\u3000，。、；：！？“”‘’（）《》〈〉【】()\[\],.;:!?\"'—…·-]+")


def key(text: str) -> str:
    """A sentence's characters with width folded and punctuation and spaces dropped."""
    return _NOT_TEXT.sub("", fold_width(text))


@dataclass
class PolicyFigures:
    """Sentence-level figures of one matcher on one pair; gold not_expected sentences are left
    out of miss P/R, as in the real law pairs."""

    judged: int = 0
    unmatched: int = 0
    missing_tp: int = 0
    missing_fp: int = 0
    missing_fn: int = 0
    listed: int = 0
    listed_real: int = 0
    covered: int = 0
    covered_called_covered: int = 0
    covered_called_missing: int = 0
    partial: int = 0
    partial_flagged: int = 0
    not_expected_called_missing: int = 0
    additions_tp: int = 0
    additions_fp: int = 0
    additions_fn: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        """a / b, or None when there is nothing to count (a pair whose gold has no omission
        has no missing recall), as ``score_real_pair.py`` leaves such figures out."""
        return a / b if b else None

    @property
    def missing_precision(self) -> float | None:
        # Nothing listed is a precision of 0 only when the gold has omissions to list (as for
        # the listed 未覆盖 and the additions below).
        if not self.missing_tp + self.missing_fp:
            return 0.0 if self.missing_fn else None
        return self._ratio(self.missing_tp, self.missing_tp + self.missing_fp)

    @property
    def missing_recall(self) -> float | None:
        return self._ratio(self.missing_tp, self.missing_tp + self.missing_fn)

    @property
    def listed_precision(self) -> float | None:
        if not self.listed:
            return 0.0 if self.missing_tp + self.missing_fn else None
        return self._ratio(self.listed_real, self.listed)

    @property
    def covered_share(self) -> float | None:
        return self._ratio(self.covered_called_covered, self.covered)

    @property
    def partial_flagged_share(self) -> float | None:
        return self._ratio(self.partial_flagged, self.partial)

    @property
    def additions_precision(self) -> float | None:
        if not self.additions_tp + self.additions_fp:
            return 0.0 if self.additions_fn else None
        return self._ratio(self.additions_tp, self.additions_tp + self.additions_fp)

    @property
    def additions_recall(self) -> float | None:
        return self._ratio(self.additions_tp, self.additions_tp + self.additions_fn)


def pairs(folder: Path = POLICY) -> list[tuple[str, Path, dict]]:
    """(name, provincial file, gold) of every pair in the folder, by name."""
    found = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append((gold_path.name.removesuffix(".gold.json"),
                      folder / gold["provincial_file"], gold))
    return found


def engine_status(comparison: Comparison, sentence: str) -> str | None:
    """The engine's status for a gold sentence: that of the clause whose text it is, or — when
    the engine cut the sentence finer or the gold coarser — the weakest status among the clauses
    that overlap it; None when no clause holds it."""
    wanted = key(sentence)
    keys = [(key(f.clause.text), f.status) for f in comparison.clauses]
    statuses = [s for k, s in keys if k == wanted] or [
        s for k, s in keys if k and (k in wanted or wanted in k)]
    if not statuses:
        return None
    if all(s is Status.NOT_EXPECTED for s in statuses):
        return "not_expected"
    statuses = [s for s in statuses if s is not Status.NOT_EXPECTED]
    if all(s is Status.MISSING for s in statuses):
        return "missing"
    if all(s is Status.COVERED for s in statuses):
        return "covered"
    return "partial"


def score(comparison: Comparison, gold: dict) -> PolicyFigures:
    """Score one comparison against its gold."""
    figures = PolicyFigures()
    for entry in gold["national_sentences"]:
        truth = entry["status"]
        found = engine_status(comparison, entry["text"])
        if found is None:
            figures.unmatched += 1
            continue
        figures.judged += 1
        figures.confusion[(truth, found)] = figures.confusion.get((truth, found), 0) + 1
        if found == "missing":
            figures.listed += 1
            figures.listed_real += truth == "missing"
            figures.not_expected_called_missing += truth == "not_expected"
        if truth == "not_expected":
            continue
        if found == "missing":
            figures.missing_tp += truth == "missing"
            figures.missing_fp += truth != "missing"
        elif truth == "missing":
            figures.missing_fn += 1
        if truth == "covered":
            figures.covered += 1
            figures.covered_called_covered += found == "covered"
            figures.covered_called_missing += found == "missing"
        if truth == "partial":
            figures.partial += 1
            figures.partial_flagged += found in ("partial", "missing")
    added = [key(a["text"]) for a in gold.get("added", [])]
    found_additions = [key(c.text) for c in comparison.additions]
    figures.additions_tp = sum(any(a in f or f in a for f in found_additions) for a in added)
    figures.additions_fn = len(added) - figures.additions_tp
    figures.additions_fp = sum(not any(a in f or f in a for a in added) for f in found_additions)
    return figures


def run_pairs(matchers: dict[str, object | None], folder: Path = POLICY,
              outline: Callable[[Path], Outline] | None = None
              ) -> dict[str, dict[str, PolicyFigures]]:
    """Pair name → matcher name → figures. ``None`` as a matcher is Duizhao's own."""
    read = outline or (lambda path: outline_document(read_document(path)))
    nationals: dict[Path, Outline] = {}
    results: dict[str, dict[str, PolicyFigures]] = {}
    for name, provincial_path, gold in pairs(folder):
        # Pairs kept outside the project (their texts quote the corpus) name their national text
        # by its full path; the project's own pairs are all on the bundled guideline.
        named = Path(gold["national_file"])
        national_path = named if named.is_absolute() and named.is_file() else NATIONAL
        if national_path not in nationals:
            nationals[national_path] = read(national_path)
        national = nationals[national_path]
        provincial = read(provincial_path)
        results[name] = {}
        for label, matcher in matchers.items():
            comparison = (compare_outlines(national, provincial) if matcher is None
                          else compare_outlines(national, provincial, matcher=matcher))
            results[name][label] = score(comparison, gold)
    return results


def print_table(results: dict[str, dict[str, PolicyFigures]], out: Callable[[str], object] = print
                ) -> None:
    """Per pair and matcher: miss P/R, listed P, covered → 已覆盖, covered → 未, partial
    flagged, not-expected → 未, additions P/R, and gold sentences no clause held."""
    out(f"{'pair':<26}{'matcher':<15}{'miss P':>8}{'miss R':>8}{'listed P':>9}{'cov→已':>8}"
        f"{'cov→未':>7}{'part→flag':>10}{'n/e→未':>7}{'add P':>7}{'add R':>7}{'unmatched':>10}")
    means: dict[str, list[PolicyFigures]] = {}
    for name, by_matcher in results.items():
        for label, f in by_matcher.items():
            means.setdefault(label, []).append(f)
            out(f"{name:<26}{label:<15}{_cell(f.missing_precision, 8)}{_cell(f.missing_recall, 8)}"
                f"{_cell(f.listed_precision, 9)}{_cell(f.covered_share, 8)}{f.covered_called_missing:>7}"
                f"{_cell(f.partial_flagged_share, 10)}{f.not_expected_called_missing:>7}"
                f"{_cell(f.additions_precision, 7)}{_cell(f.additions_recall, 7)}{f.unmatched:>10}")
    for label, all_figures in means.items():
        def mean(values: Iterable[float | None]) -> float | None:
            """The mean of the figures a pair has (None ones left out, as the scorer does)."""
            values = [v for v in values if v is not None]
            return sum(values) / len(values) if values else None
        out(f"{'mean':<26}{label:<15}"
            f"{_cell(mean(f.missing_precision for f in all_figures), 8)}"
            f"{_cell(mean(f.missing_recall for f in all_figures), 8)}"
            f"{_cell(mean(f.listed_precision for f in all_figures), 9)}"
            f"{_cell(mean(f.covered_share for f in all_figures), 8)}"
            f"{_cell(mean(f.covered_called_missing for f in all_figures), 7, 1)}"
            f"{_cell(mean(f.partial_flagged_share for f in all_figures), 10)}"
            f"{_cell(mean(f.not_expected_called_missing for f in all_figures), 7, 1)}"
            f"{_cell(mean(f.additions_precision for f in all_figures), 7)}"
            f"{_cell(mean(f.additions_recall for f in all_figures), 7)}")


def _cell(value: float | None, width: int, digits: int = 3) -> str:
    """A figure right-aligned in its column, or — when the pair has nothing to count."""
    return f"{'—':>{width}}" if value is None else f"{value:>{width}.{digits}f}"
