"""The reference data the name matcher reads besides the registry, from one place its caller
chooses.

:class:`~.matcher.Matcher` needs three tables that are not in the registry:

* the COW capitals and the COW states' years (``CowCapitals``: "Yemen (Aden)" is South Yemen);
* the rows of the COW and Gleditsch-Ward state lists and the states each code names over
  time (``SystemCodes``: the three-letter codes ISO gives to one state and COW or G-W to
  another, ``AUS``, ``MNG``; the G-W abbreviations the registry lacks, ``RUM``);
* the names of the countries and territories with an ISO code (OWID's table: "Guam" is a
  territory's name, not the acronym ``GUAM``).

:meth:`MatcherReference.from_data` reads them from the files of ``data/`` (offline work:
``diplograph link`` on the registry built from those files); :meth:`MatcherReference.from_store`
reads them from the graphs the build wrote from the same files (``dgg:dataset/cow-capitals``,
``dgg:dataset/state-systems``, ``dgg:dataset/owid-countries-regions``), so that a server reads
only its store: a store built from other data answers with its own capitals and codes, and a
server with no ``data/`` folder beside it answers the same as one with it. A data set the store
lacks gives an empty table (those names are then matched without it).

>>> ref = MatcherReference.from_data()
>>> sorted(ref.capitals.codes("Aden")), ref.place_names["guam"]
([680], 'Guam (GUM)')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import GRAPH
from .capitals import CowCapitals
from .code_systems import SystemCodes
from .normalise import folded_form

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
    #: where the tables were read: ``"data"`` or ``"store"``
    origin: str = "data"

    def missing(self) -> list[str]:
        """The data sets whose table is empty (not built in the store, or built by an older
        version that did not write what the matcher reads: ``diplograph build`` writes it).

        >>> MatcherReference.from_store(ox.Store()).missing()
        ['cow-capitals', 'state-systems', 'owid-countries-regions']
        """
        empty = {"cow-capitals": not self.capitals.by_capital,
                 "state-systems": not any(s[1] for s in self.codes.spells),
                 "owid-countries-regions": not self.place_names}
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
        return cls(CowCapitals.load(folder), SystemCodes.from_data(folder), places, "data")

    @classmethod
    def from_store(cls, store: ox.Store) -> MatcherReference:
        """From the graphs of ``store`` (never a file of ``data/``)."""
        places = {folded_form(b["name"].value): _place_label(b["name"].value, b["code"].value)
                  for b in store.query(PLACES_QUERY)}
        return cls(CowCapitals.from_store(store), SystemCodes.from_store(store), places,
                   "store")
