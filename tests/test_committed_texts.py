"""The real texts committed for the tests are still the shared corpus's, word for word."""

from __future__ import annotations

import pytest

from tests.conftest import BRIEF_CORPUS, CORPUS
from tests.data.make_fixtures import policy_lines, policy_lines_from_corpus

pytestmark = pytest.mark.needs_corpus


def test_the_brief_texts_are_copies_of_the_shared_ones():
    committed = sorted(p.relative_to(BRIEF_CORPUS) for p in BRIEF_CORPUS.rglob("*.txt"))
    assert committed
    for name in committed:
        assert (BRIEF_CORPUS / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_the_cross_format_excerpt_is_the_one_the_fixtures_were_built_from():
    assert policy_lines() == policy_lines_from_corpus()
