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

The reference data sets are mapped by :data:`STATEMENT_MAPPINGS`: COW IGO memberships
(P463), capitals (P36), ATOP alliance spells, COW wars, GML militarized disputes, strategic
rivalries and UCDP armed conflicts (P710 participant, P607 conflict on the state where the
data has participation episodes, P31 our class), Archigos leaders (P39 with P1001), state-system
membership (P463 of the COW or G-W system) and COW major-power spells (P31 "major power").

Only entities with a *verified* QID are written as ``wd:Q…``; all others keep our IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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
DG_NS = "https://diplograph.org/ontology#"
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
    #: also the inverse statement ``?v {inverse} ?s`` (its own node ``{f}/wd/{inverse}``, the
    #: same qualifiers and reference): P607 conflict on a participant, from one query
    inverse: str | None = None
    #: also ``?f wdt:P31 <class>`` (undated, the fact's reference) for every fact found
    instance_of: str | None = None
    #: ``where`` as paths, evaluated in Python over :class:`ViewInputs` (the build's fast
    #: path; ``tests/linking/test_wikidata_view_paths.py`` checks both give the same rows):
    #: ``anchor`` the class of the node the pattern starts from (``?f`` itself unless
    #: ``to_fact`` leads from it to ``?f``); ``s``, ``v`` and each of ``qualifier_paths``
    #: a path from ``?f`` (see :func:`_follow`)
    anchor: str = ""
    to_fact: str = "."
    s: str = "."
    v: str = "."
    qualifier_paths: tuple[str, ...] = ()

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
            # a data-set fact is derived from its dg:SourceRows, and they from the data set
            # (loaders/tables.py): one join, not a type test per node (a third of the time)
            + "  OPTIONAL { ?f prov:wasDerivedFrom ?rows . ?rows prov:wasDerivedFrom ?dataset }\n"
            + "  OPTIONAL { ?f dg:sourceRow ?row }\n"
            + "  FILTER(BOUND(?doc) || BOUND(?dataset))\n"
            + "  OPTIONAL { ?f org:role ?role }\n"
            + dates
            + "}"
        )

    def variables(self) -> list[str]:
        """The names of the columns of :meth:`query`, in order."""
        return [*"f s v doc quote dataset row rows role sd sp ed ep".split(),
                *(v for _p, v in self.qualifiers)]


#: The value of a leader's P39 (position held): Archigos' *effective leader* is neither head
#: of state (P35) nor head of government (P6) in general (a party's general secretary), and no
#: Wikidata item for it is verified: an item of this view, labelled in English and Vietnamese.
EFFECTIVE_LEADER = "https://diplograph.org/id/wikidata-view/effective-leader"
#: The value of a major-power spell's P31: COW's list of major powers (not verified as any
#: Wikidata item, "great power" included: COW's criteria are its own).
MAJOR_POWER = "https://diplograph.org/id/wikidata-view/major-power"
VIEW_ITEM_LABELS = {
    EFFECTIVE_LEADER: {
        "en": "effective leader (Archigos)", "vi": "người lãnh đạo thực tế (Archigos)",
    },
    MAJOR_POWER: {
        "en": "major power (Correlates of War)", "vi": "cường quốc (Correlates of War)",
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
        anchor="dg:Membership", s="org:member", v="org:organization",
    ),
    # P36 capital: COW capitals, with the spell's dates
    StatementMapping(
        "capital", "P36",
        "?f a dg:CapitalSpell ; dg:state ?s ; dg:capital ?v .",
        anchor="dg:CapitalSpell", s="dg:state", v="dg:capital",
    ),
    # an ATOP alliance spell (no treaty id in the data: the spell is the item), P710
    # participant per party with the spell's years; P31 our class
    StatementMapping(
        "alliance", "P710",
        "?f a dg:AllianceObligation ; dg:party ?v . BIND(?f AS ?s)", per_value=True,
        instance_of=DG_NS + "AllianceObligation", anchor="dg:AllianceObligation", v="dg:party",
    ),
    # a COW war: P710 participant on the war (one statement per participation episode, with
    # its years) and P607 conflict on the state; P31 our class
    StatementMapping(
        "war-participant", "P710",
        "?s a dg:War ; dg:participantEpisode ?f . ?f dg:participant ?v .", inverse="P607",
        anchor="dg:War", to_fact="dg:participantEpisode", s="^", v="dg:participant",
    ),
    StatementMapping(
        "war-class", "P31",
        "?f a dg:War . BIND(?f AS ?s) BIND(dg:War AS ?v)", dated=False,
        anchor="dg:War", v="<" + DG_NS + "War>",
    ),
    # GML MID: P710 participant on the dispute per participant episode (with its dates at
    # their precision) and P607 conflict on the state; P31 our class
    StatementMapping(
        "dispute-participant", "P710",
        "?s a dg:MilitarizedDispute ; dg:participantEpisode ?f . ?f dg:participant ?v .",
        inverse="P607", anchor="dg:MilitarizedDispute", to_fact="dg:participantEpisode", s="^",
        v="dg:participant",
    ),
    StatementMapping(
        "dispute-class", "P31",
        "?f a dg:MilitarizedDispute . BIND(?f AS ?s) BIND(dg:MilitarizedDispute AS ?v)",
        dated=False, anchor="dg:MilitarizedDispute", v="<" + DG_NS + "MilitarizedDispute>",
    ),
    # Thompson-Dreyer strategic rivalries: P710 participant per party with the spell's
    # years; P31 our class
    StatementMapping(
        "rivalry", "P710",
        "?f a dg:StrategicRivalry ; dg:party ?v . BIND(?f AS ?s)", per_value=True,
        instance_of=DG_NS + "StrategicRivalry", anchor="dg:StrategicRivalry", v="dg:party",
    ),
    # UCDP/PRIO armed conflicts: P710 participant per state named as a primary side (A or
    # B) in any of its years, dated by the conflict's start; P31 our class. Secondary
    # supporters and the yearly intensity stay in our own graph.
    StatementMapping(
        "conflict", "P710",
        "?f a dg:ArmedConflict ; dg:conflictYear ?y . { ?y dg:sideA ?v } UNION "
        "{ ?y dg:sideB ?v } BIND(?f AS ?s)", per_value=True,
        instance_of=DG_NS + "ArmedConflict", anchor="dg:ArmedConflict",
        v="dg:conflictYear/dg:sideA|dg:sideB",
    ),
    # COW and Gleditsch-Ward state-system membership: P463 member of the system (our item,
    # labelled in its data set's graph), with the spell's days
    StatementMapping(
        "system-membership", "P463",
        "?f a dg:SystemMembership ; org:member ?s ; org:organization ?v .",
        anchor="dg:SystemMembership", s="org:member", v="org:organization",
    ),
    # COW major powers: P31 instance of "major power (COW)" with the spell's days (no
    # Wikidata item for COW's list is verified: an item of this view, like the leader post)
    StatementMapping(
        "major-power", "P31",
        f"?f a dg:MajorPowerStatus ; dg:state ?s . BIND(<{MAJOR_POWER}> AS ?v)",
        anchor="dg:MajorPowerStatus", s="dg:state", v=f"<{MAJOR_POWER}>",
    ),
    # Archigos: P39 position held (effective leader) with P1001 applies to jurisdiction
    StatementMapping(
        "leader", "P39",
        "?f a dg:LeaderTenure ; dg:leader ?s ; dg:state ?state . "
        f"BIND(<{EFFECTIVE_LEADER}> AS ?v)",
        qualifiers=(("P1001", "state"),),
        anchor="dg:LeaderTenure", s="dg:leader", v=f"<{EFFECTIVE_LEADER}>",
        qualifier_paths=("dg:state",),
    ),
)

MEMBERSHIPS = STATEMENT_MAPPINGS[0].query()

_NS = {"dg": DG_NS, "org": "http://www.w3.org/ns/org#", "prov": PROV_NS}


def _nt(name: str) -> str:
    """``dg:party`` -> ``<https://diplograph.org/ontology#party>``."""
    prefix, local = name.split(":", 1)
    return f"<{_NS[prefix]}{local}>"


#: what every mapping reads of a fact besides its pattern (the common part of the query)
_COMMON = ("dg:statedIn", "dg:quote", "prov:wasDerivedFrom", "dg:sourceRow", "org:role",
           "dg:startDate", "dg:startDatePrecision", "dg:endDate", "dg:endDatePrecision")


def _path_names(spec: str) -> list[str]:
    if spec in (".", "^") or spec.startswith("<"):
        return []
    return [p for step in spec.split("/") for p in step.split("|")]


#: The predicates the view reads (N-Triples form), and the classes (``rdf:type`` objects).
READ_PREDICATES: frozenset[str] = frozenset(
    _nt(n) for m in STATEMENT_MAPPINGS
    for n in (*_COMMON, *_path_names(m.to_fact), *_path_names(m.s), *_path_names(m.v),
              *(p for q in m.qualifier_paths for p in _path_names(q)))
)
READ_CLASSES: frozenset[str] = frozenset(_nt(m.anchor) for m in STATEMENT_MAPPINGS)
_TYPE = f"<{RDF('type')}>"
#: What :class:`ViewInputs` collects of one graph before it is kept:
#: ``({predicate: {subject: [object, …]}}, {class: [subject, …]})``.
ViewPart = tuple[dict[str, dict[str, list[str]]], dict[str, list[str]]]


class ViewInputs:
    """The triples the statement mappings read (:data:`READ_PREDICATES`, and ``rdf:type`` of
    :data:`READ_CLASSES`), as N-Triples terms: ``{predicate: {subject: [object, …]}}``.

    A build fills it from each data set's lines as the data-set step writes them
    (:meth:`collect`, :meth:`keep`), so that the view does not read back through SPARQL
    what was just written (decoding a term from the store costs microseconds); the graphs it
    does not hold (up to date, documents, registry) are read from the store
    (:meth:`read_graph`). Together they are what the SPARQL patterns of
    :data:`STATEMENT_MAPPINGS` see in the union of the graphs, the view's own graph left out
    (it binds no fact: its nodes have none of the mapped classes).

    >>> vi = ViewInputs()
    >>> part = vi.part()
    >>> lines = ['<http://e/f> <https://diplograph.org/ontology#party> <http://e/a> .\\n',
    ...          '<http://e/f> <http://e/other> "x" .\\n']
    >>> list(vi.collect(part, lines)) == lines
    True
    >>> vi.keep("http://e/g", part)
    >>> vi.objects("<https://diplograph.org/ontology#party>", "<http://e/f>")
    ['<http://e/a>']
    >>> sorted(vi.graphs)
    ['http://e/g']
    """

    def __init__(self) -> None:
        self.by_p: dict[str, dict[str, list[str]]] = {p: {} for p in READ_PREDICATES}
        self.types: dict[str, set[str]] = {c: set() for c in READ_CLASSES}
        #: the graphs whose triples are held here
        self.graphs: set[str] = set()

    @staticmethod
    def part() -> ViewPart:
        """An empty collection for one graph's lines (kept only if the graph is written):
        ``({predicate: {subject: [object, …]}}, {class: [subject, …]})``."""
        return {p: {} for p in READ_PREDICATES}, {c: [] for c in READ_CLASSES}

    @staticmethod
    def collect(part: ViewPart, items: Iterable[str | ox.Quad]) -> Iterator[str | ox.Quad]:
        """Pass ``items`` through (N-Triples lines ``s p o .\\n`` as the data-set loaders
        write them, or quads), adding to ``part`` the triples the view reads."""
        for item in items:
            ViewInputs.collect_chunk(part, (item,))
            yield item

    @staticmethod
    def collect_chunk(part: ViewPart, chunk: Iterable[str | ox.Quad]) -> None:
        """Add to ``part`` the triples of ``chunk`` the view reads (:meth:`collect` for a
        list of items at once: ``graph.store.replace_streamed``'s ``tap``). Each line is
        split once and filed at once under its predicate and subject."""
        tables, types = part
        a = _TYPE
        # a fact's lines come one after the other: its subject is kept as one string object
        # (less memory, and the view's lookups of that subject compare it by identity)
        last = ""
        for item in chunk:
            if isinstance(item, str):
                s, p, o = item.split(" ", 2)
                table = tables.get(p)
                if table is not None:
                    if s == last:
                        s = last
                    else:
                        last = s
                    objects = table.get(s)
                    if objects is None:
                        table[s] = [o[:-3]]
                    else:
                        objects.append(o[:-3])
                elif p == a:
                    found = types.get(o[:-3])
                    if found is not None:
                        if s == last:
                            s = last
                        else:
                            last = s
                        found.append(s)
                continue
            s, p, o = str(item.subject), str(item.predicate), str(item.object)
            table = tables.get(p)
            if table is not None:
                table.setdefault(s, []).append(o)
            elif p == a and o in types:
                types[o].append(s)

    def keep(self, graph: str, part: ViewPart) -> None:
        """Hold ``part``: the lines now in ``graph``."""
        tables, types = part
        for p, table in tables.items():
            mine = self.by_p[p]
            if not mine:
                self.by_p[p] = table
                continue
            for s, objects in table.items():
                have = mine.get(s)
                if have is None:
                    mine[s] = objects
                else:
                    have.extend(objects)
        for c, subjects in types.items():
            self.types[c].update(subjects)
        self.graphs.add(graph)

    def read_graph(self, store: ox.Store,
                   graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> None:
        """Add what the view reads of ``graph`` in ``store``."""
        for p in READ_PREDICATES:
            table = self.by_p[p]
            for q in store.quads_for_pattern(None, ox.NamedNode(p[1:-1]), None, graph):
                table.setdefault(str(q.subject), []).append(str(q.object))
        a = ox.NamedNode(RDF("type"))
        for c in READ_CLASSES:
            found = self.types[c]
            for q in store.quads_for_pattern(None, a, ox.NamedNode(c[1:-1]), graph):
                found.add(str(q.subject))
        if isinstance(graph, ox.NamedNode):
            self.graphs.add(graph.value)

    def complete(self, store: ox.Store) -> ViewInputs:
        """Read every graph of ``store`` not held yet (but the view's own); returns self."""
        for g in [*store.named_graphs(), ox.DefaultGraph()]:
            if isinstance(g, ox.NamedNode) and (g.value in self.graphs or g.value == VIEW_GRAPH):
                continue
            self.read_graph(store, g)
        return self

    def clear(self) -> None:
        """Forget everything held."""
        for table in self.by_p.values():
            table.clear()
        for found in self.types.values():
            found.clear()
        self.graphs.clear()

    def objects(self, p: str, s: str) -> Sequence[str]:
        """The objects of ``s p``."""
        return self.by_p[p].get(s, ())


def _follow(inputs: ViewInputs, f: str, anchor: str, spec: str) -> list[str]:
    """The nodes ``spec`` leads to from the fact ``f``: ``.`` the fact, ``^`` the anchor
    node, ``<iri>`` that constant, else steps separated by ``/``, each one or more
    predicates (prefixed names) separated by ``|`` (a SPARQL property path ``a/(b|c)``)."""
    if spec == ".":
        return [f]
    if spec == "^":
        return [anchor]
    if spec.startswith("<"):
        return [spec]
    nodes = [f]
    for step in spec.split("/"):
        nodes = [o for n in nodes for p in step.split("|") for o in inputs.objects(_nt(p), n)]
    return nodes


def _pairs(inputs: ViewInputs, f: str, p: str, q: str,
           unbound: str | None = None) -> list[tuple[str | None, str | None]]:
    """``OPTIONAL { ?f p ?x OPTIONAL { ?f q ?y } }``: the (x, y) pairs (``unbound`` where
    a variable is not bound)."""
    xs = inputs.objects(p, f)
    if not xs:
        return [(unbound, unbound)]
    ys: list[str | None] = list(inputs.objects(q, f)) or [unbound]
    return [(x, y) for x in xs for y in ys]


#: A path of :func:`_follow` made ready for one :class:`ViewInputs`: ``(kind, constant,
#: tables)``, kind 0 the fact, 1 the anchor, 2 the constant, 3 one table (one predicate),
#: 4 the steps (a list per step of the tables of its predicates)
_Path = tuple[int, str, list[list[dict[str, list[str]]]]]


def _compiled(inputs: ViewInputs, spec: str) -> _Path:
    """``spec`` (see :func:`_follow`) with its predicates' tables looked up once."""
    if spec == ".":
        return 0, "", []
    if spec == "^":
        return 1, "", []
    if spec.startswith("<"):
        return 2, spec, []
    steps = [[inputs.by_p[_nt(p)] for p in step.split("|")] for step in spec.split("/")]
    if len(steps) == 1 and len(steps[0]) == 1:
        return 3, "", steps
    return 4, "", steps


_NOTHING: tuple[str, ...] = ()


def _walk(path: _Path, f: str, anchor: str) -> Sequence[str]:
    """:func:`_follow` of a :func:`_compiled` path (a sequence not to be changed)."""
    kind, const, steps = path
    if kind == 3:
        return steps[0][0].get(f, _NOTHING)
    if kind == 0:
        return (f,)
    if kind == 1:
        return (anchor,)
    if kind == 2:
        return (const,)
    nodes: Sequence[str] = (f,)
    for tables in steps:
        nodes = [o for n in nodes for t in tables for o in t.get(n, _NOTHING)]
    return nodes


def mapping_rows(mapping: StatementMapping, inputs: ViewInputs,
                 unbound: str | None = None) -> list[tuple[str | None, ...]]:
    """The solutions of ``mapping.query()`` (columns :meth:`StatementMapping.variables`),
    evaluated over ``inputs`` instead of the store, sorted as :func:`_rows` sorts them.
    ``unbound``: what stands for an unbound variable (``""`` sorts the rows without a key
    function: the build's path, where no term is empty)."""
    by_p = inputs.by_p
    statedin, quote, derived, source_row, role = (by_p[_nt(n)] for n in _COMMON[:5])
    start, start_p = by_p[_nt(mapping.start)], by_p[_nt(mapping.start + "Precision")]
    end, end_p = by_p[_nt(mapping.end)], by_p[_nt(mapping.end + "Precision")]
    to_fact = _compiled(inputs, mapping.to_fact)
    s_path, v_path = _compiled(inputs, mapping.s), _compiled(inputs, mapping.v)
    q_paths = [_compiled(inputs, spec) for spec in mapping.qualifier_paths]
    dated = mapping.dated
    out: set[tuple[str | None, ...]] = set()
    add = out.add
    none2: list[tuple[str | None, str | None]] = [(unbound, unbound)]
    none1: list[str | None] = [unbound]
    nothing = _NOTHING

    def pairs(f: str, p: dict[str, list[str]],
              q: dict[str, list[str]]) -> list[tuple[str | None, str | None]]:
        xs = p.get(f)
        if not xs:
            return none2
        ys: Sequence[str | None] = q.get(f) or none1
        return [(x, y) for x in xs for y in ys]

    for anchor in inputs.types[_nt(mapping.anchor)]:
        for f in _walk(to_fact, anchor, anchor):
            subjects = _walk(s_path, f, anchor)
            if not subjects:
                continue
            values = _walk(v_path, f, anchor)
            if not values:
                continue
            quals: list[tuple[str | None, ...]] = [()]
            for qp in q_paths:
                quals = [(*q, x) for q in quals for x in _walk(qp, f, anchor)]
            docs: list[tuple[str | None, str | None]] = none2
            ds_ = statedin.get(f)
            if ds_:
                docs = [(d, q) for d in ds_ for q in quote.get(f, nothing)] or none2
            prov: list[tuple[str | None, str | None]] = none2
            dv = derived.get(f)
            if dv:
                prov = [(ds, rows) for rows in dv for ds in derived.get(rows, nothing)] or none2
            if docs is none2 and prov is none2:
                continue  # FILTER(BOUND(?doc) || BOUND(?dataset))
            srows: Sequence[str | None] = source_row.get(f) or none1
            roles: Sequence[str | None] = role.get(f) or none1
            if dated:
                starts = pairs(f, start, start_p)
                ends = pairs(f, end, end_p)
            else:
                starts = ends = none2
            for s in subjects:
                for v in values:
                    for doc, q in docs:
                        for ds, rows in prov:
                            for row in srows:
                                for r in roles:
                                    for sd, sp in starts:
                                        for ed, ep in ends:
                                            for qv in quals:
                                                add((f, s, v, doc, q, ds, row, rows, r,
                                                     sd, sp, ed, ep, *qv))
    if unbound == "":
        return sorted(out)  # no None here: plain string tuples
    return sorted(out, key=lambda r: tuple("" if t is None else t for t in r))


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
}
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
    """A fact's IRI and provenance, as N-Triples terms."""

    iri: str
    doc: str | None
    quote: str | None
    dataset: str | None = None
    row: str | None = None
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


def _rows(store: ox.Store, q: str) -> list[tuple[str | None, ...]]:
    """The solutions of ``q`` as tuples of N-Triples terms (``None`` where unbound), sorted.

    pyoxigraph writes a term in N-Triples with ``str()``; sorting here (not ``ORDER BY``,
    which costs more than the rest of the query on the full graph) makes the view's order
    independent of the engine's join order."""
    return sorted(
        (tuple(None if t is None else str(t) for t in s)
         for s in solutions(store.query(q, use_default_graph_as_union=True))),
        key=lambda r: tuple("" if t is None else t for t in r),
    )


def _val(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def _bound(nt: str | None) -> str:
    """``nt``, which the query binds in every solution."""
    assert nt, "a variable every solution binds is unbound"
    return nt


def _value(nt: str) -> str:
    """The lexical value of an IRI or a simple/typed literal in N-Triples (no escapes in it:
    IRIs, dates and precision IRIs here)."""
    if nt[0] == "<":
        return nt[1:-1]
    return nt[1:nt.rindex('"')]


def verified_qids(store: ox.Store) -> dict[str, str]:
    """Our entity IRI -> Wikidata entity IRI, for verified links (``skos:exactMatch``) only."""
    return {s["e"].value: s["wd"].value for s in _query(store, VERIFIED_QIDS)}


_DATETIME = f"<{XSD('dateTime')}>"
_INTEGER = f"<{XSD('integer')}>"


class _Writer:
    """The view's triples as N-Triples lines (terms already in N-Triples form); a line
    written twice is kept once, where it first came (:meth:`lines`).

    Lines are compared only with those that could equal them: the lines about a statement
    node, its reference node or one of its time qualifiers are written by one method each
    (:meth:`statement`, :meth:`time_qualifier`) and compared with the few lines already
    written for that node; every other line (``wdt:`` shortcuts, labels, other qualifiers) is
    compared with the other lines of that kind (:meth:`add`). So no set of every line (1.2 M
    of them) is built and hashed."""

    def __init__(self) -> None:
        self.out: list[str] = []
        #: the lines written by :meth:`add`
        self._seen: set[str] = set()
        #: statement node, reference node, (statement node, property) of a time qualifier
        #: -> the lines written about it
        self._about: dict[object, list[str] | tuple[str, ...]] = {}
        self.a = f"<{RDF('type')}>"
        self._p: dict[str, str] = {}
        iri = self.iri
        self._stmt = (iri(WIKIBASE + "Statement"), iri(WIKIBASE + "rank"),
                      iri(WIKIBASE + "NormalRank"), iri(PROV_NS + "wasDerivedFrom"),
                      iri(WIKIBASE + "Reference"), iri(PR + "P248"), iri(PR + "P854"),
                      iri(PR + "P1683"), iri("https://diplograph.org/ontology#sourceRow"))
        self._time = (iri(WIKIBASE + "TimeValue"), iri(WIKIBASE + "timeValue"),
                      iri(WIKIBASE + "timePrecision"), iri(WIKIBASE + "timeTimezone"),
                      iri(WIKIBASE + "timeCalendarModel"), iri(GREGORIAN))
        #: (property, date, precision) -> the text of a time qualifier after its node
        self._times: dict[tuple[str, str, str | None], tuple[str, ...]] = {}
        #: the same by property, date and precision in N-Triples (one string)
        self._times_nt: dict[str, tuple[str, ...]] = {}
        #: property -> its wdt:, p: and ps: IRIs
        self._props: dict[str, tuple[str, str, str]] = {}
        #: the reference node and provenance fields already written by :meth:`statement_of`
        self._refs: set[str] = set()

    def iri(self, value: str) -> str:
        n = self._p.get(value)
        if n is None:
            n = self._p[value] = f"<{value}>"
        return n

    def add(self, s: str, p: str, o: str) -> None:
        line = f"{s} {p} {o} .\n"
        if line not in self._seen:
            self._seen.add(line)
            self.out.append(line)

    def _group(self, key: object, lines: tuple[str, ...]) -> None:
        """Write ``lines``, the lines about ``key`` (no other method writes them), but
        those already written about it."""
        about = self._about
        done = about.get(key)
        if done is None:  # the first time: all new
            about[key] = lines
            self.out.extend(lines)
            return
        if not isinstance(done, list):
            done = about[key] = list(done)
        for line in lines:
            if line not in done:
                done.append(line)
                self.out.append(line)

    def lines(self) -> list[str]:
        """Every line once, in the order of first writing."""
        return self.out

    def time_qualifier(self, st: str, prop: str, value: str, precision: str | None) -> None:
        key = (prop, value, precision)
        tails = self._times.get(key)
        if tails is None:  # the text after the node, once per property, date and precision
            iso, prec = wikidata_time(value, precision)
            lit = f'"{iso}"^^{_DATETIME}'
            tv, tvalue, tprec, tz, cal, greg = self._time
            tails = self._times[key] = (
                f" {self.iri(PQ + prop)} {lit} .\n", f" {self.iri(PQV + prop)} ",
                f"/value/{prop}>", f" {self.a} {tv} .\n", f" {tvalue} {lit} .\n",
                f' {tprec} "{prec}"^^{_INTEGER} .\n', f' {tz} "0"^^{_INTEGER} .\n',
                f" {cal} {greg} .\n",
            )
        pq, pqv, suffix, t_a, t_value, t_prec, t_tz, t_cal = tails
        node = st[:-1] + suffix
        self._group((st, prop), (st + pq, f"{st}{pqv}{node} .\n", node + t_a,
                                 node + t_value, node + t_prec, node + t_tz, node + t_cal))

    def time_qualifier_nt(self, st: str, prop: str, value_nt: str,
                          precision_nt: str | None) -> None:
        """:meth:`time_qualifier` of a date and precision in N-Triples (as the rows of
        :func:`mapping_rows` hold them; ``precision_nt`` None or "" when unbound)."""
        key = f"{prop}\n{value_nt}\n{precision_nt}"  # a string: see _refs
        tails = self._times_nt.get(key)
        if tails is None:
            value = _value(value_nt)
            precision = _value(precision_nt) if precision_nt else None
            self.time_qualifier(st, prop, value, precision)
            self._times_nt[key] = self._times[(prop, value, precision)]
            return
        pq, pqv, suffix, t_a, t_value, t_prec, t_tz, t_cal = tails
        node = st[:-1] + suffix
        self._group((st, prop), (st + pq, f"{st}{pqv}{node} .\n", node + t_a,
                                 node + t_value, node + t_prec, node + t_tz, node + t_cal))

    def _time_value(self, node: str, lit: str, prec: int) -> None:
        tv, tvalue, tprec = self._time[:3]
        self.add(node, self.a, tv)
        self.add(node, tvalue, lit)
        self.add(node, tprec, f'"{prec}"^^{_INTEGER}')

    def statement(self, subject: str, prop: str, obj: str, st: str, fact: _Fact) -> str:
        """``subject`` (N-Triples) ``prop`` (a PID) ``obj`` (N-Triples) as a statement node
        ``st`` (N-Triples) with its reference; returns ``st``."""
        return self.statement_of(subject, prop, obj, st, fact.iri, fact.doc, fact.quote,
                                 fact.dataset, fact.row, fact.rows)

    def statement_of(self, subject: str, prop: str, obj: str, st: str, f: str,
                     doc: str | None, quote: str | None, dataset: str | None = None,
                     row: str | None = None, rows: str | None = None) -> str:
        """:meth:`statement` of the fact ``f`` with its provenance given field by field (an
        unbound field is None, or "" from the build's path, ``mapping_rows(unbound="")``)."""
        statement, rank, normal, derived, reference, p248, p854, p1683, row_p = self._stmt
        a = self.a
        ref = f"{f[:-1]}/wd/reference>"
        props = self._props.get(prop)
        if props is None:
            props = self._props[prop] = (self.iri(WDT + prop), self.iri(P + prop),
                                         self.iri(PS + prop))
        wdt, p, ps = props
        line = f"{subject} {wdt} {obj} .\n"  # self.add, inlined
        if line not in self._seen:
            self._seen.add(line)
            self.out.append(line)
        self._group(st, (
            f"{subject} {p} {st} .\n",
            f"{st} {a} {statement} .\n",
            f"{st} {rank} {normal} .\n",
            f"{st} {ps} {obj} .\n",
            f"{st} {derived} {ref} .\n",
        ))
        # the reference's lines depend on nothing else: written once per fact and provenance
        # the key is one string (no N-Triples term holds a raw line break), not a tuple: the
        # last 2,000 tuples freed of each size stay on CPython's free list, and tuples kept
        # to the end and spread over the memory of the 1.1 M lines kept that memory from
        # being returned after the lines were written (+200 MB of peak RSS in a build)
        key = f"{ref}\n{doc}\n{quote}\n{dataset}\n{row}\n{rows}"
        if key in self._refs:
            return st
        self._refs.add(key)
        refs = [f"{ref} {a} {reference} .\n"]
        if doc:
            refs.append(f"{ref} {p248} {doc} .\n")
            refs.append(f"{ref} {p854} {doc} .\n")
        if quote:
            refs.append(f"{ref} {p1683} {quote} .\n")
        if dataset:
            # stated in: the reference data set (our IRI: no verified QID), with its row
            refs.append(f"{ref} {p248} {dataset} .\n")
            if row:
                refs.append(f"{ref} {row_p} {row} .\n")
            if rows:  # the dg:SourceRows node (file and line numbers)
                refs.append(f"{ref} {derived} {rows} .\n")
        self._group(ref, tuple(refs))
        return st


def wikidata_view_lines(store: ox.Store, inputs: ViewInputs | None = None) -> list[str]:
    """The triples of ``dgg:wikidata-view`` as N-Triples lines, read from ``store`` (union of
    graphs) and written as text (no pyoxigraph term objects: the view is close to half of the
    full graph). The statement mappings read ``inputs`` (what a build kept of the graphs it
    wrote, :class:`ViewInputs`) and the other graphs of ``store``; the registry, documents'
    relations and agreements are read through SPARQL.

    Deterministic: the same store gives the same lines in the same order.
    """
    inputs = (inputs or ViewInputs()).complete(store)
    qids = {f"<{k}>": f"<{v}>" for k, v in verified_qids(store).items()}
    states = {f"<{s['e'].value}>" for s in _query(store, STATES)}

    def item(nt: str) -> str:
        return qids.get(nt, nt)

    w = _Writer()
    label, alt = w.iri(str(RDFS("label"))), w.iri(SKOS_ALT)
    # the wd: items: labels (en, vi), aliases and a description from the registry
    # in the order of ``ORDER BY ?wd ?p ?l`` (IRIs by their text, these literals by their text
    # and then language), sorted here: the engine's ORDER BY of literals cost 0.13 s
    found = []
    for s in _query(store, ITEM_LABELS):
        wd, p, lit = s["wd"], s["p"], s["l"]
        found.append((wd.value, p.value, lit.value, lit.language or "", str(wd),
                      label if p.value.endswith("#label") else alt, str(lit)))
    found.sort()
    for *_key, wd_nt, p_nt, lit_nt in found:
        w.add(wd_nt, p_nt, lit_nt)
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
    description = w.iri(SCHEMA_DESCRIPTION)
    for wd in sorted(kinds):
        w.add(w.iri(wd), description, str(ox.Literal(kinds[wd][1], language="en")))
    for iri, labels in VIEW_ITEM_LABELS.items():
        for lang, text in labels.items():
            w.add(w.iri(iri), label, str(ox.Literal(text, language=lang)))
    # statements of the mapped kinds of fact (documents and reference data sets)
    for mapping in STATEMENT_MAPPINGS:
        col = {n: i for i, n in enumerate(mapping.variables())}
        i_f, i_s, i_v, i_role = col["f"], col["s"], col["v"], col["role"]
        i_sd, i_sp, i_ed, i_ep = col["sd"], col["sp"], col["ed"], col["ep"]
        prov = (col["doc"], col["quote"], col["dataset"], col["row"], col["rows"])
        quals = [(w.iri(PQ + qpid), col[var]) for qpid, var in mapping.qualifiers]
        p2868 = w.iri(PQ + "P2868")
        instance_of = None if mapping.instance_of is None else w.iri(mapping.instance_of)
        typed: tuple[str | None, ...] = ()  # the fact and provenance of the last P31 written
        pid, inverse, per_value = mapping.pid, mapping.inverse, mapping.per_value
        statement, time_nt, add = w.statement_of, w.time_qualifier_nt, w.add
        assert prov == (3, 4, 5, 6, 7) and (i_f, i_s, i_v) == (0, 1, 2)  # variables()
        # "" for an unbound variable (no term is empty): the rows sort without a key
        for r in mapping_rows(mapping, inputs, unbound=""):
            f_nt, s_nt, v_nt, doc, quote, dataset, row, rows = r[:8]
            f = _bound(f_nt)
            head = f[:-1]
            if per_value:
                st = f"{head}/wd/{pid}/{_value(_bound(v_nt)).rsplit('/', 1)[-1]}>"
            else:
                st = f"{head}/wd/{pid}>"
            subj, val = item(_bound(s_nt)), item(_bound(v_nt))
            todo = [(subj, pid, val, st)]
            if inverse:
                todo.append((val, inverse, subj, f"{head}/wd/{inverse}>"))
            role = r[i_role]
            if role and role.endswith("/full>"):
                role = ""
            start, end = r[i_sd], r[i_ed]
            for subject, p_id, obj, node in todo:
                statement(subject, p_id, obj, node, f, doc, quote, dataset, row, rows)
                for qp, i in quals:
                    q_value = r[i]
                    if q_value:
                        add(node, qp, item(q_value))
                if role:
                    add(node, p2868, role)
                if start:
                    time_nt(node, "P580", start, r[i_sp])
                if end:
                    time_nt(node, "P582", end, r[i_ep])
            if instance_of is not None:
                key = r[:1] + r[3:8]
                if key != typed:  # the same lines as for the row before (its other value)
                    typed = key
                    statement(f, "P31", instance_of, f"{head}/wd/P31>", f, doc, quote,
                              dataset, row, rows)
    # diplomatic relations (state-state only, both directions)
    for s in _query(store, RELATIONS):
        a, b = str(s["a"]), str(s["b"])
        if a not in states or b not in states:
            continue
        fact = _Fact(str(s["f"]), str(s["doc"]), str(s["quote"]))
        status = (_val(s["status"]) or "").rsplit("/", 1)[-1]
        for x, y in ((a, b), (b, a)):
            tail = _value(y).rsplit("/", 1)[-1]
            st = w.statement(item(x), "P530", item(y), f"{fact.iri[:-1]}/wd/P530/{tail}>", fact)
            if s["d"] is not None and status in ("established", "restored"):
                w.time_qualifier(st, "P580", s["d"].value, _val(s["dp"]))
            elif s["d"] is not None and status in ("severed", "suspended"):
                w.time_qualifier(st, "P582", s["d"].value, _val(s["dp"]))
    # agreements as items
    for s in _query(store, AGREEMENTS):
        f = str(s["f"])
        fact = _Fact(f, str(s["doc"]), str(s["quote"]))
        w.statement(f, "P31", w.iri(TREATY), f"{f[:-1]}/wd/P31>", fact)
        if s["title"] is not None:
            w.add(f, label, str(s["title"]))
        if s["party"] is not None:
            tail = s["party"].value.rsplit("/", 1)[-1]
            w.statement(f, "P1891", item(str(s["party"])), f"{f[:-1]}/wd/P1891/{tail}>", fact)
        if s["d"] is not None:
            iso, prec = wikidata_time(s["d"].value, _val(s["dp"]))
            lit = f'"{iso}"^^{_DATETIME}'
            st = w.statement(f, "P585", lit, f"{f[:-1]}/wd/P585>", fact)
            node = f"{st[:-1]}/value>"
            w.add(st, w.iri("http://www.wikidata.org/prop/statement/value/P585"), node)
            w._time_value(node, lit, prec)
    return w.lines()


def _opt(nt: str | None) -> str | None:
    return _value(nt) if nt else None


def wikidata_view_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The quads of ``dgg:wikidata-view`` (:func:`wikidata_view_lines` parsed: for exports
    and tests; the build writes the lines)."""
    text = "".join(wikidata_view_lines(store)).encode("utf-8")
    g = ox.NamedNode(VIEW_GRAPH)
    for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
        yield ox.Quad(t.subject, t.predicate, t.object, g)


def write_view(store: ox.Store, inputs: ViewInputs | None = None) -> int:
    """Replace ``dgg:wikidata-view`` in ``store`` atomically (a crash leaves the old view or
    the new one), writing only what changed (the view of the reference data is hundreds of
    thousands of quads); returns the number of quads of the view. ``inputs``: what the build
    kept of the graphs it has just written (:class:`ViewInputs`; emptied here)."""
    lines = wikidata_view_lines(store, inputs)
    if inputs is not None:
        inputs.clear()  # free the tables before the bulk load

    def drain() -> Iterator[str]:
        # the lines are freed as their parts are written (the parts are held in memory, see
        # graph.store.write_parts): the lines and their text are not both held whole
        step = 65_536
        while lines:
            chunk = lines[:step]
            del lines[:step]
            yield from chunk

    return replace_streamed(store, VIEW_GRAPH, drain())
