"""What a `duizhao compare` loads: the reader and the export it uses and no other, jieba without
pkg_resources, and of jieba's dictionary only the part its texts need.

Start-up time is measured by what is imported and loaded, not in seconds: each case runs the
command in a fresh interpreter and reports its sys.modules. (`--version` and `--help` are
checked in test_cli_startup.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.read import read_document
from tests.conftest import REPO

SAMPLES = REPO / "samples"
NATIONAL = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL = SAMPLES / "provincial-opinion-sample.docx"

READERS = {"docx": "core.read.word", "pdf": "core.read.pdf", "html": "core.read.webpage",
           "legacy": "core.read.libreoffice", "txt": "core.read.plaintext"}
LIBRARIES = {"docx": ("docx", "lxml"), "pdf": ("pypdfium2",), "html": ("bs4", "soupsieve"),
             "txt": ("charset_normalizer",)}
EXPORTS = {"word": "core.export.word", "excel": "core.export.excel", "openpyxl": "openpyxl"}

_PROBE = """
import contextlib, io, json, sys
from core.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
loaded = total = None
similarity = sys.modules.get("core.similarity")
if similarity is not None and similarity._tokenizer is not None:
    tokenizer = similarity._tokenizer
    loaded, total = len(tokenizer.FREQ), len(tokenizer._store.short) + len(tokenizer._store.freqs)
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules),
                  "loaded": loaded, "total": total}))
"""


def _run(*arguments: str | Path) -> dict:
    """`duizhao ARGUMENTS` in a fresh interpreter: its exit code, output, modules and dictionary."""
    result = subprocess.run([sys.executable, "-c", _PROBE, *map(str, arguments)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["code"] == 0, result.stderr
    return outcome


def _loaded(outcome: dict, *names: str) -> set[str]:
    """Which of the named modules (or their submodules) the run imported."""
    return {name for name in names
            if any(module == name or module.startswith(name + ".") for module in outcome["modules"])}


def _text_file(source: Path, target: Path, paragraphs: int) -> Path:
    """The first paragraphs of a sample document as a .txt file."""
    lines = [p.text for p in read_document(source).paragraphs][:paragraphs]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_text_compare_loads_no_word_pdf_html_or_export_module(tmp_path):
    national = _text_file(NATIONAL, tmp_path / "国家.txt", 40)
    provincial = _text_file(PROVINCIAL, tmp_path / "地方.txt", 40)
    outcome = _run("compare", national, provincial)
    assert "国家文件条款" in outcome["out"]
    # The probe sees what was used: the text reader, its encoding detector, the engine.
    assert _loaded(outcome, READERS["txt"], *LIBRARIES["txt"], "jieba", "core.align") == {
        READERS["txt"], *LIBRARIES["txt"], "jieba", "core.align"}
    unused = (READERS["docx"], READERS["pdf"], READERS["html"], READERS["legacy"],
              *LIBRARIES["docx"], *LIBRARIES["pdf"], *LIBRARIES["html"], *EXPORTS.values())
    assert _loaded(outcome, *unused) == set()
    # jieba is imported without pkg_resources (most of setuptools).
    assert _loaded(outcome, "pkg_resources", "setuptools") == set()
    # Of jieba's ~500,000 dictionary entries, only those the two texts can look up are loaded.
    assert 0 < outcome["loaded"] < outcome["total"] / 10


@pytest.mark.slow
@pytest.mark.parametrize(("output", "export_modules"), [
    (None, ()),
    ("out.json", ()),
    ("out.xlsx", (EXPORTS["excel"], EXPORTS["openpyxl"])),
    ("out.docx", (EXPORTS["word"],)),
])
def test_sample_pair_compare_loads_the_word_reader_and_only_the_export_asked_for(
        tmp_path, output, export_modules):
    arguments = ["compare", NATIONAL, PROVINCIAL]
    if output:
        arguments += ["-o", tmp_path / output]
    outcome = _run(*arguments)
    assert "国家文件条款 182 条：" in outcome["out"]
    if output:
        assert (tmp_path / output).stat().st_size > 0
    assert _loaded(outcome, READERS["docx"], *LIBRARIES["docx"]) == {READERS["docx"],
                                                                     *LIBRARIES["docx"]}
    unused = (READERS["pdf"], READERS["html"], READERS["legacy"], *LIBRARIES["pdf"],
              *LIBRARIES["html"], "pkg_resources",
              *(module for module in EXPORTS.values() if module not in export_modules))
    assert _loaded(outcome, *unused) == set()
    assert _loaded(outcome, *export_modules) == set(export_modules)
    assert 0 < outcome["loaded"] < outcome["total"] / 4
