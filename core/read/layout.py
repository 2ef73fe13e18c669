"""Printed pages to paragraphs: the layout rules shared by the readers of fixed-layout formats
(PDF, OFD). A reader gives each page's text lines with their geometry; running headers, footers
and page numbers are dropped, and the lines are joined into paragraphs by indent, spacing, line
length and sentence ends."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from core.model import Paragraph
from core.read.normalize import is_cjk, normalize_paragraph_text

# Page-number lines, matched after removing all whitespace: "— 3 —", "- 3 -", "—3—", "3",
# "第3页", "第 3 页 共 10 页", "共10页 第3页", "3/10", "Page 3 of 10".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－―─~～_·•]*\d{1,4}[-—–－―─~～_·•]*"
    r"|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?"
    r"|共\d{1,4}页[,，/]?第\d{1,4}页"
    r"|\d{1,4}/\d{1,4}"
    r"|(?:page)?\d{1,4}(?:of\d{1,4})?)$",
    re.IGNORECASE,
)
# The start of a numbered heading or item: 一、 （一） (一) 1. 1． 1、 （1） ① 第X章 第X条 …
_NUMBERING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+、"
    # Not a reference that a line happens to begin with (（二）项规定的; 第二百三十二条的规定).
    r"|[（(][一二三四五六七八九十百]+[）)](?![项目款、和或及])"
    r"|\d{1,3}[.．、](?!\d)"
    r"|[（(]\d{1,3}[）)]"
    r"|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u2487]"
    r"|第[一二三四五六七八九十百千零〇\d]+[编章节条部分](?![的、和或及至第款项之中（(]|规定))"
)
# A line stopping inside a word (……建立全省标准统): the sentence goes on on the next line. Not a
# line ending in a bracket, a comma or any other mark (……（责任单位：省数据局）).
_MID_WORD_END = re.compile(r"[\u4e00-\u9fff]$")
# Punctuation that ends a sentence or introduces what follows; closing quotes and brackets
# after it count too ("……意见。”").
SENTENCE_END = re.compile(r"[。！？：；.!?:;…][”’」』》〉)）\]】]*$")


@dataclass
class Line:
    """One text line of a page, with the geometry the paragraph joiner needs: any unit (PDF points,
    OFD millimetres), with heights growing up the page."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    in_table: bool = False  # a table's row or cell, read whole: a paragraph of its own


def is_page_number_line(text: str) -> bool:
    """Whether a line is only a page number ("— 3 —", "第 3 页 共 10 页", "3")."""
    return _PAGE_NUMBER_RE.match(re.sub(r"\s+", "", text)) is not None


def starts_with_numbering(text: str) -> bool:
    """Whether a line begins with an official numbering marker (一、 （一） 1. ① 第三条)."""
    return _NUMBERING_START_RE.match(text.lstrip()) is not None



def _edge_key(text: str) -> str:
    """A header/footer line with digits masked, so "第3页" and "第4页" compare equal."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _line_pitch(lines: list[Line]) -> float:
    """The usual distance between the baselines of consecutive lines on a page (0 if unknown)."""
    pitches = [
        a.bottom - b.bottom
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 < a.bottom - b.bottom < 4 * max(a.size, 1)
    ]
    return statistics.median(pitches) if pitches else 0.0


_DRAWN_LAST = 5  # the most lines a text box above a page's text holds


def in_reading_order(pages: list[list[Line]]) -> None:
    """Put the few lines drawn last on a page but standing above all its text (a text box holding
    the issuer's mark, 西岭省人民政府文件, which PDFs give last) at the head of the page, in place.
    Left last, such a line followed the page number and was read as a sentence of the body."""
    for lines in pages:
        if len(lines) < 2:
            continue
        # The last few lines, when they stand above every line before them.
        start = len(lines)
        for count in range(1, min(_DRAWN_LAST, (len(lines) - 1) // 2) + 1):
            last = lines[-count:]
            if any(line.in_table for line in last):
                break
            if min(line.bottom for line in last) > max(line.top for line in lines[:-count]):
                start = len(lines) - count
        if start < len(lines):
            lines[:] = lines[start:] + lines[:start]


def remove_running_lines(pages: list[list[Line]]) -> None:
    """Drops page numbers and running headers/footers, in place.

    A running line repeats, digits aside, among the first or last three lines of most pages,
    at the same height on each, and stands apart from the body by more than a line's pitch:
    body text that happens to repeat fails one of these.
    """
    with_text = [lines for lines in pages if lines]
    threshold = max(2, (len(with_text) + 1) // 2)
    every = [line for lines in with_text for line in lines]
    pitch = _line_pitch(every)
    body_size = statistics.median(line.size for line in every) if every else 0.0

    def apart(line: Line, neighbour: Line | None) -> bool:
        if neighbour is None or not pitch:
            return True
        gap = abs(line.bottom - neighbour.bottom)
        # Set smaller than the body (a 11-pt header over 16-pt text), a line apart by more than
        # a pitch stands apart: the pitch counts the gaps between paragraphs too.
        smaller = line.size < 0.85 * body_size
        return gap > 1.5 * pitch or (smaller and gap > pitch)

    def running_keys(top: bool) -> set[str]:
        heights: dict[str, list[float]] = {}
        for lines in with_text:
            ordered = lines if top else lines[::-1]
            candidates: dict[str, Line] = {}
            for position, line in enumerate(ordered[:3]):
                inner = ordered[position + 1] if position + 1 < len(ordered) else None
                if apart(line, inner):
                    candidates.setdefault(_edge_key(line.text), line)
            for key, line in candidates.items():
                heights.setdefault(key, []).append(line.bottom)
        keys = set()
        for key, values in heights.items():
            middle = statistics.median(values)
            if sum(abs(value - middle) <= 3 for value in values) >= threshold:
                keys.add(key)
        return keys

    running_top = running_keys(top=True)
    running_bottom = running_keys(top=False)
    for lines in pages:
        # Up to three lines at each edge: a header, a rule of text, a page number.
        for _ in range(3):
            if lines and (is_page_number_line(lines[0].text) or _edge_key(lines[0].text) in running_top):
                lines.pop(0)
        for _ in range(3):
            if lines and (is_page_number_line(lines[-1].text) or _edge_key(lines[-1].text) in running_bottom):
                lines.pop()


def remove_footnotes(pages: list[list[Line]], marks: list[set[str]]) -> None:
    """Drops the footnotes closing a page, in place: the lines after the page's last wide gap
    when they open with a reference mark the page's text carries (``marks``, per page: the
    small raised digits taken out of its lines). Read as text, a note (1国发〔2022〕14号，2022年
    6月6日印发。) became a sentence of the section the page ended in, and split a sentence that
    went on over the page. Run after ``remove_running_lines``."""
    pitch = _line_pitch([line for lines in pages for line in lines])
    if not pitch:
        return
    for lines, page_marks in zip(pages, marks):
        gaps = [index for index in range(1, len(lines))
                if lines[index - 1].bottom - lines[index].bottom > 1.5 * pitch]
        if not gaps or not page_marks:
            continue
        first = lines[gaps[-1]].text.lstrip()
        mark = re.match(r"[0-9*＊]+", first)
        if mark and mark.group(0) in page_marks and len(first) > len(mark.group(0)):
            del lines[gaps[-1]:]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


class _Layout:
    """The text block of the document: its left and right edges and the usual line pitch."""

    def __init__(self, lines: list[Line]) -> None:
        self.right = percentile([line.right for line in lines], 0.9)
        self.left = percentile([line.left for line in lines], 0.1)
        self.pitch = _line_pitch(lines)
        # How this document marks a new paragraph: a first-line indent, extra space, or neither
        # (then a sentence-final punctuation mark at the line end is the only hint left).
        starts = [b for a, b in zip(lines, lines[1:]) if not self.is_full(a)]
        self.indented = bool(starts) and sum(self.is_indented(b) for b in starts) >= 0.5 * len(starts)
        gaps_after_short = [
            a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and not self.is_full(a)
        ]
        self.spaced = bool(gaps_after_short) and self.pitch > 0 and (
            statistics.median(gaps_after_short) > 1.3 * self.pitch
        )

    def is_full(self, line: Line) -> bool:
        """The line runs from (near) the left edge to the right edge: the paragraph may go on."""
        em = max(line.size, 1.0)
        return line.left <= self.left + 3 * em and line.right >= self.right - 2 * em

    def is_indented(self, line: Line) -> bool:
        """The line starts right of the text block's left edge (first-line indent, centring)."""
        return line.left > self.left + 1.0 * max(line.size, 1.0)

    def ends_paragraph(self, line: Line, following: Line) -> bool:
        """Whether a paragraph ends after this line, given the line that follows it."""
        if not self.is_full(line):
            return True  # clearly shorter than the usual line: the paragraph's last line
        if self.is_indented(following):
            return True  # continuation lines start at the left edge
        if max(line.size, following.size) > _SIZE_CHANGE * min(line.size, following.size):
            return True  # a paragraph keeps its size: a 22-pt title, then the 16-pt note under it
        if line.page == following.page and self.pitch and line.bottom - following.bottom > 1.4 * self.pitch:
            return True
        if starts_with_numbering(following.text):
            # In a document that indents its paragraphs and headings, a full line stopping
            # mid-sentence goes on at the left edge, even where the next line happens to begin
            # 一、 (……建立全省标准统 / 一、动态管理的政务数据目录): it was read as a new part.
            return not self.indented or _MID_WORD_END.search(line.text.rstrip()) is None
        if SENTENCE_END.search(line.text.rstrip()):
            # A full line that happens to end a sentence usually goes on when the document marks
            # its paragraphs by indent or spacing, which were checked above.
            return not (self.indented or self.spaced)
        return False


# How much larger one line's type may be than the next's within one paragraph (a title set in
# 二号, 22 pt, above a note or text in 三号, 16 pt, differs by 1.375).
_SIZE_CHANGE = 1.2


def join_lines(left: str, right: str) -> str:
    """Joins two lines of one paragraph: CJK without a space, Latin words with one."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        return left[:-1] + right  # a word hyphenated at the line end
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    return f"{left} {right}"


def paragraphs_of(lines: list[Line]) -> list[Paragraph]:
    """The paragraphs of a document's lines, in reading order across its pages."""
    if not lines:
        return []
    layout = _Layout(lines)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        text = current[0].text
        for line in current[1:]:
            text = join_lines(text, line.text)
        text = normalize_paragraph_text(text)
        if text:
            # Centred: equal margins on both sides, and not flush with the edges as justified
            # body lines are (a centred title may nearly fill the line).
            centered = all(
                abs((line.left - layout.left) - (layout.right - line.right)) < max(line.size, 1.0)
                and line.left - layout.left > 0.25 * max(line.size, 1.0)
                for line in current
            )
            paragraphs.append(Paragraph(text=text, bold=all(line.bold for line in current), centered=centered))
        current.clear()

    for line, following in zip(lines, lines[1:] + [None]):
        if line.in_table:
            flush()
            text = normalize_paragraph_text(line.text)
            if text:
                paragraphs.append(Paragraph(text=text, in_table=True))
            continue
        current.append(line)
        if following is None or following.in_table or layout.ends_paragraph(line, following):
            flush()
    flush()
    return paragraphs
