"""`make bench`: prints quality and speed figures, Duizhao beside its baselines, in one run."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from bench import policy_pairs, real_pairs
from bench.quality import MATCHERS, article_alignment, generated_benchmark, sample_pair
from bench.batch import batch_figures
from bench.export_speed import export_timings
from bench.gui_speed import gui_timings
from bench.speed import compare_scaling, read_and_outline
from core.domain import document_frequency
from core.resources import resource
from core.similarity import tokenizer

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "samples"
NATIONAL_TEXTS = [
    CORPUS / "national-guideline-digital-government-2022.txt",
    CORPUS / "policies" / "state-council-office-2018-123-government-new-media.txt",
    CORPUS / "laws" / "national-optimizing-business-environment-regulation-2019.txt",
    CORPUS / "laws" / "national-emergency-response-law-2007.txt",
]


def _real_pairs() -> None:
    print("== Quality: real national → provincial pairs (../shared/corpus/real-pairs, scored by "
          "../shared/tools/score_real_pair.py) ==")
    real_pairs.run(REPO.parent / "shared")
    print()


def _policy_pairs() -> None:
    print("== Quality: provincial policy texts written by drafters blind to the engine "
          "(bench/policy, sentence gold; 南屏 written after the rules were set) ==")
    matchers = {"Duizhao": None, "rapidfuzz-raw": MATCHERS["rapidfuzz-raw"]}
    policy_pairs.print_table(policy_pairs.run_pairs(matchers))
    print("(cov→未: gold-covered sentences called 未覆盖; part→flag: gold-partial sentences "
          "called 部分覆盖 or 未覆盖; n/e→未: gold not-expected called 未覆盖)")
    # Drafts on other national policies, kept outside the project because they quote the
    # corpus: each gold names its national text by full path. Several folders are joined as a
    # PATH is (os.pathsep): a set the rules were read from, and one kept back to measure them.
    for extra in os.environ.get("DUIZHAO_POLICY_PAIRS", "").split(os.pathsep):
        if extra and Path(extra).is_dir():
            print(f"-- and the pairs in {extra} --")
            policy_pairs.print_table(policy_pairs.run_pairs(matchers, Path(extra)))
    print()


def _quality(seeds: range) -> None:
    print(f"== Quality: generated provincial variants ({len(NATIONAL_TEXTS)} national texts × "
          f"{len(seeds)} seeds) ==")
    results = generated_benchmark(NATIONAL_TEXTS, seeds)
    header = (f"{'matcher':<15}{'miss P':>8}{'miss R':>8}{'weak R':>8}{'add P':>8}{'add R':>8}"
              f"{'add F1':>8}{'sect F1':>9}{'n/exp':>7}{'time s':>9}")
    print(header)
    for name, s in results.items():
        print(f"{name:<15}{s.missing.precision:>8.3f}{s.missing.recall:>8.3f}"
              f"{s.weakened_recall:>8.3f}{s.additions.precision:>8.3f}{s.additions.recall:>8.3f}"
              f"{s.additions.f1:>8.3f}{s.sections.f1:>9.3f}{s.not_expected:>7}{s.seconds:>9.2f}")
    print("(n/exp: judged sentences called 无需地方落实, left out of miss P/R)")
    print()
    print("== Quality: 优化营商环境条例 → 上海市优化营商环境条例, hand-annotated article pairs ==")
    tallies = article_alignment(CORPUS / "laws" / "national-optimizing-business-environment-regulation-2019.txt",
                                CORPUS / "laws" / "shanghai-optimizing-business-environment-regulation-2020.txt",
                                REPO / "tests" / "data" / "shanghai-obe-article-alignment.json")
    print(f"{'matcher':<15}{'P':>8}{'R':>8}{'F1':>8}")
    for name, t in tallies.items():
        print(f"{name:<15}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}")
    print()
    truth = SAMPLES / "provincial-opinion-sample.truth.json"
    omissions = len(json.loads(truth.read_text(encoding="utf-8"))["omitted"])
    print(f"== Quality: sample pair (示例省 opinion written by hand with {omissions} omissions), "
          "against its truth ==")
    print(f"{'matcher':<15}{'miss P':>8}{'miss R':>8}{'add P':>8}{'add R':>8}")
    for name, (missing, additions) in sample_pair(
            SAMPLES / "national-guideline-sample.docx", SAMPLES / "provincial-opinion-sample.docx",
            truth).items():
        print(f"{name:<15}{missing.precision:>8.3f}{missing.recall:>8.3f}"
              f"{additions.precision:>8.3f}{additions.recall:>8.3f}")
    print()


def _speed() -> None:
    national = SAMPLES / "national-guideline-sample.docx"
    provincial = SAMPLES / "provincial-opinion-sample.docx"
    print("== Speed: read and outline (warm, median of 5) ==")
    for path in [national, provincial, *NATIONAL_TEXTS[1:]]:
        print(f"{path.name:<70}{read_and_outline(path) * 1000:>8.1f} ms")
    print()
    print("== Speed: compare end to end, reading both files included (warm, median) ==")
    print(f"{'size':<6}{'national':>10}{'provincial':>12}{'seconds':>10}{'peak MiB':>10}")
    for factor, n, p, seconds, peak in compare_scaling(national, provincial):
        print(f"{str(factor) + '×':<6}{n:>10}{p:>12}{seconds:>10.3f}{peak:>10.1f}")
    print()
    print("== Speed: Word export (warm, median of 3; the comparison is not recomputed) ==")
    for label, seconds in export_timings():
        print(f"{label:<60}{seconds:>8.3f} s")
    print()


def _gui() -> None:
    print("== Desktop app: sample pair, offscreen (targets: window ≤ 2 s, results ≤ 1.5 s, block ≤ 100 ms) ==")
    for name, value in gui_timings().items():
        print(f"{name:<45}{value:>10.3f}")
    print()


def _batch() -> None:
    laws = CORPUS / "domain" / "laws"
    print("== Batch: 优化营商环境条例 × 31 local texts (16 real + 15 generated), `duizhao batch` "
          "against 31 separate `duizhao compare` runs (target: ≤ 10 s, ≤ 1 GB on 2 cores) ==")
    if not laws.is_dir():
        print(f"skipped: {laws} not found\n")
        return
    f = batch_figures(laws)
    print(f"load average at start {f.load:.1f} (the machine has {os.cpu_count()} cores)")
    print(f"{'':<36}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}")
    print(f"{'duizhao batch --json (1 process tree)':<36}{f.batch_seconds:>9.2f}{f.batch_cpu:>9.2f}"
          f"{f.batch_peak_mb:>10.0f}")
    print(f"{'duizhao batch -o matrix.xlsx':<36}{f.matrix_seconds:>9.2f}")
    print(f"{'31 × duizhao compare --json':<36}{f.single_seconds:>9.2f}{f.single_cpu:>9.2f}")
    print(f"ratio (separate / batch): wall {f.ratio:.1f}×, CPU {f.single_cpu / f.batch_cpu:.1f}×")
    print()


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    cold = time.perf_counter()
    tokenizer()
    print(f"jieba dictionary load (cold, once per process): {time.perf_counter() - cold:.2f} s")
    cold = time.perf_counter()
    document_frequency()
    size = resource("domain", "document_frequency.tsv").stat().st_size
    print(f"domain word statistics load (once per process): {time.perf_counter() - cold:.3f} s, "
          f"{size / 1e6:.2f} MB on disk\n")
    seeds = range(int(argv[0])) if argv else range(10)
    _real_pairs()
    _policy_pairs()
    _quality(seeds)
    _speed()
    _gui()
    _batch()
    print(f"bench finished in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
