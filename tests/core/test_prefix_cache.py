"""The cache of jieba's prefix dictionary: same content and cuts as jieba's, loaded as texts need it,
rebuilt when stale."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import jieba
import pytest

from core import prefix_cache
from core.read import read_document
from core.resources import resource
from core.similarity import normalize
from tests.conftest import REPO

TEXT = "加快推进全国一体化政务服务平台建设，推动政务服务事项一网通办。"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> jieba.Tokenizer:
    """A tokenizer initialised by jieba itself, with its own cache in a scratch folder."""
    instance = jieba.Tokenizer()
    instance.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    instance.cache_file = "reference.cache"
    instance.initialize()
    return instance


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """A cache built once for the module's lazy tokenizers."""
    path = tmp_path_factory.mktemp("prefix") / "prefix.cache"
    prefix_cache.open_store(path, prefix_cache.default_dictionary())
    assert path.is_file()
    return path


def _with_policy_terms(instance: jieba.Tokenizer) -> jieba.Tokenizer:
    with resource("dictionary", "policy_terms.txt").open("rb") as terms:
        instance.load_userdict(terms)
    return instance


def _sample_paragraphs() -> list[str]:
    paragraphs = []
    for name in ("national-guideline-sample.docx", "provincial-opinion-sample.docx"):
        paragraphs += [p.text for p in read_document(REPO / "samples" / name).paragraphs]
    assert len(paragraphs) > 100
    return paragraphs


@pytest.mark.slow
def test_built_and_reloaded_dictionary_is_jiebas_own(tmp_path, reference):
    cache = tmp_path / "prefix.cache"
    built = jieba.Tokenizer()
    prefix_cache.initialize(built, cache)
    assert cache.is_file()
    reloaded = jieba.Tokenizer()
    prefix_cache.initialize(reloaded, cache)
    for instance in (built, reloaded):
        assert instance.initialized
        assert instance.total == reference.total
        assert instance.FREQ == reference.FREQ
        assert instance.lcut(TEXT) == reference.lcut(TEXT)


def test_lazy_tokenizer_cuts_the_sample_pair_as_jieba_does(cache, tmp_path):
    # The engine's tokenizer (policy terms added, normalised text) against jieba's own, on the
    # bundled sample pair, in every mode jieba offers.
    lazy = _with_policy_terms(prefix_cache.Tokenizer(cache))
    own = jieba.Tokenizer()
    own.tmp_dir, own.cache_file = str(tmp_path), "own.cache"
    own = _with_policy_terms(own)
    paragraphs = _sample_paragraphs()
    for text in paragraphs:
        for variant in (normalize(text), text):
            assert lazy.lcut(variant, HMM=True) == own.lcut(variant, HMM=True)
            assert lazy.lcut(variant, HMM=False) == own.lcut(variant, HMM=False)
    for text in paragraphs[:40]:
        assert lazy.lcut(text, cut_all=True) == own.lcut(text, cut_all=True)
        assert lazy.lcut_for_search(text) == own.lcut_for_search(text)
    assert lazy.total == own.total
    # What was loaded is jieba's, and a small part of it.
    assert all(own.FREQ[word] == frequency for word, frequency in lazy.FREQ.items())
    assert len(lazy.FREQ) < len(own.FREQ) / 4


def test_lazy_tokenizer_loads_only_what_a_text_needs(cache, reference):
    lazy = prefix_cache.Tokenizer(cache)
    lazy.initialize()
    before = len(lazy.FREQ)
    words = [word for word in reference.lcut(TEXT) if len(word) > 1 and reference.FREQ.get(word)]
    assert words and not any(word in lazy.FREQ for word in words)
    assert lazy.lcut(TEXT) == reference.lcut(TEXT)
    assert all(lazy.FREQ[word] == reference.FREQ[word] for word in words)
    assert before < len(lazy.FREQ) < len(reference.FREQ) / 20


def test_added_word_keeps_the_dictionary_entries_of_its_prefixes(cache, tmp_path):
    # 一网通办's group is not loaded when the word is added: its prefixes must keep the
    # dictionary's frequencies (not the 0 jieba gives a prefix it has never seen), and the word
    # its own, as with jieba's full dictionary.
    lazy = prefix_cache.Tokenizer(cache)
    own = jieba.Tokenizer()
    own.tmp_dir, own.cache_file = str(tmp_path), "own.cache"
    for instance in (lazy, own):
        instance.add_word("一网通办", 9)
        instance.add_word("一体化政务服务平台")
        instance.del_word("政务服务")
    for word in ("一", "一网", "一网通", "一网通办", "一体", "一体化", "一体化政务服务平台", "政务服务",
                 "政务"):
        assert lazy.FREQ.get(word) == own.FREQ.get(word), word
    assert lazy.FREQ["一体化"] > 0
    assert lazy.total == own.total
    assert lazy.lcut(TEXT) == own.lcut(TEXT)


def test_cache_loads_in_one_small_step(cache):
    # Opening the cache builds only the one-character entries: the rest stays packed.
    store = prefix_cache.load(cache, prefix_cache.default_dictionary())
    assert store is not None
    assert all(len(word) < 2 for word in store.short)
    assert 5_000 < len(store.short) < 50_000


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
@pytest.mark.slow
def test_damaged_cache_is_rebuilt(tmp_path, reference, damage):
    cache = tmp_path / "prefix.cache"
    prefix_cache.initialize(jieba.Tokenizer(), cache)
    data = cache.read_bytes()
    cache.write_bytes({"truncated": data[: len(data) // 2], "garbage": b"\x00not marshal" * 50,
                       "empty": b""}[damage])
    instance = jieba.Tokenizer()
    prefix_cache.initialize(instance, cache)
    assert instance.FREQ == reference.FREQ
    assert cache.read_bytes() == data


def test_cache_of_another_dictionary_is_not_used(tmp_path):
    cache = tmp_path / "prefix.cache"
    own = tmp_path / "dict.txt"
    own.write_text("对照清单 5 n\n实施意见 3 n\n", encoding="utf-8")
    prefix_cache.initialize(jieba.Tokenizer(), cache)
    small = jieba.Tokenizer(str(own))
    prefix_cache.initialize(small, cache)
    assert small.total == 8
    assert small.FREQ["对照清单"] == 5 and small.FREQ["对照"] == 0
    assert "政务" not in small.FREQ


def test_dictionary_of_single_characters_is_cached_and_cuts_as_jiebas(tmp_path):
    # No word of two characters or more: the cache has no groups, and must still load.
    own = tmp_path / "dict.txt"
    own.write_text("对 5 p\n照 3 v\n清 2 a\n", encoding="utf-8")
    cache = tmp_path / "prefix.cache"
    lazy = prefix_cache.Tokenizer(cache, own)
    reference = jieba.Tokenizer(str(own))
    reference.tmp_dir, reference.cache_file = str(tmp_path), "reference.cache"
    assert lazy.lcut("对照清单") == reference.lcut("对照清单")
    store = prefix_cache.load(cache, own)
    assert store is not None and store.everything() == reference.FREQ


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_folder_only_costs_time(tmp_path, reference):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    instance = jieba.Tokenizer()
    prefix_cache.initialize(instance, folder / "prefix.cache")
    assert instance.total == reference.total
    assert not (folder / "prefix.cache").exists()


def test_cache_path_under_a_file_only_costs_time(tmp_path, reference):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    instance = jieba.Tokenizer()
    prefix_cache.initialize(instance, blocker / "prefix.cache")
    assert instance.total == reference.total


def test_each_installed_dictionary_has_a_cache_file_of_its_own(monkeypatch, tmp_path):
    from core import prefix_cache, similarity

    files = set()
    for folder in ("app", "venv"):
        dictionary = tmp_path / folder / "dict.txt"
        monkeypatch.setattr(prefix_cache, "default_dictionary", lambda d=dictionary: d)
        files.add(similarity._cache_file())
    assert len(files) == 2
    assert all(f.name.startswith("jieba-prefix-") and f.suffix == ".cache" for f in files)
