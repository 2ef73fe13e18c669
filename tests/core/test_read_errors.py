"""Every kind of bad input ends in a typed error with a Chinese message, and nothing else escapes."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from core.errors import (
    ConverterMissingError,
    DocumentReadError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from core.read import read_document
from tests.conftest import DATA, REPO


def _read_error(path, **options) -> DocumentReadError:
    with pytest.raises(DocumentReadError) as caught:
        read_document(path, **options)
    return caught.value


def assert_chinese(error: DocumentReadError) -> None:
    """The message is a Chinese sentence fit to show the user, and names the file."""
    assert len(re.findall(r"[\u4e00-\u9fff]", error.message)) >= 6, error.message
    assert error.path
    assert error.path in str(error)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = _read_error(path)
    assert isinstance(error, EmptyDocumentError)
    assert_chinese(error)


@pytest.mark.parametrize("name", ["blank.txt", "blank.html"])
def test_file_with_only_whitespace(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b" \r\n\t\r\n" + "\u3000\u00a0\n".encode("utf-8"))
    error = _read_error(path)
    assert isinstance(error, EmptyDocumentError)
    assert_chinese(error)


def test_docx_with_only_whitespace(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("   ")
    document.add_paragraph("\u3000\u3000")
    path = tmp_path / "blank.docx"
    document.save(path)
    error = _read_error(path)
    assert isinstance(error, EmptyDocumentError)
    assert_chinese(error)


def test_zero_byte_docx(tmp_path):
    path = tmp_path / "zero.docx"
    path.write_bytes(b"")
    error = _read_error(path)
    assert isinstance(error, EmptyDocumentError)
    assert_chinese(error)


def test_docx_that_is_really_text(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("一、总体要求\n（一）指导思想。\n", encoding="utf-8")
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert "纯文本" in error.message
    assert_chinese(error)


def test_broken_zip(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes((DATA / "policy-typed.docx").read_bytes()[:3000])
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert "损坏" in error.message
    assert_chinese(error)


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a Word package")
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert_chinese(error)


def test_docx_with_broken_xml_is_wrapped_not_leaked(tmp_path):
    # python-docx raises lxml's XMLSyntaxError here; the reader must turn it into its own error.
    path = tmp_path / "bad-xml.docx"
    with zipfile.ZipFile(DATA / "policy-typed.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert_chinese(error)


def test_encrypted_word_file():
    error = _read_error(DATA / "encrypted.docx")
    assert isinstance(error, EncryptedDocumentError)
    assert "文档已加密" in error.message and "取消密码" in error.message
    assert_chinese(error)


def test_encrypted_old_word_file(tmp_path):
    # Word 97 encryption is a flag in the FIB at the start of the WordDocument stream.
    data = bytearray((DATA / "old-format.doc").read_bytes())
    fib = next(offset for offset in range(512, len(data), 512) if data[offset:offset + 2] == b"\xec\xa5")
    data[fib + 11] |= 0x01  # fEncrypted is bit 8 of the 16-bit flags at offset 10
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    error = _read_error(path)
    assert isinstance(error, EncryptedDocumentError)
    assert_chinese(error)


def test_docx_that_is_really_an_old_doc(tmp_path):
    path = tmp_path / "renamed.docx"
    shutil.copyfile(DATA / "old-format.doc", path)
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert "另存为" in error.message and ".doc" in error.message
    assert_chinese(error)


def _bomb_by_ratio(path):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(20):
                member.write(bytes(1024 * 1024))  # 20 MB of zeros deflate to about 20 KB


def _bomb_by_declared_size(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 10)
    data = bytearray(buffer.getvalue())
    # Claim 3 GB uncompressed in the central directory entry (offset 24 of the header).
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 3 * 1024**3)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("make_bomb", [_bomb_by_ratio, _bomb_by_declared_size], ids=["ratio", "declared-size"])
def test_zip_bomb_is_refused_before_extracting(tmp_path, make_bomb):
    path = tmp_path / "bomb.docx"
    make_bomb(path)
    error = _read_error(path)
    assert isinstance(error, DocumentTooLargeError)
    assert "压缩" in error.message
    assert_chinese(error)


def test_scanned_pdf_without_text_layer():
    error = _read_error(DATA / "scanned.pdf")
    assert isinstance(error, NoTextLayerError)
    assert "无文字层，请先进行文字识别" in error.message
    assert_chinese(error)


def test_encrypted_pdf():
    error = _read_error(DATA / "encrypted.pdf")
    assert isinstance(error, EncryptedDocumentError)
    assert_chinese(error)


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert_chinese(error)


@pytest.mark.parametrize("name", ["table.xlsx", "slides.PPTX", "no-extension"])
def test_unsupported_extension(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 anything")
    error = _read_error(path)
    assert isinstance(error, UnsupportedFormatError)
    assert ".docx" in error.message and ".pdf" in error.message and ".txt" in error.message
    assert_chinese(error)


def test_file_over_the_size_limit_is_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: nothing is written, nothing need be read
    error = _read_error(path)
    assert isinstance(error, DocumentTooLargeError)
    assert "50 MB" in error.message
    assert_chinese(error)


def test_size_limit_is_a_parameter():
    error = _read_error(DATA / "policy.pdf", max_bytes=10_000)
    assert isinstance(error, DocumentTooLargeError)
    assert_chinese(error)


def test_binary_junk_named_txt(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    error = _read_error(path)
    assert type(error) is DocumentReadError
    assert "不是文本文件" in error.message
    assert_chinese(error)


def test_binary_junk_without_nul_bytes_named_txt(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 256)) * 16)
    error = _read_error(path)
    assert "不是文本文件" in error.message
    assert_chinese(error)


def test_missing_file(tmp_path):
    error = _read_error(tmp_path / "不存在的文件.docx")
    assert type(error) is DocumentReadError
    assert "找不到文件" in error.message
    assert_chinese(error)


def test_directory(tmp_path):
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    error = _read_error(folder)
    assert type(error) is DocumentReadError
    assert "无法读取" in error.message
    assert_chinese(error)


_UNREADABLE_PROBE = """
import json, sys
from core.read import read_document
from core.errors import DocumentReadError
try:
    read_document(sys.argv[1])
except DocumentReadError as error:
    print(json.dumps({"type": type(error).__name__, "message": error.message, "path": error.path}))
"""


def test_file_without_read_permission():
    # A folder anyone may enter (pytest's tmp_path sits under a private one), holding a file
    # nobody may read: the reader must fail on the file, not on the way to it.
    folder = Path(tempfile.mkdtemp(prefix="duizhao-read-test-"))
    folder.chmod(0o755)
    path = folder / "secret.txt"
    path.write_text("一、总体要求", encoding="utf-8")
    path.chmod(0)
    try:
        if os.name == "posix" and os.geteuid() == 0:
            # Root reads any file, so the reader runs as "nobody", for whom the file is closed.
            if shutil.which("setpriv") is None:
                pytest.skip("running as root and setpriv is not available to drop privileges")
            as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
            env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
            # A clone in a private folder (mode 0700, as home folders often are) keeps nobody
            # from the interpreter or the project: nothing to test then, not a reader fault.
            reach = subprocess.run([*as_nobody, "-c", "import core.read"],
                                   capture_output=True, text=True, timeout=60, env=env)
            if reach.returncode != 0:
                pytest.skip(f"user nobody cannot run {sys.executable} with the project "
                            f"(a clone in a private folder?): {reach.stderr.strip()[-200:]}")
            result = subprocess.run([*as_nobody, "-c", _UNREADABLE_PROBE, str(path)],
                                    capture_output=True, text=True, timeout=60, check=True, env=env)
            outcome = json.loads(result.stdout)
            assert outcome["type"] == "DocumentReadError"
            error = DocumentReadError(outcome["message"], path=outcome["path"])
        else:
            error = _read_error(path)
            assert type(error) is DocumentReadError
    finally:
        shutil.rmtree(folder)
    assert "无法读取" in error.message and "权限" in error.message
    assert_chinese(error)


def test_doc_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: neither soffice nor libreoffice
    error = _read_error(DATA / "old-format.doc")
    assert isinstance(error, ConverterMissingError)
    assert "LibreOffice" in error.message and "另存为" in error.message and ".docx" in error.message
    assert_chinese(error)
