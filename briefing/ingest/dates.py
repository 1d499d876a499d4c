"""Dates as an article states them: "3rd March, 2021", "March 3", "2016-11-09 00:00:00".

The grammar is the temporal tagger's (`briefing.temporal.stated`); this module gives ingest
its `StatedDate`. A date without a year stays partial (TIMEX3 "XXXX-01-07"): the year is
never guessed here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.temporal.stated import iso_prefix, read_stated, stated_date_pattern

_MISSING = {"", "none", "null", "nan", "n/a", "unknown"}  # how exports write "no date"


@dataclass(frozen=True)
class StatedDate:
    """A date as written; `date` when complete, else `partial` as a TIMEX3 value."""

    text: str
    date: dt.date | None = None
    partial: str | None = None


def date_pattern() -> str:
    """Return a regex (no anchors, named groups) for a written day-month(-year) date."""
    return stated_date_pattern()


def parse_stated(text: str) -> StatedDate | None:
    """Return the date that the whole of `text` states, or None when it is not a date."""
    text = text.strip().rstrip(",").strip()
    if text.lower() in _MISSING:
        return None
    iso = iso_prefix(text)
    if iso:
        return StatedDate(text, iso)
    match = re.fullmatch(date_pattern(), text, re.IGNORECASE)
    return from_match(match, text) if match else None


def from_match(match: re.Match[str], text: str) -> StatedDate | None:
    """Return the StatedDate for a match of `date_pattern()`; None when it is no real date."""
    found = read_stated(match)
    return StatedDate(text, *found) if found else None


def url_date(url: str | None) -> dt.date | None:
    """Return the date a URL states in its path ("/2016/11/03/"), via htmldate, or None."""
    if not url:
        return None
    import htmldate  # 60 ms: only for articles that have a URL

    found = htmldate.find_date("<html></html>", url=url, extensive_search=False)
    return dt.date.fromisoformat(found) if found else None
