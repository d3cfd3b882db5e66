"""Issue 14, defect 9: a rebuild killed with SIGKILL midway leaves every graph whole: as it
was before, or as the new build made it, never missing or half written."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

COW = "https://diplograph.org/graph/dataset/cow-igo-v3"
REGISTRY = "https://diplograph.org/graph/registry"


def _digest(lines: list[bytes]) -> tuple[int, str]:
    """(lines, digest of the sorted lines) of a graph's N-Triples lines, leaving out the time
    of each load (``prov:endedAtTime``) and of each build record in ``dgg:build``
    (``prov:generatedAtTime``), which every build sets anew."""
    kept = sorted(line for line in lines if b"/prov#endedAtTime>" not in line
                  and b"/prov#generatedAtTime>" not in line)
    return len(kept), hashlib.sha256(b"\n".join(kept)).hexdigest()


def _digests(path: Path, only: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """``_digest`` of every named graph (or of the graphs ``only``) of the store ``path``."""
    store = ox.Store.read_only(str(path))
    out = {}
    for g in store.named_graphs():
        if only and g.value not in only:
            continue
        dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b""
        out[g.value] = _digest(dump.splitlines())
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
    except RuntimeError as err:
        # a read-only open races the build's compactions: a table file the manifest it read
        # names can be deleted before it is opened ("IO error: No such file or directory");
        # a look a moment later sees the next manifest. (The graphs after the kill are read
        # by ``_digests``, which lets every error through.)
        if "No such file or directory" in str(err):
            return None
        raise


@pytest.mark.slow
def test_a_killed_rebuild_keeps_every_graph_whole(built_store: ox.Store, built_store_path: Path,
                                                  sample_store_path: Path,
                                                  tmp_path: Path) -> None:
    """The claim is the build's graph replacement (swapped whole or not at all), so the store
    rebuilt is a copy of the build's sample (every graph cut to its first 3,000 quads) with
    the two graphs the build is killed in whole: reading every graph of it after the kill
    costs a fraction of reading the whole graph (docs/testing.md, "Session 13"). The COW
    graph stays whole because over a cut one the build's replacement would insert nearly all
    of its 400,000 triples in one transaction (about 3 times the build's CPU until the kill,
    and each look at the store reads that transaction again), where over the build's graph
    with one triple in 20 changed it writes the difference, as over a real earlier build."""
    store_copy = tmp_path / "store"
    shutil.copytree(sample_store_path, store_copy, ignore=shutil.ignore_patterns("LOCK"))
    store = ox.Store(str(store_copy))
    built_two = {}
    for graph in (COW, REGISTRY):
        g = ox.NamedNode(graph)
        lines = (built_store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b"").splitlines()
        built_two[graph] = _digest(lines)
        # the build's graph, but that one triple in 20 is replaced by another (as if from a
        # previous build), so that the build has to replace it, with real work to do
        for i in range(0, len(lines), 20):
            predicate = lines[i].split(b" ", 2)[1]
            lines[i] = (f"<https://example.org/old/{i // 20}> ".encode() + predicate
                        + b' "from the previous build" .')
        store.remove_graph(g)
        store.bulk_load(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_TRIPLES, to_graph=g)
    store.flush()
    del store
    # every graph of the copy before the build
    before = _digests(store_copy)
    assert before[COW][0] == built_two[COW][0] > 400_000
    assert before[COW] != built_two[COW] and before[REGISTRY] != built_two[REGISTRY]

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
    # the build's own digests, of the graphs that are no longer as they were before it (a
    # graph the killed build wrote must be the build's whole graph)
    changed = tuple(g for g, d in after.items() if before.get(g) != d and g not in built_two)
    built = {**built_two, **_digests(built_store_path, only=changed)}
    assert set(changed) <= set(built), "a graph the build does not make appeared"
    for graph, digest in before.items():
        assert graph in after, f"<{graph}> was lost"
        assert after[graph] in (digest, built.get(graph)), f"<{graph}> is half written"
    for graph, digest in after.items():  # nothing half written appeared either
        assert digest in (before.get(graph), built.get(graph)), f"<{graph}> is partial"
