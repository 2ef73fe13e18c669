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

A provincial implementing text also carries national articles by naming them: it applies one
by citing it (按照《教师法》第三十九条的规定，接受教师申诉), and takes over the law's whole
法律责任 by referring every breach to it (违反本办法规定的，依照《教师法》的规定处理).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from core.expected import effective_date
from core.text import ITEM_LABEL, chinese_to_int


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
_ACT = r"本(?:法|条例|办法|规定|细则|决定|规则|实施办法|实施细则)"
# 为了……制定本法; a province often opens 根据《……法》……，结合本省实际，制定本条例 instead.
_PURPOSE = re.compile(rf"^(?:为(?:了)?|根据|依据|依照)[^。]*?制[定订]{_ACT}")
# 本法适用于……; ……，适用本法; ……应当遵守《……法》和本办法; 本法所称……适用……
_SCOPE = re.compile(rf"{_ACT}适用于|(?:适用|遵守)[^。]{{0,20}}?{_ACT}|{_ACT}所称[^。]{{0,40}}?适用")
# What follows a breach, each branch a kind of sanction: a 处分 (its kinds may be named), a
# fine, liability pursued, an order to correct, a licence revoked, gains confiscated, a
# reprimand, liability borne, a penalty; or the breach referred to other laws' sanctions.
_SANCTION = re.compile(
    r"(?:给予|予以)[^。；]{0,12}处分|处[^。；]{0,30}罚款|追究[^。；]{0,8}责任|"
    r"责令[^。；]{0,6}改正|吊销|没收违法所得|通报批评|承担[^。；]{0,8}责任|"
    r"(?:给予|予以|进行)[^。；]{0,6}处罚|"
    r"违反本[^。；]{0,40}?(?:依照|按照|依据)[^。；]{0,40}(?:处理|处罚)|"
    r"(?:处罚|处理|法律责任)[^。；]{0,10}(?:从其规定|按照其规定|依照其规定)")
# A sanction follows a breach: "违反……" opens the 款, or a condition "……的，" comes before it.
# (承担全面领导责任 or 责令……改正 in a duty of an authority is no penalty.)
_BREACH = re.compile(r"^[^。；]{0,6}违反|的[，,]")
# A definition opens its article: 本条例所称营商环境，是指…… (or ……包括……).
_DEFINITION = re.compile(r"^(?:本[^。；，]{0,4})?所称[^。；]{1,40}?(?:是指|包括|指)")
_DEFINES = re.compile(r"所称[^。；]{1,40}?(?:是指|包括|指)")
# A scope or definition article says little else; one with more sentences has a body of its own.
_FRAME_SENTENCES = 2
# A chain of references to articles: 第二十条、第二十一条 / 第五条至第八条 / 本法第三条.
_NUMERAL = r"[零〇一二两三四五六七八九十百千]+"
_REFERENCES = re.compile(
    rf"(本(?:法|条例|办法|规定|细则))?第({_NUMERAL})条(?:第{_NUMERAL}款)?"
    rf"((?:(?:、|和|或者|以及|及|至)第{_NUMERAL}条(?:第{_NUMERAL}款)?)*)")
_CHAINED = re.compile(rf"(、|和|或者|以及|及|至)第({_NUMERAL})条")
# What names another law just before its article numbers: 《……法》第十二条, 刑法第一百条.
_OTHER_LAW = re.compile(r"(?:》|法|条例|规定|办法|细则|决定)$")


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"[。；]", text) if s.strip()])


def _chain(first: str, rest: str, chained: re.Pattern = _CHAINED) -> set[int]:
    """The numbers of a reference chain: the first numeral and those ``chained`` finds in the
    rest (第十条、第十一条; 第五条至第七条 → 5, 6, 7)."""
    numbers: set[int] = set()
    try:
        last = chinese_to_int(first)
        numbers.add(last)
        for joint, numeral in chained.findall(rest):
            value = chinese_to_int(numeral)
            numbers.update(range(last + 1, value + 1) if joint == "至" and value > last
                           else (value,))
            last = value
    except ValueError:
        pass
    return numbers


def law_names(title: str) -> tuple[str, ...]:
    """The names a provincial text cites a national statute by: its title as printed and
    without 中华人民共和国 (《中华人民共和国教师法》, 《教师法》); none for a title too short to
    name a law."""
    full = re.sub(r"[（(][^）)]*[）)]\s*$", "", title.strip())
    short = full.removeprefix("中华人民共和国")
    if len(short) < 2:
        return ()
    return tuple(dict.fromkeys((full, short)))


def declared_names(texts: Sequence[str], names: Sequence[str]) -> tuple[str, ...]:
    """The names, with the short forms a provincial text declares for the statute
    (《中华人民共和国优化营商环境条例》（以下简称《条例》） → 条例)."""
    if not names:
        return tuple(names)
    declared = re.compile(_named(names) + r"[（(]以下简称《?([^》）)]{1,12}?)》?[）)]")
    found = [m.group(1) for text in texts for m in declared.finditer(text)]
    return tuple(dict.fromkeys([*names, *found]))


def _named(names: Sequence[str]) -> str:
    """A statute named in 《》, or bare when the name is long enough not to stand inside
    other words (慈善法第九条, not 水法)."""
    quoted = "|".join(re.escape(name) for name in names)
    bare = "|".join(re.escape(name) for name in names if len(name) >= 3)
    return f"(?:《(?:{quoted})》" + (f"|(?<!《)(?:{bare})(?!》)" if bare else "") + ")"


def general_references(paragraphs: Sequence[str], names: Sequence[str]) -> list[tuple[str, str]]:
    """The sentences of a provincial article that grant rights or bind to duties by pointing
    to the national statute as a whole (消费者享有《消费者权益保护法》等有关法律、法规规定的各项
    权利; 教师……履行《教师法》规定的义务; 经营者应当遵守《消费者权益保护法》……), each with what
    it points to: 权利, 义务 or 遵守 (the law itself)."""
    if not names:
        return []
    pattern = re.compile(r"(?:享有|履行|行使)" + _named(names)
                         + r"[^。；]{0,30}?(?:规定的|的规定)[^。；]{0,12}?(权利|义务)")
    obeying = re.compile(r"应当遵守" + _named(names))
    found = []
    for sentence in re.split(r"(?<=[。；])", "".join(paragraphs)):
        match = pattern.search(sentence)
        if match:
            found.append((sentence, match.group(1)))
        elif obeying.search(sentence):
            found.append((sentence, "遵守"))
    return found


# Who a national article of rights or duties speaks of, at its head (消费者在购买……时享有……的权利;
# 经营者向消费者提供商品……应当……履行义务; 教师应当履行下列义务).
_HOLDER = re.compile(r"^([\u4e00-\u9fff]{2,6}?)(?:在|因|向|为|对|应当|享有|依法|有权)")


def holder_of(paragraphs: Sequence[str], what: str) -> str | None:
    """The one a national article grants rights to, binds to duties or to the law itself
    (``what``: 权利, 义务 or 遵守), when its first sentence says so of someone; None otherwise."""
    text = "".join(paragraphs).strip()
    first = re.split(r"[。；]", text, maxsplit=1)[0]
    holder = _HOLDER.match(first)
    if holder is None:
        return None
    if what == "权利" and "享有" in first and "权利" in first:
        return holder.group(1)
    if what == "义务" and "履行" in text and "义务" in first:
        return holder.group(1)
    if what == "遵守" and re.search(r"应当遵守本(?:法|条例)", first):
        return holder.group(1)
    return None


def cited_articles(paragraphs: Sequence[str], names: Sequence[str]) -> set[int]:
    """The numbers of the national statute's articles a provincial article cites by name
    (按照《教师法》第三十九条的规定 → 39; 《防洪法》第十条、第十一条 → 10, 11; 《……条例》第三章
    第十一条 → 11)."""
    if not names:
        return set()
    pattern = re.compile(_named(names) + rf"\s*(?:第{_NUMERAL}章)?(?:第{_NUMERAL}节)?" + _REFERENCES.pattern)
    numbers: set[int] = set()
    for match in pattern.finditer("".join(paragraphs)):
        numbers |= _chain(match.group(2), match.group(3))
    return numbers


# A chapter (or a section of one) cited by number: 第三章, 第二章第一节, 第三章和第四章.
# An article cited within its chapter (第三章第十一条) cites the article, not the chapter; a section
# of a chapter (第二章第一节) is read as the chapter.
_CHAPTERS = re.compile(rf"第({_NUMERAL})章(?:第{_NUMERAL}节)?((?:(?:、|和|以及|及|至)第{_NUMERAL}章)*)"
                       rf"(?!第{_NUMERAL}[节条])")
_CHAINED_CHAPTER = re.compile(rf"(、|和|以及|及|至)第({_NUMERAL})章")


def cited_chapters(paragraphs: Sequence[str], names: Sequence[str]) -> dict[int, str]:
    """The numbers of the national statute's chapters a provincial article refers to by name,
    each with the matter the reference is confined to ("" when none): 国家重点保护野生动物的管理，
    依照《野生动物保护法》第三章和国家的有关规定执行 → {3: "国家重点保护野生动物"};
    《……法》第三章至第五章 → 3, 4, 5."""
    if not names:
        return {}
    pattern = re.compile(_named(names) + r"\s*(?:的)?" + _CHAPTERS.pattern)
    chapters: dict[int, str] = {}
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[。；])", paragraph):
            for match in pattern.finditer(sentence):
                lead = _REFER_LEAD.match(sentence[:match.start()])
                matter = lead.group(1) if lead else ""
                # Every breach of the provincial text, or whoever acts, is no one matter.
                if "违反" in matter or _ACTOR_LEAD.search(matter):
                    matter = ""
                for number in _chain(match.group(1), match.group(2), _CHAINED_CHAPTER):
                    chapters[number] = matter
    return chapters


# What opens a reference confined to one matter: 国家重点保护野生动物的管理，依照 → the matter
# 国家重点保护野生动物 (the words before its last 的).
_REFER_LEAD = re.compile(r"^(?:本(?:省|市|自治区)(?:行政区域内)?)?(?:对|关于)?([^。；，]{2,30}?)(?:的[^的。；，]{1,12})?"
                         r"[，,]?\s*(?:依照|按照|依据|适用)\s*$")
# A lead that names who acts, not what about (县级以上人民政府……主管部门应当依照……): no one matter.
_ACTOR_LEAD = re.compile(r"应当|要|负责|部门|政府|机关|机构")


# A breach of the provincial text as a whole opens the sentence: 违反本办法规定，/ 对违反本办法
# 的行为，/ 违反……和本办法规定的行为， — not one of its articles (违反本办法第十二条).
_WHOLE_BREACH = re.compile(r"^[^。；，]{0,12}?违反[^。；，]{0,30}?本(?:法|条例|办法|规定|细则)"
                           r"(?:其他)?(?:规定)?(?:的[^。；，第]{0,20}?行为|的)?[，,]")


def refers_breaches(paragraphs: Sequence[str], names: Sequence[str]) -> bool:
    """Whether a provincial article refers every breach of it to the national statute named
    (违反本办法规定，依照《防洪法》和本办法追究法律责任 / 对违反本办法的行为，《动物防疫法》有明确处罚
    规定的，按照其规定进行处罚), so that the statute's 法律责任 applies as it stands. A generic
    referral to 法律、行政法规 names no statute, a penalty for a particular offence that ends
    依照《……法》处罚 is that offence's, not every breach's, and one referred to an article of
    the statute (依照《防洪法》第六十五条规定) cites that article."""
    if not names:
        return False
    named = _named(names) + r"(?!\s*第[零〇一二两三四五六七八九十百千]+条)"
    refer = re.compile(rf"^[^。；，]{{0,40}}?(?:依照|按照|依据|适用)[^。；]{{0,12}}?{named}")
    already = re.compile(rf"^{named}[^。；]{{0,50}}?(?:处罚|处理|法律责任)[^。；]{{0,8}}?的[，,]")
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[。；])", paragraph.strip()):
            breach = _WHOLE_BREACH.match(sentence)
            if breach:
                rest = sentence[breach.end():]
                if refer.match(rest) or already.match(rest):
                    return True
    return False


def referenced_articles(paragraphs: Sequence[str]) -> set[int]:
    """The numbers of the articles of its own text an article refers to (违反本法第二十条、
    第二十一条 → 20, 21; 第五条至第七条 → 5, 6, 7), not those of another law it names
    (《消费者权益保护法》第四十一条、第四十二条, 刑法第一百四十四条)."""
    numbers: set[int] = set()
    text = "".join(paragraphs)
    for match in _REFERENCES.finditer(text):
        if not match.group(1) and _OTHER_LAW.search(text[:match.start()]):
            continue
        numbers |= _chain(match.group(2), match.group(3))
    return numbers


def punished_articles(paragraphs: Sequence[str]) -> set[int]:
    """The articles of its own text whose breach a penalty article punishes: those it names in
    the breach that opens a 款 (违反本法第二十条规定的，……), not those named further on."""
    numbers: set[int] = set()
    for paragraph in paragraphs:
        breach = re.match(r"^[^。；]{0,20}?违反([^。；，]*)", paragraph.strip())
        if breach:
            numbers |= referenced_articles([breach.group(1)])
    return numbers


def offence(paragraphs: Sequence[str]) -> str:
    """What a penalty article punishes, without the sanctions it sets: each 款 up to the
    condition its sanction follows (……未按照要求实行安全监控的), with the listed acts
    (（一）……) whole. Two penalty articles correspond by the breach they punish; the
    sanctions (由……责令改正，处……罚款) are formulas every penalty repeats."""
    parts = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        start = None if ITEM_LABEL.match(text) else _sanction_start(text)
        if start is None:
            parts.append(text)
            continue
        head = text[:start]
        condition = max(head.rfind("的，"), head.rfind("的,"))
        parts.append(head[:condition + 1] if condition >= 0 else head)
    return "".join(parts)


# Where the sanction of a 款 begins besides a sanction itself: the authority that imposes it
# (……的，由县级以上水行政主管部门责令限期缴纳；逾期不缴纳的，处……罚款) or an order.
_AUTHORITY = re.compile(r"(?:^|[，；])由[^。；，]{0,30}?(?:部门|机关|机构|政府|单位)")
_ORDER = re.compile(r"责令(?:限期|停止|退还|改正|关闭|排除|补|拆除|收回|恢复)")
_REFERRAL = re.compile(r"依照|按照|依据")


def _sanction_start(text: str) -> int | None:
    """Where the first sanction of a 款 begins (None when it sets none)."""
    sanction = _SANCTION.search(text)
    if sanction is None:
        return None
    start = sanction.start()
    if sanction.group().startswith("违反"):
        # 违反本法规定，……未按照规定……的，依照《畜牧法》的有关规定处罚: the breach runs up to
        # the referral that sanctions it.
        referrals = [m.start() for m in _REFERRAL.finditer(text, start, sanction.end())]
        start = referrals[-1] if referrals else start
    for other in (_AUTHORITY.search(text), _ORDER.search(text)):
        if other is not None and other.start() < start:
            start = other.start() + (1 if other.group()[0] in "，；" else 0)
    return start


def defines(paragraphs: Sequence[str]) -> bool:
    """Whether an article defines a term (本条例所称……是指……), whatever else it says."""
    return bool(_DEFINES.search("".join(paragraphs)))


def provision(paragraphs: Sequence[str], index: int) -> Provision:
    """The kind of an article.

    Args:
        paragraphs: the article's 款 (and 项) as printed, without the 第N条 label.
        index: its place among the statute's articles, from 0.
    """
    text = "".join(paragraphs).strip()
    if effective_date(text):
        return Provision.EFFECTIVE_DATE
    if index < _OPENING_ARTICLES:
        if _PURPOSE.search(text):
            return Provision.PURPOSE
        if _SCOPE.search(text) and _sentences(text) <= _FRAME_SENTENCES:
            return Provision.SCOPE
    if _DEFINITION.match(text) and (_sentences(text) <= _FRAME_SENTENCES or all(
            _DEFINES.search(s) for s in re.split(r"[。]", text) if s.strip())):
        return Provision.DEFINITION
    # The first 款 sets a sanction for a breach (a duty article with a penalty 款 added at its
    # end stays a duty article).
    first = next((p.strip() for p in paragraphs if p.strip() and not ITEM_LABEL.match(p.strip())), "")
    sanction = _SANCTION.search(first)
    if sanction and (sanction.group().startswith("违反") or _BREACH.search(first[:sanction.start()])):
        return Provision.LIABILITY
    return Provision.OTHER
