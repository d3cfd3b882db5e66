"""What a write touched: the terms a cache of pages compares with what each page read.

A page (an entity's, a concept's, a data set's) reads the triples around one node. A write
to an unrelated graph (a new document's facts, a benchmark's scratch graph) must not throw
away the page of the UN, so the write says which terms it touched and each cached page keeps
the terms it read (:mod:`diplograph.server.page_cache`): a page is dropped when the two meet.

:func:`touched_terms` answers for the one kind of update whose changes are known from its
text: ``INSERT DATA`` and ``DELETE DATA`` operations (with ``PREFIX`` and ``BASE``). Their
quads are read by pyoxigraph itself (the same text applied to an empty in-memory store, with
``DELETE DATA`` read as ``INSERT DATA``), so prefixes, escapes and relative IRIs resolve as
the engine resolves them. For anything else (``DELETE/INSERT … WHERE``, ``CLEAR``, ``LOAD``,
a graph replaced through the Graph Store Protocol) the answer is ``None``: unknown, and every
cached page goes.

The terms are the IRIs in subject and object position, and each predicate as
``p:<iri>`` (:func:`predicate_marker`): a page that read a node through a pattern whose
middle node it does not keep (an annotation's target) names the predicate instead.

>>> sorted(touched_terms('PREFIX ex: <http://e/> INSERT DATA { GRAPH ex:g { ex:a ex:p ex:b, 1 } }'))
['http://e/a', 'http://e/b', 'p:http://e/p']
>>> sorted(touched_terms('DELETE DATA { <http://e/a> a <http://e/C> }'))
['http://e/C', 'http://e/a', 'p:http://www.w3.org/1999/02/22-rdf-syntax-ns#type']
>>> touched_terms('DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }') is None
True
>>> touched_terms('CLEAR ALL') is None, touched_terms('INSERT DATA { <a> <b> <c> } ;') is None
(True, True)
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .sparql_safety import tokenize

__all__ = ["MAX_TERMS", "predicate_marker", "query_predicates", "touched_terms"]

#: beyond this many terms a write counts as touching everything (a bulk load)
MAX_TERMS = 20_000
#: longer update texts are not analysed (a bulk load): every cached page goes
MAX_TEXT = 1_048_576

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
#: the bare words a data block may hold
_DATA_WORDS = frozenset({"GRAPH", "A", "TRUE", "FALSE"})


def predicate_marker(iri: str) -> str:
    """The term that stands for "a triple with this predicate was written".

    >>> predicate_marker("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    'p:http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
    """
    return "p:" + iri


def _data_only(text: str) -> list[int] | None:
    """The positions of the ``DELETE`` keywords if ``text`` is only ``PREFIX``/``BASE``
    declarations and ``INSERT DATA``/``DELETE DATA`` operations, else None."""
    toks = tokenize(text)
    deletes: list[int] = []
    depth = 0
    i, n = 0, len(toks)
    ops = 0
    while i < n:
        t = toks[i]
        if t.kind in ("error", "var"):
            return None
        if depth == 0:
            word = t.upper if t.kind == "name" else None
            if word == "PREFIX" and i + 2 < n and toks[i + 1].kind == "name" \
                    and toks[i + 1].text.endswith(":") and toks[i + 2].kind == "iri":
                i += 3
                continue
            if word == "BASE" and i + 1 < n and toks[i + 1].kind == "iri":
                i += 2
                continue
            if word in ("INSERT", "DELETE") and i + 2 < n and toks[i + 1].kind == "name" \
                    and toks[i + 1].upper == "DATA" and toks[i + 2].text == "{":
                if word == "DELETE":
                    deletes.append(t.pos)
                depth, ops, i = 1, ops + 1, i + 3
                continue
            if t.text == ";" and t.kind == "punct" and i + 1 < n:
                i += 1
                continue
            return None
        if t.kind == "punct":
            if t.text == "{":
                depth += 1
            elif t.text == "}":
                depth -= 1
        elif t.kind == "name":
            if not (":" in t.text or t.upper in _DATA_WORDS or _NUMBER.fullmatch(t.text)):
                return None
        i += 1
    return deletes if depth == 0 and ops else None


def touched_terms(update: str, base_iri: str | None = None) -> frozenset[str] | None:
    """The terms an update touches (see the module docstring), or None if unknown."""
    if len(update) > MAX_TEXT:
        return None
    deletes = _data_only(update)
    if deletes is None:
        return None
    text = update
    for pos in reversed(deletes):  # the same quads, read as an insertion
        text = text[:pos] + "INSERT" + text[pos + len("DELETE"):]
    scratch = ox.Store()
    try:
        scratch.update(text, base_iri=base_iri)
    except (SyntaxError, ValueError, OSError, RuntimeError):
        return None  # the engine refuses it too; nothing is known
    terms: set[str] = set()
    for q in scratch:
        for term in (q.subject, q.object):
            if isinstance(term, ox.NamedNode):
                terms.add(term.value)
            elif isinstance(term, ox.Triple):  # an RDF-star term: whatever it names
                return None
        terms.add(predicate_marker(q.predicate.value))
        if len(terms) > MAX_TERMS:
            return None
    return frozenset(terms)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def query_predicates(sparql: str) -> frozenset[str]:
    """The :func:`predicate_marker` of every IRI written in a query (prefixed names resolved
    with its own ``PREFIX`` declarations, ``a`` as ``rdf:type``).

    For a query whose every triple pattern has a constant predicate (no ``?s ?p ?o``), these
    are all a write can change its answer through: a quad whose predicate is not among them
    matches none of its patterns. A cache of such an answer keeps these as its terms.

    >>> q = 'PREFIX ex: <http://e/> SELECT ?s { ?s a ex:C ; ex:p/<http://f/q> ?o }'
    >>> sorted(query_predicates(q))  # doctest: +NORMALIZE_WHITESPACE
    ['p:http://e/C', 'p:http://e/p', 'p:http://f/q',
     'p:http://www.w3.org/1999/02/22-rdf-syntax-ns#type']
    >>> query_predicates('SELECT * { ?s nope:p ?o }')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the prefix 'nope:' is not declared in the query
    """
    toks = tokenize(sparql)
    prefixes: dict[str, str] = {}
    for i, t in enumerate(toks[:-2]):
        if t.kind == "name" and t.upper == "PREFIX" and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text] = toks[i + 2].text
    out: set[str] = set()
    for i, t in enumerate(toks):
        if t.kind == "iri" and not (i and toks[i - 1].kind == "name"
                                    and toks[i - 1].text in prefixes):
            out.add(predicate_marker(t.text))
        elif t.kind == "name" and t.text == "a":
            out.add(predicate_marker(_RDF_TYPE))
        elif t.kind == "name" and ":" in t.text and not t.text.startswith("_:") \
                and not (i and toks[i - 1].upper == "PREFIX"):
            prefix, _, local = t.text.partition(":")
            if prefix + ":" not in prefixes:
                raise ValueError(f"the prefix {prefix + ':'!r} is not declared in the query")
            out.add(predicate_marker(prefixes[prefix + ":"] + local))
    return frozenset(out)
