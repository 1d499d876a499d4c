"""The model's labels overruled by the reports together: a name tagged as an organisation or
place in one report but as a person in the others is a person, and the other way round.

Docs are built by hand (`spacy.blank("en")`, entities set by hand), so each test states
exactly what the statistical model said; the merge tests use hand-built mentions.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span as TokenSpan

from briefing.extract.people import GROUP, ORGANISATION, extract_people, name_entities
from briefing.fuse.people import correct_labels, merge_people
from briefing.types import Article, ArticleFacts, Entity, PersonMention, Span


@pytest.fixture()
def report(blank_nlp):
    """Return ArticleFacts for `text`, the model having tagged each (words, label) given, in
    text order."""

    def build(article: str, text: str, *tags: tuple[str, str]) -> ArticleFacts:
        doc = blank_nlp(text)
        ents, end = [], 0
        for words, label in tags:
            start = text.index(words, end)
            end = start + len(words)
            ents.append(doc.char_span(start, end, label=label))
        doc.ents = [e for e in ents if isinstance(e, TokenSpan)]
        assert len(doc.ents) == len(tags)
        art = Article(article, text)
        return ArticleFacts(article=art, people=extract_people(doc, art),
                            entities=name_entities(doc, art))

    return build


def test_fuse_people_labels_name_tagged_as_organisation_is_kept_for_the_vote(report):
    facts = report("b", "Hamada arrived in the capital on Monday.", ("Hamada", "ORG"))
    (hamada,) = [m for m in facts.people if m.role not in (ORGANISATION, GROUP)]
    assert (hamada.name, hamada.tag) == ("Hamada", "ORG")
    assert facts.entities == (Entity("Hamada", "ORG", Span("b", 0, 6)),)


def test_fuse_people_labels_same_article_surname_makes_a_person(report):
    facts = report("a", "Kenji Hamada landed. Hamada arrived in the capital on Monday.",
                   ("Kenji Hamada", "PERSON"), ("Hamada", "ORG"))
    assert [(m.name, m.tag) for m in facts.people] == [("Kenji Hamada", "PERSON"),
                                                       ("Hamada", "PERSON")]


def test_fuse_people_labels_a_name_after_in_is_a_place(report):
    facts = report("a", "The talks were held in Sherwood on Monday.", ("Sherwood", "GPE"))
    assert facts.people == ()


def test_fuse_people_labels_organisation_once_person_elsewhere_is_a_person(report):
    reports = [
        report("a", "Defense Minister Kenji Hamada spoke on Monday.", ("Kenji Hamada", "PERSON")),
        report("b", "Hamada arrived in the capital on Monday.", ("Hamada", "ORG")),
        report("c", "Kenji Hamada said the talks went well.", ("Kenji Hamada", "PERSON")),
    ]
    people = merge_people(reports)
    (hamada,) = people.mentioned
    assert hamada.name == "Kenji Hamada"
    assert {s.article for s in hamada.sources} == {"a", "b", "c"}
    assert "Hamada" in hamada.aliases


def sherwood(report, places: int) -> list[ArticleFacts]:
    """One report with "Sherwood" tagged PERSON, `places` with it tagged GPE."""
    return [report("a", "Sherwood welcomed the decision on Monday.", ("Sherwood", "PERSON"))] + [
        report(f"p{i}", "Sherwood is a market town.", ("Sherwood", "GPE")) for i in range(places)]


def test_fuse_people_labels_person_once_place_elsewhere_is_not_a_person(report):
    people = merge_people(sherwood(report, places=2))
    assert people.participants == () and people.mentioned == ()


def test_fuse_people_labels_a_tie_keeps_the_model_label(report):
    (person,) = merge_people(sherwood(report, places=1)).mentioned
    assert person.sources == (Span("a", 0, 8),)


def mention(article: str, name: str, role=None, tag="PERSON", participant=False, at=0):
    return PersonMention(name, Span(article, at, at + len(name)), role, None, participant,
                         tag=tag)


def test_fuse_people_labels_the_corrected_mention_counts_for_role_and_participation():
    # Without report b, Hamada's titles tie (the first report's wins) and no report has him
    # taking part; b was tagged ORG by the model but is the same person.
    reports = [
        ArticleFacts(Article("a", "x" * 50), people=(
            mention("a", "Kenji Hamada", "Defense Secretary"),)),
        ArticleFacts(Article("b", "x" * 50), people=(
            mention("b", "Hamada", "Defense Minister", tag="ORG", participant=True),),
            entities=(Entity("Hamada", "ORG", Span("b", 0, 6)),)),
        ArticleFacts(Article("c", "x" * 50), people=(
            mention("c", "Kenji Hamada", "Defense Minister"), mention("c", "Hamada", at=20))),
    ]
    people = merge_people(reports)
    (hamada,) = people.participants
    assert hamada.role == "Defense Minister"
    (gap,) = people.discrepancies
    assert [(v.value, {s.article for s in v.sources}) for v in gap.values] == [
        ("Defense Minister", {"b", "c"}), ("Defense Secretary", {"a"})]


def test_fuse_people_labels_spelling_variant_of_a_person_is_a_person():
    kept = correct_labels(
        [mention("a", "Anthony Blinken"), mention("b", "Antony Blinken", tag="ORG"),
         mention("c", "Anthony Blinken")],
        [Entity("Antony Blinken", "ORG", Span("b", 0, 14))])
    assert [m.tag for m in kept] == ["PERSON"] * 3


def test_fuse_people_labels_organisation_actor_that_is_a_person_becomes_the_person():
    actor = PersonMention("Hamada", Span("b", 0, 6), ORGANISATION, "JP", True, 3.0, tag="ORG")
    people = merge_people([
        ArticleFacts(Article("a", "x" * 50), people=(mention("a", "Kenji Hamada"),)),
        ArticleFacts(Article("b", "x" * 50), people=(actor,),
                     entities=(Entity("Hamada", "ORG", Span("b", 0, 6)),)),
        ArticleFacts(Article("c", "x" * 50), people=(mention("c", "Hamada"),)),
    ])
    (hamada,) = people.participants
    assert (hamada.name, hamada.role) == ("Kenji Hamada", None)
    assert Span("b", 0, 6) in hamada.sources


def test_fuse_people_labels_organisation_actor_stays_when_the_reports_say_organisation():
    actor = PersonMention("Hamada", Span("b", 0, 6), ORGANISATION, None, True, 3.0, tag="ORG")
    people = merge_people([
        ArticleFacts(Article("a", "x" * 50), people=(mention("a", "Hamada"),)),
        ArticleFacts(Article("b", "x" * 50), people=(actor,),
                     entities=(Entity("Hamada", "ORG", Span("b", 0, 6)),
                               Entity("Hamada", "ORG", Span("b", 20, 26)))),
    ])
    assert [p.name for p in people.participants] == ["Hamada"]
    # every naming of the organisation is a source of it, not only where it takes part
    assert people.participants[0].sources == (Span("b", 0, 6), Span("b", 20, 26))
    assert people.mentioned == ()


def test_fuse_people_labels_a_title_keeps_a_person_whatever_the_votes():
    kept = correct_labels(
        [mention("a", "Sherwood", "Mayor")],
        [Entity("Sherwood", "GPE", Span("b", 0, 8)), Entity("Sherwood", "GPE", Span("c", 0, 8))])
    assert [m.name for m in kept] == ["Sherwood"]
