"""Rules of the SPARQL 1.1 Protocol that are no query's business: the dataset parameters
(``default-graph-uri``, ``named-graph-uri``) and the update dataset parameters
(``using-graph-uri``, ``using-named-graph-uri``).

A query's dataset parameters become a :class:`~diplograph.graph.runner.Dataset` of terms.
pyoxigraph has no dataset argument for updates, so the ``using-*`` parameters become
``USING`` clauses in the text, once their IRIs are checked (no ``>`` can appear in them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from ..graph.errors import DiplographError
from ..graph.runner import Dataset
from ..graph.sparql_safety import tokenize, update_dataset_keywords

__all__ = ["add_using", "check_iri", "dataset", "update_with_dataset"]

Params = Sequence[tuple[str, str]]


_IRI_OK = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


def check_iri(iri: str) -> ox.NamedNode:
    """``iri`` as a term, if it is an absolute IRI (else 'bad-input', 400).

    >>> check_iri('http://g/1').value
    'http://g/1'
    """
    if not _IRI_OK.fullmatch(iri):
        raise DiplographError("bad-input", f"not an absolute IRI: {iri!r}")
    try:
        return ox.NamedNode(iri)
    except ValueError as e:
        raise DiplographError("bad-input", f"not an absolute IRI: {iri!r}: {e}") from e


def dataset(params: Params) -> Dataset | None:
    """The dataset the request's ``default-graph-uri`` / ``named-graph-uri`` give (None: the
    query's own, or the union of the named graphs).

    >>> dataset([("query", "ASK {}"), ("named-graph-uri", "http://g/1")])
    Dataset(default=(), named=(<NamedNode value=http://g/1>,))
    >>> dataset([("query", "ASK {}")]) is None
    True
    """
    default = tuple(check_iri(v) for k, v in params if k == "default-graph-uri")
    named = tuple(check_iri(v) for k, v in params if k == "named-graph-uri")
    return Dataset(default, named) if default or named else None


def update_with_dataset(sparql: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update text with the ``using-*`` parameters applied (400 when the text names its
    own dataset with USING or WITH)."""
    if not using and not using_named:
        return sparql
    found = update_dataset_keywords(sparql)
    if found:
        raise DiplographError(
            "bad-input",
            f"using-graph-uri/using-named-graph-uri cannot be combined with "
            f"{' or '.join(sorted(set(found)))} in the update",
        )
    for iri in (*using, *using_named):
        check_iri(iri)
    return add_using(sparql, using, using_named)


def add_using(sparql: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """Add ``USING``/``USING NAMED`` before the ``WHERE`` of every DELETE/INSERT operation.

    pyoxigraph has no dataset argument for updates, so the protocol parameters become text;
    the IRIs were validated (no ``>`` can appear in them).

    >>> add_using('DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }', ['http://g/'], [])
    'DELETE { ?s ?p ?o } USING <http://g/> WHERE { ?s ?p ?o }'
    """
    clause = " ".join([*(f"USING <{g}>" for g in using),
                       *(f"USING NAMED <{g}>" for g in using_named)])
    depth = 0
    inserts: list[int] = []
    in_modify = False
    previous = ""
    for tok in tokenize(sparql):
        if tok.kind == "punct" and tok.text == "{":
            depth += 1
        elif tok.kind == "punct" and tok.text == "}":
            depth -= 1
        elif tok.kind == "name" and depth == 0:
            w = tok.upper
            if w in ("DELETE", "INSERT"):
                in_modify = True
            elif w == "WHERE" and in_modify:
                if previous == "DELETE":
                    raise DiplographError(
                        "bad-input",
                        "using-graph-uri cannot apply to the DELETE WHERE short form: "
                        "write DELETE { ... } WHERE { ... }",
                    )
                inserts.append(tok.pos)
                in_modify = False
            elif w == "DATA":
                in_modify = False
        previous = tok.upper
    for pos in reversed(inserts):
        sparql = sparql[:pos] + clause + " " + sparql[pos:]
    return sparql
