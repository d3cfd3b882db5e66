"""The first page after a start, the start itself, and search right after it.

``python -m bench.first_page --store DIR [--starts 5] [--page /page/state/FRA …]
[--code DIR --code DIR2 …]`` serves a scratch copy of a store with ``diplograph serve``
(default workers) once per (start, page, code) and, as soon as the service answers:

- **ready**: seconds from the command's start to the first answered ``ASK {}``;
- **first page**: the page fetched as the first request (wall time, and the CPU time of every
  process of the server's tree, helpers included, during it);
- **search**: ``/search.json?q=viet`` right after the page: wall time, and whether its answer
  equals the same request's answer a few seconds later (search correct from the first
  request, never empty or stale while the index is being made);
- **index**: seconds from the command's start until the shared search index of generation 0
  was written beside the checkpoints (``<store>.snapshots/search-index/0.json``);
- **fallback**: ``/search.json?q=Ceylon`` (a name no indexed name holds, read by the linking
  matcher) asked :data:`FALLBACK_AT` s after the command's start (``--fallback-at``), the first
  such search of the server; and **matcher**: when the builder shared the matcher it needs
  (``<store>.snapshots/matcher/0.pickle``; none with code that does not make it);
- **cold**: then the same page right after a write that empties every cache (as
  ``bench.pages`` does), on the same server: what the page costs when nothing else runs.

``--restore`` copies the store afresh before every start (the write of the cold measure
changes it): each start then finds the store as the start before it found it, and may reuse
the search index that start kept (server/search_index.py); the **reused** column says whether
it did (the server's log). Without it every start but the first follows a write.

``--after-build`` makes every start the first after ``diplograph build``: ``--store`` must be
a store as the build left it (never served since), with the search index the build kept beside
it (``<store>.search-index/``); before each start both are copied afresh (the scratch copy's
kept indexes are dropped), so each start finds exactly what the build left. Another checkout's
code (``--code``) that made no index at its build, or whose search code differs, builds the
index at that start: the "before" of a pair.

``--after-write`` (with ``--after-build``) makes every start the first after a write through
the endpoint: before it, the same code serves the store as the build left it, takes one write
through ``/update`` (a triple inserted and deleted: the same data in new tables, as
``empty_caches``), waits :data:`WRITE_SETTLE_S` s (time for the worker that took it to keep
its index for the next start, if the code does) and stops. Whether the start reused an index
is the **reused** column, as above.

``--code DIR`` serves the code of another checkout (a folder holding a ``diplograph`` package,
put first on ``PYTHONPATH``): several are run as interleaved pairs (A, B, A, B …) so that the
machine's load falls on each alike. Results: ``--out`` (``bench/results/``)
``first-page-<date>[-tag].{json,md}``, medians per page and code, with the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from .servers import Server, copy_store, fetch
from .soak import RESULTS, WORK, empty_caches, say, scratch_copy, start_checkout
from .summary import median_of, save_results

PAGES = ["/page/state/FRA", "/page/state/USA", "/page/state/ITA", "/page/org/UN"]
SEARCH = "/search.json?q=viet&limit=50"
#: a search no indexed name holds: read by the linking matcher (server/search.py `_resolved`)
FALLBACK = "/search.json?q=Ceylon"
#: seconds a server that took a write is kept running before it stops (``--after-write``)
WRITE_SETTLE_S = 8.0
#: seconds from the command's start at which :data:`FALLBACK` is asked (a settled server)
FALLBACK_AT = 20.0


def _builders(pids: list[int]) -> list[int]:
    """Those of ``pids`` that build the search index at a start (a process of their own)."""
    import psutil

    out = []
    for pid in pids:
        try:
            if psutil.Process(pid).name() == "search-index":
                out.append(pid)
        except psutil.Error:
            continue
    return out


def _cpu(root: int, pids: list[int]) -> dict[int, float]:
    """User + system CPU of each live process of ``pids``; for ``root`` (the server's main
    process) also that of its children that ended and were reaped (the index builder)."""
    import psutil

    from .side_by_side import _cpu_seconds

    out = _cpu_seconds(pids)
    if root in out:
        try:
            t = psutil.Process(root).cpu_times()
        except psutil.Error:
            return out
        out[root] += t.children_user + t.children_system
    return out


def _timed(srv: Server, target: str,
           accept: str) -> tuple[float, float, float, int, bytes]:
    """Wall time, the CPU of the server's processes, the same without the index builder's,
    the status and the body of one request."""
    pids = srv.pids()  # now: a helper process started meanwhile counts too
    builders = set(_builders(pids))
    before = _cpu(srv.proc.pid, pids)
    t0 = time.perf_counter()
    status, body = fetch(srv.port, target, accept, timeout=300)
    secs = time.perf_counter() - t0
    after = _cpu(srv.proc.pid, pids)
    # a builder that ended meanwhile: its CPU moved to the main process's reaped children
    gone = {p for p in builders if p not in after}
    cpu = sum(after.values()) - sum(before[p] for p in before if p in after or p in gone)
    serving = sum(after[p] - before[p] for p in after if p in before and p not in builders
                  and p != srv.proc.pid)
    if srv.proc.pid in after and srv.proc.pid in before and not gone:
        serving += after[srv.proc.pid] - before[srv.proc.pid]
    return secs, cpu, serving, status, body


def one_start(store: Path, code: str | None, page: str, log: Path,
              fallback_at: float = FALLBACK_AT) -> dict[str, Any]:
    """Start, fetch ``page`` first, then search; stop. One row of measures."""
    shared = store.with_name(store.name + ".snapshots") / "search-index" / "0.json"
    matcher = store.with_name(store.name + ".snapshots") / "matcher" / "0.pickle"
    srv, t0 = start_checkout(store, code, log)
    try:
        ready = time.perf_counter() - t0
        secs, cpu, serving_cpu, status, body = _timed(srv, page, "text/html")
        if status != 200:
            raise RuntimeError(f"{page}: {status} {body[:200]!r}")
        s_secs, s_cpu, _, s_status, first = _timed(srv, SEARCH, "application/json")
        index_at = None
        started_at = time.time() - (time.perf_counter() - t0)  # the command's start, wall clock
        while time.perf_counter() - t0 < 120:
            if shared.exists():  # when it was written (it may be there before it is looked for)
                index_at = shared.stat().st_mtime - started_at
                break
            time.sleep(0.02)
        time.sleep(2.0)  # every worker has its index by now
        _, later = fetch(srv.port, SEARCH, "application/json")
        same = s_status == 200 and json.loads(first)["results"] == json.loads(later)["results"]
        hits = len(json.loads(later)["results"])
        time.sleep(max(fallback_at - (time.perf_counter() - t0), 0))
        matcher_at = (matcher.stat().st_mtime - started_at) if matcher.exists() else None
        f_secs, _, _, f_status, f_body = _timed(srv, FALLBACK, "application/json")
        fallback_hits = len(json.loads(f_body)["results"]) if f_status == 200 else -1
        # the same page cold, right after a write that empties every cache, on this server
        empty_caches(srv.port, 0)
        cold, cold_cpu, _, _, _ = _timed(srv, page, "text/html")
    finally:
        srv.stop()
    reused = b"search index of generation 0 reused" in log.read_bytes()
    return {"page": page, "code": Path(code).name if code else "this checkout",
            "index_reused": reused,
            "ready_s": round(ready, 3),
            "page_s": round(secs, 3), "page_cpu_s": round(cpu, 3),
            "page_cpu_serving_s": round(serving_cpu, 3), "bytes": len(body),
            "cold_s": round(cold, 3), "cold_cpu_s": round(cold_cpu, 3),
            "search_s": round(s_secs, 3), "search_cpu_s": round(s_cpu, 3),
            "search_correct": same, "search_hits": hits,
            "fallback_s": round(f_secs, 3), "fallback_hits": fallback_hits,
            "matcher_s": round(matcher_at, 3) if matcher_at is not None else None,
            "index_s": round(index_at, 3) if index_at is not None else None}


def served_write(store: Path, code: str | None, log: Path) -> bool:
    """Serve ``store`` with ``code``, take one write through ``/update``, wait
    :data:`WRITE_SETTLE_S` s, stop; whether the server said it kept its index after it."""
    srv, _ = start_checkout(store, code, log)
    try:
        time.sleep(2.0)  # the start's own index in place
        empty_caches(srv.port, 0)
        time.sleep(WRITE_SETTLE_S)
    finally:
        srv.stop()
    return b"for the next start after a write" in log.read_bytes()


def _kept_index(store: Path) -> Path:
    return store.with_name(store.name + ".search-index")


def run(store: Path, *, starts: int, pages: list[str], codes: list[str | None],
        out_dir: Path, tag: str, restore: bool = False,
        after_build: bool = False, fallback_at: float = FALLBACK_AT,
        after_write: bool = False) -> dict[str, Any]:
    import shutil

    scratch = scratch_copy(store, "first-page-store")
    log = WORK / "first-page-server.log"
    pristine = None
    pristine_index = None
    if after_build:  # the store and the index as the build left them, restored every start
        pristine = scratch_copy(scratch, "first-page-store.pristine")
        pristine_index = _kept_index(pristine)
        shutil.rmtree(pristine_index, ignore_errors=True)
        if _kept_index(store).is_dir():
            shutil.copytree(_kept_index(store), pristine_index)
    elif restore:  # as a served store is: opened once (its log flushed, maybe compacted)
        from diplograph.graph.checkpoints import Checkpoints, prepare_in_subprocess

        prepare_in_subprocess(scratch)
        Checkpoints(scratch).remove_all()
        pristine = scratch_copy(scratch, "first-page-store.pristine")
    loads = [os.getloadavg()[0]]
    rows = []
    for i in range(starts):
        for page in pages:
            for code in codes:  # interleaved: A, B, A, B …
                if pristine is not None:
                    copy_store(pristine, scratch)
                if after_build:
                    shutil.rmtree(_kept_index(scratch), ignore_errors=True)
                    if pristine_index is not None and pristine_index.is_dir():
                        shutil.copytree(pristine_index, _kept_index(scratch))
                kept = served_write(scratch, code, log) if after_write else None
                row = one_start(scratch, code, page, log, fallback_at)
                if kept is not None:
                    row["kept_after_write"] = kept
                row["start"] = i + 1
                row["load"] = round(os.getloadavg()[0], 1)
                loads.append(row["load"])
                rows.append(row)
                say(json.dumps(row))
    s = {"date": dt.date.today().isoformat(), "starts": starts, "pages": pages,
         "codes": [Path(c).name if c else "this checkout" for c in codes], "restore": restore,
         "after_build": after_build, "fallback_at": fallback_at, "after_write": after_write,
         "load": {"min": round(min(loads), 1), "median": round(statistics.median(loads), 1),
                  "max": round(max(loads), 1)},
         "rows": rows, "summary": summarise(rows),
         "ratios": [r for key in ("page_s", "page_cpu_s", "ready_s", "cold_s")
                    for r in paired_ratios(rows, key)]}
    save_results(out_dir, "first-page", s, markdown(s), tag)
    return s


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Medians (and maxima) per page and code."""
    out = []
    keys = dict.fromkeys((r["page"], r["code"]) for r in rows)
    for page, code in keys:
        mine = [r for r in rows if r["page"] == page and r["code"] == code]
        out.append({
            "page": page, "code": code, "n": len(mine),
            "ready_s": median_of([r["ready_s"] for r in mine]),
            "page_s": median_of([r["page_s"] for r in mine]),
            "page_max_s": max(r["page_s"] for r in mine),
            "page_cpu_s": median_of([r["page_cpu_s"] for r in mine]),
            "page_cpu_serving_s": median_of([r["page_cpu_serving_s"] for r in mine]),
            "cold_s": median_of([r["cold_s"] for r in mine if "cold_s" in r]),
            "cold_cpu_s": median_of([r["cold_cpu_s"] for r in mine if "cold_cpu_s" in r]),
            "search_s": median_of([r["search_s"] for r in mine]),
            "index_s": median_of([r["index_s"] for r in mine if r["index_s"] is not None]),
            "search_correct": all(r["search_correct"] for r in mine),
            "fallback_s": median_of([r["fallback_s"] for r in mine if "fallback_s" in r]),
            "fallback_max_s": max((r["fallback_s"] for r in mine if "fallback_s" in r),
                                  default=None),
            "matcher_s": median_of(made) if (made := [r["matcher_s"] for r in mine
                                                     if r.get("matcher_s") is not None])
            else None,
            "reused": sum(1 for r in mine if r.get("index_reused"))})
    return out


def paired_ratios(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Per page and code after the first: the median, over the starts, of ``key`` divided
    by the first code's ``key`` in the same start (interleaved pairs)."""
    codes = list(dict.fromkeys(r["code"] for r in rows))
    first = {(r["page"], r["start"]): r for r in rows if r["code"] == codes[0]}
    out = []
    for page in dict.fromkeys(r["page"] for r in rows):
        for code in codes[1:]:
            ratios = [r[key] / first[(page, r["start"])][key] for r in rows
                      if r["page"] == page and r["code"] == code
                      and first.get((page, r["start"]), {}).get(key)]
            if ratios:
                out.append({"page": page, "code": code, "vs": codes[0], "key": key,
                            "median_ratio": median_of(ratios), "n": len(ratios)})
    return out


def markdown(s: dict[str, Any]) -> str:
    load = s["load"]
    lines = [f"# The first page after a start ({s['date']})", "",
             f"`diplograph serve` (default workers) · {s['starts']} starts per page and code, "
             f"interleaved · load average {load['min']}–{load['max']} (median "
             f"{load['median']})", "",
             ("Every start the first after a write through the endpoint, on the store as "
              "`diplograph build` left it (restored before each start, then served with the "
              "same code for one write)." if s.get("after_write") else
              "Every start the first after `diplograph build` (the store and the index it kept, "
              "restored before each start)." if s.get("after_build") else
              "Each start on the store as the start before it found it (`--restore`)."
              if s.get("restore") else "Each start after the last start's write."), "",
             "Ready: from the command to the first answered query; page: the first request "
             "(wall; the CPU of the server's processes, all / without the index builder's, in "
             "brackets; the slowest); search: "
             f"`{SEARCH}` right after it; index: the shared search index written; fallback: "
             f"`{FALLBACK}` (read by the linking matcher) {s.get('fallback_at', FALLBACK_AT)} s "
             "after the command's start (max in brackets); matcher: the builder's matcher "
             "shared. Medians.", "",
             "| page | code | ready | first page (max) | the same page cold after a write | "
             "search | index | search correct | reused | fallback (max) | matcher |",
             "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
    for r in s["summary"]:
        lines.append(f"| `{r['page']}` | {r['code']} | {r['ready_s']} s | {r['page_s']} s "
                     f"({r['page_cpu_s']} / {r['page_cpu_serving_s']}) (max {r['page_max_s']}) | "
                     f"{r.get('cold_s', '')} s ({r.get('cold_cpu_s', '')}) | {r['search_s']} s | "
                     f"{r['index_s']} s | {'yes' if r['search_correct'] else 'NO'} | "
                     f"{r.get('reused', 0)}/{r['n']} | {r.get('fallback_s')} s "
                     f"({r.get('fallback_max_s')}) | "
                     f"{'none' if r.get('matcher_s') is None else str(r['matcher_s']) + ' s'} |")
    codes = s["codes"]
    if len(codes) > 1:
        lines += ["", f"Paired ratios (each start against `{codes[0]}`'s start just before it), "
                      "medians:", "", "| page | code | first page wall | its server CPU | "
                      "ready |", "|---|---|---:|---:|---:|"]
        by = {(r["page"], r["code"], r["key"]): r["median_ratio"]
              for key in ("page_s", "page_cpu_s", "ready_s")
              for r in paired_ratios(s["rows"], key)}
        for page in s["pages"]:
            for code in codes[1:]:
                lines.append(f"| `{page}` | {code} | {by.get((page, code, 'page_s'))} | "
                             f"{by.get((page, code, 'page_cpu_s'))} | "
                             f"{by.get((page, code, 'ready_s'))} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.first_page", description=__doc__)
    ap.add_argument("--store", required=True, help="a store to copy and serve")
    ap.add_argument("--starts", type=int, default=5, help="starts per page and code [5]")
    ap.add_argument("--page", action="append", help=f"the first page [{', '.join(PAGES)}]")
    ap.add_argument("--code", action="append",
                    help="a folder holding another checkout's diplograph package (repeatable; "
                         "'.' is this checkout)")
    ap.add_argument("--out", default=str(RESULTS), help="where the results go")
    ap.add_argument("--tag", default="", help="appended to the result file names")
    ap.add_argument("--restore", action="store_true",
                    help="copy the store afresh before every start (unchanged since the last)")
    ap.add_argument("--after-build", action="store_true",
                    help="every start the first after `diplograph build`: the store and the "
                         "index the build kept beside it, copied afresh before every start")
    ap.add_argument("--fallback-at", type=float, default=FALLBACK_AT,
                    help="seconds after the start at which the first search read by the "
                         f"linking matcher is asked [{FALLBACK_AT}]")
    ap.add_argument("--after-write", action="store_true",
                    help="with --after-build: before every start, the same code serves the "
                         "store for one write through /update and stops")
    a = ap.parse_args(argv)
    if a.after_build and a.restore:
        ap.error("give --after-build or --restore, not both")
    if a.after_write and not a.after_build:
        ap.error("--after-write goes with --after-build")
    WORK.mkdir(parents=True, exist_ok=True)
    codes: list[str | None] = [None if c == "." else str(Path(c).resolve())
                               for c in (a.code or ["."])]
    s = run(Path(a.store), starts=a.starts, pages=a.page or PAGES, codes=codes,
            out_dir=Path(a.out), tag=a.tag, restore=a.restore, after_build=a.after_build,
            fallback_at=a.fallback_at, after_write=a.after_write)
    print(markdown(s))
    return 0 if all(r["search_correct"] for r in s["summary"]) else 1


if __name__ == "__main__":
    sys.exit(main())
