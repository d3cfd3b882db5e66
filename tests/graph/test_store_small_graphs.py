"""Issue 17: a new graph of at most ``SMALL_GRAPH_LINES`` lines is written in one transaction,
a larger one bulk-loaded (graph/store.py ``replace_graph_atomically``).

A bulk load ingests a table per index at once, and RocksDB merges each such table into the
indexes keyed by subject, predicate and object (whole) however small the graph is; a
transaction's lines wait in RocksDB's memory table and its log, and reach the tables with the
next flush. What is checked, on a real on-disk store: the quads are the same either way; the
small graph leaves the table files as they were and is in the log (so a kill after it loses
nothing), the large one adds tables; both are atomic graphs the next replacement compares
line by line.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.store import SMALL_GRAPH_LINES, replace_graph_atomically


def _lines(n: int, tag: str) -> bytes:
    return "".join(f'<http://e/s/{i}> <http://e/p/{i % 5}> "{tag} {i}" .\n'
                   for i in range(n)).encode()


def _tables(path: Path) -> set[str]:
    return {p.name for p in path.glob("*.sst")}


def _log_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.glob("*.log"))


def _objects(store: ox.Store, graph: str) -> list[str]:
    return sorted(q.object.value for q in store.quads_for_pattern(None, None, None,
                                                                  ox.NamedNode(graph)))


def test_a_small_new_graph_is_one_transaction_and_a_large_one_a_bulk_load(
        tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.bulk_load(_lines(1000, "first"), format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.NamedNode("http://e/first"))
    tables, log = _tables(path), _log_bytes(path)

    small = SMALL_GRAPH_LINES  # the largest graph written as a transaction
    assert replace_graph_atomically(store, "http://e/small", [_lines(small, "small")],
                                    small) == small
    assert _tables(path) == tables  # nothing ingested
    assert _log_bytes(path) > log  # in RocksDB's log: durable before any flush
    assert len(_objects(store, "http://e/small")) == small

    large = SMALL_GRAPH_LINES + 1
    assert replace_graph_atomically(store, "http://e/large", [_lines(large, "large")],
                                    large) == large
    assert _tables(path) - tables  # bulk-loaded: new tables
    assert len(_objects(store, "http://e/large")) == large

    # the same quads as a bulk load of the same text gives
    other = ox.Store(str(tmp_path / "other"))
    other.bulk_load(_lines(small, "small"), format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.NamedNode("http://e/small"))
    assert _objects(store, "http://e/small") == _objects(other, "http://e/small")

    # a later replacement of the small graph writes only the difference, as for any graph
    assert replace_graph_atomically(store, "http://e/small", [_lines(small, "small")],
                                    small) == 0
    del store
    reopened = ox.Store(str(path))  # what the log held is there after a reopening
    assert len(_objects(reopened, "http://e/small")) == small


def test_a_small_graph_given_in_files_is_read_from_them(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    a, b = tmp_path / "a.nt", tmp_path / "b.nt"
    a.write_bytes(_lines(3, "a"))
    b.write_bytes(b'<http://e/t> <http://e/p/0> "b" .\n')
    assert replace_graph_atomically(store, "http://e/g", [str(a), str(b)], 4) == 4
    assert _objects(store, "http://e/g") == ["a 0", "a 1", "a 2", "b"]
