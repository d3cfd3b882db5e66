"""The event data sets (ATOP, COW wars, GML MID, Thompson–Dreyer, UCDP) and their named queries.

Answers of the named queries over the built graph are compared with the data files' own rows,
picked at random with a fixed seed; nothing here is a hard-coded answer.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from diplograph.graph.errors import DiplographError
from diplograph.loaders import atop, cow_wars, mid, rivalries, ucdp
from diplograph.loaders.datasets import parsed
from diplograph.loaders.peace_science import concept, entity_in_year, leader_iri, rows_label
from diplograph.loaders.state_periods import StatePeriods

from ..conftest import ROOT
from ..queries.test_named_queries import run

DATA = ROOT / "data"
PS = DATA / "peace-science"
SEED = 17
OBLIGATION_COLUMNS = dict(zip(atop.OBLIGATIONS, ("defence", "offence", "neutrality",
                                                 "non-aggression", "consultation")))


@pytest.fixture(scope="module")
def periods() -> StatePeriods:
    return StatePeriods.load()


def read(name: str) -> list[dict[str, str]]:
    with (PS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def key(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


def slug(scheme: str, code: str) -> str:
    c = concept(scheme, code)
    assert c, (scheme, code)
    return key(c)


# -- ATOP --------------------------------------------------------------------------------------


def test_alliances_at_a_date_match_the_atop_rows(built_store: ox.Store, periods) -> None:  # noqa: ANN001
    rows = read("atop_alliance.csv")
    by_dyad = {(r["ccode1"], r["ccode2"], r["year"]): r for r in rows}
    sample = random.Random(SEED).sample(
        [r for r in rows if "1" in [r[c] for c in atop.OBLIGATIONS]], 25
    )
    for r in sample:
        y = int(r["year"])
        a = entity_in_year(periods, "cow", int(r["ccode1"]), y)
        b = entity_in_year(periods, "cow", int(r["ccode2"]), y)
        back = by_dyad[(r["ccode2"], r["ccode1"], r["year"])]
        expected = {o for c, o in OBLIGATION_COLUMNS.items() if r[c] == "1" or back[c] == "1"}
        one_sided = {
            f"{o} by {key(a) if r[c] == '1' else key(b)}"
            for c, o in OBLIGATION_COLUMNS.items() if r[c] != back[c]
        }
        got = [x for x in run(built_store, "state-alliances", state=a, date=str(y))
               if x["partner"] == b and x["kind"] == "atop-spell"]
        assert len(got) == 1, (r, got)  # one undirected spell per pair at a date
        g = got[0]
        assert set(g["obligations"].split(",")) == expected, (r, g)
        assert set(filter(None, g.get("oneSided", "").split("; "))) == one_sided, (r, g)
        assert int(g["start"]) <= y <= int(g["end"])
        assert g["source"].endswith("/dataset/atop")


def test_alliance_spells_are_split_at_gaps_and_by_historical_state(built_store: ox.Store) -> None:
    def ask(q: str) -> bool:
        return bool(built_store.query("PREFIX dg: <https://diplograph.org/ontology#>\n" + q,
                                      use_default_graph_as_union=True))

    # the USSR's spells end by 1991 and Russia's begin in 1992: code 365 is split
    assert ask("ASK { ?s a dg:AllianceObligation ; dg:party <https://diplograph.org/id/state/SUN> }")
    assert not ask("ASK { ?s a dg:AllianceObligation ; dg:party <https://diplograph.org/id/state/RUS>"
                   " ; dg:startDate ?y FILTER(STR(?y) < '1992' && STR(?y) > '1917') }")
    assert not ask("ASK { ?s a dg:AllianceObligation ; dg:party <https://diplograph.org/id/state/SUN>"
                   " ; dg:endDate ?y FILTER(STR(?y) > '1991') }")
    # two spells of one pair never overlap: no spell ?t of a pair starts within a spell ?s of
    # the same pair (the self-join as one SPARQL ASK took about a minute of CPU: the spells
    # are read once and joined by pair here)
    def values(q: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for row in built_store.query("PREFIX dg: <https://diplograph.org/ontology#>\n"
                                     "SELECT ?s ?v WHERE { ?s a dg:AllianceObligation ; " + q
                                     + " ?v }", use_default_graph_as_union=True):
            out.setdefault(row["s"].value, set()).add(row["v"].value)
        return out

    parties, starts, ends = values("dg:party"), values("dg:startDate"), values("dg:endDate")
    by_pair: dict[tuple[str, str], list[str]] = {}
    for spell, ps in parties.items():
        for a in ps:
            for b in ps - {a}:
                by_pair.setdefault((a, b), []).append(spell)
    assert by_pair and starts and ends
    overlaps = [(s, t) for spells in by_pair.values() for s in spells for t in spells
                if s != t and any(s1 <= s2 <= e1 for s1 in starts.get(s, ()) for e1 in
                                  ends.get(s, ()) for s2 in starts.get(t, ()))]
    assert not overlaps, overlaps[:5]


# -- COW wars ----------------------------------------------------------------------------------


def test_wars_match_the_cow_rows(built_store: ox.Store, periods) -> None:  # noqa: ANN001
    rows = read("cow_war_inter.csv")
    for r in random.Random(SEED).sample(rows, 20):
        y = int(r["year"])
        a = entity_in_year(periods, "cow", int(r["ccode1"]), y)
        b = entity_in_year(periods, "cow", int(r["ccode2"]), y)
        got = [x for x in run(built_store, "wars-and-disputes", a=a, b=b)
               if x["kind"] == "war" and x["number"] == r["warnum"]
               and int(x["aStart"]) <= y <= int(x["aEnd"]) and x["aSide"] == "ab"[int(r["sidea1"]) - 1]]
        assert got, r
        assert {x["bSide"] for x in got} >= {"ab"[int(r["sidea2"]) - 1]}, (r, got)
        assert any(x["aInitiated"] == ("true" if r["initiator1"] == "1" else "false") for x in got)
        if r["batdeath1"] not in ("", "-9"):
            assert r["batdeath1"] in {x["battleDeaths"] for x in got}, (r, got)
        if r["outcome1"]:
            assert slug("war-outcome", r["outcome1"]) in {x["outcome"] for x in got}, (r, got)


# -- GML MID -----------------------------------------------------------------------------------


def _date(y: str, m: str, d: str) -> tuple[str, str]:
    if d == "-9":
        return f"{int(y):04d}-{int(m):02d}", "month"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}", "day"


def test_dispute_participants_match_the_mid_rows(built_store: ox.Store, periods) -> None:  # noqa: ANN001
    import datetime as dt

    rows = read("gml_part.csv")
    for r in random.Random(SEED).sample(rows, 25):
        day = int(r["stday"]) if r["stday"] != "-9" else int(r["dummy_stday"])
        when = dt.date(int(r["styear"]), int(r["stmon"]), day)
        a = periods.entity("cow", int(r["ccode"]), when)
        start, start_prec = _date(r["styear"], r["stmon"], r["stday"])
        end, end_prec = _date(r["endyear"], r["endmon"], r["endday"])
        got = [x for x in run(built_store, "wars-and-disputes", a=a)
               if x["kind"] == "dispute" and x["number"] == r["dispnum"] and x["aStart"] == start
               and x["aEnd"] == end]
        assert len(got) == 1, (r, got)
        g = got[0]
        assert (g["aStartPrecision"], g["aEndPrecision"]) == (start_prec, end_prec)
        assert g["aSide"] == ("a" if r["sidea"] == "1" else "b")
        assert g["aInitiated"] == ("true" if r["orig"] == "1" else "false")
        assert g["highestAction"] == slug("mid-action", r["hiact"])
        if r["obsid_start"]:
            assert g.get("aLeader") == leader_iri(r["obsid_start"]), (r, g)
        # the imputed day is kept apart, never as a day-precision date
        imputed = [t.object.value for t in built_store.quads_for_pattern(
            ox.NamedNode(g["aEpisode"]), ox.NamedNode("https://diplograph.org/ontology#imputedStartDate"),
            None)]
        if r["stday"] == "-9":
            assert imputed == [f"{start}-{int(r['dummy_stday']):02d}"], (r, imputed)
        else:
            assert imputed == []


# -- Thompson–Dreyer ---------------------------------------------------------------------------


def test_rivalries_match_the_rows(built_store: ox.Store, periods) -> None:  # noqa: ANN001
    for r in random.Random(SEED).sample(read("td_rivalries.csv"), 40):
        first = int(r["styear"])
        a = entity_in_year(periods, "cow", int(r["ccode1"]), first)
        b = entity_in_year(periods, "cow", int(r["ccode2"]), first)
        if a is None or b is None:
            continue  # noted in the graph: the first years name no state
        got = [x for x in run(built_store, "state-rivalries", state=a)
               if x["number"] == r["rivalryno"] and x["start"] == r["styear"]]
        assert len(got) == 1, r
        g = got[0]
        assert g["rival"] == b
        assert set(g["types"].split(",")) == {r[t] for t in ("type1", "type2", "type3") if r[t]}
        assert g["primaryType"] == r["type1"]
        assert int(g["end"]) <= int(r["endyear"])


# -- UCDP --------------------------------------------------------------------------------------


def test_conflicts_in_a_year_match_the_ucdp_rows(built_store: ox.Store, periods) -> None:  # noqa: ANN001
    rows = read("ucdp_acd.csv")
    for r in random.Random(SEED).sample(rows, 25):
        y = int(r["year"])
        a = entity_in_year(periods, "gw", int(r["gwno_a"]), y)
        got = [x for x in run(built_store, "conflicts-in-year", year=r["year"], state=a)
               if x["conflictId"] == r["conflict_id"]]
        assert len(got) == 1, r
        g = got[0]
        assert key(a) in g["sideA"].split(",")
        for col, field in (("gwno_b", "sideB"), ("gwno_a_2nd", "supportersA"),
                           ("gwno_b_2nd", "supportersB")):
            if r[col]:
                e = entity_in_year(periods, "gw", int(r[col]), y)
                if e:
                    assert key(e) in g[field].split(","), (r, g)
        assert g["intensity"] == slug("intensity", r["intensity_level"])
        assert g["type"] == slug("conflict-type", r["type_of_conflict"])
        incs = {"territory", "government"} if r["incompatibility"] == "both" else {r["incompatibility"]}
        assert set(g["incompatibility"].split(",")) == incs


# -- the world of one state in one year ---------------------------------------------------------


def test_world_for_state_has_the_leader_alliances_and_rivalries(built_store: ox.Store, periods) -> None:  # noqa: ANN001, E501
    import datetime as dt

    leaders = [r for r in read("archigos.csv") if r["startdate"][:4] == r["enddate"][:4]
               or int(r["enddate"][:4]) - int(r["startdate"][:4]) >= 1]
    for r in random.Random(SEED).sample(leaders, 6):
        start = dt.date.fromisoformat(r["startdate"])
        state = periods.entity("gw", int(r["gwcode"]), start)
        if state is None:
            continue
        rows = run(built_store, "world-for-state", state=state, year=str(start.year))
        assert leader_iri(r["obsid"]) in {x["item"] for x in rows if x["aspect"] == "leader"}, r
    # an alliance row and a rivalry row of the data appear in the world of that year
    for r in random.Random(SEED).sample(read("td_rivalries.csv"), 4):
        y = (int(r["styear"]) + int(r["endyear"])) // 2
        a = entity_in_year(periods, "cow", int(r["ccode1"]), y)
        b = entity_in_year(periods, "cow", int(r["ccode2"]), y)
        if a and b:
            rows = run(built_store, "world-for-state", state=a, year=str(y))
            assert b in {x["item"] for x in rows if x["aspect"] == "rivalry"}, r


# -- SHACL, provenance and bad input -----------------------------------------------------------


@pytest.mark.parametrize("module", [atop, cow_wars, mid, rivalries, ucdp], ids=lambda m: m.DATASET.name)
def test_a_sample_of_each_data_set_conforms_to_the_shapes(module, periods) -> None:  # noqa: ANN001
    from diplograph.ontology.shacl import check

    quads = list(parsed(module.quads(DATA, periods, lambda _m: None), module.DATASET.graph))
    # each quad's subject read once (a term's value is a new string at each read), and the
    # nodes under a sampled fact found by one pattern of every fact's prefix: the same quads
    # as a test of each prefix in turn, at about a third of the CPU (docs/testing.md,
    # "Session 20")
    subjects = [q.subject.value for q in quads]
    facts = [s for s, q in zip(subjects, quads)
             if q.predicate.value.endswith("#factType")][:: 97][:12]
    keep = set(facts)
    refs = {q.object.value for s, q in zip(subjects, quads)
            if s in keep and isinstance(q.object, ox.NamedNode)}
    under = re.compile("|".join(re.escape(f + "/") for f in facts))
    g = rdflib.Graph()
    chosen = [q for s, q in zip(subjects, quads) if s in keep or s in refs or under.match(s)]
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in chosen],
                      format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=nt.decode(), format="nt")
    assert len(g) > 50
    assert check(g) == []


def test_every_fact_cites_its_rows(built_store: ox.Store) -> None:
    dg, prov = "https://diplograph.org/ontology#", "http://www.w3.org/ns/prov#"
    for name in ("atop", "mid", "cow-wars", "ucdp", "rivalries"):
        g = f"<https://diplograph.org/graph/dataset/{name}>"

        def count(pattern: str, g: str = g) -> int:
            q = f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ GRAPH {g} {{ {pattern} }} }}"
            return int(next(iter(built_store.query(q)))["n"].value)

        facts = count(f"?f <{dg}factType> ?t")
        cited = count(f"?f <{dg}factType> ?t ; <{prov}wasDerivedFrom> ?r . "
                      f"?r <{dg}rows> ?rows ; <{dg}file> ?file")
        assert facts > 50 and cited == facts, (name, facts, cited)


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(PS, dest / "peace-science")
    return dest


def _edit(path: Path, line: int, column: str, value: str | None) -> None:
    """Set one cell (line is the CSV line, header = 1), or drop a column (value None). A cell
    is set by reading the records up to its line and copying the rest of the file as it is
    (re-writing the 6 MB ATOP file whole cost about 0.4 s of CPU a case: docs/testing.md,
    "Session 18")."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        rows = [next(reader) for _ in range(line if value is not None else 1)]
        i = rows[0].index(column)
        if value is None:
            rows += reader
            rows = [r[:i] + r[i + 1:] for r in rows]
            rest = ""
        else:
            rows[line - 1][i] = value
            rest = fh.read()  # the records after the line, unchanged
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
        fh.write(rest)


@pytest.mark.parametrize(
    ("module", "file", "line", "column", "value", "message"),
    [
        (atop, "atop_alliance.csv", 1, "atop_consul", None, ":1: atop_consul: missing column"),
        (atop, "atop_alliance.csv", 7, "ccode1", "2x", ":7: ccode1: '2x' is not a whole number"),
        (atop, "atop_alliance.csv", 9, "ccode2", "999", ":9: ccode2: unknown COW state code 999"),
        (atop, "atop_alliance.csv", 5, "year", "1700", ":5: year: 1700 is out of range"),
        (cow_wars, "cow_war_inter.csv", 4, "sidea1", "3", ":4: sidea1: 3 is out of range"),
        (mid, "gml_part.csv", 10, "stmon", "13", ":10: stmon: 13 is out of range"),
        (mid, "gml_mid_disps.csv", 6, "hiact", "abc", ":6: hiact: 'abc' is not a whole number"),
        (rivalries, "td_rivalries.csv", 3, "type1", "friendly", ":3: type1: 'friendly' is not"),
        (ucdp, "ucdp_acd.csv", 12, "intensity_level", "3", ":12: intensity_level: 3 is out of range"),
        (ucdp, "ucdp_acd.csv", 20, "gwno_a", "2, 9999", ":20: gwno_a: 9999 is out of range"),
    ],
)
def test_bad_input_is_refused_with_file_line_and_column(
    tmp_path: Path, periods, module, file, line, column, value, message  # noqa: ANN001
) -> None:
    data = _copy(tmp_path)
    _edit(data / "peace-science" / file, line, column, value)
    with pytest.raises(DiplographError) as err:
        list(module.quads(data, periods, lambda _m: None))
    assert err.value.kind == "bad-input"
    assert f"peace-science/{file}{message}" in str(err.value), str(err.value)


def test_rows_label_and_precision_of_dates() -> None:
    assert rows_label([40, 12, 13, 14, 19]) == "12-14,19,40"
    assert concept("obligation", "atop_nonagg").endswith("/obligation/non-aggression")


TREATY = """format: diplograph-facts/1
document:
  id: treaty-test
  file: treaty-test.txt
  title: Treaty test
  language: en
facts:
  - id: treaty-1966
    type: agreement
    quote: "Mongolia and the Soviet Union signed a treaty of mutual assistance in 1966"
    instrument: treaty
    parties: [Mongolia, Soviet Union]
    signed: "1966"
    obligations: [defence, consultation]
"""


def test_a_document_treaty_and_atop_spells_answer_together(store_copy: Path, tmp_path: Path) -> None:
    """An agreement from a document carries dg:obligation of the scheme ATOP spells use, so the
    named query state-alliances returns both (the text here is a test document)."""
    from diplograph.loaders.facts import load_facts_file

    (tmp_path / "treaty-test.txt").write_text(
        "Mongolia and the Soviet Union signed a treaty of mutual assistance in 1966.", encoding="utf-8"
    )
    facts = tmp_path / "treaty-test.facts.yaml"
    facts.write_text(TREATY, encoding="utf-8")
    store = ox.Store(str(store_copy))
    load_facts_file(store, facts)
    rows = run(store, "state-alliances", state="MNG", date="1970")
    sun = [r for r in rows if r["partner"].endswith("/state/SUN")]
    kinds = {r["kind"]: r for r in sun}
    assert set(kinds) == {"agreement", "atop-spell"}, sun
    assert set(kinds["agreement"]["obligations"].split(",")) == {"defence", "consultation"}
    assert kinds["agreement"]["source"].endswith("/source/treaty-test")
    assert "defence" in kinds["atop-spell"]["obligations"].split(",")
