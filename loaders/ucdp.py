"""UCDP/PRIO Armed Conflict Dataset v25.1 -> ``dg:ArmedConflict`` in ``dgg:dataset/ucdp``.

The file is conflict-years, repeated once per combination of states on a side and of secondary
supporters (the conduit split UCDP's comma-separated ``gwno`` cells into rows; a cell that still
holds several codes, ``"2, 200"``, is split here too). Per conflict: one ``dg:ArmedConflict``
with its first start date; one ``dg:ConflictEpisode`` per episode start date, ending on
``ep_end_date`` in the year ``ep_end`` is 1 (or still going when the data end: right-censored);
one ``dg:ConflictYear`` per year with the states on each side and their secondary supporters
(G–W codes, attributed to the entity of that year), the incompatibility (``both`` is territory
and government), the intensity and the type of conflict. Side B is a non-state group, not named
in these data, unless the conflict is interstate.

UCDP's start-date precision codes (1–7) are kept (``dg:ucdpStartPrecision``) and mapped to the
project's precisions: 1–2 day, 3–4 month, 5–7 year; the date is never written finer than that.
Values that differ between the repeated rows of one conflict-year keep the first and are noted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .datasets import DatasetInfo, Progress
from .peace_science import CONDUIT, Out, Table, concept, fact_iri

FILE = "peace-science/ucdp_acd.csv"
DATASET = DatasetInfo(
    name="ucdp",
    title="UCDP/PRIO Armed Conflict Dataset v25.1 (state-based armed conflicts, 1946-2024)",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Gleditsch, N. P., Wallensteen, P., Eriksson, M., Sollenberg, M. & Strand, H. (2002). "
        "Armed Conflict 1946-2001: A New Dataset. Journal of Peace Research 39(5): 615-637; "
        "Davies, S., Pettersson, T., Sollenberg, M. & Öberg, M. (2025). Organized violence "
        "1989-2024, and the challenges of identifying civilian victims. Journal of Peace "
        "Research 62(4): 1223-1240"
    ),
    version="25.1",
    licence="CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    conduit=CONDUIT,
)
COLUMNS = (
    "conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "incompatibility",
    "intensity_level", "type_of_conflict", "start_date", "start_prec", "start_date2",
    "start_prec2", "ep_end", "ep_end_date",
)
#: The last year the data observe.
COVERAGE_END = 2024
SIDES = (("gwno_a", "sideA", 2), ("gwno_a_2nd", "secondarySideA", 3),
         ("gwno_b", "sideB", 4), ("gwno_b_2nd", "secondarySideB", 5))
#: The conflict-year values that must agree between the repeated rows of one conflict-year.
SAME = (6, 7, 8, 9, 10, 11, 12, 13, 14)
_SPLIT = re.compile(r"[,;\s]+")


def conflict_iri(conflict_id: int) -> str:
    """>>> conflict_iri(11342)
    'https://diplograph.org/id/fact/ucdp/11342'
    """
    return fact_iri(DATASET.name, str(conflict_id))


def _precision(code: int) -> str:
    """UCDP precision code -> the project's precision.

    >>> [_precision(c) for c in range(1, 8)]
    ['day', 'day', 'month', 'month', 'year', 'year', 'year']
    """
    return "day" if code <= 2 else "month" if code <= 4 else "year"


def _date_quads(out: Out, s, prop: str, d, code: int) -> Iterator[str]:  # noqa: ANN001
    prec = _precision(code)
    if prec == "day":
        yield from out.date(s, prop, d.year, d.month, d.day)
    elif prec == "month":
        yield from out.date(s, prop, d.year, d.month)
    else:
        yield from out.date(s, prop, d.year)
    yield out.integer(s, "ucdpStartPrecision", code)


def quads(data_dir: Path, periods, progress: Progress) -> Iterator[str]:  # noqa: ANN001
    """Every conflict with its episodes and conflict years."""
    t = Table(data_dir, FILE, COLUMNS)
    # conflict -> year -> {"lines": [...], "v": first row values, side -> set(codes), notes}
    conflicts: dict[int, dict[int, dict]] = {}
    for line, v in t:
        cid = t.int(v[0], "conflict_id", lo=1, hi=10**7)
        year = t.int(v[1], "year", lo=1900, hi=2100)
        rec = conflicts.setdefault(cid, {}).get(year)
        if rec is None:
            rec = {"lines": [], "v": [c.strip() for c in v], "notes": [],
                   **{prop: {} for _c, prop, _i in SIDES}}
            conflicts[cid][year] = rec
            # check the values once per conflict-year
            t.int(v[7], "intensity_level", lo=1, hi=2)
            t.int(v[10], "start_prec", lo=1, hi=7)
            t.int(v[12], "start_prec2", lo=1, hi=7)
            t.date(v[9], "start_date")
            t.date(v[11], "start_date2")
            ended = t.flag(v[13], "ep_end")
            end = t.date(v[14], "ep_end_date", optional=True)
            if ended and end is None:
                raise t.error("ep_end_date", "empty although ep_end is 1")
            if end is not None and not ended:
                raise t.error("ep_end", "0 although ep_end_date is given")
            if v[6].strip() not in ("territory", "government", "both"):
                raise t.error("incompatibility", f"{v[6]!r} is not territory, government or both")
            if concept("conflict-type", v[8].strip()) is None:
                raise t.error("type_of_conflict", f"{v[8]!r} is not a UCDP type of conflict")
        else:
            for i in SAME:
                if v[i].strip() != rec["v"][i]:
                    rec["notes"].append(
                        f"UCDP rows of this conflict-year disagree on {COLUMNS[i]} "
                        f"({rec['v'][i]!r} and {v[i].strip()!r}, line {line}); the first is kept."
                    )
        rec["lines"].append(line)
        for col, prop, i in SIDES:
            text = v[i].strip()
            if not text:
                continue
            for code_text in _SPLIT.split(text):
                code = t.int(code_text, col, lo=1, hi=999)
                entity = t.state(periods, "gw", code, col, year)
                rec[prop].setdefault(code, entity)

    out = Out(DATASET)
    yield from out.dataset_node()
    n_episodes = n_years = 0
    stateless: list[str] = []
    for cid in sorted(conflicts):
        years = conflicts[cid]
        c = out.iri(conflict_iri(cid))
        first = years[min(years)]["v"]
        all_lines = [ln for rec in years.values() for ln in rec["lines"]]
        rows, rows_q = out.rows(FILE, all_lines)
        yield from rows_q
        involved = {e for rec in years.values() for _c, prop, _i in SIDES
                    for e in rec[prop].values() if e}
        yield from out.fact(c, ("Fact", "ArmedConflict"), "armed-conflict", [rows], involved)
        yield out.integer(c, "ucdpConflictId", cid)
        span = f"{min(years)}" if len(years) == 1 else f"{min(years)}–{max(years)}"
        yield from out.label(c, f"UCDP armed conflict {cid} ({span})",
                             f"Xung đột vũ trang UCDP số {cid} ({span})")
        yield from _date_quads(out, c, "startDate", t.date(first[9], "start_date"), int(first[10]))
        episodes: dict[str, list[int]] = {}
        for y in sorted(years):
            episodes.setdefault(years[y]["v"][11], []).append(y)
        for start2, ep_years in episodes.items():
            n_episodes += 1
            e = out.iri(f"{c.value}/episode/{start2}")
            rec0 = years[ep_years[0]]["v"]
            yield out.q(c, out.dg("episode"), e)
            yield from out.types(e, "ConflictEpisode")
            yield out.q(e, out.iri("http://semanticweb.cs.vu.nl/2009/11/sem/subEventOf"), c)
            ep_rows, ep_rows_q = out.rows(FILE, [ln for y in ep_years for ln in years[y]["lines"]])
            yield from ep_rows_q
            yield out.q(e, out.derived, ep_rows)
            yield from _date_quads(out, e, "startDate", t.date(start2, "start_date2"),
                                   int(rec0[12]))
            end_text = next(
                (years[y]["v"][14] for y in ep_years if years[y]["v"][13] == "1"), "")
            if end_text:
                d = t.date(end_text, "ep_end_date")
                yield from out.date(e, "endDate", d.year, d.month, d.day)
            elif ep_years[-1] == COVERAGE_END:
                yield out.boolean(e, "rightCensored", True)
            else:
                yield out.note(e, f"UCDP gives no end date for this episode, whose last year "
                                  f"is {ep_years[-1]}.")
            for y in ep_years:
                n_years += 1
                rec = years[y]
                yv = out.iri(f"{c.value}/year/{y}")
                yr_rows, yr_rows_q = out.rows(FILE, rec["lines"])
                yield from yr_rows_q
                yield out.q(c, out.dg("conflictYear"), yv)
                yield from out.types(yv, "ConflictYear")
                yield out.q(yv, out.derived, yr_rows)
                yield out.rel(yv, "inEpisode", e.value)
                yield out.gyear(yv, "year", y)
                val = rec["v"]
                yield out.rel(yv, "intensity", concept("intensity", val[7]) or "")
                for inc in (("territory", "government") if val[6] == "both" else (val[6],)):
                    yield out.rel(yv, "incompatibility", concept("incompatibility", inc) or "")
                yield out.rel(yv, "conflictType", concept("conflict-type", val[8]) or "")
                for col, prop, _i in SIDES:
                    for code, entity in sorted(rec[prop].items()):
                        if entity is None:
                            stateless.append(f"{cid}/{y}: {col} {code}")
                            yield out.note(yv, f"G-W code {code} ({col}) names no state in {y}; "
                                               "it is left out.")
                        else:
                            yield out.rel(yv, prop, entity)
                for n in rec["notes"]:
                    yield out.note(yv, n)
    if stateless:
        progress(f"  ucdp: {len(stateless)} side codes name no state that year ({stateless[:3]})")
    progress(f"  ucdp: {len(conflicts)} conflicts, {n_episodes} episodes, {n_years} conflict-years")
