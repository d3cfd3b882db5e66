"""Validate RDF against the diplograph SHACL shapes (``shapes.ttl``) with pySHACL.

The shapes target dg: classes; the check adds to a copy of the data the ontology's class
hierarchy (``rdfs:subClassOf``, so a ``dg:HistoricalState`` meets the ``dg:State`` shape)
and the concept schemes (``rdf:type`` and ``skos:inScheme`` of every concept, so a shape can
require "a concept of dgc:role"). No other inference is run. The shapes and the ontology
are parsed once per process.

>>> from rdflib import Graph
>>> check(Graph())
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, SH, SKOS

from ..graph.namespaces import PREFIXES
from . import CONCEPTS_FILE, ONTOLOGY_FILE, SHAPES_FILE

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """A pyoxigraph term as the rdflib term rdflib's own Turtle parser gives."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return rdflib.Literal(term.value, datatype=None if dt == _XSD_STRING else rdflib.URIRef(dt))


def _triples(path: object) -> list[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]:
    """The triples of a Turtle file, parsed by pyoxigraph (several times faster than
    rdflib's Turtle parser: this is most of the CPU time of `diplograph load`)."""
    return [
        (_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object))
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    ]


@cache
def shapes_graph() -> rdflib.Graph:
    """The parsed shapes graph (cached)."""
    g = rdflib.Graph()
    for t in _triples(SHAPES_FILE):
        g.add(t)
    return g


@cache
def _support_triples() -> tuple[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node], ...]:
    """The ontology triples the shapes rely on: class hierarchy and concept membership."""
    sub, scheme = rdflib.URIRef(RDFS.subClassOf), rdflib.URIRef(SKOS.inScheme)
    typ, concept = rdflib.URIRef(RDF.type), rdflib.URIRef(SKOS.Concept)
    out = [t for t in _triples(ONTOLOGY_FILE) if t[1] == sub]
    concepts = _triples(CONCEPTS_FILE)
    out += [t for t in concepts if t[1] == scheme]
    out += [t for t in concepts if t[1] == typ and t[2] == concept]
    return tuple(dict.fromkeys(out))


def _short(node: rdflib.term.Node | None, nm: rdflib.namespace.NamespaceManager) -> str:
    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        try:
            return nm.normalizeUri(node)
        except Exception:  # noqa: BLE001 - fall back to the full IRI
            return f"<{node}>"
    if isinstance(node, rdflib.BNode):
        return "_:" + str(node)
    return str(node)


def check(data: rdflib.Graph) -> list[str]:
    """Validate ``data`` against ``shapes.ttl`` + the ontology; return human messages.

    Each message reads ``focus <iri>: path dg:x: message`` (the ``path`` part is left out
    when a result has no path). Results nested in others (``sh:detail``) are not listed.
    An empty list means the data conforms. Messages are sorted and unique.

    >>> g = rdflib.Graph()
    >>> r = rdflib.URIRef("https://diplograph.org/id/fact/d/rel")
    >>> DG = rdflib.Namespace("https://diplograph.org/ontology#")
    >>> _ = g.add((r, RDF.type, DG.DiplomaticRelation))
    >>> _ = g.add((r, DG.party, rdflib.URIRef("https://diplograph.org/id/state/MNG")))
    >>> _ = g.add((r, DG.relationStatus, rdflib.URIRef(
    ...     "https://diplograph.org/id/concept/relation-status/established")))
    >>> check(g)  # doctest: +NORMALIZE_WHITESPACE
    ['focus <https://diplograph.org/id/fact/d/rel>: path dg:party: a diplomatic relation has
      exactly two dg:party (actor IRIs)']
    """
    return check_triples(data.triples((None, None, None)))


def check_terms(triples: Iterable[ox.Triple]) -> list[str]:
    """:func:`check` for pyoxigraph triples (turned into rdflib terms one by one, as rdflib's
    own parser would make them, without writing and parsing N-Triples)."""
    term = _rdflib_term
    return check_triples((term(t.subject), term(t.predicate), term(t.object))  # type: ignore[arg-type]
                         for t in triples)


def check_triples(
    triples: Iterable[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]],
) -> list[str]:
    """:func:`check` for rdflib triples (added to the graph that is validated, once)."""
    from pyshacl import validate

    mixed = rdflib.Graph()
    for prefix, iri in PREFIXES.items():
        mixed.bind(prefix, iri)
    for t in triples:
        mixed.add(t)
    for t in _support_triples():
        mixed.add(t)
    _conforms, report, _text = validate(
        mixed,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        inplace=True,
        allow_warnings=False,
    )
    nm = mixed.namespace_manager
    messages: set[str] = set()
    for result in set(report.objects(None, SH.result)):  # top-level results only
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        msgs = list(report.objects(result, SH.resultMessage)) or [
            report.value(result, SH.sourceConstraintComponent)
        ]
        focus_text = f"<{focus}>" if isinstance(focus, rdflib.URIRef) else _short(focus, nm)
        short_path = _short(path, nm) if path is not None else ""
        path_text = f"path {short_path}: " if short_path else ""
        for msg in msgs:
            text = _short(msg, nm)
            if short_path and text.startswith(short_path + ": "):
                text = text[len(short_path) + 2 :]  # the path is already in the line
            messages.add(f"focus {focus_text}: {path_text}{text}")
    return sorted(messages)


__all__ = ["check", "check_terms", "check_triples", "shapes_graph"]
