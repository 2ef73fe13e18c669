"""Shared fixtures: where the real corpus lives, and small document builders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run without a display (CI, a plain `pytest` over ssh): without this Qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DUIZHAO_CORPUS", REPO.parent / "shared" / "corpus"))
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "samples"

GUIDELINE = CORPUS / "national-guideline-digital-government-2022.txt"
NEW_MEDIA_TXT = CORPUS / "policies" / "state-council-office-2018-123-government-new-media.txt"
NEW_MEDIA_HTML = CORPUS / "policies" / "state-council-office-2018-123-government-new-media.content.html"
LAWS = CORPUS / "laws"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus; every test that needs it fails loudly when it is missing."""
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS} (set DUIZHAO_CORPUS)")
    return CORPUS
