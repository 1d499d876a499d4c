"""The generic rules: datelines, stated dates, headlines, bios and boilerplate lines."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.ingest.article import clean_title, looks_like_headline
from briefing.ingest.clean import is_bio, is_boilerplate_line, paragraphs, remove_boilerplate
from briefing.ingest.dateline import find_dateline
from briefing.ingest.dates import parse_stated


@pytest.mark.parametrize(("text", "place", "outlet", "date", "rest"), [
    ("WASHINGTON (UrduPoint News / Sputnik - 11th January, 2023) Japanese Foreign",
     "Washington", "UrduPoint News / Sputnik", dt.date(2023, 1, 11), "Japanese Foreign"),
    ("Washington DC, 11 January 2023 (TDI): The United States", "Washington DC", "TDI",
     dt.date(2023, 1, 11), "The United States"),
    ("Tokyo, 7 January, /AJMEDIA/", "Tokyo", "AJMEDIA", None, ""),
    ("LONDON (Reuters) - Britain said", "London", "Reuters", None, "Britain said"),
    ("BEIJING, March 3 (Xinhua) -- China said", "Beijing", "Xinhua", None, "China said"),
    ("PARIS — The French", "Paris", None, None, "The French"),
    ("SEOUL, South Korea (AP) — North Korea fired", "Seoul, South Korea", "AP", None,
     "North Korea fired"),
    ("NEW YORK, Nov. 9, 2016 (AP) - Stocks rose", "New York", "AP", dt.date(2016, 11, 9),
     "Stocks rose"),
])
def test_ingest_rules_dateline_forms(text, place, outlet, date, rest):
    line = find_dateline(text)
    assert (line.place, line.outlet) == (place, outlet)
    assert (line.date.date if line.date else None) == date
    assert text[line.length:] == rest


@pytest.mark.parametrize("text", [
    "Japan and the United States will hold talks.", "Kishida (pictured) said on Friday.",
    "The United States (US) and Japan will meet.", "UPDATE: the plan changed.",
    "FILE - In this Nov. 2, 2017 file photo, a model poses.",  # a photo caption
])
def test_ingest_rules_dateline_not_in_ordinary_sentences(text):
    assert find_dateline(text) is None


def test_ingest_rules_partial_never_guesses_the_year():
    assert parse_stated("7 January").partial == "XXXX-01-07"
    assert parse_stated("7 January").date is None
    assert parse_stated("Jan. 13, 2023").date == dt.date(2023, 1, 13)
    assert parse_stated("2016-11-09 00:00:00").date == dt.date(2016, 11, 9)
    assert parse_stated("31 February") is None and parse_stated("None") is None


def test_ingest_rules_headline_rules():
    assert looks_like_headline("US, Japan to Hold Virtual Talks on Security")
    assert not looks_like_headline("Japan and the US will hold talks, officials said.")
    assert not looks_like_headline("Tokyo, 7 January, /AJMEDIA/")
    assert clean_title("PREVIEW - US, Japan Set to Hold Talks") == "US, Japan Set to Hold Talks"
    assert clean_title("UPDATE 2-Oil rises") == "Oil rises"
    assert clean_title("EXCLUSIVE: Deal near") == "Deal near"


def test_ingest_rules_bio_detected_generically():
    assert is_bio("“Coffee junkie. Music nerd. Proud web evangelist. Thinker.”")
    assert is_bio("Bacon aficionado. Hardcore twitter enthusiast. Student. Certified beer buff.")
    assert not is_bio("He said the talks went well. Both sides agreed. More talks follow.")
    assert not is_bio("Kishida met Biden.")


def test_ingest_rules_boilerplate_lines():
    for line in ("Read more: x", "Also read: y", "Leave a reply", "Share this article",
                 "Follow us on Twitter", "We use cookies to improve your experience.",
                 "Copyright 2023 Example", "Click here to subscribe"):
        assert is_boilerplate_line(line), line
    for line in ("Shares of Toyota fell 3 percent.", "Readers wrote in to complain."):
        assert not is_boilerplate_line(line), line


def test_ingest_rules_editor_initials_and_paragraphs():
    text = "First line of a\nwrapped paragraph.\r\n\r\n\r\nSecond\u00a0 paragraph. [ab/uh]\n"
    assert remove_boilerplate(paragraphs(text)) == ["First line of a wrapped paragraph.",
                                                    "Second paragraph."]


def test_ingest_rules_a_soft_hyphen_read_as_a_logic_sign_is_dropped_inside_a_word():
    assert paragraphs("over a refu\u00acgee agreement") == ["over a refugee agreement"]
    assert paragraphs("p \u00ac q") == ["p \u00ac q"]  # the sign itself, between spaces, stays


def test_ingest_rules_a_newsletter_sign_up_form_inside_a_paragraph_is_dropped():
    text = ('He added: "He would be ahead right now." Get the Morning Briefing by Email What '
            'you need to know to start your day, delivered to your inbox Monday through '
            "Friday. Please verify you're not a robot by clicking the box. Invalid email "
            "address. Talk of rigging the vote rises again.")
    assert remove_boilerplate([text]) == [
        'He added: "He would be ahead right now." Talk of rigging the vote rises again.']
    kept = "Readers wrote to the paper about the vote."  # no sign-up words: kept whole
    assert remove_boilerplate([kept]) == [kept]
