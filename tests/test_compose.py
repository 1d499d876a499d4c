"""Composing a brief from a hand-built event: citations, bottom line, sections."""

from __future__ import annotations

import datetime as dt

from briefing.compose import compose, long_date, timex_label
from briefing.types import Discrepancy, Event, Item, Participant, Span, Variant
from tests.conftest import article

A = article("a", "text a", dt.date(2023, 1, 11), outlet="Wire A", title="Talks set")
B = article("b", "text b", None, outlet="Wire B")


def event(**kw) -> Event:
    base = dict(
        id="2023-01-11-talks", title="Bilateral talks", kind="talks", articles=(B, A),
        start=dt.date(2023, 1, 11), location="Geneva", format="in-person", status="scheduled",
        participants=(Participant("Ann Lee", ("Lee",), "Foreign Minister", "FR",
                                  (Span("b", 0, 3), Span("a", 0, 3))),),
        agenda=(Item("trade barriers", (Span("b", 5, 9),)),),
    )
    base.update(kw)
    return Event(**base)


def test_compose_sources_are_numbered_dated_first_and_cited_by_number():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1))
    assert [s.article.id for s in brief.sources] == ["a", "b"]
    assert brief.participants[0].cites == (1, 2)
    assert brief.agenda[0].cites == (2,)


def test_compose_bottom_line_says_what_when_where_who():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1))
    first = brief.bottom_line[0].text
    assert first == "Bilateral talks is scheduled for Wednesday 11 January 2023 in Geneva."
    assert "Ann Lee (Foreign Minister, France)" in brief.bottom_line[1].text
    assert all(line.cites for line in brief.bottom_line)


def test_compose_divergences_keep_every_version_with_sources():
    gap = Discrepancy("date", (Variant("2023-01-11", (Span("a", 0, 1),)),
                               Variant("2023-01-12", (Span("b", 0, 1),))))
    brief = compose(event(discrepancies=(gap,)), generated=dt.datetime(2026, 1, 1))
    assert [(v.text, v.cites) for v in brief.divergences[0].versions] == [
        ("2023-01-11", (1,)), ("2023-01-12", (2,))]
    assert "Sources disagree on: date" in brief.bottom_line[-1].text


def test_compose_as_of_counts_reports_and_dates():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1, 7, 30))
    assert brief.as_of == "As of 01 January 2026 07:30, from 2 reports (11 January 2023 to 11 January 2023)."


def test_compose_date_labels_keep_granularity():
    assert long_date(None) == "date unknown"
    assert timex_label("2022-12-16") == "Friday 16 December 2022"
    assert timex_label("2022-12") == "December 2022"
    assert timex_label("2023-W02") == "week of 09 January 2023"
    assert timex_label("2012-SU") == "2012-SU"
