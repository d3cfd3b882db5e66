"""The Wikidata-shaped view of the reference data added in issue 11 point 3: GML militarized
disputes, Thompson-Dreyer rivalries, UCDP/PRIO armed conflicts (P710 participant, P607 on the
state, P31 our class), COW and G-W state-system membership (P463) and COW major-power spells
(P31 "major power"), built by the real pipeline from the bundled data and checked against the
data files' own rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.loaders.registry import default_data_dir
from diplograph.loaders.state_systems import system_iri
from diplograph.loaders.wikidata_view import MAJOR_POWER, WIKIDATA_PREFIXES

DG = "https://diplograph.org/ontology#"
WD = "http://www.wikidata.org/entity/"
USA, VIETNAM = WD + "Q30", WD + "Q881"  # verified QIDs of the registry
DATA = default_data_dir() / "peace-science"


@pytest.fixture(scope="module")
def store(built_store: ox.Store) -> ox.Store:
    """The run's full build, read only: its view is written by the same ``write_view`` over
    every data set, these five among them (this file built the five and their view again,
    about 12 s of CPU: docs/testing.md, "Session 15")."""
    return built_store


def rows(store, q):
    return [
        {v.value: (r[v.value].value if r[v.value] is not None else None)
         for v in res.variables}
        for res in [store.query(q, prefixes=WIKIDATA_PREFIXES, use_default_graph_as_union=True)]
        for r in res
    ]


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_dispute_of_the_file_is_an_item_with_its_participants(store):
    disputes = {r["dispnum"] for r in csv_rows(DATA / "gml_mid_disps.csv")}
    items = rows(store, f"SELECT ?a WHERE {{ ?a wdt:P31 <{DG}MilitarizedDispute> }}")
    assert len(items) == len(disputes)
    # one P710 statement per participant episode of our graph, each with its P607 inverse
    episodes = rows(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{
        ?d a <{DG}MilitarizedDispute> ; <{DG}participantEpisode> ?p }}""")
    p710 = rows(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{
        ?d wdt:P31 <{DG}MilitarizedDispute> ; p:P710 ?st }}""")
    assert int(p710[0]["n"]) == int(episodes[0]["n"]) > 5000
    both = rows(store, f"""SELECT ?a ?b WHERE {{ ?a wdt:P31 <{DG}MilitarizedDispute> ;
        wdt:P710 ?b . ?b wdt:P607 ?a }} LIMIT 1""")
    assert both


def test_a_minus_9_day_is_a_month_precision_start(store):
    # the first participant row of the file whose start day is unknown (-9)
    row = next(r for r in csv_rows(DATA / "gml_part.csv") if r["stday"] == "-9")
    got = rows(store, f"""SELECT ?t ?prec WHERE {{
        <https://diplograph.org/id/fact/mid/{row['dispnum']}> p:P710 ?st .
        ?st pq:P580 ?t ; pqv:P580 [ wikibase:timePrecision ?prec ] }}""")
    month = f"{int(row['styear']):04d}-{int(row['stmon']):02d}-01T00:00:00Z"
    assert any(g["t"] == month and g["prec"] == "10" for g in got), (row, got)


def test_disputes_cite_their_data_set_and_rows(store):
    got = rows(store, f"""SELECT ?ds ?r WHERE {{ ?a wdt:P31 <{DG}MilitarizedDispute> ;
        p:P710 ?st . ?st prov:wasDerivedFrom ?ref . ?ref pr:P248 ?ds ;
        prov:wasDerivedFrom ?r }} LIMIT 5""")
    assert got and all(g["ds"].endswith("/dataset/mid") and "/rows/" in g["r"] for g in got)


def test_rivalry_spells_have_their_parties(store):
    # the parties of each spell in our graph (two, or one where both codes of a row name the
    # same entity in those years) are its P710 participants
    got = {g["a"]: g["n"] for g in rows(store, f"""SELECT ?a (COUNT(DISTINCT ?x) AS ?n)
        WHERE {{ ?a wdt:P31 <{DG}StrategicRivalry> ; wdt:P710 ?x }} GROUP BY ?a""")}
    parties = {g["a"]: g["n"] for g in rows(store, f"""SELECT ?a (COUNT(DISTINCT ?x) AS ?n)
        WHERE {{ ?a a <{DG}StrategicRivalry> ; <{DG}party> ?x }} GROUP BY ?a""")}
    assert got == parties and len(got) > 100
    assert sum(1 for n in got.values() if n == "2") > 0.95 * len(got)


def test_ucdp_conflicts_name_their_primary_sides(store):
    data = csv_rows(DATA / "ucdp_acd.csv")
    assert len(rows(store, f"SELECT ?a WHERE {{ ?a wdt:P31 <{DG}ArmedConflict> }}")) == len(
        {r["conflict_id"] for r in data})
    # conflicts with Vietnam (G-W 816) as a primary side after unification (1976)
    expected = {r["conflict_id"] for r in data if int(r["year"]) >= 1977 and "816" in
                {c.strip() for c in (r["gwno_a"] + "," + r["gwno_b"]).split(",")}}
    got = {g["a"].rsplit("/", 1)[-1] for g in rows(
        store, f"SELECT ?a WHERE {{ ?a wdt:P31 <{DG}ArmedConflict> ; wdt:P710 <{VIETNAM}> }}")}
    assert expected and expected <= got


def test_state_system_membership_and_major_power_of_the_usa(store):
    cow = next(r for r in csv_rows(default_data_dir() / "cow-igo-v3" / "cow_states2016.csv")
               if r["ccode"] == "2")
    start = f"{int(cow['styear']):04d}-{int(cow['stmonth']):02d}-{int(cow['stday']):02d}"
    got = rows(store, f"""SELECT ?t WHERE {{ <{USA}> p:P463 ?st .
        ?st ps:P463 <{system_iri('cow')}> ; pq:P580 ?t }}""")
    assert [g["t"] for g in got] == [start + "T00:00:00Z"]
    gw = next(r for r in csv_rows(DATA / "gw_states.csv") if r["gwcode"] == "2")
    got = rows(store, f"""SELECT ?t WHERE {{ <{USA}> p:P463 ?st .
        ?st ps:P463 <{system_iri('gw')}> ; pq:P580 ?t }}""")
    assert [g["t"] for g in got] == [gw["startdate"] + "T00:00:00Z"]
    major = next(r for r in csv_rows(DATA / "cow_majors.csv") if r["ccode"] == "2")
    start = f"{int(major['styear']):04d}-{int(major['stmonth']):02d}-{int(major['stday']):02d}"
    got = rows(store, f"""SELECT ?t ?l WHERE {{ <{USA}> p:P31 ?st . ?st ps:P31 <{MAJOR_POWER}> ;
        pq:P580 ?t . <{MAJOR_POWER}> rdfs:label ?l FILTER(LANG(?l) = "en") }}""")
    assert [g["t"] for g in got] == [start + "T00:00:00Z"]
    assert got[0]["l"] == "major power (Correlates of War)"
