"""A Wikidata-shaped view of our facts: memberships, relations and agreements in Wikidata's
statement model, in the graph ``dgg:wikidata-view``.

A query written for the Wikidata Query Service runs on our endpoint unchanged (with the
Wikidata prefixes predefined, :data:`WIKIDATA_PREFIXES`)::

    SELECT ?org ?start WHERE { wd:Q711 p:P463 ?st . ?st ps:P463 ?org ; pq:P580 ?start }

Shapes written (``{f}`` is our fact IRI; statement, value and reference nodes are IRIs under it,
so a rebuild gives the same triples):

* membership -> ``S wdt:P463 O`` and ``S p:P463 {f}/wd/P463``; the statement has ``ps:P463 O``,
  ``pq:P580``/``pq:P582`` (``xsd:dateTime``, padded as Wikidata does, with the real precision on
  the ``pqv:`` value node: ``wikibase:timePrecision`` 11 day, 10 month, 9 year, 8 decade) and
  ``pq:P2868`` for the roles other than full membership (``dgc:role/observer``: no Wikidata item
  for the observer role is verified, so our own concept IRI is used);
* diplomatic relation between two states -> ``P530`` stated on both sides, with ``pq:P580``
  (established/restored) or ``pq:P582`` (severed/suspended) from the fact's date;
* agreement -> the fact IRI as an item: ``wdt:P31 wd:Q131569`` (treaty), ``P1891`` signatory per
  party, ``P585`` point in time (signing date), ``rdfs:label`` the title;
* every statement has ``prov:wasDerivedFrom {f}/wd/reference`` with ``pr:P248`` (stated in) the
  document IRI, ``pr:P854`` (reference URL) the document IRI and ``pr:P1683`` (quote) the exact
  quote with its language.

Only entities with a *verified* QID are written as ``wd:Q…``; all others keep our IRI.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..graph.namespaces import DGC, GRAPH, RDF, RDFS, XSD
from ..graph.store import replace_streamed
from ..graph.terms import solutions

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
P = "http://www.wikidata.org/prop/"
PS = "http://www.wikidata.org/prop/statement/"
PQ = "http://www.wikidata.org/prop/qualifier/"
PQV = "http://www.wikidata.org/prop/qualifier/value/"
PR = "http://www.wikidata.org/prop/reference/"
WIKIBASE = "http://wikiba.se/ontology#"
PROV_NS = "http://www.w3.org/ns/prov#"

#: prefixes the Wikidata Query Service predefines (to add to the endpoint's default prefixes)
WIKIDATA_PREFIXES: dict[str, str] = {
    "wd": WD,
    "wdt": WDT,
    "p": P,
    "ps": PS,
    "pq": PQ,
    "pqv": PQV,
    "pr": PR,
    "wikibase": WIKIBASE,
    "prov": PROV_NS,
    "schema": "http://schema.org/",
    "bd": "http://www.bigdata.com/rdf#",
    "rdfs": str(RDFS("")),
    "xsd": str(XSD("")),
}

VIEW_GRAPH = GRAPH("wikidata-view")
OBSERVER_ROLE = DGC("role/observer")
GREGORIAN = WD + "Q1985727"
TREATY = WD + "Q131569"
PRECISION = {"day": 11, "month": 10, "year": 9, "decade": 8}

_Q = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dgc: <https://diplograph.org/id/concept/>
"""


@dataclass(frozen=True)
class StatementMapping:
    """One kind of our facts written as Wikidata statements (data over code).

    ``where`` binds ``?f`` (the fact), ``?s`` (the subject) and ``?v`` (the value, an IRI) in
    our ontology; the common part adds the provenance (``?doc``/``?quote`` of a document, or
    ``?dataset``/``?row`` of a reference data set), the role (``?role``, written as
    ``pq:P2868`` unless it is the full role) and the start and end dates (``?sd``/``?sp``,
    ``?ed``/``?ep``: ``pq:P580``/``pq:P582``). Adding a kind of fact (alliances, wars,
    leaders, capitals) is one more entry in :data:`STATEMENT_MAPPINGS`.
    """

    name: str
    pid: str
    where: str
    start: str = "dg:startDate"
    end: str = "dg:endDate"
    #: one statement per value of a fact (the parties of an alliance spell), not one per fact
    per_value: bool = False
    #: start and end dates as ``pq:P580``/``pq:P582`` (not for a class, ``P31``)
    dated: bool = True
    #: more qualifiers: (Wikidata property, variable bound by ``where``), e.g. P1001 ``state``
    qualifiers: tuple[tuple[str, str], ...] = ()

    def query(self) -> str:
        """The SELECT for this mapping."""
        extra = "".join(f" ?{v}" for _p, v in self.qualifiers)
        dates = (
            f"  OPTIONAL {{ ?f {self.start} ?sd OPTIONAL {{ ?f {self.start}Precision ?sp }} }}\n"
            f"  OPTIONAL {{ ?f {self.end} ?ed OPTIONAL {{ ?f {self.end}Precision ?ep }} }}\n"
            if self.dated else ""
        )
        return (
            _Q
            + "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
            + "SELECT ?f ?s ?v ?doc ?quote ?dataset ?row ?rows ?role ?sd ?sp ?ed ?ep"
            + f"{extra} WHERE {{\n"
            + f"  {self.where}\n"
            # provenance as left joins on the bound ?f (a UNION here is evaluated over the
            # whole graph first: 15 s per mapping on the full build, 0.2 s this way)
            + "  OPTIONAL { ?f dg:statedIn ?doc ; dg:quote ?quote }\n"
            + "  OPTIONAL { ?f prov:wasDerivedFrom ?ds0 . ?ds0 a dg:ReferenceDataset }\n"
            + "  OPTIONAL { ?f prov:wasDerivedFrom ?rows . ?rows a dg:SourceRows ;\n"
            + "             prov:wasDerivedFrom ?ds1 }\n"
            + "  OPTIONAL { ?f dg:sourceRow ?row }\n"
            + "  BIND(COALESCE(?ds0, ?ds1) AS ?dataset)\n"
            + "  FILTER(BOUND(?doc) || BOUND(?dataset))\n"
            + "  OPTIONAL { ?f org:role ?role }\n"
            + dates
            + "} ORDER BY ?f ?v ?role"
        )


#: The value of a leader's P39 (position held): Archigos' *effective leader* is neither head
#: of state (P35) nor head of government (P6) in general (a party's general secretary), and no
#: Wikidata item for it is verified: an item of this view, labelled in English and Vietnamese.
EFFECTIVE_LEADER = "https://diplograph.org/id/wikidata-view/effective-leader"
VIEW_ITEM_LABELS = {
    EFFECTIVE_LEADER: {
        "en": "effective leader (Archigos)", "vi": "người lãnh đạo thực tế (Archigos)",
    },
}

#: Our facts as Wikidata statements (document facts and reference data sets alike). The
#: reference data sets give no QID for an alliance, a war, a leader or a capital city: those
#: items keep our IRIs (counted in the linking report); only the states become ``wd:`` items.
STATEMENT_MAPPINGS: tuple[StatementMapping, ...] = (
    # P463 member of: documents and the COW IGO v3 spells
    StatementMapping(
        "membership", "P463",
        "?f a dg:Membership ; org:member ?s ; org:organization ?v .",
    ),
    # P36 capital: COW capitals, with the spell's dates
    StatementMapping(
        "capital", "P36",
        "?f a dg:CapitalSpell ; dg:state ?s ; dg:capital ?v .",
    ),
    # an ATOP alliance spell (no treaty id in the data: the spell is the item), P710
    # participant per party with the spell's years; P31 our class
    StatementMapping(
        "alliance", "P710",
        "?f a dg:AllianceObligation ; dg:party ?v . BIND(?f AS ?s)", per_value=True,
    ),
    StatementMapping(
        "alliance-class", "P31",
        "?f a dg:AllianceObligation . BIND(?f AS ?s) BIND(dg:AllianceObligation AS ?v)",
        dated=False,
    ),
    # a COW war: P710 participant on the war (one statement per participation episode, with
    # its years) and P607 conflict on the state; P31 our class
    StatementMapping(
        "war-participant", "P710",
        "?s a dg:War ; dg:participantEpisode ?f . ?f dg:participant ?v .",
    ),
    StatementMapping(
        "war-conflict", "P607",
        "?v a dg:War ; dg:participantEpisode ?f . ?f dg:participant ?s .",
    ),
    StatementMapping(
        "war-class", "P31",
        "?f a dg:War . BIND(?f AS ?s) BIND(dg:War AS ?v)", dated=False,
    ),
    # Archigos: P39 position held (effective leader) with P1001 applies to jurisdiction
    StatementMapping(
        "leader", "P39",
        "?f a dg:LeaderTenure ; dg:leader ?s ; dg:state ?state . "
        f"BIND(<{EFFECTIVE_LEADER}> AS ?v)",
        qualifiers=(("P1001", "state"),),
    ),
)

MEMBERSHIPS = STATEMENT_MAPPINGS[0].query()

#: labels, aliases and descriptions of the ``wd:`` items, from the registry (verified QIDs)
ITEM_LABELS = (
    _Q
    + """
SELECT ?wd ?p ?l WHERE {
  GRAPH <https://diplograph.org/graph/registry> {
    ?e skos:exactMatch ?wd . FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q"))
    { ?e skos:prefLabel ?l BIND(rdfs:label AS ?p) }
    UNION { ?e skos:altLabel ?l BIND(skos:altLabel AS ?p) }
  }
} ORDER BY ?wd ?p ?l
"""
).replace("PREFIX dgc:", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX dgc:")

ITEM_KINDS = (
    _Q
    + """
SELECT ?wd ?c ?from ?until WHERE {
  GRAPH <https://diplograph.org/graph/registry> {
    ?e skos:exactMatch ?wd ; a ?c . FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q"))
    OPTIONAL { ?e dg:existedFrom ?from } OPTIONAL { ?e dg:existedUntil ?until }
  }
} ORDER BY ?wd ?c
"""
)

#: English descriptions of the wd: items by the most specific class of the registry
DESCRIPTIONS = {
    "HistoricalState": "historical state",
    "State": "sovereign state",
    "InternationalOrganization": "international organization",
    "Forum": "international forum",
    "NonGovernmentalOrganization": "non-governmental organization",
    "Person": "person",
    "Place": "place",
    "EventSeries": "recurring event",
}
SCHEMA_DESCRIPTION = "http://schema.org/description"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

RELATIONS = (
    _Q
    + """
SELECT ?f ?doc ?quote ?a ?b ?status ?d ?dp WHERE {
  ?f a dg:DiplomaticRelation ; dg:party ?a, ?b ; dg:statedIn ?doc ; dg:quote ?quote .
  FILTER(STR(?a) < STR(?b))
  OPTIONAL { ?f dg:relationStatus ?status }
  OPTIONAL { ?f dg:date ?d OPTIONAL { ?f dg:datePrecision ?dp } }
} ORDER BY ?f
"""
)

AGREEMENTS = (
    _Q
    + """
SELECT ?f ?doc ?quote ?party ?title ?d ?dp WHERE {
  ?f a dg:Agreement ; dg:statedIn ?doc ; dg:quote ?quote .
  OPTIONAL { ?f dg:party ?party }
  OPTIONAL { ?f dg:title ?title }
  OPTIONAL { ?f dg:signingDate ?d OPTIONAL { ?f dg:signingDatePrecision ?dp } }
} ORDER BY ?f ?party
"""
)

VERIFIED_QIDS = (
    _Q
    + """
SELECT ?e ?wd WHERE {
  ?e skos:exactMatch ?wd . FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q"))
}
"""
)

STATES = _Q + "SELECT ?e WHERE { ?e a dg:State }"


@dataclass
class _Fact:
    iri: str
    doc: str | None
    quote: ox.Literal | None
    dataset: str | None = None
    row: ox.Literal | None = None
    rows: str | None = None


def wikidata_time(value: str, precision: str | None) -> tuple[str, int]:
    """Our date literal + precision -> (Wikidata dateTime lexical form, precision number).

    >>> wikidata_time("1961", "year")
    ('1961-01-01T00:00:00Z', 9)
    >>> wikidata_time("1954-11-17", None)
    ('1954-11-17T00:00:00Z', 11)
    >>> wikidata_time("2019-11", "month")
    ('2019-11-01T00:00:00Z', 10)
    """
    parts = value.split("-")
    if value.startswith("-"):  # BCE years are not expected in this project
        parts = ["-" + parts[1], *parts[2:]]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else "01"
    d = parts[2][:2] if len(parts) > 2 else "01"
    default = {1: "year", 2: "month", 3: "day"}[min(len(parts), 3)]
    prec = PRECISION.get((precision or default).rsplit("/", 1)[-1], 9)
    return f"{y}-{m}-{d}T00:00:00Z", prec


def quickstatements_time(value: str, precision: str | None) -> str:
    """QuickStatements time: ``+1961-00-00T00:00:00Z/9`` (unknown parts written as 00).

    >>> quickstatements_time("1961", "year")
    '+1961-00-00T00:00:00Z/9'
    >>> quickstatements_time("1954-11-17", "day")
    '+1954-11-17T00:00:00Z/11'
    """
    iso, prec = wikidata_time(value, precision)
    y, m, rest = iso.split("-", 2)
    d = rest[:2]
    if prec <= 9:
        m, d = "00", "00"
    elif prec == 10:
        d = "00"
    sign = "" if y.startswith("-") else "+"
    return f"{sign}{y}-{m}-{d}T00:00:00Z/{prec}"


def _query(store: ox.Store, q: str) -> list[ox.QuerySolution]:
    return list(solutions(store.query(q, use_default_graph_as_union=True)))


def _val(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def verified_qids(store: ox.Store) -> dict[str, str]:
    """Our entity IRI -> Wikidata entity IRI, for verified links (``skos:exactMatch``) only."""
    return {s["e"].value: s["wd"].value for s in _query(store, VERIFIED_QIDS)}


class _Writer:
    def __init__(self) -> None:
        self.g = ox.NamedNode(VIEW_GRAPH)
        self.out: list[ox.Quad] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        key = (s, p, str(o))
        if key not in self.seen:
            self.seen.add(key)
            self.out.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, self.g))

    def time_qualifier(self, st: str, prop: str, value: str, precision: str | None) -> None:
        iso, prec = wikidata_time(value, precision)
        lit = ox.Literal(iso, datatype=ox.NamedNode(XSD("dateTime")))
        self.add(st, PQ + prop, lit)
        node = f"{st}/value/{prop}"
        self.add(st, PQV + prop, ox.NamedNode(node))
        self.add(node, RDF("type"), ox.NamedNode(WIKIBASE + "TimeValue"))
        self.add(node, WIKIBASE + "timeValue", lit)
        self.add(
            node,
            WIKIBASE + "timePrecision",
            ox.Literal(str(prec), datatype=ox.NamedNode(XSD("integer"))),
        )
        self.add(
            node, WIKIBASE + "timeTimezone", ox.Literal("0", datatype=ox.NamedNode(XSD("integer")))
        )
        self.add(node, WIKIBASE + "timeCalendarModel", ox.NamedNode(GREGORIAN))

    def statement(
        self, subject: str, prop: str, obj: ox.NamedNode | ox.Literal, st: str, fact: _Fact
    ) -> str:
        self.add(subject, WDT + prop, obj)
        self.add(subject, P + prop, ox.NamedNode(st))
        self.add(st, RDF("type"), ox.NamedNode(WIKIBASE + "Statement"))
        self.add(st, WIKIBASE + "rank", ox.NamedNode(WIKIBASE + "NormalRank"))
        self.add(st, PS + prop, obj)
        ref = fact.iri + "/wd/reference"
        self.add(st, PROV_NS + "wasDerivedFrom", ox.NamedNode(ref))
        self.add(ref, RDF("type"), ox.NamedNode(WIKIBASE + "Reference"))
        if fact.doc is not None:
            self.add(ref, PR + "P248", ox.NamedNode(fact.doc))
            self.add(ref, PR + "P854", ox.NamedNode(fact.doc))
        if fact.quote is not None:
            self.add(ref, PR + "P1683", fact.quote)
        if fact.dataset is not None:
            # stated in: the reference data set (our IRI: no verified QID), with its row
            self.add(ref, PR + "P248", ox.NamedNode(fact.dataset))
            if fact.row is not None:
                self.add(ref, "https://diplograph.org/ontology#sourceRow", fact.row)
            if fact.rows is not None:  # the dg:SourceRows node (file and line numbers)
                self.add(ref, PROV_NS + "wasDerivedFrom", ox.NamedNode(fact.rows))
        return st


def wikidata_view_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The quads of ``dgg:wikidata-view``, read from ``store`` through SPARQL (union of graphs).

    Deterministic: the same store gives the same quads in the same order.
    """
    qids = verified_qids(store)
    states = {s["e"].value for s in _query(store, STATES)}

    def item(iri: str) -> str:
        return qids.get(iri, iri)

    w = _Writer()
    # the wd: items: labels (en, vi), aliases and a description from the registry
    for s in _query(store, ITEM_LABELS):
        w.add(s["wd"].value, str(RDFS("label")) if s["p"].value.endswith("#label")
              else SKOS_ALT, s["l"])
    kinds: dict[str, tuple[int, str]] = {}
    order = list(DESCRIPTIONS)
    for s in _query(store, ITEM_KINDS):
        local = s["c"].value.rsplit("#", 1)[-1]
        if local not in DESCRIPTIONS:
            continue
        desc = DESCRIPTIONS[local]
        if local == "HistoricalState" and (s["from"] is not None or s["until"] is not None):
            span = "–".join(x.value for x in (s["from"], s["until"]) if x is not None)
            desc = f"{desc} ({span})"
        rank = order.index(local)
        if s["wd"].value not in kinds or rank < kinds[s["wd"].value][0]:
            kinds[s["wd"].value] = (rank, desc)
    for wd in sorted(kinds):
        w.add(wd, SCHEMA_DESCRIPTION, ox.Literal(kinds[wd][1], language="en"))
    # statements of the mapped kinds of fact (documents and reference data sets)
    for iri, labels in VIEW_ITEM_LABELS.items():
        for lang, text in labels.items():
            w.add(iri, RDFS("label"), ox.Literal(text, language=lang))
    for mapping in STATEMENT_MAPPINGS:
        for s in _query(store, mapping.query()):
            fact = _Fact(
                s["f"].value, _val(s["doc"]), s["quote"], _val(s["dataset"]), s["row"],
                _val(s["rows"]),
            )
            st = f"{fact.iri}/wd/{mapping.pid}"
            if mapping.per_value:
                st += "/" + s["v"].value.rsplit("/", 1)[-1]
            w.statement(
                item(s["s"].value), mapping.pid, ox.NamedNode(item(s["v"].value)), st, fact
            )
            for qpid, var in mapping.qualifiers:
                if s[var] is not None:
                    w.add(st, PQ + qpid, ox.NamedNode(item(s[var].value)))
            role = _val(s["role"])
            if role and not role.endswith("/full"):
                w.add(st, PQ + "P2868", ox.NamedNode(role))
            if s["sd"] is not None:
                w.time_qualifier(st, "P580", s["sd"].value, _val(s["sp"]))
            if s["ed"] is not None:
                w.time_qualifier(st, "P582", s["ed"].value, _val(s["ep"]))
    # diplomatic relations (state-state only, both directions)
    for s in _query(store, RELATIONS):
        a, b = s["a"].value, s["b"].value
        if a not in states or b not in states:
            continue
        fact = _Fact(s["f"].value, s["doc"].value, s["quote"])
        status = (_val(s["status"]) or "").rsplit("/", 1)[-1]
        for x, y in ((a, b), (b, a)):
            tail = y.rsplit("/", 1)[-1]
            st = w.statement(
                item(x), "P530", ox.NamedNode(item(y)), f"{fact.iri}/wd/P530/{tail}", fact
            )
            if s["d"] is not None and status in ("established", "restored"):
                w.time_qualifier(st, "P580", s["d"].value, _val(s["dp"]))
            elif s["d"] is not None and status in ("severed", "suspended"):
                w.time_qualifier(st, "P582", s["d"].value, _val(s["dp"]))
    # agreements as items
    for s in _query(store, AGREEMENTS):
        fact = _Fact(s["f"].value, s["doc"].value, s["quote"])
        st31 = w.statement(fact.iri, "P31", ox.NamedNode(TREATY), f"{fact.iri}/wd/P31", fact)
        del st31
        if s["title"] is not None:
            w.add(fact.iri, RDFS("label"), s["title"])
        if s["party"] is not None:
            tail = s["party"].value.rsplit("/", 1)[-1]
            w.statement(
                fact.iri,
                "P1891",
                ox.NamedNode(item(s["party"].value)),
                f"{fact.iri}/wd/P1891/{tail}",
                fact,
            )
        if s["d"] is not None:
            iso, prec = wikidata_time(s["d"].value, _val(s["dp"]))
            lit = ox.Literal(iso, datatype=ox.NamedNode(XSD("dateTime")))
            st = w.statement(fact.iri, "P585", lit, f"{fact.iri}/wd/P585", fact)
            node = f"{st}/value"
            w.add(st, "http://www.wikidata.org/prop/statement/value/P585", ox.NamedNode(node))
            w.add(node, RDF("type"), ox.NamedNode(WIKIBASE + "TimeValue"))
            w.add(node, WIKIBASE + "timeValue", lit)
            w.add(
                node,
                WIKIBASE + "timePrecision",
                ox.Literal(str(prec), datatype=ox.NamedNode(XSD("integer"))),
            )
    yield from w.out


def write_view(store: ox.Store) -> int:
    """Replace ``dgg:wikidata-view`` in ``store`` atomically (a crash leaves the old view or
    the new one), writing only what changed (the view of the reference data is hundreds of
    thousands of quads); returns the number of quads of the view."""
    return replace_streamed(store, VIEW_GRAPH, wikidata_view_quads(store))
