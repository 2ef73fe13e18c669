"""A short run of the reader fuzzer (tests/hostile/fuzz.py) per format: nothing escapes."""

from __future__ import annotations

import pytest

from tests.hostile.fuzz import run


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_fuzzed_files_are_read_or_refused_with_a_typed_error(fmt):
    tally = run(fmt, 1.5, chunk=10, at_least=5)
    assert tally.examples >= 5
    assert tally.escaped == [], tally.escaped[0][0]
    assert tally.read + tally.refused == tally.examples
