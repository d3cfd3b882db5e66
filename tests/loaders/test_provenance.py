"""Every fact of the two documents is traceable to its sentence; every entity to Wikidata."""

from __future__ import annotations

import csv

import pyoxigraph as ox

from diplograph.graph.namespaces import sparql_prefixes
from diplograph.graph.query import select

from ..conftest import ROOT, SOURCES

P = sparql_prefixes()


def test_each_fact_has_annotation_selectors_and_provenance(built_store: ox.Store) -> None:
    rows = select(
        built_store,
        P
        + """
      SELECT ?fact ?doc ?file ?exact ?prefix ?suffix ?start ?end ?g ?lang WHERE {
        GRAPH ?g { ?fact a dg:Fact ; dg:statedIn ?doc ; prov:wasDerivedFrom ?doc ; prov:wasGeneratedBy ?act .
          ?ann oa:hasBody ?fact ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q, ?pos .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
          ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?doc dg:fileName ?file ; dcterms:language ?lang . ?act a prov:Activity }
      }""",
    )
    assert len(rows) >= 95
    texts = {p.name: p.read_text(encoding="utf-8") for p in SOURCES.glob("*.txt")}
    graphs = set()
    for r in rows:
        text = texts[r["file"].value]
        s, e = int(r["start"].value), int(r["end"].value)
        assert text[s:e] == r["exact"].value
        assert text[:s].endswith(r["prefix"].value) and text[e:].startswith(r["suffix"].value)
        assert r["g"].value.endswith(r["doc"].value.rsplit("/", 1)[1])
        graphs.add(r["g"].value)
    assert len(graphs) == 2
    langs = {r["lang"].value for r in rows}
    assert langs == {"vi", "en"}


def test_quotes_keep_the_source_language(built_store: ox.Store) -> None:
    rows = select(built_store, P + "SELECT ?q ?doc WHERE { ?f dg:quote ?q ; dg:statedIn ?doc }")
    for r in rows:
        lang = r["q"].language
        assert lang == ("vi" if r["doc"].value.endswith("vn-mn-relations-2023") else "en")


ISSUE_QIDS = {"MNG": "Q711", "VNM": "Q881", "ASEAN": "Q7768", "SCO": "Q485207"}


def test_entities_of_the_documents_have_the_right_wikidata_links(built_store: ox.Store) -> None:
    rows = select(
        built_store,
        P
        + """
      SELECT DISTINCT ?e ?conf ?target ?exact WHERE {
        ?f dg:statedIn ?doc ; dg:involves ?e . ?e dg:wikidataLink ?l . ?l dg:confidence ?conf .
        OPTIONAL { ?l dg:target ?target } OPTIONAL { ?e skos:exactMatch ?exact } }""",
    )
    by_key = {r["e"].value.rsplit("/", 1)[1]: r for r in rows}
    for key, qid in ISSUE_QIDS.items():
        assert by_key[key]["exact"].value == f"http://www.wikidata.org/entity/{qid}"
    holy = [
        r for k, r in by_key.items() if r.get("exact") and r["exact"].value.endswith("/Q159583")
    ]
    assert holy, "the Holy See is Q159583"
    assert not any(r.get("exact") and r["exact"].value.endswith("/Q237") for r in rows), (
        "not Vatican City"
    )
    # every entity named by a fact has a link node; unverified ones have no target
    for r in rows:
        if r["conf"].value.endswith("/unverified"):
            assert "target" not in r and "exact" not in r
    # (facts of the documents: data-set facts also involve leaders and cities, which are not
    # registry entities and have no Wikidata link)
    entities = select(
        built_store, P + "SELECT DISTINCT ?e WHERE { ?f dg:statedIn ?doc ; dg:involves ?e }"
    )
    assert len(entities) == len(by_key)


def test_no_qid_contradicts_the_verified_seed_table(built_store: ox.Store) -> None:
    with open(ROOT / "data/reference/seed-entities-qids.csv", encoding="utf-8") as f:
        verified = {
            r["qid"]
            for r in csv.DictReader(f)
            if r["confidence"].startswith("verified")
            and r["qid"].startswith("Q")
            and not r["acronym"].startswith("(")  # classes and roles, not entities
        }
    rows = select(
        built_store, P + "SELECT ?e ?t WHERE { GRAPH dgg:registry { ?e skos:exactMatch ?t } }"
    )
    seen: dict[str, str] = {}
    for r in rows:
        qid = r["t"].value.rsplit("/", 1)[1]
        assert seen.setdefault(qid, r["e"].value) == r["e"].value, f"{qid} on two entities"
    # every verified seed entity is in the registry under exactly its verified QID
    assert verified <= set(seen), verified - set(seen)
