"""Stated dates (briefing.temporal.stated): the one grammar ingest's datelines and metadata
dates are read with."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.ingest.dateline import find_dateline
from briefing.ingest.dates import parse_stated
from briefing.knowledge import load


@pytest.mark.parametrize(
    ("text", "date", "partial"),
    [
        ("3rd March, 2021", dt.date(2021, 3, 3), None),
        ("Tue., 3 MARCH 2021", dt.date(2021, 3, 3), None),
        ("Nov. 9, 2016", dt.date(2016, 11, 9), None),
        ("2016-11-09 00:00:00", dt.date(2016, 11, 9), None),
        ("March 3", None, "XXXX-03-03"),
        ("29 February", None, "XXXX-02-29"),
    ],
)
def test_temporal_stated_dates(text: str, date: dt.date | None, partial: str | None) -> None:
    found = parse_stated(text)
    assert found is not None and (found.date, found.partial) == (date, partial)


@pytest.mark.parametrize("text", ["31 February 2021", "n/a", "soon", "2016-13-01"])
def test_temporal_stated_no_date(text: str) -> None:
    assert parse_stated(text) is None


def test_temporal_stated_dateline_date_read_by_temporal_vocabulary() -> None:
    found = find_dateline("Paris, 3 March, /NEWSWIRE/ -- The ministers met.")
    assert found is not None and found.date is not None
    assert found.date.partial == "XXXX-03-03"
    # one vocabulary: the months of datelines are the tagger's
    assert "months" not in load("datelines") and "march" in load("temporal")["months"]


def test_temporal_stated_embedded_post_signatures_give_their_dates() -> None:
    from briefing.temporal import post_signatures

    text = ("Thank you! — Donald J. Trump (@realDonaldTrump) December 3, 2016\n\n"
            "He said so. pic.twitter.com/x — Ann Lee (@annlee) 2 Sep 2014. Undated: "
            "— Bo Park (@bopark) March 3. A dash — (not a post) May 5, 2016.")
    found = post_signatures(text)
    assert [(text[a:b], day) for a, b, day in found] == [
        ("— Donald J. Trump (@realDonaldTrump) December 3, 2016", dt.date(2016, 12, 3)),
        ("— Ann Lee (@annlee) 2 Sep 2014", dt.date(2014, 9, 2))]
