"""COW IGO v3 membership spells as dg:Membership facts (real data), attributed to the state
that existed then."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph
import pytest

from diplograph.loaders.build import replace_streamed
from diplograph.loaders.cow_igo import COW_GRAPH, fact_iri, quads
from diplograph.loaders.registry import (
    clean_cow_igo_name,
    default_data_dir,
    load_registry,
    org_for_cow,
    state_for_cow,
)
from diplograph.loaders.state_periods import StatePeriods

SPELLS = default_data_dir() / "cow-igo-v3" / "state_igo_membership_spells.csv"
META = default_data_dir() / "cow-igo-v3" / "igo_meta.csv"
PREFIXES = (
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX dg: <https://diplograph.org/ontology#> "
    "PREFIX dgr: <https://diplograph.org/id/> PREFIX prov: <http://www.w3.org/ns/prov#> "
)


@pytest.fixture(scope="module")
def reg():
    return load_registry()


@pytest.fixture(scope="module")
def periods():
    return StatePeriods.load()


@pytest.fixture(scope="module")
def rows():
    with SPELLS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def store(periods):
    """The loader's graph written by the build's own replacement, into a store in memory (the
    claims are the facts, not the disk: 1.35 s of CPU where a store on disk took 3.7-4.0 s;
    docs/testing.md, "Session 18")."""
    s = pyoxigraph.Store()
    replace_streamed(s, COW_GRAPH, quads(default_data_dir(), periods))
    return s


def test_every_code_and_ioname_maps(reg, rows):
    assert len(rows) == 19042
    for ccode in {int(r["ccode"]) for r in rows}:
        assert state_for_cow(reg, ccode).kind in ("state", "historical-state")
    for ioname in {r["ioname"] for r in rows}:
        assert org_for_cow(reg, ioname).kind in ("organisation", "forum", "ngo")
    assert state_for_cow(reg, 817).key == "RVN"
    assert org_for_cow(reg, "WTO").key == "WTrO"
    assert org_for_cow(reg, "WTOURO").key == "WToO"
    assert org_for_cow(reg, "ICC").key == "ICCt"
    assert org_for_cow(reg, "INTELSAT").key == "Intelsat"


def test_one_fact_per_row_and_entity(store, rows, periods):
    """Each row gives one fact per state entity its years cover (state-periods.csv)."""
    expected = sum(
        sum(1 for _, _, iri in periods.split_years(
            "cow", int(r["ccode"]), int(r["start_year"]), int(r["end_year"])) if iri)
        for r in rows
    )
    n = list(store.query(PREFIXES + "SELECT (COUNT(DISTINCT ?f) AS ?n) "
                                    "WHERE { GRAPH ?g { ?f a dg:Membership } }"))
    assert int(n[0]["n"].value) == expected > len(rows)


def test_mongolia_in_the_un(store):
    un = fact_iri(712, "UN", 1961)
    q = f"""{PREFIXES}
    SELECT ?m ?o ?role ?start ?end ?row WHERE {{ GRAPH <{COW_GRAPH}> {{ <{un}> org:member ?m ;
      org:organization ?o ; org:role ?role ; dg:startDate ?start ; dg:sourceRow ?row
      OPTIONAL {{ <{un}> dg:endDate ?end }} }} }}"""
    rows = list(store.query(q, use_default_graph_as_union=True))
    assert len(rows) == 1
    r = rows[0]
    assert r["m"].value == "https://diplograph.org/id/state/MNG"
    assert r["o"].value == "https://diplograph.org/id/org/UN"
    assert r["role"].value == "https://diplograph.org/id/concept/role/full"
    assert r["start"].value == "1961" and r["start"].datatype.value.endswith("#gYear")
    assert r["end"] is None, "a spell that reaches the end of coverage (2014) is still going on"
    assert int(r["row"].value) >= 2


def test_warsaw_pact_is_the_ussrs_not_russias(store, reg):
    wp = org_for_cow(reg, "WPact").iri
    q = PREFIXES + f"""SELECT ?m WHERE {{ ?f org:member ?m ; org:organization <{wp}> }}"""
    members = {r["m"].value.rsplit("/", 1)[1] for r in store.query(q, use_default_graph_as_union=True)}
    assert "SUN" in members and "RUS" not in members
    assert "DDR" in members and "DEU" not in members


def test_a_spell_across_a_boundary_is_split_and_cites_one_row(store, rows, periods):
    """Every row of code 365 whose years straddle 1991/1992 gives a USSR part and a Russia
    part (and earlier ones for a spell from before 1922), all citing the same CSV line."""
    lines = [i for i, r in enumerate(rows, start=2) if r["ccode"] == "365"
             and int(r["start_year"]) <= 1991 < int(r["end_year"])]
    assert lines
    for line in lines[:20]:
        q = PREFIXES + f"""SELECT ?m WHERE {{ ?f dg:sourceRow {line} ; org:member ?m }}"""
        got = sorted(r["m"].value.rsplit("/", 1)[1] for r in store.query(q, use_default_graph_as_union=True))
        r = rows[line - 2]
        want = sorted(iri.rsplit("/", 1)[1] for _, _, iri in periods.split_years(
            "cow", 365, int(r["start_year"]), int(r["end_year"])) if iri)
        assert {"RUS", "SUN"} <= set(got) and got == want, (line, got)


def test_deterministic(periods):
    a = [str(q) for q in quads(default_data_dir(), periods)]
    assert a[:500] == [str(q) for q in list(quads(default_data_dir(), periods))[:500]]


def test_igo_names_fixed_and_reported(store, reg):
    """Names with Mac Roman mojibake or cut off at 80 characters take a clean or the registry's
    full name; each fix is recorded with dg:note on the organisation in the data set graph."""
    with META.open(encoding="utf-8") as fh:
        meta = {r["ioname"]: r for r in csv.DictReader(fh)}
    assert org_for_cow(reg, "IRENA").label == "International Renewable Energy Agency"
    assert "Berne Uni" not in " ".join(
        [org_for_cow(reg, "IUPLAW").label, *(a for a, _ in org_for_cow(reg, "IUPLAW").aliases)])
    defective = {k for k, r in meta.items()
                 if clean_cow_igo_name(r["orgname"])[1] or clean_cow_igo_name(r["longorgname"])[1]}
    assert {"IRENA", "IUPLAW", "CEMAC"} <= defective
    q = PREFIXES + f"""SELECT ?o WHERE {{ GRAPH <{COW_GRAPH}> {{ ?o dg:note ?n }}
        FILTER(STRSTARTS(STR(?o), "https://diplograph.org/id/org/")) }}"""
    noted = {r["o"].value for r in store.query(q, use_default_graph_as_union=True)}
    assert noted == {org_for_cow(reg, k).iri for k in defective}
    for e in (org_for_cow(reg, k) for k in defective):
        assert "\u00ca" not in e.label and "\x8e" not in e.label


def test_implausible_spells_are_noted(store, rows):
    """A spell that ends after its IGO was dissolved carries a dg:note saying so."""
    with META.open(encoding="utf-8") as fh:
        dead = {r["ioname"]: int(float(r["deaddate"])) for r in csv.DictReader(fh)
                if r["deaddate"]}
    late = [i for i, r in enumerate(rows, start=2)
            if r["ioname"] in dead and int(r["end_year"]) > dead[r["ioname"]]]
    assert late
    for line in late[:10]:
        q = PREFIXES + f"""SELECT ?n WHERE {{ ?f dg:sourceRow {line} ; dg:note ?n }}"""
        notes = [r["n"].value for r in store.query(q, use_default_graph_as_union=True)]
        assert any("after" in n and "dissolved" in n for n in notes), line


def test_bad_row_is_refused_with_file_row_and_column(tmp_path: Path, periods):
    d = tmp_path / "data"
    (d / "cow-igo-v3").mkdir(parents=True)
    (d / "cow-igo-v3" / "igo_meta.csv").write_bytes(META.read_bytes())
    text = SPELLS.read_text(encoding="utf-8").splitlines()
    parts = text[3].split(",")
    parts[5] = "19x9"
    text[3] = ",".join(parts)
    (d / "cow-igo-v3" / "state_igo_membership_spells.csv").write_text("\n".join(text) + "\n")
    from diplograph.graph.errors import DiplographError

    with pytest.raises(DiplographError) as err:
        list(quads(d, periods))
    assert "cow-igo-v3/state_igo_membership_spells.csv:4: start_year: '19x9'" in str(err.value)
