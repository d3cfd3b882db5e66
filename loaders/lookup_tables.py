"""The tables the server looks things up in while it answers, as graphs of the store (issue 15:
the server reads only its store, never a file of ``data/``).

Each table is a data set of its own, ``dgg:dataset/{name}``, written by ``diplograph build``
from one file of ``data/`` and read back, row by row, by :func:`read_rows`:

================== ============================================= ==========================
data set           file (columns kept)                           read by
================== ============================================= ==========================
country-adjectives country-adjectives/adjectivals.csv            the name matcher
                   (iso2, adjective)                             (``linking/reference.py``)
same-body          registry/same-body.csv (key, same_as,         the name matcher
                   evidence)
supraverden-records supraverden-igos/general_list.json           the matcher, candidates'
                   (SPRVD_id, Abbreviation_en, Headquarters,     descriptions
                   Year_established)
renamed-iris       registry/renamed.csv (old, new, reason, date) ``/id/``, ``/page/``
iso3166-numeric    country-names-vi/pycountry_iso3166_vi.csv     the world map
                   (alpha_3, numeric)
graph-catalogue    catalogue/graphs.csv (graph, title, source,   VoID
                   licence, licence_label, citation)
================== ============================================= ==========================

The shape is that of the W3C's "Generating RDF from Tabular Data on the Web" (CSVW, minimal
mode): one node per row, ``dgr:dataset/{name}/row/{n}`` (``csvw:Row``, ``csvw:rownum n``), and
one triple per cell that is not empty, its predicate the data set's IRI and the column's name
(``<https://diplograph.org/id/dataset/same-body#evidence>``), its object the cell's text as
written. Provenance as in every data set: the data set node (title, citation, licence,
conduit, file) and, per row, ``prov:wasDerivedFrom`` a ``dg:SourceRows`` node naming the file
and the row's line (for SupraVerden's JSON object, the record's position in it, from 1). The
values are checked by their readers (the renamed IRIs' rules are ``server/renamed.py``'s), at
build by ``tests/loaders/test_lookup_tables.py`` and when the server reads them.

>>> t = TABLES["same-body"]
>>> t.column("evidence")
'https://diplograph.org/id/dataset/same-body#evidence'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import PROV, XSD
from .datasets import DatasetInfo
from .tables import Out, Table, literal

__all__ = ["CSVW", "LookupTable", "TABLES", "read_rows"]

CSVW = "http://www.w3.org/ns/csvw#"
_PROJECT = "diplograph contributors"
_APACHE = "Apache-2.0 (diplograph)"


@dataclass(frozen=True)
class LookupTable:
    """One table of ``data/`` written as a graph of rows (see the module's text)."""

    DATASET: DatasetInfo
    #: the columns kept, in the file's terms
    columns: tuple[str, ...]

    @property
    def file(self) -> str:
        return self.DATASET.files[0]

    def column(self, name: str) -> str:
        """The predicate of a column's cells."""
        return f"{self.DATASET.iri}#{name}"

    def row_iri(self, n: int) -> str:
        return f"{self.DATASET.iri}/row/{n}"

    def records(self, data_dir: Path) -> Iterator[tuple[int, dict[str, str]]]:
        """(line or position, cells) of each row of the file."""
        if self.file.endswith(".json"):
            path = Path(data_dir) / self.file
            raw = json.loads(path.read_text(encoding="utf-8"))
            for i, v in enumerate(raw.values(), start=1):
                yield i, {c: "" if v.get(c) is None else str(v[c]) for c in self.columns}
            return
        rows = Table(data_dir, self.file, self.columns)
        for row in rows.dicts():
            yield rows.line, {c: row[c] for c in self.columns}

    def quads(self, data_dir: Path, periods: object = None,
              progress: Callable[[str], None] = lambda _m: None) -> Iterator[str]:
        """The graph's N-Triples lines: the data set node, then each row in the file's order."""
        out = Out(self.DATASET)
        yield from out.dataset_node()
        row_type = out.iri(CSVW + "Row")
        rownum = out.iri(CSVW + "rownum")
        cols = {c: out.iri(self.column(c)) for c in self.columns}
        for n, (line, cells) in enumerate(self.records(data_dir), start=1):
            rows_node, rows_lines = out.rows(self.file, [line])
            yield from rows_lines
            row = out.iri(self.row_iri(n))
            yield out.q(row, out.a, row_type)
            yield f'{row} {rownum} "{n:d}"^^<{XSD("integer")}> .\n'
            for c, text in cells.items():
                if text != "":
                    yield out.q(row, cols[c], literal(text))
            yield out.q(row, out.derived, rows_node)


def _table(name: str, title: str, file: str, columns: tuple[str, ...], citation: str,
           licence: str, conduit: str, version: str = "as in the repository") -> LookupTable:
    return LookupTable(DatasetInfo(name=name, title=title, files=(file,), citation=citation,
                                   version=version, licence=licence, conduit=conduit), columns)


#: the tables, by data set name (``loaders/catalogue.py`` builds them after the others)
TABLES: dict[str, LookupTable] = {t.DATASET.name: t for t in (
    _table("country-adjectives", "English adjectives of country names (cartogrify)",
           "country-adjectives/adjectivals.csv", ("iso2", "adjective"),
           "leo-holanda/cartogrify, country.data.ts adjectivals (after Wikipedia's list of "
           "adjectival and demonymic forms for countries and nations)",
           "MIT (Copyright (c) 2023 Leonardo Holanda), values only",
           "data/country-adjectives/SOURCE.md: values of cartogrify's country data",
           version="commit 80128436b96331fc86e22c2e6b0ceeabb29d6de3"),
    _table("same-body", "Records of the registry a curator found to be one body",
           "registry/same-body.csv", ("key", "same_as", "evidence"),
           _PROJECT + ", data/registry/same-body.csv", _APACHE, "written by the project"),
    _table("supraverden-records",
           "SupraVerden's abbreviation, headquarters, founding year and family of each body",
           "supraverden-igos/general_list.json",
           ("SPRVD_id", "Abbreviation_en", "Headquarters", "Year_established", "Org_family"),
           "SupraVerden, general_list.yaml (confirmordeny/supraverden)",
           "CC BY-SA 4.0", "confirmordeny/supraverden general_list.yaml, YAML read as JSON",
           version="commit 59ab4fa0f92f3c75bb45e230908e612f15e8dbdf"),
    _table("renamed-iris", "IRIs of diplograph renamed since they were minted",
           "registry/renamed.csv", ("old", "new", "reason", "date"),
           _PROJECT + ", data/registry/renamed.csv", _APACHE, "written by the project"),
    _table("iso3166-numeric", "ISO 3166-1 alpha-3 and numeric codes (pycountry's iso-codes)",
           "country-names-vi/pycountry_iso3166_vi.csv", ("alpha_3", "numeric"),
           "Debian iso-codes ISO 3166-1 table, as packaged by pycountry",
           "LGPL-2.1-only (pycountry / iso-codes), values only",
           "data/country-names-vi/SOURCE.md: pycountry's ISO 3166 data as CSV"),
    _table("graph-catalogue", "Catalogue of the named graphs (titles, licences, citations)",
           "catalogue/graphs.csv",
           ("graph", "title", "source", "licence", "licence_label", "citation"),
           _PROJECT + ", data/catalogue/graphs.csv", _APACHE, "written by the project"),
)}


def _rows_query(table: LookupTable) -> str:
    cells = " ".join(f"OPTIONAL {{ ?row <{table.column(c)}> ?c{i} }}"
                     for i, c in enumerate(table.columns))
    return (f"SELECT ?n ?line {' '.join(f'?c{i}' for i in range(len(table.columns)))} WHERE {{ "
            f"GRAPH <{table.DATASET.graph}> {{ ?row a <{CSVW}Row> ; <{CSVW}rownum> ?n ; "
            f"<{PROV('wasDerivedFrom')}> ?src . ?src <https://diplograph.org/ontology#rows> "
            f"?line . {cells} }} }}")


def read_rows(store: ox.Store, name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of table ``name`` as the build wrote them, in the file's order: (the row's
    line in the file, or position in a JSON object; {column: text, "" when empty}). Empty
    when the store holds no such table (not built)."""
    table = TABLES[name]
    rows = []
    found = store.query(_rows_query(table))
    assert isinstance(found, ox.QuerySolutions)
    for b in found:
        cells = {c: (b[f"c{i}"].value if b[f"c{i}"] is not None else "")
                 for i, c in enumerate(table.columns)}
        rows.append((int(b["n"].value), int(b["line"].value), cells))
    rows.sort(key=lambda r: r[0])
    return [(line, cells) for _, line, cells in rows]


