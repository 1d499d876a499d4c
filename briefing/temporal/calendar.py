"""Pure calendar arithmetic: weeks, quarters, weekdays, holidays and year inference.

`direction` everywhere is "past", "future" or None (unknown). No clock is read here: every
function takes the date it reasons from.
"""

from __future__ import annotations

import datetime as dt

PAST, FUTURE = "past", "future"
NEAREST = "nearest"  # no tense known: whichever occurrence lies closer to the anchor


def iso_week(d: dt.date) -> str:
    """Return the TIMEX3 week value of `d` ("2013-W11")."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    """Return (year, quarter 1-4) of `d`."""
    return d.year, (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    """Return the quarter `n` quarters after (year, q); n may be negative."""
    index = year * 4 + (q - 1) + n
    return index // 4, index % 4 + 1


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    """Return the month `n` months after (year, month); n may be negative."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_length(year: int, month: int) -> int:
    """Return the number of days in the month."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def weekday_date(anchor: dt.date, weekday: int, direction: str | None) -> dt.date:
    """Return the date of `weekday` (0 = Monday) as a news report dated `anchor` means it.

    Future: the first such day on or after the anchor ("will meet on Wednesday", written on a
    Wednesday, means that day). NEAREST: whichever of the last and the next lies closer.
    Otherwise the last such day on or before the anchor, which is what an unmarked weekday in
    a news report almost always means.
    """
    delta = weekday - anchor.weekday()
    if direction == NEAREST:
        direction = FUTURE if delta % 7 < (-delta) % 7 else PAST
    if direction == FUTURE:
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _year_by_tense(anchor_key: int, same_key: int, span: int, direction: str | None,
                   firm: bool = False) -> int:
    """Return -1, 0 or +1: the shift from the anchor's year that a date in the anchor's year
    (`same_key`, in the same units as `anchor_key`, a year being `span` units) needs.

    An occurrence within a quarter of a year of the anchor wins whatever the tense says
    (written on 2 November, "Nov. 21" is this month's even after a past verb: a tense read
    from words misleads more often than a date that close). Otherwise the clause's tense
    chooses: past, the last occurrence before the anchor ("stepped down in March", written in
    November, is this year's March); future, the first after it. Without a tense the nearest
    occurrence wins, and when both are about as far the anchor's year stays. A `firm`
    direction (read off the parse, not guessed from words) wins even that close, except for
    the anchor's own unit ("met in January", written in January, is this January).
    """
    before, after = (same_key - span, same_key) if later_or_same(same_key, anchor_key) \
        else (same_key, same_key + span)
    gap_before, gap_after = anchor_key - before, after - anchor_key
    close = min(gap_before, gap_after) <= span // 4
    if direction is not None and (not close or (firm and same_key != anchor_key)):
        nearer = before if direction == PAST else after
    elif abs(gap_before - gap_after) <= span // 4:
        return 0
    else:
        nearer = before if gap_before < gap_after else after
    return (nearer - same_key) // span


def later_or_same(key: int, anchor_key: int) -> bool:
    return key >= anchor_key


def year_for_month_day(anchor: dt.date, month: int, day: int, direction: str | None) -> int:
    """Return the year a day and month without one mean in a report dated `anchor`."""
    try:
        same = dt.date(anchor.year, month, day)
    except ValueError:  # 29 February outside a leap year: the nearest leap year
        return min((y for y in range(anchor.year - 3, anchor.year + 4) if y % 4 == 0),
                   key=lambda y: abs(y - anchor.year))
    return anchor.year + _year_by_tense(anchor.toordinal(), same.toordinal(), 366, direction)


def year_for_month(anchor: dt.date, month: int, direction: str | None, *,
                   firm: bool = False) -> int:
    """Return the year a month name without one means in a report dated `anchor`; `firm`:
    the direction comes from the parse (see `_year_by_tense`)."""
    return anchor.year + _year_by_tense(anchor.month, month, 12, direction, firm)


def easter(year: int) -> dt.date:
    """Return Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(year: int, spec: dict[str, int]) -> dt.date:
    """Return the date of a holiday described by `spec` in `year`.

    `spec` is {"month", "day"} for a fixed date, {"easter": offset} for a movable feast, or
    {"month", "weekday", "nth"} for the nth weekday (-1 = last), optionally "after_day"
    (the weekday after the nth one, like US Election Day).
    """
    if "easter" in spec:
        return easter(year) + dt.timedelta(days=spec["easter"])
    if "day" in spec:
        return dt.date(year, spec["month"], spec["day"])
    return nth_weekday(year, spec["month"], spec["weekday"], spec["nth"]) + dt.timedelta(
        days=spec.get("after_day", 0)
    )


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """Return the `nth` `weekday` of the month (nth = -1 for the last one)."""
    if nth < 0:
        last = dt.date(year, month, month_length(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def infer_year(
    month: int, day: int, *, weekday: int | None, near: dt.date | None, span: int = 14
) -> int | None:
    """Return the year that completes a day and month written without one.

    With a weekday (0 = Monday; a dateline "3 March" plus "opened ... Tuesday"), returns the
    year nearest `near` (within `span` years) in which that day falls on that weekday. Without
    a weekday, returns the year putting the date nearest `near`. Returns None when nothing
    fits or when there is neither a weekday nor a `near` date to reason from.
    """
    if near is None:
        return None
    if weekday is None:
        return year_for_month_day(near, month, day, None)
    fits = []
    for year in range(near.year - span, near.year + span + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            fits.append((abs((d - near).days), year))
    return min(fits)[1] if fits else None
