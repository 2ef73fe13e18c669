"""One short policy document in six forms reads to the same paragraphs."""

from __future__ import annotations

import pytest

from core.read import SUPPORTED_EXTENSIONS, read_document
from tests.conftest import DATA
from tests.data.make_fixtures import policy_lines

FORMS = {
    "policy-typed.docx": "docx",
    "policy-autonum.docx": "docx",
    "policy.pdf": "pdf",
    "policy.ofd": "ofd",
    "policy-gb18030.txt": "txt",
    "policy.html": "html",
}


def _texts(name: str) -> list[str]:
    # Word-generated numbering is not in the text: put the label back in front of it, as Word
    # shows it, so every form can be compared with the typed text.
    return [p.numbering + p.text for p in read_document(DATA / name).paragraphs]


def test_all_six_forms_read_to_the_same_paragraph_texts():
    # The PDF needs no exception: running header, "— N —" page numbers, line breaks inside
    # paragraphs and paragraphs across page breaks are all undone by the reader; the OFD file,
    # converted from the PDF by another program, keeps them all too.
    expected = policy_lines()
    assert {name: _texts(name) for name in FORMS} == {name: expected for name in FORMS}


@pytest.mark.parametrize(("name", "format_name"), FORMS.items())
def test_format_names(name, format_name):
    assert read_document(DATA / name).format == format_name


@pytest.mark.parametrize("name", ["policy-typed.docx", "policy-autonum.docx", "policy.pdf", "policy.ofd",
                                  "policy.html"])
def test_title_is_centered_and_bold_where_the_format_can_say_so(name):
    title = read_document(DATA / name).paragraphs[0]
    assert title.text == policy_lines()[0]
    assert title.centered and title.bold


def test_word_numbering_only_in_the_autonumbered_form():
    typed = read_document(DATA / "policy-typed.docx").paragraphs
    autonum = read_document(DATA / "policy-autonum.docx").paragraphs
    assert not any(p.numbering for p in typed)
    assert [p.numbering for p in autonum if p.numbering][:3] == ["一、", "（一）", "（二）"]


def test_supported_extensions_cover_every_reader():
    assert set(SUPPORTED_EXTENSIONS) == {".docx", ".doc", ".wps", ".pdf", ".ofd", ".txt", ".html", ".htm", ".mht", ".mhtml"}
    assert all(extension.startswith(".") and extension.islower() for extension in SUPPORTED_EXTENSIONS)
