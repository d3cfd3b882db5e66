"""Dates with the precision their source gives, never padded.

>>> d = parse_date("1954-11-17"); d.lexical, d.datatype, d.precision
('1954-11-17', 'date', 'day')
>>> d = parse_date("2019-11"); d.lexical, d.datatype, d.precision, d.latest.isoformat()
('2019-11', 'gYearMonth', 'month', '2019-11-30')
>>> d = parse_date("1990s"); d.lexical, d.precision, d.earliest.isoformat(), d.latest.isoformat()
('1990', 'decade', '1990-01-01', '1999-12-31')
>>> parse_date(1991).lexical
'1991'
>>> parse_date("1991-02-30")
Traceback (most recent call last):
...
ValueError: no such day: '1991-02-30' (February 1991 has 28 days)
>>> parse_date("1991-13")
Traceback (most recent call last):
...
ValueError: not a date: '1991-13' (no such month: 13)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "decade")
#: Wikidata's precision numbers (wikibase:timePrecision) for each of ours.
WIKIDATA_PRECISION = {"day": 11, "month": 10, "year": 9, "decade": 8}


@dataclass(frozen=True)
class DateValue:
    """A date at a precision, with its earliest and latest possible day."""

    lexical: str  # the literal's lexical form
    datatype: str  # XSD local name: date | gYearMonth | gYear
    precision: str  # day | month | year | decade
    earliest: dt.date
    latest: dt.date

    def __str__(self) -> str:
        return self.lexical + ("s" if self.precision == "decade" else "")


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _check_month(year: int, month: int) -> None:
    if year < 1:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError(f"no such month: {month}")


def parse_date(value: object) -> DateValue:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYY0s`` (decade), a ``date`` or an ``int``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateValue(value.isoformat(), "date", "day", value, value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or YYY0s)")
    text = str(value).strip()
    try:
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text):
            y, mo, day = int(m[1]), int(m[2]), int(m[3])
            _check_month(y, mo)
            last = calendar.monthrange(y, mo)[1]
            if 1 <= day <= last:
                d = dt.date(y, mo, day)
                return DateValue(text, "date", "day", d, d)
            no_such_day = f"{calendar.month_name[mo]} {y} has {last} days"
        elif m := re.fullmatch(r"([0-9]{4})-([0-9]{2})", text):
            y, mo = int(m[1]), int(m[2])
            _check_month(y, mo)
            last = calendar.monthrange(y, mo)[1]
            return DateValue(text, "gYearMonth", "month", dt.date(y, mo, 1), dt.date(y, mo, last))
        elif re.fullmatch(r"[0-9]{4}", text):
            return DateValue(text, "gYear", "year", *_year(int(text)))
        elif m := re.fullmatch(r"([0-9]{3}0)s", text):
            y = int(m[1])
            return DateValue(m[1], "gYear", "decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31))
        else:
            no_such_day = ""
    except ValueError as e:
        raise ValueError(f"not a date: {value!r} ({e})") from e
    if no_such_day:
        raise ValueError(f"no such day: {value!r} ({no_such_day})")
    raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or YYY0s)")
