"""Benchmark: one Reconciliation API batch of 1,000 names through the real Flask app, and the
same names through the matcher alone.

    .venv/bin/python bench/reconcile_bench.py [--store DIR] [--n 1000] [--repeat 5]

The names are the first evaluation lists (tests/linking/names_eval.csv, names_dev.csv and
names_test.csv; with --all-lists every list of tests/linking/eval/:
English and Vietnamese, with and without diacritics, official long forms, acronyms, historical,
ambiguous, bodies of organisations, typos, unknown), repeated and varied (case, spacing, a
dropped letter) up to --n; one query in five carries a property (an ISO code). Prints the time of
the cold request (which loads the registry and builds the matcher) and of the warm ones
(median, max), the same batch through the draft 1.0 endpoint (``/reconcile/v1/reconcile``,
median), and the matcher's own time per batch (median).

The matcher remembers its answers (``Matcher.match``, session 25), so a batch sent again is
answered mostly from memory. Warm here means the registry loaded and the matcher built, not
the answers known: the memo is forgotten before every batch (``Matcher.forget``) unless
``--remembered`` is given, which measures a batch sent again as it is.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


LISTS = (
    ROOT / "tests" / "linking" / "names_eval.csv",
    ROOT / "tests" / "linking" / "eval" / "names_dev.csv",
    ROOT / "tests" / "linking" / "eval" / "names_test.csv",
)


def names(n: int, lists: tuple[Path, ...] = LISTS) -> list[str]:
    base: list[str] = []
    for path in lists:
        with open(path, encoding="utf-8", newline="") as fh:
            base += [r["name"] for r in csv.DictReader(fh)]
    rnd = random.Random(42)
    out = []
    while len(out) < n:
        name = rnd.choice(base)
        v = rnd.random()
        if v < 0.2:
            name = name.upper()
        elif v < 0.3:
            name = f"  {name}  "
        elif v < 0.4 and len(name) > 6:
            i = rnd.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1 :]  # a typo: goes through the fuzzy pass
        out.append(name)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=None, help="store directory (default: a new empty one)")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--all-lists", action="store_true",
                    help="draw the names from every list of tests/linking/eval/ (the later lists "
                         "hold longer descriptions), not from the first three")
    ap.add_argument("--remembered", action="store_true",
                    help="keep the matcher's remembered answers between batches")
    args = ap.parse_args()
    from diplograph.server.app import create_app
    from diplograph.server.reconcile import bp

    store = args.store or tempfile.mkdtemp(prefix="reconcile-bench-")
    app = create_app({"DIPLOGRAPH_STORE": store})
    if "reconcile" not in app.blueprints:
        app.register_blueprint(bp)
    client = app.test_client()
    lists = (*LISTS, *sorted(set((ROOT / "tests" / "linking" / "eval").glob("*.csv"))
                             - set(LISTS))) if args.all_lists else LISTS
    batch = names(args.n, lists)
    queries: dict[str, dict] = {}
    for i, name in enumerate(batch):
        q: dict = {"query": name}
        if i % 5 == 0:
            q["properties"] = [{"pid": "iso3166Alpha2", "v": "MN"}]
        queries[f"q{i}"] = q
    payload = {"queries": json.dumps(queries, ensure_ascii=False)}
    from diplograph.server.reconcile import _matcher

    def forget() -> None:
        if not args.remembered:
            with app.app_context():
                _matcher().forget()

    times, cpu = [], []
    for i in range(args.repeat + 1):
        if i:
            forget()
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.post("/reconcile", data=payload)
        dt = time.perf_counter() - t0
        if i:
            cpu.append(time.process_time() - c0)
        assert r.status_code == 200, r.data[:200]
        res = r.get_json()
        assert len(res) == args.n
        if i == 0:
            matched = sum(1 for v in res.values() if v["result"] and v["result"][0]["match"])
            print(
                f"cold batch of {args.n} names (loads the registry, builds the matcher): "
                f"{dt:.3f} s; "
                f"{matched} matched"
            )
        else:
            times.append(dt)
    print(
        f"warm batch of {args.n} names: median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s "
        f"over {len(times)} runs (CPU time: median {statistics.median(cpu):.3f} s)"
        + (", answers remembered" if args.remembered else ", answers forgotten before each")
    )
    v1, v1cpu = [], []
    body = {"queries": [
        {"conditions": [{"matchType": "name", "v": q["query"]}]
         + [{"matchType": "property", "pid": p["pid"], "v": p["v"]}
            for p in q.get("properties", [])]}
        for q in queries.values()
    ]}
    for _ in range(args.repeat):
        forget()
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.post("/reconcile/v1/reconcile", json=body)
        v1.append(time.perf_counter() - t0)
        v1cpu.append(time.process_time() - c0)
        assert r.status_code == 200 and len(r.get_json()["results"]) == args.n, r.data[:200]
    print(f"warm batch of {args.n} names, draft 1.0 endpoint: median "
          f"{statistics.median(v1):.3f} s over {len(v1)} runs "
          f"(CPU time: median {statistics.median(v1cpu):.3f} s)")
    with app.app_context():
        m = _matcher()
    alone = []
    for _ in range(args.repeat):
        forget()
        t0 = time.perf_counter()
        for name in batch:
            m.match(name)
        alone.append(time.perf_counter() - t0)
    print(f"matcher alone, {args.n} names: median {statistics.median(alone):.3f} s")
    app.extensions["diplograph"].close()


if __name__ == "__main__":
    main()
