"""The COW and Gleditsch–Ward state systems -> ``dg:SystemMembership`` facts in
``dgg:dataset/state-systems``.

A row of ``cow-igo-v3/cow_states2016.csv`` (COW State System Membership v2016) or of
``peace-science/gw_states.csv`` (Gleditsch–Ward) is a spell during which a state was an
independent member of that system. It becomes one ``dg:SystemMembership`` (``org:member`` the
state, ``org:organization`` the system ``dgr:system/cow`` or ``dgr:system/gw``, day-precision
``dg:startDate``/``dg:endDate``, and the list's own abbreviation and name of the state,
``dg:systemAbbreviation`` and ``dg:systemStateName``) per state entity the code names in those
days (``loaders/state_periods.py``): COW's one spell of 365 from 1816 to 2016 is five facts (the
Russian Empire, the Russian Republic, the RSFSR, the USSR and Russia). A spell that reaches the
end of the list's coverage (COW 2016-12-31, G–W 2017-12-31) has no end.

The rows of ``registry/state-periods.csv`` for every code of the two lists go in the same graph
as ``dg:CodePeriod`` nodes (``dg:stateSystem``, ``dg:stateCode``, ``dg:state`` the entity the
code names, ``dg:startDate``/``dg:endDate`` where the row has them, and the row they come from):
the days a code names each state, which the membership spells cannot give where a state left
the list before its code passed on (COW 255 names the German Reich to 1945-06-04, not to 1945-05-08
when its spell ends), so that the name matcher of a server, which reads the store only, reads
the same periods as ``diplograph link`` reads from the file (``linking/code_systems.py``).

>>> from diplograph.loaders.registry import default_data_dir
>>> from diplograph.loaders.datasets import parsed
>>> qs = list(parsed(quads(default_data_dir(), StatePeriods.load()), DATASET.graph))
>>> sorted({q.object.value for q in qs if q.predicate.value.endswith("#organization")})
['https://diplograph.org/id/system/cow', 'https://diplograph.org/id/system/gw']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from ..graph.namespaces import ID, ORG, SKOS
from .datasets import DatasetInfo
from .state_periods import MAX_DATE, MIN_DATE, StatePeriods
from .tables import Out, Table

COW_FILE = "cow-igo-v3/cow_states2016.csv"
GW_FILE = "peace-science/gw_states.csv"
PERIODS_FILE = "registry/state-periods.csv"
DATASET = DatasetInfo(
    name="state-systems",
    title="The COW (v2016) and Gleditsch-Ward state systems: membership spells",
    files=(COW_FILE, GW_FILE, PERIODS_FILE),
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
    # 2: dg:systemAbbreviation, dg:systemStateName; 3: the codes' dg:CodePeriod rows
    loader_version="3",
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
) -> Iterator[str]:
    """The two systems and their membership spells (N-Triples lines)."""
    out = Out(DATASET)
    yield from out.dataset_node()
    for system, (en, vi, _) in SYSTEMS.items():
        s = out.iri(system_iri(system))
        yield from out.types(s, "StateSystem")
        yield from out.label(s, en, vi)
        yield out.value(s, SKOS("prefLabel"), en, "en")
    cow = Table(
        data_dir, COW_FILE,
        ("ccode", "stateabb", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth",
         "endday"),
    )
    codes: set[tuple[str, int]] = set()
    for row in cow.dicts():
        code = cow.int(row["ccode"], "ccode", lo=1, hi=999)
        if code is not None:
            codes.add(("cow", code))
        yield from _spell(
            "cow", cow, code,
            cow.ymd(row, "st", lo=1800, hi=2016), cow.ymd(row, "end", lo=1800, hi=2016),
            periods, progress, out,
            (cow.text(row["stateabb"], "stateabb"), cow.text(row["statenme"], "statenme")),
        )
    gw = Table(data_dir, GW_FILE, ("gwcode", "stateabb", "statename", "startdate", "enddate"))
    for row in gw.dicts():
        lo, hi = dt.date(1800, 1, 1), dt.date(2017, 12, 31)
        start = gw.date(row["startdate"], "startdate", lo=lo, hi=hi)
        end = gw.date(row["enddate"], "enddate", lo=lo, hi=hi)
        code = gw.int(row["gwcode"], "gwcode", lo=1, hi=999)
        if code is not None:
            codes.add(("gw", code))
        yield from _spell(
            "gw", gw, code, start, end, periods,
            progress, out,
            (gw.text(row["stateabb"], "stateabb"), gw.text(row["statename"], "statename")),
        )
    yield from _code_periods(periods, codes, out)


def _code_periods(periods: StatePeriods, codes: set[tuple[str, int]], out: Out) -> Iterator[str]:
    """The rows of ``state-periods.csv`` for the codes of the two lists, as ``dg:CodePeriod``
    (an open start or end, 0001-01-01 or 9999-12-31 in the table, is left unstated)."""
    for system, code in sorted(codes):
        for p in periods.periods(system, code):
            f = out.iri(ID(f"fact/{DATASET.name}/period/{system}-{code}-{p.start.isoformat()}"))
            rows_node, rows_lines = out.rows(PERIODS_FILE, [p.line])
            yield from rows_lines
            yield from out.provenance(f, ("CodePeriod",), rows_node)
            yield out.rel(f, "stateSystem", system_iri(system))
            yield out.integer(f, "stateCode", code)
            yield out.rel(f, "state", p.iri)
            if p.start != MIN_DATE:
                yield from out.day_date(f, "startDate", p.start)
            if p.end != MAX_DATE:
                yield from out.day_date(f, "endDate", p.end)


def _spell(
    system: str, rows: Table, code: int | None, start: dt.date | None, end: dt.date | None,
    periods: StatePeriods, progress: Callable[[str], None], out: Out,
    names: tuple[str, str] = ("", ""),
) -> Iterator[str]:
    assert code is not None and start is not None and end is not None
    if end < start:
        raise rows.error("end", f"{end} is before the start {start}")
    try:
        parts = periods.split_dates(system, code, start, end)
    except Exception as exc:  # an unknown code
        column = "ccode" if system == "cow" else "gwcode"
        raise rows.error(column, str(getattr(exc, "message", exc))) from None
    rows_node, rows_lines = out.rows(rows.file, [rows.line])
    yield from rows_lines
    coverage_end = SYSTEMS[system][2]
    for s, e, state in parts:
        if state is None:
            progress(
                f"  {rows.file}:{rows.line}: {system.upper()} {code} names no state from {s} to "
                f"{e} (state-periods.csv); those days are left out"
            )
            continue
        f = out.iri(ID(f"fact/{DATASET.name}/{system}-{code}-{s.isoformat()}"))
        yield from out.provenance(f, ("Fact", "SystemMembership"), rows_node)
        yield out.q(f, out.iri(ORG("member")), out.iri(state))
        yield out.q(f, out.iri(ORG("organization")), out.iri(system_iri(system)))
        yield out.integer(f, "systemCode", code)
        abbrev, name = names
        if abbrev:
            yield out.text(f, "systemAbbreviation", abbrev)
        if name:
            yield out.text(f, "systemStateName", name)
        yield from out.day_date(f, "startDate", s)
        if e < coverage_end:
            yield from out.day_date(f, "endDate", e)
        if len(parts) > 1:
            yield out.note(
                f, f"{system.upper()} spell {start} to {end} of code {code} split where the code "
                "passes from one state to the next (state-periods.csv): "
                f"this part is {s} to {e}")
        yield out.text(f, "factType", "system-membership")
        yield out.rel(f, "involves", state)
