"""Serve the SPARQL service with granian (``diplograph serve --help``).

The process model:

- The **main process** publishes generation 0 of the store's checkpoints
  (:mod:`diplograph.graph.checkpoints`), then runs granian, which starts ``workers`` worker
  processes and supervises them. It removes the checkpoints when it stops.
- Each **worker process** builds the Flask app (:func:`worker_app`) and answers HTTP requests
  in ``threads`` threads; each query runs in one of ``threads`` query threads of the same
  process, on a read-only handle of the newest checkpoint (``isolation="thread"``): no hop
  between processes, and pyoxigraph runs the queries of all threads and processes in
  parallel.
- **Writes** (SPARQL Update, Graph Store) may arrive at any worker: the worker takes the
  store's write lock, opens it read-write, applies the change, publishes a new checkpoint and
  closes it; every worker sees the new checkpoint on its next request.
- **Time limits**: a query past the limit gets 503 at once, and its worker process asks the
  main process (a file naming it, then SIGHUP) to replace it gracefully: a new process starts,
  and once it serves, the old one finishes its other requests and exits, or is killed if a
  runaway query keeps it alive (pyoxigraph cannot stop a query). See docs/endpoint.md.
- **Supervision** (:mod:`.supervisor`): a worker that dies is replaced, always (with a backoff
  if it keeps dying at once), and the log names the requests it was answering; workers die
  with the main process.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["serve", "worker_app"]

#: set by ``serve`` for its worker processes: the checkpoints are published
PREPARED_ENV = "DIPLOGRAPH_CHECKPOINTS_PREPARED"
#: set by ``serve``: the pid of the server's main process, the workers' only parent
SUPERVISOR_ENV = "DIPLOGRAPH_SUPERVISOR_PID"
#: set by ``serve``: where the workers record their requests in flight (server/supervisor.py)
IN_FLIGHT_ENV = "DIPLOGRAPH_IN_FLIGHT_DIR"

log = logging.getLogger("diplograph.server")

_recycling = threading.Lock()


def _recycle_workers() -> None:
    """A query overran its time limit in this process: ask the server's main process (our
    parent) to replace this worker gracefully. One request per process is enough."""
    if not _recycling.acquire(blocking=False):
        return
    from .supervisor import ask_to_be_replaced

    parent = os.getppid()
    supervisor = int(os.environ.get(SUPERVISOR_ENV) or 0)
    log.warning("a query overran its time limit: asking the server (pid %d) to replace "
                "worker process %d", parent, os.getpid())
    try:
        if not ask_to_be_replaced(Path(os.environ.get(IN_FLIGHT_ENV) or "."), supervisor):
            # our server is gone (the watchdog ends this process): never signal a stranger
            log.error("the server that started worker process %d is gone: not signalling "
                      "pid %d", os.getpid(), parent)
    except OSError:
        log.exception("could not signal the server")


def worker_app() -> Any:
    """The WSGI app of one worker process (granian calls this factory in each worker).

    Settings come from the ``DIPLOGRAPH_*`` environment that :func:`serve` set."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # One access-log line per request: skip what our format never prints (the Logging
    # HOWTO's "Optimization" section); it saves a fifth of the cost of each line (9 -> 7 us).
    logging._srcfile = None  # type: ignore[attr-defined]  # no caller lookup
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    from .app import create_app
    from .public_url import PublicURL
    from .supervisor import InFlight, RecordInFlight, die_with_parent

    supervisor = os.environ.get(SUPERVISOR_ENV)
    if supervisor:  # no worker outlives its server (kill -9 of the main process)
        die_with_parent(int(supervisor))
    prepared = os.environ.get(PREPARED_ENV) == "1"
    app = create_app({"DIPLOGRAPH_ISOLATION": "thread", "DIPLOGRAPH_PREPARED": prepared})
    app.extensions["diplograph"].on_overrun = _recycle_workers
    from ..graph.egress import before_first_call  # no network sockets once serving (#14)

    wsgi = app.wsgi_app
    if app.config.get("DIPLOGRAPH_ENGINE"):
        # the worker must reach the engine, so no socket filter: the text check refuses
        # SERVICE and LOAD before anything is sent (docs/engines.md)
        if app.config.get("DIPLOGRAPH_PUBLIC_URL"):
            wsgi = PublicURL(wsgi, app.config["DIPLOGRAPH_PUBLIC_URL"])
        in_flight = os.environ.get(IN_FLIGHT_ENV)
        if in_flight:
            wsgi = RecordInFlight(wsgi, InFlight(Path(in_flight)))
        return wsgi
    if app.config.get("DIPLOGRAPH_PUBLIC_URL"):  # links never follow the request's Host
        wsgi = PublicURL(wsgi, app.config["DIPLOGRAPH_PUBLIC_URL"])
    in_flight = os.environ.get(IN_FLIGHT_ENV)
    if in_flight:  # named in the log if this process crashes
        wsgi = RecordInFlight(wsgi, InFlight(Path(in_flight)))
    # What the app holds from now on (modules, templates, the ontology, the registry) lives as
    # long as the worker: keep it out of the collector's full passes, which a page of 500 rows
    # sets off (0.07-0.11 s of CPU each for the USA's page; 0.02-0.05 s once frozen).
    gc.collect()
    gc.freeze()
    return before_first_call(wsgi, os.environ.get("DIPLOGRAPH_ALLOW_FEDERATION", ""),
                             what="worker process")


def _check_port_free(host: str, port: int) -> None:
    """Exit with a message if ``host:port`` is taken. granian binds with SO_REUSEPORT, so it
    would silently share a port with another server; a plain bind refuses."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        # as granian does: connections of an earlier server in TIME_WAIT do not hold the port
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            print(f"diplograph: cannot listen on {host}:{port}: {e.strerror}", file=sys.stderr)
            raise SystemExit(2) from None


def serve(
    store: Path | str,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
    threads: int | None = None,
    timeout: float = 30.0,
    update_token: str | None = None,
    cors: bool = False,
    allow_federation: Sequence[str] = (),
    base: str = "https://diplograph.org/",
    max_rows: int = 100_000,
    cache_mb: int = 64,
    public_url: str | None = None,
    engine: dict[str, str] | None = None,
) -> None:
    """Run the service until interrupted. ``workers``: HTTP worker processes (default: the
    number of CPUs); ``threads``: request threads, and as many query threads, per worker
    (default: 2 × CPUs + 1, at most 8); ``public_url``: the address users reach the service
    at (default: ``http://host:port/``), the base of every link it writes; ``engine``: the
    ``DIPLOGRAPH_ENGINE*`` settings of an external engine to serve instead of ``store`` (no
    checkpoints then: the engine is the only copy, see docs/engines.md)."""
    from granian.constants import Interfaces
    from granian.log import LogLevels

    from ..graph.checkpoints import Checkpoints, prepare_in_subprocess
    from ..graph.errors import DiplographError
    from .config import load_config
    from .public_url import default_public_url
    from .search_index import start_builder
    from .supervisor import SupervisedServer

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    cpus = max(os.cpu_count() or 1, 1)
    workers = workers or cpus
    threads = threads or min(2 * cpus + 1, 8)
    settings: dict[str, Any] = {
        "DIPLOGRAPH_STORE": str(store),
        "DIPLOGRAPH_QUERY_TIMEOUT": timeout,
        "DIPLOGRAPH_QUERY_WORKERS": threads,
        "DIPLOGRAPH_UPDATE_TOKEN": update_token or "",
        "DIPLOGRAPH_CORS": "1" if cors else "0",
        "DIPLOGRAPH_ALLOW_FEDERATION": " ".join(allow_federation),
        "DIPLOGRAPH_BASE": base,
        "DIPLOGRAPH_MAX_ROWS": max_rows,
        "DIPLOGRAPH_CACHE_MB": cache_mb,
        "DIPLOGRAPH_PUBLIC_URL": public_url or default_public_url(host, port),
    }
    settings.update(engine or {})
    env = {k: str(v) for k, v in settings.items() if v is not None}
    checkpoints = Checkpoints(store)
    try:
        cfg = load_config(environ=env)  # fail here, with the message, not in every worker
        _check_port_free(host, port)
        if engine:  # reachable, and our catalogue readable, before any worker starts
            from .app import open_service

            open_service(cfg).remote.versions(refresh=True)  # type: ignore[union-attr]
        else:
            checkpoints.hold_serving()
            # not in this process: granian forks it, and RocksDB does not survive a fork
            prepare_in_subprocess(store, keep_seconds=timeout + 30)
    except DiplographError as e:
        print(f"diplograph: {e.message}", file=sys.stderr)
        raise SystemExit(2) from None
    os.environ.update(env)
    os.environ[PREPARED_ENV] = "0" if engine else "1"
    os.environ[SUPERVISOR_ENV] = str(os.getpid())
    in_flight = checkpoints.root / "in-flight"
    os.environ[IN_FLIGHT_ENV] = str(in_flight)
    # the search index of generation 0, built in a process of its own once the workers have
    # started (they wait for it and load it: server/search_index.py)
    builder = None if engine else start_builder(checkpoints.root, workers, in_flight)

    def healthy() -> str | None:
        """Why the store cannot be served any more, or None."""
        if engine:
            return None  # the engine's health is its own: requests report its failures
        try:
            current = checkpoints.current()
        except DiplographError as e:
            return e.message
        return None if Path(current.path).is_dir() else f"{current.path} is missing"

    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/sparql"
    served = f"engine {engine['DIPLOGRAPH_ENGINE']}" if engine else f"store {store}"
    if engine and cfg["DIPLOGRAPH_ENGINE_DATASET"] == "union":
        served += ", its union default graph, read-only"
    print(f"diplograph: serving {url} ({served}; {workers} worker processes × "
          f"{threads} threads)", file=sys.stderr, flush=True)
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        # the app's modules (Flask, the pages, the ontology's tables: about 0.35 s of CPU)
        # imported once here and inherited by every worker granian forks, instead of imported
        # again by each worker at each start: a worker replaced after a runaway query serves
        # again sooner (issue 15). Only modules: no store is opened before the fork.
        from . import app as _app  # noqa: F401

    # granian's own supervision exits after three quick crashes: ours never gives up
    server = SupervisedServer(
        "diplograph.server.run:worker_app",
        healthy=healthy,
        in_flight_dir=in_flight,
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        # two request threads more than query slots: when runaways hold every slot, a
        # request still gets a thread and hears "busy" at once instead of waiting
        blocking_threads=threads + 2,
        backlog=2048,
        respawn_failed_workers=True,
        respawn_interval=0.5,
        # a worker kept alive by a runaway query is killed after this
        workers_kill_timeout=max(5, int(timeout) + 5),
        log_level=LogLevels.info,
        log_access=False,  # the app logs one line per request with its duration
    )
    try:
        # our own loader: granian's resolves the target as a path from the current folder, which
        # goes wrong where that folder is a package (the repository's root is one)
        server.serve(target_loader=worker_app, wrap_loader=False)
    finally:
        if builder is not None:
            builder.stop()
        if not engine:
            checkpoints.remove_all()
            checkpoints.release_serving()
