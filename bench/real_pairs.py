"""Quality on real national → provincial pairs: `../shared/corpus/real-pairs/`, scored by the
shared scorer (`../shared/tools/score_real_pair.py`) exactly as the product is measured.

A second set, kept apart and never used to tune the engine, checks that what holds on those
pairs holds on other law families: pairs of `../shared/corpus/domain/laws/` (a national law and
a provincial 实施办法) with gold made by hand for this project (`bench/gold/*.json`, article
numbers and English notes only, in the shared gold's format).
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from bench.tfidf_peer import tfidf_peer
from core.align import Parameters, compare_outlines
from core.compare import load_outline
from core.model import Comparison
from core.serialize import comparison_to_dict

FIGURES = ("links_f1", "missing_p", "missing_r", "listed_missing_p", "covered_r", "covered_p",
           "covered_called_missing", "na_called_missing")


@dataclass(frozen=True)
class PairScore:
    """The scorer's figures for one pair and one matcher, with the compare time."""

    pair: str
    matcher: str
    figures: dict
    seconds: float


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("score_real_pair",
                                                  shared / "tools" / "score_real_pair.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HELD_OUT_GOLD = Path(__file__).resolve().parent / "gold"


def real_pairs(shared: Path) -> list[tuple[str, Path, Path, dict]]:
    """(pair name, national path, provincial path, gold) of every shared real pair."""
    root = shared / "corpus" / "real-pairs"
    return _pairs(root / "gold", root / "texts")


def held_out_pairs(shared: Path) -> list[tuple[str, Path, Path, dict]]:
    """(pair name, national path, provincial path, gold) of the project's held-out pairs whose
    texts are in the domain corpus."""
    pairs = _pairs(HELD_OUT_GOLD, shared / "corpus" / "domain" / "laws")
    return [pair for pair in pairs if pair[1].is_file() and pair[2].is_file()]


def _pairs(gold_folder: Path, texts: Path) -> list[tuple[str, Path, Path, dict]]:
    pairs = []
    for gold_path in sorted(gold_folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs.append((gold_path.stem, texts / gold["national_file"],
                      texts / gold["provincial_file"], gold))
    return pairs


# An engine gives a Comparison; a peer that is no engine may give the scorer's JSON itself.
Comparer = Callable[[object, object], Comparison | dict]


def score_pairs(shared: Path, matchers: dict[str, Comparer], pairs=None) -> list[PairScore]:
    """Every real pair (the shared ones unless ``pairs`` are given) compared by every matcher
    and scored against its gold."""
    scorer = load_scorer(shared)
    scores = []
    for name, national_path, provincial_path, gold in (real_pairs(shared) if pairs is None
                                                       else pairs):
        national, provincial = load_outline(national_path), load_outline(provincial_path)
        for matcher_name, compare in matchers.items():
            started = time.perf_counter()
            comparison = compare(national, provincial)
            seconds = time.perf_counter() - started
            # Through the JSON, as `duizhao compare --json` gives it to the scorer (a peer that
            # is no engine gives that JSON itself).
            result = comparison if isinstance(comparison, dict) else comparison_to_dict(comparison)
            result = json.loads(json.dumps(result, ensure_ascii=False))
            figures = scorer.eval_articles(result, gold)
            figures["covered_p"] = covered_precision(scorer, result, gold)
            figures.update(named_carriers(scorer, result, gold))
            scores.append(PairScore(name, matcher_name, figures, seconds))
    return scores


def covered_precision(scorer: ModuleType, result: dict, gold: dict) -> float | None:
    """Of the articles a result calls 已覆盖, the share the gold calls covered: the scorer's
    cov→已覆盖 rewards calling everything carried covered, this figure charges it. Articles the
    gold calls n/a are left out."""
    number = scorer.article_ids(result["national"])
    called = [number[str(s["national"])] for s in result["sections"]
              if str(s["national"]) in number and s.get("status") == "covered"]
    judged = [gold["national_coverage"].get(str(n)) for n in called]
    judged = [g for g in judged if g is not None and g != "n/a"]
    return round(sum(g == "covered" for g in judged) / len(judged), 3) if judged else None


def named_carriers(scorer: ModuleType, result: dict, gold: dict) -> dict:
    """Of the articles a result calls missing that the gold calls carried (covered or partial):
    how many there are (``near_count``), for how many the nearest article its reason names is one
    the gold links to it (``near_first``), and for how many one of all it names is
    (``near_any``: ``nearest`` and ``runners_up``). What a reviewer settling a false flag finds
    named beside it."""
    if not any("nearest" in s for s in result["sections"]):
        return {}  # (a peer that names no nearest article)
    national = scorer.article_ids(result["national"])
    provincial = scorer.article_ids(result["provincial"])
    carriers: dict[int, set[int]] = {}
    for p, ns in gold["provincial_to_national"].items():
        for n in ns:
            carriers.setdefault(n, set()).add(int(p))
    count = first = any_named = 0
    for s in result["sections"]:
        n = national.get(str(s["national"]))
        if (n is None or s.get("status") != "missing"
                or gold["national_coverage"].get(str(n)) not in ("covered", "partial")):
            continue
        named = [provincial.get(str(p)) for p in [s.get("nearest"), *s.get("runners_up", [])] if p]
        count += 1
        first += bool(named) and named[0] in carriers.get(n, set())
        any_named += any(p in carriers.get(n, set()) for p in named)
    return {"near_count": count, "near_first": first, "near_any": any_named}


def duizhao(national, provincial) -> Comparison:
    """The engine with its default parameters."""
    return compare_outlines(national, provincial)


def plain_rapidfuzz(national, provincial) -> Comparison:
    """The plain peer: the engine's decisions on fuzz.ratio of the raw strings (and on the
    raw strings' article similarity alone, without the engine's pair-specific one)."""
    from rapidfuzz import fuzz

    from bench.quality import RawStringMatcher, rapidfuzz_matched, rapidfuzz_matrix
    matcher = RawStringMatcher("rapidfuzz-raw", rapidfuzz_matrix, rapidfuzz_matched,
                               fuzz.partial_ratio)
    return compare_outlines(national, provincial, matcher=matcher,
                            parameters=Parameters(article_pair_share=0.0))


def run(shared: Path) -> None:
    """`make bench`'s section: every real pair, Duizhao beside the plain peer."""
    if not (shared / "corpus" / "real-pairs" / "gold").is_dir():
        print(f"(skipped: no real pairs at {shared / 'corpus' / 'real-pairs'})")
        return
    matchers = {"Duizhao": duizhao, "rapidfuzz-raw": plain_rapidfuzz, "tfidf-article": tfidf_peer}
    print_table(score_pairs(shared, matchers))
    print("targets (mean): link F1 ≥ 0.80, miss P ≥ 0.75 at miss R ≥ 0.85, listed P ≥ 0.70, "
          "cov→已覆盖 ≥ 0.60, cov→未 ≤ 1 per pair")
    held_out = held_out_pairs(shared)
    if held_out:
        print()
        print("Held out (other law families, the project's own gold in bench/gold/; no threshold is "
              "set on them):")
        print_table(score_pairs(shared, matchers, held_out))


def print_table(scores: list[PairScore]) -> None:
    """Per pair and mean, the matchers side by side."""
    header = (f"{'pair':<13}{'matcher':<15}{'link F1':>8}{'miss P':>8}{'miss R':>8}"
              f"{'listed P':>9}{'cov→已覆盖':>10}{'已覆盖 P':>9}{'cov→未':>7}{'n/a→未':>7}{'s':>7}")
    print(header)
    matchers = list(dict.fromkeys(s.matcher for s in scores))
    for score in scores:
        f = score.figures
        print(f"{score.pair:<13}{score.matcher:<15}" + "".join(
            f"{_cell(f.get(k)):>{w}}" for k, w in zip(FIGURES, (8, 8, 8, 9, 10, 9, 7, 7)))
            + f"{score.seconds:>7.2f}")
    for matcher in matchers:
        own = [s for s in scores if s.matcher == matcher]
        means = []
        for key in FIGURES:
            values = [s.figures.get(key) for s in own if s.figures.get(key) is not None]
            means.append(sum(values) / len(values) if values else None)
        print(f"{'mean':<13}{matcher:<15}" + "".join(
            f"{_cell(v):>{w}}" for v, w in zip(means, (8, 8, 8, 9, 10, 9, 7, 7)))
            + f"{sum(s.seconds for s in own) / len(own):>7.2f}")
    for matcher in matchers:
        own = [s.figures for s in scores if s.matcher == matcher]
        count = sum(f.get("near_count", 0) for f in own)
        named = sum(f.get("near_any", 0) for f in own)
        if any("near_count" in f for f in own):
            first = sum(f.get("near_first", 0) for f in own)
            print(f"{matcher}: of {count} articles called 未覆盖 that the gold calls carried, the "
                  f"nearest article named is a carrier for {first} ({_share(first, count)}), one "
                  f"of the nearest named (up to 3) for {named} ({_share(named, count)})")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def _cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
