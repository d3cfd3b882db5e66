"""Every named query in queries/ has a test here, over the graph built from the two documents."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.named_queries import bind, get_query, list_queries, substitutions
from diplograph.graph.query import select

from .conftest import SOURCES

VI_DOC = "https://diplograph.org/id/source/vn-mn-relations-2023"
EN_DOC = "https://diplograph.org/id/source/wikipedia-foreign-relations-of-mongolia"
TESTED: set[str] = set()


def run(store: ox.Store, name: str, **args: str) -> list[dict[str, str]]:
    TESTED.add(name)
    q = get_query(name)
    rows = select(store, q.text, substitutions(bind(q, args)))
    return [{k: v.value for k, v in row.items()} for row in rows]


def test_state_memberships(built_store: ox.Store) -> None:
    rows = run(built_store, "state-memberships", state="Mông Cổ")
    en = [r for r in rows if r["source"] == EN_DOC]
    orgs = {r["key"] for r in en}
    assert len({r["organization"] for r in en}) >= 40, orgs
    observers = {
        r["organization"].rsplit("/", 1)[1] for r in en if "observer" in r["roles"].split(",")
    }
    assert observers == {"ASEAN", "SCO"}
    un = [r for r in en if r["organization"].endswith("/org/UN") and r.get("start")]
    assert un and un[0]["start"] == "1961" and un[0]["startPrecision"] == "year"
    assert "1961" in un[0]["quote"]
    foss = [r for r in en if "founding" in r["roles"]]
    assert foss and foss[0]["start"] == "1992"
    # COW IGO v3 is a second source: it dates Mongolia's UN membership from 1961 too
    cow = [
        r
        for r in rows
        if r["source"].endswith("/dataset/cow-igo-v3") and r["organization"].endswith("/org/UN")
    ]
    assert cow and cow[0]["start"] == "1961"


def test_state_relations(built_store: ox.Store) -> None:
    rows = run(built_store, "state-relations", state="MNG")
    by_partner = {r["partner"].rsplit("/", 1)[1]: r for r in rows}
    vn = by_partner["VNM"]
    assert (vn["date"], vn["datePrecision"], vn["status"]) == ("1954-11-17", "day", "established")
    assert "17/11/1954" in vn["quote"]
    assert (
        {"VAT", "PSE"} <= set(by_partner)
        or {"holy-see", "PSE"} <= set(by_partner)
        or len([p for p in by_partner if p not in ("VNM",)]) >= 3
    )
    eu = [r for r in rows if r["partner"].endswith("/org/EU")]
    assert eu and eu[0]["source"] == EN_DOC and "European Union" in eu[0]["quote"]


def test_agreements_by_party_year_and_field(built_store: ox.Store) -> None:
    rows = run(built_store, "agreements", party="Mongolia", year="1991")
    agreements = {r["agreement"] for r in rows}
    assert len(agreements) == 3
    partners = " ".join(r["parties"] for r in rows)
    for country in ("Germany", "France", "United Kingdom"):
        assert country in partners
    assert all(r["signed"] == "1991" and r["signedPrecision"] == "year" for r in rows)
    defence = run(built_store, "agreements", field="defence")
    assert len({r["agreement"] for r in defence}) == 1
    d = defence[0]
    assert (d["signed"], d["signedPrecision"], d["instrument"]) == (
        "2019-11",
        "month",
        "thoa-thuan",
    )
    assert d.get("signedAt"), "the defence agreement points to the visit it was signed at"
    everything = run(built_store, "agreements")
    assert len({r["agreement"] for r in everything}) >= 6


def test_events_in_range(built_store: ox.Store) -> None:
    rows = run(built_store, "events-in-range", **{"from": "2019-11", "to": "2019-11"})
    visits = [r for r in rows if r["eventType"] == "visit"]
    assert len(visits) == 1
    v = visits[0]
    assert v["date"] == "2019-11" and v["datePrecision"] == "month"
    assert "Mongolia (visitor)" in v["participants"] and "Vietnam (host)" in v["participants"]
    none = run(built_store, "events-in-range", **{"from": "1800", "to": "1850"})
    assert none == []
    with pytest.raises(DiplographError, match="parameter 'from'"):
        run(built_store, "events-in-range", **{"from": "November"})


def test_trade_series(built_store: ox.Store) -> None:
    rows = run(built_store, "trade-series", a="Vietnam", b="Mongolia")
    assert [r["period"] for r in rows] == ["1990s", "2020", "2021", "2022", "2023-01/2023-08"]
    decade = rows[0]
    assert decade["periodPrecision"] == "decade"
    assert (decade["valueMin"], decade["valueMax"], decade["valueUSDMin"]) == ("5", "6", "5000000")
    assert [r.get("value") for r in rows[1:]] == ["50", "80", "85", "75"]
    assert rows[-1]["partial"] == "true" and rows[-1]["periodEnd"] == "2023-08-31"
    swapped = run(built_store, "trade-series", a="Mongolia", b="Vietnam")
    assert [(r["obs"], r["period"]) for r in swapped] == [(r["obs"], r["period"]) for r in rows]


def test_document_facts_match_the_text(built_store: ox.Store) -> None:
    text = (SOURCES / "000_68460debbf1317d8.txt").read_text(encoding="utf-8")
    rows = run(built_store, "document-facts", document=VI_DOC)
    assert len(rows) >= 35
    for r in rows:
        assert text[int(r["start"]) : int(r["end"])] == r["quote"]


def test_source_disagreements(built_store: ox.Store) -> None:
    rows = run(built_store, "source-disagreements", member="Mongolia")
    assert rows, "COW IGO v3 and the Wikipedia list disagree somewhere"
    for r in rows:
        assert r["source1"] != r["source2"]
        assert r["kind"] in ("role", "start", "end")
        assert {r["source1"], r["source2"]} & {EN_DOC, VI_DOC}


def test_wikidata_qid(built_store: ox.Store) -> None:
    assert run(built_store, "wikidata-qid", entity="Mongolia")[0]["qid"] == "Q711"
    holy = run(built_store, "wikidata-qid", entity="Holy See")[0]
    assert (
        holy["qid"] == "Q159583"
        and holy["confidence"] == "verified"
        and holy["exactMatch"] == "true"
    )
    foss = run(built_store, "wikidata-qid", entity="Forum of Small States")[0]
    assert foss["confidence"] == "unverified" and "qid" not in foss


def test_claims_about(built_store: ox.Store) -> None:
    rows = run(built_store, "claims-about", actor="Mongolia")
    counts = [r for r in rows if r["claimType"] == "count"]
    assert any(r.get("count") == "192" and r["countScope"].endswith("/org/UN") for r in counts)
    assert any(r["modality"] == "hoped" and "most-favoured-nation" in r["quote"] for r in rows)


def test_entity_facts(built_store: ox.Store) -> None:
    rows = run(built_store, "entity-facts", entity="Vietnam")
    types = {r["type"] for r in rows}
    assert {"relation", "agreement", "event", "trade", "mechanism"} <= types


def test_injection_is_impossible(built_store: ox.Store) -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p "'
    with pytest.raises(DiplographError):
        run(built_store, "state-memberships", state=hostile)
    # a string parameter stays one literal that matches nothing
    assert run(built_store, "agreements", field=hostile) == []


def test_every_named_query_is_tested_and_documented() -> None:
    names = {q.name for q in list_queries()}
    missing = names - TESTED
    assert not missing, f"named queries without a test: {missing}"
    readme = (Path(__file__).parent.parent / "queries" / "README.md").read_text(encoding="utf-8")
    for q in list_queries():
        assert q.description, q.name
        assert f"`{q.name}`" in readme, f"{q.name} has no line in queries/README.md"
