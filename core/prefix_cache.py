"""jieba's prefix dictionary, cached in the user's cache folder and loaded only as far as texts need it.

jieba keeps its own cache as one marshalled dict of ~500,000 words; building that dict takes
0.3–1 s at every start, and as one C call it holds the GIL throughout, freezing a window whose
compare runs on a worker thread. A text of a few thousand characters looks up a small part of
it: jieba only asks the dictionary about substrings of the sentence it cuts. So the cache here
stores the entries grouped by their first two characters (one-character entries apart), as
UTF-8 words and integer arrays in a file that is mapped, not read (opening it takes a few
milliseconds), and ``Tokenizer`` puts a group into its ``FREQ`` dict the first time a sentence
containing those two characters is cut: a compare of two policy documents loads about 6 % of
the entries.
What jieba sees for any sentence is exactly what its own full dictionary would give
(``Tokenizer.gen_pfdict`` builds the content), so the segmentation is the same.
"""

from __future__ import annotations

import marshal
import mmap
import operator
import os
import sys
import tempfile
import threading
from array import array
from itertools import accumulate, compress, islice, repeat
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING


def _import_jieba() -> ModuleType:
    """jieba, imported without pkg_resources.

    jieba 0.42 imports pkg_resources (100–200 ms, most of setuptools) only to open its own
    files, and falls back to a plain ``open`` beside its module when the import fails. Its
    dictionary is opened here by path, so the import is refused while jieba loads.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


if TYPE_CHECKING:
    import jieba
else:
    jieba = _import_jieba()

# Bump when the layout below changes; a cache of another version is rebuilt.
FORMAT = 4


def _signature(dictionary: Path) -> tuple:
    """What the cache was built from: a different jieba or dictionary file means rebuild."""
    stat = dictionary.stat()
    return ("duizhao-jieba-prefix", FORMAT, jieba.__version__, sys.byteorder, str(dictionary),
            stat.st_size, stat.st_mtime_ns)


def default_dictionary() -> Path:
    """jieba's own dictionary file, shipped inside its package."""
    return Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME


class _Store:
    """The packed dictionary: short entries as a dict, longer ones in groups by first two characters.

    ``keys`` holds the words in UTF-8, group after group, joined by newlines (no dictionary
    word holds one: the file has a word per line), decoded a group at a time; group g is
    ``keys[key_bounds[g]:key_bounds[g + 1] - 1]`` with frequencies
    ``freqs[bounds[g]:bounds[g + 1]]``. ``index`` maps a first character to (its first group,
    the second characters of its groups in order). The arrays and ``keys`` are views of the
    mapped cache file: only the pages of the groups looked up are ever read.
    """

    def __init__(self, header: tuple, data: memoryview) -> None:
        self.total, short_keys, short_freqs, self.index, sizes = header
        if not (isinstance(self.total, int) and isinstance(short_keys, str)
                and isinstance(self.index, dict) and len(sizes) == len(_BLOBS)):
            raise ValueError("not a prefix cache")
        views = {}
        offset = 0
        for name, size in zip(_BLOBS, sizes):
            views[name] = data[offset:offset + size]
            offset += _padded(size)
        if offset > len(data):
            raise ValueError("truncated prefix cache")
        self.key_bounds = views["key_bounds"].cast("q")
        self.bounds = views["bounds"].cast("q")
        self.freqs = views["freqs"].cast("q")
        self.keys = views["keys"]
        short = short_keys.split("\n") if short_keys else []
        short_values = memoryview(short_freqs).cast("q")
        if (len(short) != len(short_values) or len(self.key_bounds) != len(self.bounds)
                or self.bounds[-1] != len(self.freqs)
                or self.key_bounds[-1] != (len(self.keys) + 1 if len(self.freqs) else 0)):
            raise ValueError("inconsistent prefix cache")
        self.short = dict(zip(short, short_values))

    def group(self, pair: str) -> zip | None:
        """The (word, frequency) pairs of the words that start with ``pair``; None if none do."""
        entry = self.index.get(pair[0])
        if entry is None:
            return None
        position = entry[1].find(pair[1])
        if position < 0:
            return None
        g = entry[0] + position
        words = str(self.keys[self.key_bounds[g]:self.key_bounds[g + 1] - 1], "utf-8").split("\n")
        return zip(words, self.freqs[self.bounds[g]:self.bounds[g + 1]])

    def everything(self) -> dict[str, int]:
        """The whole dictionary as jieba builds it."""
        frequencies = dict(self.short)
        if self.keys:
            frequencies.update(zip(str(self.keys, "utf-8").split("\n"), self.freqs))
        return frequencies


# The cache file: MAGIC, the header's length (8 bytes, little-endian), the header (marshal:
# signature, total, short words, their frequencies, index, the sizes of the blobs), padding to
# 8 bytes, then the blobs in this order, each padded to 8 bytes. Numbers are signed 64-bit
# integers ("q") in the machine's byte order (the signature names it).
MAGIC = b"duizhao jieba prefix cache\n"
_BLOBS = ("key_bounds", "bounds", "freqs", "keys")


def _padded(size: int) -> int:
    return -(-size // 8) * 8


def _pack(frequencies: dict[str, int], total: int) -> tuple[tuple, list[bytes]]:
    """The header (less the signature) and the blobs for jieba's (frequencies, total).

    Sorted, the words of a group (same first two characters) follow one another, and the
    groups of a first character too. Written with C-level iterators: building the cache is
    part of a first start.
    """
    keys = list(frequencies)
    longer = list(map((2).__le__, map(len, keys)))
    short = sorted(compress(keys, map(operator.not_, longer)))
    words = sorted(compress(keys, longer))
    if any(map(operator.contains, words, repeat("\n"))):
        raise ValueError("a dictionary word holds a line break")
    pairs = list(map(operator.getitem, words, repeat(slice(0, 2))))
    starts = [0, *compress(range(1, len(words)), map(operator.ne, pairs, islice(pairs, 1, None)))
              ] if words else []
    encoded = list(map(str.encode, words))
    # Where each word starts in the newline-joined text, and where a last one would.
    offsets = [0, *accumulate(map(operator.add, map(len, encoded), repeat(1)))]
    firsts: dict[str, int] = {}
    seconds: dict[str, list[str]] = {}
    for g, start in enumerate(starts):
        pair = pairs[start]
        if pair[0] not in seconds:
            firsts[pair[0]], seconds[pair[0]] = g, []
        seconds[pair[0]].append(pair[1])
    index = {first: (firsts[first], "".join(chars)) for first, chars in seconds.items()}
    ends = [*starts, len(words)]
    blobs = [array("q", [offsets[i] for i in ends]).tobytes(), array("q", ends).tobytes(),
             array("q", map(frequencies.__getitem__, words)).tobytes(), b"\n".join(encoded)]
    header = (total, "\n".join(short), array("q", map(frequencies.__getitem__, short)).tobytes(),
              index, tuple(len(blob) for blob in blobs))
    return header, blobs


def _joined(blobs: list[bytes]) -> bytes:
    return b"".join(blob + bytes(_padded(len(blob)) - len(blob)) for blob in blobs)


def load(path: Path, dictionary: Path) -> _Store | None:
    """The store at ``path`` for ``dictionary``; None if absent, stale or damaged."""
    try:
        with path.open("rb") as stream:
            if stream.read(len(MAGIC)) != MAGIC:
                return None
            length = int.from_bytes(stream.read(8), "little")
            header = marshal.loads(stream.read(length))
            if not isinstance(header, tuple) or header[0] != _signature(dictionary):
                return None
            start = _padded(len(MAGIC) + 8 + length)
            if os.fstat(stream.fileno()).st_size <= start:
                return None
            data: mmap.mmap | bytes
            try:
                data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # a file system that cannot map files: read it
                stream.seek(0)
                data = stream.read()
        return _Store(header[1:], memoryview(data)[start:])
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


def _save(path: Path, dictionary: Path, header: tuple, data: bytes) -> None:
    """Write the cache atomically; a folder that cannot be written only costs start-up time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".prefix-", dir=path.parent)
    except OSError:
        return
    try:
        encoded = marshal.dumps((_signature(dictionary), *header))
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + len(encoded).to_bytes(8, "little") + encoded)
            stream.write(bytes(_padded(stream.tell()) - stream.tell()))
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _dictionary_of(instance: jieba.Tokenizer) -> Path:
    return default_dictionary() if instance.dictionary is None else Path(instance.dictionary)


def open_store(path: Path, dictionary: Path) -> _Store:
    """The store for ``dictionary``, from the cache at ``path`` or built afresh (and saved)."""
    store = load(path, dictionary)
    if store is None:
        with dictionary.open("rb") as stream:
            header, blobs = _pack(*jieba.Tokenizer.gen_pfdict(stream))
        data = _joined(blobs)
        _save(path, dictionary, header, data)
        store = _Store(header, memoryview(data))
    return store


def initialize(instance: jieba.Tokenizer, path: Path) -> None:
    """Give a plain jieba tokenizer its whole prefix dictionary, from the cache at ``path``.

    Does what ``Tokenizer.initialize`` does, with our cache in place of jieba's. ``Tokenizer``
    below loads only what the texts it cuts need.
    """
    store = open_store(path, _dictionary_of(instance))
    instance.FREQ, instance.total = store.everything(), store.total
    instance.initialized = True


class Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer, its prefix dictionary loaded from the cache a group at a time.

    Before a sentence is cut, the groups of every two adjacent characters in it are put into
    ``FREQ`` (jieba looks up nothing but substrings of the sentence); before a word is added,
    the group of its first two characters, so that the word and its prefixes are set over
    the dictionary's entries exactly as jieba's full dictionary would have them.
    """

    def __init__(self, cache: Path, dictionary: str | os.PathLike | None = None) -> None:
        super().__init__(jieba.DEFAULT_DICT if dictionary is None else os.fspath(dictionary))
        self.cache = Path(cache)
        self._store: _Store | None = None
        self._seen: set[str] = set()  # the pairs whose groups are in FREQ (or that have none)
        self._loading = threading.Lock()

    def initialize(self, dictionary: str | None = None) -> None:
        with self.lock:
            if dictionary is not None:
                self.dictionary = os.path.normpath(os.path.join(os.getcwd(), dictionary))
                self.initialized = False
            if self.initialized:
                return
            store = open_store(self.cache, _dictionary_of(self))
            with self._loading:
                self._store = store
                self.FREQ, self.total = dict(store.short), store.total
                self._seen = set()
            self.initialized = True

    def ensure(self, text: str) -> None:
        """Put into ``FREQ`` every entry a cut of ``text`` can look up."""
        pairs = set(map(str.__add__, text, text[1:])) - self._seen
        if not pairs:
            return
        with self._loading:
            pairs -= self._seen
            store = self._store
            if store is None:
                return
            for pair in pairs:
                group = store.group(pair)
                if group is not None:
                    self.FREQ.update(group)
            # Marked after FREQ holds the groups: another thread skips them only then.
            self._seen.update(pairs)

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 (jieba's name)
        self.check_initialized()
        sentence = jieba.strdecode(sentence)
        self.ensure(sentence)
        return super().cut(sentence, cut_all=cut_all, HMM=HMM, use_paddle=use_paddle)

    def add_word(self, word, freq=None, tag=None):
        self.check_initialized()
        word = jieba.strdecode(word)
        self.ensure(word[:2])
        super().add_word(word, freq, tag)
