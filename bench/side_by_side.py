"""Two builds of diplograph and ``oxigraph serve`` in one run, cell by cell.

``python -m bench.side_by_side --baseline PATH`` compares this tree's ``diplograph serve``
with another build's (``PATH``: the ``diplograph`` executable of a checkout of the earlier
commit, installed in its own virtual environment) and with ``oxigraph serve``, on copies of
the stores of the last ``python -m bench run --size N`` (``bench/work/N/``), result cache off.
For each mix × concurrency × round the three servers are driven in turn for the same
duration (the order rotates each round), so machine load hits all three alike. Prints the
medians over rounds (req/s, p50, p99, errors) and each server's ratio to ``oxigraph serve``
of the same cell, and writes them as JSON (``--out``).

``--loadgen wrk`` drives the cells with Debian's wrk instead of the Python generator (which
takes a larger share of the shared cores). Each cell also records the CPU time (user + system)
of each server's process tree per answered request: on a loaded machine this moves less than
requests per second, and the ratio of two servers' CPU per request is what their throughput
ratio tends to once the cores are saturated. ``--minimal`` adds ``bench/minimal.py`` (uvloop,
httptools, queries inline, no checks) as a fourth server; without ``--baseline`` only this
tree's server, oxigraph (and the minimal one) are driven.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
from pathlib import Path
from typing import Any

import psutil

from .loadgen import CellResult, run_cell, run_cell_wrk
from .mixes import build_mix, sample_params
from .servers import Server, copy_store, start_oxigraph, start_python_minimal

WORK = Path(__file__).resolve().parent / "work"


def _start_diplograph(exe: str, name: str, store: Path, log: Path,
                      env: list[str] | None = None) -> Server:
    """``exe serve`` on ``store`` with the cache off, with ``env`` (``KEY=VALUE``) set."""
    from . import servers

    real = servers.tool
    saved = dict(os.environ)
    os.environ.update(dict(e.split("=", 1) for e in env or []))
    servers.tool = lambda tool_name: exe if tool_name == "diplograph" else real(tool_name)  # type: ignore[assignment]
    try:
        return servers.start_diplograph(store, log, cache_mb=0, name=name)
    finally:
        servers.tool = real  # type: ignore[assignment]
        os.environ.clear()
        os.environ.update(saved)


def _cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each live process of ``pids``."""
    out = {}
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
        except psutil.Error:
            continue
        out[pid] = t.user + t.system
    return out


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished (waited-for) children."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measure(srv: Server, targets: list[tuple[str, str]], concurrency: int, duration: float,
            wrk: bool) -> tuple[CellResult, float, float]:
    """One cell (after a 1 s warm-up): its result, the server tree's CPU µs per answered
    request, and the load generator's (its processes are children of this one, waited for
    when the cell ends; the servers are still running, so they do not count there)."""
    run = run_cell_wrk if wrk else run_cell
    run(srv.port, targets, concurrency, 1.0, warmup=0)
    before = _cpu_seconds(srv.pids())
    gen0 = _children_cpu()
    res = run(srv.port, targets, concurrency, duration, warmup=0)
    gen = _children_cpu() - gen0
    after = _cpu_seconds(srv.pids())
    cpu = sum(t - before.get(pid, 0.0) for pid, t in after.items())
    answered = res.rps * duration + res.errors
    if not answered:
        return res, 0.0, 0.0
    return res, cpu / answered * 1e6, gen / answered * 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.side_by_side", description=__doc__)
    ap.add_argument("--baseline", default=None,
                    help="the diplograph executable of the earlier build (none: no 'before')")
    ap.add_argument("--before-env", action="append", default=[], metavar="KEY=VALUE",
                    help="an environment variable of the earlier build's server (repeatable)")
    ap.add_argument("--after-env", action="append", default=[], metavar="KEY=VALUE",
                    help="an environment variable of this tree's server (repeatable)")
    ap.add_argument("--size", default="1m", help="the stores of bench/work/SIZE [1m]")
    ap.add_argument("--mixes", default="light,ask,heavy")
    ap.add_argument("--concurrency", default="8,32")
    ap.add_argument("--duration", type=float, default=6.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--loadgen", choices=("python", "wrk"), default="python")
    ap.add_argument("--minimal", action="store_true",
                    help="add bench/minimal.py (no checks, queries inline) as a server")
    ap.add_argument("--out", default=None, help="write the results as JSON here")
    a = ap.parse_args(argv)
    from .load import tool

    work = WORK / a.size
    scratch = Path(tempfile.mkdtemp(prefix="side-by-side-", dir=work))
    import pyoxigraph as ox

    ro = ox.Store.read_only(str(work / "store-readonly"))
    params = sample_params(ro, seed=a.seed)
    del ro
    print("copying the stores ...", flush=True)
    servers: dict[str, Server] = {}
    try:
        if a.baseline:
            servers["before"] = _start_diplograph(
                a.baseline, "before",
                copy_store(work / "store-diplograph-nocache", scratch / "before"),
                scratch / "before.log", a.before_env)
        servers["after"] = _start_diplograph(
            tool("diplograph"), "after",
            copy_store(work / "store-diplograph-nocache", scratch / "after"), scratch / "after.log",
            a.after_env)
        servers["oxigraph"] = start_oxigraph(work / "store-oxigraph", scratch / "oxigraph.log")
        if a.minimal:
            servers["minimal"] = start_python_minimal(
                copy_store(work / "store-readonly", scratch / "minimal"), scratch / "minimal.log")
        names = list(servers)
        cells: list[dict[str, Any]] = []
        for mix in a.mixes.split(","):
            requests = build_mix(mix, params, seed=a.seed)
            for c in (int(x) for x in a.concurrency.split(",")):
                runs: dict[str, list[Any]] = {n: [] for n in names}
                cpus: dict[str, list[float]] = {n: [] for n in names}
                gens: dict[str, list[float]] = {n: [] for n in names}
                for r in range(a.rounds):
                    order = names[r % len(names):] + names[:r % len(names)]
                    for n in order:
                        srv = servers[n]
                        targets = [(q.target(srv.path), q.accept) for q in requests]
                        res, cpu_us, gen_us = measure(srv, targets, c, a.duration,
                                                      a.loadgen == "wrk")
                        runs[n].append(res)
                        cpus[n].append(cpu_us)
                        gens[n].append(gen_us)
                        print(f"  {mix} c={c} round {r + 1} {n}: {res.rps:,.1f} req/s "
                              f"p50 {res.p50_ms:.2f} ms p99 {res.p99_ms:.2f} ms "
                              f"errors {res.errors} CPU {cpu_us:.0f} µs/req, load generator "
                              f"{gen_us:.0f} µs/req (load {os.getloadavg()[0]:.1f})", flush=True)
                row = {"mix": mix, "concurrency": c, "load_average": os.getloadavg()[0]}
                for n in names:
                    rps = [x.rps for x in runs[n]]
                    ox_rps = [x.rps for x in runs["oxigraph"]]
                    row[n] = {"rps": statistics.median(rps),
                              "p50_ms": statistics.median(x.p50_ms for x in runs[n]),
                              "p99_ms": statistics.median(x.p99_ms for x in runs[n]),
                              "errors": sum(x.errors for x in runs[n]),
                              "cpu_us_per_request": statistics.median(cpus[n]),
                              "loadgen_cpu_us_per_request": statistics.median(gens[n]),
                              # the ratio of each round (same moment), then their median
                              "ratio_per_round": [round(x / (o or 1), 3)
                                                  for x, o in zip(rps, ox_rps, strict=True)],
                              "rounds_rps": rps}
                cells.append(row)
        print(table(cells, names))
        if a.out:
            Path(a.out).write_text(json.dumps({"loadgen": a.loadgen, "duration": a.duration,
                                               "rounds": a.rounds, "cells": cells}, indent=1))
    finally:
        for srv in servers.values():
            srv.stop()
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def table(cells: list[dict[str, Any]], names: list[str]) -> str:
    """The Markdown table of the medians: req/s, the median of the per-round ratios to
    oxigraph, p99 and CPU per request of each server."""
    others = [n for n in names if n != "oxigraph"]
    head = ["mix", "c", *(f"{n} req/s" for n in names), *(f"{n} vs oxigraph" for n in others),
            f"p99 ms ({' / '.join(names)})", f"CPU µs/req ({' / '.join(names)})"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in cells:
        cols = [row["mix"], str(row["concurrency"])]
        cols += [f"{row[n]['rps']:,.0f}" for n in names]
        cols += [f"{statistics.median(row[n]['ratio_per_round']):.2f}×" for n in others]
        cols.append(" / ".join(f"{row[n]['p99_ms']:.1f}" for n in names))
        cols.append(" / ".join(f"{row[n]['cpu_us_per_request']:.0f}" for n in names))
        lines.append("| " + " | ".join(cols) + " |")
    return "\n" + "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
