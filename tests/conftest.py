"""Shared fixtures: where the real texts live, and the skip rule for those a clone lacks.

Two kinds of real text:

* the national guideline (国发〔2022〕14号) came with the project brief and is committed in
  ``tests/data/corpus/``: tests that use it run everywhere, a bare clone included;
* the statutes, policies, domain texts and real pairs of ``../shared/corpus/`` may not be
  committed. A test that reads them asks for the ``corpus`` fixture or carries the
  ``needs_corpus`` marker; when that folder is absent (a user's clone) it is skipped with the
  reason, so ``make test`` passes anyway. ``DUIZHAO_CORPUS=/path`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run without a display (CI, a plain `pytest` over ssh): without this Qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "samples"

# The shared corpus beside the clone (absent in a bare clone).
CORPUS = Path(os.environ.get("DUIZHAO_CORPUS", REPO.parent / "shared" / "corpus"))
NEW_MEDIA_TXT = CORPUS / "policies" / "state-council-office-2018-123-government-new-media.txt"
NEW_MEDIA_HTML = CORPUS / "policies" / "state-council-office-2018-123-government-new-media.content.html"
LAWS = CORPUS / "laws"

# The brief's texts, committed: always present.
BRIEF_CORPUS = DATA / "corpus"
GUIDELINE = BRIEF_CORPUS / "national-guideline-digital-government-2022.txt"


def corpus_missing_reason() -> str | None:
    """Why tests of the shared corpus cannot run here, or None when they can."""
    if CORPUS.is_dir():
        return None
    return f"needs the shared corpus, not found at {CORPUS} (a bare clone has none; set DUIZHAO_CORPUS)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests of the corpus (skipped without one) and LibreOffice's tests (slow)."""
    reason = corpus_missing_reason()
    for item in items:
        if "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.needs_corpus)
        if item.get_closest_marker("soffice"):
            item.add_marker(pytest.mark.slow)  # LibreOffice takes seconds to start
        if reason and item.get_closest_marker("needs_corpus"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus folder (tests asking for it are skipped when it is absent)."""
    reason = corpus_missing_reason()
    if reason:  # only reached when the collection hook was bypassed
        pytest.skip(reason)
    return CORPUS
