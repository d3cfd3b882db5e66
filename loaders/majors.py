"""COW major powers -> ``dg:MajorPowerStatus`` facts in ``dgg:dataset/cow-majors``.

A row of ``peace-science/cow_majors.csv`` is a spell during which a COW state was a major power.
It becomes one fact per state entity its code names in those days (``dg:state``,
day-precision ``dg:startDate``/``dg:endDate``): COW's spell of 365 from 1922-01-01 is the RSFSR
to 1922-12-29, the USSR to 1991-12-25, then Russia. A spell that reaches the end of COW's
coverage (2016-12-31) has no end.

>>> from diplograph.loaders.registry import default_data_dir
>>> from diplograph.loaders.datasets import parsed
>>> qs = list(parsed(quads(default_data_dir(), StatePeriods.load()), DATASET.graph))
>>> sum(1 for q in qs if q.object.value.endswith("#MajorPowerStatus")) > 14
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from ..graph.namespaces import ID
from .datasets import PEACESCIENCER as CONDUIT
from .datasets import DatasetInfo
from .state_periods import StatePeriods
from .tables import Out, Table

FILE = "peace-science/cow_majors.csv"
DATASET = DatasetInfo(
    name="cow-majors",
    title="COW major powers (State System Membership v2016)",
    files=(FILE, "registry/state-periods.csv"),
    citation="Correlates of War Project (2017). State System Membership List, v2016",
    version="2016",
    licence="free for research with citation; values only",
    conduit=CONDUIT,
)
COVERAGE_END = dt.date(2016, 12, 31)


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[str]:
    """The major-power spells (N-Triples lines), in the file's row order."""
    out = Out(DATASET)
    yield from out.dataset_node()
    rows = Table(
        data_dir, FILE, ("ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")
    )
    for row in rows.dicts():

        code = rows.int(row["ccode"], "ccode", lo=1, hi=999)
        start = rows.ymd(row, "st", lo=1800, hi=2016)
        end = rows.ymd(row, "end", lo=1800, hi=2016)
        if end < start:
            raise rows.error("endyear", f"{end} is before the start {start}")
        try:
            parts = periods.split_dates("cow", code, start, end)
        except Exception as exc:  # an unknown code
            raise rows.error("ccode", str(getattr(exc, "message", exc))) from None
        rows_node, rows_lines = out.rows(FILE, [rows.line])
        yield from rows_lines
        for s, e, state in parts:
            if state is None:
                progress(
                    f"  {FILE}:{rows.line}: COW {code} names no state from {s} to {e} "
                    "(state-periods.csv); those days are left out"
                )
                continue
            f = out.iri(ID(f"fact/{DATASET.name}/{code}-{s.isoformat()}"))
            yield from out.provenance(f, ("Fact", "MajorPowerStatus"), rows_node)
            yield out.rel(f, "state", state)
            yield from out.day_date(f, "startDate", s)
            if e < COVERAGE_END:
                yield from out.day_date(f, "endDate", e)
            if len(parts) > 1:
                yield out.note(
                    f, f"COW major-power spell {start} to {end} split where COW {code} passes "
                    f"from one state to the next (state-periods.csv): this part is {s} to {e}")
            yield out.text(f, "factType", "major-power")
            yield out.rel(f, "involves", state)
