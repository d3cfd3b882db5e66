"""What every reference data-set loader shares: reading CSV rows and writing N-Triples.

* :class:`Table`: one CSV file of a data set, read with ``csv.reader``; each cell is checked by
  an accessor whose error names the file (relative to ``data/``), the CSV line and the column:
  ``peace-science/gml_part.csv:12: stmon: 13 is out of range [1, 12]``
  (``DiplographError("bad-input")``). Iterating yields ``(line, values)`` in the order of the
  columns asked for; :meth:`Table.dicts` yields ``{column: value}`` rows.
* :class:`Out`: the triples of one data-set graph written directly as N-Triples lines
  (``str``, one per triple, ending in a newline), not as pyoxigraph objects: the build writes
  them to a file and bulk-loads it (``loaders/build.py``), which costs a fraction of building
  a ``Quad`` per triple. IRIs are :class:`Iri` (the N-Triples form, with ``.value``);
  literals are escaped as pyoxigraph's N-Triples serialiser does, so a rebuild's lines
  compare equal to the store's dump (``graph.store.replace_graph_atomically``).

>>> from diplograph.loaders.datasets import DatasetInfo
>>> out = Out(DatasetInfo("demo", "Demo", (), "c", "1", "l", "k"))
>>> s = out.iri("http://e/s")
>>> s.value
'http://e/s'
>>> out.text(s, "name", 'say "hi"\\n', "en")
'<http://e/s> <https://diplograph.org/ontology#name> "say \\\\"hi\\\\"\\\\n"@en .\\n'
>>> rows_label([7, 2, 3, 4, 9])
'2-4,7,9'
"""

from __future__ import annotations

import builtins
import calendar
import csv
import datetime as dt
import operator
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, overload

from ..graph.errors import DiplographError
from ..graph.namespaces import DCTERMS, DG, DGC, OWL, PROV, RDF, RDFS, XSD

if TYPE_CHECKING:
    from .datasets import DatasetInfo
    from .state_periods import StatePeriods

__all__ = ["Iri", "Out", "Table", "literal", "rows_label"]


# -- reading ---------------------------------------------------------------------------------


class Table:
    """One CSV file of a data set (see the module docstring).

    ``columns``: the columns the loader reads; a file without one of them is refused (line 1).
    Every row must have as many cells as the header.
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

    def _open(self, fh: IO[str], every: bool) -> tuple[Iterator[list[str]], list[str],
                                                      list[builtins.int] | None, builtins.int]:
        """``(csv reader after the header, header, index of the cells asked for or None for
        all in order, width)``; refuses a file without one of :attr:`columns`."""
        reader = csv.reader(fh)
        header = next(reader, [])
        missing = [c for c in self.columns if c not in header]
        if missing:
            raise self.error(", ".join(missing), "missing column", 1)
        index = [header.index(c) for c in (header if every else self.columns)]
        return reader, header, None if index == list(range(len(header))) else index, len(header)

    def _file(self) -> IO[str]:
        if not self.path.is_file():
            raise DiplographError("bad-input", f"data set file missing: {self.file}")
        return self.path.open(encoding="utf-8", newline="")

    def _rows(self, every: bool) -> Iterator[tuple[int, list[str], list[str]]]:
        with self._file() as fh:
            reader, header, index, width = self._open(fh, every)
            for self.line, raw in enumerate(reader, start=2):
                if len(raw) != width:
                    raise self.error("(row)", f"{len(raw)} cells where the header has {width}")
                # cells are not stripped: the checked accessors strip, and so do loaders
                # that compare text
                yield self.line, header, raw if index is None else [raw[i] for i in index]

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        """``(line, cells)`` of every row, the cells in the order of :attr:`columns` (one
        loop over the CSV reader: the hottest path of the largest data sets)."""
        with self._file() as fh:
            reader, _header, index, width = self._open(fh, False)
            pick = None if index is None else operator.itemgetter(*index)
            for self.line, raw in enumerate(reader, start=2):
                if len(raw) != width:
                    raise self.error("(row)", f"{len(raw)} cells where the header has {width}")
                if pick is None:
                    yield self.line, raw
                elif len(index) == 1:  # type: ignore[arg-type]
                    yield self.line, [pick(raw)]
                else:
                    yield self.line, list(pick(raw))

    def dicts(self) -> Iterator[dict[str, str]]:
        """The rows as ``{column: value}`` (every column of the file)."""
        for _line, header, values in self._rows(True):
            yield dict(zip(header, values, strict=True))

    @overload
    def int(self, text: str, col: str, *, lo: builtins.int | None = None,
            hi: builtins.int | None = None, optional: Literal[False] = False) -> builtins.int: ...

    @overload
    def int(self, text: str, col: str, *, lo: builtins.int | None = None,
            hi: builtins.int | None = None, optional: bool) -> builtins.int | None: ...

    def int(self, text: str, col: str, *, lo: builtins.int | None = None,
            hi: builtins.int | None = None, optional: bool = False) -> builtins.int | None:
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

    def float(self, text: str, col: str, *, lo: builtins.float, hi: builtins.float
              ) -> builtins.float:
        """A number between ``lo`` and ``hi``."""
        text = text.strip()
        try:
            v = float(text)
        except ValueError:
            raise self.error(col, f"{text!r} is not a number") from None
        if not lo <= v <= hi:
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

    @overload
    def date(self, text: str, col: str, *, lo: dt.date = ..., hi: dt.date = ...,
             optional: Literal[False] = False) -> dt.date: ...

    @overload
    def date(self, text: str, col: str, *, lo: dt.date = ..., hi: dt.date = ...,
             optional: bool) -> dt.date | None: ...

    def date(self, text: str, col: str, *, lo: dt.date = dt.date(1400, 1, 1),
             hi: dt.date = dt.date(2100, 12, 31), optional: bool = False) -> dt.date | None:
        """A ``YYYY-MM-DD`` cell between ``lo`` and ``hi`` (default 1400 to 2100)."""
        text = text.strip()
        if not text and optional:
            return None
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            raise self.error(col, f"{text!r} is not a YYYY-MM-DD date") from None
        if not lo <= d <= hi:
            raise self.error(col, f"{d} is out of range [{lo}, {hi}]")
        return d

    def ymd(self, row: dict[str, str], prefix: str, *, lo: builtins.int = 1400,
            hi: builtins.int = 2100) -> dt.date:
        """A day split over three columns ``{prefix}year``, ``{prefix}month``, ``{prefix}day``
        (the COW state-system files), the year between ``lo`` and ``hi``."""
        y = self.int(row[prefix + "year"], prefix + "year", lo=lo, hi=hi)
        m = self.int(row[prefix + "month"], prefix + "month", lo=1, hi=12)
        d = self.int(row[prefix + "day"], prefix + "day", lo=1, hi=31)
        try:
            return dt.date(y, m, d)
        except ValueError:
            raise self.error(prefix + "day", f"{y}-{m}-{d} is not a date") from None

    def text(self, text: str, col: str, *, optional: bool = False) -> str:
        """A stripped cell; empty is an error unless ``optional``."""
        text = text.strip()
        if not text and not optional:
            raise self.error(col, "empty")
        return text

    def state(self, periods: StatePeriods, system: str, code: builtins.int, col: str,
              when: builtins.int | dt.date, line: builtins.int | None = None) -> str | None:
        """The entity a state code names at ``when``: an unknown code is refused (naming
        ``line``, by default the current one); None where the code names no entity then (the
        caller reports it). A year (an ``int``) is ``state_periods.entity_in_year``."""
        try:
            if isinstance(when, int):
                from .state_periods import entity_in_year

                return entity_in_year(periods, system, code, when)
            return periods.entity(system, code, when)
        except DiplographError as e:
            raise self.error(col, e.message, line) from None


# -- writing ---------------------------------------------------------------------------------


class Iri(str):
    """An IRI in its N-Triples form (``<…>``); ``.value`` is the IRI itself."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return self[1:-1]


# pyoxigraph's N-Triples escapes (oxrdf's print_quoted_str): the named escapes, other control
# characters as \uXXXX
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                 0x22: '\\"', 0x5C: "\\\\"})


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples (``datatype`` an IRI; ``xsd:string`` is left implicit).

    >>> literal('a"b\\tc', "EN")
    '"a\\\\"b\\\\tc"@en'
    >>> literal("12", datatype="http://www.w3.org/2001/XMLSchema#integer")
    '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    body = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang.lower()}"
    if datatype and datatype != _STRING:
        return f"{body}^^<{datatype}>"
    return body


_STRING = XSD("string")
_INT = XSD("integer")
_BOOL = XSD("boolean")
_DATE = XSD("date")
_GYEAR = XSD("gYear")
_GYM = XSD("gYearMonth")


def rows_label(lines: Iterable[int]) -> str:
    """Sorted CSV line numbers written as ranges.

    >>> rows_label([5]), rows_label([]), rows_label([3, 1, 2, 2, 9, 10])
    ('5', '', '1-3,9-10')
    """
    nums = sorted(set(lines))
    if len(nums) <= 1:
        return str(nums[0]) if nums else ""
    out: list[str] = []
    first = prev = nums[0]
    for n in nums:
        if n > prev + 1:
            out.append(str(first) if first == prev else f"{first}-{prev}")
            first = n
        prev = n
    out.append(str(first) if first == prev else f"{first}-{prev}")
    return ",".join(out)


class Out:
    """The N-Triples lines of one data-set graph, with interned IRIs and the usual literal
    shapes (every method returns a line, or yields lines)."""

    def __init__(self, info: DatasetInfo) -> None:
        self.info = info
        self._iri: dict[str, Iri] = {}
        self._dg: dict[str, Iri] = {}  # local name -> dg: IRI (the hottest lookup)
        self._dates: dict[tuple, list[str]] = {}
        #: file -> the start of its dg:SourceRows IRIs ("<{dataset}/rows/{stem}/") and the
        #: text around the node and the row label in the lines of :meth:`rows`
        self._rows_prefix: dict[str, tuple[str, str, str, str, str]] = {}
        #: the text after the subject of :meth:`rel` and :meth:`types` lines, by their terms
        self._rel: dict[tuple[str, str], str] = {}
        self._types: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.dataset = self.iri(info.iri)
        self.a = self.iri(RDF("type"))
        self.derived = self.iri(PROV("wasDerivedFrom"))

    def iri(self, value: str) -> Iri:
        n = self._iri.get(value)
        if n is None:
            n = self._iri[value] = Iri(f"<{value}>")
        return n

    def dg(self, local: str) -> Iri:
        n = self._dg.get(local)
        if n is None:
            n = self._dg[local] = self.iri(DG(local))
        return n

    def q(self, s: str, p: str, o: str) -> str:
        """A triple of terms already in N-Triples form."""
        return f"{s} {p} {o} .\n"

    def types(self, s: str, *classes: str) -> list[str]:
        tails = self._types.get(classes)
        if tails is None:
            tails = self._types[classes] = tuple(f" {self.a} {self.dg(c)} .\n" for c in classes)
        return [s + t for t in tails]

    def rel(self, s: str, prop: str, o: str) -> str:
        tail = self._rel.get((prop, o))
        if tail is None:
            tail = self._rel[(prop, o)] = f" {self.dg(prop)} {self.iri(o)} .\n"
        return s + tail

    def integer(self, s: str, prop: str, v: int) -> str:
        return f'{s} {self.dg(prop)} "{v:d}"^^<{_INT}> .\n'

    def boolean(self, s: str, prop: str, v: bool) -> str:
        return f'{s} {self.dg(prop)} "{"true" if v else "false"}"^^<{_BOOL}> .\n'

    def text(self, s: str, prop: str, v: str, lang: str | None = None) -> str:
        return f"{s} {self.dg(prop)} {literal(v, lang)} .\n"

    def value(self, s: str, p: str, v: str, lang: str | None = None,
              datatype: str | None = None) -> str:
        """``s p "v"`` for any predicate IRI ``p`` (not only ``dg:``)."""
        return f"{s} {self.iri(p)} {literal(v, lang, datatype)} .\n"

    def label(self, s: str, en: str, vi: str | None = None) -> Iterator[str]:
        lab = self.iri(RDFS("label"))
        yield f"{s} {lab} {literal(en, 'en')} .\n"
        if vi:
            yield f"{s} {lab} {literal(vi, 'vi')} .\n"

    def note(self, s: str, text: str) -> str:
        """A ``dg:note`` flag (a data-quality defect fixed at load)."""
        return f"{s} {self.dg('note')} {literal(text, 'en')} .\n"

    def comment(self, s: str, text: str) -> str:
        return f"{s} {self.iri(RDFS('comment'))} {literal(text, 'en')} .\n"

    def date(self, s: str, prop: str, year: int, month: int | None = None,
             day: int | None = None) -> list[str]:
        """``dg:{prop}`` at the precision given, with its precision and derived bounds
        (``docs/model.md``, "Dates and precision")."""
        key = (prop, year, month, day)
        tails = self._dates.get(key)
        if tails is None:
            tails = self._dates[key] = self._date_tails(prop, year, month, day)
        return [s + t for t in tails]

    def day(self, s: str, prop: str, d: dt.date) -> str:
        """A bare ``xsd:date`` value (an imputed day: no precision triple, it is an estimate)."""
        return f'{s} {self.dg(prop)} "{d.isoformat()}"^^<{_DATE}> .\n'

    def day_date(self, s: str, prop: str, d: dt.date) -> list[str]:
        """A day-precision ``dg:{prop}`` with its precision and bounds."""
        return self.date(s, prop, d.year, d.month, d.day)

    def _date_tails(self, prop: str, year: int, month: int | None,
                    day: int | None) -> list[str]:
        if month is None:
            lit = f'"{year:04d}"^^<{_GYEAR}>'
            prec, lo, hi = "year", f"{year:04d}-01-01", f"{year:04d}-12-31"
        elif day is None:
            lit = f'"{year:04d}-{month:02d}"^^<{_GYM}>'
            last = calendar.monthrange(year, month)[1]
            prec, lo = "month", f"{year:04d}-{month:02d}-01"
            hi = f"{year:04d}-{month:02d}-{last:02d}"
        else:
            lo = hi = f"{year:04d}-{month:02d}-{day:02d}"
            lit, prec = f'"{lo}"^^<{_DATE}>', "day"
        return [
            f" {self.dg(prop)} {lit} .\n",
            f" {self.dg(prop + 'Precision')} {self.iri(DGC('precision/' + prec))} .\n",
            f' {self.dg(prop + "Earliest")} "{lo}"^^<{_DATE}> .\n',
            f' {self.dg(prop + "Latest")} "{hi}"^^<{_DATE}> .\n',
        ]

    def gyear(self, s: str, prop: str, year: int) -> str:
        """A bare ``xsd:gYear`` value (``dg:year`` of a yearly observation)."""
        return f'{s} {self.dg(prop)} "{year:04d}"^^<{_GYEAR}> .\n'

    def rows(self, file: str, lines: Iterable[int]) -> tuple[Iri, list[str]]:
        """The ``dg:SourceRows`` node of some lines of ``file`` and its lines (stable IRI
        ``{dataset}/rows/{file stem}/{ranges}``)."""
        label = rows_label(lines)
        texts = self._rows_prefix.get(file)
        if texts is None:
            dg = self.dg
            texts = self._rows_prefix[file] = (
                f"<{self.info.iri}/rows/{Path(file).stem}/",
                f" {self.a} {dg('SourceRows')} .\n",
                f" {dg('file')} {literal(file)} .\n",
                f" {dg('rows')} ",
                f" {self.derived} {self.dataset} .\n",
            )
        prefix, is_rows, of_file, rows_p, derived = texts
        node = Iri(f"{prefix}{label}>")
        # the label is digits, "-" and ",": its literal needs no escape
        return node, [node + is_rows, node + of_file, f'{node}{rows_p}"{label}" .\n',
                      node + derived]

    def fact(self, s: str, classes: tuple[str, ...], fact_type: str,
             rows: list[str], involves: Iterable[str] = ()) -> list[str]:
        """What every data-set fact carries: classes, ``dg:factType``, ``dg:involves`` and its
        provenance (``prov:wasDerivedFrom`` the data set and its rows)."""
        involves_p, derived = self.dg("involves"), self.derived
        return [
            *self.types(s, *classes),
            f"{s} {self.dg('factType')} {literal(fact_type)} .\n",
            *(f"{s} {involves_p} {self.iri(e)} .\n" for e in sorted(involves)),
            f"{s} {derived} {self.dataset} .\n",
            *(f"{s} {derived} {r} .\n" for r in rows),
        ]

    def provenance(self, s: str, classes: tuple[str, ...], rows: str) -> Iterator[str]:
        """Classes and provenance only (the data set and the rows), no fact type."""
        yield from self.types(s, *classes)
        yield f"{s} {self.derived} {rows} .\n"
        yield f"{s} {self.derived} {self.dataset} .\n"

    def dataset_node(self, *, typed: bool = True) -> Iterator[str]:
        """The data set node: title, citation, version, licence, conduit, files.
        ``typed=False`` leaves out its classes, for a data set that ``dgg:registry`` already
        types (no triple is stated in two graphs)."""
        info, s = self.info, self.dataset
        if typed:
            yield from self.types(s, "ReferenceDataset")
            yield f"{s} {self.a} {self.iri(PROV('Entity'))} .\n"
        yield f"{s} {self.iri(DCTERMS('title'))} {literal(info.title, 'en')} .\n"
        yield f"{s} {self.iri(DCTERMS('bibliographicCitation'))} {literal(info.citation)} .\n"
        yield f"{s} {self.iri(OWL('versionInfo'))} {literal(info.version)} .\n"
        yield f"{s} {self.iri(DCTERMS('license'))} {literal(info.licence)} .\n"
        yield f"{s} {self.dg('conduit')} {literal(info.conduit)} .\n"
        for f in info.files:
            yield f"{s} {self.dg('file')} {literal(f)} .\n"
