"""The head of the brief: title block (subtitle, as-of line), bottom line and key facts.

These sections state the event's best-supported facts once each, in sentences or table rows,
citing only the reports that give a value when the reports disagree about it.
"""

from __future__ import annotations

import datetime as dt
import re

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
    whole_period,
)
from briefing.fuse import naming, topics
from briefing.types import Event, Participant

CALLED_OFF = ("cancelled", "postponed")
FORMATS = {"in-person": "in person", "virtual": "virtual (video link)", "hybrid": "hybrid"}


def subtitle(event: Event) -> str:
    """Return "place - date - format": "Los Cabos - Monday 18 June 2012 - In person", "By
    phone - Friday 2 December 2016 - Virtual (phone call)"."""
    online = "By phone" if phoned(event) else "Online"
    place = event.location or (online if event.format == "virtual" else "Place not stated")
    when = when_said(event) if event.start else "Date not stated"
    form = format_said(event) or "format not stated"
    return " - ".join((place, when, capital(form)))


def phoned(event: Event) -> bool:
    """Return True for a call held at a distance: by phone, not by video link."""
    return event.format == "virtual" and event.kind == "call"


def news(event: Event) -> bool:
    """Return True for news no report tells as a meeting, call or visit (a crash, a vote),
    or an occasion so unknown that a headline names it (no party, no place): its brief says
    what the reports name and cover, never who met."""
    return event.kind == "other" or any(a.title and a.title.strip() == event.title
                                        for a in event.articles)


def distance(event: Event) -> str:
    """Return how a virtual event is held: "by phone" for a call, else "by video link"."""
    return "by phone" if phoned(event) else "by video link"


def format_said(event: Event) -> str:
    """Return "in person", "virtual (phone call)", "virtual (video link)", "hybrid" or ""."""
    if phoned(event):
        return "virtual (phone call)"
    return FORMATS.get(event.format or "", event.format or "")


def when_said(event: Event) -> str:
    """Return "Wednesday 3 March 2021", or "4–5 September 2014" for several days."""
    if event.start and event.end and event.end != event.start:
        return day_range(event.start, event.end)
    return long_date(event.start)


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
    """Return " in Los Cabos", " at the White House, Washington", " by phone" or ""."""
    if event.format == "virtual":
        return f" {distance(event)}"
    if not event.location:
        return ""
    first = event.location.split(", ", 1)[0]
    return f" {'at' if naming.is_venue(first) else 'in'} {event.location}"


def day_phrase(event: Event) -> str:
    """Return " on Monday 18 June 2012", " on 4–5 September 2014" or "" (undated)."""
    if not event.start:
        return ""
    if event.end and event.end != event.start:
        word = "in" if whole_period(event.start, event.end) else "on"
        return f" {word} {day_range(event.start, event.end)}"
    return f" on {event.start:%A} {short_date(event.start)}"


def what(event: Event) -> str:
    """Return the event's title without the place naming.event_title put after it."""
    for named in (True, False):
        tail = naming.where(event.location, named=named)
        if tail and event.title.endswith(tail):
            return event.title[: -len(tail)]
    return event.title


PAIR_VERBS = {  # status -> kind -> verb phrase, for "A and B <verb> in X on D"
    "held": {"talks": "held talks", "summit": "held a summit", "call": "spoke"},
    "scheduled": {"talks": "are to hold talks", "summit": "are to hold a summit",
                  "call": "are to speak"},
    "under way": {"talks": "are holding talks", "summit": "are holding a summit",
                  "call": "are speaking"},  # a call's " by phone" follows
}
LONG_TOPIC = 8  # words: the bottom line names shorter agenda items first (the Agenda lists all)
MEET = {"held": "met", "scheduled": "are to meet", "under way": "are meeting"}
TOPICS_VERB = {"held": "Topics discussed included", "under way": "Topics under discussion include",
               "scheduled": "Topics expected on the agenda include",
               "cancelled": "The agenda was to include", "postponed": "The agenda was to include"}


THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def called(p: Participant, event: Event) -> str:
    """Return a participant as a sentence names it: described (see `described`), a body the
    reports write with "the" ("the EU", "the London Stock Exchange") with it."""
    texts = {a.id: a.text for a in event.articles}
    if p.body and not p.name.lower().startswith("the "):
        said = [THE_BEFORE.search(texts[s.article][max(0, s.start - 8) : s.start])
                for s in p.sources if s.article in texts]
        if said and 2 * sum(bool(m) for m in said) > len(said):
            return "the " + described(p)
    return described(p)


def leads(event: Event) -> list[Participant]:
    """Return the principals the title names (none when a proper name names the event)."""
    found = naming.principals(event.participants, occasion=event.kind != "other")
    short = "–".join(naming.short_name(p) for p in found)
    return found if len(found) > 1 and what(event).lower().startswith(short.lower() + " ") else []


def subject(name: str, planned: bool = False) -> str:
    """Return a title as a sentence's subject: "The NATO summit", "The planned Obama–Putin
    summit", "Trump's planned visit to Mexico", "The summit" (a bare kind is lowered)."""
    adjective = "planned " if planned else ""
    owner, sep, rest = name.partition("'s ")
    if sep and " " not in owner:
        return f"{owner}'s {adjective}{rest}"
    if " " not in name:
        name = name.lower()
    return f"The {adjective}{name}"


def called_off(event: Event, at: str) -> str:
    """Return "The planned X was cancelled; it had been set for D." (or postponed)."""
    many = plural(what(event))
    verb = ("have" if many else "has") + " been postponed" if event.status == "postponed" \
        else ("were" if many else "was") + " cancelled"
    day = day_phrase(event).removeprefix(" on ").removeprefix(" in ")
    it = "they" if many else "it"
    set_for = f"; {it} had been set for {day}{at}" if day else ""
    return f"{subject(what(event), planned=True)} {verb}{set_for}."


def pair_verb(event: Event, status: str) -> str:
    kind = event.kind if event.kind != "call" or event.format == "virtual" else "meeting"
    return PAIR_VERBS.get(status, {}).get(kind, MEET.get(status, "met"))


ONE_PARTY = ("talks", "summit", "call")  # kinds one party's title may say it holds


def one_verb(event: Event, status: str) -> str:
    """Return the verb phrase for one party's talks, summit or call: "held talks", "is to
    hold a summit"."""
    return pair_verb(event, status).replace("are ", "is ")


def opening(event: Event) -> str:
    """Return the first sentence: who meets (or what takes place), where and when, the verb
    in the tense the status calls for ("met", "are to meet", "was cancelled")."""
    at, day = place_phrase(event), day_phrase(event)
    if event.status in CALLED_OFF:
        return called_off(event, at)
    status = event.status or "held"
    if news(event):
        return news_opening(event)
    pair = leads(event)
    if pair:
        return f"{series([called(p, event) for p in pair])} {pair_verb(event, status)}{at}{day}."
    if visitor(event):
        verb = {"scheduled": "is to visit", "under way": "is visiting"}.get(status, "visited")
        return f"{called(event.participants[0], event)} {verb} {naming.town(event.location)}{day}."
    if owner(event) and event.kind in ONE_PARTY:  # "Obama's talks at Camp David": "Obama
        # is to hold talks at Camp David"; a meeting (the kind any predicate may give) keeps
        # its title as the subject
        return f"{called(event.participants[0], event)} {one_verb(event, status)}{at}{day}."
    many = plural(what(event))
    verb = {"scheduled": f"{'are' if many else 'is'} to take place",
            "under way": f"{'are' if many else 'is'} under way"}.get(status, "took place")
    if phoned(event) and "phone call" in what(event):
        at = ""  # "Trump's phone call took place by phone" says it twice
    return f"{subject(what(event))} {verb}{at}{day}."


NEWS_NAMES = 3  # the people a news brief's first sentence names


def news_opening(event: Event) -> str:
    """Return "4 reports from Croydon on Wednesday 9 November 2016 name A, B and C." for
    news no report tells as a meeting, call or visit (its title is a headline)."""
    where = f" from {event.location}" if event.location else ""
    people = event.participants or event.mentioned  # a story of no party: whom it quotes
    named = [called(p, event) for p in people[:NEWS_NAMES]]
    return f"{reports(len(event.articles))}{where}{day_phrase(event)}" + \
        (f" {'names' if len(event.articles) == 1 else 'name'} {series(named)}." if named else ".")


def owner(event: Event) -> bool:
    """Return True when the title is one participant's ("Obama's visit to Havana", "Obama's
    summit"): the bottom line names that participant once."""
    return bool(event.participants) and what(event).lower().startswith(
        naming.possessive(event.participants[0]).lower() + " ")


def visitor(event: Event) -> bool:
    """Return True when the title is one participant's visit ("Obama's visit to Havana")."""
    return bool(event.participants) and " visit to " in what(event)


def others(event: Event, cite: Citer) -> Line | None:
    """Return the sentence naming who else takes part (up to four), or None."""
    if news(event):
        return None  # the first sentence named them
    named = leads(event) or (event.participants[:1] if owner(event) else [])
    rest = [p for p in event.participants if p not in named][: 4 if not named else 3]
    if not rest:
        return None
    who = series([called(p, event) for p in rest])
    if not named and len(rest) > 1:
        verb = {"scheduled": "It is to bring", "under way": "It brings"}.get(
            event.status or "", "It was to bring" if event.status in CALLED_OFF else "It brought")
        return Line(f"{verb} together {who}.", cite.of(rest))
    verb = {"scheduled": "are also expected to take part", "under way": "are also taking part",
            "cancelled": "were also expected to take part",
            "postponed": "were also expected to take part"}.get(event.status or "",
                                                                "also took part")
    if not named:  # the one person known to take part in a named event
        verb = verb.replace("also ", "")
    if len(rest) == 1:
        verb = verb.replace("are ", "is ").replace("were ", "was ")
    return Line(f"{who} {verb}.", cite.of(rest))


def bottom_line(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return two to four sentences from the best-supported facts: what, when, where, who, why."""
    when, where = date_cites(event, cite), place_cites(event, cite)
    # a sentence opens with a capital, whatever the name it opens with ("the London Stock
    # Exchange and Euronext met")
    lines = [Line(capital(opening(event)), tuple(sorted(set(when) & set(where))) or when)]
    more = others(event, cite)
    if more:
        lines.append(Line(capital(more.text), more.cites))
    named = [i for i in event.agenda if topics.strong(i)]
    if named:
        best = sorted(named, key=lambda i: len(i.text.split()) > LONG_TOPIC)[:3]
        # the opening tells an event of no stated status as held: the agenda agrees
        verb = TOPICS_VERB.get(event.status or "held", TOPICS_VERB["scheduled"])
        if news(event):  # what its reports are about
            verb = "The report covers" if len(event.articles) == 1 else "Reports cover"
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
    where = event.location or (capital(distance(event)) if event.format == "virtual"
                               else "not stated")
    if event.format and event.format != "virtual":
        where += f" ({format_said(event)})"
    outlets = {a.outlet for a in event.articles if a.outlet}
    sources = reports(len(event.articles)) + (f" from {len(outlets)} outlets" if len(outlets) > 1
                                              else "")
    days = published(event)
    sources += f", published {days}" if days else ""
    return (
        Line(event.title, every, "What"),
        Line(when_said(event) if event.start else "Not stated", date_cites(event, cite), "When"),
        Line(where, place_cites(event, cite), "Where"),
        Line(who, cite.of(top), "Who"),
        Line((event.status or "not stated").capitalize(), every, "Status"),
        Line(sources, every, "Sources"),
    )
