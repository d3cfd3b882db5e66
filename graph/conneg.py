"""Compatibility names for code written before the format table and the negotiator were split.

The table of formats (media types, names, pyoxigraph enums, the offers of each query form) is
:mod:`diplograph.graph.formats`; content negotiation (``Accept``, ``format=``) is a protocol
rule and lives in :mod:`diplograph.server.conneg`. Import from those; this module only keeps
the old names working while callers move (the negotiator's names are looked up lazily, so that
the core does not import the server at load time).
"""

from __future__ import annotations

from typing import Any

from .formats import (
    ASK_TYPES,
    CSV,
    DATASET_TYPES,
    EXPLICIT_ONLY,
    FORMAT_ALIASES,
    FORMAT_IRIS,
    GRAPH_TYPES,
    JSON,
    JSONLD,
    N3,
    NQUADS,
    NTRIPLES,
    RDF_INPUT_TYPES,
    RDFXML,
    SELECT_TYPES,
    TRIG,
    TSV,
    TURTLE,
    XML,
    base_type,
    from_format_alias,
    offers_for_form,
)

__all__ = [
    "JSON", "XML", "CSV", "TSV", "TURTLE", "NTRIPLES", "RDFXML", "JSONLD", "NQUADS", "TRIG", "N3",
    "SELECT_TYPES", "ASK_TYPES", "GRAPH_TYPES", "DATASET_TYPES", "RDF_INPUT_TYPES",
    "EXPLICIT_ONLY", "FORMAT_ALIASES", "offers_for_form", "from_format_alias", "base_type",
    "FORMAT_IRIS",
]

_NEGOTIATOR = ("MediaRange", "parse_accept", "quality", "negotiate", "prefers_html")


def __getattr__(name: str) -> Any:
    if name in _NEGOTIATOR:
        from ..server import conneg  # transitional: callers import server.conneg directly

        return getattr(conneg, name)
    raise AttributeError(name)
