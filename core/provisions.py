"""The kind of a statute's article by its function: purpose, scope, definition, liability,
effective date.

Every law and every provincial regulation opens with the same frame — why it is made (立法目的)
and what it applies to (适用范围) — defines its terms (本法所称……是指), and closes with what
follows a breach (法律责任) and when it takes effect (施行日期). Articles of these kinds
correspond by function whatever their wording: a provincial purpose article ("为了实施《……法》，
结合本市实际，制定本办法") carries the national one although the two share hardly a word; a fine
is rendered by the provincial article that sets a fine, not by the one that sets the duty it
punishes; a definition only by an article that defines; and the national effective date is not
something a province carries out (its own 施行 article states its own date).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from core.expected import effective_date
from core.text import chinese_to_int


class Provision(Enum):
    """What an article does in the frame of its statute (``OTHER`` for the body)."""

    PURPOSE = "purpose"
    SCOPE = "scope"
    DEFINITION = "definition"
    LIABILITY = "liability"
    EFFECTIVE_DATE = "effective_date"
    OTHER = "other"


# The frame stands among a statute's first articles (a preamble-like 第一条 to 第五条).
_OPENING_ARTICLES = 5
_ACT = r"本(?:法|条例|办法|规定|细则|决定|实施办法|实施细则)"
# 为了……制定本法; a province often opens 根据《……法》……，结合本省实际，制定本条例 instead.
_PURPOSE = re.compile(rf"^(?:为(?:了)?|根据|依据|依照)[^。]*?制[定订]{_ACT}")
_SCOPE = re.compile(rf"(?:适用|遵守){_ACT}|{_ACT}(?:适用于|所称)[^。]{{0,40}}?适用")
# What follows a breach: a sanction, or the breach referred to the sanctions of other laws.
_SANCTION = re.compile(
    r"(?:给予|予以)[^。；]{0,12}处分|处[^。；]{0,30}罚款|追究[^。；]{0,8}责任|"
    r"责令[^。；]{0,6}改正|吊销|没收违法所得|通报批评|承担[^。；]{0,8}责任|"
    r"(?:给予|予以|进行)[^。；]{0,6}处罚|"
    r"违反本[^。；]{0,40}?(?:依照|按照|依据)[^。；]{0,40}(?:处理|处罚)|"
    r"(?:处罚|处理|法律责任)[^。；]{0,10}(?:从其规定|按照其规定|依照其规定)")
# A definition: 本条例所称营商环境，是指…… (or ……包括……).
_DEFINES = re.compile(r"所称[^。；]{1,40}?(?:是指|包括|指)")
# A scope or definition article says little else; one with more sentences has a body of its own.
_FRAME_SENTENCES = 2
# A reference to an article of the same text (违反本条例第二十条规定), not of another law
# (《中华人民共和国行政许可法》第十二条).
_OWN_ARTICLE = re.compile(r"(?<![》\d])(?:本(?:法|条例|办法|规定|细则))?第([零〇一二两三四五六七八九十百千]+)条")
_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"[。；]", text) if s.strip()])


def referenced_articles(paragraphs: Sequence[str]) -> set[int]:
    """The numbers of the articles of its own text an article refers to (第二十条 → 20)."""
    numbers = set()
    for match in _OWN_ARTICLE.finditer("".join(paragraphs)):
        try:
            numbers.add(chinese_to_int(match.group(1)))
        except ValueError:
            continue
    return numbers


def defines(paragraphs: Sequence[str]) -> bool:
    """Whether an article defines a term (本条例所称……是指……), whatever else it says."""
    return bool(_DEFINES.search("".join(paragraphs)))


def provision(paragraphs: Sequence[str], position: int) -> Provision:
    """The kind of an article.

    Args:
        paragraphs: the article's 款 (and 项) as printed, without the 第N条 label.
        position: its place among the statute's articles, from 0.
    """
    text = "".join(paragraphs).strip()
    if effective_date(text):
        return Provision.EFFECTIVE_DATE
    if position < _OPENING_ARTICLES:
        if _PURPOSE.search(text):
            return Provision.PURPOSE
        if _SCOPE.search(text) and _sentences(text) <= _FRAME_SENTENCES:
            return Provision.SCOPE
    if _DEFINES.search(text[:60]) and _sentences(text) <= _FRAME_SENTENCES:
        return Provision.DEFINITION
    # A sanction set in a 款, not one listed as an item of something else.
    if any(_SANCTION.search(p) for p in paragraphs if not _ITEM.match(p.strip())):
        return Provision.LIABILITY
    return Provision.OTHER
