"""HTML pages saved from government websites: the main text only, one paragraph per block or <br>."""

from __future__ import annotations

import codecs
import re
import warnings

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from core.errors import DocumentReadError, DocumentTooLargeError, EmptyDocumentError
from core.read.limits import MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_MARKUP
from core.model import Paragraph, RawDocument
from core.read.normalize import CJK_CHAR_RE, normalize_paragraph_text
from core.read.plaintext import decode_text_bytes
from core.read.task_table import Cell, header_roles, task_rows

_DECLARED_CHARSET_RES = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([-\w.:]+)", re.IGNORECASE),
)
# Pages labelled GB2312 or GBK routinely contain characters outside those sets (names, rare
# place names); GB18030 decodes all of them the same way and more.
_GB_ALIASES = frozenset(("gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "ms936", "euc-cn", "gb18030"))

# The content containers of common Chinese government CMSs (gov.cn UCAP, TRS WCM, …),
# most specific first.
_CONTAINER_IDS = ("UCAP-CONTENT", "zoom", "Zoom", "pages_content", "fontzoom", "article-content", "content")
_CONTAINER_CLASSES = (
    "pages_content", "TRS_Editor", "trs_editor", "article-content", "article_content", "artical-content",
    "news_content", "view", "article", "content", "main-content",
)
_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "iframe", "object",
    "embed", "svg", "canvas", "select", "button", "input", "textarea", "map", "audio", "video",
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr td th caption blockquote pre "
    "section article main aside center figure figcaption address hr form fieldset legend details summary".split()
)
_TABLE_TAGS = frozenset(("table", "tr", "td", "th"))
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_TEXT_ALIGN_RE = re.compile(r"text-align\s*:\s*([a-z-]+)", re.IGNORECASE)
_FONT_WEIGHT_RE = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.IGNORECASE)
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Decodes a page with its declared charset, else as any text file (detection)."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = data[:8192]
        for pattern in _DECLARED_CHARSET_RES:
            match = pattern.search(head)
            if not match:
                continue
            declared = match.group(1).decode("ascii", errors="replace").lower()
            encoding = "gb18030" if declared in _GB_ALIASES else declared
            try:
                return data.decode(encoding), codecs.lookup(encoding).name, ()
            except (LookupError, UnicodeDecodeError):
                decoded = decode_text_bytes(data, path=path)
                note = f"网页声明的编码（{declared}）与内容不符，已按 {decoded.encoding} 读取，请核对文字。"
                return decoded.text, decoded.encoding, (note, *decoded.warnings)
    decoded = decode_text_bytes(data, path=path)
    return decoded.text, decoded.encoding, decoded.warnings


_INLINE_TEXT_TAGS = frozenset(("p", "span", "font", "b", "strong", "br", "a", "em", "i", "u"))
_GET_TEXT_TYPES = (NavigableString, CData)  # the string types Tag.get_text() joins


def _check_depth(soup: BeautifulSoup, path: str) -> None:
    """Refuse a page nested deeper than MAX_HTML_DEPTH (walked without recursion)."""
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_HTML_DEPTH:
            raise DocumentTooLargeError(
                f"网页的标签嵌套超过 {MAX_HTML_DEPTH} 层，不像正常的网页（可能是恶意构造的文件），已拒绝读取。"
                "请在浏览器中打开后复制正文，粘贴到本程序中对照。", path=path)
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))


def _cjk_counts(root: Tag) -> dict[int, int]:
    """Chinese characters in the text of every element under ``root``, by id(), in one pass."""
    counts: dict[int, int] = {}
    order: list[Tag] = []
    stack = [root]
    while stack:  # parents before children; summed in reverse, children before parents
        node = stack.pop()
        order.append(node)
        stack.extend(child for child in node.contents if isinstance(child, Tag))
    for node in reversed(order):
        total = 0
        for child in node.contents:
            if isinstance(child, Tag):
                total += counts[id(child)]
            elif type(child) in _GET_TEXT_TYPES:
                total += len(CJK_CHAR_RE.findall(str(child)))
        counts[id(node)] = total
    return counts


def _own_cjk(element: Tag, counts: dict[int, int]) -> int:
    """Chinese characters in an element's own text and direct children (not deeper blocks)."""
    total = 0
    for child in element.children:
        if isinstance(child, NavigableString) and not isinstance(child, _SKIPPED_STRINGS):
            total += len(CJK_CHAR_RE.findall(str(child)))
        elif isinstance(child, Tag) and child.name in _INLINE_TEXT_TAGS:
            total += counts[id(child)]
    return total


def _tags_in_order(root: Tag):
    """The tags under ``root`` in document order, without recursion (bs4's find is slow here)."""
    stack = list(reversed([child for child in root.contents if isinstance(child, Tag)]))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for child in node.contents if isinstance(child, Tag)]))


def _drop_hidden(soup: BeautifulSoup) -> None:
    """Remove scripts, navigation and the like, and everything hidden, in one pass."""
    doomed = []
    stack: list[Tag] = [soup]
    while stack:
        node = stack.pop()
        for child in node.contents:
            if not isinstance(child, Tag):
                continue
            style = child.get("style")
            if (child.name in _DROPPED_TAGS or child.has_attr("hidden")
                    or (isinstance(style, str) and _HIDDEN_RE.search(style))):
                doomed.append(child)  # its subtree goes with it: not visited
            else:
                stack.append(child)
    for tag in doomed:
        tag.decompose()


def _main_content(soup: BeautifulSoup) -> Tag:
    """The element holding the article: a known container, else the block with most Chinese text."""
    root = soup.body or soup
    counts = _cjk_counts(root)
    total = counts[id(root)]
    tags = list(_tags_in_order(root))
    by_id: dict[str, Tag] = {}
    by_class: dict[str, Tag] = {}
    article = None
    for tag in tags:  # the first tag with each id and class sought, as root.find() would give
        identifier = tag.get("id")
        if isinstance(identifier, str) and identifier in _CONTAINER_IDS:
            by_id.setdefault(identifier, tag)
        classes = tag.get("class") or ()
        for name in ([classes] if isinstance(classes, str) else classes):
            if name in _CONTAINER_CLASSES:
                by_class.setdefault(name, tag)
        if article is None and tag.name == "article":
            article = tag
    candidates = [by_id.get(name) for name in _CONTAINER_IDS]
    candidates += [by_class.get(name) for name in _CONTAINER_CLASSES]
    candidates.append(article)
    for candidate in candidates:
        # A generic name ("content") may belong to a sidebar: the container must hold most text.
        if isinstance(candidate, Tag) and counts.get(id(candidate), 0) >= max(20, 0.3 * total):
            return candidate
    best = max([root, *tags], key=lambda element: _own_cjk(element, counts))
    return best if _own_cjk(best, counts) >= 0.3 * total else root


def _text_attribute(tag: Tag, name: str) -> str:
    """A single-valued attribute (style, align) as text, "" when absent (bs4 types any value as maybe a list)."""
    value = tag.get(name)
    return value if isinstance(value, str) else ""


def _alignment(tag: Tag) -> bool | None:
    """True/False when the tag sets its text alignment (centre or not), None when it inherits."""
    if tag.name == "center":
        return True
    match = _TEXT_ALIGN_RE.search(_text_attribute(tag, "style"))
    if match:
        return match.group(1).lower() == "center"
    align = _text_attribute(tag, "align").strip().lower()
    if align:
        return align in ("center", "middle")
    return None


def _weight(tag: Tag) -> bool | None:
    """True/False when the tag makes its text bold or not bold, None when it inherits."""
    if tag.name in ("b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"):
        return True
    match = _FONT_WEIGHT_RE.search(_text_attribute(tag, "style"))
    if match:
        value = match.group(1).lower()
        return value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
    return None


class _BlockCollector:
    """Turns the content element into paragraphs: each block, and each <br>-separated line."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self._pieces: list[tuple[str, bool]] = []
        self._context = (False, False)  # centered, in_table of the pieces being collected

    def flush(self) -> None:
        text = normalize_paragraph_text(_HTML_SPACE_RE.sub(" ", "".join(text for text, _ in self._pieces)))
        if text:
            visible = [bold for piece, bold in self._pieces if piece.strip()]
            centered, in_table = self._context
            self.paragraphs.append(
                Paragraph(text=text, bold=bool(visible) and all(visible), centered=centered, in_table=in_table)
            )
        self._pieces = []

    def walk(self, node: Tag, centered: bool, bold: bool, in_table: bool) -> None:
        for child in node.children:
            if isinstance(child, _SKIPPED_STRINGS):
                continue
            if isinstance(child, NavigableString):
                if not self._pieces:
                    self._context = (centered, in_table)
                self._pieces.append((str(child), bold))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name == "br":
                self.flush()
                continue
            if child.name == "table":
                tasks = task_rows(_table_rows(child))
                if tasks is not None:  # a table of tasks: one paragraph a row
                    self.flush()
                    self.paragraphs.extend(Paragraph(text=text, in_table=True) for text in tasks)
                    continue
            alignment = _alignment(child)
            weight = _weight(child)
            child_centered = centered if alignment is None else alignment
            child_bold = bold if weight is None else weight
            if child.name in _BLOCK_TAGS:
                self.flush()
                self.walk(child, child_centered, child_bold, in_table or child.name in _TABLE_TAGS)
                self.flush()
            else:
                self.walk(child, child_centered, child_bold, in_table)


def _table_rows(table: Tag) -> list[list[Cell]]:
    """A table's rows as cells (``core.read.task_table``): a cell a row span covers is a
    continued cell of the rows below it; nested tables' rows are not this table's."""
    rows: list[list[Cell]] = []
    spanning: dict[int, int] = {}  # column → rows a cell above still covers
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells: list[Cell] = []
        column = _covered(spanning, 0, cells)
        for td in tr.find_all(["td", "th"], recursive=False):
            lines = (_HTML_SPACE_RE.sub(" ", line).strip() for line in td.get_text("\n").split("\n"))
            cells.append(Cell("\n".join(line for line in lines if line), column))
            width, height = _span(td, "colspan"), _span(td, "rowspan")
            if height > 1:
                spanning.update((column + offset, height - 1) for offset in range(width))
            column = _covered(spanning, column + width, cells)
        rows.append(cells)
        if len(rows) == 1 and header_roles(cells) is None:
            return rows  # no task table: no need to read the rest twice
    return rows


def _covered(spanning: dict[int, int], column: int, cells: list[Cell]) -> int:
    """Add the cells that spans from rows above cover from ``column`` on; the next free column."""
    while spanning.get(column, 0) > 0:
        spanning[column] -= 1
        cells.append(Cell("", column, continued=True))
        column += 1
    return column


def _span(cell: Tag, attribute: str) -> int:
    value = _text_attribute(cell, attribute).strip()
    return min(max(int(value), 1), 100) if value.isdigit() else 1


def read_html(path: str, data: bytes) -> RawDocument:
    """Reads the main text of a saved web page.

    Args:
        path: the file name, kept in the result.
        data: the page's bytes.

    Returns:
        The document with format "html"; encoding is the charset used.

    Raises:
        EmptyDocumentError: the page has no text.
        DocumentReadError: the file is not text.
    """
    if len(data) > MAX_HTML_BYTES:
        raise DocumentTooLargeError(
            f"网页文件过大（{len(data) / 1024 / 1024:.1f} MB），超过 {MAX_HTML_BYTES // (1024 * 1024)} MB 的上限。"
            "请在浏览器中打开后复制正文，粘贴到本程序中对照。", path=path)
    text, encoding, notes = _decode(data, path)
    markup = text.count("<")
    if markup > MAX_HTML_MARKUP:
        raise DocumentTooLargeError(
            f"网页的标签过多（{markup:,} 个），超过 {MAX_HTML_MARKUP:,} 个的上限，不像正常的网页。"
            "请在浏览器中打开后复制正文，粘贴到本程序中对照。", path=path)
    with warnings.catch_warnings():
        # bs4 warns about XHTML parsed as HTML and markup that looks like a file name; neither
        # matters here, and the test suite turns warnings into errors.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "lxml")
    _check_depth(soup, path)
    _drop_hidden(soup)
    content = _main_content(soup)
    collector = _BlockCollector()
    centered = bool(_alignment(content))
    bold = bool(_weight(content))
    collector.walk(content, centered, bold, in_table=False)
    collector.flush()
    if not collector.paragraphs:
        if not text.strip() or soup.get_text().strip() == "":
            raise EmptyDocumentError("网页中没有任何文字内容。", path=path)
        raise DocumentReadError("未能在网页中找到正文内容。", path=path)
    return RawDocument(
        path=path, format="html", paragraphs=tuple(collector.paragraphs), encoding=encoding, warnings=notes
    )
