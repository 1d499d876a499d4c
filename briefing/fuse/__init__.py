"""The fuse stage: the facts of many articles in, one `Event` per real-world event out.

`group` decides which articles report the same event, `complete_dates` infers the dates that
reports leave out, and `build_event` merges and votes what the reports say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefing.extract.places import lies_outside, place_kind, wider_than_country
from briefing.fuse import naming, topics
from briefing.fuse.cluster import Digest, digest, event_range, group
from briefing.fuse.dates import CALLED_OFF, complete, day_span, opened_span, planned_span
from briefing.fuse.items import merge, reports_of, same_place, vote
from briefing.fuse.people import merge_people
from briefing.knowledge import load
from briefing.types import ArticleFacts, Discrepancy, Event, Headline, Item, Participant, Span, slug
from briefing.types import unique as unique_name

__all__ = ["Digest", "digest", "group", "complete", "build_event", "link_related",
           "relinked"]


def specificity(kind: str | None) -> int:
    """Return the rank of an event kind, the most specific first ("summit" before "talks"):
    the order of cues event_kinds. An even vote goes to the more specific."""
    kinds = list(load("cues")["event_kinds"])
    return kinds.index(kind) if kind in kinds else len(kinds)


def whole(facts: ArticleFacts) -> Span:
    """Return a span citing the whole article (for slots read from several sentences)."""
    return Span(facts.article.id, 0, len(facts.article.text))


def text_day(facts: ArticleFacts) -> dt.date | None:
    """Return the article's event day when its text names one day (a week or month is no
    vote: "last week" dates a cause, not the news)."""
    span = event_range(facts)
    return span[0] if span and span[0] == span[1] else None


def event_dates(group: Sequence[ArticleFacts], told: str | None = None,
                told_on: dt.date | None = None) -> tuple[dt.date | None, Discrepancy | None]:
    """Return the event's day as most reports give it, and how they differ.

    The reports that hang a day on the event's own predicate vote ("the call on Saturday",
    "the meeting set for next Tuesday"); when none does, the reports whose text dates the
    event; a report that states no date does not (its
    publication day says when it was written, not when the event was). A tie goes to the day
    most reports were published on, then to the earliest. A tie goes first to a day that fits
    the status the latest reports' wording gives (`told`, read on `told_on`): a scheduled
    event is not before the latest report, a held one not after it. Only when no report dates the event
    do the publication days vote: news reports what just happened. Two days one apart are
    flagged as a likely time-zone difference rather than silently merged: London's Thursday
    evening is Sydney's Friday morning.
    """
    anchored = any(f.frame_date for f in group)
    values = [(f.frame_date if anchored else d.isoformat() if (d := text_day(f)) else None,
               whole(f)) for f in group]
    published = Counter(f.article.published.isoformat() for f in group if f.article.published)
    if not any(v for v, _ in values):
        values = [(d.isoformat() if (d := f.article.published) else None, whole(f)) for f in group]
    winner, gap = vote(values, "date")
    if gap is None:
        return (dt.date.fromisoformat(winner) if winner else None), None
    counts = [reports_of(v.sources) for v in gap.values]
    tied = [v.value for v, n in zip(gap.values, counts, strict=True) if n == counts[0]]
    latest = max(published, default="")
    if told_on is None or told_on.isoformat() != latest:
        told = None  # the wording of older reports says nothing of the latest day
    winner = min(tied, key=lambda day: (not fits(day, told, latest), -published[day], day))
    days = sorted(dt.date.fromisoformat(v.value) for v in gap.values)
    if len(days) == 2 and (days[1] - days[0]).days == 1:
        gap = replace(gap, note="one day apart: reports in different time zones may each give "
                                "their local date")
    return dt.date.fromisoformat(winner), gap


STATUS_TIES = ("held", "scheduled", "under way")  # the order a tie of reports goes in


def fits(day: str, told: str | None, latest: str) -> bool:
    """Return False for an ISO day the status rules out, given the latest report's day."""
    if told == "scheduled":
        return day >= latest
    if told == "held":
        return day <= latest
    return True


def told_status(group: Sequence[ArticleFacts]) -> tuple[str | None, dt.date | None]:
    """Return the status the reports' wording gives, and the day of the reports it is read
    from (None, None when no report's wording tells one).

    A report that says the event was called off (cancelled or postponed) wins unless a later
    one says it took place. Else the latest reports that tell a status vote (a tie: held,
    scheduled, under way).
    """
    def day(f: ArticleFacts) -> dt.date:
        return f.article.published or dt.date.min
    told = [f for f in group if f.event_status]
    if not told:
        return None, None
    off = [f for f in told if f.event_status in CALLED_OFF]
    if off and not any(f.event_status == "held" and day(f) > max(map(day, off)) for f in told):
        counts = Counter(f.event_status for f in off)
        return max(CALLED_OFF, key=lambda s: counts[s]), max(map(day, off))
    newest = max(map(day, told))
    counts = Counter(f.event_status for f in told if day(f) == newest)
    return max(STATUS_TIES, key=lambda s: (counts[s], -STATUS_TIES.index(s))), newest


def status(start: dt.date | None, end: dt.date | None,
           group: Sequence[ArticleFacts]) -> str | None:
    """Return the event's status as of the latest report.

    What the reports' wording tells (see `told_status`) holds as of the reports it is read
    from: a later report, published after the event's day, finds a scheduled event held; an
    event under way is held once the latest report is on its last day, is still to come when
    it starts after the latest report ("are meeting on Friday"), and stays under way when no
    report is dated. With no wording to go by, the dates decide: held when the event's day is
    on or before the latest report (news tells what happened), else scheduled (None when
    undated).
    """
    found, told_on = told_status(group)
    latest = max((f.article.published for f in group if f.article.published), default=None)
    last = end or start
    if found in CALLED_OFF:
        return found
    if found == "scheduled" and latest and told_on and told_on < latest and last \
            and last < latest:
        return "held"
    if found == "under way" and latest and start and start > latest:
        return "scheduled"  # "are meeting on Friday", told before Friday
    if found == "under way" and latest and (last is None or latest >= last):
        return "held"
    if found:
        return found
    if start is None or latest is None:
        return None
    return "held" if start <= latest else "scheduled"


PHYSICAL = ("meeting", "summit", "visit", "talks")


def event_format(group: Sequence[ArticleFacts], kind: str | None,
                 place: str | None) -> tuple[str | None, Discrepancy | None]:
    """Return the format most reports give (and how they differ); with none given, in person
    for a meeting, summit, visit or talks, or an event with a place, and virtual for a call."""
    fmt, gap = vote([(f.frame_format, whole(f)) for f in group], "format")
    if fmt is None and kind == "call" and any(f.event_status for f in group):
        return "virtual", None  # a call a report's own predicate tells of
    if fmt is None and (kind in PHYSICAL or place):
        return "in-person", None
    return fmt, gap


def event_place(group: Sequence[ArticleFacts]) -> tuple[str | None, Discrepancy | None]:
    """Return where the event is (see `voted_place`). For an event no report names as a
    meeting, call or visit (a crash, a race), the reports' own places fill in: a place no finer
    than a country takes the town most of them name ("Baoding, China"), and a town the country
    ("London, UK"); the country alone stands for a place none of them gives."""
    place, gap = voted_place(group)
    if any(f.event_status for f in group):
        return place, gap
    if not place or place_kind(place) == "country":
        town = most_named(group, "city")
        if town and place and lies_outside(town, place):
            town = None  # "Cleveland" named most in reports placed in Cuba: another story's
        place = f"{town}, {place}" if town and place else town or place
    country = most_named(group, "country")
    if country and not place:
        return country, gap
    if (country and country.lower() not in place.lower() and not lies_outside(place, country)
            and place_kind(place) != "country"):
        return f"{place}, {country}", gap  # never "New York, Indonesia", "South Africa, UK"
    return place, gap


def most_named(group: Sequence[ArticleFacts], kind: str) -> str | None:
    """Return the place of `kind` ("country", "city") at least half the reports name among
    their places, and more reports than any other ("UK" beside "London"), or None."""
    counts = Counter(p for f in group for p in set(f.places) if place_kind(p) == kind)
    ranked = counts.most_common(2)
    if not ranked or 2 * ranked[0][1] < len(group):
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def voted_place(group: Sequence[ArticleFacts]) -> tuple[str | None, Discrepancy | None]:
    """Return where the event is, as most reports put it ("the Kremlin, Moscow": a venue two or
    more reports give, with the town most give), and how the reports differ. A country given
    beside a town is no disagreement: the town stands (so do ties); a divergence is left only
    between places of one kind."""
    given = [(f.event_place, whole(f)) for f in group]
    # "is back in the Middle East": the area of a trip, never the meeting's place
    given = [(None if v and wider_than_country(v) else v, s) for v, s in given]
    if any(v and place_kind(v) != "country" for v, _ in given):  # a town outranks a country
        given = [(v if v and place_kind(v) != "country" else None, s) for v, s in given]
    place, gap = vote(given, "location", same_place)
    venue, _ = vote([(f.event_venue, whole(f)) for f in group], "venue", same_place)
    backers = sum(1 for f in group if f.event_venue and venue and same_place(f.event_venue, venue))
    if place and backers < 2 and len(group) > 2:  # one report of several: another event's?
        venue = None
    if place is None and venue is None and not any(f.event_status for f in group):
        # no report says where the event is, nor names a meeting, call or visit (a crash, a
        # race): where their leads put it (a weak cue: no divergence is reported from it). A
        # meeting the reports name but do not place has no place: their leads tell where
        # someone spoke of it.
        place, _ = vote([(f.lead_place, whole(f)) for f in group
                         if not (f.lead_place and wider_than_country(f.lead_place))],
                        "location", same_place)
    if gap is not None:
        top = reports_of(gap.values[0].sources)
        tied = [v.value for v in gap.values if reports_of(v.sources) == top]
        place = min(tied, key=lambda v: RANK[place_kind(v)])
        kinds = Counter(place_kind(v.value) for v in gap.values)
        gap = gap if max(kinds.values()) > 1 else None
    if venue and place and place_kind(place) == "country":
        return venue, gap  # "the White House, China": a country says nothing of a venue's town
    if venue and place and not same_place(venue, place) and place.lower() not in venue.lower():
        return f"{venue}, {place}", gap
    return venue or place, gap


RANK = {"city": 0, "region": 0, "country": 1}  # a tie goes to a place finer than a country


def name_key(name: str) -> str:
    """Return a name folded for voting: "U.K.-Chile X" and "UK-Chile X" are one name."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def title(group: Sequence[ArticleFacts], kind: str | None, people: Sequence[Participant],
          place: str | None, virtual: bool) -> str:
    """Return the event's title (see briefing.fuse.naming), with the short quoted label most
    reports give its proper name ("US-Japan Security Consultative Committee ('2+2')")."""
    name = naming.voted_name([f.event_name for f in group if f.event_name], people) or \
        naming.voted_name([f.event_setting for f in group if f.event_setting], people,
                          setting=True)
    nicks = Counter(f.event_nickname for f in group if f.event_nickname)
    nick = nicks.most_common(1)[0][0] if nicks and name else None
    if name and nick and nick not in name:
        name = f"{name} ('{nick}')"
    heads = [f.article.title for f in group
             if f.article.title and len(f.article.title.split()) >= STORY_WORDS]
    story = min(heads, key=len, default=None)  # the plainest headline names news of no
    # occasion, and an occasion of no known party or place
    return naming.event_title(name, kind or "other", people, place, virtual, story)


STORY_WORDS = 3  # a shorter headline ("Latest", "World news") names no story


RESERVED_NAMES = frozenset(["index", "con", "prn", "aux", "nul"]
                           + [f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)])


def event_id(text: str, day: dt.date | None) -> str:
    """Return a file-name-safe id for an event: its date and the words of its title."""
    words = slug(text, 60, empty="event")
    if words in RESERVED_NAMES:  # device names Windows cannot create; the run's own index
        words += "-event"
    return f"{day.isoformat()}-{words}" if day else words


def items(group: Sequence[ArticleFacts], field: str, **options: object) -> tuple[Item, ...]:
    """Return the merged items of one kind of statement across the group."""
    return tuple(merge((s for f in group for s in getattr(f, field)), **options))  # type: ignore[arg-type]


def build_event(group: Sequence[ArticleFacts]) -> Event:
    """Return the Event that a group of reports describes, every item cited."""
    told, told_on = told_status(group)
    start, date_gap = event_dates(group, told, told_on)
    place, place_gap = event_place(group)
    kind, _ = vote(sorted(((f.event_kind, whole(f)) for f in group),
                          key=lambda v: specificity(v[0])), "kind")  # a tie: the more specific
    fmt, fmt_gap = event_format(group, kind, place)
    if fmt == "virtual" and any(f.event_kind == "call" for f in group):
        kind = "call"  # held at a distance, and a report names the call: a call, not a
        # meeting by video link (other reports' "spoke with" reads as a meeting)
    people = merge_people(group, on=None if told in CALLED_OFF else start)  # the days of
    # a meeting called off are when it was called off, not when it was to be
    span_kind = "summit" if naming.multilateral(people.participants) else kind  # leaders of
    # three countries or more
    start, end, date_gap = day_span(start, date_gap, span_kind, told)
    start, end = opened_span(group, start, end, span_kind, told)
    if planned := planned_span(group, start, told, told_on):
        (start, end), date_gap = planned, None  # the reports' days are when it was called off
    name = title(group, kind, people.participants, place, fmt == "virtual")
    quotes = tuple(Item(q.text, (q.span,), speaker=q.speaker) for f in group for q in f.quotes)
    timeline = sorted(items(group, "timeline", by_date=True),
                      key=lambda i: (i.date or "", -len(i.sources)))
    return Event(
        id=event_id(name, start), title=name, kind=kind or "other",
        articles=tuple(f.article for f in group), start=start, end=end,
        location=None if fmt == "virtual" else place, format=fmt,
        status=status(start, end, group),
        participants=people.participants, mentioned=people.mentioned,
        agenda=topics.agenda(group, people.participants, people.mentioned),
        timeline=tuple(timeline),
        context=items(group, "context"),
        quotes=quotes, figures=items(group, "figures"),
        discrepancies=tuple(d for d in (date_gap, fmt_gap, None if fmt == "virtual" else place_gap)
                            if d) + people.discrepancies,
    )


def relinked(event: Event, head: Headline) -> Event:
    """Return the event with the id and series links `link_related` gave its headline."""
    return replace(event, id=head.id, related=head.related)


def link_related(heads: Sequence[Headline]) -> list[Headline]:
    """Return the events' headlines with unique ids and `related` pointing at events of the
    same name or the same leading people (the same meeting series on other dates)."""
    taken: set[str] = set()  # "a", "a", "a-2" become "a", "a-2", "a-2-2": never one file twice
    unique = [replace(h, id=unique_name(h.id, taken)) for h in heads]
    keys = [name_key(naming.without_place(h.title)) for h in unique]  # a series meets in many places
    by_key: dict[str, list[int]] = {}
    by_person: dict[str, list[int]] = {}
    for i, h in enumerate(unique):
        by_key.setdefault(keys[i], []).append(i)
        for name in h.people:
            by_person.setdefault(name, []).append(i)
    out = []
    for i, h in enumerate(unique):  # indexed by name and person: no scan of every pair
        shared = Counter(j for name in h.people for j in by_person[name])
        near = set(by_key[keys[i]]) | {j for j, n in shared.items() if n >= 3}
        out.append(replace(h, related=tuple(unique[j].id for j in sorted(near - {i}))))
    return out
