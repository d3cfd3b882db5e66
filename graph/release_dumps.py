"""Every dump file of a release from one read of the store.

The store is read once, graph by graph, as N-Triples (pyoxigraph's dump, in ``workers``
threads ahead of the rest: it releases the GIL). Reading the store is what costs (decoding
its terms); parsing our own N-Triples again is four times cheaper. Each graph's lines are
sorted bytewise (in memory, or in runs of ``sort_bytes`` merged from disk), then cut into
chunks of whole subjects; each chunk is parsed once and written:

- as Turtle, to the graph's ``graphs/NAME.ttl.gz`` and, inside the graph's block, to the
  TriG file (pyoxigraph's serialiser, the project's prefixes);
- as JSON-LD, to the JSON-LD file: pyoxigraph's serialiser, its IRIs compacted on the bytes
  (:mod:`.jsonld`), inside the graph's ``{"@id": …, "@graph": [...]}`` node;
- as N-Quads lines, to a sorted file per graph; at the end the graphs' files are merged into
  the whole-store N-Quads, sorted bytewise (what :mod:`.diff` merges).

Every file is gzip (no time stamp, no file name), compressed and hashed (SHA-256) in a
thread of its own as it is written. Sorted input makes every file independent of the store's
internal order: the same quads give the same bytes. Memory is bounded by ``sort_bytes``, the
chunk size and a few 1 MB buffers per file, whatever the size of the graph.
"""

from __future__ import annotations

import gzip
import io
import json
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import DiplographError
from .jsonld import JSONLD_CONTEXT, JsonLdCompactor, context_head, write_graph_nodes
from .namespaces import PREFIXES
from .release_files import merge_sorted_files, sorted_lines, subject_chunks
from .terms import to_bytes

__all__ = ["DumpFiles", "GraphDump", "turtle_header", "write_dumps"]

_BLOCK = 1 << 20


@dataclass(frozen=True)
class GraphDump:
    """One graph to dump: its IRI (None: the default graph) and its Turtle file (or None)."""

    iri: str | None
    file: str | None = None


@dataclass(frozen=True)
class DumpFiles:
    """What :func:`write_dumps` wrote: each file's (SHA-256, bytes), the quads, and the
    triples of each graph (None: the default graph)."""

    sums: dict[str, tuple[str, int]]
    quads: int
    counts: dict[str | None, int]


class _Hashing(io.RawIOBase):
    """A file that hashes (SHA-256) and counts what is written to it."""

    def __init__(self, f: Any) -> None:
        import hashlib

        self.f = f
        self.sha = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.sha.update(b)
        self.size += len(b)
        self.f.write(b)
        return len(b)


class GzipOut:
    """A gzip file being written: blocks are compressed and hashed by a thread of its own
    (zlib and hashlib release the GIL), at most ``depth`` blocks waiting. ``close()`` returns
    the SHA-256 and size of the compressed file."""

    def __init__(self, path: Path, *, level: int = 6, depth: int = 4) -> None:
        self.path = path
        self._raw = open(path, "wb")  # noqa: SIM115 - closed by close()/abort()
        self._hash = _Hashing(self._raw)
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        # as ``gzip -n``: no name and no time stamp in the header, so the bytes depend on
        # the contents only (a release of the same quads under another version has the same
        # N-Quads file, checksum included)
        self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._hash,
                                 mtime=0, compresslevel=level)
        self._buf: list[bytes] = []
        self._held = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"gzip-{name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (block := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._gz.write(block)
                except BaseException as e:  # noqa: BLE001 - raised in the writing thread
                    self._error = e

    def write(self, b: bytes) -> None:
        """Add ``b`` (handed to the compressing thread in blocks of 1 MB)."""
        if self._error is not None:
            raise self._error
        self._buf.append(b)
        self._held += len(b)
        if self._held >= _BLOCK:
            self._queue.put(b"".join(self._buf))
            self._buf, self._held = [], 0

    def writelines(self, lines: Sequence[bytes]) -> None:
        """Add the ``lines``."""
        self.write(b"".join(lines))

    def close(self) -> tuple[str, int]:
        """Finish the file; its (SHA-256, bytes). Raises what failed in the thread."""
        if self._buf:
            self._queue.put(b"".join(self._buf))
            self._buf = []
        self._queue.put(None)
        self._thread.join()
        try:
            if self._error is not None:
                raise self._error
            self._gz.close()
        finally:
            self._raw.close()
        return self._hash.sha.hexdigest(), self._hash.size

    def abort(self) -> None:
        """Stop and close without finishing (after a failure elsewhere)."""
        self._error = self._error or DiplographError("internal", "aborted")
        self._buf = []
        self._queue.put(None)
        self._thread.join()
        self._raw.close()


def turtle_header(prefixes: dict[str, str] = PREFIXES) -> bytes:
    """The ``@prefix`` lines pyoxigraph's Turtle serialiser starts each output with."""
    probe = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))
    text = to_bytes([probe], ox.RdfFormat.TURTLE, prefixes=prefixes)
    return text[:text.index(b"<urn:x:s>")]


def write_dumps(
    store: ox.Store,
    folder: Path,
    stem: str,
    graphs: Sequence[GraphDump],
    *,
    work: Path,
    sort_bytes: int = 32 * 2**20,
    compresslevel: int = 6,
    workers: int = 2,
    sorted_copy: Path | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> DumpFiles:
    """Write ``{stem}.nq.gz``, ``{stem}.trig.gz``, ``{stem}.jsonld.gz`` and each graph's
    Turtle file into ``folder`` (module docs); ``graphs`` in the order they are written
    (a ``GraphDump(None)`` first for the default graph, if it has triples). ``sorted_copy``:
    also write the sorted N-Quads there, uncompressed (for a diff). Temporary files go into
    ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    header = turtle_header()
    sums: dict[str, tuple[str, int]] = {}
    opened: list[GzipOut] = []

    def open_gz(name: str) -> GzipOut:
        out = GzipOut(folder / name, level=compresslevel)
        opened.append(out)
        return out

    def close_gz(name: str, out: GzipOut) -> None:
        sums[name] = out.close()
        opened.remove(out)

    raw = [work / f"graph-{i:05d}.nt" for i in range(len(graphs))]
    parts = [work / f"graph-{i:05d}.nq" for i in range(len(graphs))]
    dumper = _Dumper(store, graphs, raw, workers)
    quads = 0
    counts: dict[str | None, int] = {}
    try:
        trig_name, jsonld_name = f"{stem}.trig.gz", f"{stem}.jsonld.gz"
        trig, jsonld = open_gz(trig_name), open_gz(jsonld_name)
        trig.write(header)
        jsonld.write(context_head(JSONLD_CONTEXT))
        compactor = JsonLdCompactor(JSONLD_CONTEXT)
        top_empty = True
        for i, g in enumerate(graphs):
            dumper.wait(i)
            suffix = b" .\n" if g.iri is None else f" <{g.iri}> .\n".encode()
            ttl = open_gz(g.file) if g.file else None
            if g.iri is None:
                trig.write(b"\n{\n")
            else:
                trig.write(f"\n<{g.iri}> {{\n".encode())
                gid = json.dumps(compactor.compact_iri(g.iri), ensure_ascii=False).encode()
                jsonld.write((b"\n" if top_empty else b",\n") + b' {"@id":' + gid
                             + b',"@graph":[')
                top_empty = False
            inner_empty = True
            first_ttl = True
            with open(parts[i], "wb", buffering=_BLOCK) as nq:
                for chunk in subject_chunks(sorted_lines(raw[i], tmp_dir=work / "sort",
                                                  sort_bytes=sort_bytes)):
                    quads += len(chunk)
                    text = b"".join(chunk)
                    nq.write(text if g.iri is None else text.replace(b" .\n", suffix))
                    triples = list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES,
                                            lenient=True))
                    body = to_bytes(triples, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
                    if not body.startswith(header):  # pragma: no cover - pyoxigraph changed
                        raise DiplographError("internal", "unexpected Turtle prefix block")
                    if ttl is not None:
                        ttl.write(body if first_ttl else body[len(header):])
                    first_ttl = False
                    trig.write(body[len(header):])
                    if g.iri is None:
                        top_empty = write_graph_nodes(triples, jsonld, compactor,
                                                      first=top_empty)
                    else:
                        inner_empty = write_graph_nodes(triples, jsonld, compactor,
                                                        first=inner_empty)
            counts[g.iri] = quads - sum(counts.values())
            raw[i].unlink(missing_ok=True)
            dumper.done(i)
            trig.write(b"}\n")
            if g.iri is not None:
                jsonld.write(b"]}" if inner_empty else b"\n ]}")
            if ttl is not None and g.file is not None:
                close_gz(g.file, ttl)
        jsonld.write(b"\n]}\n")
        close_gz(trig_name, trig)
        close_gz(jsonld_name, jsonld)
        progress(f"  TriG, JSON-LD and Turtle per graph written ({quads:,} quads)")
        nq_name = f"{stem}.nq.gz"
        nq_out = open_gz(nq_name)
        if sorted_copy is None:
            merged = merge_sorted_files(parts, nq_out)
        else:
            with open(sorted_copy, "wb", buffering=_BLOCK) as copy:
                merged = merge_sorted_files(parts, _Tee(nq_out, copy))
        close_gz(nq_name, nq_out)
        if merged != quads:  # pragma: no cover - a bug, not an input error
            raise DiplographError("internal", f"N-Quads merge wrote {merged} of {quads} lines")
        return DumpFiles(sums, quads, counts)
    finally:
        dumper.stop()
        for out in opened:
            out.abort()
        for p in (*raw, *parts):
            p.unlink(missing_ok=True)


class _Tee:
    """Write to two outputs."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a, self.b = a, b

    def writelines(self, lines: Sequence[bytes]) -> None:
        text = b"".join(lines)
        self.a.write(text)
        self.b.write(text)


class _Dumper:
    """Dump each graph to its N-Triples file in ``workers`` threads, in order, at most
    ``ahead`` files waiting on disk (pyoxigraph releases the GIL while it dumps)."""

    def __init__(self, store: ox.Store, graphs: Sequence[GraphDump], paths: list[Path],
                 workers: int, ahead: int = 3) -> None:
        self.store, self.graphs, self.paths = store, graphs, paths
        self._ready = [threading.Event() for _ in graphs]
        self._slots = threading.Semaphore(max(ahead, workers))
        self._next = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.failed: list[BaseException] = []
        self._threads = [threading.Thread(target=self._work, name=f"dump-{k}", daemon=True)
                         for k in range(max(1, min(workers, len(graphs))))]
        for t in self._threads:
            t.start()

    def _work(self) -> None:
        while not self._stop.is_set():
            self._slots.acquire()
            with self._lock:
                i = self._next
                self._next += 1
            if i >= len(self.graphs) or self._stop.is_set():
                self._slots.release()
                return
            g = self.graphs[i]
            try:
                graph = ox.DefaultGraph() if g.iri is None else ox.NamedNode(g.iri)
                # a path, not a Python file: pyoxigraph writes it without taking the GIL
                self.store.dump(str(self.paths[i]), format=ox.RdfFormat.N_TRIPLES,
                                from_graph=graph)
            except BaseException as e:  # noqa: BLE001 - raised by wait()
                self.failed.append(e)
                self._stop.set()
            finally:
                self._ready[i].set()

    def wait(self, i: int) -> None:
        """Wait until graph ``i`` is on disk."""
        self._ready[i].wait()
        if self.failed:
            raise self.failed[0]

    def done(self, i: int) -> None:
        """Graph ``i``'s file is consumed: another may be dumped."""
        self._slots.release()

    def stop(self) -> None:
        """Stop dumping (finishing the graph being dumped) and wait for the threads."""
        self._stop.set()
        for _ in self._threads:
            self._slots.release()
        for t in self._threads:
            t.join()
