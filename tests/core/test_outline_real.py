"""Outlines of real documents of the domain corpus, read by hand and pinned.

Each document listed in ``tests/data/domain-outline-pins.json`` was outlined with
``duizhao outline`` and read beside its text: parts, sections, items, chapters and articles as
printed (continuous （一） numbering, chapters lost in the copy, tables of contents, misprinted
numbering words, attachments). What is pinned holds no corpus text: ids, numbering labels,
counts, lengths and SHA-1 digests of the title and of the whole outline (titles, paragraphs and
sentences included), so any change to the outline of these documents shows here.

The corpus may not be committed: without ``../shared/corpus/domain`` these tests skip.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from core.model import Outline
from core.outline import outline_document
from core.read import read_document
from tests.conftest import CORPUS, DATA

DOMAIN = CORPUS / "domain"
PINS = json.loads((DATA / "domain-outline-pins.json").read_text(encoding="utf-8"))

pytestmark = [
    pytest.mark.needs_corpus,
    pytest.mark.skipif(not (DOMAIN / "index.tsv").is_file(),
                       reason=f"needs the domain corpus, not found at {DOMAIN}"),
]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def summary(outline: Outline) -> dict[str, object]:
    """What is pinned of an outline: structure, counts and digests, no text of the document."""
    numbered = [s for s in outline.sections if s.id != "0"]
    articles = [s.label for s in numbered if s.kind == "article"]
    whole = json.dumps([(s.id, s.label, s.title, s.level, s.kind, s.number, s.parent, s.paragraphs,
                         [c.text for c in s.clauses]) for s in outline.sections], ensure_ascii=False)
    return {
        "grammar": outline.grammar,
        "title": [len(outline.title), _sha1(outline.title)],
        "doc_number": _sha1(outline.doc_number) if outline.doc_number else "",
        "headings": [f"{s.id} {s.label}" for s in numbered if s.kind != "article"],
        "articles": [len(articles), articles[0] if articles else "", articles[-1] if articles else "",
                     _sha1("|".join(articles))],
        "counts": {"sections": len(numbered), "sentences": len(outline.clauses()),
                   "preamble": len(outline.section("0").paragraphs) if outline.sections and
                   outline.sections[0].id == "0" else 0,
                   "front": len(outline.front_matter), "tail": len(outline.tail),
                   "warnings": len(outline.warnings)},
        "digest": _sha1(whole),
    }


def test_at_least_thirty_policies_and_thirty_laws_are_pinned():
    kinds = [name.split("/")[0] for name in PINS]
    assert kinds.count("policies") >= 30 and kinds.count("laws") >= 30


@pytest.mark.parametrize("name", sorted(PINS))
def test_a_pinned_document_gives_its_exact_outline(name):
    outline = outline_document(read_document(DOMAIN / name))
    assert summary(outline) == PINS[name]


def test_continuous_section_numbering_of_a_state_council_notice():
    # 国发〔2018〕38号 numbers its 53 measures （一）–（五十三） straight through five parts.
    outline = outline_document(read_document(DOMAIN / "policies" / "国发〔2018〕38号.txt"))
    sections = [s for s in outline.sections if s.level == 2]
    assert [s.number for s in sections] == list(range(1, 54))
    assert [len(outline.children(str(n))) for n in range(1, 6)] == [16, 19, 12, 6, 0]
    assert outline.warnings == ()


def test_a_misprinted_article_number_is_its_own_article():
    outline = outline_document(read_document(
        DOMAIN / "laws" / "重庆-彭水苗族土家族自治县城乡建设管理条例(2013-05-31).txt"))
    numbers = [s.number for s in outline.sections if s.kind == "article"]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [w for w in outline.warnings if "误印" in w] == [
        "编号疑似误印：“第三十－条”按“第三十一条”读取。", "编号疑似误印：“第五十－条”按“第五十一条”读取。"]
