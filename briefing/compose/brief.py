"""What the compose stage hands the templates: a `Brief` of cited lines, and the `Citer`
that numbers its sources.

Citations are numbers into the brief's own source list (`[1]` is the brief's first source).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from briefing.compose.words import short_date
from briefing.types import Article, Event, Span


@dataclass(frozen=True)
class Line:
    text: str
    cites: tuple[int, ...] = ()
    label: str = ""  # the date of a timeline entry, the speaker of a quote, the slot of a fact
    dates: tuple[str, ...] = ()  # TIMEX3 values of a timeline entry, first first (for the figure)


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
        """Return "3 March 2021", "1 March 2021 (date inferred)" or "undated"."""
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


class Sourced(Protocol):
    @property
    def sources(self) -> tuple[Span, ...]: ...


class Citer:
    """Numbers sources in the order the Sources list shows them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = {a.id: n for n, a in enumerate(sort_sources(articles), start=1)}

    def __call__(self, spans: Iterable[Span]) -> tuple[int, ...]:
        """Return the sorted source numbers of the spans' articles (unknown articles left out)."""
        return tuple(sorted({self.order[s.article] for s in spans if s.article in self.order}))

    def of(self, things: Iterable[Sourced]) -> tuple[int, ...]:
        """Return the source numbers behind several facts together (people, items, quotes)."""
        return self(s for t in things for s in t.sources)

    def every(self) -> tuple[int, ...]:
        return tuple(sorted(self.order.values()))

    def sources(self) -> tuple[Source, ...]:
        by_number = sorted(self.order.items(), key=lambda kv: kv[1])
        return tuple(Source(n, self.articles[a]) for a, n in by_number)


def sort_sources(articles: Sequence[Article]) -> list[Article]:
    """Return articles in the order the Sources list shows them: dated first, by date, then id."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or dt.date.min, a.id))
