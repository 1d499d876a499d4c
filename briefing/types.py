"""The typed, frozen values that the pipeline stages hand to each other.

ingest -> Article; extract -> ArticleFacts; fuse -> Event; compose -> Brief; render writes files.
Every fact keeps where it came from (`Span`: article id and character offsets into
`Article.text`) so that a brief can cite it and a reader can check it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, get_args

STDIN = "-"  # the input that means standard input
OUTPUT_FORMATS = ("md", "docx", "json")
MAX_BYTES = 20_000_000  # per input file or page: far above any news story, far below trouble
MAX_CHARS = 1_000_000  # per article: spaCy's own `max_length`, beyond which it refuses to parse
MAX_ARTICLES = 5_000  # per run


Status = Literal["scheduled", "under way", "held", "postponed", "cancelled"]
Format = Literal["in-person", "virtual", "hybrid"]
Kind = Literal["summit", "call", "visit", "talks", "meeting", "other"]  # the data's event_kinds
STATUSES: tuple[str, ...] = get_args(Status)
TOOK_PLACE = frozenset({"held", "under way"})  # the statuses that say the event has happened
FORMATS: tuple[str, ...] = get_args(Format)
KINDS: tuple[str, ...] = get_args(Kind)


def is_local(raw: str) -> bool:
    """Return True when an input names files here: not standard input, not an http(s) URL."""
    return raw != STDIN and not raw.startswith(("http://", "https://"))


def slug(text: str, limit: int = 48, *, empty: str = "item") -> str:
    """Return a readable, file-name-safe slug of `text` ("peace-talks-resume"), at most `limit`
    long; `empty` when `text` has no letter or digit."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:limit].strip("-") or empty


def unique(name: str, taken: set[str]) -> str:
    """Return `name`, or `name-2`, `name-3`... the first not in `taken`, and add it there."""
    new, n = name, 1
    while new in taken:
        n += 1
        new = f"{name}-{n}"
    taken.add(new)
    return new



@dataclass(frozen=True)
class Span:
    """Where a fact was read: `Article.text[start:end]` of article `article`."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One cleaned news article (the ingest stage's output).

    `text` is the story body: every sentence of the article, boilerplate removed, without the
    headline and without the dateline prefix. All spans index into it.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # the file path or URL it was read from
    dateline_place: str | None = None
    published: dt.date | None = None
    # A stated but incomplete date, kept as written and as a TIMEX3 value ("XXXX-01-07").
    published_text: str | None = None
    published_partial: str | None = None
    published_inferred: bool = False
    # Other copies of the same story (syndication): their sources and outlets.
    also_in: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()  # the ids those copies were read under: reports of its event


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text, with its TIMEX3 value resolved against an anchor."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3: 2013-03-22, 2013-03, 2013-W11, 2012-SU, P5Y, 2013-03-22T17:00, ...
    reason: str = ""  # why this value, for people checking the output
    zone: str | None = None  # the time zone written with a clock time ("EST"), else None


@dataclass(frozen=True)
class PersonMention:
    """A person named in one article, with what that article says about them."""

    name: str  # as written, titles stripped
    span: Span
    role: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    participant: bool = False  # takes part in the event itself
    weight: float = 1.0  # how central the mention is (subject of the main verb, headline, ...)
    # PERSON when the model or the article itself (a title, "Mr", a named person's surname)
    # says person; else the model's label (GPE, ORG, ...): only the other reports can tell.
    tag: str = "PERSON"
    affiliation: str | None = None  # the organisation its title names ("NATO" chief)
    # Where the event predicate it is an argument of starts (a character offset in the
    # article: "meet" in "X will meet Y"); names sharing one take part together.
    frame: int | None = None
    # The predicate is held at a gathering ("talks on the sidelines of the NATO summit"): the
    # names it brings together are at that gathering (fuse.people_vote.gathered).
    at_gathering: bool = False
    # Where the date expressions its event predicate is given start ("met B on Tuesday";
    # their values are the article's `timexes`): outside the event's days, the predicate is
    # another meeting.
    frame_dates: tuple[int, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A name the model tagged as anything but a person (GPE, ORG, NORP, LOC, FAC, EVENT...),
    kept so that the fuse stage can overrule a label the other reports contradict."""

    text: str
    label: str
    span: Span


DIRECT_CUES = ("discussed", "agreed")  # a topic discussed, or agreed between the parties
AGENDA_CUES = (*DIRECT_CUES, "stance", "purpose")  # an agenda item's cues, most direct first:
# then what one party presses, offers, announces or aims at, and the purpose a report gives
# the meeting


PAIR = "; "  # between the two names of a pair in Statement.actor ("and" may be in a name)


@dataclass(frozen=True)
class Statement:
    """A sentence-sized fact: an agenda item, a dated development, a context point."""

    text: str
    span: Span
    date: str | None = None  # TIMEX3 value, for dated statements
    kind: str = ""  # agenda, timeline, context, figure
    value: str | None = None  # for a figure: the amount as written ("$51 billion")
    at: int | None = None  # for a dated statement: where its date expression starts in `text`
    cue: str = ""  # for an agenda item: what says it is a topic (one of AGENDA_CUES)
    actor: str | None = None  # the side an agenda item is of: for a stance, the body whose
    # stance it is ("Oxfam"); for a list, the person its meeting is with ("topics for Putin");
    # the two people "the two leaders" stands for, joined by PAIR


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    span: Span


@dataclass(frozen=True)
class Slot:
    """Where one time expression sits in an article's dating (see `Dating`), by its span."""

    start: int
    end: int
    tag: str | None = None  # its role, direction or status, as the field holding it says
    at: int = 0  # where it starts in the sentence text that cites it (timeline rows)


@dataclass(frozen=True)
class Row:
    """A sentence that may enter the timeline, once for each day it names."""

    text: str
    span: Span
    slots: tuple[Slot, ...]
    follows: bool = False  # no date of its own: it goes on with the row before (its actors)


@dataclass(frozen=True)
class Dating:
    """What an article's dated facts need besides its anchor, read from its parse once: with
    it, re-dating an undated article (`briefing.extract.dating.reanchor`) is a pure function
    of the candidate publication date, with no second parse."""

    tenses: tuple[Slot, ...]  # each expression span's direction (past, future, None) by its verb
    frame: tuple[Slot, ...]  # expressions hung on the event's predicates, in the order they
    # date it, each with the status that turns a bare weekday
    lead: tuple[tuple[Slot, ...], ...]  # per lead sentence, its expressions with their roles
    headline: tuple[tuple[Slot, ...], ...]  # per sentence retelling the headline, closest first
    event: tuple[tuple[Slot, ...], ...]  # per event sentence, best first
    timeline: tuple[Row, ...]  # sentences naming a date
    days: tuple[Slot, ...] = ()  # expressions dating the event's Nth day, tagged N


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article (the extract stage's output)."""

    article: Article
    people: tuple[PersonMention, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    agenda: tuple[Statement, ...] = ()
    timeline: tuple[Statement, ...] = ()
    context: tuple[Statement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Statement, ...] = ()
    event_date: str | None = None  # TIMEX3 value of the main event's date in this article
    event_dates: tuple[str, ...] = ()  # every date the article's event sentences give
    event_place: str | None = None  # from the event sentences, else the dateline
    lead_place: str | None = None  # where the lead puts what it tells: read only when no
    # report of the event gives an event_place (news whose event is no meeting: a crash, a race)
    event_format: Format | None = None  # the whole text's cue; frame_format is the format
    # the event's own predicate gives ("spoke by phone": virtual), for the event's vote and
    # what grouping reads to veto links
    frame_format: Format | None = None
    event_status: Status | None = None
    event_venue: str | None = None  # a building or site the event is in ("the White House")
    # the event's day hung on its own predicate ("met Monday", "the call on Saturday"), for
    # the event's vote and grouping; event_date is the older sentence cue
    frame_date: str | None = None
    event_kind: Kind | None = None
    event_opening: str | None = None  # the day the event opened, as its Nth day's date or a
    # range dating it tells ("the second day of the summit, June 9", "talks on 8-9 June")
    event_length: int | None = None  # the days it lasts ("the two-day summit", "8-9 June")
    event_name: str | None = None  # a proper name for the event, as written
    event_nickname: str | None = None  # a short quoted label ("3+3")
    event_setting: str | None = None  # the proper name of the event it is set in ("on the
    # sidelines of the NATO summit"): names the event when it brings three countries or more
    keywords: tuple[str, ...] = ()
    dating: Dating | None = None  # kept for an undated article, whose date fuse may infer


@dataclass(frozen=True)
class Participant:
    name: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    sources: tuple[Span, ...]
    body: bool = False  # an organisation or group, not a person: called by its whole name


@dataclass(frozen=True)
class Item:
    """An agenda item, timeline entry, context point, figure or quote merged across sources."""

    text: str
    sources: tuple[Span, ...]
    date: str | None = None
    speaker: str | None = None
    value: str | None = None
    at: int | None = None  # where the date expression starts in `text` (timeline entries)
    cue: str = ""  # agenda items: the most direct cue of its statements (see AGENDA_CUES)


@dataclass(frozen=True)
class Variant:
    value: str
    sources: tuple[Span, ...]


COUNTRY_OF = "country of "  # a Discrepancy about a person's country: "country of <name>"


@dataclass(frozen=True)
class Discrepancy:
    about: str
    values: tuple[Variant, ...]
    note: str = ""  # what may explain it, for the reader ("one day apart: time zones")


@dataclass(frozen=True)
class Event:
    """One real-world event and every report of it (the fuse stage's output)."""

    id: str
    title: str
    kind: Kind
    articles: tuple[Article, ...]
    start: dt.date | None = None
    end: dt.date | None = None
    location: str | None = None
    format: Format | None = None
    status: Status | None = None
    participants: tuple[Participant, ...] = ()
    mentioned: tuple[Participant, ...] = ()
    agenda: tuple[Item, ...] = ()
    timeline: tuple[Item, ...] = ()
    context: tuple[Item, ...] = ()
    quotes: tuple[Item, ...] = ()
    figures: tuple[Item, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    related: tuple[str, ...] = ()  # ids of other events of the same kind
    notes: tuple[str, ...] = field(default=())  # caveats a reader must see (undated reports)


@dataclass(frozen=True)
class Headline:
    """What the run needs to know of an event beside the event itself: enough to give each
    event its own id, link the events of one series and name them under Related events,
    while the events wait on disk (see briefing.runtime.shelf)."""

    id: str
    title: str
    kind: str
    start: dt.date | None
    people: frozenset[str]  # the leading participants' names
    related: tuple[str, ...] = ()  # ids of other events of the same series


def headline(event: Event) -> Headline:
    """Return an event's Headline (its leading participants: the first four)."""
    return Headline(event.id, event.title, event.kind, event.start,
                    frozenset(p.name for p in event.participants[:4]), event.related)
