"""The CPU of rendering entity pages in process, code against code, and where it goes.

``python -m bench.page_render --store DIR [--page /page/state/FRA …] [--code DIR --code DIR2 …]
[--rounds 4] [--renders 6]`` renders each page ``--renders`` times in a fresh process per code
and round (codes interleaved: A, B, A, B …, so that the machine's load falls on each alike),
through Flask's test client with every cache off and ``DIPLOGRAPH_ISOLATION=thread`` (the
query thread of ``diplograph serve``'s workers), and reports the process's CPU (user + system,
the query thread included) of its first render and the median of the others, per page and
code, and each code's median paired ratio against the first code. ``--code DIR`` is a folder
holding a ``diplograph`` package (``.``: this checkout), as ``bench.first_page`` takes it; the
store is opened read-only by every code (nothing is written).

``--queries`` instead times each query of one render of each page in this checkout (the CPU
of the query thread, median of the renders after the first), by the query's name in
``server/linked_data.py``. Results: ``--out`` (``bench/results/``)
``page-render-<date>[-tag].{json,md}``. Used for docs/benchmarks.md, "Session 12 (s12-pages)".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from .summary import save_results

RESULTS = Path(__file__).resolve().parent / "results"
PAGES = ["/page/state/FRA", "/page/state/USA", "/page/state/GBR", "/page/org/UN"]

#: run in the child process: ``argv``: store, renders, pages (comma-separated), "queries"?
CHILD = r"""
import collections, json, os, resource, statistics, sys, time
os.environ["DIPLOGRAPH_NO_CACHE"] = "1"
store, renders, pages, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), sys.argv[4]
from diplograph.server.app import create_app
app = create_app({"DIPLOGRAPH_STORE": store, "DIPLOGRAPH_ISOLATION": "thread",
                  "DIPLOGRAPH_CACHE_MB": 0})
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
spent = collections.defaultdict(list)
if mode == "queries":
    from diplograph.graph import executor
    from diplograph.server import linked_data as ld
    heads = {k: v.split("{facts}")[0].split("{iris}")[0].split("{sets}")[0]
             for k, v in vars(ld).items()
             if k.isupper() and not k.startswith("_") and isinstance(v, str) and len(v) > 40}
    def name(text):  # the query whose text before its first placeholder is longest
        found = [(len(h), k) for k, h in heads.items() if text.startswith(h)]
        return max(found)[1] if found else "other: " + " ".join(text.split())[:60]
    plain = executor._data
    def timed(store_, query, *a, **k):
        t0 = time.thread_time()
        try:
            return plain(store_, query, *a, **k)
        finally:
            spent[name(query.text)].append(time.thread_time() - t0)
    executor._data = timed
client = app.test_client()
out = {}
for page in pages:
    times = []
    spent.clear()
    for _ in range(renders):
        c0 = cpu()
        r = client.get(page)
        if r.status_code != 200:
            raise SystemExit(f"{page}: {r.status_code}")
        times.append(cpu() - c0)
    out[page] = {"first": times[0], "median": statistics.median(times[1:] or times),
                 "bytes": len(r.data),
                 "queries": {k: statistics.median(v[1:] if len(v) > 1 else v)
                             for k, v in spent.items()}}
print(json.dumps(out))
"""


def run_child(code: str, store: str, renders: int, pages: list[str], mode: str) -> Any:
    env = dict(os.environ)
    if code != ".":
        env["PYTHONPATH"] = str(Path(code).resolve())
    proc = subprocess.run([sys.executable, "-c", CHILD, store, str(renders), ",".join(pages),
                           mode], env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def load() -> float:
    return os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--page", action="append", help=f"[{', '.join(PAGES)}]")
    ap.add_argument("--code", action="append", help="a folder holding a diplograph package "
                    "('.': this checkout); repeatable")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--renders", type=int, default=6)
    ap.add_argument("--queries", action="store_true", help="time each query (this checkout)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--tag", default="")
    a = ap.parse_args(argv)
    pages, codes = a.page or PAGES, a.code or ["."]
    store = str(Path(a.store).resolve())
    s: dict[str, Any] = {"date": dt.date.today().isoformat(), "pages": pages, "codes": codes,
                         "renders": a.renders, "runs": [], "loads": [load()]}
    if a.queries:
        found = run_child(".", store, a.renders, pages, "queries")
        s["runs"].append({"code": ".", "round": 1, "pages": found})
        lines = ["# Each query of a page's render, CPU of the query thread "
                 f"({s['date']})", "", f"load average {load():.1f}", "",
                 "| page | query | CPU |", "|---|---|---:|"]
        for page, got in found.items():
            for q, t in sorted(got["queries"].items(), key=lambda kv: -kv[1]):
                lines.append(f"| `{page}` | `{q}` | {t * 1000:.1f} ms |")
            lines.append(f"| `{page}` | the whole render (process) | "
                         f"{got['median'] * 1000:.0f} ms |")
        save_results(a.out, "page-render", s, "\n".join(lines) + "\n", a.tag or "queries")
        print("\n".join(lines))
        return 0
    for r in range(1, a.rounds + 1):
        for code in codes:
            s["runs"].append({"code": code, "round": r,
                              "pages": run_child(code, store, a.renders, pages, "render")})
            s["loads"].append(load())
        print(f"round {r} of {a.rounds} done", file=sys.stderr)
    lines = [f"# Rendering pages in process, code against code ({s['date']})", "",
             f"{a.rounds} rounds, a fresh process per code and round, interleaved; "
             f"{a.renders} renders each; load average {min(s['loads']):.1f}–"
             f"{max(s['loads']):.1f}", "",
             "| page | code | first render CPU | median render CPU | paired ratio (range) |",
             "|---|---|---:|---:|---:|"]
    for page in pages:
        base = [run["pages"][page] for run in s["runs"] if run["code"] == codes[0]]
        for code in codes:
            mine = [run["pages"][page] for run in s["runs"] if run["code"] == code]
            ratios = [m["median"] / b["median"] for m, b in zip(mine, base, strict=True)]
            lines.append(
                f"| `{page}` | `{code}` | {statistics.median(m['first'] for m in mine):.3f} s "
                f"| {statistics.median(m['median'] for m in mine):.3f} s | "
                f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) |")
    save_results(a.out, "page-render", s, "\n".join(lines) + "\n", a.tag)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
