"""The inputs of a benchmark run: its folders, progress lines, the real and synthetic N-Quads."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"

def say(msg: str) -> None:
    """Progress on standard output, flushed."""
    print(msg, flush=True)


def real_nquads(work: Path) -> Path:
    """The real graph: ``diplograph build`` into a scratch store, exported as N-Quads."""
    from .load import tool

    store = work / "real-build-store"
    out = work / "real.nq"
    shutil.rmtree(store, ignore_errors=True)
    say("building the real graph (diplograph build) ...")
    subprocess.run([tool("diplograph"), "build", "--store", str(store), "-q"], check=True)
    subprocess.run([tool("diplograph"), "export", "--store", str(store), "--format", "nquads",
                    "-o", str(out)], check=True)
    shutil.rmtree(store, ignore_errors=True)
    return out


def synthetic_nquads(work: Path, triples: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """Generate (or reuse, when the same size and seed were generated before) the data."""
    from .generate import GENERATOR_VERSION, generate_file

    path = work / f"synthetic-{triples}-s{seed}-v{GENERATOR_VERSION}.nq"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        say(f"reusing {path}")
        return path, json.loads(meta_path.read_text())
    say(f"generating {triples:,} triples (seed {seed}) -> {path} ...")
    t0 = time.perf_counter()
    stats = generate_file(path, triples, seed, say)
    meta = {"quads_written": stats.quads, "documents": stats.documents, "facts": stats.facts,
            "entities": stats.entities, "fact_types": stats.fact_types,
            "seconds": round(time.perf_counter() - t0, 1), "bytes": path.stat().st_size}
    meta_path.write_text(json.dumps(meta))
    say(f"  {stats.quads:,} quads, {stats.documents:,} documents, {stats.facts:,} facts in "
        f"{meta['seconds']} s")
    return path, meta
