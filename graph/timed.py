"""A query on an open store under the endpoint's time limit (for ``diplograph query``).

The same runner as the endpoint's (:mod:`.runner`: checks, label service, dataset,
substitutions, serialisation) in the same kind of query thread (:class:`.isolation.QueryThreads`),
so a query behaves the same on the command line and on the endpoint. At the limit it raises
``DiplographError('timeout')``; the query goes on in its daemon thread, so the caller should
exit (``os._exit``) rather than carry on.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from . import formats
from .errors import DiplographError
from .executor import media_format
from .isolation import QueryThreads
from .runner import Checked, Term, check, evaluate, serialize, variables

__all__ = ["MEDIA_TYPES", "query_with_limit"]

#: ``--format`` names → media types (the one format table, :mod:`.formats`)
MEDIA_TYPES = {f.name: f.media_type for f in formats.FORMATS}


def _serialised(store: ox.Store, query: Checked, subs: dict[ox.Variable, Term],
                fmt: ox.QueryResultsFormat | ox.RdfFormat) -> bytes:
    result = evaluate(store, query, substitutions=subs)
    try:
        return serialize(result, fmt)[0]
    finally:
        del result


def query_with_limit(
    store: ox.Store,
    sparql: str,
    *,
    fmt: str | None = None,
    substitutions: Mapping[str, str | Term] | None = None,
    timeout: float | None = 30.0,
) -> bytes:
    """Run ``sparql`` (default graph: the union of the graphs) and serialise the result as
    ``fmt`` (default: json, or turtle for graph results) within ``timeout`` seconds
    (``None`` or 0: no limit). ``substitutions``: variable → term (or a term in N-Triples
    syntax).

    The text passes the endpoint's checks first: size, nesting and operator bounds (a text
    past them would overflow the engine's stack and kill this process), and no SERVICE/LOAD;
    ``SERVICE wikibase:label`` is rewritten locally, as on the endpoint."""
    query = check(sparql)
    offers = formats.offers_for_form(query.form)
    media_type = MEDIA_TYPES.get(fmt or "") if fmt else offers[0]
    if media_type is None or media_type not in offers:
        names = [k for k, v in MEDIA_TYPES.items() if v in offers]
        raise DiplographError(
            "not-acceptable",
            f"format {fmt!r} does not suit a {query.form.upper()} result; use one of "
            f"{', '.join(names)}")
    out_format = media_format(query.form, media_type)
    assert out_format is not None  # every offer has a pyoxigraph format
    subs = variables(substitutions)
    if not timeout:
        return _serialised(store, query, subs, out_format)
    threads = QueryThreads(1)
    try:
        body = threads.run(_serialised, store, query, subs, out_format, timeout=timeout)
    except TimeoutError:
        raise DiplographError(
            "timeout",
            f"the query ran longer than the time limit of {timeout:g} s and was stopped: "
            "narrow it, add LIMIT, or give a longer --timeout (0: none)") from None
    threads.stop()
    return body  # type: ignore[no-any-return]
