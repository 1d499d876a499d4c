"""The head of the brief: title block (subtitle, as-of line), bottom line and key facts.

These sections state the event's best-supported facts once each, in sentences or table rows,
citing only the reports that give a value when the reports disagree about it.
"""

from __future__ import annotations

import datetime as dt

from briefing.compose.brief import Citer, Line
from briefing.compose.words import (
    capital,
    country_name,
    day_range,
    described,
    long_date,
    plural,
    reports,
    series,
    short_date,
    the,
)
from briefing.types import Event

FORMATS = {"in-person": "in person", "virtual": "virtual (video link)", "hybrid": "hybrid"}


def subtitle(event: Event) -> str:
    """Return "place - date - format"."""
    place = event.location or ("Online" if event.format == "virtual" else "Place not stated")
    when = long_date(event.start) if event.start else "Date not stated"
    form = FORMATS.get(event.format or "", event.format or "format not stated")
    return " - ".join((place, when, capital(form)))


def published(event: Event) -> str:
    """Return "1–3 March 2021", the days the event's dated reports came out ("" for none)."""
    dates = sorted(a.published for a in event.articles if a.published)
    return day_range(dates[0], dates[-1]) if dates else ""


def as_of(event: Event, generated: dt.datetime) -> str:
    """Return "As of 1 March 2021, from 3 reports published 1–3 March 2021."."""
    days = published(event)
    clock = f" {generated:%H:%M}" if generated.time() != dt.time() else ""
    span = f" published {days}" if days else ""
    undated = sum(a.published is None for a in event.articles)
    extra = f" ({undated} undated)" if days and undated else " (all undated)" if undated else ""
    return f"As of {short_date(generated.date())}{clock}, from " \
        f"{reports(len(event.articles))}{span}{extra}."


def fact_cites(event: Event, about: str, value: str | None, cite: Citer) -> tuple[int, ...]:
    """Cite the reports giving `value` when the reports disagree about `about`, else them all."""
    for gap in event.discrepancies:
        if gap.about == about:
            return cite(s for v in gap.values if v.value == value for s in v.sources) \
                or cite.every()
    return cite.every()


def date_cites(event: Event, cite: Citer) -> tuple[int, ...]:
    return fact_cites(event, "date", event.start and event.start.isoformat(), cite)


def place_cites(event: Event, cite: Citer) -> tuple[int, ...]:
    return fact_cites(event, "location", event.location, cite)


def place_phrase(event: Event) -> str:
    if event.format == "virtual":
        return "by video link"
    return f"in {event.location}" if event.location else ""


def opening(event: Event) -> str:
    """Return the first sentence: what, when, where, in the tense the status calls for."""
    subject, where = the(event.title), place_phrase(event)
    is_, has = ("are", "have") if plural(event.title) else ("is", "has")
    day = f"{event.start:%A} {short_date(event.start)}" if event.start else ""
    at = f" {where}" if where else ""
    if event.status == "scheduled":
        if day:
            return f"{subject} {is_} scheduled for {day}{at}."
        return f"{subject} {is_} scheduled to take place{at}; no date is reported."
    if event.status == "held":
        return f"{subject} took place on {day}{at}." if day else \
            f"{subject} took place{at}; the date is not reported."
    if event.status == "cancelled":
        was, it = ("were", "they") if plural(event.title) else ("was", "it")
        return f"{subject} {was} cancelled" + (f"; {it} {was} planned for {day}{at}." if day
                                               else ".")
    if event.status == "postponed":
        return f"{subject} {has} been postponed" + (f"; it was planned for {day}{at}." if day else ".")
    if event.status == "under way":
        return f"{subject} {is_} under way{at}."
    return f"{subject} {is_} reported for {day}{at}." if day else f"{subject} {is_} reported{at}."


def bottom_line(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return two to four sentences from the best-supported facts: what, when, where, who, why."""
    when, where = date_cites(event, cite), place_cites(event, cite)
    lines = [Line(opening(event), tuple(sorted(set(when) & set(where))) or when)]
    if event.participants:
        top = event.participants[:4]
        verb = "brought" if event.status == "held" else "brings"
        lines.append(Line(f"It {verb} together {series([described(p) for p in top])}.",
                          cite.of(top)))
    if event.agenda:
        best = sorted(event.agenda, key=lambda i: (-len({s.article for s in i.sources}),
                                                   len(i.text.split()) > 20))[:3]
        verb = "Topics discussed included" if event.status == "held" else \
            "Topics expected on the agenda include"
        lines.append(Line(f"{verb} {series([i.text.rstrip('.') for i in best], '; ')}.",
                          cite.of(best)))
    if event.discrepancies:
        about = [f"the {d.about}" for d in event.discrepancies]
        lines.append(Line(f"Reports differ on {series(list(dict.fromkeys(about)))} "
                          "(see Points of divergence).", ()))
    return tuple(lines)


def key_facts(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return the Key facts rows: what, when, where, who, status and the sources behind them."""
    every = cite.every()
    top = event.participants[:6]
    who = "; ".join(f"{p.name} ({country_name(p.country)})" if p.country else p.name
                    for p in top) or "not stated"
    where = event.location or ("By video link" if event.format == "virtual" else "not stated")
    if event.format and event.format != "virtual":
        where += f" ({FORMATS.get(event.format, event.format)})"
    outlets = {a.outlet for a in event.articles if a.outlet}
    sources = reports(len(event.articles)) + (f" from {len(outlets)} outlets" if len(outlets) > 1
                                              else "")
    days = published(event)
    sources += f", published {days}" if days else ""
    return (
        Line(event.title, every, "What"),
        Line(long_date(event.start) if event.start else "Not stated", date_cites(event, cite), "When"),
        Line(where, place_cites(event, cite), "Where"),
        Line(who, cite.of(top), "Who"),
        Line((event.status or "not stated").capitalize(), every, "Status"),
        Line(sources, every, "Sources"),
    )
