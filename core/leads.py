"""Sentences that only announce others — run-in headings of policy paragraphs (段中小标题),
the opening of a statute's list (教师享有下列权利：) — judged by the sentences they announce.

A State Council guideline opens most of its points with a short sentence that names the task,
then says what it means: 提升辅助决策能力。建立健全大数据辅助科学决策机制，统筹推进……。
In the printed document the first is set in bold as a run-in heading. A province that carries
the task writes its substance — often as a task of its own list — and rarely repeats the
heading sentence. Read on its own, the heading then has nothing to match and would be listed
as 未覆盖 while everything it announces is carried. So a heading sentence nothing carries takes
the verdict of the sentences it heads: covered when at least half of them are carried (in full
or in part: they are judged and listed each on its own, and the heading need not flag again
what they flag), partial when fewer are, missing when none is.

A statute's list opens the same way: 教师享有下列权利： says nothing its items do not, and a
province that carries the rights in its own list, or article by article, rarely repeats it.

A heading sentence is not the last sentence of its paragraph, is short
(``Parameters.lead_chars`` characters at most) and is one phrase (no comma, semicolon or
colon) — or two short phrases joined by a comma, as State Council plans write them
(建立……指标体系，发挥导向引领作用。); where it stands and what it shares with the sentences after it tell it from a short
task (``headed_sentences``). It heads the sentences after it up to the next heading or the end
of the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from core.model import Clause, ClauseFinding, Match, Reason, Status
from core.similarity import generic_words, tokens
from core.text import BINDING_YING

ANNOUNCING_REASONS = frozenset({"heading", "list"})
"""Reason codes of a sentence judged by the sentences it announces; its matches are theirs."""

# Marks that split a sentence into phrases; a run-in heading has none of them.
_PHRASE_MARKS = re.compile(r"[，,；;：:]")
_END_MARKS = "。！？!?"
# What makes a list opening say something of its own: a binding word or who acts.
_OWN_SAY = re.compile(r"应当|必须|不得|可以|由|责令")


def headed_sentences(clauses: Sequence[Clause], lead_chars: int) -> dict[int, list[int]]:
    """Index of each run-in heading sentence → indexes of the sentences it heads.

    A short sentence of one phrase followed by others is not always a heading: a paragraph of
    tasks holds short tasks too (严查医疗机构不按时结算药款问题。). So a heading must also open
    its paragraph or stand beside another heading in it (the guideline's pattern: 提升辅助决策
    能力。……提升行政执行能力。……), carry no note of its own (a task closed by （责任单位：……）
    is a task), and share a content word with what it heads (提升辅助决策能力 — 大数据辅助科学
    决策机制) — or stand in a series of headings most of which do.

    Args:
        clauses: a document's clauses, in order.
        lead_chars: the longest a heading sentence may be, in characters, without its final
            mark.
    """
    def shaped(index: int) -> bool:
        clause = clauses[index]
        body = clause.text.strip().rstrip(_END_MARKS)
        # A note that closes the heading together with what it heads (筑牢……防线。新建……。
        # （生态环境部指导）) is the group's, not the heading's own.
        noted = bool(clause.responsibility or clause.deadline)
        shared_note = noted and index + 1 < len(clauses) and _same_note(clause, clauses[index + 1])
        return (_heading_shaped(body, lead_chars, opens=index == start)
                and (not noted or shared_note))

    found: list[tuple[str, bool, list[int], list[list[int]], list[bool]]] = []
    start = 0
    while start < len(clauses):
        end = start  # clauses start..end form one paragraph
        while (end + 1 < len(clauses) and clauses[end + 1].section == clauses[start].section
               and clauses[end + 1].paragraph == clauses[start].paragraph):
            end += 1
        candidates: list[int] = []
        groups: list[list[int]] = []
        for index in range(start, end + 1):
            if index < end and shaped(index) and not (
                    # A short sentence right after a heading that repeats its words elaborates
                    # it (提升辅助决策能力。建立健全大数据辅助科学决策机制。).
                    candidates and all(shaped(i) for i in groups[-1])
                    and _shares_a_word(clauses[candidates[-1]], [clauses[index]])) and not (
                    # A heading of two phrases heads its whole paragraph.
                    candidates and _PHRASE_MARKS.search(clauses[candidates[0]].text)):
                candidates.append(index)
                groups.append([])
            elif candidates:
                groups[-1].append(index)
        kept = [(head, group) for head, group in zip(candidates, groups) if group]
        candidates, groups = [head for head, _ in kept], [group for _, group in kept]
        if candidates and (candidates[0] == start or len(candidates) > 1):
            shares = [_shares_a_word(clauses[head], [clauses[i] for i in group])
                      for head, group in zip(candidates, groups)]
            found.append((clauses[start].section, candidates[0] == start, candidates, groups,
                          shares))
        start = end + 1
    # In a series of headings, one that names a purpose (助力优化营商环境) or a principle
    # (坚持因地制宜) rather than repeating its tasks' words stands with the others: the headings
    # of one paragraph, or those opening the paragraphs of one section (坚持问题导向。……
    # 坚持市场驱动。…… each in a paragraph of its own).
    opening: dict[str, list[bool]] = {}
    for section, opens, _, _, shares in found:
        if opens:
            opening.setdefault(section, []).append(shares[0])
    heads: dict[int, list[int]] = {}
    for section, opens, candidates, groups, shares in found:
        series = len(candidates) > 1 and 2 * sum(shares) >= len(candidates)
        across = opening.get(section, []) if opens else []
        series_across = len(across) > 1 and 2 * sum(across) >= len(across)
        for position, (head, group, shared) in enumerate(zip(candidates, groups, shares)):
            # A rule that opens a paragraph (严禁层层加码。) is no principle's heading.
            ruled = bool(_RULE.search(clauses[head].text))
            if shared or series or (position == 0 and series_across and not ruled):
                heads[head] = group
    return heads


# A binding word no heading holds (应 as a word of its own, ``BINDING_YING``: not 应急, 供应,
# 顺应, 应保尽保): 对参加应急工作的人员，应给予适当的……补助。 is a rule, not the heading of what
# follows it.
_RULE = re.compile(r"严禁|不得|禁止|必须|要|确保|可以|" + BINDING_YING)
# A heading of two phrases (强化……引领，发挥……作用。), as State Council plans set
# them in bold, holds phrases at most this long.
_PAIRED_PHRASE_CHARS = 14


# What a task of two phrases says that a heading does not: who acts (各地……; 由……), where a
# body sits (……办公室设在民航总局), what a word means (……是指……), whom it encourages.
_ACTS = re.compile(r"^各|由|设在|是指|鼓励")


# The ordinal a paragraph's points open with (一是……。……二是……; 第一，……), no part of the heading.
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、])")


def _heading_shaped(body: str, lead_chars: int, *, opens: bool) -> bool:
    """Whether a sentence (without its final mark) is shaped as a run-in heading: one phrase
    at most ``lead_chars`` long, or — opening its paragraph — two short phrases joined by a
    comma that set no rule; either way naming nobody who acts (各地要完善……制度，按时结算药款,
    鼓励各类媒体播出体育赛事节目，普及…… and 鼓励试点城市制定相关地方性法规和规章 are tasks).
    The ordinal of a point (三是……) is left out."""
    body = _ORDINAL.sub("", body)
    if 0 < len(body) <= lead_chars and not _PHRASE_MARKS.search(body):
        return not _ACTS.search(body)
    phrases = re.split(r"[，,]", body)
    return (opens and len(phrases) == 2 and not re.search(r"[；;：:]", body)
            and all(0 < len(p) <= _PAIRED_PHRASE_CHARS for p in phrases)
            and not _RULE.search(body) and not _ACTS.search(body))


def _same_note(clause: Clause, following: Clause) -> bool:
    return (clause.section == following.section and clause.paragraph == following.paragraph
            and clause.responsibility == following.responsibility
            and clause.deadline == following.deadline)


def _shares_a_word(heading: Clause, group: Sequence[Clause]) -> bool:
    """Whether a content word of the heading, or two characters of one, comes back in the
    sentences it heads (推进智慧应急建设 — 优化完善应急指挥通信网络)."""
    generic = generic_words()
    words = {w for w in tokens(heading.text) if len(w) > 1 and w not in generic}
    pairs = {word[i:i + 2] for word in words for i in range(len(word) - 1)}
    text = "".join(clause.text for clause in group)
    return any(pair in text for pair in pairs)


def listed_items(clauses: Sequence[Clause], lead_chars: int) -> dict[int, list[int]]:
    """Index of each sentence that only opens a list (教师享有下列权利：) → indexes of its
    items: the clauses after it in its section whose ``lead_in`` it is.

    Only a short opening of one phrase that binds nobody counts: one that also says who must
    act or what follows (县级以上地方人民政府应当采取下列措施：; 有下列行为之一的，由教育行政部门
    责令改正：) says something of its own, and is judged on it.
    """
    opened: dict[int, list[int]] = {}
    for index, clause in enumerate(clauses):
        body = clause.text.strip().rstrip("：:")
        if not 0 < len(body) <= lead_chars or _PHRASE_MARKS.search(body) or _OWN_SAY.search(body):
            continue
        items = []
        for later in range(index + 1, len(clauses)):
            item = clauses[later]
            if item.section != clause.section or item.lead_in != clause.text:
                break
            items.append(later)
        if items:
            opened[index] = items
    return opened


def judge_headings(findings: Sequence[ClauseFinding], lead_chars: int,
                   name: Callable[[Clause], str], *, policy: bool) -> tuple[ClauseFinding, ...]:
    """The findings with every run-in heading that nothing carries judged by the sentences it
    heads.

    Args:
        findings: the national clauses' findings, in document order.
        lead_chars: see ``headed_sentences``.
        name: how a reviewer names a provincial clause ("二、（三）第2句").
        policy: whether the national text is a policy document, whose paragraphs open with
            run-in headings; a list's opening sentence is judged by its items in any text.
    """
    clauses = [f.clause for f in findings]
    heads = {head: (group, "list") for head, group in listed_items(clauses, lead_chars).items()}
    if policy:
        heads.update({head: (group, "heading")
                      for head, group in headed_sentences(clauses, lead_chars).items()})
    result = list(findings)
    for head, (group, kind) in heads.items():
        finding = findings[head]
        if finding.status is not Status.MISSING:
            continue
        judged = [findings[i] for i in group if findings[i].status is not Status.NOT_EXPECTED]
        if not judged:
            # It announces only what no province is expected to carry (深化国际合作。积极参与……
            # 国际规则制定): neither is it.
            reason = findings[group[0]].reason
            result[head] = replace(finding, status=Status.NOT_EXPECTED, alternatives=(),
                                   reason=Reason(reason.code, f"本句引出的各句无需地方落实：{reason.text}"))
            continue
        carried = [f for f in judged if f.status in (Status.COVERED, Status.PARTIAL)]
        if not carried:
            continue
        matches: list[Match] = []
        for f in carried:
            for match in f.matches:
                if all(match.clause.id != m.clause.id for m in matches):
                    matches.append(match)
        places = "、".join(name(m.clause) for m in matches[:3]) or "文件"
        opening, unit = (("本句是段中小标题，其后", "句") if kind == "heading"
                         else ("本句引出下列各项，其后", "项"))
        shown = f"{opening}{len(judged)}{unit}中{len(carried)}{unit}由地方{places}承接"
        # The sentences it announces are judged and listed each on its own: the heading need
        # not flag again what they flag. It stands for its task, carried when most of it is.
        if 2 * len(carried) >= len(judged):
            status = Status.COVERED
            text = shown + ("，本句随之认定为已覆盖。" if len(carried) == len(judged)
                            else "，所提任务大部分已体现，本句认定为已覆盖（其余各句另列）。")
        else:
            status = Status.PARTIAL
            text = shown + "，所提任务只体现了小部分，本句认定为部分覆盖。"
        # Its score is that of the matches it takes over, as the reviewer sees them listed.
        result[head] = replace(finding, status=status, matches=tuple(matches[:3]),
                               score=max((m.score for m in matches[:3]), default=finding.score),
                               alternatives=(), reason=Reason(kind, text))
    return tuple(result)
