"""jieba's prefix dictionary, cached in the user's cache folder and loaded in small steps.

jieba keeps its own cache as one marshalled dict of ~500,000 words. Loading it is a single C
call that holds the GIL for 150–250 ms, so a window whose compare runs on a worker thread
freezes for that long the first time. Here the same dictionary is stored as a sequence of
small marshalled chunks: between two chunks other threads run, and no step takes more than a
few milliseconds. The content is exactly jieba's (``Tokenizer.gen_pfdict`` builds it).
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path

import jieba

# Bump when the layout below changes; a cache of another version is rebuilt.
FORMAT = 1
# Words per chunk: ~5 ms to load one on a slow office PC.
CHUNK = 20_000


def _signature(dictionary: Path) -> tuple:
    """What the cache was built from: a different jieba or dictionary file means rebuild."""
    stat = dictionary.stat()
    return ("duizhao-jieba-prefix", FORMAT, jieba.__version__, str(dictionary), stat.st_size,
            stat.st_mtime_ns)


def load(path: Path, dictionary: Path) -> tuple[dict[str, int], int] | None:
    """The (frequencies, total) stored at ``path`` for ``dictionary``; None if absent or stale."""
    try:
        with path.open("rb") as stream:
            if marshal.load(stream) != _signature(dictionary):
                return None
            chunks, total = marshal.load(stream)
            frequencies: dict[str, int] = {}
            for _ in range(chunks):
                frequencies.update(marshal.load(stream))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return frequencies, total


def save(path: Path, dictionary: Path, frequencies: dict[str, int], total: int) -> None:
    """Write the cache atomically; a folder that cannot be written only costs start-up time."""
    items = list(frequencies.items())
    chunks = [dict(items[start:start + CHUNK]) for start in range(0, len(items), CHUNK)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".prefix-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            marshal.dump(_signature(dictionary), stream)
            marshal.dump((len(chunks), total), stream)
            for chunk in chunks:
                marshal.dump(chunk, stream)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def initialize(instance: jieba.Tokenizer, path: Path) -> None:
    """Give ``instance`` its prefix dictionary, from the cache at ``path`` or built afresh.

    Does what ``Tokenizer.initialize`` does for the default dictionary, with our cache format
    in place of jieba's single marshalled dict.
    """
    if instance.dictionary is None:  # jieba's own dictionary, shipped inside its package
        dictionary = Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME
    else:
        dictionary = Path(instance.dictionary)
    loaded = load(path, dictionary)
    if loaded is None:
        with dictionary.open("rb") as stream:
            loaded = instance.gen_pfdict(stream)
        save(path, dictionary, *loaded)
    instance.FREQ, instance.total = loaded
    instance.initialized = True
