"""Paragraph text clean-up shared by every reader: edge whitespace and spaces between CJK."""

from __future__ import annotations

import re

# Zero-width characters are invisible in every viewer yet break matching, so they are removed
# everywhere, not only at the edges. U+FEFF is a BOM that survived inside the text.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")

# "CJK" for the purpose of deleting spaces: ideographs and the full-width punctuation and
# symbols that sit between them. A space between two of these is an artefact of justification,
# letter-spacing ("国 务 院") or PDF extraction, never meaningful.
_CJK_CLASS = (
    "\u2e80-\u2fdf"  # radicals
    "\u3001-\u303f"  # CJK symbols and punctuation 、。〈〉《》「」【】〔〕 (not U+3000, a space)
    "\u3040-\u30ff"  # kana (rare in policy texts, but not Latin)
    "\u3100-\u312f\u31a0-\u31bf"  # bopomofo
    "\u3200-\u33ff"  # enclosed CJK, compatibility (㈠ ㊀)
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\ufe30-\ufe4f"  # compatibility forms
    "\uff01-\uff60\uffe0-\uffe6"  # full-width forms （）：；，！？
    "\u2018-\u201f\u2026\u2014\u2015\u00b7"  # curly quotes, ellipsis, dashes, middle dot
    "\u2460-\u24ff"  # enclosed alphanumerics ① ⑴ ⒈
    "\U00020000-\U0003134f"  # ideograph extensions B–H
)
CJK_CHAR_RE = re.compile(f"[{_CJK_CLASS}]")

# Horizontal whitespace that may appear inside a paragraph: ASCII, NBSP, ideographic space,
# the typographic spaces U+2000–U+200A, narrow NBSP and the medium mathematical space.
_SPACES = " \t\u00a0\u3000\u202f\u205f" + "".join(chr(code) for code in range(0x2000, 0x200B))
_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"
_SPACE_CLASS = re.escape(_SPACES)
_BREAK_CLASS = re.escape(_BREAKS)
_SPACES_BETWEEN_CJK_RE = re.compile(
    f"(?<=[{_CJK_CLASS}])[{_SPACE_CLASS}{_BREAK_CLASS}]+(?=[{_CJK_CLASS}])"
)
# Line breaks or tabs left inside a paragraph (a soft line break in Word, a tab after a label)
# read as one space between non-CJK text.
_BREAK_RUN_RE = re.compile(f"[{_SPACE_CLASS}]*[\t{_BREAK_CLASS}][{_SPACE_CLASS}{_BREAK_CLASS}]*")
_EDGE_CHARS = _SPACES + _BREAKS + _ZERO_WIDTH


def normalize_paragraph_text(text: str) -> str:
    """Cleans one paragraph's text the same way for every format.

    Strips whitespace (including U+3000, NBSP and zero-width characters) at both ends, removes
    zero-width characters inside, and deletes runs of spaces or line breaks that sit between two
    CJK characters. Punctuation width is left alone: the outline stage deals with it.

    Args:
        text: the raw text of a paragraph.

    Returns:
        The cleaned text, possibly empty.
    """
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _SPACES_BETWEEN_CJK_RE.sub("", text)
    text = _BREAK_RUN_RE.sub(" ", text)
    return text.strip(_EDGE_CHARS)


def is_cjk(char: str) -> bool:
    """True when the character is an ideograph or full-width CJK punctuation."""
    return bool(char) and CJK_CHAR_RE.fullmatch(char) is not None
