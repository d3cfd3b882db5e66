"""Profile the diplograph server under load with py-spy (``python -m bench profile``).

Starts ``diplograph serve`` on the store of the last ``run`` at that size (loading one if
there is none), drives it with the load generator, and records every process of its tree
(the granian main process and its worker processes) with ``py-spy record
--subprocesses`` twice in parallel: a flame graph (SVG) and the raw collapsed stacks, which
:func:`summarise` turns into a Markdown summary of the hot path (self and inclusive time).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from .load import tool


def summarise(raw: str, top: int = 25) -> str:
    """Markdown: the busiest functions by self and by inclusive samples, per process kind.

    >>> print(summarise("process 1:\\"gunicorn\\";a (x.py:1);b (y.py:2) 3\\n"
    ...                 "process 1:\\"gunicorn\\";a (x.py:1) 1\\n", top=2).splitlines()[6])
    | b (y.py:2) | 3 | 75.0% |
    """
    self_c: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    procs: Counter[str] = Counter()
    busy: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        count = int(n)
        frames = stack.split(";")
        chain = [f for f in frames if f.startswith("process ")]
        frames = [f for f in frames if not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += count
        if chain:
            procs[_proc_kind(chain[-1], len(chain))] += count
        self_c[frames[-1]] += count
        if not IDLE.match(frames[-1]):
            busy[frames[-1]] += count
        for f in set(frames):
            incl[f] += count
    if not total:
        return "no samples\n"

    def table(c: Counter[str]) -> list[str]:
        rows = ["| function (file:line) | samples | share |", "|---|---|---|"]
        rows += [f"| {f.replace('|', '/')} | {n} | {100 * n / total:.1f}% |"
                 for f, n in c.most_common(top)]
        return rows

    out = [f"{total} samples", "", "### Self time", ""]
    out += table(self_c)
    out += ["", "### Self time without waits (lock/queue/select waits removed)", ""]
    out += table(busy)
    out += ["", "### Inclusive time", ""]
    out += table(incl)
    if procs:
        out += ["", "### By process", "", "| process | samples |", "|---|---|"]
        out += [f"| {p} | {n} |" for p, n in procs.most_common()]
    return "\n".join(out) + "\n"


IDLE = re.compile(r"^(?:Condition\.wait |Event\.wait |\w*Selector\.select |select |Arbiter\.\w+ |"
                  r"_worker \(concurrent/futures/thread\.py|Queue\.get |sleep )")


def _proc_kind(frame: str, depth: int) -> str:
    m = re.match(r'process \d+:"(.*)"', frame)
    cmd = m.group(1) if m else frame
    if "--worker" in cmd:
        return "query worker processes (graph/executor.py)"
    return "main process" if depth == 1 else "HTTP worker processes (Flask)"


def main(args: argparse.Namespace) -> int:
    """Run the profile described by the ``profile`` sub-command's arguments."""
    import pyoxigraph as ox

    from . import load, loadgen, mixes, parse_size, servers
    from .inputs import WORK, say, synthetic_nquads

    size = args.size
    work = WORK / size
    store = work / "store-diplograph"
    ref = work / "store-pyoxigraph"
    nquads, _ = synthetic_nquads(WORK, parse_size(size), args.seed)
    for d in (store, ref):
        if not d.exists():
            say(f"loading {d} ...")
            subprocess.run([sys.executable, "-c", load.BULK_LOAD_SNIPPET, str(d), str(nquads)],
                           check=True, capture_output=True)
    st = ox.Store.read_only(str(ref))
    reqs = mixes.build_mix(args.mix, mixes.sample_params(st, seed=args.seed), seed=args.seed)
    del st
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{size}-{args.mix}-c{args.concurrency}"
    srv = servers.start_diplograph(store, work / "logs" / "profile-diplograph.log")
    try:
        say(f"diplograph serve ready (pid {srv.proc.pid}); profiling {args.duration} s under "
            f"{args.mix} load at {args.concurrency} connections ...")
        spy = tool("py-spy")
        common = ["record", "--pid", str(srv.proc.pid), "--subprocesses", "--rate",
                  str(args.rate), "--duration", str(int(args.duration) + 2)]
        svg, raw = out / f"{stem}.svg", work / f"profile-{stem}.raw.txt"  # raw: not committed
        recorders = [
            subprocess.Popen([spy, *common, "--format", "flamegraph", "-o", str(svg)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
            subprocess.Popen([spy, *common, "--format", "raw", "-o", str(raw)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
        ]
        time.sleep(0.5)
        targets = [(r.target(srv.path), r.accept) for r in reqs]
        res = loadgen.run_cell(srv.port, targets, args.concurrency, args.duration, warmup=0.5)
        say(f"  {res.rps:,.1f} req/s, p50 {res.p50_ms:.2f} ms (while profiled)")
        for p in recorders:
            _, err = p.communicate(timeout=args.duration + 60)
            if p.returncode:
                say(f"  py-spy failed: {err.decode(errors='replace')[-500:]}")
    finally:
        srv.stop()
    if raw.exists():
        md = out / f"{stem}.md"
        md.write_text(
            f"# Profile: diplograph serve, {size}, {args.mix} mix, {args.concurrency} "
            f"connections\n\n{res.rps:,.1f} req/s while sampled by py-spy at {args.rate} Hz "
            f"(flame graph: `{svg.name}`).\n\n" + summarise(raw.read_text()), encoding="utf-8")
        say(f"wrote {md} and {svg}")
    return 0
