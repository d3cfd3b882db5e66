"""Helpers for the server tests: fixture data, app factory, a live server process."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from diplograph.server.app import create_app

TOKEN = "s3cret-token"
EX = "http://example.org/"
REGISTRY = "https://diplograph.org/graph/registry"
SOURCE = "https://diplograph.org/graph/source/test-doc"
EXTRA = "http://example.org/graph/extra"

#: Test triples in three named graphs (nothing in the real default graph).
FIXTURE_UPDATE = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {{
  GRAPH <{REGISTRY}> {{
    <https://diplograph.org/id/state/MNG> a dg:State ; rdfs:label "Mongolia"@en, "Mông Cổ"@vi .
    <https://diplograph.org/id/state/VNM> a dg:State ; rdfs:label "Viet Nam"@en .
    <https://diplograph.org/id/org/UN> a dg:InternationalOrganization ; rdfs:label "United Nations"@en .
  }}
  GRAPH <{SOURCE}> {{
    <https://diplograph.org/id/fact/test-doc/un-member> a dg:Fact, dg:Membership ;
      dg:startDate "1961"^^xsd:gYear ;
      dg:quote "Mongolia did not join the UN until 1961, \\"SERVICE\\" <x>"@en .
  }}
  GRAPH <{EXTRA}> {{
    <{EX}a> <{EX}p> 1, 2, 3 .
  }}
}}
"""


def make_app(store: Path, **config: object):
    """The app on ``store`` (a copy of the fixture store when it does not exist yet), with
    query threads as the production server runs them (``isolation="thread"``, server/run.py);
    a test of the worker processes passes ``DIPLOGRAPH_ISOLATION="process"``."""
    if not store.exists():
        copy_fixture_store(store)
    cfg = {
        "DIPLOGRAPH_STORE": str(store),
        "DIPLOGRAPH_UPDATE_TOKEN": TOKEN,
        "DIPLOGRAPH_QUERY_TIMEOUT": 5.0,
        "DIPLOGRAPH_QUERY_WORKERS": 2,
        "DIPLOGRAPH_ISOLATION": "thread",
    }
    cfg.update(config)
    app = create_app(cfg)
    app.config["TESTING"] = True
    qs = app.extensions["diplograph"]
    if qs.graph_sizes()[1] == {}:
        qs.update(FIXTURE_UPDATE)
    return app


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def load_table(app, name: str) -> None:
    """Write the graph the build writes for the lookup table ``name`` (``renamed-iris``,
    ``graph-catalogue``...: ``loaders/lookup_tables.py``) from the package's data into the
    app's store, by a SPARQL Update (the fixture store holds no data set)."""
    from diplograph.loaders.lookup_tables import TABLES
    from diplograph.loaders.registry import default_data_dir

    table = TABLES[name]
    lines = "".join(table.quads(default_data_dir()))
    app.extensions["diplograph"].update(
        f"INSERT DATA {{ GRAPH <{table.DATASET.graph}> {{ {lines} }} }}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real `python -m diplograph serve` process on a free 127.0.0.1 port."""

    def __init__(self, store: Path, *args: str, timeout: float = 5.0,
                 env: dict[str, str] | None = None) -> None:
        """``env``: variables set for the server besides the test's environment (from which
        every ``DIPLOGRAPH_*`` variable is left out)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = store.parent / f"server-{self.port}.log"
        cmd = [sys.executable, "-m", "diplograph", "serve", "--store", str(store),
               "--port", str(self.port), "--update-token", TOKEN, "--timeout", str(timeout),
               "--workers", "2", "--threads", "8", *args]
        environ = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
        self._logf = open(self.log, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, stdout=self._logf, stderr=subprocess.STDOUT,
                                     env={**environ, **(env or {})})
        # 90 s: on a machine loaded tenfold (session 24: load 11 on two cores) a server in front
        # of Virtuoso took more than 30 s to answer its first ASK; a healthy start takes ~1 s
        deadline = time.monotonic() + 90
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server died:\n{self.log.read_text()}")
            try:
                if requests.get(self.url + "/sparql", params={"query": "ASK {}"},
                                timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"server did not start:\n{self.log.read_text()}")
            time.sleep(0.1)
        # ready once every worker is: a worker still starting when the server is stopped
        # ignores the stop, and the server waits its kill timeout for it (seconds per test)
        workers = int(cmd[len(cmd) - 1 - cmd[::-1].index("--workers") + 1])
        while self.log.read_bytes().count(b"Started worker-") < workers:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                break  # the tests say what is wrong
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._logf.close()


#: the fixture store, filled once per test process, copied for each test that needs one
_FIXTURE_STORE: Path | None = None


def _fixture_store() -> Path:
    global _FIXTURE_STORE
    if _FIXTURE_STORE is None:
        from diplograph.graph.executor import QueryService

        path = Path(tempfile.mkdtemp(prefix="diplograph-fixture-")) / "store"
        atexit.register(shutil.rmtree, path.parent, True)
        with QueryService(path, workers=1, isolation="thread") as qs:
            qs.update(FIXTURE_UPDATE)
        _FIXTURE_STORE = path
    return _FIXTURE_STORE


def copy_fixture_store(store: Path) -> None:
    """A new store directory at ``store`` holding the fixture triples (a copy of a store
    filled by a real SPARQL Update once per test process: cheaper than an update per test)."""
    shutil.copytree(_fixture_store(), store, ignore=shutil.ignore_patterns("LOCK"))


def fill_store(store: Path) -> None:
    """Put the fixture triples into a store directory (then release it)."""
    if not store.exists():
        copy_fixture_store(store)
        return
    from diplograph.graph.executor import QueryService

    with QueryService(store, workers=1, isolation="thread") as qs:
        qs.update(FIXTURE_UPDATE)
