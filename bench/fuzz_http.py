"""An HTTP fuzzer for the real service: random and mutated requests on every route.

``python -m bench fuzz --requests 3000 --seed 1`` starts ``diplograph serve`` (with an update
token, so that writes are fuzzed too) on a scratch copy of a store (by default the real graph,
see :mod:`bench.soak`), then sends requests built from a seeded random generator:

- **methods**: GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH and made-up ones;
- **routes**: ``/sparql``, ``/update``, ``/store``, ``/queries`` and ``/queries/<name>``,
  ``/reconcile`` (and ``suggest``, ``preview``), ``/page/…``, ``/id/…``, ``/data/…``,
  ``/health``, ``/.well-known/void``, ``/``, and mangled paths;
- **parameters** of each route, with values drawn from a corpus (the light and heavy mix
  queries, the named queries' texts, updates, RDF payloads, reconciliation JSON) and mutated:
  bytes flipped, SPARQL tokens inserted (``SERVICE``, braces, escapes, comments), truncated,
  repeated, deeply nested, lone surrogates, NUL, right-to-left marks, 100 KB values;
- **headers**: ``Accept``, ``Content-Type``, ``Authorization`` (none, wrong, the token),
  forged ``Host``, ``Origin``; bodies form-encoded, raw, or random bytes;
- **raw requests** (a few percent) sent on a socket: malformed request lines, header lines
  without a colon, huge headers, wrong ``Content-Length``.

It reports every 5xx (a 503 that says "busy" or names the time limit is counted apart: it is
the service protecting itself), connection failures of well-formed requests, worker crashes
in the server's log, and probes the service (``ASK {}``) every ``--probe-every`` requests and at
the end: it must answer every probe. Results: JSON and Markdown in ``--out``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import socket
import time
import urllib.parse
from pathlib import Path
from typing import Any

from .soak import RESULTS, TOKEN, WORK, real_store, say, scratch_copy, start_server

ROOT = Path(__file__).resolve().parent.parent
METHODS = (["GET"] * 16 + ["POST"] * 12 + ["PUT", "PUT", "DELETE", "HEAD", "OPTIONS",
                                           "PATCH", "BREW", "PROPFIND", "TRACE"])
ACCEPTS = ["*/*", "application/sparql-results+json", "application/sparql-results+xml",
           "text/csv", "text/tab-separated-values", "text/turtle", "application/n-triples",
           "application/rdf+xml", "application/ld+json", "application/n-quads", "application/trig",
           "text/html", "application/json", "image/png", "text/*;q=0.1, */*;q=0", "",
           "application/sparql-results+json;q=abc", "a" * 3000, "text/html, \x7f/\x01"]
CONTENT_TYPES = ["application/x-www-form-urlencoded", "application/sparql-query",
                 "application/sparql-update", "text/turtle", "application/n-triples",
                 "application/rdf+xml", "application/ld+json", "application/json",
                 "multipart/form-data; boundary=x", "text/plain", "", "application/x-www-form-"
                 "urlencoded; charset=latin-1", "text/turtle; charset=utf-16"]
SPARQL_TOKENS = ["SERVICE", "SERVICE <http://127.0.0.1:9/>", "{", "}", "(", ")", "\\", "#",
                 "'", '"', '"""', "FILTER(", "UNION", "OPTIONAL {", "*", "+", "?x", "<", ">",
                 "LOAD <http://127.0.0.1:9/>", "BASE <http://127.0.0.1:9/>", "PREFIX : <x:>",
                 "\\u0053ERVICE", "GRAPH ?g {", "VALUES ?x { 1 2 }", "LIMIT 99999999999999999999",
                 "OFFSET -1", "NOW()", "REGEX(?x, '(a+)+$')", "\x00", "\ud800", "\u202e",
                 "<<( ?s ?p ?o )>>", "SELECT * WHERE", "DROP ALL", "CLEAR DEFAULT"]
PATH_SUFFIXES = ["", "/", "/..", "/../../etc/passwd", "%00", "%2e%2e%2f", "/%ED%A0%80",
                 "/" + "x" * 5000, "?", ";x=1", "/\u00e9t\u00e9", "//", "/%"]
ENTITIES = ["state/USA", "org/UN", "state/MNG", "state/VNM", "org/ASEAN", "state/XXX",
            "fact/x", "", "state/", "org/UN/extra", "state/US%41", "../../x"]
NAMED = ["state-relations", "state-memberships", "entity-facts", "agreements",
         "claims-about", "document-facts", "events-in-range", "source-disagreements",
         "no-such-query", "../etc"]


class Corpus:
    """Seed values for parameters and bodies, read from the repository."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.queries = [
            "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
            "ASK {}",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3",
            "DESCRIBE <https://diplograph.org/id/state/USA>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE "
            "{ <https://diplograph.org/id/org/UN> rdfs:label ?l }",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            "SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'Viet')) } LIMIT 10",
        ]
        for f in sorted((ROOT / "queries").glob("*.rq")):
            self.queries.append(f.read_text(encoding="utf-8"))
        self.updates = [
            "INSERT DATA { GRAPH <urn:x-fuzz:g> { <urn:x-fuzz:s> <urn:x-fuzz:p> 1 } }",
            "DELETE WHERE { GRAPH <urn:x-fuzz:g> { ?s ?p ?o } }",
            "CLEAR SILENT GRAPH <urn:x-fuzz:g>",
            "INSERT { GRAPH <urn:x-fuzz:g> { ?s <urn:x-fuzz:q> 1 } } WHERE { GRAPH "
            "<urn:x-fuzz:g> { ?s ?p ?o } }",
        ]
        self.rdf = [
            "<urn:x-fuzz:s> <urn:x-fuzz:p> \"o\" .",
            "@prefix : <urn:x-fuzz:> . :s :p :o , 1, \"x\"@en .",
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b '
            '"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
            '02/22-rdf-syntax-ns#"><rdf:Description rdf:about="urn:x-fuzz:s"><p xmlns="urn:'
            'x-fuzz:">&b;</p></rdf:Description></rdf:RDF>',
            '{"@id": "urn:x-fuzz:s", "urn:x-fuzz:p": {"@value": 1}}',
            "<< <urn:x-fuzz:s> <urn:x-fuzz:p> <urn:x-fuzz:o> >> <urn:x-fuzz:p> 1 .",
        ]
        self.reconcile = [
            '{"q0": {"query": "Viet Nam"}}',
            '{"q0": {"query": "United", "type": "dg:State", "limit": 3, '
            '"properties": [{"pid": "x", "v": "y"}]}}',
            '{"q0": {"query": "x", "properties": {"pid": 1}}}',
            '{"q0": {"query": "\\ud800"}}',
            "[1, 2, 3]",
            '{"q0": {"query": ' + "[" * 500 + "]" * 500 + "}}",
        ]

    def mutate(self, text: str) -> str:
        """One to three random mutations of ``text``."""
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            op = rng.randrange(9)
            pos = rng.randint(0, len(text))
            if op == 0 and text:  # flip a character
                i = rng.randrange(len(text))
                text = text[:i] + chr(rng.randint(0, 0x2FF)) + text[i + 1:]
            elif op == 1:
                text = text[:pos] + " " + rng.choice(SPARQL_TOKENS) + " " + text[pos:]
            elif op == 2:
                text = text[:pos]
            elif op == 3:
                text = text * rng.randint(2, 5)
            elif op == 4:
                n = rng.choice([10, 100, 1000, 3000])
                text = text[:pos] + "{" * n + "}" * n + text[pos:]
            elif op == 5:
                text = text[:pos] + rng.choice(["\ud800", "\x00", "\u202e", "\ufffe",
                                                "\U0001f600"]) + text[pos:]
            elif op == 6:
                text = text + " #" + "x" * rng.choice([100, 10_000, 100_000])
            elif op == 7:
                n = rng.choice([50, 500, 3000])
                text = text[:pos] + "(" * n + "1" + ")" * n + text[pos:]
            else:
                text = "".join(rng.sample(text, len(text))) if len(text) < 200 else text[::-1]
        return text

    def value(self, kind: str) -> str:
        rng = self.rng
        pool = {"query": self.queries, "update": self.updates, "rdf": self.rdf,
                "reconcile": self.reconcile}.get(kind)
        if pool is None:
            pool = ["https://diplograph.org/id/state/USA", "USA", "1990", "2020-02-31", "-1",
                    "99999999999999999999", "", "json", "csv", "html", "turtle", "x" * 1000,
                    "https://diplograph.org/graph/registry", "urn:x-fuzz:g", "not an iri",
                    "<https://diplograph.org/id/state/MNG>", '"x"@en']
        v = rng.choice(pool)
        return v if rng.random() < 0.4 else self.mutate(v)


ROUTE_PARAMS: dict[str, list[tuple[str, str]]] = {
    "/sparql": [("query", "query"), ("default-graph-uri", "iri"), ("named-graph-uri", "iri"),
                ("format", "word"), ("update", "update")],
    "/update": [("update", "update"), ("using-graph-uri", "iri"),
                ("using-named-graph-uri", "iri"), ("query", "query")],
    "/store": [("graph", "iri"), ("default", "word")],
    "/queries": [("format", "word")],
    "/queries/": [("state", "iri"), ("org", "iri"), ("entity", "iri"), ("from", "word"),
                  ("to", "word"), ("format", "word"), ("limit", "word"), ("doc", "iri")],
    "/reconcile": [("queries", "reconcile"), ("query", "word"), ("callback", "word")],
    "/reconcile/suggest/entity": [("prefix", "word"), ("cursor", "word")],
    "/reconcile/preview": [("id", "iri")],
    "/page/": [("format", "word"), ("lang", "word")],
    "/id/": [("format", "word")],
    "/data/": [("format", "word")],
    "/health": [],
    "/.well-known/void": [("format", "word")],
    "/": [("q", "word")],
}


def _path(rng: random.Random, route: str) -> str:
    if route in ("/page/", "/id/", "/data/"):
        path = route + rng.choice(ENTITIES)
    elif route == "/queries/":
        path = route + rng.choice(NAMED)
    else:
        path = route
    if rng.random() < 0.1:
        path += rng.choice(PATH_SUFFIXES)
    return urllib.parse.quote(path, safe="/%;?=.")


def make_request(rng: random.Random, corpus: Corpus) -> dict[str, Any]:
    """One random request: method, target, headers, body."""
    route = rng.choice(list(ROUTE_PARAMS))
    method = rng.choice(METHODS)
    params = []
    for name, kind in ROUTE_PARAMS[route]:
        if rng.random() < (0.8 if kind in ("query", "update", "reconcile") else 0.25):
            params.append((name, corpus.value(kind)))
    if rng.random() < 0.1:
        params.append((corpus.mutate("param"), corpus.value("word")))
    if rng.random() < 0.05 and params:
        params.append(params[0])  # a repeated parameter
    headers = {"Accept": rng.choice(ACCEPTS)}
    auth = rng.random()
    if auth < 0.3:
        headers["Authorization"] = f"Bearer {TOKEN}"
    elif auth < 0.4:
        headers["Authorization"] = rng.choice(["Bearer wrong", "Basic eDp5", "Bearer",
                                               "Bearer " + "x" * 5000])
    if rng.random() < 0.1:
        headers["Host"] = rng.choice(["evil.example", "127.0.0.1:1", "", "x" * 300])
    if rng.random() < 0.1:
        headers["Origin"] = rng.choice(["http://evil.example", "null"])
    body: bytes | None = None
    qs = urllib.parse.urlencode(params, errors="surrogatepass")
    target = _path(rng, route)
    if method in ("POST", "PUT", "PATCH") or rng.random() < 0.05:
        ct = rng.choice(CONTENT_TYPES)
        headers["Content-Type"] = ct
        shape = rng.random()
        if shape < 0.4:
            body = qs.encode()
        elif shape < 0.8:
            kind = {"application/sparql-query": "query", "application/sparql-update": "update",
                    "application/json": "reconcile"}.get(ct.split(";")[0], "rdf")
            body = corpus.value(kind).encode("utf-8", "surrogatepass")
        else:
            body = rng.randbytes(rng.choice([0, 10, 1000, 100_000]))
        if route == "/store" and params and rng.random() < 0.5:
            target += "?" + qs
    elif qs:
        target += "?" + qs
    return {"method": method, "target": target, "headers": headers, "body": body,
            "route": route}


def send(port: int, req: dict[str, Any], timeout: float = 60) -> tuple[int, bytes]:
    """Send with http.client; (status, first bytes of the body); status 0 = no answer."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.putrequest(req["method"], req["target"], skip_host="Host" in req["headers"],
                     skip_accept_encoding=True)
        for k, v in req["headers"].items():
            c.putheader(k, v.encode("latin-1", "replace"))
        body = req["body"]
        if body is not None:
            c.putheader("Content-Length", str(len(body)))
        c.endheaders(body)
        r = c.getresponse()
        return r.status, r.read(2000)
    finally:
        c.close()


RAW = [
    b"GET /sparql?query=ASK%7B%7D HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /sparql?query=ASK%7B%7D\r\n\r\n",
    b"GET /sparql HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/"
    b"sparql-query\r\n\r\nASK {}",
    b"POST /update HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: applicati"
    b"on/sparql-query\r\n\r\nZZ\r\nASK {}\r\n0\r\n\r\n",
    b"GET /sparql?query=%ED%A0%80 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
]


def send_raw(port: int, data: bytes, timeout: float = 30) -> int:
    """Send raw bytes; the status of the answer, or 0 if the server closed without one."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except OSError:
            pass
    head = b"".join(chunks)[:20]
    try:
        return int(head.split()[1]) if head.startswith(b"HTTP/") else 0
    except (IndexError, ValueError):
        return 0


def probe(port: int, timeout: float = 10) -> bool:
    try:
        status, _ = send(port, {"method": "GET", "target": "/sparql?query=ASK%7B%7D",
                                "headers": {"Accept": "*/*"}, "body": None}, timeout=timeout)
    except (OSError, http.client.HTTPException):
        return False
    return status == 200


def _describe(req: dict[str, Any]) -> str:
    body = req["body"][:150] if req["body"] else b""
    return f"{req['method']} {req['target'][:200]!r} body={body!r}"


def run_fuzz(store: Path, *, requests: int, seed: int, probe_every: int, timeout: float,
             out_dir: Path, tag: str) -> dict[str, Any]:
    """The whole fuzz run (see the module docstring); returns the summary."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d-%H%M")
    name = f"fuzz-{stamp}" + (f"-{tag}" if tag else "")
    work = scratch_copy(store, "fuzz-store")
    log = WORK / f"{name}.log"
    server = start_server(work, log, timeout=timeout)
    rng = random.Random(seed)
    corpus = Corpus(rng)
    statuses: dict[str, int] = {}
    by_route: dict[str, dict[str, int]] = {}
    server_errors: list[str] = []
    overload: list[str] = []
    no_answer: list[str] = []
    failed_probes = 0
    t0 = time.time()
    say(f"fuzz: {requests} requests (seed {seed}) on {server.url} (log {log})")
    try:
        for i in range(1, requests + 1):
            if rng.random() < 0.04:
                data = rng.choice(RAW)
                try:
                    status = send_raw(server.port, data)
                except OSError:
                    status = 0
                key = f"raw {status}"
                statuses[key] = statuses.get(key, 0) + 1
                if status >= 500:
                    server_errors.append(f"{status} raw {data[:120]!r}")
            else:
                req = make_request(rng, corpus)
                try:
                    status, body = send(server.port, req)
                except (OSError, http.client.HTTPException) as e:
                    status, body = 0, repr(e).encode()
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                route = by_route.setdefault(req["route"], {})
                route[str(status)] = route.get(str(status), 0) + 1
                text = body.decode("utf-8", "replace")
                if status == 503 and ("busy" in text or "time limit" in text):
                    overload.append(_describe(req))
                elif status >= 500:
                    server_errors.append(f"{status} {_describe(req)}: {text[:300]!r}")
                elif status == 0:
                    no_answer.append(f"{_describe(req)}: {text[:200]}")
            if i % probe_every == 0:
                if not probe(server.port):
                    failed_probes += 1
                    time.sleep(2)
                say(f"  {i} requests, {len(server_errors)} 5xx, {failed_probes} failed probes")
        up_at_end = probe(server.port) and server.proc.poll() is None
        log_text = log.read_text(errors="replace")
    finally:
        server.stop()
    summary = {
        "name": name, "seed": seed, "requests": requests, "seconds": round(time.time() - t0, 1),
        "statuses": dict(sorted(statuses.items())), "by_route": by_route,
        "server_errors": server_errors, "overload_503": len(overload),
        "overload_examples": overload[:5], "no_answer": no_answer[:50],
        "no_answer_count": len(no_answer), "failed_probes": failed_probes,
        "up_at_end": up_at_end, "worker_crashes_logged": log_text.count(") died ("),
        "tracebacks_logged": log_text.count("Traceback (most recent call last)"),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(summary, indent=1))
    (out_dir / f"{name}.md").write_text(markdown(summary))
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(work.with_name(work.name + ".snapshots"), ignore_errors=True)
    return summary


def markdown(s: dict[str, Any]) -> str:
    """The Markdown summary of a fuzz run."""
    lines = [
        f"# HTTP fuzz {s['name']}",
        "",
        f"{s['requests']} requests (seed {s['seed']}) in {s['seconds']} s.",
        "",
        f"- 5xx answers (other than 503 busy/time limit): **{len(s['server_errors'])}**",
        f"- 503 busy or time limit: {s['overload_503']}",
        f"- well-formed requests with no answer: {s['no_answer_count']}",
        f"- failed liveness probes: {s['failed_probes']}; up at the end: {s['up_at_end']}",
        f"- worker crashes logged: {s['worker_crashes_logged']}; tracebacks logged: "
        f"{s['tracebacks_logged']}",
        "",
        "| status | count |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in s["statuses"].items()),
        "",
    ]
    if s["server_errors"]:
        lines += ["5xx answers:", "", *(f"- `{e[:400]}`" for e in s["server_errors"][:30]), ""]
    if s["no_answer"]:
        lines += ["No answer:", "", *(f"- `{e[:300]}`" for e in s["no_answer"][:10]), ""]
    return "\n".join(lines)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of ``python -m bench fuzz``."""
    ap.add_argument("--requests", type=int, default=3000, help="how many requests [3000]")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--probe-every", type=int, default=100,
                    help="probe the service every N requests [100]")
    ap.add_argument("--timeout", type=float, default=5.0, help="the server's query time limit")
    ap.add_argument("--store", default=None,
                    help="a store to copy and serve [the real graph, built once]")
    ap.add_argument("--out", default=str(RESULTS), help="where the results go")
    ap.add_argument("--tag", default="")


def cmd_fuzz(args: argparse.Namespace) -> int:
    """``python -m bench fuzz``: exit status 1 on any 5xx, failed probe or crash."""
    WORK.mkdir(parents=True, exist_ok=True)
    store = Path(args.store) if args.store else real_store()
    s = run_fuzz(store, requests=args.requests, seed=args.seed, probe_every=args.probe_every,
                 timeout=args.timeout, out_dir=Path(args.out), tag=args.tag)
    print(markdown(s))
    bad = (s["server_errors"] or s["failed_probes"] or not s["up_at_end"]
           or s["worker_crashes_logged"] or s["no_answer_count"])
    return 1 if bad else 0
