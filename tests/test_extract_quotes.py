"""Quotations attributed as the text attributes them (the statistical parse reads the verbs)."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import quotes

pytestmark = pytest.mark.model


def speakers(model_nlp, text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text[:12]) for q in quotes(model_nlp(text), "a")]


def test_extract_quotes_a_quote_going_on_after_its_attribution_keeps_the_speaker(model_nlp):
    got = speakers(model_nlp, 'The talks ended on Monday. "We made real progress today," '
                   'Pedro Alves told reporters. "The hardest questions are still open."')
    assert got == [("Pedro Alves", "We made real"), ("Pedro Alves", "The hardest ")]


def test_extract_quotes_according_to_names_the_speaker(model_nlp):
    got = speakers(model_nlp, 'The deal is "a first step toward lasting peace in the region," '
                   "according to Maria Lopez.")
    assert got == [("Maria Lopez", "a first step")]


def test_extract_quotes_a_quote_nobody_is_named_for_is_left_out(model_nlp):
    assert speakers(model_nlp, 'The banner read "no more wars in our time, please" as the '
                    "crowd gathered on Monday.") == []


def test_extract_quotes_a_speech_verb_inside_the_quote_is_not_the_attribution(model_nlp):
    got = speakers(model_nlp, 'Ana Ruiz spoke first. "Maria Lopez said nothing about that '
                   'question yet," Pedro Alves told reporters.')
    assert got == [("Pedro Alves", "Maria Lopez ")]


def test_extract_quotes_a_scare_quoted_word_puts_no_pairing_out_of_step(model_nlp):
    got = speakers(model_nlp, 'The pledges are "worthless". All the parties met on Monday. '
                   '"We will cut taxes for every family," Ann Price said.')
    assert got == [("Ann Price", "We will cut ")]  # not "All the parties met ..."


def test_extract_quotes_marks_pair_by_the_way_they_face():
    from briefing.extract.quotes import quote_pairs

    text = 'small firms", an EU spokesman said "the complaint has no merit at all".'
    assert [text[a:b] for a, b in quote_pairs(text)] == ['"the complaint has no merit at all"']
    text = '"It was a long day for all of us\n\nThe talks resumed" on Monday.'
    assert quote_pairs(text) == []  # no quotation runs over a paragraph break
