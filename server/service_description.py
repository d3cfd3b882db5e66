"""The SPARQL 1.1 Service Description of the endpoint (RDF, content-negotiated by the view).

It states the endpoints (``/sparql`` for queries, ``/update`` for updates), the result and
input formats, ``sd:UnionDefaultGraph`` (the default graph is the union of all named graphs),
``sd:BasicFederatedQuery`` only when an allow-list is configured, the default dataset with
``void:triples`` per graph, and the limits (``rdfs:comment``).
Graph sizes are counted through the query service (so under its time limit) and cached
until the next write.
"""

from __future__ import annotations

import threading
from typing import Any

import pyoxigraph as ox
from flask import Flask

from ..graph import formats
from ..graph.errors import DiplographError
from ..graph.executor import QueryService
from ..graph.namespaces import RDF, RDFS, VOID, XSD

__all__ = ["SD", "service_description", "graph_sizes"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_cache: dict[int, tuple[int, tuple[int | None, dict[str, int]]]] = {}
_lock = threading.Lock()


def graph_sizes(qs: QueryService) -> tuple[int | None, dict[str, int]]:
    """(triples in the union default graph, {graph IRI: triples}); cached per write generation."""
    key = id(qs)
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == qs.generation:
            return hit[1]
    generation = qs.generation
    named: dict[str, int] = {}
    total: int | None = None
    try:
        for row in qs.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                             "GROUP BY ?g"):
            named[row["g"].value] = int(row["n"].value)
        total = int(qs.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value)
    except DiplographError:
        pass  # too slow or too big: describe the dataset without sizes
    result = (total, named)
    with _lock:
        _cache[key] = (generation, result)
    return result


def _lit(value: Any, datatype: str | None = None) -> ox.Literal:
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(datatype))
    return ox.Literal(str(value))


def service_description(app: Flask, root_url: str, media_type: str) -> bytes:
    """The description of the service at ``root_url`` (ending in ``/``) as ``media_type``."""
    qs: QueryService = app.extensions["diplograph"]
    cfg = app.config
    n = ox.NamedNode
    sd = lambda local: n(SD + local)  # noqa: E731
    triples: list[ox.Triple] = []

    def add(s: Any, p: Any, o: Any) -> None:
        triples.append(ox.Triple(s, p, o))

    svc = n(root_url + "sparql")
    add(svc, n(RDF("type")), sd("Service"))
    add(svc, sd("endpoint"), svc)
    add(svc, sd("supportedLanguage"), sd("SPARQL11Query"))
    add(svc, n(RDFS("label")), _lit("diplograph SPARQL endpoint"))
    for mt in (*formats.SELECT_TYPES, *formats.GRAPH_TYPES):
        add(svc, sd("resultFormat"), n(formats.FORMAT_IRIS[mt]))
    add(svc, sd("feature"), sd("UnionDefaultGraph"))
    add(svc, sd("feature"), sd("EmptyGraphs"))
    if qs.allow_federation:
        add(svc, sd("feature"), sd("BasicFederatedQuery"))
    limits = (
        f"Queries are stopped after {qs.timeout:g} s (HTTP 503). SELECT results are capped at "
        f"{qs.max_rows} rows and every result at {qs.max_bytes} bytes (HTTP 422 beyond). "
        "Without default-graph-uri/named-graph-uri the default graph is the union of all "
        "named graphs. SERVICE and LOAD are refused unless the target is allow-listed"
        + (f" ({', '.join(qs.allow_federation)})." if qs.allow_federation else " (none is).")
    )
    add(svc, n(RDFS("comment")), _lit(limits))

    upd = n(root_url + "update")
    add(upd, n(RDF("type")), sd("Service"))
    add(upd, sd("endpoint"), upd)
    add(upd, sd("supportedLanguage"), sd("SPARQL11Update"))
    for mt in formats.RDF_INPUT_TYPES:
        add(upd, sd("inputFormat"), n(formats.FORMAT_IRIS[mt]))
    add(upd, n(RDFS("comment")), _lit(
        "Updates need 'Authorization: Bearer <token>'." if cfg.get("DIPLOGRAPH_UPDATE_TOKEN")
        else "This service is read-only (no update token is configured): updates get 403."))

    total, named = graph_sizes(qs)
    ds = ox.BlankNode("dataset")
    dg = ox.BlankNode("defaultGraph")
    for s in (svc, upd):
        add(s, sd("defaultDataset"), ds)
    add(ds, n(RDF("type")), sd("Dataset"))
    add(ds, sd("defaultGraph"), dg)
    add(dg, n(RDF("type")), sd("Graph"))
    if total is not None:
        add(dg, n(VOID("triples")), _lit(total, XSD("integer")))
    from .dumps import dump_links

    dcat = "http://www.w3.org/ns/dcat#"
    for k, (url, mt, version) in enumerate(dump_links(cfg.get("DIPLOGRAPH_RELEASES"), root_url)):
        dist = ox.BlankNode(f"dump{k}")
        add(ds, n(VOID("dataDump")), n(url))
        add(ds, n(dcat + "distribution"), dist)
        add(dist, n(RDF("type")), n(dcat + "Distribution"))
        add(dist, n(dcat + "downloadURL"), n(url))
        add(dist, n(dcat + "mediaType"), _lit(mt))
        add(dist, n(dcat + "compressFormat"), _lit("application/gzip"))
        add(dist, n(RDFS("label")), _lit(f"release {version}"))
    for i, (iri, count) in enumerate(sorted(named.items())):
        ng = ox.BlankNode(f"ng{i}")
        gr = ox.BlankNode(f"g{i}")
        add(ds, sd("namedGraph"), ng)
        add(ng, n(RDF("type")), sd("NamedGraph"))
        add(ng, sd("name"), n(iri))
        add(ng, sd("graph"), gr)
        add(gr, n(RDF("type")), sd("Graph"))
        add(gr, n(VOID("triples")), _lit(count, XSD("integer")))
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise DiplographError("not-acceptable", f"cannot describe the service as {media_type}")
    kwargs: dict[str, Any] = {}
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        kwargs["prefixes"] = {"sd": SD, "void": str(VOID), "rdfs": str(RDFS),
                              "dcat": "http://www.w3.org/ns/dcat#"}
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        data: Any = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    else:
        data = triples
    return ox.serialize(data, format=fmt, **kwargs)  # type: ignore[no-any-return]
