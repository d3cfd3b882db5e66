"""Issue 14, defect 1: SSRF through SERVICE/LOAD spellings the old tokenizer misread.

Two guards, each tested on its own: the text check (graph/sparql_safety.py) refuses every
spelling the engine would fetch, naming the target; and the processes that evaluate queries
cannot open network sockets at all (graph/egress.py), whatever the check says. A listener on
127.0.0.1 stands for an internal service: no test may see a connection reach it through the
server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT, ROOT / "tests" / "server"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from server_support import AUTH, TOKEN, LiveServer, fill_store  # noqa: E402

from bench.fuzz_service import Listener, run_engine, run_server  # noqa: E402
from diplograph.graph.errors import DiplographError  # noqa: E402
from diplograph.graph.sparql_safety import check_external_access, external_targets  # noqa: E402


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    store = tmp_path_factory.mktemp("ssrf") / "store"
    fill_store(store)
    srv = LiveServer(store)
    yield srv
    srv.stop()


def _reported(listener: Listener, base: str = "") -> list[tuple[str, bool]]:
    """The spellings of the issue, for a listener at ``base``: (text, is an update)."""
    p = base or listener.base
    return [
        (f"PREFIX : <{p}> SELECT ?leak WHERE {{ SERVICE:x {{ ?leak ?p ?o }} }}", False),
        (f"PREFIX : <{p}> SELECT * {{ ?a :b\\#c ?d . SERVICE :x {{ ?leak ?p ?o }} }}", False),
        (f"PREFIX : <{p}> SELECT * {{ ?a :b\\'c ?d SERVICE :x {{ ?leak ?p ?o }} }}", False),
        (f"PREFIX ex: <{p}> SELECT * {{ SERVICEex:x {{ ?leak ?p ?o }} }}", False),
        (f"PREFIX ex: <{p}> SELECT * {{ SERVICE SILENTex:x {{ ?leak ?p ?o }} }}", False),
        (f"SELECT * {{ ?a ?b 1SERVICE <{p}> {{ ?leak ?p ?o }} }}", False),
        (f"SELECT * {{ SERVICE <{p}\\u0041> {{ ?leak ?p ?o }} }}", False),
        (f"BASE <{p}> SELECT * {{ SERVICE <rel> {{ ?leak ?p ?o }} }}", False),
        (f"PREFIX : <{p}> LOAD:x", True),
        (f"PREFIX : <{p}> INSERT {{ <urn:x:a> <urn:x:b> ?leak }} WHERE {{ SERVICE:x {{ ?leak ?p ?o }} }}",
         True),
    ]


def test_the_engine_fetches_these_spellings(listener: Listener) -> None:
    """The premise: pyoxigraph, left alone in a process without the filter, connects."""
    import pyoxigraph as ox

    p = listener.base
    store = ox.Store()
    for text, update in _reported(listener):
        # triples that the patterns before the SERVICE match, so that it is evaluated
        store.update(f"INSERT DATA {{ <urn:x:a> <{p}b#c> <urn:x:d> . <urn:x:a> <{p}b'c> "
                     "<urn:x:d> . <urn:x:a> <urn:x:b> 1 }")
        before = listener.connections
        try:
            if update:
                store.update(text)
            else:
                list(store.query(text))
        except (OSError, SyntaxError, RuntimeError, ValueError):
            pass
        assert listener.connections == before + 1, text


def test_the_check_refuses_every_reported_spelling_and_names_the_target(
        listener: Listener) -> None:
    for text, _ in _reported(listener):
        targets = external_targets(text, "http://127.0.0.1:1/sparql")
        assert targets and all(t is not None and t.startswith(listener.base) for t in targets)
        with pytest.raises(DiplographError) as e:
            check_external_access(text)
        assert e.value.kind == "bad-input"
        assert listener.base in e.value.message and "not allowed" in e.value.message


def test_generated_spellings_engine_against_check(listener: Listener) -> None:
    """Every generated spelling the engine fetches is refused, with the IRI it fetches (so an
    allow-list cannot be bypassed)."""
    result = run_engine(listener, 400, seed=14)
    assert result["engine_connected"] > 100  # the generator does reach the engine
    assert result["missed"] == [] and result["wrong_target"] == []


@pytest.mark.e2e
def test_server_zero_connections_reported_spellings(server: LiveServer, listener: Listener
                                                    ) -> None:
    before = listener.connections
    for text, update in _reported(listener):
        if update:
            r = requests.post(server.url + "/update", data={"update": text}, headers=AUTH)
        else:
            r = requests.get(server.url + "/sparql", params={"query": text})
        assert r.status_code == 400, (text, r.status_code, r.text)
        assert "not allowed" in r.text and listener.base in r.text
    assert listener.connections == before


@pytest.mark.e2e
def test_server_zero_connections_generated_spellings(server: LiveServer, listener: Listener
                                                     ) -> None:
    """A few hundred generated spellings by GET, form POST and direct POST: every attack
    400, every decoy (SERVICE only in a string, IRI, comment or name) 200, no connection."""
    before = listener.connections
    summary = run_server(server.url, listener, 300, seed=41, token=TOKEN)
    assert listener.connections == before
    assert summary["unexpected"] == []
    statuses = summary["statuses"]
    assert statuses.get(("attack", 400), 0) > 200 and statuses.get(("decoy", 200), 0) > 20


@pytest.mark.e2e
def test_server_workers_log_the_filter(server: LiveServer) -> None:
    requests.get(server.url + "/sparql", params={"query": "ASK {}"})
    log = server.log.read_text()
    assert "outbound network connections blocked" in log


# ---------------------------------------------------------------- the filter itself

_CHILD = textwrap.dedent("""
    import json, socket, sys, threading
    import pyoxigraph as ox
    from diplograph.graph import egress
    listening = socket.socket(); listening.bind(("127.0.0.1", 0)); listening.listen()
    print(json.dumps({"port": listening.getsockname()[1]}), flush=True)
    ok = egress.deny_outbound(sys.argv[2:] and sys.argv[2].split() or ())
    out = {"installed": ok, "denied": egress.is_denied()}
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        out["udp"] = "open"
    except OSError as e:
        out["udp"] = e.errno
    a, b = socket.socketpair(); a.send(b"x"); out["unix"] = b.recv(1).decode()
    def service():
        try:
            list(ox.Store().query("SELECT * { SERVICE <%s> { ?s ?p ?o } }" % sys.argv[1]))
            out["service"] = "ran"
        except OSError as e:
            out["service"] = str(e)
    t = threading.Thread(target=service); t.start(); t.join()  # another thread: TSYNC
    sys.stdin.readline()  # the parent connects to the listening socket now
    conn, _ = listening.accept(); out["accepted"] = conn.recv(5).decode()
    print(json.dumps(out), flush=True)
""")


def _run_child(listener: Listener, *allow: str) -> dict[str, object]:
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, listener.base, *allow],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin and proc.stdout
    port = json.loads(proc.stdout.readline())["port"]
    import socket

    proc.stdin.write("go\n")
    proc.stdin.flush()
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(b"hello")
        out = json.loads(proc.stdout.readline())
    proc.wait(30)
    return out


@pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux only")
def test_filter_denies_network_sockets_but_keeps_the_listening_one(listener: Listener) -> None:
    before = listener.connections
    out = _run_child(listener)
    assert out["installed"] is True and out["denied"] is True
    assert out["udp"] == 13  # EACCES
    assert out["unix"] == "x"  # AF_UNIX still works
    assert "Permission denied" in str(out["service"])
    assert out["accepted"] == "hello"  # a socket made before the filter still accepts
    assert listener.connections == before


@pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux only")
def test_no_filter_when_federation_is_allow_listed(listener: Listener) -> None:
    out = _run_child(listener, listener.base)
    assert out["installed"] is False and out["udp"] == "open"


@pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux only")
def test_process_isolation_worker_cannot_connect(tmp_path: Path, listener: Listener) -> None:
    """The query worker of ``isolation="process"`` has the filter from its start: a SERVICE
    handed to it directly (no text check on that path) reaches nobody."""
    from diplograph.graph.executor import QueryService
    from diplograph.graph.isolation import read_frame as _read_frame
    from diplograph.graph.isolation import write_frame as _write_frame

    env_before = os.environ.pop("DIPLOGRAPH_ALLOW_FEDERATION", None)
    try:
        with QueryService(tmp_path / "store", workers=1) as qs:
            w = qs._processes.idle_worker(timeout=30)
            try:
                req = {"sparql": f"SELECT * {{ SERVICE <{listener.base}> {{ ?s ?p ?o }} }}",
                       "media_type": "application/sparql-results+json",
                       "snapshot": qs.snapshot, "default_graphs": [], "named_graphs": [],
                       "union": True, "substitutions": {}, "base_iri": None,
                       "max_rows": 10, "max_bytes": 10_000}
                before = listener.connections
                _write_frame(w.stdin, json.dumps(req).encode())
                header = json.loads(_read_frame(w.stdout))
                _read_frame(w.stdout)
            finally:
                qs._processes.give(w)
        assert "Permission denied" in header.get("message", "")
        assert listener.connections == before
    finally:
        if env_before is not None:
            os.environ["DIPLOGRAPH_ALLOW_FEDERATION"] = env_before
