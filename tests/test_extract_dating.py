"""briefing.extract.dating: an article's dated facts as a pure function of its anchor."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from briefing.extract.dating import (
    by_span,
    main_values,
    opening_day,
    reanchor,
    resolve,
    timeline_values,
)
from briefing.temporal import tag_dates
from briefing.types import Article, ArticleFacts, Dating, Row, Slot, Span, Timex

TEXT = "The ministers met on Friday. They will meet again on Monday."
FRIDAY = (TEXT.index("Friday"), TEXT.index("Friday") + len("Friday"))
MONDAY = (TEXT.index("Monday"), TEXT.index("Monday") + len("Monday"))


def day(value: str, span: tuple[int, int], text: str = "x") -> Timex:
    return Timex(span[0], span[1], text, "DATE", value)


def test_extract_dating_main_values_prefer_an_event_in_the_lead_to_a_statement():
    said, met = Slot(0, 5, "speech"), Slot(10, 15, "event")
    timexes = {(0, 5): day("2023-01-05", (0, 5)), (10, 15): day("2023-01-03", (10, 15))}
    pools = {"lead": ((said, met),), "headline": (), "event": ((said, met),)}
    assert main_values(pools, timexes) == ("2023-01-03", ("2023-01-03",))
    only_said = {"lead": ((said,),), "headline": (), "event": ()}
    assert main_values(only_said, timexes) == ("2023-01-05", ())


def test_extract_dating_main_values_refine_a_week_by_a_day_inside_it():
    week, thursday = Slot(0, 9, "event"), Slot(20, 28, "event")
    timexes = {(0, 9): day("2023-W01", (0, 9)), (20, 28): day("2023-01-05", (20, 28))}
    pools = {"lead": ((week,),), "headline": (), "event": ((week,), (thursday,))}
    assert main_values(pools, timexes)[0] == "2023-01-05"


def test_extract_dating_timeline_gives_a_row_once_per_value():
    row = Row("They met on 3 and 3 January.", Span("a", 0, 28), (Slot(0, 1, at=12),
                                                                 Slot(2, 3, at=18)))
    timexes = {(0, 1): day("2023-01-03", (0, 1)), (2, 3): day("2023-01-03", (2, 3))}
    (entry,) = timeline_values([row], timexes)
    assert (entry.date, entry.at, entry.kind) == ("2023-01-03", 12, "timeline")


def test_extract_dating_a_scheduled_weekday_is_the_coming_one():
    """A bare weekday hung on a scheduled predicate lies ahead of the report's date."""
    friday = Timex(*FRIDAY, "Friday", "DATE", "2023-01-06")
    dating = Dating((), (Slot(*FRIDAY, "scheduled"),), (), (), (), ())
    assert resolve(dating, [friday], dt.date(2023, 1, 9)).frame_date == "2023-01-13"
    assert resolve(dating, [friday], None).frame_date == "2023-01-06"


def test_extract_dating_reanchor_reads_the_tenses_it_was_given_for_any_anchor():
    """The parse's directions (`tenses`) turn "on Friday" back and "on Monday" ahead, whatever
    the candidate date; without them the word heuristic would be asked."""
    tenses = (Slot(*FRIDAY, "past"), Slot(*MONDAY, "future"))
    dating = Dating(tenses, (Slot(*FRIDAY, "held"),), ((Slot(*FRIDAY, "event"),),), (),
                    ((Slot(*FRIDAY, "event"), Slot(*MONDAY, "event")),),
                    (Row(TEXT, Span("a", 0, len(TEXT)), (Slot(*FRIDAY), Slot(*MONDAY))),))
    facts = ArticleFacts(article=Article(id="a", text=TEXT), dating=dating)
    wednesday = reanchor(facts, dt.date(2023, 1, 11))
    assert wednesday.article.published == dt.date(2023, 1, 11)
    assert wednesday.article.published_inferred
    assert [t.value for t in wednesday.timexes] == ["2023-01-06", "2023-01-16"]
    assert (wednesday.event_date, wednesday.frame_date) == ("2023-01-06", "2023-01-06")
    assert [s.date for s in wednesday.timeline] == ["2023-01-06", "2023-01-16"]
    saturday = reanchor(facts, dt.date(2023, 1, 21))
    assert saturday.event_date == "2023-01-20" and saturday.dating == dating


@pytest.mark.model
def test_extract_dating_reanchor_gives_the_facts_a_parse_with_that_date_gives(model_nlp):
    """Re-dating an undated article from its kept dating equals parsing it with the date."""
    from briefing import ingest
    from briefing.extract import article_facts
    from tests.conftest import SEEDS

    undated = [a for a in ingest.read_articles([str(SEEDS)], warn=lambda m: None)
               if a.published is None]
    assert undated
    for article in undated:
        facts = article_facts(model_nlp(article.text), article)
        assert facts.dating is not None
        for when in (dt.date(2022, 1, 8), dt.date(2023, 1, 12)):
            dated = replace(article, published=when, published_inferred=True)
            expected = replace(article_facts(model_nlp(article.text), dated), dating=facts.dating)
            assert reanchor(facts, when) == expected
            assert [t.value for t in expected.timexes] == [
                t.value for t in tag_dates(article.text, when, doc=model_nlp(article.text))]


def test_extract_dating_the_opening_day_is_the_nth_day_less_n_minus_one():
    text = "It was the third day of the summit, on 9 June 2018."
    timexes = tag_dates(text, dt.date(2018, 6, 10))
    t = next(t for t in timexes if t.value == "2018-06-09")
    assert opening_day([Slot(t.start, t.end, "3")], by_span(timexes)) == "2018-06-07"
    assert opening_day([], by_span(timexes)) is None


def test_extract_dating_a_range_on_the_event_s_predicate_gives_its_first_day_and_length():
    text = "The leaders will meet in Osaka on 28-29 June. Earlier, talks ran from 4 to 7 May."
    timexes = tag_dates(text, dt.date(2019, 6, 14))
    spans = {t.text: (t.start, t.end) for t in timexes}
    assert {"28", "29 June", "4", "7 May"} <= set(spans)
    dating = Dating((), (Slot(*spans["28"], "scheduled"),), (), (), (),
                    (Row(text, Span("a", 0, len(text)), tuple(Slot(*v) for v in spans.values())),))
    dated = resolve(dating, timexes, dt.date(2019, 6, 14), text)
    assert (dated.opening, dated.length) == ("2019-06-28", 2)
    # the timeline gives each range once, as the range
    assert [s.date for s in dated.timeline] == ["2019-06-28/2019-06-29", "2019-05-04/2019-05-07"]
    plain = resolve(dating, timexes, dt.date(2019, 6, 14))  # without the text, no ranges
    assert (plain.opening, plain.length) == (None, None)


def test_extract_dating_a_story_is_no_older_than_the_posts_it_embeds():
    from briefing.extract.dating import written_by

    text = ("China's foreign ministry said Saturday it has lodged a complaint. “Thank you!” "
            "— Donald J. Trump (@realDonaldTrump) December 3, 2016")
    friday = dt.date(2016, 12, 2)
    assert written_by(text, friday) == dt.date(2016, 12, 3)
    assert written_by(text, dt.date(2016, 12, 5)) == dt.date(2016, 12, 5)  # an older post
    assert written_by("No post here.", friday) == friday
    assert written_by(text, None) is None  # an undated story is dated by the fuse stage
    # read from that day, "said Saturday" is the day the story was written, not a week before
    anchor = written_by(text, friday)
    saturday = next(t for t in tag_dates(text, anchor) if t.text == "Saturday")
    assert saturday.value == "2016-12-03"
