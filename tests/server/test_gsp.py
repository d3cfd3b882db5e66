"""Graph Store HTTP Protocol at /store, in-process."""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
import pytest
from server_support import AUTH, EXTRA, REGISTRY

TTL = b"@prefix ex: <http://example.org/> . ex:s ex:p ex:o , [ ex:q 1 ] ."


def triples(data: bytes, fmt=ox.RdfFormat.TURTLE) -> list:
    return list(ox.parse(data, format=fmt))


def test_get_named_graph_default_turtle(client):
    r = client.get(f"/store?graph={quote(EXTRA)}")
    assert r.status_code == 200 and r.content_type == "text/turtle"
    assert r.headers["Vary"] == "Accept, Accept-Encoding"  # gzip: server/compression.py
    assert len(triples(r.data)) == 3


@pytest.mark.parametrize("accept,fmt", [
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
])
def test_get_conneg(client, accept, fmt):
    r = client.get("/store", query_string={"graph": REGISTRY}, headers={"Accept": accept})
    assert r.status_code == 200 and r.content_type == accept
    assert len(triples(r.data, fmt)) == 7


def test_get_errors(client):
    assert client.get("/store?graph=http://nope.example/g").status_code == 404
    assert client.get(f"/store?graph={quote(EXTRA)}",
                      headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/store?graph=relative/g").status_code == 400
    assert client.get(f"/store?graph={quote(EXTRA)}&default").status_code == 400


def test_head_matches_get(client):
    g = client.get(f"/store?graph={quote(EXTRA)}")
    h = client.head(f"/store?graph={quote(EXTRA)}")
    assert h.status_code == 200 and h.data == b""
    assert h.headers["Content-Type"] == g.headers["Content-Type"]
    assert h.headers["Content-Length"] == g.headers["Content-Length"]
    assert client.head("/store?graph=http://nope.example/g").status_code == 404


def test_put_creates_then_replaces(client):
    url = "/store?graph=" + quote("http://example.org/new")
    r = client.put(url, data=TTL, content_type="text/turtle", headers=AUTH)
    assert r.status_code == 201
    r = client.put(url, data=b"<http://a/> <http://b/> <http://c/> .",
                   content_type="application/n-triples", headers=AUTH)
    assert r.status_code == 204
    assert len(triples(client.get(url).data)) == 1


def test_post_merges_with_fresh_blank_nodes(client):
    url = "/store?graph=" + quote("http://example.org/m")
    assert client.post(url, data=TTL, content_type="text/turtle", headers=AUTH).status_code == 201
    assert client.post(url, data=TTL, content_type="text/turtle", headers=AUTH).status_code == 204
    got = triples(client.get(url, headers={"Accept": "application/n-triples"}).data,
                  ox.RdfFormat.N_TRIPLES)
    # ex:s ex:p ex:o is the same triple twice; the blank nodes stay two distinct nodes
    assert len(got) == 5
    assert client.post(url, data=b"", content_type="text/turtle", headers=AUTH).status_code == 204


def test_post_to_store_creates_graph(client):
    r = client.post("/store", data=TTL, content_type="text/turtle", headers=AUTH)
    assert r.status_code == 201
    loc = r.headers["Location"]
    assert loc.startswith("http://localhost/store/") and loc != "http://localhost/store"
    path = loc.removeprefix("http://localhost")
    r = client.get(path)
    assert r.status_code == 200 and len(triples(r.data)) == 3
    r = client.get("/sparql", query_string={"query": f"ASK {{ GRAPH <{loc}> {{ ?s ?p ?o }} }}"})
    assert b"true" in r.data


def test_direct_identification(client):
    r = client.put("/store/people/1", data=TTL, content_type="text/turtle", headers=AUTH)
    assert r.status_code == 201
    r = client.get("/sparql", query_string={
        "query": "ASK { GRAPH <http://localhost/store/people/1> { ?s ?p ?o } }"})
    assert b"true" in r.data
    assert client.delete("/store/people/1", headers=AUTH).status_code == 204
    assert client.get("/store/people/1").status_code == 404
    assert client.get("/store/people/1?graph=http://x/").status_code == 400


def test_default_graph(client):
    r = client.get("/store?default")
    assert r.status_code == 200 and r.data.strip() == b""
    assert client.put("/store?default", data=TTL, content_type="text/turtle",
                      headers=AUTH).status_code == 201  # content created in the empty graph
    assert client.put("/store?default", data=TTL, content_type="text/turtle",
                      headers=AUTH).status_code == 204  # replaced
    assert len(triples(client.get("/store?default").data)) == 3
    assert client.delete("/store?default", headers=AUTH).status_code == 204


def test_delete(client):
    url = f"/store?graph={quote(EXTRA)}"
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=AUTH).status_code == 404


def test_payload_errors(client):
    url = "/store?graph=" + quote("http://example.org/bad")
    assert client.put(url, data=b"this is not turtle <", content_type="text/turtle",
                      headers=AUTH).status_code == 400
    assert client.put(url, data=TTL, content_type="application/x-bogus",
                      headers=AUTH).status_code == 415
    assert client.put(url, data=TTL, content_type="multipart/form-data; boundary=x",
                      headers=AUTH).status_code == 415
    assert client.get(url).status_code == 404  # nothing was created
    assert client.put("/store?graph=relative", data=TTL, content_type="text/turtle",
                      headers=AUTH).status_code == 400


def test_missing_content_type_is_guessed(client):
    url = "/store?graph=" + quote("http://example.org/guess")
    r = client.put(url, data=TTL, headers=AUTH)
    assert r.status_code == 201
    assert len(triples(client.get(url).data)) == 3


def test_methods(client):
    r = client.patch(f"/store?graph={quote(EXTRA)}", headers=AUTH)
    assert r.status_code == 405 and "PUT" in r.headers["Allow"]
    assert client.put("/store", data=TTL, content_type="text/turtle",
                      headers=AUTH).status_code == 400


def test_dataset_dump(client):
    r = client.get("/store")
    assert r.status_code == 200 and r.content_type == "application/n-quads"
    assert len(list(ox.parse(r.data, format=ox.RdfFormat.N_QUADS))) == 14
    r = client.get("/store", headers={"Accept": "application/trig"})
    assert r.content_type == "application/trig"


def test_a_turtle_payload_missing_only_its_final_dot_is_read(client):
    """The W3C GSP manifest's POST payloads lack their final "."; that one fault is forgiven."""
    url = f"/store?graph={quote(EXTRA)}"
    body = b"@prefix ex: <http://example.org/> .\nex:s ex:name \"Jane\"  # no dot\n"
    r = client.post(url, data=body, content_type="text/turtle", headers=AUTH)
    assert r.status_code in (200, 201, 204), r.data
    got = [q.triple for q in triples(client.get(url).data)]
    assert ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/name"),
                     ox.Literal("Jane")) in got


@pytest.mark.parametrize("body", [
    b"@prefix ex: <http://example.org/> .\nex:s ex:name",  # a final dot would not help
    b"@prefix ex: <http://example.org/> .\nex:s ex:p ex:o ex:q ex:r .",  # fault mid-document
    b"@prefix ex: <http://example.org/> .\nex:s ex:p ex:o .\nex:t ex:p ex:o ..",
])
def test_other_broken_turtle_is_refused_and_changes_nothing(client, body):
    url = f"/store?graph={quote(EXTRA)}"
    before = sorted(map(str, triples(client.get(url).data)))
    r = client.post(url, data=body, content_type="text/turtle", headers=AUTH)
    assert r.status_code == 400
    assert "does not parse" in r.get_data(as_text=True)
    assert sorted(map(str, triples(client.get(url).data))) == before


def test_a_ntriples_payload_missing_its_final_dot_is_refused(client):
    """Only Turtle is forgiven (N-Triples is a line format: every line ends with ".")."""
    url = f"/store?graph={quote(EXTRA)}"
    r = client.post(url, data=b"<http://e/s> <http://e/p> <http://e/o>",
                    content_type="application/n-triples", headers=AUTH)
    assert r.status_code == 400
