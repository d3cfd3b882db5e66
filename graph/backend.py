"""One interface to the two kinds of store: the embedded pyoxigraph store and a remote engine.

Both answer :meth:`~GraphBackend.query` with data (rows of terms, a boolean, triples) over the
union of our graphs, and replace a graph with :meth:`~GraphBackend.replace_graph`, all or
nothing as queries see it. :func:`open_backend` picks the kind from the configuration:
``--engine URL`` names a remote engine, else ``--store DIR`` (the default) the embedded store.

>>> import pyoxigraph as ox
>>> b = EmbeddedBackend(ox.Store())
>>> b.replace_graph("http://g/1", [ox.Triple(ox.NamedNode("http://a"), ox.NamedNode("http://p"),
...                                            ox.Literal("x"))])
1
>>> b.query("SELECT ?o WHERE { ?s ?p ?o }")[0]["o"].value
'x'
>>> b.published_graphs()
['http://g/1']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .namespaces import QUERY_PREFIXES
from .remote import Auth, RemoteStore
from .sparql_errors import syntax_error
from .terms import to_bytes

__all__ = ["EmbeddedBackend", "GraphBackend", "open_backend"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Answer = list[dict[str, Term]] | bool | list[ox.Triple]


class GraphBackend(Protocol):
    """What the core needs of a store."""

    @property
    def name(self) -> str: ...

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              graphs: Sequence[str] | None = None) -> Answer: ...

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int: ...

    def drop_graph(self, graph: str) -> None: ...

    def published_graphs(self) -> list[str]: ...

    def count(self, graph: str) -> int: ...


class EmbeddedBackend:
    """The embedded pyoxigraph store behind :class:`GraphBackend`."""

    def __init__(self, store: ox.Store, name: str = "the embedded store") -> None:
        self.store = store
        self.name = name

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              graphs: Sequence[str] | None = None) -> Answer:
        from .sparql_safety import check_external_access

        check_external_access(sparql)
        kwargs: dict[str, object] = {"prefixes": QUERY_PREFIXES}
        if graphs is None:
            kwargs["use_default_graph_as_union"] = True
        else:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in graphs]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in graphs]
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            result = self.store.query(sparql, substitutions=subs, **kwargs)  # type: ignore[arg-type]
        except SyntaxError as e:
            raise syntax_error(e, sparql) from e
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return list(result)
        variables = [v.value for v in result.variables]
        return [{name: row[name] for name in variables if row[name] is not None}
                for row in result]

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """One SPARQL update (atomic in pyoxigraph): drop the graph, insert the triples.

        The triples are serialised by pyoxigraph (N-Triples), so no value is pasted as text.
        """
        g = str(ox.NamedNode(graph))
        unique = list(dict.fromkeys(triples))
        body = to_bytes(unique, ox.RdfFormat.N_TRIPLES).decode() if unique else ""
        self.store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}}} }}")
        return len(unique)

    def drop_graph(self, graph: str) -> None:
        g = ox.NamedNode(graph)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)

    def published_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: str) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def open_backend(*, store: Path | str | None = None, engine: str | None = None,
                 update_url: str | None = None, auth: Auth | None = None,
                 timeout: float = 30.0, read_only: bool = False) -> GraphBackend:
    """The backend the configuration names: ``engine`` (a SPARQL query URL) or ``store``."""
    if engine:
        return RemoteStore(engine, update_url=update_url, auth=auth or Auth(), timeout=timeout)
    from .store import open_store

    return EmbeddedBackend(open_store(store, read_only=read_only))
