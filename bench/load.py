"""Import and export, timed, with the peak RSS of the child process tree.

Each tool runs as its own process; :func:`measure` polls the process and its children with
psutil every 50 ms and keeps the peak of their summed RSS (so a short peak between two polls
can be missed: the figure is a lower bound).

Importers: ``diplograph load FILE --store DIR`` (the bulk loader of pyoxigraph behind our CLI),
``oxigraph load --location DIR --file FILE`` (the Rust CLI, same engine) followed by ``oxigraph
optimize`` (timed apart and together: ``diplograph load`` compacts too), and pyoxigraph
``Store.bulk_load`` called directly in a bare Python process (the floor for our CLI).
Exporters: ``diplograph export`` as Turtle (the union of all graphs) and as N-Quads, against
``oxigraph dump`` as N-Quads and as TriG (``oxigraph dump`` cannot write the union as Turtle:
Turtle needs ``--graph``, and our default graph is empty).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """The path of a console script of this virtualenv (else whatever is on PATH)."""
    p = VENV_BIN / name
    return str(p) if p.exists() else (shutil.which(name) or name)


@dataclass
class Measured:
    """One timed run of a tool."""

    name: str
    command: str
    seconds: float
    peak_rss_mb: float
    returncode: int
    quads: int = 0
    output_bytes: int = 0
    note: str = ""

    @property
    def quads_per_s(self) -> float:
        return self.quads / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["quads_per_s"] = round(self.quads_per_s)
        return d


def _tree_rss(p: psutil.Process) -> int:
    total = 0
    try:
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(name: str, cmd: list[str], *, env: dict[str, str] | None = None,
            interval: float = 0.05, timeout: float = 3600) -> Measured:
    """Run ``cmd``; wall time and the peak RSS of its process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})})
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps))
        if time.perf_counter() - t0 > timeout:
            proc.kill()
            break
        time.sleep(interval)
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    proc.wait()
    dt = time.perf_counter() - t0
    note = "" if proc.returncode == 0 else out.strip()[-500:]
    return Measured(name, " ".join(cmd), dt, peak / 2**20, proc.returncode, note=note)


BULK_LOAD_SNIPPET = (
    "import sys, pyoxigraph as ox\n"
    "s = ox.Store(sys.argv[1])\n"
    "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)\n"
    "s.flush()\n"
    "print(len(s))\n"
)


def has_diplograph_load() -> bool:
    """Whether ``diplograph load`` exists (the lead's import command)."""
    r = subprocess.run([tool("diplograph"), "load", "--help"], capture_output=True)
    return r.returncode == 0


def count_quads(store_dir: Path) -> int:
    """The number of quads of a store (opened read-only in a child process)."""
    r = subprocess.run(
        [sys.executable, "-c",
         "import sys, pyoxigraph as ox; print(len(ox.Store.read_only(sys.argv[1])))",
         str(store_dir)], capture_output=True, text=True, check=True)
    return int(r.stdout.strip())


def import_all(nquads: Path, work: Path, quads: int,
               progress: Callable[[str], None] = print) -> tuple[list[Measured], dict[str, Path]]:
    """Load ``nquads`` three ways into fresh stores under ``work``.

    Returns the measurements and the store of each importer (``diplograph``, ``oxigraph``,
    ``pyoxigraph``); the servers later run on the first two.
    """
    stores = {k: work / f"store-{k}" for k in ("diplograph", "oxigraph", "pyoxigraph")}
    for d in stores.values():
        shutil.rmtree(d, ignore_errors=True)
    runs: list[Measured] = []
    if has_diplograph_load():
        cmd = [tool("diplograph"), "load", str(nquads), "--store", str(stores["diplograph"])]
        name, note = "diplograph load", ""
    else:
        cmd = [sys.executable, "-c", BULK_LOAD_SNIPPET, str(stores["diplograph"]), str(nquads)]
        name, note = "diplograph import", "no `diplograph load` yet: pyoxigraph bulk_load used"
    plan = [
        (name, cmd, note),
        ("oxigraph load", [tool("oxigraph"), "load", "--location", str(stores["oxigraph"]),
                           "--file", str(nquads)], ""),
        ("pyoxigraph bulk_load", [sys.executable, "-c", BULK_LOAD_SNIPPET,
                                  str(stores["pyoxigraph"]), str(nquads)], "in-process floor"),
    ]
    for name, cmd, note in plan:
        progress(f"  import: {name} ...")
        m = measure(name, cmd)
        m.quads, m.note = quads, (note + " " + m.note).strip()
        progress(f"    {m.seconds:.1f} s, {m.quads_per_s:,.0f} quads/s, peak RSS "
                 f"{m.peak_rss_mb:,.0f} MB" + ("" if m.returncode == 0 else f" FAILED: {m.note}"))
        runs.append(m)
        if name == "oxigraph load":
            # `diplograph load` compacts the store after loading; `oxigraph load` leaves that
            # to `oxigraph optimize` (or to `oxigraph serve`, in the background while it
            # answers). Timed here, so both servers get a compacted store and the import
            # can be compared like for like.
            progress("  import: oxigraph optimize ...")
            opt = measure("oxigraph optimize", [tool("oxigraph"), "optimize", "--location",
                                                str(stores["oxigraph"])])
            both = Measured("oxigraph load + optimize", f"{m.command} && {opt.command}",
                            round(m.seconds + opt.seconds, 3),
                            max(m.peak_rss_mb, opt.peak_rss_mb),
                            m.returncode or opt.returncode, quads,
                            note="the like-for-like reference for `diplograph load`")
            progress(f"    {opt.seconds:.1f} s; load + optimize {both.quads_per_s:,.0f} quads/s")
            runs.append(both)
    return runs, stores


def export_all(stores: dict[str, Path], work: Path, quads: int,
               progress: Callable[[str], None] = print) -> list[Measured]:
    """Time the exporters (Turtle union and N-Quads from diplograph; N-Quads and TriG dumps)."""
    out = work / "export"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    plan = [
        ("diplograph export turtle (union)", [tool("diplograph"), "export", "--store",
                                              str(stores["diplograph"]), "--format", "turtle",
                                              "-o", str(out / "dg.ttl")], out / "dg.ttl"),
        ("diplograph export nquads", [tool("diplograph"), "export", "--store",
                                      str(stores["diplograph"]), "--format", "nquads", "-o",
                                      str(out / "dg.nq")], out / "dg.nq"),
        ("oxigraph dump nquads", [tool("oxigraph"), "dump", "--location", str(stores["oxigraph"]),
                                  "--file", str(out / "ox.nq")], out / "ox.nq"),
        ("oxigraph dump trig", [tool("oxigraph"), "dump", "--location", str(stores["oxigraph"]),
                                "--file", str(out / "ox.trig")], out / "ox.trig"),
    ]
    runs = []
    for name, cmd, path in plan:
        progress(f"  export: {name} ...")
        m = measure(name, cmd)
        m.quads = quads
        m.output_bytes = path.stat().st_size if path.exists() else 0
        progress(f"    {m.seconds:.1f} s, {m.quads_per_s:,.0f} quads/s, peak RSS "
                 f"{m.peak_rss_mb:,.0f} MB, {m.output_bytes / 2**20:,.1f} MB"
                 + ("" if m.returncode == 0 else f" FAILED: {m.note}"))
        runs.append(m)
    shutil.rmtree(out, ignore_errors=True)
    return runs
