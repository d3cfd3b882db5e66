"""What the final ``optimize`` of ``diplograph build`` buys (#17): a store as the build left it
with and without it, served alternately.

    .venv/bin/python -m bench.build_optimize --a STORE_OPTIMIZED --b STORE_NOT [--rounds 3]
        [--idle 60] [--out bench/results/build-DATE-TAG-optimize.jsonl]
    .venv/bin/python -m bench.build_optimize --b STORE_NOT (--optimize-cpu | --open-idle)

``--a`` and ``--b`` are stores as ``diplograph build`` and ``diplograph build --no-optimize``
left them (each with the search index the build kept beside it, ``<store>.search-index/``).
For each round and store in turn (A B, B A, ...), a scratch copy of both is served by
``diplograph serve`` (the response cache off, ``--cache-mb 0``, so every query reaches the
store) and, in this order:

- **ready**: seconds from the command's start to the first answer;
- **pages**: the busiest entity pages (UN, USA, USSR, France), each fetched once, the first
  requests of the server: wall time and the CPU of the server's processes;
- **lookups**: the store-level shapes ``bench.build_reload queries`` times (France's facts, the
  states' labels, what points at France ...), each once through ``/sparql``: wall time;
- **mixes**: the light and heavy mixes of ``bench.mixes`` (parameters drawn from the store with
  a fixed seed, the same requests for both stores), one request at a time: total wall time;
- **idle**: the CPU of the server's processes over ``--idle`` seconds with no request (a
  compaction the store's opening started would show here: a cost deferred from the build);
- **tables**: the number of table files (``*.sst``) and the size of the live store before the
  start and after the stop (an opening that compacts rewrites them).

One JSON line per (round, store) in ``--out``; medians per store on standard output.

Two measures of the store alone, no server (``--b`` only, on a scratch copy, ``--rounds``
times): ``--optimize-cpu``, the CPU of ``Store.optimize`` (RocksDB's threads included) on
the store as the build left it without its ``optimize``; ``--open-idle``, the store opened
read-write and left idle ``--idle`` seconds: the CPU of the process (RocksDB compacting on its
own) and its table files before and after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import time
import urllib.parse
from pathlib import Path
from typing import Any

from .first_page import _cpu
from .mixes import PREFIXES, build_mix, sample_params
from .servers import fetch
from .soak import RESULTS, WORK, say, start_server

PAGES = ["/page/org/UN", "/page/state/USA", "/page/state/SUN", "/page/state/FRA"]
_LOOKUP_PREFIXES = (
    "PREFIX dg: <https://diplograph.org/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX wd: <http://www.wikidata.org/entity/>\n"
    "PREFIX p: <http://www.wikidata.org/prop/>\n"
    "PREFIX ps: <http://www.wikidata.org/prop/statement/>\n"
    "PREFIX pq: <http://www.wikidata.org/prop/qualifier/>\n"
)
FRANCE = "<https://diplograph.org/id/state/FRA>"
LOOKUPS = {
    "wd-memberships": "SELECT ?org ?start WHERE { wd:Q142 p:P463 ?st . ?st ps:P463 ?org ; "
                      "pq:P580 ?start }",
    "party-facts": f"SELECT ?f ?p ?o WHERE {{ ?f dg:party {FRANCE} ; ?p ?o }}",
    "alliances": f"SELECT ?f ?partner ?s ?e WHERE {{ ?f a dg:AllianceObligation ; "
                 f"dg:party {FRANCE}, ?partner ; dg:startDate ?s ; dg:endDate ?e ; "
                 "prov:wasDerivedFrom ?src }",
    "labels": "SELECT ?e ?l WHERE { ?e a dg:State ; rdfs:label ?l }",
    "about-france": f"SELECT ?p ?o WHERE {{ {FRANCE} ?p ?o }}",
    "to-france": f"SELECT ?s ?p WHERE {{ ?s ?p {FRANCE} }}",
}
JSON = "application/sparql-results+json"


def tables(store: Path) -> tuple[int, int]:
    """The number of table files of ``store`` and the size of its directory in MB."""
    files = list(store.iterdir())
    return (sum(1 for f in files if f.suffix == ".sst"),
            round(sum(f.stat().st_size for f in files if f.is_file()) / 1e6))


def _copy(src: Path, dst: Path) -> Path:
    """A scratch copy of the store ``src`` and of the search index its build kept."""
    for d in (dst, dst.with_name(dst.name + ".snapshots"),
              dst.with_name(dst.name + ".search-index")):
        shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, dst)
    kept = src.with_name(src.name + ".search-index")
    if kept.is_dir():
        shutil.copytree(kept, dst.with_name(dst.name + ".search-index"))
    return dst


def _get(port: int, target: str, accept: str) -> float:
    t0 = time.perf_counter()
    status, body = fetch(port, target, accept, timeout=300)
    if status != 200:
        raise RuntimeError(f"{target[:120]}: {status} {body[:200]!r}")
    return time.perf_counter() - t0


def _tree_cpu(srv: Any) -> float:
    return sum(_cpu(srv.proc.pid, srv.pids()).values())


def one_round(label: str, src: Path, mixes: dict[str, list[str]], idle: float) -> dict[str, Any]:
    store = _copy(src, WORK / "optimize-ab-store")
    n_before, mb_before = tables(store)
    log = WORK / "optimize-ab-server.log"
    t0 = time.perf_counter()
    srv = start_server(store, log, extra=["--cache-mb", "0"])
    row: dict[str, Any] = {"store": label, "load": round(_load(), 2),
                           "ready_s": round(time.perf_counter() - t0, 2),
                           "sst_before": n_before, "mb_before": mb_before}
    try:
        row["start_cpu_s"] = round(_tree_cpu(srv), 2)
        for page in PAGES:
            c0 = _tree_cpu(srv)
            row[f"page {page}"] = round(_get(srv.port, page, "text/html"), 3)
            row[f"page {page} cpu"] = round(_tree_cpu(srv) - c0, 3)
        for name, q in LOOKUPS.items():
            target = "/sparql?" + urllib.parse.urlencode({"query": _LOOKUP_PREFIXES + q})
            row[f"lookup {name}"] = round(_get(srv.port, target, JSON), 3)
        for name, targets in mixes.items():
            c0 = _tree_cpu(srv)
            row[f"mix {name}"] = round(sum(_get(srv.port, t, a) for t, a in targets), 3)
            row[f"mix {name} cpu"] = round(_tree_cpu(srv) - c0, 3)
        c0 = _tree_cpu(srv)
        time.sleep(idle)
        row["idle_cpu_s"] = round(_tree_cpu(srv) - c0, 3)
    finally:
        srv.stop()
    row["sst_after"], row["mb_after"] = tables(store)
    return row


def _cpu_self() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def store_alone(src: Path, idle: float | None, work: Path = WORK) -> dict[str, Any]:
    """``Store.optimize`` (``idle`` None) or an idle read-write opening of a copy of ``src``
    (made under ``work``)."""
    import pyoxigraph as ox

    copy = _copy(src, work / "optimize-ab-alone")
    n0, mb0 = tables(copy)
    row: dict[str, Any] = {"load": round(_load(), 2), "sst_before": n0, "mb_before": mb0}
    t0, c0 = time.perf_counter(), _cpu_self()
    store = ox.Store(str(copy))
    if idle is None:
        store.flush()
        store.optimize()
        row["optimize_cpu_s"] = round(_cpu_self() - c0, 2)
        row["optimize_wall_s"] = round(time.perf_counter() - t0, 2)
    else:
        time.sleep(idle)
        row["idle_s"] = idle
        row["idle_cpu_s"] = round(_cpu_self() - c0, 2)
    del store
    row["sst_after"], row["mb_after"] = tables(copy)
    shutil.rmtree(copy, ignore_errors=True)
    return row


def _load() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", type=Path, help="the store built with the optimize")
    ap.add_argument("--b", type=Path, required=True, help="the store built without it")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--idle", type=float, default=60.0)
    ap.add_argument("--light", type=int, default=100, help="requests of the light mix")
    ap.add_argument("--heavy", type=int, default=20, help="requests of the heavy mix")
    ap.add_argument("--out", type=Path,
                    default=RESULTS / f"build-{dt.date.today()}-optimize-ab.jsonl")
    ap.add_argument("--optimize-cpu", action="store_true",
                    help="only the CPU of Store.optimize on a copy of --b")
    ap.add_argument("--open-idle", action="store_true",
                    help="only --b opened read-write and left idle --idle seconds")
    args = ap.parse_args(argv)
    if args.optimize_cpu or args.open_idle:
        for _ in range(args.rounds):
            row = store_alone(args.b, args.idle if args.open_idle else None)
            say(json.dumps(row))
            with args.out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row) + "\n")
        return 0
    if args.a is None:
        ap.error("--a is needed (the store built with the optimize)")

    import pyoxigraph as ox

    params = sample_params(ox.Store.read_only(str(args.a)))
    mixes = {name: [(r.target("/sparql"), r.accept) for r in build_mix(name, params, n=n)]
             for name, n in (("light", args.light), ("heavy", args.heavy))}
    for q in mixes["light"][:1]:
        assert PREFIXES.split("\n")[0] in urllib.parse.unquote_plus(q[0])
    rows = []
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for i in range(args.rounds):
        order = [("A", args.a), ("B", args.b)]
        for label, src in order if i % 2 == 0 else order[::-1]:
            row = one_round(label, src, mixes, args.idle)
            row["round"] = i + 1
            rows.append(row)
            say(json.dumps(row))
            with args.out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row) + "\n")
    for label in ("A", "B"):
        mine = [r for r in rows if r["store"] == label]
        keys = [k for k in mine[0] if isinstance(mine[0][k], (int, float)) and k != "round"]
        say(f"{label}: " + ", ".join(f"{k} {statistics.median(r[k] for r in mine):g}"
                                     for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
