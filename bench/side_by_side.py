"""Two builds of diplograph and ``oxigraph serve`` in one run, cell by cell.

``python -m bench.side_by_side --baseline PATH`` compares this tree's ``diplograph serve``
with another build's (``PATH``: the ``diplograph`` executable of a checkout of the earlier
commit, installed in its own virtual environment) and with ``oxigraph serve``, on copies of
the stores of the last ``python -m bench run --size N`` (``bench/work/N/``), result cache off.
For each mix × concurrency × round the three servers are driven in turn for the same
duration (the order rotates each round), so machine load hits all three alike. Prints the
medians over rounds (req/s, p50, p99, errors) and each server's ratio to ``oxigraph serve``
of the same cell, and writes them as JSON (``--out``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from .loadgen import run_cell
from .mixes import build_mix, sample_params
from .servers import Server, copy_store, start_oxigraph

WORK = Path(__file__).resolve().parent / "work"


def _start_diplograph(exe: str, name: str, store: Path, log: Path,
                      env: list[str] | None = None) -> Server:
    """``exe serve`` on ``store`` with the cache off, with ``env`` (``KEY=VALUE``) set."""
    import os

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.side_by_side", description=__doc__)
    ap.add_argument("--baseline", required=True,
                    help="the diplograph executable of the earlier build")
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
        servers["before"] = _start_diplograph(
            a.baseline, "before", copy_store(work / "store-diplograph-nocache", scratch / "before"),
            scratch / "before.log", a.before_env)
        servers["after"] = _start_diplograph(
            tool("diplograph"), "after",
            copy_store(work / "store-diplograph-nocache", scratch / "after"), scratch / "after.log",
            a.after_env)
        servers["oxigraph"] = start_oxigraph(work / "store-oxigraph", scratch / "oxigraph.log")
        names = list(servers)
        cells: list[dict[str, Any]] = []
        for mix in a.mixes.split(","):
            requests = build_mix(mix, params, seed=a.seed)
            for c in (int(x) for x in a.concurrency.split(",")):
                runs: dict[str, list[Any]] = {n: [] for n in names}
                for r in range(a.rounds):
                    order = names[r % len(names):] + names[:r % len(names)]
                    for n in order:
                        srv = servers[n]
                        targets = [(q.target(srv.path), q.accept) for q in requests]
                        res = run_cell(srv.port, targets, c, a.duration)
                        runs[n].append(res)
                        print(f"  {mix} c={c} round {r + 1} {n}: {res.rps:,.1f} req/s "
                              f"p50 {res.p50_ms:.2f} ms p99 {res.p99_ms:.2f} ms "
                              f"errors {res.errors}", flush=True)
                row = {"mix": mix, "concurrency": c}
                for n in names:
                    row[n] = {"rps": statistics.median(x.rps for x in runs[n]),
                              "p50_ms": statistics.median(x.p50_ms for x in runs[n]),
                              "p99_ms": statistics.median(x.p99_ms for x in runs[n]),
                              "errors": sum(x.errors for x in runs[n])}
                cells.append(row)
        print("\n| mix | c | before req/s | after req/s | oxigraph req/s | before vs oxigraph "
              "| after vs oxigraph | p99 before / after / oxigraph ms |")
        print("|---|---|---|---|---|---|---|---|")
        for row in cells:
            ox_rps = row["oxigraph"]["rps"] or 1
            print(f"| {row['mix']} | {row['concurrency']} | {row['before']['rps']:,.0f} "
                  f"| {row['after']['rps']:,.0f} | {row['oxigraph']['rps']:,.0f} "
                  f"| {row['before']['rps'] / ox_rps:.2f}× | {row['after']['rps'] / ox_rps:.2f}× "
                  f"| {row['before']['p99_ms']:.1f} / {row['after']['p99_ms']:.1f} / "
                  f"{row['oxigraph']['p99_ms']:.1f} |")
        if a.out:
            Path(a.out).write_text(json.dumps(cells, indent=1))
    finally:
        for srv in servers.values():
            srv.stop()
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
