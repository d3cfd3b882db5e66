"""Paired ``oxigraph dump`` / ``diplograph release`` runs, each pair written as it ends.

    .venv/bin/python -m bench.release_pairs --store var/store --pairs 5 [--gzip-level 3]

The short form of :mod:`bench.release_bench` for a loaded machine: the pairs alternate (dump,
release, dump, release, …) and each pair's wall and CPU seconds, peak RSS and the load
average go to ``bench/results/release-pairs-{date}{-gzipN}.jsonl`` as soon as it ends, so a
run cut short still leaves its pairs. Then, with ``--diff``, ``diplograph diff`` of the last
release against the same release without its largest graph (a sorted N-Quads file: every
fact of a data set removed), timed the same way. With ``--other STORE`` (a second store, e.g.
built without one data set), a release of it and ``diplograph diff`` of the two real
releases, each way (OLD NEW and NEW OLD), ``--diff-rounds`` times, after the
first pair.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .load import tool
from .release_bench import RELEASE_OPTIONS, RESULTS, _dump, _ok, _release, measure


def _without_largest(release: Path, out: Path) -> tuple[str, int]:
    """The release's sorted N-Quads without the lines of its largest graph."""
    manifest = json.loads((release / "release.json").read_text())
    largest = max(manifest["graphs"], key=lambda g: g["triples"])
    tail = f" <{largest['graph']}> .\n".encode()
    nq = next(release.glob("*.nq.gz"))
    with gzip.open(nq, "rb") as src, open(out, "wb", buffering=1 << 20) as dst:
        dst.writelines(line for line in src if not line.endswith(tail))
    return largest["graph"], largest["triples"]


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.release_pairs --store DIR [--pairs 5] [--gzip-level N] [--diff]
    [--other STORE [--diff-rounds N]]``."""
    ap = argparse.ArgumentParser(prog="python -m bench.release_pairs", description=__doc__)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--gzip-level", type=int, default=None)
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--other", type=Path, default=None,
                    help="a second store: diff two real full releases")
    ap.add_argument("--diff-rounds", type=int, default=1)
    ap.add_argument("--tag", default="", help="added to the log's name")
    a = ap.parse_args(argv)
    if a.gzip_level is not None:
        RELEASE_OPTIONS[:] = ["--gzip-level", str(a.gzip_level)]
    level = "" if a.gzip_level is None else f"-gzip{a.gzip_level}"
    RESULTS.mkdir(exist_ok=True)
    tag = f"-{a.tag}" if a.tag else ""
    log = RESULTS / f"release-pairs-{dt.date.today().isoformat()}{level}{tag}.jsonl"
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="diplograph-release-pairs-") as tmp:
        work = Path(tmp)
        copy = work / "oxigraph-copy"
        shutil.copytree(a.store, copy, ignore=shutil.ignore_patterns("LOCK"))
        last = None
        for i in range(a.pairs):
            d = _dump(copy, work, str(i))
            if last is not None:
                shutil.rmtree(last.parent)
            last = work / f"rel-{i}" / "r"
            r = _release(a.store, last, f"r{i}")
            _ok(d, r)
            ratios.append(r.seconds / d.seconds)
            cpu_ratios.append(r.cpu_seconds / d.cpu_seconds)
            row = {"pair": i + 1, "options": RELEASE_OPTIONS,
                   "load_average": [round(x, 1) for x in os.getloadavg()],
                   "dump": d.to_json(work), "release": r.to_json(work),
                   "ratio_wall": round(ratios[-1], 2), "ratio_cpu": round(cpu_ratios[-1], 2)}
            with open(log, "a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
            print(f"pair {i + 1}: dump {d.seconds:.1f} s ({d.cpu_seconds:.1f} CPU), release "
                  f"{r.seconds:.1f} s ({r.cpu_seconds:.1f} CPU): {ratios[-1]:.2f}× wall, "
                  f"{cpu_ratios[-1]:.2f}× CPU; load {os.getloadavg()[0]:.1f}", file=sys.stderr)
            if i == 0 and a.other is not None:  # early: a run cut short still has it
                _diff_two_releases(a.other, last, work, log, a.diff_rounds)
        print(f"median ratio: {statistics.median(ratios):.2f}× wall, "
              f"{statistics.median(cpu_ratios):.2f}× CPU", file=sys.stderr)
        if a.diff and last is not None:
            other = work / "other.nq"
            graph, n = _without_largest(last, other)
            m = measure("diplograph diff", [tool("diplograph"), "diff", str(last), str(other),
                                             "--format", "json", "-o", str(work / "d.json")])
            _ok(m)
            with open(log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"diff": m.to_json(work), "removed_graph": graph,
                                    "removed_quads": n,
                                    "load_average": [round(x, 1) for x in os.getloadavg()]})
                        + "\n")
            print(f"diff: {m.seconds:.1f} s ({m.cpu_seconds:.1f} CPU, {m.peak_rss_mb:.0f} MB) "
                  f"with {n:,} quads removed", file=sys.stderr)


def _diff_two_releases(other_store: Path, release: Path, work: Path, log: Path,
                       rounds: int) -> None:
    """Release ``other_store`` (timed), then diff it and ``release`` both ways, alternated."""
    other = work / "other-rel" / "r"
    r = _release(other_store, other, "other")
    _ok(r)
    with open(log, "a", encoding="utf-8") as f:
        f.write(json.dumps({"other_release": r.to_json(work),
                            "load_average": [round(x, 1) for x in os.getloadavg()]}) + "\n")
    print(f"release of the other store: {r.seconds:.1f} s ({r.cpu_seconds:.1f} CPU)",
          file=sys.stderr)
    for k in range(rounds):
        for old, new, way in ((other, release, "other->store"), (release, other, "store->other")):
            out = work / "d.json"
            m = measure("diplograph diff", [tool("diplograph"), "diff", str(old), str(new),
                                            "--format", "json", "-o", str(out)])
            _ok(m)
            summary = json.loads(out.read_text())["summary"]
            with open(log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"diff_of_releases": m.to_json(work), "way": way,
                                    "round": k + 1, "summary": summary,
                                    "load_average": [round(x, 1) for x in os.getloadavg()]})
                        + "\n")
            print(f"diff {way}: {m.seconds:.1f} s ({m.cpu_seconds:.1f} CPU, "
                  f"{m.peak_rss_mb:.0f} MB): {summary}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    main()
