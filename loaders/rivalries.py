"""Thompson–Dreyer strategic rivalries -> ``dg:StrategicRivalry`` in ``dgg:dataset/rivalries``.

One row per rivalry (number, name, the two COW codes, first and last year, region, up to three
types). A rivalry whose years cross a change of the entity behind a code (Russia–Ottoman
Empire runs from the Russian Empire into the USSR) is split at the boundary into one spell per
pair of entities, each with the rivalry's number, name and types, each citing the row and
noting the split. Years in which a code names no state (Germany 1945–1990 for COW 255) are left
out and noted. Ongoing rivalries end in 2010 in the data (Thompson and Dreyer's coverage): those
spells are ``dg:rightCensored``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .datasets import DatasetInfo, Progress
from .peace_science import CONDUIT, Out, Table, concept, fact_iri

FILE = "peace-science/td_rivalries.csv"
DATASET = DatasetInfo(
    name="rivalries",
    title="Thompson and Dreyer strategic rivalries, 1494-2010",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Thompson, W. R. & Dreyer, D. (2012). Handbook of International Rivalries, 1494-2010. "
        "Washington DC: CQ Press"
    ),
    version="2012",
    licence="free for research with citation; values only",
    conduit=CONDUIT,
)
COLUMNS = (
    "rivalryno", "rivalryname", "ccode1", "ccode2", "styear", "endyear", "region", "type1",
    "type2", "type3",
)
#: Ongoing rivalries are right-bound at this year in the data.
COVERAGE_END = 2010


def rivalry_iri(number: int, first: int) -> str:
    """The spell of rivalry ``number`` that starts in ``first``.

    >>> rivalry_iri(1, 1494)
    'https://diplograph.org/id/fact/rivalries/1-1494'
    """
    return fact_iri(DATASET.name, f"{number}-{first}")


def quads(data_dir: Path, periods, progress: Progress) -> Iterator[str]:  # noqa: ANN001
    """Every rivalry of the file, split per pair of entities."""
    t = Table(data_dir, FILE, COLUMNS)
    out = Out(DATASET)
    yield from out.dataset_node()
    seen: set[int] = set()
    spells = split = 0
    for line, v in t:
        number = t.int(v[0], "rivalryno", lo=1, hi=99999)
        if number in seen:
            raise t.error("rivalryno", f"rivalry {number} is listed twice")
        seen.add(number)
        name = v[1].strip()
        if not name:
            raise t.error("rivalryname", "empty")
        c1 = t.int(v[2], "ccode1", lo=1, hi=999)
        c2 = t.int(v[3], "ccode2", lo=1, hi=999)
        first = t.int(v[4], "styear", lo=1400, hi=2030)
        last = t.int(v[5], "endyear", lo=1400, hi=2030)
        if last < first:
            raise t.error("endyear", f"{last} is before the start year {first}")
        types = []
        for i, col in enumerate(("type1", "type2", "type3")):
            text = v[7 + i].strip()
            if not text:
                continue
            c = concept("rivalry-type", text)
            if c is None:
                raise t.error(col, f"{text!r} is not a rivalry type (spatial, positional, "
                                   "ideological, interventionary)")
            types.append(c)
        if not types:
            raise t.error("type1", "empty")
        # one run per pair of entities (None where a code names no state)
        runs: list[list] = []
        for y in range(first, last + 1):
            key = (
                t.state(periods, "cow", c1, "ccode1", y),
                t.state(periods, "cow", c2, "ccode2", y),
            )
            if runs and runs[-1][0] == key:
                runs[-1][2] = y
            else:
                runs.append([key, y, y])
        gaps = [(a, b) for (e1, e2), a, b in runs if e1 is None or e2 is None]
        kept = [r for r in runs if r[0][0] and r[0][1]]
        if not kept:
            raise t.error("ccode1", f"neither code names a state in {first}-{last}")
        rows, rows_q = out.rows(FILE, [line])
        yield from rows_q
        if len(kept) > 1:
            split += 1
        for (e1, e2), a, b in kept:
            spells += 1
            s = out.iri(rivalry_iri(number, a))
            yield from out.fact(s, ("Fact", "StrategicRivalry"), "rivalry", [rows], {e1, e2})
            yield out.integer(s, "rivalryNumber", number)
            yield from out.label(s, f"{name} rivalry", f"Kình địch {name}")
            yield out.rel(s, "party", e1)
            yield out.rel(s, "party", e2)
            for c in types:
                yield out.rel(s, "rivalryType", c)
            yield out.rel(s, "primaryRivalryType", types[0])
            region = v[6].strip()
            if region:
                yield out.text(s, "region", region)
            yield from out.date(s, "startDate", a)
            yield from out.date(s, "endDate", b)
            if b == COVERAGE_END:
                yield out.boolean(s, "rightCensored", True)
            if len(kept) > 1:
                yield out.note(s, f"Thompson and Dreyer date this rivalry {first}-{last}; it is "
                                  f"split where the states behind the codes change: this spell "
                                  f"covers {a}-{b}.")
            for ga, gb in gaps:
                yield out.note(s, f"The years {ga}-{gb} of the rivalry are left out: a code names "
                                  "no state then.")
    progress(f"  rivalries: {len(seen)} rivalries, {spells} spells ({split} split between states)")

