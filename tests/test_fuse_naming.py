"""Event titles built from the fused facts: a proper name, or principals, kind and place."""

from __future__ import annotations

import pytest

from briefing.extract.frame import read_frame
from briefing.fuse.naming import event_title, short_name, voted_name, without_place
from briefing.types import Participant


def person(name: str, country: str, *aliases: str) -> Participant:
    return Participant(name, aliases, "President", country, ())


OBAMA = person("Barack Obama", "US", "Obama")
PUTIN = person("Vladimir Putin", "RU", "Putin")
XI = person("Xi Jinping", "CN", "Xi")
MAY = person("Theresa May", "GB", "May")
KERRY = Participant("John Kerry", ("Kerry",), "Secretary of State", "US", ())


def test_fuse_naming_short_name_is_the_name_reports_use_alone():
    assert short_name(OBAMA) == "Obama"
    assert short_name(XI) == "Xi"  # the family name, written first
    gm = Participant("General Motors", ("GM",), None, None, ())
    wto = Participant("The World Trade Organisation", (), None, None, ())
    assert (short_name(gm), short_name(wto)) == ("GM", "World Trade Organisation")
    officials = Participant("Chinese officials", (), None, "CN", ())
    assert short_name(officials) == "Chinese officials"  # a group: no family name first
    assert short_name(Participant("Osama bin Laden", (), None, "SA", ())) == "Laden"
    assert short_name(Participant("Abdullah II", (), None, "JO", ())) == "Abdullah II"
    assert short_name(Participant("Wells Fargo", (), None, "US", (), body=True)) == "Wells Fargo"


def test_fuse_naming_one_group_owns_its_talks_with_a_plural_possessive():
    officials = Participant("Chinese officials", (), None, "CN", ())
    assert event_title(None, "talks", (officials,), None, False) == "Chinese officials' talks"
    minister = Participant("prime minister", (), None, None, ())
    assert event_title(None, "meeting", (minister,), None, False) == "Prime minister's meeting"


def test_fuse_naming_bilateral_title_names_principals_kind_and_place():
    assert event_title(None, "meeting", (OBAMA, KERRY, PUTIN), "Los Cabos", False) == \
        "Obama–Putin meeting in Los Cabos"  # one principal per country
    assert event_title(None, "call", (OBAMA, PUTIN), None, True) == "Obama–Putin phone call"
    assert event_title(None, "meeting", (OBAMA, PUTIN), "the White House, Washington",
                       False) == "Obama–Putin meeting in Washington"
    assert event_title(None, "summit", (OBAMA, PUTIN), "Camp David", False) == \
        "Obama–Putin summit at Camp David"


def test_fuse_naming_news_of_no_occasion_is_called_by_its_story():
    story = "Tram derails in Croydon, killing at least 7"
    assert event_title(None, "other", (OBAMA, PUTIN), "Croydon", False, story) == story
    assert event_title(None, "meeting", (OBAMA, PUTIN), "Croydon", False, story) == \
        "Obama–Putin meeting in Croydon"  # a meeting is never its headline
    assert event_title(None, "other", (OBAMA, PUTIN), "Croydon", False) == \
        "Obama–Putin meeting in Croydon"


def test_fuse_naming_an_occasion_of_no_known_party_or_place_is_called_by_its_story():
    story = "How the US has changed Afghanistan"
    assert event_title(None, "talks", (), None, False, story) == story  # not "Talks"
    assert event_title(None, "talks", (), "Kabul", False, story) == "Talks in Kabul"
    assert event_title(None, "talks", (), None, False) == "Talks"  # no headline to tell it


def test_fuse_naming_visit_of_one_principal():
    assert event_title(None, "visit", (OBAMA,), "Havana", False) == "Obama's visit to Havana"


def test_fuse_naming_proper_name_only_for_a_multilateral_event_or_a_standing_body():
    assert voted_name(["G20 summit", "G20 summit"], (OBAMA, XI, MAY)) == "G20 summit"
    assert voted_name(["G20 summit"], (OBAMA, PUTIN)) is None  # a bilateral at the G20
    assert voted_name(["Security Consultative Committee"], (OBAMA, PUTIN)) == \
        "Security Consultative Committee"
    assert voted_name(["Obama-Putin summit"], (OBAMA, XI, MAY, PUTIN)) is None
    assert voted_name(["United States-Russia summit"], (OBAMA, XI, MAY, PUTIN)) is None
    assert event_title("G20 summit", "summit", (OBAMA, XI, MAY), "Hangzhou", False) == \
        "G20 summit, Hangzhou"


@pytest.mark.model
def test_fuse_naming_frame_name_of_the_event_but_not_of_its_setting(model_nlp):
    def name(text: str) -> str | None:
        return read_frame(model_nlp(text), []).name
    assert name("Leaders gathered in Wales for the NATO summit on Thursday.") == "NATO summit"
    assert name("Obama will meet Putin at the G20 summit in Mexico.") is None
    assert name("The two presidents met on the sidelines of the G20 summit.") is None
    assert name("Ministers will hold a press conference after the talks.") is None


def test_fuse_naming_summit_reported_on_consecutive_days_spans_them():
    import datetime as dt

    from briefing.fuse.dates import day_span
    from briefing.types import Discrepancy, Span, Variant

    gap = Discrepancy("date", (Variant("2014-09-05", (Span("a", 0, 1),)),
                               Variant("2014-09-04", (Span("b", 0, 1),))))
    assert day_span(dt.date(2014, 9, 5), gap, "summit") == (
        dt.date(2014, 9, 4), dt.date(2014, 9, 5), None)
    assert day_span(dt.date(2014, 9, 5), gap, "call") == (
        dt.date(2014, 9, 5), dt.date(2014, 9, 5), gap)  # a call is one day: reports differ
    assert day_span(dt.date(2014, 9, 5), gap, "summit", "cancelled")[2] is gap  # when called off
    far = Discrepancy("date", (Variant("2014-09-01", ()), Variant("2014-09-05", ())))
    assert day_span(dt.date(2014, 9, 5), far, "summit")[2] is far


def test_fuse_naming_event_place_of_a_possessive_is_no_place():
    import spacy
    from spacy.tokens import Doc

    from briefing.extract.event import main_place

    words = ["They", "met", "in", "Obama", "’s", "last", "term", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              ents=["O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O"],
              sent_starts=[True] + [False] * 7)
    assert main_place(list(doc.sents)) is None


def test_fuse_naming_meeting_of_three_countries_reported_on_consecutive_days_spans_them():
    import datetime as dt

    from briefing.fuse import build_event
    from briefing.types import Article, ArticleFacts, PersonMention, Span

    def report(id: str, day: str) -> ArticleFacts:
        names = [("Ann Lee", "President", "FR"), ("Juan Ruiz", "President", "ES"),
                 ("Karl Berg", "Chancellor", "DE")]
        people = tuple(PersonMention(n, Span(id, i * 10, i * 10 + len(n)), r, c, True)
                       for i, (n, r, c) in enumerate(names))
        return ArticleFacts(article=Article(id, "x" * 200, published=dt.date(2019, 12, 5)),
                            people=people, frame_date=day, event_kind="meeting",
                            event_status="held")
    event = build_event([report("a", "2019-12-03"), report("b", "2019-12-04")])
    assert (event.start, event.end) == (dt.date(2019, 12, 3), dt.date(2019, 12, 4))
    assert not [d for d in event.discrepancies if d.about == "date"]


def test_fuse_naming_series_name_is_the_title_without_its_place():
    assert without_place("Obama–Putin meeting in Los Cabos") == "Obama–Putin meeting"
    assert without_place("NATO summit, Newport") == "NATO summit"
    assert without_place("Obama–Putin meeting at the White House") == "Obama–Putin meeting"
    assert without_place("Trump–Turnbull phone call") == "Trump–Turnbull phone call"


def test_fuse_naming_short_name_of_a_family_name_first_and_of_a_double_surname():
    assert short_name(person("Liu He", "CN")) == "Liu"  # no alias says so: the country does
    assert short_name(person("Moon Jae-in", "KR")) == "Moon"
    assert short_name(person("Peña Nieto", "MX", "Enrique Pena Nieto", "Pena Nieto")) == \
        "Peña Nieto"  # an alias spelled without the accent
    assert short_name(person("Theresa May", "GB")) == "May"


def test_fuse_naming_one_known_party_owns_the_event():
    assert event_title(None, "summit", (OBAMA,), "Camp David", False) == \
        "Obama's summit at Camp David"
    assert event_title(None, "summit", (), "Camp David", False) == "Summit at Camp David"


def test_fuse_naming_setting_names_only_an_event_of_three_countries_or_more():
    assert voted_name(["NATO summit"], (OBAMA, XI, MAY), setting=True) == "NATO summit"
    assert voted_name(["G20 summit"], (OBAMA, PUTIN), setting=True) is None
    assert voted_name(["G20 summit"], (), setting=True) is None  # nobody known to take part
    assert voted_name(["Security Consultative Committee"], (OBAMA, PUTIN), setting=True) is None


def test_fuse_naming_principals_of_an_occasion_are_of_known_countries_first():
    aide = Participant("Rex Tillerson", ("Tillerson",), "Secretary of State", None, ())
    assert event_title(None, "meeting", (OBAMA, aide, PUTIN), "Hamburg", False) == \
        "Obama–Putin meeting in Hamburg"
    assert event_title(None, "meeting", (aide, PUTIN), "Moscow", False) == \
        "Tillerson–Putin meeting in Moscow"  # too few of known countries: the aide stays
    assert event_title(None, "other", (OBAMA, aide, PUTIN), "Hamburg", False) == \
        "Obama–Tillerson meeting in Hamburg"  # other news keeps its first actors


def test_fuse_naming_a_monarchs_one_name_is_written_with_the_title():
    from briefing.fuse.naming import short_name
    from briefing.types import Participant

    assert short_name(Participant("Salman", (), "King", "SA", ())) == "King Salman"
    assert short_name(Participant("Obama", (), "President", "US", ())) == "Obama"
    assert short_name(Participant("Abdullah II", (), "King", "JO", ())) == "Abdullah II"


def test_fuse_naming_a_monarch_s_one_name_is_described_with_the_title():
    from briefing.compose.words import described

    king = Participant("Salman", (), "King", "SA", ())
    assert described(king) == "King Salman (Saudi Arabia)"
    assert described(Participant("Salman Rushdie", (), "King", "SA", ())) == (
        "Salman Rushdie (King, Saudi Arabia)")  # a whole name keeps its title beside it
    assert described(Participant("Obama", (), "President", "US", ())) == (
        "Obama (President, United States)")
