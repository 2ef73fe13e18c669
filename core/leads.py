"""Run-in headings of policy paragraphs (段中小标题), judged by the sentences they head.

A State Council guideline opens most of its points with a short sentence that names the task,
then says what it means: 提升辅助决策能力。建立健全大数据辅助科学决策机制，统筹推进……。
In the printed document the first is set in bold as a run-in heading. A province that carries
the task writes its substance — often as a task of its own list — and rarely repeats the
heading sentence. Read on its own, the heading then has nothing to match and would be listed
as 未覆盖 while everything it announces is carried. So a heading sentence nothing carries takes
the verdict of the sentences it heads: covered when all of them are covered, partial when some
of them are carried, missing when none is.

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


def judge_headings(findings: Sequence[ClauseFinding], lead_chars: int,
                   name: Callable[[Clause], str]) -> tuple[ClauseFinding, ...]:
    """The findings with every run-in heading that nothing carries judged by the sentences it
    heads.

    Args:
        findings: the national clauses' findings, in document order.
        lead_chars: see ``headed_sentences``.
        name: how a reviewer names a provincial clause ("二、（三）第2句").
    """
    result = list(findings)
    for head, group in headed_sentences([f.clause for f in findings], lead_chars).items():
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
        places = "、".join(name(m.clause) for m in matches[:3])
        if len(carried) == len(judged) and all(f.status is Status.COVERED for f in judged):
            status = Status.COVERED
            text = (f"本句是段中小标题，其后{len(judged)}句的要求均已由地方{places}承接，"
                    "本句随之认定为已覆盖。")
        else:
            status = Status.PARTIAL
            text = (f"本句是段中小标题，其后{len(judged)}句中有{len(carried)}句由地方{places}承接"
                    "（其余未完全承接），本句随之认定为部分覆盖。")
        result[head] = replace(finding, status=status, matches=tuple(matches[:3]),
                               alternatives=(), reason=Reason("heading", text))
    return tuple(result)
