"""Compact JSON-LD, streamed: pyoxigraph's expanded JSON-LD with its IRIs compacted.

pyoxigraph 0.5 writes standard, streaming JSON-LD (``RdfFormat.JSON_LD``) in expanded form:
full IRIs everywhere and no ``@context`` (it ignores ``prefixes``). This module turns that
output into compact JSON-LD on the bytes, as they stream: a ``@context`` of the project's
prefixes (:data:`JSONLD_CONTEXT`), compact IRIs (``dg:Membership``, ``dgr:state/MNG``) for
node ids, property keys and datatypes, ``rdf:type`` as ``@type``, plain strings as strings.
Every node object, value and order is pyoxigraph's: the document means exactly what the
expanded one does (parsed back by pyoxigraph and by rdflib it gives the same quads: tested).
Rewriting bytes instead of building node objects in Python is what makes it fast: the
serialiser runs in Rust and one regular expression pass compacts its output (about 1.5 s of
CPU for the 1.4 M quads of the real graph).

Why rewriting the bytes is safe: in JSON, a ``"`` inside a string is always escaped (``\\"``),
and each pattern below holds an unescaped ``"`` next to a structural character (``{``, ``,``,
``:``) or a keyword, so it only matches the serialiser's own structure (keys, ``@id`` and
``@type`` values, value objects), never the text of a literal.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import QUERY_PREFIXES
from .sinks import BytesSink
from .terms import to_bytes, value

__all__ = [
    "JSONLD_CONTEXT", "JsonLdCompactor", "context_head", "write_graph_nodes", "write_jsonld",
]

#: the ``@context`` of the JSON-LD exports: the project's prefixes and Wikidata's (the
#: Wikidata-shaped view is a large part of the graph)
JSONLD_CONTEXT: dict[str, str] = {**QUERY_PREFIXES, "xsd": "http://www.w3.org/2001/XMLSchema#"}

_SEPARATOR = rb'("@id":"|"@type":"|,")'  # before a node id or reference, a datatype, a key
_NODE_BREAK = (b']},{"@id":', b']},\n{"@id":')
_TYPES = re.compile(rb'"rdf:type":\[((?:\{"@id":"[^"_][^"]*"\},?)+)\]')
_TYPE_ID = re.compile(rb'\{"@id":("[^"]*")\}')
# the usual case of _TYPES, one type: split there and each type formatted in C (no call into
# Python a match, as a callback or a template of ``sub`` makes)
_TYPE_ONE = re.compile(rb'"rdf:type":\[\{"@id":("[^"_][^"]*")\}\]')
_TYPE_ONE_OUT = b'"@type":[%b]'

# a plain string's value object (xsd:string, no language): split there, the string is kept
_PLAIN = re.compile(rb'\{"@value":("(?:[^"\\]|\\.)*")\}')


def _trie(words: Iterable[bytes]) -> bytes:
    r"""A regular expression matching the longest of ``words`` (as a prefix trie: Python's
    ``re`` tries an alternation's branches one by one, and most namespaces share their
    start, so a trie makes the compaction pass about twice as fast).

    >>> _trie([b"http://a/", b"http://a/b#", b"https://c/"])
    b'http(?:://a/(?:b\\#)?|s://c/)'
    >>> re.fullmatch(_trie([b"x", b"xy"]), b"xy") is not None
    True
    """
    tree: dict[int, Any] = {}
    for w in words:
        node = tree
        for byte in w:
            node = node.setdefault(byte, {})
        node[-1] = {}  # a word ends here

    def build(node: dict[int, Any]) -> bytes:
        ends = -1 in node
        branches = []
        for byte in sorted(k for k in node if k != -1):
            head, child = bytes([byte]), node[byte]
            while len(child) == 1 and -1 not in child:  # a chain: no branching, no end
                (nxt, child), = child.items()
                head += bytes([nxt])
            branches.append(re.escape(head) + build(child))
        if not branches:
            return b""
        body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
        if ends:  # greedy: the longer words first, then this one
            return body + b"?" if len(branches) > 1 else b"(?:" + body + b")?"
        return body

    return build(tree)


class JsonLdCompactor:
    r"""Compacts the IRIs of pyoxigraph's expanded JSON-LD with a context's prefixes.

    One regular expression finds, after each ``"@id":"``, ``"@type":"`` or ``,"`` (a key),
    the longest namespace of the context (not followed by ``//``: ``p://x`` would read as an
    absolute IRI); the text is split there and each namespace replaced by its prefix. An
    IRI whose scheme is a prefix's name (``dg:x``) would change meaning: it is refused.

    >>> c = JsonLdCompactor({"dg": "https://diplograph.org/ontology#", "e": "http://e/",
    ...                      "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"})
    >>> c.compact_iri("http://e/s"), c.compact_iri("http://e///x"), c.compact_iri("urn:a")
    ('e:s', 'http://e///x', 'urn:a')
    >>> quads = ox.parse(b'<http://e/s> a <https://diplograph.org/ontology#Fact> ; '
    ...                  b'<http://e/p> "http://e/not-an-iri", "1"^^<http://e/t>, _:b .',
    ...                  format=ox.RdfFormat.TURTLE)
    >>> c.compact(ox.serialize(quads, format=ox.RdfFormat.JSON_LD))
    b'[{"@id":"e:s","@type":["dg:Fact"],"e:p":["http://e/not-an-iri",{"@type":"e:t","@value":"1"},{"@id":"_:b"}]}]'
    >>> try:
    ...     c.compact(b'[{"@id":"e:s","http://e/p":[{"@id":"dg:x"}]}]')
    ... except DiplographError as e:
    ...     print(e.message)
    an IRI with the scheme 'e' or 'dg' would read as a compact IRI in JSON-LD: it cannot be written
    """

    def __init__(self, context: dict[str, str] = JSONLD_CONTEXT) -> None:
        for name, ns in context.items():
            if not ns.endswith(("/", "#")):
                raise DiplographError("internal", f"JSON-LD prefix {name}: {ns} must end "
                                      "with '/' or '#' to be used in compact IRIs")
        spaces = sorted(context.items(), key=lambda kv: -len(kv[1]))
        self.prefixes = {ns.encode(): name.encode() + b":" for name, ns in spaces}
        names = sorted((name.encode() for name in context), key=lambda n: -len(n))
        self._pattern = re.compile(
            _SEPARATOR + rb"(?:(" + _trie([ns.encode() for _, ns in spaces])
            + rb")(?!//)|(" + _trie(names) + rb"):)")

    def compact_iri(self, iri: str) -> str:
        """``iri`` as a compact IRI with the longest matching namespace, or as it is."""
        m = self._pattern.match(b'"@id":"' + iri.encode())
        if m is None:
            return iri
        if m.group(3) is not None:
            raise DiplographError("bad-input", f"the IRI {iri} would read as a compact IRI "
                                  "in JSON-LD: it cannot be written")
        return self.prefixes[m.group(2)].decode() + iri[len(m.group(2).decode()):]

    def compact(self, expanded: bytes) -> bytes:
        """Compact a complete piece of pyoxigraph's JSON-LD (one node object a line)."""
        parts = self._pattern.split(expanded)  # [text, separator, namespace, clash, text, …]
        clashes = parts[3::4]
        if clashes.count(None) != len(clashes):
            clashes = [c.decode() for c in clashes if c is not None]
            raise DiplographError(
                "bad-input", f"an IRI with the scheme {' or '.join(map(repr, clashes))} "
                "would read as a compact IRI in JSON-LD: it cannot be written")
        del parts[3::4]
        parts[2::3] = map(self.prefixes.__getitem__, parts[2::3])
        # after the IRIs: a plain string in an array would otherwise read as a key after ","
        out = b"".join(_PLAIN.split(b"".join(parts)))
        return _type_keyword(out).replace(*_NODE_BREAK)


def _types(m: re.Match[bytes]) -> bytes:
    return b'"@type":[' + b",".join(_TYPE_ID.findall(m.group(1))) + b"]"


def _type_keyword(text: bytes) -> bytes:
    r"""``"rdf:type":[{"@id":X},…]`` as ``"@type":[X,…]`` (what ``_TYPES.sub(_types, text)``
    gives): the arrays of one type first, split out and formatted in C, then the others.

    >>> _type_keyword(b'{"@id":"e:s","rdf:type":[{"@id":"e:A"}],"rdf:type":[{"@id":"e:B"},'
    ...               b'{"@id":"e:C"}]}')
    b'{"@id":"e:s","@type":["e:A"],"@type":["e:B","e:C"]}'
    """
    parts = _TYPE_ONE.split(text)  # [text, type, text, …]
    parts[1::2] = map(_TYPE_ONE_OUT.__mod__, parts[1::2])
    return _TYPES.sub(_types, b"".join(parts))


def context_head(context: dict[str, str] = JSONLD_CONTEXT) -> bytes:
    """The start of a compact JSON-LD document: the ``@context``, then ``"@graph": [``."""
    text = json.dumps({"@context": context}, ensure_ascii=False, indent=1)
    return (text[:-2] + ',\n "@graph": [').encode()


def write_graph_nodes(
    quads: Iterable[ox.Quad] | Iterable[ox.Triple],
    output: BytesSink,
    compactor: JsonLdCompactor,
    *,
    first: bool,
) -> bool:
    """Serialise ``quads`` (of one graph, their subjects grouped) as node objects, compacted,
    into ``output`` (inside a ``@graph`` array). ``first``: nothing precedes them in that array.
    Returns whether the array is still empty afterwards."""
    body = to_bytes(quads, ox.RdfFormat.JSON_LD)
    if body == b"[]":
        return first
    output.write((b"\n" if first else b",\n") + compactor.compact(body[1:-1]))
    return False


def write_jsonld(
    store: ox.Store,
    output: IO[bytes],
    *,
    graph: str | None = None,
    tmp_dir: str | os.PathLike[str] | None = None,
    sort_bytes: int = 32 * 2**20,
) -> None:
    """The store (or its graph ``graph``) as compact JSON-LD, streamed: an ``@context`` of
    the project's prefixes; the default graph's node objects, then one ``{"@id": graph,
    "@graph": [...]}`` per named graph (IRI order). Each graph is dumped as N-Triples, sorted
    (in runs of ``sort_bytes`` merged from ``tmp_dir``), and serialised a chunk of whole
    subjects at a time: memory stays flat, and the output depends on the quads only. The
    JSON-LD file of a release is written the same way (:mod:`.release_dumps`)."""
    from .release_files import sorted_lines, subject_chunks

    compactor = JsonLdCompactor(JSONLD_CONTEXT)
    if graph is not None:
        graphs: list[ox.NamedNode | ox.DefaultGraph] = [ox.NamedNode(graph)]
    else:
        graphs = [ox.DefaultGraph(), *sorted(
            (g for g in store.named_graphs() if isinstance(g, ox.NamedNode)),
            key=lambda g: g.value)]
    output.write(context_head(JSONLD_CONTEXT))
    top_empty = True
    with tempfile.TemporaryDirectory(prefix="diplograph-jsonld-", dir=tmp_dir) as tmp:
        part = Path(tmp) / "graph.nt"
        for g in graphs:
            store.dump(str(part), format=ox.RdfFormat.N_TRIPLES, from_graph=g)
            nested = isinstance(g, ox.NamedNode) and graph is None
            if nested:
                gid = json.dumps(compactor.compact_iri(value(g)), ensure_ascii=False)
                output.write(("\n" if top_empty else ",\n").encode()
                             + f' {{"@id":{gid},"@graph":['.encode())
                top_empty = False
            empty = True
            for chunk in subject_chunks(sorted_lines(part, tmp_dir=Path(tmp) / "sort",
                                                     sort_bytes=sort_bytes)):
                triples = ox.parse(b"".join(chunk), format=ox.RdfFormat.N_TRIPLES, lenient=True)
                if nested:
                    empty = write_graph_nodes(triples, output, compactor, first=empty)
                else:
                    top_empty = write_graph_nodes(triples, output, compactor, first=top_empty)
            if nested:
                output.write(b"]}" if empty else b"\n ]}")
    output.write(b"\n]}\n")
