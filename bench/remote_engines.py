"""The graph on external engines: load rate and query latency through the remote path.

``python -m bench.remote_engines [--store DIR] [--reps 5] [--out FILE]`` takes the built
store (the real graph, or the bench generator's data built into a store) and, for each engine
(``oxigraph serve`` from the PyPI package, Virtuoso Open Source 7 from Debian), both started
here on loopback in throwaway folders:

* **load rate**: the engine's own bulk loader fed with our N-Quads export (``oxigraph load``;
  Virtuoso's ``ld_dir`` + ``rdf_loader_run()`` through ``isql``) against diplograph's
  :func:`graph.remote.publish` (versions, Graph Store POSTs of 20,000 triples, count check,
  catalogue swap) into a second, fresh instance;
* **query latency** of the named-query mix and the heavy mix (``bench/mixes.py``): the median
  of ``--reps`` runs of each request through :class:`graph.remote.RemoteStore` (dataset,
  rewriting, truncation checks, JSON to terms), through the engine's own endpoint with the
  very request RemoteStore sends (bytes read, nothing parsed), and on the embedded store.

The overhead of the remote path is the sum of its medians over the sum of the engine's own.
Figures go to standard output as JSON (and ``--out``); docs/benchmarks.md quotes them.

``--bulk-serve`` queries the very instance that the engine's bulk loader filled (no push;
the graphs recorded in the catalogue by ``INSERT DATA``, as docs/engines.md tells users to
do): the way to measure 10 M triples (``python -m bench.generate`` loaded into a copy of the
real build: see docs/benchmarks.md). ``--dataset union`` reads such an engine through its
union default graph (``oxigraph serve --union-default-graph``), as
``DIPLOGRAPH_ENGINE_DATASET=union`` does for ``diplograph serve --engine``. Every client
(the remote path, the engine's endpoint, the served path) keeps one persistent connection
(``--new-connections``: one per request, as in the first rounds). ``--params-from-engine``
draws the mixes' parameters from the engine's own data (no local store of 10 M triples);
each SPARQL JSON answer is also timed through the served path's two ways of handling it
(read and written again by pyoxigraph, or passed on with its rows counted).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent


def _engines() -> Any:  # noqa: ANN401
    """The test suite's engine starters (one way to run a throwaway engine)."""
    sys.path.insert(0, str(ROOT / "tests" / "engines"))
    import engines  # type: ignore[import-not-found]

    return engines


def export_nquads(store: ox.Store, path: Path) -> int:
    """Every named graph of ``store`` as N-Quads (what the engines' bulk loaders read)."""
    n = 0
    with path.open("wb") as f:
        for g in store.named_graphs():
            quads = list(store.quads_for_pattern(None, None, None, g))
            f.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            n += len(quads)
    return n


def nquads_graphs(path: Path) -> tuple[int, list[str]]:
    """The quads of an N-Quads file (one a line, as our export and ``bench.generate`` write
    them) and its graph names, read without parsing the terms."""
    n = 0
    names: set[bytes] = set()
    with path.open("rb") as f:
        for line in f:
            n += 1
            graph = line.rstrip().rsplit(b" ", 2)[-2]  # "… <graph> ." (no graph: "… <o> .")
            if graph.startswith(b"<") and graph.endswith(b">"):
                names.add(graph)
    return n, sorted(g[1:-1].decode() for g in names)


class EndpointParams:
    """What :func:`bench.mixes.sample_params` reads from a store, read from an engine's own
    endpoint (its default graph: the union of its graphs with ``oxigraph serve
    --union-default-graph`` and on Virtuoso), so that a mix's parameters come from the data
    the engine holds (``--params-from-engine``) without a local store of 10 M triples."""

    def __init__(self, query_url: str) -> None:
        self.query_url = query_url

    def query(self, sparql: str, **_: Any) -> Any:  # noqa: ANN401 - solutions
        from diplograph.graph.remote_service import _standard_json

        body = _answer(self.query_url, [("query", sparql)], "application/sparql-results+json")
        return ox.parse_query_results(_standard_json(body, {}),
                                      format=ox.QueryResultsFormat.JSON)


def bulk_oxigraph(nq: Path, scratch: Path) -> float:
    exe = _engines().oxigraph_binary()
    t0 = time.perf_counter()
    subprocess.run([exe, "load", "--location", str(scratch / "oxi-bulk"), "--file", str(nq)],  # noqa: S603
                   check=True, capture_output=True)
    return time.perf_counter() - t0


def bulk_virtuoso(nq: Path, engine: Any = None) -> tuple[float, int]:  # noqa: ANN401
    """Seconds and triples of Virtuoso's bulk load of ``nq`` into ``engine`` (left running),
    or into a throwaway instance (stopped)."""
    eng = _engines()
    v = engine or eng.start_virtuoso(max_rows=2_000_000)
    try:
        try:  # a link where it can (a large file), else a copy
            os.link(nq, v.folder / "load" / "graph.nq")
        except OSError:
            shutil.copy(nq, v.folder / "load" / "graph.nq")
        sql = (f"ld_dir('{v.folder}/load', 'graph.nq', 'https://diplograph.org/graph/bulk');\n"
               "rdf_loader_run();\ncheckpoint;\n"
               "SELECT ll_state, ll_error FROM DB.DBA.load_list;\n")
        t0 = time.perf_counter()
        out = subprocess.run([shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{v.sql_port}",  # noqa: S603
                              "dba", "dba"], input=sql.encode(), capture_output=True,
                             timeout=3600, check=False)
        dt = time.perf_counter() - t0
        if b"*** Error" in out.stdout:
            raise RuntimeError(out.stdout.decode(errors="replace")[-2000:])
        # counted through isql: the HTTP endpoint's MaxQueryExecutionTime (60 s) can stop a
        # count of millions on a busy machine
        count = ("SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
                 "FILTER(STRSTARTS(STR(?g), 'https://diplograph.org/')) };\n")
        out = subprocess.run([shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{v.sql_port}",  # noqa: S603
                              "dba", "dba"], input=count.encode(), capture_output=True,
                             timeout=3600, check=False)
        numbers = [ln.strip() for ln in out.stdout.decode(errors="replace").splitlines()
                   if ln.strip().isdigit()]
        n = int(numbers[0]) if numbers else -1
        return dt, n
    finally:
        if engine is None:
            v.stop()


def record_catalogue(query_url: str, update_url: str, graphs: list[str]) -> float:
    """Record ``graphs`` (bulk-loaded) in the catalogue, 500 to an ``INSERT DATA``; seconds."""
    from diplograph.graph.remote import CATALOGUE, PUBLISHED, RemoteStore

    remote = RemoteStore(query_url, update_url=update_url, timeout=600)
    t0 = time.perf_counter()
    for i in range(0, len(graphs), 500):
        entries = " ".join(f"<{CATALOGUE}> <{PUBLISHED}> <{g}> ." for g in graphs[i:i + 500])
        remote.update(f"INSERT DATA {{ GRAPH <{CATALOGUE}> {{ {entries} }} }}",
                      what="recording bulk-loaded graphs")
    remote.close()
    return time.perf_counter() - t0


class _Recorder:
    """Wraps RemoteStore._post to keep the last request it sent."""

    def __init__(self, remote: Any) -> None:  # noqa: ANN401
        self.last: tuple[str, list[tuple[str, str]], str] | None = None
        inner = remote._post

        def post(url: str, form: Any, accept: str, what: str, **kw: Any) -> Any:  # noqa: ANN401
            self.last = (url, list(form), accept)
            return inner(url, form, accept, what, **kw)

        remote._post = post


#: one connection per request (``--new-connections``) instead of a persistent one per host
NEW_CONNECTIONS = False
_CONNS: dict[str, http.client.HTTPConnection] = {}


def _direct(url: str, form: list[tuple[str, str]], accept: str) -> int:
    """POST a form to ``url`` on a persistent connection; the bytes of the answer."""
    data = urllib.parse.urlencode(form).encode()
    headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
    if NEW_CONNECTIONS:
        req = urllib.request.Request(url, data=data, method="POST", headers=headers)
        with urllib.request.urlopen(req, timeout=600) as r:  # noqa: S310
            return len(r.read())
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    for attempt in (1, 2):
        conn = _CONNS.setdefault(parts.netloc, http.client.HTTPConnection(
            parts.hostname or "127.0.0.1", parts.port, timeout=600))
        try:
            conn.request("POST", path, body=data, headers=headers)
            r = conn.getresponse()
            body = r.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            conn.close()
            _CONNS.pop(parts.netloc, None)
            if attempt == 2:
                raise
            continue
        except BaseException:
            conn.close()
            _CONNS.pop(parts.netloc, None)
            raise
        if r.will_close:
            conn.close()
            _CONNS.pop(parts.netloc, None)
        if r.status >= 400:
            raise OSError(f"HTTP {r.status} from {url}: {body[:300]!r}")
        return len(body)
    raise AssertionError("unreachable")


def _answer(url: str, form: list[tuple[str, str]], accept: str) -> bytes:
    """The engine's answer to a request, as bytes (what the served path receives)."""
    data = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=600) as r:  # noqa: S310 - loopback
        return r.read()


def json_costs(body: bytes, reps: int) -> tuple[float, float]:
    """Median seconds the served path spends on one engine answer (SPARQL JSON asked for as
    SPARQL JSON), in interleaved pairs: read by pyoxigraph and written again (what it did
    before) against passed on with its rows counted (``json_rows``, what it does now); both
    after the same byte rewrites (``typed-literal``)."""
    from diplograph.graph.remote_service import _standard_json, json_rows
    from diplograph.graph.runner import serialize

    fmt = ox.QueryResultsFormat.JSON

    def parse() -> None:
        serialize(ox.parse_query_results(_standard_json(body, {}), format=fmt), fmt)

    def count() -> None:
        json_rows(_standard_json(body, {}))

    pairs = [(_median(parse, 1), _median(count, 1)) for _ in range(reps)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def _median(fn: Any, reps: int) -> float:  # noqa: ANN401
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _front(url: str, sparql: str) -> int:
    """One query through ``diplograph serve --engine`` (the served path), bytes read."""
    return _direct(url, [("query", sparql)], "application/sparql-results+json")


def start_front(engine_url: str, update_url: str, gsp_url: str, scratch: Path,
                timeout: float, dataset: str = "catalogue",
                ) -> tuple[subprocess.Popen[bytes], str]:
    """``diplograph serve --engine`` on a free loopback port (one worker, no response
    cache: every request reaches the engine); its /sparql URL."""
    port = _engines().free_port()
    log = (scratch / f"front-{port}.log").open("wb")
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "diplograph", "serve", "--engine", engine_url,
         "--update-url", update_url, "--gsp-url", gsp_url, "--port", str(port),
         "--workers", "1", "--cache-mb", "0", "--timeout", str(timeout),
         "--engine-dataset", dataset, "--store", str(scratch / "unused-store")],
        stdout=log, stderr=subprocess.STDOUT, cwd=scratch)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            _front(url, "ASK {}")
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("diplograph serve --engine did not start") from None
            time.sleep(0.2)


def latency(remote: Any, embedded: Any, requests: list[Any], reps: int,  # noqa: ANN401
            front: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Median seconds per distinct request: remote path, the engine's endpoint, embedded;
    with ``front`` (a ``serve --engine`` /sparql URL) also the served path, timed in the
    same interleaved rounds."""
    rec = _Recorder(remote)
    rows = []
    for r in list({x.sparql: x for x in requests}.values())[:limit]:
        try:
            remote.query(r.sparql)  # warm-up; records the request as sent
        except Exception as e:  # noqa: BLE001 - a query an engine refuses is reported, not timed
            rows.append({"kind": r.kind, "error": str(e)[:200]})
            continue
        assert rec.last is not None
        url, form, accept = rec.last
        # interleaved pairs (remote, direct, remote, direct …): a shared machine's load
        # falls on both alike
        pairs = [(_median(lambda r=r: remote.query(r.sparql), 1),
                  _median(lambda u=url, f=form, a=accept: _direct(u, f, a), 1),
                  _median(lambda r=r: _front(front, r.sparql), 1) if front else 0.0)
                 for _ in range(reps)]
        remote_s = statistics.median(p[0] for p in pairs)
        direct_s = statistics.median(p[1] for p in pairs)
        served_s = statistics.median(p[2] for p in pairs)
        embedded_s = _median(lambda r=r: embedded.query(r.sparql), reps) if embedded else 0.0
        row = {"kind": r.kind, "remote": remote_s, "direct": direct_s,
               "embedded": embedded_s, "served": served_s}
        if accept == "application/sparql-results+json":
            body = _answer(url, form, accept)
            row["bytes"] = len(body)
            row["json_parse"], row["json_pass"] = json_costs(body, max(reps, 5))
        rows.append(row)
    ok = [x for x in rows if "error" not in x]
    total = {k: sum(x[k] for x in ok) for k in ("remote", "direct", "embedded", "served")}
    served = {}
    if front and total["direct"]:
        served = {"median_served_ms": round(1000 * statistics.median(
                      [x["served"] for x in ok]), 2),
                  "sum_served_s": round(total["served"], 3),
                  "served_overhead": round(total["served"] / total["direct"] - 1, 4)}
    timed_json = [x for x in ok if "json_parse" in x]
    if timed_json:  # the served path's work on the engine's JSON: before and now
        served["sum_json_parse_ms"] = round(1000 * sum(x["json_parse"] for x in timed_json), 2)
        served["sum_json_pass_ms"] = round(1000 * sum(x["json_pass"] for x in timed_json), 2)
    return {**served, "per_request": ok,
        "requests": len(rows), "errors": [x for x in rows if "error" in x],
        "median_remote_ms": round(1000 * statistics.median([x["remote"] for x in ok]), 2),
        "median_direct_ms": round(1000 * statistics.median([x["direct"] for x in ok]), 2),
        "median_embedded_ms": round(1000 * statistics.median([x["embedded"] for x in ok]), 2),
        "sum_remote_s": round(total["remote"], 3), "sum_direct_s": round(total["direct"], 3),
        "sum_embedded_s": round(total["embedded"], 3),
        "overhead": round(total["remote"] / total["direct"] - 1, 4) if total["direct"] else None,
        "vs_embedded": round(total["remote"] / total["embedded"], 2) if total["embedded"] else None,
    }


def run(store_path: Path, reps: int, only: list[str] | None = None,
        graphs: list[str] | None = None, skip_bulk: bool = False, bulk_serve: bool = False,
        dataset: str = "catalogue", buffers: int = 170_000,
        mix_names: tuple[str, ...] = ("named", "heavy"),
        nquads: Path | None = None, oxigraph_location: Path | None = None,
        limit: int | None = None, with_embedded: bool = True,
        params_from_engine: bool = False) -> dict[str, Any]:
    from diplograph.graph.backend import EmbeddedBackend
    from diplograph.graph.remote import RemoteStore, publish

    from .mixes import build_mix, named_requests, sample_params

    eng = _engines()
    store = ox.Store.read_only(str(store_path))
    embedded = EmbeddedBackend(store) if with_embedded else None
    params = sample_params(store)
    import random

    def make_mixes(params: Any) -> dict[str, Any]:  # noqa: ANN401
        mixes = {"named": named_requests(params, random.Random("named:11"), per_query=1),
                 "heavy": build_mix("heavy", params, n=25)}
        return {k: v for k, v in mixes.items() if k in mix_names}

    mixes = make_mixes(params)
    scratch = Path(tempfile.mkdtemp(prefix="dg-bench-engines-"))
    out: dict[str, Any] = {"store": str(store_path), "reps": reps, "cpus": os.cpu_count(),
                           "bulk_serve": bulk_serve, "dataset": dataset,
                           "new_connections": NEW_CONNECTIONS,
                           "load_average_start": os.getloadavg()}
    try:
        nq = scratch / "graph.nq"
        t0 = time.perf_counter()
        file_graphs: list[str] | None = None
        if nquads is not None:  # the store's export (or any N-Quads), made beforehand
            nq = nquads
            out["triples"], file_graphs = nquads_graphs(nq)
        else:
            out["triples"] = len(store) if skip_bulk else export_nquads(store, nq)
        out["export_s"] = round(time.perf_counter() - t0, 2)
        for name in only or ["oxigraph", "virtuoso"]:
            res: dict[str, Any] = {}
            if bulk_serve:  # query the instance the engine's own bulk loader filled
                if name == "oxigraph" and oxigraph_location is not None:
                    res["bulk_load_s"] = None  # loaded beforehand (timed by whoever did)
                    e = eng.start_oxigraph(oxigraph_location, union=dataset == "union")
                    gsp = e.query_url.rsplit("/", 1)[0] + "/store"
                elif name == "oxigraph":
                    res["bulk_load_s"] = round(bulk_oxigraph(nq, scratch), 2)
                    e = eng.start_oxigraph(scratch / "oxi-bulk", union=dataset == "union")
                    gsp = e.query_url.rsplit("/", 1)[0] + "/store"
                else:
                    e = eng.start_virtuoso(max_rows=2_000_000, buffers=buffers)
                    try:
                        dt, n = bulk_virtuoso(nq, e)
                    except BaseException:
                        e.stop()  # no engine left behind by a failed load
                        raise
                    res["bulk_load_s"], res["bulk_loaded"] = round(dt, 2), n
                    gsp = e.query_url.rsplit("/", 1)[0] + "/sparql-graph-crud"
                if res["bulk_load_s"]:
                    res["bulk_rate"] = round(out["triples"] / res["bulk_load_s"])
                names = file_graphs if file_graphs is not None else sorted(
                    g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
                res["graphs"] = len(names)
                res["catalogue_s"] = round(record_catalogue(e.query_url, e.update_url, names), 2)
            elif skip_bulk:
                e = eng.start_oxigraph() if name == "oxigraph" else eng.start_virtuoso(
                    max_rows=2_000_000)
                gsp = e.query_url.rsplit("/", 1)[0] + (
                    "/store" if name == "oxigraph" else "/sparql-graph-crud")
                res["bulk_load_s"] = None
            elif name == "oxigraph":
                res["bulk_load_s"] = round(bulk_oxigraph(nq, scratch), 2)
                e = eng.start_oxigraph()
                gsp = e.query_url.rsplit("/", 1)[0] + "/store"
            else:
                dt, n = bulk_virtuoso(nq)
                res["bulk_load_s"], res["bulk_loaded"] = round(dt, 2), n
                e = eng.start_virtuoso(max_rows=2_000_000)
                gsp = e.query_url.rsplit("/", 1)[0] + "/sparql-graph-crud"
            try:
                if params_from_engine:  # the mix's parameters from the data the engine holds
                    mixes = make_mixes(sample_params(EndpointParams(e.query_url)))
                    res["params"] = "engine"
                remote = RemoteStore(e.query_url, update_url=e.update_url, gsp_url=gsp,
                                     timeout=600, dataset=dataset)
                if not bulk_serve:
                    t0 = time.perf_counter()
                    report = publish(store, remote, graphs=graphs)
                    res["publish_s"] = round(time.perf_counter() - t0, 2)
                    res["published"] = sum(n for _, n, _ in report.replaced)
                    res["publish_rate"] = round(res["published"] / res["publish_s"])
                    if res["bulk_load_s"]:
                        res["bulk_rate"] = round(out["triples"] / res["bulk_load_s"])
                        res["publish_vs_bulk"] = round(res["publish_s"] / res["bulk_load_s"], 2)
                proc, front = start_front(e.query_url, e.update_url, gsp, scratch, 600, dataset)
                try:
                    for mix, reqs in mixes.items():
                        t0 = time.perf_counter()
                        res[mix] = latency(remote, embedded, reqs, reps, front, limit)
                        res[mix]["wall_s"] = round(time.perf_counter() - t0, 1)
                        res[mix]["load_average_end"] = os.getloadavg()
                finally:
                    proc.terminate()
                    proc.wait(30)
            finally:
                remote.close()
                e.stop()
            out[name] = res
            print(json.dumps({name: res}, indent=1), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.remote_engines", description=__doc__)
    ap.add_argument("--store", type=Path, default=os.environ.get("DIPLOGRAPH_STORE"),
                    help="the built store [env DIPLOGRAPH_STORE]")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--engine", action="append", choices=["oxigraph", "virtuoso"])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--graph", action="append", metavar="IRI",
                    help="publish only this graph (repeatable; quick runs on a busy machine)")
    ap.add_argument("--skip-bulk", action="store_true",
                    help="skip the engines' bulk loaders (latency only)")
    ap.add_argument("--bulk-serve", action="store_true",
                    help="query the instance the engine's bulk loader filled (no push; the "
                         "graphs recorded in the catalogue): the way to measure 10 M triples")
    ap.add_argument("--dataset", choices=["catalogue", "union"], default="catalogue",
                    help="what queries read: the catalogue's graphs named in each request, "
                         "or the engine's union default graph (a bulk-loaded read-only engine)")
    ap.add_argument("--virtuoso-buffers", type=int, default=170_000,
                    help="Virtuoso's NumberOfBuffers with --bulk-serve (8 KB pages)")
    ap.add_argument("--mix", action="append", choices=["named", "heavy"],
                    help="only this mix (repeatable; default: both)")
    ap.add_argument("--nquads", type=Path,
                    help="the store's N-Quads export, made beforehand (e.g. `diplograph "
                         "export` of the real graph followed by `python -m bench.generate`'s "
                         "file): not exported again")
    ap.add_argument("--oxigraph-location", type=Path,
                    help="with --bulk-serve: serve this folder, already filled by `oxigraph "
                         "load` (its time measured apart), instead of loading again")
    ap.add_argument("--requests", type=int, metavar="N",
                    help="only the first N distinct requests of each mix (a quick run)")
    ap.add_argument("--no-embedded", action="store_true",
                    help="do not time the embedded store")
    ap.add_argument("--params-from-engine", action="store_true",
                    help="draw the mixes' parameters from the engine's own default graph "
                         "(the data it was bulk-loaded with, e.g. 10 M triples) instead of "
                         "--store, which then only needs the graphs' names (or none, with "
                         "--nquads): no local copy of a large graph")
    ap.add_argument("--new-connections", action="store_true",
                    help="time the engine's endpoint and the served path with a new "
                         "connection per request (the first rounds' way)")
    a = ap.parse_args(argv)
    if a.store is None:
        ap.error("--store is required (or DIPLOGRAPH_STORE)")
    global NEW_CONNECTIONS  # noqa: PLW0603 - a run-wide setting of the HTTP client
    NEW_CONNECTIONS = a.new_connections
    result = run(a.store, a.reps, a.engine, a.graph, a.skip_bulk, a.bulk_serve, a.dataset,
                 a.virtuoso_buffers, tuple(a.mix or ("named", "heavy")), a.nquads,
                 a.oxigraph_location, a.requests, not a.no_embedded, a.params_from_engine)
    text = json.dumps(result, indent=1)
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
