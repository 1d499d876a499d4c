"""Organisations and delegations take part in the event when no person is named for them."""

from __future__ import annotations

import pytest

from briefing.extract.people import GROUP, ORGANISATION
from briefing.fuse.people import merge_people
from briefing.types import Article, ArticleFacts, PersonMention, Span


@pytest.fixture(scope="module")
def actors(model_nlp):
    from briefing.extract.people import extract_people

    def run(text: str) -> dict[str, tuple]:
        found = extract_people(model_nlp(text), Article("t", text))
        return {m.name: (m.role, m.country, m.participant, m.affiliation) for m in found
                if m.role in (ORGANISATION, GROUP) or m.affiliation}

    return run


LEAD = "The foreign ministers of both countries met in Geneva on Monday to discuss the war. "


@pytest.mark.model
def test_extract_people_actors_organisation_holding_talks_later_in_the_story(actors):
    got = actors(LEAD + "Later in the day the ministers held talks with the IAEA.")
    assert got["IAEA"][:3] == (ORGANISATION, None, True)


@pytest.mark.model
def test_extract_people_actors_national_delegation_attending(actors):
    got = actors(LEAD + "A Chinese delegation also attended the talks.")
    assert got["Chinese delegation"][:3] == (ORGANISATION, "CN", True)


@pytest.mark.model
def test_extract_people_actors_delegation_led_by_a_person_is_that_person(model_nlp):
    from briefing.extract.people import extract_people

    text = LEAD + "The Japanese delegation, headed by Taro Kono, met US officials on Tuesday."
    found = {m.name: m for m in extract_people(model_nlp(text), Article("t", text))}
    assert "Japanese delegation" not in found
    assert (found["Taro Kono"].country, found["Taro Kono"].participant) == ("JP", True)
    assert found["US officials"].role == ORGANISATION and found["US officials"].country == "US"


@pytest.mark.model
def test_extract_people_actors_organisation_in_a_title_is_an_affiliation(actors):
    got = actors(LEAD + "NATO chief Jens Stoltenberg attended the talks.")
    assert "NATO" not in got
    assert got["Jens Stoltenberg"][3] == "NATO"


@pytest.mark.model
def test_extract_people_actors_place_visited_or_topic_is_no_party(actors):
    got = actors(LEAD + "The ministers later visited Austria and discussed the COVID-19 pandemic.")
    assert not any(role == ORGANISATION for role, *_ in got.values())


def actor(article: str, name: str, country=None, tag="ORG", at=0) -> PersonMention:
    return PersonMention(name, Span(article, at, at + len(name)), ORGANISATION, country, True,
                         2.0, tag=tag)


def person(article: str, name: str, country=None, affiliation=None, at=10) -> PersonMention:
    return PersonMention(name, Span(article, at, at + len(name)), "Minister", country, True,
                         3.0, affiliation=affiliation)


def test_extract_people_actors_organisation_without_its_own_person_takes_part():
    people = merge_people([
        ArticleFacts(Article("a", "x" * 90), people=(
            person("a", "Kenji Tanaka", "JP"), actor("a", "IAEA", at=40),
            actor("a", "FBI", "US", at=60))),
        ArticleFacts(Article("b", "x" * 90), people=(
            person("b", "Ann Smith", "US"), actor("b", "the IAEA", at=40))),
    ])
    # the FBI takes part in one report of two only: another meeting of that story
    assert {p.name for p in people.participants} == {"Kenji Tanaka", "Ann Smith", "IAEA"}
    (iaea,) = [p for p in people.participants if p.name == "IAEA"]
    assert iaea.sources == (Span("a", 40, 44), Span("b", 40, 48))


def test_extract_people_actors_organisation_with_its_person_is_left_out():
    people = merge_people([
        ArticleFacts(Article("a", "x" * 90), people=(
            actor("a", "IAEA", at=40), actor("a", "Japan", "JP", tag="GPE", at=60),
            actor("a", "Chinese delegation", "CN", tag="", at=70))),
        ArticleFacts(Article("b", "x" * 90), people=(
            person("b", "Rafael Grossi", affiliation="the IAEA"),
            person("b", "Kenji Tanaka", "JP", at=40),
            actor("b", "the Chinese delegation", "CN", tag="", at=60))),
    ])
    assert {p.name for p in people.participants} == {
        "Rafael Grossi", "Kenji Tanaka", "Chinese delegation"}


def test_extract_people_actors_country_beside_people_taking_part_is_left_out():
    people = merge_people([
        ArticleFacts(Article(r, "x" * 90), people=(
            person(r, "Kenji Tanaka", "JP"), person(r, "Ann Smith", "US", at=30),
            actor(r, "Iran", "IR", tag="GPE", at=60)))
        for r in ("a", "b")
    ])
    assert [p.name for p in people.participants] == ["Kenji Tanaka", "Ann Smith"]


@pytest.mark.model
def test_extract_people_actors_a_credit_in_brackets_is_no_party(model_nlp):
    from briefing.extract.people import extract_people
    from briefing.types import Article

    text = ("BEIJING (Reuters) Outside the Great Hall on Thursday, the two delegations "
            "began talks on trade.")
    found = extract_people(model_nlp(text), Article("t", text))
    assert not [m for m in found if m.name == "Reuters" and m.role == ORGANISATION]


@pytest.mark.model
def test_extract_people_actors_both_sides_are_the_parties_not_a_party(actors):
    got = actors("The EU and the US have agreed to begin talks on aircraft subsidies. Both "
                 "sides hope to reach a negotiated deal.")
    assert not any("sides" in name for name in got)


@pytest.mark.model
def test_extract_people_actors_a_group_is_named_without_its_count(actors):
    got = actors("More than 2,000 business and political leaders from around the globe are "
                 "arriving in the mountain resort of Davos for the annual economic forum.")
    assert "business and political leaders" in got  # not "than 2,000 business ..."


def test_extract_people_actors_a_body_of_a_country_beside_two_sides_is_left_out():
    people = merge_people([
        ArticleFacts(Article(r, "x" * 90), people=(
            person(r, "Kenji Tanaka", "JP"), person(r, "Ann Smith", "US", at=30),
            actor(r, "the South Korean team", "KR", tag="", at=60), actor(r, "IAEA", at=80)))
        for r in ("a", "b")
    ])
    # the sides are the persons': a national team beside them is another meeting's; an
    # international body still takes part
    assert [p.name for p in people.participants] == ["Kenji Tanaka", "Ann Smith", "IAEA"]
