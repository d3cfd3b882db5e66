"""Issue 14, defect 9: a rebuild killed with SIGKILL midway leaves every graph whole: as it
was before, or as the new build made it, never missing or half written."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from ..conftest import read_lines

COW = "https://diplograph.org/graph/dataset/cow-igo-v3"
REGISTRY = "https://diplograph.org/graph/registry"


def _digests(path: Path, only: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """(quads, digest of the sorted N-Triples) of every named graph (or of the graphs
    ``only``), leaving out the time of each load (``prov:endedAtTime``) and of each build
    record in ``dgg:build`` (``prov:generatedAtTime``), which every build sets anew."""
    store = ox.Store.read_only(str(path))
    out = {}
    for g in store.named_graphs():
        if only and g.value not in only:
            continue
        lines = sorted(line for line in
                       store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).splitlines()
                       if b"/prov#endedAtTime>" not in line
                       and b"/prov#generatedAtTime>" not in line)
        out[g.value] = (len(lines), hashlib.sha256(b"\n".join(lines)).hexdigest())
    return out


def _digests_of_lines(lines: list[bytes]) -> dict[str, tuple[int, str]]:
    """``_digests`` of every named graph, from a store's sorted N-Quads lines (the run's
    shared sorted dump of the build, tests/conftest.py) instead of a dump of each graph:
    a line is its graph's N-Triples line with the graph's IRI before the final dot (an IRI
    holds no space, so the last " <" starts it)."""
    graphs: dict[bytes, list[bytes]] = {}
    for line in lines:
        cut = line.rindex(b" <")
        graphs.setdefault(line[cut + 2:-3], []).append(line[:cut] + b" .")
    out = {}
    for g, triples in graphs.items():
        kept = sorted(t for t in triples if b"/prov#endedAtTime>" not in t
                      and b"/prov#generatedAtTime>" not in t)
        out[g.decode()] = (len(kept), hashlib.sha256(b"\n".join(kept)).hexdigest())
    return out


def _cow_quads(path: Path) -> int | None:
    """The quads of the COW graph seen by a read-only open of the live store (None if the
    store cannot be opened at this moment)."""
    try:
        store = ox.Store.read_only(str(path))
        # counted by the store (0.13 s), not quad by quad in Python (2.2 s a look)
        [row] = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{COW}> {{ ?s ?p ?o }} }}")
        return int(row["n"].value)  # type: ignore[index]
    except OSError:
        return None


@pytest.mark.slow
def test_a_killed_rebuild_keeps_every_graph_whole(store_copy: Path,
                                                  built_lines_path: Path) -> None:
    # the build's digests of every graph, from the run's sorted dump of the build (a digest
    # of the whole store from the store itself cost about 15 s of CPU; of its two graphs
    # changed below, about 3)
    built = _digests_of_lines(read_lines(built_lines_path))
    assert COW in built and REGISTRY in built
    # make the old COW and registry graphs differ from what the build writes (one quad in 20
    # replaced by another), so that the build has to replace them, with real work to do
    store = ox.Store(str(store_copy))
    for graph in (COW, REGISTRY):
        g = ox.NamedNode(graph)
        old = list(store.quads_for_pattern(None, None, None, g))[::20]
        for i, q in enumerate(old):
            store.remove(q)
            store.add(ox.Quad(ox.NamedNode(f"https://example.org/old/{i}"), q.predicate,
                              ox.Literal("from the previous build"), g))
    store.flush()
    del store
    # the copy before the build: the build's graphs (a copy of it), but for the two graphs
    # changed above
    before = {**built, **_digests(store_copy, only=(COW, REGISTRY))}
    assert before[COW] != built[COW] and before[REGISTRY] != built[REGISTRY]

    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "build", "--force", "--store", str(store_copy)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stderr is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    # Kill it inside the COW step, at the worst moment we can see: as soon as a read-only
    # look at the store finds the COW graph gone or partial (a non-atomic replacement), or
    # else right after the step (the atomic one never shows it). A build that finished
    # first would prove nothing.
    deadline = time.monotonic() + 300
    seen_partial = False
    while time.monotonic() < deadline and proc.poll() is None:
        text = "".join(lines)
        if "cow-igo-v3: " in text:
            break
        if "registry of states and organisations:" in text:
            n = _cow_quads(store_copy)
            if n is not None and n != before[COW][0]:
                seen_partial = True
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    print("killed", "while the COW graph looked partial" if seen_partial else "after the step")

    after = _digests(store_copy)
    for graph, digest in before.items():
        assert graph in after, f"<{graph}> was lost"
        assert after[graph] in (digest, built.get(graph)), f"<{graph}> is half written"
    for graph, digest in after.items():  # nothing half written appeared either
        assert digest in (before.get(graph), built.get(graph)), f"<{graph}> is partial"
