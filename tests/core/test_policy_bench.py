"""The blind policy pairs of the benchmark (bench/policy) and their scorer."""

from __future__ import annotations

import json
import os

from bench import policy_pairs
from core.align import compare_outlines
from core.model import Status
from core.outline import outline_document
from core.read import read_document, read_text

STATUSES = {"covered", "partial", "missing", "not_expected"}


def _national():
    return outline_document(read_document(policy_pairs.NATIONAL))


def test_every_gold_quotes_the_national_sentences_and_the_additions_it_judges():
    national = policy_pairs.key("".join(c.text for c in _national().clauses()))
    found = policy_pairs.pairs()
    assert {name for name, _, _ in found} >= {"xiling-opinion", "dongchuan-plan"}
    for name, provincial_path, gold in found:
        assert gold["schema"] == "duizhao.policy-gold/1", name
        provincial = policy_pairs.key(provincial_path.read_text(encoding="utf-8"))
        sentences = gold["national_sentences"]
        assert len(sentences) > 150 and {s["status"] for s in sentences} <= STATUSES
        assert all(policy_pairs.key(s["text"]) in national for s in sentences), name
        assert all(policy_pairs.key(a["text"]) in provincial for a in gold["added"]), name


def test_the_scorer_finds_every_gold_sentence_among_the_clauses_and_counts_consistently():
    national = _national()
    for name, provincial_path, gold in policy_pairs.pairs():
        comparison = compare_outlines(national, outline_document(read_document(provincial_path)))
        figures = policy_pairs.score(comparison, gold)
        assert figures.unmatched == 0 and figures.judged == len(gold["national_sentences"]), name
        called_missing = sum(count for (_, found), count in figures.confusion.items()
                             if found == "missing")
        assert figures.listed == called_missing
        assert figures.listed == (figures.missing_tp + figures.missing_fp
                                  + figures.not_expected_called_missing)
        assert figures.covered == sum(1 for s in gold["national_sentences"]
                                      if s["status"] == "covered")


def test_a_sentence_the_engine_cuts_finer_takes_the_weakest_verdict_of_its_pieces():
    national = outline_document(read_text(
        "示例指导意见\n一、重点任务\n（一）加强数据治理。\n"
        "全面构建经济治理基础数据库，加强对涉及国计民生关键数据的全链条全流程治理和应用；"
        "加快构建碳排放智能监测和动态核算体系，服务保障碳达峰、碳中和目标顺利实现。"))
    provincial = outline_document(read_text(
        "示例省实施意见\n一、重点任务\n（一）加强数据治理。\n"
        "全面构建全省经济治理基础数据库，加强对涉及国计民生关键数据的全链条全流程治理和应用。"))
    comparison = compare_outlines(national, provincial)
    assert [f.status for f in comparison.clauses] == [Status.COVERED, Status.MISSING]
    whole = "".join(f.clause.text for f in comparison.clauses)
    assert policy_pairs.engine_status(comparison, whole) == "partial"
    assert policy_pairs.engine_status(comparison, comparison.clauses[1].clause.text) == "missing"
    assert policy_pairs.engine_status(comparison, "地方文件里没有的句子。") is None


def test_pairs_kept_outside_the_project_are_scored_on_the_national_text_their_gold_names(tmp_path):
    national = tmp_path / "national.txt"
    national.write_text("示例检测工作指导意见\n一、重点任务\n（一）完善检测体系。\n"
                        "建立健全全国检测服务网络，定期开展检测能力评估。\n"
                        "（二）强化人才支撑。\n加强检测人才培养，建设一批检测人才实训基地。\n",
                        encoding="utf-8")
    folder = tmp_path / "pairs"
    folder.mkdir()
    (folder / "demo.txt").write_text("示例省检测工作实施意见\n一、重点任务\n（一）完善检测体系。\n"
                                     "建立健全全省检测服务网络，定期开展检测能力评估。\n",
                                     encoding="utf-8")
    gold = {"schema": "duizhao.policy-gold/1", "national_file": str(national),
            "provincial_file": "demo.txt", "added": [], "national_sentences": [
                {"text": "建立健全全国检测服务网络，定期开展检测能力评估。", "status": "covered"},
                {"text": "加强检测人才培养，建设一批检测人才实训基地。", "status": "missing"}]}
    (folder / "demo.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    figures = policy_pairs.run_pairs({"Duizhao": None}, folder)["demo"]["Duizhao"]
    assert figures.judged == 2 and figures.unmatched == 0
    assert figures.covered_called_covered == 1 and figures.missing_tp == 1


def test_a_figure_with_nothing_to_count_is_left_out_of_the_mean_as_the_shared_scorer_does():
    # A pair whose gold has no omission and where nothing is listed has no missing precision
    # or recall; one with omissions and nothing listed has precision 0.
    clean = policy_pairs.PolicyFigures(covered=3, covered_called_covered=3)
    assert clean.missing_precision is None and clean.missing_recall is None
    silent = policy_pairs.PolicyFigures(missing_fn=2, additions_fn=3)
    assert silent.missing_precision == 0.0 and silent.missing_recall == 0.0
    assert silent.listed_precision == 0.0 and silent.additions_precision == 0.0
    assert clean.listed_precision is None and clean.additions_precision is None
    listed = policy_pairs.PolicyFigures(missing_tp=1, missing_fp=1, missing_fn=1)
    lines: list[str] = []
    policy_pairs.print_table({"clean": {"Duizhao": clean}, "listed": {"Duizhao": listed}},
                             lines.append)
    assert lines[1].split()[2:4] == ["—", "—"]
    mean = lines[-1].split()
    assert mean[2:4] == ["0.500", "0.500"]


def test_the_bench_scores_each_folder_of_outside_pairs_apart(tmp_path, monkeypatch, capsys):
    # DUIZHAO_POLICY_PAIRS names folders as PATH does: one the rules were read from, one kept
    # back to measure them.
    from bench import __main__ as bench_main
    source = policy_pairs.POLICY / "nanping-action-plan.gold.json"
    folders = []
    for name in ("read-from", "kept-back"):
        folder = tmp_path / name
        folder.mkdir()
        gold = json.loads(source.read_text(encoding="utf-8"))
        gold["national_file"] = str(policy_pairs.NATIONAL)
        (folder / "nanping-action-plan.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        (folder / "nanping-action-plan.txt").write_bytes(
            (policy_pairs.POLICY / "nanping-action-plan.txt").read_bytes())
        folders.append(folder)
    monkeypatch.setenv("DUIZHAO_POLICY_PAIRS", os.pathsep.join(
        [str(folders[0]), str(tmp_path / "no-such-folder"), str(folders[1])]))
    bench_main._policy_pairs()
    printed = capsys.readouterr().out
    assert printed.count("-- and the pairs in") == 2
    for folder in folders:
        section = printed.split(f"-- and the pairs in {folder} --")[1].split("--")[0]
        assert "nanping-action-plan" in section and "mean" in section
