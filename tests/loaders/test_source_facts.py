"""The two curated facts files load and answer the project's questions (issue: source facts).

A real on-disk pyoxigraph store is built from ``sources/*.facts.yaml`` with the real registry,
then asked in SPARQL (vocabulary of ``docs/model.md``) for dates, precisions, statuses,
parties and quotes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.namespaces import PREFIXES

facts_loader = pytest.importorskip("diplograph.loaders.facts")
registry_loader = pytest.importorskip("diplograph.loaders.registry")

SOURCES = Path(__file__).resolve().parents[2] / "sources"
VN_FILE = SOURCES / "000_68460debbf1317d8.facts.yaml"
EN_FILE = SOURCES / "001_cf5b56e9778579b3.facts.yaml"
VN_DOC = "vn-mn-relations-2023"
EN_DOC = "wikipedia-foreign-relations-of-mongolia"
PREFIX = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"
#: ``dgc:role/observer`` (model.md notation) is not a legal SPARQL prefixed name: expand it.
SLASHED = re.compile(r"\b(dgc|dgg):([A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)+)")

#: The CIA World Factbook list of the English article, in its order.
FACTBOOK_LIST = (
    "AsDB ASEAN ASEM CICA ESCAP FAO G-77 IAEA IBRD ICAO ICCt ICFTU ICRM IDA IFAD IFC IFRCS ILO "
    "IMF IMO Intelsat Interpol IOC ISO ITU NAM OPCW OSCE UN UNCTAD UNESCO UNIDO UPU WCO WHO WIPO "
    "WMO WToO WTrO SCO"
).split()


@pytest.fixture(scope="module")
def store(tmp_path_factory, registry) -> ox.Store:
    st = ox.Store(str(tmp_path_factory.mktemp("source-facts-store")))
    for path in (VN_FILE, EN_FILE):
        report = facts_loader.load_facts_file(st, path, registry)
        assert report.facts > 0
    return st


def iri(registry, name: str) -> str:
    """The registry IRI of a name, as the loader resolves it."""
    return registry.resolve(name).iri


def sparql(query: str) -> str:
    """Add the PREFIX lines and expand the slashed names of docs/model.md.

    >>> sparql("ASK { ?r org:role dgc:role/observer }").splitlines()[-1]
    'ASK { ?r org:role <https://diplograph.org/id/concept/role/observer> }'
    """
    return PREFIX + SLASHED.sub(lambda m: f"<{PREFIXES[m[1]]}{m[2]}>", query)


def select(store: ox.Store, query: str) -> list[dict[str, object]]:
    """Run a SELECT over the union of the named graphs; rows as {variable: python value}."""
    result = store.query(sparql(query), use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row: dict[str, object] = {}
        for name in names:
            term = solution[name]
            row[name] = None if term is None else term.value
        rows.append(row)
    return rows


def ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(sparql(query), use_default_graph_as_union=True))


def fact(doc: str, fid: str) -> str:
    return f"<https://diplograph.org/id/fact/{doc}/{fid}>"


# --- provenance: every quote points at its own place in the document -----------------------


@pytest.mark.parametrize(("path", "doc"), [(VN_FILE, VN_DOC), (EN_FILE, EN_DOC)], ids=["vi", "en"])
def test_every_quote_is_the_text_at_its_offsets(store, path, doc):
    text = (SOURCES / path.name.replace(".facts.yaml", ".txt")).read_text(encoding="utf-8")
    rows = select(
        store,
        f"""SELECT ?f ?quote ?start ?end ?exact ?ostart WHERE {{
              GRAPH dgg:source/{doc} {{
                ?f a dg:Fact ; dg:quote ?quote ; dg:quoteStart ?start ; dg:quoteEnd ?end .
                ?f ^oa:hasBody/oa:hasTarget/oa:hasSelector ?qs, ?ps .
                ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
                ?ps a oa:TextPositionSelector ; oa:start ?ostart .
              }} }}""",
    )
    assert len(rows) > 30
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert text[start:end] == r["quote"] == r["exact"], r["f"]
        assert int(r["ostart"]) == start


def test_fact_counts(store):
    rows = select(
        store,
        """SELECT ?g (COUNT(?f) AS ?n) WHERE { GRAPH ?g { ?f a dg:Fact } } GROUP BY ?g""",
    )
    counts = {r["g"].rsplit("/", 1)[-1]: int(r["n"]) for r in rows}
    assert counts[VN_DOC] >= 35
    assert counts[EN_DOC] >= 55


# --- Vietnamese article --------------------------------------------------------------------


def test_relations_established_1954_day_precision(store, registry):
    rows = select(
        store,
        f"""SELECT ?date ?prec ?status ?quote WHERE {{
              GRAPH dgg:source/{VN_DOC} {{
                ?f a dg:DiplomaticRelation ; dg:party <{iri(registry, "Vietnam")}>,
                     <{iri(registry, "Mongolia")}> ;
                   dg:relationStatus ?status ; dg:date ?date ; dg:datePrecision ?prec ;
                   dg:quote ?quote .
              }} }}""",
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["date"] == "1954-11-17"
    assert r["prec"] == "https://diplograph.org/id/concept/precision/day"
    assert r["status"].endswith("relation-status/established")
    assert "17/11/1954" in r["quote"]
    assert ask(
        store,
        f"""ASK {{ {fact(VN_DOC, "relations-established-1954")} dg:date ?d .
                   FILTER(datatype(?d) = xsd:date) }}""",
    )


def test_defence_agreement_signed_at_the_2019_visit(store, registry):
    mng, vnm = iri(registry, "Mongolia"), iri(registry, "Vietnam")
    rows = select(
        store,
        f"""SELECT ?signed ?prec ?title ?visitdate ?vprec ?office ?label ?place ?quote WHERE {{
              ?a a dg:Agreement ; dg:instrumentType dgc:instrument/thoa-thuan ;
                 dg:party <{vnm}>, <{mng}> ; dg:field dgc:field/defence ;
                 dg:signingDate ?signed ; dg:signingDatePrecision ?prec ;
                 dg:title ?title ; dg:signedAt ?visit ; dg:quote ?quote .
              FILTER(lang(?title) = "vi")
              ?visit a dg:DiplomaticEvent ; dg:eventType dgc:event-type/visit ;
                 dg:date ?visitdate ; dg:datePrecision ?vprec ; dg:place ?place ;
                 dg:participation ?visitor, ?host .
              ?visitor dg:actor <{mng}> ; dg:participantRole dgc:participant-role/visitor ;
                 dg:post ?post .
              ?post dg:office ?office ; rdfs:label ?label . FILTER(lang(?label) = "en")
              ?host dg:actor <{vnm}> ; dg:participantRole dgc:participant-role/host .
            }}""",
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["signed"] == "2019-11" and r["visitdate"] == "2019-11"
    assert r["prec"].endswith("precision/month") and r["vprec"].endswith("precision/month")
    assert r["title"] == "Thỏa thuận hợp tác trong lĩnh vực quốc phòng"
    assert r["office"].endswith("office/minister-of-defence")
    assert r["label"] == "Minister of Defence of Mongolia"
    assert r["place"] == vnm
    assert "tháng 11/2019" in r["quote"]


def test_intergovernmental_committee(store, registry):
    rows = select(
        store,
        f"""SELECT ?founded ?fprec ?level ?from ?to ?changed ?cprec ?period ?sessions ?asof
            WHERE {{
              ?m a dg:BilateralMechanism ; dg:party <{iri(registry, "Vietnam")}>,
                   <{iri(registry, "Mongolia")}> ;
                 dg:foundedDate ?founded ; dg:foundedDatePrecision ?fprec ; dg:level ?level ;
                 dg:levelChange ?c ; dg:periodicity ?period ; dg:sessionCount ?sessions ;
                 dg:countAsOf ?asof ;
                 dg:field dgc:field/economy, dgc:field/trade, dgc:field/science-technology .
              ?c dg:fromLevel ?from ; dg:toLevel ?to ; dg:date ?changed ;
                 dg:datePrecision ?cprec .
            }}""",
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["founded"] == "1979" and r["fprec"].endswith("precision/year")
    assert r["from"].endswith("level/vice-minister")
    assert r["to"].endswith("level/minister") and r["level"].endswith("level/minister")
    assert r["changed"] == "2012" and r["cprec"].endswith("precision/year")
    assert r["period"] == "P2Y"
    assert int(r["sessions"]) == 18
    assert r["asof"] == "2023"
    # the recurring sessions are part of the mechanism
    assert ask(
        store,
        f"""ASK {{ ?e dg:eventType dgc:event-type/committee-session ;
                     dg:partOf {fact(VN_DOC, "intergovernmental-committee")} ;
                     dg:periodicity "P2Y"^^xsd:duration }}""",
    )


def test_trade_series(store, registry):
    rows = select(
        store,
        f"""SELECT ?f ?prec ?start ?end ?v ?vmin ?vmax ?usd ?usdmin ?usdmax ?mult ?partial WHERE {{
              GRAPH dgg:source/{VN_DOC} {{
                ?f a dg:TradeObservation ; dg:reporter <{iri(registry, "Vietnam")}> ;
                   dg:partner <{iri(registry, "Mongolia")}> ;
                   dg:flow dgc:trade-flow/total ;
                   sdmx-dimension:refPeriod/dg:periodPrecision ?prec ;
                   dg:periodStart ?start ; dg:periodEnd ?end ;
                   sdmx-attribute:unitMeasure dgc:currency/USD ;
                   sdmx-attribute:unitMult ?mult .
                OPTIONAL {{ ?f dg:tradeValue ?v ; dg:valueUSD ?usd }}
                OPTIONAL {{ ?f dg:tradeValueMin ?vmin ; dg:tradeValueMax ?vmax ;
                              dg:valueUSDMin ?usdmin ; dg:valueUSDMax ?usdmax }}
                OPTIONAL {{ ?f dg:partialPeriod ?partial }}
              }} }} ORDER BY ?start""",
    )
    assert len(rows) == 5
    assert all(r["mult"].endswith("unitMult-6") for r in rows)
    decade, *annual, partial = rows
    # the 1990s: a range over a decade
    assert decade["prec"].endswith("precision/decade")
    assert (decade["start"], decade["end"]) == ("1990-01-01", "1999-12-31")
    assert decade["v"] is None
    assert (Decimal(decade["vmin"]), Decimal(decade["vmax"])) == (5, 6)
    assert (Decimal(decade["usdmin"]), Decimal(decade["usdmax"])) == (5_000_000, 6_000_000)
    # 2020, 2021, 2022: full years
    assert [(r["start"][:4], Decimal(r["v"])) for r in annual] == [
        ("2020", 50),
        ("2021", 80),
        ("2022", 85),
    ]
    assert all(r["prec"].endswith("precision/year") and r["partial"] != "true" for r in annual)
    assert Decimal(annual[0]["usd"]) == 50_000_000
    # the first 8 months of 2023: a partial period, not "2023"
    assert partial["partial"] == "true"
    assert partial["prec"].endswith("precision/month")
    assert (partial["start"], partial["end"]) == ("2023-01-01", "2023-08-31")
    assert Decimal(partial["v"]) == 75


def test_hue_festival_and_ho_chi_minh_events(store, registry):
    rows = select(
        store,
        f"""SELECT ?start ?prec ?rec WHERE {{
              ?e dg:eventType dgc:event-type/festival-participation ;
                 dg:partOf <{iri(registry, "Hue Festival")}> ;
                 dg:startDate ?start ; dg:startDatePrecision ?prec ; dg:recurrence ?rec ;
                 dg:participation [ dg:actor <{iri(registry, "Mongolia")}> ;
                                    dg:participantRole dgc:participant-role/sender ] .
            }}""",
    )
    assert rows == [
        {
            "start": "2014",
            "prec": "https://diplograph.org/id/concept/precision/year",
            "rec": "regularly",
        }
    ]
    types = {
        r["t"].rsplit("/", 1)[-1]
        for r in select(
            store,
            f"""SELECT ?t WHERE {{ ?e dg:eventType ?t ;
                    dg:about <{iri(registry, "Ho Chi Minh")}> ;
                    dg:place ?school .
                  ?s dg:describedPlace ?school ;
                     dg:locatedIn <{iri(registry, "Ulaanbaatar")}> }}""",
        )
    }
    assert types == {"unveiling", "opening"}


def test_many_mous_and_the_training_hiep_dinh(store):
    assert ask(
        store,
        """ASK { ?a dg:instrumentType dgc:instrument/mou ; dg:quantity "many" ;
                   dg:field dgc:field/immigration, dgc:field/agriculture }""",
    )
    assert ask(
        store,
        """ASK { ?a dg:instrumentType dgc:instrument/hiep-dinh ; dg:field dgc:field/training }""",
    )


def test_export_import_effort_is_intended_not_asserted(store):
    rows = select(
        store,
        f"""SELECT ?m ?t WHERE {{ {fact(VN_DOC, "export-import-efforts")} dg:modality ?m ;
                                  dg:claimType ?t }}""",
    )
    assert [(r["m"].rsplit("/", 1)[-1], r["t"].rsplit("/", 1)[-1]) for r in rows] == [
        ("intended", "intention")
    ]


# --- English article -----------------------------------------------------------------------


def test_192_is_one_count_claim_not_192_edges(store, registry):
    rows = select(
        store,
        f"""SELECT ?count ?scope ?quote WHERE {{
              GRAPH dgg:source/{EN_DOC} {{
                ?c a dg:Claim ; dg:claimType dgc:claim-type/count ;
                   dg:subject <{iri(registry, "Mongolia")}> ;
                   dg:count ?count ; dg:countScope ?scope ; dg:quote ?quote .
              }} }}""",
    )
    assert len(rows) == 1
    assert int(rows[0]["count"]) == 192
    assert rows[0]["scope"] == iri(registry, "UN")
    assert "192 UN states" in rows[0]["quote"]
    relations = select(
        store,
        f"""SELECT ?other WHERE {{ GRAPH dgg:source/{EN_DOC} {{
              ?r a dg:DiplomaticRelation ; dg:relationStatus dgc:relation-status/established ;
                 dg:party <{iri(registry, "Mongolia")}>, ?other .
              FILTER(?other != <{iri(registry, "Mongolia")}>)
              FILTER NOT EXISTS {{ ?r dg:date ?d }} }} }}""",
    )
    assert sorted(r["other"] for r in relations) == sorted(
        iri(registry, n) for n in ("Holy See", "State of Palestine", "European Union")
    )


def test_factbook_memberships(store, registry):
    mng = iri(registry, "Mongolia")
    rows = select(
        store,
        f"""SELECT ?f ?org ?quote (GROUP_CONCAT(STR(?role); separator=" ") AS ?roles) WHERE {{
              GRAPH dgg:source/{EN_DOC} {{
                ?f a dg:Membership ; org:member <{mng}> ; org:organization ?org ;
                   org:role ?role ; dg:quote ?quote .
                FILTER NOT EXISTS {{ ?f dg:startDate ?s }}
              }} }} GROUP BY ?f ?org ?quote""",
    )
    assert len(rows) == len(FACTBOOK_LIST) == 40
    by_org = {r["org"]: r for r in rows}
    assert set(by_org) == {iri(registry, a) for a in FACTBOOK_LIST}
    observers = {r["org"] for r in rows if r["roles"].endswith("role/observer")}
    assert observers == {iri(registry, "ASEAN"), iri(registry, "SCO")}
    assert all(r["roles"].endswith("role/full") for r in rows if r["org"] not in observers)
    assert by_org[iri(registry, "ASEAN")]["quote"] == "ASEAN (observer)"
    assert by_org[iri(registry, "SCO")]["quote"] == "SCO (observer)"
    # the UN list entry points at ", UN, " in the list, not at "192 UN states"
    text = (SOURCES / "001_cf5b56e9778579b3.txt").read_text(encoding="utf-8")
    start = select(store, f"SELECT ?s WHERE {{ {fact(EN_DOC, 'member-un')} dg:quoteStart ?s }}")[0][
        "s"
    ]
    assert text[int(start) - 6 : int(start) + 4] == "OSCE, UN, "


def test_un_membership_1961_and_the_roc_veto(store, registry):
    mng, un, roc = (iri(registry, n) for n in ("Mongolia", "UN", "Republic of China"))
    rows = select(
        store,
        f"""SELECT ?start ?prec ?begin ?quote WHERE {{
              ?f a dg:Membership ; org:member <{mng}> ; org:organization <{un}> ;
                 dg:startDate ?start ; dg:startDatePrecision ?prec ; dg:quote ?quote ;
                 org:memberDuring/time:hasBeginning/time:inXSDgYear ?begin .
            }}""",
    )
    assert rows == [
        {
            "start": "1961",
            "prec": "https://diplograph.org/id/concept/precision/year",
            "begin": "1961",
            "quote": "Mongolia did not join the UN until 1961",
        }
    ]
    assert ask(
        store,
        f"""ASK {{ ?c dg:claimType dgc:claim-type/causal ; dg:subject <{roc}> ;
                     dg:object <{mng}>, <{un}> }}""",
    )
    assert ask(
        store,
        f"""ASK {{ ?c dg:claimType dgc:claim-type/position ; dg:subject <{roc}> ;
                     dg:object <{mng}> ; dg:quote ?q .
                   FILTER(CONTAINS(?q, "part of its territory")) }}""",
    )


def test_forum_of_small_states_founding_member_1992(store, registry):
    rows = select(
        store,
        f"""SELECT ?role ?start ?prec WHERE {{
              ?f a dg:Membership ; org:member <{iri(registry, "Mongolia")}> ;
                 org:organization <{iri(registry, "Forum of Small States")}> ;
                 org:role ?role ; dg:startDate ?start ; dg:startDatePrecision ?prec .
            }}""",
    )
    assert {r["role"].rsplit("/", 1)[-1] for r in rows} == {"founding", "full"}
    assert {(r["start"], r["prec"].rsplit("/", 1)[-1]) for r in rows} == {("1992", "year")}


def test_1991_agreements_are_three_bilateral_agreements(store, registry):
    mng = iri(registry, "Mongolia")
    rows = select(
        store,
        f"""SELECT ?a ?type ?other (COUNT(DISTINCT ?p) AS ?parties) WHERE {{
              ?a a dg:Agreement ; dg:signingDate "1991"^^xsd:gYear ;
                 dg:signingDatePrecision dgc:precision/year ;
                 dg:instrumentType ?type ; dg:party <{mng}>, ?other, ?p .
              FILTER(?other != <{mng}>)
            }} GROUP BY ?a ?type ?other""",
    )
    got = sorted((r["other"], r["type"].rsplit("/", 1)[-1], int(r["parties"])) for r in rows)
    assert got == sorted(
        [
            (iri(registry, "Germany"), "investment-treaty", 2),
            (iri(registry, "France"), "investment-treaty", 2),
            (iri(registry, "United Kingdom"), "agreement", 2),
        ]
    )


def test_mfn_status_is_a_hope_not_a_status(store, registry):
    mng, eu = iri(registry, "Mongolia"), iri(registry, "European Union")
    rows = select(
        store,
        """SELECT ?f ?class ?type ?modality WHERE {
              ?f dg:quote ?q ; a ?class . FILTER(CONTAINS(?q, "most-favoured-nation"))
              FILTER(?class != dg:Fact)
              OPTIONAL { ?f dg:claimType ?type ; dg:modality ?modality }
            }""",
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["class"] == "https://diplograph.org/ontology#Claim"
    assert r["type"].endswith("claim-type/intention")
    assert r["modality"].endswith("modality/hoped")
    assert not ask(
        store, f"ASK {{ ?m a dg:Membership ; org:member <{mng}> ; org:organization <{eu}> }}"
    )
