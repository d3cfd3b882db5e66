"""Time limits for work pyoxigraph cannot cancel: query threads and killable worker processes.

pyoxigraph cannot stop a query once it runs, so a time limit needs more than a timer. Two
ways, chosen by the :class:`~.executor.QueryService`:

- :class:`QueryThreads` (``isolation="thread"``, what the HTTP server uses): a fixed set of
  daemon threads of this process run the queries (pyoxigraph releases the GIL while it
  evaluates and serialises). At the limit the caller gets ``TimeoutError`` at once; the
  runaway keeps its thread until it ends (the server then replaces the whole process).
- :class:`WorkerProcesses` (``isolation="process"``): each query runs in a pre-started worker
  process; at the limit the worker gets SIGKILL and a fresh one replaces it in the
  background. Wire protocol (worker stdin/stdout): frames of an 8-byte big-endian length +
  payload; the parent sends one JSON request, the worker answers with a JSON header frame
  and a body frame. The worker runs the request with :mod:`.runner` (check already done by
  the parent, so the text is taken as it is) and serialises the result.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import IO, Any

import pyoxigraph as ox

from .errors import DiplographError
from .runner import Checked, Dataset, evaluate, serialize, variables

__all__ = ["Busy", "QueryThreads", "WorkerProcesses", "clear_frames", "read_frame",
           "write_frame"]

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- framing


def write_frame(out: IO[bytes], payload: bytes) -> None:
    """Write one frame: an 8-byte big-endian length, then the payload."""
    out.write(struct.pack(">Q", len(payload)))
    out.write(payload)


def _read_exact(inp: IO[bytes], n: int) -> bytes:
    chunks = []
    while n:
        b = inp.read(n)
        if not b:
            raise EOFError("pipe closed")
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def read_frame(inp: IO[bytes]) -> bytes:
    """Read one frame written by :func:`write_frame`."""
    (n,) = struct.unpack(">Q", _read_exact(inp, 8))
    return _read_exact(inp, n)


def clear_frames(error: BaseException) -> None:
    """Drop the local variables of the finished frames of ``error``'s traceback, and of the
    errors it was raised from or during (pyoxigraph's result objects must die in the thread
    that made them: one dropped on another thread is leaked, with the checkpoint files it
    holds open).

    >>> def f():
    ...     big = object()
    ...     raise ValueError("x")
    >>> try:
    ...     f()
    ... except ValueError as e:
    ...     clear_frames(e)
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


# ---------------------------------------------------------------- the request of a worker


def result_format(result: Any, media_type: str) -> ox.QueryResultsFormat | ox.RdfFormat:
    """pyoxigraph's format for ``media_type`` and the kind of ``result`` (406 if none)."""
    table = ox.RdfFormat if isinstance(result, ox.QueryTriples) else ox.QueryResultsFormat
    fmt = table.from_media_type(media_type)
    if fmt is None:
        raise DiplographError("not-acceptable", f"this result cannot be written as {media_type}")
    return fmt


def run_request(store: ox.Store, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one worker request (already checked by the parent): ``({"rows": n}, body)``."""
    query = Checked(req["sparql"], req.get("form", ""), bool(req["union"]))
    dataset = None
    if req["default_graphs"] or req["named_graphs"]:
        dataset = Dataset(tuple(ox.NamedNode(i) for i in req["default_graphs"]),
                          tuple(ox.NamedNode(i) for i in req["named_graphs"]))
    result = evaluate(store, query, dataset=dataset,
                      substitutions=variables(req["substitutions"]), base_iri=req.get("base_iri"))
    try:
        body, rows = serialize(result, result_format(result, req["media_type"]),
                               max_bytes=req["max_bytes"], max_rows=req["max_rows"])
        return {"rows": rows}, body
    finally:
        del result


def _worker_main(store_path: str) -> None:
    """Serve requests from stdin until EOF (``python -m diplograph.graph.isolation``)."""
    from .egress import deny_outbound

    deny_outbound(os.environ.get("DIPLOGRAPH_ALLOW_FEDERATION", ""), what="query worker")
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to stderr
    inp = sys.stdin.buffer
    store: ox.Store | None = None
    snapshot = ""
    write_frame(out, json.dumps({"ready": os.getpid()}).encode())
    while True:
        try:
            req = json.loads(read_frame(inp))
        except EOFError:
            return
        try:
            if req["snapshot"] != snapshot or store is None:
                store = None
                store = ox.Store.read_only(req["snapshot"])
                snapshot = req["snapshot"]
            header, body = run_request(store, req)
        except DiplographError as e:
            header, body = {"error": e.kind, "message": e.message, "details": e.details}, b""
        except Exception as e:  # noqa: BLE001 - reported to the parent, never swallowed
            header, body = {"error": "internal", "message": f"{type(e).__name__}: {e}"}, b""
        write_frame(out, json.dumps(header).encode())
        write_frame(out, body)


# ---------------------------------------------------------------- worker processes


class _Worker:
    """One worker process and its pipes."""

    def __init__(self, store_path: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "diplograph.graph.isolation", "--worker", store_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )
        assert self.proc.stdin and self.proc.stdout
        self.stdin = self.proc.stdin
        self.stdout = self.proc.stdout

    def wait_ready(self, timeout: float) -> None:
        if not self.poll(timeout):
            self.kill()
            raise DiplographError("internal", "a query worker did not start")
        json.loads(read_frame(self.stdout))

    def poll(self, timeout: float) -> bool:
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


class WorkerProcesses:
    """``n`` killable worker processes reading ``store_path``'s checkpoints."""

    def __init__(self, store_path: str, n: int) -> None:
        self.store_path, self.n = store_path, n
        self.closed = False
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._all_lock = threading.Lock()
        started = [self._spawn() for _ in range(n)]
        for w in started:
            w.wait_ready(60)
            self._idle.put(w)

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
            if self.closed:
                return
            try:
                nw = self._spawn()
                nw.wait_ready(60)
            except DiplographError:
                log.exception("could not replace a query worker")
                return
            if self.closed:
                self._retire(nw)
            else:
                self._idle.put(nw)

        threading.Thread(target=run, name="diplograph-worker-replace", daemon=True).start()

    def run(self, req: dict[str, Any], timeout: float) -> tuple[dict[str, Any], bytes]:
        """Send ``req`` to an idle worker; its header and body. ``TimeoutError`` past
        ``timeout`` s (the worker is killed and replaced), ``Busy`` if none is free as long."""
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy from None
        deadline = time.monotonic() + timeout  # the clock starts when the query does
        try:
            write_frame(w.stdin, json.dumps(req).encode())
            if not w.poll(deadline - time.monotonic()):
                self._replace(w)
                w = None  # type: ignore[assignment]
                raise TimeoutError
            header = json.loads(read_frame(w.stdout))
            body = read_frame(w.stdout)
        except TimeoutError:  # an OSError, but not the worker's failure
            raise
        except (EOFError, OSError, ValueError) as e:
            if w is not None:
                self._replace(w)
                w = None  # type: ignore[assignment]
            raise DiplographError("internal", f"a query worker failed: {e}") from e
        finally:
            if w is not None:
                self._idle.put(w)
        return header, body

    def idle_worker(self, timeout: float) -> _Worker:
        """Take an idle worker (tests talk to it directly); give it back with :meth:`give`."""
        return self._idle.get(timeout=timeout)

    def give(self, w: _Worker) -> None:
        self._idle.put(w)

    def close(self) -> None:
        self.closed = True
        with self._all_lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()


# ---------------------------------------------------------------- query threads


class _Job:
    """One call handed to a query thread; ``started`` is set when a thread takes it, ``done``
    is released when it has finished."""

    __slots__ = ("fn", "args", "result", "error", "started", "done", "thread", "finished",
                 "overran")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args
        self.result: Any = None
        self.error: BaseException | None = None
        self.started = 0.0  # time.monotonic() when a thread took it (0: not yet)
        self.done = threading.Lock()
        self.done.acquire()
        self.thread = 0  # the native id of the thread running it
        self.finished = False
        self.overran = False  # its caller stopped waiting: a runaway holds the slot


class Busy(Exception):
    """Every query thread (or worker) is taken (by queries, or by runaways past their time
    limit)."""


class QueryThreads:
    """A fixed set of daemon threads running calls for waiting request threads.

    A query that overran its time limit keeps its thread busy, but never keeps the process
    from exiting. A call waits at most ``wait`` seconds for a free thread, and not at all
    when runaways hold every thread, then gets :class:`Busy`: it never queues behind
    runaways, and its time limit counts from the moment a thread starts it. The hand-off is
    one queue put and one lock (the cheapest wake-up CPython has): about 15 µs when both
    threads run on one core, up to 300 µs of CPU when the query thread wakes on another
    (measured at 1M, docs/endpoint.md), the price of a time limit that answers on time."""

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
            job.started = time.monotonic()
            try:
                job.result = job.fn(*job.args)
            except BaseException as e:  # noqa: BLE001 - handed to the waiting request
                # the finished frames' locals (a result, a store) die here, in their thread
                clear_frames(e)
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
        # a slot is free, so a thread takes the job at once; the request thread sleeps until
        # it is done (one wake-up), and only at the limit looks when it started
        wait = timeout
        while not job.done.acquire(timeout=wait):
            started = job.started
            wait = started + timeout - time.monotonic() if started else timeout
            if wait > 0.0005:
                continue
            with self._lock:
                if not job.finished:
                    job.overran = True
                    self.runaways += 1
            # a runaway: it yields the CPU to every other thread from now on (this process
            # is replaced soon; a niceness cannot be lowered back without privileges)
            if job.thread:
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


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
        _worker_main(sys.argv[2])
    else:
        print("usage: python -m diplograph.graph.isolation --worker STORE", file=sys.stderr)
        sys.exit(2)
