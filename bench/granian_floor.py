"""What granian itself costs per request, by interface (``python -m bench.granian_floor``).

Four minimal apps on granian, each answering one fixed ASK from a read-only copy of the 1M
store (no checks, no negotiation, no log): WSGI and RSGI, each with the query run inline in
the request's thread (WSGI) or on the event loop (RSGI), or handed to a query thread as a
time limit needs (WSGI: a queue and a lock; RSGI: a queue and ``call_soon_threadsafe`` into
an awaited future). Each is driven by wrk in turn, round by round, and the CPU time of its
process tree is divided by the requests it answered: the floor under any endpoint built on
that interface, and the price of the hand-off on each. The apps are also granian targets
(``bench.granian_floor:wsgi`` / ``:rsgi``, with ``BENCH_STORE`` and ``BENCH_HANDOFF`` set).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

QUERY = "ASK { <https://diplograph.org/id/state/FRA> a <https://diplograph.org/ontology#State> }"
JSON = "application/sparql-results+json"
HANDOFF = os.environ.get("BENCH_HANDOFF") == "1"
_store: Any = None
_jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()


def _run_query() -> bytes:
    global _store
    import pyoxigraph as ox

    if _store is None:
        _store = ox.Store.read_only(os.environ["BENCH_STORE"])
    return _store.query(QUERY, use_default_graph_as_union=True).serialize(  # type: ignore[no-any-return]
        format=ox.QueryResultsFormat.JSON)


def _thread_loop() -> None:
    while True:
        job = _jobs.get()
        if len(job) == 2:  # WSGI: (lock, box)
            done, box = job
            box.append(_run_query())
            done.release()
        else:  # RSGI: (None, loop, future)
            _, loop, fut = job
            loop.call_soon_threadsafe(fut.set_result, _run_query())


if HANDOFF:
    for _ in range(5):
        threading.Thread(target=_thread_loop, daemon=True).start()


def wsgi(environ: dict[str, Any], start_response: Any) -> list[bytes]:  # noqa: ANN401
    """The WSGI app."""
    if HANDOFF:
        done = threading.Lock()
        done.acquire()
        box: list[bytes] = []
        _jobs.put((done, box))
        done.acquire(timeout=30)
        body = box[0]
    else:
        body = _run_query()
    start_response("200 OK", [("Content-Type", JSON), ("Content-Length", str(len(body)))])
    return [body]


async def rsgi(scope: Any, proto: Any) -> None:  # noqa: ANN401
    """The RSGI app."""
    if HANDOFF:
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        _jobs.put((None, loop, fut))
        body = await asyncio.wait_for(fut, 30)
    else:
        body = _run_query()
    proto.response_bytes(200, [("content-type", JSON)], body)


def _cpu(pid: int) -> float:
    import psutil

    total = 0.0
    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for q in procs:
        try:
            t = q.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.granian_floor", description=__doc__)
    ap.add_argument("--size", default="1m")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=float, default=4.0)
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args(argv)
    from .loadgen import run_cell_wrk

    work = Path(__file__).resolve().parent / "work" / a.size
    scratch = Path(tempfile.mkdtemp(prefix="granian-floor-", dir=work))
    granian = str(Path(sys.executable).with_name("granian"))
    variants = ["wsgi-inline", "wsgi-handoff", "rsgi-inline", "rsgi-handoff"]
    procs: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
    results: dict[str, list[tuple[float, float]]] = {v: [] for v in variants}
    try:
        for v in variants:
            iface, how = v.split("-")
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            store = scratch / v
            shutil.copytree(work / "store-readonly", store)
            env = dict(os.environ, BENCH_STORE=str(store),
                       BENCH_HANDOFF="1" if how == "handoff" else "0")
            cmd = [granian, "--interface", iface, "--workers", str(os.cpu_count() or 1),
                   *(["--blocking-threads", "7"] if iface == "wsgi" else []),
                   "--host", "127.0.0.1", "--port", str(port), "--no-ws", "--log-level", "warning",
                   "--working-dir", str(Path(__file__).resolve().parent.parent),
                   f"bench.granian_floor:{iface}"]
            log = open(scratch / f"{v}.log", "wb")  # noqa: SIM115 - closed with the process
            procs[v] = (subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT), port)
        time.sleep(5)
        target = [("/sparql", JSON)]
        for r in range(a.rounds):
            for v in variants[r % 4:] + variants[:r % 4]:
                proc, port = procs[v]
                run_cell_wrk(port, target, a.concurrency, 1.0, warmup=0)
                c0 = _cpu(proc.pid)
                res = run_cell_wrk(port, target, a.concurrency, a.duration, warmup=0)
                us = (_cpu(proc.pid) - c0) / max(res.rps * a.duration, 1) * 1e6
                results[v].append((res.rps, us))
                print(f"  round {r + 1} {v}: {res.rps:,.0f} req/s, {us:.0f} µs CPU/req "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
        print(f"\n| app on granian (ASK, c = {a.concurrency}, wrk) | req/s | CPU µs/req |")
        print("|---|---|---|")
        for v in variants:
            print(f"| {v} | {statistics.median(x[0] for x in results[v]):,.0f} "
                  f"| {statistics.median(x[1] for x in results[v]):.0f} |")
    finally:
        for proc, _ in procs.values():
            proc.terminate()
        for proc, _ in procs.values():
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
