"""The WSGI front answers ``GET /sparql?query=…`` exactly as the Flask view answers a POST.

Both call ``protocol.answer_query``; a form POST goes through Flask, so each pair below is
the same query answered by both routes.
"""

from __future__ import annotations

from typing import Any

import pytest
from server_support import make_app

from diplograph.server.front import Front

QUERIES = [
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s ?l", "application/sparql-results+json",
     "json"),
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s ?l", "text/csv", "csv"),
    ("SELECT ?s WHERE { ?s a dg:State } ORDER BY ?s", "application/sparql-results+xml", "xml"),
    ("ASK { ?s a dg:State }", "application/sparql-results+xml", "xml"),
    ("SELECT ?s WHERE { ?s a dg:State } ORDER BY ?s", "text/tab-separated-values", "tsv"),
    ("CONSTRUCT WHERE { ?s a dg:State }", "application/n-triples", "nt"),
]
SAME_HEADERS = ("Content-Type", "Vary", "X-Diplograph-Rows", "Content-Length",
                "Access-Control-Allow-Origin")


class Counting:
    """Wraps the Flask app behind the fast path and counts the requests that reach it."""

    def __init__(self, app: Any) -> None:
        self.app, self.calls = app, 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.app(environ, start_response)


@pytest.fixture(params=[False, True], ids=["cors-off", "cors-on"])
def wired(request, tmp_path):
    app = make_app(tmp_path / "store", DIPLOGRAPH_CORS=request.param, DIPLOGRAPH_CACHE_MB=0)
    fast = app.wsgi_app.wrapped  # gzip -> Front -> Flask
    assert isinstance(fast, Front)
    flask_side = Counting(fast.app)
    fast.app = flask_side
    yield app, flask_side
    app.extensions["diplograph"].close()


@pytest.mark.parametrize(("query", "accept", "fmt"), QUERIES)
def test_front_equals_the_flask_view(wired, query, accept, fmt) -> None:
    app, flask_side = wired
    client = app.test_client()
    fast = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert fast.status_code == 200
    assert flask_side.calls == 0  # answered before Flask
    slow = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert flask_side.calls == 1
    also = client.get("/sparql", query_string={"query": query, "format": fmt})
    assert also.data == fast.data and flask_side.calls == 1  # format= too: no Flask
    assert slow.status_code == 200
    assert fast.data == slow.data
    for h in SAME_HEADERS:
        assert fast.headers.get(h) == slow.headers.get(h), h


def test_dataset_parameters_take_the_front(wired) -> None:
    app, flask_side = wired
    r = app.test_client().get("/sparql", query_string={
        "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "default-graph-uri": "http://example.org/graph/extra"})
    assert r.status_code == 200 and flask_side.calls == 0
    assert r.json["results"]["bindings"][0]["n"]["value"] == "3"


@pytest.mark.parametrize("params", [
    {"query": "SELEC nothing"},  # syntax: the error goes through Flask's handler
    [("query", "ASK {}"), ("query", "ASK {}")],  # a repeated parameter
    {"query": "SELECT * {}", "format": "nope"},
])
def test_errors_and_other_shapes_go_through_flask(wired, params) -> None:
    app, flask_side = wired
    r = app.test_client().get("/sparql", query_string=params,
                              headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400
    assert flask_side.calls == 1
    assert r.json["error"] in ("syntax", "bad-input") and r.json["message"]


def test_unsatisfiable_accept_is_406_from_flask(wired) -> None:
    app, flask_side = wired
    r = app.test_client().get("/sparql", query_string={"query": "ASK {}"},
                              headers={"Accept": "image/png"})
    assert r.status_code == 406 and flask_side.calls == 1


def test_a_query_that_errors_runs_once(wired, monkeypatch) -> None:
    app, _ = wired
    qs = app.extensions["diplograph"]
    calls = []
    real = qs.query

    def counting(*a: Any, **k: Any) -> Any:
        calls.append(1)
        return real(*a, **k)

    checks = []
    real_check = qs.check

    def counting_checks(*a: Any, **k: Any) -> Any:
        checks.append(1)
        return real_check(*a, **k)

    monkeypatch.setattr(qs, "query", counting)
    monkeypatch.setattr(qs, "check", counting_checks)
    r = app.test_client().get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"},
                              headers={"Accept": "text/csv"})
    assert r.status_code == 200 and len(calls) == 1 and len(checks) == 1
    r = app.test_client().get("/sparql", query_string={
        "query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert r.status_code == 400 and "SERVICE" in r.get_data(as_text=True)
    assert len(checks) == 2, "checked once (by the front), never again by Flask"
    assert len(calls) == 1, "refused before it runs"
