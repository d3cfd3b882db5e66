"""Running SPARQL in-process on the embedded store (the CLI and the tests use this).

A thin face of the one runner (:mod:`.runner`): the same checks, label service rewrite and
union default graph as on the endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import QUERY_PREFIXES
from .runner import Term, check, evaluate, serialize, variables
from .runner import select as _select

#: CLI format name -> pyoxigraph format
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def check_query_safety(sparql: str, allow_federation: tuple[str, ...] = ()) -> None:
    """Refuse a text beyond the size, nesting and operator limits (:mod:`.sparql_safety`)
    and ``SERVICE``/``LOAD`` to hosts outside the allow-list (empty by default)."""
    from .sparql_safety import check_external_access, check_limits

    check_limits(sparql)
    check_external_access(sparql, allow=allow_federation)


def run_query(
    store: ox.Store,
    sparql: str,
    *,
    fmt: str | None = None,
    substitutions: Mapping[ox.Variable, Term] | Mapping[str, Term] | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> bytes:
    """Run ``sparql`` and serialise the result in ``fmt`` (default: json or turtle).

    Syntax errors raise ``DiplographError('syntax')`` carrying the parser's message.
    """
    if prefixes:  # declared in the text, ahead of the predefined ones
        decl = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items()
                       if QUERY_PREFIXES.get(p) != iri)
        sparql = decl + sparql
    query = check(sparql)
    result = evaluate(store, query, substitutions=variables(substitutions))
    if isinstance(result, ox.QueryTriples):
        f = GRAPH_FORMATS.get(fmt or "turtle")
        if f is None:
            raise DiplographError(
                "not-acceptable",
                f"format {fmt!r} does not suit a graph result; "
                f"use one of {', '.join(GRAPH_FORMATS)}",
            )
        return serialize(result, f)[0]
    rf = RESULT_FORMATS.get(fmt or "json")
    kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
    if rf is None:
        raise DiplographError(
            "not-acceptable",
            f"format {fmt!r} does not suit a {kind} result; use one of {', '.join(RESULT_FORMATS)}",
        )
    return serialize(result, rf)[0]


def select(
    store: ox.Store,
    sparql: str,
    substitutions: Mapping[ox.Variable, Term] | Mapping[str, Term] | None = None,
) -> list[dict[str, Term]]:
    """Run a SELECT; rows as dicts of variable name -> term (unbound ones left out)."""
    return _select(store, sparql, substitutions)
