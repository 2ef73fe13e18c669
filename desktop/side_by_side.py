"""The detail pane: a national clause beside its provincial match, differences marked per character."""

from __future__ import annotations

import html
from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QSplitter, QTableView, QTextBrowser,
                               QToolButton, QVBoxLayout, QWidget)

from core.model import (HEADING_RESTATED, WHOLE_ARTICLE_REASONS, Clause, ClauseFinding, Comparison, Section,
                        SectionAlignment, Status, national_id, parse_item_id)
from core.export.labels import engine_verdict, localised, repeats_gaps, role_parts
from core.review import ReviewedArticle, chosen_carriers, near_articles, near_scores
from core.text import fold_width
from desktop.outline_view import ElidedLabel
from desktop.models import CandidateModel, ClauseRow, MatchRole, ProvincialSectionRole, location
from desktop.status_style import local_of, status_style
from desktop.window_common import give_text_menu

# What differs: on the national side, characters the province dropped or changed; on the
# provincial side, characters it wrote instead or added.
NATIONAL_MARK = "#ffc9c9"
PROVINCIAL_MARK = "#c8dcff"
# The carry button's label where the provincial box is too narrow for 认定由第N条部分承接.
CARRY_SHORT = "认定部分承接"
CHOOSE_LABEL = "改用所选表述"
CHOOSE_TIP = "把所选候选表述作为该条款的对应表述（可撤销）"


def diff_html(national: str, provincial: str) -> tuple[str, str]:
    """Both texts as HTML, with the characters that differ between them highlighted; a
    half-width mark against its full-width form (, ，) is no difference (every comma of a
    text typed with half-width marks was highlighted)."""
    # fold_width maps character to character: the folded texts' positions are the texts'.
    matcher = SequenceMatcher(None, fold_width(national), fold_width(provincial), autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = html.escape(national[i1:i2]), html.escape(provincial[j1:j2])
        if tag == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f'<span style="background-color:{NATIONAL_MARK}">{a}</span>')
        if b:
            right.append(f'<span style="background-color:{PROVINCIAL_MARK}">{b}</span>')
    return "".join(left), "".join(right)


def _metadata(clause: Clause) -> str:
    parts = role_parts(clause)
    if clause.deadline:
        parts.append("时限：" + clause.deadline)
    return "　".join(parts)


class _TextBox(QFrame):
    """A titled, read-only text with its location and metadata."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{title}</b>")
        # Where the text stands (第五章第六十八条（相似度 6）) shrinks in a narrow pane (150 %),
        # its start elided (…第六十八条（相似度 6）; the tooltip has it whole): held whole, it
        # kept the box, and the pane, wider than the window left it, and the verdict and the
        # review buttons were cut off at the pane's right edge.
        self.where = ElidedLabel(mode=Qt.TextElideMode.ElideLeft)
        self.where.setStyleSheet("color:#555")
        self.where.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(70)
        give_text_menu(self.text)  # 复制(&C), 全选(&A)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.where)
        self._title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        self.footer = QHBoxLayout()
        self.footer.addStretch(1)
        layout.addLayout(self.footer)

    def set_title(self, title: str) -> None:
        """The box's own title from now on (the shown text keeps its own until shown again)."""
        self._title = title

    def show_text(self, body_html: str, where: str = "", meta: str = "", *,
                  title: str = "") -> None:
        """Show a text (HTML) with its place and metadata, under ``title`` (else the box's own)."""
        self.title.setText(f"<b>{html.escape(title or self._title)}</b>")
        # The metadata (责任单位、时限) closes the text inside the same scrolling box: a label of
        # its own below the box was drawn over the text when the pane was short (150 %).
        closing = (f'<p style="color:#555; font-size:10pt">{html.escape(meta)}</p>'
                   if meta else "")
        self.text.setHtml(f'<div style="font-size:11pt; line-height:150%">{body_html}</div>'
                          + closing)
        self.where.setText(where)


class DiffPane(QWidget):
    """National text, the provincial match, the gaps named, and the other candidates.

    The candidates (``candidate_box``) close the pane unless its owner lays them out elsewhere:
    the main window puts them below the review panel, so that at 1366×768 the opinion box is on
    screen with both texts.

    Signals:
        match_chosen(item, match): the reviewer picks candidate ``match`` ("P…") for ``item``.
        carry_requested(item, article): the reviewer judges that the provincial article
            ``article`` (its id), one of those nearest the article of ``item``, judged missing,
            carries it in part.
    """

    match_chosen = Signal(str, str)
    carry_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: ClauseRow | None = None
        self._local = local_of(None)
        # A statute's articles judged as wholes, by national section id, for the shown comparison.
        self._articles: tuple[Comparison | None, dict[str, SectionAlignment]] = (None, {})
        # Where an article's verdict after review is read (set_article_status), None: the
        # engine's verdict is shown.
        self._article_status: Callable[[str], Status | None] | None = None
        self._article_changed: Callable[[str], bool] | None = None
        # The provincial sections of the counterparts a reviewer chose for an article's
        # sentences (set_article_status), for the carriers the 本条整体 line names.
        self._chosen_sections: Callable[[str], list[str]] | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.national = _TextBox("国家文件条款")
        self.provincial = _TextBox("地方对应表述")
        # Beside the nearest article of an article judged missing, where the reviewer reads it:
        # one click records it as a partial carrier (Ctrl+6 from the table).
        self.carry_button = QPushButton(CARRY_SHORT)
        self.carry_button.setObjectName("carryInPartButton")
        self.carry_button.clicked.connect(self._carry)
        self.carry_button.hide()
        # The next nearest articles are read in the same box, one after the other: the carry
        # button (and Ctrl+6) then records the one shown.
        self.near_previous = QToolButton()
        self.near_previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.near_previous.setToolTip("上一个相近条文")
        self.near_previous.clicked.connect(lambda: self.page_near(-1))
        self.near_next = QToolButton()
        self.near_next.setArrowType(Qt.ArrowType.RightArrow)
        self.near_next.setToolTip("下一个相近条文：系统列出的其次相近的地方条文")
        self.near_next.clicked.connect(lambda: self.page_near(1))
        self.near_count = QLabel()
        self.near_count.setStyleSheet("color:#555")
        for widget in (self.near_previous, self.near_count, self.near_next):
            widget.hide()
        self.provincial.footer.insertWidget(0, self.near_previous)
        self.provincial.footer.insertWidget(1, self.near_count)
        self.provincial.footer.insertWidget(2, self.near_next)
        self.provincial.footer.addWidget(self.carry_button)
        self._nearest: Section | None = None
        # The provincial articles nearest the shown sentence's article judged missing (nearest
        # first), their similarity by section id, and which of them the box shows.
        self._near: tuple[Section, ...] = ()
        self._near_scores: dict[str, float] = {}
        self._near_at = 0
        self._near_item = ""
        self._near_comparison: Comparison | None = None
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel(f'<span style="background-color:{NATIONAL_MARK}">&nbsp;红底&nbsp;</span>'
                             f' 地方文件缺少或改动的字　'
                             f'<span style="background-color:{PROVINCIAL_MARK}">&nbsp;蓝底&nbsp;</span>'
                             f' 地方文件改写或增加的字')
        self.legend.setStyleSheet("color:#555")
        self.legend.setWordWrap(True)

        self.candidates = CandidateModel(self)
        self.candidate_view = QTableView()
        self.candidate_view.setObjectName("candidateView")
        self.candidate_view.setModel(self.candidates)
        self.candidate_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidate_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidate_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves for the next pane, as everywhere else: a table's own Tab walked its
        # cells (and on to the next row) and a keyboard user could not get out of it.
        self.candidate_view.setTabKeyNavigation(False)
        self.candidate_view.verticalHeader().hide()
        self.candidate_view.setWordWrap(False)
        self.candidate_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.candidate_view.horizontalHeader()
        header.setSectionResizeMode(CandidateModel.COL_SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CandidateModel.COL_WHERE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CandidateModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.candidate_view.doubleClicked.connect(self._choose_index)
        self.choose_button = QPushButton(CHOOSE_LABEL)
        self.choose_button.setToolTip(CHOOSE_TIP)
        self.choose_button.clicked.connect(self._choose_selected)
        # On a near article the button judges the whole article, and says so.
        self.candidate_view.selectionModel().currentRowChanged.connect(self._name_choice)
        # Enter on a candidate chooses it, as a double-click does: the button comes before the
        # list, so a keyboard user who picked a candidate had to go back to it.
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.candidate_view, self._enter_chooses,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.candidate_view, self._enter_chooses,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.candidate_title = QLabel("<b>其他候选表述</b>")
        self.candidate_title.setToolTip("双击一条候选表述（或选中后按 Enter），或选中后点“改用所选表述”，"
                                        "把它作为对应表述")
        candidates = QWidget()
        candidate_layout = QVBoxLayout(candidates)
        candidate_layout.setContentsMargins(0, 0, 0, 0)
        candidate_title_row = QHBoxLayout()
        candidate_title_row.addWidget(self.candidate_title)
        candidate_title_row.addStretch(1)
        candidate_title_row.addWidget(self.choose_button)
        candidate_layout.addLayout(candidate_title_row)
        candidate_layout.addWidget(self.candidate_view)
        self.candidate_box = candidates

        texts = QSplitter(Qt.Orientation.Vertical)
        texts.setChildrenCollapsible(False)
        texts.addWidget(self.national)
        texts.addWidget(self.provincial)
        texts.setStretchFactor(0, 1)
        texts.setStretchFactor(1, 1)
        self.splitter = texts

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.gaps)
        layout.addWidget(texts, 1)
        layout.addWidget(self.legend)
        layout.addWidget(candidates)
        # The wrapped labels are never shorter than their lines need (see _fit_labels):
        # squeezed, the reasons lost their last lines under the texts on a small screen, and a
        # legend wrapped onto two lines took its second from the texts, whose footer (the carry
        # button) was then drawn over the provincial text. The pane scrolls instead.
        for label in (self.heading, self.gaps, self.legend):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.show_row(None, None)

    @property
    def row(self) -> ClauseRow | None:
        return self._row

    def set_article_status(self, source: Callable[[str], Status | None] | None,
                           changed: Callable[[str], bool] | None = None,
                           chosen: Callable[[str], list[str]] | None = None) -> None:
        """Read a statute article's verdict after review from ``source`` (section id → status,
        None when all its sentences are 不适用): the national tree's ``status_of``, which asks
        core.review.article_status. The 本条整体 line then says it, and the engine's verdict
        beside it where the two differ."""
        self._article_status = source
        # Whether a reviewer changed one of an article's sentences: its reason then no longer
        # says what the rows showed before (逐句比对，第1句部分覆盖).
        self._article_changed = changed
        # Where the reviewer chose its sentences' counterparts: the line names those articles
        # (审核认定对应地方第五十八条), as the reports do.
        self._chosen_sections = chosen

    def show_row(self, comparison: Comparison | None, row: ClauseRow | None) -> None:
        """Show a table row (or an empty pane when None)."""
        self._row = row
        self._local = local_of(comparison)
        self.provincial.set_title(localised("本省对应表述", self._local))
        if comparison is None:
            self._articles = (None, {})
        if comparison is None or row is None:
            self.heading.setText('<span style="color:#777">在对照表中选择一条，这里显示两边原文和差异。</span>')
            self.national.show_text("")
            self.provincial.show_text("")
            self.gaps.hide()
            self.legend.hide()
            self.candidates.set_candidates(None, (), "")
            self.candidate_box.hide()
            self._show_nearest(None)
            self._fit_labels()
            return
        style = status_style(row.status, not_applicable=row.not_applicable, local=self._local)
        badge = (f'<span style="background-color:{style.background.name()};'
                 f'color:{style.foreground.name()}">&nbsp;{style.label}&nbsp;</span>')
        score = "" if row.score is None else f"　相似度 {row.score:.0f}"
        # 序号, not "第 N 条": beside a statute's 第七章第七十条 a "第 177 条" reads as an article.
        self.heading.setText(f"<b>序号 {row.number}</b>　{badge}{score}")
        if row.is_addition:
            self._show_addition(comparison, row)
        else:
            self._show_national(comparison, row)
        # The colours are explained where there are some: both texts, their differences marked.
        self.legend.setVisible(bool(row.provincial_text) and not row.is_addition)
        self._fit_labels()

    def _show_addition(self, comparison: Comparison, row: ClauseRow) -> None:
        clause = _provincial_clause(comparison, row.item)
        context = ""
        if clause is not None:
            # The articles' verdicts after review, where the national tree gives them.
            reviewed = ({a.national: self._article_status(a.national)
                         for a in comparison.carried_through(clause.section)}
                        if self._article_status is not None else None)
            context = comparison.addition_context(clause, reviewed)
        said = f"<br>{html.escape(context)}" if context else ""
        self.national.show_text('<span style="color:#777">国家文件中没有与之对应的条款'
                                f'（{self._local}新增内容）。'
                                f'{said}</span>')
        self.provincial.show_text(html.escape(row.provincial_text), row.provincial_where,
                                  _metadata(clause) if clause else "")
        self.gaps.hide()
        self.candidates.set_candidates(None, (), "")
        self.candidate_box.hide()
        self._show_nearest(None)

    def _show_national(self, comparison: Comparison, row: ClauseRow) -> None:
        finding = _finding(comparison, row.item)
        national_clause = finding.clause if finding else None
        article = self._article(comparison, row.national_section)
        # The article is judged missing: the provincial article nearest it, read beside it (the
        # next nearest are among the candidates).
        near = near_articles(comparison, row.item)
        nearest = near[0] if near else None
        if row.provincial_text:
            left, right = diff_html(row.national_text, row.provincial_text)
            provincial_clause = _provincial_clause(comparison, _shown_match(finding, row))
            self.national.show_text(left, row.national_where,
                                    _metadata(national_clause) if national_clause else "")
            self.provincial.show_text(right, row.provincial_where,
                                      _metadata(provincial_clause) if provincial_clause else "")
        else:
            self.national.show_text(html.escape(row.national_text), row.national_where,
                                    _metadata(national_clause) if national_clause else "")
            if (article is not None and article.reason.code in WHOLE_ARTICLE_REASONS
                    and article.provincial):
                # The article corresponds as a whole (its counterpart, or an article citing it or
                # taking over the law's 法律责任): that article is the sentence's counterpart.
                sections = [comparison.provincial.section(p) for p in article.provincial]
                self.provincial.show_text(
                    "<br>".join(html.escape("".join(s.paragraphs)) for s in sections),
                    "按条整体对应：" + "、".join(s.label for s in sections))
            elif (finding is not None and finding.reason.code == HEADING_RESTATED
                  and row.status in (Status.COVERED, Status.PARTIAL)):
                # The province made the sentence the heading of its task: that heading, named.
                self.provincial.show_text(html.escape(row.no_match))
            elif nearest is not None:
                # Its text first, where the reader looks: the reason above says how weak.
                # A redraw of the same row (an opinion saved, a refresh) keeps the article the
                # reviewer paged to: the carry button would record another than the one read.
                same = near == self._near and row.item == self._near_item
                self._near, self._near_at, self._near_item = near, self._near_at if same else 0, row.item
                nearest = near[self._near_at]
                self._near_scores, self._near_comparison = near_scores(comparison, row.item), comparison
                self._show_near_text()
            elif row.status is Status.NOT_EXPECTED:
                # Nothing is asked of the province here: no alarm, the reason above says why.
                self.provincial.show_text('<span style="color:#777">无需地方承接，地方文件中没有对应表述。</span>')
            else:
                self.provincial.show_text('<span style="color:#a33">地方文件中没有找到对应表述。</span>')
        # Offered while the sentence stands 未覆盖 (a reviewer who marked it 已覆盖 has judged it,
        # one who marked it 不适用 has set it aside: a carry would quietly take the mark off).
        self._show_nearest(nearest if not row.provincial_text and row.status is Status.MISSING
                           and not row.not_applicable else None)
        # The row's gaps and reason follow the match it shows (core.review assesses a match the
        # reviewer chose), so they are never the engine's words about another sentence.
        lines = []
        if article is not None:
            reviewed = (article.status if self._article_status is None
                        else self._article_status(article.national))
            changed = self._article_changed is not None and self._article_changed(article.national)
            others, said = chosen_carriers(comparison, article, self._chosen_sections(article.national)
                                           if self._chosen_sections is not None else ())
            lines.append(article_verdict_html(ReviewedArticle(
                article, reviewed, changed=int(changed), chosen=others, chosen_text=said)))
        if row.recheck:
            lines.append(f'<span style="color:#8e1b1b"><b>需复核：</b>{html.escape(row.recheck)}</span>')
        if row.shown_gaps:
            lines.append("<b>差距：</b>" + "；".join(html.escape(g.describe()) for g in row.shown_gaps))
        elif row.status is Status.MISSING and not row.not_applicable and not row.provincial_text:
            lines.append("<b>差距：</b>整条要求在地方文件中未体现")
        if row.match_changed:
            lines.append('<span style="color:#555">已改选对应表述：相似度、差距和系统建议按所选表述重新计算。</span>')
        elif row.reason and (article is None or (finding.reason.text if finding else row.reason)
                             != article.reason.text) and not (
                not row.overridden and repeats_gaps(row.reason, row.shown_gaps)):
            # (A sentence of a not-expected article, or the one sentence of an article, has the
            # article's reason: said once, also after a reviewer overrode it.)
            lines.append(f'<span style="color:#555"><b>说明：</b>{html.escape(row.reason)}</span>')
        self.gaps.setText("<br>".join(lines))
        self.gaps.setVisible(bool(lines))
        matches = finding.matches if finding else ()
        alternatives = finding.alternatives if finding else ()
        # A sentence sharing its article's whole-article verdict (counterpart, cited, referred)
        # often has no sentence of its own to match: the carrying article is its candidate.
        whole = ([comparison.provincial.section(p) for p in article.provincial]
                 if article is not None and article.reason.code in WHOLE_ARTICLE_REASONS
                 and finding is not None and finding.reason.code in WHOLE_ARTICLE_REASONS
                 else [])
        self.candidates.set_candidates(comparison.provincial, matches, _shown_match(finding, row),
                                       alternatives, whole=whole,
                                       whole_reason=article.reason.text if whole else "",
                                       nearest=near,
                                       near_scores=near_scores(comparison, row.item))
        self.candidate_box.setVisible(bool(whole or matches or alternatives or near))
        self.choose_button.setEnabled(self.candidates.offers_choice())
        self._name_choice(self.candidate_view.currentIndex())

    def _name_choice(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """The choose button's words for the candidate selected: 改用所选表述 for a sentence,
        认定部分承接 for a near article (it records the whole article as carried; its tooltip
        names the article, and the words are no wider: the pane keeps its width)."""
        article = self.candidates.article_at(current)
        if article is not None and self.candidates.is_nearest(current):
            self.choose_button.setText(CARRY_SHORT)
            self.choose_button.setToolTip(f"认定由{article.label}部分承接：判断地方{article.label}部分承接了"
                                          "本条，本条各句记为“部分覆盖”（可撤销）")
        else:
            self.choose_button.setText(CHOOSE_LABEL)
            self.choose_button.setToolTip(CHOOSE_TIP)

    def _show_near_text(self) -> None:
        """Show the near article the box is at, titled by its rank, with its similarity."""
        article = self._near[self._near_at]
        score = self._near_scores.get(article.id)
        assert self._near_comparison is not None  # set with ``_near``
        where = location(self._near_comparison.provincial, article.id)
        self.provincial.show_text(
            html.escape("".join(article.paragraphs)),
            where + (f"（相似度 {score * 100:.0f}）" if score is not None else ""),
            title="最相近的地方条文" if self._near_at == 0 else "较相近的地方条文")

    def _show_near_paging(self) -> None:
        """The arrows to the next nearest articles: while a carry is offered and there are any."""
        paging = self.pages_near()
        if paging:
            self.near_count.setText(f"{self._near_at + 1}/{len(self._near)}")
            self.near_count.setToolTip(f"系统列出的相近条文共 {len(self._near)} 条，此为第 "
                                       f"{self._near_at + 1} 条（按相似度从高到低）")
            self.near_previous.setEnabled(self._near_at > 0)
            self.near_next.setEnabled(self._near_at < len(self._near) - 1)
        for widget in (self.near_previous, self.near_count, self.near_next):
            widget.setVisible(paging)

    def pages_near(self) -> bool:
        """Arrows to the next nearest articles are offered (``page_near`` may move)."""
        return self._nearest is not None and len(self._near) > 1

    def page_near(self, step: int) -> None:
        """Show the previous (-1) or next (1) near article (the arrows, Alt+←/→), nothing past
        the first or the last; the carry button then records the one shown."""
        at = self._near_at + step
        if self._nearest is None or not 0 <= at < len(self._near):
            return
        self._near_at = at
        self._show_near_text()
        self._show_nearest(self._near[at])

    def _show_nearest(self, article: Section | None) -> None:
        """Offer to record ``article`` (the nearest to a missing one, or the next nearest shown
        instead) as a partial carrier; None offers none, and no arrows to the next nearest."""
        self._nearest = article
        if article is None:
            self._near = ()
        if article is not None:
            self.carry_button.setToolTip(
                f"认定由{article.label}部分承接：判断地方{article.label}部分承接了本条，本条各句记为"
                f"“部分覆盖”，以{article.label}中最相近的一句为对应表述，并转到审核意见"
                "（Ctrl+6；可用 Ctrl+Z 撤销）")
            self._fit_carry_label()
        self.carry_button.setVisible(article is not None)
        self._show_near_paging()

    def _fit_carry_label(self) -> None:
        """Name the article on the carry button where the provincial box is wide enough for it,
        else say only 认定部分承接 (the tooltip names it): a button wider than the box would
        widen the pane past a small screen, or be cut off."""
        if self._nearest is None:
            return
        button = self.carry_button
        margins = self.provincial.layout().contentsMargins()
        room = self.provincial.contentsRect().width() - margins.left() - margins.right()
        metrics = button.fontMetrics()
        padding = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
        # Never narrower than the short label, and the long one does not hold the box wide.
        button.setMinimumWidth(metrics.horizontalAdvance(CARRY_SHORT) + padding)
        full = f"认定由{self._nearest.label}部分承接"
        button.setText(full if metrics.horizontalAdvance(full) + padding <= room else CARRY_SHORT)

    @property
    def nearest(self) -> Section | None:
        """The provincial article offered as a partial carrier — the nearest, or the next
        nearest the reviewer paged to — None when none is."""
        return self._nearest

    def _carry(self) -> None:
        if self._row is not None and self._nearest is not None:
            self.carry_requested.emit(self._row.item, self._nearest.id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()
        self._fit_carry_label()

    def _fit_labels(self) -> None:
        """Keep the heading, the gaps and reasons, and the legend as tall as their wrapped lines
        at the pane's width (the scroll area and the splitter go by minimum heights). The
        pane's width, not the label's: a label shown again keeps a stale width until laid out."""
        width = max(self.contentsRect().width(), 1)
        for label in (self.heading, self.gaps, self.legend):
            if label.isHidden():
                continue
            # QLabel's heightForWidth never answers less than its minimum height: lift it first.
            before = label.minimumHeight()
            label.setMinimumHeight(0)
            needed = max(label.heightForWidth(width), 0)
            label.setMinimumHeight(needed if needed else before)

    def _article(self, comparison: Comparison, section_id: str) -> SectionAlignment | None:
        """The verdict on the statute article a national clause stands in (None for a policy
        text, whose sections carry no verdict of their own)."""
        if self._articles[0] is not comparison:
            self._articles = (comparison, {a.national: a for a in comparison.articles})
        return self._articles[1].get(section_id)

    def _enter_chooses(self) -> None:
        # The row the keyboard is on, selected or not (arrow keys at the list's end move no
        # selection onto it).
        self._choose_index(self.candidate_view.currentIndex())

    def _choose_selected(self) -> None:
        indexes = self.candidate_view.selectionModel().selectedRows()
        if indexes:
            self._choose_index(indexes[0])

    def _choose_index(self, index: QModelIndex) -> None:
        if self._row is None or not index.isValid():
            return
        # Only as the buttons allow (not in a project opened read-only, where a double-click
        # decided anyway and a box then said 只读).
        if self.candidates.is_nearest(index):
            # Any of the near articles, the one on the carry button or a runner-up; again after
            # a carry (the whole article moves), never for a sentence set aside as 不适用.
            if not self._row.not_applicable and self.carry_button.isEnabled():
                self.carry_requested.emit(self._row.item, index.siblingAtColumn(0).data(
                    ProvincialSectionRole))
            return
        if not self.choose_button.isEnabled():
            return
        self.match_chosen.emit(self._row.item, index.siblingAtColumn(0).data(MatchRole))


def article_verdict_html(article: SectionAlignment | ReviewedArticle) -> str:
    """A statute article's own verdict, judged as a whole, as the detail pane shows it above the
    sentence's: "本条整体：[已覆盖] 地方第一条是其立法目的条，与本条相对应。"; after review, when
    the verdict is not the engine's, both, as the reports print them: "本条整体：[部分覆盖（人工）]
    ；软件判定未覆盖，理由是：地方文件中未找到……"."""
    if isinstance(article, SectionAlignment):
        article = ReviewedArticle(article, article.status)
    engine = article.alignment
    style = status_style(article.status)
    label = style.label + ("（人工）" if article.overridden else "")
    badge = (f'<span style="background-color:{style.background.name()};'
             f'color:{style.foreground.name()}">&nbsp;{label}&nbsp;</span>')
    chosen = f"；{html.escape(article.chosen_text)}" if article.chosen else ""
    if not article.overridden:
        return f"<b>本条整体：</b>{badge}{chosen} {html.escape(article.reason_text)}"
    return (f"<b>本条整体：</b>{badge}{chosen}；"
            + html.escape(engine_verdict(status_style(engine.status).label, article.reason_text)))


def _finding(comparison: Comparison, item: str) -> ClauseFinding | None:
    for finding in comparison.clauses:
        if national_id(finding.clause.id) == item:
            return finding
    return None


def _provincial_clause(comparison: Comparison, item: str) -> Clause | None:
    try:
        parsed = parse_item_id(item)
    except ValueError:  # "" when the row shows no provincial text
        return None
    if not parsed.provincial:
        return None
    clause_id = parsed.clause
    section = clause_id.rsplit("-", 1)[0]
    try:
        candidates = comparison.provincial.section(section).clauses
    except KeyError:
        candidates = comparison.provincial.clauses()
    return next((c for c in candidates if c.id == clause_id), None)


def _shown_match(finding: ClauseFinding | None, row: ClauseRow) -> str:
    """The provincial item id the row shows ("P…"), or ""."""
    return row.match_item


__all__ = ["DiffPane", "article_verdict_html", "diff_html", "location"]
