"""Stage 3: split section text into sentences (clauses) and lift metadata out of them.

Responsibility notes ``（责任单位：省发展改革委、省数据局）`` and deadline notes ``（2024年底前完成）``
are not requirements: they are removed from the sentence text and kept on the clauses of the task
they follow. Quantified targets ("到2025年", "80%") stay in the text — they are part of what the
sentence requires — and are also listed on the clause so later stages can check they survived.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from core.model import Clause
from core.text import CHINESE_NUMERAL

_RESPONSIBILITY_HEAD = re.compile(
    r"[（(]\s*(?:(?:责任|牵头|配合|主责|参与|负责)(?:单位|部门)|责任主体)\s*[：:]")
# What a note may say besides who is responsible: where the measure applies
# (（负责部门：民航局，适用范围：河南自贸试验区）).
_SCOPE = re.compile(r"[，,；;]?\s*适用范围\s*[：:].*$")
# The State Council's own form of the note, after the task it assigns: （交通运输部、财政部负责）,
# （教育部牵头，各有关部门按职责分工负责）.
# A pilot's 方案 names the departments that guide the cities, after a task or at the head of the
# paragraph it assigns: （工业和信息化部、商务部指导）以铅酸蓄电池……
_UNIT_NOTE = re.compile(
    r"(?:(?<=[。；;])|^)\s*[（(]((?:[^（）()。；，]{1,150}?(?:部|委|局|署|办|行|院|会|厅|总局|政府|部门|单位)等?"
    r"(?:按职责分工)?(?:牵头)?(?:负责落实|负责|牵头|参与|配合|指导)[，,、]?)+)"
    # The State Council's first note says how to read them all (……等负责。列第一位者为牵头单位，下同;
    # ……负责，排在第一位的部门为牵头部门，下同;
    # 生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出).
    r"(?:[。，,]?(?:列|排)在?(?:第一位|首位)(?:者|的(?:部门|单位)?)?为牵头(?:单位|部门)(?:[，,]?下同)?"
    r"|[。，,]?以下[^（）()。]{0,30}?不再列出)?[）)]")
# The State Council's way of naming the lead: 列第一位者为牵头单位, 排在首位的部门为牵头部门;
# with 下同, in every note after.
_FIRST_LEADS = re.compile(r"(?:列|排)在?(?:第一位|首位)(?:者|的(?:部门|单位)?)?为牵头(?:单位|部门)")
FIRST_LEADS_HENCEFORTH = re.compile(_FIRST_LEADS.pattern + r"[，,]?下同")
_FIRST_LEADS_SAID = re.compile(r"[。，,；;]?\s*" + _FIRST_LEADS.pattern + r"(?:[，,]?下同)?")
_ONGOING = r"长期坚持|持续推进|长期推进|持续实施|每年|每季度|每半年|每月"
_DEADLINE = re.compile(
    # 2023—2025年; 2024年; 2024年6月底前; 2023年12月31日前; 2024年第三季度; 2025年底前完成并长期坚持.
    r"(?:(?:\d{4}年?\s*[—–－~-]{1,2}\s*)?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:第[一二三四]季度)?"
    r"(?:年?底|上半年|下半年|中|末)?(?:前|以前)?(?:完成|实现|基本完成|全面完成|建成)?"
    rf"(?:[并，,、]?(?:{_ONGOING}))?"
    rf"|{_ONGOING})")
# A bracketed deadline may stand anywhere after a task (……建设（2024年底前完成），……), in the forms
# that are never anything else; a range or a full date in brackets (“十四五”时期（2021—2025年）,
# 《……意见》（2022年6月6日）) is a deadline only where a note stands (``_bracketed_note``).
_BARE_DEADLINE = re.compile(
    r"(?:\d{4}年(?:\d{1,2}月)?(?:年?底|上半年|下半年|中|末)?(?:前|以前)?(?:完成|实现|基本完成|全面完成|建成)?"
    r"|长期坚持|持续推进|长期推进|持续实施)")
_DEADLINE_NOTE = re.compile(
    r"[（(]\s*(?:完成时限[：:])?\s*(" + _BARE_DEADLINE.pattern + r"(?:[，、,]\s*" + _BARE_DEADLINE.pattern
    # Not a period in a title (《……规划（2021—2035年）》).
    + r")*)\s*[）)](?![》〉」』])")
# How often something is done: 每月召开三次, 每两年至少组织一次, 每周更新不少于3次, 两个月安排一次.
FREQUENCY = re.compile(
    r"每(?:[两二三四五六七八九十]|半)?个?(?:年|季度|季|月|周|旬)[^，,。；]{0,8}?(?:[一两二三四五六七八九十]+|\d+)次"
    r"|(?:[两二三四五六七八九十]+|\d+)个(?:月|周)(?:召开|安排|举行|开展|组织)?一次")
_TARGET = re.compile(
    r"(?:到\d{4}年(?:底)?"
    # A deadline or a start written into the sentence (2019年3月底前，……; 2020年起基本不再……).
    # Not a date that only qualifies a thing (2000年以前建成的小区) nor 2020年前后.
    r"|\d{4}年(?:\d{1,2}月)?(?:年?底|末)?(?:前|以前|之前)(?!后)(?![^，。；]{0,8}的)"
    r"|\d{4}年(?:上|下)半年(?![^，。；]{0,8}的)"
    r"|(?:从|自)?\d{4}年(?:起|开始)"
    r"|\d+(?:\.\d+)?\s*(?:%|％|个百分点)"
    r"|\d+(?:\.\d+)?\s*(?:万|亿)?(?:个工作日|个|家|项|件|人|户|天|日|小时|分钟|公里|次|倍|元|周岁)"
    rf"|[{CHINESE_NUMERAL}]+个?(?:工作日|小时|百分点)"
    r"|(?:一|两|二|三|四|五|六|七|八|九|十)(?:个)?(?:月|年)以?内"
    # How often (每月召开三次, 每半年通报一次, 两个月安排一次): a target a drafter lowers.
    rf"|{FREQUENCY.pattern}"
    # "All of it", the target a province most often quietly drops (……电子化全覆盖).
    r"|全覆盖)")
_SENTENCE_END = "。！？；!?;"
_CLOSERS = "”’」』）)】〕"
_INLINE_ITEM = re.compile(rf"^([{CHINESE_NUMERAL}]+是)")
_STATUTE_ITEM = re.compile(rf"^[（(]([{CHINESE_NUMERAL}]+)[）)]")
_STATUTE_SUB_ITEM = re.compile(r"^\d{1,2}[.．、](?!\d)")


@dataclass(frozen=True)
class Note:
    """Who answers for a task (责任单位/牵头单位/配合单位) and by when, as a note states them.

    ``units`` are all the units named, in order; ``lead`` and ``support`` those of them named as
    leading (牵头单位：……, 省数据局牵头) and as supporting (配合单位：……, 省公安厅配合)."""

    units: tuple[str, ...]
    deadline: str
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()

    def joined(self, other: Note) -> Note:
        """Two notes on one task: the units of both, with their parts; the first deadline given."""
        lead = _union(self.lead, other.lead)
        return Note(_union(self.units, other.units), self.deadline or other.deadline, lead,
                    tuple(unit for unit in _union(self.support, other.support) if unit not in lead))

    def or_else(self, other: Note) -> Note:
        """This note, with what it leaves unsaid (its units, its deadline) said by ``other``."""
        named = self if self.units else other
        return Note(named.units, self.deadline or other.deadline, named.lead, named.support)


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + second))


def note_of(clause: Clause) -> Note:
    """The note a clause carries: its units with their parts, and its deadline."""
    return Note(clause.responsibility, clause.deadline, clause.lead_units, clause.support_units)


def _matching_close(text: str, start: int) -> int:
    """Index just past the bracket that closes the one opening at ``start`` (nesting-aware)."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in "（(":
            depth += 1
        elif text[index] in "）)":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


# A second role inside one note (（牵头单位：省委网信办；配合单位：省公安厅、省数据局）) names
# no unit: it left 配合单位：省公安厅 in the 责任单位 column.
_INNER_ROLE = re.compile(r"(?:责任|牵头|配合|主责|参与|负责|协办|协助|主办|协同)(?:单位|部门)\s*[：:]")


def _split(body: str, at) -> list[str]:
    """``body`` split at the characters ``at`` accepts, outside brackets: 各市（州）、县（市、区）人民政府
    is two units, not four pieces."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(body):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and at(char):
            pieces.append(body[start:index])
            start = index + 1
    pieces.append(body[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _group_break(char: str) -> bool:
    return char in "，,；;" or char.isspace()


def _pieces(body: str) -> list[str]:
    """A note's body split at 、，；and spaces outside brackets."""
    return [piece for group in _split(body, _group_break) for piece in _split(group, _is_enumeration_comma)]


def _is_enumeration_comma(char: str) -> bool:
    return char == "、"


# The part a unit plays, as drafters write it: labelled (牵头单位：, 配合单位：), said after the
# unit or after a run of units (省数据局牵头, 省发展改革委、省财政厅牵头), in brackets after it
# (省发展改革委（牵头）), or by 会同 (省数据局会同省公安厅负责: the first leads).
LEAD, SUPPORT, UNNAMED = "lead", "support", ""
_LEAD_WORDS = re.compile(r"牵头|主责|主办")
_SUPPORT_WORDS = re.compile(r"配合|参与|协办|协助|协同")
# What a unit does, after its name (各市（州）政府按职责分工落实, 省数据局牵头组织实施).
_PART_SAID = re.compile(r"(?:按职责分工)?(?:牵头(?:负责|组织实施|落实|推进)?|负责落实|负责|配合|参与|协助|协同|"
                        r"协调|指导|组织实施|落实|实施)$")
_PART_IN_BRACKETS = re.compile(r"[（(](?:牵头|配合|协办|协助|参与)(?:单位|部门)?[）)]$")
_TOGETHER_WITH = "会同"


def _part(words: str) -> str:
    """LEAD, SUPPORT or UNNAMED: the part words (a label, what a unit does) give a unit."""
    return LEAD if _LEAD_WORDS.search(words) else SUPPORT if _SUPPORT_WORDS.search(words) else UNNAMED


@dataclass(frozen=True)
class _Piece:
    """A piece of a note's body (``_named_pieces``)."""

    text: str  # as written, a deadline label (完成时限：) and all
    name: str  # the unit it would name: label, part played and a trailing 等有关部门 taken off
    part: str  # LEAD, SUPPORT or UNNAMED
    played: bool  # whether it says the part it plays (省数据局牵头, 省发展改革委（牵头）)


def _named_pieces(body: str, part: str = UNNAMED) -> list[_Piece]:
    """The pieces of a note's body, each with the unit it would name and the part it plays;
    ``part`` is the part of the pieces before any label."""
    found: list[_Piece] = []
    for labelled, segment in _labelled_segments(body, part):
        for group in _split(segment, _group_break):
            before, together, after = group.partition(_TOGETHER_WITH)
            if together and before and after:
                found.extend(_run_pieces(before, labelled, LEAD))
                found.extend(_run_pieces(after, labelled, SUPPORT))
            else:
                found.extend(_run_pieces(group, labelled))
    return found


def _labelled_segments(body: str, part: str) -> list[tuple[str, str]]:
    """The body cut at its labels (牵头单位：, 配合单位：), each segment with the part its label
    gives (``part`` before the first)."""
    segments, start = [], 0
    for label in _INNER_ROLE.finditer(body):
        segments.append((part, body[start:label.start()]))
        part, start = _part(label.group(0)), label.end()
    segments.append((part, body[start:]))
    return segments


def _run_pieces(run: str, labelled: str, given: str = UNNAMED) -> list[_Piece]:
    """The pieces of a run of units joined by 、. Each unit's part is, first to last: the part in
    brackets after it, the part ``given`` (by 会同), the part said after it or after a later unit
    of the run (省发展改革委、省财政厅牵头: both lead), the part its label gives."""
    texts, names, parts, played = [], [], [], []
    waiting: list[int] = []  # pieces whose part a later unit of the run may say
    for text in _split(run, _is_enumeration_comma):
        words = _ROLE_LABEL.sub("", text).strip()
        bracketed = _PART_IN_BRACKETS.search(words)
        said = None if bracketed else _PART_SAID.search(words)
        found = bracketed or said
        name = words[:found.start()].strip() if found else words
        texts.append(text)
        names.append(re.sub(r"等(?:相关|有关)?(?:部门|单位)?$", "", name))
        parts.append((_part(bracketed.group(0)) if bracketed else UNNAMED) or given)
        played.append(found is not None or bool(given))
        if said is not None:
            for index in [*waiting, len(parts) - 1]:
                parts[index] = parts[index] or _part(said.group(0))
            waiting = []
        elif not bracketed:
            waiting.append(len(parts) - 1)
    return [_Piece(text, name, part or labelled, says_part)
            for text, name, part, says_part in zip(texts, names, parts, played)]


def _note_of_units(named: list[tuple[str, str]], deadline: str) -> Note:
    """The note naming these (unit, part) pairs, and the deadline."""
    units = tuple(dict.fromkeys(name for name, _ in named))
    lead = tuple(dict.fromkeys(name for name, part in named if part == LEAD))
    return Note(units, deadline, lead,
                tuple(dict.fromkeys(name for name, part in named if part == SUPPORT and name not in lead)))


def _split_units(body: str, part: str = UNNAMED) -> Note:
    """The units a note's body names, with their parts, whatever else it says."""
    return _note_of_units([(p.name, p.part) for p in _named_pieces(body, part) if p.name], "")


# A note printed without brackets on a line of its own, as many provincial plans set it under
# a task (责任单位：省数据局、省公安厅; 牵头单位：省数据局；配合单位：省公安厅。完成时限：2025年底前).
_NOTE_LINE = re.compile(
    r"^\s*(?:(?:责任|牵头|配合|主责|参与|负责)(?:单位|部门)|责任主体|完成时限|时间节点|完成时间)\s*[：:]"
    # Units and dates, no duty (负责部门：各级人民政府应当…… is a sentence).
    r"(?!.*(?:应当|必须|不得|要求))[^。]{1,200}(?:。[^。]{1,100})?。?$")


def _bracketed_note_line(paragraph: str) -> str:
    """A note line without brackets in the bracketed form the notes are read in; any other
    paragraph as it is — also one that opens as a note and goes on to say something else
    (牵头单位：省数据局。具体工作由各市负责推进。; 时间节点：2023年底前，完成省级平台建设), whose
    sentences were taken for units."""
    if not _NOTE_LINE.match(paragraph):
        return paragraph
    body = re.sub(r"[。；;]\s*", "；", paragraph.strip().rstrip(_SENTENCE_END))
    return "（" + body + "）" if _note_in_brackets(body) is not None else paragraph


# Any other bracketed note after a task, read piece by piece: units with the part they play
# (（省数据局牵头，各市（州）人民政府负责落实）; （省数据局负责，2024年底前完成）), in square
# brackets too (【责任单位：省数据局】).
_NOTE_OPEN = re.compile(r"(?:(?<=[。；;])|^)\s*([（(【〔\[])")
_CLOSING = {"（": "）", "(": ")", "【": "】", "〔": "〕", "[": "]"}
_DEADLINE_LABEL = re.compile(r"^\s*(?:完成时限|时间节点|完成时间)\s*[：:]")
_ROLE_LABEL = re.compile(r"^(?:(?:责任|牵头|配合|主责|参与|负责|协办|协助|主办|协同)(?:单位|部门)|责任主体|"
                         r"完成时限|时间节点|完成时间)\s*[：:]")
# What ends a unit's name: an organ (部, 委, 局, 厅, 政府), a body (总队, 海关, 省残联, 省属国有企业),
# or the places that carry a task (各市（州）, 各县（市、区）: their brackets are set aside first).
_UNIT_END = re.compile(r"(?:部|委|局|署|办|银行|院|会|厅|政府|部门|单位|中心|办公室|室|党委|法院|检察院|海关|"
                       r"党校|学校|高校|学院|大学|供销社|"
                       r"公司|集团|联|工会|科协|团省委|总队|支队|军区|企业|机构|组织|"
                       r"各[省市州县区旗盟]|各地|市州|县区|乡镇|街道)$")
# Endings that name a kind of body as readily as a unit (（重点企业）, （金融机构）, （乡镇、街道）):
# a bracket naming only such is a note when it says what part they play or holds a deadline.
_LOOSE_UNIT_END = re.compile(r"(?:企业|机构|组织|各地|乡镇|街道|单位|中心)$")
# What an aside in brackets says that no note does (（以下简称省数据局）, （含省数据局）).
_ASIDE_WORDS = re.compile(r"简称|包括|含|即|例如|如|其中|是指|参照|依照|根据")


def _note_in_brackets(body: str) -> Note | None:
    """The note a bracketed group holds when every piece of it names a unit (with the part it
    plays) or a deadline; None when any piece is something else (an aside, a list item)."""
    named: list[tuple[str, str]] = []
    deadline = ""
    # How the State Council names the lead (……负责，排在首位的部门为牵头部门): no unit.
    first_leads = _FIRST_LEADS_SAID.search(body)
    if first_leads:
        body = body[:first_leads.start()] + body[first_leads.end():]
    # Whether the bracket says it is a note: a label (责任单位：), a part played (牵头), or a unit
    # no aside would name (省数据局).
    said = bool(first_leads or _INNER_ROLE.search(body) or _ROLE_LABEL.match(body.strip()))
    for piece in _named_pieces(body):
        labelled = _DEADLINE_LABEL.match(piece.text)
        words = _ROLE_LABEL.sub("", piece.text.strip()).strip()
        if not words:
            continue
        if _DEADLINE.fullmatch(words) or (labelled and len(words) <= 20):
            # What a 完成时限 says is its deadline, in whatever words (2024年第三季度, 每年).
            deadline = deadline or words
            continue
        said = said or piece.played
        plain = re.sub(r"（[^（）]*）|\([^()]*\)", "", piece.name)
        if not (2 <= len(plain) <= 30 and _UNIT_END.search(plain)) or _ASIDE_WORDS.search(piece.name):
            return None
        said = said or not _LOOSE_UNIT_END.search(plain)
        named.append((piece.name, piece.part))
    if named and not (said or deadline):
        return None
    if first_leads and named:
        named = [(name, LEAD if index == 0 else part) for index, (name, part) in enumerate(named)]
    return _note_of_units(named, deadline) if named or deadline else None


@dataclass(frozen=True)
class _Found:
    """A bracketed note found by ``_note_in_brackets``: where it stands, and what it says."""

    at: int
    stop: int
    note: Note

    def start(self) -> int:
        return self.at


def _bracketed_note(paragraph: str, cursor: int, *, adjacent: bool = False) -> _Found | None:
    """The first bracketed group from ``cursor``, after a sentence or opening the paragraph —
    or, when ``adjacent``, right at ``cursor``, after a note (（省数据局牵头）（省公安厅配合）) —
    that is a note (``_note_in_brackets``)."""
    starts: Iterator[int] = (opening.start(1) for opening in _NOTE_OPEN.finditer(paragraph, cursor))
    if adjacent and paragraph[cursor:cursor + 1] in _CLOSING:
        starts = itertools.chain([cursor], starts)
    for start in starts:
        bracket = paragraph[start]
        if bracket in "（(":
            end, closers = _matching_close(paragraph, start), "）)"
        else:
            end, closers = paragraph.find(_CLOSING[bracket], start) + 1, _CLOSING[bracket]
        if end <= start + 1 or paragraph[end - 1] not in closers:  # never closed
            continue
        note = _note_in_brackets(paragraph[start + 1:end - 1])
        if note is not None:
            # From where the group's opening match began (spaces before the bracket and all).
            return _Found(min(start, _opening_start(paragraph, start, cursor)), end, note)
    return None


def _opening_start(paragraph: str, start: int, cursor: int) -> int:
    """Where the spaces before a bracket at ``start`` begin (not before ``cursor``)."""
    while start > cursor and paragraph[start - 1].isspace():
        start -= 1
    return start


def _extract_notes(paragraph: str) -> tuple[str, list[tuple[int, Note]]]:
    """Remove responsibility and deadline notes; return the text and (position, note) pairs.

    The position is where the note stood in the cleaned text, so each note can be attached to
    the sentences that precede it.
    """
    paragraph = _bracketed_note_line(paragraph)
    cleaned: list[str] = []
    notes: list[tuple[int, Note]] = []
    position = 0
    cursor = 0
    length = len(paragraph)
    while cursor < length:
        head = _RESPONSIBILITY_HEAD.search(paragraph, cursor)
        deadline = _DEADLINE_NOTE.search(paragraph, cursor)
        units = _UNIT_NOTE.search(paragraph, cursor)
        other = _bracketed_note(paragraph, cursor, adjacent=bool(notes) and notes[-1][0] == position)
        # On a tie the note read piece by piece wins: it knows a deadline in any words
        # (（牵头单位：省数据局；完成时限：长期）), which the 责任单位 reading took for a unit.
        candidates = [m for m in (other, head, deadline, units) if m]
        if not candidates:
            cleaned.append(paragraph[cursor:])
            break
        match = min(candidates, key=lambda m: m.start())
        cleaned.append(paragraph[cursor:match.start()])
        position += match.start() - cursor
        if isinstance(match, _Found):
            end = match.stop
            notes.append((position, match.note))
        elif match is head:
            end = _matching_close(paragraph, match.start())
            body = paragraph[match.end():end - 1]
            found = _DEADLINE.search(body)
            deadline_text = found.group(0) if found else ""
            if found:
                body = (body[:found.start()] + body[found.end():])
            body = re.sub(r"(?:完成时限|时间节点|完成时间)\s*[：:]?", "", body)
            body = _SCOPE.sub("", body)
            notes.append((position, replace(_split_units(body, _part(match.group(0))), deadline=deadline_text)))
        elif match is units:
            end = match.end()
            note = _split_units(match.group(1))
            if _FIRST_LEADS.search(match.group(0)):  # 列第一位者为牵头单位
                note = replace(note, lead=note.units[:1])
            notes.append((position, note))
        else:
            end = match.end()
            notes.append((position, Note((), match.group(1))))
        cursor = end
        if len(notes) > 1 and not "".join(cleaned)[notes[-2][0]:].strip():
            # Notes side by side (（责任单位：省科技厅）（完成时限：2025年底前）) are one note.
            notes[-2:] = [(notes[-2][0], notes[-2][1].joined(notes[-1][1]))]
    return "".join(cleaned), notes


def only_notes(paragraph: str) -> bool:
    """Whether a paragraph holds nothing but responsibility and deadline notes
    (（责任单位：省数据局；完成时限：2025年底前）)."""
    return not _extract_notes(paragraph)[0].strip(_SENTENCE_END + "，,、 \u3000")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split after 。！？； keeping closing quotes with their sentence; returns (end, sentence)."""
    sentences: list[tuple[int, str]] = []
    start = 0
    index = 0
    length = len(text)
    while index < length:
        if text[index] in _SENTENCE_END:
            end = index + 1
            while end < length and text[end] in _CLOSERS:
                end += 1
            sentence = text[start:end].strip()
            if sentence.strip(_SENTENCE_END + " "):
                sentences.append((end, sentence))
            start = index = end
            continue
        index += 1
    rest = text[start:].strip()
    if rest:
        sentences.append((length, rest))
    return sentences


def find_targets(text: str) -> tuple[str, ...]:
    """Quantified targets in a sentence: years, percentages, counts, time limits."""
    return tuple(dict.fromkeys(m.group(0).replace(" ", "") for m in _TARGET.finditer(text)))


def build_clauses(section_id: str, paragraphs: tuple[str, ...], *,
                  statute: bool = False, skip: frozenset[int] = frozenset()) -> tuple[Clause, ...]:
    """Split a section's body paragraphs into clauses with their metadata.

    Args:
        section_id: the id of the section the paragraphs belong to.
        paragraphs: body paragraphs in order.
        statute: paragraphs are 款 of an article; a paragraph opening with （一） is a 项 that
            belongs to the preceding 款.
        skip: positions (from 0) of paragraphs that hold no clause — furniture printed among
            the body (an embedded text's title, 国务院：, （本文有删减）); they keep their place
            in the numbering of paragraphs.

    Returns:
        The clauses, ids ``{section_id}-{n}`` numbered from 1.
    """
    clauses: list[Clause] = []
    kuan = 0
    lead_in = ""
    unnoted = 0  # where the clauses no note has followed yet begin
    # The clauses the note line just read applied to: the next line, when also a note
    # (责任单位：……, then 完成时限：……), applies to them too.
    last_span: tuple[int, int] | None = None
    # Note lines before the section's first sentence (（一）推进共享 / （责任单位：省数据局） /
    # 推进数据共享。……): they assign the whole body, where it names no unit of its own.
    opening: list[Note] = []
    item = ""
    item_list = False  # the last 项 opened a list of 目 (……：)
    for position, paragraph in enumerate(paragraphs):
        if position in skip:
            kuan += 1
            last_span = None
            continue
        text, notes = _extract_notes(paragraph)
        if notes and not text.strip(_SENTENCE_END + "，,、 \u3000"):
            # A note on a line of its own (（责任单位：省数据局，各市（州）人民政府）) after the
            # paragraphs of a task applies to every sentence since the last note naming units
            # (a deadline in a sentence does not end a task), and ends it; it was dropped, and
            # the task had no 责任单位.
            if not clauses:
                opening.extend(note for _, note in notes)
                kuan += 1
                continue
            start, end = last_span if last_span is not None else (unnoted, len(clauses))
            for _, note in notes:
                # A second note line adds to the first (牵头单位：省数据局 / 配合单位：省公安厅).
                clauses[start:end] = [_with_note(c, note, add=last_span is not None)
                                      for c in clauses[start:end]]
            last_span, unnoted = (start, end), len(clauses)
            kuan += 1
            continue
        last_span = None
        # A note heading the paragraph (（省市场监管局负责）加强……。大力推行……。) assigns all of it.
        leading = [note for at, note in notes if at == 0]
        notes = [(at, note) for at, note in notes if at > 0]
        first = len(clauses)
        statute_item = _STATUTE_ITEM.match(text) if statute else None
        # A 目 (1. 2.) under a 项 that opens a list (（二）……：/ 1.…… / 2.……) belongs to that 项;
        # read as a 款 of its own, it moved every later 款 on and cut the 项 after it from its lead-in.
        sub_item = bool(statute and not statute_item and item_list and _STATUTE_SUB_ITEM.match(text))
        sentences = split_sentences(text)
        if not (statute_item or sub_item):
            kuan += 1
            # A 款 ending in a colon opens the list of 项 that follows it.
            last = sentences[-1][1] if sentences else ""
            lead_in = last if statute and last.endswith(("：", ":")) else ""
        if statute_item:
            item_list = bool(sentences) and sentences[-1][1].endswith(("：", ":"))
        elif not sub_item:
            item_list = False
        item = statute_item.group(0) if statute_item else (item if sub_item else "")
        pending: list[Clause] = []
        note_index = 0
        noted = (0, -1)  # the clauses the paragraph's last note applied to
        for end, sentence in sentences:
            inline = _INLINE_ITEM.match(sentence)
            if inline and not statute:
                item = inline.group(1)
            pending.append(Clause(id="", section=section_id, text=sentence,
                                  paragraph=max(kuan, 1), item=item,
                                  lead_in=lead_in if statute_item or sub_item else "",
                                  targets=find_targets(sentence)))
            # A note standing right after this sentence applies to every sentence since the last.
            while note_index < len(notes) and notes[note_index][0] <= end:
                note = notes[note_index][1]
                pending = [_with_note(c, note) for c in pending]
                noted = (len(clauses), len(clauses) + len(pending))
                clauses.extend(pending)
                if note.units:
                    unnoted = len(clauses)
                pending = []
                note_index += 1
        if pending and note_index < len(notes):
            # Notes after the last sentence (e.g. a sentence without a full stop).
            for _, note in notes[note_index:]:
                pending = [_with_note(c, note) for c in pending]
            noted = (len(clauses), len(clauses) + len(pending))
            clauses.extend(pending)
            if any(note.units for _, note in notes[note_index:]):
                unnoted = len(clauses)
        else:
            clauses.extend(pending)
        if notes and not text[notes[-1][0]:].strip(_SENTENCE_END + " \u3000") and noted[1] == len(clauses):
            # The paragraph ends with its note: a note line next adds to it
            # (推进改革。（牵头单位：省数据局） / （配合单位：省公安厅）).
            last_span = noted
        for note in leading:
            clauses[first:] = [_with_note(c, note) for c in clauses[first:]]
            if note.units:
                unnoted = len(clauses)
    if opening:
        # Note lines before the first sentence are one note (牵头单位：…… / 配合单位：……).
        note = _all_joined(opening)
        clauses = [_with_note(c, note) for c in clauses]
    return tuple(replace(c, id=f"{section_id}-{n}") for n, c in enumerate(clauses, start=1))


def heading_note(paragraphs: tuple[str, ...]) -> Note | None:
    """The note a heading's body holds when the body is nothing but notes, set under a part's
    heading before its numbered tasks (一、…… / （责任单位：省数据局）/ （一）……): it names who
    answers for every task of the part that names no one itself. None for any other body."""
    if not paragraphs or not all(only_notes(p) for p in paragraphs):
        return None
    found = [note for paragraph in paragraphs for _, note in _extract_notes(paragraph)[1]]
    if not found:
        return None
    note = _all_joined(found)
    return note if note.units or note.deadline else None


def _all_joined(notes: list[Note]) -> Note:
    """Notes on one task as one (``Note.joined``), in order."""
    note = notes[0]
    for other in notes[1:]:
        note = note.joined(other)
    return note


def with_heading_note(clauses: tuple[Clause, ...], note: Note | None) -> tuple[Clause, ...]:
    """Clauses under a heading whose note (``heading_note``) applies where they name no unit or
    deadline of their own."""
    if note is None:
        return clauses
    return tuple(_with_note(c, note) for c in clauses)


def _with_note(clause: Clause, note: Note, *, add: bool = False) -> Clause:
    """The clause with the note's units and deadline where it has none of its own; with
    ``add``, the note's units joined to its own (a second note on the same task)."""
    own = note_of(clause)
    taken = own.joined(note) if add else own.or_else(note)
    return replace(clause, responsibility=taken.units, deadline=taken.deadline,
                   lead_units=taken.lead, support_units=taken.support)
