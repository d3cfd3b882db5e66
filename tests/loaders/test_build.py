"""The build drops the graph of a source that left the sources folder, but never the graph
of a source whose facts file fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.namespaces import GRAPH
from diplograph.loaders.build import build

from ..conftest import SOURCES

VI, EN = "000_68460debbf1317d8", "001_cf5b56e9778579b3"
VI_GRAPH = GRAPH("source/vn-mn-relations-2023")
EN_GRAPH = GRAPH("source/wikipedia-foreign-relations-of-mongolia")


def _sources(dest: Path, *stems: str) -> Path:
    dest.mkdir()
    for stem in stems:
        for suffix in (".txt", ".facts.yaml"):
            shutil.copy(SOURCES / f"{stem}{suffix}", dest / f"{stem}{suffix}")
    return dest


def _graphs(store: ox.Store) -> set[str]:
    return {g.value for g in store.named_graphs()}


def test_stale_source_graphs_go_but_failing_ones_stay(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    assert not build(store, sources=_sources(tmp_path / "both", VI, EN), with_datasets=False).failures
    assert {VI_GRAPH, EN_GRAPH} <= _graphs(store)

    # the English source breaks: nothing is dropped, its old graph stays as it was
    broken = _sources(tmp_path / "broken", VI, EN)
    (broken / f"{EN}.facts.yaml").write_text("format: diplograph-facts/1\nfacts: [\n", encoding="utf-8")
    before = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(EN_GRAPH)))
    report = build(store, sources=broken, with_datasets=False)
    assert len(report.failures) == 1
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(EN_GRAPH))) == before

    # the English source is removed: its graph goes, the other stays
    assert not build(store, sources=_sources(tmp_path / "one", VI), with_datasets=False).failures
    assert VI_GRAPH in _graphs(store) and EN_GRAPH not in _graphs(store)
