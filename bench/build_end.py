"""The end of ``diplograph build`` alone (#17): the final compaction and the search index kept
for the next start, one after the other (``serial``, the build before session 21) or at once
(``overlap``: ``store.optimize()`` on a second thread while the index is read from the open
store, cli/main.py ``_compact_reading_index``).

    .venv/bin/python -m bench.build_end --store STORE_NOT_OPTIMIZED [--pairs 3]
        [--out bench/results/build-DATE-TAG-end.jsonl]

``STORE_NOT_OPTIMIZED``: a store as ``diplograph build --no-optimize`` left it. For each pair
the two ways run in turn (serial overlap, overlap serial, ...), each in a fresh process on a
fresh copy of the store (no kept index beside it): wall time and CPU time (user + system of
the process and its threads, RocksDB's included) from the store's opening to the index kept,
and whether the kept index is the same bytes both ways. Medians per way on standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _one(way: str, store: str) -> dict[str, object]:
    """Run in the child process: open ``store``, compact it and keep its index ``way``."""
    import pyoxigraph as ox

    from diplograph.cli.main import _compact_reading_index
    from diplograph.server.search_index import keep_for_next_start, saved_folder

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    opened = ox.Store(store)
    made: list[tuple[bytes, int]] = []
    _compact_reading_index(opened, made if way == "overlap" else None)
    t1 = time.perf_counter()
    del opened
    done = keep_for_next_start(store, made[0] if made else None)
    wall, used = time.perf_counter() - t0, cpu() - c0
    folder = saved_folder(store)
    [kept] = list(folder.glob("*.json")) if folder else [None]
    return {"way": way, "wall": round(wall, 3), "cpu": round(used, 3),
            "compaction_wall": round(t1 - t0, 3), "done": list(done or ()),
            "kept": kept.name if kept else None}


def run(way: str, source: Path) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="diplograph-build-end-"))
    try:
        copy = work / "store"
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("LOCK"))
        load = os.getloadavg()[0]
        p = subprocess.run([sys.executable, "-m", "bench.build_end", "--child", way, str(copy)],
                           capture_output=True, text=True, check=True)
        out = json.loads(p.stdout.strip().splitlines()[-1])
        out["load"] = round(load, 2)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--child", nargs=2, metavar=("WAY", "STORE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(_one(*a.child)))
        return
    if a.store is None:
        ap.error("--store is required")
    runs: list[dict[str, object]] = []
    for pair in range(a.pairs):
        order = ("serial", "overlap") if pair % 2 == 0 else ("overlap", "serial")
        for way in order:
            r = run(way, a.store)
            r["pair"] = pair + 1
            runs.append(r)
            print(json.dumps(r), flush=True)
            if a.out:
                with open(a.out, "a") as f:
                    f.write(json.dumps(r) + "\n")
    for way in ("serial", "overlap"):
        mine = [r for r in runs if r["way"] == way]
        print(f"{way}: wall {statistics.median(float(r['wall']) for r in mine):.2f} s, "  # type: ignore[arg-type]
              f"CPU {statistics.median(float(r['cpu']) for r in mine):.2f} s "  # type: ignore[arg-type]
              f"(median of {len(mine)})")
    names = {r["kept"] for r in runs}
    print("the same index kept every time" if len(names) == 1 else f"kept: {names}")


if __name__ == "__main__":
    main()
