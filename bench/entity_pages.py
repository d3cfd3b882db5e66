"""Entity pages of the busiest entities, cold and warm, with and without a concurrent writer.

``python -m bench.entity_pages [--store DIR] [--rounds 5] [--top 5]`` serves a scratch copy of a
store (by default the real graph, built once into ``bench/work/``) with ``diplograph serve`` and
an update token, finds the busiest entities (states and organisations by the number of facts
that point at them) and, for each, ``--rounds`` times:

- **cold**: a one-triple SPARQL Update that touches the entity first (a triple about it in a
  scratch graph: the page cache drops its page, as a new fact about it would), then the page;
- **warm**: the same page again, twice;
- **after a write elsewhere**: a one-triple update to other nodes (the page cache keeps the
  page; the response cache of ``/sparql`` is emptied), then the page.

Then the same with a writer sending an update elsewhere every ``--write-every`` seconds
meanwhile (what a reader sees under writes). Medians are reported against the target of
issues 12 and 14: each page <= 0.5 s.
Results: ``--out`` (default ``bench/results/``) ``entity-pages-<date>.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
import urllib.parse
from pathlib import Path
from typing import Any

from . import summary
from .soak import (
    RESULTS,
    WORK,
    Writer,
    _request,
    real_store,
    say,
    scratch_copy,
    start_server,
    update,
)
from .summary import save_results

TARGET_S = 0.5

#: The entities with the most facts pointing at them (concepts and data sets left out: their
#: pages list every fact of a precision or of a data set, not an entity's relations).
BUSIEST = """PREFIX dg: <https://diplograph.org/ontology#>
SELECT ?e (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f a dg:Fact ; ?p ?e .
  FILTER(isIRI(?e) && (CONTAINS(STR(?e), "/id/state/") || CONTAINS(STR(?e), "/id/org/")))
} GROUP BY ?e ORDER BY DESC(?n) LIMIT %d"""


def busiest(port: int, top: int) -> list[tuple[str, int]]:
    """``(page path, facts)`` of the ``top`` busiest states and organisations."""
    status, body = _request(port, "GET", "/sparql?" + urllib.parse.urlencode(
        {"query": BUSIEST % top}), headers={"Accept": "application/sparql-results+json"},
        timeout=300)
    if status != 200:
        raise RuntimeError(f"the busiest entities: {status} {body[:300]!r}")
    out = []
    for row in json.loads(body)["results"]["bindings"]:
        iri = row["e"]["value"]
        out.append(("/page/" + iri.split("/id/", 1)[1], int(row["n"]["value"])))
    return out


def _write(port: int, i: int, about: str | None = None) -> None:
    """One triple in a scratch graph: about the entity ``about`` (its IRI), or about others."""
    subject = f"<{about}>" if about else f"<urn:x-bench:w{i}>"
    update(port, f"INSERT DATA {{ GRAPH <urn:x-bench:pages> {{ {subject} "
                 f"<urn:x-bench:n> {i} }} }}", i)


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes (exited ones count as 0)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def _get(port: int, page: str, pids: list[int] | None = None) -> tuple[float, int, float]:
    """Wall time, bytes and the server's CPU time for one page (CPU time counts only what
    the server did, whatever else loads the machine; with a writer it includes the writes)."""
    cpu0 = cpu_seconds(pids) if pids else 0.0
    t0 = time.perf_counter()
    status, body = _request(port, "GET", page, headers={"Accept": "text/html"}, timeout=120)
    secs = time.perf_counter() - t0
    cpu = cpu_seconds(pids) - cpu0 if pids else 0.0
    if status != 200:
        raise RuntimeError(f"{page}: {status} {body[:200]!r}")
    return secs, len(body), cpu


def measure(port: int, pages: list[str], rounds: int, writes: bool,
            write_every: float, pids: list[int],
            iris: dict[str, str]) -> dict[str, dict[str, list[float]]]:
    """``{page: {"cold": [s…], "warm": [s…], "elsewhere": [s…], "cold_cpu": [s…],
    "warm_cpu": [s…], "elsewhere_cpu": [s…], "bytes": [n]}}``."""
    out: dict[str, dict[str, list[float]]] = {
        p: {"cold": [], "warm": [], "elsewhere": [], "cold_cpu": [], "warm_cpu": [],
            "elsewhere_cpu": [], "bytes": []} for p in pages}
    writer = None
    if writes:
        writer = Writer(port, write_every, time.time() + 3600)
        writer.start()
    counter = 10_000 if writes else 0
    try:
        for _ in range(rounds):
            for page in pages:
                counter += 1
                _write(port, counter, iris[page])
                secs, size, cpu = _get(port, page, pids)
                out[page]["cold"].append(secs)
                out[page]["cold_cpu"].append(cpu)
                out[page]["bytes"] = [size]
                for _ in range(2):
                    secs, _, cpu = _get(port, page, pids)
                    out[page]["warm"].append(secs)
                    out[page]["warm_cpu"].append(cpu)
                counter += 1
                _write(port, counter)
                secs, _, cpu = _get(port, page, pids)
                out[page]["elsewhere"].append(secs)
                out[page]["elsewhere_cpu"].append(cpu)
    finally:
        if writer is not None:
            writer.t_end = 0  # ends after its current write
    return out


def summarise(runs: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for mode, data in runs.items():
        for page, d in data.items():
            rows.append({"mode": mode, "page": page, "bytes": d["bytes"][0],
                         "cold_median_s": round(statistics.median(d["cold"]), 3),
                         "warm_median_s": round(statistics.median(d["warm"]), 3),
                         "elsewhere_median_s": round(statistics.median(d["elsewhere"]), 3),
                         "cold_max_s": round(max(d["cold"]), 3),
                         "cold_p90_s": summary.summarise(d["cold"])["p90"],
                         "cold_cpu_median_s": round(statistics.median(d["cold_cpu"]), 3),
                         "warm_cpu_median_s": round(statistics.median(d["warm_cpu"]), 3),
                         "n": len(d["cold"])})
    return {"rows": rows,
            "all_within_target": all(r["cold_median_s"] <= TARGET_S
                                     and r["warm_median_s"] <= TARGET_S
                                     and r["elsewhere_median_s"] <= TARGET_S for r in rows)}


def markdown(s: dict[str, Any]) -> str:
    lines = [f"# Entity pages of the busiest entities ({s['date']})", "",
             f"Store: {s['store_triples']} · server: `diplograph serve` "
             f"({s['workers'] or 'default'} workers) · {s['rounds']} rounds · "
             f"writer every {s['write_every']} s in the \"under writes\" rows · target "
             f"<= {TARGET_S} s · load average of the machine {s['load']}", "",
             "Wall time is what a client waited; server CPU is the CPU time the server's "
             "processes spent meanwhile (what the page costs on an idle machine, whatever else "
             "runs on it; under writes it includes the writes).", "",
             "Cold: after a write about the entity (its page is made again); warm: the "
             "same page again; after a write elsewhere: after a write to other nodes (the "
             "page cache keeps the page).", "",
             "| entity | facts | HTML | mode | cold median | warm median | after a write "
             "elsewhere | cold max | cold CPU | warm CPU |",
             "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    facts = dict(s["busiest"])
    for r in s["summary"]["rows"]:
        lines.append(f"| `{r['page']}` | {facts.get(r['page'], '')} | {r['bytes'] // 1024} KB | "
                     f"{r['mode']} | {r['cold_median_s']} s | {r['warm_median_s']} s | "
                     f"{r['elsewhere_median_s']} s | {r['cold_max_s']} s | "
                     f"{r['cold_cpu_median_s']} s | {r['warm_cpu_median_s']} s |")
    lines += ["", f"All medians within target: {s['summary']['all_within_target']}", ""]
    return "\n".join(lines)


def run(store: Path, *, rounds: int, top: int, write_every: float, workers: int | None,
        out_dir: Path, tag: str = "", extra: tuple[str, ...] = ()) -> dict[str, Any]:
    scratch = scratch_copy(store, "pages-store")
    log = WORK / "pages-server.log"
    server = start_server(scratch, log, workers=workers)
    try:
        status, body = _request(server.port, "GET", "/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}),
            headers={"Accept": "application/sparql-results+json"}, timeout=300)
        triples = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        top_pages = busiest(server.port, top)
        say("busiest: " + ", ".join(f"{p} ({n})" for p, n in top_pages))
        pages = [p for p, _ in top_pages] + list(extra)
        iris = {p: "https://diplograph.org/id/" + p.removeprefix("/page/") for p in pages}
        for p in pages:  # first touch (the store's files into memory), not measured
            _get(server.port, p)
        pids = server.pids()
        load0 = os.getloadavg()[0]
        runs = {"quiet": measure(server.port, pages, rounds, False, write_every, pids,
                                 iris)}
        runs["under writes"] = measure(server.port, pages, rounds, True, write_every, pids,
                                       iris)
        load = f"{load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    finally:
        server.stop()
    s = {"date": dt.date.today().isoformat(), "store_triples": f"{int(triples):,} triples",
         "workers": workers, "rounds": rounds, "write_every": write_every,
         "busiest": top_pages, "runs": runs, "load": load}
    s["summary"] = summarise(runs)
    save_results(out_dir, "entity-pages", s, markdown(s), tag)
    return s


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of ``python -m bench.entity_pages``."""
    ap.add_argument("--store", default=None, help="a store to copy and serve [the real graph]")
    ap.add_argument("--rounds", type=int, default=5, help="cold fetches per page [5]")
    ap.add_argument("--top", type=int, default=5, help="how many of the busiest entities [5]")
    ap.add_argument("--write-every", type=float, default=1.0,
                    help="seconds between the writer's updates [1]")
    ap.add_argument("--workers", type=int, default=None, help="diplograph serve --workers")
    ap.add_argument("--out", default=str(RESULTS), help="where the results go")
    ap.add_argument("--tag", default="", help="appended to the result file names")
    ap.add_argument("--page", action="append", default=[],
                    help="another page to measure (a path: /page/state/SUN); repeatable")


def cmd_entity_pages(args: argparse.Namespace) -> int:
    """Exit status 1 if a median is over the target."""
    WORK.mkdir(parents=True, exist_ok=True)
    store = Path(args.store) if args.store else real_store()
    s = run(store, rounds=args.rounds, top=args.top, write_every=args.write_every,
            workers=args.workers, out_dir=Path(args.out), tag=args.tag,
            extra=tuple(args.page))
    print(markdown(s))
    return 0 if s["summary"]["all_within_target"] else 1


if __name__ == "__main__":
    import sys

    p = argparse.ArgumentParser(prog="python -m bench.entity_pages", description=__doc__)
    add_arguments(p)
    sys.exit(cmd_entity_pages(p.parse_args()))
