"""Realistic bounds on the numbers and dates of input files, shared by every room.

A value outside these bounds is not a scenario anyone means: it is a typo (an extra zero, a
year 0001 for 2001) or a hostile input (a count above 2^63 that overflows a numpy integer,
a date next to year 9999 that overflows date arithmetic). It is refused with a message that
says the bound, instead of computing nonsense or failing deep inside the computation.

Bounds (generous: the largest real values are far below them):

* counts of items (missiles, launchers, tanks, aircraft, warheads, aim points,
  interceptors): at most :data:`MAX_COUNT` (one million);
* personnel: at most :data:`MAX_PERSONNEL` (fifty million; the largest armed forces in
  the world number a few million);
* ranges: at most :data:`MAX_RANGE_KM`, the Earth's equatorial circumference;
* speeds: at most :data:`MAX_SPEED_KMH` (about Mach 80; re-entry speeds are below Mach 30);
* dates in files: from :data:`EARLIEST_DATE` to :data:`LATEST_DATE`;
* the date a scenario is evaluated on: from the start of the record's coverage (the first
  date the record has facts for) to :data:`LATEST_DATE`; dates after the record's review
  date are evaluated with a warning that the record may be incomplete there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from indivisible._errors import InputError

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_COUNT",
    "MAX_PERSONNEL",
    "MAX_RANGE_KM",
    "MAX_SPEED_KMH",
    "check_date_bounds",
    "evaluation_date",
]

MAX_COUNT = 1_000_000
"""Most items of one kind in one entry: missiles, launchers, tanks, warheads, sites..."""

MAX_PERSONNEL = 50_000_000
"""Most personnel in one entry."""

MAX_RANGE_KM = 40_075.0
"""Longest range, km: the Earth's equatorial circumference."""

MAX_SPEED_KMH = 100_000.0
"""Highest speed, km/h."""

EARLIEST_DATE = dt.date(1900, 1, 1)
"""Earliest date an input file may give."""

LATEST_DATE = dt.date(2100, 12, 31)
"""Latest date an input file may give, and the latest date anything is evaluated on."""


def check_date_bounds(value: Any) -> Any:
    """A pydantic after-validator: a date between :data:`EARLIEST_DATE` and :data:`LATEST_DATE`.

    Examples:
        >>> check_date_bounds(dt.date(2022, 2, 14))
        datetime.date(2022, 2, 14)
        >>> try:
        ...     check_date_bounds(dt.date(1, 1, 1))
        ... except ValueError as exc:
        ...     print(exc)
        date 0001-01-01 is out of bounds: dates lie between 1900-01-01 and 2100-12-31
    """
    if isinstance(value, dt.date) and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(
            f"date {value.isoformat()} is out of bounds: dates lie between "
            f"{EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"
        )
    return value


def coverage_problem(record: Any, day: dt.date) -> str | None:
    """Why ``day`` cannot be evaluated against ``record`` (``None``: it can)."""
    start: dt.date = record.coverage.start
    reviewed: dt.date = record.coverage.reviewed
    if start <= day <= LATEST_DATE:
        return None
    return (
        f"date {day.isoformat()} is outside the dates evaluated: the record covers "
        f"{start.isoformat()} to {reviewed.isoformat()}, and hypothetical dates up to "
        f"{LATEST_DATE.isoformat()} are evaluated with a warning"
    )


def evaluation_date(record: Any, day: dt.date, *, field: str | None = None) -> dt.date:
    """``day`` if a scenario can be evaluated on it against ``record``.

    Raises:
        InputError: ``day`` is before the record's coverage or after :data:`LATEST_DATE`;
            the message names the coverage.
    """
    problem = coverage_problem(record, day)
    if problem is not None:
        raise InputError(problem, field=field)
    return day
