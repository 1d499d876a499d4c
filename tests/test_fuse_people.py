"""The who's-who merge across reports, on hand-built mentions (no model needed)."""

from __future__ import annotations

from briefing.fuse.people import merge_people, name_words
from briefing.types import Article, ArticleFacts, PersonMention, Span


def facts(article: str, *mentions: tuple) -> ArticleFacts:
    people = tuple(
        PersonMention(name, Span(article, i * 10, i * 10 + len(name)), role, country, part)
        for i, (name, role, country, part) in enumerate(mentions)
    )
    return ArticleFacts(article=Article(article, "x" * 200), people=people)


def test_fuse_people_family_name_first_is_the_same_person():
    result = merge_people([
        facts("a", ("Yoshimasa Hayashi", "Foreign Minister", "JP", True)),
        facts("b", ("Hayashi Yoshimasa", "Foreign Minister", "JP", True)),
        facts("c", ("Yoshimasa Hayashi", "Foreign Minister", None, True)),
    ])
    assert [p.name for p in result.participants] == ["Yoshimasa Hayashi"]
    assert result.participants[0].aliases == ("Hayashi Yoshimasa",)


def test_fuse_people_spelling_variant_and_surname_join_the_full_name():
    result = merge_people([
        facts("a", ("Anthony Blinken", "Secretary of State", "US", True),
              ("Blinken", None, None, False)),
        facts("b", ("Antony Blinken", "Secretary of State", "US", True)),
        facts("c", ("Antony Blinken", None, "US", True), ("Blinken", None, None, False)),
    ])
    (blinken,) = result.participants
    assert blinken.name == "Antony Blinken"
    assert set(blinken.aliases) == {"Anthony Blinken", "Blinken"}
    assert len(blinken.sources) == 5


def test_fuse_people_different_first_names_stay_apart():
    result = merge_people([facts("a", ("Kim Jong Un", None, "KP", False),
                                 ("Kim Jong Il", None, "KP", False))])
    assert len(result.mentioned) == 2


def test_fuse_people_role_vote_records_the_minority_title():
    result = merge_people([
        facts("a", ("Yasukazu Hamada", "Defense Minister", "JP", True)),
        facts("b", ("Yasukazu Hamada", "Defense Secretary", None, True)),
        facts("c", ("Hamada Yasukazu", "Defense Minister", "JP", True)),
    ])
    (hamada,) = result.participants
    assert (hamada.role, hamada.country) == ("Defense Minister", "JP")
    (gap,) = result.discrepancies
    assert gap.about == "role of Yasukazu Hamada"
    assert [(v.value, {s.article for s in v.sources}) for v in gap.values] == [
        ("Defense Minister", {"a", "c"}), ("Defense Secretary", {"b"})]


def test_fuse_people_us_title_forms_are_one_role():
    result = merge_people([
        facts("a", ("Lloyd Austin", "Defense Secretary", "US", True)),
        facts("b", ("Lloyd Austin", "Secretary of Defense", "US", True)),
    ])
    assert result.participants[0].role == "Secretary of Defense"
    assert result.discrepancies == ()


def test_fuse_people_participant_from_any_report_and_ordered_by_weight():
    result = merge_people([
        facts("a", ("Pat Ryder", "spokesperson", "US", False), ("Lloyd Austin", None, "US", True)),
        facts("b", ("Joe Biden", "President", "US", False)),
    ])
    assert [p.name for p in result.participants] == ["Lloyd Austin"]
    assert {p.name for p in result.mentioned} == {"Pat Ryder", "Joe Biden"}


def test_fuse_people_name_words_drop_honorifics_and_possessives():
    assert name_words("Mr. Austin's") == ("austin",)
    assert name_words("Donald J. Trump") == ("donald", "trump")


def test_fuse_people_group_counts_only_where_no_one_is_named():
    from briefing.extract.people import GROUP

    result = merge_people([
        facts("a", ("seven people", GROUP, None, True)),
        facts("b", ("Japanese ministers", GROUP, None, True), ("Nobuo Kishi", None, "JP", True)),
    ])
    assert [p.name for p in result.participants] == ["Nobuo Kishi", "seven people"]
    assert result.participants[1].role is None


def test_fuse_people_nickname_and_middle_initial_are_one_person():
    result = merge_people([
        facts("a", ("Charles E. Schumer", "Senate Minority Leader", "US", True)),
        facts("b", ("Chuck Schumer", "Senate Minority Leader", "US", True)),
    ])
    (schumer,) = result.participants
    assert set([schumer.name, *schumer.aliases]) == {"Charles E. Schumer", "Chuck Schumer"}


def test_fuse_people_nickname_and_full_middle_name_are_one_person():
    result = merge_people([
        facts("a", ("Charles Ellis Schumer", "Senator", "US", True)),
        facts("b", ("Chuck Schumer", "Senator", "US", True)),
    ])
    (schumer,) = result.participants
    assert set([schumer.name, *schumer.aliases]) == {"Charles Ellis Schumer", "Chuck Schumer"}


def test_fuse_people_hyphenated_and_spaced_given_names_are_one_person():
    result = merge_people([
        facts("a", ("Kim Jong-un", "leader", "KP", True)),
        facts("b", ("Kim Jong Un", "leader", "KP", True)),
    ])
    assert len(result.participants) == 1


def test_fuse_people_two_familiar_forms_stay_apart():
    result = merge_people([facts("a", ("Bill Smith", None, "US", False),
                                 ("Bob Smith", None, "US", False))])
    assert len(result.mentioned) == 2


def test_fuse_people_premier_of_a_parliamentary_country_is_its_prime_minister():
    result = merge_people([facts("a", ("Marco Rossi", "Premier", "IT", True),
                                 ("Li Wei", "Premier", "CN", True))])
    roles = {p.name: p.role for p in result.participants}
    assert roles == {"Marco Rossi": "Prime Minister", "Li Wei": "Premier"}


def test_fuse_people_two_wordings_of_one_role_are_no_disagreement():
    from briefing.fuse.people import one_role

    result = merge_people([
        facts("a", ("Chuck Schumer", "Democratic Sen.", "US", True)),
        facts("b", ("Chuck Schumer", "Sen.", "US", True)),
        facts("c", ("Chuck Schumer", "Sen.", "US", True)),
    ])
    assert result.discrepancies == ()
    assert one_role("President", "leader") and one_role("security adviser",
                                                        "National Security Adviser")
    assert not one_role("Minister", "Deputy Minister")
    assert not one_role("President", "senior adviser to Turkey's President")


def test_fuse_people_a_fathers_name_alone_is_not_the_son():
    result = merge_people([
        facts("a", ("Salim", "King", "XX", True), ("Ahmad bin Salim", "Crown Prince", "XX", True)),
        facts("b", ("Salim", "King", None, True), ("Salim", None, None, True)),
    ])
    names = {p.name: p.role for p in result.participants}
    assert names == {"Salim": "King", "Ahmad bin Salim": "Crown Prince"}


def test_fuse_people_a_word_of_the_title_is_no_organisation_of_no_country():
    def one(role: str, affiliation: str):
        said = PersonMention("Ann Lee", Span("a", 0, 7), role, None, True,
                             affiliation=affiliation)
        return merge_people([ArticleFacts(article=Article("a", "x" * 200), people=(said,))])

    assert one("Secretary of State", "State").participants[0].country == "US"
    assert one("Secretary General", "NATO").participants[0].country is None


def test_fuse_people_an_organisation_and_its_initials_are_one_actor():
    from briefing.extract.people import ORGANISATION

    result = merge_people([
        facts("a", ("General Motors", ORGANISATION, None, True), ("Fiat", ORGANISATION, None, True)),
        facts("b", ("GM", ORGANISATION, None, True), ("Fiat", ORGANISATION, None, True)),
    ])
    names = [(p.name, p.aliases) for p in result.participants]
    assert len(names) == 2 and {n for n, _ in names} <= {"General Motors", "GM", "Fiat"}


def test_fuse_people_a_predicate_dated_outside_the_event_is_another_meeting():
    import datetime as dt
    from dataclasses import replace

    from briefing.types import Timex

    def took_part(value, on):
        mentions = (PersonMention("Moon Jae-in", Span("a", 0, 11), "President", "KR", True,
                                  frame=50),
                    PersonMention("Kim Jong Un", Span("a", 20, 31), "Leader", "KP", True,
                                  frame=50),
                    replace(PersonMention("Donald Trump", Span("a", 60, 72), "President", "US",
                                          True, frame=80), frame_dates=(85,)))
        report = ArticleFacts(Article("a", "x" * 90), people=mentions,
                              timexes=(Timex(85, 90, "x", "DATE", value),))
        return [p.name for p in merge_people([report], on=on).participants]

    saturday = dt.date(2018, 5, 26)
    # "Moon met Trump in Washington on Tuesday"; "a summit next month between Trump and Kim"
    assert "Donald Trump" not in took_part("2018-05-22", saturday)
    assert "Donald Trump" not in took_part("2018-06", saturday)
    assert "Donald Trump" in took_part("2018-05-26", saturday)
    assert "Donald Trump" in took_part("2018-05", saturday)  # the event's month
    assert "Donald Trump" in took_part("2017", saturday)  # a year tells nothing apart
    assert "Donald Trump" in took_part("2018-05-22", None)  # no event date: no veto


def test_fuse_people_another_transliteration_of_the_surname_is_the_same_person():
    result = merge_people([
        facts("a", ("Omar Haddadeh", "Prime Minister", "XX", True)),
        facts("b", ("Haddada", None, None, True)),
    ])
    (person,) = result.participants
    assert person.name == "Omar Haddadeh"
    assert person.aliases == ("Haddada",)


def test_fuse_people_a_longer_name_a_plural_or_a_fathers_name_is_no_transliteration():
    def apart(full: str, single: str) -> int:
        result = merge_people([facts("a", (full, None, "XX", True)),
                               facts("b", (single, None, None, True))])
        return len(result.participants)

    assert apart("Ann Williamson", "Williams") == 2  # the two differ in a consonant
    assert apart("Ann Roberto", "Robertos") == 2  # "the Robertos": the family
    assert apart("Ahmad bin Salima", "Salim") == 2  # the father's name, in another spelling
    assert apart("Ann Roberto", "Roberta") == 1


def test_fuse_people_an_office_of_a_placed_organisation_is_of_its_country():
    text = ("The Rebel Front in Kenya said its envoy was ready. " * 3) + "x" * 50

    def country(role: str, affiliation: str, said: str = text):
        mention = PersonMention("Ann Lee", Span("a", 0, 7), role, None, True,
                                affiliation=affiliation)
        facts_ = ArticleFacts(article=Article("a", said), people=(mention,))
        return merge_people([facts_]).participants[0].country

    assert country("Rebel Front prime minister", "Rebel Front") == "KE"
    assert country("Rebel Front boss", "Rebel Front") is None  # no office of government
    both = text + " The Rebel Front in Uganda denied it."
    assert country("Rebel Front prime minister", "Rebel Front", both) is None
    ruled = "Rebel Front-ruled Kenya is calm. " + "x" * 50
    assert country("Rebel Front spokesman", "Rebel Front", ruled) == "KE"


def test_fuse_people_an_international_officials_role_names_the_organisation():
    def role(title: str, affiliation: str, country: str | None = None) -> str | None:
        said = PersonMention("Ann Lee", Span("a", 0, 7), title, country, True,
                             affiliation=affiliation)
        facts_ = ArticleFacts(article=Article("a", "x" * 200), people=(said,))
        return merge_people([facts_]).participants[0].role

    assert role("Secretary-General", "NATO") == "NATO Secretary-General"
    assert role("NATO Secretary-General", "NATO") == "NATO Secretary-General"
    assert role("Foreign Minister", "Foreign Ministry", "FR") == "Foreign Minister"
    assert role("Gen.", "NATO") == "Gen."  # a rank stays as written


def test_fuse_people_a_company_with_and_without_its_legal_suffix_is_one_actor():
    from briefing.extract.people import ORGANISATION

    result = merge_people([
        facts("a", ("Acme Ltd", ORGANISATION, None, True)),
        facts("b", ("Acme", ORGANISATION, None, True)),
    ])
    assert len(result.participants) == 1


def test_fuse_people_an_office_a_report_gives_outranks_a_military_rank():
    result = merge_people([
        facts("a", ("Tariq Aziz", "Gen", "XX", True), ("Aziz", "Gen", None, True),
              ("Aziz", "President", None, True)),
        facts("b", ("Omar Said", "Gen.", "XX", True), ("Said", "Gen.", None, True)),
    ])
    roles = {p.name: p.role for p in result.participants}
    assert roles == {"Tariq Aziz": "President", "Omar Said": "Gen."}  # a rank alone stands
