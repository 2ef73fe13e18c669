"""The chunked cache of jieba's prefix dictionary: same content as jieba's, rebuilt when stale."""

from __future__ import annotations

import marshal
import os
import stat
from pathlib import Path

import jieba
import pytest

from core import prefix_cache

TEXT = "加快推进全国一体化政务服务平台建设，推动政务服务事项一网通办。"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> jieba.Tokenizer:
    """A tokenizer initialised by jieba itself, with its own cache in a scratch folder."""
    instance = jieba.Tokenizer()
    instance.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    instance.cache_file = "reference.cache"
    instance.initialize()
    return instance


def _chunk_sizes(path: Path) -> list[int]:
    with path.open("rb") as stream:
        marshal.load(stream)
        count, _total = marshal.load(stream)
        return [len(marshal.load(stream)) for _ in range(count)]


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


@pytest.mark.slow
def test_cache_is_stored_in_small_chunks(tmp_path):
    cache = tmp_path / "prefix.cache"
    prefix_cache.initialize(jieba.Tokenizer(), cache)
    sizes = _chunk_sizes(cache)
    assert len(sizes) > 10
    assert max(sizes) <= prefix_cache.CHUNK


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
