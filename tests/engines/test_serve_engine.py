"""``diplograph serve --engine URL``: the real server in front of a real engine (``oxigraph
serve`` and Virtuoso, started once per test run by conftest.py) serves the same endpoint,
named queries, pages and reconciliation as over the embedded store, with the same checks,
caps, time limit and token rules; writes reach the engine as new versions swapped in."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from diplograph.graph.backend import EmbeddedBackend
from diplograph.graph.named_queries import bind, get_query, substitutions
from diplograph.graph.query import run_query
from diplograph.graph.remote import CATALOGUE_TTL, RemoteStore

from .engines import Engine, free_port, start_oxigraph
from .test_backends import answer_set, concat_columns

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from server_support import AUTH, LiveServer  # noqa: E402

MNG = "https://diplograph.org/id/state/MNG"
SCRATCH = "https://diplograph.org/graph/test/served"
MAX_ROWS = 5000
TIMEOUT = 30.0  # pages on a loaded machine, with every graph pushed, need seconds
SHORT = 3  # the time limit of the time-limit test's own server


@pytest.fixture(scope="module")
def small_graphs(loaded_graphs: dict[str, list[ox.Triple]]) -> dict[str, list[ox.Triple]]:
    """The ontology, the registry and the sources (the Wikidata view's 0.9 M triples would
    take minutes to load on a busy machine, and nothing here needs them)."""
    return {g: t for g, t in loaded_graphs.items() if not g.endswith("/wikidata-view")}


@pytest.fixture(scope="module")
def reference(small_graphs: dict[str, list[ox.Triple]]) -> EmbeddedBackend:
    """The embedded store with the same graphs: the answers the served engines must give."""
    b = EmbeddedBackend(ox.Store())
    for graph, triples in small_graphs.items():
        b.replace_graph(graph, triples)
    return b


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           small_graphs: dict[str, list[ox.Triple]]) -> Iterator[tuple[LiveServer, RemoteStore]]:
    """The server in front of each engine, which holds our graphs (loaded through the
    interface, once: the backend suite may have loaded them already)."""
    kind = request.param
    engine: Engine = request.getfixturevalue(f"{kind}_engine")
    base = engine.query_url.rsplit("/", 1)[0]
    gsp = base + ("/store" if kind == "oxigraph" else "/sparql-graph-crud")
    remote = RemoteStore(engine.query_url, update_url=engine.update_url, gsp_url=gsp,
                         timeout=120)
    published = set(remote.published_graphs(refresh=True))
    for graph, triples in small_graphs.items():
        if graph not in published:
            remote.replace_graph(graph, triples)
    server = LiveServer(tmp_path_factory.mktemp(f"serve-{kind}") / "store",
                        "--engine", engine.query_url, "--update-url", engine.update_url,
                        "--gsp-url", gsp, "--max-rows", str(MAX_ROWS), "--workers", "1",
                        "--threads", "4", timeout=TIMEOUT)
    yield server, remote
    server.stop()


def _sparql(server: LiveServer, query: str, accept: str = "application/sparql-results+json",
            ) -> requests.Response:
    return requests.post(f"{server.url}/sparql", data={"query": query},
                         headers={"Accept": accept}, timeout=60)


def _rows(results: dict, sparql: str = "") -> object:  # type: ignore[type-arg]
    """The rows as terms, compared as the backend suite compares engines' answers (numbers
    and booleans by value, GROUP_CONCAT parts in any order: measured dialect differences)."""
    body = json.dumps(results).replace('"typed-literal"', '"literal"').encode()
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    rows = [{n: row[n] for n in names if row[n] is not None} for row in solutions]  # type: ignore[union-attr]
    return answer_set(rows, concat_columns(sparql))


@pytest.mark.parametrize("query", [
    # the graphs loaded here (other engine tests push more graphs to the same engines);
    # named in full, as graph names must be to be compared on an engine (docs/engines.md)
    "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { <https://diplograph.org/graph/ontology> "
    "<https://diplograph.org/graph/registry> "
    "<https://diplograph.org/graph/source/vn-mn-relations-2023> } GRAPH ?g { ?s ?p ?o } } "
    "GROUP BY ?g",
    f"SELECT ?label WHERE {{ <{MNG}> rdfs:label ?label FILTER(LANG(?label) = 'en') }}",
    "SELECT ?s WHERE { ?s a dg:SourceDocument } ORDER BY ?s",
])
def test_queries_answer_as_on_the_embedded_store(
        served: tuple[LiveServer, RemoteStore], reference: EmbeddedBackend, query: str) -> None:
    server, _ = served
    r = _sparql(server, query)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("application/sparql-results+json")
    local = json.loads(run_query(reference.store, query, fmt="json"))
    assert _rows(r.json(), query) == _rows(local, query) and local["results"]["bindings"]
    csv = _sparql(server, query, "text/csv")  # written by pyoxigraph from the engine's answer
    assert csv.status_code == 200 and csv.text.count("\n") == len(local["results"]["bindings"]) + 1


def test_ask_and_construct_in_every_format(served: tuple[LiveServer, RemoteStore]) -> None:
    server, _ = served
    ask = _sparql(server, f"ASK {{ <{MNG}> ?p ?o }}")
    assert ask.status_code == 200 and ask.json()["boolean"] is True
    assert _sparql(server, "ASK { <http://example.org/none> ?p ?o }").json()["boolean"] is False
    assert _sparql(server, f"ASK {{ <{MNG}> ?p ?o }}", "text/csv").text.strip() == "true"
    ttl = _sparql(server, f"CONSTRUCT {{ <{MNG}> rdfs:label ?l }} WHERE {{ <{MNG}> rdfs:label ?l }}",
                  "text/turtle")
    assert ttl.status_code == 200 and ttl.headers["Content-Type"].startswith("text/turtle")
    assert len(list(ox.parse(ttl.content, format=ox.RdfFormat.TURTLE))) >= 2


@pytest.mark.parametrize(("name", "args"), [
    ("wikidata-qid", {"entity": "Holy See"}),
    ("document-facts", {"document": "vn-mn-relations-2023"}),
])
def test_named_queries_answer_as_on_the_embedded_store(
        served: tuple[LiveServer, RemoteStore], reference: EmbeddedBackend, name: str,
        args: dict[str, str]) -> None:
    server, _ = served
    q = get_query(name)
    local = json.loads(run_query(reference.store, q.text, fmt="json", substitutions=substitutions(
        bind(q, args, store=reference.store))))
    r = requests.get(f"{server.url}/queries/{name}", params=args,
                     headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert r.status_code == 200, r.text
    assert _rows(r.json(), q.text) == _rows(local, q.text) and local["results"]["bindings"]


def test_pages_and_reconciliation(served: tuple[LiveServer, RemoteStore]) -> None:
    server, _ = served
    page = requests.get(f"{server.url}/page/state/MNG", timeout=60)
    assert page.status_code == 200 and "Mongolia" in page.text
    assert requests.get(f"{server.url}/page/state/NOPE", timeout=60).status_code == 404
    r = requests.get(f"{server.url}/reconcile",
                     params={"queries": json.dumps({"q0": {"query": "Mông Cổ"}})}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["q0"]["result"][0]["id"].endswith("state/MNG")


def test_federation_is_refused_before_anything_is_sent(
        served: tuple[LiveServer, RemoteStore]) -> None:
    server, _ = served
    r = _sparql(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert r.status_code == 400 and "SERVICE" in r.text
    u = requests.post(f"{server.url}/update", data={"update": f"LOAD <http://127.0.0.1:9/> "
                                                              f"INTO GRAPH <{SCRATCH}>"},
                      headers=AUTH, timeout=60)
    assert u.status_code == 400 and "LOAD" in u.text


@contextmanager
def _short_limit(kind: str, served: tuple[LiveServer, RemoteStore],
                 graphs: dict[str, list[ox.Triple]], folder: Path) -> Iterator[LiveServer]:
    """A server with a short time limit (``SHORT`` s) in front of an engine of ``kind``. For
    oxigraph, an engine of its own holding the ontology, stopped afterwards: oxigraph goes
    on computing a query whose client has given up until its own limit, and on the shared
    engine the cross product below kept a core busy for the rest of the engine tests (about a
    minute of CPU on a quiet machine). Virtuoso refuses that query itself at once."""
    _, remote = served
    engine = start_oxigraph(timeout_s=SHORT + 20) if kind == "oxigraph" else None
    try:
        if engine is not None:
            base = engine.query_url.rsplit("/", 1)[0]
            remote = RemoteStore(engine.query_url, update_url=engine.update_url,
                                 gsp_url=base + "/store", timeout=120)
            ontology = "https://diplograph.org/graph/ontology"
            remote.replace_graph(ontology, graphs[ontology])
        server = LiveServer(folder / "store", "--engine", remote.query_url,
                            "--update-url", str(remote.update_url),
                            "--gsp-url", str(remote.gsp_url),
                            "--workers", "1", "--threads", "4", timeout=SHORT)
        try:
            yield server
        finally:
            server.stop()
    finally:
        if engine is not None:
            engine.stop()


def test_row_cap_and_time_limit(served: tuple[LiveServer, RemoteStore],
                                small_graphs: dict[str, list[ox.Triple]],
                                request: pytest.FixtureRequest, tmp_path: Path) -> None:
    server, _ = served
    r = _sparql(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS + 1}")
    assert r.status_code == 422 and "cap" in r.text
    kind = request.node.callspec.params["served"]
    with _short_limit(kind, served, small_graphs, tmp_path) as short:
        t0 = time.monotonic()
        slow = _sparql(short, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        took = time.monotonic() - t0
        assert slow.status_code == 503, slow.text[:300]
        assert "time limit" in slow.text
        assert took < SHORT + 10
        assert _sparql(short, "ASK {}").status_code == 200  # the server stays up
    assert _sparql(server, "ASK {}").status_code == 200


def test_writes_need_the_token_and_reach_the_engine_swapped(
        served: tuple[LiveServer, RemoteStore]) -> None:
    server, remote = served
    insert = f"INSERT DATA {{ GRAPH <{SCRATCH}> {{ <http://example.org/a> <http://example.org/p> 'x' }} }}"
    anonymous = requests.post(f"{server.url}/update", data={"update": insert}, timeout=60)
    assert anonymous.status_code in (401, 403)
    assert SCRATCH not in remote.published_graphs(refresh=True)

    r = requests.post(f"{server.url}/update", data={"update": insert}, headers=AUTH, timeout=60)
    assert r.status_code in (200, 204), r.text
    assert remote.versions(refresh=True)[SCRATCH] != SCRATCH  # held by a version of its own
    assert remote.count(remote.versions()[SCRATCH]) == 1
    seen = _sparql(server, f"SELECT ?o WHERE {{ GRAPH <{SCRATCH}> {{ ?s ?p ?o }} }}")
    assert [b["o"]["value"] for b in seen.json()["results"]["bindings"]] == ["x"]

    body = "<http://example.org/a> <http://example.org/p> 'y', 'z' ."
    put = requests.put(f"{server.url}/store", params={"graph": SCRATCH}, data=body.encode(),
                       headers={**AUTH, "Content-Type": "text/turtle"}, timeout=60)
    assert put.status_code in (200, 204), put.text
    got = requests.get(f"{server.url}/store", params={"graph": SCRATCH},
                       headers={"Accept": "application/n-triples"}, timeout=60)
    assert sorted(t.object.value for t in ox.parse(got.content, format=ox.RdfFormat.N_TRIPLES)
                  ) == ["y", "z"]

    default = requests.post(f"{server.url}/update", headers=AUTH, timeout=60, data={
        "update": "INSERT DATA { <http://example.org/a> <http://example.org/p> 'd' }"})
    assert default.status_code == 400 and "named graph" in default.text

    gone = requests.delete(f"{server.url}/store", params={"graph": SCRATCH}, headers=AUTH,
                           timeout=60)
    assert gone.status_code in (200, 204)
    assert SCRATCH not in remote.published_graphs(refresh=True)
    assert _sparql(server, f"ASK {{ GRAPH <{SCRATCH}> {{ ?s ?p ?o }} }}").json()["boolean"] is False


def test_an_unreachable_engine_is_named_at_start(tmp_path: Path) -> None:
    port = free_port()
    t0 = time.monotonic()
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "diplograph", "serve", "--store", str(tmp_path / "store"),
         "--port", str(free_port()), "--timeout", "3",
         "--engine", f"http://127.0.0.1:{port}/sparql"],
        capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 2
    assert f"127.0.0.1:{port}/sparql" in out.stderr and "cannot reach" in out.stderr
    assert time.monotonic() - t0 < 30


TRICKY = "https://diplograph.org/graph/test/tricky-json"
#: literals whose JSON holds what a row counter that does not parse could trip on
TRICKY_VALUES = ['}},{"x": 1}', 'a\\', 'quote " and \\" and \\\\', 'line\nbreak\ttab', '{ }, {',
                 "Mông Cổ"]


def test_json_answers_are_passed_on_with_exact_row_counts(
        served: tuple[LiveServer, RemoteStore], reference: EmbeddedBackend) -> None:
    """A SPARQL JSON answer asked for as SPARQL JSON is passed on as the engine wrote it
    (Virtuoso's spaced JSON too, its ``typed-literal`` rewritten), its rows counted without
    parsing: the count is exact on literals full of braces, quotes and backslashes, and at
    the row cap (MAX_ROWS rows: 200; one more: 422)."""
    server, remote = served
    s, p = ox.NamedNode("http://example.org/tricky"), ox.NamedNode("http://example.org/p")
    objects: list[ox.Literal] = [ox.Literal(v) for v in TRICKY_VALUES]
    objects += [ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                ox.Literal("x } , { y", language="en")]
    remote.replace_graph(TRICKY, [ox.Triple(s, p, o) for o in objects])
    time.sleep(CATALOGUE_TTL + 0.5)  # the server reuses its catalogue read this long
    try:
        from diplograph.graph.remote_service import json_rows

        for query in (f"SELECT ?o WHERE {{ GRAPH <{TRICKY}> {{ ?s ?p ?o }} }}",
                      f"SELECT ?s ?o WHERE {{ GRAPH <{TRICKY}> {{ ?s ?p ?o }} }}",
                      f"SELECT ?o WHERE {{ GRAPH <{TRICKY}> {{ ?s ?p ?o FILTER(false) }} }}",
                      f"SELECT ?o ?none WHERE {{ GRAPH <{TRICKY}> {{ ?s ?p ?o }} "
                      "OPTIONAL { ?o ?q ?none } }"):
            r = _sparql(server, query)
            assert r.status_code == 200, r.text
            expected = 0 if "false" in query else len(objects)
            assert json_rows(r.content) == len(r.json()["results"]["bindings"]) == expected
            assert b"typed-literal" not in r.content
            got = sorted(b["o"]["value"] for b in r.json()["results"]["bindings"])
            assert got == sorted(o.value for o in objects)[: expected]
            _, raw, _ = remote.send_query(query, accept="application/sparql-results+json")
            assert json_rows(raw.body) == expected  # the engine's own bytes
        first = _sparql(server, f"SELECT ?o WHERE {{ GRAPH <{TRICKY}> {{ ?s ?p ?o }} }}")
        if remote.dialect == "virtuoso":  # its own writing, passed on
            assert b'"distinct": false' in first.content
        full = f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}"
        at_cap = _sparql(server, full)
        assert at_cap.status_code == 200, at_cap.text[:300]
        assert len(at_cap.json()["results"]["bindings"]) == MAX_ROWS
        assert _sparql(server, full.replace(f"LIMIT {MAX_ROWS}", f"LIMIT {MAX_ROWS + 1}")
                       ).status_code == 422
    finally:
        remote.drop_graph(TRICKY)
