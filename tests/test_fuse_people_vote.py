"""Who takes part, voted across the reports, and the countries reports leave unsaid
(hand-built mentions, no model needed)."""

from __future__ import annotations

from dataclasses import replace

from briefing.fuse.people import merge_people
from briefing.fuse.people_country import titled_phrases
from briefing.types import Article, ArticleFacts, Entity, PersonMention, Span


def mention(article: str, name: str, at: int, *, role=None, country=None, part=True,
            weight=2.0, frame=None) -> PersonMention:
    return PersonMention(name, Span(article, at, at + len(name)), role, country, part, weight,
                         frame=frame)


def report(article: str, *people: PersonMention, title=None, text="x" * 300,
           entities=()) -> ArticleFacts:
    return ArticleFacts(Article(article, text, title=title), people=people,
                        entities=tuple(entities))


def names(people) -> list[str]:
    return sorted(p.name for p in people)


def test_fuse_people_vote_a_meeting_one_report_tells_is_only_mentioned():
    result = merge_people([
        report("a", mention("a", "Ann Smith", 0), mention("a", "Kenji Tanaka", 20),
               mention("a", "Pat Lee", 40, weight=1.0)),  # "Pat Lee visited Havana in 1998"
        report("b", mention("b", "Ann Smith", 0), mention("b", "Kenji Tanaka", 20)),
        report("c", mention("c", "Ann Smith", 0)),
    ])
    assert names(result.participants) == ["Ann Smith", "Kenji Tanaka"]
    assert names(result.mentioned) == ["Pat Lee"]


def test_fuse_people_vote_a_headline_names_the_participant_by_name_or_by_title():
    result = merge_people([
        report("a", mention("a", "Ann Smith", 0), mention("a", "Kenji Tanaka", 20),
               mention("a", "Malcolm Reed", 40, role="Prime Minister", country="AU"),
               title="Smith had heated exchange with Australian PM"),
        report("b", mention("b", "Ann Smith", 0), mention("b", "Kenji Tanaka", 20),
               mention("b", "Lena Ortiz", 40), title="Tanaka and Ortiz meet"),
        report("c", mention("c", "Ann Smith", 0), mention("c", "Bo Park", 20)),
    ])
    assert names(result.participants) == [
        "Ann Smith", "Kenji Tanaka", "Lena Ortiz", "Malcolm Reed"]
    assert names(result.mentioned) == ["Bo Park"]


def test_fuse_people_vote_a_summit_list_beside_two_participants_joins_them():
    listed = ("Ann Smith", "Kenji Tanaka", "Lena Ortiz", "Bo Park")
    result = merge_people([
        report("a", *(mention("a", n, 20 * i, frame=100) for i, n in enumerate(listed))),
        report("b", mention("b", "Ann Smith", 0), mention("b", "Kenji Tanaka", 20)),
        report("c", mention("c", "Ann Smith", 0), mention("c", "Lee Wong", 20, frame=100),
               mention("c", "Sam Roe", 40, frame=100)),
    ])
    assert names(result.participants) == sorted(listed)
    assert names(result.mentioned) == ["Lee Wong", "Sam Roe"]  # beside one participant only


def test_fuse_people_vote_a_meeting_has_two_sides():
    result = merge_people([
        report("a", mention("a", "Ann Smith", 0), mention("a", "Kenji Tanaka", 20),
               mention("a", "Bo Park", 40, part=False)),
        report("b", mention("b", "Ann Smith", 0), mention("b", "Bo Park", 20, part=False)),
    ])
    assert names(result.participants) == ["Ann Smith", "Kenji Tanaka"]


def test_fuse_people_vote_country_titled_phrases_without_a_name():
    text = "The U.S. president met Russian President Ivan Petrov; the Japanese premier stayed."
    assert titled_phrases(text, unnamed=True) == [("US", "president"), ("JP", "prime minister")]
    assert ("RU", "president") in titled_phrases(text)


def test_fuse_people_vote_country_from_the_title_and_the_reports_own_institutions():
    text = "The White House said on Monday that the talks in the Kremlin went well."
    people = (mention("a", "Ann Smith", 0, role="President"),
              mention("a", "Ivan Petrov", 20, role="President", country="RU"),
              mention("a", "Kenji Tanaka", 40, role="Secretary of State"),
              mention("a", "Bo Park", 60, role="President", part=False))
    entities = [Entity("White House", "ORG", Span("a", 4, 15)),
                Entity("the White House", "ORG", Span("a", 100, 115)),
                Entity("Kremlin", "ORG", Span("a", 55, 62))]
    result = merge_people([report("a", *people, text=text, entities=entities)])
    country = {p.name: p.country for p in (*result.participants, *result.mentioned)}
    # the domestic president is the reports' own; the other president no second one
    assert country == {"Ann Smith": "US", "Ivan Petrov": "RU", "Kenji Tanaka": "US",
                       "Bo Park": None}


def test_fuse_people_vote_country_never_a_title_the_reports_own_country_lacks():
    # written from Washington ("the Pentagon said"): its office-holders go without a country
    # word, but a minister is never the US's
    text = "The Pentagon said the defense secretary spoke to the defense minister this week."
    people = (mention("a", "Ann Smith", 0, role="Defense Secretary"),
              mention("a", "Ehud Levi", 20, role="Defense Minister"),
              mention("a", "Ivan Petrov", 40, role="Deputy Foreign Minister", part=False))
    entities = [Entity("Pentagon", "ORG", Span("a", 4, 12))]
    result = merge_people([report("a", *people, text=text, entities=entities)])
    country = {p.name: p.country for p in (*result.participants, *result.mentioned)}
    assert country == {"Ann Smith": "US", "Ehud Levi": None, "Ivan Petrov": None}


def test_fuse_people_vote_country_none_for_an_international_official():
    people = (PersonMention("Ana Ruiz", Span("a", 0, 8), "Secretary General", None, True, 3.0,
                            affiliation="NATO"),)
    entities = [Entity("White House", "ORG", Span("a", 40, 51))]
    result = merge_people([report("a", *people, entities=entities)])
    assert result.participants[0].country is None


def test_fuse_people_vote_one_report_naming_someone_often_does_not_outvote_two_reports():
    # Two of three reports name Smith and Tanaka; the third names Lee often, at another meeting.
    result = merge_people([
        report("a", mention("a", "Ann Smith", 0), mention("a", "Kenji Tanaka", 20)),
        report("b", mention("b", "Ann Smith", 0), mention("b", "Kenji Tanaka", 20)),
        report("c", *(mention("c", "Pat Lee", 20 * i, weight=3.5) for i in range(2)),
               mention("c", "Ann Smith", 100, part=False)),
    ])
    assert names(result.participants) == ["Ann Smith", "Kenji Tanaka"]


def test_fuse_people_vote_the_head_of_the_organisation_meeting_takes_part():
    def chief(article: str) -> PersonMention:
        return PersonMention("Lars Holm", Span(article, 60, 69), "Secretary General", None,
                             False, 1.0, affiliation="NATO")

    result = merge_people([
        report("a", mention("a", "Ann Smith", 0), mention("a", "Kenji Tanaka", 20), chief("a"),
               title="Leaders hold NATO summit"),
        report("b", mention("b", "Ann Smith", 0), mention("b", "Kenji Tanaka", 20), chief("b"),
               title="NATO members gather"),
    ])
    assert "Lars Holm" in names(result.participants)


def test_fuse_people_vote_whoever_met_at_a_gathering_takes_part_named_once():
    # three countries take part: someone one report has meet another on the sidelines joins,
    # after the principals
    principals = [("Ann Smith", "US"), ("Kenji Tanaka", "JP"), ("Lena Ortiz", "ES")]
    def gathering(*late):
        return merge_people([
            report("a", *(mention("a", n, 20 * i, country=c) for i, (n, c) in
                          enumerate(principals)), *late),
            report("b", *(mention("b", n, 20 * i, country=c) for i, (n, c) in
                          enumerate(principals))),
        ])
    sideline = [replace(mention("a", "Bo Park", at, country="KR", weight=3.0, frame=90),
                        at_gathering=True) for at in (100, 200)]  # named twice: weight 6
    result = gathering(*sideline)
    assert [p.name for p in result.participants][-1] == "Bo Park"
    assert names(result.participants) == sorted([*(n for n, _ in principals), "Bo Park"])
    # named once without meeting anyone there: only mentioned
    result = gathering(*(replace(m, at_gathering=False) for m in sideline))
    assert "Bo Park" not in names(result.participants)


def test_fuse_people_vote_a_bilateral_meeting_on_a_summits_sidelines_takes_no_one_else():
    # "X will meet Y on the sidelines of the G20; Z will also meet W there": two countries
    result = merge_people([
        report("a", mention("a", "Ann Smith", 0, country="US"),
               mention("a", "Kenji Tanaka", 20, country="JP"),
               replace(mention("a", "Bo Park", 100, country="KR", frame=90), at_gathering=True)),
        report("b", mention("b", "Ann Smith", 0, country="US"),
               mention("b", "Kenji Tanaka", 20, country="JP")),
    ])
    assert names(result.participants) == ["Ann Smith", "Kenji Tanaka"]
