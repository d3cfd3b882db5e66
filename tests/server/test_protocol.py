"""SPARQL 1.1 Protocol, query and update operations, in-process (Flask test client)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from server_support import AUTH, EXTRA, REGISTRY, SOURCE

SELECT = "SELECT ?s WHERE { ?s a <https://diplograph.org/ontology#State> } ORDER BY ?s"


def rows(resp) -> list[dict]:
    return json.loads(resp.data)["results"]["bindings"]


def test_get_query_json(client):
    r = client.get("/sparql", query_string={"query": SELECT})
    assert r.status_code == 200
    assert r.content_type == "application/sparql-results+json"
    assert r.headers["Vary"] == "Accept, Accept-Encoding"  # gzip: server/compression.py
    assert [b["s"]["value"] for b in rows(r)] == [
        "https://diplograph.org/id/state/MNG", "https://diplograph.org/id/state/VNM"]
    assert r.headers["X-Diplograph-Rows"] == "2"


def test_form_post_and_direct_post_agree(client):
    a = client.post("/sparql", data={"query": SELECT})
    b = client.post("/sparql", data=SELECT.encode(),
                    content_type="application/sparql-query")
    c = client.post("/sparql", data=SELECT.encode(),
                    content_type="application/sparql-query; charset=UTF-8")
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.data == b.data == c.data


@pytest.mark.parametrize("accept,ctype", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_conneg(client, accept, ctype):
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == ctype


def test_csv_and_tsv_bodies(client):
    r = client.get("/sparql", query_string={"query": SELECT, "format": "csv"})
    assert r.data.decode().splitlines()[0] == "s"
    assert r.data.count(b"\n") == 3
    r = client.get("/sparql", query_string={"query": SELECT, "format": "tsv"})
    assert r.data.decode().splitlines() == [
        "?s", "<https://diplograph.org/id/state/MNG>", "<https://diplograph.org/id/state/VNM>"]


def test_ask_and_ask_as_csv(client):
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and json.loads(r.data)["boolean"] is True
    # The CSV/TSV results spec does not define ASK; SPARQLWrapper offers it, and Oxigraph and
    # Fuseki answer the bare boolean: so does this service (issue 15).
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                   headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.data == b"true"
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                   headers={"Accept": "text/turtle"})
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.data.decode()


@pytest.mark.parametrize("accept,ctype,fmt", [
    (None, "text/turtle", ox.RdfFormat.TURTLE),
    ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
    ("text/*", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-quads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ("application/trig", "application/trig", ox.RdfFormat.TRIG),
])
def test_construct_conneg(client, accept, ctype, fmt):
    q = "CONSTRUCT WHERE { ?s a ?c }"
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", query_string={"query": q}, headers=headers)
    assert r.status_code == 200, r.data
    assert r.headers["Content-Type"] == ctype
    assert len(list(ox.parse(r.data, format=fmt))) == 5


def test_construct_refuses_results_types(client):
    r = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 406


def test_describe(client):
    r = client.get("/sparql", query_string={
        "query": "DESCRIBE <https://diplograph.org/id/state/VNM>"})
    assert r.status_code == 200 and r.content_type == "text/turtle"
    assert len(list(ox.parse(r.data, format=ox.RdfFormat.TURTLE))) == 2


def test_q_zero_refuses_and_nothing_acceptable_is_406(client):
    r = client.get("/sparql", query_string={"query": SELECT},
                   headers={"Accept": "application/sparql-results+json;q=0, text/html"})
    assert r.status_code == 406
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_format_alias(client):
    r = client.get("/sparql", query_string={"query": SELECT, "format": "xml"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.content_type == "application/sparql-results+xml"
    r = client.get("/sparql", query_string={"query": SELECT, "format": "bogus"})
    assert r.status_code == 400
    r = client.get("/sparql", query_string={"query": SELECT, "format": "turtle"})
    assert r.status_code == 406


def test_head_is_get_without_body(client):
    g = client.get("/sparql", query_string={"query": SELECT})
    h = client.head("/sparql", query_string={"query": SELECT})
    assert h.status_code == 200 and h.data == b""
    for k in ("Content-Type", "Content-Length", "Vary"):
        assert h.headers[k] == g.headers[k]


# ------------------------------------------------------------------ dataset


def test_union_default_graph(client):
    r = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert rows(r)[0]["n"]["value"] == "14"


def test_default_graph_uri_is_honoured_and_overrides_from(client):
    q = f"SELECT (COUNT(*) AS ?n) FROM <{REGISTRY}> {{ ?s ?p ?o }}"
    assert rows(client.get("/sparql", query_string={"query": q}))[0]["n"]["value"] == "7"
    r = client.get("/sparql", query_string={"query": q, "default-graph-uri": EXTRA})
    assert rows(r)[0]["n"]["value"] == "3"
    r = client.get("/sparql", query_string=[
        ("query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
        ("default-graph-uri", EXTRA), ("default-graph-uri", SOURCE)])
    assert rows(r)[0]["n"]["value"] == "7"


def test_named_graph_uri_limits_graph(client):
    q = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", query_string={"query": q, "named-graph-uri": EXTRA})
    assert [b["g"]["value"] for b in rows(r)] == [EXTRA]
    # only named graphs given: the default graph is empty
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }",
                                            "named-graph-uri": EXTRA})
    assert json.loads(r.data)["boolean"] is False


def test_dataset_params_in_form_post(client):
    r = client.post("/sparql", data={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                                     "default-graph-uri": EXTRA})
    assert rows(r)[0]["n"]["value"] == "3"
    r = client.post(f"/sparql?default-graph-uri={quote(EXTRA)}",
                    data=b"SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                    content_type="application/sparql-query")
    assert rows(r)[0]["n"]["value"] == "3"


def test_bad_dataset_iri_is_400(client):
    r = client.get("/sparql", query_string={"query": SELECT, "default-graph-uri": "not an iri"})
    assert r.status_code == 400


def test_relative_iris_resolve_against_endpoint(client):
    r = client.get("/sparql", query_string={"query": "SELECT (<x> AS ?i) {}"})
    assert rows(r)[0]["i"]["value"] == "http://localhost/x"


# ------------------------------------------------------------------ errors


def test_syntax_error_is_400_with_position(client):
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    assert "line 1, column 24" in r.data.decode() and "syntax" in r.data.decode().lower()
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"},
                   headers={"Accept": "application/sparql-results+json"})
    body = json.loads(r.data)
    assert body["error"] == "syntax" and body["status"] == 400
    assert "line 1, column 24: unexpected '}'" in body["message"]
    assert body["details"] == ["line 1: SELECT * WHERE { ?s ?p }", " " * 31 + "^"]


@pytest.mark.parametrize("qs", [
    [("query", "ASK {}"), ("query", "ASK {}")],
    [("default-graph-uri", "http://example.org/g")],
    [("update", "INSERT DATA { <http://a/> <http://b/> <http://c/> }")],
])
def test_missing_repeated_or_update_is_400(client, qs):
    r = client.get("/sparql", query_string=qs)
    assert r.status_code == 400


def test_update_at_query_url_is_not_run(client):
    upd = "INSERT DATA { GRAPH <http://x/g> { <http://a/> <http://b/> <http://c/> } }"
    for r in (client.get("/sparql", query_string={"update": upd}),
              client.post("/sparql", data={"update": upd}, headers=AUTH),
              client.post("/sparql", data={"query": upd}, headers=AUTH)):
        assert r.status_code == 400
    r = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://x/g> {?s ?p ?o} }"})
    assert json.loads(r.data)["boolean"] is False


def test_unknown_post_content_type_is_415(client):
    assert client.post("/sparql", data=b"ASK {}", content_type="text/plain").status_code == 415
    assert client.post("/sparql", data=b"ASK {}").status_code == 415


def test_non_utf8(client):
    latin1 = "SELECT * { ?s ?p \"é\" }".encode("latin-1")
    r = client.post("/sparql", data=latin1, content_type="application/sparql-query")
    assert r.status_code == 400
    r = client.post("/sparql", data="ASK {}".encode("utf-16"),
                    content_type="application/sparql-query; charset=utf-16")
    assert r.status_code == 415
    r = client.post("/sparql", data=b"query=ASK%20%7B%7D%E9",
                    content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400


def test_direct_post_with_query_in_url_is_400(client):
    r = client.post("/sparql?query=ASK%7B%7D", data=b"ASK {}",
                    content_type="application/sparql-query")
    assert r.status_code == 400


def test_wrong_methods_are_405_with_allow(client):
    for m in ("put", "delete", "patch"):
        r = getattr(client, m)("/sparql")
        assert r.status_code == 405
        assert "GET" in r.headers["Allow"] and "POST" in r.headers["Allow"]


def test_oversized_body_is_413(tmp_path):
    from server_support import make_app

    app = make_app(tmp_path / "s", MAX_CONTENT_LENGTH=1000)
    try:
        c = app.test_client()
        r = c.post("/sparql", data=b"ASK {} #" + b"x" * 5000,
                   content_type="application/sparql-query")
        assert r.status_code == 413
        r = c.post("/sparql", data={"query": "ASK {} #" + "x" * 5000})
        assert r.status_code == 413
    finally:
        app.extensions["diplograph"].close()


def test_substitution_errors_never_500(client):
    # a SELECT that does not project ?x: the engine refuses a substitution -> 400, not 500
    qs = client.application.extensions["diplograph"]
    with pytest.raises(Exception) as e:
        qs.query("SELECT ?s { ?s ?p ?x }", substitutions={"x": "<http://a/>"})
    assert getattr(e.value, "kind", None) == "bad-input"
    r = qs.query("SELECT * { ?s ?p ?x }", substitutions={"x": '"Viet Nam"@en'})
    assert r.rows == 1


# ------------------------------------------------------------------ update


def test_update_form_and_direct(client):
    r = client.post("/update", headers=AUTH, data={
        "update": "INSERT DATA { GRAPH <http://x/g1> { <http://a/> <http://b/> 1 } }"})
    assert r.status_code == 204
    r = client.post("/update", headers=AUTH, content_type="application/sparql-update",
                    data=b"INSERT DATA { GRAPH <http://x/g2> { <http://a/> <http://b/> 2 } }")
    assert r.status_code == 204
    r = client.get("/sparql", query_string={
        "query": "SELECT ?g { GRAPH ?g { <http://a/> ?p ?o } } ORDER BY ?g"})
    assert [b["g"]["value"] for b in rows(r)] == ["http://x/g1", "http://x/g2"]


def test_update_get_is_405(client):
    upd = "INSERT DATA { GRAPH <http://x/g> { <http://a/> <http://b/> <http://c/> } }"
    r = client.get("/update", query_string={"update": upd}, headers=AUTH)
    assert r.status_code == 405 and "POST" in r.headers["Allow"]
    r = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://x/g> {?s ?p ?o} }"})
    assert json.loads(r.data)["boolean"] is False


def test_update_syntax_error_and_repeats(client):
    r = client.post("/update", headers=AUTH, data={"update": "INSERT DATA { oops"})
    assert r.status_code == 400 and "1:" in r.data.decode()
    r = client.post("/update", headers=AUTH, data=b"update=CLEAR%20ALL&update=CLEAR%20ALL",
                    content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400
    r = client.post("/update", headers=AUTH, data={"query": "ASK {}"})
    assert r.status_code == 400
    r = client.post("/update", headers=AUTH, data=b"CLEAR ALL", content_type="text/plain")
    assert r.status_code == 415
    assert rows(client.get("/sparql", query_string={
        "query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}))[0]["n"]["value"] == "14"


def test_update_is_atomic(client):
    upd = ("INSERT DATA { GRAPH <http://x/a> { <http://a/> <http://b/> 1 } } ;\n"
           "LOAD <file:///nonexistent/really.ttl>")
    # LOAD is refused up front: nothing runs
    assert client.post("/update", headers=AUTH, data={"update": upd}).status_code == 400
    upd = ("INSERT DATA { GRAPH <http://x/a> { <http://a/> <http://b/> 1 } } ;\n"
           "INSERT DATA { GRAPH <http://x/a> { <http://a/> <http://b/> \"x\"^^<http://www.w3.org/2001/XMLSchema#integer  } }")
    assert client.post("/update", headers=AUTH, data={"update": upd}).status_code == 400
    r = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://x/a> {?s ?p ?o} }"})
    assert json.loads(r.data)["boolean"] is False


def test_using_graph_uri(client):
    upd = ("INSERT { GRAPH <http://x/copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }")
    r = client.post(f"/update?using-graph-uri={quote(EXTRA)}", headers=AUTH,
                    content_type="application/sparql-update", data=upd.encode())
    assert r.status_code == 204
    r = client.get("/sparql", query_string={
        "query": "SELECT (COUNT(*) AS ?n) { GRAPH <http://x/copy> { ?s ?p ?o } }"})
    assert rows(r)[0]["n"]["value"] == "3"


@pytest.mark.parametrize("upd", [
    "WITH <http://x/g> INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "INSERT { GRAPH <http://x/g> { ?s ?p ?o } } USING <http://x/h> WHERE { ?s ?p ?o }",
    "INSERT { GRAPH <http://x/g> { ?s ?p ?o } } USING NAMED <http://x/h> WHERE { ?s ?p ?o }",
])
def test_using_params_with_dataset_clause_is_400(client, upd):
    r = client.post("/update", headers=AUTH, data={"update": upd, "using-graph-uri": EXTRA})
    assert r.status_code == 400
    r = client.post("/update", headers=AUTH,
                    data={"update": upd, "using-named-graph-uri": EXTRA})
    assert r.status_code == 400


def test_write_visible_to_every_worker(client):
    client.post("/update", headers=AUTH, data={
        "update": "INSERT DATA { GRAPH <http://x/v> { <http://a/> <http://b/> 1 } }"})
    for _ in range(6):  # two workers, both must see it
        r = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://x/v> {?s ?p ?o} }"})
        assert json.loads(r.data)["boolean"] is True


# ------------------------------------------------------------------ service description


def test_service_description(client):
    r = client.get("/sparql")
    assert r.status_code == 200 and r.content_type == "text/turtle"
    assert r.headers["Vary"] == "Accept, Accept-Encoding"  # gzip: server/compression.py
    g = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object)
                   for t in ox.parse(r.data, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    svc = ox.NamedNode("http://localhost/sparql")

    def objects(s, p):
        return {q.object for q in g.quads_for_subject(s) if q.predicate == ox.NamedNode(p)}

    assert ox.NamedNode(sd + "Service") in objects(svc, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert ox.NamedNode(sd + "SPARQL11Query") in objects(svc, sd + "supportedLanguage")
    feats = objects(svc, sd + "feature")
    assert ox.NamedNode(sd + "UnionDefaultGraph") in feats
    assert ox.NamedNode(sd + "BasicFederatedQuery") not in feats
    assert ox.NamedNode("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in objects(
        svc, sd + "resultFormat")
    upd = ox.NamedNode("http://localhost/update")
    assert ox.NamedNode(sd + "SPARQL11Update") in objects(upd, sd + "supportedLanguage")
    names = {q.object.value for q in g if q.predicate == ox.NamedNode(sd + "name")}
    assert names == {REGISTRY, SOURCE, EXTRA}
    triples = sorted(int(q.object.value) for q in g
                     if q.predicate == ox.NamedNode("http://rdfs.org/ns/void#triples"))
    assert triples == [3, 4, 7, 14]
    comment = "".join(o.value for o in objects(
        svc, "http://www.w3.org/2000/01/rdf-schema#comment"))
    assert "5 s" in comment and "100000 rows" in comment


def test_service_description_conneg_and_html(client):
    r = client.get("/sparql", headers={"Accept": "application/rdf+xml"})
    assert r.content_type == "application/rdf+xml"
    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/")
    r = client.get("/sparql", headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_federation_feature_when_allow_listed(tmp_path):
    from server_support import make_app

    app = make_app(tmp_path / "s", DIPLOGRAPH_ALLOW_FEDERATION="https://query.wikidata.org/sparql")
    try:
        r = app.test_client().get("/sparql", headers={"Accept": "application/n-triples"})
        assert b"BasicFederatedQuery" in r.data
    finally:
        app.extensions["diplograph"].close()


def test_cors_off_by_default_and_on(client, tmp_path):
    r = client.get("/sparql", query_string={"query": "ASK {}"})
    assert "Access-Control-Allow-Origin" not in r.headers
    from server_support import make_app

    app = make_app(tmp_path / "s", DIPLOGRAPH_CORS="1")
    try:
        c = app.test_client()
        r = c.get("/sparql", query_string={"query": "ASK {}"})
        assert r.headers["Access-Control-Allow-Origin"] == "*"
        r = c.options("/sparql", headers={"Origin": "http://a.example",
                                          "Access-Control-Request-Method": "POST"})
        assert r.status_code == 200 and "POST" in r.headers["Access-Control-Allow-Methods"]
        r = c.get("/sparql", query_string={"query": "ASK {"})
        assert r.status_code == 400 and r.headers["Access-Control-Allow-Origin"] == "*"
    finally:
        app.extensions["diplograph"].close()
