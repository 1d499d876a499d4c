"""Completing publication dates from the evidence of a whole event.

An article whose date is stated without a year, or not at all, is re-read against candidate
dates (from the dating its facts keep: briefing.extract.dating.reanchor, no parse); the
candidate that best fits wins:

1. its event dates agree with the event date that dated reports of the same event give;
2. news is written soon after the latest past day it reports ("said on Friday"), so the
   candidate closest after its latest past-tense day is preferred (a dateline "3 March" with
   "opened ... Tuesday" lands on a year where 3 March is a Tuesday);
3. the candidate nearest the other evidence (the years the reports state).

When there is no evidence at all the date stays unknown; nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from briefing.extract.dating import reanchor
from briefing.fuse.cluster import event_day
from briefing.temporal import value_to_range
from briefing.types import ArticleFacts, Discrepancy

SEARCH_DAYS = 10
NO_GAP = 99
YEAR = re.compile(r"^(\d{4})")
CALLED_OFF = ("cancelled", "postponed")


def latest_past_gap(facts: ArticleFacts) -> int:
    """Return the days between the anchor and the latest day-precise date on or before it."""
    anchor = facts.article.published
    days = [r[0] for t in facts.timexes if t.type in ("DATE", "TIME")
            if (r := value_to_range(t.value)) and r[0] == r[1]]
    past = [d for d in days if anchor and d <= anchor]
    return (anchor - max(past)).days if anchor and past else NO_GAP


def agreement(facts: ArticleFacts, reference: dt.date | None) -> int:
    """Return how many of the article's event dates cover the reference day (+-1) less those not."""
    if reference is None:
        return 0
    score = 0
    for value in facts.event_dates:
        span = value_to_range(value)
        if span:
            near = span[0] - dt.timedelta(days=1) <= reference <= span[1] + dt.timedelta(days=1)
            score += 1 if near else -1
    return score


def evidence_year(group: Sequence[ArticleFacts]) -> int | None:
    """Return the year the event's reports point to: stated publication years, else years named."""
    stated = [f.article.published.year for f in group if f.article.published]
    if stated:
        return Counter(stated).most_common(1)[0][0]
    named = Counter(int(m.group(1)) for f in group for t in f.timexes
                    if t.type == "DATE" and (m := YEAR.match(t.value)))
    if not named:
        return None
    top = max(named.values())
    return max(y for y, n in named.items() if n == top)


def reference_day(group: Sequence[ArticleFacts]) -> dt.date | None:
    """Return the event day most dated reports give, or None."""
    days = Counter(d for f in group if f.article.published and (d := event_day(f)))
    return days.most_common(1)[0][0] if days else None


def best(candidates: Sequence[ArticleFacts], reference: dt.date | None,
         near: dt.date) -> ArticleFacts:
    """Return the candidate reading that fits the evidence best (see the module docstring)."""
    def cost(f: ArticleFacts) -> tuple[int, int, int]:
        assert f.article.published is not None
        return (-agreement(f, reference), latest_past_gap(f), abs((f.article.published - near).days))
    return min(candidates, key=cost)


def read_as_of(facts: ArticleFacts, days: Sequence[dt.date]) -> list[ArticleFacts]:
    """Return the article's facts re-read as if published on each of `days` (flagged inferred)."""
    return [reanchor(facts, d) for d in days]


def partial_candidates(partial: str, year: int) -> list[dt.date]:
    """Return the dates a yearless TIMEX3 value (XXXX-01-07) can be around `year`."""
    match = re.match(r"^XXXX-(\d{2})-(\d{2})$", partial)
    if not match:
        return []
    month, day = int(match.group(1)), int(match.group(2))
    out = []
    for y in (year - 1, year, year + 1):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return out


def complete(group: list[ArticleFacts]) -> list[ArticleFacts]:
    """Return the group with missing or yearless publication dates inferred where evidence allows."""
    year = evidence_year(group)
    out = list(group)
    for i, f in enumerate(out):
        partial = f.article.published_partial
        if f.article.published is None and partial and year:
            days = partial_candidates(partial, year)
            if days:
                out[i] = best(read_as_of(f, days), reference_day(out), days[len(days) // 2])
    reference = reference_day(out)
    for i, f in enumerate(out):
        if f.article.published is None and reference is not None:
            days = [reference + dt.timedelta(days=k) for k in range(-SEARCH_DAYS, SEARCH_DAYS + 1)]
            out[i] = best(read_as_of(f, days), reference, reference)
    return out


MULTI_DAY = ("summit",)  # kinds of event that often run over several days
LONGEST = 3  # days between the first and last day of one summit


def day_span(start: dt.date | None, gap: Discrepancy | None, kind: str | None,
             told: str | None = None) -> tuple[dt.date | None, dt.date | None, Discrepancy | None]:
    """Return the event's first and last day, and what is left of the date disagreement.

    Reports of a summit giving consecutive days (one the opening, another the closing
    session: 4 and 5 September) tell its span, not a disagreement: the first is its start,
    the last its end. Not for a summit called off (`told`, the status the reports' wording
    gives): the days its reports give are when it was called off. Else the event lasts its
    one day and the disagreement stands.
    """
    if start is None or gap is None or kind not in MULTI_DAY or told in CALLED_OFF:
        return start, start, gap
    days = sorted({dt.date.fromisoformat(v.value) for v in gap.values
                   if re.fullmatch(r"\d{4}-\d\d-\d\d", v.value)})
    if len(days) != len(gap.values) or (days[-1] - days[0]).days > LONGEST or any(
            (b - a).days > 1 for a, b in itertools.pairwise(days)):
        return start, start, gap
    return days[0], days[-1], None


def opened_span(group: Sequence[ArticleFacts], start: dt.date | None, end: dt.date | None,
                kind: str | None, told: str | None = None
                ) -> tuple[dt.date | None, dt.date | None]:
    """Return a summit's first and last day as its reports tell its days.

    The day a report dates the summit's Nth day by ("on the second day of the G7 meeting,
    June 9") is N - 1 days after its opening: the opening is its start, when it lies no more
    than LONGEST days before the voted day. A length ("the two-day summit") then gives the
    last day, counted from the opening, or from the voted day when every report was
    written before it (the day a preview names is when it opens). Not for a summit called
    off: its days never came.
    """
    if start is None or end is None or kind not in MULTI_DAY or told in CALLED_OFF:
        return start, end
    openings = Counter(dt.date.fromisoformat(f.event_opening) for f in group if f.event_opening)
    first = min(openings, key=lambda d: (-openings[d], d)) if openings else None
    if first is not None and 0 <= (start - first).days <= LONGEST:
        start, end = first, max(end, start)
    ahead = all(f.article.published and f.article.published < start for f in group)
    length = max((f.event_length for f in group if f.event_length), default=None)
    if length and (start == first or ahead):
        end = max(end, start + dt.timedelta(days=min(length, LONGEST + 1) - 1))
    return start, end


PLAN_DAYS = 31  # the coarsest planned date kept: a month ("a summit in early September")


def planned_span(group: Sequence[ArticleFacts], start: dt.date | None, told: str | None,
                 told_on: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of the date a called-off event had been planned for,
    or None to keep `start`.

    The reports of a meeting called off are written on the day it was called off, and that
    is the day they give when no day is hung on the meeting itself ("canceled a summit
    planned for next month, the White House announced Wednesday"). The meeting's own date
    is the one the reports' event sentences give that lies after the report that gives it
    (a plan lies ahead of its calling off), as most reports give it: a month when they say
    no more ("early September"). Only when no report hangs a day on the meeting's own
    predicate ("had been planned for Sunday": that day stands) and `start`, the voted day,
    is no later than the reports that call it off (`told_on`).
    """
    if told not in CALLED_OFF or told_on is None or (start is not None and start > told_on) \
            or any(f.frame_date for f in group):
        return None
    votes: Counter[tuple[dt.date, dt.date]] = Counter()
    for f in group:
        published = f.article.published
        ahead = {span for v in f.event_dates if (span := value_to_range(v)) and published
                 and span[0] > published and (span[1] - span[0]).days <= PLAN_DAYS}
        votes.update(ahead)
    if not votes:
        return None
    return min(votes, key=lambda span: (-votes[span], span[1] - span[0], span[0]))
