"""Persistent connections to the engine (graph/remote.py ``RemoteStore._exchange``): one
connection per thread, reused across requests; a request whose time limit fires, or an
engine that closes an idle connection, never leaves a half-read answer to be taken for the
next request's. Against a real HTTP/1.1 server that counts the connections it accepts, and
against ``oxigraph serve``."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.remote import RemoteStore

from .engines import Engine


class _KeepAlive(http.server.BaseHTTPRequestHandler):
    """An HTTP/1.1 SPARQL endpoint that answers each query with one row: the marker (``"mN"``)
    written in the query, so that an answer can be matched with its request. The catalogue
    query gets no rows. ``"slowN"`` in a query: half the answer, then a pause of 3 s;
    ``"closeN"``: the answer, then the connection closed without saying so (as an engine
    closes an idle connection)."""

    protocol_version = "HTTP/1.1"
    connections: list[int] = []  # noqa: RUF012 - one list per server, reset by the fixture
    forms: list[dict[bytes, list[bytes]]] = []  # noqa: RUF012 - likewise

    def setup(self) -> None:
        super().setup()
        type(self).connections.append(1)

    def do_POST(self) -> None:  # noqa: N802
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).forms.append(form)
        query = form[b"query"][0].decode()
        if "catalogue" in query:
            rows: list[dict[str, object]] = []
        else:
            marker = re.search(r'"((?:m|slow|close)\d+)"', query)
            assert marker is not None
            rows = [{"x": {"type": "literal", "value": marker.group(1)}}]
        body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": rows}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if '"slow' in query:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                time.sleep(3)
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the slow case): as intended
        if '"close' in query:
            self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def keepalive() -> Iterator[tuple[str, list[int]]]:
    handler = type("Handler", (_KeepAlive,), {"connections": [], "forms": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    yield handler.url, handler.connections
    server.shutdown()
    server.server_close()


def _ask(store: RemoteStore, marker: str) -> str:
    rows = store.query(f'SELECT ?x WHERE {{ ?s ?p "{marker}" }}', graphs=["http://g/"])
    assert isinstance(rows, list)
    return rows[0]["x"].value


def test_one_connection_per_thread_is_reused(keepalive: tuple[str, list[int]]) -> None:
    url, connections = keepalive
    store = RemoteStore(url, timeout=5)
    assert [_ask(store, f"m{i}") for i in range(20)] == [f"m{i}" for i in range(20)]
    assert len(connections) == 1  # 20 queries and their catalogue reads, one connection

    answers: dict[int, list[str]] = {}

    def worker(k: int) -> None:
        answers[k] = [_ask(store, f"m{k}{i}") for i in range(5)]

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(1, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == {k: [f"m{k}{i}" for i in range(5)] for k in range(1, 4)}
    assert len(connections) == 4  # one more per thread
    store.close()
    assert _ask(store, "m99") == "m99" and len(connections) == 5


def test_a_time_limit_drops_the_connection_and_the_next_answer_is_its_own(
        keepalive: tuple[str, list[int]]) -> None:
    url, connections = keepalive
    store = RemoteStore(url, timeout=1.0)
    assert _ask(store, "m1") == "m1"
    t0 = time.monotonic()
    with pytest.raises(DiplographError) as e:
        _ask(store, "slow2")  # half its answer is sent, then nothing within the limit
    assert e.value.kind == "timeout" and url in e.value.message
    assert time.monotonic() - t0 < 2.5
    # the rest of slow2's answer never reaches m3: its connection was dropped
    assert _ask(store, "m3") == "m3"
    assert len(connections) == 2


def test_an_engine_that_closes_an_idle_connection_is_asked_again(
        keepalive: tuple[str, list[int]]) -> None:
    url, connections = keepalive
    store = RemoteStore(url, timeout=5)
    assert _ask(store, "close1") == "close1"  # the server then closes, without a header
    time.sleep(0.2)
    assert _ask(store, "m2") == "m2"  # sent again on a new connection, once
    assert len(connections) == 2


def test_oxigraph_serve_keeps_one_connection(oxigraph_engine: Engine) -> None:
    store = RemoteStore(oxigraph_engine.query_url, update_url=oxigraph_engine.update_url,
                        timeout=30)
    for i in range(10):
        assert store.query(f"ASK {{ FILTER({i} = {i}) }}") is True
    assert len(store._open) == 1  # noqa: SLF001 - the pool is what is tested
    with pytest.raises(DiplographError) as e:
        store.query("SELECT * WHERE { ?s ?p ?o ")  # a 400 is read whole: the connection stays
    assert e.value.kind == "syntax"
    assert store.query("ASK {}") is True and len(store._open) == 1  # noqa: SLF001
    store.close()
    assert len(store._open) == 0  # noqa: SLF001


def test_the_union_dataset_names_no_graphs_and_refuses_writes(
        keepalive: tuple[str, list[int]]) -> None:
    """``dataset="union"`` (a bulk-loaded, read-only engine): a query that names no graphs
    is sent without a dataset; one that names graphs keeps them; writes are refused."""
    url, connections = keepalive
    import pyoxigraph as ox

    from diplograph.graph.remote import open_remote

    # this test's handler class: the one that owns the fixture's connection list (an earlier
    # test's server may have had the same port, so the URL alone does not tell them apart)
    handler_forms = next(c for c in _KeepAlive.__subclasses__()
                         if c.connections is connections).forms
    store = RemoteStore(url, timeout=5, dataset="union")
    rows = store.query('SELECT ?x WHERE { ?s ?p "m1" }')
    assert isinstance(rows, list) and rows[0]["x"].value == "m1"
    assert b"default-graph-uri" not in handler_forms[-1]
    _ask(store, "m2")  # graphs named: sent as the dataset
    assert handler_forms[-1][b"default-graph-uri"] == [b"http://g/"]
    with pytest.raises(DiplographError) as e:
        store.replace_graph("http://g/", [ox.Triple(ox.NamedNode("http://a"),
                                                    ox.NamedNode("http://b"), ox.Literal("c"))])
    assert e.value.kind == "forbidden" and "union" in e.value.message
    with pytest.raises(DiplographError):
        RemoteStore(url, dataset="everything")
    assert open_remote(url, dataset="union").dataset == "union"


def test_the_catalogue_dataset_is_encoded_once_per_set_of_versions(
        oxigraph_engine: Engine) -> None:
    """Every query names the published versions as its dataset: the same bytes are reused
    while the versions stay the same, and a swap sends the new version at once (no stale
    dataset); a store read through the union default graph reuses a catalogue read for
    UNION_CATALOGUE_TTL seconds (its catalogue is not asked again within that time)."""
    import pyoxigraph as ox

    from diplograph.graph.remote import UNION_CATALOGUE_TTL, VERSIONS

    graph = "https://diplograph.org/graph/test/dataset-cache"
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    store = RemoteStore(oxigraph_engine.query_url, update_url=oxigraph_engine.update_url,
                        timeout=60)
    sent: list[bytes] = []
    exchange = store._exchange  # noqa: SLF001 - what is sent is what is tested

    def record(url: str, data: bytes, *args: object) -> object:
        sent.append(data)
        return exchange(url, data, *args)  # type: ignore[arg-type]

    store._exchange = record  # type: ignore[method-assign]  # noqa: SLF001
    store.replace_graph(graph, [ox.Triple(s, p, ox.Literal("one"))])
    try:
        query = "SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o }"
        first_version = store.versions(refresh=True)[graph]
        assert [r["o"].value for r in store.query(query)] == ["one"]  # type: ignore[index,union-attr]
        cached = store._dataset_form  # noqa: SLF001
        assert [r["o"].value for r in store.query(query)] == ["one"]  # type: ignore[index,union-attr]
        assert store._dataset_form is cached and cached is not None  # noqa: SLF001
        dataset = urllib.parse.parse_qs(sent[-1])[b"default-graph-uri"]
        assert first_version.encode() in dataset and first_version.startswith(VERSIONS)
        assert urllib.parse.parse_qs(sent[-2])[b"default-graph-uri"] == dataset

        store.replace_graph(graph, [ox.Triple(s, p, ox.Literal("two"))])
        assert [r["o"].value for r in store.query(query)] == ["two"]  # type: ignore[index,union-attr]
        now = urllib.parse.parse_qs(sent[-1])[b"default-graph-uri"]
        assert first_version.encode() not in now
        assert store.versions()[graph].encode() in now

        union = RemoteStore(oxigraph_engine.query_url, timeout=60, dataset="union")
        assert union.catalogue_ttl == UNION_CATALOGUE_TTL > 1
        union.versions(refresh=True)
        read_at = union._read_at  # noqa: SLF001
        time.sleep(1.2)  # longer than CATALOGUE_TTL: a catalogue store would read it again
        union.versions()
        assert union._read_at == read_at  # noqa: SLF001
        union.close()
    finally:
        store.drop_graph(graph)
        store.close()
