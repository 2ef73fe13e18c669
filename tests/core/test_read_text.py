""".txt files in every encoding Chinese offices produce, and pasted text."""

from __future__ import annotations

import codecs

import pytest

from core.errors import EmptyDocumentError
from core.read import read_document, read_text
from core.read.normalize import normalize_paragraph_text
from tests.conftest import DATA, NEW_MEDIA_TXT
from tests.data.make_fixtures import policy_lines

SAMPLE = "国务院关于加强数字政府建设的指导意见\n国发〔2022〕14号\n一、发展现状和总体要求\n（一）发展现状。\n"
SAMPLE_LINES = ["国务院关于加强数字政府建设的指导意见", "国发〔2022〕14号", "一、发展现状和总体要求", "（一）发展现状。"]


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: the NULs of "\n" and digits give it away
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),  # GBK is a subset of GB18030 and decodes the same
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "gb18030", "gbk"],
)
def test_encodings_are_detected(tmp_path, raw, encoding):
    path = tmp_path / "policy.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.format == "txt"
    assert document.encoding == encoding
    assert [p.text for p in document.paragraphs] == SAMPLE_LINES
    assert document.warnings == ()


def test_gb18030_four_byte_characters(tmp_path):
    # 𠀀 (U+20000) and the euro sign are outside GBK; GB18030 encodes them in four bytes.
    path = tmp_path / "rare.txt"
    path.write_bytes("关于𠀀字和€符号的说明\n第二行内容".encode("gb18030"))
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert document.paragraphs[0].text == "关于𠀀字和€符号的说明"


def test_committed_gb18030_fixture_with_crlf():
    document = read_document(DATA / "policy-gb18030.txt")
    assert document.encoding == "gb18030"
    assert [p.text for p in document.paragraphs] == policy_lines()


@pytest.mark.needs_corpus
def test_corpus_file_reads_line_by_line():
    document = read_document(NEW_MEDIA_TXT)
    assert document.encoding == "utf-8"
    assert [p.text for p in document.paragraphs] == NEW_MEDIA_TXT.read_text(encoding="utf-8").splitlines()


def test_every_kind_of_line_break_splits(tmp_path):
    path = tmp_path / "breaks.TXT"  # extensions are case-insensitive
    path.write_bytes("甲\r\n乙\r丙\n丁\u2028戊\u2029己\n\n\n庚".encode("utf-8"))
    assert [p.text for p in read_document(path).paragraphs] == list("甲乙丙丁戊己庚")


def test_damaged_utf8_is_read_with_a_warning(tmp_path):
    data = ("各地区各部门要建立健全数字政府建设领导协调机制，强化统筹规划。" * 40).encode("utf-8")
    damaged = data[:500] + b"\xff" + data[500:]
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    document = read_document(path)
    assert document.encoding == "utf-8"
    assert len(document.warnings) == 1 and "无法识别" in document.warnings[0]


def test_big5_text_is_not_taken_for_gb18030_silently(tmp_path):
    text = "國務院關於加強數字政府建設的指導意見。各地區各部門要建立健全數字政府建設領導協調機制，強化統籌規劃，明確職責分工。\n" * 5
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    document = read_document(path)
    # Whatever the detector decides, a guess is never silent.
    assert document.warnings
    assert document.encoding != "gb18030"
    assert document.paragraphs[0].text.startswith("國務院關於")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\u3000\u3000一、总体要求\u3000 ", "一、总体要求"),
        ("\u00a0\u00a0（一）指导思想。\u00a0", "（一）指导思想。"),
        ("\u200b\ufeff第一条\u200b 为了规范", "第一条为了规范"),
        ("国 务 院  办 公 厅", "国务院办公厅"),
        ("推进 5G 网络建设", "推进 5G 网络建设"),  # spaces next to Latin text are kept
        ("open  data", "open  data"),
        ("(一)指导思想,坚持; 全面", "(一)指导思想,坚持; 全面"),  # half-width punctuation kept as is
        ("１．坚持（１）", "１．坚持（１）"),  # and full width too
    ],
)
def test_paragraph_text_cleaning(raw, clean):
    assert normalize_paragraph_text(raw) == clean


def test_pasted_text_splits_like_a_txt_file():
    document = read_text("\ufeff  标题\r\n\r\n一、总体要求\u2028（一）指导思想。  \n", name="粘贴的文本")
    assert document.format == "text"
    assert document.path == "粘贴的文本"
    assert document.encoding is None
    assert [p.text for p in document.paragraphs] == ["标题", "一、总体要求", "（一）指导思想。"]


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\u3000\u00a0\t\u200b"])
def test_empty_pasted_text_is_refused_in_chinese(text):
    with pytest.raises(EmptyDocumentError) as caught:
        read_text(text)
    assert "为空" in caught.value.message


_STATUTE = ("西岭省法律援助条例\n第一章　总　　则\n"
            "第一条　为了规范和促进法律援助工作，保障公民和有关当事人的合法权益，维护社会公平正义，根据《中华人民共和国法律援助法》等法律、行政法规，结合本省实际，制定本条例。\n"
            "第二条　本省行政区域内的法律援助及其相关保障、监督管理工作，适用本条例。\n"
            "第三条　县级以上人民政府应当将法律援助工作纳入国民经济和社会发展规划、基本公共服务体系，将法律援助相关经费列入本级政府预算，建立动态调整机制。\n"
            "省人民政府可以设立法律援助专项资金，对经济欠发达地区的法律援助工作给予补助。\n"
            "第四条　县级以上人民政府司法行政部门指导、监督本行政区域的法律援助工作。县级以上人民政府财政、人力资源社会保障、民政、卫生健康等部门依照各自职责，为法律援助工作提供支持和保障（以下统称有关部门）。\n"
            "第五条　人民法院、人民检察院、公安机关应当在各自职责范围内保障当事人依法获得法律援助，为法律援助人员开展工作提供便利。\n"
            "第六条　县级以上人民政府司法行政部门应当设立法律援助机构。法律援助机构负责组织实施法律援助工作，受理、审查法律援助申请，指派法律援助人员提供法律援助，支付法律援助补贴。\n"
            "第七条　法律援助机构可以在乡镇（街道）、村（社区）设置法律援助工作站或者联络点，就近受理法律援助申请。\n"
            "第八条　律师事务所、基层法律服务所、律师、基层法律服务工作者负有依法提供法律援助的义务。\n"
            "每名执业律师每年应当办理不少于两件法律援助案件。\n")


def _hard_wrapped(text: str, width: int = 24) -> str:
    """The text as a PDF viewer copies it: every line cut at one width, whatever it says."""
    lines = []
    for line in text.splitlines():
        lines.extend(line[start:start + width] for start in range(0, len(line), width))
    return "\n".join(lines)


def test_text_copied_out_of_a_pdf_is_joined_back_into_its_paragraphs(tmp_path):
    """Every line of a hard-wrapped statute was a 款 of its own (……合法权益， / 维护社会公平正义，……)."""
    path = tmp_path / "copied.txt"
    path.write_text(_hard_wrapped(_STATUTE), encoding="utf-8")
    for document in (read_document(path), read_text(_hard_wrapped(_STATUTE))):
        assert [p.text for p in document.paragraphs] == [normalize_paragraph_text(line) for line in _STATUTE.splitlines()]
        assert document.warnings[0].startswith("文字按固定宽度折行")
    # Written a paragraph a line, the same text is left as it is.
    assert read_text(_STATUTE).warnings == ()
    assert [p.text for p in read_text(_STATUTE).paragraphs] == [
        normalize_paragraph_text(line) for line in _STATUTE.splitlines()]


def test_a_word_file_of_lines_pasted_from_a_pdf_is_joined_back(tmp_path):
    import docx

    document = docx.Document()
    for line in _hard_wrapped(_STATUTE).splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "pasted.docx")
    read = read_document(tmp_path / "pasted.docx")
    assert [p.text for p in read.paragraphs] == [normalize_paragraph_text(line) for line in _STATUTE.splitlines()]
