"""Issue 15, point 4: the requests real clients sent that failed.

Tried as a new user would with SPARQLWrapper: TSV, RDF/XML and JSON-LD got 400 ("the
'format' parameter was given 2 times"), the default CONSTRUCT got 406, N3 400; ``Accept:
application/json`` and ``application/xml`` got 406 (Fuseki and Blazegraph answer them); a
Graph Store ``multipart/form-data`` POST got 415. These are those exact requests, in process;
tests/server/test_clients.py sends them with the real clients to the real server.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "tests" / "server") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests" / "server"))

from server_support import AUTH, make_app  # noqa: E402

SELECT = "SELECT ?s WHERE { ?s a <https://diplograph.org/ontology#State> }"
CONSTRUCT = "CONSTRUCT WHERE { ?s a <https://diplograph.org/ontology#State> }"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    app = make_app(tmp_path_factory.mktemp("s") / "store")
    yield app.test_client()
    app.extensions["diplograph"].close()


def _sw(query: str, fmt: str, accept: str) -> list[tuple[str, str]]:
    """The parameters SPARQLWrapper 2.0 sends for a return format (format, output, results;
    for TSV, RDF/XML and JSON-LD each twice: the name, then the media types)."""
    extra = {"tsv": accept, "rdf+xml": accept, "json-ld": accept}.get(fmt)
    params = [("query", query)]
    for key in ("format", "output", "results"):
        params.append((key, fmt))
        if extra is not None:
            params.append((key, "" if "*/*" in extra else extra))
    return params


@pytest.mark.parametrize("query,fmt,accept,want", [
    (SELECT, "tsv", "text/tab-separated-values", "text/tab-separated-values"),
    (CONSTRUCT, "rdf+xml", "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "json-ld", "application/ld+json,application/x-json+ld", "application/ld+json"),
    (CONSTRUCT, "xml", "application/rdf+xml", "application/rdf+xml"),  # the default
    (CONSTRUCT, "n3", "application/turtle,text/turtle,text/rdf+n3,application/n-triples,"
                      "application/n3,text/n3", "text/n3"),
    (SELECT, "rdf+xml", "*/*", None),  # a graph format for SELECT: 406, not 400
])
def test_sparqlwrapper_requests(client, query: str, fmt: str, accept: str,
                                want: str | None) -> None:
    r = client.get("/sparql", query_string=_sw(query, fmt, accept), headers={"Accept": accept})
    if want is None:
        assert r.status_code == 406 and "available" in r.data.decode()
        return
    assert r.status_code == 200, r.data
    assert r.mimetype == want


@pytest.mark.parametrize("query,accept,want", [
    (SELECT, "application/json", "application/sparql-results+json"),
    (SELECT, "application/xml", "application/sparql-results+xml"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "application/xml", "application/rdf+xml"),
])
def test_accept_json_and_xml(client, query: str, accept: str, want: str) -> None:
    r = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == want


def test_multipart_graph_store_post(client) -> None:
    from io import BytesIO

    data = {"a": (BytesIO(b"<http://a/> <http://b/> 1 ."), "a.ttl", "text/turtle"),
            "b": (BytesIO(b"<http://a/> <http://b/> \"2\" ."), "b.nt")}
    r = client.post("/store?graph=http://example.org/mp", data=data, headers=AUTH,
                    content_type="multipart/form-data")
    assert r.status_code == 201, r.data
    r = client.get("/store?graph=http://example.org/mp",
                   headers={"Accept": "application/n-triples"})
    assert r.data.count(b"<http://a/> <http://b/>") == 2
