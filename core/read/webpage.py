"""HTML pages saved from government websites: the main text only, one paragraph per block or <br>."""

from __future__ import annotations

import codecs
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from core.errors import DocumentReadError, DocumentTooLargeError, EmptyDocumentError
from core.read.limits import MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_MARKUP
from core.model import Paragraph, RawDocument
from core.read.layout import starts_with_numbering
from core.read.normalize import CJK_CHAR_RE, normalize_paragraph_text
from core.read.numerals import chinese_counting, ideograph_digital, letters, roman
from core.read.plaintext import decode_text_bytes
from core.read.task_table import CAPTION_ROWS, Cell, header_roles, task_rows
from core.read.unwrap import WARNING as UNWRAP_WARNING, unwrapped
from core.text import DOC_NUMBER, DOCUMENT_KINDS

_DECLARED_CHARSET_RES = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([-\w.:]+)", re.IGNORECASE),
)
# Pages labelled GB2312 or GBK routinely contain characters outside those sets (names, rare
# place names); GB18030 decodes all of them the same way and more.
LATIN_CHARSETS = frozenset(("iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii"))
GB_ALIASES = frozenset(("gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "ms936", "euc-cn", "gb18030"))

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
            encoding = "gb18030" if declared in GB_ALIASES else declared
            if declared in LATIN_CHARSETS and re.search(rb"[\x80-\xff]", data):
                # A Chinese page labelled Latin-1 by its server or template: any bytes decode as
                # Latin-1, into nonsense. Read as what its bytes are.
                decoded = decode_text_bytes(data, path=path)
                if CJK_CHAR_RE.search(decoded.text):
                    note = f"网页声明的编码（{declared}）与内容不符，已按 {decoded.encoding} 读取，请核对文字。"
                    return decoded.text, decoded.encoding, (note, *decoded.warnings)
            try:
                return data.decode(encoding), codecs.lookup(encoding).name, ()
            except (LookupError, UnicodeDecodeError):
                decoded = decode_text_bytes(data, path=path)
                note = f"网页声明的编码（{declared}）与内容不符，已按 {decoded.encoding} 读取，请核对文字。"
                return decoded.text, decoded.encoding, (note, *decoded.warnings)
    decoded = decode_text_bytes(data, path=path)
    return decoded.text, decoded.encoding, decoded.warnings


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
    """Chinese characters in the prose of every element under ``root``, by id(), in one pass:
    the text of links left out (a sidebar of 最新文件, a navigation bar, 相关文件 are links; a
    bookmark, <a name="_Hlk1"> around the text, is none)."""
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
                total += 0 if child.name == "a" and not _bookmark(child) else counts[id(child)]
            elif type(child) in _GET_TEXT_TYPES:
                total += len(CJK_CHAR_RE.findall(str(child)))
        counts[id(node)] = total
    return counts


def _bookmark(anchor: Tag) -> bool:
    """Whether an <a> marks a place in the text (Word's <a name="_Hlk1">) rather than links."""
    return not anchor.has_attr("href") and (anchor.has_attr("name") or anchor.has_attr("id"))


def _tags_in_order(root: Tag):
    """The tags under ``root`` in document order, without recursion (bs4's find is slow here)."""
    stack = list(reversed([child for child in root.contents if isinstance(child, Tag)]))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for child in node.contents if isinstance(child, Tag)]))


@dataclass
class _StyleSheet:
    """What the page's own style sheets say that changes its text, as a desktop browser shows it
    (rules for other screens, @media, left aside): the classes and ids hidden (.pchide{display:
    none}), but those another rule shows again (.tabcon.on{display:block}); and the tags and
    classes whose lists are drawn without numbers (ol, li{list-style:none})."""

    hidden_classes: set[str] = field(default_factory=set)
    hidden_ids: set[str] = field(default_factory=set)
    unnumbered: set[str] = field(default_factory=set)  # tag names, and classes as ".name"

    @classmethod
    def of(cls, soup: BeautifulSoup) -> _StyleSheet:
        sheet = cls()
        shown: set[str] = set()
        for style in soup.find_all("style"):
            for selectors, body in _css_rules(style.get_text()):
                hides = bool(_HIDDEN_RE.search(body))
                shows = bool(_SHOWN_RE.search(body))
                unnumbered = bool(_NO_LIST_STYLE_RE.search(body))
                for selector in selectors.split(","):
                    selector = selector.strip()
                    if shows:
                        shown.update(_SELECTOR_NAMES_RE.findall(selector))
                    if hides and _SIMPLE_SELECTOR_RE.fullmatch(selector):
                        (sheet.hidden_classes if selector[0] == "." else sheet.hidden_ids).add(selector[1:])
                    if unnumbered and _LIST_SELECTOR_RE.fullmatch(selector):
                        sheet.unnumbered.add(selector.lower() if selector[0] != "." else selector)
        sheet.hidden_classes -= shown
        sheet.hidden_ids -= shown
        return sheet

    def hides(self, tag: Tag) -> bool:
        """Whether the sheet hides the tag, and no style of its own shows it."""
        if not (self.hidden_classes or self.hidden_ids) or _SHOWN_RE.search(_text_attribute(tag, "style")):
            return False
        classes = tag.get("class") or ()
        return tag.get("id") in self.hidden_ids or not self.hidden_classes.isdisjoint(
            [classes] if isinstance(classes, str) else classes)

    def numbers(self, tag: Tag) -> bool:
        """Whether the sheet leaves a list's numbers to be drawn for this ol or li."""
        classes = tag.get("class") or ()
        return tag.name not in self.unnumbered and not any(
            f".{name}" in self.unnumbered for name in ([classes] if isinstance(classes, str) else classes))


_SHOWN_RE = re.compile(r"display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible", re.IGNORECASE)
_NO_LIST_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
_SELECTOR_NAMES_RE = re.compile(r"[.#]([A-Za-z_][-\w]*)")
_LIST_SELECTOR_RE = re.compile(r"(?:ol|li|\.[A-Za-z_][-\w]*)", re.IGNORECASE)


def _css_rules(sheet: str) -> list[tuple[str, str]]:
    """The (selectors, declarations) of a style sheet's top-level rules, in one pass over it,
    comments left out: a rule nested in an at-rule (@media, @supports) is for other screens,
    and is left."""
    rules = []
    depth = 0
    head: list[str] = []
    body: list[str] = []
    index = 0
    while index < len(sheet):
        if sheet.startswith("/*", index):
            end = sheet.find("*/", index + 2)
            if end < 0:
                break  # a comment left open runs to the end of the sheet
            index = end + 2
            continue
        ch = sheet[index]
        if ch == "{":
            depth += 1
            if depth == 1:
                body = []
            else:
                body.append(ch)
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                selectors = "".join(head)
                if not selectors.lstrip().startswith("@"):
                    rules.append((selectors, "".join(body)))
                head = []
            else:
                body.append(ch)
        else:
            (body if depth else head).append(ch)
        index += 1
    return rules


_SIMPLE_SELECTOR_RE = re.compile(r"[.#][A-Za-z_][-\w]*")


def _drop_hidden(soup: BeautifulSoup, sheet: _StyleSheet) -> None:
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
                    or (isinstance(style, str) and _HIDDEN_RE.search(style)) or sheet.hides(child)):
                doomed.append(child)  # its subtree goes with it: not visited
            else:
                stack.append(child)
    for tag in doomed:
        tag.decompose()


def _main_content(soup: BeautifulSoup) -> list[Tag]:
    """The elements holding the article's text. The known containers are tried most specific
    first (``_CONTAINER_IDS``, then ``_CONTAINER_CLASSES``); the first holding a good share of
    the page's prose is the text's, or a container inside it holding nearly all of its text (a
    TRS_Editor inside a #content that also holds the page's information table). A block of the
    same specific name beside it holding a good part of the text too is read after it (a notice,
    then the plan it issues, each in a TRS_Editor). Without a known container: the innermost
    element holding most of the prose."""
    root = soup.body or soup
    counts = _cjk_counts(root)
    total = counts[id(root)]
    if total == 0:
        return [root]  # no Chinese prose to go by: the whole page
    tags = list(_tags_in_order(root))
    named = [(tag, name) for tag in tags if (name := _container_name(tag)) and counts[id(tag)] >= 20]
    ranked = sorted(named, key=lambda item: _CONTAINER_RANK[item[1]])  # stable: page order within a name
    chosen = next((item for item in ranked if counts[id(item[0])] >= _CONTAINER_SHARE * total), None)
    if chosen is not None:
        container, name = chosen
        outer = container
        inner = [tag for tag, _ in named if tag is not container and _inside(tag, container)
                 and counts[id(tag)] >= _NEARLY_ALL * counts[id(container)]]
        if inner:
            container = inner[-1]  # the innermost of them (inner ones come later in page order)
            name = _container_name(container)
        parts = [tag for tag, other in named if other == name and name not in _GENERIC_NAMES
                 and not _inside(tag, outer) and tag.parent in (container.parent, outer.parent)
                 and counts[id(tag)] >= _PART_SHARE * total]
        return [tag for tag in tags if tag is container or any(tag is part for part in parts)]
    # The innermost element holding most of the prose: in document order an element comes after
    # those it is inside, and of two elements each holding most, one is inside the other.
    best = root
    for tag in tags:
        if counts[id(tag)] >= _MOST * total:
            best = tag
    return [best]


_CONTAINER_SHARE = 0.3  # of the page's prose, the least a known container must hold
_NEARLY_ALL = 0.75  # an inner container holding this share of an outer one's text is the text's
_PART_SHARE = 0.2  # a block of the container's name beside it holding this share is part of the text
_MOST = 0.8  # without a known container, the share of the prose the text's element holds


_CONTAINER_RANK = {**{f"id:{name}": rank for rank, name in enumerate(_CONTAINER_IDS)},
                   **{f"class:{name}": len(_CONTAINER_IDS) + rank for rank, name in enumerate(_CONTAINER_CLASSES)}}
# Names a site may give any block (a sidebar's div.content): never more than one block of the text.
_GENERIC_NAMES = frozenset(("id:content", "class:content", "class:view", "class:article", "class:main-content"))


def _container_name(tag: Tag) -> str:
    """The known container name a tag has ("id:UCAP-CONTENT", "class:TRS_Editor"), or ""."""
    identifier = tag.get("id")
    if isinstance(identifier, str) and identifier in _CONTAINER_IDS:
        return f"id:{identifier}"
    classes = tag.get("class") or ()
    for name in ([classes] if isinstance(classes, str) else classes):
        if name in _CONTAINER_CLASSES:
            return f"class:{name}"
    return ""


def _inside(tag: Tag, other: Tag) -> bool:
    """Whether ``tag`` is ``other`` or stands inside it."""
    return tag is other or any(parent is other for parent in tag.parents)


# A document's title as it ends: the kind of text it is (……的通知, ……条例), perhaps with a mark
# after it (（征求意见稿）, （试行）, （2023—2025年）).
_TITLE_ENDS = re.compile(rf"(?:{DOCUMENT_KINDS}|令|说明)(?:[（(][^（）()]{{1,20}}[）)])?$")
_TITLE_LENGTH = (6, 120)
# What a site calls the page in its head: the CMS's own record, then the window title.
_TITLE_METAS = ("ArticleTitle", "articletitle", "title", "Title", "dc.title", "DC.Title", "og:title")
_WINDOW_TITLE_PARTS = re.compile(r"\s*(?:[_|｜—–]|-{1,2}|\s-\s)\s*")


def _document_title(text: str) -> str:
    """The text as a document's title, or "" when it reads as none."""
    text = normalize_paragraph_text(_HTML_SPACE_RE.sub(" ", text)).strip()
    low, high = _TITLE_LENGTH
    if not low <= len(text) <= high or "。" in text or not CJK_CHAR_RE.search(text[:1]):
        return ""
    return text if _TITLE_ENDS.search(text) else ""


# The labels of the information table a government site prints above a document (索引号 /
# 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期 …).
_INFORMATION_LABEL = re.compile(r"(索\s*引\s*号|主题分类|发文机关|成文日期|发布日期|发文字号|标\s*题|有\s*效\s*性|"
                                r"公文种类|主\s*题\s*词|信息分类|发布机构|生成日期|体裁分类|效力状态|文\s*号)\s*[：:]")
_INFORMATION_LABELS = 3  # distinct labels that make a block the information table
_RECORD_LABELS = frozenset(("索引号", "主题分类", "成文日期", "公文种类", "信息分类", "体裁分类", "有效性", "效力状态",
                            "发文机关", "发布机构"))
_INFORMATION_CHARS = 600  # the most Chinese characters such a table holds (link text aside)
_INFORMATION_BLOCKS = frozenset(("table", "div", "ul", "dl", "section"))


def _drop_information_tables(soup: BeautifulSoup) -> list[str]:
    """Remove the information tables (``_INFORMATION_LABEL``) wherever they stand, the text's
    container included: their labels and values were sentences before the 主送. Returns the
    titles their 标题 rows give."""
    found = []
    if len({re.sub(r"\s", "", m.group(1)) for m in _INFORMATION_LABEL.finditer(soup.get_text(" "))}) < _INFORMATION_LABELS:
        return []
    root = soup.body or soup
    counts = _cjk_counts(root)
    for element in _tags_in_order(root):
        # Only a small block is read whole: a page's wrappers are not looked at letter by letter.
        if element.name not in _INFORMATION_BLOCKS or counts[id(element)] > _INFORMATION_CHARS:
            continue
        text = element.get_text(" ")
        labels = {re.sub(r"\s", "", match.group(1)) for match in _INFORMATION_LABEL.finditer(text)}
        # Labels and values, no sentence, and a label only the page's record of a document has
        # (a form in the text may ask for 标题, 文号 and 发布日期, never for a 索引号).
        if (len(labels) >= _INFORMATION_LABELS and not labels.isdisjoint(_RECORD_LABELS)
                and "。" not in text):
            found.append(element)
    # The innermost: a block holding such a table may hold the title's <h1> too.
    holding = {id(parent) for element in found for parent in element.parents}
    innermost = [element for element in found if id(element) not in holding]
    titles = []
    for element in innermost:
        cells = [normalize_paragraph_text(cell.get_text(" ")) for cell in element.find_all(["td", "th", "dd", "span", "li"])]
        for index, cell in enumerate(cells):
            label = re.sub(r"\s", "", cell)
            value = label.split("：", 1)[1] if label.startswith("标题：") else (
                cells[index + 1] if label in ("标题：", "标题:") and index + 1 < len(cells) else "")
            if _document_title(value):
                titles.append(_document_title(value))
        element.decompose()
    return titles


def _recorded_titles(soup: BeautifulSoup) -> list[str]:
    """The titles a page records in its head, best first: the CMS's <meta name="ArticleTitle">
    and the like, then the part of the window's <title> that reads as a document's title
    (国务院办公厅关于……的通知_政府信息公开)."""
    titles = []
    for meta in soup.find_all("meta"):
        name = _text_attribute(meta, "name") or _text_attribute(meta, "property")
        if name in _TITLE_METAS:
            titles.append(_document_title(_text_attribute(meta, "content")))
    window = soup.find("title")
    if window is not None:
        titles.extend(_document_title(part) for part in _WINDOW_TITLE_PARTS.split(window.get_text()))
    return [title for title in titles if title]


def _title_outside(content: Tag, paragraphs: list[Paragraph], recorded: list[str]) -> str:
    """The document's title when the page shows it above the text's container (gov.cn's <h1>,
    a 标题 cell in the information table above, a centred heading in the table row above) or
    records it only in its head; "" when the text opens with a title of its own. Without it,
    the 发文字号 or the 主送 was taken for the title."""
    if any(_document_title(paragraph.text) for paragraph in paragraphs[:_OWN_TITLE_LINES]):
        return ""
    title = _title_above(content) or next(iter(recorded), "")
    opening = "".join(p.text for p in paragraphs[:_OWN_TITLE_LINES]).replace(" ", "")
    return title if title.replace(" ", "") not in opening else ""


_OWN_TITLE_LINES = 3  # the text's opening lines that may hold its own title
_ABOVE_BLOCKS = 40  # how many blocks above the text are looked through for its title


# A 发文字号 (国办发〔2019〕3号), and how far above the text it is looked for: between the title
# and the text, where a page without the title in its container prints it too.
_NUMBER_BLOCKS = 4


def _number_above(content: Tag) -> str:
    """The 发文字号 printed just above the text's container, or ""."""
    seen = 0
    for element in _blocks_above(content):
        text = normalize_paragraph_text(element.get_text(" ")).replace(" ", "")
        if DOC_NUMBER.match(text):
            return text
        seen += 1
        if seen >= _NUMBER_BLOCKS or _document_title(text):
            return ""
    return ""


def _blocks_above(content: Tag):
    """The blocks before the text's container, nearest first, not those it stands in."""
    holding = {id(parent) for parent in content.parents}
    for element in content.previous_elements:
        if isinstance(element, Tag) and element.name in _BLOCK_TAGS and id(element) not in holding:
            yield element


def _title_above(content: Tag) -> str:
    """The nearest block above the text's container that reads as a title and is no link, or ""."""
    for seen, element in enumerate(_blocks_above(content)):
        if seen >= _ABOVE_BLOCKS:
            break
        if element.find_parent("a") is None and element.find("a") is None:
            title = _document_title(element.get_text())
            if title:
                return title
    return ""


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

    def __init__(self, sheet: _StyleSheet) -> None:
        self.sheet = sheet
        self.paragraphs: list[Paragraph] = []
        self._pieces: list[tuple[str, bool]] = []
        self._context = (False, False)  # centered, in_table of the pieces being collected
        self._label = ""  # a list item's number, waiting for the item's first words

    def flush(self) -> None:
        text = normalize_paragraph_text(_HTML_SPACE_RE.sub(" ", "".join(text for text, _ in self._pieces)))
        if text:
            visible = [bold for piece, bold in self._pieces if piece.strip()]
            centered, in_table = self._context
            self.paragraphs.append(
                Paragraph(text=text, bold=bool(visible) and all(visible), centered=centered, in_table=in_table)
            )
        self._pieces = []

    def walk(self, node: Tag, centered: bool, bold: bool, in_table: bool, kept_lines: bool = False) -> None:
        """The paragraphs under ``node``; ``kept_lines`` where the page keeps the text's line
        breaks (<pre>, white-space: pre-line), each line a paragraph as the browser shows it."""
        counter = _list_start(node) if node.name == "ol" else 0
        for child in node.children:
            if isinstance(child, _SKIPPED_STRINGS):
                continue
            if isinstance(child, NavigableString):
                lines = str(child).split("\n") if kept_lines else [str(child)]
                for index, line in enumerate(lines):
                    if index:
                        self.flush()
                    if not self._pieces:
                        self._context = (centered, in_table)
                    if self._label and line.strip():
                        self._pieces.append((self._label, bold))  # before the item's first words
                        self._label = ""
                    self._pieces.append((line, bold))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name == "br":
                self.flush()
                continue
            if child.name == "li" and node.name == "ol":
                # The number the browser draws before an item of a numbered list.
                label = _list_label(counter, node, child) if self.sheet.numbers(node) and self.sheet.numbers(child) else ""
                counter += 1
                if label:
                    self.flush()
                    self._label = label
                    self.walk(child, centered, bold, in_table, kept_lines)
                    self.flush()
                    self._label = ""
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
            style = _text_attribute(child, "style")
            child_kept = kept_lines or child.name in ("pre", "textarea", "listing", "plaintext") or bool(
                _KEPT_LINES_RE.search(style))
            if child.name in _BLOCK_TAGS or _DISPLAY_BLOCK_RE.search(style):
                self.flush()
                self.walk(child, child_centered, child_bold, in_table or child.name in _TABLE_TAGS, child_kept)
                self.flush()
            else:
                self.walk(child, child_centered, child_bold, in_table, child_kept)


# Line breaks the page keeps (white-space: pre / pre-line / pre-wrap / break-spaces), and an inline
# element set out as a block of its own.
_KEPT_LINES_RE = re.compile(r"white-space\s*:\s*(?:pre|pre-line|pre-wrap|break-spaces)\b", re.IGNORECASE)
_DISPLAY_BLOCK_RE = re.compile(r"display\s*:\s*(?:block|list-item|flex|grid)\b", re.IGNORECASE)
_LIST_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)
# How a browser numbers a list: CSS list-style-type, or the type attribute (1 a A i I).
_LIST_STYLES = {
    "decimal": lambda n: f"{n}.", "decimal-leading-zero": lambda n: f"{n:02d}.",
    "lower-alpha": lambda n: f"{letters(n)}.", "lower-latin": lambda n: f"{letters(n)}.",
    "upper-alpha": lambda n: f"{letters(n).upper()}.", "upper-latin": lambda n: f"{letters(n).upper()}.",
    "lower-roman": lambda n: f"{roman(n).lower()}.", "upper-roman": lambda n: f"{roman(n)}.",
    "cjk-ideographic": lambda n: f"{chinese_counting(n)}、", "simp-chinese-informal": lambda n: f"{chinese_counting(n)}、",
    "trad-chinese-informal": lambda n: f"{chinese_counting(n)}、", "cjk-decimal": lambda n: f"{ideograph_digital(n)}、",
}
_LIST_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


def _list_start(ol: Tag) -> int:
    value = _text_attribute(ol, "start").strip()
    return int(value) if value.isdigit() and int(value) < 10_000 else 1


def _list_label(counter: int, ol: Tag, li: Tag) -> str:
    """The label a browser draws before a list item ("1.", "一、"), "" when it draws none (list-style:
    none) or the item's text carries its own number already (a list typed 一、 二、 by hand)."""
    value = _text_attribute(li, "value").strip()
    number = int(value) if value.isdigit() and int(value) < 10_000 else counter
    style = None
    for tag in (li, ol):
        match = _LIST_STYLE_RE.search(_text_attribute(tag, "style"))
        if match:
            style = match.group(1).lower()
            break
        kind = _text_attribute(tag, "type").strip()
        if kind in _LIST_TYPES:
            style = _LIST_TYPES[kind]
            break
    style = style or "decimal"
    if style not in _LIST_STYLES or starts_with_numbering(li.get_text().strip()):
        return ""
    return _LIST_STYLES[style](number)


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
        if len(rows) == CAPTION_ROWS + 1 and all(header_roles(row) is None for row in rows):
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


def _local_frames(soup: BeautifulSoup, path: str) -> list[Path]:
    """The files of the page's frames that the browser saved with it (“网页，全部” keeps them in a
    folder beside the page named after it: 法律_files/viewer.html): relative addresses only, into
    such a folder, each once, of a web page's suffix and size."""
    if not path:
        return []
    page = Path(path).resolve()
    frames: list[Path] = []
    for frame in soup.find_all(["iframe", "frame"], limit=_FRAMES):
        source = unquote(_text_attribute(frame, "src").split("#", 1)[0].split("?", 1)[0]).strip()
        if not source or _ADDRESS_SCHEME_RE.match(source) or source.startswith(("/", "\\")):
            continue
        target = (page.parent / source).resolve()
        if (target.parent.parent == page.parent and _SAVED_FOLDER_RE.search(target.parent.name)
                and target.suffix.lower() in _FRAME_SUFFIXES and target != page and target not in frames
                and target.is_file() and target.stat().st_size <= MAX_HTML_BYTES):
            frames.append(target)
    return frames


# The folder a browser saves a page's parts in: 页面_files, 页面.files, 页面_文件 (Chinese Windows).
_SAVED_FOLDER_RE = re.compile(r"(?:[_.]files|_文件)$", re.IGNORECASE)
_ADDRESS_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FRAME_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".xhtml"))


def _framed_text(frames: list[Path], paragraphs: list[Paragraph], depth: int) -> tuple[Path, RawDocument] | None:
    """The saved frame holding more of the text than the page around it, read as a page."""
    own = sum(len(CJK_CHAR_RE.findall(p.text)) for p in paragraphs)
    best = None
    for frame in frames:
        try:
            document = read_html(str(frame), frame.read_bytes(), _depth=depth + 1)
        except (DocumentReadError, OSError):
            continue
        chars = sum(len(CJK_CHAR_RE.findall(p.text)) for p in document.paragraphs)
        if chars > own and (best is None or chars > best[0]):
            best = (chars, frame, document)
    return (best[1], best[2]) if best else None


_FRAME_DEPTH = 2  # frames within frames read at most this deep
_FRAMES = 8  # the most frames of a page looked at


def read_html(path: str, data: bytes, *, frames: bool = True, _depth: int = 0) -> RawDocument:
    """Reads the main text of a saved web page.

    Args:
        path: the file name, kept in the result.
        data: the page's bytes.
        frames: read the frames the browser saved beside the page (not for the page of an .mht,
            whose path is the .mht's own).

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
    recorded = _recorded_titles(soup)
    frame_files = _local_frames(soup, path) if frames and _depth < _FRAME_DEPTH else []
    sheet = _StyleSheet.of(soup)
    _drop_hidden(soup, sheet)
    recorded += _drop_information_tables(soup)
    containers = _main_content(soup)
    content = containers[0]
    collector = _BlockCollector(sheet)
    for container in containers:
        kept_lines = container.name == "pre" or bool(_KEPT_LINES_RE.search(_text_attribute(container, "style")))
        collector.walk(container, bool(_alignment(container)), bool(_weight(container)), in_table=False,
                       kept_lines=kept_lines)
        collector.flush()
    pages = _pages_of_text(containers)
    if pages:
        notes = (*notes, f"网页显示正文分为{pages}页，保存的网页只有其中一页：请在网站上打开“全文”或逐页保存后再对照，以免漏掉内容。")
    paragraphs = tuple(collector.paragraphs)
    framed = _framed_text(frame_files, list(paragraphs), _depth) if frame_files else None
    if framed is not None:
        # The text is in a frame (a law's viewer): the page around it is the site's.
        frame, document = framed
        paragraphs = document.paragraphs
        notes = (*notes, f"网页正文在框架中，已读取随网页保存的框架文件“{frame.name}”。", *document.warnings)
    else:
        paragraphs, joins = unwrapped(paragraphs)
        notes = (*notes, UNWRAP_WARNING.format(count=joins)) if joins else notes
    if not paragraphs:
        if not text.strip() or soup.get_text().strip() == "":
            raise EmptyDocumentError("网页中没有任何文字内容。", path=path)
        raise DocumentReadError("未能在网页中找到正文内容。", path=path)
    return RawDocument(path=path, format="html", paragraphs=_with_title_outside(content, paragraphs, recorded),
                       encoding=encoding, warnings=notes)


def _pages_of_text(containers: list[Tag]) -> int:
    """How many pages a site split the text into (共3页 上一页 1 2 3 下一页), where its page bar
    stands in the text's container or just after it; 0 for a text on one page."""
    last = containers[-1]
    places = [*containers, *[sibling for sibling in last.find_next_siblings(limit=2) if isinstance(sibling, Tag)]]
    for place in places:
        for bar in place.find_all(string=_PAGE_COUNT_RE):
            parent = bar.parent.parent if bar.parent is not None and bar.parent.parent is not None else bar.parent
            match = _PAGE_COUNT_RE.search(str(bar))
            if match and int(match.group(1)) >= 2 and parent is not None and "下一页" in parent.get_text():
                return int(match.group(1))
    return 0


_PAGE_COUNT_RE = re.compile(r"共\s*(\d{1,3})\s*页")


def _with_title_outside(content: Tag, paragraphs: tuple[Paragraph, ...],
                        recorded: list[str]) -> tuple[Paragraph, ...]:
    """The paragraphs, after the title the page shows outside the text's container (and the
    发文字号 above the container, when the text has none of its own) where the text has none."""
    title = _title_outside(content, list(paragraphs), recorded)
    if not title:
        return paragraphs
    opening = paragraphs[:_OWN_TITLE_LINES]
    number = "" if any(DOC_NUMBER.match(p.text.replace(" ", "")) for p in opening) else _number_above(content)
    return (Paragraph(text=title, bold=True, centered=True),
            *((Paragraph(text=number, centered=True),) if number else ()), *paragraphs)
