"""GML MID v2.2.1 -> ``dg:MilitarizedDispute`` events in ``dgg:dataset/mid``.

``gml_mid_disps.csv`` gives one row per dispute (start year and month, outcome, settlement,
fatality level, highest action, hostility level, reciprocation, durations); ``gml_part.csv``
one row per participant episode (state, start and end, side A, highest action, originator, and
the Archigos leaders in office at the start and at the end).

Dates keep their true precision: a day of ``-9`` is unknown, so the date is a month
(``xsd:gYearMonth``); the day the data set imputes (``dummy_stday``/``dummy_endday``) is kept
apart as ``dg:imputedStartDate``/``dg:imputedEndDate``, never as a day-precision date.

Leaders: ``obsid_start``/``obsid_end`` name Archigos leader spells; a link
``dgr:leader/{obsid}`` is written only when ``archigos.csv`` has that spell, for the same state
(its G–W code names the same entity as the participant's COW code at that date) and in office
at that date (at the date's precision). Names are never compared. A leader the check refuses is
reported and noted.

A dispute's start is the dispute file's year and month; its end is the latest participant end.
An implausible value (a month of 13) is kept out of the date and flagged with ``dg:note``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path

from .datasets import DatasetInfo, Progress
from .peace_science import CONDUIT, Out, Table, concept, fact_iri, leader_iri

DISPUTES = "peace-science/gml_mid_disps.csv"
PARTICIPANTS = "peace-science/gml_part.csv"
ARCHIGOS = "peace-science/archigos.csv"
DATASET = DatasetInfo(
    name="mid",
    title="Gibler-Miller-Little militarized interstate disputes v2.2.1 (1816-2010)",
    files=(DISPUTES, PARTICIPANTS, ARCHIGOS, "registry/state-periods.csv"),
    citation=(
        "Gibler, D. M., Miller, S. V. & Little, E. K. (2016). An Analysis of the Militarized "
        "Interstate Dispute (MID) Dataset, 1816-2001. International Studies Quarterly 60(4): "
        "719-730; leaders: Goemans, Gleditsch & Chiozza (2009), Introducing Archigos, Journal of "
        "Peace Research 46(2): 269-83"
    ),
    version="2.2.1",
    licence="MID terms: free for research with citation; values only",
    conduit=CONDUIT,
)
DISPUTE_COLUMNS = (
    "dispnum", "styear", "stmon", "outcome", "settle", "fatality", "mindur", "maxdur", "hiact",
    "hostlev", "recip",
)
PARTICIPANT_COLUMNS = (
    "dispnum", "ccode", "styear", "stmon", "stday", "endyear", "endmon", "endday",
    "obsid_start", "obsid_end", "dummy_stday", "dummy_endday", "sidea", "hiact", "orig",
)
ARCHIGOS_COLUMNS = ("obsid", "gwcode", "startdate", "enddate")


def dispute_iri(dispnum: int) -> str:
    """>>> dispute_iri(2)
    'https://diplograph.org/id/fact/mid/2'
    """
    return fact_iri(DATASET.name, str(dispnum))


@functools.cache
def _days_in(year: int, month: int) -> int:
    """The number of days of ``month`` of ``year`` (``calendar.monthrange``, kept: the
    participant dates ask for the same few thousand months 53,000 times)."""
    return calendar.monthrange(year, month)[1]


class _Date:
    """A participant date: year, month, day (None when unknown) and the imputed day."""

    def __init__(self, year: int, month: int, day: int | None, imputed: int | None) -> None:
        self.year, self.month, self.day, self.imputed = year, month, day, imputed

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def latest(self) -> dt.date:
        last = _days_in(self.year, self.month)
        return dt.date(self.year, self.month, self.day or last)

    @property
    def best(self) -> dt.date:
        """The day to attribute the state by: the known day, else the imputed one."""
        day = self.day or self.imputed or 1
        last = _days_in(self.year, self.month)
        return dt.date(self.year, self.month, min(day, last))


def _part_date(t: Table, v: list[str], y: int, m: int, d: int, imp: int) -> _Date:
    year = t.int(v[y], PARTICIPANT_COLUMNS[y], lo=1800, hi=2030)
    month = t.int(v[m], PARTICIPANT_COLUMNS[m], lo=1, hi=12)
    day = t.int(v[d], PARTICIPANT_COLUMNS[d], lo=-9, hi=31)
    imputed = t.int(v[imp], PARTICIPANT_COLUMNS[imp], lo=1, hi=31, optional=True)
    if day < 1 and day != -9:
        raise t.error(PARTICIPANT_COLUMNS[d], f"{day} is neither a day nor -9 (unknown)")
    if day > 0:
        if day > _days_in(year, month):
            raise t.error(PARTICIPANT_COLUMNS[d], f"{year}-{month:02d}-{day:02d} is not a date")
        return _Date(year, month, day, None)
    if imputed is not None and imputed > _days_in(year, month):
        raise t.error(PARTICIPANT_COLUMNS[imp], f"{year}-{month:02d}-{imputed:02d} is not a date")
    return _Date(year, month, None, imputed)


def _archigos(data_dir: Path) -> dict[str, tuple[int, dt.date, dt.date]]:
    """obsid -> (gwcode, start, end) of every Archigos leader spell."""
    t = Table(data_dir, ARCHIGOS, ARCHIGOS_COLUMNS)
    out: dict[str, tuple[int, dt.date, dt.date]] = {}
    for _line, v in t:
        out[v[0].strip()] = (
            t.int(v[1], "gwcode", lo=1, hi=999),
            t.date(v[2], "startdate"),
            t.date(v[3], "enddate"),
        )
    return out


def quads(data_dir: Path, periods, progress: Progress) -> Iterator[str]:  # noqa: ANN001
    """Every dispute with its participant episodes."""
    leaders = _archigos(data_dir)
    out = Out(DATASET)
    yield from out.dataset_node()

    # -- participants first: a dispute's end and involved states come from them ------------
    pt = Table(data_dir, PARTICIPANTS, PARTICIPANT_COLUMNS)
    parts: dict[int, list[tuple]] = {}
    refused_leaders: list[str] = []
    for line, v in pt:
        disp = pt.int(v[0], "dispnum", lo=1, hi=99999)
        code = pt.int(v[1], "ccode", lo=1, hi=999)
        start = _part_date(pt, v, 2, 3, 4, 10)
        end = _part_date(pt, v, 5, 6, 7, 11)
        if end.latest < start.earliest:
            raise pt.error("endyear", f"the episode ends ({end.latest}) before it starts")
        side = "a" if pt.flag(v[12], "sidea") else "b"
        hiact = pt.int(v[13], "hiact", lo=-9, hi=23)
        orig = pt.flag(v[14], "orig")
        entity = pt.state(periods, "cow", code, "ccode", start.best)
        if entity is None:
            raise pt.error("ccode", f"COW code {code} names no state on {start.best}")
        notes = []
        end_entity = periods.entity("cow", code, end.best)
        if end_entity != entity:
            notes.append(
                f"the state behind COW code {code} changed during the episode; it is attributed "
                f"to the state at its start ({entity.rsplit('/', 1)[1]})"
            )
        links = []
        for col, obs_col, when in (("leaderAtStart", 8, start), ("leaderAtEnd", 9, end)):
            obsid = v[obs_col].strip()
            if not obsid:
                continue
            why = _check_leader(periods, leaders.get(obsid), entity if col == "leaderAtStart"
                                else end_entity, when)
            if why:
                refused_leaders.append(f"{PARTICIPANTS}:{line}: {PARTICIPANT_COLUMNS[obs_col]}")
                notes.append(f"the leader {obsid} the data name is not linked: {why}")
            else:
                links.append((col, leader_iri(obsid)))
        parts.setdefault(disp, []).append(
            (line, code, start, end, side, hiact, orig, entity, links, notes)
        )
    if refused_leaders:
        progress(f"  mid: {len(refused_leaders)} leader ids not linked ({refused_leaders[:3]} …)")

    dt_ = Table(data_dir, DISPUTES, DISPUTE_COLUMNS)
    seen: set[int] = set()
    episodes = 0
    for line, v in dt_:
        disp = dt_.int(v[0], "dispnum", lo=1, hi=99999)
        if disp in seen:
            raise dt_.error("dispnum", f"dispute {disp} is listed twice")
        seen.add(disp)
        if disp not in parts:
            raise dt_.error("dispnum", f"dispute {disp} has no participant in {PARTICIPANTS}")
        s = out.iri(dispute_iri(disp))
        year = dt_.int(v[1], "styear", lo=1800, hi=2030)
        month = dt_.int(v[2], "stmon", lo=-9, hi=99)
        rows_node, rows_quads = out.rows(DISPUTES, [line])
        yield from rows_quads
        plines = [p[0] for p in parts[disp]]
        prow_node, prow_quads = out.rows(PARTICIPANTS, plines)
        yield from prow_quads
        involved = {p[7] for p in parts[disp]}
        yield from out.fact(s, ("Fact", "MilitarizedDispute"), "dispute", [rows_node, prow_node],
                            involved)
        yield out.integer(s, "disputeNumber", disp)
        yield from out.label(s, f"Militarized interstate dispute {disp} ({year})",
                             f"Tranh chấp quân sự giữa các quốc gia số {disp} ({year})")
        if 1 <= month <= 12:
            yield from out.date(s, "startDate", year, month)
        else:
            yield from out.date(s, "startDate", year)
            if month != -9:
                yield out.note(s, f"The dispute file gives start month {month}, which is not a "
                                  "month: the start is kept at year precision.")
        last = max(parts[disp], key=lambda p: (p[3].latest, p[3].earliest))[3]
        yield from out.date(s, "endDate", last.year, last.month, last.day)
        for prop, scheme, i in (
            ("disputeOutcome", "mid-outcome", 3), ("settlement", "mid-settlement", 4),
            ("fatalityLevel", "fatality-level", 5), ("highestAction", "mid-action", 8),
            ("hostilityLevel", "hostility-level", 9),
        ):
            code = dt_.int(v[i], DISPUTE_COLUMNS[i], lo=-9, hi=99)
            if code == -9:
                continue  # missing in the data
            c = concept(scheme, str(code))
            if c is None:
                raise dt_.error(DISPUTE_COLUMNS[i], f"{code} is not a {scheme} code")
            yield out.rel(s, prop, c)
        for prop, i in (("minDuration", 6), ("maxDuration", 7)):
            d = dt_.int(v[i], DISPUTE_COLUMNS[i], lo=-9, optional=True)
            if d is not None and d >= 0:
                yield out.integer(s, prop, d)
        yield out.boolean(s, "reciprocated", dt_.flag(v[10], "recip"))

        counters: dict[int, int] = {}
        for pline, code, start, end, side, hiact, orig, entity, links, notes in parts[disp]:
            episodes += 1
            counters[code] = counters.get(code, 0) + 1
            p = out.iri(f"{s.value}/participant/{code}-{counters[code]}")
            prow, prow_q = out.rows(PARTICIPANTS, [pline])
            yield from prow_q
            yield out.q(s, out.dg("participantEpisode"), p)
            yield from out.types(p, "DisputeParticipation", "ConflictParticipation")
            yield out.q(p, out.derived, prow)
            yield out.rel(p, "participant", entity)
            yield out.rel(p, "side", concept("side", "1" if side == "a" else "2") or "")
            yield out.boolean(p, "originator", orig)
            if hiact != -9:
                c = concept("mid-action", str(hiact))
                if c is None:
                    raise pt.error("hiact", f"{hiact} is not a MID action code", pline)
                yield out.rel(p, "highestAction", c)
            yield from out.date(p, "startDate", start.year, start.month, start.day)
            yield from out.date(p, "endDate", end.year, end.month, end.day)
            if start.day is None and start.imputed:
                yield out.day(p, "imputedStartDate", start.best)
            if end.day is None and end.imputed:
                yield out.day(p, "imputedEndDate", end.best)
            for prop, iri in links:
                yield out.rel(p, prop, iri)
            for n in notes:
                yield out.note(p, n)
    missing = set(parts) - seen
    if missing:
        raise pt.error("dispnum", f"disputes {sorted(missing)[:5]} are not in {DISPUTES}")
    progress(f"  mid: {len(seen):,} disputes, {episodes:,} participant episodes")


def _check_leader(periods, leader, entity: str | None, when: _Date) -> str | None:  # noqa: ANN001
    """Why a leader id may not be linked (None: it may): unknown, another state, not in office."""
    if leader is None:
        return "no such spell in archigos.csv"
    gwcode, start, end = leader
    try:
        gw_entity = periods.entity("gw", gwcode, max(start, min(end, when.best)))
    except Exception:  # noqa: BLE001 - an unknown G-W code
        gw_entity = None
    if gw_entity != entity:
        return f"Archigos codes it for G-W {gwcode}, not the participant's state"
    if end < when.earliest or start > when.latest:
        return f"in office {start}..{end}, not at {when.earliest}..{when.latest}"
    return None
