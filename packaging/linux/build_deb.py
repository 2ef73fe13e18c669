"""Build the Debian package (UOS, Kylin, Debian, Ubuntu) from the PyInstaller folder dist/duizhao/.

    python packaging/linux/build_deb.py [--bundle dist/duizhao] [--out dist]

Name and version come from pyproject.toml. The program goes to /opt/duizhao, with /usr/bin
links, a menu entry, icons and the .duizhao file type. Needs dpkg-deb (no fakeroot: files are
owned by root through --root-owner-group).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ICONS = ROOT / "resources" / "icons"
INSTALL_DIR = "/opt/duizhao"
PROGRAMS = ("duizhao", "duizhao-app")
MIME_TYPE = "application/x-duizhao-project"

# What the bundle needs from the system: the C library (its version is what the build machine's
# libraries ask for: see required_glibc), OpenGL/EGL and the X11/Wayland client libraries
# PyInstaller leaves to the host, and D-Bus, which build.spec leaves to it (each checked
# against the bundle by check_dependencies).
# A CJK font is recommended: without one Chinese shows as boxes.
# Qt's xcb platform plugin loads these at start (Qt 6.5 and later refuse to start without
# xcb-cursor) and a bare Debian 12 lacks them: listed whatever the bundle carries, since a
# check of the bundle's links sees only what this PySide6 links rather than loads (dlopen),
# and only what the build machine had. desktop/app.py names the same packages when they are
# missing under `duizhao app` / `make run`.
XCB_PLUGIN_LIBRARIES = {"libxcb-cursor.so.0": "libxcb-cursor0",
                        "libxcb-icccm.so.4": "libxcb-icccm4",
                        "libxcb-keysyms.so.1": "libxcb-keysyms1"}
DEPENDS = ("libc6", "libgl1", "libegl1", "libglx0", "libglvnd0", "libdrm2", "libxcb1",
           *XCB_PLUGIN_LIBRARIES.values(),
           "libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libdbus-1-3")
RECOMMENDS = ("fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei",)
# Libraries a bundled plugin links to that the build host may lack, and their Debian packages.
KNOWN_LIBRARIES = {"libwayland-cursor.so.0": "libwayland-cursor0",
                   "libwayland-egl.so.1": "libwayland-egl1",
                   "libwayland-client.so.0": "libwayland-client0",
                   **XCB_PLUGIN_LIBRARIES,
                   "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6"}


def project() -> dict:
    """The [project] table of pyproject.toml (name, version, description)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def architecture() -> str:
    """Debian's name for this machine's architecture (amd64, arm64, loong64 …)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(name: str, version: str, arch: str, installed_kib: int, glibc: str | None = None) -> str:
    """The DEBIAN/control file; ``glibc`` is the least C library version the bundle runs on."""
    depends = [f"libc6 (>= {glibc})" if entry == "libc6" and glibc else entry for entry in DEPENDS]
    return (f"Package: {name}\n"
            f"Version: {version}\n"
            f"Architecture: {arch}\n"
            "Maintainer: Duizhao maintainers <duizhao@localhost>\n"
            f"Installed-Size: {installed_kib}\n"
            f"Depends: {', '.join(depends)}\n"
            f"Recommends: {', '.join(RECOMMENDS)}\n"
            "Section: text\n"
            "Priority: optional\n"
            "Description: 对照 — national guideline / provincial implementation text comparison\n"
            " 国家文件与地方实施文件逐条对照：已覆盖、部分覆盖、未覆盖和本省新增，\n"
            " 审核意见逐条记录，导出 Word 起草对照清单。完全离线运行，不连接网络。\n")


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as stream:
                if stream.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(path: Path) -> list[str]:
    """The sonames an ELF file links to itself (DT_NEEDED), not those of its libraries."""
    result = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
    return re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, re.MULTILINE)


def external_libraries(bundle: Path) -> dict[str, str | None]:
    """Libraries the bundle's files link to that come from outside it: soname -> path or None.

    Only a bundled file's own links count: what a system library needs in turn (libxcb's libXau)
    is its package's dependency, not ours. None means the library is missing on this machine
    (ldd's "not found").
    """
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    found: dict[str, str | None] = {}
    for path in _elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        resolved = {}
        for line in result.stdout.splitlines():
            if "=>" not in line:
                continue
            soname, _, target = line.strip().partition(" => ")
            resolved[soname] = target.split(" (")[0].strip()
        for soname in _needed(path):
            target = resolved.get(soname, "not found")
            if target == "not found":
                found.setdefault(soname, None)
            elif not Path(target).resolve().is_relative_to(bundle.resolve()):
                found[soname] = target
    return found


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def required_glibc(bundle: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any file of the bundle needs (objdump -T), or None.

    A bundle built on Debian 12 needs glibc 2.36: dpkg then refuses it on an older system with a
    clear message instead of the program failing to start. Build on the oldest target for reach.
    """
    versions = set()
    for path in _elf_files(bundle):
        result = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
        versions |= set(re.findall(r"\bGLIBC_(\d+\.\d+(?:\.\d+)?)\b", result.stdout))
    return max(versions, key=_version_key) if versions else None


def owning_package(library: str) -> str | None:
    """The Debian package that installed a library file, or None."""
    resolved = Path(library).resolve()
    candidates = {library, str(resolved)}
    for path in list(candidates):  # merged /usr: dpkg may know either spelling
        if path.startswith("/usr/lib/"):
            candidates.add(path[len("/usr"):])
        elif path.startswith("/lib/"):
            candidates.add("/usr" + path)
    for path in candidates:
        result = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def check_dependencies(bundle: Path) -> list[str]:
    """Problems: outside libraries whose package is not in DEPENDS (empty when all is well)."""
    declared = {entry.split()[0] for entry in DEPENDS}
    problems = []
    for soname, target in sorted(external_libraries(bundle).items()):
        package = KNOWN_LIBRARIES.get(soname) if target is None else owning_package(target)
        if package is None:
            problems.append(f"{soname}: no Debian package known ({target or 'not found'})")
        elif package not in declared:
            problems.append(f"{soname}: from {package}, which Depends does not list")
    return problems


def _normalise_modes(folder: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644 (the bundle keeps umask modes)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & stat.S_IXUSR:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def stage(bundle: Path, staging: Path, name: str, version: str, arch: str,
          glibc: str | None = None) -> None:
    """Lay out the package's file tree under ``staging``."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in PROGRAMS:
        (bin_dir / program).symlink_to(f"{INSTALL_DIR}/{program}")
    share = staging / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / "duizhao.desktop", share / "applications" / "duizhao.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(HERE / "duizhao-mime.xml", share / "mime" / "packages" / "duizhao.xml")
    icons = share / "icons" / "hicolor"
    for size, source in ((48, "duizhao-48.png"), (128, "duizhao-128.png"), (256, "duizhao.png")):
        target = icons / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(ICONS / source, target / "duizhao.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICONS / "duizhao.svg", icons / "scalable" / "apps" / "duizhao.svg")
    _normalise_modes(staging)
    debian = staging / "DEBIAN"
    debian.mkdir()
    size_kib = sum(p.lstat().st_size for p in staging.rglob("*") if not p.is_dir()) // 1024
    (debian / "control").write_text(control(name, version, arch, size_kib, glibc), encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy(HERE / script, debian / script)
        (debian / script).chmod(0o755)


def build(bundle: Path, out: Path) -> Path:
    """Stage and build the .deb; returns its path."""
    meta = project()
    name, version, arch = meta["name"], meta["version"], architecture()
    for program in PROGRAMS:
        if not (bundle / program).is_file():
            raise SystemExit(f"{bundle / program} missing: build the bundle first (make package)")
    problems = check_dependencies(bundle)
    if problems:
        raise SystemExit("the package's Depends do not cover the bundle:\n  " + "\n  ".join(problems))
    staging = ROOT / "build" / "deb" / f"{name}_{version}_{arch}"
    stage(bundle, staging, name, version, arch, required_glibc(bundle))
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}_{version}_{arch}.deb"
    # xz: what every dpkg reads, including the older ones of UOS and Kylin (zstd is too new).
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "duizhao")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    target = build(args.bundle, args.out)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
