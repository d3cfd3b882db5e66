"""Where a full build's CPU goes, thread by thread (#17; docs/benchmarks.md, "Session 11
(s11-build)").

    .venv/bin/python -m bench.build_threads STORE_DIR

Runs a full build into the fresh store ``STORE_DIR`` in this process as ``diplograph build``
does it (``loaders.build.build``, ``flush``, ``optimize``, then the search index kept for the
next start) and, at every progress line, reads the CPU time of each of the process's threads
from ``/proc/self/task/*/stat``: the build's Python (thread ``python``), the loader thread,
and RocksDB's background threads (``rocksdb:low``: compactions; ``rocksdb:high``: flushes).
Threads that ended before a line (pyoxigraph's bulk-loader threads) are in the step's
process CPU but in no thread's column. The caches are the user's unless ``XDG_CACHE_HOME``
points elsewhere (an empty folder: a cold build). Linux only.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def threads_cpu() -> collections.Counter[str]:
    """CPU seconds of this process's live threads, summed by name (``rocksdb:…`` by kind)."""
    out: collections.Counter[str] = collections.Counter()
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        out[name] += (int(fields[11]) + int(fields[12])) / _TICK
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_threads",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path, help="a store folder to build into (emptied first)")
    args = ap.parse_args(argv)
    for p in (args.store, args.store.with_name(args.store.name + ".snapshots"),
              args.store.with_name(args.store.name + ".search-index")):
        shutil.rmtree(p, ignore_errors=True)
    marks: list[tuple[str, float, float, collections.Counter[str]]] = []

    def mark(label: str) -> None:
        marks.append((label, time.process_time(), time.perf_counter(), threads_cpu()))

    mark("start")
    from diplograph.graph.store import open_store
    from diplograph.loaders.build import build
    from diplograph.server.search_index import keep_for_next_start

    store = open_store(args.store)
    mark("open")
    build(store, progress=lambda m: mark(m.split(":")[0][:40]) if m.startswith("[") else None)
    store.flush()
    mark("flush")
    store.optimize()
    mark("optimize")
    del store
    mark("closed")
    print(f"search index: {keep_for_next_start(args.store)}", file=sys.stderr)
    mark("search index kept")
    prev = marks[0]
    for label, cpu, wall, by_thread in marks[1:]:
        delta = {k: round(v - prev[3].get(k, 0.0), 2) for k, v in by_thread.items()}
        shown = {k: v for k, v in sorted(delta.items()) if v >= 0.05}
        print(f"{label:42s} CPU {cpu - prev[1]:6.2f} s  wall {wall - prev[2]:6.2f} s  {shown}")
        prev = (label, cpu, wall, by_thread)
    print(f"{'total':42s} CPU {marks[-1][1] - marks[0][1]:6.2f} s  "
          f"wall {marks[-1][2] - marks[0][2]:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
