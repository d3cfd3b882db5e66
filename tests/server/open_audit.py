"""Which files a real server process opens while it answers requests (issue 15: the server
reads only its store).

:class:`AuditedServer` starts ``diplograph serve`` through a ``python -c`` wrapper that first
installs a Python audit hook (``sys.addaudithook``) on the ``open`` event, then runs the
command line's entry point, as ``diplograph serve`` would: no setting of the server is
involved. The hook writes one line per file opened (process id, then path) to a log file
opened before the hook; granian forks its worker processes from the main process, so the hook
and the log's descriptor are inherited by every worker (``python -c`` on Linux: the ``fork``
start method). Python source and compiled modules are not written (imports).

:func:`drive` asks for every kind of request the server answers (pages, the search, the
Reconciliation API's reconcile, suggest, preview, extend and properties, the named queries,
SPARQL queries and a write, the Graph Store, the pictures and the world map, VoID, dumps,
the renamed paths); :func:`data_opens` keeps the opens of data files: files of the
repository's ``data/``, ``linking/``, ``ontology/``, ``queries/`` and ``sources/`` folders and
any file of ``site-packages`` that is not code, minus :data:`CODE` (templates, static files,
the named queries' text, which are code).

Run as a script on a built store to print what was opened::

    .venv/bin/python tests/server/open_audit.py var/store
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "audit-token"

#: the wrapper: the hook first, then the command line's entry point with the given arguments
WRAPPER = """
import os, sys
_fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
_skip = ('.py', '.pyc', '.so')
def _hook(event, args, _w=os.write, _pid=os.getpid, _fs=os.fsdecode):
    if event != 'open' or isinstance(args[0], int):
        return
    path = _fs(args[0])
    if path.endswith(_skip) or path.startswith(('/proc/', '/dev/', '/sys/')):
        return
    _w(_fd, f'{_pid()}\\t{path}\\n'.encode('utf-8', 'backslashreplace'))
sys.addaudithook(_hook)
sys.argv = ['diplograph', *sys.argv[2:]]
from diplograph.cli import main
main()
"""

#: repository folders whose files are data the server must not read while serving
DATA_FOLDERS = ("data", "linking", "ontology", "queries", "sources")
#: files that are code although they sit in those folders or in site-packages: the named
#: queries' text (``queries/*.rq``) and their catalogue; templates and static files live in
#: server/, which is not audited
CODE = re.compile(r"^queries/[^/]+\.(rq|md)$")


@dataclass
class Open:
    pid: int
    path: str
    #: index of the line: opens before ``AuditedServer.ready_at`` happened while starting
    line: int


def read_log(log: Path) -> list[Open]:
    out = []
    for i, raw in enumerate(log.read_bytes().decode("utf-8", "replace").splitlines()):
        pid, _, path = raw.partition("\t")
        out.append(Open(int(pid), path, i))
    return out


def _site_packages() -> list[str]:
    import site
    import sysconfig

    return sorted({*site.getsitepackages(), sysconfig.get_paths()["purelib"]})


def data_file(path: str, root: Path = ROOT) -> str | None:
    """``path`` as a data file's name (relative to the repository or ``site-packages/...``),
    or None when it is no data file."""
    real = os.path.realpath(path)
    for sp in _site_packages():
        sp = os.path.realpath(sp)
        if real.startswith(sp + os.sep):
            rel = real[len(sp) + 1:]
            if rel.split(os.sep, 1)[0].endswith((".dist-info", ".egg-info")) or \
                    rel.endswith(".pth"):
                return None  # package metadata (importlib.metadata), not data
            return "site-packages/" + rel
    root_s = str(root.resolve())
    if real.startswith(root_s + os.sep):
        rel = real[len(root_s) + 1:]
        if rel.split(os.sep, 1)[0] in DATA_FOLDERS and not CODE.match(rel):
            return rel
    return None


def data_opens(opens: Iterable[Open]) -> list[tuple[int, str]]:
    """(line, data file) of each open of a data file, in order."""
    return [(o.line, name) for o in opens if (name := data_file(o.path)) is not None]


@dataclass
class AuditedServer:
    """A real ``diplograph serve`` process on ``store`` with the open hook (see the module)."""

    store: Path
    workers: int = 2
    #: the curation API's folder (``DIPLOGRAPH_CURATION_DIR``): a copy of ``sources/``, which
    #: its writes change
    curation: Path | None = None
    log: Path = field(init=False)
    url: str = field(init=False)
    #: lines of the log written before the server answered and every worker had started
    ready_at: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        from server_support import free_port

        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.log = self.store.parent / f"opens-{port}.log"
        self.out = self.store.parent / f"server-{port}.log"
        cmd = [sys.executable, "-c", WRAPPER, str(self.log), "serve", "--store",
               str(self.store), "--port", str(port), "--update-token", TOKEN,
               "--workers", str(self.workers), "--threads", "4", "--timeout", "20"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
        env["DIPLOGRAPH_NO_CACHE"] = "1"  # no search index or templates from a user cache
        if self.curation is not None:
            env["DIPLOGRAPH_CURATION_DIR"] = str(self.curation)
        self._outf = open(self.out, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, stdout=self._outf, stderr=subprocess.STDOUT,
                                     env=env, cwd=self.store.parent)
        deadline = time.monotonic() + 120
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server died:\n{self.out.read_text()}")
            try:
                if requests.get(self.url + "/health", timeout=5).status_code == 200 and \
                        self.out.read_bytes().count(b"Started worker-") >= self.workers:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"server did not start:\n{self.out.read_text()}")
            time.sleep(0.2)
        self.ready_at = len(read_log(self.log))

    def opens(self) -> list[Open]:
        return read_log(self.log)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._outf.close()


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _ok(r: requests.Response, *codes: int) -> requests.Response:
    assert r.status_code in (codes or (200,)), (r.request.method, r.url, r.status_code,
                                                r.text[:300])
    return r


def drive(url: str, write: bool = True) -> list[str]:
    """Ask ``url`` for every kind of request (each asserted to succeed); the requests made.
    ``write``: one SPARQL Update and the same requests of the matcher and the capitals again
    after it (a new write generation)."""
    s = requests.Session()
    done: list[str] = []

    def get(path: str, *codes: int, **kw) -> requests.Response:
        done.append("GET " + path)
        return _ok(s.get(url + path, timeout=120, allow_redirects=False, **kw), *codes)

    def post(path: str, *codes: int, **kw) -> requests.Response:
        done.append("POST " + path)
        return _ok(s.post(url + path, timeout=120, allow_redirects=False, **kw), *codes)

    html = {"Accept": "text/html"}
    # pages, the data of an entity, the kind indexes, the renamed paths, the front page
    get("/", headers=html)
    for path in ("state/MNG", "state/FRA", "org/UN", "state/VNM", "state/SUN"):
        get("/page/" + path, headers=html)
        get(f"/data/{path}.ttl")
        get("/id/" + path, 303, headers=html)
    get("/page/state/", headers=html)
    get("/page/org/", headers=html)
    get("/page/state/USSR", 301, 308, headers=html)  # renamed (data/registry/renamed.csv)
    get("/id/state/GDR", 301, 303, 308, headers=html)
    # the search
    get("/search?q=Mongolia", headers=html)
    get("/search.json?q=viet")
    # SPARQL: a query of each form, GET and POST, and the Graph Store
    q = "SELECT ?s WHERE { ?s a <https://diplograph.org/ontology#State> } LIMIT 3"
    get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
    post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a ?t } LIMIT 2"},
        headers={"Accept": "text/turtle"})
    get("/sparql", 303, headers=html)  # to the query editor
    get("/store", params={"graph": "https://diplograph.org/graph/registry"},
        headers={"Accept": "application/n-triples"})
    # named queries: the list, then each with the example values it announces
    listed = get("/queries").json()["queries"]
    get("/queries", headers=html)
    for nq in listed:
        params = {}
        for p in nq.get("parameters") or nq.get("params") or []:
            example = p.get("example") or p.get("default")
            if example is not None:
                params[p["name"]] = example
        get(f"/queries/{nq['name']}", 200, 400, params={**params, "format": "json"})
    # the world map, the other pictures
    get("/pictures/map/state/MNG.svg")
    get("/pictures/map/state/FRA.svg?by=relations")
    get("/pictures/map/org/UN.svg")
    get("/pictures/network/state/MNG.svg")
    get("/pictures/chart/state/MNG.svg")
    get("/pictures/chart/state/MNG.svg?series=trade", 200, 404)
    # the pictures of a result the query editor has (the map reads the ISO codes)
    result = json.dumps({"head": {"vars": ["s", "n", "d"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": f"https://diplograph.org/id/state/{code}"},
         "n": {"type": "literal", "value": str(k + 1),
               "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
         "d": {"type": "literal", "value": f"19{50 + k}-01-01",
               "datatype": "http://www.w3.org/2001/XMLSchema#date"}}
        for k, code in enumerate(("MNG", "VNM", "FRA"))]}})
    for view in ("map", "timeline", "chart", "graph"):  # no links to draw as a graph: 400
        post(f"/pictures/results.svg?view={view}", *((200, 400) if view == "graph" else ()),
             data=result, headers={"Content-Type": "application/sparql-results+json"})
    # a document's page and a fact's page
    facts = get("/sparql", params={"query": (
        "SELECT ?f ?d WHERE { ?f a <https://diplograph.org/ontology#Fact> ; "
        "<http://www.w3.org/ns/prov#wasDerivedFrom> ?d } LIMIT 1")},
        headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    for b in facts:
        for key in ("f", "d"):
            iri = b[key]["value"]
            if iri.startswith("https://diplograph.org/id/"):
                get("/page/" + iri[len("https://diplograph.org/id/"):], headers=html)
    # VoID, health, dumps, curation
    get("/.well-known/void", headers={"Accept": "text/turtle"})
    get("/health")
    get("/dumps/")
    get("/curate/", headers=html)
    # the Reconciliation API (0.2 and the draft's v1)
    reconciliation(get, post)
    if write:
        post("/update", 200, 204, headers=AUTH, data={"update": (
            "INSERT DATA { GRAPH <http://example.org/audit> { <http://example.org/a> "
            "<http://example.org/p> 1 } }")})
        reconciliation(get, post)  # the matcher and the capitals of the new generation
        get("/page/state/MNG", headers=html)
        get("/pictures/map/state/VNM.svg")
        get("/.well-known/void", headers={"Accept": "text/turtle"})
    return done


def drive_curation(url: str, write: bool = False) -> list[str]:
    """The curation API (token): the list of documents, one document, the names, and with
    ``write`` one review saved (a fact's status set to what it is: the file is written and its
    graph loaded again). Its subject is the facts files of its folder (``sources/``), which it
    reads and writes by design."""
    s = requests.Session()
    done = []
    for path in ("/curate/api/documents", "/curate/api/names?q=Mong"):
        done.append("GET " + path)
        _ok(s.get(url + path, headers=AUTH, timeout=120))
    docs = s.get(url + "/curate/api/documents", headers=AUTH, timeout=120).json()["documents"]
    assert docs
    done.append("GET /curate/api/documents/" + docs[0]["name"])
    doc = _ok(s.get(url + "/curate/api/documents/" + docs[0]["name"], headers=AUTH,
                    timeout=120)).json()
    if write:
        fact = doc["facts"][0]
        done.append("POST /curate/api/documents/" + docs[0]["name"])
        saved = _ok(s.post(url + "/curate/api/documents/" + docs[0]["name"], headers=AUTH,
                           json={"operations": [{"op": "status", "id": fact["id"],
                                                 "status": fact["review"]}]}, timeout=120))
        assert saved.json()["saved"]["triples"] >= 0
    return done


def reconciliation(get, post) -> None:
    get("/reconcile")
    queries = {
        "q0": {"query": "Mongolia"},
        "q1": {"query": "Yemen (Aden)"},
        "q2": {"query": "Guinea-Bissau", "type": "state",
               "properties": [{"pid": "capital", "v": "Bissau"}]},
        "q3": {"query": "Liên Hợp Quốc"},
        "q4": {"query": "Pacific Islands Forum", "type": "org"},
        "q5": {"query": "Soviet", "limit": 3},
        "q6": {"query": "French"},
        "q7": {"query": "MNG"},
        "q8": {"query": "South Pacific Commission"},
    }
    got = post("/reconcile", data={"queries": json.dumps(queries)}).json()
    assert set(got) == set(queries)
    get("/reconcile/preview?id=state/MNG")
    get("/reconcile/preview?id=org/UN")
    get("/reconcile/suggest/entity?prefix=Mong")
    get("/reconcile/suggest/type?prefix=sta")
    get("/reconcile/suggest/property?prefix=cap")
    get("/reconcile/propose_properties?type=state")
    get("/reconcile/v1")
    post("/reconcile/v1/reconcile", json={"queries": [
        {"query": "Viet Nam", "type": "state",
         "conditions": [{"matchType": "property", "propertyId": "capital",
                         "propertyValue": "Hanoi"}]}]})
    get("/reconcile/v1/suggest/entity?prefix=Viet")
    get("/reconcile/v1/preview?id=state/VNM")
    get("/reconcile/v1/extend/propose?type=state")
    post("/reconcile/v1/extend", json={
        "ids": ["state/MNG", "state/VNM"],
        "properties": [{"id": "capital"}, {"id": "iso3166Alpha3"}, {"id": "existedFrom"}]})
    post("/reconcile", data={"extend": json.dumps({
        "ids": ["state/MNG", "org/UN"],
        "properties": [{"id": "capital"}, {"id": "kind"}, {"id": "labelVi"}]})})


def main(argv: list[str]) -> int:
    """Copy the store named first, serve it with the hook, drive it, print the data files."""
    sys.path.insert(0, str(Path(__file__).parent))
    tmp = Path(tempfile.mkdtemp(prefix="open-audit-"))
    store = tmp / "store"
    shutil.copytree(argv[0], store, ignore=shutil.ignore_patterns("LOCK"))
    shutil.copytree(ROOT / "sources", tmp / "sources")
    server = AuditedServer(store, curation=tmp / "sources")
    try:
        start = data_opens(server.opens())
        done = drive(server.url)
        after = [x for x in data_opens(server.opens()) if x[0] >= server.ready_at]
        mark = len(server.opens())
        done += drive_curation(server.url, write=True)
        curation = [x for x in data_opens(server.opens()) if x[0] >= mark]
        pids = {o.pid for o in server.opens()[server.ready_at:mark]
                if data_file(o.path) == "linking/aliases.yaml"}
    finally:
        server.stop()
    print(f"{len(done)} requests; data files opened while starting:")
    for name in sorted({n for line, n in start if line < server.ready_at}):
        print("  ", name)
    print("data files opened after start, while answering (curation API apart):")
    for name in sorted({n for _, n in after}):
        print("  ", name)
    print(f"linking/aliases.yaml opened {sum(1 for _, n in after if n == 'linking/aliases.yaml')}"
          f" times by {len(pids)} processes")
    print("data files opened by the curation API:")
    for name in sorted({n for _, n in curation}):
        print("  ", name)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
