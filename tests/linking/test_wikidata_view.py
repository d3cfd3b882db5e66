"""The Wikidata-shaped view, its WDQS-style query, and the QuickStatements export."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph.cli.link import link
from diplograph.linking.quickstatements import quickstatements
from diplograph.loaders.wikidata_view import (
    VIEW_GRAPH,
    WIKIDATA_PREFIXES,
    wikidata_view_quads,
    write_view,
)

WDQS_QUERY = "SELECT ?org ?start WHERE { wd:Q711 p:P463 ?st . ?st ps:P463 ?org ; pq:P580 ?start }"


def test_wdqs_query_runs_unchanged(store_dir):
    """In memory: the facts of the built store without the view its build wrote, then the
    view written beside them, whole (until session 20 the build's view was copied too, and
    the write compared with it wrote nothing; the copy without it is cheaper as well:
    docs/testing.md, "Session 20")."""
    built = ox.Store.read_only(str(store_dir))
    store = ox.Store()
    for g in [*built.named_graphs(), ox.DefaultGraph()]:
        if g != ox.NamedNode(VIEW_GRAPH):
            store.extend(built.quads_for_pattern(None, None, None, g))
    assert not store.contains_named_graph(ox.NamedNode(VIEW_GRAPH))
    n = write_view(store)
    assert n > 100
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(VIEW_GRAPH)))) == n
    rows = {
        (r["org"].value, r["start"].value)
        for r in store.query(
            WDQS_QUERY, prefixes=WIKIDATA_PREFIXES, use_default_graph_as_union=True
        )
    }
    assert ("http://www.wikidata.org/entity/Q1065", "1961-01-01T00:00:00Z") in rows
    # precision 9 (year) on the value node, never padded to a day
    prec = list(
        store.query(
            "SELECT ?p WHERE { wd:Q711 p:P463 ?st . ?st ps:P463 wd:Q1065 ; pqv:P580 ?v . "
            "?v wikibase:timePrecision ?p }",
            prefixes=WIKIDATA_PREFIXES,
            use_default_graph_as_union=True,
        )
    )
    assert [r["p"].value for r in prec] == ["9"]
    # observer role: our concept IRI, and the reference carries the quote in its language
    obs = {
        r["o"].value
        for r in store.query(
            "SELECT ?o WHERE { wd:Q711 p:P463 ?st . ?st ps:P463 ?o ; "
            "pq:P2868 <https://diplograph.org/id/concept/role/observer> }",
            prefixes=WIKIDATA_PREFIXES,
            use_default_graph_as_union=True,
        )
    }
    assert "http://www.wikidata.org/entity/Q7768" in obs  # ASEAN
    refs = list(
        store.query(
            "SELECT ?doc ?quote WHERE { wd:Q711 p:P530 ?st . ?st ps:P530 wd:Q881 ; "
            "prov:wasDerivedFrom ?r . "
            "?r pr:P248 ?doc ; pr:P1683 ?quote }",
            prefixes=WIKIDATA_PREFIXES,
            use_default_graph_as_union=True,
        )
    )
    assert refs and refs[0]["quote"].language == "vi"
    # P530 both directions; agreements as P31 Q131569 items with P1891 signatories and P585
    assert store.query(
        "ASK { wd:Q881 wdt:P530 wd:Q711 . wd:Q711 wdt:P530 wd:Q881 }",
        prefixes=WIKIDATA_PREFIXES,
        use_default_graph_as_union=True,
    )
    agr = list(
        store.query(
            "SELECT ?t ?d WHERE { ?t wdt:P31 wd:Q131569 ; wdt:P1891 wd:Q183 ; wdt:P585 ?d }",
            prefixes=WIKIDATA_PREFIXES,
            use_default_graph_as_union=True,
        )
    )
    assert agr and agr[0]["d"].value == "1991-01-01T00:00:00Z"
    # only verified QIDs become wd: IRIs: the Forum of Small States (no QID) keeps our IRI
    assert store.query(
        "ASK { wd:Q711 wdt:P463 <https://diplograph.org/id/org/FOSS> }",
        prefixes=WIKIDATA_PREFIXES,
        use_default_graph_as_union=True,
    )


@pytest.fixture(scope="module")
def view(store_dir) -> list[ox.Quad]:
    """The view's quads of the linking store, computed once for the file (read by the two
    tests below; docs/testing.md, "Session 16")."""
    return list(wikidata_view_quads(ox.Store.read_only(str(store_dir))))


def test_view_is_deterministic(store_dir, view):
    store = ox.Store.read_only(str(store_dir))
    assert list(wikidata_view_quads(store)) == view  # computed again: the same quads, in order


def test_quickstatements_lines(view):
    exp = quickstatements(view)
    assert (
        "Q711|P463|Q1065|P580|+1961-00-00T00:00:00Z/9|S854|"
        '"https://diplograph.org/id/source/wikipedia-foreign-relations-of-mongolia"|S1683|en:"'
    ) in exp.text()
    assert any(
        line.startswith("Q881|P530|Q711|P580|+1954-11-17T00:00:00Z/11|") and '|S1683|vi:"' in line
        for line in exp.lines
    )
    assert exp.skipped_role >= 1  # the observer memberships have no Wikidata role item
    assert all(line.count('"') % 2 == 0 for line in exp.lines)


def test_cli_exports(store_dir, tmp_path):
    r = CliRunner().invoke(
        link, ["--wikidata-view", "-o", str(tmp_path / "v.nq"), "--store", str(store_dir)]
    )
    assert r.exit_code == 0, r.output
    quads = ox.parse(path=str(tmp_path / "v.nq"), format=ox.RdfFormat.N_QUADS)
    assert any(q.predicate.value == "http://www.wikidata.org/prop/direct/P463" for q in quads)
    r = CliRunner().invoke(
        link, ["--wikidata-view", "-o", str(tmp_path / "v.ttl"), "--store", str(store_dir)]
    )
    assert r.exit_code == 0 and "@prefix pq:" in (tmp_path / "v.ttl").read_text(encoding="utf-8")
    r = CliRunner().invoke(
        link, ["--quickstatements", "-o", str(tmp_path / "qs.txt"), "--store", str(store_dir)]
    )
    assert r.exit_code == 0, r.output
    assert (tmp_path / "qs.txt").read_text(encoding="utf-8").startswith("Q711|P463|Q1065|P580|")
    r = CliRunner().invoke(
        link, ["--wikidata-view", "-o", str(tmp_path / "v.json"), "--store", str(store_dir)]
    )
    assert r.exit_code == 2
