"""The extract stage on short hand-written articles."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract import agenda, agenda_phrase, event, quotes, statements

pytestmark = pytest.mark.model


def test_extract_agenda_splits_coordinated_items(model_nlp):
    doc = model_nlp("The ministers will discuss expanding trade and tackling climate change.")
    items = [s.text for s in agenda.agenda(doc, "a")]
    assert items == ["expanding trade", "tackling climate change"]


AGENDA_CASES = {  # the rule: (the text, the topics read from it, in order)
    "drops_attribution_and_keeps_topic_after_preposition": (
        'The talks will focus on fishing rights, according to the ministry.',
        ['fishing rights']),
    "comma_list_of_noun_phrases_splits": (
        'The envoys will discuss tariffs on steel, the reopening of the border '
        'crossings and the release of detained fishermen.',
        [
            'tariffs on steel',
            'the reopening of the border crossings',
            'the release of detained fishermen',
        ]),
    "relation_between_two_parties_stays_one_item": (
        'The leaders will discuss relations between China and the US.',
        ['relations between China and the US']),
    "from_talk_nouns_and_what_is_put_on_the_agenda": (
        'Johnson will host talks on Syria. Trade was on the agenda. Cybersecurity was '
        'at the heart of the discussions.',
        ['Syria', 'Trade', 'cybersecurity']),
    "general_word_gives_way_to_its_examples": (
        'They made no progress on issues such as missile defense and arms control.',
        ['missile defense', 'arms control']),
    "what_is_agreed_and_the_purpose_of_a_call": (
        'The two sides agreed to create a working group. Obama called Netanyahu to '
        'congratulate him on his election victory.',
        ['creating a working group', 'congratulating him on his election victory']),
    "listed_fronted_and_after_a_colon": (
        'Other issues include the Syrian civil war. On Ukraine, the minister said the '
        'sanctions would stay. The leaders did agree on one thing: the danger of rising '
        'inequality.',
        ['the Syrian civil war', 'Ukraine', 'the danger of rising inequality']),
    "stance_on_a_party_keeps_the_issue_not_the_party": (
        'President Trump blasted Prime Minister Turnbull over a refugee agreement.',
        ['a refugee agreement']),
    "purpose_of_the_meeting_itself": (
        'The summit is intended to reassure nervous Gulf allies.',
        ['reassuring nervous Gulf allies']),
    "commitments_are_listed_as_actions": (
        'Trump announced that the United States would end joint military exercises. Kim '
        'did not agree to give up his weapons. The envoy, who promised humanitarian '
        'support for Gaza, left.',
        ['ending joint military exercises', 'humanitarian support for Gaza']),
    "issue_nouns_and_general_words_with_a_field": (
        'They sought solutions to the crises in Syria and Yemen. Obama noted deep '
        'differences between the two nations on Ukraine. They discussed cybersecurity '
        'issues and a separate meeting.',
        ['the crises in Syria', 'the crises in Yemen', 'Ukraine', 'cybersecurity issues']),
    "open_questions_and_existential_disagreements": (
        'The borders of a future state remain unresolved. There were still profound '
        'disagreements over recent events in Syria.',
        ['the borders of a future state', 'recent events in Syria']),
    "orders_obstacles_and_what_is_joined": (
        'He had ordered the agencies to step up protection for migrants. Castro called '
        'it the main obstacle to normalizing relations. They announced they would join '
        'the Paris climate agreement.',
        [
            'stepping up protection for migrants',
            'normalizing relations',
            'joining the Paris climate agreement',
        ]),
    "what_a_participant_aims_to_do": (
        'The leaders strive to reduce tariff barriers. He is negotiating tariffs and '
        'barriers. He wanted to see a movie.',
        ['reducing tariff barriers', 'tariffs', 'barriers']),
    "a_readiness_to_act_is_the_action": (
        'Russia expressed a willingness to return to the deconfliction agreement.',
        ['returning to the deconfliction agreement']),
    "a_name_raised_is_a_topic_a_name_pressed_is_a_party": (
        'It is normal for them to raise Guantanamo. He urged China to act.',
        ['Guantanamo']),
    "bare_head_with_only_a_determiner_is_no_topic": (
        'The leaders discussed our relationship. They discussed the planned signing. '
        "They discussed the alliance. They discussed the alliance's future priorities. "
        "They discussed Khashoggi's disappearance.",
        ["the alliance's future priorities", "Khashoggi's disappearance"]),
    "keeps_a_quotation_whole": (
        'They discussed the "security guarantees."',
        ['the "security guarantees"']),
    "drops_moves_of_the_meeting_journeys_and_acts_on_people": (
        'Obama decided against canceling the talks. He agreed to dispatch Pompeo to '
        'Riyadh. He decided against going to Sweden. Qandil agreed to lead a delegation '
        'to Gaza. Kim agreed to engage in follow-up nuclear talks. She promised to '
        'consult closely on the path.',
        ['engaging in follow-up nuclear talks', 'consulting closely on the path']),
    "quoted_topic_loses_its_speaker": (
        'They discussed our very large trade deal. He discussed the trust between Kim '
        'and me.',
        ['the very large trade deal']),
    "a_noun_of_a_relation_needs_what_it_is_about": (
        'They discussed accusations. They discussed a firm commitment. They discussed '
        'Russian relations. They discussed nuclear commitments. They discussed '
        'normalizing relations.',
        ['Russian relations', 'nuclear commitments', 'normalizing relations']),
    "when_a_topic_comes_up_is_no_part_of_it": (
        'They discussed a trade deal with China on Jan. 15.',
        ['a trade deal with China']),
}


AGENDA_CASES |= {
    "what_is_exchanged_is_no_topic_what_views_are_on_is": (
        'The two leaders exchanged a war of words last summer. The ministers exchanged views '
        'on the situation in the region.',
        ['the situation in the region']),
    "what_onlookers_cover_is_no_topic": (
        'Foreign reporters are often prevented from covering sensitive stories. Analysts '
        'debated the sanctions. The leaders will cover trade.',
        ['trade']),
    "a_participle_clause_set_off_by_a_comma_is_cut": (
        'They discussed the refugee deal, reached under the Obama administration.',
        ['the refugee deal']),
    "a_light_verb_gives_way_to_its_object": (
        'Tsai called Trump to wish him congratulations on winning the presidency. Obama '
        'called Netanyahu to express support for a two-state solution.',
        ['congratulations on winning the presidency', 'support for a two-state solution']),
    "a_comparative_quantity_gives_way_to_what_it_measures": (
        'The summit offered little more than new arms sales.',
        ['new arms sales']),
    "a_hyphenated_word_stays_whole_and_what_someone_is_said_to_be_is_no_topic": (
        'Macron used a joint press conference with Putin to condemn Russian state-owned media '
        'for being "bodies of false propaganda" in French elections.',
        ['Russian state-owned media']),
    "a_question_no_party_raises_is_no_topic": (
        'It has prompted questions over whether Trump intends a shift in US policy. Obama '
        'raised concerns about human rights.',
        ['human rights']),
    "a_word_that_opened_its_sentence_is_lowered": (
        'Border security was on the agenda.',
        ['border security']),
    "a_word_that_opened_a_quoted_sentence_is_lowered": (
        '"Border security is a serious issue," Trump said.',
        ['border security']),
    "an_owner_parsed_as_an_object_keeps_what_it_owns": (
        'The summit is intended to reassure America’s nervous Arab partners that the emerging '
        'nuclear deal with Iran does not mean the United States is abandoning them.',
        ['reassuring America’s nervous Arab partners']),
    "a_second_to_complement_hung_on_the_agreeing_verb_is_agreed_too": (
        'North Korea agreed to engage in follow-up nuclear talks with top U.S. officials “at '
        'the earliest possible date,” and to recover and repatriate the remains of U.S. '
        'soldiers.',
        ['engaging in follow-up nuclear talks with top U.S. officials',
         'recovering and repatriating the remains of U.S. soldiers']),
}


def test_extract_agenda_a_list_for_someone_names_whom_its_meeting_is_with(model_nlp):
    from briefing.extract.agenda import agenda

    text = ("Mr. Tillerson said other possible topics for Mr. Putin include finding a solution "
            "to the war in Syria. Topics for the summit include trade.")
    found = [(s.text, s.actor) for s in agenda(model_nlp(text), "a")]
    assert found == [("the war in Syria", "Putin"), ("trade", None)]


def test_extract_agenda_the_two_leaders_are_the_two_named_before(model_nlp):
    from briefing.extract.agenda import agenda

    text = ("King Salman spoke with President Erdogan by phone on Sunday. The two leaders "
            "agreed on a joint working group.")
    (item,) = agenda(model_nlp(text), "a")
    assert item.text == "a joint working group"
    assert [n.split()[-1] for n in item.actor.split("; ")] == ["Salman", "Erdogan"]
    text = "The envoys met on Sunday. The two leaders agreed on a joint working group."
    assert [s.actor for s in agenda(model_nlp(text), "a")] == [None]  # nobody named before


def test_extract_agenda_items_carry_their_cue(model_nlp):
    doc = model_nlp("The two sides agreed to create a working group. Obama pressed Xi on cyber "
                    "theft. The summit is intended to reassure nervous allies. They discussed "
                    "trade. Trump announced an end to joint military exercises.")
    assert [(s.text, s.cue) for s in agenda.agenda(doc, "a")] == [
        ("creating a working group", "agreed"), ("cyber theft", "stance"),
        ("reassuring nervous allies", "purpose"), ("trade", "discussed"),
        ("an end to joint military exercises", "stance")]


def test_extract_agenda_action_whose_object_the_parse_hung_outside_is_dropped(model_nlp):
    doc = model_nlp("“The United States is prepared to explore the possibility of establishing "
                    "with Russia joint mechanisms for ensuring stability, including no-fly zones, "
                    "on the ground cease-fire observers, and coordinated delivery of "
                    "humanitarian assistance,” Tillerson said.")
    items = [s.text for s in agenda.agenda(doc, "a")]
    assert "no-fly zones" in items
    assert not any(i.startswith("establishing") and "mechanisms" not in i for i in items)


AGENDA_CASES |= {
    "what_was_not_discussed_is_no_topic": (
        'The leaders did not discuss trade. Exchange rates had not been on the agenda. They '
        'discussed border security.',
        ['border security']),
    "the_measure_an_adjective_needs_stays": (
        'Southcorp has rejected a takeover offer worth 3.1bn Australian dollars.',
        ['a takeover offer worth 3.1bn Australian dollars']),
    "an_amount_alone_is_a_figure_not_a_topic": (
        'The exchange is ready to raise £1.4bn to fund a bid. They discussed a £2bn aid '
        'package.',
        ['a £2bn aid package']),
    "a_measure_of_something_gives_way_to_it_and_of_a_pointer_is_no_topic": (
        'The leaders agreed on the urgency of the problem. They discussed the gravity of the '
        'situation in the delta.',
        ['the situation in the delta']),
    "what_others_than_the_parties_sign_is_not_agreed_at_the_meeting": (
        'Private companies signed nonbinding deals on Thursday. The two sides signed a '
        'fisheries agreement.',
        ['a fisheries agreement']),
    "a_phrase_the_parse_ends_inside_a_hyphenated_word_is_no_topic": (
        'The envoy expected the conference to discuss "a comprehensive, co-ordinated and, '
        'above all, practical work plan for both the authority and its donors".',
        []),
    "people_lined_up_for_a_review_are_a_ceremony_not_a_topic": (
        'The president reviewed rows of troops and an honor guard. The ministers reviewed '
        'troop levels.',
        ['troop levels']),
    "policy_names_no_field_of_a_general_word": (
        'They discussed policy issues and energy policy.',
        ['energy policy']),
    "where_a_sides_own_path_leads_is_no_topic": (
        "The ministers want an accord that blocks Ruritania's path to a nuclear weapon. They "
        "discussed the road to peace.",
        ['the road to peace']),
}


def test_extract_agenda_the_person_discussing_is_the_items_side(model_nlp):
    doc = model_nlp("Steven Roe also dined with the king, discussing arts and history. "
                    "They discussed trade.")
    assert [(s.text, s.actor) for s in agenda.agenda(doc, "a")] == [
        ("arts", "Steven Roe"), ("history", "Steven Roe"), ("trade", None)]


@pytest.mark.parametrize("rule", sorted(AGENDA_CASES))
def test_extract_agenda_reads_the_topics(model_nlp, rule):
    text, topics = AGENDA_CASES[rule]
    assert [s.text for s in agenda.agenda(model_nlp(text), "a")] == topics


def test_extract_agenda_ignores_where_something_is_discussed(model_nlp):
    doc = model_nlp("The plans were discussed at the meeting in Oslo.")
    assert agenda.agenda(doc, "a") == []


def test_extract_agenda_spans_point_at_the_sentence(model_nlp):
    text = "Rain fell. The envoys will discuss border crossings."
    item = agenda.agenda(model_nlp(text), "a")[0]
    assert text[item.span.start:item.span.end] == "The envoys will discuss border crossings."


def test_extract_quotes_attribute_speaker_and_pronoun(model_nlp):
    text = ('Maria Lopez arrived on Monday. "We are ready to sign the accord today," she said. '
            '"Nothing is agreed until everything is agreed," Pedro Alves told reporters.')
    found = quotes.quotes(model_nlp(text), "a")
    assert [(q.speaker, q.text[:10]) for q in found] == [("Maria Lopez", "We are rea"),
                                                         ("Pedro Alves", "Nothing is")]


def test_extract_event_format_virtual_beats_a_single_in_person_mention(model_nlp):
    doc = model_nlp("The ministers held a virtual meeting. They had planned to meet in person, "
                    "but the talks moved online.")
    assert event.meeting_format(doc, None) == "virtual"


def test_extract_event_format_in_person_from_a_venue(model_nlp):
    doc = model_nlp("The two leaders will meet in Geneva on Tuesday.")
    sents = event.event_sentences(doc)
    assert event.main_place(sents) == "Geneva"
    assert event.meeting_format(doc, "Geneva") == "in-person"


def test_extract_event_place_is_not_where_someone_travelled(model_nlp):
    doc = model_nlp("The envoy had also travelled to Seoul to attend the forum.")
    assert event.main_place(list(doc.sents)) is None
    assert event.main_place(list(model_nlp("The forum opened in Seoul.").sents)) == "Seoul"
    owner = model_nlp("Details were agreed at a meeting at Mr Kilroy-Silk's Buckinghamshire home.")
    assert event.main_place(list(owner.sents)) is None


def test_extract_places_of_an_article_drop_a_possessive(model_nlp):
    from briefing.extract.article import place_name

    doc = model_nlp("South Africa's biggest retail bank is in talks with a UK bank.")
    names = [place_name(e) for e in doc.ents if e.label_ == "GPE"]
    assert "South Africa" in names and "South Africa's" not in names


def test_extract_event_place_of_news_that_is_no_meeting_comes_from_the_lead(model_nlp):
    from briefing.extract import article_facts
    from tests.conftest import article

    text = "Protesters marched in Portland on Friday night. Police arrested twelve people."
    doc = model_nlp(text)
    assert not event.event_sentences(doc)  # no meeting, no event word
    facts = article_facts(doc, article("a", text))
    assert (facts.event_place, facts.lead_place) == (None, "Portland")
    dated = article("b", text, dateline_place="London")
    assert article_facts(doc, dated).event_place == "London"


def test_extract_a_word_the_model_tags_a_place_without_a_capital_is_none(model_nlp):
    from spacy.tokens import Span

    from briefing.extract import article_facts
    from tests.conftest import article

    text = "Students do n't learn in Portland on Friday night."
    doc = model_nlp(text)
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 5, 6, label="GPE")]  # "n't", Portland
    facts = article_facts(doc, article("a", text))
    assert facts.places == ("Portland",)
    assert facts.lead_place == "Portland"


def test_extract_people_an_argument_of_another_event_is_only_mentioned(model_nlp):
    from briefing.extract import article_facts
    from briefing.extract.people import extract_people
    from tests.conftest import article

    text = ("South Korean President Moon Jae-in met North Korean leader Kim Jong Un on Saturday "
            "at the border village of Panmunjom. Kim reaffirmed his commitment to a planned "
            "summit with President Donald Trump next month.")
    doc, report = model_nlp(text), article("a", text)
    told = {m.name: m.participant for m in extract_people(doc, report)}
    assert told["Donald Trump"]  # the planned summit's argument, read alone
    facts = article_facts(doc, report)
    assert facts.event_status == "held"
    taking_part = {m.name: m.participant for m in facts.people}
    assert taking_part["Kim Jong Un"] and not taking_part["Donald Trump"]


def test_extract_people_a_predicate_keeps_its_own_dates(model_nlp):
    import datetime as dt

    from briefing.extract import article_facts
    from tests.conftest import article

    text = ("South Korean President Moon Jae-in met North Korean leader Kim Jong Un on Saturday "
            "at the border village of Panmunjom. Moon met President Donald Trump in Washington "
            "on Tuesday night to keep the summit on track. Moon held the talks in 2018.")
    facts = article_facts(model_nlp(text), article("a", text, dt.date(2018, 5, 27)))
    values = {t.start: t.value for t in facts.timexes}
    dates = {m.name: [values[at] for at in m.frame_dates] for m in facts.people
             if m.participant}
    assert dates["Kim Jong Un"] == ["2018-05-26"]
    assert dates["Donald Trump"] == ["2018-05-22TNI"]  # a time of day dates its day too


def test_extract_event_name_from_capitalised_words_the_model_misses(model_nlp):
    doc = model_nlp("Officials will attend the Nordic-Baltic Energy Council meeting in Riga.")
    assert event.event_name(doc) == "Nordic-Baltic Energy Council"


def test_extract_event_nickname_only_before_an_event_noun(model_nlp):
    doc = model_nlp('The "3+3" talks open today. He said he was "fully committed" to them.')
    assert event.nickname(list(doc.sents)) == "3+3"


def event_date_of(nlp, text: str, anchor) -> str | None:
    """Return the event date extract.event reads from `text` published on `anchor`."""
    from briefing.temporal import tag_dates

    doc = nlp(text)
    return event.main_date(doc, tag_dates(text, anchor, doc=doc))[0]


def test_extract_event_date_ignores_dates_of_statements_and_verbless_lines(model_nlp):
    import datetime as dt

    text = ("The envoys will meet in Oslo on Tuesday, officials said on Friday.\n\n"
            "Monday, 9 January.")
    assert event_date_of(model_nlp, text, dt.date(2023, 1, 6)) == "2023-01-10"


def test_extract_event_date_from_a_lead_without_an_event_noun(model_nlp):
    import datetime as dt

    text = ("The driver crashed out of the race in heavy rain on Sunday. "
            "The next meeting starts two weeks from now.")
    assert event_date_of(model_nlp, text, dt.date(2023, 5, 9)) == "2023-05-07"


def test_extract_agenda_outcome_and_planned_change(model_nlp):
    doc = model_nlp("The two countries are launching a new trade agreement on farm goods. "
                    "They are planning to include fishing rights in the treaty. "
                    "The navy launched a missile.")
    texts = [s.text for s in agenda.agenda(doc, "a")]
    assert any("trade agreement" in t for t in texts)
    assert any("fishing rights" in t for t in texts)
    assert not any("missile" in t for t in texts)


def test_extract_agenda_coordinated_adjectives_stay_in_one_item(model_nlp):
    doc = model_nlp("The ministers will discuss plans for a free and open sea, new ports, "
                    "and fishing quotas.")
    items = [s.text for s in agenda.agenda(doc, "a")]
    assert any("free and open sea" in i for i in items), items


def test_extract_timeline_entries_know_where_their_date_is(model_nlp):
    import datetime as dt

    from briefing.temporal import tag_dates

    text = "Rain fell.  The   envoys will meet\nin Oslo on Tuesday."
    doc = model_nlp(text)
    entry = statements.timeline(doc, tag_dates(text, dt.date(2023, 1, 6), doc=doc), "a")[0]
    assert entry.text[entry.at:].startswith("Tuesday")


def test_extract_agenda_long_phrase_is_cut_and_keeps_its_examples(model_nlp):
    # a topic of twenty words is no item a person lists: its describing clause goes, and the
    # examples that clause held become items of their own; what is left of the head ("the
    # growing risks") names nothing and goes
    doc = model_nlp("The envoys will discuss the growing risks posed by groups seeking to "
                    "disrupt shipping lanes across the region, including pirates and smugglers.")
    assert [s.text for s in agenda.agenda(doc, "a")] == [
        "pirates", "smugglers"]


def test_extract_timeline_sentence_pointing_back_keeps_its_antecedent(model_nlp):
    import datetime as dt

    from briefing.temporal import tag_dates

    text = ("Last month, the two navies held their largest drill, known as Blue Harbour. "
            "That exercise took place off the coast from March 4 to 9.")
    doc = model_nlp(text)
    found = statements.timeline(doc, tag_dates(text, dt.date(2023, 4, 20), doc=doc), "a")
    item = next(i for i in found if i.date == "2023-03-04")
    assert "Blue Harbour" in item.text
    assert text[item.span.start:item.span.end] == text
    assert item.text[item.at:].startswith("March 4")


def test_extract_agenda_drops_fragments_people_and_parties_acted_on(model_nlp):
    doc = model_nlp("They discussed the matter with reporters. He urged China to act. "
                    "The president praised Prime Minister Abe. They discussed it right now.")
    assert agenda.agenda(doc, "a") == []


def test_extract_agenda_gerund_forms():
    assert [agenda_phrase.gerund(v) for v in ("make", "tie", "stop", "visit", "free", "discuss")] == [
        "making", "tying", "stopping", "visiting", "freeing", "discussing"]


def test_extract_agenda_gerund_of_a_verb_stressed_on_its_last_syllable():
    assert [agenda_phrase.gerund(v) for v in ("begin", "admit", "visit")] == [
        "beginning", "admitting", "visiting"]


def test_extract_timeline_sentence_going_on_with_the_same_actors_keeps_their_day(model_nlp):
    import datetime as dt

    from briefing.temporal import tag_dates

    text = ("Obama and Xi held talks in Hangzhou on Saturday. The two leaders announced they "
            "would join the Paris agreement. They may have to wait. Rain fell.")
    doc = model_nlp(text)
    found = statements.timeline(doc, tag_dates(text, dt.date(2016, 9, 4), doc=doc), "a")
    assert [(s.date, s.text[:15]) for s in found] == [
        ("2016-09-03", "Obama and Xi he"), ("2016-09-03", "The two leaders")]


def test_extract_agenda_item_keeps_no_half_quotation():
    assert agenda_phrase.balanced('humanitarian" support for Gaza') == "humanitarian support for Gaza"
    assert agenda_phrase.balanced("the “jointly agreed communique") == "the jointly agreed communique"
    assert agenda_phrase.balanced('a "spearhead" force in Israel’s north') == (
        'a "spearhead" force in Israel’s north')


def test_extract_agenda_a_lack_of_something_is_the_state_of_talks_not_a_topic(model_nlp):
    doc = model_nlp("They discussed a lack of progress.")
    assert agenda.agenda(doc, "a") == []


def test_extract_agenda_a_party_in_a_split_list_is_no_topic(model_nlp):
    doc = model_nlp("And I am calling on China and your great president to work on it.")
    assert "the great president" not in [s.text for s in agenda.agenda(doc, "a")]


def hand_doc(words, heads, deps, ents):
    """A parsed Doc built by hand: heads are absolute indices, ents IOB tags."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)


def test_extract_agenda_names_the_owner_a_possessive_pronoun_stands_for():
    # "the United States would end exercises with its allies ."
    words = ["the", "United", "States", "would", "end", "exercises", "with", "its", "allies", "."]
    heads = [2, 2, 4, 4, 4, 4, 4, 8, 6, 4]
    deps = ["det", "compound", "nsubj", "aux", "ROOT", "dobj", "prep", "poss", "pobj", "punct"]
    ents = ["B-GPE", "I-GPE", "I-GPE", "O", "O", "O", "O", "O", "O", "O"]
    doc = hand_doc(words, heads, deps, ents)
    part = list(doc[4:9])
    assert agenda.owners_named("end exercises with its allies", part) == (
        "end exercises with the United States' allies")


def test_extract_agenda_leaves_a_possessive_pronoun_of_no_clear_owner():
    # "Murphy blasted Trump for his actions ." : two people before "his"
    words = ["Murphy", "blasted", "Trump", "for", "his", "actions", "."]
    heads = [1, 1, 1, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "punct"]
    ents = ["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = hand_doc(words, heads, deps, ents)
    assert agenda.owners_named("his actions", list(doc[4:6])) == "his actions"
    # "Berlin said Paris would review its tariffs": the owner is the subject over "its"
    words = ["Berlin", "said", "Paris", "would", "review", "its", "tariffs", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "poss", "dobj", "punct"]
    ents = ["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O"]
    doc = hand_doc(words, heads, deps, ents)
    assert agenda.owners_named("its tariffs", list(doc[5:7])) == "Paris' tariffs"


def test_extract_agenda_phrase_a_general_word_with_nothing_of_its_own_is_no_thing_done():
    # "shelving plans" / "shelving plans for tariffs" / "shelving transition plans"
    doc = hand_doc(["shelving", "plans", "for", "tariffs", "shelving", "transition", "plans"],
                   [0, 0, 1, 2, 4, 6, 4], ["ROOT", "dobj", "prep", "pobj", "ROOT", "compound", "dobj"],
                   ["O"] * 7)
    for tok in doc:
        tok.lemma_ = tok.text.rstrip("s") if tok.text != "tariffs" else "tariff"
        tok.pos_ = "VERB" if tok.text == "shelving" else "NOUN"
    assert agenda_phrase.thing(doc[1]) is True  # "plans for tariffs"
    assert agenda_phrase.thing(doc[6]) is True  # "transition plans"
    bare = hand_doc(["shelving", "plans"], [0, 0], ["ROOT", "dobj"], ["O", "O"])
    bare[1].lemma_, bare[1].pos_ = "plan", "NOUN"
    assert agenda_phrase.thing(bare[1]) is False


def test_extract_agenda_phrase_an_actor_owns_no_topic_of_a_relational_noun():
    # "Trump 's decision" / "French criticism" / "Russian relations"
    doc = hand_doc(["Trump", "'s", "decision", "French", "criticism", "Russian", "relations"],
                   [2, 0, 2, 4, 4, 6, 6], ["poss", "case", "ROOT", "amod", "ROOT", "amod", "ROOT"],
                   ["B-PERSON", "O", "O", "B-NORP", "O", "B-NORP", "O"])
    for tok, lemma, pos in zip(doc, ["Trump", "'s", "decision", "french", "criticism", "russian",
                                     "relation"], ["PROPN", "PART", "NOUN", "ADJ", "NOUN", "ADJ",
                                                   "NOUN"], strict=True):
        tok.lemma_, tok.pos_ = lemma, pos
    assert agenda_phrase.incomplete(doc[2], list(doc[0:3])) is True
    assert agenda_phrase.incomplete(doc[4], list(doc[3:5])) is True
    assert agenda_phrase.incomplete(doc[6], list(doc[5:7])) is False  # the owner is the partner


def test_extract_statements_split_nouns_conjoined_to_the_phrase_head():
    # "human rights and the economic embargo" / "relations between China and the US"
    words = ["human", "rights", "and", "the", "economic", "embargo"]
    doc = hand_doc(words, [1, 1, 1, 5, 5, 1], ["amod", "ROOT", "cc", "det", "amod", "conj"],
                   ["O"] * 6)
    for tok, pos, tag in zip(doc, ["ADJ", "NOUN", "CCONJ", "DET", "ADJ", "NOUN"],
                             ["JJ", "NNS", "CC", "DT", "JJ", "NN"], strict=True):
        tok.pos_, tok.tag_ = pos, tag
    assert [statements.text_of(p) for p in statements.parallel_parts(list(doc))] == [
        "human rights", "the economic embargo"]
    words = ["relations", "between", "China", "and", "the", "US"]
    doc = hand_doc(words, [0, 0, 1, 2, 5, 2], ["ROOT", "prep", "pobj", "cc", "det", "conj"],
                   ["O", "O", "B-GPE", "O", "O", "B-GPE"])
    for tok, pos, tag in zip(doc, ["NOUN", "ADP", "PROPN", "CCONJ", "DET", "PROPN"],
                             ["NNS", "IN", "NNP", "CC", "DT", "NNP"], strict=True):
        tok.pos_, tok.tag_ = pos, tag
    assert len(statements.parallel_parts(list(doc))) == 1


def test_extract_figures_keep_their_currency_and_magnitude_and_drop_a_conversion(model_nlp):
    from briefing.extract.statements import figures

    def values(text):
        return [f.value for f in figures(model_nlp(text), "a")]

    assert values("It approved a new $21m aid package.") == ["$21m"]
    assert values("The bid of £1.5bn was raised.") == ["£1.5bn"]
    assert values("It costs $3 million a year.") == ["$3 million"]
    assert values("The fund holds $10bn (£5.38bn) in assets.") == ["$10bn"]
    assert values("It costs the US $300bn (£229bn) a year.") == ["$300bn"]


def test_extract_agenda_a_named_owner_is_shared_by_the_nouns_joined_to_its_own(model_nlp):
    text = ("The two leaders discussed Ruritania's nuclear weapons and missile programs "
            "on Monday.")
    items = [s.text for s in agenda.agenda(model_nlp(text), "a")]
    assert "Ruritania's missile programs" in items and "missile programs" not in items


def test_extract_agenda_a_cut_relative_clause_takes_its_the_with_it(model_nlp):
    text = "The president said they must address the unfair trade practices that drive the gap."
    items = [s.text for s in agenda.agenda(model_nlp(text), "a")]
    assert items == ["unfair trade practices"]
    text = "They discussed the same war that had divided them."
    assert "same war" not in [s.text for s in agenda.agenda(model_nlp(text), "a")]


def test_extract_agenda_of_a_sentence_set_before_the_event_is_background(model_nlp):
    import datetime as dt

    from briefing.extract import article_facts
    from tests.conftest import article

    text = ("The foreign ministers met in Geneva on Tuesday and discussed fishing rights. "
            "In October, the two ministers agreed to set up a joint body on migration.")
    facts = article_facts(model_nlp(text), article("a", text, dt.date(2024, 3, 6)))
    items = [a.text for a in facts.agenda]
    assert "fishing rights" in items
    assert not any("joint body" in i for i in items)  # agreed last October, not on Tuesday


def test_extract_agenda_a_stance_names_the_body_that_takes_it(model_nlp):
    doc = model_nlp("The ministers met on Monday. Oxfam welcomed the plan to cancel the debt.")
    stances = [s for s in agenda.agenda(doc, "a") if s.cue == "stance"]
    assert stances and all(s.actor == "Oxfam" for s in stances)
    doc = model_nlp("The ministers met on Monday. He welcomed the plan to cancel the debt.")
    assert all(s.actor is None for s in agenda.agenda(doc, "a"))  # a person's: none


def _tagged(doc, pos):
    for tok, p in zip(doc, pos, strict=True):
        tok.pos_ = p
        tok.lemma_ = tok.text.lower()
    return doc


def test_extract_agenda_phrase_an_aside_between_dashes_does_not_cut_the_topic():
    # "he met Xi to enter their countries -- the biggest emitters -- into the agreement .":
    # the parse hung "into" on "met", beyond the aside
    words = ["he", "met", "Xi", "to", "enter", "their", "countries", "--", "the", "biggest",
             "emitters", "--", "into", "the", "agreement", "."]
    heads = [1, 1, 1, 4, 1, 6, 4, 1, 10, 10, 2, 1, 1, 14, 12, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "advcl", "poss", "dobj", "punct", "det", "amod",
            "appos", "punct", "prep", "det", "pobj", "punct"]
    doc = _tagged(hand_doc(words, heads, deps, ["O"] * 16),
                  ["PRON", "VERB", "PROPN", "PART", "VERB", "PRON", "NOUN", "PUNCT", "DET", "ADJ",
                   "NOUN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT"])
    assert statements.text_of(agenda_phrase.phrase(doc[4])) == (
        "enter their countries into the agreement")


def test_extract_agenda_phrase_the_object_past_a_dashed_aside_completes_a_verb_without_one():
    # "they join to stop arming and financing – and even trading with – the regime ."
    words = ["they", "join", "to", "stop", "arming", "and", "financing", "–", "and", "even",
             "trading", "with", "–", "the", "regime", "."]
    heads = [1, 1, 3, 1, 3, 4, 4, 1, 1, 10, 1, 10, 11, 14, 11, 1]
    deps = ["nsubj", "ROOT", "aux", "advcl", "xcomp", "cc", "conj", "punct", "cc", "advmod",
            "conj", "prep", "punct", "det", "pobj", "punct"]
    pos = ["PRON", "VERB", "PART", "VERB", "VERB", "CCONJ", "NOUN", "PUNCT", "CCONJ", "ADV",
           "VERB", "ADP", "PUNCT", "DET", "NOUN", "PUNCT"]
    doc = _tagged(hand_doc(words, heads, deps, ["O"] * 16), pos)
    assert statements.text_of(agenda_phrase.phrase(doc[3])) == (
        "stop arming and financing the regime")
    # a verb that has its object keeps to it: what follows the aside is not its own
    words[6] = "trade"
    heads[6], deps[6] = 3, "dobj"
    heads[4], deps[4] = 3, "dobj"
    words[4], words[5] = "talks", "on"
    heads[5], deps[5] = 4, "prep"
    heads[6], deps[6] = 5, "pobj"
    pos[4:7] = ["NOUN", "ADP", "NOUN"]
    doc = _tagged(hand_doc(words, heads, deps, ["O"] * 16), pos)
    assert statements.text_of(agenda_phrase.phrase(doc[3])) == "stop talks on trade"


def test_extract_agenda_phrase_a_noun_that_lost_its_that_clause_is_no_topic():
    # "the right 's insistence that any deal include control" / "concerns that the deal collapse"
    words = ["the", "right", "'s", "insistence", "that", "any", "deal", "include", "control"]
    heads = [1, 3, 1, 3, 7, 6, 7, 3, 7]
    deps = ["det", "poss", "case", "ROOT", "mark", "det", "nsubj", "acl", "dobj"]
    doc = _tagged(hand_doc(words, heads, deps, ["O"] * 9),
                  ["DET", "NOUN", "PART", "NOUN", "SCONJ", "DET", "NOUN", "VERB", "NOUN"])
    assert agenda_phrase.content_cut(doc[3], list(doc[0:4])) is True
    assert agenda_phrase.content_cut(doc[3], list(doc)) is False  # the clause kept
    # a relative clause ("the deal that they signed") is no content of the noun
    rel = _tagged(hand_doc(["the", "deal", "that", "they", "signed"], [1, 1, 4, 4, 1],
                           ["det", "ROOT", "dobj", "nsubj", "relcl"], ["O"] * 5),
                  ["DET", "NOUN", "PRON", "PRON", "VERB"])
    assert agenda_phrase.content_cut(rel[1], list(rel[0:2])) is False


def test_extract_statements_an_embedded_posts_signature_is_no_development(blank_nlp):
    text = ("The call took place on Friday. Thank you! "
            "— Donald J. Trump (@realDonaldTrump) December 3, 2016 "
            "China complained on Saturday.")
    from briefing.temporal import tag_dates

    doc = blank_nlp(text)
    timexes = tuple(tag_dates(text, dt.date(2016, 12, 3)))
    rows = statements.timeline_rows(doc, timexes, "a")
    assert all("@realDonaldTrump" not in r.text for r in rows)
    assert [r.text for r in rows if "Saturday" in r.text] == ["China complained on Saturday."]


def test_extract_agenda_phrase_a_person_acted_on_leads_the_core_to_what_follows():
    # "congratulate him on his reelection" / "end them over hostilities"
    def core_of(words, pos):
        heads, deps = [0, 0, 0, 4, 2], ["ROOT", "dobj", "prep", "poss", "pobj"]
        doc = _tagged(hand_doc(words, heads, deps, ["O"] * 5), pos)
        return statements.text_of(agenda_phrase.core(list(doc), doc[0]))
    pos = ["VERB", "PRON", "ADP", "PRON", "NOUN"]
    assert core_of(["congratulate", "him", "on", "his", "reelection"], pos) == (
        "congratulate him on his reelection")
    assert core_of(["end", "them", "over", "their", "hostilities"], pos) == "end them"
