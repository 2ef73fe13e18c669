"""`duizhao --version` and `--help` answer without loading the engine, a reader or a dictionary."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("jieba", "numpy", "rapidfuzz", "docx", "lxml", "bs4", "openpyxl", "pypdfium2",
         "sqlite_utils", "PySide6", "core.align", "core.similarity", "core.compare", "core.read")

_PROBE = """
import contextlib, io, json, sys
from core.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        main(sys.argv[1:])
    except SystemExit as stop:
        code = stop.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_nothing_heavy(option):
    # A fresh interpreter: this test process has long imported everything.
    result = subprocess.run([sys.executable, "-c", _PROBE, option], capture_output=True,
                            text=True, cwd=REPO, timeout=60, check=True)
    outcome = json.loads(result.stdout)
    assert outcome["code"] == 0
    assert "duizhao" in outcome["out"]
    loaded = {name for name in outcome["modules"]
              if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)}
    assert loaded == set()


def test_a_subcommand_still_finds_its_engine(tmp_path, capsys):
    from core.cli import main

    path = tmp_path / "意见.txt"
    path.write_text("示例意见\n一、总体要求\n（一）指导思想。加强数字政府建设。\n", encoding="utf-8")
    assert main(["outline", str(path)]) == 0
    assert "一、总体要求" in capsys.readouterr().out
