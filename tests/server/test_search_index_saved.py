"""The search indexes kept beside a store across starts (server/search_index.py, "Kept across
starts"): bounded, written whole, found by any of the store's content keys, and the start
builder's choice between reusing one and building. Real files and a real on-disk store; the
builder as the real child process (the restarts of the real server are in
tests/issues/test_12_search_index_restart.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from server_support import copy_fixture_store

from diplograph.graph.checkpoints import Checkpoints
from diplograph.graph.executor import QueryService
from diplograph.server.search_index import (
    KEEP_SAVED,
    IndexHolder,
    _find_saved,
    _keep,
    _reuse_saved,
    code_version,
    saved_folder,
    start_builder,
)


def _header(path: Path) -> dict[str, object]:
    return json.loads(path.read_bytes().split(b"\n", 1)[0])


def test_only_the_newest_few_are_kept(tmp_path: Path) -> None:
    paths = []
    for i in range(KEEP_SAVED + 2):
        path = _keep(tmp_path, f"[{i}]".encode(), (f"key{i}",), 0)
        assert path is not None and path.name.startswith(code_version() + "-")
        paths.append(path)
    assert sorted(tmp_path.glob("*.json")) == sorted(paths[-KEEP_SAVED:])
    assert not list(tmp_path.glob(".*"))  # no temporary file left
    found = _find_saved(tmp_path, ("other", f"key{KEEP_SAVED + 1}"))
    assert found is not None and found[2] == f"[{KEEP_SAVED + 1}]".encode()
    assert _find_saved(tmp_path, ("key0",)) is None  # dropped


def test_a_reuse_adds_the_start_s_keys_and_copies_the_index_for_the_workers(
        tmp_path: Path) -> None:
    saved = saved_folder(tmp_path / "store")
    assert saved is not None
    body = b'{"index": [], "classes": [], "by_graph": {}}'
    _keep(saved, body, ("a",), 0)
    shared = tmp_path / "shared"
    assert _reuse_saved(tmp_path / "store", ("b", "c"), shared) is None
    assert _reuse_saved(tmp_path / "store", ("c", "a"), shared) == 0
    assert (shared / "0.json").read_bytes() == body
    [path] = saved.glob("*.json")
    assert _header(path)["stores"] == ["c", "a"]


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store"
    copy_fixture_store(path)
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(path))
    return path


def test_the_builder_keeps_what_it_built_and_the_next_start_reuses_it(store: Path) -> None:
    root = Checkpoints(store).root
    Checkpoints(store).prepare()
    assert start_builder(root).wait(60) == 0
    [kept] = saved_folder(store).glob("*.json")  # type: ignore[union-attr]
    built = (root / "search-index" / "0.json").read_bytes()
    assert kept.read_bytes().split(b"\n", 1)[1] == built
    assert set(_header(kept)["stores"]) >= set(Checkpoints(store).content_keys())

    Checkpoints(store).prepare()  # a new start: every checkpoint and shared index dropped
    assert not (root / "search-index" / "0.json").exists()
    mtime = kept.stat().st_mtime_ns
    assert start_builder(root).wait(60) == 0
    assert (root / "search-index" / "0.json").read_bytes() == built
    assert list(saved_folder(store).glob("*.json")) == [kept]  # type: ignore[union-attr]
    assert kept.stat().st_mtime_ns >= mtime
    # what the workers load is the index of the store
    with QueryService(store, workers=1, isolation="thread", timeout=60.0,
                      prepared=True) as qs:
        loaded = IndexHolder().get(qs)
        assert loaded.same_as(IndexHolder()._read(qs, 0).index)


def test_the_builder_does_not_keep_an_index_of_a_later_generation(store: Path) -> None:
    """A write before the builder reads: the index it builds is not generation 0's."""
    cps = Checkpoints(store)
    cps.prepare()
    cps.write(lambda s: s.update('INSERT DATA { GRAPH <http://e/g> { <http://e/s> '
                                 '<http://www.w3.org/2000/01/rdf-schema#label> "x" } }'))
    assert start_builder(cps.root).wait(60) == 0
    assert (cps.root / "search-index" / "1.json").exists()
    assert not list(saved_folder(store).glob("*.json"))  # type: ignore[union-attr]


def test_the_code_version_follows_the_code_that_builds_an_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.server import search_index

    assert search_index._hash_code() == code_version()
    assert "linking/normalise.py" in search_index._CODE_FILES
    extra = tmp_path / "search.py"  # standing in for one of the modules, edited
    extra.write_text("a = 1\n")
    monkeypatch.setattr(search_index, "_CODE_FILES", (*search_index._CODE_FILES, str(extra)))
    before = search_index._hash_code()
    extra.write_text("a = 2\n")
    assert search_index._hash_code() != before
    monkeypatch.setattr(search_index, "INDEX_FORMAT", search_index.INDEX_FORMAT + 1)
    assert len({before, search_index._hash_code(), code_version()}) == 3
