"""Tables of a PDF page, found by their ruled lines and read cell by cell.

A PDF has no tables, only characters and the lines drawn between them. Read line by line, a
重点任务分工表 came out as runs of cell fragments (序号重点任务牵头单位配合单位完成时限1建立全省标准 /
统一、动态管 / …): sentences that were no sentences, listed as 本省新增, and tasks without their
units. Here the ruled lines a table is drawn with (Word, WPS and LibreOffice draw each border as a
thin line or a thin filled box) give its rows and columns; each character goes to the cell it
stands in, merged cells are told by a border missing between them, and the rows are handed to
``core.read.task_table`` as a Word table's are.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from core.read.task_table import Cell

_THIN = 2.5  # points: a border is at most this thick
_MIN_RULE = 8.0  # points: and at least this long
_NEAR = 2.5  # points: borders this close are one, and touch what they come this close to
_MIN_ROWS = 2
_MIN_COLUMNS = 2


@dataclass(frozen=True)
class _Rule:
    """A border: horizontal (``at`` is its height, ``start``/``stop`` its left and right ends)
    or vertical (``at`` is its x, ``start``/``stop`` its bottom and top)."""

    horizontal: bool
    at: float
    start: float
    stop: float


@dataclass
class Grid:
    """A ruled table on a page: the x of its column borders (left to right), the heights of its
    row borders (top to bottom), the borders themselves, and the text found in each cell."""

    columns: list[float]
    rows: list[float]
    rules: list[_Rule]
    cells: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    first_line: int = -1  # where in the page's lines the table stands

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell a point stands in, or None outside the table."""
        if not (self.columns[0] <= x <= self.columns[-1] and self.rows[-1] <= y <= self.rows[0]):
            return None
        column = next(i for i in range(len(self.columns) - 1) if x <= self.columns[i + 1])
        row = next(i for i in range(len(self.rows) - 1) if y >= self.rows[i + 1])
        return row, column

    def add(self, row: int, column: int, text: str) -> None:
        self.cells.setdefault((row, column), [""])[-1] += text

    def break_line(self, row: int, column: int) -> None:
        """A line of the page ended inside the cell: its text goes on (a wrap), on a new line."""
        lines = self.cells.get((row, column))
        if lines is not None and lines[-1]:
            lines.append("")

    def table_rows(self, join) -> list[list[Cell]]:
        """The rows as ``core.read.task_table`` takes them: a cell merged across columns is one
        cell at its first column; one merged down rows is said in its first row and marked
        ``continued`` below. ``join`` joins a cell's wrapped lines."""
        height, width = len(self.rows) - 1, len(self.columns) - 1
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for row in range(height):
            for column in range(width):
                if column and not self._ruled(False, self.columns[column], self.rows[row], self.rows[row + 1]):
                    owner[(row, column)] = owner[(row, column - 1)]
                elif row and not self._ruled(True, self.rows[row], self.columns[column], self.columns[column + 1]):
                    owner[(row, column)] = owner[(row - 1, column)]
                else:
                    owner[(row, column)] = (row, column)
        texts: dict[tuple[int, int], str] = {}
        for place, lines in sorted(self.cells.items()):
            start = owner[place]
            text = texts.get(start, "")
            for line in lines:
                text = join(text, line) if text else line
            texts[start] = text
        rows: list[list[Cell]] = []
        for row in range(height):
            cells: list[Cell] = []
            for column in range(width):
                start = owner[(row, column)]
                if start[1] != column or (column and owner[(row, column - 1)] == start):
                    continue  # covered by a cell merged from the left
                if start[0] == row:
                    cells.append(Cell(texts.get(start, "").strip(), column))
                elif owner[(row - 1, column)] == start:
                    cells.append(Cell("", column, continued=True))
            rows.append(cells)
        return rows

    def _ruled(self, horizontal: bool, at: float, start: float, stop: float) -> bool:
        """Whether a border runs at ``at`` over most of the span from ``start`` to ``stop``."""
        middle = (start + stop) / 2
        low, high = min(start, stop), max(start, stop)
        return any(rule.horizontal == horizontal and abs(rule.at - at) <= _NEAR
                   and rule.start - _NEAR <= middle <= rule.stop + _NEAR
                   and min(rule.stop, high) - max(rule.start, low) >= 0.5 * (high - low)
                   for rule in self.rules)


def page_grids(page) -> list[Grid]:
    """The ruled tables of a page (pypdfium2 ``PdfPage``) of at least two rows and two columns;
    a ruled box around text, an underline or a separator line is none."""
    rules = _rules(page)
    grids = []
    for group in _touching(rules):
        verticals = [rule for rule in group if not rule.horizontal]
        horizontals = [rule for rule in group if rule.horizontal]
        columns = _distinct(rule.at for rule in verticals)
        rows = sorted(_distinct(rule.at for rule in horizontals), reverse=True)
        if len(columns) - 1 >= _MIN_COLUMNS and len(rows) - 1 >= _MIN_ROWS:
            grids.append(Grid(columns, rows, group))
    return grids


def _rules(page) -> list[_Rule]:
    """Every border drawn on the page: a thin line or thin filled box, or the four sides of a
    stroked rectangle."""
    rules = []
    for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = item.get_bounds()
        width, height = right - left, top - bottom
        if height <= _THIN and width >= _MIN_RULE:
            rules.append(_Rule(True, (top + bottom) / 2, left, right))
        elif width <= _THIN and height >= _MIN_RULE:
            rules.append(_Rule(False, (left + right) / 2, bottom, top))
        elif width >= _MIN_RULE and height >= _MIN_RULE and _stroked_rectangle(item):
            rules += [_Rule(True, top, left, right), _Rule(True, bottom, left, right),
                      _Rule(False, left, bottom, top), _Rule(False, right, bottom, top)]
    return rules


def _stroked_rectangle(item) -> bool:
    """Whether a path is a rectangle drawn by its outline (not a filled shading)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(item.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value and pdfium_c.FPDFPath_CountSegments(item.raw) in (4, 5)


def _touching(rules: Sequence[_Rule]) -> list[list[_Rule]]:
    """The rules in groups that touch one another (one table each)."""
    parent = list(range(len(rules)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, first in enumerate(rules):
        for j in range(i + 1, len(rules)):
            second = rules[j]
            if first.horizontal == second.horizontal:
                continue
            across, along = (first, second) if first.horizontal else (second, first)
            if (across.start - _NEAR <= along.at <= across.stop + _NEAR
                    and along.start - _NEAR <= across.at <= along.stop + _NEAR):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Rule]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(root(index), []).append(rule)
    return list(groups.values())


def _distinct(values) -> list[float]:
    """The values sorted, those within ``_NEAR`` of one another as one."""
    distinct: list[float] = []
    for value in sorted(values):
        if not distinct or value - distinct[-1] > _NEAR:
            distinct.append(value)
    return distinct
