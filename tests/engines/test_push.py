"""``diplograph push`` and ``diplograph engine-query`` as a user runs them, against a real
``oxigraph serve``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from diplograph.graph.remote import RemoteStore, publish

from .engines import Engine, free_port

EXE = [sys.executable, "-m", "diplograph"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, check=False)


def test_push_then_query(oxigraph_engine: Engine, built_store_path: Path) -> None:
    base = oxigraph_engine.query_url.rsplit("/", 1)[0]
    graphs = ["https://diplograph.org/graph/registry",
              "https://diplograph.org/graph/source/vn-mn-relations-2023"]
    r = run("push", "--store", str(built_store_path), "--engine", oxigraph_engine.query_url,
            "--gsp-url", base + "/store", *(a for g in graphs for a in ("--graph", g)))
    assert r.returncode == 0, r.stderr
    assert "[2/2]" in r.stderr and "pushed" in r.stderr
    q = run("engine-query", "--engine", oxigraph_engine.query_url,
            'SELECT ?l WHERE { dgr:state\\/MNG rdfs:label ?l FILTER(LANG(?l) = "vi") }')
    assert q.returncode == 0, q.stderr
    assert q.stdout.splitlines() == ["l", "Mông Cổ"]


def test_push_errors_are_clear(built_store_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    r = run("push", "--store", str(built_store_path), "--engine", url)
    assert r.returncode == 1 and "cannot reach the engine" in r.stderr and url in r.stderr
    assert "Traceback" not in r.stderr
    bad = run("push", "--store", str(built_store_path), "--engine", url, "--graph",
              "https://diplograph.org/graph/nothing")
    assert bad.returncode in (1, 2) and "Traceback" not in bad.stderr


#: the two bundled sources (Vietnamese, English) and the English one's graph
SOURCES = Path(__file__).resolve().parents[2] / "sources"
VI, EN = "000_68460debbf1317d8", "001_cf5b56e9778579b3"
EN_GRAPH = "https://diplograph.org/graph/source/wikipedia-foreign-relations-of-mongolia"


def _sources(dest: Path, *stems: str) -> Path:
    dest.mkdir()
    for stem in stems:
        for suffix in (".txt", ".facts.yaml"):
            shutil.copy(SOURCES / f"{stem}{suffix}", dest / f"{stem}{suffix}")
    return dest


def _published(remote: RemoteStore) -> dict[str, int]:
    return {g: remote.count(g) for g in remote.published_graphs(refresh=True)}


def test_a_killed_push_leaves_the_engine_as_it_was(virtuoso_engine: Engine,
                                                   built_store_path: Path) -> None:
    """A push killed while it loads: readers see the graphs as before; the version it was
    loading is never published, and a later push sweeps it."""
    remote = RemoteStore(virtuoso_engine.query_url, update_url=virtuoso_engine.update_url,
                         timeout=120)
    registry = "https://diplograph.org/graph/registry"
    ok = run("push", "--store", str(built_store_path), "--engine", virtuoso_engine.query_url,
             "--graph", registry)
    assert ok.returncode == 0, ok.stderr
    before = _published(remote)
    assert before[registry] > 10_000
    # --force: the same content again, in INSERT DATA requests of 500 triples (no Graph Store)
    # the push's own version: a graph that holds the registry's first triple (the push sends
    # the triples in store order) and did not before. Looked up by that triple, not by
    # listing every graph: a scan of every quad, which Virtuoso cut at its 60 s limit on a
    # loaded machine, so that this test once waited 120 s for a version it could not see
    import pyoxigraph as ox

    first = next(q.triple for q in ox.Store.read_only(str(built_store_path)).quads_for_pattern(
        None, None, None, ox.NamedNode(registry))
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode))
    holding = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {first} }} }}"

    def versions_holding_first() -> set[str]:
        rows = remote.query(holding, own_dataset=True)
        assert isinstance(rows, list)
        return {r["g"].value for r in rows if "/graph/version/" in r["g"].value}  # type: ignore[index,union-attr]

    there = versions_holding_first()  # unpublished ones only: published ones come back as
    # our graph names (the registry), so they never look like a new version
    err_file = tempfile.TemporaryFile()  # noqa: SIM115 - read if the push ends early
    proc = subprocess.Popen([*EXE, "push", "--store", str(built_store_path), "--engine",  # noqa: S603
                             virtuoso_engine.query_url, "--graph", registry, "--force"],
                            stdout=subprocess.DEVNULL, stderr=err_file)
    try:
        deadline = time.monotonic() + 120
        loading: str | None = None
        while time.monotonic() < deadline:  # wait until the new version holds some triples
            if proc.poll() is not None:  # it ended: say how (its stderr), not only that
                err_file.seek(0)
                err = err_file.read().decode(errors="replace")
                pytest.fail(f"the push ended (exit {proc.returncode}) before it loaded 2,000 "
                            f"triples into its version ({loading}):\n{err[-2000:]}")
            if loading is None:
                new = sorted(versions_holding_first() - there)
                loading = new[0] if new else None
            if loading is not None and remote.count(loading) >= 2_000:
                break
            time.sleep(0.2 if loading is None else 0.05)  # then a count per 0.05 s: cheap
        else:
            pytest.fail(f"the push did not load 2,000 triples in 120 s (its version: {loading})")
        assert proc.poll() is None, "the push ended before it could be killed"
    finally:
        proc.kill()  # SIGKILL: no clean-up code runs
        proc.wait()
    assert _published(remote) == before  # readers see the registry as it was
    assert remote.sweep() == []  # too young to be swept by default: it may be a live load
    swept = remote.sweep(older_than=0)
    assert loading in swept
    assert _published(remote) == before


def test_push_sends_only_what_changed_and_a_failed_build_changes_nothing(
        oxigraph_engine: Engine, tmp_path: Path) -> None:
    """The engine mirrors the store through the interface (``diplograph build --engine`` runs
    :func:`push_store` after the build): a second push sends nothing; a facts file that no
    longer loads leaves its graph on the engine as it was."""
    import pyoxigraph as ox

    from diplograph.cli.engine import push_store
    from diplograph.loaders.build import build

    base = oxigraph_engine.query_url.rsplit("/", 1)[0]
    remote = RemoteStore(oxigraph_engine.query_url, gsp_url=base + "/store", timeout=120)
    store = ox.Store(str(tmp_path / "store"))
    assert not build(store, sources=_sources(tmp_path / "good", VI, EN),
                     with_datasets=False).failures
    first = publish(store, remote)
    names = {g.value for g in store.named_graphs()}
    assert {g for g, _, _ in first.replaced} == names
    assert publish(store, remote).replaced == []  # the engine has every graph already
    on_engine = _published(remote)
    label = ("SELECT ?q WHERE { GRAPH <" + EN_GRAPH + "> { ?f <https://diplograph.org/ontology#"
             "quote> ?q } } ORDER BY ?q LIMIT 3")
    quotes = remote.query(label)

    broken = _sources(tmp_path / "broken", VI, EN)
    (broken / f"{EN}.facts.yaml").write_text("format: diplograph-facts/1\nfacts: [\n",
                                              encoding="utf-8")
    report = build(store, sources=broken, with_datasets=False)
    assert len(report.failures) == 1 and EN in str(report.failures[0])
    again = publish(store, remote)
    assert EN_GRAPH not in {g for g, _, _ in again.replaced}
    assert EN_GRAPH in again.current
    after = _published(remote)
    assert after[EN_GRAPH] == on_engine[EN_GRAPH] and remote.query(label) == quotes
    assert set(after) == set(on_engine)
    push_store(store, remote)  # the command's function: runs and reports


def test_build_with_engine_publishes_what_it_built(oxigraph_engine: Engine,
                                                   tmp_path: Path) -> None:
    """``diplograph build --engine URL`` as a user runs it: the build's graphs reach the engine,
    and a second build (nothing changed) sends nothing."""
    base = oxigraph_engine.query_url.rsplit("/", 1)[0]
    src = _sources(tmp_path / "src", VI, EN)
    args = ("build", "--no-datasets", "--sources", str(src), "--store", str(tmp_path / "store"),
            "--engine", oxigraph_engine.query_url, "--gsp-url", base + "/store")
    r = run(*args)
    assert r.returncode == 0, r.stderr
    remote = RemoteStore(oxigraph_engine.query_url, gsp_url=base + "/store", timeout=120)
    assert EN_GRAPH in _published(remote)
    assert run(*args).returncode == 0
    import pyoxigraph as ox

    store = ox.Store.read_only(str(tmp_path / "store"))
    assert publish(store, remote).replaced == []
