"""Batch speed: 优化营商环境条例 × 31 local texts (16 real, 15 generated) against 31 single compares."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from core.compare import load_outline
from tests.generator import make_variant

BIN = Path(sys.executable).parent
# Province-level names not among the six real provinces: the generated texts take these titles.
GENERATED_REGIONS = ("天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
                     "江苏省", "浙江省", "安徽省", "福建省", "江西省", "湖北省", "湖南省",
                     "广西壮族自治区", "海南省", "四川省", "贵州省", "云南省")


@dataclass(frozen=True)
class BatchFigures:
    """What the batch bench measured."""

    locals: int
    real: int
    batch_seconds: float
    batch_peak_mb: float
    batch_cpu: float
    single_seconds: float
    single_cpu: float
    matrix_seconds: float
    load: float

    @property
    def ratio(self) -> float:
        """How many times faster the batch is than the separate compares."""
        return self.single_seconds / self.batch_seconds if self.batch_seconds else 0.0


def business_environment(laws: Path) -> tuple[Path, list[Path]]:
    """The national 优化营商环境条例 and its 16 provincial and city regulations."""
    files = sorted(laws.glob("*优化营商环境条例*"))
    national = next(p for p in files if p.name.startswith("国家-"))
    return national, [p for p in files if p != national]


def generated_locals(national: Path, folder: Path, count: int) -> list[Path]:
    """``count`` provincial rewrites of the national text (tests/generator.py), one per region."""
    outline = load_outline(national)
    paths = []
    for seed, region in enumerate(GENERATED_REGIONS[:count]):
        path = folder / f"generated-{seed:02d}.txt"
        path.write_text(make_variant(outline, 1000 + seed).text.replace("示例省", region),
                        encoding="utf-8")
        paths.append(path)
    return paths


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as stream:
                total += int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as stream:
                stack += [int(child) for child in stream.read().split()]
        except (OSError, ValueError):
            continue
    return total / 2**20


def run_measured(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MiB of the whole process tree, CPU seconds of the tree) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0.0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, error = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:2]} failed: {error.decode('utf-8', 'replace')[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak[0], cpu


def batch_figures(laws: Path, total: int = 31, singles: bool = True) -> BatchFigures:
    """Time `duizhao batch` over ``total`` locals, then the same pairs as separate compares."""
    national, real = business_environment(laws)
    duizhao = str(BIN / "duizhao")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        local_files = real + generated_locals(national, work, total - len(real))
        out = work / "matrix.json"
        load = os.getloadavg()[0]
        batch_seconds, peak, batch_cpu = run_measured(
            [duizhao, "batch", str(national), *map(str, local_files), "--json", str(out)])
        matrix_seconds, _, _ = run_measured(
            [duizhao, "batch", str(national), *map(str, local_files), "-o", str(work / "m.xlsx")])
        single_seconds = single_cpu = 0.0
        if singles:
            for number, local in enumerate(local_files):
                seconds, _, cpu = run_measured([duizhao, "compare", str(national), str(local),
                                                "--json", str(work / f"single-{number}.json")])
                single_seconds += seconds
                single_cpu += cpu
    return BatchFigures(len(local_files), len(real), batch_seconds, peak, batch_cpu,
                        single_seconds, single_cpu, matrix_seconds, load)
