"""SERVICE/LOAD spellings against a real server and a listener: zero connections (#14).

``python -m bench.fuzz_service [--n 3000] [--seed 1] [--store DIR]`` starts a listener on
127.0.0.1 standing for an internal service, starts the real server (``python -m
diplograph serve``, with an update token) on a fresh store, and sends it ``n``
spellings of SERVICE and LOAD made by :func:`spellings` (a small grammar: prefixed names
with the empty prefix, PLX escapes and ``%hh``, ``\\u``/``\\U`` escapes, comments, BASE and
relative IRIs, SILENT, keywords glued to their target, subqueries, nested groups,
OPTIONAL/MINUS/UNION/GRAPH/EXISTS, updates with WHERE, LOAD INTO, and decoys where SERVICE is
only inside a string, an IRI, a comment or a name) by GET, form POST and direct POST. It
prints a summary and exits 1 when any connection reached the listener, any attack was not
answered 400, or any decoy was not answered 200.

``--engine`` runs the same spellings in this process against pyoxigraph itself (no filter):
every spelling the engine sends to the listener must be one the text check refuses, and the
IRI the check resolves must be the one the engine asked for (what an allow-list relies on).
"""

from __future__ import annotations

import argparse
import random
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Spelling", "Listener", "spellings"]


@dataclass(frozen=True)
class Spelling:
    """One generated text: ``attack`` (must be refused) or a decoy (must be answered)."""

    text: str
    update: bool
    attack: bool
    #: the path the engine would ask for on the listener (attacks with a known target)
    path: str | None = None


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections and answers a SPARQL result."""

    BODY = (b'{"head":{"vars":["leak"]},"results":{"bindings":[{"leak":{"type":"literal",'
            b'"value":"SECRET"}}]}}')

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port: int = self.sock.getsockname()[1]
        self.connections = 0
        self.paths: list[str] = []
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            try:
                conn.settimeout(2)
                head = conn.recv(65536).decode("latin-1")
                self.paths.append(head.split(" ", 2)[1] if head.count(" ") >= 2 else "")
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json"
                             b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                             % len(self.BODY) + self.BODY)
            except OSError:
                pass
            finally:
                conn.close()

    def close(self) -> None:
        self._stop = True
        self.sock.close()


def _case(rng: random.Random, word: str) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)


def _sep(rng: random.Random, glue: bool) -> str:
    """What separates two tokens: nothing (when ``glue``), white space or a comment."""
    options = [" ", "\t", "\n", "  ", " # a comment with \" and ' and SERVICE\n", "\r\n"]
    if glue:
        options += ["", "", ""]
    return rng.choice(options)


def _u_escape(rng: random.Random, s: str) -> str:
    """Write some ASCII letters of ``s`` as ``\\uXXXX`` or ``\\UXXXXXXXX``."""
    out = []
    for c in s:
        if c.isalnum() and rng.random() < 0.3:
            out.append(f"\\u{ord(c):04X}" if rng.random() < 0.7 else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return "".join(out)


_LOCALS = [("x", "x"), ("sparql", "sparql"), ("a\\#b", "a#b"), ("a\\'b", "a'b"),
           ("a%41", "a%41"), ("a.b", "a.b"), ("x:y", "x:y"), ("a\\-b", "a-b"),
           ("a\\~b", "a~b"), ("1x", "1x"), ("a\\/b", "a/b"), ("a\\?q", "a?q")]
_PREFIXES = ["", "ex", "s1", "a.b", "service", "load", "silent", "e-x"]


def _target(rng: random.Random, base: str) -> tuple[str, str, str | None]:
    """A target: (prologue, spelling, path asked for on the listener or None)."""
    kind = rng.choice(["iri", "iri-escaped", "relative", "pname", "pname", "pname", "var"])
    local, path = rng.choice(_LOCALS)
    if kind == "iri":
        return "", f"<{base}{path}>", "/" + path
    if kind == "iri-escaped":
        return "", f"<{_u_escape(rng, base + 'q')}>", "/q"
    if kind == "relative":
        base_decl = rng.choice([f"BASE <{base}>", f"base<{base}>",
                                f"BASE <{_u_escape(rng, base)}>"])
        return base_decl + _sep(rng, False), "<rel>", "/rel"
    if kind == "var":
        bind = f"BIND(<{base}v> AS ?ep) "
        return "", "?ep", None if rng.random() < 0.5 else bind
    prefix = rng.choice(_PREFIXES)
    decl = rng.choice([f"PREFIX {prefix}: <{base}>", f"PREFIX {prefix}:<{base}>",
                       f"{_case(rng, 'prefix')}{' ' if prefix else rng.choice(['', ' '])}"
                       f"{prefix}: <{base}>"])
    return decl + _sep(rng, False), f"{prefix}:{local}", "/" + path


def _wrap(rng: random.Random, clause: str) -> str:
    """Put a graph pattern in a random context."""
    for _ in range(rng.randint(0, 3)):
        clause = rng.choice([
            "{ %s }", "OPTIONAL { %s }", "{ } UNION { %s }", "{ %s } UNION { }",
            "?s0 ?p0 ?o0 MINUS { %s }", "GRAPH ?g { %s }", "FILTER EXISTS { %s }",
            "FILTER NOT EXISTS { %s }", "{ SELECT * WHERE { %s } }",
            "{ SELECT ?leak { %s } LIMIT 1 }",
        ]) % clause
    return clause


#: what may come just before SERVICE and hide it from a careless lexer
_BEFORE = [
    "", "?a ?b ?c .", "?a <p:q> 1", "?a <p:q> true", "?a <p:q> 1.", "?a <p:q> 'x'",
    "?a <p:q> \"#\" .", "?a <p:q> \"\\u0022 # \" .", "?a <p:q> '\\u0027' .",
    "?a <p:q> \"\"\"a\"\"b\"\"\" .", "?a <p:q> '''x''' .", "BIND(1 AS ?one)",
    "FILTER(1 < 2)", "FILTER(?a<?b || ?b>?a)", "VALUES ?v { 1 2 }",
    "?a <p:q> 1.5", "?a <p:q> 15e-1", "?a <p:q> 'x'@en", "?a <p:q> \"x\"^^<urn:x:d>",
    "?a <p:q> []", "?a <p:q> ?c.", "?a <p:q> ?c ;", "VALUES ?x { UNDEF }", "OPTIONAL{}",
    "FILTER(true)", "GRAPH<urn:x:g>{}",
]
_BEFORE_PNAME = ["?a :b\\#c ?d .", "?a :b\\'c ?d .", "?a :b\\#c ?d", "?a :b\\'c?d ."]


def _service(rng: random.Random, base: str) -> Spelling:
    prologue, target, path = _target(rng, base)
    bind = ""
    if target == "?ep" and path is not None:  # the variable bound before the call
        bind, path = path, None
    keyword = _case(rng, "service")
    silent = _case(rng, "silent") + _sep(rng, target[0] in "<?:" or ":" in target) \
        if rng.random() < 0.3 else ""
    glue = target[0] in "<?" or ":" in target
    before = rng.choice(_BEFORE)
    if prologue.upper().startswith("PREFIX :") or "PREFIX:" in prologue.upper():
        before = rng.choice(_BEFORE + _BEFORE_PNAME)
    sep_before = "" if before.endswith(("1", "5", "true", ")", "}", ">", "]", ".", ";")) \
        and rng.random() < 0.5 else " "
    clause = (f"{bind}{before}{sep_before}{keyword}{_sep(rng, bool(silent) or glue)}{silent}"
              f"{target}{_sep(rng, True)}{{ ?leak ?p ?o }}")
    body = _wrap(rng, clause)
    form = rng.choice(["SELECT * WHERE { %s }", "select ?leak { %s }", "ASK { %s }",
                       "CONSTRUCT { ?leak ?p ?o } WHERE { %s }", "DESCRIBE ?leak WHERE { %s }",
                       "SELECT * { %s } LIMIT 5"])
    if rng.random() < 0.25:  # an update with the SERVICE in its WHERE
        form = rng.choice(["INSERT { <urn:x:s> <urn:x:p> ?leak } WHERE { %s }",
                           "DELETE { ?leak ?p ?o } WHERE { %s }",
                           "INSERT DATA { <urn:x:a> <urn:x:b> 1 } ; "
                           "INSERT { ?leak ?p ?o } WHERE { %s }"])
        return Spelling(prologue + form % body, True, True, path)
    return Spelling(prologue + form % body, False, True, path)


def _load(rng: random.Random, base: str) -> Spelling:
    prologue, target, path = _target(rng, base)
    if target == "?ep":
        prologue, target, path = "", f"<{base}d.ttl>", "/d.ttl"
    keyword = _case(rng, "load")
    glue = target[0] == "<" or ":" in target
    silent = _case(rng, "silent") + _sep(rng, glue) if rng.random() < 0.3 else ""
    into = rng.choice(["", " INTO GRAPH <urn:x:g>", f" {_case(rng, 'into')} {_case(rng, 'graph')}"
                                                    " <urn:x:g>"])
    text = f"{keyword}{_sep(rng, bool(silent) or glue)}{silent}{target}{into}"
    if rng.random() < 0.3:
        text = "INSERT DATA { <urn:x:a> <urn:x:b> 'LOAD <x>' } ;" + _sep(rng, True) + text
    return Spelling(prologue + text, True, True, path)


def _decoy(rng: random.Random, base: str) -> Spelling:
    hidden = rng.choice([
        f'"SERVICE <{base}> {{ }}"', f"'service <{base}x> {{}}'", f'"""SERVICE\n<{base}>"""',
        f"<{base}SERVICE>", "<urn:x:LOAD>", '"LOAD <x>"',
    ])
    text = rng.choice([
        f"SELECT * {{ ?s ?p {hidden} }}",
        f"SELECT * {{ ?s ?p ?o }} # SERVICE <{base}> {{ ?s ?p ?o }}",
        f"# LOAD <{base}>\nASK {{ }}",
        "PREFIX ex: <urn:x:> SELECT * { ?s ex:service ?o . ?service ?p ex:load }",
        "PREFIX service: <urn:x:> SELECT * { ?s service:x ?o }",
        "PREFIX load: <urn:x:> SELECT * { ?s load:x ?o . ?o ?p load:y }",
        "PREFIX loader: <urn:x:> SELECT * { loader:a loader:b ?o }",
        f"SELECT ?service {{ BIND({hidden} AS ?service) }}",
        "PREFIX : <urn:x:> SELECT * { ?a :b\\#c ?d . } # SERVICE <urn:x:> { }",
    ])
    return Spelling(text, False, False)


def spellings(base: str, n: int, seed: int = 1) -> Iterator[Spelling]:
    """``n`` spellings for a listener at ``base`` (deterministic for a seed)."""
    rng = random.Random(seed)
    for _ in range(n):
        r = rng.random()
        if r < 0.65:
            yield _service(rng, base)
        elif r < 0.85:
            yield _load(rng, base)
        else:
            yield _decoy(rng, base)


# ---------------------------------------------------------------- runners


def send(session: object, url: str, sp: Spelling, rng: random.Random, token: str) -> int:
    """Send ``sp`` by GET, form POST or direct POST; return the status."""
    import requests

    s: requests.Session = session  # type: ignore[assignment]
    auth = {"Authorization": f"Bearer {token}"}
    how = rng.choice(["get", "form", "direct"]) if not sp.update else rng.choice(["form", "direct"])
    if sp.update:
        if how == "form":
            r = s.post(url + "/update", data={"update": sp.text}, headers=auth, timeout=30)
        else:
            r = s.post(url + "/update", data=sp.text.encode(), timeout=30,
                       headers={**auth, "Content-Type": "application/sparql-update"})
    elif how == "get":
        r = s.get(url + "/sparql", params={"query": sp.text}, timeout=30)
    elif how == "form":
        r = s.post(url + "/sparql", data={"query": sp.text}, timeout=30)
    else:
        r = s.post(url + "/sparql", data=sp.text.encode(), timeout=30,
                   headers={"Content-Type": "application/sparql-query"})
    return r.status_code


def run_server(url: str, listener: Listener, n: int, seed: int, token: str) -> dict[str, object]:
    """Send ``n`` spellings to the server at ``url``; the summary."""
    import requests

    rng = random.Random(seed + 1)
    statuses: Counter[tuple[str, int]] = Counter()
    bad: list[tuple[int, Spelling]] = []
    t0 = time.monotonic()
    with requests.Session() as s:
        for sp in spellings(listener.base, n, seed):
            status = send(s, url, sp, rng, token)
            kind = "attack" if sp.attack else "decoy"
            statuses[(kind, status)] += 1
            if (sp.attack and status != 400) or (not sp.attack and status != 200):
                bad.append((status, sp))
    return {"spellings": n, "connections": listener.connections, "statuses": dict(statuses),
            "unexpected": bad, "seconds": round(time.monotonic() - t0, 1)}


def run_engine(listener: Listener, n: int, seed: int) -> dict[str, object]:
    """The spellings against pyoxigraph in this process (no filter): what it fetches must be
    refused by the check, with the IRI it fetches."""
    import pyoxigraph as ox

    from diplograph.graph.errors import DiplographError
    from diplograph.graph.namespaces import QUERY_PREFIXES
    from diplograph.graph.sparql_safety import check_external_access, external_targets

    store = ox.Store()
    base_iri = "http://127.0.0.1:1/sparql"
    missed: list[Spelling] = []
    wrong_target: list[tuple[Spelling, list[str | None], str]] = []
    connected = refused = 0
    for sp in spellings(listener.base, n, seed):
        before = len(listener.paths)
        try:
            if sp.update:
                store.update(sp.text, base_iri=base_iri)
            else:
                r = store.query(sp.text, base_iri=base_iri, prefixes=QUERY_PREFIXES,
                                use_default_graph_as_union=True)
                if not isinstance(r, ox.QueryBoolean):
                    list(r)
        except (SyntaxError, OSError, ValueError, RuntimeError):
            pass
        got = listener.paths[before:]
        try:
            check_external_access(sp.text, base_iri=base_iri)
        except DiplographError:
            refused += 1
        else:
            if got:
                missed.append(sp)
        if got:
            connected += 1
            targets = external_targets(sp.text, base_iri)
            asked = listener.base.rstrip("/") + got[0]
            # the engine asks for the target (without its fragment) plus ?query= or
            # &query=; an unknown target (None) is refused even with an allow-list
            if None not in targets and not any(
                    asked.startswith(t.split("#", 1)[0]) for t in targets if t is not None):
                wrong_target.append((sp, targets, asked))
    return {"spellings": n, "engine_connected": connected, "refused_by_check": refused,
            "missed": missed, "wrong_target": wrong_target}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz_service", description=__doc__)
    parser.add_argument("--n", type=int, default=3000, help="spellings to send")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", action="store_true",
                        help="also run them against pyoxigraph in process (no filter)")
    args = parser.parse_args(argv)
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tests" / "server"))
    from server_support import TOKEN, LiveServer, fill_store  # type: ignore[import-not-found]

    listener = Listener()
    failed = False
    try:
        if args.engine:
            e = run_engine(listener, args.n, args.seed)
            print(f"engine: {e['spellings']} spellings, {e['engine_connected']} reached the "
                  f"listener in process, {e['refused_by_check']} refused by the check, "
                  f"{len(e['missed'])} missed, {len(e['wrong_target'])} resolved to another "
                  "IRI than the engine's")
            for sp in e["missed"][:10]:  # type: ignore[index]
                print("  MISSED:", repr(sp.text))
            for sp, targets, asked in e["wrong_target"][:10]:  # type: ignore[misc]
                print("  TARGET:", repr(sp.text), targets, "engine asked", asked)
            failed |= bool(e["missed"]) or bool(e["wrong_target"])
            listener.connections = 0
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store"
            fill_store(store)
            server = LiveServer(store)
            try:
                s = run_server(server.url, listener, args.n, args.seed, TOKEN)
            finally:
                server.stop()
        print(f"server: {s['spellings']} spellings in {s['seconds']} s: "
              f"{s['connections']} connections reached the listener; statuses "
              + ", ".join(f"{k[0]} {k[1]}: {v}" for k, v in sorted(s["statuses"].items())))  # type: ignore[attr-defined]
        for status, sp in s["unexpected"][:10]:  # type: ignore[misc]
            print(f"  UNEXPECTED {status}:", repr(sp.text))
        failed |= bool(s["connections"]) or bool(s["unexpected"])
    finally:
        listener.close()
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
