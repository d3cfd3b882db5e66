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

from .sparql_safety import Token, tokenize

__all__ = ["MAX_TERMS", "predicate_marker", "query_predicates", "touched_graphs",
           "touched_terms"]

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


#: how :func:`touched_graphs` names the default graph (as the checkpoints list it)
DEFAULT_GRAPH = "DEFAULT"

_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def touched_graphs(update: str, base_iri: str | None = None) -> frozenset[str] | None:
    """The graphs an update may change (the default graph as :data:`DEFAULT_GRAPH`), read
    from its text, or None if the text does not say (a template's ``GRAPH ?g``, ``CLEAR
    ALL``/``NAMED``, a relative graph IRI whatever ``base_iri``, anything not understood).

    Every form of SPARQL 1.1 Update is read: ``INSERT``/``DELETE DATA``, ``DELETE WHERE``,
    ``[WITH g] DELETE {…} INSERT {…} [USING …] WHERE {…}`` (only the templates write),
    ``LOAD … INTO GRAPH``, ``CLEAR``/``DROP``/``CREATE`` and ``ADD``/``MOVE``/``COPY``. The text
    is not checked: the engine refuses a malformed one, and a refused update changes nothing.

    >>> sorted(touched_graphs('DELETE WHERE { GRAPH <urn:x:g> { ?s ?p ?o } }'))
    ['urn:x:g']
    >>> sorted(touched_graphs('PREFIX e: <http://e/> WITH e:g DELETE { ?s e:p ?o } INSERT '
    ...                       '{ GRAPH e:h { ?s e:q ?o } } WHERE { GRAPH ?x { ?s e:p ?o } }'))
    ['http://e/g', 'http://e/h']
    >>> sorted(touched_graphs('INSERT DATA { <http://e/a> <http://e/p> 1 } ; '
    ...                       'MOVE GRAPH <http://e/g> TO DEFAULT ; CREATE GRAPH <http://e/n>'))
    ['DEFAULT', 'http://e/g']
    >>> touched_graphs('DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }') is None
    True
    >>> touched_graphs('CLEAR ALL') is None, touched_graphs('DROP GRAPH <rel>') is None
    (True, True)
    """
    if len(update) > MAX_TEXT:
        return None
    toks = tokenize(update)
    prefixes: dict[str, str] = {}
    out: set[str] = set()
    n = len(toks)
    i = 0

    def word(k: int) -> str | None:
        return toks[k].upper if k < n and toks[k].kind == "name" else None

    def graph(k: int) -> str | None:
        """The graph IRI of the token at ``k`` (an IRI or a prefixed name), or None."""
        if k >= n:
            return None
        t = toks[k]
        if t.kind == "iri":
            return t.text if _ABSOLUTE.match(t.text) else None
        if t.kind == "name" and ":" in t.text and not t.text.startswith("_:"):
            prefix, _, local = t.text.partition(":")
            ns = prefixes.get(prefix + ":")
            return ns + local if ns is not None and _ABSOLUTE.match(ns) and \
                "\\" not in local else None
        return None

    def block_end(k: int) -> int:
        """The position after the ``}`` closing the ``{`` at ``k``."""
        depth = 0
        while k < n:
            t = toks[k]
            if t.kind == "punct" and t.text == "{":
                depth += 1
            elif t.kind == "punct" and t.text == "}":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return n

    def template(k: int, default: str | None) -> int | None:
        """Add the graphs the quad template at ``k`` writes; the position after it."""
        if k >= n or toks[k].text != "{":
            return None
        end = block_end(k)
        k += 1
        while k < end - 1:
            t = toks[k]
            if t.kind == "name" and t.upper == "GRAPH":
                g = graph(k + 1)
                if g is None or k + 2 >= n or toks[k + 2].text != "{":
                    return None
                out.add(g)
                k = block_end(k + 2)
                continue
            if not (t.kind == "punct" and t.text == "."):
                if default is None:
                    return None
                out.add(default)  # a triple outside GRAPH: the default (or WITH) graph
                k = _triples_end(toks, k, end - 1)
                continue
            k += 1
        return end

    def target(k: int, graph_word: bool) -> tuple[str | None, int]:
        """``DEFAULT`` or ``[GRAPH] <g>`` at ``k``: the graph and the position after it."""
        if word(k) == "DEFAULT":
            return DEFAULT_GRAPH, k + 1
        if word(k) == "GRAPH":
            return graph(k + 1), k + 2
        return (graph(k), k + 1) if graph_word else (None, k + 1)

    while i < n:
        w = word(i)
        t = toks[i]
        if t.kind == "punct" and t.text == ";":
            i += 1
        elif w == "PREFIX" and i + 2 < n and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text] = toks[i + 2].text
            i += 3
        elif w == "BASE":  # (a relative graph IRI is unknown, whatever the base)
            i += 2
        elif w in ("INSERT", "DELETE") and word(i + 1) in ("DATA", "WHERE"):
            end = template(i + 2, DEFAULT_GRAPH)
            if end is None:
                return None
            i = end
        elif w in ("WITH", "INSERT", "DELETE"):
            default = DEFAULT_GRAPH
            if w == "WITH":
                default_or_none = graph(i + 1)
                if default_or_none is None:
                    return None
                default = default_or_none
                i += 2
            while word(i) in ("INSERT", "DELETE"):
                end = template(i + 1, default)
                if end is None:
                    return None
                i = end
            while word(i) == "USING":
                i += 3 if word(i + 1) == "NAMED" else 2
            if word(i) == "WHERE":
                i += 1
            if i >= n or toks[i].text != "{":
                return None
            i = block_end(i)
        elif w == "LOAD":
            i += 2 if word(i + 1) == "SILENT" else 1
            i += 1  # the document loaded
            if word(i) == "INTO":
                g = graph(i + 2) if word(i + 1) == "GRAPH" else None
                if g is None:
                    return None
                out.add(g)
                i += 3
            else:
                out.add(DEFAULT_GRAPH)
        elif w in ("CLEAR", "DROP", "CREATE"):
            i += 2 if word(i + 1) == "SILENT" else 1
            g, i = target(i, graph_word=False)
            if g is None:
                return None
            if w != "CREATE":  # a new graph is empty: no quad changes
                out.add(g)
        elif w in ("ADD", "MOVE", "COPY"):
            i += 2 if word(i + 1) == "SILENT" else 1
            source, i = target(i, graph_word=True)
            if word(i) != "TO":
                return None
            dest, i = target(i + 1, graph_word=True)
            if source is None or dest is None:
                return None
            out.add(dest)
            if w == "MOVE":
                out.add(source)
        else:
            return None
    return frozenset(out)


def _triples_end(toks: tuple[Token, ...], k: int, end: int) -> int:
    """The position of the next ``GRAPH`` keyword at this level of a template (or ``end``)."""
    depth = 0
    while k < end:
        t = toks[k]
        if t.kind == "punct" and t.text in "{[(":
            depth += 1
        elif t.kind == "punct" and t.text in "}])":
            depth -= 1
        elif depth == 0 and t.kind == "name" and t.upper == "GRAPH":
            return k
        k += 1
    return end
