"""The one response cache (server/front.py): repeated identical requests are served from
memory; writes clear it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.cache import ResultCache


class Service:
    """The app's query service, its one cache, and a client that asks by GET."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app, self.client = app, app.test_client()
        self.qs = app.extensions["diplograph"]
        self.cache = self.qs.cache

    def query(self, q: str, media_type: str = "application/sparql-results+json") -> bytes:
        r = self.client.get("/sparql", query_string={"query": q}, headers={"Accept": media_type})
        return r.data if r.status_code == 200 else b"error"

    def update(self, u: str) -> None:
        r = self.client.post("/update", data={"update": u}, headers={"Authorization": "Bearer t"})
        assert r.status_code == 204, r.data


@pytest.fixture()
def service(tmp_path: Path):
    from diplograph.server.app import create_app

    store = ox.Store(str(tmp_path / "s"))
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("1"),
                      ox.NamedNode("http://g/1")))
    del store
    app = create_app({"DIPLOGRAPH_STORE": str(tmp_path / "s"), "DIPLOGRAPH_QUERY_WORKERS": 1,
                      "DIPLOGRAPH_QUERY_TIMEOUT": 10, "DIPLOGRAPH_CACHE_MB": 1,
                      "DIPLOGRAPH_UPDATE_TOKEN": "t", "DIPLOGRAPH_ISOLATION": "thread"})
    yield Service(app)
    app.extensions["diplograph"].close()


def test_the_service_reports_the_one_cache(service: Service) -> None:
    assert service.qs.cache is service.app.extensions["diplograph_responses"].cache


def test_repeated_query_is_a_hit_and_a_write_clears_it(service: Service) -> None:
    q = "SELECT ?o WHERE { ?s <http://e/p> ?o }"
    first = service.query(q)
    assert service.cache.stats()["misses"] == 1
    again = service.query(q)
    assert again == first and service.cache.stats()["hits"] == 1
    # another media type, another key
    service.query(q, media_type="text/csv")
    assert service.cache.stats()["misses"] == 2
    service.update("INSERT DATA { GRAPH <http://g/1> { <http://e/b> <http://e/p> \"2\" } }")
    after = service.query(q)
    assert b'"2"' in after, "a write is visible at once: the cache never serves stale data"
    assert service.cache.stats()["entries"] == 1


def test_errors_are_not_cached(service: Service) -> None:
    for _ in range(2):
        assert service.query("SELECT * WHERE { ?s ?p }") == b"error"
    assert service.cache.stats()["entries"] == 0


def test_bounded_and_off_switch() -> None:
    c: ResultCache[bytes] = ResultCache(100, max_entry_fraction=0.5)
    for i in range(10):
        c.put(i, b"x" * 30, 30)
    assert c.stats()["bytes"] <= 100 and c.get(9) is not None and c.get(0) is None
    c.put("big", b"x" * 60, 60)  # over half the cache: not kept
    assert c.get("big") is None
    off: ResultCache[bytes] = ResultCache(0)
    off.put("k", b"v", 1)
    assert off.get("k") is None and not off.enabled


def test_cache_can_be_switched_off_by_configuration(tmp_path: Path) -> None:
    from diplograph.server.app import create_app

    ox.Store(str(tmp_path / "s")).flush()
    app = create_app({"DIPLOGRAPH_STORE": str(tmp_path / "s"), "DIPLOGRAPH_CACHE_MB": 0,
                      "DIPLOGRAPH_QUERY_WORKERS": 1, "DIPLOGRAPH_ISOLATION": "thread"})
    try:
        qs = app.extensions["diplograph"]
        assert not qs.cache.enabled
        client = app.test_client()
        for _ in range(2):
            assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
        assert qs.cache.stats()["hits"] == 0
        assert client.get("/health").get_json()["cache"]["max_bytes"] == 0
    finally:
        app.extensions["diplograph"].close()


def test_identical_gets_are_replayed_before_flask_and_writes_invalidate(tmp_path: Path) -> None:
    from diplograph.server.app import create_app

    store = ox.Store(str(tmp_path / "s"))
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("1"),
                      ox.NamedNode("http://g/1")))
    del store
    app = create_app({"DIPLOGRAPH_STORE": str(tmp_path / "s"), "DIPLOGRAPH_QUERY_WORKERS": 1,
                      "DIPLOGRAPH_UPDATE_TOKEN": "t", "DIPLOGRAPH_ISOLATION": "thread"})
    try:
        client = app.test_client()
        responses = app.extensions["diplograph_responses"].cache
        q = {"query": "SELECT ?o WHERE { ?s <http://e/p> ?o }"}
        first = client.get("/sparql", query_string=q, headers={"Accept": "text/csv"})
        second = client.get("/sparql", query_string=q, headers={"Accept": "text/csv"})
        assert responses.stats()["hits"] == 1
        assert (second.status, second.data) == (first.status, first.data)
        assert dict(second.headers) == dict(first.headers)  # Content-Type, Vary … replayed as they were
        other = client.get("/sparql", query_string=q, headers={"Accept": "application/sparql-results+json"})
        assert other.mimetype == "application/sparql-results+json", "Accept is part of the key"
        bad = client.get("/sparql", query_string={"query": "SELECT"})
        assert bad.status_code == 400 and responses.stats()["entries"] == 2, "errors are not kept"
        w = client.post("/update", data={"update": 'INSERT DATA { GRAPH <http://g/1> { <http://e/b> <http://e/p> "2" } }'},
                        headers={"Authorization": "Bearer t"})
        assert w.status_code in (200, 204)
        after = client.get("/sparql", query_string=q, headers={"Accept": "text/csv"})
        assert b"2" in after.data, "a write is visible at once"
        assert client.get("/health").get_json()["cache"]["entries"] >= 1
    finally:
        app.extensions["diplograph"].close()


def test_non_deterministic_queries_are_never_cached(service: Service) -> None:
    for _ in range(2):
        service.query("SELECT (RAND() AS ?r) WHERE {}")
        service.query('SELECT ?o WHERE { ?s ?p ?o FILTER(?o != "NOW()") }')  # only in a string
    assert service.cache.stats()["hits"] == 1 and service.cache.stats()["entries"] == 1


def test_generations_only_move_forward_and_stale_answers_are_dropped() -> None:
    """Two requests may read the write generation in either order; an answer computed on an
    older generation is never kept once a newer one was seen, and a late look at the older
    generation does not bring its answers back."""
    c: ResultCache[str] = ResultCache(1000)
    c.sync(3)
    c.put("q", "gen3", 4, generation=3)
    assert c.get("q") == "gen3"
    c.sync(4)  # a write: empty
    assert c.get("q") is None
    c.put("q", "gen3-late", 9, generation=3)  # computed before the write, finished after
    assert c.get("q") is None
    c.sync(3)  # a request that read the generation before the write: ignored
    assert c.generation == 4
    c.put("q", "gen4", 4, generation=4)
    assert c.get("q") == "gen4"
