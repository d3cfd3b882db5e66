"""Run SPARQL with hard time limits, on read-only checkpoints of the store.

Queries never touch the live store: they read the newest published checkpoint
(:mod:`.checkpoints`), which every write replaces, in this process or in any other serving
the same store. pyoxigraph cannot cancel a query, so a time limit needs more than a timer;
:class:`QueryService` offers two ways:

- ``isolation="process"``: each query runs in a pre-started worker *process*. On timeout the
  worker gets SIGKILL and a fresh one replaces it in the background; the caller gets
  ``DiplographError('timeout')`` at once. Wire protocol (worker stdin/stdout): frames of an
  8-byte big-endian length + payload; the parent sends one JSON request, the worker answers
  with a JSON header frame and a body frame.
- ``isolation="thread"``: each query runs in a thread of this process (pyoxigraph releases the
  GIL while it evaluates and serialises). On timeout the caller gets the same error at once
  and ``on_overrun`` is called, so that the server can replace the whole process
  (``server/run.py``). No inter-process hop: this is what the HTTP server uses.

Either way results are serialised by pyoxigraph into bytes, with no Python loop per row, and
capped in rows and bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import queue
import re
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from . import conneg
from .cache import ResultCache
from .checkpoints import Checkpoints
from .errors import DiplographError
from .label_service import rewrite_label_service
from .namespaces import QUERY_PREFIXES
from .sparql_errors import syntax_error
from .sparql_safety import (
    DEFAULT_LIMITS,
    DEFAULT_UPDATE_LIMITS,
    Limits,
    check_external_access,
    check_limits,
    has_dataset_clause,
    is_deterministic,
    query_form,
    update_dataset_keywords,
)

__all__ = ["QueryResult", "QueryService", "parse_term", "query_form"]

log = logging.getLogger(__name__)

_RESULT_FORMATS = {
    conneg.JSON: ox.QueryResultsFormat.JSON,
    conneg.XML: ox.QueryResultsFormat.XML,
    conneg.CSV: ox.QueryResultsFormat.CSV,
    conneg.TSV: ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    conneg.TURTLE: ox.RdfFormat.TURTLE,
    conneg.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    conneg.RDFXML: ox.RdfFormat.RDF_XML,
    conneg.JSONLD: ox.RdfFormat.JSON_LD,
    conneg.NQUADS: ox.RdfFormat.N_QUADS,
    conneg.TRIG: ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
}
_TEXT_TYPES = {conneg.CSV, conneg.TSV}


@dataclass
class QueryResult:
    """A finished, serialised query result."""

    form: str  # 'select' | 'ask' | 'construct' | 'describe'
    body: bytes
    media_type: str  # the Content-Type to send (with charset for CSV/TSV)
    rows: int | None  # solutions for SELECT, None otherwise


def content_type(media_type: str) -> str:
    """The Content-Type header value for a media type.

    >>> content_type("text/csv")
    'text/csv; charset=utf-8'
    """
    return f"{media_type}; charset=utf-8" if media_type in _TEXT_TYPES else media_type


def parse_term(text: str) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """Parse one RDF term written in N-Triples syntax (a substitution value).

    >>> parse_term('<https://diplograph.org/id/state/MNG>')
    <NamedNode value=https://diplograph.org/id/state/MNG>
    >>> parse_term('"1961"^^<http://www.w3.org/2001/XMLSchema#gYear>').value
    '1961'
    >>> parse_term('"x" . <a> <b> <c>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: not one RDF term in N-Triples syntax: ...
    """
    doc = f"<urn:x-s:s> <urn:x-s:p> {text.strip()} .\n"
    try:
        triples = list(ox.parse(doc.encode(), format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as e:
        raise DiplographError("bad-input", f"not one RDF term in N-Triples syntax: {text!r}",
                              [str(e)]) from e
    if len(triples) != 1:
        raise DiplographError("bad-input", f"not one RDF term in N-Triples syntax: {text!r}")
    return triples[0].object  # type: ignore[return-value]


# ---------------------------------------------------------------- framing


def _write_frame(out: BinaryIO, payload: bytes) -> None:
    out.write(struct.pack(">Q", len(payload)))
    out.write(payload)


def _read_exact(inp: BinaryIO, n: int) -> bytes:
    chunks = []
    while n:
        b = inp.read(n)
        if not b:
            raise EOFError("pipe closed")
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def _read_frame(inp: BinaryIO) -> bytes:
    (n,) = struct.unpack(">Q", _read_exact(inp, 8))
    return _read_exact(inp, n)


# ---------------------------------------------------------------- row counting

_ROW_START_JSON = re.compile(rb'\},\{"[^},]')


def count_rows(body: bytes, media_type: str) -> int:
    """Count the solutions in a serialised SELECT result, without parsing it row by row.

    JSON: escapes are removed, then strings; a row boundary is ``},{"name``. CSV: quoted
    fields are removed, then lines counted. TSV: lines. XML: ``<result>`` elements.

    >>> count_rows(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}', conneg.JSON)
    0
    >>> count_rows(b'x\\r\\n"a\\r\\nb"\\r\\nc\\r\\n', conneg.CSV)
    2
    """
    if media_type == conneg.XML:
        return body.count(b"<result>")
    if media_type == conneg.TSV:
        return max(body.count(b"\n") - 1, 0)
    if media_type == conneg.CSV:
        return max(b"".join(body.split(b'"')[::2]).count(b"\n") - 1, 0)
    plain = body.replace(b"\\\\", b"").replace(b'\\"', b"")  # no quote left inside strings
    if b"[{" not in b"".join(plain.split(b'"')[::2]):
        return 0
    return len(_ROW_START_JSON.findall(plain)) + 1


class _BoundedSink(io.RawIOBase):
    """A write-only buffer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.buf = io.BytesIO()
        self.limit = limit
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        n = len(b)
        self.size += n
        if self.size > self.limit:
            raise _TooLarge()
        self.buf.write(b)
        return n


class _TooLarge(Exception):
    pass


# ---------------------------------------------------------------- the worker process


def _worker_main(store_path: str) -> None:
    """Serve requests from stdin until EOF (run by ``python -m diplograph.graph.executor``)."""
    from .egress import deny_outbound

    deny_outbound(os.environ.get("DIPLOGRAPH_ALLOW_FEDERATION", ""), what="query worker")
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to stderr
    inp = sys.stdin.buffer
    store: ox.Store | None = None
    snapshot = ""
    _write_frame(out, json.dumps({"ready": os.getpid()}).encode())
    while True:
        try:
            req = json.loads(_read_frame(inp))
        except EOFError:
            return
        try:
            if req["snapshot"] != snapshot or store is None:
                store = None
                store = ox.Store.read_only(req["snapshot"])
                snapshot = req["snapshot"]
            header, body = _run_query(store, req)
        except DiplographError as e:
            header, body = {"error": e.kind, "message": e.message, "details": e.details}, b""
        except Exception as e:  # noqa: BLE001 - reported to the parent, never swallowed
            header, body = {"error": "internal", "message": f"{type(e).__name__}: {e}"}, b""
        _write_frame(out, json.dumps(header).encode())
        _write_frame(out, body)


def _graph_list(iris: Sequence[str]) -> list[ox.NamedNode | ox.DefaultGraph]:
    return [ox.NamedNode(i) for i in iris]


def _run_query(store: ox.Store, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    kwargs: dict[str, Any] = {"base_iri": req.get("base_iri"), "prefixes": QUERY_PREFIXES}
    if req["default_graphs"] or req["named_graphs"]:
        # The protocol's dataset replaces FROM/FROM NAMED; an absent half is empty.
        kwargs["default_graph"] = _graph_list(req["default_graphs"]) or []
        kwargs["named_graphs"] = [ox.NamedNode(i) for i in req["named_graphs"]]
    elif req["union"]:
        kwargs["use_default_graph_as_union"] = True
    if req["substitutions"]:
        kwargs["substitutions"] = {
            ox.Variable(k): parse_term(v) for k, v in req["substitutions"].items()
        }
    try:
        result = store.query(req["sparql"], **kwargs)
    except SyntaxError as e:
        raise syntax_error(e, req["sparql"]) from e
    except (ValueError, TypeError) as e:
        raise DiplographError("bad-input", str(e)) from e
    except RuntimeError as e:
        raise DiplographError("bad-input", str(e)) from e
    try:
        return _serialise(result, req)
    except BaseException as e:
        # pyoxigraph's result objects must die in the thread that made them (a result
        # dropped on another thread is leaked, with the checkpoint files it holds open);
        # the traceback's frames would carry this one to the request thread
        _clear_frames(e)
        raise
    finally:
        del result


def _clear_frames(error: BaseException) -> None:
    """Drop the local variables of the finished frames of ``error``'s traceback, and of the
    errors it was raised from or during.

    >>> def f():
    ...     big = object()
    ...     raise ValueError("x")
    >>> try:
    ...     f()
    ... except ValueError as e:
    ...     _clear_frames(e)
    ...     "big" in e.__traceback__.tb_next.tb_frame.f_locals
    False
    """
    seen: set[int] = set()
    e: BaseException | None = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        with contextlib.suppress(RuntimeError):  # a frame still running keeps its locals
            traceback.clear_frames(e.__traceback__)
        e = e.__cause__ or e.__context__


def _serialise(result: Any, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Serialise a pyoxigraph result within the caps of ``req``."""
    media_type: str = req["media_type"]
    sink = _BoundedSink(req["max_bytes"])
    try:
        if isinstance(result, ox.QueryTriples):
            result.serialize(sink, format=_RDF_FORMATS[media_type])
        elif isinstance(result, ox.QueryBoolean):
            result.serialize(sink, format=_RESULT_FORMATS[media_type])
        else:
            result.serialize(sink, format=_RESULT_FORMATS[media_type])
    except _TooLarge:
        raise DiplographError(
            "result-too-large",
            f"the result is larger than {req['max_bytes']} bytes (the size cap): "
            "add LIMIT or narrow the query",
        ) from None
    except OSError as e:
        if isinstance(e.__context__, _TooLarge) or "TooLarge" in repr(e):
            raise DiplographError(
                "result-too-large",
                f"the result is larger than {req['max_bytes']} bytes (the size cap): "
                "add LIMIT or narrow the query",
            ) from None
        _raise_if_unsupported(e, media_type)
        raise DiplographError("internal", f"query evaluation failed: {e}") from e
    body = sink.buf.getvalue()
    rows = None
    if isinstance(result, ox.QuerySolutions):
        rows = count_rows(body, media_type)
        if rows > req["max_rows"]:
            raise DiplographError(
                "result-too-large",
                f"the result has {rows} rows, more than the cap of {req['max_rows']}: "
                "add LIMIT (and page with OFFSET)",
            )
    return {"rows": rows}, body


# ---------------------------------------------------------------- the pool


class _Worker:
    """One worker process and its pipes."""

    def __init__(self, store_path: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "diplograph.graph.executor", "--worker", store_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )
        assert self.proc.stdin and self.proc.stdout
        self.stdin = self.proc.stdin
        self.stdout = self.proc.stdout
        self.generation = -1

    def wait_ready(self, timeout: float) -> None:
        if not self._poll(timeout):
            self.kill()
            raise DiplographError("internal", "a query worker did not start")
        json.loads(_read_frame(self.stdout))

    def _poll(self, timeout: float) -> bool:
        with selectors.DefaultSelector() as sel:
            sel.register(self.stdout, selectors.EVENT_READ)
            return bool(sel.select(max(timeout, 0)))

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            os.kill(self.proc.pid, signal.SIGKILL)
        for f in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                f.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None


class _Job:
    """One call handed to a query thread; ``started`` is released when a thread takes it,
    ``done`` when it has finished."""

    __slots__ = ("fn", "args", "result", "error", "started", "done", "thread", "finished",
                 "overran")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args
        self.result: Any = None
        self.error: BaseException | None = None
        self.started = threading.Lock()
        self.started.acquire()
        self.done = threading.Lock()
        self.done.acquire()
        self.thread = 0  # the native id of the thread running it
        self.finished = False
        self.overran = False  # its caller stopped waiting: a runaway holds the slot


class Busy(Exception):
    """Every query thread is taken (by queries, or by runaways past their time limit)."""


class _DaemonThreads:
    """A fixed set of daemon threads running calls for waiting request threads.

    A query that overran its time limit keeps its thread busy, but never keeps the process
    from exiting. A call waits at most ``wait`` seconds for a free thread, and not at all
    when runaways hold every thread, then gets :class:`Busy`: it never queues behind
    runaways, and its time limit counts from the moment a thread starts it. The hand-off is
    one queue put and one lock (the cheapest wake-up CPython has): about 15 µs when both
    threads run on one core, up to 300 µs of CPU when the query thread wakes on another
    (measured at 1M, docs/endpoint.md), the price of a
    time limit that answers on time."""

    def __init__(self, n: int, wait: float = 0.5) -> None:
        self.n = n
        self.wait = wait
        self.runaways = 0  # threads still running a query whose caller timed out
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._slots = threading.BoundedSemaphore(n)
        self._threads = [
            threading.Thread(target=self._loop, name=f"diplograph-query-{i}", daemon=True)
            for i in range(n)
        ]
        for t in self._threads:
            t.start()

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job.thread = threading.get_native_id()
            job.started.release()
            try:
                job.result = job.fn(*job.args)
            except BaseException as e:  # noqa: BLE001 - handed to the waiting request
                # the finished frames' locals (a result, a store) die here, in their thread
                _clear_frames(e)
                job.error = e
            with self._lock:
                job.finished = True
                if job.overran:
                    self.runaways -= 1
            self._slots.release()  # this thread is free again (a runaway, only now)
            job.done.release()
            job = None  # no reference to the last result kept while idle

    def run(self, fn: Callable[..., Any], *args: Any, timeout: float) -> Any:
        """``fn(*args)`` in a query thread; :class:`Busy` if no thread is free,
        ``TimeoutError`` if it runs over ``timeout`` s (it goes on running: pyoxigraph
        cannot be interrupted)."""
        if not self._slots.acquire(timeout=0 if self.runaways >= self.n else self.wait):
            raise Busy
        job = _Job(fn, args)
        self._jobs.put(job)
        job.started.acquire()  # a slot is free, so a thread takes it at once
        if not job.done.acquire(timeout=timeout):
            with self._lock:
                if not job.finished:
                    job.overran = True
                    self.runaways += 1
            # a runaway: it yields the CPU to every other thread from now on (this process
            # is replaced soon; a niceness cannot be lowered back without privileges)
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, job.thread, 19)
            raise TimeoutError
        error, result = job.error, job.result
        job = None  # type: ignore[assignment]
        if error is None:
            return result
        try:
            raise error
        finally:
            # no cycle error -> traceback -> this frame -> error, and no store in this frame:
            # they would keep the query's checkpoint (its open files) until the garbage
            # collector happens to run
            error = args = None  # type: ignore[assignment]

    def stop(self) -> None:
        for _ in self._threads:
            self._jobs.put(None)


class QueryService:
    """SPARQL query, update and graph-store operations on one on-disk store.

    Queries read the newest published checkpoint of the store (:mod:`.checkpoints`), with a
    ``timeout`` (seconds), a row cap (``max_rows``, SELECT) and a size cap (``max_bytes``,
    every form). ``allow_federation`` lists the IRIs SERVICE/LOAD may reach (none by
    default). Without protocol dataset parameters, the default graph is the union of all
    named graphs (``union_default_graph``).

    ``isolation`` decides where a query runs:

    - ``"process"``: in one of ``workers`` killable worker processes; past the time limit the
      worker gets SIGKILL and is replaced. Right for a single process that must never be
      left with a runaway query (the Flask test client, embedding).
    - ``"thread"``: in one of ``workers`` threads of this process (pyoxigraph releases the
      GIL, so they run in parallel) with no inter-process hop. Past the time limit the caller
      gets the same error at once and ``on_overrun()`` is called: the server then replaces
      this whole process (``server/run.py``), since pyoxigraph cannot stop a query.

    ``prepared``: the checkpoints were already published by whoever started the service
    (``server/run.py``, before it starts its worker processes); otherwise this instance
    publishes generation 0 and removes the checkpoints when closed.
    """

    def __init__(
        self,
        store_path: str | Path,
        *,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        max_bytes: int = 256 * 2**20,
        workers: int = 2,
        allow_federation: Sequence[str] = (),
        union_default_graph: bool = True,
        cache_bytes: int = 64 * 2**20,
        isolation: str = "process",
        prepared: bool = False,
        on_overrun: Callable[[], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        update_limits: Limits = DEFAULT_UPDATE_LIMITS,
    ) -> None:
        if isolation not in ("process", "thread"):
            raise DiplographError("bad-input", f"isolation must be 'process' or 'thread', "
                                               f"not {isolation!r}")
        self.store_path = str(store_path)
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.max_bytes = int(max_bytes)
        self.n_workers = max(int(workers), 1)
        self.allow_federation = tuple(allow_federation)
        #: size, nesting and operator bounds of query and update texts (413/400 beyond)
        self.limits, self.update_limits = limits, update_limits
        self.union_default_graph = union_default_graph
        self.on_overrun = on_overrun
        #: serialised results of repeated identical requests; cleared by every write
        self.cache: ResultCache[QueryResult] = ResultCache(cache_bytes)
        self.checkpoints = Checkpoints(self.store_path, keep_seconds=self.timeout + 30)
        self._owns_checkpoints = not prepared
        if not prepared:
            self.checkpoints.hold_serving()
            try:
                self.checkpoints.prepare()
            except DiplographError:
                self.checkpoints.release_serving()
                raise
        self._reader: tuple[str, ox.Store] | None = None
        self._reader_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._closed = False
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._all_lock = threading.Lock()
        self._threads: _DaemonThreads | None = None
        if isolation == "thread":
            self._threads = _DaemonThreads(self.n_workers)
        else:
            started = [self._spawn() for _ in range(self.n_workers)]
            for w in started:
                w.wait_ready(60)
                self._idle.put(w)

    # ------------------------------------------------------------ checkpoints

    @property
    def generation(self) -> int:
        """The write generation of the newest checkpoint (every write adds one)."""
        return self.checkpoints.current().generation

    @property
    def snapshot(self) -> str:
        """The directory of the newest checkpoint."""
        return self.checkpoints.current().path

    def _read_store(self, path: str | None = None) -> ox.Store:
        """A read-only handle on the checkpoint at ``path`` (default: the newest), kept open
        until a newer one is asked for."""
        path = path or self.snapshot
        reader = self._reader
        if reader is not None and reader[0] == path:
            return reader[1]
        with self._reader_lock:
            reader = self._reader
            if reader is None or reader[0] != path:
                try:
                    reader = (path, ox.Store.read_only(path))
                except OSError as e:
                    raise DiplographError("storage", f"cannot open the checkpoint {path}: {e}"
                                          ) from e
                self._reader = reader
        return reader[1]

    # ------------------------------------------------------------ workers

    def _spawn(self) -> _Worker:
        w = _Worker(self.store_path)
        with self._all_lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        with self._all_lock:
            self._all.discard(w)
        w.kill()

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` now; start its replacement in the background."""
        with contextlib.suppress(ProcessLookupError, OSError):
            os.kill(w.proc.pid, signal.SIGKILL)

        def run() -> None:
            self._retire(w)
            if self._closed:
                return
            try:
                nw = self._spawn()
                nw.wait_ready(60)
            except DiplographError:
                log.exception("could not replace a query worker")
                return
            if self._closed:
                self._retire(nw)
            else:
                self._idle.put(nw)

        threading.Thread(target=run, name="diplograph-worker-replace", daemon=True).start()

    # ------------------------------------------------------------ queries

    def query(
        self,
        sparql: str,
        *,
        media_type: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        substitutions: Mapping[str, str] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query; return the serialised result (see the module docstring)."""
        t0 = time.monotonic()  # the checks count against the time limit
        sparql = rewrite_label_service(sparql)  # a local SERVICE wikibase:label, never fetched
        form = self.check_query(sparql)
        offers = conneg.offers_for_form(form)
        if media_type is None:
            media_type = offers[0]
        media_type = conneg.base_type(media_type)
        if media_type not in offers:
            raise DiplographError(
                "not-acceptable",
                f"a {form.upper()} result cannot be sent as {media_type}; "
                f"available: {', '.join(offers)}",
            )
        check_external_access(sparql, allow=self.allow_federation, base_iri=base_iri)
        for iri in (*default_graph_uris, *named_graph_uris):
            _check_iri(iri)
        subs = dict(substitutions or {})
        for k, v in subs.items():
            parse_term(v)  # fail early, with a clear message
            if not re.fullmatch(r"\w+", k):
                raise DiplographError("bad-input", f"not a variable name: {k!r}")
        checkpoint = self.checkpoints.current()
        self.cache.sync(checkpoint.generation)  # a write, maybe in another process, empties it
        key = (
            sparql, media_type, tuple(default_graph_uris), tuple(named_graph_uris),
            tuple(sorted(subs.items())), base_iri,
        )
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        req = {
            "sparql": sparql, "media_type": media_type, "snapshot": checkpoint.path,
            "default_graphs": list(default_graph_uris), "named_graphs": list(named_graph_uris),
            # FROM/FROM NAMED in the text define the dataset (pyoxigraph's union flag would
            # override them); the protocol parameters override both.
            "union": self.union_default_graph and not has_dataset_clause(sparql),
            "substitutions": subs, "base_iri": base_iri,
            "max_rows": self.max_rows, "max_bytes": self.max_bytes,
            "checked_in": time.monotonic() - t0,
        }
        if self._threads is not None:
            rows, body = self._run_in_thread(req)
        else:
            header, body = self._dispatch(req)
            if "error" in header:
                raise DiplographError(header["error"], header["message"],
                                      header.get("details", []))
            rows = header.get("rows")
        result = QueryResult(form, body, content_type(media_type), rows)
        # kept only if no write was seen meanwhile, and the same text always gives the same
        # answer
        if self.cache.enabled and is_deterministic(sparql):
            self.cache.put(key, result, len(body) + len(sparql),
                           generation=checkpoint.generation)
        return result

    def check_query(self, sparql: str) -> str:
        """The form of ``sparql`` ('select', 'ask', …) once its size (413), nesting and
        operators (400) are within :attr:`limits`: for callers that negotiate the media type
        before running it. Memoised: :meth:`query` asks again at no cost."""
        check_limits(sparql, self.limits)
        return query_form(sparql)

    def _timeout_error(self) -> DiplographError:
        return DiplographError(
            "timeout",
            f"the query ran longer than the time limit of {self.timeout:g} s and was "
            "stopped: narrow it, add LIMIT, or ask the operator for a longer limit",
        )

    def _busy_error(self) -> DiplographError:
        return DiplographError(
            "unavailable",
            f"the server is busy: all {self.n_workers} query slots of this worker process "
            "are taken (by other queries, or by runaway queries still being stopped); your "
            "query did not run: try again in a few seconds",
        )

    def _run_in_thread(self, req: dict[str, Any]) -> tuple[int | None, bytes]:
        if self._closed or self._threads is None:
            raise DiplographError("unavailable", "the query service is closed")
        try:
            # no store in this frame: an error's traceback would keep it open; the time the
            # checks took counts against the limit
            header, body = self._threads.run(
                _run_query, self._read_store(req["snapshot"]), req,
                timeout=max(self.timeout - req.get("checked_in", 0.0), 0.001))
        except Busy:
            raise self._busy_error() from None
        except TimeoutError:
            log.warning("a query overran the time limit of %g s: %.200r", self.timeout,
                        req["sparql"])
            if self.on_overrun is not None:
                self.on_overrun()
            raise self._timeout_error() from None
        except DiplographError:
            raise
        except Exception as e:  # noqa: BLE001 - reported, never swallowed
            raise DiplographError("internal", f"{type(e).__name__}: {e}") from e
        return header.get("rows"), body

    def _dispatch(self, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise DiplographError(
                "unavailable",
                f"all {self.n_workers} query workers stayed busy for {self.timeout:g} s: "
                "try again later",
            ) from None
        # the clock starts when the query does (less the time its checks took)
        deadline = time.monotonic() + self.timeout - req.get("checked_in", 0.0)
        try:
            _write_frame(w.stdin, json.dumps(req).encode())
            if not w._poll(deadline - time.monotonic()):
                self._replace(w)
                w = None  # type: ignore[assignment]
                raise self._timeout_error()
            header = json.loads(_read_frame(w.stdout))
            body = _read_frame(w.stdout)
        except (EOFError, OSError, ValueError) as e:
            if w is not None:
                self._replace(w)
                w = None  # type: ignore[assignment]
            raise DiplographError("internal", f"a query worker failed: {e}") from e
        finally:
            if w is not None:
                self._idle.put(w)
        return header, body

    # ------------------------------------------------------------ writes

    def _write(self, fn: Callable[[ox.Store], Any]) -> Any:
        """Run ``fn`` on the live store, read-write; publish a new checkpoint after it.

        A storage failure says whether the change is in the store: ``fn`` fails as a whole
        (pyoxigraph writes one transaction or nothing), and a failure after it (flushing,
        publishing the checkpoint) leaves it applied."""
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        applied = False

        def change(store: ox.Store) -> Any:
            nonlocal applied
            result = fn(store)
            applied = True
            return result

        try:
            with self._write_lock:
                result = self.checkpoints.write(change)
        except DiplographError as e:
            raise _with_outcome(e, applied) from e
        finally:
            self.cache.sync(self.generation)  # empty now, and no older answer kept from here on
        return result

    def update(
        self,
        sparql: str,
        *,
        using_graph_uris: Sequence[str] = (),
        using_named_graph_uris: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> None:
        """Run a SPARQL Update atomically (all operations or none)."""
        check_limits(sparql, self.update_limits, what="update")
        check_external_access(sparql, allow=self.allow_federation, base_iri=base_iri)
        if using_graph_uris or using_named_graph_uris:
            found = update_dataset_keywords(sparql)
            if found:
                raise DiplographError(
                    "bad-input",
                    f"using-graph-uri/using-named-graph-uri cannot be combined with "
                    f"{' or '.join(sorted(set(found)))} in the update",
                )
            for iri in (*using_graph_uris, *using_named_graph_uris):
                _check_iri(iri)
            sparql = _add_using(sparql, using_graph_uris, using_named_graph_uris)

        self._update_in_child(sparql, base_iri)

    def _update_in_child(self, sparql: str, base_iri: str | None) -> None:
        """Apply an update in a child process (``graph/update_worker.py``) under the write
        lock, killed past the time limit: a heavy update cannot hold the lock for longer,
        and, killed, changes nothing (one transaction)."""
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        outcome: dict[str, Any] = {}

        def change() -> None:
            proc = subprocess.Popen(
                [sys.executable, "-m", "diplograph.graph.update_worker", self.store_path],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            request = json.dumps({"sparql": sparql, "base_iri": base_iri}).encode()
            try:
                out, err = proc.communicate(request, timeout=self.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
                outcome.update(_last_json(out) or {"applied": False})
                outcome["timeout"] = True
                return
            outcome.update(_last_json(out) or {
                "applied": False, "error": "internal",
                "message": f"the update process ended with status {proc.returncode}: "
                           f"{err.decode('utf-8', 'replace')[-500:]}"})

        try:
            with self._write_lock:
                self.checkpoints.write_external(change)
        except DiplographError as e:
            raise _with_outcome(e, bool(outcome.get("applied"))) from e
        finally:
            self.cache.sync(self.generation)
        if outcome.get("timeout") and not outcome.get("applied"):
            log.warning("an update overran the time limit of %g s: %.200r", self.timeout, sparql)
            raise DiplographError(
                "timeout",
                f"the update ran longer than the time limit of {self.timeout:g} s and was "
                "stopped; the change was not applied (the store is unchanged)")
        if "error" in outcome:
            e = DiplographError(outcome["error"], outcome["message"])
            raise _with_outcome(e, bool(outcome["applied"])) if e.kind == "storage" else e

    # ------------------------------------------------------------ graph store

    @staticmethod
    def _graph_node(iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
        if iri is None:
            return ox.DefaultGraph()
        _check_iri(iri)
        return ox.NamedNode(iri)

    @classmethod
    def _has_graph(cls, store: ox.Store, iri: str | None) -> bool:
        if iri is None:
            return True
        return store.contains_named_graph(cls._graph_node(iri))  # type: ignore[arg-type]

    def has_graph(self, iri: str | None) -> bool:
        """Whether the named graph exists (the default graph always does)."""
        return self._has_graph(self._read_store(), iri)

    def get_graph(self, iri: str | None, media_type: str = conneg.TURTLE) -> bytes | None:
        """The graph serialised as ``media_type``, or ``None`` if there is no such graph."""
        store = self._read_store()
        if not self._has_graph(store, iri):
            return None
        fmt = _RDF_FORMATS[conneg.base_type(media_type)]
        from .namespaces import PREFIXES

        kwargs: dict[str, Any] = {"from_graph": self._graph_node(iri)}
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            kwargs["prefixes"] = PREFIXES
        try:
            return store.dump(format=fmt, **kwargs)  # type: ignore[no-any-return]
        except OSError as e:
            _raise_if_unsupported(e, conneg.base_type(media_type))
            raise DiplographError("storage", f"cannot read the graph: {e}") from e

    def get_dataset(self, media_type: str = conneg.NQUADS) -> bytes:
        """The whole store as N-Quads or TriG (in memory: see :meth:`stream_dataset`)."""
        return b"".join(self.stream_dataset(media_type))

    def stream_dataset(self, media_type: str = conneg.NQUADS,
                       chunk_bytes: int = 64 * 2**10) -> Iterator[bytes]:
        """The whole store (newest checkpoint) as N-Quads or TriG, in chunks, with flat memory.

        A store that cannot fit in the size cap (``max_bytes``; at least 24 bytes per quad)
        is refused at once ('result-too-large'); a dump that passes the cap midway stops
        there with the same error (the client sees a cut transfer). pyoxigraph writes the
        dump in a thread, into a queue of a few chunks; closing the iterator stops it."""
        store = self._read_store()
        fmt = _RDF_FORMATS[conneg.base_type(media_type)]
        quads = len(store)
        if quads * 24 > self.max_bytes:
            raise DiplographError(
                "result-too-large",
                f"the store holds {quads:,} quads, more than fits in the size cap of "
                f"{self.max_bytes:,} bytes: ask for one graph (?graph=IRI), or export with "
                "`diplograph export`")
        return _stream_dump(store, fmt, chunk_bytes, self.max_bytes)

    def _parse_payload(self, data: bytes, media_type: str, base_iri: str | None) -> str:
        mt = conneg.base_type(media_type)
        if mt not in conneg.RDF_INPUT_TYPES:
            raise DiplographError(
                "unsupported-media-type",
                f"cannot read {mt}: send one of {', '.join(conneg.RDF_INPUT_TYPES)}",
            )
        if mt == conneg.RDFXML:
            from .rdfxml import refuse_doctype

            refuse_doctype(data, f"the {mt} payload")
        try:
            triples = list(ox.parse(data, format=_RDF_FORMATS[mt], base_iri=base_iri))
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
            created = not self._has_graph(store, iri)
            _store_update(store, f"DROP SILENT {target} ;\n{ins}")
            return created

        return bool(self._write(run))

    def post_graph(self, iri: str | None, data: bytes, media_type: str,
                   base_iri: str | None = None) -> bool:
        """Merge ``data`` into the graph (fresh blank nodes); return whether it was created."""
        nt = self._parse_payload(data, media_type, base_iri or iri)

        def run(store: ox.Store) -> bool:
            created = not self._has_graph(store, iri)
            if nt.strip():
                ins = (f"INSERT DATA {{ {nt} }}" if iri is None
                       else f"INSERT DATA {{ GRAPH <{iri}> {{ {nt} }} }}")
                _store_update(store, ins)
            elif iri is not None and created:
                _store_update(store, f"CREATE SILENT GRAPH <{iri}>")
            return created

        return bool(self._write(run))

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

        return bool(self._write(run))

    def new_graph_iri(self, under: str) -> str:
        """A fresh graph IRI under ``under`` (for POST to the graph store itself)."""
        return f"{under.rstrip('/')}/{uuid.uuid4().hex}"

    # ------------------------------------------------------------ statistics

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

    def close(self) -> None:
        """Stop every worker and release the store (idempotent)."""
        if self._closed:
            return
        self._closed = True
        with self._all_lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
        if self._threads is not None:
            self._threads.stop()
        self._reader = None
        if self._owns_checkpoints:
            self.checkpoints.remove_all()
            self.checkpoints.release_serving()

    def __enter__(self) -> QueryService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _last_json(out: bytes) -> dict[str, Any] | None:
    """The last JSON line a child printed, if any."""
    for line in reversed(out.splitlines()):
        with contextlib.suppress(ValueError):
            value = json.loads(line)
            if isinstance(value, dict):
                return value
    return None


def _with_outcome(e: DiplographError, applied: bool) -> DiplographError:
    """A storage error that says whether the change is in the store (the client must know
    whether to retry)."""
    if e.kind != "storage" or "the change was" in e.message:
        return e
    if applied:
        return DiplographError(
            "storage", f"the change was applied, but then: {e.message} (queries may see the "
            "previous state until the next successful write)", e.details)
    return DiplographError("storage", f"the change was not applied: {e.message}", e.details)


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


def _raise_if_unsupported(e: OSError, media_type: str) -> None:
    """Raise 'not-acceptable' (406) if ``e`` says the format cannot express the data (JSON-LD
    and RDF 1.2 triple terms, in pyoxigraph 0.5)."""
    text = str(e)
    if "does not support" in text or "RDF 1.2" in text:
        raise DiplographError(
            "not-acceptable",
            f"this result cannot be written as {media_type} ({text}): it holds triple terms "
            "(RDF 1.2, << >>); ask for Turtle, TriG, N-Triples or N-Quads",
        ) from None


def _store_update(store: ox.Store, sparql: str) -> None:
    try:
        store.update(sparql)
    except SyntaxError as e:
        raise DiplographError("bad-input", f"the payload cannot be stored: {e}") from e
    except OSError as e:
        raise DiplographError("storage", f"the write failed: {e}") from e


_IRI_OK = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


def _check_iri(iri: str) -> None:
    if not _IRI_OK.fullmatch(iri):
        raise DiplographError("bad-input", f"not an absolute IRI: {iri!r}")
    try:
        ox.NamedNode(iri)
    except ValueError as e:
        raise DiplographError("bad-input", f"not an absolute IRI: {iri!r}: {e}") from e


def _add_using(sparql: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """Add ``USING``/``USING NAMED`` before the ``WHERE`` of every DELETE/INSERT operation.

    pyoxigraph has no dataset argument for updates, so the protocol parameters become text;
    the IRIs were validated (no ``>`` can appear in them).

    >>> _add_using('DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }', ['http://g/'], [])
    'DELETE { ?s ?p ?o } USING <http://g/> WHERE { ?s ?p ?o }'
    """
    from .sparql_safety import tokenize

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


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
        _worker_main(sys.argv[2])
    else:
        print("usage: python -m diplograph.graph.executor --worker STORE", file=sys.stderr)
        sys.exit(2)
