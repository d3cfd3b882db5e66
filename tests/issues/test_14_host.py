"""Issue 14, defect 5: a forged ``Host`` header never reaches another client's answer.

Six requests with ``Host: evil.example`` made the response cache replay
``http://evil.example/…`` IRIs, a poisoned ``sd:endpoint`` and poisoned links to every later
client. Now the service's address comes from configuration (``--public-url``, by default
``http://<host>:<port>/``), and the caches are keyed on the address too.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from issue_support import LiveServer, fill_store  # noqa: E402

pytestmark = pytest.mark.e2e

#: a relative IRI resolves against the request URL (the base IRI of the query)
RELATIVE = "SELECT ?x WHERE { BIND(<relative/thing> AS ?x) }"
TARGETS = [
    "/sparql?query=" + quote(RELATIVE),
    "/sparql?format=turtle",  # the service description: sd:endpoint
    "/queries/state-relations?format=json&state=MNG",
    "/queries",
    "/reconcile",
]


def _raw_get(port: int, target: str, host: str) -> str:
    """One HTTP/1.1 GET with exactly the ``Host`` header given (requests would fix it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n"
                  "Connection: close\r\n\r\n".encode())
        chunks = []
        while data := s.recv(65536):
            chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory):
    store = tmp_path_factory.mktemp("host") / "store"
    fill_store(store)
    default = LiveServer(store, timeout=10.0)
    try:
        yield default
    finally:
        default.stop()


def test_forged_host_never_poisons_other_clients(servers: LiveServer) -> None:
    port = servers.port
    for target in TARGETS:
        for _ in range(6):
            forged = _raw_get(port, target, "evil.example")
            assert "evil.example" not in forged, (target, forged[:2000])
        normal = requests.get(servers.url + target, headers={"Accept": "*/*"}, timeout=30)
        assert "evil.example" not in normal.text, (target, normal.text[:2000])
    # the configured address is used instead, whatever the Host says
    desc = _raw_get(port, "/sparql?format=turtle", "evil.example")
    assert f"http://127.0.0.1:{port}/sparql" in desc
    rel = _raw_get(port, "/sparql?query=" + quote(RELATIVE), "other.example:81")
    assert f"http://127.0.0.1:{port}/relative/thing" in rel, rel[-500:]


def test_public_url_option_sets_every_link(tmp_path: Path) -> None:
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, "--public-url", "https://graph.example.org/dg/", timeout=10.0)
    try:
        desc = _raw_get(server.port, "/sparql?format=turtle", "evil.example")
        assert "https://graph.example.org/dg/sparql" in desc
        assert "evil.example" not in desc
        links = requests.get(server.url + "/queries", timeout=30).text
        assert "https://graph.example.org/dg/queries/" in links
    finally:
        server.stop()


def test_a_bad_public_url_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "store"
    fill_store(store)
    with pytest.raises(RuntimeError, match="DIPLOGRAPH_PUBLIC_URL"):
        LiveServer(store, "--public-url", "graph.example.org", timeout=10.0)
