"""Who's who across the reports of one event: one person per real person, roles voted.

Mentions are resolved to people by their names: the same words in any order ("Tanaka
Kenji" = "Kenji Tanaka"), one word spelled slightly differently ("Mohamed" /
"Mohammed"), a surname alone ("Tanaka") joined to the full name it belongs to, preferably in the
same article. Country and role are voted one vote per article; a minority value is kept as a
`Discrepancy` with the sentences that state it.

Before that, the statistical model is overruled where the reports together are clear: a name
it tagged as a place or organisation in one place is a person when it is tagged (or written
as) a person more often than not across the event, and a name tagged as a person once but as
a place or organisation more often is not a person. A mention whose event predicate is dated
outside the event's days is another meeting's (`apart`): that person is only mentioned.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.fuzz import ratio

from briefing.fuse.dates import LONGEST
from briefing.fuse.items import abbreviates, vote
from briefing.fuse.people_country import fill_countries
from briefing.fuse.people_vote import gathered, taking_part
from briefing.knowledge import load, word_set
from briefing.knowledge.lexicon import GROUP, ORGANISATION, fold, lexicon, title_key
from briefing.temporal import all_outside
from briefing.types import (
    COUNTRY_OF,
    ArticleFacts,
    Discrepancy,
    Entity,
    Participant,
    PersonMention,
    Span,
)

SPELLING = 80  # rapidfuzz ratio above which two name words are one word spelled two ways


@dataclass(frozen=True)
class PeopleResult:
    participants: tuple[Participant, ...]  # most important first
    mentioned: tuple[Participant, ...]
    discrepancies: tuple[Discrepancy, ...]


@dataclass
class _Person:
    words: frozenset[str]
    mentions: list[PersonMention] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)  # an event's names recur in every comparison
def name_words(name: str) -> tuple[str, ...]:
    """Return the folded words of a name, without initials, honorifics or a possessive."""
    honorifics = _honorifics()
    words = re.split(r"[^\w'-]+", re.sub(r"['’]s?$", "", fold(name)))
    return tuple(w for w in words if len(w.strip(".")) > 1 and w.rstrip(".") not in honorifics)


@functools.cache
def _honorifics() -> frozenset[str]:
    return frozenset(fold(h).rstrip(".") for h in lexicon().honorifics)


@functools.cache
def _familiar() -> frozenset[tuple[str, str]]:
    """Return the (given name, familiar form) pairs of knowledge/nicknames.json."""
    names = load("nicknames")["names"]
    return frozenset((fold(n), fold(f)) for n, forms in names.items() for f in forms)


def _one_name(x: str, y: str) -> bool:
    """True when two words are one given name: a familiar form of the other ("Chuck",
    "Charles"), or the same word spelled slightly differently ("Mohamed", "Mohammed")."""
    return ((x, y) in _familiar() or (y, x) in _familiar()
            or min(len(x), len(y)) >= 4 and ratio(x, y) >= SPELLING)


@functools.lru_cache(maxsize=4096)
def _unhyphenated(words: frozenset[str]) -> frozenset[str]:
    """The words of a name with its hyphenated words split ("Jong-un" -> "Jong", "un")."""
    return frozenset(p for w in words for p in w.split("-") if p)


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two full names are one: same words (hyphens aside: "Kim Jong-un", "Kim Jong
    Un"), or one word a familiar form or another spelling of the other's, the longer name
    maybe giving a middle name besides."""
    a, b = _unhyphenated(a), _unhyphenated(b)
    if a == b or (len(a) > 1 and len(b) > 1 and (a <= b or b <= a)):
        return True
    if len(a) < 2 or len(b) < 2 or not (a & b):
        return False
    left, right = sorted(a - b), sorted(b - a)
    if len(left) == len(right) == 1:
        return _one_name(left[0], right[0])
    if len(right) == 1 and len(left) == 2:  # a middle name beside a familiar form
        left, right = right, left
    if len(left) == 1 and len(right) == 2:  # ("Charles Ellis Schumer", "Chuck Schumer")
        return any(_one_name(left[0], w) for w in right)
    return False


def _form(text: str) -> frozenset[str]:
    return frozenset(name_words(re.sub(r"^the\s+", "", text, flags=re.I)))


def _overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


class _Labels:
    """How the reports of one event label each name: as a person (the person mentions the
    extract step kept as persons) or as a place or organisation (the model's other labels)."""

    def __init__(self, mentions: list[PersonMention], entities: list[Entity]) -> None:
        sure = [m for m in mentions if _is_person(m) and m.tag == "PERSON"]
        self.persons = Counter(_form(m.name) for m in sure)  # a name recurs: scan it once
        by_article: dict[str, list[Span]] = {}
        for m in sure:
            by_article.setdefault(m.span.article, []).append(m.span)
        self.others = Counter(_form(e.text) for e in entities  # less those read as a person
                              if not any(_overlap(e.span, s)
                                         for s in by_article.get(e.span.article, [])))
        self.votes: dict[frozenset[str], tuple[int, int]] = {}
        # Each name is compared only with the names sharing one of its words
        self.persons_by_word = _by_word(self.persons)
        self.others_by_word = _by_word(self.others)

    def count(self, form: frozenset[str]) -> tuple[int, int]:
        """Return the votes (person, place or organisation) for a name."""
        if form not in self.votes:
            self.votes[form] = (self._person(form), self._other(form)) if form else (0, 0)
        return self.votes[form]

    def _person(self, form: frozenset[str]) -> int:
        """Votes for person: person mentions of this name, or holding it if it is one word
        (a surname alone: "Tanaka" in "Kenji Tanaka")."""
        if len(form) == 1:
            return sum(n for _, n in self.persons_by_word.get(next(iter(form)), ()))
        return _matching(self.persons_by_word, form)

    def _other(self, form: frozenset[str]) -> int:
        """Votes for place or organisation: the model's other labels for this very name (not
        for a longer one holding it: "Tanaka Foundation" says nothing about "Tanaka")."""
        return _matching(self.others_by_word, form)


def _by_word(names: Counter) -> dict[str, list[tuple[frozenset[str], int]]]:
    """Return, for each word, the names holding it with their counts."""
    out: dict[str, list[tuple[frozenset[str], int]]] = {}
    for form, n in names.items():
        for word in form:
            out.setdefault(word, []).append((form, n))
    return out


def _matching(by_word: dict[str, list[tuple[frozenset[str], int]]], form: frozenset[str]) -> int:
    """Return the count of the names that are `form` (see `_same_words`; of its length, they
    share all its words but one, so at least one when it has two or more)."""
    near = {name: n for word in form for name, n in by_word.get(word, ()) if len(name) == len(form)}
    return sum(n for name, n in near.items() if _same_words(name, form))


def _is_person(m: PersonMention) -> bool:
    return m.role not in (ORGANISATION, GROUP)


def correct_labels(mentions: list[PersonMention], entities: list[Entity]
                   ) -> list[PersonMention]:
    """Return the mentions with the model's labels overruled where the reports agree: a
    name's majority label decides; a tie keeps the model's label; a title keeps a person."""
    labels = _Labels(mentions, entities)
    persons = [m for m in mentions if _is_person(m)]
    out = []
    for m in mentions:
        person, other = labels.count(_form(m.name))  # no votes for initials ("F.B.I.")
        if not _is_person(m):  # an organisation actor that is really a person
            if m.tag and person > other:
                if any(_overlap(m.span, p.span) for p in persons):
                    continue  # the same name is already a person mention
                m = replace(m, role=None, country=None, tag="PERSON")
        elif m.tag != "PERSON":
            if person <= other:
                continue
            m = replace(m, tag="PERSON")
        elif m.role is None and not m.affiliation and other > person:
            continue
        out.append(m)
    return out


def _cluster_full(mentions: list[PersonMention]) -> list[_Person]:
    people: list[_Person] = []
    for m in mentions:
        words = frozenset(name_words(m.name))
        if len(words) < 2:
            continue
        home = next((p for p in people if _same_words(p.words, words)), None)
        if home is None:
            people.append(_Person(words, [m]))
        else:
            home.mentions.append(m)
            home.words = home.words | words if len(words) > len(home.words) else home.words
    return people


def _attach_single(mentions: list[PersonMention], people: list[_Person]) -> None:
    """Join each one-word mention ("Tanaka") to the full name holding that word, never to one
    holding it as the father's name ("Salman" of "Mohammed bin Salman")."""
    fathers = {id(p): _fathers(p) for p in people}
    surnames = {id(p): {w[-1] for x in p.mentions if len(w := name_words(x.name)) > 1}
                - fathers[id(p)] for p in people}
    for m in mentions:
        words = name_words(m.name)
        if len(words) != 1:
            continue
        hosts = [p for p in people if words[0] in p.words
                 and words[0] not in fathers.get(id(p), ())]  # one-word people have none
        if hosts:  # the best-known bearer of the name, then the one this article names
            max(hosts, key=lambda p: (len(p.mentions), any(
                x.span.article == m.span.article for x in p.mentions))).mentions.append(m)
        else:
            home = next((p for p in people if p.words == frozenset(words)), None) or _spelling(
                words[0], people, surnames)
            if home is None:
                people.append(_Person(frozenset(words), [m]))
            else:
                home.mentions.append(m)


_SOFT = frozenset("aeiouyh")  # the letters transliterations of one name end in differently


def _spelling(word: str, people: list[_Person], surnames: dict[int, set[str]]
              ) -> _Person | None:
    """Return the one person one of whose `surnames` (by id, fathers' names left out) is
    another spelling of `word`: the two share all but the last two letters of the longer, and
    at least five, and those differ in vowels, "y" or "h" only ("Haddada", "Haddadeh"; not
    "Williams", "Williamson"): transliterations of one name differ so, a plural ("the
    Smiths") does not."""
    def close(surname: str) -> bool:
        shared = len(os.path.commonprefix([surname, word]))
        return (surname != word and shared >= max(5, len(surname) - 2, len(word) - 2)
                and set(surname[shared:] + word[shared:]) <= _SOFT)
    hosts = [p for p in people if any(map(close, surnames.get(id(p), ())))]
    return hosts[0] if len(hosts) == 1 else None


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(load("nicknames")["patronymic_particles"])


def _fathers(person: _Person) -> frozenset[str]:
    """Return the words that are a father's name in the person's names (after "bin", "ibn"):
    alone, such a word names someone else (most often the father)."""
    particles = _particles()
    return frozenset(w for name in {m.name for m in person.mentions}
                     for before, w in itertools.pairwise(name_words(name)) if before in particles)


def _per_article(mentions: list[PersonMention], value) -> dict[str, tuple[str, list[Span]]]:
    """Return, per article, the value it gives most often and the spans giving it."""
    out = {}
    by_article: dict[str, list[PersonMention]] = {}
    for m in mentions:
        if value(m):
            by_article.setdefault(m.span.article, []).append(m)
    for article, ms in by_article.items():
        counts = Counter(value(m) for m in ms)
        best = max(counts, key=lambda v: (counts[v], -[value(m) for m in ms].index(v)))
        out[article] = (best, [m.span for m in ms if value(m) == best])
    return out


def _vote(per_article: dict[str, tuple[str, list[Span]]], about: str
          ) -> tuple[str | None, Discrepancy | None]:
    """Return the value most articles give (each article's own most frequent value), and the
    disagreement when they differ (see items.vote)."""
    return vote([(value, span) for value, spans in per_article.values() for span in spans],
                about)


def _canonical_name(person: _Person) -> tuple[str, tuple[str, ...]]:
    forms = Counter(m.name for m in person.mentions)
    full = [f for f in forms if len(name_words(f)) > 1] or list(forms)
    first = [m.name for m in person.mentions]
    name = max(full, key=lambda f: (forms[f], len(name_words(f)), -first.index(f)))
    return name, tuple(f for f in forms if f != name)


VAGUE_TITLES = frozenset({"leader", "chief", "head", "official"})  # say no role of their own


def one_role(a: str, b: str) -> bool:
    """Return True when two written roles are one: one's words among the other's, a word
    abbreviated ("Sen." for "senator") or possessive ("Taliban's") aside, or one a vague
    title ("leader" beside "President")."""
    def words(role: str) -> list[str]:
        return [w for w in re.findall(r"[a-z]+", title_key(role).replace("'s", ""))
                if w not in ("of", "the", "for", "and")]
    wa, wb = words(a), words(b)
    if set(wa) <= VAGUE_TITLES or set(wb) <= VAGUE_TITLES:
        return True
    def within(xs: list[str], ys: list[str]) -> bool:
        matched = [y for y in ys if any(y == x or y.startswith(x) and len(x) >= 3 for x in xs)]
        extra = set(ys) - set(matched)  # "Deputy Minister", "adviser to the President": another role
        return len(matched) >= len(set(xs)) and not extra & (heads() | RANKS)
    return within(wa, wb) or within(wb, wa)


RANKS = frozenset({"vice", "deputy", "under", "assistant", "acting", "former", "associate"})


@functools.cache
def heads() -> frozenset[str]:
    return frozenset(fold(h) for h in load("titles")["heads"])


def _resolve(person: _Person) -> tuple[Participant, float, list[Discrepancy]]:
    lex = lexicon()
    name, aliases = _canonical_name(person)
    country, country_gap = _vote(_per_article(person.mentions, lambda m: m.country),
                                 f"{COUNTRY_OF}{name}")

    def role(m: PersonMention) -> str | None:
        return lex.canonical_role(m.role, country) if m.role else None

    per_article = _per_article(_offices_over_ranks(person.mentions),
                               lambda m: role(m) and title_key(role(m)))
    written = {title_key(r): r for m in person.mentions if (r := role(m))}
    per_article = {a: (written[k], spans) for a, (k, spans) in per_article.items()}
    best_role, role_gap = _vote(per_article, f"role of {name}")
    if role_gap and all(one_role(v.value, best_role) for v in role_gap.values if best_role):
        role_gap = None  # "Sen." and "Democratic Sen.", "President" and "leader"
    spans = tuple(sorted({m.span for m in person.mentions},
                         key=lambda s: (s.article, s.start)))
    weight = sum(m.weight for m in person.mentions if m.participant)
    if best_role and not country and not best_role.endswith("."):  # not a rank, "Gen."
        best_role = _of_body(best_role, person.mentions)
    participant = Participant(name, aliases, best_role, country, spans)
    return participant, weight, [d for d in (country_gap, role_gap) if d]


@functools.cache
def _ranks() -> frozenset[str]:
    return frozenset(title_key(r) for r in load("titles")["ranks"])


def _rank(role: str) -> bool:
    """True for a military rank, with what qualifies it ("retired Marine Gen."), not an
    office a rank word ends ("Attorney General", "Secretary General")."""
    words = title_key(role).split()
    heads = lexicon().heads
    return bool(words) and (title_key(role) in _ranks() or words[-1] in _ranks() and not any(
        w in heads for w in words[:-1]))


def _offices_over_ranks(mentions: list[PersonMention]) -> list[PersonMention]:
    """Return the mentions without those that give only a military rank in a report that
    gives the person an office too ("Gen X" in a report that calls X "President X"): the
    office is what a brief calls them; a rank stands where it is all a report says."""
    by_rank = {id(m): bool(m.role) and _rank(m.role) for m in mentions}
    offices = {m.span.article for m in mentions if m.role and not by_rank[id(m)]}
    return [m for m in mentions if not (by_rank[id(m)] and m.span.article in offices)]


def _of_body(role: str, mentions: Sequence[PersonMention]) -> str:
    """Return the role with the international organisation its holder serves, when the
    reports name one and the role does not ("Secretary-General" of "NATO Secretary-General
    X" -> "NATO Secretary-General"): a country says whose an official is; for an
    organisation's official the organisation must."""
    lex = lexicon()
    bodies = Counter(m.affiliation for m in mentions if m.affiliation
                     and lex.listed_org(m.affiliation) and lex.org_country(m.affiliation) is None)
    if not bodies:
        return role
    body = bodies.most_common(1)[0][0]
    return role if fold(body) in fold(role) else f"{body} {role}"


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two names of an organisation are one: the same words, or one holding the
    other's words and ending in the same word ("the Chicago Cubs" and "Cubs"), a company's
    legal suffix aside ("Acme Ltd" and "Acme")."""
    a, b = _without_suffix(a), _without_suffix(b)
    return bool(a and b) and (set(a) == set(b) or a[-1] == b[-1] and (
        set(a) <= set(b) or set(b) <= set(a)))


def _without_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    suffixes = word_set("organisations", "company_suffixes")
    return words[:-1] if len(words) > 1 and words[-1] in suffixes else words


def _abbreviated(a: str, b: str) -> bool:
    """True when one name of an organisation is the other's initials ("GM", "General
    Motors")."""
    return abbreviates(a, b) or abbreviates(b, a)


def _bodies(mentions: list[PersonMention]) -> list[list[PersonMention]]:
    """Return the actor mentions grouped by what they name: an organisation by its name's
    words, an unnamed group ("seven people") by its words as written."""
    clusters: list[tuple[tuple[str, ...], list[PersonMention]]] = []
    for m in mentions:
        words = name_words(re.sub(r"^the\s+", "", m.name, flags=re.I))
        home = next((ms for w, ms in clusters if ms[0].role == m.role == ORGANISATION
                     and (_same_body(w, words) or _abbreviated(ms[0].name, m.name))
                     or w == words and ms[0].role == m.role), None)
        if home is None:
            clusters.append((words, [m]))
        else:
            home.append(m)
    return [ms for _, ms in clusters]


def _named_spans(ms: list[PersonMention], entities: list[Entity]) -> list[Span]:
    """Return the spans of the organisation `ms` name and of every other naming of it."""
    names = {name_words(re.sub(r"^the\s+", "", m.name, flags=re.I)) for m in ms}
    return [m.span for m in ms] + [
        e.span for e in entities if e.label == "ORG" and any(
            _same_body(w, name_words(re.sub(r"^the\s+", "", e.text, flags=re.I))) for w in names)]


def _actors(mentions: list[PersonMention], people: list[tuple],
            affiliated: set[frozenset[str]], reports: int,
            entities: list[Entity]) -> list[tuple]:
    """Organisations and groups that take part, kept only where no person takes part for
    them: a country or organisation with a participant of that country or from that
    organisation is left out, and an unnamed group ("seven people") only counts in a report
    that names nobody taking part. Where persons take part, a country or a people is theirs
    ("Japan" beside its ministers), and an organisation needs two reports naming it taking
    part (or the only one): a story's other meetings name other bodies. Where persons of two
    countries or more take part, the sides are theirs: a body of a country beside them is a
    side's staff or another meeting's (a national team preparing a later summit)."""
    countries = {p.country for part, _, p in people if part}
    sides = len(countries - {None}) >= 2
    named = {s.article for part, _, p in people if part for s in p.sources}
    out = []
    for ms in _bodies(mentions):
        first = ms[0]
        if first.country in countries and _for_country(first) or _form(first.name) in affiliated \
                or sides and first.country:
            continue
        ms = [m for m in ms if m.role != GROUP or m.span.article not in named]
        if not ms or named and ms[0].role == ORGANISATION and (
                lexicon().country(ms[0].name) or ms[0].tag in ("GPE", "NORP")
                or len({m.span.article for m in ms}) < min(2, reports)):
            continue
        first = ms[0]
        forms = Counter(m.name for m in ms)
        name = forms.most_common(1)[0][0]
        found = _named_spans(ms, entities) if first.role == ORGANISATION else [m.span for m in ms]
        spans = tuple(sorted(set(found), key=lambda s: (s.article, s.start)))
        rank = (sum(m.weight for m in ms), len({m.span.article for m in ms}), len(ms))
        out.append((True, rank, Participant(name, tuple(f for f in forms if f != name), None,
                                            first.country, spans, body=True)))
    return out


def _for_country(actor: PersonMention) -> bool:
    """True for a country or a group of one ("Japan", "the Chinese delegation"): a person of
    that country taking part acts for it. An organisation ("the FBI") needs its own person."""
    return bool(actor.country) and (actor.tag in ("", "NORP") or bool(lexicon().country(actor.name)))


def apart(m: PersonMention, on: dt.date | None, values: dict[tuple[str, int], str]
          ) -> PersonMention:
    """Return the mention, not taking part when its predicate's own dates (`values` by
    article and start) all fall outside the event's days, LONGEST either side of the voted
    day `on`: another meeting of the story ("A met B in Paris on Tuesday", told in the
    reports of Saturday's summit of A and C)."""
    if on is None or not m.participant or not m.frame_dates:
        return m
    span = dt.timedelta(days=LONGEST)
    if not all_outside([values.get((m.span.article, at), "") for at in m.frame_dates],
                       on - span, on + span):
        return m
    return replace(m, participant=False, frame=None)


def merge_people(facts: Sequence[ArticleFacts], on: dt.date | None = None) -> PeopleResult:
    """Return the people of one event's reports: participants (most important first), people
    only mentioned, and the disagreements between reports about their roles and countries.

    Organisations and groups reported as the main actor join the participants when no named
    person takes part for them. A predicate whose own dates all fall outside the event's
    days (LONGEST either side of `on`, the day the reports vote for) is another meeting:
    those it names are mentioned."""
    values = {(f.article.id, t.start): t.value for f in facts for t in f.timexes}
    everyone = correct_labels([apart(m, on, values) for f in facts for m in f.people],
                              [e for f in facts for e in f.entities])
    mentions = [m for m in everyone if _is_person(m)]
    people = _cluster_full(mentions)
    _attach_single(mentions, people)
    ranked = []
    gaps: list[Discrepancy] = []
    voted = taking_part([p.mentions for p in people], [p.words for p in people], facts)
    present = gathered([p.mentions for p in people], voted)
    resolved = []
    for k, person in enumerate(people):
        participant, weight, found = _resolve(person)
        resolved.append((participant, person.mentions))
        takes_part = k in voted or k in present
        sources = len({m.span.article for m in person.mentions})
        rank = (0.0 if k in present else weight, sources, len(person.mentions))  # named
        # once at a gathering: after its principals
        ranked.append((takes_part, rank, participant))
        gaps.extend(found)
    affiliated = {_form(m.affiliation) for m in mentions if m.affiliation and m.participant}
    reports = len({f.article.id for f in facts})
    ranked += _actors([m for m in everyone if not _is_person(m)], ranked, affiliated, reports,
                      [e for f in facts for e in f.entities])
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)  # participants first: they get
    # the country a report implies before someone only mentioned with the same title
    mentions_of = {id(p): ms for p, ms in resolved}
    filled = fill_countries([(p, mentions_of.get(id(p), [])) for _, _, p in ranked], facts)
    ranked = [(part, rank, p) for (part, rank, _), p in zip(ranked, filled, strict=True)]
    ranked.sort(key=lambda r: r[1], reverse=True)
    return PeopleResult(
        participants=tuple(p for part, _, p in ranked if part),
        mentioned=tuple(p for part, _, p in ranked if not part),
        discrepancies=tuple(gaps),
    )
