"""Layering rules: core never imports Qt; the project store never runs the engine or the readers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")
# What reads, outlines and compares documents: core.session composes these with the store.
ENGINE_MODULES = ("core.align", "core.compare", "core.outline", "core.read")


def imported_modules(source: str, package: str) -> list[str]:
    """Every module a file of ``package`` imports, anywhere in it (a function's own imports too).

    ``from core import align`` counts as ``core.align``; a relative import is made absolute;
    ``importlib.import_module("…")`` and ``__import__("…")`` with a literal name count too.
    """
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                base = parts[:len(parts) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                  "import_module", "__import__")):
            names.append(node.args[0].value)
    return names


def _engine_imports(source: str, package: str) -> list[str]:
    return [name for name in imported_modules(source, package)
            if any(name == banned or name.startswith(banned + ".") for banned in ENGINE_MODULES)]


def test_core_never_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert list(CORE.rglob("*.py")), "core/ has no modules"
    assert offenders == []


def test_the_project_store_never_runs_the_engine_or_the_readers():
    """``core/project/`` stores values; reading and comparing are ``core.session``'s to compose."""
    modules = sorted((CORE / "project").glob("*.py"))
    assert len(modules) > 1, "core/project/ is no longer a package"
    offenders = [f"{path.name}: {name}" for path in modules
                 for name in _engine_imports(path.read_text(encoding="utf-8"), "core.project")]
    assert offenders == []


@pytest.mark.parametrize("source, expected", [
    ("import core.align", "core.align"),
    ("from core.compare import load_outline", "core.compare"),
    ("from core import outline", "core.outline"),
    ("from ..read import read_document", "core.read"),
    ("def f():\n    from core.read.docx import x", "core.read.docx"),
    ("import importlib\nimportlib.import_module('core.align')", "core.align"),
])
def test_the_store_rule_sees_every_way_of_importing(source, expected):
    assert expected in _engine_imports(source, "core.project")


def test_the_store_rule_lets_the_stores_own_imports_pass():
    allowed = "from core.model import Comparison\nfrom core.carry_over import carry_over\nimport sqlite3"
    assert _engine_imports(allowed, "core.project") == []
