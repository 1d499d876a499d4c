"""The event's agenda: the topics its reports give, merged and ranked.

Two wordings of one topic are one item (`items.merge` with `topics`). A bare name of a party's
own country ("Russia" at a meeting with Russia's president) is who meets, not what about, and
is dropped. Items are ranked by how many reports list them, then those that stand on their own
before those that point at words outside them (a personal or demonstrative pronoun: "its
arsenal", "reopening their shared complex", "that conflict"; not "at this stage"), then by
how many reports carry them: a report carries a topic it lists, or one of two or more content
words its text has every one of; ties keep the order of `merge`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.fuse.items import merge, reports_of, singular, topic_words
from briefing.fuse.people_country import is_office
from briefing.knowledge import word_set
from briefing.knowledge.lexicon import lexicon
from briefing.types import AGENDA_CUES, DIRECT_CUES, PAIR, ArticleFacts, Item, Participant

LEADING = 4  # the participants whose countries are parties, not topics


def agenda(group: Sequence[ArticleFacts], people: Sequence[Participant],
           mentioned: Sequence[Participant] = ()) -> tuple[Item, ...]:
    """Return the event's agenda items, most carried first (see the module docstring)."""
    officials = [m for m in mentioned if is_office(m.role)]
    merged = merge((s for f in group for s in f.agenda  # a person who discusses, or whom a
                    # list is for, is a side when taking part or holding a side's office
                    if not outsider(s.actor, people,
                                    mentioned if s.cue == "stance" else officials)),
                   topics=True)
    parties = {p.country for p in people[:LEADING] if p.country}
    kept = [i for i in merged if not party_name(i.text, parties)]
    words = [report_words(f.article.text) for f in group]
    order = {id(i): n for n, i in enumerate(kept)}
    return tuple(sorted(kept, key=lambda i: (-reports(i),
                                             pointing(i.text), -carried(i, group, words),
                                             order[id(i)])))


def outsider(actor: str | None, people: Sequence[Participant],
             mentioned: Sequence[Participant] = ()) -> bool:
    """Return True for the topic of a side (see Statement.actor) that is no side of the
    event: no participant, nor a participant's country ("Oxfam welcomed the statement" at a
    meeting of ministers; not "the State Department" when the US Secretary of State meets).
    A person of a participant's country among the `mentioned` is a side too: the model may
    tag a surname as an organisation ("Navarro called X ..."). Unknown without participants."""
    if not actor or not people:
        return False
    if PAIR in actor:  # a pair ("Salman; Erdogan"): theirs is the event's when both are sides
        return any(outsider(one, people, mentioned) for one in actor.split(PAIR))
    sides = {p.country for p in people if p.country}
    words = {w for w in re.findall(r"[^\W\d_]+", actor.lower()) if len(w) > 2}
    for p in [*people, *(m for m in mentioned if m.country in sides)]:
        if words & {w.lower() for n in (p.name, *p.aliases) for w in n.split()}:
            return False
    return lexicon().body(actor) not in sides


def direct(item: Item) -> bool:
    """Return True for a topic a report says is discussed or agreed between the parties, not
    only one party's stance or the meeting's purpose (see types.AGENDA_CUES); an item of no
    known cue counts as direct."""
    return item.cue in DIRECT_CUES or item.cue not in AGENDA_CUES


def strong(item: Item) -> bool:
    """Return True for a topic a bottom line may name: two reports give it, or one gives it
    directly and it does not point outside itself ("his earlier conversations"). (The Agenda
    keeps its order: one party's stance is often what the meeting is about, "opposition to
    Chinese activities".)"""
    return reports(item) > 1 or direct(item) and not pointing(item.text)


def reports(item: Item) -> int:
    """Return how many reports list the item."""
    return reports_of(item.sources)


def pointing(text: str) -> bool:
    """Return True for a topic whose words point at something it does not name ("giving up
    its arsenal", "his earlier conversations"): a reader cannot tell what it is about. A
    demonstrative of a time or setting ("at this stage") points at none."""
    words = re.findall(r"[^\W_]+", text.lower())
    settings = word_set("cues", "agenda_not_topics")
    pointers = word_set("cues", "agenda_pointers")  # their referent is outside the item
    return any(w in pointers and not (i + 1 < len(words) and singular(words[i + 1]) in settings)
               for i, w in enumerate(words))


def party_name(text: str, parties: set[str]) -> bool:
    """Return True for a bare country name (or its capital) of one of the parties."""
    return lexicon().country(text) in parties


def report_words(text: str) -> frozenset[str]:
    """Return a report's words, lowercased and singular (as `topic_words` gives a topic's)."""
    return frozenset(singular(w) for w in re.findall(r"[^\W_]+", text.lower()))


def carried(item: Item, group: Sequence[ArticleFacts], words: Sequence[frozenset[str]]) -> int:
    """Return how many reports carry the item: list it, or have every content word of it."""
    listed = {s.article for s in item.sources}
    need = topic_words(item.text)
    if len(need) < 2:  # one word ("laws", "peace") is in most reports on any topic
        return len(listed)
    return sum(1 for f, have in zip(group, words, strict=True)
               if f.article.id in listed or (need and need <= have))
