"""A statute compared article by article, as the app shows it: the article's own verdict and
reason in the detail pane and the national tree, readable on a small screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.compare import compare_files
from core.model import ReviewDecision, Status
from core.review import REVIEWED_SHARE_RULE, review
from desktop.models import NationalOutlineModel, build_rows
from desktop.side_by_side import DiffPane
from tests.core.test_export_statutes import NATIONAL, PROVINCIAL, statutes
from tests.desktop.conftest import compare_pair


def _rows(comparison, decisions=()):
    return {row.item: row for row in build_rows(comparison, *review(comparison, decisions))}


def test_the_detail_pane_shows_the_article_verdict_above_the_sentence(qtbot):
    comparison = statutes()
    verdicts = {a.national: a for a in comparison.articles}
    # The engine's verdicts this test reads (the purpose articles correspond by function).
    assert verdicts["1.1"].reason.code == "counterpart"
    assert verdicts["2.1"].reason.code == "effective_date"
    rows = _rows(comparison)
    pane = DiffPane()
    qtbot.addWidget(pane)

    pane.show_row(comparison, rows["N1.1-1"])
    shown = pane.gaps.text()
    assert "本条整体：" in shown and "已覆盖" in shown
    assert verdicts["1.1"].reason.text in shown
    # The sentence's own finding stays, after the article's.
    assert rows["N1.1-1"].reason in shown
    assert shown.index("本条整体") < shown.index(rows["N1.1-1"].reason)
    # 序号, not "第 1 条", which beside 第一章第一条 reads as an article.
    assert "序号 1" in pane.heading.text() and "第 1 条" not in pane.heading.text()

    # A sentence of the effective-date article: the one reason said once, 无需地方落实 shown.
    pane.show_row(comparison, rows["N2.1-1"])
    shown = pane.gaps.text()
    assert shown.count(verdicts["2.1"].reason.text) == 1 and "无需地方落实" in shown


def test_a_policy_text_shows_no_article_verdict(qtbot, sample_comparison):
    rows = build_rows(sample_comparison, *review(sample_comparison, ()))
    pane = DiffPane()
    qtbot.addWidget(pane)
    row = next(r for r in rows if not r.is_addition and r.reason)
    pane.show_row(sample_comparison, row)
    assert "本条整体" not in pane.gaps.text() and row.reason in pane.gaps.text()


def test_the_national_tree_colours_articles_by_their_own_verdict():
    comparison = statutes()
    model = NationalOutlineModel()
    model.set_comparison(comparison)
    rows = _rows(comparison)
    model.set_rows(list(rows.values()))
    # The purpose article is covered by its counterpart, the provincial purpose article, and
    # its one sentence shares that verdict; no share of content is measured there.
    assert rows["N1.1-1"].status is Status.COVERED and "立法目的条" in rows["N1.1-1"].reason
    assert model.status_of("1.1") is Status.COVERED
    coverage = NationalOutlineModel.COL_COVERAGE
    assert model.index_for_section("1.1", coverage).data() == "—"
    assert model.index_for_section("1.2", coverage).data() == "100%"
    assert model.status_of("1.4") is Status.MISSING
    assert model.index_for_section("1.4", coverage).data() == "0%"
    assert model.status_of("2.1") is Status.NOT_EXPECTED
    tip = model.index_for_section("1.1").data(Qt.ItemDataRole.ToolTipRole)
    assert "本条整体：已覆盖" in tip and "立法目的条" in tip
    # A chapter counts its articles: three of four covered.
    assert model.index_for_section("1", coverage).data() == "75%"
    chapter_tip = model.index_for_section("1").data(Qt.ItemDataRole.ToolTipRole)
    assert "条文：已覆盖 3，部分覆盖 0，未覆盖 1" in chapter_tip

    # The reviewer finds the funding duty carried after all: the article and its chapter follow.
    reviewed = _rows(comparison, [ReviewDecision("N1.4-1", status=Status.COVERED)])
    model.update_rows([reviewed["N1.4-1"]])
    assert model.status_of("1.4") is Status.COVERED
    # Its share is now of its sentences covered after review, and says so ("—" hid progress).
    assert model.index_for_section("1.4", coverage).data() == "100%"
    assert REVIEWED_SHARE_RULE in model.index_for_section("1.4").data(Qt.ItemDataRole.ToolTipRole)
    assert model.status_of("1") is Status.COVERED
    assert model.index_for_section("1", coverage).data() == "100%"
    assert "经审核" not in model.index_for_section("1.1").data(Qt.ItemDataRole.ToolTipRole)
    assert "经审核：已覆盖" in model.index_for_section("1.4").data(Qt.ItemDataRole.ToolTipRole)


def test_the_reasons_wrap_inside_the_detail_pane_at_150_percent(qtbot, make_window, save_path,
                                                                 tmp_path: Path):
    """1366×768 at 150 % (about 894×472 logical pixels): the detail pane scrolls down, never
    sideways, and its reasons get every wrapped line."""
    national, provincial = tmp_path / "national.txt", tmp_path / "provincial.txt"
    national.write_text(NATIONAL, encoding="utf-8")
    provincial.write_text(PROVINCIAL, encoding="utf-8")
    window = make_window()
    compare_pair(qtbot, window, national, provincial)
    window.resize(894, 472)
    assert window.select_item("N1.1-1")
    gaps = window.diff.gaps
    qtbot.waitUntil(gaps.isVisible)
    scroll = window.detail_scroll
    qtbot.waitUntil(lambda: gaps.height() >= gaps.heightForWidth(gaps.width()))
    assert not scroll.horizontalScrollBar().isVisible()
    assert window.detail_splitter.width() <= scroll.viewport().width()
    assert gaps.width() <= scroll.viewport().width()


@pytest.mark.parametrize("national, provincial, code, words", [
    ("law_national_tufa_shijian_yingdui_fa_2007.txt",
     "law_beijing_shishi_tufa_shijian_yingdui_fa_banfa_2008.txt", "counterpart", "立法目的条"),
    ("law_national_tufa_shijian_yingdui_fa_2007.txt",
     "law_beijing_shishi_tufa_shijian_yingdui_fa_banfa_2008.txt", "effective_date", "施行日期"),
    ("law_national_youhua_yingshang_huanjing_tiaoli_2019.txt",
     "law_beijing_youhua_yingshang_huanjing_tiaoli_2020.txt", "part", "沿用了本条的表述"),
])
def test_real_statutes_show_each_kind_of_article_reason(qtbot, corpus: Path, national, provincial,
                                                        code, words):
    texts = corpus / "real-pairs" / "texts"
    comparison = compare_files(texts / national, texts / provincial)
    article = next(a for a in comparison.articles
                   if a.reason.code == code and words in a.reason.text)
    row = next(r for r in build_rows(comparison, *review(comparison, ()))
               if r.national_section == article.national)
    pane = DiffPane()
    qtbot.addWidget(pane)
    pane.show_row(comparison, row)
    assert article.reason.text in pane.gaps.text()


def test_the_summary_bar_counts_a_statute_by_article_first(qtbot):
    from desktop.views import SummaryBar

    comparison = statutes()
    summary = comparison.article_summary
    model = NationalOutlineModel()
    model.set_comparison(comparison)
    rows = list(_rows(comparison).values())
    model.set_rows(rows)
    bar = SummaryBar()
    qtbot.addWidget(bar)
    bar.set_rows(rows, model.article_counts())
    text = bar.text()
    # With their shares of the articles expected of the province, as the reports give them.
    expected = summary.covered + summary.partial + summary.missing

    def share(count: int) -> str:
        return f"（{100 * count / expected:.0f}%）"
    assert (f"按条 <b>{summary.clauses}</b> 条：已覆盖 <b>{summary.covered}</b>{share(summary.covered)}，"
            f"部分覆盖 <b>{summary.partial}</b>{share(summary.partial)}，"
            f"未覆盖 <b>{summary.missing}</b>{share(summary.missing)}，"
            f"无需地方落实 <b>{summary.not_expected}</b>") in text
    # Its sentences are then 句.
    assert f"逐句 <b>{comparison.summary.clauses}</b> 句" in text
    assert f"<b>{comparison.summary.covered}</b> 句" in text and "国家文件条款" not in text

    # A reviewer's decision moves its article.
    reviewed = _rows(comparison, [ReviewDecision("N1.4-1", status=Status.COVERED)])
    model.update_rows([reviewed["N1.4-1"]])
    bar.set_rows(list(reviewed.values()), model.article_counts())
    assert f"已覆盖 <b>{summary.covered + 1}</b>（" in bar.text()

    # A policy text keeps counting its items as 条.
    bar.set_rows(rows, None)
    assert "按条" not in bar.text() and "国家文件条款" in bar.text()


def test_a_sentence_carried_by_reference_shows_the_provincial_article_that_carries_it(qtbot):
    from core.align import compare_outlines
    from core.outline import outline_document
    from core.read import read_text
    from tests.core.test_export_statutes import CITING_NATIONAL, CITING_PROVINCIAL

    comparison = compare_outlines(outline_document(read_text(CITING_NATIONAL)),
                                  outline_document(read_text(CITING_PROVINCIAL)))
    row = next(r for r in _rows(comparison).values() if "未开展校舍安全检查" in r.national_text)
    pane = DiffPane()
    qtbot.addWidget(pane)
    pane.show_row(comparison, row)
    assert "依照《校舍安全法》的规定处理" in pane.provincial.text.toPlainText()
    assert pane.provincial.where.text() == "按条整体对应：第三条"
    assert "法律责任由此适用" in pane.gaps.text()


def test_the_trees_keep_names_in_line_and_space_a_chapter_from_its_title():
    from PySide6.QtGui import QIcon

    from desktop.models import ProvincialOutlineModel
    comparison = statutes()
    tree = ProvincialOutlineModel()
    tree.set_comparison(comparison)
    icons = [tree.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(tree.rowCount())]
    # Every row has a square, coloured or blank, so a flat list of articles does not look nested.
    assert icons and all(isinstance(icon, QIcon) and not icon.isNull() for icon in icons)
    national = NationalOutlineModel()
    national.set_comparison(comparison)
    names = [national.index(r, 0).data() for r in range(national.rowCount())]
    assert "第一章 总则" in names


def test_the_summary_bar_wraps_between_counts_never_inside_one(qtbot, sample_comparison):
    """At 150 % the bar read 已审核 0 / ↵ 192 条 and 未覆盖 139 句 ↵ （75%）."""
    from core.review import review
    from desktop.clause_table import build_rows
    from desktop.views import SummaryBar

    rows = build_rows(sample_comparison, *review(sample_comparison, ()))
    bar = SummaryBar()
    qtbot.addWidget(bar)
    bar.set_rows(rows)
    shown = QLabel.text(bar)  # what Qt lays out
    # Within a count, every two characters are joined; between counts, a plain space.
    assert "已\u2060审\u2060核\u2060&nbsp;<b>\u20600</b>" in shown
    assert "部\u2060分\u2060覆\u2060盖" in shown and "&nbsp;&nbsp;&nbsp; " in shown
    assert bar.text().count("已审核 <b>0</b>") == 1  # as written


def test_an_overridden_one_sentence_article_gives_its_reason_once(qtbot):
    """本条整体：部分覆盖（人工）；软件判定未覆盖，理由是：<reason> and again 说明：软件原判为未覆盖：<reason>."""
    comparison = statutes()
    article = next(a for a in comparison.articles if a.national == "1.4")
    assert article.status is Status.MISSING
    reviewed = _rows(comparison, [ReviewDecision("N1.4-1", status=Status.PARTIAL)])
    pane = DiffPane()
    qtbot.addWidget(pane)
    model = NationalOutlineModel()
    model.set_comparison(comparison)
    model.set_rows(list(reviewed.values()))
    pane.set_article_status(model.status_of, model.changed_by_review)
    pane.show_row(comparison, reviewed["N1.4-1"])
    text = pane.gaps.text()
    assert "软件判定未覆盖" in text and "说明：" not in text
    assert model.changed_by_review("1.4") and not model.changed_by_review("1.2")
    assert text.count(article.reason.text.split("（")[0]) == 1
