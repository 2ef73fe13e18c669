"""The quality benchmark's scoring and baselines, on the real sample pair."""

from __future__ import annotations

from bench.quality import MATCHERS
from core.align import PreparedClause
from core.model import Clause
from core.similarity import tokens


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
