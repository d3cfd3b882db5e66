"""The query service over a remote SPARQL engine (``diplograph serve --engine URL``).

:class:`RemoteQueryService` offers what :class:`~diplograph.graph.executor.QueryService`
offers the server (``query`` serialised for the endpoint; ``select``, ``ask``, ``construct``
as data for the pages, named queries and reconciliation; ``update``; a write generation for
the response cache; ``read_store`` for the registry) over a :class:`~.remote.RemoteStore`,
with the same checks and limits:

- **Checks before anything is sent.** A query passes the same :func:`~.runner.check` (size,
  nesting, operators, the query form, SERVICE and LOAD outside the allow-list refused), an
  update the same :func:`~.sparql_safety.check_limits` and
  :func:`~.sparql_safety.check_external_access`.
- **The same time limit.** Every request to the engine carries what is left of the query's
  time; on expiry the connection is closed (Oxigraph then stops the query) and Virtuoso gets
  its own per-query ``timeout`` as well (an answer it cut at that limit is an error, never
  a result). The caller gets the same 503 as on the embedded store.
- **The same caps.** Rows (``max_rows``) and bytes (``max_bytes``) are counted on the answer;
  a SPARQL JSON answer within them is passed on as the engine wrote it when the client asked
  for SPARQL JSON (no parse, no re-serialisation: its rows counted by :func:`json_rows`,
  compact or spaced; Virtuoso's ``typed-literal``, version IRIs and stored durations
  rewritten as bytes); otherwise it is read by pyoxigraph and written in the format asked
  for. A cut answer (``X-SPARQL-MaxRows``, ``X-SQL-State: S1TAT``) is an error before
  either.
- **Writes staged and swapped.** An update runs on a working copy of the graphs it names
  (read complete from the engine into an in-memory pyoxigraph store), then each graph it
  changed is replaced on the engine all or nothing (:meth:`~.remote.RemoteStore.replace_graph`:
  a new version loaded, counted, then published by one catalogue update) and each graph it
  emptied or dropped is unpublished. Each graph is all or nothing; an update that changes
  several graphs publishes them one after the other (see docs/engines.md).
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from typing import Any

import pyoxigraph as ox

from .cache import ResultCache
from .errors import DiplographError
from .executor import QueryResult, content_type, media_format
from .namespaces import GRAPH
from .remote import DURATION_TEXT, XSD_DURATION, RemoteStore
from .runner import Checked, DataQueries, Dataset, Term, expect_form, serialize, variables
from .sparql_safety import (
    DEFAULT_LIMITS,
    DEFAULT_UPDATE_LIMITS,
    Limits,
    check_external_access,
    check_limits,
    tokenize,
)
from .terms import to_bytes

__all__ = ["RemoteQueryService", "json_rows"]

log = logging.getLogger(__name__)

_JSON = "application/sparql-results+json"
#: what the server reads beside its queries (the registry, the documents' names), mirrored
#: into memory once per generation: see :meth:`RemoteQueryService.read_store`
_MIRROR_DOCUMENTS = """
PREFIX dcterms: <http://purl.org/dc/terms/>
CONSTRUCT { ?d a dg:SourceDocument ; dg:fileName ?file ; dcterms:title ?title }
WHERE { ?d a dg:SourceDocument ; dg:fileName ?file . OPTIONAL { ?d dcterms:title ?title } }"""
#: the graphs mirrored whole: the registry and what the name matcher reads beside it
#: (``linking/reference.py``: the capitals, the state lists, OWID's places)
MIRRORED_GRAPHS = (GRAPH("registry"), GRAPH("dataset/cow-capitals"),
                   GRAPH("dataset/state-systems"), GRAPH("dataset/owid-countries-regions"),
                   # the tables the server looks things up in (loaders/lookup_tables.py)
                   *(GRAPH("dataset/" + name) for name in (
                       "country-adjectives", "same-body", "supraverden-records",
                       "renamed-iris", "iso3166-numeric", "graph-catalogue")))
_UPDATE_GRAPH_WORDS = {"GRAPH", "INTO", "WITH", "TO", "USING"}


def _boolean(value: bool, fmt: ox.QueryResultsFormat) -> bytes:
    """A boolean result written by pyoxigraph in ``fmt``."""
    result = ox.Store().query("ASK {}" if value else "ASK { FILTER(false) }")
    assert isinstance(result, ox.QueryBoolean)
    out = result.serialize(format=fmt)
    assert out is not None, "written into memory"
    return out


class RemoteQueryService(DataQueries):
    """The server's query service over a remote engine (see the module docstring)."""

    def __init__(self, remote: RemoteStore, *, timeout: float = 30.0, max_rows: int = 100_000,
                 max_bytes: int = 256 * 2**20, allow_federation: tuple[str, ...] = (),
                 union_default_graph: bool = True, on_overrun: Callable[[], None] | None = None,
                 limits: Limits = DEFAULT_LIMITS, update_limits: Limits = DEFAULT_UPDATE_LIMITS,
                 **_embedded_only: Any) -> None:
        self.remote = remote
        self.store_path = remote.name
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.max_bytes = int(max_bytes)
        self.allow_federation = tuple(allow_federation)
        self.union_default_graph = union_default_graph
        self.limits, self.update_limits = limits, update_limits
        self.on_overrun = on_overrun  # never called: the engine's queries are stopped there
        self.n_workers = int(_embedded_only.get("workers", 1))
        self.cache: ResultCache[Any] = ResultCache(0)
        self._write_lock = threading.Lock()
        self._mirror: tuple[int, ox.Store] | None = None
        self._mirror_lock = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------ state

    @property
    def generation(self) -> int:
        """A number that changes whenever a graph on the engine is replaced (by us or any
        other writer): a checksum of the catalogue, read at most once a second."""
        versions = self.remote.versions()
        text = "\n".join(f"{g} {v}" for g, v in sorted(versions.items()))
        return zlib.crc32(text.encode())

    @property
    def snapshot(self) -> str:
        """What is served (the engine's query URL)."""
        return self.remote.name

    def read_store(self) -> ox.Store:
        """An in-memory store with what the server reads outside its queries: the registry
        graph, the name matcher's reference graphs (:data:`MIRRORED_GRAPHS`) and the source
        documents' names, read from the engine once per generation."""
        generation = self.generation
        mirror = self._mirror
        if mirror is not None and mirror[0] == generation:
            return mirror[1]
        with self._mirror_lock:
            if self._mirror is None or self._mirror[0] != generation:
                store = ox.Store()
                held = self.remote.versions()
                for name in MIRRORED_GRAPHS:
                    if name in held:
                        g = ox.NamedNode(name)
                        store.extend(ox.Quad(t.subject, t.predicate, t.object, g)
                                     for t in self.remote.triples(name))
                docs = self.remote.query(_MIRROR_DOCUMENTS, timeout=self.timeout)
                assert isinstance(docs, list)
                g = ox.NamedNode(GRAPH("documents"))
                store.extend(ox.Quad(t.subject, t.predicate, t.object, g)  # type: ignore[union-attr]
                             for t in docs)
                self._mirror = (generation, store)
            return self._mirror[1]

    # ------------------------------------------------------------ queries

    def _left(self, t0: float) -> float:
        left = self.timeout - (time.monotonic() - t0)
        if left <= 0:
            raise self._timeout_error()
        return left

    def _timeout_error(self) -> DiplographError:
        return DiplographError(
            "timeout",
            f"the query ran longer than the time limit of {self.timeout:g} s and was "
            "stopped: narrow it, add LIMIT, or ask the operator for a longer limit")

    def _send(self, q: Checked, dataset: Dataset | None, subs: Mapping[str, Term],
              base_iri: str | None, t0: float, accept: str) -> tuple[Any, dict[str, str]]:
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        kwargs = _dataset_args(q, dataset)
        try:
            form, resp, to_ours = self.remote.send_query(
                q.text, accept=accept, bindings=subs, base_iri=base_iri,
                timeout=self._left(t0), **kwargs)
        except DiplographError as e:
            if e.kind == "timeout":
                log.warning("a query overran the time limit of %g s on the engine: %.200r",
                            self.timeout, q.text)
                raise self._timeout_error() from None
            raise
        return resp, to_ours

    def query(self, sparql: str | Checked, *, media_type: str | None = None,
              dataset: Dataset | None = None,
              substitutions: Mapping[str, Term | str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        """Run a query on the engine and serialise its result as ``media_type`` (default:
        SPARQL JSON results, or Turtle for graphs), within the row and byte caps."""
        t0 = time.monotonic()
        q = sparql if isinstance(sparql, Checked) else self.check(sparql, base_iri)
        if media_type is None:
            media_type = _JSON if q.form in ("select", "ask") else "text/turtle"
        media_type = media_type.split(";", 1)[0].strip().lower()
        fmt = media_format(q.form, media_type)
        if fmt is None:
            raise DiplographError(
                "not-acceptable", f"a {q.form.upper()} result cannot be sent as {media_type}")
        subs = {k.value: v for k, v in variables(substitutions).items()}
        graph_form = q.form in ("construct", "describe")
        accept = "application/n-triples" if graph_form else _JSON
        resp, to_ours = self._send(q, dataset, subs, base_iri, t0, accept)
        body: bytes = resp.body
        if graph_form:
            triples = self.remote.read_graph_answer(resp, to_ours, q.form)
            assert isinstance(fmt, ox.RdfFormat), "a graph's format"
            out = to_bytes(triples, fmt)
            if len(out) > self.max_bytes:
                raise DiplographError(
                    "result-too-large", f"the result is larger than {self.max_bytes} bytes "
                                        "(the size cap): add LIMIT or narrow the query")
            return QueryResult(q.form, out, content_type(media_type), None)
        body = _standard_json(body, to_ours)
        if q.form == "ask":
            answer = self.remote.read_ask_answer(body)
            assert isinstance(fmt, ox.QueryResultsFormat), "a boolean's format"
            return QueryResult("ask", _boolean(answer, fmt), content_type(media_type), None)
        if media_type == _JSON and b'"bindings"' in body:
            # as the engine wrote it (compact or spaced; Virtuoso's typed-literal, version
            # IRIs and durations rewritten as bytes above): rows counted, nothing parsed
            rows = json_rows(body)
            if rows > self.max_rows:
                raise DiplographError(
                    "result-too-large", f"the result has {rows} rows, more than the cap of "
                                        f"{self.max_rows}: add LIMIT (and page with OFFSET)")
            if len(body) > self.max_bytes:
                raise DiplographError(
                    "result-too-large", f"the result is larger than {self.max_bytes} bytes "
                                        "(the size cap): add LIMIT or narrow the query")
            return QueryResult("select", body, content_type(media_type), rows)
        try:
            solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as e:
            raise DiplographError("engine", f"the engine {self.remote.name} sent SPARQL JSON "
                                            f"that does not parse: {e}") from e
        out, solution_count = serialize(solutions, fmt, max_bytes=self.max_bytes,
                                        max_rows=self.max_rows)
        rows = solution_count or 0
        return QueryResult("select", out, content_type(media_type), rows)

    def _data(self, sparql: str, want: tuple[str, ...],
              substitutions: Mapping[str, Term | str] | None, dataset: Dataset | None) -> Any:
        t0 = time.monotonic()
        q = expect_form(self.check(sparql), want)
        subs = {k.value: v for k, v in variables(substitutions).items()}
        kwargs = _dataset_args(q, dataset)
        try:
            data = self.remote.query(q.text, bindings=subs, timeout=self._left(t0), **kwargs)
        except DiplographError as e:
            if e.kind == "timeout":
                raise self._timeout_error() from None
            raise
        if isinstance(data, list) and len(data) > self.max_rows:
            raise DiplographError("result-too-large", f"the result has {len(data)} rows, more "
                                                      f"than the cap of {self.max_rows}")
        return data

    # ------------------------------------------------------------ writes

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Apply a SPARQL Update: checked first (nothing is sent otherwise), run on a working
        copy of the graphs it names, then each changed graph replaced on the engine all or
        nothing (see the module docstring)."""
        check_limits(sparql, self.update_limits, what="update")
        check_external_access(sparql, allow=self.allow_federation, base_iri=base_iri)
        named = self._named_graphs(sparql)

        def run(store: ox.Store) -> None:
            try:
                store.update(sparql, base_iri=base_iri)
            except SyntaxError as e:
                from .sparql_errors import syntax_error

                raise syntax_error(e, sparql) from e
            except (OSError, ValueError, RuntimeError) as e:
                raise DiplographError("bad-input", f"the update failed: {e}") from e

        self.write(run, graphs=named)

    def _named_graphs(self, sparql: str) -> list[str]:
        """Our published graphs the text names (in full or by a prefix), and graphs it may
        create (an IRI after GRAPH, INTO, WITH, TO or USING)."""
        prefixes: dict[str, str] = {}  # as on the embedded store: none predefined in updates
        tokens = tokenize(sparql)
        for i, t in enumerate(tokens[:-2]):
            if t.kind == "name" and t.upper == "PREFIX" and tokens[i + 2].kind == "iri":
                prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text
        published = set(self.remote.versions(refresh=True))
        found: list[str] = []
        for i, t in enumerate(tokens):
            iri = None
            if t.kind == "iri":
                iri = t.text
            elif t.kind == "name" and ":" in t.text and not t.text.startswith("?"):
                p, local = t.text.split(":", 1)
                if p in prefixes:
                    iri = prefixes[p] + local
            if iri is None:
                continue
            after = i > 0 and tokens[i - 1].kind == "name" and tokens[i - 1].upper in \
                _UPDATE_GRAPH_WORDS
            if iri in published or after:
                found.append(iri)
        return list(dict.fromkeys(found))

    def write(self, fn: Callable[[ox.Store], Any], *, graphs: list[str] | None = None) -> Any:
        """Run ``fn`` on a working copy of ``graphs`` (an in-memory store holding each as the
        engine has it), then publish on the engine each graph ``fn`` changed, created or
        emptied. ``fn`` may not write the default graph: on an engine every triple lives in
        one of our named graphs."""
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        t0 = time.monotonic()
        with self._write_lock:
            published = self.remote.versions(refresh=True)
            work = ox.Store()
            before: dict[str, set[ox.Triple]] = {}
            for g in graphs or []:
                if g in published:
                    triples = set(self.remote.triples(g))
                    node = ox.NamedNode(g)
                    work.extend(ox.Quad(t.subject, t.predicate, t.object, node) for t in triples)
                    before[g] = triples
            self._left(t0)
            result = fn(work)
            if any(True for _ in work.quads_for_pattern(None, None, None, ox.DefaultGraph())):
                raise DiplographError(
                    "bad-input", "on an external engine every triple belongs to a named "
                                 "graph: write into GRAPH <…> (or ?graph=IRI); nothing was "
                                 "changed")
            after = {g.value: {q.triple for q in work.quads_for_pattern(None, None, None, g)}
                     for g in work.named_graphs() if isinstance(g, ox.NamedNode)}
            try:
                for g, triples in after.items():
                    if not triples and g not in published:
                        continue  # an empty new graph: engines do not keep one
                    if triples and before.get(g) != triples:
                        self.remote.replace_graph(g, sorted(triples, key=str))
                for g in before:
                    if not after.get(g):
                        self.remote.drop_graph(g)
            finally:
                self.cache.sync(self.generation)
            return result

    def _write(self, fn: Callable[[ox.Store], Any]) -> Any:
        """Writes that need the whole store (the curation upload builds a document's facts
        against the registry and the store's other graphs): not done over an engine, where
        they would run against an empty working copy."""
        raise DiplographError(
            "forbidden", "this change needs the local store: this service fronts an external "
                         "engine; build the change with `diplograph build --engine URL`")

    def close(self) -> None:
        """Nothing to stop (the engine runs elsewhere); later calls fail (idempotent)."""
        self._closed = True

    def __enter__(self) -> RemoteQueryService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _standard_json(body: bytes, to_ours: Mapping[str, str]) -> bytes:
    """SPARQL JSON as the standard writes it, with our graph names: Virtuoso's
    ``typed-literal`` written as ``literal``; version IRIs written as the graph they hold;
    durations stored as :data:`~.remote.DURATION_TEXT` written as ``xsd:duration``.
    The same object when nothing had to change (no copy)."""
    out = body
    if DURATION_TEXT.encode() in out:  # an xsd:duration as stored on Virtuoso
        out = out.replace(DURATION_TEXT.encode(), XSD_DURATION.encode())
    if b'"typed-literal"' in out:
        out = out.replace(b'"type": "typed-literal"', b'"type": "literal"').replace(
            b'"type":"typed-literal"', b'"type":"literal"')
    if b"/graph/version/" in out or b"\\/graph\\/version\\/" in out:
        for physical, ours in to_ours.items():
            if physical != ours:
                out = out.replace(physical.encode(), ours.encode()).replace(
                    physical.replace("/", "\\/").encode(), ours.encode())
    return out


_JSON_SPACE = b" \t\r\n"


def json_rows(body: bytes) -> int:
    r"""The rows of a SPARQL JSON SELECT answer, compact (Oxigraph's) or spaced (Virtuoso's),
    counted without parsing: escapes are removed, then strings, then white space; what is
    left of ``"bindings": [{…}, {…}]`` is ``[{…},{…}]``, and a row boundary is ``},{`` (the
    terms of a row are separated by ``},:{``, their names removed with the strings).

    >>> json_rows(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}')
    0
    >>> json_rows(b'{ "head": { "link": [], "vars": ["x", "y"] },\n "results": { "bindings": [\n'
    ...           b'  { "x": { "type": "literal", "value": "}},{\\\\" }\t, "y": { "type": "uri",'
    ...           b' "value": "http://a" }},\n  { },\n  { "x": { "type": "literal", "value": '
    ...           b'"a\\"b" }} ] } }')
    3
    """
    plain = body.replace(b"\\\\", b"").replace(b'\\"', b"")  # no quote left inside strings
    structure = b"".join(plain.split(b'"')[::2]).translate(None, _JSON_SPACE)
    if b"[{" not in structure:
        return 0
    return structure.count(b"},{") + 1


def _dataset_args(q: Checked, dataset: Dataset | None) -> dict[str, Any]:
    """What :class:`~.remote.RemoteStore` is told of a query's dataset: the Protocol's graphs,
    or its own (FROM / FROM NAMED in the text), or nothing (the published graphs)."""
    if dataset:
        return {"graphs": [g.value for g in dataset.default],
                "named": [g.value for g in dataset.named]}
    return {} if q.union else {"own_dataset": True}
