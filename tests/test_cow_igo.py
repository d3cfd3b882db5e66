"""COW IGO v3 membership spells as dg:Membership facts (real data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph
import pytest

from diplograph.loaders.cow_igo import COW_GRAPH, cow_membership_quads, fact_iri
from diplograph.loaders.registry import default_data_dir, load_registry, org_for_cow, state_for_cow

SPELLS = default_data_dir() / "cow-igo-v3" / "state_igo_membership_spells.csv"


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def test_every_code_and_ioname_maps(reg):
    with SPELLS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 19042
    for ccode in {int(r["ccode"]) for r in rows}:
        assert state_for_cow(reg, ccode).kind in ("state", "historical-state")
    for ioname in {r["ioname"] for r in rows}:
        assert org_for_cow(reg, ioname).kind in ("organisation", "forum", "ngo")
    assert state_for_cow(reg, 816).key == "VNM"
    assert state_for_cow(reg, 817).key == "RVN"
    assert state_for_cow(reg, 712).key == "MNG"
    assert org_for_cow(reg, "WTO").key == "WTrO"
    assert org_for_cow(reg, "WTOURO").key == "WToO"
    assert org_for_cow(reg, "ICC").key == "ICCt"
    assert org_for_cow(reg, "INTELSAT").key == "Intelsat"


def test_quads_in_store(reg, tmp_path: Path):
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.bulk_extend(cow_membership_quads(reg))
    n = list(
        store.query(
            "PREFIX dg: <https://diplograph.org/ontology#> "
            "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { ?f a dg:Membership } }"
        )
    )
    assert int(n[0]["n"].value) == 19042
    un = fact_iri(712, "UN", 1961)
    q = f"""PREFIX org: <http://www.w3.org/ns/org#> PREFIX dg: <https://diplograph.org/ontology#>
    SELECT ?m ?o ?role ?start ?end ?row WHERE {{ GRAPH <{COW_GRAPH}> {{ <{un}> org:member ?m ;
      org:organization ?o ; org:role ?role ; dg:startDate ?start ; dg:sourceRow ?row
      OPTIONAL {{ <{un}> dg:endDate ?end }} }} }}"""
    rows = list(store.query(q))
    assert len(rows) == 1
    r = rows[0]
    assert r["m"].value == "https://diplograph.org/id/state/MNG"
    assert r["o"].value == "https://diplograph.org/id/org/UN"
    assert r["role"].value == "https://diplograph.org/id/concept/role/full"
    assert r["start"].value == "1961" and r["start"].datatype.value.endswith("#gYear")
    assert r["end"] is None, "a spell that reaches the end of coverage (2014) is still going on"
    assert int(r["row"].value) >= 2


def test_deterministic(reg):
    a = [str(q) for q in cow_membership_quads(reg)]
    assert a[:200] == [str(q) for q in list(cow_membership_quads(reg))[:200]]
    assert (
        len({str(q.subject) for q in cow_membership_quads(reg) if "/fact/" in str(q.subject)})
        == 19042
    )
