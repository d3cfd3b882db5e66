"""Linked Data: every IRI we mint resolves on this server.

``<DIPLOGRAPH_BASE>id/X`` is served at ``/id/X``:

- ``GET /id/X`` answers ``303 See Other``: to ``/page/X`` for browsers (``Accept`` names
  HTML), else to ``/data/X.ttl`` (or ``.nt``, ``.jsonld``, ``.rdf`` by ``Accept``);
- ``GET /id/X.ttl`` (``.nt``, ``.jsonld``, ``.rdf``, ``.html``) answers directly;
- ``GET /data/X.ttl`` etc.: the entity's triples (as subject and as object) and those of its
  own sub-nodes (``X/wikidata``, a fact's ``X/annotation``, ``X/quote``, ``X/role/1`` …);
- ``GET /page/X``: the HTML page.

An IRI with no triples is a 404. The IRI is always bound as an RDF term
(``substitutions``), never pasted into query text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote as url_quote

import pyoxigraph as ox
from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask import g as request_globals
from markupsafe import escape

from ..graph.changes import predicate_marker
from ..graph.errors import DiplographError
from ..graph.formats import JSONLD, NTRIPLES, RDFXML, TURTLE
from ..graph.namespaces import (
    DCTERMS,
    DG,
    ID,
    OA,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    WD,
)
from .conneg import negotiate, prefers_html
from .i18n import ui_lang
from .page_cache import serve_cached
from .page_layout import (
    PAGE_SIZE,
    FactGroup,
    PageFilter,
    PageLayout,
    layout_page,
    page_of,
    slug,
    summarise_reference,
)
from .pictures import pictures_for
from .renamed import Renamed, new_path, store_table
from .ui import base_iri, construct, href, iri_term, query_service

bp = Blueprint("linked_data", __name__, template_folder="templates")
log = logging.getLogger("diplograph.server")


@bp.record_once
def _read_renamed(state: Any) -> None:
    """Read the renamed IRIs from the store when the app is made (the ``renamed-iris`` table
    the build wrote from ``data/registry/renamed.csv``): a bad row stops the start with file,
    line and field, not each request."""
    try:
        table = _renamed(state.app)
    except DiplographError as e:
        if e.kind == "bad-input":
            raise
        # an external engine out of reach: the table is read at the first request instead
        log.warning("cannot read the renamed IRIs at start: %s", e.message)
        return
    if not table:
        log.warning("the store holds no renamed IRIs (the renamed-iris table): old IRIs get "
                    "404, not 301; build it with `diplograph build`")


def _renamed(app: Flask | None = None) -> dict[str, Renamed]:
    """The renamed IRIs the store holds, read again after each write (one ``stat`` per call
    when nothing changed)."""
    app = app or current_app
    qs = app.extensions["diplograph"]
    generation = qs.generation
    kept = app.extensions.get("diplograph.renamed")
    if kept is None or kept[0] != generation:
        kept = (generation, store_table(qs.read_store()))
        app.extensions["diplograph.renamed"] = kept
    return kept[1]  # type: ignore[no-any-return]

#: Data formats of ``/data/…`` and ``/id/….ext``, in server preference order.
DATA_TYPES: dict[str, tuple[str, ox.RdfFormat]] = {
    TURTLE: ("ttl", ox.RdfFormat.TURTLE),
    NTRIPLES: ("nt", ox.RdfFormat.N_TRIPLES),
    JSONLD: ("jsonld", ox.RdfFormat.JSON_LD),
    RDFXML: ("rdf", ox.RdfFormat.RDF_XML),
}
SUFFIXES: dict[str, str] = {ext: media for media, (ext, _) in DATA_TYPES.items()}
SUFFIXES["html"] = "text/html"

#: Turtle prefixes for data pages. ``dgr:``/``dgc:`` are left out: local names with ``/``
#: would need escaping (``dgr:state\\/MNG``), and full IRIs read better.
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("dgr", "dgc", "dgg")}

LABEL_PROPS = (RDFS("label"), str(SKOS) + "prefLabel", DCTERMS("title"))
LABELS_VALUES = "VALUES ?lp { rdfs:label skos:prefLabel dcterms:title }"


# --------------------------------------------------------------------------------------------
# Queries (static text; the entity is the substituted variable ?s)
# --------------------------------------------------------------------------------------------


_PREFIXES = (
    f"PREFIX dg: <{DG('')}>\nPREFIX rdfs: <{RDFS('')}>\nPREFIX skos: <{SKOS}>\n"
    f"PREFIX dcterms: <{DCTERMS('')}>\n"
)

def _below(node: str, parent: str) -> str:
    """``FILTER`` text: ``node`` is an IRI minted below ``parent`` (``{parent}/…``)."""
    return f'FILTER(isIRI({node}) && STRSTARTS(STR({node}), CONCAT(STR({parent}), "/")))'


#: Nodes that belong to ``?x``: sub-nodes one or two links away (roles, posts, intervals,
#: periods, level changes, the Wikidata link node), following real links only (no IRIs built
#: with BIND: those defeat the join order and made pages take seconds).
#: The links from a first-level sub-node to a second-level one in docs/model.md
#: ({fact}/role/1 -> {fact}/post/1; {fact}/interval or /period -> its beginning and end).
SECOND_HOP = "dg:post|<http://www.w3.org/2006/time#hasBeginning>|<http://www.w3.org/2006/time#hasEnd>"


def _own_nodes(x: str, out: str, tag: str, then: str) -> str:
    """Branches binding ``out`` to the sub-nodes of ``x``, each followed by ``then``.

    Each branch carries its own ``then`` (``?node ?p ?o``): joined after the UNION, pyoxigraph
    0.5 evaluated ``?node ?p ?o`` unbound (5 to 20 s for the Mongolia page instead of ms).
    The second hop follows the named properties of docs/model.md only, for the same reason.
    """
    n1 = f"?{tag}n1"
    return (
        f"{{ {x} ?{tag}r1 {out} {_below(out, x)} {then} }}\n"
        f"      UNION {{ {x} ?{tag}r1 {n1} . {n1} {SECOND_HOP} {out} {_below(n1, x)} {then} }}"
    )


#: The entity's description: its triples both ways, its own sub-nodes' triples and, for a
#: fact, its Web Annotation with the target and the selectors.
ENTITY_DATA = (
    _PREFIXES
    + f"""PREFIX oa: <http://www.w3.org/ns/oa#>
CONSTRUCT {{ ?s ?p ?o . ?x ?q ?s . ?n ?np ?no . }}
WHERE {{
  {{ ?s ?p ?o }}
  UNION {{ ?x ?q ?s }}
  UNION {_own_nodes("?s", "?n", "e", "?n ?np ?no")}
  UNION {{ ?n oa:hasBody ?s . ?n ?np ?no }}
  UNION {{ ?ea oa:hasBody ?s . ?ea oa:hasTarget ?n . ?n ?np ?no }}
  UNION {{ ?ea oa:hasBody ?s . ?ea oa:hasTarget ?et . ?et oa:hasSelector ?n . ?n ?np ?no }}
}}"""
)

_NODE = f"?node ?p ?o OPTIONAL {{ {LABELS_VALUES} ?o ?lp ?l }}"

EXISTS = "ASK { { ?s ?p ?o } UNION { ?x ?q ?s } }"

# An entity page is read in steps, so that a state in thousands of facts stays cheap (#12, #14):
# the entity itself (SELF_DATA), one row per fact that involves it (FACT_INDEX: its class,
# dates and document, enough for the groups, counts, filters, paging and timeline), then the
# details of only the facts the page shows (FACT_DETAILS, FACT_NODES, FACT_LABELS), and the
# other nodes that point at it (INCOMING, capped).

#: The entity, its own nodes, its annotation (a fact page) and the labels of their objects.
SELF_DATA = (
    _PREFIXES
    + f"""PREFIX oa: <http://www.w3.org/ns/oa#>
CONSTRUCT {{ ?s ?p0 ?o0 . ?o0 ?lp0 ?l0 . ?node ?p ?o . ?o ?lp ?l . }}
WHERE {{
  {{ ?s ?p0 ?o0
     OPTIONAL {{ VALUES ?lp0 {{ rdfs:label skos:prefLabel dcterms:title }} ?o0 ?lp0 ?l0 }} }}
  UNION {_own_nodes("?s", "?node", "e", _NODE)}
  UNION {{ ?node oa:hasBody ?s . {_NODE} }}
  UNION {{ ?a oa:hasBody ?s . ?a oa:hasTarget ?node . {_NODE} }}
  UNION {{ ?a oa:hasBody ?s . ?a oa:hasTarget ?t . ?t oa:hasSelector ?node . {_NODE} }}
}}"""
)

#: One row per fact that points at ?s: its class (the first dg: class but dg:Fact, as
#: :func:`fact_view` chooses), its earliest start and latest end (the bounds of docs/model.md),
#: and the document that states it (none for a reference data set's fact). ``FILTER EXISTS``
#: keeps the join order: written as a triple pattern, ``?f a dg:Fact`` was evaluated first, over
#: every fact of the graph (0.13 s instead of 0.02 s for the USA).
FACT_INDEX = (
    _PREFIXES
    + """SELECT ?s ?f (MIN(STR(?c)) AS ?kind) (MIN(?st) AS ?start) (MAX(?en) AS ?end)
       (SAMPLE(?d) AS ?doc)
WHERE {
  { SELECT DISTINCT ?s ?f WHERE { ?f ?q ?s . FILTER(?f != ?s) FILTER EXISTS { ?f a dg:Fact } } }
  OPTIONAL { ?f a ?c FILTER(?c != dg:Fact && STRSTARTS(STR(?c), STR(dg:))) }
  OPTIONAL { ?f dg:dateEarliest|dg:startDateEarliest|dg:signingDateEarliest|dg:foundedDateEarliest
               ?st }
  OPTIONAL { ?f dg:endDateLatest ?en }
  OPTIONAL { ?f dg:statedIn ?d }
} GROUP BY ?s ?f"""
)

#: What the one-line summary of a folded group counts (:func:`_reference_summaries`): one row
#: per fact of ?s, with its counterparts and its sources, each a space-separated list of IRIs
#: (an IRI holds no space; the separator is written out, as Virtuoso requires it); those of
#: document facts are left out in Python, as the index says
#: which they are. Two branches, no OPTIONAL. A row per counterpart and per source (as
#: until session 12) cost the store less but Python more: France's 3,834 rows took 42-47 ms
#: of CPU to read against 39 ms for these 895 (pyoxigraph 0.5, the full graph).
REFERENCE_PARTS = (
    _PREFIXES
    + f"""PREFIX prov: <{PROV('')}>
SELECT ?s ?f (GROUP_CONCAT(COALESCE(STR(?other), ""); separator=" ") AS ?others)
       (GROUP_CONCAT(COALESCE(STR(?ds), ""); separator=" ") AS ?sets) WHERE {{
  {{ ?f dg:involves ?s . ?f dg:involves ?other FILTER(?other != ?s && isIRI(?other)) }}
  UNION {{ ?f dg:involves ?s . ?f prov:wasDerivedFrom ?ds FILTER(isIRI(?ds)) }}
}} GROUP BY ?s ?f"""
)

#: The titles of data sets (``{sets}``: a VALUES block of the store's own IRIs that
#: :data:`REFERENCE_PARTS` returned, written as N-Triples terms).
DATA_SET_TITLES = (
    _PREFIXES
    + """SELECT ?ds (SAMPLE(?t) AS ?title) WHERE { VALUES ?ds { {sets} }
  ?ds dcterms:title|rdfs:label ?t FILTER(LANGMATCHES(LANG(?t), "en")) } GROUP BY ?ds"""
)

#: ``{facts}`` below is a VALUES block of fact IRIs that FACT_INDEX returned (the store's own
#: IRIs, written as N-Triples terms by pyoxigraph): nothing from the request is pasted.
#: The facts' own triples, but :data:`UNREAD_FACT_PROPS` and the Wikidata-shaped view's (a page
#: never shows those: a quarter of the triples of the USA's facts). ``{unread}`` is filled in
#: by :func:`fact_details`: the view's properties are left out by name (:data:`_VIEW_PROPS`).
FACT_DETAILS = """CONSTRUCT { ?f ?p ?o } WHERE { VALUES ?f { {facts} } ?f ?p ?o
  FILTER(?p NOT IN ({unread})) }"""

#: Properties of a fact that no row of a fact table reads (a third of the triples of
#: France's facts): its link to every entity it involves and its fact type (the group and the
#: counterpart column say those), and the latest day a start, signing or founding date can
#: mean (a row places a fact by its earliest start and its latest end). A fact's own page
#: reads its triples with :data:`SELF_DATA`, and shows them all.
UNREAD_FACT_PROPS = (DG("involves"), DG("factType"), DG("dateLatest"), DG("startDateLatest"),
                     DG("signingDateLatest"), DG("foundedDateLatest"))

#: :data:`FACT_DETAILS` of facts that :data:`FACT_INDEX` listed: it says they are facts and
#: of which class, so their types are written from it (:func:`fact_details`) rather than read
#: again (a tenth of their triples), and their own labels, which no row shows, are left out.
FACT_DETAILS_INDEXED = FACT_DETAILS.replace(
    "{unread}", ", ".join(f"<{p}>" for p in (*UNREAD_FACT_PROPS, RDF("type"), RDFS("label")))
    + ", {unread}")
FACT_DETAILS = FACT_DETAILS.replace(
    "{unread}", ", ".join(f"<{p}>" for p in UNREAD_FACT_PROPS) + ", {unread}")

#: The Wikidata-shaped view's properties met on facts so far (``wdt:P31``, ``p:P710`` …).
#: :data:`FACT_DETAILS` leaves them out by name, which costs the store a comparison of two
#: numbers per triple, where a test of each property's namespace costs it a string (a quarter
#: of the query's time for France's page). One not met yet is read, dropped by
#: :func:`fact_details` and named from then on. Replaced, never changed in place (threads).
#: Seeded with those the full graph's facts hold (session 12: ``p:`` and ``wdt:`` of P31, P585,
#: P710 and P1891, all that France's, the USA's, the UN's, Mongolia's and Viet Nam's pages and a
#: document's met): unseeded, the first page of each process read them all and dropped them
#: (France: 4,000 triples more, 40 ms of the store's CPU, on the first page after a start).
#: A seed that goes stale costs nothing but that: what is not named is still read and dropped.
_VIEW_PROPS: frozenset[str] = frozenset(
    f"http://www.wikidata.org/prop/{ns}P{n}" for ns in ("", "direct/")
    for n in (31, 585, 710, 1891))

#: The nodes a fact row reads: participations (actor, role, post) and trade periods.
FACT_NODES = (
    _PREFIXES
    + """PREFIX time: <http://www.w3.org/2006/time#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
CONSTRUCT { ?n ?np ?no . ?no ?ip ?iv . }
WHERE {
  { VALUES ?f { {facts} } ?f dg:participation ?n . ?n dg:actor|dg:participantRole|dg:post ?no .
    ?n ?np ?no }
  UNION { VALUES ?f { {facts} } ?f sdmx-dimension:refPeriod ?n . ?n ?np ?no
          OPTIONAL { ?no time:inXSDDate|time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDateTimeStamp
                     ?iv . ?no ?ip ?iv } }
}"""
)

#: The labels (English, Vietnamese, no language) of everything the facts name: ``{iris}`` is
#: a VALUES block of the IRIs in object position of what FACT_DETAILS and FACT_NODES returned
#: (the store's own IRIs as pyoxigraph writes them). Reading the facts' objects again in
#: this query (as it once did) cost twice as much for the USA's 400 shown facts.
FACT_LABELS = (
    _PREFIXES
    + """CONSTRUCT { ?o rdfs:label ?l }
WHERE { VALUES ?o { {iris} }
  ?o rdfs:label|skos:prefLabel|dcterms:title ?l FILTER(LANG(?l) IN ("", "en", "vi")) }"""
)

#: the nodes that point at an entity and are not facts: at most this many on its page
INCOMING_MAX = 300

#: What else points at ?s (not a fact: those are listed by kind), with labels.
INCOMING = (
    _PREFIXES
    + f"""CONSTRUCT {{ ?x ?q ?s . ?x rdfs:label ?l }}
WHERE {{
  {{ SELECT ?s ?x ?q WHERE {{
      ?x ?q ?s FILTER(isIRI(?x) && !STRSTARTS(STR(?x), CONCAT(STR(?s), "/")))
      FILTER NOT EXISTS {{ ?x a dg:Fact }} }} LIMIT {INCOMING_MAX} }}
  OPTIONAL {{ ?x rdfs:label ?l FILTER(LANG(?l) IN ("", "en", "vi")) }}
}}"""
)


#: A page whose entity more statements point at than this (a concept such as
#: ``precision/year``, a data set such as ``cow-igo-v3``: tens of thousands of facts) is read
#: without the fact index, which costs seconds for them (:func:`_render_large`).
LARGE_INDEX = 3_000

#: How many statements point at ?s, by property: one index scan (ms even for 40,000).
USES = """SELECT ?s ?q (COUNT(*) AS ?n) WHERE { ?x ?q ?s FILTER(?x != ?s) } GROUP BY ?s ?q"""

#: The same, of the facts stated in documents only (few: cheap from dg:statedIn's side).
USES_DOCUMENTS = (
    _PREFIXES
    + """SELECT ?s ?q (COUNT(*) AS ?n) WHERE { ?x ?q ?s . ?x dg:statedIn ?d FILTER(?x != ?s) }
GROUP BY ?s ?q"""
)

#: One page of the nodes that point at ?s through ?q, by source (``{limit}`` and ``{offset}``
#: are whole numbers the server computed; ?s and ?q are bound as terms). No ORDER BY: sorting
#: 40,000 IRIs costs seconds; the store's order is stable between two reads.
USERS = {
    "all": "SELECT ?s ?q ?x WHERE { ?x ?q ?s FILTER(?x != ?s) }",
    "documents": _PREFIXES + "SELECT ?s ?q ?x WHERE { ?x ?q ?s . ?x dg:statedIn ?d "
                             "FILTER(?x != ?s) }",
    "data": _PREFIXES + "SELECT ?s ?q ?x WHERE { ?x ?q ?s FILTER(?x != ?s) "
                        "FILTER NOT EXISTS { ?x dg:statedIn ?d } }",
}


# --------------------------------------------------------------------------------------------
# Routes
# --------------------------------------------------------------------------------------------


def _split_suffix(path: str) -> tuple[str, str | None]:
    """``state/MNG.ttl`` -> (``state/MNG``, ``text/turtle``); no known suffix -> (path, None).

    >>> _split_suffix("state/MNG.jsonld"), _split_suffix("state/MNG")
    (('state/MNG', 'application/ld+json'), ('state/MNG', None))
    """
    stem, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and ext in SUFFIXES and stem:
        return stem, SUFFIXES[ext]
    return path, None


def _iri(path: str) -> str:
    return base_iri() + "id/" + path


def _exists(iri: str) -> bool:
    return bool(query_service().ask(EXISTS, {"s": iri_term(iri)}))


def _not_found(iri: str) -> DiplographError:
    return DiplographError("not-found", f"nothing is known about <{iri}>")


def _moved(endpoint: str, path: str) -> Response | None:
    """``301 Moved Permanently`` to the same route for a renamed IRI
    (the store's ``renamed-iris`` table), the query string kept; None if ``path`` was not
    renamed."""
    stem, media = _split_suffix(path)
    new = new_path(stem, _renamed())
    if new is None:
        return None
    suffix = path[len(stem):]
    target = url_for(endpoint, path=new + suffix)
    if request.query_string:
        target += "?" + request.query_string.decode("latin-1")
    return redirect(target, code=301)


@bp.get("/id/<path:path>")
def resolve(path: str) -> Any:
    """The IRI itself: 303 to its page or its data; ``.ext`` answers directly."""
    moved = _moved("linked_data.resolve", path)
    if moved is not None:
        return moved
    stem, media = _split_suffix(path)
    if media == "text/html":
        return page(stem)
    if media is not None:
        return _data_response(stem, media)
    iri = _iri(path)
    if not _exists(iri):
        raise _not_found(iri)
    accept = request.headers.get("Accept")
    if prefers_html(accept, list(DATA_TYPES)):
        target = url_for("linked_data.page", path=path)
    else:
        chosen = negotiate(accept, list(DATA_TYPES))
        if chosen is None:
            raise DiplographError(
                "not-acceptable",
                f"<{iri}> is offered as text/html, {', '.join(DATA_TYPES)}",
            )
        target = url_for("linked_data.data", path=f"{path}.{DATA_TYPES[chosen][0]}")
    resp = redirect(target, code=303)
    resp.vary.add("Accept")
    return resp


@bp.get("/data/<path:path>")
def data(path: str) -> Any:
    """The entity's triples, in the format its suffix names (ttl, nt, jsonld, rdf)."""
    moved = _moved("linked_data.data", path)
    if moved is not None:
        return moved
    stem, media = _split_suffix(path)
    if media is None or media == "text/html":
        raise DiplographError(
            "not-found",
            f"/data/{path}: add a suffix: " + ", ".join("." + e for e, _ in DATA_TYPES.values()),
        )
    return _data_response(stem, media)


def _data_response(path: str, media: str) -> Response:
    iri = _iri(path)
    triples = construct(ENTITY_DATA, {"s": iri_term(iri)})
    if not triples:
        raise _not_found(iri)
    ext, fmt = DATA_TYPES[media]
    body = ox.serialize(_sorted(triples), format=fmt, prefixes=TURTLE_PREFIXES)
    ctype = media + ("; charset=utf-8" if media == TURTLE else "")
    resp = Response(body, content_type=ctype)
    resp.headers["Link"] = f'<{iri}>; rel="describes"'
    return resp


def _sorted(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    return sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


@bp.get("/page/<path:path>")
def page(path: str) -> Any:
    """The HTML page of an entity, a fact or a source document."""
    moved = _moved("linked_data.page", path)
    if moved is not None:
        return moved
    with collector_paused():
        html = serve_cached(lambda: _render_page(path))  # kept until a write touches it
    return Response(html, content_type="text/html; charset=utf-8")


_pausing = threading.Lock()
#: pages being made in this process; whether the collector was on; when it last ran
_paused: list[Any] = [0, False, 0.0]
#: under pages that overlap without a break, the young generations are still collected this
#: often (seconds), so that what other requests leave in cycles does not pile up
PAUSED_COLLECT_EVERY = 1.0


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a page is made (in any thread of the process).

    A busy page makes some 100,000 objects, most freed as soon as it is written: the
    collector's passes they set off (a hundred young ones, ten middle, often a full one)
    cost 10-40 ms of CPU of France's page, for next to nothing to collect. The collector is
    on again once no page is being made; what a page left in cycles is collected then. While
    pages keep overlapping, a page that ends collects the young generations at most every
    :data:`PAUSED_COLLECT_EVERY` seconds.
    """
    with _pausing:
        if _paused[0] == 0:
            _paused[1] = gc.isenabled()
            _paused[2] = time.monotonic()
            gc.disable()
        _paused[0] += 1
    try:
        yield
    finally:
        collect = False
        with _pausing:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()
            elif _paused[1] and time.monotonic() - _paused[2] > PAUSED_COLLECT_EVERY:
                _paused[2], collect = time.monotonic(), True
        if collect:
            gc.collect(1)


#: Terms every page depends on besides those it read: the predicates of the patterns that
#: pass through a node the page does not keep (an annotation's target and selector; a node
#: that points at the entity but is left out past INCOMING_MAX, and becomes a fact or not).
PAGE_MARKERS = frozenset(predicate_marker(p) for p in (
    RDF("type"), OA("hasBody"), OA("hasTarget"), OA("hasSelector")))


def _terms_read(iri: str, index: list[IndexedFact], graph: Graph) -> frozenset[str]:
    """What a page read: its IRI, its facts, every IRI in subject or object position of the
    triples it used (its ``graph``), and :data:`PAGE_MARKERS` (for :mod:`.page_cache`)."""
    terms = {iri, *PAGE_MARKERS}
    terms.update(f.iri for f in index)
    terms.update(graph.iris())
    return frozenset(terms)


def _render_page(path: str) -> tuple[str, frozenset[str]]:
    """The HTML page of ``path`` and the terms it read."""
    iri = _iri(path)
    term = iri_term(iri)
    own = construct(SELF_DATA, {"s": term})
    document = ox.Triple(ox.NamedNode(iri), ox.NamedNode(RDF("type")),
                         ox.NamedNode(DG("SourceDocument")))
    uses = _uses(term)
    if sum(uses.values()) > LARGE_INDEX and document not in own:
        return _render_large(path, iri, term, own, uses)
    index = fact_index(term)
    incoming = construct(INCOMING, {"s": term})
    if not own and not index and not incoming:
        raise _not_found(iri)
    groups = group_facts(index)
    drawn: list[IndexedFact] = []

    def later(dated: list[IndexedFact]) -> tuple[list[Any], list[Any]]:
        drawn[:] = dated  # drawn once their details are read
        return [], []

    layout = layout_page(groups, index, request.args, later)
    read = _reference_summaries(term, layout.groups)
    if document in own:  # every quote of the text is highlighted and linked to its row
        shown: list[IndexedFact] = list(index)
    else:
        shown = [f for g in layout.groups
                 for f in (*g.documents, *([] if g.reference_lazy else g.reference))] + drawn
    details = fact_details([f.iri for f in shown], {f.iri: f.kind for f in shown})
    graph = Graph([*own, *incoming, *details])
    graph.lang = ui_lang()
    view = build_view(iri, graph, timeline=False)
    views = {f.iri: f for f in view.facts}
    for g in layout.groups:
        g.documents = [views[f.iri] for f in g.documents if f.iri in views]
        if not g.reference_lazy:  # a lazy table's rows stay indexed facts, counted only
            g.reference = [views[f.iri] for f in g.reference if f.iri in views]
    layout.timeline, layout.timeline_axis = _timeline([views[f.iri] for f in drawn
                                                       if f.iri in views])
    view.groups = groups  # every group, for the kind filter
    view.incoming_capped = len({t.subject for t in incoming if t.object == ox.NamedNode(iri)}
                               ) >= INCOMING_MAX
    html = render_template("entity.html", v=view, lay=layout, path=path,
                           pictures=pictures_for(path, {f.kind for f in index}),
                           data_links=_data_links(path))
    return html, _terms_read(iri, index, graph) | read


def _reference_summaries(term: str, groups: list[FactGroup]) -> frozenset[str]:
    """Give each group with reference-data facts its one-line summary (counted over every such
    fact the filter keeps, not only the page's); the IRIs read (for the page cache)."""
    wanted = [g for g in groups if g.reference_all]
    if not wanted:
        return frozenset()
    facts = {f.iri for g in wanted for f in g.reference_all}
    others: dict[str, set[str]] = {}
    sets: dict[str, set[str]] = {}
    data_set = _DATA_SET.fullmatch
    for r in query_service().select(REFERENCE_PARTS, {"s": term}):
        f = r.get("f")
        if not isinstance(f, ox.NamedNode) or f.value not in facts:
            continue
        found, listed = r.get("others"), r.get("sets")
        if found is not None and found.value:
            others[f.value] = set(found.value.split())
        if listed is not None and listed.value:
            named_sets = {d for d in listed.value.split() if data_set(d)}
            if named_sets:
                sets[f.value] = named_sets
    named = sorted({d for found in sets.values() for d in found})
    titles: dict[str, str] = {}
    if named:
        query = DATA_SET_TITLES.replace("{sets}", " ".join(str(ox.NamedNode(d)) for d in named))
        for r in query_service().select(query):
            if isinstance(r.get("ds"), ox.NamedNode) and r.get("title") is not None:
                titles[r["ds"].value] = r["title"].value
    shown = {d: (_short_title(titles.get(d, local_name(d))), _href(d)) for d in named}
    parts = {f: (others.get(f, set()), sorted(shown[d] for d in sets.get(f, set())))
             for f in others.keys() | sets.keys()}
    for g in wanted:
        g.summary = summarise_reference(g.reference_all, parts)
    return frozenset({o for found in others.values() for o in found} | set(named))


def _short_title(title: str) -> str:
    """A data set's title up to its first colon or parenthesis, if that leaves a name.

    >>> _short_title("ATOP v5.1 alliance treaty obligations (directed dyad-years, 1815-2018)")
    'ATOP v5.1 alliance treaty obligations'
    >>> _short_title("Archigos 4.1: the effective leaders of states")
    'Archigos 4.1'
    >>> _short_title("The COW (v2016) and Gleditsch-Ward state systems")
    'The COW (v2016) and Gleditsch-Ward state systems'
    """
    cut = min((i for i in (title.find(":"), title.find(" (")) if i >= 0), default=len(title))
    return title[:cut] if cut >= 12 else title


def _uses(term: str, query: str = USES) -> dict[str, int]:
    """``{property IRI: statements}`` that point at ``term`` (an N-Triples term), but the
    Wikidata-shaped view's (a page never shows those)."""
    out = {}
    for r in query_service().select(query, {"s": term}):
        q = r.get("q")
        if isinstance(q, ox.NamedNode) and not q.value.startswith(WIKIDATA_NAMESPACES):
            out[q.value] = int(r["n"].value)
    return out


def _render_large(path: str, iri: str, term: str, own: list[ox.Triple],
                  uses: dict[str, int]) -> tuple[str, frozenset[str]]:
    """The page of an entity that more than :data:`LARGE_INDEX` statements point at.

    One group per property that points at it (``start date precision`` …), counted by
    :data:`USES` (and :data:`USES_DOCUMENTS` for the source filter); each group shows one page
    of :data:`~.page_layout.PAGE_SIZE` of its nodes (LIMIT and OFFSET), facts as rows of the
    table and other nodes as links; only the shown nodes' details are read. The source
    filter, the property filter (``kind``) and paging work as on other pages; the period
    filter and the timeline would need every fact's dates (seconds): a period is refused
    with a message naming what works.
    """
    args = request.args
    filt = PageFilter.from_args(args)
    if filt.start is not None or filt.end is not None:
        raise DiplographError(
            "bad-input",
            f"{sum(uses.values()):,} statements point at this entity: its page is filtered by "
            "source and property ('kind'), not by period; ask the SPARQL endpoint for a period")
    documents = _uses(term, USES_DOCUMENTS) if filt.source != "all" else {}
    counted = []
    for prop, n in sorted(uses.items(), key=lambda u: (-u[1], u[0])):
        if filt.source == "documents":
            n = documents.get(prop, 0)
        elif filt.source == "data":
            n -= documents.get(prop, 0)
        title = _humanise(local_name(prop))
        counted.append((title[:1].upper() + title[1:], slug(title), prop, n))
    known = {name for _, name, _, _ in counted}
    if filt.kind is not None and filt.kind not in known:
        raise DiplographError(
            "bad-input", f"'kind' must be one of {', '.join(sorted(known))}")
    groups: list[FactGroup] = []
    shown: list[str] = []
    for title, name, prop, n in counted:
        if n == 0 or (filt.kind is not None and filt.kind != name):
            continue
        pages = max((n + PAGE_SIZE - 1) // PAGE_SIZE, 1)
        page = page_of(args, name, pages)
        query = USERS[filt.source] + f" LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"
        nodes = [r["x"].value for r in query_service().select(
            query, {"s": term, "q": iri_term(prop)}) if isinstance(r.get("x"), ox.NamedNode)]
        shown.extend(nodes)
        group = FactGroup(title, name, nodes, [], n, page, pages)
        groups.append(group)
    details = fact_details(shown)
    graph = Graph([*own, *details])
    graph.lang = ui_lang()
    view = build_view(iri, graph)
    views = {f.iri: f for f in view.facts}
    for group in groups:
        nodes = group.documents
        group.documents = [views[x] for x in nodes if x in views and not views[x].reference]
        group.reference = [views[x] for x in nodes if x in views and views[x].reference]
        group.others = [_value(graph, ox.NamedNode(x)) for x in nodes if x not in views]
    view.groups = [(title, []) for title, _, _, _ in counted]
    view.incoming = []  # every node that points at it is in a group
    layout = PageLayout(filt, groups, [(g.title, g.slug, g.total) for g in groups],
                        hidden=sum(uses.values()) - sum(g.total for g in groups), large=True,
                        uses=sum(uses.values()))
    html = render_template("entity.html", v=view, lay=layout, path=path,
                           pictures=pictures_for(path), data_links=_data_links(path))
    return html, _terms_read(iri, [], graph)


@dataclass
class IndexedFact:
    """A fact that involves a page's entity, as :data:`FACT_INDEX` lists it: enough to group,
    count, filter, page and place it on the timeline before its details are read."""

    iri: str
    kind: str
    start: dt.date | None
    end: dt.date | None
    reference: bool


def _day(term: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term.value) if term is not None else None
    except ValueError:
        return None


def fact_index(entity: str) -> list[IndexedFact]:
    """The facts that point at ``entity`` (an N-Triples term), by start then IRI.

    The rows are read as pyoxigraph terms (not :func:`.ui.select`'s ``Term``): a concept's
    page lists tens of thousands of facts, and that conversion was most of its Python time."""
    facts = [
        IndexedFact(
            r["f"].value,
            local_name(r["kind"].value) if "kind" in r else "Fact",
            _day(r.get("start")),
            _day(r.get("end")),
            "doc" not in r,
        )
        for r in query_service().select(FACT_INDEX, {"s": entity})
        if isinstance(r.get("f"), ox.NamedNode)
    ]
    facts.sort(key=lambda f: (f.start or dt.date.max, f.iri))
    return facts


def group_facts(facts: list[Any]) -> list[tuple[str, list[Any]]]:
    """The facts by group (:data:`FACT_GROUPS` order, then "Other facts"), order kept."""
    by_kind: dict[str, list[Any]] = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f)
    groups = [(title, by_kind.pop(kind)) for kind, title in FACT_GROUPS if kind in by_kind]
    others = [f for members in by_kind.values() for f in members]
    others.sort(key=lambda f: (f.start or dt.date.max, f.iri))
    if others:
        groups.append(("Other facts", others))
    return groups


def fact_details(facts: list[str], kinds: dict[str, str] | None = None) -> list[ox.Triple]:
    """The triples a page needs to show ``facts`` (IRIs from :func:`fact_index`): their own
    triples, their participations and periods, and the labels of what they name.

    ``kinds`` (each fact's class, as :func:`fact_index` names it) says that every one of
    ``facts`` is a fact of that class: their types are then written from it, not read, and
    their own labels are not read (:data:`FACT_DETAILS_INDEXED`)."""
    unique = list(dict.fromkeys(facts))
    if not unique:
        return []
    values = " ".join(str(ox.NamedNode(f)) for f in unique)
    out: list[ox.Triple] = []
    global _VIEW_PROPS
    view = _VIEW_PROPS
    details = (FACT_DETAILS if kinds is None else FACT_DETAILS_INDEXED).replace(
        "{unread}", ", ".join(str(ox.NamedNode(p)) for p in sorted(view))
        or "<urn:x-diplograph:none>")  # the store's own IRIs, as N-Triples terms
    for t in construct(details.replace("{facts}", values)):
        p = t.predicate.value
        if p.startswith(WIKIDATA_NAMESPACES):
            view |= {p}  # not shown; named in the query from now on
        else:
            out.append(t)
    if view is not _VIEW_PROPS:
        _VIEW_PROPS = view | _VIEW_PROPS
    out.extend(construct(FACT_NODES.replace("{facts}", values)))
    if kinds is not None:
        out.extend(_types(unique, kinds))
    named = _labelled(out)
    if named:
        out.extend(construct(FACT_LABELS.replace("{iris}", " ".join(sorted(named)))))
    return out


_RDF_TYPE, _FACT_CLASS = ox.NamedNode(RDF("type")), ox.NamedNode(DG("Fact"))


def _labelled(triples: list[ox.Triple]) -> set[str]:
    """The IRIs (as N-Triples terms) in object position of ``triples`` whose labels a page
    can show: not the objects of :data:`UNLABELLED_PROPS`, and of a node's
    ``prov:wasDerivedFrom`` objects only the one :func:`fact_view` names as its source (the
    data set, not the node of its source rows: a third of the IRIs France's page asked
    labels for, none of which has one)."""
    named: set[str] = set()
    derived: dict[str, list[ox.NamedNode]] = {}
    unlabelled, derived_from, named_node = UNLABELLED_PROPS, _DERIVED_FROM, ox.NamedNode
    for t in triples:
        o = t.object
        if type(o) is not named_node:
            continue
        p = t.predicate.value
        if p == derived_from:
            derived.setdefault(t.subject.value, []).append(o)
        elif p not in unlabelled:
            named.add(str(o))
    for sources in derived.values():
        named.add(str(_data_set(sorted(set(sources), key=str))))
    return named


def _types(facts: list[str], kinds: dict[str, str]) -> list[ox.Triple]:
    """The ``rdf:type`` triples of ``facts`` that :data:`FACT_INDEX` implies: each is a
    ``dg:Fact`` and, unless its kind is ``Fact``, of the class its kind names."""
    out = []
    for iri in facts:
        fact = ox.NamedNode(iri)
        out.append(ox.Triple(fact, _RDF_TYPE, _FACT_CLASS))
        kind = kinds[iri]
        if kind != "Fact":
            out.append(ox.Triple(fact, _RDF_TYPE, ox.NamedNode(DG(kind))))
    return out


def _href(iri: str) -> str:
    """:func:`.ui.href`, remembered for the request and without ``url_for`` per link (a page
    links a thousand or more IRIs; ``url_for`` costs a tenth of a millisecond each)."""
    return _link(iri)[0]


#: the characters ``url_quote`` keeps in a path as werkzeug writes it (:func:`_link`)
_QUOTED_AS_IS = re.compile(r"[A-Za-z0-9_.~!$&'()*+,/:;=@-]*")


def _link(iri: str) -> tuple[str, bool]:
    """``(where a link to iri goes, whether it leaves this server)``, remembered per request."""
    memo: dict[str, tuple[str, bool]] | None = getattr(request_globals, "diplograph_links",
                                                        None)
    if memo is None:
        memo = request_globals.diplograph_links = {}
        # "/id/x" -> "/id/": the route's own prefix (script root included), built once
        request_globals.diplograph_id_prefix = url_for("linked_data.resolve", path="x")[:-1]
        request_globals.diplograph_minted = base_iri() + "id/"  # :func:`.ui.local_path`'s
    found = memo.get(iri)
    if found is None:
        minted: str = request_globals.diplograph_minted
        if not iri.startswith(minted) or len(iri) == len(minted):
            found = (iri, True)
        else:  # as werkzeug's path converter writes it
            path = iri[len(minted):]
            if not _QUOTED_AS_IS.fullmatch(path):
                path = url_quote(path, safe="!$&'()*+,/:;=@")
            found = (request_globals.diplograph_id_prefix + path, False)
        memo[iri] = found
    return found


def _data_links(path: str) -> list[tuple[str, str]]:
    return [
        (ext, url_for("linked_data.data", path=f"{path}.{ext}")) for ext, _ in DATA_TYPES.values()
    ]


# --------------------------------------------------------------------------------------------
# The page's view model
# --------------------------------------------------------------------------------------------


def _key(term: Any) -> str:
    """A term as a dictionary key: an IRI's text, else its N-Triples form (a literal starts
    with a quote, a blank node with ``_:``, so they never meet an IRI)."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


class Graph:
    """A few triples in memory, with the look-ups a page needs."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        # plain dicts: a page reads each subject's properties a few times and never queries
        # (an in-memory pyoxigraph store cost a fifth of the page's Python time to fill)
        # Only IRIs and blank nodes are looked up as objects (a page asks what points at its
        # entity, its facts, an annotation): literals, half of a page's objects, are indexed
        # by object only if asked (:meth:`_pointing_at`), which saves writing each as text.
        self._by_subject: dict[str, dict[str, list[Any]]] = {}
        self._by_object: dict[str, list[tuple[Any, Any]]] = {}
        self._literals: list[tuple[Any, Any, ox.Literal]] | None = []
        by_subject, by_object, literals = self._by_subject, self._by_object, self._literals
        named, literal = ox.NamedNode, ox.Literal
        for t in set(triples):
            subject, predicate, obj = t.subject, t.predicate, t.object  # or a Quad's
            props = by_subject.get(key := subject.value if type(subject) is named
                                   else str(subject))
            if props is None:
                props = by_subject[key] = {}
            objs = props.get(p := predicate.value)
            if objs is None:
                props[p] = [obj]
            else:
                objs.append(obj)
            if type(obj) is literal:
                literals.append((subject, predicate, obj))
            else:
                pointing = by_object.get(key := obj.value if type(obj) is named else str(obj))
                if pointing is None:
                    by_object[key] = [(subject, predicate)]
                else:
                    pointing.append((subject, predicate))
        for props in self._by_subject.values():
            for objs in props.values():
                if len(objs) > 1:
                    objs.sort(key=str)

    def iris(self) -> set[str]:
        """Every IRI in subject or object position.

        >>> a, b = ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b")
        >>> sorted(Graph([ox.Triple(a, b, ox.Literal("x")), ox.Triple(ox.BlankNode(), b, a)]
        ...              ).iris())
        ['http://e/a']
        """
        # the keys (:func:`_key`): an IRI's text, which starts with its scheme, else a blank
        # node's ``_:…``, a literal's ``"…`` or a triple term's ``<…``
        return {k for keys in (self._by_subject, self._by_object) for k in keys
                if k[:1] not in ('"', "_", "<")}

    def objects(self, s: ox.NamedNode | str, p: str) -> list[Any]:
        """The objects of ``s p ?``, sorted."""
        return self._props(s).get(p, [])

    def _props(self, s: ox.NamedNode | str) -> dict[str, list[Any]]:
        """Every ``p -> sorted objects`` of ``s``."""
        return self._by_subject.get(s if isinstance(s, str) else _key(s), {})

    def value(self, s: ox.NamedNode | str, p: str) -> Any | None:
        """One object of ``s p ?`` (the first in sort order), or ``None``."""
        objs = self.objects(s, p)
        return objs[0] if objs else None

    def subjects(self, p: str | None, o: ox.Term) -> list[Any]:
        """The subjects of ``? p o``."""
        found = {subj for subj, pred in self._pointing_at(o) if p is None or pred.value == p}
        return sorted(found, key=str)

    def incoming(self, o: ox.Term) -> list[tuple[Any, Any]]:
        """Every ``(subject, predicate)`` of ``? ? o``."""
        return list(self._pointing_at(o))

    def _pointing_at(self, o: ox.Term) -> list[tuple[Any, Any]]:
        """Every ``(subject, predicate)`` of ``? ? o``, literals indexed at the first ask."""
        if isinstance(o, ox.Literal) and self._literals is not None:
            for subject, predicate, obj in self._literals:
                self._by_object.setdefault(str(obj), []).append((subject, predicate))
            self._literals = None
        return self._by_object.get(_key(o), [])

    def pairs(self, s: ox.NamedNode | str) -> list[tuple[Any, Any]]:
        """All ``(p, o)`` of ``s``."""
        props = self._props(s)
        return [(ox.NamedNode(p), o) for p in sorted(props) for o in props[p]]

    def types(self, s: ox.NamedNode | str) -> set[str]:
        return {t.value for t in self.objects(s, RDF("type"))}

    def labels(self, s: ox.Term) -> list[ox.Literal]:
        """The labels (``rdfs:label``, ``skos:prefLabel``, ``dcterms:title``) of ``s``."""
        if not isinstance(s, ox.NamedNode):
            return []
        memo = self.__dict__.setdefault("_labels", {})
        found = memo.get(s.value)
        if found is None:
            found = memo[s.value] = self._labels_of(s)
        return found  # type: ignore[no-any-return]

    def _labels_of(self, s: ox.NamedNode) -> list[ox.Literal]:
        seen: dict[tuple[str, str | None], ox.Literal] = {}
        for p in LABEL_PROPS:
            for o in self.objects(s, p):
                if isinstance(o, ox.Literal):
                    seen.setdefault((o.value, o.language), o)
        return list(seen.values())

    #: the language labels are chosen in (the page's interface language)
    lang = "en"

    def link(self, iri: str) -> tuple[str, bool]:
        """:func:`_link`, remembered on the page's graph (``flask.g`` is a context-local
        proxy: a tenth of the Python time of a 500-row page went into reaching it)."""
        memo = self.__dict__.setdefault("_links", {})
        found = memo.get(iri)
        if found is None:
            found = memo[iri] = _link(iri)
        return found  # type: ignore[no-any-return]

    def label(self, s: ox.Term, lang: str | None = None) -> str:
        """The best label of ``s`` (``lang``, en, vi, any), else its local name."""
        if isinstance(s, ox.Literal):
            return s.value
        lang = lang or self.lang
        memo = self.__dict__.setdefault("_best", {})
        key = (lang, _key(s))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._label(s, lang)
        return found  # type: ignore[no-any-return]

    def _label(self, s: ox.Term, lang: str) -> str:
        labels = self.labels(s)
        for wanted in (lang, "en", "vi", None):
            for lit in labels:
                if lit.language == wanted:
                    return lit.value
        if labels:
            return labels[0].value
        return local_name(s.value) if isinstance(s, ox.NamedNode) else str(s)


@functools.lru_cache(maxsize=8192)
def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://diplograph.org/ontology#startDate"), local_name("http://x.org/a/b")
    ('startDate', 'b')
    """
    for sep in ("#", "/"):
        if sep in iri:
            tail = iri.rsplit(sep, 1)[1]
            if tail:
                return tail
    return iri


@dataclass
class Value:
    """One value shown on a page: text, and a link when it is an IRI.

    Written in a template (``{{ value }}``) as its :meth:`__html__`.
    """

    text: str
    link: str | None = None
    lang: str | None = None
    note: str | None = None
    external: bool = False

    def __html__(self) -> str:
        """The value as HTML, its text escaped: a link (``class="ext"`` when it leaves this
        server) or a ``span`` with its language, then its language tag and note. Written here
        rather than as a template macro: a page shows thousands of values, and a macro call
        costs several times this function.

        >>> Value("Mông Cổ", lang="vi").__html__()
        '<span lang="vi">Mông Cổ</span><span class="lang">@vi</span>'
        >>> print(Value("<b>", "/x?a&b", note="n", external=True).__html__())
        <a href="/x?a&amp;b" class="ext" rel="noopener">&lt;b&gt;</a> <span class="note">(n)</span>
        """
        text = escape(self.text)
        if self.link:
            out = (f'<a href="{escape(self.link)}"'
                   f'{_EXTERNAL if self.external else ""}>{text}</a>')
        elif self.lang:
            out = f'<span lang="{escape(self.lang)}">{text}</span>'
        else:
            out = f"<span>{text}</span>"
        if self.lang:
            out += f'<span class="lang">@{escape(self.lang)}</span>'
        if self.note:
            out += f' <span class="note">({escape(self.note)})</span>'
        return out


_EXTERNAL = ' class="ext" rel="noopener"'


class Written(str):
    """HTML this module wrote with every text in it escaped (:meth:`FactView.table_row`): a
    template writes it as it is, as it writes a :class:`Value`."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


@dataclass
class DateInfo:
    """A date of a fact, with its precision and the earliest and latest days it can mean (a
    row reads the earliest of a start, signing or founding date and the latest of an end
    date: an entity page does not read the other bound, :data:`UNREAD_FACT_PROPS`)."""

    prop: str
    text: str
    precision: str | None
    earliest: dt.date | None
    latest: dt.date | None

    @property
    def label(self) -> str:
        return _humanise(self.prop)


@dataclass
class FactView:
    """A fact as listed on a page."""

    iri: str
    link: str
    kind: str  # class local name: Membership, DiplomaticEvent, …
    kind_label: str
    rows: list[tuple[str, list[Value]]]
    quote: Value | None
    document: Value | None
    dates: list[DateInfo] = field(default_factory=list)
    comment: str | None = None
    #: True when the fact comes from a reference data set (no source document states it)
    reference: bool = False

    #: the rows that name what a fact is about, most telling first (for timeline labels)
    HEADLINE_ROWS = ("organization", "member", "party", "actor", "partner", "reporter",
                     "instrument type", "event type", "subject", "claim type")

    def headline(self, exclude: str | None = None) -> str:
        """A short label: the counterpart(s) of the fact, leaving out the page's own entity.

        >>> f = FactView("i", "/l", "Membership", "membership",
        ...              [("member", [Value("Mongolia", "/id/state/MNG")]),
        ...               ("organization", [Value("United Nations", "/id/org/UN")])], None, None)
        >>> f.headline(exclude="/id/org/UN"), f.headline(exclude="/id/state/MNG")
        ('Mongolia', 'United Nations')
        """
        return ", ".join(v.text for v in self.counterpart_rows(exclude)[1][:3])

    #: rows a table leaves out: the group says the type, the counterpart column the parties
    NOT_DETAILS = ("fact type", "involves", "label")

    def counterpart_rows(self, exclude: str | None = None) -> tuple[str, list[Value]]:
        """The first headline row with a value other than the page's own entity (remembered:
        a page asks for it for the table row, its details and the timeline label)."""
        memo: dict[str | None, tuple[str, list[Value]]] = self.__dict__.setdefault(
            "_counterparts", {})
        found = memo.get(exclude)
        if found is None:
            found = memo[exclude] = self._counterpart_rows(exclude)
        return found

    def _counterpart_rows(self, exclude: str | None) -> tuple[str, list[Value]]:
        by_name = dict(self.rows)
        for key in self.HEADLINE_ROWS:
            values = [v for v in by_name.get(key, []) if v.link is None or v.link != exclude]
            if values:
                return key, values
        return "", []

    def details(self, exclude: str | None = None) -> list[tuple[str, list[Value]]]:
        """The rows other than the counterpart and the page's own entity (a table's middle).

        >>> f = FactView("i", "/l", "Membership", "membership",
        ...              [("member", [Value("Mongolia", "/id/state/MNG")]),
        ...               ("organization", [Value("United Nations", "/id/org/UN")]),
        ...               ("role", [Value("full member")])], None, None)
        >>> [(n, [v.text for v in vs]) for n, vs in f.details(exclude="/id/state/MNG")]
        [('role', ['full member'])]
        """
        key, _ = self.counterpart_rows(exclude)
        out = []
        for name, values in self.rows:
            if name == key or name in self.NOT_DETAILS:
                continue
            kept = [v for v in values if v.link is None or v.link != exclude]
            if kept:
                out.append((name, kept))
        return out

    def table_row(self, exclude: str | None, show_doc: bool, t: Any) -> Written:
        """The row of a fact table (``_value.html``'s ``fact_table``), as its loop wrote it
        (session 12: the same text, a tenth of the template's time for France's page saved;
        ``t`` translates the interface's words). Every text is escaped here, as the template's
        autoescape did; :class:`Value` writes itself (:meth:`Value.__html__`)."""
        counterpart = "; ".join(v.__html__() for v in self.counterpart_rows(exclude)[1])
        details = "".join(
            f'<span class="detail"><span class="muted">{escape(name)}:</span> '
            + "; ".join(x.__html__() for x in values) + "</span>"
            for name, values in self.details(exclude))
        notes = "".join(
            f'<span class="note">({escape(d.label)}: {escape(d.precision)} precision)</span>'
            for d in self.dates if d.precision and d.precision != "day")
        doc = ""
        if show_doc:
            doc = f"<td>{self.document.__html__()}</td>" if self.document else "<td></td>"
        if self.quote:
            lang = f' lang="{escape(self.quote.lang)}"' if self.quote.lang else ""
            last = (f'<details><summary>{escape(t("quote"))}</summary><blockquote '
                    f'class="quote"{lang}>“{escape(self.quote.text)}”</blockquote></details>')
        elif self.comment:
            last = f'<span class="note">{escape(self.comment)}</span>'
        else:
            last = ""
        return Written(
            f'\n  <tr id="fact-{escape(self.iri.rsplit("/", 1)[1])}" '
            f'class="kind-{escape(self.kind)}">'
            f"\n    <td>{counterpart}</td>\n    <td>{details}\n        {notes}</td>"
            f'\n    <td class="when"><a href="{escape(self.link)}" title="fact page">'
            f'{escape(self.when or t("undated"))}</a></td>\n    {doc}\n    <td>{last}</td>'
            "\n  </tr>\n  ")

    @functools.cached_property
    def start(self) -> dt.date | None:
        starts = [d.earliest for d in self.dates if d.prop != "endDate" and d.earliest]
        return min(starts) if starts else None

    @functools.cached_property
    def end(self) -> dt.date | None:
        ends = [d.latest for d in self.dates if d.prop == "endDate" and d.latest]
        return max(ends) if ends else None

    @property
    def when(self) -> str:
        parts = [d for d in self.dates if d.prop != "endDate"]
        ends = [d for d in self.dates if d.prop == "endDate"]
        text = parts[0].text if parts else ""
        if ends:
            text = f"{text} – {ends[0].text}"
        elif self.kind == "Membership" and parts:
            text = f"since {text}"
        return text


@dataclass
class PageView:
    """Everything the entity page shows."""

    iri: str
    title: str
    labels: list[Value]
    alt_labels: list[Value]
    kinds: list[Value]
    codes: list[tuple[str, str]]
    wikidata: list[Value]
    facts: list[FactView]
    groups: list[tuple[str, list[FactView]]]
    timeline: list[dict[str, Any]]
    timeline_axis: list[dict[str, Any]]
    statements: list[tuple[Value, list[Value]]]
    incoming: list[tuple[Value, Value]]
    is_fact: bool
    fact: FactView | None
    selector: dict[str, str] | None
    position: tuple[str, str] | None
    document: dict[str, Any] | None
    #: True when "referred to by" shows the first :data:`INCOMING_MAX` nodes only
    incoming_capped: bool = False

    @property
    def self_link(self) -> str:
        """The page's own link, as fact rows link to it (left out of timeline labels)."""
        return href(self.iri)


CODE_PROPS = [
    ("ISO 3166-1 alpha-2", DG("iso3166Alpha2")),
    ("ISO 3166-1 alpha-3", DG("iso3166Alpha3")),
    ("COW code", DG("cowCode")),
    ("COW abbreviation", DG("cowAbbrev")),
    ("acronym", DG("acronym")),
]

#: Fact classes in display order, with section titles.
FACT_GROUPS = [
    ("LeaderTenure", "Leaders"),
    ("CapitalSpell", "Capital"),
    ("Membership", "Memberships"),
    ("DiplomaticRelation", "Diplomatic relations"),
    ("Agreement", "Agreements"),
    ("DiplomaticEvent", "Events"),
    ("BilateralMechanism", "Bilateral mechanisms"),
    ("Cooperation", "Cooperation"),
    ("Claim", "Claims"),
    ("TradeObservation", "Trade observations"),
    ("SystemMembership", "State-system membership"),
    ("MajorPowerStatus", "Major-power status"),
    ("AllianceObligation", "Alliances"),
    ("War", "Wars"),
    ("MilitarizedDispute", "Militarized disputes"),
    ("StrategicRivalry", "Rivalries"),
    ("ArmedConflict", "Armed conflicts"),
]

DATE_PROPS = ["date", "startDate", "signingDate", "foundedDate", "endDate"]

#: Fact properties not shown in the summary rows (they are shown elsewhere or are bookkeeping).
HIDDEN_FACT_PROPS = {
    RDF("type"),
    DG("factId"),
    DG("statedIn"),
    DG("quote"),
    DG("quoteStart"),
    DG("quoteEnd"),
    RDFS("comment"),
    PROV("wasDerivedFrom"),
    PROV("wasGeneratedBy"),
    ORG("memberDuring"),
    *(DG(f"{d}{s}") for d in DATE_PROPS for s in ("", "Precision", "Earliest", "Latest")),
}

#: Hidden properties whose objects a page never labels (:func:`_labelled`): a date's
#: precision is shown by its local name; a fact's generating activity and membership interval
#: are not shown.
UNLABELLED_PROPS = frozenset({PROV("wasGeneratedBy"), ORG("memberDuring"),
                              *(DG(f"{d}Precision") for d in DATE_PROPS)})

#: Properties of the Wikidata-shaped view (wdt:, p:, ps:, pq: …), left out of fact rows.
WIKIDATA_NAMESPACES = ("http://www.wikidata.org/",)

#: Preferred order of fact properties (local names); the rest follow alphabetically.
FACT_PROP_ORDER = [
    "leader", "capital", "state",
    "member", "organization", "role", "party", "relationStatus", "instrumentType", "title",
    "eventType", "participation", "place", "reporter", "partner", "flow", "refPeriod",
    "valueUSD", "valueUSDMin", "valueUSDMax", "tradeValue", "claimType", "subject", "object",
    "statement", "count", "countScope", "modality", "name", "level", "field", "assessment",
]


_WD = str(WD)


def _value(g: Graph, term: Any) -> Value:
    if isinstance(term, ox.Literal):
        lang = term.language
        return Value(term.value, lang=lang)
    if isinstance(term, ox.NamedNode):
        iri = term.value
        link, external = g.link(iri)
        text = g.label(term)
        if iri.startswith(_WD):
            text = local_name(iri) if text == local_name(iri) else text
        return Value(text, link, external=external)
    return Value(str(term))


#: (name, property, its precision, earliest and latest day) of each of :data:`DATE_PROPS`
_DATE_KEYS = [(name, DG(name), DG(name + "Precision"), DG(name + "Earliest"),
               DG(name + "Latest")) for name in DATE_PROPS]


def _first(props: dict[str, list[Any]], p: str) -> Any | None:
    """:meth:`Graph.value` on the properties of one subject."""
    objs = props.get(p)
    return objs[0] if objs else None


def _dates(props: dict[str, list[Any]]) -> list[DateInfo]:
    """The dates of a fact (its properties, :meth:`Graph._props`), in :data:`DATE_PROPS`
    order."""
    out = []
    for name, p, precision_p, earliest_p, latest_p in _DATE_KEYS:
        if p in props:
            info = _date_info(props, name, precision_p, earliest_p, latest_p)
            if info is not None:
                out.append(info)
    return out


def _date_info(props: dict[str, list[Any]], name: str, precision_p: str, earliest_p: str,
               latest_p: str) -> DateInfo | None:
    lit = _first(props, DG(name))
    if not isinstance(lit, ox.Literal):
        return None
    precision = _first(props, precision_p)
    earliest = _first(props, earliest_p)
    latest = _first(props, latest_p)

    def day(x: Any) -> dt.date | None:
        try:
            return dt.date.fromisoformat(x.value) if isinstance(x, ox.Literal) else None
        except ValueError:
            return None

    e, la = day(earliest), day(latest)
    if e is None:  # fall back on the literal itself (a year at least)
        try:
            e = dt.date(int(lit.value[:4]), 1, 1)
            la = la or dt.date(int(lit.value[:4]), 12, 31)
        except ValueError:
            e = None
    prec = local_name(precision.value) if isinstance(precision, ox.NamedNode) else None
    text = lit.value + ("s" if prec == "decade" else "")
    return DateInfo(name, text, prec, e, la)


def _participation(g: Graph, node: Any) -> Value:
    actor = g.value(node, DG("actor"))
    role = g.value(node, DG("participantRole"))
    post = g.value(node, DG("post"))
    v = _value(g, actor) if actor is not None else Value(g.label(node))
    notes = [g.label(role)] if role is not None else []
    if post is not None:
        notes.append(g.label(post))
    v.note = ", ".join(notes) or None
    return v


def _period(g: Graph, node: Any) -> Value:
    def instant(p: str) -> str:
        inst = g.value(node, TIME(p))
        if inst is None:
            return ""
        for q in ("inXSDDate", "inXSDgYear", "inXSDgYearMonth", "inXSDDateTimeStamp"):
            lit = g.value(inst, TIME(q))
            if lit is not None:
                return lit.value
        return ""

    begin, end = instant("hasBeginning"), instant("hasEnd")
    text = begin if begin == end or not end else f"{begin} – {end}"
    partial = g.value(node, DG("partialPeriod"))
    return Value(text or g.label(node), note="partial period" if partial is not None else None)


def fact_view(g: Graph, fact: ox.NamedNode) -> FactView:
    """Summarise one fact for a page."""
    props = g._props(fact)
    types = {t.value for t in props.get(_TYPE, ())}
    kind = next(
        (local_name(t) for t in sorted(types) if t.startswith(_DG) and t != _FACT),
        "Fact",
    )
    kind_label = g.label(ox.NamedNode(DG(kind)))
    by_prop: dict[str, list[Value]] = {}
    for p in sorted(props):
        if p in HIDDEN_FACT_PROPS or p.startswith(WIKIDATA_NAMESPACES):
            continue  # the Wikidata-shaped view's statements are not shown as our rows
        name = local_name(p)
        for o in props[p]:
            if p == _PARTICIPATION:
                by_prop.setdefault(name, []).append(_participation(g, o))
            elif name == "refPeriod":
                by_prop.setdefault(name, []).append(_period(g, o))
            else:
                by_prop.setdefault(name, []).append(_value(g, o))
    order = _PROP_ORDER
    rows = sorted(by_prop.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    quote = _first(props, _QUOTE)
    stated_in = _first(props, _STATED_IN)
    doc = stated_in or _data_set(props.get(_DERIVED_FROM))
    comment = _first(props, _COMMENT)
    dates = _dates(props)
    return FactView(
        iri=fact.value,
        link=_href(fact.value),
        kind=kind,
        kind_label=kind_label,
        rows=[(_humanise(k), v) for k, v in rows],
        quote=_value(g, quote) if quote is not None else None,
        document=_value(g, doc) if doc is not None else None,
        dates=dates,
        comment=comment.value if comment is not None else None,
        reference=stated_in is None,
    )


def _data_set(sources: list[Any] | None) -> Any | None:
    """Of a reference fact's ``prov:wasDerivedFrom`` objects, the data set (``…/dataset/atop``)
    rather than the node of its source rows (``…/dataset/atop/rows/…``), which a fact also
    derives from; the first one if none is a data set."""
    if not sources:
        return None
    return next((s for s in sources if _DATA_SET.fullmatch(s.value)), sources[0])


_DATA_SET = re.compile(re.escape(ID("dataset/")) + r"[^/]+")
_PARTICIPATION = DG("participation")
_TYPE, _DG, _FACT = RDF("type"), DG(""), DG("Fact")
_QUOTE, _STATED_IN, _DERIVED_FROM, _COMMENT = (
    DG("quote"), DG("statedIn"), PROV("wasDerivedFrom"), RDFS("comment"))
_PROP_ORDER = {n: i for i, n in enumerate(FACT_PROP_ORDER)}


@functools.lru_cache(maxsize=1024)
def _humanise(name: str) -> str:
    """``relationStatus`` -> ``relation status``; acronyms stay.

    >>> _humanise("valueUSD"), _humanise("memberDuring"), _humanise("iso3166Alpha2")
    ('value USD', 'member during', 'iso3166 alpha2')
    """
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[A-Z]+", name)
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or name


def _timeline(facts: list[FactView]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of an inline SVG timeline (x and width in percent) and its axis ticks."""
    dated = sorted((f for f in facts if f.start), key=lambda f: (f.start, f.iri))
    if not dated:
        return [], []

    def year(d: dt.date) -> float:
        return d.year + (d.timetuple().tm_yday - 1) / 366

    lo = min(year(f.start) for f in dated)  # type: ignore[arg-type]
    hi = max(year(f.end or f.start) for f in dated)  # type: ignore[arg-type]
    today = dt.date.today()
    open_ended = any(f.kind == "Membership" and not f.end for f in dated)
    if open_ended:
        hi = max(hi, year(today))
    lo, hi = float(int(lo)), float(int(hi) + 1)
    span = max(hi - lo, 1.0)
    rows = []
    for f in dated:
        s = year(f.start)  # type: ignore[arg-type]
        if f.end:
            e = year(f.end)
        elif f.kind == "Membership":
            e = year(today)
        else:
            e = s
        rows.append(
            {
                "fact": f,
                "x": round((s - lo) / span * 100, 2),
                "w": round(max((e - s) / span * 100, 0.0), 2),
                "point": e == s,
            }
        )
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200) if span / s <= 10)
    first = int(lo) + (-int(lo)) % step
    ticks = [
        {"x": round((y - lo) / span * 100, 2), "label": str(y)}
        for y in range(first, int(hi) + 1, step)
    ]
    return rows, ticks


def annotate(text: str, spans: list[tuple[int, int, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every quote's start and end: the pieces, each with the facts quoting it.

    ``spans`` are (start, end, fact) with code-point offsets, end exclusive (as stored).

    >>> [(p["text"], p["facts"]) for p in annotate("abcdef", [(1, 4, "x"), (3, 5, "y")])]
    [('a', []), ('bc', ['x']), ('d', ['x', 'y']), ('e', ['y']), ('f', [])]
    """
    cuts = {0, len(text)}
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:], strict=False):
        covering = [f for start, end, f in spans if start <= a and b <= end]
        pieces.append({"text": text[a:b], "facts": covering})
    return pieces


def build_view(iri: str, g: Graph, *, timeline: bool = True) -> PageView:
    """The page view of ``iri`` from its neighbourhood graph ``g`` (``timeline``: with the
    timeline of all its facts; an entity page draws the one its layout chose instead)."""
    s = ox.NamedNode(iri)
    labels = [Value(lit.value, lang=lit.language) for lit in g.labels(s)]
    labels.sort(key=lambda v: ({"en": 0, "vi": 1}.get(v.lang or "", 2), v.text))
    alt = [_value(g, o) for o in g.objects(s, str(SKOS) + "altLabel")]
    kinds = [_value(g, t) for t in g.objects(s, RDF("type"))]
    codes = [(name, g.value(s, p).value) for name, p in CODE_PROPS if g.value(s, p) is not None]

    wikidata: list[Value] = []
    for link in g.objects(s, DG("wikidataLink")):
        target = g.value(link, DG("target"))
        qid = g.value(link, DG("qid"))
        confidence = g.value(link, DG("confidence"))
        conf = g.label(confidence) if confidence is not None else "unknown"
        if target is not None:
            text = qid.value if qid is not None else local_name(target.value)
            wikidata.append(
                Value(text, f"https://www.wikidata.org/wiki/{text}", note=conf, external=True)
            )
        else:
            wikidata.append(Value("no Wikidata item", note=conf))
    if not wikidata:
        matches = ((SKOS("exactMatch"), "exact match"), (SKOS("closeMatch"), "close match"))
        for prop, conf in matches:
            for t in g.objects(s, prop):
                if isinstance(t, ox.NamedNode) and t.value.startswith(str(WD)):
                    qid = local_name(t.value)
                    wikidata.append(
                        Value(qid, f"https://www.wikidata.org/wiki/{qid}", note=conf, external=True)
                    )

    types = g.types(s)
    is_fact = DG("Fact") in types
    fact_nodes = [
        f
        for f in g.subjects(RDF("type"), ox.NamedNode(DG("Fact")))
        if isinstance(f, ox.NamedNode) and f != s
    ]
    facts = [fact_view(g, f) for f in fact_nodes]
    facts.sort(key=lambda f: (f.start or dt.date.max, f.iri))
    groups: list[tuple[str, list[FactView]]] = []
    known = set()
    for kind, title in FACT_GROUPS:
        members = [f for f in facts if f.kind == kind]
        known.add(kind)
        if members:
            groups.append((title, members))
    others = [f for f in facts if f.kind not in known]
    if others:
        groups.append(("Other facts", others))
    timeline, axis = _timeline(facts) if timeline else ([], [])

    shown = {RDF("type"), str(SKOS) + "altLabel", DG("wikidataLink"), SCHEMA("text"),
             *LABEL_PROPS}
    shown |= {p for _, p in CODE_PROPS}
    statements: dict[str, tuple[Value, list[Value]]] = {}
    for p, o in g.pairs(s):
        if p.value in shown:
            continue
        key = p.value
        if key not in statements:
            statements[key] = (Value(_humanise(local_name(p.value)), p.value, external=True), [])
        statements[key][1].append(_value(g, o))
    incoming = []
    fact_set = set(fact_nodes)
    for subj, predicate in g.incoming(s):
        if subj in fact_set or not isinstance(subj, ox.NamedNode):
            continue
        if subj.value.startswith(iri + "/"):
            continue  # our own sub-nodes (annotation) are shown with the fact
        incoming.append((_value(g, subj), Value(_humanise(local_name(predicate.value)))))
    incoming.sort(key=lambda pair: (pair[1].text, pair[0].text, pair[0].link or ""))

    fact = fact_view(g, s) if is_fact else None
    selector = None
    position = None
    if is_fact:
        for ann in g.subjects(OA("hasBody"), s):
            for target in g.objects(ann, OA("hasTarget")):
                for sel in g.objects(target, OA("hasSelector")):
                    sel_types = g.types(sel)
                    if OA("TextQuoteSelector") in sel_types:
                        parts = {k: g.value(sel, OA(k)) for k in ("prefix", "exact", "suffix")}
                        selector = {k: (v.value if v is not None else "") for k, v in parts.items()}
                    if OA("TextPositionSelector") in sel_types:
                        st, en = g.value(sel, OA("start")), g.value(sel, OA("end"))
                        if st is not None and en is not None:
                            position = (st.value, en.value)
        if selector is None and fact and fact.quote:
            selector = {"prefix": "", "exact": fact.quote.text, "suffix": ""}

    document = None
    if DG("SourceDocument") in types:
        text = g.value(s, SCHEMA("text"))
        spans = []
        for f_node, f in zip(fact_nodes, (fact_view(g, n) for n in fact_nodes), strict=True):
            start, end = g.value(f_node, DG("quoteStart")), g.value(f_node, DG("quoteEnd"))
            if start is not None and end is not None:
                spans.append((int(start.value), int(end.value), f))
        document = {
            "facts": len(facts),
            "language": (g.value(s, DCTERMS("language")) or ox.Literal("")).value,
            "file": (g.value(s, DG("fileName")) or ox.Literal("")).value,
            "segments": annotate(text.value, spans) if text is not None else [],
            "quoted": len(spans),
        }

    title = g.label(s)
    if fact is not None:
        title = f"{fact.kind_label[:1].upper()}{fact.kind_label[1:]}: {title}"
    return PageView(
        iri=iri,
        title=title,
        labels=labels,
        alt_labels=alt,
        kinds=kinds,
        codes=codes,
        wikidata=wikidata,
        facts=facts,
        groups=groups,
        timeline=timeline,
        timeline_axis=axis,
        statements=list(statements.values()),
        incoming=incoming,
        is_fact=is_fact,
        fact=fact,
        selector=selector,
        position=position,
        document=document,
    )
