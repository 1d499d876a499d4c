"""The event date one article gives, on short hand-written articles."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract import event
from briefing.temporal import tag_dates

pytestmark = pytest.mark.model

FRIDAY = dt.date(2023, 3, 10)


def event_date_of(nlp, text: str, anchor: dt.date = FRIDAY) -> str | None:
    doc = nlp(text)
    return event.main_date(doc, tag_dates(text, anchor, doc=doc))[0]


def test_extract_event_a_statement_in_the_lead_is_dated_by_its_speech_verb(model_nlp):
    # the news is what she said: the day she said it is the event's day
    text = ("Mayor Ana Ruiz said on Wednesday that the flood barrier had failed. "
            "Residents were angry. Repairs will take months.")
    assert event_date_of(model_nlp, text) == "2023-03-08"


def test_extract_event_an_event_in_the_lead_beats_the_day_it_was_announced(model_nlp):
    text = ("The envoys will meet in Oslo on Tuesday, officials said on Thursday. "
            "The talks were announced on Wednesday.")
    assert event_date_of(model_nlp, text) == "2023-03-14"


def roles(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {t.text: event.date_role(doc, t) for t in tag_dates(text, FRIDAY, doc=doc)}


def test_extract_event_a_date_on_a_noun_dates_that_noun_not_the_speech(model_nlp):
    text = ("The rebels said the bombing late Thursday, which tore a crater in the road, "
            "was a revenge attack.")
    assert roles(model_nlp, text) == {"late Thursday": "event"}
    assert roles(model_nlp, "Officials said on Friday that the talks would resume.") == {
        "Friday": "speech"}


def test_extract_event_a_call_with_a_date_is_an_event_inside_a_statement(model_nlp):
    text = ("The senator has blamed the storm for her defeat. During a call with donors on "
            "Thursday, she said the flooding on Monday had kept voters at home.")
    assert event_date_of(model_nlp, text) == "2023-03-09"


def test_extract_event_a_relative_clause_date_is_background(model_nlp):
    text = ("Mr Ortiz, who won the vote on Tuesday, met the outgoing mayor at city hall "
            "on Thursday.")
    assert event_date_of(model_nlp, text) == "2023-03-09"


def test_extract_event_a_sentence_retelling_the_headline_dates_the_news(model_nlp):
    # the lead is undated; a later sentence repeating the headline's words dates the event,
    # not the better-scored background sentence
    text = ("Fans were stunned by the news. The band had played together for 30 years. "
            "Critics praised their last album. On Monday, the singer began a solo tour "
            "after a visit to the studio. "
            "The Harbour Lights band split up on Wednesday, the drummer told a radio station.")
    doc = model_nlp(text)
    timexes = tag_dates(text, FRIDAY, doc=doc)
    assert event.main_date(doc, timexes)[0] == "2023-03-06"
    assert event.main_date(doc, timexes, headline="Harbour Lights band splits up")[0] == "2023-03-08"


def test_extract_event_a_place_not_hung_on_the_predicate_makes_no_format(model_nlp):
    text = ("The president noted he had just spoken with the king, who denied that his "
            "government was involved. The journalist, who lived in Virginia, visited the "
            "consulate on Oct. 2 for the meeting.")
    doc = model_nlp(text)
    cues = event.event_cues(doc, tag_dates(text, FRIDAY, doc=doc))
    assert cues.frame_format is None  # in person or by phone: the text does not say
    placed = "The president met the king in Riyadh on Monday. The king denied any role."
    doc = model_nlp(placed)
    assert event.event_cues(doc, tag_dates(placed, FRIDAY, doc=doc)).frame_format == "in-person"


def test_extract_event_a_landmark_event_gives_no_place(model_nlp):
    doc = model_nlp("Smith praised Jones at a news conference after their July summit in "
                    "Helsinki.")
    assert event.main_place(list(doc.sents)) is None
    doc = model_nlp("Smith and Jones held a summit in Helsinki in July.")
    assert event.main_place(list(doc.sents)) == "Helsinki"


def test_extract_event_a_place_modifying_the_object_of_in_is_no_place(model_nlp):
    doc = model_nlp("Shares in UK banking group Barclays have risen on Monday.")
    assert event.main_place(list(doc.sents)) is None  # whose group, not where
    # A name the model tags only in part is still the preposition's object.
    doc = model_nlp("A gunman attacked the consulate in Mazar-i-Sharif on Thursday.")
    assert event.main_place(list(doc.sents)) not in (None, "")


def test_extract_event_the_nth_day_of_a_summit_dates_its_opening(model_nlp):
    # the caption dates the summit's second day: it opened the day before
    text = ("Leaders spoke on the second day of the G7 meeting in Quebec, Canada, June 9, 2018. "
            "Trudeau, the host of the two-day summit, told reporters he was pleased.")
    doc = model_nlp(text)
    spans = event.day_slots(doc, tag_dates(text, FRIDAY, doc=doc))
    assert [(text[s.start:s.end], s.tag) for s in spans][:1] == [("June 9, 2018", "2")]
    assert event.event_length(doc) == 2


def test_extract_event_another_summit_s_length_is_not_the_event_s(model_nlp):
    # "a two-day summit" is some summit; a day of something that is no event says nothing
    text = ("The ministers, who met at a two-day summit last year, spoke on Monday. "
            "It was the second day of the strike, on March 6.")
    doc = model_nlp(text)
    assert event.event_length(doc) is None
    assert event.day_slots(doc, tag_dates(text, FRIDAY, doc=doc)) == ()


def test_extract_event_an_event_s_name_tagged_a_place_is_no_place(model_nlp):
    # the model tags the summit's name a facility; the summit's own "in" places it
    doc = model_nlp("If the standard for success at the Trump-Kim Summit in Singapore this "
                    "week was solving a problem, it failed.")
    assert event.main_place(list(doc.sents)) == "Singapore"


def test_extract_event_a_summit_dated_by_a_range_spans_it(model_nlp):
    from briefing.extract import article_facts
    from briefing.fuse import build_event
    from tests.conftest import article

    texts = ["Leaders of the G20 will hold their summit in Osaka on 28-29 June. Trade is on "
             "the agenda.", "The G20 summit opens in Osaka on Friday. Trade tops the agenda."]
    group = [article_facts(model_nlp(t), article(str(i), t, dt.date(2019, 6, 24)))
             for i, t in enumerate(texts)]
    event = build_event(group)
    assert (event.start, event.end) == (dt.date(2019, 6, 28), dt.date(2019, 6, 29))
