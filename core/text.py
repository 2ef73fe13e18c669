"""Text helpers shared by the stages: width folding and Chinese numerals."""

from __future__ import annotations

import re

# Full-width ASCII variants (！ to ～) sit at a fixed offset from their half-width forms.
_FULLWIDTH_OFFSET = 0xFEE0
_FOLD_TABLE = {code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20  # ideographic space

# Half-width punctuation to the full-width form Chinese official text uses.
_TO_FULLWIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）",
                               "!": "！", "?": "？"})

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}，。、；：！？（）“”])[ \t\u3000]+(?=[{_CJK}，。、；：！？（）“”])")


def fold_width(text: str) -> str:
    """Map full-width ASCII letters, digits and punctuation to half-width (for pattern matching)."""
    return text.translate(_FOLD_TABLE)


def to_fullwidth_punctuation(text: str) -> str:
    """Map half-width , ; : ( ) ! ? to their full-width forms; leaves dots and digits alone."""
    return text.translate(_TO_FULLWIDTH)


def squeeze_cjk_spaces(text: str) -> str:
    """Remove spaces sitting between two CJK characters or CJK punctuation."""
    return _SPACE_BETWEEN_CJK.sub("", text)


_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CHINESE_NUMERAL = "零〇○一二两三四五六七八九十百千"


def chinese_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as "三", "十二", "二十一", "一百零五"; digits pass through.

    Raises:
        ValueError: when the string is not a numeral.
    """
    numeral = fold_width(numeral.strip())
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    total, current = 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current
