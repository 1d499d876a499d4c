"""The event frame: status, format, place and date read off the event's own predicate."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from briefing.extract.dating import by_span, frame_values
from briefing.extract.frame import read_frame
from briefing.extract.places import place_kind
from briefing.fuse import build_event
from briefing.temporal import tag_dates
from briefing.types import ArticleFacts
from tests.conftest import article

pytestmark = pytest.mark.model
FRIDAY = dt.date(2024, 3, 8)


def frame_of(nlp, text: str, published: dt.date = FRIDAY):
    doc = nlp(text)
    return read_frame(doc, tag_dates(text, published, doc=doc))


def dated_frame_of(nlp, text: str, published: dt.date = FRIDAY):
    """Return the frame and the day hung on its predicates, read against `published`."""
    doc = nlp(text)
    timexes = tag_dates(text, published, doc=doc)
    frame = read_frame(doc, timexes)
    return frame, frame_values(frame.slots, by_span(timexes), published)[0]


def test_extract_frame_future_predicate_is_scheduled(model_nlp):
    found, date = dated_frame_of(
        model_nlp, "President Smith will meet Prime Minister Jones in Geneva on Monday.")
    assert found.status == "scheduled"
    assert found.place == "Geneva"
    assert date == "2024-03-11"


def test_extract_frame_past_predicate_is_held(model_nlp):
    found, date = dated_frame_of(
        model_nlp, "President Smith met Prime Minister Jones in Geneva on Thursday.")
    assert found.status == "held"
    assert date == "2024-03-07"


def test_extract_frame_called_off_meeting_is_cancelled_and_keeps_its_planned_date(model_nlp):
    found, date = dated_frame_of(model_nlp, "President Smith on Thursday canceled a meeting "
                                 "with Prime Minister Jones that had been set for next Tuesday.")
    assert found.status == "cancelled"
    assert date == "2024-03-12"  # the meeting's day, not the day it was called off


def test_extract_frame_threatened_cancellation_is_no_cancellation(model_nlp):
    found = frame_of(model_nlp, "President Smith threatened to cancel his meeting with Prime "
                                "Minister Jones next week.")
    assert found.status != "cancelled"


def test_extract_frame_phone_call_is_virtual_and_has_no_place(model_nlp):
    found = frame_of(model_nlp, "President Smith spoke with King Omar by phone on Thursday, "
                                "after he had flown back from Istanbul.")
    assert found.format == "virtual"
    assert found.place is None  # Istanbul is where he flew from, not where the call was


def test_extract_frame_place_said_in_passing_is_no_venue(model_nlp):
    found = frame_of(model_nlp, "The two leaders met at the White House on Thursday to discuss "
                                "the war in Syria.")
    assert found.venue == "the White House"
    assert found.place is None


def test_extract_frame_weekday_of_a_future_meeting_is_the_coming_one(model_nlp):
    # "Thursday" in a preview written on a Sunday is the coming Thursday
    found, date = dated_frame_of(model_nlp, "Gulf leaders will attend Thursday's summit at "
                                 "Camp David.", dt.date(2024, 3, 10))
    assert found.status == "scheduled"
    assert date == "2024-03-14"


def test_extract_frame_places_kind_of_names():
    assert place_kind("Canada") == "country"
    assert place_kind("the Middle East") == "country"
    assert place_kind("Quebec") == "region"
    assert place_kind("Charlevoix") == "city"
    assert place_kind("Wales") == "region"  # pycountry: "Wales [Cymru GB-CYM]"
    assert place_kind("Newport") == "city"  # "Newport [Casnewydd GB-CNW]", a unitary authority
    assert place_kind("Singapore") == "city"  # a country that is one city is a town too
    assert place_kind("Monaco") == "city"
    assert place_kind("Kuwait") == "country"  # its capital is Kuwait City


def facts(id: str, published: dt.date, **kw) -> ArticleFacts:
    return ArticleFacts(article=article(id, "text", published), **kw)


def test_extract_frame_later_cancellation_wins_and_town_outranks_country():
    group = [facts("a", dt.date(2024, 3, 1), event_status="scheduled", event_place="Canada",
                   frame_date="2024-03-12"),
             facts("b", dt.date(2024, 3, 5), event_status="cancelled", event_place="Ottawa",
                   frame_date="2024-03-12")]
    event = build_event(group)
    assert event.status == "cancelled"
    assert event.location == "Ottawa"
    assert not [d for d in event.discrepancies if d.about == "location"]


def test_extract_frame_town_of_an_event_no_report_calls_a_meeting_comes_with_the_named_country():
    day = dt.date(2016, 11, 8)
    group = [facts("a", day, event_place="London", places=("Britain", "UK")),
             facts("b", day, places=("UK", "US")), facts("c", day, places=("UK",))]
    assert build_event(group).location == "London, UK"
    met = [replace(f, event_status="held") for f in group]  # a meeting's town stands alone
    assert build_event(met).location == "London"


def test_extract_frame_country_of_an_event_no_report_calls_a_meeting_takes_the_named_town():
    day = dt.date(2016, 11, 8)
    group = [facts("a", day, event_place="China", places=("China", "Baoding", "Hebei")),
             facts("b", day, places=("Baoding", "Shanghai")), facts("c", day, places=("Baoding",))]
    assert build_event(group).location == "Baoding, China"
    unplaced = [replace(f, event_place=None) for f in group]
    assert build_event(unplaced).location == "Baoding"


def test_extract_frame_a_town_never_takes_a_country_it_does_not_lie_in():
    day = dt.date(2016, 11, 8)
    group = [facts("a", day, event_place="New York", places=("Indonesia",)),
             facts("b", day, places=("Indonesia", "Jakarta")), facts("c", day, places=("Indonesia",))]
    assert build_event(group).location == "New York"  # not "New York, Indonesia"
    placed = [facts("a", day, event_place="Cuba", places=("Cuba", "Cleveland")),
              facts("b", day, places=("Cleveland",)), facts("c", day, places=("Cleveland",))]
    assert build_event(placed).location == "Cuba"  # not "Cleveland, Cuba"


def test_extract_frame_scheduled_event_is_held_once_a_later_report_is_past_its_day():
    group = [facts("a", dt.date(2024, 3, 1), event_status="scheduled",
                   frame_date="2024-03-02"),
             facts("b", dt.date(2024, 3, 4))]
    assert build_event(group).status == "held"


def test_extract_frame_call_has_virtual_format_and_no_location():
    group = [facts("a", dt.date(2024, 3, 1), frame_format="virtual", event_place="Istanbul",
                   event_status="held")]
    event = build_event(group)
    assert event.format == "virtual"
    assert event.location is None


def test_extract_frame_a_guest_calling_off_his_attendance_does_not_cancel_the_summit(model_nlp):
    found = frame_of(model_nlp, "King Karl on Sunday canceled plans to attend this week's "
                                "summit with President Smith.")
    assert found.status != "cancelled"


def test_extract_frame_event_place_inside_a_quotation_is_no_venue(model_nlp):
    from briefing.extract.event import main_place

    doc = model_nlp('"There will be no parties at the Grand Hotel for them," the senator wrote '
                    "of the visit.")
    assert main_place(list(doc.sents)) is None
    doc = model_nlp("The senators met at the Grand Hotel during the visit.")
    assert main_place(list(doc.sents)) == "the Grand Hotel"


def test_extract_frame_place_outside_a_venue_is_not_the_venue(model_nlp):
    found = frame_of(model_nlp, "President Smith and President Wu are meeting at an estate "
                                "outside Los Angeles.")
    assert found.place is None  # "outside Los Angeles" says where the estate is not


def test_extract_frame_clause_on_the_partner_places_the_meeting(model_nlp):
    found = frame_of(model_nlp, "Moon briefed reporters on his Saturday meeting with Kim, which "
                                "took place on the northern side of the village of Kaesong.")
    assert found.place == "Kaesong"


def test_extract_frame_earlier_meeting_of_a_series_is_no_venue(model_nlp):
    found = frame_of(model_nlp, "Smith recalled that at the start of last year's G20 talks in "
                                "Hangzhou he was denied a staircase.")
    assert found.place is None


def test_extract_frame_welcome_to_a_city_places_a_state_visit(model_nlp):
    found = frame_of(model_nlp, "The official welcome to Beijing of President Smith was lavish.")
    assert found.place == "Beijing"


def test_extract_frame_event_story_naming_no_meeting_has_no_format(model_nlp):
    from briefing.extract.event import event_cues

    text = ("The chocolate maker posted a video online showing the new bar in stores in "
            "London. Fans watched the video online and complained.")
    doc = model_nlp(text)
    cues = event_cues(doc, tag_dates(text, FRIDAY, doc=doc))
    assert cues.frame_format is None  # "video", "online" say nothing of a meeting's format


def test_extract_frame_call_kind_alone_is_no_virtual_format():
    group = [facts("a", FRIDAY, event_kind="call", event_place="Sao Paulo"),
             facts("b", FRIDAY, event_kind="call")]
    event = build_event(group)
    assert event.format == "in-person" and event.location == "Sao Paulo"


def test_extract_frame_unplaced_meeting_takes_no_place_from_the_leads():
    group = [facts("a", FRIDAY, event_status="cancelled", lead_place="Philadelphia"),
             facts("b", FRIDAY, event_status="cancelled")]
    assert build_event(group).location is None  # where the cancellation was spoken of
    crash = [facts("a", FRIDAY, lead_place="Croydon"), facts("b", FRIDAY)]
    assert build_event(crash).location == "Croydon"


def test_extract_frame_kind_is_the_lead_predicates_not_a_later_mention(model_nlp):
    """A launch whose report mentions talks in passing is no occasion; a lead's own call is."""
    launch = frame_of(model_nlp, "North Korea fired two missiles into the sea on Friday. "
                      "Officials said the launch was the third this month. It flew 400 km. "
                      "Analysts expect more tests. The talks between the two sides stalled.")
    assert launch.kind is None
    call = frame_of(model_nlp, "President Smith spoke with King Omar by phone on Thursday.")
    assert call.kind == "call"
    summit = frame_of(model_nlp, "Leaders of ten nations opened a summit in Lima on Friday.")
    assert summit.kind == "summit"


def test_extract_frame_call_named_by_its_date_reported_weeks_later(model_nlp):
    # The record of a call released weeks later: the call's own date dates it.
    found, date = dated_frame_of(model_nlp, "Transcripts released on Thursday show that "
                                 "President Smith told Prime Minister Jones in their Jan. 28 "
                                 "call that the deal was the worst ever.", dt.date(2017, 2, 23))
    assert (found.kind, found.format, date) == ("call", "virtual", "2017-01-28")
    # A call for something is no conversation.
    for text in ("The party renewed its Jan. 28 call for elections.",
                 "The party renewed its Jan. 28 call to hold elections."):
        assert frame_of(model_nlp, text, dt.date(2017, 2, 23)).kind is None


def test_extract_frame_setting_is_named_apart_from_the_event(model_nlp):
    found = frame_of(model_nlp, "President Smith met Prime Minister Jones on Tuesday on the "
                                "sidelines of the NATO meetings in London.")
    assert found.name is None
    assert found.setting == "NATO meeting"  # one event, in the singular
    own = frame_of(model_nlp, "The NATO summit opened in London on Tuesday.")
    assert (own.name, own.setting) == ("NATO summit", None)


def test_extract_frame_landmark_event_gives_no_place(model_nlp):
    found = frame_of(model_nlp, "Smith met Jones on Monday. Smith praised Jones at a news "
                                "conference after their July summit in Helsinki.")
    assert found.place is None
    placed = frame_of(model_nlp, "Smith met Jones in Geneva on Monday, after their July summit "
                                 "in Helsinki.")
    assert placed.place == "Geneva"


def test_extract_frame_event_added_with_also_or_told_ahead_gives_no_place(model_nlp):
    found = frame_of(model_nlp, "Smith held talks with Jones on Monday. He confirmed that a new "
                                "drive would come at a Lisbon conference in March. Smith also "
                                "made a trip to Oslo this week.")
    assert found.status == "held"
    assert found.place is None  # the conference is to come, and the trip is another event
    placed = frame_of(model_nlp, "Smith and Jones held talks in Geneva on Monday. Smith also "
                                 "made a trip to Oslo this week.")
    assert placed.place == "Geneva"


def test_extract_frame_talks_at_a_conference_are_not_a_conference_call(model_nlp):
    found = frame_of(model_nlp, "Five unions will hold private talks with Smith at the party's "
                                "spring conference in Leeds this weekend.")
    assert found.format != "virtual"
    assert found.place == "Leeds"
    call = frame_of(model_nlp, "Smith held talks with Jones by conference call on Monday.")
    assert call.format == "virtual"


def test_extract_frame_event_after_before_with_a_gerund_is_a_landmark(model_nlp):
    found = frame_of(model_nlp, "Islam is a religion of peace, President Karim has said during a "
                                "visit to Britain. He was speaking a few hours before visiting "
                                "the community in Manchester.")
    assert found.place != "Manchester"


def test_extract_frame_talks_before_a_calling_off_are_when_not_what(model_nlp):
    found = frame_of(model_nlp, "After talks with the minister, the hospital trust called off "
                                "its plan to shut the ward.")
    assert found.status != "cancelled"  # the plan was called off, not the talks


def test_extract_frame_being_in_talks_is_under_way(model_nlp):
    assert frame_of(model_nlp, "Acme Motors is in talks with Zenith Cars about a possible "
                               "alliance.").status == "under way"
    assert frame_of(model_nlp, "The unions were in talks with the government on "
                               "Monday.").status == "held"


def test_extract_frame_a_city_state_most_reports_give_outvotes_a_town_one_gives():
    day = dt.date(2018, 6, 12)
    group = [facts(i, day, event_status="held", event_place="Singapore") for i in "abc"]
    group.append(facts("d", day, event_status="held", event_place="Charlevoix"))
    assert build_event(group).location == "Singapore"
