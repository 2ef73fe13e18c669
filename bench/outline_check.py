"""`make outline-check`: outline every file of the domain corpus and report counts and anomalies.

Reads ``../shared/corpus/domain/index.tsv`` (or ``--corpus DIR``), reads and outlines every file
it lists in one process, writes one TSV row per file (grammar, parts, sections, articles,
sentences, anomalies) to ``--out`` (a temporary directory by default) and prints a summary of the
anomalies by kind. Exits 1 when any file raised an exception.

Anomalies:
  exception      reading or outlining raised
  no_title       the outline has no title
  plain          no numbering was recognised (one section per paragraph)
  one_section    a numbered document with a single numbered section
  gap            a numbering gap was warned about (编号不连续, a missing 第一章)
  repeat         a number repeated or went backwards (编号重复, 编号倒退)
  starts_late    the articles start after 第一条 (an excerpt, an amendment numbered on)
  misprint       a misprinted numbering word was read as numbering (笫五十四条, 第三十－条)
  unlabelled     a chapter heading printed without its label (总则) was read as a chapter
  empty_section  a section with no text and no child sections (a 章 with no 条, a bare label)
  contents       a statute's table of contents was set aside
  set_aside      web-page furniture was set aside before the title or after the body
  over_limit     the reader refuses the file as too large for a comparison (read here without
                 the limit, so that its outline is still checked)
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.errors import DocumentTooLargeError  # noqa: E402
from core.model import Outline, RawDocument  # noqa: E402
from core.outline import outline_document  # noqa: E402
from core.read import read_document  # noqa: E402
from core.read.plaintext import decode_text_bytes, split_paragraphs  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "domain"
COLUMNS = ("file", "kind", "grammar", "title_len", "parts", "sections", "articles", "sentences",
           "warnings", "anomalies", "notes")
KINDS = ("exception", "no_title", "plain", "one_section", "gap", "repeat", "starts_late", "misprint",
         "unlabelled", "empty_section", "contents", "set_aside", "over_limit")
# Warning wording (core.outline) → anomaly kind.
_WARNING_KINDS = (("编号不连续", "gap"), ("没有“第一", "gap"), ("编号重复", "repeat"),
                  ("编号倒退", "repeat"), ("开始，前面的条文", "starts_late"), ("疑似误印", "misprint"),
                  ("没有编号，按第", "unlabelled"), ("只有一个没有编号", "unlabelled"),
                  ("目录", "contents"), ("网页内容已另行列出", "set_aside"))


def listed_files(corpus: Path) -> list[tuple[str, str]]:
    """(relative path, kind) for every distinct file index.tsv lists, in its order."""
    seen: set[str] = set()
    files = []
    with (corpus / "index.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["file"] not in seen:
                seen.add(row["file"])
                files.append((row["file"], row["kind"]))
    return files


def _read_unlimited(path: Path) -> RawDocument:
    """A .txt file's paragraphs without the reader's size limits."""
    decoded = decode_text_bytes(path.read_bytes(), path=str(path))
    return RawDocument(path=str(path), format="txt", paragraphs=split_paragraphs(decoded.text),
                       encoding=decoded.encoding, warnings=decoded.warnings)


def anomalies(outline: Outline) -> list[str]:
    """The anomaly kinds this outline shows (see the module docstring)."""
    found = []
    numbered = [s for s in outline.sections if s.id != "0"]
    if not outline.title:
        found.append("no_title")
    if outline.grammar == "plain":
        found.append("plain")
    elif len(numbered) == 1:
        found.append("one_section")
    for phrase, kind in _WARNING_KINDS:
        if kind not in found and any(phrase in w for w in outline.warnings):
            found.append(kind)
    parents = {s.parent for s in numbered}
    if any(not s.paragraphs and s.id not in parents and
           (not s.title or s.kind in ("book", "chapter", "subchapter")) for s in numbered):
        found.append("empty_section")
    return found


def counts(outline: Outline) -> dict[str, int]:
    numbered = [s for s in outline.sections if s.id != "0"]
    return {"parts": sum(1 for s in numbered if s.level == 1),
            "sections": len(numbered),
            "articles": sum(1 for s in numbered if s.kind == "article"),
            "sentences": sum(len(s.clauses) for s in outline.sections)}


def check(corpus: Path, out: Path, limit: int | None = None) -> int:
    files = listed_files(corpus)[:limit]
    out.mkdir(parents=True, exist_ok=True)
    table = out / "outline-check.tsv"
    tally: Counter[str] = Counter()
    by_kind: dict[str, list[str]] = {kind: [] for kind in KINDS}
    grammars: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for name, kind in files:
            over_limit = False
            try:
                try:
                    raw = read_document(corpus / name)
                except DocumentTooLargeError:
                    # The app refuses texts over its size limit; the outline is still checked.
                    over_limit = True
                    raw = _read_unlimited(corpus / name)
                outline = outline_document(raw)
            except Exception:  # noqa: BLE001 - the check counts every failure, whatever it is
                tally["exception"] += 1
                by_kind["exception"].append(name)
                writer.writerow([name, kind, "", 0, 0, 0, 0, 0, 0, "exception", ""])
                print(f"EXCEPTION {name}\n{traceback.format_exc()}", file=sys.stderr)
                continue
            found = anomalies(outline) + (["over_limit"] if over_limit else [])
            for anomaly in found:
                tally[anomaly] += 1
                by_kind[anomaly].append(name)
            grammars[(kind, outline.grammar)] += 1
            c = counts(outline)
            writer.writerow([name, kind, outline.grammar, len(outline.title), c["parts"],
                             c["sections"], c["articles"], c["sentences"], len(outline.warnings),
                             ",".join(found), " | ".join(outline.warnings)[:300]])
    seconds = time.perf_counter() - started
    print(f"outline-check: {len(files)} files in {seconds:.1f} s; table: {table}")
    print("grammar by kind: " + ", ".join(f"{k}/{g} {n}" for (k, g), n in sorted(grammars.items())))
    print("anomalies:")
    for anomaly in KINDS:
        names = by_kind[anomaly]
        print(f"  {anomaly:<14}{tally[anomaly]:>6}")
        for name in names[:8]:
            print(f"      {name}")
        if len(names) > 8:
            print(f"      … {len(names) - 8} more (see the table)")
    return 1 if tally["exception"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="the domain folder holding index.tsv")
    parser.add_argument("--out", type=Path, default=None, help="folder for outline-check.tsv")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    args = parser.parse_args(argv)
    if not (args.corpus / "index.tsv").is_file():
        print(f"outline-check: no index.tsv in {args.corpus}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="duizhao-outline-check-"))
    return check(args.corpus, out, args.limit)


if __name__ == "__main__":
    sys.exit(main())
