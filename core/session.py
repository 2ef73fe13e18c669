"""The user's actions on a comparison project, one keyword-only function each, for the CLI and the app.

Each function composes the engine, the readers and the project store for one action and returns a
plain value the caller shows; none asks questions or draws anything. Long actions take
``progress(done, total, message)`` and ``cancel()`` like ``core.compare``, so the app can run
them on its worker thread.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from core.align import CancelCheck, ProgressCallback, compare_outlines
from core.compare import load_outline, prepare
from core.errors import Cancelled, ProjectReadOnlyError, SameDocumentError
from core.export.labels import local_word
from core.model import (STATUS_LABELS, Comparison, Outline, ReviewDecision, Section, Status,
                        is_provincial_item)
from core.outline import outline_document
from core.read import read_text
from core.review import carried_in_part, parameters_of
from core.text import issuing_region

if TYPE_CHECKING:  # the store (sqlite-utils, rapidfuzz) loads only for the actions that use it
    from core.project import Project, ReimportReport

LOADING_DICTIONARY = "正在载入词典（首次使用需要几秒钟）…"
SAVING_PROJECT = "正在保存项目并显示结果…"
CARRYING_OVER = "正在沿用审核意见并显示结果…"


# ---------------------------------------------------------------- documents

@dataclass(frozen=True)
class Source:
    """A document for one side: a file, or pasted text (kept in a file too, for the project).

    Attributes:
        path: the file; "" while the document is known only from an open project.
        name: the name shown and used to read pasted text.
        pasted: the pasted text, None for a file.
    """

    path: str
    name: str
    pasted: str | None = None

    def outline(self) -> Outline:
        """The document's outline (raises a DocumentReadError subclass on bad input)."""
        if self.pasted is not None:
            return outline_document(read_text(self.pasted, self.name))
        return load_outline(self.path)


# Characters of a document's name kept in the names made from it (a project, an export, a
# pasted text's file): a long but legal file name (83 汉字 = 249 bytes) with "-起草对照清单.docx"
# or ".duizhao" added goes past the 255 bytes a file name may have.
NAME_STEM_CHARS = 40
# Characters no file name may hold on Windows.
_NOT_IN_NAMES = '\\/:*?"<>|'


def name_stem(name: str, default: str = "对照") -> str:
    """The start of a document's name without its extension, fit to build file names on."""
    root, extension = os.path.splitext(name)
    return _fit_for_names(root if extension.isascii() and len(extension) <= 6 else name, default)


def document_stem(name: str, title: str, default: str = "对照") -> str:
    """The start of the names made from a document (an export, a saved project): its file name
    when that says something in Chinese, else its title. A file named law_beijing_…_2020.txt
    or draft.docx gave 起草对照清单 a name its reader could not tell from the next one."""
    stem = name_stem(name, default)
    if title.strip() and not any("\u4e00" <= ch <= "\u9fff" for ch in stem):
        return _fit_for_names(title.strip(), default)
    return stem


def _fit_for_names(stem: str, default: str = "对照") -> str:
    """A stem without the characters no file name may hold, cut to ``NAME_STEM_CHARS``."""
    safe = "".join(ch for ch in stem if ch not in _NOT_IN_NAMES and ch.isprintable())
    return safe[:NAME_STEM_CHARS].strip() or default


def keep_pasted_text(*, text: str, name: str, folder: Path) -> Path:
    """Check pasted text reads as a document and keep it as a UTF-8 file named by its hash.

    Raises:
        DocumentReadError: the text is not a document (empty, no clauses …).
        OSError: the file cannot be written.
    """
    read_text(text, name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    target = folder / f"{name_stem(name, '粘贴的文本')}-{digest}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def extract_document(*, project: Project, side: str, name: str, folder: Path) -> Path:
    """Write a document stored in the project to ``folder/<hash>/name`` so it can be read again.

    Raises:
        OSError: the file cannot be written.
    """
    content = project.document_bytes(side)
    target_folder = folder / hashlib.sha256(content).hexdigest()[:12]
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / Path(name).name
    target.write_bytes(content)
    return target


def free_project_path(*, folder: Path, stem: str) -> Path:
    """A new project's file in ``folder`` (made when missing), not yet taken: 名, 名（2）, …

    Raises:
        OSError: the folder cannot be made.
    """
    from core.project import SUFFIX

    folder.mkdir(parents=True, exist_ok=True)
    stem = _fit_for_names(stem)  # a stem already: 实施办法2023.10 keeps its .10
    candidate = folder / f"{stem}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}（{number}）{SUFFIX}"
        number += 1
    return candidate


# How many of the app's newest projects ``earlier_review`` reads (about 20 ms each, on the GUI
# thread before a compare): a pair compared again is most often one of the last ones.
EARLIER_LOOKED_AT = 20


@dataclass(frozen=True)
class EarlierReview:
    """A project that compares the same two files (``earlier_review``)."""

    path: Path
    decisions: int
    modified: datetime


def earlier_review(*, folder: Path, national: str | os.PathLike, provincial: str | os.PathLike,
                   also: Sequence[str | os.PathLike] = ()) -> EarlierReview | None:
    """The newest project made from these very two files (byte for byte, the provincial one
    as its current version), among the ``EARLIER_LOOKED_AT`` newest in ``folder`` and the
    project files ``also`` names (the user's recent projects), or None.

    开始对照 on two files compared before made one more project beside the first (名（2）,
    名（3）…) and the reviewer's decisions stayed in the earlier one, out of sight: the app asks
    whether to go on with it instead. A project saved elsewhere (另存为) is found among ``also``:
    the copy left in ``folder`` was offered, stale. Projects that cannot be read are passed
    over.
    """
    from core.project import SUFFIX, Project

    try:
        wanted = (Path(national).read_bytes(), Path(provincial).read_bytes())
    except OSError:
        return None
    try:
        newest = sorted((p for p in folder.glob(f"*{SUFFIX}") if p.is_file()),
                        key=_modified, reverse=True)[:EARLIER_LOOKED_AT]
    except OSError:
        newest = []
    candidates: dict[Path, Path] = {}
    for path in [*newest, *(Path(p) for p in also)]:
        try:
            if path.is_file():
                candidates.setdefault(path.resolve(), path)
        except OSError:
            continue
    for path in sorted(candidates.values(), key=_modified, reverse=True):
        try:
            with Project.open(path, read_only=True) as project:
                if (project.document_bytes("national"), project.document_bytes("provincial")) != wanted:
                    continue
                decisions = len(project.decisions())
            return EarlierReview(path, decisions, datetime.fromtimestamp(path.stat().st_mtime))
        except Exception:  # noqa: BLE001 - another project's trouble is no reason to stop here
            continue
    return None


def _modified(path: Path) -> float:
    """When a file was last written; 0 for one that cannot be looked at."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# Why a file offered as a new version of a project's provincial text looks like another text
# (other_text_reason), besides the other region it names.
PLAIN_TEXT, OTHER_NUMBERING = "plain", "grammar"
_REGION_ENDINGS = ("省", "市", "自治区", "特别行政区")


def other_text_reason(old: Comparison, new: Outline) -> str:
    """"" when ``new`` may well be a new version of ``old``'s provincial text; else why not:
    PLAIN_TEXT (no numbering, offered for a statute's implementing text), the other region its
    title names (广东省 for a 北京市 project), or OTHER_NUMBERING (statute articles against a
    policy's numbering)."""
    before = old.provincial
    if old.national.grammar == "statute" and before.grammar != "plain" and new.grammar == "plain":
        return PLAIN_TEXT
    regions = [region_of_title(before.title), region_of_title(new.title)]
    if all(regions) and regions[0] != regions[1]:
        return regions[1]
    if {before.grammar, new.grammar} == {"statute", "policy"}:
        return OTHER_NUMBERING
    return ""


def region_of_title(title: str) -> str:
    """The province or city a title opens with (北京市, 广东省), or "" (关于推进海绵城市……)."""
    from core.batch import region_in_title

    name = region_in_title(title)
    return name if name.endswith(_REGION_ENDINGS) else ""


# ---------------------------------------------------------------- comparing

CompareKind = Literal["unchanged", "reimport", "new"]


def compare_kind(*, project_open: bool, national_in_project: bool, provincial_in_project: bool,
                 provincial_pasted: bool) -> CompareKind:
    """What 开始对照 does with the chosen documents.

    "unchanged": the open project already compares these two; "reimport": the national side is
    the project's and the provincial a new file, so it is a new draft of the open project; "new":
    anything else, a new project.
    """
    if project_open and national_in_project:
        if provincial_in_project:
            return "unchanged"
        if not provincial_pasted:
            return "reimport"
    return "new"


def compare_into_project(*, national: Source, provincial: Source, target: Path | None = None,
                         folder: Path | None = None, progress: ProgressCallback | None = None,
                         cancel: CancelCheck | None = None) -> Project:
    """Compare two documents and save them with the result as a new project: at ``target``,
    or, given a ``folder`` instead, in a file of it named once the provincial text is read
    (``document_stem``: its file name when that says something in Chinese, else its title;
    ``free_project_path``).

    Raises:
        DocumentReadError: a document cannot be read.
        ProjectFileError: the project file cannot be written or is another program's file.
        OSError: ``folder`` cannot be made.
        Cancelled: ``cancel()`` said stop; nothing is written.
    """
    from core.project import Project

    if (target is None) == (folder is None):
        raise ValueError("compare_into_project needs a target or a folder, not both")
    report = progress or (lambda done, total, message: None)
    # A cold start builds the word cache first: say so, rather than sit at 0 %.
    report(0, 0, LOADING_DICTIONARY)
    prepare()
    national_outline, provincial_outline = _different(national.outline(), provincial.outline())
    comparison = compare_outlines(national_outline, provincial_outline,
                                  progress=progress, cancel=cancel)
    if target is None:
        assert folder is not None
        target = free_project_path(folder=folder,
                                   stem=document_stem(provincial.name, provincial_outline.title))
    # "对照完成 100%" over an empty table read as a hang: the result is not shown yet.
    report(0, 0, SAVING_PROJECT)
    return Project.create(target, national.path, provincial.path, comparison, cancel=cancel)


def compare_documents(*, national: str | os.PathLike, provincial: str | os.PathLike,
                      progress: ProgressCallback | None = None,
                      cancel: CancelCheck | None = None) -> Comparison:
    """Compare two files without a project (the CLI's ``compare``).

    Raises:
        DocumentReadError: a document cannot be read.
        Cancelled: ``cancel()`` said stop.
    """
    return compare_outlines(*_different(load_outline(national), load_outline(provincial)),
                            progress=progress, cancel=cancel)


def _different(national: Outline, provincial: Outline) -> tuple[Outline, Outline]:
    """The two outlines, unless they hold the same text (the same file chosen twice): a
    comparison of a text with itself reads 已覆盖 100% and tells nothing.

    Raises:
        SameDocumentError: both hold the same title and body.
    """
    def body(outline: Outline) -> tuple:
        return (outline.title, tuple(s.paragraphs for s in outline.sections))
    if body(national) == body(provincial):
        raise SameDocumentError()
    return national, provincial


# A title that reads as the nation's own: its issuer (国务院关于……, 中共中央办公厅……) or a
# national law's name (中华人民共和国……法).
_NATIONAL_TITLE = re.compile(r"^《?(?:中华人民共和国|国务院|全国人民代表大会|中共中央|中央|国家)")


# A text's words for its own region (本省, 全市, 我省): found three times or more in 1,342 of
# 1,889 provincial laws of the domain corpus, and at most 8 times in any of its 1,550 national
# ones (立法法, quoting them) — 0 in 1,497.
# Not inside a word: 资本市场, 健全市场, 健全省级…
_SELF_REFERENCE = re.compile(r"(?<![资成])本[省市](?!场)|(?<![健完安])全[省市](?!场)|本自治区|我[省市](?!场)")
# How often the national side must name its own region to read as a local text, and how many
# times as often as the provincial side (优化营商环境条例 says 全省 once; 广东省's says 本省 4 times).
SELF_REFERENCES_SWAPPED = 3
SELF_REFERENCE_RATIO = 4


def _self_references(outline: Outline) -> int:
    return sum(len(_SELF_REFERENCE.findall(text))
               for text in (outline.title, *(p for s in outline.sections for p in s.paragraphs)))


def sides_swapped(national: Outline, provincial: Outline) -> bool:
    """Whether the two texts look chosen the wrong way round: the national side's title names a
    province as its issuer (北京市……条例) and the provincial side's reads as the nation's own
    (国务院关于……, 中华人民共和国……法); or, titles aside, the national side speaks of its own
    region (本省, 全市: at least ``SELF_REFERENCES_SWAPPED`` times, and ``SELF_REFERENCE_RATIO``
    times as often as the provincial side), whose title names no region as its issuer. A
    province's text against a city's (广东省…… → 广州市……, 逐级对照) is never questioned."""
    if issuing_region(national.title) and _NATIONAL_TITLE.match(provincial.title.strip()):
        return True
    if issuing_region(provincial.title):
        return False
    own = _self_references(national)
    return own >= SELF_REFERENCES_SWAPPED and _self_references(provincial) * SELF_REFERENCE_RATIO <= own


def reimport(*, project: Project, provincial: str | os.PathLike, reviewer: str = "",
             progress: ProgressCallback | None = None,
             cancel: CancelCheck | None = None, outline: Outline | None = None) -> ReimportReport:
    """Compare a new provincial draft within the open project, carrying the decisions over.

    The stored national outline is compared with the draft using the engine parameters the
    stored comparison was made with; the project then stores the result
    (``Project.add_provincial_version``, which never compares). ``outline`` is the draft's
    outline when the caller has read it already (to ask ``other_text_reason`` first).

    Returns:
        What became of each decision: carried (some to re-check) or orphaned.

    Raises:
        DocumentReadError: the new draft cannot be read.
        ProjectReadOnlyError: the project was opened read-only.
        Cancelled: ``cancel()`` said stop; the project is unchanged.
    """
    project.check_writable()  # said before the work, not after it
    report = progress or (lambda done, total, message: None)
    report(0, 0, LOADING_DICTIONARY)
    prepare()

    def reported(done: int, total: int, message: str) -> None:
        report(done, total, message)
        if total and done >= total:
            report(0, 0, CARRYING_OVER)

    _check_cancel(cancel)
    old = project.comparison
    comparison = compare_outlines(old.national, outline or load_outline(provincial),
                                  parameters=parameters_of(old), progress=reported, cancel=cancel)
    _check_cancel(cancel)
    return project.add_provincial_version(provincial, comparison, reviewer=reviewer)


def reimport_summary(report: ReimportReport) -> str:
    """The one line the app shows after a re-import."""
    rechecks = report.rechecks
    standing = len(report.carried) - len(rechecks)
    return (f"已导入新版地方文件（第 {report.provincial_version} 版），沿用审核意见 {standing} 条"
            + (f"，{len(rechecks)} 条需复核" if rechecks else "")
            + (f"，{len(report.orphaned)} 条未能沿用" if report.orphaned else ""))


def _check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


# ---------------------------------------------------------------- deciding

@dataclass(frozen=True)
class Edit:
    """A review decision made, not yet recorded, and what the 撤销/重做 entries call it.

    Attributes:
        decision: the item's whole decision after the edit.
        label: the edit in Chinese, e.g. 标为“已覆盖”.
    """

    decision: ReviewDecision
    label: str


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _edit(item: str, current: ReviewDecision | None, reviewer: str, label: str,
          **changes) -> Edit:
    base = current or ReviewDecision(item=item)
    return Edit(replace(base, **changes, reviewer=reviewer, decided_at=_now()), label)


def confirm(*, item: str, current: ReviewDecision | None, reviewer: str) -> Edit:
    """确认系统判断: the engine's status stands (clears a status and 不适用 set before)."""
    return _edit(item, current, reviewer, "确认系统判断", status=None, not_applicable=False)


def set_status(*, item: str, current: ReviewDecision | None, status: Status,
               reviewer: str) -> Edit:
    """The reviewer's own status for the item (and not 不适用)."""
    return _edit(item, current, reviewer, f"标为“{STATUS_LABELS[status]}”", status=status,
                 not_applicable=False)


def set_not_applicable(*, item: str, current: ReviewDecision | None, on: bool,
                       reviewer: str) -> Edit:
    """Mark the item 不适用, or take the mark back."""
    return _edit(item, current, reviewer, "标为“不适用”" if on else "取消“不适用”",
                 not_applicable=on)


def choose_match(*, item: str, current: ReviewDecision | None, match: str,
                 reviewer: str) -> Edit:
    """Show another provincial clause ("P…") as the national clause's counterpart."""
    return _edit(item, current, reviewer, "改选对应表述", match=match)


def carry_in_part(*, item: str, current: ReviewDecision | None, match: str, article: str,
                  reviewer: str) -> Edit:
    """The reviewer's judgement that a provincial article (its label ``article``, 第四条) carries
    the item's article in part: 部分覆盖, with ``match`` — a sentence of that article ("P…",
    ``core.review.carried_in_part``) — shown as the counterpart."""
    return _edit(item, current, reviewer, f"认定由地方{article}部分承接", status=Status.PARTIAL,
                 match=match, not_applicable=False)


def set_note(*, item: str, current: ReviewDecision | None, note: str, reviewer: str) -> Edit:
    """The reviewer's opinion on the item ("" clears it)."""
    return _edit(item, current, reviewer, "审核意见", note=note)


@dataclass(frozen=True)
class Together:
    """The same review edit on several selected items, to be recorded as one undo step
    (``decide_together``, ``note_together``, ``record_together``).

    Attributes:
        edits: the edits to record, in the order the items were given.
        doing: what they do, as 标为“已覆盖” or 填写审核意见.
        unit: what an item is counted in: 句 for a statute's sentences, 条 for a policy's.
        left: the selected items left as they were, and why, ready to follow the count
            (另 2 句为本市新增内容，只能确认或标为“不适用”，未改动); "" when none.
    """

    edits: tuple[Edit, ...]
    doing: str
    unit: str
    left: str = ""

    @property
    def label(self) -> str:
        """The undo step's name: the first edit's label and the count (标为“已覆盖”（5 句）)."""
        return f"{self.edits[0].label}（{len(self.edits)} {self.unit}）" if self.edits else ""


Selected = tuple[str, ReviewDecision | None]  # an item id and its decision as shown


def item_unit(comparison: Comparison) -> str:
    """What a review item is counted in: a statute's items are sentences (句; 条 is an
    article), a policy's are its numbered items (条)."""
    return "句" if comparison.articles else "条"


def decide_together(*, comparison: Comparison, selected: Sequence[Selected], current: str,
                    key: str, reviewer: str) -> Together:
    """One review action on every selected item: ``key`` is "confirm", "not_applicable" or a
    Status value; ``current`` is the item the action was asked on (among ``selected``).

    As for one item: 不适用 goes on or off as the current item's toggle would, and items already
    so are left alone (an empty decision on them would count them as reviewed); a status is
    set on national items only — the additions (本省新增) take only 确认 and 不适用 — and on
    none when the current item is an addition.
    """
    unit = item_unit(comparison)
    decisions = dict(selected)
    if key == "confirm":
        edits = [(confirm(item=item, current=decision, reviewer=reviewer), decision)
                 for item, decision in selected]
        return _changing(edits, "确认系统判断", unit, "已确认系统判断")
    if key == "not_applicable":
        now = decisions.get(current)
        on = not (now is not None and now.not_applicable)
        changing = [(item, decision) for item, decision in selected
                    if bool(decision and decision.not_applicable) != on]
        already = len(selected) - len(changing)
        return Together(
            tuple(set_not_applicable(item=item, current=decision, on=on, reviewer=reviewer)
                  for item, decision in changing),
            "标为“不适用”" if on else "取消“不适用”", unit,
            f"另 {already} {unit}{'已' if on else '未'}标为“不适用”，未改动" if already else "")
    status = Status(key)
    doing = f"标为“{STATUS_LABELS[status]}”"
    local = local_word(comparison.provincial.title)
    if is_provincial_item(current):
        # Said, not done silently (Ctrl+5 on an addition left the last message standing, as
        # if it had applied).
        return Together((), doing, unit, f"{local}新增内容只能确认或标为“不适用”，未改动")
    national = [(item, decision) for item, decision in selected if not is_provincial_item(item)]
    added = len(selected) - len(national)
    return _changing([(set_status(item=item, current=decision, status=status, reviewer=reviewer),
                       decision) for item, decision in national], doing, unit, f"已{doing}",
                     f"另 {added} {unit}为{local}新增内容，只能确认或标为“不适用”，未改动" if added else "")


def _changing(edits: Sequence[tuple[Edit, ReviewDecision | None]], doing: str, unit: str,
              already: str, left: str = "") -> Together:
    """The edits that change their item's decision (each with the decision it replaces); the
    others — the same key pressed again on a row already so — are left, said as ``already``
    (已确认系统判断): recorded, they were an undo step that changed nothing."""
    changing = tuple(edit for edit, current in edits if not _same(edit.decision, current))
    same = len(edits) - len(changing)
    told = [left] if left else []
    if same == len(edits) == 1 and not left:
        told.append(f"本{unit}{already}，未改动")
    elif same == len(edits) and not left:
        told.append(f"所选 {same} {unit}均{already}，未改动")
    elif same:
        told.append(f"另 {same} {unit}{already}，未改动")
    return Together(changing, doing, unit, "；".join(told))


def _same(decision: ReviewDecision, current: ReviewDecision | None) -> bool:
    """The decision is the current one but for who made it and when."""
    return current is not None and replace(decision, reviewer=current.reviewer,
                                           decided_at=current.decided_at) == current


def note_together(*, comparison: Comparison, selected: Sequence[Selected], current: str,
                  note: str, reviewer: str) -> Together:
    """An opinion typed on ``current`` while several items are selected: it goes to every
    selected item with no opinion, or with the one ``current`` had; an opinion of another
    item's own is never replaced."""
    unit = item_unit(comparison)
    shown = {item: decision.note if decision else "" for item, decision in selected}
    had = shown.get(current, "")
    own = sum(1 for text in shown.values() if text not in ("", had))
    return Together(
        tuple(set_note(item=item, current=decision, note=note, reviewer=reviewer)
              for item, decision in selected if shown[item] in ("", had) and shown[item] != note),
        "填写审核意见" if note else "删除审核意见", unit,
        f"另 {own} {unit}已有各自的审核意见，未改动" if own else "")


def carry_together(*, comparison: Comparison, item: str, decisions: Mapping[str, ReviewDecision],
                   selected: Iterable[str] = (), article_id: str | None = None, reviewer: str
                   ) -> tuple[Section, Together] | None:
    """The reviewer's judgement that a provincial article near the article of ``item`` (judged
    missing) carries it in part: ``article_id``, or the nearest when None.

    ``item`` and the article's other missing sentences become 部分覆盖, each with its nearest
    sentence of that article as the counterpart (``core.review.carried_in_part``). Sentences
    with a decision (``decisions``, item → decision as shown) keep theirs, unless ``selected``
    for this judgement or made by an earlier such judgement (those move with the article).

    Returns:
        The article and the edits (one undo step), or None when the item's article is not
        missing or the reason names no such article.
    """
    chosen = set(selected)
    plan = carried_in_part(comparison, item,
                           {own: decision for own, decision in decisions.items() if own not in chosen},
                           article_id)
    if plan is None:
        return None
    article, carried = plan
    return article, Together(
        tuple(carry_in_part(item=own, current=decisions.get(own), match=match,
                            article=article.label, reviewer=reviewer) for own, match in carried),
        f"认定由地方{article.label}部分承接", "句")


def record_together(*, project: Project, together: Together) -> list[ReviewDecision]:
    """Save the decisions of a ``Together`` in one transaction: all, or none when one cannot
    be written; returns them. Each is taken back by its own ``undo``, newest first.

    Raises: as ``record``; the project is as it was when any is raised.
    """
    decisions = [edit.decision for edit in together.edits]
    project.record_all(decisions)
    return decisions


def record(*, project: Project, edit: Edit) -> ReviewDecision:
    """Save an edit's decision in the project, committed before returning; returns it.

    Raises:
        ProjectReadOnlyError: the project was opened read-only.
        ProjectSaveError: it could not be written; the project is as it was.
    """
    project.record(edit.decision)
    return edit.decision


def undo(*, project: Project, reviewer: str = "") -> ReviewDecision | None:
    """Take back the last decision recorded; returns the decision taken back (None: nothing to undo)."""
    return project.undo(reviewer=reviewer)


def redo(*, project: Project, reviewer: str = "") -> ReviewDecision | None:
    """Make again the last decision taken back; returns it (None when there was none)."""
    return project.redo(reviewer=reviewer)


# ---------------------------------------------------------------- exporting

@dataclass(frozen=True)
class Exported:
    """An export written.

    Attributes:
        path: the file written.
        decisions: how many review decisions it counts.
    """

    path: Path
    decisions: int


def open_to_read(*, path: str | os.PathLike) -> Project:
    """Open a project to read it, even while the app has it open (read-only where it can).

    Raises:
        ProjectFileError: not a project, damaged, or newer than this program.
    """
    from core.project import Project

    try:
        return Project.open(path, read_only=True)
    except ProjectReadOnlyError:  # an older project must be upgraded first, which writes
        return Project.open(path)


def export_project(*, project: Project, path: str | os.PathLike, report: str = "checklist",
                   author: str | None = None, decisions: Sequence[ReviewDecision] | None = None,
                   progress: ProgressCallback | None = None,
                   cancel: CancelCheck | None = None) -> Exported:
    """Write the reviewed comparison to ``path``; its suffix picks the format (.docx .xlsx .json).

    Args:
        report: "checklist" (起草对照清单) or "gaps" (差距分析报告), for Word.
        author: who the Word file names as author; from the decisions when None.
        decisions: the decisions to apply; the project's when None.

    Raises:
        ExportError: the file cannot be written.
    """
    from core.export import export  # python-docx and openpyxl only when exporting

    decided = list(project.decisions() if decisions is None else decisions)
    written = export(project.comparison, path, report=report, decisions=decided,
                     rechecks=project.rechecks(), author=author)
    return Exported(Path(written), len(decided))


def export_comparison(*, comparison: Comparison, path: str | os.PathLike,
                      report: str = "checklist") -> Path:
    """Write a comparison with no review (the CLI's ``compare --output``).

    Raises:
        ExportError: the file cannot be written.
    """
    from core.export import export

    return Path(export(comparison, path, report=report))
