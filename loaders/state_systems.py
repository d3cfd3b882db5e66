"""The COW and Gleditsch–Ward state systems -> ``dg:SystemMembership`` facts in
``dgg:dataset/state-systems``.

A row of ``cow-igo-v3/cow_states2016.csv`` (COW State System Membership v2016) or of
``peace-science/gw_states.csv`` (Gleditsch–Ward) is a spell during which a state was an
independent member of that system. It becomes one ``dg:SystemMembership`` (``org:member`` the
state, ``org:organization`` the system ``dgr:system/cow`` or ``dgr:system/gw``, day-precision
``dg:startDate``/``dg:endDate``) per state entity the code names in those days
(``loaders/state_periods.py``): COW's one spell of 365 from 1816 to 2016 is five facts (the
Russian Empire, the Russian Republic, the RSFSR, the USSR and Russia). A spell that reaches the
end of the list's coverage (COW 2016-12-31, G–W 2017-12-31) has no end.

>>> from diplograph.loaders.registry import default_data_dir
>>> qs = list(quads(default_data_dir(), StatePeriods.load()))
>>> sorted({q.object.value for q in qs if q.predicate.value.endswith("#organization")})
['https://diplograph.org/id/system/cow', 'https://diplograph.org/id/system/gw']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.namespaces import DG, ID, ORG, RDF, RDFS, SKOS
from .datasets import CsvRows, DatasetInfo, dataset_quads, day_quads, fact_quads, source_rows
from .state_periods import StatePeriods

COW_FILE = "cow-igo-v3/cow_states2016.csv"
GW_FILE = "peace-science/gw_states.csv"
DATASET = DatasetInfo(
    name="state-systems",
    title="The COW (v2016) and Gleditsch-Ward state systems: membership spells",
    files=(COW_FILE, GW_FILE, "registry/state-periods.csv"),
    citation=(
        "Correlates of War Project (2017). State System Membership List, v2016. "
        "Gleditsch, K. S. & Ward, M. D. (1999). A Revised List of Independent States since the "
        "Congress of Vienna. International Interactions 25(4): 393-413"
    ),
    version="COW v2016; G-W as in peacesciencer 1.2.9",
    licence="free for research with citation; values only",
    conduit=(
        "R packages igoR 1.0.3 (COW list) and peacesciencer 1.2.9 (G-W list), read with pyreadr"
    ),
)
SYSTEMS = {
    "cow": ("Correlates of War state system", "Hệ thống quốc gia Correlates of War",
            dt.date(2016, 12, 31)),
    "gw": ("Gleditsch-Ward state system", "Hệ thống quốc gia Gleditsch–Ward",
           dt.date(2017, 12, 31)),
}


def system_iri(system: str) -> str:
    """``dgr:system/cow`` or ``dgr:system/gw``."""
    return ID("system/" + system)


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[Quad]:
    """The two systems and their membership spells."""
    g = NamedNode(DATASET.graph)
    a = NamedNode(RDF("type"))
    yield from dataset_quads(DATASET)
    for system, (en, vi, _) in SYSTEMS.items():
        s = NamedNode(system_iri(system))
        yield Quad(s, a, NamedNode(DG("StateSystem")), g)
        yield Quad(s, NamedNode(RDFS("label")), Literal(en, language="en"), g)
        yield Quad(s, NamedNode(RDFS("label")), Literal(vi, language="vi"), g)
        yield Quad(s, NamedNode(SKOS("prefLabel")), Literal(en, language="en"), g)
    cow = CsvRows(
        data_dir, COW_FILE,
        ("ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"),
    )
    for row in cow:

        def day(prefix: str, row: dict[str, str] = row) -> dt.date:
            y = cow.int(row, prefix + "year", lo=1800, hi=2016)
            m = cow.int(row, prefix + "month", lo=1, hi=12)
            d = cow.int(row, prefix + "day", lo=1, hi=31)
            try:
                return dt.date(y, m, d)  # type: ignore[arg-type]
            except ValueError:
                raise cow.error(prefix + "day", f"{y}-{m}-{d} is not a date") from None

        yield from _spell(
            "cow", cow, cow.int(row, "ccode", lo=1, hi=999), day("st"), day("end"), periods,
            progress, g,
        )
    gw = CsvRows(data_dir, GW_FILE, ("gwcode", "startdate", "enddate"))
    for row in gw:
        start = gw.date(row, "startdate", lo=dt.date(1800, 1, 1), hi=dt.date(2017, 12, 31))
        end = gw.date(row, "enddate", lo=dt.date(1800, 1, 1), hi=dt.date(2017, 12, 31))
        yield from _spell(
            "gw", gw, gw.int(row, "gwcode", lo=1, hi=999), start, end, periods, progress, g
        )


def _spell(
    system: str, rows: CsvRows, code: int | None, start: dt.date | None, end: dt.date | None,
    periods: StatePeriods, progress: Callable[[str], None], g: NamedNode,
) -> Iterator[Quad]:
    assert code is not None and start is not None and end is not None
    if end < start:
        raise rows.error("end", f"{end} is before the start {start}")
    try:
        parts = periods.split_dates(system, code, start, end)
    except Exception as e:  # an unknown code
        column = "ccode" if system == "cow" else "gwcode"
        raise rows.error(column, str(getattr(e, "message", e))) from None
    rows_node, rows_quads = source_rows(DATASET, rows.file, rows.line)
    yield from rows_quads
    coverage_end = SYSTEMS[system][2]
    for s, e, state in parts:
        if state is None:
            progress(
                f"  {rows.file}:{rows.line}: {system.upper()} {code} names no state from {s} to "
                f"{e} (state-periods.csv); those days are left out"
            )
            continue
        f = NamedNode(ID(f"fact/{DATASET.name}/{system}-{code}-{s.isoformat()}"))
        yield from fact_quads(f, ("Fact", "SystemMembership"), DATASET, rows_node)
        yield Quad(f, NamedNode(ORG("member")), NamedNode(state), g)
        yield Quad(f, NamedNode(ORG("organization")), NamedNode(system_iri(system)), g)
        yield Quad(f, NamedNode(DG("systemCode")), Literal(str(code), datatype=_INT), g)
        yield from day_quads(f, "startDate", g, s)
        if e < coverage_end:
            yield from day_quads(f, "endDate", g, e)
        if len(parts) > 1:
            yield Quad(
                f, NamedNode(DG("note")),
                Literal(
                    f"{system.upper()} spell {start} to {end} of code {code} split where the code "
                    "passes from one state to the next (state-periods.csv): "
                    f"this part is {s} to {e}",
                    language="en",
                ),
                g,
            )
        yield Quad(f, NamedNode(DG("factType")), Literal("system-membership"), g)
        yield Quad(f, NamedNode(DG("involves")), NamedNode(state), g)


_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
