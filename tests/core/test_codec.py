"""The project codec gives back exactly the values it was given."""

from __future__ import annotations

import dataclasses
import json

import pytest

from core.codec import (CODEC_VERSION, CodecError, clause_to_record, comparison_from_record,
                        comparison_to_record, decision_from_record, decision_to_record,
                        finding_to_record, outline_to_record, section_to_record)
from core.compare import compare_files
from core.model import (Clause, ClauseFinding, Comparison, Gap, Match, Outline, ReviewDecision,
                        Section, SectionAlignment, Status)
from tests.conftest import LAWS

NATIONAL = LAWS / "national-optimizing-business-environment-regulation-2019.txt"
SHANGHAI = LAWS / "shanghai-optimizing-business-environment-regulation-2020.txt"


@pytest.fixture(scope="module")
def statute_comparison(corpus) -> Comparison:
    return compare_files(NATIONAL, SHANGHAI)


def _through_json(record: dict) -> dict:
    # A record must survive JSON text exactly as the project file stores it.
    return json.loads(json.dumps(record, ensure_ascii=False, allow_nan=False))


def test_real_comparison_round_trips(statute_comparison):
    comparison = statute_comparison
    assert comparison.clauses and comparison.additions and comparison.provincial.sections
    record = _through_json(comparison_to_record(comparison))
    assert record["codec"] == CODEC_VERSION
    back = comparison_from_record(record)
    assert back == comparison
    assert back.summary == comparison.summary


def test_types_come_back_as_tuples_and_statuses(statute_comparison):
    back = comparison_from_record(_through_json(comparison_to_record(statute_comparison)))
    assert isinstance(back.sections, tuple) and isinstance(back.clauses, tuple)
    assert isinstance(back.parameters, tuple) and all(isinstance(p, tuple) for p in back.parameters)
    assert all(type(f.status) is Status for f in back.clauses)
    assert all(type(s.status) is Status for s in back.sections)
    assert all(isinstance(s.provincial, tuple) for s in back.sections)
    assert all(isinstance(s.clauses, tuple) and isinstance(s.paragraphs, tuple)
               for s in back.national.sections)
    finding = next(f for f in back.clauses if f.matches)
    assert isinstance(finding.matches, tuple) and isinstance(finding.matches[0], Match)
    assert isinstance(finding.matches[0].clause.targets, tuple)
    assert hash(back) == hash(statute_comparison)


def _every_field_set() -> Comparison:
    """A small comparison in which no field keeps its default, so nothing can be dropped unseen."""
    national_clause = Clause(id="1.1-2", section="1.1", text="到2025年，政务服务事项全面实现“一网通办”。",
                             paragraph=2, item="一是", responsibility=("省发展改革委", "省数据局"),
                             deadline="2025年底前", targets=("到2025年", "80%"),
                             lead_units=("省发展改革委",), support_units=("省数据局",))
    provincial_clause = Clause(id="2.1-1", section="2.1", text="力争到2026年基本实现网上办理。",
                               paragraph=1, item="（一）", responsibility=("省政务服务局",),
                               deadline="2026年底前", targets=("到2026年",))
    addition = Clause(id="3-1", section="3", text="建设高原特色数字乡村。", paragraph=3)
    national = Outline(path="/tmp/国家.docx", format="docx", grammar="policy", title="指导意见",
                       doc_number="国发〔2022〕14号", addressees="各省、自治区、直辖市人民政府：",
                       front_matter=("（2022年6月6日）",),
                       sections=(Section(id="0", label="", title="", level=0, kind="preamble",
                                         paragraphs=("导语。",)),
                                 Section(id="1", label="一、", title="总体要求", level=1,
                                         kind="part", number=1),
                                 Section(id="1.1", label="（一）", title="目标", level=2,
                                         kind="section", number=1, parent="1",
                                         paragraphs=("正文。", "第二段。"),
                                         clauses=(national_clause,))),
                       tail=("国务院", "2022年6月6日"), warnings=("编号不连续",))
    provincial = Outline(path="", format="text", grammar="plain", title="实施意见",
                         sections=(Section(id="2.1", label="（一）", title="", level=2,
                                           kind="section", number=1, parent="2",
                                           clauses=(provincial_clause,)),
                                   Section(id="3", label="三、", title="新增", level=1, kind="part",
                                           number=3, clauses=(addition,))))
    finding = ClauseFinding(clause=national_clause, status=Status.PARTIAL, score=55.25,
                            matches=(Match(provincial_clause, 55.25), Match(addition, 1 / 3)),
                            gaps=(Gap("binding", "全面", "力争"), Gap("number", "2025年")))
    return Comparison(national=national, provincial=provincial,
                      sections=(SectionAlignment("1.1", ("2.1", "3"), 55.25, Status.PARTIAL),),
                      clauses=(finding,), additions=(addition,), engine="test engine/9",
                      parameters=(("covered", 62.0), ("candidates", 12.0)),
                      warnings=("两份文件的编号体例不同",))


def test_every_field_survives():
    comparison = _every_field_set()
    assert comparison_from_record(_through_json(comparison_to_record(comparison))) == comparison


@pytest.mark.parametrize("value, to_record", [
    (_every_field_set().national.sections[2].clauses[0], clause_to_record),
    (_every_field_set().national.sections[2], section_to_record),
    (_every_field_set().national, outline_to_record),
    (_every_field_set().clauses[0], finding_to_record),
    (ReviewDecision("N1-1"), decision_to_record),
])
def test_records_name_every_field(value, to_record):
    # A field added to the model and forgotten here would be lost without any test failing.
    names = {f.name for f in dataclasses.fields(value)}
    assert names <= set(to_record(value))


def test_every_comparison_field_is_stored():
    record = comparison_to_record(_every_field_set())
    assert {f.name for f in dataclasses.fields(Comparison)} <= set(record)


@pytest.mark.parametrize("decision", [
    ReviewDecision("N2.1-3"),
    ReviewDecision("N2.1-3", status=Status.COVERED, match="P3.2-1", note="已在第三部分体现",
                   reviewer="张三", decided_at="2024-05-01T10:00:00+08:00"),
    ReviewDecision("P5.4-1", not_applicable=True, note="本省特色"),
])
def test_decisions_round_trip(decision):
    assert decision_from_record(_through_json(decision_to_record(decision))) == decision


def test_newer_or_foreign_records_are_refused():
    record = comparison_to_record(_every_field_set())
    with pytest.raises(CodecError):
        comparison_from_record(record | {"codec": CODEC_VERSION + 1})
    with pytest.raises(CodecError):
        comparison_from_record({"schema": "duizhao.compare/1"})
    broken = dict(record)
    del broken["clauses"]
    with pytest.raises(CodecError):
        comparison_from_record(broken)
