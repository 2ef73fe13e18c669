"""What the exports say about each item: its Chinese label and colour, tallies, marked words.

This is the exports' single mapping from engine statuses to what a printed report shows (the
desktop app keeps its own). Colours are light enough for black text to stay readable, and every
coloured cell also carries its label, so the meaning survives black-and-white printing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from core.model import (ALL_BUT_CENTRAL, HEADING_RESTATED, STATUS_LABELS, WHOLE_ARTICLE_REASONS, Clause, Comparison, Gap, Outline,
                        ReviewDecision, SectionAlignment, Status)
from core.read.numerals import chinese_counting
from core.review import ReviewedAddition, ReviewedArticle, ReviewedClause

NOT_APPLICABLE = "not_applicable"
"""The display key of an item a reviewer marked 不适用 (not an engine status)."""

LABELS: dict[str, str] = {status.value: label for status, label in STATUS_LABELS.items()} | {
    NOT_APPLICABLE: "不适用",
}

FILLS: dict[str, str] = {
    Status.COVERED.value: "A9D08E",   # green
    Status.PARTIAL.value: "FFD966",   # amber
    Status.MISSING.value: "FF9999",   # red, lightened from FF4D4D so black text stays legible
    Status.ADDED.value: "9DC3E6",     # blue
    Status.NOT_EXPECTED.value: "E7E6E6",  # light grey, paler than a reviewer's 不适用
    NOT_APPLICABLE: "D9D9D9",         # grey
}

SECTION_FILL = "EDEDED"
"""Shading of the section heading rows inside a table."""

HEADER_FILL = "D9E2F3"
"""Shading of a table's header row."""

GAP_COLOR = "C00000"
"""Font colour of national words the provincial text lacks."""

OVERRIDE_MARK = "（人工）"
# What 相似度 measures (core.align.score: the share of the national clause's weighted words
# the provincial text has), said alike in the reports and the app: "文本相似程度" let a reader
# take 100 for identical wording, and a longer or reworded provincial sentence scores 100 too.
SIMILARITY_MEANING = ("“相似度”为0—100，表示国家文件条款的要点词语在{local}表述中出现的程度；"
                      "100表示要点词语都已出现，不表示文字相同，也不代表内容等同。")
"""Appended to a status label a reviewer set."""

RECHECK_MARK = "（需复核）"
"""Appended to a status label whose decision a re-import put in question."""

DONE_MARK = "√"
"""已处理 of a reviewed row; U+221A is in GB2312, so every 仿宋/宋体 face prints it."""

OPEN_MARK = "□"
"""已处理 of a row not yet reviewed (U+25A1, in GB2312; ☐ U+2610 is not)."""

TALLY_KEYS = (Status.COVERED.value, Status.PARTIAL.value, Status.MISSING.value,
              Status.NOT_EXPECTED.value, NOT_APPLICABLE)
"""The display keys of national clauses, in the order the summaries list them."""

SHARED_KEYS = TALLY_KEYS[:3]
"""The keys given as shares of what is expected of the province (已覆盖, 部分覆盖, 未覆盖)."""

PREAMBLE_NAME = "前言"


def clause_key(item: ReviewedClause) -> str:
    """The display key of a reviewed national clause: its status, or 不适用."""
    return NOT_APPLICABLE if item.not_applicable else item.status.value


def addition_key(item: ReviewedAddition) -> str:
    """The display key of a reviewed provincial addition."""
    return NOT_APPLICABLE if item.not_applicable else Status.ADDED.value


def clause_label(item: ReviewedClause) -> str:
    """The status label of a reviewed national clause, marked when a reviewer set its status or
    chose another match, and marked 需复核 when a re-import put the decision in question."""
    label = LABELS[clause_key(item)]
    if item.recheck:
        return label + RECHECK_MARK
    if item.not_applicable or item.overridden:
        label += OVERRIDE_MARK
    return label


_LOCAL_ISSUER = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,10}?(自治区|特别行政区|经济特区|省|自治州|市|州|盟|县|区|旗)")
_LOCAL_WORDS = {"省": "本省", "自治区": "本自治区", "特别行政区": "本特别行政区", "经济特区": "本经济特区",
                "市": "本市",
                "自治州": "本州", "州": "本州", "盟": "本盟", "县": "本县", "区": "本区", "旗": "本旗"}


def local_word(title: str) -> str:
    """How the local text calls its own region, for the reports' labels: 本市 for
    北京市优化营商环境条例 or a city's regulation, 本自治区, 本省 (also when the title names no
    region). A Beijing report read 本省对应表述 and 本省新增."""
    head = re.split(r"关于|《|实施", re.sub(r"\s+", "", title or ""), maxsplit=1)[0]
    found = _LOCAL_ISSUER.match(head)
    return _LOCAL_WORDS[found.group(1)] if found else "本省"


def localised(text: str, local: str) -> str:
    """One of the reports' own labels (never a document's text) with 本省 as the local text
    calls its region."""
    return text.replace("本省", local) if local != "本省" else text


def addition_label(item: ReviewedAddition) -> str:
    """The label of a reviewed provincial addition."""
    label = LABELS[addition_key(item)]
    if item.recheck:
        return label + RECHECK_MARK
    return label + OVERRIDE_MARK if item.not_applicable else label


NO_MATCH = "（未找到对应表述）"

NOT_EXPECTED_MATCH = "（无需地方承接）"
"""The provincial cell of a clause nothing is expected of: "not found" read as a shortfall."""


# How much of a provincial article that corresponds as a whole the provincial cell quotes.
_WHOLE_OPENING = 60


class SectionIndex:
    """Names, numbering paths and top-level parts of one outline's sections, looked up by id.

    Outline.section() scans the outline; a report asks for every clause's section, so the
    answers are kept.
    """

    def __init__(self, outline: Outline, whole_articles: dict[str, str] | None = None,
                 carriers: dict[str, tuple[str, str]] | None = None) -> None:
        self._sections = {section.id: section for section in outline.sections}
        self._whole = whole_articles or {}
        self._carriers = carriers or {}
        self._paths: dict[str, str] = {}
        self._paragraphs: dict[str, int] = {}
        for section in outline.sections:
            self._paragraphs[section.id] = max((c.paragraph for c in section.clauses), default=1)

    @classmethod
    def national(cls, comparison: Comparison) -> SectionIndex:
        """The national outline's index, knowing which provincial articles carry each article
        judged whole, and which of them correspond as a whole (``WHOLE_ARTICLE_REASONS``)."""
        whole, carriers = {}, {}
        for article in comparison.articles:
            if not article.provincial:
                continue
            sections = [comparison.provincial.section(p) for p in article.provincial]
            where = "、".join(s.label for s in sections)
            opening = "".join(sections[0].paragraphs).strip()
            if len(opening) > _WHOLE_OPENING:
                opening = opening[:_WHOLE_OPENING] + "…"
            # What that article says, not only where it stands: a bare label in the
            # provincial column read as a placeholder.
            quoted = f"“{opening}”" if opening else ""
            if article.reason.code in WHOLE_ARTICLE_REASONS:
                whole[article.national] = f"（按条整体对应：地方{where}）{quoted}"
            elif article.status in (Status.COVERED, Status.PARTIAL):
                carriers[article.national] = (where, quoted)
        return cls(comparison.national, whole, carriers)

    def carriers(self, section_id: str) -> tuple[str, str]:
        """(labels, quoted opening) of the provincial articles carrying a national article in
        part or in full (第二十二条、第七十一条, “……”); ("", "") when none does, and for an
        article that corresponds as a whole (``no_match`` names its counterpart)."""
        return self._carriers.get(section_id, ("", ""))

    def no_match(self, section_id: str) -> str:
        """What the provincial cell of a national clause with no match of its own says: the
        provincial article its article corresponds to as a whole, with its opening words, else
        that none was found."""
        return self._whole.get(section_id) or NO_MATCH

    def empty_counterpart(self, item: ReviewedClause) -> str:
        """The provincial cell of a reviewed clause shown without a match: the provincial
        heading that restates it (reason ``heading_restated``, which names and quotes it), the
        provincial article its article corresponds to as a whole, that nothing is expected of a
        province (无需地方落实), or that none was found."""
        if (item.finding.reason.code == HEADING_RESTATED
                and item.status in (Status.COVERED, Status.PARTIAL)):
            return item.finding.reason.text
        whole = self.no_match(item.finding.clause.section)
        if whole == NO_MATCH and item.status is Status.NOT_EXPECTED and not item.not_applicable:
            return NOT_EXPECTED_MATCH
        return whole

    def paragraphs(self, section_id: str) -> int:
        """How many paragraphs (款) the section's clauses fall in."""
        return self._paragraphs.get(section_id, 1)

    def path(self, section_id: str) -> str:
        """The numbering path ("二、（一）"), 前言 for the preamble, the id when unknown."""
        if section_id in ("", "0"):
            return PREAMBLE_NAME
        path = self._paths.get(section_id)
        if path is None:
            labels, current = [], section_id
            while current and current != "0" and current in self._sections:
                labels.append(self._sections[current].label)
                current = self._sections[current].parent
            path = "".join(reversed(labels)) or section_id
            self._paths[section_id] = path
        return path

    def name(self, section_id: str) -> str:
        """Numbering path and title ("二、（一）强化……"), 前言 for the preamble."""
        section = self._sections.get(section_id)
        if section is None or section_id == "0":
            return self.path(section_id)
        # A statute's 编/章/节 is set apart from its title as the app's trees show it (第一章 总则);
        # a policy label ends in its own punctuation (（一）发展现状).
        gap = " " if section.title and section.label.endswith(("编", "章", "节", "条")) else ""
        return f"{self.path(section_id)}{gap}{section.title}"

    def top(self, section_id: str) -> str:
        """Id of the top-level ancestor of a section ("0" for the preamble)."""
        current = section_id
        while current and current != "0":
            section = self._sections.get(current)
            if section is None:
                return current.split(".")[0]
            if not section.parent:
                return current
            current = section.parent
        return "0"


def section_name(outline: Outline, section_id: str) -> str:
    """Label path and title of a section ("二、（一）强化……"), 前言 for the preamble."""
    return SectionIndex(outline).name(section_id)


def label_path(outline: Outline, section_id: str) -> str:
    """The numbering path of a section ("二、（一）"), 前言 for the preamble."""
    return SectionIndex(outline).path(section_id)


def top_level(outline: Outline, section_id: str) -> str:
    """Id of the top-level ancestor of a section ("0" for the preamble)."""
    return SectionIndex(outline).top(section_id)


@dataclass(frozen=True)
class Tally:
    """Counts of national clauses per display key, for one part of the document or all of it."""

    name: str
    total: int
    counts: dict[str, int]

    @property
    def expected(self) -> int:
        """The clauses a province is expected to carry: all but 无需地方落实 and 不适用."""
        return (self.total - self.counts.get(Status.NOT_EXPECTED.value, 0)
                - self.counts.get(NOT_APPLICABLE, 0))

    def percent(self, key: str) -> float | None:
        """Share of 已覆盖, 部分覆盖 or 未覆盖 among the clauses expected of the province, in
        percent, as the app, the command line and the batch matrix count it; None for
        无需地方落实 and 不适用, which are no share of what is expected, and where nothing is
        expected of the province."""
        if key not in SHARED_KEYS or not self.expected:
            return None  # nothing expected of the province there: no share, as the overview says
        return 100.0 * self.counts.get(key, 0) / self.expected


def tallies(comparison: Comparison, clauses: Sequence[ReviewedClause],
            articles: Sequence[ReviewedArticle] | None = None) -> list[Tally]:
    """The overall tally (named 合计) first, then one per top-level part of the national text.

    Sentences are counted, or with ``articles`` (two statutes judged article by article) the
    articles by their verdicts: a report's one table of figures counts the unit its verdicts
    are given in (a statute's table counted sentences under an overview that counted articles).
    """
    national = SectionIndex(comparison.national)
    parts: dict[str, dict[str, int]] = {}
    units = ([(article.national, article_key(article)) for article in articles] if articles
             else [(item.finding.clause.section, clause_key(item)) for item in clauses])
    for section, key in units:
        part = national.top(section)
        counts = parts.setdefault(part, dict.fromkeys(TALLY_KEYS, 0))
        counts[key] += 1
    overall = dict.fromkeys(TALLY_KEYS, 0)
    for counts in parts.values():
        for key, value in counts.items():
            overall[key] += value
    rows = [Tally("合计", len(units), overall)]
    if articles and set(parts) <= {article.national for article in articles}:
        return rows  # a statute without chapters: one row per article would count each once
    for part, counts in parts.items():
        rows.append(Tally(national.name(part), sum(counts.values()), counts))
    return rows


def describe_gaps(gaps: Iterable[Gap]) -> str:
    """What a match lacks, as one Chinese line ("缺少关键词“一网通办”；约束减弱：确保→力争")."""
    return "；".join(gap.describe() for gap in gaps)


GAP_MARK = "gap"
"""A span of national text whose term, number or deadline the provincial text lacks."""

BINDING_MARK = "binding"
"""A span holding a binding word the provincial text weakens."""


def _find_all(text: str, needle: str) -> list[int]:
    starts, start = [], text.find(needle)
    while needle and start >= 0:
        starts.append(start)
        start = text.find(needle, start + len(needle))
    return starts


def marked_segments(text: str, gaps: Iterable[Gap]) -> list[tuple[str, str]]:
    """Split a national text into (piece, mark) runs, mark "" / GAP_MARK / BINDING_MARK.

    Every occurrence of a lacking term, number or deadline is marked; a binding gap marks its
    strong word. Words that do not occur literally in the text are left unmarked.
    """
    marks = [""] * len(text)
    for gap in gaps:
        mark = BINDING_MARK if gap.kind == "binding" else GAP_MARK
        for start in _find_all(text, gap.national):
            for index in range(start, start + len(gap.national)):
                # A lacking term outranks a weakened word where the two overlap.
                if marks[index] != GAP_MARK:
                    marks[index] = mark
    segments: list[tuple[str, str]] = []
    for char, mark in zip(text, marks):
        if segments and segments[-1][1] == mark:
            segments[-1] = (segments[-1][0] + char, mark)
        else:
            segments.append((char, mark))
    return segments


def national_text(item: ReviewedClause) -> str:
    """A national clause's text as the reports print it, its deadline put back after it."""
    clause = item.finding.clause
    if clause.deadline and clause.deadline not in clause.text:
        return f"{clause.text}（{clause.deadline}）"
    return clause.text


def unfound(item: ReviewedClause) -> bool:
    """A sentence the engine found no counterpart for and no reviewer has touched: its row
    says no more than 未见对应表述 and the nearest unlike sentence."""
    return (item.status is Status.MISSING and item.match is None and item.decision is None
            and not item.recheck and not item.not_applicable)


def gap_units(items: Sequence[ReviewedClause], articles: Sequence[ReviewedArticle]
              ) -> list[tuple[ReviewedClause, ...]]:
    """The rows of a gap report, in order: one item each, except that in two statutes a run of
    consecutive sentences of one article with no counterpart (``unfound``) shares one row.

    A statute's article is judged whole and its heading row gives the verdict and the reason;
    a row per unfound sentence repeated 未见对应表述 and a long nearest-candidate note under it,
    and made the gap report of a 72-article statute as long as the checklist. Only neighbours
    share a row, so that 序号 stays in order and a range (37 至 43) leaves none out.
    """
    if not articles:
        return [(item,) for item in items]
    judged = {article.national for article in articles}
    units: list[list[ReviewedClause]] = []
    for item in items:
        section = item.finding.clause.section
        last = units[-1][-1] if units else None
        if (last is not None and section in judged and unfound(item) and unfound(last)
                and last.finding.clause.section == section and last.number + 1 == item.number):
            units[-1].append(item)
        else:
            units.append([item])
    return [tuple(unit) for unit in units]


def score_text(item: ReviewedClause) -> str:
    """The shown similarity (``ReviewedClause.shown_score``) as a whole number, "—" when there
    is none."""
    value = score_value(item)
    return "—" if value is None else f"{value:.0f}"


def score_value(item: ReviewedClause) -> int | None:
    """The shown similarity rounded as every report prints it, None when there is none."""
    value = item.shown_score
    return None if value is None else int(value + 0.5)


def done_mark(item: ReviewedClause | ReviewedAddition) -> str:
    """已处理: ticked once a reviewer decided on the item (and no re-check is pending)."""
    return DONE_MARK if item.decision is not None and not item.recheck else OPEN_MARK


def report_author(decisions: Iterable[ReviewDecision]) -> str:
    """Who a report is by: the reviewer of the latest decision that names one, else ""."""
    return next((d.reviewer for d in reversed(tuple(decisions)) if d.reviewer), "")


def reason_text(item: ReviewedClause) -> str:
    """Why the item reads as it does: the engine's reason, or that the reviewer chose the match."""
    if item.match_changed:
        return "审核人员改选了对应表述，相似度和差距按所选表述计算。"
    if item.overridden:
        # The engine's reason is for the verdict the reviewer set aside: said as such, it no
        # longer reads as the basis of the reviewer's 已覆盖.
        why = item.finding.reason.text
        return f"软件原判为{LABELS[item.finding.status.value]}" + (f"：{why}" if why else "。")
    return item.finding.reason.text


def repeats_gaps(reason: str, gaps: Iterable[Gap]) -> bool:
    """Whether a reason only lists the gaps shown beside it (对应表述缺少关键词“……”): a report or
    pane that shows the gaps does not print it again as 说明."""
    shown = {gap.describe() for gap in gaps}
    if not shown or not reason.startswith("对应表述"):
        return False
    return all(part in shown for part in reason.removeprefix("对应表述").rstrip("。").split("；"))


def note_text(item: ReviewedClause | ReviewedAddition) -> str:
    """The 审核意见 cell: the opinion with who and when, and a pending re-check with its reason.

    A decision to re-check is never printed as a verdict: the earlier verdict is quoted as
    such, beside the reason it no longer stands.
    """
    decision = item.decision
    lines = []
    if item.recheck:
        lines.append(f"需复核：{item.recheck}")
        earlier = _earlier_verdict(item)
        if earlier:
            lines.append(f"原审核结论：{earlier}")
    if item.note:
        lines.append(("原审核意见：" if item.recheck else "") + item.note)
    if decision is not None:
        who = [decision.reviewer] if decision.reviewer else []
        if decision.decided_at[:10]:
            who.append(format_iso_date(decision.decided_at[:10]))
        if who:
            signature = f"（{'，'.join(who)}）"
            if item.note:
                lines[-1] += signature
            else:
                lines.append(signature)
    return "\n".join(lines)


def _earlier_verdict(item: ReviewedClause | ReviewedAddition) -> str:
    decision = item.decision
    if decision is None:
        return ""
    if decision.not_applicable:
        return LABELS[NOT_APPLICABLE]
    if decision.status is not None:
        return LABELS[decision.status.value]
    return ""


def format_iso_date(text: str) -> str:
    """"2026-11-30" as 2026年11月30日 (the text itself when it is not such a date)."""
    try:
        year, month, day = (int(part) for part in text.split("-"))
    except ValueError:
        return text
    return f"{year}年{month}月{day}日"


_STATUTE_GRAMMAR = "statute"


def citation(outline: Outline, sections: SectionIndex, clause: Clause) -> str:
    """Where a clause stands, as a reader cites it: 二、（一） for a policy text, and for a statute
    第二章第十一条, with 第2款 when the article has several paragraphs and 第（三）项 for an item."""
    path = sections.path(clause.section)
    if outline.grammar != _STATUTE_GRAMMAR or clause.section in ("", "0"):
        return path
    parts = [path]
    if sections.paragraphs(clause.section) > 1:
        parts.append(f"第{chinese_counting(clause.paragraph)}款")
    item = clause.item.strip("（）() ")
    if item and clause.item.startswith(("（", "(")):
        parts.append(f"第{item}项")
    return "".join(parts)


def role_parts(clause: Clause) -> list[str]:
    """A clause's responsibility units by the part they play, a group each (牵头单位：省数据局)."""
    return [f"{label}：{'、'.join(units)}" for label, units in clause.units_by_role()]


def units_text(clause: Clause) -> str:
    """A clause's responsibility units by the part they play (牵头单位：省数据局；配合单位：省公安厅),
    or just their names when the note gives them no part; "" when it names none."""
    if not (clause.lead_units or clause.support_units):
        return "、".join(clause.responsibility)
    return "；".join(role_parts(clause))


def metadata_text(clause: Clause, *, deadline: bool = True) -> str:
    """A clause's responsibility units (by the part they play) and deadline as a bracketed note
    (（牵头单位：省数据局；配合单位：省公安厅；时限：2025年底前）), "" when it has none."""
    parts = role_parts(clause)
    if deadline and clause.deadline:
        parts.append("时限：" + clause.deadline)
    return f"（{'；'.join(parts)}）" if parts else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(text: str) -> str:
    """Text without the control characters XML (so .docx and .xlsx) cannot hold.

    A vertical tab or form feed from a Word source would otherwise abort the whole export.
    """
    return _CONTROL.sub("", text)


def format_date(day) -> str:
    """A date the way official documents print it: 2024年5月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def article_share(article: SectionAlignment) -> float | None:
    """The share 0–1 of an article's content its provincial articles carry, as a report prints
    it; None ("—") where none was measured: the article corresponds as a whole (by function,
    cited, taken over by referral: ``WHOLE_ARTICLE_REASONS``), or nothing is expected of a
    province; and for a partial article linked only by the wording it kept, whose content share
    is nil (its reason gives none: "0%" beside 部分覆盖 read as a contradiction), and for an
    article carried but for its central organs' sentences, whose share counted those sentences
    (已覆盖 beside 45% read as a contradiction)."""
    if (article.status is Status.NOT_EXPECTED or article.reason.code in WHOLE_ARTICLE_REASONS
            or article.reason.code == ALL_BUT_CENTRAL):
        return None
    if article.status is Status.PARTIAL and article.score <= 0:
        return None
    # Whole percents, as the reason says them: a cell read 0.7959999999999999 when edited.
    return float(f"{article.score:.0f}") / 100.0


def verdicts_after_review(articles: Iterable[ReviewedArticle]) -> dict[str, Status | None]:
    """The national articles' verdicts after review, by section id (``Comparison.addition_context``
    reads them)."""
    return {article.national: article.status for article in articles}


def article_counts(articles: Iterable[ReviewedArticle]) -> dict[str, int]:
    """Articles per display key (``article_key``), every key of ``TALLY_KEYS`` present."""
    counts = dict.fromkeys(TALLY_KEYS, 0)
    for article in articles:
        counts[article_key(article)] += 1
    return counts


def article_summary_text(comparison: Comparison,
                         articles: Sequence[ReviewedArticle] | None = None) -> str:
    """The statute's articles judged as wholes, counted ("国家文件共70条，按条整体判断：已覆盖
    43条（61.4%）……"); "" when the texts were not compared article by article. Shares are of
    the articles expected of the province (``expected_shares``).

    With ``articles`` (``core.review.review_articles``) the articles are counted by their
    verdict after review, and the count a reviewer changed is said; without, as the engine
    judged them."""
    if articles is None:
        articles = [ReviewedArticle(a, a.status) for a in comparison.articles]
    if not articles:
        return ""
    counts = article_counts(articles)
    text = f"国家文件共{len(articles)}条，按条整体判断：" + expected_shares(counts, "条")
    overridden = sum(1 for article in articles if article.overridden)
    if overridden:
        # Its own clause: "无需地方落实2条（其中1条…）" read as one of those 2.
        text += f"；以上共有{overridden}条的整体结果经审核调整"
    return text + "。"


def expected_shares(counts: Mapping[str, int], unit: str) -> str:
    """已覆盖, 部分覆盖 and 未覆盖 counted with their shares of what the province is expected
    to carry, after what was set apart ("无需地方落实3条；在需地方落实的69条中，已覆盖17条
    （24.6%）…"): a 无需地方落实 article is neither coverage nor a shortfall, and the app and the
    batch matrix give the same shares. ``counts``: display key → count (``TALLY_KEYS``)."""
    covered, partial, missing = (counts.get(key, 0) for key in SHARED_KEYS)
    expected = covered + partial + missing

    def share(count: int) -> str:
        return f"{100.0 * count / expected:.1f}%" if expected else "—"

    shares = (f"已覆盖{covered}{unit}（{share(covered)}），部分覆盖{partial}{unit}（{share(partial)}），"
              f"未覆盖{missing}{unit}（{share(missing)}）")
    set_apart = [f"{name}{counts[key]}{unit}" for key, name in
                 ((Status.NOT_EXPECTED.value, "无需地方落实"), (NOT_APPLICABLE, "经审核不适用"))
                 if counts.get(key)]
    if not set_apart:
        return shares
    return "，".join(set_apart) + f"；在需地方落实的{expected}{unit}中，" + shares


def article_key(article: ReviewedArticle) -> str:
    """The display key of a statute article after review: its status, or 不适用 when every
    sentence of it was marked so."""
    return NOT_APPLICABLE if article.status is None else article.status.value


def article_label(article: ReviewedArticle) -> str:
    """The label of a statute article's verdict after review, marked （人工） when it is not
    the engine's, as a clause a reviewer changed is."""
    label = LABELS[article_key(article)]
    return label + OVERRIDE_MARK if article.overridden else label


def article_verdict(article: SectionAlignment | ReviewedArticle) -> str:
    """A statute article's own verdict, judged as a whole, for its heading row:
    "本条整体：部分覆盖。地方第十条只承接了部分内容……"; after review, when the verdict is not
    the engine's, both: "本条整体：部分覆盖（人工）；软件判定未覆盖，理由是：地方文件中未找到……",
    and where a reviewer chose counterparts in other articles, which ones: "部分覆盖（人工）；
    审核认定对应地方第五十八条；软件判定未覆盖，理由是：……"."""
    if isinstance(article, SectionAlignment):
        article = ReviewedArticle(article, article.status)
    engine = article.alignment
    chosen = f"；{article.chosen_text}" if article.chosen else ""
    if not article.overridden:
        return f"本条整体：{LABELS[engine.status.value]}{chosen}。{article.reason_text}"
    return (f"本条整体：{article_label(article)}{chosen}；"
            f"{engine_verdict(LABELS[engine.status.value], article.reason_text)}")


def engine_verdict(label: str, reason: str) -> str:
    """The engine's verdict beside a reviewer's, its reason said as the engine's: "软件判定
    未覆盖，理由是：地方文件中未找到……". (……；软件判定未覆盖。地方文件中未找到……，不能认定为承接
    ran on after 审核认定对应地方第十条 as if the reviewer had said it.)"""
    return f"软件判定{label}，理由是：{reason}" if reason else f"软件判定{label}。"
