"""``--engine-dataset catalogue|union`` on ``diplograph serve --engine`` and
``diplograph engine-query``: against a real ``oxigraph serve --union-default-graph`` holding
one published graph (in the catalogue) and one graph the catalogue does not name, the union
dataset reads both (the engine's own default graph), the catalogue dataset only the
published one; a server reading the union refuses writes, and a bad value is named."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from diplograph.graph.remote import RemoteStore

from .engines import Engine, in_ci, oxigraph_binary, start_oxigraph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from server_support import AUTH, LiveServer  # noqa: E402

PUBLISHED = "https://diplograph.org/graph/test/published"
LOOSE = "http://example.org/graph/not-in-the-catalogue"
QUERY = "SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o } ORDER BY ?o"


@pytest.fixture(scope="module")
def union_engine() -> Iterator[Engine]:
    """``oxigraph serve --union-default-graph`` with a published graph and a loose one."""
    if oxigraph_binary() is None:
        if in_ci():
            pytest.fail("CI is set but oxigraph is not installed (scripts/install_engines.sh)")
        pytest.skip("oxigraph is not installed (scripts/install_engines.sh)")
    engine = start_oxigraph(union=True)
    try:
        remote = RemoteStore(engine.query_url, update_url=engine.update_url, timeout=60)
        s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
        remote.replace_graph(PUBLISHED, [ox.Triple(s, p, ox.Literal("published"))])
        remote.close()
        gsp = engine.query_url.rsplit("/", 1)[0] + "/store?graph=" + LOOSE
        req = urllib.request.Request(  # written beside diplograph, as a bulk loader would
            gsp, data=b'<http://example.org/s> <http://example.org/p> "loose" .',
            headers={"Content-Type": "application/n-triples"}, method="POST")
        with urllib.request.urlopen(req, timeout=60) as r:  # noqa: S310 - loopback
            assert r.status in (200, 201, 204)
        yield engine
    finally:
        engine.stop()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    return subprocess.run([sys.executable, "-m", "diplograph", *args],  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**clean, **(env or {})})


def test_engine_query_reads_the_dataset_asked_for(union_engine: Engine) -> None:
    url = union_engine.query_url
    catalogue = _cli("engine-query", "--engine", url, QUERY)
    assert catalogue.returncode == 0, catalogue.stderr
    assert catalogue.stdout.split() == ["o", "published"]
    union = _cli("engine-query", "--engine", url, "--engine-dataset", "union", QUERY)
    assert union.returncode == 0, union.stderr
    assert union.stdout.split() == ["o", "loose", "published"]
    by_env = _cli("engine-query", "--engine", url, QUERY,
                  env={"DIPLOGRAPH_ENGINE_DATASET": "union"})
    assert by_env.stdout.split() == ["o", "loose", "published"]
    bad = _cli("engine-query", "--engine", url, "--engine-dataset", "everything", QUERY)
    assert bad.returncode == 2 and "--engine-dataset" in bad.stderr
    assert "catalogue" in bad.stderr and "union" in bad.stderr


def test_serve_reads_the_union_and_refuses_writes(union_engine: Engine,
                                                  tmp_path: Path) -> None:
    union = LiveServer(tmp_path / "store", "--engine", union_engine.query_url,
                       "--engine-dataset", "union", "--workers", "1", timeout=30)
    try:
        r = requests.post(f"{union.url}/sparql", data={"query": QUERY}, timeout=60,
                          headers={"Accept": "text/csv"})
        assert r.status_code == 200, r.text
        assert r.text.split() == ["o", "loose", "published"]
        assert "union default graph" in union.log.read_text()
        write = requests.post(f"{union.url}/update", headers=AUTH, timeout=60, data={
            "update": f"INSERT DATA {{ GRAPH <{PUBLISHED}> {{ <http://example.org/s> "
                      "<http://example.org/p> 'new' } }"})
        assert write.status_code == 403 and "union" in write.text, write.text
    finally:
        union.stop()
    catalogue = LiveServer(tmp_path / "store2", "--engine", union_engine.query_url,
                           "--workers", "1", timeout=30)
    try:
        r = requests.post(f"{catalogue.url}/sparql", data={"query": QUERY}, timeout=60,
                          headers={"Accept": "text/csv"})
        assert r.status_code == 200 and r.text.split() == ["o", "published"]
    finally:
        catalogue.stop()


def test_serve_names_a_bad_dataset(tmp_path: Path) -> None:
    out = _cli("serve", "--store", str(tmp_path / "store"), "--engine",
               "http://127.0.0.1:9/sparql", env={"DIPLOGRAPH_ENGINE_DATASET": "all"})
    assert out.returncode == 2
    assert "--engine-dataset" in out.stderr and "'all'" in out.stderr
