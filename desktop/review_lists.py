"""Small read-only tables beside the review: a clause's candidates, listed decisions, an item's history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from core.codec import decision_from_record
from core.model import (Comparison, Match, Outline, ReviewDecision, Section, Status, national_id,
                        provincial_id)
from desktop.model_common import (FlatTableModel, Index, ItemRole, MatchRole,
                                  ProvincialSectionRole, describe_item, location)
from desktop.status_style import status_style


class CandidateModel(FlatTableModel):
    """The provincial candidates for one national clause: the provincial articles that carry
    its article as a whole (its counterpart, an article citing it, or one taking over the law's
    法律责任) first, then its matches, best first, then the close clauses the engine gave to
    other national clauses; the shown one is marked.

    A carrying article is listed for the reviewer to read, not to choose: its ``MatchRole`` is
    "" (a match is one provincial sentence).

    A sentence of an article judged missing lists first the provincial articles nearest that
    article, nearest first (``core.review.near_articles``): too weak for the engine, often a
    partial carrier a reader sees at once. Choosing one (``is_nearest``) judges that article a
    partial carrier.
    """

    COL_SCORE, COL_WHERE, COL_TEXT = range(3)
    HEADERS = ("相似度", "位置", "候选表述")
    WHOLE_LABEL = "整条对应"
    NEAREST_LABEL = "最相近条文"
    RUNNER_UP_LABEL = "较相近条文"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._provincial: Outline | None = None
        self._whole: tuple[Section, ...] = ()
        self._whole_reason = ""
        self._near_scores: dict[str, float] = {}
        self._nearest = False
        self._matches: tuple[Match, ...] = ()
        self._alternatives = 0
        self._chosen = ""

    def set_candidates(self, provincial: Outline | None, matches: Sequence[Match], chosen: str,
                       alternatives: Sequence[Match] = (), *, whole: Sequence[Section] = (),
                       whole_reason: str = "", nearest: Sequence[Section] = (),
                       near_scores: Mapping[str, float] | None = None) -> None:
        """Show the carrying articles ``whole`` (why: ``whole_reason``) or the ``nearest``
        articles of an article judged missing (nearest first; their similarity, 0–1, by
        section id in ``near_scores`` as ``core.review.near_scores`` gives it), these matches,
        then the alternatives; ``chosen`` is the provincial item id currently shown ("P…")."""
        self.beginResetModel()
        self._provincial = provincial
        self._whole = tuple(whole) or tuple(nearest)
        self._nearest = bool(nearest) and not whole
        self._whole_reason = whole_reason
        self._near_scores = dict(near_scores or {})
        self._matches = tuple(matches) + tuple(alternatives)
        self._alternatives = len(alternatives)
        self._chosen = chosen
        self.endResetModel()

    def offers_choice(self) -> bool:
        """Some candidate other than the one shown can be chosen."""
        return self._nearest or any(provincial_id(m.clause.id) != self._chosen
                                    for m in self._matches)

    def is_whole(self, index: Index) -> bool:
        """The row is a provincial article: one carrying the clause's article as a whole, or one
        of those nearest to it (``is_nearest``)."""
        return index.isValid() and index.row() < len(self._whole)

    def article_at(self, index: Index) -> Section | None:
        """The provincial article a row lists (``is_whole``), None for a sentence's row."""
        return self._whole[index.row()] if self.is_whole(index) else None

    def is_nearest(self, index: Index) -> bool:
        """The row is one of the provincial articles nearest the clause's article judged
        missing."""
        return self._nearest and self.is_whole(index)

    def is_alternative(self, index: Index) -> bool:
        """The row is a clause the engine gave to another national clause."""
        return (index.isValid() and not self.is_whole(index)
                and index.row() >= len(self._whole) + len(self._matches) - self._alternatives)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._whole) + len(self._matches)

    def match_at(self, index: Index) -> Match | None:
        if not index.isValid() or self.is_whole(index):
            return None
        position = index.row() - len(self._whole)
        return self._matches[position] if position < len(self._matches) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if self.is_whole(index):
            return self._whole_data(self._whole[index.row()], index.column(), role,
                                    first=index.row() == 0)
        match = self.match_at(index)
        if match is None:
            return None
        chosen = provincial_id(match.clause.id) == self._chosen
        alternative = self.is_alternative(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SCORE:
                return f"{match.score:.0f}" + ("（当前）" if chosen else "（他条）" if alternative else "")
            if column == self.COL_WHERE:
                return location(self._provincial, match.clause.section) if self._provincial else ""
            return match.clause.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if alternative:
                return f"系统已将这句对应到国家文件的其他条款；如判断有误，可改选。\n{match.clause.text}"
            return match.clause.text
        if role == Qt.ItemDataRole.ForegroundRole and alternative and not chosen:
            return QColor("#666666")
        if role == Qt.ItemDataRole.FontRole and chosen:
            font = QFont()
            font.setBold(True)
            return font
        if role == MatchRole:
            return provincial_id(match.clause.id)
        if role == ProvincialSectionRole:
            return match.clause.section
        return None

    def _whole_data(self, section: Section, column: int, role: int, *, first: bool):
        text = "".join(section.paragraphs)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SCORE:
                if not self._nearest:
                    return self.WHOLE_LABEL
                label = self.NEAREST_LABEL if first else self.RUNNER_UP_LABEL
                score = self._near_scores.get(section.id)
                # The similarity the reason prints, as the matches below show theirs.
                return f"{score * 100:.0f}（{label}）" if score is not None else label
            if column == self.COL_WHERE:
                return location(self._provincial, section.id) if self._provincial else section.label
            return text
        if self._nearest:
            return self._nearest_data(section, text, role, first=first)
        if role == Qt.ItemDataRole.ToolTipRole:
            why = f"{self._whole_reason}\n" if self._whole_reason else ""
            return f"{why}本条按条整体对应，不逐句计算相似度。\n{text}"
        if role == Qt.ItemDataRole.FontRole and not self._chosen:
            # Nothing else is shown as the clause's counterpart: this article is.
            font = QFont()
            font.setBold(True)
            return font
        if role == MatchRole:
            return ""
        if role == ProvincialSectionRole:
            return section.id
        return None


    def _nearest_data(self, section: Section, text: str, role: int, *, first: bool):
        if role == Qt.ItemDataRole.ToolTipRole:
            rank = "最相近" if first else "较相近"
            return (f"系统认为本条未被承接，{section.label}是地方文件中与本条{rank}的条文。"
                    f"如判断{section.label}部分承接了本条，双击此行（或选中后点“认定部分承接”）"
                    f"记为“部分覆盖”，可撤销。\n此处相似度按整条计算，与下方逐句候选的相似度不可直接比较。"
                    f"\n{text}")
        if role == MatchRole:
            return ""
        if role == ProvincialSectionRole:
            return section.id
        return None


class DecisionListModel(FlatTableModel):
    """A read-only list of review decisions: the ones a re-import put in question or could not
    carry over, each with where its item is, what it says and why it is listed."""

    COL_ITEM, COL_RESULT, COL_NOTE, COL_REVIEWER, COL_WHEN, COL_REASON = range(6)
    HEADERS = ("条目", "原审核结果", "审核意见", "审核人", "时间", "原因")

    def __init__(self, decisions: Sequence[ReviewDecision] = (), texts: dict[str, str] | None = None,
                 parent=None, *, reasons: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._decisions = tuple(decisions)
        self._texts = dict(texts or {})
        self._reasons = tuple(reasons)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._decisions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._decisions):
            return None
        decision = self._decisions[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_ITEM:
                return self._texts.get(decision.item, "") or decision.item
            if column == self.COL_RESULT:
                return decision_label(decision)
            if column == self.COL_NOTE:
                return decision.note
            if column == self.COL_REVIEWER:
                return decision.reviewer
            if column == self.COL_REASON:
                return self._reasons[index.row()] if index.row() < len(self._reasons) else ""
            return decision.decided_at[:16].replace("T", " ")
        if role == ItemRole:
            return decision.item
        return None


class HistoryModel(FlatTableModel):
    """One item's audit trail from the project, oldest first: who changed what, and when."""

    COL_WHEN, COL_ACTION, COL_REVIEWER, COL_BEFORE, COL_AFTER = range(5)
    HEADERS = ("时间", "操作", "审核人", "修改前", "修改后")
    ACTIONS = {"decide": "审核", "undo": "撤销", "redo": "重做",
               "carry-over": "沿用到新版文件", "orphan": "新版文件中无对应条目"}

    def __init__(self, entries: Sequence[dict] = (), parent=None, *,
                 comparison: Comparison | None = None, comparison_id: int | None = None) -> None:
        """``comparison`` (the project's current one, row id ``comparison_id``) names the
        provincial sentences a decision chose; entries of earlier versions name them by place."""
        super().__init__(parent)
        self._entries = tuple(entries)
        self._comparison = comparison
        self._comparison_id = comparison_id
        self._engine: dict[str, Status] | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def _engine_status(self, entry: dict) -> Status | None:
        """The engine's status of the entry's item, when the entry is on the current comparison
        (looked up once: ``data`` is asked for every cell on every repaint)."""
        if entry.get("comparison") != self._comparison_id or self._comparison is None:
            return None
        if self._engine is None:
            self._engine = {national_id(f.clause.id): f.status for f in self._comparison.clauses}
            self._engine.update({provincial_id(c.id): Status.ADDED for c in self._comparison.additions})
        return self._engine.get(entry.get("item", ""))

    def _match_text(self, entry: dict, match: str) -> str:
        if entry.get("comparison") == self._comparison_id and self._comparison is not None:
            return describe_item(self._comparison, match, limit=40)
        return "旧版地方文件中的一句"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == self.COL_WHEN:
            return entry["at"][:19].replace("T", " ")
        if column == self.COL_ACTION:
            return self.ACTIONS.get(entry["action"], entry["action"])
        if column == self.COL_REVIEWER:
            return entry["who"] or ""
        record = entry["before" if column == self.COL_BEFORE else "after"]
        if record is None:
            return "（系统判断）"
        decision = decision_from_record(record)
        label = decision_label(decision)
        if label == CONFIRMED:
            # What was confirmed, where the current comparison tells it (确认系统判断 alone
            # named no status).
            engine = self._engine_status(entry)
            if engine is not None:
                label += f"（{status_style(engine).label}）"
        if decision.match:
            label += f"：{self._match_text(entry, decision.match)}"
        return f"{label}；意见：{decision.note}" if decision.note else label


def decision_label(decision: ReviewDecision) -> str:
    """What a decision says, in words: 改为“未覆盖” / 不适用 / 确认 / 改选对应表述."""
    parts = []
    if decision.not_applicable:
        parts.append("不适用")
    elif decision.status is not None:
        parts.append(f"改为“{status_style(decision.status).label}”")
    if decision.match:
        parts.append("改选对应表述")
    return "，".join(parts) or CONFIRMED


CONFIRMED = "确认系统判断"
