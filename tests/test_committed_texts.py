"""The real texts committed for the tests are the brief's, word for word, and no others are."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import BRIEF_CORPUS, CORPUS, REPO
from tests.data.make_fixtures import FULL_WIDTH, policy_lines, policy_lines_from_guideline

# A run this long shared with a text that may not be committed is a copied passage, not a
# common phrase (the corpus README allows derived resources phrases of up to 12 characters).
RUN = 20


@pytest.mark.needs_corpus
def test_the_brief_texts_are_copies_of_the_shared_ones():
    committed = sorted(p.relative_to(BRIEF_CORPUS) for p in BRIEF_CORPUS.rglob("*.txt"))
    assert committed
    for name in committed:
        assert (BRIEF_CORPUS / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_the_cross_format_excerpt_is_the_one_the_fixtures_were_built_from():
    assert policy_lines() == policy_lines_from_guideline()


def _text_of(path: Path) -> str:
    """The text a committed file shows a reader: Word XML, a PDF's text layer, or the bytes decoded."""
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(
                re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8", "replace"))
                for name in archive.namelist() if name.endswith(".xml")
            )
    if data[:5] == b"%PDF-":
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:  # encrypted: nothing to read without the password
            return ""
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # Word 97: the text is UTF-16 inside
        return data.decode("utf-16-le", "replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def _runs(text: str) -> set[str]:
    """Every RUN-character stretch of Chinese text, whitespace removed, punctuation in full width."""
    runs = set()
    for line in text.splitlines():
        line = re.sub(r"\s+", "", line).translate(FULL_WIDTH)
        runs.update(line[i:i + RUN] for i in range(len(line) - RUN + 1))
    return {run for run in runs if re.search(r"[\u4e00-\u9fff]{8}", run)}


@pytest.mark.needs_corpus
def test_fixtures_samples_and_resources_hold_no_text_that_may_not_be_committed():
    # ../shared/corpus/{laws,policies,real-pairs} may be read by tests but never committed
    # (its README); the guideline and articles of the brief may. Every committed file under
    # tests/data, samples and resources is read as a reader would see it: .docx XML, PDF
    # text layers, the UTF-16 text of a .doc, GB18030 text.
    listed = subprocess.run(["git", "ls-files", "-z", "tests/data", "samples", "resources"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    committed = {name: _runs(_text_of(REPO / name)) for name in listed if name and (REPO / name).is_file()}
    assert "tests/data/policy.pdf" in committed and committed["tests/data/policy.pdf"]
    allowed = set().union(*(_runs(p.read_text(encoding="utf-8")) for p in BRIEF_CORPUS.rglob("*.txt")))
    forbidden_files = [*CORPUS.glob("laws/*.txt"), *CORPUS.glob("policies/*"), *CORPUS.glob("real-pairs/texts/*.txt")]
    assert forbidden_files
    forbidden = set().union(*(_runs(p.read_text(encoding="utf-8")) for p in forbidden_files)) - allowed
    copied = {name: sorted(runs & forbidden)[:3] for name, runs in committed.items() if runs & forbidden}
    assert copied == {}
