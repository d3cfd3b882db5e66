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
>>> from diplograph.loaders.datasets import parsed
>>> qs = list(parsed(quads(default_data_dir(), StatePeriods.load()), DATASET.graph))
>>> len({q.subject.value for q in qs if "/fact/archigos/" in q.subject.value}) > 3409
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..graph.namespaces import DGC, ID, RDFS, SCHEMA, XSD
from .datasets import PEACESCIENCER as CONDUIT
from .datasets import DatasetInfo
from .state_periods import StatePeriods
from .tables import Out, Table

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
) -> Iterator[str]:
    """Every leader and tenure of Archigos (N-Triples lines), in the file's row order."""
    out = Out(DATASET)
    yield from out.dataset_node()
    rows = Table(
        data_dir, FILE,
        ("obsid", "gwcode", "leadid", "leader", "yrborn", "gender", "startdate", "enddate",
         "entry", "exit", "exitcode"),
    )
    seen: set[str] = set()
    skipped = split = 0
    for row in rows.dicts():
        obsid = rows.text(row["obsid"], "obsid")
        if obsid in seen:
            raise rows.error("obsid", f"{obsid!r} appears twice")
        seen.add(obsid)
        code = rows.int(row["gwcode"], "gwcode", lo=1, hi=999)
        start = rows.date(row["startdate"], "startdate", lo=dt.date(1800, 1, 1), hi=COVERAGE_END)
        end = rows.date(row["enddate"], "enddate", lo=dt.date(1800, 1, 1), hi=COVERAGE_END)
        if end < start:
            raise rows.error("enddate", f"{end} is before startdate {start}")
        entry = ENTRY.get(row["entry"])
        if entry is None:
            raise rows.error("entry", f"{row['entry']!r} is not one of {', '.join(ENTRY)}")
        if row["exit"] not in EXIT:
            raise rows.error("exit", f"{row['exit']!r} is not one of {', '.join(EXIT)}")
        exit_ = EXIT[row["exit"]]
        born = rows.int(row["yrborn"], "yrborn", lo=1700, hi=2000, optional=True)
        gender = GENDER.get(row["gender"])
        if gender is None:
            raise rows.error("gender", f"{row['gender']!r} is not M or F")
        try:
            parts = periods.split_dates("gw", code, start, end)
        except Exception as exc:  # an unknown code
            raise rows.error("gwcode", str(getattr(exc, "message", exc))) from None
        rows_node, rows_lines = out.rows(FILE, [rows.line])
        yield from rows_lines
        person = out.iri(leader_iri(obsid))
        yield from out.types(person, "Person")
        yield out.value(person, RDFS("label"), rows.text(row["leader"], "leader"))
        yield out.text(person, "archigosId", rows.text(row["leadid"], "leadid"))
        yield out.q(person, out.iri(SCHEMA("gender")), out.iri(gender))
        if born is not None:
            yield out.value(person, SCHEMA("birthDate"), f"{born:04d}", datatype=XSD("gYear"))
        yield out.text(person, "archigosObsId", obsid)
        yield out.q(person, out.derived, rows_node)
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
            f = out.iri(tenure_iri(obsid, key if len(kept) > 1 else None))
            yield from out.provenance(f, ("Fact", "LeaderTenure"), rows_node)
            yield out.q(f, out.dg("leader"), person)
            yield out.rel(f, "state", state)
            yield from out.day_date(f, "startDate", s)
            last = i == len(kept) - 1
            if not (last and exit_ is None):
                yield from out.day_date(f, "endDate", e)
            else:
                yield out.comment(f, "Still in office when Archigos 4.1 ends (2015-12-31).")
            if i == 0:
                yield out.rel(f, "entryManner", DGC("leader-entry/" + entry))
            if last:
                if exit_ is not None:
                    yield out.rel(f, "exitManner", DGC("leader-exit/" + exit_))
                yield out.text(f, "exitCircumstance", row["exitcode"], "en")
            if len(kept) > 1:
                yield out.note(
                    f, f"Archigos spell {obsid} ({start} to {end}) split where G-W {code} passes "
                    f"from one state to the next (state-periods.csv): this part is {s} to {e}")
            yield out.text(f, "factType", "leader-tenure")
            yield out.rel(f, "involves", state)
            yield out.q(f, out.dg("involves"), person)
    progress(f"  {split:,} tenures split between states; {skipped:,} parts with no state left out")


