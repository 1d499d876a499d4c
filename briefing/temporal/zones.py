"""Time zones written with clock times ("5:00 p.m. EST"): their offsets from UTC, so that two
reports of one moment in different zones can be compared (a one-day disagreement between a
Washington and a Beijing report is often the same evening). The offsets live in
`briefing/knowledge/temporal.json` (`zones`)."""

from __future__ import annotations

import datetime as dt
import re

from briefing.temporal.vocab import vocab
from briefing.types import Timex


def utc_offset(zone: str | None) -> dt.timedelta | None:
    """Return the offset from UTC of a zone abbreviation ("EST" -> -5 h), or None when it is
    unknown or changes with summer time ("ET")."""
    hours = vocab()["zones"].get(zone or "")
    return dt.timedelta(hours=hours) if hours is not None else None


def to_utc(timex: Timex) -> dt.datetime | None:
    """Return the moment a clock time with a zone names, in UTC ("2013-03-22T17:00" EST ->
    2013-03-22 22:00+00:00), or None for a value without a day and time or a zone without a
    fixed offset."""
    offset = utc_offset(timex.zone)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)", timex.value)
    if offset is None or m is None:
        return None
    hour, minute = int(m[2]), int(m[3])
    day = dt.date.fromisoformat(m[1]) + dt.timedelta(days=hour // 24)  # "24:00" is midnight
    local = dt.datetime.combine(day, dt.time(hour % 24, minute), dt.timezone(offset))
    return local.astimezone(dt.UTC)


def utc_date(timex: Timex) -> dt.date | None:
    """Return the UTC day of a zoned clock time (the day a reader in another zone may give)."""
    moment = to_utc(timex)
    return moment.date() if moment else None
