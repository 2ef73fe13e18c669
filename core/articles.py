"""Statutes judged article by article (条): which provincial articles carry each national one.

A drafter reads a regulation by its articles, and a provincial article often carries several
national ones (or a national article is spread over several provincial ones). So for two
statutes the engine links articles many-to-many and gives each national article a verdict of
its own, with its sentences as evidence:

1. **Evidence for each pair of articles**, the stronger of two readings: the whole texts'
   similarity (``Matcher.article_similarity``: informative words and character pairs, weighted
   by how rare they are among the two texts' articles) and how much of the national article's
   weighted content the provincial article's sentences carry (from the clause candidates).
2. **Links.** A provincial article carries a national one when the evidence is strong on its
   own, or fair and close to the best evidence that provincial article has for any national
   article (a rewritten article still goes to the national article it renders best). No
   ownership: one provincial article may carry many national ones.
3. **Verdicts.** An article no provincial article carries is missing — or not expected of a
   province (core.expected) — and one whose content its linked articles carry in the main is
   covered; otherwise it is partial. Every verdict says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from core.expected import article_not_expected
from core.model import Outline, Reason, Section, Status


@dataclass(frozen=True)
class ArticleVerdict:
    """The verdict on one national article.

    Attributes:
        provincial: ids of the provincial articles that carry it, in document order.
        coverage: share 0–1 of its weighted content the linked articles carry.
        status: covered, partial, missing or not expected.
        reason: why.
    """

    provincial: tuple[str, ...]
    coverage: float
    status: Status
    reason: Reason


def articles(outline: Outline) -> list[Section]:
    """The outline's articles (条) in document order."""
    return [s for s in outline.sections if s.kind == "article"]


def judge_articles(national: Outline, provincial: Outline, similarity: Sequence[Sequence[float]],
                   carried: Sequence[Sequence[float]], parameters) -> dict[str, ArticleVerdict]:
    """Link the articles and give every national article its verdict.

    Args:
        national: the national statute's outline.
        provincial: the provincial statute's outline.
        similarity: ``similarity[i][j]``, 0–1, of national article i to provincial article j as
            whole texts (both in ``articles`` order).
        carried: ``carried[i][j]``, 0–1, the share of national article i's weighted content that
            provincial article j's sentences carry.
        parameters: the engine's ``Parameters`` (``article_*`` thresholds).

    Returns:
        National article id → its verdict.
    """
    nat, prov = articles(national), articles(provincial)
    evidence = [[max(similarity[i][j], parameters.article_carried_factor * carried[i][j])
                 for j in range(len(prov))] for i in range(len(nat))]
    best_for = [max((evidence[i][j] for i in range(len(nat))), default=0.0)
                for j in range(len(prov))]
    verdicts: dict[str, ArticleVerdict] = {}
    for i, article in enumerate(nat):
        linked = [j for j in range(len(prov)) if _links(evidence[i][j], best_for[j], parameters)]
        coverage = min(1.0, sum(carried[i][j] for j in linked))
        places = tuple(prov[j].id for j in linked)
        if not linked:
            nearest = max(range(len(prov)), key=lambda j: (evidence[i][j], -j), default=None)
            verdicts[article.id] = _unlinked(article, prov, nearest,
                                             evidence[i][nearest] if nearest is not None else 0.0)
        elif coverage >= parameters.article_covered:
            verdicts[article.id] = ArticleVerdict(places, coverage, Status.COVERED, Reason(
                "matched", f"由地方{_labels(prov, linked)}承接，内容约{_percent(coverage)}得到体现。"))
        else:
            verdicts[article.id] = ArticleVerdict(places, coverage, Status.PARTIAL, Reason(
                "part", f"地方{_labels(prov, linked)}只承接了部分内容（约{_percent(coverage)}），"
                        "其余要求未见对应表述。"))
    return verdicts


def _links(evidence: float, best: float, parameters) -> bool:
    if evidence >= parameters.article_strong:
        return True
    return evidence >= parameters.article_floor and evidence >= parameters.article_relative * best


def _unlinked(article: Section, prov: list[Section], nearest: int | None,
              evidence: float) -> ArticleVerdict:
    reason = article_not_expected(article.paragraphs)
    if reason is not None:
        return ArticleVerdict((), 0.0, Status.NOT_EXPECTED, reason)
    if nearest is None:
        return ArticleVerdict((), 0.0, Status.MISSING,
                              Reason("no_candidate", "地方文件中没有条文可以对应。"))
    return ArticleVerdict((), 0.0, Status.MISSING, Reason(
        "too_weak", f"地方文件中未找到承接本条的条文（最相近的是{prov[nearest].label}，"
                    f"相似程度{evidence * 100:.0f}，不足以认定承接）。"))


def _labels(prov: list[Section], linked: list[int]) -> str:
    return "、".join(prov[j].label for j in linked)


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def carried_shares(nat_articles: list[Section], prov_articles: list[Section],
                   clause_weights: Sequence[float], clause_sections: Sequence[str],
                   candidate_sections: Sequence[Sequence[tuple[float, str]]]) -> list[list[float]]:
    """``carried[i][j]``: the share of national article i's weighted content that the sentences
    of provincial article j carry, each national sentence counted by its best sentence there.

    Args:
        nat_articles: the national articles.
        prov_articles: the provincial articles.
        clause_weights: per national clause (in document order), its weighted content.
        clause_sections: per national clause, the id of its section.
        candidate_sections: per national clause, (score 0–100, provincial section id) of its
            candidates.
    """
    row = {a.id: i for i, a in enumerate(nat_articles)}
    column = {a.id: j for j, a in enumerate(prov_articles)}
    totals: dict[int, float] = defaultdict(float)
    for weight, section in zip(clause_weights, clause_sections):
        if section in row:
            totals[row[section]] += weight
    carried = [[0.0] * len(prov_articles) for _ in nat_articles]
    for weight, section, scored in zip(clause_weights, clause_sections, candidate_sections):
        i = row.get(section)
        if i is None or not totals[i]:
            continue
        best: dict[int, float] = {}
        for value, place in scored:
            j = column.get(place)
            if j is not None and value > best.get(j, 0.0):
                best[j] = value
        for j, value in best.items():
            carried[i][j] += weight * value / 100.0 / totals[i]
    return carried
