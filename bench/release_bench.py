"""Releases and diffs against ``oxigraph dump`` (issue 18's targets).

    .venv/bin/python -m bench.release_bench --store var/store          # the real graph
    .venv/bin/python -m bench.release_bench --size 1m                   # the generator's 1M

For each store: ``oxigraph dump`` of the whole store as N-Quads (on a copy: it opens the
store for writing) and ``diplograph release`` of the same store, alternated for ``--rounds``
rounds, wall time and peak RSS of the process tree each; then ``diplograph diff`` of two full
releases: the store, and the store without its largest graph (the largest difference a
release can see: every fact of a data set removed). Medians, and the ratios the targets are
about (release ≤ 2 × dump; diff ≤ 30 s; release memory flat in the graph size). Prints a
Markdown table and writes it with the raw figures to ``bench/results/release-{label}-{date}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .load import Measured, measure, tool

RESULTS = Path(__file__).parent / "results"


def _store_from_size(size: str, work: Path) -> Path:
    from . import parse_size
    from .generate import generate_file

    nq = work / f"gen-{size}.nq"
    generate_file(nq, parse_size(size))
    store = work / f"store-{size}"
    m = measure("load", [tool("diplograph"), "load", str(nq), "--store", str(store)])
    if m.returncode:
        raise SystemExit(f"diplograph load failed: {m.note}")
    nq.unlink()
    return store


def _without_largest_graph(store: Path, dest: Path) -> str:
    import pyoxigraph as ox

    shutil.copytree(store, dest, ignore=shutil.ignore_patterns("LOCK"))
    s = ox.Store(str(dest))
    counts = {r["g"].value: int(r["n"].value) for r in s.query(  # type: ignore[index,union-attr]
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    largest = max(counts, key=lambda g: counts[g])
    s.remove_graph(ox.NamedNode(largest))
    s.flush()
    s.optimize()
    del s
    return f"{largest} ({counts[largest]:,} quads)"


def run(store: Path, label: str, rounds: int, work: Path) -> dict[str, object]:
    """Time the dump, the release and the diff on ``store``; return the figures."""
    dumps: list[Measured] = []
    releases: list[Measured] = []
    copy = work / "oxigraph-copy"
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("LOCK"))
    for i in range(rounds):
        out = work / f"dump-{i}.nq"
        dumps.append(measure("oxigraph dump", [tool("oxigraph"), "dump", "--location", str(copy),
                                               "--file", str(out)]))
        out.unlink(missing_ok=True)
        rel = work / "releases" / f"r{i}"
        releases.append(measure("diplograph release", [
            tool("diplograph"), "release", "--store", str(store), "-o", str(rel), "--version",
            f"r{i}", "--date", "2026-01-01", "-q"]))
        if i:
            shutil.rmtree(rel, ignore_errors=True)  # keep the first for the diff
    for m in (*dumps, *releases):
        if m.returncode:
            raise SystemExit(f"{m.name} failed: {m.note}")
    dropped = _without_largest_graph(store, work / "smaller")
    other = work / "releases-b" / "b"
    m = measure("diplograph release", [
        tool("diplograph"), "release", "--store", str(work / "smaller"), "-o", str(other),
        "--version", "b", "--date", "2026-01-02", "--previous", str(work / "releases" / "r0"),
        "-q"])
    if m.returncode:
        raise SystemExit(f"release of the smaller store failed: {m.note}")
    diffs = [measure("diplograph diff", [tool("diplograph"), "diff", str(work / "releases" / "r0"),
                                         str(other), "--format", "json", "-o",
                                         str(work / "diff.json")]) for _ in range(rounds)]
    dump_s = statistics.median(m.seconds for m in dumps)
    rel_s = statistics.median(m.seconds for m in releases)
    return {
        "label": label, "rounds": rounds,
        "quads": json.loads((work / "releases" / "r0" / "release.json").read_text())["triples"],
        "oxigraph_dump_s": round(dump_s, 2), "release_s": round(rel_s, 2),
        "release_over_dump": round(rel_s / dump_s, 2),
        "oxigraph_dump_rss_mb": round(statistics.median(m.peak_rss_mb for m in dumps)),
        "release_rss_mb": round(statistics.median(m.peak_rss_mb for m in releases)),
        "release_with_diff_s": round(m.seconds, 2),
        "diff_s": round(statistics.median(d.seconds for d in diffs), 2),
        "diff_rss_mb": round(statistics.median(d.peak_rss_mb for d in diffs)),
        "diff_removed": dropped,
        "raw": [_portable(x.to_json(), work) for x in (*dumps, *releases, m, *diffs)],
    }


def _portable(d: dict[str, object], work: Path) -> dict[str, object]:
    """A raw record without this machine's paths (the work folder, the virtualenv)."""
    cmd = str(d["command"]).replace(str(work), "WORK").replace(str(Path(sys.executable).parent),
                                                                ".venv/bin")
    return {**d, "command": cmd}


def table(results: list[dict[str, object]]) -> str:
    """The Markdown table of one or more runs."""
    rows = ["| graph | quads | `oxigraph dump` (s) | `diplograph release` (s) | ratio | "
            "dump RSS (MB) | release RSS (MB) | diff of two releases (s) | diff RSS (MB) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rows.append(f"| {r['label']} | {r['quads']:,} | {r['oxigraph_dump_s']} | "
                    f"{r['release_s']} | {r['release_over_dump']}× | "
                    f"{r['oxigraph_dump_rss_mb']} | {r['release_rss_mb']} | {r['diff_s']} | "
                    f"{r['diff_rss_mb']} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.release_bench (--store DIR | --size N) [--rounds 3]``."""
    ap = argparse.ArgumentParser(prog="python -m bench.release_bench", description=__doc__)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", type=Path, help="an existing store (e.g. the real graph)")
    src.add_argument("--size", help="generate a store of this size (100k, 1m, …)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--label", default=None)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="diplograph-release-bench-") as tmp:
        work = Path(tmp)
        store = a.store or _store_from_size(a.size, work)
        label = a.label or (f"generated {a.size}" if a.size else "real graph")
        result = run(store, label, a.rounds, work)
    md = table([result])
    print(md)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"release-{(a.size or 'real')}-{a.rounds}r-{dt.date.today().isoformat()}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n")
    stem.with_suffix(".md").write_text(md)
    print(f"wrote {stem}.md and .json", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    main()
