"""The values that flow through the pipeline: read → outline → clauses → align → coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as a reader found it, with what its formatting tells.

    Attributes:
        text: the paragraph's text, without any Word-generated numbering.
        style: style name ("Heading 1", "标题 2", "") when the format has styles.
        outline_level: 0-based outline level from a heading style or ``w:outlineLvl``.
        numbering: the label Word generates for the paragraph ("一、", "（一）", "1.") — not in text.
        bold: the whole paragraph is bold.
        centered: the paragraph is centred (titles usually are).
        in_table: the paragraph sits in a table cell.
    """

    text: str
    style: str = ""
    outline_level: int | None = None
    numbering: str = ""
    bold: bool = False
    centered: bool = False
    in_table: bool = False


@dataclass(frozen=True)
class RawDocument:
    """A file read into paragraphs, before any structure is known.

    Attributes:
        path: where it came from ("" for pasted text).
        format: "docx", "txt", "pdf", "html", "doc", "wps" or "text" (pasted).
        paragraphs: non-empty paragraphs in reading order.
        encoding: the detected encoding for text files.
        warnings: Chinese notes for the user (e.g. an encoding guessed with low confidence).
    """

    path: str
    format: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


class Status(str, Enum):
    """Coverage of a clause. The GUI and each exporter map these to colours and labels."""

    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"
    ADDED = "addition"
    NOT_EXPECTED = "not_expected"
    """A national provision a provincial text is not expected to carry (无需地方落实): duties of
    central organs only, criminal liability, litigation procedure, 施行日期, and in policy texts
    sentences that state no task (形势、现状、意义)."""


STATUS_LABELS: dict[Status, str] = {
    Status.COVERED: "已覆盖", Status.PARTIAL: "部分覆盖", Status.MISSING: "未覆盖",
    Status.ADDED: "本省新增", Status.NOT_EXPECTED: "无需地方落实",
}
"""The Chinese name of each status, shared by the command line, the reports and the review's
history (the app maps statuses to colours and labels in desktop/status_style.py)."""


def roll_up(statuses: Iterable[Status]) -> Status | None:
    """A section's status from its clauses': covered when all are, missing when all are,
    partial otherwise; None for no clauses.

    Clauses not expected of a province do not count, unless every clause is one: then the
    section is not expected either.
    """
    found = set(statuses)
    if not found:
        return None
    if found == {Status.NOT_EXPECTED}:
        return Status.NOT_EXPECTED
    found.discard(Status.NOT_EXPECTED)
    if found == {Status.COVERED}:
        return Status.COVERED
    if found == {Status.MISSING}:
        return Status.MISSING
    return Status.PARTIAL


@dataclass(frozen=True)
class Clause:
    """One sentence of a section: the unit of comparison.

    Attributes:
        id: section id and 1-based position, "2.1-3" (the compare prefixes N/P).
        section: id of the section it belongs to.
        text: the sentence without its metadata.
        paragraph: 1-based paragraph within the section (a statute's 款).
        item: the inline item label it falls under ("（一）" 项 of an article, "一是"), or "".
        lead_in: for a 项 of a statute, the sentence that opens its list (……应当采取下列措施：):
            the item shares its subject and binding force; "" otherwise.
        responsibility: responsibility units named after it (责任单位/牵头单位/配合单位), all of
            them, in the order named.
        lead_units: those of them the note names as leading (牵头单位, 省数据局牵头).
        support_units: those it names as supporting (配合单位, 省公安厅配合, 协办单位).
        deadline: the deadline stated for it ("2024年底前", "长期坚持"), or "".
        targets: quantified targets found in it ("到2025年", "80%", "3个工作日").
    """

    id: str
    section: str
    text: str
    paragraph: int = 1
    item: str = ""
    lead_in: str = ""
    responsibility: tuple[str, ...] = ()
    deadline: str = ""
    targets: tuple[str, ...] = ()
    lead_units: tuple[str, ...] = ()
    support_units: tuple[str, ...] = ()

    def units_by_role(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The units by the part the note gives them, as drafters label them — 牵头单位, 配合单位,
        and 责任单位 for those named with no part — in the order the note names them; only
        责任单位 when it names no part."""
        def label(unit: str) -> str:
            return ("牵头单位" if unit in self.lead_units else "配合单位" if unit in self.support_units
                    else "责任单位")
        groups: dict[str, list[str]] = {}
        for unit in self.responsibility:
            groups.setdefault(label(unit), []).append(unit)
        return tuple((name, tuple(units)) for name, units in groups.items())


@dataclass(frozen=True)
class Section:
    """A numbered section of a document, or the preamble (id "0").

    Attributes:
        id: dotted 1-based position among numbered headings ("2.1"); "0" is the preamble.
        label: the numbering as printed ("二、", "（一）", "第三条").
        title: the heading text ("" for an article without a heading).
        level: depth in the tree, 1 for top-level parts or chapters.
        kind: "preamble", "part", "section", "item", "subitem", "point", "book", "chapter",
            "subchapter", "article" or "paragraph" (unnumbered documents).
        number: the numeral's value (3 for "第三条", "（三）", "3.").
        parent: id of the enclosing section, "" at the top.
        paragraphs: the body text under the heading, before any child heading.
        clauses: the body split into sentences.
    """

    id: str
    label: str
    title: str
    level: int
    kind: str
    number: int = 0
    parent: str = ""
    paragraphs: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()

    @property
    def heading(self) -> str:
        """Label and title as one line, e.g. "（一）发展现状"; a decimal label is set apart from
        its title as printed ("1.1 编制目的")."""
        if self.title and self.label[-1:].isdigit():
            return f"{self.label} {self.title}"
        return f"{self.label}{self.title}"


@dataclass(frozen=True)
class Outline:
    """A document's structure: front matter, sections in document order, tail.

    Attributes:
        path: the source file.
        format: the reader's format name.
        grammar: "policy", "statute" or "plain" (no numbering found).
        title: the document title.
        doc_number: 文号 such as "国发〔2022〕14号", or "".
        addressees: the 主送 line ("各省、自治区、直辖市人民政府…："), or "".
        front_matter: other lines before the body (promulgation notes, source lines).
        sections: the preamble (id "0", when there is one) then every numbered section.
        tail: signature, date, "（此件公开发布）", attachments.
        warnings: Chinese notes for the user.
    """

    path: str
    format: str
    grammar: str
    title: str
    doc_number: str = ""
    addressees: str = ""
    front_matter: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    tail: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def section(self, section_id: str) -> Section:
        """The section with this id. Raises KeyError when there is none."""
        try:
            return self._sections_by_id[section_id]
        except KeyError:
            raise KeyError(section_id) from None

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        # The engine looks sections up millions of times on long texts; a scan each time made
        # a 16× comparison quadratic. Computed once (the outline is immutable), not a field.
        index: dict[str, Section] = {}
        for section in self.sections:
            index.setdefault(section.id, section)
        return index

    def children(self, section_id: str) -> tuple[Section, ...]:
        """Direct children of a section ("" for the top level), in order."""
        return tuple(s for s in self.sections if s.parent == section_id and s.id != "0")

    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the document, in document order."""
        return tuple(c for s in self.sections for c in s.clauses)

    def label_path(self, section_id: str) -> str:
        """Labels from the top down to this section, e.g. "二、（三）"; a decimal label names its
        parents itself ("4.2.1", not "44.24.2.1")."""
        labels: list[str] = []
        current = section_id
        while current and current != "0":
            section = self.section(current)
            if not (labels and section.label and
                    _dotted(labels[-1]).startswith(_dotted(section.label) + ".")):
                labels.append(section.label)
            current = section.parent
        return "".join(reversed(labels))


def _dotted(label: str) -> str:
    """A decimal label with full-width digits and dots folded (１．１ → 1.1)."""
    return label.translate(_FULL_WIDTH_DECIMAL)


_FULL_WIDTH_DECIMAL = str.maketrans("０１２３４５６７８９．", "0123456789.")


@dataclass(frozen=True)
class Reason:
    """Why a verdict was reached: a stable code for scripts and a Chinese sentence for people.

    Codes: ``matched`` (carried, nothing lost), ``all_but_central`` (a statute article
    carried in every sentence but those laying duties on central organs alone), ``lost`` (partial: a key term, list member,
    number, deadline or binding word lost), ``part`` (partial: only part of the clause carried), ``weak_match``
    (partial: the best candidate scores under the covered threshold), ``no_candidate`` (missing:
    nothing in the provincial text shares its words), ``too_weak`` (missing: the best candidate
    scores under the partial threshold), ``taken`` (missing: the provincial clause that would
    carry it went to another national item), ``heading`` (a policy paragraph's run-in heading,
    提升辅助决策能力。, judged by the sentences it heads, ``core.leads``), ``heading_restated``
    (covered: a provincial heading restates the policy sentence, 1.全面实施绿色开采，……。以……),
    ``list`` (a sentence
    opening a list, 教师享有下列权利：, judged by its items), ``counterpart`` (covered: the provincial article
    of the same frame kind — purpose or scope — carries it, ``core.provisions``), ``cited``
    (covered: a provincial article applies it by citing it, 按照《……法》第N条的规定, or the
    chapter it stands in, 依照《……法》第三章的规定执行),
    ``referred`` (covered: a provincial article refers every breach to the national law, whose
    法律责任 it then takes over), ``general_reference`` (partial: a provincial article grants
    the rights or binds to the duties of the national law as a whole, 消费者享有《……法》规定的
    各项权利), ``central``
    (not expected: a duty of central organs only, or of a body the national policy sets up for
    the centre), ``criminal``, ``reserved`` (criminal or civil liability only, however worded),
    ``civil`` (who bears a loss: 不承担赔偿责任, 共同海损), ``judicial``, ``ownership`` (who owns
    a resource or a right),
    ``other_law`` (a matter left to another law), ``central_procedure`` (a procedure central
    organs run: 报国务院……批准; goods or people crossing the border, 进口……必须实施检疫;
    foreigners entering the country's waters), ``national_day``, ``treaty`` (which rule prevails
    between a treaty and the law), ``foreign`` (the State's dealings abroad: 国家……开展……国际合作),
    ``transitional`` (本法施行前……继续有效), ``to_provinces`` (a matter left to the provinces'
    own rules, ……由省、自治区、直辖市人民政府规定), ``scope`` (a measure for other places: a
    policy note's 适用范围：河南自贸试验区, a named region's organ, or the governments of 沿海/边境
    places when the province has no coast or border),
    ``effective_date``, ``no_task`` (not expected: a sentence stating no task).
    """

    code: str
    text: str


ROWS_TOLD = "；逐句比对，"
"""Where an article's reason goes on to say which of its sentences the rows show as not (fully)
carried (core.align): as the engine judged them, dropped once a reviewer changes a row."""

HEADING_RESTATED = "heading_restated"
"""The reason code of a policy sentence carried by a provincial heading that restates it
(core.align): it has no sentence match, and its reason names and quotes the heading."""

ALL_BUT_CENTRAL = "all_but_central"
"""The reason code of a statute article carried in all but its central organs' sentences."""

WHOLE_ARTICLE_REASONS = frozenset({"counterpart", "cited", "referred", "general_reference"})
"""Reason codes of a national article that corresponds as a whole, whatever its sentences
match: carried by the provincial article of the same function, applied by a provincial
article that cites it, taken over with the law's 法律责任, or granted by a provincial article
that points to the law as a whole (消费者享有《……法》规定的权利: partial, since nothing of it is
spelt out). No share of content is measured for it, and its sentences share its verdict."""


# A target that is a year (到2035年, 2025年底前): a gap in it is a date, told as 时限.
_YEAR = re.compile(r"^(?:到|至|在)?[0-9０-９]{4}年")


@dataclass(frozen=True)
class Gap:
    """Something that matters in a national clause and is gone or weakened in its match.

    Attributes:
        kind: "term" (a key term), "item" (a member of a list: 医保定点资格 in ……、
            医保定点资格、……), "number" (a quantity or year), "deadline" or "binding" (the
            binding force is weakened, e.g. 全面推进 → 逐步推进).
        national: what the national clause says ("一网通办", "2025年", "确保").
        provincial: what the provincial match says instead ("力争"), "" when it is simply gone.
    """

    kind: str
    national: str
    provincial: str = ""

    def describe(self) -> str:
        """A short Chinese phrase for reports: 缺少“一网通办” / 约束减弱：确保→力争."""
        if self.kind == "binding":
            return f"约束减弱：{self.national}→{self.provincial}"
        noun = {"term": "关键词", "item": "列举项", "number": "指标" if self.national == "全覆盖" else "数量指标",
                "deadline": "时限"}.get(self.kind, "")
        if self.kind == "number" and _YEAR.match(self.national):
            noun = "时限"  # 到2035年 is a target's date, no quantity
        return f"缺少{noun}“{self.national}”"


@dataclass(frozen=True)
class Match:
    """A provincial clause matched to a national clause, with its score (0–100)."""

    clause: Clause
    score: float


@dataclass(frozen=True)
class ClauseFinding:
    """The verdict on one national clause.

    Attributes:
        clause: the national clause.
        status: covered, partial or missing.
        score: the best match's score (0 when there is none).
        matches: provincial matches, best first.
        gaps: what the best match lacks (empty when covered or missing).
        alternatives: other provincial clauses close to this one that the engine gave to other
            national clauses; offered to the reviewer to choose from, never counted as coverage.
        reason: why the status was reached.
    """

    clause: Clause
    status: Status
    score: float
    matches: tuple[Match, ...] = ()
    gaps: tuple[Gap, ...] = ()
    alternatives: tuple[Match, ...] = ()
    reason: Reason = Reason("", "")


ROLLUP = "rollup"
"""The reason code of a section whose status is rolled up from what it holds (not judged whole)."""


@dataclass(frozen=True)
class SectionAlignment:
    """A national section, the provincial sections that carry it, and its status.

    For a statute's article (条) the status is the article's own verdict, judged on the whole
    article with its clauses as evidence, and ``reason`` says why; other sections roll their
    status up from their clauses (or articles), and their reason (code "rollup") counts them
    (本部分共12条：已覆盖8条、部分覆盖3条、未覆盖1条). A missing
    article names in ``nearest`` the provincial article nearest it (too weak to carry it: the
    one its reason names), for a reviewer to check; None otherwise. ``runners_up`` are the next
    nearest after it (its reason names them too), nearest first; ``near_scores`` the
    similarity (0–1) of the nearest and of each runner-up, in that order.
    """

    national: str
    provincial: tuple[str, ...]
    score: float
    status: Status
    reason: Reason = Reason("", "")
    nearest: str | None = None
    runners_up: tuple[str, ...] = ()
    near_scores: tuple[float, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Counts of national clauses per status, and of additions."""

    clauses: int
    covered: int
    partial: int
    missing: int
    additions: int
    not_expected: int = 0


@dataclass(frozen=True)
class Comparison:
    """The result of comparing a provincial text with a national one.

    Everything downstream (terminal summary, JSON, Word, Excel, the app) renders this object; none
    of them recomputes it.
    """

    national: Outline
    provincial: Outline
    sections: tuple[SectionAlignment, ...]
    clauses: tuple[ClauseFinding, ...]
    additions: tuple[Clause, ...]
    engine: str
    parameters: tuple[tuple[str, float], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def summary(self) -> Summary:
        """Counts per status."""
        counts = {status: 0 for status in Status}
        for finding in self.clauses:
            counts[finding.status] += 1
        return Summary(clauses=len(self.clauses), covered=counts[Status.COVERED],
                       partial=counts[Status.PARTIAL], missing=counts[Status.MISSING],
                       additions=len(self.additions), not_expected=counts[Status.NOT_EXPECTED])

    @property
    def articles(self) -> tuple[SectionAlignment, ...]:
        """The national articles (条) judged as wholes, in order; empty unless two statutes were
        compared article by article."""
        return tuple(s for s in self.sections if s.reason.code not in ("", ROLLUP)
                     and self.national.section(s.national).kind == "article")

    def carried_through(self, provincial_section: str) -> tuple[SectionAlignment, ...]:
        """The national articles (judged as wholes) that a provincial article carries, in
        whole or in part: where a local addition standing in it belongs."""
        return tuple(article for article in self.articles if provincial_section in article.provincial
                     and article.status in (Status.COVERED, Status.PARTIAL))

    def addition_context(self, addition: Clause,
                         reviewed: Mapping[str, Status | None] | None = None) -> str:
        """What a reviewer needs beside a local addition that stands in a provincial article
        carrying national ones: that article is no addition, only this sentence of it is not
        found in them (所在的地方第二十二条承接国家文件第十三条（部分覆盖）…); "" otherwise.

        ``reviewed``: the national articles' verdicts after review (national section id →
        status, None for 不适用), where a report has them: an article the reviewer found
        missing is carried by no provincial article, and one changed to partial says so."""
        carried = [(article, article.status if reviewed is None
                    else reviewed.get(article.national, article.status))
                   for article in self.carried_through(addition.section)]
        kept = [(article, status) for article, status in carried
                if status is Status.COVERED or status is Status.PARTIAL]
        if not kept:
            return ""
        where = self.provincial.section(addition.section).label
        which = "、".join(f"{self.national.section(a.national).label}（{STATUS_LABELS[status]}）"
                         for a, status in kept[:3]) + ("等" if len(kept) > 3 else "")
        these = "这些条文" if len(kept) > 1 else "该条"
        return (f"所在的地方{where}承接国家文件{which}；本句在国家文件{these}中未见对应表述，"
                f"是地方{where}补充或改写的内容，请核对。")

    @property
    def article_summary(self) -> Summary | None:
        """Counts of national articles per status (``clauses`` counts articles), or None when
        the texts were not compared article by article."""
        judged = self.articles
        if not judged:
            return None
        counts = {status: 0 for status in Status}
        for article in judged:
            counts[article.status] += 1
        return Summary(clauses=len(judged), covered=counts[Status.COVERED],
                       partial=counts[Status.PARTIAL], missing=counts[Status.MISSING],
                       additions=len(self.additions), not_expected=counts[Status.NOT_EXPECTED])


@dataclass(frozen=True)
class ReviewDecision:
    """A reviewer's decision on one item of a comparison.

    Attributes:
        item: the item's id as the JSON gives it: "N2.1-3" for a national clause, "P5.4-1" for
            a provincial addition.
        status: the status the reviewer sets; None confirms the engine's status.
        not_applicable: the item is marked 不适用 (it does not apply to this province).
        match: id of the provincial clause the reviewer chose instead ("P3.2-1"), or "".
        note: the reviewer's opinion (审核意见).
        reviewer: who decided.
        decided_at: when, as ISO 8601 text.
    """

    item: str
    status: Status | None = None
    not_applicable: bool = False
    match: str = ""
    note: str = ""
    reviewer: str = ""
    decided_at: str = ""


# ---------------------------------------------------------------- item ids
# A review item is named by its side and its clause id: "N2.1-3" (national clause 2.1-3),
# "P5.4-1" (provincial clause 5.4-1). Decisions, the JSON, the reports and the app all use these
# strings; this is the one place that knows how they are spelled.

NATIONAL_PREFIX = "N"
PROVINCIAL_PREFIX = "P"


@dataclass(frozen=True)
class ItemId:
    """An item id taken apart.

    Attributes:
        provincial: a provincial clause ("P…": an addition, or a chosen match); else national.
        clause: the clause's id in its side's outline ("2.1-3").
    """

    provincial: bool
    clause: str

    @property
    def national(self) -> bool:
        """A national clause ("N…")."""
        return not self.provincial

    def __str__(self) -> str:
        return (PROVINCIAL_PREFIX if self.provincial else NATIONAL_PREFIX) + self.clause


def national_id(clause_id: str) -> str:
    """The item id of a national clause: "2.1-3" → "N2.1-3"."""
    return NATIONAL_PREFIX + clause_id


def provincial_id(clause_id: str) -> str:
    """The item id of a provincial clause: "5.4-1" → "P5.4-1"."""
    return PROVINCIAL_PREFIX + clause_id


def parse_item_id(item: str) -> ItemId:
    """Take an item id apart: "N2.1-3" → ItemId(provincial=False, clause="2.1-3").

    Raises:
        ValueError: ``item`` is not "N…" or "P…" followed by a clause id.
    """
    if isinstance(item, str) and len(item) > 1:
        if item.startswith(NATIONAL_PREFIX):
            return ItemId(False, item[len(NATIONAL_PREFIX):])
        if item.startswith(PROVINCIAL_PREFIX):
            return ItemId(True, item[len(PROVINCIAL_PREFIX):])
    raise ValueError(f"not an item id (N… or P…): {item!r}")


def is_provincial_item(item: str) -> bool:
    """The id names a provincial clause ("P…"); False for a national one or anything else."""
    # Asked of every table row on each count: spelled out rather than through ItemId.
    return isinstance(item, str) and item.startswith(PROVINCIAL_PREFIX) and len(item) > 1
