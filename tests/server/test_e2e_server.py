"""End to end: the real server process (granian, several worker processes) on a free 127.0.0.1 port."""

from __future__ import annotations

import json
import socket
import threading
import time

import pyoxigraph as ox
import pytest
import requests
from server_support import AUTH, EXTRA, LiveServer, fill_store, free_port
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

pytestmark = pytest.mark.e2e

SELECT = "SELECT ?s WHERE { ?s a <https://diplograph.org/ontology#State> } ORDER BY ?s"


def wrapper(server, fmt) -> SPARQLWrapper:
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setReturnFormat(fmt)
    return sw


def test_sparqlwrapper_formats(live_server):
    sw = wrapper(live_server, JSON)
    sw.setQuery(SELECT)
    res = sw.query().convert()
    assert [b["s"]["value"] for b in res["results"]["bindings"]] == [
        "https://diplograph.org/id/state/MNG", "https://diplograph.org/id/state/VNM"]
    sw = wrapper(live_server, XML)
    sw.setQuery(SELECT)
    assert len(sw.query().convert().getElementsByTagName("result")) == 2
    sw = wrapper(live_server, CSV)
    sw.setQuery(SELECT)
    assert sw.query().convert().decode().splitlines()[0] == "s"
    sw = wrapper(live_server, TURTLE)
    sw.setQuery("CONSTRUCT WHERE { ?s a ?c }")
    res = sw.query()
    assert res.response.headers["Content-Type"].startswith("text/turtle")
    assert len(list(ox.parse(res.convert(), format=ox.RdfFormat.TURTLE))) == 5
    sw = wrapper(live_server, JSON)
    sw.setMethod("POST")
    sw.setQuery("ASK { ?s ?p ?o }")
    assert sw.query().convert()["boolean"] is True


def test_requests_basics(live_server):
    u = live_server.url
    r = requests.get(u + "/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["Content-Type"] == "text/csv; charset=utf-8"
    h = requests.head(u + "/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert h.status_code == 200 and h.headers["Content-Type"] == r.headers["Content-Type"]
    assert h.headers["Content-Length"] == r.headers["Content-Length"] and h.content == b""
    r = requests.get(u + "/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and b"sd:UnionDefaultGraph" in r.content
    r = requests.get(u + "/update", params={"update": "CLEAR ALL"}, headers=AUTH)
    assert r.status_code == 405 and "POST" in r.headers["Allow"]
    r = requests.get(u + "/sparql", params={"query": "SELECT * { ?s ?p }"})
    assert r.status_code == 400 and "1:" in r.text


def test_write_then_read(live_server):
    u = live_server.url
    r = requests.post(u + "/update", headers=AUTH, data={
        "update": "INSERT DATA { GRAPH <http://x/e2e> { <http://a/> <http://b/> 42 } }"})
    assert r.status_code == 204
    for _ in range(4):  # whatever worker answers
        r = requests.get(u + "/sparql", params={
            "query": "SELECT ?o { GRAPH <http://x/e2e> { ?s ?p ?o } }"})
        assert r.json()["results"]["bindings"][0]["o"]["value"] == "42"
    r = requests.put(u + "/store", params={"graph": "http://x/e2e-gsp"}, headers={
        **AUTH, "Content-Type": "text/turtle"}, data=b"<http://a/> <http://b/> 43 .")
    assert r.status_code == 201
    r = requests.get(u + "/sparql", params={
        "query": "ASK { GRAPH <http://x/e2e-gsp> { ?s ?p 43 } }"})
    assert r.json()["boolean"] is True
    assert requests.post(u + "/update", data={"update": "CLEAR ALL"}).status_code == 401


def test_timeout_does_not_block_light_queries(live_server):
    """A 4-way cross join hits the 2 s limit -> 503, while light queries keep answering."""
    u = live_server.url
    triples = " ".join(f"<http://e/{i}> <http://e/p> {i} ." for i in range(300))
    requests.post(u + "/update", headers=AUTH, data={
        "update": f"INSERT DATA {{ GRAPH <http://e/big> {{ {triples} }} }}"})
    light: list[float] = []
    stop = threading.Event()

    def run_light() -> None:
        s = requests.Session()
        while not stop.is_set():
            t = time.perf_counter()
            r = s.get(u + "/sparql", params={"query": "ASK { <http://e/1> ?p ?o }"})
            light.append(time.perf_counter() - t)
            assert r.status_code == 200
            time.sleep(0.05)

    th = threading.Thread(target=run_light)
    th.start()
    try:
        time.sleep(0.3)
        t = time.perf_counter()
        r = requests.get(u + "/sparql", params={"query": (
            "SELECT (COUNT(*) AS ?n) { GRAPH <http://e/big> "
            "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } }")})
        elapsed = time.perf_counter() - t
    finally:
        stop.set()
        th.join()
    assert r.status_code == 503 and "time limit" in r.text
    assert elapsed < 3.0
    assert len(light) >= 10
    assert sorted(light)[len(light) // 2] < 0.1, light
    time.sleep(1.5)  # the replacement worker starts in the background
    assert requests.get(u + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_service_makes_no_connection(live_server):
    """SERVICE to a local listener is refused, and the listener sees no connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    try:
        for q in (f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                  f"PREFIX e: <http://127.0.0.1:{port}/> SELECT * {{ SERVICE e:x {{ }} }}"):
            r = requests.get(live_server.url + "/sparql", params={"query": q})
            assert r.status_code == 400 and "not allowed" in r.text
        r = requests.post(live_server.url + "/update", headers=AUTH, data={
            "update": f"LOAD <http://127.0.0.1:{port}/data.ttl>"})
        assert r.status_code == 400
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_allow_listed_service_is_fetched(live_server, tmp_path):
    """With --allow-federation, SERVICE reaches the allowed endpoint (here: another server)."""
    target = live_server.url + "/sparql"
    store = tmp_path / "fed-store"
    fill_store(store)
    fed = LiveServer(store, "--allow-federation", target)
    try:
        q = f"SELECT (COUNT(*) AS ?n) {{ SERVICE <{target}> {{ GRAPH <{EXTRA}> {{ ?s ?p ?o }} }} }}"
        r = requests.get(fed.url + "/sparql", params={"query": q})
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "3"
        r = requests.get(fed.url + "/sparql", headers={"Accept": "application/n-triples"})
        assert b"BasicFederatedQuery" in r.content
        r = requests.get(fed.url + "/sparql", params={
            "query": "SELECT * { SERVICE <http://127.0.0.1:9/other> {} }"})
        assert r.status_code == 400
    finally:
        fed.stop()


def test_server_survives_garbage(live_server):
    u = live_server.url
    s = requests.Session()
    cases = [
        s.post(u + "/sparql", data=b"\xff\xfe\x00garbage",
               headers={"Content-Type": "application/sparql-query"}),
        s.post(u + "/sparql", data="ASK {}".encode("utf-16"),
               headers={"Content-Type": "application/sparql-query; charset=utf-16"}),
        s.post(u + "/sparql", data=b"x" * (65 * 2**20),
               headers={"Content-Type": "application/sparql-query"}),
        s.post(u + "/sparql", data=b"ASK {}", headers={"Content-Type": "foo"}),
        s.post(u + "/sparql", data=b"ASK {}", headers={"Content-Type": "a/b/c;;;=="}),
        s.get(u + "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"),
        s.get(u + "/sparql?query=%ff%fe"),
        s.get(u + "/sparql", params={"query": "ASK {}"}, headers={"Accept": ";;;,,q=x"}),
        s.get(u + "/sparql", params={"query": "SELECT * {} ", "default-graph-uri": "<>"}),
        s.put(u + "/store?graph=http://x/g", data=b"\x00\x01", headers={
            **AUTH, "Content-Type": "text/turtle"}),
        s.get(u + "/store?graph=%zz"),
    ]
    codes = [r.status_code for r in cases]
    assert all(400 <= c < 500 for c in codes), codes
    assert codes[2] == 413
    r = s.get(u + "/sparql", params={"query": "ASK {}"})
    assert r.status_code == 200
    with socket.create_connection(("127.0.0.1", live_server.port)) as raw:
        raw.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
        raw.settimeout(5)
        raw.recv(1000)
    assert s.get(u + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_error_body_shape(live_server):
    r = requests.get(live_server.url + "/sparql", params={"query": "SELEC"},
                     headers={"Accept": "application/sparql-results+json"})
    body = r.json()
    assert set(body) == {"error", "status", "message", "details"}
    assert body["status"] == r.status_code == 400
    r = requests.get(live_server.url + "/nope", headers={"Accept": "application/json"})
    assert r.status_code == 404 and json.loads(r.text)["error"] == "not-found"


def _server_processes(server: LiveServer) -> set[int]:
    """The server's process and its worker processes (from /proc)."""
    import os

    pids = {server.proc.pid}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == server.proc.pid:
                pids.add(int(entry))
    return pids


def test_overruns_replace_the_workers_and_the_service_stays_up(tmp_path):
    """Two overruns in a row: both 503 at the limit; the workers that ran them are replaced
    (gracefully, not as a crash), the runaway queries end with their processes, and
    the service answers throughout."""
    store = tmp_path / "store"
    fill_store(store)
    # the 300 triples go in before the server starts: sent through /update they
    # met the same 1 s limit and, on a loaded CI machine, overran it (503) once
    from diplograph.graph.executor import QueryService

    triples = " ".join(f"<http://e/{i}> <http://e/p> {i} ." for i in range(300))
    with QueryService(store, workers=1, isolation="thread") as qs:
        qs.update(f"INSERT DATA {{ GRAPH <http://e/big> {{ {triples} }} }}")
    server = LiveServer(store, timeout=1.0)
    try:
        u = server.url
        before = _server_processes(server)
        cross = ("SELECT (COUNT(*) AS ?n) { GRAPH <http://e/big> "
                 "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } }")
        for _ in range(2):
            t = time.perf_counter()
            r = requests.get(u + "/sparql", params={"query": cross})
            assert r.status_code == 503 and r.headers["Retry-After"]
            assert time.perf_counter() - t < 2.5
            assert requests.get(u + "/sparql", params={"query": "ASK {}"}).status_code == 200
        # the workers that ran them (and their runaway queries) are gone within
        # timeout + 5 s + margin; only those are replaced
        import re

        ran = {int(p) for p in re.findall(r"to replace worker process (\d+)",
                                          server.log.read_text())}
        assert ran and ran <= before
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and ran & _server_processes(server):
            time.sleep(0.25)
        assert not ran & _server_processes(server)
        assert server.proc.poll() is None
        assert requests.get(u + "/sparql", params={"query": "ASK { <http://e/1> ?p ?o }"}
                            ).json()["boolean"] is True
        assert "replaced by pid" in server.log.read_text()
    finally:
        server.stop()


def test_every_write_is_seen_by_every_worker(live_server):
    """Fresh connections land on any worker process: each must see every earlier write."""
    u = live_server.url
    graph = "http://example.org/graph/counter"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    for i in range(1, 9):
        r = requests.post(u + "/update", headers={**AUTH, "Connection": "close"},
                          data={"update": f"INSERT DATA {{ GRAPH <{graph}> "
                                          f"{{ <http://e/c{i}> <http://e/p> {i} }} }}"})
        assert r.status_code == 204
        for _ in range(3):
            r = requests.get(u + "/sparql", params={"query": count},
                             headers={"Connection": "close"})
            assert int(r.json()["results"]["bindings"][0]["n"]["value"]) == i
    assert requests.post(u + "/update", headers=AUTH,
                         data={"update": f"DROP GRAPH <{graph}>"}).status_code == 204


def test_a_second_server_on_the_same_store_or_port_is_refused(live_server, tmp_path):
    import subprocess
    import sys

    store = live_server.log.parent / "store"
    cmd = [sys.executable, "-m", "diplograph", "serve", "--store", str(store), "--port"]
    other_port = str(free_port())  # not port + 1: a client connection may hold that one
    r = subprocess.run([*cmd, other_port], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "another diplograph service" in r.stderr
    r = subprocess.run([sys.executable, "-m", "diplograph", "serve", "--store",
                        str(tmp_path / "other"), "--port", str(live_server.port)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "cannot listen" in r.stderr
    assert requests.get(live_server.url + "/sparql", params={"query": "ASK {}"}
                        ).status_code == 200
