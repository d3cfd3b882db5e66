"""/dumps (listing, files, ranges, conditional requests), gzip on every response, and the
links from VoID and the service description."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from server_support import LiveServer, fill_store, load_table, make_app

from diplograph.graph.release import make_release

ABOUT = "https://diplograph.org/graph/registry"


def _releases(folder: Path) -> Path:
    s = ox.Store()
    s.update("""INSERT DATA { GRAPH <https://diplograph.org/graph/registry> {
        <https://diplograph.org/id/state/MNG> <http://www.w3.org/2000/01/rdf-schema#label> "Mongolia"@en } }""")
    make_release(s, folder / "r1", version="1", date=dt.date(2026, 1, 1))
    s.update("""INSERT DATA { GRAPH <https://diplograph.org/graph/registry> {
        <https://diplograph.org/id/state/VNM> <http://www.w3.org/2000/01/rdf-schema#label> "Viet Nam"@en } }""")
    make_release(s, folder / "r2", version="2", date=dt.date(2026, 2, 1))
    (folder / "notes.txt").write_text("not a release")
    return folder


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two releases and a stray file, made once for the file: the tests only read them (two
    releases for each test cost about 0.45 s of CPU: docs/testing.md, "Session 18")."""
    return _releases(tmp_path_factory.mktemp("dumps") / "releases")


@pytest.fixture()
def dumps_client(tmp_path: Path, releases: Path):
    folder = releases
    app = make_app(tmp_path / "store", DIPLOGRAPH_RELEASES=str(folder))
    load_table(app, "graph-catalogue")  # the build's: VoID reads it from the store
    yield app.test_client(), folder
    app.extensions["diplograph"].close()


def test_listing_newest_first_with_sizes_and_checksums(dumps_client) -> None:
    client, folder = dumps_client
    r = client.get("/dumps", headers={"Accept": "application/json"})
    assert r.status_code == 200 and "Accept" in r.headers["Vary"]
    releases = r.get_json()["releases"]
    assert [x["version"] for x in releases] == ["2", "1"]
    assert releases[0]["previous"] == "1"
    sums = dict(reversed(line.split("  ")) for line in
                (folder / "r2" / "SHA256SUMS").read_text().splitlines())
    files = {f["name"]: f for f in releases[0]["files"]}
    for name, digest in sums.items():
        assert files[name]["sha256"] == digest
        assert files[name]["bytes"] == (folder / "r2" / name).stat().st_size
    assert files["diplograph-2.nq.gz"]["url"].endswith("/dumps/r2/diplograph-2.nq.gz")
    page = client.get("/dumps", headers={"Accept": "text/html"})
    assert page.mimetype == "text/html" and "Release 2 (2026-02-01)" in page.get_data(as_text=True)


def test_files_with_ranges_and_conditional_requests(dumps_client) -> None:
    client, folder = dumps_client
    data = (folder / "r2" / "diplograph-2.nq.gz").read_bytes()
    full = client.get("/dumps/r2/diplograph-2.nq.gz")
    assert full.status_code == 200 and full.data == data
    assert full.mimetype == "application/gzip" and full.headers["Accept-Ranges"] == "bytes"
    assert "Content-Encoding" not in full.headers  # a gzip file is sent as it is
    part = client.get("/dumps/r2/diplograph-2.nq.gz", headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.data == data[10:20]
    assert part.headers["Content-Range"] == f"bytes 10-19/{len(data)}"
    again = client.get("/dumps/r2/diplograph-2.nq.gz",
                       headers={"If-None-Match": full.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/dumps/r2/catalog.ttl").mimetype == "text/turtle"
    latest = client.get("/dumps/latest/SHA256SUMS")
    assert latest.status_code == 302 and latest.headers["Location"].endswith("/dumps/r2/SHA256SUMS")


@pytest.mark.parametrize("path", ["/dumps/r2/../r1/release.json", "/dumps/r2/.work",
                                  "/dumps/nope/release.json", "/dumps/r2/notes.txt",
                                  "/dumps/releases/notes.txt", "/dumps/r2/graphs"])
def test_nothing_else_is_reachable(dumps_client, path: str) -> None:
    client, _ = dumps_client
    assert client.get(path).status_code == 404


def test_gzip_on_query_results_and_the_store(dumps_client) -> None:
    client, _ = dumps_client
    q = {"query": "SELECT * WHERE { ?s ?p ?o }"}
    plain = client.get("/sparql", query_string=q)
    assert "Content-Encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["Vary"]
    packed = client.get("/sparql", query_string=q, headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"] and "Accept" in packed.headers["Vary"]
    assert "Content-Length" not in packed.headers or int(packed.headers["Content-Length"]) == len(packed.data)
    assert json.loads(gzip.decompress(packed.data)) == json.loads(plain.data)
    refused = client.get("/sparql", query_string=q, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers
    store = client.get("/store", headers={"Accept-Encoding": "gzip",
                                          "Accept": "application/n-quads"})
    assert store.headers["Content-Encoding"] == "gzip"
    quads = list(ox.parse(gzip.decompress(store.data), format=ox.RdfFormat.N_QUADS))
    assert len(quads) > 5
    head = client.head("/sparql", query_string=q, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in head.headers


def test_void_and_service_description_link_the_dumps(dumps_client) -> None:
    client, _ = dumps_client
    void = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    text = void.get_data(as_text=True)
    assert "/dumps/r2/diplograph-2.nq.gz> ." in text and "rdfs.org/ns/void#dataDump" in text
    assert "http://www.w3.org/ns/dcat#downloadURL" in text
    assert ("<http://purl.org/dc/terms/license> <https://creativecommons.org/licenses/by-sa/4.0/>"
            in text)  # the registry's licence, from the graph catalogue
    sd = client.get("/sparql", headers={"Accept": "application/n-triples"})
    assert "/dumps/r2/diplograph-2.trig.gz>" in sd.get_data(as_text=True)
    assert "http://www.w3.org/ns/dcat#downloadURL" in sd.get_data(as_text=True)


def test_live_server_sends_ranges_and_gzip(tmp_path: Path, releases: Path) -> None:
    folder = releases
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, "--releases", str(folder))
    try:
        data = (folder / "r1" / "diplograph-1.trig.gz").read_bytes()
        r = requests.get(server.url + "/dumps/r1/diplograph-1.trig.gz",
                         headers={"Range": "bytes=0-99"}, timeout=10)
        assert r.status_code == 206 and r.content == data[:100]
        listing = requests.get(server.url + "/dumps", headers={"Accept": "application/json"},
                               timeout=10)
        assert [x["version"] for x in listing.json()["releases"]] == ["2", "1"]
        raw = requests.get(server.url + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"},
                           headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10)
        assert raw.headers["Content-Encoding"] == "gzip"
        assert json.loads(gzip.decompress(raw.raw.read()))["results"]["bindings"]
    finally:
        server.stop()
