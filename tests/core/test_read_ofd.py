"""OFD files (GB/T 33190): the text of their pages read back into the paragraphs of the document.

The statute files here are written by ``write_ofd`` as the standard lays them out (its namespace,
a DocBody naming Document.xml, fonts in PublicRes, a template page, relative and absolute
locations, DeltaX runs "g N d"), with what OFD producers do to official documents: a line made
of several TextObjects (the article number in 黑体), characters placed one TextCode each, page
numbers, a turned watermark. policy.ofd, written by another program, is read in
test_read_formats.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from core.compare import compare_files, load_outline
from core.errors import DocumentReadError, EncryptedDocumentError, NoTextLayerError
from core.read import read_document
from core.read.normalize import normalize_paragraph_text
from core.read.ofd import BROKEN_MESSAGE
from tests.conftest import DATA

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # 三号 (16 pt) in millimetres
PITCH = 10.0
LEFT, TOP, WIDTH = 27.0, 37.0, 156.0
PER_LINE = int(WIDTH // SIZE)  # characters of a full line
LINES_PER_PAGE = 22

# A fictional statute, in the shape real ones have.
STATUTE = [
    ("title", "示例省公共数据管理条例"),
    ("heading", "第一章　总则"),
    ("article", "第一条　为了加强公共数据管理，促进公共数据有序流动和开发利用，提升政府治理能力和公共服务水平，"
                "根据有关法律、行政法规，结合本省实际，制定本条例。"),
    ("article", "第二条　本省行政区域内公共数据的收集、归集、共享、开放及其安全管理等活动，适用本条例。"),
    ("heading", "第二章　数据归集与共享"),
    ("article", "第三条　县级以上人民政府应当加强对公共数据工作的领导，建立健全公共数据管理协调机制，"
                "将公共数据工作纳入国民经济和社会发展规划，所需经费列入本级财政预算。"),
    ("article", "第四条　公共管理和服务机构应当按照公共数据目录，通过一体化数据资源平台归集公共数据，"
                "确保数据真实、准确、完整，并及时更新；不得重复收集可以通过共享获取的数据。"),
    ("article", "第五条　公共数据以共享为原则，不共享为例外。无条件共享的公共数据，应当在提出申请后"
                "即时提供；有条件共享的公共数据，提供单位应当自收到申请之日起五个工作日内予以答复。"),
    ("heading", "第三章　附则"),
    ("article", "第六条　本条例自2027年1月1日起施行。"),
]


def _root(tag: str, body: str, **attributes: str) -> bytes:
    extra = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f'<?xml version="1.0" encoding="UTF-8"?><ofd:{tag} xmlns:ofd="{NS}"{extra}>{body}</ofd:{tag}>'.encode()


def _text_object(ident: int, left: float, top: float, text: str, *, font: int = 2, per_char: bool = False,
                 ctm: str | None = None) -> str:
    width = SIZE * len(text)
    matrix = f' CTM="{ctm}"' if ctm else ""
    if per_char:  # one TextCode a character, each placed on its own, no DeltaX
        codes = "".join(f'<ofd:TextCode X="{index * SIZE:.3f}" Y="{SIZE}">{char}</ofd:TextCode>'
                        for index, char in enumerate(text))
    else:
        delta = f' DeltaX="g {len(text) - 1} {SIZE}"' if len(text) > 1 else ""
        codes = f'<ofd:TextCode X="0" Y="{SIZE}"{delta}>{text}</ofd:TextCode>'
    return (f'<ofd:TextObject ID="{ident}" Boundary="{left:.3f} {top:.3f} {width:.3f} {SIZE * 1.2:.3f}" '
            f'Font="{font}" Size="{SIZE}"{matrix}>{codes}</ofd:TextObject>')


def _lines_of(kind: str, text: str) -> list[tuple[float, str, int]]:
    """(left, text, font) of each printed line of a paragraph: titles centred, headings centred
    in 黑体, articles with a two-character first-line indent, wrapped at the text block's edge."""
    if kind in ("title", "heading"):
        return [(LEFT + (WIDTH - SIZE * len(text)) / 2, text, 3)]
    lines, rest, first = [], text, True
    while rest:
        room = PER_LINE - 2 if first else PER_LINE
        lines.append((LEFT + (2 * SIZE if first else 0.0), rest[:room], 2))
        rest, first = rest[room:], False
    return lines


def write_ofd(path: Path, paragraphs=STATUTE, *, watermark: bool = True, absolute_pages: bool = True) -> Path:
    """An OFD file of ``paragraphs`` laid out on A4 pages, with page numbers "— N —"."""
    printed = [line for kind, text in paragraphs for line in _lines_of(kind, text)]
    pages = [printed[start:start + LINES_PER_PAGE] for start in range(0, len(printed), LINES_PER_PAGE)]
    ident = 100
    contents = []
    for number, lines in enumerate(pages, start=1):
        objects = []
        for row, (left, text, font) in enumerate(lines):
            top = TOP + row * PITCH
            ident += 1
            if text.startswith("第") and "条　" in text[:8]:
                # The article number in 黑体, the rest of the line a second object on one baseline.
                label = text.index("　") + 1
                objects.append(_text_object(ident, left, top, text[:label], font=3))
                ident += 1
                objects.append(_text_object(ident, left + label * SIZE, top, text[label:]))
            else:
                objects.append(_text_object(ident, left, top, text, font=font, per_char=(row % 5 == 3)))
        ident += 1
        footer = f"— {number} —"
        objects.append(_text_object(ident, LEFT + (WIDTH - SIZE * 3) / 2, 270.0, footer))
        if watermark:
            ident += 1
            objects.append(_text_object(ident, 60.0, 150.0, "内部资料注意保存", ctm="0.707 -0.707 0.707 0.707 0 0"))
        body = (f'<ofd:Template TemplateID="9" ZOrder="Background"/><ofd:Content><ofd:Layer ID="{ident + 1}">'
                f'<ofd:PageBlock ID="{ident + 2}">{"".join(objects)}</ofd:PageBlock></ofd:Layer></ofd:Content>')
        ident += 2
        contents.append(_root("Page", body))
    template = _root("Page", '<ofd:Content><ofd:Layer ID="8">'
                             + _text_object(7, LEFT, 15.0, "示例省人民代表大会常务委员会公报") + "</ofd:Layer></ofd:Content>")
    page_list = "".join(
        f'<ofd:Page ID="{10 + index}" BaseLoc="{"/Doc_0/" if absolute_pages and index % 2 else ""}'
        f'Pages/Page_{index}/Content.xml"/>' for index in range(len(pages)))
    document = _root("Document", (
        '<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
        '</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
        '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f'<ofd:Pages>{page_list}</ofd:Pages>'))
    fonts = _root("Res", '<ofd:Fonts><ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋"/>'
                         '<ofd:Font ID="3" FontName="SimHei" FamilyName="黑体"/></ofd:Fonts>', BaseLoc="Res")
    entry = _root("OFD", '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0123456789abcdef</ofd:DocID></ofd:DocInfo>'
                         '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>', Version="1.0", DocType="OFD")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", entry)
        archive.writestr("Doc_0/Document.xml", document)
        archive.writestr("Doc_0/PublicRes.xml", fonts)
        archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", template)
        for index, content in enumerate(contents):
            archive.writestr(f"Doc_0/Pages/Page_{index}/Content.xml", content)
    return path


def _texts(paragraphs) -> list[str]:
    """The paragraph texts as every reader gives them (no space between two Chinese characters)."""
    return [normalize_paragraph_text(text) for _, text in paragraphs]


def _rewrite(path: Path, changes: dict[str, bytes | str | None]) -> Path:
    """The OFD file with members replaced, added (a value) or left out (None)."""
    with zipfile.ZipFile(path) as source:
        members = {item.filename: source.read(item) for item in source.infolist()}
    for name, data in changes.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data.encode() if isinstance(data, str) else data
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _image_page() -> bytes:
    return _root("Page", '<ofd:Content><ofd:Layer ID="1"><ofd:ImageObject ID="2" Boundary="0 0 210 297" '
                         'ResourceID="5"/></ofd:Layer></ofd:Content>')


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("Doc_0/Document.xml").decode()


def test_every_paragraph_comes_back_whole(tmp_path):
    document = read_document(write_ofd(tmp_path / "条例.ofd"))
    assert document.format == "ofd"
    assert [p.text for p in document.paragraphs] == _texts(STATUTE)
    assert document.warnings == ()


def test_page_numbers_template_and_watermark_are_not_text(tmp_path):
    text = "".join(p.text for p in read_document(write_ofd(tmp_path / "条例.ofd")).paragraphs)
    assert "—" not in text and "公报" not in text and "内部资料" not in text


def test_article_across_a_page_break_is_one_paragraph(tmp_path):
    # Enough articles for three pages: some of them run from one page onto the next.
    long = STATUTE + [("article", f"第{n}条　" + "有关部门应当依法履行公共数据安全管理职责，落实数据安全保护责任。" * 3)
                      for n in ("七", "八", "九", "十", "十一", "十二", "十三", "十四")]
    document = read_document(write_ofd(tmp_path / "长.ofd", long))
    assert [p.text for p in document.paragraphs] == _texts(long)


def test_title_and_chapter_headings_are_bold_and_centred(tmp_path):
    paragraphs = read_document(write_ofd(tmp_path / "条例.ofd")).paragraphs
    assert [p.text for p in paragraphs if p.centered] == _texts(p for p in STATUTE if p[0] != "article")
    assert all(p.bold for p in paragraphs if p.centered)
    assert not any(p.bold for p in paragraphs if not p.centered)


def test_outline_is_that_of_the_same_text_typed(tmp_path):
    typed = tmp_path / "条例.txt"
    typed.write_text("\n".join(text for _, text in STATUTE), encoding="utf-8")

    def shape(outline):
        return [(s.label, s.title, [c.text for c in s.clauses]) for s in outline.sections]

    from_ofd = load_outline(write_ofd(tmp_path / "条例.ofd"))
    assert shape(from_ofd) == shape(load_outline(typed))
    assert [s.label for s in from_ofd.sections if s.label.endswith("条")] == [
        "第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]


def test_an_ofd_national_text_compares_with_a_typed_provincial_one(tmp_path):
    provincial = tmp_path / "实施办法.txt"
    provincial.write_text("\n".join(text for _, text in STATUTE[:5]), encoding="utf-8")
    comparison = compare_files(write_ofd(tmp_path / "条例.ofd"), provincial)
    label = {section.id: section.label for section in comparison.national.sections}
    statuses = {label[row.national]: row.status.value for row in comparison.sections}
    assert statuses["第一条"] == "covered" and statuses["第二条"] == "covered"
    assert statuses["第五条"] == "missing"


def test_pages_without_text_are_named(tmp_path):
    path = write_ofd(tmp_path / "条例.ofd")
    _rewrite(path, {"Doc_0/Pages/Page_9/Content.xml": _image_page(),
                    "Doc_0/Document.xml": _document_xml(path).replace(
                        "</ofd:Pages>", '<ofd:Page ID="99" BaseLoc="Pages/Page_9/Content.xml"/></ofd:Pages>')})
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == _texts(STATUTE)
    assert document.warnings == ("第 2 页没有文字（可能是扫描页），这些页的内容未能读取，请先进行文字识别。",)


def _error(path: Path) -> DocumentReadError:
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert any("\u4e00" <= char <= "\u9fff" for char in caught.value.message)
    return caught.value


def test_a_scan_has_no_text(tmp_path):
    path = write_ofd(tmp_path / "扫描件.ofd", [])
    _rewrite(path, {"Doc_0/Pages/Page_0/Content.xml": _image_page(),
                    "Doc_0/Document.xml": _document_xml(path).replace(
                        "<ofd:Pages></ofd:Pages>",
                        '<ofd:Pages><ofd:Page ID="10" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>')})
    error = _error(path)
    assert isinstance(error, NoTextLayerError)
    assert "没有文字" in error.message and "文字识别" in error.message


def test_a_pdf_named_ofd_says_what_it_is(tmp_path):
    path = tmp_path / "通知.ofd"
    path.write_bytes((DATA / "policy.pdf").read_bytes())
    error = _error(path)
    assert "实际是PDF 文件" in error.message


def test_a_zip_that_is_no_ofd_file(tmp_path):
    path = tmp_path / "通知.ofd"
    path.write_bytes((DATA / "policy-typed.docx").read_bytes())
    assert _error(path).message == BROKEN_MESSAGE


def test_broken_xml_is_a_broken_file(tmp_path):
    path = _rewrite(write_ofd(tmp_path / "条例.ofd"),
                    {"Doc_0/Pages/Page_0/Content.xml": b"<ofd:Page xmlns:ofd='x'><unclosed>"})
    assert _error(path).message == BROKEN_MESSAGE


def test_a_page_the_document_names_but_the_file_lacks(tmp_path):
    path = _rewrite(write_ofd(tmp_path / "缺页.ofd"), {"Doc_0/Pages/Page_0/Content.xml": None})
    assert _error(path).message == BROKEN_MESSAGE


def test_an_encrypted_file(tmp_path):
    path = _rewrite(write_ofd(tmp_path / "加密.ofd"), {"Encryptions.xml": _root("Encryptions", "")})
    error = _error(path)
    assert isinstance(error, EncryptedDocumentError)
    assert "加密" in error.message


def test_entities_are_not_expanded(tmp_path):
    path = write_ofd(tmp_path / "条例.ofd")
    laughs = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1"><ofd:TextObject ID="2" '
              'Boundary="27 37 156 7" Font="2" Size="5.6"><ofd:TextCode X="0" Y="5.6">&c;</ofd:TextCode>'
              '</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')
    _rewrite(path, {"Doc_0/Pages/Page_0/Content.xml": laughs})
    try:
        text = "".join(p.text for p in read_document(path).paragraphs)
    except DocumentReadError:
        return  # refusing the file is as good
    assert "哈" not in text
