"""An invented event with one of every kind of fact, for trying a user's templates at start-up.

A template that compiles can still fail on the first brief it renders (a misspelt field, a
filter on the wrong type, a loop past its budget). Rendering this sample before any parsing
turns that into a refusal at start-up. Nothing here comes from an article: the names, places
and dates are made up, and every list holds at least one entry so that every loop runs.
"""

from __future__ import annotations

import datetime as dt

from briefing.types import (
    Article,
    Discrepancy,
    Event,
    Headline,
    Item,
    Participant,
    Span,
    Variant,
)

_DAY = dt.date(2000, 1, 3)
_TEXT = ("Minister A. Sample met Minister B. Example in Sampletown on Monday. "
         '"We agreed on trade," Sample said. The talks lasted 2 hours.')


def sample_event() -> tuple[Event, dict[str, Headline]]:
    """Return the sample event and the run's other events by id (one, for Related events)."""
    first = Article("sample-1", _TEXT, title="Sample talks", outlet="Sample Wire",
                    url="https://example.com/sample", source="sample-1.txt", published=_DAY)
    second = Article("sample-2", _TEXT, title="Sample talks held", outlet="Example Post",
                     source="sample-2.txt", published=None, published_inferred=False)
    a, b = Span(first.id, 0, 20), Span(second.id, 0, 20)
    person = Participant("A. Sample", ("Sample",), "Minister", "AA", (a, b))
    other = Participant("B. Example", (), None, None, (a,))
    item = Item("trade", (a, b))
    event = Event(
        id="sample-talks", title="Sample talks, Sampletown", kind="talks",
        articles=(first, second), start=_DAY, end=_DAY + dt.timedelta(days=1),
        location="Sampletown", format="in-person", status="held",
        participants=(person, other), mentioned=(other,), agenda=(item,),
        timeline=(Item("On Monday the ministers met.", (a,), date=_DAY.isoformat(), at=0),),
        context=(Item("The ministers last met a year before.", (b,)),),
        quotes=(Item("We agreed on trade", (a,), speaker="A. Sample"),),
        figures=(Item("2 hours", (a,), value="PT2H"),),
        discrepancies=(Discrepancy("date", (Variant(_DAY.isoformat(), (a,)),
                                            Variant((_DAY + dt.timedelta(days=1)).isoformat(),
                                                    (b,))), note="one day apart"),),
        related=("sample-talks-2",), notes=("One report is undated.",))
    later = Headline("sample-talks-2", "Sample talks, Exampleville", "talks",
                     _DAY + dt.timedelta(days=30), frozenset({"A. Sample"}))
    return event, {later.id: later}
