"""The fuse stage on hand-built facts: merging, voting, grouping (no model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from briefing.fuse import event_dates
from briefing.fuse.cluster import digest, group
from briefing.fuse.items import merge, vote
from briefing.types import ArticleFacts, PersonMention, Span, Statement
from tests.conftest import article


def grouped(facts, **options):
    return group([digest(f) for f in facts], **options)


def statement(text: str, art: str, date: str | None = None) -> Statement:
    return Statement(text, Span(art, 0, len(text)), date=date)


def test_fuse_items_merge_same_statement_from_two_sources():
    items = merge([statement("defense cooperation in outer space", "a"),
                   statement("advance defense cooperation in outer space", "b"),
                   statement("the joint use of infrastructure facilities", "a")])
    assert len(items) == 2
    assert {s.article for s in items[0].sources} == {"a", "b"}  # most reported first
    assert items[0].text == "defense cooperation in outer space"


def test_fuse_items_merge_two_wordings_of_one_topic_into_one_item():
    found = [statement("the conflict in Ukraine", "a"), statement("Ukraine's conflict", "b"),
             statement("trade", "c"), statement("US-China trade", "a"),
             statement("North Korea", "b"), statement("North Korea's nuclear program", "c")]
    items = merge(found, topics=True)
    assert [(i.text, len(i.sources)) for i in items] == [
        ("Ukraine's conflict", 2), ("trade", 2), ("North Korea", 1),
        ("North Korea's nuclear program", 1)]
    assert len(merge(found)) == 5  # statements of other kinds keep the stricter rule


def test_fuse_items_merge_keeps_dates_apart_when_asked():
    items = merge([statement("talks held", "a", "2023-01-11"),
                   statement("talks held", "b", "2023-01-12")], by_date=True)
    assert len(items) == 2


def test_fuse_items_vote_records_minority_with_sources():
    winner, gap = vote([("Defense Minister", Span("a", 0, 1)), ("Defense Minister", Span("b", 0, 1)),
                        ("Defense Secretary", Span("c", 0, 1))], "role of X")
    assert winner == "Defense Minister"
    assert gap is not None and gap.about == "role of X"
    assert [(v.value, [s.article for s in v.sources]) for v in gap.values] == [
        ("Defense Minister", ["a", "b"]), ("Defense Secretary", ["c"])]


def test_fuse_items_vote_agreement_has_no_discrepancy():
    assert vote([("virtual", Span("a", 0, 1)), (None, Span("b", 0, 1))], "format") == (
        "virtual", None)


def test_fuse_items_vote_on_places_counts_a_longer_name_of_the_same_place_as_one():
    from briefing.fuse.items import same_place

    given = [("Washington", Span("a", 0, 1)), ("Washington, D.C.", Span("b", 0, 1)),
             ("Seoul", Span("c", 0, 1)), ("Washington, D.C.", Span("d", 0, 1))]
    winner, gap = vote(given, "location", same_place)
    assert winner == "Washington, D.C."  # the wording most of its sources use
    assert [(v.value, [s.article for s in v.sources]) for v in gap.values] == [
        ("Washington, D.C.", ["a", "b", "d"]), ("Seoul", ["c"])]
    assert vote(given[:2], "location", same_place) == ("Washington", None)
    assert not same_place("New York", "York") and not same_place("Georgia", "Georgetown")


def test_fuse_event_place_from_the_leads_only_when_no_report_gives_one():
    from dataclasses import replace

    from briefing.fuse import build_event

    a, b, c = (replace(facts(x, "protest march police"), lead_place="Portland") for x in "abc")
    event = build_event([a, b])
    assert event.location == "Portland" and not event.discrepancies
    event = build_event([a, b, replace(c, event_place="Salem")])
    assert event.location == "Salem" and not event.discrepancies


def facts(id: str, words: str, fmt: str | None = None, published: dt.date | None = None,
          kind: str | None = "meeting", day: str | None = None):
    """Facts of a report; `fmt` is the format its event's predicate gives, `day` its date."""
    return ArticleFacts(article=article(id, words, published), keywords=tuple(words.split()),
                        frame_format=fmt, event_kind=kind, frame_date=day)


def test_fuse_cluster_groups_similar_articles_and_keeps_others_apart():
    fs = [facts("a", "ministers meet security alliance tokyo washington talks"),
          facts("b", "ministers meet security alliance washington talks deterrence"),
          facts("c", "football club wins league final goal striker")]
    assert grouped(fs) == [[0, 1], [2]]


def test_fuse_cluster_a_pile_of_reports_of_one_event_is_one_event():
    """Every report shares the event's words, so within the pile those words are not rare;
    each report adds words of its own. The shared words still make them one event."""
    shared = "ministers security alliance tokyo washington talks "
    fs = [facts("a", shared + "deterrence missiles budget strategy"),
          facts("b", shared + "counterstrike islands satellites cyber"),
          facts("c", shared + "press conference visit summit")]
    assert grouped(fs) == [[0, 1, 2]]
    assert grouped([*fs, facts("d", "football club wins league final goal striker")]) == [
        [0, 1, 2], [3]]


def test_fuse_cluster_format_conflict_vetoes_a_merge():
    fs = [facts("a", "ministers meet security alliance talks", "virtual"),
          facts("b", "ministers meet security alliance talks", "in-person")]
    assert grouped(fs) == [[0], [1]]


def test_fuse_cluster_format_is_read_off_the_events_own_predicate():
    """"spoke by phone" against "met in Geneva" tells two events apart; a cue anywhere in the
    text ("online", "in person" of some other gathering) does not."""
    words = "ministers meet security alliance talks"
    fs = [replace(facts("a", words), event_format="virtual"),
          replace(facts("b", words), event_format="in-person")]
    assert grouped(fs) == [[0, 1]]
    assert grouped([facts("a", words, "virtual"), facts("b", words, "in-person")]) == [[0], [1]]


def test_fuse_cluster_a_follow_up_weeks_later_must_share_more_words():
    """Reports published weeks apart are one event only when more similar than reports of the
    same days need to be (two stories sharing a word or two stay apart)."""
    from briefing.fuse import cluster

    a = "store roof ice chicago apple heating software snow warming fall".split()
    b = "store app telegram encrypted messaging removed child abuse ban review".split()
    vectors = cluster.tfidf([a, b])
    similarity = (vectors @ vectors.T)[0, 1]
    assert 0.05 < similarity < cluster.FOLLOW_UP

    def pair(later: int) -> list[list[int]]:
        day = dt.date(2018, 1, 3)
        fs = [ArticleFacts(article=article("a", "t", day), keywords=tuple(a)),
              ArticleFacts(article=article("b", "t", day + dt.timedelta(days=later)),
                           keywords=tuple(b))]
        return grouped(fs, threshold=0.05)

    assert pair(1) == [[0, 1]]
    assert pair(29) == [[0], [1]]


def test_fuse_cluster_two_meetings_of_the_same_people_a_week_apart_are_two_events():
    words = "ministers meet security alliance talks"
    fs = [facts("a", words, day="2023-03-02", published=dt.date(2023, 3, 2)),
          facts("b", words, day="2023-03-09", published=dt.date(2023, 3, 9)),
          facts("c", words, day="2023-03-09", published=dt.date(2023, 3, 10))]
    assert grouped(fs) == [[0], [1, 2]]


def test_fuse_cluster_reports_of_an_occasion_published_weeks_apart_are_two_events():
    words = "ministers meet security alliance talks"
    fs = [facts("a", words, published=dt.date(2023, 3, 1)),
          facts("b", words, published=dt.date(2023, 3, 3)),
          facts("c", words, published=dt.date(2023, 3, 20))]
    assert grouped(fs) == [[0, 1], [2]]


def test_fuse_cluster_a_follow_up_weeks_later_joins_its_happening():
    """A shooting's aftermath is reported weeks later: no occasion, no veto."""
    words = "shooting concert gunman victims police"
    fs = [facts("a", words, published=dt.date(2017, 10, 2), kind=None),
          facts("b", words, published=dt.date(2017, 11, 27), kind=None)]
    assert grouped(fs) == [[0, 1]]


def story(words: str, day: dt.date, kinds: str) -> list[ArticleFacts]:
    """Reports of one story published on `day` and the days after, one per letter of `kinds`:
    m names a meeting, v a visit, - no occasion."""
    return [facts(f"{day}-{i}", f"{words} w{day.toordinal()} v{day.toordinal()}x{i}",
                  published=day + dt.timedelta(days=i % 2),
                  kind={"m": "meeting", "v": "visit", "-": None}[k])
            for i, k in enumerate(kinds)]


def test_fuse_cluster_an_occasion_one_report_in_many_names_is_its_setting():
    """A launch and its follow-up weeks later: one report of each tells the news during a
    visit or a meeting. Those occasions are settings, not the event: they do not part it."""
    words = "missile launch japan korea pyongyang alert hokkaido"
    fs = story(words, dt.date(2017, 8, 28), "---v--") + story(words, dt.date(2017, 9, 15), "--m---")
    assert grouped(fs) == [list(range(12))]


def test_fuse_cluster_two_meetings_a_week_apart_stay_apart_when_some_reports_name_none():
    words = "ministers security alliance tokyo washington deterrence"
    fs = story(words, dt.date(2023, 3, 2), "mm-m") + story(words, dt.date(2023, 3, 9), "m-mm")
    assert grouped(fs) == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_fuse_cluster_an_undated_report_is_of_the_days_before_it_appeared():
    """A report of an occasion that gives no date is about the days before it appeared: not
    the meeting a dated report sets a week after it."""
    words = "ministers meet security alliance talks"
    fs = [facts("a", words, published=dt.date(2023, 3, 1)),
          facts("b", words, day="2023-03-09", published=dt.date(2023, 3, 9))]
    assert grouped(fs) == [[0], [1]]
    fs = [facts("a", words, published=dt.date(2023, 3, 9)),
          facts("b", words, day="2023-03-08", published=dt.date(2023, 3, 9))]
    assert grouped(fs) == [[0, 1]]


def test_fuse_cluster_a_report_naming_no_occasion_days_before_one_is_not_of_it():
    """A story that names no meeting or call, told days before a call its reports date, is
    another event (the call's previews would name it)."""
    words = "clinton fbi comey election email"
    fs = [facts("a", words, published=dt.date(2016, 11, 6), kind=None),
          facts("b", words, day="2016-11-12", published=dt.date(2016, 11, 12), kind="call")]
    assert grouped(fs) == [[0], [1]]
    fs = [facts("a", words, published=dt.date(2016, 11, 11), kind=None), fs[1]]
    assert grouped(fs) == [[0, 1]]


def test_fuse_cluster_publication_dates_a_year_apart_are_two_events():
    fs = [facts("a", "ministers meet security alliance talks", published=dt.date(2022, 1, 7)),
          facts("b", "ministers meet security alliance talks", published=dt.date(2023, 1, 11))]
    assert grouped(fs) == [[0], [1]]


def dated_facts(id: str, published: dt.date | None, event_date: str | None) -> ArticleFacts:
    return ArticleFacts(article=article(id, "text", published),
                        keywords=("ministers", "meet", "alliance"), event_date=event_date)


def framed_facts(id: str, published: dt.date | None, day: str | None) -> ArticleFacts:
    return ArticleFacts(article=article(id, "text", published), event_kind="meeting",
                        keywords=("ministers", "meet", "alliance"), frame_date=day)


def test_fuse_cluster_a_week_and_a_day_inside_it_are_not_far_apart():
    fs = [framed_facts("a", dt.date(2023, 3, 10), "2023-W10"),
          framed_facts("b", dt.date(2023, 3, 10), "2023-03-09"),
          facts("c", "football club wins league final")]
    assert grouped(fs) == [[0, 1], [2]]


def test_fuse_event_date_reports_that_date_the_event_outvote_undated_ones():
    # a late-night game reported the next morning: the reports stating the day win over the
    # publication day of the reports that state none
    published = dt.date(2023, 3, 9)
    fs = [dated_facts("a", published, "2023-03-08"), dated_facts("b", published, "2023-03-08"),
          dated_facts("c", published, None), dated_facts("d", published, None),
          dated_facts("e", published, None)]
    start, _ = event_dates(fs)
    assert start == dt.date(2023, 3, 8)


def test_fuse_event_date_undated_reports_fall_back_to_their_publication_day():
    day = dt.date(2023, 3, 9)
    fs = [dated_facts("a", day, None), dated_facts("b", day, "2023-W09")]
    start, _ = event_dates(fs)
    assert start == day


def test_fuse_event_date_tie_goes_to_the_day_the_reports_were_published():
    day = dt.date(2023, 3, 9)
    fs = [dated_facts("a", day, "2023-03-05"), dated_facts("b", day, "2023-03-09"),
          dated_facts("c", day, None)]
    start, gap = event_dates(fs)
    assert start == day and gap is not None


def test_fuse_items_merge_keeps_two_fields_of_one_list_apart():
    items = merge([statement("advance defense cooperation in outer space", "a"),
                   statement("advance defense cooperation in cyberspace", "a"),
                   statement("advanced defense cooperation in outer space", "b")])
    assert sorted((i.text, len(i.sources)) for i in items) == [
        ("advance defense cooperation in cyberspace", 1),
        ("advance defense cooperation in outer space", 2)]


def test_fuse_related_gives_every_event_its_own_id():
    from briefing.fuse import link_related
    from briefing.types import Event, headline

    events = [Event(id=i, title=i, kind="other", articles=()) for i in ("a", "a", "a-2")]
    assert len({h.id for h in link_related([headline(e) for e in events])}) == 3


@pytest.mark.model
def test_fuse_keywords_count_the_lead_twice(model_nlp):
    from briefing.extract import keywords

    doc = model_nlp("Ministers met in Oslo. They agreed a treaty. "
                    "Later, farmers protested. Then the farmers went home.")
    words = keywords(doc)
    assert words.count("treaty") == 2 and words.count("farmer") == 2


def test_fuse_cluster_array_vetoes_match_the_pairwise_rule():
    import random

    from briefing.fuse.cluster import _Traits, compatible, veto_columns

    rng = random.Random(7)
    day = dt.date(2024, 5, 1)

    def some_traits():
        first = day + dt.timedelta(days=rng.randint(-20, 20))
        span = rng.choice([None, (first, first), (first, first + dt.timedelta(days=6))])
        published = rng.choice([None, day + dt.timedelta(days=rng.randint(-400, 400))])
        held = rng.choice([None, published])
        told = first if held and rng.random() < 0.5 else None
        plain = None if held else published
        return (rng.choice([None, "virtual", "in person"]), span, published, held, told, plain,
                held is not None)

    known = [some_traits() for _ in range(60)]
    every = np.arange(60)
    pairs = _Traits(veto_columns(known))  # each report a group of its own
    i, j = np.repeat(every, 60), np.tile(every, 60)
    table = (~pairs.allowed_pairs(i, j)).reshape(60, 60)
    assert table.any() and not table.all()
    for i in range(60):
        for j in range(60):
            assert table[i, j] == (not compatible(known[i], known[j])), (known[i], known[j])


def as_counted(members):
    """The traits of a group's reports as its vetoes read them: an occasion fewer than
    SETTING_SHARE of them name is a setting, whose publication window and news days count not."""
    from briefing.fuse import cluster

    if sum(t[6] for t in members) >= cluster.SETTING_SHARE * len(members):
        return list(members)
    return [(fmt, None if occasion and told is None else span, day, None, told, plain, occasion)
            for fmt, span, day, _, told, plain, occasion in members]


def group_compatible(members) -> bool:
    """Whether a group of reports (their traits) may be one event: every pair compatible."""
    from briefing.fuse.cluster import compatible

    counted = as_counted(members)
    return all(compatible(x, y) for i, x in enumerate(counted) for y in counted[i + 1:])


def reference_average_linkage(facts, threshold):
    """The textbook algorithm, pair by pair: merge the two groups of highest mean similarity
    while it is above the threshold; two groups whose union holds an incompatible pair (of
    the traits its vetoes read: `as_counted`) never merge."""
    from briefing.fuse.cluster import needed, tfidf, traits

    def span(members):
        days = [facts[i].article.published for i in members if facts[i].article.published]
        return (max(days) - min(days)).days if days else float("nan")

    vectors = tfidf([f.keywords for f in facts])
    vectors = vectors if isinstance(vectors, np.ndarray) else vectors.toarray()
    sim = vectors @ vectors.T
    groups = [[i] for i in range(len(facts))]
    while True:
        best, pair = -1.0, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                pairs = [(i, j) for i in groups[x] for j in groups[y]]
                if group_compatible([traits(facts[i]) for i in groups[x] + groups[y]]):
                    mean = sum(sim[i, j] for i, j in pairs) / len(pairs)
                    if mean > needed(threshold, span(groups[x] + groups[y])) and mean > best:
                        best, pair = mean, (x, y)
        if pair is None:
            return sorted(sorted(g) for g in groups)
        groups[pair[0]] += groups.pop(pair[1])


@pytest.mark.parametrize("dense_cells", [0, 10**9])  # a sparse, then a dense TF-IDF matrix
@pytest.mark.parametrize("seed", range(5))
def test_fuse_cluster_groups_as_the_textbook_average_linkage(seed, dense_cells, monkeypatch):
    import random

    from briefing.fuse import cluster

    monkeypatch.setattr(cluster, "DENSE_CELLS", dense_cells)
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(40)]
    facts = []
    for k in range(40):
        published = rng.choice([None, dt.date(2024, 1, 1), dt.date(2024, 12, 1)])
        facts.append(ArticleFacts(
            article=article(f"a{k}", "text", published),
            keywords=tuple(rng.sample(vocabulary[:rng.randint(8, 40)], rng.randint(3, 8))),
            event_kind=rng.choice([None, "meeting"]),
            frame_format=rng.choice([None, None, "virtual", "in person"])))
    expected = reference_average_linkage(facts, 0.15)
    assert grouped(facts, threshold=0.15) == expected
    assert any(len(g) > 2 for g in expected) and len(expected) > 3  # a real test of merging


def test_fuse_cluster_vetoes_groups_from_their_extreme_traits():
    """Two groups may merge, by the extremes of their traits, exactly when every pair of their
    union is compatible as its vetoes read them (random traits, random groups that may be)."""
    import random

    from briefing.fuse.cluster import _Traits, veto_columns

    rng = random.Random(7)
    day = dt.date(2024, 3, 1)
    checked = set()
    for _ in range(600):
        known = []
        for _ in range(8):
            start = day + dt.timedelta(days=rng.randint(-12, 12))
            span = rng.choice([None, (start, start + dt.timedelta(days=rng.choice([0, 0, 6])))])
            published = rng.choice([None, day + dt.timedelta(days=rng.randint(-200, 200))])
            occasion = rng.random() < 0.4
            held = rng.choice([published, day + dt.timedelta(days=rng.randint(-9, 9))]) \
                if occasion else None
            told = span[0] if occasion and span and rng.random() < 0.5 else None
            plain = None if occasion else published
            known.append((rng.choice([None, None, "virtual", "in person"]), span, published, held,
                          told, plain, occasion))
        a, b = [0, 1, 2], [3, 4, 5, 6, 7]
        if not all(group_compatible([known[i] for i in g]) for g in (a, b)):
            continue  # a group only ever is one that may be
        traits = _Traits(veto_columns(known))
        for g in (a, b):
            for i in g[1:]:
                traits.merge(g[0], i)
        expected = group_compatible([known[i] for i in a + b])
        assert traits.compatible(0, 3) == expected, known
        checked.add((expected, sum(t[6] for t in known) < 2))
    assert checked == {(True, True), (True, False), (False, True), (False, False)}


def test_fuse_cluster_groups_the_same_whatever_the_block_of_rows(monkeypatch):
    """Similarities are computed a few rows at a time; blocks of 2 rows or of every row give
    the same groups."""
    from briefing.fuse import cluster

    words = [("summit", "trade", "tariff"), ("summit", "trade", "tariff", "steel"),
             ("flood", "river", "rescue"), ("flood", "river", "rescue", "dam"), ("chess",)]
    days = [dt.date(2024, 1, 1), dt.date(2024, 1, 2), dt.date(2024, 6, 1), dt.date(2024, 6, 2),
            dt.date(2024, 9, 1)]
    facts = [ArticleFacts(article=article(f"a{k}", "text", day), keywords=w)
             for k, (w, day) in enumerate(zip(words, days, strict=True))]
    for block in (2, 512):
        monkeypatch.setattr(cluster, "BLOCK", block)
        assert grouped(facts, threshold=0.15) == [[0, 1], [2, 3], [4]]

def test_fuse_cluster_one_event_groups_every_article_together():
    fs = [facts("a", "ministers meet security alliance talks", "virtual"),
          facts("b", "football club wins league final goal striker", "in-person")]
    assert grouped(fs) == [[0], [1]]
    assert grouped(fs, one_event=True) == [[0, 1]]
    assert grouped([], one_event=True) == []
def test_fuse_timeline_keeps_two_developments_of_one_day_apart():
    from briefing.fuse import build_event

    day = dt.date(2017, 1, 26)
    said = Statement("After Pena Nieto said in an address Wednesday that his country would "
                     "refuse to pay for a barrier on the U.S. southern border, Trump blasted him "
                     "with a tweet.", Span("a", 0, 150), date="2017-01-25", kind="timeline")
    order = Statement("Pena Nieto had been under domestic pressure to stand up to Trump, and that "
                      "only intensified after Trump on Wednesday signed the directive on the wall.",
                      Span("b", 0, 150), date="2017-01-25", kind="timeline")
    group = [ArticleFacts(article=article("a", "x", day), timeline=(said,)),
             ArticleFacts(article=article("b", "y", day), timeline=(order,))]
    assert len(build_event(group).timeline) == 2


def test_fuse_vote_ties_go_to_the_value_given_most_often_then_first():
    """One vote for every fact: most articles, then most mentions, then the first given."""
    one, two = Span("a", 0, 1), Span("b", 0, 1)
    assert vote([("Minister", one), ("Envoy", two), ("Envoy", Span("b", 5, 6))], "role")[0] \
        == "Envoy"
    assert vote([("Minister", one), ("Envoy", two)], "role")[0] == "Minister"
    winner, gap = vote([("Envoy", one), ("Minister", two), ("Minister", Span("c", 0, 1))], "role")
    assert winner == "Minister" and [v.value for v in gap.values] == ["Minister", "Envoy"]


def test_fuse_called_off_meeting_keeps_the_date_it_was_planned_for():
    from briefing.fuse import build_event

    aug7, aug8 = dt.date(2013, 8, 7), dt.date(2013, 8, 8)
    # Reports of the day it was called off date only the calling off ("announced Wednesday")
    # and give the meeting's own date as a month ahead ("a summit in early September").
    group = [replace(facts("a", "summit moscow", published=aug7), event_status="cancelled",
                     event_date="2013-08-07", event_dates=("2013-07", "2013-09")),
             replace(facts("b", "summit moscow", published=aug8), event_status="cancelled",
                     event_date="2013-08-08", event_dates=("2013-09", "2012")),
             replace(facts("c", "summit moscow", published=aug8), event_status="cancelled",
                     event_dates=("2013-09",))]
    event = build_event(group)
    assert (event.start, event.end) == (dt.date(2013, 9, 1), dt.date(2013, 9, 30))
    assert event.status == "cancelled" and not event.discrepancies
    # A day hung on the meeting itself ("had been planned for Sunday") stands.
    dated = [replace(f, frame_date="2013-09-04") for f in group]
    assert build_event(dated).start == dt.date(2013, 9, 4)
    # A meeting that was held is dated as before.
    held = [replace(f, event_status="held") for f in group]
    assert build_event(held).start != dt.date(2013, 9, 1)


def test_fuse_items_merge_joins_the_groups_a_later_wording_links():
    found = [statement("the complete denuclearization of the Korean Peninsula", "a"),
             statement("denuclearization", "b"), statement("complete denuclearization", "c")]
    items = merge(found, topics=True)
    assert [(i.text, len(i.sources)) for i in items] == [("denuclearization", 3)]
    assert len(merge([statement("a two-state solution", "a"),
                      statement("the two state solution", "b")], topics=True)) == 1


def test_fuse_topics_drop_a_party_and_rank_by_the_reports_carrying_them():
    from briefing.fuse.topics import agenda
    from briefing.types import Participant

    a = ArticleFacts(article=article("a", "Russia and Syria. Missile defense and arms control."),
                     agenda=(statement("Russia", "a"), statement("accusations", "a"),
                             statement("arms control", "a"), statement("Syria", "a")))
    b = ArticleFacts(article=article("b", "On arms control, Syria and Moscow."),
                     agenda=(statement("Syria", "b"), statement("Moscow", "b")))
    people = [Participant("Vladimir Putin", (), None, "RU", ()),
              Participant("Barack Obama", (), None, "US", ())]
    assert [i.text for i in agenda([a, b], people)] == ["Syria", "arms control", "accusations"]


def test_fuse_event_place_is_never_an_area_wider_than_a_country():
    from briefing.fuse import build_event

    a = replace(facts("a", "kerry peace talks"), event_place="the Middle East",
                lead_place="the Middle East", places=("Israel",))
    b = replace(facts("b", "kerry peace talks"), places=("Israel",))
    assert build_event([a, b]).location == "Israel"  # not "the Middle East, Israel"


def test_fuse_the_place_of_news_is_one_country_not_a_country_in_another():
    from briefing.fuse import event_place

    a = replace(facts("a", "aid fund visit", kind=None), lead_place="Tanzania",
                places=("UK", "Tanzania"))
    b = replace(facts("b", "aid fund visit", kind=None), places=("UK",))
    assert event_place([a, b])[0] == "Tanzania"  # not "Tanzania, UK"
    c = replace(a, lead_place="Dodoma")
    assert event_place([c, b])[0] == "Dodoma"  # a town the gazetteer places elsewhere


def test_fuse_an_event_held_at_a_distance_that_a_report_calls_a_call_is_a_call():
    from briefing.fuse import build_event

    day = dt.date(2018, 10, 15)
    group = [replace(facts(x, "king spoke denial", published=day), event_kind=kind,
                     frame_format="virtual", event_status="held")
             for x, kind in (("a", "meeting"), ("b", "call"), ("c", "meeting"))]
    event = build_event(group)
    assert (event.kind, event.format) == ("call", "virtual")
    met = [replace(f, event_kind="meeting") for f in group]
    assert build_event(met).kind == "meeting"  # a video meeting no report calls a call


def test_fuse_an_even_vote_on_the_kind_goes_to_the_more_specific_kind():
    from briefing.fuse import build_event

    day = dt.date(2015, 5, 13)
    group = [replace(facts(x, "leaders gulf iran", published=day), event_kind=kind)
             for x, kind in (("a", "talks"), ("b", "summit"))]
    assert build_event(group).kind == "summit"
    group.append(replace(facts("c", "leaders gulf iran", published=day), event_kind="talks"))
    assert build_event(group).kind == "talks"  # most reports still win


def test_fuse_topics_an_item_keeps_the_most_direct_cue_of_its_wordings():
    from briefing.fuse.topics import strong

    merged = merge([replace(statement("sanctions", "a"), cue="stance"),
                    replace(statement("new sanctions", "a"), cue="discussed"),
                    replace(statement("new arms sales", "a"), cue="stance")], topics=True)
    assert [(i.text, i.cue, strong(i)) for i in merged] == [
        ("sanctions", "discussed", True), ("new arms sales", "stance", False)]


def test_fuse_items_merge_an_abbreviation_with_the_words_it_spells():
    merged = merge([statement("TPP", "a"), statement("the Trans-Pacific Partnership", "b"),
                    statement("EU", "a"), statement("economic unions", "b")], topics=True)
    assert [(i.text, len(i.sources)) for i in merged] == [
        ("the Trans-Pacific Partnership", 2), ("EU", 1), ("economic unions", 1)]


def test_fuse_items_merge_a_topic_framed_by_a_general_head_or_a_preposition():
    found = [statement("the North Korea question", "a"), statement("North Korea", "b"),
             statement("cybersecurity issues", "a"), statement("military and corporate cybersecurity", "b"),
             statement("reaffirming support for a two-state solution", "a"),
             statement("a two-state solution", "b"),
             statement("Russia's support for Assad", "a"), statement("Assad", "b")]
    items = merge(found, topics=True)
    assert [(i.text, len(i.sources)) for i in items] == [
        ("North Korea", 2), ("cybersecurity issues", 2), ("a two-state solution", 2),
        ("Russia's support for Assad", 1), ("Assad", 1)]  # one name is no framed topic


def test_fuse_topics_rank_a_topic_that_points_outside_itself_after_one_that_names_it():
    from briefing.fuse.topics import agenda

    a = ArticleFacts(article=article("a", "North Korea and sanctions."),
                     agenda=(statement("giving up its arsenal", "a"),
                             statement("a cease-fire at this stage", "a"),
                             statement("that conflict's end", "a"),
                             statement("increasing their defense spending", "a")))
    assert [i.text for i in agenda([a], [])] == [
        "a cease-fire at this stage", "giving up its arsenal", "that conflict's end",
        "increasing their defense spending"]


def test_fuse_items_merge_two_wordings_that_add_a_modifier_each_to_one_named_thing():
    found = [statement("the very large and comprehensive Phase One trade deal", "a"),
             statement('a "Phase One" trade deal with China', "b"),
             statement("a new security agreement", "a"),
             statement("a new research and development agreement", "b")]
    assert [(i.text, len(i.sources)) for i in merge(found, topics=True)] == [
        ('a "Phase One" trade deal with China', 2), ("a new security agreement", 1),
        ("a new research and development agreement", 1)]  # "new" names nothing
    assert len(merge([statement("advance defense cooperation in outer space", "a"),
                      statement("advance defense cooperation in cyberspace", "b")],
                     topics=True)) == 2  # their complements differ


def test_fuse_items_merge_two_wordings_that_name_one_country_differently():
    found = [statement("the new diplomatic overtures between the United States and Iran", "a"),
             statement("Diplomatic overtures between the U.S. and Iran", "b"),
             statement("overtures between Iran and France", "c")]
    assert [(i.text, len(i.sources)) for i in merge(found, topics=True)] == [
        ("Diplomatic overtures between the U.S. and Iran", 2), ("overtures between Iran and France", 1)]


def test_fuse_status_under_way_is_ahead_when_it_starts_after_the_latest_report():
    from briefing.fuse import status

    mon, fri = dt.date(2005, 1, 10), dt.date(2005, 1, 14)
    told = [replace(facts("a", "talks", published=mon), event_status="under way")]
    # "The two are meeting on Friday", told on Monday: the meeting is still to come.
    assert status(fri, fri, told) == "scheduled"
    # Told on the day or after it: it took place.
    assert status(mon, mon, told) == "held"
    # No report is dated: nothing says it is over.
    undated = [replace(facts("a", "talks"), event_status="under way")]
    assert status(None, None, undated) == "under way"


def test_fuse_topics_drop_the_stance_of_a_body_that_is_no_side():
    from briefing.fuse.topics import agenda
    from briefing.types import Participant

    def stance(text, actor):
        return replace(statement(text, "a"), cue="stance", actor=actor)

    found = (stance("debt relief for Africa", "Oxfam"), stance("a fairer trade deal", "France"),
             stance("lower tariffs", "the State Department"), statement("climate finance", "a"))
    facts = ArticleFacts(article=article("a", "..."), agenda=found)
    sides = (Participant("Ann Lee", (), "President", "US", (Span("a", 0, 1),)),
             Participant("Paul Roux", (), "President", "FR", (Span("a", 0, 1),)))
    kept = [i.text for i in agenda([facts], sides)]
    assert sorted(kept) == ["a fairer trade deal", "climate finance", "lower tariffs"]
    assert len(agenda([facts], ())) == 4  # no participants known: no one is an outsider


def test_fuse_topics_a_person_discussing_is_a_side_only_taking_part_or_in_office():
    from briefing.fuse.topics import agenda
    from briefing.types import Participant

    def discussed(text, actor):
        return replace(statement(text, "a"), cue="discussed", actor=actor)

    found = (discussed("arts", "Tom Reel"), discussed("border security", "Ann Lee"),
             discussed("fishing rights", "Joe Kay"))
    facts = ArticleFacts(article=article("a", "..."), agenda=found)
    sides = (Participant("Ann Lee", (), "President", "US", (Span("a", 0, 1),)),
             Participant("Paul Roux", (), "President", "FR", (Span("a", 0, 1),)))
    mentioned = (Participant("Tom Reel", (), "director", "US", (Span("a", 0, 1),)),
                 Participant("Joe Kay", (), "Secretary of State", "US", (Span("a", 0, 1),)))
    kept = [i.text for i in agenda([facts], sides, mentioned)]
    assert sorted(kept) == ["border security", "fishing rights"]  # not the film director's


def test_fuse_topics_drop_a_list_meant_for_a_meeting_with_someone_who_takes_no_part():
    from briefing.fuse.topics import agenda
    from briefing.types import Participant

    listed = replace(statement("the war in Syria", "a"), cue="discussed", actor="Putin")
    facts = ArticleFacts(article=article("a", "..."), agenda=(listed, statement("trade", "a")))
    sides = [Participant("Ann Lee", (), "President", "US", (Span("a", 0, 1),)),
             Participant("Li Wei", (), "President", "CN", (Span("a", 0, 1),))]
    assert [i.text for i in agenda([facts], sides)] == ["trade"]
    putin = Participant("Vladimir Putin", ("Putin",), "President", "RU", (Span("a", 0, 1),))
    assert len(agenda([facts], [*sides, putin])) == 2  # the person takes part: the topics stand
    pair = replace(statement("a working group", "a"), cue="agreed", actor="Ann Lee; Erdogan")
    both = replace(pair, text="an aid plan", actor="Ann Lee; Li Wei")
    facts = ArticleFacts(article=article("a", "..."), agenda=(pair, both))
    assert [i.text for i in agenda([facts], sides)] == ["an aid plan"]  # a pair: both take part


def test_fuse_dates_a_summit_s_nth_day_and_length_give_its_first_and_last_day():
    from briefing.fuse.dates import opened_span

    june = lambda d: dt.date(2018, 6, d)  # noqa: E731
    told = replace(facts("a", "g7 summit", published=june(9)), event_opening="2018-06-08",
                   event_length=2)
    plain = facts("b", "g7 summit", published=june(9))
    assert opened_span([told, plain], june(9), june(9), "summit") == (june(8), june(9))
    assert opened_span([told], june(9), june(9), "call") == (june(9), june(9))
    assert opened_span([told], june(9), june(9), "summit", "cancelled") == (june(9), june(9))
    far = replace(told, event_opening="2018-05-01")  # another summit's day: too far back
    assert opened_span([far], june(9), june(9), "summit") == (june(9), june(9))
    # a length alone: counted from the day a preview names, not from a day told after it
    length = replace(plain, event_length=3)
    ahead = replace(length, article=article("c", "g7 summit", june(7)))
    assert opened_span([ahead], june(8), june(8), "summit") == (june(8), june(10))
    assert opened_span([length], june(8), june(8), "summit") == (june(8), june(8))


def paired(id: str, words: str, names: list[str], published=dt.date(2017, 7, 5)) -> ArticleFacts:
    """A report of a meeting whose own predicate brings `names` together."""
    people = tuple(PersonMention(n, Span(id, 0, 1), participant=True, frame=10) for n in names)
    return ArticleFacts(article=article(id, words, published), keywords=tuple(words.split()),
                        event_kind="meeting", people=people)


def test_fuse_cluster_a_preview_of_the_same_two_people_meeting_joins_its_reports():
    # a preview that leads with one side's warning shares few words with the meeting's
    # reports; the same two people met by the occasion's predicate, days apart, join them
    meet = "summit leaders meet hamburg election meddling ukraine sanctions"
    warning = "secretary urges cooperation syria zones regime rebels leaders meet assad " \
              "islamic state airstrikes idlib aleppo damascus"
    fs = [paired("a", meet + " kremlin", ["Donald Trump", "Vladimir Putin"]),
          paired("b", meet + " white house", ["Trump", "Putin"]),
          paired("c", warning, ["Putin", "Trump"]),
          paired("d", "chancellor warns tariffs trade steel exports leaders", ["Merkel", "Macron"]),
          paired("e", warning, ["Putin", "Trump"], published=dt.date(2017, 7, 30))]
    assert grouped(fs) == [[0, 1, 2], [3], [4]]
    others = [replace(fs[2], people=fs[3].people)]  # the warning of another pair stays apart
    assert grouped(fs[:2] + others) == [[0, 1], [2]]
    one_shared = [paired("c", warning, ["Putin", "Macron"])]  # one person shared: another pair
    assert grouped(fs[:2] + one_shared) == [[0, 1], [2]]


def test_fuse_cluster_a_pair_met_on_another_day_joins_no_report_of_that_day():
    # "A met C in Paris on Tuesday", told in a report of Saturday's summit of A and B: no
    # reason to join the reports of the Tuesday meeting of A and C
    from briefing.types import Timex

    monday = "paris leaders talks tuesday trade tariffs steel"
    saturday = "summit border village denuclearization peace regime armistice"
    tuesday, sat = dt.date(2018, 5, 22), dt.date(2018, 5, 26)
    fs = [paired("a", monday + " elysee", ["Ann Moon", "Cy Trump"], published=tuesday),
          paired("b", monday + " palace", ["Moon", "Trump"], published=tuesday)]
    summit = replace(paired("c", saturday + " leaders", ["Ann Moon", "Bo Kim"], published=sat),
                     frame_date="2018-05-26")
    told = PersonMention("Cy Trump", Span("c", 40, 48), participant=True, frame=30,
                         frame_dates=(50,))
    moon = replace(told, name="Ann Moon", span=Span("c", 20, 28))
    summit = replace(summit, people=(*summit.people, moon, told),
                     timexes=(Timex(50, 57, "Tuesday", "DATE", "2018-05-22"),))
    assert grouped([*fs, summit]) == [[0, 1], [2]]
    undated = replace(summit, timexes=(Timex(50, 57, "Tuesday", "DATE", "2018-05-26"),))
    assert grouped([*fs, undated]) == [[0, 1, 2]]  # the same pair that day: one occasion
