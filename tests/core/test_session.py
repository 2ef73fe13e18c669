"""The operations layer: each user action on real documents (the bundled samples) and real projects."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from docx import Document

from core import session
from core.errors import Cancelled, DocumentReadError, ProjectReadOnlyError
from core.model import Status
from core.read import read_document
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir
from tests.conftest import CORPUS

NATIONAL = samples_dir() / SAMPLE_NATIONAL
PROVINCIAL = samples_dir() / SAMPLE_PROVINCIAL


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> Path:
    """A project of the sample pair, made by the session function the app calls."""
    folder = tmp_path_factory.mktemp("projects")
    target = session.free_project_path(folder=folder, stem="示例")
    steps: list[tuple[int, int, str]] = []
    project = session.compare_into_project(national=session.Source(str(NATIONAL), NATIONAL.name),
                                           provincial=session.Source(str(PROVINCIAL), PROVINCIAL.name),
                                           target=target, progress=lambda *a: steps.append(a))
    project.close()
    assert steps[0][2] == session.LOADING_DICTIONARY and steps[-1][2] == session.SAVING_PROJECT
    return target


def _copy(path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    return copy


def test_compare_into_project_stores_the_engines_result(compared):
    with session.open_to_read(path=compared) as project:
        assert project.comparison == session.compare_documents(national=NATIONAL,
                                                               provincial=PROVINCIAL)
        assert project.national_name == NATIONAL.name
        assert project.decisions() == []


def test_free_project_path_numbers_names_taken(compared):
    assert compared.name == "示例.duizhao"
    second = session.free_project_path(folder=compared.parent, stem="示例")
    assert second == compared.parent / "示例（2）.duizhao"
    assert not second.exists()


def test_compare_kind():
    kind = session.compare_kind
    assert kind(project_open=False, national_in_project=False, provincial_in_project=False,
                provincial_pasted=False) == "new"
    assert kind(project_open=True, national_in_project=True, provincial_in_project=True,
                provincial_pasted=False) == "unchanged"
    assert kind(project_open=True, national_in_project=True, provincial_in_project=False,
                provincial_pasted=False) == "reimport"
    # Pasted text has no file history to carry over into: a new project.
    assert kind(project_open=True, national_in_project=True, provincial_in_project=False,
                provincial_pasted=True) == "new"
    assert kind(project_open=True, national_in_project=False, provincial_in_project=True,
                provincial_pasted=False) == "new"


def test_pasted_text_is_kept_by_its_hash(tmp_path):
    text = "\n".join(p.text for p in read_document(PROVINCIAL).paragraphs)
    first = session.keep_pasted_text(text=text, name="示例/意见", folder=tmp_path)
    again = session.keep_pasted_text(text=text, name="示例/意见", folder=tmp_path)
    assert first == again and first.parent == tmp_path
    assert first.name.startswith("示例意见-") and first.suffix == ".txt"
    assert first.read_text(encoding="utf-8") == text
    other = session.keep_pasted_text(text=text + "\n附件：无", name="示例/意见", folder=tmp_path)
    assert other != first
    outline = session.Source(str(first), "示例意见", pasted=text).outline()
    assert outline.clauses()
    with pytest.raises(DocumentReadError):
        session.keep_pasted_text(text="   \n", name="空", folder=tmp_path / "empty")
    assert not (tmp_path / "empty").exists()


def test_names_made_from_a_long_document_name_fit_a_file_name(tmp_path):
    # 83 汉字 is a legal file name (249 bytes); with a suffix added it would not be.
    long_name = "关于" + "加强" * 40 + "的意见"
    text = "\n".join(p.text for p in read_document(PROVINCIAL).paragraphs)
    kept = session.keep_pasted_text(text=text, name=long_name, folder=tmp_path)
    assert kept.exists() and len(kept.name.encode("utf-8")) < 255
    project = session.free_project_path(folder=tmp_path, stem=long_name)
    assert len(project.stem) == session.NAME_STEM_CHARS and not project.exists()
    assert session.name_stem("示例省实施意见.docx") == "示例省实施意见"
    assert session.name_stem("示例/意见") == "示例意见"
    assert session.name_stem("  ") == "对照"
    # A stem is not cut again at a dot of its own.
    assert session.free_project_path(folder=tmp_path, stem="示例省实施办法2023.10").name == \
        "示例省实施办法2023.10.duizhao"


def test_extract_document_gives_the_stored_bytes(compared, tmp_path):
    with session.open_to_read(path=compared) as project:
        written = session.extract_document(project=project, side="provincial",
                                           name=project.provincial_name, folder=tmp_path)
    assert written.read_bytes() == PROVINCIAL.read_bytes()
    assert written.name == PROVINCIAL.name and written.parent.parent == tmp_path


def test_decide_record_undo_redo(compared, tmp_path):
    path = _copy(compared, tmp_path)
    with session.open_to_read(path=path) as reader:
        item = f"N{reader.comparison.clauses[1].clause.id}"
    from core.project import Project

    with Project.open(path) as project:
        edit = session.set_status(item=item, current=None, status=Status.COVERED, reviewer="张三")
        assert edit.label == "标为“已覆盖”" and edit.decision.decided_at
        session.record(project=project, edit=edit)
        noted = session.set_note(item=item, current=edit.decision, note="已在第二条落实",
                                 reviewer="张三")
        assert noted.decision.status is Status.COVERED  # a note keeps the verdict
        session.record(project=project, edit=noted)
        assert project.decisions()[0].note == "已在第二条落实"

        assert session.undo(project=project, reviewer="张三") == noted.decision
        assert project.decisions()[0].note == ""
        assert project.decisions()[0].status is Status.COVERED
        assert session.redo(project=project, reviewer="张三") == noted.decision

        confirmed = session.confirm(item=item, current=noted.decision, reviewer="李四")
        assert confirmed.decision.status is None and confirmed.decision.note == "已在第二条落实"
        assert confirmed.label == "确认系统判断"
        marked = session.set_not_applicable(item=item, current=None, on=True, reviewer="李四")
        assert marked.label == "标为“不适用”" and marked.decision.not_applicable
        assert session.set_not_applicable(item=item, current=marked.decision, on=False,
                                          reviewer="李四").label == "取消“不适用”"
        match = f"P{project.comparison.provincial.clauses()[3].id}"
        chosen = session.choose_match(item=item, current=None, match=match, reviewer="李四")
        session.record(project=project, edit=chosen)
        assert project.decisions()[0].match == match


def _write_docx(paragraphs: list[str], path: Path) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_reimport_carries_rechecks_and_orphans(compared, tmp_path):
    from core.project import Project

    path = _copy(compared, tmp_path)
    with Project.open(path) as project:
        comparison = project.comparison
        matched = next(f for f in comparison.clauses if f.matches)
        addition = comparison.additions[0]
        covered = session.set_status(item=f"N{matched.clause.id}", current=None,
                                     status=Status.COVERED, reviewer="张三")
        session.record(project=project, edit=covered)
        session.record(project=project, edit=session.set_note(
            item=f"P{addition.id}", current=None, note="本省特色", reviewer="张三"))
        # The new draft drops the addition and edits the matched sentence.
        old_match = matched.matches[0].clause.text
        paragraphs = []
        for paragraph in read_document(PROVINCIAL).paragraphs:
            text = paragraph.text
            if addition.text in text:
                continue
            paragraphs.append(text.replace(old_match, old_match[:-1] + "，并定期评估。"))
        draft = _write_docx(paragraphs, tmp_path / "第二稿.docx")

        steps: list[tuple[int, int, str]] = []
        report = session.reimport(project=project, provincial=draft, reviewer="张三",
                                  progress=lambda *a: steps.append(a))
        assert steps[0][2] == session.LOADING_DICTIONARY
        assert steps[-1][2] == session.CARRYING_OVER
        assert report.provincial_version == 2
        assert [d.item for d in report.orphaned] == [f"P{addition.id}"]
        assert [c.before.item for c in report.rechecks] == [f"N{matched.clause.id}"]
        assert session.reimport_summary(report) == (
            "已导入新版地方文件（第 2 版），沿用审核意见 0 条，1 条需复核，1 条未能沿用")
        assert project.rechecks().keys() == {f"N{matched.clause.id}"}


def test_export_counts_the_decisions(compared, tmp_path):
    from core.project import Project

    path = _copy(compared, tmp_path)
    with Project.open(path) as project:
        item = f"N{project.comparison.clauses[1].clause.id}"
        session.record(project=project, edit=session.set_status(
            item=item, current=None, status=Status.MISSING, reviewer="张三"))
    with session.open_to_read(path=path) as project:
        exported = session.export_project(project=project, path=tmp_path / "清单.docx")
        assert exported.decisions == 1 and exported.path.stat().st_size > 0
        unreviewed = session.export_project(project=project, path=tmp_path / "结果.json",
                                            decisions=())
    assert unreviewed.decisions == 0
    assert '"review"' in unreviewed.path.read_text(encoding="utf-8")
    plain = session.export_comparison(comparison=project.comparison, path=tmp_path / "引擎.json")
    assert '"review"' not in plain.read_text(encoding="utf-8")


def test_reimport_refuses_a_read_only_project_and_a_cancel_changes_nothing(compared, tmp_path):
    from core.project import Project

    path = _copy(compared, tmp_path)
    steps: list[tuple[int, int, str]] = []
    with session.open_to_read(path=path) as project:
        with pytest.raises(ProjectReadOnlyError):
            session.reimport(project=project, provincial=PROVINCIAL,
                             progress=lambda *a: steps.append(a))
    assert steps == []  # refused before any work
    with Project.open(path) as project:
        before = project.comparison_id
        with pytest.raises(Cancelled):
            session.reimport(project=project, provincial=PROVINCIAL, cancel=lambda: True)
        assert project.comparison_id == before and project.provincial_version == 1


def test_a_project_read_while_open_for_writing_leaves_only_itself_once_both_close(compared,
                                                                                   tmp_path):
    import sqlite3

    from core.project import LOCK_SUFFIX, Project

    path = _copy(compared, tmp_path)
    writer = Project.open(path)
    item = f"N{writer.comparison.clauses[0].clause.id}"
    session.record(project=writer, edit=session.set_status(
        item=item, current=None, status=Status.PARTIAL, reviewer="张三"))
    reader = session.open_to_read(path=path)
    try:
        assert reader.read_only and reader.decisions() == writer.decisions()
        writer.close()  # the app closes first; the reader still has the log open
        assert f"{path.name}-wal" in {p.name for p in tmp_path.iterdir()}
        # SQLite itself refuses a write through the reader, not only Project.
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._connection.execute("DELETE FROM decisions")
    finally:
        reader.close()
    # The last to close folds the log in: the project file alone remains, whole.
    assert {p.name for p in tmp_path.iterdir()} == {path.name}
    assert not Path(f"{path}{LOCK_SUFFIX}").exists()
    with session.open_to_read(path=path) as again:
        assert [(d.item, d.status) for d in again.decisions()] == [(item, Status.PARTIAL)]
    assert {p.name for p in tmp_path.iterdir()} == {path.name}


def test_a_new_version_from_another_region_or_numbered_otherwise_is_told_apart():
    from core.align import compare_outlines
    from core.compare import load_outline
    from core.outline import outline_document
    from core.read import read_text

    national, provincial = load_outline(NATIONAL), load_outline(PROVINCIAL)
    old = compare_outlines(national, provincial)
    body = "\n".join(p.text for p in read_document(PROVINCIAL).paragraphs)
    same_region = outline_document(read_text(body, "新版.txt"))
    assert session.other_text_reason(old, same_region) == ""
    region = session.region_of_title(provincial.title)
    assert region.endswith(("省", "市", "自治区"))
    other = "广东省" if region != "广东省" else "江西省"
    moved = outline_document(read_text(body.replace(region, other), "他省.txt"))
    assert session.other_text_reason(old, moved) == other
    statute = outline_document(read_text(f"{region}数据条例\n第一条　为了规范数据工作，制定本条例。\n"
                                         "第二条　本条例自公布之日起施行。", "条例.txt"))
    assert session.other_text_reason(old, statute) == session.OTHER_NUMBERING
    assert session.region_of_title("关于加强数字政府建设的实施意见") == ""
    assert session.region_of_title("关于推进海绵城市") == ""


def test_a_reimport_compares_the_outline_the_caller_read_when_given(compared, tmp_path):
    from core.project import Project

    path = _copy(compared, tmp_path)
    draft = _write_docx([p.text for p in read_document(PROVINCIAL).paragraphs], tmp_path / "第二稿.docx")
    read = session.Source(str(draft), draft.name).outline()
    with Project.open(path) as project:
        session.reimport(project=project, provincial=draft, outline=read)
        # The outline given is the one compared (the same file, read once).
        assert project.comparison.provincial is read


def test_an_earlier_review_of_the_same_two_files_is_found(tmp_path):
    folder = tmp_path / "项目"
    folder.mkdir()
    assert session.earlier_review(folder=folder, national=NATIONAL, provincial=PROVINCIAL) is None
    (folder / "坏的.duizhao").write_bytes(b"not a project" * 20)  # passed over, not raised
    project = session.compare_into_project(national=session.Source(str(NATIONAL), NATIONAL.name),
                                           provincial=session.Source(str(PROVINCIAL), PROVINCIAL.name),
                                           target=folder / "示例.duizhao")
    item = project.comparison.clauses[0].clause.id
    from core.model import ReviewDecision, national_id
    project.record(ReviewDecision(item=national_id(item), status=Status.COVERED))
    project.close()

    found = session.earlier_review(folder=folder, national=NATIONAL, provincial=PROVINCIAL)
    assert found is not None and found.path == folder / "示例.duizhao" and found.decisions == 1
    # Another provincial text (a copy with one character changed) is another pair.
    other = tmp_path / "改过的.docx"
    document = Document(str(PROVINCIAL))
    document.paragraphs[-1].add_run("。")
    document.save(str(other))
    assert session.earlier_review(folder=folder, national=NATIONAL, provincial=other) is None
    assert session.earlier_review(folder=tmp_path / "没有", national=NATIONAL, provincial=PROVINCIAL) is None

    from core.project import Project
    # A copy saved elsewhere afterwards (另存为) is newer: it is the one found, from ``also``.
    elsewhere = tmp_path / "我的文档" / "示例.duizhao"
    elsewhere.parent.mkdir()
    with Project.open(folder / "示例.duizhao") as saved:
        saved.save_copy(elsewhere)
    os.utime(folder / "示例.duizhao", (1_600_000_000, 1_600_000_000))
    found = session.earlier_review(folder=folder, national=NATIONAL, provincial=PROVINCIAL,
                                   also=[str(elsewhere), str(tmp_path / "已删除.duizhao")])
    assert found is not None and found.path == elsewhere and found.decisions == 1
    # With the app's folder gone, a recent project is still found.
    assert session.earlier_review(folder=tmp_path / "没有", national=NATIONAL, provincial=PROVINCIAL,
                                  also=[str(elsewhere)]).path == elsewhere


@pytest.mark.parametrize("name, title, stem", [
    ("law_beijing_youhua_2020.txt", "北京市优化营商环境条例", "北京市优化营商环境条例"),
    ("北京市实施意见（征求意见稿）v3.docx", "北京市关于加快推进数字政府建设的实施意见",
     "北京市实施意见（征求意见稿）v3"),
    ("draft.docx", "", "draft"),
    ("draft.docx", "关于印发《示例省方案》的通知：“一网通办”?", "关于印发《示例省方案》的通知：“一网通办”"),
])
def test_names_made_from_a_document_use_its_title_when_its_file_name_says_nothing_in_chinese(
        name, title, stem):
    from core.session import document_stem
    # A character no Windows file name may hold (?) is dropped.
    assert document_stem(name, title) == stem


def _untitled(body: str):
    from core.outline import outline_document
    from core.read import read_text
    return outline_document(read_text("对照稿\n" + body))


def test_sides_chosen_the_wrong_way_round_are_told_by_the_texts_own_words_without_titles():
    """A swap of two texts whose titles say nothing went unremarked."""
    local = _untitled("第一条 本省各级人民政府应当加强示例工作。\n第二条 全省建立示例工作协调机制。\n"
                      "第三条 本省示例工作由省人民政府统一领导，全省各市县配合。\n"
                      "第四条 本省建立示例目录，本省各部门按目录履职。")
    nation = _untitled("第一条 县级以上地方人民政府应当加强示例工作。\n"
                       "第二条 国务院有关部门建立全国示例工作协调机制。")
    assert session.sides_swapped(local, nation)
    assert not session.sides_swapped(nation, local)
    # A national text quoting 本省/本市 a few times (as 立法法 does) beside a local text: no.
    quoting = _untitled("第一条 省、自治区的人民政府所在地的市，其规章称“本市规章”，"
                        "本省的规定另行制定。\n第二条 本市规章报本省人民政府备案。")
    assert not session.sides_swapped(quoting, local)
    # 资本市场, 健全市场 and 健全省级 are no 本市, 全市, 全省 (a second reading).
    market = _untitled("第一条 发展多层次资本市场，健全市场体系。\n第二条 支持企业进入资本市场融资，"
                       "健全省级统筹机制，完善资本市场服务。")
    assert not session.sides_swapped(market, _untitled("第一条 县级以上地方人民政府应当推动企业融资。"))


@pytest.mark.needs_corpus
@pytest.mark.skipif(not (CORPUS / "real-pairs" / "gold").is_dir(), reason="needs ../shared/corpus/real-pairs")
def test_every_real_pair_is_told_when_swapped_and_only_then():
    from core.compare import load_outline
    for gold in sorted((CORPUS / "real-pairs" / "gold").glob("*.json")):
        pair = json.loads(gold.read_text(encoding="utf-8"))
        texts = CORPUS / "real-pairs" / "texts"
        national = load_outline(texts / pair["national_file"])
        provincial = load_outline(texts / pair["provincial_file"])
        assert not session.sides_swapped(national, provincial), gold.stem
        assert session.sides_swapped(provincial, national), gold.stem


def test_a_project_made_in_a_folder_is_named_from_the_provincial_text_once_read(tmp_path):
    """The app's own project folder held law_beijing_youhua_yingshang_huanjing_ti.duizhao
    beside its export 北京市优化营商环境条例-起草对照清单.docx: the project was named before the
    text was read. A file name in Chinese is kept as written; a name taken gets （2）."""
    ascii_named = _copy(PROVINCIAL, tmp_path).rename(tmp_path / "draft_v3.docx")
    chinese_named = _copy(PROVINCIAL, tmp_path).rename(tmp_path / "示例省实施意见（送审稿）.docx")
    title = session.Source(str(ascii_named), ascii_named.name).outline().title
    folder = tmp_path / "项目"
    made = []
    for provincial in (ascii_named, ascii_named, chinese_named):
        project = session.compare_into_project(
            national=session.Source(str(NATIONAL), NATIONAL.name),
            provincial=session.Source(str(provincial), provincial.name), folder=folder)
        made.append(Path(project.path).name)
        project.close()
    stem = session.document_stem(ascii_named.name, title)
    assert title and stem == title[:session.NAME_STEM_CHARS].strip()
    assert made == [f"{stem}.duizhao", f"{stem}（2）.duizhao",
                    "示例省实施意见（送审稿）.duizhao"]
    # One place or the other, not none and not both.
    for where in ({}, {"target": folder / "x.duizhao", "folder": folder}):
        with pytest.raises(ValueError):
            session.compare_into_project(national=session.Source(str(NATIONAL), NATIONAL.name),
                                         provincial=session.Source(str(PROVINCIAL), PROVINCIAL.name),
                                         **where)
