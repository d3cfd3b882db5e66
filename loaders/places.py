"""The countries and territories of OWID's ISO table -> ``dg:Place`` in
``dgg:dataset/owid-countries-regions``.

The registry (``dgg:registry``) holds the states of OWID's table
(``owid-countries-regions/countries_regions.csv``) as agents; the table also names the
territories with an ISO 3166-1 code that are no state (Guam, Greenland, Puerto Rico). The name
matcher reads every name of the table with an ISO alpha-3 code from this graph, so that a
country's or territory's name written as one word ("Guam") is not taken for an acronym a body
holds ("GUAM"; ``linking/reference.py``). One row with an ISO alpha-3 code (or the table's
sub-code, ``PS-GZA`` for Gaza) becomes a place ``dgr:place/iso/{alpha-3}`` (``dg:Place``, its
name as ``rdfs:label``, the code as ``skos:notation``) derived from its row.

>>> from diplograph.loaders.state_periods import StatePeriods
>>> from diplograph.loaders.registry import default_data_dir
>>> from diplograph.loaders.datasets import parsed
>>> qs = list(parsed(quads(default_data_dir(), StatePeriods.load()), DATASET.graph))
>>> sorted(q.object.value for q in qs if q.subject.value.endswith("/iso/GUM")
...        and q.predicate.value.endswith("#label"))
['Guam']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..graph.namespaces import ID, RDFS, SKOS
from .datasets import DatasetInfo
from .tables import Out, Table

FILE = "owid-countries-regions/countries_regions.csv"
DATASET = DatasetInfo(
    name="owid-countries-regions",
    title="Our World in Data countries/regions table (owid/owid-grapher, commit c7402d1)",
    files=(FILE,),
    citation="Our World in Data, owid-grapher CountriesRegions table (2022-11-19)",
    version="commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96",
    licence=("MIT (Copyright 2022 Our World in Data), "
             "commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96 only"),  # as the registry says
    conduit="owid/owid-grapher, CountriesRegions.ts, CSV text extracted verbatim",
)


def place_iri(iso3: str) -> str:
    """``dgr:place/iso/{alpha-3}``.

    >>> place_iri("GUM")
    'https://diplograph.org/id/place/iso/GUM'
    """
    return ID("place/iso/" + iso3)


def quads(
    data_dir: Path, periods: object = None, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[str]:
    """One place per row with an ISO alpha-3 code (N-Triples lines), in the file's row order."""
    out = Out(DATASET)
    yield from out.dataset_node(typed=False)  # dgg:registry types it (its state list)
    rows = Table(data_dir, FILE, ("name", "iso_alpha3"))
    for row in rows.dicts():
        iso3 = rows.text(row["iso_alpha3"], "iso_alpha3", optional=True)
        if not iso3:
            continue
        if not iso3.replace("-", "").isalnum():
            raise rows.error("iso_alpha3", f"{iso3!r} is no code (letters, digits, '-')")
        name = rows.text(row["name"], "name")
        rows_node, rows_lines = out.rows(FILE, [rows.line])
        yield from rows_lines
        place = out.iri(place_iri(iso3))
        yield from out.types(place, "Place")
        yield out.value(place, RDFS("label"), name)
        yield out.value(place, SKOS("notation"), iso3)
        yield out.q(place, out.derived, rows_node)
