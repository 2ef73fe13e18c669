"""The batch: one national text against many local ones, its matrix, exports, chains and CLI."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from core import batch as batching
from core.align import compare_outlines
from core.cli import main
from core.compare import compare_files, load_outline
from core.errors import Cancelled, DocumentReadError
from core.export import labels
from core.export.matrix import export_matrix
from core.model import Status
from tests.conftest import SAMPLES
from tests.generator import make_variant

NATIONAL = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL = SAMPLES / "provincial-opinion-sample.docx"
PROVINCES = ("江苏省", "浙江省", "四川省", "甘肃省")

# A small statute written for these tests (not from any real law).
STATUTE = """示例资源保护条例
第一章 总则
第一条 为了加强示例资源保护，规范开发利用活动，制定本条例。
第二条 在中华人民共和国境内从事示例资源调查、开发、利用和保护活动，适用本条例。
第三条 示例资源保护工作由国务院自然资源主管部门统筹指导。县级以上地方人民政府应当把示例资源保护列入本地区长远发展规划。
第二章 保护措施
第四条 县级以上地方人民政府应当建立示例资源调查监测制度，每五年开展一次全面调查，调查结果向社会公布。
第五条 开发利用示例资源的单位应当编制保护方案，报所在地县级人民政府主管部门备案。
第六条 禁止在示例资源保护区内采砂、取土、倾倒垃圾。
第三章 附则
第七条 本条例自2025年1月1日起施行。
"""
LOCAL_STATUTE = """江南省示例资源保护条例
第一章 总则
第一条 为了加强本省示例资源保护，规范开发利用活动，根据《示例资源保护条例》，结合本省实际，制定本条例。
第二条 本省行政区域内从事示例资源调查、开发、利用和保护活动，适用本条例。
第三条 县级以上人民政府应当把示例资源保护列入本地区长远发展规划，保护工作所需资金由本级财政安排。
第二章 保护措施
第四条 县级以上人民政府应当建立示例资源调查监测制度，每三年开展一次全面调查。
第五条 禁止在示例资源保护区内采砂、取土。
第六条 省人民政府设立示例资源保护专项资金，支持山区县开展生态修复。
第三章 附则
第七条 本条例自2026年3月1日起施行。
"""


def _province_text(national_outline, seed: int, name: str) -> str:
    return make_variant(national_outline, seed).text.replace("示例省", name)


@pytest.fixture(scope="module")
def locals_folder(tmp_path_factory) -> Path:
    """Four generated provincial opinions of the sample guideline, one per province."""
    folder = tmp_path_factory.mktemp("locals")
    outline = load_outline(NATIONAL)
    for seed, name in enumerate(PROVINCES):
        (folder / f"{seed}.txt").write_text(_province_text(outline, seed, name), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def matrix(locals_folder: Path, tmp_path_factory) -> batching.Batch:
    """The sample guideline against the sample opinion, four generated ones and two bad files,
    in a real two-process pool."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "空白.txt").write_bytes(b"")
    files = [PROVINCIAL, *sorted(locals_folder.glob("*.txt")), bad / "空白.txt", bad / "没有.docx"]
    return batching.compare_many(NATIONAL, files, workers=2)


def test_every_cell_is_the_status_the_single_compare_gives(matrix, locals_folder):
    assert matrix.unit == batching.CLAUSE
    single = compare_files(NATIONAL, sorted(locals_folder.glob("*.txt"))[2])
    column = [local.path for local in matrix.locals].index(str(sorted(locals_folder.glob("*.txt"))[2]))
    assert len(matrix.items) == len(single.clauses)
    for row, finding in enumerate(single.clauses):
        cell = matrix.cells[row][column]
        assert matrix.items[row].id == f"N{finding.clause.id}"
        assert cell.status is finding.status
        if finding.status in (Status.COVERED, Status.PARTIAL):
            assert cell.wording == finding.matches[0].clause.text


def test_bad_inputs_are_reported_in_their_columns_and_the_others_are_compared(matrix):
    failed = [local for local in matrix.locals if not local.ok]
    assert [Path(local.path).name for local in failed] == ["空白.txt", "没有.docx"]
    assert "空的" in failed[0].error and "找不到文件" in failed[1].error
    index = matrix.locals.index(failed[0])
    assert all(cell is None for cell in matrix.column(index))
    assert matrix.summary(index) is None
    assert sum(local.ok for local in matrix.locals) == 5


def test_columns_are_named_after_the_region_in_their_titles(matrix):
    names = [local.name for local in matrix.locals if local.ok]
    assert names[1:] == list(PROVINCES)
    assert names[0] == batching.region_name(matrix.locals[0].title, PROVINCIAL)


def test_summaries_and_per_item_counts_add_up(matrix):
    for index, local in enumerate(matrix.locals):
        summary = matrix.summary(index)
        if summary is None:
            continue
        assert summary.items == len(matrix.items) == sum(summary.counts.values())
        totals = local.comparison.summary
        assert summary.counts == {Status.COVERED: totals.covered, Status.PARTIAL: totals.partial,
                                  Status.MISSING: totals.missing,
                                  Status.NOT_EXPECTED: totals.not_expected}
        expected = summary.items - summary.counts[Status.NOT_EXPECTED]
        carried = summary.counts[Status.COVERED] + summary.counts[Status.PARTIAL]
        assert summary.carried_percent == pytest.approx(100 * carried / expected)
    for row in range(len(matrix.items)):
        statuses = [cell.status for cell in matrix.cells[row] if cell is not None]
        assert matrix.missing_count(row) == statuses.count(Status.MISSING)


def test_other_provinces_wording_leaves_out_the_province_itself(matrix):
    row = max(range(len(matrix.items)), key=lambda r: len(matrix.wordings(r)))
    everyone = matrix.wordings(row)
    assert len(everyone) >= 2
    first = matrix.locals.index(everyone[0][0])
    others = matrix.wordings(row, exclude=first)
    assert [local.name for local, _ in others] == [local.name for local, _ in everyone[1:]]
    for local, cell in everyone:
        assert cell.wording in "".join(c.text for c in local.comparison.provincial.clauses())


def test_progress_is_reported_per_text_and_cancel_stops_the_batch(locals_folder):
    files = sorted(locals_folder.glob("*.txt"))
    seen: list[tuple[int, int, str]] = []
    batching.compare_many(NATIONAL, files[:2], workers=1,
                          progress=lambda done, total, message: seen.append((done, total, message)))
    assert [(done, total) for done, total, _ in seen] == [(1, 2), (2, 2)]
    assert all("完成" in message for _, _, message in seen)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        batching.compare_many(NATIONAL, files, workers=2, cancel=cancel)


def test_a_new_version_of_one_local_text_is_compared_without_redoing_the_others(matrix, tmp_path):
    outline = load_outline(NATIONAL)
    new = tmp_path / "new.txt"
    new.write_text(_province_text(outline, 99, "江苏省"), encoding="utf-8")
    updated = batching.replace_local(matrix, 1, new)
    assert updated.locals[1].path == str(new)
    assert updated.locals[1].comparison is not matrix.locals[1].comparison
    for index in (0, 2, 3, 4):
        assert updated.locals[index].comparison is matrix.locals[index].comparison
    assert updated.locals[1].name == "江苏省"


def test_the_national_file_in_a_folder_of_locals_is_not_compared_with_itself(tmp_path):
    national = tmp_path / "national.docx"
    national.write_bytes(NATIONAL.read_bytes())
    (tmp_path / "local.docx").write_bytes(PROVINCIAL.read_bytes())
    result = batching.compare_many(national, batching.expand_inputs([tmp_path]), workers=1)
    assert [Path(local.path).name for local in result.locals] == ["local.docx"]
    with pytest.raises(DocumentReadError):
        batching.compare_many(national, [national], workers=1)


def test_a_copy_of_the_national_text_and_a_repeated_draft_are_left_out_and_named(tmp_path):
    # A copy of the national text saved among the drafts was compared as a province (覆盖 100%);
    # a draft given by name and again in its folder, or copied twice, made two columns.
    (tmp_path / "国家文件副本.docx").write_bytes(NATIONAL.read_bytes())
    (tmp_path / "省.docx").write_bytes(PROVINCIAL.read_bytes())
    (tmp_path / "省（另存）.docx").write_bytes(PROVINCIAL.read_bytes())
    inputs = batching.expand_inputs([tmp_path / "省.docx", tmp_path])
    result = batching.compare_many(NATIONAL, inputs, workers=1)
    assert [Path(local.path).name for local in result.locals] == ["省.docx"]
    assert sorted((Path(path).name, reason) for path, reason in result.left_out) == [
        ("国家文件副本.docx", batching.NATIONAL_COPY), ("省.docx", batching.REPEATED),
        ("省（另存）.docx", batching.REPEATED)]
    data = batching.batch_to_dict(result)
    assert {entry["reason"] for entry in data["left_out"]} == {batching.NATIONAL_COPY, batching.REPEATED}
    with pytest.raises(DocumentReadError, match="国家文件本身（或其副本）"):
        batching.compare_many(NATIONAL, [tmp_path / "国家文件副本.docx"], workers=1)


def test_a_chain_whose_city_cannot_be_read_measures_no_city_share(tmp_path, capsys):
    # The summary said the city carried 0.0 % of the national text when its file was empty.
    province = tmp_path / "province.txt"
    province.write_text(_province_text(load_outline(NATIONAL), 3, "江苏省"), encoding="utf-8")
    city = tmp_path / "city.txt"
    city.write_bytes(b"")
    chain = batching.compare_chain(NATIONAL, province, city, workers=1)
    shares = batching.chain_summary(chain)
    assert shares["province_of_national"] > 0
    assert shares["city_of_national"] is None and shares["city_of_province_own"] is None
    assert "市级文件落实国家文件 无法计算" in batching.chain_wording(chain)
    assert batching.batch_to_dict(chain)["chain"]["city_of_national"] is None
    out = tmp_path / "逐级.docx"
    assert main(["batch", "--chain", str(NATIONAL), str(province), str(city), "--workers", "1",
                 "-o", str(out)]) == 0
    assert "市级文件落实国家文件 无法计算" in capsys.readouterr().out
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "市级文件落实国家文件 无法计算" in text and "0.0%" not in text
    book = load_workbook(export_matrix(chain, tmp_path / "逐级.xlsx"))
    values = [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert "无法计算" in values


def test_inputs_are_files_folders_and_globs(tmp_path):
    for name in ("b.txt", "a.docx", "note.xyz", "~$lock.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in batching.expand_inputs([tmp_path])] == ["a.docx", "b.txt"]
    assert [p.name for p in batching.expand_inputs([str(tmp_path / "*.txt")])] == ["b.txt"]
    # A file that is not there is kept, for its column to say so; a repeat is kept for
    # compare_many to leave out and say so (it was dropped without a word).
    missing = tmp_path / "没有.docx"
    assert batching.expand_inputs([missing, tmp_path / "b.txt", tmp_path / "b.txt"]) == [
        missing, tmp_path / "b.txt", tmp_path / "b.txt"]
    # A pattern that matches nothing is a mistyped command line.
    with pytest.raises(DocumentReadError, match="通配符没有匹配到任何文件") as raised:
        batching.expand_inputs([tmp_path / "b.txt", tmp_path / "没有*.docx"])
    assert raised.value.path == str(tmp_path / "没有*.docx")


@pytest.mark.parametrize(("title", "region"), [
    ("北京市优化营商环境条例", "北京市"), ("广东省优化营商环境条例", "广东省"),
    ("德州市优化营商环境条例", "德州市"), ("广西壮族自治区数字政府建设实施方案", "广西壮族自治区"),
    ("中共浙江省委 浙江省人民政府关于深化数字政府建设的实施意见", "浙江省"),
    ("内蒙古自治区人民政府关于加强数字政府建设的实施意见", "内蒙古自治区"),
    ("关于加强数字政府建设的实施意见", "stem"), ("", "stem"),
])
def test_region_names_come_from_the_title(title, region):
    assert batching.region_name(title, "/x/stem.txt") == region


def test_repeated_regions_are_told_apart_by_year():
    names = batching.unique_names(["北京市", "北京市", "上海市"],
                                  ["北京(2020-03-27).txt", "北京(2024-11-29).txt", "s.txt"], ["", "", ""])
    assert names == ["北京市（2020）", "北京市（2024）", "上海市"]
    assert batching.unique_names(["甲省", "甲省"], ["a.txt", "b.txt"], ["", ""]) == ["甲省（1）", "甲省（2）"]


@pytest.fixture(scope="module")
def statute_files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("statute")
    (folder / "national.txt").write_text(STATUTE, encoding="utf-8")
    (folder / "local.txt").write_text(LOCAL_STATUTE, encoding="utf-8")
    return folder / "national.txt", folder / "local.txt"


def test_statutes_are_judged_by_article_with_the_section_statuses(statute_files):
    national, local = statute_files
    result = batching.compare_many(national, [local], workers=1)
    assert result.unit == batching.ARTICLE
    comparison = result.locals[0].comparison
    articles = [s for s in comparison.national.sections if s.clauses]
    assert [item.section for item in result.items] == [s.id for s in articles]
    statuses = {a.national: a.status for a in comparison.sections}
    assert [cell.status for cell in result.column(0)] == [statuses[s.id] for s in articles]
    assert result.items[0].label.endswith("第一条")
    by_clause = batching.compare_many(national, [local], workers=1, unit=batching.CLAUSE)
    assert len(by_clause.items) == len(comparison.clauses)


def test_a_chain_reports_what_the_city_carries_of_each_level(tmp_path):
    national = load_outline(NATIONAL)
    province_path = tmp_path / "province.txt"
    province_path.write_text(_province_text(national, 3, "江苏省"), encoding="utf-8")
    province = load_outline(province_path)
    city_path = tmp_path / "city.txt"
    # The city rewrites the province's text as the province rewrote the national one.
    city_path.write_text(make_variant(province, 5).text.replace("示例省", "南京市"), encoding="utf-8")
    chain = batching.compare_chain(NATIONAL, province_path, city_path, workers=2)
    assert chain.kind == "chain"
    assert [local.name for local in chain.locals] == ["江苏省", "南京市"]
    downward, city, upward = chain.chain
    assert upward.national.title == province.title
    own = [i for i, item in enumerate(chain.items) if item.level == "province"]
    assert len(own) == len(downward.additions) > 0
    findings = {f"P{f.clause.id}": f for f in upward.clauses}
    for row in own:
        assert chain.cells[row][0].status is Status.ADDED
        assert chain.cells[row][1].status is findings[chain.items[row].id].status
    national_rows = [i for i, item in enumerate(chain.items) if item.level == "national"]
    assert [chain.cells[i][1].status for i in national_rows] == [f.status for f in city.clauses]
    shares = batching.chain_summary(chain)
    carried = [chain.cells[i][1] for i in own]
    assert shares["city_of_province_own"] == pytest.approx(
        100 * sum(c.status in (Status.COVERED, Status.PARTIAL) for c in carried)
        / sum(c.status is not Status.NOT_EXPECTED for c in carried))


def test_the_workbook_is_coloured_labelled_and_printable(matrix, tmp_path):
    path = export_matrix(matrix, tmp_path / "矩阵.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["对照矩阵", "汇总", "各地表述"]
    sheet = book["对照矩阵"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    header = [cell.value for cell in sheet[3]]
    names = [local.name for local in matrix.locals]
    assert [name.replace("\n", "") for name in header[-len(names):]] == names
    first = len(header) - len(names) + 1
    for row in range(len(matrix.items)):
        assert sheet.cell(row=4 + row, column=4).value == matrix.missing_count(row)
        for column, cell in enumerate(matrix.cells[row]):
            shown = sheet.cell(row=4 + row, column=first + column)
            if cell is None:
                assert shown.value == "—"
            else:
                assert shown.value == labels.LABELS[cell.status.value]
                assert shown.fill.start_color.rgb.endswith(labels.FILLS[cell.status.value])
    wording = book["各地表述"]
    rows = list(wording.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(matrix.wordings(r)) for r in range(len(matrix.items)))
    for book_sheet in book.worksheets:
        assert book_sheet.page_setup.orientation == "landscape"


def test_the_word_matrix_is_landscape_with_repeated_headers(matrix, tmp_path):
    path = export_matrix(matrix, tmp_path / "矩阵.docx")
    document = Document(str(path))
    section = document.sections[0]
    assert section.page_width > section.page_height
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert xml.count("<w:tblHeader/>") == len(document.tables) >= 2
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[4:] == [local.name for local in matrix.locals][:len(header) - 4]
    # A bracket in a narrow column's title starts its own line, never breaks inside itself.
    assert header[1].split("\n")[-1] in ("（按句）", "（按条）")
    assert "各地表述" in [p.text for p in document.paragraphs]
    # Numbered pages, and a national item's heading row never left alone at a page's foot.
    footer = zipfile.ZipFile(path).read("word/footer1.xml").decode("utf-8")
    assert "PAGE" in footer and "NUMPAGES" in footer
    wording = document.tables[-1]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
               for row in wording.rows[1:])
    assert wording.rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next
    # The columns may be 北京市 or 上海市: not 本省.
    rows = [row.cells[1].text for row in document.tables[0].rows]
    assert "地方新增（句）" in rows and "本省新增（句）" not in rows


def test_the_json_holds_every_cell(matrix, tmp_path):
    data = json.loads(export_matrix(matrix, tmp_path / "矩阵.json").read_text(encoding="utf-8"))
    assert data["schema"] == "duizhao.batch/1" and data["unit"] == "clause"
    assert len(data["items"]) == len(matrix.items)
    assert [local["error"] != "" for local in data["locals"]] == [not local.ok for local in matrix.locals]
    for item, row in zip(data["items"], matrix.cells):
        assert [c and c["status"] for c in item["cells"]] == [c and c.status.value for c in row]


def test_cli_batch_writes_the_matrix_and_prints_a_summary(locals_folder, tmp_path, capsys):
    out, js = tmp_path / "矩阵.xlsx", tmp_path / "矩阵.json"
    code = main(["batch", str(NATIONAL), str(locals_folder / "*.txt"), str(tmp_path / "无.txt"),
                 "-o", str(out), "--json", str(js), "--workers", "1"])
    assert code == 0
    printed = capsys.readouterr().out
    for name in PROVINCES:
        assert f"{name}：" in printed
    assert "无：无法对照——找不到文件" in printed
    assert out.is_file() and json.loads(js.read_text(encoding="utf-8"))["schema"] == "duizhao.batch/1"


def test_cli_batch_exits_2_when_no_local_text_could_be_compared(tmp_path, capsys):
    # It exited 0 and a script took the run for done.
    (tmp_path / "空白.txt").write_bytes(b"")
    (tmp_path / "国家.docx").write_bytes(NATIONAL.read_bytes())
    code = main(["batch", str(NATIONAL), str(tmp_path / "空白.txt"), str(tmp_path / "国家.docx"),
                 "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 2
    assert "无法对照" in captured.out and f"未对照 国家.docx：{batching.NATIONAL_COPY}" in captured.out
    assert captured.err.startswith("错误：没有一个地方文件能够对照") and len(captured.err.splitlines()) == 1


def test_cli_batch_errors_are_one_line(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "没有.docx"), str(PROVINCIAL)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and len(err.strip().splitlines()) == 1
    assert main(["batch", "--chain", str(NATIONAL), str(PROVINCIAL)]) == 2
    assert "三个文件" in capsys.readouterr().err


# -- the real 1 × 16 matrix of 优化营商环境条例 --------------------------------------------------


def _business_environment(corpus: Path) -> tuple[Path, list[Path]]:
    laws = corpus / "domain" / "laws"
    files = sorted(laws.glob("*优化营商环境条例*"))
    national = next(p for p in files if p.name.startswith("国家-"))
    return national, [p for p in files if p != national]


@pytest.mark.slow
def test_the_real_matrix_names_every_province_and_city(corpus):
    national, local_files = _business_environment(corpus)
    assert len(local_files) == 16
    result = batching.compare_many(national, local_files)
    assert all(local.ok for local in result.locals)
    names = [local.name for local in result.locals]
    assert len(set(names)) == 16
    for local, name in zip(result.locals, names):
        assert local.title.startswith(name.split("（")[0])
    assert {"北京市（2020）", "北京市（2024）", "上海市（2020）", "上海市（2024）", "德州市"} <= set(names)
    assert result.unit == batching.ARTICLE
    for index, local in enumerate(result.locals):
        statuses = {a.national: a.status for a in local.comparison.sections}
        assert [c.status for c in result.column(index)] == [statuses[i.section] for i in result.items]


@pytest.mark.slow
def test_a_real_chain_national_province_city(corpus):
    laws = corpus / "domain" / "laws"
    national, _ = _business_environment(corpus)
    province = next(laws.glob("山东-山东省优化营商环境条例*"))
    city = next(laws.glob("山东-济南市优化营商环境条例*"))
    chain = batching.compare_chain(national, province, city)
    assert [local.name for local in chain.locals] == ["山东省", "济南市"]
    single = compare_outlines(load_outline(province), load_outline(city))
    upward = chain.chain[2]
    assert [f.status for f in upward.clauses] == [f.status for f in single.clauses]
    assert any(item.level == "province" for item in chain.items)


# Runs in its own interpreter: a pool whose worker is killed must end, and if it ever hung, the
# test would fail at its timeout instead of holding up the whole suite.
_KILL_A_WORKER = """
import json, multiprocessing, os, signal, sys
from core import batch as batching
from core.compare import compare_files
national, files = sys.argv[1], sys.argv[2:]
killed = []
def progress(done, total, message):
    # The system killing a worker (out of memory), as it can at any moment.
    workers = multiprocessing.active_children()
    if not killed and workers:
        os.kill(workers[0].pid, signal.SIGKILL)
        killed.append(workers[0].pid)
result = batching.compare_many(national, files, workers=2, progress=progress)
single = compare_files(national, files[-1])
print(json.dumps({"killed": bool(killed), "ok": [local.ok for local in result.locals],
                  "same": [c.status.value for c in result.column(len(files) - 1)]
                          == [f.status.value for f in single.clauses]}))
"""


@pytest.mark.slow
def test_a_worker_that_dies_does_not_hang_the_batch_or_lose_a_text(locals_folder):
    import subprocess
    import sys

    files = [PROVINCIAL, *sorted(locals_folder.glob("*.txt"))]
    try:
        run = subprocess.run([sys.executable, "-c", _KILL_A_WORKER, str(NATIONAL),
                              *map(str, files)], capture_output=True, text=True, timeout=300,
                             cwd=Path(__file__).resolve().parents[2], start_new_session=True)
    except subprocess.TimeoutExpired:
        pytest.fail("the batch hung after one of its workers was killed")
    assert run.returncode == 0, run.stderr[-2000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["killed"]
    # The texts the dead worker held are compared again, each in a fresh process.
    assert outcome["ok"] == [True] * len(files)
    assert outcome["same"]


# A worker killed in the middle of sending its result: the pool's manager then waited for the
# rest of the message forever (the retry of test_a_worker_that_dies… hung now and then). Here it
# is made to happen every time: the task writes the head of a long message on the result pipe
# and kills its own process.
_KILLED_WHILE_SENDING = """
import multiprocessing, os, signal, struct, sys, time
from core import batch as batching

def half_sent(task):
    index = task[0]
    if index == 0:
        frame = sys._getframe()
        while "result_queue" not in frame.f_locals:
            frame = frame.f_back
        writer = frame.f_locals["result_queue"]._writer
        os.write(writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 16)
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.5)
    return index, None, "", 0.0

batching._work = half_sent  # the forked workers run it
done = []
lost = batching._pool_round(multiprocessing.get_context("fork"), 2, {}, None, False,
                            [(i, "N", "") for i in range(3)], None,
                            lambda index, *rest: done.append(index))
print(lost, sorted(done))
"""


@pytest.mark.slow
def test_a_worker_killed_while_sending_its_result_does_not_hang_the_pool():
    import subprocess
    import sys

    try:
        run = subprocess.run([sys.executable, "-c", _KILLED_WHILE_SENDING], capture_output=True,
                             text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
                             start_new_session=True)
    except subprocess.TimeoutExpired:
        pytest.fail("the pool hung after a worker died in the middle of sending its result")
    assert run.returncode == 0, run.stderr[-2000:]
    lost, done = run.stdout.strip().splitlines()[-1].split(" ", 1)
    # The pool is given up as broken; the texts it did not finish go to the next round.
    assert lost == "True" and "0" not in done


@pytest.mark.slow
def test_a_real_new_version_is_reimported_alone(corpus):
    laws = corpus / "domain" / "laws"
    national, _ = _business_environment(corpus)
    old, new = sorted(laws.glob("北京-北京市优化营商环境条例*"))
    other = next(laws.glob("重庆-重庆市优化营商环境条例*"))
    result = batching.compare_many(national, [old, other], workers=1)
    updated = batching.replace_local(result, 0, new)
    assert updated.locals[1].comparison is result.locals[1].comparison
    assert [local.name for local in updated.locals] == ["北京市", "重庆市"]
    single = compare_outlines(load_outline(national), load_outline(new))
    statuses = {a.national: a.status for a in single.sections}
    assert [c.status for c in updated.column(0)] == [statuses[i.section] for i in updated.items]


def test_every_carried_article_shows_local_wording(statute_files):
    national, local = statute_files
    result = batching.compare_many(national, [local], workers=1)
    local_text = "".join(c.text for c in result.locals[0].comparison.provincial.clauses())
    for cell in result.column(0):
        if cell.status in (Status.COVERED, Status.PARTIAL):
            assert cell.wording and cell.wording[:12] in local_text and cell.where
        else:
            assert cell.wording == ""


def test_one_local_texts_wording_is_地方表述_not_他省表述(tmp_path):
    """A Beijing-only matrix read 他省表述: there is no other province, and Beijing is a 市."""
    single = batching.compare_many(NATIONAL, [PROVINCIAL], workers=1)
    book = load_workbook(export_matrix(single, tmp_path / "矩阵.xlsx"))
    assert book.sheetnames == ["对照矩阵", "汇总", "地方表述"]
    document = Document(str(export_matrix(single, tmp_path / "矩阵.docx")))
    assert "地方表述" in [p.text for p in document.paragraphs]
