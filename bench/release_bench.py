"""Releases and diffs against ``oxigraph dump`` (issue 18's targets).

    .venv/bin/python -m bench.release_bench --store var/store          # the real graph
    .venv/bin/python -m bench.release_bench --size 1m                   # the generator's 1M
    .venv/bin/python -m bench.release_bench --store var/store --levels 6,3,1   # gzip levels

For each store: ``oxigraph dump`` of the whole store as N-Quads (on a copy: it opens the
store for writing) and ``diplograph release`` of the same store, alternated for ``--rounds``
rounds, each release into a folder of its own (no previous release, so no diff: like for
like with the dump); wall time, CPU time (user + system, threads included) and peak RSS of
the process tree each. Then a release that carries its diff (the store without its largest
graph, against the first release: every fact of a data set removed, the largest difference
a release can see), and ``diplograph diff`` of those two full releases. Then memory against
size: a release and a dump of stores holding a part of the graphs (the smallest graphs up to
a quarter and a half of the quads) and twice the graphs (each graph copied under a second
name), ``--sizes``, one round each. Medians, and the ratios
the targets are about (release ≤ 2 × dump; diff ≤ 30 s; release memory flat in the graph
size). Prints Markdown tables and writes them with the raw figures to
``bench/results/release-{label}-{rounds}r-{date}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from .load import _tree_rss, tool

RESULTS = Path(__file__).parent / "results"


@dataclass
class Run:
    """One timed run: wall and CPU seconds, peak RSS of the process tree."""

    name: str
    command: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    note: str = ""

    def to_json(self, work: Path) -> dict[str, object]:
        """The record, without this machine's paths (the work folder, the virtualenv)."""
        cmd = self.command.replace(str(work), "WORK").replace(
            str(Path(sys.executable).parent), ".venv/bin")
        return {"name": self.name, "command": cmd, "seconds": round(self.seconds, 3),
                "cpu_seconds": round(self.cpu_seconds, 3),
                "peak_rss_mb": round(self.peak_rss_mb, 1), "returncode": self.returncode,
                "note": self.note}


def measure(name: str, cmd: list[str], interval: float = 0.05) -> Run:
    """Run ``cmd``: wall time, CPU time (``wait4``'s resource usage: the process and the
    children it waited for) and the peak RSS of its process tree (sampled)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ps = psutil.Process(proc.pid)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(ps))
        time.sleep(interval)
    seconds = time.perf_counter() - t0
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped above
    return Run(name, " ".join(cmd), seconds, usage.ru_utime + usage.ru_stime, peak / 2**20,
               code, "" if code == 0 else out.strip()[-500:])


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


def _graph_counts(store: Path) -> dict[str, int]:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    return {r["g"].value: int(r["n"].value) for r in s.query(  # type: ignore[index,union-attr]
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}


def _without_largest_graph(store: Path, dest: Path) -> str:
    import pyoxigraph as ox

    counts = _graph_counts(store)
    shutil.copytree(store, dest, ignore=shutil.ignore_patterns("LOCK"))
    s = ox.Store(str(dest))
    largest = max(counts, key=lambda g: counts[g])
    s.remove_graph(ox.NamedNode(largest))
    s.flush()
    s.optimize()
    del s
    return f"{largest} ({counts[largest]:,} quads)"


def _part_of(store: Path, dest: Path, share: float) -> int:
    """A store of the smallest graphs of ``store`` up to ``share`` of its quads; above 1, the
    whole store and copies of its graphs (each under the name ``{graph}/copy``, smallest
    first) up to that share (in a child process, so this one does not grow). Returns its
    quads."""
    counts = _graph_counts(store)
    total = sum(counts.values())
    keep: list[str] = []
    n = 0
    for round_ in range(int(share) + 1):
        for g in sorted(counts, key=lambda g: (counts[g], g)):
            if n + counts[g] > share * total and (keep or round_):
                continue
            keep.append(g if not round_ else f"{g}\t{g}/copy{round_}")
            n += counts[g]
    code = ("import sys, pyoxigraph as ox\n"
            "src = ox.Store.read_only(sys.argv[1]); dst = ox.Store(sys.argv[2])\n"
            "for arg in sys.argv[3:]:\n"
            "    g, _, name = arg.partition('\\t')\n"
            "    to = ox.NamedNode(name or g)\n"
            "    quads = src.quads_for_pattern(None, None, None, ox.NamedNode(g))\n"
            "    dst.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, to) for q in quads)\n"
            "dst.flush(); dst.optimize()\n")
    subprocess.run([sys.executable, "-c", code, str(store), str(dest), *keep], check=True)
    return n


def _dump(store_copy: Path, work: Path, tag: str) -> Run:
    out = work / f"dump-{tag}.nq"
    m = measure("oxigraph dump", [tool("oxigraph"), "dump", "--location", str(store_copy),
                                  "--file", str(out)])
    out.unlink(missing_ok=True)
    return m


#: extra options of every timed ``diplograph release`` (``--gzip-level``)
RELEASE_OPTIONS: list[str] = []


def _release(store: Path, out: Path, version: str, *extra: str) -> Run:
    return measure("diplograph release", [
        tool("diplograph"), "release", "--store", str(store), "-o", str(out), "--version",
        version, "--date", "2026-01-01", "-q", *RELEASE_OPTIONS, *extra])


def _ok(*runs: Run) -> None:
    for m in runs:
        if m.returncode:
            raise SystemExit(f"{m.name} failed: {m.note}")


def _med(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(m, attr) for m in runs)


def memory_by_size(store: Path, work: Path, sizes: tuple[float, ...]
                   ) -> tuple[list[dict[str, object]], list[Run]]:
    """A release and a dump of a store of each share of ``store``'s quads (:func:`_part_of`),
    one round each: quads, peak RSS and wall time."""
    memory: list[dict[str, object]] = []
    parts: list[Run] = []
    for share in sizes:
        part = work / f"part-{share}"
        n = _part_of(store, part, share)
        d = _dump(part, work, f"part-{share}")
        r = _release(part, work / f"releases-part-{share}" / "p", "p")
        _ok(d, r)
        parts += [d, r]
        memory.append({"quads": n, "release_rss_mb": round(r.peak_rss_mb),
                       "oxigraph_dump_rss_mb": round(d.peak_rss_mb),
                       "release_s": round(r.seconds, 2), "oxigraph_dump_s": round(d.seconds, 2),
                       "release_cpu_s": round(r.cpu_seconds, 2),
                       "oxigraph_dump_cpu_s": round(d.cpu_seconds, 2)})
        print(f"{n:,} quads: release {r.peak_rss_mb:.0f} MB, dump {d.peak_rss_mb:.0f} MB",
              file=sys.stderr)
        shutil.rmtree(part)
        shutil.rmtree(work / f"releases-part-{share}")
    return memory, parts


def run(store: Path, label: str, rounds: int, work: Path,
        sizes: tuple[float, ...] = (0.25, 0.5, 2)) -> dict[str, object]:
    """Time the dump, the release and the diff on ``store``; return the figures."""
    dumps: list[Run] = []
    releases: list[Run] = []
    copy = work / "oxigraph-copy"
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("LOCK"))
    first = work / "releases-0" / "r0"
    for i in range(rounds):
        dumps.append(_dump(copy, work, str(i)))
        rel = work / f"releases-{i}" / f"r{i}"
        releases.append(_release(store, rel, f"r{i}"))
        _ok(dumps[-1], releases[-1])
        if i:
            shutil.rmtree(rel.parent, ignore_errors=True)  # keep the first for the diff
        print(f"round {i + 1}: dump {dumps[-1].seconds:.1f} s, release "
              f"{releases[-1].seconds:.1f} s", file=sys.stderr)
    manifest = json.loads((first / "release.json").read_text())
    quads = manifest["triples"]
    sizes_mb = {f["name"]: round(f["bytes"] / 1e6, 2) for f in manifest["files"]
                if f["compressed"] and not f["name"].startswith("graphs/")}
    sizes_mb["graphs/*.ttl.gz"] = round(sum(f["bytes"] for f in manifest["files"]
                                            if f["name"].startswith("graphs/")) / 1e6, 2)
    shutil.rmtree(copy)
    dropped = _without_largest_graph(store, work / "smaller")
    other = work / "releases-b" / "b"
    with_diff = measure("diplograph release (with its diff)", [
        tool("diplograph"), "release", "--store", str(work / "smaller"), "-o", str(other),
        "--version", "b", "--date", "2026-01-02", "--previous", str(first), "-q",
        *RELEASE_OPTIONS])
    _ok(with_diff)
    diffs = [measure("diplograph diff", [tool("diplograph"), "diff", str(first), str(other),
                                         "--format", "json", "-o", str(work / "diff.json")])
             for _ in range(rounds)]
    _ok(*diffs)
    shutil.rmtree(work / "smaller")
    shutil.rmtree(other.parent)
    memory, parts = memory_by_size(store, work, sizes)
    memory.insert(sum(1 for x in sizes if x < 1), {
                   "quads": quads, "release_rss_mb": round(_med(releases, "peak_rss_mb")),
                   "oxigraph_dump_rss_mb": round(_med(dumps, "peak_rss_mb")),
                   "release_s": round(_med(releases, "seconds"), 2),
                   "oxigraph_dump_s": round(_med(dumps, "seconds"), 2)})
    dump_s, rel_s = _med(dumps, "seconds"), _med(releases, "seconds")
    dump_cpu, rel_cpu = _med(dumps, "cpu_seconds"), _med(releases, "cpu_seconds")
    return {
        "label": label, "rounds": rounds, "quads": quads,
        "release_options": RELEASE_OPTIONS, "file_mb": sizes_mb,
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "oxigraph_dump_s": round(dump_s, 2), "release_s": round(rel_s, 2),
        "release_over_dump": round(rel_s / dump_s, 2),
        "oxigraph_dump_cpu_s": round(dump_cpu, 2), "release_cpu_s": round(rel_cpu, 2),
        "release_over_dump_cpu": round(rel_cpu / dump_cpu, 2),
        "ratios_per_round": [round(r.seconds / d.seconds, 2)
                             for d, r in zip(dumps, releases, strict=True)],
        "oxigraph_dump_rss_mb": round(_med(dumps, "peak_rss_mb")),
        "release_rss_mb": round(_med(releases, "peak_rss_mb")),
        "release_with_diff_s": round(with_diff.seconds, 2),
        "release_with_diff_rss_mb": round(with_diff.peak_rss_mb),
        "diff_s": round(_med(diffs, "seconds"), 2),
        "diff_rss_mb": round(_med(diffs, "peak_rss_mb")),
        "diff_removed": dropped,
        "memory_by_size": memory,
        "raw": [x.to_json(work) for x in (*dumps, *releases, with_diff, *diffs, *parts)],
    }


def gzip_levels(store: Path, work: Path, levels: tuple[int, ...], rounds: int
                ) -> dict[str, object]:
    """Releases of ``store`` at each gzip level, interleaved (6, 3, 1, 6, 3, 1, …) for
    ``rounds`` rounds: median wall and CPU seconds, and the sizes of the files."""
    runs: dict[int, list[Run]] = {lv: [] for lv in levels}
    sizes: dict[int, dict[str, int]] = {}
    for i in range(rounds):
        for lv in levels:
            out = work / f"levels-{lv}-{i}" / "r"
            runs[lv].append(_release(store, out, f"l{lv}", "--gzip-level", str(lv)))
            _ok(runs[lv][-1])
            files = json.loads((out / "release.json").read_text())["files"]
            sizes[lv] = {"nq": 0, "trig": 0, "jsonld": 0, "ttl": 0}
            for f in files:
                for kind in sizes[lv]:
                    if f["name"].endswith(f".{kind}.gz"):
                        sizes[lv][kind] += f["bytes"]
            shutil.rmtree(out.parent)
            print(f"level {lv}: {runs[lv][-1].seconds:.1f} s", file=sys.stderr)
    return {"rounds": rounds, "load_average": [round(x, 1) for x in os.getloadavg()],
            "levels": [{"level": lv, "release_s": round(_med(runs[lv], "seconds"), 2),
                        "release_cpu_s": round(_med(runs[lv], "cpu_seconds"), 2),
                        "release_rss_mb": round(_med(runs[lv], "peak_rss_mb")),
                        "bytes": sizes[lv], "total_mb": round(sum(sizes[lv].values()) / 1e6, 1)}
                       for lv in levels],
            "raw": [x.to_json(work) for lv in levels for x in runs[lv]]}


def levels_table(result: dict[str, object]) -> str:
    """The Markdown table of :func:`gzip_levels`."""
    rows = ["| gzip level | release s | release CPU s | N-Quads MB | TriG MB | JSON-LD MB | "
            "Turtle per graph MB | all dumps MB |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in result["levels"]:  # type: ignore[attr-defined]
        b = r["bytes"]
        rows.append(f"| {r['level']} | {r['release_s']} | {r['release_cpu_s']} | "
                    f"{b['nq'] / 1e6:.1f} | {b['trig'] / 1e6:.1f} | {b['jsonld'] / 1e6:.1f} | "
                    f"{b['ttl'] / 1e6:.1f} | {r['total_mb']} |")
    return "\n".join(rows) + "\n"


def table(results: list[dict[str, object]]) -> str:
    """The Markdown tables of one or more runs."""
    rows = ["| graph | quads | rounds | `oxigraph dump` s (CPU s) | `diplograph release` s "
            "(CPU s) | ratio wall (CPU) | dump RSS (MB) | release RSS (MB) | release with "
            "its diff (s) | diff of two releases (s) | diff RSS (MB) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rows.append(f"| {r['label']} | {r['quads']:,} | {r['rounds']} | "
                    f"{r['oxigraph_dump_s']} ({r['oxigraph_dump_cpu_s']}) | "
                    f"{r['release_s']} ({r['release_cpu_s']}) | {r['release_over_dump']}× "
                    f"({r['release_over_dump_cpu']}×) | {r['oxigraph_dump_rss_mb']} | "
                    f"{r['release_rss_mb']} | {r['release_with_diff_s']} | {r['diff_s']} | "
                    f"{r['diff_rss_mb']} |")
    return "\n".join(rows) + "\n\n" + memory_table(results)


def memory_table(results: list[dict[str, object]]) -> str:
    """The Markdown table of the memory-against-size runs."""
    rows = ["| quads | release peak RSS (MB) | `oxigraph dump` peak RSS (MB) | "
            "release (s) | dump (s) |", "|---:|---:|---:|---:|---:|"]
    for r in results:
        for m in r["memory_by_size"]:  # type: ignore[attr-defined]
            rows.append(f"| {m['quads']:,} | {m['release_rss_mb']} | "
                        f"{m['oxigraph_dump_rss_mb']} | {m['release_s']} | "
                        f"{m['oxigraph_dump_s']} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.release_bench (--store DIR | --size N) [--rounds 3]``."""
    ap = argparse.ArgumentParser(prog="python -m bench.release_bench", description=__doc__)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", type=Path, help="an existing store (e.g. the real graph)")
    src.add_argument("--size", help="generate a store of this size (100k, 1m, …)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sizes", default="0.25,0.5,2",
                    help="shares of the quads for the memory-against-size runs (above 1: "
                    "the store and copies of its graphs; '' for none)")
    ap.add_argument("--memory-only", action="store_true",
                    help="only the memory-against-size runs (--sizes)")
    ap.add_argument("--label", default=None)
    ap.add_argument("--levels", default=None,
                    help="only compare releases at these gzip levels (e.g. '6,3,1')")
    ap.add_argument("--gzip-level", type=int, default=None,
                    help="the releases' --gzip-level [default: diplograph's]")
    a = ap.parse_args(argv)
    if a.gzip_level is not None:
        RELEASE_OPTIONS[:] = ["--gzip-level", str(a.gzip_level)]
    sizes = tuple(float(x) for x in a.sizes.split(",") if x.strip())
    with tempfile.TemporaryDirectory(prefix="diplograph-release-bench-") as tmp:
        work = Path(tmp)
        store = a.store or _store_from_size(a.size, work)
        label = a.label or (f"generated {a.size}" if a.size else "real graph")
        if a.levels:
            levels = tuple(int(x) for x in a.levels.split(","))
            result = gzip_levels(store, work, levels, a.rounds)
            result["label"] = label
        elif a.memory_only:
            memory, parts = memory_by_size(store, work, sizes)
            result = {"label": label, "memory_by_size": memory,
                      "load_average": [round(x, 1) for x in os.getloadavg()],
                      "raw": [x.to_json(work) for x in parts]}
        else:
            result = run(store, label, a.rounds, work, sizes)
    if a.levels:
        md = levels_table(result)
    else:
        md = table([result]) if not a.memory_only else memory_table([result])
    print(md)
    RESULTS.mkdir(exist_ok=True)
    kind = ("memory" if a.memory_only else f"{a.rounds}r") + ("-levels" if a.levels else "")
    level = "" if a.gzip_level is None else f"-gzip{a.gzip_level}"
    stem = RESULTS / (f"release-{(a.size or 'real')}-{kind}{level}-"
                      f"{dt.date.today().isoformat()}")
    stem.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n")
    stem.with_suffix(".md").write_text(md)
    print(f"wrote {stem}.md and .json", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    main()
