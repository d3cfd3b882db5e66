"""ATOP v5.1 alliance obligations -> ``dg:AllianceObligation`` spells in ``dgg:dataset/atop``.

The file is directed dyad-years: row (A, B, year) says which obligations A owes B that year, and
ATOP lists both directions. Each pair becomes one undirected fact per spell: a run of
consecutive years in which the same two entities hold the codes and the same obligations bind
them. A gap in the years, a change of obligations, or a change of the entity behind a code (the
USSR becomes Russia; ``loaders/state_periods.py``) starts a new spell. An obligation only one
side owes (the United States' defence pledge to Japan) is a ``dg:oneSidedObligation`` pledge.
Each spell cites the CSV lines of both directions (``dg:SourceRows``).

Defects are reported and never silent: a row with no obligation at all is skipped and counted;
a year in which a code names no state is skipped and counted; a duplicated row is read once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .datasets import DatasetInfo, Progress
from .peace_science import CONDUIT, Out, Table, concept, fact_iri

FILE = "peace-science/atop_alliance.csv"
DATASET = DatasetInfo(
    name="atop",
    title="ATOP v5.1 alliance treaty obligations (directed dyad-years, 1815-2018)",
    files=(FILE, "registry/state-periods.csv"),
    citation=(
        "Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty "
        "Obligations and Provisions, 1815-1944. International Interactions 28: 237-60"
    ),
    version="5.1",
    licence="ATOP terms: free for research use with citation; values only",
    conduit=CONDUIT,
)
#: The obligation columns, in the order of the bit mask.
OBLIGATIONS = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")
COLUMNS = ("ccode1", "ccode2", "year", *OBLIGATIONS)
#: The last year ATOP observes: a spell that reaches it was still in force.
COVERAGE_END = 2018
ONE_SIDED_NOTE = (
    "ATOP lists some obligations of this spell in one direction only (see dg:oneSidedObligation): "
    "the undirected dg:obligation list is the union of both directions."
)


def spell_iri(a: int, b: int, first: int) -> str:
    """The IRI of the spell of the pair (lower code first) that starts in ``first``.

    >>> spell_iri(2, 20, 1942)
    'https://diplograph.org/id/fact/atop/2-20-1942'
    """
    return fact_iri(DATASET.name, f"{a}-{b}-{first}")


def _masks() -> dict[tuple[str, ...], int]:
    """Every valid tuple of five 0/1 cells -> its bit mask (the fast path of :func:`_read`)."""
    out = {}
    for m in range(32):
        out[tuple("1" if m >> i & 1 else "0" for i in range(5))] = m
    return out


def _read(table: Table, progress: Progress) -> dict[tuple[int, int], dict[int, list]]:
    """pair (low, high) -> year -> [mask low->high, mask high->low, lines].

    A fast path parses well-formed rows; any other row goes through the checked accessors of
    :class:`Table`, which raise the error naming line and column.
    """
    pairs: dict[tuple[int, int], dict[int, list]] = {}
    masks = _masks()
    duplicates: list[int] = []
    for line, v in table:
        try:
            a, b, y = int(v[0]), int(v[1]), int(v[2])
            mask = masks[tuple(v[3:8])]
            ok = 0 < a < 1000 and 0 < b < 1000 and 1800 <= y <= 2030 and a != b
        except (ValueError, KeyError):
            ok = False
        if not ok:
            a = table.int(v[0], "ccode1", lo=1, hi=999)
            b = table.int(v[1], "ccode2", lo=1, hi=999)
            y = table.int(v[2], "year", lo=1800, hi=2030)
            if a == b:
                raise table.error("ccode2", f"a state allied with itself ({a})")
            mask = 0
            for i, col in enumerate(OBLIGATIONS):
                if table.flag(v[3 + i], col):
                    mask |= 1 << i
        if a < b:
            key, side = (a, b), 0
        else:
            key, side = (b, a), 1
        # get, then set if absent: setdefault would build a dict and a list for every row
        years = pairs.get(key)
        if years is None:
            years = pairs[key] = {}
        cell = years.get(y)
        if cell is None:
            cell = years[y] = [-1, -1, []]
        if cell[side] >= 0:
            duplicates.append(line)
            cell[side] |= mask
            continue
        cell[side] = mask
        cell[2].append(line)
    for years in pairs.values():
        for cell in years.values():
            cell[0] = max(cell[0], 0)  # a direction ATOP does not list owes nothing
            cell[1] = max(cell[1], 0)
    if duplicates:
        progress(f"  atop: {len(duplicates)} duplicated rows read once (lines {duplicates[:5]} …)")
    return pairs


def quads(data_dir: Path, periods, progress: Progress) -> Iterator[str]:  # noqa: ANN001
    """Every alliance spell of the ATOP file as quads of ``dgg:dataset/atop``."""
    table = Table(data_dir, FILE, COLUMNS)
    pairs = _read(table, progress)
    out = Out(DATASET)
    yield from out.dataset_node()
    obligation = [out.iri(concept("obligation", c) or "") for c in OBLIGATIONS]
    empty: list[int] = []
    stateless: list[int] = []
    spells = 0
    cache: dict[tuple[int, int], str | None] = {}

    def entity(code: int, year: int, col: str, line: int) -> str | None:
        key = (code, year)
        if key not in cache:
            cache[key] = table.state(periods, "cow", code, col, year, line)
        return cache[key]

    for (lo, hi), years in sorted(pairs.items()):
        run: list = []  # [key, first, last, lines]
        runs: list[list] = []
        for y in sorted(years):
            m_lh, m_hl, lines = years[y]
            if not (m_lh | m_hl):
                empty.extend(lines)
                run = []
                continue
            e_lo = entity(lo, y, "ccode1", lines[0])
            e_hi = entity(hi, y, "ccode2", lines[0])
            if e_lo is None or e_hi is None:
                stateless.extend(lines)
                run = []
                continue
            key = (e_lo, e_hi, m_lh, m_hl)
            if run and run[0] == key and run[2] == y - 1:
                run[2] = y
                run[3].extend(lines)
            else:
                run = [key, y, y, list(lines)]
                runs.append(run)
        for (e_lo, e_hi, m_lh, m_hl), first, last, lines in runs:
            spells += 1
            s = out.iri(spell_iri(lo, hi, first))
            rows, rows_quads = out.rows(FILE, lines)
            yield from rows_quads
            yield from out.fact(s, ("Fact", "AllianceObligation"), "alliance", [rows], {e_lo, e_hi})
            yield out.rel(s, "party", e_lo)
            yield out.rel(s, "party", e_hi)
            union = m_lh | m_hl
            for i, node in enumerate(obligation):
                if union >> i & 1:
                    yield out.q(s, out.dg("obligation"), node)
            yield from out.date(s, "startDate", first)
            yield from out.date(s, "endDate", last)
            if last == COVERAGE_END:
                yield out.boolean(s, "rightCensored", True)
            one_sided = m_lh ^ m_hl
            if one_sided:
                yield out.note(s, ONE_SIDED_NOTE)
                for i, node in enumerate(obligation):
                    if not one_sided >> i & 1:
                        continue
                    by, to, code = (e_lo, e_hi, lo) if m_lh >> i & 1 else (e_hi, e_lo, hi)
                    p = out.iri(f"{s.value}/pledge/{code}-{OBLIGATIONS[i][5:]}")
                    yield out.q(s, out.dg("oneSidedObligation"), p)
                    yield from out.types(p, "Pledge")
                    yield out.q(p, out.dg("obligation"), node)
                    yield out.rel(p, "pledgedBy", by)
                    yield out.rel(p, "pledgedTo", to)
    if empty:
        progress(
            f"  atop: {len(empty)} rows with no obligation at all skipped "
            f"(lines {sorted(empty)[:5]} …)"
        )
    if stateless:
        progress(
            f"  atop: {len(stateless)} rows in years when a code names no state skipped "
            f"(lines {sorted(stateless)[:5]} …)"
        )
    progress(f"  atop: {spells:,} alliance spells from {len(pairs):,} pairs")
