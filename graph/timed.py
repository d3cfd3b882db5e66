"""A query on an open store under the endpoint's time limit (for ``diplograph query``).

The endpoint's :class:`~.executor.QueryService` runs each query in one of its query threads
and stops waiting at the time limit (pyoxigraph cannot cancel a query). This runs the same
function (``executor._run_query``: dataset, substitutions, serialisation) in the same kind
of thread (``executor._DaemonThreads``), so a query behaves the same on the command line and
on the endpoint. At the limit it raises ``DiplographError('timeout')``; the query goes on in
its daemon thread, so the caller should exit (``os._exit``) rather than carry on.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from . import conneg
from .errors import DiplographError
from .executor import _DaemonThreads, _run_query
from .sparql_errors import syntax_error
from .sparql_safety import has_dataset_clause, query_form

__all__ = ["MEDIA_TYPES", "query_with_limit"]

#: ``--format`` names → media types
MEDIA_TYPES = {
    "json": conneg.JSON, "xml": conneg.XML, "csv": conneg.CSV, "tsv": conneg.TSV,
    "turtle": conneg.TURTLE, "ntriples": conneg.NTRIPLES, "rdfxml": conneg.RDFXML,
    "jsonld": conneg.JSONLD, "nquads": conneg.NQUADS, "trig": conneg.TRIG,
}


def query_with_limit(
    store: ox.Store,
    sparql: str,
    *,
    fmt: str | None = None,
    substitutions: Mapping[str, str] | None = None,
    timeout: float | None = 30.0,
) -> bytes:
    """Run ``sparql`` (default graph: the union of the graphs) and serialise the result as
    ``fmt`` (default: json, or turtle for graph results) within ``timeout`` seconds
    (``None`` or 0: no limit). ``substitutions``: variable → term in N-Triples syntax.

    The text passes the endpoint's checks first: size, nesting and operator bounds (a text
    past them would overflow the engine's stack and kill this process), and no SERVICE/LOAD;
    ``SERVICE wikibase:label`` is rewritten locally, as on the endpoint."""
    from .label_service import rewrite_label_service
    from .query import check_query_safety

    sparql = rewrite_label_service(sparql)
    check_query_safety(sparql)
    try:
        form = query_form(sparql)
    except DiplographError as e:
        if "update" in e.message:
            raise
        try:  # the parser's own message (line and column) on an empty store
            ox.Store().query(sparql)
        except SyntaxError as e:
            raise syntax_error(e, sparql) from e
        except (OSError, RuntimeError, ValueError):
            pass
        raise
    offers = conneg.offers_for_form(form)
    media_type = MEDIA_TYPES.get(fmt or "") if fmt else offers[0]
    if media_type is None or media_type not in offers:
        names = [k for k, v in MEDIA_TYPES.items() if v in offers]
        raise DiplographError(
            "not-acceptable",
            f"format {fmt!r} does not suit a {form.upper()} result; use one of {', '.join(names)}")
    req = {
        "sparql": sparql, "media_type": media_type, "default_graphs": [], "named_graphs": [],
        "union": not has_dataset_clause(sparql), "substitutions": dict(substitutions or {}),
        "base_iri": None, "max_rows": 2**62, "max_bytes": 2**62,
    }
    if not timeout:
        _header, body = _run_query(store, req)
        return body
    threads = _DaemonThreads(1)
    try:
        _header, body = threads.run(_run_query, store, req, timeout=timeout)
    except TimeoutError:
        raise DiplographError(
            "timeout",
            f"the query ran longer than the time limit of {timeout:g} s and was stopped: "
            "narrow it, add LIMIT, or give a longer --timeout (0: none)") from None
    threads.stop()
    return body  # type: ignore[no-any-return]
