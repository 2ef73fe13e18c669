"""`make package`: build dist/duizhao/ with PyInstaller, time the frozen self test, build the .deb,
install it, run the installed self test as an ordinary user, remove it, print the figures.

    python packaging/package.py [--keep-installed] [--skip-install]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "duizhao"
INSTALLED = Path("/opt/duizhao")
sys.path.insert(0, str(ROOT / "packaging" / "linux"))

import build_deb  # noqa: E402  (beside this script, not an installed package)


def folder_mb(folder: Path) -> float:
    """Unpacked size in MiB: every file's bytes (links counted as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 2**20


def user_env(home: Path) -> dict[str, str]:
    """An environment whose user cache and data folders are fresh, under ``home``."""
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("DUIZHAO_DATA_DIR", None)
    return env


def selftest(program: Path | str, env: dict[str, str], *, user: str | None = None) -> tuple[float, str]:
    """Run ``program --selftest``; returns (seconds, its one line). Exits on failure."""
    command = [str(program), "--selftest"]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=env["HOME"])
    seconds = time.perf_counter() - started
    line = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not line.startswith("自检通过"):
        sys.exit(f"self test of {program} failed (exit {result.returncode}): {line}")
    return seconds, line


def build_bundle() -> float:
    """Run PyInstaller on build.spec; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(ROOT / "dist"),
                    "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "build.spec")],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def time_frozen_selftest() -> tuple[float, float, str]:
    """Cold (fresh user cache) and warm (median of 3) wall time of the frozen self test."""
    with tempfile.TemporaryDirectory(prefix="duizhao-home-") as home:
        env = user_env(Path(home))
        cold, line = selftest(BUNDLE / "duizhao", env)
        warm = statistics.median(selftest(BUNDLE / "duizhao", env)[0] for _ in range(3))
    return cold, warm, line


def frozen_window() -> str:
    """Start the frozen windowed program on the sample pair and save a screenshot of its window.

    Under Xvfb when xvfb-run is installed (the xcb plugin a desktop uses), else offscreen.
    """
    with tempfile.TemporaryDirectory(prefix="duizhao-home-") as home:
        shot = Path(home) / "window.png"
        command = [str(BUNDLE / "duizhao-app"), "--screenshot", str(shot)]
        env = user_env(Path(home))
        platform = "offscreen"
        if shutil.which("xvfb-run"):
            command = ["xvfb-run", "-a", *command]
            env.pop("QT_QPA_PLATFORM")
            platform = "xcb (Xvfb)"
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        seconds = time.perf_counter() - started
        if result.returncode != 0 or not shot.is_file():
            sys.exit(f"the frozen window did not open (exit {result.returncode}): {result.stderr[-1000:]}")
        kept = ROOT / "build" / "frozen-window.png"
        shutil.copy(shot, kept)
    return f"窗口程序  {platform} 下打开示例对照并截图 {seconds:.1f} 秒：{kept}"


def files_under(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*")}


def install_and_check(deb: Path, *, keep: bool) -> str:
    """Install the .deb, run the installed program as user nobody, check it wrote nothing beside
    itself and registered its file type; remove it again unless ``keep``. Returns a report line."""
    if os.geteuid() != 0:
        return "安装测试：跳过（需要 root 权限安装 .deb）"
    name = build_deb.project()["name"]
    # apt-get installs the Depends too; without reachable repositories dpkg may still manage.
    apt = subprocess.run(["apt-get", "install", "-y", "-qq", str(deb)], capture_output=True, text=True)
    if apt.returncode != 0:
        dpkg = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
        if dpkg.returncode != 0:
            subprocess.run(["dpkg", "--purge", name], capture_output=True)
            sys.exit(f"the .deb did not install:\n{apt.stderr[-800:]}\n{dpkg.stderr[-800:]}")
    try:
        before = files_under(INSTALLED)
        with tempfile.TemporaryDirectory(prefix="duizhao-user-") as home:
            shutil.chown(home, "nobody")
            seconds, line = selftest("/usr/bin/duizhao", user_env(Path(home)), user="nobody")
            written = sorted(str(p.relative_to(home)) for p in Path(home).rglob("*") if p.is_file())
        added = files_under(INSTALLED) - before
        if added:
            sys.exit(f"the installed program wrote into {INSTALLED}: {sorted(added)[:5]}")
        globs = Path("/usr/share/mime/globs2")
        if globs.is_file() and build_deb.MIME_TYPE not in globs.read_text(encoding="utf-8"):
            sys.exit(f"{build_deb.MIME_TYPE} not registered in {globs}")
        return (f"安装测试：/usr/bin/duizhao --selftest 以 nobody 用户运行通过（{seconds:.2f} 秒），"
                f"只写入用户目录：{', '.join(written) or '无'}")
    finally:
        if not keep:
            subprocess.run(["dpkg", "--purge", name], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-installed", action="store_true", help="leave the .deb installed")
    parser.add_argument("--skip-install", action="store_true", help="do not install the .deb here")
    args = parser.parse_args(argv)
    build_seconds = build_bundle()
    cold, warm, line = time_frozen_selftest()
    window = frozen_window()
    started = time.perf_counter()
    deb = build_deb.build(BUNDLE, ROOT / "dist")
    deb_seconds = time.perf_counter() - started
    install = "安装测试：跳过" if args.skip_install else install_and_check(deb, keep=args.keep_installed)
    print()
    print(f"程序目录  {BUNDLE}  {folder_mb(BUNDLE):.0f} MB（解压后），PyInstaller 用时 {build_seconds:.0f} 秒")
    print(f"安装包    {deb}  {deb.stat().st_size / 2**20:.0f} MB，打包用时 {deb_seconds:.0f} 秒")
    print(f"自检      冷启动 {cold:.2f} 秒（全新用户缓存），热启动 {warm:.2f} 秒（3 次中位数）")
    print(f"          {line}")
    print(window)
    print(install)
    return 0


if __name__ == "__main__":
    sys.exit(main())
