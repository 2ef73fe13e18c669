"""OFD (开放版式文档, GB/T 33190-2016), the fixed-layout format of China's electronic official
documents: the text of each page's TextObjects, set into lines by position, then into paragraphs
by the layout rules the PDF reader uses (core/read/layout.py).

An OFD file is a zip: OFD.xml names each document's Document.xml, which lists the pages; a
page's Content.xml holds TextObjects (a Boundary on the page, a font Size, an optional CTM) whose
TextCodes place their characters from an origin (X, Y) by advances (DeltaX, DeltaY), all in
millimetres with y growing down the page. Template pages (running headers, page numbers, rules)
and signatures are not read: the running lines a page repeats are dropped in any case. Text
turned on the page (a diagonal watermark, a vertical margin note) is left out too.

Elements are found by local name, so files that put the elements in another namespace than the
standard's (some converters do) read the same.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from core.errors import DocumentReadError, DocumentTooLargeError, EncryptedDocumentError, NoTextLayerError
from core.model import RawDocument
from core.read.container import EMPTY_ZIP_MAGIC, ZIP_MAGIC, check_zip_safe
from core.read.layout import Line, paragraphs_of, remove_running_lines
from core.read.libreoffice import describe_disguise
from core.read.limits import MAX_CHARACTERS, MAX_PDF_PAGES, too_many_characters
from core.read.normalize import is_cjk

BROKEN_MESSAGE = "OFD 文件已损坏或不是有效的 OFD 文件，无法读取。请在 OFD 阅读器中打开核对，或改用 Word、PDF 原文件。"
NO_TEXT_MESSAGE = "这个 OFD 文件没有文字（可能是扫描件），请先进行文字识别（OCR），或改用 Word 原文件。"
ENCRYPTED_MESSAGE = "OFD 文件已加密，无法读取。请先在 OFD 阅读器中解除加密后再打开。"

_BOLD_NAME = re.compile(r"bold|heavy|black|semibold|demibold|黑体|simhei", re.IGNORECASE)
# A TextObject whose CTM turns it by more than this (sine of the angle) is not body text.
_TURNED = 0.05
# Characters whose baselines differ by less than this share of the font size are on one line.
_SAME_LINE = 0.35
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


@dataclass(frozen=True)
class _Glyph:
    char: str
    x: float
    baseline: float
    size: float
    bold: bool


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str):
    return [child for child in element if _local(child) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _descendants(element, name: str):
    return [node for node in element.iter() if _local(node) == name]


def _attribute(element, name: str) -> str | None:
    """An attribute by name, whatever its case (Size, size)."""
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1].lower() == name.lower():
            return value
    return None


def _numbers(text: str | None) -> list[float]:
    if not text:
        return []
    try:
        return [float(value) for value in text.split()]
    except ValueError:
        return []


def _advances(text: str | None) -> list[float]:
    """DeltaX/DeltaY values, with the standard's run form expanded ("g 3 2.5" is three 2.5s)."""
    if not text:
        return []
    tokens = text.split()
    values: list[float] = []
    position = 0
    try:
        while position < len(tokens):
            if tokens[position] == "g" and position + 2 < len(tokens):
                values.extend([float(tokens[position + 2])] * min(int(tokens[position + 1]), 100_000))
                position += 3
            else:
                values.append(float(tokens[position]))
                position += 1
    except ValueError:
        return values
    return values


class _Package:
    """The zip, its members read by OFD location (absolute from the root, or relative to the
    file that names them)."""

    def __init__(self, archive: zipfile.ZipFile, path: str) -> None:
        self.archive = archive
        self.path = path
        self.names = {name.replace("\\", "/").lstrip("/").lower(): name for name in archive.namelist()}

    def resolve(self, location: str, base: str) -> str:
        location = location.strip().replace("\\", "/")
        joined = location.lstrip("/") if location.startswith("/") else posixpath.join(posixpath.dirname(base), location)
        return posixpath.normpath(joined).lstrip("/")

    def has(self, name: str) -> bool:
        return name.lower() in self.names

    def xml(self, name: str):
        member = self.names.get(name.lower())
        if member is None:
            raise DocumentReadError(BROKEN_MESSAGE, path=self.path)
        try:
            return etree.fromstring(self.archive.read(member), _PARSER)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise DocumentReadError(BROKEN_MESSAGE, path=self.path) from exc


def _check_container(path: str, max_bytes: int) -> None:
    with open(path, "rb") as stream:
        head = stream.read(4096)
    if not head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        what = describe_disguise(head)
        if what is not None:
            raise DocumentReadError(f"扩展名是 .ofd，但文件内容实际是{what}，不是 OFD 文件，无法读取。"
                                    "如果这是正文，请改为对应的扩展名后再打开。", path=path)
        raise DocumentReadError(BROKEN_MESSAGE, path=path)
    check_zip_safe(path, max_bytes, kind="OFD 文件")


def _bold_fonts(package: _Package, document_name: str, common) -> set[str]:
    """IDs of the document's fonts that are bold (by the Bold flag or by name)."""
    bold: set[str] = set()
    for kind in ("PublicRes", "DocumentRes"):
        for location in _children(common, kind):
            name = package.resolve(location.text or "", document_name)
            if not package.has(name):
                continue
            for font in _descendants(package.xml(name), "Font"):
                names = f"{font.get('FontName', '')} {font.get('FamilyName', '')}"
                if font.get("Bold", "").lower() == "true" or _BOLD_NAME.search(names):
                    bold.add(font.get("ID", ""))
    return bold


def _text_glyphs(text_object, bold_fonts: set[str]) -> list[_Glyph]:
    """The characters of one TextObject, placed on the page."""
    box = _numbers(text_object.get("Boundary"))
    left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
    size = next(iter(_numbers(_attribute(text_object, "Size"))), 0.0) or 3.5  # 10 pt when unsaid
    matrix = _numbers(text_object.get("CTM"))
    a, b, c, d, e, f = matrix if len(matrix) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    if abs(b) > _TURNED * scale or abs(c) > _TURNED * scale:
        return []
    weight = next(iter(_numbers(text_object.get("Weight"))), 400.0)
    bold = weight >= 600 or text_object.get("Font", "") in bold_fonts
    glyphs: list[_Glyph] = []
    x = y = 0.0
    for code in _children(text_object, "TextCode"):
        text = code.text or ""
        x = next(iter(_numbers(code.get("X"))), x)
        y = next(iter(_numbers(code.get("Y"))), y)
        dx, dy = _advances(code.get("DeltaX")), _advances(code.get("DeltaY"))
        for index, char in enumerate(text):
            if not char.isspace() or char == " ":
                glyphs.append(_Glyph(char, left + a * x + c * y + e, top + b * x + d * y + f,
                                     size * scale, bold))
            if index < len(text) - 1:
                x += dx[index] if index < len(dx) else (dx[-1] if dx else size * (1.0 if is_cjk(char) else 0.5))
                y += dy[index] if index < len(dy) else 0.0
    return glyphs


def _spaced(ordered: list[_Glyph]) -> str:
    """A line's text, a space kept only between two Latin words: beside Chinese it is the gap a
    converter left around Latin text or digits (2025 年), as in a PDF's text layer."""
    chars = [glyph.char for glyph in ordered]
    for position, char in enumerate(chars):
        if char == " ":
            before = next((c for c in reversed(chars[:position]) if c != " "), "")
            after = next((c for c in chars[position + 1:] if c != " "), "")
            if not before or not after or is_cjk(before) or is_cjk(after):
                chars[position] = ""
    return "".join(chars)


def _lines(glyphs: list[_Glyph], page: int) -> list[Line]:
    """Characters set into lines: by baseline from the top of the page, then left to right."""
    lines: list[Line] = []
    row: list[_Glyph] = []

    def flush() -> None:
        ordered = sorted(row, key=lambda glyph: glyph.x)
        text = _spaced(ordered)
        if text.strip():
            size = max(glyph.size for glyph in ordered)
            last = ordered[-1]
            baseline = sum(glyph.baseline for glyph in ordered) / len(ordered)
            # Heights grow up the page in a Line, as in a PDF; OFD's y grows down.
            lines.append(Line(text=text, left=ordered[0].x,
                              right=last.x + last.size * (1.0 if is_cjk(last.char) else 0.5),
                              top=-baseline + size, bottom=-baseline, size=size,
                              bold=all(glyph.bold for glyph in ordered if not glyph.char.isspace()),
                              page=page))
        row.clear()

    for glyph in sorted(glyphs, key=lambda glyph: (glyph.baseline, glyph.x)):
        if row and abs(glyph.baseline - row[0].baseline) > _SAME_LINE * max(glyph.size, row[0].size):
            flush()
        row.append(glyph)
    if row:
        flush()
    return lines


def read_ofd(path: str, *, max_bytes: int) -> RawDocument:
    """Reads the text of an OFD file into paragraphs.

    Args:
        path: the .ofd file.
        max_bytes: the reader's size limit, for the zip's unpacked size.

    Returns:
        The document with format "ofd"; warnings name pages without text.

    Raises:
        EncryptedDocumentError: the file is encrypted.
        NoTextLayerError: no page has any text (a scan).
        DocumentTooLargeError: too many pages or too much text, or a zip bomb.
        DocumentReadError: the file is not a readable OFD file.
    """
    _check_container(path, max_bytes)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentReadError(BROKEN_MESSAGE, path=path) from exc
    with archive:
        package = _Package(archive, path)
        if any(name.rsplit("/", 1)[-1] == "encryptions.xml" for name in package.names):
            raise EncryptedDocumentError(ENCRYPTED_MESSAGE, path=path)
        if not package.has("OFD.xml"):
            raise DocumentReadError(BROKEN_MESSAGE, path=path)
        root = package.xml("OFD.xml")
        bodies = _descendants(root, "DocBody")
        documents = [package.resolve(_child(body, "DocRoot").text or "", "OFD.xml")
                     for body in bodies if _child(body, "DocRoot") is not None]
        if not documents:
            raise DocumentReadError(BROKEN_MESSAGE, path=path)
        document_name = documents[0]
        document = package.xml(document_name)
        common = _child(document, "CommonData")
        bold_fonts = _bold_fonts(package, document_name, common) if common is not None else set()
        page_elements = [page for pages in _children(document, "Pages") for page in _children(pages, "Page")]
        if not page_elements:
            raise DocumentReadError("OFD 文件中没有任何页面。", path=path)
        if len(page_elements) > MAX_PDF_PAGES:
            raise DocumentTooLargeError(
                f"OFD 文件页数过多（{len(page_elements):,} 页），超过 {MAX_PDF_PAGES:,} 页的上限。"
                "请删去与对照无关的部分或拆分文件后再对照。", path=path)
        pages: list[list[Line]] = []
        characters = 0
        for number, page in enumerate(page_elements, start=1):
            content = package.xml(package.resolve(page.get("BaseLoc", ""), document_name))
            glyphs = [glyph for text_object in _descendants(content, "TextObject")
                      for glyph in _text_glyphs(text_object, bold_fonts)]
            characters += len(glyphs)
            if characters > 2 * MAX_CHARACTERS:  # running lines included: generous
                raise too_many_characters(path, characters)
            pages.append(_lines(glyphs, number))
    empty_pages = [str(number) for number, lines in enumerate(pages, start=1) if not lines]
    if len(empty_pages) == len(pages):
        raise NoTextLayerError(NO_TEXT_MESSAGE, path=path)
    remove_running_lines(pages)
    paragraphs = paragraphs_of([line for lines in pages for line in lines])
    if not paragraphs:
        raise NoTextLayerError(NO_TEXT_MESSAGE, path=path)
    warnings = []
    if empty_pages:
        warnings.append(f"第 {'、'.join(empty_pages)} 页没有文字（可能是扫描页），这些页的内容未能读取，请先进行文字识别。")
    if len(documents) > 1:
        warnings.append(f"这个 OFD 文件包含 {len(documents)} 份文档，只读取了第一份。")
    return RawDocument(path=path, format="ofd", paragraphs=tuple(paragraphs), warnings=tuple(warnings))
