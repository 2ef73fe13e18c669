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
_UNIT_HEADER = re.compile(r"^(?:(?:牵头|配合|主要|协同)?(?:责任|牵头|配合|主责|参与|协办|协助|主办|协同)"
                          r"(?:单位|部门|处室)|责任主体)(?:[（(][^）)]{1,6}[）)])?$")
_DEADLINE_HEADER = re.compile(r"^(?:完成|推进|办结)?(?:时限|时间|期限|时间节点|时间安排|进度安排)(?:要求)?$")
# A column naming the leader in charge (牵头省领导, 责任领导): no unit, and no words of the task.
_LEADER_HEADER = re.compile(r"领导$")
_NUMBER_HEADER = re.compile(r"^(?:序号|编号|序)$")
_TASK_HEADER = re.compile(r"(?:任务|措施|内容|事项|举措|工作)")
_PLAIN_NUMBER = re.compile(r"^[\d一二三四五六七八九十百]+[.、．]?$")
# What a task's line may end with as it is (a list's lead-in keeps its colon).
_ENDS = ("。", "！", "？", "；", "!", "?", ";", "：", ":")


@dataclass(frozen=True)
class Cell:
    """A table cell as a reader found it: its text (its paragraphs one a line), the column it
    starts at, and whether it continues a vertical merge (its text is the merged cell's, in the
    row above)."""

    text: str
    column: int
    continued: bool = False


# The most rows of caption a task table has above its header (a title across the table, a line
# of 填报单位 or 单位：).
CAPTION_ROWS = 2


def task_rows(rows: Sequence[Sequence[Cell]]) -> list[str] | None:
    """The rows of a task table, each one paragraph (its words, then its note); None when the
    table is no task table — no row among its first (but a caption across the table above it)
    names a task column and a unit column.

    No text is dropped but 序号, the headers and a caption above them: a column of no known kind (项目名称) is part of
    the task's words, and a row with no task (a heading in the 序号 column, 一、数字基础设施, or
    across the table) is a paragraph of its own text. A unit or deadline cell merged down several
    rows belongs to each of them; a task cell merged down is said once, in its first row. A
    second header row (牵头单位 / 配合单位 under 责任单位) names its columns too.
    """
    start = next((index for index, row in enumerate(rows[:CAPTION_ROWS + 1]) if header_roles(row) is not None), None)
    # Above the header, only a caption across the table (西岭省……重点任务分工表), a heading left
    # out as the header is.
    if start is None or len(rows) < start + 2 or any(
            sum(1 for cell in row if cell.text.strip()) > 1 for row in rows[:start]):
        return None
    roles = header_roles(rows[start]) or {}
    body = list(rows[start + 1:])
    if body and _second_header(body[0], roles):
        body = body[1:]
    above: dict[int, str] = {}
    paragraphs: list[str] = []
    for row in body:
        words: list[str] = []
        notes: list[str] = []
        has_task = False
        for cell in row:
            role = roles.get(cell.column)
            text = cell.text.strip()
            if cell.continued:
                text = above.get(cell.column, "") if role not in (None, "task", "number") else ""
            else:
                above[cell.column] = text
            if not text or role == "leader" or (role == "number" and _PLAIN_NUMBER.match(_BLANK.sub("", text))):
                continue
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            if role in (None, "task", "number"):
                has_task = has_task or role == "task"
                words.extend(line if line.endswith(_ENDS) else line + "。" for line in lines)
            else:
                notes.append(f"{role}：{'、'.join(line.rstrip('。；;，,、') for line in lines)}")
        if words and has_task:
            paragraphs.append("".join(words) + (f"（{'；'.join(notes)}）" if notes else ""))
        elif words or notes:
            # A heading in the 序号 column or across the table, or a row of no task: its text.
            paragraphs.append("".join(word.rstrip("。") for word in words) + "".join(notes))
    return paragraphs


def header_roles(header: Sequence[Cell]) -> dict[int, str] | None:
    """Column → what it holds ("task", "number", or the note label its values take: 牵头单位,
    完成时限), from a table's first row; None unless it names a task column and a unit column —
    then the table is no task table."""
    roles: dict[int, str] = {}
    for cell in header:
        name = _BLANK.sub("", cell.text)
        if _NUMBER_HEADER.match(name):
            roles[cell.column] = "number"
        elif _UNIT_HEADER.match(name):
            roles[cell.column] = _unit_label(name)
        elif _LEADER_HEADER.search(name):
            roles[cell.column] = "leader"
        elif _DEADLINE_HEADER.match(name):
            roles[cell.column] = "完成时限"
        elif _TASK_HEADER.search(name) and len(name) <= 10:
            roles[cell.column] = "task"
    values = set(roles.values())
    if "task" not in values or not any(_UNIT_HEADER.match(v) for v in values):
        return None
    return roles


def _second_header(row: Sequence[Cell], roles: dict[int, str]) -> bool:
    """Whether a row names unit or deadline columns under the first row's (牵头单位 / 配合单位
    under a 责任单位 spanning both); if so, ``roles`` takes the names."""
    named = {cell.column: _BLANK.sub("", cell.text) for cell in row if cell.text.strip()}
    if not named or not all(_UNIT_HEADER.match(name) or _DEADLINE_HEADER.match(name)
                            for name in named.values()):
        return False
    for column, name in named.items():
        roles[column] = _unit_label(name) if _UNIT_HEADER.match(name) else "完成时限"
    return True


def _unit_label(header: str) -> str:
    """The note label a unit column's values take, as the clause stage reads notes: 牵头单位 for
    a lead column (牵头单位, 牵头责任单位, 主办单位), 配合单位 for a supporting one (配合部门, 协办单位),
    责任单位 for any other (责任单位（部门）, 主要责任单位)."""
    if re.search(r"牵头|主责|主办", header):
        return "牵头单位"
    if re.search(r"配合|协办|协助|参与|协同", header):
        return "配合单位"
    return "责任单位"
