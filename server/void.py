"""The dataset description (VoID) at ``/.well-known/void`` and the health check ``/health``.

Both read the per-graph triple counts from one ``GROUP BY ?g`` query. The counts are kept
for ``DIPLOGRAPH_STATS_TTL`` seconds (default 30), so ``/health`` stays cheap under polling.

This blueprint (``meta``) is nested in ``named_api``'s blueprint, so registering that one
registers these routes too.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, request, url_for

from .. import __version__
from ..graph.errors import DiplographError
from ..graph.namespaces import (
    DCTERMS,
    DG,
    FOAF,
    OA,
    ORG,
    PREFIXES,
    PROV,
    QB,
    RDF,
    SCHEMA,
    SEM,
    SKOS,
    TIME,
    VOID,
    XSD,
)
from ..graph.release import CatalogueRow
from .conneg import negotiate
from .ui import base_iri, select
from .worker_stats import aggregate

bp = Blueprint("meta", __name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
DCAT = "http://www.w3.org/ns/dcat#"
FORMATS_NS = "http://www.w3.org/ns/formats/"

RDF_OFFERS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


@dataclass(frozen=True)
class StoreStats:
    """Triple counts per named graph, and when they were taken."""

    graphs: dict[str, int]
    taken: float

    @property
    def triples(self) -> int:
        """All triples in named graphs (quads)."""
        return sum(self.graphs.values())


_lock = threading.Lock()
_cache: dict[int, StoreStats] = {}


def store_stats() -> StoreStats:
    """The per-graph counts, cached per app for ``DIPLOGRAPH_STATS_TTL`` seconds."""
    ttl = float(current_app.config.get("DIPLOGRAPH_STATS_TTL", 30))
    key = id(current_app._get_current_object())  # type: ignore[attr-defined]
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
        if cached is not None and now - cached.taken < ttl:
            return cached
    rows = select(GRAPH_COUNTS)
    stats = StoreStats({r["g"].value: int(r["n"].value) for r in rows if "g" in r}, now)
    with _lock:
        _cache[key] = stats
    return stats


@bp.get("/health")
def health() -> Any:
    """``{status, triples, graphs, version}``; 503 if the store cannot be read."""
    try:
        stats = store_stats()
    except DiplographError as e:
        resp = jsonify({"status": "error", "error": e.message, "version": __version__})
        resp.status_code = 503
        return resp
    caches: dict[str, Any] = {
        "cache": current_app.extensions["diplograph"].cache.stats(),  # the one response cache
        "pages": current_app.extensions["diplograph.pages"].stats(),
        "processes": 1,
    }
    publisher = current_app.extensions.get("diplograph_stats")
    if publisher is not None:  # several worker processes: the counters of all of them
        publisher.publish_now()
        caches = aggregate(publisher.directory)
    return jsonify(
        {"status": "ok", "triples": stats.triples, "graphs": len(stats.graphs),
         "version": __version__, **caches}
    )


def _t(s: str | ox.NamedNode | ox.BlankNode, p: str, o: ox.Term) -> ox.Triple:
    subject = ox.NamedNode(s) if isinstance(s, str) else s
    return ox.Triple(subject, ox.NamedNode(p), o)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(XSD("integer")))


def void_triples(
    root: str,
    stats: StoreStats,
    *,
    releases: str | None = None,
    modified: str | None = None,
    catalogue: list[CatalogueRow] | None = None,
) -> list[ox.Triple]:
    """The VoID description of the store as served at ``root`` (this server's URL root).

    Each graph gets its title, licence and citation from the graph catalogue
    (``data/catalogue/graphs.csv``, as the releases do; ``catalogue``: its rows, default those
    the app's store holds, :func:`store_catalogue`); ``releases`` (a folder of releases)
    adds their whole-graph dumps (``void:dataDump``, ``dcat:downloadURL``); ``modified`` (an
    ISO date: the store's build date) becomes ``dcterms:modified``."""
    from .dumps import dump_links

    doc = root + ".well-known/void"
    ds = doc + "#dataset"
    endpoint = root + "sparql"
    n = ox.NamedNode
    out = [
        _t(doc, RDF("type"), n(VOID("DatasetDescription"))),
        _t(
            doc,
            DCTERMS("title"),
            ox.Literal("VoID description of the diplograph dataset", language="en"),
        ),
        _t(doc, FOAF("primaryTopic"), n(ds)),
        _t(ds, RDF("type"), n(VOID("Dataset"))),
        _t(ds, DCTERMS("title"), ox.Literal("diplograph", language="en")),
        _t(
            ds,
            DCTERMS("description"),
            ox.Literal(
                "A knowledge graph of international relations: facts from source documents, "
                "each with its quote and provenance, plus a registry of actors linked to Wikidata.",
                language="en",
            ),
        ),
        _t(ds, FOAF("homepage"), n(root)),
        _t(ds, VOID("sparqlEndpoint"), n(endpoint)),
        _t(ds, VOID("uriSpace"), ox.Literal(base_iri() + "id/")),
        _t(ds, VOID("uriLookupEndpoint"), n(root + "id/")),
        _t(ds, VOID("triples"), _int(stats.triples)),
        _t(ds, VOID("feature"), n(FORMATS_NS + "Turtle")),
        _t(ds, VOID("feature"), n(FORMATS_NS + "N-Triples")),
        _t(ds, VOID("feature"), n(FORMATS_NS + "JSON-LD")),
    ]
    for vocab in (
        DG(""),
        ORG(""),
        PROV(""),
        OA(""),
        SKOS(""),
        TIME(""),
        QB(""),
        SEM(""),
        SCHEMA(""),
        DCTERMS(""),
    ):
        out.append(
            _t(ds, VOID("vocabulary"), n(vocab.rstrip("#") if vocab.endswith("#") else vocab))
        )
    if modified:
        out.append(_t(ds, DCTERMS("modified"), ox.Literal(modified, datatype=n(XSD("date")))))
    out.append(_t(ds, DCTERMS("rights"), ox.Literal(
        "Mixed: each graph (void:subset) states its own licence and citation.", language="en")))
    for k, (url, mt, version) in enumerate(dump_links(releases, root)):
        dist = ox.BlankNode(f"dump{k}")
        out += [
            _t(ds, VOID("dataDump"), n(url)),
            _t(ds, DCAT + "distribution", dist),
            _t(dist, RDF("type"), n(DCAT + "Distribution")),
            _t(dist, DCAT + "downloadURL", n(url)),
            _t(dist, DCAT + "mediaType", ox.Literal(mt)),
            _t(dist, DCAT + "compressFormat", ox.Literal("application/gzip")),
            _t(dist, DCTERMS("title"), ox.Literal(f"release {version}")),
        ]
    rows = store_catalogue() if catalogue is None else catalogue
    for graph, count in stats.graphs.items():
        sub = doc + "#graph-" + quote(graph, safe="")
        out += [
            _t(ds, VOID("subset"), n(sub)),
            _t(sub, RDF("type"), n(VOID("Dataset"))),
            _t(sub, SD + "name", n(graph)),
            _t(sub, VOID("triples"), _int(count)),
            _t(sub, VOID("sparqlEndpoint"), n(endpoint)),
            _t(sub, VOID("dataDump"), n(root + "store?graph=" + quote(graph, safe=""))),
        ]
        row = next((r for r in rows if r.matches(graph)), None)
        if row is not None:
            if row.title:
                out.append(_t(sub, DCTERMS("title"), ox.Literal(row.title, language="en")))
            if row.licence:
                out.append(_t(sub, DCTERMS("license"), n(row.licence)))
            if row.licence_label:
                out.append(_t(sub, DCTERMS("rights"), ox.Literal(row.licence_label)))
            if row.citation:
                out.append(_t(sub, DCTERMS("bibliographicCitation"), ox.Literal(row.citation)))
    return out


def store_catalogue() -> list[CatalogueRow]:
    """The rows of the graph catalogue the app's store holds (the ``graph-catalogue`` table the
    build wrote from ``data/catalogue/graphs.csv``), read again after a write; empty when the
    store lacks it (the graphs are then listed without titles and licences)."""
    from ..loaders.lookup_tables import read_rows

    qs = current_app.extensions["diplograph"]
    generation = qs.generation
    kept = current_app.extensions.get("diplograph.void.catalogue")
    if kept is None or kept[0] != generation:
        rows = [CatalogueRow(**{k: v.strip() for k, v in row.items()})
                for _, row in read_rows(qs.read_store(), "graph-catalogue")]
        kept = (generation, [r for r in rows if r.graph])
        current_app.extensions["diplograph.void.catalogue"] = kept
    return kept[1]  # type: ignore[no-any-return]


@bp.get("/.well-known/void")
def void_description() -> Any:
    """The VoID description: Turtle by default; N-Triples, JSON-LD, RDF/XML by ``Accept``."""
    fmt = request.args.get("format")
    aliases = {
        "ttl": "text/turtle",
        "nt": "application/n-triples",
        "jsonld": "application/ld+json",
        "rdfxml": "application/rdf+xml",
    }
    media = (
        aliases.get(fmt or "")
        if fmt
        else negotiate(request.headers.get("Accept"), list(RDF_OFFERS))
    )
    if media is None:
        raise DiplographError(
            "not-acceptable", f"the VoID description is offered as {', '.join(RDF_OFFERS)}"
        )
    root = url_for("ui.index", _external=True)
    modified = None
    try:
        rows = select("SELECT (MAX(?t) AS ?last) "
                      "WHERE { ?a <http://www.w3.org/ns/prov#endedAtTime> ?t }")
        if rows and "last" in rows[0]:
            modified = rows[0]["last"].value[:10]
    except DiplographError:
        pass  # described without a modification date
    triples = void_triples(root, store_stats(), releases=current_app.config.get(
        "DIPLOGRAPH_RELEASES"), modified=modified)
    prefixes = {
        "void": str(VOID),
        "dcterms": str(DCTERMS),
        "foaf": str(FOAF),
        "sd": SD,
        "dcat": DCAT,
        "dg": PREFIXES["dg"],
    }
    body = ox.serialize(triples, format=RDF_OFFERS[media], prefixes=prefixes)
    resp = Response(
        body, content_type=media + ("; charset=utf-8" if media.startswith("text/") else "")
    )
    resp.vary.add("Accept")
    return resp
