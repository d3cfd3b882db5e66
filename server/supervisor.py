"""Keep the service up whatever happens to a worker process, and no worker without its server.

Three parts, used by :mod:`.run`:

- :class:`InFlight` (worker side): each request thread writes a one-line description of the
  request it is answering (method, path, a prefix and a hash of the query) into its slot of a
  small memory-mapped file, ``<dir>/<pid>``, and blanks it when the answer is ready: a few
  microseconds, no system call. When a worker dies, the supervisor reads the file of that pid
  and logs the requests that were in flight: the one that crashed it is among them.
- :class:`SupervisedServer` (main process): granian's multi-process server, whose own
  supervision exits on the third crash within seconds ("crash loop detected") and leaves the
  port refused. Here a crashed worker is always replaced, with a backoff when the same worker
  keeps crashing (0.25 s, doubling, at most :data:`MAX_BACKOFF` s while another worker
  answers, at most 1 s when none does). Only an unhealthy store (no readable checkpoint)
  stops the service.
- :func:`die_with_parent` (worker side): a worker whose server died (``kill -9``) must not go on
  serving and writing unsupervised: the kernel sends it SIGTERM when its parent dies
  (``PR_SET_PDEATHSIG``), and a watchdog thread checks the parent every 50 ms in case
  that signal was missed; the process ends at the latest five seconds after its parent. A
  watch process (:mod:`.worker_watch`, which needs none of the worker's Python) kills it two
  seconds later if it has not.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import errno
import faulthandler
import functools
import hashlib
import io
import logging
import mmap
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from granian.server import MPServer

__all__ = ["InFlight", "RecordInFlight", "SupervisedServer", "ask_to_be_replaced",
           "describe_record", "die_with_parent", "read_in_flight", "request_record"]

log = logging.getLogger("diplograph.server")

SLOTS = 64  # request threads per worker we can name (granian's blocking threads)
SLOT_BYTES = 512
#: the longest wait before a worker that keeps crashing is started again, in seconds
MAX_BACKOFF = 30.0
#: a worker that dies sooner than this after its start counts as crashing again
QUICK_CRASH = 10.0
#: POST bodies up to this size are hashed for the description (and kept in memory)
BODY_PEEK = 1 << 20
#: a replaced worker's time, in seconds, to stop accepting and answer what it has taken
DRAIN_TIMEOUT = 3.0
#: after it stopped accepting: time for the connections it took to reach a request thread
DRAIN_GRACE = 0.2
#: the environment variable naming the in-flight directory (set by ``serve``)
IN_FLIGHT_ENV = "DIPLOGRAPH_IN_FLIGHT_DIR"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


# ---------------------------------------------------------------- requests in flight


def request_record(method: str, path: str, query_string: str, body: bytes | None) -> bytes:
    """The record of a request kept in flight: method, path, what carries the query, its
    length and SHA-256 prefix, and its raw first bytes (decoded only if the worker dies, by
    :func:`describe_record`: a few microseconds per request)."""
    if body:
        what, data = "body", body
    elif query_string:
        what, data = "query string", query_string.encode("latin-1", "replace")
    else:
        return f"{method} {path}".encode("utf-8", "replace")
    digest = hashlib.sha256(data).hexdigest()[:12]
    head = f"{method} {path}\0{what}\0{len(data)}\0{digest}\0".encode("utf-8", "replace")
    return head + data[:SLOT_BYTES]


def describe_record(record: bytes, limit: int = 300) -> str:
    """One line naming a request from its record: method, path, the length and a hash of its
    query string or body, and a printable prefix of it (decoded, escapes shown).

    >>> describe_record(request_record("GET", "/sparql", "query=ASK%7B%7B%7D%7D", None))
    "GET /sparql [query string 21 bytes, sha256 21b80f8b9606] 'query=ASK{{}}'"
    >>> describe_record(request_record("POST", "/update", "", b"INSERT DATA {}"))[:34]
    'POST /update [body 14 bytes, sha25'
    """
    parts = record.split(b"\0", 4)
    if len(parts) < 5:
        return record.decode("utf-8", "replace")
    first, what, length, digest, data = (p.decode("utf-8", "replace") for p in parts)
    text = unquote_plus(data, errors="replace") if what == "query string" else data
    return f"{first} [{what} {length} bytes, sha256 {digest}] {text[:limit]!r}"


class InFlight:
    """The in-flight slots of one worker process, a memory-mapped file ``<dir>/<pid>``."""

    def __init__(self, directory: Path, pid: int | None = None) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / str(pid or os.getpid())
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.ftruncate(fd, SLOTS * SLOT_BYTES)
            self._map = mmap.mmap(fd, SLOTS * SLOT_BYTES)
        finally:
            os.close(fd)
        self._local = threading.local()
        self._next = 0
        self._lock = threading.Lock()

    def _slot(self) -> int:
        slot = getattr(self._local, "slot", None)
        if slot is None:
            with self._lock:
                slot = self._local.slot = self._next % SLOTS
                self._next += 1
        return slot  # type: ignore[no-any-return]

    def enter(self, record: bytes) -> None:
        """Record the request this thread starts answering (:func:`request_record`)."""
        data = record[:SLOT_BYTES - 2] + b"\0\0"  # two NULs end a record
        start = self._slot() * SLOT_BYTES
        self._map[start:start + len(data)] = data

    def leave(self) -> None:
        """This thread's request is answered."""
        start = self._slot() * SLOT_BYTES
        self._map[start] = 0


def read_in_flight(directory: Path, pid: int, remove: bool = True) -> list[str]:
    """The requests a (dead) worker process was answering, read from its slots.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> f = InFlight(d, pid=4242); f.enter(request_record("GET", "/sparql", "query=ASK", None))
    >>> read_in_flight(d, 4242)
    ["GET /sparql [query string 9 bytes, sha256 dbe1771c1326] 'query=ASK'"]
    >>> read_in_flight(d, 4242)
    []
    """
    path = Path(directory) / str(pid)
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if remove:
        with contextlib.suppress(OSError):
            path.unlink()
    found = []
    for i in range(0, len(data), SLOT_BYTES):
        slot = data[i:i + SLOT_BYTES]
        if slot[:1] != b"\0":
            found.append(describe_record(slot.split(b"\0\0", 1)[0]))
    return found


class RecordInFlight:
    """WSGI middleware: each request in its thread's slot of :class:`InFlight` while the
    app answers it."""

    def __init__(self, app: WSGIApp, in_flight: InFlight) -> None:
        self.app = app
        self.in_flight = in_flight

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        body = None
        if environ.get("REQUEST_METHOD") == "POST":
            body = _peek_body(environ)
        if body is None:  # clients repeat their requests: hash each query string once
            record = _get_record(environ.get("REQUEST_METHOD", "?"), environ.get("PATH_INFO", ""),
                                 environ.get("QUERY_STRING", ""))
        else:
            record = request_record(environ.get("REQUEST_METHOD", "?"),
                                    environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""),
                                    body)
        self.in_flight.enter(record)
        try:
            return self.app(environ, start_response)
        finally:
            self.in_flight.leave()


@functools.lru_cache(maxsize=1024)
def _get_record(method: str, path: str, query_string: str) -> bytes:
    return request_record(method, path, query_string, None)


def _peek_body(environ: dict[str, Any]) -> bytes | None:
    """Read a small request body and put it back as ``wsgi.input``."""
    try:
        n = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        return None
    if not 0 < n <= BODY_PEEK:
        return None
    body: bytes = environ["wsgi.input"].read(n)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    return body


# ---------------------------------------------------------------- the main process


class SupervisedServer(MPServer):  # type: ignore[misc]
    """granian's multi-process server with a supervision that never gives up on a worker.

    ``healthy()`` says whether the store can still be served; ``in_flight_dir`` is where the
    workers record their requests in flight."""

    def __init__(self, *args: Any, healthy: Callable[[], str | None],
                 in_flight_dir: Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.healthy = healthy
        self.in_flight_dir = Path(in_flight_dir)
        self.crashes: dict[int, int] = {}  # worker index -> quick crashes in a row
        self.exit_code = 0

    def _init_shared_socket(self) -> None:
        """One listening socket, made here and inherited by every worker, on Linux too.

        granian makes one ``SO_REUSEPORT`` socket per worker on Linux. The kernel then queues
        each new connection on one worker's socket, chosen at the handshake; when that
        worker is replaced (a runaway query, a crash), its socket is closed with the
        connections still queued on it, and their clients see the connection reset or
        closed without an answer. With one shared socket the queue outlives any worker: a
        worker that stops accepting leaves its share to the others."""
        if self.bind_uds:
            super()._init_shared_socket()
            return
        from granian.net import SocketSpec

        self._ssp = None
        self._shd = SocketSpec(self.bind_addr, self.bind_port, self.backlog).build()
        self._sfd = self._shd.get_fd()
        sock = socket.socket(fileno=self._sfd)
        sock.set_inheritable(True)
        self._sso = sock

    def _on_crash(self, idx: int) -> float:
        """Log a dead worker and what it was answering; the delay before its restart."""
        wrk = self.wrks[idx]
        pid, code = wrk.inner.pid, wrk.inner.exitcode
        how = (f"killed by {signal.Signals(-code).name}" if code is not None and code < 0
               else f"exit status {code}")
        requests = read_in_flight(self.in_flight_dir, pid)
        if requests:
            for r in requests:
                log.error("worker-%d (pid %d) died (%s) while answering: %s",
                          idx + 1, pid, how, r)
        else:
            log.error("worker-%d (pid %d) died (%s) with no request in flight",
                      idx + 1, pid, how)
        lived = time.monotonic() - wrk.birth
        n = self.crashes.get(idx, 0) + 1 if lived < QUICK_CRASH else 0
        self.crashes[idx] = n
        delay = 0.0 if n == 0 else min(0.25 * 2 ** (n - 1), MAX_BACKOFF)
        others = [w for i, w in enumerate(self.wrks) if i != idx and w.is_alive()]
        if not others:  # nothing answers meanwhile: the port must not stay refused
            delay = min(delay, 1.0)
        log.warning("worker-%d will be replaced in %.2f s (%d quick crashes in a row)",
                    idx + 1, delay, n)
        return delay

    def _serve_loop(self, spawn_target: Any, target_loader: Any) -> None:
        due: dict[int, float] = {}  # dead worker index -> when to start its replacement
        while True:
            wait = max(min(due.values()) - time.monotonic(), 0) if due else None
            self.main_loop_interrupt.wait(wait)
            self.main_loop_interrupt.clear()  # before the flags are read: no wake-up lost
            if self.interrupt_signal:
                break
            if self.interrupt_children:
                dead = list(self.interrupt_children)
                self.interrupt_children.clear()
                for idx in dead:
                    due[idx] = time.monotonic() + self._on_crash(idx)
                problem = self.healthy()
                if problem:
                    log.error("the store cannot be served (%s): stopping", problem)
                    self.exit_code = 1
                    break
            now = time.monotonic()
            for idx in [i for i, t in due.items() if t <= now]:
                del due[idx]
                self._respawn_workers([idx], spawn_target, target_loader)
            if self.reload_signal:
                self.reload_signal = False
                asked = self._recycle_requests()
                if asked is None:  # SIGHUP from an operator: replace them all
                    every = list(range(len(self.wrks)))
                    log.info("SIGHUP: replacing every worker")
                    self._call_hooks(self.hooks_reload)
                    for idx in every:
                        due.pop(idx, None)
                    self._respawn_workers(every, spawn_target, target_loader)
                else:
                    idxs = [i for i, w in enumerate(self.wrks) if w.inner.pid in asked]
                    self._respawn_workers(idxs, spawn_target, target_loader)

    def _recycle_requests(self) -> set[int] | None:
        """The pids of the workers that asked to be replaced (:func:`ask_to_be_replaced`),
        or None if none did (the SIGHUP came from elsewhere)."""
        files = list(self.in_flight_dir.glob("*.recycle"))
        if not files:
            return None
        pids = set()
        for f in files:
            with contextlib.suppress(ValueError):
                pids.add(int(f.name.split(".", 1)[0]))
            with contextlib.suppress(OSError):
                f.unlink()
        return pids

    def _respawn_workers(self, workers: list[int], spawn_target: Any, target_loader: Any,
                         delay: float = 0.0) -> None:
        """Replace the workers at ``workers``: start every new one at once, and in the
        background, once each serves, stop the old one it replaces (if alive). granian's
        version stops the old worker after a fixed delay, ready or not, and waits for it:
        during a graceful reload under load no worker listened, and connections were refused.

        The main loop never waits for a worker to start: after a burst of runaway queries
        every worker asks to be replaced within moments, and replaced one after another
        (each start a second or two of CPU, many more on a loaded machine) the last one
        answered "busy" until all the others had started (issue 15)."""
        for idx in workers:
            self.respawned_wrks[idx] = time.monotonic()
            old = self.wrks[idx]
            new = self._spawn_worker(idx=idx, target=spawn_target,
                                     callback_loader=target_loader)
            new.start()
            self.wrks[idx] = new
            if old.is_alive():
                threading.Thread(target=self._replace, args=(idx, old, new),
                                 name="diplograph-reap", daemon=True).start()
            else:
                old.join(1)
        self._metrics.incr_spawn(len(workers))

    def _replace(self, idx: int, old: Any, new: Any) -> None:
        """Once ``new`` serves, stop ``old``, the worker it replaces (a thread of its own)."""
        self._wait_ready(new)
        log.info("worker-%d (pid %d) replaced by pid %d: stopping the old one",
                 idx + 1, old.inner.pid, new.inner.pid)
        self._retire(old)

    def _wait_ready(self, wrk: Any, timeout: float = 60.0) -> None:
        """Wait until ``wrk`` has built its app (its in-flight file exists) and listens."""
        marker = self.in_flight_dir / str(wrk.inner.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and wrk.is_alive() and not marker.exists():
            time.sleep(0.05)
        time.sleep(0.3)  # from the app built to the socket listening

    def _retire(self, wrk: Any) -> None:
        """Stop a replaced worker without dropping a connection: first it stops accepting
        (:func:`stop_accepting`, asked through ``<pid>.drain``), then the requests it has
        taken are answered, then it is terminated and reaped.

        A worker told to stop (SIGTERM) closes at once the connections it has accepted but
        not yet read a request from (granian's graceful shutdown treats them as idle): their
        clients saw "connection closed without response" whenever a light request arrived in
        the last milliseconds before a replaced worker was stopped (issue 14, defect 6)."""
        pid = wrk.inner.pid
        drain = self.in_flight_dir / f"{pid}.drain"
        with contextlib.suppress(OSError):
            drain.touch()
        deadline = time.monotonic() + DRAIN_TIMEOUT
        acked = self.in_flight_dir / f"{pid}.draining"
        while time.monotonic() < deadline and wrk.is_alive() and not acked.exists():
            time.sleep(0.02)
        if acked.exists():
            # what it accepted before the filter reaches a request thread within moments
            time.sleep(DRAIN_GRACE)
            while (time.monotonic() < deadline and wrk.is_alive()
                   and read_in_flight(self.in_flight_dir, pid, remove=False)):
                time.sleep(0.02)
        else:
            log.warning("worker pid %d did not confirm it stopped accepting: stopping it",
                        pid)
        if wrk.is_alive():
            wrk.terminate()
        self._reap(wrk)
        for marker in (drain, acked):
            with contextlib.suppress(OSError):
                marker.unlink()

    def _reap(self, wrk: Any) -> None:
        wrk.join(self.workers_kill_timeout)
        if wrk.is_alive():
            time.sleep(0.01)  # just exited, not yet reaped (as granian does)
        if wrk.is_alive():
            log.warning("worker pid %d did not stop within %s s: killed", wrk.inner.pid,
                        self.workers_kill_timeout)
            wrk.kill()
            wrk.join()
        with contextlib.suppress(OSError):
            (self.in_flight_dir / str(wrk.inner.pid)).unlink()

    def _serve(self, spawn_target: Any, target_loader: Any) -> None:
        self.startup(spawn_target, target_loader)
        self._serve_loop(spawn_target, target_loader)
        self.shutdown(self.exit_code)


# ---------------------------------------------------------------- the worker side


def ask_to_be_replaced(directory: Path, supervisor: int) -> bool:
    """Ask the supervisor (pid ``supervisor``, which must be this process's parent) to
    replace this worker gracefully; whether the request was sent."""
    if os.getppid() != supervisor:
        return False  # never signal a stranger
    Path(directory).mkdir(parents=True, exist_ok=True)
    (Path(directory) / f"{os.getpid()}.recycle").touch()
    os.kill(supervisor, signal.SIGHUP)
    return True


_PR_SET_PDEATHSIG = 1
#: seconds the watch process (:mod:`.worker_watch`) waits beyond the worker's own deadline
WATCH_MARGIN = 2.0
_watches: list[subprocess.Popen[bytes]] = []  # kept, so that the watch is reaped


def _start_watch(parent: int, after: float) -> None:
    """Start the watch process that SIGKILLs this worker ``after`` s after ``parent`` ended
    (see :mod:`.worker_watch`); without pidfds (Linux < 5.3), nothing."""
    if not hasattr(os, "pidfd_open"):
        return
    script = Path(__file__).with_name("worker_watch.py")
    try:
        _watches.append(subprocess.Popen(
            [sys.executable, "-I", "-S", str(script), str(parent), str(os.getpid()),
             f"{after:g}"], stdin=subprocess.DEVNULL, close_fds=True))
    except OSError as e:
        log.warning("worker %d: no watch process (%s): only the worker's own deadline ends it "
                    "if its server dies", os.getpid(), e)


def die_with_parent(parent: int, grace: float = 5.0) -> None:
    """End this process when ``parent`` is no longer its parent (see the module docstring).

    The kernel's SIGTERM asks granian to stop gracefully; whatever holds the exit up (an
    answer in flight, the interpreter's teardown), the process ends ``grace`` s later: the
    deadline is :func:`faulthandler.dump_traceback_later`'s, a thread in C that needs no GIL
    and still runs while the interpreter is finalizing (when daemon threads such as the
    watchdog below no longer run: a worker outlived its server by more than 15 s that way in
    a loaded CI run). It writes every thread's stack to the log first: what held the exit up.
    It is armed by the watchdog when it sees the parent gone, and again by an ``atexit``
    function, which runs before the teardown however the stop began. Neither runs while a
    thread sleeps in a call that holds the GIL; the watch process started here (a child that
    needs no Python of the worker's) sends SIGKILL :data:`WATCH_MARGIN` s after the deadline."""
    # The worker is forked with the main process's handler, which only sets a flag of the
    # main process's: a SIGTERM while the worker starts (its server died, or stops it) would
    # be lost. Until granian sets its own once the app is built, the default: end at once.
    with contextlib.suppress(ValueError):  # (not the main thread: granian's concern)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the call above
        log.error("worker %d: the server (pid %d) is gone: exiting", os.getpid(), parent)
        os._exit(1)
    _start_watch(parent, grace + WATCH_MARGIN)

    directory = os.environ.get(IN_FLIGHT_ENV)
    drain = Path(directory) / f"{os.getpid()}.drain" if directory else None
    armed = threading.Lock()

    def arm_deadline() -> None:
        """Once: from now on the process has ``grace`` s to end."""
        if os.getppid() != parent and armed.acquire(blocking=False):
            faulthandler.dump_traceback_later(grace, exit=True)

    def watch() -> None:
        draining = False
        while os.getppid() == parent:
            time.sleep(0.05)
            if drain is not None and not draining and drain.exists():
                draining = True
                stop_accepting()
                with contextlib.suppress(OSError):
                    drain.with_suffix(".draining").touch()
        arm_deadline()
        log.error("worker %d: the server (pid %d) is gone: exiting", os.getpid(), parent)
        with contextlib.suppress(OSError):
            os.kill(os.getpid(), signal.SIGTERM)

    atexit.register(arm_deadline)
    threading.Thread(target=watch, name="diplograph-parent-watch", daemon=True).start()


# ---------------------------------------------------------------- no new connections


_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
#: machine -> (__NR_accept, __NR_accept4, __NR_seccomp)
_ACCEPT_NR = {"x86_64": (43, 288, 317), "aarch64": (202, 242, 277)}


def accept_filter(machine: str) -> list[tuple[int, int, int, int]]:
    """The BPF program (``code, jt, jf, k``) under which ``accept``/``accept4`` fail with
    ``EAGAIN`` and every other system call runs as before.

    >>> len(accept_filter("x86_64"))
    8
    """
    ld, jeq, ret = 0x20, 0x15, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_RET|K
    allow, again = 0x7FFF0000, 0x00050000 | errno.EAGAIN
    nr_accept, nr_accept4, _ = _ACCEPT_NR[machine]
    return [
        (ld, 0, 0, 4),  # seccomp_data.arch
        (jeq, 1, 0, _AUDIT_ARCH[machine]),
        (ret, 0, 0, allow),  # another ABI: not ours to change
        (ld, 0, 0, 0),  # seccomp_data.nr
        (jeq, 2, 0, nr_accept),
        (jeq, 1, 0, nr_accept4),
        (ret, 0, 0, allow),
        (ret, 0, 0, again),
    ]


class _Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def stop_accepting() -> bool:
    """From now on this process accepts no connection (every thread: the listening socket is
    shared, so the other workers take them); whether that could be arranged.

    The accept loop sees ``EAGAIN`` ("nothing to accept") and waits, and a new connection
    stays in the shared queue for another worker. Done with a seccomp filter (Linux), the
    same means as :mod:`..graph.egress`; without it the worker is stopped as before."""
    import platform
    import struct

    machine = platform.machine()
    if machine not in _ACCEPT_NR:
        return False
    prog = accept_filter(machine)
    raw = b"".join(struct.pack("=HBBI", *ins) for ins in prog)
    buf = ctypes.create_string_buffer(raw, len(raw))
    fprog = _Fprog(len(prog), ctypes.cast(buf, ctypes.c_void_p))
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                               ctypes.c_ulong]
        if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            return False
        libc.syscall.restype = ctypes.c_long
        rc = libc.syscall(ctypes.c_long(_ACCEPT_NR[machine][2]), ctypes.c_ulong(1),
                          ctypes.c_ulong(1), ctypes.byref(fprog))  # SET_MODE_FILTER, TSYNC
    except (OSError, AttributeError):
        return False
    if rc != 0:
        log.warning("worker %d: could not stop accepting (seccomp: %s)", os.getpid(),
                    os.strerror(ctypes.get_errno()) if rc < 0 else f"thread {rc}")
        return False
    log.info("worker %d stopped accepting connections", os.getpid())
    return True
