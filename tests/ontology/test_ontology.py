"""Ontology, concept schemes, shapes, SHACL check, CAMEO/PLOVER loader, reference page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from diplograph.graph.namespaces import DG, DGC, GRAPH
from diplograph.loaders.cameo_plover import cameo_plover_quads
from diplograph.ontology import (
    CONCEPTS_FILE,
    ONTOLOGY_DIR,
    ONTOLOGY_FILE,
    SHAPES_FILE,
    codes,
    files,
)
from diplograph.ontology.shacl import check

REPO = Path(__file__).resolve().parents[2]
TTL_FILES = [ONTOLOGY_FILE, CONCEPTS_FILE, SHAPES_FILE]


def _graph(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return _graph(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def concepts() -> rdflib.Graph:
    return _graph(CONCEPTS_FILE)


def _dg_terms(g: rdflib.Graph, kinds: tuple[rdflib.URIRef, ...]) -> set[rdflib.URIRef]:
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(DG)}


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_turtle_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    n_rdflib = len(_graph(path))
    n_ox = len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    assert n_rdflib > 100
    assert n_rdflib == n_ox


def test_files_maps_graphs_to_existing_turtle() -> None:
    mapping = files()
    assert set(mapping) == {GRAPH("ontology"), GRAPH("shapes")}
    assert [p.name for p in mapping[GRAPH("ontology")]] == ["diplograph.ttl", "concepts.ttl"]
    assert all(p.is_file() and p.parent == ONTOLOGY_DIR for ps in mapping.values() for p in ps)


# --------------------------------------------------------------------------- ontology


def test_ontology_header(onto: rdflib.Graph) -> None:
    o = rdflib.URIRef("https://diplograph.org/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    assert onto.value(o, OWL.versionIRI) == rdflib.URIRef("https://diplograph.org/ontology/0.2.0")
    assert not list(onto.objects(o, OWL.imports))


MODEL_CLASSES = """DiplomaticActor State HistoricalState InternationalOrganization Forum
NonGovernmentalOrganization Person Place City EventSeries Post Fact Membership DiplomaticRelation
Agreement DiplomaticEvent Participation BilateralMechanism LevelChange TradeObservation Cooperation
Claim SourceDocument ReferenceDataset WikidataLink""".split()

MODEL_PROPERTIES = (
    """party relationStatus instrumentType title field signedAt quantity eventType
participation actor participantRole post office place recurrence periodicity partOf about level
levelChange fromLevel toLevel sessionCount reporter partner flow tradeValue tradeValueMin
tradeValueMax valueUSD valueUSDMin valueUSDMax periodPrecision partialPeriod assessment description
claimType subject object count countScope statement modality factId statedIn quote quoteStart
quoteEnd fileName sha256 characterCount acronym iso3166Alpha2 iso3166Alpha3 cowCode cowAbbrev
unStatus existedFrom existedUntil succeededBy wikidataLink qid target confidence evidence name
sourceRow""".split()
    + [
        f"{p}{s}"
        for p in ("date", "startDate", "endDate", "foundedDate", "signingDate", "countAsOf", "asOf")
        for s in ("", "Precision", "Earliest", "Latest")
    ]
)


def test_every_model_term_is_declared(onto: rdflib.Graph) -> None:
    classes = _dg_terms(onto, (OWL.Class,))
    props = _dg_terms(onto, (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property))
    assert {rdflib.URIRef(DG(c)) for c in MODEL_CLASSES} <= classes
    missing = {p for p in MODEL_PROPERTIES if rdflib.URIRef(DG(p)) not in props}
    assert not missing


def test_every_term_has_en_vi_label_and_definition(onto: rdflib.Graph) -> None:
    terms = _dg_terms(onto, (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property))
    assert len(terms) > 100
    problems = []
    for t in sorted(terms):
        labels = {lit.language for lit in onto.objects(t, RDFS.label)}
        defs = {lit.language for lit in onto.objects(t, SKOS.definition)}
        defs |= {lit.language for lit in onto.objects(t, RDFS.comment)}
        if not {"en", "vi"} <= labels or not {"en", "vi"} <= defs:
            problems.append(t)
    assert not problems


def test_state_is_an_agent_not_a_place(onto: rdflib.Graph) -> None:
    state = rdflib.URIRef(DG("State"))
    supers = set(onto.transitive_objects(state, RDFS.subClassOf))
    assert rdflib.URIRef("http://www.w3.org/ns/org#FormalOrganization") in supers
    assert rdflib.URIRef("http://xmlns.com/foaf/0.1/Agent") in supers
    assert rdflib.URIRef("http://dbpedia.org/ontology/Country") in set(
        onto.objects(state, SKOS.closeMatch)
    )
    assert not list(onto.objects(state, OWL.equivalentClass))


# --------------------------------------------------------------------------- concepts


def test_every_concept_has_en_vi_preflabel_and_notation(concepts: rdflib.Graph) -> None:
    all_concepts = set(concepts.subjects(RDF.type, SKOS.Concept))
    assert len(all_concepts) > 80
    for c in all_concepts:
        langs = {lit.language for lit in concepts.objects(c, SKOS.prefLabel)}
        assert {"en", "vi"} <= langs, c
        assert concepts.value(c, SKOS.notation) is not None, c
        assert concepts.value(c, SKOS.inScheme) is not None, c


def test_codes_per_scheme() -> None:
    assert codes("field") >= {"defence", "security", "economy", "trade", "media", "development-aid"}
    assert len(codes("field")) == 18
    assert codes("role") == {"full", "associate", "observer", "founding", "participant"}
    assert codes("instrument") == {
        "treaty",
        "agreement",
        "mou",
        "protocol",
        "investment-treaty",
        "hiep-dinh",
        "thoa-thuan",
    }
    assert codes("participant-role") == {"visitor", "host", "participant", "organiser", "sender"}
    assert codes("level") == {"vice-minister", "minister"}
    assert codes("precision") == {"day", "month", "year", "decade"}
    assert codes("confidence") == {"verified", "single-source", "unverified", "conflicting"}
    assert codes("trade-flow") == {"total", "export", "import"}
    assert {"visit", "signing", "committee-session", "veto-threat"} <= codes("event-type")
    assert "minister-of-defence" in codes("office")


def test_event_types_map_to_cameo(concepts: rdflib.Graph) -> None:
    visit = rdflib.URIRef(DGC("event-type/visit"))
    assert set(concepts.objects(visit, SKOS.closeMatch)) == {
        rdflib.URIRef(DGC("cameo/042")),
        rdflib.URIRef(DGC("cameo/043")),
    }
    session = rdflib.URIRef(DGC("event-type/committee-session"))
    assert rdflib.URIRef(DGC("cameo/040")) in set(concepts.objects(session, SKOS.broadMatch))


def test_precision_concepts_carry_time_unit_and_wikidata_precision(concepts: rdflib.Graph) -> None:
    day = rdflib.URIRef(DGC("precision/day"))
    assert concepts.value(day, rdflib.URIRef(DG("timeUnit"))) == rdflib.URIRef(
        "http://www.w3.org/2006/time#unitDay"
    )
    assert concepts.value(day, rdflib.URIRef(DG("wikidataPrecision"))).toPython() == 11


def test_roles_are_org_roles(concepts: rdflib.Graph) -> None:
    role = rdflib.Namespace("http://www.w3.org/ns/org#").Role
    for code in codes("role"):
        assert (rdflib.URIRef(DGC(f"role/{code}")), RDF.type, role) in concepts


# --------------------------------------------------------------------------- shapes


def test_every_class_has_a_shape(onto: rdflib.Graph) -> None:
    shapes = _graph(SHAPES_FILE)
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = _dg_terms(onto, (OWL.Class,))
    assert classes - targeted == set()


EXAMPLE = """
@prefix dg: <https://diplograph.org/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#> .
@prefix sdmx-code: <http://purl.org/linked-data/sdmx/2009/code#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@base <https://diplograph.org/id/fact/doc/> .
@prefix claim-type: <https://diplograph.org/id/concept/claim-type/> .
@prefix confidence: <https://diplograph.org/id/concept/confidence/> .
@prefix currency: <https://diplograph.org/id/concept/currency/> .
@prefix event-type: <https://diplograph.org/id/concept/event-type/> .
@prefix field: <https://diplograph.org/id/concept/field/> .
@prefix instrument: <https://diplograph.org/id/concept/instrument/> .
@prefix level: <https://diplograph.org/id/concept/level/> .
@prefix modality: <https://diplograph.org/id/concept/modality/> .
@prefix office: <https://diplograph.org/id/concept/office/> .
@prefix participant-role: <https://diplograph.org/id/concept/participant-role/> .
@prefix precision: <https://diplograph.org/id/concept/precision/> .
@prefix relation-status: <https://diplograph.org/id/concept/relation-status/> .
@prefix role: <https://diplograph.org/id/concept/role/> .
@prefix trade-flow: <https://diplograph.org/id/concept/trade-flow/> .
@prefix un-status: <https://diplograph.org/id/concept/un-status/> .
@prefix s: <https://diplograph.org/id/state/> .
@prefix o: <https://diplograph.org/id/org/> .
@prefix f: <https://diplograph.org/id/fact/doc/> .
@prefix src: <https://diplograph.org/id/source/> .
@prefix ds: <https://diplograph.org/id/dataset/> .

# registry (relative IRIs resolve against the fact base; s:MNG\\/wikidata is .../state/MNG/wikidata)
s:MNG a dg:State ; rdfs:label "Mongolia"@en, "Mông Cổ"@vi ; dg:iso3166Alpha2 "MN" ;
    dg:iso3166Alpha3 "MNG" ; dg:cowCode 712 ; dg:cowAbbrev "MON" ;
    dg:unStatus un-status:member ;
    skos:exactMatch wd:Q711 ; dg:wikidataLink s:MNG\\/wikidata .
s:MNG\\/wikidata a dg:WikidataLink ; dg:qid "Q711" ; dg:target wd:Q711 ;
    dg:confidence confidence:verified ; dg:evidence "owid; internacia" .
s:USSR a dg:State, dg:HistoricalState ; rdfs:label "Soviet Union"@en ;
    dg:existedFrom "1922"^^xsd:gYear ; dg:existedUntil "1991"^^xsd:gYear ; dg:succeededBy s:RUS ;
    dg:wikidataLink s:USSR\\/wikidata .
s:USSR\\/wikidata a dg:WikidataLink ;
    dg:confidence confidence:unverified .
o:UN a dg:InternationalOrganization ; rdfs:label "United Nations"@en ; dg:acronym "UN" .

# the document
src:doc a dg:SourceDocument, prov:Entity, schema:CreativeWork ; dcterms:title "Doc"@en ;
    dcterms:language "vi" ; dg:fileName "000_x.txt" ; dg:characterCount 3625 ;
    dg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    dg:asOf "2023-09"^^xsd:gYearMonth ; dg:asOfPrecision precision:month ;
    dg:asOfEarliest "2023-09-01"^^xsd:date ; dg:asOfLatest "2023-09-30"^^xsd:date .

# a membership with dates and precision
f:un-member a dg:Fact, dg:Membership ; dg:factId "un-member" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "did not join the UN until 1961"@en ;
    dg:quoteStart 10 ; dg:quoteEnd 40 ;
    org:member s:MNG ; org:organization o:UN ; org:role role:full ;
    dg:startDate "1961"^^xsd:gYear ; dg:startDatePrecision precision:year ;
    dg:startDateEarliest "1961-01-01"^^xsd:date ; dg:startDateLatest "1961-12-31"^^xsd:date ;
    org:memberDuring <un-member/interval> .
<un-member/interval> a time:Interval ;
    time:hasBeginning <un-member/interval/beginning> .
<un-member/interval/beginning> a time:Instant ;
    time:inXSDgYear "1961"^^xsd:gYear .
<un-member/annotation> a oa:Annotation ;
    oa:motivatedBy oa:describing ; oa:hasBody f:un-member .

# a relation
f:rel a dg:Fact, dg:DiplomaticRelation ; dg:factId "rel" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "thiết lập quan hệ ngoại giao ngày 17/11/1954"@vi ;
    dg:quoteStart 100 ; dg:quoteEnd 144 ;
    dg:party s:VNM, s:MNG ; dg:relationStatus relation-status:established ;
    dg:date "1954-11-17"^^xsd:date ; dg:datePrecision precision:day .

# an event with a participation and a post, and the agreement signed at it
f:visit a dg:Fact, dg:DiplomaticEvent ; dg:factId "visit" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "chuyến thăm"@vi ; dg:quoteStart 200 ; dg:quoteEnd 211 ;
    dg:eventType event-type:visit ;
    dg:participation <visit/role/1>,
        <visit/role/2> ;
    dg:place s:VNM ; dg:field field:defence ;
    dg:date "2019-11"^^xsd:gYearMonth ; dg:datePrecision precision:month .
<visit/role/1> a dg:Participation ; dg:actor s:MNG ;
    dg:participantRole participant-role:visitor ;
    dg:post <visit/post/1> .
<visit/post/1> a dg:Post ;
    rdfs:label "Minister of Defence of Mongolia"@en, "Bộ trưởng Quốc phòng Mông Cổ"@vi ;
    org:postIn s:MNG ; dg:office office:minister-of-defence .
<visit/role/2> a dg:Participation ; dg:actor s:VNM ;
    dg:participantRole participant-role:host .
f:agreement a dg:Fact, dg:Agreement ; dg:factId "agreement" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "ký Thỏa thuận"@vi ; dg:quoteStart 180 ; dg:quoteEnd 193 ;
    dg:instrumentType instrument:thoa-thuan ;
    dg:title "Thỏa thuận hợp tác trong lĩnh vực quốc phòng"@vi ; dg:party s:VNM, s:MNG ;
    dg:field field:defence ; dg:signedAt f:visit ;
    dg:signingDate "2019-11"^^xsd:gYearMonth ;
    dg:signingDatePrecision precision:month .
f:mous a dg:Fact, dg:Agreement ; dg:factId "mous" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "nhiều bản ghi nhớ"@vi ; dg:quoteStart 300 ; dg:quoteEnd 317 ;
    dg:instrumentType instrument:mou ; dg:party s:VNM, s:MNG ;
    dg:quantity "many" .

# a mechanism with a level change
f:committee a dg:Fact, dg:BilateralMechanism ; dg:factId "committee" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "Ủy ban liên Chính phủ"@vi ; dg:quoteStart 400 ; dg:quoteEnd 420 ;
    dg:party s:VNM, s:MNG ; dg:name "Ủy ban liên Chính phủ Việt Nam-Mông Cổ"@vi ;
    dg:foundedDate "1979"^^xsd:gYear ; dg:foundedDatePrecision precision:year ;
    dg:level level:minister ;
    dg:levelChange <committee/level-change/1> ;
    dg:periodicity "P2Y"^^xsd:duration ; dg:sessionCount 18 ;
    dg:countAsOf "2023-09"^^xsd:gYearMonth ; dg:countAsOfPrecision precision:month ;
    dg:field field:economy .
<committee/level-change/1> a dg:LevelChange ;
    dg:fromLevel level:vice-minister ;
    dg:toLevel level:minister ;
    dg:date "2012"^^xsd:gYear ; dg:datePrecision precision:year .

# trade: a partial period with a value, and a decade with a range
f:trade-2023 a dg:Fact, dg:TradeObservation, qb:Observation ;
    dg:factId "trade-2023" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "8 tháng từ đầu năm 2023 đạt 75 triệu USD"@vi ;
    dg:quoteStart 500 ; dg:quoteEnd 540 ;
    qb:dataSet ds:bilateral-trade ;
    dg:reporter s:VNM ; dg:partner s:MNG ;
    dg:flow trade-flow:total ;
    sdmx-dimension:refPeriod <trade-2023/period> ;
    dg:tradeValue 75.0 ; dg:valueUSD 75000000.0 ;
    sdmx-attribute:unitMeasure currency:USD ;
    sdmx-attribute:unitMult sdmx-code:unitMult-6 .
<trade-2023/period> a time:Interval ;
    time:hasBeginning [ time:inXSDgYearMonth "2023-01"^^xsd:gYearMonth ] ;
    time:hasEnd [ time:inXSDgYearMonth "2023-08"^^xsd:gYearMonth ] ;
    dg:periodPrecision precision:month ; dg:partialPeriod true .
f:trade-1990s a dg:Fact, dg:TradeObservation ; dg:factId "trade-1990s" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "5 đến 6 triệu USD"@vi ; dg:quoteStart 600 ; dg:quoteEnd 617 ;
    qb:dataSet ds:bilateral-trade ;
    dg:reporter s:VNM ; dg:partner s:MNG ;
    dg:flow trade-flow:total ;
    sdmx-dimension:refPeriod <trade-1990s/period> ;
    dg:tradeValueMin 5.0 ; dg:tradeValueMax 6.0 ;
    dg:valueUSDMin 5000000.0 ; dg:valueUSDMax 6000000.0 ;
    sdmx-attribute:unitMeasure currency:USD ;
    sdmx-attribute:unitMult sdmx-code:unitMult-6 .
<trade-1990s/period> a time:Interval ;
    time:hasBeginning [ time:inXSDgYear "1990"^^xsd:gYear ] ;
    time:hasEnd [ time:inXSDgYear "1999"^^xsd:gYear ] ;
    dg:periodPrecision precision:decade .

# cooperation and a count claim
f:culture a dg:Fact, dg:Cooperation ; dg:factId "culture" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "phát triển tích cực"@vi ; dg:quoteStart 700 ; dg:quoteEnd 719 ;
    dg:party s:VNM, s:MNG ; dg:field field:culture,
        field:education ;
    dg:assessment "phát triển tích cực"@vi .
f:all-un a dg:Fact, dg:Claim ; dg:factId "all-un" ; dg:statedIn src:doc ;
    prov:wasDerivedFrom src:doc ;
    dg:quote "all 192 UN states"@en ; dg:quoteStart 800 ; dg:quoteEnd 817 ;
    dg:claimType claim-type:count ; dg:subject s:MNG ;
    dg:count 192 ; dg:countScope o:UN ; dg:statement "relations with all 192 UN states"@en ;
    dg:modality modality:asserted .
"""


def _example() -> rdflib.Graph:
    return rdflib.Graph().parse(data=EXAMPLE, format="turtle")


def test_valid_example_conforms_also_when_copied_many_times() -> None:
    g = _example()
    assert check(g) == []
    # a few thousand triples: copies of the example under other IRIs
    big = rdflib.Graph()
    for i in range(16):
        for s, p, o in g:
            s2 = rdflib.URIRef(f"{s}-{i}") if isinstance(s, rdflib.URIRef) and "/fact/" in s else s
            o2 = rdflib.URIRef(f"{o}-{i}") if isinstance(o, rdflib.URIRef) and "/fact/" in o else o
            big.add((s2, p, o2))
    assert len(big) > 3000
    # no timing here: speed belongs in bench/, not in a unit test that fails under load
    assert check(big) == []


F = rdflib.Namespace("https://diplograph.org/id/fact/doc/")
DGN = rdflib.Namespace(str(DG))
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")


def _expect(g: rdflib.Graph, focus: str, fragment: str) -> None:
    messages = check(g)
    assert any(m.startswith(f"focus <{focus}>") and fragment in m for m in messages), messages


def test_missing_member_is_rejected() -> None:
    g = _example()
    g.remove((F["un-member"], rdflib.URIRef("http://www.w3.org/ns/org#member"), None))
    _expect(g, F["un-member"], "path org:member: a membership needs exactly one org:member")


def test_bad_date_datatype_is_rejected() -> None:
    g = _example()
    g.remove((F["un-member"], DGN.startDate, None))
    g.add((F["un-member"], DGN.startDate, rdflib.Literal("1961")))
    _expect(g, F["un-member"], "path dg:startDate: exactly one literal typed xsd:date")


def test_precision_must_match_datatype() -> None:
    g = _example()
    g.set((F["rel"], DGN.datePrecision, rdflib.URIRef(DGC("precision/year"))))
    _expect(g, F["rel"], "dg:datePrecision does not match the datatype of dg:date")


def test_three_parties_in_a_relation_are_rejected() -> None:
    g = _example()
    g.add((F["rel"], DGN.party, rdflib.URIRef("https://diplograph.org/id/state/CHN")))
    _expect(g, F["rel"], "path dg:party: a diplomatic relation has exactly two dg:party")


def test_bad_qid_is_rejected() -> None:
    g = _example()
    link = rdflib.URIRef("https://diplograph.org/id/state/MNG/wikidata")
    g.set((link, DGN.qid, rdflib.Literal("711")))
    g.set((link, DGN.target, rdflib.URIRef("http://www.wikidata.org/prop/direct/P711")))
    _expect(g, link, "path dg:qid: at most one string of the form Q123")
    _expect(g, link, "path dg:target: at most one Wikidata entity IRI")


def test_unverified_link_with_target_is_rejected() -> None:
    g = _example()
    link = rdflib.URIRef("https://diplograph.org/id/state/USSR/wikidata")
    g.add((link, DGN.target, rdflib.URIRef("http://www.wikidata.org/entity/Q15180")))
    _expect(g, link, "an unverified Wikidata link must not have a dg:target")


def test_role_outside_scheme_and_trade_without_value_are_rejected() -> None:
    g = _example()
    g.add(
        (
            F["un-member"],
            rdflib.URIRef("http://www.w3.org/ns/org#role"),
            rdflib.URIRef(DGC("field/defence")),
        )
    )
    g.remove((F["trade-2023"], DGN.tradeValue, None))
    messages = check(g)
    assert (
        f"focus <{F['un-member']}>: path org:role: org:role must be a concept of dgc:role "
        "(full, associate, observer, founding, participant)" in messages
    ), messages
    assert not any("/concept/" in m.split(">")[0] for m in messages), messages  # no nested results
    assert any(
        m.startswith(f"focus <{F['trade-2023']}>") and "either dg:tradeValue or both" in m
        for m in messages
    ), messages


def test_fact_without_quote_and_state_without_english_label_are_rejected() -> None:
    g = _example()
    g.remove((F["rel"], DGN.quote, None))
    mng = rdflib.URIRef("https://diplograph.org/id/state/MNG")
    g.remove((mng, RDFS.label, rdflib.Literal("Mongolia", lang="en")))
    messages = check(g)
    assert (
        f"focus <{F['rel']}>: path dg:quote: a fact needs exactly one dg:quote (a string)"
        in messages
    )
    assert any(m.startswith(f"focus <{mng}>") and "English rdfs:label" in m for m in messages)


# --------------------------------------------------------------------------- CAMEO / PLOVER


@pytest.fixture(scope="module")
def cameo() -> list[ox.Quad]:
    return list(cameo_plover_quads())


def test_cameo_notation_keeps_leading_zero_and_maps_to_plover(cameo: list[ox.Quad]) -> None:
    store = ox.Store()
    store.extend(cameo)
    assert all(q.graph_name == ox.NamedNode(GRAPH("cameo-plover")) for q in cameo)
    notation = ox.NamedNode(str(SKOS.notation))
    c057 = ox.NamedNode(DGC("cameo/057"))
    values = [q.object for q in store.quads_for_pattern(c057, notation, None)]
    assert values == [ox.Literal("057")]
    close = [
        q.object
        for q in store.quads_for_pattern(
            ox.NamedNode(DGC("cameo/042")), ox.NamedNode(str(SKOS.closeMatch)), None
        )
    ]
    assert ox.NamedNode(DGC("plover/CONSULT")) in close
    assert ox.NamedNode(DGC("plover-mode/visit")) in close or any(
        True
        for _ in store.quads_for_pattern(
            ox.NamedNode(DGC("cameo/042")), None, ox.NamedNode(DGC("plover-mode/visit"))
        )
    )
    licence = list(
        store.quads_for_pattern(
            ox.NamedNode(DGC("cameo")), ox.NamedNode("http://purl.org/dc/terms/license"), None
        )
    )
    assert licence and "by-sa/4.0" in licence[0].object.value


def test_cameo_loader_reads_another_dir(tmp_path: Path) -> None:
    (tmp_path / "cameo_to_plover_2021.tsv").write_text(
        "cameo_code\tplover_event\tplover_mode\tplover_context\tcameo_label\tis_root\n"
        "04\tCONSULT\t\t\t\tTrue\n"
        "042\tCONSULT\tvisit\t\tMake a visit\tFalse\n",
        encoding="utf-8",
    )
    quads = list(cameo_plover_quads(tmp_path))
    broader = [
        q.object
        for q in quads
        if q.subject == ox.NamedNode(DGC("cameo/042")) and q.predicate.value == str(SKOS.broader)
    ]
    assert broader == [ox.NamedNode(DGC("cameo/04"))]


# --------------------------------------------------------------------------- reference page


def test_reference_page_is_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph.ontology.reference", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
