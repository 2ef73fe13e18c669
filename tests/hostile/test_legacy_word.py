"""Files named .doc/.wps: only OLE2 Word binaries reach LibreOffice, which never uses the network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zlib
import struct
from pathlib import Path

import pytest

from core.errors import EmptyDocumentError, UnsupportedFormatError
from core.read import read_document
from core.read.libreoffice import network_isolation_prefix
from tests.conftest import DATA, REPO
from tests.hostile.conftest import assert_refused, requires_soffice, requires_strace, snapshot


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
            + chunk(b"IEND", b""))


REMOTE_HTML = ("<html><head><link rel='stylesheet' href='http://192.0.2.1/a.css'></head><body>"
               "<p>一、总体要求</p><img src='http://192.0.2.1/a.png'></body></html>")
FLAT_ODT = ('<?xml version="1.0" encoding="UTF-8"?><office:document '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:body><office:text><text:p xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '一、总体要求<draw:image xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xlink:href="http://192.0.2.1/i.png"/></text:p></office:text></office:body></office:document>')

DISGUISES = {
    "png.doc": (_png(), "PNG 图片"),
    "jpeg.doc": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "JPEG 图片"),
    "gif.wps": (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 32, "GIF 图片"),
    "pdf.doc": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "PDF 文件"),
    "remote.doc": (REMOTE_HTML.encode("utf-8"), "网页"),
    "flat-odt.wps": (FLAT_ODT.encode("utf-8"), "XML"),
    "utf16-html.doc": (b"\xff\xfe" + REMOTE_HTML.encode("utf-16-le"), "网页"),
    "rtf.doc": (rb"{\rtf1\ansi{\field{\*\fldinst INCLUDEPICTURE http://192.0.2.1/p.png}}}", "RTF"),
    "exe.doc": (b"MZ\x90\x00" + b"\x00" * 60, "可执行程序"),
    "gzip.doc": (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "压缩包"),
    "junk.doc": (bytes(range(1, 200)) * 3, "不是 Word 或 WPS 文档"),
}


@pytest.mark.parametrize("name", sorted(DISGUISES))
def test_a_file_that_is_not_a_word_binary_is_refused_before_libreoffice(name, tmp_path, cli, monkeypatch):
    data, fragment = DISGUISES[name]
    path = tmp_path / name
    path.write_bytes(data)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no converter could run, none is needed
    before = snapshot(tmp_path)
    with pytest.raises(UnsupportedFormatError) as caught:
        read_document(path)
    assert fragment in caught.value.message
    assert "另存为" in caught.value.message
    assert_refused(cli("outline", path), fragment)
    assert snapshot(tmp_path) == before


def _soffice_to_doc(html: str, folder: Path) -> Path:
    """A real Word 97 file made by LibreOffice from HTML, converted without network."""
    source = folder / "made.html"
    source.write_text(html, encoding="utf-8")
    out = folder / "made"
    subprocess.run([*network_isolation_prefix(), shutil.which("soffice"),
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "doc:MS Word 97", "--outdir", str(out), str(source)],
                   env=dict(os.environ, HOME=str(folder)), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120, check=True)
    return out / "made.doc"


def _traced_read(path: Path, log: Path) -> subprocess.CompletedProcess:
    code = "import sys; from core.read import read_document; read_document(sys.argv[1]); print('read')"
    return subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log),
                           sys.executable, "-c", code, str(path)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def _inet_lines(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if re.search(r"AF_INET6?\b", line)]


@pytest.mark.soffice
@requires_soffice
@requires_strace
def test_converting_a_doc_opens_no_inet_socket(tmp_path):
    log = tmp_path / "strace.log"
    result = _traced_read(DATA / "old-format.doc", log)
    assert result.returncode == 0, result.stderr
    assert "read" in result.stdout
    assert _inet_lines(log) == []


@pytest.mark.soffice
@requires_soffice
@requires_strace
@pytest.mark.skipif(not network_isolation_prefix(), reason="no network namespace on this system")
def test_a_doc_with_a_linked_remote_image_reaches_no_network(tmp_path):
    # LibreOffice tries to fetch a linked picture while converting; the namespace it runs in
    # has no network, so no connection can leave the machine.
    doc = _soffice_to_doc("<html><body><p>一、总体要求</p><img src='http://192.0.2.1/a.png'></body></html>",
                          tmp_path)
    log = tmp_path / "strace.log"
    result = _traced_read(doc, log)
    assert result.returncode == 0, result.stderr
    connects = [line for line in _inet_lines(log) if "connect(" in line]
    assert all("ENETUNREACH" in line or "EADDRNOTAVAIL" in line for line in connects), connects


@pytest.mark.soffice
@requires_soffice
def test_a_conversion_error_names_the_users_file_not_a_temporary_one(tmp_path, cli):
    doc = _soffice_to_doc("<html><body><p>&nbsp;</p></body></html>", tmp_path)
    target = tmp_path / "空白通知.doc"
    shutil.move(doc, target)
    with pytest.raises(EmptyDocumentError) as caught:
        read_document(target)
    assert caught.value.path == str(target)
    shown = str(caught.value)
    assert "duizhao-convert" not in shown and "source." not in shown
    result = cli("outline", target)
    assert_refused(result, "空白通知.doc")
    assert "duizhao-convert" not in result.err
