"""The Graph Store operations (SPARQL 1.1 Graph Store HTTP Protocol) on the query service.

:class:`StoreService` is the :class:`~diplograph.graph.executor.QueryService` the server
opens: the same queries and writes, plus reading, replacing, merging and deleting whole
graphs and streaming the whole store. Payloads arrive as bytes in a media type; graphs leave
as bytes in one (pyoxigraph's ``RdfFormat`` knows both).
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from ..graph import formats
from ..graph.changes import DEFAULT_GRAPH
from ..graph.errors import DiplographError
from ..graph.executor import QueryService
from ..graph.remote_service import RemoteQueryService
from ..graph.runner import raise_if_unsupported
from .protocol_rules import check_iri

__all__ = ["RemoteStoreService", "StoreService"]


def _rdf_format(media_type: str) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_media_type(formats.base_type(media_type))
    if fmt is None:
        raise DiplographError("not-acceptable", f"a graph cannot be written as {media_type}")
    return fmt


def _changed(iri: str | None) -> list[str]:
    """The graphs a Graph Store write to ``iri`` (None: the default graph) changes, as
    :meth:`~diplograph.graph.checkpoints.Checkpoints.graphs_between` lists them."""
    return [DEFAULT_GRAPH if iri is None else iri]


def parse_graph_payload(data: bytes, fmt: ox.RdfFormat, base_iri: str | None) -> list[ox.Quad]:
    """The triples of a Graph Store payload, as quads of the default graph (``SyntaxError`` if
    it does not parse).

    One fault is forgiven, and only in Turtle: a document whose last statement lacks its
    final ``.``, that is, one that parses once a ``.`` is added at its end. The W3C Graph Store
    Protocol tests send three such payloads ("POST - existing graph" and both parts of "POST -
    multipart/form-data") and expect them merged; what the client meant is not in doubt, as
    nothing follows the unfinished statement. A document that still does not parse is refused
    with the parser's message about the original text.

    >>> d = b'<http://e/s> <http://e/p> "o"'
    >>> [str(t) for t in parse_graph_payload(d, ox.RdfFormat.TURTLE, None)]
    ['<http://e/s> <http://e/p> "o"']
    >>> parse_graph_payload(b'<http://e/s> <http://e/p>', ox.RdfFormat.TURTLE, None)
    Traceback (most recent call last):
    ...
    SyntaxError: ...
    """
    try:
        return list(ox.parse(data, format=fmt, base_iri=base_iri))
    except SyntaxError as first:
        if fmt != ox.RdfFormat.TURTLE or data.rstrip().endswith(b"."):
            raise
        try:
            return list(ox.parse(data + b"\n.\n", format=fmt, base_iri=base_iri))
        except SyntaxError:
            raise first from None


class _TooLarge(Exception):
    pass


class StoreService(QueryService):
    """A :class:`QueryService` with the Graph Store operations."""

    def graph_sizes(self) -> tuple[int, dict[str, int]]:
        """Triples in the default graph, and in each named graph (newest checkpoint)."""
        store = self._read_store()
        default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        named: dict[str, int] = {}
        for row in store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        ):
            named[row["g"].value] = int(row["n"].value)  # type: ignore[index,union-attr]
        for g in store.named_graphs():
            named.setdefault(g.value, 0)
        return default, named

    @staticmethod
    def _graph_node(iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
        if iri is None:
            return ox.DefaultGraph()
        check_iri(iri)
        return ox.NamedNode(iri)

    @staticmethod
    def _creates(store: ox.Store, iri: str | None, nt: str) -> bool:
        """Whether writing the triples ``nt`` into the graph creates RDF graph content
        (answered 201 Created, "Graph Store HTTP Protocol" 5.3 and 5.5): a named graph that did
        not exist; the default graph, which always exists, when it was empty and ``nt`` is not.
        """
        if iri is not None:
            return not store.contains_named_graph(ox.NamedNode(iri))
        empty = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        return empty is None and bool(nt.strip())

    @classmethod
    def _has_graph(cls, store: ox.Store, iri: str | None) -> bool:
        if iri is None:
            return True
        return store.contains_named_graph(cls._graph_node(iri))  # type: ignore[arg-type]

    def has_graph(self, iri: str | None) -> bool:
        """Whether the named graph exists (the default graph always does)."""
        return self._has_graph(self._read_store(), iri)

    def get_graph(self, iri: str | None, media_type: str = formats.TURTLE) -> bytes | None:
        """The graph serialised as ``media_type``, or ``None`` if there is no such graph."""
        store = self._read_store()
        if not self._has_graph(store, iri):
            return None
        fmt = _rdf_format(media_type)
        from ..graph.namespaces import PREFIXES

        kwargs: dict[str, Any] = {"from_graph": self._graph_node(iri)}
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            kwargs["prefixes"] = PREFIXES
        try:
            return store.dump(format=fmt, **kwargs)  # type: ignore[no-any-return]
        except OSError as e:
            raise_if_unsupported(e, formats.base_type(media_type))
            raise DiplographError("storage", f"cannot read the graph: {e}") from e

    def get_dataset(self, media_type: str = formats.NQUADS) -> bytes:
        """The whole store as N-Quads or TriG (in memory: see :meth:`stream_dataset`)."""
        return b"".join(self.stream_dataset(media_type))

    def stream_dataset(self, media_type: str = formats.NQUADS,
                       chunk_bytes: int = 64 * 2**10) -> Iterator[bytes]:
        """The whole store (newest checkpoint) as N-Quads or TriG, in chunks, with flat memory.

        A store that will not fit in the size cap (``max_bytes``) is refused at once
        ('result-too-large'): when even 24 bytes per quad pass it, or when the size estimated
        from a sample of every graph's first quads passes it by a quarter. A dump that passes
        the cap midway all the same stops there with the same error (the client sees a cut
        transfer). pyoxigraph writes the dump in a thread, into a queue of a few chunks;
        closing the iterator stops it."""
        store = self._read_store()
        fmt = _rdf_format(media_type)
        quads = len(store)
        estimate = _estimated_dump_bytes(store, quads)
        if quads * 24 > self.max_bytes or estimate > 1.25 * self.max_bytes:
            raise DiplographError(
                "result-too-large",
                f"the store holds {quads:,} quads (about {estimate / 2**20:,.0f} MB as "
                f"N-Quads), more than fits in the size cap of {self.max_bytes:,} bytes: "
                "download a release (/dumps), ask for one graph (?graph=IRI), or export with "
                "`diplograph export`")
        return _stream_dump(store, fmt, chunk_bytes, self.max_bytes)

    def _parse_payload(self, data: bytes, media_type: str, base_iri: str | None) -> str:
        mt = formats.base_type(media_type)
        if mt not in formats.RDF_INPUT_TYPES:
            raise DiplographError(
                "unsupported-media-type",
                f"cannot read {mt}: send one of {', '.join(formats.RDF_INPUT_TYPES)}",
            )
        if mt == formats.RDFXML:
            from ..graph.rdfxml import refuse_doctype

            refuse_doctype(data, f"the {mt} payload")
        try:
            triples = parse_graph_payload(data, _rdf_format(mt), base_iri)
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()  # type: ignore[union-attr]
        except (SyntaxError, ValueError, UnicodeDecodeError) as e:
            raise DiplographError("bad-input", f"the {mt} payload does not parse: {e}") from e

    def put_graph(self, iri: str | None, data: bytes, media_type: str,
                  base_iri: str | None = None) -> bool:
        """Replace the graph with ``data`` (atomically); return whether it was created."""
        nt = self._parse_payload(data, media_type, base_iri or iri)
        target = "DEFAULT" if iri is None else f"GRAPH <{iri}>"
        ins = (f"INSERT DATA {{ {nt} }}" if iri is None
               else f"INSERT DATA {{ GRAPH <{iri}> {{ {nt} }} }}")

        def run(store: ox.Store) -> bool:
            created = self._creates(store, iri, nt)
            _store_update(store, f"DROP SILENT {target} ;\n{ins}")
            return created

        return bool(self._write(run, _changed(iri)))

    def post_graph(self, iri: str | None, data: bytes, media_type: str,
                   base_iri: str | None = None) -> bool:
        """Merge ``data`` into the graph (fresh blank nodes); return whether it was created."""
        nt = self._parse_payload(data, media_type, base_iri or iri)

        def run(store: ox.Store) -> bool:
            created = self._creates(store, iri, nt)
            if nt.strip():
                ins = (f"INSERT DATA {{ {nt} }}" if iri is None
                       else f"INSERT DATA {{ GRAPH <{iri}> {{ {nt} }} }}")
                _store_update(store, ins)
            elif iri is not None and created:
                _store_update(store, f"CREATE SILENT GRAPH <{iri}>")
            return created

        return bool(self._write(run, _changed(iri)))

    def delete_graph(self, iri: str | None) -> bool:
        """Delete the graph (empty the default graph); return whether it existed."""
        if not self.has_graph(iri):  # nothing to write, no new checkpoint
            return False

        def run(store: ox.Store) -> bool:
            if not self._has_graph(store, iri):
                return False
            _store_update(store, "DROP SILENT DEFAULT" if iri is None
                          else f"DROP GRAPH <{iri}>")
            return True

        return bool(self._write(run, _changed(iri)))

    def new_graph_iri(self, under: str) -> str:
        """A fresh graph IRI under ``under`` (for POST to the graph store itself)."""
        return f"{under.rstrip('/')}/{uuid.uuid4().hex}"


class RemoteStoreService(RemoteQueryService):
    """The Graph Store operations over an external engine (``serve --engine URL``): whole
    graphs read from the engine complete, and written as new versions swapped in all or
    nothing (:meth:`RemoteQueryService.write`). Every triple lives in a named graph there:
    the default graph reads as empty and cannot be written."""

    def graph_sizes(self) -> tuple[int, dict[str, int]]:
        """Triples in the default graph (none), and in each of our graphs on the engine."""
        return 0, {g: self.remote.count(self.remote.versions().get(g, g))
                   for g in self.remote.published_graphs()}

    def has_graph(self, iri: str | None) -> bool:
        """Whether the named graph is published on the engine (the default graph always is)."""
        if iri is None:
            return True
        check_iri(iri)
        return iri in self.remote.versions()

    def _triples(self, iri: str) -> list[ox.Triple]:
        triples = list(self.remote.triples(iri))
        if len(triples) * 24 > self.max_bytes:
            raise DiplographError(
                "result-too-large", f"the graph holds {len(triples):,} triples, more than "
                                    f"fits in the size cap of {self.max_bytes:,} bytes")
        return triples

    def get_graph(self, iri: str | None, media_type: str = formats.TURTLE) -> bytes | None:
        """The graph serialised as ``media_type``, or ``None`` if there is no such graph."""
        if not self.has_graph(iri):
            return None
        fmt = _rdf_format(media_type)
        from ..graph.namespaces import PREFIXES

        triples = [] if iri is None else self._triples(iri)
        kwargs: dict[str, Any] = {}
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            kwargs["prefixes"] = PREFIXES
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            g = ox.NamedNode(iri) if iri else ox.DefaultGraph()
            return ox.serialize([ox.Quad(t.subject, t.predicate, t.object, g)  # type: ignore[no-any-return]
                                 for t in triples], format=fmt, **kwargs)
        return ox.serialize(triples, format=fmt, **kwargs)  # type: ignore[no-any-return]

    def get_dataset(self, media_type: str = formats.NQUADS) -> bytes:
        """Our graphs on the engine as N-Quads or TriG (in memory, within the size cap)."""
        return b"".join(self.stream_dataset(media_type))

    def stream_dataset(self, media_type: str = formats.NQUADS,
                       chunk_bytes: int = 64 * 2**10) -> Iterator[bytes]:
        """Our graphs on the engine, one graph at a time, each read complete."""
        fmt = _rdf_format(media_type)
        if fmt not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            raise DiplographError("not-acceptable", f"a dataset cannot be written as "
                                                    f"{media_type}")
        graphs = self.remote.published_graphs(refresh=True)
        total = sum(self.remote.count(self.remote.versions().get(g, g)) for g in graphs)
        if total * 24 > self.max_bytes:
            raise DiplographError(
                "result-too-large",
                f"the engine holds {total:,} of our triples, more than fits in the size cap "
                f"of {self.max_bytes:,} bytes: ask for one graph (?graph=IRI), or export with "
                "`diplograph export`")

        def chunks() -> Iterator[bytes]:
            for g in graphs:
                node = ox.NamedNode(g)
                yield ox.serialize([ox.Quad(t.subject, t.predicate, t.object, node)
                                    for t in self.remote.triples(g)], format=fmt)

        return chunks()

    def _parsed(self, data: bytes, media_type: str, base_iri: str | None) -> list[ox.Triple]:
        nt = StoreService._parse_payload(self, data, media_type, base_iri)  # type: ignore[arg-type]
        return list(ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES))  # type: ignore[misc]

    @staticmethod
    def _named(iri: str | None) -> str:
        if iri is None:
            raise DiplographError(
                "bad-input", "this service fronts an external engine, where every triple "
                             "belongs to a named graph: name one with ?graph=IRI")
        check_iri(iri)
        return iri

    def put_graph(self, iri: str | None, data: bytes, media_type: str,
                  base_iri: str | None = None) -> bool:
        """Replace the graph with ``data`` (a new version, swapped in); whether it was new."""
        return self._write_graph(iri, data, media_type, base_iri, replace=True)

    def post_graph(self, iri: str | None, data: bytes, media_type: str,
                   base_iri: str | None = None) -> bool:
        """Merge ``data`` into the graph (a new version with both, swapped in)."""
        return self._write_graph(iri, data, media_type, base_iri, replace=False)

    def _write_graph(self, iri: str | None, data: bytes, media_type: str,
                     base_iri: str | None, *, replace: bool) -> bool:
        name = self._named(iri)
        triples = self._parsed(data, media_type, base_iri or iri)
        created = name not in self.remote.versions(refresh=True)

        def run(store: ox.Store) -> None:
            node = ox.NamedNode(name)
            if replace:
                store.remove_graph(node)
                store.add_graph(node)
            store.extend(ox.Quad(t.subject, t.predicate, t.object, node) for t in triples)

        self.write(run, graphs=[] if replace and created else [name])
        return created

    def delete_graph(self, iri: str | None) -> bool:
        """Unpublish the graph; whether it existed."""
        name = self._named(iri)
        if not self.has_graph(name):
            return False
        self.write(lambda store: store.remove_graph(ox.NamedNode(name)), graphs=[name])
        return True

    def new_graph_iri(self, under: str) -> str:
        """A fresh graph IRI under ``under`` (for POST to the graph store itself)."""
        return f"{under.rstrip('/')}/{uuid.uuid4().hex}"


class _Stop(Exception):
    pass


class _ChunkWriter(io.RawIOBase):
    """A file pyoxigraph dumps into: whole chunks go into ``out``; ``stop`` aborts the dump."""

    def __init__(self, out: queue.Queue[bytes | BaseException | None], chunk_bytes: int,
                 max_bytes: int) -> None:
        self.out, self.chunk_bytes, self.max_bytes = out, chunk_bytes, max_bytes
        self.buf = bytearray()
        self.size = 0
        self.stop = threading.Event()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if self.stop.is_set():
            raise _Stop
        self.size += len(b)
        if self.size > self.max_bytes:
            raise _TooLarge
        self.buf += b
        if len(self.buf) >= self.chunk_bytes:
            self._put(bytes(self.buf))
            self.buf.clear()
        return len(b)

    def _put(self, item: bytes | BaseException | None) -> None:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stop

    def finish(self, error: BaseException | None) -> None:
        with contextlib.suppress(_Stop):
            if error is None and self.buf:
                self._put(bytes(self.buf))
            self._put(error)


def _estimated_dump_bytes(store: ox.Store, quads: int, per_graph: int = 200) -> int:
    """The size of ``store`` (``quads`` quads) as N-Quads, estimated from the first
    ``per_graph`` quads of the default graph and of each named graph (their mean line).

    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
    >>> _estimated_dump_bytes(s, len(s))
    32
    """
    sample: list[ox.Quad] = []
    for g in [ox.DefaultGraph(), *store.named_graphs()]:
        for i, q in enumerate(store.quads_for_pattern(None, None, None, g)):
            if i >= per_graph:
                break
            sample.append(q)
    if not sample:
        return 0
    size = len(ox.serialize(sample, format=ox.RdfFormat.N_QUADS) or b"")
    return size * quads // len(sample)


def _stream_dump(store: ox.Store, fmt: ox.RdfFormat, chunk_bytes: int,
                 max_bytes: int) -> Iterator[bytes]:
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
    writer = _ChunkWriter(chunks, chunk_bytes, max_bytes)

    def produce() -> None:
        error: BaseException | None = None
        try:
            store.dump(writer, format=fmt)
        except BaseException as e:  # noqa: BLE001 - handed to the consumer
            error = e
        if isinstance(error, _Stop) or isinstance(error.__context__ if error else None, _Stop):
            return
        writer.finish(error)

    thread = threading.Thread(target=produce, name="diplograph-dump", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                if isinstance(item, _TooLarge) or isinstance(item.__context__, _TooLarge):
                    raise DiplographError(
                        "result-too-large", f"the dump passed the size cap of {max_bytes:,} "
                        "bytes and was cut: ask for one graph (?graph=IRI)") from None
                raise DiplographError("storage", f"the dump failed: {item}")
            yield item
    finally:
        writer.stop.set()


def _store_update(store: ox.Store, sparql: str) -> None:
    try:
        store.update(sparql)
    except SyntaxError as e:
        raise DiplographError("bad-input", f"the payload cannot be stored: {e}") from e
    except OSError as e:
        raise DiplographError("storage", f"the write failed: {e}") from e
