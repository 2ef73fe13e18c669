"""The bundled sample documents: they match their generator, are typeset properly, and agree
with the truth file that records the provincial edits."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SCRIPT = SAMPLES / "make_samples.py"
# The guideline came with the brief and is committed: the generator reads it from here.
CORPUS = REPO / "tests" / "data" / "corpus"
CORPUS_FILE = CORPUS / "national-guideline-digital-government-2022.txt"

NATIONAL = "national-guideline-sample.docx"
PROVINCIAL = "provincial-opinion-sample.docx"
TRUTH = "provincial-opinion-sample.truth.json"
DOCUMENTS = [NATIONAL, PROVINCIAL]

# Title, 文号 and addressee open the document; issuer, date and 此件公开发布 close it.
HEAD, TAIL = 3, 3

EXPECTED_FONTS = {
    "Title": ("方正小标宋简体", False),
    "Heading 1": ("黑体", False),
    "Heading 2": ("楷体_GB2312", False),
    "Heading 3": ("仿宋_GB2312", True),
    "Normal": ("仿宋_GB2312", False),
}
LABELS = {
    "Heading 1": re.compile(r"^[一二三四五六七八九十]+、"),
    "Heading 2": re.compile(r"^（[一二三四五六七八九十]+）"),
    "Heading 3": re.compile(r"^\d+\."),
}


def paragraph_texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(str(path)).paragraphs]


def document_text(path: Path) -> str:
    return "\n".join(paragraph_texts(path))


def run(*args: str) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    run("--corpus", str(CORPUS), "--out", str(out))
    return out


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((SAMPLES / TRUTH).read_text(encoding="utf-8"))


# --- the committed files are what the script makes -------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_committed_document_matches_generator(regenerated, name):
    assert paragraph_texts(regenerated / name) == paragraph_texts(SAMPLES / name)


def test_committed_truth_matches_generator(regenerated):
    generated = json.loads((regenerated / TRUTH).read_text(encoding="utf-8"))
    committed = json.loads((SAMPLES / TRUTH).read_text(encoding="utf-8"))
    assert generated == committed


def test_generator_is_byte_deterministic(regenerated, tmp_path):
    run("--corpus", str(CORPUS), "--out", str(tmp_path))
    for name in [*DOCUMENTS, TRUTH]:
        assert (tmp_path / name).read_bytes() == (regenerated / name).read_bytes(), name


def test_generator_refuses_a_missing_corpus(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--corpus", str(tmp_path), "--out", str(tmp_path)],
        capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "not found" in result.stderr
    assert not list(tmp_path.iterdir())


# --- the national sample is the corpus text, typeset -----------------------------------------


def test_national_body_is_the_corpus_wording():
    corpus = [line.strip() for line in CORPUS_FILE.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    texts = paragraph_texts(SAMPLES / NATIONAL)

    def wording(text: str) -> str:
        # Only punctuation width and the space after an item's "1." may differ.
        return re.sub(r"\s", "", text.translate(str.maketrans("，（）；：？！", ",();:?!")))

    assert [wording(t) for t in [texts[0], *texts[HEAD:-TAIL]]] == [wording(line) for line in corpus]


def test_national_sample_uses_full_width_punctuation():
    for text in paragraph_texts(SAMPLES / NATIONAL):
        body = re.sub(r"^\d+\.", "", text)  # an item's "1." keeps its ASCII dot
        assert not re.search(r"[,;:?!()]", body), text
    texts = paragraph_texts(SAMPLES / NATIONAL)
    assert "（一）发展现状。" in texts
    assert "1.指导思想。" in texts


@pytest.mark.parametrize(("name", "head", "tail"), [
    (NATIONAL,
     ["国务院关于加强数字政府建设的指导意见", "国发〔2022〕14号",
      "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："],
     ["国务院", "2022年6月6日", "（此件公开发布）"]),
    (PROVINCIAL,
     ["示例省人民政府关于加强数字政府建设的实施意见（示例文本）", "示政发〔2023〕1号",
      "各市（州）人民政府，省政府各部门："],
     ["示例省人民政府", "2023年3月1日", "（此件公开发布）"]),
])
def test_head_and_tail(name, head, tail):
    texts = paragraph_texts(SAMPLES / name)
    assert texts[:HEAD] == head
    assert texts[-TAIL:] == tail


def test_provincial_is_marked_as_a_sample():
    document = Document(str(SAMPLES / PROVINCIAL))
    assert "示例文本" in document.paragraphs[0].text
    assert "示例文本" in document.core_properties.title


def test_provincial_preamble_cites_the_national_guideline():
    preamble = paragraph_texts(SAMPLES / PROVINCIAL)[HEAD]
    assert "《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）" in preamble
    assert preamble.endswith("结合我省实际，现提出如下实施意见。")


# --- typesetting -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_is_a4_with_official_margins(name):
    section = Document(str(SAMPLES / name)).sections[0]

    def cm(length) -> float:
        return round(length.cm, 2)  # Word stores twips: 21 cm comes back as 21.0004

    assert (cm(section.page_width), cm(section.page_height)) == (21, 29.7)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [cm(m) for m in margins] == [3.7, 3.5, 2.8, 2.6]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_run_names_its_east_asian_font(name):
    document = Document(str(SAMPLES / name))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    runs += [run for paragraph in document.sections[0].footer.paragraphs for run in paragraph.runs]
    assert runs
    for run in runs:
        fonts = run._element.rPr.rFonts
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fonts_follow_the_paragraph_kind(name):
    for paragraph in Document(str(SAMPLES / name)).paragraphs:
        font, bold = EXPECTED_FONTS[paragraph.style.name]
        for run in paragraph.runs:
            assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == font, paragraph.text
            assert bool(run.bold) == bold, paragraph.text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_headings_carry_typed_labels_and_outline_levels(name):
    document = Document(str(SAMPLES / name))
    for level, style_name in enumerate(["Heading 1", "Heading 2", "Heading 3"]):
        outline = document.styles[style_name].element.pPr.find(qn("w:outlineLvl"))
        assert outline is not None and outline.get(qn("w:val")) == str(level)
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style in LABELS:
            assert LABELS[style].match(paragraph.text), paragraph.text
        else:
            assert not any(label.match(paragraph.text) for label in LABELS.values()), paragraph.text
        # No Word auto-numbering: the label is typed in the text.
        assert paragraph._p.pPr is None or paragraph._p.pPr.numPr is None


def test_national_outline_has_the_guideline_structure():
    styles = [p.style.name for p in Document(str(SAMPLES / NATIONAL)).paragraphs]
    assert (styles.count("Heading 1"), styles.count("Heading 2"), styles.count("Heading 3")) == (8, 31, 3)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_body_is_fixed_28pt_with_two_character_indent(name):
    normal = Document(str(SAMPLES / name)).styles["Normal"]
    fmt = normal.paragraph_format
    assert fmt.line_spacing.pt == 28
    assert normal.font.size.pt == 16
    assert normal.element.pPr.ind.get(qn("w:firstLineChars")) == "200"


# --- the truth file ---------------------------------------------------------------------------


def test_truth_records_enough_edits_of_each_kind(truth):
    assert len(truth["omitted"]) >= 8
    assert len({o["national_section"].split("、")[0] for o in truth["omitted"]}) >= 4
    assert len(truth["omitted_sections"]) >= 1
    assert len(truth["weakened"]) >= 6
    assert {w["kind"] for w in truth["weakened"]} >= {"binding", "term", "deadline"}
    assert len(truth["merged"]) >= 1 and len(truth["merged"][0]["national_sections"]) == 2
    assert len(truth["moved"]) >= 1
    assert len(truth["added"]) >= 6
    assert len(truth["added_sections"]) >= 1


def test_omitted_texts_are_national_and_not_provincial(truth):
    national = document_text(SAMPLES / NATIONAL)
    provincial = document_text(SAMPLES / PROVINCIAL)
    for item in truth["omitted"]:
        assert item["text"] in national, item
        assert item["text"] not in provincial, item


def test_weakened_texts_are_quoted_from_each_document(truth):
    national = document_text(SAMPLES / NATIONAL)
    provincial = document_text(SAMPLES / PROVINCIAL)
    for item in truth["weakened"]:
        assert item["national_text"] in national, item
        assert item["provincial_text"] in provincial, item
        assert item["national_text"] != item["provincial_text"]


def test_added_texts_are_provincial_only(truth):
    national = document_text(SAMPLES / NATIONAL)
    provincial = document_text(SAMPLES / PROVINCIAL)
    added = [item["text"] for item in truth["added"]]
    added += [text for section in truth["added_sections"] for text in section["texts"]]
    for text in added:
        assert text in provincial, text
        assert text not in national, text


def test_truth_sections_name_real_headings(truth):
    national = set(paragraph_texts(SAMPLES / NATIONAL))
    provincial = set(paragraph_texts(SAMPLES / PROVINCIAL))
    for item in truth["omitted_sections"]:
        assert any(item["title"] in t for t in national), item
    for item in truth["added_sections"]:
        assert any(item["title"] in t for t in provincial), item
    for item in truth["merged"]:
        assert any(item["provincial_title"] in t for t in provincial), item
    for item in truth["moved"]:
        assert any(item["title"] in t for t in national & provincial), item
