"""``diplograph push`` and ``diplograph engine-query`` as a user runs them, against a real
``oxigraph serve``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
