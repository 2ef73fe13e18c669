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

A heading sentence is recognised by its shape alone: it is not the last sentence of its
paragraph, it is short (``Parameters.lead_chars`` characters at most) and it is one phrase
(no comma, semicolon or colon). It heads the sentences after it up to the next such sentence
or the end of the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from core.model import Clause, ClauseFinding, Match, Reason, Status

# Marks that split a sentence into phrases; a run-in heading has none of them.
_PHRASE_MARKS = re.compile(r"[，,；;：:]")
_END_MARKS = "。！？!?"


def headed_sentences(clauses: Sequence[Clause], lead_chars: int) -> dict[int, list[int]]:
    """Index of each run-in heading sentence → indexes of the sentences it heads.

    Args:
        clauses: a document's clauses, in order.
        lead_chars: the longest a heading sentence may be, in characters, without its final
            mark.
    """
    def is_heading(text: str) -> bool:
        body = text.strip().rstrip(_END_MARKS)
        return 0 < len(body) <= lead_chars and not _PHRASE_MARKS.search(body)

    heads: dict[int, list[int]] = {}
    start = 0
    while start < len(clauses):
        end = start  # clauses start..end form one paragraph
        while (end + 1 < len(clauses) and clauses[end + 1].section == clauses[start].section
               and clauses[end + 1].paragraph == clauses[start].paragraph):
            end += 1
        head = None
        for index in range(start, end + 1):
            if index < end and is_heading(clauses[index].text):
                head = index
                heads[head] = []
            elif head is not None:
                heads[head].append(index)
        start = end + 1
    return {head: group for head, group in heads.items() if group}


def listed_items(clauses: Sequence[Clause], lead_chars: int) -> dict[int, list[int]]:
    """Index of each sentence that only opens a list (教师享有下列权利：) → indexes of its
    items: the clauses after it in its section whose ``lead_in`` it is.

    Only a short opening of one phrase counts: one that also names who acts or what follows
    (有下列行为之一的，由教育行政部门责令改正：) says something of its own, and is judged on it.
    """
    opened: dict[int, list[int]] = {}
    for index, clause in enumerate(clauses):
        body = clause.text.strip().rstrip("：:")
        if not 0 < len(body) <= lead_chars or _PHRASE_MARKS.search(body):
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
