"""``python -m bench run|generate|profile|report|soak|fuzz`` (see bench/README.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from . import parse_size
from .inputs import RESULTS, WORK, real_nquads, say, synthetic_nquads

ALL_SERVERS = ("diplograph", "diplograph-nocache", "oxigraph", "python-minimal", "rdflib-endpoint")
#: the diplograph variants: (server name, --cache-mb passed; None = the server's default)
DIPLOGRAPH_VARIANTS = {"diplograph": None, "diplograph-nocache": 0}


def machine() -> dict[str, Any]:
    """nproc, memory, CPU model and load average of this machine."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil

    return {"nproc": os.cpu_count(), "cpu": cpu,
            "mem_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "python": platform.python_version()}


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for p in ("diplograph", "pyoxigraph", "oxigraph", "rdflib", "rdflib-endpoint", "uvicorn",
              "granian", "flask"):
        try:
            out[p] = version(p)
        except PackageNotFoundError:
            pass
    return out


def _start(name: str, stores: dict[str, Path], nquads: Path, logs: Path,
           args: argparse.Namespace) -> Any:
    from . import servers as sv

    if name in DIPLOGRAPH_VARIANTS:
        store = stores["diplograph"]
        cache_mb = DIPLOGRAPH_VARIANTS[name]
        if name == "diplograph":
            cache_mb = args.cache_mb
        else:  # a second read-write server needs its own copy of the store
            store = sv.copy_store(store, store.with_name(f"store-{name}"))
        return sv.start_diplograph(store, logs / f"{name}.log", workers=args.workers,
                                   threads=args.threads, cache_mb=cache_mb, name=name)
    if name == "oxigraph":
        return sv.start_oxigraph(stores["oxigraph"], logs / "oxigraph.log")
    if name == "rdflib-endpoint":
        return sv.start_rdflib_endpoint(nquads, logs / "rdflib-endpoint.log")
    if name == "python-minimal":
        return sv.start_python_minimal(stores["readonly"], logs / "python-minimal.log")
    raise ValueError(name)


def _restart(name: str, srv: Any, stores: dict[str, Path], nquads: Path, logs: Path,
             args: argparse.Namespace, notes: list[str]) -> Any:
    """Start again a server that exited during the run (its old log kept as ``.log.N``).

    On a shared machine something else may end it (a stray ``pkill``): the cells go on with
    a fresh process (cold caches), and the report says when it happened.
    """
    code = srv.proc.returncode
    srv.stop()
    k = 1
    while srv.log.with_name(f"{srv.log.name}.{k}").exists():
        k += 1
    srv.log.rename(srv.log.with_name(f"{srv.log.name}.{k}"))
    when = dt.datetime.now().strftime("%H:%M:%S")
    say(f"  {name} exited ({code}) at {when}; restarting (old log {srv.log.name}.{k})")
    try:
        new = _start(name, stores, nquads, logs, args)
    except RuntimeError as e:
        notes.append(f"{name} exited ({code}) at {when} and did not start again: {str(e)[:200]}")
        return None
    notes.append(f"{name} exited ({code}) at {when} during the run and was restarted "
                 "(fresh process, cold caches); see its log")
    return new


def parity(running: dict[str, Any], mix_reqs: dict[str, list[Any]],
           expected: dict[str, dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    """Send the first request of each kind to every server once and compare the result size
    (rows, boolean, triples) with pyoxigraph in process, so no server wins by answering less.
    """
    from .mixes import result_size
    from .servers import fetch

    out = []
    for name, srv in running.items():
        for mix, reqs in mix_reqs.items():
            seen: set[str] = set()
            for r in reqs:
                if r.kind in seen:
                    continue
                seen.add(r.kind)
                routes = [(name, r.target(srv.path))]
                if name in DIPLOGRAPH_VARIANTS and r.named:
                    routes.append((f"{name} (/queries)", r.named))
                for label, target in routes:
                    try:
                        status, body = fetch(srv.port, target, r.accept)
                        got = result_size(body, r.accept) if status == 200 else f"HTTP {status}"
                    except Exception as e:  # noqa: BLE001 - reported, not fatal
                        got = f"{type(e).__name__}: {e}"[:200]
                    want = expected[mix][r.kind]
                    out.append({"server": label, "mix": mix, "kind": r.kind, "expected": want,
                                "got": got, "ok": got == want})
                    if got != want:
                        notes.append(f"parity: {label} {mix}/{r.kind} answered {got!r}, "
                                     f"pyoxigraph {want!r}")
                        say(f"  parity: {label} {mix}/{r.kind}: got {got!r}, expected {want!r}")
    return out


def cmd_run(args: argparse.Namespace) -> int:
    """Everything: data, import/export, servers, mixes, report."""
    import pyoxigraph as ox

    from . import engine, load, loadgen, mixes, report, servers

    date = dt.date.today().isoformat()
    label = "real" if args.real else args.size
    work = WORK / label
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    notes: list[str] = list(args.note or [])
    m = machine()
    say(f"machine: {m['cpu']}, {m['nproc']} cores, {m['mem_gb']} GB, load {m['loadavg']}")
    if args.real:
        nquads = real_nquads(work)
        data_meta: dict[str, Any] = {"source": "diplograph build + export"}
        data = "the real graph (diplograph build, exported as N-Quads)"
    else:
        triples = parse_size(args.size)
        nquads, data_meta = synthetic_nquads(WORK, triples, args.seed)
        data = (f"synthetic, seed {args.seed}: {data_meta['documents']:,} source graphs, "
                f"{data_meta['facts']:,} facts, {data_meta['entities']:,} registry entities")
    doc: dict[str, Any] = {
        "meta": {"size": label, "date": date, "data": data, "data_meta": data_meta,
                 "machine": m, "versions": _versions(), "duration": args.duration,
                 "warmup": args.warmup, "rounds": args.rounds, "seed": args.seed,
                 "loadgen": args.loadgen,
                 "command": "python -m bench run " + " ".join(args.argv), "notes": notes},
    }

    stores = {k: work / f"store-{k}" for k in ("diplograph", "oxigraph", "pyoxigraph")}
    if args.skip_load and all(d.exists() for d in stores.values()):
        say("--skip-load: reusing the stores of the last run")
    else:
        if args.skip_load:
            say("--skip-load: no stores yet, loading without measuring")
        say("import:")
        quads_hint = data_meta.get("quads_written", 0)
        runs, stores = load.import_all(nquads, work, quads_hint, say)
        if any(r.returncode for r in runs):
            say("an importer failed; see above")
            return 1
        quads = load.count_quads(stores["pyoxigraph"])
        for r in runs:
            r.quads = quads
        if not args.skip_load:
            doc["load"] = [r.to_json() for r in runs]
            say("export:")
            doc["export"] = [r.to_json() for r in load.export_all(stores, work, quads, say)]
    quads = load.count_quads(stores["pyoxigraph"])
    doc["meta"]["quads"] = quads

    # a compacted copy nothing else opens: the floors, the engine ceiling, python-minimal
    stores["readonly"] = servers.copy_store(stores["diplograph"], work / "store-readonly")
    say("sampling parameters and in-process floors ...")
    st = ox.Store.read_only(str(stores["pyoxigraph"]))
    params = mixes.sample_params(st, seed=args.seed)
    mix_reqs = {name: mixes.build_mix(name, params, seed=args.seed) for name in args.mixes}
    expected = {name: mixes.expected_sizes(st, reqs) for name, reqs in mix_reqs.items()}
    del st
    st = ox.Store.read_only(str(stores["readonly"]))
    doc["floors"] = {name: mixes.floors(st, reqs) for name, reqs in mix_reqs.items()}
    del st
    for name, fl in doc["floors"].items():
        say(f"  {name}: " + ", ".join(f"{k} {v:.2f} ms" for k, v in fl.items()))

    say("engine ceiling (pyoxigraph in process, no HTTP) ...")
    doc["engine"] = []
    cpus = os.cpu_count() or 1
    for name, reqs in mix_reqs.items():
        for procs, threads in ((cpus, 1), (1, engine.THREADS)):
            r = engine.ceiling(stores["readonly"], reqs, procs, threads, args.duration, logs)
            doc["engine"].append({"mix": name, **r})
            say(f"  {name}, {procs} process(es) x {threads} thread(s): {r['rps']:,.1f} req/s")

    say("load generator ceiling ...")
    doc["ceiling"] = []
    for c in sorted({min(args.concurrency), max(args.concurrency)}):
        r = loadgen.ceiling(c, min(args.duration, 3.0), str(logs), wrk=args.loadgen == "wrk")
        doc["ceiling"].append(r.to_json())
        say(f"  {c} connections: {r.rps:,.0f} req/s")

    wanted = list(args.servers)
    if "rdflib-endpoint" in wanted and quads > servers.RDFLIB_MAX_QUADS:
        wanted.remove("rdflib-endpoint")
        notes.append(f"rdflib-endpoint skipped: {quads:,} quads > {servers.RDFLIB_MAX_QUADS:,}"
                     " (it holds everything in Python objects; 100k already takes ~250 MB)")
    if any(w in DIPLOGRAPH_VARIANTS for w in wanted) and not servers.has_diplograph_serve():
        wanted = [w for w in wanted if w not in DIPLOGRAPH_VARIANTS]
        notes.append("diplograph column pending: `diplograph serve` is not available yet")
    if "diplograph" in wanted:
        notes.append("diplograph: result cache " + (
            "at the server's default (64 MiB)" if args.cache_mb is None
            else f"--cache-mb {args.cache_mb}") + ", kept across cells (a steady state: the"
            " mixes repeat their requests, so after the first pass most requests hit);"
            " diplograph-nocache: --cache-mb 0")
    if "oxigraph" in wanted:
        notes.append("oxigraph serve runs without --timeout-s (0.5.13 starts a thread per query"
                     " for the deadline and fails under load); diplograph keeps its 30 s limit")
    running: dict[str, Any] = {}
    doc["servers"] = []
    try:
        for name in wanted:
            say(f"starting {name} ...")
            try:
                srv = _start(name, stores, nquads, logs, args)
            except RuntimeError as e:
                notes.append(f"{name} did not start: {str(e)[:300]}")
                say(f"  FAILED: {e}")
                continue
            running[name] = srv
            if srv.extra.get("note"):
                notes.append(srv.extra["note"])
            time.sleep(0.5)
            info = {"name": name, "command": " ".join(Path(c).name if i == 0 else c
                                                      for i, c in enumerate(srv.command)),
                    "started_s": round(srv.started_s, 2), "idle_rss_mb": round(srv.rss_mb(), 1),
                    "peak_rss_mb": 0.0}
            doc["servers"].append(info)
            say(f"  ready in {srv.started_s:.1f} s at {srv.url}, RSS {info['idle_rss_mb']} MB")
        doc["parity"] = parity(running, mix_reqs, expected, notes)
        doc["cells"] = []
        names = list(running)
        total = len(args.mixes) * len(args.concurrency) * args.rounds
        k = 0
        for mix in args.mixes:
            reqs = mix_reqs[mix]
            for conc in args.concurrency:
                for rnd in range(args.rounds):
                    k += 1
                    order = names if rnd % 2 == 0 else names[::-1]
                    variants: list[tuple[str, str]] = []
                    for n in order:
                        variants.append((n, n))
                        if mix == "named" and n in DIPLOGRAPH_VARIANTS:
                            variants.append((n, f"{n} (/queries)"))
                    for n, label_ in variants:
                        srv = running[n]
                        if srv.proc.poll() is not None:
                            srv = _restart(n, srv, stores, nquads, logs, args, notes)
                            if srv is None:
                                continue
                            running[n] = srv
                        if label_.endswith("(/queries)"):
                            targets = [(r.named or r.target(srv.path), r.accept) for r in reqs]
                        else:
                            targets = [(r.target(srv.path), r.accept) for r in reqs]
                        before = srv.cache_stats()
                        run_cell = (loadgen.run_cell_wrk if args.loadgen == "wrk"
                                    else loadgen.run_cell)
                        res = run_cell(srv.port, targets, conc, args.duration,
                                       warmup=args.warmup, sample_rss=srv.rss_mb)
                        after = srv.cache_stats()
                        cell = {"mix": mix, "concurrency": conc, "round": rnd,
                                "server": label_, **res.to_json()}
                        if before and after and after.get("max_bytes"):
                            # counted from before the warm-up (the cache is per server)
                            cell["cache_hits"] = after["hits"] - before["hits"]
                            cell["cache_misses"] = after["misses"] - before["misses"]
                        doc["cells"].append(cell)
                        for s in doc["servers"]:
                            if s["name"] == n:
                                s["peak_rss_mb"] = max(s["peak_rss_mb"], res.server_rss_mb)
                        bad = {s: v for s, v in res.statuses.items() if s != "200"}
                        hits = ""
                        if "cache_hits" in cell:
                            n_ = cell["cache_hits"] + cell["cache_misses"]
                            hits = f" cache hits {cell['cache_hits']}/{n_}"
                        say(f"  [{k}/{total}] {mix} c={conc} round {rnd + 1} {label_}: "
                            f"{res.rps:,.1f} req/s p50 {res.p50_ms:.2f} ms p99 {res.p99_ms:.2f}"
                            f" ms" + hits + (f" errors {bad}" if bad else ""))
    finally:
        for srv in running.values():
            srv.stop()
    doc["meta"]["notes"] = notes
    stem = f"{label}-{date}" + (f"-{args.tag}" if args.tag else "")
    j, md = report.write(doc, Path(args.results), stem)
    say(f"wrote {j} and {md}")
    say(report.render({k: v for k, v in doc.items() if k in ("cells",)}))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .generate import main

    return main(args.rest) or 0


def cmd_profile(args: argparse.Namespace) -> int:
    from .profile import main

    return main(args)


def cmd_report(args: argparse.Namespace) -> int:
    from .report import main

    main([args.file])
    return 0


def _csv(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="the whole benchmark at one size")
    r.add_argument("--size", default="100k", help="100k, 1m, 10m or a number of triples")
    r.add_argument("--real", action="store_true", help="the real graph instead of synthetic data")
    r.add_argument("--duration", type=float, default=10.0, help="seconds per cell [10]")
    r.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per cell [1]")
    r.add_argument("--rounds", type=int, default=3, help="rounds, server order alternated [3]")
    r.add_argument("--concurrency", type=lambda t: [int(x) for x in _csv(t)], default=[1, 8, 32])
    r.add_argument("--servers", type=_csv, default=list(ALL_SERVERS))
    r.add_argument("--mixes", type=_csv, default=["light", "heavy", "named"])
    r.add_argument("--skip-load", action="store_true",
                   help="reuse the stores of the last run; no import/export timings")
    r.add_argument("--seed", type=int, default=42)
    r.add_argument("--loadgen", choices=["python", "wrk"], default="python",
                   help="load generator: python (default, bench/loadgen.py) or wrk (Debian)")
    r.add_argument("--workers", type=int, default=None, help="diplograph serve --workers")
    r.add_argument("--threads", type=int, default=None, help="diplograph serve --threads")
    r.add_argument("--cache-mb", type=int, default=None,
                   help="diplograph serve --cache-mb for the 'diplograph' server [its default];"
                        " 'diplograph-nocache' always gets 0")
    r.add_argument("--results", default=str(RESULTS), help="where the tables go")
    r.add_argument("--tag", default="", help="appended to the result file name")
    r.add_argument("--note", action="append", help="a note for the report (repeatable)")
    g = sub.add_parser("generate", help="only the data (python -m bench generate -o F --size N)")
    g.add_argument("rest", nargs=argparse.REMAINDER)
    p = sub.add_parser("profile", help="py-spy on the diplograph server under load")
    p.add_argument("--size", default="100k")
    p.add_argument("--mix", default="light")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--duration", type=float, default=15.0)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--rate", type=int, default=100, help="py-spy samples per second")
    p.add_argument("--output", default=str(RESULTS / "profile"))
    rp = sub.add_parser("report", help="print the Markdown of a results JSON")
    rp.add_argument("file")
    from .fuzz_http import add_arguments as fuzz_arguments
    from .fuzz_http import cmd_fuzz
    from .soak import add_arguments as soak_arguments
    from .soak import cmd_soak

    soak_arguments(sub.add_parser("soak", help="many clients for minutes, with writes: errors, "
                                               "p99, memory over time, lost writes"))
    fuzz_arguments(sub.add_parser("fuzz", help="random and mutated HTTP requests on every "
                                               "route: any 5xx, and is the server still up"))
    args = ap.parse_args(argv)
    args.argv = argv[1:]
    return {"run": cmd_run, "generate": cmd_generate, "profile": cmd_profile,
            "report": cmd_report, "soak": cmd_soak, "fuzz": cmd_fuzz}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
