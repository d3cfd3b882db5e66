"""Backends for the engine tests: the embedded store and real engines started here (once per
test run, and stopped when the engine tests are done: ``scope="package"``; an ``oxigraph
serve`` left running after them was seen spinning a core on a connection its client had
closed). Without an engine installed its tests are skipped, except under CI=true, where they
fail: CI must test every backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.backend import EmbeddedBackend, GraphBackend
from diplograph.graph.remote import GSP_CHUNK, RemoteStore

from .engines import (
    Engine,
    in_ci,
    oxigraph_binary,
    start_oxigraph,
    start_virtuoso,
    virtuoso_binary,
)

#: the graphs of the full build that the engine tests load (the large reference data sets stay
#: out: their loading speed is measured in bench/, not in the suite)
GRAPHS = ("ontology", "registry", "wikidata-view", "dataset/cow-wars")
#: the Wikidata view holds statements from the reference data sets too (866,053 triples in a
#: full build): the tests load its first subjects, whole, up to this many triples, enough for
#: more than one Graph Store chunk (graph/remote.py GSP_CHUNK; the registry, 37,815 triples,
#: is two chunks too); the cut answer of a capped engine reads the other graphs. A claim about
#: the interface, not the full data: 50,000 triples until session 14 (docs/testing.md)
VIEW_TRIPLES = GSP_CHUNK + 1_000


def _engine(name: str, installed: bool, start) -> Iterator[Engine]:  # noqa: ANN001
    if not installed:
        if in_ci():
            pytest.fail(f"CI is set but {name} is not installed (scripts/install_engines.sh)")
        pytest.skip(f"{name} is not installed (scripts/install_engines.sh)")
    engine = start()
    yield engine
    engine.stop()


@pytest.fixture(scope="package")
def oxigraph_engine() -> Iterator[Engine]:
    yield from _engine("oxigraph", oxigraph_binary() is not None, start_oxigraph)


@pytest.fixture(scope="package")
def virtuoso_engine() -> Iterator[Engine]:
    yield from _engine("Virtuoso", virtuoso_binary() is not None, start_virtuoso)


def graphs_to_load(built_store: ox.Store) -> dict[str, list[ox.Triple]]:
    """Our build's small graphs (ontology, registry, document facts, Wikidata view)."""
    out: dict[str, list[ox.Triple]] = {}
    for g in built_store.named_graphs():
        name = g.value.rsplit("/graph/", 1)[-1]
        if name in GRAPHS or name.startswith("source/"):
            triples: list[ox.Triple] = []
            for q in built_store.quads_for_pattern(None, None, None, g):
                # the quads of a graph come subject by subject: stop at a subject's end
                if (name == "wikidata-view" and len(triples) >= VIEW_TRIPLES
                        and q.subject != triples[-1].subject):
                    break
                triples.append(q.triple)
            out[g.value] = triples
    return out


@pytest.fixture(scope="package")
def loaded_graphs(built_store: ox.Store) -> dict[str, list[ox.Triple]]:
    graphs = graphs_to_load(built_store)
    assert any("/source/" in g for g in graphs) and len(graphs) >= 4
    view = next(t for g, t in graphs.items() if g.endswith("/wikidata-view"))
    assert len(set(view)) > GSP_CHUNK  # sent in more than one Graph Store request
    return graphs


@pytest.fixture(scope="package", params=["embedded", "oxigraph", "virtuoso"])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            loaded_graphs: dict[str, list[ox.Triple]]) -> GraphBackend:
    """A backend of each kind, holding the same graphs (loaded through the interface)."""
    kind = request.param
    b: GraphBackend
    if kind == "embedded":
        b = EmbeddedBackend(ox.Store(str(tmp_path_factory.mktemp("embedded") / "store")))
    else:
        engine: Engine = request.getfixturevalue(f"{kind}_engine")
        base = engine.query_url.rsplit("/", 1)[0]
        gsp = base + ("/store" if kind == "oxigraph" else "/sparql-graph-crud")
        b = RemoteStore(engine.query_url, update_url=engine.update_url, gsp_url=gsp,
                        timeout=120)
    for graph, triples in loaded_graphs.items():
        assert b.replace_graph(graph, triples) == len(set(triples))
    return b


@pytest.fixture(scope="package")
def reference(loaded_graphs: dict[str, list[ox.Triple]]) -> EmbeddedBackend:
    """The embedded store with the same graphs: the answers every engine must give. In
    memory (filled in about 0.4 s of CPU, where on disk it took about 2 s; docs/testing.md,
    "Session 18"): the embedded backend on disk is one of the backends compared with it."""
    b = EmbeddedBackend(ox.Store())
    for graph, triples in loaded_graphs.items():
        b.replace_graph(graph, triples)
    return b


@pytest.fixture()
def scratch_graph() -> str:
    return "https://diplograph.org/graph/test/scratch"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent.name == "engines":
            item.add_marker(pytest.mark.engines)
