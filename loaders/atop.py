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
from .tables import literal

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


def _plain_lines(table: Table) -> list[str] | None:
    """The data lines of a plain file (its header exactly :data:`COLUMNS`, no quoted cell),
    without their line ends; None for any other file (read by the CSV reader of
    :class:`Table`: :func:`_cells`)."""
    path = table.path
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip("\r") != ",".join(COLUMNS) or '"' in text:
        return None
    del text, lines[0]
    if any(raw.endswith("\r") for raw in lines):
        lines = [raw[:-1] if raw.endswith("\r") else raw for raw in lines]
    return lines


def _cells(table: Table) -> Iterator[tuple[int, str, str, str, str]]:
    """``(line, ccode1, ccode2, year, "defense,offense,neutral,nonagg,consul")`` of every row.

    A plain file (:func:`_plain_lines`) is split on commas line by line, with no CSV parsing
    and no list per row; any other goes through the CSV reader of :class:`Table` (the same
    cells, and its error for a file without a column)."""
    lines = _plain_lines(table)
    if lines is not None:
        for n, raw in enumerate(lines, start=2):
            yield (n, *_split(table, n, raw))
        return
    for n, v in table:
        yield n, v[0], v[1], v[2], ",".join(v[3:])


def _split(table: Table, n: int, raw: str) -> tuple[str, str, str, str]:
    """The cells of the plain line ``raw`` (line ``n``) as :func:`_cells` gives them."""
    if raw.count(",") < 3:  # what the CSV reader of Table refuses
        cells = raw.count(",") + 1 if raw else 0
        raise table.error("(row)", f"{cells} cells where the header has {len(COLUMNS)}", n)
    a, b, y, rest = raw.split(",", 3)
    return a, b, y, rest


def _checked(table: Table, line: int, c1: str, c2: str, cy: str, rest: str,
             masks: dict[str, int]) -> tuple[int, int, int, int]:
    """``(ccode1, ccode2, year, mask)`` of a row; a row that is not well formed goes through
    the checked accessors of :class:`Table`, which raise the error naming line and column."""
    try:
        a, b, y = int(c1), int(c2), int(cy)
        mask = masks[rest]
        ok = 0 < a < 1000 and 0 < b < 1000 and 1800 <= y <= 2030 and a != b
    except (ValueError, KeyError):
        ok = False
    if ok:
        return a, b, y, mask
    table.line = line
    v = [c1, c2, cy, *rest.split(",")]
    if len(v) != len(COLUMNS):
        raise table.error("(row)", f"{len(v)} cells where the header has {len(COLUMNS)}")
    a = table.int(v[0], "ccode1", lo=1, hi=999)
    b = table.int(v[1], "ccode2", lo=1, hi=999)
    y = table.int(v[2], "year", lo=1800, hi=2030)
    if a == b:
        raise table.error("ccode2", f"a state allied with itself ({a})")
    mask = 0
    for i, col in enumerate(OBLIGATIONS):
        if table.flag(v[3 + i], col):
            mask |= 1 << i
    return a, b, y, mask


def _pair(c1: str, c2: str) -> tuple[int, int] | None:
    """Two valid, different codes, or None (as :func:`_checked` tests them)."""
    try:
        a, b = int(c1), int(c2)
    except ValueError:
        return None
    return (a, b) if 0 < a < 1000 and 0 < b < 1000 and a != b else None


def _year(text: str) -> int | None:
    """A valid year cell, or None (as :func:`_checked` tests it)."""
    try:
        y = int(text)
    except ValueError:
        return None
    return y if 1800 <= y <= 2030 else None


def _read(table: Table, progress: Progress) -> dict[tuple[int, int], dict[int, list]]:
    """pair (low, high) -> year -> [mask low->high, mask high->low, lines].

    A fast path reads the lines of a plain file (:func:`_plain_lines`): the five obligation
    cells are one dictionary lookup, the two codes are parsed and checked once per run of
    rows of the same pair (the file lists a pair's years one after the other: 273,296 rows,
    5,101 pairs), the year once per distinct year text, with the tests of :func:`_checked`;
    any other row (and every row of a file read by the CSV reader) goes through
    :func:`_checked`, whose accessors raise the error naming line and column.
    """
    pairs: dict[tuple[int, int], dict[int, list]] = {}
    masks = {",".join(cells): m for cells, m in _masks().items()}
    duplicates: list[int] = []
    by_year: dict[str, int | None] = {}  # year text -> the year, None when not valid

    def years_of(a: int, b: int) -> tuple[int, dict[int, list]]:
        key, side = ((a, b), 0) if a < b else ((b, a), 1)
        years = pairs.get(key)
        if years is None:
            years = pairs[key] = {}
        return side, years

    def put(line: int, side: int, years: dict[int, list], y: int, mask: int) -> None:
        cell = years.get(y)
        if cell is None:
            years[y] = [mask, -1, [line]] if side == 0 else [-1, mask, [line]]
        elif cell[side] >= 0:
            duplicates.append(line)
            cell[side] |= mask
        else:
            cell[side] = mask
            cell[2].append(line)

    lines = _plain_lines(table)
    if lines is None:  # any other file: through the CSV reader, every row checked
        for line, c1, c2, cy, rest in _cells(table):
            a, b, y, mask = _checked(table, line, c1, c2, cy, rest, masks)
            put(line, *years_of(a, b), y, mask)
    last1 = last2 = ""
    current: tuple[int, dict[int, list]] | None = None  # the side and years of last1,last2
    for line, raw in enumerate(lines or (), start=2):
        cells = raw.split(",", 3)
        year: int | None = None
        bits: int | None = None
        if len(cells) == 4:
            c1, c2, cy, rest = cells
            bits = masks.get(rest)
            if bits is not None:
                if c1 != last1 or c2 != last2 or not last1:
                    last1, last2 = c1, c2
                    ab = _pair(c1, c2)
                    current = None if ab is None else years_of(*ab)
                if current is not None:
                    year = by_year.get(cy, -1)
                    if year == -1:  # not seen yet
                        year = by_year[cy] = _year(cy)
        if year is None or bits is None or current is None:
            # not a plain row: every check, every error
            a, b, y, mask = _checked(table, line, *_split(table, line, raw), masks)
            put(line, *years_of(a, b), y, mask)
            continue
        side, years = current
        # put(line, side, years, year, bits), written out: one call less for each of 273,296 rows
        cell = years.get(year)
        if cell is None:
            years[year] = [bits, -1, [line]] if side == 0 else [-1, bits, [line]]
            continue
        if cell[side] >= 0:
            duplicates.append(line)
            cell[side] |= bits
            continue
        cell[side] = bits
        cell[2].append(line)
    for years in pairs.values():
        for cell in years.values():
            if cell[0] < 0:  # a direction ATOP does not list owes nothing
                cell[0] = 0
            if cell[1] < 0:
                cell[1] = 0
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
    # the text after a spell's IRI that every spell shares
    is_fact, is_alliance = (f" {out.a} {out.dg(c)} .\n" for c in ("Fact", "AllianceObligation"))
    fact_type = f" {out.dg('factType')} {literal('alliance')} .\n"
    from_dataset = f" {out.derived} {out.dataset} .\n"
    involves, party = out.dg("involves"), out.dg("party")
    obliged = [f" {out.dg('obligation')} {node} .\n" for node in obligation]
    #: code -> year -> the entity the code names that year (None: no state)
    cache: dict[int, dict[int, str | None]] = {}
    unknown = object()

    for (lo, hi), years in sorted(pairs.items()):
        run: list = []  # [key, first, last, lines]
        runs: list[list] = []
        of_lo = cache.get(lo)
        if of_lo is None:
            of_lo = cache[lo] = {}
        of_hi = cache.get(hi)
        if of_hi is None:
            of_hi = cache[hi] = {}
        for y in sorted(years):
            m_lh, m_hl, lines = years[y]
            if not (m_lh | m_hl):
                empty.extend(lines)
                run = []
                continue
            e_lo = of_lo.get(y, unknown)
            if e_lo is unknown:
                e_lo = of_lo[y] = table.state(periods, "cow", lo, "ccode1", y, lines[0])
            e_hi = of_hi.get(y, unknown)
            if e_hi is unknown:
                e_hi = of_hi[y] = table.state(periods, "cow", hi, "ccode2", y, lines[0])
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
            n_lo, n_hi = out.iri(e_lo), out.iri(e_hi)
            union = m_lh | m_hl
            yield from rows_quads
            yield from (  # what Out.fact writes, then the parties and obligations
                s + is_fact, s + is_alliance, s + fact_type,
                *(f"{s} {involves} {out.iri(e)} .\n" for e in sorted({e_lo, e_hi})),
                s + from_dataset, f"{s} {out.derived} {rows} .\n",
                f"{s} {party} {n_lo} .\n", f"{s} {party} {n_hi} .\n",
                *(s + tail for i, tail in enumerate(obliged) if union >> i & 1),
            )
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
