"""Streaming export of the store: Turtle (default), N-Triples, N-Quads, TriG, JSON-LD.

Quads are streamed from the store to the output, so memory does not grow with the store. The
order is the store's index order, so two exports of the same store are byte-identical.
Turtle, N-Triples and JSON-LD have no named graphs: a whole-store export in them is the union of
all graphs (``--graph`` picks one). N-Quads and TriG keep the graphs.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import PREFIXES

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = {"nquads", "trig"}
SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".rdf": "rdfxml",
}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """Guess the format from a file name (``.gz`` is looked through).

    >>> format_for_path("dump.nq.gz"), format_for_path("x.ttl"), format_for_path("x.txt")
    ('nquads', 'turtle', None)
    """
    name = str(path)
    if name.endswith(".gz"):
        name = name[:-3]
    return SUFFIXES.get(Path(name).suffix)


def _triples(store: ox.Store, graph: str | None) -> Iterator[ox.Triple]:
    g = ox.NamedNode(graph) if graph else None
    for q in store.quads_for_pattern(None, None, None, g):
        yield ox.Triple(q.subject, q.predicate, q.object)


def export(
    store: ox.Store,
    output: IO[bytes],
    *,
    fmt: str = "turtle",
    graph: str | None = None,
) -> None:
    """Write the store (or one named graph) to ``output`` in ``fmt``."""
    if fmt not in FORMATS:
        raise DiplographError(
            "bad-input", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    if graph is not None:
        try:
            g = ox.NamedNode(graph)
        except ValueError as e:
            raise DiplographError("bad-input", f"not a graph IRI: {graph!r}") from e
        if not store.contains_named_graph(g):
            raise DiplographError("not-found", f"no graph {graph} in the store")
    rdf_format = FORMATS[fmt]
    prefixes = PREFIXES if fmt in ("turtle", "trig", "rdfxml") else None
    if fmt in DATASET_FORMATS:
        if graph is None:
            ox.serialize(
                store.quads_for_pattern(None, None, None),
                output,
                format=rdf_format,
                prefixes=prefixes,
            )
        else:
            ox.serialize(
                store.quads_for_pattern(None, None, None, ox.NamedNode(graph)),
                output,
                format=rdf_format,
                prefixes=prefixes,
            )
        return
    if fmt in ("turtle", "ntriples"):
        _dump_graphs(store, output, rdf_format, prefixes, graph)
        return
    ox.serialize(_triples(store, graph), output, format=rdf_format, prefixes=prefixes)


def _dump_graphs(store: ox.Store, output: IO[bytes], rdf_format: ox.RdfFormat,
                 prefixes: dict[str, str] | None, graph: str | None) -> None:
    """Turtle or N-Triples of one graph, or of the union: each graph dumped by pyoxigraph in
    turn (no Python object per triple), the ``@prefix`` block written once."""
    if graph is not None:
        store.dump(output, format=rdf_format, from_graph=ox.NamedNode(graph), prefixes=prefixes)
        return
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
    graphs += list(store.named_graphs())  # index order: sequential reads, a stable output
    for name, iri in (prefixes or {}).items():  # once, for every graph below
        output.write(f"@prefix {name}: <{iri}> .\n".encode())
    sink = _SkipPrefixes(output)
    sink.skip = bool(prefixes)
    for g in graphs:
        store.dump(sink, format=rdf_format, from_graph=g, prefixes=prefixes)
        sink.end_of_dump()


class _SkipPrefixes(io.RawIOBase):
    r"""Pass bytes through to ``out``, dropping the leading ``@prefix`` lines of a dump when
    ``skip`` is set (those lines may arrive split across writes).

    >>> buf = io.BytesIO(); s = _SkipPrefixes(buf)
    >>> s.skip = True; _ = s.write(b"@prefix a: <x> .\n@pre"); _ = s.write(b"fix b: <y> .\na:s")
    >>> _ = s.write(b" a:p b:o .\n"); s.end_of_dump(); buf.getvalue()
    b'a:s a:p b:o .\n'
    """

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.skip = False
        self._head = b""  # bytes seen while still in the prefix block
        self._in_head = True

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        n = len(b)
        if not (self.skip and self._in_head):
            self.out.write(b)
            return n
        self._head += bytes(b)
        while self._in_head:
            line, nl, rest = self._head.partition(b"\n")
            if not nl:  # an incomplete line: wait for the rest if it may be a prefix line
                if not (line.startswith(b"@prefix") or b"@prefix".startswith(line)):
                    self._flush_head()
                return n
            if line.startswith(b"@prefix") or not line.strip():
                self._head = rest
            else:
                self._flush_head()
        return n

    def _flush_head(self) -> None:
        self._in_head = False
        if self._head:
            self.out.write(self._head)
        self._head = b""

    def end_of_dump(self) -> None:
        """The dump is complete: write anything held back; the next one starts afresh."""
        if self._in_head and self._head and not self._head.startswith(b"@prefix"):
            self.out.write(self._head)
        self._head = b""
        self._in_head = True


def export_to_path(
    store: ox.Store,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    graph: str | None = None,
) -> str:
    """Export to a file, gzip-compressed when the name ends in ``.gz``. Returns the format used.

    The file is written beside its final name and renamed at the end, so a failed export
    never leaves a half-written file.
    """
    path = Path(path)
    fmt = fmt or format_for_path(path) or "turtle"
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as raw:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(filename=path.name[:-3], mode="wb", fileobj=raw, mtime=0) as gz:
                    export(store, gz, fmt=fmt, graph=graph)
            else:
                buffered = io.BufferedWriter(raw, buffer_size=1 << 20)  # type: ignore[arg-type]
                export(store, buffered, fmt=fmt, graph=graph)
                buffered.flush()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return fmt
