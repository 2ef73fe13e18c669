"""Text broken into lines of one width (copied out of a PDF viewer, pasted into Word or a web
page): the lines joined back into the paragraphs they were cut from.

A document is taken as hard-wrapped only when most of its longer lines stop within a character
or two of one width, and a good share of those stop inside a sentence. A line that reaches that
width and stops inside a sentence goes on in the next line, unless the next line opens with a
number (一、 （一） 第一条 1.) or the paragraph is a table's. Text written a paragraph a line
never looks so: its lines are as long as their paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from core.model import Paragraph
from core.read.layout import SENTENCE_END, join_lines, percentile, starts_with_numbering
from core.text import DOC_NUMBER

_LONG_LINE = 10  # lines shorter than this many full-width characters say nothing of the width
_LINES = 12  # the fewest long lines to judge a width by
_SLACK = 2.5  # how far short of the width a full line may stop (no punctuation at a line's start)
_FULL_SHARE = 0.5  # of the long lines, the share that must reach the width
_CUT_SHARE = 0.3  # of those, the share that must stop inside a sentence

WARNING = "文字按固定宽度折行（常见于从 PDF 复制的文字），已将{count}处折行接回所在段落，请核对分段。"


def display_width(text: str) -> float:
    """A line's width in full-width characters: a Chinese character one, a Latin letter or
    digit a half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def unwrapped(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], int]:
    """The paragraphs with hard-wrapped lines joined back, and how many joins were made (0, and
    the paragraphs as they were, for a text that is not hard-wrapped)."""
    widths = [display_width(p.text) if not p.in_table else 0.0 for p in paragraphs]
    long = [w for w in widths if w >= _LONG_LINE]
    if len(long) < _LINES:
        return paragraphs, 0
    width = percentile(long, 0.9)
    full = [i for i, w in enumerate(widths) if w >= width - _SLACK]
    cut = {i for i in full if not SENTENCE_END.search(paragraphs[i].text)}
    if len(full) < _FULL_SHARE * len(long) or len(cut) < _CUT_SHARE * len(full):
        return paragraphs, 0
    full_lines = set(full)
    joined: list[Paragraph] = [paragraphs[0]]
    count = 0
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        before = joined[-1]
        goes_on = index - 1 in full_lines and (index - 1 in cut or _unclosed(before.text))
        # Not into the title (the first line), a centred line or an 附件 line; not a 发文字号, a
        # date or a numbered line.
        if (goes_on and index - 1 > 0 and not (before.centered or paragraph.centered)
                and not _ATTACHMENT_LINE.match(before.text)
                and not paragraph.in_table and not paragraph.numbering
                and not starts_with_numbering(paragraph.text)
                and not (_NUMBER_START.match(paragraph.text) or _DATE_LINE.match(paragraph.text))):
            joined[-1] = replace(before, text=join_lines(before.text, paragraph.text))
            count += 1
        else:
            joined.append(paragraph)
    return tuple(joined), count


def _unclosed(text: str) -> bool:
    """Whether a bracket, a book title or a quotation opened in the text is still open: the
    paragraph goes on (……；配合单位： / 省教育厅）)."""
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS)


_ATTACHMENT_LINE = re.compile(r"^附\s*件")  # 附件：……分工表, a line of its own above the signature
_PAIRS = (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”"), ("【", "】"))
# A 发文字号 opening a line (签发人 may follow it), or a date line (2019年2月20日).
_NUMBER_START = re.compile(DOC_NUMBER.pattern.rstrip("$"))
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月[^。]{0,6}$")
