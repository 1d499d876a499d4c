"""Dates as an article states them: "3rd March, 2021", "March 3", "2016-11-09 00:00:00".

A date without a year stays partial (TIMEX3 "XXXX-01-07"): the year is never guessed here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from briefing.knowledge import load

_MISSING = {"", "none", "null", "nan", "n/a", "unknown"}  # how exports write "no date"


@dataclass(frozen=True)
class StatedDate:
    """A date as written; `date` when complete, else `partial` as a TIMEX3 value."""

    text: str
    date: dt.date | None = None
    partial: str | None = None


@functools.cache
def date_pattern() -> str:
    """Return a regex (no anchors, named groups) for a written day-month(-year) date."""
    vocab = load("datelines")
    months = "|".join(sorted(vocab["months"], key=len, reverse=True))
    days = "|".join(sorted(vocab["weekdays"], key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    month = rf"(?i:{months})\.?"
    year = r"(?:\d{4})"
    weekday = rf"(?:(?i:{days})\.?,?\s+)?"
    dmy = rf"(?P<d1>{day})\s+(?P<m1>{month}),?(?:\s+(?P<y1>{year}))?"
    mdy = rf"(?P<m2>{month})\s+(?P<d2>{day})(?:,?\s+(?P<y2>{year}))?"
    iso = r"(?P<iso>\d{4}-\d{2}-\d{2})"
    return rf"{weekday}(?:{iso}|{dmy}|{mdy})(?![\w-])"


def parse_stated(text: str) -> StatedDate | None:
    """Return the date that the whole of `text` states, or None when it is not a date."""
    text = text.strip().rstrip(",").strip()
    if text.lower() in _MISSING:
        return None
    iso = _iso(text)
    if iso:
        return StatedDate(text, iso)
    match = re.fullmatch(date_pattern(), text, re.IGNORECASE)
    return from_match(match, text) if match else None


def from_match(match: re.Match[str], text: str) -> StatedDate | None:
    """Return the StatedDate for a match of `date_pattern()`; None when it is no real date."""
    if match.group("iso"):
        return StatedDate(text, _iso(match.group("iso")))
    day, month, year = _parts(match)
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: checks 29 February too
    except ValueError:
        return None
    if year is None:
        return StatedDate(text, None, f"XXXX-{month:02d}-{day:02d}")
    return StatedDate(text, dt.date(year, month, day))


def _parts(match: re.Match[str]) -> tuple[int, int, int | None]:
    months = load("datelines")["months"]
    day = match.group("d1") or match.group("d2")
    month = (match.group("m1") or match.group("m2")).rstrip(".").lower()
    year = match.group("y1") or match.group("y2")
    return int(re.sub(r"\D", "", day)), months[month], int(year) if year else None


def _iso(text: str) -> dt.date | None:
    """Return the date of an ISO date or date-time string ("2016-11-09 00:00:00"), else None."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def url_date(url: str | None) -> dt.date | None:
    """Return the date a URL states in its path ("/2016/11/03/"), via htmldate, or None."""
    if not url:
        return None
    import htmldate  # 60 ms: only for articles that have a URL

    found = htmldate.find_date("<html></html>", url=url, extensive_search=False)
    return dt.date.fromisoformat(found) if found else None
