"""A table of tasks (重点任务分工表) read as its rows, each one task with its note.

Provincial plans often set their tasks, or share them out, in a table: 序号 / 重点任务 / 具体措施 /
牵头单位 / 配合单位 / 完成时限. Read cell by cell, every cell was a paragraph of its own: the
numbers, the headers and the units became sentences (listed as 本省新增), and the tasks had no
责任单位. Read by ``task_rows``, each row is one paragraph, the task's words followed by a note in
the form the rest of the text uses (（牵头单位：省数据局；完成时限：2024年底前）), which the clause
stage reads as it reads any other note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_BLANK = re.compile(r"[\s\u3000]+")
# What a column holds, by its header.
_UNIT_HEADER = re.compile(r"^(?:(?:责任|牵头|配合|主责|参与|协办|协助|主办|协同)(?:单位|部门|处室)|责任主体)$")
_DEADLINE_HEADER = re.compile(r"^(?:完成)?(?:时限|时间|时间节点|时间安排|进度安排)$")
_NUMBER_HEADER = re.compile(r"^(?:序号|编号|序)$")
_TASK_HEADER = re.compile(r"(?:任务|措施|内容|事项|举措|工作|目标)")
_SENTENCE_END = "。！？；!?;"


@dataclass(frozen=True)
class Cell:
    """A table cell as a reader found it: its text (its paragraphs one a line), the column it
    starts at, and whether it continues a vertical merge (its text is the merged cell's, in the
    row above)."""

    text: str
    column: int
    continued: bool = False


def task_rows(rows: Sequence[Sequence[Cell]]) -> list[str] | None:
    """The rows of a task table, each one paragraph (task words, then its note); None when the
    table is no task table — its first row does not name a task column and a unit column.

    A row spanning the table (一、数字政府能力建设) is a paragraph of its own text. A unit or
    deadline cell merged down several rows belongs to each of them; a task cell merged down
    is said once, in its first row.
    """
    if len(rows) < 2:
        return None
    roles = _roles(rows[0])
    if roles is None:
        return None
    above: dict[int, str] = {}
    paragraphs: list[str] = []
    for row in rows[1:]:
        if len(row) == 1 and not row[0].continued:
            if row[0].text.strip():
                paragraphs.append(row[0].text.strip())  # a heading across the table
            continue
        task: list[str] = []
        notes: list[str] = []
        for cell in row:
            role = roles.get(cell.column)
            text = cell.text.strip()
            if cell.continued:
                text = above.get(cell.column, "") if role not in (None, "task", "number") else ""
            else:
                above[cell.column] = text
            if not text or role in (None, "number"):
                continue
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            if role == "task":
                task.extend(line if line.endswith(tuple(_SENTENCE_END)) else line + "。"
                            for line in lines)
            else:
                notes.append(f"{role}：{'、'.join(line.rstrip('。；;，,、') for line in lines)}")
        if task:
            paragraphs.append("".join(task) + (f"（{'；'.join(notes)}）" if notes else ""))
    return paragraphs


def _roles(header: Sequence[Cell]) -> dict[int, str] | None:
    """Column → what it holds ("task", "number", or the note label its values take: 牵头单位,
    完成时限); None unless there is a task column and a unit column."""
    roles: dict[int, str] = {}
    for cell in header:
        name = _BLANK.sub("", cell.text)
        if _NUMBER_HEADER.match(name):
            roles[cell.column] = "number"
        elif _UNIT_HEADER.match(name):
            roles[cell.column] = name
        elif _DEADLINE_HEADER.match(name):
            roles[cell.column] = "完成时限"
        elif _TASK_HEADER.search(name) and len(name) <= 10:
            roles[cell.column] = "task"
    values = set(roles.values())
    if "task" not in values or not any(_UNIT_HEADER.match(v) for v in values):
        return None
    return roles
