"""CPU per request of the uncached ``GET /sparql`` path, in process (``python -m bench.hot_path``).

Counts the per-request Python work that stands between diplograph and pyoxigraph, with no
HTTP server and no load generator on the cores (so the figures move little on a shared
machine): the worker's whole WSGI stack (the app :func:`diplograph.server.run.worker_app`
serves, with the result cache off, the access log written as in a worker) called in one
thread over a mix of ``bench/mixes.py``, against pyoxigraph alone (query and serialisation,
the same texts and formats) on the same store. Prints CPU microseconds per request of both
(medians of ``--rounds``), the difference, and with ``--profile`` the functions where the
difference goes (cProfile, by own time).

Usage: ``python -m bench.hot_path [--size 1m] [--mix light] [--n 4000] [--profile]`` on the
stores of the last ``python -m bench run --size N`` (a copy is made; the originals are not
touched).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import shutil
import statistics
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

from .mixes import build_mix, sample_params

WORK = Path(__file__).resolve().parent / "work"


def environ_for(target: str, accept: str, port: int = 8000) -> dict[str, Any]:
    """A WSGI environ for ``GET target`` as granian builds it (the keys the app reads).

    >>> environ_for("/sparql?query=ASK%7B%7D", "text/csv")["QUERY_STRING"]
    'query=ASK%7B%7D'
    """
    path, _, qs = target.partition("?")
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": urllib.parse.unquote(path), "QUERY_STRING": qs,
        "SCRIPT_NAME": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": f"127.0.0.1:{port}",
        "HTTP_ACCEPT": accept, "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(), "wsgi.version": (1, 0), "wsgi.multithread": True,
        "wsgi.multiprocess": True, "wsgi.run_once": False,
    }


def _start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
    if not status.startswith("200"):
        raise RuntimeError(f"the app answered {status}")


def _cpu_per_request(call: Any, items: list[Any], n: int) -> float:  # noqa: ANN401
    """CPU µs (user + sys of the whole process, every thread) per call of ``call(item)``."""
    t0 = time.process_time()
    for i in range(n):
        call(items[i % len(items)])
    return (time.process_time() - t0) / n * 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.hot_path", description=__doc__)
    ap.add_argument("--size", default="1m")
    ap.add_argument("--mix", default="light")
    ap.add_argument("--n", type=int, default=4000, help="requests per round [4000]")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--profile", action="store_true", help="cProfile one round of the app")
    a = ap.parse_args(argv)

    import pyoxigraph as ox

    work = WORK / a.size
    scratch = Path(tempfile.mkdtemp(prefix="hot-path-", dir=work))
    store = scratch / "store"
    shutil.copytree(work / "store-readonly", store)
    # the worker's logging: one access-log line per request, its cheap record settings
    logging.basicConfig(level=logging.INFO, stream=open(os.devnull, "w"),  # noqa: SIM115
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # as ``diplograph serve`` sets them for its workers (links fixed, requests in flight kept)
    os.environ.update({"DIPLOGRAPH_STORE": str(store), "DIPLOGRAPH_CACHE_MB": "0",
                       "DIPLOGRAPH_PUBLIC_URL": "http://127.0.0.1:8000/",
                       "DIPLOGRAPH_IN_FLIGHT_DIR": str(scratch / "in-flight")})
    from diplograph.server.run import worker_app

    try:
        wsgi = worker_app()
        ro = ox.Store.read_only(str(work / "store-readonly"))
        requests = build_mix(a.mix, sample_params(ro, seed=a.seed), seed=a.seed)
        environs = [environ_for(q.target("/sparql"), q.accept) for q in requests]

        def app_call(env: dict[str, Any]) -> None:
            env = dict(env)
            for _ in wsgi(env, _start_response):
                pass

        def bare_call(q: Any) -> None:  # noqa: ANN401
            res = ro.query(q.sparql, use_default_graph_as_union=True)
            if isinstance(res, ox.QueryTriples):
                res.serialize(format=ox.RdfFormat.TURTLE)
            else:  # solutions and booleans
                res.serialize(format=ox.QueryResultsFormat.JSON)

        for env in environs:  # warm: memos, the checkpoint handle, the engine's caches
            app_call(env)
        for q in requests:
            bare_call(q)
        app_us, bare_us = [], []
        for _ in range(a.rounds):  # interleaved, so machine load hits both alike
            app_us.append(_cpu_per_request(app_call, environs, a.n))
            bare_us.append(_cpu_per_request(bare_call, requests, a.n))
        app_m, bare_m = statistics.median(app_us), statistics.median(bare_us)
        print(f"{a.mix} mix, {a.size}, CPU µs per request (medians of {a.rounds} rounds of "
              f"{a.n}; load average {os.getloadavg()[0]:.1f}):")
        for label, m, xs in (("pyoxigraph alone", bare_m, bare_us),
                             ("diplograph WSGI path", app_m, app_us)):
            print(f"  {label:22}{m:8.1f}  (rounds {', '.join(f'{x:.0f}' for x in xs)})")
        print(f"  per-request overhead  {app_m - bare_m:8.1f}")
        if a.profile:
            prof = cProfile.Profile()
            prof.enable()
            for i in range(a.n):
                app_call(environs[i % len(environs)])
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
            print(out.getvalue())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
