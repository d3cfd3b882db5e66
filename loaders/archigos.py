"""Archigos 4.1 leaders -> ``dg:LeaderTenure`` facts in ``dgg:dataset/archigos``.

One row of ``peace-science/archigos.csv`` is a spell of a state's effective leader. It becomes

* a person ``dgr:leader/{obsid}`` (``dg:Person``; the name as the conduit made it ASCII, birth
  year, gender, Archigos' leader id: the same person in several spells shares ``dg:archigosId``);
* a tenure ``dgr:fact/archigos/{obsid}`` (``dg:LeaderTenure``): the person is the effective
  leader (``dg:leader``) of the state (``dg:state``) the G–W code names on those days, from
  ``dg:startDate`` to ``dg:endDate`` (day precision), with the manner of
  entry and exit (``dg:entryManner``, ``dg:exitManner``, concepts) and Archigos' exit code
  (``dg:exitCircumstance``). A leader still in office when the data end (2015-12-31) has no end.

A tenure that crosses a change of the state its code names (Lenin: the RSFSR, then the USSR) is
split at the boundary (``loaders/state_periods.py``): ``dgr:fact/archigos/{obsid}/{state key}``
per part, each citing the same row, with a ``dg:note``. Days when the code names no state are
left out and reported.

>>> from diplograph.loaders.state_periods import StatePeriods
>>> from diplograph.loaders.registry import default_data_dir
>>> qs = list(quads(default_data_dir(), StatePeriods.load()))
>>> len({q.subject.value for q in qs if "/fact/archigos/" in q.subject.value}) > 3409
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.namespaces import DG, DGC, ID, PROV, RDF, RDFS, SCHEMA, XSD
from .datasets import PEACESCIENCER as CONDUIT
from .datasets import CsvRows, DatasetInfo, dataset_quads, day_quads, fact_quads, source_rows
from .state_periods import StatePeriods

FILE = "peace-science/archigos.csv"
DATASET = DatasetInfo(
    name="archigos",
    title="Archigos 4.1: the effective leaders of states",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Goemans, H. E., Gleditsch, K. S. & Chiozza, G. (2009). Introducing Archigos: A Dataset "
        "of Political Leaders. Journal of Peace Research 46(2): 269-83"
    ),
    version="4.1",
    licence="free for research with citation; values only",
    conduit=CONDUIT,
)
#: The last day Archigos 4.1 observes.
COVERAGE_END = dt.date(2015, 12, 31)
ENTRY = {
    "Regular": "regular",
    "Irregular": "irregular",
    "Foreign Imposition": "foreign-imposition",
    "Unknown": "unknown",
}
EXIT = {
    "Regular": "regular",
    "Irregular": "irregular",
    "Natural Death": "natural-death",
    "Retired Due to Ill Health": "ill-health",
    "Foreign": "foreign",
    "Suicide": "suicide",
    "Unknown": "unknown",
    "Still in Office": None,
}
GENDER = {"M": SCHEMA("Male"), "F": SCHEMA("Female")}
RDFS_LABEL = NamedNode(RDFS("label"))
PROV_DERIVED = NamedNode(PROV("wasDerivedFrom"))


def leader_iri(obsid: str) -> str:
    """The person of an Archigos spell (``obsid``), the IRI other loaders compute to link a
    dispute participant to its leader.

    >>> leader_iri("USA-1869")
    'https://diplograph.org/id/leader/USA-1869'
    """
    return ID("leader/" + re.sub(r"[^A-Za-z0-9_.-]", "-", obsid))


def tenure_iri(obsid: str, part: str | None = None) -> str:
    """The tenure fact of a spell (``part``: the state key of one part of a split spell).

    >>> tenure_iri("RUS-1917-2", "SUN")
    'https://diplograph.org/id/fact/archigos/RUS-1917-2/SUN'
    """
    base = ID("fact/archigos/" + re.sub(r"[^A-Za-z0-9_.-]", "-", obsid))
    return f"{base}/{part}" if part else base


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[Quad]:
    """Every leader and tenure of Archigos, in the file's row order."""
    g = NamedNode(DATASET.graph)
    a = NamedNode(RDF("type"))
    yield from dataset_quads(DATASET)
    rows = CsvRows(
        data_dir, FILE,
        ("obsid", "gwcode", "leadid", "leader", "yrborn", "gender", "startdate", "enddate",
         "entry", "exit", "exitcode"),
    )
    seen: set[str] = set()
    skipped = split = 0
    for row in rows:
        obsid = rows.text(row, "obsid")
        if obsid in seen:
            raise rows.error("obsid", f"{obsid!r} appears twice")
        seen.add(obsid)
        code = rows.int(row, "gwcode", lo=1, hi=999)
        start = rows.date(row, "startdate", lo=dt.date(1800, 1, 1), hi=COVERAGE_END)
        end = rows.date(row, "enddate", lo=dt.date(1800, 1, 1), hi=COVERAGE_END)
        assert start is not None and end is not None
        if end < start:
            raise rows.error("enddate", f"{end} is before startdate {start}")
        entry = ENTRY.get(row["entry"])
        if entry is None:
            raise rows.error("entry", f"{row['entry']!r} is not one of {', '.join(ENTRY)}")
        if row["exit"] not in EXIT:
            raise rows.error("exit", f"{row['exit']!r} is not one of {', '.join(EXIT)}")
        exit_ = EXIT[row["exit"]]
        born = rows.int(row, "yrborn", lo=1700, hi=2000, optional=True)
        gender = GENDER.get(row["gender"])
        if gender is None:
            raise rows.error("gender", f"{row['gender']!r} is not M or F")
        try:
            parts = periods.split_dates("gw", code, start, end)
        except Exception as e:  # an unknown code
            raise rows.error("gwcode", str(getattr(e, "message", e))) from None
        rows_node, rows_quads = source_rows(DATASET, FILE, rows.line)
        yield from rows_quads
        person = NamedNode(leader_iri(obsid))
        yield Quad(person, a, NamedNode(DG("Person")), g)
        yield Quad(person, RDFS_LABEL, Literal(rows.text(row, "leader")), g)
        yield Quad(person, NamedNode(DG("archigosId")), Literal(rows.text(row, "leadid")), g)
        yield Quad(person, NamedNode(SCHEMA("gender")), NamedNode(gender), g)
        if born is not None:
            yield Quad(
                person, NamedNode(SCHEMA("birthDate")),
                Literal(f"{born:04d}", datatype=NamedNode(XSD("gYear"))), g,
            )
        yield Quad(person, NamedNode(DG("archigosObsId")), Literal(obsid), g)
        yield Quad(person, PROV_DERIVED, rows_node, g)
        kept = [p for p in parts if p[2] is not None]
        for s, e, _ in parts:
            if _ is None:
                skipped += 1
                progress(
                    f"  {FILE}:{rows.line}: {obsid}: G-W {code} names no state from {s} to {e} "
                    "(state-periods.csv); those days are left out"
                )
        if len(kept) > 1:
            split += 1
        for i, (s, e, state) in enumerate(kept):
            assert state is not None
            key = state.rsplit("/", 1)[1]
            f = NamedNode(tenure_iri(obsid, key if len(kept) > 1 else None))
            yield from fact_quads(f, ("Fact", "LeaderTenure"), DATASET, rows_node)
            yield Quad(f, NamedNode(DG("leader")), person, g)
            yield Quad(f, NamedNode(DG("state")), NamedNode(state), g)
            yield from day_quads(f, "startDate", g, s)
            last = i == len(kept) - 1
            if not (last and exit_ is None):
                yield from day_quads(f, "endDate", g, e)
            else:
                yield Quad(
                    f, NamedNode(RDFS("comment")),
                    Literal("Still in office when Archigos 4.1 ends (2015-12-31).", language="en"),
                    g,
                )
            if i == 0:
                entry_iri = NamedNode(DGC("leader-entry/" + entry))
                yield Quad(f, NamedNode(DG("entryManner")), entry_iri, g)
            if last:
                if exit_ is not None:
                    yield Quad(
                        f, NamedNode(DG("exitManner")), NamedNode(DGC("leader-exit/" + exit_)), g
                    )
                yield Quad(
                    f, NamedNode(DG("exitCircumstance")), Literal(row["exitcode"], language="en"), g
                )
            if len(kept) > 1:
                yield Quad(
                    f, NamedNode(DG("note")),
                    Literal(
                        f"Archigos spell {obsid} ({start} to {end}) split where G-W {code} passes "
                        f"from one state to the next (state-periods.csv): this part is {s} to {e}",
                        language="en",
                    ),
                    g,
                )
            yield Quad(f, NamedNode(DG("factType")), Literal("leader-tenure"), g)
            yield Quad(f, NamedNode(DG("involves")), NamedNode(state), g)
            yield Quad(f, NamedNode(DG("involves")), person, g)
    progress(f"  {split:,} tenures split between states; {skipped:,} parts with no state left out")


