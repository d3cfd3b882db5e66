"""Counts over the store: quads, graphs, classes, facts per source."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from .namespaces import DG
from .terms import solutions, value


def stats(store: ox.Store) -> dict[str, Any]:
    """Quads in all, per named graph, entities per class and facts per type."""
    graphs: dict[str, int] = {}
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        graphs[g.value] = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
    default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    triples = value(next(iter(solutions(
        store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
            use_default_graph_as_union=True,
        )
    )))["n"])
    classes = {
        value(row["c"]): int(value(row["n"]))
        for row in solutions(store.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c "
            f'FILTER(STRSTARTS(STR(?c), "{DG("")}")) }} GROUP BY ?c ORDER BY ?c',
            use_default_graph_as_union=True,
        ))
    }
    return {
        "quads": len(store),
        "distinct_triples": int(triples),
        "default_graph_quads": default,
        "graphs": graphs,
        "classes": classes,
        "facts": classes.get(DG("Fact"), 0),
    }
