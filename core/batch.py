"""One national text against many local ones: the batch matrix, other provinces' wording, chains.

A batch compares one national outline with every local text given (files, folders, globs). Each
local text is read, outlined and compared once, spread over the machine's cores by a process
pool; the dictionaries are loaded once per process (once in all with ``fork``). A local text
that cannot be read becomes a column holding its Chinese message; the others go on. Progress is
reported per text and a cancel check stops the whole batch.

The matrix rows are the national items: for statutes the article (条) with the section status
(``comparison.sections``) and its clauses as evidence, otherwise the national clause. Each cell
is the status the single compare gives that item, with its reason and the local wording.
"""

from __future__ import annotations

import dataclasses
import glob
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from core import frozen
from core.align import Parameters, compare_outlines
from core.compare import load_outline, prepare
from core.errors import Cancelled, DocumentReadError, DuizhaoError, ReviewMismatchError
from core.files import same_document
from core.model import (HEADING_RESTATED, STATUS_LABELS, Clause, ClauseFinding, Comparison, Outline, Reason, ReviewDecision,
                        Status, national_id, provincial_id, roll_up)
from core.read import SUPPORTED_EXTENSIONS
from core.review import (ReviewedArticle, ReviewedClause, changed_by_review, review, review_articles,
                         section_status)

ProgressCallback = Callable[[int, int, str], None]
"""``progress(done, total, message)``: called after each local text finishes."""

CancelCheck = Callable[[], bool]

ARTICLE = "article"
CLAUSE = "clause"

STATUS_ORDER = (Status.COVERED, Status.PARTIAL, Status.MISSING, Status.NOT_EXPECTED)
"""Statuses a matrix cell can hold, in the order summaries list them."""

_LABELS = STATUS_LABELS

# The region a local text's title starts with: 北京市, 广东省, 广西壮族自治区, 延边朝鲜族自治州 …
_REGION = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{1,9}?(?:特别行政区|自治区|自治州|自治县|省|市|盟|地区|县|区))")
_NOT_REGION = ("关于", "国务院", "国家", "全国", "中华人民共和国")
_YEAR = re.compile(r"((?:19|20)\d\d)")


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A row of the matrix: one national article (statutes) or clause.

    Attributes:
        id: "N2.1-3" for a clause, the section id ("3.12") for an article.
        section: the national section id.
        label: where it is, as printed ("第三章第十二条", "二、（一） 第3句").
        text: the national wording (an article's clauses joined).
        level: "national", or "province" for a chain's province-own rows.
    """

    id: str
    section: str
    label: str
    text: str
    level: str = "national"


@dataclass(frozen=True)
class Cell:
    """One item in one local text.

    Attributes:
        status: the same status a single compare gives (ADDED marks a chain's province-own row
            in the province column).
        reason: why, as the engine says it (an article's composed from its clauses).
        score: the best match's similarity, 0–100 (0 when none).
        where: the local sections that carry it ("第五条、第六条"), "" when none.
        wording: the local text's wording for it (他省表述), "" when none.
        reviewed: a reviewer's decision changed what this cell shows (``with_review``): its
            verdict, 不适用 or where it is carried.
        not_applicable: the reviewer marked it 不适用 (counted as 无需地方落实).
    """

    status: Status
    reason: Reason
    score: float = 0.0
    where: str = ""
    wording: str = ""
    reviewed: bool = False
    not_applicable: bool = False

    @property
    def label(self) -> str:
        """The Chinese status label (不适用 where the reviewer marked it so)."""
        return "不适用" if self.not_applicable else _LABELS[self.status]


@dataclass(frozen=True)
class Local:
    """A column: one local text and how its comparison went.

    Attributes:
        name: the region from its title (北京市), made unique within the batch.
        path: the file ("" for a text given as an outline).
        title: its title, "" when it could not be read.
        comparison: the single compare's result, None when it failed.
        error: the Chinese message of a text that could not be compared, else "".
        seconds: wall time of reading and comparing it.
        reviewed: how many of its cells a reviewer's decisions changed (``with_review``): the
            column shows the pair's verdicts after review; 0 shows the engine's.
    """

    name: str
    path: str
    title: str = ""
    comparison: Comparison | None = None
    error: str = ""
    seconds: float = 0.0
    reviewed: int = 0

    @property
    def ok(self) -> bool:
        """The text was compared."""
        return self.comparison is not None


@dataclass(frozen=True)
class LocalSummary:
    """A column's counts: items per status, additions, and coverage shares."""

    items: int
    counts: dict[Status, int]
    additions: int

    @property
    def expected(self) -> int:
        """Items a local text is expected to carry."""
        return self.items - self.counts.get(Status.NOT_EXPECTED, 0)

    @property
    def covered_percent(self) -> float:
        """已覆盖 among the expected items, in percent."""
        return 100.0 * self.counts.get(Status.COVERED, 0) / self.expected if self.expected else 0.0

    @property
    def carried_percent(self) -> float:
        """已覆盖 or 部分覆盖 among the expected items, in percent (the coverage rate)."""
        carried = self.counts.get(Status.COVERED, 0) + self.counts.get(Status.PARTIAL, 0)
        return 100.0 * carried / self.expected if self.expected else 0.0


@dataclass(frozen=True)
class Batch:
    """The matrix: national items × local texts.

    Attributes:
        national: the national outline.
        unit: ARTICLE or CLAUSE, what a row is.
        items: the rows, in national document order.
        locals: the columns, in the order given.
        cells: ``cells[row][column]``; None in a column that failed.
        kind: "batch", or "chain" for national → province → city.
        left_out: the local files given but not compared, each with why (the national text
            itself or a copy of it; a file given twice or a copy of one already compared).
    """

    national: Outline
    unit: str
    items: tuple[Item, ...]
    locals: tuple[Local, ...]
    cells: tuple[tuple[Cell | None, ...], ...]
    kind: str = "batch"
    chain: tuple[Comparison | None, ...] = field(default=())
    left_out: tuple[tuple[str, str], ...] = field(default=())

    @property
    def reviewed(self) -> bool:
        """A pair's review changed cells of some column (``with_review``)."""
        return any(local.reviewed for local in self.locals)

    def column(self, index: int) -> tuple[Cell | None, ...]:
        """Every item's cell in one local text."""
        return tuple(row[index] for row in self.cells)

    def summary(self, index: int) -> LocalSummary | None:
        """A local text's counts over the national rows, None when it failed."""
        local = self.locals[index]
        if not local.ok:
            return None
        counts = dict.fromkeys(STATUS_ORDER, 0)
        items = 0
        for item, cell in zip(self.items, self.column(index)):
            if item.level != "national" or cell is None:
                continue
            items += 1
            counts[cell.status] = counts.get(cell.status, 0) + 1
        return LocalSummary(items, counts, len(local.comparison.additions) if local.comparison else 0)

    def count(self, row: int, status: Status) -> int:
        """How many local texts give an item this status (a row's 未覆盖 count with MISSING)."""
        return sum(1 for cell in self.cells[row] if cell is not None and cell.status is status)

    def missing_count(self, row: int) -> int:
        """How many local texts miss an item."""
        return self.count(row, Status.MISSING)

    def wordings(self, row: int, *, exclude: int | None = None) -> list[tuple[Local, Cell]]:
        """他省表述: every other local text's cell that carries wording for an item.

        Args:
            row: the item.
            exclude: a column to leave out (the province being reviewed).
        """
        found = []
        for column, (local, cell) in enumerate(zip(self.locals, self.cells[row])):
            if column != exclude and cell is not None and cell.wording:
                found.append((local, cell))
        return found


# --- inputs and names -------------------------------------------------------------------------


def expand_inputs(specs: Iterable[str | os.PathLike]) -> list[Path]:
    """Files, folders (their readable files, sorted) and glob patterns to a list of paths.

    A file name that names nothing is kept as it is, so its column reports the read error;
    a pattern that matches nothing is a mistyped command line, said at once
    (``DocumentReadError``) rather than as a column named after the pattern. A file given
    twice (by name and in its folder) is kept twice: ``compare_many`` leaves the repeat out and
    says so in ``Batch.left_out``.
    """
    paths: list[Path] = []
    for spec in specs:
        text = os.fspath(spec)
        if os.path.isdir(text):
            found = sorted(p for p in Path(text).iterdir()
                           if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
                           and not p.name.startswith(("~$", ".")))
        elif any(ch in text for ch in "*?[") and not os.path.exists(text):
            found = sorted(Path(p) for p in glob.glob(text, recursive=True) if os.path.isfile(p))
            if not found:
                raise DocumentReadError("通配符没有匹配到任何文件，请检查文件夹和文件名。", path=text)
        else:
            found = [Path(text)]
        paths.extend(found)
    return paths


def region_in_title(title: str) -> str:
    """The region a title starts with (北京市, 广东省), or ""."""
    match = _REGION.match(re.sub(r"\s+", "", title or ""))
    if match and not any(word in match.group(1) for word in _NOT_REGION):
        return match.group(1)
    return ""


def region_name(title: str, path: str | os.PathLike = "") -> str:
    """The region a local text's title starts with (北京市, 广东省), else the file's stem."""
    region = region_in_title(title)
    if region:
        return region
    stem = Path(path).stem if path else ""
    return stem or re.sub(r"\s+", "", title or "")[:12] or "（未命名）"


def unique_names(names: Sequence[str], paths: Sequence[str], titles: Sequence[str]) -> list[str]:
    """Names made unique: a repeated one gets its year (北京市（2020））, else a number."""
    result = list(names)
    for name in set(names):
        indexes = [i for i, n in enumerate(names) if n == name]
        if len(indexes) < 2:
            continue
        years = []
        for i in indexes:
            found = _YEAR.findall(f"{titles[i]} {Path(paths[i]).name}")
            years.append(found[-1] if found else "")
        if all(years) and len(set(years)) == len(years):
            for i, year in zip(indexes, years):
                result[i] = f"{name}（{year}）"
        else:
            for number, i in enumerate(indexes, start=1):
                result[i] = f"{name}（{number}）"
    return result


# --- rows and cells ---------------------------------------------------------------------------


def choose_unit(national: Outline, unit: str = "auto") -> str:
    """ARTICLE for a statute (the unit users judge), CLAUSE otherwise, unless one is asked for."""
    if unit in (ARTICLE, CLAUSE):
        return unit
    return ARTICLE if national.grammar == "statute" else CLAUSE


def _clause_label(outline: Outline, clause: Clause) -> str:
    """Where a clause stands, cited as the reports cite it (第二章第十一条第2款), and its sentence."""
    # Imported here: core.export loads python-docx and openpyxl, which the workers never need.
    from core.export import labels

    where = labels.citation(outline, labels.SectionIndex(outline), clause)
    return f"{where} 第{clause.id.rsplit('-', 1)[-1]}句"


def national_items(national: Outline, unit: str) -> list[Item]:
    """The matrix rows of a national outline."""
    items = []
    for section in national.sections:
        if not section.clauses:
            continue
        if unit == ARTICLE:
            label = national.label_path(section.id) if section.id != "0" else "前言"
            text = "".join(clause.text for clause in section.clauses)
            items.append(Item(section.id, section.id, label, text))
        else:
            for clause in section.clauses:
                items.append(Item(national_id(clause.id), section.id,
                                  _clause_label(national, clause), clause.text))
    return items


def _reason(finding: ClauseFinding) -> Reason:
    if finding.reason.text:
        return finding.reason
    text = {Status.COVERED: "找到对应表述。", Status.PARTIAL: "只找到部分对应的表述。",
            Status.MISSING: "地方文件中未找到对应表述。",
            Status.NOT_EXPECTED: "无需地方落实。"}.get(finding.status, "")
    if finding.gaps:
        text = "；".join(gap.describe() for gap in finding.gaps) + "。"
    return Reason(finding.reason.code, text)


def _where(outline: Outline, section_ids: Iterable[str]) -> str:
    seen: list[str] = []
    for section_id in section_ids:
        try:
            name = outline.label_path(section_id) if section_id not in ("", "0") else "前言"
        except KeyError:
            name = section_id
        if name and name not in seen:
            seen.append(name)
    return "、".join(seen)


def _clause_cell(comparison: Comparison, finding: ClauseFinding) -> Cell:
    match = finding.matches[0].clause if finding.matches else None
    carried = finding.status in (Status.COVERED, Status.PARTIAL)
    # A sentence the province made the heading of its task has that heading as its wording.
    heading = finding.reason.text if finding.reason.code == HEADING_RESTATED else ""
    return Cell(finding.status, _reason(finding), round(finding.score, 1),
                _where(comparison.provincial, [match.section]) if match and carried else "",
                match.text if match and carried else heading)


def _article_cell(comparison: Comparison, section_id: str, findings: Sequence[ClauseFinding],
                  alignment) -> Cell:
    statuses = [f.status for f in findings]
    status = alignment.status if alignment is not None else roll_up(statuses)
    if status is None:
        status = Status.MISSING
    counts = {s: statuses.count(s) for s in STATUS_ORDER if statuses.count(s)}
    lead = next((f for f in findings if f.status is status), None)
    if lead is None:
        lead = next((f for f in findings if f.status in (Status.MISSING, Status.PARTIAL)), findings[0])
    text = _reason(lead).text
    if len(counts) > 1:
        spread = "，".join(f"{_LABELS[s]}{n}句" for s, n in counts.items())
        text = f"共{len(findings)}句：{spread}。{text}"
    # The wording: the local clauses that carry this article, each once, in the local order.
    chosen: dict[str, Clause] = {}
    for finding in findings:
        if finding.status in (Status.COVERED, Status.PARTIAL) and finding.matches:
            clause = finding.matches[0].clause
            chosen.setdefault(clause.id, clause)
    order = {clause.id: index for index, clause in enumerate(comparison.provincial.clauses())}
    clauses = sorted(chosen.values(), key=lambda c: order.get(c.id, 0))
    sections = [c.section for c in clauses]
    if alignment is not None and status is not Status.MISSING:
        sections = list(alignment.provincial) + sections
    score = alignment.score if alignment is not None else max((f.score for f in findings), default=0)
    carried = status in (Status.COVERED, Status.PARTIAL)
    wording = "".join(c.text for c in clauses)
    if carried and not wording and alignment is not None:
        # Carried by the article as a whole, no single sentence matched: its local articles' text.
        wording = "".join(clause.text for section_id in alignment.provincial
                          for clause in _section_clauses(comparison.provincial, section_id))
    return Cell(status, Reason(lead.reason.code, text), round(score, 1),
                _where(comparison.provincial, sections) if carried else "",
                wording if carried else "")


def _section_clauses(outline: Outline, section_id: str) -> tuple[Clause, ...]:
    try:
        return outline.section(section_id).clauses
    except KeyError:
        return ()


def cells_for(comparison: Comparison, items: Sequence[Item], unit: str) -> list[Cell | None]:
    """One local text's cells for the national rows (None for a row it has no finding for)."""
    if unit == CLAUSE:
        findings = {national_id(f.clause.id): f for f in comparison.clauses}
        return [(_clause_cell(comparison, findings[item.id]) if item.id in findings else None)
                for item in items]
    by_section: dict[str, list[ClauseFinding]] = {}
    for finding in comparison.clauses:
        by_section.setdefault(finding.clause.section, []).append(finding)
    alignments = {a.national: a for a in comparison.sections}
    cells: list[Cell | None] = []
    for item in items:
        evidence = by_section.get(item.section)
        cells.append(_article_cell(comparison, item.section, evidence, alignments.get(item.section))
                     if evidence else None)
    return cells


# --- a pair's review laid over its column --------------------------------------------------------


def _changed(item: ReviewedClause) -> bool:
    """A reviewer changed the clause's status, marked it 不适用 or chose another counterpart."""
    return changed_by_review(item) or item.match_changed


def _review_reason(item: ReviewedClause, engine: Cell | None) -> Reason:
    """Why a reviewed cell says what it says: the reviewer's word first, then the engine's."""
    decided = item.decision.status if item.decision is not None else None
    if item.not_applicable:
        said = "审核意见：不适用"
    elif decided is not None and item.status is not item.finding.status:
        said = f"审核改为{_LABELS[item.status]}（引擎判为{_LABELS[item.finding.status]}）"
    else:
        # Another counterpart chosen: the status is what the engine's thresholds give it.
        said = "审核改选了对应条文"
        if item.status is not item.finding.status:
            said += f"，按其相似程度为{_LABELS[item.status]}"
    if item.recheck:
        said += f"（需复核：{item.recheck}）"
    if item.note:
        said += f"：{item.note}"
    return Reason("review", said + "。" + _engine_said(engine))


def _engine_said(engine: Cell | None) -> str:
    """The engine's own reason, set apart from the reviewer's."""
    return f"引擎原判：{engine.label}，{engine.reason.text}" if engine is not None and engine.reason.text else ""


def _with_opinions(cell: Cell | None, opinions: Sequence[str]) -> Cell | None:
    """An engine cell the reviewer only wrote an opinion on (or confirmed): the opinion first."""
    if cell is None or not opinions:
        return cell
    return dataclasses.replace(cell, reason=Reason(cell.reason.code, "审核意见：" + "；".join(opinions)
                                                   + "。" + cell.reason.text))


def _reviewed_clause_cell(comparison: Comparison, item: ReviewedClause, engine: Cell | None) -> Cell:
    status = Status.NOT_EXPECTED if item.not_applicable else item.status
    carried = status in (Status.COVERED, Status.PARTIAL) and item.match is not None
    match = item.match.clause if item.match is not None else None
    return Cell(status, _review_reason(item, engine), round(item.shown_score or 0.0, 1),
                _where(comparison.provincial, [match.section]) if carried and match else "",
                match.text if carried and match else "", reviewed=True,
                not_applicable=item.not_applicable)


def _reviewed_article_cell(comparison: Comparison, row_clauses: Sequence[ReviewedClause],
                           changed: Sequence[ReviewedClause], article: ReviewedArticle | None,
                           engine: Cell | None) -> Cell:
    """An article row after review: the judged article's verdict after review
    (``review_articles``) where the texts were compared article by article, else the roll-up of
    every sentence of the row after review (``section_status``), as the single compare shows it."""
    if article is not None:
        status = article.status
    else:
        status = section_status(((c.status, c.not_applicable) for c in row_clauses),
                                engine.status if engine is not None else None)
    status = Status.NOT_EXPECTED if status is None else status
    said = "；".join(_review_reason(c, None).text.rstrip("。") for c in changed)
    reason = Reason("review", f"经审核（{len(changed)}句）：{said}。" + _engine_said(engine))
    carried = status in (Status.COVERED, Status.PARTIAL)
    chosen = [c.match.clause for c in changed if c.match is not None
              and not c.not_applicable and c.status in (Status.COVERED, Status.PARTIAL)]
    base_where = engine.where if engine is not None else ""
    base_wording = engine.wording if engine is not None else ""
    extra = _where(comparison.provincial, [clause.section for clause in chosen])
    where = "、".join(dict.fromkeys(part for part in f"{base_where}、{extra}".split("、") if part))
    wording = base_wording + "".join(dict.fromkeys(c.text for c in chosen if c.text not in base_wording))
    return Cell(status, reason, engine.score if engine is not None else 0.0,
                where if carried else "", wording if carried else "", reviewed=True,
                not_applicable=bool(row_clauses) and all(c.not_applicable for c in row_clauses))


def reviewed_cells(comparison: Comparison, items: Sequence[Item], unit: str,
                   decisions: Iterable[ReviewDecision], rechecks: dict[str, str] | None = None
                   ) -> tuple[list[Cell | None], int]:
    """One local text's cells with a reviewer's decisions on the pair applied, and how many
    rows they changed.

    The decisions are those of the pair's review (``core.review``: the latest per item; a
    decision to re-check keeps its 不适用 and chosen counterpart, not its status, as the app
    does). A clause row takes its reviewed status (不适用: 无需地方落实), its chosen counterpart
    and the opinion; an article row takes its verdict after review once a reviewer changed one
    of its sentences (``_reviewed_article_cell``). Rows no decision changed keep the engine's
    cell, so a column reviewed in part reads as the pair's own review shows it.
    """
    engine = cells_for(comparison, items, unit)
    clauses, _additions = review(comparison, decisions, rechecks)
    changed = {item.item: item for item in clauses if _changed(item)}
    # An opinion on a clause whose verdict stands (or a confirmation with one) is shown too.
    opinions = {item.item: item.note for item in clauses if item.note and item.item not in changed}
    cells = list(engine)
    if unit == CLAUSE:
        for row, item in enumerate(items):
            if item.level != "national":
                continue
            if item.id in changed:
                cells[row] = _reviewed_clause_cell(comparison, changed[item.id], engine[row])
            elif item.id in opinions:
                cells[row] = _with_opinions(engine[row], [opinions[item.id]])
    else:
        articles = {article.national: article for article in review_articles(comparison, clauses)}
        by_section: dict[str, list[ReviewedClause]] = {}
        for reviewed_item in clauses:
            by_section.setdefault(reviewed_item.finding.clause.section, []).append(reviewed_item)
        for row, item in enumerate(items):
            row_clauses = by_section.get(item.section, [])
            own = [c for c in row_clauses if c.item in changed]
            if item.level != "national":
                continue
            if own:
                cells[row] = _reviewed_article_cell(comparison, row_clauses, own,
                                                    articles.get(item.section), engine[row])
            else:
                cells[row] = _with_opinions(engine[row], [opinions[c.item] for c in row_clauses
                                                          if c.item in opinions])
    # A cell counts as reviewed where a reader of the matrix sees the change: its verdict, 不适用
    # or where it is carried (a sentence changed inside an article whose verdict stands does not).
    for row, (new, old) in enumerate(zip(cells, engine)):
        if new is not None and new.reviewed and old is not None and (
                (new.status, new.where, new.not_applicable) == (old.status, old.where, False)):
            cells[row] = dataclasses.replace(new, reviewed=False)
    return cells, sum(1 for cell in cells if cell is not None and cell.reviewed)


def _engine_column(batch: Batch, index: int) -> Batch:
    """The batch with one column back to the engine's cells (its review no longer applies)."""
    local = batch.locals[index]
    if local.comparison is None:
        return batch
    national = [row for row, item in enumerate(batch.items) if item.level == "national"]
    cells = cells_for(local.comparison, [batch.items[row] for row in national], batch.unit)
    if not local.reviewed and all(batch.cells[row][index] == cell for row, cell in zip(national, cells)):
        return batch  # nothing of a review in it (an opinion alone changes a reason, not a count)
    return _with_column(batch, index, dict(zip(national, cells)),
                        dataclasses.replace(local, reviewed=0))


def _with_column(batch: Batch, index: int, cells: Mapping[int, Cell | None], local: Local) -> Batch:
    rows = tuple(tuple(cells.get(r, batch.cells[r][c]) if c == index else batch.cells[r][c]
                       for c in range(len(batch.locals)))
                 for r in range(len(batch.items)))
    columns = list(batch.locals)
    columns[index] = local
    return dataclasses.replace(batch, locals=tuple(columns), cells=rows)


def with_review(batch: Batch, index: int, comparison: Comparison,
                decisions: Iterable[ReviewDecision], rechecks: dict[str, str] | None = None) -> Batch:
    """The batch with one column showing its pair's verdicts after review.

    Args:
        batch: the matrix.
        index: the column.
        comparison: the pair's comparison the decisions were made on (a review project's).
            It must compare the same texts as the column: a review of an older version of the
            local text would mark rows of a text no longer compared (``ReviewMismatchError``).
        decisions: the reviewer's decisions, in the order made.
        rechecks: decisions to be checked again after a re-import (not applied).
    """
    local = batch.locals[index]
    if local.comparison is None or not same_texts(local.comparison, comparison):
        raise ReviewMismatchError(f"{local.name}的审核项目对照的不是本次的文本，未采用其审核意见。")
    national = [row for row, item in enumerate(batch.items) if item.level == "national"]
    cells, touched = reviewed_cells(comparison, [batch.items[row] for row in national], batch.unit,
                                    decisions, rechecks)
    return _with_column(batch, index, dict(zip(national, cells)),
                        dataclasses.replace(local, comparison=comparison, reviewed=touched))


def with_pair_reviews(batch: Batch, projects: Mapping[int, str | os.PathLike]
                      ) -> tuple[Batch, tuple[str, ...]]:
    """The batch with every column whose pair has a review project showing its verdicts after
    review (``with_review``), and a note for each project that could not be used.

    Args:
        batch: the matrix; in a chain, the national rows of each column (the text against the
            national one, as its pair's review is); the province's own rows stay as they are.
        projects: a column's review project (``.duizhao``) by column; a path with no file is
            a pair nobody reviewed yet.

    Returns:
        The batch, and one Chinese line per project left aside (unreadable, or made on another
        version of the local text), naming the column.
    """
    # Imported here: the comparing processes never open a project, and start lighter without it.
    from core.project import Project

    notes: list[str] = []
    for index, path in sorted(projects.items()):
        local = batch.locals[index]
        if not local.ok:
            continue
        if not Path(path).is_file():
            batch = _engine_column(batch, index)  # a review put away since: the engine's cells
            continue
        try:
            with Project.open(path, read_only=True) as project:
                comparison = project.comparison
                decisions, rechecks = project.decisions(), project.rechecks()
            batch = with_review(batch, index, comparison, decisions, rechecks)
        except DuizhaoError as error:
            # A review of another version (a new draft imported in the pair's project), or a
            # project that cannot be read: the column shows the engine's cells, and says why.
            batch = _engine_column(batch, index)
            message = error.message
            notes.append(message if message.startswith(local.name) else f"{local.name}：{message}")
        except Exception:  # noqa: BLE001 - one pair's review must not lose the whole matrix
            batch = _engine_column(batch, index)
            notes.append(f"{local.name}：无法读取该组对照的审核项目，显示的是未经审核的结果。")
    return batch, tuple(notes)


def review_projects(batch: Batch, specs: Iterable[str | os.PathLike]
                    ) -> tuple[dict[int, Path], tuple[str, ...]]:
    """Which columns the given review projects review, matched by the texts they compare.

    National staff gather the provinces' review projects (``.duizhao``) in a folder; each goes
    to the column whose national and local texts it compares, wherever the files were kept when
    the reviewer made it and whatever the project is called.

    Args:
        batch: the matrix.
        specs: project files, and folders (their ``.duizhao`` files, sorted).

    Returns:
        Column → project, for ``with_pair_reviews``; and one Chinese line per project not used:
        a review of another version of a column's local text, of texts this batch does not
        compare, a second review of a column, a file that is missing or cannot be read.
    """
    from core.project import SUFFIX, Project  # imported here, as in with_pair_reviews

    paths: list[Path] = []
    notes: list[str] = []
    for spec in specs:
        text = os.fspath(spec)
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX
                           and not p.name.startswith("."))
            if not found:
                notes.append(f"{path.name}：文件夹中没有审核项目（.duizhao）。")
        elif any(ch in text for ch in "*?[") and not path.exists():
            # A pattern the shell left as it is (Windows cmd): 收件\*.duizhao.
            found = sorted(Path(p) for p in glob.glob(text) if os.path.isfile(p))
            if not found:
                notes.append(f"{path.name}：通配符没有匹配到任何审核项目。")
        else:
            found = [path]
        paths.extend(found)
    chosen: dict[int, Path] = {}
    seen: set[Path] = set()
    for path in paths:
        key = path.resolve()
        if key in seen:  # given twice (a file, and its folder): one review
            continue
        seen.add(key)
        if not path.is_file():
            notes.append(f"{path.name}：找不到该审核项目文件。")
            continue
        try:
            with Project.open(path, read_only=True) as project:
                comparison, provincial_name = project.comparison, project.provincial_name
        except DuizhaoError as error:
            notes.append(f"{path.name}：{error.message}")
            continue
        except Exception:  # noqa: BLE001 - one unreadable project must not lose the matrix
            notes.append(f"{path.name}：无法读取该审核项目。")
            continue
        columns = [index for index, local in enumerate(batch.locals)
                   if local.comparison is not None and same_texts(local.comparison, comparison)]
        free = [index for index in columns if index not in chosen]
        if free:
            chosen[free[0]] = path
        elif columns:
            notes.append(f"{path.name}：{batch.locals[columns[0]].name}已有审核项目"
                         f"（{chosen[columns[0]].name}），未再采用。")
        else:
            same_national = any(local.comparison is not None
                                and _wording(local.comparison.national) == _wording(comparison.national)
                                for local in batch.locals)
            namesake = next((local.name for local in batch.locals if same_national and local.path
                             and Path(local.path).name == provincial_name), None)
            notes.append(f"{path.name}：对照的是{namesake}文件的另一稿，与本次对照的文本不同，未采用。"
                         if namesake else f"{path.name}：对照的不是本次的国家文件和地方文件，未采用。")
    return chosen, tuple(notes)


def same_texts(first: Comparison, second: Comparison) -> bool:
    """Whether two comparisons compare the same national and local wording."""
    return (_wording(first.national) == _wording(second.national)
            and _wording(first.provincial) == _wording(second.provincial))


def _wording(outline: Outline) -> list[str]:
    return [clause.text for clause in outline.clauses()]


def build_batch(national: Outline, local_results: Sequence[Local], *, unit: str = "auto") -> Batch:
    """The matrix from finished comparisons (each Local's comparison against ``national``)."""
    unit = choose_unit(national, unit)
    items = national_items(national, unit)
    columns = [cells_for(local.comparison, items, unit) if local.comparison is not None
               else [None] * len(items) for local in local_results]
    cells = tuple(tuple(column[row] for column in columns) for row in range(len(items)))
    return Batch(national, unit, tuple(items), tuple(local_results), cells)


# --- running the comparisons ------------------------------------------------------------------

_worker_bases: dict[str, Outline] = {}
_worker_parameters: Parameters | None = None


def _compare_one(base: Outline, source: str | Outline, parameters: Parameters | None
                 ) -> tuple[Comparison | None, str, float]:
    """Read (when a path), outline and compare one local text; errors become their message."""
    started = time.perf_counter()
    try:
        local = source if isinstance(source, Outline) else load_outline(source)
        comparison = compare_outlines(base, local, parameters=parameters)
        return comparison, "", time.perf_counter() - started
    except DuizhaoError as error:
        return None, error.message, time.perf_counter() - started
    except Exception as error:  # noqa: BLE001 - one odd text must not end the batch
        # Its column says what happened; the other texts are still compared.
        return None, f"对照失败（程序内部错误：{type(error).__name__}），其他文件不受影响。", \
            time.perf_counter() - started


def _init_worker(bases: dict[str, Outline], parameters: Parameters | None, load: bool) -> None:
    global _worker_parameters
    # Ctrl+C reaches the parent, which ends the pool; workers must not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_bases.update(bases)
    _worker_parameters = parameters
    if load:
        prepare()


def _work(task: tuple[int, str, str | Outline]) -> tuple[int, Comparison | None, str, float]:
    index, base, source = task
    comparison, error, seconds = _compare_one(_worker_bases[base], source, _worker_parameters)
    if comparison is not None:
        # The national outline goes back with every result; the parent swaps its own one in.
        comparison = dataclasses.replace(comparison, national=None)  # type: ignore[arg-type]
    return index, comparison, error, seconds


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _context() -> tuple[multiprocessing.context.BaseContext | None, bool]:
    """The pool's start method and whether its workers must load the dictionaries themselves.

    ``fork`` shares the parent's loaded dictionaries, but only a single-threaded parent may fork
    safely (a GUI or a worker thread may hold locks the child would inherit held); everywhere
    else (Windows, macOS, the desktop app) workers are spawned and load them once each.
    A frozen (PyInstaller) program that would have to spawn gets None: a spawned child re-runs
    the executable, which works only where its entry script calls
    ``core.frozen.enable_workers()`` (``packaging/duizhao_cli.py`` and ``duizhao_app.py`` do);
    the batch then runs in this process.
    """
    if (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1):
        return multiprocessing.get_context("fork"), False
    if getattr(sys, "frozen", False) and not frozen.workers_ready():
        return None, True
    return multiprocessing.get_context("spawn"), True


def _run(bases: dict[str, Outline], tasks: Sequence[tuple[int, str, str | Outline]], *,
         names: Sequence[str], parameters: Parameters | None, workers: int | None,
         progress: ProgressCallback | None, cancel: CancelCheck | None,
         on_result: Callable[[int, Comparison | None, str, float], None] | None = None,
         ) -> dict[int, tuple[Comparison | None, str, float]]:
    """Run the tasks, in a process pool when there are several and more than one core."""
    total = len(tasks)
    results: dict[int, tuple[Comparison | None, str, float]] = {}

    def finished(index: int, comparison: Comparison | None, error: str, seconds: float) -> None:
        if comparison is not None and comparison.national is None:
            base = next(t[1] for t in tasks if t[0] == index)
            comparison = dataclasses.replace(comparison, national=bases[base])
        results[index] = (comparison, error, seconds)
        if on_result is not None:
            on_result(index, comparison, error, seconds)
        if progress is not None:
            shown = (region_name(comparison.provincial.title, names[index]) if comparison
                     else Path(names[index]).name or names[index])
            state = "失败" if error else "完成"
            progress(len(results), total, f"{shown} {state}（{len(results)}/{total}）")

    if cancel is not None and cancel():
        raise Cancelled()
    workers = min(workers or default_workers(), total)
    # Long texts first: the pool then ends with short ones and no core idles at the end.
    ordered = sorted(tasks, key=lambda task: -_size(task[2]))
    context, load = _context() if workers > 1 else (None, True)
    if context is None:
        prepare()
        for index, base, source in ordered:
            if cancel is not None and cancel():
                raise Cancelled()
            finished(index, *_compare_one(bases[base], source, parameters))
        return results
    if not load:
        prepare()  # loaded once here; the forked workers share it
    pending = list(ordered)
    isolate = False
    while pending:
        # After a worker died (a crash in a reader, the system killing it for memory) the texts
        # left are run one per fresh process, so the one that kills its process is found.
        tasks_now = pending[:1] if isolate else list(pending)
        lost = _pool_round(context, 1 if isolate else workers, bases, parameters, load, tasks_now,
                           cancel, finished)
        for task in tasks_now:
            if task[0] in results:
                pending.remove(task)
        if lost and isolate:
            pending.remove(tasks_now[0])
            finished(tasks_now[0][0], None, CRASHED, 0.0)
        isolate = isolate or lost
    return results


CRASHED = "对照这个文件时处理进程意外退出（文件可能已损坏，或内存不足），其他文件不受影响。"
"""The column message of a text whose worker process died."""


def _pool_round(context, workers: int, bases: dict[str, Outline], parameters: Parameters | None,
                load: bool, tasks: Sequence[tuple[int, str, str | Outline]],
                cancel: CancelCheck | None, finished) -> bool:
    """Run tasks in one process pool; True when a worker died and some were not finished."""
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                   initargs=(bases, parameters, load))
    broken = False
    try:
        futures = [executor.submit(_work, task) for task in tasks]
        waiting = set(futures)
        quiet_since, unstuck_at = time.monotonic(), None
        while waiting:
            if cancel is not None and cancel():
                _stop(executor)
                raise Cancelled()
            done, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                finished(*outcome)
            now = time.monotonic()
            if done:
                quiet_since = now
            elif unstuck_at is None and now - quiet_since > STUCK_SECONDS and _a_worker_died(executor):
                _unstick(executor)  # its futures now fail with BrokenProcessPool
                unstuck_at = now
            elif unstuck_at is not None and now - unstuck_at > STUCK_SECONDS:
                broken = True  # the pool did not notice even then: its texts go to the next round
                _stop(executor)
                break
    except BaseException:
        _stop(executor)  # Ctrl+C, or a failure here: running comparisons are not waited for
        raise
    finally:
        executor.shutdown(wait=not broken, cancel_futures=True)
    return broken


STUCK_SECONDS = 3.0
"""How long a pool may go without a result once one of its workers has died."""


def _a_worker_died(executor: ProcessPoolExecutor) -> bool:
    """One of the pool's workers has ended abnormally (a crash, the system killing it)."""
    return any(process.exitcode not in (None, 0)
               for process in list((getattr(executor, "_processes", None) or {}).values()))


def _unstick(executor: ProcessPoolExecutor) -> None:
    """Free a pool whose worker died in the middle of sending its result.

    The pool's manager thread then waits for the rest of that message forever: the other
    workers, and this process, keep the result pipe open, so it never reads an end. Its workers
    are ended and this process's end of the pipe closed: the manager reads the end, and the
    pool fails its futures with ``BrokenProcessPool`` as it does for any dead worker.
    ``ProcessPoolExecutor`` offers no public way to do this (nor to terminate, before 3.14).
    """
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


def _stop(executor: ProcessPoolExecutor) -> None:
    """End a pool now: running comparisons are not waited for."""
    # ProcessPoolExecutor has no public terminate before Python 3.14.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)


def _size(source: str | Outline) -> int:
    if isinstance(source, Outline):
        return sum(len(c.text) for c in source.clauses())
    try:
        return os.path.getsize(source)
    except OSError:
        return 0


NATIONAL_COPY = "国家文件本身（或其副本），不与自身对照"
REPEATED = "重复给出（或与已对照的文件内容相同），只对照一次"


def _sort_out(national_path: str, local_texts: Sequence[str | os.PathLike | Outline]
              ) -> tuple[list[str | Outline], list[tuple[str, str]]]:
    """The local texts to compare, and the files left out with why: the national text itself
    or a copy of it (a folder or glob that includes it), a file given twice or a copy of one."""
    kept: list[str | Outline] = []
    left_out: list[tuple[str, str]] = []
    for text in local_texts:
        if isinstance(text, Outline):
            kept.append(text)
            continue
        path = os.fspath(text)
        if national_path and same_document(path, national_path):
            left_out.append((path, NATIONAL_COPY))
        elif any(isinstance(k, str) and same_document(path, k) for k in kept):
            left_out.append((path, REPEATED))
        else:
            kept.append(path)
    return kept, left_out


def _national(national: str | os.PathLike | Outline) -> Outline:
    return national if isinstance(national, Outline) else load_outline(national)


def compare_many(national: str | os.PathLike | Outline,
                 local_texts: Sequence[str | os.PathLike | Outline], *,
                 unit: str = "auto", parameters: Parameters | None = None,
                 workers: int | None = None, progress: ProgressCallback | None = None,
                 cancel: CancelCheck | None = None) -> Batch:
    """Compare one national text with many local ones and build the matrix.

    Args:
        national: the national file, or its outline.
        local_texts: local files (see ``expand_inputs`` for folders and globs) or outlines.
        unit: "auto" (articles for statutes, clauses otherwise), ARTICLE or CLAUSE.
        parameters: engine thresholds, the same for every pair.
        workers: processes to use (default: the cores available; 1 runs in this process).
        progress: ``progress(done, total, message)`` after each local text.
        cancel: returns True to stop; ``Cancelled`` is then raised.

    Returns:
        The matrix; a local text that could not be compared is a column with its message.

    Raises:
        DocumentReadError: the national text cannot be read, or no local text was given.
        Cancelled: the cancel check returned True.
    """
    base = _national(national)
    if not local_texts:
        raise DocumentReadError("没有地方文件：请至少指定一个地方文件、文件夹或通配符。")
    sources, left_out = _sort_out(base.path, local_texts)
    if not sources:
        raise DocumentReadError("地方文件中只有国家文件本身（或其副本），请指定其他地方文件。")
    paths = [s.path if isinstance(s, Outline) else s for s in sources]
    provisional = [p or f"地方文件{i + 1}" for i, p in enumerate(paths)]
    done = _run({"N": base}, [(i, "N", s) for i, s in enumerate(sources)], names=provisional,
                parameters=parameters, workers=workers, progress=progress, cancel=cancel)
    batch = build_batch(base, _locals(paths, done), unit=unit)
    return dataclasses.replace(batch, left_out=tuple(left_out))


def _locals(paths: Sequence[str], done: dict[int, tuple[Comparison | None, str, float]]
            ) -> list[Local]:
    titles, names = [], []
    for index, path in enumerate(paths):
        comparison = done[index][0]
        title = comparison.provincial.title if comparison is not None else ""
        titles.append(title)
        names.append(region_name(title, path))
    names = unique_names(names, paths, titles)
    return [Local(names[i], paths[i], titles[i], *done[i]) for i in range(len(paths))]


def replace_local(batch: Batch, index: int, source: str | os.PathLike | Outline, *,
                  parameters: Parameters | None = None) -> Batch:
    """The matrix with one local text re-imported (a new version); the others are kept as they are."""
    source = source if isinstance(source, Outline) else os.fspath(source)
    prepare()
    comparison, error, seconds = _compare_one(batch.national, source, parameters)
    paths = [local.path for local in batch.locals]
    paths[index] = source.path if isinstance(source, Outline) else source
    done = {i: (local.comparison, local.error, local.seconds) for i, local in enumerate(batch.locals)}
    done[index] = (comparison, error, seconds)
    return build_batch(batch.national, _locals(paths, done), unit=batch.unit)


# --- three levels -----------------------------------------------------------------------------


def compare_chain(national: str | os.PathLike | Outline, province: str | os.PathLike | Outline,
                  city: str | os.PathLike | Outline, *, unit: str = "auto",
                  parameters: Parameters | None = None, workers: int | None = None,
                  progress: ProgressCallback | None = None,
                  cancel: CancelCheck | None = None) -> Batch:
    """National → province → city: what the city carries of each level.

    The rows are the national items (province and city columns: each text against the national
    one), then the province's own items — what it adds to the national text — with the city's
    status against the province. Each text is outlined once; the three comparisons run in the
    pool.

    Returns:
        A Batch of kind "chain" with columns province and city, and ``chain`` holding the
        comparisons national→province, national→city, province→city (None where one failed).
    """
    base = _national(national)
    outlines: list[Outline | None] = []
    errors: list[str] = []
    paths: list[str] = []
    for source in (province, city):
        paths.append(source.path if isinstance(source, Outline) else os.fspath(source))
        try:
            outlines.append(source if isinstance(source, Outline) else load_outline(source))
            errors.append("")
        except DocumentReadError as error:
            outlines.append(None)
            errors.append(error.message)
    bases: dict[str, Outline] = {"N": base}
    tasks: list[tuple[int, str, str | Outline]] = []
    if outlines[0] is not None:
        tasks.append((0, "N", outlines[0]))
    if outlines[1] is not None:
        tasks.append((1, "N", outlines[1]))
        if outlines[0] is not None:
            bases["P"] = outlines[0]
            tasks.append((2, "P", outlines[1]))
    names = ["省级文件", "市级文件", "市级文件对照省级文件"]
    done = _run(bases, tasks, names=names, parameters=parameters, workers=workers,
                progress=progress, cancel=cancel) if tasks else {}
    for index in (0, 1):
        done.setdefault(index, (None, errors[index], 0.0))
    locals_ = _locals(paths, done)
    batch = build_batch(base, locals_, unit=unit)
    province_outline, upward = outlines[0], done.get(2, (None, "", 0.0))[0]
    rows, cells = list(batch.items), [list(row) for row in batch.cells]
    downward = locals_[0].comparison
    if province_outline is not None and downward is not None:
        for item, city_cell in _province_own(downward, upward, batch.unit):
            rows.append(item)
            cells.append([Cell(Status.ADDED, Reason("addition", "省级文件在国家文件之外增加的内容。")),
                          city_cell])
    return Batch(base, batch.unit, tuple(rows), tuple(locals_),
                 tuple(tuple(row) for row in cells), kind="chain",
                 chain=(locals_[0].comparison, locals_[1].comparison, upward))


def _province_own(downward: Comparison, upward: Comparison | None, unit: str
                  ) -> list[tuple[Item, Cell | None]]:
    """The province's additions to the national text, and the city's cell for each."""
    province = downward.provincial
    added = {clause.id for clause in downward.additions}
    rows: list[tuple[Item, Cell | None]] = []
    if unit == ARTICLE:
        carried = {section for a in downward.sections for section in a.provincial}
        upward_cells = {}
        if upward is not None:
            probe = [Item(s.id, s.id, "", "") for s in province.sections if s.clauses]
            upward_cells = dict(zip((p.section for p in probe), cells_for(upward, probe, ARTICLE)))
        for section in province.sections:
            if not section.clauses or section.id in carried:
                continue
            if not all(clause.id in added for clause in section.clauses):
                continue
            label = province.label_path(section.id) if section.id != "0" else "前言"
            item = Item(f"P{section.id}", section.id, f"省 {label}",
                        "".join(c.text for c in section.clauses), level="province")
            rows.append((item, upward_cells.get(section.id)))
        return rows
    findings = {f.clause.id: f for f in upward.clauses} if upward is not None else {}
    for clause in downward.additions:
        item = Item(provincial_id(clause.id), clause.section,
                    "省 " + _clause_label(province, clause), clause.text,
                    level="province")
        finding = findings.get(clause.id)
        rows.append((item, _clause_cell(upward, finding)
                     if upward is not None and finding is not None else None))
    return rows


CHAIN_SHARES = (("province_of_national", "省级文件落实国家文件"),
                ("city_of_national", "市级文件落实国家文件"),
                ("city_of_province_own", "市级文件落实省级新增内容"))


def chain_summary(batch: Batch) -> dict[str, float | None]:
    """What the city carries of each level, in percent of the expected items.

    Keys: ``province_of_national``, ``city_of_national``, ``city_of_province_own``; a share that
    cannot be measured — its text could not be compared, or it has no expected item — is None
    (an unreadable city file was said to carry 0.0 % of the national text).
    """
    def share(rows: Iterable[int], column: int) -> float | None:
        cells = [c for c in (batch.cells[row][column] for row in rows)
                 if c is not None and c.status is not Status.NOT_EXPECTED]
        if not cells:
            return None
        return 100.0 * sum(c.status in (Status.COVERED, Status.PARTIAL) for c in cells) / len(cells)

    national = [i for i, item in enumerate(batch.items) if item.level == "national"]
    own = [i for i, item in enumerate(batch.items) if item.level == "province"]
    return {"province_of_national": share(national, 0), "city_of_national": share(national, 1),
            "city_of_province_own": share(own, 1)}


def share_text(value: float | None) -> str:
    """A chain share as the reports print it: 72.5%, or 无法计算."""
    return "无法计算" if value is None else f"{value:.1f}%"


def chain_wording(batch: Batch) -> str:
    """The chain's three shares in one line, as the CLI, the window and the Word report say it."""
    shares = chain_summary(batch)
    return "；".join(f"{label} {share_text(shares[key])}" for key, label in CHAIN_SHARES)


# --- JSON -------------------------------------------------------------------------------------

SCHEMA = "duizhao.batch/1"


def _cell_dict(cell: Cell | None) -> dict | None:
    if cell is None:
        return None
    return {"status": cell.status.value, "reason": {"code": cell.reason.code, "text": cell.reason.text},
            "score": cell.score, "where": cell.where, "wording": cell.wording}


def batch_to_dict(batch: Batch) -> dict:
    """The matrix as JSON-ready data (schema duizhao.batch/1).

    ``locals[]``: name, path, title, error, seconds, ``reviewed`` (cells a pair's review changed,
    0 for the engine's verdicts) and, when compared, ``summary``; ``items[]``: id, section, label,
    text, level, per-status ``counts`` and one ``cells[]`` entry per local text (status, reason,
    score, where, wording; null for a text that could not be compared); ``left_out``: local files
    given but not compared, with why; ``chain``: a chain's shares. Fields were only ever added.
    """
    locals_ = []
    for index, local in enumerate(batch.locals):
        entry: dict = {"name": local.name, "path": local.path, "title": local.title,
                       "error": local.error, "seconds": round(local.seconds, 3),
                       "reviewed": local.reviewed}
        summary = batch.summary(index)
        if summary is not None:
            entry["summary"] = {"items": summary.items,
                                **{s.value: summary.counts.get(s, 0) for s in STATUS_ORDER},
                                "additions": summary.additions,
                                "covered_percent": round(summary.covered_percent, 1),
                                "carried_percent": round(summary.carried_percent, 1)}
        locals_.append(entry)
    items = []
    for row, item in enumerate(batch.items):
        items.append({"id": item.id, "section": item.section, "label": item.label,
                      "text": item.text, "level": item.level,
                      "counts": {s.value: batch.count(row, s) for s in STATUS_ORDER},
                      "cells": [_cell_dict(cell) for cell in batch.cells[row]]})
    data = {"schema": SCHEMA, "kind": batch.kind, "unit": batch.unit,
            "national": {"path": batch.national.path, "title": batch.national.title},
            "locals": locals_, "items": items}
    if batch.left_out:
        data["left_out"] = [{"path": path, "reason": reason} for path, reason in batch.left_out]
    if batch.kind == "chain":
        data["chain"] = {key: None if value is None else round(value, 1)
                         for key, value in chain_summary(batch).items()}
    return data
