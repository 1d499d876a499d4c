"""Ranges (briefing.temporal.intervals): each form, its ends resolved at a stated date."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.temporal import TimeRange, tag_dates, tag_ranges, value_to_range

MON = dt.date(2023, 2, 20)  # a Monday


def _only(text: str, anchor: dt.date = MON) -> TimeRange:
    (found,) = tag_ranges(text, anchor)
    return found


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The summit runs 27-28 February in Brussels.", "27-28 February",
         "2023-02-27/2023-02-28"),
        ("The envoys meet Feb. 27-28, 2023, in Geneva.", "Feb. 27-28, 2023",
         "2023-02-27/2023-02-28"),
        ("The fair is held between 4 and 17 December 2023.", "between 4 and 17 December 2023",
         "2023-12-04/2023-12-17"),
        ("Talks will be held from Monday to Wednesday.", "from Monday to Wednesday",
         "2023-02-20/2023-02-22"),
        ("Talks will run Wednesday to Friday.", "Wednesday to Friday", "2023-02-22/2023-02-24"),
        ("The exhibition runs through Friday.", "through Friday", "../2023-02-24"),
        ("The mission stays until March 5.", "until March 5", "../2023-03-05"),
        ("He has led the party since 2010.", "since 2010", "2010/.."),
        ("The war lasted from 1994 to 1997.", "from 1994 to 1997", "1994/1997"),
        ("Prices rose between March 3 and 5.", "between March 3 and 5", "2023-03-03/2023-03-05"),
        ("The show ran from November to February.", "from November to February",
         "2022-11/2023-02"),
    ],
)
def test_temporal_intervals_range_forms(text: str, phrase: str, value: str) -> None:
    found = _only(text)
    assert (found.text, found.value) == (phrase, value)


def test_temporal_intervals_ends_stay_separate_timexes() -> None:
    found = [(t.text, t.value) for t in tag_dates("They met 27-28 February 2022.", MON)]
    assert found == [("27", "2022-02-27"), ("28 February 2022", "2022-02-28")]
    found = [(t.text, t.value) for t in tag_dates("They met April 24 and 25.", MON)]
    assert found == [("April 24", "2023-04-24"), ("25", "2023-04-25")]


def test_temporal_intervals_days_give_first_and_last_day() -> None:
    found = _only("The summit runs 27-28 February in Brussels.")
    assert found.days() == (dt.date(2023, 2, 27), dt.date(2023, 2, 28))
    assert _only("The exhibition runs through Friday.").days() == (None, dt.date(2023, 2, 24))
    assert value_to_range(found.value) == (dt.date(2023, 2, 27), dt.date(2023, 2, 28))
    assert value_to_range("1994/1997") == (dt.date(1994, 1, 1), dt.date(1997, 12, 31))
    assert value_to_range("../2023-02-24") is None


def test_temporal_intervals_last_end_follows_first() -> None:
    tue = dt.date(2023, 2, 21)
    assert _only("The talks are held from Monday to Wednesday.", tue).value == \
        "2023-02-20/2023-02-22"
    assert _only("The festival is from Dec. 28 to Jan. 3.", dt.date(2022, 12, 1)).value == \
        "2022-12-28/2023-01-03"


@pytest.mark.parametrize(
    "text",
    [
        "Shares rose April 24 and 25 people were hired.",  # a count, not a day
        "After a revision Friday to December's figures, jobs grew.",  # no range of one kind
        "Profit rose 5% from last year.",  # "from" alone opens no range
        "The team won 3-1 May 2 in Rome.",  # a score: the first day must come first
    ],
)
def test_temporal_intervals_no_range(text: str) -> None:
    assert tag_ranges(text, MON) == []


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # Each form again in a report written after the range, or without its year.
        ("The summit ran 27-28 February in Brussels.", dt.date(2023, 3, 10),
         "2023-02-27/2023-02-28"),
        ("Talks were held from Monday to Wednesday.", dt.date(2023, 2, 23),
         "2023-02-20/2023-02-22"),
        ("The fair is held between 4 and 17 December.", dt.date(2023, 11, 1),
         "2023-12-04/2023-12-17"),
        ("The exhibition runs through Friday.", dt.date(2023, 2, 24), "../2023-02-24"),
    ],
)
def test_temporal_intervals_range_forms_at_other_anchors(text: str, anchor: dt.date,
                                                         value: str) -> None:
    assert _only(text, anchor).value == value
