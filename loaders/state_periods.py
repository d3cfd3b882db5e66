"""States across time: which entity a COW or Gleditsch–Ward state code names on a date.

COW and G–W give one number to states that changed (365 is the Russian Empire, the USSR and
Russia; 255 is Prussia, the German Reich and unified Germany; 816 the Democratic Republic of
Vietnam, then Vietnam ...). ``data/registry/state-periods.csv`` (columns ``system, code, start,
end, entity, note``) maps each (system, code, date) to the registry key of the entity that
existed then. ``start``/``end`` are inclusive ISO dates; an empty cell is open. Between two rows
of a code there may be a gap (Germany 1945–1990 for COW 255): no entity then.

A year (an ``int``) stands for the entity that held the code on 1 July of that year, i.e. the
one that held it for most of the year; data sets counted in years are split at year boundaries
by :meth:`StatePeriods.split_years`, data sets with days by :meth:`StatePeriods.split_dates`.

>>> periods = StatePeriods.load()
>>> periods.entity("cow", 365, dt.date(1960, 1, 1))
'https://diplograph.org/id/state/SUN'
>>> periods.entity("cow", 365, 1995)
'https://diplograph.org/id/state/RUS'
>>> periods.entity("gw", 817, 1965)
'https://diplograph.org/id/state/RVN'
>>> periods.entity("cow", 255, 1960) is None
True
>>> periods.split_years("cow", 365, 1985, 1995)
[(1985, 1991, 'https://diplograph.org/id/state/SUN'), (1992, 1995, 'https://diplograph.org/id/state/RUS')]
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from ..graph.errors import DiplographError
from ..graph.namespaces import ID

SYSTEMS = ("cow", "gw")
FILE = Path("registry") / "state-periods.csv"
COLUMNS = ("system", "code", "start", "end", "entity", "note")
MIN_DATE = dt.date(1, 1, 1)
MAX_DATE = dt.date(9999, 12, 31)

When = int | dt.date


def state_iri(key: str) -> str:
    """The IRI of the registry state (current or historical) with this key.

    >>> state_iri("SUN")
    'https://diplograph.org/id/state/SUN'
    """
    return ID("state/" + key)


@dataclass(frozen=True)
class Period:
    """One row of ``state-periods.csv``: ``code`` of ``system`` names ``key`` from ``start`` to
    ``end`` (inclusive)."""

    system: str
    code: int
    start: dt.date
    end: dt.date
    key: str
    note: str
    line: int

    @property
    def iri(self) -> str:
        return state_iri(self.key)


def _as_date(when: When) -> dt.date:
    if isinstance(when, dt.datetime):
        return when.date()
    if isinstance(when, dt.date):
        return when
    if isinstance(when, int) and not isinstance(when, bool):
        return dt.date(when, 7, 1)
    raise TypeError(f"a year (int) or a datetime.date, not {when!r}")


class StatePeriods:
    """The table of ``state-periods.csv``, indexed by (system, code)."""

    def __init__(self, periods: list[Period], path: Path | None = None) -> None:
        self.path = path
        self._by_code: dict[tuple[str, int], list[Period]] = {}
        self._years: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        for p in sorted(periods, key=lambda p: (p.system, p.code, p.start)):
            spans = self._by_code.setdefault((p.system, p.code), [])
            if spans and spans[-1].end >= p.start:
                raise DiplographError(
                    "bad-input",
                    f"{path or FILE}:{p.line}: start: overlaps line {spans[-1].line} "
                    f"({p.system} {p.code})",
                )
            spans.append(p)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> StatePeriods:
        """The periods of ``data_dir/registry/state-periods.csv`` (default: the bundled data).
        Cached per file."""
        from .registry import default_data_dir

        return _load(Path(data_dir or default_data_dir()).resolve() / FILE)

    @classmethod
    def read(cls, path: Path) -> StatePeriods:
        """Parse a periods file; raises ``DiplographError("bad-input")`` naming line and column."""
        periods: list[Period] = []
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DiplographError(
                    "bad-input", f"{path}:1: missing column(s): {', '.join(missing)}"
                )
            for line, row in enumerate(reader, start=2):

                def bad(col: str, what: str, line: int = line) -> DiplographError:
                    return DiplographError("bad-input", f"{path}:{line}: {col}: {what}")

                if row["system"] not in SYSTEMS:
                    raise bad("system", f"{row['system']!r} is not one of {', '.join(SYSTEMS)}")
                try:
                    code = int(row["code"])
                except ValueError:
                    raise bad("code", f"{row['code']!r} is not a number") from None
                dates = []
                for col, default in (("start", MIN_DATE), ("end", MAX_DATE)):
                    text = (row[col] or "").strip()
                    try:
                        dates.append(dt.date.fromisoformat(text) if text else default)
                    except ValueError:
                        raise bad(col, f"{text!r} is not a YYYY-MM-DD date") from None
                if dates[0] > dates[1]:
                    raise bad("end", "before start")
                if not row["entity"].strip():
                    raise bad("entity", "empty")
                periods.append(
                    Period(
                        row["system"], code, dates[0], dates[1], row["entity"].strip(),
                        row["note"] or "", line,
                    )
                )
        return cls(periods, path)

    # -- lookups ------------------------------------------------------------------------------

    def codes(self, system: str) -> list[int]:
        """Every code of ``system`` in the table."""
        return sorted(c for s, c in self._by_code if s == system)

    def periods(self, system: str, code: int | str) -> list[Period]:
        """The rows of one code, in date order; ``DiplographError("bad-input")`` if unknown."""
        try:
            key = (system, int(code))
        except (TypeError, ValueError):
            raise DiplographError(
                "bad-input", f"{system} state code {code!r} is not a number"
            ) from None
        if system not in SYSTEMS:
            raise DiplographError("bad-input", f"unknown state system {system!r}")
        spans = self._by_code.get(key)
        if spans is None:
            raise DiplographError(
                "bad-input", f"unknown {system.upper()} state code {code} ({self.path or FILE})"
            )
        return spans

    def spans(self, system: str, code: int | str) -> list[tuple[dt.date, dt.date, str]]:
        """``[(start, end, iri), ...]`` for one code (open ends are 0001-01-01 / 9999-12-31)."""
        return [(p.start, p.end, p.iri) for p in self.periods(system, code)]

    def period(self, system: str, code: int | str, when: When) -> Period | None:
        """The row in force at ``when`` (a year means 1 July of it), or None in a gap."""
        d = _as_date(when)
        for p in self.periods(system, code):
            if p.start <= d <= p.end:
                return p
        return None

    def entity(self, system: str, code: int | str, when: When) -> str | None:
        """The IRI of the entity ``code`` names at ``when``, or None where it names none."""
        p = self.period(system, code, when)
        return p.iri if p else None

    def key(self, system: str, code: int | str, when: When) -> str | None:
        """Like :meth:`entity`, the registry key."""
        p = self.period(system, code, when)
        return p.key if p else None

    def year_spans(self, system: str, code: int | str) -> list[tuple[int, int, str]]:
        """``[(first year, last year, iri), ...]`` of a code under the year rule of
        :meth:`entity` (a year belongs to the entity that held the code on 1 July)."""
        key = (system, int(code))
        cached = self._years.get(key)
        if cached is None:
            cached = []
            for p in self.periods(system, code):
                first = p.start.year if p.start <= dt.date(p.start.year, 7, 1) else p.start.year + 1
                last = p.end.year if p.end >= dt.date(p.end.year, 7, 1) else p.end.year - 1
                if first <= last:
                    cached.append((first, last, p.iri))
            self._years[key] = cached
        return cached

    def split_years(
        self, system: str, code: int | str, first: int, last: int
    ) -> list[tuple[int, int, str | None]]:
        """Split a spell of years ``first..last`` into one sub-spell per entity (year rule of
        :meth:`entity`); a sub-spell with no entity has ``None``."""
        out: list[tuple[int, int, str | None]] = []
        cur = first
        for a, b, iri in self.year_spans(system, code):
            if b < cur or a > last:
                continue
            if a > cur:
                out.append((cur, a - 1, None))
                cur = a
            stop = min(b, last)
            out.append((cur, stop, iri))
            cur = stop + 1
            if cur > last:
                return out
        if cur <= last:
            out.append((cur, last, None))
        return out

    def split_dates(
        self, system: str, code: int | str, start: dt.date, end: dt.date
    ) -> list[tuple[dt.date, dt.date, str | None]]:
        """Split a spell of days ``start..end`` at the entity boundaries; gaps give ``None``.

        >>> p = StatePeriods.load()
        >>> [(s.isoformat(), e.isoformat(), i and i.rsplit('/', 1)[1]) for s, e, i in
        ...  p.split_dates("cow", 816, dt.date(1975, 1, 1), dt.date(1977, 1, 1))]
        [('1975-01-01', '1976-07-01', 'VDR'), ('1976-07-02', '1977-01-01', 'VNM')]
        """
        out: list[tuple[dt.date, dt.date, str | None]] = []
        cur = start
        for p in self.periods(system, code):
            if p.end < cur or p.start > end:
                continue
            if p.start > cur:
                out.append((cur, p.start - dt.timedelta(days=1), None))
                cur = p.start
            stop = min(p.end, end)
            out.append((cur, stop, p.iri))
            if stop == end:
                return out
            cur = stop + dt.timedelta(days=1)
        if cur <= end:
            out.append((cur, end, None))
        return out


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> StatePeriods:
    return StatePeriods.read(path)


def entity_in_year(periods: StatePeriods, system: str, code: int, year: int) -> str | None:
    """The entity a code names in a year of year-precision data: the one that holds it on
    1 July (most of the year), else the one that holds it on 1 January (a state that ended
    during the year: the German Reich in 1945), else on 31 December (one that began).

    >>> from diplograph.loaders.state_periods import StatePeriods
    >>> entity_in_year(StatePeriods.load(), "cow", 255, 1945)
    'https://diplograph.org/id/state/GERMAN-REICH'
    """
    for when in (year, dt.date(year, 1, 1), dt.date(year, 12, 31)):
        e = periods.entity(system, code, when)
        if e is not None:
            return e
    return None
