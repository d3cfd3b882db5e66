"""Running SPARQL in-process on the embedded store (the CLI and the tests use this).

The default graph is the union of all named graphs, as on the endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from .errors import DiplographError
from .label_service import rewrite_label_service
from .namespaces import QUERY_PREFIXES
from .sparql_errors import syntax_error

#: CLI format name -> (pyoxigraph format, media type)
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
    substitutions: Mapping[ox.Variable, ox.Term] | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> bytes:
    """Run ``sparql`` and serialise the result in ``fmt`` (default: json or turtle).

    Syntax errors raise ``DiplographError('syntax')`` carrying the parser's message.
    """
    sparql = rewrite_label_service(sparql)
    check_query_safety(sparql)
    try:
        result = store.query(
            sparql,
            use_default_graph_as_union=True,
            substitutions=dict(substitutions or {}),
            prefixes={**QUERY_PREFIXES, **(prefixes or {})},
        )
    except SyntaxError as e:
        raise syntax_error(e, sparql) from e
    except (RuntimeError, ValueError) as e:
        raise DiplographError("bad-input", f"query failed: {e}") from e
    except OSError as e:
        raise DiplographError("storage", f"query failed: {e}") from e
    if isinstance(result, ox.QueryTriples):
        f = GRAPH_FORMATS.get(fmt or "turtle")
        if f is None:
            raise DiplographError(
                "not-acceptable",
                f"format {fmt!r} does not suit a graph result; "
                f"use one of {', '.join(GRAPH_FORMATS)}",
            )
        return result.serialize(format=f)
    rf = RESULT_FORMATS.get(fmt or "json")
    kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
    if rf is None:
        raise DiplographError(
            "not-acceptable",
            f"format {fmt!r} does not suit a {kind} result; use one of {', '.join(RESULT_FORMATS)}",
        )
    return result.serialize(format=rf)


def select(
    store: ox.Store,
    sparql: str,
    substitutions: Mapping[ox.Variable, ox.Term] | None = None,
) -> list[dict[str, ox.Term]]:
    """Run a SELECT; rows as dicts of variable name -> term (unbound ones left out)."""
    try:
        result = store.query(
            sparql, use_default_graph_as_union=True, substitutions=dict(substitutions or {})
        )
    except SyntaxError as e:
        raise syntax_error(e, sparql) from e
    if not isinstance(result, ox.QuerySolutions):
        raise DiplographError("bad-input", "not a SELECT query")
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]
