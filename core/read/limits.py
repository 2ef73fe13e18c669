"""Size limits every reader enforces, so any accepted file is compared within 1 GB and 60 s.

The limits are on what the comparison works on — characters of text and paragraphs — and on
what a parser must build before the text is known (unpacked XML of a .docx, HTML markup and its
nesting, PDF pages). A file over a limit is refused at once with a message naming the limit.
Measured by ``python -m bench.hostile``.
"""

from __future__ import annotations

import re

from core.errors import DocumentTooLargeError

_SENTENCE_END_RE = re.compile(r"[。！？；!?;]+(?=.)")  # an end with more text after it in the paragraph

MAX_CHARACTERS = 110_000
"""Characters of text in one document (about 110 pages; the longest national statutes and
guidelines have 30,000–105,000). Two statutes of 150,000 characters each peak at 1.5 GB in the
article-similarity step (a dense article × feature matrix in core/align.py)."""
MAX_PARAGRAPHS = 8_000
"""Paragraphs (lines) in one document."""
MAX_SENTENCES = 8_000
"""Sentences in one document (the comparison's work grows with the product of both counts)."""
MAX_XML_BYTES = 40 * 1024 * 1024
"""Unpacked XML of a .docx (document, styles, numbering …); pictures do not count."""
MAX_HTML_BYTES = 10 * 1024 * 1024
"""A saved web page."""
MAX_HTML_MARKUP = 200_000
"""Tag openings ("<") in a web page: what the HTML parser's time and memory grow with."""
MAX_HTML_DEPTH = 256
"""Nesting of tags in a web page (libxml2's own default limit)."""
MAX_PDF_PAGES = 2_000
"""Pages of a PDF."""

_ADVICE = "请删去与对照无关的部分（附件、附表等）或拆分文件后再对照。"


def _wan(number: int) -> str:
    """"30 万" for 300000, "8,000 " for 8000: what goes before the unit (字, 段, 句)."""
    return f"{number // 10_000:g} 万" if number >= 10_000 and number % 10_000 == 0 else f"{number:,} "


def too_many_characters(path: str | None, seen: int | None = None) -> DocumentTooLargeError:
    """The error for a document with more text than MAX_CHARACTERS."""
    counted = f"（至少 {seen:,} 字）" if seen else ""
    return DocumentTooLargeError(
        f"文件文字过多{counted}，超过每个文件 {_wan(MAX_CHARACTERS)}字的上限。{_ADVICE}", path=path)


def too_many_paragraphs(path: str | None, seen: int | None = None) -> DocumentTooLargeError:
    """The error for a document with more paragraphs than MAX_PARAGRAPHS."""
    counted = f"（至少 {seen:,} 段）" if seen else ""
    return DocumentTooLargeError(
        f"文件段落过多{counted}，超过每个文件 {_wan(MAX_PARAGRAPHS)}段的上限。{_ADVICE}", path=path)


def too_many_sentences(path: str | None, seen: int | None = None) -> DocumentTooLargeError:
    """The error for a document with more sentences than MAX_SENTENCES."""
    counted = f"（至少 {seen:,} 句）" if seen else ""
    return DocumentTooLargeError(
        f"文件句子过多{counted}，超过每个文件 {_wan(MAX_SENTENCES)}句的上限。{_ADVICE}", path=path)


class TextBudget:
    """Counts text as a reader produces it and stops the reader once a limit is passed."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.characters = 0
        self.paragraphs = 0
        self.sentences = 0

    def add(self, text: str) -> None:
        """Count one paragraph of text.

        Raises:
            DocumentTooLargeError: the document has passed MAX_CHARACTERS, MAX_PARAGRAPHS or
                MAX_SENTENCES.
        """
        self.characters += len(text)
        self.paragraphs += 1
        self.sentences += 1 + len(_SENTENCE_END_RE.findall(text))
        if self.characters > MAX_CHARACTERS:
            raise too_many_characters(self.path, self.characters)
        if self.paragraphs > MAX_PARAGRAPHS:
            raise too_many_paragraphs(self.path, self.paragraphs)
        if self.sentences > MAX_SENTENCES:
            raise too_many_sentences(self.path, self.sentences)


def check_paragraphs(paragraphs, path: str | None) -> None:
    """Apply the text limits to a document's paragraphs (objects with a ``text``).

    Raises:
        DocumentTooLargeError: over MAX_CHARACTERS, MAX_PARAGRAPHS or MAX_SENTENCES.
    """
    budget = TextBudget(path)
    for paragraph in paragraphs:
        budget.add(paragraph.text)


def check_raw_text(text: str, path: str | None) -> None:
    """Refuse at once a decoded text so long that its paragraphs cannot fit the limits.

    Whitespace and line breaks count here, so the bound is generous: four times the limit.
    """
    if len(text) > 4 * MAX_CHARACTERS:
        raise too_many_characters(path, None)
