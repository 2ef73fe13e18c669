"""Stage 5 helpers: what a matched provincial text lacks of its national clause.

A match can be real and still drop what matters: a key term (a quoted term such as “一网通办”,
or a term from the policy dictionary), a number or year, a deadline, or the binding force of the
wording (确保 → 力争). Each is reported as a Gap so that a reviewer sees why an item is partial.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import fuzz

from core.expected import CENTRAL_ACTOR as _CENTRAL_ORGAN
from core.model import Clause, Gap
from core.resources import read_lines
from core.clauses import FREQUENCY
from core.similarity import normalize, policy_terms, tokenizer
from core.text import BINDING_YING, chinese_to_int

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


# A deadline as year and month (到2021年 and 2021年底前: December; 2021年6月底前: June;
# 2021年上半年: June; not 2018年至2021年), to tell one put back within its year (6月底前 → 9月底前).
_DEADLINE_MONTH = re.compile(
    r"(?:到|至)(\d{4})年|(?<!年至)(\d{4})年(?:(\d{1,2})月(?:\d{1,2}日)?)?(?:年?底|末)?(?:前|以前|之前)"
    r"|(\d{4})年(上半年|下半年)")


def _deadline_months(text: str) -> list[int]:
    """The deadlines a text sets, each as year × 12 + month."""
    found = []
    for until, year, month, half_year, half in _DEADLINE_MONTH.findall(text):
        if until:
            found.append(int(until) * 12 + 12)
        elif year:
            found.append(int(year) * 12 + (int(month) if month else 12))
        else:
            found.append(int(half_year) * 12 + (6 if half == "上半年" else 12))
    return found


# A year from which the provincial text applies a rule: 2020年起, 从2020年开始.
_START_YEAR = re.compile(r"(\d{4})年(?:起|开始)")


# Months in the periods a frequency counts over (每季度 → 3).
_PERIOD_MONTHS = {"年": 12.0, "季度": 3.0, "季": 3.0, "月": 1.0, "旬": 1 / 3, "周": 12 / 52}
_FREQUENCY_PARTS = re.compile(
    r"^(?:每)?([两二三四五六七八九十]|半|\d+)?个?(年|季度|季|月|周|旬)[^，,。；]*?([一两二三四五六七八九十]+|\d+)次$")


def _rate(frequency: str) -> float | None:
    """Times a month a frequency (每半年通报一次, 两个月安排一次) asks for, or None."""
    parts = _FREQUENCY_PARTS.match(frequency)
    if parts is None:
        return None
    many, period, times = parts.groups()
    months = _PERIOD_MONTHS[period] * (0.5 if many == "半" else _count(many) if many else 1)
    return _count(times) / months


def _count(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else chinese_to_int(numeral)


def _frequency_kept(target: str, provincial: str) -> bool:
    """Whether the province asks as often or more often (每月召开三次 ← 每月召开三次 or 每周召开
    一次; not 每月召开两次, nor 适时)."""
    wanted = _rate(target)
    return wanted is not None and any(
        (rate := _rate(found.group(0))) is not None and rate >= wanted - 1e-9
        for found in FREQUENCY.finditer(provincial))


def _number_present(target: str, provincial: str) -> bool:
    if target == "全覆盖":
        return bool(_FULL_COVERAGE.search(provincial))
    years = _YEAR.findall(target)
    if years and target.startswith("到"):
        return all(year in provincial for year in years) or _earlier_deadline(target, provincial)
    if years and target.endswith(("前", "半年")):
        return _deadline_present(target, provincial)
    if years and target.endswith(("起", "开始")):
        # 自2020年起 for 从2020年起; a start the province sets sooner, or a deadline it sets
        # for the task (从2019年开始探索建立…… → 2020年底前建立……), asks no less.
        return (any(int(start) <= int(years[0]) for start in _START_YEAR.findall(provincial))
                or bool(_deadline_months(provincial)))
    if FREQUENCY.fullmatch(target):
        return normalize(target) in provincial or _frequency_kept(target, provincial)
    return normalize(target) in provincial


# A share as a floor (……利用率达到85%以上; 不低于90%) or as a ceiling (控制在5%以内; 下降到10%以下).
_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_FLOOR_AFTER = re.compile(r"^(?:以上|及以上)")
_FLOOR_BEFORE = re.compile(r"(?:达到|提高到|提升到|(?<!不)超过|不低于|(?<!不)高于)$")
_CEILING_AFTER = re.compile(r"^(?:以下|以内|及以下)")
_CEILING_BEFORE = re.compile(r"(?:控制在|(?<!不)低于|不超过|不高于|降至|下降到|降低到)$")
# What a share measures: the words right before it, its floor or ceiling word left out
# (……回收利用率达到35%以上 measures 利用率).
_MEASURE_CHARS = 3


def _stricter_share(target: str, national: str, provincial: str) -> bool:
    """Whether the provincial text sets a share the national floor (达到85%以上) is met by
    (86%), or one under the national ceiling (控制在5%以内 → 4%): a stricter target keeps it."""
    wanted = _SHARE.fullmatch(target)
    at = national.find(target)
    if wanted is None or at < 0:
        return False
    before, after = national[max(0, at - 4):at], national[at + len(target):]
    floor = bool(_FLOOR_AFTER.match(after) or _FLOOR_BEFORE.search(before))
    ceiling = bool(_CEILING_AFTER.match(after) or _CEILING_BEFORE.search(before))
    if floor == ceiling:
        return False
    measure = _measure(national[:at])
    value = float(wanted.group(1))
    for share in _SHARE.finditer(provincial):
        # The provincial share must measure the same thing (not 无害化处理率达到100% for a
        # national 回收利用率).
        if not measure or measure != _measure(provincial[:share.start()]):
            continue
        own = float(share.group(1))
        rest = provincial[share.end():]
        if floor and own >= value and not _CEILING_AFTER.match(rest):
            return True
        if ceiling and own <= value and not _FLOOR_AFTER.match(rest):
            return True
    return False


def _measure(before: str) -> str:
    """What a share measures: the last characters before it, its floor or ceiling word and
    any 的 left out."""
    words = _FLOOR_BEFORE.sub("", _CEILING_BEFORE.sub("", before.rstrip())).rstrip("的 ")
    return words[-_MEASURE_CHARS:]


def _deadline_present(deadline: str, provincial: str) -> bool:
    return normalize(deadline) in provincial or _earlier_deadline(deadline, provincial)


def _earlier_deadline(deadline: str, provincial: str) -> bool:
    """Whether the provincial text sets a deadline no later than the national one, to the
    month: a province that brings 到2022年 forward to 到2021年底 asks more, and has lost
    nothing; one that puts 2019年6月底前 back to 2019年9月底前 has."""
    national = _deadline_months(deadline) or [int(y) * 12 + 12 for y in _YEAR.findall(deadline)]
    if not national:
        return False
    set_by_province = _deadline_months(provincial)
    # Every deadline the province sets must come no later: one milestone brought forward and
    # the goal itself put back (2020年底前完成试点，到2025年全面推广) is a deadline lost.
    return bool(set_by_province) and all(month <= min(national) for month in set_by_province)


def same_sentence(clauses: Iterable[Clause], clause: Clause) -> list[Clause]:
    """The other pieces of the sentence ``clause`` was cut from at semicolons (……市场主体……；
    不能即时办结的，应当……), among ``clauses`` (a text's, in order): a term one piece states
    holds for the others. Not the rest of its paragraph: a policy item's other sentences say
    other things."""
    pieces = [c for c in clauses if c.section == clause.section and c.paragraph == clause.paragraph]
    at = next((k for k, piece in enumerate(pieces) if piece.id == clause.id), None)
    if at is None:
        return []
    first = at
    while first > 0 and pieces[first - 1].text.rstrip().endswith(("；", ";")):
        first -= 1
    last = at
    while last < len(pieces) - 1 and pieces[last].text.rstrip().endswith(("；", ";")):
        last += 1
    return [piece for piece in pieces[first:last + 1] if piece.id != clause.id]


def find_gaps(clause: Clause, words: Sequence[str], provincial: Sequence[Clause], *,
              topic: str = "", context: Sequence[Clause] = ()) -> tuple[Gap, ...]:
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
        context: the other pieces of the sentences the matches were cut from at semicolons.
            A key term or list member stated there is not lost: such a sentence states its
            subject once (……市场主体……；不能即时办结的，应当……). Numbers, deadlines and
            binding force are read in the matches alone.

    Returns:
        The gaps, terms first, then numbers, deadline and binding force.
    """
    joined_raw = "".join(c.text for c in provincial)
    joined = normalize(joined_raw)
    around = "|".join([joined, *(normalize(c.text) for c in context)])  # no term across a seam
    gaps: list[Gap] = []
    about = normalize(topic)
    # The guiding thought is the Party's formula each text restates in its own cut: the
    # slogans it leaves out (“五位一体”“四个全面”) are no lost key terms.
    guiding = bool(_GUIDING_THOUGHT.match(clause.text))
    for term in () if guiding else key_terms(clause.text, words):
        if normalize(term) not in around and normalize(term) not in about:
            gaps.append(Gap("term", term))
    gaps.extend(Gap("item", member) for member in dropped_members(clause.text, around))
    lead_ins = "".join(dict.fromkeys(c.lead_in for c in provincial))
    binding = binding_gaps(clause.lead_in + clause.text, lead_ins + joined_raw)
    weakened = {gap.national for gap in binding}
    for target in clause.targets:
        # A target the binding check already names as weakened (全覆盖→基本覆盖) is told once.
        if target not in weakened and not _number_present(target, joined) \
                and not _stricter_share(target, clause.text, joined_raw):
            gaps.append(Gap("number", target))
    if clause.deadline and not _deadline_present(clause.deadline, joined):
        gaps.append(Gap("deadline", clause.deadline))
    gaps.extend(binding)
    return tuple(gaps)


# The sentence that states a text's guiding thought (以习近平新时代中国特色社会主义思想为指导，……).
_GUIDING_THOUGHT = re.compile(r"^(?:坚持)?以[^，。；]{2,40}(?:思想|理论)为指导")
# The phrases of a sentence (between commas, semicolons, colons and full stops).
_PHRASES = re.compile(r"[^，,；;：:。！？]+")
# What a member of a list (……医保总额指标、医疗机构等级评审、医保定点资格、……) may be: a few
# words, no number (a figure is a target of its own).
_MEMBER = re.compile(r"^[\u4e00-\u9fff“”]{2,16}$")
# 等 closing a list (保证金、咨询费、注册费等名义), not 等级, 高等 or 平等.
_CLOSING = r"(?<![高平同对均相])等(?![级于同])"
_LIST_END = re.compile(rf"^([\u4e00-\u9fff“”]{{2,16}}?){_CLOSING}")
# A member that is a phrase of its own (对公立医院改革的奖补资金; 土地使用权及其他自然资源; 危险区域
# 进行调查) may be two lists run together: it is neither checked nor counted.
_NOT_A_MEMBER = re.compile(rf"的|和|及|与|或|其他|进行|应当|{_CLOSING}")
# 和 and 及 as joins, not inside a word: 和谐, 和平, 和解, 谦和, 总和; 及时, 及其, 涉及, 危及, 普及.
_JOIN = r"(?:以及|(?<![谦温缓调总中饱柔祥随附共])和(?![谐平解睦])|(?<![涉危普波惠顾触提遍累殃企])及(?![时其]))"
# The member before the join that adds a list's last member (水产养殖和农产品初加工……).
_LAST_JOINED = re.compile(rf"^([\u4e00-\u9fff“”]{{2,8}}?){_JOIN}")
# What joins two members within one (重大食物中毒和职业中毒).
_JOINS = re.compile(_JOIN)
# A preposition leading into a list (在医保总额指标、……) is no part of its first member.
_LEADING_PREPOSITION = re.compile(r"^[在对以从向将把由按]")
# A list is read when this many of its members are plain ones.
_LIST_MEMBERS = 3
# A member counts as kept when it stands, at most lightly reworded, in the provincial text.
_MEMBER_KEPT = 75
# A list counts as kept, and so shortened rather than replaced, when this many of its members
# stand in the provincial text.
_MEMBERS_KEPT = 2


def lists_cut(text: str) -> tuple[str, tuple[str, ...]]:
    """The sentence with every list of three or more things joined by 、 and closed by 等 cut
    to its first member and what follows 等 (……承担动物疫病的监测、检测、诊断……等技术工作 →
    ……承担动物疫病的监测技术工作), as a province that condenses the list writes it; and what
    follows each 等 (技术工作), the list's head a condensed rendering keeps."""
    pieces, heads = [], []
    for piece in re.split(r"([，,；;：:。！？])", text):
        parts = piece.split("、")
        closing = parts[-1].find("等") if len(parts) >= 3 else -1
        if closing >= 0 and len(parts[-1]) - closing > 2:
            heads.append(parts[-1][closing + 1:])
            piece = parts[0] + heads[-1]
        pieces.append(piece)
    return "".join(pieces), tuple(heads)


def list_members(text: str) -> list[list[str]]:
    """The lists joined by 、 in a sentence with at least ``_LIST_MEMBERS`` plain members,
    each as its plain members.

    The words leading into the list (支持国家产业创新中心) are cut, at a word boundary, to about
    the length of the next member; a list ends where 等 closes it (……、诉讼等有机衔接 ends at
    诉讼), and its last part is a member only then.
    """
    lists = []
    for phrase in _PHRASES.findall(text):
        parts = [part.strip() for part in phrase.split("、")]
        if len(parts) < 3:
            continue
        members: list[str] = [_lead_in_cut(parts[0], len(parts[1]))]
        for position, part in enumerate(parts[1:], start=1):
            closed = _LIST_END.match(part)
            if closed:
                members.append(closed.group(1))
                break
            if position < len(parts) - 1:
                members.append(part)
            elif all(_plain(m) for m in members[1:]):
                # A list closed by 和 (设施农业、畜牧养殖、水产养殖和农产品初加工机械化……): the
                # member before it is plain; where the one after it ends is not known. Not after
                # a part that is no plain member: two lists may run together there.
                joined = _LAST_JOINED.match(part)
                if joined:
                    members.append(joined.group(1))
        plain = [piece for m in members for piece in _joined_members(m) if _plain(piece)]
        if len(plain) >= _LIST_MEMBERS:
            lists.append(plain)
    return lists


def _plain(member: str) -> bool:
    """Whether a list member is a few words of its own, not a phrase (``_NOT_A_MEMBER``)."""
    return bool(_MEMBER.match(member)) and not _NOT_A_MEMBER.search(member)


def _joined_members(member: str) -> list[str]:
    """A list member that joins two with 和 or 及 (重大食物中毒和职业中毒, 文化和旅游) as the two,
    when each is a member of a few words; else the member as it is."""
    pieces = _JOINS.split(member)
    if len(pieces) > 1 and all(len(piece) >= 2 and _MEMBER.match(piece) for piece in pieces):
        return pieces
    return [member]


def _lead_in_cut(first: str, length: int) -> str:
    """The first member of a list from the words before the first 、: the last whole words of
    it that come to at most about ``length`` characters."""
    words = tokenizer().lcut(first, HMM=True)
    cut = ""
    for word in reversed(words):
        if cut and len(cut) + len(word) > length + 1:
            break
        cut = word + cut
    # What stands before a 的 qualifies the member (“走出去”企业的海外投资): the member is after it.
    return _LEADING_PREPOSITION.sub("", cut.rsplit("的", 1)[-1])


def dropped_members(national: str, provincial: str) -> list[str]:
    """Members of a national list that the provincial text leaves out where it keeps the list
    (at least ``_MEMBERS_KEPT`` of its members): 医保总额指标、……、医保定点资格 rendered without
    医保定点资格. ``provincial`` is normalised text."""
    dropped = []
    for members in list_members(national):
        # A province names its own departments for the State Council's (国家发展改革委).
        absent = [m for m in members if not _member_kept(normalize(m), provincial)
                  and not _ending_written_once(m, members, provincial)
                  and not _CENTRAL_ORGAN.fullmatch(m)]
        if absent and len(members) - len(absent) >= _MEMBERS_KEPT:
            dropped.extend(absent)
    return dropped


def _ending_written_once(member: str, members: Sequence[str], provincial: str) -> bool:
    """Whether a member is kept in a list that writes the last words it shares with other
    members once: 决策公开、执行公开、……结果公开 as 决策、执行、……结果公开, or, where only some
    members share them, 灭火消防车、举高消防车、……、消防摩托车 as 灭火、举高……消防车和消防摩托车.
    The ending is the longest one of two or more characters the member shares with another,
    each having at least two characters before it."""
    ending = ""
    for other in members:
        shared = os.path.commonprefix([member[::-1], other[::-1]])[::-1]
        if (other != member and len(shared) > len(ending) and len(shared) >= 2
                and min(len(member), len(other)) - len(shared) >= 2):
            ending = shared
    if not ending:
        return False
    sharing = [m for m in members if m.endswith(ending) and len(m) - len(ending) >= 2]
    return _stem_listed(member, sharing, ending, provincial)


def _stem_listed(member: str, members: Sequence[str], shared: str, provincial: str) -> bool:
    """Whether a member's stem stands in the (normalised) provincial text within a list written
    with the shared ending once (决策、执行、……结果公开): followed by other members' stems or
    joins (和, 及), at most one more short word, then the ending — not merely somewhere (环境 in
    改善环境质量 for 环境管理)."""
    stems = sorted({normalize(m[:-len(shared)]) for m in members} - {""}, key=len, reverse=True)
    others = "|".join(re.escape(stem) for stem in stems) + "|和|及"
    own = re.escape(normalize(member[:-len(shared)]))
    return re.search(rf"{own}(?:{others})*[\u4e00-\u9fff]{{0,4}}?{re.escape(normalize(shared))}",
                     provincial) is not None


def _member_kept(member: str, provincial: str) -> bool:
    """Whether a list member stands in the provincial text: as it is, with a word or two put
    in (咨询费 → 咨询服务费; 本地区试点情况 → 本地区本部门试点情况), or with a character or two
    changed."""
    spread = ".{0,2}".join(re.escape(char) for char in member)
    put_in = "|".join(f"{re.escape(member[:cut])}[^、，,。；;]{{1,{_PUT_IN}}}{re.escape(member[cut:])}"
                      for cut in range(2, len(member) - 1))
    return (member in provincial or re.search(spread, provincial) is not None
            or bool(put_in and re.search(put_in, provincial))
            or fuzz.partial_ratio(member, provincial) >= _MEMBER_KEPT)


# How many characters a province may put in at one place of a list member it keeps (本部门).
_PUT_IN = 4


def binding_gaps(national: str, provincial: str) -> list[Gap]:
    """Binding words of the national text that the provincial text replaces with weaker ones.

    Occurrences are counted, not just looked for: a sentence often holds a word twice
    (全面落实……全面构建) or already holds the weaker form elsewhere (……必要时可以越级上报), and
    replacing one occurrence is still a weakening.
    """
    gaps: list[Gap] = []
    reported: list[str] = []
    for strong, weaker in weakening_table():
        if not _firm(national, strong) or any(strong in r for r in reported):
            continue
        if _bare_count(provincial, strong, weaker) >= _bare_count(national, strong, weaker):
            continue
        found = next((w for w in weaker if provincial.count(w) > national.count(w)), None)
        if found:
            gaps.append(Gap("binding", strong, found))
            reported.append(strong)
    if not gaps:
        gaps.extend(_demand_made_optional(national, provincial))
    return gaps + _hedged(national, provincial, reported + [g.provincial for g in gaps])


# 要 or 应 as a demand (各地区各部门要建立……; ……指标应同时选取……), not inside a word (重要,
# 需要, 主要, 要求, 要素, 要点; 适应, 应急, 相应), with the verb after it; 应当 is the weakening
# table's. And a demand a provincial sentence may keep in other words.
_DEMAND_WORD = re.compile(rf"(?:(?<![重需主必纲概只提摘不紧险显首])要(?![求素点件闻务害领旨])"
                         rf"|{BINDING_YING}(?![当该]))(?P<verb>[\u4e00-\u9fff]{{2}})")
_DEMAND_KEPT = re.compile(rf"需要|要(?![求素点件])|应当|必须|务必|{BINDING_YING}")
# 可 or 可以 set before that same verb, perhaps with 结合实际 (可结合实际建立健全……).
_MAY = r"(?<![许认不即无宁])(?:可以|可)"
_PERMITTED = rf"{_MAY}(?:结合实际|根据实际|因地制宜|视情况?)?"


def _demand_made_optional(national: str, provincial: str) -> list[Gap]:
    """要 or 应 made a permission (各地区各部门要建立健全…… → 可结合实际建立健全……): the demand
    is gone, and 可 stands before the verb the national 要 stood before. A 可 anywhere else
    (可再生能源, 可复制可推广, 可支配收入) is no permission.

    A sentence that keeps a demand elsewhere is read phrase by phrase: the phrase that renders
    the national phrase of the demand (确属无力维护的要坚决关停 → 确属无力维护的可予以关停) has
    lost it when it holds a permission and no demand."""
    if not _DEMAND_KEPT.search(provincial):
        for demand in _DEMAND_WORD.finditer(national):
            verb = demand.group("verb")
            found = re.search(_PERMITTED + re.escape(verb), provincial)
            if found is not None:
                return [Gap("binding", demand.group()[0], found.group()[:-len(verb)])]
    phrases = [p for p in _PHRASE_BREAK.split(provincial) if p]
    for phrase in _PHRASE_BREAK.split(national):
        asked = _DEMAND_WORD.search(phrase)
        if asked is None or len(phrase) < _DEMAND_PHRASE_CHARS:
            continue
        similarity, rendering = max(((fuzz.ratio(phrase, p), p) for p in phrases), default=(0.0, ""))
        if similarity < _DEMAND_PHRASE_ALIKE or _DEMAND_KEPT.search(rendering):
            continue
        permission = _PERMISSION.search(rendering)
        if permission is not None:
            return [Gap("binding", asked.group()[0], permission.group())]
    return []


# A phrase of the national sentence holding a demand, read against the provincial phrase at
# least this alike (rapidfuzz ratio) and this long: shorter ones are too often alike by chance.
_DEMAND_PHRASE_ALIKE = 70.0
_DEMAND_PHRASE_CHARS = 6
# 可 or 可以 as a permission, not inside a word (可持续, 可复制, 可能, 可行, 可靠, 可控).
_PERMISSION = re.compile(rf"{_MAY}(?![持复推支再能行靠控信视见供])")


# Words that put off or make optional the action they stand before (逐步实施, 适时编制,
# 力争基本建立, 鼓励有条件的地方开展): a province that sets one before a verb of the national
# sentence, which has none of them, weakens it (编制……路线图 → 适时编制……路线图).
# 基本 before a result (基本覆盖, 基本建成) is a hedge too, not as an adjective (基本公共服务).
_RESULT_HEDGE = re.compile(r"基本(?=实现|建成|形成|完成|覆盖|消除|解决|达到|普及|满足|具备|建立|落实|健全)")
_HEDGE_WORDS = (r"逐步|适时|视情|择机|积极争取|力争|争取|探索|适当|鼓励有条件的(?:地方|地区|市县|企业)?|"
                rf"有条件的(?:地方|地区|市县|企业)?(?:可以|可)?|{_RESULT_HEDGE.pattern}")
_HEDGE = re.compile(rf"({_HEDGE_WORDS})([\u4e00-\u9fff]{{2}})")
# A national phrase already soft (国家鼓励……建立, 稳步推进……, 力争……) loses nothing to a hedge.
_HEDGE_ROOT = re.compile(r"逐步|适时|视情|择机|有条件的|鼓励|提倡|引导|可以|探索|力争|争取|适当")
# A manner the national sentence already sets before the verb (稳步推进 → 逐步推进 is no loss).
_MANNER = r"稳步|有序|分步|不断|持续|按需"
# What follows a hedge and is no verb: a preposition opening a phrase (逐步向乡镇延伸).
_NOT_A_VERB = re.compile(r"^[向对在与从把将按以为于]")
# Verbs that only carry the task named after them (适时开展督促检查, 视情予以通报): the task is
# what follows, whatever verb the national sentence set before it (加强督促检查, 进行通报).
_LIGHT_VERB = re.compile(r"开展|进行|予以|给予|组织|作出")
# 争取 before what the province seeks from above (积极争取国务院部门……数据回流, 争取中央资金) is a
# task of its own, not a hedge.
_SOUGHT = re.compile(r"国家|国务院|中央|上级|部委|更多|资金|政策|项目|支持")


def _hedged(national: str, provincial: str, reported: list[str]) -> list[Gap]:
    """The first firm phrase of the national sentence that the provincial text hedges
    (适时编制, 视情予以通报, 逐步与……建立, 有条件的市（州）可以开展……) where it renders that phrase."""
    encouraged = (_encouraged(national, provincial, reported)
                  or _conditional(national, provincial, reported))
    if encouraged:
        return encouraged
    for found in _HEDGE.finditer(provincial):
        hedge, verb = found.groups()
        start = found.start(2)
        stacked = _HEDGE.match(provincial, start)
        if stacked is not None and not _RESULT_HEDGE.match(provincial, start):
            # Two hedges stacked (逐步探索对……): the second stands before the task. (力争基本建立
            # hedges the nation's 基本建立, and is told so.)
            hedge, verb = hedge + stacked.group(1), stacked.group(2)
            start = stacked.start(2)
        if hedge.endswith("争取") and _SOUGHT.match(provincial, start):
            continue
        if _LIGHT_VERB.fullmatch(verb) and not _firm(national, verb):
            # 适时开展补贴试点 for 加大补贴试点力度: the task after the light verb is hedged.
            start += len(verb)
            task = _task_from(provincial, start)
            rendered = (_rendered(national, provincial, task[:2], start, _SAME_OBJECT)
                        if len(task) >= 2 and _firm(national, task[:2]) else [])
            if rendered and not _kept_plainly(rendered, provincial):
                shown = _shown(task)
                return [Gap("binding", shown, provincial[found.start():start] + shown)]
            if len(task) >= 2 and verb + task[:2] in national and hedge not in national:
                # The nation's own light verb and task, already for some (支持在有条件的……
                # 开展知识产权证券化试点), with a hedge put before them (探索开展……).
                return [Gap("binding", verb, hedge + verb)]
            continue
        if _NOT_A_VERB.match(verb):
            # A hedge before a phrase (逐步向乡镇延伸, 逐步与融媒体中心建立……): the phrase is the
            # task, and some firm national phrase must render it.
            task = _task_from(provincial, start)
            if any(r in hedge for r in reported) or hedge + task in national:
                continue
            rendered = _firm_phrases_rendering(task, national)
            if rendered and not _kept_plainly(rendered, provincial):
                shown = _shown(task)
                return [Gap("binding", shown, hedge + shown)]
            continue
        told = any(verb in r or r in hedge for r in reported)  # 全面→逐步 already told
        # 稳步推进 → 逐步推进 keeps the pace the nation set; 鼓励有条件的普通高校 is the nation's own.
        paced = hedge == "逐步" and re.search(rf"(?:{_MANNER}){re.escape(verb)}", national)
        if not _firm(national, verb) or told or paced or hedge + verb in national:
            continue
        rendered = _rendered(national, provincial, verb, start)
        if rendered and not _kept_plainly(rendered, provincial):
            return [Gap("binding", verb, hedge + verb)]
    return []


def _firm_phrases_rendering(task: str, national: str) -> list[str]:
    """The national phrases, not already soft, that a provincial phrase renders
    (逐步与县级融媒体中心建立…… — 要与本地区融媒体中心建立……)."""
    return [own for own in _PHRASE_BREAK.split(national)
            if fuzz.partial_ratio(task, own) >= _SAME_PHRASE and not _HEDGE_ROOT.search(own)]


def _kept_plainly(owns: list[str], provincial: str) -> bool:
    """Whether the provincial text also renders the national phrase with no hedge: a province
    that keeps 实现乡镇综合文化站全覆盖 and adds 力争实现村级……全覆盖 has weakened nothing."""
    plain = [p for p in _PHRASE_BREAK.split(provincial)
             if p and not _HEDGE_ROOT.search(p) and not _RESULT_HEDGE.search(p)]
    return any(fuzz.ratio(own, p) >= _KEPT_PLAINLY for own in owns if own for p in plain)


# How close (rapidfuzz ratio) an unhedged provincial phrase must be to count as the national one.
_KEPT_PLAINLY = 80


# 鼓励 before the subject of a national duty (鼓励医院根据……调整 — 医院根据……调整): the duty is
# left to the subject's choice. Not 鼓励有条件的…… (a hedge of its own above), nor 鼓励 joined
# to the verb after it (鼓励和促进外商投资, 鼓励、支持: the province promotes as well).
_ENCOURAGE = re.compile(r"(?:鼓励|提倡)(?!有条件的|[和与及、并]|支持|引导)")
_PERMITS = re.compile(r"鼓励|提倡|允许|可以")


def _encouraged(national: str, provincial: str, reported: list[str]) -> list[Gap]:
    """A firm national phrase the provincial text renders after 鼓励 (鼓励医院……), when the
    national sentence encourages nothing itself nor only permits (允许……创新推出……: to
    encourage it asks no less)."""
    if _PERMITS.search(national) or any(_PERMITS.search(r) for r in reported):
        return []
    for found in _ENCOURAGE.finditer(provincial):
        task = _task_from(provincial, found.end())
        rendered = _firm_phrases_rendering(task, national) if len(task) >= 4 else []
        if rendered and not _kept_plainly(rendered, provincial):
            return [_put_off(national, task, found.group())]
    return []


# A task the province leaves to those who can (有条件的市（州）可以开展……; 有条件的统筹地区，医保基金
# 可在……): the places or units, perhaps a subject after a comma, then 可以 or 可 (not 可能, 可行,
# 可靠, 可持续).
_CONDITIONAL = re.compile(r"有条件的[^，,。；;：:]{1,12}?(?:[，,][^，,。；;：:]{0,12}?)?"
                          r"(?<![许认不即无])(?:可以|可)(?![能行靠持])")
# A national sentence that names such a condition itself (在具备条件的地区开展……).
_CONDITION_NAMED = re.compile(r"有条件|具备条件|条件成熟|符合条件|条件具备")
_SENTENCE_END = re.compile(r"[。；;]")


def _conditional(national: str, provincial: str, reported: list[str]) -> list[Gap]:
    """A firm national phrase the provincial text leaves to those who can
    (相对集中行政处罚权 — 有条件的市（州）可以开展相对集中行政处罚权……试点), when the national
    sentence names no such condition itself (具备条件的, 条件成熟的), no weaker word already told
    (应当 → 可以) says it, and the province does not also keep the phrase plainly outside the
    conditional sentence."""
    if _CONDITION_NAMED.search(national) or any("可" in r for r in reported):
        return []
    for found in _CONDITIONAL.finditer(provincial):
        task = _task_from(provincial, found.end())
        rendered = _firm_phrases_rendering(task, national) if len(task) >= 4 else []
        end = _SENTENCE_END.search(provincial, found.end())
        outside = provincial[:found.start()] + (provincial[end.end():] if end else "")
        if rendered and not _kept_plainly(rendered, outside):
            return [_put_off(national, task, found.group())]
    return []


# How much of a hedged phrase a gap shows when the hedge stands before no verb.
_SHOWN_CHARS = 10


def _put_off(national: str, task: str, hedge: str) -> Gap:
    """The gap of a task the province puts under ``hedge`` (鼓励, 有条件的市可以): the national
    words before the same task against the hedge (有序推进→鼓励), as the other weakenings read
    (确保→力争); the task itself, cut short, on both sides when the national text sets nothing
    before it (a reviewer read 非涉密业务专网向电子…→鼓励非涉密业务专网向电子…)."""
    opening = task[:_LEAD_KEY]
    at = national.find(opening) if len(opening) == _LEAD_KEY else -1
    lead = re.split(r"[，,；;：:。、]", national[max(0, at - _LEAD_CHARS):at])[-1] if at > 0 else ""
    # The longest end of it that is firm words whole (有序推进, 加快建立, 要), never a cut word
    # (保障供应链 → 应链, 支持社会组织 → 组织).
    firm = next((lead[k:] for k in range(len(lead) - 1) if _FIRM_LEAD.fullmatch(lead[k:])), "")
    if firm:
        return Gap("binding", firm, hedge)
    shown = _shown(task)
    return Gap("binding", shown, hedge + shown)


# How much of a hedged task finds it in the national sentence, and how many national characters
# before it are its firm words (有序推进, 加快建立, 要).
_LEAD_KEY = 4
_LEAD_CHARS = 4
# Firm words before a task, whole (有序推进, 加快建立, 要求, 全面); a subject (检测基金在……) is none.
_FIRM_LEAD = re.compile(r"(?:要|应当|必须|应(?:尽可能)?)?(?:有序|稳步|加快|全面|大力|积极|切实|着力|严格|确保)?"
                        r"(?:推进|推动|建立|健全|完善|实行|实施|落实|加强)?")


def _shown(task: str) -> str:
    """A hedged phrase as a gap shows it: whole when short, else its opening and an ellipsis."""
    return task if len(task) <= _SHOWN_CHARS else task[:_SHOWN_CHARS] + "…"


# How close (rapidfuzz partial ratio) a hedged phrase must be to a national phrase it renders.
_SAME_PHRASE = 70


_PHRASE_BREAK = re.compile(r"[，,；;：:。]")


def _task_from(text: str, begin: int) -> str:
    """The text from ``begin`` to the end of its phrase."""
    end = _PHRASE_BREAK.search(text, begin)
    return text[begin:end.start() if end else len(text)]


def _firm(national: str, word: str) -> bool:
    """Whether the word stands in a phrase of the national sentence not already softened
    before it (国家鼓励……建立 asks nothing a province could weaken)."""
    return any(word in phrase and not _HEDGE_ROOT.search(phrase.split(word, 1)[0])
               for phrase in _PHRASE_BREAK.split(national))


def _rendered(national: str, provincial: str, verb: str, at: int,
              threshold: int | None = None) -> list[str]:
    """The national phrases with the verb that the provincial phrase holding it at ``at``
    renders (适时编制全省……路线图 — 编制高端……路线图); none for a task of the province's own
    added beside them (……，逐步建立省际会商制度)."""
    task = _task_from(provincial, provincial.find(verb, at))  # 编制全省……路线图
    return [own for own in _PHRASE_BREAK.split(national)
            if verb in own and fuzz.ratio(task, own[own.find(verb):]) >= (threshold or _SAME_TASK)]


# How close (rapidfuzz ratio) the hedged task, from its verb on, must be to the national one;
# a task named after a light verb, from its first word on, must be closer (适时开展督促检查 —
# 加强督促检查, not 探索开展社会数据“统采共用” — 社会数据融合应用).
_SAME_TASK = 50
_SAME_OBJECT = 70


def _bare_count(text: str, strong: str, weaker: tuple[str, ...]) -> int:
    """Occurrences of a strong word that are not part of a weaker form (不得 in 原则上不得)."""
    return text.count(strong) - sum(text.count(w) for w in weaker if strong in w)
