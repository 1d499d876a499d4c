"""Who's who in one article: names, titles, countries and participation, on short sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.types import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def people(model_nlp):
    from briefing.extract.people import extract_people

    def run(text: str) -> dict[str, tuple]:
        found = extract_people(model_nlp(text), Article("t", text))
        for m in found:
            assert text[m.span.start : m.span.end].startswith(m.name.split()[0])
        return {m.name: (m.role, m.country, m.participant) for m in found}

    return run


def test_extract_people_title_and_demonym_before_the_name(people):
    got = people("U.S. Secretary of State Antony Blinken will meet his counterparts on Monday.")
    assert got["Antony Blinken"] == ("Secretary of State", "US", True)


def test_extract_people_possessive_country_and_coordinated_titles(people):
    got = people("Japan's Foreign Minister Yoshimasa Hayashi and Defense Minister Yasukazu Hamada "
                 "will hold talks in Washington on Wednesday.")
    assert got["Yoshimasa Hayashi"] == ("Foreign Minister", "JP", True)
    assert got["Yasukazu Hamada"] == ("Defense Minister", "JP", True)


def test_extract_people_organisation_implies_country_and_speaker_is_not_participant(people):
    got = people("The ministers met in Tokyo on Monday. The talks went well, "
                 "Pentagon spokesperson Pat Ryder said on Tuesday.")
    assert got["Pat Ryder"] == ("spokesperson", "US", False)


def test_extract_people_apposition_gives_the_role(people):
    got = people("Officials met in Beijing on Monday. Wang Wenbin, the ministry's spokesperson, "
                 "told reporters that the talks were useful.")
    assert got["Wang Wenbin"][0] == "spokesperson"
    assert got["Wang Wenbin"][2] is False


def test_extract_people_plural_possessive_country_of_an_apposition(people):
    got = people("Officials met in Rome on Monday. Maria Santos, the United States' ambassador to "
                 "Italy, said the talks were useful.")
    assert got["Maria Santos"][:2] == ("ambassador to Italy", "US")


def test_extract_people_next_person_of_a_list_is_no_apposition(people):
    got = people("Smith is due to hold separate talks with Dupont, German Chancellor Angela "
                 "Merkel, and Danish Prime Minister Mette Frederiksen on Wednesday.")
    assert got["Dupont"][:2] == (None, None)
    assert got["Angela Merkel"][:2] == ("Chancellor", "DE")


def test_extract_people_title_before_comma(people):
    got = people("Secretary of State, Antony Blinken, and Secretary of Defense, Lloyd Austin "
                 "will represent the US at the meeting.")
    assert got["Lloyd Austin"] == ("Secretary of Defense", "US", True)
    assert got["Antony Blinken"][0] == "Secretary of State"


def test_extract_people_represented_by_gives_country(people):
    got = people("The two countries will co-host a meeting on Monday. Japan will be represented "
                 "by Foreign Minister Hayashi Yoshimasa at the meeting.")
    assert got["Hayashi Yoshimasa"] == ("Foreign Minister", "JP", True)


def test_extract_people_counterparts_give_country_without_role(people):
    got = people("The ministers will fly to Washington to join their US counterparts "
                 "Lloyd Austin and Antony Blinken for security talks.")
    assert got["Lloyd Austin"][1] == "US"
    assert got["Antony Blinken"][1] == "US"


def test_extract_people_other_event_is_not_participation(people):
    got = people("Japan and the United States will hold security talks on Wednesday. "
                 "Kishida said that his talks with Biden would strengthen the alliance. "
                 "Fernandez also traveled to Japan to participate in the Business Forum.")
    from briefing.extract.people import GROUP, ORGANISATION

    people_only = [part for role, _, part in got.values() if role not in (ORGANISATION, GROUP)]
    assert people_only and not any(people_only)


def test_extract_people_lead_organisation_is_an_actor(people):
    from briefing.extract.people import ORGANISATION

    got = people("The Taliban attacked the consulate in the northern city on Thursday night.")
    assert got["Taliban"] == (ORGANISATION, None, True)


def test_extract_people_misread_surname_is_still_a_person(people):
    got = people("Foreign Minister Yoshimasa Hayashi will attend the talks. "
                 "Hayashi said the alliance was strong.")
    assert "Hayashi" in got


def test_extract_people_background_leader_is_not_participant(people):
    got = people("The foreign ministers of both countries will meet on Wednesday. They will "
                 "discuss the security alliance and trade. On January 1, "
                 "North Korean leader "
                 "Kim Jong Un accused the United States of creating an alliance.")
    assert got["Kim Jong Un"] == ("leader", "KP", False)


def test_extract_people_conversation_with_a_person_is_taking_part(people):
    got = people("On Monday President Ann Smith spoke to Prime Minister Kenji Tanaka about trade. "
                 "Ms Smith also spoke to reporters.")
    assert got["Ann Smith"][2] and got["Kenji Tanaka"][2]


def test_extract_people_talks_held_with_a_list_share_the_holders_predicate(model_nlp):
    from briefing.extract.people import extract_people

    text = ("The summit opened in London on Tuesday. Later, Ann Smith is due to hold talks "
            "with Kenji Tanaka, Lena Ortiz and Bo Park.")
    found = {m.name: m for m in extract_people(model_nlp(text), Article("t", text))}
    frames = {found[n].frame for n in ("Ann Smith", "Kenji Tanaka", "Lena Ortiz", "Bo Park")}
    assert all(found[n].participant for n in ("Kenji Tanaka", "Lena Ortiz", "Bo Park"))
    assert len(frames) == 1 and None not in frames


def test_extract_people_title_of_someone_else_before_a_preposition(people):
    got = people("The minister left for Riyadh to meet the Saudi king on Ann Smith's orders.")
    assert got["Ann Smith"][:2] == (None, None)


def test_extract_people_negated_participation_is_no_participation(people):
    got = people("President Smith will sign the accord in Geneva on Monday. Prime Minister "
                 "Jones will not attend the ceremony, officials said.")
    assert got["Smith"][2] is True and got["Jones"][2] is False


def test_extract_people_speaker_of_his_own_part_takes_part(people):
    got = people("President Smith said Tuesday he will meet Prime Minister Jones in Geneva.")
    assert got["Smith"][2] is True and got["Jones"][2] is True


def test_extract_people_hyphenated_title_is_one_title(people):
    got = people("NATO Secretary-General Jens Stoltenberg met the leaders in London on Tuesday.")
    assert got["Jens Stoltenberg"][0] == "Secretary-General"


def test_extract_people_agent_of_the_headlines_event_noun_takes_part(model_nlp):
    from briefing.extract.people import extract_people

    text = ("The army closed several roads near the border on Friday morning. Sirens sounded "
            "during a trip to the region by the Egyptian prime minister, Omar Hadi, a visit "
            "that surprised many.")
    found = extract_people(model_nlp(text), Article("t", text, title="Egypt's Premier Visits"))
    assert next(m for m in found if m.name == "Omar Hadi").participant


def test_extract_people_possessor_of_the_leads_visit_takes_part(people):
    got = people("The visit is expected to last about three hours, officials said on Friday. "
                 "Heavy shelling during Mr. Hadi's visit would embarrass the government.")
    assert got["Hadi"][2] is True


def test_extract_people_visit_beside_the_leads_talks_is_another_event(people):
    got = people("The two ministers will hold security talks in Washington on Monday. "
                 "The talks come ahead of Prime Minister Omar Hadi's visit on Friday.")
    assert got["Omar Hadi"][2] is False


def test_extract_people_subject_holding_talks_with_someone_takes_part(people):
    got = people("The alliance's leaders gathered on Tuesday to mark the anniversary. "
                 "The gathering was overshadowed by a row over spending on defence. "
                 "Omar Hadi is due to hold separate talks with Karl Jensen on the sidelines.")
    assert got["Omar Hadi"][2] is True
    assert got["Karl Jensen"][2] is True


def test_extract_people_elect_belongs_to_the_title(people):
    got = people("The call between President-elect Donald Trump and the leader lasted ten "
                 "minutes on Friday.")
    assert got["Donald Trump"][0] == "President-elect"


def test_extract_people_country_words_are_no_part_of_a_name():
    import spacy
    from spacy.tokens import Doc, Span

    from briefing.extract.people import extract_people

    nlp = spacy.blank("en")
    words = ["Saudi", "Arabian", "King", "Salman", "spoke", "on", "Monday", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * 7)
    doc.ents = [Span(doc, 1, 4, label="PERSON")]
    (king,) = [m for m in extract_people(doc, Article("t", doc.text)) if m.tag == "PERSON"]
    assert king.name == "Salman"


def test_extract_people_given_name_left_out_by_the_model_after_a_title():
    import spacy
    from spacy.tokens import Doc, Span

    from briefing.extract.people import extract_people

    nlp = spacy.blank("en")
    words = ["NATO", "Secretary", "General", "Anders", "Fogh", "Rasmussen", "said", "so", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * 8,
              pos=["PROPN"] * 6 + ["VERB", "ADV", "PUNCT"])
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    (chief,) = [m for m in extract_people(doc, Article("t", doc.text)) if m.tag == "PERSON"]
    assert (chief.name, chief.role) == ("Anders Fogh Rasmussen", "Secretary General")


def test_extract_people_name_inside_a_leads_quotation_is_not_its_subject(people):
    got = people("Fighting went on along the border on Thursday as the envoys gathered. "
                 "“President Ann Smith is committed to the peace treaty,” an official said "
                 "on Friday.")
    assert got["Ann Smith"][2] is False


def test_extract_people_tour_with_someone_is_taking_part(model_nlp):
    from briefing.extract.people import extract_people

    text = ("Prime Minister Hesham Kandil of Egypt arrived in the city on Friday. Kandil got "
            "a look at the damage while on a tour with Prime Minister Kenji Tanaka.")
    found = extract_people(model_nlp(text), Article("t", text, title="Egypt's Premier Visits"))
    assert any(m.name == "Kenji Tanaka" and m.participant for m in found)


def _actors_taking_part(model_nlp, text: str) -> list[str]:
    from briefing.extract.people import extract_people

    return [m.name for m in extract_people(model_nlp(text), Article("t", text))
            if m.participant and m.tag != "PERSON"]


def test_extract_people_unnamed_source_of_the_lead_is_no_actor(model_nlp):
    text = ("Fighting went on along the border on Thursday as envoys gathered in the city. "
            "An official said the talks would resume on Friday.")
    assert not any("official" in n for n in _actors_taking_part(model_nlp, text))


def test_extract_people_source_joined_to_the_leads_verb_is_no_subject(model_nlp):
    text = ("The visit is expected to last about three hours, and an official in the prime "
            "minister's office said by telephone that the border would stay open.")
    assert not any("official" in n for n in _actors_taking_part(model_nlp, text))


def test_extract_people_meeting_their_own_counterparts_is_another_meeting(people):
    got = people("President Ann Smith cancelled her summit with President Kenji Tanaka on "
                 "Wednesday. The two leaders had planned to meet in the capital. A spokesman "
                 "said cooperation remains a priority. He said Defense Secretary Bob Jones and "
                 "Secretary of State Carl White will meet with their counterparts on Friday.")
    assert got["Bob Jones"][2] is False and got["Carl White"][2] is False


def test_extract_people_conjunction_after_a_comma_starts_the_next_apposition(people):
    got = people("Smith held talks with his Ruritanian counterpart, Karl Brenner, and the "
                 "Palestinian leader, Rufus Firefly, on Monday.")
    assert got["Karl Brenner"][0] is None  # not "and the Freedonian leader"
    assert got["Rufus Firefly"][0] == "leader"


def test_extract_people_counterpart_before_a_comma_gives_the_country(people):
    got = people("Smith met his French counterpart, Claire Dubois, in Lyon on Monday.")
    assert got["Claire Dubois"][:2] == (None, "FR")


def test_extract_people_adverb_opening_the_sentence_is_no_part_of_the_title(people):
    got = people("The ministers met on Monday. Earlier Foreign Secretary Tom Baxter said the "
                 "rebate was justified.")
    assert got["Tom Baxter"][0] == "Foreign Secretary"


def test_extract_people_name_after_an_honorific_is_a_person_not_a_place(model_nlp):
    from briefing.extract.entities import name_after_honorific
    from briefing.knowledge.lexicon import lexicon

    doc = model_nlp("Within hours of his final talks with Mr Thorpe, Sir Edward resigned.")
    labels = {e.text: e.label_ for e in name_after_honorific(doc, lexicon().honorifics).ents}
    assert labels.get("Thorpe") == "PERSON"


def test_extract_people_title_after_a_preposition_is_the_names_own(people):
    got = people("The talks were useful, Ivan Petrov, spokesman for Russian President Boris "
                 "Orlov, said on Monday. Ambassador to the United Nations Nikki Haley agreed. "
                 "Counselor to the President Kellyanne Conway agreed.")
    assert got["Boris Orlov"][:2] == ("President", "RU")
    assert got["Nikki Haley"][0] == "Ambassador to the United Nations"
    assert got["Kellyanne Conway"][0] == "Counselor to the President"


def test_extract_people_crown_is_a_word_of_the_title_not_of_the_name(people):
    got = people("Obama met Crown Prince Mohammed bin Nayef at Camp David on Thursday.")
    assert "Crown Prince Mohammed bin Nayef" not in got
    assert got["Mohammed bin Nayef"][0] == "Crown Prince"


def test_extract_people_country_said_after_a_titled_name(people):
    got = people("To ease the crisis, President Mohamed Morsi of Egypt sent his prime minister "
                 "to Gaza on Friday.")
    assert got["Mohamed Morsi"][:2] == ("President", "EG")


def test_extract_people_title_of_an_organisation_does_not_inherit_the_list_country(people):
    got = people("German Chancellor Gerhard Schroeder and European Commission President Jose "
                 "Manuel Barroso will attend the meeting on Friday.")
    assert got["Gerhard Schroeder"][1] == "DE"
    assert got["Jose Manuel Barroso"][1] != "DE"


def test_extract_people_shadow_is_a_word_of_the_title(people):
    got = people("The ministers met on Monday. Conservative shadow foreign secretary Michael "
                 "Ancram said the talks had failed.")
    assert got["Michael Ancram"][0].lower().endswith("shadow foreign secretary")


def test_extract_people_name_after_an_honorific_inside_the_span(model_nlp):
    from briefing.extract.people import _strip
    from briefing.knowledge.lexicon import lexicon

    doc = model_nlp("In a speech to the Foreign Policy Centre Mr Straw said it. Alan Milburn - the "
                    "man in charge - agreed.")
    centre = [t.i for t in doc if t.text == "Policy"][0]
    a, b = _strip(doc, centre, centre + 4, lexicon())
    assert doc[a:b].text == "Straw"
    milburn = [t.i for t in doc if t.text == "Alan"][0]
    a, b = _strip(doc, milburn, milburn + 4, lexicon())
    assert doc[a:b].text == "Alan Milburn"


def test_extract_people_a_counterpart_the_text_names_is_no_meeting_of_ones_own(model_nlp):
    from briefing.extract.people_participation import _own_counterparts
    from briefing.knowledge.lexicon import lexicon

    def meet(text):
        return next(t for t in model_nlp(text) if t.lemma_ == "meet")

    lex = lexicon()
    assert _own_counterparts(meet("Envoy Karl Brenner is due to meet his counterparts on Friday."),
                             lex)
    assert not _own_counterparts(meet("Acme chief Jean Dupont is scheduled to meet his Zenith "
                                      "counterpart Clara Jones on Friday."), lex)


def reading(nlp, text: str, status: str | None = None) -> dict[str, bool]:
    """Return who takes part, read from a whole report of Monday 4 March 2024; with `status`,
    check first that the report's event is read as that."""
    from briefing.extract import article_facts
    from tests.conftest import article

    facts = article_facts(nlp(text), article("a", text, dt.date(2024, 3, 4)))
    assert status is None or facts.event_status == status
    return {m.name: m.participant for m in facts.people}


def test_extract_people_a_progressive_meeting_contradicts_no_scheduled_event(model_nlp):
    text = ("The bosses of the two exchanges are to meet amid talk of a bid. Acme chief Werner "
            "Smith is meeting Anna Jones on Thursday, in the third meeting between the two "
            "exchanges.")
    taking_part = reading(model_nlp, text, "scheduled")
    assert taking_part["Werner Smith"] and taking_part["Anna Jones"]


def test_extract_people_among_those_attending_take_part(model_nlp):
    text = ("The summit of world leaders opened in Rome on Monday. Talks will run for three "
            "days. Protesters gathered outside the venue. Prime Minister Karl Brenner and "
            "President Rufus Firefly are among the 20 leaders attending the summit.")
    taking_part = reading(model_nlp, text)
    assert taking_part["Karl Brenner"] and taking_part["Rufus Firefly"]


def test_extract_people_a_party_to_a_wished_for_summit_is_only_mentioned(model_nlp):
    text = ("President Ann Lee met Prime Minister Karl Brenner on Saturday in the capital. "
            "The talks lasted two hours. Officials said the leaders discussed trade. "
            "In a statement released Sunday, Brenner expressed his firm will to hold a summit "
            "with President Rufus Firefly, the agency said.")
    taking_part = reading(model_nlp, text, "held")
    assert taking_part["Karl Brenner"] and not taking_part["Rufus Firefly"]


def test_extract_people_one_sent_off_to_meet_someone_later_is_only_mentioned(model_nlp):
    text = ("President Ann Lee spoke with King Omar by phone on Monday about the crisis. "
            "The call lasted an hour. Aides said it was cordial. Foreign Minister Karl Brenner "
            "left the capital for the king's palace at midday to meet with the king.")
    taking_part = reading(model_nlp, text, "held")
    assert taking_part["Ann Lee"] and not taking_part["Karl Brenner"]


def test_extract_people_a_meeting_on_a_gatherings_sidelines_puts_its_parties_there(model_nlp):
    from briefing.extract.people import extract_people

    text = ("The alliance's leaders gathered in London on Tuesday. President Ann Smith met "
            "with Prime Minister Kenji Tanaka on the sidelines of the summit. Later, President "
            "Lena Ortiz met with Prime Minister Bo Park in Madrid.")
    found = {m.name: m for m in extract_people(model_nlp(text), Article("t", text))}
    assert found["Ann Smith"].at_gathering and found["Kenji Tanaka"].at_gathering
    assert found["Bo Park"].participant and not found["Bo Park"].at_gathering


def test_extract_people_a_name_its_sentence_calls_a_place_is_no_person(people, model_nlp):
    # the model tags "Khan Yunis" a person; "the town of" says place
    text = "The strike hit the southern town of Khan Yunis on Friday, said Ann Smith."
    assert [e.text for e in model_nlp(text).ents if e.label_ == "PERSON"][0] == "Khan Yunis"
    assert set(people(text)) == {"Ann Smith"}
    # a title's "of" is no place's: the name after "the City of London" is a person's
    found = people("The Lord Mayor of the City of London Andrew Parmley waves from his carriage.")
    assert "Andrew Parmley" in found


def test_extract_people_a_speaker_in_a_meeting_with_a_side_takes_part(people):
    text = ("Egyptian Prime Minister Hesham Qandil visited Gaza on Friday. Mr. Haniya, the Hamas "
            "prime minister, said in a meeting with his Egyptian counterpart that an era was "
            "over. Ann Smith said in a meeting with reporters that the visit went well.")
    found = people(text)
    assert found["Haniya"][2] and found["Hesham Qandil"][2]
    assert not found["Ann Smith"][2]  # an audience is no side


def test_extract_people_a_recurring_surname_the_model_missed_is_a_person(people, model_nlp):
    text = ("Leaders met at the NATO summit in Watford on Wednesday. Greece’s new prime "
            "minister, Kyriakos Mitsotakis, says differences with Turkey will continue to "
            "exist. Mitsotakis said he had “open talks” with Turkish President Recep Tayyip "
            "Erdogan on the sidelines of the NATO summit.")
    assert "Mitsotakis" not in {e.text for e in model_nlp(text).ents}  # the model misses it
    found = people(text)
    assert found["Mitsotakis"][2] and found["Recep Tayyip Erdogan"][2]
    # a name right after a country word (a section label run on) is left alone
    assert "Trump" not in people("Donald Trump flew to Tokyo. Japan Trump warns of threats.")


def test_extract_people_a_legislators_of_names_a_constituency_not_a_country(people):
    assert people("Rep. Doug Collins of Georgia demanded a hearing.")["Doug Collins"][1] is None
    assert people("President Mohamed Morsi of Egypt met the envoy.")["Mohamed Morsi"][1] == "EG"


def test_extract_people_a_given_name_written_last_is_no_recurring_surname(people):
    text = ("Donald Trump met Chinese President Xi Jinping in Beijing on Thursday. Xi said "
            "trade would grow. Read more China Xi Jinping rolls out the red carpet for Trump.")
    assert "Jinping" not in people(text)  # the article uses "Xi" alone: the family name


def test_extract_people_a_word_in_capitals_before_a_name_is_no_part_of_it():
    import spacy
    from spacy.tokens import Doc, Span

    from briefing.extract.people import extract_people

    def name(words: list[str], start: int, end: int) -> str:
        doc = Doc(spacy.blank("en").vocab, words=words,
                  sent_starts=[True] + [False] * (len(words) - 1))
        doc.ents = [Span(doc, start, end, label="PERSON")]
        (m,) = [m for m in extract_people(doc, Article("t", doc.text)) if m.tag == "PERSON"]
        return m.name

    assert name(["It", "rained", ".", "AGENCY", "Jane", "Roe", "waved", "."], 3, 6) == "Jane Roe"
    assert name(["JANE", "ROE", "waved", "."], 0, 2) == "JANE ROE"  # capitals throughout
    assert name(["JFK", "Jr", "waved", "."], 0, 2) == "JFK Jr"  # initials before a suffix


def test_extract_people_a_title_the_clause_before_the_comma_holds_is_someone_elses(people):
    got = people("He begins his second term as US President, Tony Roe has said.")
    assert got["Tony Roe"][:2] == (None, None)
    got = people("The talks were led by Japan's Foreign Minister, Ken Sato.")
    assert got["Ken Sato"][:2] == ("Foreign Minister", "JP")  # an apposition: his


def test_extract_people_a_verb_opening_the_sentence_is_no_part_of_a_title(people):
    got = people("Echoing the new US Secretary of State Ann Lee, the envoy said so. "
                 "Retired Air Force Gen. Tom Hale agreed.")
    assert got["Ann Lee"][:2] == ("Secretary of State", "US")
    assert got["Tom Hale"][0] == "Retired Air Force Gen."


def test_extract_people_a_rank_written_without_a_full_stop_is_a_title(people):
    got = people("Gen Tariq Aziz met the envoy in London on Monday.")
    assert got["Tariq Aziz"][0] == "Gen"


def test_extract_people_one_party_leader_by_title_is_no_organisation(model_nlp):
    from briefing.extract.people import extract_people

    text = "The Liberal Democrat leader spoke at a temple on Sunday."
    found = extract_people(model_nlp(text), Article("t", text))
    assert not any("leader" in m.name for m in found)


def test_extract_people_an_abbreviations_full_stop_does_not_end_an_apposition(people):
    got = people("The talks went well. Ken Hale, head of U.S. Central Command, said so.")
    assert got["Ken Hale"][0] == "head of U.S. Central Command"


def test_extract_people_a_spaced_dash_ends_an_apposition(people):
    got = people("Ken Hale, president of the U.S. Chamber of Commerce -- The heavy hitters came.")
    assert got["Ken Hale"][0] == "president of the U.S. Chamber of Commerce"
