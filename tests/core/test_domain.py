"""The field's word statistics: shipped with the project, built deterministically by its script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.domain import commonness, document_frequency, formula_factor

REPO = Path(__file__).resolve().parents[2]


def test_the_shipped_statistics_tell_formulas_from_content_terms():
    documents, counts = document_frequency()
    assert documents > 3000 and len(counts) > 10000
    # 依法 stands in most laws; 营商环境 in few: the formula keeps far less of its weight.
    assert commonness("依法") > 0.5 > commonness("营商环境")
    assert formula_factor("依法", floor=0.4) < 0.5 < formula_factor("营商环境", floor=0.4)
    assert formula_factor("一个从未出现的词", floor=0.4) == 1.0
    assert 0.4 <= min(formula_factor(w, floor=0.4) for w in list(counts)[:50])


@pytest.mark.slow
def test_the_build_script_is_deterministic_and_stores_only_words(tmp_path):
    corpus = tmp_path / "domain"
    (corpus / "laws").mkdir(parents=True)
    texts = ["第一条 县级以上人民政府应当依法加强水质监测。", "第二条 任何单位和个人不得破坏监测设施。",
             "第三条 县级以上人民政府应当依法公开监测信息。"]
    for number, text in enumerate(texts):
        (corpus / "laws" / f"law-{number}.txt").write_text(text + "\n", encoding="utf-8")
    built = []
    for attempt in range(2):
        output = tmp_path / f"out-{attempt}"
        subprocess.run([sys.executable, str(REPO / "scripts" / "build_domain_resource.py"),
                        str(corpus), str(output)], check=True, capture_output=True)
        built.append((output / "document_frequency.tsv").read_bytes())
    assert built[0] == built[1]
    lines = built[0].decode("utf-8").splitlines()
    assert lines[0] == "#documents\t3"
    rows = dict(line.split("\t") for line in lines[1:])
    assert rows["依法"] == "2" and "水质" not in rows   # found in one document only: left out
    assert all(len(word) <= 12 for word in rows)
