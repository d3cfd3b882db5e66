"""COW Inter-State War v4.0 -> ``dg:War`` events in ``dgg:dataset/cow-wars``.

The file is directed dyad-years of states on opposite sides of a war (each pair twice). One
``dg:War`` per war number, with one ``dg:WarParticipation`` episode per state and run of
consecutive years with the same side, the same entity behind the code and the same resumption
flag (a resumed war or a change of side starts a new episode). A participant's side (COW's side
1 or 2), initiator code, outcome and battle deaths are read from the rows where it is
``ccode1``; the years are the true precision of the file (it has no days).

Defects are reported and never silent: an exact duplicate row is read once; battle deaths of
-9 are unknown (no value); an outcome or a death toll that differs between the years of one
episode keeps the first and says so with ``dg:note``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .datasets import DatasetInfo, Progress
from .peace_science import CONDUIT, Out, Table, concept, fact_iri

FILE = "peace-science/cow_war_inter.csv"
DATASET = DatasetInfo(
    name="cow-wars",
    title="Correlates of War Inter-State War data v4.0 (directed dyad-years, 1823-2003)",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Sarkees, M. R. & Wayman, F. W. (2010). Resort to War: A Data Guide to Inter-State, "
        "Extra-State, Intra-State, and Non-State Wars, 1816-2007. Washington DC: CQ Press"
    ),
    version="4.0",
    licence="COW terms of use: free for research with citation; values only",
    conduit=CONDUIT,
)
COLUMNS = (
    "warnum", "ccode1", "ccode2", "year", "sidea1", "initiator1", "outcome1", "batdeath1",
    "resume",
)


def war_iri(warnum: int) -> str:
    """>>> war_iri(139)
    'https://diplograph.org/id/fact/cow-wars/139'
    """
    return fact_iri(DATASET.name, str(warnum))


def quads(data_dir: Path, periods, progress: Progress) -> Iterator[str]:  # noqa: ANN001
    """Every war of the file with its participation episodes."""
    table = Table(data_dir, FILE, COLUMNS)
    # war -> (state, side) -> year -> (side, initiator, outcome, deaths, resume, lines)
    wars: dict[int, dict[tuple[int, int], dict[int, tuple]]] = {}
    lines_of: dict[int, list[int]] = {}
    seen: set[tuple[str, ...]] = set()
    duplicates: list[int] = []
    for line, v in table:
        key = tuple(c.strip() for c in v)
        war = table.int(v[0], "warnum", lo=1, hi=9999)
        lines_of.setdefault(war, []).append(line)
        if key in seen:
            duplicates.append(line)
            continue
        seen.add(key)
        c1 = table.int(v[1], "ccode1", lo=1, hi=999)
        table.int(v[2], "ccode2", lo=1, hi=999)
        year = table.int(v[3], "year", lo=1800, hi=2030)
        side = table.int(v[4], "sidea1", lo=1, hi=2)
        initiator = table.flag(v[5], "initiator1")
        outcome = table.int(v[6], "outcome1", lo=1, hi=8, optional=True)
        deaths = table.int(v[7], "batdeath1", lo=-9, optional=True)
        if deaths is not None and deaths < 0 and deaths != -9:
            raise table.error("batdeath1", f"{deaths} is neither a count nor -9 (unknown)")
        resume = table.flag(v[8], "resume")
        # a state that changed sides (Germany in war 108, 1919) has two sides in one year
        years = wars.setdefault(war, {}).setdefault((c1, side), {})
        if year in years:  # several opponents in one year: one record, all the lines
            prev = years[year]
            years[year] = prev[:5] + (prev[5] + (line,),)
            continue
        years[year] = (side, initiator, outcome, deaths, resume, (line,))
    if duplicates:
        progress(f"  cow-wars: {len(duplicates)} duplicated rows read once ({duplicates[:5]})")

    out = Out(DATASET)
    yield from out.dataset_node()
    episodes = 0
    for war in sorted(wars):
        w = out.iri(war_iri(war))
        involved: set[str] = set()
        all_years: list[int] = []
        for code, _side in sorted(wars[war]):
            years = wars[war][(code, _side)]
            runs: list[list] = []
            for y in sorted(years):
                side, initiator, outcome, deaths, resume, lines = years[y]
                entity = table.state(periods, "cow", code, "ccode1", y, lines[0])
                if entity is None:
                    raise table.error("ccode1", f"COW code {code} names no state in {y}", lines[0])
                key = (entity, side, resume)
                if runs and runs[-1][0] == key and runs[-1][2] == y - 1:
                    runs[-1][2] = y
                    runs[-1][3].append(years[y])
                else:
                    runs.append([key, y, y, [years[y]]])
            for (entity, side, resume), first, last, rows in runs:
                episodes += 1
                involved.add(entity)
                all_years += [first, last]
                p = out.iri(f"{w.value}/participant/{code}-{first}-{side}")
                lines = [ln for r in rows for ln in r[5]]
                rows_node, rows_quads = out.rows(FILE, lines)
                yield from rows_quads
                yield out.q(w, out.dg("participantEpisode"), p)
                yield from out.types(p, "WarParticipation", "ConflictParticipation")
                yield out.q(p, out.derived, rows_node)
                yield out.rel(p, "participant", entity)
                yield out.rel(p, "side", concept("side", str(side)) or "")
                yield out.boolean(p, "initiator", any(r[1] for r in rows))
                if resume:
                    yield out.boolean(p, "resumption", True)
                outcomes = [r[2] for r in rows if r[2] is not None]
                if outcomes:
                    yield out.rel(p, "warOutcome", concept("war-outcome", str(outcomes[0])) or "")
                    if len(set(outcomes)) > 1:
                        yield out.note(p, f"COW gives this participant several outcomes over the "
                                          f"years ({sorted(set(outcomes))}); the first is kept.")
                counts = [r[3] for r in rows if r[3] is not None and r[3] >= 0]
                if counts:
                    yield out.integer(p, "battleDeaths", counts[0])
                    if len(set(counts)) > 1:
                        yield out.note(p, f"COW gives this participant several battle-death "
                                          f"figures ({sorted(set(counts))}); the first is kept.")
                yield from out.date(p, "startDate", first)
                yield from out.date(p, "endDate", last)
        first, last = min(all_years), max(all_years)
        rows_node, rows_quads = out.rows(FILE, lines_of[war])
        yield from rows_quads
        yield from out.fact(w, ("Fact", "War"), "war", [rows_node], involved)
        yield out.integer(w, "warNumber", war)
        span = str(first) if first == last else f"{first}–{last}"
        yield from out.label(
            w,
            f"COW inter-state war {war} ({span})",
            f"Chiến tranh giữa các quốc gia COW số {war} ({span})",
        )
        yield from out.date(w, "startDate", first)
        yield from out.date(w, "endDate", last)
    progress(f"  cow-wars: {len(wars)} wars, {episodes} participation episodes")
