"""IRIs we minted and later renamed: they answer ``301 Moved Permanently`` to the new IRI.

The table is data, ``data/registry/renamed.csv`` (columns ``old``, ``new``, ``reason``,
``date``), with paths relative to ``<base>id/``: ``state/USSR`` became ``state/SUN`` when the
historical states' keys began to follow ISO 3166-3. A renamed IRI's sub-nodes move with it
(``state/USSR/wikidata`` -> ``state/SUN/wikidata``). A bad row names the file, line and field.

The server reads the table from its store (:func:`store_table`: the ``renamed-iris`` graph the
build wrote from the file, ``loaders/lookup_tables.py``), never the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..graph.errors import DiplographError

__all__ = ["Renamed", "from_rows", "read_renamed", "renamed_table", "store_table", "new_path"]

COLUMNS = ("old", "new", "reason", "date")
#: a path below ``id/``: segments of letters, digits, ``-``, ``_``, ``.``
PATH_RE = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")


@dataclass(frozen=True)
class Renamed:
    """One renamed IRI: its old and new path below ``id/``, why, and since when."""

    old: str
    new: str
    reason: str
    date: dt.date


def default_file() -> Path:
    """``data/registry/renamed.csv`` of the package."""
    from .. import data

    return Path(data.__file__).parent / "registry" / "renamed.csv"


def read_renamed(path: Path) -> dict[str, Renamed]:
    """The table by old path; ``DiplographError`` naming file, line and field on a bad row.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "renamed.csv"
    >>> _ = f.write_text("old,new,reason,date\\nstate/USSR,state/SUN,ISO,2026-12-04\\n")
    >>> read_renamed(f)["state/USSR"].new
    'state/SUN'
    >>> _ = f.write_text("old,new,reason,date\\nstate/USSR,state/SUN,ISO,04/12/2026\\n")
    >>> read_renamed(f)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: ...renamed.csv:2: date: '04/12/2026' is not a date...
    """
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise DiplographError("bad-input",
                                  f"{path}:1: the columns must be {', '.join(COLUMNS)}")
        rows = [(reader.line_num, row) for row in reader]
    return from_rows(rows, str(path))


def from_rows(rows: Iterable[tuple[int, Mapping[str, str]]], where: str) -> dict[str, Renamed]:
    """The table by old path, from ``(line, {column: text})`` rows of the file ``where``;
    ``DiplographError`` naming file, line and field on a bad row."""
    out: dict[str, Renamed] = {}
    for line, row in rows:

        def bad(field: str, why: str, line: int = line) -> DiplographError:
            return DiplographError("bad-input", f"{where}:{line}: {field}: {why}")

        for name in ("old", "new"):
            if not PATH_RE.match(row[name] or ""):
                raise bad(name, f"{row[name]!r} is not a path below id/ (kind/key)")
        if not (row["reason"] or "").strip():
            raise bad("reason", "say why the IRI was renamed")
        try:
            date = dt.date.fromisoformat(row["date"] or "")
        except ValueError:
            raise bad("date", f"{row['date']!r} is not a date (YYYY-MM-DD)") from None
        if row["old"] in out:
            raise bad("old", f"{row['old']!r} is listed twice")
        if row["old"] == row["new"]:
            raise bad("new", "the new path is the old one")
        out[row["old"]] = Renamed(row["old"], row["new"], row["reason"].strip(), date)
    for r in out.values():
        if r.new in out:
            raise DiplographError(
                "bad-input", f"{where}: {r.old} -> {r.new}, which is renamed again: "
                             f"write {r.old} -> {out[r.new].new}")
    return out


def store_table(store: ox.Store) -> dict[str, Renamed]:
    """The table the store holds (``renamed-iris``; empty when not built), checked as the
    file is: a bad row names the file and line it came from."""
    from ..loaders.lookup_tables import TABLES, read_rows

    table = TABLES["renamed-iris"]
    return from_rows(((line, {c: row[c] for c in COLUMNS})
                      for line, row in read_rows(store, table.DATASET.name)),
                     "data/" + table.file)


@functools.cache
def renamed_table() -> dict[str, Renamed]:
    """The package's file (read once): offline work and tests; the server reads
    :func:`store_table`."""
    return read_renamed(default_file())


def new_path(path: str, table: dict[str, Renamed] | None = None) -> str | None:
    """Where ``path`` (below ``id/``) lives now, or None if it was not renamed.

    >>> t = {"state/USSR": Renamed("state/USSR", "state/SUN", "ISO", dt.date(2026, 12, 4))}
    >>> new_path("state/USSR", t), new_path("state/USSR/wikidata", t), new_path("state/US", t)
    ('state/SUN', 'state/SUN/wikidata', None)
    """
    table = renamed_table() if table is None else table
    if path in table:
        return table[path].new
    cut = path.find("/")
    while cut != -1:
        head = path[:cut]
        if head in table:
            return table[head].new + path[cut:]
        cut = path.find("/", cut + 1)
    return None
