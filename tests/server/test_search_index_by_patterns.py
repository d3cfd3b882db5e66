"""On the embedded store the search index is read with triple patterns
(server/search_index.py, ``_read_by_patterns``: a build's or load's ``keep_for_next_start``,
a start's builder, a worker with no shared index); a remote engine's service is asked two
SPARQL queries (``IndexHolder._read_by_queries``). Both must give the same index and the
same subjects per graph, so that a server behaves the same on either. A real on-disk store,
filled by real SPARQL updates with the cases the queries' filters and DISTINCT decide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from server_support import copy_fixture_store

from diplograph.graph.executor import QueryService
from diplograph.server.search_index import (
    IndexHolder,
    _encode,
    _read_by_patterns,
    keep_for_next_start,
    saved_folder,
)

CASES = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX e: <http://e/>
INSERT DATA {
  GRAPH <http://e/g1> {
    e:a a dg:State ; rdfs:label "Aland"@en, "Aland"@sv, "Aland" ; skos:altLabel "AL" ;
        dg:acronym "AL", "AL"^^xsd:token ; dg:iso3166Alpha2 "AL" ; dg:cowAbbrev "AL" ;
        dg:qid "Q5" ; skos:exactMatch wd:Q5, wd:P31, "http://www.wikidata.org/entity/Q7",
        <http://example.org/Q9> ; rdfs:label e:not-a-literal .
    e:b a dg:Person, dg:State ; dct:title "Bee"@en ; dg:title "Bee title" .
    _:x a dg:State ; rdfs:label "blank" .
    e:untyped rdfs:label "Nobody"@en .
  }
  GRAPH <http://e/g2> {
    e:a a dg:State ; rdfs:label "Aland"@en ; skos:prefLabel "Åland"@en .
    e:c rdfs:label "Cee"@en .
  }
  GRAPH <http://e/g3> { e:c a dg:InternationalOrganization . }
  e:d a dg:State ; rdfs:label "Dee in the default graph"@en .
}
"""


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    copy_fixture_store(path)
    with QueryService(path, workers=1, isolation="thread", timeout=60.0) as qs:
        qs.update(CASES)
    return path


def test_the_patterns_read_the_index_the_queries_read(store: Path) -> None:
    with QueryService(store, workers=1, isolation="thread", timeout=60.0,
                      union_default_graph=True) as qs:
        by_queries = IndexHolder()._read_by_queries(qs, 0)
        by_patterns = _read_by_patterns(qs, 0)
    assert len(by_queries.index) >= 7  # the fixture's three entities and a, b, c, d
    assert by_patterns.index.same_as(by_queries.index)
    assert by_patterns.classes == by_queries.classes
    assert by_patterns.by_graph == by_queries.by_graph
    assert {"http://e/a", "http://e/c"} <= by_patterns.by_graph["http://e/g2"]
    assert "http://e/untyped" in by_patterns.by_graph["http://e/g1"]
    # what the next start copies to its workers: the same data (the graphs' order aside)
    assert json.loads(_encode(by_patterns)) == json.loads(_encode(by_queries))
    # the cases decide: a QID from a Wikidata IRI only, the default graph's name, two kinds
    def found(text: str) -> list[str]:
        return [h.iri for h in by_patterns.index.search(text).hits]

    assert found("Q5")[:1] == ["http://e/a"]
    assert "http://e/a" not in found("P31")
    assert found("Dee in the default graph")[:1] == ["http://e/d"]


def test_the_index_kept_for_the_next_start_is_the_one_it_would_build(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIPLOGRAPH_NO_CACHE", raising=False)
    how, entities = keep_for_next_start(store) or ("", 0)
    assert how == "kept"
    [kept] = saved_folder(store).glob("*.json")  # type: ignore[union-attr]
    data = json.loads(kept.read_bytes().split(b"\n", 1)[1])
    with QueryService(store, workers=1, isolation="thread", timeout=60.0,
                      union_default_graph=True) as qs:
        built = IndexHolder()._read_by_queries(qs, 0)
        assert IndexHolder()._read(qs, 0).index.same_as(built.index)  # the patterns, here
    assert data == json.loads(_encode(built))
    assert entities == len(built.index)
