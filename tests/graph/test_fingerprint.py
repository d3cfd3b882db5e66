"""The fingerprint of a store's data (graph/fingerprint.py ``content_fingerprint``) and the keys of
generation 0 (graph/checkpoints.py ``Checkpoints.content_keys``): equal for the same data
across openings, different after any write, never made from a store with data outside its
tables. Real pyoxigraph stores on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.checkpoints import Checkpoints
from diplograph.graph.fingerprint import content_fingerprint


def _insert(path: Path, text: str, checkpoint: Path | None = None) -> None:
    """Write a literal into the store at ``path`` (then take a checkpoint at ``checkpoint``)
    and close it (its write-ahead log then holds the write: pyoxigraph does not flush at
    closing)."""
    store = ox.Store(str(path))
    store.update(f'INSERT DATA {{ <http://e/s> <http://e/p> "{text}" }}')
    if checkpoint is not None:
        store.backup(str(checkpoint))
    del store


def test_the_same_data_opened_again_has_the_same_fingerprint(tmp_path: Path) -> None:
    _insert(tmp_path / "store", "a")
    cps = Checkpoints(tmp_path / "store")
    first = content_fingerprint(cps.prepare().path)
    for _ in range(2):
        assert content_fingerprint(cps.prepare().path) == first
    assert first in cps.content_keys()


def test_every_write_changes_it(tmp_path: Path) -> None:
    _insert(tmp_path / "store", "a")
    cps = Checkpoints(tmp_path / "store")
    seen = {content_fingerprint(cps.prepare().path)}
    cps.write(lambda s: s.update('INSERT DATA { <http://e/s> <http://e/p> "b" }'))
    seen.add(content_fingerprint(cps.current().path))
    # a write that adds nothing still writes (a new table): a miss, never a false match
    _insert(tmp_path / "store", "b")
    seen.add(content_fingerprint(cps.prepare().path))
    assert len(seen) == 3


def test_two_copies_written_alike_differ(tmp_path: Path) -> None:
    """Copies of one store (one database identity, the same next file numbers) given writes
    of the same size: the tables' properties name the session that wrote them. The copies
    usually get tables of the same names and sizes, the case a fingerprint of names and sizes
    alone would miss; a background compaction on a busy machine can number them otherwise,
    so the copies are made again (up to five times) until they do, and every pair must
    differ."""
    same_names = 0
    for attempt in range(5):
        root = tmp_path / str(attempt)
        root.mkdir()
        _insert(root / "a", "x", root / "a0")
        shutil.copytree(root / "a", root / "b")
        _insert(root / "a", "1", root / "a1")
        _insert(root / "b", "2", root / "b1")
        names = [sorted((p.name, p.stat().st_size) for p in (root / d).glob("*.sst"))
                 for d in ("a1", "b1")]
        fingerprints = {content_fingerprint(root / d) for d in ("a0", "a1", "b1")}
        assert len(fingerprints) == 3 and None not in fingerprints
        if names[0] == names[1]:  # the same names and sizes …
            same_names += 1
            break
    assert same_names, "the copies never got tables of the same names and sizes"


def test_data_outside_the_tables_gives_no_fingerprint(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.update('INSERT DATA { <http://e/s> <http://e/p> "a" }')  # in the log, not flushed
    assert content_fingerprint(tmp_path / "store") is None
    store.backup(str(tmp_path / "checkpoint"))  # flushed first
    assert content_fingerprint(tmp_path / "checkpoint") is not None
    del store
    assert content_fingerprint(tmp_path / "nowhere") is None


def test_a_compaction_at_an_opening_is_caught_by_the_closed_store_s_key(tmp_path: Path
                                                                        ) -> None:
    """Several small writes leave tables that an opening compacts in the background: the
    checkpoint a start takes may have the tables from before the compaction, the closed store
    those after, and an opening whose compaction step its close cut short finds the tables
    unchanged while the next opening compacts them again (docs/testing.md, "Session 20:
    fresh-clone runs", the second mend). So a start keys its data by its checkpoint, by the
    store as it closed it and by the store as its opening found it: the tables each start's
    opening finds are the ones the start before closed, and two starts share a key."""
    path = tmp_path / "store"
    for i in range(5):
        store = ox.Store(str(path))
        store.update("INSERT DATA { " + " ".join(
            f'<http://e/s{i}-{j}> <http://e/p> "{j}" .' for j in range(2000)) + " }")
        del store
    cps = Checkpoints(path)
    keys = []
    for _ in range(4):
        found = content_fingerprint(path)
        checkpoint = cps.prepare()
        now = content_fingerprint(checkpoint.path)
        keys.append((found, now, cps.content_keys()))
        # (the first opening finds the writes in the logs: no fingerprint before it)
        assert (found is None or found in keys[-1][2]) and now in keys[-1][2]
    for (_, _, before), (found, _, after) in zip(keys, keys[1:], strict=False):
        assert found is not None and found in before  # the closed store's, as keyed before
        assert set(after) & set(before)
    assert len(ox.Store.read_only(cps.current().path)) == 10_000
