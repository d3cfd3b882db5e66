"""The search index of a worker process, kept in step with the writes.

Building the index (:class:`~diplograph.linking.search.SearchIndex`) reads every entity's
names: about a second of CPU on the real graph. After a write the holder brings it up to date
at the next request that needs it, with the least reading that is sure to miss nothing:

1. the write touched no name, type or subclass (the terms it touched are known, see
   :mod:`diplograph.graph.changes`): the index stays as it is;
2. the terms it touched are known: the entities among them are read again (their rows only,
   :func:`~diplograph.linking.search.subjects_query`) and replace theirs;
3. only the graphs it changed are known (a ``DELETE … WHERE`` or ``CLEAR`` on named graphs, a
   Graph Store ``PUT``): the entities that had names or types of the kinds' classes in those
   graphs before the write (the holder keeps them per graph) and those that have them now are
   read again;
4. anything else (the default graph, a write that says nothing, a change of the kinds'
   classes, more than :data:`MAX_REFRESH` entities): the index is built again.

Each step reads the store after the write has returned, under the holder's lock, so a page
made after a write never shows a name the write changed.

A build is shared by the worker processes of one server: the first to need the index for a
generation builds it and writes it beside the checkpoints; the others load it (a few hundredths
of a second instead of a second of CPU at start, when every worker needs it at once).

At a start, ``diplograph serve`` builds the index of generation 0 in a process of its own
(:func:`start_builder`: forked from the server's main process, at a lower CPU priority, once
every worker has started), holding the shared lock from before the workers start: the workers
answer pages meanwhile, and whatever needs the index (search, the index pages, labels) waits
for that build and loads it, as after any build by another worker. The first page after a
start then no longer shares its worker's interpreter with the build, and gets the CPU first;
the start itself is not slowed. If the builder fails, the workers build the index themselves.

**Kept across starts.** The generations are counted from each start, so the index of the last
start cannot be found by its generation. The builder keeps each index it builds beside the
store (:func:`saved_folder`: ``<store>.search-index/``, the last :data:`KEEP_SAVED`), keyed by
the store's *content*: the fingerprints of generation 0's data
(:meth:`~diplograph.graph.checkpoints.Checkpoints.content_keys`, from
:func:`~diplograph.graph.fingerprint.content_fingerprint`: the names, sizes and tails of the
RocksDB table files of the checkpoint, which ``Store.backup`` takes after a flush, so no data
sits outside them; the tails hold each table's properties, which name the database and the
session that wrote it). A start whose generation 0 has a saved index's fingerprint copies it
to the shared folder at once (no wait for the workers, no reading of the store), and the
workers load it as after any build. A fingerprint of the files rather than a stamp the
writers update: every way the data changes (``diplograph build`` or ``load``, a write through
the endpoint, another program's write with pyoxigraph, a store copied over this one) makes
new table files, and none can forget to update a stamp; a compaction, which rewrites the same
data into other tables, costs a build, never a stale index (and the live store's tables as
the start left them are a key too, so a compaction during a start's opening is caught).
Each saved file names the format of its index (:data:`INDEX_FORMAT`) and the code that builds
it (:func:`code_version`: a hash of the modules and data that make an index): a change of the
search code never reads an old index. A damaged or truncated file (its SHA-256 is in its
header) is logged, deleted and built again. ``DIPLOGRAPH_NO_CACHE`` keeps nothing; deleting
the folder is always safe.

**Kept after the server's writes.** A write through the endpoint (``/update``, the Graph
Store, ``/store``) used to leave nothing for the next start, which built the index again. Now
the worker that took it, once the writes pause and it answers no request, brings its index up
to date and keeps it (:func:`keep_after_write`), keyed by the fingerprints of the newest
checkpoint and of the live store, read under the write lock while no later write has come:
the next start's generation 0 is a checkpoint of that live store, so it reuses the index.

**The name matcher.** A search that no indexed name holds is read by the linking matcher
(server/search.py, server/reconcile.py), about 2 s of CPU to make on the full graph. The
builder makes the one of generation 0 after the index (:func:`_share_matcher_in_this_process`,
at its lower priority, once no page is in flight) and shares it as a pickle in the
checkpoints' folder (made by this run's own process, deleted with the checkpoints at the
stop); each worker loads it when idle (about 0.4 s). A search that needs it while the builder
makes it waits for it; one that comes before the builder began it makes its own, as before.
The builder also keeps the pickle in the user's cache folder (``$XDG_CACHE_HOME/diplograph/
matchers``, as the registry's pickle, :func:`~diplograph.loaders.registry.load_registry`),
keyed by the store's content and the matcher's code: a start on the same data with the same
code copies it instead of making it again (about 2.5 s of CPU of each start on the full
graph). ``DIPLOGRAPH_NO_CACHE`` keeps nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..graph.changes import DEFAULT_GRAPH, predicate_marker
from ..graph.store import caches_kept, user_cache_folder
from ..linking.search import (
    RDF_TYPE,
    SearchIndex,
    class_query,
    index_predicates,
    index_query,
    kinds,
    subjects_query,
)

__all__ = ["BUILDER_NICE", "Builder", "INDEX_FORMAT", "IndexHolder", "KEEP_SAVED",
           "MAX_REFRESH", "NAME_MARKERS", "TYPE_MARKER", "code_version", "keep_after_write",
           "keep_for_next_start", "kept_matcher_file",
           "saved_folder", "shared_matcher", "shared_matcher_made", "start_builder",
           "wait_for_shared_matcher"]

log = logging.getLogger("diplograph.server.search_index")  # also when run as the builder

#: The predicates an index is made of (:func:`.linking.search.index_query`) but rdf:type: a
#: write that touched none of them, and typed or untyped nothing as one of the kinds' classes,
#: leaves every name and kind as it was.
NAME_MARKERS = frozenset(predicate_marker(p) for p in index_predicates() if p != RDF_TYPE)
TYPE_MARKER = predicate_marker(RDF_TYPE)
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

#: beyond this many entities to read again, the index is built again (cheaper by then)
MAX_REFRESH = 2_000

Classes = tuple[tuple[str, str], ...]


def _name_props() -> str:
    return " ".join(f"<{p}>" for p in sorted(index_predicates() - {RDF_TYPE, _SUBCLASS}))


def graph_subjects_query(classes: Classes, graphs: list[str] | None = None,
                         subjects: list[str] | None = None) -> str:
    """``?g ?s``: the subjects with a name, or a type among ``classes``, in each named graph
    (in ``graphs`` or of ``subjects`` only, if given).

    >>> q = graph_subjects_query((("http://e/C", "state"),), graphs=["http://e/g"])
    >>> "VALUES ?g { <http://e/g> }" in q, "<http://e/C>" in q
    (True, True)
    """
    named = " ".join(str(ox.NamedNode(c)) for c, _ in classes) or f"<{_SUBCLASS}>"
    head = ""
    if graphs is not None:
        head += "  VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in graphs) + " }\n"
    if subjects is not None:
        head += "  VALUES ?s { " + " ".join(str(ox.NamedNode(s)) for s in subjects) + " }\n"
    return ("SELECT DISTINCT ?g ?s WHERE {\n" + head
            + f"  {{ VALUES ?p {{ {_name_props()} }} GRAPH ?g {{ ?s ?p ?o }} }}\n"
            + f"  UNION {{ VALUES ?c {{ {named} }} GRAPH ?g {{ ?s a ?c }} }}\n"
            + "  FILTER(isIRI(?s))\n}")


@dataclass
class _State:
    service: Any
    generation: int
    index: SearchIndex
    classes: Classes
    #: graph -> the subjects with a name or a type of the kinds' classes in it, as far as
    #: the holder has seen (it only grows between builds: a subject too many costs one read)
    by_graph: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class IndexHolder:
    """The index of one worker process and how it was last brought up to date."""

    _lock: threading.Lock = field(default_factory=threading.Lock)
    _state: _State | None = None
    #: how each bring-up-to-date went: 'built', 'kept', 'entities', 'graphs' -> count
    counts: dict[str, int] = field(default_factory=dict)
    #: the last one: (how, seconds, entities read again)
    last: tuple[str, float, int] = ("", 0.0, 0)

    def get(self, qs: Any) -> SearchIndex:
        """The index for the newest generation of ``qs``'s store."""
        generation = qs.generation  # read first: whatever is read after is at least as new
        with self._lock:
            t0 = time.perf_counter()
            state = self._state
            if state is None or state.service is not qs or generation < state.generation:
                how, n = "built", self._build(qs, generation)
            elif generation == state.generation:
                return state.index
            else:
                how, n = self._bring_up(qs, state, generation)
            self.counts[how] = self.counts.get(how, 0) + 1
            self.last = (how, time.perf_counter() - t0, n)
            if how != "kept":
                log.debug("search index %s in %.3f s (%d entities)", how, self.last[1], n)
            assert self._state is not None
            return self._state.index

    def wait_for_shared_build(self, qs: Any, timeout: float | None = None) -> None:
        """Wait (at most ``timeout`` s, default :data:`SHARED_WAIT_S`) while another process
        builds an index to share (:func:`start_builder`), without holding this holder: a
        request may build or load the index meanwhile."""
        folder = _shared_folder(qs)
        if folder is None:
            return
        with _file_lock(folder.with_name(folder.name + ".lock"),
                        SHARED_WAIT_S if timeout is None else timeout):
            pass

    # ------------------------------------------------------------------ reading

    @staticmethod
    def _classes(qs: Any) -> Classes:
        """The kinds' classes and their subclasses in the store; the kinds' own classes
        always (pyoxigraph finds a class by ``rdfs:subClassOf*`` only when the store names
        it: its last member gone, the set would change, and the index be built again)."""
        found = {(r["class"].value, r["kind"].value) for r in qs.select(class_query())
                 if isinstance(r.get("class"), ox.NamedNode)}
        return tuple(sorted(found | {(c, k.kind) for k in kinds() for c in k.classes}))

    @staticmethod
    def _rows(qs: Any, query: str) -> list[tuple[str, str, str, str | None, str | None]]:
        return [(r["s"].value, r["kind"].value, r["name"].value,
                 r["tag"].value if r.get("tag") is not None else None,
                 r["rank"].value if r.get("rank") is not None else None)
                for r in qs.select(query)]

    @staticmethod
    def _graph_subjects(qs: Any, query: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for r in qs.select(query):
            g, s = r.get("g"), r.get("s")
            if isinstance(g, ox.NamedNode) and isinstance(s, ox.NamedNode):
                out.setdefault(g.value, set()).add(s.value)
        return out

    def _build(self, qs: Any, generation: int) -> int:
        """Build the index, or load the one another worker process built for the same
        generation of the same store (``<store>.snapshots/search-index/``): of the workers
        that start together, or that need it after the same write, one reads the store."""
        folder = _shared_folder(qs)
        if folder is None:
            self._state = self._read(qs, generation)
        else:
            with _file_lock(folder.with_name(folder.name + ".lock")):
                path = folder / f"{generation}.json"
                state = _load(qs, generation, path)
                if state is None:
                    state = self._read(qs, generation)
                    _save(state, folder, path)
                self._state = state
        return len(self._state.index)

    def _read(self, qs: Any, generation: int,
              pause: Callable[[], None] | None = None) -> _State:
        """Build the index from the store (``pause`` is called before each read): the
        embedded store by triple patterns (:func:`_read_by_patterns`), a remote engine by
        two SPARQL queries (:meth:`_read_by_queries`), the only way to ask it."""
        if _has_local_store(qs):
            return _read_by_patterns(qs, generation, pause)
        return self._read_by_queries(qs, generation, pause)

    def _read_by_queries(self, qs: Any, generation: int,
                         pause: Callable[[], None] | None = None) -> _State:
        """Build the index with two SPARQL queries (``pause`` is called before each)."""
        pause = pause or (lambda: None)
        pause()
        classes = self._classes(qs)
        pause()
        index = SearchIndex.from_rows(self._rows(qs, index_query(classes)))
        pause()
        by_graph = self._graph_subjects(qs, graph_subjects_query(classes))
        return _State(qs, generation, index, classes, by_graph)

    # ------------------------------------------------------------------ after writes

    def _bring_up(self, qs: Any, state: _State, generation: int) -> tuple[str, int]:
        old = state.generation
        touched = qs.touched_between(old, generation) if hasattr(qs, "touched_between") \
            else None
        graphs = qs.graphs_between(old, generation) if hasattr(qs, "graphs_between") else None
        if touched is not None:
            if predicate_marker(_SUBCLASS) in touched:
                return "built", self._build(qs, generation)
            names = bool(touched & NAME_MARKERS)
            types = TYPE_MARKER in touched and bool(
                touched & {c for c, _ in state.classes})
            if not names and not types:
                state.generation = generation
                return "kept", 0
            subjects = {t for t in touched if not t.startswith("p:")}
            if len(subjects) > MAX_REFRESH:
                return "built", self._build(qs, generation)
            by_graph = self._graph_subjects(
                qs, graph_subjects_query(state.classes, subjects=sorted(subjects)))
            return self._refresh(qs, state, generation, subjects, by_graph, "entities")
        if graphs is None or DEFAULT_GRAPH in graphs:
            return "built", self._build(qs, generation)
        named = sorted(graphs)
        now = self._graph_subjects(qs, graph_subjects_query(state.classes, graphs=named)) \
            if named else {}
        subjects = set().union(*(state.by_graph.get(g, set()) for g in named),
                               *now.values())
        if len(subjects) > MAX_REFRESH:
            return "built", self._build(qs, generation)
        return self._refresh(qs, state, generation, subjects, now, "graphs")

    def _refresh(self, qs: Any, state: _State, generation: int, subjects: set[str],
                 by_graph: dict[str, set[str]], how: str) -> tuple[str, int]:
        """Read ``subjects`` again (the kinds' classes first: a changed class means a
        build), and note where they now have names or types."""
        if self._classes(qs) != state.classes:
            return "built", self._build(qs, generation)
        if subjects:
            rows = self._rows(qs, subjects_query(state.classes, sorted(subjects)))
            state.index = state.index.replacing(subjects, rows)
        for g, found in by_graph.items():
            state.by_graph.setdefault(g, set()).update(found)
        state.generation = generation
        return how, len(subjects)


# ---------------------------------------------------------------------- shared between workers

#: how long a worker waits for another to build the index before building it too
SHARED_WAIT_S = 60.0


def _shared_folder(qs: Any) -> Path | None:
    """Where the workers of one service share built indexes (None: not shared)."""
    root = getattr(getattr(qs, "checkpoints", None), "root", None)
    return _folder_in(Path(root)) if isinstance(root, (str, Path)) else None


def _folder_in(root: Path) -> Path:
    """The shared folder of indexes under the checkpoints' folder ``root``."""
    return root / "search-index"


@contextlib.contextmanager
def _file_lock(path: Path, wait: float = SHARED_WAIT_S) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (given up after ``wait`` s: the index is then built
    without it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as f:
        deadline = time.monotonic() + wait
        locked = False
        while not locked:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)
        try:
            yield
        finally:
            if locked:
                fcntl.flock(f, fcntl.LOCK_UN)


def _load(qs: Any, generation: int, path: Path) -> _State | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _State(qs, generation, SearchIndex.from_data(data["index"]),
                      tuple((c, k) for c, k in data["classes"]),
                      {g: set(subjects) for g, subjects in data["by_graph"].items()})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the shared search index %s could not be read; building it", path,
                    exc_info=True)
        return None


def _encode(state: _State) -> bytes:
    """The index as the shared folder holds it (:func:`_load` reads it)."""
    data = {"index": state.index.to_data(), "classes": [list(c) for c in state.classes],
            "by_graph": {g: sorted(s) for g, s in state.by_graph.items()}}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _save(state: _State | None, folder: Path, path: Path, body: bytes | None = None) -> None:
    """Write the index (``state``, or its encoding ``body``) for the other workers, and drop
    those of older generations."""
    tmp = folder / f".{path.name}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if body is None:
            assert state is not None
            body = _encode(state)
        tmp.write_bytes(body)
        os.replace(tmp, path)
        for old in folder.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # not shared: each worker builds its own
        tmp.unlink(missing_ok=True)
        log.warning("the search index could not be shared in %s", folder, exc_info=True)


# ---------------------------------------------------------------------- kept across starts

#: the layout of a saved index (its header and :func:`_encode`'s data); a change of the code
#: that builds an index changes :func:`code_version` by itself
INDEX_FORMAT = 1
#: how many indexes are kept beside a store (the newest used)
KEEP_SAVED = 3
#: how many content keys one saved index keeps (a start adds its own when they are new)
KEEP_KEYS = 8
#: the modules and data an index is made by, as paths under the package
_CODE_FILES = ("linking/search.py", "linking/kinds.yaml", "linking/normalise.py",
               "graph/names.py", "graph/namespaces.py", "server/search_index.py")


def code_version() -> str:
    """A hash of what makes an index from the store: :data:`INDEX_FORMAT`, pyoxigraph's
    version (it runs the queries) and the source of the modules and data that read and fold
    the names (:data:`_CODE_FILES`), read when this module is imported (the code that runs,
    not a later edit of it). An index saved by other code is never read.

    >>> len(code_version()), code_version() == _hash_code()
    (16, True)
    """
    return _CODE_VERSION


def _hash_code() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{INDEX_FORMAT} {ox.__version__}".encode())
    for name in _CODE_FILES:
        digest.update(b"\0" + name.encode() + b"\0")
        with contextlib.suppress(OSError):  # (a missing file hashes as empty: still a key)
            digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


_CODE_VERSION = _hash_code()


def saved_folder(store: str | Path) -> Path | None:
    """Where the indexes of the store at ``store`` are kept across starts: the folder
    ``<store>.search-index`` beside it (None with ``DIPLOGRAPH_NO_CACHE``: nothing kept).

    >>> saved_folder("/data/store").as_posix()
    '/data/store.search-index'
    """
    if not caches_kept():
        return None
    p = Path(store)
    return p.with_name(p.name + ".search-index")


def _read_header(path: Path) -> dict[str, Any] | None:
    """The header line of a saved index, or None if it is not one of ours."""
    with open(path, "rb") as f:
        line = f.readline(65_536)
    try:
        header = json.loads(line)
    except ValueError:
        return None
    ours = isinstance(header, dict) and {"format", "code", "sha256", "bytes"} <= header.keys()
    return header if ours else None


def _saved_files(saved: Path) -> list[Path]:
    """The saved indexes, newest used first."""
    found = []
    with contextlib.suppress(OSError):
        for p in saved.glob("*.json"):
            with contextlib.suppress(OSError):
                found.append((p.stat().st_mtime, p))
    return [p for _, p in sorted(found, reverse=True)]


def _find_saved(saved: Path, keys: tuple[str, ...]) -> tuple[Path, dict[str, Any], bytes] | None:
    """The saved index whose content keys meet ``keys``, made by this code: its path, header
    and body, checked against the header's hash; None if none (a damaged one is logged and
    deleted)."""
    for path in _saved_files(saved):
        try:
            header = _read_header(path)
            if header is None:
                log.warning("the saved search index %s has no header: deleted", path)
                path.unlink(missing_ok=True)
                continue
            if (header.get("format") != INDEX_FORMAT
                    or header.get("code") != code_version()
                    or not set(header.get("stores") or ()) & set(keys)):
                continue
            raw = path.read_bytes()
        except OSError:
            continue
        body = raw[raw.find(b"\n") + 1:]
        if len(body) != header.get("bytes") or \
                hashlib.sha256(body).hexdigest() != header.get("sha256"):
            log.warning("the saved search index %s is damaged (%d bytes where its header "
                        "says %s, or another SHA-256): deleted; building the index again",
                        path, len(body), header.get("bytes"))
            path.unlink(missing_ok=True)
            continue
        return path, header, body
    return None


def _keep(saved: Path, body: bytes, keys: tuple[str, ...], entities: int,
          old: dict[str, Any] | None = None) -> Path | None:
    """Write ``body`` (an index, :func:`_encode`) to ``saved``, keyed by ``keys`` (and the
    keys of the ``old`` header of the same index), atomically; drop all but the newest
    :data:`KEEP_SAVED`. Its path, or None if it could not be written."""
    stores = list(dict.fromkeys([*keys, *((old or {}).get("stores") or ())]))[:KEEP_KEYS]
    digest = hashlib.sha256(body).hexdigest()
    header = {"format": INDEX_FORMAT, "code": code_version(), "stores": stores,
              "sha256": digest, "bytes": len(body), "entities": entities,
              "saved": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    path = saved / f"{code_version()}-{digest[:16]}.json"
    tmp = saved / f".{path.name}.{os.getpid()}"
    try:
        saved.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(json.dumps(header).encode() + b"\n")
            f.write(body)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        log.warning("the search index could not be kept in %s", saved, exc_info=True)
        return None
    for older in _saved_files(saved)[KEEP_SAVED:]:
        older.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # a builder stopped while it wrote (the server stopped)
        for stray in saved.glob(".*.json.*"):
            if time.time() - stray.stat().st_mtime > 3600:
                stray.unlink(missing_ok=True)
    return path


def _reuse_saved(store: str | Path, keys: tuple[str, ...], shared: Path) -> int | None:
    """Copy the saved index of the store's content (``keys``) to the shared folder as the
    index of generation 0; how many entities it holds, or None (none saved, or damaged)."""
    saved = saved_folder(store)
    if saved is None or not keys:
        return None
    found = _find_saved(saved, keys)
    if found is None:
        return None
    path, header, body = found
    _save(None, shared, shared / "0.json", body)
    entities = int(header.get("entities") or 0)
    if not set(keys) <= set(header.get("stores") or ()):  # (and marks it the newest used)
        _keep(saved, body, keys, entities, header)
    else:
        with contextlib.suppress(OSError):
            os.utime(path)
    return entities


# ---------------------------------------------------------------------- after this server's writes


def keep_after_write(holder: IndexHolder, qs: Any) -> tuple[str, int, int] | None:
    """After a write this server took (``/update``, the Graph Store, ``/store``): bring the
    worker's index up to the newest generation (:meth:`IndexHolder.get`) and keep it for the
    next start, keyed as that start will key it, so that a restart after writes through the
    endpoint reuses it instead of building it (as after ``diplograph build`` or ``load``).

    The keys are the fingerprints (:func:`~diplograph.graph.fingerprint.content_fingerprint`)
    of the newest checkpoint and of the live store, read under the store's write lock and
    only while the index's generation is still the newest (no write came since the index was
    read; a later write's own keeping keeps the index of its data): the next start's
    generation 0 is a checkpoint of the live store as the last write closed it
    (:meth:`~diplograph.graph.checkpoints.Checkpoints.prepare`). An opening that compacts it
    makes other tables: a miss, and a build, never a stale index. How it went:
    ``("kept", entities, generation)``, ``("found", entities, generation)`` (kept already),
    or None (nothing kept: ``DIPLOGRAPH_NO_CACHE``, no checkpoints, another write came, no
    fingerprint)."""
    checkpoints = getattr(qs, "checkpoints", None)
    saved = saved_folder(qs.store_path) if checkpoints is not None else None
    if saved is None:
        return None
    from ..graph.fingerprint import content_fingerprint

    holder.get(qs)
    with holder._lock:
        state = holder._state
        if state is None or state.service is not qs:
            return None
        generation = state.generation
        entities = len(state.index)
        body = _encode(state)
    with checkpoints._locked():  # no write meanwhile: the live store is closed and as it is
        current = checkpoints.current()
        if current.generation != generation:
            return None
        keys = tuple(dict.fromkeys(k for k in (content_fingerprint(current.path),
                                               content_fingerprint(checkpoints.store_path))
                                   if k))
    if not keys:
        return None
    found = _find_saved(saved, keys)
    if found is not None:
        return "found", int(found[1].get("entities") or 0), generation
    kept = _keep(saved, body, keys, entities)
    return ("kept", entities, generation) if kept is not None else None


# ---------------------------------------------------------------------- the name matcher

#: the search that no indexed name holds is read by the linking matcher (server/search.py,
#: server/reconcile.py): about 2 s of CPU to make on the real graph, so the builder makes the
#: one of generation 0 after the index and shares it with the workers, which load it when
#: idle (about 0.4 s), and a request that needs it meanwhile waits for it


#: the longest the builder waits for a moment without pages in flight before it makes the
#: matcher (no request waits for a matcher the builder has not begun: it can wait longer than
#: the index's :data:`STEP_ASIDE_S`)
MATCHER_STEP_ASIDE_S = 10.0
#: how long no page must be in flight before the builder makes the matcher (longer than
#: :data:`QUIET_S`: the first pages of a start come a few tens of milliseconds apart, and
#: the matcher's 2 s of CPU must not fall among them)
MATCHER_QUIET_S = 1.0


def _matcher_lock(root: Path) -> Path:
    """The lock the builder holds while it makes the matcher of generation 0."""
    return root / "matcher.lock"


def _matcher_file(root: Path) -> Path:
    """Where the builder shares the matcher of generation 0 (a pickle, made by this very
    server run and deleted with its checkpoints: never one of another code or run)."""
    return root / "matcher" / "0.pickle"


#: how many matchers the user's cache folder keeps (about 5.5 MB each on the full graph)
MATCHERS_KEPT = 3


def kept_matcher_file(keys: tuple[str, ...]) -> Path | None:
    """Where the matcher of a store whose content is ``keys`` (its checkpoints' content
    keys) is kept between starts: named after those keys, the Python and pyoxigraph versions
    (the pickle's and the store's) and a hash of every file of the matcher's code and tables
    (``linking/``, the registry's code, :mod:`.matcher_start`): a matcher of other data or
    other code is never read. None when nothing is kept (``DIPLOGRAPH_NO_CACHE``, no keys).

    >>> kept_matcher_file(()) is None
    True
    """
    folder = user_cache_folder("matchers")
    if folder is None or not keys:
        return None
    package = Path(__file__).resolve().parent.parent
    code = [*sorted(p for p in (package / "linking").rglob("*")
                    if p.is_file() and "__pycache__" not in p.parts),
            package / "graph" / "registry.py", package / "server" / "matcher_start.py"]
    digest = hashlib.sha256(repr((sys.version, ox.__version__, sorted(keys))).encode())
    try:
        for f in code:
            digest.update(b"\0" + f.relative_to(package).as_posix().encode() + b"\0")
            digest.update(f.read_bytes())
    except OSError:
        return None
    return folder / f"matcher-{digest.hexdigest()[:24]}.pickle"


def _keep_matcher(path: Path, body: bytes) -> None:
    """Keep ``body`` at ``path`` (atomically), and only the :data:`MATCHERS_KEPT` newest."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(body)
        os.replace(tmp, path)
        kept = sorted(path.parent.glob("matcher-*.pickle"), key=lambda p: p.stat().st_mtime,
                      reverse=True)
        for old in kept[MATCHERS_KEPT:]:
            old.unlink(missing_ok=True)


def _matcher_started(root: Path) -> Path:
    """The mark the builder leaves as it begins to make the matcher."""
    return root / "matcher" / "started"


def shared_matcher(qs: Any, generation: int, wait: float = SHARED_WAIT_S) -> Any:
    """The matcher and its sorted folded names as the builder shared them for ``generation``
    of ``qs``'s store (:func:`start_builder`), waiting (at most ``wait`` s) while it makes
    them; None if none (another generation, no builder, it failed, or it has not begun to
    make them: the caller makes its own rather than wait for the index's build and the
    matcher's, the builder's lower priority, one after the other)."""
    folder = _shared_folder(qs)
    if folder is None or generation != 0:
        return None
    root = folder.parent
    path = _matcher_file(root)
    if not path.exists() and not _matcher_started(root).exists():
        return None
    with _file_lock(_matcher_lock(root), wait):
        pass
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        log.warning("the shared matcher %s could not be read; making it", path, exc_info=True)
        return None
    t0 = time.perf_counter()
    try:
        found = pickle.loads(body)  # noqa: S301 - written by this server run's builder
    except Exception:  # noqa: BLE001 - made again by the caller
        log.warning("the shared matcher %s could not be loaded; making it", path,
                    exc_info=True)
        return None
    log.debug("matcher of generation 0 loaded in %.3f s", time.perf_counter() - t0)
    return found


def wait_for_shared_matcher(qs: Any, wait: float = SHARED_WAIT_S) -> None:
    """Wait (at most ``wait`` s) while the builder makes the matcher of generation 0."""
    folder = _shared_folder(qs)
    if folder is not None:
        with _file_lock(_matcher_lock(folder.parent), wait):
            pass


def shared_matcher_made(qs: Any) -> bool:
    """Whether the builder has shared the matcher of generation 0 (without waiting)."""
    folder = _shared_folder(qs)
    return folder is not None and _matcher_file(folder.parent).is_file()


def _share_matcher_in_this_process(lock_fd: int, workers: int, started: str) -> None:
    """The builder's second work: make the matcher of generation 0 from its checkpoint, once
    the workers have started and no page is in flight, and share it in the checkpoints'
    folder; then let its lock go (also when it failed: the workers make it then)."""
    try:
        from ..graph.checkpoints import Checkpoints
        from .config import load_config
        from .matcher_start import build_matcher

        if workers and started:
            _wait_for_workers(Path(started), workers, WORKERS_WAIT_S)
        _StepAside(Path(started) if started else None, MATCHER_STEP_ASIDE_S, MATCHER_QUIET_S)()
        t0 = time.perf_counter()
        checkpoints = Checkpoints(load_config()["DIPLOGRAPH_STORE"])
        current = checkpoints.current()
        if current.generation != 0:
            return  # a write came: the workers make the matcher of its generation
        path = _matcher_file(checkpoints.root)
        path.parent.mkdir(parents=True, exist_ok=True)
        _matcher_started(checkpoints.root).touch()
        kept = kept_matcher_file(checkpoints.content_keys())
        body = None
        if kept is not None:
            with contextlib.suppress(OSError):
                body = kept.read_bytes()
                os.utime(kept)  # the newest used
        if body is None:
            made = build_matcher(ox.Store.read_only(current.path), log.warning)
            body = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
            if kept is not None:
                _keep_matcher(kept, body)
            how = "made for the workers"
        else:
            how = f"reused for the workers (kept in {kept.parent} by an earlier start)"
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(body)
        os.replace(tmp, path)
        log.info("name matcher of generation 0 %s in %.2f s (%d bytes)", how,
                 time.perf_counter() - t0, len(body))
    except Exception:  # noqa: BLE001 - the workers make it themselves
        log.warning("the name matcher could not be made at start", exc_info=True)
    finally:
        os.close(lock_fd)


# ---------------------------------------------------------------------- made by a write

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _has_local_store(qs: Any) -> bool:
    """Whether ``qs`` serves the embedded store with the union default graph the queries
    read (so its triples can be scanned by pattern, every graph at once); a remote
    engine's service holds only a mirror of a few graphs."""
    from ..graph.executor import QueryService

    return isinstance(qs, QueryService) and qs.union_default_graph


def _read_by_patterns(qs: Any, generation: int,
                      pause: Callable[[], None] | None = None) -> _State:
    """What :meth:`IndexHolder._read_by_queries` makes (the same rows, the same subjects per
    graph, so the same index and the same encoding), read with triple patterns instead of
    its two SPARQL queries: each name property's triples and each class's members are
    scanned once and serve both the index's rows
    (:func:`~diplograph.linking.search.index_query`) and the subjects per graph
    (:func:`graph_subjects_query`). On the full graph: 0.4 s of CPU instead of 1.0 s (the
    query engine evaluated the joins and the filters term by term). ``pause`` is called
    before the classes, their members and the names are read (three times, as the queries'
    reader does: the start's builder steps aside there for pages in flight).

    The rows are those of the SELECT DISTINCT, duplicates included: ``?name`` is a term
    there (``"VN"`` and ``"VN"^^xsd:token`` are two rows with one text), so a row here is
    kept once per N-Triples form of its name."""
    from ..linking.search import _NAME_PROPS, _WD_ENTITY, LABEL_RANK

    pause = pause or (lambda: None)
    pause()
    store = qs.read_store()
    classes = IndexHolder._classes(qs)
    kinds_of: dict[str, list[str]] = {}  # subject -> its kinds, in the order first seen
    by_graph: dict[str, set[str]] = {}
    a = ox.NamedNode(RDF_TYPE)
    pause()
    for c, kind in classes:
        for q in store.quads_for_pattern(None, a, ox.NamedNode(c), None):
            s = q.subject
            if not isinstance(s, ox.NamedNode):
                continue
            sv = s.value
            found = kinds_of.setdefault(sv, [])
            if kind not in found:
                found.append(kind)
            g = q.graph_name
            if isinstance(g, ox.NamedNode):
                by_graph.setdefault(g.value, set()).add(sv)
    rows: list[tuple[str, str, str, str | None, str | None]] = []
    seen: set[tuple[str, str, str, str, str]] = set()
    wd_q = _WD_ENTITY + "Q"
    pause()
    for p, ptag in _NAME_PROPS.items():
        rank = str(LABEL_RANK.get(p, 9))
        for q in store.quads_for_pattern(None, ox.NamedNode(p), None, None):
            s = q.subject
            if not isinstance(s, ox.NamedNode):
                continue
            sv = s.value
            g = q.graph_name
            if isinstance(g, ox.NamedNode):
                by_graph.setdefault(g.value, set()).add(sv)
            found = kinds_of.get(sv)
            if found is None:
                continue
            o = q.object
            if ptag == "qid":
                if isinstance(o, ox.BlankNode) or not o.value.startswith(wd_q):
                    continue
                name = o.value[len(_WD_ENTITY):]
                term, tag = str(ox.Literal(name)), "code"
            elif isinstance(o, ox.Literal):
                name, term = o.value, str(o)
                tag = (o.language or "") if ptag is None else ptag
            else:
                continue
            for kind in found:
                key = (sv, kind, term, tag, rank)
                if key not in seen:
                    seen.add(key)
                    rows.append((sv, kind, name, tag, rank))
    return _State(qs, generation, SearchIndex.from_rows(rows), classes,
                  dict(sorted(by_graph.items())))


#: the most times :func:`keep_for_next_start` opens the store again while its openings compact
#: it. Each opening of a store a write has just left runs about one step of RocksDB's
#: compactions (the fixture store after ``diplograph load`` of a facts file: 4 openings until
#: one changes nothing); a start that opens a store still short of that runs the next step
#: itself, and when that step ends before the start's checkpoint is taken (a race on a small
#: store) the start's checkpoint has other tables. The start also keys its data by the store's
#: tables as its opening found them (:meth:`~diplograph.graph.checkpoints.Checkpoints.prepare`),
#: which are the keeper's last, so it finds the kept index whatever its opening compacts;
#: the settling keeps that opening's work short. A compacted store (``diplograph build``'s)
#: is settled at the first opening.
SETTLE_OPENINGS = 8


def keep_for_next_start(store: str | Path) -> tuple[str, int] | None:
    """Make the search index of the store at ``store`` and keep it for the next start, keyed
    as that start will key it; for ``diplograph build`` and ``load``, once their write has
    closed the store (so the first start after them reuses it instead of building it).

    The store is opened as a start opens it (:class:`~diplograph.graph.executor.QueryService`
    holding the serving lock, :meth:`~diplograph.graph.checkpoints.Checkpoints.prepare`): a
    write leaves data in RocksDB's logs (no fingerprint), and the opening flushes it into
    tables; the start after this one finds those tables, hence the same fingerprint. How it
    went, ``("kept", entities)`` or ``("found", entities)`` (an index of this content was
    kept already: nothing read), or None: nothing kept (``DIPLOGRAPH_NO_CACHE``, a service
    holds the store, no fingerprint, or the index could not be made; the start builds it
    then, as before)."""
    saved = saved_folder(store)
    if saved is None:
        return None
    from ..graph.errors import DiplographError
    from ..graph.executor import QueryService
    from .config import load_config

    try:
        cfg = load_config()
        qs = QueryService(store, timeout=cfg["DIPLOGRAPH_QUERY_TIMEOUT"],
                          max_rows=cfg["DIPLOGRAPH_MAX_ROWS"],
                          max_bytes=cfg["DIPLOGRAPH_MAX_BYTES"], workers=1,
                          union_default_graph=True, isolation="thread")
    except DiplographError as e:  # served meanwhile, or unreadable: the start builds it
        log.info("search index not made for the next start: %s", e.message)
        return None
    except OSError as e:  # (the checkpoints' folder beside the store cannot be made)
        log.warning("search index not made for the next start: %s", e)
        return None
    try:
        # an opening may compact what the write left (a load is not compacted): the start after
        # this one would find other tables. Opened again until an opening changes nothing
        # (its checkpoint's tables are the store's as it closed), every state a key
        last = qs.checkpoints.content_keys()
        keys = last
        for _ in range(SETTLE_OPENINGS):
            if len(last) < 2:  # one key: the opening changed nothing (none: unknown)
                break
            qs.checkpoints.prepare()
            last = qs.checkpoints.content_keys()
            keys = tuple(dict.fromkeys((*keys, *last)))
        if not keys:
            return None
        if len(last) >= 2:
            log.info("the store was still compacting after %d openings: the first start may "
                     "build the search index", SETTLE_OPENINGS)
        found = _find_saved(saved, keys)
        if found is not None:
            return "found", int(found[1].get("entities") or 0)
        state = _read_by_patterns(qs, qs.generation)
        body = _encode(state)
        return ("kept", len(state.index)) if _keep(saved, body, keys, len(state.index)) \
            else None
    except Exception:  # noqa: BLE001 - the start builds it
        log.warning("the search index could not be made for the next start", exc_info=True)
        return None
    finally:
        qs.close()


# ---------------------------------------------------------------------- built at a start

#: how much lower the builder's CPU priority is (``nice``): the pages the workers answer
#: meanwhile get the CPU first on a busy machine
BUILDER_NICE = 5


#: the longest the builder waits for the workers to have started before it builds anyway
WORKERS_WAIT_S = 30.0


class Builder:
    """The process that builds the search index at a start (:func:`start_builder`), reaped
    as soon as it ends."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        #: its exit status once it ended
        self.status: int | None = None
        self._reaper = threading.Thread(target=self._reap, name="search-index-builder",
                                        daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        with contextlib.suppress(ChildProcessError):
            _, status = os.waitpid(self.pid, 0)
            self.status = os.waitstatus_to_exitcode(status)

    def running(self) -> bool:
        return self._reaper.is_alive()

    def wait(self, timeout: float | None = None) -> int | None:
        """Its exit status, once it ended (None if still running after ``timeout`` s)."""
        self._reaper.join(timeout)
        return self.status

    def stop(self) -> None:
        """End it if it still runs (the server stops)."""
        if self.running():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self.wait(10)


def start_builder(checkpoints_root: Path, workers: int = 0,
                  started: Path | None = None) -> Builder:
    """Start building the search index of the newest checkpoint in a child process that
    writes it to the shared folder under ``checkpoints_root``; called by ``diplograph serve``
    once the checkpoints are published and before the workers start. The child first waits
    (at most :data:`WORKERS_WAIT_S`) until ``workers`` files named by a process id are in
    the folder ``started`` (each worker writes one when its app is built: the server's
    in-flight folder), so that it does not slow the start.

    The child is forked, not a new interpreter: it has what it needs imported already and
    costs the start nothing (the server's main process has no store open: it publishes the
    checkpoints in a subprocess, and forks its workers the same way). The shared lock is
    taken here and kept by the child alone (an inherited descriptor: the lock is its until it
    exits), so every worker that needs the index waits for this build and loads it; if the
    child fails, the lock is released with it and a worker builds the index. The settings
    (store, row cap, time limit) come from the ``DIPLOGRAPH_*`` environment."""
    folder = _folder_in(Path(checkpoints_root))
    lock = folder.with_name(folder.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    mfd = os.open(_matcher_lock(Path(checkpoints_root)), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a fresh folder: nobody else holds it
        fcntl.flock(mfd, fcntl.LOCK_EX)
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the builder: never returns
            code = 1
            try:
                code = _build_in_this_process(fd, parent, workers, str(started or ""))
                _share_matcher_in_this_process(mfd, workers, str(started or ""))
            finally:
                os._exit(code)
    finally:
        os.close(fd)  # the child's copies hold the locks
        os.close(mfd)
    return Builder(pid)


def _build_in_this_process(lock_fd: int, parent: int, workers: int = 0,
                           started: str = "") -> int:
    """The builder's work (:func:`start_builder`, whose process is ``parent``): wait for the
    workers to start, read the store's newest checkpoint, write the index to the shared
    folder, let the lock go. The exit status."""
    _end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C at a terminal: the server stops it
    with contextlib.suppress(OSError):
        os.nice(BUILDER_NICE)
    from ..graph.checkpoints import Checkpoints  # (imported by serve already)
    from ..graph.errors import DiplographError
    from .config import load_config

    keys: tuple[str, ...] = ()
    try:
        t0 = time.perf_counter()
        store = load_config()["DIPLOGRAPH_STORE"]
        checkpoints = Checkpoints(store)
        keys = checkpoints.content_keys()
        if keys and checkpoints.current().generation == 0:
            entities = _reuse_saved(store, keys, _folder_in(checkpoints.root))
            if entities is not None:
                log.info("search index of generation 0 reused: the store's content is that "
                         "of an index saved in %s (%d entities, %.2f s)", saved_folder(store),
                         entities, time.perf_counter() - t0)
                os.close(lock_fd)
                return 0
    except DiplographError:
        pass  # said below
    except Exception:  # noqa: BLE001 - built below
        log.warning("the saved search index could not be read", exc_info=True)
    if workers and started:
        _wait_for_workers(Path(started), workers, WORKERS_WAIT_S)
    from ..graph.executor import QueryService  # (imported once the workers have started)

    try:
        cfg = load_config()
        qs = QueryService(cfg["DIPLOGRAPH_STORE"], timeout=cfg["DIPLOGRAPH_QUERY_TIMEOUT"],
                          max_rows=cfg["DIPLOGRAPH_MAX_ROWS"],
                          max_bytes=cfg["DIPLOGRAPH_MAX_BYTES"], workers=1,
                          union_default_graph=True, isolation="thread", prepared=True)
    except DiplographError as e:
        log.warning("the search index was not built at start: %s", e.message)
        return 1
    try:
        folder = _shared_folder(qs)
        assert folder is not None
        t0 = time.perf_counter()
        generation = qs.generation
        state = IndexHolder()._read(qs, generation, _StepAside(Path(started) if started else None))
        body = _encode(state)
        _save(state, folder, folder / f"{generation}.json", body)
        log.info("search index of generation %d built at start: %d entities in %.2f s",
                 generation, len(state.index), time.perf_counter() - t0)
        saved = saved_folder(cfg["DIPLOGRAPH_STORE"])
        # kept only if every query read generation 0 (no write came meanwhile)
        if saved is not None and keys and generation == 0 and qs.generation == 0:
            os.close(lock_fd)  # the workers may load it now
            lock_fd = -1
            kept = _keep(saved, body, keys, len(state.index))
            if kept is not None:
                log.info("search index kept for the next starts in %s", kept)
        return 0
    except Exception:  # noqa: BLE001 - the workers build it themselves
        log.warning("the search index could not be built at start", exc_info=True)
        return 1
    finally:
        if lock_fd >= 0:
            os.close(lock_fd)
        qs.close()


#: the builder steps aside while the workers answer pages, for at most this long in all
STEP_ASIDE_S = 2.0
#: how long no page must be in flight before the builder goes on
QUIET_S = 0.15


class _StepAside:
    """Called by the builder before each of its queries: wait until no worker has answered a
    page for :data:`QUIET_S` (read in the workers' in-flight slots, ``folder``), for at most
    :data:`STEP_ASIDE_S` over the whole build. Searches, index pages and named-query pages
    do not count: they wait for the build."""

    def __init__(self, folder: Path | None, budget: float = STEP_ASIDE_S,
                 quiet: float = QUIET_S) -> None:
        self.folder = folder
        self.budget = budget
        self.quiet = quiet

    def __call__(self) -> None:
        if self.folder is None or self.budget <= 0:
            return
        t0 = time.monotonic()
        quiet_since = t0
        while time.monotonic() - t0 < self.budget:
            now = time.monotonic()
            if _pages_in_flight(self.folder):
                quiet_since = now
            elif now - quiet_since >= self.quiet:
                break
            time.sleep(0.02)
        self.budget -= time.monotonic() - t0


def _pages_in_flight(folder: Path) -> bool:
    """Whether a worker is answering a request that does not wait for the index."""
    from .supervisor import read_in_flight

    with contextlib.suppress(OSError):
        for f in folder.iterdir():
            if f.name.isdigit():
                for record in read_in_flight(folder, int(f.name), remove=False):
                    path = record.split(" ", 2)[1] if record.count(" ") >= 1 else ""
                    if not _waits_for_index(path):
                        return True
    return False


def _waits_for_index(path: str) -> bool:
    """Whether a request for ``path`` needs the search index (so the builder must not wait
    for it).

    >>> [_waits_for_index(p) for p in ("/search.json", "/page/state/", "/queries/x",
    ...                                 "/page/state/FRA", "/sparql")]
    [True, True, True, False, False]
    """
    if path.startswith(("/search", "/queries")):
        return True
    parts = path.split("/")
    return len(parts) == 4 and parts[1] == "page" and parts[3] == ""


def _wait_for_workers(folder: Path, workers: int, timeout: float) -> bool:
    """Wait until ``folder`` holds ``workers`` files named by a process id (at most
    ``timeout`` s); whether it does.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "123").touch(); (d / "123.drain").touch()
    >>> _wait_for_workers(d, 1, 0), _wait_for_workers(d, 2, 0.05)
    (True, False)
    """
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError):
            if sum(1 for f in folder.iterdir() if f.name.isdigit()) >= workers:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def _end_with_parent(parent: int) -> None:
    """The builder ends with the server that started it (``kill -9`` included): it must not
    write an index into the checkpoints of the server's next start. It is named
    ``search-index`` in ``ps``/``top``."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
        libc.prctl(15, b"search-index", 0, 0, 0)  # PR_SET_NAME
    if os.getppid() != parent:  # it died before the call
        os._exit(1)


