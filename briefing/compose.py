"""The compose stage: an `Event` in, a `Brief` out: the sections a reader sees, every line cited.

Citations are numbers into the brief's own source list (`[1]` is the brief's first source).
No clock in here: `generated` is a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pycountry

from briefing.types import Article, Event, Item, Participant, Span


@dataclass(frozen=True)
class Line:
    text: str
    cites: tuple[int, ...] = ()
    label: str = ""  # the date of a timeline entry, the speaker of a quote, the slot of a fact


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    country: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Source:
    number: int
    article: Article

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


@dataclass(frozen=True)
class Divergence:
    about: str
    versions: tuple[Line, ...]


@dataclass(frozen=True)
class Brief:
    event: Event
    slug: str
    title: str
    subtitle: str
    as_of: str
    bottom_line: tuple[Line, ...]
    key_facts: tuple[Line, ...]
    participants: tuple[Person, ...]
    mentioned: tuple[Person, ...]
    agenda: tuple[Line, ...]
    timeline: tuple[Line, ...]
    context: tuple[Line, ...]
    quotes: tuple[Line, ...]
    figures: tuple[Line, ...]
    divergences: tuple[Divergence, ...]
    related: tuple[Line, ...]
    sources: tuple[Source, ...]
    notes: tuple[str, ...]


def country_name(code: str | None) -> str:
    """Return a short English name for an ISO 3166-1 alpha-2 code ("" for None)."""
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


def long_date(day: dt.date | None) -> str:
    """Return "Wednesday 11 January 2023", or "date unknown"."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "date unknown"


def timex_label(value: str | None) -> str:
    """Return a readable label for a TIMEX3 date value, keeping its granularity."""
    if not value:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return long_date(dt.date.fromisoformat(value[:10]))
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return f"week of {dt.date.fromisoformat(value + '-1'):%d %B %Y}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return dt.date(int(value[:4]), int(value[5:]), 1).strftime("%B %Y")
    return value


class Citer:
    """Numbers sources in the order the brief first cites them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = {a.id: n for n, a in enumerate(sort_sources(articles), start=1)}

    def __call__(self, spans: Iterable[Span]) -> tuple[int, ...]:
        return tuple(sorted({self.order[s.article] for s in spans if s.article in self.order}))

    def sources(self) -> tuple[Source, ...]:
        by_number = sorted(self.order.items(), key=lambda kv: kv[1])
        return tuple(Source(n, self.articles[a]) for a, n in by_number)


def sort_sources(articles: Sequence[Article]) -> list[Article]:
    """Return articles in the order the Sources list shows them: dated first, by date, then id."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or dt.date.min, a.id))


def person(p: Participant, cite: Citer) -> Person:
    return Person(p.name, p.role or "", country_name(p.country), cite(p.sources))


def who_line(people: Sequence[Participant]) -> str:
    """Return "A (role, country), B (role, country) and C" for the bottom line."""
    names = [", ".join(x for x in (p.name, p.role and p.role, country_name(p.country)) if x)
             for p in people]
    names = [n.replace(", ", " (", 1) + ")" if ", " in n else n for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def reports(n: int) -> str:
    return f"{n} report" + ("" if n == 1 else "s")


def place_phrase(event: Event) -> str:
    if event.format == "virtual":
        return "by video link"
    return f"in {event.location}" if event.location else ""


def bottom_line(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return two to four sentences from the best-supported facts: what, when, where, who, why."""
    all_spans = [Span(a.id, 0, 0) for a in event.articles]
    verb = {"held": "was held", "scheduled": "is scheduled for"}.get(event.status, "is reported")
    when = f" {'' if event.status == 'scheduled' else 'on '}{long_date(event.start)}" \
        if event.start else ""
    lines = [Line(f"{event.title} {verb}{when} {place_phrase(event)}".strip() + ".",
                  cite(all_spans))]
    if event.participants:
        top = event.participants[:4]
        lines.append(Line(f"It brings together {who_line(top)}.",
                          cite(s for p in top for s in p.sources)))
    if event.agenda:
        topics = [i.text for i in event.agenda[:3]]
        lines.append(Line("On the agenda: " + "; ".join(topics) + ".",
                          cite(s for i in event.agenda[:3] for s in i.sources)))
    if event.discrepancies:
        about = ", ".join(dict.fromkeys(d.about for d in event.discrepancies))
        lines.append(Line(f"Sources disagree on: {about} (see Points of divergence).", ()))
    return tuple(lines)


def key_facts(event: Event, cite: Citer) -> tuple[Line, ...]:
    every = cite(Span(a.id, 0, 0) for a in event.articles)
    who = "; ".join(p.name for p in event.participants[:6]) or "not stated"
    where = place_phrase(event) or "not stated"
    return (
        Line(event.title, every, "What"),
        Line(long_date(event.start), every, "When"),
        Line(where, every, "Where"),
        Line(event.format or "not stated", every, "Format"),
        Line(who, cite(s for p in event.participants[:6] for s in p.sources), "Who"),
        Line(event.status or "unknown", every, "Status"),
        Line(reports(len(event.articles)), every, "Sources"),
    )


def lines(items: Iterable[Item], cite: Citer, label: str = "") -> tuple[Line, ...]:
    """Return cited lines, each starting with a capital (items are often clause fragments)."""
    return tuple(Line(i.text[:1].upper() + i.text[1:], cite(i.sources),
                      getattr(i, label) or "" if label else "") for i in items)


def relation(event: Event, other: Event) -> str:
    """Return "Previous meeting", "Next meeting" or "Related" for another event of the series."""
    if event.start and other.start and other.start != event.start:
        return f"{'Previous' if other.start < event.start else 'Next'} {event.kind}"
    return "Related"


def compose(event: Event, *, generated: dt.datetime, others: Sequence[Event] = ()) -> Brief:
    """Return the Brief for one event; `others` are the run's other events (for Related events)."""
    cite = Citer(event.articles)
    dates = sorted(a.published for a in event.articles if a.published)
    span = f"{dates[0]:%d %B %Y} to {dates[-1]:%d %B %Y}" if dates else "undated reports"
    as_of = f"As of {generated:%d %B %Y %H:%M}, from {reports(len(event.articles))} ({span})."
    subtitle = " - ".join(x for x in (event.location, long_date(event.start), event.format) if x)
    related = tuple(Line(f"{relation(event, o)}: {o.title} ({long_date(o.start)})", (), o.id)
                    for o in others if o.id in event.related)
    return Brief(
        event=event, slug=event.id, title=event.title, subtitle=subtitle, as_of=as_of,
        bottom_line=bottom_line(event, cite), key_facts=key_facts(event, cite),
        participants=tuple(person(p, cite) for p in event.participants),
        mentioned=tuple(person(p, cite) for p in event.mentioned),
        agenda=lines(event.agenda, cite),
        timeline=tuple(Line(i.text, cite(i.sources), timex_label(i.date)) for i in event.timeline),
        context=lines(event.context[:8], cite),
        quotes=lines(event.quotes, cite, "speaker"),
        figures=tuple(Line(i.text, cite(i.sources), i.value or "") for i in event.figures),
        divergences=tuple(Divergence(d.about, tuple(Line(v.value, cite(v.sources))
                                                    for v in d.values))
                          for d in event.discrepancies),
        related=related, sources=cite.sources(), notes=event.notes,
    )
