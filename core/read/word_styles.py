"""Word style sheet (styles.xml): the properties a paragraph inherits through its style chain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import overload

from docx.oxml.ns import qn

_FALSE_VALUES = ("0", "false", "off")
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
# Built-in styles are stored under lower-case English names; Word shows them capitalised.
_BUILTIN_UI_NAMES = {"normal": "Normal", "title": "Title", "subtitle": "Subtitle", "caption": "Caption"}


def on_off(element) -> bool | None:
    """Reads an ST_OnOff property element such as w:b: absent → None, no w:val → True."""
    if element is None:
        return None
    value = element.get(qn("w:val"))
    return value is None or value.lower() not in _FALSE_VALUES


@overload
def int_attr(element, default: int) -> int: ...


@overload
def int_attr(element, default: None = None) -> int | None: ...


def int_attr(element, default: int | None = None) -> int | None:
    """The integer w:val of an element, or the default when absent or malformed."""
    if element is None:
        return default
    try:
        return int(element.get(qn("w:val")))
    except (TypeError, ValueError):
        return default


def ui_style_name(name: str) -> str:
    """The name Word displays for a style name as stored ("heading 1" → "Heading 1")."""
    match = re.fullmatch(r"heading (\d)", name)
    if match:
        return f"Heading {match.group(1)}"
    return _BUILTIN_UI_NAMES.get(name, name)


def heading_level_from_name(name: str) -> int | None:
    """0-based outline level for heading style names: "Heading 1", "标题 2", "heading3"."""
    match = _HEADING_NAME_RE.match(name.strip())
    return int(match.group(1)) - 1 if match else None


@dataclass(frozen=True)
class Style:
    """The properties of one w:style that the reader cares about (None = not set here)."""

    style_id: str
    name: str
    kind: str
    based_on: str | None
    outline_level: int | None
    centered: bool | None
    bold: bool | None
    num_id: int | None
    ilvl: int | None


def paragraph_properties(p_pr) -> dict:
    """Outline level, centring and numbering set directly in a w:pPr (None when absent)."""
    result: dict[str, int | bool | None] = {
        "outline_level": None, "centered": None, "num_id": None, "ilvl": None, "has_num_pr": False}
    if p_pr is None:
        return result
    level = int_attr(p_pr.find(qn("w:outlineLvl")))
    if level is not None:
        # Level 9 means "body text": an explicit statement that this is not a heading.
        result["outline_level"] = level if 0 <= level <= 8 else -1
    jc = p_pr.find(qn("w:jc"))
    if jc is not None:
        result["centered"] = jc.get(qn("w:val")) == "center"
    num_pr = p_pr.find(qn("w:numPr"))
    if num_pr is not None:
        result["has_num_pr"] = True
        result["num_id"] = int_attr(num_pr.find(qn("w:numId")))
        result["ilvl"] = int_attr(num_pr.find(qn("w:ilvl")))
    return result


class StyleSheet:
    """The styles of a document, with inheritance through w:basedOn resolved on demand."""

    def __init__(self, styles_element) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph_style: str | None = None
        self.default_bold = False
        if styles_element is None:
            return
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is not None:
            r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if r_pr is not None:
                self.default_bold = bool(on_off(r_pr.find(qn("w:b"))))
        for element in styles_element.findall(qn("w:style")):
            style_id = element.get(qn("w:styleId"))
            if not style_id:
                continue
            name_element = element.find(qn("w:name"))
            name = name_element.get(qn("w:val"), style_id) if name_element is not None else style_id
            kind = element.get(qn("w:type"), "paragraph")
            based_on = element.find(qn("w:basedOn"))
            p_props = paragraph_properties(element.find(qn("w:pPr")))
            r_pr = element.find(qn("w:rPr"))
            self._styles[style_id] = Style(
                style_id=style_id,
                name=ui_style_name(name),
                kind=kind,
                based_on=based_on.get(qn("w:val")) if based_on is not None else None,
                outline_level=p_props["outline_level"],
                centered=p_props["centered"],
                bold=on_off(r_pr.find(qn("w:b"))) if r_pr is not None else None,
                num_id=p_props["num_id"],
                ilvl=p_props["ilvl"],
            )
            if kind == "paragraph" and element.get(qn("w:default")) in ("1", "true", "on"):
                self.default_paragraph_style = style_id

    def get(self, style_id: str | None) -> Style | None:
        """The style with this id, if the document defines it."""
        return self._styles.get(style_id) if style_id else None

    def chain(self, style_id: str | None):
        """The style and its w:basedOn ancestors, nearest first (cycles are cut)."""
        seen = set()
        style = self.get(style_id)
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            yield style
            style = self.get(style.based_on)

    def inherited(self, style_id: str | None, attribute: str):
        """The first value of an attribute set along the style chain, or None."""
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None

    def name(self, style_id: str | None) -> str:
        """The displayed name of a style ("" when unknown)."""
        style = self.get(style_id)
        return style.name if style else ""
