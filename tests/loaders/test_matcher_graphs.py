"""What the build writes for the name matcher of the server (``linking/reference.py``): each
state list's abbreviation and name on its spells, each capital spell's COW code, and OWID's
countries and territories as places; every graph conforms to the shapes."""

from __future__ import annotations

import csv

import pyoxigraph as ox
import pytest
import rdflib

from diplograph.loaders import capitals, places, state_systems
from diplograph.loaders.datasets import parsed
from diplograph.loaders.registry import default_data_dir
from diplograph.loaders.state_periods import StatePeriods
from diplograph.ontology.shacl import check

DATA = default_data_dir()
DG = "https://diplograph.org/ontology#"


@pytest.fixture(scope="module")
def graphs() -> dict[str, list[ox.Quad]]:
    periods = StatePeriods.load()
    return {m.DATASET.name: list(parsed(m.quads(DATA, periods, lambda _m: None), m.DATASET.graph))
            for m in (capitals, state_systems, places)}


def _values(quads: list[ox.Quad], prop: str) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in quads if q.predicate.value == prop}


def test_state_system_spells_carry_the_lists_abbreviation_and_name(graphs) -> None:
    quads = graphs["state-systems"]
    abbrev, name = _values(quads, DG + "systemAbbreviation"), _values(quads, DG + "systemStateName")
    code = _values(quads, DG + "systemCode")
    assert set(abbrev) == set(name) == set(code)
    mne = [f for f in abbrev if f.rsplit("/", 1)[1].startswith("cow-341-")]
    assert mne and all(abbrev[f] == "MNG" and name[f] == "Montenegro" for f in mne)
    with (DATA / state_systems.GW_FILE).open(encoding="utf-8", newline="") as fh:
        gw = {(r["gwcode"], r["stateabb"]) for r in csv.DictReader(fh)}
    assert {(code[f], abbrev[f]) for f in abbrev if "/gw-" in f} == gw


def test_capital_spells_carry_their_cow_code(graphs) -> None:
    quads = graphs["cow-capitals"]
    spells = {q.subject.value for q in quads if q.object.value == DG + "CapitalSpell"}
    codes = _values(quads, DG + "stateCode")
    assert set(codes) == spells
    # the code is the row's: the one in the spell's stable IRI (docs/model.md)
    assert all(codes[f] == f.rsplit("/", 1)[1].split("-")[0] for f in spells)


def test_places_are_the_rows_with_an_iso_code(graphs) -> None:
    quads = graphs["owid-countries-regions"]
    labels = _values(quads, "http://www.w3.org/2000/01/rdf-schema#label")
    codes = _values(quads, "http://www.w3.org/2004/02/skos/core#notation")
    with (DATA / places.FILE).open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["iso_alpha3"]]
    assert sorted(codes.values()) == sorted(r["iso_alpha3"] for r in rows)
    assert labels[places.place_iri("GUM")] == "Guam" and codes[places.place_iri("GUM")] == "GUM"
    derived = {q.subject.value for q in quads
               if q.predicate.value == "http://www.w3.org/ns/prov#wasDerivedFrom"}
    assert set(codes) <= derived


@pytest.mark.parametrize("name", ["cow-capitals", "state-systems", "owid-countries-regions"])
def test_the_graphs_conform_to_the_shapes(graphs, name: str) -> None:
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in graphs[name]],
                      format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=nt.decode(), format="nt")
    assert len(g) > 1000 and check(g) == []
