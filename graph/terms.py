"""Typed access to pyoxigraph terms and query results.

pyoxigraph's stubs type a solution's value and a quad's object as any term (RDF-star triple
terms included), ``Store.query`` as any of its three result kinds, and ``serialize`` as bytes
or ``None``. The core's own queries know which they get: these helpers say so once, checked
at run time, so that callers need no casts.

>>> value(ox.Literal("12")), value(ox.NamedNode("http://example.org/a"))
('12', 'http://example.org/a')
>>> value(ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
Traceback (most recent call last):
...
TypeError: expected an IRI, a blank node or a literal, not a triple term
>>> to_bytes([ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"),
...                     ox.Literal("o"))], ox.RdfFormat.N_TRIPLES)
b'<http://e/s> <http://e/p> "o" .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

__all__ = ["Term", "Result", "value", "solutions", "to_bytes", "triple"]

#: A term that can stand in a solution or as the object of a quad.
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
#: What ``Store.query`` returns.
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def value(term: Term | ox.DefaultGraph | None) -> str:
    """The text of an IRI, a blank node or a literal (``TypeError`` for anything else)."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term.value
    kind = "a triple term" if isinstance(term, ox.Triple) else repr(term)
    raise TypeError(f"expected an IRI, a blank node or a literal, not {kind}")


def solutions(result: Result) -> ox.QuerySolutions:
    """The solutions of a SELECT (``TypeError`` for an ASK or a graph result)."""
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"expected the solutions of a SELECT, not {type(result).__name__}")
    return result


def to_bytes(data: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: ox.RdfFormat, *,
             prefixes: dict[str, str] | None = None, base_iri: str | None = None) -> bytes:
    """``data`` serialised in memory (``ox.serialize`` with no output)."""
    out = ox.serialize(data, format=fmt, prefixes=prefixes, base_iri=base_iri)
    if out is None:  # pyoxigraph returns the bytes when it is given no output
        raise RuntimeError("pyoxigraph.serialize returned nothing")
    return out


def triple(s: Term, p: Term, o: Term) -> ox.Triple:
    """The triple ``s p o`` (``TypeError`` for a literal subject or a predicate that is not
    an IRI: a rewritten or remote term that cannot stand there).

    >>> str(triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
    '<http://e/s> <http://e/p> "o"'
    """
    if isinstance(s, ox.Literal) or not isinstance(p, ox.NamedNode):
        raise TypeError(f"not a triple: {s} {p} {o}")
    return ox.Triple(s, p, o)
