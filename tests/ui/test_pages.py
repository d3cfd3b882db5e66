"""Named-query API, Linked Data, VoID and /health, through the Flask test client on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from flask.testing import FlaskClient

MNG = "https://diplograph.org/id/state/MNG"
FACT = "https://diplograph.org/id/fact/vn-mn-relations-2023/un-member"
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

#: the quads of the fixture, counted by parsing it (not a hard-coded number)
FIXTURE_QUADS = len(ox.Dataset(ox.parse(path=str(Path(__file__).parent / "fixture.trig"),
                                        format=ox.RdfFormat.TRIG)))


def _bindings(body: bytes) -> list[dict[str, dict[str, str]]]:
    return json.loads(body)["results"]["bindings"]


# ---------------------------------------------------------------- named-query API


def test_list_queries_json(client: FlaskClient) -> None:
    r = client.get("/queries")
    assert r.status_code == 200 and r.mimetype == "application/json"
    by_name = {q["name"]: q for q in r.get_json()["queries"]}
    assert set(by_name) == {"label-search", "memberships", "states"}
    m = by_name["memberships"]
    assert m["title"] == "Memberships of a state" and m["form"] == "select"
    state = m["parameters"][0]
    assert state == {"name": "state", "type": "iri", "required": True, "default": None,
                     "description": "the member state (an IRI)"}
    assert m["links"]["self"].endswith("/queries/memberships")


def test_list_queries_html_for_browsers(client: FlaskClient) -> None:
    r = client.get("/queries", headers={"Accept": HTML})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "Memberships of a state" in r.get_data(as_text=True)


def test_run_with_iri_parameter(client: FlaskClient) -> None:
    r = client.get("/queries/memberships", query_string={"state": MNG})
    assert r.status_code == 200 and r.mimetype == "application/sparql-results+json"
    rows = _bindings(r.data)
    assert [row["orgLabel"]["value"] for row in rows] == ["United Nations"]
    assert rows[0]["quote"]["value"] == "Mongolia did not join the UN until 1961"


def test_run_with_typed_year_filters(client: FlaskClient) -> None:
    before = client.get("/queries/memberships", query_string={"state": MNG, "year": "1950"})
    after = client.get("/queries/memberships", query_string={"state": MNG, "year": "1970"})
    assert _bindings(before.data) == []
    assert len(_bindings(after.data)) == 1


def test_result_formats_by_accept_and_format(client: FlaskClient) -> None:
    csv = client.get("/queries/states", headers={"Accept": "text/csv"})
    assert csv.mimetype == "text/csv" and "Mongolia" in csv.get_data(as_text=True)
    xml = client.get("/queries/states?format=xml")
    assert xml.mimetype == "application/sparql-results+xml"
    bad = client.get("/queries/states", headers={"Accept": "image/png"})
    assert bad.status_code == 406


def test_unknown_query_is_404(client: FlaskClient) -> None:
    assert client.get("/queries/no-such-query").status_code == 404


def test_bad_parameter_is_400_naming_it(client: FlaskClient) -> None:
    r = client.get("/queries/memberships", query_string={"state": MNG, "year": "abc"},
                   headers={"Accept": "application/json"})
    assert r.status_code == 400
    assert "year" in r.get_json()["message"] and "abc" in r.get_json()["message"]
    missing = client.get("/queries/memberships")
    assert missing.status_code == 400 and "state" in missing.get_data(as_text=True)
    not_iri = client.get("/queries/memberships", query_string={"state": "not an iri"})
    assert not_iri.status_code == 400 and "state" in not_iri.get_data(as_text=True)
    unknown = client.get("/queries/states", query_string={"bogus": "1"})
    assert unknown.status_code == 400 and "bogus" in unknown.get_data(as_text=True)


def test_injection_stays_a_literal(client: FlaskClient, app: object) -> None:
    hostile = 'x" } ; DROP ALL #'
    r = client.get("/queries/label-search", query_string={"label": hostile})
    assert r.status_code == 200
    assert _bindings(r.data) == []
    # The store is intact, and the same query finds a real label.
    ok = client.get("/queries/label-search", query_string={"label": "Mông Cổ", "lang": "vi"})
    assert [b["entity"]["value"] for b in _bindings(ok.data)] == [MNG]
    iri_attack = client.get("/queries/memberships",
                            query_string={"state": "http://x/> } ; DROP ALL #"})
    assert iri_attack.status_code == 400


def test_run_html_page(client: FlaskClient) -> None:
    r = client.get("/queries/memberships", query_string={"state": MNG}, headers={"Accept": HTML})
    text = r.get_data(as_text=True)
    assert r.status_code == 200 and "<table" in text and "United Nations" in text
    bad = client.get("/queries/memberships", query_string={"state": MNG, "year": "x"},
                     headers={"Accept": HTML})
    assert bad.status_code == 400 and "year" in bad.get_data(as_text=True)


# ---------------------------------------------------------------- Linked Data


def test_id_redirects_by_accept(client: FlaskClient) -> None:
    r = client.get("/id/state/MNG", headers={"Accept": HTML})
    assert r.status_code == 303 and r.headers["Location"].endswith("/page/state/MNG")
    assert "Accept" in r.headers["Vary"]
    for accept, target in [(None, "/data/state/MNG.ttl"), ("*/*", "/data/state/MNG.ttl"),
                           ("text/turtle", "/data/state/MNG.ttl"),
                           ("application/ld+json", "/data/state/MNG.jsonld"),
                           ("application/n-triples", "/data/state/MNG.nt")]:
        r = client.get("/id/state/MNG", headers={"Accept": accept} if accept else {})
        assert r.status_code == 303, accept
        assert r.headers["Location"].endswith(target), (accept, r.headers["Location"])
    assert client.get("/id/state/MNG", headers={"Accept": "image/png"}).status_code == 406


def test_suffixes_answer_directly(client: FlaskClient) -> None:
    ttl = client.get("/id/state/MNG.ttl")
    assert ttl.status_code == 200 and ttl.mimetype == "text/turtle"
    triples = list(ox.parse(ttl.data, format=ox.RdfFormat.TURTLE))
    subjects = {t.subject.value for t in triples}
    assert MNG in subjects and MNG + "/wikidata" in subjects  # own sub-node included
    objects = {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
    assert MNG in objects  # incoming: the fact's org:member triple
    assert any(t.subject.value == FACT and t.object.value == MNG for t in triples)
    jsonld = client.get("/data/state/MNG.jsonld")
    assert jsonld.mimetype == "application/ld+json" and MNG in jsonld.get_data(as_text=True)
    nt = client.get("/data/state/MNG.nt")
    assert nt.mimetype == "application/n-triples"
    html = client.get("/id/state/MNG.html")
    assert html.status_code == 200 and html.mimetype == "text/html"


def test_fact_data_includes_selectors(client: FlaskClient) -> None:
    r = client.get("/data/fact/vn-mn-relations-2023/un-member.nt")
    triples = list(ox.parse(r.data, format=ox.RdfFormat.N_TRIPLES))
    subjects = {t.subject.value for t in triples}
    for node in ("annotation", "target", "quote", "position", "interval", "interval/beginning"):
        assert f"{FACT}/{node}" in subjects, node


def test_unknown_iri_is_404(client: FlaskClient) -> None:
    assert client.get("/id/state/XXX").status_code == 404
    assert client.get("/id/state/XXX.ttl").status_code == 404
    assert client.get("/page/state/XXX").status_code == 404
    assert client.get("/data/state/MNG").status_code == 404  # no suffix
    assert client.get("/id/state/a%20b").status_code == 404  # not an IRI


def test_entity_page(client: FlaskClient) -> None:
    r = client.get("/page/state/MNG")
    text = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Mongolia" in text and "Mông Cổ" in text
    assert 'href="https://www.wikidata.org/wiki/Q711"' in text and "(verified)" in text
    assert "ISO 3166-1 alpha-3" in text and "MNG" in text
    assert "Memberships" in text and "United Nations" in text and "full member" in text
    assert "Mongolia did not join the UN until 1961" in text
    assert "Vietnam–Mongolia relations" in text  # the source document's title
    assert 'href="/id/fact/vn-mn-relations-2023/un-member"' in text
    assert "year precision" in text
    assert "Events" in text and "Thủ tướng Mông Cổ thăm chính thức Việt Nam" in text
    assert 'class="tl"' in text and 'class="tl-axis"' in text  # the timeline, axis first
    timeline = text[text.index('class="tl"'):text.index("</section>", text.index('class="tl"'))]
    assert timeline.index("since 1961") < timeline.index("2022-11-17")  # timeline order


def test_fact_page_highlights_the_quote(client: FlaskClient) -> None:
    r = client.get("/page/fact/vn-mn-relations-2023/un-member")
    text = r.get_data(as_text=True)
    assert r.status_code == 200
    assert '<mark class="exact">Mongolia did not join the UN until 1961</mark>' in text
    assert "veto threats from China meant that" in text and "long after its independence" in text
    assert "1660" in text and "Vietnam–Mongolia relations" in text


def test_document_page_lists_its_facts(client: FlaskClient) -> None:
    r = client.get("/page/source/vn-mn-relations-2023")
    text = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Vietnam–Mongolia relations" in text
    assert "/id/fact/vn-mn-relations-2023/un-member" in text
    assert "/id/fact/vn-mn-relations-2023/pm-visit" in text


# ---------------------------------------------------------------- VoID, health, UI


def test_void_parses(client: FlaskClient) -> None:
    r = client.get("/.well-known/void")
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    store = ox.Store()
    store.load(r.data, format=ox.RdfFormat.TURTLE)
    ask = store.query(
        "PREFIX void: <http://rdfs.org/ns/void#>\n"
        "ASK { ?d a void:Dataset ; void:sparqlEndpoint ?e ; void:triples ?n ; void:subset ?s .\n"
        "      ?s void:triples ?m ; void:dataDump ?dump .\n"
        f'      FILTER(STRENDS(STR(?e), "/sparql") && ?n = {FIXTURE_QUADS}) }}')
    assert bool(ask)
    dumps = {str(row["dump"].value) for row in store.query(
        "SELECT ?dump WHERE { ?s <http://rdfs.org/ns/void#dataDump> ?dump }")}
    assert any("store?graph=https%3A%2F%2Fdiplograph.org%2Fgraph%2Fregistry" in d for d in dumps)
    jsonld = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json"
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


def test_health(client: FlaskClient) -> None:
    r = client.get("/health")
    body = r.get_json()
    assert r.status_code == 200
    assert body["status"] == "ok" and body["triples"] == FIXTURE_QUADS and body["graphs"] == 3
    assert body["version"]


def test_index_pages(client: FlaskClient) -> None:
    basic = client.get("/?ui=basic").get_data(as_text=True)
    assert 'id="sparql-form"' in basic and 'data-name="memberships"' in basic
    assert "cdn" not in basic.lower() and "unpkg" not in basic.lower()
    full = client.get("/").get_data(as_text=True)
    assert "yasgui" in full.lower() or "install_ui.sh" in full
    for page in (basic, full):
        assert 'src="http' not in page and 'href="http' not in page.replace(
            'href="https://www.wikidata.org', "")
