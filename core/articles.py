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
3. **The statute's frame** (core.provisions). Purpose and scope articles correspond by
   function whatever their wording; a penalty article goes to the provincial penalty article
   that punishes the breach of a provincial article carrying the duty it punishes (违反本法第二十条
   → 违反本条例第十八条), and once linked to a provincial penalty article keeps no link to the duty
   articles it shares the offence's words with; two penalty articles are compared by the
   breaches they punish, not by the sanctions every penalty repeats; the effective date is
   carried by nothing; a provision not expected of a province is carried only where one of its
   sentences is restated. A provincial article that cites a national article by the law's name
   (按照《教师法》第三十九条的规定) applies it, and one that refers every breach to the law
   (违反本办法规定的，依照《教师法》的规定处理) takes over its whole 法律责任: those articles are
   covered by reference.
4. **Verdicts.** An article no provincial article carries is missing — or not expected of a
   province (core.expected), or partial where the province kept its own distinctive wording —
   and one whose content its linked articles carry in the main is covered; otherwise it is
   partial. Every verdict says why.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from core.expected import article_not_expected, laid_on_other_places, statute_bodies
from core.model import Outline, Reason, Section, Status
from core.provisions import (Provision, cited_articles, cited_chapters, declared_names, defines,
                             general_references, holder_of, law_names, offence, provision,
                             punished_articles, refers_breaches)
from core.similarity import normalize, tokens
from core.text import issuing_region


@dataclass(frozen=True)
class ArticleVerdict:
    """The verdict on one national article.

    Attributes:
        provincial: ids of the provincial articles that carry it, in document order.
        coverage: share 0–1 of its weighted content the linked articles carry.
        status: covered, partial, missing or not expected.
        reason: why.
        nearest: for a missing article, the id of the provincial article nearest it (the one
            its reason names: too weak to count as carrying it, but what a reviewer checks
            first); None otherwise, or when no provincial article shares anything with it.
        runners_up: for a missing article, the next nearest provincial articles after
            ``nearest``, nearest first (``Parameters.article_nearest``): the nearest is a
            partial carrier of a missing article the gold calls carried only about half the
            time, one of the three nearest three times in four.
        near_scores: the similarity (0–1) of ``nearest`` and each of ``runners_up``, in
            that order, as the reason prints them (×100); () when there is no nearest.
    """

    provincial: tuple[str, ...]
    coverage: float
    status: Status
    reason: Reason
    nearest: str | None = None
    runners_up: tuple[str, ...] = ()
    near_scores: tuple[float, ...] = ()


def articles(outline: Outline) -> list[Section]:
    """The outline's articles (条) in document order."""
    return [s for s in outline.sections if s.kind == "article"]


def judge_articles(national: Outline, provincial: Outline, similarity: Sequence[Sequence[float]],
                   carried: Sequence[Sequence[float]], sentences: Sequence[Sequence[float]],
                   parameters, phrase_hits: PhraseHits | None = None,
                   carriage: Carriage | None = None) -> dict[str, ArticleVerdict]:
    """Link the articles and give every national article its verdict.

    Args:
        national: the national statute's outline.
        provincial: the provincial statute's outline.
        similarity: ``similarity[i][j]``, 0–1, of national article i to provincial article j as
            whole texts (both in ``articles`` order).
        carried: ``carried[i][j]``, 0–1, the share of national article i's weighted content that
            provincial article j's sentences carry.
        sentences: ``sentences[i][j]``, 0–100, the best score of a sentence of provincial
            article j for a sentence of national article i: one that would cover its national
            sentence links the articles whatever the rest says.
        parameters: the engine's ``Parameters`` (``article_*`` thresholds).
        phrase_hits: for a national article no evidence links, the provincial articles in which
            its distinctive phrases stand near-verbatim (``distinctive_phrases``), with those
            phrases; asked only for such articles.
        carriage: what the provincial articles carry of each national sentence
            (``sentence_carriage``), for the share the linked articles carry together, each
            sentence counted once (``covered_share``); without it the per-article shares
            ``carried`` are summed, which counts a sentence two articles render twice.

    Returns:
        National article id → its verdict.
    """
    nat, prov = articles(national), articles(provincial)
    nat_kind = [provision(a.paragraphs, i) for i, a in enumerate(nat)]
    prov_kind = [provision(a.paragraphs, j) for j, a in enumerate(prov)]
    prov_defines = [defines(a.paragraphs) for a in prov]
    # Why each national article is not expected of a province (None when it is).
    region = issuing_region(provincial.title)
    bodies = statute_bodies([sentence for a in nat for paragraph in a.paragraphs
                             for sentence in re.split(r"[。；]", paragraph)])
    not_expected = [article_not_expected(a.paragraphs, bodies)
                    or laid_on_other_places("".join(a.paragraphs), region) for a in nat]
    _penalties_of_unexpected_duties(nat, not_expected)
    shape = (len(nat), len(prov))
    carried_share = np.asarray(carried, dtype=float).reshape(shape)
    best_sentence = np.asarray(sentences, dtype=float).reshape(shape)
    evidence = np.maximum(np.asarray(similarity, dtype=float).reshape(shape),
                          parameters.article_carried_factor * carried_share)
    # A provincial article's best evidence for any national one is read from the whole texts:
    # a penalty whose formulas no longer count stays a penalty, not a carrier of duties.
    whole = evidence.copy()
    _penalties_by_offence(evidence, best_sentence, nat, prov, nat_kind, prov_kind,
                          [reason is None for reason in not_expected], parameters.article_floor)
    dated = np.array([kind is Provision.EFFECTIVE_DATE for kind in nat_kind], dtype=bool)
    best_for = (np.maximum(whole, evidence)[~dated].max(axis=0) if (~dated).any() and len(prov)
                else np.zeros(len(prov)))
    evidence_links = _penalty_links(nat, prov, nat_kind, prov_kind,
                                    _evidence_links(evidence, best_for, best_sentence, parameters))
    _same_breach(evidence, evidence_links, nat_kind, prov_kind, parameters.article_same_breach)
    by_reference = _by_reference(national, nat, nat_kind, prov, evidence, parameters)
    verdicts: dict[str, ArticleVerdict] = {}
    for i, article in enumerate(nat):
        if nat_kind[i] is Provision.EFFECTIVE_DATE:
            # A provincial 施行 article states the province's own date: it carries nothing.
            verdicts[article.id] = _unlinked(not_expected[i], prov, [], evidence[i])
            continue
        expected = not_expected[i] is None
        linked = _carriers_of(nat_kind[i], prov_kind, prov_defines, evidence_links[i],
                              best_sentence[i], expected, parameters)
        coverage = (covered_share(carriage[i], linked) if carriage is not None
                    else min(1.0, float(carried_share[i][linked].sum())))
        counterpart = _counterpart(nat_kind[i], prov_kind)
        if counterpart is not None and coverage < parameters.article_covered:
            what = "立法目的" if nat_kind[i] is Provision.PURPOSE else "适用范围"
            verdicts[article.id] = ArticleVerdict(
                _places(prov, linked + [counterpart]), coverage, Status.COVERED,
                Reason("counterpart", f"地方{prov[counterpart].label}是其{what}条，与本条相对应。"))
        elif i in by_reference and coverage < parameters.article_covered:
            referring, reason = by_reference[i]
            # A pointer to the whole law carries the article without spelling it out.
            status = Status.PARTIAL if reason.code == "general_reference" else Status.COVERED
            verdicts[article.id] = ArticleVerdict(_places(prov, linked + referring), coverage,
                                                  status, reason)
        elif linked:
            verdicts[article.id] = _carried(prov, linked + by_reference.get(i, ([], None))[0],
                                            coverage, float(evidence[i][linked].max()),
                                            parameters)
        else:
            hits = phrase_hits(i) if expected and phrase_hits is not None else {}
            if nat_kind[i] is Provision.DEFINITION:
                hits = {j: found for j, found in hits.items() if prov_defines[j]}
            by_phrase = _by_phrase(hits, prov, carried_share[i], parameters)
            verdicts[article.id] = by_phrase or _unlinked(
                not_expected[i], prov, _nearest(evidence[i], parameters), evidence[i])
    return verdicts


# A breach named only by the articles it breaks (违反本条例第二条、第五条规定的) is this short
# once the references are taken out.
_REFERENCE = re.compile(r"违反本[^。；，]{0,4}?第[^。；，]*?条(?:第[^。；，]*?款)?(?:规定)?")
_BARE_BREACH = 12


def _penalties_by_offence(evidence: np.ndarray, best_sentence: np.ndarray, nat: list[Section],
                          prov: list[Section], nat_kind: Sequence[Provision],
                          prov_kind: Sequence[Provision], expected: Sequence[bool],
                          floor: float) -> None:
    """Between two penalty articles, the evidence is the likeness of the breaches they punish
    (``core.provisions.offence``, with the text of the articles whose breach they name:
    违反本条例第二条规定的), not of their whole texts: the sanctions they share
    (由……责令改正，处……罚款) say nothing of whether one renders the other; and a sanction
    sentence the two print alike does not link penalties for breaches that have little in
    common (under ``floor``) — unless the national article is one no province is expected to
    carry, which only a restated sentence carries. In place.
    """
    rows = [i for i, kind in enumerate(nat_kind) if kind is Provision.LIABILITY]
    columns = [j for j, kind in enumerate(prov_kind) if kind is Provision.LIABILITY]
    if not rows or not columns:
        return
    def breach(article: Section, by_number: dict[int, Section]) -> str:
        # 违反本条例第二条规定的 says what it punishes only through that article's duties.
        words = offence(article.paragraphs)
        if len(_REFERENCE.sub("", words)) > _BARE_BREACH:
            return words
        duties = (by_number.get(n) for n in sorted(punished_articles(article.paragraphs)))
        return words + "".join("".join(duty.paragraphs) for duty in duties if duty is not None)
    national = {a.number: a for a in nat}
    provincial = {a.number: a for a in prov}
    bags = ([_bag(breach(nat[i], national)) for i in rows]
            + [_bag(breach(prov[j], provincial)) for j in columns])
    documents: Counter[str] = Counter(f for bag in bags for f in bag)
    weighted = []
    for bag in bags:
        vector = {f: (1.0 + math.log(c)) * (math.log((len(bags) + 1) / (documents[f] + 1)) + 1.0)
                  for f, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        weighted.append({f: w / norm for f, w in vector.items()})
    for a, i in enumerate(rows):
        for b, j in enumerate(columns):
            mine, theirs = weighted[a], weighted[len(rows) + b]
            evidence[i][j] = sum(w * theirs.get(f, 0.0) for f, w in mine.items())
            if expected[i] and evidence[i][j] < floor:
                best_sentence[i][j] = 0.0


def _penalties_of_unexpected_duties(nat: list[Section], not_expected: list[Reason | None]) -> None:
    """A penalty for breaching duties no province is expected to carry (违反本法第五十七条、
    第五十九条规定，……进出口种子的) is not expected either: marked in ``not_expected``."""
    index = {a.number: i for i, a in enumerate(nat)}
    for i, article in enumerate(nat):
        if not_expected[i] is not None:
            continue
        duties = [index[n] for n in sorted(punished_articles(article.paragraphs)) if n in index]
        reasons = [not_expected[k] for k in duties]
        first = reasons[0] if reasons else None
        if first is not None and all(reason is not None for reason in reasons):
            named = "、".join(nat[k].label for k in duties)
            not_expected[i] = Reason(first.code,
                                     f"本条处罚违反{named}的行为，{named}地方文件无需承接，本条亦然。")


def _bag(text: str) -> Counter[str]:
    """A text's words and character pairs with their counts."""
    bag: Counter[str] = Counter("w" + word for word in tokens(text))
    chars = normalize(text)
    bag.update("c" + chars[k:k + 2] for k in range(len(chars) - 1))
    return bag


def _by_reference(national: Outline, nat: list[Section], nat_kind: Sequence[Provision],
                  prov: list[Section], evidence: np.ndarray, parameters
                  ) -> dict[int, tuple[list[int], Reason]]:
    """National articles a provincial article carries by naming them, with the provincial
    articles and the reason: cited by number (按照《教师法》第三十九条的规定), or, for the
    articles of the law's 法律责任, every breach referred to the law.

    A cited article counts only when it is among the national articles nearest the citing one
    and not far behind the nearest (``Parameters.article_citation_rank``,
    ``article_citation_share``): a text made under an earlier version of the law cites that
    version's numbers, which may now stand for other articles.
    """
    names = declared_names(["".join(a.paragraphs) for a in prov], law_names(national.title))
    if not names or not prov:
        return {}
    index = {a.number: i for i, a in enumerate(nat)}
    found: dict[int, tuple[list[int], Reason]] = {}
    for j, article in enumerate(prov):
        for number in sorted(cited_articles(article.paragraphs, names)):
            i = index.get(number)
            if i is None or nat_kind[i] is Provision.EFFECTIVE_DATE:
                continue
            nearer = int((evidence[:, j] > evidence[i][j]).sum())
            if (nearer > parameters.article_citation_rank or evidence[i][j]
                    < parameters.article_citation_share * evidence[:, j].max()
                    or evidence[i][j] <= 0):
                continue
            citing = found.setdefault(i, ([], Reason("cited", "")))[0]
            citing.append(j)
    for i, (citing, _) in list(found.items()):
        found[i] = (citing, Reason("cited", f"地方{_labels(prov, citing)}援引本条"
                                            f"（《{names[-1]}》{nat[i].label}），按本条执行。"))
    # A chapter cited by number (依照《……法》第三章的规定执行) carries the articles it holds, when
    # the citing article is nearer them, on the whole, than the rest of the law: a chapter
    # number of an earlier version of the law may now stand for another chapter.
    chapter_of = [_chapter_of(national, a) for a in nat]
    for j, article in enumerate(prov):
        for number, matter in sorted(cited_chapters(article.paragraphs, names).items()):
            held = [i for i, n in enumerate(chapter_of) if n == number]
            rest = [i for i, n in enumerate(chapter_of) if n != number]
            if not held or (rest and evidence[held, j].mean() <= evidence[rest, j].mean()):
                continue
            chapter = national.section(_chapter_id(national, nat[held[0]]))
            named = chapter.label + (f"（{chapter.title}）" if chapter.title else "")
            reason = Reason("cited", f"地方{article.label}规定依照《{names[-1]}》{named}执行，"
                                     "本条在该章之内。")
            # A reference confined to one matter (国家重点保护野生动物的管理，依照……) carries the
            # articles on that matter only, not those on its opposite (非国家重点……); a matter
            # none of them names confines nothing.
            on_matter = [i for i in held
                         if re.search(f"(?<!非){re.escape(matter)}", "".join(nat[i].paragraphs))]
            for i in (on_matter if matter and on_matter else held):
                if i not in found and nat_kind[i] is not Provision.EFFECTIVE_DATE:
                    found[i] = ([j], reason)
    # Rights and duties granted by pointing to the law as a whole (消费者享有《……法》……规定的
    # 各项权利): the national articles that grant them to the same holder are carried so, in
    # part, since none of them is spelt out.
    for j, article in enumerate(prov):
        for sentence, what in general_references(article.paragraphs, names):
            for i, national_article in enumerate(nat):
                holder = holder_of(national_article.paragraphs, what)
                if i in found or holder is None or holder not in sentence:
                    continue
                law = f"《{names[-1]}》"
                said = {"权利": f"享有{law}规定的权利", "义务": f"履行{law}规定的义务"}.get(what, f"应当遵守{law}")
                found[i] = ([j], Reason("general_reference", f"地方{article.label}概括规定{holder}{said}，"
                                                             "本条内容未逐项列明。"))
    referring = [j for j, article in enumerate(prov) if refers_breaches(article.paragraphs, names)]
    if referring:
        reason = Reason("referred", f"地方{_labels(prov, referring)}规定违反其规定的行为依照"
                                    f"《{names[-1]}》处理，本条的法律责任由此适用。")
        for i in _liability_articles(national, nat, nat_kind):
            if i not in found:
                found[i] = (referring, reason)
    return found


def _chapter_id(outline: Outline, article: Section) -> str:
    """The id of the chapter (章) an article stands in, "" when it stands in none."""
    parent = article.parent
    while parent:
        section = outline.section(parent)
        if section.kind == "chapter":
            return section.id
        parent = section.parent
    return ""


def _chapter_of(outline: Outline, article: Section) -> int | None:
    """The number of the chapter an article stands in, None when it stands in none."""
    chapter = _chapter_id(outline, article)
    return outline.section(chapter).number if chapter else None


def _liability_articles(national: Outline, nat: list[Section],
                        nat_kind: Sequence[Provision]) -> list[int]:
    """The national articles that set its 法律责任: those of its chapter so named (or 罚则) but
    for its rules on disputes and validity, else those that set a sanction for a breach."""
    def in_chapter(article: Section) -> bool:
        parent = article.parent
        while parent:
            section = national.section(parent)
            if re.search(r"法律责任|罚则", section.label + section.title):
                return True
            parent = section.parent
        return False
    chapter = [i for i, article in enumerate(nat) if in_chapter(article)
               and (nat_kind[i] is Provision.LIABILITY
                    or not _DISPUTE.search("".join(article.paragraphs)))]
    return chapter or [i for i, kind in enumerate(nat_kind) if kind is Provision.LIABILITY]


# How disputes are settled and what is void, which a chapter named 争议的解决和法律责任 also holds:
# a province referring its breaches to the law does not take these over.
_DISPUTE = re.compile(r"协商|调解|仲裁|诉讼|无效")


def _carriers_of(kind: Provision, prov_kind: Sequence[Provision], prov_defines: Sequence[bool],
                 evidence_links: np.ndarray, best_sentence: np.ndarray, expected: bool,
                 parameters) -> list[int]:
    """The provincial articles that carry a national article of the given kind, from those
    its evidence links (``_evidence_links``, ``_penalty_links``).

    Args:
        expected: whether a province is expected to carry the article (core.expected).
    """
    linked = [int(j) for j in np.flatnonzero(evidence_links)]
    if not expected:
        # A provision no province is expected to carry is carried only where the province
        # restates one of its sentences, not by an article that shares its formulas.
        linked = [j for j in linked if best_sentence[j] >= parameters.covered]
    if kind is Provision.DEFINITION:
        # A definition is carried by an article that defines the term, not by every article
        # that uses it.
        linked = [j for j in linked if prov_defines[j]]
    if kind is Provision.LIABILITY and any(prov_kind[j] is Provision.LIABILITY for j in linked):
        # A sanction is rendered by the provincial article that sets a sanction; the duty
        # articles it shares the offence's words with are not where it went.
        linked = [j for j in linked if prov_kind[j] is Provision.LIABILITY]
    return linked


# What a partial article linked by the whole texts' likeness alone says of its sentences
# (core.align drops it where a sentence row shows a counterpart after all).
NOTHING_SPECIFIC = "，但本条的具体要求未见对应表述"


def _carried(prov: list[Section], linked: list[int], coverage: float, evidence: float,
             parameters) -> ArticleVerdict:
    """Covered or partial, by the share of the article's content its linked articles carry."""
    places = _places(prov, linked)
    if coverage >= parameters.article_covered:
        return ArticleVerdict(places, coverage, Status.COVERED, Reason(
            "matched", f"由地方{_labels(prov, linked)}承接，内容约{_percent(coverage)}得到体现。"))
    if round(coverage * 100) == 0:
        # Linked by the whole texts' likeness, with no sentence of it found there.
        return ArticleVerdict(places, coverage, Status.PARTIAL, Reason(
            "part", f"地方{_labels(prov, linked)}与本条整体相近（相似度{evidence * 100:.0f}）"
                    f"{NOTHING_SPECIFIC}。"))
    return ArticleVerdict(places, coverage, Status.PARTIAL, Reason(
        "part", f"地方{_labels(prov, linked)}只承接了部分内容（约{_percent(coverage)}），"
                "其余要求未见对应表述。"))


# For a national article: provincial article index → the article's distinctive phrases found
# there near-verbatim, each as compared (normalised) and as printed in the national text.
PhraseHits = Callable[[int], dict[int, list[tuple[str, str]]]]


def distinctive_phrases(phrases: Sequence[Sequence[str]], min_chars: int,
                        content: Callable[[str], bool]) -> Callable[[int], list[str]]:
    """The phrases that are national article i's own: at least ``min_chars`` long, said by no
    other national article, and holding a content term (``content``) — not a formula every
    law repeats. A drafter who kept such a phrase has carried that part of the article,
    however the rest was rewritten.

    Args:
        phrases: per national article, its phrases.
        min_chars: the fewest characters a phrase of its own has.
        content: whether a phrase holds a content term (asked only of long, unshared phrases).

    Returns:
        Article index → its own phrases, longest first (worked out when asked).
    """
    said: dict[str, int] = defaultdict(int)
    for own in phrases:
        for phrase in set(own):
            said[phrase] += 1

    def own_phrases(i: int) -> list[str]:
        return sorted({p for p in phrases[i] if len(p) >= min_chars and said[p] == 1
                       and content(p)}, key=lambda p: (-len(p), p))
    return own_phrases


def _by_phrase(hits: dict[int, list[tuple[str, str]]], prov: list[Section],
               carried: Sequence[float], parameters) -> ArticleVerdict | None:
    """The verdict of an article that only the wording it kept links: partial, to the
    provincial article that keeps most of its distinctive phrasing."""
    if not hits:
        return None
    j = max(hits, key=lambda k: (sum(len(p) for p, _ in hits[k]), -k))
    if sum(len(p) for p, _ in hits[j]) < parameters.article_phrase_chars:
        return None
    quoted = "”“".join(shown for _, shown in hits[j][:2])
    return ArticleVerdict((prov[j].id,), float(carried[j]), Status.PARTIAL, Reason(
        "part", f"地方{prov[j].label}沿用了本条的表述（“{quoted}”），只承接了部分内容，"
                "其余要求未见对应表述。"))


def _counterpart(kind: Provision, prov_kind: Sequence[Provision]) -> int | None:
    """The provincial article of the same frame kind (purpose, scope) as a national one."""
    if kind not in (Provision.PURPOSE, Provision.SCOPE):
        return None
    return next((j for j, other in enumerate(prov_kind) if other is kind), None)


def _places(prov: list[Section], linked: list[int]) -> tuple[str, ...]:
    return tuple(prov[j].id for j in sorted(set(linked)))


def _penalty_links(nat: list[Section], prov: list[Section], nat_kind: Sequence[Provision],
                   prov_kind: Sequence[Provision], evidence_links: np.ndarray) -> np.ndarray:
    """The evidence links, with penalty articles linked through the duties they punish.

    A national penalty article that names the duty articles whose breach it punishes
    (违反本法第二十条规定的) goes to a provincial penalty article naming a provincial article
    that carries one of them, however differently the two set the sanction; and where that is
    found, penalties for other duties (both naming theirs, none linked) are no link of it,
    whatever fine formula they share.
    """
    nat_index = {a.number: i for i, a in enumerate(nat)}
    prov_index = {a.number: j for j, a in enumerate(prov)}

    def duties(article: Section, index: dict[int, int], kinds: Sequence[Provision]) -> list[int]:
        found = (index.get(n) for n in punished_articles(article.paragraphs))
        return [k for k in found if k is not None and kinds[k] is not Provision.LIABILITY]

    prov_duties = {j: duties(a, prov_index, prov_kind) for j, a in enumerate(prov)
                   if prov_kind[j] is Provision.LIABILITY}
    links = evidence_links.copy()
    for i, article in enumerate(nat):
        own = duties(article, nat_index, nat_kind) if nat_kind[i] is Provision.LIABILITY else []
        same = [j for j, theirs in prov_duties.items() if theirs
                and any(evidence_links[a, b] for a in own for b in theirs)]
        if not same:
            continue
        for j, theirs in prov_duties.items():
            if theirs and j not in same:
                links[i, j] = False
        links[i, same] = True
    return links


def _same_breach(evidence: np.ndarray, links: np.ndarray, nat_kind: Sequence[Provision],
                 prov_kind: Sequence[Provision], floor: float) -> None:
    """Link a national penalty article nothing links to the provincial penalty article whose
    breach is likest its own while its own is the likest for that article too (the evidence
    between penalties is their breaches' likeness: ``_penalties_by_offence``), at least
    ``floor``: 侵占、挪用被征收土地单位的征地补偿费用…… and 截留、侵占或者挪用征地费用的 punish one
    breach, however the whole texts' formulas weigh. In place."""
    rows = [i for i, kind in enumerate(nat_kind) if kind is Provision.LIABILITY]
    columns = [j for j, kind in enumerate(prov_kind) if kind is Provision.LIABILITY]
    if not rows or not columns:
        return
    between = evidence[np.ix_(rows, columns)]
    for a, i in enumerate(rows):
        b = int(between[a].argmax())
        if not links[i].any() and between[a, b] >= floor and int(between[:, b].argmax()) == a:
            links[i, columns[b]] = True


def _evidence_links(evidence: np.ndarray, best_for: np.ndarray, sentences: np.ndarray,
             parameters) -> np.ndarray:
    """Which pairs of articles the evidence links, given the best evidence each provincial
    article has for any national one.

    Strong evidence links on its own, unless the provincial article renders another national
    article far better (what they share is then mostly what both national articles share).
    Fair evidence links when it is close to that best. Either kind is dropped when it is far
    below the best evidence among the provincial articles linked to the same national one
    (``Parameters.article_row_relative``). A sentence that would cover its national sentence
    links the articles whatever the rest says; one that nearly would
    (``Parameters.article_sentence_link``) links them when the evidence reaches the floor.
    """
    strong = ((evidence >= parameters.article_strong)
              & (evidence >= parameters.article_strong_relative * best_for))
    fair = (evidence >= parameters.article_floor) & (evidence >= parameters.article_relative * best_for)
    links = strong | fair
    if parameters.article_row_relative and links.any():
        row_best = np.where(links, evidence, 0.0).max(axis=1, keepdims=True)
        links &= evidence >= parameters.article_row_relative * row_best
    # A sentence nearly covered links the articles too when the whole articles share enough,
    # even where the provincial article renders another national one better.
    nearly = (sentences >= parameters.article_sentence_link) & (evidence >= parameters.article_floor)
    return _far_and_faint_dropped(links | nearly, evidence, parameters) | (sentences >= parameters.covered)


def _far_and_faint_dropped(links: np.ndarray, evidence: np.ndarray, parameters) -> np.ndarray:
    """The links without those of a national article to a provincial article far from its best
    one and much weaker (``Parameters.article_far_share``, ``article_far_relative``): a province
    spreads an article over neighbouring articles, and what a distant article shares with it
    faintly is the law's topic."""
    kept = links.copy()
    count = links.shape[1]
    for i in np.flatnonzero(links.sum(axis=1) > 1):
        linked = np.flatnonzero(links[i])
        best = linked[np.argmax(evidence[i, linked])]
        # The next article is never far, however short the provincial text.
        far = np.abs(linked - best) > max(1.0, parameters.article_far_share * count)
        faint = evidence[i, linked] < parameters.article_far_relative * evidence[i, best]
        kept[i, linked[far & faint]] = False
    return kept


def _nearest(evidence: np.ndarray, parameters) -> list[int]:
    """The provincial articles nearest a national one no evidence links, nearest first: at most
    ``Parameters.article_nearest``, each sharing something with it and the runners-up at least
    ``article_nearest_relative`` of the nearest's evidence (a far weaker one is the law's
    topic, nothing a reviewer need read)."""
    if not len(evidence) or evidence.max() <= 0:
        return []
    order = np.argsort(-evidence, kind="stable")[:max(1, parameters.article_nearest)]
    floor = parameters.article_nearest_relative * evidence[order[0]]
    return [int(order[0])] + [int(j) for j in order[1:] if evidence[j] > 0 and evidence[j] >= floor]


def _unlinked(reason: Reason | None, prov: list[Section], nearest: list[int],
              evidence: np.ndarray) -> ArticleVerdict:
    """Not expected (with ``reason``, why not), or missing, naming the nearest articles (in the
    reason's words and as ``nearest`` and ``runners_up``)."""
    if reason is not None:
        return ArticleVerdict((), 0.0, Status.NOT_EXPECTED, reason)
    if not nearest:
        return ArticleVerdict((), 0.0, Status.MISSING,
                              Reason("no_candidate", "地方文件中没有条文可以对应。"))
    first, *others = nearest
    # Kept to a thousandth, and printed (×100, whole) from the value kept: the app shows it too.
    similarity = {j: round(float(evidence[j]), 3) for j in nearest}
    opening = "".join(prov[first].paragraphs).strip("，。；：、 ")
    opening = opening if len(opening) <= _OPENING_CHARS else opening[:_OPENING_CHARS] + "…"
    # No brackets inside the reason's own: 其次是第一条、第三条，相似度分别为11、9.
    then = ""
    if others:
        scores = "、".join(f"{similarity[j] * 100:.0f}" for j in others)
        then = (f"，其次是{'、'.join(prov[j].label for j in others)}，"
                f"相似度{'分别为' if len(others) > 1 else ''}{scores}")
    return ArticleVerdict((), 0.0, Status.MISSING, Reason(
        "too_weak", f"地方文件中未找到承接本条的条文（最相近的是{prov[first].label}“{opening}”，"
                    f"相似度{similarity[first] * 100:.0f}{then}；内容差别较大，不能认定为承接）。"),
        nearest=prov[first].id, runners_up=tuple(prov[j].id for j in others),
        near_scores=tuple(similarity[j] for j in nearest))


# How much of the nearest article a missing article's reason quotes, so that a printed report
# shows what the candidate says, not only where it stands.
_OPENING_CHARS = 30


def _labels(prov: list[Section], linked: list[int]) -> str:
    return "、".join(prov[j].label for j in sorted(set(linked)))


def _percent(share: float) -> str:
    # Rounded as the article's score is kept (to a tenth) and then printed whole, so that the
    # reason says what the outline and the reports show (约35% beside 34% read as a slip).
    return f"{round(share * 100, 1):.0f}%"


def sentence_credit(covered: float, partial: float):
    """How much of a national sentence a match of a given score carries, 0–1: all of it at the
    covered threshold and above, half to all between the partial and covered thresholds, and
    little below (a weak match is mostly shared words)."""
    def credit(value: float) -> float:
        if value >= covered:
            return 1.0
        if value >= partial:
            return 0.5 + 0.5 * (value - partial) / (covered - partial)
        return 0.25 * value / partial
    return credit


def untangle(nat_article: Sequence[int | None], prov_article: Sequence[int | None],
             candidates: Sequence[Sequence[tuple[float, int]]],
             similarity: Sequence[Sequence[float]], tie: float,
             texts: Sequence[str] | None = None) -> list[list[tuple[float, int]]]:
    """The candidates without provincial sentences that belong to another national article.

    A provincial sentence that a like sentence of another national article matches as well
    (within ``tie`` points) — a formula, or an item two national articles repeat word for
    word — is evidence only of the national article whose whole text is likest the provincial
    article it stands in: not of every article that repeats it. So a national article that
    drops such an item is not covered by the copy another article kept. Two national
    sentences that are not alike, both in one provincial sentence, are a merge (本市……坚持预防为主、
    预防与应急相结合的原则，实行统一领导……的应急管理体制 carries 第四条 and 第五条): it is
    evidence of both.

    Args:
        nat_article: per national clause, the index of its article (None outside articles).
        prov_article: per provincial clause, the index of its article (None outside articles).
        candidates: per national clause, (score 0–100, provincial clause index) pairs.
        similarity: whole-text similarity of national article i to provincial article j.
        tie: how close two scores are to count as the same match.
        texts: per national clause, its normalised text, to tell a repeated sentence from a
            merge (``_ALIKE``, ``_VERBATIM``); None counts every rival as alike.
    """
    rivals: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for clause, scored in enumerate(candidates):
        article = nat_article[clause]
        if article is not None:
            for value, position in scored:
                rivals[position].append((value, article, clause))

    def alike(one: int, other: int, value: float) -> bool:
        return (texts is None or value < _VERBATIM
                or fuzz.ratio(texts[one], texts[other]) >= _ALIKE)

    untangled = []
    for clause, scored in enumerate(candidates):
        i = nat_article[clause]
        kept = []
        for value, position in scored:
            j = prov_article[position]
            if i is not None and j is not None and any(
                    other != i and rival >= value - tie and similarity[other][j] > similarity[i][j]
                    and alike(clause, rival_clause, value)
                    for rival, other, rival_clause in rivals[position]):
                continue
            kept.append((value, position))
        untangled.append(kept)
    return untangled


# How alike (rapidfuzz ratio) two national sentences must be for one provincial sentence that
# matches both to count for one of them only: a formula or item repeated with a word changed.
_ALIKE = 30
# ... and how near-verbatim the provincial sentence must render a sentence for it to count for
# it beside an unlike rival (the rival, within ``tie`` of it, is then near-verbatim too).
_VERBATIM = 95


def best_sentences(nat_article: Sequence[int | None], prov_article: Sequence[int | None],
                   candidates: Sequence[Sequence[tuple[float, int]]], articles_count: int,
                   provincial_count: int) -> list[list[float]]:
    """``best[i][j]``: the best score 0–100 of a sentence of provincial article j for a
    sentence of national article i (from the untangled candidates). ``provincial_count`` is
    the number of provincial articles: the last may hold no sentence (第三条 left empty in a
    draft), so the clauses alone do not tell it."""
    best = [[0.0] * provincial_count for _ in range(articles_count)]
    for clause, scored in enumerate(candidates):
        i = nat_article[clause]
        if i is None:
            continue
        for value, position in scored:
            j = prov_article[position]
            if j is not None and value > best[i][j]:
                best[i][j] = value
    return best


# Per national article, each of its sentences as (share of the article's weighted content,
# provincial article index → how much of it that article's best sentence carries).
Carriage = list[list[tuple[float, dict[int, float]]]]


def sentence_carriage(nat_article: Sequence[int | None], weights: Sequence[float],
                      prov_article: Sequence[int | None],
                      candidates: Sequence[Sequence[tuple[float, int]]], articles_count: int,
                      credit) -> Carriage:
    """What the provincial articles carry of each sentence of each national article: its share
    of the article's weighted content, and per provincial article the credit of its best
    sentence for it (``covered_share`` reads these for the articles linked).

    Args:
        nat_article: per national clause, the index of its article (None outside articles).
        weights: per national clause, its weighted content.
        prov_article: per provincial clause, the index of its article (None outside articles).
        candidates: per national clause, (score 0–100, provincial clause index) pairs (see
            ``untangle``).
        articles_count: the number of national articles.
        credit: how much of a sentence a match of a given score carries (``sentence_credit``).
    """
    totals = [0.0] * articles_count
    for article, weight in zip(nat_article, weights):
        if article is not None:
            totals[article] += weight
    carriage: Carriage = [[] for _ in range(articles_count)]
    for clause, scored in enumerate(candidates):
        i = nat_article[clause]
        if i is None or not totals[i]:
            continue
        best: dict[int, float] = {}
        for value, position in scored:
            j = prov_article[position]
            if j is not None and value > best.get(j, 0.0):
                best[j] = value
        carriage[i].append((weights[clause] / totals[i],
                            {j: credit(value) for j, value in best.items()}))
    return carriage


def carried_shares(carriage: Carriage, provincial_count: int) -> list[list[float]]:
    """``carried[i][j]``: the share of national article i's weighted content that the sentences
    of provincial article j carry, each national sentence counted by its best sentence there."""
    carried = [[0.0] * provincial_count for _ in carriage]
    for i, sentences in enumerate(carriage):
        for share, credits in sentences:
            for j, value in credits.items():
                carried[i][j] += share * value
    return carried


def covered_share(sentences: Sequence[tuple[float, dict[int, float]]], linked: Sequence[int]) -> float:
    """The share of a national article's content its linked provincial articles carry, each
    sentence counted once, by the linked article that carries it best: a sentence two
    provincial articles both render is not carried twice."""
    return min(1.0, sum(share * max((credits.get(j, 0.0) for j in linked), default=0.0)
                        for share, credits in sentences))
