"""Build benchmark (#17): the full `diplograph build` (time, CPU, peak RSS, triples/s per step)
against `oxigraph load` of the same quads, a build with nothing changed, and `diplograph load`
of one facts file into a running server until a query sees it.

    .venv/bin/python -m bench.build [--rounds 3] [--results bench/results] [--without-optimize]

The full build and `oxigraph load` of its whole dump alternate round by round (so both see
the same machine), and each data set's graph is loaded by `oxigraph load` as well. The rate is
compared by **CPU time** (user + system of the process and its children, from ``wait4``),
which other jobs on a shared machine disturb far less than wall time; wall times are reported
too. Every figure is the median of ``--rounds`` runs. The builds use the user's caches (the
registry's, the remembered SHACL verdicts) unless ``--cold-cache``. Results:
``bench/results/build-DATE.json`` and ``.md`` (the tables of docs/benchmarks.md, "Building the
graph"). Like is compared with like: the build (which compacts the store at its end) against
`oxigraph load` and against `oxigraph load` + `oxigraph optimize`; with ``--without-optimize``,
also ``diplograph build --no-optimize`` (alternated with the full build in every round) against
`oxigraph load` alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pyoxigraph as ox
import requests

from .load import ROOT, _tree_rss, tool
from .servers import free_port

STEP = re.compile(r"^\[\d+/\d+\] (?P<name>.+?): (?P<n>[\d,]+) triples in (?P<s>[\d.]+) s"
                  r"(?: \([\d,]+/s; (?P<cpu>[\d.]+) s CPU\))?")

#: CPU seconds of the last :func:`run` (user + system of the child and its waited children)
LAST_CPU = [0.0]
#: the 1-minute load average at the start of every run (the machine may be shared)
LOADS: list[float] = []


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str, int]:
    """Run ``cmd``: (wall seconds, peak RSS MB of the process tree, output, return code); its
    CPU seconds go to ``LAST_CPU[0]``."""
    cpu0 = _children_cpu()
    LOADS.append(os.getloadavg()[0])
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})})
    ps = psutil.Process(proc.pid)
    peak = 0
    chunks: list[bytes] = []
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps))
        time.sleep(0.05)
    if proc.stdout:
        chunks.append(proc.stdout.read())
    proc.wait()
    LAST_CPU[0] = _children_cpu() - cpu0
    return (time.perf_counter() - t0, peak / 2**20, b"".join(chunks).decode("utf-8", "replace"),
            proc.returncode)


def steps(output: str) -> dict[str, tuple[int, float, float | None]]:
    """``{step: (triples, wall seconds, CPU seconds or None)}`` from the build's progress."""
    out = {}
    for line in output.splitlines():
        m = STEP.match(line)
        if m:
            out[m["name"]] = (int(m["n"].replace(",", "")), float(m["s"]),
                              float(m["cpu"]) if m["cpu"] else None)
    return out


def _ox_load(work: Path, nq: Path) -> tuple[float, float, float]:
    """`oxigraph load` of ``nq`` into a fresh store: (wall s, CPU s, peak RSS MB)."""
    shutil.rmtree(work / "ox", ignore_errors=True)
    secs, rss, out, rc = run([tool("oxigraph"), "load", "--location", str(work / "ox"),
                              "--file", str(nq)])
    assert rc == 0, out
    return secs, LAST_CPU[0], rss


def _plain_build(work: Path, env: dict[str, str]) -> float:
    """CPU seconds of ``diplograph build --no-optimize`` into a fresh store of its own."""
    where = work / "store-plain"
    for d in (where, where.with_name(where.name + ".snapshots"),
              where.with_name(where.name + ".search-index")):
        shutil.rmtree(d, ignore_errors=True)
    _secs, _rss, out, rc = run([tool("diplograph"), "build", "--no-optimize"],
                               {**env, "DIPLOGRAPH_STORE": str(where)})
    if rc != 0:
        raise SystemExit(f"build --no-optimize failed:\n{out[-3000:]}")
    return LAST_CPU[0]


def bench(rounds: int, work: Path, dataset_rounds: int | None = None,
          cold_cache: bool = False, without_optimize: bool = False) -> dict:
    env = {"DIPLOGRAPH_STORE": str(work / "store")}
    build_env = dict(env)
    everything = work / "all.nq"
    full: list[tuple[float, float, float, dict]] = []  # (wall, cpu, rss, steps)
    ox_all: list[tuple[float, float, float]] = []  # (wall, cpu, rss)
    ox_opt: list[float] = []  # CPU of `oxigraph optimize` after each
    plain: list[float] = []  # CPU of `diplograph build --no-optimize` (without_optimize)
    total_quads = 0
    for i in range(rounds):
        shutil.rmtree(work / "store", ignore_errors=True)
        shutil.rmtree(work / "store.snapshots", ignore_errors=True)
        if cold_cache:  # as a fresh clone's first build: no registry, no SHACL verdicts
            shutil.rmtree(work / "cache", ignore_errors=True)
            build_env["XDG_CACHE_HOME"] = str(work / "cache")
        if without_optimize and i % 2 == 1:  # the two builds' order alternates by round
            plain.append(_plain_build(work, build_env))
            if cold_cache:
                shutil.rmtree(work / "cache", ignore_errors=True)
        secs, rss, out, rc = run([tool("diplograph"), "build"], build_env)
        cpu = LAST_CPU[0]
        if rc != 0:
            raise SystemExit(f"build failed:\n{out[-3000:]}")
        full.append((secs, cpu, rss, steps(out)))
        print(f"  full build {i + 1}/{rounds}: {secs:.1f} s, {cpu:.1f} s CPU, peak RSS "
              f"{rss:,.0f} MB", flush=True)
        if without_optimize and i % 2 == 0:
            if cold_cache:
                shutil.rmtree(work / "cache", ignore_errors=True)
            plain.append(_plain_build(work, build_env))
        if without_optimize:
            print(f"  build --no-optimize {i + 1}/{rounds}: {plain[-1]:.1f} s CPU", flush=True)
        if i == 0:  # the same quads as one N-Quads file
            store = ox.Store.read_only(str(work / "store"))
            total_quads = len(store)
            with everything.open("wb") as fh:
                store.dump(fh, format=ox.RdfFormat.N_QUADS)
            del store
        ox_all.append(_ox_load(work, everything))
        # `diplograph build` compacts the store at the end; `oxigraph load` leaves that to
        # `oxigraph optimize`, timed apart for a like-for-like figure
        _secs, _rss, out, rc = run([tool("oxigraph"), "optimize", "--location", str(work / "ox")])
        assert rc == 0, out
        ox_opt.append(LAST_CPU[0])
        print(f"  oxigraph load of the whole dump {i + 1}/{rounds}: {ox_all[-1][0]:.1f} s, "
              f"{ox_all[-1][1]:.1f} s CPU (+ optimize {ox_opt[-1]:.1f} s CPU)", flush=True)
    nochange = []
    for _ in range(rounds):
        secs, _rss, out, rc = run([tool("diplograph"), "build"], env)
        assert rc == 0 and "nothing to rebuild" in out, out[-2000:]
        nochange.append(secs)
    print(f"  no-change build: {statistics.median(nochange):.2f} s", flush=True)

    # each data set's graph through `oxigraph load`
    store = ox.Store.read_only(str(work / "store"))
    graphs = {g.value: g for g in store.named_graphs()}
    per_step = {}
    names = list(full[0][3])
    for name in names:
        runs = [r[3][name] for r in full if name in r[3]]
        triples = runs[0][0]
        ours = statistics.median(s for _, s, _ in runs)
        cpus = [c for _, _, c in runs if c is not None]
        per_step[name] = {"triples": triples, "seconds": round(ours, 3),
                          "triples_per_s": round(triples / ours) if ours else None}
        if cpus:
            per_step[name]["cpu_seconds"] = round(statistics.median(cpus), 3)
    dataset_graphs = [g for g in graphs if "/graph/dataset/" in g]
    for g in dataset_graphs:
        nq = work / (g.rsplit("/", 1)[1] + ".nq")
        with nq.open("wb") as fh:
            store.dump(fh, format=ox.RdfFormat.N_QUADS, from_graph=graphs[g])
        quads = sum(1 for _ in store.quads_for_pattern(None, None, None, graphs[g]))
        times = [_ox_load(work, nq) for _ in range(dataset_rounds or rounds)]
        name = next((n for n in names if n.startswith(g.rsplit("/", 1)[1] + ":")), g)
        entry = per_step.setdefault(name, {})
        ox_s = statistics.median(t[0] for t in times)
        ox_cpu = statistics.median(t[1] for t in times)
        entry.update({"graph": g, "quads": quads, "oxigraph_load_seconds": round(ox_s, 3),
                      "oxigraph_load_cpu_seconds": round(ox_cpu, 3),
                      "oxigraph_quads_per_s": round(quads / ox_s)})
        if entry.get("triples_per_s"):
            entry["ratio"] = round(entry["triples_per_s"] / entry["oxigraph_quads_per_s"], 2)
        if entry.get("cpu_seconds"):
            # the same graph both ways: the ratio of rates is the inverse ratio of CPU
            entry["cpu_ratio"] = round(ox_cpu / entry["cpu_seconds"], 2)
        print(f"  {name}: ours {entry.get('cpu_seconds', 0)} s CPU, oxigraph load "
              f"{ox_cpu:.2f} s CPU", flush=True)
    del store
    load_visible, load_cpu = facts_load_into_server(work, rounds)
    build_s = statistics.median(r[0] for r in full)
    build_cpu = statistics.median(r[1] for r in full)
    ox_s = statistics.median(t[0] for t in ox_all)
    ox_cpu = statistics.median(t[1] for t in ox_all)
    if plain:
        shutil.rmtree(work / "store-plain", ignore_errors=True)
    ds = [e for e in per_step.values() if e.get("cpu_ratio")]
    ds_ours = sum(e["cpu_seconds"] for e in ds)
    ds_ox = sum(e["oxigraph_load_cpu_seconds"] for e in ds)
    return {
        "date": dt.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "rounds": rounds,
        "caches": "cold" if cold_cache else "warm",
        "quads": total_quads,
        "full_build_seconds": round(build_s, 2),
        "full_build_cpu_seconds": round(build_cpu, 2),
        "full_build_peak_rss_mb": round(statistics.median(r[2] for r in full)),
        "full_build_quads_per_s": round(total_quads / build_s),
        "oxigraph_load_all_seconds": round(ox_s, 2),
        "oxigraph_load_all_cpu_seconds": round(ox_cpu, 2),
        "oxigraph_load_all_peak_rss_mb": round(statistics.median(t[2] for t in ox_all)),
        "oxigraph_load_all_quads_per_s": round(total_quads / ox_s),
        "end_to_end_ratio": round(ox_s / build_s, 2),
        "end_to_end_cpu_ratio": round(ox_cpu / build_cpu, 2),
        "oxigraph_optimize_cpu_seconds": round(statistics.median(ox_opt), 2),
        "end_to_end_cpu_ratio_with_optimize": round(
            (ox_cpu + statistics.median(ox_opt)) / build_cpu, 2),
        "datasets_cpu_seconds": round(ds_ours, 2),
        "datasets_oxigraph_cpu_seconds": round(ds_ox, 2),
        "datasets_cpu_ratio": round(ds_ox / ds_ours, 2) if ds_ours else None,
        "nochange_build_seconds": round(statistics.median(nochange), 2),
        "facts_load_visible_seconds": load_visible,
        "facts_load_cpu_seconds": load_cpu,
        "load_average_min_max": [round(min(LOADS), 1), round(max(LOADS), 1)],
        "end_to_end_cpu_ratios": [round(o[1] / f[1], 2) for o, f in zip(ox_all, full,
                                                                          strict=True)],
        "end_to_end_cpu_ratio_median_of_pairs": round(statistics.median(
            o[1] / f[1] for o, f in zip(ox_all, full, strict=True)), 2),
        "end_to_end_cpu_ratio_with_optimize_median_of_pairs": round(statistics.median(
            (o[1] + opt) / f[1] for o, f, opt in zip(ox_all, full, ox_opt, strict=True)), 2),
        **({"plain_build_cpu_seconds": round(statistics.median(plain), 2),
            "end_to_end_cpu_ratio_without_optimize_median_of_pairs": round(statistics.median(
                o[1] / p for o, p in zip(ox_all, plain, strict=True)), 2)} if plain else {}),
        "steps": per_step,
    }


def facts_load_into_server(work: Path, rounds: int) -> tuple[float, float]:
    """`diplograph load FILE.facts.yaml` into a running server until a query sees it: (median
    wall seconds, median CPU seconds of the command)."""
    from diplograph.loaders.build import sources_dir

    src = sources_dir()
    doc = next(iter(sorted(src.glob("*.facts.yaml"))))
    edited = work / "edited"
    edited.mkdir(exist_ok=True)
    shutil.copy(doc.with_name(doc.name.replace(".facts.yaml", ".txt")), edited)
    text = doc.read_text(encoding="utf-8")
    variants = [text, text[: text.rindex("\n  - id:") + 1]]
    for i, v in enumerate(variants):
        (edited / f"v{i}").mkdir(exist_ok=True)
        shutil.copy(doc.with_name(doc.name.replace(".facts.yaml", ".txt")), edited / f"v{i}")
        (edited / f"v{i}" / doc.name).write_text(v, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "DIPLOGRAPH_STORE": str(work / "store")}
    server = subprocess.Popen([tool("diplograph"), "serve", "--port", str(port), "--workers", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}/sparql"
    graph = "https://diplograph.org/graph/source/vn-mn-relations-2023"
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    try:
        for _ in range(300):
            try:
                requests.get(url, params={"query": "ASK {}"}, timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.2)
        times, cpus = [], []
        for r in range(rounds * 2):
            v = edited / f"v{(r + 1) % 2}" / doc.name
            before = requests.get(url, params={"query": q}, headers={"Accept": "text/csv"},
                                  timeout=30).text
            t0 = time.perf_counter()
            _secs, _rss, out, rc = run([tool("diplograph"), "load", str(v)], env)
            assert rc == 0, out
            cpus.append(LAST_CPU[0])
            while requests.get(url, params={"query": q}, headers={"Accept": "text/csv"},
                               timeout=30).text == before:
                time.sleep(0.01)
            times.append(time.perf_counter() - t0)
        print(f"  facts load visible in the server: {statistics.median(times):.2f} s "
              f"({statistics.median(cpus):.2f} s CPU of the command)", flush=True)
        return round(statistics.median(times), 2), round(statistics.median(cpus), 2)
    finally:
        server.terminate()
        server.wait(30)


def markdown(r: dict) -> str:
    lines = [
        f"## Building the graph ({r['date']}, {r['cpus']} CPUs, load average "
        f"{r['load_average_min_max'][0]} to {r['load_average_min_max'][1]} during the run; "
        f"medians of {r['rounds']} interleaved pairs; "
        f"{r.get('caches', 'warm')} caches)",
        "",
        "| what | figure |",
        "|---|---|",
        f"| full `diplograph build` ({r['quads']:,} quads) | {r['full_build_seconds']} s wall, "
        f"**{r['full_build_cpu_seconds']} s CPU**, peak RSS {r['full_build_peak_rss_mb']:,} MB |",
        f"| `oxigraph load` of the same quads (one N-Quads file) | "
        f"{r['oxigraph_load_all_seconds']} s wall, **{r['oxigraph_load_all_cpu_seconds']} s "
        f"CPU**, peak RSS {r['oxigraph_load_all_peak_rss_mb']:,} MB |",
        f"| end to end, by CPU: diplograph's rate / oxigraph's | "
        f"**{r['end_to_end_cpu_ratio_median_of_pairs']}x** median of the pairs "
        f"(ratio of the medians {r['end_to_end_cpu_ratio']}x; by wall time "
        f"{r['end_to_end_ratio']}x; the "
        f"pairs' ratios {', '.join(f'{x}x' for x in r['end_to_end_cpu_ratios'])}) |",
        f"| the same against `oxigraph load` + `oxigraph optimize` "
        f"({r['oxigraph_optimize_cpu_seconds']} s CPU; the build compacts too) | "
        f"**{r['end_to_end_cpu_ratio_with_optimize_median_of_pairs']}x** median of the pairs |",
        *([f"| `diplograph build --no-optimize` ({r['plain_build_cpu_seconds']} s CPU; "
           "alternated with the full build) against `oxigraph load` alone, by CPU | "
           f"**{r['end_to_end_cpu_ratio_without_optimize_median_of_pairs']}x** median of "
           "the pairs |"] if "plain_build_cpu_seconds" in r else []),
        f"| the data-set steps only, by CPU (their graphs through `oxigraph load`) | "
        f"{r['datasets_cpu_seconds']} s against {r['datasets_oxigraph_cpu_seconds']} s: "
        f"**{r['datasets_cpu_ratio']}x** |",
        f"| `diplograph build` with nothing changed | {r['nochange_build_seconds']} s |",
        f"| `diplograph load` of a facts file into a running server, until a query sees it | "
        f"{r['facts_load_visible_seconds']} s ({r['facts_load_cpu_seconds']} s CPU of the "
        "command) |",
        "",
        "| step | triples | wall s | CPU s | `oxigraph load` CPU s | rate ratio by CPU |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in r["steps"].items():
        lines.append(
            f"| {name.split(':')[0]} | {s.get('triples', s.get('quads', 0)):,} | "
            f"{s.get('seconds', '')} | {s.get('cpu_seconds', '')} | "
            f"{s.get('oxigraph_load_cpu_seconds', '')} | {s.get('cpu_ratio', '')} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5,
                    help="interleaved pairs of full build / oxigraph load [5]")
    ap.add_argument("--dataset-rounds", type=int, default=None,
                    help="`oxigraph load` runs per data-set graph [--rounds]")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--tag", default="",
                    help="added to the results' file names (build-DATE-TAG.json)")
    ap.add_argument("--cold-cache", action="store_true",
                    help="every full build with an empty cache folder (XDG_CACHE_HOME), as a "
                    "fresh clone's first build: the registry built and every facts file "
                    "checked by pySHACL [the user's cache]")
    ap.add_argument("--without-optimize", action="store_true",
                    help="also a `diplograph build --no-optimize` in every round (alternated "
                    "with the full build), against `oxigraph load` alone")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="diplograph-build-bench-") as tmp:
        r = bench(args.rounds, Path(tmp), args.dataset_rounds, args.cold_cache,
                  args.without_optimize)
    args.results.mkdir(parents=True, exist_ok=True)
    stem = args.results / f"build-{r['date']}{'-' + args.tag if args.tag else ''}"
    stem.with_suffix(".json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(r), encoding="utf-8")
    print(markdown(r))
    print(f"wrote {stem}.json and .md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
