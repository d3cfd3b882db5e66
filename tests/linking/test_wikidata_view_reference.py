"""The Wikidata-shaped view of the reference data: capitals (P36), ATOP alliance spells and COW
wars (P710 participant, P607 conflict), Archigos leaders (P39 position held with P1001), built by
the real pipeline from the bundled data (the two largest files cut to their first rows)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.loaders.wikidata_view import (
    EFFECTIVE_LEADER,
    VIEW_GRAPH,
    WIKIDATA_PREFIXES,
    write_view,
)

DG = "https://diplograph.org/ontology#"
WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from diplograph.loaders.build import build
    from diplograph.loaders.registry import default_data_dir

    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(default_data_dir(), data, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("atop_alliance.csv", "archigos.csv"):
        p = data / "peace-science" / name
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        p.write_text("".join(lines[:400]), encoding="utf-8")
    st = ox.Store(str(tmp_path_factory.mktemp("store") / "s"))
    report = build(st, datasets=["cow-capitals", "atop", "cow-wars", "archigos"],
                   data_dir=Path(data))
    assert not report.failures
    write_view(st)
    return st


def rows(store, q):
    return [
        {k: (r[k].value if r[k] is not None else None) for k in ("a", "b", "c", "d")
         if k in q}
        for r in store.query(q, prefixes=WIKIDATA_PREFIXES, use_default_graph_as_union=True)
    ]


def test_capitals_are_p36_with_their_dates_and_data_set(store):
    got = rows(store, """SELECT ?a ?b ?c ?d WHERE { wd:Q881 p:P36 ?st . ?st ps:P36 ?a ;
        pq:P580 ?b ; prov:wasDerivedFrom ?r . ?r pr:P248 ?c ; prov:wasDerivedFrom ?d .
        ?a rdfs:label ?l }""")
    assert got and got[0]["a"].endswith("/place/hanoi")
    assert got[0]["b"].startswith("1976-07-02")  # the unified state: the DRV's spell is its own
    assert got[0]["c"].endswith("/dataset/cow-capitals") and "/rows/" in got[0]["d"]


def test_wars_have_participants_and_states_their_conflicts(store):
    wars = rows(store, f"SELECT ?a WHERE {{ ?a wdt:P31 <{DG}War> }}")
    assert len(wars) > 50 and all("/fact/cow-wars/" in w["a"] for w in wars)
    # every participant of a war's P710 is P607 of that state, both with years
    both = rows(store, """SELECT ?a ?b ?c WHERE { ?a p:P710 ?st . ?st ps:P710 ?b ; pq:P580 ?c .
        ?b wdt:P607 ?a }""")
    assert len(both) > 100 and any(r["b"].startswith(WD) for r in both)
    # a war has no QID in the data: it keeps our IRI (never a guessed wd: item)
    assert not rows(store, f"SELECT ?a WHERE {{ ?a wdt:P31 <{DG}War> FILTER(STRSTARTS(STR(?a), "
                           f"\"{WD}\")) }}")


def test_alliance_spells_have_both_parties(store):
    got = rows(store, f"""SELECT ?a (COUNT(DISTINCT ?x) AS ?b) WHERE {{
        ?a wdt:P31 <{DG}AllianceObligation> ; wdt:P710 ?x }} GROUP BY ?a""")
    assert got and all(int(r["b"]) == 2 for r in got)


def test_leaders_hold_the_effective_leader_position_of_a_state(store):
    got = rows(store, f"""SELECT ?a ?b ?c WHERE {{ ?a p:P39 ?st . ?st ps:P39 <{EFFECTIVE_LEADER}> ;
        pq:P1001 ?b ; pq:P580 ?c }}""")
    assert len(got) > 300 and all("/id/leader/" in r["a"] for r in got)
    assert any(r["b"] == WD + "Q30" for r in got)  # the United States, a verified QID
    labels = {q.object.value for q in store.quads_for_pattern(
        ox.NamedNode(EFFECTIVE_LEADER), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None)}
    assert "effective leader (Archigos)" in labels
    # the view's own triples are all in its graph
    assert any(True for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(VIEW_GRAPH)))


def test_the_report_counts_reference_items_without_a_qid():
    from diplograph.linking.report import reference_data_section

    text = reference_data_section()
    assert "| COW inter-state wars |" in text and "| Archigos leaders (persons) |" in text
    assert "| COW inter-state wars | 95 | 0 | 95 |" in text
