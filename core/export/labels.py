"""What the exports say about each item: its Chinese label and colour, tallies, marked words.

This is the exports' single mapping from engine statuses to what a printed report shows (the
desktop app keeps its own). Colours are light enough for black text to stay readable, and every
coloured cell also carries its label, so the meaning survives black-and-white printing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.model import Comparison, Gap, Outline, Status
from core.review import ReviewedAddition, ReviewedClause

NOT_APPLICABLE = "not_applicable"
"""The display key of an item a reviewer marked 不适用 (not an engine status)."""

LABELS: dict[str, str] = {
    Status.COVERED.value: "已覆盖",
    Status.PARTIAL.value: "部分覆盖",
    Status.MISSING.value: "未覆盖",
    Status.ADDED.value: "本省新增",
    Status.NOT_EXPECTED.value: "无需地方落实",
    NOT_APPLICABLE: "不适用",
}

FILLS: dict[str, str] = {
    Status.COVERED.value: "A9D08E",   # green
    Status.PARTIAL.value: "FFD966",   # amber
    Status.MISSING.value: "FF9999",   # red, lightened from FF4D4D so black text stays legible
    Status.ADDED.value: "9DC3E6",     # blue
    Status.NOT_EXPECTED.value: "E7E6E6",  # light grey, paler than a reviewer's 不适用
    NOT_APPLICABLE: "D9D9D9",         # grey
}

SECTION_FILL = "EDEDED"
"""Shading of the section heading rows inside a table."""

HEADER_FILL = "D9E2F3"
"""Shading of a table's header row."""

GAP_COLOR = "C00000"
"""Font colour of national words the provincial text lacks."""

OVERRIDE_MARK = "（人工）"
"""Appended to a status label a reviewer set."""

TALLY_KEYS = (Status.COVERED.value, Status.PARTIAL.value, Status.MISSING.value,
              Status.NOT_EXPECTED.value, NOT_APPLICABLE)
"""The display keys of national clauses, in the order the summaries list them."""

PREAMBLE_NAME = "前言"


def clause_key(item: ReviewedClause) -> str:
    """The display key of a reviewed national clause: its status, or 不适用."""
    return NOT_APPLICABLE if item.not_applicable else item.status.value


def addition_key(item: ReviewedAddition) -> str:
    """The display key of a reviewed provincial addition."""
    return NOT_APPLICABLE if item.not_applicable else Status.ADDED.value


def clause_label(item: ReviewedClause) -> str:
    """The status label of a reviewed national clause, marked when a reviewer set it."""
    label = LABELS[clause_key(item)]
    if item.not_applicable or item.status is not item.finding.status:
        label += OVERRIDE_MARK
    return label


def addition_label(item: ReviewedAddition) -> str:
    """The label of a reviewed provincial addition."""
    label = LABELS[addition_key(item)]
    return label + OVERRIDE_MARK if item.not_applicable else label


class SectionIndex:
    """Names, numbering paths and top-level parts of one outline's sections, looked up by id.

    Outline.section() scans the outline; a report asks for every clause's section, so the
    answers are kept.
    """

    def __init__(self, outline: Outline) -> None:
        self._sections = {section.id: section for section in outline.sections}
        self._paths: dict[str, str] = {}

    def path(self, section_id: str) -> str:
        """The numbering path ("二、（一）"), 前言 for the preamble, the id when unknown."""
        if section_id in ("", "0"):
            return PREAMBLE_NAME
        path = self._paths.get(section_id)
        if path is None:
            labels, current = [], section_id
            while current and current != "0" and current in self._sections:
                labels.append(self._sections[current].label)
                current = self._sections[current].parent
            path = "".join(reversed(labels)) or section_id
            self._paths[section_id] = path
        return path

    def name(self, section_id: str) -> str:
        """Numbering path and title ("二、（一）强化……"), 前言 for the preamble."""
        section = self._sections.get(section_id)
        if section is None or section_id == "0":
            return self.path(section_id)
        return f"{self.path(section_id)}{section.title}"

    def top(self, section_id: str) -> str:
        """Id of the top-level ancestor of a section ("0" for the preamble)."""
        current = section_id
        while current and current != "0":
            section = self._sections.get(current)
            if section is None:
                return current.split(".")[0]
            if not section.parent:
                return current
            current = section.parent
        return "0"


def section_name(outline: Outline, section_id: str) -> str:
    """Label path and title of a section ("二、（一）强化……"), 前言 for the preamble."""
    return SectionIndex(outline).name(section_id)


def label_path(outline: Outline, section_id: str) -> str:
    """The numbering path of a section ("二、（一）"), 前言 for the preamble."""
    return SectionIndex(outline).path(section_id)


def top_level(outline: Outline, section_id: str) -> str:
    """Id of the top-level ancestor of a section ("0" for the preamble)."""
    return SectionIndex(outline).top(section_id)


@dataclass(frozen=True)
class Tally:
    """Counts of national clauses per display key, for one part of the document or all of it."""

    name: str
    total: int
    counts: dict[str, int]

    def percent(self, key: str) -> float:
        """Share of ``key`` in percent (0 when there are no clauses)."""
        return 100.0 * self.counts.get(key, 0) / self.total if self.total else 0.0


def tallies(comparison: Comparison, clauses: Sequence[ReviewedClause]) -> list[Tally]:
    """The overall tally (named 合计) first, then one per top-level part of the national text."""
    national = SectionIndex(comparison.national)
    parts: dict[str, dict[str, int]] = {}
    for item in clauses:
        part = national.top(item.finding.clause.section)
        counts = parts.setdefault(part, dict.fromkeys(TALLY_KEYS, 0))
        counts[clause_key(item)] += 1
    overall = dict.fromkeys(TALLY_KEYS, 0)
    for counts in parts.values():
        for key, value in counts.items():
            overall[key] += value
    rows = [Tally("合计", len(clauses), overall)]
    for part, counts in parts.items():
        rows.append(Tally(national.name(part), sum(counts.values()), counts))
    return rows


def describe_gaps(gaps: Iterable[Gap]) -> str:
    """What a match lacks, as one Chinese line ("缺少关键词“一网通办”；约束减弱：确保→力争")."""
    return "；".join(gap.describe() for gap in gaps)


GAP_MARK = "gap"
"""A span of national text whose term, number or deadline the provincial text lacks."""

BINDING_MARK = "binding"
"""A span holding a binding word the provincial text weakens."""


def _find_all(text: str, needle: str) -> list[int]:
    starts, start = [], text.find(needle)
    while needle and start >= 0:
        starts.append(start)
        start = text.find(needle, start + len(needle))
    return starts


def marked_segments(text: str, gaps: Iterable[Gap]) -> list[tuple[str, str]]:
    """Split a national text into (piece, mark) runs, mark "" / GAP_MARK / BINDING_MARK.

    Every occurrence of a lacking term, number or deadline is marked; a binding gap marks its
    strong word. Words that do not occur literally in the text are left unmarked.
    """
    marks = [""] * len(text)
    for gap in gaps:
        mark = BINDING_MARK if gap.kind == "binding" else GAP_MARK
        for start in _find_all(text, gap.national):
            for index in range(start, start + len(gap.national)):
                # A lacking term outranks a weakened word where the two overlap.
                if marks[index] != GAP_MARK:
                    marks[index] = mark
    segments: list[tuple[str, str]] = []
    for char, mark in zip(text, marks):
        if segments and segments[-1][1] == mark:
            segments[-1] = (segments[-1][0] + char, mark)
        else:
            segments.append((char, mark))
    return segments


def shown_gaps(item: ReviewedClause) -> tuple[Gap, ...]:
    """The gaps a report shows: only while an item stays partial against the engine's own match."""
    finding = item.finding
    if item.not_applicable or item.status is not Status.PARTIAL or not finding.matches:
        return ()
    if item.match is None or item.match.clause.id != finding.matches[0].clause.id:
        return ()
    return finding.gaps


def national_text(item: ReviewedClause) -> str:
    """A national clause's text as the reports print it, its deadline put back after it."""
    clause = item.finding.clause
    if clause.deadline and clause.deadline not in clause.text:
        return f"{clause.text}（{clause.deadline}）"
    return clause.text


def score_text(item: ReviewedClause) -> str:
    """The shown match's similarity, "—" when there is none (or the reviewer picked it by hand)."""
    if item.match is None or item.match.score <= 0:
        return "—"
    return f"{item.match.score:.0f}"


def metadata_text(responsibility: Sequence[str], deadline: str) -> str:
    """Responsibility units and deadline of a clause as a bracketed note, "" when it has none."""
    parts = []
    if responsibility:
        parts.append("责任单位：" + "、".join(responsibility))
    if deadline:
        parts.append("时限：" + deadline)
    return f"（{'；'.join(parts)}）" if parts else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(text: str) -> str:
    """Text without the control characters XML (so .docx and .xlsx) cannot hold.

    A vertical tab or form feed from a Word source would otherwise abort the whole export.
    """
    return _CONTROL.sub("", text)


def format_date(day) -> str:
    """A date the way official documents print it: 2024年5月1日."""
    return f"{day.year}年{day.month}月{day.day}日"
