"""Issue 14, defect 9: a rebuild killed with SIGKILL midway leaves every graph whole: as it
was before, or as the new build made it, never missing or half written."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

COW = "https://diplograph.org/graph/dataset/cow-igo-v3"
REGISTRY = "https://diplograph.org/graph/registry"


def _digests(path: Path) -> dict[str, tuple[int, str]]:
    """(quads, digest of the sorted N-Triples) of every named graph."""
    store = ox.Store.read_only(str(path))
    out = {}
    for g in store.named_graphs():
        lines = sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).splitlines())
        out[g.value] = (len(lines), hashlib.sha256(b"\n".join(lines)).hexdigest())
    return out


@pytest.mark.slow
def test_a_killed_rebuild_keeps_every_graph_whole(store_copy: Path, built_store_path: Path
                                                  ) -> None:
    built = _digests(built_store_path)
    # make the old COW and registry graphs differ from what the build writes, so that the
    # build has to replace them
    store = ox.Store(str(store_copy))
    for graph in (COW, REGISTRY):
        g = ox.NamedNode(graph)
        first = next(iter(store.quads_for_pattern(None, None, None, g)))
        store.remove(first)
        store.add(ox.Quad(ox.NamedNode("https://example.org/old"), first.predicate,
                          ox.Literal("from the previous build"), g))
    store.flush()
    del store
    before = _digests(store_copy)
    assert before[COW] != built[COW] and before[REGISTRY] != built[REGISTRY]

    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "build", "--store", str(store_copy)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stderr is not None
    # kill it inside the COW step: just after the registry step reports, while the COW
    # spells are computed and written (several seconds)
    for line in proc.stderr:
        if "registry of states and organisations" in line:
            break
    time.sleep(2.5)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)

    after = _digests(store_copy)
    for graph, digest in before.items():
        assert graph in after, f"<{graph}> was lost"
        assert after[graph] in (digest, built.get(graph)), f"<{graph}> is half written"
    for graph, digest in after.items():  # nothing half written appeared either
        assert digest in (before.get(graph), built.get(graph)), f"<{graph}> is partial"
