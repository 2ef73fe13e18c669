"""The installers' sources agree with pyproject.toml and with each other (no PyInstaller run here)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.project import SUFFIX
from tests.conftest import REPO

tomllib = pytest.importorskip("tomllib", reason="packaging needs Python 3.11 (tomllib)")

PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def load_script(path: Path):
    """Import a script of packaging/ by path (the folder is not a package: PyPI owns `packaging`)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spec_settings() -> dict:
    """The settings block of build.spec: every statement before PyInstaller's Analysis runs."""
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    settings = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                getattr(node.value.func, "id", "") == "Analysis":
            break
        settings.append(node)
    namespace = {"SPECPATH": str(REPO)}
    exec(compile(ast.Module(settings, type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def build_deb():
    return load_script(PACKAGING / "linux" / "build_deb.py")


@pytest.fixture(scope="module")
def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys such as Name[zh_CN] are case-sensitive
    parser.read(PACKAGING / "linux" / "duizhao.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.fixture(scope="module")
def mime_type() -> ET.Element:
    root = ET.parse(PACKAGING / "linux" / "duizhao-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    types = root.findall(f"{MIME_NS}mime-type")
    assert len(types) == 1
    return types[0]


@pytest.fixture(scope="module")
def inno() -> str:
    raw = (PACKAGING / "windows" / "duizhao.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the UTF-8 BOM to read Chinese"
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def inno_define(script: str, name: str) -> str:
    match = re.search(rf'#define {name} "([^"]*)"', script)
    assert match, f"#define {name} missing"
    return match.group(1)


# -- build.spec ---------------------------------------------------------------------------------

def test_spec_takes_name_and_version_from_pyproject(spec_settings):
    assert spec_settings["NAME"] == PROJECT["name"] == "duizhao"
    assert spec_settings["VERSION"] == PROJECT["version"]
    assert PROJECT["version"] not in (REPO / "build.spec").read_text(encoding="utf-8")


def test_the_programs_version_is_pyprojects():
    import core

    assert core.__version__ == PROJECT["version"]


def test_spec_bundles_resources_the_two_samples_and_an_icon(spec_settings):
    datas = {Path(source).relative_to(REPO).as_posix(): target for source, target in spec_settings["DATAS"]}
    assert datas == {"resources": "resources",
                     "samples/national-guideline-sample.docx": "samples",
                     "samples/provincial-opinion-sample.docx": "samples"}
    assert all(Path(source).exists() for source, _ in spec_settings["DATAS"])
    assert Path(spec_settings["ICON"]).is_file()


def test_spec_keeps_every_qt_module_the_app_imports(spec_settings):
    used = set()
    for path in (REPO / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used |= {a.name for a in node.names if a.name.startswith("PySide6.")}
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    excluded = set(spec_settings["EXCLUDES"])
    assert not used & excluded
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf",
            "PySide6.QtMultimedia", "PySide6.Qt3DCore", "PySide6.QtCharts",
            "jieba.lac_small", "paddle"} <= excluded


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so", False),
    ("PySide6/Qt/plugins/imageformats/libqico.so", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("jieba/dict.txt", True),
    ("jieba/lac_small/model_baseline/crf.pdparams", False),
    ("jieba/analyse/idf.txt", False),
    ("resources/dictionary/policy_terms.txt", True),
])
def test_spec_filter_keeps_what_the_app_needs(spec_settings, dest, kept):
    assert spec_settings["wanted"]((dest, "/source/" + dest, "DATA")) is kept



def _linked(path: str) -> dict[str, str]:
    """soname -> file, as the dynamic loader finds a file's libraries here (ldd)."""
    out = subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^\s*(\S+) => (/\S+)", out, re.MULTILINE))


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="Linux with binutils (objdump) only")
def test_spec_keeps_only_the_host_libraries_a_kept_file_links_to(spec_settings):
    # Real files: Python's _sqlite3 links libsqlite3, which links libm; libffi is linked only
    # by _ctypes, which is not in this bundle (as cairo is linked only by the GTK theme plugin
    # the spec leaves out), so it must not be taken from the build machine.
    import _ctypes
    import _sqlite3

    sqlite_libraries = _linked(_sqlite3.__file__)
    ffi = {soname: path for soname, path in _linked(_ctypes.__file__).items() if soname.startswith("libffi")}
    if not ffi or "libsqlite3.so.0" not in sqlite_libraries or "libm.so.6" not in _linked(
            sqlite_libraries["libsqlite3.so.0"]):
        pytest.skip("this Python's _sqlite3/_ctypes are not linked as on Debian")
    libm = _linked(sqlite_libraries["libsqlite3.so.0"])["libm.so.6"]
    (ffi_name, ffi_path), = ffi.items()
    binaries = [("lib-dynload/_sqlite3.so", _sqlite3.__file__, "EXTENSION"),
                ("libsqlite3.so.0", sqlite_libraries["libsqlite3.so.0"], "BINARY"),
                ("libm.so.6", libm, "BINARY"),
                (ffi_name, ffi_path, "BINARY"),
                # Left to the system even though a kept Qt library links to it.
                ("libdbus-1.so.3", "/usr/lib/libdbus-1.so.3", "BINARY")]
    kept = spec_settings["reachable"](binaries)
    assert [entry[0] for entry in kept] == ["lib-dynload/_sqlite3.so", "libsqlite3.so.0", "libm.so.6"]

# -- the Debian package ---------------------------------------------------------------------------

def test_deb_takes_name_and_version_from_pyproject(build_deb):
    meta = build_deb.project()
    assert (meta["name"], meta["version"]) == (PROJECT["name"], PROJECT["version"])
    control = build_deb.control(meta["name"], meta["version"], "amd64", 1234, "2.36")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "duizhao" and fields["Version"] == PROJECT["version"]
    assert fields["Installed-Size"] == "1234"
    depends = fields["Depends"].split(", ")
    assert depends[0] == "libc6 (>= 2.36)"
    assert "libxcb1" in depends and "libgl1" in depends
    assert control.endswith("\n")


XCB_PACKAGES = {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"}


def test_deb_depends_on_the_libraries_qts_xcb_plugin_loads(build_deb):
    # A bare Debian 12 lacks them and `duizhao app` cannot open its window without them.
    control = build_deb.control("duizhao", PROJECT["version"], "amd64", 1234, "2.36")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if not line.startswith(" "))
    depends = {entry.split()[0] for entry in fields["Depends"].split(", ")}
    assert XCB_PACKAGES <= depends
    assert set(build_deb.XCB_PLUGIN_LIBRARIES.values()) == XCB_PACKAGES


def test_deb_and_the_app_name_the_same_xcb_packages(build_deb):
    # What `duizhao app` (and so `make run`) tells a user to install is what the .deb brings.
    pytest.importorskip("PySide6")
    from desktop import app

    assert {package for _, package in app.XCB_LIBRARIES} == set(build_deb.XCB_PLUGIN_LIBRARIES.values())
    assert {f"lib{name}.so" for name, _ in app.XCB_LIBRARIES} == {
        soname.rsplit(".", 1)[0] for soname in build_deb.XCB_PLUGIN_LIBRARIES}


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None
                    or shutil.which("dpkg") is None, reason="Debian-like Linux with binutils only")
def test_depends_check_accepts_qts_xcb_library_in_a_bundle(build_deb, tmp_path):
    # The real Qt library the xcb plugin runs on, alone in a bundle: the xcb libraries it asks
    # the system for are covered by Depends, found here or not.
    pyside = pytest.importorskip("PySide6")
    library = Path(pyside.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    if not library.is_file():
        pytest.skip("this PySide6 has no xcb platform library")
    linked = set(build_deb.XCB_PLUGIN_LIBRARIES) & set(build_deb._needed(library))
    if not linked:
        pytest.skip("this Qt loads the xcb libraries at run time only")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(library, bundle / "_internal" / library.name)
    assert linked <= set(build_deb.external_libraries(bundle))
    problems = build_deb.check_dependencies(bundle)
    assert [p for p in problems if p.split(":")[0] in build_deb.XCB_PLUGIN_LIBRARIES] == []


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="Linux with binutils (objdump) only")
def test_only_a_bundled_files_own_links_count_as_outside_libraries(build_deb, tmp_path):
    # A bundle holding Python's _sqlite3: it links libsqlite3 and libc itself; libm is linked
    # only by libsqlite3, so it is libsqlite3's package's dependency, not the bundle's.
    import _sqlite3

    if "libsqlite3.so.0" not in _linked(_sqlite3.__file__):
        pytest.skip("this Python's _sqlite3 does not link the system libsqlite3")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(_sqlite3.__file__, bundle / "_internal" / "_sqlite3.so")
    outside = build_deb.external_libraries(bundle)
    assert set(outside) == {"libsqlite3.so.0", "libc.so.6"}
    assert Path(outside["libsqlite3.so.0"]).name.startswith("libsqlite3.so")


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils (objdump) not installed")
def test_required_glibc_is_the_newest_symbol_version_a_bundled_file_asks_for(build_deb, tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "notes.txt").write_text("not a program", encoding="utf-8")
    assert build_deb.required_glibc(bundle) is None
    shutil.copy(Path(sys.executable).resolve(), bundle / "python")
    version = build_deb.required_glibc(bundle)
    assert re.fullmatch(r"2\.\d+(\.\d+)?", version)
    symbols = subprocess.run(["objdump", "-T", str(bundle / "python")], capture_output=True,
                             text=True).stdout
    assert f"GLIBC_{version}" in symbols


def test_staged_tree_has_program_links_menu_entry_icons_and_file_type(build_deb, tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for program in build_deb.PROGRAMS:
        (bundle / program).write_bytes(b"#!/bin/sh\n")
        (bundle / program).chmod(0o700)
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    (bundle / "_internal" / "data.txt").chmod(0o600)
    staging = tmp_path / "staging"
    build_deb.stage(bundle, staging, "duizhao", "0.1.0", "amd64")
    for program in build_deb.PROGRAMS:
        assert os.readlink(staging / "usr" / "bin" / program) == f"/opt/duizhao/{program}"
        assert (staging / "opt" / "duizhao" / program).stat().st_mode & 0o777 == 0o755
    assert (staging / "opt" / "duizhao" / "_internal" / "data.txt").stat().st_mode & 0o777 == 0o644
    assert (staging / "usr/share/applications/duizhao.desktop").is_file()
    assert (staging / "usr/share/mime/packages/duizhao.xml").is_file()
    for size in (48, 128, 256):
        assert png_size(staging / f"usr/share/icons/hicolor/{size}x{size}/apps/duizhao.png") == (size, size)
    assert (staging / "usr/share/icons/hicolor/scalable/apps/duizhao.svg").is_file()
    control = (staging / "DEBIAN" / "control").read_text(encoding="utf-8")
    assert "Version: 0.1.0" in control
    for script in ("postinst", "postrm"):
        path = staging / "DEBIAN" / script
        assert path.stat().st_mode & 0o777 == 0o755
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#!/bin/sh") and "update-mime-database" in text
        assert "update-desktop-database" in text


def test_maintainer_scripts_are_valid_shell():
    for script in ("postinst", "postrm"):
        result = subprocess.run(["sh", "-n", str(PACKAGING / "linux" / script)], capture_output=True)
        assert result.returncode == 0, result.stderr


# -- desktop entry and MIME type ----------------------------------------------------------------

def test_desktop_entry_names_the_app_in_chinese_and_opens_projects(desktop_entry, build_deb):
    assert desktop_entry["Type"] == "Application"
    assert desktop_entry["Name"] == desktop_entry["Name[zh_CN]"] == "对照"
    assert re.search(r"[\u4e00-\u9fff]", desktop_entry["Comment[zh_CN]"])
    program, *arguments = desktop_entry["Exec"].split()
    assert program == "duizhao-app" and program in build_deb.PROGRAMS
    assert arguments == ["%F"]  # a project, or two documents
    assert desktop_entry["Terminal"] == "false"
    assert desktop_entry["Icon"] == "duizhao" and (ICONS / "duizhao.svg").is_file()
    assert desktop_entry["MimeType"].rstrip(";").split(";") == [build_deb.MIME_TYPE]


def test_mime_type_is_the_project_suffix_and_the_desktop_entrys(mime_type, desktop_entry, build_deb):
    assert mime_type.get("type") == build_deb.MIME_TYPE == "application/x-duizhao-project"
    assert desktop_entry["MimeType"].rstrip(";") == mime_type.get("type")
    globs = [glob.get("pattern") for glob in mime_type.findall(f"{MIME_NS}glob")]
    assert globs == ["*" + SUFFIX] == ["*.duizhao"]
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text
                for c in mime_type.findall(f"{MIME_NS}comment")}
    assert comments[None] and comments["zh_CN"] == "对照项目"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(PACKAGING / "linux" / "duizhao.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


# -- the Windows installer script ---------------------------------------------------------------

def test_inno_script_carries_pyprojects_version_and_the_apps_name(inno):
    assert inno_define(inno, "AppVersion") == PROJECT["version"]
    assert inno_define(inno, "AppName") == "对照"
    assert "AppName={#AppName}" in inno and "AppVersion={#AppVersion}" in inno
    assert "{autoprograms}\\{#AppName}" in inno  # the start-menu entry 对照


def test_inno_script_installs_per_user_without_admin_rights(inno):
    assert re.search(r"^PrivilegesRequired=lowest$", inno, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\", inno, re.M)
    assert "Root: HKA;" in inno and "HKLM" not in inno


def test_inno_script_associates_projects_with_the_windowed_program(inno, spec_settings, build_deb):
    assert inno_define(inno, "ProjectExt") == SUFFIX
    assert inno_define(inno, "AppExe") == f"{spec_settings['NAME']}-app.exe"
    assert r'"""{app}\{#AppExe}"" ""%1"""' in inno
    assert build_deb.MIME_TYPE in inno
    assert "ChangesAssociations=yes" in inno
    assert inno_define(inno, "Bundle").replace("\\", "/") == f"../../dist/{spec_settings['NAME']}"


def test_inno_script_uses_the_chinese_wizard_and_falls_back(inno):
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in inno
    assert 'MessagesFile: "compiler:Default.isl"' in inno
    openers = re.findall(r"^\s*#if(?:n?def)?\s", inno, re.M)
    assert len(openers) == len(re.findall(r"^\s*#endif", inno, re.M)) == 2
    assert "SetupIconFile=..\\..\\resources\\icons\\duizhao.ico" in inno


# -- icons -----------------------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_have_their_sizes():
    assert png_size(ICONS / "duizhao.png") == (256, 256)
    assert png_size(ICONS / "duizhao-48.png") == (48, 48)
    assert png_size(ICONS / "duizhao-128.png") == (128, 128)
    data = (ICONS / "duizhao.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_committed_svg_is_what_the_icon_script_draws():
    make_icons = load_script(PACKAGING / "make_icons.py")
    assert (ICONS / "duizhao.svg").read_text(encoding="utf-8") == make_icons.svg()
    ET.fromstring(make_icons.svg())


# -- the windowed launcher ----------------------------------------------------------------------

@pytest.mark.slow
def test_windowed_launcher_survives_missing_console_streams(tmp_path):
    """Windowed programs on Windows start with sys.stdout/stderr None: the app must still run."""
    shot = tmp_path / "shot.png"
    code = ("import runpy, sys\n"
            "sys.stdout = sys.stderr = None\n"
            f"sys.argv = [{str(PACKAGING / 'duizhao_app.py')!r}, '--screenshot', {str(shot)!r}]\n"
            f"runpy.run_path({str(PACKAGING / 'duizhao_app.py')!r}, run_name='__main__')\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUIZHAO_DATA_DIR=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=180)
    assert result.returncode == 0, result.stderr
    assert png_size(shot)[0] > 0
