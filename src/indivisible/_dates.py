"""Date parsing and conventions shared by every room.

Dates are ISO ``YYYY-MM-DD`` calendar dates (no time, no time zone). A status change takes
effect at the start of its effective date: on that day the new status already holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from indivisible._errors import InputError

Date = dt.date


def parse_date(value: str | dt.date, *, field: str = "date") -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date, or pass a ``date`` through.

    Args:
        value: the text or date to parse.
        field: the name of the option or field, used in the error message.

    Returns:
        The calendar date.

    Raises:
        InputError: the text is not a valid ISO date.

    Examples:
        >>> parse_date("1999-03-12")
        datetime.date(1999, 3, 12)
        >>> try:
        ...     parse_date("12/03/1999", field="on")
        ... except InputError as exc:
        ...     print(exc.reason)
        expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '12/03/1999'
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"expected a date as YYYY-MM-DD (e.g. 1999-03-12), got {text!r}", field=field
        ) from None


def parse_year(value: str | int, *, field: str = "year") -> int:
    """Parse a four-digit year.

    Examples:
        >>> parse_year("1972")
        1972
    """
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise InputError(f"expected a year such as 1972, got {value!r}", field=field) from None
    if not 1000 <= year <= 9999:
        raise InputError(f"expected a four-digit year such as 1972, got {value!r}", field=field)
    return year


def today() -> dt.date:
    """Today's date in UTC (the record's clock)."""
    return dt.datetime.now(dt.UTC).date()


def strict_iso_date(example: str) -> Callable[[Any], Any]:
    """A pydantic before-validator: a ``date`` or strict ``YYYY-MM-DD`` text, nothing else.

    ``example`` is the valid date quoted in the error message.

    Examples:
        >>> check = strict_iso_date("2022-02-14")
        >>> check("1999-03-12")
        datetime.date(1999, 3, 12)
        >>> try:
        ...     check("12/03/1999")
        ... except ValueError as exc:
        ...     print(exc)
        expected a date as YYYY-MM-DD (e.g. 2022-02-14), got '12/03/1999'
    """

    def check(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError(f"expected a date as YYYY-MM-DD without a time, got {str(value)!r}")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and len(value.strip()) == 10:
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected a date as YYYY-MM-DD (e.g. {example}), got {value!r}")

    return check
