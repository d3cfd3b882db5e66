"""The data sets' Python alone: every data set's lines as a build writes them, no store
(#17; docs/benchmarks.md, "Session 14 (s14-build)").

    .venv/bin/python -m bench.build_python [--mode gen|parts|tap] [--rounds N]
        [--dataset NAME ...] [--profile FILE.prof] [--digest]

``gen``: the loaders' generators only (every line produced, nothing written); ``parts``: the
lines written to the build's parts (``graph.store.write_parts``, in memory); ``tap`` (the
default, what a build's ``dprepare`` does): the parts with the view's tap as well
(``ViewInputs.collect_chunk`` or what replaces it). Prints the CPU seconds of each data set
(the thread's CPU, ``time.thread_time``) and their sum, per round, then the median of the
rounds. ``--digest`` prints a SHA-256 of every data set's sorted lines and of the view's inputs
(to check that a change gives the same lines and the same tap). The cyclic collector is off,
as in a build (``loaders.build.fewer_collections``).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import statistics
import sys
import time


def _run(mode: str, names: list[str] | None, digest: bool) -> tuple[dict[str, float], dict]:
    from diplograph.graph.store import MEMORY_BYTES, write_parts
    from diplograph.loaders.catalogue import all_datasets
    from diplograph.loaders.registry import default_data_dir
    from diplograph.loaders.state_periods import StatePeriods
    from diplograph.loaders.wikidata_view import ViewInputs

    data_dir = default_data_dir()
    chosen = [(i, fn) for i, fn in all_datasets() if not names or i.name in names]
    times: dict[str, float] = {}
    digests: dict[str, str] = {}
    view = ViewInputs()
    for info, fn in chosen:
        c0 = time.thread_time()
        periods = StatePeriods.load(data_dir)
        items = fn(data_dir, periods, lambda _m: None)
        if mode == "gen":
            n = 0
            for _ in items:
                n += 1
            parts = []
        else:
            part = view.part() if mode == "tap" else None
            tap = None
            if part is not None:
                tap = functools.partial(view.collect_chunk, part)
            parts, n = write_parts(info.graph, items, tap=tap, memory=MEMORY_BYTES)
            if part is not None:
                view.keep(info.graph, part)
        times[info.name] = time.thread_time() - c0
        if digest and mode != "gen":
            lines = sorted(b"".join(parts).splitlines())
            digests[info.name] = hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]
        del parts
    if digest and mode == "tap":
        h = hashlib.sha256()
        for p in sorted(view.by_p):
            for s in sorted(view.by_p[p]):
                h.update(f"{p} {s} {sorted(view.by_p[p][s])}\n".encode())
        for c in sorted(view.types):
            h.update(f"{c} {sorted(view.types[c])}\n".encode())
        digests["(view inputs)"] = h.hexdigest()[:16]
    return times, digests


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_python", description=__doc__)
    ap.add_argument("--mode", choices=("gen", "parts", "tap"), default="tap")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--dataset", action="append")
    ap.add_argument("--profile")
    ap.add_argument("--digest", action="store_true")
    args = ap.parse_args(argv)
    import gc

    gc.disable()
    rounds: list[dict[str, float]] = []
    for r in range(args.rounds):
        if args.profile and r == 0:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
            times, digests = _run(args.mode, args.dataset, args.digest)
            prof.disable()
            prof.dump_stats(args.profile)
        else:
            times, digests = _run(args.mode, args.dataset, args.digest)
        rounds.append(times)
        total = sum(times.values())
        print(f"round {r + 1}: {total:.3f} s CPU  " + ", ".join(
            f"{k} {v:.3f}" for k, v in times.items() if v >= 0.02))
        for k, v in digests.items():
            print(f"  digest {k}: {v}")
        sys.stdout.flush()
    if len(rounds) > 1:
        med = {k: statistics.median(t[k] for t in rounds) for k in rounds[0]}
        print(f"median: {statistics.median(sum(t.values()) for t in rounds):.3f} s CPU  "
              + ", ".join(f"{k} {v:.3f}" for k, v in med.items() if v >= 0.02))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
