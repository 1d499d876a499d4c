"""Composing a brief from a hand-built event: citations, bottom line, sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from briefing.compose import compose
from briefing.compose.words import clause, country_name, date_label, long_date, the, whole_period
from briefing.types import Discrepancy, Event, Item, Participant, Span, Variant
from tests.conftest import article

A = article("a", "text a", dt.date(2023, 1, 11), outlet="Wire A", title="Talks set")
B = article("b", "text b", None, outlet="Wire B")


def event(**kw) -> Event:
    base = dict(
        id="2023-01-11-talks", title="Lee–Ruiz talks in Geneva", kind="talks", articles=(B, A),
        start=dt.date(2023, 1, 11), location="Geneva", format="in-person", status="scheduled",
        participants=(Participant("Ann Lee", ("Lee",), "Foreign Minister", "FR",
                                  (Span("b", 0, 3), Span("a", 0, 3))),
                      Participant("Juan Ruiz", ("Ruiz",), "Foreign Minister", "ES",
                                  (Span("a", 0, 3),))),
        agenda=(Item("trade barriers", (Span("b", 5, 9),)),),
    )
    base.update(kw)
    return Event(**base)


def test_compose_sources_are_numbered_dated_first_and_cited_by_number():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1))
    assert [s.article.id for s in brief.sources] == ["a", "b"]
    assert brief.participants[0].cites == (1, 2)
    assert brief.agenda[0].cites == (2,)


def test_compose_agenda_lists_the_eight_most_reported_topics():
    topics = tuple(Item(f"topic {n}", (Span("a", n, n + 1),)) for n in range(12))
    brief = compose(event(agenda=topics), generated=dt.datetime(2026, 1, 1))
    assert [line.text for line in brief.agenda] == [f"Topic {n}" for n in range(8)]


def test_compose_bottom_line_says_what_when_where_who():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1))
    first = brief.bottom_line[0].text
    assert first == ("Ann Lee (Foreign Minister, France) and Juan Ruiz (Foreign Minister, "
                     "Spain) are to hold talks in Geneva on Wednesday 11 January 2023.")
    assert all(line.cites for line in brief.bottom_line)


def test_compose_divergences_keep_every_version_with_sources():
    gap = Discrepancy("date", (Variant("2023-01-11", (Span("a", 0, 1),)),
                               Variant("2023-01-12", (Span("b", 0, 1),))))
    brief = compose(event(discrepancies=(gap,)), generated=dt.datetime(2026, 1, 1))
    assert [(v.text, v.cites) for v in brief.divergences[0].versions] == [
        ("11 January 2023", (1,)), ("12 January 2023", (2,))]
    assert brief.bottom_line[-1].text == "Reports differ on the date (see Points of divergence)."
    assert brief.bottom_line[0].cites == (1,)  # the reports giving the date the brief uses


def test_compose_divergence_of_a_country_names_the_countries():
    gap = Discrepancy("country of Ann Lee", (Variant("FR", (Span("a", 0, 1),)),
                                             Variant("DE", (Span("b", 0, 1),))))
    brief = compose(event(discrepancies=(gap,)), generated=dt.datetime(2026, 1, 1))
    assert [v.text for v in brief.divergences[0].versions] == ["France", "Germany"]


def test_compose_as_of_counts_reports_and_dates():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1, 7, 30))
    assert brief.as_of == "As of 1 January 2026 07:30, from 2 reports published 11 January 2023 (1 undated)."


def test_compose_long_date_says_when_unknown():
    assert long_date(None) == "date unknown"


def test_compose_bottom_line_reads_well_without_a_date():
    brief = compose(event(start=None), generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[0].text == (
        "Ann Lee (Foreign Minister, France) and Juan Ruiz (Foreign Minister, Spain) are to hold "
        "talks in Geneva.")


def test_compose_title_takes_an_article():
    assert the("US-Japan Security Consultative Committee") == \
        "The US-Japan Security Consultative Committee"
    assert the("The Quad summit") == "The Quad summit"


def test_compose_undated_report_is_named_by_its_citation():
    brief = compose(event(), generated=dt.datetime(2026, 1, 1))  # report b is undated
    assert brief.notes[0].text == ("The publication date of report {cites} is not stated and "
                                   "could not be inferred.")
    assert brief.notes[0].cites == (2,)


def test_compose_quote_speaker_resolved_by_surname_with_role():
    quote = Item("We will talk about trade,", (Span("a", 0, 1),), speaker="Lee")
    brief = compose(event(quotes=(quote,)), generated=dt.datetime(2026, 1, 1))
    assert (brief.quotes[0].text, brief.quotes[0].label) == (
        "We will talk about trade", "Ann Lee, Foreign Minister, France")


def test_compose_short_unattributed_quotes_are_dropped():
    quote = Item("Asian NATO", (Span("a", 0, 1),))
    assert compose(event(quotes=(quote,)), generated=dt.datetime(2026, 1, 1)).quotes == ()


def test_compose_timeline_keeps_the_clause_around_the_date_and_sorts_by_day():
    long = ("The ministers, who met several times last year in different capitals and formats, "
            "agreed to resume the regular dialogue that had been suspended for years, and will "
            "meet again on Friday in Geneva to sign the joint statement on trade.")
    items = (Item("Talks opened in March.", (Span("a", 0, 1),), date="2023-03"),
             Item(long, (Span("a", 0, 1),), date="2023-01-13", at=long.index("Friday")))
    brief = compose(event(timeline=items), generated=dt.datetime(2026, 1, 1))
    assert [t.label for t in brief.timeline] == ["13 Jan 2023", "Mar 2023"]
    assert "on Friday in Geneva" in brief.timeline[0].text
    assert len(brief.timeline[0].text.split()) <= 26


def test_compose_clause_keeps_short_sentences_whole():
    assert clause("Talks opened on Friday.", 16) == "Talks opened on Friday."


def test_compose_date_labels_are_short():
    assert date_label("2023-01-13") == "13 Jan 2023"
    assert date_label("2023-W02") == "Week of 9 Jan 2023"
    assert date_label("2022-12") == "Dec 2022"
    assert date_label("2021-12-04/2021-12-17") == "4–17 Dec 2021"  # a range, by its ends
    assert date_label("2021-11-30/2021-12-02") == "30 Nov – 2 Dec 2021"
    assert date_label("2017-10/2019-06") == "Oct 2017 – Jun 2019"
    assert date_label("1994/1997") == "1994 – 1997"


def test_compose_timeline_lists_a_sentence_with_two_dates_once():
    text = ("Officials said on Monday that the ministers, who last met in Rome several months "
            "ago to settle the fishing dispute between the two countries, will meet again in "
            "Geneva on Friday to sign the joint statement on trade and the new quota rules.")
    items = (Item(text, (Span("a", 0, 1),), date="2023-01-09", at=text.index("Monday")),
             Item(text, (Span("a", 0, 1),), date="2023-01-13", at=text.index("Friday")))
    brief = compose(event(timeline=items), generated=dt.datetime(2026, 1, 1))
    assert [t.label for t in brief.timeline] == ["9 and 13 Jan 2023"]
    assert brief.timeline[0].text.startswith("Officials said on Monday")


def test_compose_context_leaves_out_sentences_the_timeline_shows():
    dated = Item("Talks opened in March.", (Span("a", 0, 1),), date="2023-03")
    background = Item("The dispute has lasted ten years.", (Span("a", 0, 1),))
    brief = compose(event(timeline=(dated,), context=(Item(dated.text, dated.sources), background)),
                    generated=dt.datetime(2026, 1, 1))
    assert [c.text for c in brief.context] == ["The dispute has lasted ten years."]


def test_compose_bottom_line_of_a_cancelled_event_gives_its_planned_day():
    brief = compose(event(status="cancelled"), generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[0].text == (
        "The planned Lee–Ruiz talks were cancelled; they had been set for Wednesday 11 January "
        "2023 in Geneva.")


def test_compose_a_meeting_planned_for_a_month_is_said_in_that_month():
    planned = event(status="cancelled", start=dt.date(2018, 9, 1), end=dt.date(2018, 9, 30))
    brief = compose(planned, generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[0].text == (
        "The planned Lee–Ruiz talks were cancelled; they had been set for September 2018 "
        "in Geneva.")
    held = compose(replace(planned, status="held"), generated=dt.datetime(2026, 1, 1))
    assert " in September 2018." in held.bottom_line[0].text
    assert brief.subtitle.startswith("Geneva - September 2018 - ")


def test_compose_whole_periods_are_months_and_years_only():
    assert whole_period(dt.date(2018, 2, 1), dt.date(2018, 2, 28)) == "February 2018"
    assert whole_period(dt.date(2018, 12, 1), dt.date(2018, 12, 31)) == "December 2018"
    assert whole_period(dt.date(2018, 1, 1), dt.date(2018, 12, 31)) == "2018"
    assert whole_period(dt.date(2018, 2, 1), dt.date(2018, 2, 27)) == ""
    assert whole_period(dt.date(2018, 2, 1), dt.date(2018, 3, 31)) == ""
    assert whole_period(dt.date(2018, 3, 1), dt.date(2019, 2, 28)) == ""


def test_compose_bottom_line_verb_follows_the_status():
    said = {status: compose(event(status=status, kind="meeting",
                                  title="Lee–Ruiz meeting in Geneva"),
                            generated=dt.datetime(2026, 1, 1)).bottom_line[0].text
            for status in ("held", "scheduled", "under way")}
    assert " met in Geneva on Wednesday" in said["held"]
    assert " are to meet in Geneva" in said["scheduled"]
    assert " are meeting in Geneva" in said["under way"]


def test_compose_bottom_line_topics_follow_the_status():
    topics = (Item("trade barriers", (Span("a", 0, 1), Span("b", 0, 1)), cue="discussed"),)
    said = {status: compose(event(status=status, agenda=topics),
                            generated=dt.datetime(2026, 1, 1)).bottom_line[-1].text
            for status in ("held", "scheduled", "under way", "cancelled")}
    assert said["held"] == "Topics discussed included trade barriers."
    assert said["scheduled"] == "Topics expected on the agenda include trade barriers."
    assert said["under way"] == "Topics under discussion include trade barriers."
    assert said["cancelled"] == "The agenda was to include trade barriers."  # not "include"


def test_compose_bottom_line_of_a_named_event_and_of_a_call():
    named = compose(event(title="NATO summit, Geneva", kind="summit", status="held"),
                    generated=dt.datetime(2026, 1, 1))
    assert named.bottom_line[0].text == (
        "The NATO summit took place in Geneva on Wednesday 11 January 2023.")
    call = compose(event(title="Lee–Ruiz phone call", kind="call", format="virtual",
                         location=None, status="held"), generated=dt.datetime(2026, 1, 1))
    assert call.bottom_line[0].text.endswith(" spoke by phone on Wednesday 11 January 2023.")


def test_compose_two_wordings_of_one_value_are_no_divergence():
    same = Discrepancy("role of Ann Lee", (Variant("Defense Secretary", (Span("a", 0, 1),)),
                                           Variant("Secretary of Defense", (Span("b", 0, 1),))))
    other = Discrepancy("location", (Variant("Geneva", (Span("a", 0, 1),)),
                                     Variant("Bern", (Span("b", 0, 1),))))
    brief = compose(event(discrepancies=(same, other)), generated=dt.datetime(2026, 1, 1))
    assert [d.about for d in brief.divergences] == ["Location"]
    assert brief.bottom_line[-1].text == "Reports differ on the location (see Points of divergence)."


def test_compose_one_known_participant_of_a_named_event_takes_part():
    lee = event().participants[:1]
    brief = compose(event(title="NATO summit, Geneva", kind="summit", participants=lee),
                    generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[1].text == (
        "Ann Lee (Foreign Minister, France) is expected to take part.")


def test_compose_bottom_line_names_the_owner_of_the_title_once():
    lee = Participant("Ann Lee", ("Lee",), "foreign minister", "FR", (Span("a", 0, 3),))
    brief = compose(event(title="Lee's summit in Geneva", kind="summit", participants=(lee,)),
                    generated=dt.datetime(2026, 1, 1))
    assert [line.text for line in brief.bottom_line][:2] == [
        "Ann Lee (Foreign Minister, France) is to hold a summit in Geneva on Wednesday "
        "11 January 2023.",
        "Topics expected on the agenda include trade barriers."]
    ruiz = event().participants[1]
    pair = compose(event(participants=(event().participants[0], replace(ruiz, role="envoy"))),
                   generated=dt.datetime(2026, 1, 1))
    assert "Juan Ruiz (Envoy, Spain)" in pair.bottom_line[0].text  # a role written in lower case


def test_compose_bottom_line_of_one_partys_talks_says_who_holds_them():
    lee = Participant("Ann Lee", ("Lee",), "foreign minister", "FR", (Span("a", 0, 3),))
    said = {(kind, status): compose(event(title=f"Lee's {kind} in Geneva", kind=kind,
                                          status=status, participants=(lee,)),
                                    generated=dt.datetime(2026, 1, 1)).bottom_line[0].text
            for kind in ("talks", "meeting") for status in ("held", "scheduled")}
    assert said["talks", "held"].startswith("Ann Lee (Foreign Minister, France) held talks in")
    assert said["talks", "scheduled"].startswith("Ann Lee (Foreign Minister, France) is to hold")
    assert said["meeting", "held"].startswith("Lee's meeting took place in Geneva")


def test_compose_bottom_line_names_only_topics_two_reports_or_a_direct_cue_give():
    one, two = (Span("a", 0, 1),), (Span("a", 0, 1), Span("b", 0, 1))
    topics = (Item("little more than new arms sales", one, cue="stance"),
              Item("its arsenal", one, cue="discussed"),
              Item("a denuclearization of the peninsula", two, cue="purpose"),
              Item("sanctions relief", one, cue="discussed"))
    brief = compose(event(agenda=topics), generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[1].text == ("Topics expected on the agenda include a "
                                         "denuclearization of the peninsula and sanctions relief.")
    weak = compose(event(agenda=topics[:1]), generated=dt.datetime(2026, 1, 1))
    assert not any("Topics" in line.text for line in weak.bottom_line)


def test_compose_bottom_line_of_news_of_no_occasion_says_who_reports_name_not_who_met():
    news = event(title="Tram derails in Geneva", kind="other", status="held")
    lines = [line.text for line in compose(news, generated=dt.datetime(2026, 1, 1)).bottom_line]
    assert lines == [
        "2 reports from Geneva on Wednesday 11 January 2023 name Ann Lee (Foreign Minister, "
        "France) and Juan Ruiz (Foreign Minister, Spain).",
        "Reports cover trade barriers."]
    alone = compose(replace(news, articles=news.articles[:1], participants=()),
                    generated=dt.datetime(2026, 1, 1)).bottom_line
    assert [line.text for line in alone] == [
        "1 report from Geneva on Wednesday 11 January 2023.", "The report covers trade barriers."]


def test_compose_bottom_line_of_an_occasion_a_headline_names_says_whom_it_names():
    story = article("a", "text a", dt.date(2023, 1, 11), title="Minister defends river law")
    quoted = Participant("Ann Lee", (), None, None, (Span("a", 0, 3),))
    unknown = event(title="Minister defends river law", kind="meeting", status="held",
                    articles=(story,), participants=(), mentioned=(quoted,), location=None,
                    agenda=())
    lines = [line.text for line in compose(unknown, generated=dt.datetime(2026, 1, 1)).bottom_line]
    assert lines == ["1 report on Wednesday 11 January 2023 names Ann Lee."]  # not "The
    # minister defends river law took place"


def test_compose_bottom_line_names_short_topics_first():
    topics = (Item("proposing a framework for a lasting peace deal between the two sides",
                   (Span("a", 0, 1),)), Item("border crossings", (Span("a", 2, 3),)))
    brief = compose(event(agenda=topics), generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[1].text.startswith(
        "Topics expected on the agenda include border crossings and proposing")


def test_compose_bottom_line_opens_with_a_capital_and_agrees_with_an_unstated_status():
    body = Participant("the London Stock Exchange", (), None, "GB", (Span("a", 0, 3),))
    other = Participant("Euronext", (), None, "FR", (Span("a", 0, 3),))
    brief = compose(event(participants=(body, other), status=None, kind="meeting",
                          title="London Stock Exchange–Euronext meeting",
                          agenda=(Item("lower fees", (Span("a", 5, 9), Span("b", 5, 9))),)),
                    generated=dt.datetime(2026, 1, 1))
    lines = [line.text for line in brief.bottom_line]
    assert lines[0].startswith("The London Stock Exchange (United Kingdom) and Euronext")
    assert lines[1].startswith("Topics discussed included lower fees")  # as the opening: held


def test_compose_a_name_that_states_its_country_is_not_told_it_again():
    from briefing.compose.words import described

    assert described(Participant("Chinese officials", (), None, "CN", ())) == "Chinese officials"
    assert described(Participant("Ann Lee", (), None, "CN", ())) == "Ann Lee (China)"


def test_compose_bottom_line_gives_a_body_the_article_its_reports_give_it():
    text = "Officials of the Zenith Exchange and of Acme met on Monday."
    report = article("a", text, dt.date(2023, 1, 11))
    zenith = Participant("Zenith Exchange", (), None, None, (Span("a", 17, 32),), body=True)
    acme = Participant("Acme", (), None, None, (Span("a", 40, 44),), body=True)
    brief = compose(event(articles=(report,), title="Zenith Exchange–Acme talks",
                          participants=(zenith, acme), status="held"),
                    generated=dt.datetime(2026, 1, 1))
    assert brief.bottom_line[0].text.startswith("The Zenith Exchange and Acme held talks")


def test_compose_country_names_are_the_short_ones_a_reader_writes():
    assert country_name("RU") == "Russia"  # not the standard's "Russian Federation"
    assert country_name("PS") == "Palestine"  # not "Palestine, State of"
    assert country_name("TW") == "Taiwan"
    assert country_name("BO") == "Bolivia"  # unlisted: the standard's common name
    assert country_name(None) == ""
