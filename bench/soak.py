"""A soak of the real service: many clients for minutes, with writes, watching for drift.

``python -m bench soak --duration 600 --clients 32`` starts ``diplograph serve`` (with an update
token) on a scratch copy of a store (by default the real graph, built once by ``diplograph
build`` into ``bench/work/``), then for ``--duration`` seconds:

- ``--clients`` closed-loop clients (keep-alive connections, in up to 4 spawned processes)
  send the light mix of :mod:`bench.mixes` (an entity's label, ASK, a CONSTRUCT of one entity,
  a state's memberships): every answer's status and latency is kept;
- a writer sends a SPARQL Update through ``/update`` every ``--write-every`` seconds (one new
  triple in a graph of its own) and keeps the numbers of the writes acknowledged (204);
- a page prober fetches the entity pages of the busiest entities (``/page/state/FRA``, the most
  facts since the reference data sets, ``/page/org/UN``,
  ``/page/state/USA``) in turn, one at a time, and times them;
- a sampler records, every ``--sample-every`` seconds, the memory (RSS and PSS) and open files
  of the server's process tree, and its processes.

At the end every acknowledged write must be in the store. The results: a JSON file, a CSV of
the samples over time and a Markdown summary (``--out``, default ``bench/results/``), checked
against the targets of issue 14: no error, flat memory, no acknowledged write lost, p99 of
light reads <= 100 ms, each busy entity page <= 0.5 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import http.client
import json
import math
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from .loadgen import get_once
from .servers import Server, _spawn, free_port, probe
from .summary import percentile, summarise

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"
TOKEN = "soak-token"  # noqa: S105 - a scratch server on 127.0.0.1
SOAK_GRAPH = "urn:x-diplograph-soak:writes"
PAGES = ("/page/state/FRA", "/page/org/UN", "/page/state/USA")
MAX_PROCS = 4

#: the targets of issue 14
TARGET_P99_MS = 100.0
TARGET_PAGE_S = 0.5


def say(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------- the store


def real_store() -> Path:
    """The real graph (``diplograph build``), built once into ``bench/work/real-store``."""
    from .load import tool

    store = WORK / "real-store"
    if not (store / "CURRENT").exists():
        shutil.rmtree(store, ignore_errors=True)
        say("building the real graph (diplograph build) ...")
        subprocess.run([tool("diplograph"), "build", "--store", str(store), "-q"], check=True)
    return store


def scratch_copy(src: Path, name: str, work: Path = WORK) -> Path:
    """A fresh copy of ``src`` under ``work`` that the run may write to."""
    from .servers import copy_store

    work.mkdir(parents=True, exist_ok=True)
    return copy_store(src, work / name)


def start_server(store: Path, log: Path, *, timeout: float = 30, workers: int | None = None,
                 threads: int | None = None, extra: list[str] | None = None) -> Server:
    """``diplograph serve`` with an update token, on a free port."""
    from .load import tool

    port = free_port()
    cmd = [tool("diplograph"), "serve", "--store", str(store), "--host", "127.0.0.1",
           "--port", str(port), "--timeout", str(timeout), "--update-token", TOKEN,
           *(extra or [])]
    if workers:
        cmd += ["--workers", str(workers)]
    if threads:
        cmd += ["--threads", str(threads)]
    return _spawn("diplograph", cmd, port, "/sparql", log, 180)


# ---------------------------------------------------------------- clients


def _client(port: int, targets: list[tuple[str, str]], offset: int, t_end: float,
            out: list[tuple[float, float, str]]) -> None:
    conn: http.client.HTTPConnection | None = None
    i = offset
    while time.time() < t_end:
        target, accept = targets[i % len(targets)]
        i += 1
        t0 = time.perf_counter()
        conn, status = get_once(conn, "127.0.0.1", port, target, accept, 60)
        out.append((time.time(), (time.perf_counter() - t0) * 1000, status))
    if conn is not None:
        conn.close()


def _client_process(port: int, targets: list[tuple[str, str]], offsets: list[int],
                    t_end: float, queue: Any) -> None:
    out: list[tuple[float, float, str]] = []
    threads = [threading.Thread(target=_client, args=(port, targets, off, t_end, out),
                                daemon=True) for off in offsets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(out)


def _request(port: int, method: str, target: str, body: bytes | None = None,
             headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, target, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def empty_caches(port: int, i: int) -> None:
    """A write that does not say what it touched: every cache of the server is emptied."""
    update(port, f"INSERT DATA {{ GRAPH <urn:x-bench:pages> {{ <urn:x-bench:w> "
                 f"<urn:x-bench:n> {i} }} }}", i)
    update(port, "DELETE WHERE { GRAPH <urn:x-bench:pages> { ?s ?p ?o } }", i)


def update(port: int, sparql: str, i: int) -> None:
    """A SPARQL Update with the scratch server's token; an error unless it answers 204."""
    status, body = _request(port, "POST", "/update",
                            urllib.parse.urlencode({"update": sparql}).encode(),
                            {"Authorization": f"Bearer {TOKEN}",
                             "Content-Type": "application/x-www-form-urlencoded"})
    if status != 204:
        raise RuntimeError(f"write {i}: {status} {body[:200]!r}")


def start_checkout(store: Path, code: str | None, log: Path) -> tuple[Server, float]:
    """``python -m diplograph serve`` (of the checkout ``code``, a folder holding a
    ``diplograph`` package, if given) with an update token, on a free port; the server and
    the time it was started (ready when this returns: polled every 20 ms)."""
    port = free_port()
    cmd = [sys.executable, "-m", "diplograph", "serve", "--store", str(store), "--host",
           "127.0.0.1", "--port", str(port), "--update-token", TOKEN]
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = code + os.pathsep + env.get("PYTHONPATH", "")
    log.parent.mkdir(parents=True, exist_ok=True)
    fh = open(log, "wb")  # noqa: SIM115 - the child keeps it
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=env, cwd=str(WORK))
    fh.close()
    srv = Server("diplograph", port, "/sparql", proc, log, cmd)
    while time.perf_counter() - t0 < 180:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited ({proc.returncode}):\n{srv.log_tail()}")
        if probe(port, "/sparql", timeout=2) == 200:
            return srv, t0
        time.sleep(0.02)
    srv.stop()
    raise RuntimeError(f"the server was not ready after 180 s:\n{srv.log_tail()}")


class Writer(threading.Thread):
    """One SPARQL Update every ``every`` seconds; the numbers acknowledged (204)."""

    def __init__(self, port: int, every: float, t_end: float) -> None:
        super().__init__(daemon=True, name="soak-writer")
        self.port, self.every, self.t_end = port, every, t_end
        self.acknowledged: list[int] = []
        self.failed: list[tuple[int, str]] = []
        self.latencies_ms: list[float] = []

    def run(self) -> None:
        i = 0
        nxt = time.time()
        while nxt < self.t_end:
            time.sleep(max(nxt - time.time(), 0))
            i += 1
            sparql = (f"INSERT DATA {{ GRAPH <{SOAK_GRAPH}> {{ <urn:x-soak:w{i}> "
                      f"<urn:x-soak:n> {i} }} }}")
            t0 = time.perf_counter()
            try:
                status, body = _request(self.port, "POST", "/update",
                                        urllib.parse.urlencode({"update": sparql}).encode(),
                                        {"Authorization": f"Bearer {TOKEN}",
                                         "Content-Type": "application/x-www-form-urlencoded"})
            except (OSError, http.client.HTTPException) as e:
                status, body = 0, repr(e).encode()
            self.latencies_ms.append((time.perf_counter() - t0) * 1000)
            if status == 204:
                self.acknowledged.append(i)
            else:
                self.failed.append((i, f"{status} {body[:200]!r}"))
            nxt += self.every


class PageProber(threading.Thread):
    """The busiest entity pages, one request at a time, in turn."""

    def __init__(self, port: int, t_end: float, pause: float = 1.0) -> None:
        super().__init__(daemon=True, name="soak-pages")
        self.port, self.t_end, self.pause = port, t_end, pause
        self.samples: dict[str, list[float]] = {p: [] for p in PAGES}
        self.errors: list[str] = []

    def run(self) -> None:
        while time.time() < self.t_end:
            for page in PAGES:
                t0 = time.perf_counter()
                try:
                    status, _ = _request(self.port, "GET", page, headers={"Accept": "text/html"})
                except (OSError, http.client.HTTPException) as e:
                    status = 0
                    self.errors.append(f"{page}: {e!r}")
                if status == 200:
                    self.samples[page].append(time.perf_counter() - t0)
                elif status:
                    self.errors.append(f"{page}: {status}")
            time.sleep(self.pause)


class Sampler(threading.Thread):
    """Memory, open files and processes of the server's tree over time."""

    def __init__(self, server: Server, every: float, t_end: float) -> None:
        super().__init__(daemon=True, name="soak-sampler")
        self.server, self.every, self.t_end = server, every, t_end
        self.rows: list[dict[str, Any]] = []
        self.t0 = time.time()

    def sample(self) -> dict[str, Any]:
        import psutil

        from .servers import _pss_bytes

        rss = pss = fds = 0
        pids = self.server.pids()
        for pid in pids:
            try:
                p = psutil.Process(pid)
                rss += p.memory_info().rss
                fds += p.num_fds()
            except psutil.Error:
                continue
            pss += _pss_bytes(pid)
        return {"t_s": round(time.time() - self.t0, 1), "rss_mb": round(rss / 2**20, 1),
                "pss_mb": round(pss / 2**20, 1), "open_files": fds, "processes": len(pids),
                "load": round(os.getloadavg()[0], 1)}

    def run(self) -> None:
        while time.time() < self.t_end:
            self.rows.append(self.sample())
            time.sleep(self.every)
        self.rows.append(self.sample())


# ---------------------------------------------------------------- the run


_pct = percentile


def _light_targets(store: Path) -> list[tuple[str, str]]:
    import pyoxigraph as ox

    from .mixes import build_mix, sample_params

    ro = ox.Store.read_only(str(store))
    try:
        params = sample_params(ro)
    finally:
        del ro
    return [(r.target("/sparql"), r.accept) for r in build_mix("light", params)]


def run_soak(store: Path, *, duration: float, clients: int, write_every: float,
             sample_every: float, workers: int | None, threads: int | None,
             out_dir: Path, tag: str, work_dir: Path = WORK, pages: bool = True
             ) -> dict[str, Any]:
    """The whole soak (see the module docstring); returns the summary written to ``out_dir``.
    The scratch store and the server's log go to ``work_dir``."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d-%H%M")
    name = f"soak-{stamp}" + (f"-{tag}" if tag else "")
    work = scratch_copy(store, "soak-store", work_dir)
    targets = _light_targets(work)
    log = work_dir / f"{name}.log"
    server = start_server(work, log, workers=workers, threads=threads)
    say(f"soak: {clients} clients for {duration:g} s, a write every {write_every:g} s, "
        f"on {server.url} (log {log})")
    try:
        t_start = time.time() + 1
        t_end = t_start + duration
        sampler = Sampler(server, sample_every, t_end)
        sampler.start()
        writer = Writer(server.port, write_every, t_end)
        prober = PageProber(server.port, t_end) if pages else None
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        nproc = min(MAX_PROCS, clients)
        offsets: list[list[int]] = [[] for _ in range(nproc)]
        for c in range(clients):
            offsets[c % nproc].append(c * 37)
        procs = [ctx.Process(target=_client_process,
                             args=(server.port, targets, offsets[k], t_end, queue))
                 for k in range(nproc)]
        for p in procs:
            p.start()
        while time.time() < t_start:
            time.sleep(0.01)
        writer.start()
        if prober is not None:
            prober.start()
        samples: list[tuple[float, float, str]] = []
        for _ in procs:
            samples += queue.get(timeout=duration + 300)
        for p in procs:
            p.join(30)
        writer.join(120)
        if prober is not None:
            prober.join(120)
        sampler.join(60)
        # every acknowledged write must be there
        q = f"SELECT ?n WHERE {{ GRAPH <{SOAK_GRAPH}> {{ ?s <urn:x-soak:n> ?n }} }}"
        status, body = _request(server.port, "GET", "/sparql?" + urllib.parse.urlencode(
            {"query": q}), headers={"Accept": "application/sparql-results+json"})
        found = {int(b["n"]["value"]) for b in json.loads(body)["results"]["bindings"]} \
            if status == 200 else set()
        alive = server.proc.poll() is None
        crashes = log.read_text(errors="replace").count(") died (")
    finally:
        server.stop()
    lat_ok = [ms for _, ms, s in samples if s == "200"]
    statuses: dict[str, int] = {}
    for _, _, s in samples:
        statuses[s] = statuses.get(s, 0) + 1
    errors = sum(n for s, n in statuses.items() if s != "200")
    lost = sorted(set(writer.acknowledged) - found)
    rows = sampler.rows
    third = max(len(rows) // 3, 1)
    early = statistics.median(r["pss_mb"] for r in rows[:third]) if rows else 0
    late = statistics.median(r["pss_mb"] for r in rows[-third:]) if rows else 0
    per_minute = []
    minutes = max(math.ceil(duration / 60), 1)
    for k in range(minutes):
        lo = t_start + 60 * k
        hi = t_start + 60 * (k + 1) if k < minutes - 1 else float("inf")  # the last: to the end
        xs = [ms for t, ms, s in samples if lo <= t < hi and s == "200"]
        if xs:
            per_minute.append({"minute": k + 1, "requests": len(xs),
                               "p50_ms": round(_pct(xs, 0.5), 1),
                               "p99_ms": round(_pct(xs, 0.99), 1)})
    pages = {p: {k + "_s" if k != "n" else k: v for k, v in summarise(xs).items()}
             for p, xs in prober.samples.items()} if prober is not None else {}
    summary = {
        "name": name, "date": stamp, "duration_s": duration, "clients": clients,
        "write_every_s": write_every, "workers": workers, "threads": threads,
        "store": str(store), "light_requests": len(samples), "statuses": statuses,
        "errors": errors, "rps": round(len(samples) / duration, 1),
        "light_p50_ms": round(_pct(lat_ok, 0.5), 1), "light_p90_ms": round(_pct(lat_ok, 0.9), 1),
        "light_p99_ms": round(_pct(lat_ok, 0.99), 1), "light_max_ms": round(max(lat_ok), 1)
        if lat_ok else 0, "per_minute": per_minute,
        "writes_sent": len(writer.acknowledged) + len(writer.failed),
        "writes_acknowledged": len(writer.acknowledged), "writes_failed": writer.failed[:20],
        "write_p50_ms": round(_pct(writer.latencies_ms, 0.5), 1),
        "write_max_ms": round(max(writer.latencies_ms), 1) if writer.latencies_ms else 0,
        "acknowledged_writes_lost": lost, "pages": pages,
        "page_errors": prober.errors[:20] if prober is not None else [],
        "log": _relative(log), "pss_mb_first_third": early, "pss_mb_last_third": late,
        "server_alive_at_end": alive, "worker_crashes_logged": crashes,
        "samples": rows,
        "load_average": {"min": min(r["load"] for r in rows), "median": statistics.median(
            r["load"] for r in rows), "max": max(r["load"] for r in rows)} if rows else None,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(summary, indent=1))
    with open(out_dir / f"{name}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["t_s", "rss_mb", "pss_mb", "open_files", "processes",
                                          "load"])
        w.writeheader()
        w.writerows(rows)
    (out_dir / f"{name}.md").write_text(markdown(summary))
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(work.with_name(work.name + ".snapshots"), ignore_errors=True)
    return summary


def _relative(path: Path) -> str:
    """``path`` from the repository's root when it is inside it (no machine paths in results)."""
    try:
        return str(path.resolve().relative_to(BENCH.parent))
    except ValueError:
        return path.name


def _load(la: dict[str, float] | None) -> str:
    return "not sampled" if not la else \
        f"median {la['median']} (from {la['min']} to {la['max']})"


def _verdict(ok: bool) -> str:
    return "holds" if ok else "**does not hold**"


def markdown(s: dict[str, Any]) -> str:
    """The Markdown summary of a soak."""
    rows = s["samples"]
    lines = [
        f"# Soak {s['name']}",
        "",
        f"{s['clients']} clients (light mix, keep-alive) for {s['duration_s']:g} s, a SPARQL "
        f"Update every {s['write_every_s']:g} s, "
        + (f"entity pages {', '.join(PAGES)} fetched in turn" if s["pages"] else "no pages")
        + f"; store {s['store']}; load average of the machine (1 min) "
        f"{_load(s.get('load_average'))}.",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        f"| zero errors | {s['errors']} of {s['light_requests']} light requests "
        f"(statuses {s['statuses']}); {len(s['writes_failed'])} writes failed; "
        f"{len(s['page_errors'])} page errors | "
        f"{_verdict(s['errors'] == 0 and not s['writes_failed'] and not s['page_errors'])} |",
        f"| no acknowledged write lost | {s['writes_acknowledged']} acknowledged, "
        f"{len(s['acknowledged_writes_lost'])} missing at the end | "
        f"{_verdict(not s['acknowledged_writes_lost'])} |",
        f"| flat memory | PSS of the process tree: median {s['pss_mb_first_third']:.0f} MB "
        f"in the first third, {s['pss_mb_last_third']:.0f} MB in the last | "
        f"{_verdict(s['pss_mb_last_third'] <= 1.2 * s['pss_mb_first_third'] + 20)} |",
        f"| p99 of light reads <= {TARGET_P99_MS:g} ms | p50 {s['light_p50_ms']} ms, p90 "
        f"{s['light_p90_ms']} ms, p99 {s['light_p99_ms']} ms ({s['rps']} req/s) | "
        f"{_verdict(s['light_p99_ms'] <= TARGET_P99_MS)} |",
    ]
    for page, p in s["pages"].items():
        ok = p["median_s"] is not None and p["median_s"] <= TARGET_PAGE_S
        lines.append(f"| {page} <= {TARGET_PAGE_S:g} s under writes | median {p['median_s']} s, "
                     f"p90 {p['p90_s']} s, max {p['max_s']} s ({p['n']} fetches) | "
                     f"{_verdict(ok)} |")
    lines += [
        "",
        f"Server alive at the end: {s['server_alive_at_end']}; worker crashes logged: "
        f"{s['worker_crashes_logged']}. Writes: p50 {s['write_p50_ms']} ms, max "
        f"{s['write_max_ms']} ms.",
        "",
        "Light reads per minute:",
        "",
        "| minute | requests | p50 ms | p99 ms |",
        "|---|---|---|---|",
        *(f"| {m['minute']} | {m['requests']} | {m['p50_ms']} | {m['p99_ms']} |"
          for m in s["per_minute"]),
        "",
        "Memory and open files of the server's process tree over time (every "
        f"{max(len(rows) // 12, 1)}th sample):",
        "",
        "| t (s) | RSS MB | PSS MB | open files | processes | load |",
        "|---|---|---|---|---|---|",
        *(f"| {r['t_s']} | {r['rss_mb']} | {r['pss_mb']} | {r['open_files']} | "
          f"{r['processes']} | {r.get('load', '')} |" for r in rows[::max(len(rows) // 12, 1)]),
        "",
    ]
    return "\n".join(lines)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of ``python -m bench soak``."""
    ap.add_argument("--duration", type=float, default=600.0, help="seconds [600]")
    ap.add_argument("--clients", type=int, default=32, help="concurrent light clients [32]")
    ap.add_argument("--write-every", type=float, default=3.0, help="seconds between writes [3]")
    ap.add_argument("--sample-every", type=float, default=5.0,
                    help="seconds between memory samples [5]")
    ap.add_argument("--store", default=None,
                    help="a store to copy and serve [the real graph, built once]")
    ap.add_argument("--workers", type=int, default=None, help="diplograph serve --workers")
    ap.add_argument("--threads", type=int, default=None, help="diplograph serve --threads")
    ap.add_argument("--out", default=str(RESULTS), help="where the results go")
    ap.add_argument("--tag", default="", help="appended to the result file names")
    ap.add_argument("--no-pages", dest="pages", action="store_false",
                    help="leave the entity pages out of the mix (to compare)")


def cmd_soak(args: argparse.Namespace) -> int:
    """``python -m bench soak``: exit status 1 if a target does not hold."""
    WORK.mkdir(parents=True, exist_ok=True)
    store = Path(args.store) if args.store else real_store()
    s = run_soak(store, duration=args.duration, clients=args.clients,
                 write_every=args.write_every, sample_every=args.sample_every,
                 workers=args.workers, threads=args.threads, out_dir=Path(args.out),
                 tag=args.tag, pages=args.pages)
    print(markdown(s))
    ok = (s["errors"] == 0 and not s["acknowledged_writes_lost"] and not s["writes_failed"]
          and s["server_alive_at_end"])
    return 0 if ok else 1


if __name__ == "__main__":
    import sys

    p = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    add_arguments(p)
    sys.exit(cmd_soak(p.parse_args()))
