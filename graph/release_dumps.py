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

import contextlib
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

__all__ = ["DumpFiles", "Formats", "FormatsProcess", "GraphDump", "turtle_header", "write_dumps"]

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
    parallel: bool = True,
    sorted_copy: Path | None = None,
    sizes: dict[str, int] | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> DumpFiles:
    """Write ``{stem}.nq.gz``, ``{stem}.trig.gz``, ``{stem}.jsonld.gz`` and each graph's
    Turtle file into ``folder`` (module docs); ``graphs`` in the order they are written
    (a ``GraphDump(None)`` first for the default graph, if it has triples). ``parallel``:
    TriG, Turtle and JSON-LD are written by a second process (:class:`FormatsProcess`) while
    this one sorts and writes the N-Quads (the same bytes either way). ``sorted_copy``:
    also write the sorted N-Quads there, uncompressed (for a diff). ``sizes``: the triples
    of each graph IRI as last known (the previous release's): the largest graph's dump is
    begun first (:class:`_Dumper`). Temporary files go into ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    sums: dict[str, tuple[str, int]] = {}
    raw = [work / f"graph-{i:05d}.nt" for i in range(len(graphs))]
    parts = [work / f"graph-{i:05d}.nq" for i in range(len(graphs))]
    formats: Formats | FormatsProcess = (
        FormatsProcess(folder, stem, compresslevel) if parallel
        else Formats(folder, stem, compresslevel))
    dumper = _Dumper(store, graphs, raw, workers, sizes=sizes)
    nq_out: GzipOut | None = None
    quads = 0
    counts: dict[str | None, int] = {}
    try:
        for i, g in enumerate(graphs):
            dumper.wait(i)
            suffix = b" .\n" if g.iri is None else f" <{g.iri}> .\n".encode()
            formats.start(g.iri, g.file)
            with open(parts[i], "wb", buffering=_BLOCK) as nq:
                for chunk in subject_chunks(sorted_lines(raw[i], tmp_dir=work / "sort",
                                                  sort_bytes=sort_bytes)):
                    quads += len(chunk)
                    text = b"".join(chunk)
                    nq.write(text if g.iri is None else text.replace(b" .\n", suffix))
                    formats.chunk(text)
            counts[g.iri] = quads - sum(counts.values())
            raw[i].unlink(missing_ok=True)
            dumper.done(i)
            formats.end()
        nq_name = f"{stem}.nq.gz"
        nq_out = GzipOut(folder / nq_name, level=compresslevel)
        if sorted_copy is None:
            merged = merge_sorted_files(parts, nq_out)
        else:
            with open(sorted_copy, "wb", buffering=_BLOCK) as copy:
                merged = merge_sorted_files(parts, _Tee(nq_out, copy))
        sums[nq_name] = nq_out.close()
        nq_out = None
        if merged != quads:  # pragma: no cover - a bug, not an input error
            raise DiplographError("internal", f"N-Quads merge wrote {merged} of {quads} lines")
        sums.update(formats.finish())
        progress(f"  TriG, JSON-LD and Turtle per graph written ({quads:,} quads)")
        return DumpFiles(sums, quads, counts)
    finally:
        dumper.stop()
        formats.abort()
        if nq_out is not None:
            nq_out.abort()
        for p in (*raw, *parts):
            p.unlink(missing_ok=True)


class Formats:
    """TriG, JSON-LD and each graph's Turtle file, written from each graph's sorted
    N-Triples, a chunk of whole subjects at a time: each chunk is parsed once and serialised
    by pyoxigraph as Turtle (the graph's file and its TriG block) and as JSON-LD (compacted
    on the bytes, :mod:`.jsonld`). Call :meth:`start`, :meth:`chunk`…, :meth:`end` for each
    graph in order, then :meth:`finish`."""

    def __init__(self, folder: Path, stem: str, compresslevel: int = 6) -> None:
        self.folder, self.level = folder, compresslevel
        self.sums: dict[str, tuple[str, int]] = {}
        self._opened: list[GzipOut] = []
        self._header = turtle_header()
        self._trig_name, self._jsonld_name = f"{stem}.trig.gz", f"{stem}.jsonld.gz"
        self._trig, self._jsonld = self._open(self._trig_name), self._open(self._jsonld_name)
        self._trig.write(self._header)
        self._jsonld.write(context_head(JSONLD_CONTEXT))
        self._compactor = JsonLdCompactor(JSONLD_CONTEXT)
        self._top_empty = True
        self._iri: str | None = None
        self._file: str | None = None
        self._ttl: GzipOut | None = None
        self._inner_empty = self._first_ttl = True

    def _open(self, name: str) -> GzipOut:
        out = GzipOut(self.folder / name, level=self.level)
        self._opened.append(out)
        return out

    def _close(self, name: str, out: GzipOut) -> None:
        self.sums[name] = out.close()
        self._opened.remove(out)

    def start(self, iri: str | None, file: str | None) -> None:
        """Start the graph ``iri`` (None: the default graph), its Turtle into ``file``."""
        self._iri, self._file = iri, file
        self._ttl = self._open(file) if file else None
        if iri is None:
            self._trig.write(b"\n{\n")
        else:
            self._trig.write(f"\n<{iri}> {{\n".encode())
            gid = json.dumps(self._compactor.compact_iri(iri), ensure_ascii=False).encode()
            self._jsonld.write((b"\n" if self._top_empty else b",\n") + b' {"@id":' + gid
                               + b',"@graph":[')
            self._top_empty = False
        self._inner_empty = self._first_ttl = True

    def chunk(self, text: bytes) -> None:
        """Write the sorted N-Triples lines ``text`` (whole subjects) of the current graph."""
        triples = list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES, lenient=True))
        body = to_bytes(triples, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        header = self._header
        if not body.startswith(header):  # pragma: no cover - pyoxigraph changed
            raise DiplographError("internal", "unexpected Turtle prefix block")
        if self._ttl is not None:
            self._ttl.write(body if self._first_ttl else body[len(header):])
        self._first_ttl = False
        self._trig.write(body[len(header):])
        if self._iri is None:
            self._top_empty = write_graph_nodes(triples, self._jsonld, self._compactor,
                                                first=self._top_empty)
        else:
            self._inner_empty = write_graph_nodes(triples, self._jsonld, self._compactor,
                                                  first=self._inner_empty)

    def end(self) -> None:
        """End the current graph."""
        self._trig.write(b"}\n")
        if self._iri is not None:
            self._jsonld.write(b"]}" if self._inner_empty else b"\n ]}")
        if self._ttl is not None and self._file is not None:
            self._close(self._file, self._ttl)
        self._ttl = None

    def finish(self) -> dict[str, tuple[str, int]]:
        """Close the files; each file's (SHA-256, bytes)."""
        self._jsonld.write(b"\n]}\n")
        self._close(self._trig_name, self._trig)
        self._close(self._jsonld_name, self._jsonld)
        return self.sums

    def abort(self) -> None:
        """Close every open file without finishing it (after a failure elsewhere)."""
        for out in self._opened:
            out.abort()
        self._opened = []


class FormatsProcess:
    """:class:`Formats` in a second Python process, so that parsing and serialising (which
    hold the GIL) run beside the sort and the N-Quads of this one: the chunks go down a pipe
    (a thread of this process writes them, at most ``depth`` waiting), framed as one tag byte
    and a length; the child answers the files' checksums (or its error) as one JSON line.
    The child writes exactly what :class:`Formats` would in this process."""

    def __init__(self, folder: Path, stem: str, compresslevel: int = 6, depth: int = 8) -> None:
        import subprocess
        import sys

        self._proc = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import serve_formats; serve_formats()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._queue: queue.Queue[tuple[bytes, bytes] | None] = queue.Queue(depth)
        self._failed = False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._send, name="formats-pipe", daemon=True)
        self._thread.start()
        self._put(b"O", json.dumps([str(folder), stem, compresslevel]).encode())

    def _send(self) -> None:
        pipe = self._proc.stdin
        assert pipe is not None
        try:
            while (frame := self._next()) is not None:
                tag, payload = frame
                pipe.write(tag + len(payload).to_bytes(8, "big"))
                pipe.write(payload)
            pipe.close()
        except OSError:  # the child ended early: its answer says why
            self._failed = True
            while self._next() is not None:  # no put() of this process blocks meanwhile
                pass

    def _next(self) -> tuple[bytes, bytes] | None:
        """The next frame; None at the end (a None queued, or the queue empty once
        :attr:`_done` is set)."""
        while True:
            try:
                return self._queue.get(timeout=0.1)
            except queue.Empty:
                if self._done.is_set():
                    return None

    def _put(self, tag: bytes, payload: bytes = b"") -> None:
        if self._failed:
            self._raise()
        self._queue.put((tag, payload))

    def start(self, iri: str | None, file: str | None) -> None:
        """As :meth:`Formats.start`."""
        self._put(b"G", json.dumps([iri, file]).encode())

    def chunk(self, text: bytes) -> None:
        """As :meth:`Formats.chunk`."""
        self._put(b"C", text)

    def end(self) -> None:
        """As :meth:`Formats.end`."""
        self._put(b"E")

    def finish(self) -> dict[str, tuple[str, int]]:
        """As :meth:`Formats.finish`: wait for the child and return its files' checksums."""
        self._put(b"F")
        self._queue.put(None)
        self._done.set()
        self._thread.join()
        answer = self._answer()
        if "sums" not in answer:
            self._raise(answer)
        return {name: (h, size) for name, (h, size) in answer["sums"].items()}

    def _answer(self) -> dict[str, Any]:
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        self._proc.wait()
        try:
            answer: dict[str, Any] = json.loads(line)
        except ValueError:
            answer = {"error": {"type": "", "message": f"exit status {self._proc.returncode}"}}
        return answer

    def _raise(self, answer: dict[str, Any] | None = None) -> None:
        if answer is None:
            self._done.set()
            self._thread.join()
            answer = self._answer()
        raise _error_from(answer.get("error") or {})

    def abort(self) -> None:
        """Stop the child (if it still runs) and the writing thread."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._done.set()  # the child is gone: the thread drains the queue and ends
        self._thread.join()
        for f in (self._proc.stdin, self._proc.stdout):
            if f is not None:
                with contextlib.suppress(OSError):
                    f.close()


def _error_to(e: BaseException) -> dict[str, Any]:
    if isinstance(e, DiplographError):
        return {"type": "DiplographError", "kind": e.kind, "message": e.message,
                "details": e.details}
    if isinstance(e, OSError):
        return {"type": "OSError", "errno": e.errno, "message": e.strerror or str(e),
                "filename": e.filename}
    return {"type": type(e).__name__, "message": str(e)}


def _error_from(d: dict[str, Any]) -> BaseException:
    if d.get("type") == "DiplographError":
        return DiplographError(d["kind"], d["message"], list(d.get("details") or []))
    if d.get("type") == "OSError":
        return OSError(d["errno"], d["message"], d["filename"])
    return DiplographError("internal", "the process writing TriG, Turtle and JSON-LD failed: "
                           f"{d.get('type', '')} {d.get('message', '')}".strip())


def serve_formats() -> None:
    """The child of :class:`FormatsProcess`: read the frames from standard input, write the
    files with :class:`Formats`, answer one JSON line on standard output."""
    import sys

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    formats: Formats | None = None
    try:
        while len(head := stdin.read(9)) == 9:
            tag, n = head[:1], int.from_bytes(head[1:], "big")
            payload = stdin.read(n)
            if len(payload) != n:
                break
            if tag == b"C":
                assert formats is not None
                formats.chunk(payload)
            elif tag == b"G":
                assert formats is not None
                formats.start(*json.loads(payload))
            elif tag == b"E":
                assert formats is not None
                formats.end()
            elif tag == b"O":
                folder, stem, level = json.loads(payload)
                formats = Formats(Path(folder), stem, level)
            elif tag == b"F":
                assert formats is not None
                sums = formats.finish()
                formats = None
                stdout.write(json.dumps({"sums": sums}).encode() + b"\n")
                stdout.flush()
                return
        raise DiplographError("internal", "the release's writer stopped before the end")
    except BaseException as e:  # noqa: BLE001 - reported to the parent, which raises it
        with contextlib.suppress(OSError):
            stdout.write(json.dumps({"error": _error_to(e)}).encode() + b"\n")
            stdout.flush()
        sys.exit(1)
    finally:
        if formats is not None:
            formats.abort()


class _Tee:
    """Write to two outputs."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a, self.b = a, b

    def writelines(self, lines: Sequence[bytes]) -> None:
        text = b"".join(lines)
        self.a.write(text)
        self.b.write(text)


class _Dumper:
    """Dump each graph to its N-Triples file in ``workers`` threads, at most ``ahead`` files
    waiting on disk (pyoxigraph releases the GIL while it dumps). The graphs are dumped in
    order, but for the one ``sizes`` (triples per graph IRI: the previous release's counts,
    free to read) says is the largest, which goes first: its dump is the longest single
    step of a release, and begun last it would be the release's tail, the other threads
    idle. Its file waits on disk (one more slot) until the graphs before it are written.
    Without ``sizes`` (a first release) the graphs are dumped in order: counting them in
    the store would cost about 8% of a dump's CPU, and on a loaded machine the order
    gains nothing (measured: docs/benchmarks.md, issue 18, fifth round)."""

    def __init__(self, store: ox.Store, graphs: Sequence[GraphDump], paths: list[Path],
                 workers: int, ahead: int = 3, sizes: dict[str, int] | None = None) -> None:
        self.store, self.graphs, self.paths = store, graphs, paths
        self._ready = [threading.Event() for _ in graphs]
        n_threads = max(1, min(workers, len(graphs)))
        self._order = list(range(len(graphs)))  # the graphs left to dump, the next first
        first = self.largest(graphs, sizes or {}) if n_threads > 1 else None
        if first is not None:
            self._order.remove(first)
            self._order.insert(0, first)
        self._slots = threading.Semaphore(max(ahead, workers) + (first is not None))
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.failed: list[BaseException] = []
        self._threads = [threading.Thread(target=self._work, name=f"dump-{k}", daemon=True)
                         for k in range(n_threads)]
        for t in self._threads:
            t.start()

    @staticmethod
    def largest(graphs: Sequence[GraphDump], sizes: dict[str, int]) -> int | None:
        """The index of the graph ``sizes`` gives the most triples, if it is not the first.

        >>> _Dumper.largest([GraphDump("a"), GraphDump("b"), GraphDump("c")], {"b": 9, "c": 2})
        1
        >>> _Dumper.largest([GraphDump("a"), GraphDump("b")], {}) is None
        True
        """
        known = [(sizes[g.iri], -i) for i, g in enumerate(graphs)
                 if g.iri is not None and g.iri in sizes]
        if not known:
            return None
        best = -max(known)[1]
        return best or None

    def _work(self) -> None:
        while not self._stop.is_set():
            self._slots.acquire()
            with self._lock:
                i = self._order.pop(0) if self._order else None
            if i is None or self._stop.is_set():
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
