"""Ranges of time: two expressions joined as the ends of one stretch ("27-28 February", "from
Monday to Wednesday", "between 4 and 17 December"), or one end left open ("through Friday",
"since 2010").

TimeML tags each end as a TIMEX3 of its own, so `tag_dates` keeps them apart; this module
pairs them afterwards into `TimeRange`s, whose `value` is an ISO 8601 interval
("2023-02-27/2023-02-28", ".." for an open end) that `value_to_range` reads back to a first and
last day. The connecting words live in `briefing/knowledge/temporal.json` (`range_words`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefing.temporal.ranges import value_to_range
from briefing.temporal.vocab import vocab
from briefing.types import Timex

OPEN = ".."  # ISO 8601-2: an open end of an interval


@dataclass(frozen=True)
class TimeRange:
    """A stretch of time named in a text, with the TIMEX3 values of its ends; `first` or
    `last` is None when that end is open ("through Friday" has no first)."""

    start: int  # character offsets of the whole phrase, connecting words included
    end: int
    text: str
    first: str | None
    last: str | None

    @property
    def value(self) -> str:
        """Return the ISO 8601 interval, "2023-02-27/2023-02-28" or "../2023-02-17"."""
        return f"{self.first or OPEN}/{self.last or OPEN}"

    def days(self) -> tuple[dt.date | None, dt.date | None]:
        """Return the first day of the first end and the last day of the last end (None for
        an open end, or an end whose value names no stretch of the calendar)."""
        first = value_to_range(self.first) if self.first else None
        last = value_to_range(self.last) if self.last else None
        return (first[0] if first else None), (last[1] if last else None)


@functools.cache
def _words() -> dict[str, Any]:
    return vocab()["range_words"]


@functools.cache
def _between() -> re.Pattern[str]:
    joins = "|".join(re.escape(w) for w in sorted(_words()["join"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{joins})\s*", re.I)


@functools.cache
def _lead_pattern(key: str) -> re.Pattern[str]:
    words = sorted(_words()[key], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})\s+$", re.I)


def _lead(text: str, start: int, key: str) -> int | None:
    """Return where a word of `key` ("from", "until") right before `start` begins, or None."""
    window = max(0, start - 24)
    m = _lead_pattern(key).search(text, window, start)
    return m.start() if m else None


def joined(text: str, first: Any, second: Any, *, same_kind: bool = True) -> bool:
    """True when `second` (a Timex or a tagger candidate) is the last end of a range that
    `first` opens: only a range word lies between them ("to", "-", "until"), "and" only after
    "between". Without "from" or "between" before them the ends must name the same kind of
    unit (`same_kind`: the caller checked it), so "a revision Friday to December's figures"
    is no range."""
    gap = text[first.end:second.start]
    if not _between().fullmatch(gap) or text.startswith(("'s", "’s"), second.end):
        return False
    led = _lead(text, first.start, "pair_lead") is not None
    if gap.strip().lower() == "and":
        return led
    return led or same_kind


def same_kind(first: str, last: str) -> bool:
    """True when two TIMEX3 values have the same shape ("2023-02-20", "2023-02-22")."""
    return re.sub(r"\d", "9", first) == re.sub(r"\d", "9", last)


def forward_end(first: str, last: str, step: str) -> str | None:
    """Return `last` moved forward by whole `step`s ("week" or "year") until it no longer
    ends before `first` begins, or None when it already does not, or when either is no date.

    The last end of a range is read after the first: "from Monday to Wednesday" written on a
    Tuesday runs from yesterday to tomorrow, not back to last Wednesday.
    """
    a, b = value_to_range(first), value_to_range(last)
    if a is None or b is None or b[1] >= a[0] or not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", last):
        return None
    if step == "week":
        day = dt.date.fromisoformat(last)
        while day < a[0]:
            day += dt.timedelta(weeks=1)
        return day.isoformat()
    year = int(last[:4])
    while value_to_range(f"{year}{last[4:]}")[1] < a[0]:  # type: ignore[index]
        year += 1
    return f"{year}{last[4:]}"


def find_ranges(text: str, timexes: Sequence[Timex]) -> list[TimeRange]:
    """Return the ranges that the expressions `timexes` (tagged in `text`, in text order) form:
    two ends joined by a range word, or one end after a word that leaves the other open."""
    out: list[TimeRange] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and t.type == nxt.type == "DATE" \
                and joined(text, t, nxt, same_kind=same_kind(t.value, nxt.value)):
            lead = _lead(text, t.start, "pair_lead")
            start = lead if lead is not None else t.start
            out.append(TimeRange(start, nxt.end, text[start:nxt.end], t.value, nxt.value))
            i += 2
            continue
        if t.type in ("DATE", "TIME") and (r := _open_range(text, t)) is not None:
            out.append(r)
        i += 1
    return out


def _open_range(text: str, t: Timex) -> TimeRange | None:
    for key in ("open_end", "open_start"):
        lead = _lead(text, t.start, key)
        if lead is not None:
            first, last = (None, t.value) if key == "open_end" else (t.value, None)
            return TimeRange(lead, t.end, text[lead:t.end], first, last)
    return None
