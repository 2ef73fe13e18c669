"""Hostile documents: each is refused with its own message (exit 2), or read without harm."""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from core.read import read_document
from core.read.limits import (MAX_CHARACTERS, MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_MARKUP,
                              MAX_PARAGRAPHS, MAX_PDF_PAGES, MAX_SENTENCES, MAX_XML_BYTES)
from tests.conftest import DATA
from tests.hostile.conftest import assert_refused, snapshot

CHARACTERS = f"{MAX_CHARACTERS // 10_000} 万字"
PARAGRAPHS = f"{MAX_PARAGRAPHS // 10_000} 万段" if MAX_PARAGRAPHS % 10_000 == 0 else f"{MAX_PARAGRAPHS:,} 段"
SENTENCES = f"{MAX_SENTENCES // 10_000} 万句" if MAX_SENTENCES % 10_000 == 0 else f"{MAX_SENTENCES:,} 句"
XML_MB = f"{MAX_XML_BYTES >> 20} MB"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with_body(path: Path, body: str, *, prolog: str = "", extra: dict[str, bytes] | None = None) -> Path:
    """A real python-docx package whose document.xml body is replaced by ``body``."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
                                    f"<w:document {_W}><w:body>{body}</w:body></w:document>").encode()
    members.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def zip_bomb_ratio(folder: Path) -> Path:
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(20):
                member.write(bytes(1024 * 1024))
    return path


def zip_bomb_declared(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 10)
    data = bytearray(buffer.getvalue())
    struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, 3 * 1024**3)
    path = folder / "declared.docx"
    path.write_bytes(bytes(data))
    return path


def zip_many_members(folder: Path) -> Path:
    path = folder / "members.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(10_001):
            archive.writestr(f"x/{index}", b"")
    return path


def docx_xml_over_limit(folder: Path) -> Path:
    path = folder / "xml.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            # Random hex: it compresses about 2 to 1, far from what a zip bomb does.
            for _ in range(MAX_XML_BYTES // (1 << 20) + 2):
                member.write(b"<w:p><w:r><w:t>" + os.urandom(1 << 19).hex().encode() + b"</w:t></w:r></w:p>")
    return path


def docx_too_much_text(folder: Path) -> Path:
    line = "各地区各部门要依法依规共享政务数据全面提升数据治理能力和水平" * 10
    return _docx_with_body(folder / "long.docx", _p(line) * (MAX_CHARACTERS // len(line) + 2))


def docx_too_many_paragraphs(folder: Path) -> Path:
    return _docx_with_body(folder / "paras.docx", _p("数") * (MAX_PARAGRAPHS + 1))


def docx_too_many_sentences(folder: Path) -> Path:
    return _docx_with_body(folder / "sentences.docx", _p("数据。" * (MAX_SENTENCES + 1)))


def docx_xxe(folder: Path) -> Path:
    secret = folder / "secret.txt"
    secret.write_text("机密内容不得外泄", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return _docx_with_body(folder / "xxe.docx", _p("一、总体要求&xxe;"), prolog=prolog)


def docx_billion_laughs(folder: Path) -> Path:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    return _docx_with_body(folder / "laughs.docx", _p("&a9;"), prolog=f"<!DOCTYPE w:document [{entities}]>")


def docx_deep_nesting(folder: Path) -> Path:
    depth = 5_000
    return _docx_with_body(folder / "deep.docx", "<w:sdt><w:sdtContent>" * depth + _p("一、总体要求")
                           + "</w:sdtContent></w:sdt>" * depth)


def docx_encrypted(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "encrypted.docx", folder / "encrypted.docx"))


def docx_old_doc_inside(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "old-format.doc", folder / "renamed.docx"))


def docx_text_inside(folder: Path) -> Path:
    path = folder / "text.docx"
    path.write_text("一、总体要求\n这是一个文本文件。\n", encoding="utf-8")
    return path


def docx_truncated(folder: Path) -> Path:
    data = _docx_with_body(folder / "t.docx", _p("一、总体要求")).read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    (folder / "t.docx").unlink()
    return path


def docx_no_text(folder: Path) -> Path:
    return _docx_with_body(folder / "empty.docx", "<w:p/>" * 3)


def docx_only_alt_chunk(folder: Path) -> Path:
    return _docx_with_body(folder / "alt.docx", '<w:altChunk r:id="rId9" xmlns:r='
                           '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>')


def pdf_encrypted(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "encrypted.pdf", folder / "encrypted.pdf"))


def pdf_scanned(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "scanned.pdf", folder / "scanned.pdf"))


def _pdf(pages: int, stream: bytes = b"") -> bytes:
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_too_many_pages(folder: Path) -> Path:
    path = folder / "pages.pdf"
    path.write_bytes(_pdf(MAX_PDF_PAGES + 1))
    return path


def pdf_no_pages(folder: Path) -> Path:
    path = folder / "nopages.pdf"
    path.write_bytes(_pdf(0))
    return path


def pdf_garbage(folder: Path) -> Path:
    path = folder / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    return path


def html_nested(folder: Path) -> Path:
    path = folder / "nested.html"
    depth = MAX_HTML_DEPTH + 50
    path.write_text("<html><body>" + "<span>" * depth + "一、总体要求" + "</span>" * depth + "</body></html>",
                    encoding="utf-8")
    return path


def html_too_big(folder: Path) -> Path:
    path = folder / "big.html"
    path.write_bytes(b"<html><body><p>" + "字".encode() * (MAX_HTML_BYTES // 3 + 10) + b"</p></body></html>")
    return path


def html_too_much_markup(folder: Path) -> Path:
    path = folder / "markup.html"
    path.write_text("<html><body>" + "<i>字</i>" * (MAX_HTML_MARKUP // 2 + 10) + "</body></html>",
                    encoding="utf-8")
    return path


def html_empty(folder: Path) -> Path:
    path = folder / "empty.html"
    path.write_text("<html><head><script>var x = '一、总体要求';</script></head><body> </body></html>",
                    encoding="utf-8")
    return path


def html_binary(folder: Path) -> Path:
    path = folder / "binary.html"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def txt_huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(16 * MAX_CHARACTERS + 1)
        handle.seek(0)
        handle.write("一、总体要求\n".encode())
    return path


def txt_too_much_text(folder: Path) -> Path:
    path = folder / "long.txt"
    path.write_text("数" * (MAX_CHARACTERS + 1) + "\n", encoding="utf-8")
    return path


def txt_too_many_lines(folder: Path) -> Path:
    path = folder / "lines.txt"
    path.write_text("数\n" * (MAX_PARAGRAPHS + 1), encoding="utf-8")
    return path


def txt_binary(folder: Path) -> Path:
    path = folder / "binary.txt"
    path.write_bytes(bytes(range(256)) * 16)
    return path


def txt_only_whitespace(folder: Path) -> Path:
    path = folder / "blank.txt"
    path.write_text(" \n\t\n\u3000\n", encoding="utf-8")
    return path


def txt_bad_utf16(folder: Path) -> Path:
    path = folder / "utf16.txt"
    path.write_bytes(b"\xff\xfe" + "一、总体要求".encode("utf-16-le") + b"\x00\xd8\x00\xd8")
    return path


def file_over_size_limit(folder: Path) -> Path:
    path = folder / "huge.docx"
    with open(path, "wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: 300 MB on paper, nothing on the disk
    return path


def file_empty(folder: Path) -> Path:
    path = folder / "zero.docx"
    path.write_bytes(b"")
    return path


def file_unsupported(folder: Path) -> Path:
    path = folder / "table.xlsx"
    path.write_bytes(b"PK\x05\x06" + bytes(18))
    return path


def file_directory(folder: Path) -> Path:
    path = folder / "folder.docx"
    path.mkdir()
    return path


def file_fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def file_missing(folder: Path) -> Path:
    return folder / "missing.docx"


def file_dangling_symlink(folder: Path) -> Path:
    path = folder / "link.txt"
    os.symlink(folder / "gone.txt", path)
    return path


REFUSED = {
    "zip bomb by ratio": (zip_bomb_ratio, "压缩"),
    "zip bomb by declared size": (zip_bomb_declared, "压缩"),
    "zip with 10001 members": (zip_many_members, "文件数量"),
    "docx XML over the limit": (docx_xml_over_limit, XML_MB),
    "docx over the character limit": (docx_too_much_text, CHARACTERS),
    "docx over the paragraph limit": (docx_too_many_paragraphs, PARAGRAPHS),
    "docx over the sentence limit": (docx_too_many_sentences, SENTENCES),
    "docx nested 5000 deep": (docx_deep_nesting, "文件已损坏"),
    "docx encrypted": (docx_encrypted, "加密"),
    "old .doc named .docx": (docx_old_doc_inside, "旧版 Word"),
    "text named .docx": (docx_text_inside, "纯文本"),
    "truncated docx": (docx_truncated, "损坏"),
    "docx without text": (docx_no_text, "没有任何文字"),
    "docx only altChunk": (docx_only_alt_chunk, "altChunk"),
    "pdf encrypted": (pdf_encrypted, "加密"),
    "pdf scanned": (pdf_scanned, "文字层"),
    "pdf over the page limit": (pdf_too_many_pages, f"{MAX_PDF_PAGES:,} 页"),
    "pdf without pages": (pdf_no_pages, "PDF 文件已损坏"),
    "pdf garbage": (pdf_garbage, "PDF"),
    "html nested too deep": (html_nested, f"{MAX_HTML_DEPTH} 层"),
    "html over the size limit": (html_too_big, "10 MB"),
    "html with too much markup": (html_too_much_markup, "标签过多"),
    "html without text": (html_empty, "没有任何文字"),
    "binary named .html": (html_binary, "不是文本文件"),
    "txt far over the limit": (txt_huge, CHARACTERS),
    "txt over the character limit": (txt_too_much_text, CHARACTERS),
    "txt over the line limit": (txt_too_many_lines, PARAGRAPHS),
    "binary named .txt": (txt_binary, "不是文本文件"),
    "txt of whitespace": (txt_only_whitespace, "没有任何文字"),
    "utf-16 with broken surrogates": (txt_bad_utf16, "不是文本文件"),
    "300 MB file": (file_over_size_limit, "50 MB"),
    "empty file": (file_empty, "0 字节"),
    "unsupported extension": (file_unsupported, "不支持"),
    "a folder": (file_directory, "文件夹"),
    "a named pipe": (file_fifo, "不是普通文件"),
    "a missing file": (file_missing, "找不到文件"),
    "a dangling symlink": (file_dangling_symlink, "找不到文件"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_hostile_document_is_refused_with_its_message(case, tmp_path, cli):
    build, fragment = REFUSED[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = build(folder)
    before = snapshot(folder)
    result = cli("outline", path)
    assert_refused(result, fragment)
    assert snapshot(folder) == before


def test_a_broken_pdf_after_an_encrypted_one_is_not_called_encrypted(tmp_path, cli):
    assert_refused(cli("outline", pdf_encrypted(tmp_path)), "加密")
    result = cli("outline", pdf_no_pages(tmp_path))
    assert_refused(result, "PDF")
    assert "加密" not in result.err


def test_xxe_does_not_read_a_local_file(tmp_path, cli):
    path = docx_xxe(tmp_path)
    result = cli("outline", path)
    assert "机密内容" not in result.out + result.err
    assert result.code in (0, 2) and "Traceback" not in result.err


def test_billion_laughs_neither_expands_nor_hangs(tmp_path, cli):
    path = docx_billion_laughs(tmp_path)
    result = cli("outline", path)
    assert result.code in (0, 2) and "Traceback" not in result.err
    assert "哈" * 1000 not in result.out


def test_alt_chunk_content_is_warned_about(tmp_path, cli):
    path = _docx_with_body(tmp_path / "mixed.docx", _p("一、总体要求") + '<w:altChunk r:id="rId9" xmlns:r='
                           '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>')
    document = read_document(path)
    assert any("altChunk" in warning and "未参加对照" in warning for warning in document.warnings)
    result = cli("outline", path)
    assert result.code == 0 and "altChunk" in result.out


def test_a_compare_with_one_hostile_side_exits_2_and_writes_nothing(tmp_path, good_pair, cli):
    bomb = zip_bomb_ratio(tmp_path)
    before = snapshot(tmp_path)
    result = cli("compare", good_pair[0], bomb, "-o", tmp_path / "out.docx", "--json", tmp_path / "out.json")
    assert_refused(result, "压缩")
    assert snapshot(tmp_path) == before


def test_compare_names_content_a_document_lost(tmp_path, good_pair, cli):
    national = _docx_with_body(tmp_path / "国家.docx", "".join(_p(line) for line in
                                                            good_pair[0].read_text(encoding="utf-8").splitlines())
                               + '<w:altChunk r:id="rId9" xmlns:r='
                               '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>')
    result = cli("compare", national, good_pair[1])
    assert result.code == 0, result.err
    assert "提示（国家文件）" in result.out and "altChunk" in result.out


def test_a_style_sheet_of_unclosed_comments_and_braces_is_read_through(tmp_path):
    """A style sheet the regular expressions took quadratic time over (40,000 comments opened and
    never closed took 45 s): read in one pass, the page's text comes out."""
    sheet = "/*a" * 40_000 + "{" * 20_000 + ".x{display:none}"
    path = tmp_path / "page.html"
    path.write_text(f'<html><head><meta charset="utf-8"><style>{sheet}</style></head><body><div id="zoom">'
                    "<p>西岭省人民政府关于加强数字政府建设的实施意见</p><p>一、总体要求</p></div></body></html>",
                    encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == ["西岭省人民政府关于加强数字政府建设的实施意见", "一、总体要求"]
