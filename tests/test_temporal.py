"""The temporal tagger on short hand-written sentences with hand-picked anchors."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.temporal import explain, infer_year, tag_dates, value_to_range

WED = dt.date(2023, 1, 11)  # a Wednesday
MON = dt.date(2021, 6, 14)  # a Monday


def values(text: str, anchor: dt.date | None = WED) -> dict[str, str]:
    return {t.text: t.value for t in tag_dates(text, anchor)}


def one(text: str, anchor: dt.date | None = WED) -> tuple[str, str, str]:
    found = tag_dates(text, anchor)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The treaty was signed on March 3, 2019 in Oslo.", "2019-03-03"),
        ("The treaty was signed on 3 March 2019 in Oslo.", "2019-03-03"),
        ("The report is dated 2019-03-03.", "2019-03-03"),
        ("The report is dated 3/14/2019.", "2019-03-14"),
        ("Elections were held in November 2020.", "2020-11"),
        ("Talks collapsed in 2015.", "2015"),
        ("Talks collapsed in fiscal 2015.", "2015"),
        ("It was built in nineteen eighty-four.", "1984"),
        ("Prices soared in the 1970s.", "197"),
        ("Prices soared in the '70s.", "197"),
        ("Trade grew in the 19th century.", "18"),
    ],
)
def test_temporal_absolute_dates(text: str, value: str) -> None:
    assert one(text)[2] == value


def test_temporal_extent_and_offsets() -> None:
    text = "Ministers met on March 3, 2019 in Oslo."
    (found,) = tag_dates(text, WED)
    assert text[found.start : found.end] == found.text == "March 3, 2019"
    assert found.type == "DATE" and found.reason


def test_temporal_month_day_without_year_takes_nearest_year() -> None:
    assert values("The documents were approved on December 16.")["December 16"] == "2022-12-16"
    assert values("On January 1, the ministry published a note.")["January 1"] == "2023-01-01"


def test_temporal_bare_month_and_modifier_keep_granularity() -> None:
    assert values("The strategy was released in mid-December.")["mid-December"] == "2022-12"
    assert values("Growth slowed in early March.", MON)["early March"] == "2021-03"


def test_temporal_modal_verb_may_is_no_month() -> None:
    assert values("Officials may decide later.") == {}
    assert values("The vote is due in May.")["May"] == "2023-05"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministers arrived yesterday.", "2023-01-10"),
        ("The ministers arrive today.", "2023-01-11"),
        ("The ministers leave tomorrow.", "2023-01-12"),
        ("A spokesman said last week that talks were useful.", "2023-W01"),
        ("Earlier this week the envoy spoke.", "2023-W02"),
        ("Output fell last month.", "2022-12"),
        ("Output fell last year.", "2022"),
        ("Output will rise next year.", "2024"),
        ("Output rose this year.", "2023"),
    ],
)
def test_temporal_deictic_and_relative_units(text: str, value: str) -> None:
    assert one(text)[2] == value


def test_temporal_weekday_future_with_will_includes_anchor_day() -> None:
    found = values("The ministers will meet on Wednesday and Thursday in Washington.")
    assert found == {"Wednesday": "2023-01-11", "Thursday": "2023-01-12"}


def test_temporal_weekday_past_tense_goes_back() -> None:
    assert values("The army launched a missile on Monday.", WED)["Monday"] == "2023-01-09"
    # six days back past the lead (a lead's is the day after the story's date: see below)
    assert values("Tensions rose in the region. The army launched a missile on Thursday.",
                  WED)["Thursday"] == "2023-01-05"


def test_temporal_weekday_said_means_latest_on_or_before_anchor() -> None:
    assert values("The minister said on Wednesday that talks went well.")["Wednesday"] == (
        "2023-01-11"
    )
    assert values("The minister said Friday that talks went well.")["Friday"] == "2023-01-06"


def test_temporal_weekday_set_to_points_ahead() -> None:
    text = "On Friday, the two leaders are set to hold a summit."
    assert values(text)["Friday"] == "2023-01-13"


def test_temporal_weekday_with_qualifier() -> None:
    assert values("He resigned last Wednesday.")["last Wednesday"] == "2023-01-04"
    assert values("He resigns next Wednesday.")["next Wednesday"] == "2023-01-18"


def test_temporal_possessive_weekday_is_past() -> None:
    text = "Lawyers will appeal against Monday's ruling."
    assert values(text)["Monday"] == "2023-01-09"


def test_temporal_possessive_weekday_the_clause_happens_at_follows_its_tense() -> None:
    # The clause happens at the event named: its tense chooses the day, not the possessive.
    assert values("The leaders will speak at Thursday's summit.")["Thursday"] == "2023-01-12"
    assert values("The leaders spoke at Thursday's summit.")["Thursday"] == "2023-01-05"
    # The clause comes ahead of it: it lies ahead.
    assert values("Talks resumed ahead of Friday's vote.")["Friday"] == "2023-01-13"


def test_temporal_weekday_nearest_either_way() -> None:
    from briefing.temporal.calendar import NEAREST, weekday_date

    sunday = dt.date(2015, 5, 10)
    assert weekday_date(sunday, 3, NEAREST) == dt.date(2015, 5, 7)  # three days back
    assert weekday_date(sunday, 1, NEAREST) == dt.date(2015, 5, 12)  # two days ahead
    assert weekday_date(sunday, 6, NEAREST) == sunday


def test_temporal_clock_time_keeps_zone_in_reason() -> None:
    (found,) = tag_dates("A press conference follows at 5:00 p.m. EST.", WED)
    assert (found.type, found.value) == ("TIME", "2023-01-11T17:00")
    assert "EST" in found.reason and found.text == "5:00 p.m. EST"


def test_temporal_clock_joined_to_following_day() -> None:
    text = "Bids are due by 5 p.m. EST, March 6, the agency said."
    assert values(text, MON) == {"5 p.m. EST, March 6": "2021-03-06T17:00"}


def test_temporal_parts_of_day() -> None:
    assert one("The vote took place this morning.")[1:] == ("TIME", "2023-01-11TMO")
    assert one("Sirens sounded last night.")[2] == "2023-01-10TNI"
    assert one("Fighting resumed Tuesday evening.")[2] == "2023-01-10TEV"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Profit fell in the third quarter.", "2022-Q3"),
        ("Sales rose in the first quarter.", "2023-Q1"),
        ("Profit in the year-earlier quarter was lower.", "2021-Q4"),
        ("Net income for the first half of 2021 rose.", "2021-H1"),
        ("Net income for the last half of 2021 rose.", "2021-H2"),
        ("Sales will grow in the first two quarters of 2024.", "2024-H1"),
    ],
)
def test_temporal_quarters(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize(("named", "value"), [("2022", "2021"), ("2021", "2021")])
def test_temporal_year_ago_is_the_year_before_the_report(named: str, value: str) -> None:
    # Written on 2 November 2022: "year-ago" is 2021 whether the year last named is the
    # report's own or already the one compared with.
    text = f"Net income was $5 million in {named}. The year-ago results included a charge."
    assert values(text, dt.date(2022, 11, 2))["year-ago"] == value


def test_temporal_last_half_of_no_year_is_no_half() -> None:
    # "the last half" only with a year after it: of a decade it is the decade's
    assert values("Growth slowed in the last half of the '80s.", WED) == {"the '80s": "198"}


def test_temporal_quarter_anaphora_refers_to_quarter_named_before() -> None:
    text = "Profit rose in the third quarter. The quarter was strong. A year earlier it fell."
    assert list(values(text, dt.date(2022, 11, 2)).values()) == ["2022-Q3", "2022-Q3", "2021-Q3"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The drought lasted three years.", "P3Y"),
        ("Over the past two months prices fell.", "P2M"),
        ("A 16-hour flight.", "PT16H"),
        ("The siege lasted 2 1/2 years.", "P2Y6M"),
        ("The talks lasted several days.", "PXD"),
        ("Repairs took twenty-four hours.", "PT24H"),
        ("The strike lasted one day.", "P1D"),
        ("The faith has lasted more than two thousand years.", "P2L"),
        ("The vault held five hundred days of food.", "P500D"),
    ],
)
def test_temporal_durations(text: str, value: str) -> None:
    assert one(text)[1:] == ("DURATION", value)


def test_temporal_ages_are_no_durations() -> None:
    assert values("A 6-year-old boy was rescued.") == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The paper is published daily.", "P1D"),
        ("The council meets every week.", "P1W"),
        ("Rent is paid each month.", "P1M"),
        ("The market opens every Thursday.", "XXXX-WXX-4"),
        ("Flights leave Bombay on Tuesday nights.", "XXXX-WXX-2TNI"),
        ("The club meets on Sunday mornings.", "XXXX-WXX-7TMO"),
    ],
)
def test_temporal_sets(text: str, value: str) -> None:
    assert one(text)[1:] == ("SET", value)


def test_temporal_weekdays_share_a_plural_part_of_day() -> None:
    found = values("Flights leave on Monday and Tuesday nights.")
    assert found == {"Monday": "XXXX-WXX-1TNI", "Tuesday nights": "XXXX-WXX-2TNI"}
    # one night of each: no set (Wednesday 11 January 2023: the coming Monday and Tuesday)
    assert values("Flights will leave on Monday and Tuesday night.")["Monday"] == "2023-01-16"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices are now stable.", "PRESENT_REF"),
        ("Prices are currently stable.", "PRESENT_REF"),
        ("Prices recently fell.", "PAST_REF"),
        ("Prices fell in the past.", "PAST_REF"),
        ("Shares were bought at the then current price.", "PAST_REF"),
        ("The city was founded three thousand years ago.", "PAST_REF"),  # before the year 1
        ("Prices may fall in the future.", "FUTURE_REF"),
        ("Islam will one day be the second largest religion there.", "FUTURE_REF"),
    ],
)
def test_temporal_references(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The war ended two years ago.", "2021"),
        ("The war ended five months ago.", "2022-08"),
        ("The war ended ten days ago.", "2023-01-01"),
        ("The talks began several years ago.", "PAST_REF"),
    ],
)
def test_temporal_ago_counts_back_from_anchor(text: str, value: str) -> None:
    assert one(text)[2] == value


def test_temporal_anaphora_counts_from_date_named_before() -> None:
    text = "The accord was signed on May 4, 2010. Fighting resumed the next day."
    assert values(text)["the next day"] == "2010-05-05"


def test_temporal_seasons_holidays_weekends() -> None:
    assert values("Talks resume this summer.")["this summer"] == "2023-SU"
    assert values("Talks broke down last fall.")["last fall"] == "2022-FA"
    assert values("Shops closed on Christmas Day.")["Christmas Day"] == "2022-12-25"
    # Written on Monday 17 April 2000, the day after Palm Sunday: Easter (23 April) is in W16
    assert values("Pilgrims arrived as Easter week began.", dt.date(2000, 4, 17))[
        "Easter week"] == "2000-W16"
    assert values("Riots broke out over the weekend.")["the weekend"] == "2023-W01-WE"


@pytest.mark.parametrize(("year", "day"), [(2016, "2016-11-08"), (2020, "2020-11-03"),
                                           (2022, "2022-11-08"), (2024, "2024-11-05")])
def test_temporal_us_election_day_is_the_tuesday_after_the_first_monday(year, day) -> None:
    assert values("Polls opened on Election Day.", dt.date(year, 12, 1))["Election Day"] == day


def test_temporal_no_anchor_leaves_values_unresolved() -> None:
    found = values("On 7 January the talks began on Friday; in 2020 they had failed.", None)
    assert found == {"7 January": "XXXX-01-07", "Friday": "XXXX-WXX-5", "2020": "2020"}
    assert values("They met yesterday.", None)["yesterday"] == "XXXX-XX-XX"


def test_temporal_weekday_fixes_year_of_dateline() -> None:
    text = "Friday, 7 January: talks began."
    assert values(text, dt.date(2022, 3, 1))["Friday, 7 January"] == "2022-01-07"


def test_temporal_infer_year_uses_weekday_nearest_evidence() -> None:
    assert infer_year(1, 7, weekday=4, near=dt.date(2022, 3, 1)) == 2022
    assert infer_year(1, 7, weekday=5, near=dt.date(2022, 3, 1)) == 2023
    assert infer_year(1, 7, weekday=None, near=dt.date(2022, 12, 20)) == 2023
    assert infer_year(1, 7, weekday=4, near=None) is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2013-03-22", "2013-03-22", "2013-03-22"),
        ("2013-03-22T17:00", "2013-03-22", "2013-03-22"),
        ("2013-W11", "2013-03-11", "2013-03-17"),
        ("2013-W11-WE", "2013-03-16", "2013-03-17"),
        ("2013-02", "2013-02-01", "2013-02-28"),
        ("2013-Q4", "2013-10-01", "2013-12-31"),
        ("2013-H1", "2013-01-01", "2013-06-30"),
        ("2012-SU", "2012-06-01", "2012-08-31"),
        ("2012-WI", "2012-12-01", "2013-02-28"),
        ("2013", "2013-01-01", "2013-12-31"),
        ("199", "1990-01-01", "1999-12-31"),
        ("19", "1900-01-01", "1999-12-31"),
    ],
)
def test_temporal_value_to_range(value: str, first: str, last: str) -> None:
    assert value_to_range(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["P3Y", "PRESENT_REF", "XXXX-01-07", "2013-02-30", ""])
def test_temporal_value_to_range_none_for_non_dates(value: str) -> None:
    assert value_to_range(value) is None


def test_temporal_explain_gives_reasons() -> None:
    (row,) = explain("They met yesterday.", WED)
    assert row["value"] == "2023-01-10" and "yesterday" in row["reason"]
    assert set(row) == {"start", "end", "text", "type", "value", "reason"}


def test_temporal_without_doc_does_not_load_spacy() -> None:
    import sys

    before = "spacy" in sys.modules
    tag_dates("They will meet on Friday.", WED)
    assert ("spacy" in sys.modules) == before


def test_temporal_fractional_durations_of_any_unit_do_not_fail():
    from briefing.temporal.spans import period

    assert period(1.5, "second") == "PT1.5S"
    assert period(2.5, "year") == "P2Y6M"
    assert period(0.25, "year") == "P0.25Y"


def test_temporal_clock_with_aside_takes_the_day_after_it() -> None:
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday."
    found = values(text, dt.date(1998, 8, 8))
    assert found["about 10:35 a.m."] == "1998-08-07T10:35"
    assert found["Friday"] == "1998-08-07"


def test_temporal_clock_without_day_takes_the_day_last_named() -> None:
    text = "He was shot on Oct. 23, 1998. He died at 10 p.m. in his kitchen."
    assert values(text, dt.date(1999, 4, 19))["10 p.m."] == "1998-10-23T22:00"
    assert values("He arrives at 10 p.m.", dt.date(1999, 4, 19))["10 p.m."] == "1999-04-19T22:00"


def test_temporal_units_later_are_lengths() -> None:
    found = tag_dates("Three days later, the market fell.", dt.date(1989, 10, 30))
    assert [(t.text, t.type, t.value) for t in found] == [("Three days", "DURATION", "P3D")]


def test_temporal_clock_zone_kept_and_read_as_utc() -> None:
    from briefing.temporal import to_utc, utc_offset

    (found,) = tag_dates("Polls close at 10 p.m. EST on Friday.", WED)
    assert (found.value, found.zone) == ("2023-01-06T22:00", "EST")
    assert to_utc(found) == dt.datetime(2023, 1, 7, 3, 0, tzinfo=dt.UTC)
    (plain,) = tag_dates("Polls close at 10 p.m. on Friday.", WED)
    assert plain.zone is None and to_utc(plain) is None
    assert utc_offset("ET") is None  # a region, its offset changes with summer time


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("January nineteen ninety-seven. A bomb went off.", "1997-01"),
        ("It snowed in the winter of nineteen ninety-four.", "1994-WI"),
        ("Talks resume the week of March 6.", "2023-W10"),
        ("The crowd waited a minute and a half.", "PT1M30S"),
    ],
)
def test_temporal_years_in_words_weeks_of_days_and_halves(text: str, value: str) -> None:
    assert [t.value for t in tag_dates(text, WED)] == [value]


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "value"),
    [
        ("The region was ruled from Moscow for centuries.", "centuries", "DURATION", "PXC"),
        ("They left their third day-long meeting.", "day-long", "DURATION", "P1D"),
        ("It is the regime's decades-long feud.", "decades-long", "DURATION", "PXE"),
        ("Troops could stay for some time.", "some time", "DURATION", "PXX"),
        ("The loan may run for an additional year.", "an additional year", "DURATION", "P1Y"),
        ("They will live without it for a while.", "a while", "DURATION", "PXX"),
        ("The deal should close by year-end.", "year-end", "DATE", "2023-12-31"),
        ("Jobs will be cut by year end.", "year end", "DATE", "2023"),
        ("The index has fallen 3% since year-end.", "year-end", "DATE", "2022-12-31"),
    ],
)
def test_temporal_vague_lengths_and_year_end(text: str, phrase: str, kind: str,
                                             value: str) -> None:
    assert one(text, dt.date(2023, 10, 30)) == (phrase, kind, value)


def test_temporal_part_of_day_of_the_day_last_named() -> None:
    text = "Shares fell on Oct. 27. Dealers placed orders in the morning."
    assert values(text, dt.date(2023, 10, 30))["the morning"] == "2023-10-27TMO"
    assert values("Dealers placed orders in the morning.", MON)["the morning"] == \
        "2021-06-14TMO"
    assert values("He landed on June 2 and spoke later in the day.", MON)["the day"] == \
        "2021-06-02"


@pytest.mark.parametrize(
    "text",
    [
        'Baker, speaking on ABC\'s "This Week," said so.',
        'He said so on CBS\'s "60 Minutes."',
        "A poster showed a still from ``High Noon.''",
        "This time the pilot is a woman.",
    ],
)
def test_temporal_titles_and_occasions_are_no_times(text: str) -> None:
    assert tag_dates(text, MON) == []


def test_temporal_effective_date_lies_ahead() -> None:
    # Written in late October: the nearest Feb. 1 lies ahead anyway; after a past verb and
    # "effective", the date the change takes effect still does.
    text = "The bank created a new office, effective Feb. 1."
    assert values(text, dt.date(1989, 10, 26))["Feb. 1"] == "1990-02-01"
    assert values("The pact was signed, effective June 1.", dt.date(1989, 10, 26))["June 1"] \
        == "1990-06-01"


def test_temporal_day_before_a_named_weekday() -> None:
    found = values("The day before last Tuesday's hearing, he left.", dt.date(2000, 2, 24))
    assert found == {"The day before last Tuesday": "2000-02-21"}


def test_temporal_mid_afternoon_with_its_day_after_it() -> None:
    assert one("In London at mid-afternoon yesterday, shares were up.") == (
        "mid-afternoon yesterday", "TIME", "2023-01-10TAF")
    found = values("Troops moved in on March 6. By mid afternoon, sources said so.", WED)
    assert found["mid afternoon"] == "2023-03-06TAF"


def test_temporal_year_earlier_compares_the_period_the_sentence_reports() -> None:
    text = ("Du Pont said third-quarter profit grew 19% from a year ago. For the nine months, "
            "it earned $2 billion, up from $1.69 billion a year earlier. In the latest quarter, "
            "profit in one segment soared to $155 million from $99 million a year earlier.")
    found = [(t.text, t.value) for t in tag_dates(text, dt.date(1989, 10, 26))]
    assert found == [("third-quarter", "1989-Q3"), ("a year ago", "1988-Q3"),
                     ("the nine months", "P9M"), ("a year earlier", "1988"),  # the year's
                     ("the latest quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_temporal_next_part_of_day_follows_the_day_last_named() -> None:
    text = "He was arrested on Feb. 22 and appeared in court the next morning."
    assert values(text, dt.date(2000, 2, 24)) == {"Feb. 22": "2000-02-22",
                                                  "the next morning": "2000-02-23"}


def test_temporal_ordinal_day_is_the_day_the_text_is_at() -> None:
    assert one("It is the second day of an offensive against the villages.", MON) == (
        "the second day", "DATE", "2021-06-14")
    text = "Troops landed on June 2. That was the fourth day of the operation."
    assert values(text, MON)["the fourth day"] == "2021-06-02"
    text = "Troops landed on June 2. He will speak on his first day in office."
    assert values(text, MON)["first day"] == "XXXX-XX-XX"  # a stretch not dated


def test_temporal_a_leads_weekday_six_days_back_is_the_day_after_the_story_date() -> None:
    thursday = dt.date(1998, 8, 20)
    text = ("WELLINGTON (AP) _ New Zealand said Friday the U.S. had the right to act. "
            "Officials met Friday. Ministers spoke last Friday.")
    values = [t.value for t in tag_dates(text, thursday) if "Friday" in t.text]
    # the lead tells the news of the day: a day past the story's date (the news is a day
    # ahead of the publisher); later, a bare weekday in the past tense is last week's
    assert values == ["1998-08-21", "1998-08-14", "1998-08-14"]
    # "U.S." ends no sentence: the lead runs on
    lead = "U.S. Secretary of State Ann Lee headed Tuesday to East Africa."
    assert [t.value for t in tag_dates(lead, dt.date(1998, 8, 17))] == ["1998-08-18"]
    # a weekday five days back or less stays where the tense puts it
    assert [t.value for t in tag_dates("Lee spoke Monday in Rome.", thursday)] == ["1998-08-17"]
