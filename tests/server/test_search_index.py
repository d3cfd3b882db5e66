"""The search index after writes (server/search_index.py): brought up to date by reading only
what a write may have changed, never showing a name the write replaced.

A real on-disk store, the app over it, writes sent as a client sends them (``POST /update``,
a Graph Store ``PUT``), and, last, the real server as a process. After each write the index
the holder brought up to date must equal one built from scratch on the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from server_support import AUTH, REGISTRY, LiveServer, fill_store, make_app

from diplograph.server.search import holder, search_index
from diplograph.server.search_index import IndexHolder

ID = "https://diplograph.org/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DG = "https://diplograph.org/ontology#"


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(tmp_path / "store", DIPLOGRAPH_QUERY_TIMEOUT=60.0)  # a loaded machine
    yield app
    app.extensions["diplograph"].close()


def _write(c: FlaskClient, update: str) -> None:
    r = c.post("/update", data={"update": update}, headers=AUTH)
    assert r.status_code == 204, r.get_data(as_text=True)


def _found(c: FlaskClient, text: str) -> list[tuple[str, str]]:
    r = c.get("/search.json", query_string={"q": text, "limit": 50})
    assert r.status_code == 200
    return [(h["iri"], h["label"]) for h in r.get_json()["results"]]


def _how(app: Flask) -> str:
    """How the last request brought the index up to date, checked against a full build."""
    with app.app_context():
        index = search_index()
        qs = app.extensions["diplograph"]
        assert index.same_as(IndexHolder()._read(qs, qs.generation).index)
    return holder.last[0]


def test_a_rename_that_says_what_it_touched_reads_that_entity_again(app: Flask) -> None:
    c = app.test_client()
    assert (ID + "state/MNG", "Mongolia") in _found(c, "mongolia")
    _write(c, f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{RDFS}label> "Mongolia"@en }} }} ;'
              f'INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{RDFS}label> "Mongol Uls"@en }} }}')
    assert _found(c, "mongolia") == []
    assert _found(c, "mongol uls") == [(ID + "state/MNG", "Mongol Uls")]
    assert holder.last[:1] == ("entities",) and holder.last[2] <= 3  # MNG (and the objects)
    assert _how(app) == "entities"


def test_a_new_wikidata_match_is_found_by_its_qid_after_the_write(app: Flask) -> None:
    c = app.test_client()
    assert _found(c, "Q711") == []
    _write(c, f'INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> '
              '<http://www.w3.org/2004/02/skos/core#exactMatch> '
              '<http://www.wikidata.org/entity/Q711> } }')
    assert _found(c, "Q711") == [(ID + "state/MNG", "Mongolia")]
    assert _how(app) == "entities"


def test_a_rename_that_does_not_say_reads_the_entities_of_its_graph_again(app: Flask) -> None:
    """A ``DELETE/INSERT … WHERE`` does not say which terms it touched, but its text names the
    graph it writes: the entities with names or types in that graph are read again."""
    c = app.test_client()
    assert _found(c, "viet nam")[0] == (ID + "state/VNM", "Viet Nam")
    _write(c, f'WITH <{REGISTRY}> DELETE {{ ?s <{RDFS}label> ?l }} '
              f'INSERT {{ ?s <{RDFS}label> "Annam"@en }} '
              f'WHERE {{ BIND(<{ID}state/VNM> AS ?s) ?s <{RDFS}label> ?l FILTER(LANG(?l) = "en") }}')
    assert _found(c, "viet nam") == []
    assert _found(c, "annam")[0] == (ID + "state/VNM", "Annam")
    assert _how(app) == "graphs"


def test_a_write_to_a_graph_without_names_keeps_the_index(app: Flask) -> None:
    """The benchmark's write: it says nothing of the terms it touched, on a scratch graph."""
    c = app.test_client()
    with app.app_context():
        built = search_index()
    for update in ("INSERT DATA { GRAPH <urn:x-test:scratch> { <urn:x-test:w> <urn:x-test:n> 1 } }",
                   "DELETE WHERE { GRAPH <urn:x-test:scratch> { ?s ?p ?o } }"):
        _write(c, update)
        with app.app_context():
            assert search_index() is built
    assert holder.last[0] in ("kept", "graphs") and holder.last[2] == 0


def test_a_type_in_one_graph_and_a_name_in_another(app: Flask) -> None:
    """An entity whose name is in one graph becomes one of a kind by a type written (and
    later deleted) in another: read again both times, by the graph the write changed."""
    c = app.test_client()
    _write(c, f'INSERT DATA {{ GRAPH <urn:x-test:names> {{ <{ID}state/FRD> <{RDFS}label> "Freedonia"@en }} }}')
    assert _found(c, "freedonia") == []
    _write(c, f"INSERT {{ GRAPH <urn:x-test:types> {{ ?s a <{DG}State> }} }} "
              f"WHERE {{ GRAPH <urn:x-test:names> {{ ?s <{RDFS}label> ?l }} }}")
    assert _found(c, "freedonia") == [(ID + "state/FRD", "Freedonia")]
    assert _how(app) == "graphs"
    _write(c, "CLEAR GRAPH <urn:x-test:types>")
    assert _found(c, "freedonia") == []
    assert _how(app) == "graphs"


def test_a_graph_replaced_through_the_graph_store(app: Flask) -> None:
    c = app.test_client()
    assert _found(c, "mongolia") == [(ID + "state/MNG", "Mongolia")]
    body = (f'<{ID}state/VNM> a <{DG}State> ; <{RDFS}label> "Việt Nam"@vi .\n'
            f'<{ID}state/LAO> a <{DG}State> ; <{RDFS}label> "Laos"@en .\n')
    r = c.put("/store", query_string={"graph": REGISTRY}, data=body.encode(),
              headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code in (200, 204), r.get_data(as_text=True)
    assert _found(c, "mongolia") == []  # MNG was only in the registry
    assert _found(c, "laos") == [(ID + "state/LAO", "Laos")]
    assert _found(c, "viet nam") == [(ID + "state/VNM", "Việt Nam")]
    assert _how(app) == "graphs"


def test_a_write_to_the_default_graph_builds_it_again(app: Flask) -> None:
    c = app.test_client()
    assert _found(c, "freedonia") == []
    _write(c, f'INSERT DATA {{ <{ID}state/FRD> a <{DG}State> ; <{RDFS}label> "Freedonia"@en }}')
    assert _found(c, "freedonia") == [(ID + "state/FRD", "Freedonia")]
    assert _how(app) == "entities"
    _write(c, f"DELETE WHERE {{ <{ID}state/FRD> ?p ?o }}")
    assert _found(c, "freedonia") == []
    assert _how(app) == "built"


class _NoReading:
    """A query service that must not be read (the index is loaded, not built)."""

    def __init__(self, qs: object) -> None:
        self.checkpoints = qs.checkpoints  # type: ignore[attr-defined]
        self.generation = qs.generation  # type: ignore[attr-defined]

    def select(self, *_: object) -> None:
        raise AssertionError("the store was read")


def test_workers_share_a_build(app: Flask) -> None:
    """Worker processes that need the index for the same generation (all of them at start)
    build it once: the others load what the first wrote beside the checkpoints."""
    qs = app.extensions["diplograph"]
    first = IndexHolder()
    built = first.get(qs)
    assert list((Path(str(qs.checkpoints.root)) / "search-index").glob("*.json"))
    loaded = IndexHolder().get(_NoReading(qs))
    assert loaded.same_as(built) and len(loaded) > 0


def test_the_server_never_shows_a_replaced_name(tmp_path: Path) -> None:
    """The real server (two worker processes): right after each write returns, every worker
    answers with the new name, whichever way the write was made."""
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, timeout=60.0)
    try:
        def found(text: str) -> set[str]:
            hits: set[str] = set()
            for _ in range(4):  # (reaches both workers)
                r = requests.get(server.url + "/search.json", params={"q": text}, timeout=60)
                assert r.status_code == 200
                hits |= {h["label"] for h in r.json()["results"]}
            return hits

        assert found("mongolia") == {"Mongolia"}
        for i, update in enumerate([
            f'WITH <{REGISTRY}> DELETE {{ ?s <{RDFS}label> "Mongolia"@en }} '
            f'INSERT {{ ?s <{RDFS}label> "Mongolia 1"@en }} WHERE {{ ?s <{RDFS}label> "Mongolia"@en }}',
            f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{RDFS}label> "Mongolia 1"@en }} }} ;'
            f'INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{RDFS}label> "Mongolia 2"@en }} }}',
        ], start=1):
            r = requests.post(server.url + "/update", data={"update": update}, headers=AUTH,
                              timeout=60)
            assert r.status_code == 204, r.text
            assert found("mongolia") == {f"Mongolia {i}"}
    finally:
        server.stop()
