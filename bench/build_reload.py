"""The engine's share of a build: a built store's graphs bulk-loaded again, with no Python
generating them (#17; docs/benchmarks.md, "Session 12 (s12-build)").

    .venv/bin/python -m bench.build_reload dump BUILT_STORE GRAPHS_DIR
    .venv/bin/python -m bench.build_reload load GRAPHS_DIR NEW_STORE [--part-lines N]
        [--parallel 1|2] [--no-optimize]
    .venv/bin/python -m bench.build_reload queries STORE

``dump`` writes every named graph of a built store as N-Triples, numbered in the build's order
(ontology, metadata, registry and the other small graphs, the data sets in the catalogue's
order, the facts graphs, the Wikidata-shaped view last). ``load`` loads them into a fresh store
in that order as the build does (``graph.store.bulk_load_files``: a graph of more than
``--part-lines`` lines in parts, ``--parallel`` at a time; every graph bulk-loaded, where the
build writes the few small ones by SPARQL updates), then ``flush`` and ``optimize`` as
``diplograph build`` does, and prints the process's CPU (all its threads: RocksDB's
compactions too) for the loads, the data sets, the view and the ``optimize``, and its peak
RSS. Run each variant in its own process, alternated, and compare medians: the machine's load
moves every figure. ``queries`` opens a store read-only and times a few lookups of different
shapes (France's facts, labels, the Wikidata-shaped statements, a scan of every graph): the
first run of each in the process and the median of five more, in ms, as JSON; to compare a
store loaded with and without ``--no-optimize``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from pathlib import Path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def dump(store_dir: Path, out: Path) -> int:
    import pyoxigraph as ox

    from diplograph.loaders.catalogue import all_datasets
    from diplograph.loaders.wikidata_view import VIEW_GRAPH

    store = ox.Store.read_only(str(store_dir))
    graphs = [g.value for g in store.named_graphs()]
    datasets = [info.graph for info, _ in all_datasets() if info.graph in graphs]
    facts = sorted(g for g in graphs if "/graph/source/" in g)
    first = [g for g in graphs if g not in datasets and g not in facts and g != VIEW_GRAPH]
    order = [*first, *datasets, *facts, *([VIEW_GRAPH] if VIEW_GRAPH in graphs else [])]
    out.mkdir(parents=True, exist_ok=True)
    for i, g in enumerate(order):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) or b""
        (out / f"{i:03d}.nt").write_bytes(data)
        (out / f"{i:03d}.graph").write_text(g, encoding="utf-8")
        lines = data.count(b"\n")
        print(f"{i:3d} {lines:>9,} {g}")
    return 0


def load(graphs_dir: Path, store_dir: Path, part_lines: int, parallel: int,
         optimize: bool) -> int:
    import pyoxigraph as ox

    from diplograph.graph.store import bulk_load_files
    from diplograph.loaders.wikidata_view import VIEW_GRAPH

    shutil.rmtree(store_dir, ignore_errors=True)
    graphs = []
    for f in sorted(graphs_dir.glob("*.nt")):
        lines = f.read_bytes().splitlines(keepends=True)
        parts = [b"".join(lines[i:i + part_lines]) for i in range(0, len(lines), part_lines)]
        graphs.append((f.with_suffix(".graph").read_text(encoding="utf-8"), parts or [b""]))
    store = ox.Store(str(store_dir))
    t0, c0 = time.perf_counter(), _cpu()
    cpu_view = cpu_datasets = 0.0
    for g, parts in graphs:
        c = _cpu()
        node = ox.NamedNode(g)
        if parallel == 1:
            for part in parts:
                store.bulk_load(part, format=ox.RdfFormat.N_TRIPLES, to_graph=node,
                                lenient=True)
        else:
            bulk_load_files(store, node, parts, lenient=True)
        if g == VIEW_GRAPH:
            cpu_view += _cpu() - c
        elif "/graph/dataset/" in g:
            cpu_datasets += _cpu() - c
    c1 = _cpu()
    store.flush()
    if optimize:
        store.optimize()
    c2 = _cpu()
    del store
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"part_lines={part_lines} parallel={parallel} loads {c1 - c0:.2f} s CPU (data sets "
          f"{cpu_datasets:.2f}, view {cpu_view:.2f}), flush+optimize {c2 - c1:.2f}, total "
          f"{c2 - c0:.2f} s CPU, {time.perf_counter() - t0:.1f} s wall, peak RSS {rss:,} MB "
          "(the graphs' text included)")
    return 0


_PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def queries(store_dir: Path) -> int:
    import json
    import statistics

    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))

    def run(q: str) -> list[ox.QuerySolution]:
        return list(store.query(_PREFIXES + q, use_default_graph_as_union=True))  # type: ignore[arg-type]

    found = run("SELECT ?e WHERE { ?e skos:exactMatch wd:Q142 } LIMIT 1")
    if not found:
        print("no entity with skos:exactMatch wd:Q142 (France) in this store", file=sys.stderr)
        return 1
    fr = found[0]["e"]
    shapes = {
        "wd-memberships": "SELECT ?org ?start WHERE { wd:Q142 p:P463 ?st . ?st ps:P463 ?org ; "
                          "pq:P580 ?start }",
        "party-facts": f"SELECT ?f ?p ?o WHERE {{ ?f dg:party {fr} ; ?p ?o }}",
        "alliances": f"SELECT ?f ?partner ?s ?e WHERE {{ ?f a dg:AllianceObligation ; "
                     f"dg:party {fr}, ?partner ; dg:startDate ?s ; dg:endDate ?e ; "
                     "prov:wasDerivedFrom ?src }",
        "labels": "SELECT ?e ?l WHERE { ?e a dg:State ; rdfs:label ?l }",
        "about-france": f"SELECT ?p ?o WHERE {{ {fr} ?p ?o }}",
        "to-france": f"SELECT ?s ?p WHERE {{ ?s ?p {fr} }}",
        "count-graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    }
    out = {}
    for name, q in shapes.items():
        times = []
        for _ in range(6):
            t0 = time.perf_counter()
            n = len(run(q))
            times.append(time.perf_counter() - t0)
        out[name] = {"rows": n, "first_ms": round(times[0] * 1000, 1),
                     "median_ms": round(statistics.median(times[1:]) * 1000, 1)}
    print(json.dumps(out))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_reload",
                                 description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="a built store's graphs as N-Triples, in the build's order")
    d.add_argument("store", type=Path)
    d.add_argument("out", type=Path)
    ld = sub.add_parser("load", help="load the dumped graphs into a fresh store")
    ld.add_argument("graphs", type=Path)
    ld.add_argument("store", type=Path, help="emptied first")
    ld.add_argument("--part-lines", type=int, default=300_000)
    ld.add_argument("--parallel", type=int, choices=(1, 2), default=2)
    ld.add_argument("--no-optimize", action="store_true")
    qs = sub.add_parser("queries", help="time a few lookups on a store (read-only)")
    qs.add_argument("store", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "queries":
        return queries(args.store)
    if args.cmd == "dump":
        return dump(args.store, args.out)
    return load(args.graphs, args.store, args.part_lines, args.parallel, not args.no_optimize)


if __name__ == "__main__":
    sys.exit(main())
