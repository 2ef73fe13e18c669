"""Word list numbering (numbering.xml): the labels Word draws before numbered paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from core.read.numerals import format_number
from core.read.word_styles import StyleSheet, int_attr, on_off

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_LEVELS = 9


@dataclass(frozen=True)
class Level:
    """One w:lvl of a list definition.

    Attributes:
        start: w:start (ECMA-376 default 0).
        num_fmt: w:numFmt ("decimal", "chineseCounting", "bullet" …).
        text: w:lvlText ("%1、", "（%1）", "%1.%2").
        restart: w:lvlRestart (1-based level after which to restart, 0 never), None if absent.
        legal: w:isLgl — show every level's number in Arabic digits.
        style_id: w:pStyle — a paragraph style tied to this level.
    """

    start: int = 0
    num_fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style_id: str | None = None


def _parse_level(element) -> Level:
    num_fmt_element = element.find(qn("w:numFmt"))
    if num_fmt_element is None:
        # Word 2010+ writes custom formats inside mc:AlternateContent with a plain fallback.
        num_fmt_element = element.find(f"{{{_MC_NS}}}AlternateContent/{{{_MC_NS}}}Fallback/{qn('w:numFmt')}")
    text_element = element.find(qn("w:lvlText"))
    style_element = element.find(qn("w:pStyle"))
    return Level(
        start=int_attr(element.find(qn("w:start")), 0),
        num_fmt=num_fmt_element.get(qn("w:val"), "decimal") if num_fmt_element is not None else "decimal",
        text=text_element.get(qn("w:val"), "") if text_element is not None else "",
        restart=int_attr(element.find(qn("w:lvlRestart"))),
        legal=bool(on_off(element.find(qn("w:isLgl")))),
        style_id=style_element.get(qn("w:val")) if style_element is not None else None,
    )


@dataclass
class _Num:
    abstract_id: int
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


class WordNumbering:
    """Computes numbering labels paragraph by paragraph, in document order.

    Counters belong to the abstract numbering definition, so several w:num instances of one
    list continue each other; a w:num with w:startOverride restarts the overridden levels the
    first time it is used. A level restarts when a higher level advances (or as w:lvlRestart
    says).
    """

    def __init__(self, numbering_element, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstracts: dict[int, dict[int, Level]] = {}
        self._style_links: dict[int, str] = {}  # abstractNum with w:numStyleLink → style id
        self._nums: dict[int, _Num] = {}
        self._counters: dict[int, dict[int, int]] = {}
        self._used_nums: set[int] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            abstract_id = int_attribute(abstract, "w:abstractNumId")
            if abstract_id is None:
                continue
            levels = {}
            for element in abstract.findall(qn("w:lvl")):
                ilvl = int_attribute(element, "w:ilvl")
                if ilvl is not None and 0 <= ilvl < _LEVELS:
                    levels[ilvl] = _parse_level(element)
            self._abstracts[abstract_id] = levels
            link = abstract.find(qn("w:numStyleLink"))
            if link is not None and link.get(qn("w:val")):
                self._style_links[abstract_id] = link.get(qn("w:val"))
        for num in numbering_element.findall(qn("w:num")):
            num_id = int_attribute(num, "w:numId")
            abstract_id = int_attr(num.find(qn("w:abstractNumId")))
            if num_id is None or abstract_id is None:
                continue
            entry = _Num(abstract_id)
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int_attribute(override, "w:ilvl")
                if ilvl is None or not 0 <= ilvl < _LEVELS:
                    continue
                start = int_attr(override.find(qn("w:startOverride")))
                if start is not None:
                    entry.start_overrides[ilvl] = start
                level = override.find(qn("w:lvl"))
                if level is not None:
                    entry.level_overrides[ilvl] = _parse_level(level)
            self._nums[num_id] = entry

    def _abstract_id(self, num_id: int) -> int | None:
        """The abstract definition holding the levels, following w:numStyleLink to its style."""
        num = self._nums.get(num_id)
        seen = set()
        while num is not None and num.abstract_id not in seen:
            seen.add(num.abstract_id)
            style_id = self._style_links.get(num.abstract_id)
            if style_id is None:
                return num.abstract_id if num.abstract_id in self._abstracts else None
            linked_num_id = self._styles.inherited(style_id, "num_id")
            num = self._nums.get(linked_num_id) if linked_num_id else None
        return None

    def _level(self, num_id: int, abstract_id: int, ilvl: int) -> Level | None:
        num = self._nums[num_id]
        return num.level_overrides.get(ilvl) or self._abstracts[abstract_id].get(ilvl)

    def _start(self, num_id: int, abstract_id: int, ilvl: int) -> int:
        num = self._nums[num_id]
        if ilvl in num.start_overrides:
            return num.start_overrides[ilvl]
        level = self._level(num_id, abstract_id, ilvl)
        return level.start if level else 0

    def level_for_style(self, num_id: int, style_id: str | None) -> int | None:
        """The level whose w:pStyle is this paragraph style (style-linked lists), if any."""
        abstract_id = self._abstract_id(num_id)
        if abstract_id is None or not style_id:
            return None
        for ilvl in range(_LEVELS):
            level = self._level(num_id, abstract_id, ilvl)
            if level is not None and level.style_id == style_id:
                return ilvl
        return None

    def next_label(self, num_id: int, ilvl: int) -> str:
        """Advances the list counters for a paragraph and returns its label.

        Args:
            num_id: the paragraph's w:numId.
            ilvl: its w:ilvl.

        Returns:
            The label as Word displays it ("一、", "（二）", "1.2"), "" for bullets, for lists
            without a definition, and for w:numId 0 (numbering switched off).
        """
        if num_id not in self._nums or not 0 <= ilvl < _LEVELS:
            return ""
        abstract_id = self._abstract_id(num_id)
        if abstract_id is None:
            return ""
        level = self._level(num_id, abstract_id, ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for overridden in self._nums[num_id].start_overrides:
                counters.pop(overridden, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num_id, abstract_id, ilvl)
        for deeper in range(ilvl + 1, _LEVELS):
            deeper_level = self._level(num_id, abstract_id, deeper)
            restart = deeper_level.restart if deeper_level else None
            # Without w:lvlRestart a level restarts after any higher level; with it, only after
            # levels up to the one it names (1-based); 0 means never.
            if restart is None or (restart != 0 and ilvl < restart):
                counters.pop(deeper, None)
        if level.num_fmt == "bullet":
            return ""

        def placeholder(match: re.Match) -> str:
            referenced = int(match.group(1)) - 1
            value = counters.get(referenced, self._start(num_id, abstract_id, referenced))
            referenced_level = self._level(num_id, abstract_id, referenced)
            num_fmt = referenced_level.num_fmt if referenced_level else "decimal"
            if level.legal and num_fmt not in ("none", "bullet"):
                num_fmt = "decimal"
            return format_number(value, num_fmt)

        return _PLACEHOLDER_RE.sub(placeholder, level.text).strip()


def int_attribute(element, name: str) -> int | None:
    """An integer attribute of the element itself (w:abstractNumId="3"), or None."""
    try:
        return int(element.get(qn(name)))
    except (TypeError, ValueError):
        return None
