"""The compose stage: an `Event` in, a `Brief` out: the sections a reader sees, every line cited.

Citations are numbers into the brief's own source list (`[1]` is the brief's first source).
Sentences are written here, in plain text; the templates only lay them out.
No clock in here: `generated` is a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pycountry

from briefing.temporal import value_to_range
from briefing.types import Article, Discrepancy, Event, Item, Participant, Span

FORMATS = {"in-person": "in person", "virtual": "virtual (video link)", "hybrid": "hybrid"}
# Clause boundaries inside a sentence: a comma, semicolon or colon, or a spaced dash.
BREAK = re.compile(r"\s*[,;:]\s+|\s+[-–—]+\s+")


@dataclass(frozen=True)
class Line:
    text: str
    cites: tuple[int, ...] = ()
    label: str = ""  # the date of a timeline entry, the speaker of a quote, the slot of a fact
    date: str = ""  # TIMEX3 value of a timeline entry (for the figure)


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

    @property
    def outlet(self) -> str:
        return self.article.outlet or "Outlet not stated"

    @property
    def date(self) -> str:
        """Return "3 March 2021", "1 March 2021 (inferred)" or "undated"."""
        if not self.article.published:
            return "undated"
        return short_date(self.article.published) + (
            " (date inferred)" if self.article.published_inferred else "")


@dataclass(frozen=True)
class Divergence:
    about: str
    versions: tuple[Line, ...]
    note: str = ""


@dataclass(frozen=True)
class Related:
    relation: str  # "Previous meeting", "Next meeting", "Related"
    title: str
    when: str
    href: str


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
    related: tuple[Related, ...]
    sources: tuple[Source, ...]
    notes: tuple[Line, ...]  # text may hold "{cites}", where the citation markers go


def country_name(code: str | None) -> str:
    """Return a short English name for an ISO 3166-1 alpha-2 code ("" for None)."""
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


def long_date(day: dt.date | None) -> str:
    """Return "Wednesday 3 March 2021", or "date unknown"."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "date unknown"


def short_date(day: dt.date) -> str:
    """Return "3 March 2021"."""
    return f"{day.day} {day:%B %Y}"


def day_range(first: dt.date, last: dt.date) -> str:
    """Return "3 March 2021", "1-3 March 2021" or "30 December 2020 to 2 January 2021"."""
    if first == last:
        return short_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_date(last)}"
    return f"{short_date(first)} to {short_date(last)}"


def date_key(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day a TIMEX3 value covers (far future when it names none)."""
    try:
        found = value_to_range(value)
    except (ValueError, TypeError):
        found = None
    return found if found else (dt.date.max, dt.date.max)


class Citer:
    """Numbers sources in the order the Sources list shows them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = {a.id: n for n, a in enumerate(sort_sources(articles), start=1)}

    def __call__(self, spans: Iterable[Span]) -> tuple[int, ...]:
        return tuple(sorted({self.order[s.article] for s in spans if s.article in self.order}))

    def every(self) -> tuple[int, ...]:
        return tuple(sorted(self.order.values()))

    def sources(self) -> tuple[Source, ...]:
        by_number = sorted(self.order.items(), key=lambda kv: kv[1])
        return tuple(Source(n, self.articles[a]) for a, n in by_number)


def sort_sources(articles: Sequence[Article]) -> list[Article]:
    """Return articles in the order the Sources list shows them: dated first, by date, then id."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or dt.date.min, a.id))


def person(p: Participant, cite: Citer) -> Person:
    return Person(p.name, p.role or "", country_name(p.country), cite(p.sources))


def described(p: Participant) -> str:
    """Return "Ann Lee (Foreign Minister, France)", or the bare name when nothing is known."""
    about = ", ".join(x for x in (p.role, country_name(p.country)) if x)
    return f"{p.name} ({about})" if about else p.name


def series(words: Sequence[str], joiner: str = ", ") -> str:
    """Return "a", "a and b", "a, b and c" (or "a; b; and c" joined by "; ")."""
    last = "; and " if joiner == "; " and len(words) > 2 else " and "
    return words[0] if len(words) == 1 else joiner.join(words[:-1]) + last + words[-1]


def reports(n: int) -> str:
    return f"{n} report" + ("" if n == 1 else "s")


def the(title: str) -> str:
    """Return the title as the subject of a sentence: "The Nordic Energy Council ...", "The bilateral talks".

    A title already led by an article is kept; a first word is lowered when the second word is
    lower case too (a description, not a proper name).
    """
    words = title.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return title
    if len(words) > 1 and words[1][:1].islower() and not words[0].isupper():
        title = title[:1].lower() + title[1:]
    return "The " + title


def plural(title: str) -> bool:
    """Return True for a title whose head noun is plural ("talks", "consultations")."""
    words = re.sub(r"\([^)]*\)", "", title).split()
    head = words[-1].lower() if words else ""
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def place_phrase(event: Event) -> str:
    if event.format == "virtual":
        return "by video link"
    return f"in {event.location}" if event.location else ""


def fact_cites(event: Event, about: str, value: str | None, cite: Citer) -> tuple[int, ...]:
    """Cite the reports giving `value` when the reports disagree about `about`, else them all."""
    for gap in event.discrepancies:
        if gap.about == about:
            return cite(s for v in gap.values if v.value == value for s in v.sources) \
                or cite.every()
    return cite.every()


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
    if event.status == "postponed":
        return f"{subject} {has} been postponed" + (f"; it was planned for {day}{at}." if day else ".")
    if event.status == "under way":
        return f"{subject} {is_} under way{at}."
    return f"{subject} {is_} reported for {day}{at}." if day else f"{subject} {is_} reported{at}."


def bottom_line(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return two to four sentences from the best-supported facts: what, when, where, who, why."""
    date_cites = fact_cites(event, "date", event.start and event.start.isoformat(), cite)
    place_cites = fact_cites(event, "location", event.location, cite)
    lines = [Line(opening(event), tuple(sorted(set(date_cites) & set(place_cites)))
                  or date_cites)]
    if event.participants:
        top = event.participants[:4]
        verb = "brought" if event.status == "held" else "brings"
        lines.append(Line(f"It {verb} together {series([described(p) for p in top])}.",
                          cite(s for p in top for s in p.sources)))
    if event.agenda:
        best = sorted(event.agenda, key=lambda i: (-len({s.article for s in i.sources}),
                                                   len(i.text.split()) > 20))[:3]
        verb = "Topics discussed included" if event.status == "held" else \
            "Topics expected on the agenda include"
        lines.append(Line(f"{verb} {series([i.text.rstrip('.') for i in best], '; ')}.",
                          cite(s for i in best for s in i.sources)))
    if event.discrepancies:
        about = [f"the {d.about}" for d in event.discrepancies]
        lines.append(Line(f"Reports differ on {series(list(dict.fromkeys(about)))} "
                          "(see Points of divergence).", ()))
    return tuple(lines)


def key_facts(event: Event, cite: Citer) -> tuple[Line, ...]:
    every = cite.every()
    top = event.participants[:6]
    who = "; ".join(f"{p.name} ({country_name(p.country)})" if p.country else p.name
                    for p in top) or "not stated"
    where = event.location or ("By video link" if event.format == "virtual" else "not stated")
    if event.format and event.format != "virtual":
        where += f" ({FORMATS.get(event.format, event.format)})"
    dates = sorted(a.published for a in event.articles if a.published)
    outlets = {a.outlet for a in event.articles if a.outlet}
    sources = reports(len(event.articles)) + (f" from {len(outlets)} outlets" if len(outlets) > 1
                                              else "")
    if dates:
        sources += f", published {day_range(dates[0], dates[-1])}"
    status = (event.status or "not stated").capitalize()
    return (
        Line(event.title, every, "What"),
        Line(long_date(event.start) if event.start else "Not stated",
             fact_cites(event, "date", event.start and event.start.isoformat(), cite), "When"),
        Line(where, fact_cites(event, "location", event.location, cite), "Where"),
        Line(who, cite(s for p in top for s in p.sources), "Who"),
        Line(status, every, "Status"),
        Line(sources, every, "Sources"),
    )


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def lines(items: Iterable[Item], cite: Citer) -> tuple[Line, ...]:
    """Return cited lines, each starting with a capital (items are often clause fragments)."""
    return tuple(Line(capital(i.text), cite(i.sources)) for i in items)


def clause(text: str, start: int, *, most: int = 25) -> str:
    """Return `text` cut to about `most` words around the character `start`, "…" marking cuts.

    Short sentences stay whole. A date early in the sentence keeps the sentence's start; a
    later one starts at its clause (with the clause before when that one is short). The cut
    ends at a clause boundary after the date when there is one.
    """
    text = text.strip()
    words = [m.span() for m in re.finditer(r"\S+", text)]
    if len(words) <= most:
        return text
    at = next((n for n, (_, end) in enumerate(words) if end > start), 0)
    begin = 0
    if at >= most - 4:
        bounds = [m.end() for m in BREAK.finditer(text) if m.end() <= words[at][0]]
        first = bounds[-1] if bounds else 0
        if len(bounds) > 1 and len(text[first:words[at][1]].split()) < 6:
            first = bounds[-2]
        begin = next(n for n, (a, _) in enumerate(words) if a >= first)
        begin = max(begin, at - most + 4)
    stop = min(begin + most, len(words)) - 1
    last = words[stop][1]
    ends = [m.start() for m in BREAK.finditer(text, words[at][1], last)
            if len(text[words[begin][0]:m.start()].split()) >= most // 2]
    if stop < len(words) - 1 and ends:
        last = ends[-1]
    piece = text[words[begin][0]:last].rstrip(",;:.")
    head = "…" + piece if begin else capital(piece)
    return head + ("…" if last < words[-1][1] - 1 else ".")


def timeline_text(item: Item) -> str:
    """Return the part of a timeline sentence that carries its date (found at extraction)."""
    return clause(item.text, item.at or 0)


def date_label(value: str) -> str:
    """Return a short label for a timeline date: "11 Jan 2023", "Dec 2022", "Week of 9 Jan 2023"."""
    first, last = date_key(value)
    if first == dt.date.max:
        return value
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return f"Week of {first.day} {first:%b %Y}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{first:%b %Y}"
    return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"


def timeline(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return dated developments in date order, one row per clause (its dates merged)."""
    rows: dict[str, list[Item]] = {}
    for item in event.timeline:
        if item.date:
            rows.setdefault(timeline_text(item), []).append(item)
    ordered = sorted(rows.items(), key=lambda kv: (min(date_key(i.date or "") for i in kv[1]),
                                                   kv[0]))
    out = []
    for text, items in ordered:
        values = sorted(dict.fromkeys(i.date or "" for i in items), key=date_key)
        out.append(Line(text, cite(s for i in items for s in i.sources),
                        " and ".join(date_label(v) for v in values), values[0]))
    return tuple(out)


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
    p = found[0]
    return ", ".join(x for x in (p.name, p.role, country_name(p.country)) if x)


def quotes(event: Event, cite: Citer) -> tuple[Line, ...]:
    """Return attributed quotes (and unattributed ones long enough to stand alone)."""
    out = []
    for q in event.quotes:
        text = q.text.strip().rstrip(",").strip()
        who = speaker(q.speaker, event)
        if text and (who or len(text.split()) >= 8):
            out.append(Line(capital(text), cite(q.sources), who or "Speaker not named"))
    return tuple(out)


def divergence(gap: Discrepancy, cite: Citer) -> Divergence:
    def value(v: str) -> str:
        return short_date(dt.date.fromisoformat(v)) if re.fullmatch(r"\d{4}-\d\d-\d\d", v) else v
    return Divergence(capital(gap.about), tuple(Line(value(v.value), cite(v.sources))
                                                for v in gap.values), gap.note)


def relation(event: Event, other: Event) -> str:
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


def as_of(event: Event, generated: dt.datetime) -> str:
    """Return "As of 1 March 2021, from 3 reports published 1–3 March 2021."."""
    dates = sorted(a.published for a in event.articles if a.published)
    clock = f" {generated:%H:%M}" if generated.time() != dt.time() else ""
    span = f" published {day_range(dates[0], dates[-1])}" if dates else ""
    undated = len(event.articles) - len(dates)
    extra = f" ({undated} undated)" if dates and undated else " (all undated)" if undated else ""
    return f"As of {short_date(generated.date())}{clock}, from " \
        f"{reports(len(event.articles))}{span}{extra}."


def subtitle(event: Event) -> str:
    """Return "place - date - format"."""
    place = event.location or ("Online" if event.format == "virtual" else "Place not stated")
    when = long_date(event.start) if event.start else "Date not stated"
    form = FORMATS.get(event.format or "", event.format or "format not stated")
    return " - ".join((place, when, capital(form)))


def compose(event: Event, *, generated: dt.datetime, others: Sequence[Event] = ()) -> Brief:
    """Return the Brief for one event; `others` are the run's other events (for Related events)."""
    cite = Citer(event.articles)
    related = tuple(Related(relation(event, o), o.title, long_date(o.start), f"{o.id}.md")
                    for o in others if o.id in event.related)
    return Brief(
        event=event, slug=event.id, title=event.title, subtitle=subtitle(event),
        as_of=as_of(event, generated),
        bottom_line=bottom_line(event, cite), key_facts=key_facts(event, cite),
        participants=tuple(person(p, cite) for p in event.participants),
        mentioned=tuple(person(p, cite) for p in event.mentioned),
        agenda=lines(event.agenda, cite), timeline=timeline(event, cite),
        context=tuple(Line(clause(i.text, 0, most=30), cite(i.sources))
                      for i in event.context[:8]),
        quotes=quotes(event, cite),
        figures=tuple(Line(i.text, cite(i.sources), i.value or "") for i in event.figures),
        divergences=tuple(divergence(d, cite) for d in event.discrepancies),
        related=related, sources=cite.sources(), notes=notes(event, cite),
    )
