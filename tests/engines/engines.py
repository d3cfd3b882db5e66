"""Start real SPARQL engines for the tests: ``oxigraph serve`` (PyPI package ``oxigraph``) and
Virtuoso Open Source 7 (Debian ``virtuoso-opensource-7-bin``), each on loopback, in a throwaway
folder, stopped and removed afterwards. No service is left behind."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Engine:
    name: str
    query_url: str
    update_url: str
    proc: subprocess.Popen[bytes]
    folder: Path
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _wait(url: str, proc: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the engine exited ({proc.returncode}):\n" + log.read_text()[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError(f"the engine did not answer within {seconds:g} s:\n"
                       + log.read_text()[-3000:])


def oxigraph_binary() -> str | None:
    exe = Path(sys.executable).with_name("oxigraph")
    return str(exe) if exe.exists() else shutil.which("oxigraph")


#: oxigraph's own limit on a query, in seconds: longer than any time limit of the tests
#: (the clients' longest is 120 s)
ENGINE_TIMEOUT = 180


def start_oxigraph(location: Path | None = None, *, union: bool = False,
                   timeout_s: int = ENGINE_TIMEOUT) -> Engine:
    """``oxigraph serve`` on a new folder, or on ``location`` (filled by ``oxigraph load``;
    left in place); ``union``: its default graph is the union of its graphs; ``timeout_s``:
    its own limit on a query."""
    exe = oxigraph_binary()
    if exe is None:
        raise RuntimeError("oxigraph is not installed (pip install oxigraph)")
    folder = Path(tempfile.mkdtemp(prefix="dg-oxigraph-"))
    port = free_port()
    log = folder / "server.log"
    # --timeout-s: a query whose client has given up (our time limit fired: 503) is not
    # stopped by oxigraph; without a limit of its own the time-limit test's cross product kept
    # a core busy until the engine was stopped (minutes of CPU per run)
    proc = subprocess.Popen(  # noqa: S603
        [exe, "serve", "--location", str(location or folder / "data"),
         "--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout_s),
         *(["--union-default-graph"] if union else [])],
        stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    _wait(base + "/query?query=ASK%7B%7D", proc, log)
    return Engine("oxigraph", base + "/query", base + "/update", proc, folder, log)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}, {d}/load
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ServerThreads = 10
CheckpointInterval = 60
MaxSortedTopRows = {max_sorted}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
DefaultQuery = ASK {{}}
"""


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def start_virtuoso(max_rows: int = 10000, max_sorted: int = 10000,
                   buffers: int = 10000) -> Engine:
    """Virtuoso on a new folder; ``buffers``: its page buffers (8 KB each; 10,000 for the
    tests, about 170,000 per 1.5 GB for a large bulk load)."""
    exe = virtuoso_binary()
    isql = shutil.which("isql-vt")
    if exe is None or isql is None:
        raise RuntimeError("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin)")
    folder = Path(tempfile.mkdtemp(prefix="dg-virtuoso-"))
    (folder / "load").mkdir()
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(d=folder, sql=sql, http=http, max_rows=max_rows,
                            max_sorted=max_sorted, buffers=buffers, dirty=buffers * 3 // 5))
    log = folder / "stdout.log"
    proc = subprocess.Popen(  # noqa: S603
        [exe, "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
        cwd=folder, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    _wait(base + "/sparql?query=ASK%7B%7D", proc, log, seconds=120)
    grants = "GRANT SPARQL_UPDATE TO \"SPARQL\";\ncheckpoint;\n"
    out = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba"], input=grants.encode(),  # noqa: S603
                         capture_output=True, timeout=60, check=False)
    if b"*** Error" in out.stdout + out.stderr:
        proc.kill()
        raise RuntimeError("granting updates failed: " + out.stdout.decode(errors="replace"))
    engine = Engine("virtuoso", base + "/sparql", base + "/sparql", proc, folder, log)
    engine.sql_port = sql  # type: ignore[attr-defined]
    return engine


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
