"""``diplograph link`` on a store: links entities that lack a Wikidata link into dgg:links."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
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


def test_link_store_writes_links_with_provenance(linked, remembered):
    d, r = linked
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
    # a second run replaces the graph (same triples, no duplicates; the other test reads the
    # store after it or before it: the same links). Its matcher answers as the first run's
    # (the run's, its answers kept: ``linked``); that a matcher made again answers the same is
    # test_matcher_reference.py's (two matchers of one registry, every third row of each list)
    n = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))))
    del store
    assert _link(d, remembered).exit_code == 0
    store = ox.Store(str(d))
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))) == n


SAME_BODY = """
PREFIX dg: <https://diplograph.org/ontology#>
INSERT DATA {
  GRAPH <https://diplograph.org/graph/source/test-same-body> {
    <https://diplograph.org/id/fact/test-same-body/f1>
        dg:party <https://diplograph.org/id/org/SPC>, <https://diplograph.org/id/state/FJI> .
  }
}
"""


@pytest.fixture(scope="module")
def linked(store_dir, tmp_path_factory, remembered):
    """One copy of the linking store with both tests' facts (``EXTRA``: two imported parties;
    ``SAME_BODY``: org/SPC a party), linked once by ``diplograph link --store`` (the matcher
    over every entity without a link, about 3,700 names): (the store's folder, the command's
    result). The command's matcher is the run's (``remembered``, conftest.py: ``Matcher`` of
    ``load_registry()``, the construction ``link_store`` makes itself, with its answers kept),
    as for the link report; the second run of the command (``test_link_store_writes_links_with_
    provenance``) is given it too, so neither run makes a matcher of its own (about 1.4 s of
    CPU each) and the second asks no name again (the file about 6 s of CPU cheaper alone,
    about 7.5 s in the linking group: docs/testing.md, "Session 20")."""
    d = tmp_path_factory.mktemp("linked") / "store"
    shutil.copytree(store_dir, d)
    store = ox.Store(str(d))
    store.update(EXTRA)
    store.update(SAME_BODY)
    del store
    return d, _link(d, remembered)


def _link(d, remembered):  # noqa: ANN001, ANN202
    """``diplograph link --store D`` through the real click command, its matcher the run's."""
    import diplograph.linking.link_graph as link_graph_module

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(link_graph_module, "Matcher", lambda registry: remembered)
        return CliRunner().invoke(link, ["--store", str(d)])


def test_link_store_gives_a_doubly_held_body_the_qid_of_its_other_record(linked, registry):
    """COW IGO v3's record of the South Pacific Commission (org/SPC, no QID of its own) is the
    Pacific Community that SupraVerden and internacia hold as org/SPC-org (data/registry/
    same-body.csv): `diplograph link` gives it that record's QID, with the join as evidence, in
    a node of its own; the registry's own link node of org/SPC is left as the data sets gave it."""
    cow, body = registry.get("SPC"), registry.get("SPC-org")
    assert cow.qid is None and body.qid and body.confidence == "verified"
    d, r = linked
    assert r.exit_code == 0, r.output
    assert f"linked https://diplograph.org/id/org/SPC -> {body.qid} (same-body, 100)" in r.output
    assert "not linked https://diplograph.org/id/org/SPC:" not in r.output
    store = ox.Store(str(d))
    rows = list(store.query(f"""
        PREFIX dg: <https://diplograph.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?ev ?src WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          <https://diplograph.org/id/org/SPC>
              skos:exactMatch <http://www.wikidata.org/entity/{body.qid}> ;
              rdfs:seeAlso ?n .
          ?n a dg:WikidataLink ; dg:qid "{body.qid}" ; dg:method "same-body" ; dg:evidence ?ev ;
             prov:wasDerivedFrom ?src .
        }} }}"""))
    assert rows
    assert "SPC-org" in rows[0]["ev"].value and "same acronym" in rows[0]["ev"].value
    assert "https://diplograph.org/id/org/SPC-org" in {x["src"].value for x in rows}
    # one dg:wikidataLink per entity (the shapes): the registry's node, untouched
    links = list(store.query("""
        PREFIX dg: <https://diplograph.org/ontology#>
        SELECT ?l WHERE { <https://diplograph.org/id/org/SPC> dg:wikidataLink ?l }""",
        use_default_graph_as_union=True))
    assert [x["l"].value for x in links] == ["https://diplograph.org/id/org/SPC/wikidata"]
