"""The reference data the name matcher reads besides the registry, from one place its caller
chooses.

:class:`~.matcher.Matcher` needs these tables that are not in the registry:

* the COW capitals and the COW states' years (``CowCapitals``: "Yemen (Aden)" is South Yemen);
* the rows of the COW and Gleditsch-Ward state lists and the states each code names over
  time (``SystemCodes``: the three-letter codes ISO gives to one state and COW or G-W to
  another, ``AUS``, ``MNG``; the G-W abbreviations the registry lacks, ``RUM``);
* the names of the countries and territories with an ISO code (OWID's table: "Guam" is a
  territory's name, not the acronym ``GUAM``);
* the English adjectives of country names ("Polish People's Republic"), the pairs of records
  a curator found to be one body (``registry/same-body.csv``) and SupraVerden's abbreviation,
  headquarters and founding year of each body (``loaders/lookup_tables.py``);
* the states' effective leaders and their years (Archigos, ``leaders.py``: "Tiệp Khắc thời
  Husák" is Czechoslovakia; round 21);
* beside them, the states' capitals the reconciliation's ``capital`` property is scored
  against (:attr:`MatcherReference.capital_index`), read with the COW capitals in one query
  and so refreshed with the matcher after each write.

:meth:`MatcherReference.from_data` reads them from the files of ``data/`` (offline work:
``diplograph link`` on the registry built from those files); :meth:`MatcherReference.from_store`
reads them from the graphs the build wrote from the same files (``dgg:dataset/cow-capitals``,
``dgg:dataset/state-systems``, ``dgg:dataset/owid-countries-regions``, and the tables of
``loaders/lookup_tables.py``: ``country-adjectives``, ``same-body``, ``supraverden-records``;
and ``dgg:dataset/archigos``), so that a server reads
only its store: a store built from other data answers with its own capitals and codes, and a
server with no ``data/`` folder beside it answers the same as one with it. A data set the store
lacks gives an empty table (those names are then matched without it).

>>> ref = MatcherReference.from_data()
>>> sorted(ref.capitals.codes("Aden")), ref.place_names["guam"]
([680], 'Guam (GUM)')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import GRAPH
from ..loaders.lookup_tables import TABLES, read_rows
from .capitals import CapitalIndex, CowCapitals, capital_tables
from .code_systems import SystemCodes
from .features import SupraVerdenRecord, supraverden_from_rows
from .leaders import Leaders
from .normalise import folded_form

#: a table's rows: (line in its file, {column: text})
Rows = tuple[tuple[int, dict[str, str]], ...]

#: the name and ISO code of every place of OWID's table, in the table's row order
#: (``loaders/places.py``)
PLACES_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?name ?code WHERE {{
  GRAPH <{GRAPH("dataset/owid-countries-regions")}> {{
    ?p a dg:Place ; rdfs:label ?name ; skos:notation ?code ; prov:wasDerivedFrom ?rows .
    ?rows a dg:SourceRows ; dg:rows ?line .
  }}
}} ORDER BY xsd:integer(?line)
"""


#: the data sets whose graphs :meth:`MatcherReference.from_store` reads (a store built with
#: ``datasets=`` must name them all for the matcher to answer as it does from ``data/``)
STORE_DATASETS = ("cow-capitals", "state-systems", "owid-countries-regions",
                  "country-adjectives", "same-body", "supraverden-records", "archigos")


def _place_label(name: str, code: str) -> str:
    return f"{name} ({code})"


@dataclass(frozen=True)
class MatcherReference:
    """The matcher's tables besides the registry (see the module's text)."""

    #: COW capitals and the COW states' years
    capitals: CowCapitals
    #: the rows of the COW and G-W lists and the states each code names
    codes: SystemCodes
    #: folded name -> ``"Name (ISO alpha-3)"`` of each country or territory with an ISO code
    place_names: Mapping[str, str]
    #: the rows of ``country-adjectives/adjectivals.csv`` (iso2, adjective)
    adjectives: Rows = ()
    #: the rows of ``registry/same-body.csv`` (key, same_as, evidence)
    same_body: Rows = ()
    #: SupraVerden's records by SPRVD id (abbreviation, headquarters, founding year,
    #: family of bodies: round 26)
    supraverden: Mapping[str, SupraVerdenRecord] = field(default_factory=dict)
    #: the states' capitals of the reconciliation's ``capital`` property (from the same
    #: reading of the capital spells as :attr:`capitals`)
    capital_index: CapitalIndex = field(default_factory=CapitalIndex)
    #: where the tables were read: ``"data"`` or ``"store"``
    origin: str = "data"
    #: round 21: the states' effective leaders and their years (Archigos, ``leaders.py``)
    leaders: Leaders = field(default_factory=Leaders)

    def missing(self) -> list[str]:
        """The data sets whose table is empty (not built in the store, or built by an older
        version that did not write what the matcher reads: ``diplograph build`` writes it).

        >>> MatcherReference.from_store(ox.Store()).missing()  # doctest: +NORMALIZE_WHITESPACE
        ['cow-capitals', 'state-systems', 'owid-countries-regions', 'country-adjectives',
         'same-body', 'supraverden-records', 'archigos']
        """
        empty = {"cow-capitals": not self.capitals.by_capital,
                 "state-systems": not any(s[1] for s in self.codes.spells),
                 "owid-countries-regions": not self.place_names,
                 "country-adjectives": not self.adjectives,
                 "same-body": not self.same_body,
                 "supraverden-records": not self.supraverden,
                 "archigos": not self.leaders}
        return [name for name, is_empty in empty.items() if is_empty]

    @classmethod
    def from_data(cls, data_dir: Path | None = None) -> MatcherReference:
        """From the files of ``data_dir`` (default: the package's data folder)."""
        import csv

        from ..loaders.places import FILE as PLACES_FILE
        from ..loaders.registry import default_data_dir

        folder = Path(data_dir or default_data_dir())
        places: dict[str, str] = {}
        path = folder / PLACES_FILE
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as f:
                places = {folded_form(row["name"]): _place_label(row["name"], row["iso_alpha3"])
                          for row in csv.DictReader(f) if row.get("iso_alpha3")}
        tables = {name: tuple(TABLES[name].records(folder))
                  if (folder / TABLES[name].file).is_file() else ()
                  for name in ("country-adjectives", "same-body", "supraverden-records")}
        capitals = CowCapitals.load(folder)
        return cls(capitals, SystemCodes.from_data(folder), places,
                   tables["country-adjectives"], tables["same-body"],
                   supraverden_from_rows(tables["supraverden-records"]),
                   CapitalIndex(), "data", Leaders.from_data(folder))

    @classmethod
    def from_store(cls, store: ox.Store) -> MatcherReference:
        """From the graphs of ``store`` (never a file of ``data/``)."""
        places = {folded_form(b["name"].value): _place_label(b["name"].value, b["code"].value)
                  for b in store.query(PLACES_QUERY)}
        capital_index, capitals = capital_tables(store)
        return cls(capitals, SystemCodes.from_store(store), places,
                   tuple(read_rows(store, "country-adjectives")),
                   tuple(read_rows(store, "same-body")),
                   supraverden_from_rows(read_rows(store, "supraverden-records")),
                   capital_index, "store", Leaders.from_store(store))
