"""Duizhao never touches the network: compare, exports and the self test with every socket forbidden."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO, SAMPLES

NATIONAL = SAMPLES / "national-guideline-sample.docx"
PROVINCIAL = SAMPLES / "provincial-opinion-sample.docx"

# Modules whose only purpose is talking over a network (or handing the user to a browser).
NETWORK_MODULES = ("socket", "ssl", "socketserver", "urllib.request", "urllib3", "http.client",
                   "http.server", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "poplib",
                   "imaplib", "telnetlib", "xmlrpc", "webbrowser", "PySide6.QtNetwork",
                   "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets")

# Runs first in the child process: any socket use raises, at the Python level (patched
# functions) and below it (an audit hook sees every socket the interpreter creates or resolves).
GUARD = textwrap.dedent("""
    import socket, sys

    class NetworkForbidden(OSError):
        pass

    def forbid(*args, **kwargs):
        raise NetworkForbidden("network use is forbidden here")

    def audit(event, args):
        if event.startswith("socket."):
            raise NetworkForbidden(f"network use is forbidden here: {event}")

    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "create_server", "socketpair"):
        setattr(socket, name, forbid)
    for name in ("connect", "connect_ex", "bind", "sendto", "listen"):
        setattr(socket.socket, name, forbid)
    sys.addaudithook(audit)

    # The guard itself must hold, or the rest proves nothing.
    for attempt in (lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
                    lambda: socket.getaddrinfo("example.org", 443),
                    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM)):
        try:
            attempt()
        except NetworkForbidden:
            pass
        else:
            raise SystemExit("guard did not block a socket")
""")

WORK = textwrap.dedent("""
    import sys
    from pathlib import Path
    from core.cli import main

    out = Path(sys.argv[1])
    national, provincial = sys.argv[2], sys.argv[3]
    for target in ("清单.docx", "清单.xlsx", "结果.json"):
        code = main(["compare", national, provincial, "-o", str(out / target)])
        assert code == 0, (target, code)
        assert (out / target).stat().st_size > 0, target
    assert main(["--selftest"]) == 0
    print("OFFLINE-OK")
""")


def run_offline(tmp_path, prefix: list[str] = (), guard: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(REPO),
               DUIZHAO_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    code = (GUARD if guard else "") + WORK
    return subprocess.run([*prefix, sys.executable, "-c", code, str(tmp_path), str(NATIONAL),
                           str(PROVINCIAL)], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=300)


@pytest.mark.slow
def test_compare_exports_and_selftest_run_with_every_socket_forbidden(tmp_path):
    result = run_offline(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("OFFLINE-OK")
    assert "自检通过" in result.stdout
    assert {p.name for p in tmp_path.iterdir()} >= {"清单.docx", "清单.xlsx", "结果.json"}


def _network_namespace_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _network_namespace_available(),
                    reason="unshare -n not permitted here (needs root or user namespaces)")
@pytest.mark.slow
def test_compare_exports_and_selftest_run_without_any_network_interface(tmp_path):
    result = run_offline(tmp_path, prefix=["unshare", "-n"], guard=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("OFFLINE-OK")


@pytest.mark.skipif(not _network_namespace_available(),
                    reason="unshare -n not permitted here (needs root or user namespaces)")
@pytest.mark.slow
def test_desktop_app_opens_the_samples_without_any_network_interface(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(REPO),
               DUIZHAO_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(["unshare", "-n", sys.executable, "-m", "core.cli", "app",
                             "--screenshot", str(shot)], capture_output=True, text=True, env=env,
                            cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 0


def _imported_modules(path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.append(str(node.args[0].value))
    return names


def test_no_module_of_the_program_imports_a_network_library():
    offenders = []
    files = [*(REPO / "core").rglob("*.py"), *(REPO / "desktop").rglob("*.py")]
    assert len(files) > 10
    for path in files:
        for name in _imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES):
                offenders.append(f"{path.relative_to(REPO)}: {name}")
    assert offenders == []
