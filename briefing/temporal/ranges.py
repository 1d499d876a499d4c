"""The stretch of calendar a TIMEX3 value covers, as first and last day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from briefing.temporal import calendar as cal

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = cal.shift_month(year, 1, last - 1)
    return (dt.date(year, first, 1),
            dt.date(end_year, end_month, cal.month_length(end_year, end_month)))


def _week(year: int, week: int, weekend: bool) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(year, week, 1)
    if weekend:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def value_to_range(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day a TIMEX3 value covers: a day (time of day ignored), an
    ISO week ("2013-W11", "-WE" for its weekend), a month, quarter, half, season, year,
    decade ("199") or century ("19"), or an ISO 8601 interval of two of these
    ("2013-02-27/2013-02-28", a `TimeRange.value`: the first day of the one to the last day
    of the other). Returns None for durations, references, sets, values with unknown parts
    ("XXXX-01-07") and intervals with an open end ("../2013-02-28")."""
    try:
        if "/" in value:
            first, _, last = value.partition("/")
            a, b = _range(first), _range(last)
            return (a[0], b[1]) if a and b and a[0] <= b[1] else None
        return _range(value)
    except ValueError:
        return None  # an impossible date such as 2013-02-30 or week 54


FINEST_APART = 31  # days: a value coarser than a month ("in 2018", "last summer") dates
# nothing apart from a day inside it


def all_outside(values: Sequence[str], first: dt.date, last: dt.date) -> bool:
    """Return True when the values (TIMEX3) that are a month or finer all fall outside the
    days from `first` to `last`, and there is one: what they date is another occasion."""
    spans = [s for s in map(value_to_range, values)
             if s and (s[1] - s[0]).days <= FINEST_APART]
    return bool(spans) and not any(a <= last and first <= b for a, b in spans)


def _range(value: str) -> tuple[dt.date, dt.date] | None:
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        return _week(int(m[1]), int(m[2]), bool(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return _months(int(m[1]), *_SEASON_MONTHS[m[2]])
    if re.fullmatch(r"\d{2,4}", value):
        span = 10 ** (4 - len(value))
        first = int(value) * span
        return dt.date(first, 1, 1), dt.date(first + span - 1, 12, 31)
    return None
