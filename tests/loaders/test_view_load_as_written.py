"""A first build bulk-loads the Wikidata-shaped view part by part while its lines are still
being written (``write_view`` with ``graph.store.LoadAsWritten``): the graph is the one the
lines give, each line once, and an error while writing them leaves no part of the view.

Real build into an on-disk store (two small data sets, the bundled sources), parts made small
so that the view is loaded in many."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph.store import LoadAsWritten
from diplograph.loaders import wikidata_view
from diplograph.loaders.build import build
from diplograph.loaders.wikidata_view import VIEW_GRAPH, wikidata_view_lines, write_view

DATASETS = ["cow-capitals", "state-systems"]


def _view(store: ox.Store) -> list[bytes]:
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(VIEW_GRAPH))
    return (dump or b"").splitlines()


@pytest.fixture
def parts(monkeypatch):
    """Parts of 500 lines, and the sizes of the parts handed to the loading threads."""
    monkeypatch.setattr(wikidata_view, "VIEW_PART_LINES", 500)
    sizes: list[int] = []
    add = LoadAsWritten.add

    def counted(self, lines):  # noqa: ANN001, ANN202
        sizes.append(len(lines))
        return add(self, lines)

    monkeypatch.setattr(LoadAsWritten, "add", counted)
    return sizes


def test_first_build_loads_the_view_in_parts_as_written(tmp_path, parts):
    store = ox.Store(str(tmp_path / "s"))
    report = build(store, datasets=DATASETS)
    assert not report.failures
    built = _view(store)
    lines = wikidata_view_lines(store)  # the view computed again from the store alone
    assert len(lines) > 2_000
    assert sorted(built) == sorted(line.rstrip("\n").encode() for line in lines)
    assert len(parts) == -(-len(lines) // 500)  # every line in one part of 500, the last less
    assert all(n == 500 for n in parts[:-1]) and 0 < parts[-1] <= 500
    # rebuilding over the existing view writes the difference (none), not parts
    parts.clear()
    assert write_view(store) == len(lines)
    assert parts == []
    assert sorted(_view(store)) == sorted(built)


def test_an_error_while_writing_leaves_no_part_of_the_view(tmp_path, parts, monkeypatch):
    store = ox.Store(str(tmp_path / "s"))
    assert not build(store, datasets=DATASETS).failures
    store.remove_graph(ox.NamedNode(VIEW_GRAPH))
    add = LoadAsWritten.add  # (counted)
    handed: list[int] = []

    def failing(self, lines):  # noqa: ANN001, ANN202
        handed.append(len(lines))
        if len(handed) == 3:  # two parts handed to the loaders, then the writing fails
            raise OSError("no space left on device")
        return add(self, lines)

    monkeypatch.setattr(LoadAsWritten, "add", failing)
    with pytest.raises(OSError, match="no space left"):
        write_view(store)
    assert not store.contains_named_graph(ox.NamedNode(VIEW_GRAPH))
    assert _view(store) == []
