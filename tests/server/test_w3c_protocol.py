"""The W3C SPARQL 1.1 Protocol tests (w3c/rdf-tests sparql/sparql11/protocol/manifest.ttl).

Each test is named after its manifest id and sends the manifest's request to the live server.
The manifest uses one URL (``/sparql/``) for both operations; this service answers queries at
``/sparql`` and updates at ``/update`` (an update at ``/sparql`` is refused with 400), so update
requests go to ``/update`` and carry the bearer token. ``ut:graphData`` (data0-3) is loaded
through the Graph Store Protocol first: each graph says ``<itself> a foaf:Document``.
"""

from __future__ import annotations

import pytest
import requests
from server_support import AUTH

pytestmark = pytest.mark.e2e

K = "http://kasei.us/2009/09/sparql/data/"
ENC = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2F"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
QUERY = {"Content-Type": "application/sparql-query"}
UPDATE = {**AUTH, "Content-Type": "application/sparql-update"}
BOOL = "application/sparql-results+xml, application/sparql-results+json"


@pytest.fixture()
def srv(live_server):
    """The live server with data0..data3 loaded (each update test may wipe it)."""
    for i in range(4):
        r = requests.put(live_server.url + "/store", params={"graph": f"{K}data{i}.rdf"},
                         headers={**AUTH, "Content-Type": "text/turtle"},
                         data=f"<{K}data{i}.rdf> a <http://xmlns.com/foaf/0.1/Document> .")
        assert r.status_code in (201, 204)
    return live_server.url


def boolean(r: requests.Response) -> bool:
    assert 200 <= r.status_code < 400, r.text
    assert r.headers["Content-Type"].split(";")[0] in BOOL
    return r.json()["boolean"] if "json" in r.headers["Content-Type"] else "true" in r.text


def test_query_post_form(srv):
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data0.rdf",
                      data="query=ASK%20%7B%7D", headers=FORM)
    assert boolean(r) is True


ASK12 = f"ASK {{ <{K}data1.rdf> a ?type . <{K}data2.rdf> a ?type . }}"
ASK_NAMED = (f"ASK {{ GRAPH ?g1 {{ <{K}data1.rdf> a ?type }} "
             f"GRAPH ?g2 {{ <{K}data2.rdf> a ?type }} }}")


def test_query_dataset_default_graphs_get(srv):
    r = requests.get(f"{srv}/sparql", params=[
        ("query", ASK12), ("default-graph-uri", f"{K}data1.rdf"),
        ("default-graph-uri", f"{K}data2.rdf")])
    assert boolean(r) is True


def test_query_dataset_default_graphs_post(srv):
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data1.rdf"
                      f"&default-graph-uri={ENC}data2.rdf", data=ASK12, headers=QUERY)
    assert boolean(r) is True


def test_query_dataset_named_graphs_post(srv):
    r = requests.post(f"{srv}/sparql?named-graph-uri={ENC}data1.rdf"
                      f"&named-graph-uri={ENC}data2.rdf", data=ASK_NAMED, headers=QUERY)
    assert boolean(r) is True


def test_query_dataset_named_graphs_get(srv):
    r = requests.get(f"{srv}/sparql", params=[
        ("query", ASK_NAMED), ("named-graph-uri", f"{K}data1.rdf"),
        ("named-graph-uri", f"{K}data2.rdf")])
    assert boolean(r) is True


def test_query_dataset_full(srv):
    q = (f"ASK {{\n  <{K}data3.rdf> a ?type\n  GRAPH ?g1 {{ <{K}data1.rdf> a ?type }}\n"
         f"  GRAPH ?g2 {{ <{K}data2.rdf> a ?type }}\n}}")
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data3.rdf&named-graph-uri="
                      f"{ENC}data1.rdf&named-graph-uri={ENC}data2.rdf", data=q, headers=QUERY)
    assert boolean(r) is True


def test_query_multiple_dataset(srv):
    """The manifest's URL encodes the '&' between the two named-graph-uri parameters
    (``data1.rdf%26named-graph-uri%3D…``), which makes one odd IRI; the comment and name
    describe two parameters, which is what is sent here. FROM <data3> must be overridden."""
    q = (f"ASK FROM <{K}data3.rdf> {{ GRAPH ?g1 {{ <{K}data1.rdf> a ?type }} "
         f"GRAPH ?g2 {{ <{K}data2.rdf> a ?type }} }}")
    r = requests.post(f"{srv}/sparql?named-graph-uri={ENC}data1.rdf"
                      f"&named-graph-uri={ENC}data2.rdf", data=q, headers=QUERY)
    assert boolean(r) is True
    # and the protocol dataset really overrides FROM: data3 is not the default graph
    r = requests.post(f"{srv}/sparql?named-graph-uri={ENC}data1.rdf",
                      data=f"ASK FROM <{K}data3.rdf> {{ ?s ?p ?o }}", headers=QUERY)
    assert boolean(r) is False


def test_query_get(srv):
    r = requests.get(f"{srv}/sparql?query=ASK%20%7B%7D&default-graph-uri={ENC}data0.rdf")
    assert boolean(r) is True


def test_query_content_type_select(srv):
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data0.rdf",
                      data="SELECT (1 AS ?value) {}", headers=QUERY)
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] in (
        "application/sparql-results+xml", "application/sparql-results+json",
        "text/csv", "text/tab-separated-values")


def test_query_content_type_ask(srv):
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data0.rdf", data="ASK {}",
                      headers=QUERY)
    assert boolean(r) is True


@pytest.mark.parametrize("test_id,query", [
    ("query_content_type_describe", "DESCRIBE <http://example.org/>"),
    ("query_content_type_construct", "CONSTRUCT { <s> <p> 1 } WHERE {}"),
])
def test_query_content_type_graph(srv, test_id, query):
    r = requests.post(f"{srv}/sparql?default-graph-uri={ENC}data0.rdf", data=query,
                      headers=QUERY)
    assert r.status_code == 200
    assert r.headers["Content-Type"] in (
        "application/rdf+xml", "text/turtle", "application/n-triples")


def _ask(srv: str, q: str) -> bool:
    return boolean(requests.post(f"{srv}/sparql", data=q, headers=QUERY))


PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
LOAD3 = (f"INSERT DATA {{\n GRAPH <{K}data1.rdf> {{ <{K}data1.rdf> a foaf:Document }}\n"
         f" GRAPH <{K}data2.rdf> {{ <{K}data2.rdf> a foaf:Document }}\n"
         f" GRAPH <{K}data3.rdf> {{ <{K}data3.rdf> a foaf:Document }}\n}} ;\n")


def test_update_dataset_default_graph(srv):
    upd = (PREFIXES + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{K}data1.rdf> {{ <{K}data1.rdf> a "
           "foaf:Document } } ;\nINSERT { GRAPH <http://example.org/protocol-update-dataset-"
           "test/> { ?s a dc:BibliographicResource } }\nWHERE { ?s a foaf:Document }")
    r = requests.post(f"{srv}/update?using-graph-uri={ENC}data1.rdf", data=upd, headers=UPDATE)
    assert 200 <= r.status_code < 400, r.text
    assert _ask(srv, "ASK { GRAPH <http://example.org/protocol-update-dataset-test/> { "
                f"<{K}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> }} }}")


def _ask_12_not_3(srv: str, graph: str) -> bool:
    return _ask(srv, (
        f"ASK {{ GRAPH <{graph}> {{ <{K}data1.rdf> a <http://purl.org/dc/terms/Bibliographic"
        f"Resource> . <{K}data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> . }}"
        f" FILTER NOT EXISTS {{ GRAPH <{graph}> {{ <{K}data3.rdf> a "
        "<http://purl.org/dc/terms/BibliographicResource> . } } }"))


def test_update_dataset_default_graphs(srv):
    g = "http://example.org/protocol-update-dataset-graphs-test/"
    upd = (PREFIXES + "DROP ALL ;\n" + LOAD3 +
           f"INSERT {{ GRAPH <{g}> {{ ?s a dc:BibliographicResource }} }}\n"
           "WHERE { ?s a foaf:Document }")
    r = requests.post(f"{srv}/update?using-graph-uri={ENC}data1.rdf"
                      f"&using-graph-uri={ENC}data2.rdf", data=upd, headers=UPDATE)
    assert 200 <= r.status_code < 400, r.text
    assert _ask_12_not_3(srv, g)


def test_update_dataset_named_graphs(srv):
    g = "http://example.org/protocol-update-dataset-named-graphs-test/"
    upd = (PREFIXES + "DROP ALL ;\n" + LOAD3 +
           f"INSERT {{ GRAPH <{g}> {{ ?s a dc:BibliographicResource }} }}\n"
           "WHERE { GRAPH ?g { ?s a foaf:Document } }")
    r = requests.post(f"{srv}/update?using-named-graph-uri={ENC}data1.rdf"
                      f"&using-named-graph-uri={ENC}data2.rdf", data=upd, headers=UPDATE)
    assert 200 <= r.status_code < 400, r.text
    assert _ask_12_not_3(srv, g)


def test_update_dataset_full(srv):
    g = "http://example.org/protocol-update-dataset-full-test/"
    upd = (PREFIXES + "DROP ALL ;\n" + LOAD3 +
           f"INSERT {{ GRAPH <{g}> {{ ?s <http://example.org/in> ?in }} }}\n"
           "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n"
           "UNION { ?s a foaf:Document . BIND(\"default\" AS ?in) } }")
    r = requests.post(f"{srv}/update?using-graph-uri={ENC}data1.rdf"
                      f"&using-named-graph-uri={ENC}data2.rdf", data=upd, headers=UPDATE)
    assert 200 <= r.status_code < 400, r.text
    assert _ask(srv, (
        f"ASK {{ GRAPH <{g}> {{ <{K}data1.rdf> <http://example.org/in> \"default\" . "
        f"<{K}data2.rdf> <http://example.org/in> <{K}data2.rdf> . }} "
        f"FILTER NOT EXISTS {{ GRAPH <{g}> {{ <{K}data3.rdf> ?p ?o }} }} }}"))


def test_update_post_form(srv):
    r = requests.post(f"{srv}/update", data="update=CLEAR+ALL", headers={**AUTH, **FORM})
    assert 200 <= r.status_code < 400


def test_update_post_direct(srv):
    r = requests.post(f"{srv}/update", data="CLEAR ALL", headers=UPDATE)
    assert 200 <= r.status_code < 400


def test_update_base_uri(srv):
    """pyoxigraph records empty graphs, so ``CLEAR GRAPH`` of a graph that does not exist
    fails (SPARQL 1.1 Update 3.2.2, without SILENT); the graph is created first."""
    g = "http://example.org/protocol-base-test/"
    requests.post(f"{srv}/update", headers=UPDATE, data=f"CREATE SILENT GRAPH <{g}>")
    r = requests.post(f"{srv}/update", headers=UPDATE, data=(
        f"CLEAR GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{ <http://example.org/s> "
        "<http://example.org/p> <test> } }"))
    assert 200 <= r.status_code < 400, r.text
    r = requests.post(f"{srv}/sparql", headers=QUERY, data=(
        f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}"))
    rows = r.json()["results"]["bindings"]
    assert len(rows) == 1 and rows[0]["o"]["type"] == "uri"
    assert rows[0]["o"]["value"] != "test" and rows[0]["o"]["value"].endswith("/test")


def test_query_post_direct(srv):
    assert boolean(requests.post(f"{srv}/sparql", data="ASK {}", headers=QUERY)) is True


# ------------------------------------------------------------------ bad requests: 4xx


def test_bad_query_method(srv):
    r = requests.put(f"{srv}/sparql?query=ASK%20%7B%7D&default-graph-uri={ENC}data0.rdf",
                     headers=FORM)
    assert r.status_code == 405


def test_bad_multiple_queries(srv):
    r = requests.get(f"{srv}/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D")
    assert r.status_code == 400


def test_bad_query_wrong_media_type(srv):
    r = requests.post(f"{srv}/sparql", data="ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_bad_query_missing_form_type(srv):
    r = requests.post(f"{srv}/sparql", data=b"query=ASK%20%7B%7D")
    assert r.status_code == 415


def test_bad_query_missing_direct_type(srv):
    r = requests.post(f"{srv}/sparql", data=b"ASK {}")
    assert r.status_code == 415


def test_bad_query_non_utf8(srv):
    r = requests.post(f"{srv}/sparql", data="ASK {}".encode("utf-16"),
                      headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert r.status_code == 415


def test_bad_query_syntax(srv):
    assert requests.get(f"{srv}/sparql?query=ASK%20%7B").status_code == 400


def test_bad_update_get(srv):
    assert requests.get(f"{srv}/update?update=CLEAR%20ALL", headers=AUTH).status_code == 405
    assert requests.get(f"{srv}/sparql?update=CLEAR%20ALL", headers=AUTH).status_code == 400
    assert _ask(srv, f"ASK {{ GRAPH <{K}data1.rdf> {{ ?s ?p ?o }} }}")  # nothing cleared


def test_bad_multiple_updates(srv):
    r = requests.post(f"{srv}/update", data="update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                      headers={**AUTH, **FORM})
    assert r.status_code == 400


def test_bad_update_wrong_media_type(srv):
    r = requests.post(f"{srv}/update", data="CLEAR NAMED",
                      headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415


def test_bad_update_missing_form_type(srv):
    r = requests.post(f"{srv}/update", data=b"update=CLEAR%20NAMED", headers=AUTH)
    assert r.status_code == 415


def test_bad_update_non_utf8(srv):
    r = requests.post(f"{srv}/update", data="CLEAR NAMED".encode("utf-16"), headers={
        **AUTH, "Content-Type": "application/sparql-update; charset=UTF-16"})
    assert r.status_code == 415


def test_bad_update_syntax(srv):
    r = requests.post(f"{srv}/update", data="update=CLEAR%20XYZ", headers={**AUTH, **FORM})
    assert r.status_code == 400


def test_bad_update_dataset_conflict(srv):
    upd = ("PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
           "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
           "WHERE {\n    ?person foaf:givenName 'Bill'\n}")
    r = requests.post(f"{srv}/update?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
                      data=upd, headers=UPDATE)
    assert r.status_code == 400
