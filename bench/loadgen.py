"""A closed-loop HTTP load generator in separate processes.

``concurrency`` connections are spread over up to :data:`MAX_PROCS` worker processes (spawned,
so they share nothing with the parent), each running one thread per connection. A connection
is an ``http.client`` keep-alive connection that sends GET requests back to back: the next
request leaves when the previous answer has been read in full. All workers start at the same
wall-clock instant; requests that complete during the warm-up are dropped; the measured window
is ``duration`` seconds after it.

Its own ceiling depends on the machine: :func:`ceiling` runs it against a trivial endpoint
(``oxigraph serve`` in memory answering ``ASK {}``), and the report prints that figure beside
the results, so a server whose throughput comes near it is limited by the generator, not by
itself.

>>> r = CellResult.from_samples([1.0, 2.0, 3.0, 4.0], errors=1, statuses={"200": 4, "500": 1},
...                             duration=2.0, connections=1)
>>> r.rps, r.p50_ms, r.errors
(2.0, 2.5, 1)
"""

from __future__ import annotations

import http.client
import multiprocessing as mp
import os
import re
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

MAX_PROCS = 4


@dataclass
class CellResult:
    """One (server, mix, concurrency, round) measurement."""

    connections: int
    duration: float
    completed: int
    errors: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    statuses: dict[str, int] = field(default_factory=dict)
    server_rss_mb: float = 0.0
    note: str = ""

    @classmethod
    def from_samples(cls, latencies_ms: list[float], errors: int, statuses: dict[str, int],
                     duration: float, connections: int) -> CellResult:
        lat = sorted(latencies_ms)

        def pct(q: float) -> float:
            if not lat:
                return 0.0
            if len(lat) == 1:
                return lat[0]
            return statistics.quantiles(lat, n=100, method="inclusive")[int(q) - 1] \
                if q < 100 else lat[-1]

        p50 = statistics.median(lat) if lat else 0.0
        return cls(connections, duration, len(lat), errors, len(lat) / duration, round(p50, 3),
                   round(pct(90), 3), round(pct(99), 3),
                   round(statistics.fmean(lat), 3) if lat else 0.0, statuses)

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["rps"] = round(self.rps, 2)
        return d


def get_once(conn: http.client.HTTPConnection | None, host: str, port: int, target: str,
             accept: str, timeout: float) -> tuple[http.client.HTTPConnection | None, str]:
    """GET ``target`` on a kept-alive connection (opened when ``conn`` is None); the connection
    to use next (None once closed) and the status, or the error's class name."""
    try:
        if conn is None:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        conn.request("GET", target, headers={"Accept": accept})
        resp = conn.getresponse()
        resp.read()
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = None
        return conn, str(resp.status)
    except (OSError, http.client.HTTPException) as e:
        if conn is not None:
            conn.close()
        return None, type(e).__name__


def _connection_loop(host: str, port: int, targets: list[tuple[str, str]], offset: int,
                     t_start: float, t_measure: float, t_end: float, timeout: float,
                     lat: list[float], stat: dict[str, int], errs: list[int]) -> None:
    conn: http.client.HTTPConnection | None = None
    i = offset
    while time.time() < t_start:
        time.sleep(0.001)
    while True:
        now = time.time()
        if now >= t_end:
            break
        target, accept = targets[i % len(targets)]
        i += 1
        t0 = time.perf_counter()
        conn, status = get_once(conn, host, port, target, accept, timeout)
        done = time.time()
        if t_measure <= done <= t_end:
            stat[status] = stat.get(status, 0) + 1
            if status == "200":
                lat.append((time.perf_counter() - t0) * 1000)
            else:
                errs[0] += 1
    if conn is not None:
        conn.close()


def _worker(host: str, port: int, targets: list[tuple[str, str]], offsets: list[int],
            t_start: float, t_measure: float, t_end: float, timeout: float,
            out: mp.Queue) -> None:
    lat: list[float] = []
    stat: dict[str, int] = {}
    errs = [0]
    threads = [threading.Thread(target=_connection_loop,
                                args=(host, port, targets, off, t_start, t_measure, t_end,
                                      timeout, lat, stat, errs), daemon=True)
               for off in offsets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put({"lat": lat, "statuses": stat, "errors": errs[0]})


def run_cell(port: int, targets: list[tuple[str, str]], concurrency: int, duration: float,
             *, warmup: float = 1.0, timeout: float = 60.0, host: str = "127.0.0.1",
             sample_rss: Callable[[], float] | None = None) -> CellResult:
    """Drive ``concurrency`` keep-alive connections at ``targets`` (path+query, Accept)."""
    ctx = mp.get_context("spawn")
    procs_n = min(concurrency, MAX_PROCS)
    offsets = [[] for _ in range(procs_n)]
    step = max(1, len(targets) // max(concurrency, 1))
    for c in range(concurrency):
        offsets[c % procs_n].append(c * step)
    q: mp.Queue = ctx.Queue()
    t_start = time.time() + 1.0 + 0.15 * procs_n  # spawn time
    t_measure = t_start + warmup
    t_end = t_measure + duration
    procs = [ctx.Process(target=_worker, args=(host, port, targets, offs, t_start, t_measure,
                                               t_end, timeout, q), daemon=True)
             for offs in offsets]
    for p in procs:
        p.start()
    peak = 0.0
    results = []
    deadline = t_end + timeout + 10
    while len(results) < len(procs) and time.time() < deadline:
        if sample_rss is not None and time.time() >= t_measure:
            peak = max(peak, sample_rss())
        try:
            results.append(q.get(timeout=0.5))
        except Exception:  # noqa: BLE001 - queue.Empty
            pass
    for p in procs:
        p.join(5)
        if p.is_alive():
            p.kill()
    lat: list[float] = []
    statuses: dict[str, int] = {}
    errors = 0
    for r in results:
        lat += r["lat"]
        errors += r["errors"]
        for k, v in r["statuses"].items():
            statuses[k] = statuses.get(k, 0) + v
    res = CellResult.from_samples(lat, errors, statuses, duration, concurrency)
    res.server_rss_mb = round(peak, 1)
    if len(results) < len(procs):
        res.note = f"{len(procs) - len(results)} worker(s) did not report"
    return res


def ceiling(concurrency: int = 8, duration: float = 3.0,
            log_dir: str | None = None, wrk: bool = False) -> CellResult:
    """Requests/s of this generator against ``oxigraph serve`` answering ``ASK {}`` in memory."""
    import tempfile
    import urllib.parse
    from pathlib import Path

    from .servers import start_oxigraph

    logs = Path(log_dir or tempfile.mkdtemp(prefix="bench-"))
    srv = start_oxigraph(None, logs / "trivial.log")
    try:
        target = f"/query?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        run = run_cell_wrk if wrk else run_cell
        return run(srv.port, [(target, "application/sparql-results+json")], concurrency,
                   duration, warmup=0.5)
    finally:
        srv.stop()


# ---------------------------------------------------------------- wrk, an outside generator

WRK_SCRIPT = """
local reqs = {
%s
}
local i = %d
request = function()
  i = i + 1
  local r = reqs[(i %% #reqs) + 1]
  return wrk.format("GET", r[1], {["Accept"] = r[2]})
end
"""

_WRK_LATENCY = re.compile(r"^\s*(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _lua_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def wrk_script(targets: list[tuple[str, str]], offset: int = 0) -> str:
    """The Lua script that makes wrk cycle through ``targets`` (path+query, Accept).

    >>> print(wrk_script([("/sparql?query=ASK", "text/csv")]).strip().splitlines()[1])
    {"/sparql?query=ASK", "text/csv"},
    """
    rows = "\n".join(f"{{{_lua_string(t)}, {_lua_string(a)}}}," for t, a in targets)
    return WRK_SCRIPT % (rows, offset)


def parse_wrk(out: str, duration: float, connections: int) -> CellResult:
    """A :class:`CellResult` from wrk's ``--latency`` report.

    >>> r = parse_wrk('''Latency Distribution
    ...      50%  521.00us
    ...      90%    1.10ms
    ...      99%    2.68ms
    ...   41812 requests in 3.00s, 20.59MB read
    ...   Non-2xx or 3xx responses: 2
    ... Requests/sec:  13938.70''', 3.0, 8)
    >>> r.rps, r.p50_ms, r.p99_ms, r.errors
    (13936.67, 0.521, 2.68, 2)
    """
    pct = {int(p): float(v) * _WRK_UNITS[u] for p, v, u in _WRK_LATENCY.findall(out)}
    m = re.search(r"^\s*(\d+) requests in ([\d.]+)(m?s)", out, re.M)
    completed = int(m.group(1)) if m else 0
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if sock:
        errors += sum(int(x) for x in sock.groups())
    ok = max(completed - errors, 0)
    res = CellResult(connections, duration, ok, errors, round((ok) / duration, 2),
                     round(pct.get(50, 0.0), 3), round(pct.get(90, 0.0), 3),
                     round(pct.get(99, 0.0), 3), 0.0,
                     {"200": ok, **({"error": errors} if errors else {})})
    return res


def run_cell_wrk(port: int, targets: list[tuple[str, str]], concurrency: int, duration: float,
                 *, warmup: float = 1.0, timeout: float = 60.0, host: str = "127.0.0.1",
                 sample_rss: Callable[[], float] | None = None) -> CellResult:
    """The same cell driven by ``wrk`` (C, one event loop per thread: a lighter generator
    than the Python one, so servers near its ceiling are measured more fairly)."""
    import shutil
    import subprocess
    import tempfile

    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (Debian package wrk)")
    threads = max(1, min(concurrency, 2))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(wrk_script(targets))
        script = f.name
    url = f"http://{host}:{port}"
    try:
        if warmup > 0:
            subprocess.run([wrk, f"-t{threads}", f"-c{concurrency}", f"-d{max(warmup, 1):g}s",
                            "-s", script, url], capture_output=True, check=False)
        proc = subprocess.Popen([wrk, f"-t{threads}", f"-c{concurrency}", f"-d{duration:g}s",
                                 f"--timeout={timeout:g}s", "--latency", "-s", script, url],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        peak = 0.0
        t_end = time.time() + duration + timeout + 10
        while proc.poll() is None and time.time() < t_end:
            if sample_rss is not None:
                peak = max(peak, sample_rss())
            time.sleep(0.2)
        out, _ = proc.communicate(timeout=30)
    finally:
        os.unlink(script)
    res = parse_wrk(out, duration, concurrency)
    res.server_rss_mb = round(peak, 1)
    return res
