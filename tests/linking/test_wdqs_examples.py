"""Queries written in the Wikidata Query Service style run unchanged on the whole graph (the
document facts and the reference data: COW IGO v3, capitals, wars, alliances, leaders) and give answers of the same shape as on
WDQS: the projected variables, ``wd:`` items as IRIs, ``?xLabel`` as language-tagged labels
from the local ``SERVICE wikibase:label`` (the entity id when no label exists)."""

from __future__ import annotations

import json

import pytest

from diplograph.graph.label_service import rewrite_label_service
from diplograph.graph.query import run_query

WD = "http://www.wikidata.org/entity/"

#: name -> (query, variables of the answer)
EXAMPLES = {
    # members of the United Nations and since when, labels in the interface language
    "un-members": ("""
SELECT ?state ?stateLabel ?start WHERE {
  ?state p:P463 ?statement .
  ?statement ps:P463 wd:Q1065 ;
             pq:P580 ?start .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "[AUTO_LANGUAGE],en". }
}
ORDER BY ?start ?stateLabel
""", ["state", "stateLabel", "start"]),
    # the organisations Mongolia belongs to, Vietnamese labels first
    "mongolia-memberships": ("""
#defaultView:Table
SELECT DISTINCT ?org ?orgLabel ?orgDescription WHERE {
  wd:Q711 wdt:P463 ?org .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "vi,en". }
}
ORDER BY ?orgLabel
""", ["org", "orgLabel", "orgDescription"]),
    # the largest organisations by number of member states
    "largest-organisations": ("""
SELECT ?org ?orgLabel (COUNT(DISTINCT ?member) AS ?members) WHERE {
  ?member wdt:P463 ?org .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
GROUP BY ?org ?orgLabel
ORDER BY DESC(?members)
LIMIT 10
""", ["org", "orgLabel", "members"]),
    # Mongolia's diplomatic relations and when they were established
    "mongolia-relations": ("""
SELECT ?partner ?partnerLabel ?since WHERE {
  wd:Q711 p:P530 ?st .
  ?st ps:P530 ?partner .
  OPTIONAL { ?st pq:P580 ?since . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,vi". }
}
""", ["partner", "partnerLabel", "since"]),
    # treaties Vietnam signed (the agreement items are our own: no QID)
    "vietnam-treaties": ("""
SELECT ?treaty ?treatyLabel ?date WHERE {
  ?treaty wdt:P31 wd:Q131569 ;
          wdt:P1891 wd:Q881 .
  OPTIONAL { ?treaty wdt:P585 ?date . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "vi". }
}
""", ["treaty", "treatyLabel", "date"]),
    # memberships that ended, with the precision of the end date and the source
    "ended-memberships": ("""
SELECT ?org ?orgLabel ?end ?precision ?source WHERE {
  wd:Q711 p:P463 ?st .
  ?st ps:P463 ?org ;
      pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?precision ] ;
      prov:wasDerivedFrom/pr:P248 ?source .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
ORDER BY ?end
""", ["org", "orgLabel", "end", "precision", "source"]),
    # the effective leaders of Vietnam (Archigos: P39 with P1001 the state) since 1976
    "vietnam-leaders": ("""
SELECT ?leader ?leaderLabel ?start ?end WHERE {
  ?leader p:P39 ?st .
  ?st pq:P1001 wd:Q881 ;
      pq:P580 ?start .
  OPTIONAL { ?st pq:P582 ?end . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
ORDER BY ?start
""", ["leader", "leaderLabel", "start", "end"]),
    # the wars China took part in (COW: P607 conflict), with the number of participants
    "china-wars": ("""
SELECT ?war ?warLabel (COUNT(DISTINCT ?party) AS ?parties) WHERE {
  wd:Q148 wdt:P607 ?war .
  ?war wdt:P710 ?party .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "vi,en". }
}
GROUP BY ?war ?warLabel
""", ["war", "warLabel", "parties"]),
    # capitals and since when (COW capitals: P36 with P580)
    "capitals": ("""
SELECT ?state ?stateLabel ?capital ?capitalLabel ?since WHERE {
  ?state p:P36 ?st .
  ?st ps:P36 ?capital ;
      pq:P580 ?since .
  FILTER NOT EXISTS { ?st pq:P582 ?end }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
ORDER BY ?stateLabel
LIMIT 50
""", ["state", "stateLabel", "capital", "capitalLabel", "since"]),
    # manual mode: the label goes to a variable of our choosing
    "manual-mode": ("""
SELECT ?org ?name WHERE {
  wd:Q881 wdt:P463 ?org .
  SERVICE wikibase:label {
    bd:serviceParam wikibase:language "vi,en" .
    ?org rdfs:label ?name .
  }
}
""", ["org", "name"]),
}


@pytest.fixture(scope="module")
def full_store(built_store):
    """The whole graph (with the COW IGO v3 reference data), built by the real pipeline: the
    session's full build (tests/conftest.py), read-only."""
    return built_store


def _rows(store, name):
    query, head = EXAMPLES[name]
    out = json.loads(run_query(store, query, fmt="json"))
    assert out["head"]["vars"] == head, name
    return out["results"]["bindings"]


def test_every_example_runs_unchanged_with_the_wdqs_shape(full_store):
    for name in EXAMPLES:
        rows = _rows(full_store, name)
        assert rows, name
        for r in rows:
            for var, v in r.items():
                if var.endswith("Label") or var == "name":
                    assert v["type"] == "literal", (name, r)
                if var in ("org", "state", "partner") and v["value"].startswith(WD):
                    assert v["type"] == "uri"


def test_labels_from_the_registry_and_their_languages(full_store):
    un = {r["state"]["value"]: r for r in _rows(full_store, "un-members")}
    mn = un[WD + "Q711"]
    assert mn["stateLabel"] == {"type": "literal", "value": "Mongolia", "xml:lang": "en"}
    assert mn["start"]["value"].startswith("1961")
    orgs = {r["org"]["value"]: r for r in _rows(full_store, "mongolia-memberships")}
    un_org = orgs[WD + "Q1065"]
    assert un_org["orgLabel"]["xml:lang"] == "vi" and un_org["orgLabel"]["value"] == "Liên Hợp Quốc"
    assert un_org["orgDescription"]["value"] == "international organization"
    # an item with no Vietnamese label falls back to English, then to its id
    assert all(r["orgLabel"]["value"] for r in orgs.values())
    top = _rows(full_store, "largest-organisations")
    assert int(top[0]["members"]["value"]) > 100  # the COW IGO v3 spells are in the view
    manual = _rows(full_store, "manual-mode")
    assert any(r["name"].get("xml:lang") == "vi" for r in manual)


def test_leaders_wars_and_capitals_from_the_reference_data(full_store):
    leaders = _rows(full_store, "vietnam-leaders")
    assert len(leaders) >= 3 and all("/id/leader/" in r["leader"]["value"] for r in leaders)
    assert all(r["leaderLabel"]["type"] == "literal" for r in leaders)
    wars = _rows(full_store, "china-wars")
    assert wars and all(int(r["parties"]["value"]) >= 2 for r in wars)
    assert any(r["warLabel"].get("xml:lang") == "vi" for r in wars)  # the loader's vi label
    caps = {r["state"]["value"]: r["capitalLabel"]["value"] for r in _rows(full_store, "capitals")}
    assert caps and all(v for v in caps.values())


def test_reference_data_statements_cite_their_data_set(full_store):
    rows = _rows(full_store, "ended-memberships")
    assert any(r["source"]["value"].endswith("/dataset/cow-igo-v3") for r in rows)
    assert all(r["precision"]["value"] in ("8", "9", "10", "11") for r in rows)
    treaties = _rows(full_store, "vietnam-treaties")
    assert any(r["treatyLabel"].get("xml:lang") == "vi" for r in treaties)


def test_the_rewrite_leaves_strings_comments_and_other_services_alone():
    q = 'SELECT ?x WHERE { ?x rdfs:comment "SERVICE wikibase:label { }" } # wikibase:label'
    assert rewrite_label_service(q) == q
    other = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert rewrite_label_service(other) == other
    full = ("SELECT ?x ?xLabel WHERE { ?x ?p ?o . SERVICE <http://wikiba.se/ontology#label> "
            '{ <http://www.bigdata.com/rdf#serviceParam> <http://wikiba.se/ontology#language> '
            '"en" } }')
    assert "SERVICE" not in rewrite_label_service(full)


def test_the_label_service_makes_no_network_call_and_bad_blocks_are_syntax_errors(full_store):
    from diplograph.graph.errors import DiplographError

    with pytest.raises(DiplographError) as e:
        run_query(full_store, 'SELECT ?x WHERE { SERVICE wikibase:label { bd:serviceParam '
                              'wikibase:language "en<script>" } }')
    assert e.value.kind == "syntax"
    with pytest.raises(DiplographError):
        run_query(full_store, "SELECT ?x WHERE { SERVICE wikibase:label { ?x ?y ?z ")
