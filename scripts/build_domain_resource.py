"""Build `resources/domain/`: how common each word is across the domain corpus of Chinese law
and policy, so that formulas every law repeats weigh little and content terms weigh much.

Usage: python scripts/build_domain_resource.py [CORPUS_DOMAIN_DIR [OUTPUT_DIR]]
(defaults: ../shared/corpus/domain and resources/domain)

Reads every .txt under the folder (laws and policies), splits each into paragraphs, tokenises
them with the project's own tokenizer (core.similarity.tokens, so the counts are of the very
tokens the engine compares) and writes:

* ``document_frequency.tsv`` — ``word<TAB>documents`` for every word found in at least
  ``MIN_DOCUMENTS`` documents, most common first, ties by word; the first line is
  ``#documents<TAB>N``. No passage of the corpus is stored: a line holds one token (jieba
  tokens are short; anything over 12 characters is skipped).

Rebuild it (``make domain-resource``) when the tokenizer or the policy dictionary changes, so
that its words stay the engine's words. The build is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.similarity import tokens  # noqa: E402

MIN_DOCUMENTS = 2
MAX_TOKEN = 12
OUTPUT = REPO / "resources" / "domain"


def read_corpus(folder: Path) -> tuple[int, list[list[list[str]]]]:
    """(number of documents, each document's paragraphs as token lists)."""
    documents = []
    files = sorted(folder.rglob("*.txt"))
    for count, path in enumerate(files, start=1):
        paragraphs = [[w for w in tokens(line) if len(w) <= MAX_TOKEN]
                      for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                      if line.strip()]
        documents.append(paragraphs)
        if count % 500 == 0:
            print(f"{count}/{len(files)}", file=sys.stderr)
    return len(files), documents


def document_frequency(documents: list[list[list[str]]]) -> Counter[str]:
    """How many documents each word occurs in."""
    frequency: Counter[str] = Counter()
    for paragraphs in documents:
        frequency.update({w for paragraph in paragraphs for w in paragraph})
    return frequency


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO.parent / "shared" / "corpus" / "domain"
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    if not folder.is_dir():
        print(f"domain corpus not found at {folder}", file=sys.stderr)
        return 2
    count, documents = read_corpus(folder)
    frequency = document_frequency(documents)
    output.mkdir(parents=True, exist_ok=True)
    rows = sorted(((w, n) for w, n in frequency.items() if n >= MIN_DOCUMENTS),
                  key=lambda row: (-row[1], row[0]))
    with (output / "document_frequency.tsv").open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"#documents\t{count}\n")
        for word, n in rows:
            out.write(f"{word}\t{n}\n")
    print(f"{count} documents, {len(rows)} words → {output / 'document_frequency.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
