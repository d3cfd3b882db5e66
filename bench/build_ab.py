"""A/B of two checkouts' full builds (#17): fresh `diplograph build` runs of checkout A and
checkout B alternated (A B, B A, A B, ...), each into an empty store: wall time, CPU time
(user + system, ``/usr/bin/time``), peak RSS of the build's process, the
Wikidata-shaped view's step (wall and CPU, from its progress line) and the data-set steps' CPU
(the sum of their progress lines; every step's CPU is in ``--out``). Medians per checkout.

    .venv/bin/python -m bench.build_ab --a /work/main --b . [--pairs 3] [--cold-cache]
        [--a-args "..."] [--b-args "..."] [--out bench/results/build-DATE-TAG-ab.jsonl]

``--a-args`` / ``--b-args``: more arguments of A's or B's ``diplograph build`` (one checkout
against itself: ``--a . --b . --b-args=--no-optimize``). The time the build took to keep the
search index for the next start (its last line) is recorded as ``index_s``.

Each checkout's own ``.venv/bin/diplograph`` runs (its code, its installed packages). On a
machine shared with other jobs the wall times depend on the load of the moment (the load
average at each start is recorded): quote pairs and the load, not one run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

INDEX = re.compile(r"search index kept for the next start \(.*?, ([\d.]+) s\)")
TIME = re.compile(r"TIME (\S+) (\S+) (\S+) (\S+)")
VIEW = re.compile(r"\[\d+/\d+\] Wikidata-shaped view.*? in ([\d.]+) s .*?; ([\d.]+) s CPU")
#: a step's progress line: its name (up to the first colon) and its CPU seconds
STEP = re.compile(r"^\[\d+/\d+\] ([^:]+?)(?:: | <).*?; ([\d.]+) s CPU\)$", re.M)


def one_build(checkout: Path, cold: bool, extra: list[str] | None = None) -> dict[str, float]:
    """A full build of ``checkout`` into a fresh store (and, ``cold``, an empty cache)."""
    work = Path(tempfile.mkdtemp(prefix="diplograph-build-ab-"))
    try:
        env = dict(os.environ, DIPLOGRAPH_STORE=str(work / "store"))
        if cold:
            env["XDG_CACHE_HOME"] = str(work / "cache")
        load = os.getloadavg()[0]
        p = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M",
                            str(checkout / ".venv" / "bin" / "diplograph"), "build",
                            *(extra or [])],
                           env=env, capture_output=True, text=True, check=False)
        t, v = TIME.search(p.stderr), VIEW.search(p.stderr)
        if p.returncode != 0 or t is None or v is None:
            raise SystemExit(f"{checkout}: build failed:\n{p.stderr[-3000:]}")
        from diplograph.loaders.catalogue import all_datasets

        names = {info.name for info, _ in all_datasets()}
        steps = {m[1]: float(m[2]) for m in STEP.finditer(p.stderr)}
        kept = INDEX.search(p.stderr)
        return {"load": round(load, 2), "wall": float(t[1]),
                "index_s": float(kept[1]) if kept else None,
                "cpu": round(float(t[2]) + float(t[3]), 2), "rss_mb": round(int(t[4]) / 1024),
                "view_wall": float(v[1]), "view_cpu": float(v[2]),
                # the data-set steps' CPU (their Python and their loads), and each step's
                "datasets_cpu": round(sum(c for n, c in steps.items() if n in names), 2),
                "steps_cpu": steps}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build_ab",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--a", type=Path, required=True, help="checkout A (e.g. /work/main)")
    ap.add_argument("--b", type=Path, default=Path("."), help="checkout B [.]")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--cold-cache", action="store_true",
                    help="every build with an empty cache folder (a fresh clone's first build)")
    ap.add_argument("--a-args", default="", help="more arguments of A's build")
    ap.add_argument("--b-args", default="", help="more arguments of B's build")
    ap.add_argument("--out", type=Path, default=None, help="JSON lines of every run")
    args = ap.parse_args(argv)
    runs: list[dict] = []
    for i in range(args.pairs):
        order = [("A", args.a, args.a_args.split()), ("B", args.b, args.b_args.split())]
        for name, checkout, extra in order if i % 2 == 0 else order[::-1]:
            t0 = time.strftime("%H:%M:%S", time.gmtime())
            r = {"checkout": name, "path": str(checkout.resolve()), "args": extra,
                 "pair": i + 1, "cold": args.cold_cache, "start_utc": t0,
                 **one_build(checkout, args.cold_cache, extra)}
            print(json.dumps(r), flush=True)
            runs.append(r)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in runs), encoding="utf-8")
    for name in ("A", "B"):
        mine = [r for r in runs if r["checkout"] == name]
        med = {k: statistics.median(r[k] for r in mine)
               for k in ("wall", "cpu", "rss_mb", "view_wall", "view_cpu", "datasets_cpu",
                         "index_s", "load") if all(r[k] is not None for r in mine)}
        print(name, json.dumps(med))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
