"""The quality benchmark's scoring and baselines, on the real sample pair."""

from __future__ import annotations

import json

import pytest

from bench.quality import MATCHERS, sample_pair
from core.align import PreparedClause
from core.compare import compare_files
from core.model import Clause
from core.similarity import tokens
from tests.conftest import SAMPLES

NATIONAL_SAMPLE = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL_SAMPLE = SAMPLES / "provincial-opinion-sample.docx"
TRUTH = SAMPLES / "provincial-opinion-sample.truth.json"


def _true_additions() -> list[str]:
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    return ([a["text"] for a in truth["added"]]
            + [text for section in truth["added_sections"] for text in section["texts"]])


@pytest.mark.slow
def test_sample_pair_counts_the_sentences_of_added_sections_as_additions():
    true_additions = _true_additions()
    reported = [c.text for c in compare_files(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE).additions]
    _, additions = sample_pair(NATIONAL_SAMPLE, PROVINCIAL_SAMPLE, TRUTH)["duizhao"]
    assert additions.tp + additions.fn == len(true_additions)
    assert additions.fp == sum(not any(t in c or c in t for t in true_additions) for c in reported)


def test_baselines_read_raw_strings_not_the_engine_tokens():
    """A baseline answers the engine's questions from the raw text: localisation the engine
    folds away (全国 → 全省) costs a baseline something, and its phrases keep their wording."""
    national_text = "构建全国一体化政务大数据体系，加强数据治理。"
    provincial_text = "构建全省一体化政务大数据体系，加强数据治理。"
    national = PreparedClause(Clause("1-1", "1", national_text), tokens(national_text))
    provincial = PreparedClause(Clause("1-1", "1", provincial_text), tokens(provincial_text))
    for name in ("rapidfuzz-raw", "difflib"):
        matcher = MATCHERS[name]
        assert matcher.explained(national, provincial) < 1.0
        assert matcher.phrases(national) == ("构建全国一体化政务大数据体系", "加强数据治理")
        assert matcher.vote_weight(national) == len(national_text)
