"""Start, probe and stop the servers under test, each on 127.0.0.1 and a free port.

* ``diplograph``: ``diplograph serve --store DIR`` (granian, one worker process per CPU, queries
  in threads on a checkpoint of the store) with its result cache as configured by default
  (``--cache-mb 64``), or ``--cache-mb N``.
* ``diplograph-nocache``: the same with ``--cache-mb 0`` (cache off), on its own copy of the
  store (a running service holds its store: one service per directory).
* ``oxigraph``: ``oxigraph serve --location DIR --union-default-graph`` (Rust, same engine);
  the union flag makes it answer like diplograph, whose default graph is the union.
* ``rdflib-endpoint``: ``rdflib-endpoint serve FILE.nq`` (rdflib in memory, union default
  graph, FastAPI + uvicorn); only for small sizes (:data:`RDFLIB_MAX_QUADS`).
* ``python-minimal``: ``bench/minimal.py`` on a read-only copy of the diplograph store: uvloop +
  httptools, one process per CPU, queries inline, no safety at all. Not an endpoint: the
  ceiling of any Python serving layer on pyoxigraph (see that module).
* ``trivial``: ``oxigraph serve`` on an empty in-memory store answering ``ASK {}``, used to
  measure the ceiling of the load generator itself.

Every server is a child process started here; :meth:`Server.stop` ends it and any process
left in its tree, by pid.
"""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from .load import tool

RDFLIB_MAX_QUADS = 300_000
ASK = "ASK {}"


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(psutil.Process(pid).memory_info().rss)
    except psutil.Error:
        return 0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running server under test."""

    name: str
    port: int
    path: str  # the query endpoint path, e.g. /sparql
    proc: subprocess.Popen[bytes]
    log: Path
    command: list[str]
    started_s: float = 0.0
    named_path: str | None = None  # e.g. /queries (diplograph only)
    extra: dict[str, str] = field(default_factory=dict)
    health_path: str | None = None  # e.g. /health (diplograph: result cache statistics)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    def pids(self) -> list[int]:
        """The server process and all its descendants."""
        try:
            p = psutil.Process(self.proc.pid)
            return [p.pid, *(c.pid for c in p.children(recursive=True))]
        except psutil.Error:
            return []

    def rss_mb(self) -> float:
        """The memory of the server's process tree, in MB: the sum of each process's PSS
        (proportional set size: a page shared by n processes counts 1/n in each), so that
        the interpreter, libraries and store files mapped by several worker processes are
        counted once; plain RSS where PSS cannot be read."""
        total = 0
        for pid in self.pids():
            total += _pss_bytes(pid)
        return total / 2**20

    def cache_stats(self) -> dict[str, int] | None:
        """The one response cache of ``/health`` (``cache``): entries, bytes, hits, misses,
        max_bytes, summed over the worker processes, and their number (``processes``)."""
        if not self.health_path:
            return None
        time.sleep(0.3)  # each worker process publishes its counters every 0.25 s
        try:
            status, body = fetch(self.port, self.health_path, "application/json", timeout=10)
            if status != 200:
                return None
            health = json.loads(body)
        except (OSError, ValueError, http.client.HTTPException):
            return None
        cache = health.get("cache")
        if not isinstance(cache, dict):
            return None
        out = {k: int(v) for k, v in cache.items()}
        out["processes"] = int(health.get("processes", 1))
        return out

    def log_tail(self, n: int = 2000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-n:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Terminate the server; kill what remains of its process tree (by pid)."""
        pids = self.pids()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for pid in pids[1:]:
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass


def probe(port: int, path: str, query: str = ASK, timeout: float = 5) -> int:
    """The status of one GET query, or 0 when the connection fails."""
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request("GET", f"{path}?{urllib.parse.urlencode({'query': query})}",
                  headers={"Accept": "application/sparql-results+json"})
        r = c.getresponse()
        r.read()
        c.close()
        return r.status
    except OSError:
        return 0


def fetch(port: int, target: str, accept: str, timeout: float = 120) -> tuple[int, bytes]:
    """One GET: its status and body."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", target, headers={"Accept": accept})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def _spawn(name: str, cmd: list[str], port: int, path: str, log: Path,
           ready_timeout: float) -> Server:
    log.parent.mkdir(parents=True, exist_ok=True)
    fh = open(log, "wb")  # noqa: SIM115 - the child keeps it
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    fh.close()
    srv = Server(name, port, path, proc, log, cmd)
    deadline = t0 + ready_timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited ({proc.returncode}) before it was ready:\n"
                               f"{srv.log_tail()}")
        if probe(port, path, timeout=2) == 200:
            srv.started_s = time.perf_counter() - t0
            return srv
        time.sleep(0.1)
    srv.stop()
    raise RuntimeError(f"{name} not ready after {ready_timeout} s:\n{srv.log_tail()}")


def start_diplograph(store: Path, log: Path, *, workers: int | None = None,
                     threads: int | None = None, timeout: float = 30,
                     cache_mb: int | None = None, name: str = "diplograph") -> Server:
    """``diplograph serve`` on ``store``; ``cache_mb`` None keeps the server's default
    result cache, 0 switches it off (``--cache-mb 0``)."""
    port = free_port()
    cmd = [tool("diplograph"), "serve", "--store", str(store), "--host", "127.0.0.1",
           "--port", str(port), "--timeout", str(timeout)]
    if workers:
        cmd += ["--workers", str(workers)]
    if threads:
        cmd += ["--threads", str(threads)]
    if cache_mb is not None:
        cmd += ["--cache-mb", str(cache_mb)]
    srv = _spawn(name, cmd, port, "/sparql", log, 120)
    srv.named_path = "/queries"
    srv.health_path = "/health"
    return srv


def copy_store(src: Path, dst: Path) -> Path:
    """A fresh copy of the store directory ``src`` at ``dst`` (and no stale checkpoints of an
    earlier server on ``dst``), so a second read-write server can open it."""
    for d in (dst, dst.with_name(dst.name + ".snapshots")):
        shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, dst)
    return dst


def start_oxigraph(store: Path | None, log: Path, *, timeout: float | None = None) -> Server:
    """``oxigraph serve`` on ``store`` (in memory when None), union default graph.

    No ``--timeout-s`` by default (its default too): see the comment below.
    """
    port = free_port()
    cmd = [tool("oxigraph"), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    if timeout:
        # 0.5.13 starts one thread per query for the deadline: under load (hundreds of
        # requests/s) thread creation fails (EAGAIN) and it answers 500, then panics
        cmd += ["--timeout-s", str(int(timeout))]
    if store is not None:
        cmd += ["--location", str(store)]
    return _spawn("oxigraph" if store else "trivial", cmd, port, "/query", log, 60)


def start_rdflib_endpoint(nquads: Path, log: Path) -> Server:
    """``rdflib-endpoint serve FILE`` (loads the file into memory first: slow)."""
    port = free_port()
    cmd = [tool("rdflib-endpoint"), "serve", str(nquads), "--host", "127.0.0.1",
           "--port", str(port)]
    return _spawn("rdflib-endpoint", cmd, port, "/", log, 900)


def start_python_minimal(store: Path, log: Path) -> Server:
    """``bench/minimal.py`` on ``store`` (opened read-only), one process per CPU."""
    port = free_port()
    cmd = [sys.executable, str(Path(__file__).with_name("minimal.py")), str(store), str(port)]
    return _spawn("python-minimal", cmd, port, "/sparql", log, 60)


def has_diplograph_serve() -> bool:
    """Whether ``diplograph serve`` exists yet."""
    r = subprocess.run([tool("diplograph"), "serve", "--help"], capture_output=True)
    return r.returncode == 0
