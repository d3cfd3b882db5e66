"""The embedded, on-disk pyoxigraph store.

The store lives in a directory. It is, in order of precedence, the ``--store DIR`` option,
the ``DIPLOGRAPH_STORE`` environment variable, or ``$XDG_DATA_HOME/diplograph/store``
(``~/.local/share/diplograph/store``).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
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


def replace_graph_atomically(store: ox.Store, graph: str, ntriples: str | os.PathLike[str],
                             count: int, *, lenient: bool = False) -> int:
    """Replace the named graph ``graph`` by the triples of the N-Triples file ``ntriples``
    (``count`` lines), so that a crash at any moment (SIGKILL, power loss) leaves either the
    whole previous graph or the whole new one, never an empty or half-written graph.

    * A graph the store does not hold yet is bulk-loaded (as fast as ``oxigraph load``): up
      to :data:`BULK_BATCH` quads the bulk loader ingests one batch of index files in one
      atomic RocksDB step. A larger one is ingested in several batches (one transaction
      of a million quads or more costs several times the CPU and gigabytes of memory): a
      crash between two leaves part of a graph that did not exist, which the next build
      replaces by the whole one (``loaders/build.py`` records a graph's fingerprint only
      once it is loaded, so the step runs again and writes the difference).
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
    if not store.contains_named_graph(g):
        store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES, to_graph=g,
                        lenient=lenient)
        return count
    new = set(Path(ntriples).read_bytes().splitlines())
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


def write_ntriples(fh: IO[bytes], items: Iterable[ox.Quad | str], graph: ox.NamedNode) -> int:
    """Write ``items`` to ``fh`` as N-Triples and return how many there were. An item is an
    N-Triples line (``str``, ending in a newline: what the data-set loaders write, see
    ``loaders/tables.py``) or a ``pyoxigraph.Quad`` (serialised by pyoxigraph, in chunks;
    its graph is ignored: everything goes to ``graph``)."""
    n = 0
    chunk: list[ox.Quad] = []
    text: list[str] = []
    tail = f" {graph} .".encode()

    def flush_quads() -> None:
        if all(q.graph_name == graph for q in chunk):  # N-Quads minus the graph: N-Triples
            data = to_bytes(chunk, ox.RdfFormat.N_QUADS)
            fh.write(data.replace(tail + b"\n", b" .\n"))
        else:
            fh.write(to_bytes([ox.Triple(q.subject, q.predicate, q.object) for q in chunk],
                              ox.RdfFormat.N_TRIPLES))
        chunk.clear()

    def flush_text() -> None:
        fh.write("".join(text).encode("utf-8"))
        text.clear()

    for item in items:
        n += 1
        if isinstance(item, str):
            if chunk:
                flush_quads()
            text.append(item)
            if len(text) >= 8192:
                flush_text()
        else:
            if text:
                flush_text()
            chunk.append(item)
            if len(chunk) >= 8192:
                flush_quads()
    if chunk:
        flush_quads()
    if text:
        flush_text()
    return n


def replace_streamed(store: ox.Store, graph: str, items: Iterable[ox.Quad | str]) -> int:
    """Replace ``graph`` by ``items`` (quads or N-Triples lines, :func:`write_ntriples`)
    without holding them in memory, atomically: they are written to a temporary N-Triples
    file first, and the graph is touched only once every item was produced, so an error
    while producing them (a refused data file) leaves the graph as it was; then the file
    replaces the graph in one atomic step (:func:`replace_graph_atomically`: a
    bulk load for a new graph, the difference in one transaction for an existing one), so
    a build killed at any moment leaves the old graph or the new one, never a half."""
    g = ox.NamedNode(graph)
    fd, tmp = tempfile.mkstemp(prefix="diplograph-", suffix=".nt")
    try:
        with os.fdopen(fd, "wb") as fh:
            n = write_ntriples(fh, items, g)
        # lenient: the text was written by pyoxigraph (quads) or by loaders/tables.py, whose
        # output tests/loaders/test_tables.py parses strictly for every data set
        replace_graph_atomically(store, graph, tmp, n, lenient=True)
    finally:
        os.unlink(tmp)
    return n
