"""The embedded, on-disk pyoxigraph store.

The store lives in a directory. It is, in order of precedence, the ``--store DIR`` option,
the ``DIPLOGRAPH_STORE`` environment variable, or ``$XDG_DATA_HOME/diplograph/store``
(``~/.local/share/diplograph/store``).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import DiplographError
from .terms import to_bytes

ENV_STORE = "DIPLOGRAPH_STORE"


def default_store_path() -> Path:
    """The store directory used when no ``--store`` is given."""
    env = os.environ.get(ENV_STORE)
    if env:
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "diplograph" / "store"


def caches_kept() -> bool:
    """Whether what can be rebuilt is kept between processes: not when ``DIPLOGRAPH_NO_CACHE``
    is set (the user's cache folder, :func:`user_cache_folder`, and the search index kept
    beside a store)."""
    return not os.environ.get("DIPLOGRAPH_NO_CACHE")


def user_cache_folder(name: str = "") -> Path | None:
    """Where commands keep what they can rebuild between processes (the registry, SHACL
    verdicts, compiled page templates): ``$XDG_CACHE_HOME/diplograph/{name}`` (by default
    under ``~/.cache``). None when ``DIPLOGRAPH_NO_CACHE`` is set: nothing is kept."""
    if not caches_kept():
        return None
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(home) / "diplograph"
    return folder / name if name else folder


def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store at ``path`` (default :func:`default_store_path`).

    A read-only store is a snapshot, and it can be opened beside a writer. Reopen it to see
    later writes.
    """
    p = Path(path) if path is not None else default_store_path()
    try:
        if read_only:
            if not p.exists():
                raise DiplographError("not-found", f"no store at {p}: run `diplograph build` first")
            return ox.Store.read_only(str(p))
        from .checkpoints import check_not_served

        check_not_served(p)
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as e:
        raise DiplographError("storage", f"cannot open the store at {p}: {e}") from e


#: Up to this many quads, pyoxigraph's bulk loader writes one batch: one set of sorted files
#: ingested by RocksDB in a single atomic step (``IngestExternalFiles`` over every index).
BULK_BATCH = 1_000_000
#: A new graph of at most this many lines is written in one transaction (``Store.load``), not
#: bulk-loaded: a bulk load ingests a table per index, and the tables of the indexes keyed by
#: subject, predicate or object and of the strings overlap everything already in the store,
#: so RocksDB merges them down, rewriting each of those indexes whole, however few triples the
#: graph has. A transaction's lines wait in RocksDB's memory table and reach the tables with
#: the next bulk load's (the flush it forces), in the same merge.
SMALL_GRAPH_LINES = 20_000
#: :func:`replace_streamed` writes a graph in files of at most this many lines, and a new graph
#: of several files is bulk-loaded two files at a time: smaller batches cost the bulk loader
#: less CPU per quad (sorting), and two of them keep both CPUs busy (the bulk loader works on
#: one batch in one thread).
PART_LINES = 300_000
#: :func:`replace_streamed` (and :func:`write_parts` when asked) holds a graph's parts in
#: memory, as ``bytes``, up to this many bytes in all; the parts after that go to temporary
#: files, so the memory needed stays bounded however large a data set grows. Handing the
#: bulk loader bytes instead of a file it reads back saves the system time of writing and
#: reading the text (about 0.7 s of CPU for the 190 MB of the Wikidata-shaped view).
MEMORY_BYTES = 256 * 2**20

#: A part of a graph's N-Triples text: the path of a temporary file, or the text itself.
Part = str | os.PathLike[str] | bytes
Files = str | os.PathLike[str] | Sequence[Part]


def _paths(ntriples: Files) -> list[str | bytes]:
    if isinstance(ntriples, str | os.PathLike):
        return [os.fspath(ntriples)]
    return [p if isinstance(p, bytes) else os.fspath(p) for p in ntriples]


def bulk_load_files(store: ox.Store, graph: ox.NamedNode, files: Sequence[str | bytes], *,
                    lenient: bool = False) -> None:
    """Bulk-load the N-Triples ``files`` (paths, or the text as ``bytes``) into ``graph``,
    two at a time (pyoxigraph releases the GIL while it loads), or one by one on a single
    CPU."""
    def load(part: str | bytes) -> None:
        if isinstance(part, bytes):
            store.bulk_load(part, format=ox.RdfFormat.N_TRIPLES, to_graph=graph,
                            lenient=lenient)
            return
        store.bulk_load(path=part, format=ox.RdfFormat.N_TRIPLES, to_graph=graph,
                        lenient=lenient)

    workers = min(len(files), 2, os.cpu_count() or 1)
    if workers <= 1:
        for path in files:
            load(path)
        return
    with ThreadPoolExecutor(workers, thread_name_prefix="bulk-load") as pool:
        for done in [pool.submit(load, path) for path in files]:
            done.result()  # the first error, once every load has ended


def replace_graph_atomically(store: ox.Store, graph: str, ntriples: Files,
                             count: int, *, lenient: bool = False) -> int:
    """Replace the named graph ``graph`` by the triples of the N-Triples file ``ntriples``
    (``count`` lines; or several parts, files or ``bytes``, together the graph), so that a
    crash at any moment
    (SIGKILL, power loss) leaves either the whole previous graph or the whole new one, never
    an empty or half-written graph.

    * A graph the store does not hold yet of at most :data:`SMALL_GRAPH_LINES` lines is
      written in one transaction (``Store.load``: atomic, and no tables for RocksDB to merge).
    * A larger graph the store does not hold yet is bulk-loaded (as fast as ``oxigraph
      load``): up to :data:`BULK_BATCH` quads the bulk loader ingests one batch of index
      files in one atomic RocksDB step. A graph given in several files
      (:func:`replace_streamed` writes one file per :data:`PART_LINES` lines) is ingested
      in several batches, two at a time
      (:func:`bulk_load_files`; one transaction of a million quads or more costs several
      times the CPU and gigabytes of memory): a crash between two leaves part of a graph
      that did not exist, which the next build replaces by the whole one
      (``loaders/build.py`` records a graph's fingerprint only once it is loaded, so the
      step runs again and writes the difference).
    * A graph the store holds is compared with the new triples, line by line in N-Triples
      (the store's dump against the file), and only the difference is written, in one
      transaction (one SPARQL update of ``DELETE DATA`` and ``INSERT DATA``): a rebuild of
      unchanged data writes nothing, a small change writes little. A triple written in
      another lexical form than the store's (``"012"^^xsd:integer``) is deleted and inserted
      in the same transaction, which leaves it in place.

    Blank nodes cannot be compared this way: the file must have none (skolemise them).
    ``lenient``: skip the bulk loader's IRI and language-tag checks (for text this package
    wrote itself and tests). Returns the number of lines written to the store (0 when the
    graph was already equal).

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "g.nt"
    >>> store = ox.Store()
    >>> _ = f.write_text('<http://e/s> <http://e/p> "a" .\\n<http://e/s> <http://e/p> "b" .\\n')
    >>> replace_graph_atomically(store, "http://e/g", f, 2)
    2
    >>> _ = f.write_text('<http://e/s> <http://e/p> "b" .\\n<http://e/s> <http://e/p> "c" .\\n')
    >>> replace_graph_atomically(store, "http://e/g", f, 2)
    2
    >>> replace_graph_atomically(store, "http://e/g", f, 2)
    0
    >>> sorted(q.object.value for q in store)
    ['b', 'c']
    """
    g = ox.NamedNode(graph)
    files = _paths(ntriples)
    if not store.contains_named_graph(g):
        if count <= SMALL_GRAPH_LINES:
            text = b"".join(p if isinstance(p, bytes) else Path(p).read_bytes() for p in files)
            store.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=g, lenient=lenient)
            return count
        bulk_load_files(store, g, files, lenient=lenient)
        return count
    new: set[bytes] = set()
    for part in files:
        new.update((part if isinstance(part, bytes) else Path(part).read_bytes()).splitlines())
    new.discard(b"")
    old = set((store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b"").splitlines())
    gone, added = old - new, new - old
    del new, old
    if not gone and not added:
        return 0
    if any(_BLANK.search(line) for line in added):
        raise DiplographError("internal", f"<{graph}>: blank nodes in a replaced graph")
    ops = []
    if gone:
        ops.append(f"DELETE DATA {{ GRAPH {g} {{\n{_lines(gone)}}} }}")
    if added:
        ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{_lines(added)}}} }}")
    store.update(" ;\n".join(ops))
    return len(gone) + len(added)


_BLANK = re.compile(rb"^_:|> _:[^ \"<>]* \.$")


def _lines(lines: set[bytes]) -> str:
    return b"\n".join(sorted(lines)).decode("utf-8") + "\n"


def write_ntriples(fh: IO[bytes], items: Iterable[ox.Quad | str], graph: ox.NamedNode,
                   tap: Callable[[list[ox.Quad | str]], object] | None = None) -> int:
    """Write ``items`` to ``fh`` as N-Triples and return how many there were. An item is an
    N-Triples line (``str``, ending in a newline: what the data-set loaders write, see
    ``loaders/tables.py``) or a ``pyoxigraph.Quad`` (serialised by pyoxigraph, in chunks;
    its graph is ignored: everything goes to ``graph``). ``tap``: called with each chunk of
    items (a list, in order) before it is written, e.g. to keep some of the triples.

    Items are taken in chunks of 8,192; a chunk of lines only is joined and written at once
    (no work per line in Python).

    >>> import io
    >>> fh = io.BytesIO()
    >>> write_ntriples(fh, ['<http://e/s> <http://e/p> "a" .\\n'], ox.NamedNode("http://e/g"))
    1
    """
    n = 0
    tail = f" {graph} .".encode()
    text: list[str] = []

    def flush_quads(chunk: list[ox.Quad]) -> None:
        if all(q.graph_name == graph for q in chunk):  # N-Quads minus the graph: N-Triples
            data = to_bytes(chunk, ox.RdfFormat.N_QUADS)
            fh.write(data.replace(tail + b"\n", b" .\n"))
        else:
            fh.write(to_bytes([ox.Triple(q.subject, q.predicate, q.object) for q in chunk],
                              ox.RdfFormat.N_TRIPLES))

    it = iter(items)
    while chunk := list(islice(it, 8192)):
        n += len(chunk)
        if tap is not None:
            tap(chunk)
        if ox.Quad not in set(map(type, chunk)):  # lines only: one write
            fh.write("".join(chunk).encode("utf-8"))  # type: ignore[arg-type]
            continue
        quads: list[ox.Quad] = []
        for item in chunk:  # a mixed chunk keeps its order
            if isinstance(item, str):
                if quads:
                    flush_quads(quads)
                    quads = []
                text.append(item)
            else:
                if text:
                    fh.write("".join(text).encode("utf-8"))
                    text.clear()
                quads.append(item)
        if quads:
            flush_quads(quads)
        if text:
            fh.write("".join(text).encode("utf-8"))
            text.clear()
    return n


def replace_streamed(store: ox.Store, graph: str, items: Iterable[ox.Quad | str],
                     tap: Callable[[list[ox.Quad | str]], object] | None = None) -> int:
    """Replace ``graph`` by ``items`` (quads or N-Triples lines, :func:`write_ntriples`)
    atomically, holding at most :data:`MEMORY_BYTES` of their text in memory: they are
    written to parts first (one per :data:`PART_LINES` lines, ``bytes`` and then temporary
    N-Triples files, :func:`write_parts`), and the graph is touched only once every
    item was produced, so an error
    while producing them (a refused data file) leaves the graph as it was; then the file
    replaces the graph in one atomic step (:func:`replace_graph_atomically`: a
    bulk load for a new graph, the difference in one transaction for an existing one), so
    a build killed at any moment leaves the old graph or the new one, never a half.
    ``tap``: see :func:`write_ntriples`."""
    files, n = write_parts(graph, items, tap, memory=MEMORY_BYTES)
    try:
        # lenient: the text was written by pyoxigraph (quads) or by loaders/tables.py, whose
        # output tests/loaders/test_tables.py parses strictly for every data set
        replace_graph_atomically(store, graph, files, n, lenient=True)
    finally:
        discard(files)
    return n


def write_parts(graph: str, items: Iterable[ox.Quad | str],
                tap: Callable[[list[ox.Quad | str]], object] | None = None,
                memory: int = 0) -> tuple[list[str | bytes], int]:
    """Write ``items`` (:func:`write_ntriples`) in parts of at most :data:`PART_LINES`
    lines: ``(parts, number of items)``, for :func:`replace_graph_atomically`. The parts are
    held in memory as ``bytes`` while they add up to at most ``memory`` bytes (none by
    default), the rest are temporary N-Triples files; the caller removes them
    (:func:`discard`). On an error while producing the items, the files written so far are
    removed.

    >>> parts, n = write_parts("http://e/g", ['<http://e/s> <http://e/p> "a" .\\n'],
    ...                        memory=MEMORY_BYTES)
    >>> n, parts
    (1, [b'<http://e/s> <http://e/p> "a" .\\n'])
    """
    g = ox.NamedNode(graph)
    files: list[str | bytes] = []
    n = 0
    held = 0  # bytes held in memory
    it = iter(items)
    try:
        while True:  # one part per PART_LINES lines
            if held < memory:
                buf = io.BytesIO()
                k = write_ntriples(buf, islice(it, PART_LINES), g, tap)
                files.append(buf.getvalue())
                held += buf.tell()
                del buf
            else:
                fd, tmp = tempfile.mkstemp(prefix="diplograph-", suffix=".nt")
                files.append(tmp)
                with os.fdopen(fd, "wb") as fh:
                    k = write_ntriples(fh, islice(it, PART_LINES), g, tap)
            n += k
            if k < PART_LINES:
                return files, n
    except BaseException:
        discard(files)
        raise


def discard(files: Iterable[str | bytes]) -> None:
    """Remove temporary files (those already gone are ignored; parts held in memory have
    nothing to remove)."""
    for tmp in files:
        if isinstance(tmp, bytes):
            continue
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
