"""``diplograph link`` on a store: links entities that lack a Wikidata link into dgg:links."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
from click.testing import CliRunner

from diplograph.cli.link import link
from diplograph.linking.link_graph import LINKS_GRAPH

EXTRA = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {
  GRAPH <https://diplograph.org/graph/source/test-doc> {
    <https://diplograph.org/id/fact/test-doc/f1> dg:party <https://diplograph.org/id/imported/mongolie>,
        <https://diplograph.org/id/imported/atlantis> .
    <https://diplograph.org/id/imported/mongolie> rdfs:label "Mông Cổ"@vi .
    <https://diplograph.org/id/imported/atlantis> rdfs:label "Atlantis"@en .
  }
}
"""


def test_link_store_writes_links_with_provenance(store_dir, tmp_path):
    d = tmp_path / "store"
    shutil.copytree(store_dir, d)
    store = ox.Store(str(d))
    store.update(EXTRA)
    del store
    r = CliRunner().invoke(link, ["--store", str(d)])
    assert r.exit_code == 0, r.output
    assert "linked https://diplograph.org/id/imported/mongolie -> Q711 (label, 100)" in r.output
    assert "not linked https://diplograph.org/id/imported/atlantis" in r.output
    assert (
        "not linked https://diplograph.org/id/org/ICFTU" in r.output
    )  # no QID: reported, not guessed
    store = ox.Store(str(d))
    rows = list(
        store.query(f"""
        PREFIX dg: <https://diplograph.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?method ?score ?conf ?src WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          <https://diplograph.org/id/imported/mongolie>
              skos:exactMatch <http://www.wikidata.org/entity/Q711> ;
              dg:wikidataLink ?l .
          ?l a dg:WikidataLink ; dg:qid "Q711" ; dg:method ?method ; dg:score ?score ;
             dg:confidence ?conf ;
             prov:wasDerivedFrom ?src .
        }} }}""")
    )
    assert rows
    assert {r["method"].value for r in rows} == {"label"}
    assert {r["conf"].value for r in rows} == {
        "https://diplograph.org/id/concept/confidence/verified"
    }
    srcs = {r["src"].value for r in rows}
    assert "https://diplograph.org/id/state/MNG" in srcs
    assert any(s.startswith("https://diplograph.org/id/dataset/") for s in srcs)
    # a second run replaces the graph (same triples, no duplicates)
    n = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))))
    del store
    assert CliRunner().invoke(link, ["--store", str(d)]).exit_code == 0
    store = ox.Store(str(d))
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))) == n
