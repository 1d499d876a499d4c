"""The temporal tagger: time expressions in news text, resolved to TIMEX3 values.

`tag_dates(text, anchor)` finds and resolves every expression; `tenses` reads beforehand what
it needs of a parse, so that reading against another anchor needs none; `explain` gives the
same with the reasons, for people; `value_to_range` turns a value (or a range's ISO 8601
interval) into first and last day; `tag_ranges` / `find_ranges` pair the ends of ranges
("27-28 February", "from Monday to Wednesday", "through Friday") into `TimeRange`s with both
ends; `to_utc` reads a zoned clock time ("5:00 p.m. EST", kept in `Timex.zone`) as a UTC
moment; `infer_year` completes a day and month written without a year; `post_signatures`
finds the dated signature lines of embedded social-media posts. Rules and vocabulary
follow HeidelTime's design (patterns, normalisation functions, anchor and tense resolution);
the vocabulary lives in `briefing/knowledge/temporal.json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.temporal.calendar import infer_year
from briefing.temporal.intervals import TimeRange, find_ranges
from briefing.temporal.ranges import all_outside, value_to_range
from briefing.temporal.stated import post_signatures
from briefing.temporal.tagger import expressions, tag_dates, tag_ranges, tenses
from briefing.temporal.zones import to_utc, utc_offset

__all__ = ["TimeRange", "all_outside", "explain", "expressions", "find_ranges", "infer_year",
           "post_signatures", "tag_dates", "tag_ranges", "tenses", "to_utc", "utc_offset",
           "value_to_range"]


def explain(text: str, anchor: dt.date | None, doc: Any = None) -> list[dict[str, Any]]:
    """Return one dict per expression (start, end, text, type, value, reason), in text order,
    for the `briefing dates` command."""
    return [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
         "reason": t.reason}
        for t in tag_dates(text, anchor, doc=doc)
    ]
