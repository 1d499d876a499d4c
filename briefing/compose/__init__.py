"""The compose stage: an `Event` in, a `Brief` out: the sections a reader sees, every line cited.

Citations are numbers into the brief's own source list (`[1]` is the brief's first source).
Sentences are written here and in `compose_lead` (title block, bottom line, key facts), in
plain text; `compose_words` says dates and lists; the templates only lay them out.
No clock in here: `generated` is a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from briefing.compose.brief import Brief, Citer, Divergence, Line, Person, Related
from briefing.compose.lead import as_of, bottom_line, key_facts, subtitle
from briefing.compose.words import (
    capital,
    clause,
    country_name,
    date_key,
    date_label,
    long_date,
    role_and_country,
    short_date,
)
from briefing.types import COUNTRY_OF, Discrepancy, Event, Headline, Item, Participant, Span

__all__ = ["Brief", "Briefs", "compose"]


def person(p: Participant, cite: Citer) -> Person:
    return Person(p.name, p.role or "", country_name(p.country), cite(p.sources))


def lines(items: Iterable[Item], cite: Citer) -> tuple[Line, ...]:
    """Return cited lines, each starting with a capital (items are often clause fragments)."""
    return tuple(Line(capital(i.text), cite(i.sources)) for i in items)


def sentence_key(text: str) -> str:
    """Return `text` with its spacing normalised: one key for one sentence however it came."""
    return " ".join(text.split())


def timeline(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return dated developments in date order, one row per sentence (its dates merged).

    A row shows the part of its sentence from its first date expression on (found at
    extraction), so a sentence naming two dates is listed once, not cut twice.
    """
    rows: dict[str, list[Item]] = {}
    for item in event.timeline:
        if item.date:
            rows.setdefault(sentence_key(item.text), []).append(item)
    out = []
    for items in rows.values():
        items = sorted(items, key=lambda i: (date_key(i.date or ""), i.at or 0))
        values = list(dict.fromkeys(i.date or "" for i in items))
        first = min(i.at or 0 for i in items)
        out.append(Line(clause(items[0].text, first), cite.of(items),
                        join_dates(values), tuple(values)))
    return tuple(sorted(out, key=lambda line: (date_key(line.dates[0]), line.text)))


def join_dates(values: Sequence[str]) -> str:
    """Return "11 Jan 2023", "11 and 12 Jan 2023" or "Oct 2022 and 13 Jan 2023"."""
    labels = [date_label(v) for v in values]
    if len(labels) == 2 and labels[0].split()[1:] == labels[1].split()[1:] \
            and all(re.fullmatch(r"\d+ \w+ \d{4}", x) for x in labels):
        return f"{labels[0].split()[0]} and {labels[1]}"
    return " and ".join(labels)


def context(event: Event, shown: Iterable[Item], cite: Citer) -> tuple[Line, ...]:
    """Return up to eight background points, leaving out sentences the timeline already shows."""
    seen = {sentence_key(i.text) for i in shown}
    fresh = [i for i in event.context if sentence_key(i.text) not in seen]
    return tuple(Line(clause(i.text, 0, most=30), cite(i.sources)) for i in fresh[:8])


def speaker(name: str | None, event: Event) -> str:
    """Return "Ana Ruiz, Spokesperson, Peru" for a quote's speaker, matched against
    the event's people by full name, alias or surname; "" when nobody is named."""
    if not name:
        return ""
    people = (*event.participants, *event.mentioned)
    key = name.casefold()
    found = [p for p in people if key == p.name.casefold() or key in map(str.casefold, p.aliases)]
    if not found:
        found = [p for p in people if p.name.split()[-1].casefold() == key.split()[-1]]
    if len(found) != 1 and not (found and key == found[0].name.casefold()):
        return name
    return ", ".join(x for x in (found[0].name, role_and_country(found[0])) if x)


def quotes(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return attributed quotes (and unattributed ones long enough to stand alone)."""
    out = []
    for q in event.quotes:
        text = q.text.strip().rstrip(",").strip()
        who = speaker(q.speaker, event)
        if text and (who or len(text.split()) >= 8):
            out.append(Line(capital(text), cite(q.sources), who or "Speaker not named"))
    return tuple(out)


def value_words(value: str) -> frozenset[str]:
    """Return the words of a reported value, folded: case, possessives and hyphens aside."""
    return frozenset(re.findall(r"[a-z0-9]+", value.lower().replace("'s", " ").replace("’s", " ")))


def same_value(a: str, b: str) -> bool:
    """Return True for two wordings of one value: the words of one hold the other's ("Defense
    Secretary", "Secretary of Defense"; "Washington", "Washington, D.C.")."""
    x, y = value_words(a) - {"of", "the"}, value_words(b) - {"of", "the"}
    return bool(x) and bool(y) and (x <= y or y <= x)


def real(gap: Discrepancy) -> bool:
    """Return True when the reports' values disagree: some two are not wordings of one value."""
    values = [v.value for v in gap.values]
    return any(not same_value(a, b) for i, a in enumerate(values) for b in values[i + 1:])


def divergence(gap: Discrepancy, cite: Citer) -> Divergence:
    """Return one point of divergence: each reported value (days written out) with its sources."""
    def value(v: str) -> str:
        if gap.about.startswith(COUNTRY_OF):
            return country_name(v)  # "France", not "FR"
        return short_date(dt.date.fromisoformat(v)) if re.fullmatch(r"\d{4}-\d\d-\d\d", v) else v
    return Divergence(capital(gap.about), tuple(Line(value(v.value), cite(v.sources))
                                                for v in gap.values), gap.note)


def relation(event: Event, other: Headline) -> str:
    """Return "Previous meeting", "Next meeting" or "Related" for another event of the series."""
    if event.start and other.start and other.start != event.start:
        return f"{'Previous' if other.start < event.start else 'Next'} {event.kind}"
    return "Related"


def notes(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return the caveats a reader must see: each undated report by its citation, then the
    event's own notes."""
    out = [Line("The publication date of report {cites} is not stated and could not be "
                "inferred.", cite([Span(a.id, 0, 0)])) for a in event.articles if a.published is None]
    return tuple(out) + tuple(Line(capital(n.rstrip(".")) + ".") for n in event.notes)


AGENDA_ITEMS = 8  # the brief lists the most-reported topics; facts.json keeps them all


def compose(event: Event, *, generated: dt.datetime,
            others: Mapping[str, Headline] | None = None) -> Brief:
    """Return the Brief for one event; `others` are the run's events by id (for Related
    events)."""
    cite = Citer(event.articles)
    event = replace(event, discrepancies=tuple(d for d in event.discrepancies if real(d)))
    near = (others[i] for i in event.related if others and i in others)
    related = tuple(Related(relation(event, o), o.title, long_date(o.start), f"{o.id}.md")
                    for o in near)
    return Brief(
        event=event, slug=event.id, title=event.title, subtitle=subtitle(event),
        as_of=as_of(event, generated),
        bottom_line=bottom_line(event, cite), key_facts=key_facts(event, cite),
        participants=tuple(person(p, cite) for p in event.participants),
        mentioned=tuple(person(p, cite) for p in event.mentioned),
        agenda=lines(event.agenda[:AGENDA_ITEMS], cite), timeline=timeline(event, cite),
        context=context(event, (i for i in event.timeline if i.date), cite),
        quotes=quotes(event, cite),
        figures=tuple(Line(i.text, cite(i.sources), i.value or "") for i in event.figures),
        divergences=tuple(divergence(d, cite) for d in event.discrepancies),
        related=related, sources=cite.sources(), notes=notes(event, cite),
    )
