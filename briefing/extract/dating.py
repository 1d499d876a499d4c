"""An article's dated facts as a pure function of its publication date.

Reading an article's parse gives a `Dating` (briefing.types): where each time expression sits
(which sentence, which predicate it hangs on, what it dates, which way its verb's tense
points), but no value, since values depend on the anchor. `resolve` turns it and the time
expressions resolved against one anchor into the event date, the frame's day, the event
sentences' dates and the timeline; `reanchor` re-reads an undated article as if published on
a candidate day, the parse long gone (date inference in briefing.fuse.dates).

No spaCy here: the fuse stage re-dates in a process that never loads the model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.temporal import TimeRange, find_ranges, post_signatures, tag_dates, value_to_range
from briefing.types import ArticleFacts, Dating, Row, Slot, Statement, Timex

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
CALENDAR = re.compile(r"^\d{4}-(\d{2}|W\d{2})")
WEEKDAY = re.compile(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:'s)?$", re.I)
ROLE_ORDER = {"event": 0, "background": 1, "speech": 2}
EVENT_ROLES = ("event", "background")
# Where the event's date is looked for, first answer wins (see `main_values`).
TRIES = (("lead", EVENT_ROLES), ("lead", ("speech",)), ("headline", EVENT_ROLES),
         ("event", EVENT_ROLES))
BySpan = Mapping[tuple[int, int], Timex]
LONGEST_EVENT = 7  # days one event may last, as a range or "N-day" tells it; longer is a
# tour, a festival or a season, not one meeting


@dataclass(frozen=True)
class Dated:
    """The facts of one article that depend on its anchor."""

    event_date: str | None
    event_dates: tuple[str, ...]
    frame_date: str | None
    frame_dates: tuple[str, ...]
    timeline: tuple[Statement, ...]
    opening: str | None = None  # the event's first day (`opening_day`, `event_span`)
    length: int | None = None  # its days, when a range dates it ("27-28 February": 2)


def by_span(timexes: Sequence[Timex]) -> dict[tuple[int, int], Timex]:
    return {(t.start, t.end): t for t in timexes}


def dated(t: Timex) -> str | None:
    """Return the calendar part of a resolved DATE/TIME value (a day, week or month), or None."""
    if t.type not in ("DATE", "TIME") or not t.value or t.value[0] == "X":
        return None
    return t.value.split("T")[0] if CALENDAR.match(t.value) else None


def refine(value: str, candidates: Sequence[str]) -> str:
    """Return the first day-precise candidate inside a coarser value ("this week" -> Thursday)."""
    if DAY.match(value):
        return value
    span = value_to_range(value)
    for c in candidates:
        day = value_to_range(c)
        if DAY.match(c) and span and day and span[0] <= day[0] <= span[1]:
            return c
    return value


def directed(t: Timex, status: str | None, published: dt.date | None) -> str | None:
    """Return the day a time expression hung on the predicate gives, a bare weekday turned
    the way the predicate's tense points: "will meet Thursday" is the coming Thursday (a
    weekday the tagger put in the past; a past one it put ahead is left: the report's own
    date may be the day before it was written)."""
    if not DAY.match(t.value or ""):
        return None
    day = t.value[:10]
    if published is None or not WEEKDAY.match(t.text.strip()):
        return day
    when = dt.date.fromisoformat(day)
    if status == "scheduled" and when < published:
        when += dt.timedelta(days=7)
    return when.isoformat()


def sentence_values(slots: Sequence[Slot], timexes: BySpan,
                    roles: Sequence[str] = EVENT_ROLES) -> list[str]:
    """Return the calendar values of a sentence's expressions whose role is one of `roles`:
    events before background, days before coarser values, then in text order."""
    found = [(ROLE_ORDER[s.tag or "event"], not DAY.match(v), v) for s in slots
             if (s.tag or "event") in roles and (t := timexes.get((s.start, s.end)))
             and (v := dated(t))]
    return [v for *_, v in sorted(found, key=lambda x: x[:2])]


def main_values(pools: Mapping[str, Sequence[Sequence[Slot]]], timexes: BySpan
                ) -> tuple[str | None, tuple[str, ...]]:
    """Return the event's date and every event date of the event sentences: the first lead
    sentence dating an event, else the first lead sentence dating a statement, else the
    sentence retelling the headline best, else the best event sentence dating an event; made
    precise by a day inside it given later ("this week" ... "on Thursday")."""
    found = tuple(dict.fromkeys(v for s in pools["event"] for v in sentence_values(s, timexes)))
    for pool, roles in TRIES:
        for sent in pools[pool]:
            values = sentence_values(sent, timexes, roles)
            if values:
                return refine(values[0], found), found
    return None, found


def frame_values(slots: Sequence[Slot], timexes: BySpan, published: dt.date | None
                 ) -> tuple[str | None, tuple[str, ...]]:
    """Return the first day hung on the event's predicates and every calendar value hung on
    them; a bare weekday turned by the status its slot carries (see `directed`)."""
    days, values = [], []
    for s in slots:
        t = timexes.get((s.start, s.end))
        if t is None or t.type not in ("DATE", "TIME") or not t.value or t.value[0] == "X":
            continue
        day = directed(t, s.tag, published)
        if day:
            days.append(day)
        if re.match(r"^\d{4}-(\d{2}|W\d{2})", t.value):
            values.append(day or t.value.split("T")[0])
    return (days[0] if days else None), tuple(dict.fromkeys(values))


def closed(ranges: Sequence[TimeRange]) -> list[TimeRange]:
    """Return the ranges with both ends on the calendar ("27-28 February", "from 1994 to
    1997"; not "through Friday")."""
    return [r for r in ranges if all(r.days()) and value_to_range(r.value)]


def range_of(s: Slot, ranges: Sequence[TimeRange]) -> TimeRange | None:
    """Return the range an expression is an end of, or None."""
    return next((r for r in ranges if r.start <= s.start and s.end <= r.end), None)


def timeline_values(rows: Sequence[Row], timexes: BySpan,
                    ranges: Sequence[TimeRange] = ()) -> tuple[Statement, ...]:
    """Return the dated developments: each row once per calendar value it names, the two
    ends of a range once, as the range ("talks from 4 to 17 December": 4-17 December); a row
    that `follows` once per value of the row before."""
    out = []
    before: set[str] = set()
    for row in rows:
        if row.follows:
            out += [Statement(row.text, row.span, date=v, kind="timeline") for v in sorted(before)]
            before = set()
            continue
        seen = set()
        for s in row.slots:
            value = dated(t) if (t := timexes.get((s.start, s.end))) else None
            if value and (r := range_of(s, ranges)):
                value = r.value
            if value and value not in seen:
                seen.add(value)
                out.append(Statement(row.text, row.span, date=value, kind="timeline", at=s.at))
        before = seen
    return tuple(out)


def opening_day(slots: Sequence[Slot], timexes: BySpan) -> str | None:
    """Return the day an event opened: the first day-precise date of its Nth day (a slot
    tagged N) less N - 1 days ("the second day of the summit, June 9": June 8)."""
    for s in slots:
        t = timexes.get((s.start, s.end))
        if t is not None and t.type == "DATE" and DAY.match(t.value or "") and s.tag:
            day = dt.date.fromisoformat(t.value[:10]) - dt.timedelta(days=int(s.tag) - 1)
            return day.isoformat()
    return None


def event_span(dating: Dating, ranges: Sequence[TimeRange]) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of a range that dates the event ("the summit runs
    27-28 February"): the first range an expression hung on the event's predicate, else one
    dating an event in the lead, is an end of."""
    slots = [*dating.frame, *(s for sent in dating.lead for s in sent
                              if (s.tag or "event") == "event")]
    for s in slots:
        r = range_of(s, ranges)
        first, last = r.days() if r else (None, None)
        if first and last and 0 < (last - first).days < LONGEST_EVENT:
            return first, last
    return None


def written_by(text: str, published: dt.date | None) -> dt.date | None:
    """Return the day an article's text shows it was written by, when later than the day it
    gives as published, else `published`: the latest signature of a post it embeds ("—
    Donald J. Trump (@realDonaldTrump) December 3, 2016"). A story quoting a post is no
    older than the post; the date a story keeps is often its first version's. Its weekdays
    and "today" are read from that day."""
    if published is None:
        return None
    return max([published, *(day for _, _, day in post_signatures(text))])


def resolve(dating: Dating, timexes: Sequence[Timex], published: dt.date | None,
            text: str = "") -> Dated:
    """Return the article's dated facts, its expressions resolved as `timexes` (`text` the
    article's, for the ranges they form)."""
    found = by_span(timexes)
    ranges = closed(find_ranges(text, timexes)) if text else []
    pools = {"lead": dating.lead, "headline": dating.headline, "event": dating.event}
    date, dates = main_values(pools, found)
    frame_date, frame_dates = frame_values(dating.frame, found, published)
    span = event_span(dating, ranges)
    opening = opening_day(dating.days, found) or (span[0].isoformat() if span else None)
    return Dated(date, dates, frame_date, frame_dates,
                 timeline_values(dating.timeline, found, ranges), opening,
                 (span[1] - span[0]).days + 1 if span else None)


def reanchor(facts: ArticleFacts, day: dt.date) -> ArticleFacts:
    """Return the facts of an undated article re-read as if published on `day` (flagged
    inferred): its expressions resolved again, and every fact that depends on them."""
    assert facts.dating is not None, "only an undated article's facts keep their dating"
    article = replace(facts.article, published=day, published_inferred=True)
    timexes = tuple(tag_dates(article.text, day, tenses=facts.dating.tenses))
    dated_ = resolve(facts.dating, timexes, day, article.text)
    return replace(facts, article=article, timexes=timexes, event_date=dated_.event_date,
                   event_dates=dated_.event_dates, frame_date=dated_.frame_date,
                   timeline=dated_.timeline, event_opening=dated_.opening,
                   event_length=dated_.length or facts.event_length)
