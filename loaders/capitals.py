"""COW capitals -> ``dg:CapitalSpell`` facts in ``dgg:dataset/cow-capitals``.

One row of ``peace-science/cow_capitals.csv`` is a city that was a COW state's capital from
``stdate`` to ``enddate``, with its coordinates. It becomes a place ``dgr:place/{slug}``
(``dg:City``, its name, and a GeoSPARQL geometry ``{place}/geometry`` with ``geo:asWKT
"POINT(lng lat)"^^geo:wktLiteral``) and one spell per state entity the code names in those days
(``dgr:fact/cow-capitals/{ccode}-{slug}-{start}``): ``dg:state``, the row's code
``dg:stateCode``, ``dg:capital``,
``dg:startDate``/``dg:endDate`` (day precision; the conduit's dates are generous at the edges,
and an end of 2024-12-31 means "still the capital": no end is written). Days when the code names
no state (Germany 1945–1990 for COW 255) are left out and reported.

>>> from diplograph.loaders.state_periods import StatePeriods
>>> from diplograph.loaders.registry import default_data_dir
>>> from diplograph.loaders.datasets import parsed
>>> qs = list(parsed(quads(default_data_dir(), StatePeriods.load()), DATASET.graph))
>>> any(q.object.value == "POINT(105.854041 21.0283334)" for q in qs)
True
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from ..graph.errors import DiplographError
from ..graph.namespaces import GEO, ID, RDFS
from .datasets import PEACESCIENCER as CONDUIT
from .datasets import DatasetInfo
from .state_periods import StatePeriods
from .tables import Out, Table

FILE = "peace-science/cow_capitals.csv"
DATASET = DatasetInfo(
    name="cow-capitals",
    title="Capitals of the COW states, with their spans and coordinates",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Correlates of War Project (2017). State System Membership List, v2016; capitals "
        "compiled by S. Miller in the R package peacesciencer"
    ),
    version="peacesciencer 1.2.9",
    licence="free for research with citation; values only",
    conduit=CONDUIT,
    loader_version="2",  # 2: dg:stateCode
)
#: an end on this day means "still the capital when the list was made"
ONGOING = dt.date(2024, 12, 31)
EDGES = "Capital spans of this list are generous at the edges (conduit's note)."


def place_slug(name: str) -> str:
    """``dgr:place/{slug}`` of a city name.

    >>> place_slug("Washington D.C."), place_slug("Bogotá")
    ('washington-d-c', 'bogota')
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[str]:
    """Places and capital spells (N-Triples lines), in the file's row order."""
    out = Out(DATASET)
    yield from out.dataset_node()
    rows = Table(data_dir, FILE, ("ccode", "capital", "stdate", "enddate", "lat", "lng"))
    places: dict[str, tuple[float, float]] = {}
    for row in rows.dicts():
        code = rows.int(row["ccode"], "ccode", lo=1, hi=999)
        name = rows.text(row["capital"], "capital")
        start = rows.date(row["stdate"], "stdate", lo=dt.date(1700, 1, 1), hi=ONGOING)
        end = rows.date(row["enddate"], "enddate", lo=dt.date(1700, 1, 1), hi=ONGOING)
        if end < start:
            raise rows.error("enddate", f"{end} is before stdate {start}")
        lat = rows.float(row["lat"], "lat", lo=-90, hi=90)
        lng = rows.float(row["lng"], "lng", lo=-180, hi=180)
        try:
            parts = periods.split_dates("cow", code, start, end)
        except Exception as exc:  # an unknown code
            raise rows.error("ccode", str(getattr(exc, "message", exc))) from None
        slug = place_slug(name)
        place = out.iri(ID("place/" + slug))
        rows_node, rows_lines = out.rows(FILE, [rows.line])
        yield from rows_lines
        if slug not in places:
            places[slug] = (lat, lng)
            geom = out.iri(place.value + "/geometry")
            yield from out.types(place, "City")
            yield out.q(place, out.a, out.iri(GEO("Feature")))
            yield out.value(place, RDFS("label"), name)
            yield out.q(place, out.iri(GEO("hasGeometry")), geom)
            yield out.q(place, out.derived, rows_node)
            yield out.q(geom, out.a, out.iri(GEO("Geometry")))
            yield out.value(geom, GEO("asWKT"), f"POINT({lng} {lat})", datatype=GEO("wktLiteral"))
        elif abs(places[slug][0] - lat) + abs(places[slug][1] - lng) > 0.5:
            progress(
                f"  {FILE}:{rows.line}: {name}: coordinates ({lat}, {lng}) differ from an "
                f"earlier row {places[slug]}; the first are kept"
            )
        for s, e, state in parts:
            if state is None:
                progress(
                    f"  {FILE}:{rows.line}: {name}: COW {code} names no state from {s} to {e} "
                    "(state-periods.csv); those days are left out"
                )
                continue
            f = out.iri(ID(f"fact/{DATASET.name}/{code}-{slug}-{s.isoformat()}"))
            yield from out.provenance(f, ("Fact", "CapitalSpell"), rows_node)
            yield out.rel(f, "state", state)
            yield out.integer(f, "stateCode", code)
            yield out.q(f, out.dg("capital"), place)
            yield from out.day_date(f, "startDate", s)
            if e < ONGOING:
                yield from out.day_date(f, "endDate", e)
            yield out.comment(f, EDGES)
            if len(parts) > 1:
                yield out.note(
                    f, f"COW capital spell {start} to {end} split where COW {code} passes from "
                    f"one state to the next (state-periods.csv): this part is {s} to {e}")
            yield out.text(f, "factType", "capital")
            yield out.rel(f, "involves", state)
            yield out.q(f, out.dg("involves"), place)


#: capitals whose name alone is mostly something else in running text (an English word, a
#: person's name): kept out of :func:`current_capitals`
NOT_NAMES_ALONE = frozenset({"Male", "Victoria"})


def current_capitals(
    data_dir: Path | None = None, periods: StatePeriods | None = None
) -> dict[str, list[str]]:
    """Entity id (``state/PER``) -> the name(s) of its capital today (rows of the COW capitals
    list still running at its end), for name lookups such as extraction's gazetteer.

    >>> caps = current_capitals()
    >>> caps["state/PER"], caps["state/CHL"], caps["state/URY"]
    (['Lima'], ['Santiago'], ['Montevideo'])
    >>> "state/MDV" in caps  # "Male" alone is an English word
    False
    """
    from .registry import default_data_dir

    rows = Table(data_dir or default_data_dir(), FILE, ("ccode", "capital", "stdate", "enddate"))
    periods = periods or StatePeriods.load()
    out: dict[str, list[str]] = {}
    for row in rows.dicts():
        end = rows.date(row["enddate"], "enddate", lo=dt.date(1700, 1, 1), hi=ONGOING)
        name = rows.text(row["capital"], "capital")
        if end < ONGOING or name in NOT_NAMES_ALONE:
            continue
        code = rows.int(row["ccode"], "ccode", lo=1, hi=999)
        try:
            parts = periods.split_dates("cow", code, end, end)
        except DiplographError:  # a code the periods do not know: no state to name
            continue
        for _s, _e, state in parts:
            if state is not None:
                key = state[len(ID("")):] if state.startswith(ID("")) else state
                names = out.setdefault(key, [])
                if name not in names:
                    names.append(name)
    return out
