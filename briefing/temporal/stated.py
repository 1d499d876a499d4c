"""Dates as a dateline or a metadata field states them: "3rd March, 2021", "Tue, March 3",
"2016-11-09 00:00:00". The one date grammar of the project: ingest's datelines and stated
dates are read here, with the tagger's vocabulary (`briefing/knowledge/temporal.json`: months,
weekdays and their abbreviations), and checked by the tagger's calendar.

A date without a year stays partial (TIMEX3 "XXXX-01-07"): the year is never guessed here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefing.temporal.rules import rules
from briefing.temporal.vocab import vocab


@functools.cache
def stated_date_pattern() -> str:
    """Return a regex (no anchors; named groups iso, d1 m1 y1, m2 d2 y2) for a day, month and
    optional year as datelines write them, in any case ("3 MARCH 2021"), after an optional
    weekday ("Tue.,")."""
    v = vocab()
    months = "|".join(sorted(v["months"], key=len, reverse=True))
    days = "|".join(sorted([*v["weekdays"], *v["weekday_abbreviations"]], key=len,
                           reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    month = rf"(?i:{months})\.?"
    year = r"(?:\d{4})"
    weekday = rf"(?:(?i:{days})\.?,?\s+)?"
    dmy = rf"(?P<d1>{day})\s+(?P<m1>{month}),?(?:\s+(?P<y1>{year}))?"
    mdy = rf"(?P<m2>{month})\s+(?P<d2>{day})(?:,?\s+(?P<y2>{year}))?"
    iso = r"(?P<iso>\d{4}-\d{2}-\d{2})"
    return rf"{weekday}(?:{iso}|{dmy}|{mdy})(?![\w-])"


def iso_prefix(text: str) -> dt.date | None:
    """Return the date an ISO date or date-time string states ("2016-11-09 00:00:00"), read
    with the tagger's ISO rule, else None."""
    iso = next(r for r in rules() if r.name == "iso_date").regex
    m = iso.match(text)
    if not m or not re.match(r"$|[T ]\d", text[m.end("day"):]):
        return None
    try:
        return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None


def read_stated(match: re.Match[str]) -> tuple[dt.date | None, str | None] | None:
    """Return (date, partial TIMEX3 value) for a match of `stated_date_pattern()`: the date
    when the year is written, else (None, "XXXX-MM-DD"). None when it is no real day."""
    if match.group("iso"):
        found = iso_prefix(match.group("iso"))
        return (found, None) if found else None
    day = int(re.sub(r"\D", "", match.group("d1") or match.group("d2")))
    month = vocab()["months"][(match.group("m1") or match.group("m2")).rstrip(".").lower()]
    year_text = match.group("y1") or match.group("y2")
    try:
        dt.date(int(year_text) if year_text else 2000, month, day)  # 2000: 29 February fits
    except ValueError:
        return None
    if year_text is None:
        return None, f"XXXX-{month:02d}-{day:02d}"
    return dt.date(int(year_text), month, day), None


@functools.cache
def _signature() -> re.Pattern[str]:
    # "— Donald J. Trump (@realDonaldTrump) December 3, 2016": a dash, the author, the handle
    # in brackets, the date
    return re.compile(r"[—–]\s*[^\n()—–]{1,80}?\(@\w{1,15}\)\s+(?:" + stated_date_pattern()
                      + ")")


def post_signatures(text: str) -> list[tuple[int, int, dt.date]]:
    """Return the start, end and date of each embedded post's signature in `text`, the line
    a social-media embed closes a quoted post with ("— Donald J. Trump (@realDonaldTrump)
    December 3, 2016"); one without a year gives none."""
    out = []
    for m in _signature().finditer(text):
        found = read_stated(m)
        if found and found[0]:
            out.append((m.start(), m.end(), found[0]))
    return out
