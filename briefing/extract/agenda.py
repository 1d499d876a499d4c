"""Agenda items from one article: the topics its participants discuss, agree on or aim to address.

A topic is found from the sentence's dependency structure, never from a phrase list:
- the object of a discussion verb ("will discuss X", "focus on X", "X was discussed");
- what is agreed ("agreed on X", "agreed to set up X");
- the object of a talk noun ("talks on X", "a call about X");
- the subject of a clause that puts it on the agenda ("X was on the agenda", "X topped the
  talks", "X were at the heart of the discussions");
- the members of a general word ("issues such as X and Y", "everything from X to Y");
- what a participant presses, offers, demands or calls for, promises, orders or aims to do
  (an action is listed in its "-ing" form: "ending joint military exercises");
- the purpose of the meeting ("met to X", "the summit is intended to X").
Each topic is shaped into a noun phrase and tested by extract/agenda_phrase.py: relative and
adverbial clauses cut; pronouns, demonstratives, times, general words ("the meeting", "this
matter"), people and bare names of people dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from briefing.extract import statements
from briefing.extract.agenda_phrase import (
    as_gerund,
    balanced,
    general,
    head_of,
    listable,
    phrase,
    qualified,
    without_conjuncts,
)
from briefing.extract.entities import entity_at as entity_of
from briefing.extract.sentences import opens_sentence, sentence_of
from briefing.knowledge import load, word_set
from briefing.temporal.direction import infinitive
from briefing.types import PAIR, Statement

MAX_CLIMB = 4  # "at the heart of the discussions": prepositions between a verb and its noun


def agenda(doc: Doc, article_id: str) -> list[Statement]:
    """Return the agenda items the article states, one per topic, in reading order."""
    items: list[Statement] = []
    for sent in doc.sents:
        seen: set[str] = set()
        covered: set[int] = set()
        later: list[Root] = []  # examples a cut clause held
        for root, party, cue in with_list_members(chain_roots(topic_roots(sent), later)):
            if root.i in covered:  # "discuss X and Y": Y is a conjunct of X, not a new list
                continue
            words = phrase(beyond_quantity(root))
            found = topics(words, party=party)
            if found:  # a rejected phrase ("Prime Minister X over Y") leaves its words free
                covered |= {w.i for w in words}
            later += [(m, False, cue) for m in examples(root) if m.i not in covered]
            for text in found:
                if text.lower() not in seen:
                    seen.add(text.lower())
                    items.append(Statement(text, statements.source(article_id, sent),
                                           kind="agenda", cue=cue,
                                           actor=actor_of(root) if cue == "stance"
                                           else meant_for(root) or pair_of(root)
                                           or discusser(root, cue)))
    return items


Root = tuple[Token, bool, str]  # a topic's head word, whether a bare name there is a party
# acted on, and the cue that gave it (one of types.AGENDA_CUES)


def actor_of(root: Token) -> str | None:
    """Return the body or country that is the subject of the verb a stance's topic hangs from
    ("Oxfam welcomed the statement": Oxfam), or None when it names none (a pronoun, "the two
    leaders"). A person is left out: who a person speaks for is often unknown (a president's
    own minister meets), so no stance of a person is dropped."""
    verb = next((a for a in root.ancestors if a.pos_ == "VERB"), None)
    while verb is not None and verb.dep_ in ("xcomp", "conj") and not any(
            c.dep_ in ("nsubj", "agent") for c in verb.children):
        verb = verb.head  # "called on X to end Y": the caller
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] + [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for subject in subjects:
        ent = entity_of(subject)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP"):
            return ent.text
    return None


def meant_for(root: Token) -> str | None:
    """Return the person a list of topics is for ("other possible topics for Mr. Putin
    include X": Putin), or None: the topics of a meeting with that person, which are the
    reported event's only when that person takes part (briefing.fuse.topics.outsider)."""
    lists = word_set("cues", "agenda_list_subjects")
    subject = next((c for a in root.ancestors if a.pos_ in ("VERB", "AUX") for c in a.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lists), None)
    if subject is not None:  # "topics ... include finding X": the list's own subject
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "with"):
                ent = next((entity_of(o) for o in prep.children if o.dep_ == "pobj"), None)
                if ent is not None and ent.label_ == "PERSON":
                    return ent.text
    return None


def pair_of(root: Token) -> str | None:
    """Return the two people "the two leaders" (the subject of the clause a topic hangs from)
    stands for, "A; B", when the sentence before names exactly two ("King Salman spoke with
    Erdogan. The two leaders agreed on a working group": "Salman; Erdogan"), or None. The
    topic is theirs: the event's only when both take part (briefing.fuse.topics.outsider)."""
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if verb is not None else None
    sent = sentence_of(root)
    if subject is None or not statements.pair_phrase(subject) or sent.start == 0:
        return None
    before = sentence_of(root.doc[sent.start - 1])
    names = list(dict.fromkeys(e.text for e in before.ents if e.label_ == "PERSON"))
    return PAIR.join(names) if len(names) == 2 else None


def beyond_quantity(root: Token) -> Token:
    """Return what a comparative quantity measures ("little more than new arms sales": sales),
    else the root itself."""
    if root.lemma_.lower() in word_set("cues", "agenda_quantity_words"):
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "than"):
            return next((c for c in prep.children if c.dep_ == "pobj"), root)
    return root


def chain_roots(first: Iterable[Root], later: list[Root]) -> Iterator[Root]:
    """Yield the roots of `first`, then those appended to `later` meanwhile."""
    yield from first
    while later:
        yield later.pop(0)


def examples(root: Token) -> Iterator[Token]:
    """Yield the examples inside a topic's clauses ("threats posed by states seeking X,
    including A and B": A, B): a cut clause must not take them with it."""
    for w in root.subtree:
        if w.dep_ == "prep" and w.lower_ in ("including", "like") or (
                w.lower_ == "as" and any(c.lower_ == "such" for c in w.head.children)):
            yield from (c for c in w.children if c.dep_ == "pobj")


def with_list_members(roots: Iterable[Root]) -> Iterator[Root]:
    """Yield each root, then the members of its list the parse hangs elsewhere: a list item
    parsed as an apposition ("North Korea, territorial disputes ... and trade"), and the
    conjuncts of either."""
    for root, party, cue in roots:
        yield root, party, cue
        for member in root.conjuncts:
            if member.i == root.head.i and further(root, member):
                continue  # "agreed to X, and to release Y": "agreed" is no item of the list
            yield member, party, cue
            for aside in (c for c in member.children if c.dep_ == "appos"):
                yield aside, party, cue
        for aside in (c for c in root.children if c.dep_ == "appos"):
            yield aside, party, cue
            yield from ((c, party, cue) for c in aside.conjuncts)


def topic_roots(sent: Span) -> Iterator[Root]:
    """Yield the head words of what the sentence says is discussed, agreed or addressed (see
    `Root`)."""
    for tok in sent:
        stance = tok.pos_ == "VERB" and tok.lemma_.lower() in word_set("cues", "agenda_party_verbs")
        for root, cue in roots_of(tok):
            yield root, stance, cue


def roots_of(tok: Token) -> Iterator[tuple[Token, str]]:
    """Yield the topics one word of a sentence introduces (see the module docstring), each with
    its cue: "discussed", "agreed", "stance" (pressed, offered, aimed at) or "purpose"."""
    cues = load("cues")
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in word_set("cues", "agenda_verbs"):
        if denied(tok):
            return  # "did not discuss trade": no topic of theirs (a stance denied, "will not
            # allow a Palestinian state", still names one)
        if discussant(tok):
            yield from cued(verb_objects(tok), "discussed")
    elif tok.pos_ in ("VERB", "ADJ") and lemma in word_set("cues", "agenda_agree_verbs"):
        cue = "agreed" if lemma in word_set("cues", "agenda_mutual_verbs") else "stance"
        yield from cued(agreed(tok), cue)  # "agreed to X" binds the parties; "announced",
        if by_actor(tok):  # "approved", "promised X" are one party's
            yield from cued(stance_objects(tok), cue)
    elif tok.pos_ == "VERB" and lemma in word_set("cues", "agenda_aim_verbs") and by_actor(tok):
        yield from cued((c for c in agreed(tok) if c.pos_ == "VERB"), "stance")  # "we strive
        # to reduce X"
    elif tok.pos_ in ("VERB", "AUX") and (statements.outcome(tok, cues)
                                        or statements.planned(tok, cues)) and not by_others(tok):
        yield from cued((c for c in tok.children if c.dep_ == "dobj"), "agreed")
    elif tok.pos_ == "VERB" and lemma in word_set("cues", "agenda_stance_verbs") and by_actor(tok):
        yield from cued(stance_objects(tok), "stance")
    if tok.pos_ == "VERB" and (lemma in word_set("cues", "agenda_meeting_verbs")
                               or lemma in word_set("cues", "agenda_plan_verbs") and by_meeting(tok)):
        yield from cued(purposes(tok), "purpose")
    if tok.pos_ in ("VERB", "AUX") and lemma in word_set("cues", "agenda_list_verbs"):
        yield from cued(listed(tok), "discussed")
    if tok.pos_ == "VERB" and lemma in word_set("cues", "speech_verbs"):
        yield from cued(fronted_topic(tok), "stance")
    if tok.pos_ in ("NOUN", "PROPN") and lemma in (word_set("cues", "agenda_talk_nouns")
                                                   | word_set("cues", "agenda_issue_nouns")
                                                   | word_set("cues", "agenda_path_nouns")) \
            and not raised_by_no_party(tok) and not owned_path(tok):
        yield from cued(prep_objects(tok), "discussed")
    if lemma in word_set("cues", "agenda_nouns") or (
            lemma in word_set("cues", "agenda_talk_nouns") and tok.tag_ == "NNS"):
        if not denied(tok):  # "X was not on the agenda"
            yield from cued(placed_on_agenda(tok), "discussed")


def denied(tok: Token) -> bool:
    """Return True for a word whose clause says it did not happen: a negated verb ("did not
    discuss X"; not one an agreement governs), or the agenda a negated verb places
    something on ("X was not on the agenda")."""
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head
    return verb.dep_ != "xcomp" and any(c.dep_ == "neg" for c in verb.children)


def raised_by_no_party(noun: Token) -> bool:
    """Return True for a question or concern that something other than a party raises ("it
    has prompted questions over whether X"): a reaction to the event, not its agenda."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or noun.lemma_.lower() not in word_set(
            "cues", "agenda_issue_nouns"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ in ("it", "this", "that") for s in subjects)


def cued(roots: Iterable[Token], cue: str) -> Iterator[tuple[Token, str]]:
    return ((root, cue) for root in roots)


def verb_objects(verb: Token) -> Iterator[Token]:
    """Yield the objects of a discussion verb: direct ("discuss X"), through a topic
    preposition ("focus on X"), the subject of a passive ("X was discussed"), and the ends of
    "from X to Y" when the object is a general word ("everything from X to Y")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and not relative_word(child):
            if not (verb.lemma_.lower() in word_set("cues", "agenda_review_verbs")
                    and paraded(child)):
                yield child
        elif child.dep_ == "prep" and child.lower_ in word_set("cues", "agenda_topic_prepositions"):
            if not any(c.dep_ == "dobj" for c in verb.children):  # else it is the object's
                yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ in ("xcomp", "ccomp") and clause_topic(child):
            yield child


def paraded(noun: Token) -> bool:
    """Return True for people lined up to be reviewed ("reviewed an honour guard", "rows of
    troops"): the object of a review that is people is a ceremony, not a topic (cues
    agenda_paraded_nouns; "rows of X", agenda_formation_nouns, is X)."""
    nouns = word_set("cues", "agenda_paraded_nouns")
    if noun.lemma_.lower() in nouns:
        return True
    return noun.lemma_.lower() in word_set("cues", "agenda_formation_nouns") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in nouns
        for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def by_actor(verb: Token) -> bool:
    """Return True when the verb's subject is someone who can take part: a person, country or
    body, a personal pronoun, or a word for a party ("the two leaders", "both sides")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if verb.dep_ == "relcl" and any(relative_word(s) for s in subjects):  # "X, who promised"
        subjects = [verb.head]
    if not subjects and verb.dep_ in ("xcomp", "conj", "advcl"):
        if verb.dep_ == "conj":  # "Russia was not convinced and called for X": Russia
            subjects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if not subjects:
            return by_actor(verb.head) if verb.head.pos_ in ("VERB", "AUX") else True
    return any(s.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")
               or s.lower_ in ("he", "she", "they", "we", "i", "them", "him", "her", "us")
               or s.lemma_.lower() in word_set("cues", "agenda_actor_nouns")
               | word_set("cues", "event_nouns") for s in subjects)


def by_others(verb: Token) -> bool:
    """Return True when the verb's subject is a common noun for others than the parties
    ("companies signed deals", "activists launched a campaign"): what they conclude is not
    the meeting's. A party's word ("both sides", "officials") or a name is none."""
    parties = word_set("cues", "agenda_actor_nouns") | word_set("cues", "event_nouns")
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_
               and c.lemma_.lower() not in parties for c in verb.children)


def discussant(verb: Token) -> bool:
    """Return False when those who discuss only look on ("reporters covering sensitive
    stories", "analysts debating X"): they take no part, so what they cover is no topic."""
    onlookers = word_set("cues", "agenda_onlooker_nouns")
    return not any(c.lemma_.lower() in onlookers for c in clause_subjects(verb))


def discusser(root: Token, cue: str) -> str | None:
    """Return the person who discusses a topic, as the discussion verb's subject names them
    ("X dined with Y, discussing arts": X), or None (a pronoun, "the two leaders", a
    country). The topic is that person's conversation: the event's only when they, or someone
    of a side, take part (briefing.fuse.topics.outsider)."""
    if cue != "discussed":
        return None
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in word_set("cues", "agenda_verbs"):
        return None
    subject = next((c for c in clause_subjects(verb) if c.dep_ == "nsubj"), None)
    ent = entity_of(subject) if subject is not None else None
    return ent.text if ent is not None and ent.label_ == "PERSON" else None


def clause_subjects(verb: Token) -> list[Token]:
    """Return the subjects of a verb, or of the verb a non-finite one hangs on, up to
    MAX_CLIMB verbs up ("reporters are prevented from covering X": reporters; "X dined with
    Y, discussing Z": X); [] when none is said."""
    tok = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or tok.dep_ not in ("xcomp", "pcomp", "advcl", "conj") or tok.head.i == tok.i:
            return subjects
        tok = tok.head.head if tok.dep_ == "pcomp" else tok.head
    return []


def fronted_topic(verb: Token) -> Iterator[Token]:
    """Yield the topic a statement opens with: "On Ukraine, Tillerson said ..." (a topic
    preposition before the subject, set off by a comma)."""
    for prep in verb.lefts:
        after = prep.right_edge.i + 1
        if (prep.dep_ == "prep" and prep.lower_ in ("on", "regarding", "concerning", "about")
                and after < len(verb.doc) and verb.doc[after].text == ","):
            yield from (c for c in prep.children if c.dep_ == "pobj")


def by_meeting(verb: Token) -> bool:
    """Return True when the meeting itself is the subject ("the summit is intended to X")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in word_set("cues", "event_nouns")
               for c in verb.children)


def listed(verb: Token) -> Iterator[Token]:
    """Yield what a list of topics holds: "other issues include X, Y", "the agenda covers X",
    "the main sticking point is X" (the subject a word for a topic)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in word_set("cues", "agenda_list_subjects") for s in subjects):
        yield from (c for c in verb.children if c.dep_ in ("dobj", "attr"))
    elif any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in word_set(
            "cues", "agenda_open_words") for c in verb.children):  # "X remain unresolved"
        yield from subjects


def stance_objects(verb: Token) -> Iterator[Token]:
    """Yield what a participant presses, offers, pledges or calls for: the direct object, or
    the object of a topic preposition ("pressed him on X", "called for X")."""
    addressee = any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dobj" and not relative_word(child) and child.pos_ != "PRON" and not (
                addressee and child.i < max(c.i for c in verb.children
                                            if c.dep_ in ("xcomp", "ccomp", "oprd"))):
            yield child
        elif child.dep_ == "prep" and child.lower_ in word_set("cues", "agenda_stance_prepositions"):
            yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp"))


def purposes(verb: Token) -> Iterator[Token]:
    """Yield the purpose of a meeting ("met to discuss X", "called to congratulate him"): the
    verb of its "to" clause, whose phrase becomes the item ("congratulating him ...")."""
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and infinitive(child):
            if child.lemma_.lower() not in word_set("cues", "agenda_verbs") | word_set(
                    "cues", "agenda_not_purposes"):
                yield child


def clause_topic(clause: Token) -> bool:
    """Return True for "expanding X", "how to X" or "whether X" after a discussion verb: the
    clause is the topic."""
    return clause.tag_ == "VBG" or any(w.tag_ == "WRB" or w.lower_ == "whether"
                                       for w in clause.lefts)


def agreed(verb: Token) -> Iterator[Token]:
    """Yield what is agreed, promised or announced: "agreed on X" (X), "committed to X" (X),
    "agreed to consult on X" (X), "agreed to create X", "announced it would end X" (the action,
    listed as "creating X", "ending X")."""
    for child in verb.children:
        if child.dep_ == "prep" and (child.lower_ in word_set("cues", "agenda_topic_prepositions")
                                     or child.lower_ == "to" and by_actor(verb)):
            yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB" or further(child, verb):
            lemma = child.lemma_.lower()
            if lemma in word_set("cues", "agenda_verbs"):
                yield from verb_objects(child)
            elif lemma not in word_set("cues", "speech_verbs") | {"be", "have"}:
                yield child


def further(child: Token, verb: Token) -> bool:
    """Return True for a second "to" complement the parse hangs on the verb as its conjunct
    ("agreed to hold talks ..., and to release the prisoners"): an infinitive with no subject
    of its own, beside an infinitive complement of the verb."""
    return child.dep_ == "conj" and child.pos_ == "VERB" and infinitive(child) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) \
        and any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)


def owned_path(noun: Token) -> bool:
    """Return True for a path someone owns ("Iran's path to a weapon", "their road to
    recovery"): where it leads is that side's aim, no topic of the meeting's own (the path
    is one when a verb of the meeting governs it: "agreed on their road to recovery")."""
    return noun.lemma_.lower() in word_set("cues", "agenda_path_nouns") and any(
        c.dep_ == "poss" for c in noun.children)


def prep_objects(noun: Token, *, depth: int = 0) -> Iterator[Token]:
    """Yield the objects of a talk or issue noun's topic preposition ("talks on X", "a
    solution to X"), also behind "including" ("differences, including on X") and behind its
    parties ("differences between the two nations on X", where the parse hangs "on X" there)."""
    topical = word_set("cues", "agenda_topic_prepositions")
    if noun.lemma_.lower() in word_set("cues", "agenda_issue_nouns") | word_set(
            "cues", "agenda_path_nouns"):
        topical = topical | {"to"}
    own = {w.i for w in noun.subtree}
    stray = [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i
             and c.i - 1 in own] if noun.dep_ in ("attr", "dobj", "nsubj") and depth == 0 else []
    for child in [*(c for c in noun.children if c.dep_ == "prep"), *stray]:
        if child.lower_ in topical:
            yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.lower_ == "including":
            yield from prep_objects(child, depth=depth)
        elif child.lower_ in ("between", "among", "with") and depth == 0:
            for party in (c for c in child.children if c.dep_ == "pobj"):
                yield from prep_objects_of_party(party)


def prep_objects_of_party(party: Token) -> Iterator[Token]:
    """Yield what a topic preposition hung on a party holds ("the nations on Syria")."""
    for child in party.children:
        if child.dep_ == "prep" and child.lower_ in word_set("cues", "agenda_topic_prepositions"):
            yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp"))


def placed_on_agenda(noun: Token) -> Iterator[Token]:
    """Yield the subject of a clause that puts it on the agenda: "X was on the agenda", "X
    topped the agenda", "X were at the heart of the discussions", "X is the main issue"."""
    if noun.dep_ == "dobj":
        verb = noun.head if noun.head.lemma_.lower() in word_set("cues", "agenda_lead_verbs") else None
    else:
        verb = copula_over(noun)
    if verb is not None:
        yield from (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def copula_over(noun: Token) -> Token | None:
    """Return the "be" whose complement holds `noun`, through prepositions and place words
    ("on the agenda", "at the top of the agenda", "the focus of the talks"), else None."""
    tok = noun
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "attr":
            break
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return None
        host = tok.head.head
        if host.pos_ in ("VERB", "AUX"):
            return host if host.lemma_ == "be" else None
        if host.lemma_.lower() not in word_set("cues", "agenda_places"):
            return None
        tok = host
    return tok.head if tok.dep_ == "attr" and tok.head.lemma_ == "be" else None


def relative_word(tok: Token) -> bool:
    return tok.tag_ in ("WDT", "WP") or tok.lower_ == "that"


def topics(words: Sequence[Token], *, party: bool = False) -> list[str]:
    """Return the items a topic phrase gives: its coordinated parts, a general word replaced
    by its examples ("issues such as X"), each a phrase a person would list; a verb as its
    "-ing" form ("congratulating him on his victory")."""
    out: list[str] = []
    clause = bool(words) and words[0].lemma_.lower() in word_set("cues", "agenda_clause_heads")
    parts = [list(words)] if clause else statements.parallel_parts(words)
    owner = shared_owner(parts)
    for n, part in enumerate(parts):
        head = head_of(part)
        if n and owner and head is not None and head.i in owner[1]:
            part = [*owner[0], *part]  # "North Korea's nuclear weapons and missile programs"
        elif head is not None and part[0].lower_ == "the" and restricted_away(head, part):
            part = part[1:]  # "the unfair trade practices [that drive X]": which ones, cut
        if head is not None and head.lemma_.lower() in word_set(
                "cues", "agenda_issue_nouns") - word_set("cues", "agenda_outcome_nouns"):
            given = [t for m in prep_objects(head) for t in topics(phrase(m))]
            if given:  # "noted differences between them on X": X is the topic
                out += given
                continue
        if head is not None and general(head):
            given = [t for m in members(head, part) for t in topics(phrase(m), party=party)]
            out += given
            if given or not qualified(head, part):  # "security issues" names its field
                continue
            part = without_conjuncts(part, head)
        if not listable(part, party=party) or not (part := impersonal(part)):
            continue
        if head is not None and head.pos_ == "VERB":
            part = light_object(head, part)
        texts = [statements.text_of(part)] if part[0].pos_ == "VERB" else (
            statements.shared_head(part))
        shaped = [balanced(as_gerund(" ".join(owners_named(SPEAKER_OWNS.sub("the", t), part)
                                              .split()), part))
                  for t in texts if len(texts) == 1 or not ends_in_a_party(t)]
        first = part[0]  # "The borders of X" opened its sentence: "the borders of X" in a list
        if opens_sentence(first) and first.pos_ != "PROPN" and not first.ent_type_:
            shaped = [lowered(t) for t in shaped]
        out += shaped
    return out


def shared_owner(parts: Sequence[Sequence[Token]]) -> tuple[list[Token], set[int]] | None:
    """Return the named owner of a list's first noun and the heads of the nouns joined to it
    that have no determiner or owner of their own ("North Korea's weapons and missile
    programs": "North Korea's", {programs}), or None."""
    head = head_of(parts[0]) if len(parts) > 1 else None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"),
                 None) if head is not None and head.pos_ == "NOUN" else None
    if owner is None:
        return None
    bare = {c.i for c in head.conjuncts if c.pos_ == "NOUN" and not any(
        d.dep_ in ("det", "poss") or d.pos_ == "PROPN" for d in c.children)}
    return sorted(owner.subtree, key=lambda t: t.i), bare


def restricted_away(head: Token, part: Sequence[Token]) -> bool:
    """Return True when the clause that said which ones a described noun means was cut from
    the phrase ("the unfair practices that drive the imbalance"): "the" then points at
    nothing, and the description names the topic ("unfair practices"). A bare noun stays
    as it was: alone it would name nothing."""
    ids = {w.i for w in part}
    mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.i in ids]
    pointing = word_set("cues", "agenda_pointing_adjectives")  # "the same war": still points
    described = bool(mods) and not any(
        c.tag_ in ("JJS", "JJR") or c.lower_ in pointing or c.like_num for c in mods)
    return described and not any(c.dep_ in ("prep", "poss", "compound", "amod", "nmod")
                                 and c.pos_ == "PROPN" for c in head.children) and any(
        c.dep_ == "relcl" and c.i not in ids and head.doc[c.left_edge.i - 1].text != ","
        for c in head.children)


def light_object(verb: Token, part: list[Token]) -> list[Token]:
    """Return a light verb's topic without the verb: its object names what it is about
    ("wishing congratulations on winning": "congratulations on winning"; "expressing support
    for the alliance": "support for the alliance")."""
    if verb.lemma_.lower() not in word_set("cues", "agenda_light_verbs"):
        return part
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c in part
                and c.pos_ == "NOUN"), None)
    return part if obj is None else [w for w in part if w.i >= obj.left_edge.i]


def lowered(text: str) -> str:
    """Return a topic with its first word in lower case, unless it is an acronym ("NATO")."""
    first = text.split(" ", 1)[0]
    return text if first[1:2].isupper() else text[:1].lower() + text[1:]


SPEAKERS = frozenset({"i", "me", "my", "myself", "mine", "we", "us", "our", "ours",
                      "ourselves", "you", "your", "yours", "yourself", "yourselves"})


SPEAKER_OWNS = re.compile(r"\b(?:[Oo]ur|[Mm]y|[Yy]our)(?: own)?\b")  # "our trade deal": "the"


def impersonal(part: Sequence[Token]) -> list[Token]:
    """Return a quoted topic without the speaker as indirect object ("wishing me
    congratulations on X": "wishing congratulations on X"; a possessive becomes "the" in
    `topics`); none when the speaker is more than that ("the summit between Kim and
    myself")."""
    own = [w for w in part if w.lower_ in SPEAKERS and w.pos_ == "PRON"]
    if not all(w.dep_ in ("poss", "dative") for w in own):
        return []
    return [w for w in part if w.dep_ != "dative" or w not in own]


OWNER_KINDS = {"its": ("GPE", "ORG", "NORP"), "his": ("PERSON",), "her": ("PERSON",)}


def owners_named(text: str, part: Sequence[Token]) -> str:
    """Return a topic with a possessive pronoun replaced by the owner it stands for ("ending
    joint exercises with its allies": "... with the United States' allies"): the nearest name
    of the pronoun's kind before it in the sentence that is the subject of a clause over it
    or the owner of a word over it.
    A pronoun written twice, or of no such owner, stays."""
    for pron in (w for w in part if w.dep_ == "poss" and w.lower_ in OWNER_KINDS):
        pattern = re.compile(rf"\b{pron.text}\b")
        owner = owner_of(pron)
        if owner is not None and len(pattern.findall(text)) == 1:
            text = pattern.sub(possessive(owner), text)
    return text


def owner_of(pron: Token) -> str | None:
    """Return the name a possessive pronoun refers to (see `owners_named`), else None; none
    for "his" or "her" after two people ("Murphy blasted Trump for his actions")."""
    kinds = OWNER_KINDS[pron.lower_]
    before = pron.doc[pron.sent.start : pron.i]
    people = {e.root.text for e in pron.doc.ents
              if e.label_ == "PERSON" and before.start <= e.start < before.end}
    if "PERSON" in kinds and len(people) > 1:
        return None
    above = {a.i for a in pron.ancestors} - {pron.head.i}
    for tok in reversed(before):
        if tok.dep_ in ("nsubj", "nsubjpass", "poss") and tok.ent_type_ in kinds \
                and tok.head.i in above:
            span = next((e for e in pron.doc.ents if e.start <= tok.i < e.end), None)
            return span.text if span is not None else tok.text
    return None


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def ends_in_a_party(text: str) -> bool:
    """Return True for one wording of a split list that ends in a word for people ("China and
    your great president": "your great president"): a party, not a topic."""
    last = text.split()[-1].lower() if text.split() else ""
    return last in word_set("cues", "agenda_actor_nouns") | word_set(
        "cues", "agenda_people_nouns") | word_set("titles", "heads")


def members(head: Token, part: Sequence[Token]) -> Iterator[Token]:
    """Yield the examples a general word gives: "such as X", "including X", "from X to Y",
    "the issue of X"; the conjuncts of each."""
    yield from (c for c in head.children if c.dep_ == "appos")  # "one thing: X"
    yield from (c for c in head.children if c.dep_ == "acl" and c.pos_ == "VERB"
                and infinitive(c))  # "a willingness to V X"
    yield from after_colon(head)
    for prep in (c for c in head.children if c.dep_ == "prep"):
        if prep.lower_ in word_set("cues", "agenda_example_prepositions") or (
                prep.lower_ == "of" and not any(w.lower_ == "of" for w in prep.lefts)):
            for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                yield obj
                yield from (c for c in obj.conjuncts if c.i > obj.i)
    ranges = [c for c in [*head.children, *head.head.children] if c.dep_ == "prep"
              and c.i > head.i and c.lower_ in ("from", "to")]
    if any(p.lower_ == "from" for p in ranges):  # "everything from X to Y, Z and W"
        for obj in (c for p in ranges for c in p.children if c.dep_ == "pobj"):
            yield from list_of(obj)


def list_of(tok: Token) -> Iterator[Token]:
    """Yield a word and the other members of its list: conjuncts and list items the parse
    hangs as appositions, with their conjuncts."""
    yield tok
    for member in [*tok.conjuncts, *(c for c in tok.children if c.dep_ == "appos")]:
        if member.i > tok.i:
            yield member
            yield from (c for c in member.children if c.dep_ == "appos")
            yield from (c for c in member.conjuncts if c.i > member.i)


def after_colon(head: Token) -> Iterator[Token]:
    """Yield the head of the phrase after a colon that ends a general word's phrase ("agree on
    one thing: the danger of X"), however the parse attached it."""
    colon = head.right_edge.i + 1
    doc = head.doc
    if colon + 1 < len(doc) and doc[colon].text == ":":
        yield from (t for t in doc[colon + 1 : head.sent.end]
                    if t.pos_ in ("NOUN", "PROPN") and t.head.i < colon)


def texts(items: Iterable[Statement]) -> list[str]:
    return [i.text for i in items]
