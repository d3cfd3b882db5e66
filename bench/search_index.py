"""What bringing the search index up to date costs after each kind of write, on the full graph.

``python -m bench.search_index [--store DIR] [--rounds 5]`` opens a scratch copy of a store
(by default the real graph) as the server does (:class:`~diplograph.server.store_ops.
StoreService`, query threads) and, each round, in turn:

- **build**: the index read from the store (what every worker paid after any write that did
  not say what it touched, before issue 12's incremental path);
- **load**: the index another worker built for the same generation, loaded from its file;
- **scratch write**: ``INSERT DATA`` then ``DELETE WHERE`` on a scratch graph (the write
  ``bench.pages`` makes before each cold page): nothing to read again;
- **rename (data)**: a label of Mongolia replaced by ``DELETE DATA``/``INSERT DATA``: that entity
  read again;
- **rename (where)**: the same by ``DELETE/INSERT … WHERE`` on a small document graph: the
  entities of that graph read again;
- **rename (registry)**: the same in the registry (8,000 entities): built again.

CPU time (user + system of this process) and wall time per bring-up, medians of the rounds,
to ``--out`` (default ``bench/results/``) ``search-index-<date>.{json,md}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from pathlib import Path
from typing import Any

from .soak import RESULTS, WORK, real_store, say, scratch_copy
from .summary import save_results

MNG = "https://diplograph.org/id/state/MNG"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
REGISTRY = "https://diplograph.org/graph/registry"
DOCUMENT = "https://diplograph.org/graph/source/vn-mn-relations-2023"
VNM_MN = "https://diplograph.org/id/fact/vn-mn-relations-2023/intergovernmental-committee"


def _writes(i: int) -> dict[str, list[str]]:
    """The updates of each scenario (round ``i``: a new name each time)."""
    return {
        "scratch write": [
            f"INSERT DATA {{ GRAPH <urn:x-bench:index> {{ <urn:x-bench:w> <urn:x-bench:n> {i} }} "
            "}",
            "DELETE WHERE { GRAPH <urn:x-bench:index> { ?s ?p ?o } }"],
        "rename (data)": [
            f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{MNG}> <{LABEL}> "Mongolia {i - 1}"@en }} }} ;'
            f'INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{MNG}> <{LABEL}> "Mongolia {i}"@en }} }}'],
        "rename (where)": [
            f'WITH <{DOCUMENT}> DELETE {{ ?s <{LABEL}> ?l }} '
            f'INSERT {{ ?s <{LABEL}> "Committee {i}"@en }}'
            f' WHERE {{ BIND(<{VNM_MN}> AS ?s) OPTIONAL {{ ?s <{LABEL}> ?l }} }}'],
        "rename (registry)": [
            f'WITH <{REGISTRY}> DELETE {{ ?s <{LABEL}> ?l }} '
            f'INSERT {{ ?s <{LABEL}> "Mongolia r{i}"@en }}'
            f' WHERE {{ BIND(<{MNG}> AS ?s) ?s <{LABEL}> ?l FILTER(LANG(?l) = "en") }}'],
    }


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def run(store: Path, *, rounds: int, out_dir: Path) -> dict[str, Any]:
    from diplograph.server.search_index import IndexHolder
    from diplograph.server.store_ops import StoreService

    scratch = scratch_copy(store, "search-index-store")
    load0 = os.getloadavg()[0]
    data: dict[str, dict[str, list[float]]] = {}
    how: dict[str, str] = {}

    def note(name: str, cpu: float, wall: float) -> None:
        d = data.setdefault(name, {"cpu": [], "wall": []})
        d["cpu"].append(cpu)
        d["wall"].append(wall)

    with StoreService(scratch, isolation="thread", workers=2, timeout=120) as qs:
        holder = IndexHolder()
        holder.get(qs)
        for r in range(rounds):
            c0, t0 = _cpu(), time.perf_counter()
            IndexHolder()._read(qs, qs.generation)
            note("build", _cpu() - c0, time.perf_counter() - t0)
            IndexHolder().get(qs)  # (writes the shared file if missing)
            c0, t0 = _cpu(), time.perf_counter()
            IndexHolder().get(qs)
            note("load", _cpu() - c0, time.perf_counter() - t0)
            for name, updates in _writes(r).items():
                for u in updates:
                    qs.update(u)
                c0, t0 = _cpu(), time.perf_counter()
                index = holder.get(qs)
                note(name, _cpu() - c0, time.perf_counter() - t0)
                how[name] = f"{holder.last[0]} ({holder.last[2]} entities)"
                assert index.same_as(IndexHolder()._read(qs, qs.generation).index), name
            say(f"round {r + 1} of {rounds} done")
    rows = [{"case": k, "how": how.get(k, "built" if k == "build" else "loaded"),
             "cpu_median_s": round(statistics.median(v["cpu"]), 3),
             "wall_median_s": round(statistics.median(v["wall"]), 3)} for k, v in data.items()]
    s = {"date": dt.date.today().isoformat(), "rounds": rounds,
         "load": f"{load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end",
         "rows": rows, "runs": data}
    save_results(out_dir, "search-index", s, markdown(s))
    return s


def markdown(s: dict[str, Any]) -> str:
    lines = [f"# The search index after each kind of write ({s['date']})", "",
             f"{s['rounds']} rounds · load average {s['load']} · medians; each bring-up checked "
             "equal to a build from the store", "",
             "| case | how | CPU | wall |", "|---|---|---:|---:|"]
    for r in s["rows"]:
        lines.append(f"| {r['case']} | {r['how']} | {r['cpu_median_s']} s | "
                     f"{r['wall_median_s']} s |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.search_index", description=__doc__)
    ap.add_argument("--store", default=None, help="a store to copy [the real graph]")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    store = Path(args.store) if args.store else real_store()
    print(markdown(run(store, rounds=args.rounds, out_dir=Path(args.out))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
