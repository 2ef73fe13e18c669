"""Stage 5 helpers: what a matched provincial text lacks of its national clause.

A match can be real and still drop what matters: a key term (a quoted term such as “一网通办”,
or a term from the policy dictionary), a number or year, a deadline, or the binding force of the
wording (确保 → 力争). Each is reported as a Gap so that a reviewer sees why an item is partial.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from core.model import Clause, Gap
from core.resources import read_lines
from core.similarity import normalize, policy_terms

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,24})[”\"」』]")
_YEAR = re.compile(r"\d{4}")


@cache
def weakening_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(strong word, weaker forms) pairs, longest strong word first."""
    rows = []
    for line in read_lines("dictionary", "weakening.tsv"):
        strong, weaker = line.split("\t")
        rows.append((strong, tuple(weaker.split("|"))))
    return tuple(sorted(rows, key=lambda row: len(row[0]), reverse=True))


def key_terms(text: str, words: Sequence[str]) -> tuple[str, ...]:
    """Quoted terms and dictionary policy terms of a national clause, in order of appearance."""
    terms = [m.group(1) for m in _QUOTED.finditer(text)]
    dictionary = policy_terms()
    terms += [w for w in words if w in dictionary]
    return tuple(dict.fromkeys(terms))


# Ways of saying "all of it" that keep a 全覆盖 target (实现县乡村三级覆盖全部行政村).
_FULL_COVERAGE = re.compile(r"全覆盖|覆盖全部|全部覆盖|覆盖所有|全面覆盖")


def _number_present(target: str, provincial: str) -> bool:
    if target == "全覆盖":
        return bool(_FULL_COVERAGE.search(provincial))
    years = _YEAR.findall(target)
    if years and target.startswith("到"):
        return all(year in provincial for year in years)
    return normalize(target) in provincial


def find_gaps(clause: Clause, words: Sequence[str], provincial: Sequence[Clause], *,
              topic: str = "") -> tuple[Gap, ...]:
    """What the provincial clauses lack of the national clause.

    An item of a list (a statute's 项) is read with the sentence that opens its list for its
    binding force: 应当采取下列措施：（一）…… binds the item as firmly as 应当…… would, so a
    province that renders it as 可以…… weakens it, and one that keeps it in a list under
    可以采取下列措施 does too.

    Args:
        clause: the national clause.
        words: its tokens (from core.similarity.tokens).
        provincial: its provincial matches, read together.
        topic: the provincial text's title. A key term it names (数字政府 in
            《东川省加强数字政府建设实施方案》) is what the whole text is about: a sentence that
            leaves it out (建立健全……的安全技术保障体系) has lost nothing.

    Returns:
        The gaps, terms first, then numbers, deadline and binding force.
    """
    joined_raw = "".join(c.text for c in provincial)
    joined = normalize(joined_raw)
    gaps: list[Gap] = []
    about = normalize(topic)
    for term in key_terms(clause.text, words):
        if normalize(term) not in joined and normalize(term) not in about:
            gaps.append(Gap("term", term))
    lead_ins = "".join(dict.fromkeys(c.lead_in for c in provincial))
    binding = binding_gaps(clause.lead_in + clause.text, lead_ins + joined_raw)
    weakened = {gap.national for gap in binding}
    for target in clause.targets:
        # A target the binding check already names as weakened (全覆盖→基本覆盖) is told once.
        if target not in weakened and not _number_present(target, joined):
            gaps.append(Gap("number", target))
    if clause.deadline and normalize(clause.deadline) not in joined:
        gaps.append(Gap("deadline", clause.deadline))
    gaps.extend(binding)
    return tuple(gaps)


def binding_gaps(national: str, provincial: str) -> list[Gap]:
    """Binding words of the national text that the provincial text replaces with weaker ones.

    Occurrences are counted, not just looked for: a sentence often holds a word twice
    (全面落实……全面构建) or already holds the weaker form elsewhere (……必要时可以越级上报), and
    replacing one occurrence is still a weakening.
    """
    gaps: list[Gap] = []
    reported: list[str] = []
    for strong, weaker in weakening_table():
        if strong not in national or any(strong in r for r in reported):
            continue
        if _bare_count(provincial, strong, weaker) >= _bare_count(national, strong, weaker):
            continue
        found = next((w for w in weaker if provincial.count(w) > national.count(w)), None)
        if found:
            gaps.append(Gap("binding", strong, found))
            reported.append(strong)
    return gaps


def _bare_count(text: str, strong: str, weaker: tuple[str, ...]) -> int:
    """Occurrences of a strong word that are not part of a weaker form (不得 in 原则上不得)."""
    return text.count(strong) - sum(text.count(w) for w in weaker if strong in w)
