"""The field's own language: statistics of 3,491 real laws and policies (resources/domain/).

Built by ``scripts/build_domain_resource.py``; see the README. How common a word is across the
laws of the whole country tells a formula every law repeats (依法, 责令改正, 有关部门) from a
content term (营商环境, 应急预案), which two texts alone cannot when both treat one subject.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from core.resources import resource


@cache
def document_frequency() -> tuple[int, dict[str, int]]:
    """(number of documents, documents each word occurs in), loaded once."""
    counts: dict[str, int] = {}
    documents = 1
    with resource("domain", "document_frequency.tsv").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            word, _, value = line.rstrip("\n").partition("\t")
            if number == 0:
                documents = int(value)
            else:
                counts[word] = int(value)
    return documents, counts


def commonness(word: str) -> float:
    """Share 0–1 of the field's documents a word occurs in (0 for a word found in fewer than
    two)."""
    documents, counts = document_frequency()
    return counts.get(word, 0) / documents


@lru_cache(maxsize=131072)
def formula_factor(word: str, *, floor: float) -> float:
    """How much of its weight a word keeps for being common across the whole field: 1 for a
    word in few documents, falling with the logarithm of its share to ``floor`` for a word in
    nearly every one."""
    share = commonness(word)
    if share <= 0.01:
        return 1.0
    return max(floor, 1.0 - (1.0 - floor) * math.log(share / 0.01) / math.log(100.0))

