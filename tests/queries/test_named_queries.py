"""Every named query in queries/ has a test here, over the graph built from the two documents."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.named_queries import bind, get_query, list_queries, substitutions
from diplograph.graph.query import select

from ..conftest import SOURCES

VI_DOC = "https://diplograph.org/id/source/vn-mn-relations-2023"
EN_DOC = "https://diplograph.org/id/source/wikipedia-foreign-relations-of-mongolia"


def run(store: ox.Store, name: str, **args: str) -> list[dict[str, str]]:
    q = get_query(name)
    rows = select(store, q.text, substitutions(bind(q, args, store=store)))
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


# -- states across time: leaders and capitals (#17, compared with the data files' own rows) --


def _csv_rows(name: str) -> list[dict[str, str]]:
    import csv

    from diplograph.loaders.registry import default_data_dir

    with (default_data_dir() / "peace-science" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _random_day(rng, start: str, end: str):  # noqa: ANN001, ANN202
    import datetime as dt

    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def test_state_leaders_in_office_match_archigos_rows(built_store: ox.Store) -> None:
    """For Archigos rows picked at random (fixed seed) and a random day of each tenure: the
    leaders the query finds in office that day are exactly the rows of that G-W code whose
    tenure covers the day, attributed to the state that existed then."""
    import random

    from diplograph.loaders.archigos import leader_iri
    from diplograph.loaders.state_periods import StatePeriods

    periods = StatePeriods.load()
    rows = _csv_rows("archigos.csv")
    rng = random.Random(17)
    checked = 0
    for row in rng.sample(rows, 40):
        day = _random_day(rng, row["startdate"], row["enddate"])
        state = periods.entity("gw", int(row["gwcode"]), day)
        if state is None:
            continue
        want = {
            leader_iri(r["obsid"]) for r in rows
            if periods.entity("gw", int(r["gwcode"]), day) == state
            and r["startdate"] <= day.isoformat() <= r["enddate"]
        }
        got = run(built_store, "state-leaders", state=state, **{"from": day.isoformat(),
                                                                "to": day.isoformat()})
        assert {r["leader"] for r in got} == want, (row["obsid"], day)
        assert leader_iri(row["obsid"]) in want
        checked += 1
    assert checked >= 30


def test_state_leaders_of_the_ussr_and_russia(built_store: ox.Store) -> None:
    """Code 365's tenures go to the entity of their dates: the USSR has Gorbachev, Russia has
    Putin, and no USSR tenure runs past 25 December 1991."""
    ussr = run(built_store, "state-leaders", state="USSR")
    assert "Gorbachev" in {r["name"] for r in ussr}
    assert all(r["end"] <= "1991-12-25" and r["start"] >= "1922-12-30" for r in ussr)
    russia = run(built_store, "state-leaders", state="Russia", **{"from": "2000-06-01"})
    assert "Putin" in {r["name"] for r in russia}
    assert all(r["start"] >= "1991-12-26" for r in russia)
    entries = {r["entry"] for r in ussr if "entry" in r}  # a split tenure: on its first part
    assert entries and entries <= {"regular", "irregular", "foreign-imposition", "unknown"}


def test_state_capital_matches_capital_rows(built_store: ox.Store) -> None:
    """For COW capital rows picked at random (fixed seed) and a random day of each span: the
    query's capital of that state on that day is the city of every row covering the day."""
    import random

    from diplograph.loaders.capitals import place_slug
    from diplograph.loaders.state_periods import StatePeriods

    periods = StatePeriods.load()
    rows = _csv_rows("cow_capitals.csv")
    rng = random.Random(1917)
    checked = 0
    for row in rng.sample(rows, 40):
        day = _random_day(rng, row["stdate"], row["enddate"])
        state = periods.entity("cow", int(row["ccode"]), day)
        if state is None:
            continue
        want = {
            "https://diplograph.org/id/place/" + place_slug(r["capital"]) for r in rows
            if periods.entity("cow", int(r["ccode"]), day) == state
            and r["stdate"] <= day.isoformat() <= r["enddate"]
        }
        got = run(built_store, "state-capital", state=state, date=day.isoformat())
        assert {r["capital"] for r in got} == want, (row["ccode"], row["capital"], day)
        assert all(r["wkt"].startswith("POINT(") for r in got)
        checked += 1
    assert checked >= 30


def test_state_capital_across_time(built_store: ox.Store) -> None:
    moscow = run(built_store, "state-capital", state="Liên Xô", date="1960-05-01")
    assert [r["capitalLabel"] for r in moscow] == ["Moscow"]
    assert run(built_store, "state-capital", state="RUS", date="1960-05-01") == []
    empire = run(built_store, "state-capital", state="RUSSIAN-EMPIRE", date="1900")
    assert [r["capitalLabel"] for r in empire] == ["Saint Petersburg"]
    hanoi = run(built_store, "state-capital", state="VDR", date="1960")
    assert [r["capitalLabel"] for r in hanoi] == ["Hanoi"]


def test_every_named_query_is_tested_and_documented() -> None:
    """Each query is run by name in some test (read from the test files, so the answer does not
    depend on which tests ran before this one) and has a description and a README line."""
    import re

    tests = Path(__file__).resolve().parents[1]
    runs = re.compile(r"""\brun\(\s*\w+,\s*["']([\w-]+)["']""")
    ran = {m.group(1) for f in tests.rglob("test_*.py")
           for m in runs.finditer(f.read_text(encoding="utf-8"))}
    missing = {q.name for q in list_queries()} - ran
    assert not missing, f"named queries without a test: {missing}"
    readme = (Path(__file__).resolve().parents[2] / "queries" / "README.md").read_text(encoding="utf-8")
    for q in list_queries():
        assert q.description, q.name
        assert f"`{q.name}`" in readme, f"{q.name} has no line in queries/README.md"
