"""Direction rules: the word heuristic (no model) and the parse of a Doc (model tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.temporal import tag_dates
from briefing.temporal.direction import heuristic_direction, word_cue

WED = dt.date(2023, 1, 11)


def _where(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys will meet on Friday in Seoul.", "future"),
        ("The envoys are expected to meet on Friday.", "future"),
        ("The envoys are set to meet on Friday.", "future"),
        ("The offer had been scheduled to expire on Friday.", "past"),
        ("Qantas will double its flights to India by Friday for markets untouched by the crisis.",
         "future"),
        ("Qantas will double its flights to India, it announced on Friday.", "past"),
        ("The envoys had planned to meet on Friday.", "past"),
        ("The navy fired a missile on Friday.", "past"),
        ("The minister said Friday that the deal was done.", "past"),
        ("On Friday, the committee approved the budget.", "past"),
        ("The talks come ahead of the leaders' visit on Friday.", "future"),
        ("Ahead of the trip, the ministry on Friday issued a warning.", "past"),
        ("Friday is a holiday.", None),
    ],
)
def test_temporal_direction_heuristic_direction(text: str, expected: str | None) -> None:
    assert heuristic_direction(text, *_where(text, "Friday")) == expected


def test_temporal_direction_heuristic_stops_at_sentence_boundary() -> None:
    text = "Talks will resume. Friday is a holiday."
    assert heuristic_direction(text, *_where(text, "Friday")) is None


def test_temporal_direction_word_cue_past_forms() -> None:
    assert word_cue("launched") == "past"
    assert word_cue("United") is None  # a name, not a past tense
    assert word_cue("set", "to") == "future" and word_cue("set") is None


def _doc_values(nlp, text: str, anchor: dt.date) -> dict[str, str]:
    return {t.text: t.value for t in tag_dates(text, anchor, doc=nlp(text))}


@pytest.mark.model
def test_temporal_direction_doc_future_weekday(model_nlp) -> None:
    text = "The foreign ministers will meet their counterparts on Wednesday."
    assert _doc_values(model_nlp, text, WED)["Wednesday"] == "2023-01-11"
    text = "The foreign ministers will meet their counterparts on Thursday."
    assert _doc_values(model_nlp, text, WED)["Thursday"] == "2023-01-12"


@pytest.mark.model
def test_temporal_direction_doc_past_weekday(model_nlp) -> None:
    text = "Tensions rose in the region. North Korea launched a ballistic missile on Thursday."
    assert _doc_values(model_nlp, text, WED)["Thursday"] == "2023-01-05"  # past the lead


@pytest.mark.model
def test_temporal_direction_doc_said_weekday_latest_on_or_before(model_nlp) -> None:
    text = "The spokesman said on Wednesday that the talks were productive."
    assert _doc_values(model_nlp, text, WED)["Wednesday"] == "2023-01-11"


@pytest.mark.model
def test_temporal_direction_doc_infinitive_after_plan_points_ahead(model_nlp) -> None:
    text = "The two leaders plan to sign the accord on Friday, officials said."
    assert _doc_values(model_nlp, text, WED)["Friday"] == "2023-01-13"


@pytest.mark.model
def test_temporal_direction_doc_and_heuristic_agree_on_seed_like_text(model_nlp) -> None:
    text = ("The ministers will hold talks on Wednesday and Thursday. The talks were "
            "announced last week, and the approvals came on December 16.")
    with_doc = _doc_values(model_nlp, text, WED)
    without = {t.text: t.value for t in tag_dates(text, WED)}
    expected = {"Wednesday": "2023-01-11", "Thursday": "2023-01-12", "last week": "2023-W01",
                "December 16": "2022-12-16"}
    assert with_doc == without == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the points of an abbreviation end no sentence, so the verb before them still counts
        ("The car was found at the Newark, N.J., airport on Friday.", "past"),
        ("The team planned to leave Nairobi on Friday.", "future"),
        ("Protesters were planning to drive to the airport on Friday.", "future"),
        # a cue after the expression dates the planning, not the plan
        ("On Friday, the government planned to pay the first sum.", "past"),
        ("On Friday, the two leaders are set to hold a summit.", "future"),
        # "next to" is a place, not a time ahead
        ("A bomb ripped through a building next to the embassy on Friday.", "past"),
        # a quotation mark closes the clause: the reporting verb does not date the quote
        ("''He will leave on Friday,'' Castro said.", "future"),
    ],
)
def test_temporal_direction_heuristic_direction_clause_rules(text: str, expected: str | None) -> None:
    assert heuristic_direction(text, *_where(text, "Friday")) == expected


def test_temporal_direction_month_follows_tense_beyond_a_quarter() -> None:
    nov = dt.date(1989, 11, 2)
    past = {t.text: t.value for t in tag_dates("He stepped down in March.", nov)}
    assert past["March"] == "1989-03"  # eight months back, not four ahead
    near = {t.text: t.value for t in tag_dates("The company said it closed the sale Nov. 21.",
                                                nov)}
    assert near["Nov. 21"] == "1989-11-21"  # within a quarter: the near date beats the tense


def test_temporal_direction_weekday_deadline_after_its_verb_lies_ahead() -> None:
    text = "Officials postponed any action until Friday."
    assert {t.text: t.value for t in tag_dates(text, WED)}["Friday"] == "2023-01-13"
    text = "Until Friday, they had not called him a suspect."
    assert {t.text: t.value for t in tag_dates(text, WED)}["Friday"] == "2023-01-06"


def _held_in_march(blank_nlp, verb: str = "held", prep: str = "in"):
    """"The talks were <verb> <prep> March ." as a hand-built parse (past passive)."""
    from spacy.tokens import Doc

    words = ["The", "talks", "were", verb, prep, "March", "."]
    return Doc(blank_nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
               pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
               tags=["DT", "NNS", "VBD", "VBN", "IN", "NNP", "."],
               deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
               heads=[1, 3, 3, 3, 3, 4, 3])


def test_temporal_direction_parsed_past_tense_wins_near_the_anchor(blank_nlp) -> None:
    # Written in January: "were held in March" is last March by the parse; the word
    # heuristic alone keeps the nearest March, as a tense guessed from words misleads there.
    jan = dt.date(2022, 1, 7)
    doc = _held_in_march(blank_nlp)
    assert {t.text: t.value for t in tag_dates(doc.text, jan, doc=doc)} == {"March": "2021-03"}
    assert {t.text: t.value for t in tag_dates(doc.text, jan)} == {"March": "2022-03"}
    # "postponed until March" points ahead whatever the verb's tense.
    doc = _held_in_march(blank_nlp, "postponed", "until")
    assert {t.text: t.value for t in tag_dates(doc.text, jan, doc=doc)} == {"March": "2022-03"}
    # The anchor's own month stays this year's.
    assert {t.text: t.value for t in tag_dates(doc.text, dt.date(2022, 3, 20), doc=doc)} == {
        "March": "2022-03"}


def _look_to(blank_nlp, head_tag: str, head_word: str):
    """"Leaders <head> to Obama to promise aid at Thursday 's summit ." as a hand-built
    parse: an infinitive of aim under `head` (tagged `head_tag`)."""
    from spacy.tokens import Doc

    words = ["Leaders", head_word, "to", "Obama", "to", "promise", "aid", "at", "Thursday",
             "'s", "summit", "."]
    spaces = [True] * 8 + [False, True, False, False]
    return Doc(blank_nlp.vocab, words=words, spaces=spaces,
               pos=["NOUN", "VERB", "ADP", "PROPN", "PART", "VERB", "NOUN", "ADP", "PROPN",
                    "PART", "NOUN", "PUNCT"],
               tags=["NNS", head_tag, "IN", "NNP", "TO", "VB", "NN", "IN", "NNP", "POS", "NN",
                     "."],
               deps=["nsubj", "ROOT", "prep", "pobj", "aux", "advcl", "dobj", "prep", "poss",
                     "case", "pobj", "punct"],
               heads=[1, 1, 1, 2, 5, 1, 5, 5, 10, 8, 7, 1])


def test_temporal_direction_infinitive_of_aim_under_present_verb_points_ahead(blank_nlp) -> None:
    # Written on a Sunday: the summit leaders look to is the coming Thursday.
    sunday = dt.date(2015, 5, 10)
    doc = _look_to(blank_nlp, "VBP", "look")
    assert {t.text: t.value for t in tag_dates(doc.text, sunday, doc=doc)} == {
        "Thursday": "2015-05-14"}
    # Under a past verb the infinitive says nothing: the nearest Thursday, three days back.
    doc = _look_to(blank_nlp, "VBD", "looked")
    assert {t.text: t.value for t in tag_dates(doc.text, sunday, doc=doc)} == {
        "Thursday": "2015-05-07"}
