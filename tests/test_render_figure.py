"""The timeline figure: one row per date, entries naming two dates counted at both."""

from __future__ import annotations

import datetime as dt

from briefing.compose import compose
from briefing.render.figure import rows, timeline_png
from briefing.types import Event, Item, Span
from tests.conftest import article

TEXT = ("Officials said on Monday that the ministers, who last met in Rome several months ago "
        "to settle the fishing dispute between the two countries, will meet again in Geneva on "
        "Friday to sign the joint statement on trade and the new quota rules.")


def brief(*items: Item):
    event = Event(id="2023-01-13-talks", title="Bilateral talks", kind="talks",
                  articles=(article("a", TEXT, dt.date(2023, 1, 9)),), start=dt.date(2023, 1, 13),
                  timeline=items)
    return compose(event, generated=dt.datetime(2026, 1, 1))


def test_render_figure_counts_an_entry_at_each_of_its_dates():
    cited = (Span("a", 0, 1),)
    found = rows(brief(Item(TEXT, cited, date="2023-01-09", at=TEXT.index("Monday")),
                       Item(TEXT, cited, date="2023-01-13", at=TEXT.index("Friday")),
                       Item("Talks opened in December.", cited, date="2022-12")))
    assert [(label, n) for _, label, n in found] == [
        ("Dec 2022", 1), ("9 Jan 2023", 1), ("13 Jan 2023", 1)]


def test_render_figure_needs_two_dates_and_gives_the_same_bytes_twice():
    cited = (Span("a", 0, 1),)
    assert timeline_png(brief(Item("Talks opened in December.", cited, date="2022-12"))) is None
    two = brief(Item("Talks opened in December.", cited, date="2022-12"),
                Item("They meet on Friday.", cited, date="2023-01-13"))
    png = timeline_png(two)
    assert png is not None and png.startswith(b"\x89PNG") and png == timeline_png(two)
