"""The query service: SPARQL on read-only checkpoints of one store, under a time limit and caps.

Queries never touch the live store: they read the newest published checkpoint
(:mod:`.checkpoints`), which every write replaces, in this process or in any other serving
the same store. Each query is checked and run by the one runner (:mod:`.runner`), in a query
thread or a killable worker process (:mod:`.isolation`), within ``timeout`` seconds, a row
cap and a byte cap. :meth:`QueryService.query` serialises the result in the format the caller
names (the endpoint chooses it from the request); :meth:`QueryService.select`,
:meth:`~QueryService.ask` and :meth:`~QueryService.construct` return data (terms) for the
pages, named queries and reconciliation. Writes (:meth:`QueryService.update`,
:meth:`QueryService.write`) publish a new checkpoint.

The SPARQL Protocol's rules (dataset parameters, ``using-graph-uri``, the Graph Store
operations, media types) live in ``server/``; this module knows nothing of HTTP.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .cache import ResultCache
from .changes import touched_graphs, touched_terms
from .checkpoints import Checkpoints
from .errors import DiplographError
from .isolation import Busy, QueryThreads, WorkerProcesses
from .runner import (
    Checked,
    DataQueries,
    Dataset,
    Term,
    evaluate,
    expect_form,
    serialize,
    to_data,
    variables,
)
from .sparql_safety import (
    DEFAULT_LIMITS,
    DEFAULT_UPDATE_LIMITS,
    Limits,
    check_external_access,
    check_limits,
)

__all__ = ["QueryResult", "QueryService", "content_type", "media_format"]

log = logging.getLogger(__name__)

_TEXT_TYPES = frozenset({"text/csv", "text/tab-separated-values"})
_OFFERS = {
    "select": ox.QueryResultsFormat, "ask": ox.QueryResultsFormat,
    "construct": ox.RdfFormat, "describe": ox.RdfFormat,
}


@dataclass
class QueryResult:
    """A finished, serialised query result."""

    form: str  # 'select' | 'ask' | 'construct' | 'describe'
    body: bytes
    media_type: str  # the Content-Type to send (with charset for CSV/TSV)
    rows: int | None  # solutions for SELECT, None otherwise


def content_type(media_type: str) -> str:
    """The Content-Type header value for a media type.

    >>> content_type("text/csv")
    'text/csv; charset=utf-8'
    """
    return f"{media_type}; charset=utf-8" if media_type in _TEXT_TYPES else media_type


@functools.lru_cache(maxsize=64)
def media_format(form: str, media_type: str) -> ox.QueryResultsFormat | ox.RdfFormat | None:
    """pyoxigraph's format for a result of ``form`` written as ``media_type`` (None: none).

    >>> media_format("ask", "text/csv"), media_format("construct", "text/csv")
    (<QueryResultsFormat SPARQL Results in CSV>, None)
    """
    return _OFFERS[form].from_media_type(media_type)  # type: ignore[attr-defined,no-any-return]


def _serialised(store: ox.Store, query: Checked, dataset: Dataset | None,
                subs: dict[ox.Variable, Term], base_iri: str | None,
                fmt: ox.QueryResultsFormat | ox.RdfFormat, max_bytes: int,
                max_rows: int) -> tuple[int | None, bytes]:
    """Run in a query thread: evaluate and serialise (the result dies in this thread)."""
    result = evaluate(store, query, dataset=dataset, substitutions=subs, base_iri=base_iri)
    try:
        body, rows = serialize(result, fmt, max_bytes=max_bytes, max_rows=max_rows)
    finally:
        del result
    return rows, body


def _data(store: ox.Store, query: Checked, dataset: Dataset | None,
          subs: dict[ox.Variable, Term], base_iri: str | None, max_rows: int) -> Any:
    """Run in a query thread: evaluate and read the result as data."""
    result = evaluate(store, query, dataset=dataset, substitutions=subs, base_iri=base_iri)
    try:
        data = to_data(result)
    finally:
        del result
    if isinstance(data, list) and len(data) > max_rows:
        raise DiplographError("result-too-large", f"the result has {len(data)} rows, more "
                                                  f"than the cap of {max_rows}")
    return data


class QueryService(DataQueries):
    """SPARQL query and update on one on-disk store.

    Queries read the newest published checkpoint of the store (:mod:`.checkpoints`), with a
    ``timeout`` (seconds), a row cap (``max_rows``, SELECT) and a size cap (``max_bytes``,
    every form). ``allow_federation`` lists the IRIs SERVICE/LOAD may reach (none by
    default). Without a dataset, the default graph is the union of all named graphs
    (``union_default_graph``).

    ``isolation`` decides where a query runs (:mod:`.isolation`):

    - ``"process"``: in one of ``workers`` killable worker processes; past the time limit the
      worker gets SIGKILL and is replaced. Right for a single process that must never be
      left with a runaway query (the Flask test client, embedding).
    - ``"thread"``: in one of ``workers`` threads of this process (pyoxigraph releases the
      GIL, so they run in parallel) with no inter-process hop. Past the time limit the caller
      gets the same error at once and ``on_overrun()`` is called: the server then replaces
      this whole process (``server/run.py``), since pyoxigraph cannot stop a query.

    ``prepared``: the checkpoints were already published by whoever started the service
    (``server/run.py``, before it starts its worker processes); otherwise this instance
    publishes generation 0 and removes the checkpoints when closed.

    ``cache`` is the cache of whoever answers repeated requests (the server's response
    cache, one per process); the service keeps none of its own, and only reports it.
    """

    def __init__(
        self,
        store_path: str | Path,
        *,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        max_bytes: int = 256 * 2**20,
        workers: int = 2,
        allow_federation: tuple[str, ...] | list[str] = (),
        union_default_graph: bool = True,
        isolation: str = "process",
        prepared: bool = False,
        on_overrun: Callable[[], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        update_limits: Limits = DEFAULT_UPDATE_LIMITS,
    ) -> None:
        if isolation not in ("process", "thread"):
            raise DiplographError("bad-input", f"isolation must be 'process' or 'thread', "
                                               f"not {isolation!r}")
        self.store_path = str(store_path)
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.max_bytes = int(max_bytes)
        self.n_workers = max(int(workers), 1)
        self.allow_federation = tuple(allow_federation)
        #: size, nesting and operator bounds of query and update texts (413/400 beyond)
        self.limits, self.update_limits = limits, update_limits
        self.union_default_graph = union_default_graph
        self.on_overrun = on_overrun
        self.cache: ResultCache[Any] = ResultCache(0)
        self.checkpoints = Checkpoints(self.store_path, keep_seconds=self.timeout + 30)
        self._owns_checkpoints = not prepared
        if not prepared:
            self.checkpoints.hold_serving()
            try:
                self.checkpoints.prepare()
            except DiplographError:
                self.checkpoints.release_serving()
                raise
        self._reader: tuple[str, ox.Store] | None = None
        self._reader_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._closed = False
        self._threads: QueryThreads | None = None
        self._processes: WorkerProcesses | None = None
        if isolation == "thread":
            self._threads = QueryThreads(self.n_workers)
        else:
            self._processes = WorkerProcesses(self.store_path, self.n_workers)

    # ------------------------------------------------------------ checkpoints

    @property
    def generation(self) -> int:
        """The write generation of the newest checkpoint (every write adds one)."""
        return self.checkpoints.current().generation

    @property
    def snapshot(self) -> str:
        """The directory of the newest checkpoint."""
        return self.checkpoints.current().path

    def read_store(self) -> ox.Store:
        """A read-only handle on the newest checkpoint (for reading the registry and the
        like; queries go through :meth:`query` and its time limit)."""
        return self._read_store()

    def _read_store(self, path: str | None = None) -> ox.Store:
        """A read-only handle on the checkpoint at ``path`` (default: the newest), kept open
        until a newer one is asked for."""
        path = path or self.snapshot
        reader = self._reader
        if reader is not None and reader[0] == path:
            return reader[1]
        with self._reader_lock:
            reader = self._reader
            if reader is None or reader[0] != path:
                try:
                    reader = (path, ox.Store.read_only(path))
                except OSError as e:
                    raise DiplographError("storage", f"cannot open the checkpoint {path}: {e}"
                                          ) from e
                self._reader = reader
        return reader[1]

    # ------------------------------------------------------------ queries

    def query(
        self,
        sparql: str | Checked,
        *,
        media_type: str | None = None,
        dataset: Dataset | None = None,
        substitutions: Mapping[str, Term | str] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query and serialise its result as ``media_type`` (default: the first
        offer of its form: SPARQL JSON results, or Turtle for graphs)."""
        t0 = time.monotonic()  # the checks count against the time limit
        q = sparql if isinstance(sparql, Checked) else self.check(sparql, base_iri)
        if media_type is None:
            media_type = "application/sparql-results+json" if q.form in ("select", "ask") \
                else "text/turtle"
        media_type = media_type.split(";", 1)[0].strip().lower()
        fmt = media_format(q.form, media_type)
        if fmt is None:
            raise DiplographError(
                "not-acceptable", f"a {q.form.upper()} result cannot be sent as {media_type}")
        subs = variables(substitutions)
        if self._threads is not None:
            rows, body = self._in_thread(
                _serialised, t0, self._read_store(), q, dataset, subs, base_iri, fmt,
                self.max_bytes, self.max_rows)
        else:
            header, body = self._in_process(q, dataset, subs, base_iri, fmt.media_type, t0)
            rows = header.get("rows")
        return QueryResult(q.form, body, content_type(media_type), rows)

    def _data(self, sparql: str, want: tuple[str, ...],
              substitutions: Mapping[str, Term | str] | None, dataset: Dataset | None) -> Any:
        t0 = time.monotonic()
        q = expect_form(self.check(sparql), want)
        subs = variables(substitutions)
        if self._threads is not None:
            return self._in_thread(_data, t0, self._read_store(), q, dataset, subs, None,
                                   self.max_rows)
        # a worker process sends bytes: read them back with pyoxigraph's parsers
        if q.form in ("construct", "describe"):
            _, body = self._in_process(q, dataset, subs, None, "application/n-triples", t0)
            return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        _, body = self._in_process(q, dataset, subs, None, "application/sparql-results+json",
                                   t0)
        return to_data(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def _timeout_error(self) -> DiplographError:
        return DiplographError(
            "timeout",
            f"the query ran longer than the time limit of {self.timeout:g} s and was "
            "stopped: narrow it, add LIMIT, or ask the operator for a longer limit",
        )

    def _busy_error(self) -> DiplographError:
        return DiplographError(
            "unavailable",
            f"the server is busy: all {self.n_workers} query slots of this worker process "
            "are taken (by other queries, or by runaway queries still being stopped); your "
            "query did not run: try again in a few seconds",
        )

    def _in_thread(self, fn: Callable[..., Any], t0: float, *args: Any) -> Any:
        if self._closed or self._threads is None:
            raise DiplographError("unavailable", "the query service is closed")
        try:
            # the time the checks took counts against the limit
            return self._threads.run(fn, *args,
                                     timeout=max(self.timeout - (time.monotonic() - t0), 0.001))
        except Busy:
            raise self._busy_error() from None
        except TimeoutError:
            log.warning("a query overran the time limit of %g s: %.200r", self.timeout,
                        args[1].text)
            if self.on_overrun is not None:
                self.on_overrun()
            raise self._timeout_error() from None
        except DiplographError:
            raise
        except Exception as e:  # noqa: BLE001 - reported, never swallowed
            raise DiplographError("internal", f"{type(e).__name__}: {e}") from e

    def _in_process(self, q: Checked, dataset: Dataset | None, subs: dict[ox.Variable, Term],
                    base_iri: str | None, media_type: str,
                    t0: float) -> tuple[dict[str, Any], bytes]:
        if self._closed or self._processes is None:
            raise DiplographError("unavailable", "the query service is closed")
        req = {
            "sparql": q.text, "form": q.form, "union": q.union, "media_type": media_type,
            "snapshot": self.snapshot,
            "default_graphs": [g.value for g in dataset.default] if dataset else [],
            "named_graphs": [g.value for g in dataset.named] if dataset else [],
            # terms cross the pipe in N-Triples syntax, read back by the worker
            "substitutions": {k.value: str(v) for k, v in subs.items()},
            "base_iri": base_iri, "max_rows": self.max_rows, "max_bytes": self.max_bytes,
        }
        try:
            header, body = self._processes.run(
                req, timeout=max(self.timeout - (time.monotonic() - t0), 0.001))
        except Busy:
            raise DiplographError(
                "unavailable", f"all {self.n_workers} query workers stayed busy for "
                f"{self.timeout:g} s: try again later") from None
        except TimeoutError:
            raise self._timeout_error() from None
        if "error" in header:
            raise DiplographError(header["error"], header["message"], header.get("details", []))
        return header, body

    # ------------------------------------------------------------ writes

    def _write(self, fn: Callable[[ox.Store], Any],
               graphs: Iterable[str] | None = None) -> Any:
        """Run ``fn`` on the live store, read-write; publish a new checkpoint after it
        (``graphs``: the graphs ``fn`` may change, if known: :meth:`graphs_between`).

        A storage failure says whether the change is in the store: ``fn`` fails as a whole
        (pyoxigraph writes one transaction or nothing), and a failure after it (flushing,
        publishing the checkpoint) leaves it applied."""
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        applied = False

        def change(store: ox.Store) -> Any:
            nonlocal applied
            result = fn(store)
            applied = True
            return result

        try:
            with self._write_lock:
                result = self.checkpoints.write(change, graphs=graphs)
        except DiplographError as e:
            raise _with_outcome(e, applied) from e
        finally:
            self.cache.sync(self.generation)  # empty now, and no older answer kept from here on
        return result

    def write(self, fn: Callable[[ox.Store], Any], *,
              graphs: Iterable[str] | None = None) -> Any:
        """Run ``fn`` on the live store, read-write; publish a new checkpoint after it
        (``graphs``: the graphs ``fn`` may change, if known)."""
        return self._write(fn, graphs)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL Update atomically (all operations or none), in a child process
        killed past the time limit."""
        check_limits(sparql, self.update_limits, what="update")
        check_external_access(sparql, allow=self.allow_federation, base_iri=base_iri)
        self._update_in_child(sparql, base_iri, touched_terms(sparql, base_iri),
                              touched_graphs(sparql, base_iri))

    def touched_between(self, old: int, new: int) -> frozenset[str] | None:
        """The terms the writes after generation ``old`` up to ``new`` touched, or None if
        unknown (:meth:`.checkpoints.Checkpoints.touched_between`)."""
        return self.checkpoints.touched_between(old, new)

    def graphs_between(self, old: int, new: int) -> frozenset[str] | None:
        """The graphs the writes after generation ``old`` up to ``new`` may have changed, or
        None if unknown (:meth:`.checkpoints.Checkpoints.graphs_between`)."""
        return self.checkpoints.graphs_between(old, new)

    def _update_in_child(self, sparql: str, base_iri: str | None,
                         touched: frozenset[str] | None = None,
                         graphs: frozenset[str] | None = None) -> None:
        """Apply an update in a child process (``graph/update_worker.py``) under the write
        lock, killed past the time limit: a heavy update cannot hold the lock for longer,
        and, killed, changes nothing (one transaction)."""
        if self._closed:
            raise DiplographError("unavailable", "the query service is closed")
        outcome: dict[str, Any] = {}

        def change() -> None:
            proc = subprocess.Popen(
                [sys.executable, "-m", "diplograph.graph.update_worker", self.store_path],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            request = json.dumps({"sparql": sparql, "base_iri": base_iri}).encode()
            try:
                out, err = proc.communicate(request, timeout=self.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
                outcome.update(_last_json(out) or {"applied": False})
                outcome["timeout"] = True
                return
            outcome.update(_last_json(out) or {
                "applied": False, "error": "internal",
                "message": f"the update process ended with status {proc.returncode}: "
                           f"{err.decode('utf-8', 'replace')[-500:]}"})

        try:
            with self._write_lock:
                self.checkpoints.write_external(change, touched, graphs)
        except DiplographError as e:
            raise _with_outcome(e, bool(outcome.get("applied"))) from e
        finally:
            self.cache.sync(self.generation)
        if outcome.get("timeout") and not outcome.get("applied"):
            log.warning("an update overran the time limit of %g s: %.200r", self.timeout, sparql)
            raise DiplographError(
                "timeout",
                f"the update ran longer than the time limit of {self.timeout:g} s and was "
                "stopped; the change was not applied (the store is unchanged)")
        if "error" in outcome:
            err = DiplographError(outcome["error"], outcome["message"])
            raise _with_outcome(err, bool(outcome["applied"])) if err.kind == "storage" else err

    def close(self) -> None:
        """Stop every worker and release the store (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._processes is not None:
            self._processes.close()
        if self._threads is not None:
            self._threads.stop()
        self._reader = None
        if self._owns_checkpoints:
            self.checkpoints.remove_all()
            self.checkpoints.release_serving()

    def __enter__(self) -> QueryService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _last_json(out: bytes) -> dict[str, Any] | None:
    """The last JSON line a child printed, if any."""
    for line in reversed(out.splitlines()):
        with contextlib.suppress(ValueError):
            value = json.loads(line)
            if isinstance(value, dict):
                return value
    return None


def _with_outcome(e: DiplographError, applied: bool) -> DiplographError:
    """A storage error that says whether the change is in the store (the client must know
    whether to retry)."""
    if e.kind != "storage" or "the change was" in e.message:
        return e
    if applied:
        return DiplographError(
            "storage", f"the change was applied, but then: {e.message} (queries may see the "
            "previous state until the next successful write)", e.details)
    return DiplographError("storage", f"the change was not applied: {e.message}", e.details)
