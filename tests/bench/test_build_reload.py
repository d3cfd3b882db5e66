"""bench/build_reload.py: a store's graphs dumped in the build's order and loaded again give
the same quads (a real on-disk store, both ways)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.bench import build_reload
from diplograph.loaders.catalogue import all_datasets
from diplograph.loaders.wikidata_view import VIEW_GRAPH


def _quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"http://e/{s}"), ox.NamedNode("http://e/p"), ox.Literal(o),
                   ox.NamedNode(g))


@pytest.mark.parametrize("parallel", [1, 2])
def test_dump_then_load_gives_the_same_quads_in_the_build_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], parallel: int) -> None:
    first_dataset = all_datasets()[0][0].graph
    quads = [
        _quad("v1", "a", VIEW_GRAPH), _quad("v2", "b", VIEW_GRAPH), _quad("v3", "c", VIEW_GRAPH),
        _quad("d1", "x", first_dataset),
        _quad("r1", "y", "https://diplograph.org/graph/registry"),
    ]
    built = tmp_path / "built"
    store = ox.Store(str(built))
    store.extend(quads)
    store.flush()
    del store
    graphs = tmp_path / "graphs"
    assert build_reload.main(["dump", str(built), str(graphs)]) == 0
    order = [p.read_text(encoding="utf-8") for p in sorted(graphs.glob("*.graph"))]
    assert order == ["https://diplograph.org/graph/registry", first_dataset, VIEW_GRAPH]
    assert build_reload.main(["load", str(graphs), str(tmp_path / "again"),
                              "--part-lines", "2", "--parallel", str(parallel)]) == 0
    assert "total" in capsys.readouterr().out
    again = ox.Store.read_only(str(tmp_path / "again"))
    assert sorted(map(str, again)) == sorted(map(str, quads))


def test_queries_refuse_a_store_without_france(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    store.add(_quad("s", "o", "http://e/g"))
    store.flush()
    del store
    assert build_reload.main(["queries", str(tmp_path / "s")]) == 1
