"""A remote SPARQL 1.1 engine (Oxigraph server, Virtuoso, Fuseki, GraphDB, QLever …) as a store.

:class:`RemoteStore` speaks the SPARQL 1.1 Protocol (query and update) over HTTP with the
standard library, so any engine works; the few places where engines differ are handled here,
in one place, and listed in ``docs/engines.md``:

- **Reads that never lie.** Every query names its dataset (``default-graph-uri`` and
  ``named-graph-uri`` for each of our published graphs), so system graphs (Virtuoso) and
  graphs being loaded never show. A result that the engine cut short is an error, never an
  answer: Virtuoso's ``X-SPARQL-MaxRows`` header (the ``ResultSetMaxRows`` cap) and
  ``X-SQL-State: S1TAT`` (a timeout that still answers 200) both raise.
- **Writes that are all or nothing as queries see them, on every engine.** A graph such as
  ``…/graph/registry`` is stored on the engine under a version of its own
  (``…/graph/version/<uuid>``); the catalogue graph maps each of our graphs to its current
  version. :meth:`RemoteStore.replace_graph` loads a new version in bounded requests (Graph
  Store POSTs, or ``INSERT DATA`` of at most 500 triples: Virtuoso refuses large ones; blank
  nodes skolemised), checks its triple count, then points the catalogue at it in one single-
  operation update, and drops the old version once no reader can still be using it. Queries
  name the current versions as their dataset and are rewritten so that the graph names they
  use and get back are ours (a ``MOVE`` would not do: on Virtuoso readers see the graph empty
  for a moment). A failure at any step drops the new version: the old one was never touched.
- **Large reads by key.** :meth:`RemoteStore.triples` reads a whole graph with one CONSTRUCT,
  or, where the engine cuts it, in pages keyed by subject, predicate and object (never
  OFFSET), and checks the count read against the engine's.
- **Bound parameters.** Terms are serialised by pyoxigraph (N-Triples syntax, validated) into a
  ``VALUES`` block at the start of the WHERE group, SPARQL's own way to bind variables from
  outside; no text from a request is pasted into a query.
- **Bounded time.** Every request has a time limit; on expiry the connection is closed (an engine
  that stops work on a closed connection, such as Oxigraph, stops the query).
- **Persistent connections.** Each thread keeps one HTTP/1.1 connection per engine host and
  reuses it across requests (no TCP set-up per query); a connection is reused only after its
  answer was read to the end, and dropped on any failure (a time limit that fires, a broken
  answer), so no half-read answer is ever read as the next one's. A connection the engine
  closed while idle is opened again once. Digest auth and proxies go through ``urllib``
  (a connection per request).

>>> store = RemoteStore("http://127.0.0.1:7878/query")
>>> store.update_url, store.name
('http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/query')
"""

from __future__ import annotations

import base64
import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import GRAPH, QUERY_PREFIXES
from .terms import to_bytes, triple
from .terms import value as text_of

__all__ = ["Auth", "PublishReport", "RemoteStore", "bind_values", "open_remote",
           "parse_json_results", "publish"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: the graph that maps each of our graphs to the version that holds it on the engine
CATALOGUE = GRAPH("catalogue")
PUBLISHED = "https://diplograph.org/ontology#publishedGraph"
VERSION = "https://diplograph.org/ontology#currentVersion"
VERSIONS = GRAPH("version/")
FINGERPRINT = "https://diplograph.org/ontology#contentFingerprint"
#: a version that no catalogue entry names is swept once it is this old (seconds): a killed
#: load's leftovers, never a load in progress nor an old version readers may still use
SWEEP_AGE = 600.0
#: seconds a catalogue read is reused; an old version is dropped after twice as long
CATALOGUE_TTL = 1.0
#: the same for a store read through the engine's union default graph (``dataset="union"``:
#: a read replica that nobody pushes to, whose catalogue changes only when its operator
#: records bulk-loaded graphs): with thousands of graphs a catalogue read costs 0.1 to 0.9 s,
#: which every query longer than CATALOGUE_TTL paid again (measured at 10 M triples)
UNION_CATALOGUE_TTL = 30.0
GENID = "https://diplograph.org/.well-known/genid/"
#: a graph never written: what a query's GRAPH <…> of a graph outside its dataset reads
NO_GRAPH = GRAPH("version/none")
XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"
#: how an ``xsd:duration`` is stored on Virtuoso, which would keep only a number of months
#: ("P2Y" read back as "24"): the same text under a datatype of ours that Virtuoso keeps as
#: written; every read maps it back (:func:`_from_engine`), so the triple round-trips
DURATION_TEXT = "https://diplograph.org/ontology#durationText"

#: triples per INSERT DATA request (Virtuoso refuses requests of more than about 1,000)
CHUNK = 500
#: triples per Graph Store POST (bounded, so that no request is huge)
GSP_CHUNK = 20_000
#: rows per page of a keyset read (halved while the engine cuts pages shorter)
PAGE = 5_000


@dataclass(frozen=True)
class Auth:
    """How to authenticate: ``kind`` is none, basic, digest or bearer."""

    kind: str = "none"
    user: str | None = None
    password: str | None = None
    token: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("none", "basic", "digest", "bearer"):
            raise DiplographError("bad-input", f"unknown auth kind {self.kind!r}: "
                                               "none, basic, digest or bearer")


@dataclass
class _Response:
    status: int
    headers: Mapping[str, str]
    body: bytes
    reason: str = ""


#: answers that send the request elsewhere: followed by ``urllib`` (see RemoteStore._exchange)
_REDIRECTS = (301, 302, 303, 307, 308)
#: what a reused connection raises when the engine closed it while it was idle
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def _term_from_json(t: Mapping[str, Any]) -> Term:
    kind = t.get("type")
    value = t.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in t:
            return ox.Literal(value, language=t["xml:lang"])
        if t.get("datatype"):
            if t["datatype"] == DURATION_TEXT:
                return ox.Literal(value, datatype=_DURATION)
            return ox.Literal(value, datatype=ox.NamedNode(t["datatype"]))
        return ox.Literal(value)
    if kind == "triple":  # SPARQL 1.2 triple terms
        v = t["value"]
        try:
            return triple(*(_term_from_json(v[k]) for k in ("subject", "predicate", "object")))
        except TypeError as e:
            raise DiplographError("bad-input", f"{e} in a SPARQL JSON result") from None
    raise DiplographError("bad-input", f"unknown term type {kind!r} in a SPARQL JSON result")


def parse_json_results(body: bytes) -> list[dict[str, Term]] | bool:
    """SPARQL JSON results as rows of pyoxigraph terms (SELECT) or a boolean (ASK).

    >>> parse_json_results(b'{"head":{},"boolean":true}')
    True
    >>> rows = parse_json_results(b'{"head":{"vars":["x"]},"results":{"bindings":['
    ...     b'{"x":{"type":"typed-literal","value":"7",'
    ...     b'"datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}')
    >>> rows[0]["x"].value, rows[0]["x"].datatype.value[-7:]
    ('7', 'integer')
    """
    fast = _rust_json(body)
    if fast is not None:
        return fast
    try:
        data = json.loads(body)
    except ValueError as e:
        raise DiplographError("engine", f"the engine did not answer SPARQL JSON: {e}") from e
    if "boolean" in data:
        return bool(data["boolean"])
    try:
        return [{k: _term_from_json(v) for k, v in b.items()}
                for b in data["results"]["bindings"]]
    except (KeyError, TypeError) as e:
        raise DiplographError("engine", "the engine's SPARQL JSON has no results") from e


def _rust_json(body: bytes) -> list[dict[str, Term]] | bool | None:
    """SPARQL JSON read by pyoxigraph's parser (several times faster than ``json`` and
    terms built in Python on large answers), or None where it cannot read it (Virtuoso's
    ``typed-literal``, an ASK answered as rows): the Python reader then does."""
    if b'"typed-literal"' in body or DURATION_TEXT.encode() in body:
        return None
    try:
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError, OSError):
        return None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]


def bind_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables with a ``VALUES`` block at the start of the query's WHERE group.

    A ``VALUES`` block first in the group joins before anything else, so the group's patterns
    and FILTERs see the values (SPARQL 1.1, 10.2). The terms are written by pyoxigraph in
    N-Triples syntax, so a hostile value is one term that matches nothing.

    >>> bind_values("SELECT * WHERE { ?s ?p ?o }", {"s": ox.NamedNode("http://e/a")})
    'SELECT * WHERE { VALUES (?s) { (<http://e/a>) } ?s ?p ?o }'
    >>> print(bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o = ?x) }",
    ...                   {"x": ox.Literal('a" } DROP ALL #')}))
    CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?x) { ("a\\" } DROP ALL #") } ?s ?p ?o FILTER(?o = ?x) }
    """
    if not bindings:
        return sparql
    names = []
    for name in bindings:
        if not name.replace("_", "a").isalnum():
            raise DiplographError("bad-input", f"not a variable name: {name!r}")
        names.append(f"?{name}")
    terms = []
    for term in bindings.values():
        if isinstance(term, ox.BlankNode):
            raise DiplographError("bad-input", "a blank node cannot be bound from outside")
        terms.append(str(term))
    from .sparql_safety import tokenize

    form = None
    depth = 0
    groups = 0  # top-level groups seen after the query form (a CONSTRUCT template is one)
    for t in tokenize(sparql):
        if t.kind == "name" and form is None and t.upper in ("SELECT", "ASK", "CONSTRUCT",
                                                           "DESCRIBE"):
            form = t.upper
        elif t.kind == "punct" and t.text == "{":
            if depth == 0 and form is not None:
                groups += 1
                template = form == "CONSTRUCT" and groups == 1 and not _short_construct(
                    sparql, t.pos)
                if not template:
                    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
                    return sparql[: t.pos + 1] + block + sparql[t.pos + 1:]
            depth += 1
        elif t.kind == "punct" and t.text == "}":
            depth -= 1
    raise DiplographError("bad-input", "cannot bind parameters: the query has no WHERE group")


def _short_construct(sparql: str, brace: int) -> bool:
    """Whether the brace at ``brace`` opens the WHERE of a ``CONSTRUCT WHERE { }``."""
    return sparql[:brace].rstrip().upper().endswith("WHERE")


def _prefix_block(sparql: str) -> str:
    """PREFIX lines for the predefined prefixes the text uses and does not declare."""
    from .sparql_safety import tokenize

    declared = set()
    used = set()
    tokens = tokenize(sparql)
    for i, t in enumerate(tokens):
        if t.kind != "name":
            continue
        if t.upper == "PREFIX" and i + 1 < len(tokens):
            declared.add(tokens[i + 1].text.rstrip(":"))
        elif ":" in t.text:
            used.add(t.text.split(":", 1)[0])
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in QUERY_PREFIXES.items()
                   if p in used and p not in declared)


def _skolem(term: Term, scope: str, dialect: str | None = None) -> Term:
    """A term as it is written to the engine: blank nodes skolemised; on Virtuoso an
    ``xsd:duration`` as a :data:`DURATION_TEXT` literal (see :func:`_from_engine`)."""
    if isinstance(term, ox.BlankNode):
        return ox.NamedNode(f"{GENID}{scope}/{term.value}")
    if dialect == "virtuoso" and isinstance(term, ox.Literal) and term.datatype == _DURATION:
        return ox.Literal(term.value, datatype=ox.NamedNode(DURATION_TEXT))
    return term


_DURATION = ox.NamedNode(XSD_DURATION)


def _from_engine(term: Term) -> Term:
    """A term read from the engine as we wrote it: a :data:`DURATION_TEXT` literal is the
    ``xsd:duration`` it stands for.

    >>> _from_engine(ox.Literal("P1Y", datatype=ox.NamedNode(DURATION_TEXT))).datatype.value
    'http://www.w3.org/2001/XMLSchema#duration'
    """
    if isinstance(term, ox.Literal) and term.datatype.value == DURATION_TEXT:
        return ox.Literal(term.value, datatype=_DURATION)
    return term


@dataclass
class RemoteStore:
    """A SPARQL 1.1 engine addressed by its query, update and Graph Store URLs."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    auth: Auth = field(default_factory=Auth)
    timeout: float = 30.0
    #: whether the engine applies a multi-operation update atomically (Oxigraph does,
    #: Virtuoso does not); replace_graph never relies on it
    atomic_updates: bool = False
    #: the most rows the engine sends (Virtuoso's ResultSetMaxRows): learned from its
    #: X-SPARQL-MaxRows header, or set; a CONSTRUCT answer that long is taken as cut
    max_rows: int | None = None
    #: "virtuoso" (learned from the ``Server`` header of its first answer): its per-query
    #: ``timeout`` parameter is sent with every query; "standard": nothing engine-specific
    dialect: str | None = None
    #: what a query that names no graphs reads: "catalogue" (default), the dataset of our
    #: published graphs named in each request; "union", the engine's own default graph, for
    #: a read-only engine that holds only our graphs, loaded by its bulk loader (thousands
    #: of graphs make a named dataset slow; see docs/engines.md): this store then refuses
    #: to write, as a version being loaded would show, and reuses a catalogue read for
    #: UNION_CATALOGUE_TTL seconds
    dataset: str = "catalogue"
    _probed: bool = field(default=False, repr=False)
    _catalogue: dict[str, str] | None = field(default=None, repr=False)
    _fingerprints: dict[str, str] = field(default_factory=dict, repr=False)
    _read_at: float = field(default=0.0, repr=False)
    #: the catalogue dataset (every published graph, default and named) as last sent,
    #: form-encoded: with thousands of graphs, encoding it for every query costs more than
    #: many queries (0.57 s per request at 4,637 graphs on a busy machine, measured)
    _dataset_form: tuple[list[str], bytes] | None = field(default=None, repr=False)
    #: whether requests to a (scheme, host) go through a proxy of the environment (read once)
    _proxies: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False,
                                                  compare=False)
    #: each thread's open connections, by (scheme, host, port): see :meth:`_exchange`
    _local: threading.local = field(default_factory=threading.local, repr=False,
                                    compare=False)
    _open: set[http.client.HTTPConnection] = field(default_factory=set, repr=False,
                                                   compare=False)
    _open_lock: threading.Lock = field(default_factory=threading.Lock, repr=False,
                                       compare=False)

    def __post_init__(self) -> None:
        if self.update_url is None:
            if self.query_url.endswith("/query"):
                self.update_url = self.query_url[: -len("query")] + "update"
            else:
                self.update_url = self.query_url
        if not self.query_url.startswith(("http://", "https://")):
            raise DiplographError("bad-input", f"not an http(s) URL: {self.query_url!r}")
        if self.dataset not in ("catalogue", "union"):
            raise DiplographError("bad-input", f"unknown engine dataset {self.dataset!r}: "
                                               "catalogue or union")

    @property
    def name(self) -> str:
        """How errors name this engine."""
        return self.query_url

    # ---------------------------------------------------------------- HTTP

    def _headers(self) -> dict[str, str]:
        h = {"User-Agent": "diplograph"}
        if self.auth.kind == "basic":
            raw = f"{self.auth.user or ''}:{self.auth.password or ''}".encode()
            h["Authorization"] = "Basic " + base64.b64encode(raw).decode()
        elif self.auth.kind == "bearer":
            h["Authorization"] = f"Bearer {self.auth.token or ''}"
        return h

    def _opener(self) -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = []
        if self.auth.kind == "digest":
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (self.query_url, self.update_url or "", self.gsp_url or ""):
                if url:
                    mgr.add_password(None, url, self.auth.user or "", self.auth.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
        return urllib.request.build_opener(*handlers)

    def _post(self, url: str, form: Sequence[tuple[str, str]], accept: str,
              what: str, *, timeout: float | None = None, encoded: bytes = b"") -> _Response:
        """POST ``form`` (and ``encoded``, more of the form already encoded) to ``url``; the
        engine's complete answer, or an error naming the engine and ``what`` failed."""
        limit = self.timeout if timeout is None else timeout
        if self.dialect == "virtuoso" and url == self.query_url:
            # Virtuoso's own per-query limit (milliseconds): it stops the query itself
            form = [*form, ("timeout", str(max(int(limit * 1000), 1)))]
        data = urllib.parse.urlencode(form).encode()
        if encoded:
            data = data + b"&" + encoded if data else encoded
        headers = {**self._headers(), "Accept": accept,
                   "Content-Type": "application/x-www-form-urlencoded"}
        try:
            resp = self._exchange(url, data, headers, limit, what)
        except TimeoutError:
            raise DiplographError(
                "timeout", f"the engine {self.name} did not answer {what} within "
                           f"{limit:g} s (the request was closed)") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            reason = str(getattr(e, "reason", e)) or type(e).__name__
            raise DiplographError("engine", f"cannot reach the engine {self.name} for {what}: "
                                            f"{reason}") from None
        if self.dialect is None:
            server = resp.headers.get("Server", resp.headers.get("server", ""))
            self.dialect = "virtuoso" if "virtuoso" in server.lower() else "standard"
        if resp.status < 300:
            return resp
        body = resp.body[:2000].decode("utf-8", "replace").strip()
        if resp.status in (401, 403):
            raise DiplographError(
                "engine", f"the engine {self.name} refused the credentials for {what} "
                          f"(HTTP {resp.status})")
        if "SR353" in body:  # Virtuoso: OFFSET + LIMIT above its MaxSortedTopRows
            raise DiplographError(
                "result-too-large", f"the engine {self.name} refused to sort that many "
                                    f"rows for {what} (its MaxSortedTopRows): page by key "
                                    "with smaller pages")
        if "estimated execution time" in body and "exceeds the limit" in body:
            raise DiplographError(  # Virtuoso: MaxQueryCostEstimationTime, before running
                "timeout", f"the engine {self.name} refused {what}: its estimated time "
                           "exceeds the engine's time limit (narrow the query or add "
                           f"LIMIT): {body[:200]}")
        if "S1T00" in body:  # Virtuoso: its own MaxQueryExecutionTime, as a 500
            raise DiplographError(
                "timeout", f"the engine {self.name} stopped {what} at its own time limit: "
                           f"{body[:300]}")
        kind = "syntax" if resp.status == 400 else "engine"
        raise DiplographError(kind, f"the engine {self.name} answered HTTP {resp.status} to "
                                    f"{what}: {body[:500] or resp.reason}")

    def _exchange(self, url: str, data: bytes, headers: Mapping[str, str], limit: float,
                  what: str) -> _Response:
        """POST ``data`` to ``url`` and read the whole answer within ``limit`` seconds,
        whatever its status, on this thread's persistent connection to the engine's host.

        A connection is put back for reuse only once its answer was read to the end; any
        failure (the time limit, a broken answer) closes it, so that a half-read answer is
        never taken for the next request's. A request that fails on a reused connection
        before any answer came (the engine closed the idle connection) is sent once more on
        a new one. Digest auth, a proxy from the environment and redirects go through
        ``urllib`` (one connection per request)."""
        parts = urllib.parse.urlsplit(url)
        if (self.auth.kind == "digest" or parts.scheme not in ("http", "https")
                or self._proxied(parts.scheme, parts.hostname or "")):
            return self._exchange_urllib(url, data, headers, limit, what)
        key = (parts.scheme, parts.hostname or "", parts.port)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        deadline = time.monotonic() + limit
        for attempt in (1, 2):
            conn, reused = self._connection(key, max(deadline - time.monotonic(), 0.001))
            try:
                conn.request("POST", path, body=data, headers=dict(headers))
                resp = conn.getresponse()
            except _STALE:
                self._drop(key, conn)
                if reused and attempt == 1:
                    continue
                raise
            except BaseException:
                self._drop(key, conn)
                raise
            try:
                body = self._read(resp, deadline, what)
            except BaseException:
                self._drop(key, conn)  # a half-read answer is never reused
                raise
            resp.close()  # read to the end: the connection is free for the next request
            if resp.will_close:
                self._drop(key, conn)
            if resp.status in _REDIRECTS:
                return self._exchange_urllib(url, data, headers, limit, what)
            return _Response(resp.status, dict(resp.headers.items()), body, resp.reason)
        raise AssertionError("unreachable")  # pragma: no cover

    def _exchange_urllib(self, url: str, data: bytes, headers: Mapping[str, str],
                         limit: float, what: str) -> _Response:
        """:meth:`_exchange` by ``urllib`` on a new connection (digest, proxies, redirects)."""
        req = urllib.request.Request(url, data=data, headers=dict(headers), method="POST")
        deadline = time.monotonic() + limit
        try:
            with self._opener().open(req, timeout=limit) as resp:  # noqa: S310
                return _Response(resp.status, dict(resp.headers.items()),
                                 self._read(resp, deadline, what), resp.reason)
        except urllib.error.HTTPError as e:
            return _Response(e.code, dict(e.headers.items()) if e.headers else {},
                             e.read(), str(e.reason))

    def _proxied(self, scheme: str, host: str) -> bool:
        """:func:`_proxied`, decided once per engine host (reading the environment's proxy
        settings walks the whole environment: a millisecond per request on a busy machine)."""
        key = (scheme, host)
        if key not in self._proxies:
            self._proxies[key] = _proxied(scheme, host)
        return self._proxies[key]

    def _connection(self, key: tuple[str, str, int | None],
                    limit: float) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's open connection to ``key`` (and whether it was used before), or a
        new one; its socket waits at most ``limit`` seconds for each read."""
        conns: dict[tuple[str, str, int | None], http.client.HTTPConnection] = (
            self._local.__dict__.setdefault("conns", {}))
        conn = conns.get(key)
        if conn is not None and conn.sock is not None:
            conn.timeout = limit
            conn.sock.settimeout(limit)
            return conn, True
        scheme, host, port = key
        conn = (http.client.HTTPSConnection(host, port, timeout=limit) if scheme == "https"
                else http.client.HTTPConnection(host, port, timeout=limit))
        conns[key] = conn
        with self._open_lock:
            self._open.add(conn)
        return conn, False

    def _drop(self, key: tuple[str, str, int | None], conn: http.client.HTTPConnection) -> None:
        """Close ``conn`` and forget it (the next request opens a new connection)."""
        conn.close()
        conns = self._local.__dict__.get("conns", {})
        if conns.get(key) is conn:
            del conns[key]
        with self._open_lock:
            self._open.discard(conn)

    def close(self) -> None:
        """Close every persistent connection to the engine (of every thread); a later
        request opens a new one."""
        with self._open_lock:
            conns, self._open = list(self._open), set()
        for conn in conns:
            conn.close()
        self._local.__dict__.pop("conns", None)

    def _read(self, resp: object, deadline: float, what: str) -> bytes:
        """The whole body, or a timeout once the request's time is up (an engine that sends
        a byte now and then never resets the limit)."""
        parts = []
        while chunk := resp.read1(1 << 16):  # type: ignore[attr-defined]
            parts.append(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError
        return b"".join(parts)

    def _check_complete(self, resp: _Response, what: str) -> None:
        headers = {k.lower(): v for k, v in resp.headers.items()}
        if headers.get("x-sql-state") == "S1TAT":
            raise DiplographError(
                "timeout", f"the engine {self.name} hit its own time limit on {what} and sent "
                           "a partial answer (X-SQL-State S1TAT); it is not used")
        if "x-sparql-maxrows" in headers:
            try:
                self.max_rows = int(headers["x-sparql-maxrows"])
            except ValueError:
                pass
            raise DiplographError(
                "result-too-large",
                f"the engine {self.name} cut the answer to {what} at "
                f"{headers['x-sparql-maxrows']} rows (its ResultSetMaxRows); page by key or "
                "raise the engine's limit")

    def _check_graph_complete(self, n: int, physical: Sequence[str], what: str) -> None:
        """A CONSTRUCT answer as long as the engine's row cap is taken as cut: Virtuoso cuts
        CONSTRUCT answers at ResultSetMaxRows without any header. The cap is learned once, when
        a first long answer comes, from a SELECT one row longer (its X-SPARQL-MaxRows)."""
        if self.max_rows is None and not self._probed and n >= 1000:
            self._probed = True
            probe = f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {n + 1}"
            resp = self._post(self.query_url, [("query", probe), *self._dataset(physical)],
                              "application/sparql-results+json", "learning its row cap")
            try:
                self._check_complete(resp, "learning its row cap")
            except DiplographError:
                pass  # max_rows is now set
        if self.max_rows is not None and n >= self.max_rows:
            raise DiplographError(
                "result-too-large",
                f"the engine {self.name} cut the answer to {what} at {self.max_rows} rows (its "
                "ResultSetMaxRows, signalled for CONSTRUCT by the length alone); page by key "
                "or raise the engine's limit")

    # ---------------------------------------------------------------- reads

    def versions(self, *, refresh: bool = False) -> dict[str, str]:
        """Our graphs on the engine and the version holding each (read at most once a second)."""
        if (self._catalogue is None or refresh
                or time.monotonic() - self._read_at > self.catalogue_ttl):
            q = (f"SELECT ?g ?v ?fp WHERE {{ GRAPH <{CATALOGUE}> {{ <{CATALOGUE}> <{PUBLISHED}> ?g "
                 f"OPTIONAL {{ ?g <{VERSION}> ?v OPTIONAL {{ ?v <{FINGERPRINT}> ?fp }} }} }} }}")
            resp = self._post(self.query_url, [("query", q)],
                              "application/sparql-results+json", "reading the catalogue")
            self._check_complete(resp, "reading the catalogue")
            rows = self._json(resp.body)
            assert isinstance(rows, list)
            self._catalogue = {text_of(r["g"]): text_of(r["v"] if "v" in r else r["g"])
                               for r in rows}
            self._fingerprints = {text_of(r["g"]): text_of(r["fp"]) for r in rows if "fp" in r}
            self._read_at = time.monotonic()
        return dict(self._catalogue)

    @property
    def catalogue_ttl(self) -> float:
        """Seconds a catalogue read is reused: :data:`CATALOGUE_TTL`, or
        :data:`UNION_CATALOGUE_TTL` when read through the union default graph."""
        return UNION_CATALOGUE_TTL if self.dataset == "union" else CATALOGUE_TTL

    def fingerprints(self) -> dict[str, str]:
        """The content fingerprint recorded with each graph's current version (if any)."""
        self.versions(refresh=True)
        return dict(self._fingerprints)

    def published_graphs(self, *, refresh: bool = False) -> list[str]:
        """Our graphs on the engine, from its catalogue graph."""
        return sorted(self.versions(refresh=refresh))

    def _dataset(self, physical: Sequence[str]) -> list[tuple[str, str]]:
        names = list(physical) or [str(CATALOGUE)]  # nothing published: an empty dataset
        return ([("default-graph-uri", g) for g in names]
                + [("named-graph-uri", g) for g in names])

    def _json(self, body: bytes) -> list[dict[str, Term]] | bool:
        try:
            return parse_json_results(body)
        except DiplographError as e:
            raise DiplographError("engine", f"the engine {self.name}: {e.message}") from None

    def send_query(self, sparql: str, *, accept: str,
                   bindings: Mapping[str, Term] | None = None,
                   graphs: Sequence[str] | None = None,
                   named: Sequence[str] | None = None, own_dataset: bool = False,
                   base_iri: str | None = None, timeout: float | None = None,
                   ) -> tuple[str, _Response, dict[str, str]]:
        """Send a query as is (checked, prefixed, parameters bound, our graph names written
        as the versions that hold them) and return its form, the engine's complete answer
        (an error if cut) and the map from version IRIs back to our graph names.

        The dataset is the union of our published graphs, or ``graphs`` (the default graph)
        and ``named`` (the named graphs; default: ``graphs``); ``own_dataset``: the text's
        own FROM / FROM NAMED decide (no dataset is sent)."""
        from .sparql_safety import check_external_access, query_form

        check_external_access(sparql, base_iri=base_iri)
        form = query_form(sparql)
        versions = self.versions()
        default = list(versions) if graphs is None else list(graphs)
        named_list = default if named is None else list(named)
        to_physical = {g: versions.get(g, g) for g in dict.fromkeys([*versions, *default,
                                                                     *named_list])}
        to_ours = {v: g for g, v in to_physical.items()}
        stored = {k: _skolem(v, "", self.dialect) if isinstance(v, ox.Literal) else v
                  for k, v in (bindings or {}).items()}  # a duration as stored on Virtuoso
        union = self.dataset == "union" and graphs is None and named is None
        own_dataset = own_dataset or union  # the engine's default graph: no dataset sent
        renames = dict(to_physical)
        unknown = [] if own_dataset else _unknown_graphs(sparql, renames)
        for g in unknown:  # Virtuoso matches GRAPH <g> of a graph outside the dataset as if
            renames[g] = NO_GRAPH  # it were any named graph: name one that holds nothing
        text = _prefix_block(sparql) + _rename_iris(bind_values(sparql, stored), renames)
        if base_iri is not None:
            text = f"BASE {ox.NamedNode(base_iri)}\n{text}"
        dataset: list[tuple[str, str]] = []
        encoded = b""
        if not own_dataset:
            if not default and not named_list:
                dataset = self._dataset([])
            elif graphs is None and named is None:  # every published graph: encoded once
                encoded = self._catalogue_form(default, to_physical)
            else:
                dataset = ([("default-graph-uri", to_physical[g]) for g in default]
                           + [("named-graph-uri", to_physical[g]) for g in named_list])
            if unknown:
                dataset.append(("named-graph-uri", NO_GRAPH))
        what = f"a {form.upper()} query"
        resp = self._post(self.query_url, [("query", text), *dataset], accept, what,
                          timeout=timeout, encoded=encoded)
        self._check_complete(resp, what)
        media = resp.headers.get("Content-Type", resp.headers.get("content-type", ""))
        if "html" in media.lower() or resp.body.lstrip()[:5].lower() in (b"<!doc", b"<html"):
            raise DiplographError("engine", f"the engine {self.name} answered {what} with "
                                            f"{media or 'an untyped body'}, not SPARQL results "
                                            "(is the URL its SPARQL endpoint?)")
        return form, resp, to_ours

    def _catalogue_form(self, graphs: Sequence[str], to_physical: Mapping[str, str]) -> bytes:
        """The dataset of every published graph (``graphs``, the catalogue's, in its order)
        form-encoded: encoded again only when the versions differ from the last ones."""
        physical = [to_physical[g] for g in graphs]
        cached = self._dataset_form
        if cached is not None and cached[0] == physical:
            return cached[1]
        body = urllib.parse.urlencode([("default-graph-uri", g) for g in physical]
                                      + [("named-graph-uri", g) for g in physical]).encode()
        self._dataset_form = (physical, body)
        return body

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              graphs: Sequence[str] | None = None, named: Sequence[str] | None = None,
              own_dataset: bool = False, base_iri: str | None = None,
              timeout: float | None = None,
              ) -> list[dict[str, Term]] | bool | list[ox.Triple]:
        """Run a query on the union of our published graphs (or ``graphs``): rows of terms
        (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE). The other arguments are
        those of :meth:`send_query`."""
        from .sparql_safety import query_form

        graph_form = query_form(sparql) in ("construct", "describe")
        accept = "application/n-triples" if graph_form else "application/sparql-results+json"
        form, resp, to_ours = self.send_query(
            sparql, accept=accept, bindings=bindings, graphs=graphs, named=named,
            own_dataset=own_dataset, base_iri=base_iri, timeout=timeout)
        if graph_form:
            return self.read_graph_answer(resp, to_ours, form)
        answer = self.read_ask_answer(resp.body) if form == "ask" else self._json(resp.body)
        if isinstance(answer, list):
            return [{k: _ours(v, to_ours) for k, v in row.items()} for row in answer]
        return answer

    def read_graph_answer(self, resp: _Response, to_ours: Mapping[str, str],
                          form: str) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE answer (N-Triples or Turtle), with our
        graph names; an error if the engine cut it at its row cap."""
        media = resp.headers.get("Content-Type", resp.headers.get("content-type", ""))
        fmt = (ox.RdfFormat.TURTLE if "turtle" in media else ox.RdfFormat.N_TRIPLES)
        try:
            triples = [t if isinstance(t, ox.Triple) else t.triple
                       for t in ox.parse(resp.body, format=fmt)]
        except SyntaxError as e:
            raise DiplographError("engine", f"the engine {self.name} sent RDF that does "
                                            f"not parse: {e}") from e
        self._check_graph_complete(len(triples), list(to_ours), f"a {form.upper()} query")
        return [triple(*(_ours(x, to_ours) for x in (t.subject, t.predicate, t.object)))
                for t in triples]

    def read_ask_answer(self, body: bytes) -> bool:
        """An ASK answer in SPARQL JSON (Virtuoso answers a form-posted ASK as a one-row
        SELECT of ``__ASK_RETVAL``)."""
        answer = self._json(body)
        if isinstance(answer, list):
            values = [v for row in answer for v in row.values()]
            return bool(values) and text_of(values[0]) in ("1", "true")
        return answer

    def count(self, graph: str) -> int:
        """The number of triples in one graph (staging graphs included)."""
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                          graphs=[graph])  # a version of ours, or one of our graphs
        assert isinstance(rows, list)
        return int(rows[0]["n"].value) if rows else 0  # type: ignore[union-attr]

    # ---------------------------------------------------------------- large reads

    def triples(self, graph: str, *, page: int = PAGE) -> Iterator[ox.Triple]:
        """Every triple of one of our graphs, complete or an error.

        One CONSTRUCT first; where the engine caps its answers (Virtuoso's
        ``ResultSetMaxRows``), pages read by key instead: the subject, then the predicate, then
        the object, compared as strings (``FILTER(STR(?s) > "last") ORDER BY STR(?s) LIMIT n``),
        never by OFFSET, which such engines also cap (Virtuoso's ``MaxSortedTopRows``) and which
        costs the skipped rows again on every page. The version being read is fixed at the start
        (versions are never changed, only replaced), and the number of triples read is checked
        against the engine's count at the end.
        """
        version = self.versions(refresh=True).get(graph, graph)
        expected = self.count(version)
        n = 0
        try:
            answer = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{version}> "
                                "{ ?s ?p ?o } }", graphs=[version])
            assert isinstance(answer, list)
            found: Iterable[ox.Triple] = answer  # type: ignore[assignment]
        except DiplographError as e:
            if e.kind != "result-too-large":
                raise
            found = self._keyset(version, (), page)
        for t in found:
            n += 1
            yield t
        if n != expected:
            raise DiplographError(
                "engine", f"read {n:,} triples of the {expected:,} of <{graph}> on the engine "
                          f"{self.name} (replaced while it was read, or blank nodes that cannot "
                          "be paged): read it again")

    def _keyset(self, version: str, fixed: tuple[Term, ...], page: int) -> Iterator[ox.Triple]:
        """The triples of ``version`` whose first terms are ``fixed``, in pages by the next
        term's string: a full page's last key is read again on the next page (its rows may be
        cut), or, when a whole page shares one key, by the term after it."""
        names = ("s", "p", "o")[len(fixed):]
        key = names[0]
        pattern = " ".join([*(str(t) for t in fixed), *(f"?{v}" for v in names)])
        last: str | None = None
        while True:
            after = "" if last is None else f" FILTER(STR(?{key}) > {ox.Literal(last)})"
            q = (f"SELECT {' '.join('?' + v for v in names)} WHERE {{ GRAPH <{version}> "
                 f"{{ {pattern} }}{after} }} ORDER BY STR(?{key}) LIMIT {page}")
            try:
                rows = self.query(q, graphs=[version])
            except DiplographError as e:
                if e.kind != "result-too-large" or page <= 10:
                    raise
                page //= 2  # the engine caps rows below our page: smaller pages
                continue
            assert isinstance(rows, list)
            full = len(rows) >= page
            keys = [_key(r.get(key)) for r in rows]  # type: ignore[union-attr]
            cut = keys[-1] if full else None
            for r, k in zip(rows, keys, strict=True):
                if k != cut:
                    yield ox.Triple(*fixed, *(r[v] for v in names))  # type: ignore[index,arg-type]
            if not full:
                return
            head = [k for k in keys if k != cut]
            if not head:  # one key fills a page: read its rows by the next term
                if len(names) == 1:
                    raise DiplographError(
                        "engine", f"more than {page:,} objects with the same text under one "
                                  f"subject and predicate in <{version}>: cannot page them")
                yield from self._keyset(version, (*fixed, rows[0][key]), page)
                last = cut
            else:
                last = head[-1]

    def dump_nquads(self, out: BinaryIO, graphs: Sequence[str] | None = None) -> int:
        """Write our graphs (or ``graphs``) as N-Quads to ``out``, each read complete
        (:meth:`triples`); the number of quads written."""
        n = 0
        for g in graphs or self.published_graphs(refresh=True):
            name = ox.NamedNode(g)
            batch: list[ox.Quad] = []
            for t in self.triples(g):
                batch.append(ox.Quad(t.subject, t.predicate, t.object, name))
                if len(batch) >= GSP_CHUNK:
                    out.write(to_bytes(batch, ox.RdfFormat.N_QUADS))
                    n += len(batch)
                    batch.clear()
            if batch:
                out.write(to_bytes(batch, ox.RdfFormat.N_QUADS))
                n += len(batch)
        return n

    # ---------------------------------------------------------------- writes

    def update(self, sparql: str, *, what: str = "an update") -> None:
        """Send one SPARQL Update request."""
        assert self.update_url is not None
        resp = self._post(self.update_url, [("update", sparql)], "*/*", what)
        if resp.status >= 300:
            raise DiplographError("engine", f"the engine {self.name} answered HTTP "
                                            f"{resp.status} to {what}")

    def _gsp_chunks(self, graph: str, triples: Iterable[ox.Triple], scope: str) -> int:
        """POST the triples to the Graph Store in bounded N-Triples bodies."""
        assert self.gsp_url is not None
        sep = "&" if "?" in self.gsp_url else "?"
        url = f"{self.gsp_url}{sep}graph={urllib.parse.quote(graph, safe='')}"
        what = f"loading <{graph}> through the Graph Store"
        n = 0
        chunk: list[ox.Triple] = []

        def flush() -> None:
            if not chunk:
                return
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            assert body is not None, "written into memory"
            headers = {**self._headers(), "Content-Type": "application/n-triples",
                       "Accept": "*/*"}
            try:
                resp = self._exchange(url, body, headers, self.timeout, what)
            except TimeoutError:
                raise DiplographError("timeout", f"the engine {self.name} did not finish {what}"
                                                 f" within {self.timeout:g} s") from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
                raise DiplographError("engine", f"cannot reach the engine {self.name} for "
                                                f"{what}: {getattr(e, 'reason', e)}") from None
            if resp.status >= 300:
                detail = resp.body[:500].decode("utf-8", "replace").strip()
                raise DiplographError("engine", f"the engine {self.name} answered HTTP "
                                                f"{resp.status} to {what}: "
                                                f"{detail or resp.reason}")
            chunk.clear()

        for t in triples:
            chunk.append(triple(*(_skolem(x, scope, self.dialect)
                                  for x in (t.subject, t.predicate, t.object))))
            n += 1
            if len(chunk) >= GSP_CHUNK:
                flush()
        flush()
        return n

    def _insert_chunks(self, graph: str, triples: Iterable[ox.Triple], scope: str) -> int:
        n = 0
        chunk: list[str] = []

        def flush() -> None:
            if chunk:
                self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(chunk) + "\n} }",
                            what=f"loading <{graph}>")
                chunk.clear()

        for t in triples:
            s, p, o = (_skolem(x, scope, self.dialect) for x in (t.subject, t.predicate,
                                                                   t.object))
            chunk.append(f"{s} {p} {o} .")
            n += 1
            if len(chunk) >= CHUNK:
                flush()
        flush()
        return n

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple], *,
                      fingerprint: str | None = None) -> int:
        """Replace ``graph`` with ``triples``, all or nothing as queries see it; the count.
        ``fingerprint`` (of the content) is recorded with the new version in the same update
        that publishes it, so that :func:`publish` can skip a graph the engine already has."""
        ox.NamedNode(graph)  # validates
        self._writable()
        version = f"{VERSIONS}{int(time.time())}-{uuid.uuid4().hex}"
        self.update(f"DROP SILENT GRAPH <{version}>", what="preparing a new version")
        try:
            load = self._gsp_chunks if self.gsp_url else self._insert_chunks
            n = load(version, _dedupe(triples), scope=graph.rsplit("/", 1)[-1])
            loaded = self.count(version)
            if loaded != n:
                raise DiplographError(
                    "engine", f"the engine {self.name} holds {loaded:,} triples of the {n:,} "
                              f"sent for <{graph}>; nothing was replaced")
            old = self.versions(refresh=True).get(graph)
            # one operation: the catalogue points at the new version, or (on failure) not
            entry = (f"<{CATALOGUE}> <{PUBLISHED}> <{graph}> . "
                     f"<{graph}> <{VERSION}> <{version}> .")
            if fingerprint is not None:
                entry += f" <{version}> <{FINGERPRINT}> {ox.Literal(fingerprint)} ."
            if old is None or old == graph:
                swap = f"INSERT DATA {{ GRAPH <{CATALOGUE}> {{ {entry} }} }}"
            else:  # a WHERE that matches the old entry (Virtuoso skips an empty OPTIONAL)
                current = f"<{graph}> <{VERSION}> <{old}>"
                swap = (f"DELETE {{ GRAPH <{CATALOGUE}> {{ {current} }} }}\n"
                        f"INSERT {{ GRAPH <{CATALOGUE}> {{ {entry} }} }}\n"
                        f"WHERE {{ GRAPH <{CATALOGUE}> {{ {current} }} }}")
            self.update(swap, what=f"publishing the new version of <{graph}>")
            if self.versions(refresh=True).get(graph) != version:
                raise DiplographError(
                    "engine", f"the engine {self.name} did not record the new version of "
                              f"<{graph}> (another writer?); the old one stays")
        except BaseException:
            try:
                self.update(f"DROP SILENT GRAPH <{version}>", what="dropping a failed version")
            except DiplographError:
                pass  # the engine is gone: the version was never published, so never seen
            raise
        if old is not None and old not in (version, graph):
            self._retire(old)
        return n

    def _writable(self) -> None:
        if self.dataset == "union":
            raise DiplographError(
                "forbidden", f"the engine {self.name} is read through its union default graph "
                             "(engine dataset 'union'), where a graph being loaded would show: "
                             "write to it with the default dataset 'catalogue'")

    def engine_graphs(self) -> list[str]:
        """Every named graph on the engine (ours, old versions, anything else)."""
        resp = self._post(self.query_url,
                          [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")],
                          "application/sparql-results+json", "listing the engine's graphs")
        self._check_complete(resp, "listing the engine's graphs")
        rows = self._json(resp.body)
        assert isinstance(rows, list)
        return sorted(text_of(r["g"]) for r in rows)

    def sweep(self, *, older_than: float = SWEEP_AGE) -> list[str]:
        """Drop the versions no catalogue entry names (left by a load that was killed) once
        they are ``older_than`` seconds old; the versions dropped. A younger one may be a load
        in progress, or an old version that readers still use for a moment."""
        current = set(self.versions(refresh=True).values())
        now = time.time()
        dropped = []
        for g in self.engine_graphs():
            if not g.startswith(VERSIONS) or g in current:
                continue
            stamp = g[len(VERSIONS):].split("-", 1)[0]
            made = float(stamp) if stamp.isdigit() else 0.0  # versions without a time: old
            if now - made >= older_than:
                self.update(f"DROP SILENT GRAPH <{g}>", what="sweeping a version left behind")
                dropped.append(g)
        return dropped

    def _retire(self, version: str) -> None:
        """Drop an old version once readers that read the catalogue before the swap are done."""
        def drop() -> None:
            time.sleep(2 * CATALOGUE_TTL + 0.5)
            try:
                self.update(f"DROP SILENT GRAPH <{version}>", what="dropping an old version")
                self.update(f"DELETE WHERE {{ GRAPH <{CATALOGUE}> {{ <{version}> ?p ?o }} }}",
                            what="forgetting an old version")
            except DiplographError:
                pass  # an unpublished version is never read; it stays until dropped by hand

        threading.Thread(target=drop, daemon=False, name="diplograph-retire").start()

    def drop_graph(self, graph: str) -> None:
        """Remove a graph (its current version) and its catalogue entry."""
        self._writable()
        version = self.versions(refresh=True).get(graph, graph)
        self.update(
            f"DELETE WHERE {{ GRAPH <{CATALOGUE}> {{ <{CATALOGUE}> <{PUBLISHED}> <{graph}> . "
            f"<{graph}> <{VERSION}> ?v }} }}", what="unpublishing a graph")
        self.update(f"DELETE DATA {{ GRAPH <{CATALOGUE}> {{ <{CATALOGUE}> <{PUBLISHED}> "
                    f"<{graph}> }} }}", what="unpublishing a graph")
        self._catalogue = None
        self._retire(version)


def open_remote(engine: str, *, update_url: str | None = None, gsp_url: str | None = None,
                auth_kind: str = "none", user: str | None = None,
                password_env: str = "DIPLOGRAPH_ENGINE_PASSWORD",  # noqa: S107 - a variable name
                timeout: float = 60.0, dataset: str | None = None) -> RemoteStore:
    """The engine these settings name; the password or bearer token is read from the
    environment variable ``password_env`` (never given on a command line). ``dataset``
    (:attr:`RemoteStore.dataset`) defaults to ``DIPLOGRAPH_ENGINE_DATASET``, else
    "catalogue".

    >>> open_remote("http://127.0.0.1:8890/sparql", auth_kind="digest", user="kg").auth.kind
    'digest'
    """
    import os

    secret = os.environ.get(password_env)
    auth = Auth(auth_kind, user=user, password=secret if auth_kind != "bearer" else None,
                token=secret if auth_kind == "bearer" else None)
    dataset = dataset or os.environ.get("DIPLOGRAPH_ENGINE_DATASET") or "catalogue"
    return RemoteStore(engine, update_url=update_url, gsp_url=gsp_url, auth=auth,
                       timeout=timeout, dataset=dataset)


def _proxied(scheme: str, host: str) -> bool:
    """Whether the environment sends requests to ``host`` through a proxy (``urllib`` then
    makes them, as it honours ``http_proxy``, ``https_proxy`` and ``no_proxy``)."""
    proxies = urllib.request.getproxies()
    return scheme in proxies and not urllib.request.proxy_bypass(host)


def _unknown_graphs(sparql: str, known: Mapping[str, str]) -> list[str]:
    """The IRIs written after GRAPH that name none of ``known`` (our graphs in the dataset).

    >>> _unknown_graphs("ASK { GRAPH <http://x/> { ?s ?p ?o } GRAPH <http://g/> {} }",
    ...                 {"http://g/": "http://v/"})
    ['http://x/']
    """
    from .sparql_safety import tokenize

    tokens = tokenize(sparql)
    return list(dict.fromkeys(
        t.text for prev, t in zip(tokens, tokens[1:], strict=False)
        if t.kind == "iri" and prev.kind == "name" and prev.upper == "GRAPH"
        and t.text not in known and t.text not in known.values()))


def _key(term: Term | None) -> str:
    """A term's key for keyset paging: its string, as the engine's STR() gives it."""
    if term is None or isinstance(term, ox.BlankNode):
        raise DiplographError("engine", "a blank node or an unbound term cannot be paged by key")
    return term.value  # type: ignore[union-attr]


def _ours(term: Term, to_ours: Mapping[str, str]) -> Term:
    if isinstance(term, ox.NamedNode) and term.value in to_ours:
        return ox.NamedNode(to_ours[term.value])
    return _from_engine(term)


def _rename_iris(sparql: str, renames: Mapping[str, str]) -> str:
    """Write each IRI of ``renames`` that the text names in full (``<…>``) as its new IRI."""
    from .sparql_safety import tokenize

    if not any(old != new for old, new in renames.items()):
        return sparql
    out = []
    last = 0
    for t in tokenize(sparql):
        if t.kind == "iri" and t.text in renames and renames[t.text] != t.text:
            out.append(sparql[last:t.pos])
            out.append(f"<{renames[t.text]}>")
            last = t.pos + len(t.text) + 2
    out.append(sparql[last:])
    return "".join(out)


def _dedupe(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """Each triple once (engines store a set; the count check compares with what was sent)."""
    seen: set[ox.Triple] = set()
    for t in triples:
        if t not in seen:
            seen.add(t)
            yield t


@dataclass
class PublishReport:
    """What :func:`publish` did: graphs replaced (with their triples), skipped, removed."""

    replaced: list[tuple[str, int, float]] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    swept: list[str] = field(default_factory=list)


def local_fingerprint(store: ox.Store, graph: str) -> str:
    """What identifies a graph's content in ``store``: the build's record of its inputs and
    time (``…/graph/build``), else a hash of its triples (small graphs without a record).

    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal("x"),
    ...               ox.NamedNode("http://g")))
    >>> local_fingerprint(s, "http://g")[:7]
    'sha256:'
    """
    import hashlib

    build = ox.NamedNode(GRAPH("build"))
    g = ox.NamedNode(graph)
    record = sorted(f"{q.predicate} {q.object}" for q in store.quads_for_pattern(g, None, None,
                                                                                  build))
    if record and graph != build.value:
        return "build:" + hashlib.sha256("\n".join(record).encode()).hexdigest()
    lines = sorted(str(q.triple) for q in store.quads_for_pattern(None, None, None, g))
    return "sha256:" + hashlib.sha256("\n".join(lines).encode()).hexdigest()


def publish(store: ox.Store, remote: RemoteStore, *, graphs: Sequence[str] | None = None,
            force: bool = False, prune: bool = False,
            progress: Callable[[str], None] = lambda _m: None) -> PublishReport:
    """Make the engine hold the store's graphs (or ``graphs``): each graph whose content the
    engine does not already have (by fingerprint, unless ``force``) is replaced all or
    nothing (:meth:`RemoteStore.replace_graph`); with ``prune``, graphs published on the
    engine that the store does not have are removed from it. Stops at the first failure:
    every graph on the engine is then either as it was or wholly new. Versions left by a
    killed earlier run are swept first. One writer at a time per engine."""
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    if graphs is not None:
        missing = sorted(set(graphs) - set(names))
        if missing:
            raise DiplographError("bad-input", f"no graph <{missing[0]}> in the store")
        names = sorted(graphs)
    report = PublishReport()
    report.swept = remote.sweep()
    there = remote.fingerprints()
    for i, g in enumerate(names, 1):
        fp = local_fingerprint(store, g)
        if not force and there.get(g) == fp:
            report.current.append(g)
            progress(f"[{i}/{len(names)}] <{g}>: up to date on the engine")
            continue
        t0 = time.perf_counter()
        n = remote.replace_graph(
            g, (q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))),
            fingerprint=fp)
        dt = time.perf_counter() - t0
        report.replaced.append((g, n, dt))
        progress(f"[{i}/{len(names)}] <{g}>: {n:,} triples in {dt:.1f} s")
    if prune:
        for g in sorted(set(remote.published_graphs(refresh=True)) - set(names)):
            remote.drop_graph(g)
            report.removed.append(g)
            progress(f"removed <{g}> from the engine (no longer in the store)")
    return report
