"""Similarity between clauses: jieba tokens weighted by how informative they are, plus characters.

Generic words (加强, 推进, 建设 …) get a small weight so they cannot carry a match; localisation
(全国 → 全省, 国务院各部门 → 省直各部门) and punctuation width are folded before anything is
compared, so they never lower a score.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from platformdirs import user_cache_dir
from rapidfuzz import fuzz

from core import prefix_cache  # imports jieba (without pkg_resources)
from core.domain import formula_factor
from core.resources import read_lines, resource
from core.text import PUNCTUATION, fold_width

GENERIC_WEIGHT = 0.15
# The weight left to a word found in nearly every law and policy of the field (core.domain).
FORMULA_FLOOR = 0.4
PHRASE_MIN_CHARS = 6
PHRASE_MATCH = 88.0
# Where a sentence breaks into phrases (the unit of "carries this phrase").
PHRASE_BREAK = re.compile(r"[，,；;：:。！？!?]")
SINGLE_CHAR_WEIGHT = 0.35
_STOP = frozenset("的 地 得 了 和 与 及 以及 或 或者 等 在 对 为 是 将 把 被 由 从 向 于 之 其 并 并且 "
                  "而 也 又 都 中 上 下 内 外 个 各 有 所 以 该 此 这 那 一 二".split())

_tokenizer_lock = threading.Lock()
_tokenizer: prefix_cache.Tokenizer | None = None


def _cache_file() -> Path:
    """The prefix cache of this installation's dictionary: one file per installed jieba, so two
    installations (the packaged app and a pip install) do not rebuild each other's at every
    start, and an upgrade in place replaces its own."""
    where = hashlib.sha256(str(prefix_cache.default_dictionary()).encode("utf-8")).hexdigest()
    return Path(user_cache_dir("duizhao", appauthor=False)) / f"jieba-prefix-{where[:12]}.cache"


def tokenizer() -> prefix_cache.Tokenizer:
    """The shared jieba tokenizer with the policy dictionary loaded (thread-safe, loaded once).

    Its model cache lives in the user's cache directory, never beside the program; only the
    part of the dictionary the texts cut need is loaded (core.prefix_cache).
    """
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            prefix_cache.jieba.setLogLevel(logging.WARNING)
            instance = prefix_cache.Tokenizer(_cache_file())
            instance.initialize()
            # jieba leaves a file it opens by name unclosed: hand it an open file instead.
            with resource("dictionary", "policy_terms.txt").open("rb") as terms:
                instance.load_userdict(terms)
            _tokenizer = instance
        return _tokenizer


def prepare() -> None:
    """Load the tokenizer and the word lists now, so that the first comparison need not."""
    tokenizer()
    generic_words()
    policy_terms()
    tokens("预先载入词典")


@cache
def generic_words() -> frozenset[str]:
    """Words that must not carry a match."""
    return frozenset(read_lines("dictionary", "generic_words.txt"))


@cache
def policy_terms() -> frozenset[str]:
    """Key policy terms from the dictionary (a match that drops one is partial)."""
    return frozenset(line.split()[0] for line in read_lines("dictionary", "policy_terms.txt"))


@cache
def _localisation() -> tuple[re.Pattern[str], dict[str, str]]:
    """The localisation words as the text is searched for them, and what each folds to. Both
    are width-folded, as the text is before the search: 各市（州） is printed with full-width
    brackets and searched for as 各市(州)."""
    mapping: dict[str, str] = {}
    for line in read_lines("dictionary", "localisation.tsv"):
        canonical, variants = line.split("\t")
        for variant in variants.split("|"):
            mapping.setdefault(fold_width(variant), fold_width(canonical))
    alternation = "|".join(re.escape(v) for v in sorted(mapping, key=len, reverse=True))
    return re.compile(alternation), mapping


@cache
def _canonical_forms() -> re.Pattern[str]:
    canonical = set(_localisation()[1].values())
    return re.compile("|".join(re.escape(c) for c in sorted(canonical, key=len, reverse=True)))


def _without_localisation(normalized: str) -> str:
    """A normalised text with its folded localisation words dropped."""
    return _canonical_forms().sub("", normalized)


def normalize(text: str) -> str:
    """Fold width and localisation; drop punctuation and spaces. The form every score sees."""
    pattern, mapping = _localisation()
    text = pattern.sub(lambda m: mapping[m.group(0)], fold_width(text))
    return PUNCTUATION.sub("", text)


def tokens(text: str) -> list[str]:
    """Content tokens of a text (after normalisation), stop words removed, in order."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached: a national text is compared again and again (with each province's text in a
    # batch, with each new draft on re-import), and cutting is most of a compare's time.
    words = tokenizer().lcut(normalize(text), HMM=True)
    return tuple(w for w in words if w.strip() and w not in _STOP)


@dataclass(frozen=True)
class Profile:
    """A clause prepared for scoring: its normalised characters and weighted token set."""

    chars: str
    weights: dict[str, float]
    total: float
    phrases: tuple[str, ...] = ()
    bare: str = ""
    reworded: bool = False  # a phrase may stand here with words put in (policy texts)
    # The short conditions (没有依据的，……), too short to look up as phrases: carried only where
    # they stand verbatim.
    conditions: tuple[str, ...] = ()


class Vocabulary:
    """Token weights over a set of texts: inverse document frequency, generic words damped."""

    def __init__(self, documents: Iterable[Sequence[str]], *, reworded: bool = False) -> None:
        """Args:
            documents: the token lists of every clause of both texts.
            reworded: whether a phrase counts as found when its words stand in order with
                words put in (``phrase_found``): for policy texts, whose drafters write
                成立省数字政府建设专家咨询委员会 for 成立数字政府建设专家委员会; a statute is
                rewritten near-verbatim or not at all.
        """
        self._reworded = reworded
        frequency: Counter[str] = Counter()
        count = 0
        for words in documents:
            count += 1
            frequency.update(set(words))
        self._frequency = frequency
        self._count = max(count, 1)
        self._generic = generic_words()
        self._weights: dict[str, float] = {}

    def weight(self, word: str) -> float:
        """How much a shared occurrence of this word says that two clauses match."""
        known = self._weights.get(word)
        if known is None:
            known = self._weights[word] = self._weight(word)
        return known

    def _weight(self, word: str) -> float:
        idf = math.log((self._count + 1) / (self._frequency.get(word, 0) + 1)) + 1.0
        idf *= formula_factor(word, floor=FORMULA_FLOOR)
        if word in self._generic:
            return idf * GENERIC_WEIGHT
        if len(word) == 1:
            return idf * SINGLE_CHAR_WEIGHT
        return idf

    def informative(self, word: str) -> bool:
        """Whether a word is specific enough to look candidates up by."""
        return word not in self._generic and len(word) > 1

    def profile(self, text: str, words: Sequence[str]) -> Profile:
        """Scoring profile of a clause from its text and tokens."""
        weights = {w: self.weight(w) for w in set(words)}
        parts = [normalize(part) for part in PHRASE_BREAK.split(text)]
        phrases = tuple(p for p in parts if len(p) >= PHRASE_MIN_CHARS)
        conditions = tuple(p for p in parts if 3 <= len(p) < PHRASE_MIN_CHARS and p.endswith("的"))
        chars = normalize(text)
        return Profile(chars=chars, weights=weights, total=sum(weights.values()) or 1.0,
                       phrases=phrases, bare=_without_localisation(chars),
                       reworded=self._reworded, conditions=conditions)


def score(national: Profile, provincial: Profile) -> float:
    """Similarity 0–100 of a provincial clause to a national one.

    The larger of two readings. The sentence reading: how much of the national clause's weighted
    content the provincial clause carries (a province often adds words around a requirement),
    tempered by the weighted Dice of the token sets and by character similarity. The phrase
    reading: the share of the national sentence whose comma phrases stand near-verbatim in the
    provincial one — a province that keeps one phrase of a long sentence and drops the rest has
    carried it in part, which the sentence reading alone would call a miss.
    """
    weights = national.weights
    shared = sum(map(weights.__getitem__, filter(provincial.weights.__contains__, weights)))
    containment = shared / national.total
    dice = 2 * shared / (national.total + provincial.total)
    chars = fuzz.ratio(national.chars, provincial.chars) / 100.0
    sentence = 0.55 * containment + 0.25 * dice + 0.20 * chars
    return round(100.0 * max(sentence, phrase_coverage(national, provincial)), 1)


def phrase_coverage(national: Profile, provincial: Profile) -> float:
    """0.3–1.0 by the share of national phrase characters found in the provincial text; 0 if none."""
    if not national.phrases:
        return 0.0
    # A short condition (没有依据的) is no phrase to look up, but a sentence whose long phrase
    # alone stands in the provincial one is not carried whole: it scored 100 beside 有关政府部门
    # 不得将目录以外的中介服务事项作为办理行政审批的条件.
    total = sum(len(p) for p in national.phrases) + sum(len(c) for c in national.conditions)
    carried = sum(len(p) for p in national.phrases if phrase_found(p, provincial))
    if carried:
        carried += sum(len(c) for c in national.conditions if c in provincial.chars)
    return 0.3 + 0.7 * carried / total if carried else 0.0


def phrase_found(phrase: str, profile: Profile) -> bool:
    """Whether a phrase stands near-verbatim in a clause's normalised text.

    The one reading of "carries this phrase": the phrase reading of ``score`` and the engine's
    merge evidence (a provincial sentence carrying a phrase its owner lacks) must agree.
    Folding makes 全国 and 全省 the same word, but a province also inserts a place word where
    the nation had none (全面构建全省经济治理基础数据库) or drops one: so a phrase also counts
    as found when it stands in the clause once both have their localisation words dropped.
    """
    if phrase in profile.chars or _may_match(phrase, profile.chars) and (
            fuzz.partial_ratio(phrase, profile.chars, score_cutoff=PHRASE_MATCH)):
        return True
    bare = _without_localisation(phrase)
    if not (bare == phrase and profile.bare == profile.chars or len(bare) < PHRASE_MIN_CHARS) and (
            _may_match(bare, profile.bare)
            and fuzz.partial_ratio(bare, profile.bare, score_cutoff=PHRASE_MATCH)):
        return True
    return profile.reworded and (_words_in_order(phrase, profile)
                                 or _one_word_put_in(phrase, profile.chars))


# A short phrase with one word put in (做准做精做细解读工作 → 做准做精做细政策解读工作): its two
# pieces, each at least this long, stand that close, and what is put in is no negation
# (依法不予追究刑事责任 says the opposite of 依法追究刑事责任).
_PIECE_CHARS = 2
_PUT_IN_CHARS = 4
_SHORT_PHRASE_CHARS = 16
_NEGATION = re.compile(r"不|未|非|无|没有|禁止")


def _one_word_put_in(phrase: str, text: str) -> bool:
    """Whether a short phrase stands in the (normalised) text whole but for one word of at
    most ``_PUT_IN_CHARS`` characters, no negation, put in between two of its pieces. A phrase
    of few content words (做准, 解读) has too few for ``_words_in_order``; partial_ratio, over a
    window of the phrase's length, loses the end the word pushed out."""
    if not PHRASE_MIN_CHARS <= len(phrase) <= _SHORT_PHRASE_CHARS:
        return False
    # Every head opens the phrase and every tail closes it: most texts hold neither end.
    if phrase[:_PIECE_CHARS] not in text or phrase[-_PIECE_CHARS:] not in text:
        return False
    for cut in range(_PIECE_CHARS, len(phrase) - _PIECE_CHARS + 1):
        head, tail = phrase[:cut], phrase[cut:]
        start = text.find(head)
        while start != -1:
            gap = text.find(tail, start + len(head), start + len(head) + _PUT_IN_CHARS + len(tail))
            if gap > start + len(head) and not _NEGATION.search(text[start + len(head):gap]):
                return True
            start = text.find(head, start + 1)
    return False


def _words_in_order(phrase: str, profile: Profile) -> bool:
    """Whether the phrase's content words (three at least) all stand in the clause, in order,
    within ``REWORDED_SPAN`` times the phrase's length: the phrase with words put in. A long
    word may be split by what is put in (专家委员会 → 专家咨询委员会)."""
    words = _phrase_words(phrase)
    if len(words) < REWORDED_WORDS:
        return False
    text = profile.chars
    needles = [piece for word in words
               for piece in ([word] if word in text or len(word) < 4 else _halves(word))]
    limit = REWORDED_SPAN * len(phrase)
    start = text.find(needles[0])
    while start != -1:
        end = start + len(needles[0])
        for needle in needles[1:]:
            found = text.find(needle, end)
            if found == -1:
                return False
            end = found + len(needle)
        if end - start <= limit:
            return True
        start = text.find(needles[0], start + 1)
    return False


def _halves(word: str) -> list[str]:
    """A long word as its first two characters and the rest (专家委员会 → 专家, 委员会)."""
    return [word[:2], word[2:]]


@lru_cache(maxsize=65536)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    generic = generic_words()
    return tuple(w for w in _tokens(phrase) if len(w) > 1 and w not in generic)


# A reworded phrase: this many content words at least, standing within this many times the
# phrase's length (成立数字政府建设专家委员会 in 成立省数字政府建设专家咨询委员会).
REWORDED_WORDS = 3
REWORDED_SPAN = 1.6

# When the phrase is the shorter string, partial_ratio scores a window of w characters of the
# text 200·M / (len(phrase) + w), M the characters it matches (M ≤ w); reaching PHRASE_MATCH
# needs M ≥ PHRASE_MATCH / (200 − PHRASE_MATCH) of the phrase, and M cannot exceed the
# phrase characters that occur in the text at all.
_LEAST_SHARE = PHRASE_MATCH / (200.0 - PHRASE_MATCH)


def _may_match(phrase: str, text: str) -> bool:
    """A cheap necessary condition for ``partial_ratio(phrase, text) >= PHRASE_MATCH``."""
    if len(phrase) > len(text):
        return True  # partial_ratio then slides the text over the phrase: no bound here
    return sum(map(text.__contains__, phrase)) >= _LEAST_SHARE * len(phrase)
