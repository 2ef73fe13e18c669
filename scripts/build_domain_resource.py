"""Build `resources/domain/`: how common each word is across the domain corpus of Chinese law
and policy, so that formulas every law repeats weigh little and content terms weigh much.

Usage: python scripts/build_domain_resource.py [CORPUS_DOMAIN_DIR]   (default ../shared/corpus/domain)

Reads every .txt under the folder (laws and policies), splits each into paragraphs, tokenises
them with the project's own tokenizer (core.similarity.tokens, so the counts are of the very
tokens the engine compares) and writes:

* ``document_frequency.tsv`` — ``word<TAB>documents`` for every word found in at least
  ``MIN_DOCUMENTS`` documents, most common first, ties by word; the first line is
  ``#documents<TAB>N``. No passage of the corpus is stored: a line holds one token (jieba
  tokens are short; anything over 12 characters is skipped).
* ``word_vectors.npz`` — ``words`` and ``vectors`` (float16, one unit row per word): which
  words are used alike in this register (distributional similarity), for every word found in
  at least ``VECTOR_MIN_DOCUMENTS`` documents. Positive pointwise mutual information of each
  word with the ``CONTEXT_WORDS`` most common words within ``WINDOW`` tokens, reduced by a
  seeded randomised SVD to ``DIMENSIONS`` dimensions. PPMI + SVD rather than word2vec: it
  needs only numpy, is deterministic, builds in minutes on two cores and does as well as
  word2vec on a corpus of this size (Levy, Goldberg & Dagan 2015).

The build is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from core.similarity import tokens  # noqa: E402

MIN_DOCUMENTS = 2
MAX_TOKEN = 12
VECTOR_MIN_DOCUMENTS = 8
CONTEXT_WORDS = 6000
WINDOW = 4
DIMENSIONS = 96
SEED = 20261130
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


def word_vectors(documents: list[list[list[str]]],
                 frequency: Counter[str]) -> tuple[list[str], np.ndarray]:
    """Words and their unit PPMI-SVD vectors (see the module docstring)."""
    words = sorted((w for w, n in frequency.items() if n >= VECTOR_MIN_DOCUMENTS and len(w) > 1),
                   key=lambda w: (-frequency[w], w))
    row = {w: i for i, w in enumerate(words)}
    contexts = words[:CONTEXT_WORDS]
    column = {w: i for i, w in enumerate(contexts)}
    counts = np.zeros(len(words) * len(contexts), dtype=np.int64)
    for paragraphs in documents:
        for paragraph in paragraphs:
            rows = np.array([row.get(w, -1) for w in paragraph], dtype=np.int64)
            columns = np.array([column.get(w, -1) for w in paragraph], dtype=np.int64)
            for offset in range(1, WINDOW + 1):
                for a, b in ((rows[:-offset], columns[offset:]), (rows[offset:], columns[:-offset])):
                    keep = (a >= 0) & (b >= 0)
                    if keep.any():
                        counts += np.bincount(a[keep] * len(contexts) + b[keep],
                                              minlength=counts.size)
    matrix = counts.reshape(len(words), len(contexts)).astype(np.float64)
    total = matrix.sum()
    # Context counts smoothed by ^0.75, as word2vec does: rare contexts get less say.
    context_share = matrix.sum(axis=0) ** 0.75
    context_share /= context_share.sum()
    word_share = matrix.sum(axis=1, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((matrix / total) / (word_share * context_share))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    rng = np.random.default_rng(SEED)
    probe = ppmi @ rng.standard_normal((len(contexts), DIMENSIONS + 16))
    basis, _ = np.linalg.qr(ppmi @ (ppmi.T @ probe))
    small = basis.T @ ppmi
    left, values, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ left[:, :DIMENSIONS]) * np.sqrt(values[:DIMENSIONS])
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    # A sign convention, so that the same corpus always gives the same bytes.
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(DIMENSIONS)])
    return words, (vectors * signs).astype(np.float16)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO.parent / "shared" / "corpus" / "domain"
    if not folder.is_dir():
        print(f"domain corpus not found at {folder}", file=sys.stderr)
        return 2
    count, documents = read_corpus(folder)
    frequency = document_frequency(documents)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    rows = sorted(((w, n) for w, n in frequency.items() if n >= MIN_DOCUMENTS),
                  key=lambda row: (-row[1], row[0]))
    with (OUTPUT / "document_frequency.tsv").open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"#documents\t{count}\n")
        for word, n in rows:
            out.write(f"{word}\t{n}\n")
    words, vectors = word_vectors(documents, frequency)
    with (OUTPUT / "word_vectors.npz").open("wb") as out:
        np.savez_compressed(out, words=np.array(words), vectors=vectors)
    print(f"{count} documents, {len(rows)} words, {len(words)} vectors → {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
