"""The TF-IDF peer of the real-pair bench: what an afternoon's work gets without our engine.

Each article (条) is one bag of jieba words and character pairs, weighted by TF-IDF over the
articles of both texts, and compared by cosine similarity. A national article links to every
provincial article within ``relative`` of its best one and above ``link``; it is 已覆盖 when its
best similarity reaches ``covered``, 部分覆盖 when it reaches ``partial``, 未覆盖 below. The four
thresholds are fitted on the six shared real pairs (``python -m bench.tfidf_peer --fit``), so on
those pairs the peer is at its best; the held-out pairs show it as it would be used.

The peer gives the scorer's JSON directly: national and provincial sections by id and label,
and for each national article its status and provincial articles.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.model import Outline, Section
from core.serialize import section_to_dict


@dataclass(frozen=True)
class Thresholds:
    """The peer's four decisions, as cosine similarities (0–1)."""

    link: float = 0.20
    relative: float = 0.80
    covered: float = 0.45
    partial: float = 0.20


# Fitted on the six shared real pairs by ``fit`` (mean of link F1 and missing F1). The fit sets
# ``partial`` equal to ``covered``: the scorer's figures never charge calling a partly carried
# article covered, so the peer at its best never says 部分覆盖 (the bench's 已覆盖 P shows the cost).
FITTED = Thresholds(link=0.15, relative=0.6, covered=0.15, partial=0.15)

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z0-9]{2,}")
_CHINESE = re.compile(r"[\u4e00-\u9fff]+")


def _bag(text: str) -> Counter[str]:
    """An article's jieba words (two characters or more, jieba's own dictionary) and pairs of
    Chinese characters, with counts. The matrix the peer builds is dense (articles × features):
    fine for the bench's pairs, not meant for the product."""
    from core.prefix_cache import jieba    # jieba, imported without pkg_resources
    jieba.setLogLevel(logging.WARNING)
    bag: Counter[str] = Counter("w" + w for w in jieba.lcut(text) if _WORD.fullmatch(w))
    for run in _CHINESE.findall(text):
        bag.update("c" + run[k:k + 2] for k in range(len(run) - 1))
    return bag


def _articles(outline: Outline) -> list[Section]:
    return [s for s in outline.sections if s.kind == "article"]


def similarity(national: Outline, provincial: Outline) -> np.ndarray:
    """Cosine similarity of every national article with every provincial one."""
    nat, prov = _articles(national), _articles(provincial)
    bags = [_bag("".join(a.paragraphs)) for a in nat + prov]
    documents = Counter(term for bag in bags for term in bag)
    count = len(bags)
    vocabulary = {term: k for k, term in enumerate(documents)}
    matrix = np.zeros((count, len(vocabulary)))
    for row, bag in enumerate(bags):
        for term, tf in bag.items():
            matrix[row, vocabulary[term]] = (1 + math.log(tf)) * math.log((1 + count) / (1 + documents[term]))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1, norms)
    return matrix[:len(nat)] @ matrix[len(nat):].T


def decide(national: Outline, provincial: Outline, cosine: np.ndarray,
           thresholds: Thresholds = FITTED) -> dict:
    """The scorer's JSON for one pair from the similarity matrix."""
    return {"national": {"sections": [section_to_dict(s) for s in national.sections]},
            "provincial": {"sections": [section_to_dict(s) for s in provincial.sections]},
            "sections": _verdicts(national, provincial, cosine, thresholds)}


def _verdicts(national: Outline, provincial: Outline, cosine: np.ndarray,
              thresholds: Thresholds) -> list[dict]:
    """Each national article's status and provincial articles."""
    nat, prov = _articles(national), _articles(provincial)
    sections = []
    for i, article in enumerate(nat):
        row = cosine[i] if len(prov) else np.zeros(0)
        best = float(row.max()) if len(row) else 0.0
        if best >= thresholds.covered:
            status = "covered"
        elif best >= thresholds.partial:
            status = "partial"
        else:
            status = "missing"
        linked = [] if status == "missing" else [
            prov[j].id for j in range(len(prov))
            if row[j] >= thresholds.link and row[j] >= thresholds.relative * best]
        sections.append({"national": article.id, "provincial": linked, "status": status})
    return sections


def tfidf_peer(national: Outline, provincial: Outline) -> dict:
    """The peer's result for one pair, with the fitted thresholds."""
    return decide(national, provincial, similarity(national, provincial))


def fit(shared: Path) -> Thresholds:
    """The thresholds that do best on the shared real pairs: mean of link F1 and missing F1."""
    from bench.real_pairs import load_scorer, real_pairs
    from core.compare import load_outline
    scorer = load_scorer(shared)
    pairs = []
    for _, national_path, provincial_path, gold in real_pairs(shared):
        national, provincial = load_outline(national_path), load_outline(provincial_path)
        cosine = similarity(national, provincial)
        pairs.append((national, provincial, cosine, decide(national, provincial, cosine), gold))
    grid = np.round(np.arange(0.05, 0.75, 0.025), 3)
    best, best_value = FITTED, -1.0
    for link, relative, covered, partial in itertools.product(
            grid[::2], (0.6, 0.7, 0.8, 0.9, 1.0), grid, grid):
        if not partial <= covered or link > covered:
            continue
        thresholds = Thresholds(float(link), relative, float(covered), float(partial))
        values = []
        for national, provincial, cosine, result, gold in pairs:
            result["sections"] = _verdicts(national, provincial, cosine, thresholds)
            figures = scorer.eval_articles(result, gold)
            p, r = figures["missing_p"], figures["missing_r"]
            missing_f1 = 2 * p * r / (p + r) if p + r else 0.0
            values.append((figures["links_f1"] + missing_f1) / 2)
        value = sum(values) / len(values)
        if value > best_value:
            best, best_value = thresholds, value
    return best


if __name__ == "__main__":
    if "--fit" in sys.argv:
        print(fit(Path(__file__).resolve().parents[2] / "shared"))
