"""Aggregate the rounds and render the results as Markdown tables.

The results document (JSON) has: ``meta`` (machine, command, data), ``load`` and ``export``
(lists of measured runs), ``servers`` (startup, RSS), ``ceiling`` (the load generator against
a trivial endpoint), ``cells`` (every round of every server x mix x concurrency) and
``floors`` (in-process pyoxigraph ms per query kind) and ``engine`` (in-process pyoxigraph
req/s per mix and layout, see ``bench/engine.py``). :func:`summarise` takes the medians
over rounds; :func:`render` writes the Markdown.

>>> doc = {"meta": {"size": "tiny", "quads": 10}, "cells": [
...   {"mix": "light", "concurrency": 1, "server": "oxigraph", "round": r, "rps": 100.0 + r,
...    "p50_ms": 1.0, "p99_ms": 2.0, "errors": 0} for r in range(3)] + [
...   {"mix": "light", "concurrency": 1, "server": "diplograph", "round": r, "rps": 50.0,
...    "p50_ms": 2.0, "p99_ms": 4.0, "errors": 0} for r in range(3)]}
>>> s = summarise(doc)
>>> s[0]["server"], s[0]["ratio_rps"]
('diplograph', 0.495)
>>> "| light | 1 | diplograph |" in render(doc)
True
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REFERENCE = "oxigraph"
SERVER_ORDER = ("diplograph", "diplograph (/queries)", "diplograph-nocache",
                "diplograph-nocache (/queries)", "oxigraph", "python-minimal", "rdflib-endpoint")
#: cache on ÷ cache off: each cached route and its uncached twin
NOCACHE_TWIN = {"diplograph": "diplograph-nocache",
                "diplograph (/queries)": "diplograph-nocache (/queries)"}


def _order(name: str) -> int:
    return SERVER_ORDER.index(name) if name in SERVER_ORDER else len(SERVER_ORDER)


def summarise(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Medians over rounds per (mix, concurrency, server), with ratios to ``oxigraph``."""
    groups: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    for c in doc.get("cells", []):
        groups.setdefault((c["mix"], c["concurrency"], c["server"]), []).append(c)
    rows = []
    for (mix, conc, server), cells in groups.items():
        rows.append({
            "mix": mix, "concurrency": conc, "server": server, "rounds": len(cells),
            "rps": round(statistics.median(c["rps"] for c in cells), 1),
            "p50_ms": round(statistics.median(c["p50_ms"] for c in cells), 2),
            "p99_ms": round(statistics.median(c["p99_ms"] for c in cells), 2),
            "errors": sum(c["errors"] for c in cells),
            "rps_spread": round(max(c["rps"] for c in cells) - min(c["rps"] for c in cells), 1),
        })
        if any("cache_hits" in c for c in cells):
            hits = sum(c.get("cache_hits", 0) for c in cells)
            seen = hits + sum(c.get("cache_misses", 0) for c in cells)
            rows[-1]["cache_hit_rate"] = round(hits / seen, 3) if seen else None
    ref = {(r["mix"], r["concurrency"]): r for r in rows if r["server"] == REFERENCE}
    for r in rows:
        base = ref.get((r["mix"], r["concurrency"]))
        r["ratio_rps"] = round(r["rps"] / base["rps"], 3) if base and base["rps"] else None
        r["ratio_p50"] = (round(r["p50_ms"] / base["p50_ms"], 2)
                          if base and base["p50_ms"] else None)
        r["ratio_p99"] = (round(r["p99_ms"] / base["p99_ms"], 2)
                          if base and base["p99_ms"] else None)
    by_key = {(r["mix"], r["concurrency"], r["server"]): r for r in rows}
    for r in rows:
        twin = by_key.get((r["mix"], r["concurrency"], NOCACHE_TWIN.get(r["server"], "")))
        if twin is not None and twin["rps"]:
            r["ratio_nocache"] = round(r["rps"] / twin["rps"], 2)
    mixes = list(dict.fromkeys(c["mix"] for c in doc.get("cells", [])))
    rows.sort(key=lambda r: (mixes.index(r["mix"]), r["concurrency"], _order(r["server"]),
                             r["server"]))
    return rows


def _table(header: list[str], rows: Iterable[list[object]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join("" if v is None else str(v) for v in row) + " |" for row in rows]
    return "\n".join(out)


def _f(x: float | None, nd: int = 1) -> str:
    return "" if x is None else f"{x:,.{nd}f}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.0f}%"


def _ratio(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}×"


def render(doc: dict[str, Any]) -> str:
    """The Markdown report of one run."""
    meta = doc.get("meta", {})
    out = [f"# Benchmark: {meta.get('size', '?')} ({meta.get('date', '')})", ""]
    if meta:
        m = meta.get("machine", {})
        out += [
            f"- data: {meta.get('data', '')}; {meta.get('quads', 0):,} quads",
            f"- machine: {m.get('cpu', '?')}, {m.get('nproc', '?')} cores, "
            f"{m.get('mem_gb', '?')} GB; load average at start {m.get('loadavg', '?')}",
            f"- command: `{meta.get('command', '')}`",
            f"- load generator: {meta.get('loadgen', 'python')}"
            + (" (wrk, C: one event loop per thread)" if meta.get("loadgen") == "wrk"
               else " (bench/loadgen.py: Python processes, keep-alive connections)"),
            f"- cells: {meta.get('duration', '?')} s each (+{meta.get('warmup', '?')} s warm-up),"
            f" {meta.get('rounds', '?')} rounds with the server order alternated; medians over"
            " rounds; ratios are to `oxigraph serve` (rps: higher is better; p50: lower is"
            " better)",
        ]
        for n in meta.get("notes", []):
            out.append(f"- note: {n}")
        out.append("")

    def runs_table(title: str, key: str, ref: str) -> None:
        runs = doc.get(key) or []
        if not runs:
            return
        base = next((r for r in runs if r["name"] == ref), None)
        out.extend([f"## {title}", ""])
        out.append(_table(
            ["tool", "seconds", "quads/s", "vs " + ref, "peak RSS MB", "output MB", "note"],
            [[r["name"], _f(r["seconds"], 2), f"{r['quads_per_s']:,}",
              _ratio(r["quads_per_s"] / base["quads_per_s"]) if base and base["quads_per_s"]
              else "", _f(r["peak_rss_mb"], 0),
              _f(r.get("output_bytes", 0) / 2**20, 1) if r.get("output_bytes") else "",
              ("FAILED " if r["returncode"] else "") + r.get("note", "")] for r in runs]))
        out.append("")

    load_ref = ("oxigraph load + optimize"
                if any(r["name"] == "oxigraph load + optimize" for r in doc.get("load") or [])
                else "oxigraph load")
    runs_table("Import (N-Quads file → store)", "load", load_ref)
    runs_table("Export (store → file)", "export", "oxigraph dump nquads")

    if doc.get("servers"):
        out += ["## Servers", ""]
        out.append(_table(["server", "command", "ready after s", "idle MB (PSS)",
                           "peak MB under load (PSS)"],
                          [[s["name"], f"`{s['command']}`", _f(s.get("started_s"), 2),
                            _f(s.get("idle_rss_mb"), 0), _f(s.get("peak_rss_mb"), 0)]
                           for s in doc["servers"]]))
        out.append("")
    ceil = doc.get("ceiling")
    if ceil:
        out += ["## Load generator ceiling", "",
                "Against `oxigraph serve` (in memory) answering `ASK {}`: "
                + ", ".join(f"{c['connections']} connections → {c['rps']:,.0f} req/s "
                            f"(p50 {c['p50_ms']:.2f} ms)" for c in ceil)
                + ". A server near this figure is limited by the generator (same 2 cores).", ""]
    rows = summarise(doc)
    cached = any("ratio_nocache" in r or "cache_hit_rate" in r for r in rows)
    for mix in dict.fromkeys(r["mix"] for r in rows):
        out += [f"## Mix: {mix}", ""]
        extra = ["cache on vs off", "cache hits"] if cached else []
        out.append(_table(
            ["mix", "conc.", "server", "req/s", "vs oxigraph", "p50 ms", "p50 vs oxigraph",
             "p99 ms", "errors", "spread req/s", *extra],
            [[r["mix"], r["concurrency"], r["server"], _f(r["rps"]), _ratio(r["ratio_rps"]),
              _f(r["p50_ms"], 2), _ratio(r["ratio_p50"]), _f(r["p99_ms"], 2), r["errors"],
              _f(r["rps_spread"]),
              *([_ratio(r.get("ratio_nocache")), _pct(r.get("cache_hit_rate"))] if cached
                else [])]
             for r in rows if r["mix"] == mix]))
        out.append("")
    if cached:
        out += ["`cache on vs off`: req/s of the route with the result cache ÷ the same route on"
                " `diplograph-nocache` (`--cache-mb 0`). `cache hits`: hits ÷ lookups counted by"
                " the server (`/health`), warm-up included.", ""]
    engine = doc.get("engine") or []
    if engine:
        ref = {(r["mix"], r["concurrency"]): r["rps"] for r in rows if r["server"] == REFERENCE}
        concs = sorted({c for (_, c) in ref})
        out += ["## Engine ceiling (pyoxigraph in process, no HTTP)", "",
                "Requests per second that pyoxigraph itself answers in process (query +"
                " serialisation, no HTTP, no safety checks, no load generator on the cores),"
                " and that figure ÷ `oxigraph serve`'s req/s over HTTP: no Python server on"
                " pyoxigraph can reach a higher ratio on this machine (`bench/engine.py`).", ""]
        out.append(_table(
            ["mix", "layout", "req/s", *(f"vs oxigraph c={c}" for c in concs)],
            [[e["mix"], f"{e['processes']} process(es) × {e['threads']} thread(s)",
              _f(e["rps"]),
              *(_ratio(e["rps"] / ref[(e["mix"], c)]) if ref.get((e["mix"], c)) else ""
                for c in concs)] for e in engine]))
        out.append("")
    floors = doc.get("floors") or {}
    if floors:
        out += ["## In-process floor (pyoxigraph, same store, query + serialisation)", ""]
        out.append(_table(["mix", "query", "median ms"],
                          [[mix, k, _f(v, 3)] for mix, kinds in floors.items()
                           for k, v in kinds.items()]))
        out.append("")
    return "\n".join(out)


def write(doc: dict[str, Any], directory: Path, stem: str) -> tuple[Path, Path]:
    """Write ``{stem}.json`` (meta, medians, every round) and ``{stem}.md`` in ``directory``;
    a copy of the document as run goes to ``directory/raw/{stem}.json`` (not committed)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "raw").mkdir(exist_ok=True)
    (directory / "raw" / f"{stem}.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    summary = {k: v for k, v in doc.items() if k != "cells"}
    summary["summary"] = summarise(doc)
    summary["cells"] = doc.get("cells", [])
    j = directory / f"{stem}.json"
    j.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    md = directory / f"{stem}.md"
    md.write_text(render(doc) + "\n", encoding="utf-8")
    return j, md


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.report FILE.json``: print the Markdown of a results file."""
    import sys

    args = argv if argv is not None else sys.argv[1:]
    print(render(json.loads(Path(args[0]).read_text(encoding="utf-8"))))
