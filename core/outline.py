"""Stage 2: the section tree of a document from Chinese official numbering.

Two grammars, chosen per document:

* **policy** — ``一、`` / ``（一）`` / ``1.`` / ``（1）`` / ``①`` in either bracket and dot width,
  labels Word generates, and heading styles. Levels follow the order in which the numbering kinds
  first appear (the way drafters nest them), not a fixed table.
* **statute** — ``第一编`` / ``第一章`` / ``第一节`` / ``第一条``; the lines of an article are its
  款, a line opening with ``（一）`` is a 项 of the preceding 款.

Title, 文号, addressees, promulgation lines and the tail (signature, date, ``（此件公开发布）``,
attachments) are recognised and kept out of the body sections. A document with no numbering at
all becomes one section per paragraph, with a warning saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.clauses import build_clauses
from core.model import Outline, Paragraph, RawDocument, Section
from core.text import CHINESE_NUMERAL, chinese_to_int, fold_width, squeeze_cjk_spaces

_N = CHINESE_NUMERAL

# Policy numbering, matched on width-folded text. Each yields (kind, numeral, rest).
_POLICY_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("han", re.compile(rf"^([{_N}]+)\s*[、,.]\s*")),
    ("paren_han", re.compile(rf"^\(\s*([{_N}]+)\s*\)\s*[、.]?\s*")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.、](?!\d)\s*")),
    ("paren_arabic", re.compile(r"^\(\s*(\d{1,2})\s*\)\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
)
_POLICY_KIND_NAMES = ("part", "section", "item", "subitem", "point", "point")

_STATUTE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("book", re.compile(rf"^第\s*([{_N}\d]+)\s*编(?![的规所中内])\s*(.*)$")),
    ("chapter", re.compile(rf"^第\s*([{_N}\d]+)\s*章(?![的规所中内])\s*(.*)$")),
    ("subchapter", re.compile(rf"^第\s*([{_N}\d]+)\s*节(?![的规所中内])\s*(.*)$")),
    ("article", re.compile(rf"^第\s*([{_N}\d]+)\s*条(?:\s*|$)(.*)$")),
)
_STATUTE_RANK = {"book": 0, "chapter": 1, "subchapter": 2, "article": 3}
_ARTICLE_TITLE = re.compile(r"^[【\[［]([^】\]］]{1,30})[】\]］]\s*")

_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号$")
_DATE = re.compile(rf"^(?:\d{{4}}|[{_N}]{{4}})\s*年\s*[\d{_N}]{{1,3}}\s*月\s*[\d{_N}]{{1,3}}\s*日$")
_PROMULGATION = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,80}"
                           r"(?:通过|公布|施行|修正|修订|发布|修改)")
_SOURCE_LINE = re.compile(r"^(?:来源|发布时间|更新时间|发文机关|发布机构|成文日期|字号|作者|责任编辑)\s*[:：]")
_PUBLICATION_NOTE = re.compile(r"^[（(]\s*此件[^）)]{0,10}[）)]$")
_ATTACHMENT = re.compile(r"^附\s*件\s*(?:\d+)?\s*[:：]?")
_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|国务院|办公厅|办公室|委员会|人民代表大会常务委员会|"
                     r"部|厅|局|署|委|院)$")
_ADDRESSEE_HINT = re.compile(r"(?:人民政府|各部门|各委|各直属机构|各单位|各有关|各市|各区|各县|各省|有关部门)")
_TITLE_END = re.compile(r"(?:意见|通知|条例|办法|规定|决定|方案|规划|法|细则|纲要|解读|报告|函|批复|公告|通告|"
                        r"规则|措施|计划|要点|[）)])$")
_TERMINAL = "。！？；：:;，,"

_TITLE_MAX = 80
_HEADING_TITLE_MAX = 40


def outline_document(raw: RawDocument) -> Outline:
    """Build the outline of a read document.

    Args:
        raw: the paragraphs from a reader.

    Returns:
        The outline: front matter, preamble (id "0"), numbered sections, tail.
    """
    lines = [_Line.from_paragraph(p) for p in raw.paragraphs]
    lines = [line for line in lines if line.text]
    grammar = _detect_grammar(lines)
    front = _split_front_matter(lines, grammar)
    body = lines[front.body_start:]
    body, tail = _split_tail(body, grammar)
    warnings = list(raw.warnings)
    if grammar == "statute":
        sections = _statute_sections(body, front.preamble, warnings)
    elif grammar == "policy":
        sections = _policy_sections(body, front.preamble, warnings)
    else:
        sections = _plain_sections(body, front.preamble)
        warnings.append("未识别到编号结构，已按自然段划分章节。")
    return Outline(path=raw.path, format=raw.format, grammar=grammar, title=front.title,
                   doc_number=front.doc_number, addressees=front.addressees,
                   front_matter=tuple(front.other), sections=tuple(sections),
                   tail=tuple(line.text for line in tail), warnings=tuple(warnings))


@dataclass(frozen=True)
class _Line:
    """A paragraph as the outline sees it: printed text (label included) and its formatting."""

    text: str
    numbering: str
    centered: bool
    bold: bool
    outline_level: int | None

    @classmethod
    def from_paragraph(cls, paragraph: Paragraph) -> _Line:
        return cls(text=paragraph.text.strip(), numbering=paragraph.numbering.strip(),
                   centered=paragraph.centered, bold=paragraph.bold,
                   outline_level=paragraph.outline_level)

    @property
    def printed(self) -> str:
        """Text as a reader sees it on paper, with a Word-generated label in front."""
        return f"{self.numbering}{self.text}" if self.numbering else self.text


# --------------------------------------------------------------------------- grammar and front


def _policy_marker(text: str) -> tuple[str, int, str, str] | None:
    """(kind, number, label as printed, rest) when the text opens with policy numbering."""
    folded = fold_width(text)
    for kind, pattern in _POLICY_MARKERS:
        match = pattern.match(folded)
        if not match:
            continue
        numeral = match.group(1)
        try:
            number = (ord(numeral) - 0x245F) if kind == "circled" else chinese_to_int(numeral)
        except ValueError:
            continue
        # The folded text has the same length as the original, so offsets carry over.
        label = text[:match.end()].strip()
        return kind, number, label, text[match.end():].strip()
    return None


def _statute_marker(text: str) -> tuple[str, int, str, str] | None:
    for kind, pattern in _STATUTE_MARKERS:
        match = pattern.match(text)
        if not match:
            continue
        try:
            number = chinese_to_int(match.group(1))
        except ValueError:
            continue
        rest = match.group(2).strip()
        label_end = match.start(2) if match.group(2) else len(text)
        label = squeeze_cjk_spaces(text[:label_end].strip()).replace(" ", "")
        return kind, number, label, rest
    return None


def _detect_grammar(lines: list[_Line]) -> str:
    articles = sum(1 for line in lines
                   if (m := _statute_marker(line.text)) and m[0] == "article")
    markers = [line.numbering or _policy_marker(line.text) for line in lines]
    policy = sum(1 for marker in markers if marker)
    chinese_heads = sum(1 for m in markers if m and (isinstance(m, str) or m[0] in ("han", "paren_han")))
    if articles >= 3 and articles >= policy / 2:
        return "statute"
    if policy >= 2 or chinese_heads or any(line.outline_level is not None for line in lines):
        return "policy"
    return "plain"


@dataclass
class _Front:
    title: str = ""
    doc_number: str = ""
    addressees: str = ""
    other: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body_start: int = 0


def _is_heading_line(line: _Line, grammar: str) -> bool:
    if grammar == "statute":
        return _statute_marker(line.text) is not None
    if grammar == "policy":
        return bool(line.numbering) or _policy_marker(line.text) is not None \
            or line.outline_level is not None
    return False


def _split_front_matter(lines: list[_Line], grammar: str) -> _Front:
    """Title, 文号, addressees and other front lines; the preamble; where the body starts."""
    front = _Front()
    index = 0
    count = len(lines)
    # The title: the first line, joined with the following title fragments (a title broken over
    # two centred lines, as gov.cn pages and some PDFs give it).
    if count and not _is_heading_line(lines[0], grammar) and _looks_like_title(lines[0].text):
        title = lines[0].text
        index = 1
        while (index < count and not title.endswith(tuple("。！？")) and
               not _TITLE_END.search(title) and _is_title_fragment(lines[index], lines[0], grammar)
               and len(title) + len(lines[index].text) <= _TITLE_MAX):
            title += lines[index].text
            index += 1
        front.title = title
    # Front lines until the first heading; the addressee line ends the front matter proper.
    while index < count and not _is_heading_line(lines[index], grammar):
        text = lines[index].text
        folded = fold_width(text)
        if not front.doc_number and _DOC_NUMBER.match(text.replace(" ", "")):
            front.doc_number = text.replace(" ", "")
        elif (not front.addressees and not front.preamble and folded.endswith(":")
              and len(text) <= 120 and _ADDRESSEE_HINT.search(text)):
            front.addressees = text
        elif _PROMULGATION.match(text) or _SOURCE_LINE.match(folded) or \
                (not front.preamble and _DATE.match(text)):
            front.other.append(text)
        else:
            front.preamble.append(text)
        index += 1
    front.body_start = index
    return front


def _looks_like_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(tuple("。！？；")) \
        and not _SOURCE_LINE.match(fold_width(text)) and not _DOC_NUMBER.match(text)


def _is_title_fragment(line: _Line, first: _Line, grammar: str) -> bool:
    text = line.text
    if _is_heading_line(line, grammar) or _DOC_NUMBER.match(text.replace(" ", "")):
        return False
    if _DATE.match(text) or _PROMULGATION.match(text) or _SOURCE_LINE.match(fold_width(text)):
        return False
    if first.centered and not line.centered:
        return False
    return len(text) <= 30 and not any(ch in _TERMINAL for ch in text)


def _split_tail(body: list[_Line], grammar: str) -> tuple[list[_Line], list[_Line]]:
    """Separate signature, date, publication note and attachments from the end of the body."""
    for index, line in enumerate(body):
        if _ATTACHMENT.match(line.text) and len(line.text) <= 60 and index > 0:
            # An attachment list and what follows it is not part of the body.
            body, attachments = body[:index], body[index:]
            break
    else:
        attachments = []
    end = len(body)
    while end > 0:
        text = body[end - 1].text
        if _PUBLICATION_NOTE.match(text) or _DATE.match(text) or \
                (_ISSUER.match(text) and grammar != "statute"):
            end -= 1
            continue
        break
    return body[:end], body[end:] + attachments


# --------------------------------------------------------------------------- section builders


@dataclass
class _Draft:
    """A section while it is being built; frozen into a Section at the end."""

    label: str
    title: str
    level: int
    kind: str
    number: int
    parent: _Draft | None
    paragraphs: list[str] = field(default_factory=list)
    id: str = ""


def _assign_ids(drafts: list[_Draft]) -> None:
    counters: dict[int, int] = {}
    for draft in drafts:
        key = id(draft.parent) if draft.parent else 0
        counters[key] = counters.get(key, 0) + 1
        prefix = f"{draft.parent.id}." if draft.parent else ""
        draft.id = f"{prefix}{counters[key]}"


def _freeze(drafts: list[_Draft], preamble: list[str], *, statute: bool) -> list[Section]:
    _assign_ids(drafts)
    sections: list[Section] = []
    if preamble:
        sections.append(Section(id="0", label="", title="", level=0, kind="preamble",
                                paragraphs=tuple(preamble),
                                clauses=build_clauses("0", tuple(preamble))))
    for draft in drafts:
        paragraphs = tuple(draft.paragraphs)
        sections.append(Section(
            id=draft.id, label=draft.label, title=draft.title, level=draft.level,
            kind=draft.kind, number=draft.number,
            parent=draft.parent.id if draft.parent else "", paragraphs=paragraphs,
            clauses=build_clauses(draft.id, paragraphs, statute=statute and draft.kind == "article")))
    return sections


def _split_heading(rest: str) -> tuple[str, str]:
    """Split "加强人员培训。各地区……" into a heading title and the body that follows it.

    A first sentence longer than a heading can be is body text, and the title stays empty.
    """
    match = re.search(r"[。！？]", rest)
    if match is None:
        if len(rest) <= _HEADING_TITLE_MAX:
            return rest, ""
        return "", rest
    first = rest[:match.start()]
    if len(first) <= _HEADING_TITLE_MAX:
        return first.strip(), rest[match.end():].strip()
    return "", rest


def _policy_sections(body: list[_Line], preamble: list[str], warnings: list[str]) -> list[Section]:
    drafts: list[_Draft] = []
    stack: list[tuple[str, _Draft]] = []  # (numbering kind, open section) from the top level down
    last_number: dict[tuple[int, str], int] = {}  # (id of parent draft, kind) → last number
    current: _Draft | None = None
    for line in body:
        marker = _policy_marker(line.printed)
        if marker is None and line.outline_level is not None and len(line.text) <= _HEADING_TITLE_MAX:
            marker = (f"outline{line.outline_level}", 0, "", line.text)
        if marker is not None:
            kind, number, label, rest = marker
            depth = next((i for i, (k, _) in enumerate(stack) if k == kind), len(stack))
            parent = stack[depth - 1][1] if depth else None
            previous = last_number.get((id(parent), kind), 0)
            accepted = number == 0 or number == previous + 1 or number == 1
            if not accepted and previous and number > previous + 1 and len(rest) <= _HEADING_TITLE_MAX:
                warnings.append(f"编号不连续：{label}{rest[:20]}（前一项为第{previous}项）")
                accepted = True
            if accepted:
                del stack[depth:]
                title, first_body = _split_heading(rest)
                level = depth + 1
                draft = _Draft(label=label, title=title, level=level,
                               kind=_POLICY_KIND_NAMES[min(depth, len(_POLICY_KIND_NAMES) - 1)],
                               number=number, parent=parent)
                if first_body:
                    draft.paragraphs.append(first_body)
                drafts.append(draft)
                stack.append((kind, draft))
                if number:
                    last_number[(id(parent), kind)] = number
                current = draft
                continue
        if current is None:
            preamble.append(line.printed)
        else:
            current.paragraphs.append(line.printed)
    return _freeze(drafts, preamble, statute=False)


def _statute_sections(body: list[_Line], preamble: list[str], warnings: list[str]) -> list[Section]:
    drafts: list[_Draft] = []
    open_by_rank: dict[int, _Draft] = {}
    current: _Draft | None = None
    last_article = 0
    for line in body:
        marker = _statute_marker(line.text)
        if marker is None:
            if current is None:
                preamble.append(line.text)
            else:
                current.paragraphs.append(line.text)
            continue
        kind, number, label, rest = marker
        rank = _STATUTE_RANK[kind]
        # The parent is the nearest open heading of a higher rank.
        parent = next((open_by_rank[r] for r in range(rank - 1, -1, -1) if r in open_by_rank), None)
        for r in [r for r in open_by_rank if r >= rank]:
            del open_by_rank[r]
        if kind == "article":
            if number != last_article + 1:
                warnings.append(f"条文编号不连续：{label}（前一条为第{last_article}条）")
            last_article = number
            title_match = _ARTICLE_TITLE.match(rest)
            title = title_match.group(1) if title_match else ""
            first_body = rest[title_match.end():] if title_match else rest
        else:
            title, first_body = rest, ""
        draft = _Draft(label=label, title=title, level=(parent.level + 1) if parent else 1,
                       kind=kind, number=number, parent=parent)
        if first_body:
            draft.paragraphs.append(first_body)
        drafts.append(draft)
        open_by_rank[rank] = draft
        current = draft
    return _freeze(drafts, preamble, statute=True)


def _plain_sections(body: list[_Line], preamble: list[str]) -> list[Section]:
    # Without headings nothing tells the preamble from the body: every paragraph is a section.
    texts = preamble + [line.text for line in body]
    drafts = [_Draft(label="", title="", level=1, kind="paragraph", number=n, parent=None,
                     paragraphs=[text]) for n, text in enumerate(texts, start=1)]
    return _freeze(drafts, [], statute=False)
